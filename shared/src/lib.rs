//! The truth both sides agree on: catalogue record types, their validation rules, the sync
//! protocol's wire messages and the per-field merge. Pure Rust, no I/O: it builds for wasm32
//! (the app) and the host (the server), and its tests run natively.

pub mod api;
#[macro_use]
pub mod catalogue;
pub mod access;
pub mod accounts;
pub mod backup;
pub mod dates;
pub mod documents;
pub mod export;
pub mod fields;
pub mod files;
pub mod i18n;
pub mod import;
pub mod meetings;
pub mod missions;
pub mod projects;
pub mod reference;
pub mod search;
pub mod sync;
pub mod validation;

pub use catalogue::{Contact, Organisation, Programme, RecordKind, TrainingTool};
pub use meetings::{ActionItem, Meeting};
pub use missions::Mission;
pub use projects::Project;
pub use validation::{FieldError, ValidationErrors};
