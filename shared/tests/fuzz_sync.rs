//! Fuzzing the sync payload path the server runs on every push: decode the body, check each
//! mutation against the record it changes, check who may make it. Whatever the bytes, this
//! must never panic, and what decodes must re-encode to the same message.
//! (A longer run found that floats may change in their last digit through serde_json; see
//! `decode_and_check`.)
//!
//! Bounded in `make test` (proptest's default number of cases); run longer by hand:
//! `PROPTEST_CASES=200000 cargo test -p tradewinds-shared --test fuzz_sync --release`.

use std::collections::HashMap;

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use tradewinds_shared::access::{Actor, Role};
use tradewinds_shared::sync::{PullResponse, PushRequest, RecordState, Snapshot};
use uuid::Uuid;

/// Decodes a push body and runs it through validation and access checks, as the server does.
fn decode_and_check(bytes: &[u8]) {
    let _ = serde_json::from_slice::<PullResponse>(bytes);
    let _ = serde_json::from_slice::<Snapshot>(bytes);
    let Ok(req) = serde_json::from_slice::<PushRequest>(bytes) else {
        return;
    };
    let encoded = serde_json::to_vec(&req).expect("a decoded request encodes");
    let again: PushRequest = serde_json::from_slice(&encoded).expect("and decodes again");
    // Equal but for the last digit of huge or tiny floats (serde_json's fast float parsing
    // is not always correctly rounded; no catalogue field holds a float).
    let outline = |r: &PushRequest| -> Vec<_> {
        r.mutations
            .iter()
            .map(|m| {
                (
                    m.n,
                    m.kind,
                    m.id,
                    m.at,
                    m.set.keys().cloned().collect::<Vec<_>>(),
                )
            })
            .collect()
    };
    assert_eq!((again.device, outline(&again)), (req.device, outline(&req)));
    let org = Uuid::from_u128(7);
    let actors: Vec<Actor> = Role::ALL
        .iter()
        .map(|&role| Actor {
            user: Uuid::from_u128(1),
            role,
            organisation: Some(org),
        })
        .collect();
    let mut records: HashMap<Uuid, RecordState> = HashMap::new();
    for m in &req.mutations {
        let current = records.get(&m.id);
        match RecordState::check_mutation(current, req.device, m, Some("fuzz")) {
            Ok(next) => {
                for actor in &actors {
                    let _ = actor.check_write(current, &next, m);
                    let _ = actor.may_edit(&next);
                }
                let _ = next.values();
                let _ = next.conflicts().count();
                records.insert(m.id, next);
            }
            Err(e) => assert!(!e.0.is_empty(), "a refusal names its problem"),
        }
    }
}

const FIELDS: &[&str] = &[
    "name",
    "acronym",
    "category",
    "country",
    "website",
    "parent",
    "status",
    "successor",
    "languages",
    "memberships",
    "description",
    "source",
    "deleted",
    "organisation",
    "role_title",
    "email",
    "phone",
    "title",
    "provider",
    "programme",
    "format",
    "topics",
    "last_verified",
    "owner",
    "started",
    "",
    "ünïcödé",
    "__proto__",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        "\\PC{0,40}".prop_map(Value::String),
        prop::sample::select(vec![
            "donor",
            "active",
            "defunct",
            "en",
            "fr",
            "BB",
            "MS",
            "e_learning",
            "https://www.wcoomd.org",
            "2012-10-15",
            "00000000-0000-0000-0000-000000000007",
        ])
        .prop_map(|s| Value::String(s.into())),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{0,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn uuid_like() -> impl Strategy<Value = Value> {
    prop_oneof![(0u128..12).prop_map(|n| json!(Uuid::from_u128(n))), leaf(),]
}

fn mutation() -> impl Strategy<Value = Value> {
    let set = prop::collection::btree_map(prop::sample::select(FIELDS), value(), 0..5);
    let ctx = prop::collection::btree_map(
        prop::sample::select(FIELDS),
        prop::collection::btree_map("[0-9a-f-]{0,36}", any::<u64>(), 0..3).prop_map(|m| json!(m)),
        0..3,
    );
    (
        any::<u64>(),
        prop::sample::select(vec![
            "organisation",
            "contact",
            "training_tool",
            "programme",
            "widget",
        ]),
        uuid_like(),
        any::<i64>(),
        set,
        ctx,
        prop::option::of(("[a-z]{1,6}", value())),
    )
        .prop_map(|(n, kind, id, at, set, ctx, extra)| {
            let mut m = Map::new();
            m.insert("n".into(), json!(n % 8));
            m.insert("kind".into(), json!(kind));
            m.insert("id".into(), id);
            m.insert("at".into(), json!(at));
            m.insert("set".into(), json!(set));
            if !ctx.is_empty() {
                m.insert("ctx".into(), json!(ctx));
            }
            if let Some((k, v)) = extra {
                m.insert(k, v);
            }
            Value::Object(m)
        })
}

fn push_body() -> impl Strategy<Value = Value> {
    (uuid_like(), prop::collection::vec(mutation(), 0..6))
        .prop_map(|(device, mutations)| json!({ "device": device, "mutations": mutations }))
}

/// Mostly valid contact mutations (own or another organisation), with one random field: so
/// that the access checks and the merge run, not only the refusals.
fn nearly_valid_push() -> impl Strategy<Value = Value> {
    let one = (
        0u128..4,
        prop::sample::select(vec![7u128, 8]),
        prop::sample::select(FIELDS),
        leaf(),
        any::<bool>(),
    )
        .prop_map(|(id, org, field, value, delete)| {
            let mut set = Map::new();
            set.insert("organisation".into(), json!(Uuid::from_u128(org)));
            set.insert("role_title".into(), json!("Comptroller"));
            set.insert(field.into(), value);
            if delete {
                set.insert("deleted".into(), json!(true));
            }
            json!({"n": 1, "kind": "contact", "id": Uuid::from_u128(100 + id), "at": 1, "set": set})
        });
    prop::collection::vec(one, 1..8).prop_map(|ms| {
        let ms: Vec<Value> = ms
            .into_iter()
            .enumerate()
            .map(|(i, mut m)| {
                m["n"] = json!(i + 1);
                m
            })
            .collect();
        json!({"device": Uuid::from_u128(1), "mutations": ms})
    })
}

proptest! {
    #[test]
    fn nearly_valid_payloads_never_panic(body in nearly_valid_push()) {
        decode_and_check(&serde_json::to_vec(&body).unwrap());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        decode_and_check(&bytes);
    }

    #[test]
    fn push_shaped_payloads_never_panic(body in push_body()) {
        decode_and_check(&serde_json::to_vec(&body).unwrap());
    }

    #[test]
    fn cut_and_flipped_payloads_never_panic(body in push_body(), cut in any::<prop::sample::Index>(), flip in any::<u8>()) {
        let mut bytes = serde_json::to_vec(&body).unwrap();
        let at = cut.index(bytes.len().max(1));
        if at < bytes.len() {
            bytes[at] ^= flip;
        }
        decode_and_check(&bytes);
        decode_and_check(&bytes[..at.min(bytes.len())]);
    }
}
