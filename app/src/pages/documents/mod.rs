//! The "Documents" section of a meeting's, a mission's or a project's page: the agendas,
//! minutes, presentations, reports and photos that belong to it, as links or attached files
//! (`attach`: choosing one in the form; `file`: opening and keeping one), added, edited and
//! removed there by those who may (the publisher's office, coordinators).

mod attach;
mod file;

use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use serde_json::{Map, Value};
use tradewinds_shared::catalogue::DELETED_FIELD;
use tradewinds_shared::documents::{Document, DocumentKind};
use tradewinds_shared::reference::LANGUAGES;

use crate::i18n::{language_name, msg, t, tf};
use tradewinds_shared::{Organisation, RecordKind};
use uuid::Uuid;

use super::form::{FormState, RowEdit};
use super::{any, failed, loading, once};
use crate::catalogue::{allowed, records_of, use_actor, use_catalogue, Typed};
use crate::components::fields::{enum_options, ref_options, SelectField, TextArea, TextField};
use crate::components::pickers::org_options;
use crate::components::pickers::{display_names, id_text};
use crate::db::new_id;

/// What the documents belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Of {
    Meeting(Uuid),
    Mission(Uuid),
    Project(Uuid),
}

impl Of {
    fn includes(self, d: &Document) -> bool {
        match self {
            Of::Meeting(id) => d.meeting == Some(id),
            Of::Mission(id) => d.mission == Some(id),
            Of::Project(id) => d.project == Some(id),
        }
    }

    fn new_document(self, publisher: Option<Uuid>) -> Document {
        let mut d = Document {
            publisher,
            ..Default::default()
        };
        match self {
            Of::Meeting(id) => d.meeting = Some(id),
            Of::Mission(id) => d.mission = Some(id),
            Of::Project(id) => d.project = Some(id),
        }
        d
    }
}

#[component]
pub fn Documents(of: Of) -> impl IntoView {
    let documents = records_of::<Document>(RecordKind::Document);
    let orgs = records_of::<Organisation>(RecordKind::Organisation);
    let actor = use_actor();
    let can_add = allowed(|a| a.may_create(RecordKind::Document));
    let adding = RwSignal::new(false);
    let edit = RowEdit::new();
    let own = actor.with_untracked(|a| a.as_ref().and_then(|a| a.organisation));
    // Documents in more than one language can be narrowed to one.
    let language = RwSignal::new(String::new());
    view! {
        <section class="documents" aria-labelledby="documents-h">
            <h2 id="documents-h">{t(msg::DOCUMENT_SECTION)}</h2>
            {move || match (documents.get(), orgs.get()) {
                (None, _) | (_, None) => loading(),
                (Some(Err(e)), _) | (_, Some(Err(e))) => failed(e),
                (Some(Ok(all)), Some(Ok(orgs))) => {
                    let mut mine: Vec<Typed<Document>> = all.iter().filter(|&d| of.includes(&d.record)).cloned().collect();
                    if mine.is_empty() {
                        return view! { <p>{t(msg::DOCUMENT_NONE_LINKED)}</p> }.into_any();
                    }
                    mine.sort_by(|a, b| (a.record.kind, &a.record.title).cmp(&(b.record.kind, &b.record.title)));
                    let mut languages: Vec<(String, String)> = mine
                        .iter()
                        .filter_map(|d| d.record.language.clone())
                        .map(|code| (code.clone(), language_name(&code).unwrap_or(&code).to_owned()))
                        .collect();
                    languages.sort();
                    languages.dedup();
                    let choice = (languages.len() > 1).then(|| view! {
                        <SelectField label=t(msg::LANGUAGE_FILTER) name="documents-language" none_label=t(msg::ALL_LANGUAGES)
                            options=languages value=language on_change=move |v| language.set(v) error=Signal::derive(|| None::<String>)/>
                    });
                    let chosen = language.get();
                    mine.retain(|d| chosen.is_empty() || d.record.language.as_deref() == Some(chosen.as_str()));
                    let names = display_names(&orgs);
                    let options = org_options(&orgs);
                    let files: Vec<_> = mine.iter().filter_map(|d| d.record.file.clone()).collect();
                    let keep_all = (files.len() > 1).then(|| view! { <KeepAll files=files/> });
                    view! {
                        {choice}
                        {keep_all}
                        <ul class="records">
                            {mine.into_iter().map(|d| {
                                let publisher = d.record.publisher.and_then(|p| names.get(&p).cloned()).unwrap_or_default();
                                view! { <DocumentRow document=d publisher=publisher orgs=options.clone() edit=edit/> }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <Show when=move || adding.get() fallback=move || view! {
                <Show when=move || can_add.get()>
                    <button type="button" on:click=move |_| adding.set(true)>{t(msg::DOCUMENT_LINK)}</button>
                </Show>
            }>
                <h3>{t(msg::DOCUMENT_NEW)}</h3>
                {once(orgs, any, move |orgs| view! {
                    <DocumentForm id=new_id() initial=of.new_document(own) orgs=org_options(&orgs) done=move || { adding.try_set(false); }/>
                }.into_any())}
            </Show>
        </section>
    }
}

#[component]
fn DocumentRow(
    document: Typed<Document>,
    publisher: String,
    orgs: Vec<(String, String)>,
    edit: RowEdit<Document>,
) -> impl IntoView {
    let id = document.id;
    let d = document.record.clone();
    let cat = use_catalogue();
    let actor = use_actor();
    let owner = d.publisher;
    let may_edit = move || {
        actor.with(|a| {
            a.as_ref()
                .is_some_and(|a| a.edits_everything() || owner.is_some_and(|o| a.may_add_to(o)))
        })
    };
    let problem = RwSignal::new(None::<String>);
    let remove = Callback::new(move |()| {
        let cat = cat.clone();
        let Some(user) = cat.user() else { return };
        spawn_local(async move {
            let mut set = Map::new();
            set.insert(DELETED_FIELD.into(), Value::Bool(true));
            match cat.db.edit(&user, RecordKind::Document, id, set).await {
                Ok(_) => crate::sync::local_write(&cat).await,
                Err(e) => problem.set(Some(tf(
                    msg::DOCUMENT_NOT_REMOVED,
                    &[("error", (&e.to_string()).into())],
                ))),
            }
        });
    });
    let language = d.language.as_deref().and_then(language_name);
    let meta = [
        Some(crate::i18n::label(d.kind).to_owned()),
        language.map(str::to_owned),
        (!publisher.is_empty()).then_some(publisher),
        (!d.published.is_empty()).then(|| d.published.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    view! {
        <li data-testid="document-row">
            <Show when=move || edit.is_open(id) fallback={
                let (d, meta) = (d.clone(), meta.clone());
                move || view! {
                    {if d.url.is_empty() {
                        view! { <strong>{d.title.clone()}</strong> }.into_any()
                    } else {
                        view! { <a href=d.url.clone() target="_blank" rel="noopener noreferrer">{d.title.clone()}</a> }.into_any()
                    }}
                    <span class="meta">{meta.clone()}</span>
                    {d.file.clone().map(|f| view! { <file::DocumentFile file=f/> })}
                    {(!d.description.is_empty()).then(|| view! { <span class="progress">{d.description.clone()}</span> })}
                    <span class="row-actions">
                        <Show when=may_edit>
                            <button type="button" on:click=move |_| edit.open(id)>{t(msg::EDIT)}</button>
                            <button type="button" on:click=move |_| remove.run(())>{t(msg::DOCUMENT_REMOVE)}</button>
                        </Show>
                    </span>
                    {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
                }
            }>
                <DocumentForm id=id initial=document.record.clone() kept=edit.form(id, document.record.clone()) orgs=orgs.clone() done=move || edit.close()/>
            </Show>
        </li>
    }
}

#[component]
fn DocumentForm(
    id: Uuid,
    initial: Document,
    /// The form a row keeps while it is drawn again (`RowEdit`); a new one if none.
    #[prop(optional)]
    kept: Option<FormState<Document>>,
    orgs: Vec<(String, String)>,
    done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let form = kept.unwrap_or_else(|| FormState::new(initial));
    let (title, set_title) = form.text(|d| &d.title, |d, v| d.title = v);
    let (url, set_url) = form.text(|d| &d.url, |d, v| d.url = v.trim().to_owned());
    let (published, set_published) = form.text(|d| &d.published, |d, v| d.published = v);
    let (description, set_description) = form.text(|d| &d.description, |d, v| d.description = v);
    let (kind, set_kind) = form.map(
        |d| d.kind.code().into(),
        |d, v| d.kind = DocumentKind::from_code(&v).unwrap_or_default(),
    );
    let (publisher, set_publisher) = form.map(
        |d| id_text(d.publisher),
        |d, v| d.publisher = Uuid::parse_str(&v).ok(),
    );
    let (language, set_language) = form.map(
        |d| d.language.clone().unwrap_or_default(),
        |d, v| d.language = Some(v).filter(|v| !v.is_empty()),
    );
    let chosen = RwSignal::new_local(None::<SendWrapper<attach::Chosen>>);
    let current = Signal::derive(move || form.record.with(|d| d.file.clone()));
    let set_file = move |f| form.record.update(|d: &mut Document| d.file = f);
    let cancel = done.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let done = done.clone();
        // A file chosen here is kept on the device first: no document names a file the
        // device does not hold.
        let Some(file) = chosen.get_untracked().filter(|c| {
            form.record
                .with_untracked(|d| d.file.as_ref() == Some(&c.attached))
        }) else {
            form.save_inline(RecordKind::Document, id, Document::validate, done);
            return;
        };
        // Saving reads the catalogue from the form's context, which an awaited task lacks.
        let owner = Owner::current();
        spawn_local(async move {
            match file.keep().await {
                Ok(()) => {
                    let save =
                        || form.save_inline(RecordKind::Document, id, Document::validate, done);
                    match owner {
                        Some(owner) => owner.with(save),
                        None => save(),
                    }
                }
                Err(e) => form.problem.set(Some(e.to_string())),
            }
        });
    };
    view! {
        <form class="record-form compact" node_ref=form.keep_focus() on:submit=save novalidate>
            <TextField label=label("title") name="title" required=true value=title on_input=set_title error=form.error("title")/>
            <SelectField label=label("kind") name="kind" options=enum_options(DocumentKind::ALL)
                value=kind on_change=set_kind error=form.error("kind")/>
            <TextField label=label("url") name="url" kind="url" hint=t(msg::DOCUMENT_HINT_URL)
                value=url on_input=set_url error=form.error("url")/>
            <attach::FilePicker current=current chosen=chosen on_change=set_file error=form.error("file")/>
            <SelectField label=label("publisher") name="publisher" none_label=t(msg::CHOOSE_OPTION) options=orgs
                value=publisher on_change=set_publisher error=form.error("publisher")/>
            <SelectField label=label("language") name="language" none_label=t(msg::NOT_SET) options=ref_options("language", LANGUAGES)
                value=language on_change=set_language error=form.error("language")/>
            <TextField label=label("published") name="published" kind="date" value=published on_input=set_published error=form.error("published")/>
            <TextArea label=label("description") name="description" value=description on_input=set_description error=form.error("description")/>
            <Show when=move || form.problem.with(Option::is_some)>
                <p class="error" role="alert">{move || form.problem.get()}</p>
            </Show>
            <div class="actions">
                <button type="submit" data-testid="save" class="primary">{t(msg::DOCUMENT_SAVE)}</button>
                <button type="button" on:click=move |_| cancel()>{t(msg::DOCUMENT_CANCEL)}</button>
            </div>
        </form>
    }
}

/// What forms call a field of this kind (its field table's label).
fn label(field: &'static str) -> &'static str {
    crate::i18n::field_label(RecordKind::Document, field)
}

/// "Keep all these files on this device", for a section with more than one file.
#[component]
fn KeepAll(files: Vec<tradewinds_shared::files::Attached>) -> impl IntoView {
    let cat = use_catalogue();
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let keep = move |_| {
        let (cat, files) = (cat.clone(), files.clone());
        busy.set(true);
        spawn_local(async move {
            let kept = file::keep_all(&cat, files).await;
            problem.try_set(
                kept.err()
                    .map(|e| tf(msg::DOCUMENT_FILE_FAILED, &[("error", e.as_str().into())])),
            );
            busy.try_set(false);
        });
    };
    view! {
        <p class="keep-all">
            <button type="button" data-testid="keep-all" disabled=move || busy.get() on:click=keep>{t(msg::DOCUMENT_FILE_KEEP_ALL)}</button>
            {move || problem.get().map(|p| view! { <span class="error" role="alert">" "{p}</span> })}
        </p>
    }
}
