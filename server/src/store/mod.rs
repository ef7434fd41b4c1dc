//! The server's database: records as merged field states, the change log, each device's
//! mutation counter. Every push is applied in one transaction that also records the
//! device's last processed mutation, so a crash can neither lose an acknowledged mutation
//! nor apply one twice.

pub mod backup;

use std::collections::{HashMap, HashSet, VecDeque};
use std::future::Future;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::task::Poll;
use std::time::{SystemTime, UNIX_EPOCH};
use tradewinds_shared::api::ErrorCode;

use anyhow::Context;
use futures_util::StreamExt;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{QueryBuilder, Row, Sqlite, SqlitePool};
use tokio::sync::{oneshot, Mutex};
use tradewinds_shared::accounts::HistoryEntry;
use tradewinds_shared::sync::{
    protocol::MAX_PUSH_MUTATIONS, Cursor, DeviceId, Mutation, PullResponse, PushResponse,
    RecordState, Rejection, Snapshot, MAX_FUTURE_SKEW_MS,
};
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::accounts::Author;
use crate::Error;

/// A mutation the author may not make, as a rejection naming the field if it is about one.
fn forbidden(n: u64, denied: tradewinds_shared::access::Denied) -> Rejection {
    let fields = denied
        .field
        .iter()
        .map(|f| tradewinds_shared::FieldError {
            field: f.clone(),
            message: denied.message.clone(),
        })
        .collect();
    Rejection {
        n,
        code: ErrorCode::Forbidden,
        message: format!("Not allowed: {}", denied.message),
        fields,
    }
}

#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
    /// The one connection pushes are written on. SQLite has one writer anyway, and a
    /// connection keeps its page cache only while no other connection writes: with writes
    /// spread over the pool, every push began by reading its pages again.
    writer: SqlitePool,
    /// Taken for each writing turn (see `push`), so that pushes are written in turn; holds
    /// what the writer keeps between turns.
    write: Arc<Mutex<Written>>,
    /// Pushes waiting for the writer (see `push`).
    queue: Arc<std::sync::Mutex<VecDeque<QueuedPush>>>,
    /// Serialises the server's own edits (see `apply_server_edit`).
    server_edits: Arc<Mutex<()>>,
    server_id: Arc<str>,
    /// The end of the change log (`meta.seq`) as of this store's last commit: a pull that
    /// is already there is answered without reading the database. This process is the
    /// database's only writer (see `write`).
    end: Arc<AtomicU64>,
    /// The digest of the change at the end of the log, as of this store's last commit
    /// (`None` while the log is empty): the up-to-date pull checks a cursor against it.
    end_digest: Arc<std::sync::RwLock<(u64, Option<String>)>>,
    /// Commits since the last checkpoint (see `checkpoints`).
    commits: Arc<AtomicU64>,
}

/// Records as committed, kept parsed by the writer between its turns, so that a push does
/// not read and parse again the records the previous pushes wrote.
///
/// Invariant: every entry is exactly the committed state of its record (its `seq`
/// included). It holds because this process is the only writer of the SQLite file (one
/// `Store` per database, its writes serialised by `Store::write`): a turn moves a record
/// out of the cache before changing it (in place, among the transaction's own records),
/// entries are added only after the transaction that wrote or read them has committed,
/// the whole cache is dropped when a transaction fails (its outcome is then unknown),
/// dropping entries is always safe (`make_room`), and each turn checks that the
/// change log ends where this store's last commit left it (`meta.seq` = `Store::end`),
/// dropping the cache if anyone else wrote. It would not hold with several server
/// processes on one database (the PostgreSQL plan): see ARCHITECTURE.md.
#[derive(Default)]
struct Written {
    records: HashMap<Uuid, Kept>,
}

/// A record and its key in the records table (`records.rid`, which the change log refers
/// to). A record's key never changes once committed (records are never deleted: a deleted
/// record is a tombstone).
struct Kept {
    rid: i64,
    state: RecordState,
}

/// Where a client's cursor stands in this database's history (`Store::place`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CursorPlace {
    /// At the last change: nothing new.
    AtEnd,
    /// After this change, with more since.
    After(u64),
    /// Not in this history: another server's, or this one's before a restore. The client
    /// must start again from a snapshot.
    Foreign,
}

/// A page of the change log as stored: each record's JSON, its `seq` included.
struct StoredPage {
    cursor: Cursor,
    states: Vec<String>,
    has_more: bool,
    reset: bool,
}

/// Records per page of a streamed snapshot (`Store::snapshot_stream`): about half a
/// megabyte.
const SNAPSHOT_PAGE: i64 = 500;

/// At most this many records are kept parsed (twice the demo region's catalogue); past it
/// a quarter of them are dropped (see `Written::make_room`).
const CACHED_RECORDS: usize = 20_000;

impl Written {
    /// Drops kept records so that `incoming` more fit under `CACHED_RECORDS`: down to three
    /// quarters of it, whichever come first in the map's (hash) order, so that most of
    /// those kept stay. (Emptying the whole cache instead made every push after it read
    /// and parse its records again: with more records in use than the cap, that happened
    /// again and again.)
    fn make_room(&mut self, incoming: usize) {
        if self.records.len() + incoming <= CACHED_RECORDS {
            return;
        }
        let keep = (CACHED_RECORDS * 3 / 4).saturating_sub(incoming);
        let mut excess = self.records.len().saturating_sub(keep);
        self.records.retain(|_, _| {
            if excess > 0 {
                excess -= 1;
                false
            } else {
                true
            }
        });
    }
}

/// A push to write: see `Store::push`.
struct PushJob {
    device: DeviceId,
    mutations: Vec<Mutation>,
    author: Author,
}

struct QueuedPush {
    push: PushJob,
    reply: oneshot::Sender<Result<PushResponse, Error>>,
}

/// At most this many mutations are written in one group commit (a single push of up to
/// `MAX_PUSH_MUTATIONS` always goes alone if it is larger).
const GROUP_MUTATIONS: usize = 2000;

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

impl Store {
    /// Opens (creating if missing) the database at `url` and applies pending migrations.
    pub async fn open(url: &str) -> anyhow::Result<Store> {
        let options = SqliteConnectOptions::from_str(url)
            .with_context(|| format!("`{url}` is not a SQLite database URL (sqlite://PATH)"))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(std::time::Duration::from_secs(10))
            .foreign_keys(true)
            // A push writes hundreds of rows in one transaction: with SQLite's default 2 MB
            // page cache it spills pages to the WAL mid-transaction, and its multi-row
            // statements keep their statement journals in temporary files.
            .pragma("cache_size", "-32768")
            .pragma("temp_store", "memory")
            // Checkpoints run in the background (`checkpoints`), not inside a writer's
            // commit; this is only a backstop if they fall behind (pages of 4 KB).
            .pragma("wal_autocheckpoint", "16384");
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options.clone())
            .await
            .with_context(|| format!("cannot open the database {url}"))?;
        sqlx::migrate!("./migrations")
            .run(&pool)
            .await
            .context("cannot apply database migrations")?;
        let fresh = Uuid::new_v4().to_string();
        sqlx::query(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('server_id', ?), ('seq', '0')",
        )
        .bind(&fresh)
        .execute(&pool)
        .await?;
        let server_id: String =
            sqlx::query_scalar("SELECT value FROM meta WHERE key = 'server_id'")
                .fetch_one(&pool)
                .await?;
        let end: i64 = last_seq(&pool).await?;
        let end_digest = digest_at(&pool, end).await?;
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options)
            .await
            .with_context(|| format!("cannot open the database {url}"))?;
        let store = Store {
            pool,
            writer,
            write: Arc::new(Mutex::new(Written::default())),
            queue: Arc::default(),
            server_edits: Arc::new(Mutex::new(())),
            server_id: server_id.into(),
            end: Arc::new(AtomicU64::new(end as u64)),
            end_digest: Arc::new(std::sync::RwLock::new((end as u64, end_digest))),
            commits: Arc::default(),
        };
        tokio::spawn(checkpoints(
            store.pool.clone(),
            Arc::downgrade(&store.commits),
        ));
        Ok(store)
    }

    /// This database's identity, part of every cursor.
    pub fn server_id(&self) -> &str {
        &self.server_id
    }

    /// The device id the server uses for its own writes (REST calls, seeding).
    pub fn server_device(&self) -> DeviceId {
        Uuid::parse_str(&self.server_id).unwrap_or_default()
    }

    /// Applies a device's mutations in order, in one transaction. Mutations at or below the
    /// device's last processed number are duplicates and are skipped; a gap is refused.
    ///
    /// Pushes that arrive while another is being written wait in a queue and are then
    /// written together, each in its order, in one transaction (group commit: one fsync for
    /// many devices). Each still gets its own answer, given once the transaction is
    /// committed; a push refused (gap) leaves the others untouched.
    pub async fn push(
        &self,
        device: DeviceId,
        mutations: Vec<Mutation>,
        author: &Author,
    ) -> Result<PushResponse, Error> {
        if mutations.len() > MAX_PUSH_MUTATIONS {
            return Err(Error::Unprocessable {
                code: ErrorCode::TooManyMutations,
                message: format!(
                    "At most {MAX_PUSH_MUTATIONS} mutations per push (got {}).",
                    mutations.len()
                ),
            });
        }
        if let Some(w) = mutations.windows(2).find(|w| w[1].n != w[0].n + 1) {
            return Err(Error::Unprocessable {
                code: ErrorCode::MutationsNotConsecutive,
                message: format!(
                    "Mutations must be numbered consecutively; {} is followed by {}.",
                    w[0].n, w[1].n
                ),
            });
        }
        if mutations.first().is_some_and(|m| m.n == 0) {
            return Err(Error::Unprocessable {
                code: ErrorCode::InvalidMutationNumber,
                message: "Mutation numbers start at 1.".into(),
            });
        }
        let (reply, answer) = oneshot::channel();
        self.queue
            .lock()
            .expect("push queue")
            .push_back(QueuedPush {
                push: PushJob {
                    device,
                    mutations,
                    author: author.clone(),
                },
                reply,
            });
        // One writing turn per queued push, so every push is written by some turn. The turn
        // runs on its own task: a caller that goes away (client gone, timeout) does not
        // interrupt the transaction that carries other devices' pushes.
        let store = self.clone();
        tokio::spawn(async move { store.write_queued().await });
        answer.await.unwrap_or_else(|_| {
            Err(Error::Internal(anyhow::anyhow!(
                "the push was dropped before it was written"
            )))
        })
    }

    /// One writing turn: takes the queued pushes (up to `GROUP_MUTATIONS` mutations) and
    /// writes them in one transaction. If that fails, each is tried alone, so that a push
    /// that cannot be written fails by itself.
    async fn write_queued(&self) {
        let mut written = self.write.lock().await;
        let group: Vec<QueuedPush> = {
            let mut queue = self.queue.lock().expect("push queue");
            let mut total = 0;
            let mut group = Vec::new();
            while let Some(next) = queue.front() {
                total += next.push.mutations.len().max(1);
                if !group.is_empty() && total > GROUP_MUTATIONS {
                    break;
                }
                group.extend(queue.pop_front());
            }
            group
        };
        if group.is_empty() {
            return;
        }
        let (jobs, replies): (Vec<PushJob>, Vec<_>) =
            group.into_iter().map(|q| (q.push, q.reply)).unzip();
        match self.write_pushes(&mut written, &jobs).await {
            Ok(answers) => {
                for (reply, answer) in replies.into_iter().zip(answers) {
                    let _ = reply.send(answer);
                }
            }
            Err(e) if jobs.len() == 1 => {
                let _ = replies.into_iter().next().map(|r| r.send(Err(e)));
            }
            Err(e) => {
                tracing::warn!(error = %e, pushes = jobs.len(), "group commit failed; writing each push alone");
                for (job, reply) in jobs.iter().zip(replies) {
                    let answer = match self
                        .write_pushes(&mut written, std::slice::from_ref(job))
                        .await
                    {
                        Ok(mut answers) => answers.pop().expect("one answer per push"),
                        Err(e) => Err(e),
                    };
                    let _ = reply.send(answer);
                }
            }
        }
    }

    /// Writes pushes in one transaction, in order: what each would have done alone, one
    /// after the other. Reads everything it needs first and writes many rows per statement,
    /// so that the number of statements does not grow with the number of mutations.
    /// `Err` only when the transaction failed (nothing is written); a refused push is an
    /// `Err` in its own answer.
    async fn write_pushes(
        &self,
        written: &mut Written,
        jobs: &[PushJob],
    ) -> Result<Vec<Result<PushResponse, Error>>, Error> {
        let result = self.write_pushes_once(written, jobs).await;
        if result.is_err() {
            // A failed transaction may or may not have committed (a failed commit): what
            // the cache holds can no longer be trusted.
            written.records.clear();
        }
        result
    }

    async fn write_pushes_once(
        &self,
        written: &mut Written,
        jobs: &[PushJob],
    ) -> Result<Vec<Result<PushResponse, Error>>, Error> {
        if self.pool.is_closed() {
            // The store is being shut down (`pool().close()`): write nothing more.
            self.writer.close().await;
            return Err(Error::Internal(anyhow::anyhow!("the database is closed")));
        }
        let mut tx = self.writer.begin().await?;
        let now = now_ms();
        let (mut last, mut owners) = load_counters(&mut tx, jobs.iter().map(|j| j.device)).await?;
        // Devices each account claims in this turn, not yet in the table.
        let mut claimed: HashMap<Arc<str>, i64> = HashMap::new();
        let mut seq: i64 = last_seq(&mut *tx).await?;
        let start_seq = seq;
        if seq as u64 != self.end.load(Ordering::Acquire) {
            // Someone else wrote the database since this store's last commit: the records
            // kept in memory may be stale (see `Written`).
            if !written.records.is_empty() {
                tracing::warn!(
                    "the database was written by another connection; dropping the records cache"
                );
            }
            written.records.clear();
        }
        // Every record a new mutation names, by id alone, like the records table's unique
        // index: ids are unique across kinds, so a mutation of another kind must meet the
        // record already there.
        let ids: HashSet<Uuid> = jobs
            .iter()
            .flat_map(|j| {
                let already = last.get(&j.device).copied().unwrap_or(0);
                j.mutations
                    .iter()
                    .filter(move |m| m.n > already)
                    .map(|m| m.id)
            })
            .collect();
        let missing: HashSet<Uuid> = ids
            .into_iter()
            .filter(|id| !written.records.contains_key(id))
            .collect();
        // This transaction's records: those read now, then those it writes. They join the
        // kept ones only once it has committed.
        let mut cache = load_records(&mut tx, &missing).await?;
        // Keys for the records this transaction creates: one writer, so nobody else takes
        // them before it commits.
        let mut next_rid: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(rid), 0) + 1 FROM records")
            .fetch_one(&mut *tx)
            .await?;
        let mut changed: Vec<Uuid> = Vec::new();
        let mut changed_ids: HashSet<Uuid> = HashSet::new();
        // Records this transaction creates (the others it writes are in the table already).
        let mut created: HashSet<Uuid> = HashSet::new();
        let mut changes: Vec<ChangeRow> = Vec::new();
        let mut counters: Vec<(DeviceId, u64, Option<Arc<str>>)> = Vec::new();
        let mut answers = Vec::with_capacity(jobs.len());
        for job in jobs {
            let device = job.device;
            let device_key = device.to_string();
            // Shared by this push's change rows.
            let device_row: Arc<str> = device_key.as_str().into();
            let author_row: Option<Arc<str>> =
                job.author.actor.as_ref().map(|a| a.user.to_string().into());
            // The server's own device numbers every REST edit, whoever makes it.
            let account = author_row
                .as_ref()
                .filter(|_| device != self.server_device());
            if let Some(account) = account {
                if let Err(refused) =
                    claim_device(&mut tx, &mut owners, &mut claimed, device, account).await?
                {
                    answers.push(Err(refused));
                    continue;
                }
            }
            let already = last.get(&device).copied().unwrap_or(0);
            if let Some(first) = job.mutations.first() {
                if first.n > already + 1 {
                    answers.push(Err(Error::Conflict {
                        code: ErrorCode::MutationGap,
                        message: format!("This device's next mutation is {}, but the push starts at {}: send the missing ones first.", already + 1, first.n),
                    }));
                    continue;
                }
            }
            let mut rejections = Vec::new();
            let mut done = already;
            for m in job.mutations.iter().filter(|m| m.n > already) {
                let refusal = if m.at > now + MAX_FUTURE_SKEW_MS {
                    Some(Rejection {
                        n: m.n,
                        code: ErrorCode::ClockInFuture,
                        message: "The device's clock is more than a day ahead of the server; correct the date and time, then resubmit.".into(),
                        fields: vec![],
                    })
                } else {
                    // The record is changed in place among this transaction's records; one
                    // kept from earlier turns moves there (the kept ones must stay exactly
                    // as committed) and comes back after the commit.
                    let existed = cache.contains_key(&m.id) || written.records.contains_key(&m.id);
                    let kept = cache.entry(m.id).or_insert_with(|| {
                        written.records.remove(&m.id).unwrap_or_else(|| {
                            next_rid += 1;
                            Kept {
                                rid: next_rid - 1,
                                state: RecordState::new(m.kind, m.id),
                            }
                        })
                    });
                    let rid = kept.rid;
                    let state = &mut kept.state;
                    let actor = job.author.actor.as_ref();
                    // Only an actor whose rights depend on the record needs it as it was.
                    let before = actor
                        .filter(|a| existed && a.reads_records())
                        .map(|_| state.clone());
                    let outcome = match state.apply_checked(device, m, job.author.name.as_deref()) {
                        Err(e) => Err(Rejection {
                            n: m.n,
                            code: ErrorCode::InvalidRecord,
                            message: format!("The change was refused: {e}"),
                            fields: e.0,
                        }),
                        Ok(applied) => {
                            match actor.map(|a| a.check_write(before.as_ref(), state, m)) {
                                Some(Err(denied)) => {
                                    applied.undo(state, m);
                                    Err(forbidden(m.n, denied))
                                }
                                // A new record is written even if the mutation sets nothing.
                                _ => Ok(applied.changed || !existed),
                            }
                        }
                    };
                    match outcome {
                        Ok(true) => {
                            seq += 1;
                            state.seq = seq as u64;
                            changes.push(ChangeRow {
                                seq,
                                device: device_row.clone(),
                                mutation: m.n as i64,
                                kind: m.kind.code(),
                                id: m.id.to_string(),
                                record: rid,
                                fields: serde_json::to_string(&m.set)
                                    .map_err(anyhow::Error::from)?,
                                at: m.at,
                                author: author_row.clone(),
                            });
                            if changed_ids.insert(m.id) {
                                changed.push(m.id);
                            }
                            if !existed {
                                created.insert(m.id);
                            }
                            None
                        }
                        Ok(false) => None,
                        Err(rejection) => {
                            if !existed {
                                cache.remove(&m.id);
                            }
                            Some(rejection)
                        }
                    }
                };
                if let Some(rejection) = refusal {
                    // Rare: written at once, so that a later push of the same device in
                    // this transaction finds it (below).
                    sqlx::query("INSERT OR REPLACE INTO rejections (device, mutation, body) VALUES (?, ?, ?)")
                        .bind(&device_key)
                        .bind(m.n as i64)
                        .bind(serde_json::to_string(&rejection).map_err(anyhow::Error::from)?)
                        .execute(&mut *tx)
                        .await?;
                    rejections.push(rejection);
                }
                done = m.n;
            }
            // A push that repeats mutations already processed gets their rejections again,
            // so that a retried push gets the same answer.
            let first_n = job.mutations.first().map_or(0, |m| m.n);
            if first_n > 0 && first_n <= already {
                let earlier: Vec<String> = sqlx::query_scalar("SELECT body FROM rejections WHERE device = ? AND mutation >= ? AND mutation <= ? ORDER BY mutation")
                    .bind(&device_key)
                    .bind(first_n as i64)
                    .bind(done as i64)
                    .fetch_all(&mut *tx)
                    .await?;
                for body in earlier {
                    let r: Rejection = serde_json::from_str(&body).map_err(anyhow::Error::from)?;
                    if !rejections.iter().any(|x| x.n == r.n) {
                        rejections.push(r);
                    }
                }
                rejections.sort_by_key(|r| r.n);
            }
            if rejections.iter().any(|r| r.n > already) {
                // A retried push is answered from these rows; one never reaches further
                // back than a push's length, so older ones are dropped: the rows one
                // device can leave are bounded.
                sqlx::query("DELETE FROM rejections WHERE device = ? AND mutation <= ?")
                    .bind(&device_key)
                    .bind(done as i64 - KEPT_REJECTIONS)
                    .execute(&mut *tx)
                    .await?;
            }
            last.insert(device, done);
            counters.push((device, done, account.cloned()));
            answers.push(Ok(PushResponse {
                last_applied: done,
                rejections,
            }));
        }
        let (stored, new): (Vec<&Kept>, Vec<&Kept>) = changed
            .iter()
            .filter_map(|id| cache.get(id))
            .partition(|kept| !created.contains(&kept.state.id));
        write_changes_and_records(&mut tx, &changes, now, &new, &stored).await?;
        if seq != start_seq {
            sqlx::query("UPDATE meta SET value = ? WHERE key = 'seq'")
                .bind(seq.to_string())
                .execute(&mut *tx)
                .await?;
        }
        write_counters(&mut tx, &counters, now).await?;
        tx.commit().await?;
        if let Some(c) = changes.last() {
            let digest = change_digest(c.seq, &c.device, c.mutation, now);
            *self.end_digest.write().expect("end digest") = (c.seq as u64, Some(digest));
        }
        self.end.store(seq as u64, Ordering::Release);
        self.commits.fetch_add(1, Ordering::Relaxed);
        written.make_room(cache.len());
        written.records.extend(cache);
        Ok(answers)
    }

    /// The next mutation number the server expects from the device, minus one.
    pub async fn last_mutation(&self, device: DeviceId) -> Result<u64, Error> {
        let last: Option<i64> =
            sqlx::query_scalar("SELECT last_mutation FROM devices WHERE id = ?")
                .bind(device.to_string())
                .fetch_optional(&self.pool)
                .await?;
        Ok(last.unwrap_or(0) as u64)
    }

    /// Records changed after `cursor`, oldest change first, at most `limit`.
    pub async fn pull(&self, cursor: &Cursor, limit: u32) -> Result<PullResponse, Error> {
        let page = self.pull_stored(cursor, limit).await?;
        let records = page
            .states
            .iter()
            .map(|json| {
                serde_json::from_str(json).map_err(|e| {
                    Error::Internal(anyhow::anyhow!("stored record does not parse: {e}"))
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(PullResponse {
            cursor: page.cursor,
            records,
            has_more: page.has_more,
            reset: page.reset,
        })
    }

    /// `pull` as the JSON document the sync endpoint sends (a `PullResponse`), written from
    /// the stored states as they are, like the snapshot: nothing parsed and written again,
    /// and a record is passed on exactly as stored.
    pub async fn pull_json(&self, cursor: &Cursor, limit: u32) -> Result<String, Error> {
        let page = self.pull_stored(cursor, limit).await?;
        let head = serde_json::to_string(&page.cursor).map_err(anyhow::Error::from)?;
        let mut out =
            String::with_capacity(page.states.iter().map(|s| s.len() + 1).sum::<usize>() + 96);
        out.push_str("{\"cursor\":");
        out.push_str(&head);
        out.push_str(",\"records\":[");
        for (i, state) in page.states.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(state);
        }
        out.push_str("],\"has_more\":");
        out.push_str(if page.has_more { "true" } else { "false" });
        out.push_str(",\"reset\":");
        out.push_str(if page.reset { "true" } else { "false" });
        out.push('}');
        Ok(out)
    }

    /// Where `cursor` stands in this database's history: at its end, somewhere in it, or
    /// not in it at all (from another server, or from this one before it was restored
    /// from a backup). A cursor that is not well formed is a bad request.
    pub async fn place(&self, cursor: &Cursor) -> Result<CursorPlace, Error> {
        let Some((server, after, digest)) = cursor.parts_with_digest() else {
            return Err(Error::BadRequest {
                code: ErrorCode::InvalidCursor,
                message: format!("`{}` is not a cursor this server issued.", cursor.0),
            });
        };
        if server != &*self.server_id {
            return Ok(CursorPlace::Foreign);
        }
        {
            let (end, end_digest) = &*self.end_digest.read().expect("end digest");
            if after == *end && digest.is_some() && digest == end_digest.as_deref() {
                // Up to date: the most frequent case, answered without the database.
                return Ok(CursorPlace::AtEnd);
            }
        }
        // A cursor past the end of the change log, or naming another change than the one
        // at its place, was issued by this database before it was restored from a backup:
        // the changes since then are not what the client saw. (A cursor without a digest,
        // from a server before digests, is checked against the end only.)
        if after > last_seq(&self.pool).await? as u64 {
            return Ok(CursorPlace::Foreign);
        }
        if let Some(digest) = digest {
            if digest_at(&self.pool, after as i64).await?.as_deref() != Some(digest) {
                return Ok(CursorPlace::Foreign);
            }
        }
        Ok(CursorPlace::After(after))
    }

    async fn pull_stored(&self, cursor: &Cursor, limit: u32) -> Result<StoredPage, Error> {
        let unchanged = |reset| StoredPage {
            cursor: cursor.clone(),
            states: vec![],
            has_more: false,
            reset,
        };
        let after = match self.place(cursor).await? {
            CursorPlace::Foreign => return Ok(unchanged(true)),
            CursorPlace::AtEnd => return Ok(unchanged(false)),
            CursorPlace::After(after) => after,
        };
        let digest = cursor.parts_with_digest().and_then(|(_, _, d)| d);
        // Each record with the change its `seq` names, whose digest the cursor carries.
        type Row = (String, i64, Option<String>, Option<i64>, Option<i64>);
        let mut rows: Vec<Row> = sqlx::query_as(
            "SELECT r.state, r.seq, c.device, c.mutation, c.received FROM records r \
             LEFT JOIN changes c ON c.seq = r.seq WHERE r.seq > ? ORDER BY r.seq LIMIT ?",
        )
        .bind(after as i64)
        .bind(limit as i64 + 1)
        .fetch_all(&self.pool)
        .await?;
        let has_more = rows.len() > limit as usize;
        rows.truncate(limit as usize);
        let cursor = match rows.last() {
            Some((_, seq, device, mutation, received)) => {
                let digest = match (device, mutation, received) {
                    (Some(d), Some(m), Some(r)) => Some(change_digest(*seq, d, *m, *r)),
                    _ => None,
                };
                Cursor::at(&self.server_id, *seq as u64, digest.as_deref())
            }
            // Nothing new: the cursor stays (given its digest if it came without one).
            None if digest.is_some() => cursor.clone(),
            None => Cursor::at(
                &self.server_id,
                after,
                digest_at(&self.pool, after as i64).await?.as_deref(),
            ),
        };
        Ok(StoredPage {
            cursor,
            states: rows.into_iter().map(|(state, ..)| state).collect(),
            has_more,
            reset: false,
        })
    }

    /// Every record (tombstones included) and the cursor to continue from, read in one
    /// transaction so that they agree.
    pub async fn snapshot(&self) -> Result<Snapshot, Error> {
        let mut tx = self.pool.begin().await?;
        let seq: i64 = last_seq(&mut *tx).await?;
        let rows = sqlx::query("SELECT state, seq FROM records ORDER BY seq")
            .fetch_all(&mut *tx)
            .await?;
        let digest = digest_at(&mut *tx, seq).await?;
        tx.commit().await?;
        Ok(Snapshot {
            cursor: Cursor::at(&self.server_id, seq as u64, digest.as_deref()),
            records: rows.iter().map(row_to_state).collect::<Result<_, _>>()?,
        })
    }

    /// `snapshot()` as the JSON document the sync endpoint sends, written a page of
    /// records at a time from the stored states as they are (each is the JSON of a
    /// `RecordState`, its `seq` included: see `write_records`), so that a request holds
    /// one page in memory, not the catalogue twice, and no transaction stays open while a
    /// slow link takes the body.
    ///
    /// The cursor is read first. A record changed while the pages are read is sent as it
    /// is then (a later state than the cursor's) or as it was: either way its change has a
    /// sequence number after the cursor, so the next pull brings it (again), and merging
    /// it twice changes nothing. Records are never deleted (tombstones), so paging by key
    /// misses none.
    pub async fn snapshot_stream(
        &self,
    ) -> Result<impl futures_util::Stream<Item = Result<String, Error>> + Send + 'static, Error>
    {
        let mut tx = self.pool.begin().await?;
        let seq: i64 = last_seq(&mut *tx).await?;
        let digest = digest_at(&mut *tx, seq).await?;
        tx.commit().await?;
        let cursor =
            serde_json::to_string(&Cursor::at(&self.server_id, seq as u64, digest.as_deref()))
                .map_err(anyhow::Error::from)?;
        let head = format!("{{\"cursor\":{cursor},\"records\":[");
        let pool = self.pool.clone();
        // (the key after which the next page starts, whether a record was written yet);
        // `None` once the document is closed.
        let start = Some((0i64, false));
        let pages = futures_util::stream::try_unfold(start, move |state| {
            let pool = pool.clone();
            async move {
                let Some((after, mut any)) = state else {
                    return Ok(None);
                };
                let rows: Vec<(i64, String)> = sqlx::query_as(
                    "SELECT rid, state FROM records WHERE rid > ? ORDER BY rid LIMIT ?",
                )
                .bind(after)
                .bind(SNAPSHOT_PAGE)
                .fetch_all(&pool)
                .await?;
                let Some(&(last, _)) = rows.last() else {
                    return Ok(Some(("]}".to_owned(), None)));
                };
                let mut out = String::with_capacity(rows.iter().map(|(_, s)| s.len() + 1).sum());
                for (_, state) in &rows {
                    if any {
                        out.push(',');
                    }
                    out.push_str(state);
                    any = true;
                }
                Ok(Some((out, Some((last, any)))))
            }
        });
        Ok(futures_util::stream::once(async move { Ok(head) }).chain(pages))
    }

    /// The live (not deleted) records of one kind.
    pub async fn list(&self, kind: RecordKind) -> Result<Vec<RecordState>, Error> {
        let rows = sqlx::query(
            "SELECT state, seq FROM records WHERE kind = ? AND deleted = 0 ORDER BY seq",
        )
        .bind(kind.code())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(row_to_state).collect()
    }

    pub async fn get(&self, kind: RecordKind, id: Uuid) -> Result<Option<RecordState>, Error> {
        let row = sqlx::query("SELECT state, seq FROM records WHERE kind = ? AND id = ?")
            .bind(kind.code())
            .bind(id.to_string())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(row_to_state).transpose()
    }

    /// Applies one change made by the server itself (a REST call): numbered from the
    /// server's own device counter, through the same path as a push.
    pub async fn apply_server_edit(
        &self,
        kind: RecordKind,
        id: Uuid,
        changes: serde_json::Map<String, serde_json::Value>,
        author: &Author,
    ) -> Result<Option<RecordState>, Error> {
        let device = self.server_device();
        // Held from reading the counter until the push is committed: two edits numbered
        // alike would make the second a "duplicate", skipped without a word.
        let _numbering = self.server_edits.lock().await;
        let current = self.get(kind, id).await?;
        let base = current
            .clone()
            .unwrap_or_else(|| RecordState::new(kind, id));
        let n = self.last_mutation(device).await? + 1;
        let Some(m) = base.edit(n, now_ms(), changes) else {
            return Ok(current);
        };
        let next =
            RecordState::check_mutation(current.as_ref(), device, &m, author.name.as_deref())?;
        if let Some(a) = &author.actor {
            a.check_write(current.as_ref(), &next, &m)
                .map_err(|d| Error::Forbidden(d.message))?;
        }
        let resp = self.push(device, vec![m], author).await?;
        if resp.last_applied != n {
            return Err(Error::Internal(anyhow::anyhow!(
                "server edit {n} was not applied (last applied: {})",
                resp.last_applied
            )));
        }
        if let Some(r) = resp.rejections.into_iter().find(|r| r.n == n) {
            return Err(match r.code.as_str() {
                "forbidden" => Error::Forbidden(r.message),
                _ => Error::Unprocessable {
                    code: ErrorCode::InvalidRecord,
                    message: r.message,
                },
            });
        }
        self.get(kind, id).await
    }

    /// A record's changes, newest first: when, by whom, which fields to what.
    pub async fn history(
        &self,
        kind: RecordKind,
        id: Uuid,
        limit: u32,
    ) -> Result<Vec<HistoryEntry>, Error> {
        let rows = sqlx::query("SELECT c.at, c.received, c.fields, c.device, u.name, u.email FROM changes c LEFT JOIN users u ON u.id = c.author WHERE c.record = (SELECT rid FROM records WHERE kind = ? AND id = ?) ORDER BY c.seq DESC LIMIT ?")
            .bind(kind.code())
            .bind(id.to_string())
            .bind(limit as i64)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                let fields: String = row.try_get("fields")?;
                let device: String = row.try_get("device")?;
                let name: Option<String> = row.try_get("name")?;
                let email: Option<String> = row.try_get("email")?;
                let by = match (name.filter(|n| !n.is_empty()), email) {
                    (Some(name), _) => Some(name),
                    (None, Some(email)) => Some(email),
                    // The server's own device wrote the seed (and edits before accounts).
                    (None, None) if device == *self.server_id => Some("Tradewinds".to_owned()),
                    (None, None) => None,
                };
                Ok(HistoryEntry {
                    at: row.try_get("at")?,
                    received: row.try_get("received")?,
                    by,
                    fields: serde_json::from_str(&fields).map_err(anyhow::Error::from)?,
                })
            })
            .collect()
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Closes the database: nothing more is written, and the file may be replaced.
    pub async fn close(&self) {
        self.pool.close().await;
        self.writer.close().await;
    }
}

/// What a cursor at `seq` carries to name the change there: a restored database has
/// another change at that place (another device, number or time of receipt), so a cursor
/// from before the restore no longer matches however many changes were made since.
pub fn change_digest(seq: i64, device: &str, mutation: i64, received: i64) -> String {
    use sha2::{Digest, Sha256};
    let hash = Sha256::digest(format!("{seq}:{device}:{mutation}:{received}"));
    hash[..6].iter().map(|b| format!("{b:02x}")).collect()
}

/// The digest of the change at `seq` (`None`: no change there, as at 0).
/// The sequence number of the last change committed (`meta.seq`; 0 before any).
async fn last_seq<'e>(db: impl sqlx::SqliteExecutor<'e>) -> Result<i64, Error> {
    Ok(
        sqlx::query_scalar("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'seq'")
            .fetch_one(db)
            .await?,
    )
}

async fn digest_at<'e>(
    db: impl sqlx::SqliteExecutor<'e>,
    seq: i64,
) -> Result<Option<String>, Error> {
    let row: Option<(String, i64, i64)> =
        sqlx::query_as("SELECT device, mutation, received FROM changes WHERE seq = ?")
            .bind(seq)
            .fetch_optional(db)
            .await?;
    Ok(row.map(|(device, mutation, received)| change_digest(seq, &device, mutation, received)))
}

/// Copies the WAL into the database file about once a second while there are commits, so
/// that no writer pays for a checkpoint inside its commit. Passive: it never blocks readers
/// or writers. Ends when the store is dropped or its pool closed.
async fn checkpoints(pool: SqlitePool, commits: Weak<AtomicU64>) {
    let mut done = 0;
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        let Some(count) = commits.upgrade().map(|c| c.load(Ordering::Relaxed)) else {
            return;
        };
        if count == done {
            continue;
        }
        if pool.is_closed() {
            return;
        }
        match sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .execute(&pool)
            .await
        {
            Ok(_) => done = count,
            Err(_) if pool.is_closed() => return,
            Err(e) => tracing::warn!(error = %e, "WAL checkpoint failed; retrying"),
        }
    }
}

/// The row counts of multi-row statements, largest first. Rows are written in chunks of
/// these sizes only (`statement_chunks`), so that every statement the writer runs is one of
/// a few texts, prepared once and kept by the connection's statement cache (sqlx's, 100
/// statements): parsing a statement of hundreds of rows for one use cost more than running
/// it. Each size is a quarter of the one before it, so any number of rows needs at most
/// three statements of each smaller size. (SQLite allows 32,766 bound values per
/// statement: 256 rows of 10 columns is far below.)
const STATEMENT_ROWS: [usize; 5] = [256, 64, 16, 4, 1];

/// `rows` in chunks of the sizes in `STATEMENT_ROWS`, largest first, in order.
fn statement_chunks<T>(mut rows: &[T]) -> impl Iterator<Item = &[T]> {
    std::iter::from_fn(move || {
        let size = STATEMENT_ROWS.into_iter().find(|&n| n <= rows.len())?;
        let (chunk, rest) = rows.split_at(size);
        rows = rest;
        Some(chunk)
    })
}

/// Rejections kept per device (its latest mutation numbers): at least a push's length, so
/// that a retried push always gets the same answer.
const KEPT_REJECTIONS: i64 = MAX_PUSH_MUTATIONS as i64;

/// At most this many devices belong to one account. A device is a browser profile, and
/// a new one is taken after a server restore or when people take turns on one browser:
/// a person reaches a few dozen in years. The bound stops one account from filling the
/// devices table.
pub const MAX_DEVICES_PER_ACCOUNT: i64 = 500;

/// Checks that `account` may push under `device`, claiming the device for it if nobody
/// has yet. `Ok(Err(..))` is the refusal to answer (nothing is written for that push); the
/// answer never says anything about the device's counter.
async fn claim_device(
    tx: &mut sqlx::SqliteConnection,
    owners: &mut HashMap<DeviceId, Option<Arc<str>>>,
    claimed: &mut HashMap<Arc<str>, i64>,
    device: DeviceId,
    account: &Arc<str>,
) -> Result<Result<(), Error>, Error> {
    match owners.get(&device) {
        Some(Some(owner)) if owner == account => return Ok(Ok(())),
        Some(Some(_)) => {
            return Ok(Err(Error::Denied {
                code: ErrorCode::DeviceNotYours,
                message: "This device id belongs to another account: changes are accepted only from the account that first sent under it. The app continues as a new device of yours.".into(),
            }))
        }
        // Known, but only from before accounts: the first account to use it takes it.
        Some(None) => {}
        None => {
            let has: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM devices WHERE account = ?")
                .bind(&**account)
                .fetch_one(&mut *tx)
                .await?;
            let this_turn = claimed.entry(account.clone()).or_insert(0);
            if has + *this_turn >= MAX_DEVICES_PER_ACCOUNT {
                return Ok(Err(Error::Denied {
                    code: ErrorCode::TooManyDevices,
                    message: format!("This account already syncs from {MAX_DEVICES_PER_ACCOUNT} devices, the most one account may have; ask an administrator."),
                }));
            }
            *this_turn += 1;
        }
    }
    owners.insert(device, Some(account.clone()));
    Ok(Ok(()))
}

/// Each device's last processed mutation number (absent: none yet) and its account
/// (`None`: not claimed yet).
type Counters = (HashMap<DeviceId, u64>, HashMap<DeviceId, Option<Arc<str>>>);

async fn load_counters(
    tx: &mut sqlx::SqliteConnection,
    devices: impl Iterator<Item = DeviceId>,
) -> Result<Counters, Error> {
    let keys: Vec<String> = devices
        .collect::<HashSet<_>>()
        .iter()
        .map(Uuid::to_string)
        .collect();
    let mut out = HashMap::new();
    let mut owners = HashMap::new();
    for chunk in statement_chunks(&keys) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "SELECT id, last_mutation, account FROM devices WHERE id IN (",
        );
        let mut list = q.separated(", ");
        for key in chunk {
            list.push_bind(key);
        }
        q.push(")");
        for row in q.build().fetch_all(&mut *tx).await? {
            let id: String = row.try_get("id")?;
            let last: i64 = row.try_get("last_mutation")?;
            let account: Option<String> = row.try_get("account")?;
            if let Ok(id) = Uuid::parse_str(&id) {
                out.insert(id, last as u64);
                owners.insert(id, account.map(Arc::from));
            }
        }
    }
    Ok((out, owners))
}

/// The stored records with these ids, whatever their kind.
async fn load_records(
    tx: &mut sqlx::SqliteConnection,
    ids: &HashSet<Uuid>,
) -> Result<HashMap<Uuid, Kept>, Error> {
    let keys: Vec<String> = ids.iter().map(Uuid::to_string).collect();
    let mut out = HashMap::with_capacity(keys.len());
    for chunk in statement_chunks(&keys) {
        let mut q =
            QueryBuilder::<Sqlite>::new("SELECT rid, state, seq FROM records WHERE id IN (");
        let mut list = q.separated(", ");
        for key in chunk {
            list.push_bind(key);
        }
        q.push(")");
        for row in q.build().fetch_all(&mut *tx).await? {
            let state = row_to_state(&row)?;
            let rid: i64 = row.try_get("rid")?;
            out.insert(state.id, Kept { rid, state });
        }
    }
    Ok(out)
}

/// `VALUES` rows of records with their JSON: rid, kind, id, seq, deleted, state.
fn push_record_rows<'q>(q: &mut QueryBuilder<'q, Sqlite>, rows: &'q [(&Kept, String)]) {
    q.push_values(rows, |mut row, (kept, json)| {
        let state = &kept.state;
        row.push_bind(kept.rid)
            .push_bind(state.kind.code())
            .push_bind(state.id.to_string())
            .push_bind(state.seq as i64)
            .push_bind(state.is_deleted())
            .push_bind(json.as_str());
    });
}

/// Record states with their JSON, for one statement: the stored JSON is the whole state,
/// `seq` included, so that it can be sent as it is (`Store::snapshot_json`).
struct RecordRows<'a> {
    /// Rows the records table already has (updated, found by their key), or new ones
    /// (inserted with their key).
    stored: bool,
    rows: Vec<(&'a Kept, String)>,
}

impl<'a> RecordRows<'a> {
    fn of(stored: bool, records: &[&'a Kept]) -> Result<Self, Error> {
        let rows = records
            .iter()
            .map(|k| Ok((*k, state_json(&k.state)?)))
            .collect::<Result<_, Error>>()?;
        Ok(RecordRows { stored, rows })
    }

    /// Writes the rows in one statement.
    ///
    /// The statements are `OR FAIL`: a multi-row statement that could abort halfway makes
    /// SQLite copy every page it touches into a statement journal first, so that it can undo
    /// only itself; here any error rolls the whole transaction back anyway. (An upsert
    /// always aborts, so it is not used.) An update that finds fewer rows than it was given
    /// (a key missing, or holding another record) fails the transaction too: the records
    /// kept in memory did not match the file.
    async fn write(&self, tx: &mut sqlx::SqliteConnection) -> Result<(), Error> {
        let chunk = &self.rows;
        if !self.stored {
            let mut q = QueryBuilder::<Sqlite>::new(
                "INSERT OR FAIL INTO records (rid, kind, id, seq, deleted, state) ",
            );
            push_record_rows(&mut q, chunk);
            q.build().execute(&mut *tx).await?;
            return Ok(());
        }
        let mut q = QueryBuilder::<Sqlite>::new(
            "UPDATE OR FAIL records SET seq = v.column4, deleted = v.column5, state = v.column6 FROM (",
        );
        push_record_rows(&mut q, chunk);
        q.push(") AS v WHERE records.rid = v.column1 AND records.id = v.column3");
        let done = q.build().execute(&mut *tx).await?.rows_affected();
        if done != chunk.len() as u64 {
            return Err(Error::Internal(anyhow::anyhow!(
                "{} of {} records to update are not in the database",
                chunk.len() as u64 - done.min(chunk.len() as u64),
                chunk.len()
            )));
        }
        Ok(())
    }
}

/// Writes the change log, then the records (`new` inserted, `stored` updated), a statement at
/// a time; each statement's records are serialised while the statement before it runs.
async fn write_changes_and_records(
    tx: &mut sqlx::SqliteConnection,
    changes: &[ChangeRow],
    now: i64,
    new: &[&Kept],
    stored: &[&Kept],
) -> Result<(), Error> {
    let mut chunks = statement_chunks(new)
        .map(|c| (false, c))
        .chain(statement_chunks(stored).map(|c| (true, c)));
    let mut serialise_next = || {
        chunks
            .next()
            .map(|(stored, records)| RecordRows::of(stored, records))
            .transpose()
    };
    let (done, mut next) = overlapped(write_changes(tx, changes, now), &mut serialise_next).await;
    done?;
    while let Some(rows) = next? {
        let (done, following) = overlapped(rows.write(tx), &mut serialise_next).await;
        done?;
        next = following;
    }
    Ok(())
}

/// Runs `statement` to its end and `meanwhile` here, at the same time: the statement's first
/// poll hands it to the connection's own thread (sqlx runs SQLite there), so the work of
/// `meanwhile` no longer waits for the database nor the database for it.
async fn overlapped<R, T>(
    statement: impl Future<Output = R>,
    meanwhile: impl FnOnce() -> T,
) -> (R, T) {
    let mut statement = std::pin::pin!(statement);
    let first = std::future::poll_fn(|cx| Poll::Ready(statement.as_mut().poll(cx))).await;
    let done = meanwhile();
    let result = match first {
        Poll::Ready(result) => result,
        Poll::Pending => statement.await,
    };
    (result, done)
}

/// A record state's JSON, written into a buffer sized for a whole record at once rather than
/// one grown (and copied) a few times per record.
fn state_json(state: &RecordState) -> Result<String, Error> {
    let mut buf = Vec::with_capacity(4096);
    serde_json::to_writer(&mut buf, state).map_err(anyhow::Error::from)?;
    Ok(String::from_utf8(buf).map_err(anyhow::Error::from)?)
}

/// A row of `changes` (the record history).
struct ChangeRow {
    seq: i64,
    device: Arc<str>,
    mutation: i64,
    kind: &'static str,
    id: String,
    /// The record's key (`records.rid`).
    record: i64,
    fields: String,
    at: i64,
    /// The account that made it (`None`: the server itself).
    author: Option<Arc<str>>,
}

async fn write_changes(
    tx: &mut sqlx::SqliteConnection,
    changes: &[ChangeRow],
    received: i64,
) -> Result<(), Error> {
    for chunk in statement_chunks(changes) {
        let mut q = QueryBuilder::<Sqlite>::new(
            // `OR FAIL`: no statement journal (see `write_records`).
            "INSERT OR FAIL INTO changes (seq, device, mutation, kind, id, record, fields, at, received, author) ",
        );
        q.push_values(chunk, |mut row, c| {
            row.push_bind(c.seq)
                .push_bind(&*c.device)
                .push_bind(c.mutation)
                .push_bind(c.kind)
                .push_bind(c.id.as_str())
                .push_bind(c.record)
                .push_bind(c.fields.as_str())
                .push_bind(c.at)
                .push_bind(received)
                .push_bind(c.author.as_deref());
        });
        q.build().execute(&mut *tx).await?;
    }
    Ok(())
}

/// Devices' last processed mutation numbers and the accounts pushing under them (`None`:
/// the server itself); a device that comes twice keeps its last number. A device keeps
/// the account it has (`claim_device` checked it is this one).
async fn write_counters(
    tx: &mut sqlx::SqliteConnection,
    counters: &[(DeviceId, u64, Option<Arc<str>>)],
    now: i64,
) -> Result<(), Error> {
    let mut last: HashMap<DeviceId, (u64, Option<Arc<str>>)> = HashMap::new();
    for (device, n, account) in counters {
        last.insert(*device, (*n, account.clone()));
    }
    let rows: Vec<(String, i64, Option<Arc<str>>)> = last
        .into_iter()
        .map(|(d, (n, account))| (d.to_string(), n as i64, account))
        .collect();
    for chunk in statement_chunks(&rows) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO devices (id, last_mutation, first_seen, last_seen, account) ",
        );
        q.push_values(chunk, |mut row, (id, n, account)| {
            row.push_bind(id.as_str())
                .push_bind(*n)
                .push_bind(now)
                .push_bind(now)
                .push_bind(account.as_deref());
        });
        q.push(" ON CONFLICT (id) DO UPDATE SET last_mutation = excluded.last_mutation, last_seen = excluded.last_seen, account = COALESCE(devices.account, excluded.account)");
        q.build().execute(&mut *tx).await?;
    }
    Ok(())
}

fn row_to_state(row: &sqlx::sqlite::SqliteRow) -> Result<RecordState, Error> {
    let json: String = row.try_get("state")?;
    let seq: i64 = row.try_get("seq")?;
    let mut state: RecordState = serde_json::from_str(&json)
        .map_err(|e| Error::Internal(anyhow::anyhow!("stored record does not parse: {e}")))?;
    state.seq = seq as u64;
    Ok(state)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Map, Value};

    fn org(name: &str) -> Map<String, Value> {
        match json!({
            "name": name,
            "acronym": "OECS",
            "category": "regional_body",
            "country": "LC",
            "website": "https://www.oecs.org",
            "languages": ["en", "fr"],
        }) {
            Value::Object(map) => map,
            _ => unreachable!(),
        }
    }

    /// A database written before migration 0003 (records keyed by kind and text id, the
    /// change log's index on them) keeps its records and their history, and takes pushes
    /// to old and new records after it.
    /// Every row in order, exactly once, in as few statements of the prepared sizes as the
    /// count allows.
    #[test]
    fn rows_are_written_in_statements_of_a_few_sizes() {
        for n in [0, 1, 3, 4, 5, 63, 64, 255, 256, 257, 1600, 2047] {
            let rows: Vec<usize> = (0..n).collect();
            let chunks: Vec<&[usize]> = statement_chunks(&rows).collect();
            assert_eq!(chunks.concat(), rows, "{n} rows");
            let sizes: Vec<usize> = chunks.iter().map(|c| c.len()).collect();
            assert!(
                sizes.iter().all(|s| STATEMENT_ROWS.contains(s)),
                "{n}: {sizes:?}"
            );
            assert!(sizes.is_sorted_by(|a, b| a >= b), "{n}: {sizes:?}");
            for small in &STATEMENT_ROWS[1..] {
                let count = sizes.iter().filter(|s| *s == small).count();
                assert!(count <= 3, "{n}: {sizes:?}");
            }
        }
        let sizes =
            |n: usize| -> Vec<usize> { statement_chunks(&vec![(); n]).map(<[()]>::len).collect() };
        assert_eq!(sizes(1600), [256, 256, 256, 256, 256, 256, 64]);
        assert_eq!(sizes(87), [64, 16, 4, 1, 1, 1]);
    }

    #[tokio::test]
    async fn a_database_from_before_integer_keys_migrates() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("old.db").display());
        let kind = RecordKind::Organisation;
        let device = Uuid::from_bytes([7; 16]);
        let (a, b) = (Uuid::from_bytes([1; 16]), Uuid::from_bytes([2; 16]));
        // Three changes written as the code before 0003 wrote them: `a` created and then
        // renamed, `b` created.
        let mut states = HashMap::new();
        let mut rows = Vec::new();
        for (n, (id, fields)) in [
            (a, org("First")),
            (a, Map::from_iter([("name".to_owned(), json!("Renamed"))])),
            (b, org("Second")),
        ]
        .into_iter()
        .enumerate()
        {
            let n = n as u64 + 1;
            let state = states
                .entry(id)
                .or_insert_with(|| RecordState::new(kind, id));
            let m = state.edit(n, 1_000 + n as i64, fields).unwrap();
            state.apply(device, &m, Some("Ana"));
            state.seq = n;
            rows.push((n, m, state_json(state).unwrap()));
        }
        {
            let options = SqliteConnectOptions::from_str(&url)
                .unwrap()
                .create_if_missing(true);
            let pool = SqlitePoolOptions::new()
                .max_connections(1)
                .connect_with(options)
                .await
                .unwrap();
            let mut migrator = sqlx::migrate!("./migrations");
            migrator.migrations = migrator
                .migrations
                .iter()
                .filter(|m| m.version < 3)
                .cloned()
                .collect::<Vec<_>>()
                .into();
            migrator.run(&pool).await.unwrap();
            for (n, m, json) in &rows {
                sqlx::query("INSERT INTO changes (seq, device, mutation, kind, id, fields, at, received) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(*n as i64)
                    .bind(device.to_string())
                    .bind(*n as i64)
                    .bind(kind.code())
                    .bind(m.id.to_string())
                    .bind(serde_json::to_string(&m.set).unwrap())
                    .bind(m.at)
                    .bind(m.at)
                    .execute(&pool)
                    .await
                    .unwrap();
                sqlx::query("INSERT OR REPLACE INTO records (kind, id, seq, deleted, state) VALUES (?, ?, ?, 0, ?)")
                    .bind(kind.code())
                    .bind(m.id.to_string())
                    .bind(*n as i64)
                    .bind(json)
                    .execute(&pool)
                    .await
                    .unwrap();
            }
            sqlx::query("INSERT INTO meta (key, value) VALUES ('server_id', ?), ('seq', '3')")
                .bind(Uuid::new_v4().to_string())
                .execute(&pool)
                .await
                .unwrap();
            sqlx::query("INSERT INTO devices (id, last_mutation, first_seen, last_seen) VALUES (?, 3, 0, 0)")
                .bind(device.to_string())
                .execute(&pool)
                .await
                .unwrap();
            pool.close().await;
        }

        let store = Store::open(&url).await.unwrap();
        assert_eq!(store.get(kind, a).await.unwrap().as_ref(), states.get(&a));
        assert_eq!(store.get(kind, b).await.unwrap().as_ref(), states.get(&b));
        let history = store.history(kind, a, 10).await.unwrap();
        let names: Vec<_> = history.iter().map(|h| h.fields["name"].clone()).collect();
        assert_eq!(names, [json!("Renamed"), json!("First")]);
        assert_eq!(store.history(kind, b, 10).await.unwrap().len(), 1);

        // Pushes after the migration: a change to an old record, a new record.
        let c = Uuid::from_bytes([3; 16]);
        let edit = states[&a]
            .edit(
                4,
                2_000,
                Map::from_iter([("name".to_owned(), json!("Third name"))]),
            )
            .unwrap();
        let create = RecordState::new(kind, c)
            .edit(5, 2_001, org("New"))
            .unwrap();
        let resp = store
            .push(device, vec![edit, create], &Author::server("Ana"))
            .await
            .unwrap();
        assert_eq!(resp.last_applied, 5);
        assert!(resp.rejections.is_empty());
        let history = store.history(kind, a, 10).await.unwrap();
        assert_eq!(history.len(), 3);
        assert_eq!(history[0].fields["name"], json!("Third name"));
        assert_eq!(store.history(kind, c, 10).await.unwrap().len(), 1);
        assert_eq!(store.history(kind, b, 10).await.unwrap().len(), 1);
        let snapshot = store.snapshot().await.unwrap();
        let order: Vec<_> = snapshot.records.iter().map(|r| (r.id, r.seq)).collect();
        assert_eq!(order, [(b, 3), (a, 4), (c, 5)]);
        let keys: Vec<(i64, String)> = sqlx::query_as("SELECT rid, id FROM records ORDER BY rid")
            .fetch_all(store.pool())
            .await
            .unwrap();
        let ids: Vec<_> = keys.iter().map(|(_, id)| id.clone()).collect();
        assert_eq!(ids, [a.to_string(), b.to_string(), c.to_string()]);
        let unkeyed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM changes WHERE record IS NULL")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(unkeyed, 0);
    }
}
