-- Accounts, sessions and sign-in throttling; who made each change. Append-only.

-- People who may sign in. `email` is stored lower-cased; `password_hash` is a PHC string
-- (argon2id). `demo` marks the documented demo accounts created by `serve --demo`.
CREATE TABLE users (
    id            TEXT PRIMARY KEY NOT NULL,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL,
    organisation  TEXT,
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    demo          INTEGER NOT NULL DEFAULT 0,
    created       INTEGER NOT NULL,
    updated       INTEGER NOT NULL
);

-- Signed-in sessions. Only the SHA-256 of the bearer token is kept: a copy of the database
-- does not let anyone in. Deleting rows signs people out.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created    INTEGER NOT NULL,
    expires    INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Failed sign-ins per account ("email:...") and per address ("addr:..."), for throttling.
CREATE TABLE login_failures (
    key TEXT NOT NULL,
    at  INTEGER NOT NULL
);
CREATE INDEX login_failures_by_key ON login_failures (key, at);

-- The account that made each change (NULL: the server itself, or before accounts existed).
ALTER TABLE changes ADD COLUMN author TEXT;
