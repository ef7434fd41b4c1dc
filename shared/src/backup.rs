//! The whole catalogue as one JSON file a person can keep: every live record of every kind,
//! its id and the value of each field it has, and nothing of the sync layer (no versions,
//! devices or removed records). Written in a fixed order — kinds as `RecordKind::ALL` lists
//! them (organisations first, so links read top to bottom), then ids — one record a line,
//! so the same catalogue always gives the same bytes: a copy on a server and a copy on a
//! synced phone are byte-identical, and two copies compare with `diff`.
//!
//! Read back, a copy becomes the same import plan a spreadsheet does (`import::Plan`): each
//! record is matched to the record with its id, added if there is none, and checked as a
//! saved edit is checked. Into an empty catalogue the records come back as they were
//! written, so writing the copy again gives the same bytes. Records that are not in the copy
//! are left as they are: reading a copy adds and changes, it never removes.
//!
//! ```json
//! {"format":"tradewinds-catalogue","version":1,"records":[
//! {"kind":"organisation","id":"…","fields":{"acronym":"CARTAC","name":"…"}},
//! {"kind":"training_tool","id":"…","fields":{…}}
//! ]}
//! ```

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::access::Actor;
use crate::catalogue::{RecordKind, DELETED_FIELD};
use crate::fields::FieldType;
use crate::i18n::problem::{key, Value as Word};
use crate::i18n::{Labelled, Problem as Said, Words};
use crate::import::planner::{place, restore_if_removed, Row};
use crate::import::{ImportError, Names, Plan, Problem, Refused};
use crate::sync::RecordState;

/// What the `format` member of a copy says.
pub const FORMAT: &str = "tradewinds-catalogue";

/// The version of the layout this release writes and reads.
pub const VERSION: u64 = 1;

/// One record of a copy as written.
#[derive(Serialize)]
struct Written {
    kind: RecordKind,
    id: Uuid,
    fields: Map<String, Value>,
}

/// The copy of `records` (any kinds, any order; removed records are left out).
pub fn write<'a>(records: impl IntoIterator<Item = &'a RecordState>) -> String {
    let mut live: Vec<&RecordState> = records.into_iter().filter(|r| !r.is_deleted()).collect();
    live.sort_by_key(|r| (r.kind as usize, r.id));
    let mut out = format!("{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"records\":[\n");
    for (i, r) in live.iter().enumerate() {
        let mut fields = r.values();
        fields.remove(DELETED_FIELD);
        let line = Written {
            kind: r.kind,
            id: r.id,
            fields,
        };
        if i > 0 {
            out.push_str(",\n");
        }
        // A map of JSON values always serialises.
        out.push_str(&serde_json::to_string(&line).unwrap_or_default());
    }
    if !live.is_empty() {
        out.push('\n');
    }
    out.push_str("]}\n");
    out
}

/// One record of a copy as read: its kind and id are checked when it is planned, so that a
/// record this release does not know is refused on its own, not the whole file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub kind: String,
    pub id: String,
    pub fields: Map<String, Value>,
}

#[derive(Deserialize)]
struct Layout {
    format: String,
    version: u64,
    records: Vec<Entry>,
}

/// A copy read: its records, in the file's order.
#[derive(Debug, Clone)]
pub struct Copy {
    pub records: Vec<Entry>,
}

/// Reads a copy written by `write` (a file of this or an earlier layout version).
pub fn read(text: &str) -> Result<Copy, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // First whether this is a copy at all, so that another JSON file is named as such.
    #[derive(Deserialize)]
    struct Head {
        format: Option<Value>,
        version: Option<Value>,
    }
    let head: Head = serde_json::from_str(text).map_err(|e| ImportError::Json {
        line: e.line(),
        message: e.to_string(),
    })?;
    if head.format.as_ref().and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotCopy(Said::new(key::COPY_NOT_COPY)));
    }
    match head.version.as_ref().and_then(Value::as_u64) {
        Some(v) if (1..=VERSION).contains(&v) => {}
        Some(v) => {
            return Err(ImportError::NotCopy(
                Said::new(key::COPY_NEWER)
                    .with("version", v.to_string())
                    .with("read", VERSION.to_string()),
            ))
        }
        None => return Err(ImportError::NotCopy(Said::new(key::COPY_NO_VERSION))),
    }
    let layout: Layout = serde_json::from_str(text).map_err(|e| ImportError::Json {
        line: e.line(),
        message: e.to_string(),
    })?;
    debug_assert_eq!(layout.format, FORMAT);
    debug_assert!(layout.version <= VERSION);
    Ok(Copy {
        records: layout.records,
    })
}

/// The plan of reading `copy` into a catalogue whose records are `records` (every kind,
/// removed ones too: a copy's record that was removed since comes back, if `actor` may
/// restore it), for `actor`, a slice at a time as `import::Planner` goes.
pub struct CopyPlanner<'a> {
    copy: &'a Copy,
    actor: &'a Actor,
    /// The language the plan shows its changes in.
    words: Words<'static>,
    by_id: HashMap<(RecordKind, Uuid), &'a RecordState>,
    /// The kind of each record, here or added by the copy: an id names one record.
    kind_of: HashMap<Uuid, RecordKind>,
    /// What links are shown as in the plan's changes: the titles of the records on the
    /// device, then of those the copy adds.
    names: Names,
    seen: HashSet<(RecordKind, Uuid)>,
    done: usize,
    plan: Plan,
}

impl<'a> CopyPlanner<'a> {
    pub fn new(
        copy: &'a Copy,
        records: &'a [RecordState],
        actor: &'a Actor,
        words: Words<'static>,
    ) -> Self {
        CopyPlanner {
            copy,
            actor,
            words,
            by_id: records.iter().map(|r| ((r.kind, r.id), r)).collect(),
            kind_of: records.iter().map(|r| (r.id, r.kind)).collect(),
            names: Names::of_records(records.iter().filter(|r| !r.is_deleted())),
            seen: HashSet::new(),
            done: 0,
            plan: Plan::default(),
        }
    }

    /// Goes on through at most `steps` records; `true` once every one is in the plan.
    pub fn work(&mut self, steps: usize) -> bool {
        let total = self.copy.records.len();
        let end = total.min(self.done.saturating_add(steps));
        while self.done < end {
            self.sort(self.done);
            self.done += 1;
        }
        self.done == total
    }

    /// Records planned, of all there are.
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.copy.records.len())
    }

    pub fn finish(self) -> Plan {
        self.plan
    }

    fn sort(&mut self, i: usize) {
        let entry = &self.copy.records[i];
        let place_in_file = i + 1;
        let kind = RecordKind::from_code(&entry.kind);
        let title = format!(
            "{}: {}",
            kind.map_or(entry.kind.as_str(), |k| k.label()),
            kind.and_then(|k| title_in(k, &entry.fields))
                .unwrap_or_else(|| format!("record {place_in_file}"))
        );
        let refuse = |plan: &mut Plan, what: Said| {
            plan.refused.push(Refused {
                line: place_in_file,
                title: title.clone(),
                problems: vec![Problem::at(String::new(), what)],
            })
        };
        let Some(kind) = kind else {
            return refuse(
                &mut self.plan,
                Said::new(key::COPY_UNKNOWN_KIND).with("kind", entry.kind.as_str()),
            );
        };
        let Ok(id) = Uuid::parse_str(&entry.id) else {
            return refuse(
                &mut self.plan,
                Said::new(key::IMPORT_NOT_ID).with("text", entry.id.as_str()),
            );
        };
        if !self.seen.insert((kind, id)) {
            return refuse(&mut self.plan, Said::new(key::COPY_TWICE));
        }
        if let Some(other) = self.kind_of.get(&id).filter(|&&k| k != kind) {
            return refuse(
                &mut self.plan,
                Said::new(key::IMPORT_ID_OF_OTHER_KIND).with("kind", Word::word(other.key())),
            );
        }
        self.kind_of.insert(id, kind);
        let current = self.by_id.get(&(kind, id)).copied();
        let mut set = entry.fields.clone();
        // A record that is there already changes where the copy differs; one that is not
        // comes back with every field the copy gives, as it was written.
        if let Some(current) = current {
            let shown = current.values();
            set.retain(|name, v| shown.get(name).or(kind.default_value(name)) != Some(v));
            restore_if_removed(Some(current), &mut set);
        } else if let Some(name) = title_in(kind, &entry.fields) {
            self.names.add(kind, id, [name.as_str()]);
        }
        let row = Row {
            line: place_in_file,
            title: title.clone(),
            kind,
            id,
            current,
            set,
        };
        let words = self.words;
        place(
            &mut self.plan,
            row,
            self.actor,
            self.names.titles(),
            words,
            &|name| {
                kind.field(name)
                    .map_or(name, |f| words.field(kind, f.name))
                    .to_owned()
            },
        );
    }
}

/// What a record is called: its first required text field (an organisation's name, a
/// tool's title), as the spreadsheet import names rows.
fn title_in(kind: RecordKind, fields: &Map<String, Value>) -> Option<String> {
    let field = kind
        .fields()
        .iter()
        .find(|f| f.required && matches!(f.ty, FieldType::Text | FieldType::Paragraphs))?;
    fields
        .get(field.name)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// The plan of reading `copy` against `records`, all at once.
pub fn plan(copy: &Copy, records: &[RecordState], actor: &Actor, words: Words<'static>) -> Plan {
    let mut planner = CopyPlanner::new(copy, records, actor, words);
    planner.work(usize::MAX);
    planner.finish()
}

#[cfg(test)]
mod tests;
