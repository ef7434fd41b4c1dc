//! A server restored from a backup: every device whose cursor names changes the backup
//! does not hold is told to start again (`reset`), however many changes the restored
//! server makes before the device comes back; `tradewinds restore` also gives the server a
//! new identity, so no (device, number) pair a device has seen is ever reused.

use serde_json::json;
use tradewinds_server::accounts::Author;
use tradewinds_server::store::{backup, now_ms};
use tradewinds_server::Store;
use tradewinds_shared::sync::{Cursor, Mutation, RecordState};
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::common::{fields, new_org};

/// Creates `count` organisations under `device`, numbered from `first`.
async fn create(store: &Store, device: Uuid, first: u64, count: u64) {
    let ms: Vec<Mutation> = (first..first + count)
        .map(|n| {
            RecordState::new(RecordKind::Organisation, Uuid::new_v4())
                .edit(n, now_ms(), fields(new_org(&format!("Organisation {n}"))))
                .unwrap()
        })
        .collect();
    let answer = store
        .push(device, ms, &Author::server("Ana"))
        .await
        .unwrap();
    assert!(answer.rejections.is_empty());
}

/// Pulls from `cursor` to the end; the last cursor, or `None` if told to reset.
async fn pull_to_end(store: &Store, mut cursor: Cursor) -> Option<Cursor> {
    loop {
        let page = store.pull(&cursor, 500).await.unwrap();
        if page.reset {
            return None;
        }
        cursor = page.cursor;
        if !page.has_more {
            return Some(cursor);
        }
    }
}

#[tokio::test]
async fn a_copied_back_database_resets_cursors_past_the_copy_even_after_more_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let url = format!("sqlite://{}", db.display());
    let copy = dir.path().join("copy.db");
    let store = Store::open(&url).await.unwrap();
    let device = Uuid::new_v4();
    create(&store, device, 1, 5).await;
    backup::backup(&url, &copy).await.unwrap();
    let at_backup = pull_to_end(&store, Cursor::new(store.server_id(), 0))
        .await
        .unwrap();
    // Ten changes the backup does not hold, seen by a device.
    create(&store, device, 6, 10).await;
    let seen = pull_to_end(&store, at_backup.clone()).await.unwrap();
    store.close().await;

    // The operator puts the copy back by hand (no `restore`): the same identity, the
    // history up to the backup. (Opened where it lies: replacing a file this process had
    // open races with its connections' closing threads; `restore` runs in its own
    // process once the server has stopped.)
    let url = format!("sqlite://{}", copy.display());
    let store = Store::open(&url).await.unwrap();
    // Twenty new changes: the log now reaches past the device's cursor.
    let other = Uuid::new_v4();
    create(&store, other, 1, 20).await;
    let (_, seen_seq) = seen.parts().unwrap();
    let end = pull_to_end(&store, at_backup.clone()).await.unwrap();
    assert!(end.parts().unwrap().1 > seen_seq, "{end:?} vs {seen:?}");
    assert_eq!(
        pull_to_end(&store, seen.clone()).await,
        None,
        "a cursor naming a lost change resets"
    );
    // A cursor from before the lost part is still good: its history is intact.
    assert!(pull_to_end(&store, at_backup).await.is_some());
}

#[tokio::test]
async fn restore_gives_a_new_identity_and_retires_the_old_server_device() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let copy = dir.path().join("copy.db");
    let store = Store::open(&url).await.unwrap();
    let device = Uuid::new_v4();
    create(&store, device, 1, 3).await;
    // A REST edit (the server's own device) before the backup, and one after it.
    let edit = |name: &str| fields(json!({ "name": name }));
    let id = store.list(RecordKind::Organisation).await.unwrap()[0].id;
    let author = Author::server("Ana");
    store
        .apply_server_edit(RecordKind::Organisation, id, edit("Before"), &author)
        .await
        .unwrap();
    backup::backup(&url, &copy).await.unwrap();
    assert!(
        backup::backup(&url, &copy).await.is_err(),
        "never overwrites"
    );
    store
        .apply_server_edit(RecordKind::Organisation, id, edit("Lost"), &author)
        .await
        .unwrap();
    let old_server = store.server_device();
    let lost_dot = store
        .get(RecordKind::Organisation, id)
        .await
        .unwrap()
        .unwrap()
        .fields["name"]
        .winner()
        .unwrap()
        .dot;
    let cursor = pull_to_end(&store, Cursor::new(store.server_id(), 0))
        .await
        .unwrap();
    store.close().await;

    // Restored into a database file of its own (see the test above).
    let url = format!("sqlite://{}", dir.path().join("restored.db").display());
    std::fs::write(
        dir.path().join("restored.db-wal"),
        b"a log of the lost database",
    )
    .unwrap();
    let new_id = backup::restore(&url, &copy).await.unwrap();
    let store = Store::open(&url).await.unwrap();
    assert_eq!(store.server_id(), new_id.to_string());
    assert_eq!(
        pull_to_end(&store, cursor).await,
        None,
        "every cursor resets"
    );
    let restored = store
        .get(RecordKind::Organisation, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(restored.values()["name"], json!("Before"));
    // The next REST edit is numbered under the new identity: the lost (device, number)
    // pair is never used again.
    store
        .apply_server_edit(RecordKind::Organisation, id, edit("After"), &author)
        .await
        .unwrap();
    let now = store
        .get(RecordKind::Organisation, id)
        .await
        .unwrap()
        .unwrap();
    let dot = now.fields["name"].winner().unwrap().dot;
    assert_eq!(dot.device, store.server_device());
    assert_ne!(dot.device, old_server);
    assert_ne!(dot, lost_dot);

    // A file that is not a Tradewinds database is refused, and the database stays.
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database at all").unwrap();
    store.close().await;
    assert!(backup::restore(&url, &junk).await.is_err());
    let store = Store::open(&url).await.unwrap();
    assert_eq!(store.server_id(), new_id.to_string());
}

/// A database put back by other means (a PostgreSQL dump) is given a new identity by
/// `tradewinds renew-identity`, as `restore` does: cursors reset, the server's own device
/// is new, and the bootstrap's generations of the old identity are gone.
#[tokio::test]
async fn renew_identity_makes_every_device_start_again() {
    let dir = tempfile::tempdir().unwrap();
    let url = crate::common::database_url(dir.path()).await;
    let store = Store::open(&url).await.unwrap();
    create(&store, Uuid::new_v4(), 1, 3).await;
    store.bootstrap_index().await.unwrap();
    let cursor = pull_to_end(&store, Cursor::new(store.server_id(), 0))
        .await
        .unwrap();
    let (old_id, old_server) = (store.server_id().to_owned(), store.server_device());
    store.close().await;

    let new_id = backup::renew_identity(&url).await.unwrap();
    let store = Store::open(&url).await.unwrap();
    assert_eq!(store.server_id(), new_id.to_string());
    assert_ne!(store.server_id(), old_id);
    assert_ne!(store.server_device(), old_server);
    assert_eq!(
        pull_to_end(&store, cursor).await,
        None,
        "every cursor resets"
    );
    let generations: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM bootstrap_generations")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(generations, 0);
    assert_eq!(store.list(RecordKind::Organisation).await.unwrap().len(), 3);
}
