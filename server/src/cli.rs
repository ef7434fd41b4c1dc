//! Command line: `tradewinds serve --addr 127.0.0.1:8080 --database sqlite://tradewinds.db`.
//!
//! What the commands print is worded in the language their environment names (`LANG` and
//! the like, [`Lang::from_environment`]); `--help` and the log stay English, as the options'
//! names and the log's fields do.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use tokio::net::TcpListener;

use tradewinds_shared::access::Role;
use tradewinds_shared::accounts::NewUser;
use tradewinds_shared::i18n::{msg, problem, Arg, Lang, Msg, Words};
use uuid::Uuid;

use crate::accounts::{throttle, users};
use crate::{app, AppState, Store};

#[derive(Debug, Parser)]
#[command(
    name = "tradewinds",
    version,
    about = "Tradewinds: Caribbean customs capacity-building catalogue"
)]
pub struct Cli {
    /// How log lines are written: `text` to read, `json` for a log collector.
    #[arg(
        long,
        global = true,
        env = "TRADEWINDS_LOG_FORMAT",
        value_enum,
        default_value = "text"
    )]
    pub log_format: crate::telemetry::LogFormat,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API and the app.
    Serve(ServeArgs),
    /// Manage accounts (the first administrator is made here).
    #[command(subcommand)]
    User(UserCommand),
    /// Write a consistent copy of the database to a new file (the server may be running).
    Backup(BackupArgs),
    /// Put a backup back in place of the database (stop the server first). Every device
    /// then loads the catalogue again and sends what it has not had acknowledged.
    Restore(RestoreArgs),
    /// Take in a changes file that a device saved with "Save my waiting changes to a
    /// file", as if the device had synced (the server may be running: it notices within a
    /// few seconds). Taking the same file in twice changes nothing.
    ImportChanges(ImportChangesArgs),
    /// After putting back a database by other means than `restore` (a PostgreSQL dump):
    /// give it a new identity before any server starts on it, so that every device
    /// notices, loads the catalogue again and sends what the database lost.
    RenewIdentity(DatabaseArg),
    /// Create or bring up to date the database's tables (`serve` does it too; run it
    /// before starting several instances on a new PostgreSQL database).
    Migrate(DatabaseArg),
    /// Copy a region's whole database into a new, empty one (SQLite to PostgreSQL, or
    /// back), then check every table's rows on both sides. Stop the server first.
    Copy(CopyArgs),
}

#[derive(Debug, clap::Args)]
pub struct CopyArgs {
    /// The database copied from (e.g. sqlite://tradewinds.db).
    #[arg(long)]
    pub from: String,
    /// The empty database copied into (e.g. postgres://tradewinds:…@db.example.org/tradewinds).
    #[arg(long)]
    pub to: String,
}

#[derive(Debug, clap::Args)]
pub struct ImportChangesArgs {
    /// The changes file.
    pub file: PathBuf,
    #[command(flatten)]
    pub db: DatabaseArg,
}

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// The file to write (must not exist).
    pub file: PathBuf,
    #[command(flatten)]
    pub db: DatabaseArg,
}

#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// A file written by `tradewinds backup`.
    pub file: PathBuf,
    #[command(flatten)]
    pub db: DatabaseArg,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add an account. The password is read from the terminal (asked twice) or, when stdin
    /// is not a terminal, from its first line; never from the command line.
    Add(UserAddArgs),
    /// List the accounts.
    List(DatabaseArg),
}

#[derive(Debug, clap::Args)]
pub struct DatabaseArg {
    /// Database URL (as for `serve`).
    #[arg(
        long,
        env = "TRADEWINDS_DATABASE_URL",
        default_value = "sqlite://tradewinds.db"
    )]
    pub database: String,
}

#[derive(Debug, clap::Args)]
pub struct UserAddArgs {
    #[arg(long)]
    pub email: String,
    /// admin, coordinator, office_editor or viewer.
    #[arg(long, value_parser = parse_role)]
    pub role: Role,
    #[arg(long, default_value = "")]
    pub name: String,
    /// The organisation's id (required for an office editor).
    #[arg(long)]
    pub organisation: Option<Uuid>,
    #[command(flatten)]
    pub db: DatabaseArg,
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::from_code(s).ok_or_else(|| {
        let codes: Vec<&str> = Role::ALL.iter().map(|r| r.code()).collect();
        format!("`{s}` is not a role; use one of {}", codes.join(", "))
    })
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "TRADEWINDS_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Database URL: sqlite://PATH (the file is created and seeded on first start) or
    /// postgres://USER:PASSWORD@HOST/DATABASE (an existing database; its tables are
    /// created and seeded on first start). Several instances may share one PostgreSQL.
    #[arg(
        long,
        env = "TRADEWINDS_DATABASE_URL",
        default_value = "sqlite://tradewinds.db"
    )]
    pub database: String,
    /// Where documents' files are kept (made if missing). By default `files` beside a
    /// SQLite database file; with PostgreSQL it must be named, as one directory every
    /// instance shares (e.g. over NFS). Back it up with the database.
    #[arg(long, env = "TRADEWINDS_FILES")]
    pub files: Option<PathBuf>,
    /// The built app to serve at `/` (made by `make dist`).
    #[arg(long, env = "TRADEWINDS_DIST", default_value = "dist")]
    pub dist: PathBuf,
    /// Start with an empty catalogue instead of the 2012 meeting's world.
    #[arg(long)]
    pub no_seed: bool,
    /// Add (or re-enable) the documented demo accounts, one per role (README). Without
    /// it, demo accounts are disabled.
    #[arg(long)]
    pub demo: bool,
    /// A TLS front end (an address or network; repeat for more): when the connection comes
    /// from one, the client's address is read from its X-Forwarded-For (or Forwarded)
    /// header, for sign-in throttling. Other clients' forwarding headers are ignored.
    #[arg(
        long = "trusted-proxy",
        value_name = "ADDR",
        env = "TRADEWINDS_TRUSTED_PROXIES",
        value_delimiter = ',',
        value_parser = throttle::client::parse_proxy
    )]
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Serve Prometheus metrics at `/metrics` to requests carrying this bearer token
    /// (without it, `/metrics` is not served).
    #[arg(long, env = "TRADEWINDS_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
}

/// The language of the command's environment.
fn lang() -> Lang {
    static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();
    *LANG.get_or_init(|| Lang::from_environment(|name| std::env::var(name).ok()))
}

/// A message of `lang/*/command-line.ftl` in the command's language.
fn say(id: Msg, args: &[(&str, Arg<'_>)]) -> String {
    problem::catalogue(lang()).format(id, args)
}

/// A count, written as the command's language writes numbers.
fn count(n: impl TryInto<i64>) -> Arg<'static> {
    Arg::Number(n.try_into().unwrap_or(i64::MAX))
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    crate::i18n::speaking(lang(), run_command(cli)).await
}

async fn run_command(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => serve(args).await,
        Command::User(UserCommand::Add(args)) => user_add(args).await,
        Command::User(UserCommand::List(args)) => user_list(args).await,
        Command::ImportChanges(args) => import_changes(args).await,
        Command::RenewIdentity(args) => {
            let id = crate::store::backup::renew_identity(&args.database).await?;
            let database = crate::db::redact(&args.database);
            let identity = id.to_string();
            println!(
                "{}",
                say(
                    msg::CLI_NEW_IDENTITY,
                    &[
                        ("database", (&database).into()),
                        ("identity", (&identity).into())
                    ]
                )
            );
            Ok(())
        }
        Command::Migrate(args) => {
            let applied = crate::store::copy::migrate(&args.database).await?;
            let database = crate::db::redact(&args.database);
            let applied = applied
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            println!(
                "{}",
                say(
                    msg::CLI_MIGRATED,
                    &[
                        ("database", (&database).into()),
                        ("applied", (&applied).into())
                    ]
                )
            );
            Ok(())
        }
        Command::Copy(args) => {
            let started = std::time::Instant::now();
            let sums = crate::store::copy::copy(&args.from, &args.to).await?;
            for s in &sums {
                let rows = say(msg::CLI_TABLE_ROWS, &[("rows", count(s.rows))]);
                println!("{:<10} {rows:>14}  sha256 {}", s.table, s.digest);
            }
            let (from, to) = (crate::db::redact(&args.from), crate::db::redact(&args.to));
            let seconds = lang().tenths(started.elapsed().as_secs_f64());
            println!(
                "{}",
                say(
                    msg::CLI_COPIED,
                    &[
                        ("from", (&from).into()),
                        ("to", (&to).into()),
                        ("seconds", (&seconds).into())
                    ]
                )
            );
            Ok(())
        }
        Command::Backup(args) => {
            crate::store::backup::backup(&args.db.database, &args.file).await?;
            let file = args.file.display().to_string();
            println!(
                "{}",
                say(
                    msg::CLI_BACKED_UP,
                    &[
                        ("database", (&args.db.database).into()),
                        ("file", (&file).into())
                    ]
                )
            );
            Ok(())
        }
        Command::Restore(args) => {
            let id = crate::store::backup::restore(&args.db.database, &args.file).await?;
            let (file, identity) = (args.file.display().to_string(), id.to_string());
            println!(
                "{}",
                say(
                    msg::CLI_RESTORED,
                    &[
                        ("database", (&args.db.database).into()),
                        ("file", (&file).into()),
                        ("identity", (&identity).into())
                    ]
                )
            );
            Ok(())
        }
    }
}

/// The files directory `serve` uses: the one named, or `files` beside a SQLite database.
pub fn files_dir(named: Option<&std::path::Path>, database: &str) -> anyhow::Result<PathBuf> {
    if let Some(dir) = named {
        return Ok(dir.to_owned());
    }
    match crate::db::sqlite_file(database) {
        Some(file) => Ok(file
            .parent()
            .map_or_else(|| PathBuf::from("files"), |p| p.join("files"))),
        None => anyhow::bail!(
            "name the directory for documents' files with --files DIR (or TRADEWINDS_FILES): \
             with PostgreSQL, one directory every instance shares"
        ),
    }
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let files_dir = files_dir(args.files.as_deref(), &args.database)?;
    let store = Store::open(&args.database).await?;
    let files = crate::files::Files::open(&files_dir).map_err(|e| {
        anyhow::anyhow!(
            "cannot use {} for documents' files: {e}",
            files_dir.display()
        )
    })?;
    if !args.no_seed {
        let added = crate::seed::seed(&store).await?;
        if added > 0 {
            tracing::info!(
                records = added,
                "seeded the catalogue with the 2012 meeting"
            );
        }
    }
    // The first new device should not wait for the bootstrap's pages to be made.
    store.bootstrap_in_background();
    tokio::spawn(crate::files::collect_every_hour(
        store.clone(),
        files.clone(),
    ));
    let demo = users::set_demo_accounts(store.pool(), args.demo).await?;
    if args.demo {
        let password = ("password", Arg::Text(users::DEMO_PASSWORD));
        println!("{}", say(msg::CLI_DEMO_ACCOUNTS, &[password]));
    } else if demo > 0 {
        tracing::warn!(
            accounts = demo,
            "demo accounts disabled (start with --demo to use them)"
        );
    }
    if users::count(store.pool()).await? == 0 {
        println!("{}", say(msg::CLI_NO_ACCOUNTS, &[]));
    }
    let dist = if args.dist.join("index.html").is_file() {
        Some(args.dist.clone())
    } else {
        tracing::warn!(dist = %args.dist.display(), "no built app found: serving the API only");
        None
    };
    let listener = TcpListener::bind(args.addr).await?;
    let addr = listener.local_addr()?;
    let address = format!("http://{addr}/");
    println!(
        "{}",
        say(msg::CLI_RUNNING, &[("address", (&address).into())])
    );
    axum::serve(
        listener,
        app(AppState {
            store,
            dist,
            throttle: throttle::Throttle::new(throttle::TrustedProxies::new(args.trusted_proxies)),
            metrics: crate::ops::Metrics::new(args.metrics_token),
            files,
        })
        .into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    Ok(())
}

async fn user_add(args: UserAddArgs) -> anyhow::Result<()> {
    let password = read_password()?;
    let store = Store::open(&args.db.database).await?;
    let new = NewUser {
        email: args.email,
        name: args.name,
        role: args.role,
        organisation: args.organisation,
        password,
    };
    match users::create(store.pool(), &new, false).await {
        Ok(user) => {
            let words = Words::of(problem::catalogue(lang()));
            let id = user.id.to_string();
            let added = say(
                msg::CLI_USER_ADDED,
                &[
                    ("email", (&user.email).into()),
                    ("role", words.label(user.role).into()),
                    ("id", (&id).into()),
                ],
            );
            println!("{added}");
            Ok(())
        }
        Err(e) => {
            let (error, _, _) = e.worded();
            anyhow::bail!(say(msg::CLI_USER_NOT_ADDED, &[("error", (&error).into())]))
        }
    }
}

async fn import_changes(args: ImportChangesArgs) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(&args.file).map_err(|e| {
        let (file, error) = (args.file.display().to_string(), e.to_string());
        anyhow::anyhow!(say(
            msg::CLI_CANNOT_READ,
            &[("file", (&file).into()), ("error", (&error).into())]
        ))
    })?;
    let store = Store::open(&args.db.database).await?;
    let taken = crate::sync::carried::take_in(&store, &text)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let device = taken.device.to_string();
    let summary = say(
        msg::CLI_CHANGES_TAKEN,
        &[
            ("changes", count(taken.changes)),
            ("name", (&taken.name).into()),
            ("device", (&device).into()),
            ("applied", count(taken.applied)),
            ("already", count(taken.already)),
            ("refused", count(taken.rejections.len())),
        ],
    );
    println!("{summary}");
    for r in &taken.rejections {
        let code = r.code.to_string();
        let refused = say(
            msg::CLI_CHANGE_REFUSED,
            &[
                ("number", count(r.n)),
                ("message", (&r.message).into()),
                ("code", (&code).into()),
            ],
        );
        println!("  {refused}");
    }
    store.close().await;
    Ok(())
}

async fn user_list(args: DatabaseArg) -> anyhow::Result<()> {
    let store = Store::open(&args.database).await?;
    for u in users::list(store.pool()).await? {
        let org = u.organisation.map(|o| o.to_string()).unwrap_or_default();
        let state = if u.disabled { "disabled" } else { "active" };
        println!(
            "{}\t{}\t{}\t{}\t{}",
            u.id,
            u.email,
            u.role.code(),
            state,
            org
        );
    }
    Ok(())
}

/// The new account's password: asked twice on a terminal, else the first line of stdin.
fn read_password() -> anyhow::Result<String> {
    use std::io::{BufRead, IsTerminal};
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password(format!("{}: ", say(msg::CLI_PASSWORD, &[])))?;
        let again = rpassword::prompt_password(format!("{}: ", say(msg::CLI_PASSWORD_AGAIN, &[])))?;
        anyhow::ensure!(first == again, say(msg::CLI_PASSWORDS_DIFFER, &[]));
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        let password = line.trim_end_matches(['\r', '\n']).to_owned();
        anyhow::ensure!(!password.is_empty(), say(msg::CLI_NO_PASSWORD, &[]));
        Ok(password)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_live_beside_a_sqlite_database_unless_named_and_postgres_names_them() {
        let dir = |named: Option<&str>, database: &str| {
            files_dir(named.map(std::path::Path::new), database).map_err(|e| e.to_string())
        };
        assert_eq!(
            dir(None, "sqlite:///var/lib/tradewinds/tradewinds.db").unwrap(),
            PathBuf::from("/var/lib/tradewinds/files")
        );
        assert_eq!(
            dir(None, "sqlite://tradewinds.db").unwrap(),
            PathBuf::from("files")
        );
        assert_eq!(
            dir(Some("/srv/files"), "sqlite://tradewinds.db").unwrap(),
            PathBuf::from("/srv/files")
        );
        assert_eq!(
            dir(Some("/mnt/nfs/files"), "postgres://tw@db/tw").unwrap(),
            PathBuf::from("/mnt/nfs/files")
        );
        let refused = dir(None, "postgres://tw@db/tw").unwrap_err();
        assert!(refused.contains("--files"), "{refused}");
    }
}
