//! The catalogue's REST API through `app().oneshot(..)`: reading the seeded catalogue,
//! creating, changing and deleting records, and refusing bad input without storing anything.

use std::collections::BTreeSet;

use axum::http::{header, Method, StatusCode};
use serde_json::{json, Value};
use tradewinds_server::{seed, MAX_BODY_BYTES};
use tradewinds_shared::{reference::CARTAC_MEMBERS_2012, RecordKind};
use uuid::Uuid;

use crate::common::{assert_fields, new_org, new_tool, org_path, TestApp};

#[tokio::test]
async fn healthz_answers_ok_with_security_headers() {
    let t = TestApp::empty().await;
    let reply = t.get("/healthz").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, b"ok");
    assert_eq!(reply.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    // Document policies (CSP, frame protection) go with HTML only; the e2e tests check
    // them on the app's pages. Non-documents stay small.
    assert!(!reply.headers.contains_key(header::CONTENT_SECURITY_POLICY));
}

#[tokio::test]
async fn seeded_organisations_are_listed() {
    let t = TestApp::seeded().await;
    let orgs = t.list(RecordKind::Organisation).await;
    let by_acronym = |a: &str| {
        orgs.iter()
            .find(|o| o["acronym"] == a)
            .unwrap_or_else(|| panic!("{a} is listed"))
    };
    let cartac = by_acronym("CARTAC");
    assert_eq!(cartac["id"], seed::seed_id("cartac").to_string());
    assert_eq!(
        cartac["name"],
        "Caribbean Regional Technical Assistance Centre"
    );
    assert_eq!(cartac["parent"], seed::seed_id("imf").to_string());
    assert_eq!(by_acronym("WCO")["id"], seed::seed_id("wco").to_string());

    let customs: Vec<&Value> = orgs
        .iter()
        .filter(|o| o["category"] == "customs_administration")
        .collect();
    assert_eq!(customs.len(), 20);
    let countries: BTreeSet<&str> = customs
        .iter()
        .map(|o| o["country"].as_str().expect("country"))
        .collect();
    assert_eq!(
        countries,
        CARTAC_MEMBERS_2012.iter().copied().collect::<BTreeSet<_>>(),
        "one customs administration per 2012 CARTAC member"
    );

    let ids: BTreeSet<&str> = orgs.iter().map(|o| o["id"].as_str().expect("id")).collect();
    assert_eq!(ids.len(), orgs.len(), "ids are unique");
    for o in &orgs {
        assert!(
            o.get("deleted").is_none(),
            "the sync flag is not shown: {o}"
        );
        assert!(
            o.get("conflicts").is_none(),
            "no conflicts in the seed: {o}"
        );
    }
    assert!(!t.list(RecordKind::TrainingTool).await.is_empty());
    assert!(!t.list(RecordKind::Programme).await.is_empty());
    assert!(!t.list(RecordKind::Contact).await.is_empty());
}

#[tokio::test]
async fn seeding_twice_adds_nothing() {
    let t = TestApp::seeded().await;
    let before = t.state().await;
    assert_eq!(seed::seed(&t.store).await.expect("seed"), 0);
    assert_eq!(t.state().await, before);
}

#[tokio::test]
async fn the_2012_meeting_is_seeded_with_its_action_items() {
    let t = TestApp::seeded().await;
    let meetings = t.list(RecordKind::Meeting).await;
    assert_eq!(meetings.len(), 1);
    let m = &meetings[0];
    assert_eq!(m["starts"], "2012-10-15");
    assert_eq!(m["ends"], "2012-10-17");
    assert_eq!(m["country"], "BB");
    assert_eq!(m["organiser"], seed::seed_id("cartac").to_string());
    let attendees = m["attendees"].as_array().expect("attendees");
    for key in ["wco_cbd", "cclec", "cbsa", "cida", "dfid", "wb", "ifc"] {
        assert!(
            attendees.contains(&json!(seed::seed_id(key).to_string())),
            "{key} attended"
        );
    }
    let items = t.list(RecordKind::ActionItem).await;
    assert_eq!(items.len(), 6, "the six points of the agreed way forward");
    for a in &items {
        assert_eq!(a["meeting"], m["id"]);
        assert!(a["owner"].is_string(), "every action has an owner: {a}");
    }
    let follow_up = items
        .iter()
        .find(|a| a["id"] == seed::seed_id("a_2012_followup").to_string())
        .expect("the follow-up video conference");
    assert_eq!(follow_up["owner"], seed::seed_id("cclec").to_string());
    assert_eq!(follow_up["due"], "2013-01");
}

#[tokio::test]
async fn a_database_seeded_earlier_gains_the_new_seed_records_and_keeps_deletions() {
    // The seed as it was before the meeting and its action items joined it.
    let mut earlier: Value = serde_json::from_str(seed::SEED).expect("seed JSON");
    let records = earlier["records"].as_array_mut().expect("records");
    records.retain(|r| r["kind"] != "meeting" && r["kind"] != "action_item");
    let catalogue = records.len();
    let t = TestApp::empty().await;
    assert_eq!(
        seed::seed_from(&t.store, &earlier.to_string())
            .await
            .expect("seed"),
        catalogue
    );
    // Its users removed a seeded organisation.
    assert_eq!(
        t.delete(&org_path("idb")).await.status,
        StatusCode::NO_CONTENT
    );
    let orgs = t.list(RecordKind::Organisation).await.len();

    assert_eq!(seed::seed(&t.store).await.expect("seed"), 7);
    assert_eq!(t.list(RecordKind::Meeting).await.len(), 1);
    assert_eq!(t.list(RecordKind::ActionItem).await.len(), 6);
    assert_eq!(
        t.list(RecordKind::Organisation).await.len(),
        orgs,
        "what was removed stays removed"
    );
    assert_eq!(seed::seed(&t.store).await.expect("seed"), 0);
}

#[tokio::test]
async fn a_database_never_seeded_stays_unseeded() {
    let t = TestApp::empty().await;
    t.json(Method::POST, "/api/v1/organisations", &new_org("Own data"))
        .await
        .expect(StatusCode::CREATED);
    assert_eq!(seed::seed(&t.store).await.expect("seed"), 0);
    assert_eq!(t.list(RecordKind::Organisation).await.len(), 1);
}

#[tokio::test]
async fn one_record_by_id() {
    let t = TestApp::seeded().await;
    let wco = t.get(&org_path("wco")).await.expect(StatusCode::OK);
    assert_eq!(wco["id"], seed::seed_id("wco").to_string());
    assert_eq!(wco["name"], "World Customs Organization");
    assert_eq!(wco["languages"], json!(["en", "fr", "es"]));

    // An id of another kind is not found under this kind.
    let tool = seed::seed_id("el_hs");
    t.get(&format!("/api/v1/training_tools/{tool}"))
        .await
        .expect(StatusCode::OK);
    t.get(&format!("/api/v1/organisations/{tool}"))
        .await
        .expect_error(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn organisation_create_update_delete() {
    let t = TestApp::seeded().await;
    let before = t.list(RecordKind::Organisation).await;

    let created = t
        .json(
            Method::POST,
            "/api/v1/organisations",
            &new_org("Organisation of Eastern Caribbean States"),
        )
        .await
        .expect(StatusCode::CREATED);
    let id: Uuid = created["id"].as_str().expect("id").parse().expect("uuid");
    assert_eq!(created["name"], "Organisation of Eastern Caribbean States");
    assert_eq!(created["languages"], json!(["en", "fr"]));
    let path = format!("/api/v1/organisations/{id}");
    assert_eq!(t.get(&path).await.expect(StatusCode::OK), created);
    let after_create = t.list(RecordKind::Organisation).await;
    assert_eq!(after_create.len(), before.len() + 1);
    assert!(after_create.contains(&created));

    let updated = t
        .json(
            Method::PATCH,
            &path,
            &json!({"acronym": "OECS Commission", "status": "active"}),
        )
        .await
        .expect(StatusCode::OK);
    assert_eq!(updated["acronym"], "OECS Commission");
    assert_eq!(updated["name"], created["name"], "other fields are kept");
    assert_eq!(updated["website"], created["website"]);
    assert_eq!(t.get(&path).await.expect(StatusCode::OK), updated);
    assert!(t.list(RecordKind::Organisation).await.contains(&updated));

    let reply = t.delete(&path).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    assert!(reply.body.is_empty());
    t.get(&path)
        .await
        .expect_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(t.list(RecordKind::Organisation).await, before);
    t.delete(&path)
        .await
        .expect_error(StatusCode::NOT_FOUND, "not_found");
    t.json(Method::PATCH, &path, &json!({"acronym": "Back"}))
        .await
        .expect_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(t.list(RecordKind::Organisation).await, before);
}

#[tokio::test]
async fn seeded_organisation_can_be_changed_and_deleted() {
    let t = TestApp::seeded().await;
    let path = org_path("cartac");
    let cartac = t.get(&path).await.expect(StatusCode::OK);
    let updated = t
        .json(
            Method::PATCH,
            &path,
            &json!({"memberships": ["IMF regional centres"]}),
        )
        .await
        .expect(StatusCode::OK);
    assert_eq!(updated["memberships"], json!(["IMF regional centres"]));
    assert_eq!(updated["name"], cartac["name"]);

    t.delete(&path).await;
    t.get(&path)
        .await
        .expect_error(StatusCode::NOT_FOUND, "not_found");
    let orgs = t.list(RecordKind::Organisation).await;
    assert!(orgs.iter().all(|o| o["id"] != cartac["id"]));
    // The tombstone is still in the snapshot, for devices to pull.
    let snapshot = t.store.snapshot().await.expect("snapshot");
    let tomb = snapshot
        .records
        .iter()
        .find(|r| r.id == seed::seed_id("cartac"))
        .expect("tombstone");
    assert!(tomb.is_deleted());
}

#[tokio::test]
async fn patch_with_unchanged_values_writes_nothing() {
    let t = TestApp::seeded().await;
    let path = org_path("wco");
    let wco = t.get(&path).await.expect(StatusCode::OK);
    let before = t.state().await;
    let same = t
        .json(Method::PATCH, &path, &json!({"acronym": "WCO"}))
        .await
        .expect(StatusCode::OK);
    assert_eq!(same, wco);
    assert_eq!(t.state().await, before);
}

#[tokio::test]
async fn training_tool_create_update_delete() {
    let t = TestApp::seeded().await;
    let before = t.list(RecordKind::TrainingTool).await;
    let created = t
        .json(
            Method::POST,
            "/api/v1/training_tools",
            &new_tool("Small-vessel clearance workshop"),
        )
        .await
        .expect(StatusCode::CREATED);
    let id = created["id"].as_str().expect("id").to_owned();
    assert_eq!(created["provider"], seed::seed_id("wco_cbd").to_string());
    assert_eq!(created["topics"], json!(["risk_management"]));
    let path = format!("/api/v1/training_tools/{id}");
    assert_eq!(t.get(&path).await.expect(StatusCode::OK), created);

    let updated = t
        .json(
            Method::PATCH,
            &path,
            &json!({"format": "workshop", "duration": "5 days", "topics": ["small_vessels"]}),
        )
        .await
        .expect(StatusCode::OK);
    assert_eq!(updated["format"], "workshop");
    assert_eq!(updated["duration"], "5 days");
    assert_eq!(updated["topics"], json!(["small_vessels"]));
    assert_eq!(updated["title"], "Small-vessel clearance workshop");
    let tools = t.list(RecordKind::TrainingTool).await;
    assert_eq!(tools.len(), before.len() + 1);
    assert!(tools.contains(&updated));

    assert_eq!(t.delete(&path).await.status, StatusCode::NO_CONTENT);
    t.get(&path)
        .await
        .expect_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(t.list(RecordKind::TrainingTool).await, before);
}

#[tokio::test]
async fn training_tool_rules_are_enforced() {
    let t = TestApp::seeded().await;
    let before = t.state().await;
    let body = t
        .json(
            Method::POST,
            "/api/v1/training_tools",
            &json!({"title": "No provider", "topics": ["astrology"]}),
        )
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_record");
    assert_fields(&body, &["provider", "languages", "topics"]);
    assert!(body.message.contains("astrology"), "{}", body.message);

    let tool = format!("/api/v1/training_tools/{}", seed::seed_id("el_hs"));
    let body = t
        .json(
            Method::PATCH,
            &tool,
            &json!({"languages": [], "last_verified": "2012-02-30"}),
        )
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_record");
    assert_fields(&body, &["languages", "last_verified"]);
    assert_eq!(t.state().await, before);
}

#[tokio::test]
async fn meeting_action_project_and_mission_rules_are_enforced() {
    let t = TestApp::seeded().await;
    let before = t.state().await;
    let cartac = seed::seed_id("cartac").to_string();
    for (path, body, fields) in [
        (
            "/api/v1/meetings",
            json!({"title": "Steering committee", "starts": "2013-02-30", "ends": "2013-01-01"}),
            &["starts", "organiser"][..],
        ),
        (
            "/api/v1/action_items",
            json!({"text": "Circulate the minutes", "due": "next spring", "co_owners": [cartac], "owner": cartac}),
            &["co_owners", "due"][..],
        ),
        (
            "/api/v1/projects",
            json!({"title": "Risk", "accountable": cartac, "budget": 5000, "countries": ["XX"]}),
            &["funders", "countries", "currency"][..],
        ),
        (
            "/api/v1/missions",
            json!({"title": "Audit", "provider": cartac, "starts": "2013-03-04", "report_url": "intranet/x"}),
            &["beneficiary", "report_url"][..],
        ),
    ] {
        let refused = t
            .json(Method::POST, path, &body)
            .await
            .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_record");
        assert_fields(&refused, fields);
    }
    // Wrong types are named too, before any rule.
    let refused = t
        .json(
            Method::POST,
            "/api/v1/projects",
            &json!({"title": "Risk", "budget": "a lot"}),
        )
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_record");
    assert_fields(&refused, &["budget"]);
    assert_eq!(t.state().await, before, "nothing stored");
}

/// Sends each bad request and checks the refusal and that nothing was stored.
struct Case {
    what: &'static str,
    method: Method,
    path: String,
    content_type: Option<&'static str>,
    body: Vec<u8>,
    status: StatusCode,
    code: &'static str,
    /// Words the message must contain.
    mentions: &'static [&'static str],
    /// Fields a validation refusal must name (checked when not empty).
    fields: &'static [&'static str],
}

fn case(
    what: &'static str,
    method: Method,
    path: &str,
    body: &str,
    status: StatusCode,
    code: &'static str,
) -> Case {
    Case {
        what,
        method,
        path: path.to_owned(),
        content_type: Some("application/json"),
        body: body.as_bytes().to_vec(),
        status,
        code,
        mentions: &[],
        fields: &[],
    }
}

impl Case {
    fn mentions(self, mentions: &'static [&'static str]) -> Case {
        Case { mentions, ..self }
    }
    fn fields(self, fields: &'static [&'static str]) -> Case {
        Case { fields, ..self }
    }
    fn content_type(self, content_type: Option<&'static str>) -> Case {
        Case {
            content_type,
            ..self
        }
    }
}

async fn refuse_all(t: &TestApp, cases: Vec<Case>) {
    for c in cases {
        let before = t.state().await;
        let reply = t
            .raw(c.method.clone(), &c.path, c.content_type, c.body.clone())
            .await;
        assert_eq!(
            reply.status,
            c.status,
            "{}: status; body {}",
            c.what,
            String::from_utf8_lossy(&reply.body)
        );
        let body = reply.expect_error(c.status, c.code);
        for word in c.mentions {
            assert!(
                body.message.contains(word),
                "{}: message `{}` mentions `{word}`",
                c.what,
                body.message
            );
        }
        if c.fields.is_empty() {
            assert!(body.fields.is_empty(), "{}: no field list", c.what);
        } else {
            assert_fields(&body, c.fields);
        }
        assert_eq!(t.state().await, before, "{}: nothing changed", c.what);
    }
}

#[tokio::test]
async fn bad_bodies_are_refused_on_create_and_nothing_is_stored() {
    let t = TestApp::seeded().await;
    refuse_all(&t, bad_bodies(Method::POST, "/api/v1/organisations")).await;
}

#[tokio::test]
async fn bad_bodies_are_refused_on_update_and_nothing_is_stored() {
    let t = TestApp::seeded().await;
    refuse_all(&t, bad_bodies(Method::PATCH, &org_path("cartac"))).await;
}

/// Every way a record body can be wrong, sent to one endpoint that takes a body.
fn bad_bodies(method: Method, path: &str) -> Vec<Case> {
    let c = |what: &'static str, body: &str, status: StatusCode, code: &'static str| {
        case(what, method.clone(), path, body, status, code)
    };
    let bad = StatusCode::BAD_REQUEST;
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    let unsupported = StatusCode::UNSUPPORTED_MEDIA_TYPE;
    let several = json!({
        "name": "",
        "country": "XX",
        "website": "javascript:alert(1)",
        "languages": ["xx"],
    })
    .to_string();
    let successor =
        json!({"name": "X", "status": "active", "successor": Uuid::new_v4()}).to_string();
    let id = json!({"id": Uuid::new_v4(), "name": "X"}).to_string();
    let mut huge = br#"{"name": "X", "description": ""#.to_vec();
    huge.resize(MAX_BODY_BYTES + 1, b'a');
    huge.extend_from_slice(b"\"}");
    vec![
        c("malformed JSON", "{name: 'x'}", bad, "malformed_json").mentions(&["not valid JSON"]),
        c(
            "truncated JSON",
            r#"{"name": "Customs"#,
            bad,
            "malformed_json",
        )
        .mentions(&["not valid JSON"]),
        c(
            "trailing garbage",
            r#"{"name": "X"} {"#,
            bad,
            "malformed_json",
        ),
        c("empty body", "", bad, "malformed_json"),
        c(
            "wrong type",
            r#"{"name": 5}"#,
            unprocessable,
            "invalid_record",
        )
        .mentions(&["expected a string"])
        .fields(&["name"]),
        c(
            "wrong enum value",
            r#"{"category": "pirate"}"#,
            unprocessable,
            "invalid_record",
        )
        .mentions(&["pirate"])
        .fields(&["category"]),
        c(
            "unknown field",
            r#"{"name": "X", "colour": "red"}"#,
            unprocessable,
            "invalid_record",
        )
        .mentions(&["colour"])
        .fields(&["colour"]),
        c("id in body", &id, unprocessable, "reserved_field").mentions(&["`id`"]),
        c(
            "deleted in body",
            r#"{"name": "X", "deleted": true}"#,
            unprocessable,
            "reserved_field",
        )
        .mentions(&["`deleted`"]),
        c("empty object", "{}", unprocessable, "empty_body"),
        c(
            "array instead of object",
            r#"[{"name": "X"}]"#,
            unprocessable,
            "invalid_body",
        )
        .mentions(&["wrong shape"]),
        c(
            "null instead of object",
            "null",
            unprocessable,
            "invalid_body",
        ),
        c(
            "no content type",
            r#"{"name": "X"}"#,
            unsupported,
            "unsupported_media_type",
        )
        .content_type(None)
        .mentions(&["application/json"]),
        c(
            "text content type",
            r#"{"name": "X"}"#,
            unsupported,
            "unsupported_media_type",
        )
        .content_type(Some("text/plain")),
        c(
            "empty name",
            r#"{"name": "  "}"#,
            unprocessable,
            "invalid_record",
        )
        .mentions(&["required"])
        .fields(&["name"]),
        c(
            "bad country",
            r#"{"name": "X", "country": "XX"}"#,
            unprocessable,
            "invalid_record",
        )
        .mentions(&["XX"])
        .fields(&["country"]),
        c(
            "bad url",
            r#"{"name": "X", "website": "cartac.org"}"#,
            unprocessable,
            "invalid_record",
        )
        .mentions(&["http"])
        .fields(&["website"]),
        c(
            "several bad values",
            &several,
            unprocessable,
            "invalid_record",
        )
        .fields(&["name", "country", "website", "languages"]),
        c(
            "successor while active",
            &successor,
            unprocessable,
            "invalid_record",
        )
        .fields(&["successor"]),
        Case {
            body: huge,
            ..c(
                "body over 2 MiB",
                "",
                StatusCode::PAYLOAD_TOO_LARGE,
                "body_too_large",
            )
        },
    ]
}

#[tokio::test]
async fn bad_paths_are_refused() {
    let t = TestApp::seeded().await;
    let not_found = StatusCode::NOT_FOUND;
    let bad = StatusCode::BAD_REQUEST;
    let missing = Uuid::new_v4();
    let good_org = r#"{"name": "X"}"#;
    let cases = vec![
        case(
            "unknown kind, list",
            Method::GET,
            "/api/v1/widgets",
            "",
            not_found,
            "not_found",
        )
        .mentions(&["widgets", "organisations"]),
        case(
            "unknown kind, create",
            Method::POST,
            "/api/v1/widgets",
            good_org,
            not_found,
            "not_found",
        )
        .mentions(&["widgets"]),
        case(
            "unknown kind, one",
            Method::GET,
            &format!("/api/v1/widgets/{missing}"),
            "",
            not_found,
            "not_found",
        )
        .mentions(&["widgets"]),
        case(
            "bad uuid, get",
            Method::GET,
            "/api/v1/organisations/cartac",
            "",
            bad,
            "invalid_id",
        )
        .mentions(&["cartac"]),
        case(
            "bad uuid, patch",
            Method::PATCH,
            "/api/v1/organisations/12345",
            good_org,
            bad,
            "invalid_id",
        )
        .mentions(&["12345"]),
        case(
            "bad uuid, delete",
            Method::DELETE,
            "/api/v1/organisations/not-a-uuid",
            "",
            bad,
            "invalid_id",
        ),
        case(
            "missing record, get",
            Method::GET,
            &format!("/api/v1/organisations/{missing}"),
            "",
            not_found,
            "not_found",
        )
        .mentions(&["organisation"]),
        case(
            "missing record, patch",
            Method::PATCH,
            &format!("/api/v1/organisations/{missing}"),
            good_org,
            not_found,
            "not_found",
        ),
        case(
            "missing record, delete",
            Method::DELETE,
            &format!("/api/v1/organisations/{missing}"),
            "",
            not_found,
            "not_found",
        ),
        case(
            "unknown API path",
            Method::GET,
            "/api/v1/organisations/a/b",
            "",
            not_found,
            "not_found",
        )
        .mentions(&["/api/v1/organisations/a/b"]),
        case(
            "unknown API path, post",
            Method::POST,
            "/api/v1/no/such/thing",
            good_org,
            not_found,
            "not_found",
        ),
        case(
            "API root",
            Method::GET,
            "/api/v1/",
            "",
            not_found,
            "not_found",
        ),
    ];
    refuse_all(&t, cases).await;
}

#[tokio::test]
async fn other_api_paths_and_methods_are_refused_in_json() {
    let t = TestApp::seeded().await;
    let not_found = StatusCode::NOT_FOUND;
    let cases = vec![
        case(
            "another API version",
            Method::GET,
            "/api/v2/organisations",
            "",
            not_found,
            "not_found",
        )
        .mentions(&["/api/v2/organisations"]),
        case(
            "API prefix",
            Method::GET,
            "/api",
            "",
            not_found,
            "not_found",
        ),
        case(
            "put a collection",
            Method::PUT,
            "/api/v1/organisations",
            "{}",
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
        )
        .mentions(&["PUT"]),
        case(
            "post to a record",
            Method::POST,
            &org_path("wco"),
            r#"{"name": "X"}"#,
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
        ),
        case(
            "post a snapshot",
            Method::POST,
            "/api/v1/sync/snapshot",
            "{}",
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
        ),
        case(
            "post a bootstrap page",
            Method::POST,
            "/api/v1/sync/bootstrap/AAAAAAAAAAAAAAAAAAAAAA/0",
            "{}",
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
        ),
        case(
            "get a push",
            Method::GET,
            "/api/v1/sync/push",
            "",
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
        ),
    ];
    refuse_all(&t, cases).await;
    let reply = t
        .raw(
            Method::PUT,
            &org_path("wco"),
            None,
            axum::body::Body::empty(),
        )
        .await;
    reply.expect_error(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    let allow = reply.headers[header::ALLOW].to_str().expect("allow");
    for m in ["GET", "PATCH", "DELETE"] {
        assert!(allow.contains(m), "Allow: {allow}");
    }
}

#[tokio::test]
async fn with_the_app_built_api_paths_still_answer_json() {
    let dist = tempfile::tempdir().expect("dist");
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>Tradewinds</title>",
    )
    .expect("index.html");
    let t = TestApp::seeded().await.with_dist(dist.path());

    for deep_link in ["/", "/organisations"] {
        let reply = t.get(deep_link).await;
        assert_eq!(reply.status, StatusCode::OK, "{deep_link}");
        assert!(String::from_utf8_lossy(&reply.body).contains("Tradewinds"));
    }
    for path in [
        "/api/v2/organisations",
        "/api/v1/",
        "/api/v1/nothing/here/at/all",
    ] {
        t.get(path)
            .await
            .expect_error(StatusCode::NOT_FOUND, "not_found");
    }
    let orgs = t.list(RecordKind::Organisation).await;
    assert!(!orgs.is_empty());
}

#[tokio::test]
async fn a_hashed_asset_that_does_not_exist_is_404_and_never_cached() {
    let dist = tempfile::tempdir().expect("dist");
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>Tradewinds</title>",
    )
    .expect("index.html");
    std::fs::create_dir(dist.path().join("assets")).expect("assets");
    std::fs::write(dist.path().join("assets/app-0123abcd.js"), "export {};").expect("asset");
    let t = TestApp::seeded().await.with_dist(dist.path());

    let found = t.get("/assets/app-0123abcd.js").await;
    assert_eq!(found.status, StatusCode::OK);
    assert_eq!(
        found.headers[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    // A chunk of another build (asked for during a deploy or a rollback).
    for missing in [
        "/assets/app-ffffffff.js",
        "/assets/chunk-9999.wasm",
        "/assets/",
    ] {
        let reply = t.get(missing).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{missing}");
        assert_eq!(
            reply.headers[header::CACHE_CONTROL],
            "no-store",
            "{missing}"
        );
        assert!(!String::from_utf8_lossy(&reply.body).contains("Tradewinds"));
    }
    // Deep links still open the app.
    let deep = t.get("/meetings/anything").await;
    assert_eq!(deep.status, StatusCode::OK);
    assert_eq!(deep.headers[header::CACHE_CONTROL], "no-cache");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_writes_are_all_kept() {
    let t = std::sync::Arc::new(TestApp::seeded().await);
    let before = t.list(RecordKind::Organisation).await.len();
    let counter = t
        .store
        .last_mutation(t.store.server_device())
        .await
        .expect("counter");
    let writers: Vec<_> = (0..16)
        .map(|i| {
            let t = t.clone();
            tokio::spawn(async move {
                t.json(
                    Method::POST,
                    "/api/v1/organisations",
                    &new_org(&format!("Organisation {i}")),
                )
                .await
                .expect(StatusCode::CREATED)
            })
        })
        .collect();
    let mut names = BTreeSet::new();
    for w in writers {
        let created = w.await.expect("writer");
        let path = format!(
            "/api/v1/organisations/{}",
            created["id"].as_str().expect("id")
        );
        assert_eq!(t.get(&path).await.expect(StatusCode::OK), created);
        names.insert(created["name"].as_str().expect("name").to_owned());
    }
    assert_eq!(names.len(), 16);
    assert_eq!(t.list(RecordKind::Organisation).await.len(), before + 16);
    assert_eq!(
        t.store
            .last_mutation(t.store.server_device())
            .await
            .expect("counter"),
        counter + 16,
        "one server mutation per write"
    );
}
