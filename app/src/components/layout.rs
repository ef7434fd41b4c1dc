//! The page shell: skip link, header with navigation and the sync status, main area.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::catalogue::use_catalogue;
use crate::components::format_time;
use crate::components::pwa::{InstallButton, UpdateBanner};

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    view! {
        <a class="skip" href="#main">"Skip to content"</a>
        <header class="top">
            <A href="/" attr:class="brand">"Tradewinds"</A>
            <nav aria-label="Main">
                <A href="/organisations">"Organisations"</A>
                <A href="/training">"Training tools"</A>
                <A href="/sync">"Sync"</A>
                <A href="/about">"About"</A>
            </nav>
            <InstallButton/>
            <SyncLine/>
        </header>
        <UpdateBanner/>
        <Notice/>
        <main id="main" tabindex="-1">{children()}</main>
    }
}

#[component]
fn Notice() -> impl IntoView {
    let notice = use_catalogue().notice;
    view! {
        <Show when=move || notice.with(Option::is_some)>
            <div class="notice" role="alert" data-testid="notice">
                <p>{move || notice.get()}</p>
                <button type="button" on:click=move |_| notice.set(None)>"Understood"</button>
            </div>
        </Show>
    }
}

#[component]
fn SyncLine() -> impl IntoView {
    let cat = use_catalogue();
    let text = move || cat.status.with(|s| s.describe(format_time));
    let class = move || {
        cat.status.with(|s| {
            if s.rejected > 0 || matches!(s.phase, crate::sync::Phase::Failed(_)) {
                "sync-status attention"
            } else if s.waiting > 0 {
                "sync-status waiting"
            } else {
                "sync-status"
            }
        })
    };
    view! {
        <p class=class data-testid="sync-status" role="status" aria-live="polite">{text}</p>
    }
}
