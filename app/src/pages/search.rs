//! Search across every kind of record on this device (offline too): organisations, contacts,
//! training tools, meetings, action items, missions and projects, best answers first. The
//! query is kept in the address (`/search?q=…`), so Back and a reload keep it.

use std::collections::HashMap;

use std::sync::Arc;

use leptos::prelude::*;
use tradewinds_shared::documents::Document;
use tradewinds_shared::search::{Found, Query, Searchable};
use tradewinds_shared::{
    ActionItem, Contact, Meeting, Mission, Organisation, Project, RecordKind, TrainingTool,
};
use uuid::Uuid;

use super::{failed, loading};
use crate::catalogue::{records_of, Typed};
use crate::components::list::rows_by_frames;
use crate::components::pickers::display_names;
use crate::i18n::{msg, t, tf};
use crate::loaded::Loaded;
use crate::route::{Section, View};

/// One record as the search reads it: its kind, what it is called and its text (prepared
/// once per data change), and where it is shown.
#[derive(Clone, Debug, PartialEq)]
struct Entry {
    kind: RecordKind,
    found: Found,
    href: String,
}

/// The results shown at most; the count says how many there are.
const SHOWN: usize = 100;

/// The `q` parameter of the address.
fn query_in_address() -> String {
    let search = window().location().search().unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get("q"))
        .unwrap_or_default()
}

/// Keeps the query in the address without adding a history entry per keystroke.
fn set_query_in_address(q: &str) {
    let encoded: String = js_sys::encode_uri_component(q).into();
    let url = if q.is_empty() {
        "/search".to_owned()
    } else {
        format!("/search?q={encoded}")
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Every kind's records, read once per data change.
struct Everything {
    orgs: Loaded<Result<Arc<Vec<Typed<Organisation>>>, String>>,
    contacts: Loaded<Result<Arc<Vec<Typed<Contact>>>, String>>,
    tools: Loaded<Result<Arc<Vec<Typed<TrainingTool>>>, String>>,
    meetings: Loaded<Result<Arc<Vec<Typed<Meeting>>>, String>>,
    actions: Loaded<Result<Arc<Vec<Typed<ActionItem>>>, String>>,
    missions: Loaded<Result<Arc<Vec<Typed<Mission>>>, String>>,
    projects: Loaded<Result<Arc<Vec<Typed<Project>>>, String>>,
    documents: Loaded<Result<Arc<Vec<Typed<Document>>>, String>>,
}

impl Everything {
    fn new() -> Everything {
        Everything {
            orgs: records_of(RecordKind::Organisation),
            contacts: records_of(RecordKind::Contact),
            tools: records_of(RecordKind::TrainingTool),
            meetings: records_of(RecordKind::Meeting),
            actions: records_of(RecordKind::ActionItem),
            missions: records_of(RecordKind::Mission),
            projects: records_of(RecordKind::Project),
            documents: records_of(RecordKind::Document),
        }
    }

    /// Every record made ready for searching, by title; `None` while any kind is still
    /// being read.
    fn entries(&self) -> Option<Result<Vec<Entry>, String>> {
        let orgs = self.orgs.get()?;
        let contacts = self.contacts.get()?;
        let tools = self.tools.get()?;
        let meetings = self.meetings.get()?;
        let actions = self.actions.get()?;
        let missions = self.missions.get()?;
        let projects = self.projects.get()?;
        let documents = self.documents.get()?;
        Some((|| {
            let (orgs, contacts, tools) = (orgs?, contacts?, tools?);
            let (meetings, actions, missions, projects) =
                (meetings?, actions?, missions?, projects?);
            let documents = documents?;
            let names = display_names(&orgs);
            let name =
                |id: &Option<Uuid>| id.and_then(|i| names.get(&i).cloned()).unwrap_or_default();
            let names_of = |ids: &[Uuid]| {
                ids.iter()
                    .filter_map(|i| names.get(i).cloned())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let titles: HashMap<Uuid, String> = meetings
                .iter()
                .map(|m| (m.id, m.record.title.clone()))
                .chain(missions.iter().map(|m| (m.id, m.record.title.clone())))
                .collect();
            let mut entries = Vec::new();
            let mut add = |kind, record: &dyn Searchable, related: String, href: String| {
                entries.push(Entry {
                    kind,
                    found: Found::new(record, &related),
                    href,
                });
            };
            for o in orgs.iter() {
                add(
                    RecordKind::Organisation,
                    &o.record,
                    String::new(),
                    Section::Organisations.href(View::Detail(o.id)),
                );
            }
            for c in contacts.iter() {
                let Some(org) = c.record.organisation else {
                    continue;
                };
                add(
                    RecordKind::Contact,
                    &c.record,
                    name(&c.record.organisation),
                    Section::Organisations.href(View::Detail(org)),
                );
            }
            for t in tools.iter() {
                add(
                    RecordKind::TrainingTool,
                    &t.record,
                    name(&t.record.provider),
                    Section::Training.href(View::Detail(t.id)),
                );
            }
            for m in meetings.iter() {
                add(
                    RecordKind::Meeting,
                    &m.record,
                    name(&m.record.organiser),
                    Section::Meetings.href(View::Detail(m.id)),
                );
            }
            for a in actions.iter() {
                let r = &a.record;
                let href = match (r.meeting, r.mission) {
                    (Some(m), _) => Section::Meetings.href(View::Detail(m)),
                    (None, Some(m)) => Section::Missions.href(View::Detail(m)),
                    (None, None) => "/actions".to_owned(),
                };
                let origin = r
                    .meeting
                    .or(r.mission)
                    .and_then(|m| titles.get(&m).cloned())
                    .unwrap_or_default();
                let related = format!("{} {} {origin}", name(&r.owner), names_of(&r.co_owners));
                add(RecordKind::ActionItem, r, related, href);
            }
            for m in missions.iter() {
                let related = format!(
                    "{} {}",
                    name(&m.record.provider),
                    name(&m.record.beneficiary)
                );
                add(
                    RecordKind::Mission,
                    &m.record,
                    related,
                    Section::Missions.href(View::Detail(m.id)),
                );
            }
            for p in projects.iter() {
                let r = &p.record;
                let related = format!(
                    "{} {} {}",
                    name(&r.accountable),
                    names_of(&r.funders),
                    names_of(&r.implementers)
                );
                add(
                    RecordKind::Project,
                    r,
                    related,
                    Section::Projects.href(View::Detail(p.id)),
                );
            }
            for d in documents.iter() {
                let r = &d.record;
                // Found on the page it belongs to; one that belongs nowhere opens itself.
                let href = match (r.meeting, r.mission, r.project) {
                    (Some(m), _, _) => Section::Meetings.href(View::Detail(m)),
                    (None, Some(m), _) => Section::Missions.href(View::Detail(m)),
                    (None, None, Some(p)) => Section::Projects.href(View::Detail(p)),
                    (None, None, None) => r.url.clone(),
                };
                add(RecordKind::Document, r, name(&r.publisher), href);
            }
            entries.sort_by(|a, b| a.found.title.cmp(&b.found.title));
            Ok(entries)
        })())
    }
}

/// What a query found: the positions in `entries` of the best `SHOWN` records, best
/// first (ties by title), how many answer it in all, and all their positions (in order),
/// among which a query that narrows it looks (`Query::narrows`).
struct Answer {
    query: Query,
    shown: Vec<u32>,
    total: usize,
    all: Vec<u32>,
}

/// What an answer shows, if there is one: its results and their count.
fn shown(answer: Option<&Option<Arc<Answer>>>) -> Option<(&[u32], usize)> {
    let a = answer?.as_deref()?;
    Some((&a.shown, a.total))
}

/// The records of `entries` that answer `query`, looking only among what `earlier` found
/// when `query` narrows it (typing on), else at every record.
fn best(entries: &[Entry], query: Query, earlier: Option<&Answer>) -> Answer {
    let score = |i: u32| {
        Some((
            std::cmp::Reverse(entries[i as usize].found.score(&query)?),
            i,
        ))
    };
    let mut hits: Vec<(std::cmp::Reverse<u32>, u32)> = match earlier {
        Some(a) if query.narrows(&a.query) => a.all.iter().copied().filter_map(score).collect(),
        _ => (0..entries.len() as u32).filter_map(score).collect(),
    };
    let all = hits.iter().map(|(_, i)| *i).collect();
    let total = hits.len();
    if total > SHOWN {
        hits.select_nth_unstable(SHOWN);
        hits.truncate(SHOWN);
    }
    hits.sort_unstable();
    Answer {
        shown: hits.into_iter().map(|(_, i)| i).collect(),
        total,
        all,
        query,
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = RwSignal::new(query_in_address());
    let everything = Everything::new();
    let entries = Memo::new_with_compare(
        move |_| everything.entries().map(|r| r.map(Arc::new)),
        // A new answer is always a change: the records were read again.
        |_, _| true,
    );
    // Changes only when the box becomes empty or stops being empty, not at each keystroke.
    let typed = Memo::new(move |_| query.with(|q| !q.trim().is_empty()));
    view! {
        <h1>{t(msg::NAV_SEARCH)}</h1>
        <div class="filters" role="search">
            <div class="field">
                <label for="search">{t(msg::SEARCH_EVERYTHING_HERE)}</label>
                <input id="search" type="search" data-testid="search" autofocus=true
                    placeholder=t(msg::SEARCH_PLACEHOLDER)
                    prop:value=move || query.get()
                    on:input=move |ev| {
                        let q = event_target_value(&ev);
                        set_query_in_address(&q);
                        query.set(q);
                    }/>
            </div>
        </div>
        {move || match (typed.get(), entries.get()) {
            // Nothing typed yet: what can be found, without waiting for the records.
            (false, _) => intro(),
            (true, None) => loading(),
            (true, Some(Err(e))) => failed(e),
            (true, Some(Ok(entries))) => results(entries, query),
        }}
    }
}

fn intro() -> AnyView {
    view! { <p class="meta">{t(msg::SEARCH_INTRO)}</p> }.into_any()
}

/// What `query` finds in `entries`: how many, and the best `SHOWN` (`rows_by_frames`: a
/// result still shown after a keystroke stays on screen as it is).
fn results(entries: Arc<Vec<Entry>>, query: RwSignal<String>) -> AnyView {
    let found = {
        let entries = entries.clone();
        // The answer before, which a query typed on from it searches within.
        let before: StoredValue<Option<Arc<Answer>>> = StoredValue::new(None);
        Memo::new_with_compare(
            move |_| {
                let q = Query::new(&query.get());
                let answer = (!q.is_empty())
                    .then(|| Arc::new(best(&entries, q, before.get_value().as_deref())));
                before.set_value(answer.clone());
                answer
            },
            // A change when what is shown changes, not at every keystroke.
            |a, b| shown(a) != shown(b),
        )
    };
    view! {
        {move || found.with(|f| match f {
            None => intro(),
            Some(answer) => view! {
                <p class="count" role="status">
                    {tf(msg::SEARCH_RESULTS, &[("count", answer.total.into()), ("shown", SHOWN.into()), ("more", if answer.total > SHOWN { "yes" } else { "no" }.into())])}
                </p>
            }.into_any(),
        })}
        {rows_by_frames(
            move || found.with(|f| f.as_ref().map(|a| a.shown.clone()).unwrap_or_default()),
            move |i| {
                let e = &entries[i as usize];
                view! {
                    <li data-testid="search-hit">
                        <a href=e.href.clone()>{e.found.title.clone()}</a>
                        <span class="meta">{crate::i18n::label(e.kind)}</span>
                    </li>
                }
                .into_any()
            },
        )}
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// Typed one character at a time, and with characters taken back, the answer looking
    /// among what the query before found is the answer of a search afresh.
    #[wasm_bindgen_test]
    fn typing_on_finds_what_a_search_afresh_finds() {
        let entries: Vec<Entry> = (0..400)
            .map(|i| {
                let org = Organisation {
                    name: format!("Customs department {i} of {}", ["BB", "LC", "MS"][i % 3]),
                    acronym: format!("CD{}", i % 17),
                    ..Default::default()
                };
                Entry {
                    kind: RecordKind::Organisation,
                    found: Found::new(
                        &org,
                        if i % 5 == 0 {
                            "World Customs Organization"
                        } else {
                            ""
                        },
                    ),
                    href: String::new(),
                }
            })
            .collect();
        let mut before: Option<Answer> = None;
        let typed = "customs 12 of lc";
        let steps = (1..=typed.len()).map(|n| &typed[..n]).chain([
            "customs 1",
            "customs 1 world",
            "cd3",
            "cd",
        ]);
        for step in steps {
            let afresh = best(&entries, Query::new(step), None);
            let on = best(&entries, Query::new(step), before.as_ref());
            assert_eq!(
                (&on.shown, on.total),
                (&afresh.shown, afresh.total),
                "{step}"
            );
            assert_eq!(on.all, afresh.all, "{step}");
            before = Some(on);
        }
        assert!(before.is_some_and(|a| a.total > 0));
    }
}
