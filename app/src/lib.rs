//! Tradewinds in the browser: a Leptos (client-side rendered) app over IndexedDB.
//!
//! `db` owns IndexedDB, `sync` owns HTTP, `pages` are the screens, `components` the pieces
//! they share, `catalogue` the app-wide context (the open database, a data version that
//! bumps on every change, the sync status, the session). With no session kept on this
//! browser every route shows the sign-in page; after one sign-in the app opens offline.

pub mod catalogue;
pub mod chunks;
pub mod components;
pub mod db;
pub mod i18n;
pub mod loaded;
pub mod pages;
pub mod route;
pub mod session;
pub mod sync;

use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::catalogue::Catalogue;
use crate::components::layout::Shell;
use crate::i18n::{msg, t, tf};
use crate::loaded::Loaded;
use crate::pages::{home::Home, sign_in};
use crate::route::{Navigator, Screen};

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    // Browser tests load this crate too; only mount where the app's page asks for it.
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("tradewinds").is_none() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let status = document.get_element_by_id("boot-status");
        // The language file comes with the module (boot.js): it is usually in already.
        if let Err(e) = i18n::load().await {
            // As boot.js says a start that failed.
            if let Some(status) = status {
                status.set_class_name("error");
                let _ = status.set_attribute("role", "alert");
                status.set_text_content(Some(&format!(
                    "Tradewinds could not be loaded: {e}. Reload the page to try again."
                )));
            }
            return;
        }
        // index.html's "Loading Tradewinds…" gives way to the app.
        if let Some(status) = status {
            status.remove();
        }
        leptos::mount::mount_to_body(App);
    });
}

#[component]
pub fn App() -> impl IntoView {
    let opened = Loaded::new_each(|| async {
        let db = db::Db::open().await.map_err(|e| e.to_string())?;
        let session = db.session().await.map_err(|e| e.to_string())?;
        Ok::<_, String>((db, session))
    });
    // Opening waits while another tab still holds the database at an older version (after
    // an update that changes its schema); say so if it takes long.
    let slow = RwSignal::new(false);
    set_timeout(move || slow.set(true), std::time::Duration::from_secs(4));
    view! {
        {move || match opened.get() {
            None => view! {
                <p class="loading" role="status">
                    {t(msg::APP_OPENING)}
                    <Show when=move || slow.get()>
                        " "{t(msg::APP_OPENING_SLOW)}
                    </Show>
                </p>
            }.into_any(),
            Some(Err(e)) => view! {
                <main class="fatal" role="alert">
                    <h1>{t(msg::APP_CANNOT_START)}</h1>
                    <p>{tf(msg::APP_STORAGE_FAILED, &[("error", (&e).into())])}</p>
                    <p>{t(msg::APP_STORAGE_HINT)}</p>
                </main>
            }.into_any(),
            Some(Ok((db, session))) => {
                let catalogue = Catalogue::new(db, session);
                provide_context(catalogue.clone());
                chunks::start_sync(catalogue);
                view! { <Routed/> }.into_any()
            }
        }}
    }
}

#[component]
fn Routed() -> impl IntoView {
    let session = catalogue::use_catalogue().session;
    let known = move || session.with(Option::is_some);
    let route = Navigator::start().route();
    view! {
        <Show when=known fallback=|| view! { <sign_in::SignInAlone/> }>
            // Any other route (another screen, or the same screen for another record) is
            // rendered afresh.
            <Shell>{move || route.with(|r| r.screen).view()}</Shell>
        </Show>
    }
}

impl Screen {
    fn view(self) -> AnyView {
        match self {
            Screen::Home => view! { <Home/> }.into_any(),
            Screen::Import => chunks::show(chunks::import_screen()),
            // The other screens (signing in again and "not found" too: a first visit shows
            // `SignInAlone`) are fetched on first use.
            screen => chunks::show(chunks::screen(screen)),
        }
    }
}

/// The screen of an address that names none.
pub fn not_found() -> AnyView {
    view! {
        <h1>{t(msg::PAGE_NOT_FOUND)}</h1>
        <p><a href="/">{t(msg::GO_TO_START)}</a></p>
    }
    .into_any()
}
