//! The `tradewinds` command: reads its configuration and starts (see `lib.rs`).

use clap::Parser;

/// A push merges, validates and serialises many small values (record states, JSON): with
/// glibc's allocator, malloc and free were a third of the server's time under push load
/// (docs/benchmarks.md, "Sync").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let cli = tradewinds_server::cli::Cli::parse();
    tradewinds_server::telemetry::init(cli.log_format);
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(tradewinds_server::cli::run(cli))
}
