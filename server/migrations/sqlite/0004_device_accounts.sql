-- Each device belongs to the account that first pushed under it. Append-only.
--
-- Device ids are not secrets (every snapshot names the devices that wrote each field), so a
-- push is applied only when the signed-in account owns its device: otherwise anyone could
-- advance another person's counter and make that person's next edits "duplicates".
-- `account` is the user id; NULL until the device's first push by an account (a device
-- that only pushed before accounts existed is claimed by the next account that uses it).
ALTER TABLE devices ADD COLUMN account TEXT;

-- Devices that already pushed as someone belong to the last account that pushed under them.
CREATE TEMP TABLE device_authors AS
    SELECT device, author, MAX(seq) AS seq FROM changes WHERE author IS NOT NULL GROUP BY device;
CREATE UNIQUE INDEX temp.device_authors_by_device ON device_authors (device);
UPDATE devices SET account = (SELECT author FROM device_authors WHERE device_authors.device = devices.id);
DROP TABLE device_authors;

-- How many devices an account has (bounded: see `store::MAX_DEVICES_PER_ACCOUNT`).
CREATE INDEX devices_by_account ON devices (account);
