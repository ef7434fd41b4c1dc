//! HTTP calls to `/api/v1/sync/*`, and the reading of answers every API call shares. Every
//! request but signing in carries the session's bearer token.

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use tradewinds_shared::api::{ErrorBody, ErrorCode};
use tradewinds_shared::sync::bootstrap::{self, BootstrapIndex, LeanRecord};
use tradewinds_shared::sync::carried::{SealKey, SealKeyRequest, TakenIn};
use tradewinds_shared::sync::progress::{RecordCounter, RECORDS_HEADER};
use tradewinds_shared::sync::{Cursor, DeviceId, Mutation, PushRequest, PushResponse};
use wasm_bindgen::JsCast;

use crate::db::{DbError, Pulled};
use crate::i18n::{msg, t, tf};

/// Why a call to the server failed; shown (`Display`) in the interface's language.
#[derive(Debug, Clone, PartialEq)]
pub enum SyncError {
    Offline,
    /// No session, or the server no longer accepts it (expired, revoked, password changed).
    SignedOut,
    Refused(Refusal),
    ServerForgot,
    /// The server's data is not the copy this device last synced with (restored from a
    /// backup, or replaced): load its snapshot, then send.
    ServerReset,
    /// The device id this browser pushed under belongs to another account (someone else
    /// signed in here first): this person's changes continue under a device of their own.
    DeviceTaken,
    Server(u16),
    BadAnswer(String),
    Storage(String),
}

impl std::fmt::Display for SyncError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            SyncError::Offline => t(msg::CALL_OFFLINE).to_owned(),
            SyncError::SignedOut => t(msg::CALL_SIGNED_OUT).to_owned(),
            // Worded by the server in the language this device asked in.
            SyncError::Refused(refusal) => refusal.message.clone(),
            SyncError::ServerForgot => t(msg::CALL_SERVER_FORGOT).to_owned(),
            SyncError::ServerReset => t(msg::CALL_SERVER_RESET).to_owned(),
            SyncError::DeviceTaken => t(msg::CALL_DEVICE_TAKEN).to_owned(),
            SyncError::Server(status) => tf(
                msg::CALL_SERVER_PROBLEM,
                &[("status", u32::from(*status).into())],
            ),
            SyncError::BadAnswer(e) => tf(msg::CALL_BAD_ANSWER, &[("error", e.into())]),
            SyncError::Storage(e) => tf(msg::CALL_STORAGE_FAILED, &[("error", e.into())]),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for SyncError {}

impl From<DbError> for SyncError {
    fn from(e: DbError) -> Self {
        SyncError::Storage(e.to_string())
    }
}

/// A refusal (`ErrorBody`): its code and sentence, worded by the server in the language
/// the request asked in. The rest (each field's problem) is read by the screen that shows
/// it (`body`), so that the first download, which signs in and syncs, carries no reader of
/// field problems.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub error: ErrorCode,
    pub message: String,
    body: serde_json::Value,
}

impl Refusal {
    /// A refusal the server sent as `body`; `None` when it is not an `ErrorBody`.
    fn read(body: serde_json::Value) -> Option<Refusal> {
        let error = ErrorCode::parse(body.get("error")?.as_str()?);
        let message = body.get("message")?.as_str()?.to_owned();
        Some(Refusal {
            error,
            message,
            body,
        })
    }

    /// A refusal that came with no body this release can read.
    fn bare(error: ErrorCode, message: String) -> Refusal {
        Refusal {
            error,
            message,
            body: serde_json::Value::Null,
        }
    }

    /// The whole body, with each field's problem.
    pub fn body(&self) -> ErrorBody {
        serde_json::from_value(self.body.clone()).unwrap_or_else(|_| ErrorBody {
            error: self.error.clone(),
            message: self.message.clone(),
            problem: Default::default(),
            fields: vec![],
        })
    }
}

/// A request with the session's token, asking for refusals in the interface's language.
pub fn authorised(req: RequestBuilder, token: &str) -> RequestBuilder {
    in_our_language(req).header("Authorization", &format!("Bearer {token}"))
}

/// A request whose refusals the server words in the interface's language.
pub fn in_our_language(req: RequestBuilder) -> RequestBuilder {
    req.header("Accept-Language", crate::i18n::lang().code())
}

/// Turns a refusal into the error it stands for.
pub(super) async fn refusal(res: Response) -> SyncError {
    let status = res.status();
    if status >= 500 || status == 0 {
        return SyncError::Server(status);
    }
    let read = res
        .json::<serde_json::Value>()
        .await
        .ok()
        .and_then(Refusal::read);
    match read {
        Some(refusal) => match (status, &refusal.error) {
            (_, ErrorCode::MutationGap) => SyncError::ServerForgot,
            (409, ErrorCode::CursorReset) => SyncError::ServerReset,
            (403, ErrorCode::DeviceNotYours) => SyncError::DeviceTaken,
            (401, ErrorCode::Unauthenticated) => SyncError::SignedOut,
            _ => SyncError::Refused(refusal),
        },
        None if status == 401 => SyncError::SignedOut,
        None => SyncError::Refused(Refusal::bare(
            ErrorCode::Other(format!("http_{status}")),
            tf(
                msg::SERVER_REFUSED_HTTP,
                &[("status", u32::from(status).into())],
            ),
        )),
    }
}

/// Reads a JSON answer.
pub async fn read<T: DeserializeOwned>(
    res: Result<Response, gloo_net::Error>,
) -> Result<T, SyncError> {
    let res = res.map_err(|_| SyncError::Offline)?;
    if res.ok() {
        return res
            .json::<T>()
            .await
            .map_err(|e| SyncError::BadAnswer(e.to_string()));
    }
    Err(refusal(res).await)
}

/// Reads an answer without a body (204).
pub async fn read_empty(res: Result<Response, gloo_net::Error>) -> Result<(), SyncError> {
    let res = res.map_err(|_| SyncError::Offline)?;
    if res.ok() {
        return Ok(());
    }
    Err(refusal(res).await)
}

/// The body of a snapshot, as text: its records are stored as they are (`RawSnapshot`).
/// Read as it arrives, telling `progress` how many records have come and how many there are
/// (`RECORDS_HEADER`), so that a long download on a slow link shows how far it has come.
pub async fn snapshot(
    token: &str,
    progress: &dyn Fn(usize, Option<usize>),
) -> Result<String, SyncError> {
    let res = authorised(Request::get("/api/v1/sync/snapshot"), token)
        .send()
        .await
        .map_err(|_| SyncError::Offline)?;
    if !res.ok() {
        return Err(refusal(res).await);
    }
    let total = res
        .headers()
        .get(RECORDS_HEADER)
        .and_then(|n| n.parse::<usize>().ok());
    let Some(body) = res.body() else {
        return res.text().await.map_err(|_| SyncError::Offline);
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::new();
    let mut counter = RecordCounter::default();
    progress(0, total);
    loop {
        let chunk = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(|_| SyncError::Offline)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value =
            js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| SyncError::Offline)?;
        // Copied once, straight onto what has arrived so far.
        let piece = js_sys::Uint8Array::new(&value);
        let start = bytes.len();
        bytes.resize(start + piece.length() as usize, 0);
        piece.copy_to(&mut bytes[start..]);
        let before = counter.records;
        counter.feed(&bytes[start..]);
        if counter.records != before {
            progress(counter.records, total);
        }
    }
    String::from_utf8(bytes).map_err(|e| SyncError::BadAnswer(e.to_string()))
}

/// The server's current bootstrap generation, or `None` when it has none this release can
/// read (a server without pages, or of another page format): then the one-piece snapshot.
pub async fn bootstrap_index(token: &str) -> Result<Option<BootstrapIndex>, SyncError> {
    let res = authorised(Request::get("/api/v1/sync/bootstrap"), token)
        .send()
        .await
        .map_err(|_| SyncError::Offline)?;
    if res.status() == 404 {
        return Ok(None);
    }
    let index: BootstrapIndex = read(Ok(res)).await?;
    Ok((index.format == bootstrap::FORMAT).then_some(index))
}

/// One page of a generation, or `Ok(None)` when the server no longer keeps that generation
/// (it made two newer ones meanwhile): read the index again.
pub async fn bootstrap_page(
    token: &str,
    index: &BootstrapIndex,
    page: usize,
) -> Result<Option<Vec<LeanRecord>>, SyncError> {
    let res = authorised(Request::get(&index.page_path(page)), token)
        .send()
        .await
        .map_err(|_| SyncError::Offline)?;
    if !res.ok() {
        return match refusal(res).await {
            SyncError::Refused(refusal) if refusal.error == ErrorCode::BootstrapGone => Ok(None),
            e => Err(e),
        };
    }
    // A body cut short is a link that dropped: the page is fetched again.
    let body = res.text().await.map_err(|_| SyncError::Offline)?;
    bootstrap::decode_page(&body)
        .map(Some)
        .map_err(SyncError::BadAnswer)
}

/// A page of the change log: its records parsed one by one, so that a record of a kind
/// this release does not know is kept as received instead of failing the page.
pub struct PulledPage {
    pub cursor: Cursor,
    pub records: Vec<Pulled>,
    pub has_more: bool,
    pub reset: bool,
}

#[derive(serde::Deserialize)]
struct RawPull<'a> {
    cursor: Cursor,
    #[serde(borrow)]
    records: Vec<&'a serde_json::value::RawValue>,
    has_more: bool,
    #[serde(default)]
    reset: bool,
}

pub async fn pull(token: &str, cursor: &Cursor) -> Result<PulledPage, SyncError> {
    let url = format!(
        "/api/v1/sync/pull?cursor={}",
        js_sys::encode_uri_component(&cursor.0)
    );
    let res = authorised(Request::get(&url), token)
        .send()
        .await
        .map_err(|_| SyncError::Offline)?;
    if !res.ok() {
        return Err(refusal(res).await);
    }
    let body = res.text().await.map_err(|_| SyncError::Offline)?;
    let raw: RawPull =
        serde_json::from_str(&body).map_err(|e| SyncError::BadAnswer(e.to_string()))?;
    let records = raw
        .records
        .iter()
        .map(|r| Pulled::parse(r.get()))
        .collect::<Result<_, _>>()?;
    Ok(PulledPage {
        cursor: raw.cursor,
        records,
        has_more: raw.has_more,
        reset: raw.reset,
    })
}

/// Pushes `mutations`, saying where this device's copy stands (`cursor`): a server whose
/// history does not hold it answers `ServerReset`, storing nothing.
pub async fn push(
    token: &str,
    device: DeviceId,
    cursor: Option<&Cursor>,
    mutations: &[Mutation],
) -> Result<PushResponse, SyncError> {
    let body = PushRequest {
        device,
        mutations: mutations.to_vec(),
    };
    let url = match cursor {
        Some(c) => format!(
            "/api/v1/sync/push?cursor={}",
            js_sys::encode_uri_component(&c.0)
        ),
        None => "/api/v1/sync/push".to_owned(),
    };
    let req = authorised(Request::post(&url), token)
        .json(&body)
        .map_err(|e| SyncError::BadAnswer(e.to_string()))?;
    let res = req.send().await;
    // Every mutation applied: the answer is only its headers.
    if let (Ok(r), Some(all)) = (&res, PushResponse::applied_all(&body)) {
        if r.status() == 204 {
            return Ok(all);
        }
    }
    read(res).await
}

/// The key that seals the signed-in person's changes files on `device`.
pub async fn seal_key(token: &str, device: DeviceId) -> Result<SealKey, SyncError> {
    let req = authorised(Request::post("/api/v1/sync/seal-key"), token)
        .json(&SealKeyRequest { device })
        .map_err(|e| SyncError::BadAnswer(e.to_string()))?;
    read(req.send().await).await
}

/// Hands a changes file to the server (administrators): what it took in.
pub async fn take_in_changes(token: &str, file: String) -> Result<TakenIn, SyncError> {
    let req = authorised(Request::post("/api/v1/sync/changes-file"), token)
        .header("Content-Type", "application/json")
        .body(file)
        .map_err(|e| SyncError::BadAnswer(e.to_string()))?;
    read(req.send().await).await
}
