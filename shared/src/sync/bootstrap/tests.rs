//! The lean page gives back exactly what was encoded, refuses what does not add up, and
//! keeps records of kinds this release does not know.

use super::*;
use crate::sync::Mutation;
use proptest::prelude::*;
use serde_json::json;

fn dev(i: u8) -> DeviceId {
    Uuid::from_bytes([i; 16])
}

fn created(i: u8, by: Option<&str>) -> RecordState {
    let mut s = RecordState::new(RecordKind::Organisation, Uuid::from_bytes([i; 16]));
    let create = Mutation {
        n: i as u64,
        kind: s.kind,
        id: s.id,
        at: 1_764_330_000_000 + i as i64,
        set: [
            ("name".to_string(), json!(format!("Customs {i}"))),
            ("acronym".to_string(), json!(format!("C{i}"))),
            ("country".to_string(), json!("BB")),
        ]
        .into_iter()
        .collect(),
        ctx: BTreeMap::new(),
    };
    s.apply(dev(1), &create, by);
    s.seq = i as u64 * 3;
    s
}

fn round_trip(states: &[RecordState]) -> Vec<RecordState> {
    decode_page(&encode_page(states))
        .unwrap()
        .into_iter()
        .map(|r| r.into_state().unwrap())
        .collect()
}

#[test]
fn records_written_by_one_mutation_carry_one_write() {
    let states = [created(1, Some("Ana Smith")), created(2, None)];
    assert_eq!(round_trip(&states), states);
    let v: Value = serde_json::from_str(&encode_page(&states)).unwrap();
    assert_eq!(v["d"], json!([wire_id::encode(&dev(1))]));
    assert_eq!(v["b"], json!(["Ana Smith"]));
    let first = &v["r"][0];
    assert_eq!(first[3], json!([0, 1, 1_764_330_000_001i64, 1]));
    assert_eq!(first[4]["name"], json!("Customs 1"));
    assert_eq!(
        first.as_array().unwrap().len(),
        5,
        "no other fields: {first}"
    );
}

#[test]
fn edited_and_conflicting_fields_are_kept_whole() {
    let mut s = created(3, Some("Ana Smith"));
    // Edited by another device having seen the creation.
    let edit = s
        .edit(
            7,
            1_764_330_100_000,
            [("name".to_string(), json!("CED"))].into_iter().collect(),
        )
        .unwrap();
    s.apply(dev(2), &edit, Some("Ben Jones"));
    // And concurrently by a third that had not.
    let blind = Mutation {
        n: 1,
        kind: s.kind,
        id: s.id,
        at: 1_764_330_100_001,
        set: [("name".to_string(), json!("C.E.D."))]
            .into_iter()
            .collect(),
        ctx: BTreeMap::new(),
    };
    s.apply(dev(3), &blind, None);
    assert!(s.fields["name"].in_conflict());
    assert_eq!(round_trip(std::slice::from_ref(&s)), vec![s.clone()]);
    let v: Value = serde_json::from_str(&encode_page(&[s])).unwrap();
    assert!(v["r"][0][5]["name"].is_array(), "{v}");
    assert!(v["r"][0][4].get("name").is_none(), "{v}");
}

#[test]
fn a_record_of_an_unknown_kind_is_kept_in_the_compact_form() {
    let s = created(4, Some("Ana Smith"));
    let page = encode_page(std::slice::from_ref(&s)).replace("\"organisation\"", "\"vessel\"");
    let record = decode_page(&page).unwrap().pop().unwrap();
    let (kind, id, json) = record.into_state().unwrap_err();
    assert_eq!((kind.as_str(), id), ("vessel", s.id));
    let back = serde_json::from_str::<RecordState>(&json.replace("\"vessel\"", "\"organisation\""))
        .unwrap();
    assert_eq!(back, s);
}

#[test]
fn a_page_that_does_not_add_up_is_refused_with_the_reason() {
    let s = created(5, None);
    let page = encode_page(std::slice::from_ref(&s));
    let cases = [
        (page.replace("\"d\":[", "\"d\":[\"x\","), "device table"),
        (
            page.replace(",[0,5,", ",[7,5,"),
            "device 7 is not in the page's device table",
        ),
        (page.replace(",[0,5,", ",1,"), "main write 1"),
        (
            page.replace(&format!(",[0,5,{},0]", 1_764_330_000_005i64), ",0"),
            "fields without a main write",
        ),
        (page.replace("}]]}", "},{},9]]}"), "more than six elements"),
        (
            "{\"d\":[],\"r\":[[\"organisation\"]]}".to_owned(),
            "without its id",
        ),
        ("not json".to_owned(), "bootstrap page"),
    ];
    for (bad, says) in cases {
        let e = decode_page(&bad).unwrap_err();
        assert!(e.contains(says), "{bad}\n→ {e}\n(expected: {says})");
    }
}

#[test]
fn the_bound_is_the_records_alone() {
    let s = created(6, Some("Ana Smith"));
    let line = plain_ndjson(std::slice::from_ref(&s));
    let v: Value = serde_json::from_str(line.trim_end()).unwrap();
    assert_eq!(v["fields"]["name"], json!("Customs 6"));
    assert_eq!(v["kind"], json!("organisation"));
    assert!(!line.contains("Ana"), "{line}");
}

fn arb_state() -> impl Strategy<Value = RecordState> {
    let write = (0u8..4, 1u64..6, 0i64..3, prop::option::of(0u8..3), 0u8..4).prop_map(
        |(d, n, at, by, v)| FieldWrite {
            value: json!(v),
            dot: Dot { device: dev(d), n },
            at,
            by: by.map(|b| format!("author {b}")),
        },
    );
    let field = (
        prop::collection::vec(write, 0..3),
        prop::collection::btree_map(0u8..5, 1u64..9, 0..3),
    )
        .prop_map(|(writes, seen)| FieldState {
            writes,
            seen: VersionVector(seen.into_iter().map(|(d, n)| (dev(d), n)).collect()),
        });
    (
        0u8..255,
        0u64..1000,
        prop::collection::btree_map("[a-e]", field, 0..5),
    )
        .prop_map(|(i, seq, fields)| RecordState {
            kind: RecordKind::Organisation,
            id: Uuid::from_bytes([i; 16]),
            fields,
            seq,
        })
}

proptest! {
    #[test]
    fn any_page_decodes_to_what_was_encoded(states in prop::collection::vec(arb_state(), 0..6)) {
        prop_assert_eq!(round_trip(&states), states);
    }
}
