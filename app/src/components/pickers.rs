//! What pickers and pages share about linked records: the organisations as options, the
//! topics as options, organisation names by id, the names of whatever a kind's fields link
//! to, and an optional id as form text.

use std::collections::HashMap;

use leptos::prelude::*;
use tradewinds_shared::fields::FieldType;
use tradewinds_shared::i18n::reference_key;
use tradewinds_shared::reference::TOPICS;
use tradewinds_shared::search::title_of;
use tradewinds_shared::{Organisation, RecordKind};
use uuid::Uuid;

use crate::catalogue::{use_catalogue, Typed};
use crate::loaded::Loaded;

/// The names of the records that fields of `kinds` link to (their field tables say which
/// kinds), by id, read again whenever data changes: for showing a stored value as people
/// read it (`Field::show`).
pub fn linked_names(kinds: &[RecordKind]) -> Loaded<HashMap<Uuid, String>> {
    let mut linked: Vec<RecordKind> = kinds
        .iter()
        .flat_map(|k| k.fields())
        .filter_map(|f| match f.ty {
            FieldType::Link(k) | FieldType::Links(k) => Some(k),
            _ => None,
        })
        .collect();
    linked.sort();
    linked.dedup();
    let cat = use_catalogue();
    Loaded::new(move || {
        let db = cat.db.clone();
        cat.version.track();
        let linked = linked.clone();
        async move {
            let mut names = HashMap::new();
            for kind in linked {
                for state in db.records(kind).await.unwrap_or_default() {
                    if let Some(title) = title_of(&state) {
                        names.insert(state.id, title);
                    }
                }
            }
            names
        }
    })
}

/// The organisations as `(id, display name)` options, sorted by name.
pub fn org_options(orgs: &[Typed<Organisation>]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = orgs
        .iter()
        .map(|o| (o.id.to_string(), o.record.display_name()))
        .collect();
    v.sort_by_key(|a| a.1.to_lowercase());
    v
}

/// The topics as `(code, label)` options, in the reference list's order.
pub fn topic_options() -> Vec<(String, String)> {
    TOPICS
        .iter()
        .map(|(c, l, _)| {
            let name = crate::i18n::word(&reference_key("topic", c), l);
            ((*c).to_owned(), name.to_owned())
        })
        .collect()
}

/// Organisation id → display name, for naming providers, parents and successors.
pub fn display_names(orgs: &[Typed<Organisation>]) -> HashMap<Uuid, String> {
    orgs.iter()
        .map(|o| (o.id, o.record.display_name()))
        .collect()
}

/// An optional id as the text a select uses ("" for none).
pub fn id_text(id: Option<Uuid>) -> String {
    id.map(|u| u.to_string()).unwrap_or_default()
}
