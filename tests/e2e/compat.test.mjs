// Compatibility across releases, with two real builds: this one, and the previous release
// built from its commit (tests/e2e/previous-release), each against this server. The server
// holds what a newer release wrote — a field the builds do not know on a record they do,
// and a record of a kind they do not know — written into its database as such a release
// stores it (the newer release does not exist yet). The browser keeps syncing, keeps both
// as received, and an edit it makes of a field it knows leaves the unknown field as it was.
// With the previous release's build this is also the app one release behind: its pushes,
// pulls and snapshots must still be understood by this server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, watchErrors, DIST } from './harness.mjs';
import { ListPage, signIn, apiAs, waitForSynced, editOrganisation } from './pages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The previous release's app, built from its commit into target/previous-release/<rev>
 * (kept there: later runs reuse it). Its own cargo target directory, so that this
 * checkout's build is never mixed with it.
 */
function previousReleaseDist() {
  const rev = readFileSync(join(root, 'tests/e2e/previous-release'), 'utf8').split(/\s/)[0];
  const out = join(root, 'target/previous-release', rev);
  const dist = join(out, 'dist');
  if (existsSync(join(dist, 'index.html'))) return dist;
  try {
    execFileSync('git', ['-C', root, 'cat-file', '-e', `${rev}^{commit}`], { stdio: 'ignore' });
  } catch {
    throw new Error(`the previous release ${rev} (tests/e2e/previous-release) is not in this clone's history`);
  }
  const src = join(out, 'src');
  rmSync(src, { recursive: true, force: true });
  mkdirSync(join(out, 'cargo'), { recursive: true });
  mkdirSync(src, { recursive: true });
  execSync(`git -C '${root}' archive ${rev} | tar -x -C '${src}'`);
  symlinkSync(join(out, 'cargo'), join(src, 'target'));
  symlinkSync(join(root, '.tools'), join(src, '.tools'));
  execFileSync(join(src, 'scripts/build-app.sh'), {
    cwd: src,
    env: { ...process.env, OUT: dist, BUILD_LABEL: `release ${rev.slice(0, 7)}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return dist;
}

let browser;
const builds = {};
before(async () => {
  browser = await launchBrowser();
  builds['this build'] = DIST;
  builds['the previous release'] = previousReleaseDist();
});
after(async () => { await browser?.close(); });

/** Runs Python's sqlite3 on the server's database (the server keeps running: WAL mode). */
function sql(server, script, args = {}) {
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
function newerReleaseWrites(server, surveyId) {
  sql(server, `
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

function storedMontserrat(server) {
  return JSON.parse(sql(server, `
row = db.execute("SELECT state FROM records WHERE kind = 'organisation' AND state LIKE '%Montserrat Customs%'").fetchone()
print(row[0])
`));
}

for (const build of ['this build', 'the previous release']) {
  test(`${build}: records and fields of a newer release are kept, synced past, and left as they were by an edit`, async () => {
    const server = await startServer({ dist: builds[build] });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = watchErrors(page);
      await signIn(page, server.url, 'coordinator');
      // The build under test is the one the browser runs.
      const served = await (await fetch(`${server.url}/`)).text();
      assert.equal(served.includes('release '), build === 'the previous release', 'which build is served');
      await new ListPage(page, server.url, '/organisations').open();
      await waitForSynced(page);

      newerReleaseWrites(server, '7d1e0c0e-9a54-4c3b-8d51-2b9f0a7c1e55');
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

      const stored = storedMontserrat(server);
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
    } finally {
      await server.stop();
      server.cleanup();
    }
  });
}
