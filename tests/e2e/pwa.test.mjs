// The installed-app behaviour in headless Chromium against the real server: offline start
// on any route, safe updates, Background Sync with the page closed, installability.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, launchBrowser, watchErrors, CHROMIUM_ARGS, DIST, buildFileCount } from './harness.mjs';
import { ListPage, signIn, apiAs, waitUntil, keptFiles } from './pages.mjs';
import { startSlowLink } from './slowlink.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); server?.cleanup(); });

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

async function synced(page) {
  await page.waitForFunction(() => /All changes saved/.test(document.querySelector('[data-testid=sync-status]')?.textContent ?? ''), null, { timeout: 20000 });
}

async function organisationNames(base) {
  return (await (await apiAs(base)).get('/api/v1/organisations')).items.map((o) => o.name);
}

/** Fires the app's Background Sync event in the context's service worker, as Chromium does on reconnecting. */
async function fireBackgroundSync(context) {
  const blank = await context.newPage();
  const cdp = await context.newCDPSession(blank);
  const registration = new Promise((ok) => cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
    const r = registrations.find((x) => x.scopeURL.startsWith(server.url) && !x.isDeleted);
    if (r) ok(r.registrationId);
  }));
  await cdp.send('ServiceWorker.enable');
  const registrationId = await registration;
  await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: server.url, registrationId, tag: 'tradewinds-push', lastChance: false });
  await blank.close();
}

async function addOrganisation(page, name) {
  await page.getByRole('link', { name: 'Organisations' }).click();
  await page.getByRole('link', { name: 'Add an organisation' }).click();
  await page.locator('input[name=name]').fill(name);
  await page.getByTestId('save').click();
  await page.getByRole('heading', { name }).waitFor();
}

test('opened once online, the app starts offline on a deep link and syncs edits later', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);
  await new ListPage(page, server.url, '/training').open();
  await controlled(page);
  await synced(page);
  const href = await page.getByTestId('record-row').first().getByRole('link').getAttribute('href');
  const title = await page.getByTestId('record-row').first().getByRole('link').textContent();

  await context.setOffline(true);
  await page.goto(server.url + href); // a deep link, with no network at all
  await page.getByRole('heading', { name: title }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: title }).waitFor();
  await addOrganisation(page, 'Sint Maarten Customs');
  await page.waitForFunction(() => /1 change waiting since/.test(document.querySelector('[data-testid=sync-status]').textContent));

  await context.setOffline(false);
  await synced(page);
  const names = await organisationNames(server.url);
  assert.ok(names.includes('Sint Maarten Customs'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new build is offered, taken only when accepted, and keeps the data', async () => {
  const root = resolve(import.meta.dirname, '../..');
  const work = mkdtempSync(join(tmpdir(), 'tw-update-'));
  const distB = join(work, 'dist-b');
  execFileSync(join(root, 'scripts/build-app.sh'), { env: { ...process.env, OUT: distB, BUILD_LABEL: 'build-B' }, stdio: 'ignore' });
  let a = await startServer({ dir: join(work) });
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, a.url);
    await new ListPage(page, a.url, '/organisations').open();
    await controlled(page);
    await synced(page);
    const buildA = await page.locator('meta[name=tradewinds-build]').getAttribute('content');
    assert.notEqual(buildA, 'build-B');
    await context.setOffline(true);
    await addOrganisation(page, 'Saba Customs (offline draft)');

    // Deploy build B on the same address and database.
    const addr = a.url.replace('http://', '');
    await a.stop();
    a = await startServer({ dir: work, dist: distB, addr });
    await context.setOffline(false);
    await page.reload();
    await page.getByTestId('update-ready').waitFor({ timeout: 20000 });
    // Until accepted, build A keeps running.
    assert.equal(await page.locator('meta[name=tradewinds-build]').getAttribute('content'), buildA);
    await page.getByTestId('update-ready').getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => document.querySelector('meta[name=tradewinds-build]')?.content === 'build-B', null, { timeout: 20000 });
    await page.getByRole('link', { name: 'About' }).click();
    assert.equal(await page.getByTestId('build').textContent(), 'build-B');
    // Nothing stored was lost, and the draft made offline under build A reached the server.
    await synced(page);
    const names = await organisationNames(a.url);
    assert.ok(names.includes('Saba Customs (offline draft)'));
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.length, 1, `old caches removed: ${caches}`);
  } finally {
    await context.close();
    await a.stop();
    rmSync(work, { recursive: true, force: true });
  }
});

test('Background Sync pushes the outbox with the page closed', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.url);
  await new ListPage(page, server.url, '/organisations').open();
  await controlled(page);
  await synced(page);
  await context.setOffline(true);
  await addOrganisation(page, 'Aruba Customs Department');
  await page.close(); // nothing of the app is open now

  await context.setOffline(false);
  const has = async () => (await organisationNames(server.url)).includes('Aruba Customs Department');
  // The browser may already have fired it on reconnecting; fire it (again) as the test.
  await fireBackgroundSync(context);
  await waitUntil(has, { what: 'the server to receive the change pushed by the service worker' });
  await context.close();
});

test('Background Sync after the session ended leaves the outbox for the person to send after signing in again', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.url);
  await new ListPage(page, server.url, '/organisations').open();
  await controlled(page);
  await synced(page);
  await context.setOffline(true);
  await addOrganisation(page, 'Curaçao Customs');
  await page.close();
  // Meanwhile the person signs out everywhere from another device.
  const elsewhere = await apiAs(server.url, 'coordinator');
  assert.equal((await elsewhere.call('/api/v1/sessions', { method: 'DELETE' })).status, 204);

  await context.setOffline(false);
  await fireBackgroundSync(context);
  // A document of the app's origin that does not start the app, to look into IndexedDB.
  const look = await context.newPage();
  await look.goto(`${server.url}/manifest.webmanifest`);
  const stored = () => look.evaluate(() => new Promise((ok, fail) => {
    const open = indexedDB.open('tradewinds');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['outbox', 'meta']);
      const out = {};
      tx.objectStore('outbox').getAll().onsuccess = (e) => { out.outbox = e.target.result; };
      tx.objectStore('meta').get('session').onsuccess = (e) => { out.session = e.target.result; };
      tx.oncomplete = () => { open.result.close(); ok(out); };
    };
  }));
  const now = await waitUntil(async () => {
    const s = await stored();
    return s.session.token === null && s;
  }, { what: 'the service worker to forget the refused token' });
  assert.equal(now.session.user.email, 'coordinator@demo.tradewinds.org');
  assert.deepEqual(now.outbox.map((e) => e.status), ['pending'], 'the outbox is left alone');
  assert.ok(!(await organisationNames(server.url)).includes('Curaçao Customs'));

  await look.goto(server.url + '/');
  await look.waitForFunction(() => /Signed out — sign in again to send 1 waiting change/.test(document.querySelector('[data-testid=sync-status]')?.textContent ?? ''), null, { timeout: 20000 });
  await look.getByTestId('sign-in-again').click();
  await signIn(look, null);
  await synced(look);
  assert.ok((await organisationNames(server.url)).includes('Curaçao Customs'));
  await context.close();
});

test('manifest, icons and Chromium installability', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tw-profile-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    await signIn(page, server.url);
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);
    const parsed = JSON.parse(manifest.data);
    assert.equal(parsed.display, 'standalone');
    assert.equal(parsed.short_name, 'Tradewinds');
    assert.ok(parsed.icons.some((i) => i.purpose === 'maskable'));
    for (const icon of parsed.icons) {
      const res = await fetch(server.url + icon.src);
      assert.equal(res.headers.get('content-type'), 'image/png');
      const png = Buffer.from(await res.arrayBuffer());
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      assert.equal(`${w}x${h}`, icon.sizes, `${icon.src} is ${w}x${h}`);
    }
    let errors;
    await waitUntil(async () => {
      ({ installabilityErrors: errors } = await cdp.send('Page.getInstallabilityErrors'));
      return errors.length === 0;
    }, { what: 'the app to be installable', timeout: 5000 }).catch(() => {});
    assert.deepEqual(errors, []);
    // The About page shows how much is stored and whether the browser keeps it.
    await page.getByRole('link', { name: 'About' }).click();
    await page.getByTestId('storage-use').waitFor();
    assert.match(await page.getByTestId('storage-use').textContent(), /MB/);
    assert.match(await page.getByTestId('storage-persistent').textContent(), /Yes|Not guaranteed/);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a store cleared by the browser is reloaded from the server, and the person is told', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.url);
  await new ListPage(page, server.url, '/organisations').open();
  await synced(page);
  await page.evaluate(() => new Promise((ok, fail) => {
    const req = indexedDB.deleteDatabase('tradewinds');
    req.onsuccess = ok;
    req.onerror = () => fail(req.error);
  }));
  await page.reload();
  // The session went with the store: sign in again, then the catalogue comes back.
  await signIn(page, null);
  await page.getByTestId('notice').waitFor({ timeout: 20000 });
  assert.match(await page.getByTestId('notice').textContent(), /cleared the data/);
  await new ListPage(page, server.url, '/organisations').open();
  assert.ok(await page.getByTestId('record-row').count() >= 35);
  await context.close();
});

test('pages carry a content security policy that allows the wasm and nothing third-party', async () => {
  const res = await fetch(`${server.url}/organisations`);
  const csp = res.headers.get('content-security-policy');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  const api = await (await apiAs(server.url)).call('/api/v1/organisations');
  assert.equal(api.headers.get('x-content-type-options'), 'nosniff');
  // Without a session the API answers 401, with the same headers.
  const anonymous = await fetch(`${server.url}/api/v1/organisations`);
  assert.equal(anonymous.status, 401);
  assert.equal(anonymous.headers.get('x-content-type-options'), 'nosniff');
});

test('while an older version in another tab holds the data, the app says why it waits, and opens once released', async () => {
  const context = await browser.newContext();
  const old = await context.newPage();
  await old.goto(`${server.url}/healthz`);
  // What an earlier version of the app leaves open in another tab: a connection to the
  // database at an older schema, which does not close when a newer version asks.
  await old.evaluate(() => new Promise((ok, fail) => {
    const r = indexedDB.open('tradewinds', 2);
    r.onupgradeneeded = () => r.result.createObjectStore('meta');
    r.onsuccess = () => { window.held = r.result; ok(); };
    r.onerror = () => fail(r.error);
  }));
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.getByText('Opening the catalogue').waitFor();
  await page.getByText('close or reload it so that this one can finish updating').waitFor({ timeout: 15000 });
  await old.evaluate(() => window.held.close());
  await page.getByTestId('sign-in-form').waitFor({ timeout: 15000 });
  await context.close();
});

test('on a slow link, a first visit installs the service worker only once the catalogue is in', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // A 2G link as the browser reports it (navigator.connection).
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 800, downloadThroughput: 40 * 1024, uploadThroughput: 40 * 1024, connectionType: 'cellular2g' });
  await page.goto(server.url + '/');
  await page.getByTestId('sign-in-form').waitFor({ timeout: 60000 });
  const link = await page.evaluate(() => navigator.connection?.effectiveType);
  assert.match(link ?? '', /2g|3g/, `the browser reports a slow link (${link})`);
  const registered = () => page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration()));
  assert.equal(await registered(), false, 'nothing competes with signing in and the catalogue');
  await signIn(page, null);
  await page.waitForFunction(() => /All changes saved/.test(document.querySelector('[data-testid=sync-status]')?.textContent ?? ''), null, { timeout: 60000 });
  await waitUntil(registered, { what: 'the service worker to be installed after the first sync', timeout: 20000 });
  await context.close();
});

test('on a slow link, the first screen says how much of the app has arrived', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // About 50 KB/s: the app's main module takes a few seconds.
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 300, downloadThroughput: 50 * 1024, uploadThroughput: 50 * 1024 });
  await page.goto(server.url + '/');
  const status = page.locator('#boot-status');
  await page.waitForFunction(() => /Loading Tradewinds: [\d,]+ of [\d,]+ KB/.test(document.getElementById('boot-status')?.textContent ?? ''), null, { timeout: 30000 });
  const [got, total] = (await status.textContent()).match(/[\d,]+/g).map((n) => Number(n.replace(/,/g, '')));
  assert.ok(got <= total && total > 100, `${got} of ${total} KB`);
  await page.getByTestId('sign-in-form').waitFor({ timeout: 60000 });
  assert.equal(await status.count(), 0, 'the loading line gives way to the app');
  await context.close();
});

test('a first visit over one 50 kbit/s link shared by every connection: progress all along, then the installed app with the catalogue', async () => {
  // 50 kbit/s each way, 300 ms round trips, every connection on the same link; the browser
  // is not told (no emulation): the app judges the link by its own download.
  const link = await startSlowLink(server.url, { bytesPerSecond: 50_000 / 8, latencyMs: 150 });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    const t0 = Date.now();
    const seen = new Set();
    const watch = setInterval(async () => {
      const text = await page.evaluate(() => (document.getElementById('boot-status')?.textContent ?? '') + ' | ' +
        (document.querySelector('[data-testid=sync-status]')?.textContent ?? '')).catch(() => '');
      if (/Loading Tradewinds: [\d,]+ of [\d,]+ KB/.test(text)) seen.add('app');
      if (/loading the catalogue: [\d,]+ of [\d,]+ records/.test(text)) seen.add('catalogue');
    }, 100);
    await page.goto(link.url + '/', { timeout: 120000 });
    await page.getByTestId('sign-in-form').waitFor({ timeout: 120000 });
    const shell = Date.now() - t0;
    const registered = () => page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration()));
    assert.equal(await registered(), false, 'measured slow: the precache waits for the catalogue');
    const t1 = Date.now();
    await signIn(page, null);
    await page.waitForFunction(() => /All changes saved/.test(document.querySelector('[data-testid=sync-status]')?.textContent ?? ''), null, { timeout: 120000 });
    const catalogue = Date.now() - t1;
    // (Polled from here: waitForFunction takes a promise for a true value.)
    await waitUntil(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated'),
      { what: 'the service worker installed', timeout: 300000, every: 500 });
    const installed = Date.now() - t0;
    const atInstall = link.bytes();
    clearInterval(watch);
    assert.ok(seen.has('app'), 'the first screen said how much of the app had arrived');
    assert.ok(seen.has('catalogue'), 'the status said how much of the catalogue had arrived');
    // Installed: the app opens offline at once, its start page from what the first install
    // kept; the later screens' files follow over the link, then they open offline too.
    await controlled(page);
    // The link is cut before the later screens' files are in: the app opens offline, and
    // once the link is back a page load takes the rest up where it stopped.
    await context.setOffline(true);
    await page.goto(link.url + '/');
    await page.locator('form.home-search').waitFor({ timeout: 30000 });
    await page.locator('.cards a[href="/organisations"]').waitFor({ timeout: 30000 });
    await context.setOffline(false);
    await page.reload();
    const every = buildFileCount(DIST);
    await waitUntil(async () => (await keptFiles(page)) >= every, { what: `all ${every} files of the build kept`, timeout: 300000, every: 1000 });
    const complete = Date.now() - t0;
    const { up, down } = link.bytes();
    console.log(`# one 50 kbit/s link, 300 ms: sign-in form after ${(shell / 1000).toFixed(1)} s, sign-in → catalogue ${(catalogue / 1000).toFixed(1)} s, ` +
      `installed with the catalogue after ${(installed / 1000).toFixed(1)} s (${Math.round(atInstall.down / 1024)} KB down); every screen kept after ${(complete / 1000).toFixed(1)} s; ${Math.round(down / 1024)} KB down, ${Math.round(up / 1024)} KB up`);
    await context.setOffline(true);
    await page.goto(link.url + '/organisations');
    await new ListPage(page).rows.first().waitFor({ timeout: 30000 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await link.stop();
  }
});

test('a first visit says it is loading, and says so plainly when the app cannot be fetched', async () => {
  // Slow: the wasm arrives only when the test lets it. The page shows that it is loading.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/assets/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(server.url + '/training');
  const status = page.locator('#boot-status');
  await status.waitFor();
  assert.equal(await status.textContent(), 'Loading Tradewinds…');
  release();
  await page.getByTestId('sign-in-form').waitFor();
  assert.equal(await status.count(), 0, 'the loading line gives way to the app');
  await context.close();

  // The download fails (a dropped connection): a message, not a blank page.
  const failing = await browser.newContext({ serviceWorkers: 'block' });
  const broken = await failing.newPage();
  await broken.route('**/assets/*.wasm', (route) => route.abort('connectionreset'));
  await broken.goto(server.url + '/');
  const alert = broken.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be loaded.*Reload the page to try again/);
  assert.equal(await broken.getByTestId('sign-in-form').count(), 0);
  await failing.close();
});
