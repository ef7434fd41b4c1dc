//! Everything the app keeps in the browser's IndexedDB, and the only module that touches it.
//!
//! Schema history (`DB_VERSION`):
//! - v1: `records` (the catalogue: one row per record, keyed `kind/id`, indexed by `kind`)
//!   and `meta` (device id, sync cursor, counters).
//! - v2: `outbox` (this device's mutations not yet acknowledged by the server, keyed by
//!   mutation number) and the `org` index on `records` (contacts by organisation). Data
//!   step: rows written by v1 get their `org` property.
//!
//! - v3: the `listed` index on `records` (the kind, on rows of live records only): lists
//!   and counts skip deleted records without reading them. Data step: every row gets its
//!   `listed` property.
//!
//! `meta` also keeps the signed-in session (key `session`, a `StoredSession` object whose
//! `token` the service worker reads too); outbox entries name their author (`by`), since
//! they are sent only under that person's session. Both are plain properties: no version
//! change.
//!
//! Rows hold the merged record state as a JSON string (fast to write, no JS object
//! churn) next to the few properties that are indexed. A snapshot's records are stored as
//! the server sent them: only the fields the indexes need are read (`INDEXED_FIELDS`). A local edit writes the record, the
//! outbox entry and the mutation counter in one transaction: an edit is never stored
//! without the mutation that will sync it.

mod rows;

use std::collections::BTreeMap;
use std::rc::Rc;

use send_wrapper::SendWrapper;

use rexie::{Index, KeyRange, ObjectStore, Rexie, TransactionMode};
use serde_json::{Map, Value};
use tradewinds_shared::access::Denied;
use tradewinds_shared::accounts::{Session, User};
use tradewinds_shared::sync::{Cursor, DeviceId, Mutation, RecordState, Rejection};
use tradewinds_shared::{RecordKind, ValidationErrors};
use uuid::Uuid;
use wasm_bindgen::JsValue;

use rows::{from_js, to_js, RecordRow, INDEXED_FIELDS};
pub use rows::{OutboxEntry, OutboxStatus, StoredSession};

pub const DB_NAME: &str = "tradewinds";
pub const DB_VERSION: u32 = 3;

const RECORDS: &str = "records";
const META: &str = "meta";
const OUTBOX: &str = "outbox";

const META_DEVICE: &str = "device_id";
/// Outbox keys from here up hold refused entries moved aside by `renumber_as_new_device`.
const PARKED: u64 = 1 << 40;
const META_NEXT_N: &str = "next_mutation";
const META_CURSOR: &str = "cursor";
const META_DATA_VERSION: &str = "data_version";
const META_LAST_SYNC: &str = "last_sync";
const META_SESSION: &str = "session";
/// The kinds of the records stored as received because this release does not know them.
const META_FOREIGN: &str = "foreign_kinds";

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("the browser's database failed: {0}")]
    IndexedDb(#[from] rexie::Error),
    #[error("stored data could not be read: {0}")]
    Decode(String),
    #[error("this browser has no usable storage (private mode or storage disabled?)")]
    Unavailable,
}

/// Why a local edit was not stored.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("{0}")]
    Invalid(ValidationErrors),
    /// The person's role does not allow it (the same rule the server applies).
    #[error("{0}")]
    Denied(Denied),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<rexie::Error> for EditError {
    fn from(e: rexie::Error) -> Self {
        EditError::Db(DbError::IndexedDb(e))
    }
}

/// The schema of `version`: every store and index it has.
pub fn schema(name: &str, version: u32) -> rexie::RexieBuilder {
    let mut records = ObjectStore::new(RECORDS)
        .key_path("key")
        .add_index(Index::new("kind", "kind"));
    if version >= 2 {
        records = records.add_index(Index::new("org", "org"));
    }
    if version >= 3 {
        records = records.add_index(Index::new("listed", "listed"));
    }
    let mut builder = Rexie::builder(name)
        .version(version)
        .add_object_store(records)
        .add_object_store(ObjectStore::new(META));
    if version >= 2 {
        builder = builder.add_object_store(ObjectStore::new(OUTBOX).key_path("n"));
    }
    builder
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

/// The open database. Browsers run the app on one thread; the wrapper lets the handle sit in
/// Leptos contexts (which ask for `Send`) and would panic if touched from another thread.
#[derive(Clone)]
pub struct Db {
    rexie: SendWrapper<Rc<Rexie>>,
}

impl Db {
    /// Opens the app's database, upgrading it to `DB_VERSION`.
    pub async fn open() -> Result<Db, DbError> {
        Self::open_named(DB_NAME).await
    }

    /// Opens (or creates) the database `name` at the current version and runs the data
    /// steps of any upgrade.
    pub async fn open_named(name: &str) -> Result<Db, DbError> {
        if web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .is_none()
        {
            return Err(DbError::Unavailable);
        }
        let rexie = schema(name, DB_VERSION).build().await?;
        let db = Db {
            rexie: SendWrapper::new(Rc::new(rexie)),
        };
        db.migrate_data().await?;
        db.adopt_foreign().await?;
        Ok(db)
    }

    /// Data steps of upgrades, recorded in `meta.data_version` so each runs once.
    async fn migrate_data(&self) -> Result<(), DbError> {
        let tx = self
            .rexie
            .transaction(&[RECORDS, META], TransactionMode::ReadWrite)?;
        let meta = tx.store(META)?;
        let done: u32 = match meta.get(META_DATA_VERSION.into()).await? {
            Some(v) => v.as_f64().unwrap_or(0.0) as u32,
            None => 1,
        };
        if done < 3 {
            // v2 indexes contacts by organisation (`org`), v3 live records by kind
            // (`listed`): fill both in on rows written before.
            let records = tx.store(RECORDS)?;
            let rows = records.get_all(None, None).await?;
            for row in rows {
                let row = RecordRow::from_js(&row)?;
                if !row.known() {
                    continue;
                }
                let state = row.decode()?;
                records
                    .put(&RecordRow::with_json(&state, row.state).to_js(), None)
                    .await?;
            }
        }
        meta.put(&JsValue::from(DB_VERSION), Some(&META_DATA_VERSION.into()))
            .await?;
        tx.done().await?;
        Ok(())
    }

    /// Records an earlier release stored as received, of kinds this release knows: indexed
    /// now (lists, counts, contacts by organisation), so they show without loading the
    /// catalogue again.
    async fn adopt_foreign(&self) -> Result<(), DbError> {
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

    /// This browser's device id, made on first use.
    pub async fn device_id(&self) -> Result<DeviceId, DbError> {
        let tx = self
            .rexie
            .transaction(&[META], TransactionMode::ReadWrite)?;
        let meta = tx.store(META)?;
        let id = match read_device(&meta).await? {
            Some(id) => id,
            None => {
                let id = new_id();
                meta.put(&JsValue::from(id.to_string()), Some(&META_DEVICE.into()))
                    .await?;
                id
            }
        };
        tx.done().await?;
        Ok(id)
    }

    /// All records of a kind, deleted ones left out.
    pub async fn records(&self, kind: RecordKind) -> Result<Vec<RecordState>, DbError> {
        self.live_by_index("listed", kind.code()).await
    }

    /// How many live records of a kind there are (counted by the index, nothing read).
    pub async fn count(&self, kind: RecordKind) -> Result<usize, DbError> {
        let tx = self
            .rexie
            .transaction(&[RECORDS], TransactionMode::ReadOnly)?;
        let range = KeyRange::only(&kind.code().into()).map_err(rexie::Error::from)?;
        let n = tx
            .store(RECORDS)?
            .index("listed")?
            .count(Some(range))
            .await?;
        Ok(n as usize)
    }

    /// The contacts of one organisation (through the `org` index).
    pub async fn contacts_of(&self, org: Uuid) -> Result<Vec<RecordState>, DbError> {
        let all = self.live_by_index("org", &org.to_string()).await?;
        Ok(all
            .into_iter()
            .filter(|r| r.kind == RecordKind::Contact)
            .collect())
    }

    /// The live records whose `index` property equals `key`.
    async fn live_by_index(&self, index: &str, key: &str) -> Result<Vec<RecordState>, DbError> {
        let tx = self
            .rexie
            .transaction(&[RECORDS], TransactionMode::ReadOnly)?;
        let range = KeyRange::only(&key.into()).map_err(rexie::Error::from)?;
        let rows = tx
            .store(RECORDS)?
            .index(index)?
            .get_all(Some(range), None)
            .await?;
        decode_live(rows)
    }

    /// One record, deleted or not.
    pub async fn record(&self, kind: RecordKind, id: Uuid) -> Result<Option<RecordState>, DbError> {
        let tx = self
            .rexie
            .transaction(&[RECORDS], TransactionMode::ReadOnly)?;
        let row = tx
            .store(RECORDS)?
            .get(RecordRow::key(kind, id).into())
            .await?;
        row.map(|r| RecordRow::from_js(&r)?.decode()).transpose()
    }

    /// Stores `by`'s local edit: the record, its outbox mutation and the counter,
    /// atomically. The same checks as the server's run first (the record's rules, then
    /// whether `by` may make this change); nothing is written if one fails.
    /// `Ok(None)`: nothing differed, nothing stored.
    pub async fn edit(
        &self,
        by: &User,
        kind: RecordKind,
        id: Uuid,
        changes: Map<String, Value>,
    ) -> Result<Option<Mutation>, EditError> {
        self.write_with(by, kind, id, move |state, n, at| state.edit(n, at, changes))
            .await
    }

    /// Keeps `value` for a field in conflict: an ordinary mutation that has seen every
    /// write of the field.
    pub async fn resolve(
        &self,
        by: &User,
        kind: RecordKind,
        id: Uuid,
        field: String,
        value: Value,
    ) -> Result<Option<Mutation>, EditError> {
        self.write_with(by, kind, id, move |state, n, at| {
            Some(state.resolve(n, at, &field, value))
        })
        .await
    }

    async fn write_with(
        &self,
        by: &User,
        kind: RecordKind,
        id: Uuid,
        build: impl FnOnce(&RecordState, u64, i64) -> Option<Mutation>,
    ) -> Result<Option<Mutation>, EditError> {
        let device = self.device_id().await?;
        let tx = self
            .rexie
            .transaction(&[RECORDS, OUTBOX, META], TransactionMode::ReadWrite)?;
        let records = tx.store(RECORDS)?;
        let meta = tx.store(META)?;
        let current = match records.get(RecordRow::key(kind, id).into()).await? {
            Some(row) => Some(RecordRow::from_js(&row)?.decode()?),
            None => None,
        };
        let n = meta
            .get(META_NEXT_N.into())
            .await?
            .and_then(|v| v.as_f64())
            .map_or(1, |v| v as u64);
        let base = current
            .clone()
            .unwrap_or_else(|| RecordState::new(kind, id));
        let Some(mutation) = build(&base, n, now_ms()) else {
            tx.abort().await?;
            return Ok(None);
        };
        let checked =
            RecordState::check_mutation(current.as_ref(), device, &mutation, Some(by.display()))
                .map_err(EditError::Invalid)
                .and_then(|next| {
                    by.actor()
                        .check_write(current.as_ref(), &next, &mutation)
                        .map_err(EditError::Denied)
                        .map(|()| next)
                });
        let next = match checked {
            Ok(next) => next,
            Err(e) => {
                tx.abort().await?;
                return Err(e);
            }
        };
        records
            .put(&RecordRow::encode(&next)?.to_js(), None)
            .await?;
        tx.store(OUTBOX)?
            .add(&to_js(&OutboxEntry::pending(&mutation, Some(by))?)?, None)
            .await?;
        meta.put(&JsValue::from((n + 1) as f64), Some(&META_NEXT_N.into()))
            .await?;
        tx.done().await?;
        Ok(Some(mutation))
    }

    /// Every live record with a field in conflict.
    pub async fn conflicted(&self) -> Result<Vec<RecordState>, DbError> {
        let tx = self
            .rexie
            .transaction(&[RECORDS], TransactionMode::ReadOnly)?;
        let rows = tx.store(RECORDS)?.get_all(None, None).await?;
        Ok(decode_live(rows)?
            .into_iter()
            .filter(|r| r.conflicts().next().is_some())
            .collect())
    }

    /// The server will never accept this device's waiting mutations under its id: it lost
    /// mutations it had acknowledged (restored from a backup), or the id is another
    /// account's (someone else synced from this browser first). The pending mutations are
    /// renumbered from 1 under a new device id, their contexts naming each other's new
    /// numbers (`Mutation::move_device`), and the cursor is forgotten, all in one
    /// transaction. The next snapshot loaded fits their contexts to the server's records,
    /// then they are pushed.
    pub async fn renumber_as_new_device(&self) -> Result<DeviceId, DbError> {
        self.renumber_keeping(|_| true, true).await
    }

    /// Discards the changes made on this browser by `author` that were never sent (another
    /// person signed in and chose not to send them under their own name). The rest is
    /// renumbered as a new device, as after a server restore, so that the numbering the
    /// server sees stays gapless. Returns how many were discarded.
    pub async fn discard_pending_by(&self, author: Uuid) -> Result<usize, DbError> {
        let before = self.outbox().await?.len();
        self.renumber_keeping(
            |e| e.status != OutboxStatus::Pending || e.by != Some(author),
            true,
        )
        .await?;
        Ok(before - self.outbox().await?.len())
    }

    /// Renumbers the kept pending entries from 1 under a new device id, in one
    /// transaction; entries `keep` refuses are dropped. With `forget_cursor` the next
    /// sync starts from a snapshot.
    async fn renumber_keeping(
        &self,
        keep: impl Fn(&OutboxEntry) -> bool,
        forget_cursor: bool,
    ) -> Result<DeviceId, DbError> {
        let tx = self
            .rexie
            .transaction(&[OUTBOX, META], TransactionMode::ReadWrite)?;
        let outbox = tx.store(OUTBOX)?;
        let meta = tx.store(META)?;
        let old_device = read_device(&meta).await?;
        let device = new_id();
        let entries: Vec<OutboxEntry> = outbox
            .get_all(None, None)
            .await?
            .into_iter()
            .map(from_js)
            .collect::<Result<_, _>>()?;
        outbox.clear().await?;
        let pending = |e: &&OutboxEntry| e.status == OutboxStatus::Pending;
        let first_unsent = entries.iter().find(pending).map_or(u64::MAX, |e| e.n);
        let renumbered: BTreeMap<u64, u64> = entries
            .iter()
            .filter(|e| keep(e))
            .filter(pending)
            .zip(1..)
            .map(|(e, n)| (e.n, n))
            .collect();
        for mut entry in entries.into_iter().filter(|e| keep(e)) {
            if let Some(&n) = renumbered.get(&entry.n).filter(|_| pending(&&entry)) {
                // Contexts naming this person's unsent edits name them as they are now.
                entry = entry.renumbered(n, |m| {
                    if let Some(old) = old_device {
                        m.move_device(old, device, &renumbered, first_unsent);
                    }
                })?;
            } else if entry.n < PARKED {
                // Refused entries are only shown, never pushed: park them above any number
                // the new device will reach, so that they keep their place in the list.
                entry.n += PARKED;
            }
            outbox.put(&to_js(&entry)?, None).await?;
        }
        meta.put(
            &JsValue::from(device.to_string()),
            Some(&META_DEVICE.into()),
        )
        .await?;
        meta.put(
            &JsValue::from((renumbered.len() + 1) as f64),
            Some(&META_NEXT_N.into()),
        )
        .await?;
        if forget_cursor {
            meta.delete(META_CURSOR.into()).await?;
        }
        tx.done().await?;
        Ok(device)
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
        for i in fitted {
            let (entry, m) = &pending[i];
            let entry = entry.renumbered(m.n, |into| into.ctx = m.ctx.clone())?;
            outbox.put(&to_js(&entry)?, None).await?;
        }
        records.clear().await?;
        records.put_all(rows.into_iter()).await?;
        let meta = tx.store(META)?;
        meta.put(&JsValue::from(cursor.0), Some(&META_CURSOR.into()))
            .await?;
        meta.put(&to_js(&foreign)?, Some(&META_FOREIGN.into()))
            .await?;
        meta.put(
            &JsValue::from(now_ms() as f64),
            Some(&META_LAST_SYNC.into()),
        )
        .await?;
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
        meta.put(&JsValue::from(cursor.0.clone()), Some(&META_CURSOR.into()))
            .await?;
        meta.put(
            &JsValue::from(now_ms() as f64),
            Some(&META_LAST_SYNC.into()),
        )
        .await?;
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

    /// Every outbox entry, oldest first.
    pub async fn outbox(&self) -> Result<Vec<OutboxEntry>, DbError> {
        let tx = self
            .rexie
            .transaction(&[OUTBOX], TransactionMode::ReadOnly)?;
        let rows = tx.store(OUTBOX)?.get_all(None, None).await?;
        rows.into_iter().map(from_js).collect()
    }

    /// Records the server's answer to a push: acknowledged mutations leave the outbox,
    /// rejected ones stay, marked, for the person to see.
    pub async fn acknowledge(
        &self,
        last_applied: u64,
        rejections: &[Rejection],
    ) -> Result<(), DbError> {
        let tx = self
            .rexie
            .transaction(&[OUTBOX], TransactionMode::ReadWrite)?;
        let outbox = tx.store(OUTBOX)?;
        let rows = outbox.get_all(None, None).await?;
        for row in rows {
            let mut entry: OutboxEntry = from_js(row)?;
            if entry.n > last_applied || entry.status == OutboxStatus::Rejected {
                continue;
            }
            match rejections.iter().find(|r| r.n == entry.n) {
                Some(r) => {
                    entry.status = OutboxStatus::Rejected;
                    entry.rejection = Some(r.clone());
                    outbox.put(&to_js(&entry)?, None).await?;
                }
                None => outbox.delete(JsValue::from(entry.n as f64)).await?,
            }
        }
        tx.done().await?;
        Ok(())
    }

    /// Removes a rejected entry the person has dealt with.
    pub async fn dismiss(&self, n: u64) -> Result<(), DbError> {
        let tx = self
            .rexie
            .transaction(&[OUTBOX], TransactionMode::ReadWrite)?;
        tx.store(OUTBOX)?.delete(JsValue::from(n as f64)).await?;
        tx.done().await?;
        Ok(())
    }

    /// The session kept on this browser, signed in or expired; `None`: nobody signed in.
    pub async fn session(&self) -> Result<Option<StoredSession>, DbError> {
        let tx = self.rexie.transaction(&[META], TransactionMode::ReadOnly)?;
        let v = tx.store(META)?.get(META_SESSION.into()).await?;
        v.filter(|v| v.is_object()).map(from_js).transpose()
    }

    /// Keeps a new session (after signing in), replacing any other.
    pub async fn save_session(&self, session: &Session) -> Result<StoredSession, DbError> {
        let stored = StoredSession::from(session.clone());
        self.put_meta(META_SESSION, to_js(&stored)?).await?;
        Ok(stored)
    }

    /// The server refused `token`: keep the person, forget the token. Does nothing if
    /// another session (another tab signed in meanwhile) has replaced it. Returns the
    /// session as now stored.
    pub async fn end_session(&self, token: &str) -> Result<Option<StoredSession>, DbError> {
        self.change_session(|s| {
            if s.token.as_deref() == Some(token) {
                s.token = None;
            }
        })
        .await
    }

    /// The server's current view of the signed-in person (role or organisation changed).
    pub async fn update_user(&self, user: &User) -> Result<Option<StoredSession>, DbError> {
        self.change_session(|s| {
            if s.user.id == user.id {
                s.user = user.clone();
            }
        })
        .await
    }

    async fn change_session(
        &self,
        change: impl FnOnce(&mut StoredSession),
    ) -> Result<Option<StoredSession>, DbError> {
        let tx = self
            .rexie
            .transaction(&[META], TransactionMode::ReadWrite)?;
        let meta = tx.store(META)?;
        let stored = meta
            .get(META_SESSION.into())
            .await?
            .filter(|v| v.is_object())
            .map(from_js::<StoredSession>)
            .transpose()?;
        let Some(mut session) = stored else {
            tx.done().await?;
            return Ok(None);
        };
        change(&mut session);
        meta.put(&to_js(&session)?, Some(&META_SESSION.into()))
            .await?;
        tx.done().await?;
        Ok(Some(session))
    }

    /// Signs out on this browser: forgets the session. Records and the outbox stay.
    pub async fn forget_session(&self) -> Result<(), DbError> {
        let tx = self
            .rexie
            .transaction(&[META], TransactionMode::ReadWrite)?;
        tx.store(META)?.delete(META_SESSION.into()).await?;
        tx.done().await?;
        Ok(())
    }

    async fn put_meta(&self, key: &str, value: JsValue) -> Result<(), DbError> {
        let tx = self
            .rexie
            .transaction(&[META], TransactionMode::ReadWrite)?;
        tx.store(META)?.put(&value, Some(&key.into())).await?;
        tx.done().await?;
        Ok(())
    }

    pub fn close(self) {
        if let Ok(rexie) = Rc::try_unwrap(self.rexie.take()) {
            rexie.close();
        }
    }
}

/// The device id kept in `meta`, if any.
async fn read_device(meta: &rexie::Store) -> Result<Option<DeviceId>, DbError> {
    Ok(meta
        .get(META_DEVICE.into())
        .await?
        .and_then(|v| v.as_string())
        .and_then(|s| Uuid::parse_str(&s).ok()))
}

/// The outbox entries still to be sent, oldest first, each with its mutation.
async fn pending_entries(outbox: &rexie::Store) -> Result<Vec<PendingEntry>, DbError> {
    let rows = outbox.get_all(None, None).await?;
    let mut out = Vec::new();
    for row in rows {
        let entry: OutboxEntry = from_js(row)?;
        if entry.status == OutboxStatus::Pending {
            let m = entry.mutation()?;
            out.push((entry, m));
        }
    }
    Ok(out)
}

/// A waiting outbox entry and its mutation.
type PendingEntry = (OutboxEntry, Mutation);

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
    let mut fitted = Vec::new();
    for (i, (_, m)) in pending.iter_mut().enumerate() {
        if let Some(state) = edited.get_mut(&m.id) {
            if state.fit_contexts(device, m) {
                fitted.push(i);
            }
            state.apply(device, m, None);
        }
    }
    for state in edited.values() {
        rows.push((RecordRow::encode(state)?.to_js(), None));
    }
    Ok((rows, foreign, fitted))
}

fn decode_live(rows: Vec<JsValue>) -> Result<Vec<RecordState>, DbError> {
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let row = RecordRow::from_js(&row)?;
        if !row.known() {
            continue;
        }
        let state = row.decode()?;
        if !state.is_deleted() {
            out.push(state);
        }
    }
    Ok(out)
}

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A new random id from the browser's cryptographic generator.
pub fn new_id() -> Uuid {
    let s = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_default();
    Uuid::parse_str(&s).unwrap_or_else(|_| {
        // Without crypto.randomUUID (very old browsers), fall back to Math.random bits.
        let mut bytes = [0u8; 16];
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    })
}
