// Projects and "who funds what, where" in a real browser against the real server: a project
// added with the shared rules' messages, a second one added offline after a duplicate
// warning, the overlap shown on the project and in the funding table, both synced, and the
// list's CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, launchBrowser, watchErrors } from './harness.mjs';
import { signIn, apiAs, waitForSynced, openOrganisation } from './pages.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); server?.cleanup(); });

const FIRST = 'Risk management in the Eastern Caribbean';
const SECOND = 'Risk-based selectivity, Barbados';

const check = (page, group, name) =>
  page.getByRole('group', { name: group }).getByRole('checkbox', { name, exact: true }).check();

test('projects are added (one offline), duplication is flagged, and the funding table shows overlaps and gaps', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);
  await waitForSynced(page);

  await page.getByRole('link', { name: 'Funding', exact: true }).click();
  await page.getByTestId('funding-empty').waitFor();

  await page.getByRole('link', { name: 'Projects', exact: true }).click();
  await page.getByRole('link', { name: 'Add a project' }).click();
  await page.getByTestId('save').click();
  assert.match(await page.locator('#title-error').textContent(), /required/);
  assert.match(await page.locator('#funders-error').textContent(), /at least one funder/);
  await page.locator('input[name=title]').fill(FIRST);
  await page.locator('select[name=status]').selectOption('implementation');
  await page.locator('input[name=starts]').fill('2013-04-01');
  await page.locator('input[name=ends]').fill('2016-03-31');
  await check(page, 'Funded by', 'Global Affairs Canada (GAC)');
  await check(page, 'Countries', 'Barbados');
  await check(page, 'Countries', 'Saint Lucia');
  await check(page, 'Topics', 'Risk management');
  await page.locator('input[name=budget]').fill('1.2m');
  await page.locator('input[name=currency]').fill('usd');
  await page.getByTestId('save').click();
  assert.match(await page.locator('#budget-error').textContent(), /whole number/);
  await page.locator('input[name=budget]').fill('1,250,000');
  await page.getByTestId('save').click();
  await page.getByRole('heading', { name: FIRST }).waitFor();
  const firstId = page.url().split('/').pop();
  assert.match(await page.locator('article').textContent(), /USD 1,250,000/);
  assert.match(await page.getByTestId('overlaps').textContent(), /No other live project/);

  // Offline, a second project: the same title in a shared country and time is flagged first.
  await waitForSynced(page);
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Projects', exact: true }).click();
  await page.getByRole('link', { name: 'Add a project' }).click();
  await page.locator('input[name=title]').fill(FIRST.toLowerCase());
  await check(page, 'Countries', 'Barbados');
  await page.locator('input[name=starts]').fill('2014-01-01');
  await page.getByTestId('duplicate-warning').waitFor();
  assert.match(await page.getByTestId('duplicate-warning').textContent(), new RegExp(FIRST));
  await page.locator('input[name=title]').fill(SECOND);
  await page.getByTestId('duplicate-warning').waitFor({ state: 'detached' });
  await page.locator('select[name=status]').selectOption('implementation');
  await check(page, 'Funded by', 'World Bank (WB)');
  await check(page, 'Topics', 'Risk management');
  await page.getByTestId('save').click();
  await page.getByRole('heading', { name: SECOND }).waitFor();
  const overlaps = page.getByTestId('overlaps');
  await overlaps.getByRole('link', { name: FIRST }).waitFor();
  assert.match(await overlaps.textContent(), /Barbados · Risk management/);

  await page.getByRole('link', { name: 'Funding', exact: true }).click();
  const summary = page.getByTestId('funding-summary');
  await summary.waitFor();
  assert.equal(await summary.textContent(), '2 live projects · 1 possible duplication · 18 of 20 countries shown with no live project');
  const barbados = page.getByTestId('funding-row').filter({ has: page.getByRole('rowheader', { name: 'Barbados', exact: true }) });
  assert.equal(await barbados.locator('td.overlap').count(), 1);
  assert.equal(await barbados.locator('td.overlap').textContent(), 'Overlap: GAC, WB');
  const lucia = page.getByTestId('funding-row').filter({ has: page.getByRole('rowheader', { name: 'Saint Lucia', exact: true }) });
  assert.deepEqual(await lucia.getByTestId('funding-cell').allTextContents(), ['GAC']);
  await page.getByTestId('overlap-list').getByRole('link', { name: SECOND }).waitFor();
  // The same table for a spreadsheet: a row per country, overlaps marked, gaps empty.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  assert.match(download.suggestedFilename(), /^funding-\d{4}-\d{2}-\d{2}\.csv$/);
  const table = readFileSync(await download.path(), 'utf8').slice(1).split('\r\n').filter((l) => l !== '');
  assert.equal(table.length, 21, 'the header and the 20 CARTAC members');
  assert.match(table[0], /^Country,Risk management,Strategic planning,/);
  assert.ok(table.some((r) => r.startsWith('Barbados,OVERLAP: GAC; WB,')), table.join('\n'));
  assert.ok(table.some((r) => r.startsWith('Saint Lucia,GAC,')), table.join('\n'));
  assert.ok(table.some((r) => r === 'Montserrat' + ','.repeat(12)), 'a gap row is empty');
  // The wide table scrolls inside its box; the page itself does not scroll sideways.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways page scroll');

  await context.setOffline(false);
  await waitForSynced(page);
  const api = await apiAs(server.url, 'coordinator');
  const { items } = await api.get('/api/v1/projects');
  assert.equal(items.length, 2);
  const first = items.find((p) => p.id === firstId);
  assert.equal(first.budget, 1250000);
  assert.equal(first.currency, 'USD');
  assert.deepEqual(first.countries.sort(), ['BB', 'LC']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the project list filters and downloads what it shows, in words', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);
  await page.getByRole('link', { name: 'Projects', exact: true }).click();
  await page.getByTestId('record-row').first().waitFor();
  await page.locator('select[name=country]').selectOption('LC');
  await page.getByRole('status').filter({ hasText: /^1 of 2 projects$/ }).waitFor();
  assert.match(await page.getByTestId('record-row').textContent(), /Implementation · 2013 – 2016 · Barbados, Saint Lucia · funded by Global Affairs Canada \(GAC\) · USD 1,250,000/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  assert.match(download.suggestedFilename(), /^projects-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(await download.path(), 'utf8').slice(1).split('\r\n').filter((l) => l !== '');
  assert.equal(lines.length, 2);
  assert.match(lines[1], new RegExp(`^${FIRST},,Implementation,2013-04-01,2016-03-31,Caribbean Regional Technical Assistance Centre \\(CARTAC\\),Global Affairs Canada \\(GAC\\),,Barbados; Saint Lucia,Risk management,33120,,1250000,USD,`));

  // The same projects as IATI activity XML, published in the name of an organisation the
  // person names; the choice is kept on the device for the next export.
  const iati = page.getByTestId('iati-export');
  await iati.locator('summary').click();
  await iati.locator('select[name=iati_org]').selectOption({ label: 'Caribbean Regional Technical Assistance Centre (CARTAC)' });
  await iati.getByTestId('download-iati').click();
  assert.match(await iati.getByTestId('iati-said').textContent(), /Enter the reporting organisation's IATI identifier/);
  await iati.locator('input[name=iati_ref]').fill('XM-DAC-41114');
  await iati.locator('select[name=iati_type]').selectOption({ label: 'Multilateral' });
  const [xmlFile] = await Promise.all([page.waitForEvent('download'), iati.getByTestId('download-iati').click()]);
  assert.match(xmlFile.suggestedFilename(), /^iati-activities-\d{4}-\d{2}-\d{2}\.xml$/);
  const xml = readFileSync(await xmlFile.path(), 'utf8');
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<iati-activities version="2.03" generated-datetime="\d{4}-/);
  assert.equal(xml.match(/<iati-activity /g).length, 1, 'the one project shown');
  assert.match(xml, /<reporting-org ref="XM-DAC-41114" type="40"><narrative>Caribbean Regional Technical Assistance Centre \(CARTAC\)<\/narrative><\/reporting-org>/);
  assert.match(xml, new RegExp(`<title><narrative>${FIRST}</narrative></title>`));
  assert.match(xml, /<participating-org role="1"><narrative>Global Affairs Canada \(GAC\)<\/narrative><\/participating-org>/);
  assert.match(xml, /<activity-status code="2"\/>\n  <activity-date type="2" iso-date="2013-04-01"\/>\n  <activity-date type="3" iso-date="2016-03-31"\/>/);
  assert.match(xml, /<recipient-country code="BB" percentage="50.00"\/>\n  <recipient-country code="LC" percentage="50.00"\/>/);
  assert.match(xml, /<value currency="USD" value-date="2013-04-01">1250000<\/value>/);
  assert.match(await iati.getByTestId('iati-said').textContent(), /^1 project written as an IATI activity\.$/);
  await page.reload();
  await page.getByTestId('iati-export').locator('summary').click();
  assert.equal(await page.getByTestId('iati-export').locator('input[name=iati_ref]').inputValue(), 'XM-DAC-41114');

  await page.locator('select[name=country]').selectOption('');
  await page.locator('select[name=status]').selectOption('closed');
  await page.getByRole('status').filter({ hasText: /^0 of 2 projects$/ }).waitFor();

  // A project entered by mistake is removed from its page, after a second question.
  await page.goto(server.url + '/projects');
  await page.getByTestId('record-row').getByRole('link', { name: SECOND }).click();
  await page.getByRole('button', { name: 'Remove this project' }).click();
  assert.match(await page.getByRole('alert').filter({ hasText: 'Remove this project?' }).textContent(), /Missions that were part of it stay/);
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await page.waitForURL(/\/projects$/);
  await page.getByRole('status').filter({ hasText: /^1 of 1 projects$/ }).waitFor();
  await waitForSynced(page);
  const { items } = await (await apiAs(server.url, 'coordinator')).get('/api/v1/projects');
  assert.deepEqual(items.map((p) => p.title), [FIRST], 'removed on the server too');

  // A funder's page lists what it funds.
  await openOrganisation(page, 'canada', 'Global Affairs Canada (GAC)');
  const funded = page.getByTestId('org-projects').getByRole('listitem');
  await funded.first().waitFor();
  assert.deepEqual(await funded.allTextContents(), [`${FIRST}funds · Implementation · Barbados, Saint Lucia`]);
  assert.deepEqual(errors, []);
  await context.close();
});
