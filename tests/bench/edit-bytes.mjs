// Bytes on the wire of one single-field edit made in the app by Chromium: the push and its
// acknowledgement, counted on the TCP connection (headers, HTTP/2 frames and TLS records
// included). Prints figures; asserts nothing.
//
//   make server dist       # target/release/tradewinds and the built app
//   cd tests/bench && npm ci && node edit-bytes.mjs
//
// The release binary runs on a seeded database. A TCP proxy in this script counts every
// byte between Chromium and what it connects to, in two set-ups:
//  - "HTTP/2 + TLS 1.3": Chromium → proxy → a TLS front end in this script (node:tls,
//    ALPN h2, a self-signed certificate made with the openssl command) → the server (h2c).
//    This is how a deployment serves the app (README: a TLS front end, HTTP/2).
//  - "HTTP/1.1 in clear": Chromium → proxy → the server.
// In each, a fresh browser signs in, syncs, opens an organisation's edit form, then edits
// its acronym twice. For each edit the script holds the sync round's pull (which follows
// the push) in the browser, so that the bytes counted between the click on Save and that
// pull are the push request and its answer only, plus any HTTP/2 control frames of the
// moment. The first edit is the first push on the connection (HPACK has not seen its
// headers yet); the second is a connection in use.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, call, signIn, startTradewinds } from './lib.mjs';

/** Joins `from` (an accepted socket) to a new connection to 127.0.0.1:`port`, both ways,
 * calling `seen.up`/`seen.down` with each chunk; either side closing closes both. */
function relay(from, port, seen) {
  const upstream = connect(port, '127.0.0.1');
  from.on('data', seen.up);
  upstream.on('data', seen.down);
  from.pipe(upstream);
  upstream.pipe(from);
  const close = () => { from.destroy(); upstream.destroy(); };
  for (const s of [from, upstream]) {
    s.on('error', close);
    s.on('close', close);
  }
}

async function listening(server) {
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { port: server.address().port, close: () => server.close() };
}

/** A TCP proxy on 127.0.0.1 to `port` that counts the bytes each way, over all connections. */
async function countingProxy(port) {
  const count = { up: 0, down: 0, connections: 0 };
  const server = createServer((client) => {
    count.connections += 1;
    relay(client, port, { up: (d) => { count.up += d.length; }, down: (d) => { count.down += d.length; } });
  });
  return { ...(await listening(server)), count };
}

/** A TLS 1.3 front end on 127.0.0.1 to the plain server at `port` (ALPN h2: the server
 * sees HTTP/2 with prior knowledge). While `plain.on`, what passes inside TLS is kept in
 * `plain.up` and `plain.down`. */
async function tlsFrontEnd(port, dir, plain) {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
  { stdio: 'ignore' });
  const server = createTlsServer({ key: readFileSync(key), cert: readFileSync(cert), ALPNProtocols: ['h2'],
    minVersion: 'TLSv1.3' }, (tls) => relay(tls, port, {
    up: (d) => { if (plain.on) plain.up.push(d); },
    down: (d) => { if (plain.on) plain.down.push(d); },
  }));
  return listening(server);
}

const FRAME_TYPES = ['DATA', 'HEADERS', 'PRIORITY', 'RST_STREAM', 'SETTINGS', 'PUSH_PROMISE', 'PING', 'GOAWAY',
  'WINDOW_UPDATE', 'CONTINUATION'];

/** The HTTP/2 frames in `chunks` (which start at a frame boundary): "TYPE size" for each. */
function frames(chunks) {
  const b = Buffer.concat(chunks);
  const out = [];
  for (let i = 0; i + 9 <= b.length;) {
    const size = b.readUIntBE(i, 3) + 9;
    out.push(`${FRAME_TYPES[b[i + 3]] ?? b[i + 3]} ${size}`);
    i += size;
  }
  return out.join(', ');
}

const quiet = (ms) => new Promise((r) => setTimeout(r, ms));

/** Signs in at `base`, syncs, and edits one organisation's acronym twice; the bytes of each
 * push and its answer. */
async function measure(browser, base, count, organisation, plain) {
  // No service worker: every request of the page then passes the route below (the
  // worker's own fetches would not), and the push is the page's, as when online.
  const context = await browser.newContext({ ignoreHTTPSErrors: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let hold = null;
  // While an edit is measured, every request but its push waits in the browser: the pull
  // that follows the push (which tells the push has been answered) and whatever the page
  // asks for meanwhile (the record's history, an icon).
  await context.route('**/*', async (route) => {
    const held = hold;
    if (held && !route.request().url().endsWith('/api/v1/sync/push')) {
      if (route.request().url().includes('/api/v1/sync/pull')) held.seen();
      await held.released;
    }
    await route.continue();
  });
  const pushes = [];
  const requests = [];
  context.on('request', (r) => {
    requests.push(`${r.method()} ${new URL(r.url()).pathname}`);
    if (r.url().endsWith('/api/v1/sync/push')) pushes.push(r);
  });
  const synced = () => page.waitForFunction(() => /All changes saved/.test(
    document.querySelector('[data-testid=sync-status]')?.textContent ?? ''), null, { timeout: 60000 });
  await page.goto(`${base}/`);
  await signIn(page);
  await synced();
  await page.goto(`${base}/organisations/${organisation.id}/edit`);
  await page.locator('input[name=acronym]').waitFor();
  await synced();
  const edits = [];
  for (const acronym of ['GCX', 'GCY']) {
    await quiet(1000);
    let seen;
    let release;
    const pulled = new Promise((ok) => { seen = ok; });
    hold = { seen, released: new Promise((ok) => { release = ok; }) };
    const before = { ...count, pushes: pushes.length, requests: requests.length };
    Object.assign(plain, { on: true, up: [], down: [] });
    const input = page.locator('input[name=acronym]');
    await input.fill(acronym);
    await page.getByTestId('save').click();
    await pulled;
    await quiet(300); // control frames the browser sends after reading the answer
    const after = { ...count, pushes: pushes.length };
    plain.on = false;
    hold = null;
    release();
    const push = pushes[pushes.length - 1];
    const response = await push.response();
    edits.push({
      up: after.up - before.up,
      down: after.down - before.down,
      pushes: after.pushes - before.pushes,
      requests: requests.slice(before.requests),
      frames: plain.up.length ? { up: frames(plain.up), down: frames(plain.down) } : null,
      body: push.postData()?.length ?? 0,
      status: response?.status(),
      answer: response && response.status() !== 204 ? (await response.body()).length : 0,
      protocol: await page.evaluate(() => performance.getEntriesByType('resource')
        .filter((e) => e.name.endsWith('/api/v1/sync/push')).pop()?.nextHopProtocol),
    });
    await synced();
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
  }
  await context.close();
  return { edits, errors, connections: count.connections };
}

const dir = mkdtempSync(join(tmpdir(), 'tw-edit-bytes-'));
const stops = [];
let browser;
try {
  const tw = await startTradewinds(dir, { seed: true });
  stops.push(tw.stop);
  const port = Number(new URL(tw.url).port);
  const { items } = await call('GET', `${tw.url}/api/v1/organisations`, undefined, { authorization: `Bearer ${tw.token}` });
  const organisation = items.find((o) => o.name === 'Grenada Customs') ?? items[0];
  const plain = { on: false, up: [], down: [] };
  const front = await tlsFrontEnd(port, dir, plain);
  stops.push(async () => front.close());
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'] });
  console.log(`one single-field edit in the app (organisation "${organisation.name}", its acronym), Chromium ${browser.version()}: ` +
    'push request + acknowledgement on the wire');
  for (const [name, target, scheme] of [['HTTP/2 + TLS 1.3', front.port, 'https'], ['HTTP/1.1 in clear', port, 'http']]) {
    const proxy = await countingProxy(target);
    stops.push(async () => proxy.close());
    const r = await measure(browser, `${scheme}://127.0.0.1:${proxy.port}`, proxy.count, organisation, plain);
    r.edits.forEach((e, i) => {
      console.log(`${name.padEnd(17)} ${i === 0 ? 'first push on the connection' : 'connection in use           '}: ` +
        `${String(e.up).padStart(4)} B up + ${String(e.down).padStart(4)} B down = ${String(e.up + e.down).padStart(4)} B ` +
        `(JSON body ${e.body} B, answer ${e.status} with ${e.answer} B; protocol ${e.protocol}; ${e.pushes} push)`);
      if (e.frames) console.log(`    HTTP/2 frames inside TLS: up ${e.frames.up}; down ${e.frames.down}`);
    });
    if (r.errors.length) console.log(`${name}: page errors ${JSON.stringify(r.errors)}`);
  }
} finally {
  await browser?.close();
  for (const stop of stops.reverse()) await stop();
  rmSync(dir, { recursive: true, force: true });
}
