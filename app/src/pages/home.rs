//! The start page: what is in the catalogue and where to go.

use leptos::prelude::*;
use leptos_router::components::A;
use tradewinds_shared::RecordKind;

use crate::catalogue::{allowed, count_of};

fn count(loaded: Option<Result<usize, String>>) -> String {
    loaded
        .and_then(Result::ok)
        .map_or("…".to_owned(), |n| n.to_string())
}

#[component]
pub fn Home() -> impl IntoView {
    let orgs = count_of(RecordKind::Organisation);
    let tools = count_of(RecordKind::TrainingTool);
    let add_tool = allowed(|a| a.may_create(RecordKind::TrainingTool));
    let add_org = allowed(|a| a.may_create(RecordKind::Organisation));
    view! {
        <h1>"Caribbean customs capacity building"</h1>
        <p class="lead">
            "Who offers what to the customs administrations of the region: organisations and their contacts, "
            "and the training tools officers can use. Everything works on this device without a connection "
            "and syncs when one appears."
        </p>
        <ul class="cards">
            <li>
                <A href="/organisations">
                    <strong>{move || count(orgs.get())}</strong>" organisations"
                </A>
                <span>"Donors, providers, regional bodies and customs administrations"</span>
            </li>
            <li>
                <A href="/training">
                    <strong>{move || count(tools.get())}</strong>" training tools"
                </A>
                <span>"E-learning, workshops and guides, by topic and language"</span>
            </li>
        </ul>
        <p class="actions">
            <Show when=move || add_tool.get()><A href="/training/new">"Add a training tool"</A></Show>
            <Show when=move || add_org.get()><A href="/organisations/new">"Add an organisation"</A></Show>
        </p>
    }
}
