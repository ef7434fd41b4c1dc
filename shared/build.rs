//! Makes `i18n::msg`: one constant per message of `lang/en.ftl`, the source language, so
//! that code names a message the compiler checks. A constant is the FNV-1a hash of its key:
//! the keys themselves stay out of the app's binary, and a language file is read by
//! hashing its keys (`i18n::Catalogue`). Two keys with one hash stop the build.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

fn main() {
    let source = Path::new("lang/en.ftl");
    println!("cargo:rerun-if-changed={}", source.display());
    let text = fs::read_to_string(source).expect("shared/lang/en.ftl");
    let mut out = String::new();
    let mut seen: HashMap<u32, String> = HashMap::new();
    for (number, line) in text.lines().enumerate() {
        let Some((key, first)) = message_start(line) else {
            continue;
        };
        let hash = fnv1a(key);
        if let Some(other) = seen.insert(hash, key.to_owned()) {
            panic!(
                "lang/en.ftl:{}: `{key}` has the hash of `{other}`: rename one",
                number + 1
            );
        }
        let name = key.to_uppercase().replace('-', "_");
        let doc = first.trim().replace('\\', "\\\\").replace('"', "\\\"");
        writeln!(
            out,
            "#[doc = \"{doc}\"]\npub const {name}: Msg = Msg({hash:#010x});"
        )
        .unwrap();
    }
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("msg.rs");
    fs::write(dest, out).unwrap();
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
