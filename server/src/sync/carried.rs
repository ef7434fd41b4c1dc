//! Sync carried on a file (`tradewinds_shared::sync::carried`): `POST /api/v1/sync/seal-key`
//! hands a signed-in device the key that seals its person's changes files, and
//! `POST /api/v1/sync/changes-file` (administrators) or `tradewinds import-changes FILE`
//! takes a file in through the ordinary push (`take_in`).
//!
//! A file is a claim to check, not a fact: its seal must be the one this server derives for
//! the account and device the file names, of the account's current key generation (signing
//! out everywhere withdraws the earlier keys); the account must exist and be enabled; its
//! changes are checked with the account's rights as they are now; the device must be that
//! account's (or nobody's yet); and a file made against another copy of the catalogue (a
//! restored server) is refused before anything is stored.

use axum::{extract::State, Json};
use tradewinds_shared::api::ErrorCode;
use tradewinds_shared::i18n::{problem::key, Problem};
use tradewinds_shared::sync::carried::{self, to_hex, SealKey, SealKeyRequest, TakenIn};
use tradewinds_shared::sync::protocol::MAX_PUSH_MUTATIONS;
use tradewinds_shared::sync::Cursor;

use crate::accounts::{users, Author, Signed};
use crate::extract::ApiJson;
use crate::store::CursorPlace;
use crate::{AppState, Error, Store};

/// The largest changes file taken in over HTTP: months of one office's edits.
pub const MAX_CHANGES_FILE_BYTES: usize = 16 * 1024 * 1024;

/// `POST /api/v1/sync/seal-key`: the key for the signed-in account on `device`, unless the
/// device is the server's own or already another account's.
pub async fn seal_key(
    State(app): State<AppState>,
    signed: Signed,
    ApiJson(req): ApiJson<SealKeyRequest>,
) -> Result<Json<SealKey>, Error> {
    if req.device == app.store.server_device() {
        return Err(Error::Unprocessable {
            code: ErrorCode::ReservedDevice,
            message: Problem::new(key::FILE_SERVER_DEVICE),
        });
    }
    let account = signed.user.id.to_string();
    if let Some(Some(owner)) = app.store.device_owner(req.device).await? {
        if owner != account {
            return Err(not_yours());
        }
    }
    let generation = users::seal_generation(app.store.pool(), signed.user.id).await?;
    Ok(Json(SealKey {
        device: req.device,
        key: to_hex(&app.store.seal_key(signed.user.id, req.device, generation)),
    }))
}

/// `POST /api/v1/sync/changes-file` (administrators): the file as the body.
pub async fn changes_file(
    State(app): State<AppState>,
    signed: Signed,
    body: axum::body::Bytes,
) -> Result<Json<TakenIn>, Error> {
    signed.admin()?;
    let text = std::str::from_utf8(&body).map_err(|_| invalid(Problem::new(key::FILE_NOT_TEXT)))?;
    let mut taken = take_in(&app.store, text).await?;
    for r in &mut taken.rejections {
        r.word(crate::i18n::words());
    }
    tracing::info!(
        by = %signed.user.id,
        account = %taken.account,
        device = %taken.device,
        applied = taken.applied,
        already = taken.already,
        rejected = taken.rejections.len(),
        "took in a changes file"
    );
    Ok(Json(taken))
}

/// Checks a changes file and pushes its changes as its device would have. Taking the same
/// file in twice, or after the device synced online, changes nothing the second time.
pub async fn take_in(store: &Store, text: &str) -> Result<TakenIn, Error> {
    let sealed = carried::read(text).map_err(|e| invalid(e.problem()))?;
    let (account, device) = (sealed.carried.account, sealed.carried.device);
    let name = sealed.carried.name.clone();
    let generation = users::seal_generation(store.pool(), account).await?;
    let genuine = sealed.is_sealed_with(&store.seal_key(account, device, generation));
    // Sealed on its device with a key since withdrawn (one of an earlier generation).
    let withdrawn = !genuine
        && (0..generation).any(|g| sealed.is_sealed_with(&store.seal_key(account, device, g)));
    if !genuine && !withdrawn {
        return Err(Error::Unprocessable {
            code: ErrorCode::ChangesFileAltered,
            message: Problem::new(key::FILE_ALTERED),
        });
    }
    let file = sealed.carried;
    let user = users::get(store.pool(), account)
        .await?
        .filter(|u| !u.disabled)
        .ok_or_else(|| Error::Denied {
            code: ErrorCode::AccountDisabled,
            message: Problem::new(key::FILE_ACCOUNT_DISABLED).with("name", name.as_str()),
        })?;
    if withdrawn {
        return Err(Error::Unprocessable {
            code: ErrorCode::SealKeyWithdrawn,
            message: Problem::new(key::FILE_KEY_WITHDRAWN).with("name", name.as_str()),
        });
    }
    if device == store.server_device() {
        return Err(invalid(Problem::new(key::FILE_SERVERS_DEVICE)));
    }
    if let Some(Some(owner)) = store.device_owner(device).await? {
        if owner != account.to_string() {
            return Err(not_yours());
        }
    }
    if let Some(cursor) = &file.cursor {
        if store.place(&Cursor(cursor.clone()), None).await? == CursorPlace::Foreign {
            return Err(Error::Conflict {
                code: ErrorCode::CursorReset,
                message: Problem::new(key::FILE_FOREIGN_COPY),
            });
        }
    }
    check_numbers(&file.mutations)?;
    let before = store.last_mutation(device).await?;
    let author = Author {
        actor: Some(user.actor()),
        name: Some(user.display().to_owned()),
    };
    let mut rejections = Vec::new();
    // Only what the server has not had yet is pushed; a push is at most so many changes.
    let fresh: Vec<_> = file
        .mutations
        .iter()
        .filter(|m| m.n > before)
        .cloned()
        .collect();
    if let Some(first) = fresh.first().filter(|m| m.n > before + 1) {
        return Err(Error::Conflict {
            code: ErrorCode::MutationGap,
            message: Problem::new(key::FILE_GAP)
                .with("first", first.n.to_string())
                .with("before", before.to_string()),
        });
    }
    for chunk in fresh.chunks(MAX_PUSH_MUTATIONS) {
        let answer = store.push(device, chunk.to_vec(), &author).await?;
        rejections.extend(answer.rejections);
    }
    let already = file.mutations.len() - fresh.len();
    Ok(TakenIn {
        device,
        account,
        name: user.display().to_owned(),
        made: file.made,
        changes: file.mutations.len(),
        applied: fresh.len() - rejections.len(),
        already,
        rejections,
    })
}

/// The changes must be numbered 1, 2, 3… without gaps, as pushes are: a file with a gap
/// before the server's counter would be refused halfway.
fn check_numbers(mutations: &[tradewinds_shared::sync::Mutation]) -> Result<(), Error> {
    if mutations.first().is_some_and(|m| m.n == 0) {
        return Err(invalid(Problem::new(key::FILE_NUMBERED_FROM_ZERO)));
    }
    if let Some(w) = mutations.windows(2).find(|w| w[1].n != w[0].n + 1) {
        return Err(invalid(
            Problem::new(key::FILE_GAP_INSIDE)
                .with("first", w[0].n.to_string())
                .with("next", w[1].n.to_string()),
        ));
    }
    Ok(())
}

fn invalid(why: Problem) -> Error {
    Error::Unprocessable {
        code: ErrorCode::InvalidChangesFile,
        message: why,
    }
}

fn not_yours() -> Error {
    Error::Denied {
        code: ErrorCode::DeviceNotYours,
        message: Problem::new(key::FILE_DEVICE_NOT_YOURS),
    }
}
