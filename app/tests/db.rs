//! `app/src/db` in a real browser (headless Chromium through wasm-bindgen-test): writes,
//! reads, index queries, the atomic edit + outbox, snapshot and pull handling, the
//! upgrade from schema v1 keeping data, the kept session, and edits checked against the
//! person's role and sent only under their author's name.

use rexie::TransactionMode;
use serde_json::{json, Value};
use tradewinds_app::db::{
    new_id, schema, Db, EditError, OutboxStatus, Pulled, RawSnapshot, DB_VERSION,
};
use tradewinds_shared::access::Role;
use tradewinds_shared::accounts::{Session, User};
use tradewinds_shared::sync::{Cursor, RecordState, Rejection, Snapshot};
use tradewinds_shared::RecordKind;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::*;

/// The first snapshot of a browser: `records` at cursor `s1.1`.
async fn load_first(db: &Db, records: &[RecordState]) {
    load(
        db,
        Snapshot {
            cursor: Cursor::new("s1", 1),
            records: records.to_vec(),
        },
    )
    .await
    .unwrap();
}

/// Loads `snapshot` as it arrives from the server: as JSON text.
async fn load(db: &Db, snapshot: Snapshot) -> Result<(), tradewinds_app::db::DbError> {
    let body = serde_json::to_string(&snapshot).unwrap();
    db.load_snapshot(RawSnapshot::parse(&body).unwrap()).await
}

#[wasm_bindgen_test]
async fn edit_writes_record_and_outbox_together() {
    let db = fresh("edit").await;
    let id = new_id();
    let m = db
        .edit(
            &admin(),
            RecordKind::Organisation,
            id,
            fields(json!({"name": "Montserrat Customs", "country": "MS"})),
        )
        .await
        .unwrap()
        .expect("a mutation");
    assert_eq!(m.n, 1);
    let stored = db
        .record(RecordKind::Organisation, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.values()["name"], json!("Montserrat Customs"));
    let outbox = db.outbox().await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].status, OutboxStatus::Pending);
    assert_eq!(outbox[0].mutation().unwrap(), m);

    // A second edit of one field: numbered 2, only that field sent.
    let m2 = db
        .edit(
            &admin(),
            RecordKind::Organisation,
            id,
            fields(json!({"name": "Montserrat Customs and Revenue Service", "country": "MS"})),
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(m2.n, 2);
    assert_eq!(m2.set.keys().collect::<Vec<_>>(), vec!["name"]);
    // Nothing changed: nothing stored.
    let none = db
        .edit(
            &admin(),
            RecordKind::Organisation,
            id,
            fields(json!({"country": "MS"})),
        )
        .await
        .unwrap();
    assert!(none.is_none());
    assert_eq!(db.outbox().await.unwrap().len(), 2);
}

#[wasm_bindgen_test]
async fn invalid_edit_stores_nothing() {
    let db = fresh("invalid").await;
    let id = new_id();
    let err = db
        .edit(
            &admin(),
            RecordKind::TrainingTool,
            id,
            fields(json!({"title": "", "languages": ["en"]})),
        )
        .await
        .unwrap_err();
    match err {
        EditError::Invalid(e) => {
            assert!(e.for_field("title").is_some());
            assert!(e.for_field("provider").is_some());
        }
        other => panic!("expected a validation error, got {other}"),
    }
    assert!(db
        .record(RecordKind::TrainingTool, id)
        .await
        .unwrap()
        .is_none());
    assert!(db.outbox().await.unwrap().is_empty());
}

/// An import is checked a slice at a time with the page free in between: an edit made
/// then (another tab, a sync) to a record the import changes is kept, and numbered apart.
/// The import sees the record changed, and checks its rows again from what is stored.
#[wasm_bindgen_test]
async fn an_edit_made_while_an_import_is_checked_is_kept_and_numbered_apart() {
    let db = fresh("meanwhile").await;
    let org = RecordKind::Organisation;
    let port = new_id();
    db.edit(
        &admin(),
        org,
        port,
        fields(json!({"name": "Port authority", "country": "JM"})),
    )
    .await
    .unwrap();
    let mut rows: Vec<_> = (0..600)
        .map(|i| {
            (
                org,
                new_id(),
                fields(json!({"name": format!("Customs office {i}")})),
            )
        })
        .collect();
    rows.push((org, port, fields(json!({"acronym": "PA"}))));
    let pauses = std::cell::Cell::new(0);
    let pause = || {
        let first = pauses.get() == 0;
        pauses.set(pauses.get() + 1);
        let db = db.clone();
        async move {
            if first {
                db.edit(
                    &admin(),
                    org,
                    port,
                    fields(json!({"website": "https://pa.example.org"})),
                )
                .await
                .unwrap()
                .expect("a change");
            }
        }
    };
    let written = db.edit_many_pausing(&admin(), rows, pause).await.unwrap();
    assert_eq!(written, 601);
    assert!(
        pauses.get() >= 4,
        "checked in slices, then again: {} pauses",
        pauses.get()
    );
    let values = db.record(org, port).await.unwrap().unwrap().values();
    assert_eq!(values["acronym"], json!("PA"), "the import's change");
    assert_eq!(
        values["website"],
        json!("https://pa.example.org"),
        "the edit made meanwhile"
    );
    let mut numbers: Vec<u64> = db
        .outbox()
        .await
        .unwrap()
        .iter()
        .map(|e| e.mutation().unwrap().n)
        .collect();
    numbers.sort_unstable();
    assert_eq!(
        numbers,
        (1..=603).collect::<Vec<_>>(),
        "every edit its own number"
    );
}

/// An import's rows (of several kinds, as a catalogue copy's): written together with their
/// outbox entries, numbered in order; one refused row stores none of them.
#[wasm_bindgen_test]
async fn edit_many_writes_every_row_or_none() {
    let db = fresh("many").await;
    let mut rows: Vec<_> = (0..299)
        .map(|i| {
            (
                RecordKind::Organisation,
                new_id(),
                fields(json!({"name": format!("Customs office {i}"), "country": "JM"})),
            )
        })
        .collect();
    rows.push((
        RecordKind::TrainingTool,
        new_id(),
        fields(
            json!({"title": "Boarding drill", "provider": rows[0].1.to_string(),
                      "languages": ["en"]}),
        ),
    ));
    let written = db.edit_many(&admin(), rows.clone()).await.unwrap();
    assert_eq!(written, 300);
    assert_eq!(db.count(RecordKind::Organisation).await.unwrap(), 299);
    assert_eq!(db.count(RecordKind::TrainingTool).await.unwrap(), 1);
    let outbox = db.outbox().await.unwrap();
    let numbers: Vec<u64> = outbox.iter().map(|e| e.mutation().unwrap().n).collect();
    assert_eq!(numbers, (1..=300).collect::<Vec<_>>());
    // The same rows again change nothing.
    assert_eq!(db.edit_many(&admin(), rows.clone()).await.unwrap(), 0);

    let org = RecordKind::Organisation;
    let mut more: Vec<_> = (0..5)
        .map(|i| (org, new_id(), fields(json!({"name": format!("Port {i}")}))))
        .collect();
    more.push((org, new_id(), fields(json!({"name": ""}))));
    let err = db.edit_many(&admin(), more).await.unwrap_err();
    assert!(matches!(err, EditError::Invalid(_)), "{err}");
    assert_eq!(db.count(RecordKind::Organisation).await.unwrap(), 299);
    assert_eq!(db.outbox().await.unwrap().len(), 300);
    // Numbering goes on where it was.
    let m = db
        .edit(
            &admin(),
            RecordKind::Organisation,
            rows[0].1,
            fields(json!({"acronym": "CO0"})),
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(m.n, 301);
    // A removed record leaves the lists, and stays where an import matches ids.
    db.edit(
        &admin(),
        RecordKind::Organisation,
        rows[1].1,
        fields(json!({"deleted": true})),
    )
    .await
    .unwrap();
    assert_eq!(
        db.records(RecordKind::Organisation).await.unwrap().len(),
        298
    );
    let all = db
        .records_with_removed(RecordKind::Organisation)
        .await
        .unwrap();
    assert_eq!(all.len(), 299);
    assert!(all.iter().any(|r| r.id == rows[1].1 && r.is_deleted()));
}

#[wasm_bindgen_test]
async fn query_by_kind_and_by_organisation_index() {
    let db = fresh("index").await;
    let (org_a, org_b) = (new_id(), new_id());
    for (org, name) in [(org_a, "Anguilla Customs"), (org_b, "Belize Customs")] {
        db.edit(
            &admin(),
            RecordKind::Organisation,
            org,
            fields(json!({"name": name})),
        )
        .await
        .unwrap();
    }
    for (org, role) in [
        (org_a, "Comptroller"),
        (org_a, "E-learning national coordinator"),
        (org_b, "Comptroller"),
    ] {
        db.edit(
            &admin(),
            RecordKind::Contact,
            new_id(),
            fields(json!({"organisation": org.to_string(), "role_title": role})),
        )
        .await
        .unwrap();
    }
    assert_eq!(db.records(RecordKind::Organisation).await.unwrap().len(), 2);
    assert_eq!(db.records(RecordKind::Contact).await.unwrap().len(), 3);
    assert_eq!(db.count(RecordKind::Organisation).await.unwrap(), 2);
    assert_eq!(db.count(RecordKind::Contact).await.unwrap(), 3);
    let of_a = db.contacts_of(org_a).await.unwrap();
    assert_eq!(of_a.len(), 2);
    assert!(of_a
        .iter()
        .all(|c| c.values()["organisation"] == json!(org_a.to_string())));
    // Deleted records leave the lists.
    let gone = of_a[0].id;
    db.edit(
        &admin(),
        RecordKind::Contact,
        gone,
        fields(json!({"deleted": true})),
    )
    .await
    .unwrap();
    assert_eq!(db.contacts_of(org_a).await.unwrap().len(), 1);
    assert_eq!(db.count(RecordKind::Contact).await.unwrap(), 2);
}

#[wasm_bindgen_test]
async fn snapshot_pull_and_acknowledge() {
    let db = fresh("sync").await;
    let server = new_id();
    let org = new_id();
    let state = server_record(server, org, 1, json!({"name": "CCLEC", "acronym": "X"}));
    load_first(&db, std::slice::from_ref(&state)).await;
    assert_eq!(db.cursor().await.unwrap(), Some(Cursor::new("s1", 1)));

    // A local edit of one field, then the server's change of another: both kept.
    db.edit(
        &admin(),
        RecordKind::Organisation,
        org,
        fields(json!({"acronym": "CCLEC"})),
    )
    .await
    .unwrap();
    let mut theirs = state.clone();
    theirs.apply(
        server,
        &state
            .edit(
                2,
                2,
                fields(json!({"name": "Caribbean Customs Law Enforcement Council"})),
            )
            .unwrap(),
        None,
    );
    db.apply_pull(&[Pulled::Known(theirs.clone())], &Cursor::new("s1", 2))
        .await
        .unwrap();
    let merged = db
        .record(RecordKind::Organisation, org)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        merged.values()["name"],
        json!("Caribbean Customs Law Enforcement Council")
    );
    assert_eq!(merged.values()["acronym"], json!("CCLEC"));
    assert_eq!(db.cursor().await.unwrap(), Some(Cursor::new("s1", 2)));

    // A new snapshot (say, from a replaced server) keeps the unacknowledged edit on top;
    // its deleted records are stored but neither listed nor counted.
    let gone = server_record(
        server,
        new_id(),
        3,
        json!({"name": "Gone", "deleted": true}),
    );
    load(
        &db,
        Snapshot {
            cursor: Cursor::new("s2", 9),
            records: vec![theirs, gone.clone()],
        },
    )
    .await
    .unwrap();
    assert_eq!(db.count(RecordKind::Organisation).await.unwrap(), 1);
    assert_eq!(db.records(RecordKind::Organisation).await.unwrap().len(), 1);
    assert_eq!(
        db.record(RecordKind::Organisation, gone.id).await.unwrap(),
        Some(gone)
    );
    let again = db
        .record(RecordKind::Organisation, org)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(again.values()["acronym"], json!("CCLEC"));

    // Acknowledged: leaves the outbox. Rejected: stays, marked, with the reason.
    db.edit(
        &admin(),
        RecordKind::Organisation,
        org,
        fields(json!({"website": "https://example.org"})),
    )
    .await
    .unwrap();
    let rejection = Rejection {
        n: 2,
        code: "invalid_record".into(),
        message: "no".into(),
        problem: Default::default(),
        fields: vec![],
    };
    db.acknowledge(2, &[rejection]).await.unwrap();
    let outbox = db.outbox().await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].status, OutboxStatus::Rejected);
    assert_eq!(outbox[0].rejection().unwrap().message, "no");
    db.dismiss(2).await.unwrap();
    assert!(db.outbox().await.unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn upgrade_from_v1_keeps_data_and_indexes_contacts() {
    let name = unique("upgrade");
    let org = new_id();
    let contact = new_id();
    let mut state = RecordState::new(RecordKind::Contact, contact);
    state.apply(
        new_id(),
        &state.edit(1, 1, fields(json!({"organisation": org.to_string(), "role_title": "Comptroller of Customs"}))).unwrap(),
        None,
    );
    {
        // What version 1 wrote: no outbox store, rows without `org` (nor `live`), the
        // state in the earlier JSON form (full device ids in every field).
        let v1 = schema(&name, 1).build().await.unwrap();
        assert!(!v1.store_names().contains(&"outbox".to_string()));
        let tx = v1
            .transaction(&["records"], TransactionMode::ReadWrite)
            .unwrap();
        let row = json!({
            "key": format!("contact/{contact}"),
            "kind": "contact",
            "state": json!({"kind": "contact", "id": contact, "f": state.fields, "seq": 0}).to_string(),
        });
        let row = js_sys::JSON::parse(&row.to_string()).unwrap();
        tx.store("records").unwrap().put(&row, None).await.unwrap();
        tx.done().await.unwrap();
        v1.close();
    }
    let db = Db::open_named(&name).await.unwrap();
    let kept = db
        .record(RecordKind::Contact, contact)
        .await
        .unwrap()
        .expect("kept");
    assert_eq!(kept, state);
    let by_org = db.contacts_of(org).await.unwrap();
    assert_eq!(by_org.len(), 1, "the v2 data step filled in the org index");
    assert_eq!(db.count(RecordKind::Contact).await.unwrap(), 1);
    // And the new store works.
    db.edit(
        &admin(),
        RecordKind::Contact,
        contact,
        fields(json!({"name": "A. Person"})),
    )
    .await
    .unwrap();
    assert_eq!(db.outbox().await.unwrap().len(), 1);
}

#[wasm_bindgen_test]
async fn renumbering_as_a_new_device_keeps_pending_and_refused_entries() {
    let db = fresh("renumber").await;
    let before = db.device_id().await.unwrap();
    let org = new_id();
    for (i, acronym) in ["A", "B", "C", "D"].iter().enumerate() {
        let name = format!("Org {i}");
        db.edit(
            &admin(),
            RecordKind::Organisation,
            org,
            fields(json!({"name": name, "acronym": acronym})),
        )
        .await
        .unwrap();
    }
    // 1 acknowledged, 2 refused, 3 and 4 pending.
    let rejection = Rejection {
        n: 2,
        code: "invalid_record".into(),
        message: "no".into(),
        problem: Default::default(),
        fields: vec![],
    };
    db.acknowledge(2, &[rejection]).await.unwrap();
    load(
        &db,
        Snapshot {
            cursor: Cursor::new("s", 5),
            records: vec![],
        },
    )
    .await
    .unwrap();
    let after = db.renumber_as_new_device().await.unwrap();
    assert_ne!(before, after);
    assert_eq!(db.device_id().await.unwrap(), after);
    assert_eq!(db.cursor().await.unwrap(), None);
    let outbox = db.outbox().await.unwrap();
    let pending: Vec<_> = outbox
        .iter()
        .filter(|e| e.status == OutboxStatus::Pending)
        .collect();
    assert_eq!(pending.iter().map(|e| e.n).collect::<Vec<_>>(), vec![1, 2]);
    assert_eq!(pending[0].mutation().unwrap().n, 1);
    let moved = pending[1].mutation().unwrap();
    assert_eq!(moved.set["name"], json!("Org 3"));
    assert_eq!(
        moved.ctx["name"].0,
        std::collections::BTreeMap::from([(after, 1)]),
        "its context names the earlier waiting edit by its new number"
    );
    let refused: Vec<_> = outbox
        .iter()
        .filter(|e| e.status == OutboxStatus::Rejected)
        .collect();
    assert_eq!(refused.len(), 1);
    assert!(refused[0].n > 1 << 40);
    // The next edit continues the new numbering.
    let m = db
        .edit(
            &admin(),
            RecordKind::Organisation,
            org,
            fields(json!({"website": "https://example.org"})),
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(m.n, 3);
}

#[wasm_bindgen_test]
async fn waiting_changes_are_fitted_to_the_snapshot_of_a_restored_server() {
    let db = fresh("fitted").await;
    let device = db.device_id().await.unwrap();
    let server = new_id();
    let org = new_id();
    // The browser saw the server's 6th edit of the name; the backup holds only its 5th.
    let seen = server_record(server, org, 6, json!({"name": "Lost", "acronym": "A"}));
    load_first(&db, &[seen]).await;
    let name = fields(json!({"name": "Mine"}));
    let m = db
        .edit(&admin(), RecordKind::Organisation, org, name)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(m.ctx["name"].0[&server], 6);
    let restored = server_record(server, org, 5, json!({"name": "Backed up", "acronym": "A"}));
    assert!(
        restored.check_contexts(device, &m).is_err(),
        "refused as it was"
    );

    load(
        &db,
        Snapshot {
            cursor: Cursor::new("s2", 1),
            records: vec![restored.clone()],
        },
    )
    .await
    .unwrap();
    let outbox = db.outbox().await.unwrap();
    assert_eq!(outbox.len(), 1);
    let fitted = outbox[0].mutation().unwrap();
    assert_eq!(fitted.ctx["name"].0[&server], 5);
    assert_eq!(fitted.set, m.set);
    restored
        .check_contexts(device, &fitted)
        .expect("accepted by the restored server");
    let shown = db
        .record(RecordKind::Organisation, org)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(shown.values()["name"], json!("Mine"));
    assert_eq!(
        shown.conflicts().count(),
        0,
        "it replaces what the backup holds"
    );
}

#[wasm_bindgen_test]
async fn the_session_is_kept_ended_refreshed_and_forgotten() {
    let name = unique("session");
    let db = Db::open_named(&name).await.unwrap();
    assert_eq!(db.session().await.unwrap(), None);
    let editor = person(Role::OfficeEditor, Some(new_id()));
    let stored = db
        .save_session(&Session {
            token: "token-1".into(),
            expires: 42,
            user: editor.clone(),
        })
        .await
        .unwrap();
    assert!(stored.signed_in());
    db.close();
    // Kept across reloads (a new open of the same database).
    let db = Db::open_named(&name).await.unwrap();
    let again = db.session().await.unwrap().expect("kept");
    assert_eq!(again, stored);
    // The service worker reads the token as a plain property of meta's `session`.
    assert_eq!(again.token.as_deref(), Some("token-1"));

    // A refusal of another token leaves this one alone; of this one, keeps the person.
    let same = db.end_session("another-token").await.unwrap().unwrap();
    assert!(same.signed_in());
    let ended = db.end_session("token-1").await.unwrap().unwrap();
    assert!(!ended.signed_in());
    assert_eq!(ended.user, editor);

    // The server's newer view of the person replaces the kept one.
    let moved = User {
        organisation: Some(new_id()),
        ..editor.clone()
    };
    let now = db.update_user(&moved).await.unwrap().unwrap();
    assert_eq!(now.user, moved);
    // Someone else's record does not.
    db.update_user(&admin()).await.unwrap();
    assert_eq!(db.session().await.unwrap().unwrap().user, moved);

    db.forget_session().await.unwrap();
    assert_eq!(db.session().await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn edits_are_checked_against_the_role_and_name_their_author() {
    let db = fresh("access").await;
    let (mine, theirs) = (new_id(), new_id());
    for (org, name) in [(mine, "Barbados Customs"), (theirs, "Montserrat Customs")] {
        db.edit(
            &admin(),
            RecordKind::Organisation,
            org,
            fields(json!({"name": name})),
        )
        .await
        .unwrap();
    }
    let their_contact = new_id();
    db.edit(
        &admin(),
        RecordKind::Contact,
        their_contact,
        fields(json!({"organisation": theirs.to_string(), "role_title": "Comptroller"})),
    )
    .await
    .unwrap();
    let before = db.outbox().await.unwrap().len();

    let viewer = person(Role::Viewer, None);
    let err = db
        .edit(
            &viewer,
            RecordKind::Organisation,
            mine,
            fields(json!({"acronym": "BCED"})),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, EditError::Denied(_)), "{err}");

    let editor = person(Role::OfficeEditor, Some(mine));
    let err = db
        .edit(
            &editor,
            RecordKind::Contact,
            their_contact,
            fields(json!({"phone": "+1 664 491 0000"})),
        )
        .await
        .unwrap_err();
    match err {
        EditError::Denied(d) => {
            assert_eq!(d.problem.key, "problem-another-offices-record", "{d:?}")
        }
        other => panic!("expected a refusal, got {other}"),
    }
    // A contact of their own office: allowed, and named after its author.
    let m = db
        .edit(
            &editor,
            RecordKind::Contact,
            new_id(),
            fields(json!({"organisation": mine.to_string(), "role_title": "Comptroller"})),
        )
        .await
        .unwrap()
        .unwrap();
    let outbox = db.outbox().await.unwrap();
    assert_eq!(outbox.len(), before + 1, "refused edits stored nothing");
    let last = outbox.last().unwrap();
    assert_eq!(last.n, m.n);
    assert_eq!(last.by, Some(editor.id));
    assert_eq!(last.by_name.as_deref(), Some(editor.display()));
    // A field the role may not set is named.
    let err = db
        .edit(
            &editor,
            RecordKind::Organisation,
            mine,
            fields(json!({"status": "defunct"})),
        )
        .await
        .unwrap_err();
    match err {
        EditError::Denied(d) => assert_eq!(d.field.as_deref(), Some("status")),
        other => panic!("expected a refusal, got {other}"),
    }
}

#[wasm_bindgen_test]
async fn another_persons_unsent_changes_hold_the_queue_until_discarded() {
    let db = fresh("held").await;
    let (alice, bob) = (admin(), person(Role::Coordinator, None));
    let org = new_id();
    db.edit(
        &alice,
        RecordKind::Organisation,
        org,
        fields(json!({"name": "A"})),
    )
    .await
    .unwrap();
    db.edit(
        &alice,
        RecordKind::Organisation,
        org,
        fields(json!({"acronym": "AA"})),
    )
    .await
    .unwrap();
    db.edit(
        &bob,
        RecordKind::Organisation,
        org,
        fields(json!({"website": "https://b.org"})),
    )
    .await
    .unwrap();
    let outbox = db.outbox().await.unwrap();
    // Alice may send all of hers; Bob nothing, since Alice's come first.
    let ns = |v: Vec<&tradewinds_app::db::OutboxEntry>| v.iter().map(|e| e.n).collect::<Vec<_>>();
    assert_eq!(
        ns(tradewinds_app::sync::sendable(&outbox, alice.id)),
        vec![1, 2]
    );
    assert!(tradewinds_app::sync::sendable(&outbox, bob.id).is_empty());
    let held = tradewinds_app::session::held(&outbox, bob.id);
    assert_eq!(held.len(), 1);
    assert_eq!((held[0].author, held[0].count), (alice.id, 2));

    // Bob discards Alice's: his own are renumbered from 1 under a new device id.
    let device = db.device_id().await.unwrap();
    assert_eq!(db.discard_pending_by(alice.id).await.unwrap(), 2);
    assert_ne!(db.device_id().await.unwrap(), device);
    let outbox = db.outbox().await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].n, 1);
    assert_eq!(outbox[0].mutation().unwrap().n, 1);
    assert_eq!(outbox[0].by, Some(bob.id));
    assert_eq!(ns(tradewinds_app::sync::sendable(&outbox, bob.id)), vec![1]);
}

#[wasm_bindgen_test]
async fn a_snapshot_with_an_unreadable_record_changes_nothing() {
    let db = fresh("bad-snapshot").await;
    let server = new_id();
    let state = server_record(server, new_id(), 1, json!({"name": "Kept"}));
    load_first(&db, std::slice::from_ref(&state)).await;
    // The second record's `deleted` field (read to index it) names a device its table
    // does not have.
    let body = format!(
        r#"{{"cursor":"s1.2","records":[{},{{"kind":"organisation","id":"{}","d":[],"c":{{"deleted":[[[false,5,1,0,0]],[]]}}}}]}}"#,
        serde_json::to_string(&state).unwrap(),
        new_id()
    );
    let err = db
        .load_snapshot(RawSnapshot::parse(&body).unwrap())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("device 5"), "{err}");
    assert_eq!(db.cursor().await.unwrap(), Some(Cursor::new("s1", 1)));
    assert_eq!(db.count(RecordKind::Organisation).await.unwrap(), 1);
    assert_eq!(
        db.record(RecordKind::Organisation, state.id).await.unwrap(),
        Some(state)
    );
}

#[wasm_bindgen_test]
async fn outbox_and_session_rows_written_by_earlier_versions_are_read() {
    // Earlier versions wrote the outbox and the session with serde-wasm-bindgen: plain
    // JSON-compatible objects, `None` as null. Rows may also lack optional properties.
    let name = unique("earlier-rows");
    Db::open_named(&name).await.unwrap().close();
    let editor = person(Role::OfficeEditor, Some(new_id()));
    let state = RecordState::new(RecordKind::Organisation, new_id());
    let first = state
        .edit(1, 1000, fields(json!({"name": "Montserrat Customs"})))
        .unwrap();
    let second = state
        .edit(2, 2000, fields(json!({"acronym": "MCS"})))
        .unwrap();
    {
        let raw = schema(&name, DB_VERSION).build().await.unwrap();
        let tx = raw
            .transaction(&["outbox", "meta"], TransactionMode::ReadWrite)
            .unwrap();
        let object = |v: Value| js_sys::JSON::parse(&v.to_string()).unwrap();
        let outbox = tx.store("outbox").unwrap();
        let rows = [
            json!({"n": 1, "status": "pending", "mutation": serde_json::to_string(&first).unwrap(),
                   "rejection": null, "at": 1000, "by": editor.id, "by_name": editor.name}),
            json!({"n": 2, "status": "pending", "mutation": serde_json::to_string(&second).unwrap(), "at": 2000}),
        ];
        for row in rows {
            outbox.put(&object(row), None).await.unwrap();
        }
        let session = json!({"token": "token-1", "expires": 42, "user": editor});
        tx.store("meta")
            .unwrap()
            .put(&object(session), Some(&"session".into()))
            .await
            .unwrap();
        tx.done().await.unwrap();
        raw.close();
    }
    let db = Db::open_named(&name).await.unwrap();
    let entries = db.outbox().await.unwrap();
    assert_eq!(entries.iter().map(|e| e.n).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(entries[0].mutation().unwrap(), first);
    assert_eq!(entries[1].mutation().unwrap(), second);
    assert_eq!(
        (entries[0].by, entries[0].by_name.as_deref()),
        (Some(editor.id), Some(editor.name.as_str()))
    );
    assert_eq!((entries[1].by, entries[1].rejection()), (None, None));
    assert!(entries.iter().all(|e| e.status == OutboxStatus::Pending));
    let session = db.session().await.unwrap().expect("kept");
    assert_eq!(session.user, editor);
    assert_eq!(session.token.as_deref(), Some("token-1"));
}

/// A newer server's data: a record of a kind this release does not know, and a field it
/// does not know on one it does. Both are kept as received, nothing else fails, an edit of
/// a known field keeps the unknown one, and a later release that knows the kind lists it
/// without loading the catalogue again.
#[wasm_bindgen_test]
async fn records_and_fields_of_a_newer_release_are_kept_and_passed_on() {
    let db = Db::open_named(&unique("foreign")).await.unwrap();
    let server = new_id();
    let org = new_id();
    let mut known = server_record(server, org, 1, json!({"name": "Montserrat Customs"}));
    // A field of a newer release, written by the server.
    let future = RecordState::new(RecordKind::Organisation, org)
        .edit(2, 2, fields(json!({"port_codes": ["MSPLY"]})))
        .unwrap();
    known.apply(server, &future, None);
    let survey_id = new_id();
    let survey = serde_json::to_string(&server_record(server, survey_id, 3, json!({"name": "x"})))
        .unwrap()
        .replacen("\"organisation\"", "\"survey\"", 1);
    let body = format!(
        "{{\"cursor\":\"s1.1\",\"records\":[{},{survey}]}}",
        serde_json::to_string(&known).unwrap()
    );
    db.load_snapshot(RawSnapshot::parse(&body).unwrap())
        .await
        .unwrap();
    assert_eq!(db.count(RecordKind::Organisation).await.unwrap(), 1);
    assert_eq!(
        db.foreign_records().await.unwrap(),
        vec![("survey".to_owned(), survey_id, survey.clone())]
    );
    assert!(
        db.conflicted().await.unwrap().is_empty(),
        "reading all rows works"
    );

    // An edit of a field this release knows: stored, and the unknown field stays.
    db.edit(
        &admin(),
        RecordKind::Organisation,
        org,
        fields(json!({"acronym": "MCED"})),
    )
    .await
    .unwrap()
    .unwrap();
    let edited = db
        .record(RecordKind::Organisation, org)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(edited.values()["port_codes"], json!(["MSPLY"]));
    assert_eq!(edited.values()["acronym"], json!("MCED"));
    let outbox = db.outbox().await.unwrap();
    assert!(
        !outbox[0].mutation.contains("port_codes"),
        "sent: only what changed"
    );

    // A pull bringing a newer state of the unknown record replaces it as received.
    let newer = survey.replacen("\"seq\":0", "\"seq\":5", 1);
    assert_ne!(newer, survey);
    let pulled = Pulled::parse(&newer).unwrap();
    assert!(matches!(pulled, Pulled::Foreign { .. }));
    db.apply_pull(&[pulled], &Cursor::new("s1", 5))
        .await
        .unwrap();
    assert_eq!(db.foreign_records().await.unwrap()[0].2, newer);
    assert_eq!(db.cursor().await.unwrap(), Some(Cursor::new("s1", 5)));
    // A broken record is still an error, not kept.
    assert!(Pulled::parse("{\"kind\":\"organisation\",\"id\":3}").is_err());
}

/// A release that learnt a kind indexes the records an earlier one kept as received.
#[wasm_bindgen_test]
async fn kept_records_of_a_kind_now_known_are_listed_after_the_update() {
    let name = unique("adopt");
    let server = new_id();
    let org = new_id();
    let state = server_record(server, org, 1, json!({"name": "Saint Lucia Customs"}));
    {
        // As a release without organisations would have kept it.
        let db = Db::open_named(&name).await.unwrap();
        let json = serde_json::to_string(&state).unwrap();
        let body = format!(
            "{{\"cursor\":\"s1.1\",\"records\":[{}]}}",
            json.replacen("\"organisation\"", "\"survey\"", 1)
        );
        db.load_snapshot(RawSnapshot::parse(&body).unwrap())
            .await
            .unwrap();
        let rexie = schema(&name, DB_VERSION).build().await.unwrap();
        let tx = rexie
            .transaction(&["records", "meta"], TransactionMode::ReadWrite)
            .unwrap();
        let records = tx.store("records").unwrap();
        records
            .delete(format!("survey/{org}").into())
            .await
            .unwrap();
        let row = js_sys::Object::new();
        for (k, v) in [
            ("key", format!("organisation/{org}")),
            ("kind", "organisation".to_owned()),
            ("state", json),
        ] {
            js_sys::Reflect::set(&row, &k.into(), &v.into()).unwrap();
        }
        records.put(&row.into(), None).await.unwrap();
        let kinds = js_sys::JSON::parse("[\"organisation\"]").unwrap();
        tx.store("meta")
            .unwrap()
            .put(&kinds, Some(&"foreign_kinds".into()))
            .await
            .unwrap();
        tx.done().await.unwrap();
        rexie.close();
        assert_eq!(db.count(RecordKind::Organisation).await.unwrap(), 0);
        db.close();
    }
    let db = Db::open_named(&name).await.unwrap();
    assert_eq!(db.count(RecordKind::Organisation).await.unwrap(), 1);
    assert_eq!(
        db.records(RecordKind::Organisation).await.unwrap(),
        vec![state]
    );
    assert!(db.foreign_records().await.unwrap().is_empty());
}
