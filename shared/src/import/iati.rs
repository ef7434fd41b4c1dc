//! IATI activity XML (versions 2.01 to 2.03) read as rows of projects for the import plan:
//! each `iati-activity` that touches the region (a recipient country in the catalogue's
//! list, or the West Indies or North and Central America as a region), or the one country a
//! person chose, becomes a row in the project columns the CSV import reads, so the same
//! matching, checks and preview apply.
//!
//! What is read: the identifier; the title and description in the chosen language (the
//! first one given otherwise); the status; the start (actual, else planned) and end
//! (actual, else planned); participating organisations by role, matched to organisations
//! by their IATI organisation identifier (`ref`), else by name as any import matches them
//! (funding as funders; accountable — or else extending,
//! or else the reporting organisation — as the one accountable; implementing as
//! implementers); recipient countries; DAC 5-digit sectors as topics
//! (`reference::topic_of_dac`); budgets summed in one currency (revised ones where given).
//! What is not kept is said in the notes. A file with a `<!DOCTYPE` is refused, and
//! entities other than XML's five are errors, so nothing a file declares is expanded.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::collections::BTreeSet;

use super::csv::{Row, Table};
use super::{ImportError, Names};
use crate::catalogue::RecordKind;
use crate::reference::{country_name, topic_of_dac};

/// Which activities a file gives, and in which language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IatiFilter {
    /// Only activities in this country (ISO 3166 alpha-2); none: every activity that
    /// touches the region.
    pub country: Option<String>,
    /// The language whose titles and descriptions are taken first (`en`).
    pub language: String,
}

/// A file's activities as rows, and what was left aside.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IatiRows {
    pub table: Table,
    /// Activities in the file.
    pub activities: usize,
    /// Activities outside the region or the chosen country.
    pub skipped: usize,
    /// What was read but not kept, one sentence each.
    pub notes: Vec<String>,
}

/// IATI regions that count as this region: West Indies, North & Central America.
const REGIONS: [&str; 2] = ["380", "389"];

/// Texts in several languages: (language, text).
type Narratives = Vec<(String, String)>;

/// One activity as read.
#[derive(Debug, Default)]
struct Activity {
    line: usize,
    lang: String,
    currency: String,
    identifier: String,
    titles: Narratives,
    descriptions: Narratives,
    status: String,
    /// (type, iso-date)
    dates: Vec<(String, String)>,
    /// (role, IATI organisation identifier, names)
    orgs: Vec<(String, String, Narratives)>,
    /// (IATI organisation identifier, names)
    reporter: (String, Narratives),
    countries: Vec<String>,
    regions: Vec<String>,
    /// (vocabulary, code)
    sectors: Vec<(String, String)>,
    /// (type, currency, value)
    budgets: Vec<(String, String, String)>,
}

/// The project columns the rows are written in, by field name.
const COLUMNS: [&str; 13] = [
    "identifier",
    "title",
    "description",
    "status",
    "starts",
    "ends",
    "accountable",
    "funders",
    "implementers",
    "countries",
    "topics",
    "budget",
    "currency",
];

fn line_at(text: &str, position: u64) -> usize {
    let end = (position as usize).min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.0 == name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.trim().to_owned())
        })
}

/// The reader's state between events.
struct State<'t> {
    text: &'t str,
    filter: &'t IatiFilter,
    names: &'t Names,
    rows: IatiRows,
    path: Vec<String>,
    activity: Option<Activity>,
    /// The language of the narrative being read.
    narrative: Option<String>,
    buffer: String,
    /// Whether the root element was seen.
    root: bool,
    /// How far lines have been counted: (byte position, line there).
    counted: (usize, usize),
}

/// Reads an IATI activity file; `names` are the records on the device, so that an
/// organisation is named by its IATI identifier where one of them has it.
pub fn read(text: &str, filter: &IatiFilter, names: &Names) -> Result<IatiRows, ImportError> {
    let mut reader = Reader::from_str(text);
    let mut s = State {
        text,
        filter,
        names,
        rows: IatiRows {
            table: Table {
                header: COLUMNS
                    .iter()
                    .map(|c| RecordKind::Project.field_label(c).to_owned())
                    .collect(),
                rows: Vec::new(),
            },
            ..IatiRows::default()
        },
        path: Vec::new(),
        activity: None,
        narrative: None,
        buffer: String::new(),
        root: false,
        counted: (0, 1),
    };
    loop {
        let position = reader.buffer_position();
        let fail = |message: String| ImportError::Xml {
            line: line_at(text, position),
            message,
        };
        let event = reader.read_event().map_err(|e| ImportError::Xml {
            line: line_at(text, reader.error_position()),
            message: e.to_string(),
        })?;
        match event {
            Event::DocType(_) => {
                return Err(fail(
                    "the file declares a DOCTYPE, which IATI files do not; it is refused rather than have what it declares expanded".into(),
                ))
            }
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_owned();
                s.open(&name, &e, position)?;
                s.path.push(name);
            }
            Event::Empty(e) => {
                let name = e.local_name().as_ref().to_owned();
                s.open(&name, &e, position)?;
                s.close(&name);
            }
            Event::End(_) => {
                if let Some(name) = s.path.pop() {
                    s.close(&name);
                }
            }
            Event::Text(t) => s.buffer.push_str(&t.xml10_content()),
            Event::CData(c) => s.buffer.push_str(&c.xml10_content()),
            Event::GeneralRef(r) => {
                let resolved = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten()
                } else {
                    resolve_predefined_entity(&r).and_then(|s| s.chars().next())
                };
                match resolved {
                    Some(c) => s.buffer.push(c),
                    None => {
                        return Err(fail(format!(
                            "“&{};” is not one of XML's own entities, and the file may not declare others",
                            &*r
                        )))
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !s.root {
        return Err(ImportError::NotIati(
            "This file has no XML elements: it is not an IATI activity file.".into(),
        ));
    }
    if let Some(open) = s.path.last() {
        return Err(ImportError::Xml {
            line: line_at(text, text.len() as u64),
            message: format!("the file ends before <{open}> is closed (it may be cut short)"),
        });
    }
    Ok(s.rows)
}

impl State<'_> {
    /// The line of `position`, counting on from the last position asked (positions only
    /// grow), so a large file's lines are counted once.
    fn line(&mut self, position: u64) -> usize {
        let (from, line) = self.counted;
        let to = (position as usize).clamp(from, self.text.len());
        let more = self.text.as_bytes()[from..to]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.counted = (to, line + more);
        line + more
    }

    fn parent(&self) -> &str {
        self.path.last().map_or("", String::as_str)
    }

    /// Directly inside an activity.
    fn in_activity(&self) -> bool {
        self.parent() == "iati-activity"
    }

    fn open(&mut self, name: &str, e: &BytesStart, position: u64) -> Result<(), ImportError> {
        self.buffer.clear();
        if self.path.is_empty() {
            if self.root {
                return Err(ImportError::NotIati(
                    "The file has more than one root element: it is not an IATI activity file."
                        .into(),
                ));
            }
            self.root = true;
            return check_root(name, e);
        }
        if name == "iati-activity" && self.path.len() == 1 {
            self.activity = Some(Activity {
                line: self.line(position),
                lang: attr(e, "xml:lang").unwrap_or_default(),
                currency: attr(e, "default-currency").unwrap_or_default(),
                ..Activity::default()
            });
            return Ok(());
        }
        let in_activity = self.in_activity();
        let parent = self.parent().to_owned();
        let Some(a) = self.activity.as_mut() else {
            return Ok(());
        };
        match name {
            "narrative" => {
                self.narrative = Some(attr(e, "xml:lang").unwrap_or_else(|| a.lang.clone()));
            }
            "participating-org" if in_activity => a.orgs.push((
                attr(e, "role").unwrap_or_default(),
                attr(e, "ref").unwrap_or_default(),
                Narratives::new(),
            )),
            "reporting-org" if in_activity => a.reporter.0 = attr(e, "ref").unwrap_or_default(),
            "activity-status" if in_activity => a.status = attr(e, "code").unwrap_or_default(),
            "activity-date" if in_activity => a.dates.push((
                attr(e, "type").unwrap_or_default(),
                attr(e, "iso-date").unwrap_or_default(),
            )),
            "recipient-country" if in_activity => {
                a.countries
                    .push(attr(e, "code").unwrap_or_default().to_uppercase());
            }
            "recipient-region" if in_activity => {
                a.regions.push(attr(e, "code").unwrap_or_default());
            }
            "sector" if in_activity => a.sectors.push((
                attr(e, "vocabulary").unwrap_or_else(|| "1".into()),
                attr(e, "code").unwrap_or_default(),
            )),
            "budget" if in_activity => a.budgets.push((
                attr(e, "type").unwrap_or_else(|| "1".into()),
                String::new(),
                String::new(),
            )),
            "value" if parent == "budget" => {
                if let Some(b) = a.budgets.last_mut() {
                    b.1 = attr(e, "currency").unwrap_or_default();
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn close(&mut self, name: &str) {
        let text = self.buffer.trim().to_owned();
        self.buffer.clear();
        if name == "iati-activity" && self.path.len() == 1 {
            if let Some(a) = self.activity.take() {
                self.rows.activities += 1;
                self.finish(a);
            }
            return;
        }
        // The element closed is no longer on `path` (popped at its end tag, or never pushed
        // when empty): the path's last entry is its parent.
        let within = |path: &[String], depth_from_end: usize| -> String {
            path.len()
                .checked_sub(depth_from_end)
                .and_then(|i| path.get(i))
                .cloned()
                .unwrap_or_default()
        };
        let Some(a) = self.activity.as_mut() else {
            return;
        };
        match name {
            "narrative" => {
                let lang = self.narrative.take().unwrap_or_default();
                let owner = within(&self.path, 1);
                let above = within(&self.path, 2);
                if above != "iati-activity" || text.is_empty() {
                    return;
                }
                let entry = (lang, text);
                match owner.as_str() {
                    "title" => a.titles.push(entry),
                    "description" => a.descriptions.push(entry),
                    "participating-org" => {
                        if let Some(org) = a.orgs.last_mut() {
                            org.2.push(entry);
                        }
                    }
                    "reporting-org" => a.reporter.1.push(entry),
                    _ => {}
                }
            }
            "iati-identifier" if within(&self.path, 1) == "iati-activity" => a.identifier = text,
            "value" if within(&self.path, 1) == "budget" => {
                if let Some(b) = a.budgets.last_mut() {
                    b.2 = text;
                }
            }
            _ => {}
        }
    }

    /// The activity as a row, or counted as skipped.
    fn finish(&mut self, a: Activity) {
        let filter = self.filter;
        let touches = match &filter.country {
            Some(c) => a.countries.iter().any(|x| x == c),
            None => {
                a.countries.iter().any(|c| country_name(c).is_some())
                    || a.regions.iter().any(|r| REGIONS.contains(&r.as_str()))
            }
        };
        if !touches {
            self.rows.skipped += 1;
            return;
        }
        let notes = &mut self.rows.notes;
        let pick = |list: &Narratives| -> String {
            list.iter()
                .find(|(l, _)| l.eq_ignore_ascii_case(&filter.language))
                .or_else(|| list.first())
                .map(|(_, t)| t.clone())
                .unwrap_or_default()
        };
        // An organisation by its IATI identifier where an organisation on the device has
        // it, else by its name (a list cell is split at semicolons).
        let names = self.names;
        let org_cell = |reference: &str, narratives: &Narratives| -> String {
            let name = pick(narratives).replace(';', ",");
            if !reference.is_empty()
                && (names.knows(RecordKind::Organisation, reference) || name.is_empty())
            {
                reference.to_owned()
            } else {
                name
            }
        };
        let title = pick(&a.titles);
        let called = if title.is_empty() {
            format!("The activity on line {}", a.line)
        } else {
            format!("“{title}”")
        };
        let org_names = |roles: &[&str]| -> Vec<String> {
            let mut names: Vec<String> = Vec::new();
            for (role, reference, narratives) in &a.orgs {
                if roles.contains(&role.as_str()) {
                    let name = org_cell(reference, narratives);
                    if !name.is_empty() && !names.contains(&name) {
                        names.push(name);
                    }
                }
            }
            names
        };
        let mut accountable = org_names(&["2"]);
        if accountable.is_empty() {
            accountable = org_names(&["3"]);
        }
        if accountable.is_empty() {
            accountable = vec![org_cell(&a.reporter.0, &a.reporter.1)];
        }
        if accountable.len() > 1 {
            notes.push(format!(
                "{called}: {} is taken as accountable; {} not kept as such.",
                accountable[0],
                accountable[1..].join(", ")
            ));
        }
        let date = |kinds: [&str; 2]| -> String {
            kinds
                .iter()
                .find_map(|k| a.dates.iter().find(|(t, _)| t == k))
                .map(|(_, d)| d.chars().take(10).collect())
                .unwrap_or_default()
        };
        let (kept, dropped): (Vec<&String>, Vec<&String>) =
            a.countries.iter().partition(|c| country_name(c).is_some());
        if !dropped.is_empty() {
            let dropped: Vec<&str> = dropped.iter().map(|c| c.as_str()).collect();
            notes.push(format!(
                "{called}: recipient countries outside the catalogue's list are not kept ({}).",
                dropped.join(", ")
            ));
        }
        let mut topics: BTreeSet<&str> = BTreeSet::new();
        let mut unmapped: Vec<&str> = Vec::new();
        for (vocabulary, code) in &a.sectors {
            let mapped = (vocabulary == "1")
                .then(|| code.parse().ok().and_then(topic_of_dac))
                .flatten();
            match mapped {
                Some(t) => {
                    topics.insert(t);
                }
                None => unmapped.push(code),
            }
        }
        if !unmapped.is_empty() {
            notes.push(format!(
                "{called}: sectors {} have no topic here and are not kept.",
                unmapped.join(", ")
            ));
        }
        let (budget, currency) = budget(&a, &called, notes);
        let cells = [
            a.identifier.clone(),
            title,
            pick(&a.descriptions),
            status(&a.status).to_owned(),
            date(["2", "1"]),
            date(["4", "3"]),
            accountable.first().cloned().unwrap_or_default(),
            org_names(&["1"]).join("; "),
            org_names(&["4"]).join("; "),
            kept.iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            topics.into_iter().collect::<Vec<_>>().join("; "),
            budget,
            currency,
        ];
        self.rows.table.rows.push(Row {
            line: a.line,
            cells: cells.into(),
        });
    }
}

/// The project status code of an IATI ActivityStatus code ("" for none or unknown).
fn status(code: &str) -> &'static str {
    match code {
        "1" => "pipeline",
        "2" => "implementation",
        "3" => "finalisation",
        "4" => "closed",
        "5" => "cancelled",
        "6" => "suspended",
        _ => "",
    }
}

/// The activity's budget in whole units of one currency: the revised budgets if any, else
/// the original ones, summed in the first one's currency.
fn budget(a: &Activity, called: &str, notes: &mut Vec<String>) -> (String, String) {
    let revised = a.budgets.iter().any(|b| b.0 == "2");
    let chosen: Vec<(&str, f64)> = a
        .budgets
        .iter()
        .filter(|b| !revised || b.0 == "2")
        .filter_map(|(_, currency, value)| {
            let currency = if currency.is_empty() {
                a.currency.as_str()
            } else {
                currency.as_str()
            };
            value.parse::<f64>().ok().map(|v| (currency, v))
        })
        .collect();
    let Some(&(currency, _)) = chosen.first() else {
        return (String::new(), String::new());
    };
    let (same, other): (Vec<_>, Vec<_>) = chosen.iter().partition(|(c, _)| *c == currency);
    if !other.is_empty() {
        notes.push(format!(
            "{called}: budgets in currencies other than {currency} are not added."
        ));
    }
    let total: f64 = same.iter().map(|(_, v)| v).sum();
    if total < 0.0 {
        return (String::new(), String::new());
    }
    (format!("{}", total.round() as u64), currency.to_uppercase())
}

/// Checks that the file is IATI activity XML of a version this reads.
fn check_root(name: &str, e: &BytesStart) -> Result<(), ImportError> {
    match name {
        "iati-activities" => {}
        "iati-organisations" => {
            return Err(ImportError::NotIati(
                "This is an IATI organisation file: choose an activity file (<iati-activities>)."
                    .into(),
            ))
        }
        other => {
            return Err(ImportError::NotIati(format!(
            "This is not an IATI activity file: it starts with <{other}>, not <iati-activities>."
        )))
        }
    }
    let version = attr(e, "version").unwrap_or_default();
    if !version.starts_with("2.") {
        return Err(ImportError::NotIati(format!(
            "IATI version “{version}” is not read: this import reads versions 2.01 to 2.03."
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
