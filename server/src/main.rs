//! The `tradewinds` command: reads its configuration and starts (see `lib.rs`).

use clap::Parser;

fn main() -> anyhow::Result<()> {
    let cli = tradewinds_server::cli::Cli::parse();
    tradewinds_server::telemetry::init();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(tradewinds_server::cli::run(cli))
}
