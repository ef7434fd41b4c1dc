//! `tradewinds migrate` and `tradewinds copy`: bringing a database's tables up to this
//! build, and moving a region's server from one database to another (SQLite to PostgreSQL,
//! or back) with nothing lost.
//!
//! A copy reads the source in one reading transaction and writes the target in one
//! transaction: a copy that fails leaves the target as it was. The target must be empty
//! (its tables made by `migrate` or by the copy itself). Every row of every table is
//! copied as it is, `meta` included, so the copy keeps the server's identity and every
//! device's cursor stays good; the bootstrap's generations are not copied (the server
//! makes them again). Then each table's rows are counted and digested on both sides, and
//! any difference fails the copy.

use std::fmt::Write as _;

use anyhow::Context;
use futures_util::TryStreamExt;
use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::db::{self, Conn};

/// A column's type, as both databases hold it.
#[derive(Clone, Copy)]
enum Type {
    Integer,
    Text,
}
use Type::{Integer, Text};

/// The tables copied, parents before children, each with its columns (the first ones its
/// key, which orders its rows).
const TABLES: &[(&str, &[(&str, Type)])] = &[
    ("meta", &[("key", Text), ("value", Text)]),
    (
        "users",
        &[
            ("id", Text),
            ("email", Text),
            ("name", Text),
            ("role", Text),
            ("organisation", Text),
            ("password_hash", Text),
            ("disabled", Integer),
            ("demo", Integer),
            ("created", Integer),
            ("updated", Integer),
            ("seal_generation", Integer),
        ],
    ),
    (
        "sessions",
        &[
            ("token_hash", Text),
            ("user_id", Text),
            ("created", Integer),
            ("expires", Integer),
        ],
    ),
    (
        "throttle",
        &[
            ("key", Text),
            ("failures", Integer),
            ("last_at", Integer),
            ("wait_until", Integer),
            ("expires", Integer),
        ],
    ),
    (
        "devices",
        &[
            ("id", Text),
            ("last_mutation", Integer),
            ("first_seen", Integer),
            ("last_seen", Integer),
            ("account", Text),
        ],
    ),
    (
        "records",
        &[
            ("rid", Integer),
            ("kind", Text),
            ("id", Text),
            ("seq", Integer),
            ("deleted", Integer),
            ("state", Text),
        ],
    ),
    (
        "changes",
        &[
            ("seq", Integer),
            ("device", Text),
            ("mutation", Integer),
            ("kind", Text),
            ("id", Text),
            ("fields", Text),
            ("at", Integer),
            ("received", Integer),
            ("author", Text),
            ("record", Integer),
        ],
    ),
    (
        "rejections",
        &[("device", Text), ("mutation", Integer), ("body", Text)],
    ),
];

/// Rows per insert statement.
const BATCH: usize = 200;

/// One value of a row.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Integer(Option<i64>),
    Text(Option<String>),
}

/// A table's row count and the SHA-256 of its rows in key order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableSum {
    pub table: &'static str,
    pub rows: u64,
    pub digest: String,
}

/// Applies this build's migrations to the database at `url` (creating a SQLite file if
/// missing): the versions now applied.
pub async fn migrate(url: &str) -> anyhow::Result<Vec<i64>> {
    let (pool, backend) = db::connect(url, 2, false).await?;
    backend
        .migrator()
        .run(&pool)
        .await
        .context("cannot apply database migrations")?;
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
            .fetch_all(&pool)
            .await?;
    pool.close().await;
    Ok(applied)
}

/// Copies every table of the database at `from` into the empty database at `to`, then
/// checks that each table holds the same rows on both sides (their sums, returned).
pub async fn copy(from: &str, to: &str) -> anyhow::Result<Vec<TableSum>> {
    db::ensure_exists(from)?;
    let (source, source_backend) = db::connect(from, 2, false).await?;
    let applied = source_backend.migrator().iter().count();
    let done: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
        .fetch_one(&source)
        .await
        .with_context(|| format!("{} is not a Tradewinds database", db::redact(from)))?;
    anyhow::ensure!(
        done as usize == applied,
        "{} is not up to date with this build: run `tradewinds migrate --database {}` first",
        db::redact(from),
        db::redact(from)
    );
    anyhow::ensure!(
        db::redact(from) != db::redact(to),
        "the copy goes into another database than its source"
    );
    let (target, target_backend) = db::connect(to, 2, false).await?;
    target_backend
        .migrator()
        .run(&target)
        .await
        .context("cannot apply database migrations to the target")?;
    for (table, _) in TABLES {
        let one: Option<i64> = sqlx::query_scalar(&format!("SELECT 1 FROM {table} LIMIT 1"))
            .fetch_optional(&target)
            .await?;
        anyhow::ensure!(
            one.is_none(),
            "{} is not empty (its table `{table}` has rows): a copy goes into a new database",
            db::redact(to)
        );
    }

    let mut read = db::begin_read(&source).await?;
    let mut write = target.begin().await?;
    for (table, columns) in TABLES {
        copy_table(&mut read, &mut write, target_backend, table, columns).await?;
    }
    write
        .commit()
        .await
        .context("cannot commit the copy (the target is left as it was)")?;
    let from_sums = sums(&mut read).await?;
    read.commit().await?;
    let mut check = db::begin_read(&target).await?;
    let to_sums = sums(&mut check).await?;
    check.commit().await?;
    source.close().await;
    target.close().await;
    for (a, b) in from_sums.iter().zip(&to_sums) {
        anyhow::ensure!(
            a == b,
            "the copy of `{}` differs from its source ({} rows, digest {} against {} rows, digest {})",
            a.table,
            a.rows,
            a.digest,
            b.rows,
            b.digest
        );
    }
    Ok(to_sums)
}

fn select(table: &str, columns: &[(&str, Type)]) -> String {
    let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
    format!(
        "SELECT {} FROM {table} ORDER BY {}",
        names.join(", "),
        key_of(table, columns)
    )
}

/// The columns a table's rows are ordered by: its primary key.
fn key_of(table: &str, columns: &[(&str, Type)]) -> String {
    match table {
        "rejections" => "device, mutation".to_owned(),
        _ => columns[0].0.to_owned(),
    }
}

fn read_row(row: &db::Row, columns: &[(&str, Type)]) -> Result<Vec<Value>, sqlx::Error> {
    columns
        .iter()
        .enumerate()
        .map(|(i, (_, ty))| {
            Ok(match ty {
                Integer => Value::Integer(row.try_get(i)?),
                Text => Value::Text(row.try_get(i)?),
            })
        })
        .collect()
}

async fn copy_table(
    read: &mut Conn,
    write: &mut Conn,
    backend: db::Backend,
    table: &str,
    columns: &[(&str, Type)],
) -> anyhow::Result<()> {
    let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
    let sql = select(table, columns);
    let mut rows = sqlx::query(&sql).fetch(&mut *read);
    let mut batch: Vec<Vec<Value>> = Vec::with_capacity(BATCH);
    loop {
        let row = rows
            .try_next()
            .await
            .with_context(|| format!("cannot read `{table}`"))?;
        if let Some(row) = &row {
            batch.push(read_row(row, columns)?);
        }
        if batch.len() == BATCH || (row.is_none() && !batch.is_empty()) {
            let insert = format!(
                "INSERT INTO {table} ({}) VALUES {}",
                names.join(", "),
                db::values(backend, batch.len(), columns.len())
            );
            let mut q = sqlx::query(&insert);
            for value in batch.drain(..).flatten() {
                q = match value {
                    Value::Integer(v) => q.bind(v),
                    Value::Text(v) => q.bind(v),
                };
            }
            q.execute(&mut *write)
                .await
                .with_context(|| format!("cannot write `{table}`"))?;
        }
        if row.is_none() {
            return Ok(());
        }
    }
}

/// Each copied table's row count and digest, read in `db`'s transaction.
async fn sums(db: &mut Conn) -> anyhow::Result<Vec<TableSum>> {
    let mut out = Vec::new();
    for (table, columns) in TABLES {
        let sql = select(table, columns);
        let mut rows = sqlx::query(&sql).fetch(&mut *db);
        let mut hash = Sha256::new();
        let mut count = 0u64;
        let mut line = String::new();
        while let Some(row) = rows.try_next().await? {
            line.clear();
            for value in read_row(&row, columns)? {
                // Lengths first, so that no two rows run together the same way.
                match value {
                    Value::Integer(Some(v)) => write!(line, "i{v};"),
                    Value::Text(Some(t)) => write!(line, "t{}:{t};", t.len()),
                    Value::Integer(None) | Value::Text(None) => write!(line, "n;"),
                }
                .expect("writing to a string");
            }
            hash.update(line.as_bytes());
            count += 1;
        }
        let digest = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
        out.push(TableSum {
            table,
            rows: count,
            digest,
        });
    }
    Ok(out)
}
