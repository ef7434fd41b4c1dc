// Technical assistance missions in a real browser against the real server: a mission and
// what it found, an action it recommended followed up on the beneficiary's page, a second
// provider's mission at the same time and place recorded offline and flagged, and an office
// editor's list opening on their own administration.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, launchBrowser, watchErrors } from './harness.mjs';
import { signIn, apiAs, waitForSynced, openOrganisation } from './pages.mjs';

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

  await page.getByRole('link', { name: 'Missions', exact: true }).click();
  await page.getByRole('link', { name: 'Add a mission' }).click();
  await page.getByTestId('save').click();
  assert.match(await page.locator('#title-error').textContent(), /required/);
  assert.match(await page.locator('#beneficiary-error').textContent(), /administration assisted/);
  assert.match(await page.locator('#starts-error').textContent(), /first day/);
  await page.locator('input[name=title]').fill(PCA);
  await page.locator('select[name=beneficiary]').selectOption({ label: 'Montserrat Customs' });
  await page.locator('select[name=country]').selectOption('MS');
  await page.locator('input[name=starts]').fill('2013-03-04');
  await page.locator('input[name=ends]').fill('2013-03-15');
  await page.getByRole('group', { name: 'Topics' }).getByRole('checkbox', { name: 'Post-clearance audit' }).check();
  await page.getByRole('group', { name: 'Topics' }).getByRole('checkbox', { name: 'Valuation, classification and origin' }).check();
  await page.locator('textarea[name=findings]').fill('No written audit plan.\nTraders\u2019 records are checked on paper only.');
  await page.locator('textarea[name=recommendations]').fill('Adopt a risk-based audit plan.');
  await page.locator('select[name=report_access]').selectOption('on_request');
  await page.getByTestId('save').click();
  await page.getByRole('heading', { name: PCA }).waitFor();
  assert.equal(await page.getByTestId('findings').textContent(), 'No written audit plan.\nTraders\u2019 records are checked on paper only.');
  assert.match(await page.locator('article').textContent(), /On request to the beneficiary administration/);

  await page.getByRole('button', { name: 'Add an action item' }).click();
  await page.locator('textarea[name=text]').fill('Draft a risk-based post-clearance audit plan.');
  await page.locator('select[name=owner]').selectOption({ label: 'Montserrat Customs' });
  await page.locator('input[name=due]').fill('2013-Q3');
  await page.getByRole('button', { name: 'Save action item' }).click();
  await page.getByTestId('action-row').filter({ hasText: 'audit plan' }).waitFor();

  await openOrganisation(page, 'montserrat', 'Montserrat Customs');
  await page.getByTestId('org-missions').getByRole('link', { name: PCA }).waitFor();
  assert.match(await page.getByTestId('org-missions').textContent(), /received · 4–15 March 2013 · Diagnostic/);
  const followUp = page.getByTestId('action-row').filter({ hasText: 'audit plan' });
  assert.match(await followUp.textContent(), new RegExp(`Recommended by the mission ${PCA}, 4–15 March 2013`));
  assert.equal(await followUp.getByTestId('action-status').textContent(), 'Open · overdue');

  // Offline, another provider's mission on the same topic in Montserrat the same week.
  await waitForSynced(page);
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Missions', exact: true }).click();
  await page.getByRole('link', { name: 'Add a mission' }).click();
  await page.locator('input[name=title]').fill(WCO_PCA);
  await page.locator('select[name=provider]').selectOption({ label: 'World Customs Organization (WCO)' });
  await page.locator('select[name=beneficiary]').selectOption({ label: 'Montserrat Customs' });
  await page.locator('select[name=country]').selectOption('MS');
  await page.locator('input[name=starts]').fill('2013-03-11');
  await page.getByRole('group', { name: 'Topics' }).getByRole('checkbox', { name: 'Valuation, classification and origin' }).check();
  await page.getByTestId('save').click();
  await page.getByRole('heading', { name: WCO_PCA }).waitFor();
  const overlaps = page.getByTestId('mission-overlaps');
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
  await page.getByRole('link', { name: 'Missions', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /^0 of 2 missions$/ }).waitFor();
  await page.locator('select[name=organisation]').selectOption('');
  await page.getByRole('status').filter({ hasText: /^2 of 2 missions$/ }).waitFor();
  // What the missions found, for a meeting pack.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  assert.match(download.suggestedFilename(), /^missions-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8').slice(1);
  assert.ok(csv.startsWith('Title,Provided by,Administration assisted,Country,First day,Last day,Phase,Topics,Project,Findings,Recommendations,Who may read the full report,Where the report is kept\r\n'), csv);
  assert.ok(csv.includes(`${PCA},Caribbean Regional Technical Assistance Centre (CARTAC),Montserrat Customs,Montserrat,2013-03-04,2013-03-15,Diagnostic,"Post-clearance audit; Valuation, classification and origin",,"No written audit plan.\nTraders\u2019 records are checked on paper only.",Adopt a risk-based audit plan.,On request to the beneficiary administration,`), csv);
  assert.deepEqual(errors, []);
  await page.close();
});
