//! The records cache: records as committed, kept parsed by the writer between its turns,
//! so that a push does not read and parse again the records the previous pushes wrote.
//!
//! Invariant: every entry is exactly the committed state of its record (its `seq`
//! included). It holds because this process is the only writer of the SQLite file (one
//! `Store` per database, its writes serialised by `Store::write`, the mutex that holds the
//! cache):
//!
//! - a turn moves a record out of the cache before changing it (in place, among the
//!   transaction's own records: `Store::write_pushes`), so a kept entry is never changed;
//! - entries are added only after the transaction that wrote or read them has committed;
//! - the whole cache is dropped when a transaction fails (its outcome is then unknown);
//! - dropping entries is always safe (`Written::make_room`);
//! - each turn checks that the change log ends where this store's last commit left it
//!   (`meta.seq` = `Store::end`), dropping the cache if anyone else wrote;
//! - every two seconds, between turns, `follow_other_writers` does the same, and moves the
//!   store's end to what another process wrote (`tradewinds import-changes` while the
//!   server runs), so that up-to-date pulls bring it.
//!
//! Each entry also carries its record's key (`records.rid`, which the change log refers
//! to): rows of `records` are never deleted (a deleted record is a tombstone), so a key never
//! changes once committed; a new record's key is `MAX(rid) + 1` read inside the writing
//! transaction, right only with one writer.
//!
//! It would not hold with several server processes on one database (the PostgreSQL plan):
//! see ARCHITECTURE.md.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Weak;
use std::time::Duration;

use tokio::sync::Mutex;
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

impl Written {
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

/// What the follower keeps in step (`follow_other_writers`): the store's writer lock and
/// cache, where it believes the change log ends, and that end's digest.
pub(super) struct Followed {
    pub(super) pool: crate::db::Pool,
    pub(super) write: Weak<Mutex<Written>>,
    pub(super) end: Weak<AtomicU64>,
    pub(super) end_digest: Weak<std::sync::RwLock<(u64, Option<String>)>>,
}

/// How often a store looks for changes another process wrote (`follow_other_writers`).
pub(super) const FOLLOW_EVERY: Duration = Duration::from_secs(2);

/// Notices, within `FOLLOW_EVERY`, changes another process wrote to the database (the
/// `import-changes` command while the server runs): under the writer's lock, so between
/// turns, a change log that ends past where this store's last commit left it drops the
/// cache and moves the store's end there, so that an up-to-date pull (answered from the
/// end without the database) brings them. The end only moves forward. Ends when the store
/// is dropped or its pool closed.
pub(super) async fn follow_other_writers(f: Followed) {
    loop {
        tokio::time::sleep(FOLLOW_EVERY).await;
        let (Some(write), Some(end), Some(end_digest)) =
            (f.write.upgrade(), f.end.upgrade(), f.end_digest.upgrade())
        else {
            return;
        };
        if f.pool.is_closed() {
            return;
        }
        let mut written = write.lock().await;
        let moved = async {
            let seq = last_seq(&f.pool).await?;
            if seq as u64 <= end.load(Ordering::Acquire) {
                return Ok::<_, crate::Error>(false);
            }
            let digest = digest_at(&f.pool, seq).await?;
            written.records.clear();
            *end_digest.write().expect("end digest") = (seq as u64, digest);
            end.store(seq as u64, Ordering::Release);
            Ok(true)
        }
        .await;
        match moved {
            Ok(true) => {
                tracing::info!("the database was written by another process; following it")
            }
            Ok(false) => {}
            Err(_) if f.pool.is_closed() => return,
            Err(e) => tracing::warn!(error = %e, "could not look for other writers; retrying"),
        }
    }
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
