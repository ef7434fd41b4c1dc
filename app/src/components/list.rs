//! The top of a list page: its title, the "add" link (for those who may add), and the
//! search box before the filters; its records prepared for searching once per data change;
//! its rows shown a page at a time, kept on screen while they still match; its CSV
//! download.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use tradewinds_shared::access::Role;
use tradewinds_shared::import::IMPORTABLE;
use tradewinds_shared::search::{ListFilter, Prepared, Query};
use tradewinds_shared::{Organisation, RecordKind};
use uuid::Uuid;

use crate::catalogue::{allowed, Typed};
use tradewinds_shared::i18n::Msg;

use crate::i18n::{msg, t, tf};
use crate::loaded::Loaded;
use crate::pages::{failed, loading};

#[component]
pub fn ListHead(
    title: &'static str,
    /// Where records of the list are added (none: they are added elsewhere).
    #[prop(optional)]
    add_href: Option<&'static str>,
    #[prop(optional)] add_label: &'static str,
    placeholder: &'static str,
    query: RwSignal<String>,
    /// Whether the signed-in person may add one.
    #[prop(optional, into)]
    can_add: Signal<bool>,
    /// The list's filters, shown after the search box.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="list-head">
            <h1>{title}</h1>
            {add_href.map(|href| view! {
                <Show when=move || can_add.get()>
                    <a href=href class="button">{add_label}</a>
                </Show>
            })}
        </div>
        <div class="filters" role="search">
            <div class="field">
                <label for="search">{t(msg::LIST_SEARCH)}</label>
                <input id="search" type="search" data-testid="search" placeholder=placeholder
                    prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
            </div>
            {children()}
        </div>
    }
}

/// A list's records, read from the device, with what its rows and its search need.
pub struct Listed<T> {
    /// Every live record of the list's kind, in the order read.
    pub all: Arc<Vec<Typed<T>>>,
    /// Every organisation's display name (providers, funders, parents).
    pub names: Arc<HashMap<Uuid, String>>,
    /// `all`'s search text and the list's order.
    pub index: Prepared,
}

impl<T> Listed<T> {
    /// The records `f` keeps (positions in `all`), in the list's order: what the list shows.
    pub fn shown<F: ListFilter<Record = T>>(&self, f: &F) -> Vec<u32> {
        self.index
            .matching(&Query::new(f.query()), |i| f.keeps(&self.all[i].record))
    }

    /// The name of organisation `id`, or "" (none, or not on this device).
    pub fn name(&self, id: Option<Uuid>) -> String {
        id.and_then(|i| self.names.get(&i).cloned())
            .unwrap_or_default()
    }
}

/// What a list screen reads: `None` while reading, then the records or why they could not
/// be read.
pub type ListedMemo<T> = Memo<Option<Result<Arc<Listed<T>>, String>>>;

/// `records` (with `orgs` for their names) prepared for searching: `text` is a record's
/// search text (given every organisation's name), `key` orders the list. Made again only
/// when the records change, not at each keystroke.
pub fn listed<T, K>(
    records: Loaded<Result<Arc<Vec<Typed<T>>>, String>>,
    orgs: Loaded<Result<Arc<Vec<Typed<Organisation>>>, String>>,
    text: fn(&T, &HashMap<Uuid, String>) -> Box<str>,
    key: fn(&T) -> K,
) -> ListedMemo<T>
where
    T: Clone + Send + Sync + 'static,
    K: Ord + 'static,
{
    Memo::new_with_compare(
        move |_| {
            let (all, orgs) = match (records.get()?, orgs.get()?) {
                (Ok(all), Ok(orgs)) => (all, orgs),
                (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
            };
            let names = super::pickers::display_names(&orgs);
            let index = Prepared::new(all.iter().map(|r| text(&r.record, &names)).collect(), |i| {
                key(&all[i].record)
            });
            Some(Ok(Arc::new(Listed {
                all,
                names: Arc::new(names),
                index,
            })))
        },
        // A new answer is always a change: the records were read again.
        |_, _| true,
    )
}

/// What a list screen shows below its filters: "12 of 3,000 training tools" (`count`), the download of what
/// it shows as CSV (`csv.0` names the file, `csv.1` writes it), and the rows (`row`). The
/// records shown are those `filter` (the search box and choices as they are now) keeps, in
/// the list's order, worked out again when the filter or the records change.
pub fn list_body<T, F>(
    listed: ListedMemo<T>,
    filter: impl Fn() -> F + Send + Sync + Clone + 'static,
    count: Msg,
    limit: RwSignal<usize>,
    csv: (
        &'static str,
        impl Fn(&Listed<T>, &[u32]) -> String + Send + Sync + Clone + 'static,
    ),
    row: fn(&Listed<T>, usize) -> AnyView,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    F: ListFilter<Record = T>,
{
    move || match listed.get() {
        None => loading(),
        Some(Err(e)) => failed(e),
        Some(Ok(l)) => {
            let shown = {
                let (l, filter) = (l.clone(), filter.clone());
                Memo::new(move |_| l.shown(&filter()))
            };
            let total = l.all.len();
            let (file, write) = csv.clone();
            let csv = {
                let l = l.clone();
                Callback::new(move |()| write(&l, &shown.get_untracked()))
            };
            let count = move || {
                let shown = shown.with(Vec::len);
                tf(count, &[("shown", shown.into()), ("total", total.into())])
            };
            view! {
                <p class="count" role="status">{count}</p>
                <DownloadCsv name=file csv=csv import=kind_of_file(file)/>
                {windowed(shown, limit, Arc::new(move |i| row(&l, i)))}
            }
            .into_any()
        }
    }
}

/// The kind a list's file is named after ("training-tools": training tools).
fn kind_of_file(file: &str) -> Option<RecordKind> {
    RecordKind::ALL
        .iter()
        .copied()
        .find(|k| k.plural().replace('_', "-") == file)
}

/// Rows a list shows at first, and adds each time a person asks for more: a long list
/// renders what a screen can show, not thousands of rows at every keystroke (issue 18).
pub const LIST_PAGE: usize = 100;

/// One row of a list, by the record's position in its `Listed::all`.
type Row = Arc<dyn Fn(usize) -> AnyView + Send + Sync>;

/// New rows drawn in one frame: about a phone's screenful. A keystroke that brings many
/// new rows shows the first of them in the next frame, and the rest follow this many a
/// frame, after each paint, so no frame waits for rows below the screen (issue 18).
const ROWS_A_FRAME: usize = 20;

/// The rows of the records `shown` (positions, in order), `row(i)` each: the first `limit`
/// of them, drawn by `rows_by_frames`, and a button that shows the next `LIST_PAGE`.
fn windowed(shown: Memo<Vec<u32>>, limit: RwSignal<usize>, row: Row) -> AnyView {
    let rest = move || shown.with(Vec::len).saturating_sub(limit.get());
    let wanted = move || shown.with(|s| s[..s.len().min(limit.get())].to_vec());
    view! {
        {rows_by_frames(wanted, move |i| row(i as usize))}
        {move || (rest() > 0).then(|| view! {
            <p class="more">
                <button type="button" data-testid="show-more" on:click=move |_| limit.update(|l| *l += LIST_PAGE)>
                    {tf(msg::LIST_SHOW_MORE, &[("count", rest().min(LIST_PAGE).into())])}
                </button>
                " "{tf(msg::LIST_NOT_SHOWN, &[("count", rest().into())])}
            </p>
        })}
    }
    .into_any()
}

/// A list's rows (`<ul class="records">`): one per position `wanted` gives, in its order,
/// drawn by `row`. A row still wanted after a change (a keystroke) stays on screen as it
/// is; only rows that come or go are drawn or removed, at most `ROWS_A_FRAME` new ones a
/// frame: the list is `aria-busy` until every row is drawn.
pub fn rows_by_frames(
    wanted: impl Fn() -> Vec<u32> + Send + Sync + 'static,
    row: impl Fn(u32) -> AnyView + Send + Sync + Clone + 'static,
) -> AnyView {
    // The positions drawn now, and a count bumped to draw the next new rows.
    let drawn = StoredValue::new(std::collections::HashSet::<u32>::new());
    let next = RwSignal::new(0u32);
    let busy = RwSignal::new(false);
    let each = move || {
        next.track();
        let mut fresh = 0;
        let now: Vec<u32> = drawn.with_value(|d| {
            wanted()
                .into_iter()
                .filter(|i| {
                    let new = !d.contains(i);
                    fresh += usize::from(new);
                    !new || fresh <= ROWS_A_FRAME
                })
                .collect()
        });
        drawn.set_value(now.iter().copied().collect());
        let waiting = fresh > ROWS_A_FRAME;
        if busy.get_untracked() != waiting {
            busy.set(waiting);
        }
        if waiting {
            // After this frame is painted: the frame, then a task.
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        // The list may be gone by then (another screen opened).
                        let _ = next.try_update(|n| *n = n.wrapping_add(1));
                    },
                    std::time::Duration::ZERO,
                )
            });
        }
        now
    };
    view! {
        <ul class="records" aria-busy=move || busy.get().then_some("true")>
            <For each=each key=|i| *i children=row/>
        </ul>
    }
    .into_any()
}

/// "Download as CSV": the records the list shows now (after search and filters), as a
/// spreadsheet file made on this device, so it works offline too (`shared::export`).
#[component]
pub fn DownloadCsv(
    /// The file's name before the date: "training-tools" → "training-tools-2026-11-29.csv".
    name: &'static str,
    /// The CSV text of what the list shows.
    csv: Callback<(), String>,
    /// The kind the file holds, when a file of it can be imported too: a link to the
    /// import for those who may change records.
    #[prop(optional_no_strip)]
    import: Option<RecordKind>,
) -> impl IntoView {
    let may_import = allowed(|a| a.role != Role::Viewer);
    let import = import.filter(|k| IMPORTABLE.contains(k)).map(|k| {
        let href = format!("/import?kind={}", k.plural());
        view! {
            <Show when=move || may_import.get()>
                " "<a href=href.clone() data-testid="import-link">{t(msg::IMPORT_FROM_SPREADSHEET)}</a>
            </Show>
        }
    });
    let error = RwSignal::new(None::<String>);
    let save = move |_| {
        // The device's date, not UTC's: an evening export is not dated tomorrow.
        let today = super::today();
        let file = format!(
            "{name}-{:04}-{:02}-{:02}.csv",
            today.year, today.month, today.day
        );
        error.set(download(&file, &csv.run(()), "text/csv;charset=utf-8").err());
    };
    view! {
        <p class="export">
            <button type="button" data-testid="download-csv" on:click=save>{t(msg::DOWNLOAD_CSV)}</button>
            {import}
            {move || error.get().map(|e| view! { <span class="error" role="alert">" "{tf(msg::FILE_NOT_MADE, &[("error", (&e).into())])}</span> })}
        </p>
    }
}

/// Hands `text` to the browser as a file download named `file`, of media type `mime`.
pub fn download(file: &str, text: &str, mime: &str) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    download_blob(file, &blob)
}

/// Hands `blob` to the browser as a file download named `file`.
pub fn download_blob(file: &str, blob: &web_sys::Blob) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let fail = |e: wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(fail)?;
    let link = document()
        .create_element("a")
        .map_err(fail)?
        .unchecked_into::<web_sys::HtmlAnchorElement>();
    link.set_href(&url);
    link.set_download(file);
    link.click();
    // The browser has read the address by the time the click returns; free it a little later.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}
