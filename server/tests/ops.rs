//! What an operator watches: `/readyz` while the database answers, and `/metrics` only for
//! the holder of the metrics token, counting requests by route pattern (never by the path a
//! client made up), push outcomes by code and the devices that pushed.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::json;
use tradewinds_server::store::now_ms;
use tradewinds_shared::sync::{Mutation, RecordState};
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::common::{fields, TestApp};

const TOKEN: &str = "scrape-me-0123456789";

async fn scrape(t: &TestApp, token: Option<&str>) -> (StatusCode, String) {
    let mut request = Request::get("/metrics");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let reply = t
        .with_token(None)
        .send(request.body(Body::empty()).unwrap())
        .await;
    (reply.status, String::from_utf8(reply.body).unwrap())
}

/// The value of the series `series` (name and labels as written), or 0.
fn value(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
        .unwrap_or(0.0)
}

#[tokio::test]
async fn readiness_says_the_database_answers_with_every_migration() {
    let t = TestApp::empty().await.with_token(None);
    let reply = t.get("/readyz").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, b"ready");
    assert_eq!(t.get("/healthz").await.status, StatusCode::OK);
}

#[tokio::test]
async fn metrics_exist_only_with_a_token_and_only_for_its_holder() {
    let t = TestApp::empty().await;
    let (status, _) = scrape(&t, Some(TOKEN)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "no token set: not served");

    let t = t.with_metrics_token(TOKEN);
    assert_eq!(scrape(&t, None).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(
        scrape(&t, Some("scrape-me-0123456788")).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(scrape(&t, Some("short")).await.0, StatusCode::UNAUTHORIZED);
    // A signed-in account's session token is not the metrics token.
    let session = t.token.clone().expect("signed in");
    assert_eq!(scrape(&t, Some(&session)).await.0, StatusCode::UNAUTHORIZED);
    let (status, text) = scrape(&t, Some(TOKEN)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        text.contains("# TYPE tradewinds_http_requests_total counter"),
        "{text}"
    );
}

#[tokio::test]
async fn requests_pushes_and_devices_are_counted() {
    let t = TestApp::empty().await.with_metrics_token(TOKEN);
    // Requests by route pattern: two records read count in one series, and a made-up path
    // under the pattern it fell to, never under its own path.
    for id in [Uuid::new_v4(), Uuid::new_v4()] {
        t.get(&format!("/api/v1/organisations/{id}")).await;
    }
    t.get("/api/v1/no-such-thing/at/all").await;
    for invented in ["BREW", "WHEN"] {
        let request = Request::builder()
            .method(invented)
            .uri("/api/v1/organisations")
            .body(Body::empty())
            .unwrap();
        t.send(request).await;
    }

    let device = Uuid::new_v4();
    let mut record = RecordState::new(RecordKind::Organisation, Uuid::new_v4());
    let now = now_ms();
    let create = record
        .edit(1, now, fields(json!({"name": "Anguilla Customs"})))
        .unwrap();
    record.apply(device, &create, None);
    let refused = Mutation {
        n: 2,
        ..record
            .edit(2, now, fields(json!({"country": "XX"})))
            .unwrap()
    };
    let answer = t.push(device, &[create, refused]).await;
    assert_eq!(answer.rejections.len(), 1);

    let (_, text) = scrape(&t, Some(TOKEN)).await;
    assert_eq!(
        value(
            &text,
            "tradewinds_http_requests_total{route=\"/api/v1/{kind}/{id}\",method=\"GET\",status=\"404\"}"
        ),
        2.0,
        "{text}"
    );
    assert!(
        !text.contains("no-such-thing"),
        "a client's path is never a label"
    );
    assert!(!text.contains("BREW"), "nor a method it made up");
    assert_eq!(
        value(
            &text,
            "tradewinds_http_requests_total{route=\"/api/v1/{kind}\",method=\"other\",status=\"405\"}"
        ),
        2.0,
        "{text}"
    );
    assert_eq!(
        value(
            &text,
            "tradewinds_http_requests_total{route=\"/api/v1/sync/push\",method=\"POST\",status=\"200\"}"
        ),
        1.0,
        "{text}"
    );
    assert_eq!(
        value(
            &text,
            "tradewinds_http_request_duration_seconds_count{route=\"/api/v1/sync/push\"}"
        ),
        1.0
    );
    assert_eq!(
        value(&text, "tradewinds_mutations_total{outcome=\"applied\"}"),
        1.0
    );
    assert_eq!(
        value(
            &text,
            "tradewinds_mutations_total{outcome=\"rejected\",code=\"invalid_record\"}"
        ),
        1.0,
        "{text}"
    );
    assert_eq!(value(&text, "tradewinds_devices_active"), 1.0);
    assert!(value(&text, "tradewinds_db_connections{state=\"max\"}") >= 1.0);
}
