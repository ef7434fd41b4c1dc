-- Each account's key generation for sealing changes files (shared::sync::carried::seal_key).
-- Withdrawing the account's keys (signing out everywhere; an administrator setting its
-- password or disabling it) moves it on, and files sealed with an earlier key are refused.
-- Append-only: never edit once released.
ALTER TABLE users ADD COLUMN seal_generation BIGINT NOT NULL DEFAULT 0;
