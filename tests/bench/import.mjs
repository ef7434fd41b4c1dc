// Importing a large file on the device: a CSV of 10,000 training tools, and an IATI file of
// 10,000 activities (projects), read, matched against the catalogue and shown as a plan,
// then written on confirm, unthrottled and with Chromium's CPU throttled 4× (a low-end
// phone). Prints figures; asserts nothing.
//
//   make server dist       # target/release/tradewinds; dist/ is the built app
//   cd tests/bench && npm ci && node import.mjs
//
// Plan: from handing the file to the page until the plan's summary is on screen. Write:
// from the click on "Import" until the screen says it is done (one IndexedDB write of every
// row and its outbox entry). Longest task: the longest main-thread task Chromium reports
// (PerformanceObserver "longtask") while planning and while writing: how long the page
// could not answer a tap. Memory: Chromium's JS heap after the plan, and the wasm module's
// linear memory (which only grows, so its size after the plan is the peak while planning).
//
// Environment: TW_BENCH_ROWS (10000), TW_BENCH_RATES (CPU throttling rates, "1,4"),
// TW_BENCH_FILES ("csv,iati"), TRADEWINDS_BIN, TRADEWINDS_DIST.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

const FILES = (process.env.TW_BENCH_FILES ?? 'csv,iati').split(',');
const COUNTRIES = ['BB', 'JM', 'LC', 'MS', 'TT', 'GD', 'KE'];
const SECTORS = ['33120', '15111', '15130', '43010'];

/** An IATI activity file of `n` activities, as a donor's registry file would give them:
 * funders and implementers named by acronym, one in seven outside the region, one sector
 * in four without a topic here. */
function activities(n, tag) {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<iati-activities version="2.03">'];
  for (let i = 0; i < n; i++) {
    out.push(` <iati-activity xml:lang="en" default-currency="CAD">
  <iati-identifier>XM-DAC-301-1-${tag}-${i}</iati-identifier>
  <reporting-org ref="XM-DAC-301-1" type="10"><narrative>GAC</narrative></reporting-org>
  <title><narrative>${tag} customs project ${i}</narrative><narrative xml:lang="fr">Projet douanier ${i}</narrative></title>
  <description type="1"><narrative>Support to the customs administration, activity ${i}, with training &amp; equipment.</narrative></description>
  <participating-org role="1"><narrative>${i % 2 ? 'GAC' : 'IDB'}</narrative></participating-org>
  <participating-org role="2"><narrative>CARTAC</narrative></participating-org>
  <participating-org role="4"><narrative>CCLEC</narrative></participating-org>
  <activity-status code="${1 + (i % 4)}"/>
  <activity-date type="1" iso-date="201${i % 10}-04-01"/>
  <activity-date type="3" iso-date="202${i % 10}-03-31"/>
  <recipient-country code="${COUNTRIES[i % 7]}" percentage="100"/>
  <sector vocabulary="1" code="${SECTORS[i % 4]}" percentage="100"/>
  <budget type="1"><period-start iso-date="2013-04-01"/><period-end iso-date="2014-03-31"/><value value-date="2013-04-01">${1000 * (i + 1)}</value></budget>
 </iati-activity>`);
  }
  out.push('</iati-activities>', '');
  return out.join('\n');
}

const SOURCES = {
  csv: { address: 'training_tools', what: `${N}-row CSV of training tools`, file: (tag) => ({ name: 'tools.csv', mimeType: 'text/csv', text: spreadsheet(N, tag) }) },
  iati: { address: 'projects', label: 'Projects (IATI activity XML)', what: `${N}-activity IATI file`, file: (tag) => ({ name: 'activities.xml', mimeType: 'application/xml', text: activities(N, tag.replace(/ /g, '-')) }) },
};

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
  console.log(`import of a ${N}-row CSV and a ${N}-activity IATI file on the device`);
  console.log(`machine: ${cpus().length} × ${cpus()[0].model}, Chromium ${browser.version()}`);
  for (const source of FILES.map((f) => SOURCES[f])) {
    for (const rate of RATES) {
      const context = await browser.newContext();
      // The wasm module's memory, kept where the benchmark can read its size.
      await context.addInitScript(() => {
        const keep = (result) => {
          const exports = (result.instance ?? result).exports;
          if (exports?.memory) window.benchWasmMemory = exports.memory;
          return result;
        };
        const streaming = WebAssembly.instantiateStreaming;
        WebAssembly.instantiateStreaming = (...a) => streaming(...a).then(keep);
        const plain = WebAssembly.instantiate;
        WebAssembly.instantiate = (...a) => plain(...a).then(keep);
      });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${tw.url}/`);
      await signIn(page);
      await page.getByTestId('account-link').waitFor();
      await page.waitForFunction(() => /All changes saved/.test(document.querySelector('[data-testid=sync-status]')?.textContent ?? ''), null, { timeout: 120000 });
      await page.goto(`${tw.url}/import?kind=${source.address}`);
      await page.getByTestId('import-file').waitFor();
      if (source.label) await page.getByTestId('import-kind').selectOption({ label: source.label });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const file = source.file(`Rate ${rate}`);
      progress(`${source.what}, CPU ×${rate}: planning`);
      // Chosen from the disk, as a person picks it (a file given as bytes would be decoded
      // from base64 on the page's main thread, a long task of the benchmark's own).
      const path = join(dir, `${rate}-${file.name}`);
      writeFileSync(path, file.text);
      const plan = await timed(page, () => page.getByTestId('import-file').setInputFiles(path),
        page.getByTestId('import-summary'));
      const summary = await page.getByTestId('import-summary').textContent();
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
      const wasm = await page.evaluate(() => window.benchWasmMemory?.buffer.byteLength ?? 0);
      progress(`${source.what}, CPU ×${rate}: writing`);
      const write = await timed(page, () => page.getByTestId('import-confirm').click(), page.getByTestId('import-done'));
      console.log(`${source.what}, CPU ×${rate}, ${(file.text.length / 1e6).toFixed(1)} MB: plan ${plan.ms} ms (longest task ${plan.longest.toFixed(0)} ms), `
        + `write ${write.ms} ms (longest task ${write.longest.toFixed(0)} ms); after the plan JS heap ${(heap / 1e6).toFixed(1)} MB, `
        + `wasm memory ${(wasm / 1e6).toFixed(1)} MB; "${summary}"`);
      if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await tw.stop();
  rmSync(dir, { recursive: true, force: true });
}
