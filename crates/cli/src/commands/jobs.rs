//! `sellerdesk jobs …`: start, resume, list, show, results, retry-failed. A job runs in the
//! foreground with a progress bar; Ctrl-C stops it after the step in flight, and
//! `jobs resume` goes on from there. The journal lives in the data dir (SELLERDESK_DATA_DIR).

use std::path::Path;

use desk::jobs::JobSummary;
use jobs::{audit::AuditLog, plan, run_job, CancelToken, Client, JobState, JournalKey, Outcome, Results, RunOptions};
use markets::{gg::GgClient, ggchest::GgcClient, Market};
use serde::Serialize;

use super::{jobs_plan, progress_bar::ProgressBar, sealed};
use crate::{
    args::{jobs::*, GlobalArgs},
    context::{self, Target, API_KEY_ENV},
    error::{CliError, CliResult},
    output::{table, Out},
};

pub async fn run(cmd: JobsCommand, global: &GlobalArgs, out: &Out) -> CliResult {
    let data = jobs::data_dir()?;
    match cmd {
        JobsCommand::Run(run) => {
            let target = context::resolve(global, run.market())?;
            let client = client(&target)?;
            let planned = jobs_plan::plan(run, &client, out).await.map_err(|e| target.annotate(e))?;
            if global.dry_run {
                return dry_run(&planned, out);
            }
            let kind = planned.kind;
            let key = if planned.needs_journal_key() { Some(JournalKey::for_new_job(&data)?) } else { None };
            let (header, path) = desk::job_plan::create(&data, planned, &plan_target(&target), key.as_ref())?;
            out.note(format!(
                "job {} ({}): {} steps. Resume it with `sellerdesk jobs resume {}`.",
                header.id,
                kind.name(),
                header.steps,
                header.id
            ));
            execute(&path, &client, key, target.audit_log(&data), out).await.map_err(|e| target.annotate(e))
        }
        JobsCommand::Resume(r) => {
            let path = plan::find_job(&data, &r.id)?;
            let job = JobState::load(&path)?;
            let target = target_for(global, &job)?;
            let key = sealed::key_to_run(&data, &job)?;
            execute(&path, &client(&target)?, key, target.audit_log(&data), out).await.map_err(|e| target.annotate(e))
        }
        JobsCommand::RetryFailed(r) => {
            let path = plan::find_job(&data, &r.id)?;
            let mut job = JobState::load(&path)?;
            let key = sealed::key_to_run(&data, &job)?;
            let target = target_for(global, &job)?;
            let desk::jobs::Retry { header, path: new_path, items } =
                desk::jobs::retry_failed(&data, &mut job, &path, key.as_ref())?;
            out.note(format!(
                "job {}: retrying {items} failed items of job {} in {} steps.",
                header.id, job.header.id, header.steps
            ));
            execute(&new_path, &client(&target)?, key, target.audit_log(&data), out)
                .await
                .map_err(|e| target.annotate(e))
        }
        JobsCommand::List => {
            let mut all = plan::list_jobs(&data)?;
            sealed::check_listed(&data, &mut all, out);
            let rows: Vec<JobSummary> = all.iter().map(|j| JobSummary::of(j, false)).collect();
            out.emit(&rows, |rows| {
                if rows.is_empty() {
                    return "No jobs yet.".into();
                }
                let mut t = table::new(&[
                    "id",
                    "kind",
                    "profile",
                    "status",
                    "done",
                    "failed",
                    "steps",
                    "items failed",
                    "created",
                ]);
                for r in rows {
                    t.add_row(vec![
                        r.id.clone(),
                        r.kind.clone(),
                        r.profile.clone(),
                        r.status.as_str().to_owned(),
                        r.done.to_string(),
                        r.failed.to_string(),
                        r.total.to_string(),
                        r.items_failed.to_string(),
                        r.created_at.clone(),
                    ]);
                }
                t.to_string()
            });
            Ok(())
        }
        JobsCommand::Show(r) => {
            let mut job = JobState::load(&plan::find_job(&data, &r.id)?)?;
            sealed::open_for_reading(&data, &mut job, out);
            let s = JobSummary::of(&job, false);
            out.emit(&s, |s| {
                table::details(vec![
                    ("id", s.id.clone()),
                    ("kind", s.kind.clone()),
                    ("market", s.market.id().to_owned()),
                    ("profile", s.profile.clone()),
                    ("base url", job.header.base_url.clone()),
                    ("status", s.status.as_str().to_owned()),
                    ("steps", s.total.to_string()),
                    ("done", s.done.to_string()),
                    ("failed", s.failed.to_string()),
                    ("not settled", s.unsettled.to_string()),
                    ("items", s.items_total.to_string()),
                    ("items done", s.items_done.to_string()),
                    ("items failed", s.items_failed.to_string()),
                    ("created", s.created_at.clone()),
                    ("finished", job.finished_at.clone().unwrap_or_default()),
                    ("retry of", job.header.retry_of.clone().unwrap_or_default()),
                ])
                .to_string()
            });
            Ok(())
        }
        JobsCommand::Results(r) => {
            let path = plan::find_job(&data, &r.id)?;
            let mut job = JobState::load(&path)?;
            // With the key, items are listed one by one (codes masked); without it, by
            // position: the outcomes are in the clear either way.
            sealed::open_for_reading(&data, &mut job, out);
            let results = Results::of(&job);
            let mut outcomes = Vec::new();
            for o in &r.outcome {
                outcomes.push(Outcome::parse(o).ok_or_else(|| {
                    CliError::usage(format!("unknown outcome `{o}`: use done, failed, unknown, pending or not-sent"))
                })?);
            }
            if r.failed && !outcomes.contains(&Outcome::Failed) {
                outcomes.push(Outcome::Failed);
            }
            let items = results.filtered(&outcomes);
            if r.steps {
                match r.csv.as_deref() {
                    Some(p) => write_csv(p, &steps_csv(&results), results.steps.len(), "steps", out)?,
                    None => out.emit(&results.steps, |_| steps_table(&results, false)),
                }
                return Ok(());
            }
            match r.csv.as_deref() {
                Some(p) => write_csv(p, &Results::csv_of(&items), items.len(), "items", out)?,
                None => out.emit(&items, |items| items_table(items, results.items.len())),
            }
            Ok(())
        }
    }
}

fn write_csv(p: &Path, text: &str, n: usize, what: &str, out: &Out) -> CliResult {
    if p == Path::new("-") {
        print!("{text}");
    } else {
        jobs::private::write_private(p, text.as_bytes())?;
        out.note(format!("{n} {what} written to {}.", p.display()));
    }
    Ok(())
}

fn client(target: &Target) -> CliResult<Client> {
    let config = target.client_config()?;
    Ok(match target.market {
        Market::GamingGoods => Client::Gg(GgClient::new(config)?),
        Market::GgChest => Client::Ggc(GgcClient::new(config)?),
    })
}

/// The profile name a job records (`shop`), or where the key came from.
fn plan_target(target: &Target) -> plan::Target {
    plan::Target { market: target.market, base_url: target.base_url.clone(), profile: target.who() }
}

/// Resuming uses the job's own profile and base URL unless told otherwise.
/// `jobs run --dry-run`: what the job would do (the app's preview), without creating it.
fn dry_run(planned: &desk::job_plan::Planned, out: &Out) -> CliResult {
    #[derive(Serialize)]
    struct DryRun {
        dry_run: bool,
        #[serde(flatten)]
        plan: desk::job_plan::JobPlan,
    }
    let r = DryRun { dry_run: true, plan: planned.preview() };
    out.emit(&r, |r| {
        let p = &r.plan;
        let mut text = format!(
            "dry run: a {} job of {} steps ({} items) would be created; nothing was created or sent.",
            p.kind, p.steps, p.items
        );
        for line in &p.sample {
            text.push_str(&format!("\n  {line}"));
        }
        if p.steps > p.sample.len() as u64 {
            text.push_str(&format!("\n  … and {} more", p.steps - p.sample.len() as u64));
        }
        text
    });
    Ok(())
}

/// Where a job goes on: its profile (or the key from the environment), at the place the job
/// was made (`desk::jobs::check_same_place`, the app's rule too).
fn target_for(global: &GlobalArgs, job: &JobState) -> CliResult<Target> {
    let mut g = global.clone();
    let env_key = std::env::var(API_KEY_ENV).is_ok_and(|k| !k.is_empty());
    let from_env = env_key || job.header.profile == API_KEY_ENV;
    if g.profile.is_none() && !from_env {
        g.profile = Some(job.header.profile.clone());
    }
    if from_env && g.profile.is_none() {
        // A key from the environment has no place of its own: the job's is the one it was given.
        g.base_url.get_or_insert_with(|| job.header.base_url.clone());
    }
    let target = context::resolve(&g, job.header.market)?;
    let fix = match &g.profile {
        _ if global.base_url.is_some() => format!("pass --base-url {} instead", job.header.base_url),
        Some(name) => format!(
            "set the profile's base URL back to resume it (`sellerdesk profile set-url {} {}`)",
            super::profile::shell_word(name),
            job.header.base_url
        ),
        None => format!("pass --base-url {}", job.header.base_url),
    };
    desk::jobs::check_same_place(job, &target.base_url, &fix)?;
    Ok(target)
}

async fn execute(path: &Path, client: &Client, key: Option<JournalKey>, audit: AuditLog, out: &Out) -> CliResult {
    let cancel = CancelToken::new();
    let on_ctrl_c = cancel.clone();
    let json = out.json;
    let watcher = tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            if !json {
                eprintln!("\nStopping after the step in flight (it is journaled); `sellerdesk jobs resume` goes on.");
            }
            on_ctrl_c.cancel();
        }
    });
    let bar = ProgressBar::new(out.json);
    let opts = RunOptions {
        key,
        audit: Some(audit),
        on_progress: Some(Box::new(move |p| bar.draw(p))),
        cancel,
        ..RunOptions::default()
    };
    let state = run_job(path, client, &opts).await;
    watcher.abort();
    let state = state?;
    let results = Results::of(&state);
    let summary = JobSummary::of(&state, false);
    let incomplete = summary.failed + summary.unsettled > 0;
    #[derive(Serialize)]
    struct Report<'a> {
        job: &'a JobSummary,
        /// Per step.
        results: &'a [jobs::StepResult],
        /// Items done and failed.
        items_done: u64,
        items_failed: u64,
    }
    let (items_done, items_failed) = (summary.items_done, summary.items_failed);
    let report = Report { job: &summary, results: &results.steps, items_done, items_failed };
    out.emit(&report, |_| {
        format!(
            "Job {}: {} of {} steps done, {} failed, {} not settled ({}); items: {items_done} done, {items_failed} failed.\n{}",
            summary.id,
            summary.done,
            summary.total,
            summary.failed,
            summary.unsettled,
            summary.status.as_str(),
            steps_table(&results, true)
        )
    });
    let incomplete = incomplete || items_failed > 0;
    if !incomplete {
        return Ok(());
    }
    let hint = if items_failed > 0 {
        format!(
            "see `sellerdesk jobs results {0} --failed`; `sellerdesk jobs retry-failed {0}` repeats them",
            summary.id
        )
    } else {
        format!("`sellerdesk jobs resume {}` goes on", summary.id)
    };
    let mut e = CliError::new(
        markets::ErrorCode::JobIncomplete,
        format!(
            "{items_failed} items failed ({} steps), {} steps not settled: {hint}",
            summary.failed, summary.unsettled
        ),
    );
    e.reported = out.json;
    Err(e)
}

/// The steps as a table; `only_problems`: only steps not wholly done (after a run).
fn steps_table(r: &Results, only_problems: bool) -> String {
    let rows: Vec<_> =
        r.steps.iter().filter(|s| !only_problems || s.outcome != Outcome::Done || s.items_failed > 0).collect();
    if rows.is_empty() {
        return if only_problems { "Every item is done.".into() } else { "No steps.".into() };
    }
    let mut t = table::new(&["step", "what", "result", "items failed", "detail"]);
    for s in rows {
        let result = match &s.code {
            Some(code) => format!("{} [{code}]", s.outcome.name()),
            None => s.outcome.name().to_owned(),
        };
        t.add_row(vec![
            s.step.to_string(),
            s.what.clone(),
            result,
            format!("{} of {}", s.items_failed, s.items),
            s.detail.clone(),
        ]);
    }
    t.to_string()
}

fn steps_csv(r: &Results) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["step", "what", "items", "items_failed", "result", "code", "detail", "created_id"])
        .expect("memory");
    for s in &r.steps {
        w.write_record([
            s.step.to_string().as_str(),
            &s.what,
            &s.items.to_string(),
            &s.items_failed.to_string(),
            s.outcome.name(),
            s.code.as_deref().unwrap_or_default(),
            &s.detail,
            s.created_id.as_deref().unwrap_or_default(),
        ])
        .expect("memory");
    }
    String::from_utf8(w.into_inner().expect("memory")).expect("UTF-8 fields")
}

/// The items as a table, one row each.
fn items_table(items: &[&jobs::ItemResult], total: usize) -> String {
    if items.is_empty() {
        return if total == 0 { "No items.".into() } else { format!("None of the {total} items.") };
    }
    let mut t = table::new(&["step", "item", "target", "what", "result", "detail"]);
    for i in items {
        let result = match &i.code {
            Some(code) => format!("{} [{code}]", i.outcome.name()),
            None => i.outcome.name().to_owned(),
        };
        let detail = match &i.created_id {
            Some(id) if !i.detail.contains(id.as_str()) => format!("{} ({id})", i.detail),
            _ => i.detail.clone(),
        };
        t.add_row(vec![i.step.to_string(), i.item.to_string(), i.target.clone(), i.what.clone(), result, detail]);
    }
    t.to_string()
}
