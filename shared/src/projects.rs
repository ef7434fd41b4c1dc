//! Projects (after the IATI activity standard: status, dates, participating organisations
//! by role, recipient countries, topics, budget) and the view they exist for: who funds
//! what, where, so that overlaps and gaps show.
//!
//! An overlap is two live projects in the same country, on the same topic, with dates
//! that overlap, paid for by different funders: the duplication the 2012 meeting set out
//! to stop. A gap is a country and topic no live project covers.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::dates::Day;
use crate::i18n::problem::key;
use crate::i18n::Problem;
use crate::reference::{country_name, topic_label};
use crate::search::{prepare, ListFilter};
use crate::validation::{
    at_most_orgs, check_topics, max_len, not_a_day, required_text, ValidationErrors,
};

labelled_enum!(ProjectStatus {
    Pipeline => ("pipeline", "Pipeline"),
    Implementation => ("implementation", "Implementation"),
    Finalisation => ("finalisation", "Finalisation"),
    Closed => ("closed", "Closed"),
    Cancelled => ("cancelled", "Cancelled"),
    Suspended => ("suspended", "Suspended"),
});

impl ProjectStatus {
    /// Planned or under way: what a funder deciding today has to know about.
    pub fn is_live(self) -> bool {
        matches!(
            self,
            ProjectStatus::Pipeline | ProjectStatus::Implementation | ProjectStatus::Finalisation
        )
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Project {
    pub title: String,
    /// The IATI activity identifier, when it has one (e.g. `XM-DAC-41114-PROJECT-00012345`).
    pub identifier: String,
    pub status: ProjectStatus,
    /// Start and end, `YYYY-MM-DD` (planned, or actual once known); the end may be open.
    pub starts: String,
    pub ends: String,
    /// The organisation accountable for it (required; it owns the record).
    pub accountable: Option<Uuid>,
    /// Who pays.
    pub funders: Vec<Uuid>,
    /// Who does the work.
    pub implementers: Vec<Uuid>,
    /// Recipient countries (ISO 3166 alpha-2).
    pub countries: Vec<String>,
    /// Topic codes (each with its DAC sector in `reference::TOPICS`).
    pub topics: Vec<String>,
    /// DAC 5-digit purpose codes no topic here covers (from an IATI file, e.g. `43010`),
    /// kept so the project's sectors go out as they came in.
    pub sectors: Vec<String>,
    /// In whole units of `currency`.
    pub budget: Option<u64>,
    /// ISO 4217, e.g. USD, CAD, GBP, EUR.
    pub currency: String,
    pub programme: Option<Uuid>,
    pub description: String,
    pub source: String,
}

/// Budgets above this are typing mistakes, not projects.
const MAX_BUDGET: u64 = 100_000_000_000;

impl Project {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut e = ValidationErrors::default();
        required_text(&mut e, "title", &self.title, 300);
        max_len(&mut e, "identifier", &self.identifier, 100);
        let starts = Day::parse(&self.starts);
        if !self.starts.trim().is_empty() && starts.is_none() {
            not_a_day(&mut e, "starts", "2013-04-01");
        }
        if !self.ends.trim().is_empty() {
            match Day::parse(&self.ends) {
                None => not_a_day(&mut e, "ends", "2016-03-31"),
                Some(ends) if starts.is_some_and(|s| ends < s) => {
                    e.add("ends", key::PROJECT_ENDS_BEFORE_STARTS)
                }
                Some(_) => {}
            }
        }
        if self.accountable.is_none() {
            e.add("accountable", key::PROJECT_ACCOUNTABLE);
        }
        if self.funders.is_empty() {
            e.add("funders", key::PROJECT_FUNDERS);
        }
        at_most_orgs(&mut e, "funders", &self.funders, 50);
        at_most_orgs(&mut e, "implementers", &self.implementers, 50);
        if let Some(c) = self.countries.iter().find(|c| country_name(c).is_none()) {
            e.add_problem(
                "countries",
                Problem::new(key::UNKNOWN_COUNTRY).with("code", c.as_str()),
            );
        }
        check_topics(&mut e, "topics", &self.topics);
        if self.sectors.len() > 30 {
            e.add_problem(
                "sectors",
                Problem::new(key::TOO_MANY_SECTORS).with("max", 30_usize),
            );
        } else if let Some(c) = self
            .sectors
            .iter()
            .find(|c| c.len() != 5 || !c.bytes().all(|b| b.is_ascii_digit()))
        {
            e.add_problem(
                "sectors",
                Problem::new(key::NOT_DAC_CODE).with("code", c.as_str()),
            );
        }
        if self.budget.is_some_and(|b| b > MAX_BUDGET) {
            e.add("budget", key::BUDGET_TOO_LARGE);
        }
        let currency_ok =
            self.currency.len() == 3 && self.currency.bytes().all(|b| b.is_ascii_uppercase());
        if !self.currency.is_empty() && !currency_ok {
            e.add("currency", key::NOT_CURRENCY);
        } else if self.budget.is_some() && self.currency.is_empty() {
            e.add("currency", key::CURRENCY_MISSING);
        }
        max_len(&mut e, "description", &self.description, 8000);
        max_len(&mut e, "source", &self.source, 1000);
        e.into_result()
    }

    /// "2013 – 2016", "from 2013", or "" when no dates are known.
    pub fn years_label(&self) -> String {
        let year = |d: &str| Day::parse(d).map(|d| d.year);
        match (year(&self.starts), year(&self.ends)) {
            (Some(s), Some(e)) if s == e => s.to_string(),
            (Some(s), Some(e)) => format!("{s} – {e}"),
            (Some(s), None) => format!("from {s}"),
            (None, Some(e)) => format!("until {e}"),
            (None, None) => String::new(),
        }
    }

    /// "USD 1,250,000", or "" without a budget.
    pub fn budget_label(&self) -> String {
        let Some(b) = self.budget else {
            return String::new();
        };
        let digits = b.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!("{} {grouped}", self.currency).trim().to_owned()
    }

    /// The days it runs, as far as they are known: no start is "always was", no end "goes on".
    fn span(&self) -> (Option<Day>, Option<Day>) {
        (Day::parse(&self.starts), Day::parse(&self.ends))
    }

    /// Whether the two projects' dates overlap (unknown ends are open).
    pub fn dates_overlap(&self, other: &Project) -> bool {
        let (a0, a1) = self.span();
        let (b0, b1) = other.span();
        let starts_before_end = |s: Option<Day>, e: Option<Day>| match (s, e) {
            (Some(s), Some(e)) => s <= e,
            _ => true,
        };
        starts_before_end(a0, b1) && starts_before_end(b0, a1)
    }
}

/// Two projects that look like duplicated effort.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlap {
    pub countries: Vec<String>,
    pub topics: Vec<String>,
}

/// The duplication the donors meet about: both live, a country and a topic in common, dates
/// that overlap, and different funders (the same funder paying twice is its own business).
pub fn overlap(a: &Project, b: &Project) -> Option<Overlap> {
    if !a.status.is_live() || !b.status.is_live() || !a.dates_overlap(b) {
        return None;
    }
    let funders = |p: &Project| p.funders.iter().copied().collect::<BTreeSet<_>>();
    if funders(a) == funders(b) {
        return None;
    }
    let countries: Vec<String> = a
        .countries
        .iter()
        .filter(|c| b.countries.contains(c))
        .cloned()
        .collect();
    let topics: Vec<String> = a
        .topics
        .iter()
        .filter(|t| b.topics.contains(t))
        .cloned()
        .collect();
    (!countries.is_empty() && !topics.is_empty()).then_some(Overlap { countries, topics })
}

/// Projects already recorded that a new one may duplicate: the same identifier, or the same
/// title (ignoring case and spaces) in a shared country with overlapping dates. Shown as a
/// warning before saving; it is the person's call.
pub fn possible_duplicates<'a, Id: Copy + PartialEq>(
    new: (Id, &Project),
    existing: impl IntoIterator<Item = (Id, &'a Project)>,
) -> Vec<Id> {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let (id, p) = new;
    existing
        .into_iter()
        .filter(|(other_id, _)| *other_id != id)
        .filter(|(_, o)| {
            let same_identifier =
                !p.identifier.trim().is_empty() && p.identifier.trim() == o.identifier.trim();
            let same_title = !p.title.trim().is_empty()
                && norm(&p.title) == norm(&o.title)
                && (p.countries.is_empty()
                    || o.countries.is_empty()
                    || p.countries.iter().any(|c| o.countries.contains(c)))
                && p.dates_overlap(o);
            same_identifier || same_title
        })
        .map(|(id, _)| id)
        .collect()
}

/// The project list's search box and filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProjectFilter {
    pub query: String,
    pub status: Option<ProjectStatus>,
    /// Planned or under way; ignored when a status is chosen.
    pub live_only: bool,
    pub country: Option<String>,
    pub topic: Option<String>,
    /// Funding, accountable for or implementing it.
    pub organisation: Option<Uuid>,
}

impl ListFilter for ProjectFilter {
    type Record = Project;

    /// `related` is the participating organisations' names, so that "Canada" finds what
    /// Global Affairs Canada funds.
    fn text(p: &Project, related: &str) -> Box<str> {
        let topics: Vec<&str> = p.topics.iter().filter_map(|t| topic_label(t)).collect();
        let countries: Vec<&str> = p.countries.iter().filter_map(|c| country_name(c)).collect();
        prepare(&[
            &p.title,
            &p.identifier,
            &p.description,
            related,
            &topics.join(" "),
            &countries.join(" "),
        ])
    }

    fn query(&self) -> &str {
        &self.query
    }

    fn keeps(&self, p: &Project) -> bool {
        let status_ok = match self.status {
            Some(s) => p.status == s,
            None => !self.live_only || p.status.is_live(),
        };
        status_ok
            && self
                .country
                .as_ref()
                .is_none_or(|c| p.countries.contains(c))
            && self.topic.as_ref().is_none_or(|t| p.topics.contains(t))
            && self.organisation.is_none_or(|o| {
                p.accountable == Some(o) || p.funders.contains(&o) || p.implementers.contains(&o)
            })
    }
}

/// One cell of "who funds what, where": the live projects on one topic in one country.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell<Id> {
    pub projects: Vec<Id>,
    /// The funders of those projects, each once.
    pub funders: Vec<Uuid>,
    /// Two of them overlap (see [`overlap`]).
    pub overlap: bool,
}

impl<Id> Default for Cell<Id> {
    fn default() -> Self {
        Cell {
            projects: Vec::new(),
            funders: Vec::new(),
            overlap: false,
        }
    }
}

/// Live projects by country and topic: `map[country][topic]`. Countries and topics no live
/// project covers are absent (the gaps); the caller lays out which ones it shows.
pub fn funding_map<Id: Copy + PartialEq>(
    projects: &[(Id, &Project)],
) -> BTreeMap<String, BTreeMap<String, Cell<Id>>> {
    let mut map: BTreeMap<String, BTreeMap<String, Cell<Id>>> = BTreeMap::new();
    let live: Vec<&(Id, &Project)> = projects
        .iter()
        .filter(|(_, p)| p.status.is_live())
        .collect();
    for (id, p) in &live {
        for c in &p.countries {
            for t in &p.topics {
                let cell = map
                    .entry(c.clone())
                    .or_default()
                    .entry(t.clone())
                    .or_default();
                cell.projects.push(*id);
                for f in &p.funders {
                    if !cell.funders.contains(f) {
                        cell.funders.push(*f);
                    }
                }
            }
        }
    }
    for (i, (_, a)) in live.iter().enumerate() {
        for (_, b) in &live[i + 1..] {
            if let Some(o) = overlap(a, b) {
                for c in &o.countries {
                    for t in &o.topics {
                        if let Some(cell) = map.get_mut(c).and_then(|m| m.get_mut(t)) {
                            cell.overlap = true;
                        }
                    }
                }
            }
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(n: u8) -> Uuid {
        Uuid::from_bytes([n; 16])
    }

    fn project(
        title: &str,
        funder: u8,
        countries: &[&str],
        topics: &[&str],
        years: (&str, &str),
    ) -> Project {
        Project {
            title: title.into(),
            status: ProjectStatus::Implementation,
            starts: years.0.into(),
            ends: years.1.into(),
            accountable: Some(org(funder)),
            funders: vec![org(funder)],
            countries: countries.iter().map(|c| (*c).to_owned()).collect(),
            topics: topics.iter().map(|t| (*t).to_owned()).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn project_rules() {
        let p = Project {
            budget: Some(1_250_000),
            currency: "USD".into(),
            ..project(
                "Risk management in the OECS",
                1,
                &["LC", "DM"],
                &["risk_management"],
                ("2013-04-01", "2016-03-31"),
            )
        };
        assert!(p.validate().is_ok());
        assert_eq!(p.budget_label(), "USD 1,250,000");
        assert_eq!(p.years_label(), "2013 – 2016");
        let e = Project {
            title: " ".into(),
            accountable: None,
            funders: vec![],
            countries: vec!["XX".into()],
            topics: vec!["astrology".into()],
            ends: "2012-01-01".into(),
            currency: "usd".into(),
            ..p.clone()
        }
        .validate()
        .unwrap_err();
        for field in [
            "title",
            "accountable",
            "funders",
            "countries",
            "topics",
            "ends",
            "currency",
        ] {
            assert!(e.for_field(field).is_some(), "{field}: {e}");
        }
        let e = Project {
            currency: String::new(),
            ..p
        }
        .validate()
        .unwrap_err();
        assert!(e
            .for_field("currency")
            .unwrap()
            .to_string()
            .contains("which currency"));
    }

    #[test]
    fn overlaps_need_country_topic_dates_and_different_funders() {
        let a = project(
            "A",
            1,
            &["JM", "BB"],
            &["risk_management", "valuation"],
            ("2013-01-01", "2014-12-31"),
        );
        let b = project("B", 2, &["BB"], &["risk_management"], ("2014-06-01", ""));
        assert_eq!(
            overlap(&a, &b),
            Some(Overlap {
                countries: vec!["BB".into()],
                topics: vec!["risk_management".into()]
            })
        );
        // Same funder: not duplication between donors.
        assert_eq!(
            overlap(
                &a,
                &project("C", 1, &["BB"], &["risk_management"], ("2013-01-01", ""))
            ),
            None
        );
        // Dates apart.
        assert_eq!(
            overlap(
                &a,
                &project(
                    "D",
                    2,
                    &["BB"],
                    &["risk_management"],
                    ("2015-01-01", "2016-01-01")
                )
            ),
            None
        );
        // Other topic, other country.
        assert_eq!(
            overlap(
                &a,
                &project("E", 2, &["BB"], &["integrity"], ("2013-01-01", ""))
            ),
            None
        );
        assert_eq!(
            overlap(
                &a,
                &project("F", 2, &["TT"], &["risk_management"], ("2013-01-01", ""))
            ),
            None
        );
        // A closed project no longer overlaps.
        let closed = Project {
            status: ProjectStatus::Closed,
            ..b.clone()
        };
        assert_eq!(overlap(&a, &closed), None);
        // Unknown dates are open.
        assert!(overlap(&a, &project("G", 2, &["JM"], &["valuation"], ("", ""))).is_some());
    }

    #[test]
    fn the_map_shows_who_funds_what_where_and_flags_overlaps() {
        let a = project(
            "A",
            1,
            &["JM", "BB"],
            &["risk_management"],
            ("2013-01-01", "2014-12-31"),
        );
        let b = project(
            "B",
            2,
            &["BB"],
            &["risk_management", "integrity"],
            ("2014-06-01", ""),
        );
        let done = Project {
            status: ProjectStatus::Closed,
            ..project("C", 3, &["TT"], &["revenue"], ("", ""))
        };
        let map = funding_map(&[(1, &a), (2, &b), (3, &done)]);
        let bb = &map["BB"]["risk_management"];
        assert_eq!(bb.projects, vec![1, 2]);
        assert_eq!(bb.funders, vec![org(1), org(2)]);
        assert!(bb.overlap);
        assert!(!map["JM"]["risk_management"].overlap);
        assert!(!map["BB"]["integrity"].overlap);
        assert!(!map.contains_key("TT"), "closed projects leave a gap");
    }

    #[test]
    fn duplicates_and_filters() {
        let a = Project {
            identifier: "XM-DAC-1".into(),
            ..project(
                "Risk  Management",
                1,
                &["BB"],
                &["risk_management"],
                ("2013-01-01", ""),
            )
        };
        let same_title = project("risk management", 2, &["BB"], &[], ("2014-01-01", ""));
        let same_id = Project {
            identifier: " XM-DAC-1 ".into(),
            ..project("Other", 2, &[], &[], ("", ""))
        };
        let elsewhere = project("Risk management", 2, &["TT"], &[], ("", ""));
        assert_eq!(
            possible_duplicates((9, &same_title), [(1, &a), (9, &same_title)]),
            vec![1]
        );
        assert_eq!(possible_duplicates((9, &same_id), [(1, &a)]), vec![1]);
        assert!(possible_duplicates((9, &elsewhere), [(1, &a)]).is_empty());

        let f = ProjectFilter {
            organisation: Some(org(1)),
            query: "risk barbados".into(),
            ..Default::default()
        };
        assert!(f.matches(&a, ""));
        assert!(!ProjectFilter {
            topic: Some("integrity".into()),
            ..Default::default()
        }
        .matches(&a, ""));
        let closed = Project {
            status: ProjectStatus::Closed,
            ..a.clone()
        };
        assert!(!ProjectFilter {
            live_only: true,
            ..Default::default()
        }
        .matches(&closed, ""));
        assert!(ProjectFilter {
            query: "canada".into(),
            ..Default::default()
        }
        .matches(&a, "Global Affairs Canada"));
    }
}
