// Search across every kind of record, from the start page, offline, kept in the address.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, watchErrors } from './harness.mjs';
import { signIn, waitForSynced } from './pages.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); server?.cleanup(); });

test('search finds every kind of record, best first, offline, and keeps the query in the address', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);
  await waitForSynced(page);
  await context.setOffline(true);

  await page.getByLabel('Search everything').fill('cclec video');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL(/\/search\?q=cclec%20video$/);
  const hits = page.getByTestId('search-hit');
  await page.getByRole('status').filter({ hasText: /^2 results$/ }).waitFor();
  // An action item found through the organisation that owns or shares it.
  for (const text of await hits.allTextContents()) assert.match(text, /video conference.*Action item$/, text);

  await page.getByTestId('search').fill('montserrat');
  await page.waitForURL(/\/search\?q=montserrat$/);
  await page.getByRole('status').filter({ hasText: /^\d+ results?$/ }).waitFor();
  assert.equal(await hits.first().textContent(), 'Montserrat CustomsOrganisation', 'the name match comes first');
  const kinds = new Set((await hits.allTextContents()).map((t) => t.replace(/^.*?(Organisation|Training tool|Contact|Meeting|Action item|Mission|Project)$/, '$1')));
  assert.ok(kinds.has('Organisation'), [...kinds].join(', '));

  await page.getByTestId('search').fill('e-learning valuation');
  const tool = hits.filter({ hasText: 'Customs Valuation e-learning course' });
  await tool.waitFor();
  assert.match(await tool.textContent(), /Training tool$/);
  await page.reload();
  assert.equal(await page.getByTestId('search').inputValue(), 'e-learning valuation', 'a reload keeps the query');
  await tool.waitFor();
  await tool.getByRole('link').click();
  await page.getByRole('heading', { name: 'Customs Valuation e-learning course' }).waitFor();
  await page.goBack();
  await tool.waitFor();

  await page.getByTestId('search').fill('zzzz qqqq');
  await page.getByRole('status').filter({ hasText: 'Nothing found' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
