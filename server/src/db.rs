//! The database a server stands on: a SQLite file (the default) or PostgreSQL, chosen by
//! the URL (`sqlite://PATH`, `postgres://…`), through sqlx's `Any` driver so that `store`
//! and `accounts` run the same queries on both.
//!
//! What the two share, every query here keeps to:
//! - parameters are numbered (`$1`, `$2`…), which both read (sqlx maps SQLite's `$N` to
//!   the Nth bound value); but statements of many rows take their parameters from `values`
//!   and `list`, which write SQLite's plain `?` there: SQLite finds a numbered parameter's
//!   number by a scan of every name in the statement, so a statement of 1,500 of them
//!   spent more time binding than writing;
//! - only the value types both drivers carry: `i64`, text and bytes (flags are integers
//!   0/1, ids UUID text, times milliseconds since the epoch);
//! - conflicts by `ON CONFLICT … DO …`, never SQLite's `OR IGNORE`/`OR REPLACE`.
//!
//! Where they differ, `Backend` says which is which: each has its own append-only
//! migrations (`migrations/sqlite`, `migrations/postgres`), and a transaction that must
//! not interleave with another one of its kind (`begin_exclusive`) takes SQLite's write
//! lock at `BEGIN` or a PostgreSQL advisory lock held to its end.

use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use sqlx::any::AnyPoolOptions;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
use sqlx::{ConnectOptions, Executor};

pub type Pool = sqlx::AnyPool;
pub type Conn = sqlx::AnyConnection;
pub type Row = sqlx::any::AnyRow;
pub type Transaction<'c> = sqlx::Transaction<'c, sqlx::Any>;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// Which database a URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// What a transaction of `begin_exclusive` excludes: one of each kind at a time, across
/// every connection and (on PostgreSQL) every server instance.
#[derive(Clone, Copy, Debug)]
pub enum Exclusive {
    /// Writing the change log (pushes, the server's own edits, bootstrap generations).
    ChangeLog = 1,
    /// Counting password checks (`accounts::throttle`).
    Throttle = 2,
    /// Changing accounts (the last administrator stays).
    Accounts = 3,
}

impl Backend {
    pub fn of_url(url: &str) -> anyhow::Result<Backend> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            anyhow::bail!(
                "`{}` is not a database URL this server knows: use sqlite://PATH or postgres://USER:PASSWORD@HOST/DATABASE",
                redact(url)
            )
        }
    }

    /// This backend's migrations.
    pub fn migrator(self) -> &'static Migrator {
        match self {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        }
    }
}

/// Which database a pool opened by `connect` stands on.
pub fn backend(pool: &Pool) -> Backend {
    let url = pool.connect_options().database_url.clone();
    match url.scheme() {
        "postgres" | "postgresql" => Backend::Postgres,
        _ => Backend::Sqlite,
    }
}

/// The URL without its password, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// Opens a pool of at most `max` connections to the database at `url` (a SQLite file is
/// created if missing), without migrating it.
pub async fn connect(url: &str, max: u32, keep_open: bool) -> anyhow::Result<(Pool, Backend)> {
    sqlx::any::install_default_drivers();
    let backend = Backend::of_url(url)?;
    if backend == Backend::Sqlite {
        create_sqlite(url).await?;
    }
    // No ping before each use: on PostgreSQL it is a round trip more on every request's
    // way (an up-to-date pull is one query), on SQLite a hop to the connection's thread.
    // sqlx still pings a connection as it is given back, after the answer has gone, and
    // closes one that broke (the database restarted): such a connection fails at most the
    // one request that met it; clients retry, and pushes are idempotent.
    let mut options = AnyPoolOptions::new()
        .max_connections(max)
        .acquire_timeout(Duration::from_secs(30))
        .test_before_acquire(false);
    if keep_open {
        options = options
            .min_connections(max)
            .idle_timeout(None)
            .max_lifetime(None);
    }
    if backend == Backend::Sqlite {
        options = options.after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute(SQLITE_SETTINGS).await?;
                Ok(())
            })
        });
    }
    let pool = options
        .connect(url)
        .await
        .with_context(|| format!("cannot open the database {}", redact(url)))?;
    Ok((pool, backend))
}

/// Each SQLite connection's settings. A push writes hundreds of rows in one transaction:
/// with SQLite's default 2 MB page cache it spills pages to the WAL mid-transaction, and
/// its multi-row statements keep their statement journals in temporary files. Checkpoints
/// run in the background (`store::housekeeping`), not inside a writer's commit;
/// `wal_autocheckpoint` is only a backstop if they fall behind (pages of 4 KB).
const SQLITE_SETTINGS: &str = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; \
     PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY; \
     PRAGMA wal_autocheckpoint = 16384;";

/// Creates the SQLite file if missing, in WAL mode (kept by the file, so set once).
/// Refuses a SQLite database whose file does not exist: one to read from (the source of a
/// copy or a backup), which opening would otherwise create empty.
pub fn ensure_exists(url: &str) -> anyhow::Result<()> {
    if Backend::of_url(url)? == Backend::Sqlite {
        let options = SqliteConnectOptions::from_str(url)
            .with_context(|| format!("`{url}` is not a SQLite database URL (sqlite://PATH)"))?;
        let file = options.get_filename();
        anyhow::ensure!(
            file.as_os_str() == ":memory:" || file.exists(),
            "{} does not exist",
            file.display()
        );
    }
    Ok(())
}

/// The file of a SQLite database URL (`None` for PostgreSQL, or SQLite in memory).
pub fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    if Backend::of_url(url).ok()? != Backend::Sqlite {
        return None;
    }
    let options = SqliteConnectOptions::from_str(url).ok()?;
    let file = options.get_filename();
    (file.as_os_str() != ":memory:").then(|| file.to_owned())
}

async fn create_sqlite(url: &str) -> anyhow::Result<()> {
    let mut conn = SqliteConnectOptions::from_str(url)
        .with_context(|| format!("`{url}` is not a SQLite database URL (sqlite://PATH)"))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .busy_timeout(Duration::from_secs(10))
        .connect()
        .await
        .with_context(|| format!("cannot open the database {url}"))?;
    conn.execute("SELECT 1").await?;
    sqlx::Connection::close(conn).await?;
    Ok(())
}

/// Begins a transaction that no other of the same `kind` interleaves with: on SQLite it
/// takes the write lock at once (`BEGIN IMMEDIATE`); on PostgreSQL an advisory lock held
/// until it commits or rolls back. What it reads therefore stays as read until it writes.
pub async fn begin_exclusive(
    pool: &Pool,
    kind: Exclusive,
) -> Result<Transaction<'static>, sqlx::Error> {
    let backend = backend(pool);
    match backend {
        Backend::Sqlite => pool.begin_with("BEGIN IMMEDIATE").await,
        Backend::Postgres => {
            let mut tx = pool.begin().await?;
            lock(&mut tx, backend, kind).await?;
            Ok(tx)
        }
    }
}

/// Within a transaction already begun, waits for `kind`'s lock on PostgreSQL (held until
/// the transaction ends); on SQLite, where the writer is one connection and the file has
/// one writer, nothing.
pub async fn lock(conn: &mut Conn, backend: Backend, kind: Exclusive) -> Result<(), sqlx::Error> {
    if backend == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(LOCK_SPACE + kind as i64)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Advisory lock keys are shared by everything using the database: ours start here.
const LOCK_SPACE: i64 = 0x7472_6164_6577_0000;

/// Begins a transaction that reads one state of the database throughout (SQLite's
/// transactions do; PostgreSQL's default reads each statement's own).
pub async fn begin_read(pool: &Pool) -> Result<Transaction<'static>, sqlx::Error> {
    match backend(pool) {
        Backend::Sqlite => pool.begin().await,
        Backend::Postgres => {
            pool.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                .await
        }
    }
}

/// `n` parameters in a list: `$from, $from+1, …` on PostgreSQL, `?, ?, …` on SQLite (where
/// the statement has no other parameters before them).
pub fn list(backend: Backend, from: usize, n: usize) -> String {
    let mut out = String::with_capacity(n * 5);
    for i in 0..n {
        if i > 0 {
            out.push_str(", ");
        }
        match backend {
            Backend::Sqlite => out.push('?'),
            Backend::Postgres => {
                out.push('$');
                out.push_str(&(from + i).to_string());
            }
        }
    }
    out
}

/// `rows` rows of `columns` parameters each, the statement's only parameters:
/// `($1, $2), ($3, $4)…` on PostgreSQL, `(?, ?), (?, ?)…` on SQLite.
pub fn values(backend: Backend, rows: usize, columns: usize) -> String {
    (0..rows)
        .map(|r| format!("({})", list(backend, 1 + r * columns, columns)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_in_order() {
        let pg = Backend::Postgres;
        assert_eq!(list(pg, 1, 3), "$1, $2, $3");
        assert_eq!(list(pg, 4, 1), "$4");
        assert_eq!(values(pg, 2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(values(Backend::Sqlite, 2, 2), "(?, ?), (?, ?)");
    }

    #[test]
    fn urls_name_their_backend_and_hide_passwords() {
        assert_eq!(Backend::of_url("sqlite://t.db").unwrap(), Backend::Sqlite);
        assert_eq!(
            Backend::of_url("postgres://u:p@h/db").unwrap(),
            Backend::Postgres
        );
        let e = Backend::of_url("mysql://u:secret@h/db")
            .unwrap_err()
            .to_string();
        assert!(e.contains("mysql://u:***@h/db"), "{e}");
        assert!(!e.contains("secret"), "{e}");
        assert_eq!(redact("postgres://h/db"), "postgres://h/db");
    }
}
