//! The skeleton every record's page shares: the record read (loading, failed, not found),
//! its title, the note on fields edited in two places, what the page draws from the
//! record's values, Edit and Remove for those who may; then the sections drawn from its id
//! alone (action items, documents, history…), kept while the record refreshes.

use std::collections::HashMap;

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use tradewinds_shared::{Organisation, RecordKind};
use uuid::Uuid;

use super::form::RemoveRecord;
use super::{failed, found, loading, not_found, route_id, ConflictNote};
use crate::catalogue::{record_of, records_of, use_actor};
use crate::components::pickers::display_names;
use crate::i18n::{msg, t};
use crate::route::{Section, View};

/// Organisation names by id, for the links on a record's page.
pub struct OrgNames(HashMap<Uuid, String>);

impl OrgNames {
    /// The organisation's name linking to its page, or a note that it is not on this
    /// device (not synced yet, or removed).
    pub fn link(&self, id: Uuid) -> AnyView {
        match self.0.get(&id) {
            Some(name) => view! {
                <a href=Section::Organisations.href(View::Detail(id))>{name.clone()}</a>
            }
            .into_any(),
            None => "an organisation not on this device".into_any(),
        }
    }

    /// Several organisations, linked, separated by commas.
    pub fn links(&self, ids: &[Uuid]) -> AnyView {
        ids.iter()
            .enumerate()
            .map(|(i, id)| view! { {(i > 0).then_some(", ")}{self.link(*id)} })
            .collect_view()
            .into_any()
    }
}

/// What differs between record pages.
pub struct RecordPage<T, B, A> {
    pub kind: RecordKind,
    pub section: Section,
    /// The page's heading.
    pub title: fn(&T) -> String,
    /// Whether it has a Remove button, saying what stays when it is gone ("" for
    /// nothing); `None` for no Remove button.
    pub remove: Option<&'static str>,
    /// What is drawn from the record's values, below the heading (it may read other
    /// records: it is drawn again when they change).
    pub body: B,
    /// What is drawn from the record's values after it (other records like it: possible
    /// duplicates), given its id.
    pub after: A,
    /// What is drawn from the record's id alone, below the record.
    pub below: fn(Uuid) -> AnyView,
}

/// A record's page (see the module doc).
pub fn record_page<T, B, A>(page: RecordPage<T, B, A>) -> AnyView
where
    T: DeserializeOwned + Serialize + Default + 'static,
    B: Fn(&T, &OrgNames) -> AnyView + Send + Sync + 'static,
    A: Fn(Uuid, &T) -> AnyView + Send + Sync + 'static,
{
    let RecordPage {
        kind,
        section,
        title,
        remove,
        body,
        after,
        below,
    } = page;
    let id = route_id();
    let record = record_of(kind, id.clone());
    let shown_id = Memo::new(move |_| id());
    let orgs = records_of::<Organisation>(RecordKind::Organisation);
    let actor = use_actor();
    view! {
        {move || match (record.get(), orgs.get()) {
            (None, _) | (_, None) => loading(),
            (Some(Err(e)), _) | (_, Some(Err(e))) => failed(e),
            (Some(Ok(None)), _) => not_found(crate::i18n::label(kind), section.href(View::List)),
            (Some(Ok(Some(state))), Some(Ok(orgs))) => {
                let Ok(r) = state.typed::<T>() else {
                    return failed(format!(
                        "this record does not read as a {}",
                        crate::i18n::label(kind).to_lowercase()
                    ));
                };
                let id = state.id;
                let may_edit = actor.with(|a| a.as_ref().is_some_and(|a| a.may_edit(&state)));
                let conflicts: Vec<String> = state
                    .conflicts()
                    .map(|(f, _)| crate::i18n::field_label_of(kind, f))
                    .collect();
                let names = OrgNames(display_names(&orgs));
                view! {
                    <article class="record">
                        <h1>{title(&r)}</h1>
                        <ConflictNote fields=conflicts/>
                        {body(&r, &names)}
                        {may_edit.then(|| view! {
                            <p class="actions"><a href=section.href(View::Edit(id))>{t(msg::EDIT)}</a></p>
                            {remove.map(|keeps| view! {
                                <RemoveRecord kind=kind id=id back=section.href(View::List) keeps=keeps/>
                            })}
                        })}
                    </article>
                    {after(id, &r)}
                }
                .into_any()
            }
        }}
        // Kept while the record refreshes: see `pages::found`.
        <Show when=move || found(&record)>
            {move || shown_id.get().map(below)}
        </Show>
    }
    .into_any()
}

/// Nothing after the record (`RecordPage::after` of most pages).
pub fn nothing_after<T>(_: Uuid, _: &T) -> AnyView {
    ().into_any()
}
