//! The outbox: this device's mutations waiting for the server, acknowledged or refused as
//! its answers come, and moved to a new device id when the server cannot take them under
//! this one (renumbered in one transaction, their contexts renamed).

use std::collections::BTreeMap;

use super::rows::{from_js, to_js};
use super::*;

impl Db {
    /// The server will never accept this device's waiting mutations under its id: it lost
    /// mutations it had acknowledged (restored from a backup), or the id is another
    /// account's (someone else synced from this browser first). The pending mutations are
    /// renumbered from 1 under a new device id, their contexts naming each other's new
    /// numbers (`Mutation::move_device`), and the cursor is forgotten, all in one
    /// transaction. The next snapshot loaded fits their contexts to the server's records,
    /// then they are pushed.
    pub async fn renumber_as_new_device(&self) -> Result<DeviceId, DbError> {
        self.renumber_keeping(|_| true, true).await
    }

    /// Discards the changes made on this browser by `author` that were never sent (another
    /// person signed in and chose not to send them under their own name). The rest is
    /// renumbered as a new device, as after a server restore, so that the numbering the
    /// server sees stays gapless. Returns how many were discarded.
    pub async fn discard_pending_by(&self, author: Uuid) -> Result<usize, DbError> {
        let before = self.outbox().await?.len();
        self.renumber_keeping(
            |e| e.status != OutboxStatus::Pending || e.by != Some(author),
            true,
        )
        .await?;
        Ok(before - self.outbox().await?.len())
    }

    /// Renumbers the kept pending entries from 1 under a new device id, in one
    /// transaction; entries `keep` refuses are dropped. With `forget_cursor` the next
    /// sync starts from a snapshot.
    async fn renumber_keeping(
        &self,
        keep: impl Fn(&OutboxEntry) -> bool,
        forget_cursor: bool,
    ) -> Result<DeviceId, DbError> {
        let tx = self
            .rexie
            .transaction(&[OUTBOX, META], TransactionMode::ReadWrite)?;
        let outbox = tx.store(OUTBOX)?;
        let meta = tx.store(META)?;
        let old_device = read_device(&meta).await?;
        let device = new_id();
        let entries: Vec<OutboxEntry> = outbox
            .get_all(None, None)
            .await?
            .into_iter()
            .map(from_js)
            .collect::<Result<_, _>>()?;
        outbox.clear().await?;
        let pending = |e: &&OutboxEntry| e.status == OutboxStatus::Pending;
        let first_unsent = entries.iter().find(pending).map_or(u64::MAX, |e| e.n);
        let renumbered: BTreeMap<u64, u64> = entries
            .iter()
            .filter(|e| keep(e))
            .filter(pending)
            .zip(1..)
            .map(|(e, n)| (e.n, n))
            .collect();
        for mut entry in entries.into_iter().filter(|e| keep(e)) {
            if let Some(&n) = renumbered.get(&entry.n).filter(|_| pending(&&entry)) {
                // Contexts naming this person's unsent edits name them as they are now.
                entry = entry.renumbered(n, |m| {
                    if let Some(old) = old_device {
                        m.move_device(old, device, &renumbered, first_unsent);
                    }
                })?;
            } else if entry.n < PARKED {
                // Refused entries are only shown, never pushed: park them above any number
                // the new device will reach, so that they keep their place in the list.
                entry.n += PARKED;
            }
            outbox.put(&to_js(&entry)?, None).await?;
        }
        meta.put(
            &JsValue::from(device.to_string()),
            Some(&META_DEVICE.into()),
        )
        .await?;
        meta.put(
            &JsValue::from((renumbered.len() + 1) as f64),
            Some(&META_NEXT_N.into()),
        )
        .await?;
        if forget_cursor {
            meta.delete(META_CURSOR.into()).await?;
        }
        tx.done().await?;
        Ok(device)
    }

    /// Every outbox entry, oldest first.
    pub async fn outbox(&self) -> Result<Vec<OutboxEntry>, DbError> {
        let tx = self
            .rexie
            .transaction(&[OUTBOX], TransactionMode::ReadOnly)?;
        let rows = tx.store(OUTBOX)?.get_all(None, None).await?;
        rows.into_iter().map(from_js).collect()
    }

    /// Records the server's answer to a push: acknowledged mutations leave the outbox,
    /// rejected ones stay, marked, for the person to see.
    pub async fn acknowledge(
        &self,
        last_applied: u64,
        rejections: &[Rejection],
    ) -> Result<(), DbError> {
        let tx = self
            .rexie
            .transaction(&[OUTBOX], TransactionMode::ReadWrite)?;
        let outbox = tx.store(OUTBOX)?;
        let rows = outbox.get_all(None, None).await?;
        for row in rows {
            let mut entry: OutboxEntry = from_js(row)?;
            if entry.n > last_applied || entry.status == OutboxStatus::Rejected {
                continue;
            }
            match rejections.iter().find(|r| r.n == entry.n) {
                Some(r) => {
                    entry.status = OutboxStatus::Rejected;
                    entry.rejection =
                        Some(serde_json::to_value(r).map_err(|e| DbError::Encode(e.to_string()))?);
                    outbox.put(&to_js(&entry)?, None).await?;
                }
                None => outbox.delete(JsValue::from(entry.n as f64)).await?,
            }
        }
        tx.done().await?;
        Ok(())
    }

    /// Removes a rejected entry the person has dealt with.
    pub async fn dismiss(&self, n: u64) -> Result<(), DbError> {
        let tx = self
            .rexie
            .transaction(&[OUTBOX], TransactionMode::ReadWrite)?;
        tx.store(OUTBOX)?.delete(JsValue::from(n as f64)).await?;
        tx.done().await?;
        Ok(())
    }
}

/// The outbox entries still to be sent, oldest first, each with its mutation.
pub(super) async fn pending_entries(outbox: &rexie::Store) -> Result<Vec<PendingEntry>, DbError> {
    let rows = outbox.get_all(None, None).await?;
    let mut out = Vec::new();
    for row in rows {
        let entry: OutboxEntry = from_js(row)?;
        if entry.status == OutboxStatus::Pending {
            let m = entry.mutation()?;
            out.push((entry, m));
        }
    }
    Ok(out)
}

/// A waiting outbox entry and its mutation.
pub(super) type PendingEntry = (OutboxEntry, Mutation);
