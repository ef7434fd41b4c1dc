//! Signing in: the only page shown while nobody is signed in on this browser, and the page
//! to sign in again after the server ended a session (work continues locally meanwhile).

use leptos::prelude::*;
use leptos::task::spawn_local;
use tradewinds_shared::ValidationErrors;

use crate::catalogue::use_catalogue;
use crate::components::fields::TextField;
use crate::db::OutboxStatus;
use crate::loaded::Loaded;
use crate::session;
use crate::sync::SyncError;

/// Why signing in did not work, in words for the person.
fn explain(e: &SyncError) -> String {
    match e {
        SyncError::Offline => {
            "Signing in needs a connection to the server, and it cannot be reached now. \
             Try again when you are online; anything already on this device stays here."
                .into()
        }
        // The server's own words: wrong password, too many attempts, disabled account.
        SyncError::Refused(body) => body.message.clone(),
        other => format!("Signing in did not work: {other}"),
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
            missing.add("email", "Enter the email address of your account.");
        }
        if p.is_empty() {
            missing.add("password", "Enter your password.");
        }
        errors.set(missing.clone());
        problem.set(None);
        if !missing.is_empty() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        let cat = cat.clone();
        // Once signed in, this form is usually gone (the app replaces it): its signals are
        // set only if it is still there.
        spawn_local(async move {
            match session::sign_in(&cat, &e, &p).await {
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
            busy.try_set(false);
        });
    };
    let error = move |f: &'static str| {
        Signal::derive(move || errors.with(|e| e.for_field(f).map(str::to_owned)))
    };
    view! {
        <form class="record-form compact" on:submit=submit novalidate data-testid="sign-in-form">
            <TextField label="Email" name="email" kind="email" autocomplete="username" value=email
                on_input=move |v| email.set(v) error=error("email")/>
            <TextField label="Password" name="password" kind="password" autocomplete="current-password" value=password
                on_input=move |v| password.set(v) error=error("password")/>
            <Show when=move || problem.with(Option::is_some)>
                <p class="error" role="alert" data-testid="sign-in-error">{move || problem.get()}</p>
            </Show>
            <div class="actions">
                <button type="submit" class="primary" data-testid="sign-in" disabled=move || busy.get()>
                    {move || if busy.get() { "Signing in…" } else { "Sign in" }}
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
            .unwrap_or_else(|| "the last person signed in".into());
        let others = pending.iter().any(|e| e.by_name != first.by_name);
        let text = match (pending.len(), others) {
            (1, _) => format!("1 change made on this device by {who} waits to be sent. It is sent when {who} signs in here, never under another name."),
            (n, false) => format!("{n} changes made on this device by {who} wait to be sent. They are sent when {who} signs in here, never under another name."),
            (n, true) => format!("{n} changes made on this device by {who} and others wait to be sent. Each is sent when the person who made it signs in here, never under another name."),
        };
        Some(view! {
            <p class="attention" role="status" data-testid="waiting-for-sign-in">{text}</p>
        })
    };
    view! {
        <header class="top">
            <span class="brand">"Tradewinds"</span>
        </header>
        <main id="main" tabindex="-1">
            <h1>"Sign in"</h1>
            <p class="lead">
                "Tradewinds keeps the catalogue of Caribbean customs capacity building on this device. "
                "Sign in once while online; after that it opens and works without a connection."
            </p>
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
        <h1>"Sign in"</h1>
        <Show when=ended fallback=|| view! {
            <p class="lead">"You are signed in. To work as someone else, sign in with their account; changes not yet sent stay with the person who made them."</p>
        }>
            <p class="lead">"Your session has ended. Everything you did on this device is kept; sign in again to send it."</p>
        </Show>
        <SignInForm then="/"/>
    }
}
