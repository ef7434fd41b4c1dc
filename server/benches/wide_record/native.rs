//! The push writer's work for one one-field edit of a record whose field has many past
//! writers, timed in this process: read the stored record (`serde_json::from_str`), apply
//! the edit (`RecordState::apply_checked`), write it again (`serde_json::to_string`).
//! Also what the browser does with such a record when it pulls it: read the local copy,
//! `RecordState::join` the pulled state into it, write it again.
//!
//! Only `tradewinds_shared` API that earlier releases also have is used, so that the same
//! file can be built against an earlier `shared` to compare (`docs/benchmarks.md`, "Trust
//! (issue 16)").

use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};
use tradewinds_shared::sync::{Dot, FieldWrite, Mutation, RecordState, VersionVector};
use tradewinds_shared::RecordKind;
use uuid::Uuid;

/// The field every writer wrote.
pub const FIELD: &str = "description";

/// Device `i` (0 made the record and makes the timed edits).
pub fn device(i: usize) -> Uuid {
    Uuid::from_u128(0x7ead_0000_0000_4000_8000_0000_0000_0000 | i as u128)
}

/// Authors' names: writers are spread over a few accounts, as on the server.
fn author(i: usize) -> String {
    format!("Coordinator {}", i % 3)
}

/// A valid organisation with every usual field filled in.
pub fn organisation() -> Map<String, Value> {
    match json!({
        "name": "Customs and Excise Department of Barbados",
        "acronym": "CED",
        "category": "customs_administration",
        "country": "BB",
        "website": "https://customs.example.org",
        "status": "active",
        "languages": ["en"],
        "memberships": ["WCO", "CCLEC"],
        "description": "Collects duties and taxes, facilitates legitimate trade and protects the borders of Barbados.",
        "source": "Report of the first WCO sub-regional donor meeting, Bridgetown, 15–17 October 2012.",
    }) {
        Value::Object(m) => m,
        _ => unreachable!(),
    }
}

/// How the writers wrote the field.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One after another, each having seen the others' writes: one value, `seen` naming
    /// every writer.
    Sequential,
    /// All at once, none having seen another's: every write kept, in conflict.
    Concurrent,
}

impl Shape {
    pub fn label(self) -> &'static str {
        match self {
            Shape::Sequential => "one after another (1 value, seen names all)",
            Shape::Concurrent => "concurrently (every write in conflict)",
        }
    }
}

/// An organisation made by device 0 (its mutation 1) whose `FIELD` was then written by
/// devices 1..=writers (each its mutation 1), in `shape`.
pub fn wide_record(writers: usize, shape: Shape) -> RecordState {
    let id = Uuid::from_u128(0x0123_4567_89ab_4def_8123_4567_89ab_cdef);
    let mut state = RecordState::new(RecordKind::Organisation, id);
    let create = state
        .edit(1, 1_764_300_000_000, organisation())
        .expect("a create");
    state.apply(device(0), &create, Some(&author(0)));
    let field = state.fields.get_mut(FIELD).expect("the field");
    for i in 1..=writers {
        let write = FieldWrite {
            value: json!(format!("Description as writer {i} left it.")),
            dot: Dot {
                device: device(i),
                n: 1,
            },
            at: 1_764_300_000_000 + i as i64,
            by: Some(author(i)),
        };
        // Having seen the write before it covers everything before it, since that one
        // covered everything before itself (built write by write: a context of the whole
        // `seen` each time would be quadratic to build).
        let mut ctx = VersionVector::default();
        if shape == Shape::Sequential {
            let previous = field.writes.last().expect("a write").dot;
            ctx.add(previous);
        }
        field.apply(write, &ctx);
    }
    state
}

/// The edit device 0 makes next: `FIELD` set to a new value, having seen the whole record
/// (its mutation 2, its context the field's `seen`).
pub fn edit_of(state: &RecordState, n: u64) -> Mutation {
    let mut set = Map::new();
    set.insert(FIELD.into(), json!(format!("Description after call {n}.")));
    state
        .edit(n, 1_764_400_000_000 + n as i64, set)
        .expect("a change")
}

/// `record` as another device has just written it (the pull the browser receives): one
/// more writer, having seen the whole field.
pub fn pulled_after_another_edit(record: &RecordState, writers: usize) -> RecordState {
    let mut pulled = record.clone();
    let other = device(writers + 1);
    let m = edit_of(&pulled, 1);
    pulled.apply(other, &m, Some("Someone else"));
    pulled
}

/// Timings of repeated runs of one piece of work.
pub struct Times(pub Vec<Duration>);

impl Times {
    pub fn median(&self) -> Duration {
        let mut v = self.0.clone();
        v.sort();
        v[v.len() / 2]
    }

    pub fn p90(&self) -> Duration {
        let mut v = self.0.clone();
        v.sort();
        v[(v.len() * 9).div_ceil(10).clamp(1, v.len()) - 1]
    }
}

pub fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

/// Runs `work` at least `min` times and until `budget` has passed (at most `max` times).
fn repeat(min: usize, max: usize, budget: Duration, mut work: impl FnMut()) -> usize {
    let start = Instant::now();
    let mut runs = 0;
    while runs < min || (runs < max && start.elapsed() < budget) {
        work();
        runs += 1;
    }
    runs
}

/// One line of figures per record size and shape: the writer's parse, apply and serialise
/// of a one-field edit, and the browser's parse, join and serialise of a pulled state.
pub fn run(sizes: &[usize], budget: Duration) {
    for shape in [Shape::Sequential, Shape::Concurrent] {
        println!("writers of `{FIELD}` {}:", shape.label());
        for &writers in sizes {
            one(writers, shape, budget);
        }
    }
}

fn one(writers: usize, shape: Shape, budget: Duration) {
    let record = wide_record(writers, shape);
    let stored = serde_json::to_string(&record).expect("JSON");
    let edit = edit_of(&record, 2);
    let ctx_len = edit.ctx.get(FIELD).map_or(0, |c| c.0.len());
    let (mut parse, mut apply, mut write, mut total) = (vec![], vec![], vec![], vec![]);
    let mut out_len = 0;
    let runs = repeat(5, 2_000, budget, || {
        let t0 = Instant::now();
        let mut state: RecordState = serde_json::from_str(&stored).expect("a record");
        let t1 = Instant::now();
        let applied = state
            .apply_checked(device(0), &edit, Some("Coordinator 0"))
            .expect("the edit passes");
        let t2 = Instant::now();
        let out = serde_json::to_string(&state).expect("JSON");
        let t3 = Instant::now();
        assert!(applied.changed);
        out_len = out.len();
        parse.push(t1 - t0);
        apply.push(t2 - t1);
        write.push(t3 - t2);
        total.push(t3 - t0);
    });
    let (parse, apply, write, total) = (Times(parse), Times(apply), Times(write), Times(total));
    println!(
        "  {writers:>6} writers, record {} B, context {ctx_len} devices: writer's edit median {} (p90 {}): parse {}, apply_checked {}, serialise {} ({runs} runs, {out_len} B written)",
        stored.len(),
        ms(total.median()),
        ms(total.p90()),
        ms(parse.median()),
        ms(apply.median()),
        ms(write.median()),
    );

    // The browser: its copy (`record`) meets the server's state after another device's
    // edit; it reads its row, joins, and writes the row again.
    let pulled = pulled_after_another_edit(&record, writers);
    let (mut parse, mut join, mut write, mut total) = (vec![], vec![], vec![], vec![]);
    let runs = repeat(5, 2_000, budget, || {
        let t0 = Instant::now();
        let mut mine: RecordState = serde_json::from_str(&stored).expect("a record");
        let t1 = Instant::now();
        mine.join(&pulled);
        let t2 = Instant::now();
        let out = serde_json::to_string(&mine).expect("JSON");
        let t3 = Instant::now();
        assert!(out.len() > 2);
        parse.push(t1 - t0);
        join.push(t2 - t1);
        write.push(t3 - t2);
        total.push(t3 - t0);
    });
    let (parse, join, write, total) = (Times(parse), Times(join), Times(write), Times(total));
    println!(
        "  {writers:>6} writers: pulled state merged as the browser does, natively: median {} (p90 {}): parse {}, join {}, serialise {} ({runs} runs)",
        ms(total.median()),
        ms(total.p90()),
        ms(parse.median()),
        ms(join.median()),
        ms(write.median()),
    );
}
