// Page objects: what a person sees and does, by data-testid and field names.

/** The demo accounts `serve --demo` creates (README). */
export const DEMO = {
  admin: 'admin@demo.tradewinds.org',
  coordinator: 'coordinator@demo.tradewinds.org',
  editor: 'editor@demo.tradewinds.org',
  viewer: 'viewer@demo.tradewinds.org',
};
export const DEMO_PASSWORD = 'tradewinds-demo';

/**
 * Signs in through the sign-in page, which every route shows while nobody is signed in
 * on this browser (context). `who` is a demo role or an email address.
 */
export async function signIn(page, base, who = 'coordinator', { password = DEMO_PASSWORD, path = '/' } = {}) {
  await (await fillSignIn(page, base, who, { password, path })).click();
  await page.getByTestId('account-link').waitFor();
}

/**
 * Opens `base + path` (unless `base` is null) and fills the sign-in form as `who`; returns
 * its button, for a test that changes the link before signing in.
 */
export async function fillSignIn(page, base, who = 'coordinator', { password = DEMO_PASSWORD, path = '/' } = {}) {
  if (base) await page.goto(base + path);
  const form = page.getByTestId('sign-in-form');
  await form.waitFor();
  await form.locator('input[name=email]').fill(DEMO[who] ?? who);
  await form.locator('input[name=password]').fill(password);
  return form.getByTestId('sign-in');
}

/** The HTTP API from Node, signed in as `who` (for setting up and checking what the server holds). */
export async function apiAs(base, who = 'admin', password = DEMO_PASSWORD) {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO[who] ?? who, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${who} answered ${res.status}: ${await res.text()}`);
  const { token, user } = await res.json();
  const call = (path, { method = 'GET', body } = {}) => fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return {
    token,
    user,
    call,
    async get(path) {
      const r = await call(path);
      if (!r.ok) throw new Error(`GET ${path} answered ${r.status}: ${await r.text()}`);
      return r.json();
    },
  };
}
export class ListPage {
  constructor(page, base, path) { this.page = page; this.base = base; this.path = path; }
  async open() {
    await this.page.goto(this.base + this.path);
    await this.rows.first().waitFor();
  }
  get rows() { return this.page.getByTestId('record-row'); }
  async search(text) { await this.page.getByTestId('search').fill(text); }
  async rowTexts() { return this.rows.allTextContents(); }
}

export class ToolForm {
  constructor(page, base) { this.page = page; this.base = base; }
  async open() {
    await this.page.goto(`${this.base}/training/new`);
    await this.page.locator('input[name=title]').waitFor();
    // The provider list fills in from IndexedDB.
    await this.page.locator('select[name=provider] option').nth(1).waitFor({ state: 'attached' });
  }
  async fill({ title, provider, format, languages = [], topics = [] }) {
    await this.page.locator('input[name=title]').fill(title);
    if (provider) await this.page.locator('select[name=provider]').selectOption({ label: provider });
    if (format) await this.page.locator('select[name=format]').selectOption(format);
    for (const l of languages) await this.page.locator(`input[name=languages][value=${l}]`).check();
    for (const t of topics) await this.page.locator(`input[name=topics][value=${t}]`).check();
  }
  async save() { await this.page.getByTestId('save').click(); }
  fieldError(name) { return this.page.locator(`#${name}-error`); }
}

export function syncStatus(page) { return page.getByTestId('sync-status'); }

/** Opens an organisation's page by searching the list (client-side navigation only). */
/** Follows a link of the main navigation, opening the phone's "Menu" first when it is folded. */
export async function goTo(page, name) {
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) await page.getByRole('button', { name: 'Menu' }).click();
  await link.click();
}

export async function openOrganisation(page, query, heading) {
  await page.getByRole('link', { name: 'Organisations', exact: true }).click();
  await page.getByTestId('search').fill(query);
  await page.getByTestId('record-row').getByRole('link', { name: heading, exact: true }).click();
  await page.getByRole('heading', { name: heading }).waitFor();
}

/** Opens an organisation's edit form from its page. */
export async function editOrganisation(page, query, heading) {
  await openOrganisation(page, query, heading);
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.locator('input[name=name]').waitFor();
}

export async function waitForSynced(page) {
  await page.waitForFunction(() => /All changes saved/.test(document.querySelector('[data-testid=sync-status]')?.textContent ?? ''), null, { timeout: 20000 })
    .catch(async (e) => {
      const status = await page.evaluate(() => document.querySelector('[data-testid=sync-status]')?.textContent ?? '(no status shown)')
        .catch(() => '(page unreadable)');
      e.message = `not synced after 20 s; the status says "${status}"\n${e.message}`;
      throw e;
    });
}

/**
 * Waits until `check()` (which may be async) returns something truthy, trying every `every`
 * ms, and returns it; after `timeout` ms it fails, saying what it waited for.
 */
export async function waitUntil(check, { what, timeout = 10000, every = 50 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`waited ${timeout} ms for ${what ?? 'a condition'}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/**
 * Adds `n` organisations through the sync endpoint as one new device of `api`'s account
 * (pushes of 1,000), as a large import would: returns their ids.
 */
export async function pushOrganisations(api, n, { prefix = 'Imported customs office' } = {}) {
  const device = crypto.randomUUID();
  const ids = [];
  for (let i = 0; i < n; i += 1000) {
    const mutations = [];
    for (let k = i; k < Math.min(n, i + 1000); k++) {
      const id = crypto.randomUUID();
      ids.push(id);
      mutations.push({ n: k + 1, kind: 'organisation', id, at: Date.now(),
        set: { name: `${prefix} ${k}`, acronym: `ICO${k}`, category: 'customs_administration', country: 'BB' } });
    }
    const res = await api.call('/api/v1/sync/push', { method: 'POST', body: { device, mutations } });
    if (!res.ok) throw new Error(`push answered ${res.status}: ${await res.text()}`);
    if (res.status === 200) {
      const answer = await res.json();
      if (answer.rejections?.length) throw new Error(`refused: ${JSON.stringify(answer.rejections[0])}`);
    }
  }
  return ids;
}

/** The import screen: what the file holds, the file, the plan, and confirming it. */
export class ImportPage {
  constructor(page) { this.page = page; }
  async choose(kindLabel, name, text) {
    await this.page.getByTestId('import-kind').selectOption({ label: kindLabel });
    await this.page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  }
  get summary() { return this.page.getByTestId('import-summary'); }
  get error() { return this.page.getByTestId('import-error'); }
  get refused() { return this.page.getByTestId('import-refused'); }
  async confirm() {
    await this.page.getByTestId('import-confirm').click();
    await this.page.getByTestId('import-done').waitFor();
  }
}
