// Who may change what, as the browser shows it and as the server decides: a viewer sees
// no way to change anything; an office editor edits their own office only; and an edit
// the local (stale) view allowed but the server forbids comes back under "needs attention"
// with the reason. The last test changes the demo editor's organisation: it runs last.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, watchErrors } from './harness.mjs';
import { ListPage, OrganisationPage, OrganisationForm, AccountPage, SyncPage, signIn, apiAs, waitForSynced, waitForStatus } from './pages.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); server?.cleanup(); });

async function signedIn(who) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url, who);
  await new ListPage(page, server.url, '/organisations').open();
  await waitForSynced(page);
  return { context, page, errors };
}

const COORDINATOR_CONTACT = 'E-learning national coordinator';

test('a viewer reads everything and is offered no way to change it', async () => {
  const { context, page, errors } = await signedIn('viewer');
  assert.equal(await page.getByRole('link', { name: 'Add an organisation' }).count(), 0);
  const barbados = await new OrganisationPage(page).open('barbados', 'Barbados Customs');
  const row = barbados.contactRow(COORDINATOR_CONTACT);
  await row.waitFor();
  assert.equal(await barbados.editLink.count(), 0);
  assert.equal(await row.getByRole('button', { name: 'Edit' }).count(), 0);
  assert.equal(await row.getByRole('button', { name: 'Remove' }).count(), 0);
  assert.equal(await barbados.addContactButton.count(), 0);
  const tools = await new ListPage(page, null, '/training', 'Training tools').open();
  assert.equal(await page.getByRole('link', { name: 'Add a training tool' }).count(), 0);
  await tools.rows.first().getByRole('link').click();
  await page.getByTestId('history').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Edit', exact: true }).count(), 0);
  // A form reached by its address refuses to store the change, with the reason.
  await page.goto(`${server.url}/organisations/new`);
  const form = new OrganisationForm(page);
  await form.fill({ name: 'Viewer-made organisation' });
  await form.save();
  await page.getByText('Your account can read the catalogue but not change it').waitFor();
  await new SyncPage(page).open();
  await page.getByText('No changes waiting.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('an office editor may edit their own office and its contacts, not another one', async () => {
  const { context, page, errors } = await signedIn('editor');
  assert.equal(await page.getByRole('link', { name: 'Add an organisation' }).count(), 0);
  const barbados = await new OrganisationPage(page).open('barbados', 'Barbados Customs');
  await barbados.editLink.waitFor();
  const row = barbados.contactRow(COORDINATOR_CONTACT);
  await row.getByRole('button', { name: 'Edit' }).waitFor();
  await barbados.addContactButton.waitFor();
  // Re-classifying their own organisation is for coordinators: refused on that field.
  await barbados.editLink.click();
  const form = new OrganisationForm(page);
  await form.fill({ category: 'donor' });
  await form.save();
  await form.error('category').waitFor();
  assert.match(await form.error('category').textContent(), /Only regional coordinators/);

  const montserrat = await new OrganisationPage(page).open('montserrat', 'Montserrat Customs');
  // The contacts have been read (a row, or the note that there are none) before checking what is offered.
  await montserrat.contacts.or(page.getByText('No contacts recorded yet.')).first().waitFor();
  assert.equal(await montserrat.editLink.count(), 0);
  assert.equal(await montserrat.addContactButton.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an office editor's edit of another administration's contact comes back as a refusal with the reason", async () => {
  const { context, page, errors } = await signedIn('editor');
  const admin = await apiAs(server.url, 'admin');
  const editor = (await admin.get('/api/v1/users')).items.find((u) => u.email === 'editor@demo.tradewinds.org');
  const montserrat = (await admin.get('/api/v1/organisations')).items.find((o) => o.name === 'Montserrat Customs');
  const contactBefore = (await admin.get('/api/v1/contacts')).items.find((c) => c.role_title === COORDINATOR_CONTACT);

  // Offline, the editor still works for Barbados as far as this browser knows...
  await context.setOffline(true);
  // ...while an administrator moves them to Montserrat on the server.
  const moved = await admin.call(`/api/v1/users/${editor.id}`, { method: 'PATCH', body: { organisation: montserrat.id } });
  assert.equal(moved.status, 200);

  const barbados = await new OrganisationPage(page).open('barbados', 'Barbados Customs');
  const contact = await barbados.editContact(COORDINATOR_CONTACT);
  await contact.fill({ phone: '+1 246 555 0100' });
  await contact.save();
  await barbados.contactRow('+1 246 555 0100').waitFor();
  await waitForStatus(page, /1 change waiting/);

  await context.setOffline(false);
  await waitForStatus(page, /1 refused by the server/);
  const refused = (await new SyncPage(page).open()).refused;
  await refused.waitFor();
  assert.match(await refused.textContent(), /This record belongs to another organisation: only that office or a regional coordinator can change it/);
  assert.doesNotMatch(await refused.textContent(), /Not allowed: Not allowed/, 'the reason reads as one sentence');
  // Nothing reached the server, and the browser now knows the editor's new office.
  const contactAfter = (await admin.get('/api/v1/contacts')).items.find((c) => c.id === contactBefore.id);
  assert.equal(contactAfter.phone, contactBefore.phone);
  await (await new AccountPage(page).open()).worksFor('Montserrat Customs');
  await barbados.open('barbados', 'Barbados Customs');
  await barbados.contactRow(COORDINATOR_CONTACT).waitFor();
  assert.equal(await barbados.contactRow('+1 246 555 0100').count(), 0, 'the refused value is gone locally');
  assert.equal(await barbados.contacts.getByRole('button', { name: 'Edit' }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
