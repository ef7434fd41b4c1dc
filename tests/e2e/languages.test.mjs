// The interface's language in headless Chromium against the real server: the browser's
// language is the default, a choice from the header is kept on the device and survives a
// reload, and it works offline (every language file is kept by the service worker); a
// choice made while signed in goes with the account to the next device; and what the server
// refuses is said in the interface's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, launchBrowser, watchErrors } from './harness.mjs';
import { signIn, fillSignIn, waitUntil, apiAs, Form } from './pages.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); server?.cleanup(); });

const nav = (page) => page.locator('#main-nav');
const status = (page) => page.getByTestId('sync-status');

async function choose(page, code) {
  const reloaded = page.waitForEvent('load');
  await page.getByTestId('language').selectOption(code);
  await reloaded;
}

test('a browser set to Spanish gets Spanish from the first screen, sign-in included', async () => {
  const context = await browser.newContext({ locale: 'es-ES' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + '/');
  await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  // Installed, the app goes by its Spanish name and description.
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]').href;
    return { href, ...(await (await fetch(href)).json()) };
  });
  assert.match(manifest.href, /\/manifest-es\.webmanifest$/);
  assert.equal(manifest.lang, 'es');
  assert.match(manifest.name, /fortalecimiento de capacidades aduaneras/);
  // A form left empty is refused in Spanish.
  await page.getByTestId('sign-in').click();
  await page.getByText('Escriba su contraseña.').waitFor();
  await (await fillSignIn(page, null)).click();
  await page.getByTestId('account-link').waitFor();
  await nav(page).getByRole('link', { name: 'Herramientas de capacitación' }).waitFor();
  await page.getByRole('heading', { name: 'Fortalecimiento de capacidades aduaneras en el Caribe' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a first visit fetches the first screens\' words; the later screens\' come with the first of them', async () => {
  const context = await browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  // A message wanted before its part has come is an error on the console.
  const errors = watchErrors(page);
  const fetched = [];
  page.on('request', (r) => {
    const part = new URL(r.url()).pathname.match(/^\/assets\/lang-([a-z]+)-(first|later)-[0-9a-f]+\.json$/);
    if (part) fetched.push(`${part[1]} ${part[2]}`);
  });
  await (await fillSignIn(page, server.url)).click();
  await page.getByTestId('account-link').waitFor();
  await waitUntil(async () => /Alle wijzigingen opgeslagen/.test(await status(page).textContent()), { what: 'the first sync, in Dutch', timeout: 20000 });
  // The start page's cards come once the catalogue is in, with the first part's words.
  await page.locator('.cards a[href="/organisations"]').filter({ hasText: /organisaties/ }).waitFor();
  assert.deepEqual(fetched, ['nl first']);
  await nav(page).getByRole('link', { name: 'Organisaties' }).click();
  await waitUntil(async () => /organisaties/.test(await page.locator('main p.count').first().textContent()), { what: 'the list count, in Dutch' });
  assert.deepEqual(fetched, ['nl first', 'nl later']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a language chosen in the header is kept on the device, online and offline', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);
  await nav(page).getByRole('link', { name: 'Training tools' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // The service worker keeps every language's file: wait until it is in charge.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await waitUntil(async () => /All changes saved/.test(await status(page).textContent()), { what: 'the first sync', timeout: 20000 });

  await choose(page, 'fr');
  await nav(page).getByRole('link', { name: 'Outils de formation' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  // The change is said to a screen reader, once.
  await page.getByText("L'interface est maintenant en français.").waitFor();
  await waitUntil(async () => /Toutes les modifications sont enregistrées/.test(await status(page).textContent()), { what: 'the status in French', timeout: 20000 });
  assert.equal(await page.getByTestId('language').inputValue(), 'fr');

  await page.reload();
  await nav(page).getByRole('link', { name: 'Outils de formation' }).waitFor();
  assert.equal(await page.getByText("L'interface est maintenant en français.").count(), 0);

  // A form's labels and its coded values and countries come in French.
  await page.goto(server.url + '/organisations/new');
  await page.locator('label[for=f-category]').waitFor();
  assert.equal(await page.locator('label[for=f-category]').textContent(), 'Catégorie');
  assert.equal(await page.locator('label[for=f-name]').textContent(), 'Nom (obligatoire)');
  const categories = await page.locator('select[name=category] option').allTextContents();
  assert.ok(categories.includes('Administration des douanes'), categories.join(' | '));
  const countries = await page.locator('select[name=country] option').allTextContents();
  assert.ok(countries.includes('Haïti') && countries.includes('Trinité-et-Tobago'), countries.join(' | '));
  await page.goto(server.url + '/');

  // Offline: the same language on a reload, and another one chosen without a connection.
  await context.setOffline(true);
  await page.reload();
  await nav(page).getByRole('link', { name: 'Outils de formation' }).waitFor();
  await waitUntil(async () => /hors ligne/.test(await status(page).textContent()), { what: 'the offline status in French', timeout: 20000 });
  // A record made offline: refused in French until it is right, then waiting, said in French.
  await page.goto(server.url + '/organisations/new');
  const form = new Form(page);
  await form.field('name').waitFor();
  await form.save();
  assert.equal(await form.error('name').textContent(), 'Ce champ est obligatoire.');
  await form.fill({ name: 'Administration des douanes de Saint-Martin', category: 'customs_administration' });
  await form.save();
  await page.getByRole('heading', { name: 'Administration des douanes de Saint-Martin' }).waitFor();
  await waitUntil(async () => /1 modification en attente/.test(await status(page).textContent()), { what: 'the waiting change in French', timeout: 20000 });
  await page.reload();
  await page.getByRole('heading', { name: 'Administration des douanes de Saint-Martin' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  await page.goto(server.url + '/');
  await choose(page, 'nl');
  await nav(page).getByRole('link', { name: 'Trainingsmiddelen' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  await page.getByRole('heading', { name: 'Capaciteitsopbouw voor de douane in het Caribisch gebied' }).waitFor();
  await context.setOffline(false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a language chosen while signed in goes with the account to the next device', async () => {
  const first = await browser.newContext();
  const here = await first.newPage();
  const errors = watchErrors(here);
  await signIn(here, server.url, 'viewer');
  await choose(here, 'es');
  await nav(here).getByRole('link', { name: 'Herramientas de capacitación' }).waitFor();
  const api = await apiAs(server.url, 'viewer');
  await waitUntil(async () => (await api.get('/api/v1/session')).language === 'es', { what: 'the account to keep Spanish', timeout: 20000 });
  await first.close();

  // Another device with an English browser: signing in brings the account's language.
  const second = await browser.newContext({ locale: 'en-GB' });
  const there = await second.newPage();
  watchErrors(there, errors);
  await (await fillSignIn(there, server.url, 'viewer')).click();
  await nav(there).getByRole('link', { name: 'Herramientas de capacitación' }).waitFor();
  assert.equal(await there.evaluate(() => document.documentElement.lang), 'es');
  assert.deepEqual(errors, []);
  await second.close();
});

test("what the server refuses is said in the interface's language", async () => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await (await fillSignIn(page, server.url, 'coordinator', { password: 'not the password' })).click();
  await page.getByText("L'adresse électronique ou le mot de passe est incorrect").waitFor();
  await context.close();
});

test('a list downloaded in Dutch has Dutch headers and words, and a spreadsheet written in French imports, offline', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  // Not the coordinator: an earlier test here keeps French, then Dutch, with that account,
  // and a device follows its account's language on signing in.
  await signIn(page, server.url, 'admin');
  // The service worker keeps every language's file (the French one is read offline below).
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
  await waitUntil(async () => /All changes saved/.test(await status(page).textContent()), { what: 'the first sync', timeout: 20000 });
  await choose(page, 'nl');
  await context.setOffline(true);

  await page.goto(server.url + '/organisations').catch(() => {});
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  const rows = readFileSync(await download.path(), 'utf8').slice(1).split('\r\n').filter((l) => l !== '');
  assert.match(rows[0], /^Naam,Afkorting,Categorie,/);
  assert.ok(rows.some((r) => r.includes('Douanedienst')), rows.join('\n'));

  // Written by someone who works in French: headers, format, languages and topic in French.
  // Their words come from the French language file, which the service worker keeps.
  await page.goto(server.url + '/import?kind=training_tools').catch(() => {});
  await page.getByTestId('import-file').setInputFiles({
    name: 'outils.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Titre,Prestataire,Format,Langues,Thèmes\r\n' +
      'Gestion des risques aux frontières,CARTAC,Formation en ligne,"Anglais; Français",Gestion des risques\r\n', 'utf8'),
  });
  await page.getByTestId('import-summary').waitFor();
  assert.equal(await page.getByTestId('import-summary').textContent(),
    '1 toe te voegen, 0 te wijzigen, 0 al gelijk aan het bestand, 0 geweigerd.');
  assert.deepEqual(errors, []);
  await context.close();
});
