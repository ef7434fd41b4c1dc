//! `app/src/db/bootstrap` in a real browser: the catalogue filled page by page from a
//! bootstrap generation, readable as it arrives, continued after the tab is closed, cleared
//! of what the generation does not have at the end, waiting changes kept on top.

use serde_json::json;
use tradewinds_app::db::{new_id, Db};
use tradewinds_shared::sync::bootstrap::{decode_page, encode_page, BootstrapIndex, PageInfo};
use tradewinds_shared::sync::{Cursor, RecordState, Snapshot};
use tradewinds_shared::RecordKind;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::*;

/// A generation of `pages` (each a list of records) at cursor `s9.9`.
fn index(pages: &[Vec<RecordState>]) -> BootstrapIndex {
    BootstrapIndex {
        format: 1,
        generation: "g1".into(),
        cursor: Cursor::new("s9", 9),
        records: pages.iter().map(|p| p.len() as u64).sum(),
        pages: pages
            .iter()
            .map(|p| PageInfo {
                records: p.len() as u32,
                bytes: 100,
            })
            .collect(),
    }
}

/// Stores page `i` as it arrives: lean JSON, decoded.
async fn store(db: &Db, i: usize, page: &[RecordState]) -> Result<(), tradewinds_app::db::DbError> {
    db.store_bootstrap_page(i, decode_page(&encode_page(page)).unwrap())
        .await
}

fn orgs(server: uuid::Uuid, n: usize) -> Vec<RecordState> {
    (0..n)
        .map(|i| {
            server_record(
                server,
                new_id(),
                i as u64 + 1,
                json!({"name": format!("Org {i}")}),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
async fn pages_are_readable_as_they_arrive_and_continue_after_a_reopen() {
    let name = unique("pages");
    let db = Db::open_named(&name).await.unwrap();
    let server = new_id();
    let pages = vec![orgs(server, 3), orgs(server, 2)];
    let index = index(&pages);
    db.begin_bootstrap(&index).await.unwrap();
    store(&db, 0, &pages[0]).await.unwrap();
    // The first page can be read; the catalogue has no cursor until the last is in.
    assert_eq!(db.records(RecordKind::Organisation).await.unwrap().len(), 3);
    assert_eq!(db.cursor().await.unwrap(), None);
    // Page 0 again, or page 2 before page 1: refused, nothing stored twice.
    let again = store(&db, 0, &pages[0]).await.unwrap_err();
    assert!(
        again
            .to_string()
            .contains("page 0 arrived when page 1 was expected"),
        "{again}"
    );
    assert!(db
        .finish_bootstrap()
        .await
        .unwrap_err()
        .to_string()
        .contains("1 of 2"));

    // The tab is closed and opened again: the generation under way continues.
    drop(db);
    let db = Db::open_named(&name).await.unwrap();
    assert_eq!(
        db.bootstrap_progress().await.unwrap(),
        Some((index.clone(), 1))
    );
    store(&db, 1, &pages[1]).await.unwrap();
    db.finish_bootstrap().await.unwrap();
    assert_eq!(db.cursor().await.unwrap(), Some(index.cursor.clone()));
    assert_eq!(db.bootstrap_progress().await.unwrap(), None);
    let mut stored = db.records(RecordKind::Organisation).await.unwrap();
    let mut expected: Vec<RecordState> = pages.concat();
    stored.sort_by_key(|s| s.id);
    expected.sort_by_key(|s| s.id);
    assert_eq!(
        stored, expected,
        "every record once, as the server holds it"
    );
}

#[wasm_bindgen_test]
async fn the_end_removes_what_the_generation_lacks_and_keeps_waiting_changes_on_top() {
    let db = fresh("sweep").await;
    let server = new_id();
    // The catalogue of the server before it was restored: two records, one edited here.
    let gone = server_record(
        server,
        new_id(),
        1,
        json!({"name": "Only before the restore"}),
    );
    let kept = server_record(
        server,
        new_id(),
        2,
        json!({"name": "In both", "acronym": "B"}),
    );
    let body = serde_json::to_string(&Snapshot {
        cursor: Cursor::new("s1", 2),
        records: vec![gone.clone(), kept.clone()],
    })
    .unwrap();
    db.load_snapshot(tradewinds_app::db::RawSnapshot::parse(&body).unwrap())
        .await
        .unwrap();
    db.edit(
        &admin(),
        RecordKind::Organisation,
        kept.id,
        fields(json!({"acronym": "Mine"})),
    )
    .await
    .unwrap()
    .unwrap();
    // A record created here, not yet sent: in no generation.
    let created = new_id();
    db.edit(
        &admin(),
        RecordKind::Organisation,
        created,
        fields(json!({"name": "Made offline"})),
    )
    .await
    .unwrap()
    .unwrap();

    // The restored server's generation holds `kept` (as it was) and a record of a kind
    // this release does not know.
    let mut page = vec![kept.clone()];
    page.extend(orgs(server, 1));
    let lean = encode_page(&page);
    let stranger = page[1].id;
    let foreign = lean.replace(
        &format!("[\"organisation\",\"{stranger}\""),
        &format!("[\"vessel\",\"{stranger}\""),
    );
    let index = index(&[page.clone()]);
    db.begin_bootstrap(&index).await.unwrap();
    db.store_bootstrap_page(0, decode_page(&foreign).unwrap())
        .await
        .unwrap();
    db.finish_bootstrap().await.unwrap();

    assert_eq!(
        db.record(RecordKind::Organisation, gone.id).await.unwrap(),
        None,
        "not on the server"
    );
    let shown = db
        .record(RecordKind::Organisation, kept.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        shown.values()["acronym"],
        json!("Mine"),
        "the waiting change stays on top"
    );
    assert_eq!(shown.values()["name"], json!("In both"));
    let mine = db
        .record(RecordKind::Organisation, created)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(mine.values()["name"], json!("Made offline"));
    assert_eq!(
        db.outbox().await.unwrap().len(),
        2,
        "both changes still to send"
    );
    let kept_aside = db.foreign_records().await.unwrap();
    assert_eq!(kept_aside.len(), 1);
    assert_eq!(
        (kept_aside[0].0.as_str(), kept_aside[0].1),
        ("vessel", stranger)
    );
    assert_eq!(db.cursor().await.unwrap(), Some(index.cursor));
}

#[wasm_bindgen_test]
async fn a_new_generation_replaces_the_one_under_way() {
    let db = fresh("restart").await;
    let server = new_id();
    let old = vec![orgs(server, 2), orgs(server, 2)];
    db.begin_bootstrap(&index(&old)).await.unwrap();
    store(&db, 0, &old[0]).await.unwrap();
    // The server dropped it: the app starts on the current one.
    let new = vec![orgs(server, 1)];
    let mut fresh_index = index(&new);
    fresh_index.generation = "g2".into();
    db.begin_bootstrap(&fresh_index).await.unwrap();
    assert_eq!(
        db.bootstrap_progress().await.unwrap(),
        Some((fresh_index, 0))
    );
    store(&db, 0, &new[0]).await.unwrap();
    db.finish_bootstrap().await.unwrap();
    let stored = db.records(RecordKind::Organisation).await.unwrap();
    assert_eq!(stored, new[0], "the old generation's page is gone with it");
}
