//! What an operator watches in the store: whether the database answers with every
//! migration applied, how the mutations pushed turned out, how many devices push, and how
//! busy the connection pool is (read by `ops` for `/readyz` and `/metrics`).

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use super::Store;
use crate::Error;

/// Mutations pushed since the process started, by outcome (counted once committed).
#[derive(Debug, Default)]
pub struct MutationCounts {
    applied: AtomicU64,
    unchanged: AtomicU64,
    /// By rejection code.
    rejected: Mutex<BTreeMap<String, u64>>,
}

impl MutationCounts {
    pub(super) fn add(&self, applied: u64, unchanged: u64, rejected: &[&str]) {
        self.applied.fetch_add(applied, Ordering::Relaxed);
        self.unchanged.fetch_add(unchanged, Ordering::Relaxed);
        if !rejected.is_empty() {
            let mut by_code = self.rejected.lock().expect("rejection counts");
            for code in rejected {
                *by_code.entry((*code).to_owned()).or_default() += 1;
            }
        }
    }

    /// (applied, unchanged, rejected by code).
    pub fn read(&self) -> (u64, u64, BTreeMap<String, u64>) {
        (
            self.applied.load(Ordering::Relaxed),
            self.unchanged.load(Ordering::Relaxed),
            self.rejected.lock().expect("rejection counts").clone(),
        )
    }
}

/// The connection pool's state: connections open, idle, and the most it opens.
pub struct PoolState {
    pub open: u32,
    pub idle: usize,
    pub max: u32,
}

impl Store {
    /// Why the store cannot serve now (the database does not answer, or a migration this
    /// build has is not applied), or nothing when it can.
    pub async fn ready(&self) -> Result<(), String> {
        let applied: Vec<i64> = sqlx::query_scalar(
            "SELECT version FROM _sqlx_migrations WHERE success ORDER BY version",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(|e| format!("the database does not answer: {e}"))?;
        let missing: Vec<String> = self
            .backend
            .migrator()
            .iter()
            .filter(|m| !applied.contains(&m.version))
            .map(|m| format!("{} {}", m.version, m.description))
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(format!("migrations not applied: {}", missing.join(", ")))
        }
    }

    /// How the mutations pushed since the process started turned out.
    pub fn mutation_counts(&self) -> &MutationCounts {
        &self.mutations
    }

    /// Devices whose last push was at or after `since_ms` (epoch milliseconds).
    pub async fn devices_active_since(&self, since_ms: i64) -> Result<u64, Error> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM devices WHERE last_seen >= $1")
            .bind(since_ms)
            .fetch_one(&self.pool)
            .await?;
        Ok(n as u64)
    }

    /// The readers' pool (the writer has its one connection of its own).
    pub fn pool_state(&self) -> PoolState {
        PoolState {
            open: self.pool.size(),
            idle: self.pool.num_idle(),
            max: self.pool.options().get_max_connections(),
        }
    }
}
