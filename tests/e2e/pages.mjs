// Page objects: what a person sees and does, by data-testid and field names.
import { readFileSync } from 'node:fs';

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
/**
 * A list screen: its rows, search, filters, the count it shows and its CSV. Opened by its
 * address (`base + path`), or, when `base` is null, by the main navigation's link `link`.
 */
export class ListPage {
  constructor(page, base, path, link) { this.page = page; this.base = base; this.path = path; this.link = link; }
  async open() {
    if (this.base == null) await goTo(this.page, this.link);
    else await this.page.goto(this.base + this.path);
    await this.rows.first().waitFor();
    await this.settled();
    return this;
  }
  get rows() { return this.page.getByTestId('record-row'); }
  /** Waits until every row the list shows is drawn (it draws a screenful a frame, `aria-busy` meanwhile). */
  async settled() { await this.page.locator('ul.records:not([aria-busy])').waitFor(); }
  async search(text) { await this.page.getByTestId('search').fill(text); }
  async rowTexts() { await this.settled(); return this.rows.allTextContents(); }
  /** Chooses `value` (an option's value, or `{ label }`) in the list's filter named `name`. */
  async filter(name, value) { await this.page.locator(`select[name=${name}]`).selectOption(value); }
  /** Waits until the list shows exactly `n` rows. */
  async waitForRows(n, { timeout } = {}) {
    await this.page.waitForFunction((count) => document.querySelectorAll('[data-testid=record-row]').length === count, n, { timeout });
  }
  /** Waits until the list's count line ("1 of 2 projects") matches `re`. */
  async shows(re) { await this.page.getByRole('status').filter({ hasText: re }).waitFor(); }
  /** "Download as CSV": the file's name and text. */
  async downloadCsv() { return download(this.page, this.page.getByTestId('download-csv')); }
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

/** Follows a link of the main navigation, opening the phone's "Menu" first when it is folded. */
export async function goTo(page, name) {
  // The navigation is drawn with the shell: wait for it before asking whether it is folded.
  await page.locator('#main-nav').waitFor({ state: 'attached' });
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) await page.getByRole('button', { name: 'Menu' }).click();
  await link.click();
}

/** Opens an organisation's page by searching the list (client-side navigation only). */
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

/** Waits until the sync status line matches `re`; if it never does, the error says what it said. */
export async function waitForStatus(page, re, { timeout = 30000 } = {}) {
  try {
    await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('[data-testid=sync-status]')?.textContent ?? ''), re.source, { timeout });
  } catch (e) {
    const said = await syncStatus(page).textContent({ timeout: 1000 }).catch(() => '(no status shown)');
    throw new Error(`sync status never matched ${re}; it says: ${said}`, { cause: e });
  }
}

/** Clicks `button` and returns the file it downloads: its suggested name and its text. */
export async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/**
 * Waits until `check()` (which may be async) returns something truthy, trying every `every`
 * ms, and returns it; after `timeout` ms it fails, saying what it waited for.
 */
/** How many files the service worker of `page`'s origin keeps, in all its caches. */
export function keptFiles(page) {
  return page.evaluate(async () => {
    let files = 0;
    for (const key of await caches.keys()) files += (await (await caches.open(key)).keys()).length;
    return files;
  });
}

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

/**
 * A form: its fields by name (input, select or text area), each field's error, and its save
 * button (`save`, else the one marked `save`). `within` narrows it to part of the page.
 */
export class Form {
  constructor(page, { within = page, save } = {}) {
    this.page = page;
    this.within = within;
    this.saveButton = save ?? within.getByTestId('save');
  }
  field(name) { return this.within.locator(`input[name="${name}"], select[name="${name}"], textarea[name="${name}"]`); }
  /** Fills the fields in the order given: text for inputs and text areas, an option (value or `{ label }`) for selects. */
  async fill(values) {
    for (const [name, value] of Object.entries(values)) {
      const field = this.field(name);
      if (await field.evaluate((e) => e.tagName === 'SELECT')) await field.selectOption(value);
      else await field.fill(value);
    }
  }
  /** Ticks the box `name` of the group of boxes `group` ("Topics", "Countries"…). */
  async check(group, name) { await this.within.getByRole('group', { name: group }).getByRole('checkbox', { name, exact: true }).check(); }
  /** The message under field `name`. */
  error(name) { return this.page.locator(`#${name}-error`); }
  /** What the form says went wrong as a whole (the server's answer, for one). */
  get problem() { return this.within.getByRole('alert'); }
  async save() { await this.saveButton.click(); }
  /** Saves, then waits for the record's page, headed `heading`. */
  async saveAndOpen(heading) {
    await this.save();
    await this.page.getByRole('heading', { name: heading }).waitFor();
  }
  async cancel() { await this.within.getByRole('button', { name: 'Cancel' }).click(); }
}

/** The form adding a record, reached from its list in the main navigation (`list`) by its link (`link`). */
class NewRecordForm extends Form {
  constructor(page, list, link) { super(page); this.list = list; this.link = link; }
  async open() {
    await goTo(this.page, this.list);
    await this.page.getByRole('link', { name: this.link }).click();
    await this.field('title').waitFor();
    return this;
  }
}

/** Projects → "Add a project", which warns of a project that may already be recorded. */
export class ProjectForm extends NewRecordForm {
  constructor(page) { super(page, 'Projects', 'Add a project'); }
  get duplicateWarning() { return this.page.getByTestId('duplicate-warning'); }
}
/** Missions → "Add a mission". */
export class MissionForm extends NewRecordForm { constructor(page) { super(page, 'Missions', 'Add a mission'); } }
/** Meetings → "Add a meeting". */
export class MeetingForm extends NewRecordForm { constructor(page) { super(page, 'Meetings', 'Add a meeting'); } }

/** An organisation's edit form, opened from its page (found by searching the list). */
export class OrganisationForm extends Form {
  async open(query, heading) {
    await editOrganisation(this.page, query, heading);
    return this;
  }
}

/** "Add an action item" on a meeting's, mission's or organisation's page, and its form. */
export class ActionItemForm extends Form {
  constructor(page) { super(page, { save: page.getByRole('button', { name: 'Save action item' }) }); }
  async open() {
    await this.page.getByRole('button', { name: 'Add an action item' }).click();
    return this;
  }
}

/** An action item's row, wherever it is listed (found by its text): its status, and "Mark done". */
export class ActionRow {
  constructor(page, text) { this.row = page.getByTestId('action-row').filter({ hasText: text }); }
  get status() { return this.row.getByTestId('action-status'); }
  get markDoneButton() { return this.row.getByRole('button', { name: 'Mark done' }); }
  /** Waits until the row's status reads exactly "Done". */
  async done() { await this.status.filter({ hasText: /^Done$/ }).waitFor(); }
  async markDone() {
    await this.markDoneButton.click();
    await this.done();
  }
}

/** An organisation's page: its contacts, missions, projects, and the links to change it. */
export class OrganisationPage {
  constructor(page) { this.page = page; }
  async open(query, heading) {
    await openOrganisation(this.page, query, heading);
    return this;
  }
  get editLink() { return this.page.getByRole('link', { name: 'Edit', exact: true }); }
  get contacts() { return this.page.getByTestId('contact-row'); }
  contactRow(text) { return this.contacts.filter({ hasText: text }); }
  get addContactButton() { return this.page.getByRole('button', { name: 'Add a contact' }); }
  /** Opens the contact's form in its row ("Edit"). */
  async editContact(text) {
    await this.contactRow(text).getByRole('button', { name: 'Edit' }).click();
    return new Form(this.page, { save: this.page.getByRole('button', { name: 'Save contact' }) });
  }
  get missions() { return this.page.getByTestId('org-missions'); }
  get projects() { return this.page.getByTestId('org-projects'); }
  /** The record's history: its entries online, a note offline. */
  get historyEntries() { return this.page.getByTestId('history-entry'); }
  get historyOffline() { return this.page.getByTestId('history-offline'); }
}

/** A meeting's page, opened from the Meetings list: who attended, the action items it agreed, its documents. */
export class MeetingPage {
  constructor(page) { this.page = page; }
  async open(title) {
    await goTo(this.page, 'Meetings');
    await this.page.getByTestId('record-row').getByRole('link', { name: title, exact: true }).click();
    await this.page.getByRole('heading', { name: title }).waitFor();
    return this;
  }
  get attendees() { return this.page.getByTestId('attendees'); }
  get actions() { return this.page.getByTestId('action-row'); }
  get documents() { return this.page.getByTestId('document-row'); }
  /** Opens "Add a document": its form. */
  async linkDocument() {
    await this.page.getByRole('button', { name: 'Add a document' }).click();
    return new Form(this.page, { save: this.page.getByRole('button', { name: 'Save document' }) });
  }
}

/** The follow-up list (Action items): rows per action, filters by organisation, status and "overdue only". */
export class ActionItemsPage extends ListPage {
  constructor(page, base = null) { super(page, base, '/actions', 'Action items'); }
  get rows() { return this.page.getByTestId('action-row'); }
  async overdueOnly(on = true) {
    const box = this.page.locator('input[name=overdue]');
    if (on) await box.check();
    else await box.uncheck();
  }
}

/** The missions list; it opens on the count line, as an office editor's may show no rows. */
export class MissionsPage extends ListPage {
  constructor(page, base = null) { super(page, base, '/missions', 'Missions'); }
  async open() {
    if (this.base == null) await goTo(this.page, this.link);
    else await this.page.goto(this.base + this.path);
    await this.shows(/ of \d+ missions$/);
    return this;
  }
}

/** A mission's page: what it found, and other providers' missions that overlap it. */
export class MissionPage {
  constructor(page) { this.page = page; }
  get findings() { return this.page.getByTestId('findings'); }
  get overlaps() { return this.page.getByTestId('mission-overlaps'); }
}

/** The projects list. */
export class ProjectsPage extends ListPage {
  constructor(page, base = null) { super(page, base, '/projects', 'Projects'); }
  /** Opens a project's page from its row. */
  async openProject(title) { await this.rows.getByRole('link', { name: title }).click(); }
}

/** "Download as IATI XML…" under the projects list (a folded section): who publishes, and the file. */
export class IatiExport extends Form {
  constructor(page) {
    const section = page.getByTestId('iati-export');
    super(page, { within: section, save: section.getByTestId('download-iati') });
  }
  async open() {
    await this.within.locator('summary').click();
    return this;
  }
  /** What it says: what it wrote, or what it still needs. */
  get said() { return this.within.getByTestId('iati-said'); }
  /** Clicks "Download" when no file is expected (something is missing). */
  async tryDownload() { await this.saveButton.click(); }
  /** Clicks "Download": the file's name and text. */
  async downloadXml() { return download(this.page, this.saveButton); }
}

/** A project's page: the projects it may duplicate, and removing it. */
export class ProjectPage {
  constructor(page) { this.page = page; }
  get overlaps() { return this.page.getByTestId('overlaps'); }
  /** "Remove this project": returns the question asked before anything is removed. */
  async askToRemove() {
    await this.page.getByRole('button', { name: 'Remove this project' }).click();
    return this.page.getByRole('alert').filter({ hasText: 'Remove this project?' });
  }
  async confirmRemoval() { await this.page.getByRole('button', { name: 'Yes, remove it' }).click(); }
}

/** Who funds what, where (Funding): the summary, a row per country, the overlaps, and the table's CSV. */
export class FundingPage {
  constructor(page) { this.page = page; }
  async open() {
    await goTo(this.page, 'Funding');
    return this;
  }
  get empty() { return this.page.getByTestId('funding-empty'); }
  get summary() { return this.page.getByTestId('funding-summary'); }
  rowFor(country) {
    return this.page.getByTestId('funding-row').filter({ has: this.page.getByRole('rowheader', { name: country, exact: true }) });
  }
  get overlapList() { return this.page.getByTestId('overlap-list'); }
  async downloadCsv() { return download(this.page, this.page.getByTestId('download-csv')); }
}

/** The sign-in form, which every route shows while nobody is signed in on this browser. */
export class SignInPage {
  constructor(page) { this.page = page; this.form = page.getByTestId('sign-in-form'); }
  async fill({ email, password }) {
    if (email !== undefined) await this.form.locator('input[name=email]').fill(email);
    if (password !== undefined) await this.form.locator('input[name=password]').fill(password);
  }
  async submit() { await this.form.getByTestId('sign-in').click(); }
  /** Waits until the button takes a click again (it is disabled while an attempt is checked). */
  async ready() { await this.page.waitForFunction(() => document.querySelector('[data-testid=sign-in]')?.disabled === false); }
  get error() { return this.page.getByTestId('sign-in-error'); }
  fieldError(name) { return this.page.locator(`#${name}-error`); }
  /** The note of changes made here by someone who signed out, waiting for them to sign in. */
  get waiting() { return this.page.getByTestId('waiting-for-sign-in'); }
}

/** Your account (the name in the header): role, organisation, signing out, and changing the password. */
export class AccountPage {
  constructor(page) { this.page = page; }
  /** The header's link, naming who is signed in. */
  get link() { return this.page.getByTestId('account-link'); }
  /** The header's "Sign in again", once the server ended the session. */
  get signInAgainLink() { return this.page.getByTestId('sign-in-again'); }
  async open() {
    await this.link.click();
    await this.page.getByTestId('sign-out').waitFor();
    return this;
  }
  get role() { return this.page.getByTestId('role'); }
  /** Waits until the page names `name` as the person's organisation (the server may tell it on a later sync). */
  async worksFor(name, { timeout = 20000 } = {}) {
    await this.page.waitForFunction((n) => document.querySelector('[data-testid=organisation]')?.textContent === n, name, { timeout });
  }
  /** Signs out on this browser: the sign-in form comes back. */
  async signOut() {
    await this.page.getByTestId('sign-out').click();
    await this.page.getByTestId('sign-in-form').waitFor();
  }
  async changePassword({ current, next }) {
    await this.page.locator('input[name=current]').fill(current);
    await this.page.locator('input[name=new]').fill(next);
    await this.page.getByRole('button', { name: 'Change password' }).click();
  }
  error(name) { return this.page.locator(`#${name}-error`); }
  get passwordChanged() { return this.page.getByTestId('password-changed'); }
}

/** The Users page (administrators): every account, adding one, and changing one from its row. */
export class UsersPage {
  constructor(page, base = null) { this.page = page; this.base = base; }
  async open() {
    if (this.base == null) await goTo(this.page, 'Users');
    else await this.page.goto(`${this.base}/users`);
    await this.rows.first().waitFor();
    return this;
  }
  get rows() { return this.page.getByTestId('user-row'); }
  rowFor(email) { return this.rows.filter({ hasText: email }); }
  /** The line of `email`'s row that says `text` (not its form's options, which name every organisation). */
  rowSays(email, text) { return this.rowFor(email).locator('.meta', { hasText: text }); }
  /** The form "Add a user" opens. */
  get addForm() {
    const form = this.page.getByTestId('add-user');
    return new Form(this.page, { within: form, save: form.getByTestId('add-user-save') });
  }
  /** Opens "Add a user", fills in `values` (email, name, role, organisation, password) and sends it. */
  async add(values) {
    await this.page.getByRole('button', { name: 'Add a user' }).click();
    await this.addForm.fill(values);
    await this.addForm.save();
  }
  get added() { return this.page.getByTestId('user-added'); }
  /** Opens `email`'s row form ("Change"). */
  async change(email) {
    const row = this.rowFor(email);
    await row.getByRole('button', { name: 'Change' }).click();
    return new Form(this.page, { within: row.getByTestId('edit-user'), save: row.getByTestId('edit-user-save') });
  }
  /** What the page says offline: it needs a connection. */
  get offline() { return this.page.getByTestId('users-offline'); }
}

/** The Sync page: changes held for their author, refused ("needs attention"), conflicts, and changes carried on a file. */
export class SyncPage {
  constructor(page, base = null) { this.page = page; this.base = base; }
  async open() {
    if (this.base == null) await goTo(this.page, 'Sync');
    else await this.page.goto(`${this.base}/sync`);
    return this;
  }
  async syncNow() { await this.page.getByRole('button', { name: 'Sync now' }).click(); }
  get conflicts() { return this.page.getByTestId('conflict'); }
  /** "Keep this" on the conflict's value that says `text`. */
  async keep(text) { await this.conflicts.locator('li').filter({ hasText: text }).getByTestId('keep').click(); }
  /** The changes the server refused, each with the reason. */
  get refused() { return this.page.getByTestId('rejected-row'); }
  /** Another person's changes, made on this browser and held until they sign in. */
  get held() { return this.page.getByTestId('held'); }
  async discardHeld() {
    await this.held.getByTestId('discard-held').click();
    await this.held.waitFor({ state: 'detached' });
  }
  /** "Save my waiting changes to a file": the file's name and text. */
  async saveChangesToFile() { return download(this.page, this.page.getByTestId('save-changes')); }
  get changesSaved() { return this.page.getByTestId('changes-saved'); }
  /** Takes in a changes file (an administrator's part). */
  async takeIn(text) {
    await this.page.getByTestId('changes-file').setInputFiles({ name: 'changes.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  }
  get takenIn() { return this.page.getByTestId('taken-in'); }
}
