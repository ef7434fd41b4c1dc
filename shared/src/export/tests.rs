//! The CSV exports as a spreadsheet reads them: labels not codes, quoting, formula-like
//! cells made text, and each list's columns.

use super::*;
use crate::catalogue::{OrgCategory, ToolFormat};
use crate::i18n::Words;

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
    let text = training_tools(
        &[ToolRow {
            id: Uuid::nil(),
            tool: &tool,
            provider: "World Customs Organization (WCO)".into(),
            programme: String::new(),
        }],
        Words::ENGLISH,
    );
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
        row.contains(crate::reference::topic_label("risk_management").unwrap()),
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
    let text = organisations(
        &[
            OrgRow {
                id: Uuid::nil(),
                organisation: &org,
                parent: String::new(),
                successor: String::new(),
            },
            OrgRow {
                id: Uuid::nil(),
                organisation: &regional,
                parent: String::new(),
                successor: String::new(),
            },
        ],
        Words::ENGLISH,
    );
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
        id: Uuid::nil(),
        action,
        from: "Agreed at Donor meeting, 15–17 October 2012".into(),
        owner: "CCLEC".into(),
        co_owners: vec!["WCO".into(), "CARTAC".into()],
    };
    let text = action_items(
        &[row(&late), row(&done)],
        Day::parse("2013-02-01").unwrap(),
        Words::ENGLISH,
    );
    let rows = lines(&text);
    assert_eq!(
        rows[0],
        "Action,Owner,Shared with,Due,Status,Overdue,Progress,From,Id"
    );
    assert_eq!(
        rows[1],
        "Follow-up video conference,CCLEC,WCO; CARTAC,January 2013,Open,yes,,\
         \"Agreed at Donor meeting, 15–17 October 2012\",00000000-0000-0000-0000-000000000000"
    );
    assert!(rows[2].contains(",2nd quarter 2013,Done,,"), "{}", rows[2]);
}

#[test]
fn projects_carry_names_sectors_and_plain_budgets() {
    let p = Project {
        title: "Risk management".into(),
        countries: vec!["BB".into(), "LC".into()],
        topics: vec!["risk_management".into(), "integrity".into()],
        sectors: vec!["43010".into()],
        budget: Some(1_250_000),
        currency: "USD".into(),
        ..Default::default()
    };
    let text = projects(
        &[ProjectRow {
            id: Uuid::nil(),
            project: &p,
            accountable: "CARTAC".into(),
            funders: vec!["Global Affairs Canada".into(), "FCDO".into()],
            implementers: vec![],
            programme: String::new(),
        }],
        Words::ENGLISH,
    );
    let rows = lines(&text);
    assert!(rows[0].starts_with("Title,Identifier,Status,Start,End,Accountable,Funded by,"));
    assert!(
        rows[1].contains(",CARTAC,Global Affairs Canada; FCDO,,Barbados; Saint Lucia,"),
        "{}",
        rows[1]
    );
    assert!(
        rows[1].contains(",33120; 15113,43010,1250000,USD,"),
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
    let text = missions(
        &[MissionRow {
            mission: &m,
            provider: "CARTAC".into(),
            beneficiary: "Montserrat Customs".into(),
            project: String::new(),
        }],
        Words::ENGLISH,
    );
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
        Words::ENGLISH,
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
