//! Who funds what, where: the live projects as a table of countries by topics. A cell names
//! the funders working there on that topic; a cell where two projects of different funders
//! overlap in time is marked; an empty cell is a gap. Built on the device from the projects
//! it holds, so it works offline.

use std::collections::{BTreeSet, HashMap};

use leptos::prelude::*;
use tradewinds_shared::projects::{funding_map, overlap, Cell};
use tradewinds_shared::reference::{CARTAC_MEMBERS_2012, TOPICS};

use crate::i18n::{country_name, msg, t, tf, topic_label};
use tradewinds_shared::{export, Organisation, Project, RecordKind};
use uuid::Uuid;

use super::projects::linked::linked;
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
        <h1>{t(msg::FUNDING_TITLE)}</h1>
        <p class="lead">{t(msg::FUNDING_LEAD)}</p>
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
                {linked(msg::FUNDING_EMPTY, &["add"], |_| view! {
                    <a href="/projects/new">{t(msg::FUNDING_EMPTY_ADD)}</a>
                })}
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
            export::funding_table(crate::i18n::words(), &map, &countries, |cell| {
                cell.funders
                    .iter()
                    .map(|f| short.get(f).cloned().unwrap_or_else(|| "?".into()))
                    .collect()
            })
        })
    };
    let cell_view = |cell: Option<&Cell<Uuid>>, country: &str, topic: &str| match cell {
        None => view! {
            <td class="gap"><span class="visually-hidden">{t(msg::FUNDING_GAP)}</span></td>
        }
        .into_any(),
        Some(cell) => {
            let mut funders: Vec<String> = cell
                .funders
                .iter()
                .map(|f| short.get(f).cloned().unwrap_or_else(|| "?".into()))
                .collect();
            funders.sort();
            let title = tf(
                msg::FUNDING_CELL,
                &[
                    ("count", cell.projects.len().into()),
                    ("country", country.into()),
                    ("topic", topic.into()),
                ],
            );
            view! {
                <td class:overlap=cell.overlap title=title data-testid="funding-cell">
                    {cell.overlap.then(|| view! { <strong>{t(msg::FUNDING_OVERLAP)}</strong>" " })}
                    {funders.join(", ")}
                </td>
            }
            .into_any()
        }
    };
    view! {
        <p role="status" data-testid="funding-summary">
            {tf(
                msg::FUNDING_SUMMARY,
                &[
                    ("live", live.into()),
                    ("overlaps", overlaps.len().into()),
                    ("uncovered", uncovered.into()),
                    ("countries", countries.len().into()),
                ],
            )}
        </p>
        <DownloadCsv name="funding" csv=csv/>
        <div class="table-scroll" tabindex="0" role="region" aria-label=t(msg::FUNDING_TABLE)>
            <table class="funding">
                <caption>{t(msg::FUNDING_CAPTION)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(msg::FILTER_COUNTRY)}</th>
                        {TOPICS.iter().map(|(code, label, _)| view! { <th scope="col">{topic_label(code).unwrap_or(*label)}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {countries.iter().map(|(code, name)| {
                        let row = map.get(code);
                        view! {
                            <tr data-testid="funding-row">
                                <th scope="row">{*name}</th>
                                {TOPICS.iter().map(|(code, label, _)| {
                                    let topic = topic_label(code).unwrap_or(*label);
                                    cell_view(row.and_then(|r| r.get(*code)), name, topic)
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <h2>{t(msg::PROJECT_POSSIBLE_DUPLICATION)}</h2>
        {if overlaps.is_empty() {
            view! { <p>{t(msg::FUNDING_NO_OVERLAP)}</p> }.into_any()
        } else {
            view! {
                <ul class="records" data-testid="overlap-list">
                    {overlaps.into_iter().map(|(a, b, what)| view! {
                        <li>
                            {linked(msg::FUNDING_PAIR, &["first", "second"], |i| {
                                let (id, title) = if i == 0 { a.clone() } else { b.clone() };
                                view! { <a href=Section::Projects.href(View::Detail(id))>{title}</a> }
                            })}
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
