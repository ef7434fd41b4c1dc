//! Refusals are worded in the language a request names (`Accept-Language`), with the same
//! codes and keys in every language; what is not a refusal does not vary with it.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::json;
use tradewinds_server::store::now_ms;
use tradewinds_shared::access::Role;
use tradewinds_shared::api::ErrorBody;
use tradewinds_shared::sync::{PushRequest, PushResponse, RecordState};
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::common::{Reply, TestApp};

/// `method path` with `body` (JSON), asking for `languages`.
async fn asking(
    t: &TestApp,
    languages: Option<&str>,
    method: Method,
    path: &str,
    body: serde_json::Value,
) -> Reply {
    let mut req = Request::builder()
        .method(method)
        .uri(path)
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = &t.token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    if let Some(l) = languages {
        req = req.header(header::ACCEPT_LANGUAGE, l);
    }
    t.send(req.body(Body::from(body.to_string())).unwrap())
        .await
}

fn content_language(reply: &Reply) -> Option<&str> {
    reply
        .headers
        .get(header::CONTENT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
}

#[tokio::test]
async fn a_wrong_password_is_refused_in_the_language_asked_for_with_the_same_code() {
    let t = TestApp::empty().await;
    let wrong = json!({"email": "coordinator@test.org", "password": "not the password"});
    let mut keys = Vec::new();
    for (asked, lang, start) in [
        (
            Some("fr-HT, fr;q=0.9, en;q=0.5"),
            "fr",
            "L'adresse électronique ou le mot de passe",
        ),
        (Some("es-DO"), "es", "El correo electrónico o la contraseña"),
        (
            Some("pap-CW, nl;q=0.8"),
            "nl",
            "Het e-mailadres of wachtwoord",
        ),
        (
            Some("de-DE, de;q=0.9"),
            "en",
            "The email or password is not right",
        ),
        (None, "en", "The email or password is not right"),
    ] {
        let reply = asking(
            &t.with_token(None),
            asked,
            Method::POST,
            "/api/v1/session",
            wrong.clone(),
        )
        .await;
        let body = reply.expect_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
        assert!(
            body.message.starts_with(start),
            "{asked:?}: {}",
            body.message
        );
        assert_eq!(content_language(&reply), Some(lang), "{asked:?}");
        keys.push(body.problem.key);
    }
    keys.dedup();
    assert_eq!(
        keys,
        ["problem-wrong-credentials"],
        "one key in every language"
    );
}

#[tokio::test]
async fn a_record_refused_over_rest_names_each_field_in_the_language_asked_for() {
    let t = TestApp::seeded().await;
    let reply = asking(
        &t,
        Some("es"),
        Method::POST,
        "/api/v1/organisations",
        json!({"name": "", "website": "cartac dot org"}),
    )
    .await;
    let body = reply.expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_record");
    let field = |name: &str| {
        body.fields
            .iter()
            .find(|f| f.field == name)
            .unwrap_or_else(|| panic!("{name}: {body:?}"))
    };
    assert_eq!(field("name").message, "Este campo es obligatorio.");
    assert_eq!(field("name").problem.key, "problem-required");
    assert!(field("website")
        .message
        .starts_with("Introduzca una dirección web"));
    assert!(
        body.message.starts_with("El registro no es válido:"),
        "{}",
        body.message
    );
}

#[tokio::test]
async fn a_push_is_answered_with_rejections_worded_for_the_device_that_sent_it() {
    let t = TestApp::seeded().await;
    let viewer = t
        .signed_in_as("lezer@example.org", Role::Viewer, None)
        .await;
    let id = Uuid::new_v4();
    let m = RecordState::new(RecordKind::Organisation, id)
        .edit(
            1,
            now_ms(),
            [("name".into(), json!("Douane Suriname"))]
                .into_iter()
                .collect(),
        )
        .expect("a change");
    let push = PushRequest {
        device: Uuid::new_v4(),
        mutations: vec![m],
    };
    let reply = asking(
        &viewer,
        Some("nl-SR, nl;q=0.9"),
        Method::POST,
        "/api/v1/sync/push",
        serde_json::to_value(&push).unwrap(),
    )
    .await;
    let answer: PushResponse = serde_json::from_value(reply.expect(StatusCode::OK)).unwrap();
    let r = &answer.rejections[0];
    assert_eq!(r.code.as_str(), "forbidden");
    assert_eq!(r.problem.key, "problem-viewer-cannot-change");
    assert!(
        r.message.starts_with("Uw account kan de catalogus lezen"),
        "{}",
        r.message
    );
}

#[tokio::test]
async fn answers_that_are_not_refusals_do_not_vary_with_the_language() {
    let t = TestApp::seeded().await;
    let fr = asking(
        &t,
        Some("fr"),
        Method::GET,
        "/api/v1/organisations",
        json!(null),
    )
    .await;
    let en = asking(
        &t,
        Some("en"),
        Method::GET,
        "/api/v1/organisations",
        json!(null),
    )
    .await;
    assert_eq!(fr.expect(StatusCode::OK), en.expect(StatusCode::OK));
    assert!(content_language(&fr).is_none());
    let varies = fr
        .headers
        .get_all(header::VARY)
        .iter()
        .any(|v| v.to_str().unwrap_or_default().contains("Accept-Language"));
    assert!(!varies, "a list does not vary with the language");
    // An API path that does not exist is a refusal like any other.
    let missing = asking(&t, Some("fr"), Method::GET, "/api/nowhere", json!(null)).await;
    let body: ErrorBody = missing.expect_error(StatusCode::NOT_FOUND, "not_found");
    assert!(
        body.message.starts_with("Il n'y a pas de point d'accès"),
        "{}",
        body.message
    );
}

#[tokio::test]
async fn a_person_keeps_their_language_with_their_account_and_only_theirs() {
    let t = TestApp::seeded().await;
    let viewer = t
        .signed_in_as("lector@example.org", Role::Viewer, None)
        .await;
    let me: serde_json::Value = viewer.get("/api/v1/session").await.expect(StatusCode::OK);
    assert!(me.get("language").is_none(), "none chosen yet: {me}");
    let set = viewer
        .json(Method::PATCH, "/api/v1/session", &json!({"language": "es"}))
        .await
        .expect(StatusCode::OK);
    assert_eq!(set["language"], "es");
    let me: serde_json::Value = viewer.get("/api/v1/session").await.expect(StatusCode::OK);
    assert_eq!(me["language"], "es");
    // The coordinator's account is another: untouched.
    let other: serde_json::Value = t.get("/api/v1/session").await.expect(StatusCode::OK);
    assert!(other.get("language").is_none(), "{other}");

    // Only a language of the interface, and nothing else, is taken.
    for body in [
        json!({"language": "de"}),
        json!({"language": "es", "role": "admin"}),
        json!({}),
    ] {
        viewer
            .json(Method::PATCH, "/api/v1/session", &body)
            .await
            .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    }
    let me: serde_json::Value = viewer.get("/api/v1/session").await.expect(StatusCode::OK);
    assert_eq!(
        (me["language"].as_str(), me["role"].as_str()),
        (Some("es"), Some("viewer"))
    );
    // Signed out, nobody's language changes.
    t.with_token(None)
        .json(Method::PATCH, "/api/v1/session", &json!({"language": "fr"}))
        .await
        .expect_error(StatusCode::UNAUTHORIZED, "unauthenticated");
}
