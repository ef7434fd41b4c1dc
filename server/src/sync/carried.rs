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
            message: "This device id belongs to the server.".into(),
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
    let text = std::str::from_utf8(&body)
        .map_err(|_| invalid("it is not text (a changes file is UTF-8 JSON)".into()))?;
    let taken = take_in(&app.store, text).await?;
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
    let sealed = carried::read(text).map_err(|e| invalid(e.to_string()))?;
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
            message: "This file was changed after it was made, or it was made for another \
                      server: nothing was taken in. Save the changes to a file again on the \
                      device."
                .into(),
        });
    }
    let file = sealed.carried;
    let user = users::get(store.pool(), account)
        .await?
        .filter(|u| !u.disabled)
        .ok_or_else(|| Error::Denied {
            code: ErrorCode::AccountDisabled,
            message: format!(
                "This file's changes are by \"{}\", whose account is disabled or does not exist \
                 here: nothing was taken in.",
                name
            ),
        })?;
    if withdrawn {
        return Err(Error::Unprocessable {
            code: ErrorCode::SealKeyWithdrawn,
            message: format!(
                "This file was sealed on its device with a key withdrawn since (\"{name}\" \
                 signed out everywhere, or an administrator set their password): nothing was \
                 taken in. Its changes are still on the device and reach the server when it \
                 syncs online; or sign in on it again and save a new file."
            ),
        });
    }
    if device == store.server_device() {
        return Err(invalid("its device is the server's own".into()));
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
                message: "This file was made against a copy of the catalogue this server no \
                          longer holds (it was restored from a backup or replaced): nothing \
                          was taken in. The device's changes reach the server when it next \
                          syncs online."
                    .into(),
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
            message: format!(
                "This file's changes start at number {}, but the server has had only up to {} \
                 from this device: an earlier file (or sync) has not reached it. Take that one \
                 in first; nothing was taken in.",
                first.n, before
            ),
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
        return Err(invalid(
            "its changes are numbered from 0; they start at 1".into(),
        ));
    }
    if let Some(w) = mutations.windows(2).find(|w| w[1].n != w[0].n + 1) {
        return Err(invalid(format!(
            "its change {} is followed by {}; changes are numbered without gaps",
            w[0].n, w[1].n
        )));
    }
    Ok(())
}

fn invalid(why: String) -> Error {
    Error::Unprocessable {
        code: ErrorCode::InvalidChangesFile,
        message: format!("This changes file is not taken in: {why}"),
    }
}

fn not_yours() -> Error {
    Error::Denied {
        code: ErrorCode::DeviceNotYours,
        message: "This device id belongs to another account: its changes are taken only from \
                  the account that first sent under it."
            .into(),
    }
}
