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

/// `tradewinds serve --demo` on a fresh database in a temporary directory, killed when
/// dropped.
pub struct Server {
    pub child: Child,
    pub addr: SocketAddr,
    pub dir: TempDir,
}

impl Server {
    pub fn start() -> Server {
        let dir = tempfile::tempdir().expect("temporary directory");
        let mut child = Command::new(binary())
            .arg("serve")
            .args(["--addr", "127.0.0.1:0", "--no-seed", "--demo"])
            .arg("--database")
            .arg(format!(
                "sqlite://{}",
                dir.path().join("bench.db").display()
            ))
            .arg("--dist")
            .arg(dir.path().join("no-app"))
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
                if let Some(rest) = line.split("Tradewinds is running at http://").nth(1) {
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
        Server { child, addr, dir }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// CPU time the server process has used so far (user + system), from /proc: a figure
    /// that other load on the machine changes much less than wall-clock throughput.
    pub fn cpu_seconds(&self) -> f64 {
        cpu_seconds_of(&self.child.id().to_string())
    }

    pub fn database_bytes(&self) -> u64 {
        ["bench.db", "bench.db-wal"]
            .iter()
            .filter_map(|f| std::fs::metadata(self.dir.path().join(f)).ok())
            .map(|m| m.len())
            .sum()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
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
