//! Throttling of password checks (signing in, changing one's password). Every attempt is
//! counted *before* its password is verified, in one exclusive transaction (`db::begin_exclusive`), per
//! account and per client address when that is known (`client`); an attempt that finds a
//! key waiting is refused (429 with `Retry-After`) without being verified or counted. So
//! however many attempts arrive at once, no more are verified than the free allowance:
//! reading the count before the slow hash and writing it after let 40 concurrent guesses
//! through where 5 were allowed. The arithmetic (free attempts, a doubling wait, failures
//! forgotten over time) is `backoff`. Counts are in the database, one row per key; rows
//! are deleted once they no longer matter.

pub mod backoff;
pub mod client;

use std::net::IpAddr;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crate::db::{self, Conn, Exclusive, Pool, Transaction};
use ipnet::Ipv6Net;
use tokio::sync::Mutex;
use tradewinds_shared::accounts::normalise_email;

use backoff::{Count, Decision, Limit};
pub use client::{ClientAddr, TrustedProxies};

use crate::store::now_ms;
use crate::Error;

/// The throttle a server runs with: whose forwarding headers it believes, its clock, and
/// the turn its counting takes.
#[derive(Clone, Default)]
pub struct Throttle {
    proxies: TrustedProxies,
    clock: Clock,
    /// One counting transaction at a time in this process. SQLite would serialise them
    /// anyway, but a burst would first take every pooled connection (8) and wait in SQLite's
    /// busy handler, which sleeps up to 100 ms between tries, while pulls starve.
    turn: Arc<Mutex<()>>,
}

/// The throttle's time. Tests stop it, so that a burst of requests lands in one instant
/// whatever the machine's speed, and move it on instead of sleeping through a wait.
#[derive(Clone, Default)]
enum Clock {
    #[default]
    System,
    Stopped(Arc<AtomicI64>),
}

impl Clock {
    fn now(&self) -> i64 {
        match self {
            Clock::System => now_ms(),
            Clock::Stopped(at) => at.load(Ordering::SeqCst),
        }
    }
}

impl Throttle {
    pub fn new(proxies: TrustedProxies) -> Throttle {
        Throttle {
            proxies,
            ..Throttle::default()
        }
    }

    pub fn proxies(&self) -> &TrustedProxies {
        &self.proxies
    }

    /// For tests: the clock stops at the current time and moves only by `advance`.
    pub fn stopped_clock(self) -> Throttle {
        Throttle {
            clock: Clock::Stopped(Arc::new(AtomicI64::new(now_ms()))),
            ..self
        }
    }

    /// For tests: moves a stopped clock on (a running clock is left alone).
    pub fn advance(&self, by: Duration) {
        if let Clock::Stopped(at) = &self.clock {
            at.fetch_add(by.as_millis() as i64, Ordering::SeqCst);
        }
    }

    /// Counts a password check for `email`'s account from `client` (when known) before the
    /// password is verified, or refuses it with `Error::TooManyAttempts` while a key waits.
    /// The attempt counts as a failure unless `Attempt::succeeded` is called.
    pub async fn count(
        &self,
        pool: &Pool,
        email: &str,
        client: Option<IpAddr>,
    ) -> Result<Attempt, Error> {
        let keys: Vec<(String, Limit)> = std::iter::once((account_key(email), backoff::ACCOUNT))
            .chain(client.map(|ip| (address_key(ip), backoff::ADDRESS)))
            .collect();
        // Under attack most attempts are refused: they are answered from a plain read,
        // without queueing for the turn or taking the database's write lock. (A wait ends
        // early only by a success, so a stale read at worst refuses one attempt too many.)
        let mut read = pool.acquire().await?;
        if let Decision::Wait(ms) =
            decide(&keys, &stored(&mut read, &keys).await?, self.clock.now())
        {
            return Err(Error::TooManyAttempts(backoff::retry_after_secs(ms)));
        }
        drop(read);
        let _turn = self.turn.lock().await;
        let now = self.clock.now();
        // IMMEDIATE: the write lock from the first read, so no other counting (in another
        // process, too) comes between reading a key and writing it.
        let mut tx = db::begin_exclusive(pool, Exclusive::Throttle).await?;
        let before = stored(&mut tx, &keys).await?;
        let after = match decide(&keys, &before, now) {
            Decision::Wait(ms) => {
                tx.rollback().await?;
                return Err(Error::TooManyAttempts(backoff::retry_after_secs(ms)));
            }
            Decision::Count(after) => after,
        };
        for ((key, limit), count) in keys.iter().zip(&after) {
            sqlx::query(
                "INSERT INTO throttle (key, failures, last_at, wait_until, expires) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO UPDATE SET \
                 failures = excluded.failures, last_at = excluded.last_at, \
                 wait_until = excluded.wait_until, expires = excluded.expires",
            )
            .bind(key)
            .bind(count.failures)
            .bind(count.last_at)
            .bind(count.wait_until)
            .bind(limit.expires(count))
            .execute(&mut *tx)
            .await?;
        }
        // What keeps the table small: keys nobody has tried for a while go.
        sqlx::query("DELETE FROM throttle WHERE expires <= $1")
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        let mut counted =
            keys.into_iter()
                .zip(before)
                .zip(after)
                .map(|(((key, limit), before), after)| Counted {
                    key,
                    limit,
                    before,
                    after,
                });
        let account = counted.next().expect("the account's key comes first").key;
        Ok(Attempt {
            turn: self.turn.clone(),
            account,
            address: counted.next(),
        })
    }
}

/// An attempt counted by `Throttle::count`; it stays a failure unless it succeeded.
#[must_use = "an attempt is a failure until `succeeded` says otherwise"]
pub struct Attempt {
    turn: Arc<Mutex<()>>,
    account: String,
    address: Option<Counted>,
}

/// A key's count before and after the attempt.
struct Counted {
    key: String,
    limit: Limit,
    /// `None`: the key had no row.
    before: Option<Count>,
    after: Count,
}

impl Attempt {
    /// The password was right: the account's failures start again, and the address's
    /// count is as if this attempt had not been made (a success from an address is no
    /// sign of guessing, but does not wipe out the guesses made from it either).
    pub async fn succeeded(self, pool: &Pool) -> Result<(), Error> {
        let _turn = self.turn.lock().await;
        let mut tx = db::begin_exclusive(pool, Exclusive::Throttle).await?;
        sqlx::query("DELETE FROM throttle WHERE key = $1")
            .bind(&self.account)
            .execute(&mut *tx)
            .await?;
        if let Some(address) = &self.address {
            address.undo(&mut tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

impl Counted {
    /// Puts the count back as it was before the attempt, if nothing was counted since;
    /// otherwise takes the one failure off (the waits that came between stay).
    async fn undo(&self, tx: &mut Transaction<'_>) -> Result<(), Error> {
        let now_as_after = |from: usize| {
            format!(
                "key = ${from} AND failures = ${} AND last_at = ${} AND wait_until = ${}",
                from + 1,
                from + 2,
                from + 3
            )
        };
        let restored = match &self.before {
            None => {
                sqlx::query(&format!("DELETE FROM throttle WHERE {}", now_as_after(1)))
                    .bind(&self.key)
                    .bind(self.after.failures)
                    .bind(self.after.last_at)
                    .bind(self.after.wait_until)
                    .execute(&mut **tx)
                    .await?
            }
            Some(before) => {
                sqlx::query(&format!(
                    "UPDATE throttle SET failures = $1, last_at = $2, wait_until = $3, \
                     expires = $4 WHERE {}",
                    now_as_after(5)
                ))
                .bind(before.failures)
                .bind(before.last_at)
                .bind(before.wait_until)
                .bind(self.limit.expires(before))
                .bind(&self.key)
                .bind(self.after.failures)
                .bind(self.after.last_at)
                .bind(self.after.wait_until)
                .execute(&mut **tx)
                .await?
            }
        };
        if restored.rows_affected() == 0 {
            sqlx::query("UPDATE throttle SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END WHERE key = $1")
                .bind(&self.key)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }
}

/// The stored counts of these keys (`None`: no row).
async fn stored(db: &mut Conn, keys: &[(String, Limit)]) -> Result<Vec<Option<Count>>, Error> {
    let mut counts = Vec::with_capacity(keys.len());
    for (key, _) in keys {
        let row: Option<(i64, i64, i64)> =
            sqlx::query_as("SELECT failures, last_at, wait_until FROM throttle WHERE key = $1")
                .bind(key)
                .fetch_optional(&mut *db)
                .await?;
        counts.push(row.map(|(failures, last_at, wait_until)| Count {
            failures,
            last_at,
            wait_until,
        }));
    }
    Ok(counts)
}

/// `backoff::decide` over keys and their stored counts.
fn decide(keys: &[(String, Limit)], counts: &[Option<Count>], now: i64) -> Decision {
    let keys: Vec<(Limit, Count)> = keys
        .iter()
        .zip(counts)
        .map(|((_, limit), count)| (*limit, count.unwrap_or_default()))
        .collect();
    backoff::decide(&keys, now)
}

/// An account's key: its email as accounts are looked up, for any email tried, so that
/// being throttled or not does not tell which accounts exist. Cut at 254 bytes (the longest
/// an account's email can be), so a huge made-up email does not make a huge row.
fn account_key(email: &str) -> String {
    let email = normalise_email(email);
    let mut end = email.len().min(254);
    while !email.is_char_boundary(end) {
        end -= 1;
    }
    format!("account:{}", &email[..end])
}

/// An address's key. IPv6 by its /64: that is what one subscriber gets, and with a key
/// per address one machine could take a fresh allowance for each of its 2^64.
fn address_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => format!("address:{v4}"),
        IpAddr::V6(v6) => {
            let net = Ipv6Net::new(v6, 64).expect("64 is a valid prefix").trunc();
            format!("address:{net}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_the_account_and_the_subscriber() {
        assert_eq!(
            account_key(" Someone@Example.ORG "),
            "account:someone@example.org"
        );
        assert_eq!(account_key(&"é".repeat(300)).len(), "account:".len() + 254);
        assert_eq!(
            address_key("203.0.113.7".parse().unwrap()),
            "address:203.0.113.7"
        );
        assert_eq!(
            address_key("2001:db8:1:2:aaaa::1".parse().unwrap()),
            "address:2001:db8:1:2::/64"
        );
    }
}
