// Accounts in a real browser against the real server: the session kept on the device
// (offline start, expiry, signing in again), sign-in errors, another person's unsent
// changes, the Users page, and a record's history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, watchErrors, explained } from './harness.mjs';
import { ListPage, OrganisationPage, OrganisationForm, AccountPage, SignInPage, SyncPage, UsersPage, signIn, apiAs, waitForSynced, waitForStatus } from './pages.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); server?.cleanup(); });

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

async function acronymOnServer(name) {
  const items = (await (await apiAs(server.url)).get('/api/v1/organisations')).items;
  return items.find((o) => o.name === name).acronym;
}

test('signed in once, the app reopens offline still signed in: reads work, an edit waits, history waits for a connection', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url, 'coordinator');
  await new ListPage(page, server.url, '/organisations').open();
  await controlled(page);
  await waitForSynced(page);

  await context.setOffline(true);
  await page.reload();
  const account = new AccountPage(page);
  await account.link.waitFor();
  assert.match(await account.link.textContent(), /Demo coordinator/);
  await new ListPage(page, server.url, '/organisations').open();
  const jamaica = await new OrganisationPage(page).open('jamaica', 'Jamaica Customs');
  await jamaica.historyOffline.waitFor();
  assert.match(await jamaica.historyOffline.textContent(), /History is shown when online/);
  await jamaica.editLink.click();
  const form = new OrganisationForm(page);
  await form.fill({ acronym: 'JCA' });
  await form.saveAndOpen('Jamaica Customs (JCA)');
  await waitForStatus(page, /1 change waiting since/);
  assert.equal(await acronymOnServer('Jamaica Customs'), '');

  await context.setOffline(false);
  await waitForSynced(page);
  assert.equal(await acronymOnServer('Jamaica Customs'), 'JCA');
  // Online, the record's history says who changed what (as text, with field labels).
  await page.reload();
  const entry = jamaica.historyEntries.first();
  await entry.waitFor({ timeout: 20000 });
  const text = await entry.textContent();
  assert.match(text, /Demo coordinator \(CARTAC\)/);
  assert.match(text, /Acronym\s*JCA/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a wrong password and then too many attempts are explained', async () => {
  const page = await browser.newPage();
  await page.goto(server.url + '/organisations');
  const signInPage = new SignInPage(page);
  await signInPage.submit();
  await signInPage.fieldError('email').waitFor();
  assert.match(await signInPage.fieldError('email').textContent(), /email address/);
  await signInPage.fill({ email: 'someone@customs.gov.ms' });
  const error = signInPage.error;
  // Five failures for one account are checked; after them each attempt must wait (1 s,
  // then doubling): the next quick attempts are refused unchecked.
  const attempt = async (i) => {
    await signInPage.fill({ password: `wrong password ${i}` });
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST');
    await signInPage.submit();
    const status = (await answered).status();
    await signInPage.ready();
    return status;
  };
  for (let i = 1; i <= 5; i++) {
    assert.equal(await attempt(i), 401);
    assert.match(await error.textContent(), /email or password is not right/);
  }
  // A slow machine may take longer than the first wait between two clicks: then that
  // attempt is checked (401) and the next wait is longer.
  let refused = false;
  for (let i = 6; i <= 9 && !refused; i++) refused = (await attempt(i)) === 429;
  assert.ok(refused, 'attempts after five failures are made to wait');
  assert.match(await error.textContent(), /Too many failed sign-ins/);
  await page.close();
});

test('when the server ends the session, work continues and signing in again sends it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url, 'coordinator');
  await new ListPage(page, server.url, '/organisations').open();
  await waitForSynced(page);
  // The coordinator signs out everywhere from another device: this browser's token dies.
  const elsewhere = await apiAs(server.url, 'coordinator');
  assert.equal((await elsewhere.call('/api/v1/sessions', { method: 'DELETE' })).status, 204);

  const form = await new OrganisationForm(page).open('haiti', 'Haiti Customs');
  await form.fill({ acronym: 'AGD' });
  await form.saveAndOpen('Haiti Customs (AGD)');
  await waitForStatus(page, /Signed out — sign in again to send 1 waiting change/);
  assert.equal(await acronymOnServer('Haiti Customs'), '');
  // Local work continues meanwhile.
  await new OrganisationPage(page).editLink.click();
  await form.fill({ website: 'https://customs.gouv.ht' });
  await form.save();
  await waitForStatus(page, /Signed out — sign in again to send 2 waiting changes/);

  await new AccountPage(page).signInAgainLink.click();
  await signIn(page, null, 'coordinator');
  await waitForSynced(page);
  assert.equal(await acronymOnServer('Haiti Customs'), 'AGD');
  assert.deepEqual(errors, []);
  await context.close();
});

test("another person signing in does not send the previous person's unsent changes", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.url, 'coordinator');
  await new ListPage(page, server.url, '/organisations').open();
  await waitForSynced(page);
  await context.setOffline(true);
  const form = await new OrganisationForm(page).open('suriname', 'Suriname Customs');
  await form.fill({ acronym: 'DDS' });
  await form.saveAndOpen('Suriname Customs (DDS)');
  const account = await new AccountPage(page).open();
  assert.match(await page.getByRole('main').textContent(), /1 change is not yet sent/);
  await account.signOut();
  assert.match(await new SignInPage(page).waiting.textContent(),
    /1 change made on this device by Demo coordinator \(CARTAC\) waits to be sent/);
  await context.setOffline(false);

  await signIn(page, null, 'admin');
  await page.getByTestId('notice').waitFor();
  assert.match(await page.getByTestId('notice').textContent(), /1 change made by Demo coordinator \(CARTAC\) that was never sent/);
  await waitForStatus(page, /1 change made by Demo coordinator \(CARTAC\) not sent under your name/);
  const sync = await new SyncPage(page).open();
  await sync.held.waitFor();
  assert.equal(await acronymOnServer('Suriname Customs'), '');
  await sync.discardHeld();
  await waitForSynced(page);
  assert.equal(await acronymOnServer('Suriname Customs'), '');
  await page.close();
  await context.close();
});

test('the person who made them signs in again on that browser and their held changes are sent', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.url, 'coordinator');
  await new ListPage(page, server.url, '/organisations').open();
  await waitForSynced(page);
  await context.setOffline(true);
  const form = await new OrganisationForm(page).open('cayman', 'Cayman Islands Customs');
  await form.fill({ acronym: 'CBC' });
  await form.saveAndOpen('Cayman Islands Customs (CBC)');
  await (await new AccountPage(page).open()).signOut();
  await context.setOffline(false);
  await signIn(page, null, 'viewer');
  await waitForStatus(page, /1 change made by Demo coordinator \(CARTAC\) not sent under your name/);
  assert.equal(await acronymOnServer('Cayman Islands Customs'), '');
  await (await new AccountPage(page).open()).signOut();
  await signIn(page, null, 'coordinator');
  await waitForSynced(page);
  assert.equal(await acronymOnServer('Cayman Islands Customs'), 'CBC');
  await context.close();
});

test('two people taking turns on one browser each send their changes under a device of their own', async () => {
  // The server binds a device id to the account that first synced under it: the second
  // person's changes are refused under the first one's device, and the app carries on
  // under a new device of theirs, with no error shown and nothing lost.
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url, 'coordinator');
  await new ListPage(page, server.url, '/organisations').open();
  await waitForSynced(page);
  const setAcronym = async (query, name, acronym) => {
    const form = await new OrganisationForm(page).open(query, name);
    await form.fill({ acronym });
    await form.saveAndOpen(`${name} (${acronym})`);
    await waitForSynced(page);
  };
  const switchTo = async (who) => {
    await (await new AccountPage(page).open()).signOut();
    await signIn(page, null, who);
  };
  const refused = [];
  page.on('response', (r) => { if (new URL(r.url()).pathname === '/api/v1/sync/push' && r.status() === 403) refused.push(r.status()); });
  await setAcronym('grenada', 'Grenada Customs', 'GCED');
  await switchTo('editor');
  await setAcronym('barbados', 'Barbados Customs', 'BCED');
  assert.equal(refused.length, 1, 'the editor was refused the coordinator\'s device once, then went on under their own');
  await switchTo('coordinator');
  await setAcronym('dominica', 'Dominica Customs', 'CED');
  assert.equal(await acronymOnServer('Grenada Customs'), 'GCED');
  assert.equal(await acronymOnServer('Barbados Customs'), 'BCED');
  assert.equal(await acronymOnServer('Dominica Customs'), 'CED');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an administrator adds a user on the Users page, who can then sign in', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  const shown = { admin: page };
  await explained(shown, async () => {
    await signIn(page, server.url, 'admin');
    await new ListPage(page, server.url, '/organisations').open();
    await controlled(page);
    await waitForSynced(page);
    const users = await new UsersPage(page).open();
    assert.ok(await users.rows.count() >= 4);
    const OFFICER = 'officer@customs.gov.ms';
    await users.add({ email: OFFICER, name: 'Montserrat officer', role: 'office_editor', password: 'short' });
    const form = users.addForm;
    await form.error('password').waitFor();
    assert.match(await form.error('password').textContent(), /at least 10 characters/);
    assert.match(await form.error('organisation').textContent(), /office editor works for one organisation/);
    await form.fill({ organisation: { label: 'Montserrat Customs' }, password: 'emerald isle 2026' });
    await form.save();
    await users.added.waitFor();
    await users.rowFor(OFFICER).waitFor();
    // The server refuses a second account with that email, and says so.
    await users.add({ email: OFFICER, password: 'another password' });
    await form.problem.waitFor();
    await form.cancel();
    // Moved to another office, disabled and enabled again, from the list.
    const row = users.rowFor(OFFICER);
    const change = await users.change(OFFICER);
    await change.fill({ organisation: { label: 'Anguilla Customs' } });
    // While the change is on its way, the row takes no other change (each starts from the
    // answer to the last).
    let release;
    const held = new Promise((ok) => { release = ok; });
    await page.route('**/api/v1/users/*', async (route) => { await held; await route.continue(); }, { times: 1 });
    await change.save();
    await row.getByRole('button', { name: 'Disable', disabled: true }).waitFor();
    assert.ok(await change.saveButton.isDisabled());
    release();
    // The row's own line, not the form's options, which name every organisation.
    await change.within.waitFor({ state: 'detached' });
    await users.rowSays(OFFICER, 'Anguilla Customs').waitFor();
    await row.getByRole('button', { name: 'Disable' }).click();
    await users.rowSays(OFFICER, 'disabled').waitFor();
    assert.equal((await fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: OFFICER, password: 'emerald isle 2026' }) })).status, 401);
    await row.getByRole('button', { name: 'Enable' }).click();
    await row.getByRole('button', { name: 'Disable' }).waitFor();

    // Offline, the page says it needs a connection.
    await context.setOffline(true);
    await page.reload();
    await users.offline.waitFor();
    await context.setOffline(false);

    const other = await browser.newContext();
    const officer = await other.newPage();
    watchErrors(officer, errors);
    shown.officer = officer;
    await signIn(officer, server.url, OFFICER, { password: 'emerald isle 2026' });
    const account = await new AccountPage(officer).open();
    assert.equal(await account.role.textContent(), 'Office editor');
    await account.worksFor('Anguilla Customs');
    // Not an administrator: no Users link.
    assert.equal(await officer.getByRole('link', { name: 'Users', exact: true }).count(), 0);
    // They change their password: the current one is checked by the server.
    await account.changePassword({ current: 'not my password', next: 'a longer secret 2026' });
    await account.error('current').waitFor();
    assert.match(await account.error('current').textContent(), /not your current password/);
    await account.changePassword({ current: 'emerald isle 2026', next: 'a longer secret 2026' });
    await account.passwordChanged.waitFor();
    const withNew = await apiAs(server.url, OFFICER, 'a longer secret 2026');
    assert.equal(withNew.user.role, 'office_editor');
    assert.deepEqual(errors, []);
    await other.close();
    await context.close();
  });
});
