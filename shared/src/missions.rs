//! Technical assistance missions: who went where, when, on what, and what they found. The
//! 2012 meeting agreed to share what each mission finds, so a mission's findings and
//! recommendations are shared with every signed-in person; the full report stays where its
//! owner keeps it, with the rule for reading it.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::catalogue::check_country;
use crate::dates::Day;
use crate::i18n::problem::key;
use crate::reference::{country_name, topic_label};
use crate::search::{prepare, ListFilter};
use crate::validation::{
    check_topics, max_len, not_a_day, optional_url, required_text, ValidationErrors,
};

labelled_enum!(MissionPhase {
    Diagnostic => ("diagnostic", "Diagnostic"),
    Implementation => ("implementation", "Implementation"),
    Monitoring => ("monitoring", "Monitoring and follow-up"),
});

labelled_enum!(ReportAccess {
    Public => ("public", "Public"),
    Participants => ("participants", "The organisations involved"),
    OnRequest => ("on_request", "On request to the beneficiary administration"),
    Confidential => ("confidential", "Confidential"),
});

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Mission {
    pub title: String,
    /// The organisation that provides the assistance (required; it owns the record).
    pub provider: Option<Uuid>,
    /// The administration assisted.
    pub beneficiary: Option<Uuid>,
    /// ISO 3166 alpha-2.
    pub country: Option<String>,
    /// The project it is part of.
    pub project: Option<Uuid>,
    /// First and last day, `YYYY-MM-DD`; the first is required.
    pub starts: String,
    pub ends: String,
    pub phase: MissionPhase,
    pub topics: Vec<String>,
    /// What the mission found.
    pub findings: String,
    /// What it recommended.
    pub recommendations: String,
    /// Who may read the full report, and where it is.
    pub report_access: ReportAccess,
    pub report_url: String,
    pub source: String,
}

impl Mission {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut e = ValidationErrors::default();
        required_text(&mut e, "title", &self.title, 300);
        if self.provider.is_none() {
            e.add("provider", key::MISSION_PROVIDER);
        }
        if self.beneficiary.is_none() && self.country.is_none() {
            e.add("beneficiary", key::MISSION_BENEFICIARY);
        }
        check_country(&mut e, "country", &self.country);
        let starts = Day::parse(&self.starts);
        if self.starts.trim().is_empty() {
            e.add("starts", key::MISSION_STARTS);
        } else if starts.is_none() {
            not_a_day(&mut e, "starts", "2013-03-04");
        }
        if !self.ends.trim().is_empty() {
            match Day::parse(&self.ends) {
                None => not_a_day(&mut e, "ends", "2013-03-15"),
                Some(ends) if starts.is_some_and(|s| ends < s) => {
                    e.add("ends", key::ENDS_BEFORE_STARTS)
                }
                Some(_) => {}
            }
        }
        check_topics(&mut e, "topics", &self.topics);
        max_len(&mut e, "findings", &self.findings, 8000);
        max_len(&mut e, "recommendations", &self.recommendations, 8000);
        optional_url(&mut e, "report_url", &self.report_url);
        max_len(&mut e, "source", &self.source, 1000);
        e.into_result()
    }

    fn span(&self) -> Option<(Day, Day)> {
        let s = Day::parse(&self.starts)?;
        let e = Day::parse(&self.ends).unwrap_or(s);
        Some((s, e))
    }

    /// "4–15 March 2013" and the like, as meetings write their dates.
    pub fn dates_label(&self) -> String {
        crate::dates::dates_label(&self.starts, &self.ends)
    }

    pub fn country_label(&self) -> &'static str {
        self.country.as_deref().and_then(country_name).unwrap_or("")
    }
}

/// Another provider on the same topic in the same country on overlapping days: the
/// duplication missions are shared to avoid. Returns the topics in common.
pub fn mission_overlap(a: &Mission, b: &Mission) -> Vec<String> {
    let same_place = a.country.is_some() && a.country == b.country;
    let different_providers = a.provider != b.provider;
    let days_meet = match (a.span(), b.span()) {
        (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
        _ => false,
    };
    if !(same_place && different_providers && days_meet) {
        return Vec::new();
    }
    a.topics
        .iter()
        .filter(|t| b.topics.contains(t))
        .cloned()
        .collect()
}

/// The mission list's search box and filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MissionFilter {
    pub query: String,
    pub country: Option<String>,
    pub phase: Option<MissionPhase>,
    pub topic: Option<String>,
    /// Providing or receiving it.
    pub organisation: Option<Uuid>,
}

impl ListFilter for MissionFilter {
    type Record = Mission;

    /// `related` is the provider's and beneficiary's names.
    fn text(m: &Mission, related: &str) -> Box<str> {
        let topics: Vec<&str> = m.topics.iter().filter_map(|t| topic_label(t)).collect();
        prepare(&[
            &m.title,
            &m.findings,
            &m.recommendations,
            related,
            &topics.join(" "),
            m.country_label(),
        ])
    }

    fn query(&self) -> &str {
        &self.query
    }

    fn keeps(&self, m: &Mission) -> bool {
        self.country
            .as_ref()
            .is_none_or(|c| m.country.as_ref() == Some(c))
            && self.phase.is_none_or(|p| m.phase == p)
            && self.topic.as_ref().is_none_or(|t| m.topics.contains(t))
            && self
                .organisation
                .is_none_or(|o| m.provider == Some(o) || m.beneficiary == Some(o))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mission(provider: u8, country: &str, topics: &[&str], days: (&str, &str)) -> Mission {
        Mission {
            title: "Post-clearance audit diagnostic".into(),
            provider: Some(Uuid::from_bytes([provider; 16])),
            country: Some(country.into()),
            starts: days.0.into(),
            ends: days.1.into(),
            topics: topics.iter().map(|t| (*t).to_owned()).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn mission_rules() {
        let m = mission(
            1,
            "MS",
            &["post_clearance_audit"],
            ("2013-03-04", "2013-03-15"),
        );
        assert!(m.validate().is_ok());
        assert_eq!(m.dates_label(), "4–15 March 2013");
        let e = Mission {
            title: String::new(),
            provider: None,
            country: None,
            starts: "4 March".into(),
            report_url: "intranet/report".into(),
            topics: vec!["astrology".into()],
            ..m.clone()
        }
        .validate()
        .unwrap_err();
        for field in [
            "title",
            "provider",
            "beneficiary",
            "starts",
            "report_url",
            "topics",
        ] {
            assert!(e.for_field(field).is_some(), "{field}: {e}");
        }
        let e = Mission {
            ends: "2013-03-01".into(),
            ..m
        }
        .validate()
        .unwrap_err();
        assert!(e.for_field("ends").unwrap().to_string().contains("before"));
    }

    #[test]
    fn overlapping_missions_share_country_topic_days_not_provider() {
        let a = mission(
            1,
            "MS",
            &["post_clearance_audit", "valuation"],
            ("2013-03-04", "2013-03-15"),
        );
        let b = mission(2, "MS", &["valuation"], ("2013-03-15", ""));
        assert_eq!(mission_overlap(&a, &b), vec!["valuation".to_owned()]);
        assert!(
            mission_overlap(&a, &mission(1, "MS", &["valuation"], ("2013-03-10", ""))).is_empty()
        );
        assert!(
            mission_overlap(&a, &mission(2, "AI", &["valuation"], ("2013-03-10", ""))).is_empty()
        );
        assert!(
            mission_overlap(&a, &mission(2, "MS", &["valuation"], ("2013-03-16", ""))).is_empty()
        );
        assert!(
            mission_overlap(&a, &mission(2, "MS", &["integrity"], ("2013-03-10", ""))).is_empty()
        );
    }

    #[test]
    fn filter() {
        let m = Mission {
            findings: "No audit plan; records kept on paper.".into(),
            beneficiary: Some(Uuid::from_bytes([5; 16])),
            ..mission(1, "MS", &["post_clearance_audit"], ("2013-03-04", ""))
        };
        assert!(MissionFilter {
            query: "paper montserrat".into(),
            organisation: Some(Uuid::from_bytes([5; 16])),
            ..Default::default()
        }
        .matches(&m, ""));
        assert!(!MissionFilter {
            phase: Some(MissionPhase::Monitoring),
            ..Default::default()
        }
        .matches(&m, ""));
    }
}
