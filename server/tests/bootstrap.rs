//! The bootstrap (issue 18): a generation's pages are the catalogue at its cursor, weigh
//! at most 1.3× the records alone compressed with brotli 11, are sent as stored (or
//! decompressed for a client without `br`), are made again in the background when stale,
//! and are never served for another identity than the database's.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::{json, Map, Value};
use tradewinds_server::store::{backup, bootstrap, now_ms};
use tradewinds_server::Store;
use tradewinds_shared::sync::bootstrap::{decode_page, plain_ndjson, BootstrapIndex};
use tradewinds_shared::sync::progress::RECORDS_HEADER;
use tradewinds_shared::sync::{Cursor, Mutation, PullResponse, RecordState};
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::common::catalogue::{self, catalogue};
use crate::common::{fields, new_org, Reply, TestApp};

/// Creates `records` through the ordinary push path, spread over `devices` devices.
async fn push_all(t: &TestApp, records: &[(RecordKind, Uuid, Map<String, Value>)], devices: usize) {
    for (device, ms) in catalogue::pushes(records, devices) {
        let answer = t.push(device, &ms).await;
        assert!(answer.rejections.is_empty(), "{:?}", answer.rejections);
    }
}

/// A GET with the test's session and this `Accept-Encoding` (`None`: none sent).
async fn get(t: &TestApp, path: &str, accept: Option<&str>) -> Reply {
    let mut req = Request::builder().uri(path);
    if let Some(token) = &t.token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    if let Some(accept) = accept {
        req = req.header(header::ACCEPT_ENCODING, accept);
    }
    t.send(req.body(Body::empty()).unwrap()).await
}

/// The index, and its JSON's size as sent. The first request makes the generation; on a
/// busy machine that can outlast the request timeout (408), and the generation goes on in
/// its own task for the next request to find, as the app's next try does.
async fn index(t: &TestApp) -> (BootstrapIndex, usize) {
    let mut reply = get(t, "/api/v1/sync/bootstrap", None).await;
    for _ in 0..5 {
        if reply.status != StatusCode::REQUEST_TIMEOUT {
            break;
        }
        reply = get(t, "/api/v1/sync/bootstrap", None).await;
    }
    let index = serde_json::from_value(reply.expect(StatusCode::OK)).expect("BootstrapIndex");
    (index, reply.body.len())
}

/// Every page of `index` as sent with `br` (the stored bytes).
async fn pages(t: &TestApp, index: &BootstrapIndex) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for (n, info) in index.pages.iter().enumerate() {
        let reply = get(t, &index.page_path(n), Some("gzip, deflate, br, zstd")).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(reply.headers[header::CONTENT_ENCODING], "br");
        assert_eq!(reply.body.len() as u64, info.bytes);
        assert_eq!(reply.headers[RECORDS_HEADER], info.records.to_string());
        out.push(reply.body);
    }
    out
}

/// The record states the pages hold, in page order.
fn decoded(pages: &[Vec<u8>]) -> Vec<RecordState> {
    pages
        .iter()
        .flat_map(|page| {
            let json = String::from_utf8(bootstrap::unbrotli(page).unwrap()).unwrap();
            decode_page(&json).unwrap()
        })
        .map(|r| r.into_state().expect("a kind this release knows"))
        .collect()
}

fn by_id(mut states: Vec<RecordState>) -> Vec<RecordState> {
    states.sort_by_key(|s| s.id);
    states
}

#[tokio::test]
async fn the_pages_are_the_catalogue_at_the_index_cursor() {
    let t = TestApp::seeded().await;
    // Beyond the seed: a conflict (two devices rename one organisation unaware of each
    // other), a deleted record, and a second page.
    let snapshot = t.store.snapshot().await.unwrap();
    let cartac = snapshot
        .records
        .iter()
        .find(|r| r.id == tradewinds_server::seed::seed_id("cartac"))
        .unwrap()
        .clone();
    for (device, name) in [(Uuid::new_v4(), "CARTAC A"), (Uuid::new_v4(), "CARTAC B")] {
        let m = cartac
            .edit(1, now_ms(), fields(json!({ "name": name })))
            .unwrap();
        t.push(device, &[m]).await;
    }
    let gone = snapshot.records.last().unwrap();
    let delete = gone
        .edit(1, now_ms(), fields(json!({ "deleted": true })))
        .unwrap();
    t.push(Uuid::new_v4(), &[delete]).await;
    push_all(&t, &catalogue(450, 7), 2).await;

    let (index, _) = index(&t).await;
    let stored = t.store.snapshot().await.unwrap();
    assert_eq!(index.cursor, stored.cursor, "nothing changed since");
    assert_eq!(index.records, stored.records.len() as u64);
    assert!(index.pages.len() >= 2, "{} pages", index.pages.len());
    let states = decoded(&pages(&t, &index).await);
    assert!(states.iter().any(|s| s.conflicts().next().is_some()));
    assert!(states.iter().any(|s| s.is_deleted()));
    assert_eq!(by_id(states), by_id(stored.records));
}

#[tokio::test]
async fn the_bootstrap_weighs_at_most_1_3_times_the_records_alone() {
    let t = TestApp::empty().await;
    push_all(&t, &catalogue(2_000, 2012), 4).await;
    let (index, index_bytes) = index(&t).await;
    assert_eq!(index.records, 2_000);
    let page_bytes: usize = pages(&t, &index).await.iter().map(Vec::len).sum();
    let records = t.store.snapshot().await.unwrap().records;
    let bound = bootstrap::brotli(plain_ndjson(&records).as_bytes(), 24).len();
    let sent = index_bytes + page_bytes;
    println!(
        "2,000 records: index {index_bytes} B + pages {page_bytes} B = {sent} B; \
         records alone (brotli 11) {bound} B; ratio {:.3}",
        sent as f64 / bound as f64
    );
    assert!(
        sent as f64 <= 1.3 * bound as f64,
        "{sent} bytes sent for {bound} bytes of records"
    );
}

#[tokio::test]
async fn changes_after_a_generation_come_with_the_pull_from_its_cursor() {
    let t = TestApp::empty().await;
    let records = catalogue(500, 3);
    push_all(&t, &records, 2).await;
    let (index, _) = index(&t).await;
    let mut states = decoded(&pages(&t, &index).await);
    // After the generation: an edit, a deletion and a new record.
    let (first, second) = (states[0].clone(), states[1].clone());
    let device = Uuid::new_v4();
    let edit = first
        .edit(
            1,
            now_ms(),
            fields(json!({ "description": "Edited after the pages." })),
        )
        .unwrap();
    let delete = second
        .edit(2, now_ms(), fields(json!({ "deleted": true })))
        .unwrap();
    let create = RecordState::new(RecordKind::Organisation, Uuid::new_v4())
        .edit(3, now_ms(), fields(new_org("Made after the pages")))
        .unwrap();
    t.push(device, &[edit, delete, create]).await;

    let reply = t
        .get(&format!("/api/v1/sync/pull?cursor={}", index.cursor.0))
        .await;
    let pulled: PullResponse = serde_json::from_value(reply.expect(StatusCode::OK)).unwrap();
    assert!(!pulled.reset && !pulled.has_more);
    assert_eq!(pulled.records.len(), 3);
    for record in pulled.records {
        match states.iter_mut().find(|s| s.id == record.id) {
            Some(s) => *s = record,
            None => states.push(record),
        }
    }
    assert_eq!(
        by_id(states),
        by_id(t.store.snapshot().await.unwrap().records)
    );
}

/// Creates `count` organisations under a new device in one push.
async fn changes(t: &TestApp, count: usize) {
    let ms: Vec<Mutation> = (1..=count as u64)
        .map(|n| {
            RecordState::new(RecordKind::Organisation, Uuid::new_v4())
                .edit(n, now_ms(), fields(new_org(&format!("Organisation {n}"))))
                .unwrap()
        })
        .collect();
    t.push(Uuid::new_v4(), &ms).await;
}

#[tokio::test]
async fn a_stale_generation_is_served_while_the_next_is_made_and_two_are_kept() {
    let t = TestApp::empty().await;
    changes(&t, 3).await;
    let (a, _) = index(&t).await;
    // 100 changes is not stale yet (at most max(100, records / 20) are brought by pulls).
    changes(&t, 100).await;
    assert_eq!(index(&t).await.0, a);
    t.store.bootstrap_settled().await;
    assert_eq!(index(&t).await.0, a, "nothing was made for 100 changes");
    changes(&t, 1).await;
    assert_eq!(
        index(&t).await.0,
        a,
        "stale: still answered, the next made meanwhile"
    );
    t.store.bootstrap_settled().await;
    let (b, _) = index(&t).await;
    assert_ne!(b.generation, a.generation);
    assert_eq!(b.records, 104);
    assert_eq!(b.cursor, t.store.snapshot().await.unwrap().cursor);

    changes(&t, 101).await;
    assert_eq!(index(&t).await.0, b);
    t.store.bootstrap_settled().await;
    let (c, _) = index(&t).await;
    assert_ne!(c.generation, b.generation);
    // B, the one before the newest, is still served to devices under way; A is not.
    assert_eq!(pages(&t, &b).await.len(), b.pages.len());
    assert_eq!(pages(&t, &c).await.len(), c.pages.len());
    get(&t, &a.page_path(0), None)
        .await
        .expect_error(StatusCode::NOT_FOUND, "bootstrap_gone");
    let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM bootstrap_generations")
        .fetch_one(t.store.pool())
        .await
        .unwrap();
    assert_eq!(kept, 2);
}

#[tokio::test]
async fn callers_at_once_make_one_generation() {
    let t = TestApp::empty().await;
    changes(&t, 10).await;
    let (a, b, c, d) = tokio::join!(index(&t), index(&t), index(&t), index(&t));
    for other in [&b.0, &c.0, &d.0] {
        assert_eq!(&a.0, other);
    }
    let made: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM bootstrap_generations")
        .fetch_one(t.store.pool())
        .await
        .unwrap();
    assert_eq!(made, 1);
}

#[tokio::test]
async fn the_bootstrap_needs_a_session_and_refuses_crafted_paths_cleanly() {
    let t = TestApp::empty().await;
    changes(&t, 3).await;
    let (index, _) = index(&t).await;
    let anonymous = t.with_token(None);
    get(&anonymous, "/api/v1/sync/bootstrap", None)
        .await
        .expect_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    get(&anonymous, &index.page_path(0), None)
        .await
        .expect_error(StatusCode::UNAUTHORIZED, "unauthenticated");

    let long = "a".repeat(5_000);
    let g = &index.generation;
    let bad_path = [
        format!("/api/v1/sync/bootstrap/{g}/x"),
        format!("/api/v1/sync/bootstrap/{g}/-1"),
        format!("/api/v1/sync/bootstrap/{g}/1.0"),
        format!("/api/v1/sync/bootstrap/{g}/99999999999999999999999"),
        format!("/api/v1/sync/bootstrap/{g}/%FF"),
        "/api/v1/sync/bootstrap/../0".to_owned(),
        "/api/v1/sync/bootstrap/..%2F..%2Fmeta/0".to_owned(),
        "/api/v1/sync/bootstrap/%00/0".to_owned(),
        "/api/v1/sync/bootstrap/a%20b/0".to_owned(),
        format!("/api/v1/sync/bootstrap/{long}/0"),
    ];
    // (Asked without `br`: an error's JSON is compressed like any other answer.)
    for path in &bad_path {
        get(&t, path, None)
            .await
            .expect_error(StatusCode::BAD_REQUEST, "bad_path");
    }
    let gone = [
        format!("/api/v1/sync/bootstrap/{g}/{}", index.pages.len()),
        format!("/api/v1/sync/bootstrap/{g}/4294967295"),
        format!("/api/v1/sync/bootstrap/{g}/9999999999"),
        "/api/v1/sync/bootstrap/AAAAAAAAAAAAAAAAAAAAAA/0".to_owned(),
    ];
    for path in &gone {
        let body = get(&t, path, None)
            .await
            .expect_error(StatusCode::NOT_FOUND, "bootstrap_gone");
        assert!(body.message.contains("/api/v1/sync/bootstrap"));
    }
    get(&t, &format!("/api/v1/sync/bootstrap/{g}/0/more"), None)
        .await
        .expect_error(StatusCode::NOT_FOUND, "not_found");
    // The page itself is still there.
    assert_eq!(
        get(&t, &index.page_path(0), Some("br")).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_page_is_sent_as_stored_with_br_and_decompressed_without() {
    let t = TestApp::empty().await;
    push_all(&t, &catalogue(450, 11), 2).await;
    let (index, _) = index(&t).await;
    let (records, stored) = t
        .store
        .bootstrap_page(&index.generation, 1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(records, 50);
    let path = index.page_path(1);

    let br = get(&t, &path, Some("gzip, deflate, br, zstd")).await;
    assert_eq!(br.status, StatusCode::OK);
    assert_eq!(br.body, stored, "the stored bytes, not compressed again");
    let h = &br.headers;
    assert_eq!(h[header::CONTENT_ENCODING], "br");
    assert_eq!(h.get_all(header::CONTENT_ENCODING).iter().count(), 1);
    assert_eq!(h[header::CONTENT_TYPE], "application/json");
    assert_eq!(
        h[header::CACHE_CONTROL],
        "private, max-age=31536000, immutable"
    );
    assert_eq!(h[RECORDS_HEADER], "50");
    let vary: Vec<_> = h.get_all(header::VARY).iter().collect();
    assert_eq!(vary, ["accept-encoding"]);

    let json = String::from_utf8(bootstrap::unbrotli(&stored).unwrap()).unwrap();
    for accept in [None, Some("identity"), Some("br;q=0")] {
        let plain = get(&t, &path, accept).await;
        assert_eq!(plain.status, StatusCode::OK, "{accept:?}");
        assert!(plain.headers.get(header::CONTENT_ENCODING).is_none());
        assert_eq!(plain.headers[RECORDS_HEADER], "50");
        assert_eq!(plain.headers[header::CONTENT_TYPE], "application/json");
        assert_eq!(
            decode_page(std::str::from_utf8(&plain.body).unwrap()).unwrap(),
            decode_page(&json).unwrap()
        );
        assert_eq!(plain.body, json.as_bytes());
    }
    // Without `br` but with another encoding, the app's compression layer takes it.
    let gzip = get(&t, &path, Some("gzip")).await;
    assert_eq!(gzip.headers[header::CONTENT_ENCODING], "gzip");
    assert_ne!(gzip.body, stored);
}

#[tokio::test]
async fn no_generation_of_an_old_identity_is_ever_served() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let copy = dir.path().join("copy.db");
    let store = Store::open(&url).await.unwrap();
    let device = Uuid::new_v4();
    let ms: Vec<Mutation> = (1..=5)
        .map(|n| {
            RecordState::new(RecordKind::Organisation, Uuid::new_v4())
                .edit(n, now_ms(), fields(new_org(&format!("Organisation {n}"))))
                .unwrap()
        })
        .collect();
    let author = tradewinds_server::accounts::Author::server("Ana");
    store.push(device, ms, &author).await.unwrap();
    let old = store.bootstrap_index().await.unwrap();
    backup::backup(&url, &copy).await.unwrap();
    store.close().await;

    // `restore` deletes the old identity's generations.
    let restored_url = format!("sqlite://{}", dir.path().join("restored.db").display());
    let new_id = backup::restore(&restored_url, &copy).await.unwrap();
    let store = Store::open(&restored_url).await.unwrap();
    let count = |store: Store| async move {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM bootstrap_generations")
            .fetch_one(store.pool())
            .await
            .unwrap()
    };
    assert_eq!(count(store.clone()).await, 0);
    assert!(store
        .bootstrap_page(&old.generation, 0)
        .await
        .unwrap()
        .is_none());
    let new = store.bootstrap_index().await.unwrap();
    assert_ne!(new.generation, old.generation);
    assert_eq!(new.cursor.parts().unwrap().0, new_id.to_string());
    store.close().await;

    // A copy given a new identity some other way keeps its rows until `Store::open`
    // discards them.
    let other_url = format!("sqlite://{}", copy.display());
    {
        let store = Store::open(&other_url).await.unwrap();
        sqlx::query("UPDATE meta SET value = $1 WHERE key = 'server_id'")
            .bind(Uuid::new_v4().to_string())
            .execute(store.pool())
            .await
            .unwrap();
        assert_eq!(count(store.clone()).await, 1, "the copy holds the old one");
        store.close().await;
    }
    let store = Store::open(&other_url).await.unwrap();
    assert_eq!(count(store.clone()).await, 0);
    assert_ne!(
        store.bootstrap_index().await.unwrap().generation,
        old.generation
    );

    // A generation of this identity whose cursor this history does not hold (a change
    // past its end) is not served either.
    let index = store.bootstrap_index().await.unwrap();
    let far = Cursor::at(store.server_id(), 1_000_000, Some("0123456789ab"));
    sqlx::query(
        "INSERT INTO bootstrap_generations (id, server_id, cursor, seq, records, format, made_at) \
         VALUES ('elsewhere', $1, $2, 1000000, 0, $3, $4)",
    )
    .bind(store.server_id())
    .bind(&far.0)
    .bind(tradewinds_shared::sync::bootstrap::FORMAT as i64)
    .bind(now_ms())
    .execute(store.pool())
    .await
    .unwrap();
    assert_eq!(store.bootstrap_index().await.unwrap(), index);
    assert_eq!(count(store.clone()).await, 1, "the foreign one is deleted");
}
