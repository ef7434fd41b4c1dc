//! The top of a list page: its title, the "add" link (for those who may add), and the
//! search box before the filters; its rows shown a page at a time; its CSV download.

use leptos::prelude::*;

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
                <label for="search">"Search"</label>
                <input id="search" type="search" data-testid="search" placeholder=placeholder
                    prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
            </div>
            {children()}
        </div>
    }
}

/// Rows a list shows at first, and adds each time a person asks for more: a long list
/// renders what a screen can show, not thousands of rows at every keystroke (issue 18).
pub const LIST_PAGE: usize = 100;

/// The rows of a list of `count`, `row(i)` each: the first `limit` of them, and a button
/// that shows the next `LIST_PAGE`. Not generic: one copy in the app for every list.
pub fn windowed(count: usize, limit: RwSignal<usize>, row: &dyn Fn(usize) -> AnyView) -> AnyView {
    let n = limit.get().min(count);
    let rest = count - n;
    view! {
        <ul class="records">{(0..n).map(row).collect_view()}</ul>
        {(rest > 0).then(|| view! {
            <p class="more">
                <button type="button" data-testid="show-more" on:click=move |_| limit.update(|l| *l += LIST_PAGE)>
                    {format!("Show {} more", rest.min(LIST_PAGE))}
                </button>
                {format!(" ({rest} not shown yet)")}
            </p>
        })}
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
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let save = move |_| {
        // The device's date, not UTC's: an evening export is not dated tomorrow.
        let today = super::today();
        let file = format!(
            "{name}-{:04}-{:02}-{:02}.csv",
            today.year, today.month, today.day
        );
        error.set(download(&file, &csv.run(())).err());
    };
    view! {
        <p class="export">
            <button type="button" data-testid="download-csv" on:click=save>"Download as CSV"</button>
            {move || error.get().map(|e| view! { <span class="error" role="alert">{format!(" The file could not be made: {e}")}</span> })}
        </p>
    }
}

/// Hands `text` to the browser as a file download named `file`.
fn download(file: &str, text: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let fail = |e: wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
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
