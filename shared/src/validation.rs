//! Field validation: the rules the forms show before saving and the server enforces on every
//! write (REST and sync alike).

use std::fmt;

use serde::{Deserialize, Serialize};

/// One problem with one field, worded for the person filling the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// All the problems found in one record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.to_owned(),
            message: message.into(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The message for one field, if it has a problem.
    pub fn for_field(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
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
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for ValidationErrors {}

/// A required text: present once trimmed, and at most `max` characters.
pub fn required_text(errors: &mut ValidationErrors, field: &str, value: &str, max: usize) {
    if value.trim().is_empty() {
        errors.add(field, "This field is required.");
    } else {
        max_len(errors, field, value, max);
    }
}

/// An optional text of at most `max` characters.
/// Why `value` is not an IATI organisation identifier — a registration agency's prefix
/// and the organisation's number there, joined by hyphens (`XM-DAC-41114`, `GB-GOV-1`) —
/// or none when it is one.
pub fn iati_org_identifier_problem(value: &str) -> Option<String> {
    let r = value.trim();
    let wrong = r.len() > 100
        || !r.contains('-')
        || r.starts_with('-')
        || r.chars()
            .any(|c| c.is_whitespace() || c == '/' || c.is_control());
    wrong.then(|| {
        format!(
            "“{r}” is not an IATI organisation identifier: an agency's prefix and a number joined by hyphens, with no spaces or slashes (for example XM-DAC-41114)."
        )
    })
}

pub fn max_len(errors: &mut ValidationErrors, field: &str, value: &str, max: usize) {
    let n = value.chars().count();
    if n > max {
        errors.add(field, format!("At most {max} characters (this has {n})."));
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
        _ => errors.add(
            field,
            "Enter a full web address starting with http:// or https://.",
        ),
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
        errors.add(field, "Enter an e-mail address like name@customs.gov.bb.");
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
        errors.add(field, "Enter a date as YYYY-MM-DD, for example 2012-10-15.");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(f: impl Fn(&mut ValidationErrors)) -> Option<String> {
        let mut e = ValidationErrors::default();
        f(&mut e);
        e.0.first().map(|e| e.message.clone())
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
