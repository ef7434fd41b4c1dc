//! Projects: the searchable list with filters, CSV and IATI XML (`iati`), a project's page
//! with the projects it may duplicate, and the form (which warns of a project already
//! recorded).

mod iati;
pub(super) mod linked;

use std::collections::HashMap;

use leptos::prelude::*;
use tradewinds_shared::projects::{overlap, possible_duplicates, ProjectFilter, ProjectStatus};
use tradewinds_shared::reference::{topic_dac, COUNTRIES};

use crate::i18n::{country_name, msg, t, tf, topic_label};
use tradewinds_shared::dates::Day;
use tradewinds_shared::search::ListFilter;
use tradewinds_shared::{export, Organisation, Programme, Project, RecordKind};
use uuid::Uuid;

use super::detail::{record_page, OrgNames, RecordPage};
use super::documents::{Documents, Of};
use super::form::{FormState, SaveBar};
use super::history::History;
use super::{any, edit_screen, failed, loading, new_screen, once};
use crate::catalogue::{allowed, records_of, use_actor, Typed};
use crate::components::fields::{
    enum_options, ref_options, CheckboxGroup, SelectField, TextArea, TextField,
};
use crate::components::list::{list_body, listed, ListHead, Listed, LIST_PAGE};
use crate::components::pickers::id_text;
use crate::components::pickers::org_options;
use crate::components::pickers::topic_options;
use crate::db::new_id;
use crate::route::{Section, View};

fn status_options() -> Vec<(String, String)> {
    let mut v = vec![("live".to_owned(), t(msg::PROJECT_LIVE_OPTION).to_owned())];
    v.extend(enum_options(ProjectStatus::ALL));
    v
}

/// Names of organisations, each id in `ids` that this device knows.
fn names_of(names: &HashMap<Uuid, String>, ids: &[Uuid]) -> Vec<String> {
    ids.iter().filter_map(|id| names.get(id).cloned()).collect()
}

/// Country names, "Barbados, Saint Lucia".
fn countries_label(codes: &[String]) -> String {
    if codes.is_empty() {
        return t(msg::PROJECT_NO_COUNTRY).into();
    }
    codes
        .iter()
        .map(|c| country_name(c).unwrap_or(c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The years a project runs: "2013 – 2016", "2015", "from 2013", "until 2016".
fn years_label(p: &Project) -> String {
    let year = |d: &str| Day::parse(d).map(|d| d.year.to_string());
    match (year(&p.starts), year(&p.ends)) {
        (Some(s), Some(e)) if s == e => s,
        (Some(s), Some(e)) => format!("{s} – {e}"),
        (Some(s), None) => tf(msg::PROJECT_FROM_YEAR, &[("year", (&s).into())]),
        (None, Some(e)) => tf(msg::PROJECT_UNTIL_YEAR, &[("year", (&e).into())]),
        (None, None) => String::new(),
    }
}

/// Its days written out in the interface's language: "1 April 2013 to 31 March 2016",
/// "from 1 April 2013"… (a day that does not read as one, as entered).
fn dates_label(p: &Project) -> String {
    let day = |d: &str| Day::parse(d).map_or_else(|| d.to_owned(), |d| crate::i18n::words().day(d));
    match (p.starts.as_str(), p.ends.as_str()) {
        ("", "") => String::new(),
        (s, "") => tf(msg::PROJECT_FROM, &[("date", day(s).as_str().into())]),
        ("", e) => tf(msg::PROJECT_UNTIL, &[("date", day(e).as_str().into())]),
        (s, e) => tf(
            msg::PROJECT_FROM_TO,
            &[
                ("start", day(s).as_str().into()),
                ("end", day(e).as_str().into()),
            ],
        ),
    }
}

/// "USD 1,250,000", the amount as the interface's language writes numbers; "" without one.
fn budget_label(p: &Project) -> String {
    p.budget.map_or_else(String::new, |b| {
        let amount = crate::i18n::lang().number(i64::try_from(b).unwrap_or(i64::MAX));
        format!("{} {amount}", p.currency).trim().to_owned()
    })
}

#[component]
pub fn ProjectList() -> impl IntoView {
    let projects = records_of::<Project>(RecordKind::Project);
    let orgs = records_of::<Organisation>(RecordKind::Organisation);
    let programmes = records_of::<Programme>(RecordKind::Programme);
    let listed = listed(
        projects,
        orgs,
        |p, names| {
            let mut ids = p.funders.clone();
            ids.extend(&p.implementers);
            ids.extend(p.accountable);
            ProjectFilter::text(p, &names_of(names, &ids).join(" "))
        },
        |p| p.title.to_lowercase(),
    );
    let query = RwSignal::new(String::new());
    let limit = RwSignal::new(LIST_PAGE);
    let status = RwSignal::new(String::new());
    let country = RwSignal::new(String::new());
    let topic = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let filter = move || {
        let chosen = status.get();
        ProjectFilter {
            query: query.get(),
            status: ProjectStatus::from_code(&chosen),
            live_only: chosen == "live",
            country: Some(country.get()).filter(|c| !c.is_empty()),
            topic: Some(topic.get()).filter(|t| !t.is_empty()),
            organisation: Uuid::parse_str(&organisation.get()).ok(),
        }
    };
    let csv = move |l: &Listed<Project>, shown: &[u32]| {
        export_csv(
            l,
            shown,
            &programmes.get().and_then(Result::ok).unwrap_or_default(),
        )
    };
    let no_error = Signal::derive(|| None::<String>);
    let can_add = allowed(|a| a.may_create(RecordKind::Project));
    let organisation_options =
        Signal::derive(move || org_options(&orgs.get().and_then(Result::ok).unwrap_or_default()));
    view! {
        <ListHead title=t(msg::NAV_PROJECTS) add_href="/projects/new" add_label=t(msg::ADD_PROJECT) placeholder=t(msg::PROJECT_SEARCH_PLACEHOLDER) query=query can_add=can_add>
            <SelectField label=t(msg::FILTER_STATUS) name="status" none_label=t(msg::ALL_STATUSES)
                options=status_options() value=status on_change=move |v| status.set(v) error=no_error/>
            <SelectField label=t(msg::FILTER_COUNTRY) name="country" none_label=t(msg::ALL_COUNTRIES)
                options=ref_options("country", COUNTRIES) value=country on_change=move |v| country.set(v) error=no_error/>
            <SelectField label=t(msg::TOPIC_FILTER) name="topic" none_label=t(msg::ALL_TOPICS)
                options=topic_options() value=topic on_change=move |v| topic.set(v) error=no_error/>
            <SelectField label=t(msg::FILTER_ORGANISATION) name="organisation" none_label=t(msg::ANY_FUNDER_OR_IMPLEMENTER)
                options=organisation_options value=organisation on_change=move |v| organisation.set(v) error=no_error/>
        </ListHead>
        <p><a href="/funding">{t(msg::PROJECT_FUNDING_LINK)}</a></p>
        <iati::IatiDownload listed=listed filter=filter orgs=orgs/>
        {list_body(listed, filter, msg::LIST_COUNT_PROJECTS, limit, ("projects", csv), |l, i| {
            let p = l.all[i].clone();
            let funders = names_of(&l.names, &p.record.funders).join(", ");
            view! { <ProjectRow project=p funders=funders/> }.into_any()
        })}
    }
}

/// The projects shown (positions in `l.all`), as CSV.
fn export_csv(l: &Listed<Project>, shown: &[u32], programmes: &[Typed<Programme>]) -> String {
    let names = &l.names;
    let rows: Vec<export::ProjectRow> = shown
        .iter()
        .map(|&i| &l.all[i as usize])
        .map(|p| export::ProjectRow {
            id: p.id,
            project: &p.record,
            accountable: names_of(names, &p.record.accountable.into_iter().collect::<Vec<_>>())
                .join(""),
            funders: names_of(names, &p.record.funders),
            implementers: names_of(names, &p.record.implementers),
            programme: p
                .record
                .programme
                .and_then(|id| programmes.iter().find(|x| x.id == id))
                .map(|x| x.record.name.clone())
                .unwrap_or_default(),
        })
        .collect();
    export::projects(&rows, crate::i18n::words())
}

#[component]
fn ProjectRow(project: Typed<Project>, funders: String) -> impl IntoView {
    let p = project.record;
    let years = years_label(&p);
    let budget = budget_label(&p);
    view! {
        <li data-testid="record-row">
            <a href=Section::Projects.href(View::Detail(project.id))>{p.title.clone()}</a>
            <span class="meta">
                {crate::i18n::label(p.status)}
                {(!years.is_empty()).then(|| format!(" · {years}"))}
                " · "{countries_label(&p.countries)}
                {(!funders.is_empty()).then(|| format!(" · {}", tf(msg::PROJECT_FUNDED_BY, &[("funders", (&funders).into())])))}
                {(!budget.is_empty()).then(|| format!(" · {budget}"))}
                {(project.conflicts > 0).then(|| view! { " · "{t(msg::NEEDS_REVIEW)} })}
            </span>
        </li>
    }
}

/// The "Projects" section of an organisation's page: what it funds, is accountable for or
/// implements.
#[component]
pub fn OrgProjects(org: Uuid) -> impl IntoView {
    let projects = records_of::<Project>(RecordKind::Project);
    view! {
        <section aria-labelledby="projects-h" data-testid="org-projects">
            <h2 id="projects-h">{t(msg::NAV_PROJECTS)}</h2>
            {move || match projects.get() {
                None => loading(),
                Some(Err(e)) => failed(e),
                Some(Ok(all)) => {
                    let mut mine: Vec<(Typed<Project>, Vec<&'static str>)> = all
                        .iter().cloned()
                        .filter_map(|p| {
                            let r = &p.record;
                            let roles: Vec<&'static str> = [
                                (r.funders.contains(&org), t(msg::PROJECT_ROLE_FUNDS)),
                                (r.accountable == Some(org), t(msg::PROJECT_ROLE_ACCOUNTABLE)),
                                (r.implementers.contains(&org), t(msg::PROJECT_ROLE_IMPLEMENTS)),
                            ]
                            .into_iter()
                            .filter_map(|(yes, role)| yes.then_some(role))
                            .collect();
                            (!roles.is_empty()).then_some((p, roles))
                        })
                        .collect();
                    if mine.is_empty() {
                        return view! { <p>{t(msg::PROJECT_NONE_RECORDED)}</p> }.into_any();
                    }
                    mine.sort_by_key(|(p, _)| (!p.record.status.is_live(), p.record.title.to_lowercase()));
                    view! {
                        <ul class="records">
                            {mine.into_iter().map(|(p, roles)| view! {
                                <li>
                                    <a href=Section::Projects.href(View::Detail(p.id))>{p.record.title.clone()}</a>
                                    <span class="meta">
                                        {roles.join(", ")}" · "{crate::i18n::label(p.record.status)}" · "{countries_label(&p.record.countries)}
                                    </span>
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
pub fn ProjectDetail() -> impl IntoView {
    let projects = records_of::<Project>(RecordKind::Project);
    let programmes = records_of::<Programme>(RecordKind::Programme);
    record_page(RecordPage {
        kind: RecordKind::Project,
        section: Section::Projects,
        title: |p: &Project| p.title.clone(),
        remove: Some(t(msg::PROJECT_REMOVE_KEEPS)),
        body: move |p: &Project, names: &OrgNames| {
            let topics: Vec<String> = p
                .topics
                .iter()
                .filter_map(|t| {
                    let (topic, code) = (topic_label(t)?, topic_dac(t)?);
                    Some(tf(
                        msg::PROJECT_TOPIC_DAC,
                        &[("topic", topic.into()), ("code", code.into())],
                    ))
                })
                .collect();
            let programme = p.programme.and_then(|id| {
                programmes
                    .get()
                    .and_then(Result::ok)?
                    .iter()
                    .find(|x| x.id == id)
                    .map(|x| x.record.name.clone())
            });
            let dates = dates_label(p);
            let budget = budget_label(p);
            view! {
                <dl>
                    <dt>{label("status")}</dt><dd>{crate::i18n::label(p.status)}</dd>
                    {(!p.identifier.is_empty()).then(|| view! { <dt>{label("identifier")}</dt><dd>{p.identifier.clone()}</dd> })}
                    {(!dates.is_empty()).then(|| view! { <dt>{t(msg::PROJECT_DATES)}</dt><dd>{dates.clone()}</dd> })}
                    <dt>{label("accountable")}</dt><dd>{names.links(&p.accountable.into_iter().collect::<Vec<_>>())}</dd>
                    <dt>{label("funders")}</dt><dd data-testid="funders">{names.links(&p.funders)}</dd>
                    {(!p.implementers.is_empty()).then(|| view! { <dt>{label("implementers")}</dt><dd>{names.links(&p.implementers)}</dd> })}
                    <dt>{label("countries")}</dt><dd>{countries_label(&p.countries)}</dd>
                    {(!topics.is_empty()).then(|| view! { <dt>{label("topics")}</dt><dd>{topics.join(", ")}</dd> })}
                    {(!p.sectors.is_empty()).then(|| view! { <dt>{label("sectors")}</dt><dd data-testid="sectors">{p.sectors.join(", ")}</dd> })}
                    {(!budget.is_empty()).then(|| view! { <dt>{label("budget")}</dt><dd>{budget.clone()}</dd> })}
                    {programme.map(|name| view! { <dt>{label("programme")}</dt><dd>{name}</dd> })}
                </dl>
                {(!p.description.is_empty()).then(|| view! { <p class="description">{p.description.clone()}</p> })}
                {(!p.source.is_empty()).then(|| view! { <p class="source">{tf(msg::SOURCE_IS, &[("source", (&p.source).into())])}</p> })}
            }
            .into_any()
        },
        after: move |project_id, p: &Project| {
            let Some(Ok(all)) = projects.get() else {
                return ().into_any();
            };
            let overlaps: Vec<(Uuid, String, String)> = all
                .iter()
                .filter(|o| o.id != project_id)
                .filter_map(|o| {
                    overlap(p, &o.record).map(|ov| {
                        let where_ = format!(
                            "{} · {}",
                            countries_label(&ov.countries),
                            ov.topics
                                .iter()
                                .filter_map(|t| topic_label(t))
                                .collect::<Vec<_>>()
                                .join(", ")
                        );
                        (o.id, o.record.title.clone(), where_)
                    })
                })
                .collect();
            view! {
                <section aria-labelledby="overlaps-h" data-testid="overlaps">
                    <h2 id="overlaps-h">{t(msg::PROJECT_POSSIBLE_DUPLICATION)}</h2>
                    {if overlaps.is_empty() {
                        view! { <p>{t(msg::PROJECT_NO_OVERLAP)}</p> }.into_any()
                    } else {
                        view! {
                            <p class="attention">{t(msg::PROJECT_OVERLAPS_INTRO)}</p>
                            <ul class="records">
                                {overlaps.into_iter().map(|(id, title, where_)| view! {
                                    <li><a href=Section::Projects.href(View::Detail(id))>{title}</a><span class="meta">{where_}</span></li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </section>
            }
            .into_any()
        },
        below: |project_id| {
            view! {
                <Documents of=Of::Project(project_id)/>
                <History kind=RecordKind::Project id=project_id/>
            }
            .into_any()
        },
    })
}

#[component]
pub fn ProjectNew() -> impl IntoView {
    let initial = Project {
        accountable: use_actor().with_untracked(|a| a.as_ref().and_then(|a| a.organisation)),
        ..Default::default()
    };
    new_screen(
        RecordKind::Project,
        t(msg::ADD_PROJECT),
        t(msg::PROJECT_NEW_REFUSED),
        view! { <ProjectForm id=new_id() initial=initial/> }.into_any(),
    )
}

#[component]
pub fn ProjectEdit() -> impl IntoView {
    edit_screen(
        RecordKind::Project,
        "/projects",
        |p: &Project| p.title.clone(),
        |id, p| view! { <ProjectForm id=id initial=p/> }.into_any(),
    )
}

#[component]
fn ProjectForm(id: Uuid, initial: Project) -> impl IntoView {
    let orgs = records_of::<Organisation>(RecordKind::Organisation);
    let programmes = records_of::<Programme>(RecordKind::Programme);
    once(orgs, any, move |orgs| {
        let initial = initial.clone();
        once(programmes, any, move |programmes| {
            let mut programme_options: Vec<(String, String)> = programmes
                .iter()
                .cloned()
                .map(|p| (p.id.to_string(), p.record.name))
                .collect();
            programme_options.sort_by_key(|p| p.1.to_lowercase());
            view! { <ProjectFields id=id initial=initial.clone() orgs=org_options(&orgs) programmes=programme_options/> }.into_any()
        })
    })
}

/// Ids chosen in a checkbox group, as the group's values.
fn id_values(ids: &[Uuid]) -> Vec<String> {
    ids.iter().map(Uuid::to_string).collect()
}

fn ids_from(values: &[String]) -> Vec<Uuid> {
    values
        .iter()
        .filter_map(|s| Uuid::parse_str(s).ok())
        .collect()
}

/// A budget as typed: digits, with `,`, spaces or `_` between groups; empty for none.
fn parse_budget(text: &str) -> Result<Option<u64>, &'static str> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '_'))
        .collect();
    if digits.is_empty() {
        return Ok(None);
    }
    digits
        .parse::<u64>()
        .map(Some)
        .map_err(|_| t(msg::PROJECT_BUDGET_INVALID))
}

#[component]
fn ProjectFields(
    id: Uuid,
    initial: Project,
    orgs: Vec<(String, String)>,
    programmes: Vec<(String, String)>,
) -> impl IntoView {
    let budget_text = RwSignal::new(initial.budget.map(|b| b.to_string()).unwrap_or_default());
    let form = FormState::new(initial);
    let all = records_of::<Project>(RecordKind::Project);
    let (title, set_title) = form.text(|p| &p.title, |p, v| p.title = v);
    let (identifier, set_identifier) = form.text(|p| &p.identifier, |p, v| p.identifier = v);
    let (starts, set_starts) = form.text(|p| &p.starts, |p, v| p.starts = v);
    let (ends, set_ends) = form.text(|p| &p.ends, |p, v| p.ends = v);
    let (currency, set_currency) =
        form.text(|p| &p.currency, |p, v| p.currency = v.trim().to_uppercase());
    let (description, set_description) = form.text(|p| &p.description, |p, v| p.description = v);
    let (source, set_source) = form.text(|p| &p.source, |p, v| p.source = v);
    let (status, set_status) = form.map(
        |p| p.status.code().into(),
        |p, v| p.status = ProjectStatus::from_code(&v).unwrap_or_default(),
    );
    let (accountable, set_accountable) = form.map(
        |p| id_text(p.accountable),
        |p, v| p.accountable = Uuid::parse_str(&v).ok(),
    );
    let (programme, set_programme) = form.map(
        |p| id_text(p.programme),
        |p, v| p.programme = Uuid::parse_str(&v).ok(),
    );
    let (countries, set_countries) = form.list(|p| &p.countries, |p, v| p.countries = v);
    let (topics, set_topics) = form.list(|p| &p.topics, |p, v| p.topics = v);
    let (sectors, set_sectors) = form.map(
        |p| p.sectors.join(", "),
        |p, v| {
            p.sectors = v
                .split([',', ';', ' '])
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect()
        },
    );
    let funders = Signal::derive(move || form.record.with(|p| id_values(&p.funders)));
    let set_funders =
        Callback::new(move |v: Vec<String>| form.record.update(|p| p.funders = ids_from(&v)));
    let implementers = Signal::derive(move || form.record.with(|p| id_values(&p.implementers)));
    let set_implementers =
        Callback::new(move |v: Vec<String>| form.record.update(|p| p.implementers = ids_from(&v)));
    // Projects already recorded that this one may be (same identifier, or same title where
    // and when it runs): said before saving, the person decides.
    let duplicates = Signal::derive(move || {
        let all = all.get().and_then(Result::ok).unwrap_or_default();
        form.record.with(|p| {
            let found = possible_duplicates((id, p), all.iter().map(|o| (o.id, &o.record)));
            all.iter()
                .filter(|o| found.contains(&o.id))
                .map(|o| (o.id, o.record.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match parse_budget(&budget_text.get_untracked()) {
            Ok(b) => form.record.update(|p| p.budget = b),
            Err(message) => {
                let mut e = form
                    .record
                    .with_untracked(Project::validate)
                    .err()
                    .unwrap_or_default();
                e.0.retain(|f| f.field != "budget");
                e.add_worded("budget", message.to_owned());
                form.errors.set(e);
                return;
            }
        }
        form.save(
            RecordKind::Project,
            id,
            Project::validate,
            Section::Projects.href(View::Detail(id)),
        );
    };
    let no_countries: Vec<(String, String)> = ref_options("country", COUNTRIES);
    let accountable_options = orgs.clone();
    let implementer_options = orgs.clone();
    view! {
        <form class="record-form" on:submit=save novalidate>
            <TextField label=label("title") name="title" required=true value=title on_input=set_title error=form.error("title")/>
            <TextField label=label("identifier") name="identifier" hint=t(msg::PROJECT_HINT_IDENTIFIER)
                value=identifier on_input=set_identifier error=form.error("identifier")/>
            <SelectField label=label("status") name="status" options=enum_options(ProjectStatus::ALL)
                value=status on_change=set_status error=form.error("status")/>
            <TextField label=label("starts") name="starts" kind="date" value=starts on_input=set_starts error=form.error("starts")/>
            <TextField label=label("ends") name="ends" kind="date" hint=t(msg::PROJECT_HINT_ENDS)
                value=ends on_input=set_ends error=form.error("ends")/>
            <SelectField label=label("accountable") name="accountable" none_label=t(msg::CHOOSE_OPTION) options=accountable_options
                value=accountable on_change=set_accountable error=form.error("accountable")/>
            <CheckboxGroup label=label("funders") name="funders" options=orgs
                value=funders on_change=set_funders error=form.error("funders")/>
            <details>
                <summary>{label("implementers")}</summary>
                <CheckboxGroup label=label("implementers") name="implementers" options=implementer_options
                    value=implementers on_change=set_implementers error=form.error("implementers")/>
            </details>
            <CheckboxGroup label=label("countries") name="countries" options=no_countries
                value=countries on_change=set_countries error=form.error("countries")/>
            <CheckboxGroup label=label("topics") name="topics" options=topic_options()
                value=topics on_change=set_topics error=form.error("topics")/>
            <TextField label=label("sectors") name="sectors" hint=t(msg::PROJECT_HINT_SECTORS)
                value=sectors on_input=set_sectors error=form.error("sectors")/>
            <TextField label=label("budget") name="budget" hint=t(msg::PROJECT_HINT_BUDGET)
                value=budget_text on_input=Callback::new(move |v| budget_text.set(v)) error=form.error("budget")/>
            <TextField label=label("currency") name="currency" hint=t(msg::PROJECT_HINT_CURRENCY)
                value=currency on_input=set_currency error=form.error("currency")/>
            <SelectField label=label("programme") name="programme" none_label=t(msg::NONE_OPTION) options=programmes
                value=programme on_change=set_programme error=form.error("programme")/>
            <TextArea label=label("description") name="description" value=description on_input=set_description error=form.error("description")/>
            <TextArea label=label("source") name="source" value=source on_input=set_source error=form.error("source")/>
            <Show when=move || duplicates.with(|d| !d.is_empty())>
                <div class="attention" role="status" data-testid="duplicate-warning">
                    {move || linked::linked(msg::PROJECT_MAY_BE_RECORDED, &["projects"], |_| {
                        duplicates.get().into_iter().enumerate().map(|(i, (id, title))| view! {
                            {(i > 0).then_some(", ")}<a href=Section::Projects.href(View::Detail(id))>{title}</a>
                        }).collect_view()
                    })}
                </div>
            </Show>
            <SaveBar errors=form.errors problem=form.problem cancel="/projects".into()/>
        </form>
    }
}

/// What forms call a field of this kind (its field table's label).
fn label(field: &'static str) -> &'static str {
    crate::i18n::field_label(RecordKind::Project, field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn budgets_are_read_with_their_separators() {
        assert_eq!(parse_budget(""), Ok(None));
        assert_eq!(parse_budget("1,250,000"), Ok(Some(1_250_000)));
        assert_eq!(parse_budget("1 250 000"), Ok(Some(1_250_000)));
        assert!(parse_budget("1.2m").is_err());
        assert!(parse_budget("-5").is_err());
    }
}
