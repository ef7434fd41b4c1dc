//! Applying pushes: a writing turn's transaction (`Store::write_pushes`: device claims,
//! gaps, duplicates, numbering, change and rejection rows, the records cache's moves), and
//! what one mutation does to its record, decided by a pure function (`apply_mutation`).
//! The server's own edits (`Store::apply_server_edit`) go through the same path.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::Ordering;
use std::sync::Arc;

use tradewinds_shared::api::ErrorCode;
use tradewinds_shared::i18n::{problem::key, Problem};
use tradewinds_shared::sync::protocol::MAX_PUSH_MUTATIONS;
use tradewinds_shared::sync::{
    DeviceId, Mutation, PushResponse, RecordState, Rejection, MAX_FUTURE_SKEW_MS,
};
use tradewinds_shared::{RecordKind, ValidationErrors};
use uuid::Uuid;

use super::cache::{Kept, Written};
use super::devices::claim_device;
use super::housekeeping::forget_old_rejections;
use super::queue::PushJob;
use super::read::change_digest;
use super::sql::{
    first_new_rid, last_seq, load_counters, load_records, stored_rejections,
    write_changes_and_records, write_counters, write_last_seq, write_rejection, ChangeRow,
};
use super::{now_ms, Store};
use crate::accounts::Author;
use crate::db::{self, Exclusive};
use crate::Error;

/// What one mutation does to its record (`apply_mutation`).
#[derive(Debug, PartialEq)]
enum Outcome {
    /// The record changed, or is new (written even if the mutation sets nothing): the
    /// mutation gets the next `seq` and a change row.
    Changed,
    /// Applied, and nothing changed (every write it carries was there already): no change
    /// row.
    Unchanged,
    /// Refused: the record is as it was, and the rejection is stored and answered.
    Rejected(Rejection),
}

/// What mutation `m`, pushed under `device` by `author` and received at `now`, does to
/// `state`, its record as this transaction has it (`existed`: stored, or written earlier
/// in the transaction; otherwise `state` is `RecordState::new(m.kind, m.id)`).
///
/// The whole decision and nothing else: no I/O, no clock, no numbering. `state` is changed
/// in place (a wide record is not copied) into the record as the mutation leaves it, and
/// is left as it was when the mutation is refused. The caller applies the effects: `seq`
/// and the change row, the rejection row, the records cache's moves.
fn apply_mutation(
    state: &mut RecordState,
    existed: bool,
    device: DeviceId,
    m: &Mutation,
    author: &Author,
    now: i64,
) -> Outcome {
    if m.at > now + MAX_FUTURE_SKEW_MS {
        return Outcome::Rejected(Rejection::new(
            m.n,
            ErrorCode::ClockInFuture,
            Problem::new(key::CLOCK_AHEAD),
            vec![],
            english(),
        ));
    }
    let actor = author.actor.as_ref();
    // Only an actor whose rights depend on the record needs it as it was.
    let before = actor
        .filter(|a| existed && a.reads_records())
        .map(|_| state.clone());
    match state.apply_checked(device, m, author.name.as_deref()) {
        Err(e) => Outcome::Rejected(Rejection::new(
            m.n,
            ErrorCode::InvalidRecord,
            Problem::new(key::RECORD_INVALID),
            e.0,
            english(),
        )),
        Ok(applied) => match actor.map(|a| a.check_write(before.as_ref(), state, m)) {
            Some(Err(denied)) => {
                applied.undo(state, m);
                Outcome::Rejected(forbidden(m.n, denied))
            }
            // A new record is written even if the mutation sets nothing.
            _ if applied.changed || !existed => Outcome::Changed,
            _ => Outcome::Unchanged,
        },
    }
}

/// A mutation the author may not make, as a rejection naming the field if it is about one.
fn forbidden(n: u64, denied: tradewinds_shared::access::Denied) -> Rejection {
    let fields = denied
        .field
        .iter()
        .map(|f| tradewinds_shared::FieldError {
            field: f.clone(),
            message: String::new(),
            problem: denied.problem.clone(),
        })
        .collect();
    Rejection::new(n, ErrorCode::Forbidden, denied.problem, fields, english())
}

/// The store words rejections in English; the push handler words them again in the
/// language its request names.
fn english() -> &'static tradewinds_shared::i18n::Catalogue {
    tradewinds_shared::i18n::problem::catalogue(tradewinds_shared::i18n::Lang::En)
}

/// The server's own edits (REST calls, imports, the seed), numbered from its device's
/// counter as this writing turn reads it. An instance numbers them before its turn
/// (`Store::apply_server_edits`), and several instances on one PostgreSQL share that
/// device: numbers taken by another instance meanwhile would make these "duplicates",
/// acknowledged and never applied. Numbered here, under the change log's lock, they are
/// always the next ones, in the order given.
fn numbered_here(mutations: &[Mutation], already: u64) -> Vec<Mutation> {
    mutations
        .iter()
        .zip(already + 1..)
        .map(|(m, n)| Mutation { n, ..m.clone() })
        .collect()
}

impl Store {
    /// Writes pushes in one transaction, in order: what each would have done alone, one
    /// after the other. Reads everything it needs first and writes many rows per statement,
    /// so that the number of statements does not grow with the number of mutations.
    /// `Err` only when the transaction failed (nothing is written); a refused push is an
    /// `Err` in its own answer.
    /// Opens a writing turn: its transaction, holding the change log's lock (with several
    /// instances on one PostgreSQL, one writing turn at a time across all of them, so that
    /// sequence numbers are taken and committed in one order) until it commits.
    pub(super) async fn begin_turn(&self) -> Result<db::Transaction<'static>, Error> {
        if self.pool.is_closed() {
            // The store is being shut down (`pool().close()`): write nothing more.
            self.writer.close().await;
            return Err(Error::Internal(anyhow::anyhow!("the database is closed")));
        }
        let mut tx = self.writer.begin().await?;
        db::lock(&mut tx, self.backend, Exclusive::ChangeLog).await?;
        Ok(tx)
    }

    /// Writes `jobs` in the turn `tx` (from `begin_turn`) and commits it.
    pub(super) async fn write_pushes(
        &self,
        written: &mut Written,
        tx: db::Transaction<'static>,
        jobs: &[PushJob],
    ) -> Result<Vec<Result<PushResponse, Error>>, Error> {
        let result = self.write_pushes_once(written, tx, jobs).await;
        if result.is_err() {
            // A failed transaction may or may not have committed (a failed commit): what
            // the cache holds can no longer be trusted.
            written.records.clear();
        }
        result
    }

    async fn write_pushes_once(
        &self,
        written: &mut Written,
        mut tx: db::Transaction<'static>,
        jobs: &[PushJob],
    ) -> Result<Vec<Result<PushResponse, Error>>, Error> {
        let now = now_ms();
        let (mut last, mut owners) =
            load_counters(&mut tx, self.backend, jobs.iter().map(|j| j.device)).await?;
        // Devices each account claims in this turn, not yet in the table.
        let mut claimed: HashMap<Arc<str>, i64> = HashMap::new();
        let mut seq: i64 = last_seq(&mut *tx).await?;
        let start_seq = seq;
        let committed = self.committed.load(Ordering::Acquire) as i64;
        if seq != committed {
            // Another process wrote since this store's last commit: the records it changed
            // are no longer as kept (see `cache`).
            written
                .forget_changed_since(&mut tx, committed, seq)
                .await?;
        }
        // Every record a new mutation names, by id alone, like the records table's unique
        // index: ids are unique across kinds, so a mutation of another kind must meet the
        // record already there.
        // (The server's own edits are all new: see `numbered_here`.)
        let server_device = self.server_device();
        let ids: HashSet<Uuid> = jobs
            .iter()
            .flat_map(|j| {
                let already = last.get(&j.device).copied().unwrap_or(0);
                let all = j.device == server_device;
                j.mutations
                    .iter()
                    .filter(move |m| all || m.n > already)
                    .map(|m| m.id)
            })
            .collect();
        let missing: HashSet<Uuid> = ids
            .into_iter()
            .filter(|id| !written.records.contains_key(id))
            .collect();
        // This transaction's records: those read now, then those it writes. They join the
        // kept ones only once it has committed.
        let mut cache = load_records(&mut tx, self.backend, &missing).await?;
        // Keys for the records this transaction creates: one writer, so nobody else takes
        // them before it commits.
        let mut next_rid: i64 = first_new_rid(&mut tx).await?;
        let mut changed: Vec<Uuid> = Vec::new();
        let mut changed_ids: HashSet<Uuid> = HashSet::new();
        // Records this transaction creates (the others it writes are in the table already).
        let mut created: HashSet<Uuid> = HashSet::new();
        let mut changes: Vec<ChangeRow> = Vec::new();
        let mut counters: Vec<(DeviceId, u64, Option<Arc<str>>)> = Vec::new();
        let mut answers = Vec::with_capacity(jobs.len());
        // Outcomes, counted once the transaction commits.
        let (mut applied, mut unchanged) = (0u64, 0u64);
        let mut rejected_codes: Vec<String> = Vec::new();
        for job in jobs {
            let device = job.device;
            let device_key = device.to_string();
            // Shared by this push's change rows.
            let device_row: Arc<str> = device_key.as_str().into();
            let author_row: Option<Arc<str>> =
                job.author.actor.as_ref().map(|a| a.user.to_string().into());
            // The server's own device numbers every REST edit, whoever makes it.
            let account = author_row
                .as_ref()
                .filter(|_| device != self.server_device());
            if let Some(account) = account {
                if let Err(refused) =
                    claim_device(&mut tx, &mut owners, &mut claimed, device, account).await?
                {
                    answers.push(Err(refused));
                    continue;
                }
            }
            let already = last.get(&device).copied().unwrap_or(0);
            let renumbered;
            let mutations: &[Mutation] = if device == server_device {
                renumbered = numbered_here(&job.mutations, already);
                &renumbered
            } else {
                &job.mutations
            };
            if let Some(first) = mutations.first() {
                if first.n > already + 1 {
                    answers.push(Err(Error::Conflict {
                        code: ErrorCode::MutationGap,
                        message: Problem::new(key::MUTATION_GAP)
                            .with("next", (already + 1).to_string())
                            .with("first", first.n.to_string()),
                    }));
                    continue;
                }
            }
            let mut rejections = Vec::new();
            let mut done = already;
            for m in mutations.iter().filter(|m| m.n > already) {
                // The record is changed in place among this transaction's records; one kept
                // from earlier turns moves there (the kept ones must stay exactly as
                // committed) and comes back after the commit.
                let existed = cache.contains_key(&m.id) || written.records.contains_key(&m.id);
                let kept = cache.entry(m.id).or_insert_with(|| {
                    written.records.remove(&m.id).unwrap_or_else(|| {
                        next_rid += 1;
                        Kept {
                            rid: next_rid - 1,
                            state: RecordState::new(m.kind, m.id),
                        }
                    })
                });
                match apply_mutation(&mut kept.state, existed, device, m, &job.author, now) {
                    Outcome::Changed => {
                        applied += 1;
                        seq += 1;
                        kept.state.seq = seq as u64;
                        changes.push(ChangeRow {
                            seq,
                            device: device_row.clone(),
                            mutation: m.n as i64,
                            kind: m.kind.code(),
                            id: m.id.to_string(),
                            record: kept.rid,
                            fields: serde_json::to_string(&m.set).map_err(anyhow::Error::from)?,
                            at: m.at,
                            author: author_row.clone(),
                        });
                        if changed_ids.insert(m.id) {
                            changed.push(m.id);
                        }
                        if !existed {
                            created.insert(m.id);
                        }
                    }
                    Outcome::Unchanged => unchanged += 1,
                    Outcome::Rejected(rejection) => {
                        rejected_codes.push(rejection.code.as_str().to_owned());
                        if !existed {
                            cache.remove(&m.id);
                        }
                        // Rare: written at once, so that a later push of the same device in
                        // this transaction finds it (below).
                        write_rejection(&mut tx, &device_key, m.n, &rejection).await?;
                        rejections.push(rejection);
                    }
                }
                done = m.n;
            }
            // A push that repeats mutations already processed gets their rejections again,
            // so that a retried push gets the same answer.
            let first_n = mutations.first().map_or(0, |m| m.n);
            if first_n > 0 && first_n <= already {
                for r in stored_rejections(&mut tx, &device_key, first_n, done).await? {
                    if !rejections.iter().any(|x| x.n == r.n) {
                        rejections.push(r);
                    }
                }
                rejections.sort_by_key(|r| r.n);
            }
            if rejections.iter().any(|r| r.n > already) {
                forget_old_rejections(&mut tx, &device_key, done).await?;
            }
            last.insert(device, done);
            counters.push((device, done, account.cloned()));
            answers.push(Ok(PushResponse {
                last_applied: done,
                rejections,
            }));
        }
        let (stored, new): (Vec<&Kept>, Vec<&Kept>) = changed
            .iter()
            .filter_map(|id| cache.get(id))
            .partition(|kept| !created.contains(&kept.state.id));
        write_changes_and_records(&mut tx, self.backend, &changes, now, &new, &stored).await?;
        if seq != start_seq {
            write_last_seq(&mut tx, seq).await?;
        }
        write_counters(&mut tx, self.backend, &counters, now).await?;
        if seq != start_seq && self.backend == db::Backend::Postgres {
            // Delivered at commit: the other instances' ends move at once (`cache::follow_other_writers`).
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(super::cache::CHANNEL)
                .bind(seq.to_string())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        let codes: Vec<&str> = rejected_codes.iter().map(String::as_str).collect();
        self.mutations.add(applied, unchanged, &codes);
        if let Some(c) = changes.last() {
            let digest = change_digest(c.seq, &c.device, c.mutation, now);
            super::cache::advance(&self.end, &self.end_digest, c.seq as u64, Some(digest));
        }
        self.committed.store(seq as u64, Ordering::Release);
        self.commits.fetch_add(1, Ordering::Relaxed);
        written.make_room(cache.len());
        written.records.extend(cache);
        Ok(answers)
    }

    /// Applies one change made by the server itself (a REST call): numbered from the
    /// server's own device counter, through the same path as a push. Answers the record
    /// as it then stands.
    pub async fn apply_server_edit(
        &self,
        kind: RecordKind,
        id: Uuid,
        changes: serde_json::Map<String, serde_json::Value>,
        author: &Author,
    ) -> Result<Option<RecordState>, Error> {
        let outcome = self
            .apply_server_edits(vec![(kind, id, changes)], author)
            .await?
            .pop();
        outcome.unwrap_or(Ok(()))?;
        self.get(kind, id).await
    }

    /// Applies many changes made by the server itself (an import), each checked as
    /// `apply_server_edit` checks it, in pushes of at most `MAX_PUSH_MUTATIONS`: answers
    /// each change's outcome in order (a change that alters nothing is `Ok`).
    pub async fn apply_server_edits(
        &self,
        rows: Vec<(RecordKind, Uuid, serde_json::Map<String, serde_json::Value>)>,
        author: &Author,
    ) -> Result<Vec<Result<(), Error>>, Error> {
        let device = self.server_device();
        // This instance's edits go in the order they were asked (the writing turn gives
        // them their numbers: `numbered_here`).
        let _numbering = self.server_edits.lock().await;
        let mut outcomes: Vec<Result<(), Error>> = Vec::with_capacity(rows.len());
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            let first = self.last_mutation(device).await? + 1;
            let mut batch = Vec::new();
            // The outcome each mutation of the batch answers for.
            let mut slots = Vec::new();
            for (kind, id, changes) in rows.by_ref() {
                let current = self.get(kind, id).await?;
                let base = current
                    .clone()
                    .unwrap_or_else(|| RecordState::new(kind, id));
                let n = first + batch.len() as u64;
                let Some(m) = base.edit(n, now_ms(), changes) else {
                    outcomes.push(Ok(()));
                    continue;
                };
                let checked = RecordState::check_mutation(
                    current.as_ref(),
                    device,
                    &m,
                    author.name.as_deref(),
                )
                .map_err(Error::from)
                .and_then(|next| match &author.actor {
                    Some(a) => a
                        .check_write(current.as_ref(), &next, &m)
                        .map_err(|d| Error::Forbidden(d.problem)),
                    None => Ok(()),
                });
                if let Err(e) = checked {
                    outcomes.push(Err(e));
                    continue;
                }
                slots.push(outcomes.len());
                outcomes.push(Ok(()));
                batch.push(m);
                if batch.len() == MAX_PUSH_MUTATIONS {
                    break;
                }
            }
            if batch.is_empty() {
                continue;
            }
            let count = batch.len() as u64;
            let resp = self.push(device, batch, author).await?;
            // The writing turn numbered them again from the counter it read
            // (`numbered_here`): the batch ends at `last_applied`.
            let Some(first) = (resp.last_applied + 1).checked_sub(count) else {
                return Err(Error::Internal(anyhow::anyhow!(
                    "{count} server edits were not applied (last applied: {})",
                    resp.last_applied
                )));
            };
            for r in resp.rejections {
                let Some(&slot) = slots.get((r.n - first) as usize) else {
                    continue;
                };
                outcomes[slot] = Err(match r.code {
                    ErrorCode::Forbidden => Error::Forbidden(r.problem),
                    _ if !r.fields.is_empty() => Error::Validation(ValidationErrors(r.fields)),
                    code => Error::Unprocessable {
                        code,
                        message: r.problem,
                    },
                });
            }
        }
        Ok(outcomes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};
    use tradewinds_shared::access::{Actor, Role};

    const NOW: i64 = 1_000_000;

    fn new_organisation(n: u64, at: i64) -> (RecordState, Mutation) {
        let Value::Object(fields) = json!({
            "name": "Organisation of Eastern Caribbean States",
            "acronym": "OECS",
            "category": "regional_body",
            "country": "LC",
        }) else {
            unreachable!()
        };
        let state = RecordState::new(RecordKind::Organisation, Uuid::from_bytes([1; 16]));
        let m = state.edit(n, at, fields).unwrap();
        (state, m)
    }

    fn device() -> DeviceId {
        Uuid::from_bytes([7; 16])
    }

    /// A new record is changed by its first mutation and not by the same mutation again;
    /// the state is the record as the mutation leaves it.
    #[test]
    fn a_mutation_changes_its_record_once() {
        let (mut state, m) = new_organisation(1, NOW);
        let server = Author::server("Ana");
        let outcome = apply_mutation(&mut state, false, device(), &m, &server, NOW);
        assert_eq!(outcome, Outcome::Changed);
        assert_eq!(state.fields.len(), m.set.len());
        let after = state.clone();
        let again = apply_mutation(&mut state, true, device(), &m, &server, NOW);
        assert_eq!(again, Outcome::Unchanged);
        assert_eq!(state, after);
    }

    /// Refused mutations leave the record as it was: a clock too far ahead, an invalid
    /// record, a change the author may not make.
    #[test]
    fn a_refused_mutation_leaves_the_record_alone() {
        let (fresh, m) = new_organisation(1, NOW + MAX_FUTURE_SKEW_MS + 1);
        let mut state = fresh.clone();
        let server = Author::server("Ana");
        match apply_mutation(&mut state, false, device(), &m, &server, NOW) {
            Outcome::Rejected(r) => assert_eq!((r.n, r.code), (1, ErrorCode::ClockInFuture)),
            other => panic!("{other:?}"),
        }
        assert_eq!(state, fresh);

        let (fresh, mut m) = new_organisation(1, NOW);
        m.set.insert("category".into(), json!("no such category"));
        let mut state = fresh.clone();
        match apply_mutation(&mut state, false, device(), &m, &server, NOW) {
            Outcome::Rejected(r) => assert_eq!(r.code, ErrorCode::InvalidRecord),
            other => panic!("{other:?}"),
        }
        assert_eq!(state, fresh);

        let (fresh, m) = new_organisation(1, NOW);
        let viewer = Author {
            actor: Some(Actor {
                user: Uuid::from_bytes([9; 16]),
                role: Role::Viewer,
                organisation: None,
            }),
            name: Some("Vic".into()),
        };
        let mut state = fresh.clone();
        match apply_mutation(&mut state, false, device(), &m, &viewer, NOW) {
            Outcome::Rejected(r) => assert_eq!(r.code, ErrorCode::Forbidden),
            other => panic!("{other:?}"),
        }
        assert_eq!(state, fresh);
    }
}
