// Meetings and their action items in a real browser against the real server: the seeded
// 2012 Bridgetown meeting and what it agreed, an action item recorded offline and marked
// done, the follow-up list's filters and CSV, and an office editor limited to their own
// administration's actions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, launchBrowser, watchErrors } from './harness.mjs';
import { signIn, apiAs, waitForSynced, openOrganisation, goTo } from './pages.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); server?.cleanup(); });

const BRIDGETOWN = 'First WCO sub-regional donor meeting for the Caribbean';

async function openMeeting(page, title) {
  await goTo(page, 'Meetings');
  await page.getByTestId('record-row').getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { name: title }).waitFor();
}

const actionRow = (page, text) => page.getByTestId('action-row').filter({ hasText: text });

test('the 2012 meeting is listed with what it agreed; past-due actions show as overdue', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  const errors = watchErrors(page);
  await signIn(page, server.url);
  // The start page says where the coordinator's own organisation stands.
  const own = page.getByTestId('own-follow-up');
  await own.getByText(/action items to do/).waitFor();
  assert.equal(await own.textContent(), "CARTAC: 5 action items to do, 1 of them overdue. See its page");
  await goTo(page, 'Meetings');
  const row = page.getByTestId('record-row').filter({ hasText: BRIDGETOWN });
  await row.waitFor();
  assert.match(await row.textContent(), /15–17 October 2012 · CARTAC office, Bridgetown, Barbados · Donor coordination/);
  assert.match(await row.textContent(), /6 action items to do/);

  await openMeeting(page, BRIDGETOWN);
  const attendees = await page.getByTestId('attendees').textContent();
  for (const name of ['Canada Border Services Agency', 'World Bank', 'International Finance Corporation']) {
    assert.ok(attendees.includes(name), `${name} took part: ${attendees}`);
  }
  await page.getByTestId('action-row').nth(5).waitFor();
  assert.equal(await page.getByTestId('action-row').count(), 6);
  // Due in January 2013 and still open: overdue. "To be decided" never is.
  const followUp = actionRow(page, 'follow-up video conference');
  assert.equal(await followUp.getByTestId('action-status').textContent(), 'Open · overdue');
  assert.match(await followUp.textContent(), /due January 2013 · Caribbean Customs Law Enforcement Council \(CCLEC\) with World Customs Organization/);
  assert.equal(await actionRow(page, 'aware of the training tools').getByTestId('action-status').textContent(), 'Open');
  // The earliest due comes first.
  assert.match(await page.getByTestId('action-row').first().textContent(), /follow-up video conference/);
  // Nothing wider than the phone's screen.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling at 360 px');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a meeting and its action item are recorded offline, marked done, and reach the server', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);
  await waitForSynced(page);
  await context.setOffline(true);

  await page.getByRole('link', { name: 'Meetings', exact: true }).click();
  await page.getByRole('link', { name: 'Add a meeting' }).click();
  await page.locator('input[name=title]').fill('Follow-up video conference, January 2013');
  await page.locator('select[name=kind]').selectOption('video_conference');
  await page.locator('input[name=ends]').fill('2013-01-20');
  await page.getByTestId('save').click();
  // The shared rules speak before anything is stored.
  assert.match(await page.locator('#starts-error').textContent(), /first day/);
  await page.locator('input[name=starts]').fill('2013-01-22');
  await page.locator('select[name=organiser]').selectOption({ label: 'Caribbean Customs Law Enforcement Council (CCLEC)' });
  await page.getByTestId('save').click();
  assert.match(await page.locator('#ends-error').textContent(), /cannot come before/);
  await page.locator('input[name=ends]').fill('');
  await page.getByTestId('save').click();
  await page.getByRole('heading', { name: 'Follow-up video conference, January 2013' }).waitFor();
  const meetingId = page.url().split('/').pop();

  await page.getByRole('button', { name: 'Add an action item' }).click();
  await page.getByRole('button', { name: 'Save action item' }).click();
  assert.match(await page.locator('#text-error').textContent(), /required/);
  assert.match(await page.locator('#owner-error').textContent(), /answerable/);
  await page.locator('textarea[name=text]').fill('Circulate the list of WCO e-learning courses to every member administration.');
  await page.locator('select[name=owner]').selectOption({ label: 'World Customs Organization (WCO)' });
  await page.locator('input[name=due]').fill('March 2013');
  await page.getByRole('button', { name: 'Save action item' }).click();
  assert.match(await page.locator('#due-error').textContent(), /2013-Q2/);
  await page.locator('input[name=due]').fill('2013-Q1');
  await page.getByRole('button', { name: 'Save action item' }).click();
  const item = actionRow(page, 'Circulate the list');
  await item.waitFor();
  assert.equal(await item.getByTestId('action-status').textContent(), 'Open · overdue');
  assert.match(await item.textContent(), /due 1st quarter 2013/);
  await item.getByRole('button', { name: 'Mark done' }).click();
  await item.getByTestId('action-status').filter({ hasText: /^Done$/ }).waitFor();
  assert.equal(await item.getByRole('button', { name: 'Mark done' }).count(), 0);
  assert.match(await page.getByTestId('sync-status').textContent(), /waiting/);

  await page.reload();
  await actionRow(page, 'Circulate the list').getByTestId('action-status').filter({ hasText: /^Done$/ }).waitFor();
  await context.setOffline(false);
  await waitForSynced(page);
  const api = await apiAs(server.url, 'coordinator');
  const meeting = await api.get(`/api/v1/meetings/${meetingId}`);
  assert.equal(meeting.starts, '2013-01-22');
  const stored = (await api.get('/api/v1/action_items')).items.filter((a) => a.meeting === meetingId);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].status, 'done');
  assert.equal(stored[0].due, '2013-Q1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the follow-up list filters by organisation, status and overdue, and downloads what it shows', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);
  await page.getByRole('link', { name: 'Action items', exact: true }).click();
  const rows = page.getByTestId('action-row');
  await rows.first().waitFor();
  const all = await rows.count();
  assert.ok(all >= 6, `the seeded actions at least, saw ${all}`);

  // CCLEC owns one action of 2012 and shares four.
  await page.locator('select[name=organisation]').selectOption({ label: 'Caribbean Customs Law Enforcement Council (CCLEC)' });
  await page.getByRole('status').filter({ hasText: /^5 of \d+ action items/ }).waitFor();
  await page.locator('input[name=overdue]').check();
  await page.getByRole('status').filter({ hasText: /^2 of \d+ action items/ }).waitFor();
  for (const text of await rows.allTextContents()) assert.match(text, /overdue/, text);
  await page.locator('input[name=overdue]').uncheck();
  await page.locator('select[name=status]').selectOption('done');
  await page.getByRole('status').filter({ hasText: /^0 of \d+ action items/ }).waitFor();
  await page.locator('select[name=status]').selectOption('pending');
  await page.getByRole('status').filter({ hasText: /^5 of \d+ action items/ }).waitFor();
  await page.getByTestId('search').fill('fraud awareness');
  await page.getByRole('status').filter({ hasText: /^1 of \d+ action items/ }).waitFor();
  assert.match(await rows.first().textContent(), new RegExp(`Agreed at ${BRIDGETOWN}, 15–17 October 2012`));

  await page.getByTestId('search').fill('');
  await page.getByRole('status').filter({ hasText: /^5 of \d+ action items/ }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  assert.match(download.suggestedFilename(), /^action-items-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(await download.path(), 'utf8').slice(1).split('\r\n').filter((l) => l !== '');
  assert.equal(lines[0], 'Action,Owner,Shared with,Due,Status,Overdue,Progress,From,Id');
  assert.equal(lines.length - 1, 5, 'one row per action shown');
  const followUp = lines.find((l) => l.includes('follow-up video conference'));
  assert.match(followUp, /,Caribbean Customs Law Enforcement Council \(CCLEC\),World Customs Organization \(WCO\),January 2013,Open,yes,,/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an office editor updates their own administration's action items and no one else's", async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url, 'editor');
  await openMeeting(page, BRIDGETOWN);
  await page.getByTestId('action-row').nth(5).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Mark done' }).count(), 0, 'the 2012 actions are CARTAC’s, the WCO’s and CCLEC’s');

  await openOrganisation(page, 'barbados', 'Barbados Customs');
  await page.getByRole('button', { name: 'Add an action item' }).click();
  assert.equal(await page.locator('select[name=owner]').inputValue() !== '', true, 'owned by Barbados Customs unless changed');
  await page.locator('textarea[name=text]').fill('Name an e-learning national coordinator.');
  await page.locator('input[name=due]').fill('2013-03-31');
  await page.getByRole('button', { name: 'Save action item' }).click();
  const item = actionRow(page, 'national coordinator');
  await item.getByRole('button', { name: 'Mark done' }).click();
  await item.getByTestId('action-status').filter({ hasText: /^Done$/ }).waitFor();
  await waitForSynced(page);

  const editor = await apiAs(server.url, 'editor');
  const { items } = await editor.get('/api/v1/action_items');
  const mine = items.find((a) => a.text === 'Name an e-learning national coordinator.');
  assert.equal(mine.status, 'done');
  assert.equal(mine.owner, editor.user.organisation);
  // The server decides: another organisation's action is not theirs to close.
  const theirs = items.find((a) => a.text.includes('follow-up video conference'));
  const refused = await editor.call(`/api/v1/action_items/${theirs.id}`, { method: 'PATCH', body: { status: 'done' } });
  assert.equal(refused.status, 403);
  assert.match((await refused.json()).message, /office editor\) cannot change this action item/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a meeting's documents are linked from its page, open safely in a new tab, and are found by search", async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);
  await openMeeting(page, BRIDGETOWN);
  await page.getByRole('button', { name: 'Link a document' }).click();
  await page.getByRole('button', { name: 'Save document' }).click();
  assert.match(await page.locator('#title-error').textContent(), /required/);
  assert.match(await page.locator('#url-error').textContent(), /address/);
  await page.locator('input[name=title]').fill('Agenda of the donor meeting');
  await page.locator('select[name=kind]').selectOption('agenda');
  await page.locator('input[name=url]').fill('javascript:alert(1)');
  await page.locator('select[name=language]').selectOption('en');
  await page.getByRole('button', { name: 'Save document' }).click();
  assert.ok(await page.locator('#url-error').isVisible(), 'only web addresses');
  await page.locator('input[name=url]').fill('https://example.org/tradewinds-test/agenda.pdf');
  await page.getByRole('button', { name: 'Save document' }).click();
  const row = page.getByTestId('document-row');
  await row.waitFor();
  const link = row.getByRole('link', { name: 'Agenda of the donor meeting' });
  assert.equal(await link.getAttribute('href'), 'https://example.org/tradewinds-test/agenda.pdf');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /noopener/);
  assert.match(await row.textContent(), /Agenda · English · Caribbean Regional Technical Assistance Centre \(CARTAC\)/);

  await goTo(page, 'Search');
  await page.getByTestId('search').fill('agenda donor');
  const hit = page.getByTestId('search-hit').filter({ hasText: 'Agenda of the donor meeting' });
  await hit.waitFor();
  assert.match(await hit.textContent(), /Document$/);
  await hit.getByRole('link').click();
  await page.getByRole('heading', { name: BRIDGETOWN }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
