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
//! matches none adds a record. `planner` makes the plan a slice of rows at a time; `iati`
//! turns an IATI activity file into project rows for the same plan.

mod cells;
pub mod csv;
pub mod iati;
pub(crate) mod planner;

use std::collections::BTreeMap;
#[cfg(not(target_arch = "wasm32"))]
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::access::Actor;
use crate::catalogue::{Organisation, RecordKind};
use crate::fields::Field;
use crate::i18n::{field_key, Readings};
use crate::search::title_of;
use crate::sync::RecordState;

pub use cells::Names;
pub use csv::{CsvError, Table};
pub use planner::Planner;

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
/// organisation; an organisation by its IATI organisation identifier, or else by its name
/// and country.
pub fn key_fields(kind: RecordKind) -> &'static [&'static [&'static str]] {
    match kind {
        RecordKind::Organisation => &[&["iati_identifier"], &["name", "country"]],
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
    /// An XML file that is not well-formed, at a line (the XML reader's words).
    Xml {
        line: usize,
        message: String,
    },
    /// XML that declares what it must not, is cut short, or is not an IATI activity file
    /// of a version read, and why.
    NotIati(crate::i18n::Problem),
    /// A file that is not JSON, or JSON not shaped as a catalogue copy, at a line.
    Json {
        line: usize,
        message: String,
    },
    /// JSON that is not a catalogue copy this release reads, and why.
    NotCopy(crate::i18n::Problem),
}

impl ImportError {
    /// Why the file is not taken, for the person (`i18n::Problem`).
    pub fn problem(&self) -> crate::i18n::Problem {
        use crate::i18n::{problem::key, problem::Value, Problem};
        match self {
            ImportError::Csv(e) => e.problem(),
            ImportError::NotImportable(kind) => {
                Problem::new(key::NOT_IMPORTABLE).with("kind", Value::noun(*kind))
            }
            ImportError::NoColumns { kind, expected } => Problem::new(key::NO_COLUMNS)
                .with("kind", Value::noun(*kind))
                .with("expected", expected.join(", ")),
            ImportError::SameFieldTwice { first, second } => Problem::new(key::SAME_FIELD_TWICE)
                .with("first", first.as_str())
                .with("second", second.as_str()),
            ImportError::Xml { line, message } => Problem::new(key::NOT_XML)
                .with("line", *line)
                .with("detail", message.as_str()),
            ImportError::NotIati(problem) | ImportError::NotCopy(problem) => problem.clone(),
            ImportError::Json { line, message } => {
                // serde_json ends its message with the place; the line is said once, first.
                let message = message.split(" at line ").next().unwrap_or(message);
                Problem::new(key::NOT_COPY_JSON)
                    .with("line", *line)
                    .with("detail", message)
            }
        }
    }
}

/// In English (the server's logs, tests).
#[cfg(not(target_arch = "wasm32"))]
impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.problem().fmt(f)
    }
}

#[cfg(not(target_arch = "wasm32"))]
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
    /// Organisations the refused rows name that are not on the device, by name, in the
    /// order first named: those a person could add, then import the file again.
    pub missing: Vec<String>,
    /// The IATI organisation identifiers an IATI file gives for some of `missing`, by name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub missing_identifiers: BTreeMap<String, String>,
}

impl Plan {
    /// Keeps, of an IATI file's organisation `identifiers` by name, those of the
    /// organisations this plan finds missing.
    pub fn identify_missing(&mut self, identifiers: &BTreeMap<String, String>) {
        self.missing_identifiers = self
            .missing
            .iter()
            .filter_map(|n| identifiers.get(n).map(|r| (n.clone(), r.clone())))
            .collect();
    }
}

/// A row that will be written: the record, and the fields it sets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Planned {
    /// The row's line in a CSV file; the record's place in a backup (from 1).
    pub line: usize,
    pub kind: RecordKind,
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
    /// `what` worded, by the server for an answer (`Plan::word`); the app words `what`
    /// in its own language.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub message: String,
    pub what: crate::i18n::Problem,
}

impl Problem {
    pub fn at(column: String, what: crate::i18n::Problem) -> Problem {
        Problem {
            column,
            message: String::new(),
            what,
        }
    }
}

/// English, for tests and logs.
#[cfg(not(target_arch = "wasm32"))]
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.what.fmt(f)
    }
}

impl Plan {
    /// Words every refused row's problems in `catalogue`'s language (the server, for an
    /// answer to a script).
    pub fn word(&mut self, catalogue: &crate::i18n::Catalogue) {
        for r in &mut self.refused {
            r.word(catalogue);
        }
    }
}

impl Refused {
    pub fn word(&mut self, catalogue: &crate::i18n::Catalogue) {
        for p in &mut self.problems {
            p.message = catalogue.problem(&p.what).unwrap_or_default();
        }
    }
}

impl Names {
    /// The names each record goes by: its title, and an organisation's name, acronym and
    /// IATI organisation identifier.
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
                self.add(
                    r.kind,
                    r.id,
                    [title.as_str(), &o.name, &o.acronym, &o.iati_identifier],
                );
                return;
            }
        }
        self.add(r.kind, r.id, [title.as_str()]);
    }
}

/// Which field each header names (`None`: the id column), and the headers not read.
type Columns = (Vec<(usize, Option<&'static Field>)>, Vec<String>);

/// A header names a field by its label in any language, or by its name.
fn columns(
    kind: RecordKind,
    header: &[String],
    readings: &Readings,
) -> Result<Columns, ImportError> {
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
                .find(|f| f.name == key || readings.names(&key, &field_key(kind, f.name), f.label))
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
/// device), with `names` the records links may name, headers and cells read in the
/// languages of `readings`, for `actor`, all at once (a screen goes through a `Planner` a
/// slice at a time). `new_id` gives the ids of added records.
pub fn plan(
    kind: RecordKind,
    table: &Table,
    records: &[RecordState],
    names: Names,
    readings: Readings,
    actor: &Actor,
    mut new_id: impl FnMut() -> Uuid,
) -> Result<Plan, ImportError> {
    let mut planner = Planner::new(kind, table, records, names, readings, actor)?;
    while !planner.work(usize::MAX, &mut new_id) {}
    Ok(planner.finish())
}

#[cfg(test)]
mod tests;
