//! Wire messages of `/api/v1/sync/*`.

use serde::{Deserialize, Serialize};

use super::merge::{Mutation, RecordState};
use super::DeviceId;
use crate::validation::FieldError;

/// A mutation whose author clock is further ahead of the server than this is refused.
pub const MAX_FUTURE_SKEW_MS: i64 = 24 * 60 * 60 * 1000;

/// Largest number of mutations in one push.
pub const MAX_PUSH_MUTATIONS: usize = 1000;

/// `POST /api/v1/sync/push`: a device's next mutations, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PushRequest {
    /// Written in the short form (`wire_id`); both forms are read.
    #[serde(with = "super::wire_id")]
    pub device: DeviceId,
    pub mutations: Vec<Mutation>,
}

/// The answer to a push: every mutation up to `last_applied` is durably processed (applied
/// or rejected); rejections say why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushResponse {
    pub last_applied: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejections: Vec<Rejection>,
}

/// A mutation that can never apply. The device's counter still advanced past it; the app
/// shows it in "needs attention" so that the person can fix and resubmit it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rejection {
    pub n: u64,
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

/// An opaque position in the server's change log: the server's identity and a sequence
/// number. A cursor from another server (restored or replaced) is detected and answered
/// with a fresh snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Cursor(pub String);

impl Cursor {
    pub fn new(server: &str, seq: u64) -> Self {
        Cursor(format!("{server}.{seq}"))
    }

    /// `(server identity, sequence)`, if the cursor is well formed.
    pub fn parts(&self) -> Option<(&str, u64)> {
        let (server, seq) = self.0.rsplit_once('.')?;
        Some((server, seq.parse().ok()?))
    }
}

/// `GET /api/v1/sync/snapshot`: every record, and the cursor to pull from afterwards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub cursor: Cursor,
    pub records: Vec<RecordState>,
}

/// `GET /api/v1/sync/pull?cursor=..`: records changed since the cursor, in commit order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PullResponse {
    pub cursor: Cursor,
    pub records: Vec<RecordState>,
    pub has_more: bool,
    /// True when the cursor belonged to another server: the client must start from a
    /// snapshot (keeping its outbox).
    #[serde(default)]
    pub reset: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_parts() {
        let c = Cursor::new("5f0c", 42);
        assert_eq!(c.parts(), Some(("5f0c", 42)));
        assert_eq!(Cursor("nonsense".into()).parts(), None);
        assert_eq!(Cursor("a.b".into()).parts(), None);
    }
}
