//! The words records are shown in: fields' labels, coded values' labels, the names of
//! countries, languages and topics, due dates. In one language (`Words`, what a list, a
//! CSV export or a form writes) or in all of them (`Readings`, what an import reads back:
//! a spreadsheet exported in French comes back in as well as one in English).

use std::cell::RefCell;
use std::collections::HashMap;

use super::{field_key, msg, reference_key, Arg, Catalogue, Labelled, Msg};
use crate::dates::{self, Day, Due};
use crate::fields::Choices;
use crate::reference;
use crate::RecordKind;

/// The words of one language: its catalogue's, or English (the code's own labels) where it
/// has none or lacks a word.
#[derive(Debug, Clone, Copy, Default)]
pub struct Words<'a>(Option<&'a Catalogue>);

impl<'a> Words<'a> {
    /// The code's own words.
    pub const ENGLISH: Words<'static> = Words(None);

    pub fn new(catalogue: Option<&'a Catalogue>) -> Words<'a> {
        Words(catalogue)
    }

    pub fn of(catalogue: &'a Catalogue) -> Words<'a> {
        Words(Some(catalogue))
    }

    /// The catalogue, where the words are not the code's English.
    pub fn catalogue(self) -> Option<&'a Catalogue> {
        self.0
    }

    /// The word `key` names, or `english`.
    pub fn word(self, key: &str, english: &'a str) -> &'a str {
        self.0.and_then(|c| c.word(key)).unwrap_or(english)
    }

    /// A message that names no value, or `english`.
    pub fn text(self, id: Msg, english: &'a str) -> &'a str {
        self.0
            .and_then(|c| c.plain(id))
            .filter(|w| !w.is_empty())
            .unwrap_or(english)
    }

    /// What forms, pages and exports call field `name` of `kind`.
    pub fn field(self, kind: RecordKind, name: &'static str) -> &'a str {
        self.word(&field_key(kind, name), kind.field_label(name))
    }

    /// A coded value's label (an organisation's category, a project's status…).
    pub fn label<T: Labelled>(self, value: T) -> &'a str {
        self.word(&value.key(), value.label())
    }

    /// The label of `code` among `choices`, if it is one of them.
    pub fn choice(self, choices: Choices, code: &str) -> Option<&'a str> {
        let (code, english) = choices.options.iter().find(|(c, _)| *c == code)?;
        Some(self.word(&choices.key(code), english))
    }

    /// A country's name, by its ISO code.
    pub fn country(self, code: &str) -> Option<&'a str> {
        reference::country_name(code).map(|en| self.word(&reference_key("country", code), en))
    }

    /// A language's name, by its code.
    pub fn language(self, code: &str) -> Option<&'a str> {
        reference::language_name(code).map(|en| self.word(&reference_key("language", code), en))
    }

    /// A topic's name, by its code.
    pub fn topic(self, code: &str) -> Option<&'a str> {
        reference::topic_label(code).map(|en| self.word(&reference_key("topic", code), en))
    }

    /// A due date as agreed: "2nd quarter 2013", "2e trimestre 2013", "To be decided".
    pub fn due(self, due: Due) -> String {
        match self.0 {
            Some(c) => dates::words::due(c, due),
            None => due.label(),
        }
    }

    /// A day written out: "15 October 2012", "15 octobre 2012".
    pub fn day(self, day: Day) -> String {
        match self.0 {
            Some(c) => dates::words::day(c, day),
            None => day.label(),
        }
    }

    /// "yes" for a flag that is set (a spreadsheet cell, history).
    pub fn yes(self) -> &'a str {
        self.text(msg::VALUE_YES, "yes")
    }

    /// A message with values, or `english` where the catalogue lacks it (or there is none).
    pub fn format(
        self,
        id: Msg,
        args: &[(&str, Arg<'_>)],
        english: impl FnOnce() -> String,
    ) -> String {
        match self.0 {
            Some(c) if c.has(id) => c.format(id, args),
            _ => english(),
        }
    }
}

/// Every language's words, for reading back what any of them wrote: English (the code's
/// labels) first, then each catalogue given.
pub struct Readings {
    /// English first, then the reader's language (in which a plan shows its changes),
    /// then the others.
    words: Vec<Words<'static>>,
    /// Due dates and days as each language writes them, by year, made on first use.
    dates: RefCell<HashMap<u16, HashMap<String, Due>>>,
}

impl Readings {
    pub fn new(catalogues: impl IntoIterator<Item = &'static Catalogue>) -> Readings {
        let mut words = vec![Words::ENGLISH];
        words.extend(catalogues.into_iter().map(Words::of));
        Readings {
            words,
            dates: RefCell::new(HashMap::new()),
        }
    }

    /// English only (the code's labels).
    pub fn english() -> Readings {
        Readings::new([])
    }

    pub fn words(&self) -> &[Words<'static>] {
        &self.words
    }

    /// The words of the reader's language (the first catalogue given), in which a plan
    /// shows what it changes; English when none was given.
    pub fn shown(&self) -> Words<'static> {
        self.words.get(1).copied().unwrap_or(Words::ENGLISH)
    }

    /// Whether `folded` (a text `fold`ed) is what some language calls the word `key` names
    /// (`english` in English).
    pub fn names(&self, folded: &str, key: &str, english: &str) -> bool {
        fold(english) == folded
            || self.words.iter().any(|w| {
                w.0.and_then(|c| c.word(key))
                    .is_some_and(|s| fold(s) == folded)
            })
    }

    /// The due date `text` writes in some language ("2e trimestre 2013", "abril de 2013",
    /// "15 oktober 2013", "À déterminer"), if any.
    pub fn due(&self, text: &str) -> Option<Due> {
        let folded = fold(text);
        let undecided = |w: &Words| fold(&w.due(Due::ToBeDecided)) == folded;
        if self.words.iter().any(undecided) {
            return Some(Due::ToBeDecided);
        }
        // Every wording names its year in digits: only that year's dates are written out.
        let year: u16 = text
            .split(|c: char| !c.is_ascii_digit())
            .find(|n| n.len() == 4)?
            .parse()
            .ok()?;
        let mut dates = self.dates.borrow_mut();
        let of_year = dates.entry(year).or_insert_with(|| {
            let mut all = HashMap::new();
            for w in &self.words {
                for due in every_due(year) {
                    all.entry(fold(&w.due(due))).or_insert(due);
                }
            }
            all
        });
        of_year.get(&folded).copied()
    }

    /// Every language's words where they can be had (on a server, or in a native test),
    /// `reader`'s first.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn all_for(reader: super::Lang) -> Readings {
        let others = super::Lang::ALL.into_iter().filter(|&l| l != reader);
        Readings::new(
            std::iter::once(reader)
                .chain(others)
                .map(super::problem::catalogue),
        )
    }

    /// Every language's words, English the reader's (`all_for`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn all() -> Readings {
        Readings::all_for(super::Lang::En)
    }

    /// The day `text` writes in some language ("15 octobre 2012"), if any.
    pub fn day(&self, text: &str) -> Option<Day> {
        match self.due(text)? {
            Due::Day(d) => Some(d),
            _ => None,
        }
    }
}

/// Text compared without case or surrounding spaces.
pub fn fold(text: &str) -> String {
    text.trim().to_lowercase()
}

/// Every due date of `year`: its months, quarters and days.
fn every_due(year: u16) -> impl Iterator<Item = Due> {
    let months = (1..=12).map(move |month| Due::Month { year, month });
    let quarters = (1..=4).map(move |quarter| Due::Quarter { year, quarter });
    let days = (1..=12).flat_map(move |month| {
        (1..=31).filter_map(move |day| {
            Day::parse(&format!("{year:04}-{month:02}-{day:02}")).map(Due::Day)
        })
    });
    months.chain(quarters).chain(days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::OrgCategory;
    use crate::i18n::problem::catalogue;
    use crate::i18n::Lang;

    #[test]
    fn one_language_falls_back_to_english() {
        let fr = Words::of(catalogue(Lang::Fr));
        assert_eq!(
            fr.label(OrgCategory::CustomsAdministration),
            "Administration des douanes"
        );
        assert_eq!(Words::ENGLISH.label(OrgCategory::Donor), "Donor");
        assert_eq!(fr.country("HT"), Some("Haïti"));
        assert_eq!(fr.country("XX"), None);
        assert_eq!(
            fr.due(Due::Quarter {
                year: 2013,
                quarter: 2
            }),
            "2e trimestre 2013"
        );
    }

    #[test]
    fn reads_back_what_any_language_wrote() {
        let all = Readings::all();
        let q2 = Due::Quarter {
            year: 2013,
            quarter: 2,
        };
        for w in all.words() {
            assert_eq!(all.due(&w.due(q2)), Some(q2), "{}", w.due(q2));
            let day = Day::parse("2012-10-15").unwrap();
            assert_eq!(all.day(&w.day(day)), Some(day), "{}", w.day(day));
            assert_eq!(all.due(&w.due(Due::ToBeDecided)), Some(Due::ToBeDecided));
        }
        assert_eq!(all.due("sometime in 2013"), None);
        assert_eq!(all.due("no year"), None);
        assert!(!all.names(
            "douane",
            "OrgCategory-customs_administration",
            "Customs administration"
        ));
        assert!(all.names(
            &fold("Administración de aduanas"),
            "OrgCategory-customs_administration",
            "Customs administration"
        ));
    }
}
