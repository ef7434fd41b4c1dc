// Projects and "who funds what, where" in a real browser against the real server: a project
// added with the shared rules' messages, a second one added offline after a duplicate
// warning, the overlap shown on the project and in the funding table, both synced, and the
// list's CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, watchErrors } from './harness.mjs';
import { ProjectForm, ProjectPage, ProjectsPage, IatiExport, FundingPage, OrganisationPage, signIn, apiAs, waitForSynced } from './pages.mjs';

/** IATI's own 2.03 activity schema (test data; see its README), for xmllint. */
const IATI_SCHEMA = fileURLToPath(new URL('../../shared/tests/iati-schema-2.03/iati-activities-schema.xsd', import.meta.url));

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); server?.cleanup(); });

const FIRST = 'Risk management in the Eastern Caribbean';
const SECOND = 'Risk-based selectivity, Barbados';

test('projects are added (one offline), duplication is flagged, and the funding table shows overlaps and gaps', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);
  await waitForSynced(page);

  await (await new FundingPage(page).open()).empty.waitFor();

  const form = await new ProjectForm(page).open();
  await form.save();
  assert.match(await form.error('title').textContent(), /required/);
  assert.match(await form.error('funders').textContent(), /at least one funder/);
  await form.fill({ title: FIRST, status: 'implementation', starts: '2013-04-01', ends: '2016-03-31' });
  await form.check('Funded by', 'Global Affairs Canada (GAC)');
  await form.check('Countries', 'Barbados');
  await form.check('Countries', 'Saint Lucia');
  await form.check('Topics', 'Risk management');
  await form.fill({ budget: '1.2m', currency: 'usd' });
  await form.save();
  assert.match(await form.error('budget').textContent(), /whole number/);
  await form.fill({ budget: '1,250,000' });
  await form.saveAndOpen(FIRST);
  const firstId = page.url().split('/').pop();
  const project = new ProjectPage(page);
  assert.match(await page.locator('article').textContent(), /USD 1,250,000/);
  assert.match(await project.overlaps.textContent(), /No other live project/);

  // Offline, a second project: the same title in a shared country and time is flagged first.
  await waitForSynced(page);
  await context.setOffline(true);
  const second = await new ProjectForm(page).open();
  await second.fill({ title: FIRST.toLowerCase() });
  await second.check('Countries', 'Barbados');
  await second.fill({ starts: '2014-01-01' });
  const duplicate = second.duplicateWarning;
  await duplicate.waitFor();
  assert.match(await duplicate.textContent(), new RegExp(FIRST));
  await second.fill({ title: SECOND });
  await duplicate.waitFor({ state: 'detached' });
  await second.fill({ status: 'implementation' });
  await second.check('Funded by', 'World Bank (WB)');
  await second.check('Topics', 'Risk management');
  await second.saveAndOpen(SECOND);
  const overlaps = project.overlaps;
  await overlaps.getByRole('link', { name: FIRST }).waitFor();
  assert.match(await overlaps.textContent(), /Barbados · Risk management/);

  const funding = await new FundingPage(page).open();
  const summary = funding.summary;
  await summary.waitFor();
  assert.equal(await summary.textContent(), '2 live projects · 1 possible duplication · 18 of 20 countries shown with no live project');
  const barbados = funding.rowFor('Barbados');
  assert.equal(await barbados.locator('td.overlap').count(), 1);
  assert.equal(await barbados.locator('td.overlap').textContent(), 'Overlap: GAC, WB');
  const lucia = funding.rowFor('Saint Lucia');
  assert.deepEqual(await lucia.getByTestId('funding-cell').allTextContents(), ['GAC']);
  await funding.overlapList.getByRole('link', { name: SECOND }).waitFor();
  // The same table for a spreadsheet: a row per country, overlaps marked, gaps empty.
  const file = await funding.downloadCsv();
  assert.match(file.name, /^funding-\d{4}-\d{2}-\d{2}\.csv$/);
  const table = file.text.slice(1).split('\r\n').filter((l) => l !== '');
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
  const projects = await new ProjectsPage(page).open();
  await projects.filter('country', 'LC');
  await projects.shows(/^1 of 2 projects$/);
  assert.match(await projects.rows.textContent(), /Implementation · 2013 – 2016 · Barbados, Saint Lucia · funded by Global Affairs Canada \(GAC\) · USD 1,250,000/);
  const file = await projects.downloadCsv();
  assert.match(file.name, /^projects-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = file.text.slice(1).split('\r\n').filter((l) => l !== '');
  assert.equal(lines.length, 2);
  assert.match(lines[1], new RegExp(`^${FIRST},,Implementation,2013-04-01,2016-03-31,Caribbean Regional Technical Assistance Centre \\(CARTAC\\),Global Affairs Canada \\(GAC\\),,Barbados; Saint Lucia,Risk management,33120,,1250000,USD,`));

  // The same projects as IATI activity XML, published in the name of an organisation the
  // person names; the choice is kept on the device for the next export.
  const iati = await new IatiExport(page).open();
  await iati.fill({ iati_org: { label: 'Caribbean Regional Technical Assistance Centre (CARTAC)' } });
  await iati.tryDownload();
  assert.match(await iati.said.textContent(), /Enter the reporting organisation's IATI identifier/);
  await iati.fill({ iati_ref: 'XM-DAC-41114', iati_type: { label: 'Multilateral' } });
  const xmlFile = await iati.downloadXml();
  assert.match(xmlFile.name, /^iati-activities-\d{4}-\d{2}-\d{2}\.xml$/);
  const xml = xmlFile.text;
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<iati-activities version="2.03" generated-datetime="\d{4}-/);
  assert.equal(xml.match(/<iati-activity /g).length, 1, 'the one project shown');
  assert.match(xml, /<reporting-org ref="XM-DAC-41114" type="40"><narrative>Caribbean Regional Technical Assistance Centre \(CARTAC\)<\/narrative><\/reporting-org>/);
  assert.match(xml, new RegExp(`<title><narrative>${FIRST}</narrative></title>`));
  assert.match(xml, /<participating-org role="1"><narrative>Global Affairs Canada \(GAC\)<\/narrative><\/participating-org>/);
  assert.match(xml, /<activity-status code="2"\/>\n  <activity-date type="2" iso-date="2013-04-01"\/>\n  <activity-date type="3" iso-date="2016-03-31"\/>/);
  assert.match(xml, /<recipient-country code="BB" percentage="50.00"\/>\n  <recipient-country code="LC" percentage="50.00"\/>/);
  assert.match(xml, /<value currency="USD" value-date="2013-04-01">1250000<\/value>/);
  // Valid as a publisher's validator checks it: against IATI's schema.
  const lint = spawnSync('xmllint', ['--noout', '--nonet', '--schema', IATI_SCHEMA, '-'], { input: xml });
  assert.equal(lint.status, 0, `xmllint: ${lint.error ?? lint.stderr}`);
  assert.match(await iati.said.textContent(), /^1 project written as an IATI activity\.$/);
  await page.reload();
  assert.equal(await (await new IatiExport(page).open()).field('iati_ref').inputValue(), 'XM-DAC-41114');

  await projects.filter('country', '');
  await projects.filter('status', 'closed');
  await projects.shows(/^0 of 2 projects$/);

  // A project entered by mistake is removed from its page, after a second question.
  await page.goto(server.url + '/projects');
  await projects.openProject(SECOND);
  const removed = new ProjectPage(page);
  assert.match(await (await removed.askToRemove()).textContent(), /Missions that were part of it stay/);
  await removed.confirmRemoval();
  await page.waitForURL(/\/projects$/);
  await projects.shows(/^1 of 1 projects$/);
  await waitForSynced(page);
  const { items } = await (await apiAs(server.url, 'coordinator')).get('/api/v1/projects');
  assert.deepEqual(items.map((p) => p.title), [FIRST], 'removed on the server too');

  // A funder's page lists what it funds.
  const funder = await new OrganisationPage(page).open('canada', 'Global Affairs Canada (GAC)');
  const funded = funder.projects.getByRole('listitem');
  await funded.first().waitFor();
  assert.deepEqual(await funded.allTextContents(), [`${FIRST}funds · Implementation · Barbados, Saint Lucia`]);
  assert.deepEqual(errors, []);
  await context.close();
});
