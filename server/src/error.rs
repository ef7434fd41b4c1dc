//! The one error type of the API. Every refusal becomes `{ "error": CODE, "message": ... }`
//! with a 4xx status, its message in the language the request names (`i18n`); internal
//! failures are logged in full and answered with a bare 500.

use axum::{
    extract::OriginalUri,
    http::{header, HeaderValue, Method, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use tradewinds_shared::api::{ErrorBody, ErrorCode};
use tradewinds_shared::i18n::{problem::key, Problem};
use tradewinds_shared::{FieldError, ValidationErrors};

/// A refusal's message is a `Problem` (a message of `shared/lang` and its values), worded
/// in the language of the request when the answer is written (`i18n::words`); its
/// `Display` is English, for logs.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    NotFound(Problem),
    /// 404 for a reason with its own code (a bootstrap page no longer kept).
    #[error("{message}")]
    Gone { code: ErrorCode, message: Problem },
    #[error("{0}")]
    Validation(ValidationErrors),
    #[error("{message}")]
    BadRequest { code: ErrorCode, message: Problem },
    #[error("{message}")]
    Unprocessable { code: ErrorCode, message: Problem },
    #[error("{message}")]
    Conflict { code: ErrorCode, message: Problem },
    #[error("{0}")]
    MethodNotAllowed(Problem),
    /// No valid session: missing, expired or revoked token, or wrong credentials.
    #[error("{message}")]
    Unauthenticated { code: ErrorCode, message: Problem },
    /// Signed in, but this person may not do this.
    #[error("{0}")]
    Forbidden(Problem),
    /// Signed in, but this is not theirs to do, for a reason with its own code.
    #[error("{message}")]
    Denied { code: ErrorCode, message: Problem },
    /// Too many wrong passwords (signing in or changing it); try again after this many
    /// seconds.
    #[error("too many failed sign-ins or wrong passwords; wait {0} seconds")]
    TooManyAttempts(u64),
    #[error("the request body is larger than {0} bytes")]
    TooLarge(usize),
    /// 413 for a limit of its own (a file's part), said by the problem.
    #[error("{0}")]
    PayloadTooLarge(Problem),
    #[error("{0}")]
    UnsupportedMediaType(Problem),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Self {
        Error::Internal(e.into())
    }
}

impl From<ValidationErrors> for Error {
    fn from(e: ValidationErrors) -> Self {
        Error::Validation(e)
    }
}

impl Error {
    pub fn unauthenticated() -> Error {
        Error::Unauthenticated {
            code: ErrorCode::Unauthenticated,
            message: Problem::new(key::SIGN_IN_FIRST),
        }
    }

    fn parts(&self) -> (StatusCode, ErrorCode) {
        match self {
            Error::NotFound(_) => (StatusCode::NOT_FOUND, ErrorCode::NotFound),
            Error::Gone { code, .. } => (StatusCode::NOT_FOUND, code.clone()),
            Error::Validation(_) => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::InvalidRecord),
            Error::BadRequest { code, .. } => (StatusCode::BAD_REQUEST, code.clone()),
            Error::Unprocessable { code, .. } => (StatusCode::UNPROCESSABLE_ENTITY, code.clone()),
            Error::Conflict { code, .. } => (StatusCode::CONFLICT, code.clone()),
            Error::MethodNotAllowed(_) => {
                (StatusCode::METHOD_NOT_ALLOWED, ErrorCode::MethodNotAllowed)
            }
            Error::Unauthenticated { code, .. } => (StatusCode::UNAUTHORIZED, code.clone()),
            Error::Forbidden(_) => (StatusCode::FORBIDDEN, ErrorCode::Forbidden),
            Error::Denied { code, .. } => (StatusCode::FORBIDDEN, code.clone()),
            Error::TooManyAttempts(_) => {
                (StatusCode::TOO_MANY_REQUESTS, ErrorCode::TooManyAttempts)
            }
            Error::TooLarge(_) | Error::PayloadTooLarge(_) => {
                (StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::BodyTooLarge)
            }
            Error::UnsupportedMediaType(_) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
            ),
            Error::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal),
        }
    }

    /// What the refusal says, and the problems of its fields.
    pub fn problem(&self) -> (Problem, Vec<FieldError>) {
        match self {
            Error::NotFound(p)
            | Error::MethodNotAllowed(p)
            | Error::Forbidden(p)
            | Error::UnsupportedMediaType(p)
            | Error::PayloadTooLarge(p)
            | Error::Gone { message: p, .. }
            | Error::BadRequest { message: p, .. }
            | Error::Unprocessable { message: p, .. }
            | Error::Conflict { message: p, .. }
            | Error::Unauthenticated { message: p, .. }
            | Error::Denied { message: p, .. } => (p.clone(), vec![]),
            Error::Validation(v) => (Problem::new(key::RECORD_NOT_VALID), v.0.clone()),
            Error::TooManyAttempts(secs) => (
                Problem::new(key::TOO_MANY_ATTEMPTS).with("seconds", *secs as usize),
                vec![],
            ),
            Error::TooLarge(max) => (Problem::new(key::BODY_TOO_LARGE).with("max", *max), vec![]),
            Error::Internal(e) => {
                tracing::error!(error = ?e, "internal error");
                (Problem::new(key::INTERNAL), vec![])
            }
        }
    }
}

impl Error {
    /// What the refusal says in the language being spoken (`i18n::words`), its fields'
    /// problems after it, with the problem and the fields so worded.
    pub fn worded(&self) -> (String, Problem, Vec<FieldError>) {
        let (problem, mut fields) = self.problem();
        let words = crate::i18n::words();
        for f in &mut fields {
            f.word(words);
        }
        let mut message = words.problem(&problem).unwrap_or_default();
        if !fields.is_empty() {
            let each: Vec<String> = fields
                .iter()
                .map(|f| format!("{}: {}", f.field, f.message))
                .collect();
            message = format!("{message} {}", each.join("; "));
        }
        (message, problem, fields)
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let (status, code) = self.parts();
        let (message, problem, fields) = self.worded();
        let body = ErrorBody {
            error: code,
            message,
            problem,
            fields,
        };
        let mut response = (status, Json(body)).into_response();
        match &self {
            Error::Unauthenticated { .. } => {
                response.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"tradewinds\""),
                );
            }
            Error::TooManyAttempts(secs) => {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(*secs));
            }
            _ => {}
        }
        response
    }
}

/// The API's fallback. `OriginalUri`: inside the nested API router, `Uri` has lost `/api/v1`.
pub async fn api_not_found(OriginalUri(uri): OriginalUri) -> Error {
    Error::NotFound(Problem::new(key::NO_ENDPOINT).with("path", uri.path()))
}

/// The API's answer to a known path with a method it does not take (axum adds `Allow`).
pub async fn api_method_not_allowed(method: Method, OriginalUri(uri): OriginalUri) -> Error {
    Error::MethodNotAllowed(
        Problem::new(key::METHOD_NOT_TAKEN)
            .with("path", uri.path())
            .with("method", method.as_str()),
    )
}
