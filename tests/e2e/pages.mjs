// Page objects: what a person sees and does, by data-testid and field names.
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
