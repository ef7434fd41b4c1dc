//! The start page: what is in the catalogue and where to go.

use leptos::prelude::*;
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
    let meetings = count_of(RecordKind::Meeting);
    let actions = count_of(RecordKind::ActionItem);
    let projects = count_of(RecordKind::Project);
    let missions = count_of(RecordKind::Mission);
    let add_tool = allowed(|a| a.may_create(RecordKind::TrainingTool));
    let add_org = allowed(|a| a.may_create(RecordKind::Organisation));
    let nav = crate::route::use_navigator();
    let query = RwSignal::new(String::new());
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q: String = js_sys::encode_uri_component(&query.get_untracked()).into();
        nav.go(&format!("/search?q={q}"));
    };
    view! {
        <h1>"Caribbean customs capacity building"</h1>
        <form class="home-search" role="search" on:submit=search>
            <label for="home-search">"Search everything"</label>
            <input id="home-search" type="search" name="q" placeholder="A name, a topic, a country…"
                on:input=move |ev| query.set(event_target_value(&ev))/>
            <button type="submit">"Search"</button>
        </form>
        <p class="lead">
            "Who offers what to the customs administrations of the region: organisations and their contacts, "
            "the training tools officers can use, the missions and projects donors fund, and the meetings where they "
            "agree who does what. Everything works on this device without a connection "
            "and syncs when one appears."
        </p>
        <ul class="cards">
            <li>
                <a href="/organisations">
                    <strong>{move || count(orgs.get())}</strong>" organisations"
                </a>
                <span>"Donors, providers, regional bodies and customs administrations"</span>
            </li>
            <li>
                <a href="/training">
                    <strong>{move || count(tools.get())}</strong>" training tools"
                </a>
                <span>"E-learning, workshops and guides, by topic and language"</span>
            </li>
            <li>
                <a href="/meetings">
                    <strong>{move || count(meetings.get())}</strong>" meetings"
                </a>
                <span>"Donor coordination meetings and video conferences, with what they agreed"</span>
            </li>
            <li>
                <a href="/actions">
                    <strong>{move || count(actions.get())}</strong>" action items"
                </a>
                <span>"Who agreed to do what, by when, and whether it is done"</span>
            </li>
            <li>
                <a href="/missions">
                    <strong>{move || count(missions.get())}</strong>" missions"
                </a>
                <span>"Technical assistance missions and what they found"</span>
            </li>
            <li>
                <a href="/projects">
                    <strong>{move || count(projects.get())}</strong>" projects"
                </a>
                <span>"Who funds and implements what, where: "<a href="/funding">"overlaps and gaps"</a></span>
            </li>
        </ul>
        <p class="actions">
            <Show when=move || add_tool.get()><a href="/training/new">"Add a training tool"</a></Show>
            <Show when=move || add_org.get()><a href="/organisations/new">"Add an organisation"</a></Show>
        </p>
    }
}
