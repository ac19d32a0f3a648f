//! A lost journal key: said clearly every time a job whose sealed steps no longer open is read,
//! and said loudly **once** when the key sealed work that was not finished (steps pending or
//! sent without an outcome), which can now never be resumed.
//!
//! "Once" is kept on disk: the first report writes `<data dir>/jobs/<job id>.key-lost` (0600,
//! created exclusively, so two processes reading at once do not both shout). Reading a job
//! never creates a key ([`JournalKey::existing`]): a new key would hide the loss.

use std::{io::Write, path::Path};

use crate::{paths::jobs_dir, private::private_options, seal::JournalKey, state::JobState, SealStatus};

/// What opening a job's sealed steps with the keychain's key came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyCheck {
    pub status: SealStatus,
    /// What was lost and what remains ([`JobState::key_loss_text`]), when steps did not open.
    pub text: Option<String>,
    /// True the one time the loss of unfinished work is to be said loudly.
    pub first_report: bool,
}

/// The marker that says the loss of job `job_id`'s key was reported.
pub fn marker_path(data_dir: &Path, job_id: &str) -> std::path::PathBuf {
    jobs_dir(data_dir).join(format!("{job_id}.key-lost"))
}

/// Opens what `key` opens of `job` ([`JobState::open_sealed`]) and says what was lost. When
/// unfinished work is lost and this is the first time, writes the marker and sets
/// `first_report`.
pub fn check(data_dir: &Path, job: &mut JobState, key: Option<&JournalKey>) -> KeyCheck {
    let status = job.open_sealed(key);
    if !status.is_lost() {
        return KeyCheck { status, text: None, first_report: false };
    }
    let text = job.key_loss_text(&status);
    let first_report = status.lost_unsettled_steps > 0 && mark_reported(data_dir, &job.header.id, &text);
    KeyCheck { status, text: Some(text), first_report }
}

/// Creates the marker; true if this call created it.
fn mark_reported(data_dir: &Path, job_id: &str, text: &str) -> bool {
    let path = marker_path(data_dir, job_id);
    match private_options().write(true).create_new(true).open(&path) {
        Ok(mut f) => {
            let _ = writeln!(f, "{} {text}", crate::now_rfc3339());
            true
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => false,
        // A marker that cannot be written: better said each time than never.
        Err(_) => true,
    }
}

/// Opens what the keychain's key opens of `job`, to show it (never creating a key), for the CLI
/// and the app alike. Returns what to tell the reader: what was lost (loudly the one time
/// unfinished work is found lost, plainly after), or that the keychain cannot be used (the
/// sealed items are then shown by position); `None` when all opened.
pub fn open_for_reading(data_dir: &Path, job: &mut JobState) -> Option<String> {
    if !job.has_sealed_steps() {
        return None;
    }
    match JournalKey::existing() {
        Ok(key) => {
            let check = check(data_dir, job, key.as_ref());
            check.text.map(|text| if check.first_report { loud(&text) } else { text })
        }
        Err(e) => Some(format!("{e}. Sealed items are shown by position.")),
    }
}

/// The key to resume or retry `job` with (`None` when it seals nothing), for the CLI and the app
/// alike. Never creates a key. If the job's sealed steps do not open with the keychain's key
/// (missing, or replaced), fails with [`crate::Error::JournalKeyLost`] naming what was lost —
/// in its loud form the first time that unfinished work is found lost.
pub fn key_to_run(data_dir: &Path, job: &JobState) -> crate::Result<Option<JournalKey>> {
    if !job.has_sealed_steps() {
        return Ok(None);
    }
    let key = JournalKey::existing()?;
    let mut probe = job.clone();
    let check = check(data_dir, &mut probe, key.as_ref());
    match check.text {
        Some(text) if check.first_report => Err(crate::Error::JournalKeyLost(loud(&text))),
        Some(text) => Err(crate::Error::JournalKeyLost(text)),
        None => Ok(key),
    }
}

/// The loud form of a loss of unfinished work, for a terminal or a notification.
pub fn loud(text: &str) -> String {
    format!("WARNING: JOURNAL KEY LOST. {text} (Said loudly this once; the job's details keep saying what was lost.)")
}
