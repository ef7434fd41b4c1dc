//! The compact form round-trips, is smaller than the earlier one, and reads it.

use super::*;
use proptest::prelude::*;
use serde_json::json;

fn dev(i: u8) -> DeviceId {
    Uuid::from_bytes([i; 16])
}

fn write(value: Value, d: u8, n: u64, at: i64, by: Option<&str>) -> FieldWrite {
    FieldWrite {
        value,
        dot: Dot { device: dev(d), n },
        at,
        by: by.map(str::to_owned),
    }
}

fn sample() -> RecordState {
    let mut s = RecordState::new(RecordKind::Organisation, Uuid::from_bytes([7; 16]));
    s.seq = 42;
    s.fields.insert(
        "name".into(),
        FieldState {
            writes: vec![
                write(json!("CARTAC"), 1, 3, 10, Some("Ana")),
                write(json!("CARTAC (IMF)"), 2, 1, 11, None),
            ],
            seen: VersionVector([(dev(1), 3), (dev(2), 1)].into()),
        },
    );
    s.fields.insert(
        "website".into(),
        FieldState {
            writes: vec![write(json!("https://cartac.org"), 3, 9, 12, Some("Ben"))],
            seen: VersionVector([(dev(3), 9), (dev(1), 2)].into()),
        },
    );
    s
}

/// The earlier form, as derived serde wrote it (device ids hyphenated everywhere).
fn legacy_json(s: &RecordState) -> Value {
    let fields: serde_json::Map<String, Value> = s
        .fields
        .iter()
        .map(|(name, f)| {
            let seen: serde_json::Map<String, Value> = f
                .seen
                .0
                .iter()
                .map(|(d, n)| (d.to_string(), json!(n)))
                .collect();
            (name.clone(), json!({"w": f.writes, "s": seen}))
        })
        .collect();
    json!({"kind": s.kind, "id": s.id, "f": fields, "seq": s.seq})
}

#[test]
fn compact_form_round_trips_and_is_smaller() {
    let s = sample();
    let text = serde_json::to_string(&s).unwrap();
    assert_eq!(serde_json::from_str::<RecordState>(&text).unwrap(), s);
    let legacy = serde_json::to_string(&legacy_json(&s)).unwrap();
    assert!(
        text.len() < legacy.len(),
        "{} vs {}",
        text.len(),
        legacy.len()
    );
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["d"].as_array().unwrap().len(), 3);
    assert_eq!(v["b"], json!(["Ana", "Ben"]));
    assert_eq!(v["c"]["name"][0][1], json!(["CARTAC (IMF)", 1, 1, 11, 0]));
}

#[test]
fn a_typical_record_takes_two_fifths_of_the_space() {
    // Created with ten fields by one device and edited twice by another.
    let mut s = RecordState::new(RecordKind::Organisation, Uuid::from_bytes([7; 16]));
    let fields = [
        "name", "acronym", "category", "country", "website", "email", "phone", "address", "notes",
        "status",
    ];
    let create = super::super::Mutation {
        n: 1,
        kind: s.kind,
        id: s.id,
        at: 1_764_330_000_000,
        set: fields
            .iter()
            .map(|f| (f.to_string(), json!("x".repeat(12))))
            .collect(),
        ctx: BTreeMap::new(),
    };
    s.apply(dev(1), &create, Some("Ana Smith"));
    for n in 1..=2 {
        let edit = s
            .edit(
                n,
                1_764_330_000_000 + n as i64,
                [("notes".to_string(), json!(n))].into_iter().collect(),
            )
            .unwrap();
        s.apply(dev(2), &edit, Some("Ben Jones"));
    }
    let text = serde_json::to_string(&s).unwrap();
    let legacy = serde_json::to_string(&legacy_json(&s)).unwrap();
    assert!(
        text.len() * 5 < legacy.len() * 2,
        "{} vs {}",
        text.len(),
        legacy.len()
    );
}

#[test]
fn some_fields_only() {
    let s = sample();
    for text in [
        serde_json::to_string(&s).unwrap(),
        legacy_json(&s).to_string(),
    ] {
        let head = RecordState::from_json_with_only(&text, &["website", "deleted"]).unwrap();
        assert_eq!((head.kind, head.id, head.seq), (s.kind, s.id, s.seq));
        assert_eq!(head.fields.len(), 1);
        assert_eq!(head.fields["website"], s.fields["website"]);
        assert!(RecordState::from_json_with_only(&format!("{text} x"), &[]).is_err());
    }
}

#[test]
fn the_head_of_a_record_of_any_kind_is_read() {
    let text = serde_json::to_string(&sample()).unwrap();
    assert_eq!(
        record_head(&text).unwrap(),
        ("organisation".to_owned(), Uuid::from_bytes([7; 16]))
    );
    let future = text.replacen("\"organisation\"", "\"survey\"", 1);
    assert!(serde_json::from_str::<RecordState>(&future).is_err());
    assert_eq!(record_head(&future).unwrap().0, "survey");
}

#[test]
fn earlier_form_is_still_read() {
    let s = sample();
    let back: RecordState = serde_json::from_value(legacy_json(&s)).unwrap();
    assert_eq!(back, s);
}

#[test]
fn bad_positions_are_named() {
    // (one field's writes and seen list, what the error must name)
    let cases = [
        (json!([[["x", 1, 1, 0, 0]], [0, 1]]), "field name: device 1"),
        (json!([[["x", 0, 1, 0, 2]], [0, 1]]), "author 2"),
        (json!([[["x", 0, 1, 0, 0]], [0]]), "odd length"),
    ];
    for (field, expected) in cases {
        let bad = json!({"kind": "organisation", "id": Uuid::nil(), "d": [dev(1)],
            "c": {"name": field}});
        let e = serde_json::from_value::<RecordState>(bad)
            .unwrap_err()
            .to_string();
        assert!(e.contains(expected), "{e}");
    }
    let none = json!({"kind": "organisation", "id": Uuid::nil()});
    assert!(serde_json::from_value::<RecordState>(none).is_err());
}

fn arb_field() -> impl Strategy<Value = FieldState> {
    let w = (
        prop_oneof![
            any::<String>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<bool>().prop_map(Value::from),
            Just(Value::Null),
        ],
        0u8..5,
        0u64..1000,
        any::<i64>(),
        prop::option::of(prop_oneof![Just("Ana"), Just("Ben"), Just("Zoë")]),
    )
        .prop_map(|(v, d, n, at, by)| write(v, d, n, at, by));
    (
        prop::collection::vec(w, 0..4),
        prop::collection::btree_map(0u8..6, 0u64..1000, 0..4),
    )
        .prop_map(|(writes, seen)| FieldState {
            writes,
            seen: VersionVector(seen.into_iter().map(|(d, n)| (dev(d), n)).collect()),
        })
}

proptest! {
    #[test]
    fn any_state_round_trips_in_both_forms(
        fields in prop::collection::btree_map("[a-z_]{1,12}", arb_field(), 0..8),
        seq in any::<u64>(),
    ) {
        let mut s = RecordState::new(RecordKind::TrainingTool, Uuid::from_bytes([3; 16]));
        s.fields = fields;
        s.seq = seq;
        let text = serde_json::to_string(&s).unwrap();
        prop_assert_eq!(&serde_json::from_str::<RecordState>(&text).unwrap(), &s);
        prop_assert_eq!(&serde_json::from_value::<RecordState>(legacy_json(&s)).unwrap(), &s);
    }
}
