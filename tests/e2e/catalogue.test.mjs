// The catalogue in a real browser against the real server, signed in as the demo
// coordinator: seeded data listed, search, filters, validation messages, and a created
// record surviving a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, launchBrowser, watchErrors } from './harness.mjs';
import { ListPage, ToolForm, syncStatus, signIn, apiAs, waitForSynced } from './pages.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); server?.cleanup(); });

test('seeded organisations are listed and search narrows the list', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  const errors = watchErrors(page);
  await signIn(page, server.url);
  const list = new ListPage(page, server.url, '/organisations');
  await list.open();
  const all = await list.rows.count();
  assert.ok(all >= 35, `expected the seeded organisations, saw ${all}`);
  const texts = (await list.rowTexts()).join('\n');
  for (const name of ['CARTAC', 'World Customs Organization', 'CCLEC', 'Montserrat Customs', 'CIDA']) {
    assert.ok(texts.includes(name), `${name} missing from the list`);
  }
  await list.search('montserrat');
  await assert.doesNotReject(() => page.waitForFunction(() => document.querySelectorAll('[data-testid=record-row]').length === 1));
  assert.match(await list.rows.first().textContent(), /Montserrat Customs/);
  await list.search('');
  await page.locator('select[name=status]').selectOption('defunct');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=record-row]').length === 2);
  assert.deepEqual((await list.rowTexts()).map((t) => t.split(' (')[0].split('Donor')[0]).sort(),
    ['Canadian International Development Agency', 'Department for International Development']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('training tools filter by language and topic', async () => {
  const page = await browser.newPage();
  await signIn(page, server.url);
  const list = new ListPage(page, server.url, '/training');
  await list.open();
  const all = await list.rows.count();
  assert.ok(all >= 12, `expected at least 12 seeded tools, saw ${all}`);
  await page.locator('select[name=topic]').selectOption('integrity');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=record-row]').length < n, all);
  for (const t of await list.rowTexts()) assert.match(t, /Integrity/i);
  await page.close();
});

/** Clicks "Download as CSV" and returns the file's name and its rows (cells not split). */
async function downloadCsv(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  const text = readFileSync(await download.path(), 'utf8');
  assert.ok(text.startsWith('\ufeff'), 'a byte-order mark, so spreadsheets read UTF-8');
  return { name: download.suggestedFilename(), rows: text.slice(1).split('\r\n').filter((l) => l !== '') };
}

test('the lists download as CSV with what they show, in words rather than codes, offline too', async () => {
  // Late evening in Montserrat is already tomorrow in UTC: the file carries the local date.
  const context = await browser.newContext({ acceptDownloads: true, timezoneId: 'America/Montserrat' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);
  await waitForSynced(page);
  await context.setOffline(true);

  const tools = new ListPage(page, server.url, '/training');
  await page.getByRole('link', { name: 'Training tools', exact: true }).click();
  await tools.rows.first().waitFor();
  await tools.settled();
  const all = await tools.rows.count();
  await page.locator('select[name=language]').selectOption('fr');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=record-row]').length < n, all);
  const shown = await tools.rowTexts();
  assert.ok(shown.length > 0, 'some seeded tools are in French');
  await page.clock.setFixedTime(new Date('2026-11-29T02:30:00Z'));
  const file = await downloadCsv(page);
  assert.equal(file.name, 'training-tools-2026-11-28.csv', 'dated 28 November in Montserrat, though already the 29th in UTC');
  assert.match(file.rows[0], /^Title,Provider,Programme,Format,Platform,Languages,Topics,/);
  assert.equal(file.rows.length - 1, shown.length, 'one row per tool shown');
  for (const row of file.rows.slice(1)) assert.match(row, /French/, row);

  await page.getByRole('link', { name: 'Organisations', exact: true }).click();
  await page.getByTestId('search').fill('Montserrat');
  await page.getByRole('status').filter({ hasText: /^1 of \d+ organisations$/ }).waitFor();
  const orgs = await downloadCsv(page);
  assert.match(orgs.name, /^organisations-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.equal(orgs.rows[0], 'Name,Acronym,Category,Country,Status,Successor,Part of,Languages,Member of,Website,IATI organisation identifier,Description,Id');
  assert.equal(orgs.rows.length, 2);
  assert.match(orgs.rows[1], /^Montserrat Customs[^,]*,[^,]*,Customs administration,Montserrat,Active,/);

  // The contacts of the organisations shown, sorted by organisation and role.
  await page.locator('select[name=country]').selectOption('BB');
  await page.getByTestId('search').fill('Caribbean Regional Technical');
  await page.getByRole('status').filter({ hasText: /^1 of \d+ organisations$/ }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-contacts').click()]);
  assert.match(download.suggestedFilename(), /^contacts-\d{4}-\d{2}-\d{2}\.csv$/);
  const contacts = readFileSync(await download.path(), 'utf8').slice(1).split('\r\n').filter((l) => l !== '');
  assert.equal(contacts[0], 'Organisation,Role title,Name,E-mail,Phone,Language,Focal-point duties,Source of these facts,Id');
  assert.equal(contacts.length, 3, contacts.join('\n'));
  assert.match(contacts[1], /^Caribbean Regional Technical Assistance Centre[^,]*,Centre Coordinator,.*,English,/);
  assert.ok(contacts[2].includes(',"Customs Administration Adviser, Revenue Administration team",'), contacts[2]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new training tool shows validation messages, saves, and survives a reload', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);
  const form = new ToolForm(page, server.url);
  await form.open();
  await form.save();
  await assert.doesNotReject(() => form.fieldError('title').waitFor());
  assert.match(await form.fieldError('title').textContent(), /required/);
  assert.match(await form.fieldError('provider').textContent(), /organisation/);

  await form.fill({ title: 'Small-vessel clearance refresher', provider: 'Caribbean Customs Law Enforcement Council (CCLEC)', format: 'workshop', topics: ['small_vessels'] });
  await form.save();
  await page.waitForURL(/\/training\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: 'Small-vessel clearance refresher' }).waitFor();
  const detail = page.url();

  await page.reload();
  await page.getByRole('heading', { name: 'Small-vessel clearance refresher' }).waitFor();
  const list = new ListPage(page, server.url, '/training');
  await list.open();
  await list.search('refresher');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=record-row]').length === 1);
  // It also reached the server by itself.
  await page.waitForFunction(() => /All changes saved/.test(document.querySelector('[data-testid=sync-status]').textContent));
  const id = detail.split('/').pop();
  const res = await (await apiAs(server.url)).call(`/api/v1/training_tools/${id}`);
  assert.equal(res.status, 200);
  assert.equal((await res.json()).title, 'Small-vessel clearance refresher');
  assert.match(await syncStatus(page).textContent(), /last synced/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a contact is added on its organisation page with only a role title', async () => {
  const page = await browser.newPage();
  await signIn(page, server.url);
  const list = new ListPage(page, server.url, '/organisations');
  await list.open();
  await list.search('montserrat');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=record-row]').length === 1);
  await list.rows.first().getByRole('link').click();
  await page.getByRole('heading', { name: 'Montserrat Customs' }).waitFor();
  await page.getByRole('button', { name: 'Add a contact' }).click();
  await page.getByTestId('save').click();
  await page.locator('#role_title-error').waitFor();
  await page.locator('input[name=role_title]').fill('Comptroller of Customs');
  await page.getByTestId('save').click();
  await page.getByTestId('contact-row').filter({ hasText: 'Comptroller of Customs' }).waitFor();
  await page.reload();
  await page.getByTestId('contact-row').filter({ hasText: 'Comptroller of Customs' }).waitFor();
  await page.close();
});
