//! Everything the app keeps in the browser's IndexedDB, and the only module that touches it.
//! This module opens it (schema and data steps) and reads and edits records; `outbox` keeps
//! the changes waiting for the server, `replica` the server's copy (snapshots, pulls, the
//! cursor), `bootstrap` the catalogue filled page by page, `session` the signed-in person,
//! `many` an import's many edits as one write, `rows` the stored rows' shapes.
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

mod bootstrap;
pub mod files;
mod many;
mod outbox;
mod replica;
mod rows;
mod session;

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

pub use replica::{Pulled, RawSnapshot};
use rows::{to_js, RecordRow};

use crate::i18n::{msg, t, tf};
pub use rows::{OutboxEntry, OutboxStatus, StoredSeal, StoredSession};

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
/// The key that seals the signed-in person's changes files (`StoredSeal`).
const META_SEAL: &str = "seal";
/// The kinds of the records stored as received because this release does not know them.
const META_FOREIGN: &str = "foreign_kinds";

/// Why this browser's storage failed; shown (`Display`) in the interface's language.
#[derive(Debug)]
pub enum DbError {
    IndexedDb(rexie::Error),
    Decode(String),
    Encode(String),
    Unavailable,
}

impl From<rexie::Error> for DbError {
    fn from(e: rexie::Error) -> Self {
        DbError::IndexedDb(e)
    }
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let detail =
            |id, e: &dyn std::fmt::Display| tf(id, &[("error", e.to_string().as_str().into())]);
        f.write_str(&match self {
            DbError::IndexedDb(e) => detail(msg::DB_FAILED, e),
            DbError::Decode(e) => detail(msg::DB_UNREADABLE, e),
            DbError::Encode(e) => detail(msg::DB_UNSTORABLE, e),
            DbError::Unavailable => t(msg::DB_UNAVAILABLE).to_owned(),
        })
    }
}

impl std::error::Error for DbError {}

/// Why a local edit was not stored; shown (`Display`) in the interface's language.
#[derive(Debug)]
pub enum EditError {
    Invalid(ValidationErrors),
    /// The person's role does not allow it (the same rule the server applies).
    Denied(Denied),
    Db(DbError),
    /// A form's record was removed (on this or another device) while it was open.
    Removed,
    /// Fields this form changed that another tab of this browser saved meanwhile, with the
    /// values it saved: saving would replace them unseen.
    WrittenHere(Vec<(String, Value)>),
}

impl From<DbError> for EditError {
    fn from(e: DbError) -> Self {
        EditError::Db(e)
    }
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::Invalid(errors) => {
                let each: Vec<String> = errors.0.iter().map(crate::i18n::field_problem).collect();
                f.write_str(&each.join(" "))
            }
            EditError::Denied(d) => f.write_str(&crate::i18n::problem(&d.problem)),
            EditError::Db(e) => e.fmt(f),
            EditError::Removed => f.write_str(t(msg::EDIT_REMOVED_MEANWHILE)),
            EditError::WrittenHere(_) => f.write_str(t(msg::EDIT_WRITTEN_HERE)),
        }
    }
}

impl std::error::Error for EditError {}

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

    /// Every record of a kind, removed ones too (what an import matches ids against).
    pub async fn records_with_removed(
        &self,
        kind: RecordKind,
    ) -> Result<Vec<RecordState>, DbError> {
        self.rows_by_index("kind", kind.code())
            .await?
            .iter()
            .map(|r| RecordRow::from_js(r)?.decode())
            .collect()
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
        decode_live(self.rows_by_index(index, key).await?)
    }

    /// The stored rows whose `index` has `key`.
    async fn rows_by_index(&self, index: &str, key: &str) -> Result<Vec<JsValue>, DbError> {
        let tx = self
            .rexie
            .transaction(&[RECORDS], TransactionMode::ReadOnly)?;
        let range = KeyRange::only(&key.into()).map_err(rexie::Error::from)?;
        Ok(tx
            .store(RECORDS)?
            .index(index)?
            .get_all(Some(range), None)
            .await?)
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
        self.write_with(by, kind, id, move |state, n, at| {
            Ok(state.edit(n, at, changes))
        })
        .await
    }

    /// `edit` from a form opened on the values `opened`: only the fields changed in the
    /// form are written, and one someone else changed meanwhile becomes a conflict
    /// (`RecordState::edit_since`). A record removed since the form opened is not edited
    /// (`EditError::Removed`), checked in the same transaction as the write. A field another
    /// tab of this browser saved meanwhile, which the save would replace unseen, is answered
    /// first (`EditError::WrittenHere`) unless the person was `told` of that value.
    pub async fn edit_since(
        &self,
        by: &User,
        kind: RecordKind,
        id: Uuid,
        changes: Map<String, Value>,
        opened: Map<String, Value>,
        told: Map<String, Value>,
    ) -> Result<Option<Mutation>, EditError> {
        let device = self.device_id().await?;
        self.write_with(by, kind, id, move |state, n, at| {
            if state.is_deleted() {
                return Err(EditError::Removed);
            }
            let here = state.written_here_meanwhile(device, &changes, &opened, &told);
            if !here.is_empty() {
                return Err(EditError::WrittenHere(here));
            }
            Ok(state.edit_since(n, at, changes, &opened))
        })
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
            Ok(Some(state.resolve(n, at, &field, value)))
        })
        .await
    }

    async fn write_with(
        &self,
        by: &User,
        kind: RecordKind,
        id: Uuid,
        build: impl FnOnce(&RecordState, u64, i64) -> Result<Option<Mutation>, EditError>,
    ) -> Result<Option<Mutation>, EditError> {
        let device = self.device_id().await?;
        let tx = self
            .rexie
            .transaction(&[RECORDS, OUTBOX, META], TransactionMode::ReadWrite)?;
        let meta = tx.store(META)?;
        let n = next_n(&meta).await?;
        let staged = stage(&tx, device, by, kind, id, n, build).await;
        match staged {
            Ok(Some(mutation)) => {
                meta.put(&JsValue::from((n + 1) as f64), Some(&META_NEXT_N.into()))
                    .await?;
                tx.done().await?;
                Ok(Some(mutation))
            }
            other => {
                tx.abort().await?;
                other
            }
        }
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

/// The number the device's next mutation takes.
async fn next_n(meta: &rexie::Store) -> Result<u64, DbError> {
    Ok(meta
        .get(META_NEXT_N.into())
        .await?
        .and_then(|v| v.as_f64())
        .map_or(1, |v| v as u64))
}

/// One local edit inside the write transaction `tx`, numbered `n`: the record as stored
/// read, the edit `checked`, and the record and its outbox entry put. The caller stores
/// the counter and ends the transaction (or aborts it on a refusal).
async fn stage(
    tx: &rexie::Transaction,
    device: DeviceId,
    by: &User,
    kind: RecordKind,
    id: Uuid,
    n: u64,
    build: impl FnOnce(&RecordState, u64, i64) -> Result<Option<Mutation>, EditError>,
) -> Result<Option<Mutation>, EditError> {
    let records = tx.store(RECORDS)?;
    let current = match records.get(RecordRow::key(kind, id).into()).await? {
        Some(row) => Some(RecordRow::from_js(&row)?.decode()?),
        None => None,
    };
    let Some((mutation, row, entry)) = checked(current, device, by, kind, id, n, build)? else {
        return Ok(None);
    };
    records.put(&row, None).await?;
    tx.store(OUTBOX)?.add(&entry, None).await?;
    Ok(Some(mutation))
}

/// The local edit `build` makes from `current` (the record as stored, if any), numbered
/// `n` and checked as the server checks it (the record's rules, then whether `by` may make
/// it): the mutation, and the record's row and its outbox entry ready to put; `None` if
/// nothing changes.
fn checked(
    current: Option<RecordState>,
    device: DeviceId,
    by: &User,
    kind: RecordKind,
    id: Uuid,
    n: u64,
    build: impl FnOnce(&RecordState, u64, i64) -> Result<Option<Mutation>, EditError>,
) -> Result<Option<(Mutation, JsValue, JsValue)>, EditError> {
    let base = current
        .clone()
        .unwrap_or_else(|| RecordState::new(kind, id));
    let Some(mutation) = build(&base, n, now_ms())? else {
        return Ok(None);
    };
    let next = RecordState::check_mutation(current.as_ref(), device, &mutation, Some(by.display()))
        .map_err(EditError::Invalid)?;
    by.actor()
        .check_write(current.as_ref(), &next, &mutation)
        .map_err(EditError::Denied)?;
    let row = RecordRow::encode(&next)?.to_js();
    let entry = to_js(&OutboxEntry::pending(&mutation, Some(by))?)?;
    Ok(Some((mutation, row, entry)))
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
