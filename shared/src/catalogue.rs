//! Catalogue records: organisations, their contacts, training tools and programmes. Each type
//! knows its validation rules, how it is searched and filtered, and how it maps to the field
//! map that sync merges field by field.

use std::sync::OnceLock;

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::documents::Document;
use crate::meetings::{ActionItem, Meeting};
use crate::missions::Mission;
use crate::projects::Project;
use crate::reference;
use crate::validation::{
    max_len, optional_date, optional_email, optional_url, required_text, ValidationErrors,
};

/// Declares an enum stored by a stable code, shown by a label, with the list of its values.
macro_rules! labelled_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => ($code:literal, $label:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $( #[serde(rename = $code)] $variant ),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every value as (code, label), in order: what a field table names.
            pub const OPTIONS: &'static [(&'static str, &'static str)] = &[$(($code, $label)),+];
            pub fn code(self) -> &'static str { match self { $($name::$variant => $code),+ } }
            pub fn label(self) -> &'static str { match self { $($name::$variant => $label),+ } }
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl Default for $name {
            fn default() -> Self { Self::ALL[0] }
        }
    };
}

labelled_enum!(
    /// What kind of record a synced record is. Sync, storage and the API are generic over it:
    /// adding a kind adds a variant here and a type below, and no sync code.
    RecordKind {
        Organisation => ("organisation", "Organisation"),
        Contact => ("contact", "Contact"),
        TrainingTool => ("training_tool", "Training tool"),
        Programme => ("programme", "Programme"),
        Meeting => ("meeting", "Meeting"),
        ActionItem => ("action_item", "Action item"),
        Project => ("project", "Project"),
        Mission => ("mission", "Mission"),
        Document => ("document", "Document"),
    }
);

labelled_enum!(OrgCategory {
    Donor => ("donor", "Donor"),
    TaProvider => ("ta_provider", "Technical assistance provider"),
    CustomsAdministration => ("customs_administration", "Customs administration"),
    RegionalBody => ("regional_body", "Regional body"),
    InternationalOrganisation => ("international_organisation", "International organisation"),
    Academic => ("academic", "Academic"),
});

labelled_enum!(OrgStatus {
    Active => ("active", "Active"),
    Defunct => ("defunct", "Defunct"),
});

labelled_enum!(ToolFormat {
    ELearning => ("e_learning", "E-learning"),
    Classroom => ("classroom", "Classroom"),
    Workshop => ("workshop", "Workshop"),
    Blended => ("blended", "Blended"),
    Webinar => ("webinar", "Webinar"),
    TrainTheTrainer => ("train_the_trainer", "Train-the-trainer"),
    Guide => ("guide", "Manual or guide"),
});

labelled_enum!(Audience {
    AllStaff => ("all_staff", "All staff"),
    Frontline => ("frontline", "Front-line officers"),
    Specialist => ("specialist", "Specialists"),
    Management => ("management", "Managers"),
    Trainers => ("trainers", "Trainers"),
});

labelled_enum!(AccessRule {
    Open => ("open", "Open to all"),
    MembersOnly => ("members_only", "Members only"),
    NationalCoordinator => ("national_coordinator", "Through the national coordinator"),
    FormalRequest => ("formal_request", "On formal request"),
});

impl RecordKind {
    /// The path segment of the kind in the API (`/api/v1/organisations`).
    pub fn plural(self) -> &'static str {
        match self {
            RecordKind::Organisation => "organisations",
            RecordKind::Contact => "contacts",
            RecordKind::TrainingTool => "training_tools",
            RecordKind::Programme => "programmes",
            RecordKind::Meeting => "meetings",
            RecordKind::ActionItem => "action_items",
            RecordKind::Project => "projects",
            RecordKind::Mission => "missions",
            RecordKind::Document => "documents",
        }
    }

    pub fn from_plural(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.plural() == s)
    }

    /// The fields a record of this kind has (besides the sync layer's `deleted`).
    pub fn field_names(self) -> Vec<String> {
        defaults(self).keys().cloned().collect()
    }

    /// A record of this kind with every field at its default, as a field map.
    fn default_map(self) -> Map<String, Value> {
        match self {
            RecordKind::Organisation => to_map(&Organisation::default()),
            RecordKind::Contact => to_map(&Contact::default()),
            RecordKind::TrainingTool => to_map(&TrainingTool::default()),
            RecordKind::Programme => to_map(&Programme::default()),
            RecordKind::Meeting => to_map(&Meeting::default()),
            RecordKind::ActionItem => to_map(&ActionItem::default()),
            RecordKind::Project => to_map(&Project::default()),
            RecordKind::Mission => to_map(&Mission::default()),
            RecordKind::Document => to_map(&Document::default()),
        }
    }

    /// Checks a whole record given as a field map: every field known and of the right type,
    /// and the kind's rules satisfied.
    pub fn validate(self, fields: &Map<String, Value>) -> Result<(), ValidationErrors> {
        match self {
            RecordKind::Organisation => parse_fields::<Organisation>(fields)?.validate(),
            RecordKind::Contact => parse_fields::<Contact>(fields)?.validate(),
            RecordKind::TrainingTool => parse_fields::<TrainingTool>(fields)?.validate(),
            RecordKind::Programme => parse_fields::<Programme>(fields)?.validate(),
            RecordKind::Meeting => parse_fields::<Meeting>(fields)?.validate(),
            RecordKind::ActionItem => parse_fields::<ActionItem>(fields)?.validate(),
            RecordKind::Project => parse_fields::<Project>(fields)?.validate(),
            RecordKind::Mission => parse_fields::<Mission>(fields)?.validate(),
            RecordKind::Document => parse_fields::<Document>(fields)?.validate(),
        }
    }

    /// Checks a record given as its fields' values, each field once, without building a
    /// field map: the same checks and answer as `validate` (which it falls back to when
    /// something is wrong, to name it).
    pub fn validate_fields<'a>(
        self,
        fields: impl Iterator<Item = (&'a str, &'a Value)> + Clone,
    ) -> Result<(), ValidationErrors> {
        let base = defaults(self);
        if fields
            .clone()
            .all(|(k, _)| k == DELETED_FIELD || base.contains_key(k))
        {
            let mut given = fields.clone().filter(|(k, _)| *k != DELETED_FIELD);
            let given: Pairs = &mut given;
            let checked = match self {
                RecordKind::Organisation => {
                    parse_pairs::<Organisation>(given).map(|r| r.validate())
                }
                RecordKind::Contact => parse_pairs::<Contact>(given).map(|r| r.validate()),
                RecordKind::TrainingTool => {
                    parse_pairs::<TrainingTool>(given).map(|r| r.validate())
                }
                RecordKind::Programme => parse_pairs::<Programme>(given).map(|r| r.validate()),
                RecordKind::Meeting => parse_pairs::<Meeting>(given).map(|r| r.validate()),
                RecordKind::ActionItem => parse_pairs::<ActionItem>(given).map(|r| r.validate()),
                RecordKind::Project => parse_pairs::<Project>(given).map(|r| r.validate()),
                RecordKind::Mission => parse_pairs::<Mission>(given).map(|r| r.validate()),
                RecordKind::Document => parse_pairs::<Document>(given).map(|r| r.validate()),
            };
            if let Ok(result) = checked {
                return result;
            }
        }
        self.validate(
            &fields
                .map(|(k, v)| (k.to_owned(), v.clone()))
                .collect::<Map<String, Value>>(),
        )
    }

    /// Checks only that the given fields exist for this kind and have the right type
    /// (a partial update before it is merged).
    pub fn check_field_types(self, fields: &Map<String, Value>) -> Result<(), ValidationErrors> {
        let base = defaults(self);
        let deleted_ok = fields.get(DELETED_FIELD).is_none_or(Value::is_boolean);
        if deleted_ok
            && fields
                .keys()
                .all(|k| k == DELETED_FIELD || base.contains_key(k))
        {
            // Fast path: all at once; field by field only to name what is wrong.
            let mut given = fields
                .iter()
                .filter(|(k, _)| *k != DELETED_FIELD)
                .map(|(k, v)| (k.as_str(), v));
            let given: Pairs = &mut given;
            let parsed = match self {
                RecordKind::Organisation => parse_pairs::<Organisation>(given).map(drop),
                RecordKind::Contact => parse_pairs::<Contact>(given).map(drop),
                RecordKind::TrainingTool => parse_pairs::<TrainingTool>(given).map(drop),
                RecordKind::Programme => parse_pairs::<Programme>(given).map(drop),
                RecordKind::Meeting => parse_pairs::<Meeting>(given).map(drop),
                RecordKind::ActionItem => parse_pairs::<ActionItem>(given).map(drop),
                RecordKind::Project => parse_pairs::<Project>(given).map(drop),
                RecordKind::Mission => parse_pairs::<Mission>(given).map(drop),
                RecordKind::Document => parse_pairs::<Document>(given).map(drop),
            };
            if parsed.is_ok() {
                return Ok(());
            }
        }
        let mut errors = ValidationErrors::default();
        for (name, value) in fields {
            if name == DELETED_FIELD {
                if !value.is_boolean() {
                    errors.add(name, "Must be true or false.");
                }
                continue;
            }
            if !base.contains_key(name) {
                errors.add(
                    name,
                    format!("{} records have no field named `{name}`.", self.label()),
                );
                continue;
            }
            let mut probe = base.clone();
            probe.insert(name.clone(), value.clone());
            if let Err(e) = self.parse_probe(&probe) {
                errors.add(name, wrong_type_message(&e));
            }
        }
        errors.into_result()
    }

    fn parse_probe(self, map: &Map<String, Value>) -> Result<(), serde_json::Error> {
        match self {
            RecordKind::Organisation => parse_map::<Organisation>(map).map(drop),
            RecordKind::Contact => parse_map::<Contact>(map).map(drop),
            RecordKind::TrainingTool => parse_map::<TrainingTool>(map).map(drop),
            RecordKind::Programme => parse_map::<Programme>(map).map(drop),
            RecordKind::Meeting => parse_map::<Meeting>(map).map(drop),
            RecordKind::ActionItem => parse_map::<ActionItem>(map).map(drop),
            RecordKind::Project => parse_map::<Project>(map).map(drop),
            RecordKind::Mission => parse_map::<Mission>(map).map(drop),
            RecordKind::Document => parse_map::<Document>(map).map(drop),
        }
    }
}

/// A kind's fields with their default values (`to_map` of its default record), made once.
impl RecordKind {
    /// Whether records of this kind have a field `name` in this release (`deleted`
    /// included). A record received from a newer server may carry others: they are kept
    /// as received, passed on untouched, and left out of this release's checks.
    pub fn knows_field(self, name: &str) -> bool {
        name == DELETED_FIELD || defaults(self).contains_key(name)
    }
}

fn defaults(kind: RecordKind) -> &'static Map<String, Value> {
    static DEFAULTS: OnceLock<Vec<Map<String, Value>>> = OnceLock::new();
    let maps = DEFAULTS.get_or_init(|| RecordKind::ALL.iter().map(|k| k.default_map()).collect());
    // ALL lists every kind in declaration order.
    &maps[kind as usize]
}

/// A record read from borrowed field values, each field once. The record types take their
/// defaults for fields not given (`#[serde(default)]`), so this reads what `from_value` of
/// the default record's map with these fields put in would, without building that map.
/// Field/value pairs, behind one iterator type: every way of reading a record (a field map,
/// a filtered map, a merge state's values) shares one deserializer per record type, so the
/// wasm carries one copy of each record's parsing code, not one per source.
type Pairs<'a, 'b> = &'b mut dyn Iterator<Item = (&'a str, &'a Value)>;

fn parse_pairs<T: DeserializeOwned>(fields: Pairs) -> Result<T, serde_json::Error> {
    T::deserialize(serde::de::value::MapDeserializer::<_, serde_json::Error>::new(fields))
}

fn parse_map<T: DeserializeOwned>(map: &Map<String, Value>) -> Result<T, serde_json::Error> {
    parse_pairs(&mut map.iter().map(|(k, v)| (k.as_str(), v)))
}

/// The sync layer's deletion flag, a field like any other so that deletes merge per field.
pub const DELETED_FIELD: &str = "deleted";

fn wrong_type_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    // serde_json says e.g. "invalid type: integer `5`, expected a string"; keep that part.
    let text = text.split(" at line ").next().unwrap_or(&text);
    format!("Wrong value: {text}.")
}

/// Serialises a record to its field map.
pub fn to_map<T: Serialize>(record: &T) -> Map<String, Value> {
    match serde_json::to_value(record) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// Reads a record from its field map, naming the first field of the wrong type.
pub fn parse_fields<T: DeserializeOwned + Serialize + Default>(
    fields: &Map<String, Value>,
) -> Result<T, ValidationErrors> {
    // Fast path: every field known and of the right type (the usual case). Only when that
    // fails is each field tried alone, to name the ones that are wrong.
    let mut map = to_map(&T::default());
    if fields
        .keys()
        .all(|k| k == DELETED_FIELD || map.contains_key(k))
    {
        // The defaults of the fields not given, then the given ones: nothing copied.
        let mut whole = map
            .iter()
            .filter(|(k, _)| !fields.contains_key(*k))
            .chain(fields.iter().filter(|(k, _)| *k != DELETED_FIELD))
            .map(|(k, v)| (k.as_str(), v));
        if let Ok(record) = parse_pairs(&mut whole) {
            return Ok(record);
        }
    }
    let mut errors = ValidationErrors::default();
    for (k, v) in fields {
        if k == DELETED_FIELD {
            continue;
        }
        if !map.contains_key(k) {
            errors.add(k, format!("Unknown field `{k}`."));
            continue;
        }
        let mut probe = map.clone();
        probe.insert(k.clone(), v.clone());
        if let Err(e) = parse_map::<T>(&probe) {
            errors.add(k, wrong_type_message(&e));
            continue;
        }
        map.insert(k.clone(), v.clone());
    }
    errors.into_result()?;
    parse_map(&map).map_err(|e| {
        let mut errors = ValidationErrors::default();
        errors.add("record", wrong_type_message(&e));
        errors
    })
}

/// Case-insensitive "every word of the query appears somewhere in the haystacks".
pub fn matches_query(query: &str, haystacks: &[&str]) -> bool {
    let hay = haystacks.join(" \u{1f} ").to_lowercase();
    query
        .split_whitespace()
        .all(|word| hay.contains(&word.to_lowercase()))
}

pub(crate) fn check_languages(errors: &mut ValidationErrors, field: &str, langs: &[String]) {
    for l in langs {
        if reference::language_name(l).is_none() {
            errors.add(field, format!("Unknown language code `{l}`."));
            return;
        }
    }
}

pub(crate) fn check_country(errors: &mut ValidationErrors, field: &str, country: &Option<String>) {
    if let Some(c) = country {
        if reference::country_name(c).is_none() {
            errors.add(
                field,
                format!("Unknown country code `{c}` (use ISO 3166 alpha-2, e.g. BB)."),
            );
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Organisation {
    pub name: String,
    pub acronym: String,
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
        check_country(&mut e, "country", &self.country);
        optional_url(&mut e, "website", &self.website);
        if self.successor.is_some() && self.status != OrgStatus::Defunct {
            e.add("successor", "Only a defunct organisation has a successor.");
        }
        check_languages(&mut e, "languages", &self.languages);
        if self.memberships.len() > 30
            || self
                .memberships
                .iter()
                .any(|m| m.trim().is_empty() || m.len() > 60)
        {
            e.add(
                "memberships",
                "Up to 30 memberships, each a name of at most 60 characters.",
            );
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

impl OrgFilter {
    pub fn matches(&self, org: &Organisation) -> bool {
        self.category.is_none_or(|c| org.category == c)
            && self.status.is_none_or(|s| org.status == s)
            && self
                .country
                .as_ref()
                .is_none_or(|c| org.country.as_ref() == Some(c))
            && matches_query(
                &self.query,
                &[
                    &org.name,
                    &org.acronym,
                    &org.description,
                    org.country.as_deref().unwrap_or(""),
                    org.country_name(),
                    org.category.label(),
                ],
            )
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
            e.add(
                "organisation",
                "Choose the organisation this contact belongs to.",
            );
        }
        required_text(&mut e, "role_title", &self.role_title, 200);
        max_len(&mut e, "name", &self.name, 200);
        optional_email(&mut e, "email", &self.email);
        let phone_ok = self
            .phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().x".contains(c) || c == 'e' || c == 't');
        if !phone_ok || self.phone.len() > 40 {
            e.add(
                "phone",
                "Use digits, spaces and + - ( ) only, e.g. +1 246 555 0100.",
            );
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
            e.add(
                "provider",
                "Choose the organisation that provides this tool.",
            );
        }
        max_len(&mut e, "platform", &self.platform, 200);
        if self.languages.is_empty() {
            e.add("languages", "Choose at least one language.");
        }
        check_languages(&mut e, "languages", &self.languages);
        max_len(&mut e, "duration", &self.duration, 100);
        max_len(&mut e, "certification", &self.certification, 200);
        max_len(&mut e, "cost", &self.cost, 100);
        optional_url(&mut e, "url", &self.url);
        if let Some(t) = self
            .topics
            .iter()
            .find(|t| reference::topic_label(t).is_none())
        {
            e.add("topics", format!("Unknown topic `{t}`."));
        }
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

impl ToolFilter {
    /// `provider_name` is the provider's display name, so that "WCO" finds its tools.
    pub fn matches(&self, tool: &TrainingTool, provider_name: &str) -> bool {
        let topics: Vec<&str> = tool
            .topics
            .iter()
            .filter_map(|t| reference::topic_label(t))
            .collect();
        self.format.is_none_or(|f| tool.format == f)
            && self
                .language
                .as_ref()
                .is_none_or(|l| tool.languages.contains(l))
            && self.topic.as_ref().is_none_or(|t| tool.topics.contains(t))
            && self.provider.is_none_or(|p| tool.provider == Some(p))
            && matches_query(
                &self.query,
                &[
                    &tool.title,
                    &tool.description,
                    &tool.platform,
                    provider_name,
                    &topics.join(" "),
                    tool.format.label(),
                ],
            )
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
                e.add("started", "Enter a year between 1950 and 2100.");
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
            ..org()
        };
        let e = bad.validate().unwrap_err();
        assert!(e.for_field("name").unwrap().contains("required"));
        assert!(e.for_field("country").unwrap().contains("XX"));
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
        assert!(e.for_field("topics").unwrap().contains("astrology"));
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
            e.0[0].message.contains("expected a string"),
            "{}",
            e.0[0].message
        );

        let e = RecordKind::Organisation
            .check_field_types(
                json!({"colour": "red", "category": "pirate"})
                    .as_object()
                    .unwrap(),
            )
            .unwrap_err();
        assert!(e.for_field("colour").unwrap().contains("no field"));
        assert!(e.for_field("category").unwrap().contains("unknown variant"));
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
        .matches(&o));
        assert!(!OrgFilter {
            query: "wco".into(),
            ..Default::default()
        }
        .matches(&o));
        assert!(OrgFilter {
            country: Some("BB".into()),
            ..Default::default()
        }
        .matches(&o));
        assert!(!OrgFilter {
            status: Some(OrgStatus::Defunct),
            ..Default::default()
        }
        .matches(&o));
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
