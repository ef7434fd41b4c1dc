// What the benchmarks of this folder share: the release binary, the built app, Chromium's
// flags, the demo account, and starting and stopping servers.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
export const BIN = process.env.TRADEWINDS_BIN ?? join(root, 'target/release/tradewinds');
export const DIST = process.env.TRADEWINDS_DIST ?? join(root, 'dist');
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The demo coordinator (`serve --demo`). */
export const DEMO_EMAIL = 'coordinator@demo.tradewinds.org';
export const DEMO_PASSWORD = 'tradewinds-demo';

export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
    s.on('error', fail);
  });
}

/** A function that stops `child` (SIGTERM) and waits until it has exited. */
export function stopper(child) {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((ok) => child.on('exit', ok));
      child.kill('SIGTERM');
      await exited;
    }
  };
}

/** A JSON call; throws with the status and the start of the body when refused. */
export async function call(method, url, body, headers = {}) {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: body && JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 500)}`);
  return res.status === 204 ? null : JSON.parse(text);
}

/** The release binary on a database in `dir` (seeded with the 2012 meeting when `seed`),
 * with the demo accounts; signed in as the demo coordinator: `{ url, token, stop }`. */
export async function startTradewinds(dir, { seed = false } = {}) {
  const child = spawn(BIN, ['serve', '--addr', '127.0.0.1:0', '--database', `sqlite://${join(dir, 'tw.db')}`,
    '--dist', DIST, ...(seed ? [] : ['--no-seed']), '--demo'],
  { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, RUST_LOG: 'warn' } });
  const url = await new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      // Where it runs, in words of the environment's language: the `http://…/` in them.
      const m = out.match(/(http:\/\/[^\s/]+)\//);
      if (m) ok(m[1]);
    });
    child.on('exit', (code) => fail(new Error(`tradewinds exited with ${code}`)));
  });
  const session = await call('POST', `${url}/api/v1/session`, { email: DEMO_EMAIL, password: DEMO_PASSWORD });
  return { url, token: session.token, stop: stopper(child) };
}

/** Signs the page in through the form, as a person does (the page is at the app). */
export async function signIn(page) {
  const form = page.getByTestId('sign-in-form');
  await form.locator('input[name=email]').fill(DEMO_EMAIL);
  await form.locator('input[name=password]').fill(DEMO_PASSWORD);
  await form.getByTestId('sign-in').click();
}

/**
 * Resolves once the page's sync status says all is saved and its IndexedDB holds at least
 * `n` records (checked in the page every `every` ms), with `{ ms, rows, status }`: `ms`
 * after the page's navigation start. The app's database is opened only once the app has
 * made it (an open before would make an empty one the app must upgrade), and closed at
 * once (an open connection would block the app's upgrades). After `timeout` ms it fails,
 * saying what the page showed last.
 */
export async function waitForRecords(page, n, { timeout = 300000, every = 100 } = {}) {
  const done = page.evaluate(async ([n, every]) => {
    const count = async () => {
      const info = (await indexedDB.databases()).find((d) => d.name === 'tradewinds');
      if (!info || info.version < 3) return -1;
      return new Promise((ok) => {
        const open = indexedDB.open('tradewinds');
        open.onerror = () => ok(-1);
        open.onsuccess = () => {
          const db = open.result;
          try {
            const req = db.transaction('records').objectStore('records').count();
            req.onsuccess = () => { db.close(); ok(req.result); };
            req.onerror = () => { db.close(); ok(-1); };
          } catch { db.close(); ok(-1); }
        };
      });
    };
    for (;;) {
      const status = document.querySelector('[data-testid=sync-status]')?.textContent ?? '';
      window.benchLast = { status };
      if (status.includes('All changes saved') && status.includes('last synced') && !status.includes('syncing') && !status.includes('loading')) {
        const rows = await count();
        window.benchLast.rows = rows;
        if (rows >= n) return { ms: performance.now(), rows, status };
      }
      await new Promise((r) => setTimeout(r, every));
    }
  }, [n, every]);
  let timer;
  const late = new Promise((_, fail) => {
    timer = setTimeout(async () => {
      const last = await page.evaluate(() => window.benchLast).catch((e) => e.message);
      fail(new Error(`${n} records not on the device after ${timeout} ms; last seen: ${JSON.stringify(last)}`));
    }, timeout);
  });
  return Promise.race([done, late]).finally(() => clearTimeout(timer));
}
