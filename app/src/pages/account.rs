//! The Account page: who is signed in, their role and organisation, changing the password,
//! signing out here or everywhere. Everything on the device stays when signing out.

use leptos::prelude::*;
use leptos::task::spawn_local;
use tradewinds_shared::accounts::PasswordChange;
use tradewinds_shared::{Organisation, RecordKind, ValidationErrors};

use crate::catalogue::{records_of, use_catalogue, use_user, Catalogue};
use crate::components::fields::TextField;
use crate::i18n::{msg, t, tf};
use crate::session;
use crate::sync::{accounts, SyncError};

/// A failed call's message for a form: field problems go to `errors`, the rest is returned.
pub fn server_problem(e: SyncError, errors: RwSignal<ValidationErrors>, needs: &str) -> String {
    match e {
        SyncError::Offline => tf(msg::NEEDS_CONNECTION, &[("doing", needs.into())]),
        SyncError::SignedOut => t(msg::SESSION_ENDED_FIRST).into(),
        SyncError::Refused(refusal) => {
            let body = refusal.body();
            if !body.fields.is_empty() {
                errors.set(ValidationErrors(body.fields));
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
        problem.set(Some(t(msg::SESSION_ENDED_FIRST).into()));
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
        <h1>{t(msg::YOUR_ACCOUNT)}</h1>
        {move || user.try_get().flatten().map(|u| view! {
            <dl class="record-facts" data-testid="account">
                <dt>{t(msg::NAME)}</dt><dd>{if u.name.is_empty() { t(msg::NOT_GIVEN).to_owned() } else { u.name.clone() }}</dd>
                <dt>{t(msg::EMAIL)}</dt><dd>{u.email.clone()}</dd>
                <dt>{t(msg::ROLE)}</dt><dd data-testid="role">{crate::i18n::label(u.role)}</dd>
                <dt>{t(msg::FILTER_ORGANISATION)}</dt><dd data-testid="organisation">{organisation().unwrap_or_else(|| t(msg::NONE_OPTION).into())}</dd>
            </dl>
        })}
        <Show when=ended>
            <p class="attention" role="status">
                {t(msg::ACCOUNT_SESSION_ENDED)}" "
                <a href="/sign-in">{t(msg::SIGN_IN_AGAIN)}</a>" "{t(msg::TO_SEND_IT)}
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
                    t(msg::SIGNING_OUT_EVERYWHERE),
                )));
            }
        });
    };
    view! {
        <section aria-labelledby="sign-out-h">
            <h2 id="sign-out-h">{t(msg::SIGN_OUT)}</h2>
            <Show when=move || { waiting() > 0 }>
                <p class="attention">{move || tf(msg::NOT_YET_SENT, &[("count", waiting().into())])}</p>
            </Show>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <p class="actions">
                <button type="button" data-testid="sign-out" on:click=sign_out>{t(msg::SIGN_OUT)}</button>
                <button type="button" data-testid="sign-out-everywhere" on:click=everywhere>{t(msg::SIGN_OUT_EVERYWHERE)}</button>
            </p>
            <p class="hint">{t(msg::SIGN_OUT_EVERYWHERE_HINT)}</p>
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
            invalid.add_worded("current", t(msg::ENTER_CURRENT_PASSWORD).into());
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
                Err(e) => problem.set(Some(server_problem(
                    e,
                    errors,
                    t(msg::CHANGING_THE_PASSWORD),
                ))),
            }
        });
    };
    let error = move |f: &'static str| {
        Signal::derive(move || errors.with(|e| e.for_field(f).map(crate::i18n::field_problem)))
    };
    view! {
        <section aria-labelledby="password-h">
            <h2 id="password-h">{t(msg::CHANGE_YOUR_PASSWORD)}</h2>
            <form class="record-form compact" on:submit=change novalidate>
                <TextField label=t(msg::CURRENT_PASSWORD) name="current" kind="password" autocomplete="current-password" value=current
                    on_input=move |v| current.set(v) error=error("current")/>
                <TextField label=t(msg::NEW_PASSWORD) name="new" kind="password" autocomplete="new-password" hint=t(msg::AT_LEAST_10)
                    value=new on_input=move |v| new.set(v) error=error("new")/>
                {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
                <Show when=move || done.get()>
                    <p role="status" data-testid="password-changed">{t(msg::PASSWORD_CHANGED)}</p>
                </Show>
                <div class="actions">
                    <button type="submit" class="primary">{t(msg::CHANGE_PASSWORD)}</button>
                </div>
            </form>
        </section>
    }
}
