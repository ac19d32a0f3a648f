//! Bulk jobs of a profile: list (unfinished ones too, after a restart), run or resume, cancel,
//! results (and as CSV), retry the failed steps. A job runs inside `job_run` until it ends,
//! streaming `job-progress` events; the engine (`jobs::run_job`) journals every step.

use std::path::PathBuf;

use jobs::{notices, plan, run_job, Client, JobState, Results, RunOptions};
use markets::{gg::GgClient, ggchest::GgcClient, ClientConfig, Market};
use profiles::Profile;

use super::{
    files::blocking,
    is_sandbox,
    job_views::{JobProgress, JobResults, JobSummary},
    profile_for, Ctx,
};
use crate::{
    error::{CommandError, CommandResult},
    notify::NotifySettings,
};

fn load(ctx: &Ctx<'_>, job_id: &str) -> CommandResult<(std::path::PathBuf, JobState)> {
    let path = plan::find_job(ctx.state.jobs.data_dir(), job_id.trim())?;
    let job = JobState::load(&path)?;
    Ok((path, job))
}

/// Every job of this profile (by its name and market), newest first.
pub async fn jobs_list(ctx: &Ctx<'_>, profile_id: String) -> CommandResult<Vec<JobSummary>> {
    let profile = ctx.state.with_profiles(move |p| Ok(p.store().get(&profile_id)?)).await?;
    let data = ctx.state.jobs.data_dir().to_owned();
    let all = blocking(move || Ok(plan::list_jobs(&data)?)).await?;
    Ok(all
        .iter()
        .filter(|j| j.header.profile == profile.name && j.header.market == profile.market)
        .map(|j| JobSummary::of(j, ctx.state.jobs.is_running(&j.header.id)))
        .collect())
}

/// A client of its own for the job, without the audit observer: the engine writes richer
/// audit entries (job, step, before → after). It shares the key's rate limiter with the app's.
async fn job_client(ctx: &Ctx<'_>, profile: &Profile) -> CommandResult<Client> {
    super::check_destination(ctx.state, profile).await?;
    let for_key = profile.clone();
    let key = ctx.state.with_profiles(move |p| Ok(p.key_for(&for_key)?)).await?;
    let config = ctx
        .state
        .jobs
        .with_shared_budget(ClientConfig::new(profile.market, key).with_base_url(profile.base_url.clone()));
    Ok(match profile.market {
        Market::GamingGoods => Client::Gg(GgClient::new(config)?),
        Market::GgChest => Client::Ggc(GgcClient::new(config)?),
    })
}

/// Runs job `job_id` (new, paused or interrupted) on the profile until every step is settled,
/// it is cancelled, or the marketplace stops taking requests (the job then stays resumable).
pub async fn job_run(ctx: &Ctx<'_>, profile_id: String, job_id: String) -> CommandResult<JobSummary> {
    let (path, job) = load(ctx, &job_id)?;
    let profile = profile_for(ctx, &profile_id, job.header.market).await?;
    let fix = if is_sandbox(&profile) {
        "the demo sandbox has restarted since, with fresh data: this job cannot go on there"
    } else {
        "set the profile's base URL back to resume it"
    };
    desk::jobs::check_same_place(&job, &profile.base_url, fix)?;
    let running = ctx.state.jobs.start(&job.header.id)?;
    let key = ctx.state.jobs.job_key(&job).await?;
    let client = job_client(ctx, &profile).await?;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<JobProgress>();
    let opts = RunOptions {
        key,
        audit: Some(ctx.state.jobs.audit_log().for_profile(profile.id.clone())),
        on_progress: Some(Box::new(move |p| {
            let _ = tx.send(p.clone());
        })),
        cancel: running.token.clone(),
        ..RunOptions::default()
    };
    let run = run_job(&path, &client, &opts);
    tokio::pin!(run);
    let result = loop {
        tokio::select! {
            result = &mut run => break result,
            Some(p) = rx.recv() => ctx.events.job_progress(p),
        }
    };
    while let Ok(p) = rx.try_recv() {
        ctx.events.job_progress(p);
    }
    drop(running);
    let result = result.map_err(CommandError::from);
    notify_ended(ctx, &job, &result).await;
    Ok(JobSummary::of(&result?, false))
}

/// One desktop notification when a run ends (finished, paused, stopped, or failed), if the
/// `notify_jobs` setting is on.
async fn notify_ended(ctx: &Ctx<'_>, job: &JobState, result: &CommandResult<JobState>) {
    let settings = NotifySettings::read(ctx.state).await;
    if !settings.jobs {
        return;
    }
    ctx.events.notify(match result {
        Ok(ended) => notices::job_ended(settings.lang, ended),
        Err(err) => notices::job_failed(settings.lang, job.header.kind, &job.header.profile, &err.message),
    });
}

/// Stops job `job_id` after its step in flight (journaled; "Resume" goes on); a job only
/// starting in this window (its Start not yet registered) stops before its first step.
pub async fn job_cancel(ctx: &Ctx<'_>, job_id: String) -> CommandResult<bool> {
    Ok(ctx.state.jobs.cancel(job_id.trim()))
}

/// The job's steps and each item's outcome: done, failed with the reason, unknown, pending
/// or not sent. Items of sealed steps (codes, accounts) are listed one by one when the journal
/// key can be read (codes masked, accounts by login), else by position.
pub async fn job_results(ctx: &Ctx<'_>, job_id: String) -> CommandResult<JobResults> {
    let (_, job) = load(ctx, &job_id)?;
    let (job, sealed_lost) = ctx.state.jobs.open_for_reading(job).await?;
    Ok(JobResults { sealed_lost, ..JobResults::of(&job, ctx.state.jobs.is_running(&job.header.id)) })
}

/// Writes the results as CSV, one row per item, to `file` (a handle from the save dialog);
/// returns the rows written.
pub async fn job_results_csv(ctx: &Ctx<'_>, job_id: String, file: String) -> CommandResult<u64> {
    let path = super::files::writable(ctx, &file)?;
    let job = load_for_results(ctx, &job_id).await?;
    let results = Results::of(&job);
    write_csv(path, results.to_csv()).await?;
    Ok(results.items.len() as u64)
}

/// The job with what the keychain's key opens of its sealed steps (never creating a key); the
/// rest are shown by position.
async fn load_for_results(ctx: &Ctx<'_>, job_id: &str) -> CommandResult<JobState> {
    let (_, job) = load(ctx, job_id)?;
    Ok(ctx.state.jobs.open_for_reading(job).await?.0)
}

/// Writes `csv` to `path`, a place the user chose in the save dialog (`files::writable`).
pub(crate) async fn write_csv(path: PathBuf, csv: String) -> CommandResult<()> {
    blocking(move || {
        std::fs::write(&path, csv).map_err(|e| CommandError::file(format!("cannot write {}: {e}", path.display())))
    })
    .await
}

/// A new job of just the failed items of `job_id` (codes, offer ids, accounts…; steps to the
/// same place joined); `job_run` sends it.
pub async fn job_retry_failed(ctx: &Ctx<'_>, profile_id: String, job_id: String) -> CommandResult<JobSummary> {
    let (path, mut job) = load(ctx, &job_id)?;
    profile_for(ctx, &profile_id, job.header.market).await?;
    let key = ctx.state.jobs.job_key(&job).await?;
    let retry = desk::jobs::retry_failed(ctx.state.jobs.data_dir(), &mut job, &path, key.as_ref())?;
    // The UI runs it next: a Cancel from now on stops it (see `RunningJobs::prepare`).
    ctx.state.jobs.prepare(&retry.header.id);
    Ok(JobSummary::of(&JobState::load(&retry.path)?, false))
}
