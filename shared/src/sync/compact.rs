//! The stored and wire form of a record state.
//!
//! Every write of every field names its device (a UUID) and its author, and every field's
//! version vector names devices again, so most of a record's JSON used to be repeated ids.
//! The compact form names each device and author once per record and refers to them by
//! position:
//!
//! ```text
//! {"kind":"organisation","id":"…","seq":7,
//!  "d":["<device uuid>", …],                  devices, referred to by index
//!  "b":["Ana Smith", …],                      authors, referred to by index + 1 (0: none)
//!  "c":{"name":[[["CARTAC",0,5,1764…,1]],      field: [writes: [value, device, n, at, author]…,
//!               [0,5]]}}                               seen: device, n, device, n, …]
//! ```
//!
//! A typical record takes two fifths of the space of the earlier form. This form is what
//! the server stores, snapshots and pulls carry, and the browser keeps. Reading also accepts the earlier form
//! (`"f"`: field states with full ids), which records stored before it still have; they are
//! written compactly at their next change.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::Hash;

use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, SerializeTuple};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use uuid::Uuid;

use super::merge::{Dot, FieldState, FieldWrite, RecordState, VersionVector};
use super::DeviceId;
use crate::catalogue::RecordKind;

/// A record's devices and authors, each named once and referred to by position. The
/// positions are found through a map: a record whose fields name thousands of devices
/// costs linear time to write, not quadratic.
struct Tables<'a> {
    devices: Vec<DeviceId>,
    device_at: HashMap<DeviceId, usize>,
    authors: Vec<&'a str>,
    author_at: HashMap<&'a str, usize>,
}

/// The position of `x` in `table`, adding it at the end if absent.
fn intern<T: Eq + Hash + Copy>(table: &mut Vec<T>, at: &mut HashMap<T, usize>, x: T) {
    at.entry(x).or_insert_with(|| {
        table.push(x);
        table.len() - 1
    });
}

impl<'a> Tables<'a> {
    fn of(fields: &'a BTreeMap<String, FieldState>) -> Self {
        let mut t = Tables {
            devices: Vec::new(),
            device_at: HashMap::new(),
            authors: Vec::new(),
            author_at: HashMap::new(),
        };
        for f in fields.values() {
            for w in &f.writes {
                intern(&mut t.devices, &mut t.device_at, w.dot.device);
                if let Some(by) = &w.by {
                    intern(&mut t.authors, &mut t.author_at, by.as_str());
                }
            }
            for &device in f.seen.0.keys() {
                intern(&mut t.devices, &mut t.device_at, device);
            }
        }
        t
    }

    fn device(&self, device: DeviceId) -> usize {
        self.device_at[&device]
    }

    fn author(&self, by: &Option<String>) -> usize {
        by.as_deref().map_or(0, |b| self.author_at[b] + 1)
    }
}

impl Serialize for RecordState {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Compact {
            kind: self.kind.code(),
            id: self.id,
            seq: self.seq,
            fields: &self.fields,
        }
        .serialize(s)
    }
}

/// A record in the compact form, its kind as written: also a record of a kind this
/// release does not know (`compact_json`).
struct Compact<'a> {
    kind: &'a str,
    id: Uuid,
    seq: u64,
    fields: &'a BTreeMap<String, FieldState>,
}

/// The compact JSON of a record of any kind, known to this release or not: how a record
/// received in another form is kept (`bootstrap`).
pub(crate) fn compact_json(
    kind: &str,
    id: Uuid,
    seq: u64,
    fields: &BTreeMap<String, FieldState>,
) -> String {
    serde_json::to_string(&Compact {
        kind,
        id,
        seq,
        fields,
    })
    .expect("a record state is always JSON")
}

impl Serialize for Compact<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let tables = Tables::of(self.fields);
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("kind", self.kind)?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("seq", &self.seq)?;
        map.serialize_entry("d", &tables.devices)?;
        if !tables.authors.is_empty() {
            map.serialize_entry("b", &tables.authors)?;
        }
        map.serialize_entry(
            "c",
            &Fields {
                fields: self.fields,
                tables: &tables,
            },
        )?;
        map.end()
    }
}

struct Fields<'a> {
    fields: &'a BTreeMap<String, FieldState>,
    tables: &'a Tables<'a>,
}

impl Serialize for Fields<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.fields.len()))?;
        for (name, field) in self.fields {
            map.serialize_entry(
                name,
                &Field {
                    field,
                    tables: self.tables,
                },
            )?;
        }
        map.end()
    }
}

struct Field<'a> {
    field: &'a FieldState,
    tables: &'a Tables<'a>,
}

impl Serialize for Field<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut pair = s.serialize_tuple(2)?;
        pair.serialize_element(&Writes(self))?;
        pair.serialize_element(&Seen(self))?;
        pair.end()
    }
}

struct Writes<'a>(&'a Field<'a>);

impl Serialize for Writes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Field { field, tables } = self.0;
        let mut seq = s.serialize_seq(Some(field.writes.len()))?;
        for w in &field.writes {
            seq.serialize_element(&(
                &w.value,
                tables.device(w.dot.device),
                w.dot.n,
                w.at,
                tables.author(&w.by),
            ))?;
        }
        seq.end()
    }
}

struct Seen<'a>(&'a Field<'a>);

impl Serialize for Seen<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Field { field, tables } = self.0;
        let mut seq = s.serialize_seq(Some(field.seen.0.len() * 2))?;
        for (&device, &n) in &field.seen.0 {
            seq.serialize_element(&(tables.device(device) as u64))?;
            seq.serialize_element(&n)?;
        }
        seq.end()
    }
}

/// One field as read, its devices and authors still positions in the record's tables.
type RawWrite = (Value, usize, u64, i64, usize);
type RawField = (Vec<RawWrite>, Vec<u64>);

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Key {
    Kind,
    Id,
    Seq,
    D,
    B,
    C,
    F,
    #[serde(other)]
    Other,
}

impl<'de> Deserialize<'de> for RecordState {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(RecordVisitor { only: None })
    }
}

impl RecordState {
    /// Reads a record's kind, id and only the fields named in `only`, skipping the others
    /// without building them: what the browser needs to index thousands of records that it
    /// stores as the server sent them.
    pub fn from_json_with_only(json: &str, only: &[&str]) -> serde_json::Result<RecordState> {
        let mut d = serde_json::Deserializer::from_str(json);
        let state = (&mut d).deserialize_map(RecordVisitor { only: Some(only) })?;
        d.end()?;
        Ok(state)
    }
}

/// The kind, as written, and id of a record's JSON, whatever its kind. A record of a kind
/// this release does not know (sent by a newer server) is kept as received.
pub fn record_head(json: &str) -> serde_json::Result<(String, Uuid)> {
    #[derive(Deserialize)]
    struct Head {
        kind: String,
        id: Uuid,
    }
    serde_json::from_str::<Head>(json).map(|h| (h.kind, h.id))
}

struct RecordVisitor<'a> {
    only: Option<&'a [&'a str]>,
}

/// A map of fields, keeping only the names in `only` (all when `None`).
struct FieldsSeed<'a, T> {
    only: Option<&'a [&'a str]>,
    kind: std::marker::PhantomData<T>,
}

impl<'a, T> FieldsSeed<'a, T> {
    fn new(only: Option<&'a [&'a str]>) -> Self {
        FieldsSeed {
            only,
            kind: std::marker::PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>> de::DeserializeSeed<'de> for FieldsSeed<'_, T> {
    type Value = BTreeMap<String, T>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for FieldsSeed<'_, T> {
    type Value = BTreeMap<String, T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map of fields")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        while let Some(name) = map.next_key::<String>()? {
            if self.only.is_none_or(|only| only.contains(&name.as_str())) {
                out.insert(name, map.next_value()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(out)
    }
}

impl<'de> Visitor<'de> for RecordVisitor<'_> {
    type Value = RecordState;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a record state")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RecordState, A::Error> {
        let mut kind: Option<RecordKind> = None;
        let mut id: Option<Uuid> = None;
        let mut seq = 0;
        let mut devices: Vec<DeviceId> = Vec::new();
        let mut authors: Vec<String> = Vec::new();
        let mut compact: Option<BTreeMap<String, RawField>> = None;
        let mut legacy: Option<BTreeMap<String, FieldState>> = None;
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Kind => kind = Some(map.next_value()?),
                Key::Id => id = Some(map.next_value()?),
                Key::Seq => seq = map.next_value()?,
                Key::D => devices = map.next_value()?,
                Key::B => authors = map.next_value()?,
                Key::C => compact = Some(map.next_value_seed(FieldsSeed::new(self.only))?),
                Key::F => legacy = Some(map.next_value_seed(FieldsSeed::new(self.only))?),
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let kind = kind.ok_or_else(|| de::Error::missing_field("kind"))?;
        let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
        let fields = match (compact, legacy) {
            (Some(raw), _) => resolve(raw, &devices, &authors).map_err(de::Error::custom)?,
            (None, Some(fields)) => fields,
            (None, None) => return Err(de::Error::missing_field("c")),
        };
        Ok(RecordState {
            kind,
            id,
            fields,
            seq,
        })
    }
}

/// Turns positions back into devices and authors, refusing positions outside the tables.
fn resolve(
    raw: BTreeMap<String, RawField>,
    devices: &[DeviceId],
    authors: &[String],
) -> Result<BTreeMap<String, FieldState>, String> {
    let device = |field: &str, i: u64| {
        usize::try_from(i)
            .ok()
            .and_then(|i| devices.get(i).copied())
            .ok_or_else(|| format!("field {field}: device {i} is not in the record's device table"))
    };
    raw.into_iter()
        .map(|(name, (writes, seen))| {
            if seen.len() % 2 != 0 {
                return Err(format!("field {name}: its seen list has an odd length"));
            }
            let writes = writes
                .into_iter()
                .map(|(value, d, n, at, b)| {
                    let by = match b {
                        0 => None,
                        b => Some(authors.get(b - 1).cloned().ok_or_else(|| {
                            format!("field {name}: author {b} is not in the record's author table")
                        })?),
                    };
                    Ok(FieldWrite {
                        value,
                        dot: Dot {
                            device: device(&name, d as u64)?,
                            n,
                        },
                        at,
                        by,
                    })
                })
                .collect::<Result<Vec<_>, String>>()?;
            let seen = seen
                .chunks_exact(2)
                .map(|p| Ok((device(&name, p[0])?, p[1])))
                .collect::<Result<BTreeMap<_, _>, String>>()?;
            Ok((
                name,
                FieldState {
                    writes,
                    seen: VersionVector(seen),
                },
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests;
