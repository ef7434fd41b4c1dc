//! Catalogue records: organisations, their contacts, training tools and programmes. Each type
//! knows its validation rules and how it is searched and filtered.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{
    check_country, check_languages, AccessRule, Audience, OrgCategory, OrgStatus, ToolFormat,
};
use crate::i18n::problem::key;
use crate::reference;
use crate::search::{prepare, ListFilter};
use crate::validation::{
    check_topics, iati_org_identifier_problem, max_len, optional_date, optional_email,
    optional_url, required_text, ValidationErrors,
};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Organisation {
    pub name: String,
    pub acronym: String,
    /// Its IATI organisation identifier (`XM-DAC-41114`), by which IATI files name it.
    pub iati_identifier: String,
    pub category: OrgCategory,
    /// ISO 3166 alpha-2; none for international and regional bodies.
    pub country: Option<String>,
    pub website: String,
    pub parent: Option<Uuid>,
    pub status: OrgStatus,
    pub successor: Option<Uuid>,
    pub languages: Vec<String>,
    pub memberships: Vec<String>,
    pub description: String,
    /// Where the facts in this record come from.
    pub source: String,
}

impl Organisation {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut e = ValidationErrors::default();
        required_text(&mut e, "name", &self.name, 200);
        max_len(&mut e, "acronym", &self.acronym, 30);
        if !self.iati_identifier.trim().is_empty() {
            if let Some(problem) = iati_org_identifier_problem(&self.iati_identifier) {
                e.add_problem("iati_identifier", problem);
            }
        }
        check_country(&mut e, "country", &self.country);
        optional_url(&mut e, "website", &self.website);
        if self.successor.is_some() && self.status != OrgStatus::Defunct {
            e.add("successor", key::SUCCESSOR_NOT_DEFUNCT);
        }
        check_languages(&mut e, "languages", &self.languages);
        if self.memberships.len() > 30
            || self
                .memberships
                .iter()
                .any(|m| m.trim().is_empty() || m.len() > 60)
        {
            e.add("memberships", key::MEMBERSHIPS);
        }
        max_len(&mut e, "description", &self.description, 4000);
        max_len(&mut e, "source", &self.source, 1000);
        e.into_result()
    }

    /// "CARTAC — Caribbean Regional Technical Assistance Centre" or just the name.
    pub fn display_name(&self) -> String {
        if self.acronym.is_empty() || self.acronym == self.name {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.acronym)
        }
    }

    pub fn country_name(&self) -> &'static str {
        self.country
            .as_deref()
            .and_then(reference::country_name)
            .unwrap_or("Regional / international")
    }
}

/// The organisation list's search box and filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrgFilter {
    pub query: String,
    pub category: Option<OrgCategory>,
    pub country: Option<String>,
    pub status: Option<OrgStatus>,
}

impl ListFilter for OrgFilter {
    type Record = Organisation;

    fn text(org: &Organisation, _related: &str) -> Box<str> {
        prepare(&[
            &org.name,
            &org.acronym,
            &org.description,
            org.country.as_deref().unwrap_or(""),
            org.country_name(),
            org.category.label(),
        ])
    }

    fn query(&self) -> &str {
        &self.query
    }

    fn keeps(&self, org: &Organisation) -> bool {
        self.category.is_none_or(|c| org.category == c)
            && self.status.is_none_or(|s| org.status == s)
            && self
                .country
                .as_ref()
                .is_none_or(|c| org.country.as_ref() == Some(c))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub organisation: Option<Uuid>,
    /// Required: the sources name people by their role.
    pub role_title: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub language: Option<String>,
    /// Focal-point duties, e.g. "E-learning national coordinator".
    pub duties: String,
    pub source: String,
}

impl Contact {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut e = ValidationErrors::default();
        if self.organisation.is_none() {
            e.add("organisation", key::CONTACT_ORGANISATION);
        }
        required_text(&mut e, "role_title", &self.role_title, 200);
        max_len(&mut e, "name", &self.name, 200);
        optional_email(&mut e, "email", &self.email);
        let phone_ok = self
            .phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().x".contains(c) || c == 'e' || c == 't');
        if !phone_ok || self.phone.len() > 40 {
            e.add("phone", key::NOT_PHONE);
        }
        if let Some(l) = &self.language {
            check_languages(&mut e, "language", std::slice::from_ref(l));
        }
        max_len(&mut e, "duties", &self.duties, 1000);
        max_len(&mut e, "source", &self.source, 1000);
        e.into_result()
    }

    pub fn display_name(&self) -> String {
        if self.name.trim().is_empty() {
            self.role_title.clone()
        } else {
            format!("{} — {}", self.role_title, self.name)
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TrainingTool {
    pub title: String,
    /// The organisation that offers it.
    pub provider: Option<Uuid>,
    pub programme: Option<Uuid>,
    pub format: ToolFormat,
    pub platform: String,
    pub languages: Vec<String>,
    /// Free text: "6 hours", "5 days", "self-paced".
    pub duration: String,
    pub audience: Audience,
    pub access: AccessRule,
    pub certification: String,
    pub cost: String,
    pub url: String,
    pub topics: Vec<String>,
    /// When someone last checked the entry is still true (YYYY-MM-DD).
    pub last_verified: String,
    pub description: String,
    pub source: String,
}

impl TrainingTool {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut e = ValidationErrors::default();
        required_text(&mut e, "title", &self.title, 300);
        if self.provider.is_none() {
            e.add("provider", key::TOOL_PROVIDER);
        }
        max_len(&mut e, "platform", &self.platform, 200);
        if self.languages.is_empty() {
            e.add("languages", key::NO_LANGUAGE);
        }
        check_languages(&mut e, "languages", &self.languages);
        max_len(&mut e, "duration", &self.duration, 100);
        max_len(&mut e, "certification", &self.certification, 200);
        max_len(&mut e, "cost", &self.cost, 100);
        optional_url(&mut e, "url", &self.url);
        check_topics(&mut e, "topics", &self.topics);
        optional_date(&mut e, "last_verified", &self.last_verified);
        max_len(&mut e, "description", &self.description, 4000);
        max_len(&mut e, "source", &self.source, 1000);
        e.into_result()
    }
}

/// The training list's search box and filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ToolFilter {
    pub query: String,
    pub format: Option<ToolFormat>,
    pub language: Option<String>,
    pub topic: Option<String>,
    pub provider: Option<Uuid>,
}

impl ListFilter for ToolFilter {
    type Record = TrainingTool;

    /// `related` is the provider's display name, so that "WCO" finds its tools.
    fn text(tool: &TrainingTool, related: &str) -> Box<str> {
        let topics: Vec<&str> = tool
            .topics
            .iter()
            .filter_map(|t| reference::topic_label(t))
            .collect();
        prepare(&[
            &tool.title,
            &tool.description,
            &tool.platform,
            related,
            &topics.join(" "),
            tool.format.label(),
        ])
    }

    fn query(&self) -> &str {
        &self.query
    }

    fn keeps(&self, tool: &TrainingTool) -> bool {
        self.format.is_none_or(|f| tool.format == f)
            && self
                .language
                .as_ref()
                .is_none_or(|l| tool.languages.contains(l))
            && self.topic.as_ref().is_none_or(|t| tool.topics.contains(t))
            && self.provider.is_none_or(|p| tool.provider == Some(p))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Programme {
    pub name: String,
    pub acronym: String,
    /// The organisation that runs it.
    pub owner: Option<Uuid>,
    pub started: Option<u16>,
    pub description: String,
    pub source: String,
}

impl Programme {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut e = ValidationErrors::default();
        required_text(&mut e, "name", &self.name, 200);
        max_len(&mut e, "acronym", &self.acronym, 30);
        if let Some(y) = self.started {
            if !(1950..=2100).contains(&y) {
                e.add("started", key::NOT_YEAR);
            }
        }
        max_len(&mut e, "description", &self.description, 4000);
        max_len(&mut e, "source", &self.source, 1000);
        e.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::*;
    use serde_json::json;

    fn org() -> Organisation {
        Organisation {
            name: "Caribbean Regional Technical Assistance Centre".into(),
            acronym: "CARTAC".into(),
            category: OrgCategory::TaProvider,
            country: Some("BB".into()),
            website: "https://www.cartac.org".into(),
            ..Default::default()
        }
    }

    #[test]
    fn organisation_rules() {
        assert!(org().validate().is_ok());
        let bad = Organisation {
            name: " ".into(),
            country: Some("XX".into()),
            successor: Some(Uuid::nil()),
            website: "cartac.org".into(),
            iati_identifier: "XM DAC 41114".into(),
            ..org()
        };
        let e = bad.validate().unwrap_err();
        assert!(e
            .for_field("iati_identifier")
            .unwrap()
            .to_string()
            .contains("XM-DAC-41114"));
        let identified = Organisation {
            iati_identifier: "XM-DAC-41114".into(),
            ..org()
        };
        assert!(identified.validate().is_ok());
        assert!(e
            .for_field("name")
            .unwrap()
            .to_string()
            .contains("required"));
        assert!(e.for_field("country").unwrap().to_string().contains("XX"));
        assert!(e.for_field("successor").is_some());
        assert!(e.for_field("website").is_some());
        let defunct = Organisation {
            status: OrgStatus::Defunct,
            successor: Some(Uuid::nil()),
            ..org()
        };
        assert!(defunct.validate().is_ok());
    }

    #[test]
    fn contact_needs_role_title_not_name() {
        let c = Contact {
            organisation: Some(Uuid::nil()),
            role_title: "Head of Revenue Administration".into(),
            ..Default::default()
        };
        assert!(c.validate().is_ok());
        let e = Contact {
            role_title: "".into(),
            ..c.clone()
        }
        .validate()
        .unwrap_err();
        assert!(e.for_field("role_title").is_some());
        let e = Contact {
            phone: "call me".into(),
            ..c
        }
        .validate()
        .unwrap_err();
        assert!(e.for_field("phone").is_some());
    }

    #[test]
    fn training_tool_rules() {
        let t = TrainingTool {
            title: "WCO e-learning: Risk management".into(),
            provider: Some(Uuid::nil()),
            languages: vec!["en".into(), "fr".into()],
            topics: vec!["risk_management".into()],
            last_verified: "2012-10-15".into(),
            ..Default::default()
        };
        assert!(t.validate().is_ok());
        let e = TrainingTool {
            languages: vec![],
            topics: vec!["astrology".into()],
            ..t
        }
        .validate()
        .unwrap_err();
        assert!(e.for_field("languages").is_some());
        assert!(e
            .for_field("topics")
            .unwrap()
            .to_string()
            .contains("astrology"));
    }

    #[test]
    fn field_maps_name_the_wrong_field() {
        let fields = json!({"name": 5, "acronym": "X"});
        let e = RecordKind::Organisation
            .validate(fields.as_object().unwrap())
            .unwrap_err();
        assert_eq!(e.0.len(), 1);
        assert_eq!(e.0[0].field, "name");
        assert!(
            e.0[0].to_string().contains("expected a string"),
            "{}",
            e.0[0]
        );

        let e = RecordKind::Organisation
            .check_field_types(
                json!({"colour": "red", "category": "pirate"})
                    .as_object()
                    .unwrap(),
            )
            .unwrap_err();
        assert!(e
            .for_field("colour")
            .unwrap()
            .to_string()
            .contains("no field"));
        assert!(e
            .for_field("category")
            .unwrap()
            .to_string()
            .contains("unknown variant"));
    }

    #[test]
    fn kinds_round_trip() {
        for k in RecordKind::ALL {
            assert_eq!(RecordKind::from_plural(k.plural()), Some(*k));
            assert_eq!(RecordKind::from_code(k.code()), Some(*k));
            assert!(!k.field_names().is_empty());
            assert_eq!(RecordKind::ALL[*k as usize], *k, "defaults() indexes ALL");
        }
    }

    #[test]
    fn filters() {
        let o = org();
        assert!(OrgFilter {
            query: "cartac barb".into(),
            ..Default::default()
        }
        .matches(&o, ""));
        assert!(!OrgFilter {
            query: "wco".into(),
            ..Default::default()
        }
        .matches(&o, ""));
        assert!(OrgFilter {
            country: Some("BB".into()),
            ..Default::default()
        }
        .matches(&o, ""));
        assert!(!OrgFilter {
            status: Some(OrgStatus::Defunct),
            ..Default::default()
        }
        .matches(&o, ""));
        let t = TrainingTool {
            title: "Customs valuation".into(),
            languages: vec!["es".into()],
            topics: vec!["valuation".into()],
            ..Default::default()
        };
        assert!(ToolFilter {
            query: "wco valuation".into(),
            ..Default::default()
        }
        .matches(&t, "World Customs Organization (WCO)"));
        assert!(ToolFilter {
            language: Some("es".into()),
            ..Default::default()
        }
        .matches(&t, ""));
        assert!(!ToolFilter {
            language: Some("en".into()),
            ..Default::default()
        }
        .matches(&t, ""));
        assert!(ToolFilter {
            topic: Some("valuation".into()),
            ..Default::default()
        }
        .matches(&t, ""));
    }
}
