// Forward compatibility: this build against a server holding what a newer release wrote —
// a field this build does not know on a record it does, and a record of a kind it does not
// know. The data is written into the server's database as such a release stores it (the
// newer release does not exist yet). The browser keeps syncing, keeps both as received,
// and an edit it makes of a field it knows leaves the unknown field as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer, launchBrowser, watchErrors } from './harness.mjs';
import { ListPage, signIn, apiAs, waitForSynced, editOrganisation } from './pages.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); server?.cleanup(); });

/** Runs Python's sqlite3 on the server's database (the server keeps running: WAL mode). */
function sql(script, args = {}) {
  const program = `
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=10)
args = json.loads(sys.argv[2])
${script}
db.commit()
`;
  return execFileSync('python3', ['-c', program, join(server.dir, 'e2e.db'), JSON.stringify(args)], { encoding: 'utf8' });
}

/** Writes, as a newer release would, `port_codes` on Montserrat Customs and a `survey`. */
function newerReleaseWrites(surveyId) {
  sql(`
seq = int(db.execute("SELECT value FROM meta WHERE key = 'seq'").fetchone()[0])
rid, state = db.execute("SELECT rid, state FROM records WHERE kind = 'organisation' AND state LIKE '%Montserrat Customs%'").fetchone()
s = json.loads(state)
s["d"].append("0d3b5a8e-6c1f-4e0a-9b7d-5f2e8c4a1b90")
d = len(s["d"]) - 1
s["c"]["port_codes"] = [[[["MSPLY"], d, 1, 1764000000000, 0]], [d, 1]]
s["seq"] = seq + 1
db.execute("UPDATE records SET state = ?, seq = ? WHERE rid = ?", (json.dumps(s), seq + 1, rid))
db.execute("INSERT INTO changes (seq, device, mutation, kind, id, record, fields, at, received) VALUES (?, '0d3b5a8e-6c1f-4e0a-9b7d-5f2e8c4a1b90', 1, 'organisation', ?, ?, '{}', 0, 0)", (seq + 1, s["id"], rid))
survey = {"kind": "survey", "id": args["survey"], "seq": seq + 2, "d": ["0d3b5a8e-6c1f-4e0a-9b7d-5f2e8c4a1b90"], "c": {"title": [[["Time release study 2027", 0, 2, 1764000000000, 0]], [0, 2]]}}
db.execute("INSERT INTO records (rid, kind, id, seq, deleted, state) VALUES ((SELECT MAX(rid) + 1 FROM records), 'survey', ?, ?, 0, ?)", (args["survey"], seq + 2, json.dumps(survey)))
db.execute("INSERT INTO changes (seq, device, mutation, kind, id, record, fields, at, received) VALUES (?, '0d3b5a8e-6c1f-4e0a-9b7d-5f2e8c4a1b90', 2, 'survey', ?, (SELECT MAX(rid) FROM records), '{}', 0, 0)", (seq + 2, args["survey"]))
db.execute("UPDATE meta SET value = ? WHERE key = 'seq'", (str(seq + 2),))
`, { survey: surveyId });
}

function storedMontserrat() {
  return JSON.parse(sql(`
row = db.execute("SELECT state FROM records WHERE kind = 'organisation' AND state LIKE '%Montserrat Customs%'").fetchone()
print(row[0])
`));
}

test('records and fields of a newer release are kept, synced past, and left as they were by an edit', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url, 'coordinator');
  await new ListPage(page, server.url, '/organisations').open();
  await waitForSynced(page);

  newerReleaseWrites('7d1e0c0e-9a54-4c3b-8d51-2b9f0a7c1e55');
  // Any write through the server moves the end of its change log past what was written
  // beside it, so that the browser's next pull reaches both.
  const api = await apiAs(server.url, 'coordinator');
  const tool = (await api.get('/api/v1/training_tools')).items[0];
  const patched = await api.call(`/api/v1/training_tools/${tool.id}`, { method: 'PATCH', body: { description: 'Updated on the server.' } });
  assert.equal(patched.status, 200, await patched.text());

  // The browser pulls all of it without a sync problem, and still shows Montserrat.
  await page.reload();
  await waitForSynced(page);
  await editOrganisation(page, 'montserrat', 'Montserrat Customs');
  await page.locator('input[name=acronym]').fill('MCED');
  await page.getByTestId('save').click();
  await page.getByRole('heading', { name: 'Montserrat Customs (MCED)' }).waitFor();
  await waitForSynced(page);

  const stored = storedMontserrat();
  assert.equal(stored.c.acronym[0][0][0], 'MCED', 'the edit reached the server');
  assert.deepEqual(stored.c.port_codes[0][0][0], ['MSPLY'], 'the unknown field is as the newer release left it');
  // The browser keeps the record of the unknown kind as received.
  const kept = await page.evaluate(() => new Promise((ok, fail) => {
    const open = indexedDB.open('tradewinds');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('records').objectStore('records').get('survey/7d1e0c0e-9a54-4c3b-8d51-2b9f0a7c1e55');
      get.onsuccess = () => { ok(get.result ? JSON.parse(get.result.state).c.title[0][0][0] : null); open.result.close(); };
      get.onerror = () => fail(get.error);
    };
  }));
  assert.equal(kept, 'Time release study 2027');
  assert.deepEqual(errors, []);
  await context.close();
});
