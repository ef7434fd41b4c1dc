// The interface in a pseudo-language on a 360 px phone: every message of English made 40 %
// longer and accented ("Sync" → "⟦Šýñç··⟧"), as French, Spanish and Dutch make most text
// longer. On the main screens no text may be cut off and nothing may stick out of the
// screen: a translation must never hide a button, a label or a figure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchBrowser, watchErrors, DIST } from './harness.mjs';
import { fillSignIn, apiAs } from './pages.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); server?.cleanup(); });

const ACCENTS = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ĺ', n: 'ñ',
  o: 'ö', r: 'ŕ', s: 'š', t: 'ŧ', u: 'ü', w: 'ŵ', y: 'ý', z: 'ž',
  A: 'Å', C: 'Ç', D: 'Ð', E: 'É', I: 'Î', N: 'Ñ', O: 'Ö', S: 'Š', U: 'Ü', Y: 'Ý',
};

/**
 * One text of a message, accented and 40 % longer, its ends marked. The length is added as
 * words of up to 8 characters, as translations add words; each word of English also grows
 * by half (up to 12 characters more), as French and Dutch words are longer than English
 * ones ("douaneadministraties").
 */
function pseudo(text) {
  if (!text.trim()) return text;
  const accented = [...text].map((c) => ACCENTS[c] ?? c).join('');
  const longer = accented.replace(/\S{4,}/g, (w) => w + '·'.repeat(Math.min(12, Math.ceil(w.length / 2))));
  const more = Math.max(0, Math.ceil(text.length * 1.4) - [...longer].length);
  const words = [];
  for (let left = more; left > 0; left -= 8) words.push('·'.repeat(Math.min(8, left)));
  const padding = words.length ? ' ' + words.join(' ') : '';
  return `⟦${longer}${padding}⟧`;
}

/**
 * The compiled language file (`i18n::compile`): `[[id, message]]`, a message being a text
 * or a list of parts — a text, `[name]` for a value, or `[name, default, key, message, …]`
 * for a choice. Only texts change; names and keys stay.
 */
function pseudoMessage(message) {
  if (typeof message === 'string') return pseudo(message);
  return message.map((part) => {
    if (typeof part === 'string') return pseudo(part);
    if (part.length === 1) return part;
    const [name, fallback, ...choices] = part;
    return [name, fallback, ...choices.map((c, i) => (i % 2 === 0 ? c : pseudoMessage(c)))];
  });
}

/** English's file `part` (`first` or `later`: `compile-language --split`) in the pseudo-language. */
function pseudoFile(part) {
  const pattern = new RegExp(`^lang-en-${part}-[0-9a-f]+\\.json$`);
  const name = readdirSync(join(DIST, 'assets')).find((f) => pattern.test(f));
  const messages = JSON.parse(readFileSync(join(DIST, 'assets', name), 'utf8'));
  return JSON.stringify(messages.map(([id, m]) => [id, pseudoMessage(m)]));
}

/**
 * What sticks out of a 360 px screen or is cut off, on the page as it stands: the page
 * scrolling sideways, an element reaching past the screen's right edge (unless inside a
 * box made to scroll sideways, like a wide table), and text clipped by its own box.
 */
function layoutProblems() {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const name = (el) => `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}> “${(el.textContent || el.value || '').trim().slice(0, 60)}”`;
  if (document.documentElement.scrollWidth > width + 1) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide`);
  }
  const scrollsSideways = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x === 'auto' || x === 'scroll') return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (style.display === 'none' || style.visibility === 'hidden' || box.width === 0 || box.height === 0) continue;
    if (el.closest('.visually-hidden, [aria-hidden=true]')) continue;
    if (box.right > width + 1 && !scrollsSideways(el)) {
      problems.push(`${name(el)} reaches ${Math.round(box.right)} px`);
      continue;
    }
    const clips = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
    if (clips && el.scrollWidth > el.clientWidth + 1 && !['SELECT', 'TEXTAREA'].includes(el.tagName)) {
      problems.push(`${name(el)} is cut off (${el.scrollWidth} px of text in ${el.clientWidth} px)`);
    }
  }
  return problems;
}

test('a language 40 % longer than English fits a 360 px phone on the main screens', async () => {
  const api = await apiAs(server.url, 'coordinator');
  const first = async (kind) => (await api.get(`/api/v1/${kind}`)).items[0].id;
  const screens = [
    '/', '/organisations', `/organisations/${await first('organisations')}`, '/organisations/new',
    '/training', `/training/${await first('training_tools')}`, '/meetings', `/meetings/${await first('meetings')}`,
    '/actions', '/missions', '/projects', '/funding', '/search?q=customs', '/sync', '/account', '/about',
  ];
  // No service worker: the page's own requests are the ones answered with the pseudo-language.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block', locale: 'en-GB' });
  for (const part of ['first', 'later']) {
    const file = pseudoFile(part);
    await context.route(new RegExp(`/assets/lang-en-${part}-[0-9a-f]+\\.json$`), (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: file }));
  }
  const page = await context.newPage();
  const errors = watchErrors(page);
  await (await fillSignIn(page, server.url)).click();
  await page.getByTestId('account-link').waitFor();
  const found = [];
  for (const path of screens) {
    await page.goto(server.url + path);
    await page.locator('main h1').first().waitFor();
    // The screen's records are on it (a list's rows, a record's details), not only its title.
    await page.waitForLoadState('networkidle');
    const title = await page.locator('main h1').first().textContent();
    if (path === '/') assert.match(await page.locator('header').textContent(), /⟦/, 'the pseudo-language is in use');
    for (const problem of await page.evaluate(layoutProblems)) found.push(`${path} (${title.trim().slice(0, 40)}): ${problem}`);
  }
  assert.deepEqual(found, [], `at 360 px:\n${found.join('\n')}`);
  assert.deepEqual(errors, []);
  await context.close();
});
