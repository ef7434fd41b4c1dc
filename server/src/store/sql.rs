//! The batched SQL of the records, the change log and the device counters: reading and
//! writing many rows per statement, in statements of a few sizes (`statement_chunks`), so
//! that the number of statements a writing turn runs does not grow with its mutations.

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::sync::Arc;
use std::task::Poll;

use sqlx::Row;
use tradewinds_shared::sync::{DeviceId, RecordState, Rejection};
use uuid::Uuid;

use super::cache::Kept;
use super::read::change_digest;
use crate::db::{self, Backend, Conn};
use crate::Error;

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

/// The sequence number of the last change committed (`meta.seq`; 0 before any).
pub(super) async fn last_seq<'e>(
    db: impl sqlx::Executor<'e, Database = sqlx::Any>,
) -> Result<i64, Error> {
    Ok(
        sqlx::query_scalar("SELECT CAST(value AS BIGINT) FROM meta WHERE key = 'seq'")
            .fetch_one(db)
            .await?,
    )
}

/// The digest of the change at `seq` (`None`: no change there, as at 0).
pub(super) async fn digest_at<'e>(
    db: impl sqlx::Executor<'e, Database = sqlx::Any>,
    seq: i64,
) -> Result<Option<String>, Error> {
    let row: Option<(String, i64, i64)> =
        sqlx::query_as("SELECT device, mutation, received FROM changes WHERE seq = $1")
            .bind(seq)
            .fetch_optional(db)
            .await?;
    Ok(row.map(|(device, mutation, received)| change_digest(seq, &device, mutation, received)))
}

/// Each device's last processed mutation number (absent: none yet) and its account
/// (`None`: not claimed yet).
pub(super) type Counters = (HashMap<DeviceId, u64>, HashMap<DeviceId, Option<Arc<str>>>);

pub(super) async fn load_counters(
    tx: &mut Conn,
    backend: Backend,
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
        let sql = format!(
            "SELECT id, last_mutation, account FROM devices WHERE id IN ({})",
            db::list(backend, 1, chunk.len())
        );
        let mut q = sqlx::query(&sql);
        for key in chunk {
            q = q.bind(key);
        }
        for row in q.fetch_all(&mut *tx).await? {
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
pub(super) async fn load_records(
    tx: &mut Conn,
    backend: Backend,
    ids: &HashSet<Uuid>,
) -> Result<HashMap<Uuid, Kept>, Error> {
    let keys: Vec<String> = ids.iter().map(Uuid::to_string).collect();
    let mut out = HashMap::with_capacity(keys.len());
    for chunk in statement_chunks(&keys) {
        let sql = format!(
            "SELECT rid, state, seq FROM records WHERE id IN ({})",
            db::list(backend, 1, chunk.len())
        );
        let mut q = sqlx::query(&sql);
        for key in chunk {
            q = q.bind(key);
        }
        for row in q.fetch_all(&mut *tx).await? {
            let state = row_to_state(&row)?;
            let rid: i64 = row.try_get("rid")?;
            out.insert(state.id, Kept { rid, state });
        }
    }
    Ok(out)
}

/// Binds records with their JSON, a `VALUES` row each: rid, kind, id, seq, deleted, state.
fn bind_record_rows<'q>(
    mut q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    rows: &'q [(&Kept, String)],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    for (kept, json) in rows {
        let state = &kept.state;
        q = q
            .bind(kept.rid)
            .bind(state.kind.code())
            .bind(state.id.to_string())
            .bind(state.seq as i64)
            .bind(i64::from(state.is_deleted()))
            .bind(json.as_str());
    }
    q
}

/// Record states with their JSON, for one statement: the stored JSON is the whole state,
/// `seq` included, so that it can be sent as it is (`Store::snapshot_stream`,
/// `Store::pull_json`).
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
    async fn write(&self, tx: &mut Conn, backend: Backend) -> Result<(), Error> {
        let chunk = &self.rows;
        // `OR FAIL` on SQLite (see above); PostgreSQL has no statement journal to avoid.
        let or_fail = if backend == Backend::Sqlite {
            "OR FAIL "
        } else {
            ""
        };
        let rows = db::values(backend, chunk.len(), 6);
        if !self.stored {
            let sql = format!(
                "INSERT {or_fail}INTO records (rid, kind, id, seq, deleted, state) VALUES {rows}"
            );
            bind_record_rows(sqlx::query(&sql), chunk)
                .execute(&mut *tx)
                .await?;
            return Ok(());
        }
        let sql = format!(
            "UPDATE {or_fail}records SET seq = v.column4, deleted = v.column5, state = v.column6 \
             FROM (VALUES {rows}) AS v WHERE records.rid = v.column1 AND records.id = v.column3"
        );
        let done = bind_record_rows(sqlx::query(&sql), chunk)
            .execute(&mut *tx)
            .await?
            .rows_affected();
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
pub(super) async fn write_changes_and_records(
    tx: &mut Conn,
    backend: Backend,
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
    let (done, mut next) = overlapped(
        write_changes(tx, backend, changes, now),
        &mut serialise_next,
    )
    .await;
    done?;
    while let Some(rows) = next? {
        let (done, following) = overlapped(rows.write(tx, backend), &mut serialise_next).await;
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
pub(super) fn state_json(state: &RecordState) -> Result<String, Error> {
    let mut buf = Vec::with_capacity(4096);
    serde_json::to_writer(&mut buf, state).map_err(anyhow::Error::from)?;
    Ok(String::from_utf8(buf).map_err(anyhow::Error::from)?)
}

/// A row of `changes` (the record history).
pub(super) struct ChangeRow {
    pub(super) seq: i64,
    pub(super) device: Arc<str>,
    pub(super) mutation: i64,
    pub(super) kind: &'static str,
    pub(super) id: String,
    /// The record's key (`records.rid`).
    pub(super) record: i64,
    pub(super) fields: String,
    pub(super) at: i64,
    /// The account that made it (`None`: the server itself).
    pub(super) author: Option<Arc<str>>,
}

async fn write_changes(
    tx: &mut Conn,
    backend: Backend,
    changes: &[ChangeRow],
    received: i64,
) -> Result<(), Error> {
    // `OR FAIL` on SQLite: no statement journal (see `RecordRows::write`).
    let or_fail = if backend == Backend::Sqlite {
        "OR FAIL "
    } else {
        ""
    };
    for chunk in statement_chunks(changes) {
        let sql = format!(
            "INSERT {or_fail}INTO changes (seq, device, mutation, kind, id, record, fields, at, received, author) VALUES {}",
            db::values(backend, chunk.len(), 10)
        );
        let mut q = sqlx::query(&sql);
        for c in chunk {
            q = q
                .bind(c.seq)
                .bind(&*c.device)
                .bind(c.mutation)
                .bind(c.kind)
                .bind(c.id.as_str())
                .bind(c.record)
                .bind(c.fields.as_str())
                .bind(c.at)
                .bind(received)
                .bind(c.author.as_deref());
        }
        q.execute(&mut *tx).await?;
    }
    Ok(())
}

/// Devices' last processed mutation numbers and the accounts pushing under them (`None`:
/// the server itself); a device that comes twice keeps its last number. A device keeps
/// the account it has (`devices::claim_device` checked it is this one).
pub(super) async fn write_counters(
    tx: &mut Conn,
    backend: Backend,
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
        let sql = format!(
            "INSERT INTO devices (id, last_mutation, first_seen, last_seen, account) VALUES {} \
             ON CONFLICT (id) DO UPDATE SET last_mutation = excluded.last_mutation, \
             last_seen = excluded.last_seen, account = COALESCE(devices.account, excluded.account)",
            db::values(backend, chunk.len(), 5)
        );
        let mut q = sqlx::query(&sql);
        for (id, n, account) in chunk {
            q = q
                .bind(id.as_str())
                .bind(*n)
                .bind(now)
                .bind(now)
                .bind(account.as_deref());
        }
        q.execute(&mut *tx).await?;
    }
    Ok(())
}

/// The key of the first record a writing turn creates (`MAX(rid) + 1`; the next ones
/// follow it). Read inside the writing transaction: with one writer, nobody else takes
/// them before it commits.
pub(super) async fn first_new_rid(tx: &mut Conn) -> Result<i64, Error> {
    Ok(
        sqlx::query_scalar("SELECT COALESCE(MAX(rid), 0) + 1 FROM records")
            .fetch_one(&mut *tx)
            .await?,
    )
}

/// Moves the end of the change log (`meta.seq`) to `seq`.
pub(super) async fn write_last_seq(tx: &mut Conn, seq: i64) -> Result<(), Error> {
    sqlx::query("UPDATE meta SET value = $1 WHERE key = 'seq'")
        .bind(seq.to_string())
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Stores the rejection of a device's mutation `n` (replacing one stored before), which a
/// retried push is answered from (`stored_rejections`).
pub(super) async fn write_rejection(
    tx: &mut Conn,
    device: &str,
    n: u64,
    rejection: &Rejection,
) -> Result<(), Error> {
    sqlx::query(
        "INSERT INTO rejections (device, mutation, body) VALUES ($1, $2, $3) \
         ON CONFLICT (device, mutation) DO UPDATE SET body = excluded.body",
    )
    .bind(device)
    .bind(n as i64)
    .bind(serde_json::to_string(rejection).map_err(anyhow::Error::from)?)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The stored rejections of a device's mutations `from` to `to`, in order.
pub(super) async fn stored_rejections(
    tx: &mut Conn,
    device: &str,
    from: u64,
    to: u64,
) -> Result<Vec<Rejection>, Error> {
    let earlier: Vec<String> = sqlx::query_scalar("SELECT body FROM rejections WHERE device = $1 AND mutation >= $2 AND mutation <= $3 ORDER BY mutation")
        .bind(device)
        .bind(from as i64)
        .bind(to as i64)
        .fetch_all(&mut *tx)
        .await?;
    earlier
        .iter()
        .map(|body| Ok(serde_json::from_str(body).map_err(anyhow::Error::from)?))
        .collect()
}

pub(super) fn row_to_state(row: &db::Row) -> Result<RecordState, Error> {
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
}
