//! One spreadsheet cell read as a field's value: the labels, names and date wordings the
//! CSV export writes, or the stored codes, ids and ISO dates; what cannot be read is named.

use std::collections::HashMap;

use serde_json::Value;
use uuid::Uuid;

use crate::catalogue::RecordKind;
use crate::dates::{Day, Due, MONTHS};
use crate::fields::{Field, FieldType};
use crate::i18n::problem::{key, Value as Word};
pub use crate::i18n::words::fold;
use crate::i18n::{reference_key, Problem as Said, Readings};
use crate::reference::{COUNTRIES, LANGUAGES, TOPICS};

/// What the organisation export writes for an organisation with no country (in English,
/// and the message that words it in the others).
const NO_COUNTRY: &str = "Regional / international";
const NO_COUNTRY_KEY: &str = "regional-international";

/// The records a link cell may name, by kind: each name (lower case) with the ids it names.
#[derive(Debug, Default)]
pub struct Names {
    by_kind: HashMap<RecordKind, HashMap<String, Vec<Uuid>>>,
    ids: HashMap<Uuid, RecordKind>,
    titles: HashMap<Uuid, String>,
}

impl Names {
    /// `id` of `kind` goes by each of `names` (its title, and e.g. its name and acronym).
    pub fn add<'a>(
        &mut self,
        kind: RecordKind,
        id: Uuid,
        names: impl IntoIterator<Item = &'a str>,
    ) {
        self.ids.insert(id, kind);
        let mut names = names
            .into_iter()
            .filter(|n| !n.trim().is_empty())
            .peekable();
        if let Some(first) = names.peek() {
            self.titles
                .entry(id)
                .or_insert_with(|| first.trim().to_owned());
        }
        let names_of_kind = self.by_kind.entry(kind).or_default();
        for name in names {
            let key = fold(name);
            let ids = names_of_kind.entry(key).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }

    /// Whether a record of `kind` goes by `name`.
    pub fn knows(&self, kind: RecordKind, name: &str) -> bool {
        self.by_kind
            .get(&kind)
            .is_some_and(|n| n.contains_key(&fold(name)))
    }

    /// The kind of the record `id`, if it is one these names know.
    pub fn kind_of(&self, id: &Uuid) -> Option<RecordKind> {
        self.ids.get(id).copied()
    }

    /// What each record is called (the first name it was added with).
    pub fn titles(&self) -> &HashMap<Uuid, String> {
        &self.titles
    }

    /// The names in a link cell of `ty` that name no record at all (not an id, not a name
    /// or acronym of any record of the kind): what a person could add before importing.
    pub fn unknown<'c>(&self, ty: FieldType, cell: &'c str) -> Vec<&'c str> {
        let (kind, many) = match ty {
            FieldType::Link(kind) => (kind, false),
            FieldType::Links(kind) => (kind, true),
            _ => return Vec::new(),
        };
        let cell = unguarded(cell);
        let items: Vec<&str> = if many {
            items(cell).collect()
        } else {
            Some(cell).filter(|c| !c.is_empty()).into_iter().collect()
        };
        items
            .into_iter()
            .filter(|t| {
                Uuid::parse_str(t).is_err()
                    && !self
                        .by_kind
                        .get(&kind)
                        .is_some_and(|n| n.contains_key(&fold(t)))
            })
            .collect()
    }

    fn find(&self, kind: RecordKind, text: &str) -> Result<Uuid, Said> {
        let what = Word::noun(kind);
        if let Ok(id) = Uuid::parse_str(text) {
            return match self.ids.get(&id) {
                Some(k) if *k == kind => Ok(id),
                _ => Err(Said::new(key::IMPORT_NO_SUCH_ID)
                    .with("kind", what)
                    .with("id", id.to_string())),
            };
        }
        match self.by_kind.get(&kind).and_then(|n| n.get(&fold(text))) {
            Some(ids) if ids.len() == 1 => Ok(ids[0]),
            Some(ids) => Err(Said::new(key::IMPORT_NAME_OF_MANY)
                .with("text", text)
                .with("count", ids.len())
                .with("kind", what)),
            None => Err(Said::new(key::IMPORT_NO_SUCH_NAME)
                .with("kind", what)
                .with("text", text)),
        }
    }
}

/// The cell as the export's formula guard left it: a `'` before `=`, `+`, `-` or `@` is
/// dropped again.
fn unguarded(cell: &str) -> &str {
    let cell = cell.trim();
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => cell,
    }
}

/// The items of a list cell, as the export joins them ("; ").
fn items(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// A code from a (code, label) list, by its code or its label in any language (`key`
/// names a code's label). `what`: the word for what the list holds (`Word`).
fn code_of(
    text: &str,
    list: &[(&'static str, &'static str)],
    key: impl Fn(&str) -> String,
    what: Word,
    readings: &Readings,
) -> Result<&'static str, Said> {
    let wanted = fold(text);
    list.iter()
        .find(|(code, label)| fold(code) == wanted || readings.names(&wanted, &key(code), label))
        .map(|(code, _)| *code)
        .ok_or_else(|| {
            let some: Vec<&str> = list.iter().take(6).map(|(_, l)| *l).collect();
            let more = if list.len() > some.len() { ", …" } else { "" };
            Said::new(key::IMPORT_NOT_KNOWN)
                .with("text", text)
                .with("what", what)
                .with("examples", format!("{}{more}", some.join(", ")))
        })
}

fn topic_code(text: &str, readings: &Readings) -> Result<&'static str, Said> {
    let wanted = fold(text);
    TOPICS
        .iter()
        .find(|(code, label, _)| {
            fold(code) == wanted || readings.names(&wanted, &reference_key("topic", code), label)
        })
        .map(|(code, _, _)| *code)
        .ok_or_else(|| {
            let some: Vec<&str> = TOPICS.iter().take(2).map(|(_, label, _)| *label).collect();
            Said::new(key::IMPORT_NOT_TOPIC)
                .with("text", text)
                .with("examples", format!("{}, …", some.join(", ")))
        })
}

fn month(name: &str) -> Option<u8> {
    let key = fold(name);
    MONTHS
        .iter()
        .position(|m| m.to_lowercase() == key || m[..3].to_lowercase() == key)
        .map(|i| i as u8 + 1)
}

/// A day as stored (`2013-04-15`) or as the export writes it in any language ("15 April
/// 2013", "15 avril 2013").
fn day(text: &str, readings: &Readings) -> Option<Day> {
    Day::parse(text).or_else(|| readings.day(text)).or_else(|| {
        let parts: Vec<&str> = text.split_whitespace().collect();
        let [d, m, y] = parts.as_slice() else {
            return None;
        };
        Day::parse(&format!(
            "{y}-{:02}-{:02}",
            month(m)?,
            d.parse::<u8>().ok()?
        ))
    })
}

/// A due date as stored or as the export writes it in any language ("April 2013", "2nd
/// quarter 2013", "2e trimestre 2013", "To be decided"), or with a month abbreviated.
fn due(text: &str, readings: &Readings) -> Option<Due> {
    if let Some(d) = Due::parse(text).or_else(|| readings.due(text)) {
        return Some(d);
    }
    if let Some(d) = day(text, readings) {
        return Some(Due::Day(d));
    }
    let parts: Vec<&str> = text.split_whitespace().collect();
    let stored = match parts.as_slice() {
        [m, y] => format!("{y}-{:02}", month(m)?),
        [nth, q, y] if fold(q) == "quarter" => {
            format!("{y}-Q{}", nth.chars().next().filter(char::is_ascii_digit)?)
        }
        _ => return None,
    };
    Due::parse(&stored)
}

fn stored_due(d: Due) -> String {
    match d {
        Due::ToBeDecided => String::new(),
        Due::Day(d) => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
        Due::Month { year, month } => format!("{year:04}-{month:02}"),
        Due::Quarter { year, quarter } => format!("{year:04}-Q{quarter}"),
    }
}

/// A whole number, with `,`, `.`, spaces or `_` between groups of digits allowed.
fn whole(text: &str) -> Option<u64> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | '.' | ' ' | '_' | '\u{a0}'))
        .collect();
    let grouped = text.contains([',', '.']);
    if grouped {
        // "1,500,000" but not "1.5": after the first group every group has three digits.
        let groups: Vec<&str> = text.split([',', '.']).collect();
        if groups[1..].iter().any(|g| g.trim().len() != 3) {
            return None;
        }
    }
    digits.parse().ok()
}

/// The value of `field` a cell gives; `Ok(None)` for an empty cell of a field whose value
/// cannot be empty (a choice), which leaves the field as it is.
pub fn read(
    kind: RecordKind,
    field: &Field,
    cell: &str,
    names: &Names,
    readings: &Readings,
) -> Result<Option<Value>, Said> {
    let text = unguarded(cell);
    let list = |one: &dyn Fn(&str) -> Result<String, Said>| -> Result<Option<Value>, Said> {
        let values: Result<Vec<Value>, Said> =
            items(text).map(|i| one(i).map(Value::String)).collect();
        Ok(Some(Value::Array(values?)))
    };
    let country = |t: &str| {
        let key = |c: &str| reference_key("country", c);
        code_of(t, COUNTRIES, key, Word::word("a-country"), readings).map(str::to_owned)
    };
    let language = |t: &str| {
        let key = |c: &str| reference_key("language", c);
        code_of(t, LANGUAGES, key, Word::word("a-language"), readings).map(str::to_owned)
    };
    let no_country = |t: &str| readings.names(&fold(t), NO_COUNTRY_KEY, NO_COUNTRY);
    let empty = text.is_empty();
    let value = match field.ty {
        FieldType::Text | FieldType::Paragraphs | FieldType::Url | FieldType::Email => {
            Value::String(text.to_owned())
        }
        FieldType::Choice(_) if empty => return Ok(None),
        FieldType::Choice(choices) => Value::String(
            code_of(
                text,
                choices.options,
                |c| choices.key(c),
                Word::field(kind, field.name),
                readings,
            )?
            .to_owned(),
        ),
        FieldType::Country if empty || no_country(text) => Value::Null,
        FieldType::Country => Value::String(country(text)?),
        FieldType::Language if empty => Value::Null,
        FieldType::Language => Value::String(language(text)?),
        FieldType::Countries => return list(&country),
        FieldType::Languages => return list(&language),
        FieldType::Topics => return list(&|t| topic_code(t, readings).map(str::to_owned)),
        FieldType::Texts => return list(&|t| Ok(t.to_owned())),
        FieldType::Link(_) if empty => Value::Null,
        FieldType::Link(kind) => Value::String(names.find(kind, text)?.to_string()),
        FieldType::Links(kind) => return list(&|t| names.find(kind, t).map(|id| id.to_string())),
        FieldType::Day if empty => Value::String(String::new()),
        FieldType::Day => Value::String(
            day(text, readings)
                .map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day))
                .ok_or_else(|| Said::new(key::IMPORT_NOT_DAY).with("text", text))?,
        ),
        FieldType::Due => Value::String(stored_due(
            due(text, readings).ok_or_else(|| Said::new(key::IMPORT_NOT_DUE).with("text", text))?,
        )),
        FieldType::Year | FieldType::Amount if empty => Value::Null,
        FieldType::Year | FieldType::Amount => Value::from(
            whole(text).ok_or_else(|| Said::new(key::IMPORT_NOT_WHOLE).with("text", text))?,
        ),
        // A file's bytes never come in a cell (and documents are not a spreadsheet's
        // kind): the field is left as it is.
        FieldType::File => return Ok(None),
    };
    Ok(Some(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn english() -> Readings {
        Readings::english()
    }

    fn field(kind: RecordKind, name: &str) -> &'static Field {
        kind.field(name).unwrap()
    }

    #[test]
    fn labels_names_and_codes_read_as_codes() {
        let names = Names::default();
        let org = RecordKind::Organisation;
        let read_org = |name, cell| read(org, field(org, name), cell, &names, &english());
        assert_eq!(
            read_org("category", "technical assistance provider"),
            Ok(Some(json!("ta_provider")))
        );
        assert_eq!(
            read_org("category", "ta_provider"),
            Ok(Some(json!("ta_provider")))
        );
        assert_eq!(read_org("category", " "), Ok(None));
        assert!(read_org("category", "Bank")
            .unwrap_err()
            .to_string()
            .contains("“Bank” is not a known value for “Category”"));
        assert_eq!(read_org("country", "Curaçao"), Ok(Some(json!("CW"))));
        assert_eq!(read_org("country", "jm"), Ok(Some(json!("JM"))));
        assert_eq!(
            read_org("country", "Regional / international"),
            Ok(Some(Value::Null))
        );
        assert_eq!(
            read_org("languages", "English; French"),
            Ok(Some(json!(["en", "fr"])))
        );
        assert_eq!(read_org("languages", ""), Ok(Some(json!([]))));
        assert_eq!(read_org("name", "'=SUM(A1)"), Ok(Some(json!("=SUM(A1)"))));
        assert_eq!(read_org("name", "'quoted'"), Ok(Some(json!("'quoted'"))));
        let tool = RecordKind::TrainingTool;
        assert_eq!(
            read(
                tool,
                field(tool, "topics"),
                "Risk management;Legislation",
                &names,
                &english(),
            ),
            Ok(Some(json!(["risk_management", "legislation"])))
        );
        assert_eq!(
            read(
                tool,
                field(tool, "last_verified"),
                "5 Oct 2012",
                &names,
                &english()
            ),
            Ok(Some(json!("2012-10-05")))
        );
        assert!(read(
            tool,
            field(tool, "last_verified"),
            "10/05/2012",
            &names,
            &english()
        )
        .is_err());
    }

    #[test]
    fn due_dates_and_amounts() {
        let names = Names::default();
        let due_of = |cell| {
            read(
                RecordKind::ActionItem,
                field(RecordKind::ActionItem, "due"),
                cell,
                &names,
                &english(),
            )
        };
        assert_eq!(due_of("2nd quarter 2013"), Ok(Some(json!("2013-Q2"))));
        assert_eq!(due_of("April 2013"), Ok(Some(json!("2013-04"))));
        assert_eq!(due_of("15 April 2013"), Ok(Some(json!("2013-04-15"))));
        assert_eq!(due_of("To be decided"), Ok(Some(json!(""))));
        assert_eq!(due_of("2013-q3"), Ok(Some(json!("2013-Q3"))));
        assert!(due_of("soon").is_err());
        let budget = |cell| {
            read(
                RecordKind::Project,
                field(RecordKind::Project, "budget"),
                cell,
                &names,
                &english(),
            )
        };
        assert_eq!(budget("1,500,000"), Ok(Some(json!(1_500_000))));
        assert_eq!(budget("1 500 000"), Ok(Some(json!(1_500_000))));
        assert_eq!(budget(""), Ok(Some(Value::Null)));
        assert!(budget("1.5").is_err());
        assert!(budget("-3").is_err());
    }

    #[test]
    fn links_by_name_acronym_or_id() {
        let mut names = Names::default();
        let cartac = Uuid::from_u128(1);
        let other = Uuid::from_u128(2);
        let org = RecordKind::Organisation;
        names.add(
            org,
            cartac,
            [
                "Caribbean Regional Technical Assistance Centre (CARTAC)",
                "CARTAC",
            ],
        );
        names.add(org, other, ["Customs", "CED"]);
        names.add(org, Uuid::from_u128(3), ["Customs"]);
        let provider = field(RecordKind::TrainingTool, "provider");
        assert_eq!(
            read(
                RecordKind::TrainingTool,
                provider,
                "cartac",
                &names,
                &english()
            ),
            Ok(Some(json!(cartac.to_string())))
        );
        assert_eq!(
            read(
                RecordKind::TrainingTool,
                provider,
                &cartac.to_string(),
                &names,
                &english(),
            ),
            Ok(Some(json!(cartac.to_string())))
        );
        assert!(read(
            RecordKind::TrainingTool,
            provider,
            "Customs",
            &names,
            &english()
        )
        .unwrap_err()
        .to_string()
        .contains("names 2 records"));
        assert!(read(
            RecordKind::TrainingTool,
            provider,
            "WCO",
            &names,
            &english()
        )
        .unwrap_err()
        .to_string()
        .contains("no organisation called “WCO”"));
        let unknown = Uuid::from_u128(9).to_string();
        assert!(read(
            RecordKind::TrainingTool,
            provider,
            &unknown,
            &names,
            &english()
        )
        .unwrap_err()
        .to_string()
        .contains("no organisation with the id"));
        let funders = field(RecordKind::Project, "funders");
        assert_eq!(
            read(
                RecordKind::Project,
                funders,
                "CARTAC; CED",
                &names,
                &english()
            ),
            Ok(Some(json!([cartac.to_string(), other.to_string()])))
        );
    }
}
