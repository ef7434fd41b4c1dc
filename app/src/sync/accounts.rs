//! HTTP calls about people: signing in and out, one's own password, the users an
//! administrator manages, and a record's history. These are not synced: they need the
//! server, and say so (`SyncError::Offline`) when it cannot be reached.

use gloo_net::http::Request;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use tradewinds_shared::accounts::{
    HistoryEntry, NewUser, OwnSettings, PasswordChange, Session, SignIn, User, UserChanges,
};
use tradewinds_shared::i18n::Lang;
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use super::client::{authorised, read, read_empty, SyncError};

#[derive(Deserialize)]
struct Items<T> {
    items: Vec<T>,
}

fn json_body<T: Serialize>(
    req: gloo_net::http::RequestBuilder,
    body: &T,
) -> Result<Request, SyncError> {
    req.json(body)
        .map_err(|e| SyncError::BadAnswer(e.to_string()))
}

async fn get<T: DeserializeOwned>(token: &str, url: &str) -> Result<T, SyncError> {
    read(authorised(Request::get(url), token).send().await).await
}

/// `POST /api/v1/session`: the only call without a token.
pub async fn sign_in(email: &str, password: &str) -> Result<Session, SyncError> {
    let body = SignIn {
        email: email.trim().to_owned(),
        password: password.to_owned(),
    };
    read(
        json_body(
            super::client::in_our_language(Request::post("/api/v1/session")),
            &body,
        )?
        .send()
        .await,
    )
    .await
}

/// The signed-in person as the server knows them now.
pub async fn current_user(token: &str) -> Result<User, SyncError> {
    get(token, "/api/v1/session").await
}

pub async fn sign_out(token: &str) -> Result<(), SyncError> {
    read_empty(
        authorised(Request::delete("/api/v1/session"), token)
            .send()
            .await,
    )
    .await
}

pub async fn sign_out_everywhere(token: &str) -> Result<(), SyncError> {
    read_empty(
        authorised(Request::delete("/api/v1/sessions"), token)
            .send()
            .await,
    )
    .await
}

pub async fn change_password(token: &str, change: &PasswordChange) -> Result<(), SyncError> {
    let req = json_body(
        authorised(Request::post("/api/v1/session/password"), token),
        change,
    )?;
    read_empty(req.send().await).await
}

pub async fn users(token: &str) -> Result<Vec<User>, SyncError> {
    get::<Items<User>>(token, "/api/v1/users")
        .await
        .map(|i| i.items)
}

pub async fn add_user(token: &str, new: &NewUser) -> Result<User, SyncError> {
    let req = json_body(authorised(Request::post("/api/v1/users"), token), new)?;
    read(req.send().await).await
}

/// Keeps `language` as the signed-in person's (`PATCH /api/v1/session`).
pub async fn set_language(token: &str, language: Lang) -> Result<User, SyncError> {
    let settings = OwnSettings { language };
    let req = json_body(
        authorised(Request::patch("/api/v1/session"), token),
        &settings,
    )?;
    read(req.send().await).await
}

pub async fn change_user(token: &str, id: Uuid, changes: &UserChanges) -> Result<User, SyncError> {
    let url = format!("/api/v1/users/{id}");
    let req = json_body(authorised(Request::patch(&url), token), changes)?;
    read(req.send().await).await
}

/// A record's changes, newest first.
pub async fn history(
    token: &str,
    kind: RecordKind,
    id: Uuid,
) -> Result<Vec<HistoryEntry>, SyncError> {
    let url = format!("/api/v1/{}/{id}/history", kind.plural());
    get::<Items<HistoryEntry>>(token, &url)
        .await
        .map(|i| i.items)
}
