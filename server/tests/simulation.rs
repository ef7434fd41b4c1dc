//! A deterministic simulation of sync under faults. Fifty devices edit a shared set of
//! organisations offline (different fields, the same fields, deletes, conflict resolutions)
//! and sync with a real `Store` (on SQLite; under `make test-server-postgres`, two instances
//! on one PostgreSQL database, each request going to either) through a network that drops requests and
//! responses, duplicates and reorders push batches and partitions groups of devices; the
//! server restarts now and then, and devices lose their cursor. Whenever a pull reaches the
//! end of the log the device must have everything the server has. After everything heals and
//! every device has synced until quiet, every replica must equal the server, the server must
//! equal a replay of every mutation, every acknowledged mutation must be there, and nothing
//! may have been applied twice.
//!
//! The run is a function of the seed: `TRADEWINDS_SIM_SEED=N` replays another one.

use std::collections::{BTreeMap, HashMap, VecDeque};

use serde_json::{json, Map, Value};
use tradewinds_server::accounts::Author;
use tradewinds_server::Store;
use tradewinds_shared::{
    sync::{Cursor, Dot, Mutation, PushResponse, RecordState, Snapshot},
    RecordKind,
};
use uuid::Uuid;

use crate::common::Rng;

const DEFAULT_SEED: u64 = 2012;
const DEVICES: usize = 50;
const RECORDS: usize = 20;
const STEPS: usize = 8_000;
/// The devices' clocks start here (milliseconds since 1970), each with its own skew.
const EPOCH: i64 = 1_700_000_000_000;
const FIELDS: [&str; 4] = ["name", "acronym", "website", "description"];

/// One device: its replica, its pending mutations and its place in the server's log.
struct Device {
    id: Uuid,
    replica: HashMap<Uuid, RecordState>,
    /// Mutations made here that no response has acknowledged yet, in order.
    outbox: VecDeque<Mutation>,
    next: u64,
    /// The highest `last_applied` any response brought back.
    acked: u64,
    /// `None` until the first snapshot.
    cursor: Option<Cursor>,
    /// How far this device's clock is off, in milliseconds.
    skew: i64,
    /// Cut off from the server until this step.
    offline_until: usize,
}

impl Device {
    /// Applies a local edit and queues it, as the app does in one IndexedDB transaction.
    fn record(&mut self, m: &Mutation) {
        assert_eq!(m.n, self.next);
        self.replica
            .entry(m.id)
            .or_insert_with(|| RecordState::new(m.kind, m.id))
            .apply(self.id, m, None);
        self.outbox.push_back(m.clone());
        self.next += 1;
    }

    /// Replaces the replica with a snapshot and re-applies the outbox on top.
    fn take_snapshot(&mut self, snapshot: Snapshot) {
        self.replica = snapshot.records.into_iter().map(|r| (r.id, r)).collect();
        for m in &self.outbox {
            self.replica
                .entry(m.id)
                .or_insert_with(|| RecordState::new(m.kind, m.id))
                .apply(self.id, m, None);
        }
        self.cursor = Some(snapshot.cursor);
    }

    /// Joins pulled records into the replica; whether any field changed.
    fn merge(&mut self, records: &[RecordState]) -> bool {
        let mut changed = false;
        for r in records {
            let mine = self
                .replica
                .entry(r.id)
                .or_insert_with(|| RecordState::new(r.kind, r.id));
            let before = mine.fields.clone();
            mine.join(r);
            changed |= mine.fields != before;
        }
        changed
    }

    fn ack(&mut self, last_applied: u64) {
        self.acked = self.acked.max(last_applied);
        let acked = self.acked;
        self.outbox.retain(|m| m.n > acked);
    }
}

/// A push batch on its way to the server.
struct Push {
    device: usize,
    mutations: Vec<Mutation>,
}

/// What happened, so that the test can insist that every fault was exercised.
#[derive(Debug, Default)]
struct Stats {
    mutations: usize,
    deletes: usize,
    resolutions: usize,
    pushes_sent: usize,
    pushes_delivered: usize,
    requests_dropped: usize,
    requests_duplicated: usize,
    delivered_out_of_order: usize,
    responses_dropped: usize,
    /// Mutations the server received again after it had processed them.
    duplicates_at_server: usize,
    pulls: usize,
    pulls_dropped: usize,
    /// Complete pulls after which the device was checked to have everything.
    caught_up_checks: usize,
    snapshots: usize,
    resets: usize,
    partitions: usize,
    restarts: usize,
    heal_rounds: usize,
}

struct Sim {
    seed: u64,
    rng: Rng,
    url: String,
    /// The server: one instance, or on PostgreSQL two sharing the database, each request
    /// going to either (`instance`).
    stores: Vec<Store>,
    devices: Vec<Device>,
    /// The shared records, and the device that creates each.
    ids: Vec<Uuid>,
    owners: Vec<usize>,
    /// Every mutation made, in the order made.
    history: Vec<(Uuid, Mutation)>,
    /// Push batches in the network, delivered in any order.
    in_flight: Vec<Push>,
    /// Push responses in the network: (device, response).
    responses: Vec<(usize, PushResponse)>,
    step: usize,
    /// Off once everything heals: no more drops, duplicates or partitions.
    faults: bool,
    stats: Stats,
}

fn set(pairs: Vec<(&str, Value)>) -> Map<String, Value> {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// A valid value for one of the edited fields; few distinct values, so that devices
/// sometimes write the same one.
fn value(rng: &mut Rng, record: usize, field: &str) -> Value {
    let k = rng.below(5);
    match field {
        "name" => json!(format!("Organisation {record} v{k}")),
        "acronym" => json!(format!("O{record}V{k}")),
        "website" => json!(format!("https://org{record}.example.org/{k}")),
        "description" => json!(format!("Description {k} of organisation {record}.")),
        other => unreachable!("no values for {other}"),
    }
}

impl Sim {
    /// The instance the next request goes to: either, at random, when there are two.
    fn instance(&mut self) -> Store {
        let i = match self.stores.len() {
            1 => 0,
            n => self.rng.below(n),
        };
        self.stores[i].clone()
    }

    async fn new(seed: u64, url: String) -> Sim {
        let mut rng = Rng::new(seed);
        let mut stores = vec![Store::open(&url).await.expect("open store")];
        if url.starts_with("postgres") {
            stores.push(Store::open(&url).await.expect("open a second instance"));
        }
        let devices = (0..DEVICES)
            .map(|_| Device {
                id: rng.uuid(),
                replica: HashMap::new(),
                outbox: VecDeque::new(),
                next: 1,
                acked: 0,
                cursor: None,
                skew: rng.below(10_001) as i64 - 5_000,
                offline_until: 0,
            })
            .collect();
        let ids = (0..RECORDS).map(|_| rng.uuid()).collect();
        let owners = (0..RECORDS).map(|_| rng.below(DEVICES)).collect();
        Sim {
            seed,
            rng,
            url,
            stores,
            devices,
            ids,
            owners,
            history: Vec::new(),
            in_flight: Vec::new(),
            responses: Vec::new(),
            step: 0,
            faults: true,
            stats: Stats::default(),
        }
    }

    fn offline(&self, d: usize) -> bool {
        self.faults && self.devices[d].offline_until > self.step
    }

    /// True with probability `p` percent while faults are on.
    fn fault(&mut self, p: u64) -> bool {
        self.faults && self.rng.percent(p)
    }

    /// Device `d` edits a record it has (or creates one it owns), online or not.
    fn edit(&mut self, d: usize) {
        let r = self.rng.below(RECORDS);
        let id = self.ids[r];
        let at = EPOCH + self.step as i64 * 10 + self.devices[d].skew;
        let n = self.devices[d].next;
        let roll = self.rng.below(100);
        let m = match self.devices[d].replica.get(&id) {
            None if self.owners[r] == d => {
                let fields = set(vec![
                    ("name", value(&mut self.rng, r, "name")),
                    ("acronym", value(&mut self.rng, r, "acronym")),
                    ("category", json!("regional_body")),
                ]);
                RecordState::new(RecordKind::Organisation, id).edit(n, at, fields)
            }
            None => None,
            Some(state) if state.is_deleted() => {
                // Someone brings it back now and then.
                (roll < 15).then(|| state.resolve(n, at, "deleted", json!(false)))
            }
            Some(state) if roll < 4 => {
                self.stats.deletes += 1;
                state.edit(n, at, set(vec![("deleted", json!(true))]))
            }
            Some(state) if roll < 12 && state.conflicts().next().is_some() => {
                let conflicts: Vec<(&str, &tradewinds_shared::sync::FieldState)> =
                    state.conflicts().collect();
                let (field, f) = conflicts[self.rng.below(conflicts.len())];
                let keep = f.writes[self.rng.below(f.writes.len())].value.clone();
                self.stats.resolutions += 1;
                Some(state.resolve(n, at, field, keep))
            }
            Some(state) => {
                let count = 1 + self.rng.below(2);
                let mut changes = Map::new();
                for _ in 0..count {
                    let field = FIELDS[self.rng.below(FIELDS.len())];
                    changes.insert(field.to_owned(), value(&mut self.rng, r, field));
                }
                state.edit(n, at, changes)
            }
        };
        if let Some(m) = m {
            self.devices[d].record(&m);
            self.history.push((self.devices[d].id, m));
            self.stats.mutations += 1;
        }
    }

    /// Device `d` sends its oldest unacknowledged mutations (a random-sized batch).
    fn send_push(&mut self, d: usize) {
        let dev = &self.devices[d];
        if dev.outbox.is_empty() {
            return;
        }
        let size = 1 + self.rng.below(12);
        let mutations: Vec<Mutation> = dev.outbox.iter().take(size).cloned().collect();
        self.stats.pushes_sent += 1;
        if self.offline(d) || self.fault(10) {
            self.stats.requests_dropped += 1;
            return;
        }
        if self.fault(10) {
            self.stats.requests_duplicated += 1;
            self.in_flight.push(Push {
                device: d,
                mutations: mutations.clone(),
            });
        }
        self.in_flight.push(Push {
            device: d,
            mutations,
        });
    }

    /// The network delivers one push batch (not necessarily the oldest) to the server.
    async fn deliver_push(&mut self) {
        if self.in_flight.is_empty() {
            return;
        }
        let i = self.rng.below(self.in_flight.len());
        if i != 0 {
            self.stats.delivered_out_of_order += 1;
        }
        let push = self.in_flight.remove(i);
        let device = self.devices[push.device].id;
        let store = self.instance();
        let before = store.last_mutation(device).await.expect("counter");
        let last = push.mutations.last().expect("a batch is never empty").n;
        self.stats.duplicates_at_server += push.mutations.iter().filter(|m| m.n <= before).count();
        let response = store
            .push(device, push.mutations.clone(), &Author::default())
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "seed {}: push of {}..={last} by device {} (server counter {before}) failed: {e:?}",
                    self.seed, push.mutations[0].n, push.device
                )
            });
        self.stats.pushes_delivered += 1;
        assert_eq!(
            response.last_applied,
            before.max(last),
            "seed {}: the counter moves to the end of the batch and never back",
            self.seed
        );
        assert!(
            response.rejections.is_empty(),
            "seed {}: every simulated edit is valid, yet: {:?}",
            self.seed,
            response.rejections
        );
        if self.offline(push.device) || self.fault(15) {
            self.stats.responses_dropped += 1;
        } else {
            self.responses.push((push.device, response));
        }
    }

    /// The network delivers one push response (not necessarily the oldest).
    fn deliver_response(&mut self) {
        if self.responses.is_empty() {
            return;
        }
        let i = self.rng.below(self.responses.len());
        let (d, response) = self.responses.swap_remove(i);
        if self.offline(d) {
            self.stats.responses_dropped += 1;
            return;
        }
        self.devices[d].ack(response.last_applied);
    }

    /// Device `d` takes a snapshot (first sync, or after `reset`), unless the network loses it.
    async fn snapshot(&mut self, d: usize) {
        if self.fault(5) {
            self.stats.pulls_dropped += 1;
            return;
        }
        let snapshot = self.instance().snapshot().await.expect("snapshot");
        if self.fault(5) {
            self.stats.pulls_dropped += 1;
            return;
        }
        self.stats.snapshots += 1;
        self.devices[d].take_snapshot(snapshot);
    }

    /// Device `d` pulls pages until it is up to date or the network fails it. Returns whether
    /// its replica changed.
    async fn pull(&mut self, d: usize) -> bool {
        if self.offline(d) {
            self.stats.pulls_dropped += 1;
            return false;
        }
        let mut changed = false;
        loop {
            let Some(cursor) = self.devices[d].cursor.clone() else {
                self.snapshot(d).await;
                return true;
            };
            if self.fault(5) {
                self.stats.pulls_dropped += 1;
                return changed;
            }
            let limit = if self.faults {
                1 + self.rng.below(16) as u32
            } else {
                500
            };
            let page = self.instance().pull(&cursor, limit).await.expect("pull");
            self.stats.pulls += 1;
            if self.fault(5) {
                self.stats.pulls_dropped += 1;
                return changed;
            }
            if page.reset {
                self.stats.resets += 1;
                self.devices[d].cursor = None;
                continue;
            }
            changed |= self.devices[d].merge(&page.records);
            self.devices[d].cursor = Some(page.cursor);
            if !page.has_more {
                self.assert_caught_up(d).await;
                return changed;
            }
        }
    }

    /// Right after a pull reached the end of the log (nothing else runs meanwhile), the
    /// device has every record as the server has it: joining the server's adds nothing.
    async fn assert_caught_up(&mut self, d: usize) {
        self.stats.caught_up_checks += 1;
        let snapshot = self.instance().snapshot().await.expect("snapshot");
        let dev = &self.devices[d];
        for theirs in &snapshot.records {
            let mine = dev.replica.get(&theirs.id).unwrap_or_else(|| {
                panic!(
                    "seed {}, step {}: device {d} pulled to the end but lacks {}",
                    self.seed, self.step, theirs.id
                )
            });
            let mut joined = mine.clone();
            joined.join(theirs);
            assert_eq!(
                joined.fields, mine.fields,
                "seed {}, step {}: device {d} pulled to the end but misses changes to {}",
                self.seed, self.step, theirs.id
            );
        }
    }

    /// Stops the server (one instance of two), cleanly or not, and opens the same
    /// database again.
    async fn restart(&mut self) {
        let i = match self.stores.len() {
            1 => 0,
            n => self.rng.below(n),
        };
        let id = self.stores[i].server_id().to_owned();
        if self.rng.percent(50) {
            self.stores[i].pool().close().await;
        }
        self.stores[i] = Store::open(&self.url).await.expect("reopen store");
        self.stats.restarts += 1;
        assert_eq!(
            self.stores[i].server_id(),
            id,
            "the same database, the same server"
        );
        for (i, dev) in self.devices.iter().enumerate() {
            let counter = self.stores[0].last_mutation(dev.id).await.expect("counter");
            assert!(
                counter >= dev.acked,
                "seed {}: after a restart device {i}'s counter is {counter} but {} was acknowledged",
                self.seed,
                dev.acked
            );
        }
    }

    /// Cuts a random group of devices off for a while.
    fn partition(&mut self) {
        let size = 3 + self.rng.below(DEVICES / 4);
        let until = self.step + 50 + self.rng.below(400);
        for _ in 0..size {
            let d = self.rng.below(DEVICES);
            self.devices[d].offline_until = self.devices[d].offline_until.max(until);
        }
        self.stats.partitions += 1;
    }

    /// Device `d`'s cursor stops making sense to the server (it names another server, or a
    /// position the log never reached, as after a restore): the next pull says `reset`.
    fn lose_cursor(&mut self, d: usize) {
        let dev = &mut self.devices[d];
        if let Some((server, seq)) = dev
            .cursor
            .as_ref()
            .and_then(|c| c.parts().map(|(server, seq)| (server.to_owned(), seq)))
        {
            dev.cursor = Some(if self.rng.percent(50) {
                Cursor::new("a-server-restored-elsewhere", seq)
            } else {
                Cursor::new(&server, seq + 1_000_000)
            });
        }
    }

    async fn run(&mut self) {
        while self.step < STEPS {
            let d = self.rng.below(DEVICES);
            match self.rng.below(1000) {
                0..380 => self.edit(d),
                380..570 => self.send_push(d),
                570..760 => self.deliver_push().await,
                760..885 => self.deliver_response(),
                885..985 => {
                    self.pull(d).await;
                }
                985..992 => self.partition(),
                992..995 => self.restart().await,
                _ => self.lose_cursor(d),
            }
            self.step += 1;
        }
    }

    /// Ends every fault, lets the network deliver what it still holds, then has every device
    /// push and pull until a whole round changes nothing.
    async fn heal(&mut self) {
        self.faults = false;
        while !self.in_flight.is_empty() {
            self.deliver_push().await;
        }
        while !self.responses.is_empty() {
            self.deliver_response();
        }
        for round in 0..5 {
            let mut busy = false;
            for d in 0..DEVICES {
                while !self.devices[d].outbox.is_empty() {
                    busy = true;
                    self.send_push(d);
                    self.deliver_push().await;
                    self.deliver_response();
                }
            }
            for d in 0..DEVICES {
                busy |= self.pull(d).await;
            }
            self.stats.heal_rounds = round + 1;
            if !busy {
                return;
            }
        }
        panic!("seed {}: the devices did not go quiet", self.seed);
    }

    async fn check(&self) {
        let seed = self.seed;
        let zeroed = |r: &RecordState| RecordState {
            seq: 0,
            ..r.clone()
        };
        let server: BTreeMap<Uuid, RecordState> = self.stores[0]
            .snapshot()
            .await
            .expect("snapshot")
            .records
            .iter()
            .map(|r| (r.id, zeroed(r)))
            .collect();

        // The server holds exactly what replaying every mutation once gives.
        let mut replay: BTreeMap<Uuid, RecordState> = BTreeMap::new();
        for (device, m) in &self.history {
            replay
                .entry(m.id)
                .or_insert_with(|| RecordState::new(m.kind, m.id))
                .apply(*device, m, None);
        }
        assert_eq!(
            server.keys().collect::<Vec<_>>(),
            replay.keys().collect::<Vec<_>>(),
            "seed {seed}: the server's records"
        );
        for (id, expected) in &replay {
            assert_eq!(
                &server[id], expected,
                "seed {seed}: record {id} on the server"
            );
        }

        // Every replica converged to the server.
        for (i, dev) in self.devices.iter().enumerate() {
            assert!(
                dev.outbox.is_empty(),
                "seed {seed}: device {i} still has an outbox"
            );
            let mut ids: Vec<&Uuid> = dev.replica.keys().collect();
            ids.sort();
            assert_eq!(
                ids,
                server.keys().collect::<Vec<_>>(),
                "seed {seed}: device {i}'s records"
            );
            for (id, theirs) in &server {
                let mine = zeroed(&dev.replica[id]);
                assert_eq!(
                    &mine, theirs,
                    "seed {seed}: device {i}'s replica of {id} differs from the server"
                );
                assert_eq!(mine.values(), theirs.values());
            }
        }

        // Every acknowledged mutation is there: each write is current or superseded.
        let mut counters = HashMap::new();
        for dev in &self.devices {
            let counter = self.stores[0].last_mutation(dev.id).await.expect("counter");
            assert_eq!(
                counter,
                dev.next - 1,
                "seed {seed}: every mutation acknowledged"
            );
            assert_eq!(dev.acked, counter);
            counters.insert(dev.id, counter);
        }
        for (device, m) in &self.history {
            assert!(counters[device] >= m.n);
            let dot = Dot {
                device: *device,
                n: m.n,
            };
            let record = &server[&m.id];
            for (field, v) in &m.set {
                let f = &record.fields[field];
                match f.writes.iter().find(|w| w.dot == dot) {
                    Some(w) => assert_eq!(&w.value, v, "seed {seed}: {field} of {dot:?}"),
                    None => assert!(
                        f.seen.covers(dot),
                        "seed {seed}: the write of {field} by {dot:?} is lost"
                    ),
                }
            }
        }

        // Nothing applied twice; each mutation made exactly one change.
        let duplicates: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT device, mutation, COUNT(*) FROM changes GROUP BY device, mutation HAVING COUNT(*) > 1",
        )
        .fetch_all(self.stores[0].pool())
        .await
        .expect("query changes");
        assert!(
            duplicates.is_empty(),
            "seed {seed}: applied twice: {duplicates:?}"
        );
        let per_device: Vec<(String, i64)> =
            sqlx::query_as("SELECT device, COUNT(*) FROM changes GROUP BY device")
                .fetch_all(self.stores[0].pool())
                .await
                .expect("query changes");
        let per_device: HashMap<Uuid, u64> = per_device
            .into_iter()
            .map(|(d, c)| (d.parse().expect("device id"), c as u64))
            .collect();
        for dev in &self.devices {
            assert_eq!(
                per_device.get(&dev.id).copied().unwrap_or(0),
                dev.next - 1,
                "seed {seed}: one change per mutation of device {}",
                dev.id
            );
        }
        let rejected: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM rejections")
            .fetch_one(self.stores[0].pool())
            .await
            .expect("query rejections");
        assert_eq!(rejected, 0, "seed {seed}");
    }
}

#[tokio::test]
async fn devices_converge_through_a_faulty_network_and_restarts() {
    let seed = std::env::var("TRADEWINDS_SIM_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_SEED);
    let dir = tempfile::tempdir().expect("temp dir");
    let url = crate::common::database_url(dir.path()).await;
    let started = std::time::Instant::now();
    let mut sim = Sim::new(seed, url).await;
    sim.run().await;
    let conflicts_before_heal: usize = sim.stores[0]
        .snapshot()
        .await
        .expect("snapshot")
        .records
        .iter()
        .map(|r| r.conflicts().count())
        .sum();
    sim.heal().await;
    sim.check().await;
    let s = &sim.stats;
    println!(
        "simulation seed {seed}: {DEVICES} devices, {RECORDS} records, {conflicts_before_heal} fields in conflict before healing, {:.1?}: {s:?}",
        started.elapsed()
    );
    // The faults really happened.
    assert!(s.mutations > 500, "{s:?}");
    assert!(s.deletes > 10 && s.resolutions > 10, "{s:?}");
    assert!(s.requests_dropped > 0 && s.requests_duplicated > 0, "{s:?}");
    assert!(
        s.responses_dropped > 0 && s.delivered_out_of_order > 0,
        "{s:?}"
    );
    assert!(s.duplicates_at_server > 0, "{s:?}");
    assert!(s.partitions > 0 && s.restarts >= 3 && s.resets > 0, "{s:?}");
    assert!(conflicts_before_heal > 0, "{s:?}");
}
