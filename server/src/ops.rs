//! What an operator watches: `/healthz` (the process answers), `/readyz` (the database
//! answers and every migration of this build is applied: a load balancer sends no traffic
//! before), and `/metrics` in Prometheus' text format for those holding the metrics token
//! (`--metrics-token`; without one the path does not exist): requests by route, method and
//! status, request durations by route (push and pull among them), mutations by outcome and
//! rejection code, devices that pushed in the last day, and the readers' connection pool.
//!
//! Routes are counted by their pattern (`/api/v1/{kind}/{id}`), never by the path a client
//! sent, and methods outside HTTP's usual ones as `other`, so a client cannot make the
//! series grow without bound.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tradewinds_shared::i18n::{problem::key, Problem};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::store::now_ms;
use crate::{AppState, Error};

/// Upper bounds of the request-duration histogram's buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

#[derive(Default)]
struct Histogram {
    /// Observations at or under each bound of `BUCKETS`.
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

impl Histogram {
    fn observe(&mut self, seconds: f64) {
        for (bound, n) in BUCKETS.iter().zip(self.counts.iter_mut()) {
            if seconds <= *bound {
                *n += 1;
            }
        }
        self.count += 1;
        self.sum += seconds;
    }
}

/// The process's request figures, and who may read them.
#[derive(Default)]
pub struct Metrics {
    /// The bearer token `/metrics` asks for; `None`: `/metrics` is not served.
    token: Option<String>,
    /// (route, method, status) → requests answered.
    requests: Mutex<BTreeMap<(String, String, u16), u64>>,
    /// route → durations.
    durations: Mutex<BTreeMap<String, Histogram>>,
}

impl Metrics {
    pub fn new(token: Option<String>) -> Arc<Metrics> {
        Arc::new(Metrics {
            token: token.filter(|t| !t.is_empty()),
            ..Metrics::default()
        })
    }

    fn record(&self, route: String, method: &Method, status: StatusCode, took: Duration) {
        // Any token is a valid method name: a client could make the series grow without
        // bound by inventing them.
        let method = match *method {
            Method::GET
            | Method::HEAD
            | Method::POST
            | Method::PUT
            | Method::PATCH
            | Method::DELETE
            | Method::OPTIONS => method.as_str(),
            _ => "other",
        };
        *self
            .requests
            .lock()
            .expect("request counts")
            .entry((route.clone(), method.to_owned(), status.as_u16()))
            .or_default() += 1;
        self.durations
            .lock()
            .expect("request durations")
            .entry(route)
            .or_default()
            .observe(took.as_secs_f64());
    }

    /// Whether `headers` carry the metrics token (compared in constant time).
    fn admits(&self, headers: &HeaderMap) -> bool {
        let Some(token) = &self.token else {
            return false;
        };
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or_default();
        given.len() == token.len()
            && given
                .bytes()
                .zip(token.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }
}

/// Counts every request by the route it matched, and times it.
pub async fn track(State(app): State<AppState>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let method = request.method().clone();
    let started = Instant::now();
    let response = next.run(request).await;
    app.metrics
        .record(route, &method, response.status(), started.elapsed());
    response
}

/// `GET /readyz`: `200 ready`, or `503` and why not.
pub async fn readyz(State(app): State<AppState>) -> Response {
    match app.store.ready().await {
        Ok(()) => (StatusCode::OK, "ready").into_response(),
        Err(why) => {
            tracing::warn!(%why, "not ready");
            (StatusCode::SERVICE_UNAVAILABLE, why).into_response()
        }
    }
}

/// A label value as Prometheus' text format writes it.
fn label(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// `GET /metrics`: the figures, for the holder of the metrics token; `404` when no token is
/// set (the path is not served), `401` without the right one.
pub async fn metrics(State(app): State<AppState>, headers: HeaderMap) -> Result<Response, Error> {
    let m = &app.metrics;
    if m.token.is_none() {
        return Err(Error::NotFound(Problem::new(key::NO_METRICS)));
    }
    if !m.admits(&headers) {
        return Ok((
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            "The metrics token is required (Authorization: Bearer TOKEN).",
        )
            .into_response());
    }
    let day_ago = now_ms() - 24 * 3600 * 1000;
    let active = app.store.devices_active_since(day_ago).await?;
    let pool = app.store.pool_state();
    let (applied, unchanged, rejected) = app.store.mutation_counts().read();
    let mut out = String::from(
        "# HELP tradewinds_http_requests_total Requests answered, by route pattern, method and status.\n\
         # TYPE tradewinds_http_requests_total counter\n",
    );
    for ((route, method, status), n) in m.requests.lock().expect("request counts").iter() {
        let _ = writeln!(
            out,
            "tradewinds_http_requests_total{{route=\"{}\",method=\"{method}\",status=\"{status}\"}} {n}",
            label(route)
        );
    }
    let _ = writeln!(
        out,
        "# HELP tradewinds_http_request_duration_seconds Time to answer, by route pattern (sync push and pull among them).\n# TYPE tradewinds_http_request_duration_seconds histogram"
    );
    for (route, h) in m.durations.lock().expect("request durations").iter() {
        let route = label(route);
        for (bound, n) in BUCKETS.iter().zip(h.counts) {
            let _ = writeln!(
                out,
                "tradewinds_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {n}"
            );
        }
        let _ = writeln!(
            out,
            "tradewinds_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}\n\
             tradewinds_http_request_duration_seconds_sum{{route=\"{route}\"}} {}\n\
             tradewinds_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
            h.count, h.sum, h.count
        );
    }
    let _ = writeln!(
        out,
        "# HELP tradewinds_mutations_total Pushed mutations since the process started, by outcome (rejected ones by code).\n# TYPE tradewinds_mutations_total counter\n\
         tradewinds_mutations_total{{outcome=\"applied\"}} {applied}\n\
         tradewinds_mutations_total{{outcome=\"unchanged\"}} {unchanged}"
    );
    for (code, n) in &rejected {
        let _ = writeln!(
            out,
            "tradewinds_mutations_total{{outcome=\"rejected\",code=\"{}\"}} {n}",
            label(code)
        );
    }
    let _ = writeln!(
        out,
        "# HELP tradewinds_devices_active Devices that pushed in the last 24 hours.\n# TYPE tradewinds_devices_active gauge\n\
         tradewinds_devices_active {active}\n\
         # HELP tradewinds_db_connections Readers' database connections: open, idle, and the most the pool opens (a pool at its most with none idle makes requests wait).\n# TYPE tradewinds_db_connections gauge\n\
         tradewinds_db_connections{{state=\"open\"}} {}\n\
         tradewinds_db_connections{{state=\"idle\"}} {}\n\
         tradewinds_db_connections{{state=\"max\"}} {}",
        pool.open, pool.idle, pool.max
    );
    Ok((
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        out,
    )
        .into_response())
}
