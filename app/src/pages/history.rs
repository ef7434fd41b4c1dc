//! A record's history from the server's change log: who changed which field to what, and
//! when. Not kept on the device, so it is shown only when online. Values are shown as
//! text (labels for codes, names for linked records), never as HTML.

use std::collections::HashMap;

use leptos::prelude::*;
use serde_json::Value;
use tradewinds_shared::accounts::HistoryEntry;
use tradewinds_shared::fields::show_unknown;
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::catalogue::use_catalogue;
use crate::components::format_time;
use crate::components::pickers::linked_names;
use crate::i18n::{msg, t, tf};
use crate::loaded::Loaded;
use crate::sync::{accounts, SyncError};

/// A stored value of `field` of a `kind` record as a person reads it (the kind's field
/// table); `names` names linked records.
pub fn field_value(
    kind: RecordKind,
    field: &str,
    value: &Value,
    names: &HashMap<Uuid, String>,
) -> String {
    match kind.field(field) {
        Some(f) => f.show(value, names, crate::i18n::words()),
        None => show_unknown(value),
    }
}

/// The "History" section of a record's page.
#[component]
pub fn History(kind: RecordKind, id: Uuid) -> impl IntoView {
    let cat = use_catalogue();
    // Only the kinds this record's fields can name are read (its field table says which).
    let linked = linked_names(&[kind]);
    let names = Memo::new(move |_| linked.get().unwrap_or_default());
    let session = cat.session;
    let entries = Loaded::new(move || {
        let token = session.with(|s| s.as_ref().and_then(|s| s.token.clone()));
        cat.version.track();
        async move {
            match token {
                Some(token) => accounts::history(&token, kind, id).await,
                None => Err(SyncError::SignedOut),
            }
        }
    });
    let heading = format!("history-{id}");
    let labelled_by = heading.clone();
    view! {
        <section class="history" aria-labelledby=labelled_by data-testid="history">
            <h2 id=heading>{t(msg::HISTORY)}</h2>
            {move || match entries.get() {
                None => view! { <p class="loading" role="status">{t(msg::LOADING_HISTORY)}</p> }.into_any(),
                Some(Err(SyncError::Offline)) => view! {
                    <p class="meta" data-testid="history-offline">{t(msg::HISTORY_WHEN_ONLINE)}</p>
                }.into_any(),
                Some(Err(SyncError::SignedOut)) => view! {
                    <p class="meta" data-testid="history-offline">{t(msg::HISTORY_WHEN_SIGNED_IN)}</p>
                }.into_any(),
                Some(Err(e)) => view! { <p class="error">{tf(msg::HISTORY_FAILED, &[("error", (&e.to_string()).into())])}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>{t(msg::NO_CHANGES_RECORDED)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ol class="records">
                        {list.into_iter().map(|e| view! { <Entry kind=kind entry=e names=names/> }).collect_view()}
                    </ol>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Entry(
    kind: RecordKind,
    entry: HistoryEntry,
    names: Memo<HashMap<Uuid, String>>,
) -> impl IntoView {
    let who = entry
        .by
        .clone()
        .unwrap_or_else(|| "someone (before accounts existed)".into());
    // Made offline and sent later: say when it arrived too.
    let late = (entry.received - entry.at > 60_000)
        .then(|| format!(" (received {})", format_time(entry.received)));
    let at = format_time(entry.at);
    let changed = entry.fields;
    // Re-rendered when the names of linked records have been read.
    let fields = move || {
        names.with(|names| {
            changed
                .iter()
                .map(|(f, v)| {
                    let (label, value) = (
                        crate::i18n::field_label_of(kind, f),
                        field_value(kind, f, v, names),
                    );
                    view! { <dt>{label}</dt><dd>{value}</dd> }
                })
                .collect_view()
        })
    };
    view! {
        <li data-testid="history-entry">
            <p><strong>{at}</strong>{late}" — "{who}</p>
            <dl class="record-facts">{fields}</dl>
        </li>
    }
}
