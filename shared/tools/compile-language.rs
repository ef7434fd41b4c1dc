//! `compile-language CODE`: prints the form of a language's messages a device loads
//! (`i18n::compile`) from its files in `shared/lang/CODE/`, for `scripts/build-app.sh`.

use std::process::ExitCode;

use tradewinds_shared::i18n::{compile, SOURCES};

fn main() -> ExitCode {
    let code = std::env::args().nth(1).unwrap_or_default();
    let Some((lang, source)) = SOURCES.iter().find(|(l, _)| l.code() == code) else {
        eprintln!("usage: compile-language CODE, where CODE is one of en, fr, es, nl");
        return ExitCode::FAILURE;
    };
    match compile(*lang, source) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("shared/lang/{code}: {e}");
            ExitCode::FAILURE
        }
    }
}
