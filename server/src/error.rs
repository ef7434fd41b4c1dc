//! The one error type of the API. Every refusal becomes `{ "error": CODE, "message": ... }`
//! with a 4xx status; internal failures are logged in full and answered with a bare 500.

use axum::{
    extract::OriginalUri,
    http::{header, HeaderValue, Method, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use tradewinds_shared::api::ErrorCode;
use tradewinds_shared::{api::ErrorBody, ValidationErrors};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    NotFound(String),
    /// 404 for a reason with its own code (a bootstrap page no longer kept).
    #[error("{message}")]
    Gone { code: ErrorCode, message: String },
    #[error("{0}")]
    Validation(ValidationErrors),
    #[error("{message}")]
    BadRequest { code: ErrorCode, message: String },
    #[error("{message}")]
    Unprocessable { code: ErrorCode, message: String },
    #[error("{message}")]
    Conflict { code: ErrorCode, message: String },
    #[error("{0}")]
    MethodNotAllowed(String),
    /// No valid session: missing, expired or revoked token, or wrong credentials.
    #[error("{message}")]
    Unauthenticated { code: ErrorCode, message: String },
    /// Signed in, but this person may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// Signed in, but this is not theirs to do, for a reason with its own code.
    #[error("{message}")]
    Denied { code: ErrorCode, message: String },
    /// Too many wrong passwords (signing in or changing it); try again after this many
    /// seconds.
    #[error("Too many failed sign-ins or wrong passwords. Wait {0} seconds, then try again.")]
    TooManyAttempts(u64),
    #[error("the request body is larger than {0} bytes")]
    TooLarge(usize),
    #[error("{0}")]
    UnsupportedMediaType(String),
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
            message:
                "Sign in first: this request has no valid session (missing, expired or signed out)."
                    .into(),
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
            Error::TooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::BodyTooLarge),
            Error::UnsupportedMediaType(_) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
            ),
            Error::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal),
        }
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let (status, code) = self.parts();
        let (message, fields) = match &self {
            Error::Internal(e) => {
                tracing::error!(error = ?e, "internal error");
                (
                    "Something went wrong on the server; it has been logged.".to_owned(),
                    vec![],
                )
            }
            Error::Validation(v) => (format!("The record is not valid: {v}"), v.0.clone()),
            other => (other.to_string(), vec![]),
        };
        let body = ErrorBody {
            error: code,
            message,
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
    Error::NotFound(format!("There is no API endpoint at {}.", uri.path()))
}

/// The API's answer to a known path with a method it does not take (axum adds `Allow`).
pub async fn api_method_not_allowed(method: Method, OriginalUri(uri): OriginalUri) -> Error {
    Error::MethodNotAllowed(format!("{} does not take {method}.", uri.path()))
}
