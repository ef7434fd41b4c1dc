//! Helpers shared by the test areas: a seeded app on a temporary database, requests
//! through `oneshot`, and the checks every refusal must pass.
//!
//! The database is a SQLite file unless `TRADEWINDS_TEST_DATABASE=postgres`: then each
//! test gets a new database on the PostgreSQL server the `PG*` variables name (as
//! `pg_virtualenv` sets them; `make test-server-postgres`).

pub mod catalogue;

use axum::{
    body::Body,
    http::{header, HeaderMap, Method, Request, StatusCode},
    Router,
};
use http_body_util::BodyExt;
use serde_json::{json, Map, Value};
use tempfile::TempDir;
use tower::ServiceExt;
use tradewinds_server::files::Files;
use tradewinds_server::ops::Metrics;
use tradewinds_server::{accounts, accounts::throttle::Throttle, app, seed, AppState, Store};
use tradewinds_shared::access::Role;
use tradewinds_shared::accounts::NewUser;
use tradewinds_shared::{
    api::ErrorBody,
    sync::{Mutation, PushRequest, PushResponse, Snapshot},
    RecordKind,
};
use uuid::Uuid;

/// A new, empty database for one test: a SQLite file in `dir`, or a PostgreSQL database
/// (see the module's documentation).
pub async fn database_url(dir: &std::path::Path) -> String {
    match std::env::var("TRADEWINDS_TEST_DATABASE").as_deref() {
        Ok("postgres") => {
            use sqlx::{Connection, Executor};
            let var = |name: &str| {
                std::env::var(name).unwrap_or_else(|_| {
                    panic!(
                        "TRADEWINDS_TEST_DATABASE=postgres needs {name} (run under pg_virtualenv)"
                    )
                })
            };
            let base = format!(
                "postgres://{}:{}@{}:{}",
                var("PGUSER"),
                var("PGPASSWORD"),
                var("PGHOST"),
                var("PGPORT")
            );
            let name = format!("tw_{}", Uuid::new_v4().simple());
            let mut admin = sqlx::PgConnection::connect(&format!("{base}/postgres"))
                .await
                .expect("connect to PostgreSQL");
            admin
                .execute(format!("CREATE DATABASE {name}").as_str())
                .await
                .expect("create a test database");
            admin.close().await.expect("disconnect");
            format!("{base}/{name}")
        }
        Ok("sqlite") | Err(_) => format!("sqlite://{}/t.db", dir.display()),
        Ok(other) => panic!("TRADEWINDS_TEST_DATABASE is sqlite or postgres, not {other}"),
    }
}

/// The password of every account the tests make.
pub const PASSWORD: &str = "test password 1234";

/// A server on its own temporary database, reached without a socket.
pub struct TestApp {
    pub store: Store,
    /// The router's throttle: its clock stands still unless a test moves it on.
    pub throttle: Throttle,
    pub router: Router,
    /// The bearer token every request carries (`None`: signed out).
    pub token: Option<String>,
    /// The database's URL (another instance opens it again: `another_instance`).
    pub url: String,
    /// Documents' files, in the test's directory (shared by its instances).
    pub files: Files,
    _dir: std::sync::Arc<TempDir>,
}

/// A response: status, headers and the body read in full.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "status {}: body is not JSON ({e}): {:?}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// Asserts the status and returns the JSON body.
    #[track_caller]
    pub fn expect(&self, status: StatusCode) -> Value {
        assert_eq!(
            self.status,
            status,
            "unexpected status; body: {}",
            String::from_utf8_lossy(&self.body)
        );
        self.json()
    }

    /// Asserts that this is a refusal in the API's error shape with the given status and code.
    #[track_caller]
    pub fn expect_error(&self, status: StatusCode, code: &str) -> ErrorBody {
        assert_eq!(
            self.status,
            status,
            "unexpected status; body: {}",
            String::from_utf8_lossy(&self.body)
        );
        assert_eq!(
            self.headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok()),
            Some("application/json"),
            "an error is answered in JSON"
        );
        let body: ErrorBody = serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not an ErrorBody ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        });
        assert_eq!(body.error, code, "error code; message: {}", body.message);
        assert!(!body.message.trim().is_empty(), "the error has a message");
        body
    }
}

/// Asserts that a validation refusal names exactly these fields (in any order).
#[track_caller]
pub fn assert_fields(body: &ErrorBody, expected: &[&str]) {
    let mut got: Vec<&str> = body.fields.iter().map(|f| f.field.as_str()).collect();
    got.sort_unstable();
    got.dedup();
    let mut want = expected.to_vec();
    want.sort_unstable();
    assert_eq!(got, want, "fields named by {body:?}");
    for f in &body.fields {
        assert!(!f.message.is_empty(), "field {} has a message", f.field);
        assert!(
            body.message.contains(&f.field),
            "message `{}` names field {}",
            body.message,
            f.field
        );
    }
}

impl TestApp {
    /// A fresh database seeded with the 2012 meeting, signed in as a coordinator.
    pub async fn seeded() -> TestApp {
        let t = TestApp::empty().await;
        let added = seed::seed(&t.store).await.expect("seed");
        assert!(added > 0, "the seed adds records to an empty database");
        t
    }

    /// A fresh, empty database, signed in as a coordinator (who may edit everything).
    pub async fn empty() -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = database_url(dir.path()).await;
        let t = TestApp::open(url, std::sync::Arc::new(dir)).await;
        t.signed_in_as("coordinator@test.org", Role::Coordinator, None)
            .await
    }

    /// The same server, with requests signed in as a new account with this role.
    pub async fn signed_in_as(
        &self,
        email: &str,
        role: Role,
        organisation: Option<Uuid>,
    ) -> TestApp {
        let new = NewUser {
            email: email.into(),
            name: email.split('@').next().unwrap_or_default().into(),
            role,
            organisation,
            password: PASSWORD.into(),
        };
        let user = accounts::users::create(self.store.pool(), &new, false)
            .await
            .expect("create account");
        let (token, _) = accounts::sessions::start(self.store.pool(), user.id)
            .await
            .expect("start session");
        self.with_token(Some(token))
    }

    /// Signs in through the API (`POST /api/v1/session`, sent without a token).
    pub async fn sign_in(&self, email: &str, password: &str) -> Reply {
        self.with_token(None)
            .json(
                Method::POST,
                "/api/v1/session",
                &serde_json::json!({ "email": email, "password": password }),
            )
            .await
    }

    /// The same server, with requests carrying `token` (`None`: no Authorization header).
    pub fn with_token(&self, token: Option<String>) -> TestApp {
        TestApp {
            store: self.store.clone(),
            throttle: self.throttle.clone(),
            router: self.router.clone(),
            token,
            url: self.url.clone(),
            files: self.files.clone(),
            _dir: self._dir.clone(),
        }
    }

    /// A second server instance on the same database (its own store, throttle and router,
    /// as another process would have), signed out.
    pub async fn another_instance(&self) -> TestApp {
        TestApp::open(self.url.clone(), self._dir.clone()).await
    }

    /// A server (store, stopped-clock throttle, router) on the database at `url`, signed out.
    async fn open(url: String, dir: std::sync::Arc<TempDir>) -> TestApp {
        let store = Store::open(&url).await.expect("open store");
        let throttle = Throttle::default().stopped_clock();
        let files = Files::open(&dir.path().join("files")).expect("files directory");
        let router = app(AppState {
            store: store.clone(),
            dist: None,
            throttle: throttle.clone(),
            metrics: Metrics::new(None),
            files: files.clone(),
        });
        TestApp {
            store,
            throttle,
            router,
            token: None,
            url,
            files,
            _dir: dir,
        }
    }

    /// The same database, serving the built app in `dist` too.
    pub fn with_dist(self, dist: &std::path::Path) -> TestApp {
        let router = app(AppState {
            store: self.store.clone(),
            dist: Some(dist.to_owned()),
            throttle: self.throttle.clone(),
            metrics: Metrics::new(None),
            files: self.files.clone(),
        });
        TestApp { router, ..self }
    }

    /// The same database, with `/metrics` served to the holder of `token`.
    pub fn with_metrics_token(self, token: &str) -> TestApp {
        let router = app(AppState {
            store: self.store.clone(),
            dist: None,
            throttle: self.throttle.clone(),
            metrics: Metrics::new(Some(token.to_owned())),
            files: self.files.clone(),
        });
        TestApp { router, ..self }
    }

    /// The same database, throttled by `throttle` (e.g. one that trusts a proxy).
    pub fn with_throttle(self, throttle: Throttle) -> TestApp {
        let router = app(AppState {
            store: self.store.clone(),
            dist: None,
            throttle: throttle.clone(),
            metrics: Metrics::new(None),
            files: self.files.clone(),
        });
        TestApp {
            router,
            throttle,
            ..self
        }
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("the router is infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .expect("read body")
            .to_bytes()
            .to_vec();
        Reply {
            status,
            headers,
            body,
        }
    }

    /// A request with a raw body and an optional content type.
    pub async fn raw(
        &self,
        method: Method,
        path: &str,
        content_type: Option<&str>,
        body: impl Into<Body>,
    ) -> Reply {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(token) = &self.token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        if let Some(ct) = content_type {
            req = req.header(header::CONTENT_TYPE, ct);
        }
        self.send(req.body(body.into()).expect("request")).await
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.raw(Method::GET, path, None, Body::empty()).await
    }

    pub async fn delete(&self, path: &str) -> Reply {
        self.raw(Method::DELETE, path, None, Body::empty()).await
    }

    /// A request with a JSON body.
    pub async fn json(&self, method: Method, path: &str, body: &Value) -> Reply {
        self.raw(
            method,
            path,
            Some("application/json"),
            serde_json::to_vec(body).expect("serialise"),
        )
        .await
    }

    /// The live records of one kind, as `GET /api/v1/{kind}` lists them.
    pub async fn list(&self, kind: RecordKind) -> Vec<Value> {
        let body = self
            .get(&format!("/api/v1/{}", kind.plural()))
            .await
            .expect(StatusCode::OK);
        body["items"].as_array().expect("items").clone()
    }

    /// Everything stored: the snapshot (every record, tombstones included, and the
    /// change-log position), the server's own mutation counter, and the organisations as the
    /// API lists them. Two equal `State`s mean nothing was written in between.
    pub async fn state(&self) -> State {
        State {
            snapshot: self.store.snapshot().await.expect("snapshot"),
            organisations: self.list(RecordKind::Organisation).await,
            server_counter: self
                .store
                .last_mutation(self.store.server_device())
                .await
                .expect("counter"),
        }
    }

    /// `POST /api/v1/sync/push`.
    pub async fn push_raw(&self, device: Uuid, mutations: &[Mutation]) -> Reply {
        let req = PushRequest {
            device,
            mutations: mutations.to_vec(),
        };
        self.json(
            Method::POST,
            "/api/v1/sync/push",
            &serde_json::to_value(req).expect("serialise"),
        )
        .await
    }

    /// A push that must succeed: its answer, `204 No Content` read as what it stands for.
    pub async fn push(&self, device: Uuid, mutations: &[Mutation]) -> PushResponse {
        let reply = self.push_raw(device, mutations).await;
        let req = PushRequest {
            device,
            mutations: mutations.to_vec(),
        };
        if reply.status == StatusCode::NO_CONTENT {
            assert!(reply.body.is_empty(), "204 with a body");
            return PushResponse::applied_all(&req).expect("204 answers a non-empty push");
        }
        let answer: PushResponse =
            serde_json::from_value(reply.expect(StatusCode::OK)).expect("PushResponse");
        assert!(
            !answer.is_applied_all(&req),
            "a push whose every mutation applied is answered 204, not {answer:?}"
        );
        answer
    }

    pub async fn snapshot(&self) -> Snapshot {
        let body = self
            .get("/api/v1/sync/snapshot")
            .await
            .expect(StatusCode::OK);
        serde_json::from_value(body).expect("Snapshot")
    }
}

#[derive(Debug, PartialEq)]
pub struct State {
    pub snapshot: Snapshot,
    pub organisations: Vec<Value>,
    pub server_counter: u64,
}

/// A JSON object as a field map.
pub fn fields(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}

/// A valid new organisation.
pub fn new_org(name: &str) -> Value {
    json!({
        "name": name,
        "acronym": "OECS",
        "category": "regional_body",
        "country": "LC",
        "website": "https://www.oecs.org",
        "languages": ["en", "fr"],
    })
}

/// A valid new training tool, provided by the WCO Capacity Building Directorate.
pub fn new_tool(title: &str) -> Value {
    json!({
        "title": title,
        "provider": seed::seed_id("wco_cbd").to_string(),
        "format": "e_learning",
        "languages": ["en", "es"],
        "topics": ["risk_management"],
        "url": "https://clikc.wcoomd.org",
        "last_verified": "2012-10-15",
    })
}

pub fn org_path(key: &str) -> String {
    format!("/api/v1/organisations/{}", seed::seed_id(key))
}

/// xorshift64*: a tiny seedable generator for the fault-injection tests, so that a run is a
/// function of its seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Spread small seeds over the state; the state must never be zero.
        Rng((seed ^ 0x9E37_79B9_7F4A_7C15).wrapping_mul(0xBF58_476D_1CE4_E5B9) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `p` percent.
    pub fn percent(&mut self, p: u64) -> bool {
        self.next_u64() % 100 < p
    }

    pub fn uuid(&mut self) -> Uuid {
        uuid::Builder::from_random_bytes(
            ((u128::from(self.next_u64()) << 64) | u128::from(self.next_u64())).to_le_bytes(),
        )
        .into_uuid()
    }
}
