//! The first-start catalogue: the world of the 2012 Bridgetown donor meeting
//! (`seed/2012.json`), written through the ordinary mutation path as the server's device.

use serde::Deserialize;
use serde_json::{Map, Value};
use tradewinds_shared::sync::RecordState;
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::accounts::Author;
use crate::store::{now_ms, Store};

/// The seed file's text.
pub const SEED: &str = include_str!("../seed/2012.json");

/// Namespace of the seed's stable ids (`Uuid::new_v5(SEED_NAMESPACE, key)`).
pub const SEED_NAMESPACE: Uuid = Uuid::from_u128(0x7d1e_2012_0b1a_4c8e_9d59_2f0c_1a7e_4b10);

#[derive(Deserialize)]
struct SeedFile {
    records: Vec<SeedRecord>,
}

#[derive(Deserialize)]
struct SeedRecord {
    kind: RecordKind,
    key: String,
    fields: Map<String, Value>,
}

/// The id a seed record gets from its key.
pub fn seed_id(key: &str) -> Uuid {
    Uuid::new_v5(&SEED_NAMESPACE, key.as_bytes())
}

/// Replaces `"@key"` references by the referred record's id.
fn resolve(value: Value) -> Value {
    match value {
        Value::String(s) if s.starts_with('@') => Value::String(seed_id(&s[1..]).to_string()),
        Value::Array(items) => Value::Array(items.into_iter().map(resolve).collect()),
        other => other,
    }
}

/// Seeds an empty database with the whole seed, and a database seeded by an earlier
/// release with the records the seed has gained since (the 2012 meeting and its action
/// items came after the catalogue). A database that never had the seed (started with
/// `--no-seed`, then filled with its own data) is left alone, and so is every seed record
/// already there, deleted ones included: a record's row outlives its deletion, so what
/// someone removed stays removed. Returns how many records were added.
pub async fn seed(store: &Store) -> anyhow::Result<usize> {
    seed_from(store, SEED).await
}

/// `seed` with the given seed file's text (the tests give an earlier edition).
pub async fn seed_from(store: &Store, seed: &str) -> anyhow::Result<usize> {
    let file: SeedFile = serde_json::from_str(seed)?;
    // Every start asks this: look up the seed's own ids (through the unique index on `id`),
    // not every record of a large database.
    let any = store.has_records().await?;
    let seed_ids: Vec<Uuid> = file.records.iter().map(|r| seed_id(&r.key)).collect();
    let present = store.stored_ids(&seed_ids).await?;
    let seeded_before = file
        .records
        .first()
        .is_some_and(|r| present.contains(&seed_id(&r.key)));
    if any && !seeded_before {
        return Ok(0);
    }
    let missing: Vec<SeedRecord> = file
        .records
        .into_iter()
        .filter(|r| !present.contains(&seed_id(&r.key)))
        .collect();
    if missing.is_empty() {
        return Ok(0);
    }
    let device = store.server_device();
    let first = store.last_mutation(device).await? + 1;
    let at = now_ms();
    let mutations: Vec<_> = missing
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let fields = r.fields.into_iter().map(|(k, v)| (k, resolve(v))).collect();
            RecordState::new(r.kind, seed_id(&r.key))
                .edit(first + i as u64, at, fields)
                .ok_or_else(|| anyhow::anyhow!("seed record {} has no fields", r.key))
        })
        .collect::<anyhow::Result<_>>()?;
    let count = mutations.len();
    let response = store
        .push(device, mutations, &Author::server("seed"))
        .await?;
    if let Some(r) = response.rejections.first() {
        anyhow::bail!("seed record {} is invalid: {}", r.n, r.message);
    }
    Ok(count)
}
