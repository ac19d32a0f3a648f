//! What both faces show of a job: its status and a summary (the app's jobs panel,
//! `sellerdesk jobs list|show`).

use jobs::{JobState, JobStatus as EngineStatus};
use markets::Market;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum JobStatus {
    /// Created, nothing sent yet: "Start" runs it.
    Queued,
    /// Running now (in this window, for the app).
    Running,
    /// Cancelled by the seller: "Resume" goes on.
    Paused,
    /// Stopped without a cancel (the app was closed or killed, the marketplace was down):
    /// "Resume" reads back the step in flight and goes on.
    Interrupted,
    /// Every step is done or failed.
    Finished,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct JobSummary {
    pub id: String,
    /// `gg-upload-codes`, `ggc-reprice`, … (as `sellerdesk jobs run` names them).
    pub kind: String,
    /// What it does, for people: "Upload codes", "Reprice offers", …
    pub title: String,
    pub market: Market,
    pub profile: String,
    pub base_url: String,
    pub status: JobStatus,
    /// Steps (requests) and the items (codes, offers, accounts) they cover.
    pub total: u64,
    pub done: u64,
    pub failed: u64,
    /// Neither done nor failed: pending, or sent with the outcome still to read back.
    pub unsettled: u64,
    pub items_total: u64,
    pub items_done: u64,
    /// Items refused (all those of failed steps; those the marketplace named in done ones).
    pub items_failed: u64,
    pub created_at: String,
    pub finished_at: Option<String>,
    /// For a retry job: the job whose failed items it repeats.
    pub retry_of: Option<String>,
}

/// What a job does, for people (English; the same table gives the notifications' Russian).
pub fn title_of(kind: jobs::JobKind) -> &'static str {
    jobs::notices::job_title(kind, jobs::notices::Lang::En)
}

impl JobSummary {
    pub fn of(job: &JobState, running: bool) -> JobSummary {
        let (done, failed) = (job.done() as u64, job.failed() as u64);
        let total = job.steps.len() as u64;
        JobSummary {
            id: job.header.id.clone(),
            kind: job.header.kind.name().to_owned(),
            title: title_of(job.header.kind).to_owned(),
            market: job.header.market,
            profile: job.header.profile.clone(),
            base_url: job.header.base_url.clone(),
            status: match job.status {
                _ if running => JobStatus::Running,
                EngineStatus::Finished => JobStatus::Finished,
                EngineStatus::Paused => JobStatus::Paused,
                EngineStatus::Interrupted if job.steps.iter().all(|s| s.state == jobs::StepState::Pending) => {
                    JobStatus::Queued
                }
                EngineStatus::Interrupted => JobStatus::Interrupted,
            },
            total,
            done,
            failed,
            unsettled: total - done - failed,
            items_total: job.steps.iter().map(|s| s.items as u64).sum(),
            items_done: job.items_done() as u64,
            items_failed: job.items_failed() as u64,
            created_at: job.header.created_at.clone(),
            finished_at: job.finished_at.clone(),
            retry_of: job.header.retry_of.clone(),
        }
    }
}

impl JobStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            JobStatus::Queued => "queued",
            JobStatus::Running => "running",
            JobStatus::Paused => "paused",
            JobStatus::Interrupted => "interrupted",
            JobStatus::Finished => "finished",
        }
    }
}

/// A job goes on only where it was made: its steps name objects of that marketplace instance,
/// and its key was confirmed for that place. `base_url` is where the face would send it now;
/// `fix` says, in the face's terms, how to send it to the right place again.
pub fn check_same_place(job: &JobState, base_url: &str, fix: &str) -> crate::Result<()> {
    if job.header.base_url.trim_end_matches('/') == base_url.trim_end_matches('/') {
        return Ok(());
    }
    Err(crate::Error::new(
        markets::ErrorCode::Usage,
        format!("job {} was made for {}, and would now go to {base_url}: {fix}", job.header.id, job.header.base_url),
    ))
}

/// A retry of a job: the new job, and how many failed items it repeats.
pub struct Retry {
    pub header: jobs::JobHeader,
    pub path: std::path::PathBuf,
    pub items: usize,
}

/// A new job of just the failed items of `job` (codes, offer ids, accounts…; steps to the same
/// place joined), sealed with `key` like the job it repeats; nothing is sent until it runs.
pub fn retry_failed(
    data_dir: &std::path::Path,
    job: &mut JobState,
    path: &std::path::Path,
    key: Option<&jobs::JournalKey>,
) -> crate::Result<Retry> {
    job.unseal(key, path)?;
    let items = jobs::plan::failed_items(job).iter().map(|(_, items)| items.len()).sum();
    let (header, path) = jobs::plan::retry_failed(data_dir, job, key)?;
    Ok(Retry { header, path, items })
}
