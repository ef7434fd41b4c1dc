// Tradewinds service worker. Serves the app shell from the cache of this build (cache
// first), never caches API data (the data lives in IndexedDB), waits for the person's
// agreement before a new build takes over, and pushes the outbox on Background Sync under
// the session the app keeps in IndexedDB (meta `session`).
// VERSION, FIRST (the files opening the app needs) and LATER (the files only the screens
// after the first use) are written by scripts/build-app.sh.
const VERSION = '__VERSION__';
const FIRST = __FIRST__;
const LATER = __LATER__;
const PRECACHE = FIRST.concat(LATER);
const CACHE = `tradewinds-shell-${VERSION}`;

self.addEventListener('install', (event) => {
  // An update installs with every file or not at all (addAll is all-or-nothing): a
  // half-downloaded update fails to install and the running version stays in charge. A
  // first install takes what opening the app needs (files the page has just fetched, from
  // the browser's cache), so that it opens offline as soon as possible on a slow link;
  // the later screens' files follow once it runs (`keepLater`).
  const files = self.registration.active ? PRECACHE : FIRST;
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(files)));
});

/** Fetches the later screens' files this version does not hold yet, one at a time, so that
 * a cut costs at most the file under way; the next page load asks again (boot.js). */
async function keepLater() {
  const cache = await caches.open(CACHE);
  for (const file of LATER) {
    if (!(await cache.match(file))) await cache.add(file);
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('tradewinds-shell-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
  if (event.data && event.data.type === 'keep-later') event.waitUntil(keepLater().catch(() => {}));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname === '/healthz') return; // network only
  if (request.mode === 'navigate') {
    // Every route is the app: answer with this build's index.html.
    event.respondWith(caches.open(CACHE)
      .then((cache) => cache.match('/index.html'))
      .then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(request))
    .then((hit) => hit || fetch(request)));
});

// ---- Background Sync: push the outbox with the page closed or hidden. ----

self.addEventListener('sync', (event) => {
  if (event.tag === 'tradewinds-push') event.waitUntil(withSyncLock(pushOutbox));
});

function withSyncLock(work) {
  // The same lock the app's tabs take, so that the outbox is pushed by one at a time.
  return self.navigator.locks ? self.navigator.locks.request('tradewinds-sync', work) : work();
}

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function committed(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('transaction aborted'));
  });
}

/** The oldest pending entries `user` may send: up to the first made by someone else. */
function sendable(entries, user) {
  const out = [];
  for (const e of entries) {
    if (e.status !== 'pending') continue;
    if (e.by && e.by !== user) break;
    out.push(e);
    if (out.length === 200) break;
  }
  return out;
}

async function pushOutbox() {
  const db = await done(indexedDB.open('tradewinds'));
  try {
    if (!db.objectStoreNames.contains('outbox')) return;
    const read = db.transaction(['outbox', 'meta'], 'readonly');
    const [entries, device, session, cursor] = await Promise.all([
      done(read.objectStore('outbox').getAll()),
      done(read.objectStore('meta').get('device_id')),
      done(read.objectStore('meta').get('session')),
      done(read.objectStore('meta').get('cursor')),
    ]);
    // Nobody signed in, or the server ended the session: the outbox waits for the app.
    if (!session || !session.token || !session.user) return;
    const pending = sendable(entries, session.user.id);
    if (!device || pending.length === 0) return;
    // Where this copy stands: a server restored from a backup refuses the push (409
    // cursor_reset) and the app, when next opened, reloads its data and sends again.
    const query = typeof cursor === 'string' ? `?cursor=${encodeURIComponent(cursor)}` : '';
    const response = await fetch(`/api/v1/sync/push${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      // The push's array form (shared/src/sync/protocol.rs): [device, [mutation, …]].
      body: `[${JSON.stringify(device)},[${pending.map((e) => e.mutation).join(',')}]]`,
    });
    if (response.status === 401) {
      // The session ended: leave the outbox alone, keep the person, forget the token (the
      // app then asks them to sign in again). Not retried: only signing in helps.
      const write = db.transaction(['meta'], 'readwrite');
      const meta = write.objectStore('meta');
      const current = await done(meta.get('session'));
      if (current && current.token === session.token) meta.put({ ...current, token: null }, 'session');
      await committed(write);
      tellTabs();
      return;
    }
    if (response.status === 409) {
      const refusal = await response.json().catch(() => ({}));
      // Only the app can reload the server's data: retrying here would not help.
      if (refusal.error === 'cursor_reset') return;
    }
    // Throwing makes the browser retry the sync later.
    if (!response.ok) throw new Error(`push answered HTTP ${response.status}`);
    // 204: every mutation sent was applied.
    const answer = response.status === 204
      ? { last_applied: pending[pending.length - 1].n }
      : await response.json();
    const rejections = answer.rejections || [];
    const write = db.transaction(['outbox', 'meta'], 'readwrite');
    const outbox = write.objectStore('outbox');
    for (const entry of pending) {
      if (entry.n > answer.last_applied) continue;
      const rejection = rejections.find((r) => r.n === entry.n);
      if (rejection) outbox.put({ ...entry, status: 'rejected', rejection });
      else outbox.delete(entry.n);
    }
    // After a refusal the stored records still show the refused values: the app reloads
    // them from a snapshot when it next starts.
    if (rejections.length) write.objectStore('meta').delete('cursor');
    await committed(write);
    tellTabs();
  } finally {
    db.close();
  }
}

function tellTabs() {
  const channel = new BroadcastChannel('tradewinds-changes');
  channel.postMessage('changed');
  channel.close();
}
