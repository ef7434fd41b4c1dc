//! Documents' files: uploaded in parts that survive a cut, checked when the last part
//! arrives (the bytes its hash names, a kind kept, the kind its document says: the same
//! `shared::files` checks the app ran), kept by content in the files directory
//! (`storage`), served as downloads that resume (`range`), and removed once no live
//! document has named them for a month (`collect`).
//!
//! A file's record syncs like any other; its bytes follow, to these endpoints:
//! - `GET /api/v1/files/{sha256}/upload` → `UploadStatus`: what the signed-in person holds
//!   of an upload (or `complete`, once the file is kept). Only someone who may edit a live
//!   document naming the file may upload it (`403 forbidden`, `problem-file-not-attached`).
//! - `PATCH /api/v1/files/{sha256}/upload?offset=K`, the part's bytes as the body (at most
//!   `MAX_PART_BYTES`) → `UploadStatus`; `409 upload_offset` (`problem-file-offset`, whose
//!   `received` is where to go on) when K is not what is held; `422 file_refused` when the
//!   finished file is not what its document names (the upload starts again from 0).
//! - `GET` or `HEAD /api/v1/files/{sha256}`: the file, to every signed-in person, as an
//!   attachment that no browser runs, one byte range at a time if asked.

pub mod collect;
pub mod range;
pub mod storage;

use std::collections::HashSet;
use std::time::{Duration, SystemTime};

use axum::{
    body::{Body, Bytes},
    extract::{
        rejection::{BytesRejection, QueryRejection},
        DefaultBodyLimit, Query, State,
    },
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Json, Router,
};
use serde::Deserialize;
use tradewinds_shared::api::ErrorCode;
use tradewinds_shared::files::{content_disposition, Attached, UploadStatus, MAX_PART_BYTES};
use tradewinds_shared::i18n::{problem::key, Problem};
use tradewinds_shared::sync::RecordState;
use tradewinds_shared::RecordKind;

use crate::accounts::Signed;
use crate::extract::ShaPath;
use crate::{AppState, Error, Store};
use range::Asked;
pub use storage::Files;
use storage::{Expected, Refused, Sha};

pub fn router() -> Router<AppState> {
    Router::new().route("/files/{sha256}", get(file_get)).route(
        "/files/{sha256}/upload",
        get(upload_status)
            .patch(upload_part)
            .layer(DefaultBodyLimit::max(MAX_PART_BYTES as usize)),
    )
}

/// Marks a response the compression layer leaves as it is: a file is sent as stored, so
/// its `ETag` names its bytes and a range counts the same bytes as the whole.
#[derive(Debug, Clone, Copy)]
pub struct AsStored;

/// `CompressionLayer`'s predicate: anything but a file sent as stored.
#[derive(Debug, Clone, Copy)]
pub struct NotAsStored;

impl tower_http::compression::Predicate for NotAsStored {
    fn should_compress<B: axum::body::HttpBody>(&self, response: &axum::http::Response<B>) -> bool {
        response.extensions().get::<AsStored>().is_none()
    }
}

/// Every file `document` names: each current write of its `file` field (the shown one,
/// and any it is in conflict with).
pub fn named_by(document: &RecordState) -> impl Iterator<Item = Attached> + '_ {
    document
        .fields
        .get("file")
        .into_iter()
        .flat_map(|f| f.writes.iter())
        .filter_map(|w| serde_json::from_value::<Attached>(w.value.clone()).ok())
}

/// The live documents naming `sha`, each with the file as it names it.
async fn naming(store: &Store, sha: &Sha) -> Result<Vec<(RecordState, Attached)>, Error> {
    let documents = store.documents_mentioning(sha.as_str()).await?;
    Ok(documents
        .into_iter()
        .filter_map(|d| {
            let file = named_by(&d).find(|a| a.sha256 == sha.as_str())?;
            Some((d, file))
        })
        .collect())
}

/// What the file is to be, as the first live document `signed` may edit names it.
async fn editable(app: &AppState, signed: &Signed, sha: &Sha) -> Result<Expected, Error> {
    let actor = signed.user.actor();
    naming(&app.store, sha)
        .await?
        .into_iter()
        .find(|(d, _)| actor.may_edit(d))
        .map(|(_, file)| Expected {
            size: file.size,
            name: file.name,
            media_type: file.media_type,
        })
        .ok_or_else(|| Error::Forbidden(Problem::new(key::FILE_NOT_ATTACHED)))
}

/// Runs blocking file work off the async threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Error> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| Error::Internal(anyhow::anyhow!("file work ended: {e}")))
}

fn io_error(e: std::io::Error) -> Error {
    Error::Internal(anyhow::Error::new(e).context("the files directory"))
}

async fn upload_status(
    State(app): State<AppState>,
    signed: Signed,
    ShaPath(sha): ShaPath,
) -> Result<Json<UploadStatus>, Error> {
    let expected = editable(&app, &signed, &sha).await?;
    let account = signed.user.id;
    let files = app.files.clone();
    let status = blocking(move || files.status(account, &sha, expected.size))
        .await?
        .map_err(io_error)?;
    Ok(Json(status))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartQuery {
    offset: u64,
}

/// One part of an upload. The part is read whole (at most `MAX_PART_BYTES`) before
/// anything is written, so a part cut off in transit leaves the upload where it was.
/// (A part has 30 seconds to arrive, the server's timeout: the app's 64 KB parts take
/// about ten on a 50 kbit/s link.)
async fn upload_part(
    State(app): State<AppState>,
    signed: Signed,
    ShaPath(sha): ShaPath,
    query: Result<Query<PartQuery>, QueryRejection>,
    part: Result<Bytes, BytesRejection>,
) -> Result<Json<UploadStatus>, Error> {
    let Query(PartQuery { offset }) = query.map_err(|e| Error::BadRequest {
        code: ErrorCode::InvalidQuery,
        message: crate::sync::bad_query(e.body_text(), "?offset=BYTES"),
    })?;
    let expected = editable(&app, &signed, &sha).await?;
    if app.files.is_stored(&sha) {
        return Ok(Json(UploadStatus {
            received: expected.size,
            size: expected.size,
            complete: true,
        }));
    }
    let too_large = || {
        Error::PayloadTooLarge(
            Problem::new(key::FILE_PART_TOO_LARGE)
                .with("max", MAX_PART_BYTES as i64)
                .with("size", expected.size as i64),
        )
    };
    let part = part.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large()
        } else {
            Error::BadRequest {
                code: ErrorCode::UnreadableBody,
                message: crate::extract::unreadable(e.body_text()),
            }
        }
    })?;
    if offset.saturating_add(part.len() as u64) > expected.size {
        return Err(too_large());
    }
    let (files, account) = (app.files.clone(), signed.user.id);
    let appended = {
        let sha = sha.clone();
        blocking(move || files.append(account, &sha, offset, &part, &expected)).await?
    };
    match appended {
        Ok(status) => {
            if status.complete {
                tracing::info!(file = sha.as_str(), size = status.size, by = %account, "file kept");
            }
            Ok(Json(status))
        }
        Err(Refused::Offset { received }) => Err(Error::Conflict {
            code: ErrorCode::UploadOffset,
            message: Problem::new(key::FILE_OFFSET).with("received", received as i64),
        }),
        Err(Refused::File(problem)) => {
            tracing::info!(file = sha.as_str(), by = %account, refused = %problem, "file refused");
            Err(Error::Unprocessable {
                code: ErrorCode::FileRefused,
                message: problem,
            })
        }
        Err(Refused::Io(e)) => Err(io_error(e)),
    }
}

/// The file, to any signed-in person, while a live document names it: an attachment
/// (`Content-Disposition` with the document's name for it), never run by a browser
/// (`nosniff`, a sandboxing CSP), immutable (its address is its hash), whole or one range.
async fn file_get(
    State(app): State<AppState>,
    _signed: Signed,
    ShaPath(sha): ShaPath,
    headers: HeaderMap,
) -> Result<Response, Error> {
    let not_uploaded = || Error::NotFound(Problem::new(key::FILE_NOT_UPLOADED));
    let Some((_, named)) = naming(&app.store, &sha).await?.into_iter().next() else {
        return Err(not_uploaded());
    };
    let files = app.files.clone();
    let stored = {
        let sha = sha.clone();
        blocking(move || files.read(&sha)).await?
    }
    .map_err(io_error)?
    .ok_or_else(not_uploaded)?;
    let etag = format!("\"{}\"", sha.as_str());
    let mut response = if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"))
    {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let range = headers.get(header::RANGE).and_then(|v| v.to_str().ok());
        match range::asked(range, stored.size) {
            Asked::Unsatisfiable => {
                let mut r = StatusCode::RANGE_NOT_SATISFIABLE.into_response();
                r.headers_mut().insert(
                    header::CONTENT_RANGE,
                    header_value(format!("bytes */{}", stored.size)),
                );
                return Ok(r);
            }
            Asked::Whole => body(stored.file, 0, stored.size).await?,
            Asked::Part { start, end } => {
                let mut r = body(stored.file, start, end - start + 1).await?;
                *r.status_mut() = StatusCode::PARTIAL_CONTENT;
                r.headers_mut().insert(
                    header::CONTENT_RANGE,
                    header_value(format!("bytes {start}-{end}/{}", stored.size)),
                );
                r
            }
        }
    };
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, header_value(stored.media_type));
    h.insert(
        header::CONTENT_DISPOSITION,
        header_value(content_disposition(&named.name)),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox; default-src 'none'"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=31536000, immutable"),
    );
    h.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    h.insert(header::ETAG, header_value(etag));
    response.extensions_mut().insert(AsStored);
    Ok(response)
}

/// `len` bytes of `file` from `start`, streamed.
async fn body(file: std::fs::File, start: u64, len: u64) -> Result<Response, Error> {
    use tokio::io::{AsyncReadExt, AsyncSeekExt};
    let mut file = tokio::fs::File::from_std(file);
    file.seek(std::io::SeekFrom::Start(start))
        .await
        .map_err(io_error)?;
    let stream = tokio_util::io::ReaderStream::new(file.take(len));
    let mut response = Body::from_stream(stream).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    Ok(response)
}

/// A header value made of text this module wrote (a media type found by `kind_of`, a
/// cleaned name's `Content-Disposition`, numbers, a hash): always visible ASCII.
fn header_value(text: String) -> HeaderValue {
    HeaderValue::try_from(text).unwrap_or_else(|_| HeaderValue::from_static("invalid"))
}

/// One pass of the files' sweep (`collect`) at `now`: every live document's files touched,
/// files unnamed past their grace and stale uploads removed.
pub async fn collect_garbage(
    store: &Store,
    files: &Files,
    now: SystemTime,
) -> Result<collect::Swept, Error> {
    let named: HashSet<String> = store
        .list(RecordKind::Document)
        .await?
        .iter()
        .flat_map(|d| named_by(d).map(|a| a.sha256).collect::<Vec<_>>())
        .collect();
    let files = files.clone();
    blocking(move || collect::sweep(&files, &named, now))
        .await?
        .map_err(io_error)
}

/// The sweep, every hour while the server runs (first one minute after it starts).
pub async fn collect_every_hour(store: Store, files: Files) {
    tokio::time::sleep(Duration::from_secs(60)).await;
    loop {
        match collect_garbage(&store, &files, SystemTime::now()).await {
            Ok(swept) => tracing::info!(
                named = swept.named,
                removed = swept.removed,
                partials_removed = swept.partials_removed,
                "files swept"
            ),
            Err(e) => tracing::warn!(error = %e, "files sweep failed; trying again in an hour"),
        }
        tokio::time::sleep(Duration::from_secs(60 * 60)).await;
    }
}
