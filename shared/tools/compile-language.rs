//! `compile-language CODE`: prints the form of a language's messages a device loads
//! (`i18n::compile`) from its files in `shared/lang/CODE/`, for `scripts/build-app.sh`.
//!
//! `compile-language CODE --manifest FILE`: prints the web app manifest `FILE` in that
//! language instead: its `name` and `description` from the language's `manifest-*`
//! messages, its `lang` the language's code.

use std::process::ExitCode;

use tradewinds_shared::i18n::{compile, msg, Catalogue, Msg, SOURCES};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((lang, source)) = args
        .first()
        .and_then(|code| SOURCES.iter().find(|(l, _)| l.code() == code))
    else {
        eprintln!(
            "usage: compile-language CODE [--manifest FILE], where CODE is one of en, fr, es, nl"
        );
        return ExitCode::FAILURE;
    };
    let code = lang.code();
    let done = match args.get(1..) {
        Some([flag, file]) if flag == "--manifest" => manifest(*lang, source, file),
        Some([]) => compile(*lang, source).map_err(|e| format!("shared/lang/{code}: {e}")),
        _ => Err("usage: compile-language CODE [--manifest FILE]".to_owned()),
    };
    match done {
        Ok(text) => {
            println!("{text}");
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
