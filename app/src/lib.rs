//! Tradewinds in the browser: a Leptos (client-side rendered) app over IndexedDB.
//!
//! `db` owns IndexedDB, `sync` owns HTTP, `pages` are the screens, `components` the pieces
//! they share, `catalogue` the app-wide context (the open database, a data version that
//! bumps on every change, the sync status, the session). With no session kept on this
//! browser every route shows the sign-in page; after one sign-in the app opens offline.

pub mod catalogue;
pub mod components;
pub mod db;
pub mod pages;
pub mod session;
pub mod sync;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::catalogue::Catalogue;
use crate::components::layout::Shell;
use crate::pages::{account, home::Home, organisations, sign_in, training, users};

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    // Browser tests load this crate too; only mount where the app's page asks for it.
    let wants_app = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("tradewinds"))
        .is_some();
    if wants_app {
        leptos::mount::mount_to_body(App);
    }
}

#[component]
pub fn App() -> impl IntoView {
    let opened = LocalResource::new(|| async {
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
                    "Opening the catalogue…"
                    <Show when=move || slow.get()>
                        " Still waiting: if Tradewinds is open in another tab or window, close or reload it so that this one can finish updating the data kept on this device."
                    </Show>
                </p>
            }.into_any(),
            Some(Err(e)) => view! {
                <main class="fatal" role="alert">
                    <h1>"Tradewinds cannot start"</h1>
                    <p>{format!("The browser's storage could not be opened: {e}.")}</p>
                    <p>"Tradewinds keeps its data in this browser. Leave private browsing, allow site data for this address, and reload."</p>
                </main>
            }.into_any(),
            Some(Ok((db, session))) => {
                let catalogue = Catalogue::new(db, session);
                provide_context(catalogue.clone());
                sync::start(catalogue);
                view! { <Routed/> }.into_any()
            }
        }}
    }
}

#[component]
fn Routed() -> impl IntoView {
    let session = catalogue::use_catalogue().session;
    let known = move || session.with(Option::is_some);
    view! {
        <Router>
            <Show when=known fallback=|| view! { <sign_in::SignInAlone/> }>
            <Shell>
                <Routes fallback=|| view! { <h1>"Page not found"</h1><p><a href="/">"Go to the start page"</a></p> }>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/organisations") view=organisations::OrgList/>
                    <Route path=path!("/organisations/new") view=organisations::OrgNew/>
                    <Route path=path!("/organisations/:id") view=organisations::OrgDetail/>
                    <Route path=path!("/organisations/:id/edit") view=organisations::OrgEdit/>
                    <Route path=path!("/training") view=training::ToolList/>
                    <Route path=path!("/training/new") view=training::ToolNew/>
                    <Route path=path!("/training/:id") view=training::ToolDetail/>
                    <Route path=path!("/training/:id/edit") view=training::ToolEdit/>
                    <Route path=path!("/sync") view=pages::sync::SyncPage/>
                    <Route path=path!("/about") view=pages::about::AboutPage/>
                    <Route path=path!("/sign-in") view=sign_in::SignInPage/>
                    <Route path=path!("/account") view=account::AccountPage/>
                    <Route path=path!("/users") view=users::UsersPage/>
                </Routes>
            </Shell>
            </Show>
        </Router>
    }
}
