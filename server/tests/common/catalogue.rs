//! The catalogue the byte figures are measured on: three organisations for every seven
//! training tools, every usual field filled in, deterministic (a function of its seed), as
//! `tests/bench/initial-sync.mjs` makes them. Used by the bootstrap's tests and included
//! by `benches/bootstrap_bytes.rs` (`#[path]`), so that both weigh the same records.

use serde_json::{json, Map, Value};
use tradewinds_shared::RecordKind;
use uuid::Uuid;

const COUNTRIES: [&str; 14] = [
    "BB", "JM", "TT", "BS", "BZ", "GY", "LC", "KN", "DM", "GD", "AG", "VC", "SR", "HT",
];
const TOPICS: [&str; 9] = [
    "risk_management",
    "integrity",
    "valuation",
    "post_clearance_audit",
    "enforcement",
    "trade_facilitation",
    "leadership",
    "it_automation",
    "revenue",
];
const SOURCE: &str = "Source: report of the first WCO sub-regional donor meeting, CARTAC office, Bridgetown, Barbados, 15–17 October 2012.";

/// splitmix64, as the JavaScript generator uses.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }

    fn uuid(&mut self) -> Uuid {
        let bytes = (u128::from(self.next()) << 64 | u128::from(self.next())).to_le_bytes();
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
}

/// `n` new records (kind, id, fields): organisations first, then the training tools they
/// provide.
pub fn catalogue(n: usize, seed: u64) -> Vec<(RecordKind, Uuid, Map<String, Value>)> {
    let mut rng = SplitMix(seed);
    let mut out = Vec::with_capacity(n);
    let mut orgs = Vec::new();
    let n_orgs = ((n as f64 * 0.3).round() as usize).max(1);
    for i in 0..n_orgs {
        let country = rng.pick(&COUNTRIES);
        let id = rng.uuid();
        orgs.push(id);
        let fields = json!({
            "name": format!("Customs and Excise Department {i} of {country}"),
            "acronym": format!("CED{i}"),
            "category": rng.pick(&["customs_administration", "donor", "ta_provider", "regional_body"]),
            "country": country,
            "website": format!("https://customs{i}.example.org"),
            "status": "active",
            "languages": [rng.pick(&["en", "fr", "es", "nl"])],
            "memberships": ["WCO", "CCLEC"],
            "description": format!("Collects duties and taxes, facilitates legitimate trade and protects the borders of {country}; national contact point for regional training (record {i})."),
            "source": SOURCE,
        });
        out.push((RecordKind::Organisation, id, object(fields)));
    }
    for i in 0.. {
        if out.len() >= n {
            break;
        }
        let provider = orgs[(rng.next() % orgs.len() as u64) as usize];
        let fields = json!({
            "title": format!("Customs valuation e-learning course, module {i}"),
            "provider": provider.to_string(),
            "format": rng.pick(&["e_learning", "classroom", "workshop", "blended"]),
            "platform": "WCO CLiKC! e-learning platform",
            "languages": ["en", rng.pick(&["fr", "es"])],
            "duration": "About 20 hours, self-paced",
            "audience": rng.pick(&["frontline", "specialist", "management"]),
            "access": "national_coordinator",
            "certification": "WCO certificate of completion",
            "cost": "Free for member administrations",
            "url": format!("https://clikc.example.org/course/{i}"),
            "topics": [rng.pick(&TOPICS)],
            "last_verified": "2012-10-17",
            "description": format!("Valuation of imported goods under the WTO Agreement, with exercises and a final assessment (record {i})."),
            "source": SOURCE,
        });
        out.push((RecordKind::TrainingTool, rng.uuid(), object(fields)));
    }
    out
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => unreachable!("a JSON object"),
    }
}

/// The devices that create the catalogue, and the pushes they send: the records dealt
/// round the devices, each device numbering its mutations from 1, at most 250 per push,
/// in an order that creates every organisation before the tools that name it. Each
/// record is made 17 October 2012, a second after the one before.
pub fn pushes(
    records: &[(RecordKind, Uuid, Map<String, Value>)],
    devices: usize,
) -> Vec<(Uuid, Vec<tradewinds_shared::sync::Mutation>)> {
    use tradewinds_shared::sync::{Mutation, RecordState};
    let ids: Vec<Uuid> = (0..devices)
        .map(|d| Uuid::from_u128(0x5eed_0000_0000_4000_8000_0000_0000_0000 | d as u128))
        .collect();
    let mut queues: Vec<Vec<Mutation>> = vec![Vec::new(); devices];
    let start = 1_350_460_800_000;
    for (i, (kind, id, fields)) in records.iter().enumerate() {
        let queue = &mut queues[i % devices];
        let n = queue.len() as u64 + 1;
        let m = RecordState::new(*kind, *id)
            .edit(n, start + i as i64 * 1_000, fields.clone())
            .expect("a new record's fields");
        queue.push(m);
    }
    let batches: Vec<Vec<Vec<Mutation>>> = queues
        .into_iter()
        .map(|q| q.chunks(250).map(<[Mutation]>::to_vec).collect())
        .collect();
    let rounds = batches.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = Vec::new();
    for round in 0..rounds {
        for (device, batch) in ids.iter().zip(&batches) {
            if let Some(ms) = batch.get(round) {
                out.push((*device, ms.clone()));
            }
        }
    }
    out
}
