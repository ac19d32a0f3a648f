//! Jobs whose codes or credentials are sealed: reading them never creates a journal key (only
//! `jobs run` does, for a new job that seals), and a key that is lost is said: loudly once when
//! it sealed unfinished work, plainly each time the job is shown.

use std::path::Path;

use jobs::{key_loss, JobState, JournalKey, StepState};

use crate::{error::CliResult, output::Out};

/// Opens what the keychain's key opens of `job` (`jobs::key_loss::open_for_reading`) and says
/// on stderr what was lost, or that the keychain cannot be used (shown by position then).
pub fn open_for_reading(data: &Path, job: &mut JobState, out: &Out) {
    if let Some(text) = key_loss::open_for_reading(data, job) {
        out.note(text);
    }
}

/// For a listing: the loss of unfinished sealed work not reported yet is said loudly (once).
/// Only jobs with sealed steps not settled and no report yet are checked, so a listing reads
/// the keychain only when there is something to find; a keychain that cannot be used says
/// nothing here (the listing needs no key).
pub fn check_listed(data: &Path, jobs: &mut [JobState], out: &Out) {
    let unreported = |j: &JobState| {
        j.has_sealed_steps()
            && j.steps.iter().any(|s| matches!(s.state, StepState::Pending | StepState::Unknown { .. }))
            && !key_loss::marker_path(data, &j.header.id).exists()
    };
    if !jobs.iter().any(unreported) {
        return;
    }
    let Ok(key) = JournalKey::existing() else { return };
    for job in jobs.iter_mut().filter(|j| unreported(j)) {
        let check = key_loss::check(data, job, key.as_ref());
        if let (true, Some(text)) = (check.first_report, &check.text) {
            out.note(key_loss::loud(text));
        }
    }
}

/// The key to resume or retry `job` with (`jobs::key_loss::key_to_run`): if its sealed steps do
/// not open, the command fails with `journal_key_lost`, naming the cause (loudly, the first time).
pub fn key_to_run(data: &Path, job: &JobState) -> CliResult<Option<JournalKey>> {
    Ok(key_loss::key_to_run(data, job)?)
}
