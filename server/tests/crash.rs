//! The real binary killed mid-push, again and again. Several clients push batches of
//! mutations to `tradewinds serve` while the test SIGKILLs it at a random moment and starts
//! it again on the same database; the clients retry what no response acknowledged, with the
//! same numbers. No push may ever hit a gap (that would mean an acknowledged mutation was
//! lost), and at the end the server must hold every acknowledged mutation, once.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::{Client, StatusCode};
use serde_json::{json, Map};
use tokio::sync::watch;
use tradewinds_server::Store;
use tradewinds_shared::{
    sync::{Dot, Mutation, PushRequest, PushResponse, RecordState, Snapshot},
    RecordKind,
};
use uuid::Uuid;

use crate::binary::Server;
use crate::common::Rng;

const SEED: u64 = 0x2012_C0DE;
const CLIENTS: usize = 6;
const KILLS: usize = 100;
/// Records every client edits (concurrently, without pulling: their writes conflict).
const RECORDS: usize = 8;
const EPOCH: i64 = 1_700_000_000_000;
const PUSH: &str = "/api/v1/sync/push";

/// One device: its own view of the records, its pending mutations and what was acknowledged.
struct Device {
    index: usize,
    id: Uuid,
    rng: Rng,
    records: Vec<RecordState>,
    /// Made but not acknowledged, in order.
    pending: VecDeque<Mutation>,
    next: u64,
    /// The highest `last_applied` any response acknowledged.
    acked: u64,
    /// The highest number ever sent (anything at or below it may be a retry).
    sent: u64,
    made: Vec<Mutation>,
    retried: usize,
    pushes: usize,
}

impl Device {
    fn new(index: usize, ids: &[Uuid]) -> Device {
        let mut rng = Rng::new(SEED.wrapping_add(index as u64 + 1));
        Device {
            index,
            id: rng.uuid(),
            rng,
            records: ids
                .iter()
                .map(|&id| RecordState::new(RecordKind::Organisation, id))
                .collect(),
            pending: VecDeque::new(),
            next: 1,
            acked: 0,
            sent: 0,
            made: Vec::new(),
            retried: 0,
            pushes: 0,
        }
    }

    /// Makes one valid edit of a random record and queues it.
    fn edit(&mut self) {
        let r = self.rng.below(RECORDS);
        let local = &self.records[r];
        let (n, at) = (self.next, EPOCH + self.next as i64 * 10 + self.index as i64);
        let k = self.rng.below(4);
        let value = |field: &str| match field {
            "name" => json!(format!("Organisation {r} by {} v{k}", self.index)),
            "acronym" => json!(format!("O{r}D{}V{k}", self.index)),
            "website" => json!(format!("https://org{r}.example.org/{k}")),
            _ => json!(format!("Description {k} of organisation {r}.")),
        };
        let m = if local.fields.is_empty() {
            let mut set = Map::new();
            set.insert("name".into(), value("name"));
            set.insert("category".into(), json!("donor"));
            local.edit(n, at, set)
        } else if local.is_deleted() {
            Some(local.resolve(n, at, "deleted", json!(false)))
        } else if self.rng.percent(5) {
            Some(local.resolve(n, at, "deleted", json!(true)))
        } else {
            let field = ["name", "acronym", "website", "description"][self.rng.below(4)];
            let mut set = Map::new();
            set.insert(field.to_owned(), value(field));
            local.edit(n, at, set)
        };
        let Some(m) = m else { return };
        self.records[r].apply(self.id, &m, None);
        self.pending.push_back(m.clone());
        self.made.push(m);
        self.next += 1;
    }

    fn ack(&mut self, last_applied: u64) {
        self.acked = self.acked.max(last_applied);
        let acked = self.acked;
        self.pending.retain(|m| m.n > acked);
    }

    /// Pushes the oldest pending mutations; `Err` when the server went away (killed).
    async fn push_once(&mut self, http: &Client, url: &str) -> Result<(), reqwest::Error> {
        let size = 1 + self.rng.below(10);
        let batch: Vec<Mutation> = self.pending.iter().take(size).cloned().collect();
        let (first, last) = (batch[0].n, batch[batch.len() - 1].n);
        self.retried += batch.iter().filter(|m| m.n <= self.sent).count();
        self.sent = self.sent.max(last);
        self.pushes += 1;
        let request = PushRequest {
            device: self.id,
            mutations: batch,
        };
        let response = http.post(url).json(&request).send().await?;
        let status = response.status();
        let body = response.bytes().await?;
        let body = String::from_utf8_lossy(&body);
        assert_ne!(
            status,
            StatusCode::CONFLICT,
            "device {}: push of {first}..={last} after {} was acknowledged hit a gap: {body}",
            self.index,
            self.acked
        );
        let response = if status == StatusCode::NO_CONTENT {
            assert!(body.is_empty(), "device {}: 204 with {body}", self.index);
            PushResponse::applied_all(&request).expect("a batch is never empty")
        } else {
            assert_eq!(status, StatusCode::OK, "device {}: {body}", self.index);
            serde_json::from_str(&body).expect("PushResponse")
        };
        assert!(
            response.rejections.is_empty(),
            "device {}: every edit is valid: {body}",
            self.index
        );
        assert!(
            response.last_applied >= last.max(self.acked) && response.last_applied < self.next,
            "device {}: pushed {first}..={last}, {} acknowledged before, {} made, answered {}",
            self.index,
            self.acked,
            self.next - 1,
            response.last_applied
        );
        self.ack(response.last_applied);
        Ok(())
    }
}

/// How a client's pushing ended.
enum Ended {
    /// A push was under way when the server died.
    MidPush,
    /// The server was already gone (refused the connection).
    Refused,
}

/// How long acknowledged pushes take, so that kills land anywhere in a push however fast
/// or loaded the machine is.
#[derive(Default)]
struct Latency {
    total_us: AtomicU64,
    count: AtomicU64,
}

impl Latency {
    fn add(&self, took: Duration) {
        self.total_us
            .fetch_add(took.as_micros() as u64, Ordering::Relaxed);
        self.count.fetch_add(1, Ordering::Relaxed);
    }

    fn average_us(&self) -> u64 {
        let count = self.count.load(Ordering::Relaxed);
        match count {
            0 => 5_000,
            _ => self.total_us.load(Ordering::Relaxed) / count,
        }
    }
}

/// Pushes until the server dies; counts every acknowledged push in `acks`.
async fn push_until_killed(
    mut device: Device,
    http: Client,
    url: String,
    acks: Arc<watch::Sender<usize>>,
    latency: Arc<Latency>,
) -> (Device, Ended) {
    loop {
        while device.pending.len() < 6 {
            device.edit();
        }
        let start = Instant::now();
        match device.push_once(&http, &url).await {
            Ok(()) => {
                latency.add(start.elapsed());
                acks.send_modify(|n| *n += 1);
            }
            Err(e) if e.is_connect() => return (device, Ended::Refused),
            Err(_) => return (device, Ended::MidPush),
        }
    }
}

/// The device's counter on the server, read with an empty push (which acknowledges nothing
/// new, and is not given to the device: it must retry what it does not know was applied).
async fn counter(server: &Server, device: Uuid) -> u64 {
    let request = PushRequest {
        device,
        mutations: vec![],
    };
    let response = server
        .http
        .post(server.url(PUSH))
        .json(&request)
        .send()
        .await
        .expect("empty push");
    assert_eq!(response.status(), StatusCode::OK);
    let response: PushResponse = response.json().await.expect("PushResponse");
    response.last_applied
}

/// Every write of every mutation up to `upto` is on the server: current, or superseded.
fn assert_present(snapshot: &Snapshot, device: &Device, upto: u64) {
    let records: HashMap<Uuid, &RecordState> = snapshot.records.iter().map(|r| (r.id, r)).collect();
    for m in device.made.iter().filter(|m| m.n <= upto) {
        let dot = Dot {
            device: device.id,
            n: m.n,
        };
        let record = records
            .get(&m.id)
            .unwrap_or_else(|| panic!("record {} of acknowledged {dot:?} is missing", m.id));
        for (field, value) in &m.set {
            let f = &record.fields[field];
            match f.writes.iter().find(|w| w.dot == dot) {
                Some(w) => assert_eq!(&w.value, value, "{field} of {dot:?}"),
                None => assert!(
                    f.seen.covers(dot),
                    "acknowledged write of {field} by {dot:?} (device {}) is lost",
                    device.index
                ),
            }
        }
    }
}

/// Every acknowledged mutation is on `server`; then the devices send what is pending,
/// and the server holds every mutation applied exactly once (its change log read through
/// the database at `url`). Answers how many mutations were applied but never acknowledged.
async fn settle_and_check(devices: &mut [Device], server: &Server, url: &str) -> u64 {
    let mut lost_acks = 0;
    let snapshot = server.snapshot().await;
    for d in devices.iter() {
        let on_server = counter(server, d.id).await;
        assert!(on_server >= d.acked, "device {}", d.index);
        lost_acks += on_server - d.acked;
        assert_present(&snapshot, d, d.acked);
    }
    // The clients send what is still pending; then the server holds exactly every mutation.
    for d in devices.iter_mut() {
        while !d.pending.is_empty() {
            d.push_once(&server.http, &server.url(PUSH))
                .await
                .expect("push");
        }
        assert_eq!(counter(server, d.id).await, d.next - 1);
    }
    let snapshot = server.snapshot().await;
    let mut replay: BTreeMap<Uuid, RecordState> = BTreeMap::new();
    for d in devices.iter() {
        assert_present(&snapshot, d, d.next - 1);
        for m in &d.made {
            replay
                .entry(m.id)
                .or_insert_with(|| RecordState::new(m.kind, m.id))
                .apply(d.id, m, Some(crate::binary::EMAIL));
        }
    }
    let on_server: BTreeMap<Uuid, RecordState> = snapshot
        .records
        .iter()
        .map(|r| {
            (
                r.id,
                RecordState {
                    seq: 0,
                    ..r.clone()
                },
            )
        })
        .collect();
    assert_eq!(
        on_server, replay,
        "the server is every mutation applied once"
    );

    // Nothing applied twice: one change per mutation.
    let store = Store::open(url).await.expect("open the database");
    let duplicates: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT device, mutation, COUNT(*) FROM changes GROUP BY device, mutation HAVING COUNT(*) > 1",
    )
    .fetch_all(store.pool())
    .await
    .expect("query changes");
    assert!(duplicates.is_empty(), "applied twice: {duplicates:?}");
    for d in devices.iter() {
        let changes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM changes WHERE device = $1")
            .bind(d.id.to_string())
            .fetch_one(store.pool())
            .await
            .expect("query changes");
        assert_eq!(changes as u64, d.next - 1, "device {}", d.index);
    }

    store.close().await;
    lost_acks
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_server_killed_mid_push_loses_and_repeats_nothing() {
    let started = Instant::now();
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("crash.db");
    let mut rng = Rng::new(SEED);
    let ids: Vec<Uuid> = (0..RECORDS).map(|_| rng.uuid()).collect();
    let mut devices: Vec<Device> = (0..CLIENTS).map(|i| Device::new(i, &ids)).collect();
    let (mut mid_push, mut lost_acks) = (0, 0);
    let latency = Arc::new(Latency::default());

    for _ in 0..KILLS {
        let server = Server::start(&db, &["--no-seed"]).await;
        for d in &devices {
            let on_server = counter(&server, d.id).await;
            assert!(
                on_server >= d.acked,
                "device {}: the server's counter is {on_server} after {} was acknowledged",
                d.index,
                d.acked
            );
            // Applied before the kill, but the answer never arrived: to be sent again.
            lost_acks += on_server - d.acked;
        }
        let (acks, mut progress) = watch::channel(0usize);
        let acks = Arc::new(acks);
        let tasks: Vec<_> = devices
            .drain(..)
            .map(|d| {
                tokio::spawn(push_until_killed(
                    d,
                    server.http.clone(),
                    server.url(PUSH),
                    acks.clone(),
                    latency.clone(),
                ))
            })
            .collect();
        // Kill after a few acknowledged pushes (or none), at a random moment of the next ones:
        // within half a push's time (the clients' pushes queue for the one writer, so several
        // commit meanwhile), sometimes before a commit and sometimes after it.
        let wait_for = rng.below(12);
        tokio::time::timeout(
            Duration::from_secs(20),
            progress.wait_for(|&n| n >= wait_for),
        )
        .await
        .expect("the clients' pushes are acknowledged")
        .expect("the clients are running");
        let delay = rng.below(latency.average_us() as usize / 2 + 1);
        tokio::time::sleep(Duration::from_micros(delay as u64)).await;
        drop(server); // SIGKILL, then wait for the process to be gone.
        for task in tasks {
            let (d, ended) = match task.await {
                Ok(done) => done,
                Err(e) => std::panic::resume_unwind(e.into_panic()),
            };
            if matches!(ended, Ended::MidPush) {
                mid_push += 1;
            }
            devices.push(d);
        }
    }

    // Started once more: every acknowledged mutation is there.
    let server = Server::start(&db, &["--no-seed"]).await;
    let url = format!("sqlite://{}", db.display());
    lost_acks += settle_and_check(&mut devices, &server, &url).await;
    drop(server);

    let made: usize = devices.iter().map(|d| d.made.len()).sum();
    let retried: usize = devices.iter().map(|d| d.retried).sum();
    let pushes: usize = devices.iter().map(|d| d.pushes).sum();
    println!(
        "crash: {CLIENTS} clients, {KILLS} kills ({mid_push} clients cut off mid-push), {pushes} pushes, {made} mutations, {retried} sent again, {lost_acks} applied but unacknowledged, {}µs a push, {:.1?}",
        latency.average_us(),
        started.elapsed()
    );
    // The kills really hit pushes, and some after their commit.
    assert!(mid_push > 0 && retried > 0, "no push was interrupted");
    assert!(
        lost_acks > 0,
        "no kill fell between a commit and its answer"
    );
}

/// Kills of one of two instances on one PostgreSQL (started again each time) while devices
/// send each push to either instance at random and, when one fails, again to either.
const INSTANCE_KILLS: usize = 30;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_one_killed_again_and_again_lose_and_repeat_nothing() {
    let started = Instant::now();
    let dir = tempfile::tempdir().expect("temp dir");
    let url = crate::common::database_url(dir.path()).await;
    if !url.starts_with("postgres") {
        eprintln!("not run: several instances need PostgreSQL (make test-server-postgres)");
        return;
    }
    let token = dir.path().join("instances.token");
    let start = || Server::start_on(&url, &token, &["--no-seed"], &[]);
    let mut servers = vec![start().await, start().await];
    let http = servers[0].http.clone();
    let urls = Arc::new(std::sync::RwLock::new(
        servers.iter().map(|s| s.url(PUSH)).collect::<Vec<_>>(),
    ));
    let mut rng = Rng::new(SEED ^ 2);
    let ids: Vec<Uuid> = (0..RECORDS).map(|_| rng.uuid()).collect();
    let (acks, mut progress) = watch::channel(0usize);
    let acks = Arc::new(acks);
    let (stop, stopped) = watch::channel(false);
    let failed = Arc::new(AtomicU64::new(0));
    let latency = Arc::new(Latency::default());
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|i| {
            let mut device = Device::new(i, &ids);
            let (http, urls, acks, stopped, failed, latency) = (
                http.clone(),
                urls.clone(),
                acks.clone(),
                stopped.clone(),
                failed.clone(),
                latency.clone(),
            );
            tokio::spawn(async move {
                while !*stopped.borrow() {
                    while device.pending.len() < 6 {
                        device.edit();
                    }
                    let url = {
                        let urls = urls.read().expect("urls");
                        urls[device.rng.below(urls.len())].clone()
                    };
                    let t = Instant::now();
                    match device.push_once(&http, &url).await {
                        Ok(()) => {
                            latency.add(t.elapsed());
                            acks.send_modify(|n| *n += 1);
                        }
                        // That instance was killed: the same mutations go again, to either.
                        Err(_) => {
                            failed.fetch_add(1, Ordering::Relaxed);
                            tokio::time::sleep(Duration::from_millis(5)).await;
                        }
                    }
                }
                device
            })
        })
        .collect();
    for _ in 0..INSTANCE_KILLS {
        let at_least = *progress.borrow() + rng.below(8);
        tokio::time::timeout(
            Duration::from_secs(20),
            progress.wait_for(|&n| n >= at_least),
        )
        .await
        .expect("pushes are acknowledged while an instance is down")
        .expect("the clients are running");
        let delay = rng.below(latency.average_us() as usize / 2 + 1);
        tokio::time::sleep(Duration::from_micros(delay as u64)).await;
        let victim = rng.below(servers.len());
        // SIGKILL; the other instance serves alone a moment; then started again (on
        // another port).
        drop(servers.remove(victim));
        tokio::time::sleep(Duration::from_millis(rng.below(50) as u64)).await;
        servers.insert(victim, start().await);
        urls.write().expect("urls")[victim] = servers[victim].url(PUSH);
    }
    stop.send(true).expect("stop the clients");
    let mut devices = Vec::new();
    for t in tasks {
        match t.await {
            Ok(d) => devices.push(d),
            Err(e) => std::panic::resume_unwind(e.into_panic()),
        }
    }
    let lost_acks = settle_and_check(&mut devices, &servers[1], &url).await;
    let made: usize = devices.iter().map(|d| d.made.len()).sum();
    let retried: usize = devices.iter().map(|d| d.retried).sum();
    let failed = failed.load(Ordering::Relaxed);
    println!(
        "two instances: {CLIENTS} clients, {INSTANCE_KILLS} kills, {made} mutations, {failed} pushes cut off, {retried} sent again, {lost_acks} applied but unacknowledged, {:.1?}",
        started.elapsed()
    );
    assert!(failed > 0 && retried > 0, "no push was cut off by a kill");
}
