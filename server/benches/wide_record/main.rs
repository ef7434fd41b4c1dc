//! A one-field edit of a record whose field has many past writers (issue 16: the checks on
//! contexts must not make such an edit slow). Prints figures, asserts nothing about time.
//!
//! ```sh
//! cargo bench -p tradewinds-server --bench wide_record
//! ```
//!
//! 1. Natively (`native.rs`): what the push writer does for one such edit — read the stored
//!    record, `apply_checked` the edit made having seen the whole field, write the record
//!    again — for fields written by `TW_BENCH_WIDE_SIZES` (1, 1,000, 10,000, 32,000)
//!    devices, one after another and all at once (in conflict); and the browser's part of
//!    the same edit made elsewhere (read its copy, join the pulled state, write it). Each
//!    the median of as many runs as fit in `TW_BENCH_WIDE_MS` (1,000 ms), at least 5.
//! 2. End to end against the release binary (`TW_BENCH_BIN` to choose another): a record
//!    whose `description` is written by `TW_BENCH_WRITERS` (1,000) devices through real
//!    pushes, one after another, each with the context the app would send. An account has
//!    at most 500 devices, so the devices are spread over coordinator accounts the demo
//!    administrator creates (400 each). Then one device pushes `TW_BENCH_EDITS` (50)
//!    one-field edits of it, one at a time, each made having seen the record as the
//!    snapshot gave it plus its own edits: the time of each push (request to answer, on a
//!    connection in use) and the server's CPU per push (counted in 10 ms ticks, so to
//!    0.2 ms over 50 pushes), after 5 edits not counted. The same for a record with one
//!    writer first.
//!
//! The client runs on one thread; the server has the rest of the machine.

mod native;
#[path = "../common/server.rs"]
mod server;

use server::{binary, env_or, Server};

use std::time::{Duration, Instant};

use reqwest::{Client, StatusCode};
use serde_json::{json, Map, Value};
use tradewinds_shared::sync::{PushRequest, RecordState, Snapshot};
use uuid::Uuid;

use native::{device, edit_of, ms, Times, FIELD};

fn main() {
    let sizes: Vec<usize> = env_or("TW_BENCH_WIDE_SIZES", "1,1000,10000,32000".to_owned())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let budget = Duration::from_millis(env_or("TW_BENCH_WIDE_MS", 1_000));
    let writers: usize = env_or("TW_BENCH_WRITERS", 1_000);
    let edits: usize = env_or("TW_BENCH_EDITS", 50);

    println!("wide_record, natively (this build of tradewinds-shared):");
    native::run(&sizes, budget);

    if writers > 0 {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(end_to_end(writers, edits));
    }
}

// ---------------------------------------------------------------------------------------
// The server under test

/// An account's session on the server under test.
struct Account {
    http: Client,
    token: String,
}

impl Account {
    async fn sign_in(server: &Server, email: &str, password: &str) -> Account {
        let http = Client::new();
        let res = http
            .post(server.url("/api/v1/session"))
            .json(&json!({ "email": email, "password": password }))
            .send()
            .await
            .expect("sign in");
        assert!(
            res.status().is_success(),
            "sign-in as {email}: {}",
            res.status()
        );
        let session: Value = res.json().await.expect("a session");
        Account {
            http,
            token: session["token"].as_str().expect("a token").to_owned(),
        }
    }

    async fn push(&self, server: &Server, body: Vec<u8>) -> Duration {
        let t = Instant::now();
        let res = self
            .http
            .post(server.url("/api/v1/sync/push"))
            .bearer_auth(&self.token)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("push");
        let status = res.status();
        let answer = res.bytes().await.expect("answer");
        let took = t.elapsed();
        // 204: every mutation applied (a body would name rejections).
        assert_eq!(
            status,
            StatusCode::NO_CONTENT,
            "push not applied in full: {}",
            String::from_utf8_lossy(&answer)
        );
        took
    }

    async fn snapshot(&self, server: &Server) -> Snapshot {
        let res = self
            .http
            .get(server.url("/api/v1/sync/snapshot"))
            .bearer_auth(&self.token)
            .send()
            .await
            .expect("snapshot");
        assert!(res.status().is_success(), "snapshot: {}", res.status());
        res.json().await.expect("a snapshot")
    }
}

/// The demo administrator adds `count` coordinators and they sign in.
async fn coordinators(server: &Server, count: usize) -> Vec<Account> {
    let admin = Account::sign_in(server, "admin@demo.tradewinds.org", "tradewinds-demo").await;
    let mut accounts = Vec::with_capacity(count);
    for i in 0..count {
        let email = format!("bench-{i}@example.org");
        let password = format!("wide-record-bench-{i}");
        let res = admin
            .http
            .post(server.url("/api/v1/users"))
            .bearer_auth(&admin.token)
            .json(&json!({
                "email": email,
                "name": format!("Coordinator {i}"),
                "role": "coordinator",
                "password": password,
            }))
            .send()
            .await
            .expect("add an account");
        assert!(res.status().is_success(), "add {email}: {}", res.status());
        accounts.push(Account::sign_in(server, &email, &password).await);
    }
    accounts
}

fn body(device: Uuid, m: &tradewinds_shared::sync::Mutation) -> Vec<u8> {
    serde_json::to_vec(&PushRequest {
        device,
        mutations: vec![m.clone()],
    })
    .expect("JSON")
}

// ---------------------------------------------------------------------------------------
// End to end

/// Devices per account: under the server's limit of 500.
const DEVICES_PER_ACCOUNT: usize = 400;

/// Edits pushed before the timed ones.
const WARM_UP: usize = 5;

async fn end_to_end(writers: usize, edits: usize) {
    let server = Server::start();
    println!("wide_record, end to end: binary {}", binary());
    let accounts = coordinators(&server, (writers + 1).div_ceil(DEVICES_PER_ACCOUNT)).await;
    let account_of = |i: usize| &accounts[i / DEVICES_PER_ACCOUNT];

    // Device 0 makes the wide record and a narrow one, then every writer writes the field
    // of the wide one having seen what the writers before it wrote (the app's context: the
    // field's `seen` as the device has it).
    let mut wide = RecordState::new(
        tradewinds_shared::RecordKind::Organisation,
        Uuid::from_u128(0x0123_4567_89ab_4def_8123_4567_89ab_cdef),
    );
    let mut narrow = RecordState::new(
        tradewinds_shared::RecordKind::Organisation,
        Uuid::from_u128(0x0123_4567_89ab_4def_8123_4567_89ab_0001),
    );
    let at = 1_764_300_000_000;
    let create = |state: &mut RecordState, n| {
        let m = state.edit(n, at, native::organisation()).expect("a create");
        state.apply(device(0), &m, None);
        m
    };
    let (c1, c2) = (create(&mut wide, 1), create(&mut narrow, 2));
    let built = Instant::now();
    let mut bytes = 0;
    for m in [c1, c2] {
        account_of(0).push(&server, body(device(0), &m)).await;
    }
    for i in 1..=writers {
        let mut set = Map::new();
        set.insert(
            FIELD.into(),
            json!(format!("Description as writer {i} left it.")),
        );
        let m = wide.edit(1, at + i as i64, set).expect("a change");
        wide.apply(device(i), &m, None);
        let b = body(device(i), &m);
        bytes += b.len();
        account_of(i).push(&server, b).await;
    }
    println!(
        "  built: {writers} devices over {} accounts wrote `{FIELD}` one after another, each with the context the app sends, in {:.1} s ({:.1} MB of pushes)",
        accounts.len(),
        built.elapsed().as_secs_f64(),
        bytes as f64 / 1e6
    );

    // What the editing device knows: the records as the snapshot gives them.
    let snapshot = account_of(0).snapshot(&server).await;
    let find = |id| {
        snapshot
            .records
            .iter()
            .find(|r| r.id == id)
            .cloned()
            .expect("the record in the snapshot")
    };
    let (mut wide, mut narrow) = (find(wide.id), find(narrow.id));
    let field = &wide.fields[FIELD];
    println!(
        "  the snapshot's record: `{FIELD}` has {} write(s), seen names {} devices; record {} B",
        field.writes.len(),
        field.seen.0.len(),
        serde_json::to_string(&wide).expect("JSON").len()
    );

    // Device 0's next mutation is 3.
    let mut n = 3;
    for (label, state) in [
        ("1 writer".to_owned(), &mut narrow),
        (format!("{writers} writers"), &mut wide),
    ] {
        let mut times = Vec::with_capacity(edits);
        let mut body_bytes = 0;
        let mut cpu = 0.0;
        // The first few are not counted: the record and the statements are then cached,
        // as they are for a record people are working on.
        for i in 0..WARM_UP + edits {
            if i == WARM_UP {
                cpu = server.cpu_seconds();
            }
            let m = edit_of(state, n);
            state.apply(device(0), &m, None);
            let b = body(device(0), &m);
            body_bytes = b.len();
            let took = account_of(0).push(&server, b).await;
            if i >= WARM_UP {
                times.push(took);
            }
            n += 1;
        }
        let cpu = server.cpu_seconds() - cpu;
        let times = Times(times);
        println!(
            "  {edits} one-field edits of a record with {label}, one push each (body {body_bytes} B): median {}, p90 {}, max {}; server CPU {:.2} ms per push",
            ms(times.median()),
            ms(times.p90()),
            ms(*times.0.iter().max().expect("a push")),
            cpu * 1000.0 / edits as f64
        );
    }
}
