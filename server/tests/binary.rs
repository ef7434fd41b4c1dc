//! The built `tradewinds` binary over a real socket: it starts, seeds once, serves the API,
//! refuses bad input in the API's error shape, and keeps its data across a restart.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::{header, Client, StatusCode};
use serde_json::{json, Value};
use tradewinds_server::seed;
use tradewinds_shared::{accounts::Session, api::ErrorBody, sync::Snapshot};

use crate::common::{new_tool, org_path};

/// The account the binary tests sign in with (added through the CLI).
pub(crate) const EMAIL: &str = "binary-tests@example.org";
const PASSWORD: &str = "binary tests password";

/// Runs `tradewinds user add`, giving the password on stdin as a script would.
pub(crate) fn add_user(
    db: &Path,
    email: &str,
    role: &str,
    password: &str,
) -> Result<String, String> {
    add_user_at(&format!("sqlite://{}", db.display()), email, role, password)
}

/// `add_user` on the database at `url`.
pub(crate) fn add_user_at(
    url: &str,
    email: &str,
    role: &str,
    password: &str,
) -> Result<String, String> {
    add_user_speaking(url, email, role, password, &[("LC_ALL", "C.UTF-8")])
}

/// `add_user_at` with the locale variables `locale` (and no other), which choose the
/// language the command prints in.
pub(crate) fn add_user_speaking(
    url: &str,
    email: &str,
    role: &str,
    password: &str,
    locale: &[(&str, &str)],
) -> Result<String, String> {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tradewinds"))
        .args([
            "user",
            "add",
            "--email",
            email,
            "--role",
            role,
            "--database",
        ])
        .arg(url)
        .env_remove("TRADEWINDS_DATABASE_URL")
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .envs(locale.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start tradewinds user add");
    // A command refused on its arguments (an unknown role) exits without reading the
    // password: the pipe may be closed by then.
    if let Err(e) = writeln!(child.stdin.take().expect("stdin"), "{password}") {
        assert_eq!(
            e.kind(),
            std::io::ErrorKind::BrokenPipe,
            "write the password: {e}"
        );
    }
    let out = child.wait_with_output().expect("tradewinds user add");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if out.status.success() {
        Ok(stdout)
    } else {
        Err(stderr)
    }
}

/// A running `tradewinds serve`, killed when dropped (SIGKILL on unix: no graceful
/// shutdown). Also used by `crash`.
pub(crate) struct Server {
    child: Child,
    base: String,
    output: Arc<Mutex<Vec<String>>>,
    pub(crate) http: Client,
}

impl Server {
    /// Starts the binary on the database at `db` and waits until it answers `/healthz`.
    pub(crate) async fn start(db: &Path, extra: &[&str]) -> Server {
        Server::start_with_env(db, extra, &[]).await
    }

    /// `start` with extra environment variables (e.g. `RUST_LOG`).
    pub(crate) async fn start_with_env(db: &Path, extra: &[&str], env: &[(&str, &str)]) -> Server {
        let url = format!("sqlite://{}", db.display());
        Server::start_on(&url, &db.with_extension("token"), extra, env).await
    }

    /// Starts the binary on the database at `url`; the session it signs in with is kept
    /// in `token_file` (whose directory is the server's working directory), so that every
    /// server started on the same database shares it.
    pub(crate) async fn start_on(
        url: &str,
        token_file: &Path,
        extra: &[&str],
        env: &[(&str, &str)],
    ) -> Server {
        let dir = token_file.parent().expect("database directory");
        // On SQLite the files directory is the default, beside the database; PostgreSQL
        // needs one named.
        let files = if url.starts_with("postgres") {
            vec!["--files".into(), dir.join("files").into_os_string()]
        } else {
            vec![]
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_tradewinds"))
            .arg("serve")
            .args(["--addr", "127.0.0.1:0"])
            .arg("--database")
            .arg(url)
            .arg("--dist")
            .arg(dir.join("no-such-dist"))
            .args(files)
            .args(extra)
            .current_dir(dir)
            .env_remove("TRADEWINDS_FILES")
            .env_remove("TRADEWINDS_ADDR")
            .env_remove("TRADEWINDS_DATABASE_URL")
            .env_remove("TRADEWINDS_DIST")
            .env_remove("TRADEWINDS_TRUSTED_PROXIES")
            .env_remove("TRADEWINDS_METRICS_TOKEN")
            .env_remove("TRADEWINDS_LOG_FORMAT")
            .env_remove("LANGUAGE")
            .env("LC_ALL", "C.UTF-8")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the tradewinds binary");
        let stdout = child.stdout.take().expect("stdout");
        let output = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = mpsc::channel();
        let lines = output.clone();
        // Keeps reading after the address so that the server never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                // The line saying where it runs is worded in the environment's language;
                // its address is the one written as `http://…/`.
                if let Some(rest) = line.split("http://").nth(1) {
                    let addr = rest.split('/').next().unwrap_or_default();
                    let _ = tx.send(format!("http://{addr}"));
                }
                lines.lock().expect("output").push(line);
            }
        });
        let mut server = Server {
            child,
            base: String::new(),
            output,
            http: Client::builder()
                .timeout(Duration::from_secs(30))
                .build()
                .expect("client"),
        };
        server.base = rx
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| {
                panic!(
                    "the binary did not say where it runs; exit: {:?}; output: {:?}",
                    server.child.try_wait(),
                    server.output()
                )
            });
        assert!(
            server.base.starts_with("http://127.0.0.1:"),
            "{}",
            server.base
        );
        server.wait_healthy().await;
        server.sign_in(url, token_file).await;
        server
    }

    /// Signs `http` in as a coordinator added with `tradewinds user add` (once per database;
    /// the token is kept beside it, so a restarted server knows the session).
    async fn sign_in(&mut self, url: &str, token_file: &Path) {
        let token = match std::fs::read_to_string(token_file) {
            Ok(token) => token,
            Err(_) => {
                add_user_at(url, EMAIL, "coordinator", PASSWORD).expect("tradewinds user add");
                let r = self
                    .http
                    .post(self.url("/api/v1/session"))
                    .json(&json!({ "email": EMAIL, "password": PASSWORD }))
                    .send()
                    .await
                    .expect("sign in");
                assert_eq!(r.status(), StatusCode::OK);
                let session: Session = r.json().await.expect("Session");
                std::fs::write(token_file, &session.token).expect("keep the token");
                session.token
            }
        };
        let mut headers = header::HeaderMap::new();
        headers.insert(
            header::AUTHORIZATION,
            header::HeaderValue::from_str(&format!("Bearer {token}")).expect("header"),
        );
        self.http = Client::builder()
            .timeout(Duration::from_secs(30))
            .default_headers(headers)
            .build()
            .expect("client");
    }

    fn output(&self) -> Vec<String> {
        self.output.lock().expect("output").clone()
    }

    async fn wait_healthy(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(r) = self.http.get(self.url("/healthz")).send().await {
                if r.status() == StatusCode::OK && r.text().await.ok().as_deref() == Some("ok") {
                    return;
                }
            }
            assert!(Instant::now() < deadline, "/healthz never answered ok");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    async fn get(&self, path: &str) -> (StatusCode, Value) {
        let r = self.http.get(self.url(path)).send().await.expect("GET");
        (r.status(), r.json().await.expect("JSON body"))
    }

    async fn send_json(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &Value,
    ) -> (StatusCode, Value) {
        let r = self
            .http
            .request(method, self.url(path))
            .json(body)
            .send()
            .await
            .expect("request");
        (r.status(), r.json().await.expect("JSON body"))
    }

    async fn list(&self, plural: &str) -> Vec<Value> {
        let (status, body) = self.get(&format!("/api/v1/{plural}")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["items"].as_array().expect("items").clone()
    }

    async fn everything(&self) -> Vec<Vec<Value>> {
        let mut all = Vec::new();
        for plural in ["organisations", "contacts", "training_tools", "programmes"] {
            all.push(self.list(plural).await);
        }
        all
    }

    pub(crate) async fn snapshot(&self) -> Snapshot {
        let (status, body) = self.get("/api/v1/sync/snapshot").await;
        assert_eq!(status, StatusCode::OK);
        serde_json::from_value(body).expect("Snapshot")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[track_caller]
fn refusal(status: StatusCode, body: Value, expected: StatusCode, code: &str) -> ErrorBody {
    assert_eq!(status, expected, "{body}");
    let body: ErrorBody = serde_json::from_value(body).expect("ErrorBody");
    assert_eq!(body.error, code, "{}", body.message);
    assert!(!body.message.is_empty());
    body
}

#[tokio::test]
async fn the_binary_serves_and_keeps_the_catalogue_across_restarts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("tradewinds.db");
    let server = Server::start(&db, &[]).await;

    let orgs = server.list("organisations").await;
    let cartac = orgs
        .iter()
        .find(|o| o["acronym"] == "CARTAC")
        .expect("CARTAC is seeded");
    assert_eq!(cartac["id"], seed::seed_id("cartac").to_string());
    assert_eq!(
        orgs.iter()
            .filter(|o| o["category"] == "customs_administration")
            .count(),
        20
    );

    let (status, tool) = server
        .send_json(
            reqwest::Method::POST,
            "/api/v1/training_tools",
            &new_tool("Post-clearance audit course"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{tool}");
    let tool_path = format!(
        "/api/v1/training_tools/{}",
        tool["id"].as_str().expect("id")
    );
    assert_eq!(server.get(&tool_path).await, (StatusCode::OK, tool.clone()));
    let (status, cartac) = server
        .send_json(
            reqwest::Method::PATCH,
            &org_path("cartac"),
            &json!({"acronym": "CARTAC (IMF)"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cartac["acronym"], "CARTAC (IMF)");
    let deleted = server
        .http
        .delete(server.url(&org_path("wco")))
        .send()
        .await
        .expect("DELETE");
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);

    // Bad input is refused in the API's error shape, and stores nothing.
    let before = server.everything().await;
    let cursor = server.snapshot().await.cursor;
    let orgs_path = "/api/v1/organisations";
    let r = server
        .http
        .post(server.url(orgs_path))
        .header(header::CONTENT_TYPE, "application/json")
        .body(r#"{"name": "Truncated"#)
        .send()
        .await
        .expect("POST");
    refusal(
        r.status(),
        r.json().await.expect("JSON"),
        StatusCode::BAD_REQUEST,
        "malformed_json",
    );
    let r = server
        .http
        .post(server.url(orgs_path))
        .body(r#"{"name": "No content type"}"#)
        .send()
        .await
        .expect("POST");
    refusal(
        r.status(),
        r.json().await.expect("JSON"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    );
    let (s, b) = server
        .send_json(
            reqwest::Method::POST,
            "/api/v1/training_tools",
            &json!({"title": 5}),
        )
        .await;
    let body = refusal(s, b, StatusCode::UNPROCESSABLE_ENTITY, "invalid_record");
    assert_eq!(body.fields.len(), 1);
    assert_eq!(body.fields[0].field, "title");
    let (s, b) = server
        .send_json(
            reqwest::Method::POST,
            orgs_path,
            &json!({"name": "", "country": "XX", "website": "ftp://x"}),
        )
        .await;
    let body = refusal(s, b, StatusCode::UNPROCESSABLE_ENTITY, "invalid_record");
    let named: Vec<&str> = body.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(named, ["name", "country", "website"]);
    let (s, b) = server
        .send_json(reqwest::Method::PATCH, &tool_path, &json!({"id": "x"}))
        .await;
    refusal(s, b, StatusCode::UNPROCESSABLE_ENTITY, "reserved_field");
    let (s, b) = server.get("/api/v1/widgets").await;
    refusal(s, b, StatusCode::NOT_FOUND, "not_found");
    let (s, b) = server.get("/api/v1/organisations/cartac").await;
    refusal(s, b, StatusCode::BAD_REQUEST, "invalid_id");
    let (s, b) = server.get("/api/v1/no/such/endpoint").await;
    refusal(s, b, StatusCode::NOT_FOUND, "not_found");
    let (s, b) = server.get(&org_path("wco")).await;
    refusal(s, b, StatusCode::NOT_FOUND, "not_found");
    assert_eq!(server.everything().await, before);
    assert_eq!(server.snapshot().await.cursor, cursor);

    // Killed without warning and started again on the same database.
    drop(server);
    let server = Server::start(&db, &[]).await;
    assert_eq!(server.everything().await, before, "the data survived");
    assert_eq!(server.get(&tool_path).await, (StatusCode::OK, tool));
    assert_eq!(
        server.get(&org_path("cartac")).await.1["acronym"],
        "CARTAC (IMF)",
        "the seed did not run again over the edit"
    );
    let (s, b) = server.get(&org_path("wco")).await;
    refusal(s, b, StatusCode::NOT_FOUND, "not_found");
    assert_eq!(
        server.snapshot().await.cursor,
        cursor,
        "nothing was written at start-up, and the server kept its identity"
    );
    let (status, pulled) = server
        .get(&format!("/api/v1/sync/pull?cursor={}", cursor.0))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(pulled["reset"], false);
    assert_eq!(pulled["records"], json!([]));
}

#[tokio::test]
async fn no_seed_starts_empty_and_a_later_start_seeds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("empty.db");
    let server = Server::start(&db, &["--no-seed"]).await;
    assert!(server.everything().await.iter().all(Vec::is_empty));
    drop(server);
    let server = Server::start(&db, &[]).await;
    assert!(!server.list("organisations").await.is_empty());
}

#[test]
fn a_bad_database_url_stops_the_binary_with_a_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_tradewinds"))
        .args(["serve", "--addr", "127.0.0.1:0", "--database"])
        .arg(format!(
            "sqlite://{}/missing/dir/t.db",
            dir.path().display()
        ))
        .current_dir(dir.path())
        .output()
        .expect("run the binary");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot open the database"), "{stderr}");
}

#[tokio::test]
async fn accounts_are_added_on_the_command_line_and_demo_accounts_only_with_demo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("accounts.db");
    // No password on the command line: there is no option for it.
    let out = Command::new(env!("CARGO_BIN_EXE_tradewinds"))
        .args([
            "user",
            "add",
            "--email",
            "a@example.org",
            "--role",
            "admin",
            "--password",
            "secret password",
        ])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--password"));
    let added = add_user(
        &db,
        "first.admin@example.org",
        "admin",
        "first admin password",
    )
    .expect("the first admin is added");
    assert!(added.contains("Added first.admin@example.org"), "{added}");
    let short = add_user(&db, "x@example.org", "viewer", "short").unwrap_err();
    assert!(
        short.contains("password") && short.contains("10 characters"),
        "{short}"
    );
    let role = add_user(&db, "y@example.org", "superuser", "long enough password").unwrap_err();
    assert!(
        role.contains("not a role") && role.contains("office_editor"),
        "{role}"
    );
    let twice = add_user(
        &db,
        "First.Admin@example.org",
        "viewer",
        "long enough password",
    )
    .unwrap_err();
    assert!(twice.contains("already an account"), "{twice}");
    // In the language of the command's environment: its own words, and the problem's.
    let url = format!("sqlite://{}", db.display());
    let locale = [("LANG", "nl_SR.UTF-8")];
    let said = add_user_speaking(&url, "z@example.org", "viewer", "kort", &locale).unwrap_err();
    assert!(
        said.contains("niet toegevoegd: Het gegeven is niet geldig:")
            && said.contains("Gebruik ten minste 10 tekens."),
        "{said}"
    );

    let sign_in = |server: &Server, email: &str, password: &str| {
        let request = server
            .http
            .post(server.url("/api/v1/session"))
            .header(header::AUTHORIZATION, "")
            .json(&json!({ "email": email, "password": password }));
        async move { request.send().await.expect("sign in").status() }
    };
    let demo = Server::start(&db, &["--demo"]).await;
    assert!(demo
        .output()
        .iter()
        .any(|l| l.contains("Demo accounts are enabled")));
    for role in ["admin", "coordinator", "editor", "viewer"] {
        let email = format!("{role}@demo.tradewinds.org");
        assert_eq!(
            sign_in(&demo, &email, "tradewinds-demo").await,
            StatusCode::OK,
            "{email}"
        );
    }
    assert_eq!(
        sign_in(&demo, "first.admin@example.org", "first admin password").await,
        StatusCode::OK
    );
    drop(demo);
    // Without the seed, the demo coordinator still exists (without CARTAC).
    let bare_dir = tempfile::tempdir().expect("temp dir");
    let bare = Server::start(&bare_dir.path().join("bare.db"), &["--no-seed", "--demo"]).await;
    let coordinator = "coordinator@demo.tradewinds.org";
    assert_eq!(
        sign_in(&bare, coordinator, "tradewinds-demo").await,
        StatusCode::OK
    );
    drop(bare);
    // A production start (no --demo) has no demo accounts.
    let production = Server::start(&db, &[]).await;
    assert_eq!(
        sign_in(&production, "viewer@demo.tradewinds.org", "tradewinds-demo").await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        sign_in(
            &production,
            "first.admin@example.org",
            "first admin password"
        )
        .await,
        StatusCode::OK
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_is_throttled_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("proxy.db");
    // The tests connect from 127.0.0.1: here, a TLS front end named in the environment.
    let proxies = [("TRADEWINDS_TRUSTED_PROXIES", "192.0.2.250,127.0.0.0/8")];
    let server = Server::start_with_env(&db, &["--no-seed"], &proxies).await;
    let sign_in = |client: &str, email: &str, password: &str| {
        let request = server
            .http
            .post(server.url("/api/v1/session"))
            .header(header::AUTHORIZATION, "")
            .header("x-forwarded-for", client)
            .json(&json!({ "email": email, "password": password }));
        async move { request.send().await.expect("sign in") }
    };
    for i in 0..30 {
        let email = format!("nobody{i}@example.org");
        let reply = sign_in("198.51.100.1", &email, "a guess").await;
        assert_eq!(reply.status(), StatusCode::UNAUTHORIZED);
    }
    // The 30th failure from that client starts its wait; another client is not held back.
    let held = sign_in("198.51.100.1", EMAIL, PASSWORD).await;
    assert_eq!(held.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(held.headers().contains_key(header::RETRY_AFTER));
    let other = sign_in("198.51.100.2", EMAIL, PASSWORD).await;
    assert_eq!(other.status(), StatusCode::OK);
}

#[tokio::test]
async fn passwords_and_tokens_never_reach_the_log() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("log.db");
    let server = Server::start_with_env(&db, &[], &[("RUST_LOG", "trace")]).await;
    let anonymous = Client::new();
    let wrong = anonymous
        .post(server.url("/api/v1/session"))
        .json(&json!({ "email": EMAIL, "password": "a wrong password typed" }))
        .send()
        .await
        .expect("sign in");
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let session: Session = anonymous
        .post(server.url("/api/v1/session"))
        .json(&json!({ "email": EMAIL, "password": PASSWORD }))
        .send()
        .await
        .expect("sign in")
        .json()
        .await
        .expect("session");
    let me = anonymous
        .get(server.url("/api/v1/session"))
        .bearer_auth(&session.token)
        .send()
        .await
        .expect("session");
    assert_eq!(me.status(), StatusCode::OK);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let log = server.output().join("\n");
    assert!(
        log.contains("/api/v1/session"),
        "the log is on (trace): {log}"
    );
    for secret in [PASSWORD, "a wrong password typed", session.token.as_str()] {
        assert!(!log.contains(secret), "`{secret}` is in the log");
    }
}

#[tokio::test]
async fn the_binary_logs_json_when_asked_and_serves_readiness_and_metrics() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ops.db");
    let server = Server::start_with_env(
        &db,
        &["--log-format", "json"],
        &[("TRADEWINDS_METRICS_TOKEN", "a-long-scrape-token")],
    )
    .await;
    let anonymous = Client::new();
    let ready = anonymous
        .get(server.url("/readyz"))
        .send()
        .await
        .expect("readyz");
    assert_eq!(ready.status(), StatusCode::OK);
    let refused = anonymous
        .get(server.url("/metrics"))
        .send()
        .await
        .expect("metrics");
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    let metrics = anonymous
        .get(server.url("/metrics"))
        .bearer_auth("a-long-scrape-token")
        .send()
        .await
        .expect("metrics");
    assert_eq!(metrics.status(), StatusCode::OK);
    let text = metrics.text().await.expect("text");
    assert!(
        text.contains(
            "tradewinds_http_requests_total{route=\"/readyz\",method=\"GET\",status=\"200\"} 1"
        ),
        "{text}"
    );
    tokio::time::sleep(Duration::from_millis(200)).await;
    let output = server.output();
    let logged: Vec<Value> = output
        .iter()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(!logged.is_empty(), "JSON lines: {output:?}");
    assert!(logged
        .iter()
        .all(|l| l["level"].is_string() && l["timestamp"].is_string()));
}
