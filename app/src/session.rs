//! Signing in and out on this browser. The session lives in IndexedDB (`db`), the calls
//! go through `sync::accounts`; this module ties them together and keeps the other tabs
//! and the sync status informed. Nothing local is lost either way: records and the outbox
//! stay, and changes wait for their author.

use leptos::prelude::Set;
use uuid::Uuid;

use crate::catalogue::Catalogue;
use crate::db::{OutboxEntry, OutboxStatus};
use crate::sync::{self, accounts, tabs, SyncError};

/// Changes on this browser that another person made and did not send.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    pub author: Uuid,
    pub name: String,
    pub count: usize,
}

/// The unsent changes of people other than `me`, per author, oldest author first.
pub fn held(outbox: &[OutboxEntry], me: Uuid) -> Vec<Held> {
    let mut out: Vec<Held> = Vec::new();
    for e in outbox
        .iter()
        .filter(|e| e.status == OutboxStatus::Pending && !e.sendable_by(me))
    {
        let Some(author) = e.by else { continue };
        match out.iter_mut().find(|h| h.author == author) {
            Some(h) => h.count += 1,
            None => out.push(Held {
                author,
                name: e.by_name.clone().unwrap_or_else(|| "another person".into()),
                count: 1,
            }),
        }
    }
    out
}

/// Signs in and keeps the session. Returns the changes of others that wait on this
/// browser (not sent under the new person's name), so the person can be told.
pub async fn sign_in(cat: &Catalogue, email: &str, password: &str) -> Result<Vec<Held>, SyncError> {
    let session = accounts::sign_in(email, password).await?;
    let me = session.user.id;
    let stored = cat.db.save_session(&session).await?;
    sync::language::follow(&session.user);
    cat.session.set(Some(stored));
    tabs::announce_change();
    let outbox = cat.db.outbox().await?;
    sync::refresh(cat).await;
    sync::soon();
    Ok(held(&outbox, me))
}

/// What to tell a person who signed in while others' changes wait.
pub fn held_notice(held: &[Held]) -> Option<String> {
    let first = held.first()?;
    let count: usize = held.iter().map(|h| h.count).sum();
    Some(crate::i18n::tf(
        crate::i18n::msg::HELD_ON_SIGN_IN,
        &[("count", count.into()), ("who", first.name.as_str().into())],
    ))
}

/// Signs out on this browser: tells the server when it can be reached and forgets the
/// session here. Records and unsent changes stay on the device.
pub async fn sign_out(cat: &Catalogue) {
    if let Some(token) = cat.token() {
        // Offline, the server cannot be told; the token is forgotten here all the same and
        // expires there by itself.
        let _ = accounts::sign_out(&token).await;
    }
    forget(cat).await;
}

/// Ends every session of this person (needs the server), then this one.
pub async fn sign_out_everywhere(cat: &Catalogue) -> Result<(), SyncError> {
    let token = cat.token().ok_or(SyncError::SignedOut)?;
    accounts::sign_out_everywhere(&token).await?;
    forget(cat).await;
    Ok(())
}

async fn forget(cat: &Catalogue) {
    if let Err(e) = cat.db.forget_session().await {
        web_sys::console::error_1(&format!("could not forget the session: {e}").into());
    }
    cat.session.set(None);
    tabs::announce_change();
    sync::refresh(cat).await;
}
