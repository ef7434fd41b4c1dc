-- Integer keys for records, so that the change log refers to its record by a number.
-- Append-only: never edit once released.
--
-- Every push adds an entry to the change log's per-record index; with the record's text
-- id (a UUID) each entry took ~55 bytes, at a random place, so a commit of a few thousand
-- mutations rewrote most of that index's pages. An integer key takes a few bytes. The
-- records table gets an explicit key (`rid`: an implicit rowid may change on VACUUM) and
-- loses its (kind, id) primary key index, which the unique index on `id` already covers.

CREATE TABLE records_keyed (
    rid     INTEGER PRIMARY KEY NOT NULL,
    kind    TEXT NOT NULL,
    id      TEXT NOT NULL,
    seq     INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    state   TEXT NOT NULL
);
INSERT INTO records_keyed (kind, id, seq, deleted, state)
    SELECT kind, id, seq, deleted, state FROM records ORDER BY seq;
DROP TABLE records;
ALTER TABLE records_keyed RENAME TO records;
CREATE UNIQUE INDEX records_by_seq ON records (seq);
-- Ids are UUIDs, unique across kinds.
CREATE UNIQUE INDEX records_by_id ON records (id);

-- Each change's record (`records.rid`); `kind` and `id` stay as they were written.
ALTER TABLE changes ADD COLUMN record INTEGER;
UPDATE changes SET record = (SELECT rid FROM records WHERE records.id = changes.id);
DROP INDEX changes_by_record;
CREATE INDEX changes_by_record ON changes (record);
