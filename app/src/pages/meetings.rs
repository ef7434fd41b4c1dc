//! Meetings: the searchable list, a meeting's page with the action items agreed at it, and
//! the form.

use std::collections::HashMap;

use leptos::prelude::*;
use tradewinds_shared::meetings::{MeetingFilter, MeetingKind};
use tradewinds_shared::reference::COUNTRIES;

use crate::i18n::{country_name, msg, t, tf, topic_label};
use tradewinds_shared::{ActionItem, Meeting, Organisation, RecordKind};
use uuid::Uuid;

use super::actions::{ActionItems, Scope};
use super::detail::{nothing_after, record_page, OrgNames, RecordPage};
use super::documents::{Documents, Of};
use super::form::{FormState, SaveBar};
use super::history::History;
use super::{any, edit_screen, failed, loading, new_screen, once};
use crate::catalogue::{allowed, records_of, use_actor, Typed};
use crate::components::fields::{
    enum_options, ref_options, CheckboxGroup, SelectField, TextArea, TextField,
};
use crate::components::list::ListHead;
use crate::components::pickers::{display_names, id_text, org_options, topic_options};
use crate::db::new_id;
use crate::route::{Section, View};

#[component]
pub fn MeetingList() -> impl IntoView {
    let meetings = records_of::<Meeting>(RecordKind::Meeting);
    let orgs = records_of::<Organisation>(RecordKind::Organisation);
    let actions = records_of::<ActionItem>(RecordKind::ActionItem);
    let query = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let country = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let no_error = Signal::derive(|| None::<String>);
    let can_add = allowed(|a| a.may_create(RecordKind::Meeting));
    let organisation_options =
        Signal::derive(move || org_options(&orgs.get().and_then(Result::ok).unwrap_or_default()));
    view! {
        <ListHead title=t(msg::NAV_MEETINGS) add_href="/meetings/new" add_label=t(msg::ADD_MEETING) placeholder=t(msg::MEETING_SEARCH_PLACEHOLDER) query=query can_add=can_add>
            <SelectField label=t(msg::FILTER_KIND) name="kind" none_label=t(msg::ALL_KINDS)
                options=enum_options(MeetingKind::ALL)
                value=kind on_change=move |v| kind.set(v) error=no_error/>
            <SelectField label=t(msg::FILTER_COUNTRY) name="country" none_label=t(msg::ALL_COUNTRIES)
                options=ref_options("country", COUNTRIES) value=country on_change=move |v| country.set(v) error=no_error/>
            <SelectField label=t(msg::FILTER_ORGANISATION) name="organisation" none_label=t(msg::ANY_ORGANISER_OR_PARTICIPANT)
                options=organisation_options value=organisation on_change=move |v| organisation.set(v) error=no_error/>
        </ListHead>
        {move || match (meetings.get(), orgs.get()) {
            (None, _) | (_, None) => loading(),
            (Some(Err(e)), _) | (_, Some(Err(e))) => failed(e),
            (Some(Ok(all)), Some(Ok(orgs))) => {
                let names = display_names(&orgs);
                let f = MeetingFilter {
                    query: query.get(),
                    kind: MeetingKind::from_code(&kind.get()),
                    country: Some(country.get()).filter(|c| !c.is_empty()),
                    organisation: Uuid::parse_str(&organisation.get()).ok(),
                };
                let organiser = |m: &Meeting| m.organiser.and_then(|o| names.get(&o).cloned()).unwrap_or_default();
                // Pending action items per meeting.
                let mut pending: HashMap<Uuid, usize> = HashMap::new();
                for a in actions.get().and_then(Result::ok).unwrap_or_default().iter() {
                    if let (Some(m), true) = (a.record.meeting, a.record.status.is_pending()) {
                        *pending.entry(m).or_default() += 1;
                    }
                }
                let mut shown: Vec<(Typed<Meeting>, String)> = all
                    .iter()
                    .filter(|m| f.matches(&m.record, &organiser(&m.record)))
                    .map(|m| (m.clone(), organiser(&m.record)))
                    .collect();
                // Latest first: the next or last meeting is what people look for.
                shown.sort_by(|a, b| b.0.record.starts.cmp(&a.0.record.starts));
                view! {
                    <p class="count" role="status">{tf(msg::MEETING_COUNT, &[("shown", shown.len().into()), ("total", all.len().into())])}</p>
                    <ul class="records">
                        {shown.into_iter().map(|(m, organiser)| {
                            let open = pending.get(&m.id).copied().unwrap_or(0);
                            view! { <MeetingRow meeting=m organiser=organiser open=open/> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}
    }
}

#[component]
fn MeetingRow(meeting: Typed<Meeting>, organiser: String, open: usize) -> impl IntoView {
    let m = meeting.record;
    let place = place(&m);
    view! {
        <li data-testid="record-row">
            <a href=Section::Meetings.href(View::Detail(meeting.id))>{m.title.clone()}</a>
            <span class="meta">
                {crate::i18n::dates(&m.starts, &m.ends)}
                {(!place.is_empty()).then(|| format!(" · {place}"))}
                " · "{crate::i18n::label(m.kind)}
                {(!organiser.is_empty()).then(|| format!(" · {organiser}"))}
                {(open > 0).then(|| view! { " · "{tf(msg::MEETING_TO_DO, &[("count", open.into())])} })}
                {(meeting.conflicts > 0).then(|| view! { " · "{t(msg::NEEDS_REVIEW)} })}
            </span>
        </li>
    }
}

#[component]
pub fn MeetingDetail() -> impl IntoView {
    record_page(RecordPage {
        kind: RecordKind::Meeting,
        section: Section::Meetings,
        title: |m: &Meeting| m.title.clone(),
        remove: Some(t(msg::MEETING_REMOVE_KEEPS)),
        body: |m: &Meeting, names: &OrgNames| {
            let topics: Vec<&str> = m.topics.iter().filter_map(|t| topic_label(t)).collect();
            let place = place(m);
            view! {
                <dl>
                    <dt>{t(msg::FILTER_KIND)}</dt><dd>{crate::i18n::label(m.kind)}</dd>
                    <dt>{t(msg::MEETING_DATES)}</dt><dd>{crate::i18n::dates(&m.starts, &m.ends)}</dd>
                    {(!place.is_empty()).then(|| view! { <dt>{t(msg::MEETING_PLACE)}</dt><dd>{place.clone()}</dd> })}
                    {m.organiser.map(|o| view! { <dt>{label("organiser")}</dt><dd>{names.link(o)}</dd> })}
                    {(!m.chair.is_empty()).then(|| view! { <dt>{label("chair")}</dt><dd>{m.chair.clone()}</dd> })}
                    {(!m.attendees.is_empty()).then(|| view! { <dt>{label("attendees")}</dt><dd data-testid="attendees">{names.links(&m.attendees)}</dd> })}
                    {(!topics.is_empty()).then(|| view! { <dt>{label("topics")}</dt><dd>{topics.join(", ")}</dd> })}
                </dl>
                {(!m.summary.is_empty()).then(|| view! { <p class="description">{m.summary.clone()}</p> })}
                {(!m.source.is_empty()).then(|| view! { <p class="source">{tf(msg::SOURCE_IS, &[("source", (&m.source).into())])}</p> })}
            }
            .into_any()
        },
        after: nothing_after,
        below: |meeting_id| {
            view! {
                <ActionItems scope=Scope::Meeting(meeting_id)/>
                <Documents of=Of::Meeting(meeting_id)/>
                <History kind=RecordKind::Meeting id=meeting_id/>
            }
            .into_any()
        },
    })
}

#[component]
pub fn MeetingNew() -> impl IntoView {
    // An office editor records their own administration's meetings.
    let initial = Meeting {
        organiser: use_actor().with_untracked(|a| a.as_ref().and_then(|a| a.organisation)),
        ..Default::default()
    };
    new_screen(
        RecordKind::Meeting,
        t(msg::ADD_MEETING),
        t(msg::MEETING_NEW_REFUSED),
        view! { <MeetingForm id=new_id() initial=initial/> }.into_any(),
    )
}

#[component]
pub fn MeetingEdit() -> impl IntoView {
    edit_screen(
        RecordKind::Meeting,
        "/meetings",
        |m: &Meeting| m.title.clone(),
        |id, m| view! { <MeetingForm id=id initial=m/> }.into_any(),
    )
}

#[component]
fn MeetingForm(id: Uuid, initial: Meeting) -> impl IntoView {
    let orgs = records_of::<Organisation>(RecordKind::Organisation);
    once(orgs, any, move |orgs| {
        view! { <MeetingFields id=id initial=initial.clone() orgs=org_options(&orgs)/> }.into_any()
    })
}

#[component]
fn MeetingFields(id: Uuid, initial: Meeting, orgs: Vec<(String, String)>) -> impl IntoView {
    let form = FormState::new(initial);
    let (title, set_title) = form.text(|m| &m.title, |m, v| m.title = v);
    let (starts, set_starts) = form.text(|m| &m.starts, |m, v| m.starts = v);
    let (ends, set_ends) = form.text(|m| &m.ends, |m, v| m.ends = v);
    let (venue, set_venue) = form.text(|m| &m.venue, |m, v| m.venue = v);
    let (chair, set_chair) = form.text(|m| &m.chair, |m, v| m.chair = v);
    let (summary, set_summary) = form.text(|m| &m.summary, |m, v| m.summary = v);
    let (source, set_source) = form.text(|m| &m.source, |m, v| m.source = v);
    let (kind, set_kind) = form.map(
        |m| m.kind.code().into(),
        |m, v| m.kind = MeetingKind::from_code(&v).unwrap_or_default(),
    );
    let (country, set_country) = form.map(
        |m| m.country.clone().unwrap_or_default(),
        |m, v| m.country = Some(v).filter(|v| !v.is_empty()),
    );
    let (organiser, set_organiser) = form.map(
        |m| id_text(m.organiser),
        |m, v| m.organiser = Uuid::parse_str(&v).ok(),
    );
    let (topics, set_topics) = form.list(|m| &m.topics, |m, v| m.topics = v);
    let attendees = Signal::derive(move || {
        form.record
            .with(|m| m.attendees.iter().map(Uuid::to_string).collect())
    });
    let set_attendees = Callback::new(move |v: Vec<String>| {
        form.record
            .update(|m| m.attendees = v.iter().filter_map(|s| Uuid::parse_str(s).ok()).collect())
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.save(
            RecordKind::Meeting,
            id,
            Meeting::validate,
            Section::Meetings.href(View::Detail(id)),
        );
    };
    let organisers = orgs.clone();
    view! {
        <form class="record-form" on:submit=save novalidate>
            <TextField label=label("title") name="title" required=true value=title on_input=set_title error=form.error("title")/>
            <SelectField label=label("kind") name="kind" options=enum_options(MeetingKind::ALL)
                value=kind on_change=set_kind error=form.error("kind")/>
            <TextField label=label("starts") name="starts" kind="date" required=true value=starts on_input=set_starts error=form.error("starts")/>
            <TextField label=label("ends") name="ends" kind="date" hint=t(msg::MEETING_HINT_ENDS)
                value=ends on_input=set_ends error=form.error("ends")/>
            <TextField label=label("venue") name="venue" hint=t(msg::MEETING_HINT_VENUE)
                value=venue on_input=set_venue error=form.error("venue")/>
            <SelectField label=label("country") name="country" none_label=t(msg::NONE_ONLINE_OR_REGIONAL) options=ref_options("country", COUNTRIES)
                value=country on_change=set_country error=form.error("country")/>
            <SelectField label=label("organiser") name="organiser" none_label=t(msg::CHOOSE_OPTION) options=organisers
                value=organiser on_change=set_organiser error=form.error("organiser")/>
            <TextField label=label("chair") name="chair" hint=t(msg::MEETING_HINT_CHAIR)
                value=chair on_input=set_chair error=form.error("chair")/>
            <CheckboxGroup label=label("attendees") name="attendees" options=orgs
                value=attendees on_change=set_attendees error=form.error("attendees")/>
            <CheckboxGroup label=label("topics") name="topics" options=topic_options()
                value=topics on_change=set_topics error=form.error("topics")/>
            <TextArea label=label("summary") name="summary" value=summary on_input=set_summary error=form.error("summary")/>
            <TextArea label=label("source") name="source" value=source on_input=set_source error=form.error("source")/>
            <SaveBar errors=form.errors problem=form.problem cancel="/meetings".into()/>
        </form>
    }
}

/// Where it takes place: its venue and country, the country in the interface's language.
fn place(m: &Meeting) -> String {
    let country = m.country.as_deref().and_then(country_name);
    match (m.venue.trim(), country) {
        ("", None) => String::new(),
        ("", Some(c)) => c.to_owned(),
        (v, None) => v.to_owned(),
        (v, Some(c)) => format!("{v}, {c}"),
    }
}

/// What forms call a field of this kind (its field table's label).
fn label(field: &'static str) -> &'static str {
    crate::i18n::field_label(RecordKind::Meeting, field)
}
