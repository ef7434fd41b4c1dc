//! `compile-language FILE.ftl`: prints the form of a language file a device loads
//! (`i18n::compile`), for `scripts/build-app.sh`. The language is the file's name.

use std::process::ExitCode;

use tradewinds_shared::i18n::{compile, Lang};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: compile-language FILE.ftl");
        return ExitCode::FAILURE;
    };
    let code = std::path::Path::new(&path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let Some(lang) = Lang::from_tag(code).filter(|l| l.code() == code) else {
        eprintln!("{path}: the file's name is not a language of the interface (en, fr, es, nl)");
        return ExitCode::FAILURE;
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match compile(lang, &source) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}
