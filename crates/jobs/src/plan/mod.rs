//! Turning what the seller gives (files, a selection, a price rule) into the steps of a new
//! job, and writing the job's journal. Everything is checked before the journal is written:
//! a job that exists can run.

pub mod gg;
pub mod ggc;
mod price_rule;
pub mod reprice_order;

pub use price_rule::{Adjust, PriceRule};

use std::path::{Path, PathBuf};

use markets::Market;

use crate::{
    journal::Journal,
    ops::{JobKind, Op},
    paths::jobs_dir,
    seal::JournalKey,
    state::{JobHeader, JobState},
    time::now_rfc3339,
    Error, Result,
};

/// Where a new job will run, and for whom.
#[derive(Debug, Clone)]
pub struct Target {
    pub market: Market,
    pub base_url: String,
    /// The profile's name, for listings and the audit log.
    pub profile: String,
}

/// Writes a new job with `ops` as its steps and returns its journal's path. `key` is needed
/// when a step carries codes or credentials.
pub fn create_job(
    data_dir: &Path,
    kind: JobKind,
    target: &Target,
    ops: Vec<Op>,
    key: Option<&JournalKey>,
    retry_of: Option<String>,
) -> Result<(JobHeader, PathBuf)> {
    if ops.is_empty() {
        return Err(Error::Input("nothing to do: the selection or file gives no step".into()));
    }
    if let Some(op) = ops.iter().find(|op| op.market() != target.market) {
        return Err(Error::Mismatch(format!("{} is a {} step", op.label(), op.market().display_name())));
    }
    let header = JobHeader {
        id: uuid::Uuid::now_v7().to_string(),
        kind,
        market: target.market,
        profile: target.profile.clone(),
        base_url: target.base_url.clone(),
        created_at: now_rfc3339(),
        steps: ops.len(),
        retry_of,
    };
    let path = Journal::create(&jobs_dir(data_dir), &header, &ops, key)?;
    Ok((header, path))
}

/// The failed items of each step of `job`, by position in the step: every item of a failed
/// step, the refused items of a done one.
pub fn failed_items(job: &JobState) -> Vec<(usize, Vec<usize>)> {
    job.steps
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let items: Vec<usize> = match &s.state {
                crate::StepState::Failed { .. } => (0..s.items).collect(),
                crate::StepState::Done { item_failures, .. } => item_failures.iter().map(|f| f.i).collect(),
                _ => Vec::new(),
            };
            (!items.is_empty()).then_some((i, items))
        })
        .collect()
}

/// The steps of a job of just the failed items of `job` (whose sealed steps must be
/// unsealed): each step keeps only its failed items, and consecutive steps to the same place
/// are joined up to a step's size (3 failed codes of two steps of one product: one step).
pub fn failed_item_ops(job: &JobState) -> Result<Vec<Op>> {
    let mut ops: Vec<Op> = Vec::new();
    for (i, items) in failed_items(job) {
        let op =
            job.steps[i].op.as_ref().ok_or_else(|| Error::NoJournalKey("the journal key is needed to retry".into()))?;
        let op = op.only_items(&items);
        if !ops.last_mut().is_some_and(|last| last.absorb(&op)) {
            ops.push(op);
        }
    }
    Ok(ops)
}

/// A new job of just the failed items of `job` (whose sealed steps must be unsealed).
pub fn retry_failed(data_dir: &Path, job: &JobState, key: Option<&JournalKey>) -> Result<(JobHeader, PathBuf)> {
    let ops = failed_item_ops(job)?;
    if ops.is_empty() {
        return Err(Error::Input(format!("job {} has no failed items", job.header.id)));
    }
    let target = Target {
        market: job.header.market,
        base_url: job.header.base_url.clone(),
        profile: job.header.profile.clone(),
    };
    create_job(data_dir, JobKind::Retry, &target, ops, key, Some(job.header.id.clone()))
}

/// Every job in `data_dir`, newest first (ids are UUID v7, so by name).
pub fn list_jobs(data_dir: &Path) -> Result<Vec<JobState>> {
    let dir = jobs_dir(data_dir);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::journal(&dir, e)),
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    paths.sort();
    paths.reverse();
    paths.iter().map(|p| JobState::load(p)).collect()
}

/// The journal of job `id` (a unique prefix of the id will do).
pub fn find_job(data_dir: &Path, id: &str) -> Result<PathBuf> {
    let dir = jobs_dir(data_dir);
    let exact = Journal::path_of(&dir, id);
    if exact.exists() {
        return Ok(exact);
    }
    let matches: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension().is_some_and(|x| x == "jsonl")
                        && p.file_stem().is_some_and(|s| s.to_string_lossy().starts_with(id))
                })
                .collect()
        })
        .unwrap_or_default();
    match matches.as_slice() {
        [one] if !id.is_empty() => Ok(one.clone()),
        _ => Err(Error::NoSuchJob(id.to_owned())),
    }
}

/// A small deterministic generator for the planners' property tests (no dependency for it):
/// `next(n)` is in `0..n`.
#[cfg(test)]
pub(crate) fn test_random(mut seed: u64) -> impl FnMut(u64) -> u64 {
    move |n| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    }
}
