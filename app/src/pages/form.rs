//! Form state for editing a typed record: the record being edited, its validation
//! messages (the `shared` rules, shown before saving), and saving as a local edit — if
//! the signed-in person may make it (`Actor::check_write`, the server's rule), else the
//! reason, on its field when it is about one.
//!
//! A form is made once when it opens and is not made again when data arrives underneath
//! it (screens build forms from the first answer of what they read): what a person types
//! is never replaced by a sync. Saving writes only what the person changed since the form
//! opened (`RecordState::edit_since`).

use leptos::prelude::*;
use leptos::tachys::html::element::ElementExt;
use leptos::task::spawn_local;
use leptos::{ev, html};
use std::collections::HashMap;
use wasm_bindgen::JsCast;

use serde::Serialize;
use serde_json::{Map, Value};
use tradewinds_shared::access::Denied;
use tradewinds_shared::catalogue::to_map;
use tradewinds_shared::fields::FieldType;
use tradewinds_shared::{RecordKind, ValidationErrors};
use uuid::Uuid;

use crate::catalogue::use_catalogue;
use crate::db::EditError;
use crate::i18n::{msg, t, tf};

pub struct FormState<T: Send + Sync + 'static> {
    pub record: RwSignal<T>,
    /// The record's values when the form opened.
    opened: StoredValue<Map<String, Value>>,
    /// Values another tab of this browser saved meanwhile that the person has been told of:
    /// saving again replaces them.
    told: StoredValue<Map<String, Value>>,
    /// The field the keyboard is in (its `name`), while it is in this form (`keep_focus`).
    focus: StoredValue<Option<String>>,
    pub errors: RwSignal<ValidationErrors>,
    /// A failure that is not about a field (storage full, ...).
    pub problem: RwSignal<Option<String>>,
}

impl<T: Send + Sync + 'static> Clone for FormState<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for FormState<T> {}

impl<T: Clone + Send + Sync + Serialize + 'static> FormState<T> {
    pub fn new(initial: T) -> Self {
        FormState {
            opened: StoredValue::new(to_map(&initial)),
            told: StoredValue::new(Map::new()),
            focus: StoredValue::new(None),
            record: RwSignal::new(initial),
            errors: RwSignal::new(ValidationErrors::default()),
            problem: RwSignal::new(None),
        }
    }

    /// A text field's value and setter.
    pub fn text(
        &self,
        get: fn(&T) -> &String,
        set: fn(&mut T, String),
    ) -> (Signal<String>, Callback<String>) {
        let record = self.record;
        (
            Signal::derive(move || record.with(|r| get(r).clone())),
            Callback::new(move |v| record.update(|r| set(r, v))),
        )
    }

    /// Any field's value as a string, and a setter from a string.
    pub fn map(
        &self,
        get: fn(&T) -> String,
        set: fn(&mut T, String),
    ) -> (Signal<String>, Callback<String>) {
        let record = self.record;
        (
            Signal::derive(move || record.with(get)),
            Callback::new(move |v| record.update(|r| set(r, v))),
        )
    }

    pub fn list(
        &self,
        get: fn(&T) -> &Vec<String>,
        set: fn(&mut T, Vec<String>),
    ) -> (Signal<Vec<String>>, Callback<Vec<String>>) {
        let record = self.record;
        (
            Signal::derive(move || record.with(|r| get(r).clone())),
            Callback::new(move |v| record.update(|r| set(r, v))),
        )
    }

    /// Shows why the change is not allowed: on its field if it names one, else above the
    /// buttons.
    pub fn deny(&self, denied: Denied) {
        match denied.field {
            Some(field) => {
                let mut e = ValidationErrors::default();
                e.add_problem(&field, denied.problem);
                self.errors.set(e);
                focus_first_invalid();
            }
            None => self
                .problem
                .set(Some(crate::i18n::problem(&denied.problem))),
        }
    }

    /// Shows a failed save.
    pub fn failed(&self, error: EditError) {
        match error {
            EditError::Invalid(e) => {
                self.errors.set(e);
                focus_first_invalid();
            }
            EditError::Denied(d) => self.deny(d),
            e @ (EditError::Removed | EditError::WrittenHere(_)) => self.problem.set(Some(tf(
                msg::NOT_SAVED_STILL_IN_FORM,
                &[("error", e.to_string().as_str().into())],
            ))),
            EditError::Db(e) => self.problem.set(Some(tf(
                msg::NOT_SAVED_FREE_SPACE,
                &[("error", e.to_string().as_str().into())],
            ))),
        }
    }

    /// Says which fields another tab of this browser saved while this form was open, and
    /// with what (a linked record by its field only), so that the next save replaces them
    /// knowingly.
    fn written_here(&self, kind: RecordKind, here: Vec<(String, Value)>) {
        let said: Vec<String> = here
            .iter()
            .map(|(name, value)| match kind.field(name) {
                Some(f) if !matches!(f.ty, FieldType::Link(_) | FieldType::Links(_)) => {
                    let value = f.show(value, &HashMap::new(), crate::i18n::words());
                    tf(
                        msg::FORM_FIELD_AS,
                        &[
                            ("field", crate::i18n::field_label(kind, f.name).into()),
                            ("value", value.as_str().into()),
                        ],
                    )
                }
                _ => crate::i18n::field_label_of(kind, name),
            })
            .collect();
        self.told.update_value(|told| told.extend(here));
        let fields = said.join(", ");
        self.problem.set(Some(tf(
            msg::FORM_WRITTEN_HERE,
            &[("fields", fields.as_str().into())],
        )));
    }

    /// For a row's `<form>` (`node_ref`): its state outlives its elements (`RowEdit`), and so
    /// does the field the person was typing in, which has the keyboard again when the row
    /// is drawn again after a sync. A person who moved out of the form is left alone.
    pub fn keep_focus(&self) -> NodeRef<html::Form> {
        let node = NodeRef::<html::Form>::new();
        let focus = self.focus;
        node.on_load(move |form| {
            if let Some(name) = focus.try_get_value().flatten() {
                let form = form.clone();
                request_animation_frame(move || {
                    let idle = document()
                        .active_element()
                        .is_none_or(|a| a.tag_name() == "BODY");
                    let field = form.query_selector(&format!("[name=\"{name}\"]"));
                    if let (true, Ok(Some(field))) = (idle, field) {
                        if let Ok(field) = field.dyn_into::<web_sys::HtmlElement>() {
                            let _ = field.focus();
                        }
                    }
                });
            }
            let focused = form.on(ev::focusin, move |e| {
                let name = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|t| t.get_attribute("name"));
                let _ = focus.try_set_value(name);
            });
            let out = form.clone();
            let left = form.on(ev::focusout, move |_| {
                let form = out.clone();
                request_animation_frame(move || {
                    // Still on the page, with the keyboard elsewhere: the person left it.
                    let active = document().active_element();
                    if form.is_connected() && !form.contains(active.as_deref()) {
                        let _ = focus.try_set_value(None);
                    }
                });
            });
            // Listening as long as the form is drawn.
            on_cleanup(move || drop((focused, left)));
        });
        node
    }

    pub fn error(&self, field: &'static str) -> Signal<Option<String>> {
        let errors = self.errors;
        Signal::derive(move || errors.with(|e| e.for_field(field).map(crate::i18n::field_problem)))
    }

    /// Validates with `validate`; if valid, stores the record as a local edit of `kind`/`id`
    /// and goes to `then`. Field problems are shown next to the fields.
    pub fn save(
        &self,
        kind: RecordKind,
        id: Uuid,
        validate: fn(&T) -> Result<(), ValidationErrors>,
        then: String,
    ) {
        let nav = crate::route::use_navigator();
        self.store(kind, id, validate, false, move || nav.go(&then));
    }

    /// `save` for a form inside a page (a contact, an action item, a document): once stored,
    /// `done` closes the form. A refusal is said above its buttons, since such a form may
    /// not show the field it names (a contact's organisation).
    pub fn save_inline(
        &self,
        kind: RecordKind,
        id: Uuid,
        validate: fn(&T) -> Result<(), ValidationErrors>,
        done: impl FnOnce() + 'static,
    ) {
        self.store(kind, id, validate, true, done);
    }

    fn store(
        &self,
        kind: RecordKind,
        id: Uuid,
        validate: fn(&T) -> Result<(), ValidationErrors>,
        refusal_above: bool,
        then: impl FnOnce() + 'static,
    ) {
        let record = self.record.get_untracked();
        if let Err(e) = validate(&record) {
            self.errors.set(e);
            focus_first_invalid();
            return;
        }
        self.errors.set(ValidationErrors::default());
        self.problem.set(None);
        let cat = use_catalogue();
        let form = *self;
        let Some(user) = cat.user() else {
            self.problem.set(Some(t(msg::SIGN_IN_TO_SAVE).into()));
            return;
        };
        // `then` closes the form or leaves the screen; a callback that outlives its
        // component (a section drawn again meanwhile) must not touch its signals: the
        // `done` callbacks use `try_set`.
        spawn_local(async move {
            let (opened, told) = (form.opened.get_value(), form.told.get_value());
            match cat
                .db
                .edit_since(&user, kind, id, to_map(&record), opened, told)
                .await
            {
                Ok(_) => {
                    crate::sync::local_write(&cat).await;
                    then();
                }
                Err(EditError::Denied(d)) if refusal_above => {
                    form.problem.set(Some(crate::i18n::problem(&d.problem)))
                }
                Err(EditError::WrittenHere(here)) => form.written_here(kind, here),
                Err(e) => form.failed(e),
            }
        });
    }
}

/// The one row of a list being edited, and its form. Kept by the list's section, which
/// outlives its rows: a row drawn again when the list's records change (after a sync) finds
/// its form as the person left it, not made again from the record.
pub struct RowEdit<T: Send + Sync + 'static> {
    open: RwSignal<Option<Uuid>>,
    form: StoredValue<Option<(Uuid, FormState<T>)>>,
    /// The section's owner: the form's signals live as long as the section, not the row.
    owner: StoredValue<Owner>,
}

impl<T: Send + Sync + 'static> Clone for RowEdit<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for RowEdit<T> {}

impl<T: Clone + Send + Sync + Serialize + 'static> Default for RowEdit<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Clone + Send + Sync + Serialize + 'static> RowEdit<T> {
    /// Made by the section that lists the rows, outside what it draws again.
    pub fn new() -> Self {
        RowEdit {
            open: RwSignal::new(None),
            form: StoredValue::new(None),
            owner: StoredValue::new(Owner::current().expect("a section has an owner")),
        }
    }

    /// Whether row `id` shows its form (tracked).
    pub fn is_open(&self, id: Uuid) -> bool {
        self.open.get() == Some(id)
    }

    pub fn open(&self, id: Uuid) {
        self.open.set(Some(id));
    }

    /// Row `id`'s form: the one the person is filling in, or a new one on `initial`.
    pub fn form(&self, id: Uuid, initial: T) -> FormState<T> {
        if let Some((open, form)) = self.form.get_value() {
            if open == id {
                return form;
            }
        }
        let form = self
            .owner
            .with_value(|owner| owner.with(|| FormState::new(initial)));
        self.form.set_value(Some((id, form)));
        form
    }

    /// Closes the form (saved or cancelled): the next one opens on the record as stored. A
    /// callback may run after the section is gone: then there is nothing to close.
    pub fn close(&self) {
        let _ = self.form.try_update_value(|f| *f = None);
        self.open.try_set(None);
    }
}

fn focus_first_invalid() {
    request_animation_frame(|| {
        let el = document()
            .query_selector("[aria-invalid=true]")
            .ok()
            .flatten();
        if let Some(el) =
            el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = el.focus();
        }
    });
}

/// The form's error summary and save button.
#[component]
pub fn SaveBar(
    errors: RwSignal<ValidationErrors>,
    problem: RwSignal<Option<String>>,
    cancel: String,
) -> impl IntoView {
    view! {
        <Show when=move || !errors.with(ValidationErrors::is_empty)>
            <p class="error" role="alert">
                {move || tf(msg::CORRECT_FIELDS, &[("count", errors.with(|e| e.0.len()).into())])}
            </p>
        </Show>
        <Show when=move || problem.with(Option::is_some)>
            <p class="error" role="alert">{move || problem.get()}</p>
        </Show>
        <div class="actions">
            <button type="submit" data-testid="save" class="primary">{t(msg::SAVE)}</button>
            <a href=cancel>{t(msg::CANCEL)}</a>
        </div>
    }
}

/// "Remove" on a record's page, for those who may edit it: asks once more, saying what
/// stays, then marks the record deleted (a change that syncs like any other; the server
/// keeps it in the record's history) and goes back to the list. For a record entered twice or by mistake.
#[component]
pub fn RemoveRecord(
    kind: RecordKind,
    id: Uuid,
    /// The list to go back to.
    #[prop(into)]
    back: String,
    /// What stays when it is gone ("Its action items stay."), if anything refers to it.
    #[prop(optional)]
    keeps: &'static str,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let cat = use_catalogue();
    let nav = crate::route::use_navigator();
    let keeps_said = if keeps.is_empty() {
        String::new()
    } else {
        format!("{keeps} ")
    };
    // "meeting", as a sentence names one.
    let what = crate::i18n::word(&format!("record-noun-{}", kind.code()), "");
    let remove = move |_| {
        let (cat, back) = (cat.clone(), back.clone());
        let Some(user) = cat.user() else {
            problem.set(Some(t(msg::SIGN_IN_TO_REMOVE).into()));
            return;
        };
        spawn_local(async move {
            let mut set = serde_json::Map::new();
            set.insert(
                tradewinds_shared::catalogue::DELETED_FIELD.into(),
                serde_json::Value::Bool(true),
            );
            match cat.db.edit(&user, kind, id, set).await {
                Ok(_) => {
                    crate::sync::local_write(&cat).await;
                    nav.go(&back);
                }
                Err(e) => problem.set(Some(tf(
                    msg::NOT_REMOVED,
                    &[("error", e.to_string().as_str().into())],
                ))),
            }
        });
    };
    view! {
        <div class="remove">
            <Show when=move || asking.get() fallback=move || view! {
                <button type="button" on:click=move |_| asking.set(true)>{tf(msg::REMOVE_THIS, &[("kind", what.into())])}</button>
            }>
                <p class="attention" role="alert">
                    {tf(msg::REMOVE_THIS_ASK, &[("kind", what.into()), ("keeps", keeps_said.as_str().into())])}
                </p>
                <div class="actions">
                    <button type="button" class="primary" on:click=remove.clone()>{t(msg::YES_REMOVE)}</button>
                    <button type="button" on:click=move |_| asking.set(false)>{t(msg::KEEP_IT)}</button>
                </div>
            </Show>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
        </div>
    }
}
