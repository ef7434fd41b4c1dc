//! The files of documents held on this device, in an IndexedDB database of their own
//! (`tradewinds-files`) beside the catalogue's: files are large and only the screens that
//! attach, open or keep them and the uploader read them, so the catalogue's database and
//! the first screen never wait on them.
//!
//! Schema (`FILES_DB_VERSION` 1):
//! - `files`, keyed by `sha256`: a file whose bytes are here (`blob`), with its record
//!   reference (`name`, `type`, `size`), `upload` (waiting to be sent to the server: it was
//!   attached on this device), `kept` (the person asked to keep it for offline use; files
//!   attached here are kept), `added` (ms since 1970) and `refused` (the server's reason,
//!   when it will not take the file).
//! - `parts`, keyed `<sha256>/<offset, 12 digits>`: the parts of a download so far, so that
//!   a download cut by the link or a reload goes on from where it stopped. Put together into
//!   one `files` row (or handed to the person) once complete.
//!
//! Invariant: a `files` row's `blob` is the whole file, whose SHA-256 is its key: rows are
//! written only from bytes whose hash was computed (attached here) or checked (downloaded).

use std::cell::RefCell;
use std::rc::Rc;

use rexie::{KeyRange, ObjectStore, Rexie, TransactionMode};
use send_wrapper::SendWrapper;
use tradewinds_shared::files::Attached;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Blob;

use super::{now_ms, DbError};

pub const FILES_DB: &str = "tradewinds-files";
const FILES_DB_VERSION: u32 = 1;
const FILES: &str = "files";
const PARTS: &str = "parts";

/// A file held on this device.
#[derive(Clone, Debug)]
pub struct Held {
    pub attached: Attached,
    pub blob: Blob,
    /// Attached here and not yet all on the server.
    pub upload: bool,
    /// Kept for offline use at the person's asking (or because it was attached here).
    pub kept: bool,
    pub added: f64,
    /// Why the server will not take it, in the interface's language when it said so.
    pub refused: Option<String>,
}

impl Held {
    fn to_js(&self) -> JsValue {
        let o = js_sys::Object::new();
        let set = |k: &str, v: JsValue| {
            // Setting a property on a fresh plain object cannot fail.
            let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &v);
        };
        let a = &self.attached;
        set("sha256", a.sha256.as_str().into());
        set("name", a.name.as_str().into());
        set("type", a.media_type.as_str().into());
        set("size", JsValue::from_f64(a.size as f64));
        set("blob", self.blob.clone().into());
        set("upload", self.upload.into());
        set("kept", self.kept.into());
        set("added", self.added.into());
        if let Some(r) = &self.refused {
            set("refused", r.as_str().into());
        }
        o.into()
    }

    fn from_js(v: &JsValue) -> Result<Held, DbError> {
        let get = |k: &str| js_sys::Reflect::get(v, &JsValue::from_str(k)).unwrap_or_default();
        let text = |k: &str| get(k).as_string().unwrap_or_default();
        let blob: Blob = get("blob")
            .dyn_into()
            .map_err(|_| DbError::Decode("a kept file has lost its content".into()))?;
        Ok(Held {
            attached: Attached {
                sha256: text("sha256"),
                name: text("name"),
                size: get("size").as_f64().unwrap_or(0.0) as u64,
                media_type: text("type"),
            },
            blob,
            upload: get("upload").as_bool().unwrap_or(false),
            kept: get("kept").as_bool().unwrap_or(false),
            added: get("added").as_f64().unwrap_or(0.0),
            refused: get("refused").as_string(),
        })
    }
}

/// The open files database.
#[derive(Clone)]
pub struct Files {
    rexie: SendWrapper<Rc<Rexie>>,
}

thread_local! {
    static OPEN: RefCell<Option<Files>> = const { RefCell::new(None) };
}

impl Files {
    /// The files database, opened on first use.
    pub async fn open() -> Result<Files, DbError> {
        if let Some(f) = OPEN.with(|o| o.borrow().clone()) {
            return Ok(f);
        }
        let rexie = Rexie::builder(FILES_DB)
            .version(FILES_DB_VERSION)
            .add_object_store(ObjectStore::new(FILES).key_path("sha256"))
            .add_object_store(ObjectStore::new(PARTS))
            .build()
            .await?;
        let files = Files {
            rexie: SendWrapper::new(Rc::new(rexie)),
        };
        OPEN.with(|o| *o.borrow_mut() = Some(files.clone()));
        Ok(files)
    }

    /// Keeps a file chosen on this device to attach: waiting to upload, and kept.
    pub async fn attach(&self, attached: &Attached, blob: &Blob) -> Result<(), DbError> {
        self.hold(attached, blob, true).await
    }

    /// Keeps a file downloaded whole (its hash checked) for offline use.
    pub async fn keep(&self, attached: &Attached, blob: &Blob) -> Result<(), DbError> {
        self.hold(attached, blob, false).await
    }

    /// Keeps a file, to be sent if `upload`. One already here is only marked kept: the
    /// server has it or will, as it was sent or is waiting.
    async fn hold(&self, attached: &Attached, blob: &Blob, upload: bool) -> Result<(), DbError> {
        let held = match self.get(&attached.sha256).await? {
            Some(h) => Held { kept: true, ..h },
            None => Held {
                attached: attached.clone(),
                blob: blob.clone(),
                upload,
                kept: true,
                added: now_ms() as f64,
                refused: None,
            },
        };
        self.put(&held).await
    }

    /// No longer keeps a file for offline use; a file still waiting to upload stays.
    pub async fn forget(&self, sha256: &str) -> Result<(), DbError> {
        match self.get(sha256).await? {
            Some(h) if h.upload => self.put(&Held { kept: false, ..h }).await,
            Some(_) => self.remove(sha256).await,
            None => Ok(()),
        }
    }

    pub async fn get(&self, sha256: &str) -> Result<Option<Held>, DbError> {
        let tx = self
            .rexie
            .transaction(&[FILES], TransactionMode::ReadOnly)?;
        let row = tx.store(FILES)?.get(sha256.into()).await?;
        row.as_ref().map(Held::from_js).transpose()
    }

    /// Every file held here.
    pub async fn all(&self) -> Result<Vec<Held>, DbError> {
        let tx = self
            .rexie
            .transaction(&[FILES], TransactionMode::ReadOnly)?;
        let rows = tx.store(FILES)?.get_all(None, None).await?;
        rows.iter().map(Held::from_js).collect()
    }

    /// The file has reached the server whole.
    pub async fn uploaded(&self, sha256: &str) -> Result<(), DbError> {
        if let Some(h) = self.get(sha256).await? {
            self.put(&Held { upload: false, ..h }).await?;
        }
        Ok(())
    }

    /// The server will not take the file, for `reason`: it is no longer sent, and stays
    /// here for the person to see why.
    pub async fn refused(&self, sha256: &str, reason: String) -> Result<(), DbError> {
        if let Some(h) = self.get(sha256).await? {
            let held = Held {
                upload: false,
                refused: Some(reason),
                ..h
            };
            self.put(&held).await?;
        }
        Ok(())
    }

    pub async fn remove(&self, sha256: &str) -> Result<(), DbError> {
        let tx = self
            .rexie
            .transaction(&[FILES], TransactionMode::ReadWrite)?;
        tx.store(FILES)?.delete(sha256.into()).await?;
        tx.done().await?;
        Ok(())
    }

    async fn put(&self, held: &Held) -> Result<(), DbError> {
        let tx = self
            .rexie
            .transaction(&[FILES], TransactionMode::ReadWrite)?;
        tx.store(FILES)?.put(&held.to_js(), None).await?;
        tx.done().await?;
        Ok(())
    }

    /// The parts of a download of `sha256` held so far, in order, while they follow on
    /// from the start (a part after a gap is dropped with the rest), and their bytes in all.
    pub async fn parts(&self, sha256: &str) -> Result<(Vec<Blob>, u64), DbError> {
        let tx = self
            .rexie
            .transaction(&[PARTS], TransactionMode::ReadOnly)?;
        let rows = tx
            .store(PARTS)?
            .get_all(Some(parts_of(sha256)?), None)
            .await?;
        let mut parts = Vec::new();
        let mut next = 0.0;
        for row in rows {
            let number = |k: &str| js_sys::Reflect::get(&row, &k.into()).ok()?.as_f64();
            let blob = js_sys::Reflect::get(&row, &"blob".into())
                .ok()
                .and_then(|b| b.dyn_into::<Blob>().ok());
            match (number("offset"), number("length"), blob) {
                (Some(o), Some(n), Some(b)) if o == next => {
                    next += n;
                    parts.push(b);
                }
                _ => break,
            }
        }
        Ok((parts, next as u64))
    }

    /// Keeps the next part of a download of `sha256`, which starts at `offset` and holds
    /// `length` bytes.
    pub async fn add_part(
        &self,
        sha256: &str,
        offset: u64,
        length: u64,
        blob: &Blob,
    ) -> Result<(), DbError> {
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"offset".into(), &JsValue::from_f64(offset as f64));
        let _ = js_sys::Reflect::set(&o, &"length".into(), &JsValue::from_f64(length as f64));
        let _ = js_sys::Reflect::set(&o, &"blob".into(), blob);
        let tx = self
            .rexie
            .transaction(&[PARTS], TransactionMode::ReadWrite)?;
        tx.store(PARTS)?
            .put(&o.into(), Some(&part_key(sha256, offset).into()))
            .await?;
        tx.done().await?;
        Ok(())
    }

    /// Drops the parts of a download of `sha256` (complete, or found corrupt).
    pub async fn drop_parts(&self, sha256: &str) -> Result<(), DbError> {
        let tx = self
            .rexie
            .transaction(&[PARTS], TransactionMode::ReadWrite)?;
        tx.store(PARTS)?.delete(parts_of(sha256)?.into()).await?;
        tx.done().await?;
        Ok(())
    }
}

fn part_key(sha256: &str, offset: u64) -> String {
    format!("{sha256}/{offset:012}")
}

fn parts_of(sha256: &str) -> Result<KeyRange, DbError> {
    let (low, high) = (format!("{sha256}/"), format!("{sha256}/~"));
    Ok(KeyRange::bound(&low.into(), &high.into(), None, None).map_err(rexie::Error::from)?)
}
