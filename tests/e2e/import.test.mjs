// Importing a spreadsheet in a real browser: a file read offline, its plan shown before
// anything changes, confirmed, kept over a reload, imported again without changing
// anything, and the records reaching the server and another person's device. And a copy
// of the whole catalogue: the same bytes from a synced device as from the server, read
// back in offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, launchBrowser, watchErrors } from './harness.mjs';
import { ImportPage, ListPage, signIn, apiAs, waitForSynced } from './pages.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); server?.cleanup(); });

// As a spreadsheet saves it: a byte-order mark, semicolons, Windows line ends, a quoted
// list with a semicolon inside, a formula-looking cell, labels rather than codes, one row
// for a seeded tool (matched by its title and provider) and one naming an unknown provider.
const TOOLS = '\ufeffTitle;Provider;Languages;Topics;Format;Duration;Last checked;Cost\r\n'
  + 'Small-vessel boarding drill;CCLEC;"English; Spanish";Small-vessel clearance;Workshop;2 days;3 March 2013;=free\r\n'
  + 'Risk profiling clinic;Caribbean Regional Technical Assistance Centre;English;Risk management;Classroom;1 week;2013-04-02;\r\n'
  + 'Harmonized System (HS) e-learning course;WCO Capacity Building Directorate;English;Valuation, classification and origin;E-learning;12 hours of study;;\r\n'
  + 'Port security primer;Nobody In Particular;English;;Guide;;;\r\n';

test('a spreadsheet imported offline is shown as a plan, confirmed, and reaches the server and another device', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);
  await waitForSynced(page);
  await context.setOffline(true);

  await page.getByRole('link', { name: 'Training tools', exact: true }).click();
  await page.getByTestId('import-link').click();
  await page.waitForURL(/\/import\?kind=training_tools$/);
  const importer = new ImportPage(page);

  // A file of the wrong kind is refused whole, with what was expected.
  await importer.choose('Projects', 'contacts.csv', 'Organisation,Role title,Name\nCARTAC,Customs adviser,B. Green\n');
  await importer.error.waitFor();
  assert.match(await importer.error.textContent(), /No column of this file is a field of records of kind “project”/);

  await importer.choose('Training tools', 'tools.csv', TOOLS);
  await importer.summary.waitFor();
  assert.equal(await importer.summary.textContent(), '2 to add, 1 to change, 0 already as in the file, 1 refused.');
  assert.match(await importer.refused.textContent(), /5Port security primerProviderThere is no organisation called “Nobody In Particular” on this device/);
  // Each change shows before → after; an empty cell empties the field, and says so.
  const updates = await page.getByTestId('import-updates').textContent();
  assert.match(updates, /Harmonized System \(HS\) e-learning course — .*Duration: About 20 hours, self-paced → 12 hours of study/);
  assert.match(updates, /Cost: Free for member administrations → \(empty\)/);
  const tools = new ListPage(page, server.url, '/training');
  await importer.confirm();
  await page.getByRole('link', { name: 'See the training tools' }).click();
  await tools.search('boarding drill');
  await page.getByRole('status').filter({ hasText: /^1 of \d+ training tools$/ }).waitFor();

  // Imported again: nothing more to do.
  await page.goto(`${server.url}/import?kind=training_tools`).catch(() => {});
  await importer.choose('Training tools', 'tools.csv', TOOLS);
  await importer.summary.waitFor();
  assert.equal(await importer.summary.textContent(), '0 to add, 0 to change, 3 already as in the file, 1 refused.');
  assert.equal(await page.getByTestId('import-confirm').isDisabled(), true);

  await context.setOffline(false);
  await page.reload();
  await waitForSynced(page);
  const { items } = await (await apiAs(server.url, 'coordinator')).get('/api/v1/training_tools');
  const drill = items.find((t) => t.title === 'Small-vessel boarding drill');
  assert.ok(drill, 'the imported tool reached the server');
  assert.deepEqual(drill.languages, ['en', 'es']);
  assert.equal(drill.format, 'workshop');
  assert.equal(drill.last_verified, '2013-03-03');
  assert.equal(drill.cost, '=free', 'kept as text, as typed');
  assert.equal(items.find((t) => t.title.startsWith('Harmonized System')).duration, '12 hours of study');
  assert.ok(!items.some((t) => t.title === 'Port security primer'), 'the refused row was not imported');

  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, server.url, 'admin');
  const list = new ListPage(second, server.url, '/training');
  await list.open();
  await list.search('risk profiling clinic');
  await second.getByRole('status').filter({ hasText: /^1 of \d+ training tools$/ }).waitFor();
  assert.deepEqual(errors, []);
  await other.close();
  await context.close();
});

test('an office editor may import only their own organisation\'s contacts; a viewer is not offered the import', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.url, 'editor');
  await waitForSynced(page);
  const api = await apiAs(server.url, 'editor');
  const { items: orgs } = await api.get('/api/v1/organisations');
  const own = orgs.find((o) => o.id === api.user.organisation);
  await page.goto(`${server.url}/import?kind=contacts`);
  const importer = new ImportPage(page);
  await importer.choose('Contacts', 'contacts.csv',
    `Organisation,Role title,Name\n${own.name},Training focal point,A. Brown\nCARTAC,Customs adviser,B. Green\n`);
  await importer.summary.waitFor();
  assert.equal(await importer.summary.textContent(), '1 to add, 0 to change, 0 already as in the file, 1 refused.');
  assert.match(await importer.refused.textContent(), /3Customs adviserOrganisation/);
  await importer.confirm();
  await waitForSynced(page);
  const { items } = await api.get('/api/v1/contacts');
  assert.ok(items.some((c) => c.name === 'A. Brown' && c.organisation === own.id));
  assert.ok(!items.some((c) => c.name === 'B. Green'));
  await context.close();

  const viewer = await browser.newContext();
  const seen = await viewer.newPage();
  await signIn(seen, server.url, 'viewer');
  await seen.getByRole('link', { name: 'Organisations', exact: true }).click();
  await seen.getByTestId('download-csv').waitFor();
  assert.equal(await seen.getByTestId('import-link').count(), 0);
  await viewer.close();
});

const IATI = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2015-01-01T00:00:00Z">
 <iati-activity xml:lang="en" default-currency="CAD">
  <iati-identifier>CA-3-D000777</iati-identifier>
  <reporting-org ref="XM-DAC-301-1" type="10"><narrative>Global Affairs Canada</narrative></reporting-org>
  <title><narrative>Border risk management, phase 3</narrative><narrative xml:lang="fr">Gestion des risques, phase 3</narrative></title>
  <description><narrative>Selectivity for small ports.</narrative></description>
  <participating-org role="1"><narrative>Global Affairs Canada</narrative></participating-org>
  <participating-org role="2"><narrative>CARTAC</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="2" iso-date="2015-04-01"/>
  <recipient-country code="LC"/>
  <sector vocabulary="1" code="33120"/>
  <sector vocabulary="1" code="43010"/>
  <sector vocabulary="2" code="331"/>
 </iati-activity>
 <iati-activity xml:lang="en">
  <iati-identifier>CA-3-D000778</iati-identifier>
  <reporting-org ref="XM-DAC-301-1" type="10"><narrative>Global Affairs Canada</narrative></reporting-org>
  <title><narrative>Port community systems</narrative></title>
  <participating-org ref="XM-NKH-1" role="1"><narrative>Nobody Known Here</narrative></participating-org>
  <activity-status code="1"/>
  <activity-date type="1" iso-date="2016-01-01"/>
  <recipient-country code="JM"/>
 </iati-activity>
 <iati-activity xml:lang="en">
  <iati-identifier>CA-3-D000779</iati-identifier>
  <reporting-org ref="XM-DAC-301-1" type="10"><narrative>Global Affairs Canada</narrative></reporting-org>
  <title><narrative>Elsewhere</narrative></title>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2016-01-01"/>
  <recipient-country code="KE"/>
 </iati-activity>
</iati-activities>
`;

test('an IATI activity file brings its Caribbean projects in, offline, saying what it does not keep', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);
  await waitForSynced(page);
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Projects', exact: true }).click();
  await page.getByTestId('import-link').click();
  const importer = new ImportPage(page);
  await importer.choose('Projects (IATI activity XML)', 'activities.xml', IATI);
  await importer.summary.waitFor();
  assert.equal(await importer.summary.textContent(), '1 to add, 0 to change, 0 already as in the file, 1 refused.');
  const notes = await page.getByTestId('import-notes').textContent();
  assert.match(notes, /1 of the file's 3 activities are elsewhere and are not read\./);
  assert.match(notes, /sectors 331 \(vocabulary 2\) are not DAC 5-digit codes and are not kept/);
  assert.match(await importer.refused.textContent(), /Port community systemsFunded byThere is no organisation called “Nobody Known Here”/);
  // The organisation the file names and the device lacks is added by name, and the file
  // checked again.
  assert.equal(await page.getByTestId('import-missing').locator('p').textContent(),
    '1 organisation named in the file is not on this device: Nobody Known Here.');
  await page.getByTestId('import-add-missing').click();
  await importer.summary.filter({ hasText: /^2 to add/ }).waitFor();
  assert.equal(await importer.summary.textContent(), '2 to add, 0 to change, 0 already as in the file, 0 refused.');
  await importer.confirm();
  await context.setOffline(false);
  await waitForSynced(page);
  const { items } = await (await apiAs(server.url, 'coordinator')).get('/api/v1/projects');
  const p = items.find((x) => x.identifier === 'CA-3-D000777');
  assert.ok(p, 'the project reached the server');
  assert.equal(p.title, 'Border risk management, phase 3');
  assert.deepEqual([p.status, p.starts, p.countries, p.topics, p.sectors], ['implementation', '2015-04-01', ['LC'], ['trade_facilitation'], ['43010']]);
  assert.ok(items.some((x) => x.identifier === 'CA-3-D000778'), 'the second project, once its funder was added');
  const { items: orgs } = await (await apiAs(server.url, 'coordinator')).get('/api/v1/organisations');
  assert.ok(orgs.some((o) => o.name === 'Nobody Known Here' && o.iati_identifier === 'XM-NKH-1'), 'added with the identifier the file gave');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a copy of the whole catalogue from a synced device is the server\'s, byte for byte, and reads back in offline', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);
  await waitForSynced(page);
  await page.goto(`${server.url}/about`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-copy').click()]);
  assert.match(download.suggestedFilename(), /^tradewinds-catalogue-\d{4}-\d{2}-\d{2}\.json$/);
  const copy = readFileSync(await download.path(), 'utf8');
  const api = await apiAs(server.url, 'coordinator');
  assert.equal(copy, await (await api.call('/api/v1/catalogue')).text(), 'the device\'s copy is the server\'s');
  const records = copy.trimEnd().split('\n').length - 2;
  assert.equal(await page.getByTestId('copy-saved').textContent(), `Saved: ${records} records.`);

  await context.setOffline(true);
  await page.getByTestId('import-copy').click();
  await page.waitForURL(/\/import\?kind=catalogue$/);
  const importer = new ImportPage(page);
  const label = 'The whole catalogue (a copy kept as JSON)';
  await importer.choose(label, 'copy.json', copy);
  await importer.summary.waitFor();
  assert.equal(await importer.summary.textContent(), `0 to add, 0 to change, ${records} already as in the file, 0 refused.`);

  // A copy edited by hand: one field changed, one organisation added, one record of a kind
  // this release does not know.
  const id = '6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5';
  const edited = copy
    .replace('"acronym":"CARTAC"', '"acronym":"CARTAC-IMF"')
    .replace('"records":[\n', `"records":[\n{"kind":"organisation","id":"${id}","fields":{"name":"Anguilla Customs training unit","country":"AI"}},\n{"kind":"vessel","id":"${id}","fields":{}},\n`);
  await page.goto(`${server.url}/import?kind=catalogue`).catch(() => {});
  await importer.choose(label, 'copy.json', edited);
  await importer.summary.filter({ hasText: /^1 to add/ }).waitFor();
  assert.equal(await importer.summary.textContent(), `1 to add, 1 to change, ${records - 1} already as in the file, 1 refused.`);
  assert.match(await page.getByTestId('import-updates').textContent(), /Acronym: CARTAC → CARTAC-IMF/);
  assert.match(await importer.refused.textContent(), /2vessel: record 2“vessel” is not a kind of record this release knows\./);
  await importer.confirm();

  await context.setOffline(false);
  await waitForSynced(page);
  const { items: orgs } = await api.get('/api/v1/organisations');
  assert.ok(orgs.some((o) => o.id === id && o.name === 'Anguilla Customs training unit'), 'the added organisation, with its id');
  assert.ok(orgs.some((o) => o.acronym === 'CARTAC-IMF'), 'the changed field');
  assert.deepEqual(errors, []);
  await context.close();
});
