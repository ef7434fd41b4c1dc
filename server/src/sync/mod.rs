//! The sync endpoint: `POST /api/v1/sync/push`, `GET /api/v1/sync/pull`,
//! `GET /api/v1/sync/snapshot` (the one-piece first sync of builds before issue 18), and
//! the bootstrap a new device downloads page by page, `GET /api/v1/sync/bootstrap` and
//! `GET /api/v1/sync/bootstrap/{generation}/{page}` (`tradewinds_shared::sync::bootstrap`),
//! and sync carried on a file (`carried`).
//! Speaks `tradewinds_shared::sync::protocol`. Every call needs a session; a pushed
//! mutation its author may not make comes back as a rejection.

pub mod carried;

use axum::{
    extract::{rejection::PathRejection, DefaultBodyLimit, Path, Query, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Json, Router,
};
use serde::Deserialize;
use tradewinds_shared::api::ErrorCode;
use tradewinds_shared::i18n::{problem::key, Problem};
use tradewinds_shared::sync::progress::RECORDS_HEADER;
use tradewinds_shared::sync::{Cursor, PushResponse, ReceivedPush};

use crate::accounts::{Signed, SignedAtLogEnd};
use crate::extract::ApiJson;
use crate::store::CursorPlace;
use crate::{AppState, Error};

/// Records per pull response.
pub const PULL_LIMIT: u32 = 500;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/sync/push", post(sync_push))
        .route("/sync/pull", get(sync_pull))
        .route("/sync/snapshot", get(sync_snapshot))
        .route("/sync/bootstrap", get(bootstrap_index))
        .route("/sync/bootstrap/{generation}/{page}", get(bootstrap_page))
        .route("/sync/seal-key", post(carried::seal_key))
        .route(
            "/sync/changes-file",
            post(carried::changes_file)
                .layer(DefaultBodyLimit::max(carried::MAX_CHANGES_FILE_BYTES)),
        )
}

/// Answers `204 No Content` when every mutation of the push applied (what nearly every
/// push gets: the answer is then only its headers), otherwise the `PushResponse`. A push
/// written with names is always answered with the body, as before the array form.
async fn sync_push(
    State(app): State<AppState>,
    signed: Signed,
    query: Result<Query<PushQuery>, axum::extract::rejection::QueryRejection>,
    ApiJson(ReceivedPush {
        push: req,
        arrays,
        oversized,
    }): ApiJson<ReceivedPush>,
) -> Result<Response, Error> {
    if oversized {
        return Err(Error::Unprocessable {
            code: ErrorCode::TooManyMutations,
            message: Problem::new(key::PUSH_TOO_LONG)
                .with("max", tradewinds_shared::sync::protocol::MAX_PUSH_MUTATIONS),
        });
    }
    // The server numbers its own edits from this device's counter (and the id is in every
    // cursor): a push in its name would make the server skip its next edits as duplicates.
    if req.device == app.store.server_device() {
        return Err(Error::Unprocessable {
            code: ErrorCode::ReservedDevice,
            message: Problem::new(key::SERVER_DEVICE),
        });
    }
    // The device says where its copy stands: a copy from before a restore (or from
    // another server) holds contexts naming writes this database never had. Nothing is
    // stored; the device reloads the snapshot, which fits its waiting changes to it.
    let Query(q) = query.map_err(|e| Error::BadRequest {
        code: ErrorCode::InvalidQuery,
        message: bad_query(e.body_text(), "?cursor=CURSOR"),
    })?;
    if let Some(cursor) = q.cursor {
        if app.store.place(&Cursor(cursor), None).await? == CursorPlace::Foreign {
            return Err(Error::Conflict {
                code: ErrorCode::CursorReset,
                message: Problem::new(key::CURSOR_RESET),
            });
        }
    }
    let applied_all = PushResponse::applied_all(&req).filter(|_| arrays);
    let mut answer = app
        .store
        .push(req.device, req.mutations, &signed.author())
        .await?;
    for r in &mut answer.rejections {
        r.word(crate::i18n::words());
    }
    Ok(if applied_all.as_ref() == Some(&answer) {
        StatusCode::NO_CONTENT.into_response()
    } else {
        Json(answer).into_response()
    })
}

/// `?cursor=` on a push: where the pushing device's copy stands (optional; builds before
/// it send none).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PushQuery {
    cursor: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PullQuery {
    cursor: String,
    limit: Option<u32>,
}

/// The body is `PullResponse`'s JSON, written from the stored states (`Store::pull_json`).
async fn sync_pull(
    State(app): State<AppState>,
    signed: SignedAtLogEnd,
    query: Result<Query<PullQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<impl IntoResponse, Error> {
    let Query(q) = query.map_err(|e| Error::BadRequest {
        code: ErrorCode::InvalidQuery,
        message: bad_query(e.body_text(), "?cursor=CURSOR[&limit=N]"),
    })?;
    let limit = q.limit.unwrap_or(PULL_LIMIT).clamp(1, PULL_LIMIT);
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        app.store
            .pull_json(&Cursor(q.cursor), limit, signed.log_end)
            .await?,
    ))
}

/// The body is `Snapshot`'s JSON, streamed a page at a time from the stored states
/// (`Store::snapshot_stream`); `RECORDS_HEADER` says how many records it holds (as of its
/// cursor), so that the app can show how far the download has come.
async fn sync_snapshot(
    State(app): State<AppState>,
    _signed: Signed,
) -> Result<impl IntoResponse, Error> {
    let (count, stream) = app.store.snapshot_stream().await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (
                header::HeaderName::from_static(RECORDS_HEADER),
                count.to_string(),
            ),
        ],
        axum::body::Body::from_stream(stream),
    ))
}

/// The current generation's `BootstrapIndex` (made first if there is none).
async fn bootstrap_index(
    State(app): State<AppState>,
    _signed: Signed,
) -> Result<impl IntoResponse, Error> {
    Ok((
        [(header::CACHE_CONTROL, "no-cache")],
        Json(app.store.bootstrap_index().await?),
    ))
}

/// Generation ids are 22 characters (`wire_id`); anything much longer is not one.
const MAX_GENERATION_CHARS: usize = 64;

/// A page as stored: brotli, immutable (its address names its generation), with its record
/// count in `RECORDS_HEADER`. A client that does not take `br` gets it decompressed (and
/// the app's compression layer may compress that its own way; it never compresses a
/// response that has a `Content-Encoding` already).
async fn bootstrap_page(
    State(app): State<AppState>,
    _signed: Signed,
    path: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, Error> {
    let Path((generation, page)) = path.map_err(|e| Error::BadRequest {
        code: ErrorCode::BadPath,
        message: Problem::new(key::REQUEST_NOT_TAKEN).with("detail", e.body_text()),
    })?;
    let bad = |what| Error::BadRequest {
        code: ErrorCode::BadPath,
        message: Problem::new(what),
    };
    if generation.is_empty()
        || generation.len() > MAX_GENERATION_CHARS
        || !generation
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(bad(key::NOT_GENERATION));
    }
    if page.is_empty() || page.len() > 10 || !page.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(key::NOT_PAGE));
    }
    let gone = || Error::Gone {
        code: ErrorCode::BootstrapGone,
        message: Problem::new(key::BOOTSTRAP_GONE),
    };
    let page: u32 = page.parse().map_err(|_| gone())?;
    let (records, body) = app
        .store
        .bootstrap_page(&generation, page)
        .await?
        .ok_or_else(gone)?;
    let mut response = if accepts_br(&headers) {
        let mut r = body.into_response();
        r.headers_mut()
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
        r
    } else {
        decompressed(&body)?.into_response()
    };
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=31536000, immutable"),
    );
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    h.insert(
        header::HeaderName::from_static(RECORDS_HEADER),
        HeaderValue::from(records),
    );
    Ok(response)
}

fn decompressed(body: &[u8]) -> Result<Vec<u8>, Error> {
    crate::store::bootstrap::unbrotli(body)
        .map_err(|e| Error::Internal(anyhow::anyhow!("a stored bootstrap page: {e}")))
}

/// Whether `Accept-Encoding` takes `br` (listed, and not with `q=0`).
fn accepts_br(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';').map(str::trim);
            let name = parts.next().unwrap_or_default();
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (name.eq_ignore_ascii_case("br") || name == "*") && !refused
        })
}

/// A query an endpoint does not take (`detail`, from the HTTP layer), and the one it takes.
pub(crate) fn bad_query(detail: String, expected: &str) -> Problem {
    Problem::new(key::BAD_QUERY)
        .with("detail", detail)
        .with("expected", expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn br_is_taken_when_listed_without_q_zero() {
        let takes = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
            accepts_br(&h)
        };
        assert!(takes("gzip, deflate, br, zstd"));
        assert!(takes("BR;q=0.5"));
        assert!(takes("*"));
        assert!(!takes("gzip, zstd"));
        assert!(!takes("br;q=0, gzip"));
        assert!(!takes("brotli"));
        assert!(!accepts_br(&HeaderMap::new()));
    }
}
