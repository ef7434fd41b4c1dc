//! The Account page: who is signed in, their role and organisation, changing the password,
//! signing out here or everywhere. Everything on the device stays when signing out.

use leptos::prelude::*;
use leptos::task::spawn_local;
use tradewinds_shared::accounts::PasswordChange;
use tradewinds_shared::{Organisation, RecordKind, ValidationErrors};

use crate::catalogue::{records_of, use_catalogue, use_user, Catalogue};
use crate::components::fields::TextField;
use crate::session;
use crate::sync::{accounts, SyncError};

const SESSION_ENDED: &str = "Your session has ended: sign in again first.";

/// A failed call's message for a form: field problems go to `errors`, the rest is returned.
pub fn server_problem(e: SyncError, errors: RwSignal<ValidationErrors>, needs: &str) -> String {
    match e {
        SyncError::Offline => format!("{needs} needs a connection to the server, and it cannot be reached now. Try again when online."),
        SyncError::SignedOut => SESSION_ENDED.into(),
        SyncError::Refused(body) => {
            if !body.fields.is_empty() {
                let mut v = ValidationErrors::default();
                for f in &body.fields {
                    v.add(&f.field, f.message.clone());
                }
                errors.set(v);
            }
            body.message
        }
        other => other.to_string(),
    }
}

/// The session's token for a form's call to the server; without one, the form's `problem`
/// says the session has ended.
pub fn token_for_call(cat: &Catalogue, problem: RwSignal<Option<String>>) -> Option<String> {
    let token = cat.token();
    if token.is_none() {
        problem.set(Some(SESSION_ENDED.into()));
    }
    token
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let user = use_user();
    let cat = use_catalogue();
    let session = cat.session;
    let orgs = records_of::<Organisation>(RecordKind::Organisation);
    // Signing out replaces this page; reads made while it is being taken down find its
    // signals gone and give nothing instead of failing.
    let organisation = move || {
        let id = user
            .try_with(|u| u.as_ref().and_then(|u| u.organisation))
            .flatten()?;
        let name = orgs
            .get()
            .and_then(Result::ok)
            .and_then(|list| list.iter().find(|&o| o.id == id).cloned())
            .map_or_else(|| id.to_string(), |o| o.record.display_name());
        Some(name)
    };
    let ended = move || session.with(|s| s.as_ref().is_some_and(|s| !s.signed_in()));
    view! {
        <h1>"Your account"</h1>
        {move || user.try_get().flatten().map(|u| view! {
            <dl class="record-facts" data-testid="account">
                <dt>"Name"</dt><dd>{if u.name.is_empty() { "(not given)".to_owned() } else { u.name.clone() }}</dd>
                <dt>"Email"</dt><dd>{u.email.clone()}</dd>
                <dt>"Role"</dt><dd data-testid="role">{crate::i18n::label(u.role)}</dd>
                <dt>"Organisation"</dt><dd data-testid="organisation">{organisation().unwrap_or_else(|| "(none)".into())}</dd>
            </dl>
        })}
        <Show when=ended>
            <p class="attention" role="status">
                "Your session has ended. Your work on this device is kept. "
                <a href="/sign-in">"Sign in again"</a>" to send it."
            </p>
        </Show>
        <SignOut/>
        <ChangePassword/>
    }
}

#[component]
fn SignOut() -> impl IntoView {
    let cat = use_catalogue();
    let problem = RwSignal::new(None::<String>);
    let waiting = move || cat.status.with(|s| s.waiting);
    let sign_out = {
        let cat = cat.clone();
        move |_| {
            let cat = cat.clone();
            spawn_local(async move { session::sign_out(&cat).await });
        }
    };
    let everywhere = move |_| {
        let cat = cat.clone();
        spawn_local(async move {
            if let Err(e) = session::sign_out_everywhere(&cat).await {
                problem.set(Some(server_problem(
                    e,
                    RwSignal::new(ValidationErrors::default()),
                    "Signing out everywhere",
                )));
            }
        });
    };
    view! {
        <section aria-labelledby="sign-out-h">
            <h2 id="sign-out-h">"Sign out"</h2>
            <Show when=move || { waiting() > 0 }>
                <p class="attention">{move || format!(
                    "{} not yet sent to the server. They stay on this device and are sent when you sign in here again.",
                    if waiting() == 1 { "1 change is".to_owned() } else { format!("{} changes are", waiting()) }
                )}</p>
            </Show>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <p class="actions">
                <button type="button" data-testid="sign-out" on:click=sign_out>"Sign out"</button>
                <button type="button" data-testid="sign-out-everywhere" on:click=everywhere>"Sign out everywhere"</button>
            </p>
            <p class="hint">"“Sign out everywhere” ends your sessions on every device, and changes files saved on them are no longer taken in: for instance after losing a laptop."</p>
        </section>
    }
}

#[component]
fn ChangePassword() -> impl IntoView {
    let cat = use_catalogue();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let errors = RwSignal::new(ValidationErrors::default());
    let problem = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(false);
        problem.set(None);
        let req = PasswordChange {
            current: current.get_untracked(),
            new: new.get_untracked(),
        };
        let mut invalid = req.validate().err().unwrap_or_default();
        if req.current.is_empty() {
            invalid.add("current", "Enter your current password.");
        }
        errors.set(invalid.clone());
        if !invalid.is_empty() {
            return;
        }
        let Some(token) = token_for_call(&cat, problem) else {
            return;
        };
        spawn_local(async move {
            match accounts::change_password(&token, &req).await {
                Ok(()) => {
                    current.set(String::new());
                    new.set(String::new());
                    done.set(true);
                }
                Err(e) => problem.set(Some(server_problem(e, errors, "Changing the password"))),
            }
        });
    };
    let error = move |f: &'static str| {
        Signal::derive(move || errors.with(|e| e.for_field(f).map(str::to_owned)))
    };
    view! {
        <section aria-labelledby="password-h">
            <h2 id="password-h">"Change your password"</h2>
            <form class="record-form compact" on:submit=change novalidate>
                <TextField label="Current password" name="current" kind="password" autocomplete="current-password" value=current
                    on_input=move |v| current.set(v) error=error("current")/>
                <TextField label="New password" name="new" kind="password" autocomplete="new-password" hint="At least 10 characters"
                    value=new on_input=move |v| new.set(v) error=error("new")/>
                {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
                <Show when=move || done.get()>
                    <p role="status" data-testid="password-changed">"Password changed. Your other sessions have been signed out."</p>
                </Show>
                <div class="actions">
                    <button type="submit" class="primary">"Change password"</button>
                </div>
            </form>
        </section>
    }
}
