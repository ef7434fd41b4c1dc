// Lighthouse on the served app, as a phone on a slow connection sees it: Lighthouse's
// default mobile settings (a Moto G Power-sized screen, simulated slow 4G: 150 ms RTT,
// 1.6 Mbit/s down, and a CPU four times slower than this machine's). Prints figures;
// asserts nothing.
//
//   make server dist       # target/release/tradewinds and the built app
//   cd tests/bench && npm ci && node lighthouse.mjs
//
// The release binary runs on a seeded database. One Chromium, one Lighthouse user flow:
//  1. "first visit": an empty browser opens the app (storage cleared by Lighthouse): the
//     whole shell is downloaded, and the sign-in screen shows (no session yet).
//  2. the demo coordinator signs in and the first sync fills IndexedDB (not measured).
//  3. "next start": the browser opens the app again with its storage kept: the service
//     worker serves the shell, and the start page renders the catalogue from IndexedDB.
// For each step: Lighthouse's performance score and metrics, the bytes and requests it saw,
// and requests to any other origin (there must be none: fonts and icons are local).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFlow } from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, DEMO_EMAIL, DEMO_PASSWORD, startTradewinds } from './lib.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUNS = Number(process.env.TW_BENCH_RUNS ?? 3);

async function oneFlow(url) {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    const flow = await startFlow(page, {
      name: 'Tradewinds',
      config: { extends: 'lighthouse:default', settings: { onlyCategories: ['performance', 'accessibility', 'best-practices'] } },
    });
    await flow.navigate(`${url}/`, { name: 'first visit' });
    await page.waitForSelector('[data-testid=sign-in-form]');
    await page.type('input[name=email]', DEMO_EMAIL);
    await page.type('input[name=password]', DEMO_PASSWORD);
    await page.click('[data-testid=sign-in]');
    await page.waitForFunction(
      () => /All changes saved/.test(document.querySelector('[data-testid=sync-status]')?.textContent ?? ''),
      { timeout: 30000 },
    );
    // The service worker has precached the shell by now (it installs on the first visit).
    await page.evaluate(() => navigator.serviceWorker.ready);
    await flow.navigate(`${url}/`, { name: 'next start', flags: { disableStorageReset: true } });
    // The start page counts the catalogue it read from IndexedDB.
    await page.waitForFunction(() => /[1-9][0-9]* organisations/.test(document.querySelector('main')?.textContent ?? ''), { timeout: 5000 });
    return await flow.createFlowResult();
  } finally {
    await browser.close();
  }
}

function figures(lhr, origin) {
  const a = lhr.audits;
  const requests = a['network-requests'].details?.items ?? [];
  const elsewhere = requests.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith('data:'));
  const transferred = requests.reduce((n, r) => n + (r.transferSize ?? 0), 0);
  return {
    performance: Math.round(lhr.categories.performance.score * 100),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    'best practices': Math.round(lhr.categories['best-practices'].score * 100),
    'FCP ms': Math.round(a['first-contentful-paint'].numericValue),
    'LCP ms': Math.round(a['largest-contentful-paint'].numericValue),
    'TBT ms': Math.round(a['total-blocking-time'].numericValue),
    CLS: Number(a['cumulative-layout-shift'].numericValue.toFixed(3)),
    'SI ms': Math.round(a['speed-index'].numericValue),
    'TTI ms': Math.round(a.interactive?.numericValue ?? NaN),
    requests: requests.length,
    'bytes over the network': transferred,
    'other origins': elsewhere.length,
    failing: Object.values(a)
      .filter((x) => x.score !== null && x.score < 0.9 && ['binary', 'numeric', 'metricSavings'].includes(x.scoreDisplayMode))
      .map((x) => x.id),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'tw-lighthouse-'));
const server = await startTradewinds(dir, { seed: true });
try {
  const rows = { 'first visit': [], 'next start': [] };
  for (let i = 0; i < RUNS; i++) {
    const result = await oneFlow(server.url);
    for (const step of result.steps) rows[step.name].push(figures(step.lhr, server.url));
    if (i === 0 && process.env.TW_LIGHTHOUSE_JSON) writeFileSync(process.env.TW_LIGHTHOUSE_JSON, JSON.stringify(result));
  }
  console.log(`Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, default mobile settings (simulated slow 4G, 4x CPU slowdown), ${RUNS} runs; app ${server.url}`);
  for (const [step, runs] of Object.entries(rows)) {
    console.log(`\n${step}:`);
    for (const key of Object.keys(runs[0])) {
      const values = runs.map((r) => (Array.isArray(r[key]) ? r[key].join(' ') || '-' : r[key]));
      console.log(`  ${key.padEnd(24)} ${values.join(' | ')}`);
    }
  }
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
