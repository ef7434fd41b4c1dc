//! Throttling of password checks through `app().oneshot(..)`, sent as an attacker would: a
//! burst at one account, one address spraying many accounts, forged forwarding headers,
//! guesses at the password-change endpoint. The throttle's clock stands still in these
//! tests (a burst lands in one instant whatever the machine's speed) and is moved on
//! instead of sleeping through a wait.

use std::net::SocketAddr;
use std::time::Duration;

use axum::{
    body::Body,
    extract::ConnectInfo,
    http::{header, Method, Request, StatusCode},
};
use clap::Parser;
use serde_json::json;
use tokio::task::JoinSet;
use tradewinds_server::accounts::{
    self,
    throttle::{client::parse_proxy, Throttle, TrustedProxies},
};
use tradewinds_server::cli::{Cli, Command};
use tradewinds_shared::access::Role;
use tradewinds_shared::accounts::NewUser;

use crate::common::{Reply, TestApp, PASSWORD};

const PROXY: &str = "10.0.0.1";

/// A sign-in as it arrives: over a socket from `peer` (`None`: no socket), with these
/// headers.
async fn sign_in(
    t: &TestApp,
    peer: Option<&str>,
    headers: &[(&str, &str)],
    email: &str,
    password: &str,
) -> Reply {
    let mut req = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/session")
        .header(header::CONTENT_TYPE, "application/json");
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    if let Some(peer) = peer {
        let addr = SocketAddr::new(peer.parse().expect("peer address"), 50_000);
        req = req.extension(ConnectInfo(addr));
    }
    let body = json!({ "email": email, "password": password }).to_string();
    t.send(req.body(Body::from(body)).expect("request")).await
}

/// The seconds a refusal asks to wait, after checking it is one.
#[track_caller]
fn retry_after(reply: &Reply) -> u64 {
    reply.expect_error(StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
    reply.headers[header::RETRY_AFTER]
        .to_str()
        .expect("Retry-After")
        .parse()
        .expect("Retry-After in seconds")
}

/// Accounts `person{i}@example.org` for `i` in `range`, all with `PASSWORD`.
async fn add_people(t: &TestApp, range: std::ops::Range<usize>) {
    let mut adding = JoinSet::new();
    for i in range {
        let pool = t.store.pool().clone();
        adding.spawn(async move {
            let new = NewUser {
                email: format!("person{i}@example.org"),
                name: format!("Person {i}"),
                role: Role::Viewer,
                organisation: None,
                password: PASSWORD.into(),
            };
            accounts::users::create(&pool, &new, false)
                .await
                .expect("add an account");
        });
    }
    while let Some(done) = adding.join_next().await {
        done.expect("adding an account");
    }
}

/// A burst's answers: (passwords verified and wrong, attempts refused unverified), each
/// checked as such; a refusal asks to wait `wait` seconds when given.
async fn tally(mut burst: JoinSet<Reply>, wait: Option<u64>) -> (usize, usize) {
    let (mut wrong, mut refused) = (0, 0);
    while let Some(reply) = burst.join_next().await {
        let reply = reply.expect("a sign-in");
        if reply.status == StatusCode::UNAUTHORIZED {
            reply.expect_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
            wrong += 1;
        } else {
            let asked = retry_after(&reply);
            if let Some(wait) = wait {
                assert_eq!(asked, wait);
            }
            refused += 1;
        }
    }
    (wrong, refused)
}

fn behind(proxies: &[&str]) -> Throttle {
    Throttle::new(TrustedProxies::new(
        proxies.iter().map(|p| parse_proxy(p).unwrap()).collect(),
    ))
    .stopped_clock()
}

async fn throttle_rows(t: &TestApp, like: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM throttle WHERE key LIKE $1")
        .bind(like)
        .fetch_one(t.store.pool())
        .await
        .expect("count rows")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_burst_of_wrong_passwords_is_verified_five_times_at_most() {
    let t = TestApp::empty().await;
    add_people(&t, 0..1).await;
    // 200 at once, each from its own address (a botnet): only the account's count holds.
    let mut burst = JoinSet::new();
    for i in 0..200 {
        let t = t.with_token(None);
        burst.spawn(async move {
            let peer = format!("198.51.{}.{}", i / 100, i % 100 + 1);
            let guess = format!("guess number {i}");
            sign_in(&t, Some(&peer), &[], "person0@example.org", &guess).await
        });
    }
    // Every answer of 401 is one password verified.
    assert_eq!(tally(burst, Some(1)).await, (5, 195));
    // The right password is refused too while the wait lasts, unverified.
    let now = sign_in(&t, None, &[], "person0@example.org", PASSWORD).await;
    assert_eq!(retry_after(&now), 1);
    t.throttle.advance(Duration::from_millis(999));
    let almost = sign_in(&t, None, &[], "person0@example.org", PASSWORD).await;
    assert_eq!(retry_after(&almost), 1);
    t.throttle.advance(Duration::from_millis(1));
    sign_in(&t, None, &[], "person0@example.org", PASSWORD)
        .await
        .expect(StatusCode::OK);
    // Signing in cleared the account's failures: five free attempts again.
    for _ in 0..5 {
        sign_in(&t, None, &[], "person0@example.org", "wrong again")
            .await
            .expect_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
    let again = sign_in(&t, None, &[], "person0@example.org", PASSWORD).await;
    assert_eq!(retry_after(&again), 1);
}

/// Two server instances on one database (processes behind a load balancer) keep one count:
/// a burst at one account split between them is still verified five times at most.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_burst_split_over_two_instances_is_verified_five_times_at_most() {
    let a = TestApp::empty().await;
    let b = a.another_instance().await;
    add_people(&a, 0..1).await;
    let mut burst = JoinSet::new();
    for i in 0..100 {
        let t = if i % 2 == 0 {
            a.with_token(None)
        } else {
            b.with_token(None)
        };
        burst.spawn(async move {
            let peer = format!("198.51.{}.{}", i / 100, i % 100 + 1);
            let guess = format!("guess number {i}");
            sign_in(&t, Some(&peer), &[], "person0@example.org", &guess).await
        });
    }
    assert_eq!(
        tally(burst, None).await,
        (5, 95),
        "one count for both instances"
    );
    // The right password is refused on either instance while the wait lasts.
    for t in [&a, &b] {
        sign_in(t, None, &[], "person0@example.org", PASSWORD)
            .await
            .expect_error(StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
    }
}

#[tokio::test]
async fn the_wait_doubles_with_each_failure_and_failures_are_forgotten() {
    let t = TestApp::empty().await;
    let guess = |password: &'static str| {
        let t = t.with_token(None);
        async move { sign_in(&t, None, &[], "someone@example.org", password).await }
    };
    for _ in 0..5 {
        guess("wrong").await.expect(StatusCode::UNAUTHORIZED);
    }
    for wait in [1, 2, 4, 8, 16] {
        assert_eq!(retry_after(&guess("wrong").await), wait);
        t.throttle.advance(Duration::from_secs(wait));
        guess("wrong").await.expect(StatusCode::UNAUTHORIZED);
    }
    assert_eq!(retry_after(&guess("wrong").await), 32);
    // Ten failures; one is forgotten an hour after the last: five hours later five remain
    // and the next failure waits 2 s, ten hours later all are gone.
    t.throttle.advance(Duration::from_secs(5 * 3600));
    guess("wrong").await.expect(StatusCode::UNAUTHORIZED);
    assert_eq!(retry_after(&guess("wrong").await), 2);
    t.throttle.advance(Duration::from_secs(10 * 3600));
    for _ in 0..5 {
        guess("wrong").await.expect(StatusCode::UNAUTHORIZED);
    }
    assert_eq!(retry_after(&guess("wrong").await), 1);
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_counts_for_itself() {
    let t = TestApp::empty().await.with_throttle(behind(&[PROXY]));
    add_people(&t, 0..41).await;
    // 40 accounts, one wrong password each, all through the proxy from 40 clients.
    for i in 0..40 {
        let client = format!("198.51.100.{}", i + 1);
        let email = format!("person{i}@example.org");
        sign_in(
            &t,
            Some(PROXY),
            &[("x-forwarded-for", &client)],
            &email,
            "x",
        )
        .await
        .expect_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
    // Nobody else is locked out: the proxy's address is nobody's.
    sign_in(
        &t,
        Some(PROXY),
        &[("x-forwarded-for", "192.0.2.44")],
        "person40@example.org",
        PASSWORD,
    )
    .await
    .expect(StatusCode::OK);
    // One client spraying through the proxy is held back by its own address, however it
    // fills in the header: the proxy appends the address it saw.
    for i in 0..40 {
        let forged = format!("192.0.2.{}, 203.0.113.9", i + 100);
        let email = format!("person{i}@example.org");
        let reply = sign_in(
            &t,
            Some(PROXY),
            &[("x-forwarded-for", &forged)],
            &email,
            "y",
        )
        .await;
        if i < 30 {
            reply.expect_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
        } else {
            assert_eq!(retry_after(&reply), 1, "attempt {i}");
        }
    }
    // … and only that client.
    sign_in(
        &t,
        Some(PROXY),
        &[("x-forwarded-for", "203.0.113.10")],
        "person40@example.org",
        PASSWORD,
    )
    .await
    .expect(StatusCode::OK);
    // The standard header serves as well.
    sign_in(
        &t,
        Some(PROXY),
        &[("forwarded", "for=203.0.113.9;proto=https")],
        "person40@example.org",
        PASSWORD,
    )
    .await
    .expect_error(StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
}

#[tokio::test]
async fn without_a_trusted_proxy_forwarding_headers_are_ignored() {
    // Not named as a proxy: whatever it (or a client) writes in the header.
    for throttle in [
        Throttle::default().stopped_clock(),
        behind(&["10.9.0.0/16"]),
    ] {
        let t = TestApp::empty().await.with_throttle(throttle);
        for i in 0..30 {
            let forged = format!("192.0.2.{}", i + 1);
            let email = format!("nobody{i}@example.org");
            sign_in(
                &t,
                Some(PROXY),
                &[("x-forwarded-for", &forged)],
                &email,
                "x",
            )
            .await
            .expect_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
        }
        let reply = sign_in(
            &t,
            Some(PROXY),
            &[
                ("x-forwarded-for", "192.0.2.99"),
                ("forwarded", "for=192.0.2.98"),
            ],
            "coordinator@test.org",
            PASSWORD,
        )
        .await;
        assert_eq!(retry_after(&reply), 1);
        // Another address is not held back.
        sign_in(
            &t,
            Some("192.0.2.99"),
            &[],
            "coordinator@test.org",
            PASSWORD,
        )
        .await
        .expect(StatusCode::OK);
    }
}

#[tokio::test]
async fn a_trusted_proxy_that_names_no_client_leaves_accounts_only() {
    let t = TestApp::empty().await.with_throttle(behind(&[PROXY]));
    for i in 0..40 {
        let email = format!("nobody{i}@example.org");
        sign_in(&t, Some(PROXY), &[], &email, "x")
            .await
            .expect_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
    sign_in(&t, Some(PROXY), &[], "coordinator@test.org", PASSWORD)
        .await
        .expect(StatusCode::OK);
    assert_eq!(throttle_rows(&t, "address:%").await, 0);
    assert_eq!(throttle_rows(&t, "account:%").await, 40);
}

#[tokio::test]
async fn successes_from_an_address_do_not_count_against_it() {
    let t = TestApp::empty().await;
    let office = Some("192.0.2.7");
    for i in 0..29 {
        let email = format!("nobody{i}@example.org");
        sign_in(&t, office, &[], &email, "x")
            .await
            .expect(StatusCode::UNAUTHORIZED);
    }
    for _ in 0..5 {
        sign_in(&t, office, &[], "coordinator@test.org", PASSWORD)
            .await
            .expect(StatusCode::OK);
    }
    // The 30th failure from the address is allowed, then it waits.
    sign_in(&t, office, &[], "nobody99@example.org", "x")
        .await
        .expect(StatusCode::UNAUTHORIZED);
    let reply = sign_in(&t, office, &[], "coordinator@test.org", PASSWORD).await;
    assert_eq!(retry_after(&reply), 1);
    // An IPv6 subscriber is one address for all of its /64.
    for i in 0..31 {
        let peer = format!("2001:db8:1:2::{:x}", i + 1);
        let email = format!("nobody{i}@example.net");
        let reply = sign_in(&t, Some(&peer), &[], &email, "x").await;
        if i < 30 {
            reply.expect(StatusCode::UNAUTHORIZED);
        } else {
            assert_eq!(retry_after(&reply), 1);
        }
    }
    sign_in(
        &t,
        Some("2001:db8:1:3::1"),
        &[],
        "coordinator@test.org",
        PASSWORD,
    )
    .await
    .expect(StatusCode::OK);
}

#[tokio::test]
async fn old_rows_are_deleted_and_a_clean_success_leaves_none() {
    let t = TestApp::empty().await;
    sign_in(&t, Some("192.0.2.1"), &[], "coordinator@test.org", PASSWORD)
        .await
        .expect(StatusCode::OK);
    assert_eq!(throttle_rows(&t, "%").await, 0);
    for i in 0..20 {
        let peer = format!("192.0.2.{}", i + 1);
        let email = format!("nobody{i}@example.org");
        sign_in(&t, Some(&peer), &[], &email, "x")
            .await
            .expect(StatusCode::UNAUTHORIZED);
    }
    assert_eq!(throttle_rows(&t, "%").await, 40);
    // A day on, those rows no longer matter: the next counted attempt deletes them.
    t.throttle.advance(Duration::from_secs(24 * 3600));
    sign_in(&t, Some("192.0.2.200"), &[], "nobody@example.org", "x")
        .await
        .expect(StatusCode::UNAUTHORIZED);
    assert_eq!(throttle_rows(&t, "%").await, 2);
}

#[tokio::test]
async fn wrong_current_passwords_are_throttled_with_sign_in() {
    let t = TestApp::empty().await;
    let change = |current: &'static str| {
        let t = t.with_token(t.token.clone());
        async move {
            t.json(
                Method::POST,
                "/api/v1/session/password",
                &json!({ "current": current, "new": "a brand new password 5678" }),
            )
            .await
        }
    };
    for _ in 0..5 {
        let body = change("not my password")
            .await
            .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_record");
        crate::common::assert_fields(&body, &["current"]);
    }
    assert_eq!(retry_after(&change("not my password either").await), 1);
    // Refused unverified while the wait lasts, here and at sign-in: one password, one count.
    assert_eq!(retry_after(&change(PASSWORD).await), 1);
    let signing_in = sign_in(&t, None, &[], "coordinator@test.org", PASSWORD).await;
    assert_eq!(retry_after(&signing_in), 1);
    t.throttle.advance(Duration::from_secs(1));
    assert_eq!(change(PASSWORD).await.status, StatusCode::NO_CONTENT);
    // The right password cleared the count: five free attempts again (with the old
    // password, now wrong).
    for _ in 0..5 {
        sign_in(&t, None, &[], "coordinator@test.org", PASSWORD)
            .await
            .expect(StatusCode::UNAUTHORIZED);
    }
    assert_eq!(
        retry_after(
            &sign_in(
                &t,
                None,
                &[],
                "coordinator@test.org",
                "a brand new password 5678"
            )
            .await
        ),
        1
    );
}

#[test]
fn trusted_proxies_are_named_on_the_command_line() {
    let serve = |args: &[&str]| {
        Cli::try_parse_from(["tradewinds", "serve"].iter().chain(args))
            .map(|cli| match cli.command {
                Command::Serve(serve) => serve.trusted_proxies,
                other => panic!("not serve: {other:?}"),
            })
            .map_err(|e| e.to_string())
    };
    let named = serve(&[
        "--trusted-proxy",
        "10.0.0.1",
        "--trusted-proxy",
        "fd00::/8,192.0.2.0/24",
    ]);
    let named: Vec<String> = named.unwrap().iter().map(|p| p.to_string()).collect();
    assert_eq!(named, ["10.0.0.1/32", "fd00::/8", "192.0.2.0/24"]);
    let wrong = serve(&["--trusted-proxy", "proxy.example.org"]).unwrap_err();
    assert!(wrong.contains("not an IP address or network"), "{wrong}");
}
