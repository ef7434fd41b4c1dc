//! The sync protocol: per-device mutation logs pushed to the server, record states pulled
//! back by a server cursor, and the per-field merge both sides run.
//!
//! See `merge` for the rules and `protocol` for the wire messages (ids in them: `wire_id`).

pub mod bootstrap;
pub mod carried;
mod compact;
pub use compact::record_head;
pub mod merge;
pub mod progress;
pub mod protocol;
pub mod wire_id;

pub use merge::{Applied, Dot, FieldState, FieldWrite, Mutation, RecordState, VersionVector};
pub use protocol::{
    Cursor, PullResponse, PushRequest, PushResponse, ReceivedPush, Rejection, Snapshot,
    MAX_FUTURE_SKEW_MS,
};

/// Every device (a browser profile, the server itself, an import) has a random id.
pub type DeviceId = uuid::Uuid;
