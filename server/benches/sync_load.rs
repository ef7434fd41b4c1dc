//! Sync load benchmark against the real `tradewinds` binary on loopback. It prints figures
//! and asserts nothing (benchmarks are measurements, not timed tests).
//!
//! ```sh
//! cargo bench -p tradewinds-server --bench sync_load
//! ```
//!
//! 1. Bytes on the wire of one single-field edit (push request and its answer, HTTP headers
//!    included) as sent by a minimal client (reqwest, only the headers it always sends),
//!    counted by a TCP proxy in this program: over HTTP/1.1 on a new connection, and over
//!    HTTP/2 on a connection already in use (as a browser behind a TLS front end sends
//!    it); the same for a pull with nothing new.
//! 2. Push throughput on SQLite: `TW_BENCH_MUTATIONS` (100,000) mutations from
//!    `TW_BENCH_DEVICES` (8) devices pushing concurrently, each device its mutations in
//!    order, in batches of 1, 50 and 200, and in batches of 1 from 200 devices; a fresh
//!    database for each run (`TW_BENCH_RUNS=1,1x200,50,200`: BATCH or BATCHxDEVICES).
//!    A quarter of the mutations create a record (organisations and training tools with
//!    every field filled in), the rest change one field of one of the device's records,
//!    with the context the app would send.
//! 3. Pull latency with nothing new under `TW_BENCH_CLIENTS` (200) concurrent clients, each
//!    with its own keep-alive connection and an up-to-date cursor, on the database left by
//!    the last push run (batches of 200): first paced (each client polls every `TW_BENCH_PULL_EVERY_MS`,
//!    100 ms), then closed loop (each client polls again as soon as it has its answer).
//!    Each phase lasts `TW_BENCH_PULL_SECS` (10 s; 0 skips them).
//!
//! `TW_BENCH_BIN` runs another binary (to compare builds). `TW_BENCH_DATABASE=postgres`
//! runs the server on a new PostgreSQL database (under `pg_virtualenv`, which names it in
//! the `PG*` variables), with `TW_BENCH_INSTANCES` (1) server processes on it: the push
//! devices and the pull clients are spread over them.
//!
//! The load generator runs on one thread (a current-thread runtime, requests prepared
//! before the clock starts); the server has the rest of the machine. Both share its cores.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::Client;
use serde_json::{json, Map, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tradewinds_shared::sync::{Mutation, PullResponse, PushRequest, PushResponse, RecordState};
use tradewinds_shared::RecordKind;
use uuid::Uuid;

#[path = "common/server.rs"]
mod server;

use server::{binary, env_or, Server};

/// Starts the server under test and signs in as its demo coordinator (`api` sends the
/// token).
fn start_signed_in() -> Server {
    let server = Server::start();
    sign_in(server.addr);
    server
}

fn main() {
    let mutations: usize = env_or("TW_BENCH_MUTATIONS", 100_000);
    let devices: usize = env_or("TW_BENCH_DEVICES", 8);
    let clients: usize = env_or("TW_BENCH_CLIENTS", 200);
    let pull_secs: u64 = env_or("TW_BENCH_PULL_SECS", 10);
    let pull_every: u64 = env_or("TW_BENCH_PULL_EVERY_MS", 100);
    // BATCH or BATCHxDEVICES
    let runs: Vec<(usize, usize)> = env_or("TW_BENCH_RUNS", "1,1x200,50,200".to_owned())
        .split(',')
        .filter_map(|r| {
            let (b, d) = r.trim().split_once('x').unwrap_or((r.trim(), ""));
            Some((b.parse().ok()?, d.parse().unwrap_or(devices)))
        })
        .collect();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        println!(
            "sync_load: binary {}, on {}",
            binary(),
            server::database_label()
        );
        wire_bytes().await;
        let mut last = None;
        for &(batch, devices) in &runs {
            let server = start_signed_in();
            push_throughput(&server, batch, mutations, devices).await;
            last = Some(server);
        }
        if pull_secs > 0 {
            let server = last.unwrap_or_else(start_signed_in);
            pull_latency(&server, clients, pull_secs, Some(pull_every)).await;
            pull_latency(&server, clients, pull_secs, None).await;
        }
    });
}

// ---------------------------------------------------------------------------------------
// Requests

/// The session of the server started last (`Server::start` signs in as the demo
/// coordinator); `TW_BENCH_TOKEN` overrides it.
static TOKEN: std::sync::RwLock<Option<String>> = std::sync::RwLock::new(None);

/// Every request of this tool starts here, so that headers every `/api` request needs are
/// added in one place: `Authorization: Bearer TOKEN`.
fn api(
    client: &Client,
    method: reqwest::Method,
    url: impl reqwest::IntoUrl,
) -> reqwest::RequestBuilder {
    let req = client.request(method, url);
    let token = std::env::var("TW_BENCH_TOKEN")
        .ok()
        .filter(|t| !t.is_empty())
        .or_else(|| TOKEN.read().expect("token").clone());
    match token {
        Some(token) => req.bearer_auth(token),
        None => req,
    }
}

/// Signs in as the demo coordinator (`serve --demo`) and keeps the token for `api`.
fn sign_in(addr: SocketAddr) {
    let body = serde_json::to_string(&json!({
        "email": "coordinator@demo.tradewinds.org",
        "password": "tradewinds-demo",
    }))
    .expect("json");
    let answer = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async {
            Client::new()
                .post(format!("http://{addr}/api/v1/session"))
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
                .expect("sign in")
                .json::<serde_json::Value>()
                .await
                .expect("a session")
        })
    })
    .join()
    .expect("sign-in thread");
    let token = answer["token"].as_str().expect("a token").to_owned();
    *TOKEN.write().expect("token") = Some(token);
}

// ---------------------------------------------------------------------------------------
// The server under test

// ---------------------------------------------------------------------------------------
// Realistic mutations

/// splitmix64: a small deterministic generator, so that every run pushes the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn uuid(&mut self) -> Uuid {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.next().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next().to_le_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
}

const COUNTRIES: &[&str] = &["BB", "JM", "TT", "BS", "BZ", "GY", "LC", "KN", "DM", "GD"];
const LANGUAGES: &[&str] = &["en", "fr", "es", "nl"];
const TOPICS: &[&str] = &[
    "risk_management",
    "integrity",
    "valuation",
    "post_clearance_audit",
    "enforcement",
    "trade_facilitation",
];
const SOURCE: &str = "Source: report of the first WCO sub-regional donor meeting, CARTAC office, Bridgetown, Barbados, 15–17 October 2012.";

fn fields(pairs: Value) -> Map<String, Value> {
    match pairs {
        Value::Object(m) => m,
        _ => unreachable!(),
    }
}

fn new_organisation(rng: &mut Rng, i: usize) -> Map<String, Value> {
    let country = rng.pick(COUNTRIES);
    fields(json!({
        "name": format!("Customs and Excise Department {i} of {country}"),
        "acronym": format!("CED{i}"),
        "category": rng.pick(&["customs_administration", "donor", "ta_provider", "regional_body"]),
        "country": country,
        "website": format!("https://customs{i}.example.org"),
        "status": "active",
        "languages": [rng.pick(LANGUAGES)],
        "memberships": ["WCO", "CCLEC"],
        "description": format!("Collects duties and taxes, facilitates legitimate trade and protects the borders of {country}; national contact point for regional training (record {i})."),
        "source": SOURCE,
    }))
}

fn new_training_tool(rng: &mut Rng, i: usize, provider: Uuid) -> Map<String, Value> {
    fields(json!({
        "title": format!("Customs valuation e-learning course, module {i}"),
        "provider": provider,
        "format": rng.pick(&["e_learning", "classroom", "workshop", "blended"]),
        "platform": "WCO CLiKC! e-learning platform",
        "languages": ["en", rng.pick(&["fr", "es"])],
        "duration": "About 20 hours, self-paced",
        "audience": rng.pick(&["frontline", "specialist", "management"]),
        "access": "national_coordinator",
        "certification": "WCO certificate of completion",
        "cost": "Free for member administrations",
        "url": format!("https://clikc.example.org/course/{i}"),
        "topics": [rng.pick(TOPICS)],
        "last_verified": "2012-10-17",
        "description": format!("Valuation of imported goods under the WTO Agreement, with exercises and a final assessment (record {i})."),
        "source": SOURCE,
    }))
}

/// A one-field edit of a record, as a person makes it in a form.
fn small_edit(rng: &mut Rng, state: &RecordState, i: usize) -> Map<String, Value> {
    let (field, value) = match (state.kind, rng.below(3)) {
        (RecordKind::Organisation, 0) => ("acronym", json!(format!("CE{i}"))),
        (RecordKind::Organisation, 1) => ("website", json!(format!("https://c{i}.example.org"))),
        (RecordKind::Organisation, _) => (
            "description",
            json!(format!("Updated after the {i}th coordination call.")),
        ),
        (_, 0) => ("duration", json!(format!("{} hours", 1 + i % 40))),
        (_, 1) => ("last_verified", json!("2013-03-01")),
        (_, _) => ("cost", json!(format!("USD {}", i % 500))),
    };
    let mut m = Map::new();
    m.insert(field.into(), value);
    m
}

/// A device's next `count` mutations (numbered from 1), as the app would make them.
fn device_mutations(seed: u64, count: usize) -> (Uuid, Vec<Mutation>) {
    let mut rng = Rng(seed);
    let device = rng.uuid();
    let mut records: Vec<RecordState> = Vec::new();
    let mut orgs: Vec<Uuid> = Vec::new();
    let mut out = Vec::with_capacity(count);
    let at = 1_764_300_000_000i64;
    while out.len() < count {
        let n = out.len() as u64 + 1;
        let i = seed as usize * 1_000_000 + out.len();
        let create = records.is_empty() || rng.below(4) == 0;
        let (index, changes) = if create {
            let id = rng.uuid();
            let (kind, f) = if orgs.is_empty() || rng.below(2) == 0 {
                orgs.push(id);
                (RecordKind::Organisation, new_organisation(&mut rng, i))
            } else {
                let provider = orgs[rng.below(orgs.len())];
                (
                    RecordKind::TrainingTool,
                    new_training_tool(&mut rng, i, provider),
                )
            };
            records.push(RecordState::new(kind, id));
            (records.len() - 1, f)
        } else {
            let r = rng.below(records.len());
            (r, small_edit(&mut rng, &records[r], i))
        };
        let state = &mut records[index];
        if let Some(m) = state.edit(n, at + n as i64, changes) {
            state.apply(device, &m, None);
            out.push(m);
        }
    }
    (device, out)
}

/// Request bodies of `batch` mutations each, serialised before the clock starts.
fn push_bodies(device: Uuid, mutations: Vec<Mutation>, batch: usize) -> Vec<Vec<u8>> {
    mutations
        .chunks(batch)
        .map(|c| {
            serde_json::to_vec(&PushRequest {
                device,
                mutations: c.to_vec(),
            })
            .expect("JSON")
        })
        .collect()
}

/// The push of mutation `n` of `device`: the person sets the record's acronym (applied to
/// `state`, as the app keeps it).
fn acronym_edit(state: &mut RecordState, device: Uuid, n: u64, acronym: &str) -> PushRequest {
    let mut change = Map::new();
    change.insert("acronym".into(), json!(acronym));
    let edit = state.edit(n, 1_764_300_060_000, change).expect("an edit");
    state.apply(device, &edit, None);
    PushRequest {
        device,
        mutations: vec![edit],
    }
}

// ---------------------------------------------------------------------------------------
// Figures

struct Latencies(Vec<Duration>);

impl Latencies {
    fn summary(mut self) -> String {
        if self.0.is_empty() {
            return "no requests".into();
        }
        self.0.sort();
        let n = self.0.len();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let q = |p: f64| ms(self.0[((p * n as f64).ceil() as usize).clamp(1, n) - 1]);
        let mean = ms(self.0.iter().sum::<Duration>()) / n as f64;
        format!(
            "count {n}, mean {mean:.2} ms, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            q(0.50),
            q(0.99),
            ms(self.0[n - 1])
        )
    }
}

// ---------------------------------------------------------------------------------------
// 1. Bytes on the wire

/// Bytes through one proxied connection: client → server and server → client.
#[derive(Default)]
struct Traffic {
    up: Vec<u8>,
    down: Vec<u8>,
}

/// A TCP proxy in front of `target` that records every byte of each connection.
async fn proxy(target: SocketAddr) -> (SocketAddr, Arc<Mutex<Vec<Arc<Mutex<Traffic>>>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("proxy");
    let addr = listener.local_addr().expect("proxy address");
    let conns: Arc<Mutex<Vec<Arc<Mutex<Traffic>>>>> = Arc::default();
    let list = conns.clone();
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let server = TcpStream::connect(target).await.expect("server");
            let traffic = Arc::new(Mutex::new(Traffic::default()));
            list.lock().unwrap().push(traffic.clone());
            let (cr, cw) = client.into_split();
            let (sr, sw) = server.into_split();
            let t = traffic.clone();
            tokio::spawn(pipe(cr, sw, move |b| {
                t.lock().unwrap().up.extend_from_slice(b)
            }));
            tokio::spawn(pipe(sr, cw, move |b| {
                traffic.lock().unwrap().down.extend_from_slice(b)
            }));
        }
    });
    (addr, conns)
}

async fn pipe(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    mut seen: impl FnMut(&[u8]),
) {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match from.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                seen(&buf[..n]);
                if to.write_all(&buf[..n]).await.is_err() {
                    break;
                }
            }
        }
    }
    let _ = to.shutdown().await;
}

/// Sends one request on a new connection through the proxy and returns what went each way.
async fn measure_exchange(
    proxy_addr: SocketAddr,
    conns: &Mutex<Vec<Arc<Mutex<Traffic>>>>,
    send: impl AsyncFnOnce(&Client, String) -> reqwest::Response,
) -> (Vec<u8>, Vec<u8>) {
    let before = conns.lock().unwrap().len();
    let client = Client::builder().build().expect("client");
    let res = send(&client, format!("http://{proxy_addr}")).await;
    assert!(res.status().is_success(), "status {}", res.status());
    res.bytes().await.expect("body");
    drop(client);
    // Wait for the connection to close so that everything has been counted.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let conns = conns.lock().unwrap();
    assert_eq!(conns.len(), before + 1, "one new connection");
    let t = conns[before].lock().unwrap();
    (t.up.clone(), t.down.clone())
}

fn show_exchange(what: &str, up: &[u8], down: &[u8]) {
    let head = |b: &[u8]| {
        let text = String::from_utf8_lossy(b).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        (head.len() + 4, body.len(), text.replace("\r\n", "\n    "))
    };
    let (uh, ub, utext) = head(up);
    let (dh, db, dtext) = head(down);
    println!(
        "wire bytes, {what}: request {} B ({uh} headers + {ub} body) + response {} B ({dh} headers + {db} body) = {} B",
        up.len(),
        down.len(),
        up.len() + down.len()
    );
    println!("    {utext}");
    println!("    {dtext}");
}

async fn wire_bytes() {
    let server = start_signed_in();
    let http = Client::new();
    // A record made on this device; then the person changes its acronym.
    let mut rng = Rng(7);
    let device = rng.uuid();
    let id = rng.uuid();
    let mut state = RecordState::new(RecordKind::Organisation, id);
    let create = state
        .edit(1, 1_764_300_000_000, new_organisation(&mut rng, 1))
        .expect("a create");
    state.apply(device, &create, None);
    let res = api(
        &http,
        reqwest::Method::POST,
        server.url("/api/v1/sync/push"),
    )
    .json(&PushRequest {
        device,
        mutations: vec![create],
    })
    .send()
    .await
    .expect("push");
    assert!(res.status().is_success());
    let (proxy_addr, conns) = proxy(server.addr).await;
    let body = acronym_edit(&mut state, device, 2, "CED");
    let (up, down) = measure_exchange(proxy_addr, &conns, async |c, base| {
        api(c, reqwest::Method::POST, format!("{base}/api/v1/sync/push"))
            .json(&body)
            .send()
            .await
            .expect("push")
    })
    .await;
    show_exchange("one single-field edit (push), HTTP/1.1", &up, &down);

    // The same kind of edit over HTTP/2, as browsers send it to a TLS front end: on a
    // connection already in use, so HPACK header compression has seen the headers once.
    let h2 = Client::builder()
        .http2_prior_knowledge()
        .build()
        .expect("client");
    let base = format!("http://{proxy_addr}");
    let mut counts = Vec::new();
    for (n, acronym) in [(3, "CEE"), (4, "CED")] {
        let res = api(
            &h2,
            reqwest::Method::POST,
            format!("{base}/api/v1/sync/push"),
        )
        .json(&acronym_edit(&mut state, device, n, acronym))
        .send()
        .await
        .expect("push over HTTP/2");
        assert_eq!(res.version(), reqwest::Version::HTTP_2);
        assert!(res.status().is_success(), "status {}", res.status());
        res.bytes().await.expect("answer");
        tokio::time::sleep(Duration::from_millis(200)).await;
        let conns = conns.lock().unwrap();
        let t = conns.last().expect("the HTTP/2 connection").lock().unwrap();
        counts.push((t.up.len(), t.down.len()));
    }
    let (up, down) = (counts[1].0 - counts[0].0, counts[1].1 - counts[0].1);
    println!(
        "wire bytes, one single-field edit (push), HTTP/2 on a connection in use: request {up} B + response {down} B = {} B \
         (frames and HPACK-compressed headers included; a TLS 1.3 front end adds 22 B per record, one record each way)",
        up + down
    );

    let cursor = up_to_date_cursor(&http, &server).await;
    let (up, down) = measure_exchange(proxy_addr, &conns, async |c, base| {
        api(c, reqwest::Method::GET, format!("{base}/api/v1/sync/pull"))
            .query(&[("cursor", &cursor)])
            .send()
            .await
            .expect("pull")
    })
    .await;
    show_exchange("pull with nothing new", &up, &down);
}

/// The cursor of the server's latest change, as a client has it after its snapshot.
async fn up_to_date_cursor(http: &Client, server: &Server) -> String {
    let first = api(
        http,
        reqwest::Method::GET,
        server.url("/api/v1/sync/snapshot"),
    )
    .send()
    .await
    .expect("snapshot");
    let snapshot: Value = first.json().await.expect("snapshot JSON");
    snapshot["cursor"].as_str().expect("cursor").to_owned()
}

// ---------------------------------------------------------------------------------------
// 2. Push throughput

async fn push_throughput(server: &Server, batch: usize, total: usize, devices: usize) {
    let per_device = total / devices;
    let loads: Vec<(Uuid, Vec<Vec<u8>>)> = (0..devices)
        .map(|d| {
            let (device, mutations) = device_mutations(1000 + d as u64, per_device);
            (device, push_bodies(device, mutations, batch))
        })
        .collect();
    let body_bytes: usize = loads.iter().flat_map(|(_, b)| b).map(Vec::len).sum();
    let cpu = server.cpu_seconds();
    let start = Instant::now();
    let tasks: Vec<_> = loads
        .into_iter()
        .enumerate()
        .map(|(d, (_device, bodies))| {
            // With several instances, the devices are spread over them.
            let url = server.url_of(d, "/api/v1/sync/push");
            tokio::spawn(async move {
                let http = Client::new();
                let mut times = Vec::with_capacity(bodies.len());
                let mut rejected = 0;
                for body in bodies {
                    let t = Instant::now();
                    let res = api(&http, reqwest::Method::POST, &url)
                        .header("content-type", "application/json")
                        .body(body)
                        .send()
                        .await
                        .expect("push");
                    let status = res.status();
                    let bytes = res.bytes().await.expect("answer");
                    times.push(t.elapsed());
                    assert!(
                        status.is_success(),
                        "push refused: {status} {}",
                        String::from_utf8_lossy(&bytes)
                    );
                    // 204: every mutation applied.
                    if status != reqwest::StatusCode::NO_CONTENT {
                        let answer: PushResponse = serde_json::from_slice(&bytes).expect("answer");
                        rejected += answer.rejections.len();
                    }
                }
                (times, rejected)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut rejected = 0;
    for t in tasks {
        let (times, r) = t.await.expect("device task");
        all.extend(times);
        rejected += r;
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = server.cpu_seconds() - cpu;
    let pushed = per_device * devices;
    println!(
        "push, batches of {batch}: {pushed} mutations from {devices} devices in {secs:.2} s = {:.0} mutations/s ({} requests, {:.1} MB of JSON, {rejected} rejected; database {:.1} MB)",
        pushed as f64 / secs,
        all.len(),
        body_bytes as f64 / 1e6,
        server.database_bytes() as f64 / 1e6,
    );
    println!(
        "    server CPU {cpu:.1} s = {:.0} µs per mutation; per request: {}",
        cpu * 1e6 / pushed as f64,
        Latencies(all).summary()
    );
}

// ---------------------------------------------------------------------------------------
// 3. Pull latency with nothing new

async fn pull_latency(server: &Server, clients: usize, secs: u64, every_ms: Option<u64>) {
    let http = Client::new();
    let cursor = up_to_date_cursor(&http, server).await;
    // With several instances, the clients are spread over them.
    let url_of = |i: usize| {
        reqwest::Url::parse_with_params(
            &server.url_of(i, "/api/v1/sync/pull"),
            [("cursor", &cursor)],
        )
        .expect("url")
    };
    // Every client opens its connection before the clock starts.
    let mut conns = Vec::with_capacity(clients);
    for i in 0..clients {
        let url = url_of(i);
        let c = Client::new();
        let res = api(&c, reqwest::Method::GET, url.clone())
            .send()
            .await
            .expect("pull");
        let page: PullResponse = res.json().await.expect("pull JSON");
        assert!(
            page.records.is_empty() && !page.reset,
            "an up-to-date cursor"
        );
        conns.push(c);
    }
    let cpu = server.cpu_seconds();
    let start = Instant::now();
    let until = start + Duration::from_secs(secs);
    let tasks: Vec<_> = conns
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let url = url_of(i);
            tokio::spawn(async move {
                let mut times = Vec::new();
                let mut next = start;
                if let Some(every) = every_ms {
                    // Spread the clients over the interval.
                    next += Duration::from_micros(every * 1000 * i as u64 / clients as u64);
                }
                loop {
                    if let Some(every) = every_ms {
                        tokio::time::sleep_until(next.into()).await;
                        next += Duration::from_millis(every);
                    }
                    let t = Instant::now();
                    if t >= until {
                        break;
                    }
                    let res = api(&c, reqwest::Method::GET, url.clone())
                        .send()
                        .await
                        .expect("pull");
                    assert!(res.status().is_success());
                    res.bytes().await.expect("pull answer");
                    times.push(t.elapsed());
                }
                times
            })
        })
        .collect();
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.expect("client task"));
    }
    let elapsed = start.elapsed().as_secs_f64();
    let cpu = server.cpu_seconds() - cpu;
    let how = match every_ms {
        Some(ms) => format!("each polling every {ms} ms"),
        None => "closed loop (each polls again on its answer)".into(),
    };
    println!(
        "pull, nothing new, {clients} clients {how}: {:.0} requests/s over {elapsed:.1} s",
        all.len() as f64 / elapsed
    );
    let count = all.len();
    println!(
        "    server CPU {cpu:.1} s = {:.0} µs per pull; {}",
        cpu * 1e6 / count.max(1) as f64,
        Latencies(all).summary()
    );
}
