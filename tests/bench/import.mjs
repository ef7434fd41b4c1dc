// Importing a large spreadsheet on the device: a CSV of 10,000 training tools read,
// matched against the catalogue and shown as a plan, then written on confirm, unthrottled
// and with Chromium's CPU throttled 4× (a low-end phone). Prints figures; asserts nothing.
//
//   make server dist       # target/release/tradewinds; dist/ is the built app
//   cd tests/bench && npm ci && node import.mjs
//
// Plan: from handing the file to the page until the plan's summary is on screen. Write:
// from the click on "Import" until the screen says it is done (one IndexedDB write of every
// row and its outbox entry). Longest task: the longest main-thread task Chromium reports
// (PerformanceObserver "longtask") while planning and while writing: how long the page
// could not answer a tap. Heap: Chromium's JS heap after the plan (the wasm module's own
// memory is not counted in it).
//
// Environment: TW_BENCH_ROWS (10000), TW_BENCH_RATES (CPU throttling rates, "1,4"),
// TRADEWINDS_BIN, TRADEWINDS_DIST.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, signIn, startTradewinds } from './lib.mjs';

const N = Number(process.env.TW_BENCH_ROWS ?? 10000);
const RATES = (process.env.TW_BENCH_RATES ?? '1,4').split(',').map(Number);
const PROVIDERS = ['CARTAC', 'WCO', 'CCLEC', 'Canada Border Services Agency'];
const TOPICS = ['Risk management', 'Integrity and transparency', 'Post-clearance audit', 'Legislation'];
const FORMATS = ['E-learning', 'Workshop', 'Classroom', 'Webinar'];

/** A spreadsheet's CSV of `n` training tools, as a coordinator would keep one. */
function spreadsheet(n, tag) {
  const rows = ['Title;Provider;Languages;Topics;Format;Duration;Last checked;Description'];
  for (let i = 0; i < n; i++) {
    rows.push([`${tag} module ${i}`, PROVIDERS[i % 4], i % 3 ? 'English' : '"English; French"', TOPICS[i % 4],
      FORMATS[i % 4], `${1 + (i % 9)} days`, `2013-0${1 + (i % 9)}-1${i % 10}`,
      `"A course on ${TOPICS[i % 4].toLowerCase()}; module ${i} of the series, with exercises."`].join(';'));
  }
  return `\ufeff${rows.join('\r\n')}\r\n`;
}

const progress = (what) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${what}\n`);

/** Milliseconds until `locator` shows, and the longest task meanwhile. */
async function timed(page, start, locator) {
  await page.evaluate(() => {
    window.benchLongest = 0;
    window.benchObserver?.disconnect();
    window.benchObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.benchLongest = Math.max(window.benchLongest, e.duration);
    });
    window.benchObserver.observe({ type: 'longtask' });
  });
  const t0 = Date.now();
  await start();
  await locator.waitFor({ timeout: 600000 });
  const ms = Date.now() - t0;
  return { ms, longest: await page.evaluate(() => window.benchLongest) };
}

const dir = mkdtempSync(join(tmpdir(), 'tw-import-'));
const tw = await startTradewinds(dir, { seed: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  console.log(`import of a ${N}-row CSV of training tools on the device`);
  console.log(`machine: ${cpus().length} × ${cpus()[0].model}, Chromium ${browser.version()}`);
  for (const rate of RATES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${tw.url}/`);
    await signIn(page);
    await page.getByTestId('account-link').waitFor();
    await page.waitForFunction(() => /All changes saved/.test(document.querySelector('[data-testid=sync-status]')?.textContent ?? ''), null, { timeout: 120000 });
    await page.goto(`${tw.url}/import?kind=training_tools`);
    await page.getByTestId('import-file').waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const text = spreadsheet(N, `Rate ${rate}`);
    progress(`CPU ×${rate}: planning`);
    const plan = await timed(page, () => page.getByTestId('import-file').setInputFiles({
      name: 'tools.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8'),
    }), page.getByTestId('import-summary'));
    const summary = await page.getByTestId('import-summary').textContent();
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
    progress(`CPU ×${rate}: writing`);
    const write = await timed(page, () => page.getByTestId('import-confirm').click(), page.getByTestId('import-done'));
    console.log(`CPU ×${rate}  ${(text.length / 1e6).toFixed(1)} MB file: plan ${plan.ms} ms (longest task ${plan.longest.toFixed(0)} ms), `
      + `write ${write.ms} ms (longest task ${write.longest.toFixed(0)} ms); JS heap after the plan ${(heap / 1e6).toFixed(1)} MB; "${summary}"`);
    if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
    await context.close();
  }
} finally {
  await browser.close();
  await tw.stop();
  rmSync(dir, { recursive: true, force: true });
}
