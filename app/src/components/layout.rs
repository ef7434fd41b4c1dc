//! The page shell: skip link, header with navigation, the signed-in person and the sync
//! status, main area.

use leptos::prelude::*;

use crate::catalogue::{allowed, use_catalogue, use_user};
use crate::components::format_time;
use crate::components::pwa::{InstallButton, UpdateBanner};
use crate::route::{use_navigator, NavLink};

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let admin = allowed(|a| a.can_manage_users());
    // On a phone the navigation folds behind "Menu" (CSS shows it whole on wider screens);
    // it folds again when a screen opens.
    let open = RwSignal::new(false);
    let navigator = use_navigator();
    Effect::new(move |_| {
        navigator.path();
        open.set(false);
    });
    view! {
        <a class="skip" href="#main">"Skip to content"</a>
        <header class="top">
            <a href="/" class="brand">"Tradewinds"</a>
            <button type="button" class="menu-toggle" aria-controls="main-nav"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>"Menu"</button>
            <nav id="main-nav" aria-label="Main" class:open=move || open.get()>
                <NavLink href="/organisations">"Organisations"</NavLink>
                <NavLink href="/training">"Training tools"</NavLink>
                <NavLink href="/meetings">"Meetings"</NavLink>
                <NavLink href="/actions">"Action items"</NavLink>
                <NavLink href="/missions">"Missions"</NavLink>
                <NavLink href="/projects">"Projects"</NavLink>
                <NavLink href="/funding">"Funding"</NavLink>
                <NavLink href="/search">"Search"</NavLink>
                <NavLink href="/sync">"Sync"</NavLink>
                <NavLink href="/about">"About"</NavLink>
                <Show when=move || admin.get()>
                    <NavLink href="/users">"Users"</NavLink>
                </Show>
            </nav>
            <InstallButton/>
            <Who/>
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

/// The signed-in person, linking to their account page; "Sign in again" once the server
/// ended the session.
#[component]
fn Who() -> impl IntoView {
    let user = use_user();
    let session = use_catalogue().session;
    let ended = move || session.with(|s| s.as_ref().is_some_and(|s| !s.signed_in()));
    view! {
        <p class="who">
            <a href="/account" data-testid="account-link">
                {move || user.with(|u| u.as_ref().map(|u| u.display().to_owned()))}
            </a>
            <Show when=ended>
                " · "<a href="/sign-in" data-testid="sign-in-again">"Sign in again"</a>
            </Show>
        </p>
    }
}

#[component]
fn SyncLine() -> impl IntoView {
    let cat = use_catalogue();
    let text = move || cat.status.with(|s| s.describe(format_time));
    let class = move || {
        cat.status.with(|s| {
            if s.rejected > 0
                || s.held > 0
                || matches!(
                    s.phase,
                    crate::sync::Phase::Failed(_) | crate::sync::Phase::SignedOut
                )
            {
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
