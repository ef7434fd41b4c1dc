//! About this device: the version running, how much the browser stores for Tradewinds and
//! whether it promised to keep it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::pwa::{build_label, request_persistence, storage_facts};
use crate::loaded::Loaded;

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
    }
}
