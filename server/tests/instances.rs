//! Several server instances on one PostgreSQL database: any instance takes any push or
//! pull, a device's push sent to two instances at once is applied once, the server's own
//! edits on two instances are all applied, a pull never passes a change whose
//! transaction has not committed, and a push acknowledged by one instance is in the next
//! pull from another. These need PostgreSQL (`make test-server-postgres`):
//! SQLite has one writer process, so on SQLite they say so and stop.

use std::collections::HashMap;
use std::time::Duration;

use serde_json::json;
use tradewinds_server::accounts::Author;
use tradewinds_server::db::{self, Exclusive};
use tradewinds_server::Store;
use tradewinds_shared::sync::{Cursor, Mutation, RecordState};
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::common::{database_url, fields, Rng};

/// Two instances on one new PostgreSQL database, or `None` (and a note) on SQLite.
async fn two_instances(dir: &std::path::Path) -> Option<(Store, Store)> {
    let url = database_url(dir).await;
    if db::Backend::of_url(&url).ok()? != db::Backend::Postgres {
        eprintln!("not run: several instances need PostgreSQL (make test-server-postgres)");
        return None;
    }
    let a = Store::open(&url).await.expect("open instance a");
    let b = Store::open(&url).await.expect("open instance b");
    assert_eq!(a.server_id(), b.server_id(), "one database, one identity");
    Some((a, b))
}

/// Every record, by id, as a pull from the start of the log through `store` brings it.
async fn pulled(store: &Store) -> HashMap<Uuid, RecordState> {
    let mut cursor = Cursor::at(store.server_id(), 0, None);
    let mut out = HashMap::new();
    loop {
        let page = store.pull(&cursor, 50).await.expect("pull");
        assert!(!page.reset, "a cursor this database issued is never reset");
        for r in page.records {
            out.insert(r.id, r);
        }
        cursor = page.cursor;
        if !page.has_more {
            return out;
        }
    }
}

#[tokio::test]
async fn devices_switching_instances_have_every_change_applied_once() {
    let dir = tempfile::tempdir().unwrap();
    let Some((a, b)) = two_instances(dir.path()).await else {
        return;
    };
    let mut rng = Rng::new(22);
    const DEVICES: usize = 6;
    const MUTATIONS: u64 = 40;
    let mut tasks = Vec::new();
    for d in 0..DEVICES {
        let (a, b) = (a.clone(), b.clone());
        let device = rng.uuid();
        let mut rng = Rng::new(100 + d as u64);
        tasks.push(tokio::spawn(async move {
            // The device's own records, as it knows them.
            let mut mine: Vec<RecordState> = (0..3)
                .map(|_| RecordState::new(RecordKind::Organisation, rng.uuid()))
                .collect();
            let mut n = 1;
            while n <= MUTATIONS {
                let size = (1 + rng.below(5) as u64).min(MUTATIONS - n + 1);
                let mut batch: Vec<Mutation> = Vec::new();
                for k in n..n + size {
                    let r = rng.below(mine.len());
                    let m = mine[r]
                        .edit(
                            k,
                            1_000 + k as i64,
                            fields(json!({
                                "name": format!("Device {d} change {k}"),
                                "category": "customs_administration",
                                "country": "BB",
                            })),
                        )
                        .expect("a change");
                    mine[r].apply(device, &m, Some("device"));
                    batch.push(m);
                }
                let author = Author::server("device");
                let answers = match rng.below(3) {
                    0 => vec![a.push(device, batch, &author).await],
                    1 => vec![b.push(device, batch, &author).await],
                    // The same push to both instances at once (a retry after a timeout
                    // that went to another instance).
                    _ => {
                        let (x, y) = tokio::join!(
                            a.push(device, batch.clone(), &author),
                            b.push(device, batch, &author)
                        );
                        vec![x, y]
                    }
                };
                for answer in answers {
                    let answer = answer.expect("push");
                    assert_eq!(answer.last_applied, n + size - 1, "device {d}");
                    assert!(answer.rejections.is_empty(), "{:?}", answer.rejections);
                }
                n += size;
            }
            device
        }));
    }
    // Meanwhile, the server's own edits on both instances (REST calls, imports).
    let mut edits = Vec::new();
    for (i, store) in [a.clone(), b.clone(), a.clone(), b.clone()]
        .into_iter()
        .enumerate()
    {
        edits.push(tokio::spawn(async move {
            let mut ids = Vec::new();
            for k in 0..10 {
                let id = Uuid::new_v4();
                store
                    .apply_server_edit(
                        RecordKind::Organisation,
                        id,
                        fields(json!({
                            "name": format!("Server edit {i}.{k}"),
                            "category": "donor",
                            "country": "BB",
                        })),
                        &Author::server("rest"),
                    )
                    .await
                    .expect("server edit")
                    .expect("the record");
                ids.push(id);
            }
            ids
        }));
    }
    let mut devices = Vec::new();
    for t in tasks {
        devices.push(t.await.unwrap());
    }
    let mut server_records = Vec::new();
    for e in edits {
        server_records.extend(e.await.unwrap());
    }

    // Each device's every mutation is in the change log once, and its counter at its end.
    for device in &devices {
        let (rows, distinct): (i64, i64) = sqlx::query_as(
            "SELECT COUNT(*), COUNT(DISTINCT mutation) FROM changes WHERE device = $1",
        )
        .bind(device.to_string())
        .fetch_one(a.pool())
        .await
        .unwrap();
        assert_eq!((rows, distinct), (MUTATIONS as i64, MUTATIONS as i64));
        assert_eq!(a.last_mutation(*device).await.unwrap(), MUTATIONS);
        assert_eq!(b.last_mutation(*device).await.unwrap(), MUTATIONS);
    }
    // The log has no holes: pulls see it in the order it was written.
    let seqs: Vec<i64> = sqlx::query_scalar("SELECT seq FROM changes ORDER BY seq")
        .fetch_all(b.pool())
        .await
        .unwrap();
    assert_eq!(seqs, (1..=seqs.len() as i64).collect::<Vec<_>>());
    // Every server edit applied, whichever instance made it.
    let from_a = pulled(&a).await;
    let from_b = pulled(&b).await;
    for id in &server_records {
        assert!(from_a.contains_key(id), "server edit {id} is stored");
    }
    assert_eq!(from_a.len(), DEVICES * 3 + server_records.len());
    assert_eq!(from_a, from_b, "both instances serve the same records");
}

/// A writing turn that has taken its sequence number but not yet committed holds back
/// every other instance's turn, so no later number commits before it and a pull from a
/// cursor never steps over it.
#[tokio::test]
async fn a_pull_never_passes_a_change_not_yet_committed() {
    let dir = tempfile::tempdir().unwrap();
    let Some((a, b)) = two_instances(dir.path()).await else {
        return;
    };
    let org = |name: &str| fields(json!({"name": name, "category": "donor", "country": "BB"}));
    a.apply_server_edit(
        RecordKind::Organisation,
        Uuid::new_v4(),
        org("Before"),
        &Author::server("rest"),
    )
    .await
    .unwrap();
    let cursor = b
        .pull(&Cursor::at(b.server_id(), 0, None), 100)
        .await
        .unwrap()
        .cursor;

    // Instance a's turn, held open: it has taken the change log's lock and written the next
    // change, and has not committed.
    let held = RecordState::new(RecordKind::Organisation, Uuid::new_v4());
    let device = Uuid::new_v4();
    let m = held.edit(1, 2_000, org("Held")).unwrap();
    let mut state = held.clone();
    state.apply(device, &m, None);
    let mut tx = a.pool().begin().await.unwrap();
    db::lock(&mut tx, db::Backend::Postgres, Exclusive::ChangeLog)
        .await
        .unwrap();
    let seq: i64 =
        sqlx::query_scalar("SELECT CAST(value AS BIGINT) + 1 FROM meta WHERE key = 'seq'")
            .fetch_one(&mut *tx)
            .await
            .unwrap();
    state.seq = seq as u64;
    sqlx::query("INSERT INTO records (rid, kind, id, seq, deleted, state) VALUES ((SELECT MAX(rid) + 1 FROM records), 'organisation', $1, $2, 0, $3)")
        .bind(state.id.to_string())
        .bind(seq)
        .bind(serde_json::to_string(&state).unwrap())
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query("INSERT INTO changes (seq, device, mutation, kind, id, record, fields, at, received) VALUES ($1, $2, 1, 'organisation', $3, (SELECT rid FROM records WHERE id = $3), '{}', 2000, 2000)")
        .bind(seq)
        .bind(device.to_string())
        .bind(state.id.to_string())
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query("UPDATE meta SET value = $1 WHERE key = 'seq'")
        .bind(seq.to_string())
        .execute(&mut *tx)
        .await
        .unwrap();

    // Instance b takes an edit meanwhile: its turn waits for a's.
    let later = {
        let b = b.clone();
        tokio::spawn(async move {
            b.apply_server_edit(
                RecordKind::Organisation,
                Uuid::new_v4(),
                org("Later"),
                &Author::server("rest"),
            )
            .await
        })
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!later.is_finished(), "b's turn waits for a's to end");
    let page = b.pull(&cursor, 100).await.unwrap();
    assert!(
        page.records.is_empty(),
        "nothing committed after the cursor yet"
    );
    assert_eq!(
        page.cursor, cursor,
        "the cursor does not move past the open turn"
    );

    tx.commit().await.unwrap();
    later.await.unwrap().unwrap();
    let page = b.pull(&cursor, 100).await.unwrap();
    let names: Vec<_> = page
        .records
        .iter()
        .map(|r| r.values()["name"].clone())
        .collect();
    assert_eq!(
        names,
        [json!("Held"), json!("Later")],
        "in commit order, none skipped"
    );
}

/// A push acknowledged by one instance is in the very next pull from another, through the
/// API: that instance learns the change log's end with the session it checks (one round
/// trip), not from the notice `cache::follow_other_writers` waits for.
#[tokio::test]
async fn a_pull_from_another_instance_brings_an_acknowledged_push_at_once() {
    let a = crate::common::TestApp::empty().await;
    if a.store.backend() != db::Backend::Postgres {
        eprintln!("not run: several instances need PostgreSQL (make test-server-postgres)");
        return;
    }
    let b = a.another_instance().await.with_token(a.token.clone());
    let pull = |cursor: &Cursor| {
        let path = format!("/api/v1/sync/pull?cursor={}", cursor.0);
        let b = &b;
        async move {
            let page: tradewinds_shared::sync::PullResponse =
                serde_json::from_value(b.get(&path).await.expect(axum::http::StatusCode::OK))
                    .expect("a PullResponse");
            page
        }
    };
    let mut cursor = Cursor::at(b.store.server_id(), 0, None);
    loop {
        let page = pull(&cursor).await;
        cursor = page.cursor;
        if !page.has_more {
            break;
        }
    }
    let device = Uuid::new_v4();
    for n in 1..=20u64 {
        let record = RecordState::new(RecordKind::Organisation, Uuid::new_v4());
        let name = format!("Pushed {n}");
        let m = record
            .edit(
                n,
                2_000,
                fields(json!({"name": name, "category": "donor", "country": "BB"})),
            )
            .unwrap();
        let answer = a.push(device, &[m]).await;
        assert_eq!(answer.last_applied, n, "applied by a");
        let page = pull(&cursor).await;
        let names: Vec<_> = page
            .records
            .iter()
            .map(|r| r.values()["name"].clone())
            .collect();
        assert_eq!(names, [json!(name)], "b's next pull brings push {n}");
        cursor = page.cursor;
    }
}
