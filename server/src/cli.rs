//! Command line: `tradewinds serve --addr 127.0.0.1:8080 --database sqlite://tradewinds.db`.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use tokio::net::TcpListener;

use crate::{app, AppState, Store};

#[derive(Debug, Parser)]
#[command(
    name = "tradewinds",
    version,
    about = "Tradewinds: Caribbean customs capacity-building catalogue"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API and the app.
    Serve(ServeArgs),
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "TRADEWINDS_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Database URL; a SQLite file is created (and seeded) on first start.
    #[arg(
        long,
        env = "TRADEWINDS_DATABASE_URL",
        default_value = "sqlite://tradewinds.db"
    )]
    pub database: String,
    /// The built app to serve at `/` (made by `make dist`).
    #[arg(long, env = "TRADEWINDS_DIST", default_value = "dist")]
    pub dist: PathBuf,
    /// Start with an empty catalogue instead of the 2012 meeting's world.
    #[arg(long)]
    pub no_seed: bool,
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => serve(args).await,
    }
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let store = Store::open(&args.database).await?;
    if !args.no_seed {
        let added = crate::seed::seed_if_empty(&store).await?;
        if added > 0 {
            tracing::info!(
                records = added,
                "seeded the catalogue with the 2012 meeting"
            );
        }
    }
    let dist = if args.dist.join("index.html").is_file() {
        Some(args.dist.clone())
    } else {
        tracing::warn!(dist = %args.dist.display(), "no built app found: serving the API only");
        None
    };
    let listener = TcpListener::bind(args.addr).await?;
    let addr = listener.local_addr()?;
    println!("Tradewinds is running at http://{addr}/  (press Ctrl+C to stop)");
    axum::serve(listener, app(AppState { store, dist }))
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
