//! Sessions: opaque bearer tokens (`TOKEN_BYTES` random bytes, 22 characters), of which the
//! server keeps only the SHA-256. A session lasts `SESSION_DAYS` after its last use (renewed at most daily, so a
//! busy client does not write on every request); signing out deletes it.

use axum::{extract::FromRequestParts, http::request::Parts};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::db::Pool;
use tradewinds_shared::accounts::User;
use tradewinds_shared::i18n::{problem::key, Problem};
use uuid::Uuid;

use crate::store::now_ms;
use crate::{AppState, Error};

pub const SESSION_DAYS: i64 = 30;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// 128 bits: far past guessing (OWASP asks at least 64 bits of entropy of a session id),
/// and every API request carries the token, so its length is paid on each one. Tokens of
/// the earlier 32 bytes stay valid until they expire (only their hash is looked up).
const TOKEN_BYTES: usize = 16;

pub fn token_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Starts a session for `user`: the token (given to the client once) and its expiry.
pub async fn start(pool: &Pool, user: Uuid) -> Result<(String, i64), Error> {
    let mut bytes = [0u8; TOKEN_BYTES];
    getrandom::getrandom(&mut bytes)
        .map_err(|e| Error::Internal(anyhow::anyhow!("no randomness for a token: {e}")))?;
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let now = now_ms();
    let expires = now + SESSION_DAYS * DAY_MS;
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created, expires) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash(&token))
    .bind(user.to_string())
    .bind(now)
    .bind(expires)
    .execute(pool)
    .await?;
    // Expired sessions of anyone are swept here, where sessions are written anyway.
    sqlx::query("DELETE FROM sessions WHERE expires <= $1")
        .bind(now)
        .execute(pool)
        .await?;
    Ok((token, expires))
}

/// The signed-in person behind a request.
#[derive(Debug, Clone)]
pub struct Signed {
    pub user: User,
    pub token_hash: String,
    pub expires: i64,
}

impl Signed {
    pub fn author(&self) -> crate::accounts::Author {
        crate::accounts::Author {
            actor: Some(self.user.actor()),
            name: Some(self.user.display().to_owned()),
        }
    }

    /// Refuses people who are not administrators.
    pub fn admin(&self) -> Result<(), Error> {
        if self.user.actor().can_manage_users() {
            Ok(())
        } else {
            Err(Error::Forbidden(Problem::new(key::ADMINS_ONLY)))
        }
    }
}

/// Looks a token up: the live session and its enabled account, renewing it if due.
pub async fn authenticate(pool: &Pool, token: &str) -> Result<Option<Signed>, Error> {
    Ok(look_up(pool, token, false).await?.map(|(signed, _)| signed))
}

/// `authenticate`, with the change log's end read by the same statement if asked
/// (`SignedAtLogEnd`).
async fn look_up(
    pool: &Pool,
    token: &str,
    with_log_end: bool,
) -> Result<Option<(Signed, Option<u64>)>, Error> {
    let hash = token_hash(token);
    let now = now_ms();
    let sql = if with_log_end {
        "SELECT s.expires, u.id, u.email, u.name, u.role, u.organisation, u.disabled, u.language, (SELECT CAST(value AS BIGINT) FROM meta WHERE key = 'seq') AS log_end FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires > $2 AND u.disabled = 0"
    } else {
        "SELECT s.expires, u.id, u.email, u.name, u.role, u.organisation, u.disabled, u.language FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires > $2 AND u.disabled = 0"
    };
    let row = sqlx::query(sql)
        .bind(&hash)
        .bind(now)
        .fetch_optional(pool)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let mut expires: i64 = row.try_get("expires")?;
    let user = super::users::row_to_user(&row)?;
    let log_end = if with_log_end {
        Some(row.try_get::<i64, _>("log_end")? as u64)
    } else {
        None
    };
    if expires - now < (SESSION_DAYS - 1) * DAY_MS {
        expires = now + SESSION_DAYS * DAY_MS;
        sqlx::query("UPDATE sessions SET expires = $1 WHERE token_hash = $2")
            .bind(expires)
            .bind(&hash)
            .execute(pool)
            .await?;
    }
    let signed = Signed {
        user,
        token_hash: hash,
        expires,
    };
    Ok(Some((signed, log_end)))
}

pub async fn end(pool: &Pool, token_hash: &str) -> Result<(), Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(pool)
        .await?;
    Ok(())
}

/// Signs `user` out everywhere, and withdraws the keys that seal their changes files
/// (`users::withdraw_seal_keys`): each device asks for a new one when they sign in again.
pub async fn end_all(pool: &Pool, user: Uuid) -> Result<(), Error> {
    let mut tx = pool.begin().await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user.to_string())
        .execute(&mut *tx)
        .await?;
    super::users::withdraw_seal_keys(&mut *tx, user).await?;
    tx.commit().await?;
    Ok(())
}

/// The bearer token of a request, if it has a well-formed `Authorization` header.
fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(axum::http::header::AUTHORIZATION)?;
    let value = value.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty() && token.len() <= 200)
        .then_some(token)
}

impl FromRequestParts<AppState> for Signed {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Error> {
        let token = bearer(parts).ok_or_else(Error::unauthenticated)?;
        authenticate(app.store.pool(), token)
            .await?
            .ok_or_else(Error::unauthenticated)
    }
}

/// A signed-in request, with the change log's end as its session was looked up, read by
/// the same statement on PostgreSQL (`None` on SQLite). A pull needs both, and most pulls
/// are up to date: answered with one round trip to the database instead of two
/// (`Store::pull_json`).
pub struct SignedAtLogEnd {
    pub signed: Signed,
    pub log_end: Option<u64>,
}

impl FromRequestParts<AppState> for SignedAtLogEnd {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Error> {
        let token = bearer(parts).ok_or_else(Error::unauthenticated)?;
        let postgres = app.store.backend() == crate::db::Backend::Postgres;
        let (signed, log_end) = look_up(app.store.pool(), token, postgres)
            .await?
            .ok_or_else(Error::unauthenticated)?;
        Ok(SignedAtLogEnd { signed, log_end })
    }
}
