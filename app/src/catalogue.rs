//! The app-wide context: the open database, a data version that every list and page reads
//! (bumped whenever records change, locally or by sync), the sync status, and the session:
//! who is signed in, which the pages ask what they may show (`use_actor`).

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use std::sync::Arc;
use tradewinds_shared::access::Actor;
use tradewinds_shared::accounts::User;
use tradewinds_shared::sync::RecordState;
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::db::{Db, StoredSession};
use crate::loaded::Loaded;
use crate::sync::SyncStatus;

#[derive(Clone)]
pub struct Catalogue {
    pub db: Db,
    pub version: RwSignal<u64>,
    pub status: RwSignal<SyncStatus>,
    /// Something the person must know that is not tied to one page.
    pub notice: RwSignal<Option<String>>,
    /// The session kept on this browser (`None`: nobody signed in; a session without a
    /// token: the server ended it, work continues locally).
    pub session: RwSignal<Option<StoredSession>>,
}

impl Catalogue {
    pub fn new(db: Db, session: Option<StoredSession>) -> Self {
        Catalogue {
            db,
            version: RwSignal::new(0),
            status: RwSignal::new(SyncStatus::default()),
            notice: RwSignal::new(None),
            session: RwSignal::new(session),
        }
    }

    /// The signed-in person (also while their session has expired).
    pub fn user(&self) -> Option<User> {
        self.session
            .with_untracked(|s| s.as_ref().map(|s| s.user.clone()))
    }

    /// The bearer token, while the server accepts it.
    pub fn token(&self) -> Option<String> {
        self.session
            .with_untracked(|s| s.as_ref().and_then(|s| s.token.clone()))
    }

    /// Tells every page that records changed.
    pub fn changed(&self) {
        self.version.update(|v| *v += 1);
    }
}

pub fn use_catalogue() -> Catalogue {
    expect_context::<Catalogue>()
}

/// The signed-in person, tracked.
pub fn use_user() -> Signal<Option<User>> {
    let session = use_catalogue().session;
    Signal::derive(move || session.with(|s| s.as_ref().map(|s| s.user.clone())))
}

/// What the signed-in person may do, tracked: pages show New, Edit and Delete only where
/// it allows (the server decides anyway).
pub fn use_actor() -> Signal<Option<Actor>> {
    let session = use_catalogue().session;
    Signal::derive(move || session.with(|s| s.as_ref().map(|s| s.user.actor())))
}

/// The organisation of someone who edits for their own office only (an office editor): the
/// lists they follow up open on it, and what they add is their office's. None for
/// coordinators, administrators and viewers.
pub fn own_office(actor: Signal<Option<Actor>>) -> Option<Uuid> {
    actor.with_untracked(|a| {
        a.as_ref()
            .filter(|a| !a.edits_everything())
            .and_then(|a| a.organisation)
    })
}

/// Whether the signed-in person passes `test`, tracked (`false` with nobody signed in).
pub fn allowed(test: impl Fn(&Actor) -> bool + Send + Sync + 'static) -> Signal<bool> {
    let actor = use_actor();
    Signal::derive(move || actor.with(|a| a.as_ref().is_some_and(&test)))
}

/// A record read as its typed form, with its id.
#[derive(Clone, Debug, PartialEq)]
pub struct Typed<T> {
    pub id: Uuid,
    pub record: T,
    pub conflicts: usize,
}

pub fn typed<T: DeserializeOwned + Serialize + Default>(states: Vec<RecordState>) -> Vec<Typed<T>> {
    states
        .into_iter()
        .filter_map(|s| {
            let conflicts = s.conflicts().count();
            s.typed::<T>().ok().map(|record| Typed {
                id: s.id,
                record,
                conflicts,
            })
        })
        .collect()
}

/// All live records of a kind as their typed form, re-read whenever data changes (an
/// identical answer changes nothing: `Loaded`). Shared,
/// not copied, by each read of the answer (a list reads it at every keystroke).
pub fn records_of<T>(kind: RecordKind) -> Loaded<Result<Arc<Vec<Typed<T>>>, String>>
where
    T: DeserializeOwned + Serialize + Default + Clone + PartialEq + 'static,
{
    let cat = use_catalogue();
    Loaded::new(move || {
        let db = cat.db.clone();
        cat.version.track();
        async move {
            db.records(kind)
                .await
                .map(|states| Arc::new(typed::<T>(states)))
                .map_err(|e| e.to_string())
        }
    })
}

/// How many live records of a kind there are, re-counted whenever data changes.
pub fn count_of(kind: RecordKind) -> Loaded<Result<usize, String>> {
    let cat = use_catalogue();
    Loaded::new(move || {
        let db = cat.db.clone();
        cat.version.track();
        async move { db.count(kind).await.map_err(|e| e.to_string()) }
    })
}

/// One record, re-read whenever data changes. `Ok(None)`: no such (live) record.
pub fn record_of(
    kind: RecordKind,
    id: impl Fn() -> Option<Uuid> + 'static,
) -> Loaded<Result<Option<RecordState>, String>> {
    let cat = use_catalogue();
    Loaded::new(move || {
        let db = cat.db.clone();
        cat.version.track();
        let id = id();
        async move {
            let Some(id) = id else { return Ok(None) };
            db.record(kind, id)
                .await
                .map(|r| r.filter(|r| !r.is_deleted()))
                .map_err(|e| e.to_string())
        }
    })
}
