//! What the browser tests of `app/src/db` share: people, records as the server sends
//! them, and a fresh database per test.
#![allow(dead_code)]

use serde_json::{Map, Value};
use tradewinds_app::db::{new_id, Db};
use tradewinds_shared::access::Role;
use tradewinds_shared::accounts::User;
use tradewinds_shared::sync::RecordState;
use tradewinds_shared::RecordKind;
use uuid::Uuid;

pub fn fields(v: Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap()
}

pub fn person(role: Role, organisation: Option<Uuid>) -> User {
    let id = new_id();
    User {
        id,
        email: format!("{id}@example.org"),
        name: format!("{} {}", role.label(), &id.to_string()[..4]),
        role,
        organisation,
        disabled: false,
        language: None,
    }
}

/// Someone who may change anything (the checks are tested below).
pub fn admin() -> User {
    thread_local!(static ADMIN: User = person(Role::Admin, None));
    ADMIN.with(Clone::clone)
}

/// An organisation as the server sends it: made by `server` in one edit (number and clock
/// `n`) of `values`.
pub fn server_record(server: Uuid, id: Uuid, n: u64, values: Value) -> RecordState {
    let mut state = RecordState::new(RecordKind::Organisation, id);
    state.apply(
        server,
        &state.edit(n, n as i64, fields(values)).unwrap(),
        None,
    );
    state
}

/// A fresh database name per test, so tests never see each other's data.
pub fn unique(name: &str) -> String {
    format!("test-{name}-{}", new_id())
}

pub async fn fresh(name: &str) -> Db {
    Db::open_named(&unique(name)).await.expect("open")
}
