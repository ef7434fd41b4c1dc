//! Field validation: the rules the forms show before saving and the server enforces on every
//! write (REST and sync alike). A problem is a message of `shared/lang` (`problem-*`) with its
//! values (`i18n::Problem`), worded by whoever shows it: the app in its language, the server
//! in the one a request names.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::problem::{key, Key};
use crate::i18n::{Catalogue, Problem};

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    /// The problem worded: by the server in the language of the request it answers, and
    /// by releases before problems had keys. Empty where it was found (`text` words it).
    #[serde(default)]
    pub message: String,
    #[serde(default, skip_serializing_if = "Problem::is_none")]
    pub problem: Problem,
}

impl FieldError {
    /// The problem in `catalogue`'s language, or as it was worded when that language has
    /// no words for it (an error from a newer or older release).
    pub fn text(&self, catalogue: &Catalogue) -> String {
        catalogue
            .problem(&self.problem)
            .unwrap_or_else(|| self.message.clone())
    }

    /// Words `message` in `catalogue`'s language, for an answer to send.
    pub fn word(&mut self, catalogue: &Catalogue) {
        self.message = self.text(catalogue);
    }
}

/// In English where the messages are at hand (not in the app, which words problems in its
/// language with `text`).
impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        #[cfg(not(target_arch = "wasm32"))]
        let text = self.text(crate::i18n::problem::catalogue(crate::i18n::Lang::En));
        #[cfg(target_arch = "wasm32")]
        let text = if self.message.is_empty() {
            self.problem.key.clone()
        } else {
            self.message.clone()
        };
        write!(f, "{}: {text}", self.field)
    }
}

/// All the problems found in one record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    /// The problem `key` with `field`.
    pub fn add(&mut self, field: &str, key: Key) {
        self.add_problem(field, Problem::new(key));
    }

    /// A problem with its values.
    pub fn add_problem(&mut self, field: &str, problem: Problem) {
        self.0.push(FieldError {
            field: field.to_owned(),
            message: String::new(),
            problem,
        });
    }

    /// A problem already worded (by the server, in the language the app asked for).
    pub fn add_worded(&mut self, field: &str, message: String) {
        self.0.push(FieldError {
            field: field.to_owned(),
            message,
            problem: Problem::default(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problem with one field, if it has one.
    pub fn for_field(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|e| e.field == field)
    }

    /// Words each problem in `catalogue`'s language (`FieldError::word`).
    pub fn word(&mut self, catalogue: &Catalogue) {
        for e in &mut self.0 {
            e.word(catalogue);
        }
    }

    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for ValidationErrors {}

/// A required text: present once trimmed, and at most `max` characters.
pub fn required_text(errors: &mut ValidationErrors, field: &str, value: &str, max: usize) {
    if value.trim().is_empty() {
        errors.add(field, key::REQUIRED);
    } else {
        max_len(errors, field, value, max);
    }
}

/// Why `value` is not an IATI organisation identifier — a registration agency's prefix
/// and the organisation's number there, joined by hyphens (`XM-DAC-41114`, `GB-GOV-1`) —
/// or none when it is one.
pub fn iati_org_identifier_problem(value: &str) -> Option<Problem> {
    let r = value.trim();
    let wrong = r.len() > 100
        || !r.contains('-')
        || r.starts_with('-')
        || r.chars()
            .any(|c| c.is_whitespace() || c == '/' || c.is_control());
    wrong.then(|| Problem::new(key::NOT_IATI_ORG_ID).with("value", r))
}

/// An optional text of at most `max` characters.
pub fn max_len(errors: &mut ValidationErrors, field: &str, value: &str, max: usize) {
    let n = value.chars().count();
    if n > max {
        errors.add_problem(
            field,
            Problem::new(key::TOO_LONG)
                .with("max", max)
                .with("count", n),
        );
    }
}

/// An optional web address: empty, or `http(s)://host...` with no spaces.
pub fn optional_url(errors: &mut ValidationErrors, field: &str, value: &str) {
    let v = value.trim();
    if v.is_empty() {
        return;
    }
    let rest = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"));
    match rest {
        Some(host)
            if !host.is_empty() && !host.starts_with('/') && !v.contains(char::is_whitespace) =>
        {
            max_len(errors, field, value, 500)
        }
        _ => errors.add(field, key::NOT_URL),
    }
}

/// An optional e-mail address: empty, or one `@` with text on both sides and a dot after it.
pub fn optional_email(errors: &mut ValidationErrors, field: &str, value: &str) {
    let v = value.trim();
    if v.is_empty() {
        return;
    }
    let ok = match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !v.contains(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    };
    if !ok {
        errors.add(field, key::NOT_EMAIL);
    } else {
        max_len(errors, field, value, 254);
    }
}

/// An optional calendar date written `YYYY-MM-DD`.
pub fn optional_date(errors: &mut ValidationErrors, field: &str, value: &str) {
    let v = value.trim();
    if v.is_empty() {
        return;
    }
    if crate::dates::parse_date(v).is_none() {
        not_a_day(errors, field, "2012-10-15");
    }
}

/// "Enter a date as YYYY-MM-DD, for example `example`."
pub fn not_a_day(errors: &mut ValidationErrors, field: &str, example: &str) {
    errors.add_problem(field, Problem::new(key::NOT_DAY).with("example", example));
}

/// "Unknown topic `code`." for the first code of `topics` that is not a topic.
pub fn check_topics(errors: &mut ValidationErrors, field: &str, topics: &[String]) {
    if let Some(t) = topics
        .iter()
        .find(|t| crate::reference::topic_label(t).is_none())
    {
        errors.add_problem(
            field,
            Problem::new(key::UNKNOWN_TOPIC).with("code", t.as_str()),
        );
    }
}

/// "At most `max` organisations." when `list` has more.
pub fn at_most_orgs<T>(errors: &mut ValidationErrors, field: &str, list: &[T], max: usize) {
    if list.len() > max {
        errors.add_problem(field, Problem::new(key::TOO_MANY_ORGS).with("max", max));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(f: impl Fn(&mut ValidationErrors)) -> Option<String> {
        let mut e = ValidationErrors::default();
        f(&mut e);
        e.0.first().map(ToString::to_string)
    }

    #[test]
    fn required_text_refuses_blank_and_long() {
        assert!(check(|e| required_text(e, "name", "  ", 10))
            .unwrap()
            .contains("required"));
        assert!(check(|e| required_text(e, "name", "abcdefghijk", 10))
            .unwrap()
            .contains("At most 10"));
        assert_eq!(check(|e| required_text(e, "name", "CARTAC", 10)), None);
    }

    #[test]
    fn urls() {
        assert_eq!(check(|e| optional_url(e, "website", "")), None);
        assert_eq!(
            check(|e| optional_url(e, "website", "https://www.wcoomd.org")),
            None
        );
        assert!(check(|e| optional_url(e, "website", "www.wcoomd.org")).is_some());
        assert!(check(|e| optional_url(e, "website", "https://")).is_some());
        assert!(check(|e| optional_url(e, "website", "https://a b.org")).is_some());
        assert!(check(|e| optional_url(e, "website", "javascript:alert(1)")).is_some());
    }

    #[test]
    fn emails() {
        assert_eq!(
            check(|e| optional_email(e, "email", "focal@customs.gov.bb")),
            None
        );
        assert!(check(|e| optional_email(e, "email", "focal@customs")).is_some());
        assert!(check(|e| optional_email(e, "email", "@customs.gov.bb")).is_some());
        assert!(check(|e| optional_email(e, "email", "a@b@c.org")).is_some());
    }

    #[test]
    fn dates() {
        assert_eq!(check(|e| optional_date(e, "d", "2012-10-15")), None);
        assert_eq!(check(|e| optional_date(e, "d", "2024-02-29")), None);
        assert!(check(|e| optional_date(e, "d", "2023-02-29")).is_some());
        assert!(check(|e| optional_date(e, "d", "2012-13-01")).is_some());
        assert!(check(|e| optional_date(e, "d", "15/10/2012")).is_some());
    }
}
