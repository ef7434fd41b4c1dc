// Accounts in a real browser against the real server: the session kept on the device
// (offline start, expiry, signing in again), sign-in errors, another person's unsent
// changes, the Users page, and a record's history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, watchErrors, explained } from './harness.mjs';
import { ListPage, signIn, apiAs, waitForSynced, syncStatus, editOrganisation, openOrganisation } from './pages.mjs';

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

async function statusMatches(page, re) {
  try {
    await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('[data-testid=sync-status]')?.textContent ?? ''), re.source, { timeout: 20000 });
  } catch (e) {
    throw new Error(`sync status never matched ${re}; it says: ${await page.getByTestId('sync-status').textContent()}`, { cause: e });
  }
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
  await page.getByTestId('account-link').waitFor();
  assert.match(await page.getByTestId('account-link').textContent(), /Demo coordinator/);
  await new ListPage(page, server.url, '/organisations').open();
  await openOrganisation(page, 'jamaica', 'Jamaica Customs');
  await page.getByTestId('history-offline').waitFor();
  assert.match(await page.getByTestId('history-offline').textContent(), /History is shown when online/);
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.locator('input[name=acronym]').fill('JCA');
  await page.getByTestId('save').click();
  await page.getByRole('heading', { name: 'Jamaica Customs (JCA)' }).waitFor();
  await statusMatches(page, /1 change waiting since/);
  assert.equal(await acronymOnServer('Jamaica Customs'), '');

  await context.setOffline(false);
  await waitForSynced(page);
  assert.equal(await acronymOnServer('Jamaica Customs'), 'JCA');
  // Online, the record's history says who changed what (as text, with field labels).
  await page.reload();
  const entry = page.getByTestId('history-entry').first();
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
  const form = page.getByTestId('sign-in-form');
  await form.getByTestId('sign-in').click();
  await page.locator('#email-error').waitFor();
  assert.match(await page.locator('#email-error').textContent(), /email address/);
  await form.locator('input[name=email]').fill('someone@customs.gov.ms');
  const error = page.getByTestId('sign-in-error');
  // Five failures for one account are checked; after them each attempt must wait (1 s,
  // then doubling): the next quick attempts are refused unchecked.
  const attempt = async (i) => {
    await form.locator('input[name=password]').fill(`wrong password ${i}`);
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST');
    await form.getByTestId('sign-in').click();
    const status = (await answered).status();
    await page.waitForFunction(() => document.querySelector('[data-testid=sign-in]')?.disabled === false);
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

  await editOrganisation(page, 'haiti', 'Haiti Customs');
  await page.locator('input[name=acronym]').fill('AGD');
  await page.getByTestId('save').click();
  await page.getByRole('heading', { name: 'Haiti Customs (AGD)' }).waitFor();
  await statusMatches(page, /Signed out — sign in again to send 1 waiting change/);
  assert.equal(await acronymOnServer('Haiti Customs'), '');
  // Local work continues meanwhile.
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.locator('input[name=website]').fill('https://customs.gouv.ht');
  await page.getByTestId('save').click();
  await statusMatches(page, /Signed out — sign in again to send 2 waiting changes/);

  await page.getByTestId('sign-in-again').click();
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
  await editOrganisation(page, 'suriname', 'Suriname Customs');
  await page.locator('input[name=acronym]').fill('DDS');
  await page.getByTestId('save').click();
  await page.getByRole('heading', { name: 'Suriname Customs (DDS)' }).waitFor();
  await page.getByTestId('account-link').click();
  assert.match(await page.getByRole('main').textContent(), /1 change is not yet sent/);
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in-form').waitFor();
  assert.match(await page.getByTestId('waiting-for-sign-in').textContent(),
    /1 change made on this device by Demo coordinator \(CARTAC\) waits to be sent/);
  await context.setOffline(false);

  await signIn(page, null, 'admin');
  await page.getByTestId('notice').waitFor();
  assert.match(await page.getByTestId('notice').textContent(), /1 change made by Demo coordinator \(CARTAC\) that were never sent/);
  await statusMatches(page, /1 change made by Demo coordinator \(CARTAC\) not sent under your name/);
  await page.getByRole('link', { name: 'Sync', exact: true }).click();
  const held = page.getByTestId('held');
  await held.waitFor();
  assert.equal(await acronymOnServer('Suriname Customs'), '');
  await held.getByTestId('discard-held').click();
  await held.waitFor({ state: 'detached' });
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
  await editOrganisation(page, 'cayman', 'Cayman Islands Customs');
  await page.locator('input[name=acronym]').fill('CBC');
  await page.getByTestId('save').click();
  await page.getByRole('heading', { name: 'Cayman Islands Customs (CBC)' }).waitFor();
  await page.getByTestId('account-link').click();
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in-form').waitFor();
  await context.setOffline(false);
  await signIn(page, null, 'viewer');
  await statusMatches(page, /1 change made by Demo coordinator \(CARTAC\) not sent under your name/);
  assert.equal(await acronymOnServer('Cayman Islands Customs'), '');
  await page.getByTestId('account-link').click();
  await page.getByTestId('sign-out').click();
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
    await editOrganisation(page, query, name);
    await page.locator('input[name=acronym]').fill(acronym);
    await page.getByTestId('save').click();
    await page.getByRole('heading', { name: `${name} (${acronym})` }).waitFor();
    await waitForSynced(page);
  };
  const switchTo = async (who) => {
    await page.getByTestId('account-link').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-form').waitFor();
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
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByTestId('user-row').first().waitFor();
    assert.ok(await page.getByTestId('user-row').count() >= 4);
    await page.getByRole('button', { name: 'Add a user' }).click();
    const form = page.getByTestId('add-user');
    await form.locator('input[name=email]').fill('officer@customs.gov.ms');
    await form.locator('input[name=name]').fill('Montserrat officer');
    await form.locator('select[name=role]').selectOption('office_editor');
    await form.locator('input[name=password]').fill('short');
    await form.getByTestId('add-user-save').click();
    await page.locator('#password-error').waitFor();
    assert.match(await page.locator('#password-error').textContent(), /at least 10 characters/);
    assert.match(await page.locator('#organisation-error').textContent(), /office editor works for one organisation/);
    await form.locator('select[name=organisation]').selectOption({ label: 'Montserrat Customs' });
    await form.locator('input[name=password]').fill('emerald isle 2026');
    await form.getByTestId('add-user-save').click();
    await page.getByTestId('user-added').waitFor();
    await page.getByTestId('user-row').filter({ hasText: 'officer@customs.gov.ms' }).waitFor();
    // The server refuses a second account with that email, and says so.
    await page.getByRole('button', { name: 'Add a user' }).click();
    await form.locator('input[name=email]').fill('officer@customs.gov.ms');
    await form.locator('input[name=password]').fill('another password');
    await form.getByTestId('add-user-save').click();
    await form.getByRole('alert').waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
    // Moved to another office, disabled and enabled again, from the list.
    const row = page.getByTestId('user-row').filter({ hasText: 'officer@customs.gov.ms' });
    await row.getByRole('button', { name: 'Change' }).click();
    await row.getByTestId('edit-user').locator('select[name=organisation]').selectOption({ label: 'Anguilla Customs' });
    // While the change is on its way, the row takes no other change (each starts from the
    // answer to the last).
    let release;
    const held = new Promise((ok) => { release = ok; });
    await page.route('**/api/v1/users/*', async (route) => { await held; await route.continue(); }, { times: 1 });
    await row.getByTestId('edit-user-save').click();
    await row.getByRole('button', { name: 'Disable', disabled: true }).waitFor();
    assert.ok(await row.getByTestId('edit-user-save').isDisabled());
    release();
    // The row's own line, not the form's options, which name every organisation.
    await row.getByTestId('edit-user').waitFor({ state: 'detached' });
    await row.locator('.meta', { hasText: 'Anguilla Customs' }).waitFor();
    await row.getByRole('button', { name: 'Disable' }).click();
    await row.locator('.meta', { hasText: 'disabled' }).waitFor();
    assert.equal((await fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'officer@customs.gov.ms', password: 'emerald isle 2026' }) })).status, 401);
    await row.getByRole('button', { name: 'Enable' }).click();
    await row.getByRole('button', { name: 'Disable' }).waitFor();

    // Offline, the page says it needs a connection.
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('users-offline').waitFor();
    await context.setOffline(false);

    const other = await browser.newContext();
    const officer = await other.newPage();
    watchErrors(officer, errors);
    shown.officer = officer;
    await signIn(officer, server.url, 'officer@customs.gov.ms', { password: 'emerald isle 2026' });
    await officer.getByTestId('account-link').click();
    assert.equal(await officer.getByTestId('role').textContent(), 'Office editor');
    await officer.waitForFunction(() => document.querySelector('[data-testid=organisation]')?.textContent === 'Anguilla Customs', null, { timeout: 20000 });
    // Not an administrator: no Users link.
    assert.equal(await officer.getByRole('link', { name: 'Users', exact: true }).count(), 0);
    // They change their password: the current one is checked by the server.
    await officer.locator('input[name=current]').fill('not my password');
    await officer.locator('input[name=new]').fill('a longer secret 2026');
    await officer.getByRole('button', { name: 'Change password' }).click();
    await officer.locator('#current-error').waitFor();
    assert.match(await officer.locator('#current-error').textContent(), /not your current password/);
    await officer.locator('input[name=current]').fill('emerald isle 2026');
    await officer.getByRole('button', { name: 'Change password' }).click();
    await officer.getByTestId('password-changed').waitFor();
    const withNew = await apiAs(server.url, 'officer@customs.gov.ms', 'a longer secret 2026');
    assert.equal(withNew.user.role, 'office_editor');
    assert.deepEqual(errors, []);
    await other.close();
    await context.close();
  });
});
