// Moving between screens: links change the screen without loading the page again, the
// browser's Back and Forward work, the main navigation marks where the person is, an
// unknown address says so, and the skip link stays on the screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, watchErrors } from './harness.mjs';
import { signIn } from './pages.mjs';

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
  await page.getByRole('link', { name: 'Training tools', exact: true }).click();
  await page.getByRole('heading', { name: 'Training tools', level: 1 }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/training');
  assert.deepEqual(await current(page), ['Training tools']);

  const row = page.getByTestId('record-row').first().getByRole('link');
  const title = await row.textContent();
  await row.click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/training\/[0-9a-f-]{36}$/);
  assert.deepEqual(await current(page), ['Training tools'], 'a tool is inside Training tools');

  await page.getByRole('link', { name: 'Organisations', exact: true }).click();
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
