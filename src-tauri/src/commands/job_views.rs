//! What the UI sees of a job: a summary per job (the jobs panel), its progress while it runs
//! (`job-progress` events), and its per-step results. Views of `jobs` types, with TS bindings.

use jobs::{JobState, Outcome, Results};
use serde::Serialize;
use ts_rs::TS;

/// The event every job progress report is emitted as.
pub const JOB_PROGRESS_EVENT: &str = "job-progress";

pub use desk::jobs::{title_of, JobStatus, JobSummary};

/// Where a running job is, after each step: the engine's own report (`JobProgress` in TS).
pub use jobs::Progress as JobProgress;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StepOutcome {
    Done,
    Failed,
    /// Sent, outcome not read back yet: "Resume" settles it.
    Unknown,
    Pending,
    /// Not sent: the job was paused before its step; "Resume" sends it.
    NotSent,
}

impl From<Outcome> for StepOutcome {
    fn from(o: Outcome) -> Self {
        match o {
            Outcome::Done => StepOutcome::Done,
            Outcome::Failed => StepOutcome::Failed,
            Outcome::Unknown => StepOutcome::Unknown,
            Outcome::Pending => StepOutcome::Pending,
            Outcome::NotSent => StepOutcome::NotSent,
        }
    }
}

/// One step of a job: what it covers and how it ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StepResult {
    pub step: u64,
    /// `offer 0198… 12.00 → 10.80`, `500 codes to product p1`, …
    pub what: String,
    pub items: u64,
    pub outcome: StepOutcome,
    /// The error code of a failed step.
    pub code: Option<String>,
    /// What happened (done) or why not (failed).
    pub detail: String,
    pub created_id: Option<String>,
    /// Items of the step that failed (all of them for a failed step).
    pub items_failed: u64,
}

/// One item of a job: a code (masked), an offer id, an offer to create, an account (by login,
/// never the password), a product/price pair; with its own outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ItemResult {
    pub step: u64,
    /// Its position in the step (from 0).
    pub item: u64,
    /// `product 12`, `offer 0198…`, `game 5`; empty for a sealed step read without the key.
    pub target: String,
    /// `code ABCD…WXYZ`, `account alice`, `create items offer "Gold"`, `$5.00 → $4.50`.
    pub what: String,
    pub outcome: StepOutcome,
    /// The error code of a failed item (`duplicate`, `not_found`, …).
    pub code: Option<String>,
    pub detail: String,
    pub created_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct JobResults {
    pub job: JobSummary,
    pub steps: Vec<StepResult>,
    /// One row per item, in step order.
    pub items: Vec<ItemResult>,
    /// The journal key that sealed this job's codes or credentials is lost (what was lost and
    /// what remains), or the keychain cannot be used now: the items are listed by position.
    pub sealed_lost: Option<String>,
}

impl JobResults {
    /// `job` should be unsealed when its key is at hand: items of a sealed step are otherwise
    /// listed by position only (their outcomes are right either way).
    pub fn of(job: &JobState, running: bool) -> JobResults {
        let results = Results::of(job);
        let steps = results
            .steps
            .into_iter()
            .map(|r| StepResult {
                step: r.step as u64,
                what: r.what,
                items: r.items as u64,
                outcome: r.outcome.into(),
                code: r.code,
                detail: r.detail,
                created_id: r.created_id,
                items_failed: r.items_failed as u64,
            })
            .collect();
        let items = results
            .items
            .into_iter()
            .map(|r| ItemResult {
                step: r.step as u64,
                item: r.item as u64,
                target: r.target,
                what: r.what,
                outcome: r.outcome.into(),
                code: r.code,
                detail: r.detail,
                created_id: r.created_id,
            })
            .collect();
        JobResults { job: JobSummary::of(job, running), steps, items, sealed_lost: None }
    }
}

pub use desk::job_plan::JobPlan;
