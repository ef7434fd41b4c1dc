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
use crate::loaded::Loaded;
use crate::pages::import::COPY;

fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1_000_000.0)
}

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
        <h1>"About this device"</h1>
        <dl class="record-facts">
            <dt>"Version"</dt><dd data-testid="build">{build_label()}</dd>
            {move || facts.get().map(|f| view! {
                <dt>"Stored on this device"</dt>
                <dd data-testid="storage-use">{match (f.usage, f.quota) {
                    (Some(u), Some(q)) => format!("{} of {} available to this site", megabytes(u), megabytes(q)),
                    (Some(u), None) => megabytes(u),
                    _ => "This browser does not say.".into(),
                }}</dd>
                <dt>"Kept when space runs low"</dt>
                <dd data-testid="storage-persistent">{match f.persisted {
                    Some(true) => "Yes: the browser will not clear Tradewinds' data by itself.",
                    Some(false) => "Not guaranteed: the browser may clear it if the device runs short of space. Changes not yet synced would be lost.",
                    None => "This browser does not say.",
                }}</dd>
            })}
        </dl>
        <p>
            <button type="button" on:click=keep>"Ask the browser to keep Tradewinds' data"</button>
            {move || asked.get().map(|granted| if granted {
                " Granted."
            } else {
                " Not granted. Installing the app, or using it regularly, usually makes the browser agree."
            })}
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
        <h2>"A copy of the catalogue"</h2>
        <p>
            "Every record on this device, of every kind, as one file to keep: it reads back in here "
            "or on another device, and a synced device's copy is the same as the server's."
        </p>
        <p class="actions">
            <button type="button" data-testid="download-copy" on:click=save>"Download a copy of the catalogue"</button>
            <Show when=move || may_import.get()>
                " "<a href=format!("/import?kind={COPY}") data-testid="import-copy">"Read a copy back in"</a>
            </Show>
        </p>
        {move || said.get().map(|r| match r {
            Ok(n) => view! { <p role="status" data-testid="copy-saved">{format!("Saved: {n} records.")}</p> }.into_any(),
            Err(e) => view! { <p class="error" role="alert">{format!("The copy could not be saved: {e}")}</p> }.into_any(),
        })}
    }
}
