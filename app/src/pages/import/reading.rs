//! A chosen file read into an import plan, a slice at a time so that the page answers and
//! says how far it is: a spreadsheet (in any of the app's languages), an IATI activity file
//! or a copy of the whole catalogue, against the records on this device.

use leptos::prelude::*;
use tradewinds_shared::access::Actor;
use tradewinds_shared::backup::{self, CopyPlanner};
use tradewinds_shared::i18n::{Msg, Readings};
use tradewinds_shared::import::{csv, iati, Names, Plan, Planner};
use tradewinds_shared::{import, RecordKind};

use super::{said, Source};
use crate::catalogue::Catalogue;
use crate::db::new_id;
use crate::i18n::{msg, t, tf};

/// Rows planned between two turns of the page's event loop (two steps a row): some tens of
/// milliseconds on a low-end phone.
const PLAN_SLICE: usize = 1000;

/// How far the work on a file is: what is being done (reading, checking, as the message that
/// says so), and how much of how much.
pub(super) type Progress = (Msg, usize, usize);

/// XML events read between two turns (an activity is some forty).
const XML_SLICE: usize = 20_000;

/// The plan for `bytes` read as `source`, against what is on this device, for `actor`;
/// `progress` follows the steps done.
pub(super) async fn plan_file(
    cat: Catalogue,
    actor: Option<Actor>,
    source: Source,
    bytes: &[u8],
    progress: RwSignal<Option<Progress>>,
) -> Result<Plan, String> {
    let actor = actor.ok_or(t(msg::IMPORT_SIGN_IN))?;
    let text = csv::decode(bytes);
    if source == Source::Copy {
        return plan_copy(cat, &actor, &text, progress).await;
    }
    let kind = source.kind().unwrap_or_default();
    // The kind imported is read once, removed records too; links name live records.
    let records = cat
        .db
        .records_with_removed(kind)
        .await
        .map_err(|e| e.to_string())?;
    let mut linkable = Vec::new();
    for k in import::LINKED_KINDS.into_iter().filter(|&k| k != kind) {
        linkable.extend(cat.db.records(k).await.map_err(|e| e.to_string())?);
    }
    let names = Names::of_records(
        linkable.iter().chain(
            records
                .iter()
                .filter(|r| !r.is_deleted() && import::LINKED_KINDS.contains(&r.kind)),
        ),
    );
    let (table, notes, identifiers) = match &source {
        Source::Iati(country) => {
            let filter = iati::IatiFilter {
                country: country.clone(),
                language: crate::i18n::lang().code().into(),
            };
            // A slice at a time, as the plan below: a large file is read without freezing
            // the page.
            let mut reader = iati::IatiReader::new(&text, &filter, &names);
            while !reader.work(XML_SLICE).map_err(|e| said(&e))? {
                let (done, of) = reader.progress();
                progress.set(Some((msg::IMPORT_READING_PROGRESS, done, of)));
                gloo_timers::future::TimeoutFuture::new(0).await;
            }
            let rows = reader.finish().map_err(|e| said(&e))?;
            let mut notes = Vec::new();
            if rows.skipped > 0 {
                notes.push(tf(
                    msg::IMPORT_ACTIVITIES_ELSEWHERE,
                    &[
                        ("skipped", rows.skipped.into()),
                        ("activities", rows.activities.into()),
                    ],
                ));
            }
            notes.extend(rows.notes.iter().map(crate::i18n::problem));
            (rows.table, notes, rows.identifiers)
        }
        _ => (
            csv::read(&text).map_err(|e| crate::i18n::problem(&e.problem()))?,
            Vec::new(),
            Default::default(),
        ),
    };
    // A spreadsheet may have been written in any of the app's languages (an export made
    // by someone who works in another); an IATI file's cells are codes.
    let readings = match &source {
        Source::Iati(_) => Readings::english(),
        _ => crate::i18n::readings().await,
    };
    let mut planner =
        Planner::new(kind, &table, &records, names, readings, &actor).map_err(|e| said(&e))?;
    // A slice at a time, letting the page answer between slices and say how far it is.
    let mut id = new_id;
    while !planner.work(PLAN_SLICE, &mut id) {
        let (done, of) = planner.progress();
        progress.set(Some((msg::IMPORT_CHECKING_PROGRESS, done, of)));
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
    let mut plan = planner.finish();
    plan.notes = notes;
    plan.identify_missing(&identifiers);
    Ok(plan)
}

/// The plan for a copy of the catalogue, against every record on this device.
async fn plan_copy(
    cat: Catalogue,
    actor: &Actor,
    text: &str,
    progress: RwSignal<Option<Progress>>,
) -> Result<Plan, String> {
    let copy = backup::read(text).map_err(|e| said(&e))?;
    let mut records = Vec::new();
    for &k in RecordKind::ALL {
        records.extend(
            cat.db
                .records_with_removed(k)
                .await
                .map_err(|e| e.to_string())?,
        );
    }
    let mut planner = CopyPlanner::new(&copy, &records, actor, crate::i18n::words());
    while !planner.work(PLAN_SLICE) {
        let (done, of) = planner.progress();
        progress.set(Some((msg::IMPORT_CHECKING_PROGRESS, done, of)));
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
    Ok(planner.finish())
}
