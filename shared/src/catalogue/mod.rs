//! The record-kind registry: `RecordKind` and the labelled enums, and the generic reading
//! and checking of any kind's record from its field map (the path sync merges field by
//! field). The organisation, contact, training-tool and programme types are in `records`.

use std::sync::OnceLock;

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::i18n::problem::key;
use crate::i18n::Problem;
use crate::reference;
use crate::validation::ValidationErrors;

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
            /// The list a field table names, with the name its labels' messages go by.
            pub const CHOICES: $crate::fields::Choices = $crate::fields::Choices {
                name: stringify!($name),
                options: Self::OPTIONS,
            };
            pub fn code(self) -> &'static str { match self { $($name::$variant => $code),+ } }
            pub fn label(self) -> &'static str { match self { $($name::$variant => $label),+ } }
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl Default for $name {
            fn default() -> Self { Self::ALL[0] }
        }

        impl $crate::i18n::Labelled for $name {
            const NAME: &'static str = stringify!($name);
            fn all() -> &'static [Self] { Self::ALL }
            fn code(self) -> &'static str { $name::code(self) }
            fn label(self) -> &'static str { $name::label(self) }
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

/// Runs `$body` with `$T` the record type of `$kind`: the one place a kind is matched to
/// its type (each arm is compiled for its own type, as a hand-written match would be).
macro_rules! with_record_type {
    ($kind:expr, $T:ident => $body:expr) => {
        match $kind {
            $crate::RecordKind::Organisation => {
                type $T = $crate::catalogue::Organisation;
                $body
            }
            $crate::RecordKind::Contact => {
                type $T = $crate::catalogue::Contact;
                $body
            }
            $crate::RecordKind::TrainingTool => {
                type $T = $crate::catalogue::TrainingTool;
                $body
            }
            $crate::RecordKind::Programme => {
                type $T = $crate::catalogue::Programme;
                $body
            }
            $crate::RecordKind::Meeting => {
                type $T = $crate::meetings::Meeting;
                $body
            }
            $crate::RecordKind::ActionItem => {
                type $T = $crate::meetings::ActionItem;
                $body
            }
            $crate::RecordKind::Project => {
                type $T = $crate::projects::Project;
                $body
            }
            $crate::RecordKind::Mission => {
                type $T = $crate::missions::Mission;
                $body
            }
            $crate::RecordKind::Document => {
                type $T = $crate::documents::Document;
                $body
            }
        }
    };
}

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
        with_record_type!(self, T => to_map(&T::default()))
    }

    /// Checks a whole record given as a field map: every field known and of the right type,
    /// and the kind's rules satisfied.
    pub fn validate(self, fields: &Map<String, Value>) -> Result<(), ValidationErrors> {
        with_record_type!(self, T => parse_fields::<T>(fields)?.validate())
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
            let checked =
                with_record_type!(self, T => parse_pairs::<T>(given).map(|r| r.validate()));
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
            let parsed = with_record_type!(self, T => parse_pairs::<T>(given).map(drop));
            if parsed.is_ok() {
                return Ok(());
            }
        }
        let mut errors = ValidationErrors::default();
        for (name, value) in fields {
            if name == DELETED_FIELD {
                if !value.is_boolean() {
                    errors.add(name, key::NOT_TRUE_OR_FALSE);
                }
                continue;
            }
            if !base.contains_key(name) {
                errors.add_problem(
                    name,
                    Problem::new(key::NO_SUCH_FIELD).with("field", name.as_str()),
                );
                continue;
            }
            let mut probe = base.clone();
            probe.insert(name.clone(), value.clone());
            if let Err(e) = self.parse_probe(&probe) {
                errors.add_problem(name, wrong_type(&e));
            }
        }
        errors.into_result()
    }

    fn parse_probe(self, map: &Map<String, Value>) -> Result<(), serde_json::Error> {
        with_record_type!(self, T => parse_map::<T>(map).map(drop))
    }
}

/// A kind's fields with their default values (`to_map` of its default record), made once.
impl RecordKind {
    /// Whether records of this kind have a field `name` in this release (`deleted`
    /// included). A record received from a newer server may carry others: they are kept
    /// as received, passed on untouched, and left out of this release's checks.
    /// The value field `name` has in a record that never set it.
    pub fn default_value(self, name: &str) -> Option<&'static Value> {
        defaults(self).get(name)
    }

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

fn wrong_type(e: &serde_json::Error) -> Problem {
    let text = e.to_string();
    // serde_json says e.g. "invalid type: integer `5`, expected a string"; keep that part.
    let text = text.split(" at line ").next().unwrap_or(&text);
    Problem::new(key::WRONG_VALUE).with("detail", text)
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
            errors.add_problem(
                k,
                Problem::new(key::UNKNOWN_FIELD).with("field", k.as_str()),
            );
            continue;
        }
        let mut probe = map.clone();
        probe.insert(k.clone(), v.clone());
        if let Err(e) = parse_map::<T>(&probe) {
            errors.add_problem(k, wrong_type(&e));
            continue;
        }
        map.insert(k.clone(), v.clone());
    }
    errors.into_result()?;
    parse_map(&map).map_err(|e| {
        let mut errors = ValidationErrors::default();
        errors.add_problem("record", wrong_type(&e));
        errors
    })
}

/// Case-insensitive "every word of the query appears somewhere in the haystacks".
pub fn matches_query(query: &str, haystacks: &[&str]) -> bool {
    crate::search::Query::new(query).found_in(&crate::search::prepare(haystacks))
}

pub(crate) fn check_languages(errors: &mut ValidationErrors, field: &str, langs: &[String]) {
    for l in langs {
        if reference::language_name(l).is_none() {
            errors.add_problem(
                field,
                Problem::new(key::UNKNOWN_LANGUAGE).with("code", l.as_str()),
            );
            return;
        }
    }
}

pub(crate) fn check_country(errors: &mut ValidationErrors, field: &str, country: &Option<String>) {
    if let Some(c) = country {
        if reference::country_name(c).is_none() {
            errors.add_problem(
                field,
                Problem::new(key::UNKNOWN_COUNTRY).with("code", c.as_str()),
            );
        }
    }
}

mod records;
pub use records::*;
