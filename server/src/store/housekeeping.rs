//! Housekeeping: what keeps the database's files and tables from growing without bound —
//! WAL checkpoints in the background, and the bound on the rejections kept per device.
//! (Documents' files, outside the database, are swept by `files::collect`: an hourly pass
//! that `serve` starts.)

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Weak;

use crate::db::Pool;
use tradewinds_shared::sync::protocol::MAX_PUSH_MUTATIONS;

use crate::Error;

/// Copies the WAL into the database file about once a second while there are commits, so
/// that no writer pays for a checkpoint inside its commit. Passive: it never blocks readers
/// or writers. Ends when the store is dropped or its pool closed.
pub(super) async fn checkpoints(pool: Pool, commits: Weak<AtomicU64>) {
    let mut done = 0;
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        let Some(count) = commits.upgrade().map(|c| c.load(Ordering::Relaxed)) else {
            return;
        };
        if count == done {
            continue;
        }
        if pool.is_closed() {
            return;
        }
        match sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .execute(&pool)
            .await
        {
            Ok(_) => done = count,
            Err(_) if pool.is_closed() => return,
            Err(e) => tracing::warn!(error = %e, "WAL checkpoint failed; retrying"),
        }
    }
}

/// Rejections kept per device (its latest mutation numbers): at least a push's length, so
/// that a retried push always gets the same answer.
const KEPT_REJECTIONS: i64 = MAX_PUSH_MUTATIONS as i64;

/// Drops a device's rejections of mutations at or below `done - KEPT_REJECTIONS` (`done`:
/// its last processed mutation). A retried push is answered from these rows; one never reaches
/// further back than a push's length, so older ones are dropped: the rows one device can
/// leave are bounded.
pub(super) async fn forget_old_rejections(
    tx: &mut crate::db::Conn,
    device: &str,
    done: u64,
) -> Result<(), Error> {
    sqlx::query("DELETE FROM rejections WHERE device = $1 AND mutation <= $2")
        .bind(device)
        .bind(done as i64 - KEPT_REJECTIONS)
        .execute(&mut *tx)
        .await?;
    Ok(())
}
