//! The Tradewinds server: the catalogue API, the sync endpoint, documents' files and the
//! built app, over one SQLite or PostgreSQL database and a files directory. `app()` builds the whole router so that tests reach it without a socket.

pub mod accounts;
pub mod catalogue;
pub mod cli;
pub mod db;
pub mod error;
pub mod extract;
pub mod files;
pub mod i18n;
pub mod ops;
pub mod seed;
pub mod store;
pub mod sync;
pub mod telemetry;
pub mod web;

use std::path::PathBuf;
use std::time::Duration;

use axum::{
    extract::DefaultBodyLimit,
    routing::{any, get},
    Router,
};
use tower_http::{
    compression::{predicate::Predicate, CompressionLayer, DefaultPredicate},
    timeout::TimeoutLayer,
    trace::TraceLayer,
};

pub use error::Error;
pub use store::Store;

/// Largest request body accepted anywhere (a full push of 1,000 mutations fits).
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// The built app (`dist/`), served at `/`; `None` serves the API only.
    pub dist: Option<PathBuf>,
    /// Throttling of password checks (and whose forwarded client addresses to believe).
    pub throttle: accounts::throttle::Throttle,
    /// Request figures for `/metrics`, and the token that reads them.
    pub metrics: std::sync::Arc<ops::Metrics>,
    /// Where documents' files are kept (`serve --files`).
    pub files: files::Files,
}

pub fn app(state: AppState) -> Router {
    let api = Router::new()
        .merge(accounts::router())
        .merge(sync::router())
        .merge(files::router())
        .merge(catalogue::router())
        .fallback(error::api_not_found)
        .method_not_allowed_fallback(error::api_method_not_allowed);
    let mut router = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .nest("/api/v1", api)
        // Any other path under /api (`/api/v1/`, `/api/v2/..`) is an API 404, never the app.
        .route("/api", any(error::api_not_found))
        .route("/api/{*rest}", any(error::api_not_found))
        .with_state(state.clone());
    if let Some(dist) = &state.dist {
        router = router.merge(web::router(dist));
    }
    router
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        // Files go as stored (`files::AsStored`): their ETag and ranges count stored bytes.
        .layer(
            CompressionLayer::new().compress_when(DefaultPredicate::new().and(files::NotAsStored)),
        )
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(TraceLayer::new_for_http())
        .layer(axum::middleware::from_fn_with_state(state, ops::track))
        .layer(axum::middleware::from_fn(web::security_headers))
        .layer(axum::middleware::from_fn(i18n::by_accept_language))
}
