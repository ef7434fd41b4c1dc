//! The server's database: records as merged field states, the change log, each device's
//! mutation counter. Every push is applied in one transaction that also records the
//! device's last processed mutation, so a crash can neither lose an acknowledged mutation
//! nor apply one twice.

use std::collections::{hash_map::Entry, HashMap};
use std::str::FromStr;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::Context;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Row, SqlitePool};
use tokio::sync::Mutex;
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
        code: "forbidden".into(),
        message: format!("Not allowed: {}", denied.message),
        fields,
    }
}

#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
    /// SQLite has one writer; taking this lock first keeps writers from failing on busy.
    write: Arc<Mutex<()>>,
    /// Serialises the server's own edits (see `apply_server_edit`).
    server_edits: Arc<Mutex<()>>,
    server_id: Arc<str>,
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
        let options = SqliteConnectOptions::from_str(url)
            .with_context(|| format!("`{url}` is not a SQLite database URL (sqlite://PATH)"))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(std::time::Duration::from_secs(10))
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
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
        Ok(Store {
            pool,
            write: Arc::new(Mutex::new(())),
            server_edits: Arc::new(Mutex::new(())),
            server_id: server_id.into(),
        })
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
    /// `author` is who pushes; a mutation they may not make is rejected as `forbidden`,
    /// like an invalid one.
    pub async fn push(
        &self,
        device: DeviceId,
        mutations: &[Mutation],
        author: &Author,
    ) -> Result<PushResponse, Error> {
        let by = author.name.as_deref();
        if mutations.len() > MAX_PUSH_MUTATIONS {
            return Err(Error::Unprocessable {
                code: "too_many_mutations",
                message: format!(
                    "At most {MAX_PUSH_MUTATIONS} mutations per push (got {}).",
                    mutations.len()
                ),
            });
        }
        if let Some(w) = mutations.windows(2).find(|w| w[1].n != w[0].n + 1) {
            return Err(Error::Unprocessable {
                code: "mutations_not_consecutive",
                message: format!(
                    "Mutations must be numbered consecutively; {} is followed by {}.",
                    w[0].n, w[1].n
                ),
            });
        }
        if mutations.first().is_some_and(|m| m.n == 0) {
            return Err(Error::Unprocessable {
                code: "invalid_mutation_number",
                message: "Mutation numbers start at 1.".into(),
            });
        }
        let _guard = self.write.lock().await;
        let mut tx = self.pool.begin().await?;
        let device_key = device.to_string();
        let last: i64 = sqlx::query_scalar("SELECT last_mutation FROM devices WHERE id = ?")
            .bind(&device_key)
            .fetch_optional(&mut *tx)
            .await?
            .unwrap_or(0);
        let mut last = last as u64;
        if let Some(first) = mutations.first() {
            if first.n > last + 1 {
                return Err(Error::Conflict {
                    code: "mutation_gap",
                    message: format!("This device's next mutation is {}, but the push starts at {}: send the missing ones first.", last + 1, first.n),
                });
            }
        }
        let mut seq: i64 =
            sqlx::query_scalar("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'seq'")
                .fetch_one(&mut *tx)
                .await?;
        let now = now_ms();
        // By id alone, like the records table's unique index: ids are unique across kinds,
        // so a mutation of another kind must meet the record this batch already wrote.
        let mut cache: HashMap<Uuid, Option<RecordState>> = HashMap::new();
        let mut rejections = Vec::new();
        let first_n = mutations.first().map_or(0, |m| m.n);
        let already = last;
        for m in mutations.iter().filter(|m| m.n > already) {
            let key = m.id;
            if let Entry::Vacant(slot) = cache.entry(key) {
                slot.insert(load_record_any_kind(&mut tx, m.id).await?);
            }
            let current = cache.get(&key).and_then(Option::as_ref);
            let outcome = if m.at > now + MAX_FUTURE_SKEW_MS {
                Err(Rejection {
                    n: m.n,
                    code: "clock_in_future".into(),
                    message: "The device's clock is more than a day ahead of the server; correct the date and time, then resubmit.".into(),
                    fields: vec![],
                })
            } else {
                RecordState::check_mutation(current, device, m, by)
                    .map_err(|e| Rejection {
                        n: m.n,
                        code: "invalid_record".into(),
                        message: format!("The change was refused: {e}"),
                        fields: e.0,
                    })
                    .and_then(|next| match &author.actor {
                        Some(a) => a
                            .check_write(current, &next, m)
                            .map(|()| next)
                            .map_err(|d| forbidden(m.n, d)),
                        None => Ok(next),
                    })
            };
            match outcome {
                Ok(mut next) if Some(&next) != current => {
                    seq += 1;
                    next.seq = seq as u64;
                    write_record(&mut tx, &next).await?;
                    sqlx::query("INSERT INTO changes (seq, device, mutation, kind, id, fields, at, received, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .bind(seq)
                        .bind(&device_key)
                        .bind(m.n as i64)
                        .bind(m.kind.code())
                        .bind(m.id.to_string())
                        .bind(serde_json::Value::Object(m.set.clone()).to_string())
                        .bind(m.at)
                        .bind(now)
                        .bind(author.actor.as_ref().map(|a| a.user.to_string()))
                        .execute(&mut *tx)
                        .await?;
                    cache.insert(key, Some(next));
                }
                Ok(_) => {}
                Err(rejection) => {
                    sqlx::query("INSERT OR REPLACE INTO rejections (device, mutation, body) VALUES (?, ?, ?)")
                        .bind(&device_key)
                        .bind(m.n as i64)
                        .bind(serde_json::to_string(&rejection).map_err(anyhow::Error::from)?)
                        .execute(&mut *tx)
                        .await?;
                    rejections.push(rejection);
                }
            }
            last = m.n;
        }
        // Rejections of duplicates in this batch, so that a retried push gets the same answer.
        if first_n > 0 && first_n <= last {
            let earlier: Vec<String> = sqlx::query_scalar("SELECT body FROM rejections WHERE device = ? AND mutation >= ? AND mutation <= ? ORDER BY mutation")
                .bind(&device_key)
                .bind(first_n as i64)
                .bind(last as i64)
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
        sqlx::query("UPDATE meta SET value = ? WHERE key = 'seq'")
            .bind(seq.to_string())
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO devices (id, last_mutation, first_seen, last_seen) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET last_mutation = excluded.last_mutation, last_seen = excluded.last_seen")
            .bind(&device_key)
            .bind(last as i64)
            .bind(now)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(PushResponse {
            last_applied: last,
            rejections,
        })
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
        let Some((server, after)) = cursor.parts() else {
            return Err(Error::BadRequest {
                code: "invalid_cursor",
                message: format!("`{}` is not a cursor this server issued.", cursor.0),
            });
        };
        // A cursor past the end of the change log was issued by this database before it was
        // restored from a backup: the changes since then are not what the client saw.
        let end: i64 =
            sqlx::query_scalar("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'seq'")
                .fetch_one(&self.pool)
                .await?;
        if server != &*self.server_id || after > end as u64 {
            return Ok(PullResponse {
                cursor: cursor.clone(),
                records: vec![],
                has_more: false,
                reset: true,
            });
        }
        let rows = sqlx::query("SELECT state, seq FROM records WHERE seq > ? ORDER BY seq LIMIT ?")
            .bind(after as i64)
            .bind(limit as i64 + 1)
            .fetch_all(&self.pool)
            .await?;
        let has_more = rows.len() > limit as usize;
        let records = rows
            .iter()
            .take(limit as usize)
            .map(row_to_state)
            .collect::<Result<Vec<_>, _>>()?;
        let last = records.last().map_or(after, |r| r.seq);
        Ok(PullResponse {
            cursor: Cursor::new(&self.server_id, last),
            records,
            has_more,
            reset: false,
        })
    }

    /// Every record (tombstones included) and the cursor to continue from, read in one
    /// transaction so that they agree.
    pub async fn snapshot(&self) -> Result<Snapshot, Error> {
        let mut tx = self.pool.begin().await?;
        let seq: i64 =
            sqlx::query_scalar("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'seq'")
                .fetch_one(&mut *tx)
                .await?;
        let rows = sqlx::query("SELECT state, seq FROM records ORDER BY seq")
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Snapshot {
            cursor: Cursor::new(&self.server_id, seq as u64),
            records: rows.iter().map(row_to_state).collect::<Result<_, _>>()?,
        })
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
        let resp = self.push(device, std::slice::from_ref(&m), author).await?;
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
                    code: "invalid_record",
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
        let rows = sqlx::query("SELECT c.at, c.received, c.fields, c.device, u.name, u.email FROM changes c LEFT JOIN users u ON u.id = c.author WHERE c.kind = ? AND c.id = ? ORDER BY c.seq DESC LIMIT ?")
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
}

async fn load_record_any_kind(
    tx: &mut sqlx::SqliteConnection,
    id: Uuid,
) -> Result<Option<RecordState>, Error> {
    let row = sqlx::query("SELECT state, seq FROM records WHERE id = ?")
        .bind(id.to_string())
        .fetch_optional(&mut *tx)
        .await?;
    row.as_ref().map(row_to_state).transpose()
}

async fn write_record(tx: &mut sqlx::SqliteConnection, state: &RecordState) -> Result<(), Error> {
    let json = serde_json::to_string(state).map_err(anyhow::Error::from)?;
    sqlx::query("INSERT INTO records (kind, id, seq, deleted, state) VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, state = excluded.state")
        .bind(state.kind.code())
        .bind(state.id.to_string())
        .bind(state.seq as i64)
        .bind(state.is_deleted())
        .bind(json)
        .execute(&mut *tx)
        .await?;
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
