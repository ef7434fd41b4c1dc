// Meetings and their action items in a real browser against the real server: the seeded
// 2012 Bridgetown meeting and what it agreed, an action item recorded offline and marked
// done, the follow-up list's filters and CSV, and an office editor limited to their own
// administration's actions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, watchErrors } from './harness.mjs';
import { ListPage, MeetingForm, MeetingPage, ActionItemForm, ActionItemsPage, ActionRow, OrganisationPage, signIn, apiAs, waitForSynced, syncStatus, goTo, waitUntil } from './pages.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); server?.cleanup(); });

const BRIDGETOWN = 'First WCO sub-regional donor meeting for the Caribbean';

test('the 2012 meeting is listed with what it agreed; past-due actions show as overdue', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  const errors = watchErrors(page);
  await signIn(page, server.url);
  // The start page says where the coordinator's own organisation stands.
  const own = page.getByTestId('own-follow-up');
  await own.getByText(/action items to do/).waitFor();
  assert.equal(await own.textContent(), "CARTAC: 5 action items to do, 1 of them overdue. See its page");
  const meetings = await new ListPage(page, null, '/meetings', 'Meetings').open();
  const row = meetings.rows.filter({ hasText: BRIDGETOWN });
  await row.waitFor();
  assert.match(await row.textContent(), /15–17 October 2012 · CARTAC office, Bridgetown, Barbados · Donor coordination/);
  assert.match(await row.textContent(), /6 action items to do/);

  const meeting = await new MeetingPage(page).open(BRIDGETOWN);
  const attendees = await meeting.attendees.textContent();
  for (const name of ['Canada Border Services Agency', 'World Bank', 'International Finance Corporation']) {
    assert.ok(attendees.includes(name), `${name} took part: ${attendees}`);
  }
  await meeting.actions.nth(5).waitFor();
  assert.equal(await meeting.actions.count(), 6);
  // Due in January 2013 and still open: overdue. "To be decided" never is.
  const followUp = new ActionRow(page, 'follow-up video conference');
  assert.equal(await followUp.status.textContent(), 'Open · overdue');
  assert.match(await followUp.row.textContent(), /due January 2013 · Caribbean Customs Law Enforcement Council \(CCLEC\) with World Customs Organization/);
  assert.equal(await new ActionRow(page, 'aware of the training tools').status.textContent(), 'Open');
  // The earliest due comes first.
  assert.match(await meeting.actions.first().textContent(), /follow-up video conference/);
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

  const form = await new MeetingForm(page).open();
  await form.fill({ title: 'Follow-up video conference, January 2013', kind: 'video_conference', ends: '2013-01-20' });
  await form.save();
  // The shared rules speak before anything is stored.
  assert.match(await form.error('starts').textContent(), /first day/);
  await form.fill({ starts: '2013-01-22', organiser: { label: 'Caribbean Customs Law Enforcement Council (CCLEC)' } });
  await form.save();
  assert.match(await form.error('ends').textContent(), /cannot come before/);
  await form.fill({ ends: '' });
  await form.saveAndOpen('Follow-up video conference, January 2013');
  const meetingId = page.url().split('/').pop();

  const action = await new ActionItemForm(page).open();
  await action.save();
  assert.match(await action.error('text').textContent(), /required/);
  assert.match(await action.error('owner').textContent(), /answerable/);
  await action.fill({
    text: 'Circulate the list of WCO e-learning courses to every member administration.',
    owner: { label: 'World Customs Organization (WCO)' },
    due: 'March 2013',
  });
  await action.save();
  assert.match(await action.error('due').textContent(), /2013-Q2/);
  await action.fill({ due: '2013-Q1' });
  await action.save();
  const item = new ActionRow(page, 'Circulate the list');
  await item.row.waitFor();
  assert.equal(await item.status.textContent(), 'Open · overdue');
  assert.match(await item.row.textContent(), /due 1st quarter 2013/);
  await item.markDone();
  assert.equal(await item.markDoneButton.count(), 0);
  assert.match(await syncStatus(page).textContent(), /waiting/);

  await page.reload();
  await new ActionRow(page, 'Circulate the list').done();
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
  const list = await new ActionItemsPage(page).open();
  const rows = list.rows;
  const all = await rows.count();
  assert.ok(all >= 6, `the seeded actions at least, saw ${all}`);

  // CCLEC owns one action of 2012 and shares four.
  await list.filter('organisation', { label: 'Caribbean Customs Law Enforcement Council (CCLEC)' });
  await list.shows(/^5 of \d+ action items/);
  await list.overdueOnly(true);
  await list.shows(/^2 of \d+ action items/);
  for (const text of await rows.allTextContents()) assert.match(text, /overdue/, text);
  await list.overdueOnly(false);
  await list.filter('status', 'done');
  await list.shows(/^0 of \d+ action items/);
  await list.filter('status', 'pending');
  await list.shows(/^5 of \d+ action items/);
  await list.search('fraud awareness');
  await list.shows(/^1 of \d+ action items/);
  assert.match(await rows.first().textContent(), new RegExp(`Agreed at ${BRIDGETOWN}, 15–17 October 2012`));

  await list.search('');
  await list.shows(/^5 of \d+ action items/);
  const file = await list.downloadCsv();
  assert.match(file.name, /^action-items-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = file.text.slice(1).split('\r\n').filter((l) => l !== '');
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
  const meeting = await new MeetingPage(page).open(BRIDGETOWN);
  await meeting.actions.nth(5).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Mark done' }).count(), 0, 'the 2012 actions are CARTAC’s, the WCO’s and CCLEC’s');

  await new OrganisationPage(page).open('barbados', 'Barbados Customs');
  const action = await new ActionItemForm(page).open();
  assert.equal(await action.field('owner').inputValue() !== '', true, 'owned by Barbados Customs unless changed');
  await action.fill({ text: 'Name an e-learning national coordinator.', due: '2013-03-31' });
  await action.save();
  await new ActionRow(page, 'national coordinator').markDone();
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
  assert.match((await refused.json()).message, /\(Office editor\) cannot change this action item/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a meeting's documents are linked from its page, open safely in a new tab, and are found by search", async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);
  const meeting = await new MeetingPage(page).open(BRIDGETOWN);
  const form = await meeting.linkDocument();
  await form.save();
  assert.match(await form.error('title').textContent(), /required/);
  assert.match(await form.error('url').textContent(), /address/);
  await form.fill({ title: 'Agenda of the donor meeting', kind: 'agenda', url: 'javascript:alert(1)', language: 'en' });
  await form.save();
  assert.ok(await form.error('url').isVisible(), 'only web addresses');
  await form.fill({ url: 'https://example.org/tradewinds-test/agenda.pdf' });
  await form.save();
  const row = meeting.documents;
  await row.waitFor();
  const link = row.getByRole('link', { name: 'Agenda of the donor meeting' });
  assert.equal(await link.getAttribute('href'), 'https://example.org/tradewinds-test/agenda.pdf');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /noopener/);
  assert.match(await row.textContent(), /Agenda · English · Caribbean Regional Technical Assistance Centre \(CARTAC\)/);
  // A second one in French: documents in more than one language can be narrowed to one.
  const second = await meeting.linkDocument();
  await second.fill({ title: 'Ordre du jour de la réunion des donateurs', kind: 'agenda', url: 'https://example.org/tradewinds-test/ordre-du-jour.pdf', language: 'fr' });
  await second.save();
  await waitUntil(async () => (await meeting.documents.count()) === 2, { what: 'both documents' });
  const language = page.locator('select[name="documents-language"]');
  await language.selectOption('fr');
  await waitUntil(async () => (await meeting.documents.count()) === 1, { what: 'the French one alone' });
  assert.match(await meeting.documents.textContent(), /Ordre du jour de la réunion des donateurs/);
  await language.selectOption('');
  await waitUntil(async () => (await meeting.documents.count()) === 2, { what: 'both again' });

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
