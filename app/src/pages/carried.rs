//! Sync carried on a file, on the Sync page (`tradewinds_shared::sync::carried`): a person
//! whose office has no link saves their waiting changes to a file sealed with this device's
//! key, and carries it to where there is one; an administrator takes such a file in. The
//! changes stay waiting on the device too: when it next syncs, the server answers that it
//! already has them (and shows any it refused).

use leptos::prelude::*;
use leptos::task::spawn_local;
use tradewinds_shared::sync::carried::{self, from_hex, Carried, TakenIn};
use tradewinds_shared::sync::Mutation;

use crate::catalogue::{use_catalogue, Catalogue};
use crate::components::list::download;
use crate::components::{format_time, today};
use crate::i18n::{msg, t, tf};

/// The file of the signed-in person's waiting changes on this device, and how many it holds.
async fn changes_file(cat: &Catalogue) -> Result<(String, usize), String> {
    let session = cat
        .db
        .session()
        .await
        .map_err(|e| e.to_string())?
        .filter(|s| s.signed_in())
        .ok_or(t(msg::CARRIED_SIGN_IN_TO_SAVE))?;
    let device = cat.db.device_id().await.map_err(|e| e.to_string())?;
    let key = cat
        .db
        .seal()
        .await
        .map_err(|e| e.to_string())?
        .filter(|k| k.account == session.user.id && k.device == device)
        .and_then(|k| from_hex(&k.key))
        .ok_or(t(msg::CARRIED_NO_KEY))?;
    let outbox = cat.db.outbox().await.map_err(|e| e.to_string())?;
    let mutations = crate::sync::sendable(&outbox, session.user.id)
        .into_iter()
        .map(|e| e.mutation())
        .collect::<Result<Vec<Mutation>, _>>()
        .map_err(|e| e.to_string())?;
    if mutations.is_empty() {
        return Err(t(msg::CARRIED_NOTHING_WAITING).into());
    }
    let cursor = cat.db.cursor().await.map_err(|e| e.to_string())?;
    let count = mutations.len();
    let file = carried::write(
        &Carried {
            device,
            account: session.user.id,
            name: session.user.display().to_owned(),
            made: js_sys::Date::now() as i64,
            cursor: cursor.map(|c| c.0),
            mutations,
        },
        &key,
    );
    Ok((file, count))
}

/// "Save my waiting changes to a file", under the changes waiting to be sent.
#[component]
pub fn SaveChanges() -> impl IntoView {
    let cat = StoredValue::new_local(use_catalogue());
    let said = RwSignal::new(None::<Result<String, String>>);
    let save = move |_| {
        let cat = cat.get_value();
        spawn_local(async move {
            let answer = changes_file(&cat).await.and_then(|(file, count)| {
                let d = today();
                let name = format!(
                    "tradewinds-changes-{:04}-{:02}-{:02}.json",
                    d.year, d.month, d.day
                );
                download(&name, &file, "application/json")?;
                Ok(tf(
                    msg::CARRIED_SAVED,
                    &[("count", count.into()), ("file", (&name).into())],
                ))
            });
            said.set(Some(answer));
        });
    };
    view! {
        <div class="carried">
            <p>{t(msg::CARRIED_SAVE_ABOUT)}</p>
            <button type="button" data-testid="save-changes" on:click=save>{t(msg::CARRIED_SAVE)}</button>
            {move || said.get().map(|s| match s {
                Ok(m) => view! { <p role="status" data-testid="changes-saved">{m}</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
            })}
        </div>
    }
}

/// What taking a file in did, as a sentence, and the refusals.
fn report(taken: &TakenIn) -> String {
    tf(
        msg::CARRIED_REPORT,
        &[
            ("changes", taken.changes.into()),
            ("name", (&taken.name).into()),
            ("time", (&format_time(taken.made)).into()),
            ("applied", taken.applied.into()),
            ("already", taken.already.into()),
            ("refused", taken.rejections.len().into()),
        ],
    )
}

/// "Take in a changes file" (administrators): a file someone carried from an office with
/// no link goes to the server as if their device had synced.
#[component]
pub fn TakeInChanges() -> impl IntoView {
    let cat = StoredValue::new_local(use_catalogue());
    let said = RwSignal::new(None::<Result<TakenIn, String>>);
    let choose = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let cat = cat.get_value();
        spawn_local(async move {
            let Some(token) = cat.token() else {
                return said.set(Some(Err(t(msg::CARRIED_SIGN_IN_TO_TAKE_IN).into())));
            };
            let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(text) => text.as_string().unwrap_or_default(),
                Err(_) => return said.set(Some(Err(t(msg::IMPORT_FILE_UNREADABLE).into()))),
            };
            let answer = crate::sync::take_in_changes(&token, text)
                .await
                .map_err(|e| {
                    tf(
                        msg::CARRIED_NOT_TAKEN_IN,
                        &[("error", e.to_string().as_str().into())],
                    )
                });
            if answer.is_ok() {
                crate::sync::soon();
            }
            said.set(Some(answer));
        });
    };
    view! {
        <section aria-labelledby="take-in-h">
            <h2 id="take-in-h">{t(msg::CARRIED_TITLE)}</h2>
            <p>{t(msg::CARRIED_TAKE_IN_ABOUT)}</p>
            <label for="changes-file">{t(msg::CARRIED_TAKE_IN)}</label>
            <input id="changes-file" type="file" accept=".json,application/json" data-testid="changes-file" on:change=choose/>
            {move || said.get().map(|s| match s {
                Ok(taken) => view! {
                    <div role="status" data-testid="taken-in">
                        <p>{report(&taken)}</p>
                        <ul>{taken.rejections.into_iter().map(|r| view! {
                            <li>{tf(msg::CARRIED_REJECTED, &[("n", r.n.into()), ("message", crate::i18n::rejection(&r, None).as_str().into())])}</li>
                        }).collect_view()}</ul>
                    </div>
                }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
            })}
        </section>
    }
}
