//! A copy of a small catalogue of every linked kind: written in a fixed order, read back into
//! an empty catalogue byte for byte, read again changing nothing, and the files and records
//! a copy must not take.

use serde_json::json;

use super::*;
use crate::access::Role;
use crate::i18n::Words;

const CARTAC: Uuid = Uuid::from_u128(0xc);
const JAMAICA: Uuid = Uuid::from_u128(0x1a);
const MEETING: Uuid = Uuid::from_u128(0x2012);
const PROJECT: Uuid = Uuid::from_u128(0x9);

fn actor(role: Role, organisation: Option<Uuid>) -> Actor {
    Actor {
        user: Uuid::from_u128(1),
        role,
        organisation,
    }
}

fn coordinator() -> Actor {
    actor(Role::Coordinator, None)
}

fn record(kind: RecordKind, id: Uuid, fields: Value) -> RecordState {
    let Value::Object(set) = fields else {
        unreachable!()
    };
    let m = RecordState::new(kind, id).edit(1, 1, set).unwrap();
    RecordState::check_mutation(None, Uuid::from_u128(99), &m, None).unwrap()
}

/// A catalogue given in a jumbled order, with a removed organisation.
fn catalogue() -> Vec<RecordState> {
    let removed = {
        let r = record(
            RecordKind::Organisation,
            Uuid::from_u128(0xdead),
            json!({"name": "Closed office"}),
        );
        let m = r.edit(2, 2, json!({"deleted": true}).as_object().unwrap().clone());
        RecordState::check_mutation(Some(&r), Uuid::from_u128(99), &m.unwrap(), None).unwrap()
    };
    vec![
        record(
            RecordKind::ActionItem,
            Uuid::from_u128(0xa1),
            json!({"meeting": MEETING.to_string(), "text": "Share mission reports within a month.",
                   "owner": CARTAC.to_string(), "co_owners": [JAMAICA.to_string()],
                   "due": "2013-Q2", "status": "open"}),
        ),
        record(
            RecordKind::Project,
            PROJECT,
            json!({"title": "Customs reform", "identifier": "CA-3-A035529001",
                   "accountable": CARTAC.to_string(), "funders": [CARTAC.to_string()],
                   "countries": ["JM", "BB"], "topics": ["risk_management"], "budget": 1_250_000,
                   "currency": "CAD", "starts": "2012-04-01",
                   "description": "Two lines\nand a quote \" and ünïcode."}),
        ),
        removed,
        record(
            RecordKind::Organisation,
            JAMAICA,
            json!({"name": "Jamaica Customs Agency", "category": "customs_administration",
                   "country": "JM", "parent": CARTAC.to_string()}),
        ),
        record(
            RecordKind::Meeting,
            MEETING,
            json!({"title": "Donor coordination meeting", "starts": "2012-11-26",
                   "organiser": CARTAC.to_string(), "attendees": [JAMAICA.to_string()]}),
        ),
        record(
            RecordKind::Organisation,
            CARTAC,
            json!({"name": "Caribbean Regional Technical Assistance Centre", "acronym": "CARTAC",
                   "category": "ta_provider", "country": "BB", "languages": ["en", "fr"]}),
        ),
    ]
}

/// The records after writing a plan's rows into `records`, as a device or server would.
fn applied(mut records: Vec<RecordState>, plan: &Plan) -> Vec<RecordState> {
    for p in plan.creates.iter().chain(&plan.updates) {
        let i = records
            .iter()
            .position(|r| r.kind == p.kind && r.id == p.id);
        let base = i.map_or_else(|| RecordState::new(p.kind, p.id), |i| records[i].clone());
        let m = base.edit(3, 3, p.set.clone()).unwrap();
        let next = RecordState::check_mutation(Some(&base), Uuid::from_u128(98), &m, None).unwrap();
        match i {
            Some(i) => records[i] = next,
            None => records.push(next),
        }
    }
    records
}

#[test]
fn a_copy_lists_live_records_by_kind_then_id_one_a_line() {
    let text = write(&catalogue());
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        r#"{"format":"tradewinds-catalogue","version":1,"records":["#
    );
    assert_eq!(*lines.last().unwrap(), "]}");
    let kinds_and_ids: Vec<(String, String)> = lines[1..lines.len() - 1]
        .iter()
        .map(|l| {
            let v: Value = serde_json::from_str(l.trim_end_matches(',')).unwrap();
            (
                v["kind"].as_str().unwrap().to_owned(),
                v["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("organisation", CARTAC),
        ("organisation", JAMAICA),
        ("meeting", MEETING),
        ("action_item", Uuid::from_u128(0xa1)),
        ("project", PROJECT),
    ];
    assert_eq!(
        kinds_and_ids,
        expected
            .iter()
            .map(|(k, id)| (k.to_string(), id.to_string()))
            .collect::<Vec<_>>(),
        "removed records are left out"
    );
    assert!(!text.contains("\"deleted\""), "{text}");
    assert_eq!(
        write(&[]),
        "{\"format\":\"tradewinds-catalogue\",\"version\":1,\"records\":[\n]}\n"
    );
}

#[test]
fn a_copy_read_into_an_empty_catalogue_comes_back_byte_for_byte_and_again_changes_nothing() {
    let records = catalogue();
    let text = write(&records);
    let copy = read(&text).unwrap();
    let plan = plan(&copy, &[], &coordinator(), Words::ENGLISH);
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    assert_eq!((plan.creates.len(), plan.updates.len()), (5, 0));
    assert_eq!(
        plan.creates[0].title,
        "Organisation: Caribbean Regional Technical Assistance Centre"
    );
    let restored = applied(Vec::new(), &plan);
    assert_eq!(write(&restored), text);

    let again = super::plan(&copy, &restored, &coordinator(), Words::ENGLISH);
    assert_eq!(
        (
            again.creates.len(),
            again.updates.len(),
            again.unchanged,
            again.refused.len()
        ),
        (0, 0, 5, 0)
    );
    // Read against the original (removed record and all): nothing to do either.
    let against_original = super::plan(&copy, &records, &coordinator(), Words::ENGLISH);
    assert_eq!(against_original.unchanged, 5);
}

#[test]
fn a_copy_with_an_edited_field_changes_that_field_and_names_it() {
    let records = catalogue();
    let text = write(&records).replace("\"acronym\":\"CARTAC\"", "\"acronym\":\"CARTAC-IMF\"");
    let plan = plan(
        &read(&text).unwrap(),
        &records,
        &coordinator(),
        Words::ENGLISH,
    );
    assert_eq!((plan.updates.len(), plan.unchanged), (1, 4), "{plan:?}");
    let change = &plan.updates[0].changes[0];
    assert_eq!(
        (change.field, change.before.as_str(), change.after.as_str()),
        ("Acronym", "CARTAC", "CARTAC-IMF")
    );
    assert_eq!(plan.updates[0].set.len(), 1);
}

#[test]
fn records_this_release_cannot_take_are_refused_one_by_one_and_the_rest_go_in() {
    let text = format!(
        "{{\"format\":\"tradewinds-catalogue\",\"version\":1,\"records\":[\n\
         {{\"kind\":\"organisation\",\"id\":\"{CARTAC}\",\"fields\":{{\"name\":\"CARTAC\"}}}},\n\
         {{\"kind\":\"vessel\",\"id\":\"{JAMAICA}\",\"fields\":{{}}}},\n\
         {{\"kind\":\"organisation\",\"id\":\"not-an-id\",\"fields\":{{\"name\":\"X\"}}}},\n\
         {{\"kind\":\"organisation\",\"id\":\"{CARTAC}\",\"fields\":{{\"name\":\"Again\"}}}},\n\
         {{\"kind\":\"organisation\",\"id\":\"{JAMAICA}\",\"fields\":{{\"name\":\"\",\"country\":\"XX\"}}}},\n\
         {{\"kind\":\"organisation\",\"id\":\"{MEETING}\",\"fields\":{{\"name\":\"Y\",\"tonnage\":5}}}},\n\
         {{\"kind\":\"contact\",\"id\":\"{CARTAC}\",\"fields\":{{\"role_title\":\"Adviser\"}}}}\n\
         ]}}"
    );
    let plan = plan(&read(&text).unwrap(), &[], &coordinator(), Words::ENGLISH);
    assert_eq!(plan.creates.len(), 1);
    let reasons: Vec<(usize, String)> = plan
        .refused
        .iter()
        .map(|r| {
            (
                r.line,
                r.problems
                    .iter()
                    .map(|p| format!("{}: {}", p.column, p.what))
                    .collect::<Vec<_>>()
                    .join(" | "),
            )
        })
        .collect();
    assert_eq!(
        reasons[0],
        (
            2,
            ": “vessel” is not a kind of record this release knows.".into()
        )
    );
    assert_eq!(reasons[1], (3, ": “not-an-id” is not a record id.".into()));
    assert_eq!(
        reasons[2],
        (
            4,
            ": The copy holds this record twice: only the first is read.".into()
        )
    );
    assert_eq!(reasons[3].0, 5);
    assert!(reasons[3].1.contains("Name: "), "{reasons:?}");
    assert!(reasons[3].1.contains("Country: "), "{reasons:?}");
    assert_eq!(reasons[4].0, 6);
    assert!(reasons[4].1.contains("tonnage"), "{reasons:?}");
    assert_eq!(
        reasons[5],
        (
            7,
            ": This id belongs to a record of another kind here (Organisation); a record keeps its kind."
                .into()
        )
    );
}

#[test]
fn the_access_rules_hold_for_every_record_of_a_copy() {
    let text = write(&catalogue());
    let copy = read(&text).unwrap();
    let viewer = plan(&copy, &[], &actor(Role::Viewer, None), Words::ENGLISH);
    assert_eq!((viewer.creates.len(), viewer.refused.len()), (0, 5));
    // An office editor may add records of their own organisation, never organisations.
    let office = plan(
        &copy,
        &[],
        &actor(Role::OfficeEditor, Some(JAMAICA)),
        Words::ENGLISH,
    );
    assert!(office
        .refused
        .iter()
        .any(|r| r.title.starts_with("Organisation: ")));
    assert!(office
        .creates
        .iter()
        .all(|p| p.kind != RecordKind::Organisation));
    // And may not change another organisation's record through a copy.
    let mut records = catalogue();
    records.retain(|r| !r.is_deleted());
    let edited = text.replace("Customs reform", "Customs reform (taken over)");
    let office = plan(
        &read(&edited).unwrap(),
        &records,
        &actor(Role::OfficeEditor, Some(JAMAICA)),
        Words::ENGLISH,
    );
    assert!(office.updates.is_empty(), "{office:?}");
    assert_eq!(office.refused.len(), 1);
}

#[test]
fn files_that_are_not_copies_are_named_as_such() {
    let broken = read("{\"format\":\"tradewinds-catalogue\",\n\"version\":1,\n\"records\":[{]}")
        .unwrap_err();
    assert!(
        broken
            .to_string()
            .starts_with("The file cannot be read as a catalogue copy at line 3: "),
        "{broken}"
    );
    let other = read("{\"name\":\"package.json\"}").unwrap_err();
    assert!(
        other
            .to_string()
            .contains("not a copy of a Tradewinds catalogue"),
        "{other}"
    );
    let newer =
        read("{\"format\":\"tradewinds-catalogue\",\"version\":2,\"records\":[]}").unwrap_err();
    assert!(newer.to_string().contains("version 2"), "{newer}");
    let shapeless = read("{\"format\":\"tradewinds-catalogue\",\"version\":1,\"records\":[{\"kind\":\"organisation\"}]}")
        .unwrap_err();
    assert!(
        shapeless.to_string().contains("missing field `id`"),
        "{shapeless}"
    );
    let csv = read("Name,Country\r\nCARTAC,BB\r\n").unwrap_err();
    assert!(csv.to_string().contains("at line 1"), "{csv}");
    // A byte-order mark, as some editors save, is read past.
    let with_bom = format!("\u{feff}{}", write(&catalogue()));
    assert_eq!(read(&with_bom).unwrap().records.len(), 5);
}

#[test]
fn a_record_removed_since_the_copy_was_made_comes_back_for_those_who_may_restore_it() {
    let mut before = catalogue();
    before.retain(|r| !r.is_deleted());
    before.push(record(
        RecordKind::Organisation,
        Uuid::from_u128(0xdead),
        json!({"name": "Closed office"}),
    ));
    let copy = read(&write(&before)).unwrap();
    let now = catalogue();
    let plan = plan(&copy, &now, &coordinator(), Words::ENGLISH);
    assert_eq!((plan.updates.len(), plan.unchanged), (1, 5), "{plan:?}");
    assert_eq!(plan.updates[0].title, "Organisation: Closed office");
    assert_eq!(plan.updates[0].changes[0].after, "restored");
    let restored = applied(now, &plan);
    assert_eq!(write(&restored), write(&before));
}
