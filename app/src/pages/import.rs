//! Import from a spreadsheet: a CSV file of organisations, contacts, training tools, action
//! items or projects, an IATI activity file of projects, or a copy of the whole catalogue
//! (`shared::backup`), read on this device (offline too) and shown as a plan — what will be
//! added, what will change and how, what is refused and why — before anything is written.
//! Confirmed, the rows are stored as ordinary edits in one write (all or none) and sync
//! like any other (`shared::import`).

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use tradewinds_shared::import::{ImportError, Plan, Planned, IMPORTABLE};
use tradewinds_shared::reference::COUNTRIES;
use tradewinds_shared::validation::iati_org_identifier_problem;
use tradewinds_shared::RecordKind;
use wasm_bindgen::JsCast;

use tradewinds_shared::i18n::Msg;

use crate::catalogue::{allowed, use_actor, use_catalogue};
use crate::db::{new_id, EditError};
use crate::i18n::{lang, msg, t, tf};
use crate::route::{Section, View};

mod reading;
use reading::{plan_file, Progress};

/// Where the import is: nothing chosen yet, reading, a plan to confirm, writing, done.
#[derive(Clone)]
enum Step {
    Choose,
    Reading,
    Failed(String),
    Planned(Arc<Plan>),
    Writing(Arc<Plan>),
    Done { changed: usize },
}

/// "Training tools" for `training_tools`.
fn kind_name(kind: RecordKind) -> String {
    tf(msg::IMPORT_KIND, &[("kind", kind.plural().into())])
}

/// What the address names (`/import?kind=projects`, `?kind=catalogue`), or organisations.
fn source_from_address() -> Source {
    let search = window().location().search().unwrap_or_default();
    let named = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get("kind"));
    if named.as_deref() == Some(COPY) {
        return Source::Copy;
    }
    Source::Csv(
        named
            .and_then(|k| RecordKind::from_plural(&k))
            .filter(|k| IMPORTABLE.contains(k))
            .unwrap_or(RecordKind::Organisation),
    )
}

/// The file's bytes, read by the browser.
async fn file_bytes(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| {
            e.as_string()
                .unwrap_or_else(|| t(msg::IMPORT_FILE_UNREADABLE).into())
        })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// What the file is read as: a CSV file of one kind, IATI activity XML (projects), or a
/// copy of the whole catalogue.
#[derive(Clone, Debug, PartialEq)]
enum Source {
    Csv(RecordKind),
    /// Activities in this country, or (none) that touch the region.
    Iati(Option<String>),
    Copy,
}

impl Source {
    /// The one kind the file holds (a copy holds every kind).
    fn kind(&self) -> Option<RecordKind> {
        match self {
            Source::Csv(kind) => Some(*kind),
            Source::Iati(_) => Some(RecordKind::Project),
            Source::Copy => None,
        }
    }
}

/// The `value` of the IATI choice in "The file holds".
const IATI: &str = "iati";

/// The `value` of the catalogue copy's choice, and its `kind` in the address.
pub const COPY: &str = "catalogue";

/// The largest file the import reads (as the server's `POST /api/v1/import`).
const MAX_FILE_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

#[component]
pub fn ImportPage() -> impl IntoView {
    // Kept for the callbacks: contexts are not read inside async work.
    let cat = StoredValue::new_local(use_catalogue());
    let actor = use_actor();
    let source = RwSignal::new(source_from_address());
    let kind = Memo::new(move |_| source.with(Source::kind));
    let step = RwSignal::new(Step::Choose);
    let progress = RwSignal::new(None::<Progress>);
    let file_name = RwSignal::new(String::new());
    // The file's bytes, kept to check the file again once missing organisations are added.
    let kept = StoredValue::new_local(None::<Rc<Vec<u8>>>);
    let check = move |bytes: Vec<u8>| {
        let bytes = Rc::new(bytes);
        kept.set_value(Some(bytes.clone()));
        step.set(Step::Reading);
        progress.set(None);
        let source = source.get_untracked();
        let (cat, actor) = (cat.get_value(), actor.get_untracked());
        spawn_local(async move {
            // Let "Reading…" show before the work starts.
            gloo_timers::future::TimeoutFuture::new(0).await;
            let planned = plan_file(cat, actor, source, &bytes, progress).await;
            step.set(match planned {
                Ok(plan) => Step::Planned(Arc::new(plan)),
                Err(e) => Step::Failed(e),
            });
        });
    };
    // Adds the organisations the file names and the device lacks, by name (and the IATI
    // organisation identifier an IATI file gives, where it is one), then checks the file
    // again.
    let add_missing = move |names: Vec<(String, Option<String>)>| {
        let cat = cat.get_value();
        let Some(user) = cat.user() else {
            return;
        };
        step.set(Step::Reading);
        spawn_local(async move {
            let rows = names
                .into_iter()
                .map(|(name, identifier)| {
                    let mut fields = serde_json::Map::new();
                    fields.insert("name".into(), name.into());
                    if let Some(r) = identifier.filter(|r| iati_org_identifier_problem(r).is_none())
                    {
                        fields.insert("iati_identifier".into(), r.into());
                    }
                    (RecordKind::Organisation, new_id(), fields)
                })
                .collect();
            match cat.db.edit_many(&user, rows).await {
                Ok(_) => {
                    crate::sync::local_write(&cat).await;
                    if let Some(bytes) = kept.get_value() {
                        check(bytes.to_vec());
                    }
                }
                Err(e) => step.set(Step::Failed(tf(
                    msg::IMPORT_ORGS_NOT_ADDED,
                    &[("error", e.to_string().as_str().into())],
                ))),
            }
        });
    };
    let may_add_orgs = allowed(|a| a.may_create(RecordKind::Organisation));
    let choose = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        file_name.set(file.name());
        if file.size() > MAX_FILE_BYTES {
            step.set(Step::Failed(tf(
                msg::IMPORT_FILE_TOO_BIG,
                &[(
                    "size",
                    lang().tenths(file.size() / 1024.0 / 1024.0).as_str().into(),
                )],
            )));
            return;
        }
        step.set(Step::Reading);
        spawn_local(async move {
            match file_bytes(file).await {
                Ok(bytes) => check(bytes),
                Err(e) => step.set(Step::Failed(e)),
            }
        });
    };
    let reset = move || {
        step.set(Step::Choose);
        file_name.set(String::new());
        if let Some(input) = document()
            .get_element_by_id("import-file")
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_value("");
        }
    };
    let confirm = move |plan: Arc<Plan>| {
        let cat = cat.get_value();
        let Some(user) = cat.user() else {
            step.set(Step::Failed(t(msg::IMPORT_SIGN_IN_FIRST).into()));
            return;
        };
        step.set(Step::Writing(plan.clone()));
        spawn_local(async move {
            let rows = plan
                .creates
                .iter()
                .chain(&plan.updates)
                .map(|p| (p.kind, p.id, p.set.clone()))
                .collect();
            match cat.db.edit_many(&user, rows).await {
                Ok(changed) => {
                    crate::sync::local_write(&cat).await;
                    step.set(Step::Done { changed });
                }
                Err(e) => step.set(Step::Failed(match e {
                    EditError::Denied(d) => crate::i18n::problem(&d.problem),
                    e => tf(
                        msg::IMPORT_NOTHING_IMPORTED,
                        &[("error", e.to_string().as_str().into())],
                    ),
                })),
            }
        });
    };
    view! {
        <h1>{t(msg::IMPORT_FROM_SPREADSHEET)}</h1>
        <p class="lead">{t(msg::IMPORT_LEAD)}</p>
        <div class="filters">
            <div class="field">
                <label for="import-kind">{t(msg::IMPORT_FILE_HOLDS)}</label>
                <select id="import-kind" data-testid="import-kind"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let chosen = if value == IATI {
                            Some(Source::Iati(None))
                        } else if value == COPY {
                            Some(Source::Copy)
                        } else {
                            RecordKind::from_plural(&value).map(Source::Csv)
                        };
                        if let Some(chosen) = chosen {
                            source.set(chosen);
                            reset();
                        }
                    }>
                    {IMPORTABLE.iter().map(|&k| view! {
                        <option value=k.plural() selected=move || source.get() == Source::Csv(k)>{kind_name(k)}</option>
                    }).collect_view()}
                    <option value=IATI selected=move || matches!(source.get(), Source::Iati(_))>{t(msg::IMPORT_IATI_OPTION)}</option>
                    <option value=COPY selected=move || source.get() == Source::Copy>{t(msg::IMPORT_COPY_OPTION)}</option>
                </select>
            </div>
            {move || matches!(source.get(), Source::Iati(_)).then(|| view! {
                <div class="field">
                    <label for="import-country">{t(msg::IMPORT_ACTIVITIES_IN)}</label>
                    <select id="import-country" data-testid="import-country"
                        on:change=move |ev| {
                            let code = event_target_value(&ev);
                            source.set(Source::Iati(Some(code).filter(|c| !c.is_empty())));
                            reset();
                        }>
                        <option value="">{t(msg::IMPORT_REGION)}</option>
                        {COUNTRIES.iter().map(|(code, name)| view! {
                            <option value=*code>{crate::i18n::country_name(code).unwrap_or(name)}</option>
                        }).collect_view()}
                    </select>
                </div>
            })}
            <div class="field">
                <label for="import-file">{t(msg::IMPORT_FILE)}</label>
                <input id="import-file" data-testid="import-file" type="file"
                    accept=".csv,.txt,.xml,.json,text/csv,text/plain,application/xml,text/xml,application/json" on:change=choose/>
            </div>
        </div>
        <p class="hint">
            {move || match source.get() {
                // The examples are column headers, which CSV files keep in English.
                Source::Csv(kind) => tf(msg::IMPORT_HINT_CSV, &[(
                    "examples",
                    kind.fields().iter().take(3).map(|f| f.label).collect::<Vec<_>>().join(", ").as_str().into(),
                )]),
                Source::Iati(_) => t(msg::IMPORT_HINT_IATI).to_owned(),
                Source::Copy => t(msg::IMPORT_HINT_COPY).to_owned(),
            }}
        </p>
        {move || match step.get() {
            Step::Choose => ().into_any(),
            Step::Reading => view! {
                <p class="loading" role="status">
                    {move || match progress.get() {
                        Some((doing, done, of)) if of > 0 => tf(doing, &[
                            ("file", (&file_name.get()).into()),
                            ("percent", (done * 100 / of).into()),
                        ]),
                        _ => tf(msg::IMPORT_READING, &[("file", (&file_name.get()).into())]),
                    }}
                </p>
            }.into_any(),
            Step::Failed(e) => view! {
                <p class="error" role="alert" data-testid="import-error">{e}</p>
            }.into_any(),
            Step::Planned(plan) => {
                let confirm_plan = plan.clone();
                let missing = plan.missing.clone();
                view! {
                    {(!missing.is_empty()).then(|| {
                        let names: Vec<(String, Option<String>)> = missing
                            .iter()
                            .map(|n| (n.clone(), plan.missing_identifiers.get(n).cloned()))
                            .collect();
                        view! {
                            <div class="notice" data-testid="import-missing">
                                <p>{tf(msg::IMPORT_MISSING, &[
                                    ("count", missing.len().into()),
                                    ("names", missing.join(", ").as_str().into()),
                                ])}</p>
                                <Show when=move || may_add_orgs.get()
                                    fallback=|| view! { <p>{t(msg::IMPORT_ASK_COORDINATOR)}</p> }>
                                    <button type="button" data-testid="import-add-missing"
                                        on:click={
                                            let names = names.clone();
                                            move |_| add_missing(names.clone())
                                        }>
                                        {t(msg::IMPORT_ADD_MISSING)}
                                    </button>
                                </Show>
                            </div>
                        }
                    })}
                    <PlanView plan=plan kind=kind.get_untracked()/>
                    <p class="actions">
                        <button type="button" data-testid="import-confirm"
                            disabled=confirm_plan.creates.is_empty() && confirm_plan.updates.is_empty()
                            on:click=move |_| confirm(confirm_plan.clone())>
                            {tf(msg::IMPORT_CONFIRM, &[("count", (confirm_plan.creates.len() + confirm_plan.updates.len()).into())])}
                        </button>
                        " "
                        <button type="button" class="secondary" on:click=move |_| reset()>{t(msg::IMPORT_CANCEL)}</button>
                    </p>
                }.into_any()
            }
            Step::Writing(plan) => view! {
                <p class="loading" role="status">
                    {tf(msg::IMPORT_WRITING, &[("count", (plan.creates.len() + plan.updates.len()).into())])}
                </p>
            }.into_any(),
            Step::Done { changed } => {
                let (href, see) = list_of(kind.get_untracked());
                view! {
                    <p class="saved" role="status" data-testid="import-done">
                        {tf(msg::IMPORT_DONE, &[("count", changed.into())])}
                    </p>
                    <p><a href=href>{t(see)}</a></p>
                }.into_any()
            }
        }}
    }
}

/// Where records of `kind` are listed, and the link that goes there (for a copy of every
/// kind, the start page).
fn list_of(kind: Option<RecordKind>) -> (String, Msg) {
    let list = |section: Section, see| (section.href(View::List), see);
    match kind {
        Some(RecordKind::ActionItem) => ("/actions".to_owned(), msg::IMPORT_SEE_FOLLOW_UP),
        // Contacts are shown on their organisations' pages.
        Some(RecordKind::Organisation | RecordKind::Contact) => {
            list(Section::Organisations, msg::IMPORT_SEE_ORGANISATIONS)
        }
        Some(RecordKind::TrainingTool) => list(Section::Training, msg::IMPORT_SEE_TRAINING_TOOLS),
        Some(RecordKind::Project) => list(Section::Projects, msg::IMPORT_SEE_PROJECTS),
        // A copy of every kind, or a kind the import does not take.
        _ => ("/".to_owned(), msg::IMPORT_SEE_START_PAGE),
    }
}

/// How many rows of each group are listed; the counts say how many there are in all.
const SHOWN: usize = 200;

#[component]
fn PlanView(plan: Arc<Plan>, kind: Option<RecordKind>) -> impl IntoView {
    let summary = tf(
        msg::IMPORT_SUMMARY,
        &[
            ("add", plan.creates.len().into()),
            ("change", plan.updates.len().into()),
            ("unchanged", plan.unchanged.into()),
            ("refused", plan.refused.len().into()),
        ],
    );
    let read: Vec<&str> = plan.columns.iter().map(|(h, _)| h.as_str()).collect();
    let read = read.join(", ");
    let columns = kind.map(|kind| {
        if plan.ignored.is_empty() {
            return tf(msg::IMPORT_COLUMNS_READ, &[("read", (&read).into())]);
        }
        let ignored = plan.ignored.join(", ");
        let args = [
            ("read", (&read).into()),
            ("kind", kind.plural().into()),
            ("ignored", (&ignored).into()),
        ];
        tf(msg::IMPORT_COLUMNS_NOT_READ, &args)
    });
    let refused = plan.refused.clone();
    // A file of one kind has rows and columns; a copy of the catalogue, records and fields.
    let rows = kind.is_some();
    let more = |n: usize| {
        (n > SHOWN).then(|| view! { <p class="more">{tf(msg::IMPORT_MORE, &[("count", (n - SHOWN).into())])}</p> })
    };
    view! {
        <p role="status" data-testid="import-summary">{summary}</p>
        {columns.map(|c| view! { <p class="meta">{c}</p> })}
        {(!plan.notes.is_empty()).then(|| view! {
            <h2>{tf(msg::IMPORT_NOT_KEPT, &[("count", plan.notes.len().into())])}</h2>
            <ul data-testid="import-notes">
                {plan.notes.iter().take(SHOWN).map(|n| view! { <li>{n.clone()}</li> }).collect_view()}
            </ul>
            {more(plan.notes.len())}
        })}
        {(!refused.is_empty()).then(|| view! {
            <h2>{tf(msg::IMPORT_REFUSED, &[("count", refused.len().into())])}</h2>
            <p>{t(if rows { msg::IMPORT_REFUSED_ROWS } else { msg::IMPORT_REFUSED_RECORDS })}</p>
            <div class="table-scroll">
                <table data-testid="import-refused">
                    <thead><tr>
                        <th>{t(if rows { msg::IMPORT_COLUMN_LINE } else { msg::IMPORT_COLUMN_RECORD })}</th>
                        <th>{t(if rows { msg::IMPORT_COLUMN_ROW } else { msg::NAME })}</th>
                        <th>{t(if rows { msg::IMPORT_COLUMN_COLUMN } else { msg::IMPORT_COLUMN_FIELD })}</th>
                        <th>{t(msg::IMPORT_COLUMN_PROBLEM)}</th>
                    </tr></thead>
                    <tbody>
                        {refused.iter().take(SHOWN).flat_map(|r| r.problems.iter().map(|p| view! {
                            <tr><td>{r.line}</td><td>{r.title.clone()}</td><td>{p.column.clone()}</td><td>{crate::i18n::problem(&p.what)}</td></tr>
                        }).collect::<Vec<_>>()).collect_view()}
                    </tbody>
                </table>
            </div>
            {more(refused.len())}
        })}
        {(!plan.creates.is_empty()).then(|| view! {
            <h2>{tf(msg::IMPORT_TO_ADD, &[("count", plan.creates.len().into())])}</h2>
            <ul data-testid="import-creates">
                {plan.creates.iter().take(SHOWN).map(|p| view! { <li>{p.title.clone()}</li> }).collect_view()}
            </ul>
            {more(plan.creates.len())}
        })}
        {(!plan.updates.is_empty()).then(|| view! {
            <h2>{tf(msg::IMPORT_TO_CHANGE, &[("count", plan.updates.len().into())])}</h2>
            <ul data-testid="import-updates">
                {plan.updates.iter().take(SHOWN).map(changed_row).collect_view()}
            </ul>
            {more(plan.updates.len())}
        })}
    }
}

fn changed_row(p: &Planned) -> impl IntoView {
    let changes: Vec<String> = p
        .changes
        .iter()
        .map(|c| format!("{}: {} → {}", c.field, c.before, c.after))
        .collect();
    view! { <li>{p.title.clone()}<span class="meta">{format!(" — {}", changes.join("; "))}</span></li> }
}

/// Why a file is not taken, in the interface's language.
fn said(e: &ImportError) -> String {
    crate::i18n::problem(&e.problem())
}
