//! What a one-field edit costs on the wire: the push the app sends and its acknowledgement,
//! over HTTP/2 on a connection in use (HPACK has seen the headers once), counted byte by
//! byte by a relay between the client and the built binary. Byte counts are exact and
//! stable, so a change that grows them past the goal of issue 18 (≤ 400 B) fails here.
//! (docs/benchmarks.md, "Bytes of one edit", measures the same through Chromium and TLS.)

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use reqwest::StatusCode;
use serde_json::json;
use tradewinds_shared::sync::{Cursor, PullResponse, PushRequest, RecordState};
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::binary::Server;
use crate::common::fields;

/// Bytes sent each way through the relay so far.
#[derive(Clone, Default)]
struct Counts {
    up: Arc<AtomicU64>,
    down: Arc<AtomicU64>,
}

impl Counts {
    fn now(&self) -> (u64, u64) {
        (
            self.up.load(Ordering::SeqCst),
            self.down.load(Ordering::SeqCst),
        )
    }
}

/// Relays every connection made to the returned address on to `to`, counting bytes.
fn relay(to: std::net::SocketAddr) -> (std::net::SocketAddr, Counts) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind the relay");
    let addr = listener.local_addr().expect("relay address");
    let counts = Counts::default();
    let c = counts.clone();
    std::thread::spawn(move || {
        for client in listener.incoming().map_while(Result::ok) {
            let server = TcpStream::connect(to).expect("reach the server");
            let pipe = |mut from: TcpStream, mut into: TcpStream, n: Arc<AtomicU64>| {
                std::thread::spawn(move || {
                    let mut buf = [0u8; 16384];
                    while let Ok(k) = from.read(&mut buf) {
                        // Counted before it is passed on: once the client has an answer,
                        // its bytes are in the count.
                        n.fetch_add(k as u64, Ordering::SeqCst);
                        if k == 0 || into.write_all(&buf[..k]).is_err() {
                            break;
                        }
                    }
                    let _ = into.shutdown(Shutdown::Write);
                })
            };
            pipe(
                client.try_clone().expect("clone"),
                server.try_clone().expect("clone"),
                c.up.clone(),
            );
            pipe(server, client, c.down.clone());
        }
    });
    (addr, counts)
}

#[tokio::test]
async fn a_one_field_edit_and_its_acknowledgement_take_at_most_400_bytes_on_a_connection_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bytes.db");
    let server = Server::start(&db, &["--no-seed"]).await;
    let token = std::fs::read_to_string(db.with_extension("token")).expect("the session token");
    let target: std::net::SocketAddr = server
        .url("")
        .trim_start_matches("http://")
        .parse()
        .expect("the server's address");
    let (addr, counts) = relay(target);
    // As a browser behind the TLS front end the README describes: HTTP/2, one connection.
    let h2 = reqwest::Client::builder()
        .http2_prior_knowledge()
        .build()
        .unwrap();
    let base = format!("http://{addr}");
    let auth = format!("Bearer {token}");

    let device = Uuid::new_v4();
    let mut record = RecordState::new(RecordKind::Organisation, Uuid::new_v4());
    let mut n = 0;
    // Where a new device's copy starts: the snapshot's cursor.
    let mut cursor: Cursor = server.snapshot().await.cursor;
    // A push as the app sends it: the array form, with the cursor its copy stands at.
    let mut push = |value: &str| {
        n += 1;
        let changes = if n == 1 {
            json!({"name": value, "country": "MS", "category": "customs_administration"})
        } else {
            json!({"name": value})
        };
        let m = record
            .edit(n, 1_765_000_000_000 + n as i64, fields(changes))
            .expect("a change");
        record.apply(device, &m, None);
        serde_json::to_vec(&PushRequest {
            device,
            mutations: vec![m],
        })
        .unwrap()
    };
    let mut measured = None;
    for (i, name) in [
        "Montserrat Customs",
        "Montserrat Customs and Revenue",
        "MCRS",
    ]
    .into_iter()
    .enumerate()
    {
        let body = push(name);
        let path = format!("/api/v1/sync/push?cursor={}", cursor.0);
        let before = counts.now();
        let r = h2
            .post(format!("{base}{path}"))
            .header("authorization", &auth)
            .header("content-type", "application/json")
            .body(body.clone())
            .send()
            .await
            .expect("push");
        assert_eq!(r.status(), StatusCode::NO_CONTENT);
        assert_eq!(r.version(), reqwest::Version::HTTP_2);
        r.bytes().await.unwrap();
        let after = counts.now();
        if i == 2 {
            measured = Some((after.0 - before.0, after.1 - before.1, body.len()));
        }
        // The app pulls after each push: its next push names the new cursor.
        let pulled: PullResponse = h2
            .get(format!("{base}/api/v1/sync/pull?cursor={}", cursor.0))
            .header("authorization", &auth)
            .send()
            .await
            .expect("pull")
            .json()
            .await
            .expect("a pull page");
        cursor = pulled.cursor;
    }
    let (up, down, body) = measured.expect("measured");
    println!(
        "a one-field edit on a connection in use (HTTP/2 in clear): {} B ({up} up, body {body} B; {down} down)",
        up + down
    );
    assert!(
        up + down <= 400,
        "a one-field edit's push and acknowledgement took {} B ({up} up, {down} down; body {body} B)",
        up + down
    );
}
