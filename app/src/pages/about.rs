//! About this device: the version running, how much the browser stores for Tradewinds and
//! whether it promised to keep it, and a copy of the whole catalogue to keep
//! (`shared::backup`).

use leptos::prelude::*;
use leptos::task::spawn_local;

use tradewinds_shared::{backup, RecordKind};

use tradewinds_shared::access::Role;

use crate::catalogue::{allowed, use_catalogue, Catalogue};
use crate::components::list::download;
use crate::components::pwa::{build_label, request_persistence, storage_facts};
use crate::components::today;
use crate::i18n::{file_size, msg, t, tf};
use crate::loaded::Loaded;
use crate::pages::import::COPY;

#[component]
pub fn AboutPage() -> impl IntoView {
    let facts = Loaded::new(storage_facts);
    let asked = RwSignal::new(None::<bool>);
    let keep = move |_| {
        spawn_local(async move {
            asked.set(Some(request_persistence().await.unwrap_or(false)));
            facts.refetch();
        })
    };
    view! {
        <h1>{t(msg::ABOUT_THIS_DEVICE)}</h1>
        <dl class="record-facts">
            <dt>{t(msg::VERSION)}</dt><dd data-testid="build">{build_label()}</dd>
            {move || facts.get().map(|f| view! {
                <dt>{t(msg::STORED_ON_DEVICE)}</dt>
                <dd data-testid="storage-use">{match (f.usage, f.quota) {
                    (Some(u), Some(q)) => tf(msg::STORAGE_OF, &[("used", (&file_size(u as u64)).into()), ("quota", (&file_size(q as u64)).into())]),
                    (Some(u), None) => file_size(u as u64),
                    _ => t(msg::BROWSER_DOES_NOT_SAY).into(),
                }}</dd>
                <dt>{t(msg::KEPT_WHEN_LOW)}</dt>
                <dd data-testid="storage-persistent">{match f.persisted {
                    Some(true) => t(msg::KEPT_YES),
                    Some(false) => t(msg::KEPT_NOT_GUARANTEED),
                    None => t(msg::BROWSER_DOES_NOT_SAY),
                }}</dd>
            })}
        </dl>
        <p>
            <button type="button" on:click=keep>{t(msg::ASK_TO_KEEP)}</button>
            {move || asked.get().map(|granted| view! { " "{t(if granted { msg::GRANTED } else { msg::NOT_GRANTED })} })}
        </p>
        <CatalogueCopy/>
    }
}

/// Writes every record on this device as a copy and hands it to the browser as a file;
/// answers how many records it holds.
async fn save_copy(cat: Catalogue) -> Result<usize, String> {
    let mut records = Vec::new();
    for &k in RecordKind::ALL {
        records.extend(cat.db.records(k).await.map_err(|e| e.to_string())?);
    }
    let d = today();
    let file = format!(
        "tradewinds-catalogue-{:04}-{:02}-{:02}.json",
        d.year, d.month, d.day
    );
    download(&file, &backup::write(&records), "application/json")?;
    Ok(records.len())
}

/// "A copy of the catalogue": download it, or read one back in.
#[component]
fn CatalogueCopy() -> impl IntoView {
    let cat = StoredValue::new_local(use_catalogue());
    let said = RwSignal::new(None::<Result<usize, String>>);
    let may_import = allowed(|a| a.role != Role::Viewer);
    let save = move |_| {
        let cat = cat.get_value();
        spawn_local(async move { said.set(Some(save_copy(cat).await)) });
    };
    view! {
        <h2>{t(msg::CATALOGUE_COPY)}</h2>
        <p>
            {t(msg::CATALOGUE_COPY_ABOUT)}
        </p>
        <p class="actions">
            <button type="button" data-testid="download-copy" on:click=save>{t(msg::DOWNLOAD_COPY)}</button>
            <Show when=move || may_import.get()>
                " "<a href=format!("/import?kind={COPY}") data-testid="import-copy">{t(msg::READ_COPY_BACK)}</a>
            </Show>
        </p>
        {move || said.get().map(|r| match r {
            Ok(n) => view! { <p role="status" data-testid="copy-saved">{tf(msg::COPY_SAVED, &[("count", n.into())])}</p> }.into_any(),
            Err(e) => view! { <p class="error" role="alert">{tf(msg::COPY_NOT_SAVED, &[("error", (&e.to_string()).into())])}</p> }.into_any(),
        })}
    }
}
