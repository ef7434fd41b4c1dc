//! Signing in: the only page shown while nobody is signed in on this browser, and the page
//! to sign in again after the server ended a session (work continues locally meanwhile).

use leptos::prelude::*;
use leptos::task::spawn_local;
use tradewinds_shared::ValidationErrors;

use crate::catalogue::use_catalogue;
use crate::components::fields::TextField;
use crate::components::layout::LanguageSwitch;
use crate::db::OutboxStatus;
use crate::i18n::{msg, t, tf};
use crate::loaded::Loaded;
use crate::session;
use crate::sync::SyncError;

/// Why signing in did not work, in words for the person.
fn explain(e: &SyncError) -> String {
    match e {
        SyncError::Offline => t(msg::SIGN_IN_OFFLINE).to_owned(),
        // The server's own words: wrong password, too many attempts, disabled account.
        SyncError::Refused(refusal) => refusal.message.clone(),
        other => tf(
            msg::SIGN_IN_FAILED,
            &[("error", (&other.to_string()).into())],
        ),
    }
}

/// The form: email and password, with the reason when signing in fails.
#[component]
pub fn SignInForm(
    /// Where to go once signed in (`None`: stay on the current route).
    #[prop(optional)]
    then: Option<&'static str>,
) -> impl IntoView {
    let cat = use_catalogue();
    let known_email = cat.user().map(|u| u.email).unwrap_or_default();
    let email = RwSignal::new(known_email);
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(ValidationErrors::default());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let nav = crate::route::use_navigator();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (e, p) = (email.get_untracked(), password.get_untracked());
        let mut missing = ValidationErrors::default();
        if e.trim().is_empty() {
            missing.add_worded("email", t(msg::SIGN_IN_ENTER_EMAIL).into());
        }
        if p.is_empty() {
            missing.add_worded("password", t(msg::SIGN_IN_ENTER_PASSWORD).into());
        }
        errors.set(missing.clone());
        problem.set(None);
        if !missing.is_empty() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        let cat = cat.clone();
        // Once signed in, this form is usually gone (the app replaces it): its signals are
        // set only if it is still there, and before it goes to another screen, so that
        // none of its effects is left to run after the screen is gone.
        spawn_local(async move {
            let result = session::sign_in(&cat, &e, &p).await;
            busy.try_set(false);
            match result {
                Ok(held) => {
                    password.try_set(String::new());
                    if let Some(notice) = session::held_notice(&held) {
                        cat.notice.set(Some(notice));
                    }
                    if let Some(then) = then {
                        nav.go(then);
                    }
                }
                Err(err) => {
                    problem.try_set(Some(explain(&err)));
                }
            }
        });
    };
    let error = move |f: &'static str| {
        Signal::derive(move || errors.with(|e| e.for_field(f).map(crate::i18n::field_problem)))
    };
    view! {
        <form class="record-form compact" on:submit=submit novalidate data-testid="sign-in-form">
            <TextField label=t(msg::EMAIL) name="email" kind="email" autocomplete="username" value=email
                on_input=move |v| email.set(v) error=error("email")/>
            <TextField label=t(msg::PASSWORD) name="password" kind="password" autocomplete="current-password" value=password
                on_input=move |v| password.set(v) error=error("password")/>
            <Show when=move || problem.with(Option::is_some)>
                <p class="error" role="alert" data-testid="sign-in-error">{move || problem.get()}</p>
            </Show>
            <div class="actions">
                <button type="submit" class="primary" data-testid="sign-in" disabled=move || busy.get()>
                    {move || t(if busy.get() { msg::SIGNING_IN } else { msg::SIGN_IN })}
                </button>
            </div>
        </form>
    }
}

/// Shown for every route while nobody is signed in on this browser. Says what waits on the
/// device to be sent, and for whom.
#[component]
pub fn SignInAlone() -> impl IntoView {
    let cat = use_catalogue();
    let waiting = Loaded::new(move || {
        let db = cat.db.clone();
        async move { db.outbox().await.unwrap_or_default() }
    });
    let waiting_note = move || {
        let outbox = waiting.get()?;
        let pending: Vec<_> = outbox
            .iter()
            .filter(|e| e.status == OutboxStatus::Pending)
            .collect();
        let first = pending.first()?;
        let who = first
            .by_name
            .clone()
            .unwrap_or_else(|| t(msg::SIGN_IN_LAST_PERSON).to_owned());
        let others = pending.iter().any(|e| e.by_name != first.by_name);
        let text = tf(
            if others {
                msg::SIGN_IN_WAITING_SEVERAL
            } else {
                msg::SIGN_IN_WAITING
            },
            &[("count", pending.len().into()), ("who", (&who).into())],
        );
        Some(view! {
            <p class="attention" role="status" data-testid="waiting-for-sign-in">{text}</p>
        })
    };
    view! {
        <header class="top">
            <span class="brand">"Tradewinds"</span>
            <LanguageSwitch/>
        </header>
        <main id="main" tabindex="-1">
            <h1>{t(msg::SIGN_IN)}</h1>
            <p class="lead">{t(msg::SIGN_IN_LEAD)}</p>
            {waiting_note}
            <SignInForm/>
        </main>
    }
}

/// `/sign-in`: signing in again (after the server ended the session, or as someone else).
#[component]
pub fn SignInPage() -> impl IntoView {
    let cat = use_catalogue();
    let session = cat.session;
    let ended = move || session.with(|s| s.as_ref().is_some_and(|s| !s.signed_in()));
    view! {
        <h1>{t(msg::SIGN_IN)}</h1>
        <Show when=ended fallback=|| view! {
            <p class="lead">{t(msg::SIGN_IN_AS_SOMEONE_ELSE)}</p>
        }>
            <p class="lead">{t(msg::SIGN_IN_SESSION_ENDED)}</p>
        </Show>
        <SignInForm then="/"/>
    }
}
