// A low-end phone with a full catalogue: how long a keystroke in a list's search box takes
// to show its result, and how long the app takes to show the first list when opened
// offline, with 10,000 records on the device (3,000 organisations, 7,000 training tools),
// unthrottled and with Chromium's CPU throttled 4×. Prints figures; asserts nothing.
//
//   make server dist       # target/release/tradewinds; dist/ is the built app
//   cd tests/bench && npm ci && node keystroke.mjs
//
// A keystroke is timed in the page: from setting the search box's value and its `input`
// event until the frame after the list has been updated has been painted
// (requestAnimationFrame, then a task). The phrase is typed one character at a time;
// median and max are over its characters. Cold start: the context goes offline and the
// organisations screen is loaded again (the service worker serves the app); the time is from
// navigation start until the first row is on screen.
//
// Environment: TW_BENCH_RECORDS (10000), TW_BENCH_RATES (CPU throttling rates, "1,4"),
// TRADEWINDS_BIN, TRADEWINDS_DIST.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, DIST, signIn, startTradewinds, waitForRecords } from './lib.mjs';
import { buildFileCount } from '../e2e/harness.mjs';
import { keptFiles, waitUntil } from '../e2e/pages.mjs';
import { catalogue, fillTradewinds } from './records.mjs';

const N = Number(process.env.TW_BENCH_RECORDS ?? 10000);
const RATES = (process.env.TW_BENCH_RATES ?? '1,4').split(',').map(Number);
const SCREENS = [
  { path: '/organisations', phrase: 'department 12 of bb', row: '[data-testid=record-row]' },
  { path: '/training', phrase: 'valuation module 12', row: '[data-testid=record-row]' },
  { path: '/search', phrase: 'customs 12', row: '[data-testid=search-hit]' },
];

const progress = (what) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${what}\n`);

/** Types `phrase` into the screen's search box one character at a time: ms per keystroke. */
async function type(page, phrase) {
  const times = [];
  for (let i = 1; i <= phrase.length; i++) {
    times.push(await page.evaluate(async (value) => {
      const input = document.querySelector('[data-testid=search]');
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    }, phrase.slice(0, i)));
  }
  return times;
}

function stats(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
}

const dir = mkdtempSync(join(tmpdir(), 'tw-keystroke-'));
const tw = await startTradewinds(dir);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  progress(`loading ${N} records into the server`);
  await fillTradewinds(tw.url, catalogue(N), { authorization: `Bearer ${tw.token}` });
  console.log(`search keystrokes and offline cold start with ${N} records on the device`);
  console.log(`machine: ${cpus().length} × ${cpus()[0].model}, Chromium ${browser.version()}`);
  for (const rate of RATES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${tw.url}/`);
    await signIn(page);
    progress(`CPU ×${rate}: waiting for the catalogue`);
    await waitForRecords(page, N);
    // The service worker must hold the app before the offline start.
    await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 60000 })
      .catch(() => page.reload().then(() => page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 60000 })));
    // And every file kept: a first install fetches the later screens' files after it runs
    // (sw.js), which would otherwise share the machine with the keystrokes timed below.
    const every = buildFileCount(DIST);
    await waitUntil(async () => (await keptFiles(page)) >= every, { what: 'every file kept', timeout: 120000, every: 250 });
    if (process.env.TW_BENCH_DEBUG) progress(`after the catalogue and the service worker, the page shows: ${(await page.evaluate(() => document.body.innerText)).slice(0, 300)}`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    for (const screen of SCREENS) {
      await page.goto(`${tw.url}${screen.path}`);
      await page.locator('[data-testid=search]').waitFor({ timeout: 120000 }).catch(async (e) => {
        const shown = await page.evaluate(() => document.body.innerText.slice(0, 600)).catch((x) => `(unreadable: ${x.message})`);
        throw new Error(`${screen.path}: no search box after 2 minutes; the page shows: ${shown}`);
      });
      if (screen.path !== '/search') await page.locator(screen.row).first().waitFor({ timeout: 60000 });
      await type(page, 'x'); // the first keystroke's one-off work (compiling, caches) is not counted
      // Timed only once the screen has read every record (the count is shown): keystrokes
      // while it still reads would time the "loading" text.
      await page.locator('[role=status].count').waitFor({ timeout: 60000 });
      await type(page, '');
      const times = await type(page, screen.phrase);
      const { median, max } = stats(times);
      const worst = screen.phrase.slice(0, times.indexOf(max) + 1);
      // Rows below the screen are drawn a screenful a frame after the keystroke's: counted
      // once all are (the list is `aria-busy` until then).
      await page.locator('ul.records:not([aria-busy])').waitFor();
      const rows = await page.locator(screen.row).count();
      console.log(`CPU ×${rate}  ${screen.path.padEnd(15)} "${screen.phrase}": keystroke median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms at "${worst}" (${times.length} keystrokes; ${rows} rows shown at the end)`);
    }
    await context.setOffline(true);
    const cold = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${tw.url}/organisations`, { waitUntil: 'commit' });
      cold.push(await page.evaluate(async () => {
        for (;;) {
          if (document.querySelector('[data-testid=record-row]')) return performance.now();
          await new Promise((r) => requestAnimationFrame(r));
        }
      }));
    }
    console.log(`CPU ×${rate}  offline cold start, first organisation on screen: ${cold.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`);
    if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
    await context.close();
  }
} finally {
  await browser.close();
  await tw.stop();
  rmSync(dir, { recursive: true, force: true });
}
