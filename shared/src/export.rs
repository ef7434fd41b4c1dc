//! Lists as CSV that opens in a spreadsheet for someone who does not know the codes: labels
//! rather than codes (country and language names, format and topic labels, organisation
//! names rather than ids), one row per record.
//!
//! RFC 4180 quoting, CRLF line ends, and a byte-order mark so that spreadsheet programs read
//! the text as UTF-8. A cell that a spreadsheet would take for a formula (it starts with
//! `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`: the catalogue's text
//! comes from many people, and opening an export must never run what one of them typed.

use crate::catalogue::{Contact, Organisation, RecordKind, TrainingTool};
use crate::dates::Day;
use crate::import::ID_COLUMN;
use crate::meetings::ActionItem;
use crate::missions::Mission;
use crate::projects::Project;
use crate::reference::country_name;
use crate::reference::{language_name, topic_label};
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
fn names(codes: &[String], name: fn(&str) -> Option<&'static str>) -> String {
    codes
        .iter()
        .map(|c| name(c).unwrap_or(c))
        .collect::<Vec<_>>()
        .join("; ")
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

pub fn training_tools(rows: &[ToolRow]) -> String {
    let label = |field: &'static str| RecordKind::TrainingTool.field_label(field);
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
            t.format.label(),
            &t.platform,
            &names(&t.languages, language_name),
            &names(&t.topics, topic_label),
            &t.duration,
            t.audience.label(),
            t.access.label(),
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

pub fn organisations(rows: &[OrgRow]) -> String {
    let label = |field: &'static str| RecordKind::Organisation.field_label(field);
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
            o.category.label(),
            o.country_name(),
            o.status.label(),
            &r.successor,
            &r.parent,
            &names(&o.languages, language_name),
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

pub fn contacts(rows: &[ContactRow]) -> String {
    let label = |field: &'static str| RecordKind::Contact.field_label(field);
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
                .map(|l| language_name(l).unwrap_or(l))
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
pub fn action_items(rows: &[ActionRow], today: Day) -> String {
    let label = |field: &'static str| RecordKind::ActionItem.field_label(field);
    let mut csv = Csv::new(&[
        label("text"),
        label("owner"),
        label("co_owners"),
        label("due"),
        label("status"),
        "Overdue",
        label("progress"),
        "From",
        ID_COLUMN,
    ]);
    for r in rows {
        let a = r.action;
        csv.row([
            a.text.as_str(),
            &r.owner,
            &r.co_owners.join("; "),
            &a.due().label(),
            a.status.label(),
            if a.is_overdue(today) { "yes" } else { "" },
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

pub fn projects(rows: &[ProjectRow]) -> String {
    let label = |field: &'static str| RecordKind::Project.field_label(field);
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
        "DAC sectors",
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
            p.status.label(),
            &p.starts,
            &p.ends,
            &r.accountable,
            &r.funders.join("; "),
            &r.implementers.join("; "),
            &names(&p.countries, country_name),
            &names(&p.topics, topic_label),
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

pub fn missions(rows: &[MissionRow]) -> String {
    let label = |field: &'static str| RecordKind::Mission.field_label(field);
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
            m.country_label(),
            &m.starts,
            &m.ends,
            m.phase.label(),
            &names(&m.topics, topic_label),
            &r.project,
            &m.findings,
            &m.recommendations,
            m.report_access.label(),
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
    map: &std::collections::BTreeMap<
        String,
        std::collections::BTreeMap<String, crate::projects::Cell<Id>>,
    >,
    countries: &[(String, &str)],
    funders: impl Fn(&crate::projects::Cell<Id>) -> Vec<String>,
) -> String {
    let mut header = vec!["Country"];
    header.extend(crate::reference::TOPICS.iter().map(|(_, label, _)| *label));
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
                        format!("OVERLAP: {names}")
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
