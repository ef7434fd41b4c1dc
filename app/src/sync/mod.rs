//! Sync with the server, by itself: at start-up, when the browser comes online, when the
//! page becomes visible, shortly after each local write, and on an interval that backs off
//! with jitter while the server cannot be reached. The only module that talks HTTP.
//!
//! One round: bootstrap from a snapshot if the catalogue has no cursor; push the outbox
//! (oldest first, in batches); pull changes after the cursor until `has_more` is false;
//! then ask who the signed-in person is now (role or organisation may have changed).
//!
//! Every call carries the session's token. Without one, or once the server refuses it,
//! nothing is sent: the outbox waits until the person signs in again. Outbox entries are
//! sent only under their author's session; another person's unsent changes hold the queue
//! until that person signs in or they are discarded (Sync page).

pub mod accounts;
mod client;
pub mod files;
pub mod language;
mod status;
pub mod tabs;

use std::cell::RefCell;
use std::time::Duration;

use futures::channel::mpsc::{unbounded, UnboundedSender};
use futures::future::{select, Either};
use futures::StreamExt;
use gloo_timers::future::sleep;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{closure::Closure, JsCast};

use crate::catalogue::Catalogue;
use crate::db::{OutboxEntry, OutboxStatus, RawSnapshot};
pub use client::{take_in_changes, SyncError};
pub use status::{Phase, SyncStatus};
use tradewinds_shared::sync::DeviceId;

/// How often to look for news when all is well.
const POLL_EVERY: Duration = Duration::from_secs(30);
/// Longest wait between attempts while the server is unreachable.
const MAX_BACKOFF: Duration = Duration::from_secs(300);
/// Mutations per push request.
const PUSH_BATCH: usize = 200;

thread_local! {
    static KICK: RefCell<Option<UnboundedSender<()>>> = const { RefCell::new(None) };
}

/// Asks for a sync round soon (after a local write, a button, an event).
pub fn soon() {
    KICK.with(|k| {
        if let Some(tx) = k.borrow().as_ref() {
            let _ = tx.unbounded_send(());
        }
    });
}

/// Starts the sync loop for the app's lifetime.
pub fn start(cat: Catalogue) {
    let (tx, mut rx) = unbounded::<()>();
    KICK.with(|k| *k.borrow_mut() = Some(tx));
    listen_for_wakeups();
    {
        let cat = cat.clone();
        tabs::listen(move || {
            cat.changed();
            let cat = cat.clone();
            spawn_local(async move {
                reload_session(&cat).await;
                refresh_status(&cat, None).await;
            });
        });
    }
    spawn_local(async move {
        // What the device holds, at once: the start page draws what reads the catalogue
        // once the status knows data has come (`pages::home`).
        refresh_status(&cat, None).await;
        let mut failures: u32 = 0;
        loop {
            cat.status.update(|s| s.phase = Phase::Syncing);
            let outcome = tabs::exclusively(round(&cat)).await;
            let wait = match &outcome {
                Ok(()) => {
                    failures = 0;
                    tell_page("tradewinds-synced");
                    // The records are on the server: the files they name can follow.
                    files::send_waiting(&cat);
                    POLL_EVERY
                }
                // Nothing to retry until someone signs in (which asks for a round).
                Err(SyncError::SignedOut) => POLL_EVERY,
                Err(_) => {
                    failures += 1;
                    backoff(failures)
                }
            };
            refresh_status(&cat, outcome.err()).await;
            let kicked = select(Box::pin(rx.next()), Box::pin(sleep(wait))).await;
            if let Either::Left((None, _)) = kicked {
                return;
            }
            // Let a burst of writes settle into one round.
            sleep(Duration::from_millis(250)).await;
            while let Ok(()) = rx.try_recv() {}
        }
    });
}

/// Tells the page's script (`boot.js`) something happened: after a first sync on a slow
/// link, it installs the service worker, whose precache waited so as not to compete with
/// the catalogue for the link.
fn tell_page(name: &str) {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(name)) {
        let _ = window.dispatch_event(&event);
    }
}

fn backoff(failures: u32) -> Duration {
    let base = Duration::from_secs(2).saturating_mul(1 << failures.min(8));
    let capped = base.min(MAX_BACKOFF);
    let jitter = js_sys::Math::random() * 0.5 + 0.75;
    capped.mul_f64(jitter)
}

/// One sync round. Errors leave everything stored as it was; the next round retries.
pub async fn round(cat: &Catalogue) -> Result<(), SyncError> {
    // Another tab may have signed in or out since this one last looked.
    reload_session(cat).await;
    let (Some(token), Some(user)) = (cat.token(), cat.user()) else {
        return Err(SyncError::SignedOut);
    };
    // The browser knows it has no network: send nothing (the `online` event starts a round).
    if !browser_online() {
        return Err(SyncError::Offline);
    }
    // First, before a first sync that may take long on a slow link: a device whose link
    // then fails for good can still carry its changes on a file.
    keep_seal_key(cat, &token, user.id).await;
    let mut changed = false;
    let result = round_inner(cat, &token, user.id, &mut changed).await;
    let result = match result {
        Ok(()) => refresh_user(cat, &token).await,
        Err(e) => Err(e),
    };
    if let Err(SyncError::SignedOut) = result {
        // Keep the person and their outbox; send nothing until they sign in again.
        let _ = cat.db.forget_seal().await;
        if let Ok(Some(now)) = cat.db.end_session(&token).await {
            cat.session.set(Some(now));
            tabs::announce_change();
        }
    }
    if changed {
        cat.changed();
        tabs::announce_change();
    }
    result
}

/// Takes the server's current view of the person (an administrator may have changed
/// their role or organisation).
async fn refresh_user(cat: &Catalogue, token: &str) -> Result<(), SyncError> {
    let user = accounts::current_user(token).await?;
    if let Err(e) = language::tell(token, &user).await {
        web_sys::console::warn_1(&format!("the account's language is not set yet: {e}").into());
    }
    if cat.user().as_ref() != Some(&user) {
        if let Some(now) = cat.db.update_user(&user).await? {
            cat.session.set(Some(now));
            tabs::announce_change();
        }
    }
    Ok(())
}

/// Asks for the key that seals this person's changes files on this device, once per
/// device and person (`pages::carried`): a device that later has no link can still carry
/// its changes to the server on a file. Not having it yet stops nothing else; the next
/// round asks again.
async fn keep_seal_key(cat: &Catalogue, token: &str, user: uuid::Uuid) {
    let (Ok(device), Ok(kept)) = (cat.db.device_id().await, cat.db.seal().await) else {
        return;
    };
    if kept.is_some_and(|k| k.account == user && k.device == device) {
        return;
    }
    let kept = match client::seal_key(token, device).await {
        Ok(key) => cat.db.keep_seal(user, key).await.map_err(SyncError::from),
        Err(e) => Err(e),
    };
    if let Err(e) = kept {
        web_sys::console::warn_1(&format!("no key for changes files yet: {e}").into());
    }
}

/// Re-reads the stored session (another tab or the service worker may have changed it).
pub async fn reload_session(cat: &Catalogue) {
    if let Ok(stored) = cat.db.session().await {
        if cat.session.with_untracked(|s| s != &stored) {
            cat.session.set(stored);
        }
    }
}

/// The pending entries that `user` may send now: the oldest ones, up to the first made by
/// someone else (the server needs them in order, without gaps).
pub fn sendable(outbox: &[OutboxEntry], user: uuid::Uuid) -> Vec<&OutboxEntry> {
    outbox
        .iter()
        .filter(|e| e.status == OutboxStatus::Pending)
        .take_while(|e| e.sendable_by(user))
        .collect()
}

async fn round_inner(
    cat: &Catalogue,
    token: &str,
    me: uuid::Uuid,
    changed: &mut bool,
) -> Result<(), SyncError> {
    let db = &cat.db;
    let mut device = db.device_id().await?;
    if db.cursor().await?.is_none() {
        if evicted(device) {
            cat.notice.set(Some(
                "This browser cleared the data Tradewinds kept on this device (browsers do this when space runs low). \
                 The catalogue is being loaded again from the server; changes that had not been synced before could not be kept. \
                 On the About page you can ask the browser to keep the data."
                    .into(),
            ));
        }
        bootstrap(cat, token).await?;
        remember_device(device);
        // There is data worth keeping now: ask the browser not to evict it.
        spawn_local(async {
            crate::components::pwa::request_persistence().await;
        });
        *changed = true;
    }
    // A fresh random device is never someone else's: one new device per round at most.
    let first_device = device;
    // A reset answer is followed by one reload per round, never a loop.
    let mut reloaded = false;
    loop {
        let outbox = db.outbox().await?;
        let pending: Vec<_> = sendable(&outbox, me)
            .into_iter()
            .take(PUSH_BATCH)
            .map(|e| e.mutation())
            .collect::<Result<_, _>>()?;
        if pending.is_empty() {
            break;
        }
        let cursor = db.cursor().await?;
        let answer = match client::push(token, device, cursor.as_ref(), &pending).await {
            Err(SyncError::ServerReset) if !reloaded => {
                // The server was restored or replaced: its snapshot replaces the local
                // copy, and the waiting changes are fitted to it (`Db::load_snapshot`)
                // before they are sent.
                reload(cat, token).await?;
                reloaded = true;
                *changed = true;
                continue;
            }
            // The server lost changes it had accepted from this device (restored from a
            // backup), or the device id is another account's (someone else signed in on
            // this browser and synced first). Either way the waiting changes were never
            // accepted under this device: they go on, numbered afresh, under a new one that
            // becomes this person's, on top of the server's snapshot (which fits their
            // contexts to it). A new random device is never taken: this happens once.
            Err(SyncError::ServerForgot | SyncError::DeviceTaken) if device == first_device => {
                device = db.renumber_as_new_device().await?;
                remember_device(device);
                reload(cat, token).await?;
                *changed = true;
                continue;
            }
            other => other?,
        };
        db.acknowledge(answer.last_applied, &answer.rejections)
            .await?;
        *changed = true;
        if !answer.rejections.is_empty() {
            // The local copy still shows the refused values: take the server's again.
            db.forget_cursor().await?;
            reload(cat, token).await?;
            *changed = true;
        }
        if answer.last_applied < pending.last().map_or(0, |m| m.n) {
            break;
        }
    }
    loop {
        let Some(cursor) = db.cursor().await? else {
            break;
        };
        let page = client::pull(token, &cursor).await?;
        if page.reset {
            // Another server (restored or replaced): start again from its snapshot,
            // keeping the outbox, which is applied again on top.
            reload(cat, token).await?;
            *changed = true;
            break;
        }
        db.apply_pull(&page.records, &page.cursor).await?;
        if !page.records.is_empty() {
            *changed = true;
        }
        if !page.has_more {
            break;
        }
    }
    Ok(())
}

/// Fills the catalogue from the server's bootstrap pages (`db::bootstrap`), continuing a
/// generation under way after a cut link or a closed tab, and saying in the status how far
/// it has come and about how long is left. A server without pages gets the one-piece
/// snapshot (`reload`).
async fn bootstrap(cat: &Catalogue, token: &str) -> Result<(), SyncError> {
    let db = &cat.db;
    let saved = db.bootstrap_progress().await?;
    let Some(current) = client::bootstrap_index(token).await? else {
        return reload(cat, token).await;
    };
    let (mut index, mut next) = match saved {
        Some(saved) => saved,
        None => {
            db.begin_bootstrap(&current).await?;
            (current, 0)
        }
    };
    let status = cat.status;
    let result = async {
        let started = js_sys::Date::now();
        let mut received: u64 = 0;
        let mut shown = started;
        let mut restarted = false;
        'generation: while next < index.pages.len() {
            // Two pages asked for at a time: the link carries the next while one is being
            // stored, and no round trip between pages leaves it idle.
            let offered = index.clone();
            let pages = futures::stream::iter(next..index.pages.len())
                .map(|page| {
                    let offered = offered.clone();
                    async move { client::bootstrap_page(token, &offered, page).await }
                })
                .buffered(2);
            futures::pin_mut!(pages);
            loop {
                let stored: usize = index.pages[..next].iter().map(|p| p.records as usize).sum();
                let left = (received > 0).then(|| {
                    let pace = received as f64 / (js_sys::Date::now() - started).max(1.0);
                    let rest: u64 = index.pages[next..].iter().map(|p| p.bytes).sum();
                    (rest as f64 / pace / 1000.0).round() as u32
                });
                status.update(|s| {
                    s.loading = Some((stored, Some(index.records as usize)));
                    s.loading_left = left;
                });
                let Some(page) = pages.next().await else {
                    break 'generation;
                };
                let Some(records) = page? else {
                    break;
                };
                db.store_bootstrap_page(next, records).await?;
                received += index.pages[next].bytes;
                next += 1;
                // What has arrived can be read; lists are read again now and then, not
                // after every page.
                if js_sys::Date::now() - shown > 2000.0 {
                    shown = js_sys::Date::now();
                    cat.changed();
                }
            }
            // The server made two newer generations meanwhile and dropped this one: start
            // on its current one (the records stored stay until it is done).
            if restarted {
                return Err(SyncError::BadAnswer(
                    "the server dropped the catalogue download it had just offered".into(),
                ));
            }
            let Some(fresh) = client::bootstrap_index(token).await? else {
                return reload(cat, token).await;
            };
            db.begin_bootstrap(&fresh).await?;
            (index, next) = (fresh, 0);
            restarted = true;
        }
        db.finish_bootstrap().await?;
        Ok(())
    }
    .await;
    status.update(|s| {
        s.loading = None;
        s.loading_left = None;
    });
    result
}

/// Downloads the server's snapshot, saying in the status how far it has come, and replaces
/// the local copy with it (the waiting changes on top, `Db::load_snapshot`).
async fn reload(cat: &Catalogue, token: &str) -> Result<(), SyncError> {
    let status = cat.status;
    let body = client::snapshot(token, &|got, total| {
        status.update(|s| s.loading = Some((got, total)))
    })
    .await;
    status.update(|s| s.loading = None);
    cat.db.load_snapshot(parse_snapshot(&body?)?).await?;
    Ok(())
}

fn parse_snapshot(body: &str) -> Result<RawSnapshot<'_>, SyncError> {
    RawSnapshot::parse(body).map_err(|e| SyncError::BadAnswer(e.to_string()))
}

const DEVICE_MARK: &str = "tradewinds-device";

/// True when this browser had synced as another device before: its IndexedDB was cleared
/// (evicted or wiped) while the small localStorage mark survived.
fn evicted(device: DeviceId) -> bool {
    let stored = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(DEVICE_MARK).ok().flatten());
    stored.is_some_and(|s| s != device.to_string())
}

fn remember_device(device: DeviceId) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(DEVICE_MARK, &device.to_string());
    }
}

async fn refresh_status(cat: &Catalogue, error: Option<SyncError>) {
    let outbox = cat.db.outbox().await.unwrap_or_default();
    let last_sync = cat.db.last_sync().await.ok().flatten();
    let pending: Vec<_> = outbox
        .iter()
        .filter(|e| e.status == OutboxStatus::Pending)
        .collect();
    let me = cat.user().map(|u| u.id);
    let held: Vec<_> = pending
        .iter()
        .filter(|e| me.is_some_and(|me| !e.sendable_by(me)))
        .collect();
    let signed_out = cat.token().is_none() || matches!(error, Some(SyncError::SignedOut));
    cat.status.set(SyncStatus {
        waiting: pending.len(),
        oldest_waiting: pending.iter().map(|e| e.at).min(),
        held: held.len(),
        held_by: held.first().and_then(|e| e.by_name.clone()),
        rejected: outbox.len() - pending.len(),
        last_sync,
        // A download under way goes on being shown (`reload` and `bootstrap` clear it when
        // done).
        loading: cat.status.with_untracked(|s| s.loading),
        loading_left: cat.status.with_untracked(|s| s.loading_left),
        phase: match error {
            _ if signed_out => Phase::SignedOut,
            None => Phase::Idle,
            Some(SyncError::Offline) => Phase::Offline,
            Some(e) => Phase::Failed(e.to_string()),
        },
    });
}

/// Discards the unsent changes `author` left on this browser (another person is signed
/// in), then syncs: the rest continues as a new device.
pub async fn discard_held(cat: &Catalogue, author: uuid::Uuid) -> Result<usize, SyncError> {
    let discarded = cat.db.discard_pending_by(author).await?;
    // A new device id, chosen here: not a sign of an evicted store.
    remember_device(cat.db.device_id().await?);
    local_write(cat).await;
    Ok(discarded)
}

/// Updates the status now (after signing in or out, or discarding changes).
pub async fn refresh(cat: &Catalogue) {
    refresh_status(cat, None).await;
}

/// Updates the status after a local write, without waiting for the next round.
pub async fn local_write(cat: &Catalogue) {
    cat.changed();
    tabs::announce_change();
    if !browser_online() || cat.status.get_untracked().phase == Phase::Offline {
        crate::components::pwa::request_background_sync();
    }
    let phase = cat.status.get_untracked().phase;
    let error = match phase {
        Phase::Offline => Some(SyncError::Offline),
        Phase::SignedOut => Some(SyncError::SignedOut),
        _ => None,
    };
    refresh_status(cat, error).await;
    soon();
}

/// False only when the browser knows it has no network (`navigator.onLine`); true does not
/// mean the server can be reached.
pub(crate) fn browser_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

fn listen_for_wakeups() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_online = Closure::<dyn FnMut()>::new(soon);
    let _ = window.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
    on_online.forget();
    if let Some(document) = window.document() {
        let doc = document.clone();
        let on_visible = Closure::<dyn FnMut()>::new(move || {
            if doc.visibility_state() == web_sys::VisibilityState::Visible {
                soon();
            }
        });
        let _ = document.add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
        on_visible.forget();
    }
}
