//! Lists as CSV that opens in a spreadsheet for someone who does not know the codes: labels
//! rather than codes (country and language names, format and topic labels, organisation
//! names rather than ids), one row per record.
//!
//! RFC 4180 quoting, CRLF line ends, and a byte-order mark so that spreadsheet programs read
//! the text as UTF-8. A cell that a spreadsheet would take for a formula (it starts with
//! `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`: the catalogue's text
//! comes from many people, and opening an export must never run what one of them typed.

use crate::catalogue::{Organisation, RecordKind, TrainingTool};
use crate::dates::Day;
use crate::meetings::ActionItem;
use crate::missions::Mission;
use crate::projects::Project;
use crate::reference::country_name;
use crate::reference::{language_name, topic_label};

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
        ]);
    }
    csv.finish()
}

/// An organisation as the list's export shows it.
pub struct OrgRow<'a> {
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
        label("description"),
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
            &o.description,
        ]);
    }
    csv.finish()
}

/// An action item as the follow-up list's export shows it.
pub struct ActionRow<'a> {
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
        ]);
    }
    csv.finish()
}

/// A project as the list's export shows it.
pub struct ProjectRow<'a> {
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
        label("budget"),
        label("currency"),
        label("programme"),
        label("description"),
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
            &p.budget.map(|b| b.to_string()).unwrap_or_default(),
            &p.currency,
            &r.programme,
            &p.description,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{OrgCategory, ToolFormat};

    fn lines(csv: &str) -> Vec<&str> {
        csv.trim_start_matches('\u{feff}')
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .collect()
    }

    #[test]
    fn cells_are_quoted_only_when_they_need_it() {
        let mut csv = Csv::new(&["a", "b"]);
        csv.row(["plain", "with, comma"]);
        csv.row(["say \"hi\"", "two\nlines"]);
        let text = csv.finish();
        assert!(
            text.starts_with('\u{feff}'),
            "a byte-order mark for spreadsheets"
        );
        assert_eq!(
            text.trim_start_matches('\u{feff}'),
            "a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
        );
    }

    #[test]
    fn what_a_spreadsheet_would_run_is_kept_as_text() {
        for evil in [
            "=1+2",
            "+1 246 555 0100",
            "-2",
            "@SUM(A1)",
            "\tx",
            "=HYPERLINK(\"x\")",
        ] {
            let mut csv = Csv::new(&["a"]);
            csv.row([evil]);
            let text = csv.finish();
            let cell = lines(&text)[1];
            assert!(cell.starts_with("\"'"), "{evil:?} became {cell:?}");
        }
        let mut csv = Csv::new(&["a"]);
        csv.row(["a-b = c"]);
        assert_eq!(lines(&csv.finish())[1], "a-b = c");
    }

    #[test]
    fn tools_are_written_with_labels_not_codes() {
        let tool = TrainingTool {
            title: "Risk management, module 1".into(),
            format: ToolFormat::ELearning,
            languages: vec!["en".into(), "fr".into()],
            topics: vec!["risk_management".into()],
            ..Default::default()
        };
        let text = training_tools(&[ToolRow {
            tool: &tool,
            provider: "World Customs Organization (WCO)".into(),
            programme: String::new(),
        }]);
        let rows = lines(&text);
        assert_eq!(rows.len(), 2);
        assert!(rows[0].starts_with("Title,Provider,Programme,Format,"));
        let row = rows[1];
        assert!(
            row.starts_with("\"Risk management, module 1\",World Customs Organization (WCO),,"),
            "{row}"
        );
        assert!(row.contains(ToolFormat::ELearning.label()), "{row}");
        assert!(row.contains("English; French"), "{row}");
        assert!(
            row.contains(topic_label("risk_management").unwrap()),
            "{row}"
        );
    }

    #[test]
    fn organisations_name_their_country() {
        let org = Organisation {
            name: "Montserrat Customs and Revenue Service".into(),
            category: OrgCategory::CustomsAdministration,
            country: Some("MS".into()),
            ..Default::default()
        };
        let regional = Organisation {
            name: "CARTAC".into(),
            ..Default::default()
        };
        let text = organisations(&[
            OrgRow {
                organisation: &org,
                parent: String::new(),
                successor: String::new(),
            },
            OrgRow {
                organisation: &regional,
                parent: String::new(),
                successor: String::new(),
            },
        ]);
        let rows = lines(&text);
        assert!(rows[1].contains(",Montserrat,"), "{}", rows[1]);
        assert!(
            rows[2].contains(",Regional / international,"),
            "{}",
            rows[2]
        );
    }

    #[test]
    fn action_items_say_when_and_whether_overdue() {
        use crate::meetings::ActionStatus;
        let late = ActionItem {
            text: "Follow-up video conference".into(),
            due: "2013-01".into(),
            ..Default::default()
        };
        let done = ActionItem {
            text: "Join the fraud awareness course".into(),
            due: "2013-Q2".into(),
            status: ActionStatus::Done,
            ..Default::default()
        };
        let row = |action| ActionRow {
            action,
            from: "Agreed at Donor meeting, 15–17 October 2012".into(),
            owner: "CCLEC".into(),
            co_owners: vec!["WCO".into(), "CARTAC".into()],
        };
        let text = action_items(&[row(&late), row(&done)], Day::parse("2013-02-01").unwrap());
        let rows = lines(&text);
        assert_eq!(
            rows[0],
            "Action,Owner,Shared with,Due,Status,Overdue,Progress,From"
        );
        assert_eq!(
            rows[1],
            "Follow-up video conference,CCLEC,WCO; CARTAC,January 2013,Open,yes,,\
             \"Agreed at Donor meeting, 15–17 October 2012\""
        );
        assert!(rows[2].contains(",2nd quarter 2013,Done,,"), "{}", rows[2]);
    }

    #[test]
    fn projects_carry_names_sectors_and_plain_budgets() {
        let p = Project {
            title: "Risk management".into(),
            countries: vec!["BB".into(), "LC".into()],
            topics: vec!["risk_management".into(), "integrity".into()],
            budget: Some(1_250_000),
            currency: "USD".into(),
            ..Default::default()
        };
        let text = projects(&[ProjectRow {
            project: &p,
            accountable: "CARTAC".into(),
            funders: vec!["Global Affairs Canada".into(), "FCDO".into()],
            implementers: vec![],
            programme: String::new(),
        }]);
        let rows = lines(&text);
        assert!(rows[0].starts_with("Title,Identifier,Status,Start,End,Accountable,Funded by,"));
        assert!(
            rows[1].contains(",CARTAC,Global Affairs Canada; FCDO,,Barbados; Saint Lucia,"),
            "{}",
            rows[1]
        );
        assert!(
            rows[1].contains(",33120; 15113,1250000,USD,"),
            "{}",
            rows[1]
        );
    }

    #[test]
    fn missions_carry_their_findings_in_words() {
        let m = Mission {
            title: "Post-clearance audit diagnostic".into(),
            country: Some("MS".into()),
            starts: "2013-03-04".into(),
            topics: vec!["post_clearance_audit".into()],
            findings: "No written audit plan,\nrecords on paper.".into(),
            ..Default::default()
        };
        let text = missions(&[MissionRow {
            mission: &m,
            provider: "CARTAC".into(),
            beneficiary: "Montserrat Customs".into(),
            project: String::new(),
        }]);
        let body = text.trim_start_matches('\u{feff}');
        assert!(
            body.starts_with("Title,Provided by,Administration assisted,Country,First day,"),
            "{body}"
        );
        assert!(
            body.contains("CARTAC,Montserrat Customs,Montserrat,2013-03-04,,Diagnostic,Post-clearance audit,,\"No written audit plan,\nrecords on paper.\","),
            "{body}"
        );
    }

    #[test]
    fn the_funding_table_has_a_row_per_country_and_marks_overlaps() {
        use crate::projects::{funding_map, ProjectStatus};
        let project = |funder: u8, countries: &[&str]| Project {
            status: ProjectStatus::Implementation,
            funders: vec![uuid::Uuid::from_bytes([funder; 16])],
            countries: countries.iter().map(|c| (*c).to_owned()).collect(),
            topics: vec!["risk_management".into()],
            ..Default::default()
        };
        let (a, b) = (project(1, &["BB", "LC"]), project(2, &["BB"]));
        let map = funding_map(&[(1, &a), (2, &b)]);
        let text = funding_table(
            &map,
            &[
                ("BB".into(), "Barbados"),
                ("DM".into(), "Dominica"),
                ("LC".into(), "Saint Lucia"),
            ],
            |cell| {
                cell.funders
                    .iter()
                    .map(|f| format!("F{}", f.as_bytes()[0]))
                    .collect()
            },
        );
        let rows = lines(&text);
        assert!(
            rows[0].starts_with("Country,Risk management,Strategic planning,"),
            "{}",
            rows[0]
        );
        assert!(
            rows[1].starts_with("Barbados,OVERLAP: F1; F2,,"),
            "{}",
            rows[1]
        );
        assert!(rows[2].starts_with("Dominica,,,"), "a gap: {}", rows[2]);
        assert!(rows[3].starts_with("Saint Lucia,F1,"), "{}", rows[3]);
        assert_eq!(rows.len(), 4);
    }
}
