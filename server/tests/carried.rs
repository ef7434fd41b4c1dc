//! Sync carried on a file, as an attacker would try it: a changes file is taken in once,
//! with its person's rights, and an altered, forged, foreign, gapped or disabled person's
//! file changes nothing.

use axum::http::{Method, StatusCode};
use serde_json::json;
use tradewinds_server::store::now_ms;
use tradewinds_shared::access::Role;
use tradewinds_shared::accounts::User;
use tradewinds_shared::sync::carried::{self, from_hex, Carried, TakenIn};
use tradewinds_shared::sync::{Mutation, RecordState};
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::common::{fields, new_org, TestApp};

/// A person on a device of theirs: their account, and the key the server gave the device.
struct Office {
    /// Signed in as the person (`None` for an office made on a store directly).
    app: Option<TestApp>,
    account: Uuid,
    name: String,
    device: Uuid,
    key: Vec<u8>,
}

impl Office {
    async fn new(t: &TestApp, email: &str, role: Role) -> Office {
        let app = t.signed_in_as(email, role, None).await;
        let me = app.get("/api/v1/session").await.expect(StatusCode::OK);
        let device = Uuid::new_v4();
        let key = app
            .json(
                Method::POST,
                "/api/v1/sync/seal-key",
                &json!({ "device": device }),
            )
            .await
            .expect(StatusCode::OK);
        assert_eq!(key["device"], json!(device));
        Office {
            account: Uuid::parse_str(me["id"].as_str().unwrap()).unwrap(),
            name: me["name"].as_str().unwrap().to_owned(),
            app: Some(app),
            device,
            key: from_hex(key["key"].as_str().unwrap()).expect("the key is hex"),
        }
    }

    /// A coordinator made on `store` directly (the command-line tests, without HTTP), with
    /// the key the server derives for a new device of theirs.
    async fn on_store(store: &tradewinds_server::Store) -> (User, Office) {
        let user = tradewinds_server::accounts::users::create(
            store.pool(),
            &tradewinds_shared::accounts::NewUser {
                email: "officer@customs.ms".into(),
                name: "Officer, Brades".into(),
                role: Role::Coordinator,
                organisation: None,
                password: crate::common::PASSWORD.into(),
            },
            false,
        )
        .await
        .unwrap();
        let device = Uuid::new_v4();
        let office = Office {
            app: None,
            account: user.id,
            name: user.name.clone(),
            device,
            key: store.seal_key(user.id, device, 0).to_vec(),
        };
        (user, office)
    }

    fn app(&self) -> &TestApp {
        self.app
            .as_ref()
            .expect("an office signed in through the API")
    }

    fn file(&self, mutations: Vec<Mutation>) -> String {
        carried::write(
            &Carried {
                device: self.device,
                account: self.account,
                name: self.name.clone(),
                made: now_ms(),
                cursor: None,
                mutations,
            },
            &self.key,
        )
    }
}

/// A new organisation, then its renaming: mutations 1 and 2.
fn new_organisation(device: Uuid, name: &str) -> (Uuid, Vec<Mutation>) {
    let id = Uuid::new_v4();
    let mut record = RecordState::new(RecordKind::Organisation, id);
    let now = now_ms();
    let first = record.edit(1, now, fields(new_org(name))).unwrap();
    record.apply(device, &first, None);
    let second = record
        .edit(2, now + 1, fields(json!({ "acronym": "MCRS" })))
        .unwrap();
    (id, vec![first, second])
}

async fn take_in(admin: &TestApp, file: &str) -> crate::common::Reply {
    admin
        .raw(
            Method::POST,
            "/api/v1/sync/changes-file",
            Some("application/json"),
            file.to_owned(),
        )
        .await
}

#[tokio::test]
async fn a_changes_file_is_taken_in_once_with_its_persons_name_and_the_device_then_syncs_as_usual()
{
    let t = TestApp::seeded().await;
    let admin = t.signed_in_as("admin@example.org", Role::Admin, None).await;
    let office = Office::new(&t, "officer@customs.ms", Role::Coordinator).await;
    let (id, mutations) = new_organisation(office.device, "Montserrat Customs training unit");
    let file = office.file(mutations.clone());

    let taken: TakenIn =
        serde_json::from_value(take_in(&admin, &file).await.expect(StatusCode::OK)).unwrap();
    assert_eq!(
        (
            taken.changes,
            taken.applied,
            taken.already,
            taken.rejections.len()
        ),
        (2, 2, 0, 0)
    );
    assert_eq!(
        (taken.account, taken.device),
        (office.account, office.device)
    );
    let stored = t
        .get(&format!("/api/v1/organisations/{id}"))
        .await
        .expect(StatusCode::OK);
    assert_eq!(stored["acronym"], "MCRS");
    let history = t
        .get(&format!("/api/v1/organisations/{id}/history"))
        .await
        .expect(StatusCode::OK);
    assert!(
        history.to_string().contains(&office.name),
        "the history names the person who made the changes: {history}"
    );

    // The same file again, and then the device's own sync of the same changes: nothing new.
    let before = t.state().await;
    let again: TakenIn =
        serde_json::from_value(take_in(&admin, &file).await.expect(StatusCode::OK)).unwrap();
    assert_eq!((again.applied, again.already), (0, 2));
    let online = office.app().push(office.device, &mutations).await;
    assert_eq!(online.last_applied, 2);
    assert!(online.rejections.is_empty());
    assert_eq!(t.state().await.snapshot, before.snapshot, "nothing changed");

    // Its next changes continue from there, by file or online.
    let mut record = RecordState::new(RecordKind::Organisation, id);
    for m in &mutations {
        record.apply(office.device, m, None);
    }
    let third = record
        .edit(
            3,
            now_ms(),
            fields(json!({ "website": "https://customs.gov.ms" })),
        )
        .unwrap();
    let next: TakenIn = serde_json::from_value(
        take_in(&admin, &office.file(vec![mutations[1].clone(), third]))
            .await
            .expect(StatusCode::OK),
    )
    .unwrap();
    assert_eq!((next.applied, next.already), (1, 1));
}

#[tokio::test]
async fn what_the_person_may_not_change_is_refused_and_shown_to_their_device_when_it_syncs() {
    let t = TestApp::seeded().await;
    let admin = t.signed_in_as("admin@example.org", Role::Admin, None).await;
    let viewer = Office::new(&t, "reader@customs.ms", Role::Viewer).await;
    let (_, mutations) = new_organisation(viewer.device, "Made by a viewer");
    let before = t.state().await;
    let taken: TakenIn = serde_json::from_value(
        take_in(&admin, &viewer.file(mutations.clone()))
            .await
            .expect(StatusCode::OK),
    )
    .unwrap();
    assert_eq!((taken.applied, taken.rejections.len()), (0, 2));
    assert_eq!(taken.rejections[0].code, "forbidden");
    assert_eq!(t.state().await.organisations, before.organisations);
    // The device, syncing later, is told the same.
    let online = viewer.app().push(viewer.device, &mutations).await;
    assert_eq!(online.rejections, taken.rejections);
}

#[tokio::test]
async fn altered_forged_foreign_gapped_and_disabled_files_change_nothing() {
    let t = TestApp::seeded().await;
    let admin = t.signed_in_as("admin@example.org", Role::Admin, None).await;
    let office = Office::new(&t, "officer@customs.ms", Role::Coordinator).await;
    let (_, mutations) = new_organisation(office.device, "Montserrat Customs training unit");
    let file = office.file(mutations.clone());
    let before = t.state().await;

    // Altered after it was made.
    let altered = file.replace("training unit", "training unit (altered)");
    assert_ne!(altered, file);
    take_in(&admin, &altered)
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "changes_file_altered");
    // Forged: the officer's key, but the file says it is the administrator's.
    let me = admin.get("/api/v1/session").await.expect(StatusCode::OK);
    let forged = carried::write(
        &Carried {
            account: Uuid::parse_str(me["id"].as_str().unwrap()).unwrap(),
            ..carried::read(&file).unwrap().open(&office.key).unwrap()
        },
        &office.key,
    );
    take_in(&admin, &forged)
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "changes_file_altered");
    // Sealed by another server.
    let elsewhere = TestApp::seeded().await;
    let stranger = Office::new(&elsewhere, "officer@customs.ms", Role::Coordinator).await;
    take_in(&admin, &stranger.file(mutations.clone()))
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "changes_file_altered");
    // Made against another server's copy of the catalogue.
    let foreign = carried::write(
        &Carried {
            cursor: Some(elsewhere.snapshot().await.cursor.0),
            ..carried::read(&file).unwrap().open(&office.key).unwrap()
        },
        &office.key,
    );
    take_in(&admin, &foreign)
        .await
        .expect_error(StatusCode::CONFLICT, "cursor_reset");
    // Changes 3 and 4 while the server has nothing from the device.
    let gapped: Vec<Mutation> = mutations
        .iter()
        .map(|m| Mutation {
            n: m.n + 2,
            ..m.clone()
        })
        .collect();
    take_in(&admin, &office.file(gapped))
        .await
        .expect_error(StatusCode::CONFLICT, "mutation_gap");
    let holes = vec![
        mutations[0].clone(),
        Mutation {
            n: 3,
            ..mutations[1].clone()
        },
    ];
    take_in(&admin, &office.file(holes))
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_changes_file");
    // Not a changes file at all.
    for other in [
        "name,country\nX,BB\n",
        r#"{"format":"tradewinds-catalogue","version":1,"records":[]}"#,
    ] {
        take_in(&admin, other)
            .await
            .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_changes_file");
    }
    // Not text at all (a photo chosen by mistake).
    admin
        .raw(
            Method::POST,
            "/api/v1/sync/changes-file",
            None,
            vec![0xff, 0xd8, 0xff, 0xe0],
        )
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_changes_file");
    // Only administrators take files in, even the person's own.
    take_in(office.app(), &file)
        .await
        .expect_error(StatusCode::FORBIDDEN, "forbidden");
    // A disabled account's file.
    admin
        .json(
            Method::PATCH,
            &format!("/api/v1/users/{}", office.account),
            &json!({ "disabled": true }),
        )
        .await
        .expect(StatusCode::OK);
    take_in(&admin, &file)
        .await
        .expect_error(StatusCode::FORBIDDEN, "account_disabled");
    assert_eq!(t.state().await.snapshot, before.snapshot, "nothing changed");
}

/// Signs the person of `office` in again (a new session on the same server) and gives the
/// same device the key the server now hands it.
async fn sign_in_again(t: &TestApp, office: &mut Office, password: &str) {
    let session = t
        .sign_in("officer@customs.ms", password)
        .await
        .expect(StatusCode::OK);
    let app = t.with_token(Some(session["token"].as_str().unwrap().to_owned()));
    let key = app
        .json(
            Method::POST,
            "/api/v1/sync/seal-key",
            &json!({ "device": office.device }),
        )
        .await
        .expect(StatusCode::OK);
    office.key = from_hex(key["key"].as_str().unwrap()).expect("the key is hex");
    office.app = Some(app);
}

/// A lost or stolen device must not go on making files in its person's name: signing out
/// everywhere withdraws every key that seals their files, and so does an administrator
/// setting their password. A file sealed with a withdrawn key is refused by name and
/// stores nothing; the key the device gets when its person signs in again works. The
/// person's own password change keeps the key of the device they are using.
#[tokio::test]
async fn signing_out_everywhere_withdraws_the_keys_that_seal_a_persons_files() {
    let t = TestApp::seeded().await;
    let admin = t.signed_in_as("admin@example.org", Role::Admin, None).await;
    let mut office = Office::new(&t, "officer@customs.ms", Role::Coordinator).await;
    let (id, mutations) = new_organisation(office.device, "Montserrat Customs training unit");
    let before_withdrawal = office.file(mutations.clone());
    let first_key = office.key.clone();
    let before = t.state().await;

    let out = office.app().delete("/api/v1/sessions").await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    let refused = take_in(&admin, &before_withdrawal)
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "seal_key_withdrawn");
    assert!(
        refused.message.contains("officer") && refused.message.contains("withdrawn"),
        "says whose key and why: {}",
        refused.message
    );
    assert_eq!(t.state().await.snapshot, before.snapshot, "nothing changed");

    sign_in_again(&t, &mut office, crate::common::PASSWORD).await;
    assert_ne!(office.key, first_key, "a new key");
    let taken: TakenIn = serde_json::from_value(
        take_in(&admin, &office.file(mutations.clone()))
            .await
            .expect(StatusCode::OK),
    )
    .unwrap();
    assert_eq!((taken.applied, taken.already), (2, 0));
    t.get(&format!("/api/v1/organisations/{id}"))
        .await
        .expect(StatusCode::OK);

    // An administrator sets the password: the new key is withdrawn too.
    let after_reset = office.file(mutations.clone());
    admin
        .json(
            Method::PATCH,
            &format!("/api/v1/users/{}", office.account),
            &json!({ "password": "set by the administrator 1" }),
        )
        .await
        .expect(StatusCode::OK);
    take_in(&admin, &after_reset)
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "seal_key_withdrawn");

    // The person's own password change keeps this device's key.
    sign_in_again(&t, &mut office, "set by the administrator 1").await;
    let changed = office
        .app()
        .json(
            Method::POST,
            "/api/v1/session/password",
            &json!({ "current": "set by the administrator 1", "new": "chosen by the officer 1" }),
        )
        .await;
    assert_eq!(changed.status, StatusCode::NO_CONTENT);
    let taken: TakenIn = serde_json::from_value(
        take_in(&admin, &office.file(mutations))
            .await
            .expect(StatusCode::OK),
    )
    .unwrap();
    assert_eq!((taken.applied, taken.already), (0, 2), "taken in, once");
}

#[tokio::test]
async fn a_device_of_another_account_gets_no_key_and_its_files_are_refused() {
    let t = TestApp::seeded().await;
    let admin = t.signed_in_as("admin@example.org", Role::Admin, None).await;
    let office = Office::new(&t, "officer@customs.ms", Role::Coordinator).await;
    let (_, mutations) = new_organisation(office.device, "Montserrat Customs training unit");
    let file = office.file(mutations);
    // Someone else claims the officer's device id first by pushing under it.
    let other = t
        .signed_in_as("other@customs.ms", Role::Coordinator, None)
        .await;
    let (_, theirs) = new_organisation(office.device, "Claimed first");
    assert_eq!(
        other.push(office.device, &theirs[..1]).await.last_applied,
        1
    );
    office
        .app()
        .json(
            Method::POST,
            "/api/v1/sync/seal-key",
            &json!({ "device": office.device }),
        )
        .await
        .expect_error(StatusCode::FORBIDDEN, "device_not_yours");
    let before = t.state().await;
    take_in(&admin, &file)
        .await
        .expect_error(StatusCode::FORBIDDEN, "device_not_yours");
    // The server's own device is never handed out.
    office
        .app()
        .json(
            Method::POST,
            "/api/v1/sync/seal-key",
            &json!({ "device": t.store.server_device() }),
        )
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "reserved_device");
    assert_eq!(t.state().await.snapshot, before.snapshot);
}

/// `tradewinds import-changes FILE`, the real binary on a database the server left.
#[tokio::test]
async fn the_command_line_takes_a_file_in_once_and_refuses_an_altered_one() {
    use std::process::Command;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/t.db", dir.path().display());
    let store = tradewinds_server::Store::open(&url).await.unwrap();
    let (_, office) = Office::on_store(&store).await;
    let device = office.device;
    store.close().await;
    let (_, mutations) = new_organisation(device, "Montserrat Customs training unit");
    let file = dir.path().join("changes.json");
    std::fs::write(&file, office.file(mutations)).unwrap();
    // The command speaks the language its environment names.
    let run = |locale: &str| {
        Command::new(env!("CARGO_BIN_EXE_tradewinds"))
            .args(["import-changes", file.to_str().unwrap(), "--database", &url])
            .env_remove("LANGUAGE")
            .env("LC_ALL", locale)
            .output()
            .unwrap()
    };
    let first = run("C.UTF-8");
    let said = String::from_utf8_lossy(&first.stdout);
    assert!(
        first.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(said.contains("2 changes by Officer, Brades"), "{said}");
    assert!(
        said.contains("2 applied, 0 already taken in, 0 refused"),
        "{said}"
    );
    let again = run("fr_HT.UTF-8");
    let said = String::from_utf8_lossy(&again.stdout);
    assert!(
        said.contains("2 modifications de Officer, Brades")
            && said.contains("0 appliquée(s), 2 déjà reçue(s), 0 refusée(s)."),
        "{said}"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("training unit", "training unit!")).unwrap();
    let altered = run("C.UTF-8");
    assert!(!altered.status.success());
    let err = String::from_utf8_lossy(&altered.stderr);
    assert!(err.contains("changed after it was made"), "{err}");
}

/// A file taken in by the command line while the server runs: the server notices within
/// a few seconds, its up-to-date pulls bring the change, and its next write merges with it
/// (its records cache does not hold the record as it was).
#[tokio::test]
async fn a_file_taken_in_while_the_server_runs_reaches_its_pulls_and_its_next_writes() {
    use tradewinds_server::accounts::Author;
    use tradewinds_server::Store;
    use tradewinds_shared::sync::Cursor;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/t.db", dir.path().display());
    let server = Store::open(&url).await.unwrap();
    let (user, office) = Office::on_store(&server).await;
    let author = Author {
        actor: Some(user.actor()),
        name: Some(user.name.clone()),
    };
    // The office's device made the record online, and the server has it cached.
    let device = office.device;
    let (id, mutations) = new_organisation(device, "Montserrat Customs training unit");
    let pushed = server
        .push(device, mutations[..1].to_vec(), &author)
        .await
        .unwrap();
    assert_eq!(pushed.last_applied, 1);
    let cursor: Cursor = server.snapshot().await.unwrap().cursor;
    // The rest comes on a file, taken in by another process on the same database.
    let command = Store::open(&url).await.unwrap();
    let taken =
        tradewinds_server::sync::carried::take_in(&command, &office.file(mutations.clone()))
            .await
            .unwrap();
    assert_eq!((taken.applied, taken.already), (1, 1));
    command.close().await;
    // The server's pull from where it thought the log ended brings the change.
    let mut pulled = None;
    for _ in 0..50 {
        let page = server.pull(&cursor, 100).await.unwrap();
        if !page.records.is_empty() {
            pulled = Some(page);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let page = pulled.expect("the server noticed the other process's write");
    assert_eq!(page.records[0].values()["acronym"], "MCRS");
    // The device's next edit, made having seen the acronym, merges with it: the server did
    // not keep the record as it was before the file.
    let mut record = RecordState::new(RecordKind::Organisation, id);
    for m in &mutations {
        record.apply(device, m, None);
    }
    let third = record
        .edit(3, now_ms(), fields(json!({ "acronym": "MCRS-T" })))
        .unwrap();
    let answer = server.push(device, vec![third], &author).await.unwrap();
    assert!(answer.rejections.is_empty(), "{:?}", answer.rejections);
    let stored = server
        .get(RecordKind::Organisation, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.values()["acronym"], "MCRS-T");
    assert_eq!(stored.conflicts().count(), 0);
}
