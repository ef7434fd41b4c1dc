// Moving between screens: links change the screen without loading the page again, the
// browser's Back and Forward work, the main navigation marks where the person is, an
// unknown address says so, and the skip link stays on the screen. The code of the screens
// after the first arrives when one opens (app/src/chunks.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, watchErrors } from './harness.mjs';
import { signIn, waitForSynced, goTo, waitUntil } from './pages.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); server?.cleanup(); });

const current = (page) => page.locator('header nav a[aria-current=page]').allTextContents();

test('links, Back and Forward move between screens without reloading the page', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  const errors = watchErrors(page);
  await signIn(page, server.url);
  // A mark on the window survives in-app navigation and would be lost by a reload.
  await page.evaluate(() => { window.__sameDocument = true; });
  const sameDocument = () => page.evaluate(() => window.__sameDocument === true);

  assert.deepEqual(await current(page), []);
  // On a phone the navigation is folded behind "Menu", and folds again once a screen opens.
  const nav = page.getByRole('navigation', { name: 'Main' });
  assert.equal(await nav.isVisible(), false, 'folded at 360 px');
  await page.getByRole('button', { name: 'Menu' }).click();
  assert.equal(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded'), 'true');
  await nav.getByRole('link', { name: 'Training tools', exact: true }).click();
  await page.getByRole('heading', { name: 'Training tools', level: 1 }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/training');
  assert.deepEqual(await current(page), ['Training tools']);
  await nav.waitFor({ state: 'hidden' });

  const row = page.getByTestId('record-row').first().getByRole('link');
  const title = await row.textContent();
  await row.click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/training\/[0-9a-f-]{36}$/);
  assert.deepEqual(await current(page), ['Training tools'], 'a tool is inside Training tools');

  await goTo(page, 'Organisations');
  await page.getByRole('heading', { name: 'Organisations', level: 1 }).waitFor();
  assert.deepEqual(await current(page), ['Organisations']);

  await page.goBack();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { name: 'Training tools', level: 1 }).waitFor();
  await page.goForward();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  assert.ok(await sameDocument(), 'the page was loaded again');

  // The skip link moves focus to the content and keeps the screen.
  await page.keyboard.press('Tab');
  await page.getByRole('link', { name: 'Skip to content' }).press('Enter');
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  assert.match(page.url(), /\/training\/[0-9a-f-]{36}#main$/);
  assert.ok(await sameDocument());

  // An address no screen has.
  await page.goto(server.url + '/no/such/screen');
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  await page.getByRole('link', { name: 'Go to the start page' }).click();
  await page.waitForURL(server.url + '/');
  assert.deepEqual(errors, []);
  await page.close();
});

// A wasm file's name without its content hash: /assets/split_screens-0123456789abcdef.wasm -> split_screens.
const wasmName = (url) => new URL(url).pathname.replace(/^\/assets\//, '').replace(/-[0-9a-f]{16}\.wasm$/, '');

test("the first screen waits only for the shell; the other screens' code comes when one opens, and a failed fetch is retried", async () => {
  // With no service worker, every fetch is the page's own: seen here, and held when asked.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  // The fetch this test aborts may surface as an unhandled rejection in wasm-split's loader
  // (as in the next test); anything else counts.
  page.on('pageerror', (e) => { if (e.message !== 'Failed to fetch') errors.push(`pageerror: ${e.message}`); });
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|Failed to fetch|net::ERR/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  const fetched = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) fetched.push(wasmName(r.url())); });

  // Every chunk is held back: the sign-in screen still comes up.
  const held = [];
  await page.route(/\/(split_|chunk_)[a-z_0-9]+-[0-9a-f]{16}\.wasm$/, (route) => { held.push(route); });
  await page.goto(server.url + '/');
  await page.getByTestId('sign-in-form').waitFor();
  await waitUntil(() => held.length > 0, { what: 'the sync engine to be asked for (and held) while the sign-in screen was up' });
  for (const route of held) await route.continue();
  await page.unroute(/\/(split_|chunk_)[a-z_0-9]+-[0-9a-f]{16}\.wasm$/);
  // The sync engine is fetched once the first screen is up; the start page needs no other screen's code.
  await signIn(page, null);
  await waitForSynced(page);
  assert.ok(fetched.includes('split_sync_engine'), `the sync engine was fetched: ${fetched}`);
  assert.ok(!fetched.includes('split_screens'), `the start page needs no other screen's code: ${fetched}`);

  // The screens' chunk is slow to come: the screen says it is loading; then it cannot be
  // fetched: the screen says so and the app goes on.
  let unreachable = true;
  const slow = [];
  await page.route(/\/split_screens-[0-9a-f]{16}\.wasm$/, (route) => (unreachable ? slow.push(route) : route.continue()));
  await page.getByRole('link', { name: 'Organisations', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Loading…' }).waitFor();
  await waitUntil(() => slow.length > 0, { what: "the screens' chunk to be asked for" });
  for (const route of slow) await route.abort();
  await page.getByRole('alert').filter({ hasText: 'This screen could not be loaded' }).waitFor();
  // Once it can be fetched, the next screen opens.
  unreachable = false;
  await page.getByRole('link', { name: 'Training tools', exact: true }).click();
  await page.getByRole('heading', { name: 'Training tools', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Organisations', exact: true }).click();
  await page.getByRole('heading', { name: 'Organisations', level: 1 }).waitFor();
  assert.equal(fetched.filter((f) => f === 'split_screens').length, 2, 'fetched again after the failure, then kept');
  assert.deepEqual(errors, []);
  await context.close();
});

test('when the sync code cannot be fetched, the status says so and it is fetched again', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  // The aborted fetch itself may surface as an unhandled rejection in wasm-split's loader
  // (it fetches a chunk while waiting for the chunk it depends on); anything else counts.
  page.on('pageerror', (e) => { if (e.message !== 'Failed to fetch') errors.push(`pageerror: ${e.message}`); });
  let unreachable = true;
  await page.route(/\/split_sync_engine-[0-9a-f]{16}\.wasm$/, (route) => (unreachable ? route.abort() : route.continue()));
  await signIn(page, server.url);
  await page.waitForFunction(() => /sync problem: the sync code could not be loaded/.test(document.querySelector('[data-testid=sync-status]').textContent), null, { timeout: 15000 });
  // The start page works meanwhile, and so does any other screen.
  await page.getByRole('link', { name: 'Training tools', exact: true }).click();
  await page.getByRole('heading', { name: 'Training tools', level: 1 }).waitFor();
  unreachable = false;
  await waitForSynced(page);
  assert.deepEqual(errors, []);
  await context.close();
});
