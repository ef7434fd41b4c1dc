//! Devices: whose each device is (the account that first pushed under it), how many one
//! account may have, and each device's mutation counter.

use std::collections::HashMap;
use std::sync::Arc;

use tradewinds_shared::api::ErrorCode;
use tradewinds_shared::i18n::{problem::key, Problem};
use tradewinds_shared::sync::DeviceId;

use super::Store;
use crate::Error;

/// At most this many devices belong to one account. A device is a browser profile, and
/// a new one is taken after a server restore or when people take turns on one browser:
/// a person reaches a few dozen in years. The bound stops one account from filling the
/// devices table.
pub const MAX_DEVICES_PER_ACCOUNT: i64 = 500;

/// Checks that `account` may push under `device`, claiming the device for it if nobody
/// has yet. `Ok(Err(..))` is the refusal to answer (nothing is written for that push); the
/// answer never says anything about the device's counter.
pub(super) async fn claim_device(
    tx: &mut crate::db::Conn,
    owners: &mut HashMap<DeviceId, Option<Arc<str>>>,
    claimed: &mut HashMap<Arc<str>, i64>,
    device: DeviceId,
    account: &Arc<str>,
) -> Result<Result<(), Error>, Error> {
    match owners.get(&device) {
        Some(Some(owner)) if owner == account => return Ok(Ok(())),
        Some(Some(_)) => {
            return Ok(Err(Error::Denied {
                code: ErrorCode::DeviceNotYours,
                message: Problem::new(key::DEVICE_NOT_YOURS),
            }))
        }
        // Known, but only from before accounts: the first account to use it takes it.
        Some(None) => {}
        None => {
            let has: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM devices WHERE account = $1")
                .bind(&**account)
                .fetch_one(&mut *tx)
                .await?;
            let this_turn = claimed.entry(account.clone()).or_insert(0);
            if has + *this_turn >= MAX_DEVICES_PER_ACCOUNT {
                return Ok(Err(Error::Denied {
                    code: ErrorCode::TooManyDevices,
                    message: Problem::new(key::TOO_MANY_DEVICES)
                        .with("max", MAX_DEVICES_PER_ACCOUNT),
                }));
            }
            *this_turn += 1;
        }
    }
    owners.insert(device, Some(account.clone()));
    Ok(Ok(()))
}

impl Store {
    /// Whose `device` is: `None` if no push has named it yet, `Some(None)` if it pushed only
    /// before accounts, else the account's id.
    pub async fn device_owner(&self, device: DeviceId) -> Result<Option<Option<String>>, Error> {
        Ok(
            sqlx::query_scalar("SELECT account FROM devices WHERE id = $1")
                .bind(device.to_string())
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// The next mutation number the server expects from the device, minus one.
    pub async fn last_mutation(&self, device: DeviceId) -> Result<u64, Error> {
        let last: Option<i64> =
            sqlx::query_scalar("SELECT last_mutation FROM devices WHERE id = $1")
                .bind(device.to_string())
                .fetch_optional(&self.pool)
                .await?;
        Ok(last.unwrap_or(0) as u64)
    }
}
