//! The bad-input battery against every endpoint that takes a body (accounts, users,
//! catalogue, sync): each malformed, truncated, oversized, deeply nested, non-UTF-8 or
//! wrongly typed body gets a clear 4xx in the API's error shape, the server keeps answering,
//! and nothing stored changes. Signed in as an administrator, so that the body itself is what
//! is judged.

use axum::http::{Method, StatusCode};
use serde_json::json;
use tradewinds_server::{seed, MAX_BODY_BYTES};
use tradewinds_shared::access::Role;
use uuid::Uuid;

use crate::common::TestApp;

async fn users(t: &TestApp) -> Vec<(String, String, i64)> {
    sqlx::query_as("SELECT email, password_hash, disabled FROM users ORDER BY email")
        .fetch_all(t.store.pool())
        .await
        .expect("users")
}

/// What is wrong, the body, its content type, and the expected status and error code.
type BadBody = (
    &'static str,
    Vec<u8>,
    Option<&'static str>,
    StatusCode,
    &'static str,
);

#[tokio::test]
async fn every_body_endpoint_refuses_garbage_and_keeps_its_data() {
    let t = TestApp::seeded().await;
    let admin = t.signed_in_as("admin@example.org", Role::Admin, None).await;
    let someone = admin
        .json(
            Method::POST,
            "/api/v1/users",
            &json!({"email": "v@example.org", "role": "viewer", "password": "long enough password"}),
        )
        .await
        .expect(StatusCode::CREATED);
    let endpoints = [
        (Method::POST, "/api/v1/session".to_owned()),
        (Method::POST, "/api/v1/session/password".to_owned()),
        (Method::POST, "/api/v1/users".to_owned()),
        (
            Method::PATCH,
            format!("/api/v1/users/{}", someone["id"].as_str().unwrap()),
        ),
        (Method::POST, "/api/v1/organisations".to_owned()),
        (
            Method::PATCH,
            format!("/api/v1/organisations/{}", seed::seed_id("wco")),
        ),
        (Method::POST, "/api/v1/sync/push".to_owned()),
    ];
    let deep = format!("{{\"name\": {}", "[".repeat(100_000));
    let mut huge = br#"{"email": ""#.to_vec();
    huge.resize(MAX_BODY_BYTES + 10, b'a');
    let bodies: Vec<BadBody> = vec![
        (
            "malformed",
            b"{email: 'x'}".to_vec(),
            Some("application/json"),
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
        (
            "truncated",
            br#"{"emai"#.to_vec(),
            Some("application/json"),
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
        (
            "empty",
            Vec::new(),
            Some("application/json"),
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
        (
            "invalid UTF-8",
            b"{\"\xff\xfe\": 1}".to_vec(),
            Some("application/json"),
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
        (
            "deep nesting",
            deep.into_bytes(),
            Some("application/json"),
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
        (
            "huge",
            huge,
            Some("application/json"),
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
        ),
        (
            "no content type",
            br#"{"email": "a@b.c"}"#.to_vec(),
            None,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            "a number",
            b"42".to_vec(),
            Some("application/json"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
        ),
    ];
    let before = (admin.state().await, users(&t).await);
    for (method, path) in &endpoints {
        for (what, body, content_type, status, code) in &bodies {
            let reply = admin
                .raw(method.clone(), path, *content_type, body.clone())
                .await;
            // Nesting is refused by the JSON parser's depth limit, or earlier by the shape
            // (an account body has no `name` list).
            let nested_early =
                *what == "deep nesting" && reply.status == StatusCode::UNPROCESSABLE_ENTITY;
            let error = if nested_early {
                reply.expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body")
            } else {
                reply.expect_error(*status, code)
            };
            let text = error.message.to_lowercase();
            for leak in ["sqlite", "select ", "insert ", "panicked", "src/"] {
                assert!(
                    !text.contains(leak),
                    "{method} {path} {what}: `{}`",
                    error.message
                );
            }
        }
        // Wrong types and unknown fields in an otherwise good object.
        let wrong = admin
            .raw(
                method.clone(),
                path,
                Some("application/json"),
                r#"{"email": 5, "role": [], "device": {}, "name": false}"#,
            )
            .await;
        assert!(
            wrong.status == StatusCode::UNPROCESSABLE_ENTITY,
            "{method} {path}: {}",
            wrong.status
        );
        assert_eq!(admin.get("/healthz").await.status, StatusCode::OK);
    }
    assert_eq!(
        (admin.state().await, users(&t).await),
        before,
        "nothing changed"
    );
}

#[tokio::test]
async fn unknown_kinds_and_ids_of_the_wrong_form_are_refused() {
    let t = TestApp::seeded().await;
    let admin = t.signed_in_as("admin@example.org", Role::Admin, None).await;
    for (path, status) in [
        ("/api/v1/widgets".to_owned(), StatusCode::NOT_FOUND),
        (
            "/api/v1/organisations/not-a-uuid".to_owned(),
            StatusCode::BAD_REQUEST,
        ),
        (
            "/api/v1/organisations/not-a-uuid/history".to_owned(),
            StatusCode::BAD_REQUEST,
        ),
        (
            format!("/api/v1/widgets/{}/history", Uuid::new_v4()),
            StatusCode::NOT_FOUND,
        ),
        ("/api/v1/users/12".to_owned(), StatusCode::BAD_REQUEST),
    ] {
        let reply = admin.get(&path).await;
        assert_eq!(reply.status, status, "{path}");
        assert!(reply.json()["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
    }
}
