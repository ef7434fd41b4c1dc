//! The bootstrap: how a new device gets the catalogue over a slow link.
//!
//! The server makes a *generation* now and then: every record as of one cursor, cut into
//! pages, each page written in the lean form below and compressed with brotli at its
//! highest level once (not per request). A device reads the index
//! (`GET /api/v1/sync/bootstrap`), then the pages one by one
//! (`GET /api/v1/sync/bootstrap/{generation}/{page}`), storing each as it arrives: a cut
//! link costs at most the page under way, and the device continues from the next page.
//! Then it pulls from the generation's cursor like any device.
//!
//! ## The lean page
//!
//! Most fields have one write and no conflict, and a record's fields were mostly written by
//! one mutation (the one that created it). A page says so instead of repeating it:
//!
//! ```text
//! {"d":["<device, 22 characters>", …],            devices of the page, by position
//!  "b":["Ana Smith", …],                          authors, by position + 1 (0: none)
//!  "r":[["organisation","<id>",seq,                a record:
//!        [device,n,at,author],                      its main write (or 0: none)
//!        {"name":"CARTAC",…},                       fields written only by the main write
//!        {"notes":[[[v,device,n,at,author]…],[device,n,…]]}]   any other field, in full
//!      ]…]}
//! ```
//!
//! The last element is left out when no field needs it. Decoding gives back exactly the
//! record states that were encoded (`tests`), including records of kinds this release does
//! not know, which are kept in the compact form (`LeanRecord::into_pulled`).

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::de::{self, SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::compact::compact_json;
use super::merge::{Dot, FieldState, FieldWrite, RecordState, VersionVector};
use super::{wire_id, Cursor, DeviceId};
use crate::catalogue::RecordKind;

/// The form of the pages this release writes and reads. An index of another format is
/// not read: the device falls back to the one-piece snapshot.
pub const FORMAT: u32 = 1;

/// Records per page: about 25 KB of brotli for typical records, ten seconds of a 2G link,
/// so that a cut costs little and a request's headers are a small part of it.
pub const PAGE_RECORDS: usize = 400;

/// `GET /api/v1/sync/bootstrap`: the current generation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BootstrapIndex {
    pub format: u32,
    /// Names the generation in page addresses.
    pub generation: String,
    /// Where to pull from once every page is stored.
    pub cursor: Cursor,
    /// Records in all the pages.
    pub records: u64,
    pub pages: Vec<PageInfo>,
}

impl BootstrapIndex {
    /// The address of page `page` (counted from 0).
    pub fn page_path(&self, page: usize) -> String {
        format!("/api/v1/sync/bootstrap/{}/{page}", self.generation)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageInfo {
    pub records: u32,
    /// Its size as sent compressed (brotli).
    pub bytes: u64,
}

/// The lean JSON of one page of records.
pub fn encode_page(states: &[RecordState]) -> String {
    let mut tables = PageTables::default();
    let records: Vec<LeanOut> = states.iter().map(|s| LeanOut::of(s, &mut tables)).collect();
    let page = PageOut {
        d: tables.devices.iter().map(wire_id::encode).collect(),
        b: tables.authors,
        r: records,
    };
    serde_json::to_string(&page).expect("a page is always JSON")
}

/// A record as a page carries it, decoded: its kind as written (a newer server may send
/// kinds this release does not know).
#[derive(Debug, Clone, PartialEq)]
pub struct LeanRecord {
    pub kind: String,
    pub id: Uuid,
    pub seq: u64,
    pub fields: BTreeMap<String, FieldState>,
}

impl LeanRecord {
    /// The record's state, or, for a kind this release does not know, its kind and compact
    /// JSON to keep as received.
    pub fn into_state(self) -> Result<RecordState, (String, Uuid, String)> {
        match RecordKind::from_code(&self.kind) {
            Some(kind) => Ok(RecordState {
                kind,
                id: self.id,
                fields: self.fields,
                seq: self.seq,
            }),
            None => {
                let json = compact_json(&self.kind, self.id, self.seq, &self.fields);
                Err((self.kind, self.id, json))
            }
        }
    }
}

/// Reads a page; the error names the record and field at fault.
pub fn decode_page(json: &str) -> Result<Vec<LeanRecord>, String> {
    let page: PageIn = serde_json::from_str(json).map_err(|e| format!("bootstrap page: {e}"))?;
    let devices = page
        .d
        .iter()
        .map(|d| wire_id::decode(d))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("bootstrap page: device table: {e}"))?;
    let tables = Resolve {
        devices: &devices,
        authors: &page.b,
    };
    page.r
        .into_iter()
        .map(|r| r.resolve(&tables))
        .collect::<Result<_, String>>()
        .map_err(|e| format!("bootstrap page: {e}"))
}

/// One line per record with its kind, id and shown values, and no sync metadata: what the
/// records alone weigh, the bound the bootstrap's bytes are measured against (compressed
/// with brotli at its highest level).
pub fn plain_ndjson(states: &[RecordState]) -> String {
    let mut out = String::new();
    for s in states {
        let line = serde_json::json!({"kind": s.kind, "id": s.id, "fields": s.values()});
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

// ---- Writing ----------------------------------------------------------------------------

#[derive(Default)]
struct PageTables {
    devices: Vec<DeviceId>,
    device_at: HashMap<DeviceId, usize>,
    authors: Vec<String>,
    author_at: HashMap<String, usize>,
}

impl PageTables {
    fn device(&mut self, d: DeviceId) -> usize {
        *self.device_at.entry(d).or_insert_with(|| {
            self.devices.push(d);
            self.devices.len() - 1
        })
    }

    fn author(&mut self, by: &Option<String>) -> usize {
        let Some(by) = by else { return 0 };
        if let Some(&i) = self.author_at.get(by) {
            return i + 1;
        }
        self.authors.push(by.clone());
        self.author_at.insert(by.clone(), self.authors.len() - 1);
        self.authors.len()
    }

    fn write(&mut self, w: &FieldWrite) -> WriteOut {
        (
            w.value.clone(),
            self.device(w.dot.device),
            w.dot.n,
            w.at,
            self.author(&w.by),
        )
    }
}

type WriteOut = (Value, usize, u64, i64, usize);
/// A main write: device, n, at, author.
type MainOut = (usize, u64, i64, usize);

#[derive(Serialize)]
struct PageOut {
    d: Vec<String>,
    b: Vec<String>,
    r: Vec<LeanOut>,
}

struct LeanOut {
    kind: &'static str,
    id: Uuid,
    seq: u64,
    main: Option<MainOut>,
    plain: Map<String, Value>,
    other: BTreeMap<String, (Vec<WriteOut>, Vec<u64>)>,
}

/// The one write of a field that has one and has seen nothing else.
fn sole_write(f: &FieldState) -> Option<&FieldWrite> {
    match (f.writes.as_slice(), f.seen.0.len()) {
        ([w], 1) if f.seen.0.get(&w.dot.device) == Some(&w.dot.n) => Some(w),
        _ => None,
    }
}

impl LeanOut {
    fn of(s: &RecordState, tables: &mut PageTables) -> LeanOut {
        // The main write: the one that is the sole write of the most fields.
        let mut counts: HashMap<(Dot, i64, Option<&str>), usize> = HashMap::new();
        for f in s.fields.values() {
            if let Some(w) = sole_write(f) {
                *counts.entry((w.dot, w.at, w.by.as_deref())).or_default() += 1;
            }
        }
        let main = counts
            .into_iter()
            .max_by_key(|&((dot, at, by), count)| (count, dot, at, by))
            .map(|(key, _)| key);
        let mut plain = Map::new();
        let mut other = BTreeMap::new();
        for (name, f) in &s.fields {
            match (sole_write(f), main) {
                (Some(w), Some((dot, at, by)))
                    if w.dot == dot && w.at == at && w.by.as_deref() == by =>
                {
                    plain.insert(name.clone(), w.value.clone());
                }
                _ => {
                    let writes = f.writes.iter().map(|w| tables.write(w)).collect();
                    let seen = f
                        .seen
                        .0
                        .iter()
                        .flat_map(|(&d, &n)| [tables.device(d) as u64, n])
                        .collect();
                    other.insert(name.clone(), (writes, seen));
                }
            }
        }
        let main = main.map(|(dot, at, by)| {
            (
                tables.device(dot.device),
                dot.n,
                at,
                tables.author(&by.map(str::to_owned)),
            )
        });
        LeanOut {
            kind: s.kind.code(),
            id: s.id,
            seq: s.seq,
            main,
            plain,
            other,
        }
    }
}

impl Serialize for LeanOut {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        seq.serialize_element(self.kind)?;
        seq.serialize_element(&self.id)?;
        seq.serialize_element(&self.seq)?;
        match &self.main {
            Some(main) => seq.serialize_element(main)?,
            None => seq.serialize_element(&0)?,
        }
        seq.serialize_element(&self.plain)?;
        if !self.other.is_empty() {
            seq.serialize_element(&self.other)?;
        }
        seq.end()
    }
}

// ---- Reading ----------------------------------------------------------------------------

#[derive(Deserialize)]
struct PageIn {
    d: Vec<String>,
    #[serde(default)]
    b: Vec<String>,
    r: Vec<LeanIn>,
}

type RawWrite = (Value, usize, u64, i64, usize);

struct LeanIn {
    kind: String,
    id: Uuid,
    seq: u64,
    main: Option<(usize, u64, i64, usize)>,
    plain: Map<String, Value>,
    other: BTreeMap<String, (Vec<RawWrite>, Vec<u64>)>,
}

impl<'de> Deserialize<'de> for LeanIn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_seq(LeanVisitor)
    }
}

struct LeanVisitor;

impl<'de> Visitor<'de> for LeanVisitor {
    type Value = LeanIn;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a record: [kind, id, seq, main write, fields, other fields]")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<LeanIn, A::Error> {
        let missing = |what: &str| de::Error::custom(format!("a record without its {what}"));
        let kind: String = seq.next_element()?.ok_or_else(|| missing("kind"))?;
        let id: Uuid = seq.next_element()?.ok_or_else(|| missing("id"))?;
        let seq_no: u64 = seq.next_element()?.ok_or_else(|| missing("seq"))?;
        // The main write, or 0 for none. Read as a JSON value and taken apart by hand: an
        // untagged enum would bring serde's buffering into the app's sync code.
        let main = match seq.next_element::<Value>()? {
            Some(Value::Array(parts)) => Some(main_write(&parts).ok_or_else(|| {
                de::Error::custom(format!(
                    "record {id}: main write {parts:?} (expected [device, n, at, author])"
                ))
            })?),
            Some(v) if v == 0 => None,
            Some(v) => {
                return Err(de::Error::custom(format!(
                    "record {id}: main write {v} (expected [device, n, at, author] or 0)"
                )))
            }
            None => return Err(missing("main write")),
        };
        let plain: Map<String, Value> = seq.next_element()?.ok_or_else(|| missing("fields"))?;
        let other = seq.next_element()?.unwrap_or_default();
        if seq.next_element::<de::IgnoredAny>()?.is_some() {
            return Err(de::Error::custom(format!(
                "record {id}: more than six elements"
            )));
        }
        Ok(LeanIn {
            kind,
            id,
            seq: seq_no,
            main,
            plain,
            other,
        })
    }
}

/// `[device, n, at, author]`, each a number of its type.
fn main_write(parts: &[Value]) -> Option<(usize, u64, i64, usize)> {
    match parts {
        [d, n, at, b] => Some((
            usize::try_from(d.as_u64()?).ok()?,
            n.as_u64()?,
            at.as_i64()?,
            usize::try_from(b.as_u64()?).ok()?,
        )),
        _ => None,
    }
}

struct Resolve<'a> {
    devices: &'a [DeviceId],
    authors: &'a [String],
}

impl Resolve<'_> {
    fn device(&self, i: u64) -> Result<DeviceId, String> {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.devices.get(i).copied())
            .ok_or_else(|| format!("device {i} is not in the page's device table"))
    }

    fn author(&self, b: usize) -> Result<Option<String>, String> {
        match b {
            0 => Ok(None),
            b => self
                .authors
                .get(b - 1)
                .cloned()
                .map(Some)
                .ok_or_else(|| format!("author {b} is not in the page's author table")),
        }
    }

    fn write(&self, (value, d, n, at, b): RawWrite) -> Result<FieldWrite, String> {
        Ok(FieldWrite {
            value,
            dot: Dot {
                device: self.device(d as u64)?,
                n,
            },
            at,
            by: self.author(b)?,
        })
    }
}

impl LeanIn {
    fn resolve(self, t: &Resolve) -> Result<LeanRecord, String> {
        let id = self.id;
        let at_record = |e: String| format!("record {id}: {e}");
        let mut fields = BTreeMap::new();
        if !self.plain.is_empty() {
            let (d, n, at, b) = self
                .main
                .ok_or_else(|| at_record("fields without a main write".into()))?;
            let main = t.write((Value::Null, d, n, at, b)).map_err(at_record)?;
            for (name, value) in self.plain {
                let write = FieldWrite {
                    value,
                    ..main.clone()
                };
                let seen = VersionVector([(main.dot.device, main.dot.n)].into());
                fields.insert(
                    name,
                    FieldState {
                        writes: vec![write],
                        seen,
                    },
                );
            }
        }
        for (name, (writes, seen)) in self.other {
            let at_field = |e: String| format!("record {id}, field {name}: {e}");
            if seen.len() % 2 != 0 {
                return Err(at_field("its seen list has an odd length".into()));
            }
            if fields.contains_key(&name) {
                return Err(at_field("written twice".into()));
            }
            let writes = writes
                .into_iter()
                .map(|w| t.write(w))
                .collect::<Result<Vec<_>, _>>()
                .map_err(at_field)?;
            let seen = seen
                .chunks_exact(2)
                .map(|p| Ok((t.device(p[0])?, p[1])))
                .collect::<Result<BTreeMap<_, _>, String>>()
                .map_err(at_field)?;
            fields.insert(
                name,
                FieldState {
                    writes,
                    seen: VersionVector(seen),
                },
            );
        }
        Ok(LeanRecord {
            kind: self.kind,
            id,
            seq: self.seq,
            fields,
        })
    }
}

#[cfg(test)]
mod tests;
