//! The import plan made row by row, so that a screen can do it a slice at a time and say how
//! far it is: first which record each row is (its id, a match on its key fields, or a new
//! one — rows that add records are named before any link is read, so a row may name a
//! record another row of the same file adds), then each row read, checked as a saved edit
//! is checked, and sorted into the plan.

use std::collections::HashMap;

use serde_json::{Map, Value};
use uuid::Uuid;

use super::{
    cells, columns, key_fields, keys_of, Change, ImportError, Names, Plan, Planned, Problem,
    Refused, Table, ID_COLUMN, IMPORTABLE,
};
use crate::access::Actor;
use crate::catalogue::{RecordKind, DELETED_FIELD};
use crate::fields::{Field, FieldType};
use crate::i18n::problem::{key, Value as Word};
use crate::i18n::{msg, Arg, Labelled, Problem as Said, Readings, Words};
use crate::sync::{Mutation, RecordState};

/// Which record a row is: its id and whether it is new, or why that cannot be said.
type Identity = Result<(Uuid, bool), Problem>;

pub struct Planner<'a> {
    kind: RecordKind,
    table: &'a Table,
    actor: &'a Actor,
    names: Names,
    /// The languages headers and cells are read in.
    readings: Readings,
    /// The columns read: their position and field (`None`: the id column).
    read: Vec<(usize, Option<&'static Field>)>,
    /// What a row is called on the plan: its first required text (a contact's role title).
    title_field: Option<&'static str>,
    by_id: HashMap<Uuid, &'a RecordState>,
    by_key: HashMap<String, Vec<Uuid>>,
    identities: Vec<Identity>,
    /// The line each record's row is on, for a second row of the same record.
    seen: HashMap<Uuid, usize>,
    /// Rows read and sorted into the plan.
    checked: usize,
    plan: Plan,
}

impl<'a> Planner<'a> {
    /// A plan of `table` as records of `kind` against `records` (this kind's records on
    /// the device, removed ones too: a row whose id names one restores it), with `names`
    /// the records links may name, headers and cells read in the languages of `readings`,
    /// for `actor`.
    pub fn new(
        kind: RecordKind,
        table: &'a Table,
        records: &'a [RecordState],
        names: Names,
        readings: Readings,
        actor: &'a Actor,
    ) -> Result<Self, ImportError> {
        if !IMPORTABLE.contains(&kind) {
            return Err(ImportError::NotImportable(kind));
        }
        let (read, ignored) = columns(kind, &table.header, &readings)?;
        let mut by_key: HashMap<String, Vec<Uuid>> = HashMap::new();
        // A row without an id names a live record, never a removed one.
        for r in records.iter().filter(|r| !r.is_deleted()) {
            for key in keys_of(kind, &r.values()) {
                by_key.entry(key).or_default().push(r.id);
            }
        }
        let title_field = kind
            .fields()
            .iter()
            .find(|f| f.required && matches!(f.ty, FieldType::Text | FieldType::Paragraphs))
            .map(|f| f.name);
        let mut planner = Planner {
            kind,
            table,
            actor,
            names,
            readings,
            read,
            title_field,
            by_id: records.iter().map(|r| (r.id, r)).collect(),
            by_key,
            identities: Vec::with_capacity(table.rows.len()),
            seen: HashMap::new(),
            checked: 0,
            plan: Plan {
                ignored,
                ..Plan::default()
            },
        };
        planner.plan.columns = planner
            .read
            .iter()
            .filter_map(|&(i, f)| f.map(|f| (planner.header(i, Some(f)), f.name)))
            .collect();
        Ok(planner)
    }

    /// Goes on through at most `steps` rows (each row takes two: naming it, then reading
    /// it); `true` once every row is in the plan.
    pub fn work(&mut self, steps: usize, new_id: &mut dyn FnMut() -> Uuid) -> bool {
        let total = self.table.rows.len();
        for _ in 0..steps {
            if self.identities.len() < total {
                let identity = self.identify(self.identities.len(), new_id);
                self.identities.push(identity);
            } else if self.checked < total {
                self.sort(self.checked);
                self.checked += 1;
            } else {
                break;
            }
        }
        self.checked == total
    }

    /// Steps done, of all there are.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.identities.len() + self.checked,
            2 * self.table.rows.len(),
        )
    }

    pub fn finish(self) -> Plan {
        self.plan
    }

    fn header(&self, i: usize, field: Option<&Field>) -> String {
        let words = self.readings.shown();
        self.table.header.get(i).cloned().unwrap_or_else(|| {
            field
                .map_or(ID_COLUMN, |f| words.field(self.kind, f.name))
                .to_owned()
        })
    }

    /// The header of the column giving field `name`, or its label in the reader's language.
    fn column_of(&self, name: &str) -> String {
        let words = self.readings.shown();
        self.read
            .iter()
            .find(|(_, f)| f.is_some_and(|f| f.name == name))
            .map_or_else(
                || {
                    let field = self.kind.field(name);
                    field
                        .map_or(name, |f| words.field(self.kind, f.name))
                        .to_owned()
                },
                |&(i, f)| self.header(i, f),
            )
    }

    fn cell(&self, row: usize, i: usize) -> &'a str {
        self.table.rows[row].cells.get(i).map_or("", String::as_str)
    }

    /// Which record row `r` is.
    fn identify(&mut self, r: usize, new_id: &mut dyn FnMut() -> Uuid) -> Identity {
        let kind = self.kind;
        if let Some(&(i, _)) = self.read.iter().find(|(_, f)| f.is_none()) {
            let text = self.cell(r, i).trim();
            if !text.is_empty() {
                let id = Uuid::parse_str(text).map_err(|_| {
                    Problem::at(
                        self.header(i, None),
                        Said::new(key::IMPORT_NOT_ID).with("text", text),
                    )
                })?;
                // Ids are unique across kinds: the server would refuse the write later.
                if let Some(other) = self.names.kind_of(&id).filter(|&k| k != kind) {
                    return Err(Problem::at(
                        self.header(i, None),
                        Said::new(key::IMPORT_ID_OF_OTHER_KIND)
                            .with("kind", Word::word(other.key())),
                    ));
                }
                return Ok((id, !self.by_id.contains_key(&id)));
            }
        }
        let mut key_values = Map::new();
        for &(i, field) in &self.read {
            let Some(field) =
                field.filter(|f| key_fields(kind).iter().any(|k| k.contains(&f.name)))
            else {
                continue;
            };
            if let Ok(Some(v)) =
                cells::read(kind, field, self.cell(r, i), &self.names, &self.readings)
            {
                key_values.insert(field.name.to_owned(), v);
            }
        }
        let keys = keys_of(kind, &key_values);
        match keys.iter().find_map(|k| self.by_key.get(k)) {
            Some(ids) if ids.len() == 1 => return Ok((ids[0], false)),
            Some(ids) => {
                return Err(Problem::at(
                    String::new(),
                    Said::new(key::IMPORT_ROW_OF_MANY)
                        .with("count", ids.len())
                        .with("column", ID_COLUMN),
                ))
            }
            None => {}
        }
        let id = new_id();
        // A later row with the same key is this record again (and refused as such).
        for key in keys {
            self.by_key.insert(key, vec![id]);
        }
        let named: Vec<&str> = self
            .read
            .iter()
            .filter(|(_, f)| {
                f.is_some_and(|f| Some(f.name) == self.title_field || f.name == "acronym")
            })
            .map(|&(i, _)| self.cell(r, i).trim())
            .collect();
        self.names.add(kind, id, named);
        Ok((id, true))
    }

    /// Reads row `r` and puts it in the plan: to add, to change, unchanged or refused.
    fn sort(&mut self, r: usize) {
        let kind = self.kind;
        let row = &self.table.rows[r];
        let title = self
            .title_field
            .and_then(|name| {
                self.read
                    .iter()
                    .find(|(_, f)| f.is_some_and(|f| f.name == name))
            })
            .map(|&(i, _)| self.cell(r, i).trim().to_owned())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| {
                let line = row.line;
                self.readings.shown().format(
                    msg::VALUE_LINE,
                    &[("line", Arg::Number(line as i64))],
                    || format!("Line {line}"),
                )
            });
        let mut problems = Vec::new();
        if let Some((i, _)) = row
            .cells
            .iter()
            .enumerate()
            .skip(self.table.header.len())
            .find(|(_, c)| !c.trim().is_empty())
        {
            let number = i + 1;
            let column = self.readings.shown().format(
                msg::VALUE_COLUMN,
                &[("number", Arg::Number(number as i64))],
                || format!("column {number}"),
            );
            problems.push(Problem::at(column, Said::new(key::IMPORT_BEYOND_HEADERS)));
        }
        let mut set = Map::new();
        for &(i, field) in &self.read {
            let Some(field) = field else { continue };
            match cells::read(
                self.kind,
                field,
                self.cell(r, i),
                &self.names,
                &self.readings,
            ) {
                Ok(Some(v)) => {
                    set.insert(field.name.to_owned(), v);
                }
                Ok(None) => {}
                Err(what) => {
                    if field.ty == FieldType::Link(RecordKind::Organisation)
                        || field.ty == FieldType::Links(RecordKind::Organisation)
                    {
                        for name in self.names.unknown(field.ty, self.cell(r, i)) {
                            if !self
                                .plan
                                .missing
                                .iter()
                                .any(|m| cells::fold(m) == cells::fold(name))
                            {
                                self.plan.missing.push(name.to_owned());
                            }
                        }
                    }
                    problems.push(Problem::at(self.header(i, Some(field)), what))
                }
            }
        }
        let refuse = |plan: &mut Plan, problems: Vec<Problem>| {
            plan.refused.push(Refused {
                line: row.line,
                title: title.clone(),
                problems,
            })
        };
        let (id, new) = match self.identities[r].clone() {
            Ok(identity) => identity,
            Err(problem) => {
                problems.push(problem);
                return refuse(&mut self.plan, problems);
            }
        };
        if let Some(first) = self.seen.insert(id, row.line) {
            problems.push(Problem::at(
                String::new(),
                Said::new(key::IMPORT_SAME_RECORD).with("line", first),
            ));
        }
        if !problems.is_empty() {
            return refuse(&mut self.plan, problems);
        }
        let current = if new {
            None
        } else {
            self.by_id.get(&id).copied()
        };
        // A field the record never set has its default value: a cell giving that value
        // changes nothing.
        let shown = current.map(RecordState::values).unwrap_or_default();
        set.retain(|name, v| shown.get(name).or(kind.default_value(name)) != Some(v));
        restore_if_removed(current, &mut set);
        let row = Row {
            line: row.line,
            title,
            kind,
            id,
            current,
            set,
        };
        // Out of `self` while placed: problems are named by `self`'s columns.
        let mut plan = std::mem::take(&mut self.plan);
        let words = self.readings.shown();
        place(
            &mut plan,
            row,
            self.actor,
            self.names.titles(),
            words,
            &|name| self.column_of(name),
        );
        self.plan = plan;
    }
}

/// A row naming a removed record by its id brings it back (a change the plan shows, and
/// that the access rules check as any restore), rather than writing into a record no list
/// shows.
pub(crate) fn restore_if_removed(current: Option<&RecordState>, set: &mut Map<String, Value>) {
    if current.is_some_and(RecordState::is_deleted) {
        set.insert(DELETED_FIELD.to_owned(), Value::Bool(false));
    }
}

/// A row read: which record it is, and the values it gives.
pub(crate) struct Row<'r> {
    pub line: usize,
    pub title: String,
    pub kind: RecordKind,
    pub id: Uuid,
    /// The record as it is now (`None`: the row adds it).
    pub current: Option<&'r RecordState>,
    pub set: Map<String, Value>,
}

/// Puts a read row into `plan`: to add, to change (each field before → after, links read
/// by `titles`), unchanged, or refused by the checks a saved edit gets — the record's
/// rules, then whether `actor` may make the change — each problem named by the column
/// `column_of` gives for its field.
pub(crate) fn place(
    plan: &mut Plan,
    row: Row,
    actor: &Actor,
    titles: &HashMap<Uuid, String>,
    words: Words<'static>,
    column_of: &dyn Fn(&str) -> String,
) {
    let Row {
        line,
        title,
        kind,
        id,
        current,
        set,
    } = row;
    let base = current
        .cloned()
        .unwrap_or_else(|| RecordState::new(kind, id));
    let shown = base.values();
    let Some(m) = base.edit(1, 1, set) else {
        plan.unchanged += 1;
        return;
    };
    if let Err(problems) = check(actor, current, &m, column_of) {
        plan.refused.push(Refused {
            line,
            title,
            problems,
        });
        return;
    }
    let changes = match current {
        None => Vec::new(),
        Some(_) => m
            .set
            .iter()
            .filter_map(|(name, after)| {
                let field = kind.field(name)?;
                Some(Change {
                    field: words.field(kind, field.name),
                    before: field.show(shown.get(name).unwrap_or(&Value::Null), titles, words),
                    after: field.show(after, titles, words),
                })
            })
            .collect(),
    };
    let planned = Planned {
        line,
        kind,
        id,
        title,
        set: m.set,
        changes,
    };
    match current {
        None => plan.creates.push(planned),
        Some(_) => plan.updates.push(planned),
    }
}

/// The same checks a saved edit gets: the record's rules, then whether `actor` may make
/// the change; each problem named by its column.
fn check(
    actor: &Actor,
    current: Option<&RecordState>,
    m: &Mutation,
    column_of: &dyn Fn(&str) -> String,
) -> Result<(), Vec<Problem>> {
    let next = RecordState::check_mutation(current, Uuid::nil(), m, None).map_err(|errors| {
        errors
            .0
            .into_iter()
            .map(|e| Problem::at(column_of(&e.field), e.problem))
            .collect::<Vec<_>>()
    })?;
    actor.check_write(current, &next, m).map_err(|denied| {
        vec![Problem::at(
            denied.field.as_deref().map(column_of).unwrap_or_default(),
            denied.problem,
        )]
    })
}
