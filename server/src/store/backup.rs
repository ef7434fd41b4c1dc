//! `tradewinds backup` and `tradewinds restore`: a consistent copy of a running server's
//! database, and putting one back so that every device notices.
//!
//! A restored database has lost the changes made after its copy was taken. Devices that
//! pulled them hold cursors that no longer describe its history: each cursor names the
//! change at its place (`Cursor::at`), so a pull from one of them is answered `reset`
//! however many changes the restored server has made since. `restore` also gives the
//! database a new identity: cursors of every device reset (they bootstrap again and keep
//! their outboxes), and the server's own edits are numbered under a new device, so that no
//! (device, number) pair a device has already seen is ever used again for another change.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::Context;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::SqlitePool;
use uuid::Uuid;

/// What a device's `account` is set to when it can never push again (a server identity
/// given up by `restore`): no account id is this.
pub const RETIRED: &str = "(retired server device)";

/// Copies the database at `url` into `to` (a new file), consistently, while the server may
/// be running and writing: SQLite's `VACUUM INTO` reads one snapshot of the database.
pub async fn backup(url: &str, to: &Path) -> anyhow::Result<()> {
    anyhow::ensure!(
        !to.exists(),
        "{} exists already; a backup is written to a new file",
        to.display()
    );
    crate::db::ensure_exists(url)?;
    let pool = open(url, false).await?;
    let target = to
        .to_str()
        .with_context(|| format!("{} is not a UTF-8 path", to.display()))?;
    sqlx::query("VACUUM INTO ?")
        .bind(target)
        .execute(&pool)
        .await
        .with_context(|| format!("cannot write the backup to {}", to.display()))?;
    pool.close().await;
    Ok(())
}

/// Replaces the database at `url` with the backup `from`, and gives it a new identity.
/// The server must be stopped. Returns the new server id.
pub async fn restore(url: &str, from: &Path) -> anyhow::Result<Uuid> {
    let source = format!("sqlite://{}", from.display());
    let check = open(&source, true)
        .await
        .with_context(|| format!("{} cannot be opened as a database", from.display()))?;
    let ok: String = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_one(&check)
        .await
        .with_context(|| format!("{} is not a SQLite database", from.display()))?;
    anyhow::ensure!(ok == "ok", "{} is damaged: {ok}", from.display());
    let identity: Option<String> =
        sqlx::query_scalar("SELECT value FROM meta WHERE key = 'server_id'")
            .fetch_optional(&check)
            .await
            .ok()
            .flatten();
    check.close().await;
    identity.with_context(|| format!("{} is not a Tradewinds database", from.display()))?;

    let path = database_path(url)?;
    let partial = path.with_extension("restoring");
    std::fs::copy(from, &partial)
        .with_context(|| format!("cannot copy {} to {}", from.display(), partial.display()))?;
    // The copy is a whole database: the old file's write-ahead log must not be replayed
    // over it.
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            std::fs::remove_file(&side)
                .with_context(|| format!("cannot remove {}", side.display()))?;
        }
    }
    std::fs::rename(&partial, &path)
        .with_context(|| format!("cannot move the restored copy to {}", path.display()))?;

    renew_identity(url).await
}

/// Gives the database at `url` a new identity, as `restore` does after putting a file
/// back: for a database restored by other means (a PostgreSQL dump, `pg_restore`), before
/// any server starts on it. Every device's cursor then resets, the old identity's device
/// never writes again, and the bootstrap's generations of the old identity are dropped.
pub async fn renew_identity(url: &str) -> anyhow::Result<Uuid> {
    let (pool, backend) = crate::db::connect(url, 1, false).await?;
    let old: Option<String> = sqlx::query_scalar("SELECT value FROM meta WHERE key = 'server_id'")
        .fetch_optional(&pool)
        .await
        .ok()
        .flatten();
    let old =
        old.with_context(|| format!("{} is not a Tradewinds database", crate::db::redact(url)))?;
    let new = Uuid::new_v4();
    let mut tx = pool.begin().await?;
    sqlx::query("UPDATE meta SET value = $1 WHERE key = 'server_id'")
        .bind(new.to_string())
        .execute(&mut *tx)
        .await?;
    // The old identity's device numbered edits some devices may have seen beyond what the
    // copy holds: nobody writes under it again.
    sqlx::query(
        "INSERT INTO devices (id, last_mutation, first_seen, last_seen, account) VALUES ($1, 0, 0, 0, $2) \
         ON CONFLICT (id) DO UPDATE SET account = excluded.account",
    )
    .bind(&old)
    .bind(RETIRED)
    .execute(&mut *tx)
    .await?;
    // The bootstrap's generations are of the old identity: never served again (a SQLite
    // backup from before they existed has no such tables; `Store::open` creates them).
    let generations = match backend {
        crate::db::Backend::Postgres => true,
        crate::db::Backend::Sqlite => {
            let found: Option<i64> = sqlx::query_scalar(
                "SELECT 1 FROM sqlite_master WHERE name = 'bootstrap_generations'",
            )
            .fetch_optional(&mut *tx)
            .await?;
            found.is_some()
        }
    };
    if generations {
        sqlx::query("DELETE FROM bootstrap_pages")
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM bootstrap_generations")
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    pool.close().await;
    Ok(new)
}

fn database_path(url: &str) -> anyhow::Result<PathBuf> {
    let options = SqliteConnectOptions::from_str(url)
        .with_context(|| format!("`{url}` is not a SQLite database URL (sqlite://PATH)"))?;
    Ok(options.get_filename().to_owned())
}

async fn open(url: &str, read_only: bool) -> anyhow::Result<SqlitePool> {
    let options = SqliteConnectOptions::from_str(url)
        .with_context(|| format!("`{url}` is not a SQLite database URL (sqlite://PATH)"))?
        .read_only(read_only)
        .create_if_missing(false);
    SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .with_context(|| format!("cannot open the database {url}"))
}
