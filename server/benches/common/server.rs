//! What the benchmarks share: the `tradewinds` binary under test, started on a fresh
//! database and killed when dropped, and their environment settings. Included by each
//! benchmark with `#[path]` (a file here is not a benchmark of its own); each uses part
//! of it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use tempfile::TempDir;

pub fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The binary under test: cargo's release build, or `TW_BENCH_BIN` (to compare builds).
pub fn binary() -> String {
    std::env::var("TW_BENCH_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_tradewinds").to_owned())
}

/// `tradewinds serve --demo` on a fresh database, killed when dropped: a SQLite file in a
/// temporary directory, or with `TW_BENCH_DATABASE=postgres` a new database on the
/// PostgreSQL server the `PG*` variables name (run under `pg_virtualenv`), served by
/// `TW_BENCH_INSTANCES` (1) processes.
pub struct Server {
    pub children: Vec<Child>,
    /// The first instance's address.
    pub addr: SocketAddr,
    /// Every instance's address.
    pub addrs: Vec<SocketAddr>,
    pub dir: TempDir,
    /// The PostgreSQL database's name (`None`: SQLite).
    postgres: Option<String>,
}

/// The database the benchmarks run on, as `TW_BENCH_DATABASE` names it.
pub fn database_label() -> String {
    let instances: usize = env_or("TW_BENCH_INSTANCES", 1);
    match std::env::var("TW_BENCH_DATABASE").as_deref() {
        Ok("postgres") => format!("PostgreSQL, {instances} instance(s)"),
        _ => "SQLite".to_owned(),
    }
}

/// A new database on the PostgreSQL server the `PG*` variables name (as `pg_virtualenv`
/// sets them): its URL and name.
pub fn new_postgres_database() -> (String, String) {
    let var =
        |n: &str| std::env::var(n).unwrap_or_else(|_| panic!("{n} (run under pg_virtualenv)"));
    let name = format!("bench_{}", uuid::Uuid::new_v4().simple());
    let made = Command::new("createdb")
        .arg(&name)
        .status()
        .expect("createdb");
    assert!(made.success(), "createdb {name}");
    let url = format!(
        "postgres://{}:{}@{}:{}/{name}",
        var("PGUSER"),
        var("PGPASSWORD"),
        var("PGHOST"),
        var("PGPORT")
    );
    (url, name)
}

impl Server {
    pub fn start() -> Server {
        let dir = tempfile::tempdir().expect("temporary directory");
        let (url, postgres) = match std::env::var("TW_BENCH_DATABASE").as_deref() {
            Ok("postgres") => {
                let (url, name) = new_postgres_database();
                (url, Some(name))
            }
            _ => (
                format!("sqlite://{}", dir.path().join("bench.db").display()),
                None,
            ),
        };
        let instances: usize = if postgres.is_some() {
            env_or("TW_BENCH_INSTANCES", 1)
        } else {
            1
        };
        let mut children = Vec::new();
        let mut addrs = Vec::new();
        for _ in 0..instances {
            let (child, addr) = spawn(&url, &dir);
            children.push(child);
            addrs.push(addr);
        }
        Server {
            children,
            addr: addrs[0],
            addrs,
            dir,
            postgres,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// `path` on instance `i` (counted round the instances).
    pub fn url_of(&self, i: usize, path: &str) -> String {
        format!("http://{}{path}", self.addrs[i % self.addrs.len()])
    }

    /// CPU time the server processes have used so far (user + system), from /proc: a
    /// figure that other load on the machine changes much less than wall-clock throughput.
    /// (PostgreSQL's own processes are not counted.)
    pub fn cpu_seconds(&self) -> f64 {
        self.children
            .iter()
            .map(|c| cpu_seconds_of(&c.id().to_string()))
            .sum()
    }

    pub fn database_bytes(&self) -> u64 {
        if let Some(name) = &self.postgres {
            let out = Command::new("psql")
                .args(["-tAc", &format!("SELECT pg_database_size('{name}')")])
                .output()
                .expect("psql");
            return String::from_utf8_lossy(&out.stdout)
                .trim()
                .parse()
                .unwrap_or(0);
        }
        ["bench.db", "bench.db-wal"]
            .iter()
            .filter_map(|f| std::fs::metadata(self.dir.path().join(f)).ok())
            .map(|m| m.len())
            .sum()
    }
}

/// One `tradewinds serve` on `url`, and the address it listens on.
fn spawn(url: &str, dir: &TempDir) -> (Child, SocketAddr) {
    let mut child = Command::new(binary())
        .arg("serve")
        .args(["--addr", "127.0.0.1:0", "--no-seed", "--demo"])
        .arg("--database")
        .arg(url)
        .arg("--dist")
        .arg(dir.path().join("no-app"))
        .arg("--files")
        .arg(dir.path().join("files"))
        // The production defaults (log level included).
        .env_remove("RUST_LOG")
        .env_remove("TRADEWINDS_ADDR")
        .env_remove("TRADEWINDS_DATABASE_URL")
        .env_remove("TRADEWINDS_DIST")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start target/release/tradewinds (cargo bench builds it)");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            // The line saying where it runs is worded in the environment's language.
            if let Some(rest) = line.split("http://").nth(1) {
                let addr = rest.split('/').next().unwrap_or_default().to_owned();
                let _ = tx.send(addr);
            }
        }
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the server did not say where it runs")
        .parse()
        .expect("an address");
    (child, addr)
}

impl Drop for Server {
    fn drop(&mut self) {
        for child in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
        if let Some(name) = &self.postgres {
            let _ = Command::new("dropdb").arg(name).status();
        }
    }
}

/// CPU time (user + system) process `pid` has used so far ("self": this one), from /proc.
pub fn cpu_seconds_of(pid: &str) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which is in parentheses): utime and stime are the
    // 14th and 15th fields of the line, in clock ticks (100 per second on Linux).
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, r)| r)
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}
