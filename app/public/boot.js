// Starts the app, registers the service worker and exposes the few browser features the
// app drives (update, install, Background Sync) on `window.tradewinds`.
// __JS__, __WASM__, __WASM_SIZE__ and __LANGS__ are written by scripts/build-app.sh.
import init from '/assets/__JS__';

const pwa = (window.tradewinds = { updateReady: false, installPrompt: null });

// The interface's language: the one chosen on this device (app/src/i18n.rs keeps it), else
// the first of the browser's languages the app speaks. Each language's messages come in
// two parts: the first screens' words, fetched alongside the app's module and read from
// `pwa.messages` before anything is drawn, and the later screens', fetched with the first
// later screen (`pwa.wholeMessages`). English stands in when the chosen file cannot be
// had (offline before it was ever fetched).
const LANGS = __LANGS__;
const chosen = () => {
  let kept = null;
  try { kept = localStorage.getItem('tradewinds-lang'); } catch (e) { /* storage blocked */ }
  if (kept && LANGS[kept]) return kept;
  for (const tag of navigator.languages || [navigator.language]) {
    const primary = String(tag || '').toLowerCase().split(/[-_]/)[0];
    if (LANGS[primary]) return primary;
  }
  return 'en';
};
const text = (url) => fetch(url).then((r) => {
  if (!r.ok) throw new Error(`HTTP ${r.status} for ${url}`);
  return r.text();
});
const messages = (code) => text(LANGS[code][0]);
// Both parts of a language as one file, in the compiled file's order (by message id).
const whole = ([first, later]) => JSON.stringify(JSON.parse(first).concat(JSON.parse(later)).sort((a, b) => a[0] - b[0]));
// The whole of the interface's language, fetched once (asked for again after a failure):
// the app reads it when a later screen first opens (app/src/i18n.rs).
let all;
pwa.wholeMessages = () => (all ??= Promise.all([pwa.messages, text(LANGS[pwa.lang][1])]).then(whole)
  .catch((e) => { all = undefined; throw e; }));
// The whole of another language, for reading an import written in it.
pwa.messagesOf = (code) => Promise.all(LANGS[code].map(text)).then(whole);
const html = document.documentElement;
html.lang = pwa.lang = chosen();
// The installed app's name and description in the same language.
const manifest = document.querySelector('link[rel="manifest"]');
if (manifest) manifest.href = `/manifest-${pwa.lang}.webmanifest`;
pwa.messages = messages(pwa.lang).catch((e) => {
  if (pwa.lang === 'en') throw e;
  html.lang = pwa.lang = 'en';
  return messages('en');
});
// A change of language is kept, and said once on the next page (app/src/i18n.rs).
pwa.chooseLang = (code) => {
  try {
    localStorage.setItem('tradewinds-lang', code);
    sessionStorage.setItem('tradewinds-lang', code);
  } catch (e) { /* storage blocked: the choice lasts one page */ }
  location.reload();
};
try {
  pwa.langChanged = !!sessionStorage.getItem('tradewinds-lang');
  sessionStorage.removeItem('tradewinds-lang');
} catch (e) { /* storage blocked */ }
const tell = (name) => window.dispatchEvent(new Event(name));

// On a slow link, a first visit installs the service worker only once the catalogue is in:
// its precache (the other screens, icons) would otherwise share the thin link with the
// catalogue. A link is slow when the browser says 2G or 3G, or the person asked to save
// data, or when the app's own download came slower than SLOW_BYTES_PER_SECOND (a browser
// that does not say, or one link shared by a whole office). Later visits, and fast links,
// install it at once.
const SLOW_BYTES_PER_SECOND = 64 * 1024;
const slowLink = () => {
  const c = navigator.connection;
  return !!c && (c.saveData === true || /^(slow-2g|2g|3g)$/.test(c.effectiveType || ''));
};
/** Installs the service worker now, or once the catalogue is in when the link is slow
 * (`measured`: bytes per second of the app's download, when known). */
function startWorker(measured) {
  if (!('serviceWorker' in navigator)) return;
  const slow = slowLink() || (measured !== undefined && measured < SLOW_BYTES_PER_SECOND);
  if (navigator.serviceWorker.controller || !slow) registerWorker();
  else window.addEventListener('tradewinds-synced', registerWorker, { once: true });
}
function registerWorker() {
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (pwa.updateReady && !reloading) {
      reloading = true;
      location.reload();
    }
  });
  navigator.serviceWorker.register('/sw.js').then((registration) => {
    // A first install holds what opening the app needs; the later screens' files follow,
    // and a load after a cut takes up where it stopped (sw.js).
    navigator.serviceWorker.ready.then((r) => r.active && r.active.postMessage({ type: 'keep-later' }));
    const ready = () => { pwa.updateReady = true; tell('tradewinds-update'); };
    if (registration.waiting && navigator.serviceWorker.controller) ready();
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) ready();
      });
    });
    pwa.applyUpdate = () => registration.waiting && registration.waiting.postMessage({ type: 'skip-waiting' });
    pwa.requestBackgroundSync = () => registration.sync ? registration.sync.register('tradewinds-push').catch(() => {}) : Promise.resolve();
    const check = () => registration.update().catch(() => {});
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') check(); });
    setInterval(check, 60 * 60 * 1000);
  }).catch((e) => console.warn('service worker not registered:', e));
}
// Decided at once when the browser already knows; otherwise once the app's download has
// shown how fast the link is (`fetchCounting`).
const decideNow = !('serviceWorker' in navigator) || navigator.serviceWorker.controller || slowLink();
if (decideNow) startWorker();

window.addEventListener('beforeinstallprompt', (event) => {
  event.preventDefault();
  pwa.installPrompt = event;
  tell('tradewinds-installable');
});
window.addEventListener('appinstalled', () => { pwa.installPrompt = null; tell('tradewinds-installable'); });
pwa.install = async () => {
  const prompt = pwa.installPrompt;
  if (!prompt) return;
  pwa.installPrompt = null;
  prompt.prompt();
  await prompt.userChoice;
  tell('tradewinds-installable');
};

// Until the app runs, #boot-status says it is loading, and how much of the app has arrived,
// so that on a slow link a person sees it is not stuck (the app removes it when it starts).
// The module is still compiled while it downloads: its bytes are only counted on the way.
const WASM_SIZE = __WASM_SIZE__;
const kb = (bytes) => Math.round(bytes / 1024).toLocaleString();
async function fetchCounting(url) {
  const started = performance.now();
  const response = await fetch(url);
  const status = document.getElementById('boot-status');
  if (!response.ok || !response.body || !status || typeof TransformStream !== 'function') {
    if (!decideNow) startWorker();
    return response;
  }
  let received = 0;
  let shown = -1;
  const counted = response.body.pipeThrough(new TransformStream({
    flush() {
      if (!decideNow) startWorker(received / Math.max(0.001, (performance.now() - started) / 1000));
    },
    transform(chunk, stream) {
      received += chunk.byteLength;
      // A tenth at a time: a screen reader is told of the progress, not flooded with it.
      const tenth = Math.min(9, Math.floor((received / WASM_SIZE) * 10));
      if (tenth !== shown) {
        shown = tenth;
        status.textContent = `Loading Tradewinds: ${kb(received)} of ${kb(WASM_SIZE)} KB`;
      }
      stream.enqueue(chunk);
    },
  }));
  return new Response(counted, { status: response.status, headers: { 'content-type': 'application/wasm' } });
}

// If the app cannot be fetched (a first visit whose connection dropped), say so rather than
// leave a blank page.
init({ module_or_path: fetchCounting('/assets/__WASM__') }).catch((e) => {
  console.error('Tradewinds could not start:', e);
  const status = document.getElementById('boot-status');
  if (!status) return;
  status.className = 'error';
  status.setAttribute('role', 'alert');
  status.textContent = navigator.onLine
    ? 'Tradewinds could not be loaded: the connection dropped or the server did not answer. Reload the page to try again.'
    : 'Tradewinds could not be loaded: this device is offline and has not finished loading Tradewinds before. Connect once and reload; after that it opens without a connection.';
});
