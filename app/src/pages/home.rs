//! The start page: what is in the catalogue and where to go.

use leptos::prelude::*;
use tradewinds_shared::i18n::Msg;
use tradewinds_shared::{ActionItem, Organisation, RecordKind};

use crate::catalogue::{allowed, count_of, record_of, records_of, use_actor};
use crate::components::today;
use crate::i18n::{msg, t, tf};
use crate::route::{Section, View};

/// "12 organisations" on a card: the number (… while counting) and its word, in the
/// interface's language.
fn counted(loaded: Option<Result<usize, String>>, word: Msg) -> impl IntoView {
    let n = loaded.and_then(Result::ok);
    let number = n.map_or("…".to_owned(), crate::i18n::number);
    // While counting, the word takes the plural ("… organisations").
    const SEVERAL: usize = 2;
    let word = tf(word, &[("count", n.unwrap_or(SEVERAL).into())]);
    view! { <strong>{number}</strong>" "{word} }
}

/// The start page. Its title, search and introduction are in the main module; what reads
/// the catalogue (the follow-up line, the cards and their counts) is a chunk of its own
/// (`chunks::start_part`), drawn below them when it comes: from the device after the
/// first visit. It waits until the status knows data has come (the sync engine says so as
/// it starts, `sync::start`): on a device that holds no catalogue yet, until the first
/// download is done (the status shows its progress meanwhile), since on a slow link its
/// 30 KB would otherwise be carried before the sync engine and the catalogue.
#[component]
pub fn Home() -> impl IntoView {
    let has_org = allowed(|a| a.organisation.is_some());
    let status = crate::catalogue::use_catalogue().status;
    let ready = move || status.with(|s| s.last_sync.is_some());
    let nav = crate::route::use_navigator();
    let query = RwSignal::new(String::new());
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q: String = js_sys::encode_uri_component(&query.get_untracked()).into();
        nav.go(&format!("/search?q={q}"));
    };
    view! {
        <h1>{t(msg::HOME_TITLE)}</h1>
        <form class="home-search" role="search" on:submit=search>
            <label for="home-search">{t(msg::HOME_SEARCH_LABEL)}</label>
            <input id="home-search" type="search" name="q" placeholder=t(msg::HOME_SEARCH_PLACEHOLDER)
                on:input=move |ev| query.set(event_target_value(&ev))/>
            <button type="submit">{t(msg::SEARCH_BUTTON)}</button>
        </form>
        <p class="lead">{t(msg::HOME_LEAD)}</p>
        <Show when=ready>
            // Kept a space of its own: nothing moves when it comes.
            <Show when=move || has_org.get()>
                <div class="own-slot">{crate::chunks::show_part(crate::chunks::start_part(Part::FollowUp))}</div>
            </Show>
            {crate::chunks::show_part(crate::chunks::start_part(Part::Cards))}
        </Show>
    }
}

/// The parts of the start page kept in its chunk.
#[derive(Clone, Copy, Debug)]
pub enum Part {
    FollowUp,
    Cards,
}

impl Part {
    pub fn view(self) -> AnyView {
        match self {
            Part::FollowUp => view! { <OwnFollowUp/> }.into_any(),
            Part::Cards => view! { <Cards/> }.into_any(),
        }
    }
}

/// What is in the catalogue, kind by kind, and what this person may add.
#[component]
fn Cards() -> impl IntoView {
    let orgs = count_of(RecordKind::Organisation);
    let tools = count_of(RecordKind::TrainingTool);
    let meetings = count_of(RecordKind::Meeting);
    let actions = count_of(RecordKind::ActionItem);
    let projects = count_of(RecordKind::Project);
    let missions = count_of(RecordKind::Mission);
    let add_tool = allowed(|a| a.may_create(RecordKind::TrainingTool));
    let add_org = allowed(|a| a.may_create(RecordKind::Organisation));
    view! {
        <ul class="cards">
            <li>
                <a href="/organisations">{move || counted(orgs.get(), msg::HOME_ORGANISATIONS)}</a>
                <span>{t(msg::HOME_ORGANISATIONS_ABOUT)}</span>
            </li>
            <li>
                <a href="/training">{move || counted(tools.get(), msg::HOME_TRAINING)}</a>
                <span>{t(msg::HOME_TRAINING_ABOUT)}</span>
            </li>
            <li>
                <a href="/meetings">{move || counted(meetings.get(), msg::HOME_MEETINGS)}</a>
                <span>{t(msg::HOME_MEETINGS_ABOUT)}</span>
            </li>
            <li>
                <a href="/actions">{move || counted(actions.get(), msg::HOME_ACTIONS)}</a>
                <span>{t(msg::HOME_ACTIONS_ABOUT)}</span>
            </li>
            <li>
                <a href="/missions">{move || counted(missions.get(), msg::HOME_MISSIONS)}</a>
                <span>{t(msg::HOME_MISSIONS_ABOUT)}</span>
            </li>
            <li>
                <a href="/projects">{move || counted(projects.get(), msg::HOME_PROJECTS)}</a>
                <span>{t(msg::HOME_PROJECTS_ABOUT)}" "<a href="/funding">{t(msg::HOME_OVERLAPS)}</a></span>
            </li>
        </ul>
        <p class="actions">
            <Show when=move || add_tool.get()><a href="/training/new">{t(msg::ADD_TRAINING_TOOL)}</a></Show>
            <Show when=move || add_org.get()><a href="/organisations/new">{t(msg::ADD_ORGANISATION)}</a></Show>
        </p>
    }
}

/// For someone who works for an organisation: its follow-up at a glance, the first thing an
/// office opening Tradewinds needs.
#[component]
fn OwnFollowUp() -> impl IntoView {
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
        let summary = tf(
            msg::OWN_FOLLOW_UP,
            &[("pending", pending.into()), ("overdue", overdue.into())],
        );
        Some(view! {
            <p class="own" class:attention=late data-testid="own-follow-up">
                <strong>{name}</strong>": "{summary}" "
                <a href=Section::Organisations.href(View::Detail(id))>{t(msg::SEE_ITS_PAGE)}</a>
            </p>
        })
    }
}
