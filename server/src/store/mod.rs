//! The server's database: records as merged field states, the change log, each device's
//! mutation counter. Every push is applied in one transaction that also records the
//! device's last processed mutation, so a crash can neither lose an acknowledged mutation
//! nor apply one twice.
//!
//! `store` owns the SQL of its tables (`records`, `changes`, `devices`, `rejections`,
//! `meta`) and the migrations; `accounts` queries its own tables (`users`, `sessions`,
//! `throttle`) on the same pool (`Store::pool`). By job:
//!
//! - `queue`: group commit (`Store::push` and the writing turns);
//! - `apply`: a turn's transaction, and what one mutation does to its record;
//! - `cache`: the records the writer keeps parsed between turns, and why that is safe;
//! - `sql`: the batched statements a turn reads and writes with;
//! - `devices`: whose each device is, and its counter;
//! - `read`: pulls, snapshots, records and their history;
//! - `bootstrap`: the generations a new device downloads, page by page;
//! - `housekeeping`: WAL checkpoints, the bound on kept rejections;
//! - `backup`: `tradewinds backup` and `restore` (SQLite);
//! - `copy`: `tradewinds migrate`, and `copy` from one database to another.

mod apply;
pub mod backup;
pub mod bootstrap;
mod cache;
pub mod copy;
mod devices;
pub mod health;
mod housekeeping;
mod queue;
mod read;
mod sql;

use std::collections::VecDeque;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::db::{self, Backend, Pool};
use anyhow::Context;
use tokio::sync::Mutex;
use tradewinds_shared::sync::{carried, DeviceId};
use uuid::Uuid;

pub use devices::MAX_DEVICES_PER_ACCOUNT;
pub(crate) use read::live_record_exists;
pub use read::{change_digest, CursorPlace};

use cache::Written;
use housekeeping::checkpoints;
use queue::QueuedPush;
use sql::{digest_at, last_seq};

#[derive(Clone)]
pub struct Store {
    pool: Pool,
    /// The one connection pushes are written on. SQLite has one writer anyway, and a
    /// connection keeps its page cache only while no other connection writes: with writes
    /// spread over the pool, every push began by reading its pages again. (On PostgreSQL,
    /// each instance's writer takes the change log's lock for its turn: `db::lock`.)
    writer: Pool,
    backend: Backend,
    /// Taken for each writing turn (see `push`), so that pushes are written in turn; holds
    /// what the writer keeps between turns.
    write: Arc<Mutex<Written>>,
    /// Pushes waiting for the writer (see `push`).
    queue: Arc<std::sync::Mutex<VecDeque<QueuedPush>>>,
    /// Serialises the server's own edits (see `apply_server_edit`).
    server_edits: Arc<Mutex<()>>,
    server_id: Arc<str>,
    /// The end of the change log (`meta.seq`) as far as this store knows: its own commits
    /// and other processes' (`cache::follow_other_writers`) move it forward. A pull that is
    /// already there is answered without reading the database.
    end: Arc<AtomicU64>,
    /// The end of the change log when this store's last writing turn committed (or it was
    /// opened): the records cache is exact as of it (see `cache`).
    committed: Arc<AtomicU64>,
    /// The digest of the change at the end of the log, as of this store's last commit
    /// (`None` while the log is empty): the up-to-date pull checks a cursor against it.
    end_digest: Arc<std::sync::RwLock<(u64, Option<String>)>>,
    /// Commits since the last checkpoint (see `housekeeping::checkpoints`).
    commits: Arc<AtomicU64>,
    /// Held while this store makes a bootstrap generation (see `bootstrap`).
    making: bootstrap::Making,
    /// How pushed mutations turned out (see `health`).
    mutations: Arc<health::MutationCounts>,
    /// The secret changes files are sealed under (`meta.seal_secret`, made on first start;
    /// see `seal_key`).
    seal_secret: Arc<[u8]>,
}

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

impl Store {
    /// Opens (creating if missing) the database at `url` and applies pending migrations.
    pub async fn open(url: &str) -> anyhow::Result<Store> {
        let (pool, backend) = db::connect(url, 8, false).await?;
        backend
            .migrator()
            .run(&pool)
            .await
            .context("cannot apply database migrations")?;
        let fresh = Uuid::new_v4().to_string();
        let mut secret = [0u8; 32];
        getrandom::getrandom(&mut secret).context("no randomness for the sealing secret")?;
        sqlx::query(
            "INSERT INTO meta (key, value) VALUES ('server_id', $1), ('seq', '0'), ('seal_secret', $2) \
             ON CONFLICT (key) DO NOTHING",
        )
        .bind(&fresh)
        .bind(carried::to_hex(&secret))
        .execute(&pool)
        .await?;
        let seal_secret: String =
            sqlx::query_scalar("SELECT value FROM meta WHERE key = 'seal_secret'")
                .fetch_one(&pool)
                .await?;
        let seal_secret = carried::from_hex(&seal_secret)
            .context("the database's sealing secret (meta.seal_secret) is not hex")?;
        let server_id: String =
            sqlx::query_scalar("SELECT value FROM meta WHERE key = 'server_id'")
                .fetch_one(&pool)
                .await?;
        // A generation made under another identity (before `tradewinds restore`) is never
        // served.
        bootstrap::discard_foreign(&pool, &server_id).await?;
        let end: i64 = last_seq(&pool).await?;
        let end_digest = digest_at(&pool, end).await?;
        let (writer, _) = db::connect(url, 1, true).await?;
        let store = Store {
            pool,
            writer,
            backend,
            write: Arc::new(Mutex::new(Written::default())),
            queue: Arc::default(),
            server_edits: Arc::new(Mutex::new(())),
            server_id: server_id.into(),
            end: Arc::new(AtomicU64::new(end as u64)),
            committed: Arc::new(AtomicU64::new(end as u64)),
            end_digest: Arc::new(std::sync::RwLock::new((end as u64, end_digest))),
            commits: Arc::default(),
            making: Arc::default(),
            mutations: Arc::default(),
            seal_secret: seal_secret.into(),
        };
        if backend == Backend::Sqlite {
            tokio::spawn(checkpoints(
                store.pool.clone(),
                Arc::downgrade(&store.commits),
            ));
        }
        tokio::spawn(cache::follow_other_writers(cache::Followed {
            pool: store.pool.clone(),
            url: url.to_owned(),
            end: Arc::downgrade(&store.end),
            end_digest: Arc::downgrade(&store.end_digest),
        }));
        Ok(store)
    }

    /// This database's identity, part of every cursor.
    pub fn server_id(&self) -> &str {
        &self.server_id
    }

    /// The key that seals the changes files of `account` made on `device`
    /// (`tradewinds_shared::sync::carried`): derived, never stored.
    pub fn seal_key(&self, account: Uuid, device: DeviceId, generation: u64) -> [u8; 32] {
        carried::seal_key(&self.seal_secret, account, device, generation)
    }

    /// The device id the server uses for its own writes (REST calls, seeding).
    pub fn server_device(&self) -> DeviceId {
        Uuid::parse_str(&self.server_id).unwrap_or_default()
    }

    /// The shared connection pool (pushes are written on a connection of their own). Outside
    /// `store`, only `accounts` queries it, and only its own tables (`users`, `sessions`,
    /// `throttle`); this store's tables are queried only in `store`.
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// Which database this store stands on.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Closes the database: nothing more is written, and the file may be replaced.
    pub async fn close(&self) {
        self.pool.close().await;
        self.writer.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::sql::state_json;
    use super::*;
    use crate::accounts::Author;
    use serde_json::{json, Map, Value};
    use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
    use std::collections::HashMap;
    use std::str::FromStr;
    use tradewinds_shared::sync::RecordState;
    use tradewinds_shared::RecordKind;

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
            let mut migrator = sqlx::migrate!("./migrations/sqlite");
            migrator.migrations = migrator
                .migrations
                .iter()
                .filter(|m| m.version < 3)
                .cloned()
                .collect::<Vec<_>>()
                .into();
            migrator.run(&pool).await.unwrap();
            for (n, m, json) in &rows {
                sqlx::query("INSERT INTO changes (seq, device, mutation, kind, id, fields, at, received) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
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
                sqlx::query("INSERT OR REPLACE INTO records (kind, id, seq, deleted, state) VALUES ($1, $2, $3, 0, $4)")
                    .bind(kind.code())
                    .bind(m.id.to_string())
                    .bind(*n as i64)
                    .bind(json)
                    .execute(&pool)
                    .await
                    .unwrap();
            }
            sqlx::query("INSERT INTO meta (key, value) VALUES ('server_id', $1), ('seq', '3')")
                .bind(Uuid::new_v4().to_string())
                .execute(&pool)
                .await
                .unwrap();
            sqlx::query("INSERT INTO devices (id, last_mutation, first_seen, last_seen) VALUES ($1, 3, 0, 0)")
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
