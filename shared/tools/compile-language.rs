//! `compile-language CODE`: prints the form of a language's messages a device loads
//! (`i18n::compile`) from its files in `shared/lang/CODE/`, for `scripts/build-app.sh`.
//!
//! `compile-language CODE --manifest FILE`: prints the web app manifest `FILE` in that
//! language instead: its `name` and `description` from the language's `manifest-*`
//! messages, its `lang` the language's code.
//!
//! `compile-language CODE --split FIRST REST MODULE…`: writes the language's messages in
//! two parts (`i18n::compile_parts`), so that a first visit downloads only the words of
//! the first screens. Each MODULE is a wasm file of the built app, `first:FILE` for code
//! the first screens run (the main module, the sync engine, the start page and chunks
//! they load) or `later:FILE` for code only later screens run. FIRST gets the messages
//! whose constant the first screens' code holds; REST gets all others, among them every
//! word named at run time (field labels, coded values, countries, problems). The app loads
//! REST before a later screen's code runs (`app/src/chunks.rs`) and reports any message or
//! word wanted before then (`app/src/i18n.rs`), which the browser tests fail on.

use std::collections::HashSet;
use std::process::ExitCode;

use tradewinds_shared::i18n::{compile, compile_parts, msg, Catalogue, Lang, Msg, SOURCES};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((lang, source)) = args
        .first()
        .and_then(|code| SOURCES.iter().find(|(l, _)| l.code() == code))
    else {
        eprintln!(
            "usage: compile-language CODE [--manifest FILE | --split FIRST REST (first:|later:)WASM…], where CODE is one of en, fr, es, nl"
        );
        return ExitCode::FAILURE;
    };
    let code = lang.code();
    let done = match args.get(1..) {
        Some([flag, file]) if flag == "--manifest" => manifest(*lang, source, file),
        Some([flag, first, rest, modules @ ..]) if flag == "--split" => {
            split(*lang, source, first, rest, modules).map(|()| String::new())
        }
        Some([]) => compile(*lang, source).map_err(|e| format!("shared/lang/{code}: {e}")),
        _ => Err("usage: compile-language CODE [--manifest FILE | --split FIRST REST (first:|later:)WASM…]".to_owned()),
    };
    match done {
        Ok(text) => {
            if !text.is_empty() {
                println!("{text}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// The manifest in `file` with its words in `lang`.
fn manifest(
    lang: tradewinds_shared::i18n::Lang,
    source: &str,
    file: &str,
) -> Result<String, String> {
    let code = lang.code();
    let catalogue =
        Catalogue::parse(lang, source).map_err(|e| format!("shared/lang/{code}: {e}"))?;
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let mut manifest: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))?;
    let word = |id: Msg, key: &str| {
        catalogue
            .plain(id)
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .ok_or(format!(
                "shared/lang/{code}: `{key}` is missing or names a value"
            ))
    };
    let object = manifest
        .as_object_mut()
        .ok_or(format!("{file}: not a JSON object"))?;
    object.insert(
        "name".into(),
        word(msg::MANIFEST_NAME, "manifest-name")?.into(),
    );
    object.insert(
        "description".into(),
        word(msg::MANIFEST_DESCRIPTION, "manifest-description")?.into(),
    );
    object.insert("lang".into(), code.into());
    serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())
}

/// Writes `lang`'s messages in two parts, `first` and `rest`, as the modules' code names them.
fn split(
    lang: Lang,
    source: &str,
    first: &str,
    rest: &str,
    modules: &[String],
) -> Result<(), String> {
    let mut early = HashSet::new();
    for module in modules {
        let (first, file) = match module.split_once(':') {
            Some(("first", file)) => (true, file),
            Some(("later", file)) => (false, file),
            _ => {
                return Err(format!(
                    "`{module}`: name a module as first:FILE or later:FILE"
                ))
            }
        };
        // Later modules only need naming: every message they do not share goes later.
        if first {
            let bytes = std::fs::read(file).map_err(|e| format!("{file}: {e}"))?;
            early.extend(constants(&bytes));
        }
    }
    if early.is_empty() {
        return Err("--split: no first:FILE module".to_owned());
    }
    let code = lang.code();
    let (first_part, rest_part) = compile_parts(lang, source, |_, id| early.contains(&id.0))
        .map_err(|e| format!("shared/lang/{code}: {e}"))?;
    std::fs::write(first, first_part).map_err(|e| format!("{first}: {e}"))?;
    std::fs::write(rest, rest_part).map_err(|e| format!("{rest}: {e}"))?;
    Ok(())
}

/// Every 32-bit value a wasm module could hold a message's constant as: the immediate of
/// each `i32.const` and both halves of each `i64.const` (two constants stored at once), and
/// every four bytes in a row (a table of messages in its data). More than the code names,
/// never less: a value taken for a constant only keeps a message in the first part.
fn constants(bytes: &[u8]) -> HashSet<u32> {
    let mut out = HashSet::new();
    for (at, &op) in bytes.iter().enumerate() {
        if op == 0x41 || op == 0x42 {
            let value = signed_leb(&bytes[at + 1..]);
            out.insert(value as u32);
            out.insert((value >> 32) as u32);
        }
    }
    for four in bytes.windows(4) {
        out.insert(u32::from_le_bytes([four[0], four[1], four[2], four[3]]));
    }
    out
}

/// A signed LEB128 number at the start of `bytes` (wasm's form of a constant).
fn signed_leb(bytes: &[u8]) -> i64 {
    let (mut value, mut shift) = (0i64, 0u32);
    for &b in bytes.iter().take(10) {
        value |= i64::from(b & 0x7f) << shift;
        shift += 7;
        if b & 0x80 == 0 {
            if shift < 64 && b & 0x40 != 0 {
                value |= -1i64 << shift;
            }
            break;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `op` and `value` as signed LEB128, as wasm writes a constant.
    fn instruction(op: u8, mut value: i64) -> Vec<u8> {
        let mut out = vec![op];
        loop {
            let b = (value & 0x7f) as u8;
            value >>= 7;
            let done = (value == 0 && b & 0x40 == 0) || (value == -1 && b & 0x40 != 0);
            out.push(if done { b } else { b | 0x80 });
            if done {
                return out;
            }
        }
    }

    #[test]
    fn constants_are_found_as_the_code_and_data_hold_them() {
        let id: u32 = 0x8a4f_3c21;
        // i32.const, where the hash is a negative number.
        assert!(constants(&instruction(0x41, i64::from(id as i32))).contains(&id));
        // i64.const: two messages stored at once.
        let pair = (i64::from(0x1234_5678u32) << 32) | i64::from(0x0abc_def0u32);
        let found = constants(&instruction(0x42, pair));
        assert!(found.contains(&0x1234_5678) && found.contains(&0x0abc_def0));
        // A table in the data.
        assert!(constants(&[0, 0x21, 0x3c, 0x4f, 0x8a, 0]).contains(&id));
        assert!(!constants(&[1, 2, 3]).contains(&id));
        assert_eq!(signed_leb(&[0x2a]), 42);
        assert_eq!(signed_leb(&[0x7f]), -1);
    }
}
