//! Makes `i18n::msg`: one constant per message of `lang/en/*.ftl`, the source language, so
//! that code names a message the compiler checks. A constant is the FNV-1a hash of its key:
//! the keys themselves stay out of the app's binary, and a language file is read by
//! hashing its keys (`i18n::Catalogue`). Two keys with one hash stop the build.
//!
//! Also makes `i18n::SOURCES`: each language's files (`lang/<code>/<area>.ftl`, one per
//! part of the interface) joined in the order of their names. Every language has the same
//! files, so that a translator finds a message where English has it.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

const LANGS: [(&str, &str); 4] = [("en", "En"), ("fr", "Fr"), ("es", "Es"), ("nl", "Nl")];

fn main() {
    println!("cargo:rerun-if-changed=lang");
    let out_dir = env::var("OUT_DIR").unwrap();
    let english = files("en");
    let mut sources = String::from(
        "/// Every language's messages as translators wrote them, its files joined (for the \
         server\n/// and the tests; the app fetches its one language instead).\n\
         pub const SOURCES: [(Lang, &str); 4] = [\n",
    );
    for (code, variant) in LANGS {
        let these = files(code);
        let names = |f: &[std::path::PathBuf]| -> Vec<String> {
            f.iter()
                .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
                .collect()
        };
        assert_eq!(
            names(&these),
            names(&english),
            "shared/lang/{code}/ must have the files shared/lang/en/ has"
        );
        let parts: Vec<String> = these
            .iter()
            .map(|p| format!("include_str!({:?}), \"\\n\"", p.display().to_string()))
            .collect();
        writeln!(
            sources,
            "    (Lang::{variant}, concat!({})),",
            parts.join(", ")
        )
        .unwrap();
    }
    sources.push_str("];\n");
    fs::write(Path::new(&out_dir).join("sources.rs"), sources).unwrap();

    let text: String = english
        .iter()
        .map(|p| fs::read_to_string(p).expect("a file of shared/lang/en") + "\n")
        .collect();
    let mut out = String::new();
    let mut problems = String::new();
    let mut seen: HashMap<u32, String> = HashMap::new();
    for line in text.lines() {
        let Some((key, first)) = message_start(line) else {
            continue;
        };
        let hash = fnv1a(key);
        if let Some(other) = seen.insert(hash, key.to_owned()) {
            if other == key {
                panic!("shared/lang/en: `{key}` is written twice");
            }
            panic!("shared/lang/en: `{key}` has the hash of `{other}`: rename one");
        }
        let name = key.to_uppercase().replace('-', "_");
        if let Some(problem) = name.strip_prefix("PROBLEM_") {
            writeln!(problems, "pub const {problem}: Key = Key(\"{key}\");").unwrap();
        }
        let doc = first.trim().replace('\\', "\\\\").replace('"', "\\\"");
        writeln!(
            out,
            "#[doc = \"{doc}\"]\npub const {name}: Msg = Msg({hash:#010x});"
        )
        .unwrap();
    }
    fs::write(Path::new(&out_dir).join("msg.rs"), out).unwrap();
    fs::write(Path::new(&out_dir).join("problems.rs"), problems).unwrap();
}

/// A language's `.ftl` files, in the order of their names, as absolute paths.
fn files(code: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap())
        .join("lang")
        .join(code);
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut found: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    found.sort();
    for p in &found {
        println!("cargo:rerun-if-changed={}", p.display());
    }
    found
}

/// `key = first line` at the start of a line.
fn message_start(line: &str) -> Option<(&str, &str)> {
    let first = line.chars().next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let (key, rest) = line.split_once('=')?;
    let key = key.trim_end();
    key.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        .then_some((key, rest))
}

/// The same hash as `i18n::key_hash`.
fn fnv1a(key: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in key.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}
