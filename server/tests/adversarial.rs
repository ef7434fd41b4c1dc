//! Attacks a signed-in account can send, each as the crafted request an attacker would
//! write, with the answer expected and the proof that nothing another person wrote changed
//! (the whole stored state compared before and after, as the authorisation matrix does).
//! The threat model is in ARCHITECTURE.md ("Threat model").

use axum::http::{Method, StatusCode};
use serde_json::{json, Map, Value};
use tradewinds_server::{seed, store::now_ms};
use tradewinds_shared::access::Role;
use tradewinds_shared::sync::{Mutation, PushResponse, RecordState, VersionVector};
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::common::{fields, TestApp};

/// The stored record `id` as the server has it.
async fn stored(t: &TestApp, kind: RecordKind, id: Uuid) -> RecordState {
    t.store.get(kind, id).await.unwrap().expect("record")
}

fn one(field: &str, value: Value) -> Map<String, Value> {
    fields(json!({ field: value }))
}

/// An office editor of Barbados Customs, on the same server.
async fn barbados_editor(t: &TestApp) -> TestApp {
    let bb = seed::seed_id("customs_bb");
    t.signed_in_as("editor@example.org", Role::OfficeEditor, Some(bb))
        .await
}

/// A mutation by a device that has `record` as stored, changing `changes`.
fn edit_of(record: &RecordState, n: u64, changes: Map<String, Value>) -> Mutation {
    record.edit(n, now_ms(), changes).expect("a change")
}

#[tokio::test]
async fn another_account_cannot_push_under_my_device_nor_advance_its_counter() {
    let t = TestApp::seeded().await;
    let viewer = t
        .signed_in_as("viewer@example.org", Role::Viewer, None)
        .await;
    let wco = seed::seed_id("wco");
    let mine = Uuid::new_v4();
    // The coordinator's device syncs once: from now on it is theirs.
    let org = stored(&t, RecordKind::Organisation, wco).await;
    let first = edit_of(&org, 1, one("acronym", json!("WCO-OMD")));
    t.push(mine, &[first]).await;
    let before = t.state().await;
    let counter = t.store.last_mutation(mine).await.unwrap();

    // The viewer read the device id in a snapshot and pushes 50 mutations after its counter,
    // dated in the future so that each would be refused but still advance the counter.
    let org = stored(&t, RecordKind::Organisation, wco).await;
    let attack: Vec<Mutation> = (0..50)
        .map(|i| Mutation {
            at: now_ms() + 10 * 24 * 3600 * 1000,
            ..edit_of(
                &org,
                counter + 1 + i,
                one("description", json!(format!("x{i}"))),
            )
        })
        .collect();
    let reply = viewer.push_raw(mine, &attack).await;
    let body = reply.expect_error(StatusCode::FORBIDDEN, "device_not_yours");
    // The refusal gives nothing away about the device's counter.
    assert!(
        !body.message.contains(&(counter + 1).to_string()),
        "{}",
        body.message
    );
    // A gap under the device is the same refusal, not a 409 naming the next number.
    let gap = Mutation {
        n: counter + 10,
        ..attack[0].clone()
    };
    viewer
        .push_raw(mine, &[gap])
        .await
        .expect_error(StatusCode::FORBIDDEN, "device_not_yours");
    assert_eq!(t.state().await, before, "nothing stored");
    assert_eq!(t.store.last_mutation(mine).await.unwrap(), counter);

    // The owner's next real edit is applied, not counted as a duplicate.
    let org = stored(&t, RecordKind::Organisation, wco).await;
    let next = edit_of(&org, counter + 1, one("acronym", json!("OMD")));
    let answer = t.push(mine, &[next]).await;
    assert_eq!(answer.last_applied, counter + 1);
    assert!(answer.rejections.is_empty());
    assert_eq!(
        stored(&t, RecordKind::Organisation, wco).await.values()["acronym"],
        json!("OMD")
    );
}

#[tokio::test]
async fn a_second_person_on_one_browser_gets_a_device_of_their_own() {
    let t = TestApp::seeded().await;
    let bb = seed::seed_id("customs_bb");
    let ana = t
        .signed_in_as("ana@example.org", Role::OfficeEditor, Some(bb))
        .await;
    let ben = t
        .signed_in_as("ben@example.org", Role::OfficeEditor, Some(bb))
        .await;
    let browser = Uuid::new_v4();
    let org = stored(&t, RecordKind::Organisation, bb).await;
    ana.push(
        browser,
        &[edit_of(&org, 1, one("description", json!("Ana was here")))],
    )
    .await;
    // Ben signs in on the same browser; the app first tries the browser's device.
    let org = stored(&t, RecordKind::Organisation, bb).await;
    let bens = edit_of(&org, 1, one("description", json!("Ben was here")));
    ben.push_raw(browser, std::slice::from_ref(&bens))
        .await
        .expect_error(StatusCode::FORBIDDEN, "device_not_yours");
    // ...and continues under a new device (`Db::renumber_as_new_device`): applied, his.
    let answer = ben.push(Uuid::new_v4(), &[bens]).await;
    assert!(answer.rejections.is_empty(), "{answer:?}");
    let phone = &stored(&t, RecordKind::Organisation, bb).await.fields["description"];
    assert_eq!(phone.winner().unwrap().value, json!("Ben was here"));
    assert_eq!(phone.winner().unwrap().by.as_deref(), Some("ben"));
}

#[tokio::test]
async fn an_account_has_a_bounded_number_of_devices() {
    let t = TestApp::empty().await;
    let viewer = t
        .signed_in_as("viewer@example.org", Role::Viewer, None)
        .await;
    let max = tradewinds_server::store::MAX_DEVICES_PER_ACCOUNT;
    for _ in 0..max {
        assert_eq!(
            viewer.push(Uuid::new_v4(), &[]).await,
            PushResponse {
                last_applied: 0,
                rejections: vec![]
            }
        );
    }
    viewer
        .push_raw(Uuid::new_v4(), &[])
        .await
        .expect_error(StatusCode::FORBIDDEN, "too_many_devices");
    // Another account is not affected.
    t.push(Uuid::new_v4(), &[]).await;
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM devices")
        .fetch_one(t.store.pool())
        .await
        .unwrap();
    assert_eq!(rows, max + 1);
}

/// A context naming the server's own device at `u64::MAX`: accepted, it would make every
/// later REST write of the field count as already seen.
#[tokio::test]
async fn a_poisoned_context_is_refused_and_later_writes_still_apply() {
    let t = TestApp::seeded().await;
    let editor_org = seed::seed_id("customs_bb");
    let editor = barbados_editor(&t).await;
    let before = t.state().await;
    let org = stored(&t, RecordKind::Organisation, editor_org).await;
    let mut poisoned = edit_of(&org, 1, one("description", json!("mine")));
    let mut deleted = edit_of(&org, 2, one("website", json!("https://example.org")));
    let server = t.store.server_device();
    poisoned.ctx.insert(
        "description".into(),
        VersionVector([(server, u64::MAX)].into()),
    );
    deleted
        .ctx
        .insert("website".into(), VersionVector([(server, u64::MAX)].into()));
    let device = Uuid::new_v4();
    let answer = editor.push(device, &[poisoned, deleted]).await;
    assert_eq!(answer.last_applied, 2);
    assert_eq!(answer.rejections.len(), 2);
    for r in &answer.rejections {
        assert_eq!(r.code, "invalid_record");
        assert!(
            r.fields
                .iter()
                .any(|f| f.message.contains("never received")),
            "{r:?}"
        );
    }
    assert_eq!(t.state().await, before, "nothing stored");

    // A coordinator's PATCH sets the field and DELETE removes the record, as asked.
    t.json(
        Method::PATCH,
        &format!("/api/v1/organisations/{editor_org}"),
        &json!({"description": "set by the coordinator"}),
    )
    .await
    .expect(StatusCode::OK);
    let now = stored(&t, RecordKind::Organisation, editor_org).await;
    assert_eq!(now.values()["description"], json!("set by the coordinator"));
    let tool = seed::seed_id("el_hs");
    let removal = t.delete(&format!("/api/v1/training_tools/{tool}")).await;
    assert_eq!(removal.status, StatusCode::NO_CONTENT);
    assert!(stored(&t, RecordKind::TrainingTool, tool)
        .await
        .is_deleted());
}

#[tokio::test]
async fn a_context_of_fifty_thousand_devices_is_refused_without_storing_anything() {
    let t = TestApp::seeded().await;
    let wco = seed::seed_id("wco");
    let org = stored(&t, RecordKind::Organisation, wco).await;
    let mut m = edit_of(&org, 1, one("description", json!("x")));
    let ctx = m.ctx.entry("description".into()).or_default();
    for i in 0..50_000u128 {
        ctx.0.insert(Uuid::from_u128(i + 1), 1);
    }
    let before = t.state().await;
    let started = std::time::Instant::now();
    let answer = t.push(Uuid::new_v4(), &[m]).await;
    eprintln!(
        "a push with a 50,000-device context answered in {:?}",
        started.elapsed()
    );
    assert_eq!(answer.rejections.len(), 1);
    assert!(answer.rejections[0].fields[0].field == "description");
    assert_eq!(t.state().await, before);
    // The record's stored size did not grow.
    let json: String = sqlx::query_scalar("SELECT state FROM records WHERE id = $1")
        .bind(wco.to_string())
        .fetch_one(t.store.pool())
        .await
        .unwrap();
    assert!(json.len() < 10_000, "{} bytes", json.len());
}

#[tokio::test]
async fn a_device_flooding_one_field_keeps_one_write_there() {
    let t = TestApp::seeded().await;
    let wco = seed::seed_id("wco");
    let device = Uuid::new_v4();
    // 1,000 writes without any context: each would otherwise stay "in conflict".
    let ms: Vec<Mutation> = (1..=1000)
        .map(|n| Mutation {
            n,
            kind: RecordKind::Organisation,
            id: wco,
            at: now_ms(),
            set: one("description", json!(format!("flood {n}"))),
            ctx: Default::default(),
        })
        .collect();
    t.push(device, &ms).await;
    let org = stored(&t, RecordKind::Organisation, wco).await;
    // The seed's write (never seen by the flood) and the flood's last: one per device.
    let writes = &org.fields["description"].writes;
    assert_eq!(writes.len(), 2, "{writes:?}");
    assert!(writes.iter().any(|w| w.value == json!("flood 1000")));
}

#[tokio::test]
async fn a_removal_cannot_carry_other_changes() {
    let t = TestApp::seeded().await;
    let editor = barbados_editor(&t).await;
    // A contact of the editor's own office, removed while handing it to another office
    // and blanking its required fields.
    let contact = seed::seed_id("c_elearning_bb");
    let state = stored(&t, RecordKind::Contact, contact).await;
    let before = t.state().await;
    let m = edit_of(
        &state,
        1,
        fields(json!({
            "deleted": true,
            "organisation": seed::seed_id("wco").to_string(),
            "role_title": "",
        })),
    );
    let answer = editor.push(Uuid::new_v4(), &[m]).await;
    assert_eq!(answer.rejections.len(), 1, "{answer:?}");
    assert_eq!(answer.rejections[0].fields[0].field, "deleted");
    assert_eq!(t.state().await, before, "nothing stored");
}

#[tokio::test]
async fn an_office_editor_cannot_undo_a_coordinators_removal() {
    let t = TestApp::seeded().await;
    let editor = barbados_editor(&t).await;
    let contact = seed::seed_id("c_elearning_bb");
    let removal = t.delete(&format!("/api/v1/contacts/{contact}")).await;
    assert_eq!(removal.status, StatusCode::NO_CONTENT);
    let removed = stored(&t, RecordKind::Contact, contact).await;
    assert!(removed.is_deleted());
    let before = t.state().await;
    let restore = edit_of(&removed, 1, one("deleted", json!(false)));
    let answer = editor
        .push(Uuid::new_v4(), std::slice::from_ref(&restore))
        .await;
    assert_eq!(answer.rejections.len(), 1);
    assert_eq!(answer.rejections[0].code, "forbidden");
    assert!(
        answer.rejections[0].message.contains("restore"),
        "{}",
        answer.rejections[0].message
    );
    assert_eq!(t.state().await, before, "nothing stored");
    assert!(stored(&t, RecordKind::Contact, contact).await.is_deleted());
    // The coordinator may.
    let answer = t.push(Uuid::new_v4(), &[restore]).await;
    assert!(answer.rejections.is_empty());
    assert!(!stored(&t, RecordKind::Contact, contact).await.is_deleted());
}

#[tokio::test]
async fn refused_mutations_leave_a_bounded_number_of_rows() {
    let t = TestApp::seeded().await;
    let viewer = t
        .signed_in_as("viewer@example.org", Role::Viewer, None)
        .await;
    let wco = seed::seed_id("wco");
    let org = stored(&t, RecordKind::Organisation, wco).await;
    let device = Uuid::new_v4();
    let batch = |from: u64| -> Vec<Mutation> {
        (from..from + 1000)
            .map(|n| edit_of(&org, n, one("acronym", json!(format!("x{n}")))))
            .collect()
    };
    let mut last = None;
    for from in [1, 1001, 2001] {
        let ms = batch(from);
        let answer = viewer.push(device, &ms).await;
        assert_eq!(answer.rejections.len(), 1000, "a viewer may not edit");
        last = Some((ms, answer));
    }
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM rejections WHERE device = $1")
        .bind(device.to_string())
        .fetch_one(t.store.pool())
        .await
        .unwrap();
    assert_eq!(rows, 1000);
    // The last push, retried (its answer was lost), gets the same answer.
    let (ms, answer) = last.unwrap();
    assert_eq!(viewer.push(device, &ms).await, answer);
}
