//! Running (or resuming) a job: for each step not yet settled, reconcile it if its outcome is
//! unknown, else journal `sent`, send it, journal the outcome, append to the audit log and
//! report progress. The pace is the client's shared rate limiter's: the engine never sleeps
//! except to retry a step the marketplace could not take (503, no connection, still 429).

use std::{
    fs::File,
    path::Path,
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

use markets::ErrorCode;

use crate::{
    audit::AuditLog,
    clients::Client,
    exec::{self, StepOk},
    journal::{Journal, Record},
    ops::Op,
    progress::{self, Progress},
    reconcile::{reconcile, Reconciled},
    seal::JournalKey,
    state::{JobState, StepState},
    time::now_rfc3339,
    Error, Result,
};

/// How many times in a row one step may come back unknown (answer lost) in one run.
const MAX_UNKNOWN_ROUNDS: u32 = 3;

/// Stops a job before its next step; the step in flight completes and is journaled.
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

pub type ProgressFn = Box<dyn Fn(&Progress) + Send + Sync>;

pub struct RunOptions {
    /// Needed for jobs with codes or credentials.
    pub key: Option<JournalKey>,
    pub audit: Option<AuditLog>,
    pub on_progress: Option<ProgressFn>,
    pub cancel: CancelToken,
    /// Extra attempts of a step the marketplace could not take, after the client's own retries.
    pub transient_retries: u32,
    /// The wait before the first extra attempt (doubled each time).
    pub retry_delay: Duration,
    /// After an answer is lost in this run, the wait before reading back a create or an accounts
    /// import: a request that timed out may still be applied a moment later, and reading back
    /// too early would send it a second time. (GG codes need no wait: GG refuses a code twice.)
    pub settle_delay: Duration,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            key: None,
            audit: None,
            on_progress: None,
            cancel: CancelToken::new(),
            transient_retries: 2,
            retry_delay: Duration::from_secs(5),
            settle_delay: Duration::from_secs(10),
        }
    }
}

/// Runs the job journaled at `path` until every step is settled or it is cancelled. Returns
/// the job as journaled at the end. One process at a time: a second gets [`Error::Busy`].
pub async fn run_job(path: &Path, client: &Client, opts: &RunOptions) -> Result<JobState> {
    let lock_file = File::open(path).map_err(|e| Error::journal(path, e))?;
    let mut lock = fd_lock::RwLock::new(lock_file);
    let _only_runner = lock
        .try_write()
        .map_err(|_| Error::Busy(path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()))?;

    let mut job = JobState::load(path)?;
    job.unseal(opts.key.as_ref(), path)?;
    if client.market() != job.header.market || client.base_url() != job.header.base_url {
        return Err(Error::Mismatch(format!(
            "job {} runs on {} at {}, not {} at {}",
            job.header.id,
            job.header.market.display_name(),
            job.header.base_url,
            client.market().display_name(),
            client.base_url()
        )));
    }
    let id = job.header.id.clone();
    let pending = job.count(|s| !matches!(s, StepState::Done { .. } | StepState::Failed { .. }));
    tracing::info!(job = %id, market = client.market().id(), steps = job.steps.len(), pending, "job started");
    let mut run = Run { job, journal: Journal::open(path)?, client, opts, started: Instant::now(), sent: 0 };
    run.report(None, false);
    for i in 0..run.job.steps.len() {
        if opts.cancel.is_cancelled() {
            run.journal.append(&Record::Paused { at: now_rfc3339() })?;
            run.report(None, true);
            tracing::info!(job = %id, sent = run.sent, "job paused");
            return JobState::load(path);
        }
        if let Err(e) = run.step(i).await {
            tracing::warn!(job = %id, step = i + 1, sent = run.sent, error = %e, "job stopped");
            return Err(e);
        }
    }
    let unsettled = run.job.count(|s| matches!(s, StepState::Unknown { .. } | StepState::Pending));
    if unsettled == 0 {
        run.journal.append(&Record::Finished { at: now_rfc3339() })?;
    }
    run.report(None, true);
    let done = run.job.count(|s| matches!(s, StepState::Done { .. }));
    let failed = run.job.count(|s| matches!(s, StepState::Failed { .. }));
    tracing::info!(job = %id, done, failed, unsettled, sent = run.sent, secs = run.started.elapsed().as_secs(), "job ended");
    JobState::load(path)
}

struct Run<'a> {
    job: JobState,
    journal: Journal,
    client: &'a Client,
    opts: &'a RunOptions,
    started: Instant,
    /// Steps sent in this run (for the ETA).
    sent: usize,
}

/// How one attempt at a step ended.
enum Attempt {
    Ok(StepOk),
    Failed(markets::Error),
    /// Sent, no answer: read back before anything else.
    Unknown,
}

impl Run<'_> {
    async fn step(&mut self, i: usize) -> Result<()> {
        let op = self.job.steps[i].op.clone().expect("unsealed");
        if op.market() != self.client.market() {
            return Err(Error::Mismatch(format!("step {i} is for {}", op.market().display_name())));
        }
        // No earlier send of this step can have been applied (see `exec::send`).
        let mut fresh = matches!(self.job.steps[i].state, StepState::Pending);
        let mut next: Op = match self.job.steps[i].state.clone() {
            StepState::Done { .. } | StepState::Failed { .. } => return Ok(()),
            StepState::Pending => op.clone(),
            StepState::Unknown { before, .. } => match self.reconcile(i, &op, before.as_ref()).await? {
                Some(resend) => resend,
                None => return Ok(()),
            },
        };
        if fresh {
            match self.waits_for(i, &op) {
                Some((j, StepState::Failed { .. })) => {
                    let reason = format!(
                        "not sent: step {} ({}) did not go through, and this change would move its units \
                         too; retry the failed steps together",
                        j + 1,
                        self.job.steps[j].op.as_ref().map(Op::label).unwrap_or_default()
                    );
                    return self.settle(i, &op, Err(("blocked".into(), reason)));
                }
                // Still unknown: settled on resume, then this one goes.
                Some(_) => return Ok(()),
                None => {}
            }
        }
        self.report(Some(op.label()), false);
        let (mut transient, mut unknown) = (0, 0);
        loop {
            match self.attempt(i, &next, fresh).await? {
                Attempt::Ok(ok) => return self.settle(i, &op, Ok(ok)),
                Attempt::Unknown if unknown >= MAX_UNKNOWN_ROUNDS => {
                    // The marketplace keeps losing answers: leave the step unknown (read back
                    // on resume) rather than keep sending.
                    tracing::warn!(job = %self.job.header.id, step = i + 1, "step left unknown: answers keep getting lost");
                    self.audit(i, &op, "unknown: answers keep getting lost; resume to check".into());
                    return Ok(());
                }
                Attempt::Unknown => {
                    unknown += 1;
                    fresh = false;
                    if matches!(op, Op::GgcCreate { .. } | Op::GgcAddAccounts { .. }) {
                        tokio::time::sleep(self.opts.settle_delay).await;
                    }
                    let before = match &self.job.steps[i].state {
                        StepState::Unknown { before, .. } => before.clone(),
                        _ => None,
                    };
                    match self.reconcile(i, &op, before.as_ref()).await? {
                        Some(resend) => next = resend,
                        None => return Ok(()),
                    }
                }
                Attempt::Failed(e) if e.is_transient() && transient < self.opts.transient_retries => {
                    tokio::time::sleep(self.opts.retry_delay * 2u32.pow(transient)).await;
                    transient += 1;
                }
                // The marketplace is down or unreachable, or refuses the key: every next step
                // would fail the same way. Stop; the step stays unknown (read back on resume,
                // nothing is lost) and `resume` goes on once it works again.
                Attempt::Failed(e) if e.is_transient() || e.code() == ErrorCode::KeyRejected => {
                    self.report(None, true);
                    return Err(Error::Market(e));
                }
                Attempt::Failed(e) => return self.settle(i, &op, Err((e.code().as_str().to_owned(), e.to_string()))),
            }
        }
    }

    /// An earlier, unfinished Gaming Goods price change that starts from the price step `i`
    /// moves to. The PATCH moves every unit at its old price, so sending step `i` first would
    /// merge its units into that group, and the earlier change, when it goes, would move them
    /// again. (Plans order such steps; this holds the order when one of them fails.)
    fn waits_for(&self, i: usize, op: &Op) -> Option<(usize, StepState)> {
        let Op::GgReprice { product_id, new_cents, .. } = op else { return None };
        self.job.steps[..i].iter().enumerate().find_map(|(j, s)| match (&s.op, &s.state) {
            (_, StepState::Done { .. }) => None,
            (Some(Op::GgReprice { product_id: p, old_cents, .. }), state)
                if p == product_id && old_cents == new_cents =>
            {
                Some((j, state.clone()))
            }
            _ => None,
        })
    }

    /// Journals `sent`, sends, and says how it went (journaling nothing more).
    async fn attempt(&mut self, i: usize, op: &Op, fresh: bool) -> Result<Attempt> {
        let prepared = match exec::prepare(self.client, op).await {
            Ok(p) => p,
            Err(e) => return Ok(Attempt::Failed(e)),
        };
        let before = prepared.before();
        let at = now_rfc3339();
        self.journal.append(&Record::Sent { i, at: at.clone(), before: before.clone() })?;
        self.job.steps[i].state = StepState::Unknown { at, before };
        self.sent += 1;
        Ok(match exec::send(self.client, op, prepared, fresh).await {
            Ok(ok) => Attempt::Ok(ok),
            Err(e) if e.code() == ErrorCode::OutcomeUnknown => Attempt::Unknown,
            Err(e) => Attempt::Failed(e),
        })
    }

    /// Reads the marketplace back. `Some(op)`: send `op`; `None`: settled (or left unknown when
    /// the read-back itself failed: a later resume tries again, nothing is sent blindly).
    async fn reconcile(&mut self, i: usize, op: &Op, before: Option<&serde_json::Value>) -> Result<Option<Op>> {
        let claimed = self.job.created_ids();
        match reconcile(self.client, op, before, &claimed).await {
            Ok(Reconciled::Done(ok)) => self.settle(i, op, Ok(ok)).map(|()| None),
            Ok(Reconciled::Resend(next)) => Ok(Some(next)),
            Ok(Reconciled::Conflict(reason)) => self.settle(i, op, Err(("conflict".into(), reason))).map(|()| None),
            Err(e) => {
                tracing::warn!(job = %self.job.header.id, step = i + 1, error = e.code().as_str(), "step left unknown: read-back failed");
                self.audit(i, op, format!("unknown: could not read back ({}); resume to check again", e.code()));
                Ok(None)
            }
        }
    }

    fn settle(&mut self, i: usize, op: &Op, outcome: std::result::Result<StepOk, (String, String)>) -> Result<()> {
        let at = now_rfc3339();
        let (record, state, result) = match outcome {
            Ok(ok) => (
                Record::Done {
                    i,
                    at,
                    note: ok.note.clone(),
                    created_id: ok.created_id.clone(),
                    item_failures: ok.item_failures.clone(),
                    already: ok.already.clone(),
                },
                StepState::Done {
                    note: ok.note.clone(),
                    created_id: ok.created_id,
                    item_failures: ok.item_failures,
                    already: ok.already,
                },
                format!("done: {}", ok.note),
            ),
            Err((code, reason)) => (
                Record::Failed { i, at, code: code.clone(), reason: reason.clone() },
                StepState::Failed { code: code.clone(), reason: reason.clone() },
                format!("failed [{code}]: {reason}"),
            ),
        };
        self.journal.append(&record)?;
        self.job.steps[i].state = state;
        match &self.job.steps[i].state {
            StepState::Failed { code, .. } => {
                tracing::warn!(job = %self.job.header.id, step = i + 1, op = %op.label(), error = %code, "step failed")
            }
            StepState::Done { item_failures, .. } => {
                let failed_items = item_failures.len();
                tracing::info!(job = %self.job.header.id, step = i + 1, op = %op.label(), failed_items, "step done")
            }
            _ => {}
        }
        self.audit(i, op, result);
        self.report(None, false);
        Ok(())
    }

    fn audit(&self, i: usize, op: &Op, result: String) {
        let Some(log) = &self.opts.audit else { return };
        let entry = crate::audit::step_entry(&self.job.header, log.profile_id().map(str::to_owned), i, op, result);
        // The marketplace change happened whatever the local disk says; the journal has it.
        let _ = log.append(&entry);
    }

    fn report(&self, current: Option<String>, finished: bool) {
        let Some(f) = &self.opts.on_progress else { return };
        let (done, failed) = (self.job.done(), self.job.failed());
        let total = self.job.steps.len();
        let elapsed = self.started.elapsed();
        let items_done = self.job.items_done();
        f(&Progress {
            job_id: self.job.header.id.clone(),
            total,
            done,
            failed,
            items_total: self.job.steps.iter().map(|s| s.items).sum(),
            items_done,
            items_failed: self.job.items_failed(),
            current,
            elapsed,
            eta: progress::eta(elapsed, self.sent, total - done - failed, &self.client.pacing()),
            finished,
        });
    }
}
