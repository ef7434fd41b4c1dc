-- Throttling of password checks, one row per key, replacing the row per failure of
-- `login_failures`. Append-only: never edit once released.
--
-- A key is an account (`account:EMAIL`, lower-cased) or a client address (`address:IP`, an
-- IPv6 address by its /64). `failures` are the attempts counted against it and not yet
-- forgotten (an attempt is counted before its password is verified; a success undoes it),
-- `last_at` when the last was counted, `wait_until` the time before which no attempt is
-- verified, `expires` when the row no longer matters (its wait is over and its failures
-- forgotten): rows past it are deleted. All times in milliseconds since the epoch.
CREATE TABLE throttle (
    key        TEXT PRIMARY KEY NOT NULL,
    failures   INTEGER NOT NULL,
    last_at    INTEGER NOT NULL,
    wait_until INTEGER NOT NULL,
    expires    INTEGER NOT NULL
);
CREATE INDEX throttle_by_expiry ON throttle (expires);

-- Its failures are not carried over: at worst an attacker's count starts again once.
DROP TABLE login_failures;
