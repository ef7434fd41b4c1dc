//! The projects' IATI export is valid against IATI's own 2.03 activity schema
//! (`tests/iati-schema-2.03`, with its licence), as a publisher's validator checks it:
//! `xmllint`, which `make setup` installs. Here rather than beside the export's unit
//! tests, because `shared/src` does no I/O (`tidy.rs`).

use std::collections::HashMap;
use std::io::Write;
use std::process::{Command, Stdio};

use tradewinds_shared::catalogue::OrgCategory;
use tradewinds_shared::export::iati::{activities, Reporter};
use tradewinds_shared::projects::ProjectStatus;
use tradewinds_shared::reference::TOPICS;
use tradewinds_shared::{Organisation, Project};
use uuid::Uuid;

const SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/iati-schema-2.03/iati-activities-schema.xsd"
);

/// Whether xmllint finds `xml` valid, and what it said.
fn validate(xml: &str) -> (bool, String) {
    let mut xmllint = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema", SCHEMA, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("xmllint (libxml2-utils, installed by `make setup`)");
    xmllint
        .stdin
        .take()
        .unwrap()
        .write_all(xml.as_bytes())
        .unwrap();
    let out = xmllint.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_kind_of_project_is_written_valid_against_the_published_schema() {
    let org = |name: &str, category, identifier: &str| Organisation {
        name: name.into(),
        category,
        iati_identifier: identifier.into(),
        ..Default::default()
    };
    let kept = [
        org("Global Affairs Canada", OrgCategory::Donor, "XM-DAC-301-1"),
        org("CARTAC", OrgCategory::TaProvider, ""),
        org(
            "Montserrat Customs & Revenue <Service>",
            OrgCategory::CustomsAdministration,
            "",
        ),
        org("World Bank", OrgCategory::Donor, "44000"),
    ];
    let ids: Vec<Uuid> = (1..=kept.len() as u128).map(Uuid::from_u128).collect();
    let orgs: HashMap<Uuid, &Organisation> = ids.iter().copied().zip(kept.iter()).collect();
    // One project per status, between them every topic, dates open and closed, one or
    // several of each organisation role, budgets with and without an end date, sectors
    // kept from an imported file, and text that needs escaping.
    let projects: Vec<Project> = ProjectStatus::ALL
        .iter()
        .enumerate()
        .map(|(i, &status)| Project {
            title: format!("Project {i}: \"risk\" & <selectivity>"),
            identifier: if i % 2 == 0 {
                format!("CA-3-D00012{i}")
            } else {
                String::new()
            },
            status,
            starts: format!("201{i}-04-01"),
            ends: if i == 0 {
                String::new()
            } else {
                format!("201{}-03-31", i + 2)
            },
            accountable: Some(ids[1]),
            funders: ids[..1 + i % 2].to_vec(),
            implementers: if i % 3 == 0 { vec![ids[2]] } else { vec![] },
            countries: ["BB", "LC", "MS", "HT", "SR", "CW"][..1 + i % 4]
                .iter()
                .map(|c| (*c).to_owned())
                .collect(),
            topics: TOPICS
                .iter()
                .skip(i)
                .step_by(ProjectStatus::ALL.len())
                .map(|(code, _, _)| (*code).to_owned())
                .collect(),
            sectors: if i == 1 { vec!["43010".into()] } else { vec![] },
            budget: (i != 2).then_some(250_000 * (i as u64 + 1)),
            currency: ["USD", "CAD", "GBP", "EUR"][i % 4].into(),
            description: if i == 3 {
                String::new()
            } else {
                "Profiles,\nselectivity & post-clearance audit.".into()
            },
            ..Default::default()
        })
        .collect();
    let with_ids: Vec<(Uuid, &Project)> = projects
        .iter()
        .enumerate()
        .map(|(i, p)| (Uuid::from_u128(0x100 + i as u128), p))
        .collect();
    let reporter = Reporter {
        reference: "XM-DAC-41114".into(),
        kind: "40".into(),
        name: "Caribbean Regional Technical Assistance Centre (CARTAC)".into(),
    };
    let file = activities(&with_ids, &orgs, &reporter, "2026-12-07T22:00:00Z");
    assert_eq!(file.activities, ProjectStatus::ALL.len());
    let (valid, said) = validate(&file.xml);
    assert!(valid, "{said}\n{}", file.xml);

    // The check can fail: the same file without an activity's identifier is not valid.
    let identifier = "<iati-identifier>CA-3-D000120</iati-identifier>";
    assert!(file.xml.contains(identifier), "{}", file.xml);
    let (valid, said) = validate(&file.xml.replacen(identifier, "", 1));
    assert!(!valid && said.contains("iati-identifier"), "{said}");
}
