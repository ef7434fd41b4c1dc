//! Accounts and access through `app().oneshot(..)`: signing in and out, throttling, admins
//! managing users, every endpoint closed without a session, and the authorisation matrix
//! (each role × each action × own/other organisation, through REST and through sync).

use axum::http::{header, Method, StatusCode};
use serde_json::{json, Value};
use tradewinds_server::{accounts, seed, store::now_ms};
use tradewinds_shared::access::Role;
use tradewinds_shared::accounts::{Session, User};
use tradewinds_shared::sync::{Mutation, PushResponse, RecordState};
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::common::{fields, TestApp, PASSWORD};

async fn sign_in(t: &TestApp, email: &str, password: &str) -> crate::common::Reply {
    t.sign_in(email, password).await
}

#[tokio::test]
async fn sign_in_use_and_sign_out() {
    let t = TestApp::seeded().await;
    let editor = t
        .signed_in_as(
            "Officer@Customs.gov.bb",
            Role::OfficeEditor,
            Some(seed::seed_id("customs_bb")),
        )
        .await;
    // Emails are matched case-insensitively; the answer is the session and the person.
    let reply = sign_in(&t, " officer@customs.gov.BB ", PASSWORD).await;
    assert_eq!(reply.headers[header::CACHE_CONTROL], "no-store");
    let session: Session = serde_json::from_value(reply.expect(StatusCode::OK)).unwrap();
    assert_eq!(session.user.email, "officer@customs.gov.bb");
    assert_eq!(session.user.role, Role::OfficeEditor);
    assert!(session.expires > now_ms() + 29 * 24 * 3600 * 1000);
    // 128 random bits, URL-safe base64 without padding.
    assert_eq!(session.token.len(), 22);
    let me = t.with_token(Some(session.token.clone()));
    let user: User =
        serde_json::from_value(me.get("/api/v1/session").await.expect(StatusCode::OK)).unwrap();
    assert_eq!(user, session.user);

    // Only a hash of the token and an argon2id hash of the password are stored.
    let stored: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM sessions")
        .fetch_all(t.store.pool())
        .await
        .unwrap();
    assert!(!stored.contains(&session.token));
    assert!(stored.contains(&accounts::sessions::token_hash(&session.token)));
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM users WHERE email = $1")
        .bind("officer@customs.gov.bb")
        .fetch_one(t.store.pool())
        .await
        .unwrap();
    assert!(hash.starts_with("$argon2id$") && !hash.contains(PASSWORD));

    // Signing out ends this session only; "everywhere" ends them all.
    assert_eq!(
        me.delete("/api/v1/session").await.status,
        StatusCode::NO_CONTENT
    );
    me.get("/api/v1/session")
        .await
        .expect_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    editor.get("/api/v1/session").await.expect(StatusCode::OK);
    let again = sign_in(&t, "officer@customs.gov.bb", PASSWORD)
        .await
        .expect(StatusCode::OK);
    let again = t.with_token(Some(again["token"].as_str().unwrap().to_owned()));
    assert_eq!(
        again.delete("/api/v1/sessions").await.status,
        StatusCode::NO_CONTENT
    );
    for gone in [&again, &editor] {
        gone.get("/api/v1/organisations")
            .await
            .expect_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    }
}

#[tokio::test]
async fn wrong_credentials_are_refused_alike_and_throttled() {
    let t = TestApp::seeded().await;
    t.signed_in_as("viewer@example.org", Role::Viewer, None)
        .await;
    let unknown = sign_in(&t, "nobody@example.org", PASSWORD).await;
    let unknown = unknown.expect_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    let wrong = sign_in(&t, "viewer@example.org", "not the password").await;
    let wrong_body = wrong.expect_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    assert_eq!(
        unknown.message, wrong_body.message,
        "no hint whether the account exists"
    );
    assert!(wrong.headers.contains_key(header::WWW_AUTHENTICATE));
    let refused = sign_in(&t, "viewer@example.org", &"x".repeat(10_000)).await;
    refused.expect_error(StatusCode::UNAUTHORIZED, "invalid_credentials");

    // Two failures so far; three more use up the account's five.
    for _ in 0..3 {
        sign_in(&t, "viewer@example.org", "still wrong")
            .await
            .expect_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
    let throttled = sign_in(&t, "viewer@example.org", PASSWORD).await;
    throttled.expect_error(StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
    let wait: u64 = throttled.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=15 * 60).contains(&wait), "Retry-After {wait}");
    // Other accounts are not locked out by it.
    t.signed_in_as("other@example.org", Role::Viewer, None)
        .await;
    sign_in(&t, "other@example.org", PASSWORD)
        .await
        .expect(StatusCode::OK);
}

#[tokio::test]
async fn every_endpoint_needs_a_session() {
    let t = TestApp::seeded().await;
    let org = seed::seed_id("wco");
    let endpoints: Vec<(Method, String)> = vec![
        (Method::GET, "/api/v1/session".into()),
        (Method::DELETE, "/api/v1/session".into()),
        (Method::DELETE, "/api/v1/sessions".into()),
        (Method::POST, "/api/v1/session/password".into()),
        (Method::GET, "/api/v1/users".into()),
        (Method::POST, "/api/v1/users".into()),
        (Method::PATCH, format!("/api/v1/users/{}", Uuid::new_v4())),
        (Method::GET, "/api/v1/organisations".into()),
        (Method::POST, "/api/v1/organisations".into()),
        (Method::GET, format!("/api/v1/organisations/{org}")),
        (Method::PATCH, format!("/api/v1/organisations/{org}")),
        (Method::DELETE, format!("/api/v1/organisations/{org}")),
        (Method::GET, format!("/api/v1/organisations/{org}/history")),
        (Method::GET, "/api/v1/contacts".into()),
        (Method::GET, "/api/v1/training_tools".into()),
        (Method::GET, "/api/v1/programmes".into()),
        (Method::POST, "/api/v1/sync/push".into()),
        (Method::GET, "/api/v1/sync/pull?cursor=x.0".into()),
        (Method::GET, "/api/v1/sync/snapshot".into()),
        (Method::GET, "/api/v1/sync/bootstrap".into()),
        (
            Method::GET,
            "/api/v1/sync/bootstrap/AAAAAAAAAAAAAAAAAAAAAA/0".into(),
        ),
    ];
    let before = t.state().await;
    for token in [None, Some("not-a-token".to_owned()), Some("x".repeat(500))] {
        let anonymous = t.with_token(token);
        for (method, path) in &endpoints {
            let reply = anonymous
                .raw(
                    method.clone(),
                    path,
                    Some("application/json"),
                    r#"{"name":"X"}"#,
                )
                .await;
            assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{method} {path}");
            reply.expect_error(StatusCode::UNAUTHORIZED, "unauthenticated");
        }
    }
    assert_eq!(t.state().await, before, "nothing was written");
}

#[tokio::test]
async fn admins_manage_users_and_nobody_else_does() {
    let t = TestApp::seeded().await;
    let admin = t.signed_in_as("admin@example.org", Role::Admin, None).await;
    let bb = seed::seed_id("customs_bb");
    let new = json!({
        "email": "clerk@customs.gov.bb", "name": "Clerk", "role": "office_editor",
        "organisation": bb.to_string(), "password": "a long enough password",
    });
    // Coordinators and everyone else: 403, nothing stored.
    t.json(Method::POST, "/api/v1/users", &new)
        .await
        .expect_error(StatusCode::FORBIDDEN, "forbidden");
    t.get("/api/v1/users")
        .await
        .expect_error(StatusCode::FORBIDDEN, "forbidden");

    let created: User = serde_json::from_value(
        admin
            .json(Method::POST, "/api/v1/users", &new)
            .await
            .expect(StatusCode::CREATED),
    )
    .unwrap();
    assert_eq!(created.organisation, Some(bb));
    admin
        .json(Method::POST, "/api/v1/users", &new)
        .await
        .expect_error(StatusCode::CONFLICT, "email_taken");
    let bad = admin
        .json(
            Method::POST,
            "/api/v1/users",
            &json!({"email": "x", "role": "office_editor", "password": "short"}),
        )
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_record");
    crate::common::assert_fields(&bad, &["email", "organisation", "password"]);
    admin
        .json(
            Method::POST,
            "/api/v1/users",
            &json!({"email": "y@example.org", "role": "superuser", "password": "long enough password"}),
        )
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let unknown_org = admin
        .json(
            Method::POST,
            "/api/v1/users",
            &json!({"email": "z@example.org", "role": "viewer", "organisation": Uuid::new_v4(), "password": "long enough password"}),
        )
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_record");
    crate::common::assert_fields(&unknown_org, &["organisation"]);

    let listed = admin.get("/api/v1/users").await.expect(StatusCode::OK);
    assert!(listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|u| u["email"] == "clerk@customs.gov.bb"));
    assert!(
        !listed.to_string().contains("argon2"),
        "no hashes in answers"
    );

    // Disabling signs the person out and keeps them out.
    let clerk = sign_in(&t, "clerk@customs.gov.bb", "a long enough password")
        .await
        .expect(StatusCode::OK);
    let clerk = t.with_token(Some(clerk["token"].as_str().unwrap().to_owned()));
    let path = format!("/api/v1/users/{}", created.id);
    let disabled = admin
        .json(Method::PATCH, &path, &json!({"disabled": true}))
        .await
        .expect(StatusCode::OK);
    assert_eq!(disabled["disabled"], true);
    clerk
        .get("/api/v1/organisations")
        .await
        .expect_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    sign_in(&t, "clerk@customs.gov.bb", "a long enough password")
        .await
        .expect_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    // A reset password works once re-enabled; the old one does not.
    admin
        .json(
            Method::PATCH,
            &path,
            &json!({"disabled": false, "password": "a brand new password"}),
        )
        .await
        .expect(StatusCode::OK);
    sign_in(&t, "clerk@customs.gov.bb", "a brand new password")
        .await
        .expect(StatusCode::OK);

    // The last active administrator cannot demote or disable themselves.
    let me: User =
        serde_json::from_value(admin.get("/api/v1/session").await.expect(StatusCode::OK)).unwrap();
    admin
        .json(
            Method::PATCH,
            &format!("/api/v1/users/{}", me.id),
            &json!({"role": "viewer"}),
        )
        .await
        .expect_error(StatusCode::CONFLICT, "last_admin");
    admin
        .json(
            Method::PATCH,
            &format!("/api/v1/users/{}", Uuid::new_v4()),
            &json!({"name": "x"}),
        )
        .await
        .expect_error(StatusCode::NOT_FOUND, "not_found");
    admin
        .json(
            Method::PATCH,
            "/api/v1/users/not-a-uuid",
            &json!({"name": "x"}),
        )
        .await
        .expect_error(StatusCode::BAD_REQUEST, "invalid_id");
}

/// Two administrators changing one account at once: both changes stay (none is written
/// over by the other's older copy), and two admins disabling each other at once cannot
/// leave the server without an active administrator.
#[tokio::test]
async fn concurrent_account_changes_are_neither_lost_nor_lock_the_admins_out() {
    let t = TestApp::seeded().await;
    let admin = t.signed_in_as("admin@example.org", Role::Admin, None).await;
    let (bb, ag) = (seed::seed_id("customs_bb"), seed::seed_id("customs_ag"));
    let clerk: User = serde_json::from_value(
        admin
            .json(
                Method::POST,
                "/api/v1/users",
                &json!({"email": "clerk@customs.gov.bb", "role": "office_editor",
                        "organisation": bb.to_string(), "password": "a long enough password"}),
            )
            .await
            .expect(StatusCode::CREATED),
    )
    .unwrap();
    let path = format!("/api/v1/users/{}", clerk.id);
    for round in 0..10 {
        let (org, disabled, name) = if round % 2 == 0 {
            (ag, true, "Even")
        } else {
            (bb, false, "Odd")
        };
        let (to_org, to_disabled, to_name) = (
            json!({"organisation": org.to_string()}),
            json!({"disabled": disabled}),
            json!({"name": name}),
        );
        let (a, b, c) = tokio::join!(
            admin.json(Method::PATCH, &path, &to_org),
            admin.json(Method::PATCH, &path, &to_disabled),
            admin.json(Method::PATCH, &path, &to_name),
        );
        for reply in [a, b, c] {
            reply.expect(StatusCode::OK);
        }
        let now: User = serde_json::from_value(
            admin.get("/api/v1/users").await.expect(StatusCode::OK)["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|u| u["id"] == clerk.id.to_string())
                .cloned()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(
            (now.organisation, now.disabled, now.name.as_str()),
            (Some(org), disabled, name),
            "round {round}: every change kept"
        );
    }

    // Two active administrators, each disabling the other at the same moment.
    let second: User = serde_json::from_value(
        admin
            .json(
                Method::POST,
                "/api/v1/users",
                &json!({"email": "second@example.org", "role": "admin", "password": "a long enough password"}),
            )
            .await
            .expect(StatusCode::CREATED),
    )
    .unwrap();
    let token = sign_in(&t, "second@example.org", "a long enough password")
        .await
        .expect(StatusCode::OK)["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let other = t.with_token(Some(token));
    let me: User =
        serde_json::from_value(admin.get("/api/v1/session").await.expect(StatusCode::OK)).unwrap();
    let disable = json!({"disabled": true});
    let (to_second, to_me) = (
        format!("/api/v1/users/{}", second.id),
        format!("/api/v1/users/{}", me.id),
    );
    let (a, b) = tokio::join!(
        admin.json(Method::PATCH, &to_second, &disable),
        other.json(Method::PATCH, &to_me, &disable),
    );
    let mut statuses = [a.status, b.status];
    statuses.sort();
    // The loser is refused as the last administrator, or (already disabled) as signed out.
    assert!(
        matches!(
            statuses,
            [
                StatusCode::OK,
                StatusCode::UNAUTHORIZED | StatusCode::CONFLICT
            ]
        ),
        "one wins, the other is refused: {statuses:?}"
    );
    let active: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0")
            .fetch_one(t.store.pool())
            .await
            .unwrap();
    assert_eq!(active, 1, "exactly one administrator is still active");
}

#[tokio::test]
async fn people_change_their_own_password() {
    let t = TestApp::seeded().await;
    let other_session = sign_in(&t, "coordinator@test.org", PASSWORD)
        .await
        .expect(StatusCode::OK);
    let other = t.with_token(Some(other_session["token"].as_str().unwrap().to_owned()));
    let wrong = t
        .json(
            Method::POST,
            "/api/v1/session/password",
            &json!({"current": "nope", "new": "a new password here"}),
        )
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_record");
    crate::common::assert_fields(&wrong, &["current"]);
    let short = t
        .json(
            Method::POST,
            "/api/v1/session/password",
            &json!({"current": PASSWORD, "new": "short"}),
        )
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_record");
    crate::common::assert_fields(&short, &["new"]);
    let changed = t
        .json(
            Method::POST,
            "/api/v1/session/password",
            &json!({"current": PASSWORD, "new": "a new password here"}),
        )
        .await;
    assert_eq!(changed.status, StatusCode::NO_CONTENT);
    // This session goes on; the others end; the new password signs in.
    t.get("/api/v1/session").await.expect(StatusCode::OK);
    other
        .get("/api/v1/session")
        .await
        .expect_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    sign_in(&t, "coordinator@test.org", "a new password here")
        .await
        .expect(StatusCode::OK);
}

/// One action of the matrix: a change to a seeded record (or a new one), and whether it
/// touches the office editor's own organisation (Barbados Customs).
struct Action {
    name: &'static str,
    kind: RecordKind,
    /// `None`: a new record.
    record: Option<Uuid>,
    set: Value,
    /// Whether an office editor of Barbados Customs may do it.
    editor_may: bool,
}

fn actions() -> Vec<Action> {
    let s = seed::seed_id;
    let bb = s("customs_bb").to_string();
    let ms = s("customs_ms").to_string();
    vec![
        Action {
            name: "edit own organisation",
            kind: RecordKind::Organisation,
            record: Some(s("customs_bb")),
            set: json!({"website": "https://customs.gov.bb"}),
            editor_may: true,
        },
        Action {
            name: "edit another organisation",
            kind: RecordKind::Organisation,
            record: Some(s("customs_ms")),
            set: json!({"website": "https://customs.gov.ms"}),
            editor_may: false,
        },
        Action {
            name: "retire own organisation",
            kind: RecordKind::Organisation,
            record: Some(s("customs_bb")),
            set: json!({"status": "defunct"}),
            editor_may: false,
        },
        Action {
            name: "delete own organisation",
            kind: RecordKind::Organisation,
            record: Some(s("customs_bb")),
            set: json!({"deleted": true}),
            editor_may: false,
        },
        Action {
            name: "add an organisation",
            kind: RecordKind::Organisation,
            record: None,
            set: json!({"name": "OECS", "category": "regional_body"}),
            editor_may: false,
        },
        Action {
            name: "add a contact to own organisation",
            kind: RecordKind::Contact,
            record: None,
            set: json!({"organisation": bb, "role_title": "Deputy Comptroller"}),
            editor_may: true,
        },
        Action {
            name: "add a contact to another organisation",
            kind: RecordKind::Contact,
            record: None,
            set: json!({"organisation": ms, "role_title": "Comptroller"}),
            editor_may: false,
        },
        Action {
            name: "edit own contact",
            kind: RecordKind::Contact,
            record: Some(s("c_elearning_bb")),
            set: json!({"phone": "+1 246 000 0000"}),
            editor_may: true,
        },
        Action {
            name: "move own contact away",
            kind: RecordKind::Contact,
            record: Some(s("c_elearning_bb")),
            set: json!({"organisation": ms}),
            editor_may: false,
        },
        Action {
            name: "edit another's contact",
            kind: RecordKind::Contact,
            record: Some(s("c_cclec")),
            set: json!({"phone": "+1 758 000 0000"}),
            editor_may: false,
        },
        Action {
            name: "delete own contact",
            kind: RecordKind::Contact,
            record: Some(s("c_elearning_bb")),
            set: json!({"deleted": true}),
            editor_may: true,
        },
        Action {
            name: "delete another's contact",
            kind: RecordKind::Contact,
            record: Some(s("c_cclec")),
            set: json!({"deleted": true}),
            editor_may: false,
        },
        Action {
            name: "add a tool provided by own organisation",
            kind: RecordKind::TrainingTool,
            record: None,
            set: json!({"title": "Induction", "provider": bb, "format": "classroom", "languages": ["en"]}),
            editor_may: true,
        },
        Action {
            name: "edit another's tool",
            kind: RecordKind::TrainingTool,
            record: Some(s("el_hs")),
            set: json!({"duration": "3 hours"}),
            editor_may: false,
        },
        Action {
            name: "edit another's programme",
            kind: RecordKind::Programme,
            record: Some(s("columbus")),
            set: json!({"description": "Phase 4"}),
            editor_may: false,
        },
    ]
}

fn allowed(role: Role, action: &Action) -> bool {
    match role {
        Role::Admin | Role::Coordinator => true,
        Role::OfficeEditor => action.editor_may,
        Role::Viewer => false,
    }
}

/// The action through REST: POST, PATCH or DELETE. Returns the status.
async fn through_rest(t: &TestApp, a: &Action) -> StatusCode {
    let plural = a.kind.plural();
    let reply = match (a.record, a.set.get("deleted")) {
        (None, _) => {
            t.json(Method::POST, &format!("/api/v1/{plural}"), &a.set)
                .await
        }
        (Some(id), Some(_)) => t.delete(&format!("/api/v1/{plural}/{id}")).await,
        (Some(id), None) => {
            t.json(Method::PATCH, &format!("/api/v1/{plural}/{id}"), &a.set)
                .await
        }
    };
    if reply.status == StatusCode::FORBIDDEN {
        let body = reply.expect_error(StatusCode::FORBIDDEN, "forbidden");
        assert!(
            body.message.len() > 20,
            "the refusal says why: {}",
            body.message
        );
    }
    reply.status
}

/// The action as a device's mutation. Returns the push's answer.
async fn through_sync(t: &TestApp, a: &Action, device: Uuid, n: u64) -> PushResponse {
    let current = match a.record {
        Some(id) => t
            .store
            .get(a.kind, id)
            .await
            .unwrap()
            .expect("seeded record"),
        None => RecordState::new(a.kind, Uuid::new_v4()),
    };
    let m: Mutation = current
        .edit(n, now_ms(), fields(a.set.clone()))
        .expect("a change");
    t.push(device, &[m]).await
}

#[tokio::test]
async fn authorisation_matrix_over_rest_and_sync() {
    let bb = seed::seed_id("customs_bb");
    let mut checked = 0;
    for role in Role::ALL.iter().copied() {
        for action in actions() {
            let expected = allowed(role, &action);
            // REST.
            let base = TestApp::seeded().await;
            let t = base.signed_in_as("who@example.org", role, Some(bb)).await;
            let before = t.state().await;
            let status = through_rest(&t, &action).await;
            if expected {
                assert!(
                    status.is_success(),
                    "{role:?} may {}: got {status}",
                    action.name
                );
                assert_ne!(t.state().await, before, "{role:?} {}: stored", action.name);
            } else {
                assert_eq!(
                    status,
                    StatusCode::FORBIDDEN,
                    "{role:?} may not {}",
                    action.name
                );
                assert_eq!(
                    t.state().await,
                    before,
                    "{role:?} {}: nothing stored",
                    action.name
                );
            }
            // Sync: the counter moves on either way; a forbidden change is a rejection.
            let base = TestApp::seeded().await;
            let t = base.signed_in_as("who@example.org", role, Some(bb)).await;
            let before = t.store.snapshot().await.unwrap().records;
            let device = Uuid::new_v4();
            let answer = through_sync(&t, &action, device, 1).await;
            assert_eq!(answer.last_applied, 1);
            let after = t.store.snapshot().await.unwrap().records;
            if expected {
                assert!(
                    answer.rejections.is_empty(),
                    "{role:?} may {}: {:?}",
                    action.name,
                    answer.rejections
                );
                assert_ne!(after, before, "{role:?} {}: stored", action.name);
            } else {
                assert_eq!(
                    answer.rejections.len(),
                    1,
                    "{role:?} may not {}",
                    action.name
                );
                let r = &answer.rejections[0];
                assert_eq!(
                    (r.n, r.code.as_str()),
                    (1, "forbidden"),
                    "{role:?} {}",
                    action.name
                );
                assert!(
                    r.problem.key.starts_with("problem-") && !r.message.is_empty(),
                    "{r:?}"
                );
                assert_eq!(after, before, "{role:?} {}: nothing stored", action.name);
            }
            checked += 2;
        }
    }
    assert_eq!(checked, Role::ALL.len() * actions().len() * 2);
}

#[tokio::test]
async fn a_batch_mixing_allowed_and_forbidden_changes_applies_the_allowed_ones() {
    let bb = seed::seed_id("customs_bb");
    let t = TestApp::seeded().await;
    let editor = t
        .signed_in_as("editor@example.org", Role::OfficeEditor, Some(bb))
        .await;
    let own = t
        .store
        .get(RecordKind::Contact, seed::seed_id("c_elearning_bb"))
        .await
        .unwrap()
        .unwrap();
    let other = t
        .store
        .get(RecordKind::Contact, seed::seed_id("c_cclec"))
        .await
        .unwrap()
        .unwrap();
    let at = now_ms();
    let batch = vec![
        own.edit(1, at, fields(json!({"phone": "+1 246 111 1111"})))
            .unwrap(),
        other
            .edit(2, at, fields(json!({"phone": "+1 758 222 2222"})))
            .unwrap(),
        own.edit(3, at, fields(json!({"name": "A. Person"})))
            .unwrap(),
    ];
    let device = Uuid::new_v4();
    let answer = editor.push(device, &batch).await;
    assert_eq!(answer.last_applied, 3);
    assert_eq!(answer.rejections.len(), 1);
    assert_eq!(answer.rejections[0].n, 2);
    // Replayed, the same answer.
    assert_eq!(editor.push(device, &batch).await, answer);
    let shown = |id: Uuid| {
        let t = &t;
        async move {
            t.get(&format!("/api/v1/contacts/{id}"))
                .await
                .expect(StatusCode::OK)
        }
    };
    let own_now = shown(own.id).await;
    assert_eq!(
        (own_now["phone"].as_str(), own_now["name"].as_str()),
        (Some("+1 246 111 1111"), Some("A. Person"))
    );
    assert_ne!(shown(other.id).await["phone"], "+1 758 222 2222");
}

#[tokio::test]
async fn history_says_who_changed_what_when() {
    let t = TestApp::seeded().await;
    let path = format!("/api/v1/organisations/{}", seed::seed_id("customs_ms"));
    t.json(
        Method::PATCH,
        &path,
        &json!({"website": "https://customs.gov.ms"}),
    )
    .await
    .expect(StatusCode::OK);
    let history = t
        .get(&format!("{path}/history"))
        .await
        .expect(StatusCode::OK);
    let items = history["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "the seed, then the edit: {history}");
    assert_eq!(items[0]["by"], "coordinator");
    assert_eq!(
        items[0]["fields"],
        json!({"website": "https://customs.gov.ms"})
    );
    assert!(items[0]["received"].as_i64().unwrap() >= items[1]["received"].as_i64().unwrap());
    assert_eq!(items[1]["by"], "Tradewinds");
    assert_eq!(items[1]["fields"]["name"], "Montserrat Customs");
    t.get(&format!("/api/v1/organisations/{}/history", Uuid::new_v4()))
        .await
        .expect_error(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn cross_origin_requests_get_no_cors_grant() {
    let t = TestApp::seeded().await;
    let preflight = t
        .send(
            axum::http::Request::builder()
                .method(Method::OPTIONS)
                .uri("/api/v1/organisations")
                .header(header::ORIGIN, "https://evil.example")
                .header(header::ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(header::ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert!(
        !preflight.status.is_success(),
        "preflight refused: {}",
        preflight.status
    );
    assert!(!preflight
        .headers
        .contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN));
    let get = t.get("/api/v1/organisations").await;
    assert!(!get
        .headers
        .contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN));
}
