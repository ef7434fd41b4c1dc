//! Wire messages of `/api/v1/sync/*`.
//!
//! A push is what a person on a slow link pays for each change, so its two messages are
//! written as JSON arrays, by position, instead of objects that repeat every key:
//!
//! ```text
//! push:      [device, [mutation, …]]
//! mutation:  [n, kind, id, at, {field: value, …}, {field: context, …}]   (context omitted
//!                                                                         when empty)
//! ```
//!
//! e.g. `["mJw…",[[7,"organisation","Zr4…",1764350000000,{"acronym":"OECS"},{"acronym":{"x9Q…":5}}]]]`
//! (ids in their 22-character form, `wire_id`; a context is a version vector). Both are also
//! read as objects with the field names (`{"device":…,"mutations":[{"n":…,…}]}`), which
//! outbox entries stored before this form, and any client that prefers names, still send.
//! The answer to a push whose every mutation was applied is `204 No Content`
//! (`PushResponse::applied_all`); otherwise a `PushResponse` object.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeTuple;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::merge::{Mutation, RecordState, VersionVector};
use super::DeviceId;
use crate::catalogue::RecordKind;
use crate::i18n::{Catalogue, Problem};
use crate::validation::FieldError;

/// A mutation whose author clock is further ahead of the server than this is refused.
pub const MAX_FUTURE_SKEW_MS: i64 = 24 * 60 * 60 * 1000;

/// Largest number of mutations in one push.
pub const MAX_PUSH_MUTATIONS: usize = 1000;

/// `POST /api/v1/sync/push`: a device's next mutations, in order. Written as an array, read
/// from an array or an object with these names (see above).
#[derive(Debug, Clone, PartialEq)]
pub struct PushRequest {
    /// Written in the short form (`wire_id`); both forms are read.
    pub device: DeviceId,
    pub mutations: Vec<Mutation>,
}

/// An id in its short form (`wire_id`), as an element of an array.
struct ShortId<'a>(&'a Uuid);

impl Serialize for ShortId<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        super::wire_id::serialize(self.0, s)
    }
}

/// An id in either form (`wire_id`), as an element of an array.
struct AnyId(Uuid);

impl<'de> Deserialize<'de> for AnyId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::wire_id::deserialize(d).map(AnyId)
    }
}

/// The object forms, field by field.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "PushRequest")]
struct NamedPush {
    #[serde(with = "super::wire_id")]
    device: DeviceId,
    mutations: Bounded,
}

/// A push's mutations as read: at most `MAX_PUSH_MUTATIONS` are built; any after them are
/// only checked to be JSON and skipped (`more`), so an oversized push is refused before it
/// is expanded in memory.
struct Bounded {
    list: Vec<Mutation>,
    more: bool,
}

impl<'de> Deserialize<'de> for Bounded {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct BoundedVisitor;
        impl<'de> Visitor<'de> for BoundedVisitor {
            type Value = Bounded;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of mutations")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Bounded, A::Error> {
                let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                let mut more = false;
                while list.len() < MAX_PUSH_MUTATIONS {
                    match seq.next_element()? {
                        Some(m) => list.push(m),
                        None => return Ok(Bounded { list, more }),
                    }
                }
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    more = true;
                }
                Ok(Bounded { list, more })
            }
        }
        d.deserialize_seq(BoundedVisitor)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Mutation")]
struct NamedMutation {
    n: u64,
    kind: RecordKind,
    #[serde(with = "super::wire_id")]
    id: Uuid,
    at: i64,
    set: Map<String, Value>,
    #[serde(default)]
    ctx: BTreeMap<String, VersionVector>,
}

/// The next element of an array form, which must be there.
fn element<'de, T: Deserialize<'de>, A: SeqAccess<'de>>(
    seq: &mut A,
    index: usize,
    form: &dyn de::Expected,
) -> Result<T, A::Error> {
    seq.next_element()?
        .ok_or_else(|| de::Error::invalid_length(index, form))
}

/// Refuses an array form with more than `len` elements.
fn end<'de, A: SeqAccess<'de>>(
    seq: &mut A,
    len: usize,
    form: &dyn de::Expected,
) -> Result<(), A::Error> {
    match seq.next_element::<IgnoredAny>()? {
        Some(_) => Err(de::Error::invalid_length(len + 1, form)),
        None => Ok(()),
    }
}

/// A push as the server received it, and whether it came in the array form. Clients that
/// write arrays read `204 No Content`; builds from before the array form (an app not yet
/// reloaded after an update, its service worker) expect a body, and get one.
#[derive(Debug)]
pub struct ReceivedPush {
    pub push: PushRequest,
    pub arrays: bool,
    /// It held more than `MAX_PUSH_MUTATIONS` mutations: only the first were read.
    pub oversized: bool,
}

struct PushVisitor;

impl<'de> Visitor<'de> for PushVisitor {
    type Value = ReceivedPush;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a push: [device, [mutation, …]]")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ReceivedPush, A::Error> {
        let AnyId(device) = element(&mut seq, 0, &self)?;
        let Bounded { list, more } = element(&mut seq, 1, &self)?;
        end(&mut seq, 2, &self)?;
        Ok(ReceivedPush {
            push: PushRequest {
                device,
                mutations: list,
            },
            arrays: true,
            oversized: more,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ReceivedPush, A::Error> {
        let NamedPush { device, mutations } =
            NamedPush::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(ReceivedPush {
            push: PushRequest {
                device,
                mutations: mutations.list,
            },
            arrays: false,
            oversized: mutations.more,
        })
    }
}

impl<'de> Deserialize<'de> for ReceivedPush {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(PushVisitor)
    }
}

impl<'de> Deserialize<'de> for PushRequest {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let received = ReceivedPush::deserialize(d)?;
        if received.oversized {
            return Err(de::Error::custom(format!(
                "a push holds at most {MAX_PUSH_MUTATIONS} mutations"
            )));
        }
        Ok(received.push)
    }
}

struct MutationVisitor;

impl<'de> Visitor<'de> for MutationVisitor {
    type Value = Mutation;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mutation: [n, kind, id, at, {field: value, …}, {field: context, …}]")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Mutation, A::Error> {
        let n = element(&mut seq, 0, &self)?;
        let kind = element(&mut seq, 1, &self)?;
        let AnyId(id) = element(&mut seq, 2, &self)?;
        let at = element(&mut seq, 3, &self)?;
        let set = element(&mut seq, 4, &self)?;
        let ctx = seq.next_element()?.unwrap_or_default();
        end(&mut seq, 6, &self)?;
        Ok(Mutation {
            n,
            kind,
            id,
            at,
            set,
            ctx,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Mutation, A::Error> {
        let NamedMutation {
            n,
            kind,
            id,
            at,
            set,
            ctx,
        } = NamedMutation::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(Mutation {
            n,
            kind,
            id,
            at,
            set,
            ctx,
        })
    }
}

impl<'de> Deserialize<'de> for Mutation {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(MutationVisitor)
    }
}

impl Serialize for PushRequest {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut t = s.serialize_tuple(2)?;
        t.serialize_element(&ShortId(&self.device))?;
        t.serialize_element(&self.mutations)?;
        t.end()
    }
}

impl Serialize for Mutation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut t = s.serialize_tuple(if self.ctx.is_empty() { 5 } else { 6 })?;
        t.serialize_element(&self.n)?;
        t.serialize_element(&self.kind)?;
        t.serialize_element(&ShortId(&self.id))?;
        t.serialize_element(&self.at)?;
        t.serialize_element(&self.set)?;
        if !self.ctx.is_empty() {
            t.serialize_element(&self.ctx)?;
        }
        t.end()
    }
}

/// The answer to a push: every mutation up to `last_applied` is durably processed (applied
/// or rejected); rejections say why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushResponse {
    pub last_applied: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejections: Vec<Rejection>,
}

impl PushResponse {
    /// What `204 No Content` stands for as the answer to `push`: every one of its
    /// mutations applied. `None` for an empty push, whose answer always has a body (the
    /// device's counter is not in the request).
    pub fn applied_all(push: &PushRequest) -> Option<PushResponse> {
        push.mutations.last().map(|m| PushResponse {
            last_applied: m.n,
            rejections: Vec::new(),
        })
    }

    /// Whether `204 No Content` says all of this answer to `push`.
    pub fn is_applied_all(&self, push: &PushRequest) -> bool {
        PushResponse::applied_all(push).as_ref() == Some(self)
    }
}

/// A mutation that can never apply. The device's counter still advanced past it; the app
/// shows it in "needs attention" so that the person can fix and resubmit it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rejection {
    pub n: u64,
    pub code: crate::api::ErrorCode,
    /// Why, worded by the server (in the language of the push it answers); `problem` is
    /// the same for a device to word in its own language.
    pub message: String,
    #[serde(default, skip_serializing_if = "Problem::is_none")]
    pub problem: Problem,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

impl Rejection {
    /// Mutation `n` refused for `problem` (and the fields' own problems), worded in
    /// `catalogue`'s language.
    pub fn new(
        n: u64,
        code: crate::api::ErrorCode,
        problem: Problem,
        fields: Vec<FieldError>,
        catalogue: &Catalogue,
    ) -> Rejection {
        let mut r = Rejection {
            n,
            code,
            message: String::new(),
            problem,
            fields,
        };
        r.word(catalogue);
        r
    }

    /// Words `message` and the fields' in `catalogue`'s language.
    pub fn word(&mut self, catalogue: &Catalogue) {
        if let Some(text) = catalogue.problem(&self.problem) {
            self.message = text;
        }
        for f in &mut self.fields {
            f.word(catalogue);
        }
    }
}

/// An opaque position in the server's change log: the server's identity and a sequence
/// number. A cursor from another server (restored or replaced) is detected and answered
/// with a fresh snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Cursor(pub String);

impl Cursor {
    /// A cursor without a digest (what servers before digests issued; still read).
    pub fn new(server: &str, seq: u64) -> Self {
        Cursor(format!("{server}.{seq}"))
    }

    /// `server.seq.digest`: the digest names the change at `seq` (see the server's
    /// `store::change_digest`), so that a database restored from a backup, whose change at
    /// `seq` is another one, tells this cursor is not from its history however many
    /// changes it has made since. `None` for the empty change log.
    pub fn at(server: &str, seq: u64, digest: Option<&str>) -> Self {
        match digest {
            Some(d) => Cursor(format!("{server}.{seq}.{d}")),
            None => Cursor::new(server, seq),
        }
    }

    /// `(server identity, sequence)`, if the cursor is well formed.
    pub fn parts(&self) -> Option<(&str, u64)> {
        self.parts_with_digest()
            .map(|(server, seq, _)| (server, seq))
    }

    /// `(server identity, sequence, digest of the change at sequence)`.
    pub fn parts_with_digest(&self) -> Option<(&str, u64, Option<&str>)> {
        let mut parts = self.0.splitn(3, '.');
        let server = parts.next().filter(|s| !s.is_empty())?;
        let seq = parts.next()?.parse().ok()?;
        let digest = match parts.next() {
            Some(d) if !d.is_empty() && d.bytes().all(|b| b.is_ascii_hexdigit()) => Some(d),
            Some(_) => return None,
            None => None,
        };
        Some((server, seq, digest))
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
        let d = Cursor::at("5f0c", 42, Some("a1b2c3"));
        assert_eq!(d.parts_with_digest(), Some(("5f0c", 42, Some("a1b2c3"))));
        assert_eq!(d.parts(), Some(("5f0c", 42)));
        assert_eq!(Cursor::at("5f0c", 0, None), Cursor::new("5f0c", 0));
        assert_eq!(Cursor("5f0c.42.not hex".into()).parts(), None);
        assert_eq!(Cursor("5f0c.42.".into()).parts(), None);
        assert_eq!(Cursor("a.b".into()).parts(), None);
    }

    fn edit() -> PushRequest {
        let device = Uuid::from_u128(0x9a3c_1e00_0000_4000_8000_0000_0000_0001);
        let server = Uuid::from_u128(0x0bad_cafe_0000_4000_8000_0000_0000_0002);
        let mut set = serde_json::Map::new();
        set.insert("acronym".into(), "OECS".into());
        let ctx = [(
            "acronym".to_string(),
            super::super::VersionVector([(server, 5)].into()),
        )]
        .into();
        PushRequest {
            device,
            mutations: vec![Mutation {
                n: 7,
                kind: crate::RecordKind::Organisation,
                id: Uuid::from_u128(0x42),
                at: 1_764_350_000_000,
                set,
                ctx,
            }],
        }
    }

    #[test]
    fn a_push_is_written_as_arrays() {
        let push = edit();
        let text = serde_json::to_string(&push).unwrap();
        assert_eq!(
            text,
            r#"["mjweAAAAQACAAAAAAAAAAQ",[[7,"organisation","AAAAAAAAAAAAAAAAAAAAQg",1764350000000,{"acronym":"OECS"},{"acronym":{"C63K_gAAQACAAAAAAAAAAg":5}}]]]"#
        );
        assert_eq!(serde_json::from_str::<PushRequest>(&text).unwrap(), push);
        // Without a context the mutation has five elements.
        let mut bare = push.clone();
        bare.mutations[0].ctx.clear();
        let text = serde_json::to_string(&bare).unwrap();
        assert!(text.ends_with(r#"{"acronym":"OECS"}]]]"#), "{text}");
        assert_eq!(serde_json::from_str::<PushRequest>(&text).unwrap(), bare);
    }

    #[test]
    fn a_push_is_read_with_names_too() {
        let push = edit();
        let named = format!(
            r#"{{"device":"{}","mutations":[{{"n":7,"kind":"organisation","id":"{}","at":1764350000000,"set":{{"acronym":"OECS"}},"ctx":{{"acronym":{{"{}":5}}}}}}]}}"#,
            push.device,
            push.mutations[0].id,
            Uuid::from_u128(0x0bad_cafe_0000_4000_8000_0000_0000_0002)
        );
        assert_eq!(serde_json::from_str::<PushRequest>(&named).unwrap(), push);
        // The service worker writes names around mutations stored as arrays.
        let mixed = format!(
            r#"{{"device":"{}","mutations":{}}}"#,
            push.device,
            serde_json::to_string(&push.mutations).unwrap()
        );
        assert_eq!(serde_json::from_str::<PushRequest>(&mixed).unwrap(), push);
        // The server tells the two forms apart.
        let received: ReceivedPush = serde_json::from_str(&named).unwrap();
        assert_eq!((received.push, received.arrays), (push.clone(), false));
        let arrays = serde_json::to_string(&push).unwrap();
        let received: ReceivedPush = serde_json::from_str(&arrays).unwrap();
        assert_eq!((received.push, received.arrays), (push, true));
    }

    #[test]
    fn a_malformed_array_is_refused_with_its_reason() {
        let cases = [
            (
                r#"["mjweAAAAQACAAAAAAAAAAQ",[[7,"organisation","AAAAAAAAAAAAAAAAAAAAQg",1764350000000]]]"#,
                "invalid length 4, expected a mutation",
            ),
            (
                r#"["mjweAAAAQACAAAAAAAAAAQ",[[7,"organisation","AAAAAAAAAAAAAAAAAAAAQg",1764350000000,{},{},3]]]"#,
                "invalid length 7, expected a mutation",
            ),
            (
                r#"["mjweAAAAQACAAAAAAAAAAQ",[["7","organisation","AAAAAAAAAAAAAAAAAAAAQg",1,{}]]]"#,
                "invalid type: string \"7\", expected u64",
            ),
            (
                r#"["mjweAAAAQACAAAAAAAAAAQ",[[7,"nation","AAAAAAAAAAAAAAAAAAAAQg",1,{}]]]"#,
                "unknown variant `nation`",
            ),
            (
                r#"["mjweAAAAQACAAAAAAAAAAQ"]"#,
                "invalid length 1, expected a push",
            ),
            (
                r#"{"device":"mjweAAAAQACAAAAAAAAAAQ","mutations":[],"x":1}"#,
                "unknown field `x`",
            ),
            (
                r#"["mjweAAAAQACAAAAAAAAAAQ",[{"n":1,"kind":"organisation","id":"AAAAAAAAAAAAAAAAAAAAQg","at":1}]]"#,
                "missing field `set`",
            ),
            (r#"7"#, "expected a push"),
            (
                r#"["mjweAAAAQACAAAAAAAAAAQ",[],1]"#,
                "invalid length 3, expected a push",
            ),
            (r#"["not an id",[]]"#, "id"),
        ];
        for (text, reason) in cases {
            let e = serde_json::from_str::<PushRequest>(text)
                .unwrap_err()
                .to_string();
            assert!(e.contains(reason), "{text}: {e}");
        }
    }

    #[test]
    fn no_content_stands_for_all_applied() {
        let push = edit();
        let all = PushResponse::applied_all(&push).unwrap();
        assert_eq!(all.last_applied, 7);
        assert!(all.is_applied_all(&push));
        // A device whose counter is past the push (another tab sent more) gets a body.
        let ahead = PushResponse {
            last_applied: 9,
            rejections: Vec::new(),
        };
        assert!(!ahead.is_applied_all(&push));
        let rejected = PushResponse {
            last_applied: 7,
            rejections: vec![Rejection {
                n: 7,
                code: crate::api::ErrorCode::InvalidRecord,
                message: "no".into(),
                problem: Problem::default(),
                fields: Vec::new(),
            }],
        };
        assert!(!rejected.is_applied_all(&push));
        let empty = PushRequest {
            device: push.device,
            mutations: Vec::new(),
        };
        assert_eq!(PushResponse::applied_all(&empty), None);
    }
}
