// Initial sync of 10,000 catalogue records into an empty browser: Tradewinds (the app
// bootstrapping from its server into IndexedDB) beside PouchDB replicating the same 10,000
// documents from pouchdb-server into IndexedDB. Prints figures; asserts nothing.
//
//   make server            # target/release/tradewinds; dist/ is the built app
//   cd tests/bench && npm ci && node initial-sync.mjs
//
// Everything runs on 127.0.0.1: the release binary on a fresh database (--no-seed), and
// pouchdb-server (LevelDB files in a temporary directory, its own config file there). The
// PouchDB page and its browser bundle are attachments of a document in pouchdb-server, so
// that the page and its database share one origin (no CORS preflights), as the Tradewinds
// app shares one with its server. Each system gets a fresh browser context.
//
// Time: from navigation start (the page's performance.timeOrigin) until
//  - Tradewinds: IndexedDB "tradewinds"/"records" holds every record and the sync status
//    says "All changes saved" and "last synced" (checked every 20 ms in the page);
//  - PouchDB: PouchDB.replicate(remote, local) with its default options has resolved (all
//    documents are in IndexedDB).
// Bytes: every request of the context (page and service worker) from Playwright's
// request.sizes(): request line and headers, body, response headers and the encoded
// (compressed) response body, as on the wire (HTTP/1.1). "data" is the sync traffic alone
// (Tradewinds: /api/v1/sync/*; PouchDB: /catalogue/*), "all" adds the page, its scripts and
// the wasm module.
//
// Environment: TW_BENCH_DEBUG (set: print the page's console and its sync status every 2 s
// to stderr), TW_BENCH_RECORDS (10000), TRADEWINDS_BIN, TRADEWINDS_DIST, TW_BENCH_TOKEN (sent
// as a bearer token on this script's own API requests, when set).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, DIST, call, signIn, startTradewinds as start, stopper, freePort, waitForRecords } from './lib.mjs';
import { catalogue, fillTradewinds } from './records.mjs';

const N = Number(process.env.TW_BENCH_RECORDS ?? 10000);
const require = createRequire(import.meta.url);

// ---- Servers ---------------------------------------------------------------------------

async function startTradewinds(dir) {
  const tw = await start(dir);
  token = tw.token;
  return tw;
}

async function startPouchdbServer(dir) {
  const port = await freePort();
  const bin = join(dirname(require.resolve('pouchdb-server/package.json')), 'bin/pouchdb-server');
  const child = spawn(process.execPath, [bin, '--host', '127.0.0.1', '--port', String(port), '--dir', dir,
    '--config', join(dir, 'config.json'), '--no-stdout-logs'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      if (i > 300) throw new Error('pouchdb-server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, stop: stopper(child) };
}

/** Headers of every request this script makes to the Tradewinds API (one place, so that a
 * token goes on all of them): `Authorization: Bearer $TW_BENCH_TOKEN` when that is set. */
function apiHeaders(extra = {}) {
  const bearer = process.env.TW_BENCH_TOKEN || token;
  return bearer ? { ...extra, authorization: `Bearer ${bearer}` } : extra;
}

let token;

function bodyBytes(url, encoding) {
  return new Promise((ok, fail) => {
    get(url, { headers: apiHeaders({ 'accept-encoding': encoding }) }, (res) => {
      let n = 0;
      res.on('data', (d) => { n += d.length; });
      res.on('end', () => ok(n));
    }).on('error', fail);
  });
}

/** The same records as plain documents ({ _id, kind, ...fields }), bulk_docs of 1,000. */
async function fillPouch(url, records) {
  await call('PUT', `${url}/catalogue`);
  for (let i = 0; i < records.length; i += 1000) {
    const docs = records.slice(i, i + 1000).map((r) => ({ _id: r.id, kind: r.kind, ...r.fields }));
    const answer = await call('POST', `${url}/catalogue/_bulk_docs`, { docs });
    const bad = answer.find((a) => a.error);
    if (bad) throw new Error(`bulk_docs: ${JSON.stringify(bad)}`);
  }
  // The page: an HTML attachment and PouchDB's browser bundle beside it (same origin).
  const bundle = readFileSync(join(dirname(require.resolve('pouchdb/package.json')), 'dist/pouchdb.min.js'));
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>PouchDB initial sync</title>
<script src="pouchdb.min.js"></script></head><body><p>Replicating…</p><script>
(async () => {
  try {
    const db = new PouchDB('catalogue');
    const info = await PouchDB.replicate(new URL('/catalogue', location.href).href, db);
    const ms = performance.now();
    const local = await db.info();
    window.benchResult = { ms, docs_written: info.docs_written, rows: local.doc_count, adapter: db.adapter };
  } catch (e) {
    window.benchResult = { error: String(e && e.stack || e) };
  }
})();
</script></body></html>`;
  await call('PUT', `${url}/bench`);
  await call('PUT', `${url}/bench/page`, { _attachments: {
    'index.html': { content_type: 'text/html', data: Buffer.from(html).toString('base64') },
    'pouchdb.min.js': { content_type: 'application/javascript', data: bundle.toString('base64') },
  } });
  return `${url}/bench/page/index.html`;
}

// ---- The browser side ------------------------------------------------------------------

/** Records every request of the context with its sizes on the wire. */
function recordTraffic(context) {
  const done = [];
  const failed = [];
  context.on('requestfinished', (req) => {
    const base = { url: req.url(), method: req.method(), sw: !!req.serviceWorker() };
    // A service worker's request can outlive the worker's session: its sizes are then lost.
    done.push(req.sizes().then((s) => ({ ...base, ...s }), () => ({ ...base, lost: true,
      requestHeadersSize: 0, requestBodySize: 0, responseHeadersSize: 0, responseBodySize: 0 })));
  });
  context.on('requestfailed', (req) => failed.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText}`));
  return async () => ({ requests: await Promise.all(done), failed });
}

function sum(requests, pick = () => true) {
  const rs = requests.filter(pick);
  const lost = rs.filter((r) => r.lost).length;
  const sent = rs.reduce((a, r) => a + r.requestHeadersSize + r.requestBodySize, 0);
  const received = rs.reduce((a, r) => a + r.responseHeadersSize + r.responseBodySize, 0);
  return { count: rs.length, lost, sent, received, total: sent + received };
}

/** Milestones from the page's resource timing, ms after navigation start. */
const MILESTONES = () => performance.getEntriesByType('resource').map((e) => ({
  name: new URL(e.name).pathname, start: e.startTime, responseStart: e.responseStart, end: e.responseEnd,
  transfer: e.transferSize, decoded: e.decodedBodySize,
}));

async function runTradewinds(browser, url) {
  const context = await browser.newContext();
  const traffic = recordTraffic(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let watch;
  if (process.env.TW_BENCH_DEBUG) {
    page.on('console', (m) => progress(`console.${m.type()}: ${m.text()}`));
    watch = setInterval(async () => {
      const status = await page.getByTestId('sync-status').textContent({ timeout: 1000 }).catch((e) => e.message);
      progress(`status: ${status}`);
    }, 2000);
  }
  await page.goto(`${url}/`, { waitUntil: 'commit' });
  await signIn(page);
  const result = await waitForRecords(page, N, { timeout: 180000, every: 20 })
    .finally(() => clearInterval(watch));
  const marks = await page.evaluate(MILESTONES);
  await new Promise((r) => setTimeout(r, 500)); // let the service worker's precache finish
  const { requests, failed } = await traffic();
  await context.close();
  return { ...result, marks, requests, failed, errors,
    data: sum(requests, (r) => new URL(r.url).pathname.startsWith('/api/v1/sync/')),
    all: sum(requests) };
}

async function runPouch(browser, pageUrl) {
  const context = await browser.newContext();
  const traffic = recordTraffic(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pageUrl, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => window.benchResult, null, { timeout: 600000, polling: 20 });
  const result = await handle.jsonValue();
  if (result.error) throw new Error(`PouchDB: ${result.error}`);
  const marks = await page.evaluate(MILESTONES);
  const { requests, failed } = await traffic();
  await context.close();
  return { ...result, marks, requests, failed, errors,
    data: sum(requests, (r) => new URL(r.url).pathname.startsWith('/catalogue')),
    all: sum(requests) };
}

// ---- Run -------------------------------------------------------------------------------

const started = performance.now();
const progress = (what) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${what}\n`);
const kb = (b) => `${(b / 1024).toFixed(0)} KiB`;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

const dirs = [mkdtempSync(join(tmpdir(), 'tw-bench-')), mkdtempSync(join(tmpdir(), 'pouch-bench-'))];
const stops = [];
let browser;
try {
  const records = catalogue(N);
  const tw = await startTradewinds(dirs[0]);
  stops.push(tw.stop);
  const pouch = await startPouchdbServer(dirs[1]);
  stops.push(pouch.stop);
  progress('servers started; loading them');
  let t = performance.now();
  await fillTradewinds(tw.url, records, apiHeaders());
  const twFill = performance.now() - t;
  t = performance.now();
  const pouchPage = await fillPouch(pouch.url, records);
  const pouchFill = performance.now() - t;

  // What the snapshot weighs in each encoding (node:http does not decode bodies).
  const sizes = {};
  const served = {};
  for (const enc of ['identity', 'gzip', 'br']) {
    const t0 = performance.now();
    sizes[enc] = await bodyBytes(`${tw.url}/api/v1/sync/snapshot`, enc);
    served[enc] = performance.now() - t0;
  }
  const build = readFileSync(join(DIST, 'index.html'), 'utf8').match(/tradewinds-build" content="([^"]+)"/)?.[1];

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  progress('Tradewinds in the browser');
  const a = await runTradewinds(browser, tw.url);
  progress('PouchDB in the browser');
  const b = await runPouch(browser, pouchPage);
  progress('done');

  const offsite = [...a.requests, ...b.requests].filter((r) => !r.url.startsWith('http://127.0.0.1:'));
  console.log(`initial sync of ${N} records (${records.filter((r) => r.kind === 'organisation').length} organisations, ` +
    `${records.filter((r) => r.kind === 'training_tool').length} training tools) into an empty browser`);
  console.log(`machine: ${cpus().length} × ${cpus()[0].model}, Chromium ${browser.version()}, Node ${process.version}; ` +
    `Tradewinds build ${build}, PouchDB ${require('pouchdb/package.json').version} (adapter ${b.adapter}) + pouchdb-server ${require('pouchdb-server/package.json').version}`);
  console.log(`loading the servers: Tradewinds push ${s(twFill)}, pouchdb-server bulk_docs ${s(pouchFill)}`);
  console.log(`Tradewinds snapshot body: ${kb(sizes.identity)} JSON, ${kb(sizes.gzip)} gzip, ${kb(sizes.br)} brotli; ` +
    `served to Node in ${s(served.identity)}, ${s(served.gzip)}, ${s(served.br)}`);
  const row = (name, r) => console.log(`${name.padEnd(11)} ${s(r.ms).padStart(8)}  rows ${String(r.rows).padStart(6)}  ` +
    `data ${kb(r.data.total).padStart(10)} in ${String(r.data.count).padStart(4)} requests (sent ${kb(r.data.sent)}, received ${kb(r.data.received)})  ` +
    `all ${kb(r.all.total).padStart(10)} in ${r.all.count} requests${r.all.lost ? ` (sizes of ${r.all.lost} service-worker requests lost)` : ''}`);
  row('Tradewinds', a);
  row('PouchDB', b);
  console.log(`ratios Tradewinds / PouchDB: time ${(a.ms / b.ms).toFixed(2)} (goal ≤ 0.3), data bytes ${(a.data.total / b.data.total).toFixed(2)} (goal ≤ 0.5), all bytes ${(a.all.total / b.all.total).toFixed(2)}`);
  const mark = (r, test) => r.marks.find((m) => test(m.name));
  const wasm = mark(a, (n) => n.endsWith('.wasm'));
  const snap = mark(a, (n) => n === '/api/v1/sync/snapshot');
  if (wasm && snap) {
    console.log(`Tradewinds timeline (ms after navigation): wasm fetched ${wasm.end.toFixed(0)}, snapshot requested ${snap.start.toFixed(0)}, ` +
      `first byte ${snap.responseStart.toFixed(0)}, received ${snap.end.toFixed(0)} (${kb(snap.transfer)} on the wire, ${kb(snap.decoded)} decoded), ` +
      `stored and shown ${a.ms.toFixed(0)}`);
  }
  const firstPouch = b.marks.filter((m) => m.name.startsWith('/catalogue'));
  if (firstPouch.length) {
    console.log(`PouchDB timeline (ms after navigation): first request ${firstPouch[0].start.toFixed(0)}, last response ${Math.max(...firstPouch.map((m) => m.end)).toFixed(0)}, done ${b.ms.toFixed(0)}`);
  }
  // What Chromium itself adds to each sync request (the figures above count it too).
  for (const q of a.requests.filter((r) => new URL(r.url).pathname.startsWith('/api/v1/sync/'))) {
    console.log(`Tradewinds ${q.method} ${new URL(q.url).pathname}: request headers ${q.requestHeadersSize} B, response headers ${q.responseHeadersSize} B (Chromium, HTTP/1.1)`);
  }
  if (offsite.length) console.log(`requests that left 127.0.0.1: ${offsite.map((r) => r.url).join(', ')}`);
  for (const [name, r] of [['Tradewinds', a], ['PouchDB', b]]) {
    if (r.failed.length || r.errors.length) console.log(`${name}: failed requests ${JSON.stringify(r.failed)}, page errors ${JSON.stringify(r.errors)}`);
  }
  if (process.env.TW_BENCH_VERBOSE) {
    for (const [name, r] of [['Tradewinds', a], ['PouchDB', b]]) {
      for (const q of r.requests) console.log(`  ${name} ${q.sw ? 'sw ' : ''}${q.method} ${q.url.slice(0, 120)} ${q.requestHeadersSize}+${q.requestBodySize} / ${q.responseHeadersSize}+${q.responseBodySize}`);
    }
  }
} finally {
  await browser?.close();
  for (const stop of stops) await stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
