// Two browser contexts are two devices syncing through the real server: offline edits wait
// and go out by themselves when the connection returns; same-field edits become a conflict
// that the inbox resolves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, watchErrors } from './harness.mjs';
import { ListPage, OrganisationForm, OrganisationPage, SyncPage, syncStatus, signIn, fillSignIn, apiAs, waitForSynced, waitForStatus, waitUntil, pushOrganisations } from './pages.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); server?.cleanup(); });

/** A browser of its own (a device), signed in as the demo coordinator. */
async function device(base = server.url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, base);
  return { context, page, errors };
}

async function organisations(base) {
  return (await (await apiAs(base)).get('/api/v1/organisations')).items;
}

test('an offline edit waits, then syncs by itself and reaches the other device', async () => {
  const one = await device();
  const two = await device();
  for (const d of [one, two]) {
    await new ListPage(d.page, server.url, '/organisations').open();
    await waitForSynced(d.page);
  }

  await one.context.setOffline(true);
  const form = await new OrganisationForm(one.page).open('anguilla', 'Anguilla Customs');
  await form.fill({ acronym: 'ACD' });
  await form.saveAndOpen('Anguilla Customs (ACD)');
  await waitForStatus(one.page, /1 change waiting since/);
  assert.match(await syncStatus(one.page).textContent(), /offline|waiting/);

  await one.context.setOffline(false); // fires `online`: no click needed
  await waitForSynced(one.page);

  await two.page.reload();
  const list = await new ListPage(two.page, server.url, '/organisations').open();
  await list.search('ACD');
  await list.waitForRows(1, { timeout: 20000 });
  assert.deepEqual([...one.errors, ...two.errors], []);
  await one.context.close();
  await two.context.close();
});

test('the same field edited on two devices shows in the conflict inbox and can be resolved', async () => {
  const one = await device();
  const two = await device();
  for (const d of [one, two]) {
    await new ListPage(d.page, server.url, '/organisations').open();
    await waitForSynced(d.page);
    await d.context.setOffline(true);
  }
  for (const [d, name] of [[one, 'Bermuda Customs Department'], [two, 'HM Customs Bermuda']]) {
    const form = await new OrganisationForm(d.page).open('bermuda', 'Bermuda Customs');
    await form.fill({ name });
    await form.saveAndOpen(name);
  }
  for (const d of [one, two]) {
    await d.context.setOffline(false);
    await waitForSynced(d.page);
  }
  // Device one pulls device two's write (pushed after its own) on its next round.
  const sync = await new SyncPage(one.page).open();
  await sync.syncNow();
  await sync.conflicts.waitFor({ timeout: 20000 });
  const text = await sync.conflicts.textContent();
  assert.match(text, /Bermuda Customs Department/);
  assert.match(text, /HM Customs Bermuda/);

  await sync.keep('Bermuda Customs Department');
  await one.page.getByText('No conflicts.').waitFor();
  await waitForSynced(one.page);

  await (await new SyncPage(two.page).open()).syncNow();
  await two.page.getByText('No conflicts.').waitFor({ timeout: 20000 });
  const names = (await organisations(server.url)).map((o) => o.name);
  assert.ok(names.includes('Bermuda Customs Department'));
  assert.ok(!names.includes('HM Customs Bermuda'));
  await one.context.close();
  await two.context.close();
});

test('two tabs of one device: one pushes, the other shows the change without a reload', async () => {
  const { context, errors } = await device();
  const pushes = [];
  await context.route((url) => url.pathname === '/api/v1/sync/push', async (route) => {
    const [, mutations] = route.request().postDataJSON(); // [device, [[n, …], …]]
    const sent = mutations.map((m) => m[0]);
    await route.continue();
    // Only a push the server answered counts: one the browser could not send (offline,
    // ERR_INTERNET_DISCONNECTED) has no response.
    if (await route.request().response()) pushes.push(sent);
  });
  const [a, b] = [context.pages()[0], await context.newPage()];
  for (const p of [a, b]) {
    await new ListPage(p, server.url, '/organisations').open();
    await waitForSynced(p);
  }
  await context.setOffline(true);
  const form = await new OrganisationForm(a).open('grenada', 'Grenada Customs');
  await form.fill({ acronym: 'GCED' });
  await form.saveAndOpen('Grenada Customs (GCED)');
  // Tab b hears of the change and shows it, and the waiting change, without reloading.
  const list = new ListPage(b, server.url, '/organisations');
  await list.search('GCED');
  await list.waitForRows(1);
  await waitForStatus(b, /1 change waiting/);
  await context.setOffline(false); // both tabs get `online` and try to sync at once
  for (const p of [a, b]) await waitForSynced(p);
  const pushedOne = pushes.filter((ns) => ns.includes(1));
  assert.equal(pushedOne.length, 1, `mutation 1 was pushed ${pushedOne.length} times: ${JSON.stringify(pushes)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a change the server refuses shows under "needs attention" with the reason and can be sent again', async () => {
  const { context, page, errors } = await device();
  await new ListPage(page, server.url, '/organisations').open();
  await waitForSynced(page);
  // This device's clock runs two days fast: the server refuses what it dates.
  await page.clock.setSystemTime(new Date(Date.now() + 2 * 24 * 3600 * 1000));
  const form = await new OrganisationForm(page).open('dominica', 'Dominica Customs');
  await form.fill({ acronym: 'CED' });
  await form.saveAndOpen('Dominica Customs (CED)');
  await waitForStatus(page, /refused by the server/);
  const row = (await new SyncPage(page).open()).refused;
  await row.waitFor();
  assert.match(await row.textContent(), /clock is more than a day ahead/);
  // The local copy no longer shows the refused value.
  const names = await organisations(server.url);
  assert.equal(names.find((o) => o.name === 'Dominica Customs').acronym, '');

  // Clock corrected: send it again.
  await page.clock.setSystemTime(new Date());
  await row.getByRole('button', { name: 'Send again' }).click();
  await page.getByText('Nothing: the server accepted every change').waitFor({ timeout: 20000 });
  await waitForSynced(page);
  const after = await organisations(server.url);
  assert.equal(after.find((o) => o.name === 'Dominica Customs').acronym, 'CED');
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * A server whose database can be backed up and put back, as an operator copies the files
 * of a stopped server: `backUp()` and `restoreBackup()` stop it, copy, and start it again
 * at the same address.
 */
async function restorableServer() {
  const { cpSync, mkdtempSync, rmSync, readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'tw-restore-'));
  const backup = mkdtempSync(join(tmpdir(), 'tw-backup-'));
  const s = { current: await startServer({ dir }) };
  const addr = s.current.url.replace('http://', '');
  return {
    url: s.current.url,
    async backUp() {
      await s.current.stop();
      // The database and the documents' files beside it, as an operator backs them up.
      for (const f of readdirSync(dir)) cpSync(join(dir, f), join(backup, f), { recursive: true });
      s.current = await startServer({ dir, addr });
    },
    async restoreBackup() {
      await s.current.stop();
      rmSync(dir, { recursive: true, force: true });
      cpSync(backup, dir, { recursive: true });
      s.current = await startServer({ dir, addr });
    },
    async cleanup() {
      await s.current.stop();
      rmSync(dir, { recursive: true, force: true });
      rmSync(backup, { recursive: true, force: true });
    },
  };
}

test('a server restored from an older backup: the device detects it and its new edits still arrive', async () => {
  const s = await restorableServer();
  const { context, page, errors } = await device(s.url);
  try {
    await new ListPage(page, s.url, '/organisations').open();
    await waitForSynced(page);
    await s.backUp();
    const guyana = await new OrganisationForm(page).open('guyana', 'Guyana Customs');
    await guyana.fill({ acronym: 'GRA' });
    await guyana.saveAndOpen('Guyana Customs (GRA)');
    await waitForSynced(page); // acknowledged by the server...
    // ...which is then restored from the backup taken before that edit.
    await s.restoreBackup();
    const belize = await new OrganisationForm(page).open('belize', 'Belize Customs');
    await belize.fill({ acronym: 'CED-BZ' });
    await belize.saveAndOpen('Belize Customs (CED-BZ)');
    await waitForSynced(page);
    const items = await organisations(s.url);
    assert.equal(items.find((o) => o.name === 'Belize Customs').acronym, 'CED-BZ');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await s.cleanup();
  }
});

test('an edit made having seen a change the restored server lost is accepted, with nothing to do', async () => {
  const s = await restorableServer();
  const { context, page, errors } = await device(s.url);
  try {
    await new ListPage(page, s.url, '/organisations').open();
    await waitForSynced(page);
    await s.backUp();
    // Someone else changes Guyana's acronym after the backup; this device sees it.
    const api = await apiAs(s.url);
    const guyana = (await api.get('/api/v1/organisations')).items.find((o) => o.name.startsWith('Guyana'));
    const patched = await api.call(`/api/v1/organisations/${guyana.id}`, { method: 'PATCH', body: { acronym: 'GRA' } });
    assert.equal(patched.status, 200, await patched.text());
    await page.reload();
    await waitForSynced(page);
    const form = await new OrganisationForm(page).open('guyana', `${guyana.name} (GRA)`);
    assert.equal(await form.field('acronym').inputValue(), 'GRA');
    // The server is put back to the backup, which never had that change...
    await s.restoreBackup();
    // ...and this device's edit, made having seen it, goes through by itself.
    await form.fill({ acronym: 'GRA-2' });
    await form.saveAndOpen(`${guyana.name} (GRA-2)`);
    await waitForSynced(page);
    const items = await organisations(s.url);
    assert.equal(items.find((o) => o.id === guyana.id).acronym, 'GRA-2');
    await new SyncPage(page, s.url).open();
    await page.getByText('Nothing: the server accepted every change').waitFor({ timeout: 20000 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await s.cleanup();
  }
});

test('on a slow link, the first sync says how much of the catalogue has arrived', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  const signInButton = await fillSignIn(page, server.url);
  // The catalogue comes over a slow link (about 4 KB/s): the status counts its records.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 300, downloadThroughput: 4 * 1024, uploadThroughput: 4 * 1024 });
  await signInButton.click();
  const progress = await page.waitForFunction(() => {
    const text = document.querySelector('[data-testid=sync-status]')?.textContent ?? '';
    return /loading the catalogue: [\d,]+ of [\d,]+ records/.exec(text)?.[0];
  }, null, { timeout: 60000 });
  const [got, total] = (await progress.jsonValue()).match(/[\d,]+/g).map((n) => Number(n.replace(/,/g, '')));
  assert.ok(got <= total && total > 20, `${got} of ${total} records`);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await waitForSynced(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a first sync cut again and again continues from the page it stopped at: every record once, never from zero', async () => {
  const s = await startServer();
  const context = await browser.newContext();
  try {
    const api = await apiAs(s.url);
    await pushOrganisations(api, 2000);
    const expected = (await api.get('/api/v1/organisations')).items.length;
    // The server makes its download of the catalogue in the background: wait until it has
    // the new records, so that they come in pages rather than pulls.
    const index = await waitUntil(async () => {
      const i = await api.get('/api/v1/sync/bootstrap');
      return i.records >= 2000 && i;
    }, { what: 'a bootstrap generation with the 2,000 records', timeout: 60000, every: 500 });
    assert.ok(index.pages.length >= 4, `${index.pages.length} pages`);
    const full = index.pages.reduce((a, p) => a + p.bytes, 0);
    const largest = Math.max(...index.pages.map((p) => p.bytes));

    const page = await context.newPage();
    const errors = watchErrors(page);
    const signInButton = await fillSignIn(page, s.url);
    // The page requests, those cut in the middle, and the bytes Chromium reports for them
    // (its emulation reports no bytes for a response it cut).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const pageRequests = new Set();
    let received = 0;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (/\/api\/v1\/sync\/bootstrap\/[^/?]+\/\d+$/.test(e.request.url)) pageRequests.add(e.requestId);
    });
    cdp.on('Network.dataReceived', (e) => { if (pageRequests.has(e.requestId)) received += e.encodedDataLength; });
    let pagesCut = 0;
    cdp.on('Network.loadingFailed', (e) => { if (pageRequests.has(e.requestId)) pagesCut++; });
    // A page fetched ahead and dropped at a cut (pages are asked for two at a time) comes
    // from the browser's cache when asked for again (pages never change): not the link's.
    const cached = new Set();
    cdp.on('Network.requestServedFromCache', (e) => { if (pageRequests.has(e.requestId)) cached.add(e.requestId); });
    cdp.on('Network.responseReceived', (e) => {
      if (pageRequests.has(e.requestId) && (e.response.fromDiskCache || e.response.fromPrefetchCache)) cached.add(e.requestId);
    });
    // A slow link (16 KB/s): the download takes several seconds, and is cut again and again.
    const slow = { offline: false, latency: 100, downloadThroughput: 16 * 1024, uploadThroughput: 16 * 1024 };
    await cdp.send('Network.emulateNetworkConditions', slow);
    await signInButton.click();
    const synced = () => page.evaluate(() => /All changes saved/.test(document.querySelector('[data-testid=sync-status]')?.textContent ?? ''));
    let seed = 18;
    const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    let cuts = 0;
    while (cuts < 20 && !(await synced())) {
      await new Promise((r) => setTimeout(r, 200 + random() * 800));
      await cdp.send('Network.emulateNetworkConditions', { ...slow, offline: true });
      await new Promise((r) => setTimeout(r, 300));
      await cdp.send('Network.emulateNetworkConditions', slow);
      cuts++;
    }
    await page.waitForFunction(() => /All changes saved/.test(document.querySelector('[data-testid=sync-status]')?.textContent ?? ''), null, { timeout: 120000 });
    const stored = await page.evaluate(() => new Promise((ok, fail) => {
      const open = indexedDB.open('tradewinds');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('records');
        const count = tx.objectStore('records').index('listed').count('organisation');
        count.onsuccess = () => { open.result.close(); ok(count.result); };
        count.onerror = () => fail(count.error);
      };
    }));
    assert.equal(stored, expected, 'every organisation once');
    assert.ok(cuts >= 5, `the download was cut ${cuts} times`);
    console.log(`# bootstrap of ${index.records} records in ${index.pages.length} pages (${full} B): ${received} B received ` +
      `in ${pageRequests.size} page requests (${cached.size} from the browser's cache) with ${cuts} cuts, ${pagesCut} of them in the middle of a page`);
    // Never from zero: every page was fetched once, and again only when cut in the middle.
    assert.ok(pagesCut >= 1, 'pages were cut in the middle');
    assert.equal(pageRequests.size - cached.size, index.pages.length + pagesCut, 'only the pages cut were fetched again');
    // Each cut costs at most the page under way; starting over would cost the whole again.
    assert.ok(received <= full + cuts * largest, `${received} B received for ${full} B of pages`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await s.stop();
    s.cleanup();
  }
});

test('a form being filled in keeps what was typed while a sync brings someone else\'s edits, and saving keeps theirs', async () => {
  const { context, page, errors } = await device();
  await waitForSynced(page);
  const form = await new OrganisationForm(page).open('cayman', 'Cayman Islands Customs');
  await form.fill({ acronym: 'DCD' });
  // Meanwhile someone else edits the same organisation: its description, and its acronym.
  const api = await apiAs(server.url);
  const cayman = (await api.get('/api/v1/organisations')).items.find((o) => o.name === 'Cayman Islands Customs');
  const patched = await api.call(`/api/v1/organisations/${cayman.id}`, { method: 'PATCH', body: { description: 'Edited at head office.', acronym: 'HQ' } });
  assert.equal(patched.status, 200, await patched.text());
  // This device pulls their edit while the form is open...
  const pulled = page.waitForResponse((r) => r.url().includes('/api/v1/sync/pull') && r.status() === 200);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await pulled;
  await waitForSynced(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
  // ...and the form still holds what was typed.
  assert.equal(await form.field('acronym').inputValue(), 'DCD');
  await form.saveAndOpen('Cayman Islands Customs (DCD)');
  await waitForSynced(page);
  // Their description stays (the form did not put back what it showed), and the two
  // acronyms, written without either seeing the other, wait for someone to choose.
  const after = (await organisations(server.url)).find((o) => o.id === cayman.id);
  assert.equal(after.description, 'Edited at head office.');
  await page.getByText('Edited in two places at once: Acronym.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a save made in another tab of the same browser is named before a form open in this tab replaces it', async () => {
  const { context, page, errors } = await device();
  await waitForSynced(page);
  const form = await new OrganisationForm(page).open('belize', 'Belize Customs');
  // The same person, in a second tab of the same browser (the same device), changes the acronym.
  const other = await context.newPage();
  const otherErrors = watchErrors(other);
  await other.goto(page.url());
  const otherForm = new OrganisationForm(other);
  await otherForm.fill({ acronym: 'BCED' });
  await otherForm.saveAndOpen('Belize Customs (BCED)');
  // The first tab's form, opened before, is saved with another acronym: the person is told first.
  await form.fill({ acronym: 'CED' });
  await form.save();
  await page.getByText('another tab of this browser saved Acronym as “BCED”').waitFor();
  assert.equal(await form.field('acronym').inputValue(), 'CED', 'what was typed stays');
  await waitForSynced(page);
  const api = await apiAs(server.url);
  const belize = () => api.get('/api/v1/organisations').then((l) => l.items.find((o) => o.name === 'Belize Customs'));
  assert.equal((await belize()).acronym, 'BCED', 'nothing replaced yet');
  // Saving again, knowingly, replaces it.
  await form.saveAndOpen('Belize Customs (CED)');
  await waitForSynced(page);
  assert.equal((await belize()).acronym, 'CED');
  assert.deepEqual(errors, []);
  assert.deepEqual(otherErrors, []);
  await context.close();
});

test('a contact being edited in its row keeps what was typed when the list is drawn again after a sync', async () => {
  const api = await apiAs(server.url);
  const bahamas = (await api.get('/api/v1/organisations')).items.find((o) => o.name === 'Bahamas Customs');
  const made = [];
  for (const role of ['Comptroller of Customs', 'Training officer']) {
    const r = await api.call('/api/v1/contacts', { method: 'POST', body: { organisation: bahamas.id, role_title: role } });
    const body = await r.text();
    assert.equal(r.status, 201, body);
    made.push(JSON.parse(body));
  }
  const { context, page, errors } = await device();
  await waitForSynced(page);
  const bahamasPage = await new OrganisationPage(page).open('bahamas', 'Bahamas Customs');
  const contact = await bahamasPage.editContact('Comptroller of Customs');
  await contact.fill({ duties: 'E-learning national coordinator' });
  // Someone else renames the other contact; this device pulls it, and the list is drawn again.
  const patched = await api.call(`/api/v1/contacts/${made[1].id}`, { method: 'PATCH', body: { role_title: 'Head of training' } });
  assert.equal(patched.status, 200, await patched.text());
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await bahamasPage.contactRow('Head of training').waitFor();
  assert.equal(await contact.field('duties').inputValue(), 'E-learning national coordinator');
  // The keyboard is back in the field the person was typing in, in the row drawn again.
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'duties', null, { timeout: 5000 });
  await page.keyboard.type(' (Nassau)');
  assert.equal(await contact.field('duties').inputValue(), 'E-learning national coordinator (Nassau)');
  await contact.save();
  await bahamasPage.contactRow('E-learning national coordinator (Nassau)').waitFor();
  await waitForSynced(page);
  const stored = await api.get(`/api/v1/contacts/${made[0].id}`);
  assert.equal(stored.duties, 'E-learning national coordinator (Nassau)');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Resolves once this browser holds the key that seals its person's changes files. */
async function waitForSealKey(page) {
  await page.waitForFunction(() => new Promise((resolve) => {
    const open = indexedDB.open('tradewinds');
    open.onsuccess = () => {
      const get = open.result.transaction('meta').objectStore('meta').get('seal');
      get.onsuccess = () => { resolve(Boolean(get.result?.key)); open.result.close(); };
      get.onerror = () => resolve(false);
    };
    open.onerror = () => resolve(false);
  }), null, { timeout: 20000, polling: 250 });
}

test('an office with no link carries its changes on a file: taken in once, refused when altered, and the device then syncs as usual', async () => {
  const { context, page, errors } = await device();
  await waitForSynced(page);
  await waitForSealKey(page);
  // The link goes down for good; the officer keeps working.
  await context.setOffline(true);
  const form = await new OrganisationForm(page).open('saint lucia', 'Saint Lucia Customs');
  await form.fill({ acronym: 'SLCED' });
  await form.saveAndOpen('Saint Lucia Customs (SLCED)');
  const sync = await new SyncPage(page).open();
  const saved = await sync.saveChangesToFile();
  assert.match(saved.name, /^tradewinds-changes-\d{4}-\d{2}-\d{2}\.json$/);
  await sync.changesSaved.waitFor();
  const file = saved.text;

  // An administrator elsewhere takes the file in, in the app.
  const admin = await browser.newContext();
  const desk = await admin.newPage();
  const deskErrors = watchErrors(desk);
  await signIn(desk, server.url, 'admin');
  const deskSync = await new SyncPage(desk).open();
  await deskSync.takeIn(file);
  await deskSync.takenIn.getByText(/1 change\(s\) by .*: 1 applied now, 0 already here, 0 refused/).waitFor();
  const api = await apiAs(server.url);
  const lucia = async () => (await api.get('/api/v1/organisations')).items.find((o) => o.name === 'Saint Lucia Customs');
  assert.equal((await lucia()).acronym, 'SLCED');
  // The same file again changes nothing; an altered one is refused.
  await deskSync.takeIn(file);
  await deskSync.takenIn.getByText(/0 applied now, 1 already here/).waitFor();
  const altered = file.replace('SLCED', 'SLXXX');
  assert.notEqual(altered, file);
  await deskSync.takeIn(altered);
  await desk.getByText(/Not taken in: This file was changed after it was made/).waitFor();
  assert.equal((await lucia()).acronym, 'SLCED');

  // The link comes back: the device's waiting change is acknowledged, with nothing to do.
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await waitForSynced(page);
  await page.getByText('No changes waiting.').waitFor();
  await page.getByText('Nothing: the server accepted every change sent from this device.').waitFor();
  assert.equal((await lucia()).acronym, 'SLCED');
  assert.deepEqual(errors, []);
  assert.deepEqual(deskErrors, []);
  await admin.close();
  await context.close();
});
