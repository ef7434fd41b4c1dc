//! The catalogue filled page by page from a bootstrap generation
//! (`tradewinds_shared::sync::bootstrap`), so that a cut link or a closed tab costs at most
//! the page under way, and what has arrived can already be read.
//!
//! `meta` keeps the generation under way (its index and how many pages are stored) and,
//! per stored page, the keys of its records. Each page is stored in one transaction with
//! that progress. When the last page is in, one transaction removes the rows the
//! generation does not have (the catalogue of another server, or of this one before a
//! restore), unless they carry waiting changes, and sets the cursor: until then the
//! catalogue has no cursor, so an interrupted bootstrap is continued, never mistaken for a
//! finished one.

use std::collections::{HashMap, HashSet};

use tradewinds_shared::sync::bootstrap::{BootstrapIndex, LeanRecord};

use super::outbox::pending_entries;
use super::replica::{pending_on_top, rewrite_fitted, synced_to};
use super::rows::{from_js, to_js, RecordRow};
use super::*;

/// The generation under way and how many of its pages are stored.
const META_BOOTSTRAP: &str = "bootstrap";

fn page_keys(page: usize) -> JsValue {
    JsValue::from(format!("bootstrap_keys/{page}"))
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Progress {
    index: BootstrapIndex,
    done: usize,
}

impl Db {
    /// The generation being stored and how many of its pages are in, if one is under way.
    pub async fn bootstrap_progress(&self) -> Result<Option<(BootstrapIndex, usize)>, DbError> {
        let tx = self.rexie.transaction(&[META], TransactionMode::ReadOnly)?;
        let v = tx.store(META)?.get(META_BOOTSTRAP.into()).await?;
        match v {
            Some(v) if v.is_object() => {
                let p: Progress = from_js(v)?;
                Ok(Some((p.index, p.done)))
            }
            _ => Ok(None),
        }
    }

    /// Starts storing `index`'s pages, forgetting any generation under way before (its
    /// stored records stay until the new one is finished).
    pub async fn begin_bootstrap(&self, index: &BootstrapIndex) -> Result<(), DbError> {
        let tx = self
            .rexie
            .transaction(&[META], TransactionMode::ReadWrite)?;
        let meta = tx.store(META)?;
        forget_pages(&meta).await?;
        let progress = Progress {
            index: index.clone(),
            done: 0,
        };
        meta.put(&to_js(&progress)?, Some(&META_BOOTSTRAP.into()))
            .await?;
        tx.done().await?;
        Ok(())
    }

    /// Stores page `page` of the generation under way: its records as the server holds
    /// them, with this device's waiting changes on top (their contexts fitted to them).
    pub async fn store_bootstrap_page(
        &self,
        page: usize,
        records: Vec<LeanRecord>,
    ) -> Result<(), DbError> {
        let device = self.device_id().await?;
        let tx = self
            .rexie
            .transaction(&[RECORDS, OUTBOX, META], TransactionMode::ReadWrite)?;
        let meta = tx.store(META)?;
        let Some(mut progress) = read_progress(&meta).await? else {
            tx.abort().await?;
            return Err(DbError::Decode(
                "a bootstrap page arrived with no bootstrap under way".into(),
            ));
        };
        if progress.done != page {
            tx.abort().await?;
            return Err(DbError::Decode(format!(
                "bootstrap page {page} arrived when page {} was expected",
                progress.done
            )));
        }
        let records_store = tx.store(RECORDS)?;
        let outbox = tx.store(OUTBOX)?;
        let mut pending = pending_entries(&outbox).await?;
        let edited_ids: HashSet<Uuid> = pending.iter().map(|(_, m)| m.id).collect();
        let mut keys = Vec::with_capacity(records.len());
        let mut rows = Vec::with_capacity(records.len());
        let mut edited = HashMap::new();
        let mut foreign: Vec<String> = Vec::new();
        for record in records {
            match record.into_state() {
                Ok(state) if edited_ids.contains(&state.id) => {
                    keys.push(RecordRow::key(state.kind, state.id));
                    edited.insert(state.id, state);
                }
                Ok(state) => {
                    let row = RecordRow::encode(&state)?;
                    keys.push(row.key.clone());
                    rows.push((row.to_js(), None));
                }
                Err((kind, id, json)) => {
                    let row = RecordRow::foreign(&kind, id, json);
                    keys.push(row.key.clone());
                    rows.push((row.to_js(), None));
                    if !foreign.contains(&kind) {
                        foreign.push(kind);
                    }
                }
            }
        }
        let fitted = pending_on_top(&mut edited, &mut pending, device);
        rewrite_fitted(&outbox, &pending, &fitted).await?;
        for state in edited.values() {
            rows.push((RecordRow::encode(state)?.to_js(), None));
        }
        records_store.put_all(rows.into_iter()).await?;
        if !foreign.is_empty() {
            let mut kinds: Vec<String> = match meta.get(META_FOREIGN.into()).await? {
                Some(v) if v.is_object() => from_js(v)?,
                _ => Vec::new(),
            };
            for kind in foreign {
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
            meta.put(&to_js(&kinds)?, Some(&META_FOREIGN.into()))
                .await?;
        }
        meta.put(&to_js(&keys)?, Some(&page_keys(page))).await?;
        progress.done = page + 1;
        meta.put(&to_js(&progress)?, Some(&META_BOOTSTRAP.into()))
            .await?;
        tx.done().await?;
        Ok(())
    }

    /// Ends the generation under way once all its pages are stored: rows it does not have
    /// are removed (records with waiting changes become those changes alone, as on a new
    /// record), and the catalogue stands at the generation's cursor.
    pub async fn finish_bootstrap(&self) -> Result<(), DbError> {
        let device = self.device_id().await?;
        let tx = self
            .rexie
            .transaction(&[RECORDS, OUTBOX, META], TransactionMode::ReadWrite)?;
        let meta = tx.store(META)?;
        let progress = match read_progress(&meta).await? {
            Some(p) if p.done == p.index.pages.len() => p,
            other => {
                tx.abort().await?;
                return Err(DbError::Decode(format!(
                    "the bootstrap cannot end before its pages are stored ({} of {})",
                    other.as_ref().map_or(0, |p| p.done),
                    other.as_ref().map_or(0, |p| p.index.pages.len())
                )));
            }
        };
        let mut kept: HashSet<String> = HashSet::new();
        for page in 0..progress.done {
            if let Some(v) = meta.get(page_keys(page)).await? {
                kept.extend(from_js::<Vec<String>>(v)?);
            }
        }
        let records = tx.store(RECORDS)?;
        let outbox = tx.store(OUTBOX)?;
        let mut pending = pending_entries(&outbox).await?;
        let mut orphans: HashMap<Uuid, RecordState> = HashMap::new();
        for (_, m) in &pending {
            if !kept.contains(&RecordRow::key(m.kind, m.id)) {
                orphans.insert(m.id, RecordState::new(m.kind, m.id));
            }
        }
        for key in records.get_all_keys(None, None).await? {
            let Some(key) = key.as_string() else { continue };
            if !kept.contains(&key) {
                records.delete(JsValue::from(key)).await?;
            }
        }
        let fitted = pending_on_top(&mut orphans, &mut pending, device);
        rewrite_fitted(&outbox, &pending, &fitted).await?;
        for state in orphans.values() {
            records
                .put(&RecordRow::encode(state)?.to_js(), None)
                .await?;
        }
        forget_pages(&meta).await?;
        synced_to(&meta, &progress.index.cursor).await?;
        tx.done().await?;
        Ok(())
    }
}

async fn read_progress(meta: &rexie::Store) -> Result<Option<Progress>, DbError> {
    match meta.get(META_BOOTSTRAP.into()).await? {
        Some(v) if v.is_object() => Ok(Some(from_js(v)?)),
        _ => Ok(None),
    }
}

/// Removes the generation under way and its pages' key lists.
async fn forget_pages(meta: &rexie::Store) -> Result<(), DbError> {
    if let Some(p) = read_progress(meta).await? {
        for page in 0..p.done {
            meta.delete(page_keys(page)).await?;
        }
    }
    meta.delete(META_BOOTSTRAP.into()).await?;
    Ok(())
}
