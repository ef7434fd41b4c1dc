//! What a new device's first sync weighs (issue 18), in this process through the app's
//! router: for a catalogue of 2,000 and of 10,000 records (`tests/common/catalogue.rs`,
//! created through the ordinary push path by four devices), the bound (the records alone,
//! `plain_ndjson`, compressed with brotli 11 in one piece), the bootstrap's index and pages
//! as sent with `br`, their ratio to the bound, and the legacy one-piece snapshot
//! (`/sync/snapshot`) as sent with no compression, zstd and brotli made on the fly; and
//! the CPU time this process took to make the generation. It prints figures and asserts
//! nothing (docs/benchmarks.md, "Bootstrap bytes (issue 18)").
//!
//! ```sh
//! cargo bench -p tradewinds-server --bench bootstrap_bytes
//! ```
//!
//! `TW_BENCH_SIZES` (`2000,10000`) sets the catalogue sizes.

#[path = "../tests/common/catalogue.rs"]
mod catalogue;
#[path = "common/server.rs"]
mod server;

use std::time::Instant;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;
use tradewinds_server::accounts::{self, throttle::Throttle, Author};
use tradewinds_server::store::bootstrap;
use tradewinds_server::{app, AppState, Store};
use tradewinds_shared::access::Role;
use tradewinds_shared::accounts::NewUser;
use tradewinds_shared::sync::bootstrap::{plain_ndjson, BootstrapIndex};

/// CPU time this process has used so far (user + system), in seconds.
fn cpu_seconds() -> f64 {
    server::cpu_seconds_of("self")
}

struct Client {
    router: axum::Router,
    token: String,
}

impl Client {
    /// The body of `GET path` as sent with this `Accept-Encoding`, and its encoding.
    async fn get(&self, path: &str, accept: &str) -> (Vec<u8>, String) {
        let req = Request::builder()
            .uri(path)
            .header(header::AUTHORIZATION, format!("Bearer {}", self.token))
            .header(header::ACCEPT_ENCODING, accept)
            .body(Body::empty())
            .expect("request");
        let response = self.router.clone().oneshot(req).await.expect("infallible");
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        let encoding = response
            .headers()
            .get(header::CONTENT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("identity")
            .to_owned();
        let body = response.into_body().collect().await.expect("body");
        (body.to_bytes().to_vec(), encoding)
    }
}

async fn measure(n: usize) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let store = Store::open(&url).await.expect("open");
    let user = accounts::users::create(
        store.pool(),
        &NewUser {
            email: "coordinator@bench.org".into(),
            name: "Coordinator".into(),
            role: Role::Coordinator,
            organisation: None,
            password: "bench password 1234".into(),
        },
        false,
    )
    .await
    .expect("account");
    let (token, _) = accounts::sessions::start(store.pool(), user.id)
        .await
        .expect("session");
    let author = Author::server("Coordinator");
    for (device, ms) in catalogue::pushes(&catalogue::catalogue(n, 2012), 4) {
        let answer = store.push(device, ms, &author).await.expect("push");
        assert!(answer.rejections.is_empty(), "{:?}", answer.rejections);
    }
    let client = Client {
        router: app(AppState {
            store: store.clone(),
            dist: None,
            throttle: Throttle::default(),
            metrics: tradewinds_server::ops::Metrics::new(None),
            files: tradewinds_server::files::Files::open(&dir.path().join("files"))
                .expect("files directory"),
        }),
        token,
    };

    // Making the generation: this process does nothing else meanwhile.
    let (cpu, wall) = (cpu_seconds(), Instant::now());
    store.bootstrap_index().await.expect("generation");
    let (cpu, wall) = (cpu_seconds() - cpu, wall.elapsed().as_secs_f64());

    let (index_json, _) = client.get("/api/v1/sync/bootstrap", "identity").await;
    let index: BootstrapIndex = serde_json::from_slice(&index_json).expect("index");
    // As a browser gets it (the app's compression layer compresses it as it likes).
    let (index_sent, index_encoding) = client.get("/api/v1/sync/bootstrap", "gzip, br, zstd").await;
    let mut pages = 0;
    for page in 0..index.pages.len() {
        let (body, encoding) = client.get(&index.page_path(page), "gzip, br, zstd").await;
        assert_eq!(encoding, "br");
        pages += body.len();
    }
    let records = store.snapshot().await.expect("snapshot").records;
    let bound = bootstrap::brotli(plain_ndjson(&records).as_bytes(), 24).len();
    let sent = index_sent.len() + pages;
    let snapshot = |accept| client.get("/api/v1/sync/snapshot", accept);
    let (identity, _) = snapshot("identity").await;
    let (zstd, e1) = snapshot("zstd").await;
    let (br, e2) = snapshot("br").await;
    assert_eq!((e1.as_str(), e2.as_str()), ("zstd", "br"));

    let kib = |b: usize| format!("{b} B ({:.1} KiB)", b as f64 / 1024.0);
    println!("{n} records ({} pages of at most 400):", index.pages.len());
    println!(
        "  bound, the records alone (brotli 11, one piece) {:>12}",
        kib(bound)
    );
    println!(
        "  bootstrap: index {} ({index_encoding}; {} B as JSON) + pages {} = {}; ratio to the bound {:.3}",
        kib(index_sent.len()),
        index_json.len(),
        kib(pages),
        kib(sent),
        sent as f64 / bound as f64
    );
    println!(
        "  legacy /sync/snapshot: identity {}, zstd {} ({:.3}), brotli on the fly {} ({:.3})",
        kib(identity.len()),
        kib(zstd.len()),
        zstd.len() as f64 / bound as f64,
        kib(br.len()),
        br.len() as f64 / bound as f64
    );
    println!("  making the generation: {cpu:.2} s CPU, {wall:.2} s wall");
    store.close().await;
}

fn main() {
    let sizes = std::env::var("TW_BENCH_SIZES").unwrap_or_else(|_| "2000,10000".to_owned());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    for n in sizes.split(',').filter_map(|s| s.trim().parse().ok()) {
        runtime.block_on(measure(n));
    }
}
