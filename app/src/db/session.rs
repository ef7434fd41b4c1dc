//! The signed-in session kept in `meta` (read by the service worker too): saved at sign-in,
//! its token forgotten when the server ends it, the person's details refreshed.

use tradewinds_shared::sync::carried::SealKey;

use super::rows::{from_js, to_js, StoredSeal};
use super::*;

impl Db {
    /// The session kept on this browser, signed in or expired; `None`: nobody signed in.
    pub async fn session(&self) -> Result<Option<StoredSession>, DbError> {
        let tx = self.rexie.transaction(&[META], TransactionMode::ReadOnly)?;
        session_in(&tx.store(META)?).await
    }

    /// Keeps a new session (after signing in), replacing any other.
    pub async fn save_session(&self, session: &Session) -> Result<StoredSession, DbError> {
        let stored = StoredSession::from(session.clone());
        self.put_meta(META_SESSION, to_js(&stored)?).await?;
        Ok(stored)
    }

    /// Forgets the key that seals changes files (the session it went with has ended): the
    /// next sync after signing in asks for the signed-in person's. (A sign-in does not
    /// forget it: whoever could sign in over a live session already held that session.)
    pub async fn forget_seal(&self) -> Result<(), DbError> {
        self.put_meta(META_SEAL, JsValue::NULL).await
    }

    /// The server refused `token`: keep the person, forget the token. Does nothing if
    /// another session (another tab signed in meanwhile) has replaced it. Returns the
    /// session as now stored.
    pub async fn end_session(&self, token: &str) -> Result<Option<StoredSession>, DbError> {
        self.change_session(|s| {
            if s.token.as_deref() == Some(token) {
                s.token = None;
            }
        })
        .await
    }

    /// The server's current view of the signed-in person (role or organisation changed).
    pub async fn update_user(&self, user: &User) -> Result<Option<StoredSession>, DbError> {
        self.change_session(|s| {
            if s.user.id == user.id {
                s.user = user.clone();
            }
        })
        .await
    }

    /// The key that seals the changes files of the person signed in on this browser.
    pub async fn seal(&self) -> Result<Option<StoredSeal>, DbError> {
        let tx = self.rexie.transaction(&[META], TransactionMode::ReadOnly)?;
        let v = tx.store(META)?.get(META_SEAL.into()).await?;
        v.filter(|v| v.is_object()).map(from_js).transpose()
    }

    /// Keeps the key that seals `account`'s changes files on this device, if they are still
    /// the one signed in (checked in the same transaction).
    pub async fn keep_seal(&self, account: uuid::Uuid, key: SealKey) -> Result<(), DbError> {
        let tx = self
            .rexie
            .transaction(&[META], TransactionMode::ReadWrite)?;
        let meta = tx.store(META)?;
        if session_in(&meta)
            .await?
            .is_some_and(|s| s.signed_in() && s.user.id == account)
        {
            let seal = StoredSeal {
                account,
                device: key.device,
                key: key.key,
            };
            meta.put(&to_js(&seal)?, Some(&META_SEAL.into())).await?;
        }
        tx.done().await?;
        Ok(())
    }

    async fn change_session(
        &self,
        change: impl FnOnce(&mut StoredSession),
    ) -> Result<Option<StoredSession>, DbError> {
        let tx = self
            .rexie
            .transaction(&[META], TransactionMode::ReadWrite)?;
        let meta = tx.store(META)?;
        let Some(mut session) = session_in(&meta).await? else {
            tx.done().await?;
            return Ok(None);
        };
        change(&mut session);
        meta.put(&to_js(&session)?, Some(&META_SESSION.into()))
            .await?;
        tx.done().await?;
        Ok(Some(session))
    }

    /// Signs out on this browser: forgets the session. Records and the outbox stay.
    pub async fn forget_session(&self) -> Result<(), DbError> {
        let tx = self
            .rexie
            .transaction(&[META], TransactionMode::ReadWrite)?;
        tx.store(META)?.delete(META_SESSION.into()).await?;
        tx.done().await?;
        // The key that seals the person's changes files is theirs: it goes with them.
        self.forget_seal().await
    }
}

/// The session row as `meta`, a store of a transaction under way, holds it.
async fn session_in(meta: &rexie::Store) -> Result<Option<StoredSession>, DbError> {
    let v = meta.get(META_SESSION.into()).await?;
    v.filter(|v| v.is_object()).map(from_js).transpose()
}
