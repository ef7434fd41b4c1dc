//! What pickers and pages share about linked records: the organisations as options, the
//! topics as options, organisation names by id, and an optional id as form text.

use std::collections::HashMap;

use tradewinds_shared::reference::TOPICS;
use tradewinds_shared::Organisation;
use uuid::Uuid;

use crate::catalogue::Typed;

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
        .map(|(c, l, _)| ((*c).to_owned(), (*l).to_owned()))
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
