//! A problem to tell a person — a field left empty, a change refused — as a message of
//! `shared/lang` (`problem-*`) and its values rather than as English text, so that each
//! device words it in its own language and the server in the one a request names. The
//! checks in `shared` run in the app and on the server alike and make these; whoever shows
//! one words it (`Catalogue::problem`).

use serde::{Deserialize, Serialize};

use super::{key_hash, Arg, Catalogue, Msg};

/// The keys of the `problem-*` messages, without the prefix (`key::REQUIRED`).
pub mod key {
    use super::Key;
    include!(concat!(env!("OUT_DIR"), "/problems.rs"));
}

/// The key of a `problem-*` message: only `key`'s constants, so that every problem made is
/// one the languages have words for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(&'static str);

/// A message's key and its values: `{"key": "problem-too-long", "args": [["max", 200]]}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// A message key of `shared/lang`; empty for a problem worded elsewhere (by a release
    /// before messages had keys), which only its `message` can show.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, Value)>,
}

/// A value of a problem: text (a code that was not known, a value as entered), a number
/// (a limit, a count), which the language writes its way and which chooses plural forms,
/// or a word of the messages themselves (a field's label), in the language of the rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Number(i64),
    Text(String),
    /// `{"word": KEY}`: the message `KEY` (`field-organisations-category`), or the key
    /// itself where the language lacks it.
    Word {
        word: String,
    },
}

impl Value {
    /// The message `key`, as a word of a sentence.
    pub fn word(key: impl Into<String>) -> Value {
        Value::Word { word: key.into() }
    }

    /// The label of `kind`'s field `field`.
    pub fn field(kind: crate::RecordKind, field: &str) -> Value {
        Value::word(super::field_key(kind, field))
    }

    /// What a record of `kind` is called in a sentence ("meeting": `record-noun-*`).
    pub fn noun(kind: crate::RecordKind) -> Value {
        Value::word(format!("record-noun-{}", kind.code()))
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(s)
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Self {
        Value::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Number(n)
    }
}

/// Read through `serde_json::Value`, whose reading the app has already, rather than by a
/// visitor of its own: this is read in the app's first download (a refusal, a change the
/// server refused), where every kilobyte counts.
impl<'de> Deserialize<'de> for Problem {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Problem, D::Error> {
        let json = serde_json::Value::deserialize(d)?;
        Problem::from_json(&json).ok_or_else(|| {
            serde::de::Error::custom(
                "a problem is {\"key\": KEY, \"args\": [[NAME, VALUE], …]}, each value a whole \
                 number, a text or {\"word\": KEY}",
            )
        })
    }
}

impl Problem {
    fn from_json(json: &serde_json::Value) -> Option<Problem> {
        let value = |v: &serde_json::Value| match v {
            serde_json::Value::Number(n) => n.as_i64().map(Value::Number),
            serde_json::Value::String(s) => Some(Value::Text(s.clone())),
            serde_json::Value::Object(o) if o.len() == 1 => o
                .get("word")
                .and_then(serde_json::Value::as_str)
                .map(Value::word),
            _ => None,
        };
        let object = json.as_object()?;
        let key = match object.get("key") {
            None => String::new(),
            Some(k) => k.as_str()?.to_owned(),
        };
        let args = match object.get("args") {
            None => Vec::new(),
            Some(args) => args
                .as_array()?
                .iter()
                .map(|pair| match pair.as_array()?.as_slice() {
                    [name, v] => Some((name.as_str()?.to_owned(), value(v)?)),
                    _ => None,
                })
                .collect::<Option<_>>()?,
        };
        Some(Problem { key, args })
    }

    /// Whether this is no problem at all (an error from a release before problems had
    /// keys): not written.
    pub fn is_none(&self) -> bool {
        self.key.is_empty()
    }

    /// The problem `key` with no values.
    pub fn new(key: Key) -> Problem {
        Problem {
            key: key.0.to_owned(),
            args: Vec::new(),
        }
    }

    /// The same problem with one more value.
    pub fn with(mut self, name: &str, value: impl Into<Value>) -> Problem {
        self.args.push((name.to_owned(), value.into()));
        self
    }
}

impl Catalogue {
    /// `problem` in this catalogue's language; `None` when it has no key or a key this
    /// release does not know (from a newer server), for the caller to show the text it
    /// came with.
    pub fn problem(&self, problem: &Problem) -> Option<String> {
        let id = Msg(key_hash(&problem.key));
        if problem.key.is_empty() || !self.has(id) {
            return None;
        }
        let args: Vec<(&str, Arg<'_>)> = problem
            .args
            .iter()
            .map(|(name, value)| {
                let arg = match value {
                    Value::Number(n) => Arg::Number(*n),
                    Value::Text(s) => Arg::Text(s),
                    Value::Word { word } => Arg::Text(self.word(word).unwrap_or(word)),
                };
                (name.as_str(), arg)
            })
            .collect();
        Some(self.format(id, &args))
    }
}

/// A language's messages, each read once: the server words its answers with them, and
/// logs and tests in English. Not in the app, which loads only the language it shows.
#[cfg(not(target_arch = "wasm32"))]
pub fn catalogue(lang: super::Lang) -> &'static Catalogue {
    static ALL: std::sync::OnceLock<Vec<Catalogue>> = std::sync::OnceLock::new();
    let all = ALL.get_or_init(|| {
        super::SOURCES
            .iter()
            .map(|(l, src)| Catalogue::parse(*l, src).expect("shared/lang reads"))
            .collect()
    });
    all.iter().find(|c| c.lang() == lang).unwrap_or(&all[0])
}

/// In English, or its key when that is unknown.
#[cfg(not(target_arch = "wasm32"))]
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match catalogue(super::Lang::En).problem(self) {
            Some(text) => f.write_str(&text),
            None => f.write_str(&self.key),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_travels_as_its_key_and_values_and_reads_back_the_same() {
        let p = Problem::new(key::TOO_LONG)
            .with("max", 200_usize)
            .with("field", "name")
            .with("label", Value::word("field-organisations-name"));
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            r#"{"key":"problem-too-long","args":[["max",200],["field","name"],["label",{"word":"field-organisations-name"}]]}"#
        );
        assert_eq!(serde_json::from_str::<Problem>(&json).unwrap(), p);
        let bad = |json| serde_json::from_str::<Problem>(json).is_err();
        assert!(bad(r#"{"key":"problem-required","args":[["max",1.5]]}"#));
        assert!(bad(r#"{"key":"problem-required","args":[["field",{}]]}"#));
        assert!(bad(r#"{"key":7}"#));
        assert!(bad("[]"));
        assert_eq!(
            serde_json::from_str::<Problem>("{}").unwrap(),
            Problem::default()
        );
    }

    #[test]
    fn a_problem_is_worded_in_each_language_and_a_word_in_the_language_of_the_rest() {
        let p = Problem::new(key::ONLY_COORDINATORS_CHANGE_ORG_FIELD).with(
            "field",
            Value::field(crate::RecordKind::Organisation, "category"),
        );
        let fr = catalogue(super::super::Lang::Fr).problem(&p).unwrap();
        assert!(fr.contains("« Catégorie »"), "{fr}");
        assert_eq!(
            p.to_string(),
            "Only regional coordinators can change an organisation's “Category”."
        );
        let unknown = Problem {
            key: "problem-from-a-newer-release".into(),
            args: vec![],
        };
        assert_eq!(catalogue(super::super::Lang::Es).problem(&unknown), None);
    }
}
