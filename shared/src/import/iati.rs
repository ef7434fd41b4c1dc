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
//! (`reference::topic_of_dac`), and those no topic covers as the project's other sectors;
//! budgets summed in one currency (revised ones where given).
//! What is not kept is said in the notes. A file with a `<!DOCTYPE` is refused, and
//! entities other than XML's five are errors, so nothing a file declares is expanded.

use crate::i18n::{problem::key, Problem};
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use std::collections::BTreeMap;

use super::csv::Table;
use super::{ImportError, Names};
use crate::catalogue::RecordKind;

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
    pub notes: Vec<crate::i18n::Problem>,
    /// The IATI organisation identifier the file gives for each organisation named in a
    /// row by its name (no organisation on the device has it): what an organisation added
    /// for the file can be given, so that the next file finds it by its identifier.
    pub identifiers: BTreeMap<String, String>,
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
const COLUMNS: [&str; 14] = [
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
    "sectors",
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
    let mut reader = IatiReader::new(text, filter, names);
    while !reader.work(usize::MAX)? {}
    reader.finish()
}

/// An IATI activity file read a slice at a time, so that a screen can let the page answer
/// and say how far it is between slices.
pub struct IatiReader<'t> {
    reader: Reader<&'t [u8]>,
    state: State<'t>,
    done: bool,
}

impl<'t> IatiReader<'t> {
    pub fn new(text: &'t str, filter: &'t IatiFilter, names: &'t Names) -> Self {
        IatiReader {
            reader: Reader::from_str(text),
            state: State {
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
            },
            done: false,
        }
    }

    /// Bytes read, of the file's.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.reader.buffer_position() as usize,
            self.state.text.len(),
        )
    }

    /// Reads on through at most `events` XML events; `true` once the whole file is read.
    pub fn work(&mut self, events: usize) -> Result<bool, ImportError> {
        let (text, s) = (self.state.text, &mut self.state);
        for _ in 0..events {
            if self.done {
                break;
            }
            let reader = &mut self.reader;
            let position = reader.buffer_position();
            let fail = |problem: Problem| {
                ImportError::NotIati(problem.with("line", line_at(text, position)))
            };
            let event = reader.read_event().map_err(|e| ImportError::Xml {
                line: line_at(text, reader.error_position()),
                message: e.to_string(),
            })?;
            match event {
                Event::DocType(_) => return Err(fail(Problem::new(key::XML_DOCTYPE))),
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
                            return Err(fail(Problem::new(key::XML_ENTITY).with("entity", &*r)))
                        }
                    }
                }
                Event::Eof => self.done = true,
                _ => {}
            }
        }
        Ok(self.done)
    }

    /// The rows, once `work` has read the whole file; or why the file is not taken.
    pub fn finish(self) -> Result<IatiRows, ImportError> {
        let s = self.state;
        if !s.root {
            return Err(ImportError::NotIati(Problem::new(key::IATI_NO_ELEMENTS)));
        }
        if let Some(open) = s.path.last() {
            return Err(ImportError::NotIati(
                Problem::new(key::XML_CUT_SHORT)
                    .with("line", line_at(s.text, s.text.len() as u64))
                    .with("element", open.as_str()),
            ));
        }
        Ok(s.rows)
    }
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
                return Err(ImportError::NotIati(Problem::new(key::IATI_TWO_ROOTS)));
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
}

/// Checks that the file is IATI activity XML of a version this reads.
fn check_root(name: &str, e: &BytesStart) -> Result<(), ImportError> {
    match name {
        "iati-activities" => {}
        "iati-organisations" => {
            return Err(ImportError::NotIati(Problem::new(
                key::IATI_ORGANISATION_FILE,
            )))
        }
        other => {
            return Err(ImportError::NotIati(
                Problem::new(key::IATI_OTHER_ROOT).with("element", other),
            ))
        }
    }
    let version = attr(e, "version").unwrap_or_default();
    if !version.starts_with("2.") {
        return Err(ImportError::NotIati(
            Problem::new(key::IATI_VERSION).with("version", version),
        ));
    }
    Ok(())
}

mod activity;
#[cfg(test)]
mod tests;
