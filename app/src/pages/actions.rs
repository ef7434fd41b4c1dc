//! Action items: the follow-up list across meetings and missions (search, status, overdue,
//! organisation, CSV), and the items of one meeting, mission or organisation on its page. Each item is marked
//! done, edited, or removed in place by those who may (its owner's office, coordinators).

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::{Map, Value};
use tradewinds_shared::catalogue::DELETED_FIELD;
use tradewinds_shared::dates::Day;
use tradewinds_shared::meetings::{follow_up_order, ActionFilter, ActionStatus};
use tradewinds_shared::{export, ActionItem, Meeting, Mission, Organisation, RecordKind};
use uuid::Uuid;

use super::form::{FormState, RowEdit};
use super::history::History;
use super::{any, failed, loading, once};
use crate::catalogue::{allowed, own_office, records_of, use_actor, use_catalogue, Typed};
use crate::components::fields::{enum_options, CheckboxGroup, SelectField, TextArea, TextField};
use crate::components::list::{DownloadCsv, ListHead};
use crate::components::pickers::org_options;
use crate::components::pickers::{display_names, id_text};
use crate::components::today;
use crate::db::new_id;
use crate::i18n::{msg, t, tf};
use crate::route::{Section, View};
use tradewinds_shared::i18n::Msg;

/// Where a list of action items is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Agreed at this meeting.
    Meeting(Uuid),
    /// Recommended by this mission.
    Mission(Uuid),
    /// Owned or shared by this organisation.
    Organisation(Uuid),
}

impl Scope {
    fn includes(self, a: &ActionItem) -> bool {
        match self {
            Scope::Meeting(m) => a.meeting == Some(m),
            Scope::Mission(m) => a.mission == Some(m),
            Scope::Organisation(o) => a.owner == Some(o) || a.co_owners.contains(&o),
        }
    }

    /// A new item here: agreed at the meeting, recommended by the mission, or owned by the
    /// organisation.
    fn new_item(self) -> ActionItem {
        match self {
            Scope::Meeting(m) => ActionItem {
                meeting: Some(m),
                ..Default::default()
            },
            Scope::Mission(m) => ActionItem {
                mission: Some(m),
                ..Default::default()
            },
            Scope::Organisation(o) => ActionItem {
                owner: Some(o),
                ..Default::default()
            },
        }
    }
}

/// Where an action item comes from: its page and what it is called.
#[derive(Clone, Debug, PartialEq)]
pub struct Origin {
    pub href: String,
    /// The field that names it, whose label says how: "meeting" ("Agreed at") or
    /// "mission" ("Recommended by the mission").
    pub field: &'static str,
    pub title: String,
}

/// The names an action item is shown with: organisations, meetings and missions by id.
#[derive(Clone, Default)]
struct Names {
    orgs: HashMap<Uuid, String>,
    meetings: HashMap<Uuid, String>,
    missions: HashMap<Uuid, String>,
}

impl Names {
    fn new(
        orgs: &[Typed<Organisation>],
        meetings: &[Typed<Meeting>],
        missions: &[Typed<Mission>],
    ) -> Names {
        Names {
            orgs: display_names(orgs),
            meetings: meetings
                .iter()
                .map(|m| {
                    (
                        m.id,
                        format!(
                            "{}, {}",
                            m.record.title,
                            crate::i18n::dates(&m.record.starts, &m.record.ends)
                        ),
                    )
                })
                .collect(),
            missions: missions
                .iter()
                .map(|m| {
                    (
                        m.id,
                        format!(
                            "{}, {}",
                            m.record.title,
                            crate::i18n::dates(&m.record.starts, &m.record.ends)
                        ),
                    )
                })
                .collect(),
        }
    }

    /// The meeting or mission the action comes from, if this device has it.
    fn origin(&self, a: &ActionItem) -> Option<Origin> {
        if let Some((id, title)) = a.meeting.and_then(|m| Some((m, self.meetings.get(&m)?))) {
            return Some(Origin {
                href: Section::Meetings.href(View::Detail(id)),
                field: "meeting",
                title: title.clone(),
            });
        }
        let (id, title) = a.mission.and_then(|m| Some((m, self.missions.get(&m)?)))?;
        Some(Origin {
            href: Section::Missions.href(View::Detail(id)),
            field: "mission",
            title: title.clone(),
        })
    }

    /// The organisation's name, or `missing` when this device does not have it.
    fn org_or(&self, id: Option<Uuid>, missing: &str) -> String {
        id.and_then(|id| self.orgs.get(&id).cloned())
            .unwrap_or_else(|| missing.to_owned())
    }

    /// The organisation's name as the screen shows it.
    fn org(&self, id: Option<Uuid>) -> String {
        self.org_or(id, t(msg::ACTION_ORG_NOT_HERE))
    }

    fn co_owners(&self, a: &ActionItem) -> Vec<String> {
        a.co_owners.iter().map(|o| self.org(Some(*o))).collect()
    }

    /// "Agreed at …" / "Recommended by the mission …", or empty: in English, as the CSV
    /// export writes everything but names.
    fn origin_text(&self, a: &ActionItem) -> String {
        self.origin(a)
            .map(|o| {
                let how = RecordKind::ActionItem.field_label(o.field);
                format!("{how} {}", o.title)
            })
            .unwrap_or_default()
    }

    /// What a search looks through besides the action's own text.
    fn searchable(&self, a: &ActionItem) -> String {
        let mut words = self.co_owners(a);
        words.push(self.org(a.owner));
        words.push(self.origin_text(a));
        words.join(" ")
    }
}

fn status_options() -> Vec<(String, String)> {
    let mut v = vec![("pending".to_owned(), t(msg::ACTION_STILL_TO_DO).to_owned())];
    v.extend(enum_options(ActionStatus::ALL));
    v
}

#[component]
pub fn ActionList() -> impl IntoView {
    let actions = records_of::<ActionItem>(RecordKind::ActionItem);
    let orgs = records_of::<Organisation>(RecordKind::Organisation);
    let meetings = records_of::<Meeting>(RecordKind::Meeting);
    let missions = records_of::<Mission>(RecordKind::Mission);
    let actor = use_actor();
    let query = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let overdue = RwSignal::new(false);
    // An office editor follows up their own administration's actions first.
    let organisation = RwSignal::new(id_text(own_office(actor)));
    let edit = RowEdit::new();
    let no_error = Signal::derive(|| None::<String>);
    let organisation_options =
        Signal::derive(move || org_options(&orgs.get().and_then(Result::ok).unwrap_or_default()));
    view! {
        <ListHead title=t(msg::NAV_ACTIONS) placeholder=t(msg::ACTION_SEARCH_PLACEHOLDER) query=query>
            <SelectField label=t(msg::FILTER_STATUS) name="status" none_label=t(msg::ALL_STATUSES)
                options=status_options() value=status on_change=move |v| status.set(v) error=no_error/>
            <SelectField label=t(msg::FILTER_ORGANISATION) name="organisation" none_label=t(msg::ANY_OWNER)
                options=organisation_options value=organisation on_change=move |v| organisation.set(v) error=no_error/>
            <label class="check">
                <input type="checkbox" name="overdue" prop:checked=move || overdue.get()
                    on:change=move |ev| overdue.set(event_target_checked(&ev))/>
                {t(msg::ACTION_OVERDUE_ONLY)}
            </label>
        </ListHead>
        {move || match (actions.get(), orgs.get(), meetings.get(), missions.get()) {
            (None, _, _, _) | (_, None, _, _) | (_, _, None, _) | (_, _, _, None) => loading(),
            (Some(Err(e)), _, _, _) | (_, Some(Err(e)), _, _) | (_, _, Some(Err(e)), _) | (_, _, _, Some(Err(e))) => failed(e),
            (Some(Ok(all)), Some(Ok(orgs)), Some(Ok(meetings)), Some(Ok(missions))) => {
                let names = Names::new(&orgs, &meetings, &missions);
                let today = today();
                let chosen = status.get();
                let f = ActionFilter {
                    query: query.get(),
                    status: ActionStatus::from_code(&chosen),
                    pending_only: chosen == "pending",
                    overdue_only: overdue.get(),
                    organisation: Uuid::parse_str(&organisation.get()).ok(),
                    meeting: None,
                };
                let late = all.iter().filter(|a| a.record.is_overdue(today)).count();
                let mut shown: Vec<Typed<ActionItem>> = all
                    .iter()
                    .filter(|a| f.matches(&a.record, today, &names.searchable(&a.record)))
                    .cloned()
                    .collect();
                shown.sort_by(|a, b| follow_up_order(&a.record, &b.record));
                let csv = {
                    let (shown, names) = (shown.clone(), names.clone());
                    Callback::new(move |()| export_csv(&shown, &names, today))
                };
                view! {
                    <p class="count" role="status">
                        {tf(msg::ACTION_COUNT, &[("shown", shown.len().into()), ("total", all.len().into()), ("late", late.into())])}
                    </p>
                    <DownloadCsv name="action-items" csv=csv import=Some(RecordKind::ActionItem)/>
                    <ActionRows items=shown names=names today=today show_origin=true edit=edit/>
                }.into_any()
            }
        }}
    }
}

/// What the CSV export, written in English, calls an organisation this device lacks.
const NOT_ON_DEVICE: &str = "an organisation not on this device";

fn export_csv(shown: &[Typed<ActionItem>], names: &Names, today: Day) -> String {
    let rows: Vec<export::ActionRow> = shown
        .iter()
        .map(|a| export::ActionRow {
            id: a.id,
            action: &a.record,
            from: names.origin_text(&a.record),
            owner: names.org_or(a.record.owner, NOT_ON_DEVICE),
            co_owners: names.co_owners(&a.record),
        })
        .collect();
    export::action_items(&rows, today, crate::i18n::words())
}

/// The "Action items" section of a meeting's, a mission's or an organisation's page.
#[component]
pub fn ActionItems(scope: Scope) -> impl IntoView {
    let actions = records_of::<ActionItem>(RecordKind::ActionItem);
    let orgs = records_of::<Organisation>(RecordKind::Organisation);
    let meetings = records_of::<Meeting>(RecordKind::Meeting);
    let missions = records_of::<Mission>(RecordKind::Mission);
    let can_add = allowed(move |a| match scope {
        Scope::Meeting(_) | Scope::Mission(_) => a.may_create(RecordKind::ActionItem),
        Scope::Organisation(o) => a.may_add_to(o),
    });
    let adding = RwSignal::new(false);
    let edit = RowEdit::new();
    let intro = match scope {
        Scope::Meeting(_) => t(msg::ACTION_INTRO_MEETING),
        Scope::Mission(_) => t(msg::ACTION_INTRO_MISSION),
        Scope::Organisation(_) => t(msg::ACTION_INTRO_ORGANISATION),
    };
    view! {
        <section class="actions-list" aria-labelledby="actions-h">
            <h2 id="actions-h">{t(msg::NAV_ACTIONS)}</h2>
            <p class="meta">{intro}</p>
            {move || match (actions.get(), orgs.get(), meetings.get(), missions.get()) {
                (None, _, _, _) | (_, None, _, _) | (_, _, None, _) | (_, _, _, None) => loading(),
                (Some(Err(e)), _, _, _) | (_, Some(Err(e)), _, _) | (_, _, Some(Err(e)), _) | (_, _, _, Some(Err(e))) => failed(e),
                (Some(Ok(all)), Some(Ok(orgs)), Some(Ok(meetings)), Some(Ok(missions))) => {
                    let mut items: Vec<Typed<ActionItem>> = all.iter().filter(|&a| scope.includes(&a.record)).cloned().collect();
                    if items.is_empty() {
                        return view! { <p>{t(msg::ACTION_NONE_RECORDED)}</p> }.into_any();
                    }
                    items.sort_by(|a, b| follow_up_order(&a.record, &b.record));
                    let names = Names::new(&orgs, &meetings, &missions);
                    let show_origin = matches!(scope, Scope::Organisation(_));
                    view! { <ActionRows items=items names=names today=today() show_origin=show_origin edit=edit/> }.into_any()
                }
            }}
            <Show when=move || adding.get() fallback=move || view! {
                <Show when=move || can_add.get()>
                    <button type="button" on:click=move |_| adding.set(true)>{t(msg::ACTION_ADD)}</button>
                </Show>
            }>
                <h3>{t(msg::ACTION_NEW)}</h3>
                <ActionForm id=new_id() initial=scope.new_item() done=move || { adding.try_set(false); }/>
            </Show>
        </section>
    }
}

#[component]
fn ActionRows(
    items: Vec<Typed<ActionItem>>,
    names: Names,
    today: Day,
    show_origin: bool,
    /// The row being edited, kept by the section (`RowEdit`).
    edit: RowEdit<ActionItem>,
) -> impl IntoView {
    view! {
        <ul class="records">
            {items.into_iter().map(|a| {
                let origin = show_origin.then(|| names.origin(&a.record)).flatten();
                let owners = (names.org(a.record.owner), names.co_owners(&a.record));
                view! { <ActionRow item=a owners=owners origin=origin today=today edit=edit/> }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn ActionRow(
    item: Typed<ActionItem>,
    /// The owner's name and those of the organisations sharing it.
    owners: (String, Vec<String>),
    /// The meeting or mission it comes from, when the list is not that one's.
    origin: Option<Origin>,
    today: Day,
    edit: RowEdit<ActionItem>,
) -> impl IntoView {
    let id = item.id;
    let a = item.record.clone();
    let cat = use_catalogue();
    let actor = use_actor();
    let owner_id = item.record.owner;
    let may_edit = move || {
        actor.with(|x| {
            x.as_ref()
                .is_some_and(|x| x.edits_everything() || owner_id.is_some_and(|o| x.may_add_to(o)))
        })
    };
    let problem = RwSignal::new(None::<String>);
    let history = RwSignal::new(false);
    let write = move |set: Map<String, Value>, failure: Msg| {
        let cat = cat.clone();
        let Some(user) = cat.user() else { return };
        spawn_local(async move {
            match cat.db.edit(&user, RecordKind::ActionItem, id, set).await {
                Ok(_) => crate::sync::local_write(&cat).await,
                Err(e) => problem.set(Some(tf(failure, &[("error", (&e.to_string()).into())]))),
            }
        });
    };
    let mark_done = {
        let write = write.clone();
        Callback::new(move |()| {
            let mut set = Map::new();
            set.insert("status".into(), ActionStatus::Done.code().into());
            write(set, msg::ACTION_NOT_MARKED_DONE);
        })
    };
    let remove = Callback::new(move |()| {
        let mut set = Map::new();
        set.insert(DELETED_FIELD.into(), Value::Bool(true));
        write(set, msg::ACTION_NOT_REMOVED);
    });
    let overdue = a.is_overdue(today);
    let (owner, shared) = owners;
    let owners = if shared.is_empty() {
        owner
    } else {
        let others = shared.join(", ");
        tf(
            msg::ACTION_OWNER_WITH,
            &[("owner", (&owner).into()), ("others", (&others).into())],
        )
    };
    let due = tf(
        msg::ACTION_DUE,
        &[("due", (&crate::i18n::due(a.due())).into())],
    );
    view! {
        <li data-testid="action-row" class:overdue=overdue>
            <Show when=move || edit.is_open(id) fallback={
                let (a, owners, due, origin) = (a.clone(), owners.clone(), due.clone(), origin.clone());
                move || view! {
                    <span class="action-text">{a.text.clone()}</span>
                    <span class="meta">
                        <strong data-testid="action-status" class:late=overdue>{status_label(&a, today)}</strong>
                        " · "{due.clone()}
                        " · "{owners.clone()}
                        {(item.conflicts > 0).then(|| view! { " · "{t(msg::NEEDS_REVIEW)} })}
                    </span>
                    {origin.clone().map(|o| view! {
                        <span class="meta">{label(o.field)}" "<a href=o.href>{o.title}</a></span>
                    })}
                    {(!a.progress.is_empty()).then(|| view! { <span class="progress">{a.progress.clone()}</span> })}
                    <span class="row-actions">
                        <Show when=may_edit>
                            {a.status.is_pending().then(|| view! {
                                <button type="button" on:click=move |_| mark_done.run(())>{t(msg::ACTION_MARK_DONE)}</button>
                            })}
                            <button type="button" on:click=move |_| edit.open(id)>{t(msg::EDIT)}</button>
                            <button type="button" on:click=move |_| remove.run(())>{t(msg::ACTION_REMOVE)}</button>
                        </Show>
                        <button type="button" aria-expanded=move || history.get().to_string()
                            on:click=move |_| history.update(|h| *h = !*h)>{t(msg::HISTORY)}</button>
                    </span>
                    {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
                    <Show when=move || history.get()>
                        <History kind=RecordKind::ActionItem id=id/>
                    </Show>
                }
            }>
                <ActionForm id=id initial=item.record.clone() kept=edit.form(id, item.record.clone()) done=move || edit.close()/>
            </Show>
        </li>
    }
}

#[component]
fn ActionForm(
    id: Uuid,
    initial: ActionItem,
    /// The form a row keeps while it is drawn again (`RowEdit`); a new one if none.
    #[prop(optional)]
    kept: Option<FormState<ActionItem>>,
    done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let orgs = records_of::<Organisation>(RecordKind::Organisation);
    once(orgs, any, move |orgs| {
        let form = kept.unwrap_or_else(|| FormState::new(initial.clone()));
        view! { <ActionFields id=id form=form orgs=org_options(&orgs) done=done.clone()/> }
            .into_any()
    })
}

#[component]
fn ActionFields(
    id: Uuid,
    form: FormState<ActionItem>,
    orgs: Vec<(String, String)>,
    done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let (text, set_text) = form.text(|a| &a.text, |a, v| a.text = v);
    let (due, set_due) = form.text(|a| &a.due, |a, v| a.due = v);
    let (progress, set_progress) = form.text(|a| &a.progress, |a, v| a.progress = v);
    let (owner, set_owner) = form.map(
        |a| id_text(a.owner),
        |a, v| a.owner = Uuid::parse_str(&v).ok(),
    );
    let (status, set_status) = form.map(
        |a| a.status.code().into(),
        |a, v| a.status = ActionStatus::from_code(&v).unwrap_or_default(),
    );
    let co_owners = Signal::derive(move || {
        form.record
            .with(|a| a.co_owners.iter().map(Uuid::to_string).collect())
    });
    let set_co_owners = Callback::new(move |v: Vec<String>| {
        form.record
            .update(|a| a.co_owners = v.iter().filter_map(|s| Uuid::parse_str(s).ok()).collect())
    });
    let cancel = done.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.save_inline(
            RecordKind::ActionItem,
            id,
            ActionItem::validate,
            done.clone(),
        );
    };
    let owners = orgs.clone();
    view! {
        <form class="record-form compact" node_ref=form.keep_focus() on:submit=save novalidate>
            <TextArea label=label("text") name="text" value=text on_input=set_text error=form.error("text")/>
            <SelectField label=label("owner") name="owner" none_label=t(msg::CHOOSE_OWNER) options=owners
                value=owner on_change=set_owner error=form.error("owner")/>
            <TextField label=label("due") name="due" hint=t(msg::ACTION_HINT_DUE)
                value=due on_input=set_due error=form.error("due")/>
            <SelectField label=label("status") name="status" options=enum_options(ActionStatus::ALL)
                value=status on_change=set_status error=form.error("status")/>
            <TextArea label=label("progress") name="progress" value=progress on_input=set_progress error=form.error("progress")/>
            <details>
                <summary>{t(msg::ACTION_SHARED_SUMMARY)}</summary>
                <CheckboxGroup label=label("co_owners") name="co_owners" options=orgs
                    value=co_owners on_change=set_co_owners error=form.error("co_owners")/>
            </details>
            <Show when=move || form.problem.with(Option::is_some)>
                <p class="error" role="alert">{move || form.problem.get()}</p>
            </Show>
            <div class="actions">
                <button type="submit" data-testid="save" class="primary">{t(msg::ACTION_SAVE)}</button>
                <button type="button" on:click=move |_| cancel()>{t(msg::ACTION_CANCEL)}</button>
            </div>
        </form>
    }
}

/// The status as a person reads it: "Open · overdue" when it is.
fn status_label(a: &ActionItem, today: Day) -> String {
    let status = crate::i18n::label(a.status);
    if a.is_overdue(today) {
        tf(msg::ACTION_STATUS_OVERDUE, &[("status", status.into())])
    } else {
        status.to_owned()
    }
}

/// What forms call a field of this kind (its field table's label).
fn label(field: &'static str) -> &'static str {
    crate::i18n::field_label(RecordKind::ActionItem, field)
}
