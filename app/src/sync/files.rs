//! Documents' files between this device and the server. Files attached here are sent after
//! each sync round that pushed their records, in parts of `UPLOAD_PART_BYTES` that go on
//! from what the server holds after a cut or a reload; files asked for are fetched in
//! ranges kept as they arrive (`db::files`), so a cut download goes on from where it
//! stopped, and a file is handed to anyone only once its hash is checked.
//!
//! What is moving is in one signal (`moving`), which the documents' rows show.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::time::Duration;

use gloo_net::http::Request;
use gloo_timers::future::sleep;
use leptos::prelude::*;
use leptos::task::spawn_local;
use tradewinds_shared::api::ErrorCode;
use tradewinds_shared::files::{sha256_hex, Attached, UploadStatus, UPLOAD_PART_BYTES};
use tradewinds_shared::RecordKind;
use wasm_bindgen::JsValue;
use web_sys::Blob;

use super::client::{authorised, read, refusal};
use super::SyncError;
use crate::catalogue::Catalogue;
use crate::db::files::{Files, Held};
use crate::db::{now_ms, Db};

/// A download asks for this much at a time: a cut loses at most this (about 20 s on a
/// 50 kbit/s link).
const DOWNLOAD_PART_BYTES: u64 = 2 * UPLOAD_PART_BYTES;
/// Cuts an upload goes on after before it waits for the next sync round.
const CUTS_IN_A_ROW: u32 = 6;
/// A file chosen in a form that was then not saved is dropped after a day.
const UNSAVED_FOR_MS: f64 = 24.0 * 3600.0 * 1000.0;

/// A file on its way: bytes done of its size, and which way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moving {
    pub done: u64,
    pub size: u64,
    pub up: bool,
}

thread_local! {
    static MOVING: ArcRwSignal<HashMap<String, Moving>> = ArcRwSignal::new(HashMap::new());
    static SENDING: Cell<bool> = const { Cell::new(false) };
}

/// What is moving of the file `sha256`, if anything (tracked: a view showing it follows).
pub fn moving(sha256: &str) -> Option<Moving> {
    MOVING.with(|m| m.with(|m| m.get(sha256).copied()))
}

fn set_moving(sha256: &str, now: Option<Moving>) {
    MOVING.with(|m| {
        m.update(|m| match now {
            Some(n) => {
                m.insert(sha256.to_owned(), n);
            }
            None => {
                m.remove(sha256);
            }
        })
    });
}

/// Sends the files attached on this device that the server lacks, one at a time, unless a
/// sending is already under way. Called after each sync round that succeeded.
pub fn send_waiting(cat: &Catalogue) {
    if SENDING.with(|s| s.replace(true)) {
        return;
    }
    let cat = cat.clone();
    spawn_local(async move {
        let mut changed = false;
        if let Err(e) = send_all(&cat, &mut changed).await {
            web_sys::console::warn_1(&format!("files not sent yet: {e}").into());
        }
        SENDING.with(|s| s.set(false));
        if changed {
            cat.changed();
        }
    });
}

/// Sends what waits; `changed` is set when a file's state here changed.
async fn send_all(cat: &Catalogue, changed: &mut bool) -> Result<(), SyncError> {
    let Some(token) = cat.token() else {
        return Ok(());
    };
    let files = Files::open().await?;
    let held = files.all().await?;
    if held.is_empty() {
        return Ok(());
    }
    let named = named_here(&cat.db).await?;
    let mut waiting: Vec<Held> = Vec::new();
    for h in held {
        let sha = &h.attached.sha256;
        if named.contains(sha) {
            if h.upload {
                waiting.push(h);
            }
        } else if !h.upload || now_ms() as f64 - h.added > UNSAVED_FOR_MS {
            // Its document was removed or given another file (or, chosen in a form, was
            // never saved): the device no longer keeps it. The server keeps a file a month
            // after its last document lets it go.
            files.remove(sha).await?;
            *changed = true;
        }
    }
    for held in waiting {
        let sha = held.attached.sha256.clone();
        let sent = send_through_cuts(&token, &held).await;
        set_moving(&sha, None);
        match sent {
            Ok(()) => {
                files.uploaded(&sha).await?;
                *changed = true;
            }
            Err(SyncError::Refused(r)) if r.error == ErrorCode::FileRefused => {
                files.refused(&sha, r.message).await?;
                *changed = true;
            }
            // Its record's change has not been taken (yet): the Sync page says why; the
            // file waits here.
            Err(SyncError::Refused(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// The files that live documents on this device name.
async fn named_here(db: &Db) -> Result<HashSet<String>, SyncError> {
    let documents = db.records(RecordKind::Document).await?;
    Ok(documents
        .iter()
        .filter_map(|d| {
            let file = d.values().remove("file")?;
            Some(file.get("sha256")?.as_str()?.to_owned())
        })
        .collect())
}

/// Sends one file, going on after a cut (a request that got no answer) from what the
/// server holds, a few times with growing waits; then the next sync round tries again.
async fn send_through_cuts(token: &str, held: &Held) -> Result<(), SyncError> {
    let mut wait = Duration::from_secs(1);
    let (mut cuts, mut held_before) = (0, 0);
    loop {
        let mut held_now = held_before;
        match send(token, held, &mut held_now).await {
            Err(SyncError::Offline) if cuts < CUTS_IN_A_ROW && super::browser_online() => {
                if held_now > held_before {
                    // Parts went through since the last cut: count afresh.
                    (cuts, wait, held_before) = (0, Duration::from_secs(1), held_now);
                }
                cuts += 1;
                sleep(wait).await;
                wait *= 2;
            }
            done => return done,
        }
    }
}

/// Sends one file, from what the server already holds of it (`server_holds`, updated at
/// each answer).
async fn send(token: &str, held: &Held, server_holds: &mut u64) -> Result<(), SyncError> {
    let a = &held.attached;
    let url = format!("{}/upload", a.path());
    let status =
        || async { read::<UploadStatus>(authorised(Request::get(&url), token).send().await).await };
    let mut now = status().await?;
    while !now.complete {
        *server_holds = now.received;
        set_moving(
            &a.sha256,
            Some(Moving {
                done: now.received,
                size: a.size,
                up: true,
            }),
        );
        let start = now.received;
        let end = (start + UPLOAD_PART_BYTES).min(a.size);
        let part = held
            .blob
            .slice_with_f64_and_f64(start as f64, end as f64)
            .map_err(|_| SyncError::Storage("the file could not be read".into()))?;
        let req = authorised(Request::patch(&format!("{url}?offset={start}")), token)
            .header("Content-Type", "application/octet-stream")
            .body(part)
            .map_err(|e| SyncError::BadAnswer(e.to_string()))?;
        now = match read::<UploadStatus>(req.send().await).await {
            Ok(s) => s,
            // Another tab sent part of it meanwhile: go on from what the server holds.
            Err(SyncError::Refused(r)) if r.error == ErrorCode::UploadOffset => status().await?,
            Err(e) => return Err(e),
        };
    }
    Ok(())
}

/// The file `a` whole: from this device if it is held here, else from the server in
/// ranges kept as they arrive, checked against its hash.
pub async fn bring(cat: &Catalogue, a: &Attached) -> Result<Blob, SyncError> {
    let files = Files::open().await?;
    if let Some(held) = files.get(&a.sha256).await? {
        return Ok(held.blob);
    }
    let token = cat.token().ok_or(SyncError::SignedOut)?;
    let (mut parts, mut have) = files.parts(&a.sha256).await?;
    let fetched = async {
        while have < a.size {
            set_moving(
                &a.sha256,
                Some(Moving {
                    done: have,
                    size: a.size,
                    up: false,
                }),
            );
            let last = (have + DOWNLOAD_PART_BYTES).min(a.size) - 1;
            let res = authorised(Request::get(&a.path()), &token)
                .header("Range", &format!("bytes={have}-{last}"))
                .send()
                .await
                .map_err(|_| SyncError::Offline)?;
            if res.status() != 206 {
                return Err(refusal(res).await);
            }
            let bytes = res.binary().await.map_err(|_| SyncError::Offline)?;
            if bytes.is_empty() {
                return Err(SyncError::BadAnswer("an empty part".into()));
            }
            let part = blob_of(&bytes, "application/octet-stream")?;
            files
                .add_part(&a.sha256, have, bytes.len() as u64, &part)
                .await?;
            have += bytes.len() as u64;
            parts.push(part);
        }
        Ok(())
    };
    let fetched = fetched.await;
    set_moving(&a.sha256, None);
    fetched?;
    let whole = join(parts.into_iter().map(JsValue::from), &a.media_type)?;
    let bytes = bytes_of(&whole).await?;
    files.drop_parts(&a.sha256).await?;
    if bytes.len() as u64 != a.size || sha256_hex(&bytes) != a.sha256 {
        return Err(SyncError::BadAnswer(format!(
            "{} arrived altered; it will be fetched again",
            a.name
        )));
    }
    Ok(whole)
}

/// Fetches `a` if needed and keeps it on this device for offline use.
pub async fn keep(cat: &Catalogue, a: &Attached) -> Result<(), SyncError> {
    let blob = bring(cat, a).await?;
    Files::open().await?.keep(a, &blob).await?;
    Ok(())
}

fn blob_of(bytes: &[u8], media_type: &str) -> Result<Blob, SyncError> {
    join([js_sys::Uint8Array::from(bytes).into()], media_type)
}

/// One blob of `parts` (blobs or byte arrays), in order.
fn join(parts: impl IntoIterator<Item = JsValue>, media_type: &str) -> Result<Blob, SyncError> {
    let seq = js_sys::Array::new();
    for p in parts {
        seq.push(&p);
    }
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    // The binding the CSV download already uses: the same `new Blob(parts, options)`,
    // whose parts may be blobs and byte arrays as well as text; one binding fewer in the
    // first download's glue.
    Blob::new_with_str_sequence_and_options(&seq, &options)
        .map_err(|_| SyncError::Storage("the file could not be put together".into()))
}

/// The bytes of a blob.
pub async fn bytes_of(blob: &Blob) -> Result<Vec<u8>, SyncError> {
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| SyncError::Storage("the file could not be read".into()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
