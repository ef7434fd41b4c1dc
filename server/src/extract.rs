//! Extractors that refuse bad input in the API's error shape.

use axum::{
    extract::{rejection::JsonRejection, FromRequest, FromRequestParts, Path, Request},
    http::request::Parts,
};
use serde::de::DeserializeOwned;
use tradewinds_shared::api::ErrorCode;
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::Error;

/// `Json<T>` whose rejections (not JSON, wrong types, too large) are `Error`s.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = Error;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(rejection) => Err(json_error(rejection)),
        }
    }
}

fn json_error(rejection: JsonRejection) -> Error {
    match rejection {
        JsonRejection::JsonDataError(e) => Error::Unprocessable {
            code: ErrorCode::InvalidBody,
            message: format!(
                "The request body has the wrong shape: {}",
                e.body_text().trim_start_matches(
                    "Failed to deserialize the JSON body into the target type: "
                )
            ),
        },
        JsonRejection::JsonSyntaxError(e) => Error::BadRequest {
            code: ErrorCode::MalformedJson,
            message: format!(
                "The request body is not valid JSON: {}",
                e.body_text()
                    .trim_start_matches("Failed to parse the request body as JSON: ")
            ),
        },
        JsonRejection::MissingJsonContentType(_) => Error::UnsupportedMediaType(
            "Send the body as JSON with `Content-Type: application/json`.".into(),
        ),
        JsonRejection::BytesRejection(e) => {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                Error::TooLarge(crate::MAX_BODY_BYTES)
            } else {
                Error::BadRequest {
                    code: ErrorCode::UnreadableBody,
                    message: format!("The request body could not be read: {}", e.body_text()),
                }
            }
        }
        other => Error::BadRequest {
            code: ErrorCode::BadBody,
            message: other.body_text(),
        },
    }
}

/// The `{kind}` path segment: one of the record kinds' plural names.
pub struct KindPath(pub RecordKind);

/// The `{kind}/{id}` path: a record kind and a UUID.
pub struct RecordPath(pub RecordKind, pub Uuid);

fn parse_kind(s: &str) -> Result<RecordKind, Error> {
    RecordKind::from_plural(s).ok_or_else(|| {
        let known: Vec<&str> = RecordKind::ALL.iter().map(|k| k.plural()).collect();
        Error::NotFound(format!(
            "There are no records of kind `{s}` (known: {}).",
            known.join(", ")
        ))
    })
}

fn parse_id(s: &str) -> Result<Uuid, Error> {
    Uuid::parse_str(s).map_err(|_| Error::BadRequest {
        code: ErrorCode::InvalidId,
        message: format!(
            "`{s}` is not a record id (a UUID such as 0b6f3c3e-5b1a-4c8e-9d59-2f0c1a7e4b10)."
        ),
    })
}

impl<S: Send + Sync> FromRequestParts<S> for KindPath {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(kind) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|e| Error::BadRequest {
                code: ErrorCode::BadPath,
                message: e.body_text(),
            })?;
        Ok(KindPath(parse_kind(&kind)?))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for RecordPath {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path((kind, id)) = Path::<(String, String)>::from_request_parts(parts, state)
            .await
            .map_err(|e| Error::BadRequest {
                code: ErrorCode::BadPath,
                message: e.body_text(),
            })?;
        Ok(RecordPath(parse_kind(&kind)?, parse_id(&id)?))
    }
}
