//! The bootstrap's generations (`tradewinds_shared::sync::bootstrap`): every record as of
//! one cursor, in the order of `page_order`, cut into pages of `PAGE_RECORDS`, each
//! written in the lean form and compressed once with brotli at its highest quality, stored
//! with its generation, and sent as stored to every new device.
//!
//! A generation is made from reads on the pool, never on the writer's connection, and
//! compressed on a blocking thread, one page at a time: pushes do not wait for it. Its
//! one write (the generation and its pages, and deleting all but the newest two) is a
//! short transaction once every page is compressed, on the writer's connection in a turn
//! of its own between pushes (this process writes through one connection: see `write`).
//!
//! Invariants: a generation is served only while its identity is this database's (a
//! database `tradewinds restore` gave a new identity never serves an old generation, and
//! `Store::open` discards them); its pages never change once written; a page address stays
//! good until two newer generations are made. At most one generation is made at a time by
//! one `Store` (`Store::bootstrap_index`); several processes on one database may each make
//! one, which is harmless (the newest is served).

use std::collections::HashMap;
use std::io::Cursor as Bytes;
use std::sync::Arc;

use sqlx::Row;

use crate::db::{self, Conn, Pool};
use tokio::sync::{Mutex, OwnedMutexGuard};
use tradewinds_shared::access;
use tradewinds_shared::sync::bootstrap::{
    encode_page, BootstrapIndex, PageInfo, FORMAT, PAGE_RECORDS,
};
use tradewinds_shared::sync::{wire_id, Cursor, RecordState};
use uuid::Uuid;

use super::read::CursorPlace;
use super::sql::{digest_at, last_seq, row_to_state};
use super::{now_ms, Store};
use crate::Error;

/// Brotli's window for the pages (4 MB): larger than any page, so a page is compressed as
/// well as one stream can be, and small enough for a phone's decoder.
pub const PAGE_LGWIN: i32 = 22;

/// Records read per statement while making a generation.
const READ_ROWS: i64 = 1_000;

/// A generation older than this with any change since is made again.
const MAX_AGE_MS: i64 = 60 * 60 * 1000;

/// Changes since a generation's cursor after which it is made again: the pull after the
/// pages brings them, and past this many it costs more than a new generation would.
fn max_changes(records: u64) -> u64 {
    (records / 20).max(100)
}

/// Whether a generation at `seq`, of `records` records, made at `made_at`, is to be made
/// again, with the change log at `end` and the clock at `now`.
pub fn is_stale(seq: u64, records: u64, made_at: i64, end: u64, now: i64) -> bool {
    let changes = end.saturating_sub(seq);
    changes > max_changes(records) || (changes > 0 && now - made_at > MAX_AGE_MS)
}

/// `bytes` compressed with brotli at quality 11 and a window of `2^lgwin` bytes.
pub fn brotli(bytes: &[u8], lgwin: i32) -> Vec<u8> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin,
        size_hint: bytes.len(),
        mode: brotli::enc::backward_references::BrotliEncoderMode::BROTLI_MODE_TEXT,
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 8);
    brotli::BrotliCompress(&mut Bytes::new(bytes), &mut out, &params)
        .expect("compressing into memory cannot fail");
    out
}

/// Brotli-compressed `bytes` decompressed.
pub fn unbrotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() * 8);
    brotli::BrotliDecompress(&mut Bytes::new(bytes), &mut out)?;
    Ok(out)
}

/// Puts records in the order the pages of `page_records` carry them. Which page: each
/// organisation with the records it owns (its training tools, contacts, meetings…),
/// organisations in the order they were first stored. Within a page: by kind, then by
/// change. A record names its organisation by id (36 random characters), which brotli
/// then finds earlier in the same page instead of spelling it out again; records of one
/// kind repeat each other's field names and phrases; and in change order, the numbers of
/// their writes (`seq`, mutation number, time) follow each other closely. With 400-record
/// pages in change order, 2,000 records weighed 1.39× the records alone compressed in one
/// piece; 1.27× with each organisation's records together in its page; 1.24× in this
/// order (10,000 records: 1.31×, then 1.28×; `docs/benchmarks.md`).
pub fn page_order(states: &mut [RecordState], page_records: usize) {
    let owner: Vec<Uuid> = states
        .iter()
        .map(|s| access::owner(s.kind, s.id, &s.values()).unwrap_or(s.id))
        .collect();
    let mut group_seq: HashMap<Uuid, u64> = HashMap::new();
    for (s, owner) in states.iter().zip(&owner) {
        let seq = group_seq.entry(*owner).or_insert(s.seq);
        *seq = (*seq).min(s.seq);
    }
    let mut keyed: Vec<_> = states
        .iter()
        .cloned()
        .zip(owner)
        .map(|(s, owner)| {
            let key = (
                group_seq[&owner],
                owner,
                s.id != owner,
                s.kind.code(),
                s.seq,
            );
            (key, s)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    for (slot, (_, s)) in states.iter_mut().zip(keyed) {
        *slot = s;
    }
    for page in states.chunks_mut(page_records.max(1)) {
        page.sort_by_key(|s| (s.kind.code(), s.seq));
    }
}

/// Who is making a generation in this process: held for the whole making.
pub(super) type Making = Arc<Mutex<()>>;

/// The newest generation as stored.
struct Stored {
    index: BootstrapIndex,
    seq: u64,
    made_at: i64,
}

/// Deletes the generations of another identity than `server_id` (and their pages).
pub(super) async fn discard_foreign(pool: &Pool, server_id: &str) -> Result<(), Error> {
    let mut tx = pool.begin().await?;
    sqlx::query("DELETE FROM bootstrap_generations WHERE server_id != $1")
        .bind(server_id)
        .execute(&mut *tx)
        .await?;
    delete_orphan_pages(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

async fn delete_orphan_pages(tx: &mut Conn) -> Result<(), Error> {
    sqlx::query(
        "DELETE FROM bootstrap_pages WHERE generation NOT IN (SELECT id FROM bootstrap_generations)",
    )
    .execute(tx)
    .await?;
    Ok(())
}

impl Store {
    /// The generation a new device downloads: the newest. With none, one is made and
    /// waited for; a stale one is answered while a new one is made in the background.
    pub async fn bootstrap_index(&self) -> Result<BootstrapIndex, Error> {
        if let Some(newest) = self.newest_generation().await? {
            if self.stale(&newest) {
                self.bootstrap_in_background();
            }
            return Ok(newest.index);
        }
        let guard = self.making.clone().lock_owned().await;
        // Made by another caller while this one waited?
        if let Some(newest) = self.newest_generation().await? {
            return Ok(newest.index);
        }
        // Made in a task of its own: a request given up (a cut link, a timeout) does not
        // cancel it, and the next request finds it.
        tokio::spawn(self.clone().make_generation(guard))
            .await
            .map_err(anyhow::Error::from)?
    }

    /// Starts making a generation in the background if there is none or the newest is
    /// stale, unless one is being made already (at start-up, and when a stale one is read).
    pub fn bootstrap_in_background(&self) {
        let Ok(guard) = self.making.clone().try_lock_owned() else {
            return;
        };
        let store = self.clone();
        tokio::spawn(async move {
            let outcome = match store.newest_generation().await {
                Ok(Some(newest)) if !store.stale(&newest) => return,
                Ok(_) => store.make_generation(guard).await.map(|_| ()),
                Err(e) => Err(e),
            };
            if let Err(e) = outcome {
                tracing::error!(error = ?e, "cannot make a bootstrap generation");
            }
        });
    }

    /// Waits until no generation is being made by this store.
    pub async fn bootstrap_settled(&self) {
        drop(self.making.lock().await);
    }

    /// Page `page` of generation `generation` as stored (brotli) and its record count;
    /// `None` when it is not kept (or is of another identity).
    pub async fn bootstrap_page(
        &self,
        generation: &str,
        page: u32,
    ) -> Result<Option<(u32, Vec<u8>)>, Error> {
        let row: Option<(i64, Vec<u8>)> = sqlx::query_as(
            "SELECT p.records, p.body FROM bootstrap_pages p \
             JOIN bootstrap_generations g ON g.id = p.generation \
             WHERE g.id = $1 AND g.server_id = $2 AND g.format = $3 AND p.page = $4",
        )
        .bind(generation)
        .bind(&*self.server_id)
        .bind(FORMAT as i64)
        .bind(page as i64)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(records, body)| (records as u32, body)))
    }

    fn stale(&self, g: &Stored) -> bool {
        let end = self.end.load(std::sync::atomic::Ordering::Acquire);
        is_stale(g.seq, g.index.records, g.made_at, end, now_ms())
    }

    /// The newest generation of this identity and format whose cursor is in this
    /// database's history. One that is not (which only a database put back by hand from
    /// elsewhere could hold) is deleted.
    async fn newest_generation(&self) -> Result<Option<Stored>, Error> {
        loop {
            let row = sqlx::query(
                "SELECT id, cursor, seq, records, made_at FROM bootstrap_generations \
                 WHERE server_id = $1 AND format = $2 ORDER BY n DESC LIMIT 1",
            )
            .bind(&*self.server_id)
            .bind(FORMAT as i64)
            .fetch_optional(&self.pool)
            .await?;
            let Some(row) = row else { return Ok(None) };
            let id: String = row.try_get("id")?;
            let cursor = Cursor(row.try_get("cursor")?);
            if matches!(
                self.place(&cursor, None).await,
                Ok(CursorPlace::Foreign) | Err(_)
            ) {
                // On the writer's connection, between pushes (see `make_generation`).
                let _turn = self.write.lock().await;
                let mut tx = self.writer.begin().await?;
                sqlx::query("DELETE FROM bootstrap_generations WHERE id = $1")
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
                delete_orphan_pages(&mut tx).await?;
                tx.commit().await?;
                continue;
            }
            let pages: Vec<(i64, i64)> = sqlx::query_as(
                "SELECT records, length(body) FROM bootstrap_pages WHERE generation = $1 \
                 ORDER BY page",
            )
            .bind(&id)
            .fetch_all(&self.pool)
            .await?;
            let seq: i64 = row.try_get("seq")?;
            let records: i64 = row.try_get("records")?;
            return Ok(Some(Stored {
                index: BootstrapIndex {
                    format: FORMAT,
                    generation: id,
                    cursor,
                    records: records as u64,
                    pages: pages
                        .into_iter()
                        .map(|(records, bytes)| PageInfo {
                            records: records as u32,
                            bytes: bytes as u64,
                        })
                        .collect(),
                },
                seq: seq as u64,
                made_at: row.try_get("made_at")?,
            }));
        }
    }

    /// Makes a generation and keeps it with the one before it; `_making` is held until it
    /// is stored. The cursor is read first, as for the snapshot (`snapshot_stream`): a
    /// record changed while the pages are read has a change after the cursor, so the pull
    /// after the pages brings it (again). Records are never deleted, so paging by key
    /// misses none.
    async fn make_generation(self, _making: OwnedMutexGuard<()>) -> Result<BootstrapIndex, Error> {
        let mut tx = db::begin_read(&self.pool).await?;
        let seq = last_seq(&mut *tx).await?;
        let digest = digest_at(&mut *tx, seq).await?;
        tx.commit().await?;
        let cursor = Cursor::at(&self.server_id, seq as u64, digest.as_deref());
        let mut states = Vec::new();
        let mut after = 0i64;
        loop {
            let rows = sqlx::query(
                "SELECT rid, state, seq FROM records WHERE rid > $1 ORDER BY rid LIMIT $2",
            )
            .bind(after)
            .bind(READ_ROWS)
            .fetch_all(&self.pool)
            .await?;
            let Some(last) = rows.last() else { break };
            after = last.try_get("rid")?;
            for row in &rows {
                states.push(row_to_state(row)?);
            }
        }
        page_order(&mut states, PAGE_RECORDS);
        // One page at a time on a blocking thread: a generation takes one core at most.
        let mut pages: Vec<(u32, Vec<u8>)> = Vec::new();
        let mut rest = states.into_iter();
        loop {
            let page: Vec<RecordState> = rest.by_ref().take(PAGE_RECORDS).collect();
            if page.is_empty() {
                break;
            }
            let count = page.len() as u32;
            let body = tokio::task::spawn_blocking(move || {
                brotli(encode_page(&page).as_bytes(), PAGE_LGWIN)
            })
            .await
            .map_err(anyhow::Error::from)?;
            pages.push((count, body));
        }
        let index = BootstrapIndex {
            format: FORMAT,
            generation: wire_id::encode(&Uuid::new_v4()),
            cursor,
            records: pages.iter().map(|(n, _)| u64::from(*n)).sum(),
            pages: pages
                .iter()
                .map(|(records, body)| PageInfo {
                    records: *records,
                    bytes: body.len() as u64,
                })
                .collect(),
        };
        // Written on the writer's connection, in a turn of its own between pushes: a
        // second connection committing while a push's transaction reads would make that
        // push fail (SQLite cannot then let it write: `SQLITE_BUSY_SNAPSHOT`).
        let _turn = self.write.lock().await;
        let mut tx = self.writer.begin().await?;
        sqlx::query(
            "INSERT INTO bootstrap_generations (id, server_id, cursor, seq, records, format, made_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&index.generation)
        .bind(&*self.server_id)
        .bind(&index.cursor.0)
        .bind(seq)
        .bind(index.records as i64)
        .bind(FORMAT as i64)
        .bind(now_ms())
        .execute(&mut *tx)
        .await?;
        for (n, (records, body)) in pages.iter().enumerate() {
            sqlx::query(
                "INSERT INTO bootstrap_pages (generation, page, records, body) VALUES ($1, $2, $3, $4)",
            )
            .bind(&index.generation)
            .bind(n as i64)
            .bind(*records as i64)
            .bind(body)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "DELETE FROM bootstrap_generations WHERE n NOT IN \
             (SELECT n FROM bootstrap_generations ORDER BY n DESC LIMIT 2)",
        )
        .execute(&mut *tx)
        .await?;
        delete_orphan_pages(&mut tx).await?;
        tx.commit().await?;
        Ok(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};
    use tradewinds_shared::RecordKind;

    #[test]
    fn a_generation_is_stale_after_many_changes_or_an_hour_with_any() {
        let now = 10 * MAX_AGE_MS;
        // 2,000 records: more than 100 changes.
        assert!(!is_stale(50, 2_000, now, 150, now));
        assert!(is_stale(50, 2_000, now, 151, now));
        // 10,000 records: more than 500 changes.
        assert!(!is_stale(0, 10_000, now, 500, now));
        assert!(is_stale(0, 10_000, now, 501, now));
        // Older than an hour: any change, but not none.
        let old = now - MAX_AGE_MS - 1;
        assert!(is_stale(7, 10, old, 8, now));
        assert!(!is_stale(7, 10, old, 7, now));
        assert!(!is_stale(7, 10, now - MAX_AGE_MS, 8, now));
    }

    /// An organisation (`provider: None`) or a training tool of `provider`, at `seq`.
    fn record(seq: u64, provider: Option<Uuid>) -> RecordState {
        let (kind, fields) = match provider {
            None => (
                RecordKind::Organisation,
                json!({ "name": "An organisation" }),
            ),
            Some(p) => (
                RecordKind::TrainingTool,
                json!({ "title": "A course", "provider": p.to_string() }),
            ),
        };
        let mut s = RecordState::new(kind, Uuid::from_u128(seq as u128));
        let Value::Object(fields) = fields else {
            unreachable!()
        };
        let m = s.edit(1, 0, fields).unwrap();
        s.apply(Uuid::nil(), &m, None);
        s.seq = seq;
        s
    }

    #[test]
    fn records_go_with_their_organisation_and_by_kind_within_a_page() {
        let a = record(1, None);
        let b = record(2, None);
        let of_b = record(3, Some(b.id));
        let of_a = record(4, Some(a.id));
        let of_a_too = record(5, Some(a.id));
        let orphan = record(6, Some(Uuid::from_u128(99)));
        let all = [&a, &b, &of_b, &of_a, &of_a_too, &orphan].map(|s| (*s).clone());
        let order = |page_records| {
            let mut states = all.to_vec();
            page_order(&mut states, page_records);
            states.iter().map(|s| s.seq).collect::<Vec<_>>()
        };
        // Groups: a (1, 4, 5), b (2, 3), the orphan's (6); within a page, by kind and
        // then by change.
        assert_eq!(order(3), [1, 4, 5, 2, 3, 6]);
        assert_eq!(order(6), [1, 2, 3, 4, 5, 6]);
        assert_eq!(order(2), [1, 4, 2, 5, 3, 6]);
        assert_eq!(order(4), [1, 2, 4, 5, 3, 6]);
    }

    #[test]
    fn brotli_round_trips() {
        let text = "organisation ".repeat(1_000);
        let packed = brotli(text.as_bytes(), PAGE_LGWIN);
        assert!(packed.len() < text.len() / 20, "{} bytes", packed.len());
        assert_eq!(unbrotli(&packed).unwrap(), text.as_bytes());
        assert!(unbrotli(b"not brotli at all").is_err());
    }
}
