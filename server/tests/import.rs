//! `POST /api/v1/import`: a dry run that writes nothing, an import that writes each row
//! once and a second that changes nothing, and the rules as an attacker would test them —
//! rows the account may not write, kinds and formats not taken, broken and oversized files.
//! And the whole catalogue's copy (`GET /api/v1/catalogue`): read into an empty server, it
//! comes back byte for byte.

use axum::http::{Method, StatusCode};
use serde_json::Value;
use tradewinds_shared::access::Role;
use tradewinds_shared::RecordKind;

use crate::common::TestApp;

const TOOLS: &str = "\u{feff}Title;Provider;Languages;Format\r\n\
    Small-vessel boarding drill;CCLEC;\"English; Spanish\";Workshop\r\n\
    Risk profiling clinic;Caribbean Regional Technical Assistance Centre;English;Classroom\r\n\
    Port security primer;Nobody In Particular;English;Guide\r\n";

async fn import(t: &TestApp, query: &str, file: &str) -> crate::common::Reply {
    t.raw(
        Method::POST,
        &format!("/api/v1/import?{query}"),
        Some("text/csv"),
        file.as_bytes().to_vec(),
    )
    .await
}

fn count(answer: &Value, group: &str) -> usize {
    answer["plan"][group].as_array().map_or(0, Vec::len)
}

#[tokio::test]
async fn a_dry_run_writes_nothing_an_import_writes_each_row_once_and_again_changes_nothing() {
    let t = TestApp::seeded().await;
    let before = t.state().await;
    let dry = import(&t, "kind=training_tools&format=csv&dry_run=true", TOOLS)
        .await
        .expect(StatusCode::OK);
    assert_eq!((count(&dry, "creates"), count(&dry, "refused")), (2, 1));
    assert_eq!(dry["applied"], false);
    let refused = &dry["plan"]["refused"][0];
    assert_eq!(refused["line"], 4);
    assert_eq!(refused["problems"][0]["column"], "Provider");
    assert_eq!(
        dry["plan"]["missing"],
        serde_json::json!(["Nobody In Particular"])
    );
    assert_eq!(t.state().await, before, "a dry run stores nothing");

    let done = import(&t, "kind=training_tools&format=csv", TOOLS)
        .await
        .expect(StatusCode::OK);
    assert_eq!(done["applied"], true);
    assert_eq!(done["failed"], serde_json::json!([]));
    let tools = t.list(RecordKind::TrainingTool).await;
    let drill = tools
        .iter()
        .find(|t| t["title"] == "Small-vessel boarding drill")
        .expect("imported");
    assert_eq!(drill["languages"], serde_json::json!(["en", "es"]));
    assert_eq!(drill["format"], "workshop");
    assert!(!tools.iter().any(|t| t["title"] == "Port security primer"));

    let after = t.state().await;
    let again = import(&t, "kind=training_tools&format=csv", TOOLS)
        .await
        .expect(StatusCode::OK);
    assert_eq!((count(&again, "creates"), count(&again, "updates")), (0, 0));
    assert_eq!(again["plan"]["unchanged"], 2);
    assert_eq!(
        t.state().await,
        after,
        "importing the same file again writes nothing"
    );
}

#[tokio::test]
async fn an_import_writes_only_what_the_account_may_write() {
    let t = TestApp::seeded().await;
    let orgs = t.list(RecordKind::Organisation).await;
    let id_of = |name: &str| {
        orgs.iter()
            .find(|o| o["name"] == name)
            .and_then(|o| o["id"].as_str())
            .and_then(|id| uuid::Uuid::parse_str(id).ok())
            .unwrap_or_else(|| panic!("{name} is seeded"))
    };
    let cclec = id_of("Caribbean Customs Law Enforcement Council");
    let editor = t
        .signed_in_as("editor@test.org", Role::OfficeEditor, Some(cclec))
        .await;
    let contacts = "Organisation,Role title,Name\n\
        Caribbean Customs Law Enforcement Council,Training focal point,A. Brown\n\
        World Customs Organization,Customs adviser,B. Green\n";
    let answer = import(&editor, "kind=contacts&format=csv", contacts)
        .await
        .expect(StatusCode::OK);
    assert_eq!(
        (count(&answer, "creates"), count(&answer, "refused")),
        (1, 1)
    );
    let names: Vec<Value> = t
        .list(RecordKind::Contact)
        .await
        .iter()
        .map(|c| c["name"].clone())
        .collect();
    assert!(names.contains(&Value::from("A. Brown")));
    assert!(!names.contains(&Value::from("B. Green")));

    // An organisation's facts only coordinators change: an edited export naming another
    // organisation by its id changes nothing.
    let wco = id_of("World Customs Organization");
    let crafted =
        format!("Id,Name,Website\n{wco},World Customs Organization,https://example.org\n");
    let before_orgs = t.list(RecordKind::Organisation).await;
    let answer = import(&editor, "kind=organisations&format=csv", &crafted)
        .await
        .expect(StatusCode::OK);
    assert_eq!(
        (count(&answer, "updates"), count(&answer, "refused")),
        (0, 1)
    );
    assert_eq!(t.list(RecordKind::Organisation).await, before_orgs);

    let viewer = t.signed_in_as("viewer@test.org", Role::Viewer, None).await;
    let before = t.state().await;
    let answer = import(&viewer, "kind=training_tools&format=csv", TOOLS)
        .await
        .expect(StatusCode::OK);
    assert_eq!(
        (count(&answer, "creates"), count(&answer, "refused")),
        (0, 3)
    );
    assert_eq!(t.state().await, before, "a viewer's import stores nothing");
    let stranger = t.with_token(None);
    import(&stranger, "kind=training_tools&format=csv", TOOLS)
        .await
        .expect_error(StatusCode::UNAUTHORIZED, "unauthenticated");
}

#[tokio::test]
async fn files_and_queries_the_import_does_not_take_are_refused_by_name() {
    let t = TestApp::seeded().await;
    let before = t.state().await;
    let e = import(&t, "kind=meetings&format=csv", TOOLS)
        .await
        .expect_error(StatusCode::BAD_REQUEST, "invalid_query");
    assert!(
        e.message.contains("`meetings` cannot be imported"),
        "{}",
        e.message
    );
    let e = import(&t, "kind=projects&format=xlsx", TOOLS)
        .await
        .expect_error(StatusCode::BAD_REQUEST, "invalid_query");
    assert!(
        e.message
            .contains("use format=csv, format=iati or format=json"),
        "{}",
        e.message
    );
    import(&t, "kind=contacts&format=iati", TOOLS)
        .await
        .expect_error(StatusCode::BAD_REQUEST, "invalid_query");
    let e = import(
        &t,
        "kind=projects&format=iati",
        "<!DOCTYPE x [<!ENTITY a \"a\">]><iati-activities version=\"2.03\"/>",
    )
    .await
    .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_import");
    assert!(e.message.contains("DOCTYPE"), "{}", e.message);
    import(&t, "kind=projects", TOOLS)
        .await
        .expect_error(StatusCode::BAD_REQUEST, "invalid_query");
    let contacts = "Organisation,Role title,Name\nCARTAC,Customs adviser,B. Green\n";
    let e = import(&t, "kind=projects&format=csv", contacts)
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_import");
    assert!(
        e.message
            .contains("No column of this file is a field of records of kind “project”"),
        "{}",
        e.message
    );
    let e = import(&t, "kind=training_tools&format=csv", "Title\n\"Unclosed\n")
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_import");
    assert!(
        e.message.contains("Line 2 opens a quoted cell"),
        "{}",
        e.message
    );
    let huge = format!("Title\n{}", "x".repeat(21 * 1024 * 1024));
    import(&t, "kind=training_tools&format=csv", &huge)
        .await
        .expect_error(StatusCode::PAYLOAD_TOO_LARGE, "body_too_large");
    assert_eq!(t.state().await, before);
}

#[tokio::test]
async fn an_iati_file_adds_its_projects_once_with_their_organisations_matched_by_name() {
    let t = TestApp::seeded().await;
    let file = r#"<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
 <iati-activity xml:lang="en" default-currency="CAD">
  <iati-identifier>CA-3-D000999</iati-identifier>
  <reporting-org ref="XM-DAC-301-1" type="10"><narrative>Global Affairs Canada</narrative></reporting-org>
  <title><narrative>Border risk management, phase 3</narrative></title>
  <description><narrative>Selectivity for small ports.</narrative></description>
  <participating-org role="1"><narrative>Global Affairs Canada</narrative></participating-org>
  <participating-org role="2"><narrative>CARTAC</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="2" iso-date="2015-04-01"/>
  <activity-date type="3" iso-date="2018-03-31"/>
  <recipient-country code="LC"/>
  <sector vocabulary="1" code="33120"/>
  <budget type="1"><period-start iso-date="2015-04-01"/><period-end iso-date="2016-03-31"/><value value-date="2015-04-01">500000</value></budget>
 </iati-activity>
</iati-activities>"#;
    let before = t.state().await;
    let dry = import(&t, "kind=projects&format=iati&dry_run=true", file)
        .await
        .expect(StatusCode::OK);
    assert_eq!(count(&dry, "creates"), 1, "{dry}");
    assert_eq!(t.state().await, before);
    import(&t, "kind=projects&format=iati", file)
        .await
        .expect(StatusCode::OK);
    let projects = t.list(RecordKind::Project).await;
    let p = projects
        .iter()
        .find(|p| p["identifier"] == "CA-3-D000999")
        .expect("imported");
    assert_eq!(p["title"], "Border risk management, phase 3");
    assert_eq!(p["countries"], serde_json::json!(["LC"]));
    assert_eq!(p["topics"], serde_json::json!(["trade_facilitation"]));
    assert_eq!(
        (p["budget"].clone(), p["currency"].clone()),
        (Value::from(500000), Value::from("CAD"))
    );
    let again = import(&t, "kind=projects&format=iati", file)
        .await
        .expect(StatusCode::OK);
    assert_eq!(again["plan"]["unchanged"], 1);
}

async fn copy_of(t: &TestApp) -> String {
    let reply = t.get("/api/v1/catalogue").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.headers["content-type"], "application/json");
    assert!(reply.headers["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    String::from_utf8(reply.body).expect("UTF-8")
}

#[tokio::test]
async fn the_catalogue_copy_read_into_an_empty_server_comes_back_byte_for_byte() {
    let seeded = TestApp::seeded().await;
    // The seed has no projects, missions or documents: one of each, with lists, dates,
    // amounts and text a copy must carry exactly.
    let orgs = seeded.list(RecordKind::Organisation).await;
    let (a, b) = (orgs[0]["id"].clone(), orgs[1]["id"].clone());
    let project = seeded
        .json(
            Method::POST,
            "/api/v1/projects",
            &serde_json::json!({"title": "Customs reform «phase 2»", "accountable": a,
                "funders": [a, b], "countries": ["JM", "BB"], "budget": 1_250_000,
                "currency": "CAD", "starts": "2013-04-01",
                "description": "Two lines\nand a \"quote\"."}),
        )
        .await
        .expect(StatusCode::CREATED);
    seeded
        .json(
            Method::POST,
            "/api/v1/missions",
            &serde_json::json!({"title": "Risk management diagnostic", "provider": a,
                "beneficiary": b, "project": project["id"], "starts": "2013-05-06"}),
        )
        .await
        .expect(StatusCode::CREATED);
    seeded
        .json(
            Method::POST,
            "/api/v1/documents",
            &serde_json::json!({"title": "Mission report", "url": "https://example.org/r.pdf",
                "publisher": a, "project": project["id"]}),
        )
        .await
        .expect(StatusCode::CREATED);
    let copy = copy_of(&seeded).await;
    let records = copy.lines().count() - 2;
    assert!(
        records > 50,
        "the seed's records are all in the copy: {records}"
    );
    for kind in RecordKind::ALL {
        assert!(
            copy.contains(&format!("{{\"kind\":\"{}\"", kind.code())),
            "a {} is in the copy",
            kind.code()
        );
    }

    let empty = TestApp::empty().await;
    let dry = import(&empty, "format=json&dry_run=true", &copy)
        .await
        .expect(StatusCode::OK);
    assert_eq!(count(&dry, "creates"), records);
    assert!(
        empty.list(RecordKind::Organisation).await.is_empty(),
        "a dry run writes nothing"
    );
    let done = import(&empty, "format=json", &copy)
        .await
        .expect(StatusCode::OK);
    assert_eq!(done["failed"], serde_json::json!([]));
    assert_eq!(count(&done, "refused"), 0, "{done}");
    assert_eq!(copy_of(&empty).await, copy);

    let again = import(&empty, "format=json", &copy)
        .await
        .expect(StatusCode::OK);
    assert_eq!((count(&again, "creates"), count(&again, "updates")), (0, 0));
    assert_eq!(again["plan"]["unchanged"], records);
}

#[tokio::test]
async fn a_copy_is_for_signed_in_people_and_writes_only_what_the_account_may_write() {
    let seeded = TestApp::seeded().await;
    let copy = copy_of(&seeded).await;
    seeded
        .with_token(None)
        .get("/api/v1/catalogue")
        .await
        .expect_error(StatusCode::UNAUTHORIZED, "unauthenticated");

    let empty = TestApp::empty().await;
    let before = empty.state().await;
    let viewer = empty
        .signed_in_as("viewer@test.org", Role::Viewer, None)
        .await;
    let answer = import(&viewer, "format=json", &copy)
        .await
        .expect(StatusCode::OK);
    assert_eq!(count(&answer, "creates"), 0);
    assert_eq!(count(&answer, "refused"), copy.lines().count() - 2);
    assert_eq!(
        empty.state().await,
        before,
        "a viewer's copy stores nothing"
    );

    let e = import(&empty, "kind=projects&format=json", &copy)
        .await
        .expect_error(StatusCode::BAD_REQUEST, "invalid_query");
    assert!(e.message.contains("leave kind out"), "{}", e.message);
    let e = import(
        &empty,
        "format=json",
        "{\"format\":\"tradewinds-catalogue\",\"version\":9,\"records\":[]}",
    )
    .await
    .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_import");
    assert!(e.message.contains("version 9"), "{}", e.message);
    let e = import(&empty, "format=json", &copy[..copy.len() / 2])
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_import");
    assert!(
        e.message
            .contains("cannot be read as a catalogue copy at line"),
        "{}",
        e.message
    );
    assert_eq!(empty.state().await, before);
}

#[tokio::test]
async fn a_row_naming_a_removed_record_by_id_brings_it_back_and_the_plan_says_so() {
    let t = TestApp::seeded().await;
    let org = t.list(RecordKind::Organisation).await[0].clone();
    let id = org["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/organisations/{id}");
    assert_eq!(t.delete(&path).await.status, StatusCode::NO_CONTENT);
    t.get(&path)
        .await
        .expect_error(StatusCode::NOT_FOUND, "not_found");
    let csv = format!("Name,Id\n\"{}\",{id}\n", org["name"].as_str().unwrap());
    let done = import(&t, "kind=organisations&format=csv", &csv)
        .await
        .expect(StatusCode::OK);
    assert_eq!((count(&done, "creates"), count(&done, "updates")), (0, 1));
    assert_eq!(
        done["plan"]["updates"][0]["changes"][0]["after"],
        "restored"
    );
    assert_eq!(done["failed"], serde_json::json!([]));
    let back = t.get(&path).await.expect(StatusCode::OK);
    assert_eq!(back["name"], org["name"]);
}

#[tokio::test]
async fn an_iati_file_names_organisations_by_their_iati_identifier_first() {
    let t = TestApp::seeded().await;
    let orgs = t.list(RecordKind::Organisation).await;
    let cartac = orgs
        .iter()
        .find(|o| o["acronym"] == "CARTAC")
        .expect("seeded");
    let path = format!("/api/v1/organisations/{}", cartac["id"].as_str().unwrap());
    t.json(
        Method::PATCH,
        &path,
        &serde_json::json!({"iati_identifier": "XI-IATI-CARTAC"}),
    )
    .await
    .expect(StatusCode::OK);
    let e = t
        .json(
            Method::PATCH,
            &path,
            &serde_json::json!({"iati_identifier": "CARTAC"}),
        )
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_record");
    assert_eq!(e.fields[0].field, "iati_identifier", "{e:?}");
    // The file calls it by a name the catalogue does not know, with its identifier.
    let file = r#"<iati-activities version="2.03">
 <iati-activity default-currency="USD">
  <iati-identifier>XI-IATI-CARTAC-42</iati-identifier>
  <reporting-org ref="XI-IATI-CARTAC" type="40"><narrative>Caribbean TA Centre of the IMF</narrative></reporting-org>
  <title><narrative>Post-clearance audit</narrative></title>
  <participating-org ref="XI-IATI-CARTAC" role="1"><narrative>Caribbean TA Centre of the IMF</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="2" iso-date="2016-01-04"/>
  <recipient-country code="JM"/>
 </iati-activity>
</iati-activities>"#;
    let done = import(&t, "kind=projects&format=iati", file)
        .await
        .expect(StatusCode::OK);
    assert_eq!(count(&done, "refused"), 0, "{done}");
    let projects = t.list(RecordKind::Project).await;
    let p = projects
        .iter()
        .find(|p| p["identifier"] == "XI-IATI-CARTAC-42")
        .expect("imported");
    assert_eq!(p["accountable"], cartac["id"]);
    assert_eq!(p["funders"], serde_json::json!([cartac["id"]]));
}
