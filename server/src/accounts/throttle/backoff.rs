//! The throttling arithmetic, without I/O: how many failures still count against a key,
//! whether an attempt must wait, and what counting it leaves behind.
//!
//! Progressive backoff instead of a lockout (as AWS Cognito does): a few attempts in a row
//! are free, then each failure doubles the wait before the next attempt is verified, from
//! 1 second up to 15 minutes. Someone who mistypes a few times waits a second or two; a
//! guesser who keeps going reaches the cap within 20 minutes and stays there: four
//! attempts an hour per account (96 a day), about twelve an hour per address (as many as
//! it forgets). Failures are forgotten one at a time (one per `Limit::forget_one_ms` since
//! the last counted attempt), so a key that has been quiet long enough starts free again.

/// How one kind of key is throttled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// Attempts in a row that need not wait: the `free`-th failure starts the first wait.
    pub free: i64,
    /// One failure is forgotten for every this many milliseconds since the key's last
    /// counted attempt.
    pub forget_one_ms: i64,
}

/// The wait after the `free`-th failure; each further failure doubles it.
pub const FIRST_WAIT_MS: i64 = 1000;
/// The longest wait (and so the slowest a guesser can be held to: 4 attempts an hour).
pub const MAX_WAIT_MS: i64 = 15 * 60 * 1000;

/// An account (sign-in and password change share it: the same password is guessed). Five
/// tries, then 1 s, 2 s, 4 s …; forgotten at one failure an hour, so someone who mistyped
/// five times is back to five free tries within five hours; a success clears them at once.
pub const ACCOUNT: Limit = Limit {
    free: 5,
    forget_one_ms: 60 * 60 * 1000,
};

/// A client address, over all the accounts tried from it: what holds back one machine
/// trying a few passwords on every account. Higher than an account's because an office
/// may reach the server from one address (a NAT); forgotten faster (one failure every five
/// minutes, 288 a day) because many people's mistypes add up there. A success from the
/// address does not count against it.
pub const ADDRESS: Limit = Limit {
    free: 30,
    forget_one_ms: 5 * 60 * 1000,
};
const _: () = assert!(
    ADDRESS.free > ACCOUNT.free,
    "an address is shared by people: it gets more tries than one account"
);

/// What is stored for a key (times in milliseconds since the epoch).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Count {
    /// Attempts counted and not yet forgotten or undone.
    pub failures: i64,
    /// When the last attempt was counted.
    pub last_at: i64,
    /// No attempt is verified before this time.
    pub wait_until: i64,
}

impl Limit {
    /// The wait after `failures` in a row: none before the `free`-th, then 1 s, doubling
    /// with each further failure up to `MAX_WAIT_MS`.
    pub fn wait_after(&self, failures: i64) -> i64 {
        if failures < self.free {
            return 0;
        }
        // 2^10 s is past the cap already; the bound keeps the shift in range.
        let doublings = (failures - self.free).min(20) as u32;
        (FIRST_WAIT_MS << doublings).min(MAX_WAIT_MS)
    }

    /// The failures still counting against a key at `now`.
    pub fn failures_at(&self, count: &Count, now: i64) -> i64 {
        let forgotten = (now - count.last_at).max(0) / self.forget_one_ms;
        (count.failures - forgotten).max(0)
    }

    /// The key after an attempt counted at `now` (one that did not have to wait).
    pub fn counted(&self, count: &Count, now: i64) -> Count {
        let failures = self.failures_at(count, now) + 1;
        Count {
            failures,
            last_at: now,
            wait_until: now + self.wait_after(failures),
        }
    }

    /// When a stored count no longer matters (its wait is over, its failures forgotten),
    /// so that its row can be deleted.
    pub fn expires(&self, count: &Count) -> i64 {
        count
            .wait_until
            .max(count.last_at + count.failures * self.forget_one_ms)
    }
}

/// What becomes of an attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Refused without verifying: a key is still waiting, this many milliseconds more (the
    /// longest of them). The attempt is not counted.
    Wait(i64),
    /// Verified, after counting it: each key's count with it.
    Count(Vec<Count>),
}

/// Whether an attempt at `now` against these keys (each with its limit and stored count) is
/// counted and verified, or must wait.
pub fn decide(keys: &[(Limit, Count)], now: i64) -> Decision {
    // Capped: after the clock was set back, a stored time could lie far ahead.
    let wait = keys
        .iter()
        .map(|(_, count)| (count.wait_until - now).min(MAX_WAIT_MS))
        .max()
        .unwrap_or(0);
    if wait > 0 {
        return Decision::Wait(wait);
    }
    Decision::Count(
        keys.iter()
            .map(|(limit, count)| limit.counted(count, now))
            .collect(),
    )
}

/// A wait as `Retry-After` seconds: rounded up, at least one.
pub fn retry_after_secs(wait_ms: i64) -> u64 {
    ((wait_ms + 999) / 1000).max(1) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECOND: i64 = 1000;
    const HOUR: i64 = 3600 * SECOND;

    #[test]
    fn five_free_attempts_then_the_wait_doubles_up_to_fifteen_minutes() {
        let waits: Vec<i64> = (1..=17).map(|f| ACCOUNT.wait_after(f) / SECOND).collect();
        assert_eq!(
            waits,
            [0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]
        );
        assert_eq!(ACCOUNT.wait_after(i64::MAX), MAX_WAIT_MS);
        assert_eq!(ADDRESS.wait_after(29), 0);
        assert_eq!(ADDRESS.wait_after(30), SECOND);
    }

    #[test]
    fn attempts_are_counted_until_a_wait_then_refused_uncounted() {
        let mut count = Count::default();
        let now = 1_000_000 * SECOND;
        for n in 1..=5 {
            match decide(&[(ACCOUNT, count)], now) {
                Decision::Count(after) => count = after[0],
                wait => panic!("attempt {n} refused: {wait:?}"),
            }
        }
        assert_eq!(count.failures, 5);
        assert_eq!(count.wait_until, now + SECOND);
        // A burst in the same instant: refused, and the count stays.
        assert_eq!(decide(&[(ACCOUNT, count)], now), Decision::Wait(SECOND));
        assert_eq!(decide(&[(ACCOUNT, count)], now + 400), Decision::Wait(600));
        // Once the wait is over the next attempt is counted, and the wait doubles.
        let Decision::Count(after) = decide(&[(ACCOUNT, count)], now + SECOND) else {
            panic!("refused after the wait");
        };
        assert_eq!(after[0].failures, 6);
        assert_eq!(after[0].wait_until, now + 3 * SECOND);
    }

    #[test]
    fn the_longest_wait_of_the_keys_decides_and_all_are_counted() {
        let now = 50 * HOUR;
        let account = Count {
            failures: 2,
            last_at: now - SECOND,
            wait_until: 0,
        };
        let address = Count {
            failures: 31,
            last_at: now - SECOND,
            wait_until: now + 2 * SECOND,
        };
        assert_eq!(
            decide(&[(ACCOUNT, account), (ADDRESS, address)], now),
            Decision::Wait(2 * SECOND)
        );
        let Decision::Count(after) =
            decide(&[(ACCOUNT, account), (ADDRESS, address)], now + 2 * SECOND)
        else {
            panic!("refused after the wait");
        };
        assert_eq!(
            after.iter().map(|c| c.failures).collect::<Vec<_>>(),
            [3, 32]
        );
        assert_eq!(after[1].wait_until, now + 2 * SECOND + 4 * SECOND);
    }

    #[test]
    fn failures_are_forgotten_one_at_a_time() {
        let now = 100 * HOUR;
        let count = Count {
            failures: 7,
            last_at: now,
            wait_until: now + 4 * SECOND,
        };
        assert_eq!(ACCOUNT.failures_at(&count, now + HOUR - 1), 7);
        assert_eq!(ACCOUNT.failures_at(&count, now + HOUR), 6);
        assert_eq!(ACCOUNT.failures_at(&count, now + 3 * HOUR), 4);
        assert_eq!(ACCOUNT.failures_at(&count, now + 30 * HOUR), 0);
        // Three hours later: four failures left, so the next attempt is the fifth (1 s).
        let next = ACCOUNT.counted(&count, now + 3 * HOUR);
        assert_eq!(next.failures, 5);
        assert_eq!(next.wait_until, now + 3 * HOUR + SECOND);
        // A clock set back forgets nothing and waits no longer than the cap.
        assert_eq!(ACCOUNT.failures_at(&count, now - HOUR), 7);
        let ahead = Count {
            wait_until: now + 10 * HOUR,
            ..count
        };
        assert_eq!(
            decide(&[(ACCOUNT, ahead)], now),
            Decision::Wait(MAX_WAIT_MS)
        );
    }

    #[test]
    fn a_row_expires_when_it_no_longer_matters() {
        let now = 10 * HOUR;
        let count = ACCOUNT.counted(
            &Count {
                failures: 1,
                last_at: now - SECOND,
                wait_until: 0,
            },
            now,
        );
        let expires = ACCOUNT.expires(&count);
        assert_eq!(expires, now + 2 * HOUR);
        assert_eq!(ACCOUNT.failures_at(&count, expires), 0);
        assert!(ACCOUNT.failures_at(&count, expires - 1) > 0);
        let long_wait = Count {
            failures: 1,
            last_at: now,
            wait_until: now + 3 * HOUR,
        };
        assert_eq!(ACCOUNT.expires(&long_wait), now + 3 * HOUR);
    }

    #[test]
    fn retry_after_rounds_up() {
        assert_eq!(retry_after_secs(1), 1);
        assert_eq!(retry_after_secs(1000), 1);
        assert_eq!(retry_after_secs(1001), 2);
        assert_eq!(retry_after_secs(MAX_WAIT_MS), 900);
    }
}
