//! An import's many edits as one write (`Db::edit_many`), checked a slice at a time so that
//! the page stays responsive, then written all together or not at all.

use futures::future::join_all;
use rexie::TransactionMode;
use serde_json::{Map, Value};
use tradewinds_shared::accounts::User;
use tradewinds_shared::sync::{DeviceId, RecordState};
use tradewinds_shared::RecordKind;
use uuid::Uuid;
use wasm_bindgen::JsValue;

use super::rows::RecordRow;
use super::{checked, next_n, Db, DbError, EditError, META, META_NEXT_N, OUTBOX, RECORDS};

impl Db {
    /// Many records' edits (an import's rows, of one kind or several) as one write: each checked as
    /// `edit` checks it, and all stored or none — the first refusal is answered and nothing
    /// is written. Rows that change nothing are skipped. Answers how many records changed.
    ///
    /// The page stays responsive: the rows are checked and encoded `EDIT_SLICE` at a time
    /// with a pause between slices, before the write transaction opens (an IndexedDB
    /// transaction ends if the page waits for anything else). The write then checks that
    /// the next mutation number and every record read are as they were; if another tab or
    /// a sync changed one meanwhile, the rows are checked again from what is stored then.
    /// After `EDIT_ATTEMPTS` such tries the check and the write run in one transaction.
    pub async fn edit_many(
        &self,
        by: &User,
        rows: Vec<(RecordKind, Uuid, Map<String, Value>)>,
    ) -> Result<usize, EditError> {
        let pause = || gloo_timers::future::TimeoutFuture::new(0);
        self.edit_many_pausing(by, rows, pause).await
    }

    /// `edit_many`, awaiting `pause()` between two slices of rows: the page's other work
    /// (in a test, an edit made meanwhile).
    pub async fn edit_many_pausing<F: std::future::Future<Output = ()>>(
        &self,
        by: &User,
        rows: Vec<(RecordKind, Uuid, Map<String, Value>)>,
        mut pause: impl FnMut() -> F,
    ) -> Result<usize, EditError> {
        let device = self.device_id().await?;
        for _ in 1..EDIT_ATTEMPTS {
            let read = self.read_for_edit(&rows).await?;
            let mut staged = Staged::new(read.next_n);
            for (i, ((kind, id, changes), state)) in rows.iter().zip(&read.states).enumerate() {
                if i > 0 && i % EDIT_SLICE == 0 {
                    pause().await;
                }
                let current = state
                    .as_ref()
                    .map(|json| decode_state(&RecordRow::key(*kind, *id), json))
                    .transpose()?;
                staged.add(current, device, by, *kind, *id, changes.clone())?;
            }
            if let Some(written) = self.write_if_unchanged(&rows, &read, staged).await? {
                return Ok(written);
            }
        }
        self.edit_many_at_once(device, by, rows).await
    }

    /// The next mutation number and each row's record as stored (its state's JSON, `None`
    /// where there is none), read together.
    async fn read_for_edit(
        &self,
        rows: &[(RecordKind, Uuid, Map<String, Value>)],
    ) -> Result<ReadForEdit, EditError> {
        let tx = self
            .rexie
            .transaction(&[RECORDS, META], TransactionMode::ReadOnly)?;
        let (records, meta) = (tx.store(RECORDS)?, tx.store(META)?);
        let next_n = next_n(&meta).await?;
        let mut states = Vec::with_capacity(rows.len());
        for chunk in rows.chunks(EDIT_SLICE * 4) {
            let got = join_all(
                chunk
                    .iter()
                    .map(|(kind, id, _)| records.get(RecordRow::key(*kind, *id).into())),
            )
            .await;
            for row in got {
                states.push(row?.map(|r| state_of(&r)).transpose()?);
            }
        }
        tx.done().await?;
        Ok(ReadForEdit { next_n, states })
    }

    /// Writes what was staged from `read`, if the next number and every record are still
    /// as read (`None` if not: nothing written). Reads and writes go a chunk at a time
    /// (`put_staged`).
    async fn write_if_unchanged(
        &self,
        rows: &[(RecordKind, Uuid, Map<String, Value>)],
        read: &ReadForEdit,
        staged: Staged,
    ) -> Result<Option<usize>, EditError> {
        let tx = self
            .rexie
            .transaction(&[RECORDS, OUTBOX, META], TransactionMode::ReadWrite)?;
        let (records, meta) = (tx.store(RECORDS)?, tx.store(META)?);
        let mut same = next_n(&meta).await? == read.next_n;
        let mut from = 0;
        for chunk in rows.chunks(EDIT_SLICE * 4) {
            if !same {
                break;
            }
            let got = join_all(
                chunk
                    .iter()
                    .map(|(kind, id, _)| records.get(RecordRow::key(*kind, *id).into())),
            )
            .await;
            for (row, before) in got.into_iter().zip(&read.states[from..]) {
                let now = row?.map(|r| state_of(&r)).transpose()?;
                same &= &now == before;
            }
            from += chunk.len();
        }
        if !same {
            tx.abort().await?;
            return Ok(None);
        }
        commit_staged(tx, staged).await.map(Some)
    }

    /// `edit_many` in one transaction: every row read, checked and written in it.
    async fn edit_many_at_once(
        &self,
        device: DeviceId,
        by: &User,
        rows: Vec<(RecordKind, Uuid, Map<String, Value>)>,
    ) -> Result<usize, EditError> {
        let tx = self
            .rexie
            .transaction(&[RECORDS, OUTBOX, META], TransactionMode::ReadWrite)?;
        let (records, meta) = (tx.store(RECORDS)?, tx.store(META)?);
        let stored = join_all(
            rows.iter()
                .map(|(kind, id, _)| records.get(RecordRow::key(*kind, *id).into())),
        )
        .await;
        let mut staged = Staged::new(next_n(&meta).await?);
        for ((kind, id, changes), row) in rows.into_iter().zip(stored) {
            let current = match row {
                Ok(row) => row.map(|r| RecordRow::from_js(&r)?.decode()).transpose(),
                Err(e) => Err(e.into()),
            };
            let added = current
                .map_err(EditError::from)
                .and_then(|current| staged.add(current, device, by, kind, id, changes));
            if let Err(e) = added {
                tx.abort().await?;
                return Err(e);
            }
        }
        commit_staged(tx, staged).await
    }
}

/// Rows `edit_many` checks between two pauses (about a frame's work on a mid-range phone).
const EDIT_SLICE: usize = 250;
/// Tries of `edit_many` with the page kept responsive before it runs in one transaction.
const EDIT_ATTEMPTS: usize = 3;

/// What `edit_many` read before checking its rows.
struct ReadForEdit {
    next_n: u64,
    /// Each row's record as stored: its state's JSON.
    states: Vec<Option<String>>,
}

/// An import's edits checked so far: the rows and outbox entries to put, numbered from
/// `first`; `n` is the number the next one takes.
struct Staged {
    first: u64,
    n: u64,
    writes: Vec<(JsValue, JsValue)>,
}

impl Staged {
    fn new(first: u64) -> Staged {
        Staged {
            first,
            n: first,
            writes: Vec::new(),
        }
    }

    /// Checks one row's edit of `current` (`checked`) and keeps what to write.
    fn add(
        &mut self,
        current: Option<RecordState>,
        device: DeviceId,
        by: &User,
        kind: RecordKind,
        id: Uuid,
        changes: Map<String, Value>,
    ) -> Result<(), EditError> {
        let edit = |state: &RecordState, n, at| Ok(state.edit(n, at, changes));
        if let Some((_, row, entry)) = checked(current, device, by, kind, id, self.n, edit)? {
            self.writes.push((row, entry));
            self.n += 1;
        }
        Ok(())
    }
}

/// A stored record row's state JSON (a row without one is refused, as `RecordRow::from_js`).
fn state_of(row: &JsValue) -> Result<String, DbError> {
    js_sys::Reflect::get(row, &JsValue::from_str("state"))
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| DbError::Decode("a stored record has no `state`".into()))
}

fn decode_state(key: &str, json: &str) -> Result<RecordState, DbError> {
    serde_json::from_str(json).map_err(|e| DbError::Decode(format!("record {key}: {e}")))
}

/// Writes what was staged in `tx` (open on records, outbox and meta) and commits it:
/// the rows, their outbox entries and the next mutation number; on a failure, nothing.
/// Answers how many records changed.
async fn commit_staged(tx: rexie::Transaction, staged: Staged) -> Result<usize, EditError> {
    let (records, outbox, meta) = (tx.store(RECORDS)?, tx.store(OUTBOX)?, tx.store(META)?);
    if let Err(e) = put_staged(&records, &outbox, &staged.writes).await {
        tx.abort().await?;
        return Err(EditError::from(e));
    }
    meta.put(&JsValue::from(staged.n as f64), Some(&META_NEXT_N.into()))
        .await?;
    tx.done().await?;
    Ok((staged.n - staged.first) as usize)
}

/// Puts staged records and adds their outbox entries, a chunk at a time, each chunk sent
/// once the one before is done: the transaction stays open, and no one task sends them all.
async fn put_staged(
    records: &rexie::Store,
    outbox: &rexie::Store,
    writes: &[(JsValue, JsValue)],
) -> Result<(), rexie::Error> {
    for chunk in writes.chunks(EDIT_SLICE * 4) {
        let puts = join_all(chunk.iter().map(|(row, _)| records.put(row, None)));
        let adds = join_all(chunk.iter().map(|(_, entry)| outbox.add(entry, None)));
        let (puts, adds) = futures::join!(puts, adds);
        for result in puts
            .into_iter()
            .map(|r| r.map(drop))
            .chain(adds.into_iter().map(|r| r.map(drop)))
        {
            result?;
        }
    }
    Ok(())
}
