// Documents as files in a real browser against the real server: a photo attached to a
// meeting with no connection, reduced before sending, kept across a reload and sent once
// online; a second device keeps it and opens it offline; an upload cut at random points
// arrives whole, once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchBrowser, watchErrors, buildFileCount, explained } from './harness.mjs';
import { MeetingPage, signIn, apiAs, goTo, waitForSynced, waitForStatus, waitUntil, keptFiles } from './pages.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); server?.cleanup(); });

const BRIDGETOWN = 'First WCO sub-regional donor meeting for the Caribbean';
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Signed in, with the service worker in control and every file of the app kept: the app opens offline. */
async function installed(page, who) {
  await signIn(page, server.url, who);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const all = buildFileCount();
  await waitUntil(async () => (await keptFiles(page)) >= all, { what: 'the app kept for offline use', timeout: 30000 });
  await waitForSynced(page);
}

/** A photo as a phone takes it: a large JPEG, made by the browser. */
function photo(page) {
  return page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1600;
    const g = canvas.getContext('2d');
    const image = g.createImageData(canvas.width, canvas.height);
    let seed = 7;
    for (let i = 0; i < image.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      image.data[i] = (i / 4) % 256;
      image.data[i + 1] = seed % 256;
      image.data[i + 2] = 128;
      image.data[i + 3] = 255;
    }
    g.putImageData(image, 0, 0);
    const blob = await new Promise((ok) => canvas.toBlob(ok, 'image/jpeg', 0.95));
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  }).then((bytes) => Buffer.from(bytes));
}

/** The meeting's document titled `title`, as the server holds it. */
async function documentOnServer(api, title) {
  const { items } = await api.get('/api/v1/documents');
  return items.find((d) => d.title === title);
}

/** The files the server keeps, by name (their hash), leaving out uploads under way. */
function storedFiles() {
  const root = join(server.dir, 'files');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[0-9a-f]{2}$/.test(d.name))
    .flatMap((d) => readdirSync(join(root, d.name)).filter((f) => /^[0-9a-f]{64}$/.test(f)));
}

/** Whether the device of `page` holds the file `sha` (its files database, `app/src/db/files.rs`). */
function heldHere(page, sha) {
  return page.evaluate((sha) => new Promise((ok, fail) => {
    const open = indexedDB.open('tradewinds-files');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('files').objectStore('files').get(sha);
      get.onsuccess = () => { db.close(); ok(get.result !== undefined); };
      get.onerror = () => { db.close(); fail(get.error); };
    };
  }), sha);
}

test('a photo attached offline is reduced, kept across a reload and sent once online; another device keeps it and opens it offline', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const second = await browser.newContext();
  const other = await second.newPage();
  const otherErrors = watchErrors(other);
  await explained({ coordinator: page, viewer: other }, async () => {
    await installed(page, 'coordinator');
    const taken = await photo(page);
    assert.ok(taken.length > 500_000, `a photo of ${taken.length} bytes`);

    await context.setOffline(true);
    const meeting = await new MeetingPage(page).open(BRIDGETOWN);
    const form = await meeting.linkDocument();
    await form.fill({ title: 'Photo of the closing session', kind: 'photo' });
    await form.field('file').setInputFiles({ name: 'IMG_2041.JPG', mimeType: 'image/jpeg', buffer: taken });
    const sizes = page.getByTestId('photo-sizes');
    await sizes.waitFor();
    await form.field('photo-longest').selectOption('800');
    await waitUntil(async () => /KB to send$/.test(await sizes.textContent()), { what: 'the reduced size' });
    const [before, after] = (await sizes.textContent()).match(/[\d.,]+ [KM]B/g);
    assert.match(before, /MB$/, `as taken: ${before}`);
    assert.match(after, /KB$/, `to send: ${after}`);
    await form.save();
    const row = meeting.documents.filter({ hasText: 'Photo of the closing session' });
    await row.waitFor();
    assert.match(await row.getByTestId('document-file').textContent(), /IMG_2041\.jpg · \d+ KB/);

    // Reloaded with no connection: the photo waits on the device with its record.
    await page.reload();
    await new MeetingPage(page).open(BRIDGETOWN);
    const state = row.getByTestId('file-state');
    await waitUntil(async () => /Waiting to be sent/.test(await state.textContent()), { what: 'the photo waiting' });
    // The Sync page lists it with the changes waiting.
    await goTo(page, 'Sync');
    const filesWaiting = page.getByTestId('files-waiting');
    await filesWaiting.waitFor();
    assert.match(await filesWaiting.textContent(), /IMG_2041\.jpg · \d+ KB\s*Waiting to be sent/);
    await new MeetingPage(page).open(BRIDGETOWN);
    await context.setOffline(false);
    await waitForSynced(page);
    await waitUntil(async () => /Kept on this device/.test(await state.textContent()), { what: 'the photo sent', timeout: 30000 });

    const api = await apiAs(server.url, 'viewer');
    const record = await documentOnServer(api, 'Photo of the closing session');
    assert.equal(record.file.name, 'IMG_2041.jpg');
    assert.equal(record.file.type, 'image/jpeg');
    const res = await api.call(`/api/v1/files/${record.file.sha256}`);
    assert.equal(res.status, 200);
    const sent = Buffer.from(await res.arrayBuffer());
    assert.equal(sent.length, record.file.size);
    assert.equal(sha256(sent), record.file.sha256);
    assert.ok(sent.length < taken.length / 4, `sent ${sent.length} bytes of a ${taken.length}-byte photo`);
    assert.deepEqual(storedFiles(), [record.file.sha256]);

    // Another person's device keeps it, then opens it with no connection.
    await installed(other, 'viewer');
    const theirs = await new MeetingPage(other).open(BRIDGETOWN);
    const theirRow = theirs.documents.filter({ hasText: 'Photo of the closing session' });
    await theirRow.getByRole('button', { name: 'Keep on this device' }).click();
    await waitUntil(async () => /Kept on this device/.test(await theirRow.getByTestId('file-state').textContent()), { what: 'kept on the second device', timeout: 30000 });
    await second.setOffline(true);
    await other.reload();
    const offline = await new MeetingPage(other).open(BRIDGETOWN);
    const offlineRow = offline.documents.filter({ hasText: 'Photo of the closing session' });
    const [file] = await Promise.all([other.waitForEvent('download'), offlineRow.getByRole('button', { name: 'Open' }).click()]);
    assert.equal(file.suggestedFilename(), 'IMG_2041.jpg');
    assert.equal(sha256(readFileSync(await file.path())), record.file.sha256);
    await second.setOffline(false);
  });
  assert.deepEqual(errors, []);
  assert.deepEqual(otherErrors, []);
  await context.close();
  await second.close();
});

test('an upload cut at random points arrives whole, once', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await explained({ coordinator: page }, async () => {
    await signIn(page, server.url, 'coordinator');
    await waitForSynced(page);
    // A report of about 700 KB: eleven parts of 64 KB.
    let seed = 42;
    const body = Buffer.alloc(700_000, 0).map(() => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % 256; });
    const report = Buffer.concat([Buffer.from('%PDF-1.4\n'), body]);
    // Each part's request: sent and answered, lost before the server, or taken by the
    // server with its answer lost on the way back.
    let random = 1234;
    const next = () => { random = (random * 48271) % 2147483647; return random / 2147483647; };
    const cuts = { before: 0, after: 0 };
    await page.route('**/api/v1/files/*/upload*', async (route) => {
      if (route.request().method() !== 'PATCH') return route.continue();
      const r = next();
      if (r < 0.25) { cuts.before += 1; return route.abort('connectionreset'); }
      if (r < 0.5) { cuts.after += 1; await route.fetch(); return route.abort('connectionreset'); }
      return route.continue();
    });
    const meeting = await new MeetingPage(page).open(BRIDGETOWN);
    const form = await meeting.linkDocument();
    await form.fill({ title: 'Mission report on post-clearance audit', kind: 'mission_report' });
    await form.field('file').setInputFiles({ name: 'PCA report.pdf', mimeType: 'application/pdf', buffer: report });
    await page.getByTestId('file-chosen').waitFor();
    await form.save();
    const row = meeting.documents.filter({ hasText: 'Mission report on post-clearance audit' });
    await waitUntil(async () => /Kept on this device/.test(await row.getByTestId('file-state').textContent()),
      { what: 'the report sent through the cuts', timeout: 90000, every: 250 });
    assert.ok(cuts.before + cuts.after >= 3, `cut ${cuts.before} times before the server and ${cuts.after} after`);

    const api = await apiAs(server.url, 'viewer');
    const record = await documentOnServer(api, 'Mission report on post-clearance audit');
    assert.equal(record.file.sha256, sha256(report));
    const res = await api.call(`/api/v1/files/${record.file.sha256}`);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.match(res.headers.get('content-disposition'), /^attachment; filename="PCA report.pdf"/);
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(report), 'the same bytes');
    assert.equal(storedFiles().filter((f) => f === record.file.sha256).length, 1);
    await waitForStatus(page, /All changes saved/);

    // The document removed, the device no longer keeps its file (the server keeps it a month).
    await row.getByRole('button', { name: 'Remove' }).click();
    await waitUntil(async () => !(await heldHere(page, record.file.sha256)), { what: 'the file let go on the device', timeout: 30000, every: 250 });
    assert.equal(storedFiles().filter((f) => f === record.file.sha256).length, 1);
  });
  await context.close();
});
