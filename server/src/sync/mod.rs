//! The sync endpoint: `POST /api/v1/sync/push`, `GET /api/v1/sync/pull`,
//! `GET /api/v1/sync/snapshot`. Speaks `tradewinds_shared::sync::protocol`. Every call
//! needs a session; a pushed mutation its author may not make comes back as a rejection.

use axum::{
    extract::{Query, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Json, Router,
};
use serde::Deserialize;
use tradewinds_shared::api::ErrorCode;
use tradewinds_shared::sync::progress::RECORDS_HEADER;
use tradewinds_shared::sync::{Cursor, PushResponse, ReceivedPush};

use crate::accounts::Signed;
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
            message: format!(
                "At most {} mutations per push; send the rest in the next one.",
                tradewinds_shared::sync::protocol::MAX_PUSH_MUTATIONS
            ),
        });
    }
    // The server numbers its own edits from this device's counter (and the id is in every
    // cursor): a push in its name would make the server skip its next edits as duplicates.
    if req.device == app.store.server_device() {
        return Err(Error::Unprocessable {
            code: ErrorCode::ReservedDevice,
            message:
                "This device id belongs to the server; a device pushes under its own random id."
                    .into(),
        });
    }
    // The device says where its copy stands: a copy from before a restore (or from
    // another server) holds contexts naming writes this database never had. Nothing is
    // stored; the device reloads the snapshot, which fits its waiting changes to it.
    let Query(q) = query.map_err(|e| Error::BadRequest {
        code: ErrorCode::InvalidQuery,
        message: format!("{} (expected nothing or ?cursor=CURSOR)", e.body_text()),
    })?;
    if let Some(cursor) = q.cursor {
        if app.store.place(&Cursor(cursor)).await? == CursorPlace::Foreign {
            return Err(Error::Conflict {
                code: ErrorCode::CursorReset,
                message: "This server's data is not the copy this device last synced with \
                          (it was restored from a backup or replaced). Load it again, then \
                          send the waiting changes."
                    .into(),
            });
        }
    }
    let applied_all = PushResponse::applied_all(&req).filter(|_| arrays);
    let answer = app
        .store
        .push(req.device, req.mutations, &signed.author())
        .await?;
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
    _signed: Signed,
    query: Result<Query<PullQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<impl IntoResponse, Error> {
    let Query(q) = query.map_err(|e| Error::BadRequest {
        code: ErrorCode::InvalidQuery,
        message: format!("{} (expected ?cursor=CURSOR[&limit=N])", e.body_text()),
    })?;
    let limit = q.limit.unwrap_or(PULL_LIMIT).clamp(1, PULL_LIMIT);
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        app.store.pull_json(&Cursor(q.cursor), limit).await?,
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
