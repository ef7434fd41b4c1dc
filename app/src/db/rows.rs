//! The shapes of rows in IndexedDB and their conversion to and from JS values.

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use tradewinds_shared::sync::{Mutation, RecordState, Rejection};
use tradewinds_shared::RecordKind;
use uuid::Uuid;
use wasm_bindgen::JsValue;

use super::DbError;

/// A row of `records`: indexed properties plus the state as JSON.
#[derive(Debug, Serialize, Deserialize)]
pub struct RecordRow {
    pub key: String,
    pub kind: String,
    /// The organisation a contact belongs to (the `org` index).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    pub state: String,
}

impl RecordRow {
    pub fn key(kind: RecordKind, id: Uuid) -> String {
        format!("{}/{}", kind.code(), id)
    }

    pub fn org_of(state: &RecordState) -> Option<String> {
        if state.kind != RecordKind::Contact {
            return None;
        }
        state
            .values()
            .get("organisation")
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    }

    pub fn encode(state: &RecordState) -> Result<RecordRow, DbError> {
        Ok(RecordRow {
            key: Self::key(state.kind, state.id),
            kind: state.kind.code().to_owned(),
            org: Self::org_of(state),
            state: serde_json::to_string(state).map_err(|e| DbError::Decode(e.to_string()))?,
        })
    }

    pub fn decode(&self) -> Result<RecordState, DbError> {
        serde_json::from_str(&self.state)
            .map_err(|e| DbError::Decode(format!("record {}: {e}", self.key)))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxStatus {
    /// Waiting to be pushed (or pushed and not yet acknowledged).
    Pending,
    /// The server refused it; shown in "needs attention".
    Rejected,
}

/// A row of `outbox`: one of this device's mutations.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OutboxEntry {
    pub n: u64,
    pub status: OutboxStatus,
    pub mutation: String,
    #[serde(default)]
    pub rejection: Option<Rejection>,
    /// When the edit was made (ms since 1970).
    pub at: i64,
}

impl OutboxEntry {
    pub fn pending(m: &Mutation) -> Result<Self, DbError> {
        Ok(OutboxEntry {
            n: m.n,
            status: OutboxStatus::Pending,
            mutation: serde_json::to_string(m).map_err(|e| DbError::Decode(e.to_string()))?,
            rejection: None,
            at: m.at,
        })
    }

    pub fn mutation(&self) -> Result<Mutation, DbError> {
        serde_json::from_str(&self.mutation)
            .map_err(|e| DbError::Decode(format!("outbox entry {}: {e}", self.n)))
    }
}

pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, DbError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| DbError::Decode(e.to_string()))
}

pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, DbError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| DbError::Decode(e.to_string()))
}
