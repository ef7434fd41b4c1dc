//! Timings in Chromium, not a test of behaviour: a one-field edit of a record whose field
//! has 1,000 (and 1 and 10,000) past writers, as the app handles it (issue 16;
//! docs/benchmarks.md, "Trust (issue 16)"). It prints figures and asserts nothing about
//! time. Built only with the `bench` feature, so `cargo test` (`make test`) leaves it out;
//! built like the shipped app (`wasm-bench`: the `wasm-release` profile as `cargo test`
//! accepts it):
//!
//! ```sh
//! cd app && RUSTC_BOOTSTRAP=1 CHROMEDRIVER=/usr/bin/chromedriver \
//!     cargo test --profile wasm-bench --features bench --test wide_record -- --nocapture
//! ```
//!
//! 1. Another device's edit arrives in a pull (read as the app reads a pull page:
//!    `Pulled::parse`, timed apart): the local copy is read from its row
//!    (`serde_json::from_str`), the pulled state joined into it (`RecordState::join`), the
//!    row written again (`serde_json::to_string`), as `Db::apply_pull` does; then
//!    `Db::apply_pull` itself, IndexedDB included.
//! 2. The person edits the field here: `Db::edit` (read, `RecordState::edit` with the whole
//!    field's context, the same checks as the server's, the row and the outbox entry
//!    written).
//!
//! The records are the native benchmark's (`server/benches/wide_record/native.rs`).

#[allow(dead_code)]
#[path = "../../server/benches/wide_record/native.rs"]
mod native;

use native::{pulled_after_another_edit, wide_record, Shape, FIELD};
use serde_json::{json, Map};
use tradewinds_app::db::{new_id, Db, Pulled, RawSnapshot};
use tradewinds_shared::access::Role;
use tradewinds_shared::accounts::User;
use tradewinds_shared::sync::{Cursor, PullResponse, RecordState, Snapshot};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: milliseconds, finer than `Date.now()` (to 5 µs in the test
    /// runner's page; Chromium coarsens it to 100 µs in pages not cross-origin isolated).
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// A pull page's envelope, its records still JSON (as `sync::client::pull` reads it).
#[derive(serde::Deserialize)]
struct RawPull<'a> {
    #[serde(borrow)]
    records: Vec<&'a serde_json::value::RawValue>,
}

/// Prints to the test's output and the browser console.
fn say(line: String) {
    console_log!("{line}");
}

/// Median and mean of `runs` timings (milliseconds).
fn summary(mut runs: Vec<f64>) -> String {
    runs.sort_by(f64::total_cmp);
    let mean = runs.iter().sum::<f64>() / runs.len() as f64;
    format!(
        "median {:.3} ms, mean {:.3} ms, max {:.3} ms ({} runs)",
        runs[runs.len() / 2],
        mean,
        runs[runs.len() - 1],
        runs.len()
    )
}

/// How many runs of the in-memory steps (a quarter of that through IndexedDB, at least 10).
fn runs_for(writers: usize) -> usize {
    match writers {
        0..=100 => 400,
        101..=2_000 => 200,
        _ => 40,
    }
}

fn coordinator() -> User {
    let id = new_id();
    User {
        id,
        email: format!("{id}@example.org"),
        name: "Coordinator".into(),
        role: Role::Coordinator,
        organisation: None,
        disabled: false,
        language: None,
    }
}

#[wasm_bindgen_test]
async fn one_field_edit_of_a_record_with_many_writers() {
    say(format!(
        "wide_record in the browser ({})",
        web_sys::window()
            .and_then(|w| w.navigator().user_agent().ok())
            .unwrap_or_default()
    ));
    for writers in [1, 1_000, 10_000] {
        merge_and_encode(writers).await;
    }
}

async fn merge_and_encode(writers: usize) {
    let local = wide_record(writers, Shape::Sequential);
    let stored = serde_json::to_string(&local).expect("JSON");
    let pulled = pulled_after_another_edit(&local, writers);
    let page = serde_json::to_string(&PullResponse {
        cursor: Cursor::new("s1", 3),
        records: vec![pulled.clone()],
        has_more: false,
        reset: false,
    })
    .expect("JSON");
    let runs = runs_for(writers);

    // 1. The pull's CPU work, step by step.
    let (mut read_page, mut read, mut join, mut write, mut total) =
        (vec![], vec![], vec![], vec![], vec![]);
    for _ in 0..runs {
        let t0 = performance_now();
        let raw: RawPull = serde_json::from_str(&page).expect("a pull");
        let Ok(Pulled::Known(theirs)) = Pulled::parse(raw.records[0].get()) else {
            panic!("a record of a known kind");
        };
        let t1 = performance_now();
        let mut mine: RecordState = serde_json::from_str(&stored).expect("a record");
        let t2 = performance_now();
        mine.join(&theirs);
        let t3 = performance_now();
        let row = serde_json::to_string(&mine).expect("JSON");
        let t4 = performance_now();
        assert!(row.len() >= stored.len());
        read_page.push(t1 - t0);
        read.push(t2 - t1);
        join.push(t3 - t2);
        write.push(t4 - t3);
        total.push(t4 - t1);
    }
    say(format!(
        "{writers:>6} writers (record {} B, pull page {} B): read row + join + write row: {}",
        stored.len(),
        page.len(),
        summary(total)
    ));
    say(format!(
        "         steps, median: read the pull page {:.3} ms; read row {:.3} ms, join {:.3} ms, write row {:.3} ms",
        median(read_page),
        median(read),
        median(join),
        median(write)
    ));

    // 1b. `Db::apply_pull`, IndexedDB included, on a database holding the record.
    let db = Db::open_named(&format!("bench-wide-{}", new_id()))
        .await
        .expect("open");
    let snapshot = serde_json::to_string(&Snapshot {
        cursor: Cursor::new("s1", 2),
        records: vec![local.clone()],
    })
    .expect("JSON");
    db.load_snapshot(RawSnapshot::parse(&snapshot).expect("a snapshot"))
        .await
        .expect("load");
    let cursor = Cursor::new("s1", 3);
    let pulled = [Pulled::Known(pulled)];
    let mut pulls = Vec::new();
    for _ in 0..(runs / 4).max(10) {
        let t = performance_now();
        db.apply_pull(&pulled, &cursor)
            .await
            .expect("apply the pull");
        pulls.push(performance_now() - t);
    }
    say(format!(
        "         Db::apply_pull of it (IndexedDB included): {}",
        summary(pulls)
    ));

    // 2. The person edits the field here (the database now holds the merged record).
    let by = coordinator();
    let mut edits = Vec::new();
    for i in 0..(runs / 4).max(10) {
        let mut set = Map::new();
        set.insert(FIELD.into(), json!(format!("Edited here, time {i}.")));
        let t = performance_now();
        let m = db
            .edit(&by, local.kind, local.id, set)
            .await
            .expect("an edit")
            .expect("a change");
        edits.push(performance_now() - t);
        assert_eq!(m.ctx[FIELD].0.len(), writers + 2 + usize::from(i > 0));
    }
    say(format!(
        "         Db::edit of `{FIELD}` (context of every writer; checks; row and outbox written): {}",
        summary(edits)
    ));
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}
