//! The interface's language on this device and its messages (`tradewinds_shared::i18n`).
//!
//! The app carries no text of its own: `boot.js` picks the language (the person's choice
//! kept on this device, else the browser's languages) and fetches the first part of its
//! file (compiled from `shared/lang/<code>/*.ftl` when the app is built,
//! `compile-language --split`: the words of the code the first screens run) while the wasm
//! module downloads; [`load`] reads it before the first screen is drawn. The later
//! screens' words come with the first of them ([`complete`], `chunks`); a message wanted
//! before then is reported on the console, where the browser tests see it. Changing the language
//! keeps the choice on the device (`localStorage`, by `boot.js`) and reloads the page, so
//! every screen is drawn once in it.

use std::cell::Cell;

use tradewinds_shared::dates;
use tradewinds_shared::i18n::{Arg, Catalogue, Labelled, Lang, Msg, Problem, Readings, Words};
use tradewinds_shared::sync::Rejection;
use tradewinds_shared::FieldError;
use tradewinds_shared::{Organisation, RecordKind};
use wasm_bindgen::{JsCast, JsValue};

use crate::components::pwa::{call_returning, call_with, flag, pwa};

pub use tradewinds_shared::i18n::msg;

thread_local! {
    /// Loaded once per page load and kept for its life (a change of language reloads), so
    /// that a message without values is lent as `&'static str`, as literal text was.
    static MESSAGES: Cell<Option<&'static Catalogue>> = const { Cell::new(None) };
    /// Whether the later screens' words are in `MESSAGES` too.
    static COMPLETE: Cell<bool> = const { Cell::new(false) };
    /// The other languages' messages, fetched for reading an import (`readings`).
    static OTHERS: std::cell::RefCell<Vec<&'static Catalogue>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn messages() -> Option<&'static Catalogue> {
    MESSAGES.with(|m| {
        #[cfg(debug_assertions)]
        if m.get().is_none() {
            // Browser tests do not run boot.js: they read English from the source file.
            m.set(Some(Box::leak(Box::new(english()))));
            COMPLETE.with(|c| c.set(true));
        }
        m.get()
    })
}

/// A message that names no value, in the interface's language.
pub fn t(id: Msg) -> &'static str {
    messages()
        .and_then(|c| c.plain(id))
        .unwrap_or_else(|| missing(id.0))
}

/// A message with its values: `tf(msg::X, &[("count", n.into())])`.
pub fn tf(id: Msg, args: &[(&str, Arg<'_>)]) -> String {
    messages()
        .filter(|c| c.has(id))
        .map_or_else(|| missing(id.0).to_owned(), |c| c.format(id, args))
}

/// Says on the console that message `id` (0: a word named at run time) was wanted before
/// the later screens' words came (`compile-language --split` put it with them, yet code the
/// first screens run names it).
fn missing(id: u32) -> &'static str {
    if !COMPLETE.with(Cell::get) {
        web_sys::console::error_1(
            &format!("message {id} wanted before its part of the language file").into(),
        );
    }
    ""
}

/// A problem found by `shared`'s checks, in the interface's language.
pub fn problem(problem: &Problem) -> String {
    wanted(problem);
    messages()
        .and_then(|c| c.problem(problem))
        .unwrap_or_else(|| problem.key.clone())
}

/// A field's problem in the interface's language, or as the server worded it (an error
/// from a release whose problems this one has no words for).
pub fn field_problem(error: &FieldError) -> String {
    wanted(&error.problem);
    messages().map_or_else(|| error.message.clone(), |c| error.text(c))
}

/// Problems are words of the later screens' part: reports one wanted before it came (one
/// with no key was worded where it was made, and needs none).
fn wanted(problem: &Problem) {
    if !problem.key.is_empty() {
        missing(tradewinds_shared::i18n::key_hash(&problem.key));
    }
}

/// Why the server refused a change, in the interface's language: its reason, then each
/// field's problem after the field's label (`kind`: the record's, when known).
pub fn rejection(r: &Rejection, kind: Option<RecordKind>) -> String {
    // From a server whose reasons have no key here: its sentence says it all.
    let Some(reason) = messages().and_then(|c| c.problem(&r.problem)) else {
        return r.message.clone();
    };
    // A right refused on a field is said once.
    if r.fields.iter().all(|f| f.problem == r.problem) {
        return reason;
    }
    let fields: Vec<String> = r
        .fields
        .iter()
        .map(|f| {
            let label = kind.map_or_else(|| f.field.clone(), |k| field_label_of(k, &f.field));
            format!("{label}: {}", field_problem(f))
        })
        .collect();
    format!("{reason} {}", fields.join("; "))
}

/// A meeting's or mission's first and last day in the interface's language
/// ("15–17 octobre 2012").
pub fn dates(starts: &str, ends: &str) -> String {
    messages().map_or_else(
        || dates::dates_label(starts, ends),
        |c| dates::words::dates(c, starts, ends),
    )
}

/// When an action is due, in the interface's language ("2e trimestre 2013").
pub fn due(due: dates::Due) -> String {
    words().due(due)
}

/// The language the interface is in.
pub fn lang() -> Lang {
    messages().map_or(Lang::En, Catalogue::lang)
}

/// A whole number as the interface's language writes it.
pub fn number(n: usize) -> String {
    lang().number(i64::try_from(n).unwrap_or(i64::MAX))
}

#[cfg(debug_assertions)]
fn english() -> Catalogue {
    let (_, source) = tradewinds_shared::i18n::SOURCES[0];
    Catalogue::parse(Lang::En, source).expect("shared/lang/en reads")
}

/// Uses these messages from now on (`boot.js` has set `html lang` to their language).
fn install(catalogue: Catalogue) {
    MESSAGES.with(|m| m.set(Some(Box::leak(Box::new(catalogue)))));
}

/// Starts fetching the later screens' words, for `complete` to read (`boot.js` fetches
/// them once).
pub fn prefetch() {
    call_returning("wholeMessages", "");
}

/// Reads the whole language file, the later screens' words with the first screens' (the
/// service worker keeps them for offline use). A later screen waits for this.
pub async fn complete() -> Result<(), String> {
    if COMPLETE.with(Cell::get) {
        return Ok(());
    }
    let unreadable = "the rest of the language file could not be fetched";
    let promise: js_sys::Promise = call_returning("wholeMessages", "")
        .and_then(|p| p.dyn_into().ok())
        .ok_or(unreadable)?;
    let text = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|_| unreadable)?
        .as_string()
        .unwrap_or_default();
    install(Catalogue::from_json(lang(), &text).ok_or(unreadable)?);
    COMPLETE.with(|c| c.set(true));
    Ok(())
}

/// Reads the language file `boot.js` fetched (`window.tradewinds.messages`).
pub async fn load() -> Result<(), String> {
    let pwa = pwa().ok_or("the page did not start the app")?;
    let get = |name: &str| js_sys::Reflect::get(&pwa, &name.into()).unwrap_or(JsValue::UNDEFINED);
    let promise: js_sys::Promise = get("messages")
        .dyn_into()
        .map_err(|_| "the page fetched no language file")?;
    let text = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|_| "its language file could not be fetched")?
        .as_string()
        .unwrap_or_default();
    // Read after the file: boot.js falls back to English when the chosen file fails.
    let lang = get("lang")
        .as_string()
        .and_then(|code| Lang::from_tag(&code))
        .unwrap_or(Lang::En);
    install(Catalogue::from_json(lang, &text).ok_or("its language file is not one it reads")?);
    Ok(())
}

/// Keeps `lang` as this device's language and draws the app again in it (`boot.js`).
pub fn choose(lang: Lang) {
    call_with("chooseLang", lang.code());
}

/// Whether the language was changed just before this page load.
pub fn just_chosen() -> bool {
    flag("langChanged")
}

/// The interface language's words: fields' and values' labels, names, due dates (what a
/// list shows and its CSV download writes). They come with the later screens' part of the
/// language file: code the first screens run must not ask for them.
pub fn words() -> Words<'static> {
    missing(0);
    Words::new(messages())
}

/// Every language's words, for reading back a file written in any of them (an import).
/// The other languages' files are fetched once (the service worker keeps them all for
/// offline use); one that cannot be had is left out, and its words are not recognised.
pub async fn readings() -> Readings {
    let mut all: Vec<&'static Catalogue> = messages().into_iter().collect();
    for lang in Lang::ALL {
        if all.iter().any(|c| c.lang() == lang) {
            continue;
        }
        let kept = OTHERS.with(|o| o.borrow().iter().copied().find(|c| c.lang() == lang));
        let other = match kept {
            Some(c) => Some(c),
            None => fetch_messages(lang).await,
        };
        all.extend(other);
    }
    Readings::new(all)
}

/// Language `lang`'s messages, both parts as one, fetched by `boot.js` (from the service
/// worker's cache offline), kept for the page's life.
async fn fetch_messages(lang: Lang) -> Option<&'static Catalogue> {
    let promise: js_sys::Promise = call_returning("messagesOf", lang.code())?.dyn_into().ok()?;
    let text = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_string()?;
    let catalogue: &'static Catalogue = Box::leak(Box::new(Catalogue::from_json(lang, &text)?));
    OTHERS.with(|o| o.borrow_mut().push(catalogue));
    Some(catalogue)
}

/// A word the code names by key (`tradewinds_shared::i18n::field_key` and the like), in the
/// interface's language; `english` where the language file lacks it.
pub fn word(key: &str, english: &'static str) -> &'static str {
    words().word(key, english)
}

/// A coded value's label (an organisation's category, a project's status…).
pub fn label<T: Labelled>(value: T) -> &'static str {
    words().label(value)
}

/// What forms and pages call field `name` of `kind`.
pub fn field_label(kind: RecordKind, name: &'static str) -> &'static str {
    words().field(kind, name)
}

/// A field's label for a name read from data (history, the Sync page): a field this
/// release does not know goes by its name.
pub fn field_label_of(kind: RecordKind, name: &str) -> String {
    match kind.field(name) {
        Some(f) => field_label(kind, f.name).to_owned(),
        None => name.to_owned(),
    }
}

/// A country's name, by its ISO code.
pub fn country_name(code: &str) -> Option<&'static str> {
    words().country(code)
}

/// A language's name, by its code.
pub fn language_name(code: &str) -> Option<&'static str> {
    words().language(code)
}

/// A topic's name, by its code.
pub fn topic_label(code: &str) -> Option<&'static str> {
    words().topic(code)
}

/// An organisation's country, or "Regional / international".
pub fn org_country(org: &Organisation) -> &'static str {
    org.country
        .as_deref()
        .and_then(country_name)
        .unwrap_or_else(|| t(msg::REGIONAL_INTERNATIONAL))
}

/// A size in bytes as the interface's language writes it: "380 KB" under a megabyte, then
/// megabytes to one decimal ("4.1 MB", "4,1 Mo").
pub fn file_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes < MB {
        tf(msg::KILOBYTES, &[("kb", bytes.div_ceil(1024).into())])
    } else {
        let mb = lang().tenths(bytes as f64 / MB as f64);
        tf(msg::MEGABYTES, &[("mb", mb.as_str().into())])
    }
}
