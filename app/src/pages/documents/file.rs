//! A document's file on its row: its name and size, whether it is on this device (kept,
//! waiting to be sent, refused by the server) or on its way, and Open, Keep on this device
//! and Do not keep. Opening a file not kept fetches it (`sync::files::bring`, which goes
//! on after a cut) and hands it to the browser as a download, never shown from our origin.

use leptos::prelude::*;
use leptos::task::spawn_local;
use tradewinds_shared::files::Attached;

use crate::catalogue::{use_catalogue, Catalogue};
use crate::components::list::download_blob;
use crate::db::files::Files;
use crate::i18n::{file_size, msg, t, tf};
use crate::loaded::Loaded;
use crate::sync::files::{bring, keep, moving};

/// What this device holds of a file.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Here {
    pub kept: bool,
    pub upload: bool,
    pub refused: Option<String>,
}

/// What this device holds of the file `sha256` (nothing if it cannot tell).
pub async fn here(sha256: &str) -> Here {
    let Ok(files) = Files::open().await else {
        return Here::default();
    };
    match files.get(sha256).await {
        Ok(Some(h)) => Here {
            kept: h.kept,
            upload: h.upload,
            refused: h.refused,
        },
        _ => Here::default(),
    }
}

#[component]
pub fn DocumentFile(file: Attached) -> impl IntoView {
    let cat = use_catalogue();
    let sha = file.sha256.clone();
    let held = {
        let (cat, sha) = (cat.clone(), sha.clone());
        Loaded::new(move || {
            cat.version.track();
            let sha = sha.clone();
            async move { here(&sha).await }
        })
    };
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let run = {
        let (cat, file) = (cat.clone(), file.clone());
        move |act: Act| {
            let (cat, file) = (cat.clone(), file.clone());
            busy.set(true);
            problem.set(None);
            spawn_local(async move {
                let done = match act {
                    Act::Open => bring(&cat, &file)
                        .await
                        .map_err(|e| e.to_string())
                        .and_then(|blob| download_blob(&file.name, &blob)),
                    Act::Keep => keep(&cat, &file).await.map_err(|e| e.to_string()),
                    Act::Forget => match Files::open().await {
                        Ok(f) => f.forget(&file.sha256).await.map_err(|e| e.to_string()),
                        Err(e) => Err(e.to_string()),
                    },
                };
                if let Err(e) = done {
                    problem.try_set(Some(tf(
                        msg::DOCUMENT_FILE_FAILED,
                        &[("error", e.as_str().into())],
                    )));
                }
                busy.try_set(false);
                held.refetch();
            });
        }
    };
    let on_way = {
        let sha = sha.clone();
        move || {
            moving(&sha).map(|m| {
                let id = if m.up {
                    msg::DOCUMENT_FILE_SENDING
                } else {
                    msg::DOCUMENT_FILE_FETCHING
                };
                tf(
                    id,
                    &[
                        ("done", file_size(m.done).as_str().into()),
                        ("size", file_size(m.size).as_str().into()),
                    ],
                )
            })
        }
    };
    let state = move || {
        let h = held.get().unwrap_or_default();
        if let Some(reason) = h.refused {
            return Some(tf(
                msg::DOCUMENT_FILE_REFUSED,
                &[("reason", reason.as_str().into())],
            ));
        }
        if h.upload {
            return Some(t(msg::DOCUMENT_FILE_WAITING).to_owned());
        }
        h.kept.then(|| t(msg::DOCUMENT_FILE_KEPT).to_owned())
    };
    let kept = move || held.get().is_some_and(|h| h.kept);
    let label = tf(
        msg::DOCUMENT_FILE_CHOSEN,
        &[
            ("name", file.name.as_str().into()),
            ("size", file_size(file.size).as_str().into()),
        ],
    );
    let (open, toggle) = (run.clone(), run);
    view! {
        <span class="document-file" data-testid="document-file">
            <span class="file-name">{label}</span>
            <span class="file-state" data-testid="file-state" role="status">{move || on_way().or_else(state)}</span>
            <button type="button" disabled=move || busy.get() on:click=move |_| open(Act::Open)>{t(msg::DOCUMENT_FILE_OPEN)}</button>
            <button type="button" disabled=move || busy.get()
                on:click=move |_| toggle(if kept() { Act::Forget } else { Act::Keep })>
                {move || t(if kept() { msg::DOCUMENT_FILE_UNKEEP } else { msg::DOCUMENT_FILE_KEEP })}
            </button>
            {move || problem.get().map(|p| view! { <span class="error" role="alert">{p}</span> })}
        </span>
    }
}

/// What a button asks of a file.
#[derive(Clone, Copy)]
enum Act {
    Open,
    Keep,
    Forget,
}

/// Keeps every file of `files` on this device, one after the other; the first failure is
/// returned (the files before it are kept).
pub async fn keep_all(cat: &Catalogue, files: Vec<Attached>) -> Result<(), String> {
    for f in files {
        keep(cat, &f).await.map_err(|e| e.to_string())?;
    }
    cat.changed();
    Ok(())
}
