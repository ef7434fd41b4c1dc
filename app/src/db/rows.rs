//! The shapes of rows in IndexedDB and their conversion to and from JS values.

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use tradewinds_shared::accounts::{Session, User};
use tradewinds_shared::catalogue::DELETED_FIELD;
use tradewinds_shared::sync::{DeviceId, Mutation, RecordState, Rejection};
use tradewinds_shared::RecordKind;
use uuid::Uuid;
use wasm_bindgen::JsValue;

use super::DbError;

/// A row of `records`: indexed properties plus the state as JSON. Converted to and from
/// its JS object by hand (`to_js`, `from_js`): lists read thousands of them.
#[derive(Debug)]
pub struct RecordRow {
    pub key: String,
    pub kind: String,
    /// The organisation a contact belongs to (the `org` index); absent on other rows.
    pub org: Option<String>,
    /// The kind, on live rows only (the `listed` index: lists and counts skip deleted
    /// records without reading them); absent on deleted ones.
    pub listed: Option<String>,
    pub state: String,
}

/// The fields a row's indexed properties come from.
pub const INDEXED_FIELDS: &[&str] = &[DELETED_FIELD, "organisation"];

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
        let json = serde_json::to_string(state).map_err(|e| DbError::Encode(e.to_string()))?;
        Ok(Self::with_json(state, json))
    }

    /// The row of a record whose JSON is `json`, indexed from `head` (the record itself,
    /// or the same record read with only its `INDEXED_FIELDS`).
    pub fn with_json(head: &RecordState, json: String) -> RecordRow {
        RecordRow {
            key: Self::key(head.kind, head.id),
            kind: head.kind.code().to_owned(),
            org: Self::org_of(head),
            listed: (!head.is_deleted()).then(|| head.kind.code().to_owned()),
            state: json,
        }
    }

    /// The row of a record of a kind this release does not know (a newer server sent it):
    /// stored exactly as received, in no index a list reads, until a release that knows
    /// the kind indexes it (`Db::adopt_foreign`).
    pub fn foreign(kind: &str, id: Uuid, json: String) -> RecordRow {
        RecordRow {
            key: format!("{kind}/{id}"),
            kind: kind.to_owned(),
            org: None,
            listed: None,
            state: json,
        }
    }

    /// Whether this release knows the row's kind (can read its state).
    pub fn known(&self) -> bool {
        RecordKind::from_code(&self.kind).is_some()
    }

    /// The row as a plain JS object, built directly (a snapshot writes thousands).
    pub fn to_js(&self) -> JsValue {
        let o = js_sys::Object::new();
        let set = |k: &str, v: JsValue| {
            // Setting a property on a fresh plain object cannot fail.
            let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &v);
        };
        set("key", JsValue::from_str(&self.key));
        set("kind", JsValue::from_str(&self.kind));
        if let Some(org) = &self.org {
            set("org", JsValue::from_str(org));
        }
        if let Some(listed) = &self.listed {
            set("listed", JsValue::from_str(listed));
        }
        set("state", JsValue::from_str(&self.state));
        o.into()
    }

    /// The row stored as `value`; a row without its key, kind or state is refused.
    pub fn from_js(value: &JsValue) -> Result<RecordRow, DbError> {
        let text = |k: &str| {
            js_sys::Reflect::get(value, &JsValue::from_str(k))
                .ok()
                .and_then(|v| v.as_string())
        };
        let needed = |k: &str| {
            text(k).ok_or_else(|| DbError::Decode(format!("a stored record has no `{k}`")))
        };
        Ok(RecordRow {
            key: needed("key")?,
            kind: needed("kind")?,
            org: text("org"),
            listed: text("listed"),
            state: needed("state")?,
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxEntry {
    pub n: u64,
    pub status: OutboxStatus,
    pub mutation: String,
    /// The server's `Rejection`, kept as it came: read (`rejection()`) only where a screen
    /// shows it, so that the first download, which reads the outbox, carries no reader of
    /// refusals' field problems.
    #[serde(default)]
    pub rejection: Option<serde_json::Value>,
    /// When the edit was made (ms since 1970).
    pub at: i64,
    /// Who made it (absent on entries made before accounts existed). Entries are sent only
    /// under their author's session.
    #[serde(default)]
    pub by: Option<Uuid>,
    /// The author's name, to tell people whose changes wait.
    #[serde(default)]
    pub by_name: Option<String>,
}

impl OutboxEntry {
    pub fn pending(m: &Mutation, by: Option<&User>) -> Result<Self, DbError> {
        Ok(OutboxEntry {
            n: m.n,
            status: OutboxStatus::Pending,
            mutation: serde_json::to_string(m).map_err(|e| DbError::Encode(e.to_string()))?,
            rejection: None,
            at: m.at,
            by: by.map(|u| u.id),
            by_name: by.map(|u| u.display().to_owned()),
        })
    }

    /// Why the server refused it (an entry the server refused), or `None`; a reason this
    /// release cannot read still says what it can (its words).
    pub fn rejection(&self) -> Option<Rejection> {
        let kept = self.rejection.as_ref()?;
        serde_json::from_value(kept.clone()).ok().or_else(|| {
            let said = kept.get("message").and_then(serde_json::Value::as_str)?;
            Some(Rejection {
                n: self.n,
                code: kept
                    .get("code")
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or("")
                    .into(),
                message: said.to_owned(),
                problem: Default::default(),
                fields: vec![],
            })
        })
    }

    /// The same entry renumbered `n` (its mutation too), its mutation otherwise changed by
    /// `change`.
    pub fn renumbered(&self, n: u64, change: impl FnOnce(&mut Mutation)) -> Result<Self, DbError> {
        let mut m = self.mutation()?;
        m.n = n;
        change(&mut m);
        Ok(OutboxEntry {
            n,
            mutation: serde_json::to_string(&m).map_err(|e| DbError::Encode(e.to_string()))?,
            ..self.clone()
        })
    }

    /// Whether `user` may send this entry: their own, or one from before accounts.
    pub fn sendable_by(&self, user: Uuid) -> bool {
        self.by.is_none_or(|b| b == user)
    }

    pub fn mutation(&self) -> Result<Mutation, DbError> {
        serde_json::from_str(&self.mutation)
            .map_err(|e| DbError::Decode(format!("outbox entry {}: {e}", self.n)))
    }
}

/// The session kept in `meta` (key `session`), read by the app and by the service worker.
/// `token` is `None` once the server refused it (expired or revoked): the person is still
/// known, their work stays, and nothing is sent until they sign in again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSession {
    pub token: Option<String>,
    /// Milliseconds since 1970, as the server last said.
    pub expires: i64,
    pub user: User,
}

/// The key that seals `account`'s changes files made on `device` (`sync::carried`), kept in
/// `meta` (key `seal`) beside the session and forgotten with it: it is that person's
/// credential on this device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSeal {
    pub account: Uuid,
    pub device: DeviceId,
    /// In hex, as the server gave it.
    pub key: String,
}

impl StoredSession {
    pub fn signed_in(&self) -> bool {
        self.token.is_some()
    }
}

impl From<Session> for StoredSession {
    fn from(s: Session) -> Self {
        StoredSession {
            token: Some(s.token),
            expires: s.expires,
            user: s.user,
        }
    }
}

/// The JS object IndexedDB stores for a row (the outbox, the session): exactly the row's
/// JSON, which the service worker reads too. Through JSON text, so the rows take the one
/// serde path the app has anyway.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, DbError> {
    let text = serde_json::to_string(value).map_err(|e| DbError::Encode(e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| DbError::Encode("a row could not be made".into()))
}

/// A row read back from its JS object.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, DbError> {
    let text = js_sys::JSON::stringify(&value)
        .map_err(|_| DbError::Decode("a stored row could not be read".into()))?;
    serde_json::from_str(&String::from(text)).map_err(|e| DbError::Decode(e.to_string()))
}
