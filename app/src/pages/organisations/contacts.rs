//! An organisation's contacts, named by role: listed on the organisation's page, added,
//! edited and removed there by those who may (the organisation's office, coordinators),
//! each with its history; and the contacts of the organisations a list shows, as CSV.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::{Map, Value};
use tradewinds_shared::access::Role;
use tradewinds_shared::catalogue::DELETED_FIELD;
use tradewinds_shared::reference::LANGUAGES;
use tradewinds_shared::{export, Contact, Organisation, RecordKind};
use uuid::Uuid;

use crate::catalogue::{allowed, use_actor, use_catalogue, Typed};
use crate::components::fields::{ref_options, SelectField, TextField};
use crate::components::list::{download, ListedMemo};
use crate::components::today;
use crate::db::new_id;
use crate::i18n::{msg, t, tf};
use crate::loaded::Loaded;
use crate::pages::form::{FormState, RowEdit};
use crate::pages::history::History;

#[component]
pub fn Contacts(org: Uuid) -> impl IntoView {
    let cat = use_catalogue();
    let contacts = Loaded::new(move || {
        let db = cat.db.clone();
        cat.version.track();
        async move { db.contacts_of(org).await.map_err(|e| e.to_string()) }
    });
    let actor = use_actor();
    let can_add = allowed(move |a| a.may_add_to(org));
    let adding = RwSignal::new(false);
    let edit = RowEdit::new();
    view! {
        <section class="contacts" aria-labelledby="contacts-h">
            <h2 id="contacts-h">{t(msg::CONTACT_SECTION)}</h2>
            {move || match contacts.get() {
                None => super::super::loading(),
                Some(Err(e)) => super::super::failed(e),
                Some(Ok(list)) if list.is_empty() => view! { <p>{t(msg::CONTACT_NONE_RECORDED)}</p> }.into_any(),
                Some(Ok(states)) => {
                    let mut list: Vec<(Typed<Contact>, bool)> = states
                        .into_iter()
                        .filter_map(|s| {
                            let may_edit = actor.with(|a| a.as_ref().is_some_and(|a| a.may_edit(&s)));
                            let conflicts = s.conflicts().count();
                            let record = s.typed::<Contact>().ok()?;
                            Some((Typed { id: s.id, record, conflicts }, may_edit))
                        })
                        .collect();
                    list.sort_by(|a, b| a.0.record.role_title.cmp(&b.0.record.role_title));
                    view! {
                        <ul class="records">
                            {list.into_iter().map(|(c, may_edit)| view! { <ContactRow contact=c may_edit=may_edit edit=edit/> }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <Show when=move || adding.get() fallback=move || view! {
                <Show when=move || can_add.get()>
                    <button type="button" on:click=move |_| adding.set(true)>{t(msg::CONTACT_ADD)}</button>
                </Show>
            }>
                <h3>{t(msg::CONTACT_NEW)}</h3>
                <ContactForm id=new_id() initial=Contact { organisation: Some(org), ..Default::default() } done=move || { adding.try_set(false); }/>
            </Show>
        </section>
    }
}

#[component]
fn ContactRow(contact: Typed<Contact>, may_edit: bool, edit: RowEdit<Contact>) -> impl IntoView {
    let id = contact.id;
    let c = contact.record.clone();
    let cat = use_catalogue();
    let problem = RwSignal::new(None::<String>);
    let history = RwSignal::new(false);
    let remove = move |_| {
        let cat = cat.clone();
        let Some(user) = cat.user() else { return };
        spawn_local(async move {
            let mut set = Map::new();
            set.insert(DELETED_FIELD.into(), Value::Bool(true));
            match cat.db.edit(&user, RecordKind::Contact, id, set).await {
                Ok(_) => crate::sync::local_write(&cat).await,
                Err(e) => problem.set(Some(tf(
                    msg::CONTACT_NOT_REMOVED,
                    &[("error", (&e.to_string()).into())],
                ))),
            }
        });
    };
    view! {
        <li data-testid="contact-row">
            <Show when=move || edit.is_open(id) fallback={
                let c = c.clone();
                move || view! {
                    <strong>{c.role_title.clone()}</strong>
                    {(!c.name.is_empty()).then(|| format!(" — {}", c.name))}
                    <span class="meta">
                        {(!c.email.is_empty()).then(|| view! { <a href=format!("mailto:{}", c.email)>{c.email.clone()}</a>" " })}
                        {(!c.phone.is_empty()).then(|| c.phone.clone())}
                        {(!c.duties.is_empty()).then(|| format!(" {}", c.duties))}
                    </span>
                    <span class="row-actions">
                        {may_edit.then(|| view! {
                            <button type="button" on:click=move |_| edit.open(id)>{t(msg::EDIT)}</button>
                            <button type="button" on:click=remove.clone()>{t(msg::CONTACT_REMOVE)}</button>
                        })}
                        <button type="button" aria-expanded=move || history.get().to_string()
                            on:click=move |_| history.update(|h| *h = !*h)>{t(msg::HISTORY)}</button>
                    </span>
                    {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
                    <Show when=move || history.get()>
                        <History kind=RecordKind::Contact id=id/>
                    </Show>
                }
            }>
                <ContactForm id=id initial=contact.record.clone() kept=edit.form(id, contact.record.clone()) done=move || edit.close()/>
            </Show>
        </li>
    }
}

#[component]
fn ContactForm(
    id: Uuid,
    initial: Contact,
    /// The form a row keeps while it is drawn again (`RowEdit`); a new one if none.
    #[prop(optional)]
    kept: Option<FormState<Contact>>,
    done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let form = kept.unwrap_or_else(|| FormState::new(initial));
    let (role, set_role) = form.text(|c| &c.role_title, |c, v| c.role_title = v);
    let (name, set_name) = form.text(|c| &c.name, |c, v| c.name = v);
    let (email, set_email) = form.text(|c| &c.email, |c, v| c.email = v);
    let (phone, set_phone) = form.text(|c| &c.phone, |c, v| c.phone = v);
    let (duties, set_duties) = form.text(|c| &c.duties, |c, v| c.duties = v);
    let (language, set_language) = form.map(
        |c| c.language.clone().unwrap_or_default(),
        |c, v| c.language = Some(v).filter(|v| !v.is_empty()),
    );
    let cancel = done.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.save_inline(RecordKind::Contact, id, Contact::validate, done.clone());
    };
    view! {
        <form class="record-form compact" node_ref=form.keep_focus() on:submit=save novalidate>
            <TextField label=label("role_title") name="role_title" required=true hint=t(msg::CONTACT_HINT_ROLE)
                value=role on_input=set_role error=form.error("role_title")/>
            <TextField label=label("name") name="name" value=name on_input=set_name error=form.error("name")/>
            <TextField label=label("email") name="email" kind="email" value=email on_input=set_email error=form.error("email")/>
            <TextField label=label("phone") name="phone" kind="tel" value=phone on_input=set_phone error=form.error("phone")/>
            <SelectField label=label("language") name="language" none_label=t(msg::NOT_SET) options=ref_options("language", LANGUAGES)
                value=language on_change=set_language error=form.error("language")/>
            <TextField label=label("duties") name="duties" value=duties on_input=set_duties error=form.error("duties")/>
            <Show when=move || form.problem.with(Option::is_some)>
                <p class="error" role="alert">{move || form.problem.get()}</p>
            </Show>
            <div class="actions">
                <button type="submit" data-testid="save" class="primary">{t(msg::CONTACT_SAVE)}</button>
                <button type="button" on:click=move |_| cancel()>{t(msg::CONTACT_CANCEL)}</button>
            </div>
        </form>
    }
}

/// What forms call a field of this kind (its field table's label).
fn label(field: &'static str) -> &'static str {
    crate::i18n::field_label(RecordKind::Contact, field)
}

/// "Download their contacts as CSV": the contacts of the organisations the list shows when
/// asked (`shown`), read from this device, offline too; sorted by organisation and role.
#[component]
pub fn ContactsDownload(
    listed: ListedMemo<Organisation>,
    shown: Callback<(), Vec<Uuid>>,
) -> impl IntoView {
    let cat = StoredValue::new_local(use_catalogue());
    let may_import = allowed(|a| a.role != Role::Viewer);
    let error = RwSignal::new(None::<String>);
    let save = move |_| {
        let Some(Ok(l)) = listed.get_untracked() else {
            return;
        };
        let orgs: HashSet<Uuid> = shown.run(()).into_iter().collect();
        let cat = cat.get_value();
        spawn_local(async move {
            let states = match cat.db.records(RecordKind::Contact).await {
                Ok(states) => states,
                Err(e) => return error.set(Some(e.to_string())),
            };
            let mut contacts: Vec<(Uuid, Contact, String)> = states
                .iter()
                .filter_map(|s| Some((s.id, s.typed::<Contact>().ok()?)))
                .filter(|(_, c)| c.organisation.is_some_and(|o| orgs.contains(&o)))
                .map(|(id, c)| {
                    let org = l.name(c.organisation);
                    (id, c, org)
                })
                .collect();
            contacts.sort_by(|a, b| (&a.2, &a.1.role_title).cmp(&(&b.2, &b.1.role_title)));
            let rows: Vec<export::ContactRow> = contacts
                .iter()
                .map(|(id, contact, org)| export::ContactRow {
                    id: *id,
                    contact,
                    organisation: org.clone(),
                })
                .collect();
            let d = today();
            let file = format!("contacts-{:04}-{:02}-{:02}.csv", d.year, d.month, d.day);
            error.set(
                download(
                    &file,
                    &export::contacts(&rows, crate::i18n::words()),
                    "text/csv;charset=utf-8",
                )
                .err(),
            );
        });
    };
    view! {
        <p class="export">
            <button type="button" data-testid="download-contacts" on:click=save>{t(msg::CONTACT_DOWNLOAD_CSV)}</button>
            <Show when=move || may_import.get()>
                " "<a href=format!("/import?kind={}", RecordKind::Contact.plural())>{t(msg::CONTACT_IMPORT)}</a>
            </Show>
            {move || error.get().map(|e| view! { <span class="error" role="alert">" "{tf(msg::FILE_NOT_MADE, &[("error", (&e).into())])}</span> })}
        </p>
    }
}
