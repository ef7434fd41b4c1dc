//! The server's copy as this device holds it: a snapshot replacing the catalogue (waiting
//! changes applied on top, their contexts fitted to it), pulled pages merged in, the
//! cursor, and records of kinds this release does not know kept as received.

use super::outbox::{pending_entries, PendingEntry};
use super::rows::{from_js, to_js, RecordRow, INDEXED_FIELDS};
use super::*;

impl Db {
    /// Records an earlier release stored as received, of kinds this release knows: indexed
    /// now (lists, counts, contacts by organisation), so they show without loading the
    /// catalogue again.
    pub(super) async fn adopt_foreign(&self) -> Result<(), DbError> {
        let tx = self
            .rexie
            .transaction(&[RECORDS, META], TransactionMode::ReadWrite)?;
        let meta = tx.store(META)?;
        let foreign: Vec<String> = match meta.get(META_FOREIGN.into()).await? {
            Some(v) if v.is_object() => from_js(v)?,
            _ => Vec::new(),
        };
        let (now_known, still): (Vec<String>, Vec<String>) = foreign
            .into_iter()
            .partition(|k| RecordKind::from_code(k).is_some());
        if now_known.is_empty() {
            tx.done().await?;
            return Ok(());
        }
        let records = tx.store(RECORDS)?;
        for kind in &now_known {
            let range = KeyRange::only(&kind.as_str().into()).map_err(rexie::Error::from)?;
            let rows = records.index("kind")?.get_all(Some(range), None).await?;
            for row in rows {
                let row = RecordRow::from_js(&row)?;
                let state = row.decode()?;
                records
                    .put(&RecordRow::with_json(&state, row.state).to_js(), None)
                    .await?;
            }
        }
        meta.put(&to_js(&still)?, Some(&META_FOREIGN.into()))
            .await?;
        tx.done().await?;
        Ok(())
    }

    /// The records kept as received because this release does not know their kind:
    /// (kind, id, the record's JSON as the server sent it).
    pub async fn foreign_records(&self) -> Result<Vec<(String, Uuid, String)>, DbError> {
        let tx = self
            .rexie
            .transaction(&[RECORDS, META], TransactionMode::ReadOnly)?;
        let kinds: Vec<String> = match tx.store(META)?.get(META_FOREIGN.into()).await? {
            Some(v) if v.is_object() => from_js(v)?,
            _ => Vec::new(),
        };
        let records = tx.store(RECORDS)?;
        let mut out = Vec::new();
        for kind in kinds {
            let range = KeyRange::only(&kind.as_str().into()).map_err(rexie::Error::from)?;
            for row in records.index("kind")?.get_all(Some(range), None).await? {
                let row = RecordRow::from_js(&row)?;
                let id = row
                    .key
                    .rsplit_once('/')
                    .and_then(|(_, id)| Uuid::parse_str(id).ok())
                    .unwrap_or_default();
                out.push((row.kind, id, row.state));
            }
        }
        Ok(out)
    }

    /// Forgets the cursor so that the next sync starts from a snapshot (keeping the
    /// outbox): after the server refused a change, the local copy must lose it again.
    pub async fn forget_cursor(&self) -> Result<(), DbError> {
        let tx = self
            .rexie
            .transaction(&[META], TransactionMode::ReadWrite)?;
        tx.store(META)?.delete(META_CURSOR.into()).await?;
        tx.done().await?;
        Ok(())
    }

    /// Replaces the catalogue with a server snapshot and stores its cursor, in one
    /// transaction. Mutations still in the outbox are applied again on top, so local work
    /// not yet acknowledged stays visible.
    pub async fn load_snapshot(&self, snapshot: RawSnapshot<'_>) -> Result<(), DbError> {
        let device = self.device_id().await?;
        let tx = self
            .rexie
            .transaction(&[RECORDS, OUTBOX, META], TransactionMode::ReadWrite)?;
        let records = tx.store(RECORDS)?;
        let outbox = tx.store(OUTBOX)?;
        let mut pending = pending_entries(&outbox).await?;
        let cursor = snapshot.cursor.clone();
        // Every row is ready before anything is replaced: a snapshot that is not JSON, or
        // a record whose indexed fields cannot be read, leaves the catalogue as it was.
        // (The other fields are the server's own serialisation, read when shown.)
        let (rows, foreign, fitted) = match snapshot_rows(snapshot, &mut pending, device) {
            Ok(rows) => rows,
            Err(e) => {
                tx.abort().await?;
                return Err(e);
            }
        };
        // Waiting changes whose contexts name writes this server does not have (it was
        // restored from a backup) are fitted to it, so that they are accepted when sent.
        rewrite_fitted(&outbox, &pending, &fitted).await?;
        records.clear().await?;
        records.put_all(rows.into_iter()).await?;
        let meta = tx.store(META)?;
        meta.put(&to_js(&foreign)?, Some(&META_FOREIGN.into()))
            .await?;
        synced_to(&meta, &cursor).await?;
        tx.done().await?;
        Ok(())
    }

    /// Merges pulled records into the local ones and advances the cursor, in one
    /// transaction: the cursor never moves past records that are not stored.
    /// A record of a kind this release does not know replaces the one kept (this release
    /// never changes such records, so the server's is always the newer).
    pub async fn apply_pull(&self, pulled: &[Pulled], cursor: &Cursor) -> Result<(), DbError> {
        let tx = self
            .rexie
            .transaction(&[RECORDS, META], TransactionMode::ReadWrite)?;
        let records = tx.store(RECORDS)?;
        let meta = tx.store(META)?;
        let mut foreign_kinds: Option<Vec<String>> = None;
        for pulled in pulled {
            let theirs = match pulled {
                Pulled::Known(state) => state,
                Pulled::Foreign { kind, id, json } => {
                    records
                        .put(&RecordRow::foreign(kind, *id, json.clone()).to_js(), None)
                        .await?;
                    if foreign_kinds.is_none() {
                        foreign_kinds = Some(match meta.get(META_FOREIGN.into()).await? {
                            Some(v) if v.is_object() => from_js(v)?,
                            _ => Vec::new(),
                        });
                    }
                    let kinds = foreign_kinds.as_mut().expect("read above");
                    if !kinds.contains(kind) {
                        kinds.push(kind.clone());
                    }
                    continue;
                }
            };
            let key = RecordRow::key(theirs.kind, theirs.id);
            let merged = match records.get(key.into()).await? {
                Some(row) => {
                    let mut mine = RecordRow::from_js(&row)?.decode()?;
                    mine.join(theirs);
                    mine
                }
                None => theirs.clone(),
            };
            records
                .put(&RecordRow::encode(&merged)?.to_js(), None)
                .await?;
        }
        if let Some(kinds) = foreign_kinds {
            meta.put(&to_js(&kinds)?, Some(&META_FOREIGN.into()))
                .await?;
        }
        synced_to(&meta, cursor).await?;
        tx.done().await?;
        Ok(())
    }

    /// The server cursor the catalogue is at; `None` before the first snapshot.
    pub async fn cursor(&self) -> Result<Option<Cursor>, DbError> {
        let tx = self.rexie.transaction(&[META], TransactionMode::ReadOnly)?;
        let v = tx.store(META)?.get(META_CURSOR.into()).await?;
        Ok(v.and_then(|v| v.as_string()).map(Cursor))
    }

    /// When the catalogue last received data from the server (ms since 1970).
    pub async fn last_sync(&self) -> Result<Option<i64>, DbError> {
        let tx = self.rexie.transaction(&[META], TransactionMode::ReadOnly)?;
        let v = tx.store(META)?.get(META_LAST_SYNC.into()).await?;
        Ok(v.and_then(|v| v.as_f64()).map(|v| v as i64))
    }
}

/// A server snapshot as received: its cursor and each record's JSON, not yet parsed.
#[derive(Debug, serde::Deserialize)]
pub struct RawSnapshot<'a> {
    pub cursor: Cursor,
    #[serde(borrow)]
    pub records: Vec<&'a serde_json::value::RawValue>,
}

/// A record as pulled: one this release can read, or one of a kind it does not know,
/// kept as the server sent it.
#[derive(Debug, Clone, PartialEq)]
pub enum Pulled {
    Known(RecordState),
    Foreign {
        kind: String,
        id: Uuid,
        json: String,
    },
}

impl Pulled {
    pub fn parse(json: &str) -> Result<Pulled, DbError> {
        match serde_json::from_str::<RecordState>(json) {
            Ok(state) => Ok(Pulled::Known(state)),
            Err(e) => match tradewinds_shared::sync::record_head(json) {
                Ok((kind, id)) if RecordKind::from_code(&kind).is_none() => Ok(Pulled::Foreign {
                    kind,
                    id,
                    json: json.to_owned(),
                }),
                _ => Err(DbError::Decode(format!("pulled record: {e}"))),
            },
        }
    }
}

impl<'a> RawSnapshot<'a> {
    /// Reads the envelope of `GET /api/v1/sync/snapshot`'s body (a `Snapshot`).
    pub fn parse(body: &'a str) -> serde_json::Result<Self> {
        serde_json::from_str(body)
    }
}

/// The rows of a snapshot's records: stored as received (read only for their indexed
/// fields), except those with local edits still pending, which get them on top.
/// Also the kinds of the records kept as received (`RecordRow::foreign`), and which of
/// the `pending` mutations had their contexts fitted to the snapshot
/// (`RecordState::fit_contexts`; changed in place).
type SnapshotRows = (Vec<(JsValue, Option<JsValue>)>, Vec<String>, Vec<usize>);

fn snapshot_rows(
    snapshot: RawSnapshot<'_>,
    pending: &mut [PendingEntry],
    device: DeviceId,
) -> Result<SnapshotRows, DbError> {
    let bad = |e: serde_json::Error| DbError::Decode(format!("snapshot record: {e}"));
    let mut edited: std::collections::HashMap<Uuid, RecordState> = pending
        .iter()
        .map(|(_, m)| (m.id, RecordState::new(m.kind, m.id)))
        .collect();
    let mut rows = Vec::with_capacity(snapshot.records.len() + edited.len());
    let mut foreign: Vec<String> = Vec::new();
    for json in snapshot.records {
        let json = json.get();
        let head = match RecordState::from_json_with_only(json, INDEXED_FIELDS) {
            Ok(head) => head,
            Err(e) => match tradewinds_shared::sync::record_head(json) {
                Ok((kind, id)) if RecordKind::from_code(&kind).is_none() => {
                    rows.push((RecordRow::foreign(&kind, id, json.to_owned()).to_js(), None));
                    if !foreign.contains(&kind) {
                        foreign.push(kind);
                    }
                    continue;
                }
                _ => return Err(bad(e)),
            },
        };
        match edited.get_mut(&head.id) {
            Some(slot) => *slot = serde_json::from_str(json).map_err(bad)?,
            None => rows.push((RecordRow::with_json(&head, json.to_owned()).to_js(), None)),
        }
    }
    let fitted = pending_on_top(&mut edited, pending, device);
    for state in edited.values() {
        rows.push((RecordRow::encode(state)?.to_js(), None));
    }
    Ok((rows, foreign, fitted))
}

/// Applies the `pending` mutations of the records in `states` on top of them (the
/// server's), each context first fitted to the state it lands on
/// (`RecordState::fit_contexts`, changed in place). Returns which mutations were fitted:
/// their outbox entries must be written again.
pub(super) fn pending_on_top(
    states: &mut std::collections::HashMap<Uuid, RecordState>,
    pending: &mut [PendingEntry],
    device: DeviceId,
) -> Vec<usize> {
    let mut fitted = Vec::new();
    for (i, (_, m)) in pending.iter_mut().enumerate() {
        if let Some(state) = states.get_mut(&m.id) {
            if state.fit_contexts(device, m) {
                fitted.push(i);
            }
            state.apply(device, m, None);
        }
    }
    fitted
}

/// Writes again the outbox entries whose mutations `pending_on_top` fitted.
pub(super) async fn rewrite_fitted(
    outbox: &rexie::Store,
    pending: &[PendingEntry],
    fitted: &[usize],
) -> Result<(), DbError> {
    for &i in fitted {
        let (entry, m) = &pending[i];
        let entry = entry.renumbered(m.n, |into| into.ctx = m.ctx.clone())?;
        outbox.put(&to_js(&entry)?, None).await?;
    }
    Ok(())
}

/// Records, in the transaction that stored what came with it, that the catalogue now
/// stands at `cursor` and when data last arrived.
pub(super) async fn synced_to(meta: &rexie::Store, cursor: &Cursor) -> Result<(), DbError> {
    meta.put(&JsValue::from(cursor.0.as_str()), Some(&META_CURSOR.into()))
        .await?;
    meta.put(
        &JsValue::from(now_ms() as f64),
        Some(&META_LAST_SYNC.into()),
    )
    .await?;
    Ok(())
}
