// Starts the real server binary on a free port with a fresh database and the demo
// accounts, and headless Chromium. Every test file gets its own server, so tests never
// share data.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
export const BIN = process.env.TRADEWINDS_BIN ?? join(root, 'target/release/tradewinds');
export const DIST = process.env.TRADEWINDS_DIST ?? join(root, 'dist');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts `tradewinds serve` and resolves once it prints its address. */
export async function startServer({ dir = mkdtempSync(join(tmpdir(), 'tw-e2e-')), dist = DIST, addr = '127.0.0.1:0' } = {}) {
  // --demo: the documented demo accounts (one per role, password DEMO_PASSWORD in pages.mjs).
  const child = spawn(BIN, ['serve', '--demo', '--addr', addr, '--database', `sqlite://${join(dir, 'e2e.db')}`, '--dist', dist],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RUST_LOG: 'warn' } });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      // Where it runs, in words of the environment's language: the `http://…/` in them.
      const m = out.match(/(http:\/\/[^\s/]+)\//);
      if (m) ok(m[1]);
    });
    child.on('exit', (code) => fail(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    dir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.on('exit', ok));
        child.kill('SIGTERM');
        await exited;
      }
    },
    cleanup() { rmSync(dir, { recursive: true, force: true }); },
  };
}

/** How many files the service worker of the build in `dist` keeps (scripts/build-app.sh):
 * index.html, the manifests, every asset and icon (precompressed copies aside). */
export function buildFileCount(dist = DIST) {
  const plain = (dir) => readdirSync(join(dist, dir)).filter((f) => !/\.(br|gz)$/.test(f)).length;
  const manifests = readdirSync(dist).filter((f) => /^manifest(-[a-z]+)?\.webmanifest$/.test(f)).length;
  return 1 + manifests + plain('assets') + plain('icons');
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Fails the test on any page error or console error (other than expected network failures). */
export function watchErrors(page, errors = []) {
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|ERR_INTERNET_DISCONNECTED|net::ERR/.test(m.text())) {
      errors.push(`console: ${m.text()}`);
    }
  });
  return errors;
}

/**
 * Runs `steps`; if they fail, the error also says what each of `pages` showed then (their
 * visible text, shortened), so a failure in CI can be understood from its log alone.
 */
export async function explained(pages, steps) {
  try {
    await steps();
  } catch (e) {
    const shown = [];
    for (const [name, page] of Object.entries(pages)) {
      const text = await page.evaluate(() => document.body.innerText).catch((err) => `(unreadable: ${err.message})`);
      shown.push(`--- ${name} (${page.url()}) showed:\n${text.replace(/\n{2,}/g, '\n').slice(0, 2000)}`);
    }
    e.message += `\n${shown.join('\n')}`;
    throw e;
  }
}
