//! One table of fields per record kind: each field's name, its label as people read it, the
//! kind of value it holds and whether a record needs it. Forms, record pages, history, the
//! conflict inbox and the CSV export take labels and value formats from here, so a label
//! is written once; a test keeps each table equal to its record type's fields.

use std::collections::HashMap;

use serde_json::Value;
use uuid::Uuid;

use crate::catalogue::{AccessRule, Audience, OrgCategory, OrgStatus, RecordKind, ToolFormat};
use crate::dates::{Day, Due};
use crate::documents::DocumentKind;
use crate::i18n::{msg, Arg, Words};
use crate::meetings::{ActionStatus, MeetingKind};
use crate::missions::{MissionPhase, ReportAccess};
use crate::projects::ProjectStatus;

/// The kind of value a field holds, and so how it is shown and read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// One line of text.
    Text,
    /// Paragraphs.
    Paragraphs,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// One of a fixed list, stored by code.
    Choice(Choices),
    /// An ISO 3166 alpha-2 country code, or none.
    Country,
    /// A list of country codes.
    Countries,
    /// A language code, or none.
    Language,
    /// A list of language codes.
    Languages,
    /// A list of topic codes (`reference::TOPICS`).
    Topics,
    /// A list of free texts.
    Texts,
    /// A link to one record of this kind, or none.
    Link(RecordKind),
    /// Links to records of this kind.
    Links(RecordKind),
    /// A day, `YYYY-MM-DD`.
    Day,
    /// A due date to the precision it was agreed (`Due`).
    Due,
    /// A year.
    Year,
    /// A whole amount.
    Amount,
    /// A file attached to the record (`files::Attached`).
    File,
}

/// The values of a choice: (code, label in English) pairs, and the name of the list, which
/// names each label's message in the language files (`<name>-<code>`, as `Labelled::key`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choices {
    pub name: &'static str,
    pub options: &'static [(&'static str, &'static str)],
}

impl Choices {
    /// The message that names value `code`.
    pub fn key(&self, code: &str) -> String {
        format!("{}-{code}", self.name)
    }
}

/// One field of a record kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The name records and the API use.
    pub name: &'static str,
    /// What forms and pages call it.
    pub label: &'static str,
    pub ty: FieldType,
    /// A record is refused without it.
    pub required: bool,
}

/// The sync layer's removal flag, shown in history as a change of the record itself.
pub const DELETED: Field = Field {
    name: crate::catalogue::DELETED_FIELD,
    label: "Record",
    ty: FieldType::Text,
    required: false,
};

const fn f(name: &'static str, label: &'static str, ty: FieldType) -> Field {
    Field {
        name,
        label,
        ty,
        required: false,
    }
}

const fn required(name: &'static str, label: &'static str, ty: FieldType) -> Field {
    Field {
        name,
        label,
        ty,
        required: true,
    }
}

use FieldType as T;
use RecordKind as K;

const ORGANISATION: &[Field] = &[
    required("name", "Name", T::Text),
    f("acronym", "Acronym", T::Text),
    f("iati_identifier", "IATI organisation identifier", T::Text),
    f("category", "Category", T::Choice(OrgCategory::CHOICES)),
    f("country", "Country", T::Country),
    f("website", "Website", T::Url),
    f("parent", "Part of", T::Link(K::Organisation)),
    f("status", "Status", T::Choice(OrgStatus::CHOICES)),
    f("successor", "Successor", T::Link(K::Organisation)),
    f("languages", "Languages", T::Languages),
    f("memberships", "Member of", T::Texts),
    f("description", "Description", T::Paragraphs),
    f("source", "Source of these facts", T::Text),
];

const CONTACT: &[Field] = &[
    required("organisation", "Organisation", T::Link(K::Organisation)),
    required("role_title", "Role title", T::Text),
    f("name", "Name", T::Text),
    f("email", "E-mail", T::Email),
    f("phone", "Phone", T::Text),
    f("language", "Language", T::Language),
    f("duties", "Focal-point duties", T::Paragraphs),
    f("source", "Source of these facts", T::Text),
];

const TRAINING_TOOL: &[Field] = &[
    required("title", "Title", T::Text),
    required("provider", "Provider", T::Link(K::Organisation)),
    f("programme", "Programme", T::Link(K::Programme)),
    f("format", "Format", T::Choice(ToolFormat::CHOICES)),
    f("platform", "Platform", T::Text),
    required("languages", "Languages", T::Languages),
    f("duration", "Duration", T::Text),
    f("audience", "Audience", T::Choice(Audience::CHOICES)),
    f("access", "Access", T::Choice(AccessRule::CHOICES)),
    f("certification", "Certification", T::Text),
    f("cost", "Cost", T::Text),
    f("url", "Web address", T::Url),
    f("topics", "Topics", T::Topics),
    f("last_verified", "Last checked", T::Day),
    f("description", "Description", T::Paragraphs),
    f("source", "Source of these facts", T::Text),
];

const PROGRAMME: &[Field] = &[
    required("name", "Name", T::Text),
    f("acronym", "Acronym", T::Text),
    f("owner", "Run by", T::Link(K::Organisation)),
    f("started", "Started", T::Year),
    f("description", "Description", T::Paragraphs),
    f("source", "Source of these facts", T::Text),
];

const MEETING: &[Field] = &[
    required("title", "Title", T::Text),
    f("kind", "Kind of meeting", T::Choice(MeetingKind::CHOICES)),
    required("starts", "First day", T::Day),
    f("ends", "Last day", T::Day),
    f("venue", "Venue", T::Text),
    f("country", "Country", T::Country),
    required("organiser", "Organised by", T::Link(K::Organisation)),
    f("chair", "Chair", T::Text),
    f(
        "attendees",
        "Organisations taking part",
        T::Links(K::Organisation),
    ),
    f("topics", "Topics", T::Topics),
    f("summary", "Summary", T::Paragraphs),
    f("source", "Source of these facts", T::Text),
];

const ACTION_ITEM: &[Field] = &[
    f("meeting", "Agreed at", T::Link(K::Meeting)),
    f("mission", "Recommended by the mission", T::Link(K::Mission)),
    required("text", "Action", T::Paragraphs),
    required("owner", "Owner", T::Link(K::Organisation)),
    f("co_owners", "Shared with", T::Links(K::Organisation)),
    f("due", "Due", T::Due),
    f("status", "Status", T::Choice(ActionStatus::CHOICES)),
    f("progress", "Progress", T::Paragraphs),
    f("source", "Source of these facts", T::Text),
];

const PROJECT: &[Field] = &[
    required("title", "Title", T::Text),
    f("identifier", "Identifier", T::Text),
    f("status", "Status", T::Choice(ProjectStatus::CHOICES)),
    f("starts", "Start", T::Day),
    f("ends", "End", T::Day),
    required("accountable", "Accountable", T::Link(K::Organisation)),
    required("funders", "Funded by", T::Links(K::Organisation)),
    f("implementers", "Implemented by", T::Links(K::Organisation)),
    f("countries", "Countries", T::Countries),
    f("topics", "Topics", T::Topics),
    f("sectors", "Other DAC sectors", T::Texts),
    f("budget", "Budget", T::Amount),
    f("currency", "Currency", T::Text),
    f("programme", "Programme", T::Link(K::Programme)),
    f("description", "Description", T::Paragraphs),
    f("source", "Source of these facts", T::Text),
];

const MISSION: &[Field] = &[
    required("title", "Title", T::Text),
    required("provider", "Provided by", T::Link(K::Organisation)),
    f(
        "beneficiary",
        "Administration assisted",
        T::Link(K::Organisation),
    ),
    f("country", "Country", T::Country),
    f("project", "Project", T::Link(K::Project)),
    required("starts", "First day", T::Day),
    f("ends", "Last day", T::Day),
    f("phase", "Phase", T::Choice(MissionPhase::CHOICES)),
    f("topics", "Topics", T::Topics),
    f("findings", "Findings", T::Paragraphs),
    f("recommendations", "Recommendations", T::Paragraphs),
    f(
        "report_access",
        "Who may read the full report",
        T::Choice(ReportAccess::CHOICES),
    ),
    f("report_url", "Where the report is kept", T::Url),
    f("source", "Source of these facts", T::Text),
];

const DOCUMENT: &[Field] = &[
    required("title", "Title", T::Text),
    f("kind", "Kind", T::Choice(DocumentKind::CHOICES)),
    f("url", "Web address", T::Url),
    f("file", "File", T::File),
    required("publisher", "Published by", T::Link(K::Organisation)),
    f("meeting", "Meeting", T::Link(K::Meeting)),
    f("mission", "Mission", T::Link(K::Mission)),
    f("project", "Project", T::Link(K::Project)),
    f("language", "Language", T::Language),
    f("published", "Published on", T::Day),
    f("description", "Description", T::Paragraphs),
];

impl RecordKind {
    /// This kind's fields, in the order forms and exports show them.
    pub fn fields(self) -> &'static [Field] {
        match self {
            K::Organisation => ORGANISATION,
            K::Contact => CONTACT,
            K::TrainingTool => TRAINING_TOOL,
            K::Programme => PROGRAMME,
            K::Meeting => MEETING,
            K::ActionItem => ACTION_ITEM,
            K::Project => PROJECT,
            K::Mission => MISSION,
            K::Document => DOCUMENT,
        }
    }

    /// The field `name` of this kind (`deleted` included), if this release knows it.
    pub fn field(self, name: &str) -> Option<&'static Field> {
        if name == DELETED.name {
            return Some(&DELETED);
        }
        self.fields().iter().find(|f| f.name == name)
    }

    /// What forms call field `name`; a field this release does not know goes by its name.
    pub fn field_label(self, name: &str) -> &str {
        self.field(name).map_or(name, |f| f.label)
    }
}

impl Field {
    /// A stored value of this field as a person reads it in the language of `words`:
    /// labels for codes, names of countries, languages and topics, due dates and days
    /// written out, the names `names` gives linked records.
    pub fn show(&self, value: &Value, names: &HashMap<Uuid, String>, words: Words) -> String {
        let text = value.as_str().unwrap_or_default();
        let empty = || words.text(msg::VALUE_EMPTY, "(empty)").to_owned();
        let list = |show: &dyn Fn(&Value) -> String| match value {
            Value::Array(items) if !items.is_empty() => {
                items.iter().map(show).collect::<Vec<_>>().join(", ")
            }
            _ => empty(),
        };
        let code = |label: Option<&str>| label.unwrap_or(text).to_owned();
        match (self.name, value) {
            ("deleted", Value::Bool(true)) => {
                return words.text(msg::VALUE_DELETED, "deleted").into()
            }
            ("deleted", Value::Bool(false)) => {
                return words.text(msg::VALUE_RESTORED, "restored").into()
            }
            (_, Value::Null) => return empty(),
            (_, Value::String(s)) if s.is_empty() => return empty(),
            _ => {}
        }
        let linked = |id: &str| {
            Uuid::parse_str(id)
                .ok()
                .and_then(|id| names.get(&id).cloned())
                .unwrap_or_else(|| {
                    words.format(msg::VALUE_NOT_ON_DEVICE, &[("id", Arg::Text(id))], || {
                        format!("a record not on this device ({id})")
                    })
                })
        };
        match self.ty {
            T::Choice(choices) => code(words.choice(choices, text)),
            T::Country => code(words.country(text)),
            T::Language => code(words.language(text)),
            T::Countries => list(&|v| named(v, |c| words.country(c))),
            T::Languages => list(&|v| named(v, |c| words.language(c))),
            T::Topics => list(&|v| named(v, |c| words.topic(c))),
            T::Link(_) => linked(text),
            T::Links(_) => list(&|v| linked(v.as_str().unwrap_or_default())),
            T::Day => Day::parse(text).map_or_else(|| text.to_owned(), |d| words.day(d)),
            T::Due => Due::parse(text).map_or_else(|| text.to_owned(), |d| words.due(d)),
            T::Texts => list(&|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned)),
            T::File => value["name"].as_str().map_or_else(empty, str::to_owned),
            T::Text | T::Paragraphs | T::Url | T::Email | T::Year | T::Amount => match value {
                Value::String(s) => s.clone(),
                Value::Bool(true) => words.yes().into(),
                Value::Bool(false) => words.text(msg::VALUE_NO, "no").into(),
                other => other.to_string(),
            },
        }
    }
}

/// A field this release does not know, shown as stored.
pub fn show_unknown(value: &Value) -> String {
    match value {
        Value::Null => "(empty)".into(),
        Value::String(s) if s.is_empty() => "(empty)".into(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A code's name from `name`, or the code itself.
fn named<'w>(v: &Value, name: impl Fn(&str) -> Option<&'w str>) -> String {
    let code = v.as_str().unwrap_or_default();
    name(code).map_or_else(|| code.to_owned(), str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_table_lists_its_record_types_fields_once_in_order() {
        for &kind in RecordKind::ALL {
            let table: Vec<&str> = kind.fields().iter().map(|f| f.name).collect();
            let mut declared = kind.field_names();
            declared.sort();
            let mut sorted: Vec<String> = table.iter().map(|s| s.to_string()).collect();
            sorted.sort();
            assert_eq!(sorted, declared, "{kind:?}");
            let mut unique = table.clone();
            unique.dedup();
            assert_eq!(unique.len(), table.len(), "{kind:?} names a field twice");
            assert!(kind.fields().iter().all(|f| !f.label.is_empty()));
        }
    }

    #[test]
    fn required_fields_are_the_ones_validation_asks_for() {
        // An empty record of each kind is refused on exactly its required fields (some
        // rules name other fields too, e.g. a mission needs a beneficiary or a country).
        for &kind in RecordKind::ALL {
            let errors = kind
                .validate(&serde_json::Map::new())
                .expect_err("an empty record is refused");
            for field in kind.fields().iter().filter(|f| f.required) {
                assert!(
                    errors.for_field(field.name).is_some(),
                    "{kind:?}.{} is marked required but an empty record is not refused on it: {errors}",
                    field.name
                );
            }
        }
    }

    #[test]
    fn choices_name_each_value_by_its_label() {
        let org = RecordKind::Organisation;
        let category = org.field("category").unwrap();
        let names = HashMap::new();
        assert_eq!(
            category.show(&json!("ta_provider"), &names, Words::ENGLISH),
            "Technical assistance provider"
        );
        assert_eq!(org.field_label("parent"), "Part of");
        assert_eq!(RecordKind::Mission.field_label("provider"), "Provided by");
        assert_eq!(RecordKind::TrainingTool.field_label("provider"), "Provider");
        assert_eq!(
            RecordKind::ActionItem.field("status").unwrap().show(
                &json!("in_progress"),
                &names,
                Words::ENGLISH
            ),
            "In progress"
        );
        assert_eq!(
            RecordKind::Project.field("status").unwrap().show(
                &json!("pipeline"),
                &names,
                Words::ENGLISH
            ),
            "Pipeline"
        );
        assert_eq!(
            RecordKind::ActionItem.field("due").unwrap().show(
                &json!("2013-Q2"),
                &names,
                Words::ENGLISH
            ),
            "2nd quarter 2013"
        );
        assert_eq!(RecordKind::Organisation.field_label("colour"), "colour");
        let id = Uuid::from_u128(7);
        let names = HashMap::from([(id, "CARTAC".to_owned())]);
        let funders = RecordKind::Project.field("funders").unwrap();
        assert_eq!(
            funders.show(&json!([id.to_string()]), &names, Words::ENGLISH),
            "CARTAC"
        );
        assert_eq!(funders.show(&json!([]), &names, Words::ENGLISH), "(empty)");
        assert_eq!(
            DELETED.show(&json!(true), &names, Words::ENGLISH),
            "deleted"
        );
        let fr = Words::of(crate::i18n::problem::catalogue(crate::i18n::Lang::Fr));
        assert_eq!(
            category.show(&json!("customs_administration"), &names, fr),
            "Administration des douanes"
        );
        assert_eq!(funders.show(&json!([]), &names, fr), "(vide)");
        let due = RecordKind::ActionItem.field("due").unwrap();
        assert_eq!(due.show(&json!("2013-Q2"), &names, fr), "2e trimestre 2013");
    }
}
