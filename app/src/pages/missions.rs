//! Technical assistance missions: the list, a mission's page (what it found and
//! recommended, the actions that follow from it, other providers' missions at the same time
//! and place), the form, and the missions on an organisation's page.

use leptos::prelude::*;
use tradewinds_shared::missions::{mission_overlap, MissionFilter, MissionPhase, ReportAccess};
use tradewinds_shared::reference::COUNTRIES;

use crate::i18n::{country_name, msg, t, tf, topic_label};
use tradewinds_shared::search::ListFilter;
use tradewinds_shared::{export, Mission, Organisation, Project, RecordKind};
use uuid::Uuid;

use super::actions::{ActionItems, Scope};
use super::detail::{record_page, OrgNames, RecordPage};
use super::documents::{Documents, Of};
use super::form::{FormState, SaveBar};
use super::history::History;
use super::{any, edit_screen, failed, loading, new_screen, once};
use crate::catalogue::{allowed, own_office, records_of, use_actor, Typed};
use crate::components::fields::{
    enum_options, ref_options, CheckboxGroup, SelectField, TextArea, TextField,
};
use crate::components::list::{list_body, listed, ListHead, Listed, LIST_PAGE};
use crate::components::pickers::id_text;
use crate::components::pickers::org_options;
use crate::components::pickers::topic_options;
use crate::db::new_id;
use crate::route::{Section, View};

#[component]
pub fn MissionList() -> impl IntoView {
    let missions = records_of::<Mission>(RecordKind::Mission);
    let orgs = records_of::<Organisation>(RecordKind::Organisation);
    let projects = records_of::<Project>(RecordKind::Project);
    let listed = listed(
        missions,
        orgs,
        |m, names| {
            let name = |id: Option<Uuid>| id.and_then(|i| names.get(&i).map(String::as_str));
            let who = format!(
                "{} {}",
                name(m.provider).unwrap_or(""),
                name(m.beneficiary).unwrap_or("")
            );
            MissionFilter::text(m, &who)
        },
        // The most recent first.
        |m| std::cmp::Reverse(m.starts.clone()),
    );
    let actor = use_actor();
    let query = RwSignal::new(String::new());
    let limit = RwSignal::new(LIST_PAGE);
    let country = RwSignal::new(String::new());
    let phase = RwSignal::new(String::new());
    let topic = RwSignal::new(String::new());
    // An office editor sees their own administration's missions first.
    let organisation = RwSignal::new(id_text(own_office(actor)));
    let filter = move || MissionFilter {
        query: query.get(),
        country: Some(country.get()).filter(|c| !c.is_empty()),
        phase: MissionPhase::from_code(&phase.get()),
        topic: Some(topic.get()).filter(|t| !t.is_empty()),
        organisation: Uuid::parse_str(&organisation.get()).ok(),
    };
    let csv = move |l: &Listed<Mission>, shown: &[u32]| {
        export_csv(
            l,
            shown,
            &projects.get().and_then(Result::ok).unwrap_or_default(),
        )
    };
    let no_error = Signal::derive(|| None::<String>);
    let can_add = allowed(|a| a.may_create(RecordKind::Mission));
    let organisation_options =
        Signal::derive(move || org_options(&orgs.get().and_then(Result::ok).unwrap_or_default()));
    view! {
        <ListHead title=t(msg::NAV_MISSIONS) add_href="/missions/new" add_label=t(msg::ADD_MISSION) placeholder=t(msg::MISSION_SEARCH_PLACEHOLDER) query=query can_add=can_add>
            <SelectField label=t(msg::FILTER_COUNTRY) name="country" none_label=t(msg::ALL_COUNTRIES)
                options=ref_options("country", COUNTRIES) value=country on_change=move |v| country.set(v) error=no_error/>
            <SelectField label=t(msg::FILTER_PHASE) name="phase" none_label=t(msg::ALL_PHASES)
                options=enum_options(MissionPhase::ALL)
                value=phase on_change=move |v| phase.set(v) error=no_error/>
            <SelectField label=t(msg::TOPIC_FILTER) name="topic" none_label=t(msg::ALL_TOPICS)
                options=topic_options() value=topic on_change=move |v| topic.set(v) error=no_error/>
            <SelectField label=t(msg::FILTER_ORGANISATION) name="organisation" none_label=t(msg::ANY_PROVIDER_OR_BENEFICIARY)
                options=organisation_options value=organisation on_change=move |v| organisation.set(v) error=no_error/>
        </ListHead>
        {list_body(listed, filter, msg::LIST_COUNT_MISSIONS, limit, ("missions", csv), |l, i| {
            let m = l.all[i].clone();
            let provider = l.name(m.record.provider);
            view! { <MissionRow mission=m provider=provider/> }.into_any()
        })}
    }
}

/// The missions shown (positions in `l.all`), with what they found, as CSV.
fn export_csv(l: &Listed<Mission>, shown: &[u32], projects: &[Typed<Project>]) -> String {
    let rows: Vec<export::MissionRow> = shown
        .iter()
        .map(|&i| {
            let mission = &l.all[i as usize].record;
            export::MissionRow {
                mission,
                provider: l.name(mission.provider),
                beneficiary: l.name(mission.beneficiary),
                project: mission
                    .project
                    .and_then(|p| projects.iter().find(|x| x.id == p))
                    .map(|x| x.record.title.clone())
                    .unwrap_or_default(),
            }
        })
        .collect();
    export::missions(&rows, crate::i18n::words())
}

#[component]
fn MissionRow(mission: Typed<Mission>, provider: String) -> impl IntoView {
    let m = mission.record;
    view! {
        <li data-testid="record-row">
            <a href=Section::Missions.href(View::Detail(mission.id))>{m.title.clone()}</a>
            <span class="meta">
                {crate::i18n::dates(&m.starts, &m.ends)}" · "{country(&m)}" · "{crate::i18n::label(m.phase)}
                {(!provider.is_empty()).then(|| format!(" · {provider}"))}
                {(mission.conflicts > 0).then(|| view! { " · "{t(msg::NEEDS_REVIEW)} })}
            </span>
        </li>
    }
}

#[component]
pub fn MissionDetail() -> impl IntoView {
    let missions = records_of::<Mission>(RecordKind::Mission);
    let projects = records_of::<Project>(RecordKind::Project);
    record_page(RecordPage {
        kind: RecordKind::Mission,
        section: Section::Missions,
        title: |m: &Mission| m.title.clone(),
        remove: Some(t(msg::MISSION_REMOVE_KEEPS)),
        body: move |m: &Mission, names: &OrgNames| {
            let project = m.project.and_then(|p| {
                projects
                    .get()
                    .and_then(Result::ok)?
                    .iter()
                    .find(|x| x.id == p)
                    .map(|x| (p, x.record.title.clone()))
            });
            let topics: Vec<&str> = m.topics.iter().filter_map(|t| topic_label(t)).collect();
            view! {
                <dl>
                    <dt>{t(msg::MISSION_DATES)}</dt><dd>{crate::i18n::dates(&m.starts, &m.ends)}</dd>
                    <dt>{label("phase")}</dt><dd>{crate::i18n::label(m.phase)}</dd>
                    {m.provider.map(|p| view! { <dt>{label("provider")}</dt><dd>{names.link(p)}</dd> })}
                    {m.beneficiary.map(|b| view! { <dt>{label("beneficiary")}</dt><dd>{names.link(b)}</dd> })}
                    {m.country.is_some().then(|| view! { <dt>{label("country")}</dt><dd>{country(m)}</dd> })}
                    {project.map(|(p, title)| view! { <dt>{label("project")}</dt><dd><a href=Section::Projects.href(View::Detail(p))>{title}</a></dd> })}
                    {(!topics.is_empty()).then(|| view! { <dt>{label("topics")}</dt><dd>{topics.join(", ")}</dd> })}
                    <dt>{t(msg::MISSION_FULL_REPORT)}</dt>
                    <dd>
                        {crate::i18n::label(m.report_access)}
                        {(!m.report_url.is_empty()).then(|| view! { " · "<a href=m.report_url.clone() rel="noopener noreferrer">{t(msg::MISSION_REPORT_WHERE)}</a> })}
                    </dd>
                </dl>
                <h2>{label("findings")}</h2>
                <p class="description" data-testid="findings">
                    {if m.findings.is_empty() { t(msg::MISSION_NOT_RECORDED).to_owned() } else { m.findings.clone() }}
                </p>
                <h2>{label("recommendations")}</h2>
                <p class="description" data-testid="recommendations">
                    {if m.recommendations.is_empty() { t(msg::MISSION_NOT_RECORDED).to_owned() } else { m.recommendations.clone() }}
                </p>
                {(!m.source.is_empty()).then(|| view! { <p class="source">{tf(msg::SOURCE_IS, &[("source", (&m.source).into())])}</p> })}
            }
            .into_any()
        },
        after: move |mission_id, m: &Mission| {
            let Some(Ok(all)) = missions.get() else {
                return ().into_any();
            };
            let overlapping: Vec<(Uuid, String, String)> = all
                .iter()
                .filter(|o| o.id != mission_id)
                .filter_map(|o| {
                    let shared = mission_overlap(m, &o.record);
                    (!shared.is_empty()).then(|| {
                        let topics: Vec<&str> =
                            shared.iter().filter_map(|t| topic_label(t)).collect();
                        (
                            o.id,
                            o.record.title.clone(),
                            format!(
                                "{} · {}",
                                crate::i18n::dates(&o.record.starts, &o.record.ends),
                                topics.join(", ")
                            ),
                        )
                    })
                })
                .collect();
            (!overlapping.is_empty())
                .then(|| view! {
                    <section aria-labelledby="same-time-h" data-testid="mission-overlaps">
                        <h2 id="same-time-h">{t(msg::MISSION_OVERLAPS_TITLE)}</h2>
                        <p class="attention">{t(msg::MISSION_OVERLAPS_INTRO)}</p>
                        <ul class="records">
                            {overlapping.into_iter().map(|(id, title, what)| view! {
                                <li><a href=Section::Missions.href(View::Detail(id))>{title}</a><span class="meta">{what}</span></li>
                            }).collect_view()}
                        </ul>
                    </section>
                })
                .into_any()
        },
        below: |mission_id| {
            view! {
                <ActionItems scope=Scope::Mission(mission_id)/>
                <Documents of=Of::Mission(mission_id)/>
                <History kind=RecordKind::Mission id=mission_id/>
            }
            .into_any()
        },
    })
}

#[component]
pub fn OrgMissions(org: Uuid) -> impl IntoView {
    let missions = records_of::<Mission>(RecordKind::Mission);
    view! {
        <section aria-labelledby="missions-h" data-testid="org-missions">
            <h2 id="missions-h">{t(msg::NAV_MISSIONS)}</h2>
            {move || match missions.get() {
                None => loading(),
                Some(Err(e)) => failed(e),
                Some(Ok(all)) => {
                    let mut mine: Vec<(Typed<Mission>, &'static str)> = all
                        .iter().cloned()
                        .filter_map(|m| {
                            let role = if m.record.provider == Some(org) {
                                t(msg::MISSION_ROLE_PROVIDED)
                            } else if m.record.beneficiary == Some(org) {
                                t(msg::MISSION_ROLE_RECEIVED)
                            } else {
                                return None;
                            };
                            Some((m, role))
                        })
                        .collect();
                    if mine.is_empty() {
                        return view! { <p>{t(msg::MISSION_NONE_RECORDED)}</p> }.into_any();
                    }
                    mine.sort_by(|a, b| b.0.record.starts.cmp(&a.0.record.starts));
                    view! {
                        <ul class="records">
                            {mine.into_iter().map(|(m, role)| view! {
                                <li>
                                    <a href=Section::Missions.href(View::Detail(m.id))>{m.record.title.clone()}</a>
                                    <span class="meta">{role}" · "{crate::i18n::dates(&m.record.starts, &m.record.ends)}" · "{crate::i18n::label(m.record.phase)}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
pub fn MissionNew() -> impl IntoView {
    let initial = Mission {
        provider: use_actor().with_untracked(|a| a.as_ref().and_then(|a| a.organisation)),
        ..Default::default()
    };
    new_screen(
        RecordKind::Mission,
        t(msg::ADD_MISSION),
        t(msg::MISSION_NEW_REFUSED),
        view! { <MissionForm id=new_id() initial=initial/> }.into_any(),
    )
}

#[component]
pub fn MissionEdit() -> impl IntoView {
    edit_screen(
        RecordKind::Mission,
        "/missions",
        |m: &Mission| m.title.clone(),
        |id, m| view! { <MissionForm id=id initial=m/> }.into_any(),
    )
}

#[component]
fn MissionForm(id: Uuid, initial: Mission) -> impl IntoView {
    let orgs = records_of::<Organisation>(RecordKind::Organisation);
    let projects = records_of::<Project>(RecordKind::Project);
    once(orgs, any, move |orgs| {
        let initial = initial.clone();
        once(projects, any, move |projects| {
            let mut project_options: Vec<(String, String)> = projects
                .iter()
                .cloned()
                .map(|p| (p.id.to_string(), p.record.title))
                .collect();
            project_options.sort_by_key(|p| p.1.to_lowercase());
            view! { <MissionFields id=id initial=initial.clone() orgs=org_options(&orgs) projects=project_options/> }.into_any()
        })
    })
}

#[component]
fn MissionFields(
    id: Uuid,
    initial: Mission,
    orgs: Vec<(String, String)>,
    projects: Vec<(String, String)>,
) -> impl IntoView {
    let form = FormState::new(initial);
    let (title, set_title) = form.text(|m| &m.title, |m, v| m.title = v);
    let (starts, set_starts) = form.text(|m| &m.starts, |m, v| m.starts = v);
    let (ends, set_ends) = form.text(|m| &m.ends, |m, v| m.ends = v);
    let (findings, set_findings) = form.text(|m| &m.findings, |m, v| m.findings = v);
    let (recommendations, set_recommendations) =
        form.text(|m| &m.recommendations, |m, v| m.recommendations = v);
    let (report_url, set_report_url) = form.text(|m| &m.report_url, |m, v| m.report_url = v);
    let (source, set_source) = form.text(|m| &m.source, |m, v| m.source = v);
    let (provider, set_provider) = form.map(
        |m| id_text(m.provider),
        |m, v| m.provider = Uuid::parse_str(&v).ok(),
    );
    let (beneficiary, set_beneficiary) = form.map(
        |m| id_text(m.beneficiary),
        |m, v| m.beneficiary = Uuid::parse_str(&v).ok(),
    );
    let (project, set_project) = form.map(
        |m| id_text(m.project),
        |m, v| m.project = Uuid::parse_str(&v).ok(),
    );
    let (country, set_country) = form.map(
        |m| m.country.clone().unwrap_or_default(),
        |m, v| m.country = Some(v).filter(|v| !v.is_empty()),
    );
    let (phase, set_phase) = form.map(
        |m| m.phase.code().into(),
        |m, v| m.phase = MissionPhase::from_code(&v).unwrap_or_default(),
    );
    let (access, set_access) = form.map(
        |m| m.report_access.code().into(),
        |m, v| m.report_access = ReportAccess::from_code(&v).unwrap_or_default(),
    );
    let (topics, set_topics) = form.list(|m| &m.topics, |m, v| m.topics = v);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.save(
            RecordKind::Mission,
            id,
            Mission::validate,
            Section::Missions.href(View::Detail(id)),
        );
    };
    let beneficiaries = orgs.clone();
    view! {
        <form class="record-form" on:submit=save novalidate>
            <TextField label=label("title") name="title" required=true hint=t(msg::MISSION_HINT_TITLE)
                value=title on_input=set_title error=form.error("title")/>
            <SelectField label=label("provider") name="provider" none_label=t(msg::CHOOSE_OPTION) options=orgs
                value=provider on_change=set_provider error=form.error("provider")/>
            <SelectField label=label("beneficiary") name="beneficiary" none_label=t(msg::CHOOSE_OPTION) options=beneficiaries
                value=beneficiary on_change=set_beneficiary error=form.error("beneficiary")/>
            <SelectField label=label("country") name="country" none_label=t(msg::CHOOSE_OPTION) options=ref_options("country", COUNTRIES)
                value=country on_change=set_country error=form.error("country")/>
            <TextField label=label("starts") name="starts" kind="date" required=true value=starts on_input=set_starts error=form.error("starts")/>
            <TextField label=label("ends") name="ends" kind="date" value=ends on_input=set_ends error=form.error("ends")/>
            <SelectField label=label("phase") name="phase" options=enum_options(MissionPhase::ALL)
                value=phase on_change=set_phase error=form.error("phase")/>
            <SelectField label=label("project") name="project" none_label=t(msg::NONE_OPTION) options=projects
                value=project on_change=set_project error=form.error("project")/>
            <CheckboxGroup label=label("topics") name="topics" options=topic_options()
                value=topics on_change=set_topics error=form.error("topics")/>
            <TextArea label=label("findings") name="findings" value=findings on_input=set_findings error=form.error("findings")/>
            <TextArea label=label("recommendations") name="recommendations" value=recommendations on_input=set_recommendations error=form.error("recommendations")/>
            <SelectField label=label("report_access") name="report_access" options=enum_options(ReportAccess::ALL)
                value=access on_change=set_access error=form.error("report_access")/>
            <TextField label=label("report_url") name="report_url" kind="url" hint=t(msg::MISSION_HINT_REPORT_URL)
                value=report_url on_input=set_report_url error=form.error("report_url")/>
            <TextArea label=label("source") name="source" value=source on_input=set_source error=form.error("source")/>
            <SaveBar errors=form.errors problem=form.problem cancel="/missions".into()/>
        </form>
    }
}

/// The country it took place in, in the interface's language; empty if none.
fn country(m: &Mission) -> &'static str {
    m.country.as_deref().and_then(country_name).unwrap_or("")
}

/// What forms call a field of this kind (its field table's label).
fn label(field: &'static str) -> &'static str {
    crate::i18n::field_label(RecordKind::Mission, field)
}
