//! The Users page, for administrators: the accounts, adding one, changing a person's role
//! or organisation, disabling or enabling, setting a new password. Accounts are not synced
//! to devices: this page talks to the server directly and says so when it cannot.

use leptos::prelude::*;
use leptos::task::spawn_local;
use tradewinds_shared::access::Role;
use tradewinds_shared::accounts::{NewUser, User, UserChanges};
use tradewinds_shared::{Organisation, RecordKind, ValidationErrors};
use uuid::Uuid;

use super::account::{server_problem, token_for_call};
use super::loading;
use crate::catalogue::{allowed, records_of, use_catalogue};
use crate::components::fields::{enum_options, SelectField, TextField};
use crate::i18n::{msg, t, tf};
use crate::loaded::Loaded;
use crate::sync::{accounts, SyncError};

#[component]
pub fn UsersPage() -> impl IntoView {
    let admin = allowed(|a| a.can_manage_users());
    view! {
        <h1>{t(msg::NAV_USERS)}</h1>
        <Show when=move || admin.get() fallback=|| view! { <p>{t(msg::USERS_ADMINS_ONLY)}</p> }>
            <Users/>
        </Show>
    }
}

/// `(id, name)` of the organisations on this device, by name.
fn organisation_options() -> Signal<Vec<(String, String)>> {
    let orgs = records_of::<Organisation>(RecordKind::Organisation);
    Signal::derive(move || {
        let mut v: Vec<(String, String)> = orgs
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .iter()
            .map(|o| (o.id.to_string(), o.record.display_name()))
            .collect();
        v.sort_by(|a, b| a.1.cmp(&b.1));
        v
    })
}

#[component]
fn Users() -> impl IntoView {
    let cat = use_catalogue();
    let session = cat.session;
    // The list is read again when the token changes, not on every change of the session
    // (a reload that started before a row's change would answer after it, and undo it on
    // screen).
    let token = Memo::new(move |_| session.with(|s| s.as_ref().and_then(|s| s.token.clone())));
    let list = Loaded::new(move || {
        let token = token.get();
        async move {
            match token {
                Some(token) => accounts::users(&token).await,
                None => Err(SyncError::SignedOut),
            }
        }
    });
    // Once the server answered, the add form stays put while the list reloads.
    let reachable = RwSignal::new(false);
    Effect::new(move || {
        if matches!(list.get(), Some(Ok(_))) {
            reachable.set(true);
        }
    });
    let orgs = organisation_options();
    let org_name = move |id: Option<Uuid>| {
        let id = id?.to_string();
        Some(
            orgs.with(|o| o.iter().find(|(i, _)| *i == id).map(|(_, n)| n.clone()))
                .unwrap_or(id),
        )
    };
    view! {
        <p class="lead">{t(msg::USERS_LEAD)}</p>
        <Show when=move || reachable.get()>
            <AddUser orgs=orgs on_added=move || list.refetch()/>
        </Show>
        {move || match list.get() {
            None => loading(),
            Some(Err(SyncError::Offline)) => view! {
                <p class="attention" role="status" data-testid="users-offline">
                    {t(msg::USERS_OFFLINE)}
                </p>
                <p><button type="button" on:click=move |_| list.refetch()>{t(msg::USERS_TRY_AGAIN)}</button></p>
            }.into_any(),
            Some(Err(e)) => view! { <p class="error" role="alert">{tf(msg::USERS_NOT_LOADED, &[("error", e.to_string().as_str().into())])}</p> }.into_any(),
            Some(Ok(mut users)) => {
                users.sort_by_key(|u| u.display().to_lowercase());
                view! {
                    <h2>{tf(msg::USERS_COUNT, &[("count", users.len().into())])}</h2>
                    <ul class="records">
                        {users.into_iter().map(|u| view! { <UserRow user=u orgs=orgs org_name=org_name/> }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}
    }
}

#[component]
fn AddUser(
    orgs: Signal<Vec<(String, String)>>,
    on_added: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let cat = use_catalogue();
    let new = RwSignal::new(NewUser::default());
    let errors = RwSignal::new(ValidationErrors::default());
    let problem = RwSignal::new(None::<String>);
    let added = RwSignal::new(None::<String>);
    let open = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problem.set(None);
        added.set(None);
        let user = new.get_untracked();
        if let Err(e) = user.validate() {
            errors.set(e);
            return;
        }
        errors.set(ValidationErrors::default());
        let Some(token) = token_for_call(&cat, problem) else {
            return;
        };
        let on_added = on_added.clone();
        spawn_local(async move {
            match accounts::add_user(&token, &user).await {
                Ok(u) => {
                    added.set(Some(tf(
                        msg::USERS_ADDED,
                        &[("name", u.display().into()), ("email", (&u.email).into())],
                    )));
                    new.set(NewUser::default());
                    open.set(false);
                    on_added();
                }
                Err(e) => problem.set(Some(server_problem(e, errors, t(msg::ADDING_A_USER)))),
            }
        });
    };
    let error = move |f: &'static str| {
        Signal::derive(move || errors.with(|e| e.for_field(f).map(crate::i18n::field_problem)))
    };
    let text = move |get: fn(&NewUser) -> &String, set: fn(&mut NewUser, String)| {
        (
            Signal::derive(move || new.with(|n| get(n).clone())),
            Callback::new(move |v| new.update(|n| set(n, v))),
        )
    };
    let (email, set_email) = text(|n| &n.email, |n, v| n.email = v);
    let (name, set_name) = text(|n| &n.name, |n, v| n.name = v);
    let (password, set_password) = text(|n| &n.password, |n, v| n.password = v);
    let role = Signal::derive(move || new.with(|n| n.role.code().to_owned()));
    let organisation = Signal::derive(move || {
        new.with(|n| n.organisation.map(|o| o.to_string()).unwrap_or_default())
    });
    view! {
        {move || added.get().map(|a| view! { <p role="status" data-testid="user-added">{a}</p> })}
        <Show when=move || open.get() fallback=move || view! {
            <p><button type="button" class="primary" on:click=move |_| open.set(true)>{t(msg::USERS_ADD)}</button></p>
        }>
            <h2>{t(msg::USERS_ADD)}</h2>
            <form class="record-form compact" on:submit=add.clone() novalidate data-testid="add-user">
                <TextField label=t(msg::EMAIL) name="email" kind="email" required=true value=email on_input=set_email error=error("email")/>
                <TextField label=t(msg::NAME) name="name" value=name on_input=set_name error=error("name")/>
                <SelectField label=t(msg::ROLE) name="role" options=enum_options(Role::ALL)
                    value=role on_change=move |v: String| new.update(|n| n.role = Role::from_code(&v).unwrap_or_default())
                    error=error("role")/>
                <SelectField label=t(msg::FILTER_ORGANISATION) name="organisation" none_label=t(msg::NONE_OPTION) options=orgs
                    value=organisation on_change=move |v: String| new.update(|n| n.organisation = Uuid::parse_str(&v).ok())
                    error=error("organisation")/>
                <TextField label=t(msg::USERS_INITIAL_PASSWORD) name="password" kind="password" autocomplete="new-password" required=true hint=t(msg::USERS_INITIAL_PASSWORD_HINT)
                    value=password on_input=set_password error=error("password")/>
                {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
                <div class="actions">
                    <button type="submit" class="primary" data-testid="add-user-save">{t(msg::USERS_ADD_BUTTON)}</button>
                    <button type="button" on:click=move |_| open.set(false)>{t(msg::USERS_CANCEL)}</button>
                </div>
            </form>
        </Show>
    }
}

#[component]
fn UserRow(
    user: User,
    orgs: Signal<Vec<(String, String)>>,
    org_name: impl Fn(Option<Uuid>) -> Option<String> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let user = RwSignal::new(user);
    let editing = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    // One change of this account at a time: each starts from the answer to the last, and
    // a slower answer never shows over a newer one.
    let busy = RwSignal::new(false);
    let cat = use_catalogue();
    let toggle = move |_| {
        if busy.get_untracked() {
            return;
        }
        let u = user.get_untracked();
        let changes = UserChanges {
            disabled: Some(!u.disabled),
            ..Default::default()
        };
        let Some(token) = token_for_call(&cat, problem) else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            match accounts::change_user(&token, u.id, &changes).await {
                Ok(now) => user.set(now),
                Err(e) => problem.set(Some(server_problem(
                    e,
                    RwSignal::new(ValidationErrors::default()),
                    t(msg::CHANGING_AN_ACCOUNT),
                ))),
            }
            busy.set(false);
        });
    };
    view! {
        <li data-testid="user-row">
            {move || user.with(|u| view! {
                <strong>{u.display().to_owned()}</strong>
                <span class="meta">
                    {format!(" {} · {}", u.email, crate::i18n::label(u.role))}
                    {org_name(u.organisation).map(|o| format!(" · {o}"))}
                    {u.disabled.then(|| format!(" · {}", t(msg::USERS_DISABLED)))}
                </span>
            })}
            <span class="row-actions">
                <button type="button" on:click=move |_| editing.update(|e| *e = !*e)>{t(msg::USERS_CHANGE)}</button>
                <button type="button" on:click=toggle disabled=move || busy.get()>
                    {move || t(if user.with(|u| u.disabled) { msg::USERS_ENABLE } else { msg::USERS_DISABLE })}
                </button>
            </span>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <Show when=move || editing.get()>
                <EditUser user=user busy=busy orgs=orgs done=move || editing.set(false)/>
            </Show>
        </li>
    }
}

#[component]
fn EditUser(
    user: RwSignal<User>,
    /// Set while a change of this account is on its way to the server.
    busy: RwSignal<bool>,
    orgs: Signal<Vec<(String, String)>>,
    done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let cat = use_catalogue();
    let start = user.get_untracked();
    let role = RwSignal::new(start.role.code().to_owned());
    let organisation = RwSignal::new(
        start
            .organisation
            .map(|o| o.to_string())
            .unwrap_or_default(),
    );
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(ValidationErrors::default());
    let problem = RwSignal::new(None::<String>);
    let cancel = done.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        problem.set(None);
        let u = user.get_untracked();
        let new_role = Role::from_code(&role.get_untracked()).unwrap_or(u.role);
        let new_org = Uuid::parse_str(&organisation.get_untracked()).ok();
        let pw = password.get_untracked();
        let changes = UserChanges {
            role: (new_role != u.role).then_some(new_role),
            organisation: (new_org != u.organisation).then_some(new_org),
            password: (!pw.is_empty()).then_some(pw),
            ..Default::default()
        };
        if let Err(e) = changes.validate(&u) {
            errors.set(e);
            return;
        }
        errors.set(ValidationErrors::default());
        let Some(token) = token_for_call(&cat, problem) else {
            return;
        };
        let done = done.clone();
        busy.set(true);
        spawn_local(async move {
            match accounts::change_user(&token, u.id, &changes).await {
                Ok(now) => {
                    user.set(now);
                    done();
                }
                Err(e) => problem.set(Some(server_problem(e, errors, t(msg::CHANGING_AN_ACCOUNT)))),
            }
            busy.set(false);
        });
    };
    let error = move |f: &'static str| {
        Signal::derive(move || errors.with(|e| e.for_field(f).map(crate::i18n::field_problem)))
    };
    view! {
        <form class="record-form compact" on:submit=save novalidate data-testid="edit-user">
            <SelectField label=t(msg::ROLE) name="role" options=enum_options(Role::ALL)
                value=role on_change=move |v| role.set(v) error=error("role")/>
            <SelectField label=t(msg::FILTER_ORGANISATION) name="organisation" none_label=t(msg::NONE_OPTION) options=orgs
                value=organisation on_change=move |v| organisation.set(v) error=error("organisation")/>
            <TextField label=t(msg::NEW_PASSWORD) name="password" kind="password" autocomplete="new-password" hint=t(msg::USERS_NEW_PASSWORD_HINT)
                value=password on_input=move |v| password.set(v) error=error("password")/>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <div class="actions">
                <button type="submit" class="primary" data-testid="edit-user-save" disabled=move || busy.get()>{t(msg::USERS_SAVE)}</button>
                <button type="button" on:click=move |_| cancel()>{t(msg::USERS_CANCEL)}</button>
            </div>
        </form>
    }
}
