//! The interface's languages (English, French, Spanish, Dutch): which one a person gets, and
//! its messages.
//!
//! Messages are written in `shared/lang/<code>/<area>.ftl`, in Fluent, the format translation tools
//! know: `key = text`, `{ $name }` for a value, and a choice by plural form or by value:
//!
//! ```text
//! to-do = { $count ->
//!     [one] { $count } action item to do
//!    *[other] { $count } action items to do
//! }
//! ```
//!
//! `lang/en/` is the source: `build.rs` makes a constant in [`msg`] for each of its
//! messages, so code names a message the compiler checks (`msg::NAV_HOME`). A constant is
//! the hash of the key, not the key: the app's binary carries no keys and no text; it
//! loads the one language a person uses (`app/src/i18n.rs`). The server holds all four
//! (`SOURCES`) for its error messages. Only the subset of Fluent above is read (no terms,
//! attributes or functions); `tests` keeps every language's file complete and its
//! placeholders equal to English's.

mod format;
pub mod problem;
#[cfg(test)]
mod tests;
pub mod words;

use serde::{Deserialize, Serialize};

pub use format::{compile, compile_parts, Catalogue, Message, ParseError, SERVER_ONLY};
pub use problem::Problem;
pub use words::{Readings, Words};

/// One constant per message of `shared/lang/en/`, named by its key in capitals.
pub mod msg {
    use super::Msg;
    include!(concat!(env!("OUT_DIR"), "/msg.rs"));
}

// `SOURCES`, every language's files joined, made by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/sources.rs"));

/// A language of the interface, written as its code (`"fr"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    Es,
    Nl,
}

/// Read as a text and its code (the derived form would bring an enum's reading into the
/// app's first download, which reads the signed-in person's language).
impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let code = String::deserialize(d)?;
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == code)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "`{code}` is not a language of the interface (en, fr, es, nl)"
                ))
            })
    }
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::Es, Lang::Nl];

    /// Its BCP 47 code, as `html lang` and file names use it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Nl => "nl",
        }
    }

    /// Its name in itself, as a language switch offers it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Nl => "Nederlands",
        }
    }

    /// The language a tag such as `fr-CA` or `NL` names, if it is one of ours.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The first of a person's languages (most wanted first) that the interface speaks;
    /// English when none is.
    pub fn first_of<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::En)
    }

    /// The language a command's environment names, read as gettext reads it: the first of
    /// `LANGUAGE`'s languages (a list such as `fr:en`) that the interface speaks, unless the
    /// locale is `C` (`C.UTF-8`) or `POSIX`; else the locale of `LC_ALL`, `LC_MESSAGES` or `LANG`, the
    /// first of them set (`nl_NL.UTF-8`); English when none names one of ours.
    pub fn from_environment(var: impl Fn(&str) -> Option<String>) -> Lang {
        let set = |name: &str| var(name).filter(|v| !v.is_empty());
        let locale = set("LC_ALL")
            .or_else(|| set("LC_MESSAGES"))
            .or_else(|| set("LANG"));
        let plain = |l: &str| l == "C" || l == "POSIX" || l.starts_with("C.");
        if locale.as_deref().is_some_and(plain) {
            return Lang::En;
        }
        set("LANGUAGE")
            .and_then(|list| list.split(':').find_map(Lang::from_tag))
            .or_else(|| locale.as_deref().and_then(Lang::from_tag))
            .unwrap_or(Lang::En)
    }

    /// The language an `Accept-Language` header asks for (`fr-CA,fr;q=0.9,en;q=0.5`): the
    /// one of ours with the highest weight, the earliest among equals; English otherwise.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut best: Option<(Lang, u16)> = None;
        for item in header.split(',') {
            let mut parts = item.split(';');
            let Some(lang) = parts.next().and_then(Lang::from_tag) else {
                continue;
            };
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(1000, quality);
            if weight > 0 && best.is_none_or(|(_, w)| weight > w) {
                best = Some((lang, weight));
            }
        }
        best.map_or(Lang::En, |(lang, _)| lang)
    }

    /// The plural form of a whole number, by CLDR's rules: `one`, `many` or `other`.
    pub fn plural(self, n: i64) -> &'static str {
        let millions = n != 0 && n % 1_000_000 == 0;
        match self {
            Lang::En | Lang::Nl if n == 1 => "one",
            Lang::Es if n == 1 => "one",
            Lang::Fr if n == 0 || n == 1 => "one",
            Lang::Fr | Lang::Es if millions => "many",
            _ => "other",
        }
    }

    /// A whole number as people write it in this language: `12,500` (en), `12 500` (fr,
    /// with a narrow no-break space), `12.500` (es, nl; Spanish groups from five digits).
    pub fn number(self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let separator = match self {
            Lang::En => ",",
            Lang::Fr => "\u{202f}",
            Lang::Es | Lang::Nl => ".",
        };
        let group = digits.len() > 4 || (digits.len() == 4 && self != Lang::Es);
        let mut out = String::with_capacity(digits.len() + 8);
        if n < 0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if group && i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(separator);
            }
            out.push(c);
        }
        out
    }

    /// A quantity to one decimal as people write it in this language: its whole part as
    /// [`Lang::number`] writes it, then the decimal sign (a point in English, a comma in
    /// French, Spanish and Dutch): `1,234.5` (en), `1.234,5` (nl).
    pub fn tenths(self, x: f64) -> String {
        let tenths = (x.abs() * 10.0).round() as i64;
        let sign = if x < 0.0 && tenths > 0 { "-" } else { "" };
        let point = if self == Lang::En { '.' } else { ',' };
        format!("{sign}{}{point}{}", self.number(tenths / 10), tenths % 10)
    }
}

/// `q=0.8` as thousandths; a malformed weight counts as 0 (not wanted).
fn quality(q: &str) -> u16 {
    let q = q.trim();
    let (whole, frac) = q.split_once('.').unwrap_or((q, ""));
    let frac: String = frac.chars().chain("000".chars()).take(3).collect();
    match (whole, frac.parse::<u16>()) {
        ("1", Ok(0)) => 1000,
        ("0", Ok(f)) => f,
        _ => 0,
    }
}

/// A value stored by a code and shown by a label (every `labelled_enum!`). Its label in a
/// language is the message `<NAME>-<code>` (`OrgCategory-donor`).
pub trait Labelled: Copy + 'static {
    const NAME: &'static str;
    fn all() -> &'static [Self];
    fn code(self) -> &'static str;
    /// In English, the source language.
    fn label(self) -> &'static str;
    fn key(self) -> String {
        format!("{}-{}", Self::NAME, self.code())
    }
}

/// The message that names a field of a record kind: `field-<kind>-<field>`.
pub fn field_key(kind: crate::RecordKind, field: &str) -> String {
    format!("field-{}-{field}", kind.plural())
}

/// The message that names an entry of a reference list (`reference`): `country-HT`,
/// `language-fr`, `topic-integrity`.
pub fn reference_key(list: &str, code: &str) -> String {
    format!("{list}-{code}")
}

/// A message of the interface: the hash of its key (`msg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Msg(pub u32);

/// The FNV-1a hash that names a message (the same as `build.rs`'s).
pub fn key_hash(key: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in key.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

/// A value put into a message.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Arg<'a> {
    Text(&'a str),
    /// Written as the language writes numbers, and chooses a plural form.
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(s)
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(i32, i64, u32, u64, usize);
