//! The JSON error body every API endpoint answers with when it refuses a request, and the
//! codes it names: the server writes them and the app matches on them from this one list.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::validation::FieldError;

/// `{ "error": CODE, "message": ..., "problem": {"key": ..., "args": ...}, "fields": [...] }`:
/// `error` is a stable machine code, `message` a sentence a person can read (in the
/// language the request named), `problem` the same message for a device to word in its own
/// language, and `fields` the per-field problems of a validation failure (empty otherwise).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ErrorCode,
    pub message: String,
    #[serde(default, skip_serializing_if = "crate::i18n::Problem::is_none")]
    pub problem: crate::i18n::Problem,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

/// Defines `ErrorCode` with each code's wire name written once.
macro_rules! error_codes {
    ($($(#[doc = $doc:literal])* $name:ident = $wire:literal,)*) => {
        /// A refusal's stable machine code (the `error` of `ErrorBody`, the `code` of a
        /// sync `Rejection`). Written as its wire name; a name this release does not know
        /// (from a newer server) is kept as `Other`.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            $($(#[doc = $doc])* $name,)*
            /// A code this release does not know.
            Other(String),
        }

        impl ErrorCode {
            /// Every code this release knows.
            pub const KNOWN: &'static [ErrorCode] = &[$(ErrorCode::$name,)*];

            /// The code as sent.
            pub fn as_str(&self) -> &str {
                match self {
                    $(ErrorCode::$name => $wire,)*
                    ErrorCode::Other(code) => code,
                }
            }

            /// The code named `wire`.
            pub fn parse(wire: &str) -> ErrorCode {
                match wire {
                    $($wire => ErrorCode::$name,)*
                    other => ErrorCode::Other(other.to_owned()),
                }
            }
        }
    };
}

error_codes! {
    /// 400: the request's body or path is not what the endpoint takes.
    BadBody = "bad_body",
    BadPath = "bad_path",
    EmptyBody = "empty_body",
    InvalidBody = "invalid_body",
    InvalidCursor = "invalid_cursor",
    InvalidId = "invalid_id",
    InvalidQuery = "invalid_query",
    MalformedJson = "malformed_json",
    UnreadableBody = "unreadable_body",
    /// 401: no valid session, or wrong credentials.
    Unauthenticated = "unauthenticated",
    InvalidCredentials = "invalid_credentials",
    /// 403: signed in, but not allowed.
    Forbidden = "forbidden",
    DeviceNotYours = "device_not_yours",
    TooManyDevices = "too_many_devices",
    LastAdmin = "last_admin",
    /// 404, 405, 413, 415, 429, 500.
    NotFound = "not_found",
    /// A bootstrap generation or page no longer kept: read the index again.
    BootstrapGone = "bootstrap_gone",
    MethodNotAllowed = "method_not_allowed",
    BodyTooLarge = "body_too_large",
    UnsupportedMediaType = "unsupported_media_type",
    TooManyAttempts = "too_many_attempts",
    Internal = "internal",
    /// 409: the request conflicts with what is stored.
    EmailTaken = "email_taken",
    MutationGap = "mutation_gap",
    CursorReset = "cursor_reset",
    /// 422 (and sync rejections): the change itself is refused.
    InvalidRecord = "invalid_record",
    ReservedField = "reserved_field",
    ReservedDevice = "reserved_device",
    ClockInFuture = "clock_in_future",
    TooManyMutations = "too_many_mutations",
    MutationsNotConsecutive = "mutations_not_consecutive",
    InvalidMutationNumber = "invalid_mutation_number",
    /// An import file that cannot be read as the kind it is said to hold.
    InvalidImport = "invalid_import",
    /// A changes file (`sync::carried`) that cannot be read, or whose changes cannot be
    /// taken in as they stand.
    InvalidChangesFile = "invalid_changes_file",
    /// A changes file whose seal is not its account's on its device here: altered since it
    /// was made, or made for another server.
    ChangesFileAltered = "changes_file_altered",
    /// A changes file sealed with a key withdrawn since (its person signed out everywhere,
    /// or an administrator set their password or disabled them).
    SealKeyWithdrawn = "seal_key_withdrawn",
    /// A changes file of an account that is disabled or no longer exists.
    AccountDisabled = "account_disabled",
    /// A file (`files`) whose content is not a kind kept, not what its document says, or
    /// not the bytes its hash names.
    FileRefused = "file_refused",
    /// An upload's part that does not start where the server's copy ends (409).
    UploadOffset = "upload_offset",
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for ErrorCode {
    fn from(wire: &str) -> Self {
        ErrorCode::parse(wire)
    }
}

/// Compares with a wire name (`code == "mutation_gap"`), as a test reading the wire does.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, wire: &&str) -> bool {
        self.as_str() == *wire
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let wire = std::borrow::Cow::<str>::deserialize(d)?;
        Ok(ErrorCode::parse(&wire))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_written_once_and_read_back() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::KNOWN {
            let wire = code.as_str();
            assert!(seen.insert(wire), "{wire} twice");
            assert!(
                wire.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{wire}"
            );
            let json = serde_json::to_string(code).unwrap();
            assert_eq!(json, format!("\"{wire}\""));
            assert_eq!(&serde_json::from_str::<ErrorCode>(&json).unwrap(), code);
        }
    }

    #[test]
    fn a_code_from_a_newer_server_is_kept() {
        let body: ErrorBody =
            serde_json::from_str(r#"{"error":"quota_exceeded","message":"Later."}"#).unwrap();
        assert_eq!(body.error, ErrorCode::Other("quota_exceeded".into()));
        assert_eq!(
            serde_json::to_value(&body).unwrap()["error"],
            "quota_exceeded"
        );
    }
}
