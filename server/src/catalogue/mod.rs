//! The catalogue's REST API, generic over record kinds: `/api/v1/{kind}` and
//! `/api/v1/{kind}/{id}` for organisations, contacts, training tools and programmes.
//! Writes go through the same mutation path as sync, as the server's own device, with the
//! signed-in person as author (so the same access rules apply). `/{kind}/{id}/history` lists
//! who changed which fields when. `/import` takes a CSV file of one kind (`import`).

use axum::{
    extract::{DefaultBodyLimit, State},
    http::StatusCode,
    response::IntoResponse,
    routing::{get, post},
    Json, Router,
};
use serde_json::{Map, Value};
use tradewinds_shared::api::ErrorCode;
use tradewinds_shared::catalogue::DELETED_FIELD;
use tradewinds_shared::i18n::problem::{key, Value as Word};
use tradewinds_shared::i18n::{Labelled, Problem};
use tradewinds_shared::sync::RecordState;
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::accounts::Signed;
use crate::extract::{ApiJson, KindPath, RecordPath};
use crate::{AppState, Error};

mod copy;
mod import;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/import",
            post(import::import).layer(DefaultBodyLimit::max(import::MAX_IMPORT_BYTES)),
        )
        .route("/catalogue", get(copy::catalogue))
        .route("/{kind}", get(records_list).post(record_create))
        .route(
            "/{kind}/{id}",
            get(record_get).patch(record_update).delete(record_delete),
        )
        .route("/{kind}/{id}/history", get(record_history))
}

/// A record as the API shows it: its id and the shown value of each field.
fn view(state: &RecordState) -> Value {
    let mut map = state.values();
    map.remove(DELETED_FIELD);
    map.insert("id".into(), Value::String(state.id.to_string()));
    let conflicts: Vec<&str> = state.conflicts().map(|(f, _)| f).collect();
    if !conflicts.is_empty() {
        map.insert("conflicts".into(), serde_json::json!(conflicts));
    }
    Value::Object(map)
}

async fn records_list(
    State(app): State<AppState>,
    _signed: Signed,
    KindPath(kind): KindPath,
) -> Result<Json<Value>, Error> {
    let records = app.store.list(kind).await?;
    let items: Vec<Value> = records.iter().map(view).collect();
    Ok(Json(serde_json::json!({ "items": items })))
}

async fn record_get(
    State(app): State<AppState>,
    _signed: Signed,
    RecordPath(kind, id): RecordPath,
) -> Result<Json<Value>, Error> {
    let record = live(&app, kind, id).await?;
    Ok(Json(view(&record)))
}

async fn record_create(
    State(app): State<AppState>,
    signed: Signed,
    KindPath(kind): KindPath,
    ApiJson(fields): ApiJson<Map<String, Value>>,
) -> Result<impl IntoResponse, Error> {
    if !signed.user.actor().may_create(kind) {
        return Err(Error::Forbidden(
            Problem::new(key::CANNOT_ADD)
                .with("role", Word::word(signed.user.role.key()))
                .with("kind", Word::noun(kind)),
        ));
    }
    check_fields(kind, &fields)?;
    kind.validate(&fields)?;
    let id = Uuid::new_v4();
    let record = app
        .store
        .apply_server_edit(kind, id, fields, &signed.author())
        .await?
        .ok_or_else(|| Error::Internal(anyhow::anyhow!("created record {id} not found")))?;
    Ok((StatusCode::CREATED, Json(view(&record))))
}

async fn record_update(
    State(app): State<AppState>,
    signed: Signed,
    RecordPath(kind, id): RecordPath,
    ApiJson(fields): ApiJson<Map<String, Value>>,
) -> Result<Json<Value>, Error> {
    may_edit(&signed, &live(&app, kind, id).await?)?;
    check_fields(kind, &fields)?;
    let record = app
        .store
        .apply_server_edit(kind, id, fields, &signed.author())
        .await?
        .ok_or_else(|| Error::NotFound(no_record(kind, id)))?;
    Ok(Json(view(&record)))
}

async fn record_delete(
    State(app): State<AppState>,
    signed: Signed,
    RecordPath(kind, id): RecordPath,
) -> Result<StatusCode, Error> {
    may_edit(&signed, &live(&app, kind, id).await?)?;
    let mut deleted = Map::new();
    deleted.insert(DELETED_FIELD.into(), Value::Bool(true));
    app.store
        .apply_server_edit(kind, id, deleted, &signed.author())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Field names and types; `id` and `deleted` are not set through the record body.
fn check_fields(kind: RecordKind, fields: &Map<String, Value>) -> Result<(), Error> {
    if let Some(reserved) = ["id", DELETED_FIELD]
        .iter()
        .find(|k| fields.contains_key(**k))
    {
        return Err(Error::Unprocessable {
            code: ErrorCode::ReservedField,
            message: Problem::new(key::RESERVED_FIELD).with("field", *reserved),
        });
    }
    if fields.is_empty() {
        return Err(Error::Unprocessable {
            code: ErrorCode::EmptyBody,
            message: Problem::new(key::EMPTY_BODY),
        });
    }
    kind.check_field_types(fields)?;
    Ok(())
}

/// Who changed which fields when, newest first, from the change log.
async fn record_history(
    State(app): State<AppState>,
    _signed: Signed,
    RecordPath(kind, id): RecordPath,
) -> Result<Json<Value>, Error> {
    if app.store.get(kind, id).await?.is_none() {
        return Err(Error::NotFound(no_record(kind, id)));
    }
    let items = app.store.history(kind, id, HISTORY_LIMIT).await?;
    Ok(Json(serde_json::json!({ "items": items })))
}

/// Changes shown per record (the newest).
pub const HISTORY_LIMIT: u32 = 200;

/// Refuses early (before validating the body) a record the person may not edit at all; the
/// full check, with the record as the change would leave it, runs when it is applied.
fn may_edit(signed: &Signed, record: &RecordState) -> Result<(), Error> {
    if signed.user.actor().may_edit(record) {
        Ok(())
    } else {
        Err(Error::Forbidden(
            Problem::new(key::CANNOT_CHANGE)
                .with("role", Word::word(signed.user.role.key()))
                .with("kind", Word::noun(record.kind)),
        ))
    }
}

async fn live(app: &AppState, kind: RecordKind, id: Uuid) -> Result<RecordState, Error> {
    match app.store.get(kind, id).await? {
        Some(r) if !r.is_deleted() => Ok(r),
        _ => Err(Error::NotFound(no_record(kind, id))),
    }
}

/// "No meeting with id …": the kind in the words of the request's language.
fn no_record(kind: RecordKind, id: Uuid) -> Problem {
    Problem::new(key::NO_RECORD)
        .with("kind", Word::noun(kind))
        .with("id", id.to_string())
}
