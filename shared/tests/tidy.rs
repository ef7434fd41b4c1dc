//! Keeps the invariants ARCHITECTURE.md documents true of the whole tree (modelled on
//! rust-analyzer's `tidy.rs`): each fails with the files that break it and what to do.
//!
//! - every Rust module starts with a `//!` line saying what it is for;
//! - only `app/src/db` uses rexie (IndexedDB), only `app/src/sync` uses gloo-net (HTTP);
//! - `shared` depends on nothing that does I/O;
//! - no module of a crate's `src/` is longer than `MAX_LINES` unless its header says why (a
//!   `//!` line starting `Long:`); test and benchmark files, lists of independent cases,
//!   are not held to it.

use std::fs;
use std::path::{Path, PathBuf};

/// Lines a source file may have before its header must say why it is longer.
const MAX_LINES: usize = 600;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace")
        .to_owned()
}

/// Every `.rs` file under the workspace's crates, as (path from the root, text).
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if path.is_dir() {
                if name != "target" && name != "node_modules" && !name.starts_with('.') {
                    walk(&path, out);
                }
            } else if name.ends_with(".rs") {
                out.push(path);
            }
        }
    }
    let root = root();
    let mut files = Vec::new();
    for krate in ["app", "server", "shared"] {
        walk(&root.join(krate), &mut files);
    }
    files.sort();
    assert!(files.len() > 50, "found only {} sources", files.len());
    files
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).expect("readable source");
            let rel = p.strip_prefix(&root).expect("under the root");
            (rel.to_string_lossy().replace('\\', "/"), text)
        })
        .collect()
}

/// Fails listing `bad`, if any, under `rule`.
fn check(rule: &str, bad: Vec<String>) {
    assert!(bad.is_empty(), "{rule}:\n  {}", bad.join("\n  "));
}

/// Whether `text` uses the crate `name` in code (comments and strings aside, roughly: any
/// line not starting as a comment that names `name::` or `use name`).
fn uses(text: &str, name: &str) -> bool {
    text.lines().any(|line| {
        let code = line.trim_start();
        !code.starts_with("//")
            && (code.contains(&format!("{name}::")) || code.contains(&format!("use {name}")))
    })
}

#[test]
fn every_module_says_what_it_is_for() {
    let bad = sources()
        .into_iter()
        .filter(|(_, text)| !text.starts_with("//!"))
        .map(|(path, _)| path)
        .collect();
    check(
        "these files do not start with a `//!` line saying what the module is for",
        bad,
    );
}

#[test]
fn indexeddb_and_http_each_have_one_home_in_the_app() {
    let sources = sources();
    let outside = |krate: &str, home: &str| -> Vec<String> {
        sources
            .iter()
            .filter(|(path, _)| path.starts_with("app/src/") && !path.starts_with(home))
            .filter(|(_, text)| uses(text, krate))
            .map(|(path, _)| path.clone())
            .collect()
    };
    check(
        "only app/src/db uses rexie (IndexedDB): go through `Db` instead",
        outside("rexie", "app/src/db"),
    );
    check(
        "only app/src/sync uses gloo_net (HTTP): add a call in `sync` instead",
        outside("gloo_net", "app/src/sync"),
    );
}

#[test]
fn shared_does_no_io() {
    let manifest = fs::read_to_string(root().join("shared/Cargo.toml")).expect("manifest");
    let deps: Vec<&str> = manifest
        .split("[dependencies]")
        .nth(1)
        .expect("a [dependencies] table")
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .filter_map(|l| l.split(['=', '.']).next())
        .map(str::trim)
        .filter(|name| !name.is_empty() && !name.starts_with('#'))
        .collect();
    // quick-xml reads XML from a string in memory (no I/O feature is enabled); hmac and
    // sha2 compute a changes file's seal over bytes in memory.
    let allowed = [
        "serde",
        "serde_json",
        "uuid",
        "thiserror",
        "quick-xml",
        "hmac",
        "sha2",
    ];
    let bad = deps
        .iter()
        .filter(|d| !allowed.contains(d))
        .map(|d| format!("{d} (shared/Cargo.toml)"))
        .collect();
    check(
        "shared depends only on pure crates (serde, serde_json, uuid, thiserror, quick-xml, hmac, sha2); I/O belongs in app or server",
        bad,
    );
    let io = [
        "std::fs",
        "std::net",
        "std::process",
        "tokio",
        "web_sys",
        "sqlx",
    ];
    let bad = sources()
        .into_iter()
        .filter(|(path, _)| path.starts_with("shared/src/"))
        .filter(|(_, text)| io.iter().any(|krate| uses(text, krate)))
        .map(|(path, _)| path)
        .collect();
    check("shared/src does no I/O", bad);
}

#[test]
fn long_files_say_why() {
    let bad = sources()
        .into_iter()
        .filter(|(path, _)| path.contains("/src/"))
        .filter(|(_, text)| text.lines().count() > MAX_LINES)
        .filter(|(_, text)| {
            !text.lines().take_while(|l| l.starts_with("//!")).any(|l| {
                l.trim_start_matches("//!")
                    .trim_start()
                    .starts_with("Long:")
            })
        })
        .map(|(path, text)| format!("{path}: {} lines", text.lines().count()))
        .collect();
    check(
        &format!("files over {MAX_LINES} lines: split them by job, or say why in a `//! Long: …` header line"),
        bad,
    );
}
