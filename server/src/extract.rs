//! Extractors that refuse bad input in the API's error shape.

use axum::{
    extract::{rejection::JsonRejection, FromRequest, FromRequestParts, Path, Request},
    http::request::Parts,
};
use serde::de::DeserializeOwned;
use tradewinds_shared::api::ErrorCode;
use tradewinds_shared::i18n::{problem::key, Problem};
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
            message: Problem::new(key::BODY_WRONG_SHAPE).with(
                "detail",
                e.body_text().trim_start_matches(
                    "Failed to deserialize the JSON body into the target type: ",
                ),
            ),
        },
        JsonRejection::JsonSyntaxError(e) => Error::BadRequest {
            code: ErrorCode::MalformedJson,
            message: Problem::new(key::BODY_NOT_JSON).with(
                "detail",
                e.body_text()
                    .trim_start_matches("Failed to parse the request body as JSON: "),
            ),
        },
        JsonRejection::MissingJsonContentType(_) => {
            Error::UnsupportedMediaType(Problem::new(key::BODY_NOT_JSON_TYPE))
        }
        JsonRejection::BytesRejection(e) => {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                Error::TooLarge(crate::MAX_BODY_BYTES)
            } else {
                Error::BadRequest {
                    code: ErrorCode::UnreadableBody,
                    message: unreadable(e.body_text()),
                }
            }
        }
        other => Error::BadRequest {
            code: ErrorCode::BadBody,
            message: Problem::new(key::REQUEST_NOT_TAKEN).with("detail", other.body_text()),
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
        Error::NotFound(
            Problem::new(key::NO_SUCH_KIND)
                .with("kind", s)
                .with("known", known.join(", ")),
        )
    })
}

fn parse_id(s: &str) -> Result<Uuid, Error> {
    Uuid::parse_str(s).map_err(|_| Error::BadRequest {
        code: ErrorCode::InvalidId,
        message: Problem::new(key::NOT_RECORD_ID).with("text", s),
    })
}

impl<S: Send + Sync> FromRequestParts<S> for KindPath {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(kind) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|e| Error::BadRequest {
                code: ErrorCode::BadPath,
                message: Problem::new(key::REQUEST_NOT_TAKEN).with("detail", e.body_text()),
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
                message: Problem::new(key::REQUEST_NOT_TAKEN).with("detail", e.body_text()),
            })?;
        Ok(RecordPath(parse_kind(&kind)?, parse_id(&id)?))
    }
}

/// The `{sha256}` path segment: a file's SHA-256, 64 lowercase hex digits, checked before
/// anything else sees it (the files directory is named by it).
pub struct ShaPath(pub crate::files::storage::Sha);

impl<S: Send + Sync> FromRequestParts<S> for ShaPath {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(sha) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|e| Error::BadRequest {
                code: ErrorCode::BadPath,
                message: Problem::new(key::REQUEST_NOT_TAKEN).with("detail", e.body_text()),
            })?;
        crate::files::storage::Sha::parse(&sha)
            .map(ShaPath)
            .ok_or_else(|| Error::BadRequest {
                code: ErrorCode::BadPath,
                message: Problem::new(key::FILE_HASH),
            })
    }
}

/// "The request body could not be read: …" (`detail`, from the HTTP layer).
pub fn unreadable(detail: String) -> Problem {
    Problem::new(key::BODY_UNREADABLE).with("detail", detail)
}
