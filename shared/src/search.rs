//! Search across every kind of record: what each record is called, what else a search looks
//! through, and how well a record answers a query (every word must appear somewhere; words
//! in its name count more, a name that starts with the query most).

use crate::catalogue::{Contact, Organisation, Programme, TrainingTool};
use crate::documents::Document;
use crate::meetings::{ActionItem, Meeting};
use crate::missions::Mission;
use crate::projects::Project;
use crate::reference::{country_name, topic_label};
use crate::sync::RecordState;

/// A record as a search sees it.
pub trait Searchable {
    /// What the record is called in a list of results.
    fn title(&self) -> String;
    /// The other text a search looks through (codes read as their names).
    fn text(&self) -> Vec<String>;
}

fn topics(codes: &[String]) -> String {
    codes
        .iter()
        .filter_map(|t| topic_label(t))
        .collect::<Vec<_>>()
        .join(" ")
}

fn countries(codes: &[String]) -> String {
    codes
        .iter()
        .filter_map(|c| country_name(c))
        .collect::<Vec<_>>()
        .join(" ")
}

mod prepared;
pub use prepared::*;

impl Searchable for Organisation {
    fn title(&self) -> String {
        self.display_name()
    }
    fn text(&self) -> Vec<String> {
        vec![
            self.description.clone(),
            self.country_name().to_owned(),
            self.category.label().to_owned(),
            self.memberships.join(" "),
        ]
    }
}

impl Searchable for Programme {
    fn title(&self) -> String {
        if self.acronym.is_empty() || self.acronym == self.name {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.acronym)
        }
    }
    fn text(&self) -> Vec<String> {
        vec![self.description.clone()]
    }
}

/// What a record of any kind is called (`Searchable::title`); `None` if it does not read
/// as its kind.
pub fn title_of(state: &RecordState) -> Option<String> {
    with_record_type!(state.kind, T => state.typed::<T>().ok().map(|r| r.title()))
}

impl Searchable for Contact {
    fn title(&self) -> String {
        self.display_name()
    }
    fn text(&self) -> Vec<String> {
        vec![self.duties.clone(), self.email.clone()]
    }
}

impl Searchable for TrainingTool {
    fn title(&self) -> String {
        self.title.clone()
    }
    fn text(&self) -> Vec<String> {
        vec![
            self.description.clone(),
            self.platform.clone(),
            topics(&self.topics),
            self.format.label().to_owned(),
        ]
    }
}

impl Searchable for Meeting {
    fn title(&self) -> String {
        self.title.clone()
    }
    fn text(&self) -> Vec<String> {
        vec![
            self.place_label(),
            self.chair.clone(),
            self.summary.clone(),
            topics(&self.topics),
            self.dates_label(),
        ]
    }
}

impl Searchable for ActionItem {
    fn title(&self) -> String {
        self.text.clone()
    }
    fn text(&self) -> Vec<String> {
        vec![self.progress.clone(), self.status.label().to_owned()]
    }
}

impl Searchable for Project {
    fn title(&self) -> String {
        self.title.clone()
    }
    fn text(&self) -> Vec<String> {
        vec![
            self.identifier.clone(),
            self.description.clone(),
            countries(&self.countries),
            topics(&self.topics),
            self.status.label().to_owned(),
        ]
    }
}

impl Searchable for Mission {
    fn title(&self) -> String {
        self.title.clone()
    }
    fn text(&self) -> Vec<String> {
        vec![
            self.findings.clone(),
            self.recommendations.clone(),
            self.country_label().to_owned(),
            topics(&self.topics),
            self.phase.label().to_owned(),
        ]
    }
}

impl Searchable for Document {
    fn title(&self) -> String {
        self.title.clone()
    }
    fn text(&self) -> Vec<String> {
        vec![self.description.clone(), self.kind.label().to_owned()]
    }
}

/// A record made ready for the search across kinds: what it is called, and its text
/// prepared once (issue 18), so that a keystroke only scans.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub title: String,
    title_lower: Box<str>,
    text: Box<str>,
}

impl Found {
    /// `related` is text from linked records (the organisation of a contact, the provider
    /// of a tool).
    pub fn new(record: &dyn Searchable, related: &str) -> Found {
        let title = record.title();
        let text = record.text();
        let mut hay: Vec<&str> = vec![&title, related];
        hay.extend(text.iter().map(String::as_str));
        Found {
            title_lower: title.to_lowercase().into_boxed_str(),
            text: prepare(&hay),
            title,
        }
    }

    /// How well the record answers `query`: every word must appear somewhere; words in its
    /// name count more, a name that starts with the query most. None: not every word
    /// appears (or there are none).
    pub fn score(&self, query: &Query) -> Option<u32> {
        if query.is_empty() || !query.found_in(&self.text) {
            return None;
        }
        let words = query.words();
        let in_title = words
            .iter()
            .filter(|w| self.title_lower.contains(w.as_str()))
            .count() as u32;
        let starts = self.title_lower.starts_with(query.phrase());
        Some(1 + 2 * in_title + if starts { 3 } else { 0 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How well `record` answers `query`, `related` being linked records' text.
    fn score(query: &str, record: &dyn Searchable, related: &str) -> Option<u32> {
        Found::new(record, related).score(&Query::new(query))
    }

    #[test]
    fn every_kind_says_what_a_record_is_called() {
        use crate::sync::RecordState;
        let id = uuid::Uuid::from_u128(1);
        let mut org = RecordState::new(crate::RecordKind::Organisation, id);
        let m = org
            .edit(
                1,
                1,
                crate::catalogue::to_map(&Organisation {
                    name: "Caribbean Customs Law Enforcement Council".into(),
                    acronym: "CCLEC".into(),
                    ..Default::default()
                }),
            )
            .unwrap();
        org.apply(id, &m, None);
        assert_eq!(
            title_of(&org).as_deref(),
            Some("Caribbean Customs Law Enforcement Council (CCLEC)")
        );
        let mut programme = RecordState::new(crate::RecordKind::Programme, id);
        let m = programme
            .edit(
                1,
                1,
                crate::catalogue::to_map(&Programme {
                    name: "Customs modernisation".into(),
                    ..Default::default()
                }),
            )
            .unwrap();
        programme.apply(id, &m, None);
        assert_eq!(
            title_of(&programme).as_deref(),
            Some("Customs modernisation")
        );
    }

    #[test]
    fn every_word_must_appear_and_names_count_more() {
        let wco = Organisation {
            name: "World Customs Organization".into(),
            acronym: "WCO".into(),
            description: "Runs e-learning for customs administrations.".into(),
            ..Default::default()
        };
        let tool = TrainingTool {
            title: "WCO e-learning: Customs valuation".into(),
            topics: vec!["valuation".into()],
            ..Default::default()
        };
        assert_eq!(score("", &wco, ""), None);
        assert_eq!(score("wco astrology", &wco, ""), None);
        let org = score("wco e-learning", &wco, "").unwrap();
        let t = score("wco e-learning", &tool, "").unwrap();
        assert!(t > org, "both words in the tool's title: {t} > {org}");
        // Codes are searched by their names, and linked records' text counts.
        assert!(score("classification", &tool, "").is_some());
        let contact = Contact {
            role_title: "Comptroller".into(),
            ..Default::default()
        };
        assert!(score("montserrat comptroller", &contact, "Montserrat Customs").is_some());
        let project = Project {
            title: "Risk management".into(),
            countries: vec!["LC".into()],
            ..Default::default()
        };
        assert!(score("saint lucia", &project, "").is_some());
        assert!(score("risk", &project, "").unwrap() > score("lucia", &project, "").unwrap());
    }
}
