//! Lists as CSV that opens in a spreadsheet for someone who does not know the codes: labels
//! rather than codes (country and language names, format and topic labels, organisation
//! names rather than ids), one row per record, in the language of the `Words` given
//! (headers, labels, names and due dates; the import reads every language back).
//!
//! RFC 4180 quoting, CRLF line ends, and a byte-order mark so that spreadsheet programs read
//! the text as UTF-8. A cell that a spreadsheet would take for a formula (it starts with
//! `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`: the catalogue's text
//! comes from many people, and opening an export must never run what one of them typed.

use crate::catalogue::{Contact, Organisation, RecordKind, TrainingTool};
use crate::dates::Day;
use crate::i18n::{msg, Arg, Words};
use crate::import::ID_COLUMN;
use crate::meetings::ActionItem;
use crate::missions::Mission;
use crate::projects::Project;
use uuid::Uuid;

/// A CSV text being written: the header first, then rows.
pub struct Csv {
    text: String,
}

impl Csv {
    pub fn new(header: &[&str]) -> Csv {
        let mut csv = Csv {
            text: String::from("\u{feff}"),
        };
        csv.row(header.iter().copied());
        csv
    }

    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                self.text.push(',');
            }
            push_cell(&mut self.text, cell.as_ref());
        }
        self.text.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.text
    }
}

fn push_cell(out: &mut String, cell: &str) {
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quoted = formula || cell.contains([',', '"', '\n', '\r']);
    if quoted {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in cell.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
}

/// Codes read as names, joined for one cell; a code without a name stays as it is.
fn names<'a>(codes: &'a [String], name: impl Fn(&'a str) -> Option<&'a str>) -> String {
    codes
        .iter()
        .map(|c| name(c).unwrap_or(c))
        .collect::<Vec<_>>()
        .join("; ")
}

/// An optional country's name, or `none`.
fn country<'a>(words: Words<'a>, code: Option<&'a str>, none: &'a str) -> &'a str {
    code.map_or(none, |c| words.country(c).unwrap_or(c))
}

/// A training tool as the list's export shows it.
pub struct ToolRow<'a> {
    /// The record's id, written last so that an edited export comes back to its records.
    pub id: Uuid,
    pub tool: &'a TrainingTool,
    /// The provider's display name.
    pub provider: String,
    /// The programme's name, or empty.
    pub programme: String,
}

pub fn training_tools(rows: &[ToolRow], words: Words) -> String {
    let label = |field: &'static str| words.field(RecordKind::TrainingTool, field);
    let mut csv = Csv::new(&[
        label("title"),
        label("provider"),
        label("programme"),
        label("format"),
        label("platform"),
        label("languages"),
        label("topics"),
        label("duration"),
        label("audience"),
        label("access"),
        label("certification"),
        label("cost"),
        label("url"),
        label("last_verified"),
        label("description"),
        ID_COLUMN,
    ]);
    for r in rows {
        let t = r.tool;
        csv.row([
            t.title.as_str(),
            &r.provider,
            &r.programme,
            words.label(t.format),
            &t.platform,
            &names(&t.languages, |c| words.language(c)),
            &names(&t.topics, |c| words.topic(c)),
            &t.duration,
            words.label(t.audience),
            words.label(t.access),
            &t.certification,
            &t.cost,
            &t.url,
            &t.last_verified,
            &t.description,
            &r.id.to_string(),
        ]);
    }
    csv.finish()
}

/// An organisation as the list's export shows it.
pub struct OrgRow<'a> {
    /// The record's id, written last so that an edited export comes back to its records.
    pub id: Uuid,
    pub organisation: &'a Organisation,
    /// The parent's display name, or empty.
    pub parent: String,
    /// The successor's display name, or empty.
    pub successor: String,
}

pub fn organisations(rows: &[OrgRow], words: Words) -> String {
    let label = |field: &'static str| words.field(RecordKind::Organisation, field);
    let mut csv = Csv::new(&[
        label("name"),
        label("acronym"),
        label("category"),
        label("country"),
        label("status"),
        label("successor"),
        label("parent"),
        label("languages"),
        label("memberships"),
        label("website"),
        label("iati_identifier"),
        label("description"),
        ID_COLUMN,
    ]);
    for r in rows {
        let o = r.organisation;
        csv.row([
            o.name.as_str(),
            &o.acronym,
            words.label(o.category),
            country(
                words,
                o.country.as_deref(),
                words.text(msg::REGIONAL_INTERNATIONAL, "Regional / international"),
            ),
            words.label(o.status),
            &r.successor,
            &r.parent,
            &names(&o.languages, |c| words.language(c)),
            &o.memberships.join("; "),
            &o.website,
            &o.iati_identifier,
            &o.description,
            &r.id.to_string(),
        ]);
    }
    csv.finish()
}

/// A contact as the organisations list's contact export shows it.
pub struct ContactRow<'a> {
    /// The record's id, written last so that an edited export comes back to its records.
    pub id: Uuid,
    pub contact: &'a Contact,
    /// The organisation's display name.
    pub organisation: String,
}

pub fn contacts(rows: &[ContactRow], words: Words) -> String {
    let label = |field: &'static str| words.field(RecordKind::Contact, field);
    let mut csv = Csv::new(&[
        label("organisation"),
        label("role_title"),
        label("name"),
        label("email"),
        label("phone"),
        label("language"),
        label("duties"),
        label("source"),
        ID_COLUMN,
    ]);
    for r in rows {
        let c = r.contact;
        csv.row([
            r.organisation.as_str(),
            &c.role_title,
            &c.name,
            &c.email,
            &c.phone,
            c.language
                .as_deref()
                .map(|l| words.language(l).unwrap_or(l))
                .unwrap_or_default(),
            &c.duties,
            &c.source,
            &r.id.to_string(),
        ]);
    }
    csv.finish()
}

/// An action item as the follow-up list's export shows it.
pub struct ActionRow<'a> {
    /// The record's id, written last so that an edited export comes back to its records.
    pub id: Uuid,
    pub action: &'a ActionItem,
    /// The meeting or mission it comes from ("Agreed at …"), or empty.
    pub from: String,
    /// The owner's display name.
    pub owner: String,
    /// The co-owners' display names.
    pub co_owners: Vec<String>,
}

/// The action items, with "Overdue" worked out for `today` (the device's date).
pub fn action_items(rows: &[ActionRow], today: Day, words: Words) -> String {
    let label = |field: &'static str| words.field(RecordKind::ActionItem, field);
    let mut csv = Csv::new(&[
        label("text"),
        label("owner"),
        label("co_owners"),
        label("due"),
        label("status"),
        words.text(msg::CSV_OVERDUE, "Overdue"),
        label("progress"),
        words.text(msg::CSV_FROM, "From"),
        ID_COLUMN,
    ]);
    for r in rows {
        let a = r.action;
        csv.row([
            a.text.as_str(),
            &r.owner,
            &r.co_owners.join("; "),
            &words.due(a.due()),
            words.label(a.status),
            if a.is_overdue(today) { words.yes() } else { "" },
            &a.progress,
            &r.from,
            &r.id.to_string(),
        ]);
    }
    csv.finish()
}

/// A project as the list's export shows it.
pub struct ProjectRow<'a> {
    /// The record's id, written last so that an edited export comes back to its records.
    pub id: Uuid,
    pub project: &'a Project,
    pub accountable: String,
    pub funders: Vec<String>,
    pub implementers: Vec<String>,
    /// The programme's name, or empty.
    pub programme: String,
}

pub fn projects(rows: &[ProjectRow], words: Words) -> String {
    let label = |field: &'static str| words.field(RecordKind::Project, field);
    let mut csv = Csv::new(&[
        label("title"),
        label("identifier"),
        label("status"),
        label("starts"),
        label("ends"),
        label("accountable"),
        label("funders"),
        label("implementers"),
        label("countries"),
        label("topics"),
        words.text(msg::CSV_DAC_SECTORS, "DAC sectors"),
        label("sectors"),
        label("budget"),
        label("currency"),
        label("programme"),
        label("description"),
        ID_COLUMN,
    ]);
    for r in rows {
        let p = r.project;
        let sectors: Vec<String> = p
            .topics
            .iter()
            .filter_map(|t| crate::reference::topic_dac(t))
            .map(|dac| dac.to_string())
            .collect();
        csv.row([
            p.title.as_str(),
            &p.identifier,
            words.label(p.status),
            &p.starts,
            &p.ends,
            &r.accountable,
            &r.funders.join("; "),
            &r.implementers.join("; "),
            &names(&p.countries, |c| words.country(c)),
            &names(&p.topics, |c| words.topic(c)),
            &sectors.join("; "),
            &p.sectors.join("; "),
            &p.budget.map(|b| b.to_string()).unwrap_or_default(),
            &p.currency,
            &r.programme,
            &p.description,
            &r.id.to_string(),
        ]);
    }
    csv.finish()
}

/// A mission as the list's export shows it: what it found, for those who were not there.
pub struct MissionRow<'a> {
    pub mission: &'a Mission,
    pub provider: String,
    pub beneficiary: String,
    /// The project's title, or empty.
    pub project: String,
}

pub fn missions(rows: &[MissionRow], words: Words) -> String {
    let label = |field: &'static str| words.field(RecordKind::Mission, field);
    let mut csv = Csv::new(&[
        label("title"),
        label("provider"),
        label("beneficiary"),
        label("country"),
        label("starts"),
        label("ends"),
        label("phase"),
        label("topics"),
        label("project"),
        label("findings"),
        label("recommendations"),
        label("report_access"),
        label("report_url"),
    ]);
    for r in rows {
        let m = r.mission;
        csv.row([
            m.title.as_str(),
            &r.provider,
            &r.beneficiary,
            country(words, m.country.as_deref(), ""),
            &m.starts,
            &m.ends,
            words.label(m.phase),
            &names(&m.topics, |c| words.topic(c)),
            &r.project,
            &m.findings,
            &m.recommendations,
            words.label(m.report_access),
            &m.report_url,
        ]);
    }
    csv.finish()
}

/// "Who funds what, where" as a table: one row per country, one column per topic, each
/// cell the funders there on that topic ("OVERLAP: " first where projects of different
/// funders overlap), empty where no live project is (a gap). `countries` are the rows in
/// order, as (code, name); `funders` names a cell's funders.
pub fn funding_table<Id>(
    words: Words,
    map: &std::collections::BTreeMap<
        String,
        std::collections::BTreeMap<String, crate::projects::Cell<Id>>,
    >,
    countries: &[(String, &str)],
    funders: impl Fn(&crate::projects::Cell<Id>) -> Vec<String>,
) -> String {
    let mut header = vec![words.text(msg::CSV_COUNTRY, "Country")];
    header.extend(
        crate::reference::TOPICS
            .iter()
            .map(|(code, label, _)| words.topic(code).unwrap_or(label)),
    );
    let mut csv = Csv::new(&header);
    for (code, name) in countries {
        let row = map.get(code);
        let mut cells = vec![(*name).to_owned()];
        for (topic, _, _) in crate::reference::TOPICS {
            cells.push(match row.and_then(|r| r.get(*topic)) {
                None => String::new(),
                Some(cell) => {
                    let mut names = funders(cell);
                    names.sort();
                    let names = names.join("; ");
                    if cell.overlap {
                        match words.catalogue() {
                            Some(c) => {
                                c.format(msg::CSV_OVERLAP, &[("funders", Arg::Text(&names))])
                            }
                            None => format!("OVERLAP: {names}"),
                        }
                    } else {
                        names
                    }
                }
            });
        }
        csv.row(cells);
    }
    csv.finish()
}

pub mod iati;

#[cfg(test)]
mod tests;
