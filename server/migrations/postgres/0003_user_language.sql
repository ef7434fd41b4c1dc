-- The language each person chose for the interface (i18n::Lang's code), so that a device
-- they sign in on next opens in it. NULL: never chosen.
-- Append-only: never edit once released.
ALTER TABLE users ADD COLUMN language TEXT;
