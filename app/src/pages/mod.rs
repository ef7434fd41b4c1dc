//! The screens, one module per capability.

pub mod about;
pub mod account;
pub mod actions;
pub mod form;
pub mod funding;
pub mod history;
pub mod home;
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
use uuid::Uuid;

use crate::route::Route;

/// The `:id` of the current route, if it is a UUID.
pub fn route_id() -> impl Fn() -> Option<Uuid> + Clone + Send + Sync + 'static {
    let route = crate::route::use_navigator().route();
    move || route.with(Route::id)
}

/// What a page shows while its data loads or when it cannot be read.
pub fn loading() -> AnyView {
    view! { <p class="loading" role="status">"Loading…"</p> }.into_any()
}

pub fn failed(e: String) -> AnyView {
    view! { <p class="error" role="alert">{format!("Could not read the catalogue: {e}")}</p> }
        .into_any()
}

pub fn not_found(what: &'static str, back: &'static str) -> AnyView {
    view! {
        <h1>{format!("{what} not found")}</h1>
        <p>"It may have been deleted, or not synced to this device yet. "<a href=back>"Back to the list"</a></p>
    }
    .into_any()
}

/// On a record's page: which fields were edited in two places and wait for a choice.
#[component]
pub fn ConflictNote(fields: Vec<String>) -> impl IntoView {
    (!fields.is_empty()).then(|| {
        view! {
            <p class="attention" role="status">
                {format!("Edited in two places at once: {}. ", fields.join(", "))}
                <a href="/sync">"Review on the Sync page"</a>
            </p>
        }
    })
}
