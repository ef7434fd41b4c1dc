//! Who funds what, where: the live projects as a table of countries by topics. A cell names
//! the funders working there on that topic; a cell where two projects of different funders
//! overlap in time is marked; an empty cell is a gap. Built on the device from the projects
//! it holds, so it works offline.

use std::collections::{BTreeSet, HashMap};

use leptos::prelude::*;
use tradewinds_shared::projects::{funding_map, overlap, Cell};
use tradewinds_shared::reference::{CARTAC_MEMBERS_2012, TOPICS};

use crate::i18n::{country_name, topic_label};
use tradewinds_shared::{export, Organisation, Project, RecordKind};
use uuid::Uuid;

use super::{failed, loading};
use crate::catalogue::{records_of, Typed};
use crate::components::list::DownloadCsv;
use crate::route::{Section, View};

/// An organisation's short name for a crowded table: its acronym, else its name.
fn short_names(orgs: &[Typed<Organisation>]) -> HashMap<Uuid, String> {
    orgs.iter()
        .map(|o| {
            let r = &o.record;
            let short = if r.acronym.is_empty() {
                &r.name
            } else {
                &r.acronym
            };
            (o.id, short.clone())
        })
        .collect()
}

#[component]
pub fn FundingPage() -> impl IntoView {
    let projects = records_of::<Project>(RecordKind::Project);
    let orgs = records_of::<Organisation>(RecordKind::Organisation);
    view! {
        <h1>"Who funds what, where"</h1>
        <p class="lead">
            "Projects planned or under way, by country and topic. A marked cell is possible duplication: "
            "projects of different funders on the same topic in the same country at the same time. "
            "An empty cell is a gap no project covers."
        </p>
        {move || match (projects.get(), orgs.get()) {
            (None, _) | (_, None) => loading(),
            (Some(Err(e)), _) | (_, Some(Err(e))) => failed(e),
            (Some(Ok(projects)), Some(Ok(orgs))) => view! { <Funding projects=projects.to_vec() orgs=orgs.to_vec()/> }.into_any(),
        }}
    }
}

#[component]
fn Funding(projects: Vec<Typed<Project>>, orgs: Vec<Typed<Organisation>>) -> impl IntoView {
    let short = short_names(&orgs);
    let pairs: Vec<(Uuid, &Project)> = projects.iter().map(|p| (p.id, &p.record)).collect();
    let map = funding_map(&pairs);
    let live = projects
        .iter()
        .filter(|p| p.record.status.is_live())
        .count();
    if live == 0 {
        return view! {
            <p data-testid="funding-empty">
                "No project planned or under way is recorded yet. "<a href="/projects/new">"Add a project"</a>
                " to see who funds what, where."
            </p>
        }
        .into_any();
    }
    // Rows: the CARTAC members, and any other country a live project names.
    let countries: BTreeSet<String> = CARTAC_MEMBERS_2012
        .iter()
        .map(|c| (*c).to_owned())
        .chain(map.keys().cloned())
        .collect();
    let mut countries: Vec<(String, &'static str)> = countries
        .into_iter()
        .map(|c| {
            let name = country_name(&c).unwrap_or("?");
            (c, name)
        })
        .collect();
    countries.sort_by_key(|c| c.1);
    let uncovered = countries
        .iter()
        .filter(|(c, _)| !map.contains_key(c))
        .count();
    let overlaps = overlapping_pairs(&projects);
    let csv = {
        let (map, countries, short) = (map.clone(), countries.clone(), short.clone());
        Callback::new(move |()| {
            export::funding_table(&map, &countries, |cell| {
                cell.funders
                    .iter()
                    .map(|f| short.get(f).cloned().unwrap_or_else(|| "?".into()))
                    .collect()
            })
        })
    };
    let cell_view = |cell: Option<&Cell<Uuid>>, country: &str, topic: &str| match cell {
        None => {
            view! { <td class="gap"><span class="visually-hidden">"none"</span></td> }.into_any()
        }
        Some(cell) => {
            let mut funders: Vec<String> = cell
                .funders
                .iter()
                .map(|f| short.get(f).cloned().unwrap_or_else(|| "?".into()))
                .collect();
            funders.sort();
            let title = format!(
                "{} project{} in {country} on {topic}",
                cell.projects.len(),
                if cell.projects.len() == 1 { "" } else { "s" }
            );
            view! {
                <td class:overlap=cell.overlap title=title data-testid="funding-cell">
                    {cell.overlap.then(|| view! { <strong>"Overlap: "</strong> })}
                    {funders.join(", ")}
                </td>
            }
            .into_any()
        }
    };
    view! {
        <p role="status" data-testid="funding-summary">
            {format!(
                "{live} live project{} · {} possible duplication{} · {uncovered} of {} countries shown with no live project",
                if live == 1 { "" } else { "s" },
                overlaps.len(),
                if overlaps.len() == 1 { "" } else { "s" },
                countries.len(),
            )}
        </p>
        <DownloadCsv name="funding" csv=csv/>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Funders by country and topic">
            <table class="funding">
                <caption>"Funders of live projects, by country (rows) and topic (columns)"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Country"</th>
                        {TOPICS.iter().map(|(_, label, _)| view! { <th scope="col">{*label}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {countries.iter().map(|(code, name)| {
                        let row = map.get(code);
                        view! {
                            <tr data-testid="funding-row">
                                <th scope="row">{*name}</th>
                                {TOPICS.iter().map(|(t, label, _)| cell_view(row.and_then(|r| r.get(*t)), name, label)).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <h2>"Possible duplication"</h2>
        {if overlaps.is_empty() {
            view! { <p>"None: no two live projects of different funders share a country, a topic and their dates."</p> }.into_any()
        } else {
            view! {
                <ul class="records" data-testid="overlap-list">
                    {overlaps.into_iter().map(|(a, b, what)| view! {
                        <li>
                            <a href=Section::Projects.href(View::Detail(a.0))>{a.1}</a>" and "<a href=Section::Projects.href(View::Detail(b.0))>{b.1}</a>
                            <span class="meta">{what}</span>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
    .into_any()
}

type Named = (Uuid, String);

/// Each pair of overlapping projects once, with where and on what they overlap.
fn overlapping_pairs(projects: &[Typed<Project>]) -> Vec<(Named, Named, String)> {
    let mut pairs = Vec::new();
    for (i, a) in projects.iter().enumerate() {
        for b in &projects[i + 1..] {
            if let Some(o) = overlap(&a.record, &b.record) {
                let countries: Vec<&str> = o
                    .countries
                    .iter()
                    .map(|c| country_name(c).unwrap_or(c))
                    .collect();
                let topics: Vec<&str> = o.topics.iter().filter_map(|t| topic_label(t)).collect();
                pairs.push((
                    (a.id, a.record.title.clone()),
                    (b.id, b.record.title.clone()),
                    format!("{} · {}", countries.join(", "), topics.join(", ")),
                ));
            }
        }
    }
    pairs
}
