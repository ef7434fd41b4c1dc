// A document's file over one slow link with cuts (50 kbit/s each way, 300 ms round trips:
// tests/e2e/slowlink.mjs): a coordinator attaches a 5 MB report to the 2012 meeting, the
// link drops every connection 5 times while it goes up; then a second person's device
// keeps it, with 5 cuts on the way down. Prints figures; asserts nothing.
//
//   make server dist       # target/release/tradewinds; dist/ is the built app
//   cd tests/bench && npm ci && node file-slow-link.mjs
//
// For each way: the time from saving (or from "Keep on this device") to the file whole at
// the other end, against the file's size over the link's rate alone; the bytes the link
// carried that way meanwhile, against the file's size. The report is incompressible (random
// bytes after a PDF header), as a scanned report nearly is.
// Environment: TW_BENCH_FILE_MB (5), TW_BENCH_CUTS (5), TW_BENCH_KBITS (50),
// TW_BENCH_RTT (300 ms).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, signIn, startTradewinds } from './lib.mjs';
import { startSlowLink } from '../e2e/slowlink.mjs';
import { MeetingPage, waitForSynced, waitUntil } from '../e2e/pages.mjs';

const MB = Number(process.env.TW_BENCH_FILE_MB ?? 5);
const CUTS = Number(process.env.TW_BENCH_CUTS ?? 5);
const KBITS = Number(process.env.TW_BENCH_KBITS ?? 50);
const RTT = Number(process.env.TW_BENCH_RTT ?? 300);
const MEETING = 'First WCO sub-regional donor meeting for the Caribbean';
const progress = (what) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${what}\n`);

const size = Math.round(MB * 1024 * 1024);
const report = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(size - 9)]);
const ideal = (report.length * 8) / (KBITS * 1000);

const dir = mkdtempSync(join(tmpdir(), 'tw-file-link-'));
const tw = await startTradewinds(dir, { seed: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const link = await startSlowLink(tw.url, { bytesPerSecond: (KBITS * 1000) / 8, latencyMs: RTT / 2 });

/** A device signed in over the link as `email`, its catalogue in. */
async function device(email) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Over this link a screen's first opening waits for its code and words: minutes, not seconds.
  page.setDefaultTimeout(300000);
  await page.goto(link.url);
  await page.getByTestId('sign-in-form').waitFor({ timeout: 300000 });
  if (email) {
    const form = page.getByTestId('sign-in-form');
    await form.locator('input[name=email]').fill(email);
    await form.locator('input[name=password]').fill('tradewinds-demo');
    await form.getByTestId('sign-in').click();
  } else {
    await signIn(page);
  }
  await page.getByTestId('account-link').waitFor({ timeout: 300000 });
  await page.waitForFunction(() => /All changes saved/.test(document.querySelector('[data-testid=sync-status]')?.textContent ?? ''), null, { timeout: 300000 });
  return page;
}

/** Cuts the link `CUTS` times, evenly over the time the file alone would take. */
function cutting() {
  let cuts = 0;
  const timer = setInterval(() => {
    if (cuts >= CUTS) return clearInterval(timer);
    cuts += 1;
    progress(`cut ${cuts}`);
    link.cut();
  }, (ideal * 1000) / (CUTS + 1));
  return { stop: () => clearInterval(timer), count: () => cuts };
}

/** Waits until the row's file says `re`, printing how far it has come now and then. */
async function until(row, re) {
  let shown = 0;
  await waitUntil(async () => {
    const state = await row.getByTestId('file-state').textContent();
    if (Date.now() - shown > 30000) { progress(state); shown = Date.now(); }
    return re.test(state);
  }, { what: `${re}`, timeout: ideal * 1000 * 4 + 300000, every: 500 });
}

const figures = [];
try {
  progress(`first visit over ${KBITS} kbit/s, ${RTT} ms`);
  const sender = await device(null);
  await waitForSynced(sender);
  const meeting = await new MeetingPage(sender).open(MEETING);
  await sender.getByRole('button', { name: 'Add a document' }).click();
  await sender.locator('input[name=title]').fill('Post-clearance audit mission report');
  await sender.locator('select[name=kind]').selectOption('mission_report');
  await sender.locator('input[name=file]').setInputFiles({ name: 'PCA report.pdf', mimeType: 'application/pdf', buffer: report });
  await sender.getByTestId('file-chosen').waitFor();
  const upBefore = link.bytes().up;
  const t0 = Date.now();
  await sender.getByRole('button', { name: 'Save document' }).click();
  progress(`sending ${report.length} bytes (${ideal.toFixed(0)} s at the link's rate alone)`);
  const cuts = cutting();
  const row = meeting.documents.filter({ hasText: 'Post-clearance audit mission report' });
  await until(row, /Kept on this device/);
  cuts.stop();
  figures.push({ way: 'up', seconds: (Date.now() - t0) / 1000, bytes: link.bytes().up - upBefore, cuts: cuts.count() });

  progress('a second device');
  const keeper = await device('viewer@demo.tradewinds.org');
  const theirs = await new MeetingPage(keeper).open(MEETING);
  const theirRow = theirs.documents.filter({ hasText: 'Post-clearance audit mission report' });
  const downBefore = link.bytes().down;
  const t1 = Date.now();
  await theirRow.getByRole('button', { name: 'Keep on this device' }).click();
  const downCuts = cutting();
  // A cut download stops; the person asks again (the parts already in are kept).
  for (;;) {
    const state = await theirRow.getByTestId('file-state').textContent();
    if (/Kept on this device/.test(state)) break;
    const failed = await theirRow.getByRole('alert').count();
    if (failed) {
      progress('asked again after a cut');
      await theirRow.getByRole('button', { name: 'Keep on this device' }).click();
    }
    await new Promise((r) => setTimeout(r, 1000));
    if (Date.now() - t1 > ideal * 4000 + 300000) throw new Error(`not kept after ${(Date.now() - t1) / 1000} s: ${state}`);
  }
  downCuts.stop();
  figures.push({ way: 'down', seconds: (Date.now() - t1) / 1000, bytes: link.bytes().down - downBefore, cuts: downCuts.count() });

  console.log(`\nA ${(report.length / 1024 / 1024).toFixed(1)} MB file over ${KBITS} kbit/s, ${RTT} ms round trips; ` +
    `${ideal.toFixed(0)} s at the link's rate alone\n`);
  console.log('| way | cuts | time | time / rate alone | bytes on the link | bytes / file |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const f of figures) {
    console.log(`| ${f.way} | ${f.cuts} | ${f.seconds.toFixed(0)} s | ${(f.seconds / ideal).toFixed(2)} | ${f.bytes.toLocaleString('en')} B | ${(f.bytes / report.length).toFixed(3)} |`);
  }
} finally {
  await browser.close();
  await link.stop();
  await tw.stop();
  rmSync(dir, { recursive: true, force: true });
}
