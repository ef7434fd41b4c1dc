//! "Download as IATI XML": the projects the list shows (after search and filters) as IATI
//! activity XML 2.03, published in the name of an organisation the person chooses, made on
//! this device (offline too; `shared::export::iati`). The reporting organisation, its
//! identifier and its type are remembered on this device for the next export.

use std::collections::HashMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use tradewinds_shared::export::iati::{self, Reporter, ORGANISATION_TYPES};
use tradewinds_shared::projects::ProjectFilter;
use tradewinds_shared::{Organisation, Project};
use uuid::Uuid;

use crate::catalogue::Typed;
use crate::components::fields::{ref_options, SelectField, TextField};
use crate::components::list::{download, ListedMemo};
use crate::components::pickers::org_options;
use crate::i18n::{msg, t, tf};
use crate::loaded::Loaded;

/// Where the last reporter is kept on this device.
const KEPT: &str = "tradewinds-iati-reporter";

/// The reporter as chosen on the form.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
struct Chosen {
    organisation: String,
    reference: String,
    kind: String,
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn kept() -> Chosen {
    storage()
        .and_then(|s| s.get_item(KEPT).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

#[component]
pub fn IatiDownload(
    listed: ListedMemo<Project>,
    filter: impl Fn() -> ProjectFilter + Send + Sync + 'static,
    orgs: Loaded<Result<std::sync::Arc<Vec<Typed<Organisation>>>, String>>,
) -> impl IntoView {
    let chosen = RwSignal::new(kept());
    let message = RwSignal::new(None::<Result<String, String>>);
    let options =
        Signal::derive(move || org_options(&orgs.get().and_then(Result::ok).unwrap_or_default()));
    let org_of = move |id: &str| {
        let id = Uuid::parse_str(id).ok()?;
        orgs.get_untracked()
            .and_then(Result::ok)?
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.record.clone())
    };
    let save = move |_| {
        let c = chosen.get_untracked();
        let reporter = Reporter {
            reference: c.reference.trim().to_owned(),
            kind: c.kind.clone(),
            name: org_of(&c.organisation)
                .map(|o| o.display_name())
                .unwrap_or_default(),
        };
        if let Err(e) = reporter.check() {
            message.set(Some(Err(crate::i18n::problem(&e))));
            return;
        }
        let Some(Ok(l)) = listed.get_untracked() else {
            return;
        };
        let shown = l.shown(&filter());
        let projects: Vec<(Uuid, &Project)> = shown
            .iter()
            .map(|&i| (l.all[i as usize].id, &l.all[i as usize].record))
            .collect();
        let all_orgs = orgs
            .get_untracked()
            .and_then(Result::ok)
            .unwrap_or_default();
        let by_id: HashMap<Uuid, &Organisation> =
            all_orgs.iter().map(|o| (o.id, &o.record)).collect();
        let now = js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default();
        let file = iati::activities(&projects, &by_id, &reporter, &now);
        let today = crate::components::today();
        let name = format!(
            "iati-activities-{:04}-{:02}-{:02}.xml",
            today.year, today.month, today.day
        );
        match download(&name, &file.xml, "application/xml") {
            Ok(()) => {
                if let (Some(s), Ok(text)) = (storage(), serde_json::to_string(&c)) {
                    let _ = s.set_item(KEPT, &text);
                }
                let mut said = tf(msg::IATI_WRITTEN, &[("count", file.activities.into())]);
                for note in &file.notes {
                    said.push(' ');
                    said.push_str(note);
                }
                message.set(Some(Ok(said)));
            }
            Err(e) => message.set(Some(Err(tf(msg::FILE_NOT_MADE, &[("error", (&e).into())])))),
        }
    };
    let no_error = Signal::derive(|| None::<String>);
    view! {
        <details class="export iati" data-testid="iati-export">
            <summary>{t(msg::IATI_DOWNLOAD)}</summary>
            <p class="hint">{t(msg::IATI_ABOUT)}</p>
            <SelectField label=t(msg::IATI_REPORTING_ORGANISATION) name="iati_org" none_label=t(msg::IATI_CHOOSE)
                options=options value=Signal::derive(move || chosen.get().organisation)
                on_change=move |v: String| {
                    let org = org_of(&v);
                    let kind = org
                        .as_ref()
                        .and_then(|o| iati::organisation_type(o.category))
                        .map(str::to_owned);
                    let reference = org
                        .map(|o| o.iati_identifier.trim().to_owned())
                        .filter(|r| !r.is_empty());
                    chosen.update(|c| {
                        c.organisation = v;
                        if let Some(k) = kind {
                            c.kind = k;
                        }
                        if let Some(r) = reference {
                            c.reference = r;
                        }
                    });
                }
                error=no_error/>
            <TextField label=t(msg::IATI_IDENTIFIER) name="iati_ref"
                value=Signal::derive(move || chosen.get().reference)
                on_input=move |v: String| chosen.update(|c| c.reference = v)
                error=no_error/>
            <SelectField label=t(msg::IATI_KIND) name="iati_type" none_label=t(msg::IATI_CHOOSE)
                options=ref_options("iati-organisation-type", ORGANISATION_TYPES) value=Signal::derive(move || chosen.get().kind)
                on_change=move |v: String| chosen.update(|c| c.kind = v) error=no_error/>
            <button type="button" data-testid="download-iati" on:click=save>{t(msg::IATI_DOWNLOAD_BUTTON)}</button>
            {move || message.get().map(|m| match m {
                Ok(text) => view! { <p role="status" data-testid="iati-said">{text}</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert" data-testid="iati-said">{e}</p> }.into_any(),
            })}
        </details>
    }
}
