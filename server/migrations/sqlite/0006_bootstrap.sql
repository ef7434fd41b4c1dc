-- The bootstrap's generations: every record as of one cursor, cut into pages compressed
-- once with brotli (shared::sync::bootstrap). Append-only: never edit once released.
--
-- `id` names the generation in page addresses; `n` orders generations (the newest has
-- the greatest). `server_id` is the identity of the database it was made from: a
-- generation of another identity (a database given a new one by `tradewinds restore`) is
-- never served. `cursor` is where a device pulls from once it has every page, `seq` that
-- cursor's place in the change log (how stale the generation is), `format` the page form
-- (shared::sync::bootstrap::FORMAT), `made_at` in milliseconds since the epoch.
CREATE TABLE bootstrap_generations (
    n         INTEGER PRIMARY KEY NOT NULL,
    id        TEXT NOT NULL UNIQUE,
    server_id TEXT NOT NULL,
    cursor    TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    records   INTEGER NOT NULL,
    format    INTEGER NOT NULL,
    made_at   INTEGER NOT NULL
);

-- A generation's pages, counted from 0, each as sent: brotli-compressed lean JSON.
-- Written once with their generation and never changed; deleted with it.
CREATE TABLE bootstrap_pages (
    generation TEXT NOT NULL REFERENCES bootstrap_generations (id) ON DELETE CASCADE,
    page       INTEGER NOT NULL,
    records    INTEGER NOT NULL,
    body       BLOB NOT NULL,
    PRIMARY KEY (generation, page)
) WITHOUT ROWID;
