//! The screens, one module per capability.

pub mod about;
pub mod account;
pub mod actions;
pub mod carried;
pub mod detail;
pub mod documents;
pub mod form;
pub mod funding;
pub mod history;
pub mod home;
pub mod import;
pub mod meetings;
pub mod missions;
pub mod organisations;
pub mod projects;
pub mod search;
pub mod sign_in;
pub mod sync;
pub mod training;
pub mod users;

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use tradewinds_shared::sync::RecordState;
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::catalogue::{allowed, record_of};
use crate::i18n::{msg, t, tf};
use crate::loaded::Loaded;
use crate::route::Route;

/// The `:id` of the current route, if it is a UUID.
pub fn route_id() -> impl Fn() -> Option<Uuid> + Clone + Send + Sync + 'static {
    let route = crate::route::use_navigator().route();
    move || route.with(Route::id)
}

/// Whether a record page's record is there. The sections of the page that need only its id
/// (action items, documents, contacts, history) are drawn under `<Show when=found>`, beside
/// the part drawn from the record's values rather than inside it: that part is drawn again
/// whenever a sync brings changes, and what someone was typing in a section's form would
/// go with it.
pub fn found(record: &crate::loaded::Loaded<Result<Option<RecordState>, String>>) -> bool {
    matches!(record.get(), Some(Ok(Some(_))))
}

/// What a page shows while its data loads or when it cannot be read.
pub fn loading() -> AnyView {
    view! { <p class="loading" role="status">{t(msg::LOADING)}</p> }.into_any()
}

pub fn failed(e: String) -> AnyView {
    view! { <p class="error" role="alert">{tf(msg::COULD_NOT_READ, &[("error", (&e).into())])}</p> }
        .into_any()
}

pub fn not_found(what: &'static str, back: String) -> AnyView {
    view! {
        <h1>{tf(msg::RECORD_NOT_FOUND, &[("what", what.into())])}</h1>
        <p>{t(msg::MAY_HAVE_BEEN_DELETED)}" "<a href=back>{t(msg::BACK_TO_THE_LIST)}</a></p>
    }
    .into_any()
}

/// A record's edit screen: "Edit …" (its `name`) over its `form`, once the record is read.
pub fn edit_screen<T>(
    kind: RecordKind,
    back: &'static str,
    name: fn(&T) -> String,
    form: fn(Uuid, T) -> AnyView,
) -> AnyView
where
    T: DeserializeOwned + Serialize + Default + 'static,
{
    let record = record_of(kind, route_id());
    once(record, Option::is_some, move |record| {
        match record {
        None => not_found(crate::i18n::label(kind), back.to_owned()),
        Some(state) => match state.typed::<T>() {
            Ok(r) => {
                view! { <h1>{tf(msg::EDIT_NAMED, &[("name", (&name(&r)).into())])}</h1>{form(state.id, r)} }.into_any()
            }
            Err(e) => failed(e.to_string()),
        },
    }
    })
}

/// `show(answer)` from the answers of `loaded`, made once the first `ready` one arrives and
/// then never again: a form built from data read underneath it is not built again when
/// that data is read again (after a sync), so what a person has typed stays (`form.rs`).
/// Until then every answer is shown (an error, a record not on this device yet).
pub fn once<T: Clone + PartialEq + 'static>(
    loaded: Loaded<Result<T, String>>,
    ready: fn(&T) -> bool,
    show: impl Fn(T) -> AnyView + Send + 'static,
) -> AnyView {
    let settled = Memo::new(move |_| matches!(loaded.get(), Some(Ok(ref v)) if ready(v)));
    (move || {
        let answer = if settled.get() {
            loaded.get_untracked()
        } else {
            loaded.get()
        };
        match answer {
            None => loading(),
            Some(Err(e)) => failed(e),
            Some(Ok(answer)) => show(answer),
        }
    })
    .into_any()
}

/// For `once`: any answer will do.
pub fn any<T>(_: &T) -> bool {
    true
}

/// A new record's screen: its heading, why it cannot be saved when this person may not add
/// one of its kind, and the form.
pub fn new_screen(
    kind: RecordKind,
    heading: &'static str,
    refusal: &'static str,
    form: AnyView,
) -> AnyView {
    let can = allowed(move |a| a.may_create(kind));
    view! {
        <h1>{heading}</h1>
        <Show when=move || !can.get()>
            <p class="attention" role="status">{refusal}</p>
        </Show>
        {form}
    }
    .into_any()
}

/// On a record's page: which fields were edited in two places and wait for a choice.
#[component]
pub fn ConflictNote(fields: Vec<String>) -> impl IntoView {
    (!fields.is_empty()).then(|| {
        view! {
            <p class="attention" role="status">
                {tf(msg::EDITED_AT_ONCE, &[("fields", (&fields.join(", ")).into())])}" "
                <a href="/sync">{t(msg::REVIEW_ON_SYNC)}</a>
            </p>
        }
    })
}
