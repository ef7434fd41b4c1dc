//! The start page: what is in the catalogue and where to go.

use leptos::prelude::*;
use tradewinds_shared::{ActionItem, Organisation, RecordKind};

use crate::catalogue::{allowed, count_of, record_of, records_of, use_actor};
use crate::components::today;
use crate::route::{Section, View};

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
    let has_org = allowed(|a| a.organisation.is_some());
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
        // Read from every action item: kept out of the main module (13 KB brotli), fetched
        // after the start page is drawn, into a space kept for it (nothing moves when it
        // comes).
        <Show when=move || has_org.get()>
            <div class="own-slot">{crate::chunks::show_part(crate::chunks::own_follow_up())}</div>
        </Show>
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

/// For someone who works for an organisation: its follow-up at a glance, the first thing an
/// office opening Tradewinds needs.
#[component]
pub fn OwnFollowUp() -> impl IntoView {
    let actor = use_actor();
    let own = move || actor.with(|a| a.as_ref().and_then(|a| a.organisation));
    let org = record_of(RecordKind::Organisation, own);
    let actions = records_of::<ActionItem>(RecordKind::ActionItem);
    move || {
        let id = own()?;
        // Its acronym, or its name: one line on a laptop, two on a phone.
        let org = org.get()?.ok()??.typed::<Organisation>().ok()?;
        let name = if org.acronym.is_empty() {
            org.name
        } else {
            org.acronym
        };
        let all = actions.get()?.ok()?;
        let today = today();
        let theirs: Vec<&ActionItem> = all
            .iter()
            .map(|a| &a.record)
            .filter(|a| a.owner == Some(id) || a.co_owners.contains(&id))
            .collect();
        let pending = theirs.iter().filter(|a| a.status.is_pending()).count();
        let overdue = theirs.iter().filter(|a| a.is_overdue(today)).count();
        let late = overdue > 0;
        let summary = match (pending, overdue) {
            (0, _) => "No action item to do.".to_owned(),
            (1, 0) => "1 action item to do.".to_owned(),
            (1, _) => "1 action item to do, and it is overdue.".to_owned(),
            (p, 0) => format!("{p} action items to do."),
            (p, o) => format!("{p} action items to do, {o} of them overdue."),
        };
        Some(view! {
            <p class="own" class:attention=late data-testid="own-follow-up">
                <strong>{name}</strong>": "{summary}" "
                <a href=Section::Organisations.href(View::Detail(id))>"See its page"</a>
            </p>
        })
    }
}
