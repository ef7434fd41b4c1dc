//! The page shell: skip link, header with navigation, the signed-in person and the sync
//! status, main area.

use leptos::prelude::*;
use tradewinds_shared::i18n::Lang;

use crate::catalogue::{allowed, use_catalogue, use_user};
use crate::components::format_time;
use crate::components::pwa::{InstallButton, UpdateBanner};
use crate::i18n::{msg, t};
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
        <a class="skip" href="#main">{t(msg::SKIP_TO_CONTENT)}</a>
        <header class="top">
            <a href="/" class="brand">"Tradewinds"</a>
            <button type="button" class="menu-toggle" aria-controls="main-nav"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>{t(msg::MENU)}</button>
            <nav id="main-nav" aria-label=t(msg::NAV_MAIN) class:open=move || open.get()>
                <NavLink href="/organisations">{t(msg::NAV_ORGANISATIONS)}</NavLink>
                <NavLink href="/training">{t(msg::NAV_TRAINING)}</NavLink>
                <NavLink href="/meetings">{t(msg::NAV_MEETINGS)}</NavLink>
                <NavLink href="/actions">{t(msg::NAV_ACTIONS)}</NavLink>
                <NavLink href="/missions">{t(msg::NAV_MISSIONS)}</NavLink>
                <NavLink href="/projects">{t(msg::NAV_PROJECTS)}</NavLink>
                <NavLink href="/funding">{t(msg::NAV_FUNDING)}</NavLink>
                <NavLink href="/search">{t(msg::NAV_SEARCH)}</NavLink>
                <NavLink href="/sync">{t(msg::NAV_SYNC)}</NavLink>
                <NavLink href="/about">{t(msg::NAV_ABOUT)}</NavLink>
                <Show when=move || admin.get()>
                    <NavLink href="/users">{t(msg::NAV_USERS)}</NavLink>
                </Show>
            </nav>
            <InstallButton/>
            <LanguageSwitch/>
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
                <button type="button" on:click=move |_| notice.set(None)>{t(msg::UNDERSTOOD)}</button>
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
                " · "<a href="/sign-in" data-testid="sign-in-again">{t(msg::SIGN_IN_AGAIN)}</a>
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

/// The interface's language, from every screen: kept on this device; the page is drawn
/// again in the new language, and a screen reader is told of the change.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let now = crate::i18n::lang();
    let announce = crate::i18n::just_chosen().then(|| t(msg::LANGUAGE_NOW));
    let change = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if let Some(lang) = Lang::from_tag(&code).filter(|l| *l != now) {
            crate::i18n::choose(lang);
        }
    };
    // Written as HTML once: four options need no reactive views of their own.
    let options: String = Lang::ALL
        .iter()
        .map(|l| {
            let code = l.code();
            let selected = if *l == now { " selected" } else { "" };
            format!(
                "<option value=\"{code}\" lang=\"{code}\"{selected}>{}</option>",
                l.own_name()
            )
        })
        .collect();
    view! {
        <select class="language" aria-label=t(msg::LANGUAGE) data-testid="language" on:change=change inner_html=options></select>
        <p class="visually-hidden" role="status">{announce}</p>
    }
}
