// The benchmark catalogue: organisations and the training tools they provide, made the
// same way by every benchmark of this folder (a seeded generator), and loaded into a
// Tradewinds server as one device's creates.
import { randomUUID } from 'node:crypto';
import { call } from './lib.mjs';

function rng(seed) {
  let s = BigInt(seed);
  return () => {
    s = (s + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
    let z = s;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
    return Number((z ^ (z >> 31n)) & 0xffffffffn) / 2 ** 32;
  };
}

function uuid(next) {
  const h = Array.from({ length: 16 }, () => Math.floor(next() * 256));
  h[6] = (h[6] & 0x0f) | 0x40;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const COUNTRIES = ['BB', 'JM', 'TT', 'BS', 'BZ', 'GY', 'LC', 'KN', 'DM', 'GD', 'AG', 'VC', 'SR', 'HT'];
const TOPICS = ['risk_management', 'integrity', 'valuation', 'post_clearance_audit', 'enforcement',
  'trade_facilitation', 'leadership', 'it_automation', 'revenue'];
const SOURCE = 'Source: report of the first WCO sub-regional donor meeting, CARTAC office, Bridgetown, Barbados, 15–17 October 2012.';

/** `n` records ({ kind, id, fields }): three organisations for every seven training tools. */
export function catalogue(n) {
  const next = rng(2012);
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const orgs = [];
  const records = [];
  const nOrgs = Math.max(1, Math.round(n * 0.3));
  for (let i = 0; i < nOrgs; i++) {
    const country = pick(COUNTRIES);
    const id = uuid(next);
    orgs.push(id);
    records.push({ kind: 'organisation', id, fields: {
      name: `Customs and Excise Department ${i} of ${country}`,
      acronym: `CED${i}`,
      category: pick(['customs_administration', 'donor', 'ta_provider', 'regional_body']),
      country,
      website: `https://customs${i}.example.org`,
      status: 'active',
      languages: [pick(['en', 'fr', 'es', 'nl'])],
      memberships: ['WCO', 'CCLEC'],
      description: `Collects duties and taxes, facilitates legitimate trade and protects the borders of ${country}; national contact point for regional training (record ${i}).`,
      source: SOURCE,
    } });
  }
  for (let i = 0; records.length < n; i++) {
    records.push({ kind: 'training_tool', id: uuid(next), fields: {
      title: `Customs valuation e-learning course, module ${i}`,
      provider: pick(orgs),
      format: pick(['e_learning', 'classroom', 'workshop', 'blended']),
      platform: 'WCO CLiKC! e-learning platform',
      languages: ['en', pick(['fr', 'es'])],
      duration: 'About 20 hours, self-paced',
      audience: pick(['frontline', 'specialist', 'management']),
      access: 'national_coordinator',
      certification: 'WCO certificate of completion',
      cost: 'Free for member administrations',
      url: `https://clikc.example.org/course/${i}`,
      topics: [pick(TOPICS)],
      last_verified: '2012-10-17',
      description: `Valuation of imported goods under the WTO Agreement, with exercises and a final assessment (record ${i}).`,
      source: SOURCE,
    } });
  }
  return records;
}

/** The records as one device's creates, pushed in batches of 1,000. */
export async function fillTradewinds(url, records, headers) {
  const device = randomUUID();
  const at = Date.now();
  for (let i = 0; i < records.length; i += 1000) {
    const mutations = records.slice(i, i + 1000).map((r, k) => ({ n: i + k + 1, kind: r.kind, id: r.id, at, set: r.fields }));
    const answer = await call('POST', `${url}/api/v1/sync/push`, { device, mutations }, headers);
    if (answer?.rejections?.length) throw new Error(`refused: ${JSON.stringify(answer.rejections[0])}`);
  }
}

