//! The JSON error body every API endpoint answers with when it refuses a request.

use serde::{Deserialize, Serialize};

use crate::validation::FieldError;

/// `{ "error": CODE, "message": ..., "fields": [...] }`: `error` is a stable machine code,
/// `message` a sentence a person can read, `fields` the per-field problems of a validation
/// failure (empty otherwise).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}
