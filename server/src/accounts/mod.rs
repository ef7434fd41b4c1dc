//! Accounts and access: signing in and out (`/api/v1/session`), administrators managing
//! users (`/api/v1/users`), and the `Signed` extractor every other endpoint takes, which
//! answers 401 without a live session. What a signed-in person may change is decided by
//! `tradewinds_shared::access` (the same rules the app shows), applied in `Store::push`.

pub mod password;
pub mod sessions;
pub mod throttle;
pub mod users;

use axum::{
    extract::{Path, State},
    http::{header, HeaderValue, StatusCode},
    routing::{get, patch, post},
    Json, Router,
};
use tower_http::set_header::SetResponseHeaderLayer;
use tradewinds_shared::access::Actor;
use tradewinds_shared::accounts::{
    NewUser, OwnSettings, PasswordChange, Session, SignIn, User, UserChanges,
};
use tradewinds_shared::api::ErrorCode;
use tradewinds_shared::i18n::{problem::key, Problem};
use uuid::Uuid;

pub use sessions::{Signed, SignedAtLogEnd};
use throttle::ClientAddr;

use crate::extract::ApiJson;
use crate::{AppState, Error};

/// Who makes a change: what they may do (`None`: the server itself, e.g. seeding, which
/// may do anything) and the name conflicts show.
#[derive(Debug, Clone, Default)]
pub struct Author {
    pub actor: Option<Actor>,
    pub name: Option<String>,
}

impl Author {
    /// The server's own writes, shown as `name`.
    pub fn server(name: &str) -> Author {
        Author {
            actor: None,
            name: Some(name.to_owned()),
        }
    }
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/session",
            post(sign_in)
                .get(current)
                .patch(own_settings)
                .delete(sign_out),
        )
        .route("/session/password", post(change_password))
        .route("/sessions", axum::routing::delete(sign_out_everywhere))
        .route("/users", get(users_list).post(users_create))
        .route("/users/{id}", patch(users_update).get(users_get))
        // Tokens and account lists are never kept by a cache or the browser's HTTP cache.
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

async fn sign_in(
    State(app): State<AppState>,
    ClientAddr(client): ClientAddr,
    ApiJson(req): ApiJson<SignIn>,
) -> Result<Json<Session>, Error> {
    let pool = app.store.pool();
    let attempt = app.throttle.count(pool, &req.email, client).await?;
    let found = if req.password.len() > tradewinds_shared::accounts::MAX_PASSWORD_BYTES {
        None
    } else {
        users::by_email(pool, &req.email).await?
    };
    let (user, hash) = match found {
        Some((user, hash)) => (Some(user), Some(hash)),
        None => (None, None),
    };
    let matches = password::verify_blocking(req.password, hash).await;
    match user {
        Some(user) if matches && !user.disabled => {
            attempt.succeeded(pool).await?;
            let (token, expires) = sessions::start(pool, user.id).await?;
            Ok(Json(Session {
                token,
                expires,
                user,
            }))
        }
        // The attempt stays counted as a failure.
        _ => Err(Error::Unauthenticated {
            code: ErrorCode::InvalidCredentials,
            message: Problem::new(key::WRONG_CREDENTIALS),
        }),
    }
}

async fn current(signed: Signed) -> Json<User> {
    Json(signed.user)
}

/// A person's own settings (the interface's language), whatever their role.
async fn own_settings(
    State(app): State<AppState>,
    signed: Signed,
    ApiJson(settings): ApiJson<OwnSettings>,
) -> Result<Json<User>, Error> {
    let user = users::set_language(app.store.pool(), signed.user.id, settings.language).await?;
    Ok(Json(user))
}

async fn sign_out(State(app): State<AppState>, signed: Signed) -> Result<StatusCode, Error> {
    sessions::end(app.store.pool(), &signed.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn sign_out_everywhere(
    State(app): State<AppState>,
    signed: Signed,
) -> Result<StatusCode, Error> {
    sessions::end_all(app.store.pool(), signed.user.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Throttled like signing in, on the same account key: someone holding a stolen session
/// could otherwise guess the password here, then change it.
async fn change_password(
    State(app): State<AppState>,
    signed: Signed,
    ClientAddr(client): ClientAddr,
    ApiJson(req): ApiJson<PasswordChange>,
) -> Result<StatusCode, Error> {
    let pool = app.store.pool();
    let attempt = app.throttle.count(pool, &signed.user.email, client).await?;
    let stored = users::by_email(pool, &signed.user.email)
        .await?
        .map(|(_, hash)| hash);
    if !password::verify_blocking(req.current.clone(), stored).await {
        let mut e = tradewinds_shared::ValidationErrors::default();
        e.add("current", key::NOT_CURRENT_PASSWORD);
        return Err(e.into());
    }
    attempt.succeeded(pool).await?;
    req.validate()?;
    users::set_password(pool, signed.user.id, &req.new, Some(&signed.token_hash)).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn users_list(
    State(app): State<AppState>,
    signed: Signed,
) -> Result<Json<serde_json::Value>, Error> {
    signed.admin()?;
    let items = users::list(app.store.pool()).await?;
    Ok(Json(serde_json::json!({ "items": items })))
}

async fn users_get(
    State(app): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
) -> Result<Json<User>, Error> {
    signed.admin()?;
    let id = user_id(&id)?;
    users::get(app.store.pool(), id)
        .await?
        .map(Json)
        .ok_or_else(|| Error::NotFound(Problem::new(key::NO_USER).with("id", id.to_string())))
}

async fn users_create(
    State(app): State<AppState>,
    signed: Signed,
    ApiJson(new): ApiJson<NewUser>,
) -> Result<(StatusCode, Json<User>), Error> {
    signed.admin()?;
    let user = users::create(app.store.pool(), &new, false).await?;
    tracing::info!(user = %user.id, role = user.role.code(), by = %signed.user.id, "account added");
    Ok((StatusCode::CREATED, Json(user)))
}

async fn users_update(
    State(app): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    ApiJson(changes): ApiJson<UserChanges>,
) -> Result<Json<User>, Error> {
    signed.admin()?;
    let id = user_id(&id)?;
    let user = users::update(app.store.pool(), id, &changes).await?;
    tracing::info!(user = %user.id, by = %signed.user.id, "account changed");
    Ok(Json(user))
}

fn user_id(raw: &str) -> Result<Uuid, Error> {
    Uuid::parse_str(raw).map_err(|_| Error::BadRequest {
        code: ErrorCode::InvalidId,
        message: Problem::new(key::NOT_USER_ID).with("text", raw),
    })
}
