//! Group commit: `Store::push` checks a push and queues it; a writing turn takes the
//! queued pushes and writes them in one transaction (`Store::write_pushes`), answering
//! each once it is committed.

use tokio::sync::oneshot;
use tradewinds_shared::api::ErrorCode;
use tradewinds_shared::i18n::{problem::key, Problem};
use tradewinds_shared::sync::{protocol::MAX_PUSH_MUTATIONS, DeviceId, Mutation, PushResponse};

use super::Store;
use crate::accounts::Author;
use crate::Error;

/// A push to write: see `Store::push`.
pub(super) struct PushJob {
    pub(super) device: DeviceId,
    pub(super) mutations: Vec<Mutation>,
    pub(super) author: Author,
}

/// A push waiting for a writing turn, and where its answer goes.
pub(super) struct QueuedPush {
    push: PushJob,
    reply: oneshot::Sender<Result<PushResponse, Error>>,
}

/// At most this many mutations are written in one group commit (a single push of up to
/// `MAX_PUSH_MUTATIONS` always goes alone if it is larger).
const GROUP_MUTATIONS: usize = 2000;

impl Store {
    /// Applies a device's mutations in order, in one transaction. Mutations at or below the
    /// device's last processed number are duplicates and are skipped; a gap is refused.
    ///
    /// Pushes that arrive while another is being written wait in a queue and are then
    /// written together, each in its order, in one transaction (group commit: one fsync for
    /// many devices). Each still gets its own answer, given once the transaction is
    /// committed; a push refused (gap) leaves the others untouched.
    pub async fn push(
        &self,
        device: DeviceId,
        mutations: Vec<Mutation>,
        author: &Author,
    ) -> Result<PushResponse, Error> {
        if mutations.len() > MAX_PUSH_MUTATIONS {
            return Err(Error::Unprocessable {
                code: ErrorCode::TooManyMutations,
                message: Problem::new(key::PUSH_TOO_MANY)
                    .with("max", MAX_PUSH_MUTATIONS)
                    .with("count", mutations.len()),
            });
        }
        if let Some(w) = mutations.windows(2).find(|w| w[1].n != w[0].n + 1) {
            return Err(Error::Unprocessable {
                code: ErrorCode::MutationsNotConsecutive,
                message: Problem::new(key::NOT_CONSECUTIVE)
                    .with("first", w[0].n.to_string())
                    .with("next", w[1].n.to_string()),
            });
        }
        if mutations.first().is_some_and(|m| m.n == 0) {
            return Err(Error::Unprocessable {
                code: ErrorCode::InvalidMutationNumber,
                message: Problem::new(key::NUMBERS_START_AT_ONE),
            });
        }
        let (reply, answer) = oneshot::channel();
        self.queue
            .lock()
            .expect("push queue")
            .push_back(QueuedPush {
                push: PushJob {
                    device,
                    mutations,
                    author: author.clone(),
                },
                reply,
            });
        // One writing turn per queued push, so every push is written by some turn. The turn
        // runs on its own task: a caller that goes away (client gone, timeout) does not
        // interrupt the transaction that carries other devices' pushes.
        let store = self.clone();
        tokio::spawn(async move { store.write_queued().await });
        answer.await.unwrap_or_else(|_| {
            Err(Error::Internal(anyhow::anyhow!(
                "the push was dropped before it was written"
            )))
        })
    }

    /// One writing turn: opens its transaction, then takes the queued pushes (up to
    /// `GROUP_MUTATIONS` mutations) and writes them in it. The pushes are taken once the
    /// change log's lock is held: with several instances, those that came while another
    /// instance's turn ran join this one (few large turns, as with one instance). If the
    /// group fails, each push is tried alone, so that a push that cannot be written fails
    /// by itself.
    async fn write_queued(&self) {
        let mut written = self.write.lock().await;
        // Pushes are taken only here, under `write`: one queued now is still there below.
        if self.queue.lock().expect("push queue").is_empty() {
            return;
        }
        let tx = self.begin_turn().await;
        let group = self.take_group();
        let (jobs, replies): (Vec<PushJob>, Vec<_>) =
            group.into_iter().map(|q| (q.push, q.reply)).unzip();
        let written_group = match tx {
            Ok(tx) => self.write_pushes(&mut written, tx, &jobs).await,
            Err(e) => Err(e),
        };
        match written_group {
            Ok(answers) => {
                for (reply, answer) in replies.into_iter().zip(answers) {
                    let _ = reply.send(answer);
                }
            }
            Err(e) if jobs.len() == 1 => {
                let _ = replies.into_iter().next().map(|r| r.send(Err(e)));
            }
            Err(e) => {
                tracing::warn!(error = %e, pushes = jobs.len(), "group commit failed; writing each push alone");
                for (job, reply) in jobs.iter().zip(replies) {
                    let answer = match self.begin_turn().await {
                        Ok(tx) => self
                            .write_pushes(&mut written, tx, std::slice::from_ref(job))
                            .await
                            .map(|mut answers| answers.pop().expect("one answer per push")),
                        Err(e) => Err(e),
                    };
                    let _ = reply.send(answer.and_then(|a| a));
                }
            }
        }
    }

    /// The queued pushes of one turn, oldest first: at least one, then as many as fit in
    /// `GROUP_MUTATIONS` mutations.
    fn take_group(&self) -> Vec<QueuedPush> {
        let mut queue = self.queue.lock().expect("push queue");
        let mut total = 0;
        let mut group = Vec::new();
        while let Some(next) = queue.front() {
            total += next.push.mutations.len().max(1);
            if !group.is_empty() && total > GROUP_MUTATIONS {
                break;
            }
            group.extend(queue.pop_front());
        }
        group
    }
}
