// Technical assistance missions in a real browser against the real server: a mission and
// what it found, an action it recommended followed up on the beneficiary's page, a second
// provider's mission at the same time and place recorded offline and flagged, and an office
// editor's list opening on their own administration.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, watchErrors } from './harness.mjs';
import { MissionForm, MissionPage, MissionsPage, ActionItemForm, ActionRow, OrganisationPage, signIn, apiAs, waitForSynced } from './pages.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); server?.cleanup(); });

const PCA = 'Post-clearance audit diagnostic';
const WCO_PCA = 'Valuation and audit support';

test('a mission records what it found; its recommended action is followed up on the beneficiary page; an overlapping mission is flagged', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);
  await waitForSynced(page);

  const form = await new MissionForm(page).open();
  await form.save();
  assert.match(await form.error('title').textContent(), /required/);
  assert.match(await form.error('beneficiary').textContent(), /administration assisted/);
  assert.match(await form.error('starts').textContent(), /first day/);
  await form.fill({ title: PCA, beneficiary: { label: 'Montserrat Customs' }, country: 'MS', starts: '2013-03-04', ends: '2013-03-15' });
  await form.check('Topics', 'Post-clearance audit');
  await form.check('Topics', 'Valuation, classification and origin');
  await form.fill({
    findings: 'No written audit plan.\nTraders\u2019 records are checked on paper only.',
    recommendations: 'Adopt a risk-based audit plan.',
    report_access: 'on_request',
  });
  await form.saveAndOpen(PCA);
  const mission = new MissionPage(page);
  assert.equal(await mission.findings.textContent(), 'No written audit plan.\nTraders\u2019 records are checked on paper only.');
  assert.match(await page.locator('article').textContent(), /On request to the beneficiary administration/);

  const action = await new ActionItemForm(page).open();
  await action.fill({ text: 'Draft a risk-based post-clearance audit plan.', owner: { label: 'Montserrat Customs' }, due: '2013-Q3' });
  await action.save();
  await new ActionRow(page, 'audit plan').row.waitFor();

  const montserrat = await new OrganisationPage(page).open('montserrat', 'Montserrat Customs');
  await montserrat.missions.getByRole('link', { name: PCA }).waitFor();
  assert.match(await montserrat.missions.textContent(), /received · 4–15 March 2013 · Diagnostic/);
  const followUp = new ActionRow(page, 'audit plan');
  assert.match(await followUp.row.textContent(), new RegExp(`Recommended by the mission ${PCA}, 4–15 March 2013`));
  assert.equal(await followUp.status.textContent(), 'Open · overdue');

  // Offline, another provider's mission on the same topic in Montserrat the same week.
  await waitForSynced(page);
  await context.setOffline(true);
  const second = await new MissionForm(page).open();
  await second.fill({
    title: WCO_PCA,
    provider: { label: 'World Customs Organization (WCO)' },
    beneficiary: { label: 'Montserrat Customs' },
    country: 'MS',
    starts: '2013-03-11',
  });
  await second.check('Topics', 'Valuation, classification and origin');
  await second.saveAndOpen(WCO_PCA);
  const overlaps = mission.overlaps;
  await overlaps.getByRole('link', { name: PCA }).waitFor();
  assert.match(await overlaps.textContent(), /4–15 March 2013 · Valuation, classification and origin/);

  await context.setOffline(false);
  await waitForSynced(page);
  const { items } = await (await apiAs(server.url, 'coordinator')).get('/api/v1/missions');
  assert.deepEqual(items.map((m) => m.title).sort(), [PCA, WCO_PCA].sort());
  assert.equal(items.find((m) => m.title === PCA).report_access, 'on_request');
  assert.deepEqual(errors, []);
  await context.close();
});

test("an office editor's mission list opens on their own administration", async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url, 'editor');
  const missions = await new MissionsPage(page).open();
  await missions.shows(/^0 of 2 missions$/);
  await missions.filter('organisation', '');
  await missions.shows(/^2 of 2 missions$/);
  // What the missions found, for a meeting pack.
  const file = await missions.downloadCsv();
  assert.match(file.name, /^missions-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = file.text.slice(1);
  assert.ok(csv.startsWith('Title,Provided by,Administration assisted,Country,First day,Last day,Phase,Topics,Project,Findings,Recommendations,Who may read the full report,Where the report is kept\r\n'), csv);
  assert.ok(csv.includes(`${PCA},Caribbean Regional Technical Assistance Centre (CARTAC),Montserrat Customs,Montserrat,2013-03-04,2013-03-15,Diagnostic,"Post-clearance audit; Valuation, classification and origin",,"No written audit plan.\nTraders\u2019 records are checked on paper only.",Adopt a risk-based audit plan.,On request to the beneficiary administration,`), csv);
  assert.deepEqual(errors, []);
  await page.close();
});
