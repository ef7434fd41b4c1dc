//! The sync endpoint through `app().oneshot(..)`: pushes are applied once, in order, and
//! checked like REST writes; pulls page through the change log; concurrent edits merge per
//! field.

use axum::http::{header, Method, StatusCode};
use serde_json::{json, Value};
use tradewinds_server::{seed, store::now_ms};
use tradewinds_shared::{
    sync::{Cursor, Mutation, PullResponse, PushResponse, RecordState, MAX_FUTURE_SKEW_MS},
    RecordKind,
};
use uuid::Uuid;

use crate::common::{assert_fields, fields, new_org, Reply, TestApp};

/// A device's view of the catalogue: the records it has and its mutation counter.
struct Device {
    id: Uuid,
    next: u64,
}

/// The name the server gives `TestApp`'s default account's writes.
const AUTHOR: &str = "coordinator";

impl Device {
    fn new() -> Device {
        Device {
            id: Uuid::new_v4(),
            next: 1,
        }
    }

    /// The device's next mutation: `changes` to `record` as it has it, applied to it locally.
    fn edit(&mut self, record: &mut RecordState, at: i64, changes: Value) -> Mutation {
        let m = record
            .edit(self.next, at, fields(changes))
            .expect("the edit changes something");
        // As the app does: its own writes carry the signed-in person's name.
        record.apply(self.id, &m, Some(AUTHOR));
        self.next += 1;
        m
    }
}

impl Device {
    /// A new device that creates an organisation and renames it `count - 1` times (its
    /// mutations 1 to `count`), and the record as it has it.
    fn renaming_an_organisation(count: i64) -> (Device, RecordState, Vec<Mutation>) {
        let mut device = Device::new();
        let mut local = RecordState::new(RecordKind::Organisation, Uuid::new_v4());
        let now = now_ms();
        let ms = (0..count)
            .map(|i| device.edit(&mut local, now + i, new_org(&format!("Name {i}"))))
            .collect();
        (device, local, ms)
    }
}

fn record(snapshot_records: &[RecordState], id: Uuid) -> RecordState {
    snapshot_records
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("record {id}"))
        .clone()
}

impl TestApp {
    async fn pull(&self, cursor: &Cursor, limit: Option<u32>) -> PullResponse {
        let mut path = format!("/api/v1/sync/pull?cursor={}", cursor.0);
        if let Some(limit) = limit {
            path += &format!("&limit={limit}");
        }
        serde_json::from_value(self.get(&path).await.expect(StatusCode::OK)).expect("PullResponse")
    }
}

#[tokio::test]
async fn pushed_mutations_are_applied_and_shown() {
    let t = TestApp::seeded().await;
    let snapshot = t.snapshot().await;
    let mut device = Device::new();
    let id = Uuid::new_v4();
    let mut local = RecordState::new(RecordKind::Organisation, id);
    let now = now_ms();
    let create = device.edit(&mut local, now, new_org("Caribbean Development Bank"));
    let rename = device.edit(&mut local, now + 1, json!({"acronym": "CDB"}));

    let response = t.push(device.id, &[create, rename]).await;
    assert_eq!(
        response,
        PushResponse {
            last_applied: 2,
            rejections: vec![]
        }
    );
    assert_eq!(t.store.last_mutation(device.id).await.expect("counter"), 2);

    let shown = t
        .get(&format!("/api/v1/organisations/{id}"))
        .await
        .expect(StatusCode::OK);
    assert_eq!(shown["name"], "Caribbean Development Bank");
    assert_eq!(shown["acronym"], "CDB");

    let pulled = t.pull(&snapshot.cursor, None).await;
    assert!(!pulled.reset);
    assert_eq!(pulled.records.len(), 1);
    assert_eq!(
        pulled.records[0].fields, local.fields,
        "the server merged to the device's own state"
    );
}

#[tokio::test]
async fn duplicates_are_ignored_and_answered_alike() {
    let t = TestApp::seeded().await;
    let mut device = Device::new();
    let id = Uuid::new_v4();
    let mut local = RecordState::new(RecordKind::Organisation, id);
    let now = now_ms();
    let batch = vec![
        device.edit(&mut local, now, new_org("Caribbean Development Bank")),
        device.edit(&mut local, now + 1, json!({"country": "XX"})),
        device.edit(&mut local, now + 2, json!({"acronym": "CDB"})),
    ];

    let first = t.push(device.id, &batch).await;
    assert_eq!(first.last_applied, 3);
    assert_eq!(first.rejections.len(), 1);
    assert_eq!(first.rejections[0].n, 2);
    let before = t.state().await;

    let again = t.push(device.id, &batch).await;
    assert_eq!(again, first, "a retried push gets the same answer");
    let tail = t.push(device.id, &batch[1..]).await;
    assert_eq!(tail, first);
    assert_eq!(t.state().await, before, "nothing was applied twice");

    let stored = t
        .store
        .get(RecordKind::Organisation, id)
        .await
        .unwrap()
        .unwrap();
    assert!(stored.fields.values().all(|f| f.writes.len() == 1));
    assert_eq!(stored.values()["acronym"], "CDB");

    // A batch overlapping what was processed applies only the new part.
    let next = device.edit(
        &mut local,
        now + 3,
        json!({"description": "Barbados-based."}),
    );
    let overlap = t.push(device.id, &[batch[2].clone(), next]).await;
    assert_eq!(
        overlap,
        PushResponse {
            last_applied: 4,
            rejections: vec![]
        }
    );
    let stored = t
        .store
        .get(RecordKind::Organisation, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.fields["acronym"].writes.len(), 1);
    assert_eq!(stored.values()["description"], "Barbados-based.");
}

#[tokio::test]
async fn a_gap_is_refused() {
    let t = TestApp::seeded().await;
    let (device, _, ms) = Device::renaming_an_organisation(3);
    let before = t.state().await;

    let body = t
        .push_raw(device.id, &ms[1..])
        .await
        .expect_error(StatusCode::CONFLICT, "mutation_gap");
    assert!(
        body.message.contains("next mutation is 1"),
        "{}",
        body.message
    );
    assert_eq!(t.state().await, before);
    assert_eq!(t.store.last_mutation(device.id).await.unwrap(), 0);

    assert_eq!(t.push(device.id, &ms[..1]).await.last_applied, 1);
    t.push_raw(device.id, &ms[2..])
        .await
        .expect_error(StatusCode::CONFLICT, "mutation_gap");
    assert_eq!(t.store.last_mutation(device.id).await.unwrap(), 1);
    assert_eq!(t.push(device.id, &ms[1..]).await.last_applied, 3);
}

#[tokio::test]
async fn badly_numbered_batches_are_refused() {
    let t = TestApp::seeded().await;
    let (device, _, ms) = Device::renaming_an_organisation(3);
    let zero = Mutation {
        n: 0,
        ..ms[0].clone()
    };
    let before = t.state().await;
    let cases: Vec<(Vec<Mutation>, &str)> = vec![
        (
            vec![ms[0].clone(), ms[2].clone()],
            "mutations_not_consecutive",
        ),
        (
            vec![ms[1].clone(), ms[0].clone()],
            "mutations_not_consecutive",
        ),
        (
            vec![ms[0].clone(), ms[0].clone()],
            "mutations_not_consecutive",
        ),
        (vec![zero.clone(), ms[0].clone()], "invalid_mutation_number"),
        (vec![zero], "invalid_mutation_number"),
        (
            (1..=1001)
                .map(|n| Mutation { n, ..ms[0].clone() })
                .collect(),
            "too_many_mutations",
        ),
    ];
    for (batch, code) in cases {
        t.push_raw(device.id, &batch)
            .await
            .expect_error(StatusCode::UNPROCESSABLE_ENTITY, code);
        assert_eq!(t.state().await, before, "{code}: nothing stored");
        assert_eq!(t.store.last_mutation(device.id).await.unwrap(), 0);
    }
    // An empty push stores nothing and tells where the device stands.
    assert_eq!(
        t.push(device.id, &[]).await,
        PushResponse {
            last_applied: 0,
            rejections: vec![]
        }
    );
}

#[tokio::test]
async fn bad_push_bodies_are_refused() {
    let t = TestApp::seeded().await;
    let before = t.state().await;
    let push = "/api/v1/sync/push";
    t.raw(Method::POST, push, Some("application/json"), "{\"device\":")
        .await
        .expect_error(StatusCode::BAD_REQUEST, "malformed_json");
    let body = t
        .json(
            Method::POST,
            push,
            &json!({"device": Uuid::new_v4(), "mutations": [], "extra": 1}),
        )
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert!(body.message.contains("extra"), "{}", body.message);
    t.json(
        Method::POST,
        push,
        &json!({"device": "not-a-uuid", "mutations": []}),
    )
    .await
    .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    // The array form: a mutation cut short, and one with an element too many.
    let device = tradewinds_shared::sync::wire_id::encode(&Uuid::new_v4());
    for (mutation, reason) in [
        (
            json!([1, "organisation"]),
            "invalid length 2, expected a mutation",
        ),
        (
            json!([1, "organisation", device, 1, {}, {}, 0]),
            "invalid length 7, expected a mutation",
        ),
    ] {
        let body = t
            .json(Method::POST, push, &json!([device, [mutation]]))
            .await
            .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
        assert!(body.message.contains(reason), "{}", body.message);
    }
    t.raw(Method::POST, push, None, "{\"device\": 1}")
        .await
        .expect_error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    assert_eq!(t.state().await, before);
}

#[tokio::test]
async fn a_push_applied_in_full_is_answered_without_a_body() {
    let t = TestApp::seeded().await;
    let (mut device, mut local, ms) = Device::renaming_an_organisation(3);
    let no_content = |reply: &Reply| {
        assert_eq!(reply.status, StatusCode::NO_CONTENT, "{:?}", reply.body);
        assert!(reply.body.is_empty());
        assert_eq!(reply.headers.get(header::CONTENT_TYPE), None);
    };
    no_content(&t.push_raw(device.id, &ms[..2]).await);
    assert_eq!(t.store.last_mutation(device.id).await.unwrap(), 2);
    // Sent again (its answer was lost): still all applied, nothing twice.
    let before = t.state().await;
    no_content(&t.push_raw(device.id, &ms[..2]).await);
    assert_eq!(t.state().await, before);
    // The device's counter is past the push (another tab sent more): the answer says where.
    no_content(&t.push_raw(device.id, &ms[2..]).await);
    let behind = t.push_raw(device.id, &ms[..1]).await.expect(StatusCode::OK);
    assert_eq!(behind, json!({"last_applied": 3}));
    // An empty push is told the counter.
    let empty = t.push_raw(device.id, &[]).await.expect(StatusCode::OK);
    assert_eq!(empty, json!({"last_applied": 3}));
    // A push written with names (a build from before the array form) is answered with a
    // body even when every mutation applied.
    let m = device.edit(&mut local, now_ms(), json!({"acronym": "NMD"}));
    let mut named = serde_json::to_value(&m).unwrap();
    let names = ["n", "kind", "id", "at", "set", "ctx"];
    let named = Value::Object(
        names
            .iter()
            .zip(named.as_array_mut().unwrap().drain(..))
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    );
    let answer = t
        .json(
            Method::POST,
            "/api/v1/sync/push",
            &json!({"device": device.id, "mutations": [named]}),
        )
        .await
        .expect(StatusCode::OK);
    assert_eq!(answer, json!({"last_applied": 4}));
    assert_eq!(t.store.last_mutation(device.id).await.unwrap(), 4);
}

#[tokio::test]
async fn nobody_pushes_as_the_server() {
    let t = TestApp::seeded().await;
    let server = t.store.server_device();
    let counter = t.store.last_mutation(server).await.unwrap();
    let mut wco = t
        .store
        .get(RecordKind::Organisation, seed::seed_id("wco"))
        .await
        .unwrap()
        .unwrap();
    let m = Device {
        id: server,
        next: counter + 1,
    }
    .edit(&mut wco, now_ms(), json!({"name": "Spoofed"}));
    let before = t.state().await;
    t.push_raw(server, &[m])
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "reserved_device");
    assert_eq!(t.state().await, before);
}

#[tokio::test]
async fn invalid_mutations_are_rejected_and_the_counter_moves_on() {
    let t = TestApp::seeded().await;
    let mut device = Device::new();
    let now = now_ms();
    let new_id = Uuid::new_v4();
    let mut new = RecordState::new(RecordKind::Organisation, new_id);
    let mut cartac = t
        .store
        .get(RecordKind::Organisation, seed::seed_id("cartac"))
        .await
        .unwrap()
        .unwrap();
    let cartac_before = cartac.clone();
    let mut as_contact = RecordState::new(RecordKind::Contact, seed::seed_id("cartac"));
    let mut unknown = cartac.clone();
    // A context for a field the mutation does not set.
    let mut stray_ctx = device.edit(&mut cartac.clone(), now, json!({"acronym": "C"}));
    stray_ctx.ctx.insert("name".into(), Default::default());
    let batch = vec![
        device.edit(&mut new, now, json!({"name": "", "country": "XX"})),
        device.edit(&mut cartac, now, json!({"website": "cartac dot org"})),
        device.edit(
            &mut as_contact,
            now,
            json!({"role_title": "Coordinator", "organisation": seed::seed_id("imf")}),
        ),
        device.edit(&mut unknown, now, json!({"colour": "teal"})),
        stray_ctx,
        device.edit(&mut cartac, now, json!({"acronym": "CARTAC (IMF)"})),
    ];
    // Numbered in batch order.
    let batch: Vec<Mutation> = batch
        .into_iter()
        .enumerate()
        .map(|(i, m)| Mutation {
            n: i as u64 + 1,
            ..m
        })
        .collect();

    let response = t.push(device.id, &batch).await;
    assert_eq!(response.last_applied, 6);
    let rejected: Vec<u64> = response.rejections.iter().map(|r| r.n).collect();
    assert_eq!(rejected, [1, 2, 3, 4, 5]);
    for r in &response.rejections {
        assert_eq!(r.code, "invalid_record");
        assert!(!r.message.is_empty());
    }
    let named = |n: usize| -> Vec<&str> {
        response.rejections[n]
            .fields
            .iter()
            .map(|f| f.field.as_str())
            .collect()
    };
    assert_eq!(named(0), ["name", "country"]);
    assert_eq!(named(1), ["website"]);
    assert_eq!(named(2), ["kind"]);
    assert!(response.rejections[2].fields[0]
        .message
        .contains("organisation"));
    assert_eq!(named(3), ["colour"]);
    assert_eq!(named(4), ["name"]);
    assert_eq!(t.store.last_mutation(device.id).await.unwrap(), 6);

    // Nothing of the rejected mutations was stored; the valid one after them was.
    assert!(t
        .store
        .get(RecordKind::Organisation, new_id)
        .await
        .unwrap()
        .is_none());
    t.get(&format!("/api/v1/organisations/{new_id}"))
        .await
        .expect_error(StatusCode::NOT_FOUND, "not_found");
    assert!(t
        .store
        .get(RecordKind::Contact, seed::seed_id("cartac"))
        .await
        .unwrap()
        .is_none());
    let stored = t
        .store
        .get(RecordKind::Organisation, seed::seed_id("cartac"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.values()["acronym"], "CARTAC (IMF)");
    let mut expected = cartac_before.values();
    expected.insert("acronym".into(), json!("CARTAC (IMF)"));
    assert_eq!(
        stored.values(),
        expected,
        "website and colour were not stored"
    );
}

#[tokio::test]
async fn a_record_id_keeps_its_kind_within_one_push() {
    let t = TestApp::seeded().await;
    let mut device = Device::new();
    let id = Uuid::new_v4();
    let now = now_ms();
    let mut as_contact = RecordState::new(RecordKind::Contact, id);
    let mut as_org = RecordState::new(RecordKind::Organisation, id);
    let batch = vec![
        // Invalid (no organisation): the id stays free...
        device.edit(&mut as_contact, now, json!({"role_title": "Comptroller"})),
        // ...and an organisation takes it...
        device.edit(&mut as_org, now, new_org("Regional Customs Academy")),
        // ...so a contact, valid as such, can no longer.
        device.edit(
            &mut RecordState::new(RecordKind::Contact, id),
            now,
            json!({"role_title": "Comptroller", "organisation": seed::seed_id("cartac")}),
        ),
    ];
    let response = t.push(device.id, &batch).await;
    assert_eq!(response.last_applied, 3);
    let rejected: Vec<(u64, &str)> = response
        .rejections
        .iter()
        .map(|r| (r.n, r.fields[0].field.as_str()))
        .collect();
    assert_eq!(rejected, [(1, "organisation"), (3, "kind")]);
    t.get(&format!("/api/v1/organisations/{id}"))
        .await
        .expect(StatusCode::OK);
    t.get(&format!("/api/v1/contacts/{id}"))
        .await
        .expect_error(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn a_clock_far_ahead_is_rejected() {
    let t = TestApp::seeded().await;
    let mut device = Device::new();
    let now = now_ms();
    let ahead_id = Uuid::new_v4();
    let mut ahead = RecordState::new(RecordKind::Organisation, ahead_id);
    let mut slightly = RecordState::new(RecordKind::Organisation, Uuid::new_v4());
    let batch = vec![
        device.edit(
            &mut ahead,
            now + MAX_FUTURE_SKEW_MS + 3_600_000,
            new_org("Tomorrow's Customs"),
        ),
        device.edit(&mut slightly, now + 3_600_000, new_org("An hour ahead")),
    ];
    let response = t.push(device.id, &batch).await;
    assert_eq!(response.last_applied, 2);
    assert_eq!(response.rejections.len(), 1);
    let r = &response.rejections[0];
    assert_eq!((r.n, r.code.as_str()), (1, "clock_in_future"));
    assert!(r.message.contains("clock"), "{}", r.message);
    assert!(t
        .store
        .get(RecordKind::Organisation, ahead_id)
        .await
        .unwrap()
        .is_none());
    let slightly = t
        .get(&format!("/api/v1/organisations/{}", slightly.id))
        .await
        .expect(StatusCode::OK);
    assert_eq!(slightly["name"], "An hour ahead");
    // A retry is answered with the same rejection.
    assert_eq!(t.push(device.id, &batch).await, response);
}

#[tokio::test]
async fn pull_pages_through_newer_changes_in_order() {
    let t = TestApp::seeded().await;
    let snapshot = t.snapshot().await;
    assert!(!snapshot.records.is_empty());
    let mut device = Device::new();
    let now = now_ms();
    let mut cartac = record(&snapshot.records, seed::seed_id("cartac"));
    let mut wco = record(&snapshot.records, seed::seed_id("wco"));
    let new_id = Uuid::new_v4();
    let mut new = RecordState::new(RecordKind::Organisation, new_id);
    let batch = vec![
        device.edit(&mut cartac, now, json!({"acronym": "CARTAC (IMF)"})),
        device.edit(&mut new, now, new_org("Caribbean Development Bank")),
        device.edit(&mut wco, now, json!({"description": "Brussels."})),
        device.edit(&mut cartac, now + 1, json!({"description": "Bridgetown."})),
    ];
    t.push(device.id, &batch).await;
    // A REST edit is a change like any other.
    t.json(
        Method::PATCH,
        &format!("/api/v1/organisations/{new_id}"),
        &json!({"acronym": "CDB"}),
    )
    .await
    .expect(StatusCode::OK);

    // Each record once, at its latest change, oldest first.
    let expected = [seed::seed_id("wco"), seed::seed_id("cartac"), new_id];
    let mut cursor = snapshot.cursor.clone();
    let mut seen = Vec::new();
    for (i, id) in expected.iter().enumerate() {
        let page = t.pull(&cursor, Some(1)).await;
        assert!(!page.reset);
        assert_eq!(page.records.len(), 1);
        assert_eq!(page.records[0].id, *id, "page {i}");
        assert_eq!(page.has_more, i + 1 < expected.len(), "page {i}");
        assert_eq!(page.cursor.parts().unwrap().1, page.records[0].seq);
        assert!(page.cursor.parts().unwrap().1 > cursor.parts().unwrap().1);
        cursor = page.cursor;
        seen.push(page.records[0].clone());
    }
    assert_eq!(seen[0].values()["description"], "Brussels.");
    assert_eq!(seen[1].values()["acronym"], "CARTAC (IMF)");
    assert_eq!(seen[1].values()["description"], "Bridgetown.");
    assert_eq!(seen[2].values()["acronym"], "CDB");

    let all = t.pull(&snapshot.cursor, None).await;
    assert_eq!(all.records, seen);
    assert!(!all.has_more);
    assert_eq!(all.cursor, cursor);

    // Up to date: nothing more, and the cursor stays.
    let done = t.pull(&cursor, Some(1)).await;
    assert_eq!(
        done,
        PullResponse {
            cursor: cursor.clone(),
            records: vec![],
            has_more: false,
            reset: false
        }
    );
    assert_eq!(t.snapshot().await.cursor, cursor);

    // From the very start, every record; a limit of 0 still makes progress.
    let start = Cursor::new(t.store.server_id(), 0);
    let everything = t.pull(&start, None).await;
    assert_eq!(everything.records.len(), snapshot.records.len() + 1);
    assert_eq!(t.pull(&start, Some(0)).await.records.len(), 1);
}

#[tokio::test]
async fn cursors_from_elsewhere_reset_and_garbage_is_refused() {
    let t = TestApp::seeded().await;
    let snapshot = t.snapshot().await;
    let (server, seq) = snapshot.cursor.parts().expect("cursor");
    assert_eq!(server, t.store.server_id());

    let other = Cursor::new(&Uuid::new_v4().to_string(), seq);
    let reply = t.pull(&other, None).await;
    assert!(reply.reset, "another server's cursor");
    assert!(reply.records.is_empty());

    // Ahead of this server's log: issued before the database was restored from a backup.
    let ahead = Cursor::new(server, seq + 10);
    let reply = t.pull(&ahead, None).await;
    assert!(reply.reset, "a cursor from the future");
    assert!(reply.records.is_empty());

    let before = t.state().await;
    for garbage in ["nonsense", "abc.def", "", &format!("{server}.-1")] {
        let body = t
            .get(&format!("/api/v1/sync/pull?cursor={garbage}"))
            .await
            .expect_error(StatusCode::BAD_REQUEST, "invalid_cursor");
        assert!(body.message.contains(garbage), "{}", body.message);
    }
    for query in [
        "",
        "?limit=5",
        "?cursor=x.1&limit=lots",
        "?cursor=x.1&colour=red",
    ] {
        let body = t
            .get(&format!("/api/v1/sync/pull{query}"))
            .await
            .expect_error(StatusCode::BAD_REQUEST, "invalid_query");
        assert!(body.message.contains("cursor"), "{}", body.message);
    }
    assert_eq!(t.state().await, before);
}

#[tokio::test]
async fn a_push_from_a_copy_this_server_does_not_hold_is_refused_before_anything_is_stored() {
    let t = TestApp::seeded().await;
    let snapshot = t.snapshot().await;
    let (server, seq) = snapshot.cursor.parts().expect("cursor");
    let (mut device, _, ms) = Device::renaming_an_organisation(2);
    let push = |cursor: &str| {
        let body = serde_json::to_value(tradewinds_shared::sync::PushRequest {
            device: device.id,
            mutations: ms.clone(),
        })
        .unwrap();
        let path = format!("/api/v1/sync/push?cursor={cursor}");
        let t = &t;
        async move { t.json(Method::POST, &path, &body).await }
    };
    let before = t.state().await;
    // Another server's cursor, and this one's from before a restore (past the end, or
    // naming another change than the one at its place).
    let digest = snapshot.cursor.parts_with_digest().unwrap().2.unwrap();
    for stale in [
        Cursor::new(&Uuid::new_v4().to_string(), seq).0,
        Cursor::new(server, seq + 10).0,
        Cursor::at(server, seq - 1, Some(digest)).0,
    ] {
        let body = push(&stale)
            .await
            .expect_error(StatusCode::CONFLICT, "cursor_reset");
        assert!(body.message.contains("restored"), "{}", body.message);
    }
    for garbage in ["nonsense", "abc.def"] {
        push(garbage)
            .await
            .expect_error(StatusCode::BAD_REQUEST, "invalid_cursor");
    }
    let body = push("x.1&colour=red")
        .await
        .expect_error(StatusCode::BAD_REQUEST, "invalid_query");
    assert!(body.message.contains("cursor"), "{}", body.message);
    assert_eq!(t.state().await, before, "nothing stored");
    assert_eq!(t.store.last_mutation(device.id).await.unwrap(), 0);

    // The copy it does hold, at the end or behind it: applied.
    let reply = push(&snapshot.cursor.0).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{:?}", reply.body);
    assert_eq!(t.store.last_mutation(device.id).await.unwrap(), 2);
    device.next = 3;
    let mut local = RecordState::new(RecordKind::Organisation, Uuid::new_v4());
    let third = device.edit(&mut local, now_ms(), new_org("Behind"));
    let reply = t
        .json(
            Method::POST,
            &format!("/api/v1/sync/push?cursor={}", snapshot.cursor.0),
            &serde_json::to_value(tradewinds_shared::sync::PushRequest {
                device: device.id,
                mutations: vec![third],
            })
            .unwrap(),
        )
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{:?}", reply.body);
    assert_eq!(t.store.last_mutation(device.id).await.unwrap(), 3);
}

#[tokio::test]
async fn edits_of_different_fields_both_survive() {
    let t = TestApp::seeded().await;
    let snapshot = t.snapshot().await;
    let cartac_id = seed::seed_id("cartac");
    let (mut a, mut b) = (Device::new(), Device::new());
    let mut on_a = record(&snapshot.records, cartac_id);
    let mut on_b = on_a.clone();
    let now = now_ms();
    let ma = a.edit(&mut on_a, now, json!({"acronym": "CARTAC (IMF)"}));
    let mb = b.edit(&mut on_b, now + 5, json!({"website": "https://cartac.org"}));
    assert!(t.push(a.id, &[ma]).await.rejections.is_empty());
    assert!(t.push(b.id, &[mb]).await.rejections.is_empty());

    let shown = t
        .get(&format!("/api/v1/organisations/{cartac_id}"))
        .await
        .expect(StatusCode::OK);
    assert_eq!(shown["acronym"], "CARTAC (IMF)");
    assert_eq!(shown["website"], "https://cartac.org");
    assert!(shown.get("conflicts").is_none(), "{shown}");

    let pulled = t.pull(&snapshot.cursor, None).await;
    assert_eq!(pulled.records.len(), 1);
    let merged = &pulled.records[0];
    assert_eq!(merged.conflicts().count(), 0);
    assert_eq!(merged.fields["acronym"].writes.len(), 1);
    assert_eq!(merged.fields["website"].writes.len(), 1);
    // Either device joining the pulled state ends where the server is.
    on_a.join(merged);
    on_b.join(merged);
    assert_eq!(on_a.fields, merged.fields);
    assert_eq!(on_b.fields, merged.fields);
}

#[tokio::test]
async fn edits_of_the_same_field_conflict_until_resolved() {
    let t = TestApp::seeded().await;
    let snapshot = t.snapshot().await;
    let cartac_id = seed::seed_id("cartac");
    let path = format!("/api/v1/organisations/{cartac_id}");
    let (mut a, mut b) = (Device::new(), Device::new());
    let mut on_a = record(&snapshot.records, cartac_id);
    let mut on_b = on_a.clone();
    let now = now_ms();
    let ma = a.edit(&mut on_a, now, json!({"name": "From A"}));
    let mb = b.edit(&mut on_b, now + 5, json!({"name": "From B"}));
    t.push(a.id, &[ma]).await;
    t.push(b.id, &[mb]).await;

    let pulled = t.pull(&snapshot.cursor, None).await;
    let merged = pulled.records[0].clone();
    let name = &merged.fields["name"];
    assert_eq!(name.writes.len(), 2, "both writes are kept");
    let mut values: Vec<&Value> = name.writes.iter().map(|w| &w.value).collect();
    values.sort_by_key(|v| v.to_string());
    assert_eq!(values, [&json!("From A"), &json!("From B")]);
    let conflicts: Vec<&str> = merged.conflicts().map(|(f, _)| f).collect();
    assert_eq!(conflicts, ["name"]);

    let shown = t.get(&path).await.expect(StatusCode::OK);
    assert_eq!(shown["name"], "From B", "the later clock is shown");
    assert_eq!(shown["conflicts"], json!(["name"]));

    // Device A, having pulled both, writes the name again: the conflict is resolved.
    on_a.join(&merged);
    let resolve = a.edit(&mut on_a, now + 10, json!({"name": "From A and B"}));
    assert!(t.push(a.id, &[resolve]).await.rejections.is_empty());
    let shown = t.get(&path).await.expect(StatusCode::OK);
    assert_eq!(shown["name"], "From A and B");
    assert!(shown.get("conflicts").is_none(), "{shown}");
    let stored = t
        .store
        .get(RecordKind::Organisation, cartac_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.fields["name"].writes.len(), 1);
}

#[tokio::test]
async fn a_rest_edit_resolves_a_conflict() {
    let t = TestApp::seeded().await;
    let snapshot = t.snapshot().await;
    let wco_id = seed::seed_id("wco");
    let path = format!("/api/v1/organisations/{wco_id}");
    let (mut a, mut b) = (Device::new(), Device::new());
    let mut on_a = record(&snapshot.records, wco_id);
    let mut on_b = on_a.clone();
    let now = now_ms();
    let ma = a.edit(&mut on_a, now, json!({"acronym": "OMD"}));
    let mb = b.edit(&mut on_b, now, json!({"acronym": "OMA"}));
    t.push(a.id, &[ma]).await;
    t.push(b.id, &[mb]).await;
    assert_eq!(
        t.get(&path).await.expect(StatusCode::OK)["conflicts"],
        json!(["acronym"])
    );

    let shown = t
        .json(Method::PATCH, &path, &json!({"acronym": "WCO/OMD"}))
        .await
        .expect(StatusCode::OK);
    assert_eq!(shown["acronym"], "WCO/OMD");
    assert!(shown.get("conflicts").is_none(), "{shown}");
}

#[tokio::test]
async fn a_pushed_delete_hides_the_record() {
    let t = TestApp::seeded().await;
    let snapshot = t.snapshot().await;
    let wco_id = seed::seed_id("wco");
    let mut device = Device::new();
    let mut wco = record(&snapshot.records, wco_id);
    let m = device.edit(&mut wco, now_ms(), json!({"deleted": true}));
    assert!(t.push(device.id, &[m]).await.rejections.is_empty());
    t.get(&format!("/api/v1/organisations/{wco_id}"))
        .await
        .expect_error(StatusCode::NOT_FOUND, "not_found");
    let orgs = t.list(RecordKind::Organisation).await;
    assert!(orgs.iter().all(|o| o["id"] != wco_id.to_string()));
    let pulled = t.pull(&snapshot.cursor, None).await;
    assert_eq!(pulled.records.len(), 1);
    assert!(pulled.records[0].is_deleted(), "devices pull the tombstone");
    // A REST body still cannot say `deleted`, even to undo it.
    let body = t
        .json(
            Method::POST,
            "/api/v1/organisations",
            &json!({"name": "X", "deleted": false}),
        )
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "reserved_field");
    assert_fields(&body, &[]);
}

#[tokio::test]
async fn the_snapshot_sent_is_the_stored_catalogue() {
    let t = TestApp::seeded().await;
    // Edits after the seed, so that records are rewritten with newer sequence numbers.
    let snapshot = t.snapshot().await;
    let mut dev = Device::new();
    let mut cartac = record(&snapshot.records, seed::seed_id("cartac"));
    let m1 = dev.edit(&mut cartac, now_ms(), json!({ "acronym": "CTAC" }));
    let m2 = dev.edit(
        &mut cartac,
        now_ms(),
        json!({ "description": "Technical assistance centre." }),
    );
    t.push(dev.id, &[m1, m2]).await;
    let mut sent = t.snapshot().await;
    let mut stored = t.store.snapshot().await.expect("snapshot");
    // Streamed by key, not by sequence: the order carries no meaning.
    sent.records.sort_by_key(|r| r.id);
    stored.records.sort_by_key(|r| r.id);
    assert_eq!(sent, stored);
    assert!(sent
        .records
        .iter()
        .any(|r| r.id == cartac.id && r.seq == sent.cursor.parts().unwrap().1));
    // It says how many records it holds, for the app's progress, and counts them right.
    let reply = t.get("/api/v1/sync/snapshot").await;
    let said: usize = reply.headers[tradewinds_shared::sync::progress::RECORDS_HEADER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(said, sent.records.len());
    let mut counter = tradewinds_shared::sync::progress::RecordCounter::default();
    for piece in reply.body.chunks(1000) {
        counter.feed(piece);
    }
    assert_eq!(counter.records, said);
}

/// Pushes of hundreds of records, new and stored, in one transaction (the server writes
/// them in statements of several sizes): every record arrives whole, in commit order, and
/// the change log has every change once.
#[tokio::test]
async fn large_pushes_store_every_record() {
    let t = TestApp::empty().await;
    let start = t.store.snapshot().await.expect("snapshot");
    let mut dev = Device::new();
    let now = now_ms();
    // 700 new records: 256 + 256 + 64 + 64 + 16 + 16 + 16 + 4 + 4 + 4 rows.
    let mut records: Vec<RecordState> = (0..700)
        .map(|_| RecordState::new(RecordKind::Organisation, Uuid::new_v4()))
        .collect();
    let creates: Vec<Mutation> = records
        .iter_mut()
        .enumerate()
        .map(|(i, r)| dev.edit(r, now, new_org(&format!("Organisation {i}"))))
        .collect();
    assert_eq!(t.push(dev.id, &creates).await.last_applied, 700);
    // Then 699 of them renamed (stored rows: every size, three of the smallest) and 301 new:
    // 1,001 records.
    let mut edits: Vec<Mutation> = records[..699]
        .iter_mut()
        .enumerate()
        .map(|(i, r)| dev.edit(r, now + 1, json!({ "acronym": format!("R{i}") })))
        .collect();
    let mut more: Vec<RecordState> = (0..301)
        .map(|_| RecordState::new(RecordKind::Organisation, Uuid::new_v4()))
        .collect();
    edits.extend(
        more.iter_mut()
            .enumerate()
            .map(|(i, r)| dev.edit(r, now + 2, new_org(&format!("Later {i}")))),
    );
    let answer = t.push(dev.id, &edits).await;
    assert_eq!(answer.last_applied, 1700);
    assert!(answer.rejections.is_empty());
    records.extend(more);

    let stored = t.store.snapshot().await.expect("snapshot");
    assert_eq!(stored.records.len(), start.records.len() + 1001);
    for local in &records {
        assert_eq!(record(&stored.records, local.id).fields, local.fields);
    }
    // Commit order: the records renamed last come in the order they were renamed, the new
    // ones of the second push after them.
    let order: Vec<Uuid> = stored.records[start.records.len()..]
        .iter()
        .map(|r| r.id)
        .collect();
    let expected: Vec<Uuid> = records[699..700]
        .iter()
        .chain(&records[..699])
        .chain(&records[700..])
        .map(|r| r.id)
        .collect();
    assert_eq!(order, expected);
    let (mut cursor, mut pulled) = (start.cursor.clone(), Vec::new());
    loop {
        let page = t.pull(&cursor, None).await;
        pulled.extend(page.records.into_iter().map(|r| r.id));
        cursor = page.cursor;
        if !page.has_more {
            break;
        }
    }
    assert_eq!(pulled, expected);
    let history = t
        .store
        .history(RecordKind::Organisation, records[10].id, 10)
        .await
        .expect("history");
    assert_eq!(history.len(), 2);
}

#[tokio::test]
async fn a_snapshot_of_several_pages_holds_every_record_once() {
    let t = TestApp::seeded().await;
    let seeded = t.store.snapshot().await.expect("snapshot").records.len();
    let (device, _, ms) = Device::renaming_an_organisation(1);
    let mut all = ms;
    // 1,200 more organisations: three pages of the stream.
    for n in 2..=1201 {
        all.push(
            RecordState::new(RecordKind::Organisation, Uuid::new_v4())
                .edit(n, now_ms(), fields(new_org(&format!("Org {n}"))))
                .unwrap(),
        );
    }
    for chunk in all.chunks(1000) {
        t.push(device.id, chunk).await;
    }
    let sent = t.snapshot().await;
    assert_eq!(sent.records.len(), seeded + 1201);
    let ids: std::collections::HashSet<Uuid> = sent.records.iter().map(|r| r.id).collect();
    assert_eq!(ids.len(), sent.records.len());
    let after = t.pull(&sent.cursor, None).await;
    assert!(after.records.is_empty() && !after.reset);
}

/// A record of a kind this server does not know (stored by a newer release, which was then
/// rolled back) is passed on exactly as stored: pulls and snapshots send the stored JSON.
#[tokio::test]
async fn records_are_sent_as_stored_even_of_a_kind_this_release_does_not_know() {
    let t = TestApp::seeded().await;
    let pool = t.store.pool();
    let id = Uuid::new_v4();
    let seq: i64 =
        sqlx::query_scalar("SELECT CAST(value AS INTEGER) + 1 FROM meta WHERE key = 'seq'")
            .fetch_one(pool)
            .await
            .unwrap();
    let json = format!(r#"{{"kind":"survey","id":"{id}","seq":{seq},"d":[],"c":{{"x":[[],[]]}}}}"#);
    sqlx::query("INSERT INTO records (rid, kind, id, seq, deleted, state) VALUES ((SELECT MAX(rid) + 1 FROM records), 'survey', $1, $2, 0, $3)")
        .bind(id.to_string())
        .bind(seq)
        .bind(&json)
        .execute(pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO changes (seq, device, mutation, kind, id, record, fields, at, received) VALUES ($1, 'newer', 1, 'survey', $2, (SELECT rid FROM records WHERE id = $3), '{}', 0, 0)")
        .bind(seq)
        .bind(id.to_string())
        .bind(id.to_string())
        .execute(pool)
        .await
        .unwrap();
    sqlx::query("UPDATE meta SET value = $1 WHERE key = 'seq'")
        .bind(seq.to_string())
        .execute(pool)
        .await
        .unwrap();
    let from_start = format!("/api/v1/sync/pull?cursor={}.0", t.store.server_id());
    let pulled = String::from_utf8(t.get(&from_start).await.body).unwrap();
    assert!(pulled.contains(&json), "{pulled}");
    let snapshot = String::from_utf8(t.get("/api/v1/sync/snapshot").await.body).unwrap();
    assert!(snapshot.contains(&json));
}
