//! HTTP calls to `/api/v1/sync/*`.

use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;
use tradewinds_shared::api::ErrorBody;
use tradewinds_shared::sync::{
    Cursor, DeviceId, Mutation, PullResponse, PushRequest, PushResponse, Snapshot,
};

use crate::db::DbError;

#[derive(Debug, Clone, thiserror::Error)]
pub enum SyncError {
    #[error("the server cannot be reached")]
    Offline,
    #[error("the server refused the request: {0}")]
    Refused(String),
    #[error(
        "the server has lost changes it had accepted from this device (restored from a backup?)"
    )]
    ServerForgot,
    #[error("the server had a problem (HTTP {0}); it will be retried")]
    Server(u16),
    #[error("the server's answer could not be read: {0}")]
    BadAnswer(String),
    #[error("this browser's storage failed: {0}")]
    Storage(String),
}

impl From<DbError> for SyncError {
    fn from(e: DbError) -> Self {
        SyncError::Storage(e.to_string())
    }
}

async fn read<T: DeserializeOwned>(res: Result<Response, gloo_net::Error>) -> Result<T, SyncError> {
    let res = res.map_err(|_| SyncError::Offline)?;
    let status = res.status();
    if (200..300).contains(&status) {
        return res
            .json::<T>()
            .await
            .map_err(|e| SyncError::BadAnswer(e.to_string()));
    }
    if status >= 500 || status == 0 {
        return Err(SyncError::Server(status));
    }
    match res.json::<ErrorBody>().await {
        Ok(body) if body.error == "mutation_gap" => Err(SyncError::ServerForgot),
        Ok(body) => Err(SyncError::Refused(body.message)),
        Err(_) => Err(SyncError::Refused(format!("HTTP {status}"))),
    }
}

pub async fn snapshot() -> Result<Snapshot, SyncError> {
    read(Request::get("/api/v1/sync/snapshot").send().await).await
}

pub async fn pull(cursor: &Cursor) -> Result<PullResponse, SyncError> {
    let url = format!(
        "/api/v1/sync/pull?cursor={}",
        js_sys::encode_uri_component(&cursor.0)
    );
    read(Request::get(&url).send().await).await
}

pub async fn push(device: DeviceId, mutations: &[Mutation]) -> Result<PushResponse, SyncError> {
    let body = PushRequest {
        device,
        mutations: mutations.to_vec(),
    };
    let req = Request::post("/api/v1/sync/push")
        .json(&body)
        .map_err(|e| SyncError::BadAnswer(e.to_string()))?;
    read(req.send().await).await
}
