//! `tradewinds copy`: a region's SQLite database moved into a new database (PostgreSQL
//! under `make test-server-postgres`, another SQLite file otherwise) keeps every record,
//! change, account, session, device counter and rejection, and its identity, so devices
//! carry on without noticing; a target that already holds data is refused untouched, and a
//! source that does not exist is named, not made.

use serde_json::json;
use tradewinds_server::accounts::{sessions, users, Author};
use tradewinds_server::store::copy;
use tradewinds_server::{seed, Store};
use tradewinds_shared::access::Role;
use tradewinds_shared::accounts::NewUser;
use tradewinds_shared::sync::RecordState;
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::common::{database_url, fields, PASSWORD};

#[tokio::test]
async fn a_copied_database_carries_on_where_its_source_stopped() {
    let source_dir = tempfile::tempdir().unwrap();
    let source_url = format!("sqlite://{}/source.db", source_dir.path().display());
    let source = Store::open(&source_url).await.unwrap();
    seed::seed(&source).await.unwrap();
    let user = users::create(
        source.pool(),
        &NewUser {
            email: "officer@customs.gov.ms".into(),
            name: "Officer".into(),
            role: Role::Coordinator,
            organisation: None,
            password: PASSWORD.into(),
        },
        false,
    )
    .await
    .unwrap();
    let (token, _) = sessions::start(source.pool(), user.id).await.unwrap();
    // A device's two changes: one applied, one refused (an organisation without a name).
    let device = Uuid::new_v4();
    let created = RecordState::new(RecordKind::Organisation, Uuid::new_v4())
        .edit(
            1,
            1_000,
            fields(json!({"name": "Montserrat Customs", "category": "customs_administration", "country": "MS"})),
        )
        .unwrap();
    let refused = RecordState::new(RecordKind::Organisation, Uuid::new_v4())
        .edit(2, 1_001, fields(json!({"category": "donor"})))
        .unwrap();
    let answer = source
        .push(device, vec![created, refused], &Author::server("officer"))
        .await
        .unwrap();
    assert_eq!(answer.last_applied, 2);
    assert_eq!(answer.rejections.len(), 1);
    let before = source.snapshot().await.unwrap();
    source.close().await;

    let target_dir = tempfile::tempdir().unwrap();
    let target_url = database_url(target_dir.path()).await;
    let sums = copy::copy(&source_url, &target_url).await.unwrap();
    let rows = |table: &str| sums.iter().find(|s| s.table == table).unwrap().rows;
    assert_eq!(rows("records"), before.records.len() as u64);
    for table in [
        "meta",
        "users",
        "sessions",
        "devices",
        "changes",
        "rejections",
    ] {
        assert!(rows(table) > 0, "{table} is copied");
    }

    let copied = Store::open(&target_url).await.unwrap();
    assert_eq!(copied.server_id(), before.cursor.parts().unwrap().0);
    let after = copied.snapshot().await.unwrap();
    assert_eq!(after.records, before.records);
    assert_eq!(after.cursor, before.cursor, "a device's cursor stays good");
    let pull = copied.pull(&before.cursor, 100).await.unwrap();
    assert!(!pull.reset && pull.records.is_empty());
    assert!(
        sessions::authenticate(copied.pool(), &token)
            .await
            .unwrap()
            .is_some(),
        "people stay signed in"
    );
    // The device goes on from its counter; a retried push gets the same refusal.
    let retried = copied
        .push(device, vec![], &Author::server("officer"))
        .await
        .unwrap();
    assert_eq!(retried.last_applied, 2);
    let next = after.records[0]
        .edit(3, 2_000, fields(json!({"acronym": "MCD"})))
        .unwrap();
    let answer = copied
        .push(device, vec![next], &Author::server("officer"))
        .await
        .unwrap();
    assert_eq!(answer.last_applied, 3);
    assert!(answer.rejections.is_empty());
    let pull = copied.pull(&before.cursor, 100).await.unwrap();
    assert_eq!(
        pull.records.len(),
        1,
        "the new change follows the copied log"
    );

    // Into a database that holds data: refused, naming why, and nothing written.
    let count = copied.snapshot().await.unwrap().records.len();
    let e = copy::copy(&source_url, &target_url).await.unwrap_err();
    assert!(e.to_string().contains("is not empty"), "{e}");
    assert_eq!(copied.snapshot().await.unwrap().records.len(), count);
    let e = copy::copy(&source_url, &source_url).await.unwrap_err();
    assert!(e.to_string().contains("another database"), "{e}");
}

/// A source that is not there is named, and neither it nor the target is made.
#[tokio::test]
async fn a_copy_from_a_database_that_does_not_exist_makes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("typo.db");
    let target = dir.path().join("target.db");
    let e = copy::copy(
        &format!("sqlite://{}", missing.display()),
        &format!("sqlite://{}", target.display()),
    )
    .await
    .unwrap_err();
    assert!(e.to_string().contains("typo.db does not exist"), "{e}");
    assert!(!missing.exists() && !target.exists());
    let backup = dir.path().join("backup.db");
    let url = format!("sqlite://{}", missing.display());
    let e = tradewinds_server::store::backup::backup(&url, &backup)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("does not exist"), "{e}");
    assert!(!missing.exists() && !backup.exists());
}
