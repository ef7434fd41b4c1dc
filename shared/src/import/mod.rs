//! Bringing a spreadsheet in: a CSV file of organisations, contacts, training tools, action
//! items or projects read against the records already on the device, as a plan a person
//! sees before anything changes — the rows that add a record, those that change one (and
//! which fields), those that change nothing, and those refused, with the reason per row
//! and column. The plan's rows are then written as ordinary edits (validation, access
//! rules, outbox, sync, history), so an import done twice changes nothing the second time.
//!
//! Columns are found by the labels the field tables give (so the CSV export's files come
//! back) or by field names, and an `Id` column; cells are read as `cells` says. A row is
//! matched to a record by its id, or else by what names it (`key_fields`); a row that
//! matches none adds a record.

mod cells;
pub mod csv;
pub mod iati;

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::access::Actor;
use crate::catalogue::{Organisation, RecordKind};
use crate::fields::{Field, FieldType};
use crate::search::title_of;
use crate::sync::{Mutation, RecordState};

pub use cells::Names;
pub use csv::{CsvError, Table};

/// The kinds a CSV file can bring in.
pub const IMPORTABLE: [RecordKind; 5] = [
    RecordKind::Organisation,
    RecordKind::Contact,
    RecordKind::TrainingTool,
    RecordKind::ActionItem,
    RecordKind::Project,
];

/// The kinds an importable record's links name: what `Names` must hold for a plan.
pub const LINKED_KINDS: [RecordKind; 4] = [
    RecordKind::Organisation,
    RecordKind::Programme,
    RecordKind::Meeting,
    RecordKind::Mission,
];

/// The header of the column that carries records' ids (the CSV export writes it last).
pub const ID_COLUMN: &str = "Id";

/// The fields that name a record of `kind` when a row has no id, tried in order: a row
/// with the same values (case and surrounding spaces aside) as a record is that record. A
/// project is named by its IATI identifier, or else by its title and accountable
/// organisation.
pub fn key_fields(kind: RecordKind) -> &'static [&'static [&'static str]] {
    match kind {
        RecordKind::Organisation => &[&["name", "country"]],
        RecordKind::Contact => &[&["organisation", "role_title"]],
        RecordKind::TrainingTool => &[&["title", "provider"]],
        RecordKind::ActionItem => &[&["text", "owner"]],
        RecordKind::Project => &[&["identifier"], &["title", "accountable"]],
        RecordKind::Programme => &[&["name"]],
        RecordKind::Meeting => &[&["title", "starts"]],
        RecordKind::Mission => &[&["title", "starts"]],
        RecordKind::Document => &[&["url"]],
    }
}

/// Why a whole file is not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Csv(CsvError),
    /// Records of this kind are not imported from CSV.
    NotImportable(RecordKind),
    /// No column names a field of the kind; the labels it expects.
    NoColumns {
        kind: RecordKind,
        expected: Vec<&'static str>,
    },
    /// Two columns name the same field.
    SameFieldTwice {
        first: String,
        second: String,
    },
    /// An XML file that is not well-formed, or that declares what it must not, at a line.
    Xml {
        line: usize,
        message: String,
    },
    /// Well-formed XML that is not an IATI activity file of a version read, and why.
    NotIati(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Csv(e) => e.fmt(f),
            ImportError::NotImportable(kind) => {
                write!(f, "{} records cannot be imported from CSV.", kind.label())
            }
            ImportError::NoColumns { kind, expected } => write!(
                f,
                "No column of this file is a field of {}: the header line should name columns such as {}.",
                kind.plural().replace('_', " "),
                expected.join(", ")
            ),
            ImportError::SameFieldTwice { first, second } => write!(
                f,
                "The columns “{first}” and “{second}” are the same field: keep one of them."
            ),
            ImportError::Xml { line, message } => {
                write!(f, "The file cannot be read as XML at line {line}: {message}.")
            }
            ImportError::NotIati(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for ImportError {}

impl From<CsvError> for ImportError {
    fn from(e: CsvError) -> Self {
        ImportError::Csv(e)
    }
}

/// What an import would do, row by row.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Plan {
    /// Rows that add a record.
    pub creates: Vec<Planned>,
    /// Rows that change a record.
    pub updates: Vec<Planned>,
    /// Rows equal to their record already.
    pub unchanged: usize,
    pub refused: Vec<Refused>,
    /// The columns read, and the field each gives.
    pub columns: Vec<(String, &'static str)>,
    /// The columns not read (not a field of the kind, or worked out by the export).
    pub ignored: Vec<String>,
    /// What the file held that is not kept, one sentence each (an IATI file's sectors
    /// without a topic here, …), for the person to read before confirming.
    pub notes: Vec<String>,
}

/// A row that will be written: the record, and the fields it sets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Planned {
    pub line: usize,
    pub id: Uuid,
    pub title: String,
    pub set: Map<String, Value>,
    /// For a change: each field's label, its value before and after, as people read them.
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

/// A row that will not be written, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refused {
    pub line: usize,
    pub title: String,
    pub problems: Vec<Problem>,
}

/// One reason a row is refused, and the column it is about (empty: the row as a whole).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub column: String,
    pub message: String,
}

impl Names {
    /// The names each record goes by: its title, and an organisation's name and acronym.
    pub fn of_records<'a>(records: impl IntoIterator<Item = &'a RecordState>) -> Names {
        let mut names = Names::default();
        for r in records {
            names.add_record(r);
        }
        names
    }

    fn add_record(&mut self, r: &RecordState) {
        let title = title_of(r).unwrap_or_default();
        if r.kind == RecordKind::Organisation {
            if let Ok(o) = r.typed::<Organisation>() {
                self.add(r.kind, r.id, [title.as_str(), &o.name, &o.acronym]);
                return;
            }
        }
        self.add(r.kind, r.id, [title.as_str()]);
    }
}

/// Which field each header names (`None`: the id column), and the headers not read.
type Columns = (Vec<(usize, Option<&'static Field>)>, Vec<String>);

fn columns(kind: RecordKind, header: &[String]) -> Result<Columns, ImportError> {
    let fields = kind.fields();
    let mut read: Vec<(usize, Option<&'static Field>)> = Vec::new();
    let mut ignored = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let key = cells::fold(h);
        if key.is_empty() {
            continue;
        }
        let found = if key == cells::fold(ID_COLUMN) {
            Some(None)
        } else {
            fields
                .iter()
                .find(|f| cells::fold(f.label) == key || f.name == key)
                .map(Some)
        };
        let Some(field) = found else {
            ignored.push(h.clone());
            continue;
        };
        if let Some(&(j, _)) = read
            .iter()
            .find(|(_, f)| f.map(|f| f.name) == field.map(|f| f.name))
        {
            return Err(ImportError::SameFieldTwice {
                first: header[j].clone(),
                second: h.clone(),
            });
        }
        read.push((i, field));
    }
    if read.iter().all(|(_, f)| f.is_none()) {
        return Err(ImportError::NoColumns {
            kind,
            expected: fields.iter().take(5).map(|f| f.label).collect(),
        });
    }
    Ok((read, ignored))
}

/// A record's identities from its key fields' values: one per way of naming it whose
/// fields are not all empty (a row that names nothing matches nothing).
fn keys_of(kind: RecordKind, values: &Map<String, Value>) -> Vec<String> {
    key_fields(kind)
        .iter()
        .enumerate()
        .filter_map(|(way, fields)| {
            let parts: Vec<String> = fields
                .iter()
                .map(|f| match values.get(*f) {
                    Some(Value::String(s)) => cells::fold(s),
                    _ => String::new(),
                })
                .collect();
            parts
                .iter()
                .any(|p| !p.is_empty())
                .then(|| format!("{way}\u{1e}{}", parts.join("\u{1f}")))
        })
        .collect()
}

/// Reads `table` as records of `kind` against `records` (this kind's live records on the
/// device), with `names` the records links may name, for `actor`. `new_id` gives the ids of
/// added records.
pub fn plan(
    kind: RecordKind,
    table: &Table,
    records: &[RecordState],
    names: &mut Names,
    actor: &Actor,
    mut new_id: impl FnMut() -> Uuid,
) -> Result<Plan, ImportError> {
    if !IMPORTABLE.contains(&kind) {
        return Err(ImportError::NotImportable(kind));
    }
    let (read, ignored) = columns(kind, &table.header)?;
    let by_id: HashMap<Uuid, &RecordState> = records.iter().map(|r| (r.id, r)).collect();
    let mut by_key: HashMap<String, Vec<Uuid>> = HashMap::new();
    for r in records {
        for key in keys_of(kind, &r.values()) {
            by_key.entry(key).or_default().push(r.id);
        }
    }
    let header = |i: usize, field: Option<&Field>| {
        table
            .header
            .get(i)
            .cloned()
            .unwrap_or_else(|| field.map_or(ID_COLUMN, |f| f.label).to_owned())
    };
    let column_of = |name: &str| {
        read.iter()
            .find(|(_, f)| f.is_some_and(|f| f.name == name))
            .map_or_else(|| kind.field_label(name).to_owned(), |&(i, f)| header(i, f))
    };
    // What a row is called on the plan: its first required text (a contact's role title).
    let title_field = kind
        .fields()
        .iter()
        .find(|f| f.required && matches!(f.ty, FieldType::Text | FieldType::Paragraphs))
        .map(|f| f.name);

    // First, which record each row is: its id, or a match on its key fields, or a new one.
    // Rows that add records are named before any link is read, so a row may name a
    // record another row of the same file adds.
    let mut identities: Vec<Result<(Uuid, bool), Problem>> = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let cell = |i: usize| row.cells.get(i).map_or("", String::as_str);
        let mut keys = Vec::new();
        let identity = (|| {
            if let Some(&(i, _)) = read.iter().find(|(_, f)| f.is_none()) {
                let text = cell(i).trim();
                if !text.is_empty() {
                    let id = Uuid::parse_str(text).map_err(|_| Problem {
                        column: header(i, None),
                        message: format!("“{text}” is not a record id."),
                    })?;
                    return Ok((id, !by_id.contains_key(&id)));
                }
            }
            let mut key_values = Map::new();
            for &(i, field) in &read {
                let Some(field) =
                    field.filter(|f| key_fields(kind).iter().any(|k| k.contains(&f.name)))
                else {
                    continue;
                };
                if let Ok(Some(v)) = cells::read(field, cell(i), names) {
                    key_values.insert(field.name.to_owned(), v);
                }
            }
            keys = keys_of(kind, &key_values);
            match keys.iter().find_map(|k| by_key.get(k)) {
                Some(ids) if ids.len() == 1 => Ok((ids[0], false)),
                Some(ids) => Err(Problem {
                    column: String::new(),
                    message: format!(
                        "This row matches {} records on this device: add the {ID_COLUMN} column to say which one.",
                        ids.len()
                    ),
                }),
                None => Ok((new_id(), true)),
            }
        })();
        if let Ok((id, true)) = identity {
            // A later row with the same key is this record again (and refused as such).
            for key in keys {
                by_key.insert(key, vec![id]);
            }
            let named: Vec<&str> = read
                .iter()
                .filter(|(_, f)| {
                    f.is_some_and(|f| Some(f.name) == title_field || f.name == "acronym")
                })
                .map(|&(i, _)| cell(i).trim())
                .collect();
            names.add(kind, id, named);
        }
        identities.push(identity);
    }

    let mut plan = Plan {
        columns: read
            .iter()
            .filter_map(|&(i, f)| f.map(|f| (header(i, Some(f)), f.name)))
            .collect(),
        ignored,
        ..Plan::default()
    };
    let mut seen: HashMap<Uuid, usize> = HashMap::new();
    for (row, identity) in table.rows.iter().zip(identities) {
        let cell = |i: usize| row.cells.get(i).map_or("", String::as_str);
        let title = title_field
            .and_then(|name| read.iter().find(|(_, f)| f.is_some_and(|f| f.name == name)))
            .map(|&(i, _)| cell(i).trim().to_owned())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| format!("Line {}", row.line));
        let mut problems = Vec::new();
        if let Some((i, _)) = row
            .cells
            .iter()
            .enumerate()
            .skip(table.header.len())
            .find(|(_, c)| !c.trim().is_empty())
        {
            problems.push(Problem {
                column: format!("column {}", i + 1),
                message: "This cell is beyond the last column with a header.".to_owned(),
            });
        }
        let mut set = Map::new();
        for &(i, field) in &read {
            let Some(field) = field else { continue };
            match cells::read(field, cell(i), names) {
                Ok(Some(v)) => {
                    set.insert(field.name.to_owned(), v);
                }
                Ok(None) => {}
                Err(message) => problems.push(Problem {
                    column: header(i, Some(field)),
                    message,
                }),
            }
        }
        let (id, new) = match identity {
            Ok(identity) => identity,
            Err(problem) => {
                problems.push(problem);
                plan.refused.push(Refused {
                    line: row.line,
                    title,
                    problems,
                });
                continue;
            }
        };
        if let Some(first) = seen.insert(id, row.line) {
            problems.push(Problem {
                column: String::new(),
                message: format!("Line {first} is the same record: keep one of the two rows."),
            });
        }
        if !problems.is_empty() {
            plan.refused.push(Refused {
                line: row.line,
                title,
                problems,
            });
            continue;
        }
        let current = if new { None } else { by_id.get(&id).copied() };
        let base = current
            .cloned()
            .unwrap_or_else(|| RecordState::new(kind, id));
        // A field the record never set has its default value: a cell giving that value
        // changes nothing.
        let shown = base.values();
        set.retain(|name, v| shown.get(name).or(kind.default_value(name)) != Some(v));
        let Some(m) = base.edit(1, 1, set) else {
            plan.unchanged += 1;
            continue;
        };
        if let Err(problems) = check(current, &m, actor, &column_of) {
            plan.refused.push(Refused {
                line: row.line,
                title,
                problems,
            });
            continue;
        }
        let changes = match current {
            None => Vec::new(),
            Some(current) => {
                let before = current.values();
                let shown = names.titles();
                m.set
                    .iter()
                    .filter_map(|(name, after)| {
                        let field = kind.field(name)?;
                        Some(Change {
                            field: field.label,
                            before: field.show(before.get(name).unwrap_or(&Value::Null), shown),
                            after: field.show(after, shown),
                        })
                    })
                    .collect()
            }
        };
        let planned = Planned {
            line: row.line,
            id,
            title,
            set: m.set,
            changes,
        };
        if new {
            plan.creates.push(planned);
        } else {
            plan.updates.push(planned);
        }
    }
    Ok(plan)
}

/// The same checks a saved edit gets: the record's rules, then whether `actor` may make
/// the change; each problem named by its column.
fn check(
    current: Option<&RecordState>,
    m: &Mutation,
    actor: &Actor,
    column_of: &dyn Fn(&str) -> String,
) -> Result<(), Vec<Problem>> {
    let next = RecordState::check_mutation(current, Uuid::nil(), m, None).map_err(|errors| {
        errors
            .0
            .into_iter()
            .map(|e| Problem {
                column: column_of(&e.field),
                message: e.message,
            })
            .collect::<Vec<_>>()
    })?;
    actor.check_write(current, &next, m).map_err(|denied| {
        vec![Problem {
            column: denied.field.as_deref().map(column_of).unwrap_or_default(),
            message: denied.message,
        }]
    })
}

#[cfg(test)]
mod tests;
