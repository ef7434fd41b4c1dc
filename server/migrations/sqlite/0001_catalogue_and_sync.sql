-- Catalogue records and the sync change log. Append-only: never edit once released.

-- Server identity, change-log sequence and other single values.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

-- Every record of every kind, as its merged field states (JSON of shared::sync::RecordState).
-- `seq` is the sequence number of the record's latest change: pulls read `seq > cursor`.
CREATE TABLE records (
    kind    TEXT NOT NULL,
    id      TEXT NOT NULL,
    seq     INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    state   TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE UNIQUE INDEX records_by_seq ON records (seq);
-- Ids are UUIDs, unique across kinds.
CREATE UNIQUE INDEX records_by_id ON records (id);

-- Each device's last processed mutation number: pushes continue from it without gaps.
CREATE TABLE devices (
    id            TEXT PRIMARY KEY NOT NULL,
    last_mutation INTEGER NOT NULL,
    first_seen    INTEGER NOT NULL,
    last_seen     INTEGER NOT NULL
);

-- Every applied mutation, in commit order: the record history.
CREATE TABLE changes (
    seq      INTEGER PRIMARY KEY NOT NULL,
    device   TEXT NOT NULL,
    mutation INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    id       TEXT NOT NULL,
    fields   TEXT NOT NULL,
    at       INTEGER NOT NULL,
    received INTEGER NOT NULL
);
CREATE INDEX changes_by_record ON changes (kind, id);

-- Mutations that could never apply, with the reason, so a retried push gets the same answer.
CREATE TABLE rejections (
    device   TEXT NOT NULL,
    mutation INTEGER NOT NULL,
    body     TEXT NOT NULL,
    PRIMARY KEY (device, mutation)
);
