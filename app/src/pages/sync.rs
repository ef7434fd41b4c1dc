//! The Sync page: the status in words, a "sync now" button, changes waiting to be sent,
//! changes another person left unsent on this browser, changes the server refused ("needs
//! attention"), and the conflict inbox.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use tradewinds_shared::search::title_of;
use tradewinds_shared::sync::{FieldWrite, RecordState};
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use super::history::field_value;
use crate::components::pickers::linked_names;

use super::carried::{SaveChanges, TakeInChanges};
use super::{failed, loading};
use crate::catalogue::{use_actor, use_catalogue};
use crate::components::format_time;
use crate::db::files::Files;
use crate::db::{OutboxEntry, OutboxStatus};
use crate::i18n::{file_size, msg, t, tf};
use crate::loaded::Loaded;
use crate::route::record_href;
use crate::session::{held, Held};
use crate::sync::files::moving;
use tradewinds_shared::files::Attached;

#[component]
pub fn SyncPage() -> impl IntoView {
    let cat = use_catalogue();
    let actor = use_actor();
    let outbox = Loaded::new({
        let cat = cat.clone();
        move || {
            let db = cat.db.clone();
            cat.version.track();
            cat.status.track();
            async move { db.outbox().await.map_err(|e| e.to_string()) }
        }
    });
    let status = {
        let cat = cat.clone();
        move || cat.status.with(|s| s.describe(format_time))
    };
    view! {
        <h1>{t(msg::NAV_SYNC)}</h1>
        <p class="lead">{status}</p>
        <p><button type="button" class="primary" on:click=move |_| crate::sync::soon()>{t(msg::SYNC_NOW)}</button></p>
        {move || match outbox.get() {
            None => loading(),
            Some(Err(e)) => failed(e),
            Some(Ok(entries)) => {
                let others = cat.user().map(|u| held(&entries, u.id)).unwrap_or_default();
                let (rejected, waiting): (Vec<OutboxEntry>, Vec<OutboxEntry>) =
                    entries.into_iter().partition(|e| e.status == OutboxStatus::Rejected);
                view! {
                    {others.into_iter().map(|h| view! { <HeldChanges held=h/> }).collect_view()}
                    <section aria-labelledby="attention-h">
                        <h2 id="attention-h">{t(msg::NEEDS_ATTENTION)}</h2>
                        {if rejected.is_empty() {
                            view! { <p>{t(msg::NOTHING_REFUSED)}</p> }.into_any()
                        } else {
                            view! { <ul class="records">{rejected.into_iter().map(|e| view! { <Rejected entry=e/> }).collect_view()}</ul> }.into_any()
                        }}
                    </section>
                    <section aria-labelledby="waiting-h">
                        <h2 id="waiting-h">{t(msg::WAITING_TO_BE_SENT)}</h2>
                        {if waiting.is_empty() {
                            view! { <p>{t(msg::NO_CHANGES_WAITING)}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="records">{waiting.into_iter().map(|e| view! { <Waiting entry=e/> }).collect_view()}</ul>
                                <SaveChanges/>
                            }.into_any()
                        }}
                    </section>
                }.into_any()
            }
        }}
        <FilesWaiting/>
        <Conflicts/>
        <Show when=move || actor.get().is_some_and(|a| a.can_manage_users())>
            <TakeInChanges/>
        </Show>
    }
}

/// Documents' files attached here that the server does not have yet (sent after the
/// changes above), or will not take, with how far each has gone; nothing when there are none.
#[component]
fn FilesWaiting() -> impl IntoView {
    let cat = use_catalogue();
    let files = Loaded::new(move || {
        cat.version.track();
        async move {
            let Ok(files) = Files::open().await else {
                return vec![];
            };
            let mut waiting: Vec<(Attached, Option<String>)> = files
                .all()
                .await
                .unwrap_or_default()
                .into_iter()
                .filter(|h| h.upload || h.refused.is_some())
                .map(|h| (h.attached, h.refused))
                .collect();
            waiting.sort_by(|a, b| a.0.name.cmp(&b.0.name));
            waiting
        }
    });
    move || {
        let waiting = files.get().unwrap_or_default();
        (!waiting.is_empty()).then(|| view! {
            <section aria-labelledby="files-waiting-h" data-testid="files-waiting">
                <h2 id="files-waiting-h">{t(msg::SYNC_FILES_WAITING)}</h2>
                <ul class="records">
                    {waiting.into_iter().map(|(a, refused)| {
                        let name = tf(msg::DOCUMENT_FILE_CHOSEN, &[("name", a.name.as_str().into()), ("size", file_size(a.size).as_str().into())]);
                        let sha = a.sha256.clone();
                        let state = move || match (&refused, moving(&sha)) {
                            (Some(reason), _) => tf(msg::DOCUMENT_FILE_REFUSED, &[("reason", reason.as_str().into())]),
                            (None, Some(m)) => tf(msg::DOCUMENT_FILE_SENDING, &[("done", file_size(m.done).as_str().into()), ("size", file_size(m.size).as_str().into())]),
                            (None, None) => t(msg::DOCUMENT_FILE_WAITING).to_owned(),
                        };
                        view! { <li><span>{name}</span><span class="meta">{state}</span></li> }
                    }).collect_view()}
                </ul>
            </section>
        })
    }
}

/// Another person's unsent changes: not sent under the signed-in person's name. That
/// person can sign in to send them, or they can be discarded here.
#[component]
fn HeldChanges(held: Held) -> impl IntoView {
    let cat = use_catalogue();
    let problem = RwSignal::new(None::<String>);
    let author = held.author;
    let discard = move |_| {
        let cat = cat.clone();
        spawn_local(async move {
            if let Err(e) = crate::sync::discard_held(&cat, author).await {
                problem.set(Some(tf(
                    msg::NOT_DISCARDED,
                    &[("error", (&e.to_string()).into())],
                )));
            }
        });
    };
    view! {
        <section class="attention" data-testid="held" aria-labelledby="held-h">
            <h2 id="held-h">{tf(msg::HELD_TITLE, &[("who", (&held.name).into())])}</h2>
            <p>{tf(msg::HELD_EXPLAINED, &[("count", held.count.into()), ("who", (&held.name).into())])}</p>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <p class="actions">
                <a href="/sign-in">{tf(msg::SIGN_IN_AS, &[("who", (&held.name).into())])}</a>
                <button type="button" data-testid="discard-held" on:click=discard>
                    {tf(msg::DISCARD_HELD, &[("count", held.count.into()), ("who", (&held.name).into())])}
                </button>
            </p>
        </section>
    }
}

/// " made 28 Nov 2026, 14:02", with the author's name when someone else made it.
fn made(entry: &OutboxEntry) -> String {
    let me = use_catalogue().user().map(|u| u.id);
    match (&entry.by_name, entry.by) {
        (Some(name), Some(by)) if Some(by) != me => {
            format!(
                " {}",
                tf(
                    msg::MADE_BY_AT,
                    &[
                        ("who", name.into()),
                        ("time", (&format_time(entry.at)).into())
                    ]
                )
            )
        }
        _ => format!(
            " {}",
            tf(msg::MADE_AT, &[("time", (&format_time(entry.at)).into())])
        ),
    }
}

fn describe_mutation(entry: &OutboxEntry) -> (String, Option<String>) {
    match entry.mutation() {
        Ok(m) => {
            let fields: Vec<String> = m
                .set
                .keys()
                .map(|f| crate::i18n::field_label_of(m.kind, f))
                .collect();
            (
                format!(
                    "{} {} — {}",
                    crate::i18n::label(m.kind),
                    &m.id.to_string()[..8],
                    fields.join(", ")
                ),
                record_href(m.kind, m.id),
            )
        }
        Err(e) => (e.to_string(), None),
    }
}

#[component]
fn Waiting(entry: OutboxEntry) -> impl IntoView {
    let (what, href) = describe_mutation(&entry);
    view! {
        <li data-testid="waiting-row">
            {what}<span class="meta">{made(&entry)}</span>
            {href.map(|h| view! { " " <a href=h>{t(msg::OPEN)}</a> })}
        </li>
    }
}

#[component]
fn Rejected(entry: OutboxEntry) -> impl IntoView {
    let cat = use_catalogue();
    let (what, href) = describe_mutation(&entry);
    let kind = entry.mutation().ok().map(|m| m.kind);
    let reason = entry
        .rejection()
        .map(|r| crate::i18n::rejection(&r, kind))
        .unwrap_or_default();
    let n = entry.n;
    let problem = RwSignal::new(None::<String>);
    let resubmit = {
        let cat = cat.clone();
        let entry = entry.clone();
        move |_| {
            let (cat, entry) = (cat.clone(), entry.clone());
            let Some(user) = cat.user() else { return };
            spawn_local(async move {
                let Ok(m) = entry.mutation() else { return };
                match cat.db.edit(&user, m.kind, m.id, m.set.clone()).await {
                    Ok(_) => {
                        let _ = cat.db.dismiss(n).await;
                        crate::sync::local_write(&cat).await;
                    }
                    Err(e) => problem.set(Some(tf(
                        msg::STILL_NOT_VALID,
                        &[("error", (&e.to_string()).into())],
                    ))),
                }
            });
        }
    };
    let dismiss = move |_| {
        let cat = cat.clone();
        spawn_local(async move {
            if cat.db.dismiss(n).await.is_ok() {
                crate::sync::local_write(&cat).await;
            }
        });
    };
    view! {
        <li data-testid="rejected-row">
            <strong>{what}</strong>
            <span class="meta">{made(&entry)}</span>
            <p class="error">{reason}</p>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <span class="row-actions">
                {href.map(|h| view! { <a href=h>{t(msg::OPEN_THE_RECORD)}</a> })}
                <button type="button" on:click=resubmit>{t(msg::SEND_AGAIN)}</button>
                <button type="button" on:click=dismiss>{t(msg::DISCARD_THIS_CHANGE)}</button>
            </span>
        </li>
    }
}

#[component]
fn Conflicts() -> impl IntoView {
    let cat = use_catalogue();
    let conflicted = Loaded::new(move || {
        let db = cat.db.clone();
        cat.version.track();
        async move { db.conflicted().await.map_err(|e| e.to_string()) }
    });
    view! {
        <section aria-labelledby="conflicts-h">
            <h2 id="conflicts-h">{t(msg::EDITED_IN_TWO_PLACES)}</h2>
            {move || match conflicted.get() {
                None => loading(),
                Some(Err(e)) => failed(e),
                Some(Ok(list)) if list.is_empty() => view! { <p>{t(msg::NO_CONFLICTS)}</p> }.into_any(),
                Some(Ok(list)) => view! { <ConflictList list=list/> }.into_any(),
            }}
        </section>
    }
}

/// The records with conflicts. Values that name other records show their names: only the
/// kinds these records' fields link to are read, and only when there are conflicts.
#[component]
fn ConflictList(list: Vec<RecordState>) -> impl IntoView {
    let mut kinds: Vec<RecordKind> = list.iter().map(|r| r.kind).collect();
    kinds.sort();
    kinds.dedup();
    let linked = linked_names(&kinds);
    let names = Memo::new(move |_| linked.get().unwrap_or_default());
    view! {
        <ul class="records">{list.into_iter().map(|r| view! { <ConflictRecord state=r names=names/> }).collect_view()}</ul>
    }
}

#[component]
fn ConflictRecord(state: RecordState, names: Memo<HashMap<Uuid, String>>) -> impl IntoView {
    let title = title_of(&state).unwrap_or_else(|| t(msg::UNTITLED).to_owned());
    let (kind, id) = (state.kind, state.id);
    let may_edit = use_actor().with_untracked(|a| a.as_ref().is_some_and(|a| a.may_edit(&state)));
    let fields: Vec<(String, Vec<FieldWrite>)> = state
        .conflicts()
        .map(|(f, s)| (f.to_owned(), s.writes.clone()))
        .collect();
    view! {
        <li data-testid="conflict">
            <strong>{format!("{}: {title}", crate::i18n::label(kind))}</strong>
            {record_href(kind, id).map(|h| view! { " " <a href=h>{t(msg::OPEN)}</a> })}
            {fields.into_iter().map(|(field, writes)| view! {
                <div class="conflict-field">
                    <p>{tf(msg::CHOOSE_VALUE_TO_KEEP, &[("field", (&crate::i18n::field_label_of(kind, &field)).into())])}</p>
                    <ul>
                        {writes.into_iter().map(|w| view! { <ConflictChoice kind=kind id=id field=field.clone() write=w may_edit=may_edit names=names/> }).collect_view()}
                    </ul>
                </div>
            }).collect_view()}
        </li>
    }
}

#[component]
fn ConflictChoice(
    kind: RecordKind,
    id: Uuid,
    field: String,
    write: FieldWrite,
    may_edit: bool,
    names: Memo<HashMap<Uuid, String>>,
) -> impl IntoView {
    let cat = use_catalogue();
    let value = write.value.clone();
    let shown = {
        let (field, value) = (field.clone(), write.value.clone());
        move || names.with(|names| field_value(kind, &field, &value, names))
    };
    let who = write.by.clone().unwrap_or_else(|| {
        tf(
            msg::DEVICE_NAMED,
            &[("device", (&write.dot.device.to_string()[..8]).into())],
        )
    });
    let keep = move |_| {
        let (cat, field, value) = (cat.clone(), field.clone(), value.clone());
        let Some(user) = cat.user() else { return };
        spawn_local(async move {
            if cat.db.resolve(&user, kind, id, field, value).await.is_ok() {
                crate::sync::local_write(&cat).await;
            }
        });
    };
    view! {
        <li>
            <q>{shown}</q>
            <span class="meta">{format!(" — {who}, {}", format_time(write.at))}</span>
            {may_edit.then(|| view! { " "<button type="button" data-testid="keep" on:click=keep.clone()>{t(msg::KEEP_THIS)}</button> })}
        </li>
    }
}
