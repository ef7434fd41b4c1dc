//! The records cache: records as committed, kept parsed by the writer between its turns,
//! so that a push does not read and parse again the records the previous pushes wrote.
//!
//! Invariant: every entry is exactly the committed state of its record (its `seq`
//! included) as of `Store::committed`, the end of the change log when this store's last
//! turn committed. It holds because writing turns never interleave (within a process
//! `Store::write`, the mutex that holds the cache; across processes the change log's lock,
//! `db::lock`, taken by each turn before it reads), and:
//!
//! - a turn moves a record out of the cache before changing it (in place, among the
//!   transaction's own records: `Store::write_pushes`), so a kept entry is never changed;
//! - entries are added only after the transaction that wrote or read them has committed;
//! - the whole cache is dropped when a transaction fails (its outcome is then unknown);
//! - dropping entries is always safe (`Written::make_room`);
//! - each turn, under the change log's lock, checks that the log ends at `committed`; if
//!   another process wrote since (another instance on PostgreSQL, `tradewinds
//!   import-changes`), the records its changes name are dropped (`forget_changed_since`:
//!   the change log says which), or the whole cache when they are many.
//!
//! Separately, `follow_other_writers` moves the store's end (`Store::end`, which answers
//! up-to-date pulls from memory) forward to what other processes commit: at once on
//! PostgreSQL, where each turn announces its end (`NOTIFY`), and every two seconds anyway.
//!
//! Each entry also carries its record's key (`records.rid`, which the change log refers
//! to): rows of `records` are never deleted (a deleted record is a tombstone), so a key never
//! changes once committed; a new record's key is `MAX(rid) + 1` read inside the writing
//! transaction, right only under the change log's lock.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Weak;
use std::time::Duration;

use tradewinds_shared::sync::RecordState;
use uuid::Uuid;

use super::sql::{digest_at, last_seq};

/// The records the writer keeps between its turns (see the module's invariant).
#[derive(Default)]
pub(super) struct Written {
    pub(super) records: HashMap<Uuid, Kept>,
}

/// A record and its key in the records table (`records.rid`, which the change log refers
/// to). A record's key never changes once committed (records are never deleted: a deleted
/// record is a tombstone).
pub(super) struct Kept {
    pub(super) rid: i64,
    pub(super) state: RecordState,
}

/// At most this many records are kept parsed (twice the demo region's catalogue); past it
/// a quarter of them are dropped (see `Written::make_room`).
const CACHED_RECORDS: usize = 20_000;

/// Past this many changes by others, the whole cache is dropped rather than looked up.
const FORGET_ALL_PAST: i64 = 5_000;

impl Written {
    /// Drops the records changed after `after` up to `end` (changes another process
    /// committed since this store's last turn), read from the change log within the
    /// turn's transaction; all of them when there are many.
    pub(super) async fn forget_changed_since(
        &mut self,
        tx: &mut crate::db::Conn,
        after: i64,
        end: i64,
    ) -> Result<(), crate::Error> {
        if self.records.is_empty() {
            return Ok(());
        }
        if end - after > FORGET_ALL_PAST || end < after {
            tracing::info!(
                "the database was written by another process; dropping the records cache"
            );
            self.records.clear();
            return Ok(());
        }
        let ids: Vec<String> =
            sqlx::query_scalar("SELECT id FROM changes WHERE seq > $1 AND seq <= $2")
                .bind(after)
                .bind(end)
                .fetch_all(&mut *tx)
                .await?;
        for id in ids {
            if let Ok(id) = Uuid::parse_str(&id) {
                self.records.remove(&id);
            }
        }
        Ok(())
    }

    /// Drops kept records so that `incoming` more fit under `CACHED_RECORDS`: down to three
    /// quarters of it, whichever come first in the map's (hash) order, so that most of
    /// those kept stay. (Emptying the whole cache instead made every push after it read
    /// and parse its records again: with more records in use than the cap, that happened
    /// again and again.)
    pub(super) fn make_room(&mut self, incoming: usize) {
        if self.records.len() + incoming <= CACHED_RECORDS {
            return;
        }
        let keep = (CACHED_RECORDS * 3 / 4).saturating_sub(incoming);
        let mut excess = self.records.len().saturating_sub(keep);
        self.records.retain(|_, _| {
            if excess > 0 {
                excess -= 1;
                false
            } else {
                true
            }
        });
    }
}

/// What the follower keeps in step (`follow_other_writers`): where the store believes the
/// change log ends, and that end's digest.
pub(super) struct Followed {
    pub(super) pool: crate::db::Pool,
    /// The database's URL (on PostgreSQL, the follower listens for turns' notices).
    pub(super) url: String,
    pub(super) end: Weak<AtomicU64>,
    pub(super) end_digest: Weak<std::sync::RwLock<(u64, Option<String>)>>,
}

/// How often a store looks for changes another process wrote (`follow_other_writers`).
pub(super) const FOLLOW_EVERY: Duration = Duration::from_secs(2);

/// The PostgreSQL channel on which each writing turn announces the end of the log.
pub(super) const CHANNEL: &str = "tradewinds_log";

/// Moves the store's end forward to changes other processes commit, so that an up-to-date
/// pull (answered from the end without the database) brings them: on PostgreSQL as soon as
/// a turn's notice arrives (`CHANNEL`), and on both every `FOLLOW_EVERY`. The end only
/// moves forward. Ends when the store is dropped or its pool closed.
pub(super) async fn follow_other_writers(f: Followed) {
    let mut listener = None;
    loop {
        if crate::db::backend(&f.pool) == crate::db::Backend::Postgres && listener.is_none() {
            listener = listen(&f.url).await;
        }
        match listener.as_mut() {
            Some(l) => {
                if let Ok(Err(e)) = tokio::time::timeout(FOLLOW_EVERY, l.recv()).await {
                    tracing::warn!(error = %e, "lost the change log's notices; listening again");
                    listener = None;
                    tokio::time::sleep(FOLLOW_EVERY).await;
                }
            }
            None => tokio::time::sleep(FOLLOW_EVERY).await,
        }
        let (Some(end), Some(end_digest)) = (f.end.upgrade(), f.end_digest.upgrade()) else {
            return;
        };
        if f.pool.is_closed() {
            return;
        }
        let moved = async {
            let seq = last_seq(&f.pool).await?;
            if seq as u64 <= end.load(Ordering::Acquire) {
                return Ok::<_, crate::Error>(false);
            }
            let digest = digest_at(&f.pool, seq).await?;
            Ok(advance(&end, &end_digest, seq as u64, digest))
        }
        .await;
        match moved {
            Ok(_) => {}
            Err(_) if f.pool.is_closed() => return,
            Err(e) => tracing::warn!(error = %e, "could not look for other writers; retrying"),
        }
    }
}

async fn listen(url: &str) -> Option<sqlx::postgres::PgListener> {
    let mut listener = match sqlx::postgres::PgListener::connect(url).await {
        Ok(l) => l,
        Err(e) => {
            tracing::warn!(error = %e, "cannot listen for the change log's notices; looking every two seconds");
            return None;
        }
    };
    match listener.listen(CHANNEL).await {
        Ok(()) => Some(listener),
        Err(e) => {
            tracing::warn!(error = %e, "cannot listen for the change log's notices; looking every two seconds");
            None
        }
    }
}

/// Moves the end to `seq` (with its digest) unless it is there or past it already:
/// whether it moved.
pub(super) fn advance(
    end: &AtomicU64,
    end_digest: &std::sync::RwLock<(u64, Option<String>)>,
    seq: u64,
    digest: Option<String>,
) -> bool {
    let mut kept = end_digest.write().expect("end digest");
    if kept.0 >= seq {
        return false;
    }
    *kept = (seq, digest);
    end.fetch_max(seq, Ordering::AcqRel);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use tradewinds_shared::RecordKind;

    /// Past the cap, the cache drops to three quarters of it (less what comes), not to
    /// nothing.
    #[test]
    fn making_room_drops_a_quarter() {
        let mut written = Written::default();
        for i in 0..CACHED_RECORDS {
            let id = Uuid::from_u128(i as u128 + 1);
            let state = RecordState::new(RecordKind::Organisation, id);
            written.records.insert(
                id,
                Kept {
                    rid: i as i64,
                    state,
                },
            );
        }
        written.make_room(0);
        assert_eq!(written.records.len(), CACHED_RECORDS);
        written.make_room(10);
        assert_eq!(written.records.len(), CACHED_RECORDS * 3 / 4 - 10);
    }
}
