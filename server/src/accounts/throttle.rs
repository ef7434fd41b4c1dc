//! Sign-in throttling: failed attempts are counted per account and per client address over
//! a sliding window, in the database (so several server instances share the count).

use std::net::{IpAddr, SocketAddr};

use axum::{
    extract::{ConnectInfo, FromRequestParts},
    http::request::Parts,
};
use sqlx::SqlitePool;
use tradewinds_shared::accounts::normalise_email;

use crate::store::now_ms;
use crate::Error;

pub const WINDOW_MS: i64 = 15 * 60 * 1000;
/// Failed sign-ins to one account within the window before it is refused.
pub const MAX_PER_ACCOUNT: i64 = 5;
/// Failed sign-ins from one address (to any accounts) within the window.
pub const MAX_PER_ADDRESS: i64 = 30;

/// The peer address of the connection, when served over a socket.
pub struct ClientAddr(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip()),
        ))
    }
}

/// The throttling keys of an attempt and their limits.
pub fn keys(email: &str, addr: Option<IpAddr>) -> Vec<(String, i64)> {
    let mut keys = vec![(format!("email:{}", normalise_email(email)), MAX_PER_ACCOUNT)];
    if let Some(addr) = addr {
        keys.push((format!("addr:{addr}"), MAX_PER_ADDRESS));
    }
    keys
}

/// Refuses the attempt if any key has used up its failures.
pub async fn check(pool: &SqlitePool, keys: &[(String, i64)]) -> Result<(), Error> {
    let now = now_ms();
    for (key, max) in keys {
        let (count, oldest): (i64, Option<i64>) =
            sqlx::query_as("SELECT COUNT(*), MIN(at) FROM login_failures WHERE key = ? AND at > ?")
                .bind(key)
                .bind(now - WINDOW_MS)
                .fetch_one(pool)
                .await?;
        if count >= *max {
            let wait_ms = oldest.unwrap_or(now) + WINDOW_MS - now;
            return Err(Error::TooManyAttempts((wait_ms.max(1000) / 1000) as u64));
        }
    }
    Ok(())
}

pub async fn record_failure(pool: &SqlitePool, keys: &[(String, i64)]) -> Result<(), Error> {
    let now = now_ms();
    let mut tx = pool.begin().await?;
    for (key, _) in keys {
        sqlx::query("INSERT INTO login_failures (key, at) VALUES (?, ?)")
            .bind(key)
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("DELETE FROM login_failures WHERE at <= ?")
        .bind(now - WINDOW_MS)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// After a successful sign-in the account's count starts again (the address's does not).
pub async fn forget(pool: &SqlitePool, keys: &[(String, i64)]) -> Result<(), Error> {
    if let Some((key, _)) = keys.first() {
        sqlx::query("DELETE FROM login_failures WHERE key = ?")
            .bind(key)
            .execute(pool)
            .await?;
    }
    Ok(())
}
