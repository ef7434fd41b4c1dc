//! Reading: pulls after a cursor (and where a cursor stands in this history), snapshots
//! (whole, or streamed a page at a time), a kind's records, one record and its history.
//! Reads run on the pool, never on the writer's connection.

use std::collections::HashSet;

use futures_util::StreamExt;
use sqlx::Row;
use tradewinds_shared::accounts::HistoryEntry;
use tradewinds_shared::api::ErrorCode;
use tradewinds_shared::i18n::{problem::key, Problem};
use tradewinds_shared::sync::{Cursor, PullResponse, RecordState, Snapshot};
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use super::sql::{digest_at, last_seq, row_to_state};
use super::Store;
use crate::db;
use crate::Error;

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

/// another change at that place (another device, number or time of receipt), so a cursor
/// from before the restore no longer matches however many changes were made since.
pub fn change_digest(seq: i64, device: &str, mutation: i64, received: i64) -> String {
    use sha2::{Digest, Sha256};
    let hash = Sha256::digest(format!("{seq}:{device}:{mutation}:{received}"));
    hash[..6].iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether a live (not deleted) record of `kind` has this id, read on `db`: the pool, or a
/// transaction of the caller's (`accounts::users` checks an office editor's organisation
/// in the transaction that writes the account).
pub(crate) async fn live_record_exists<'e>(
    db: impl sqlx::Executor<'e, Database = sqlx::Any>,
    kind: RecordKind,
    id: Uuid,
) -> Result<bool, Error> {
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM records WHERE kind = $1 AND id = $2 AND deleted = 0")
            .bind(kind.code())
            .bind(id.to_string())
            .fetch_optional(db)
            .await?;
    Ok(exists.is_some())
}

impl Store {
    /// Records changed after `cursor`, oldest change first, at most `limit`.
    pub async fn pull(&self, cursor: &Cursor, limit: u32) -> Result<PullResponse, Error> {
        let page = self.pull_stored(cursor, limit, None).await?;
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
    /// and a record is passed on exactly as stored. `log_end` is the change log's end if
    /// the caller has just read it (`SignedAtLogEnd`), saving a lookup on PostgreSQL.
    pub async fn pull_json(
        &self,
        cursor: &Cursor,
        limit: u32,
        log_end: Option<u64>,
    ) -> Result<String, Error> {
        let page = self.pull_stored(cursor, limit, log_end).await?;
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
    /// from a backup). A cursor that is not well formed is a bad request. `log_end`: the
    /// change log's end read since the request came, if the caller has it.
    pub async fn place(&self, cursor: &Cursor, log_end: Option<u64>) -> Result<CursorPlace, Error> {
        let Some((server, after, digest)) = cursor.parts_with_digest() else {
            return Err(Error::BadRequest {
                code: ErrorCode::InvalidCursor,
                message: Problem::new(key::NOT_CURSOR).with("cursor", cursor.0.as_str()),
            });
        };
        if server != &*self.server_id {
            return Ok(CursorPlace::Foreign);
        }
        // Up to date: the most frequent case, answered from the end kept in memory. On
        // SQLite this process writes every change, so its end is the log's. On PostgreSQL
        // another instance may have committed a moment ago, before its notice moved this
        // end: the log's end is read (one key lookup, or with the session) and must be the
        // one kept.
        let end_now = match (self.backend, log_end) {
            (db::Backend::Sqlite, _) => None,
            (db::Backend::Postgres, Some(end)) => Some(end),
            (db::Backend::Postgres, None) => Some(last_seq(&self.pool).await? as u64),
        };
        {
            let (end, end_digest) = &*self.end_digest.read().expect("end digest");
            let current = end_now.is_none_or(|now| now == *end);
            if current && after == *end && digest.is_some() && digest == end_digest.as_deref() {
                return Ok(CursorPlace::AtEnd);
            }
        }
        // A cursor past the end of the change log, or naming another change than the one
        // at its place, was issued by this database before it was restored from a backup:
        // the changes since then are not what the client saw. (A cursor without a digest,
        // from a server before digests, is checked against the end only.)
        let last = match end_now {
            Some(now) => now,
            None => last_seq(&self.pool).await? as u64,
        };
        if after > last {
            return Ok(CursorPlace::Foreign);
        }
        if let Some(digest) = digest {
            if digest_at(&self.pool, after as i64).await?.as_deref() != Some(digest) {
                return Ok(CursorPlace::Foreign);
            }
        }
        Ok(CursorPlace::After(after))
    }

    async fn pull_stored(
        &self,
        cursor: &Cursor,
        limit: u32,
        log_end: Option<u64>,
    ) -> Result<StoredPage, Error> {
        let unchanged = |reset| StoredPage {
            cursor: cursor.clone(),
            states: vec![],
            has_more: false,
            reset,
        };
        let after = match self.place(cursor, log_end).await? {
            CursorPlace::Foreign => return Ok(unchanged(true)),
            CursorPlace::AtEnd => return Ok(unchanged(false)),
            CursorPlace::After(after) => after,
        };
        let digest = cursor.parts_with_digest().and_then(|(_, _, d)| d);
        // Each record with the change its `seq` names, whose digest the cursor carries.
        type Row = (String, i64, Option<String>, Option<i64>, Option<i64>);
        let mut rows: Vec<Row> = sqlx::query_as(
            "SELECT r.state, r.seq, c.device, c.mutation, c.received FROM records r \
             LEFT JOIN changes c ON c.seq = r.seq WHERE r.seq > $1 ORDER BY r.seq LIMIT $2",
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
        let mut tx = db::begin_read(&self.pool).await?;
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
    /// `RecordState`, its `seq` included: see `sql::RecordRows`), so that a request holds
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
    ) -> Result<
        (
            u64,
            impl futures_util::Stream<Item = Result<String, Error>> + Send + 'static,
        ),
        Error,
    > {
        let mut tx = db::begin_read(&self.pool).await?;
        let seq: i64 = last_seq(&mut *tx).await?;
        let digest = digest_at(&mut *tx, seq).await?;
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM records")
            .fetch_one(&mut *tx)
            .await?;
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
                    "SELECT rid, state FROM records WHERE rid > $1 ORDER BY rid LIMIT $2",
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
        Ok((
            count as u64,
            futures_util::stream::once(async move { Ok(head) }).chain(pages),
        ))
    }

    /// The live (not deleted) records of one kind.
    pub async fn list(&self, kind: RecordKind) -> Result<Vec<RecordState>, Error> {
        let rows = sqlx::query(
            "SELECT state, seq FROM records WHERE kind = $1 AND deleted = 0 ORDER BY seq",
        )
        .bind(kind.code())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(row_to_state).collect()
    }

    /// The live documents whose stored state mentions `text` anywhere (a file's SHA-256:
    /// the caller reads which of them name it), without parsing every document. (`text`
    /// is a pattern of `LIKE`: `%` and `_` in it would only find more.)
    pub async fn documents_mentioning(&self, text: &str) -> Result<Vec<RecordState>, Error> {
        let rows = sqlx::query(
            "SELECT state, seq FROM records WHERE kind = $1 AND deleted = 0 AND state LIKE $2 ORDER BY seq",
        )
        .bind(RecordKind::Document.code())
        .bind(format!("%{text}%"))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(row_to_state).collect()
    }

    /// Every record of one kind, removed ones too (what an import matches ids against).
    pub async fn list_with_removed(&self, kind: RecordKind) -> Result<Vec<RecordState>, Error> {
        let rows = sqlx::query("SELECT state, seq FROM records WHERE kind = $1 ORDER BY seq")
            .bind(kind.code())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(row_to_state).collect()
    }

    pub async fn get(&self, kind: RecordKind, id: Uuid) -> Result<Option<RecordState>, Error> {
        let row = sqlx::query("SELECT state, seq FROM records WHERE kind = $1 AND id = $2")
            .bind(kind.code())
            .bind(id.to_string())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(row_to_state).transpose()
    }

    /// Whether the database has any record at all (deleted ones included).
    pub async fn has_records(&self) -> Result<bool, Error> {
        let one: Option<i64> = sqlx::query_scalar("SELECT 1 FROM records LIMIT 1")
            .fetch_optional(&self.pool)
            .await?;
        Ok(one.is_some())
    }

    /// Which of these ids name a stored record (of any kind, deleted ones included): one
    /// lookup through the unique index on `id`, not a read of every record.
    pub async fn stored_ids(&self, ids: &[Uuid]) -> Result<HashSet<Uuid>, Error> {
        let ids: Vec<String> = ids.iter().map(Uuid::to_string).collect();
        let placeholders = db::list(self.backend, 1, ids.len());
        let query = format!("SELECT id FROM records WHERE id IN ({placeholders})");
        let mut lookup = sqlx::query_scalar::<_, String>(&query);
        for id in &ids {
            lookup = lookup.bind(id);
        }
        Ok(lookup
            .fetch_all(&self.pool)
            .await?
            .iter()
            .filter_map(|s| Uuid::parse_str(s).ok())
            .collect())
    }

    /// A record's changes, newest first: when, by whom, which fields to what. (The one
    /// statement here that reads a table of `accounts`: `users`, for the authors' names.)
    pub async fn history(
        &self,
        kind: RecordKind,
        id: Uuid,
        limit: u32,
    ) -> Result<Vec<HistoryEntry>, Error> {
        let rows = sqlx::query("SELECT c.at, c.received, c.fields, c.device, u.name, u.email FROM changes c LEFT JOIN users u ON u.id = c.author WHERE c.record = (SELECT rid FROM records WHERE kind = $1 AND id = $2) ORDER BY c.seq DESC LIMIT $3")
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
}
