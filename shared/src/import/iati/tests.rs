//! IATI activity files written for these tests: every element read, several languages,
//! codes without a match here, files of the wrong kind, hostile declarations, a large file,
//! and the plan made from them.

use serde_json::{json, Value};
use uuid::Uuid;

use super::*;
use crate::access::{Actor, Role};
use crate::i18n::Readings;
use crate::import::{plan, Names};
use crate::sync::RecordState;

const FILE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2014-01-01T00:00:00Z">
 <iati-activity xml:lang="en" default-currency="CAD" last-updated-datetime="2014-01-01T00:00:00Z">
  <iati-identifier>CA-3-D000123</iati-identifier>
  <reporting-org ref="XM-DAC-301-1" type="10"><narrative>Global Affairs Canada</narrative></reporting-org>
  <title>
   <narrative>Risk management &amp; selectivity</narrative>
   <narrative xml:lang="fr">Gestion des risques</narrative>
  </title>
  <description type="1"><narrative xml:lang="fr">Profils de risque</narrative><narrative>Risk profiles for &#8220;small&#8221; ports.</narrative></description>
  <description type="2"><narrative>Objectives, not read.</narrative></description>
  <participating-org ref="XM-DAC-301-1" role="1" type="10"><narrative>Global Affairs Canada</narrative></participating-org>
  <participating-org role="2"><narrative>CARTAC</narrative></participating-org>
  <participating-org role="4"><narrative>Montserrat Customs</narrative></participating-org>
  <participating-org role="4"><narrative>CARTAC</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2013-03-01"/>
  <activity-date type="2" iso-date="2013-04-01"/>
  <activity-date type="3" iso-date="2016-03-31"/>
  <recipient-country code="BB" percentage="40"/>
  <recipient-country code="ms" percentage="40"/>
  <recipient-country code="KE" percentage="20"/>
  <sector vocabulary="1" code="33120" percentage="50"/>
  <sector code="15113" percentage="30"/>
  <sector vocabulary="1" code="99810" percentage="20"/>
  <sector vocabulary="99" code="LOCAL-7"/>
  <budget type="1"><period-start iso-date="2013-04-01"/><period-end iso-date="2014-03-31"/><value value-date="2013-04-01">100000</value></budget>
  <budget type="2"><period-start iso-date="2013-04-01"/><period-end iso-date="2014-03-31"/><value value-date="2013-04-01">400000.40</value></budget>
  <budget type="2"><period-start iso-date="2014-04-01"/><period-end iso-date="2015-03-31"/><value currency="CAD" value-date="2014-04-01">850000</value></budget>
  <budget type="2"><period-start iso-date="2015-04-01"/><period-end iso-date="2016-03-31"/><value currency="USD" value-date="2015-04-01">5</value></budget>
  <transaction><transaction-type code="2"/><transaction-date iso-date="2013-04-01"/><value currency="CAD" value-date="2013-04-01">999</value><sector code="11110"/><recipient-country code="JM"/></transaction>
 </iati-activity>
 <iati-activity>
  <iati-identifier>XM-DAC-41114-PROJECT-1</iati-identifier>
  <reporting-org ref="XM-DAC-41114" type="40"><narrative>CARTAC</narrative></reporting-org>
  <title><narrative xml:lang="es">Auditoría posterior</narrative></title>
  <participating-org role="1"><narrative>Global Affairs Canada</narrative></participating-org>
  <activity-status code="1"/>
  <activity-date type="1" iso-date="2014-01-01"/>
  <recipient-region code="380"/>
 </iati-activity>
 <iati-activity>
  <iati-identifier>XM-DAC-41114-KE</iati-identifier>
  <reporting-org ref="XM-DAC-41114" type="40"><narrative>CARTAC</narrative></reporting-org>
  <title><narrative>Elsewhere</narrative></title>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2014-01-01"/>
  <recipient-country code="KE"/>
 </iati-activity>
</iati-activities>
"#;

fn english() -> IatiFilter {
    IatiFilter {
        country: None,
        language: "en".into(),
    }
}

fn cells(rows: &IatiRows, i: usize) -> Vec<(&str, &str)> {
    rows.table
        .header
        .iter()
        .map(String::as_str)
        .zip(rows.table.rows[i].cells.iter().map(String::as_str))
        .collect()
}

#[test]
fn activities_in_the_region_become_project_rows() {
    let rows = read(FILE, &english(), &Names::default()).unwrap();
    assert_eq!(
        (rows.activities, rows.skipped, rows.table.rows.len()),
        (3, 1, 2)
    );
    assert_eq!(rows.table.rows[0].line, 3);
    assert_eq!(
        cells(&rows, 0),
        [
            ("Identifier", "CA-3-D000123"),
            ("Title", "Risk management & selectivity"),
            (
                "Description",
                "Risk profiles for \u{201c}small\u{201d} ports."
            ),
            ("Status", "implementation"),
            ("Start", "2013-04-01"),
            ("End", "2016-03-31"),
            ("Accountable", "CARTAC"),
            ("Funded by", "Global Affairs Canada"),
            ("Implemented by", "Montserrat Customs; CARTAC"),
            ("Countries", "BB; MS"),
            ("Topics", "integrity; trade_facilitation"),
            ("Other DAC sectors", "99810"),
            ("Budget", "1250000"),
            ("Currency", "CAD"),
        ]
    );
    assert_eq!(
        rows.notes.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "“Risk management & selectivity”: recipient countries outside the catalogue's list are not kept (KE).",
            "“Risk management & selectivity”: sectors LOCAL-7 (vocabulary 99) are not DAC 5-digit codes and are not kept.",
            "“Risk management & selectivity”: budgets in currencies other than CAD are not added.",
        ]
    );
    // Organisations named by name whose identifier the file gives, for adding them.
    assert_eq!(
        rows.identifiers,
        std::collections::BTreeMap::from([
            ("CARTAC".to_owned(), "XM-DAC-41114".to_owned()),
            (
                "Global Affairs Canada".to_owned(),
                "XM-DAC-301-1".to_owned()
            ),
        ])
    );
    // No accountable organisation named: the reporting organisation is; the one title
    // there is, in Spanish, is taken.
    let second = cells(&rows, 1);
    assert_eq!(second[1], ("Title", "Auditoría posterior"));
    assert_eq!(second[6], ("Accountable", "CARTAC"));
    assert_eq!(second[3], ("Status", "pipeline"));
    assert_eq!(second[4], ("Start", "2014-01-01"));
}

#[test]
fn a_chosen_country_or_language_narrows_and_picks() {
    let kenya = IatiFilter {
        country: Some("KE".into()),
        language: "fr".into(),
    };
    let rows = read(FILE, &kenya, &Names::default()).unwrap();
    assert_eq!((rows.table.rows.len(), rows.skipped), (2, 1));
    assert_eq!(cells(&rows, 0)[1], ("Title", "Gestion des risques"));
    assert_eq!(cells(&rows, 0)[2], ("Description", "Profils de risque"));
}

#[test]
fn files_that_are_not_iati_activities_or_declare_things_are_refused() {
    let refused = |text: &str| {
        read(text, &english(), &Names::default())
            .unwrap_err()
            .to_string()
    };
    assert!(
        refused("<!DOCTYPE lolz [<!ENTITY lol \"lol\">]><iati-activities version=\"2.03\"/>")
            .contains("declares a DOCTYPE")
    );
    let entity = "<iati-activities version=\"2.03\"><iati-activity><title><narrative>&lol;</narrative></title></iati-activity></iati-activities>";
    assert!(
        refused(entity).contains("“&lol;” is not one of XML's own entities"),
        "{}",
        refused(entity)
    );
    assert!(refused("<iati-organisations version=\"2.03\"/>").contains("IATI organisation file"));
    assert!(refused("<html><body/></html>").contains("starts with <html>"));
    assert!(refused("<iati-activities version=\"1.05\"/>").contains("“1.05” is not read"));
    assert!(refused("").contains("no XML elements"));
    let cut = &FILE[..FILE.len() / 2];
    assert!(
        refused(cut).contains("cannot be read as XML") || refused(cut).contains("ends before"),
        "{}",
        refused(cut)
    );
    assert!(
        refused("<iati-activities version=\"2.03\"><a></b></iati-activities>")
            .contains("at line 1")
    );
}

#[test]
fn a_large_file_is_read_whole() {
    let one = FILE
        .split_once(" <iati-activity xml:lang")
        .map(|(_, rest)| {
            format!(
                " <iati-activity xml:lang{}",
                rest.split_once("</iati-activity>").unwrap().0
            )
        })
        .unwrap();
    let n = 20 * 1024 * 1024 / one.len() + 1;
    let mut big = String::from("<?xml version=\"1.0\"?>\n<iati-activities version=\"2.02\">\n");
    for i in 0..n {
        big.push_str(&one.replace("CA-3-D000123", &format!("CA-3-D{i:07}")));
        big.push_str("</iati-activity>\n");
    }
    big.push_str("</iati-activities>\n");
    assert!(big.len() > 20 * 1024 * 1024);
    let rows = read(&big, &english(), &Names::default()).unwrap();
    assert_eq!(rows.table.rows.len(), n);
    assert_eq!(
        rows.table.rows[n - 1].cells[0],
        format!("CA-3-D{:07}", n - 1)
    );
}

/// Organisation `id` as stored with `fields`.
fn organisation(id: u128, fields: Value) -> RecordState {
    let Value::Object(set) = fields else {
        unreachable!()
    };
    let m = RecordState::new(RecordKind::Organisation, Uuid::from_u128(id))
        .edit(1, 1, set)
        .unwrap();
    RecordState::check_mutation(None, Uuid::from_u128(99), &m, None).unwrap()
}

#[test]
fn the_plan_matches_organisations_by_name_and_projects_by_identifier() {
    let org = |id: u128, name: &str, acronym: &str| {
        organisation(
            id,
            json!({"name": name, "acronym": acronym, "category": "donor"}),
        )
    };
    let orgs = [
        org(1, "Global Affairs Canada", "GAC"),
        org(
            2,
            "Caribbean Regional Technical Assistance Centre",
            "CARTAC",
        ),
    ];
    let coordinator = Actor {
        user: Uuid::from_u128(5),
        role: Role::Coordinator,
        organisation: None,
    };
    let names = Names::of_records(&orgs);
    let rows = read(FILE, &english(), &names).unwrap();
    let mut n = 100;
    let first = plan(
        RecordKind::Project,
        &rows.table,
        &[],
        names,
        Readings::english(),
        &coordinator,
        || {
            n += 1;
            Uuid::from_u128(n)
        },
    )
    .unwrap();
    // Montserrat Customs is not on this device: that activity waits for it.
    assert_eq!((first.creates.len(), first.refused.len()), (1, 1));
    assert!(first.refused[0].problems[0]
        .what
        .to_string()
        .contains("no organisation called “Montserrat Customs”"));
    assert_eq!(
        first.missing,
        ["Montserrat Customs"],
        "named so it can be added"
    );
    let created = &first.creates[0];
    assert_eq!(created.title, "Auditoría posterior");
    assert_eq!(created.set["identifier"], json!("XM-DAC-41114-PROJECT-1"));
    assert_eq!(
        created.set["accountable"],
        json!(Uuid::from_u128(2).to_string())
    );

    // Once stored, the same activity with a new title is a change of that project, found by
    // its identifier.
    let m = RecordState::new(RecordKind::Project, created.id)
        .edit(1, 1, created.set.clone())
        .unwrap();
    let stored = RecordState::check_mutation(None, Uuid::from_u128(98), &m, None).unwrap();
    let renamed = FILE.replace("Auditoría posterior", "Auditoría posterior al despacho");
    let rows = read(&renamed, &english(), &Names::default()).unwrap();
    let again = plan(
        RecordKind::Project,
        &rows.table,
        &[stored],
        Names::of_records(&orgs),
        Readings::english(),
        &coordinator,
        || Uuid::from_u128(7777),
    )
    .unwrap();
    assert_eq!(again.updates.len(), 1);
    assert_eq!(again.updates[0].id, created.id);
    assert_eq!(again.updates[0].set.keys().collect::<Vec<_>>(), ["title"]);
}

#[test]
fn organisations_are_matched_by_their_iati_identifier_before_their_name() {
    let org = organisation;
    // On this device Canada's agency goes by an older name, with the identifier the file uses.
    let orgs = [
        org(
            1,
            json!({"name": "Canadian International Development Agency", "acronym": "CIDA",
                   "iati_identifier": "XM-DAC-301-1", "category": "donor"}),
        ),
        org(2, json!({"name": "CARTAC"})),
        org(3, json!({"name": "Montserrat Customs", "country": "MS"})),
    ];
    let names = Names::of_records(&orgs);
    let rows = read(FILE, &english(), &names).unwrap();
    let coordinator = Actor {
        user: Uuid::from_u128(5),
        role: Role::Coordinator,
        organisation: None,
    };
    let planned = plan(
        RecordKind::Project,
        &rows.table,
        &[],
        names,
        Readings::english(),
        &coordinator,
        {
            let mut n = 200;
            move || {
                n += 1;
                Uuid::from_u128(n)
            }
        },
    )
    .unwrap();
    let first = planned
        .creates
        .iter()
        .find(|p| p.set["identifier"] == json!("CA-3-D000123"))
        .expect("the first activity is added");
    assert_eq!(
        first.set["funders"],
        json!([Uuid::from_u128(1).to_string()]),
        "matched by ref"
    );
    // The second names Canada's agency by name only, which this device does not know.
    assert_eq!(planned.refused.len(), 1, "{planned:?}");
    assert_eq!(planned.missing, ["Global Affairs Canada"]);
}
