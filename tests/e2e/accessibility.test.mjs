// axe-core (Deque's accessibility rules, as browsers' audit tools run them) on the main
// screens in each of the interface's languages: no serious or critical violation. A
// translation can break what English passes: a label that no longer names its field, a
// longer word that pushes text out of its contrast background, a page whose `lang` is wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startServer, launchBrowser, watchErrors } from './harness.mjs';
import { signIn, apiAs } from './pages.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); server?.cleanup(); });

/** The serious and critical violations on the page as it is now, one line each. */
async function violations(page) {
  await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  return found;
}

for (const lang of ['en', 'fr', 'es', 'nl']) {
  test(`the main screens in ${lang} have no serious or critical accessibility violation`, async () => {
    const api = await apiAs(server.url, 'coordinator');
    const first = async (kind) => (await api.get(`/api/v1/${kind}`)).items[0].id;
    const screens = [
      '/', '/organisations', `/organisations/${await first('organisations')}`, '/organisations/new',
      '/training', '/meetings', `/meetings/${await first('meetings')}`, '/actions', '/missions',
      '/projects', '/funding', '/search?q=customs', '/sync', '/account', '/about', '/import?kind=organisations',
    ];
    // axe is injected as a script: the page's Content-Security-Policy (no inline scripts) is set aside for it.
    const context = await browser.newContext({ locale: lang, bypassCSP: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    // The sign-in page too, before anyone is signed in.
    await page.goto(server.url + '/');
    await page.getByTestId('sign-in').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    const found = (await violations(page)).map((v) => `sign-in: ${v}`);
    await signIn(page, server.url);
    // The catalogue on the device before the screens are looked at.
    await page.goto(server.url + '/organisations');
    await page.getByTestId('record-row').first().waitFor({ timeout: 20000 });
    for (const path of screens) {
      await page.goto(server.url + path);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      for (const v of await violations(page)) found.push(`${path}: ${v}`);
    }
    assert.deepEqual(found, [], `in ${lang}:\n${found.join('\n')}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the check finds a violation where there is one (an image with no text alternative)', async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await page.getByTestId('sign-in').waitFor();
  await page.evaluate(() => document.querySelector('main').append(document.createElement('img')));
  const found = await violations(page);
  assert.ok(found.some((v) => v.startsWith('image-alt (critical)')), found.join('\n'));
  await context.close();
});
