//! Per-field merge of catalogue records.
//!
//! Each field of a record is a multi-value register. A write carries its *dot* (the device
//! that made it and that device's mutation number) and its *context*: the version vector of
//! the writes to that field its author had seen. A write removes the writes its context
//! covers; writes that did not see each other both stay, and the field is in conflict until
//! someone writes it again having seen both (the conflict inbox does exactly that).
//! The value shown is the write with the greatest `(at, dot)`: deterministic everywhere.
//!
//! Applying mutations is idempotent and gives the same state in any order, as long as each
//! device's own mutations arrive in their order, which the push protocol guarantees (gaps
//! are refused). `RecordState::join` merges whole states (a pulled record into the local
//! one) and is commutative, associative and idempotent.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::DeviceId;
use crate::catalogue::{parse_fields, RecordKind, DELETED_FIELD};
use crate::i18n::problem::{key, Value as Word};
use crate::i18n::Problem;
use crate::validation::ValidationErrors;

/// One write's identity: the device and its mutation number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Dot {
    #[serde(rename = "d")]
    pub device: DeviceId,
    pub n: u64,
}

/// For each device, the highest mutation number seen. Its JSON (a map from ids in the
/// short form to numbers) is in `wire_id`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VersionVector(pub BTreeMap<DeviceId, u64>);

impl VersionVector {
    pub fn covers(&self, dot: Dot) -> bool {
        self.0.get(&dot.device).is_some_and(|&n| n >= dot.n)
    }

    pub fn add(&mut self, dot: Dot) {
        let e = self.0.entry(dot.device).or_insert(0);
        *e = (*e).max(dot.n);
    }

    pub fn join(&mut self, other: &VersionVector) {
        self.join_changed(other);
    }

    /// `join`, returning whether it changed anything.
    pub fn join_changed(&mut self, other: &VersionVector) -> bool {
        let mut changed = false;
        for (&device, &n) in &other.0 {
            let e = self.0.entry(device).or_insert(0);
            if n > *e {
                *e = n;
                changed = true;
            }
        }
        changed
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A value written to one field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldWrite {
    #[serde(rename = "v")]
    pub value: Value,
    pub dot: Dot,
    /// The author's clock, milliseconds since 1970 (for display and tie-breaking only).
    pub at: i64,
    /// Who wrote it, when known (the signed-in user's name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// The state of one field: the writes not yet superseded (one, or several in conflict) and
/// every write seen so far.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FieldState {
    #[serde(rename = "w")]
    pub writes: Vec<FieldWrite>,
    #[serde(rename = "s")]
    pub seen: VersionVector,
}

impl FieldState {
    /// The write whose value is shown.
    pub fn winner(&self) -> Option<&FieldWrite> {
        self.writes.iter().max_by_key(|w| (w.at, w.dot))
    }

    /// Whether concurrent writes left different values to choose from (concurrent writes
    /// of one same value — two people correcting a name the same way — leave nothing to
    /// choose, and are not a conflict).
    pub fn in_conflict(&self) -> bool {
        self.writes
            .split_first()
            .is_some_and(|(first, rest)| rest.iter().any(|w| w.value != first.value))
    }

    /// Applies one write made with context `ctx`. Returns whether anything changed.
    ///
    /// A device has always seen its own earlier writes (it applied them locally before
    /// making this one), so a write also supersedes its device's earlier writes to the
    /// field whatever its context says: however many mutations one device sends, a field
    /// keeps at most one write per device.
    pub fn apply(&mut self, write: FieldWrite, ctx: &VersionVector) -> bool {
        let already_seen = self.seen.covers(write.dot);
        let writes = self.writes.len();
        let own = write.dot;
        self.writes
            .retain(|w| !(ctx.covers(w.dot) || w.dot.device == own.device && w.dot.n < own.n));
        let grew = self.seen.join_changed(ctx);
        if !already_seen {
            self.seen.add(write.dot);
            self.writes.push(write);
            self.normalise();
            return true;
        }
        grew || writes != self.writes.len()
    }

    /// Merges another replica's state of the same field.
    pub fn join(&mut self, other: &FieldState) {
        // Dots looked up in a map, not by scanning: a field written by many devices costs
        // linear time, not quadratic.
        let theirs: BTreeMap<Dot, &FieldWrite> = other.writes.iter().map(|w| (w.dot, w)).collect();
        let mine: std::collections::BTreeSet<Dot> = self.writes.iter().map(|w| w.dot).collect();
        // One write known to both: the same mutation, but its author's device stores it
        // before the server names the author. The named copy wins (the greater name if both
        // are named), so every replica ends with the same one.
        let named = |w: &FieldWrite| match theirs.get(&w.dot) {
            Some(o) if o.by > w.by => (*o).clone(),
            _ => w.clone(),
        };
        let mut merged: Vec<FieldWrite> = self
            .writes
            .iter()
            .filter(|w| theirs.contains_key(&w.dot) || !other.seen.covers(w.dot))
            .map(named)
            .collect();
        for w in &other.writes {
            if !mine.contains(&w.dot) && !self.seen.covers(w.dot) {
                merged.push(w.clone());
            }
        }
        self.writes = merged;
        self.seen.join(&other.seen);
        self.normalise();
    }

    fn normalise(&mut self) {
        self.writes.sort_by_key(|w| (w.at, w.dot));
        self.writes.dedup_by_key(|w| w.dot);
    }
}

/// A change to one record by one device: the changed fields only, each with the context it
/// was made in. Written as an array, read from an array or an object with these names (see
/// `protocol`).
#[derive(Debug, Clone, PartialEq)]
pub struct Mutation {
    /// The device's mutation number: 1, 2, 3, ... without gaps.
    pub n: u64,
    pub kind: RecordKind,
    pub id: Uuid,
    /// The author's clock, milliseconds since 1970.
    pub at: i64,
    /// Changed fields and their new values; `deleted: true` deletes the record.
    pub set: Map<String, Value>,
    /// Per changed field, the writes its author had seen (absent: none).
    pub ctx: BTreeMap<String, VersionVector>,
}

impl Mutation {
    /// Rewrites this mutation's contexts for a move of the unsent mutations from device
    /// `from` to device `to`: `renumbered` maps each moved mutation's old number to its new
    /// one, and `first_unsent` is the oldest unsent number under `from`. A context entry
    /// naming unsent writes of `from` (which the server will never see under that id) names
    /// their new numbers under `to` instead; what it says of `from`'s sent writes is kept
    /// by the earliest moved write that superseded them.
    pub fn move_device(
        &mut self,
        from: DeviceId,
        to: DeviceId,
        renumbered: &BTreeMap<u64, u64>,
        first_unsent: u64,
    ) {
        for ctx in self.ctx.values_mut() {
            let Some(&k) = ctx.0.get(&from) else {
                continue;
            };
            if k < first_unsent {
                continue;
            }
            ctx.0.remove(&from);
            if let Some((_, &q)) = renumbered.range(..=k).next_back() {
                ctx.0.insert(to, q);
            }
        }
    }
}

/// A record as both sides store it: its fields' states. The server adds the sequence number
/// of the last change (`seq`) so that pulls can resume. Its JSON form is in `compact`.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordState {
    pub kind: RecordKind,
    pub id: Uuid,
    pub fields: BTreeMap<String, FieldState>,
    pub seq: u64,
}

impl RecordState {
    pub fn new(kind: RecordKind, id: Uuid) -> Self {
        RecordState {
            kind,
            id,
            fields: BTreeMap::new(),
            seq: 0,
        }
    }

    /// Applies a mutation made by `device`. Returns whether anything changed.
    pub fn apply(&mut self, device: DeviceId, m: &Mutation, by: Option<&str>) -> bool {
        let empty = VersionVector::default();
        let mut changed = false;
        for (field, value) in &m.set {
            let write = FieldWrite {
                value: value.clone(),
                dot: Dot { device, n: m.n },
                at: m.at,
                by: by.map(str::to_owned),
            };
            let ctx = m.ctx.get(field).unwrap_or(&empty);
            let state = match self.fields.get_mut(field) {
                Some(state) => state,
                None => self.fields.entry(field.clone()).or_default(),
            };
            changed |= state.apply(write, ctx);
        }
        changed
    }

    /// Merges another replica's state of the same record.
    pub fn join(&mut self, other: &RecordState) {
        for (name, theirs) in &other.fields {
            self.fields.entry(name.clone()).or_default().join(theirs);
        }
        self.seq = self.seq.max(other.seq);
    }

    /// The shown value of every field.
    pub fn values(&self) -> Map<String, Value> {
        self.fields
            .iter()
            .filter_map(|(k, f)| f.winner().map(|w| (k.clone(), w.value.clone())))
            .collect()
    }

    pub fn is_deleted(&self) -> bool {
        self.fields
            .get(DELETED_FIELD)
            .and_then(FieldState::winner)
            .is_some_and(|w| w.value == Value::Bool(true))
    }

    /// Fields written concurrently by several devices, waiting for someone to choose.
    pub fn conflicts(&self) -> impl Iterator<Item = (&str, &FieldState)> {
        self.fields
            .iter()
            .filter(|(_, f)| f.in_conflict())
            .map(|(k, f)| (k.as_str(), f))
    }

    /// The record as its typed form.
    /// Fields a newer release wrote, which this one does not know, are left out: the
    /// record still shows (and they stay in the state, passed on untouched).
    pub fn typed<T>(&self) -> Result<T, ValidationErrors>
    where
        T: serde::de::DeserializeOwned + Serialize + Default,
    {
        let mut values = self.values();
        values.retain(|k, _| self.kind.knows_field(k));
        parse_fields(&values)
    }

    /// A mutation setting `changes` (only the fields that differ from what is shown), made
    /// having seen this state. `None` when nothing differs.
    pub fn edit(&self, n: u64, at: i64, changes: Map<String, Value>) -> Option<Mutation> {
        let shown = self.values();
        let set: Map<String, Value> = changes
            .into_iter()
            .filter(|(k, v)| self.differs(&shown, k, v))
            .collect();
        self.mutation_setting(n, at, set)
    }

    /// Whether setting field `k` to `v` changes what the record shows. A field an existing
    /// record never set shows its default: setting it to that changes nothing (a form
    /// saved after a release adds a field does not write the field's default, which would
    /// race with every other device doing the same). A new record is written as given.
    fn differs(&self, shown: &Map<String, Value>, k: &str, v: &Value) -> bool {
        match shown.get(k) {
            Some(s) => s != v,
            None => self.fields.is_empty() || self.kind.default_value(k) != Some(v),
        }
    }

    /// A mutation keeping `value` for `field` after a conflict: written even when it is the
    /// value shown, so that it supersedes every write the device has seen.
    pub fn resolve(&self, n: u64, at: i64, field: &str, value: Value) -> Mutation {
        let mut set = Map::new();
        set.insert(field.to_owned(), value);
        self.mutation_setting(n, at, set)
            .expect("a mutation with one field is never empty")
    }

    fn mutation_setting(&self, n: u64, at: i64, set: Map<String, Value>) -> Option<Mutation> {
        if set.is_empty() {
            return None;
        }
        let ctx = set
            .keys()
            .filter_map(|k| {
                self.fields
                    .get(k)
                    .filter(|f| !f.seen.is_empty())
                    .map(|f| (k.clone(), f.seen.clone()))
            })
            .collect();
        Some(Mutation {
            n,
            kind: self.kind,
            id: self.id,
            at,
            set,
            ctx,
        })
    }

    /// Checks the record that applying `m` would give: field names and types, and, unless
    /// the result is deleted, the kind's rules. The same check runs in the form (before the
    /// edit is stored) and on the server (before a push is applied).
    pub fn check_mutation(
        current: Option<&RecordState>,
        device: DeviceId,
        m: &Mutation,
        by: Option<&str>,
    ) -> Result<RecordState, ValidationErrors> {
        let mut next = match current {
            Some(c) => c.clone(),
            None => RecordState::new(m.kind, m.id),
        };
        let _applied = next.apply_checked(device, m, by)?;
        Ok(next)
    }

    /// `check_mutation` in place: applies `m` to this state if the record it gives passes
    /// the same checks (in the same order, with the same errors), and otherwise leaves the
    /// state as it was. A state that does not exist yet is `RecordState::new(m.kind, m.id)`.
    /// What it returns says whether anything changed and can put the state back
    /// (`Applied::undo`) if the caller refuses the mutation for another reason.
    pub fn apply_checked(
        &mut self,
        device: DeviceId,
        m: &Mutation,
        by: Option<&str>,
    ) -> Result<Applied, ValidationErrors> {
        m.kind.check_field_types(&m.set)?;
        if let Some(bad) = m.ctx.keys().find(|k| !m.set.contains_key(*k)) {
            let mut e = ValidationErrors::default();
            e.add(bad, key::CONTEXT_UNCHANGED_FIELD);
            return Err(e);
        }
        check_removal_alone(m)?;
        self.check_contexts(device, m)?;
        if self.kind != m.kind {
            let mut e = ValidationErrors::default();
            e.add_problem(
                "kind",
                Problem::new(key::WRONG_KIND)
                    .with("id", m.id.to_string())
                    .with("stored", Word::noun(self.kind))
                    .with("sent", Word::noun(m.kind)),
            );
            return Err(e);
        }
        // Only the fields the mutation writes change: what they were puts the state back.
        let applied = Applied {
            before: m.set.keys().map(|k| self.fields.get(k).cloned()).collect(),
            changed: self.apply(device, m, by),
        };
        // A removal is always possible (a record made invalid by rules written later can
        // still be removed); every other change, a restore or an edit of a removed record
        // included, must leave a valid record.
        if !is_removal(m) {
            // Fields a newer release wrote are not this release's to judge (the mutation's
            // own fields were checked above): an edit of a field it knows never fails, or
            // drops them, because of them.
            let kind = m.kind;
            let shown = self
                .fields
                .iter()
                .filter(move |(k, _)| kind.knows_field(k))
                .filter_map(|(k, f)| f.winner().map(|w| (k.as_str(), &w.value)));
            if let Err(e) = m.kind.validate_fields(shown) {
                applied.undo(self, m);
                return Err(e);
            }
        }
        Ok(applied)
    }
}

/// Whether `m` only removes its record (`{"deleted": true}` and nothing else).
fn is_removal(m: &Mutation) -> bool {
    m.set.len() == 1 && m.set.get(DELETED_FIELD) == Some(&Value::Bool(true))
}

/// A removal or a restore changes nothing else: otherwise one mutation could move a record
/// to another owner, or store values no rule would pass, on its way out or back.
fn check_removal_alone(m: &Mutation) -> Result<(), ValidationErrors> {
    if m.set.contains_key(DELETED_FIELD) && m.set.len() > 1 {
        let mut e = ValidationErrors::default();
        e.add(DELETED_FIELD, key::REMOVAL_ALONE);
        return Err(e);
    }
    Ok(())
}

impl RecordState {
    /// Refuses a context naming a write this replica never saw for that field.
    ///
    /// A context is the author's claim of what it had seen; the writes it covers are
    /// removed and join the field's `seen`. A claim beyond what was seen would make later
    /// real writes count as already seen and vanish (a `u64::MAX` entry for a device
    /// swallows all its future writes to the field). An author's context can only hold
    /// what it received from here plus its own device's earlier mutations (it applied
    /// them locally, and the server has processed every one of them before this one), so
    /// an honest context always passes. Its size is thereby bounded by the field's `seen`
    /// plus one: a larger one is refused before it is read.
    pub fn check_contexts(&self, device: DeviceId, m: &Mutation) -> Result<(), ValidationErrors> {
        let empty = VersionVector::default();
        for (field, ctx) in &m.ctx {
            let seen = self.fields.get(field).map_or(&empty, |f| &f.seen);
            let claims_unseen = ctx.0.len() > seen.0.len() + 1
                || ctx.0.iter().any(|(&d, &n)| {
                    let own_earlier = d == device && n < m.n;
                    !own_earlier && seen.0.get(&d).is_none_or(|&s| n > s)
                });
            if claims_unseen {
                let mut e = ValidationErrors::default();
                e.add(field, key::UNSEEN_VERSIONS);
                return Err(e);
            }
        }
        Ok(())
    }
}

impl RecordState {
    /// Fits `m`'s contexts to what this replica has seen, so that `check_contexts` passes:
    /// each entry is lowered to the field's `seen` for its device, and dropped where the
    /// field has seen nothing of it (the pushing `device`'s own earlier mutations stay).
    /// Returns whether anything changed.
    ///
    /// For a waiting change after the server was restored from a backup: its author had
    /// seen writes the restored server no longer has. Those writes are gone from the
    /// record; what the author saw of the ones that remain is still covered (a device's
    /// writes to a field are seen in order), so the change supersedes exactly what it
    /// superseded before, as far as this replica knows it.
    pub fn fit_contexts(&self, device: DeviceId, m: &mut Mutation) -> bool {
        let empty = VersionVector::default();
        let mut changed = false;
        for (field, ctx) in m.ctx.iter_mut() {
            let seen = self.fields.get(field).map_or(&empty, |f| &f.seen);
            ctx.0.retain(|&d, n| {
                if d == device && *n < m.n {
                    return true;
                }
                match seen.0.get(&d) {
                    Some(&s) if *n > s => {
                        *n = s;
                        changed = true;
                        true
                    }
                    Some(_) => true,
                    None => {
                        changed = true;
                        false
                    }
                }
            });
        }
        changed
    }
}

/// A mutation applied in place by `RecordState::apply_checked`.
#[derive(Debug)]
#[must_use]
pub struct Applied {
    /// The states of the fields the mutation writes, before it (in `m.set`'s order).
    before: Vec<Option<FieldState>>,
    /// Whether the record changed (a mutation already seen changes nothing).
    pub changed: bool,
}

impl Applied {
    /// Puts `state` back as it was before `m` was applied to it.
    pub fn undo(self, state: &mut RecordState, m: &Mutation) {
        for (field, before) in m.set.keys().zip(self.before) {
            match before {
                Some(before) => {
                    state.fields.insert(field.clone(), before);
                }
                None => {
                    state.fields.remove(field);
                }
            }
        }
    }
}

mod form;
#[cfg(test)]
mod tests;
