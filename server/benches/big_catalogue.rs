//! A catalogue of 100,000 records (issue 22): how long the whole snapshot takes to read and
//! how big it is, how long a bootstrap generation takes to make, and how long
//! `tradewinds copy` takes to move the database from SQLite to PostgreSQL (or, without
//! PostgreSQL, to another SQLite file). It prints figures and asserts nothing
//! (docs/benchmarks.md, "PostgreSQL and several instances (issue 22)").
//!
//! ```sh
//! pg_virtualenv -- env TW_BENCH_DATABASE=postgres cargo bench -p tradewinds-server --bench big_catalogue
//! ```
//!
//! `TW_BENCH_RECORDS` (100,000) sets the catalogue's size. The records are the
//! benchmarks' usual mix (`tests/common/catalogue.rs`), created through the ordinary push
//! path by four devices.

#[path = "../tests/common/catalogue.rs"]
mod catalogue;
#[path = "common/server.rs"]
mod server;

use std::process::Command;
use std::time::Instant;

use futures_util::StreamExt;
use tradewinds_server::accounts::Author;
use tradewinds_server::store::copy;
use tradewinds_server::Store;

/// The copy's target: a new PostgreSQL database with `TW_BENCH_DATABASE=postgres` (under
/// `pg_virtualenv`), else a new SQLite file in `dir`.
fn target(dir: &std::path::Path) -> String {
    if std::env::var("TW_BENCH_DATABASE").as_deref() != Ok("postgres") {
        return format!("sqlite://{}", dir.join("copy.db").display());
    }
    server::new_postgres_database().0
}

/// Reads the whole snapshot as the sync endpoint streams it: seconds, and bytes of JSON.
async fn read_snapshot(store: &Store) -> (f64, usize) {
    let started = Instant::now();
    let (_, pages) = store.snapshot_stream().await.expect("snapshot");
    let mut pages = std::pin::pin!(pages);
    let mut bytes = 0usize;
    while let Some(page) = pages.next().await {
        bytes += page.expect("page").len();
    }
    (started.elapsed().as_secs_f64(), bytes)
}

fn main() {
    let n: usize = server::env_or("TW_BENCH_RECORDS", 100_000);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let dir = tempfile::tempdir().expect("temporary directory");
        let url = format!("sqlite://{}", dir.path().join("big.db").display());
        let store = Store::open(&url).await.expect("open");
        let started = Instant::now();
        let author = Author::server("Coordinator");
        for (device, ms) in catalogue::pushes(&catalogue::catalogue(n, 2012), 4) {
            let answer = store.push(device, ms, &author).await.expect("push");
            assert!(answer.rejections.is_empty(), "{:?}", answer.rejections);
        }
        println!(
            "big_catalogue: {n} records pushed in {:.1} s",
            started.elapsed().as_secs_f64()
        );

        let (secs, bytes) = read_snapshot(&store).await;
        println!(
            "  snapshot (SQLite): {secs:.2} s, {:.1} MB of JSON",
            bytes as f64 / 1e6
        );
        let started = Instant::now();
        let index = store.bootstrap_index().await.expect("generation");
        println!(
            "  bootstrap generation (SQLite): {:.2} s, {} pages",
            started.elapsed().as_secs_f64(),
            index.pages.len()
        );
        store.close().await;

        let to = target(dir.path());
        let started = Instant::now();
        let sums = copy::copy(&url, &to).await.expect("copy");
        let rows: u64 = sums.iter().map(|s| s.rows).sum();
        println!(
            "  copy to {}: {:.1} s for {rows} rows (counted and digested on both sides)",
            if to.starts_with("postgres") {
                "PostgreSQL"
            } else {
                "SQLite"
            },
            started.elapsed().as_secs_f64()
        );
        let copied = Store::open(&to).await.expect("open the copy");
        let (secs, bytes) = read_snapshot(&copied).await;
        println!(
            "  snapshot (the copy): {secs:.2} s, {:.1} MB of JSON",
            bytes as f64 / 1e6
        );
        copied.close().await;
        if let Some(name) = to.rsplit('/').next().filter(|_| to.starts_with("postgres")) {
            let _ = Command::new("dropdb").arg(name).status();
        }
    });
}
