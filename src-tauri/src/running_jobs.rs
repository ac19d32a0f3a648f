//! Where jobs and the audit log live for this app (the data dir the CLI uses too), and the jobs
//! this process is running now, each with its cancel token. A job is run by one command call
//! (`job_run`) until it ends; `job_cancel` stops it before its next step.

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
};

use jobs::{CancelToken, JournalKey};

use crate::error::{CommandError, CommandResult};

static KEYCHAIN_KEY: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[derive(Debug)]
pub struct RunningJobs {
    data_dir: PathBuf,
    running: Arc<Mutex<HashMap<String, CancelToken>>>,
    /// Jobs created in this window and about to run: their cancel token exists from creation,
    /// because Start (`job_create`, then `job_run`) and Cancel are separate IPC calls and a
    /// Cancel clicked right after Start can reach the shell before `job_run` registers the
    /// job. Such a Cancel stops the run before its first step instead of being ignored.
    starting: Mutex<HashMap<String, CancelToken>>,
    /// The local store (opened on first use): the rate-limit budget shared with other processes,
    /// and the audit log.
    store: std::sync::OnceLock<Result<Arc<store::Store>, String>>,
    /// The journal key, once read from (or created in) the keychain. Held behind one lock so
    /// that two jobs created at once on first use do not each create a key, the second
    /// replacing the first in the keychain and leaving the first job unreadable.
    key: tokio::sync::Mutex<Option<JournalKey>>,
    /// Every rate-limit window multiplied by this (tests against a sandbox whose clock runs
    /// faster, as the CLI's `SELLERDESK_PACING_SCALE`); `None`: the documented limits.
    pacing_scale: Option<f64>,
}

impl RunningJobs {
    pub fn new(data_dir: PathBuf) -> Self {
        RunningJobs {
            data_dir,
            running: Arc::default(),
            starting: Mutex::default(),
            store: std::sync::OnceLock::new(),
            key: tokio::sync::Mutex::new(None),
            pacing_scale: None,
        }
    }

    /// Paces every client this app makes to the documented limits with each window multiplied
    /// by `factor`: for tests against a sandbox running at that time scale.
    pub fn set_pacing_scale(&mut self, factor: f64) {
        self.pacing_scale = Some(factor);
    }

    /// The key to seal a new job's codes and credentials with: the OS keychain's, created there
    /// if there is none (atomically across processes: `JournalKey::for_new_job`). Only creating a
    /// job that seals calls this; reading, resuming and retrying use [`Self::job_key`].
    pub async fn journal_key_for_new_job(&self) -> CommandResult<JournalKey> {
        let mut slot = self.key.lock().await;
        if let Some(key) = slot.as_ref() {
            return Ok(key.clone());
        }
        // One reader or creator at a time in the process, whatever the state (tests run several).
        let _only_one = KEYCHAIN_KEY.lock().await;
        let dir = self.data_dir.clone();
        let key = blocking_keychain(move || JournalKey::for_new_job(&dir)).await?;
        *slot = Some(key.clone());
        Ok(key)
    }

    /// The key to resume or retry `job` with (`None`: it seals nothing). Never creates a key: if
    /// the job's sealed steps do not open (the key is missing or was replaced), fails with
    /// `journal_key_lost`, saying what was lost — loudly the first time, for unfinished work.
    pub async fn job_key(&self, job: &jobs::JobState) -> CommandResult<Option<JournalKey>> {
        if !job.has_sealed_steps() {
            return Ok(None);
        }
        let _only_one = KEYCHAIN_KEY.lock().await;
        let (dir, job) = (self.data_dir.clone(), job.clone());
        blocking_keychain(move || jobs::key_loss::key_to_run(&dir, &job)).await
    }

    /// Opens what the keychain's key opens of `job`'s sealed steps, for showing its results; the
    /// rest stay sealed (shown by position). Never creates a key. Returns what to tell the user:
    /// what was lost, or that the keychain cannot be used (`jobs::key_loss::open_for_reading`).
    pub async fn open_for_reading(&self, job: jobs::JobState) -> CommandResult<(jobs::JobState, Option<String>)> {
        if !job.has_sealed_steps() {
            return Ok((job, None));
        }
        let _only_one = KEYCHAIN_KEY.lock().await;
        let dir = self.data_dir.clone();
        blocking_keychain(move || {
            let mut job = job;
            let text = jobs::key_loss::open_for_reading(&dir, &mut job);
            Ok((job, text))
        })
        .await
    }

    /// `config` sharing its key's rate-limit budget with every Seller Desk process on the
    /// machine (the local store in the data dir), so that the app and a CLI or cron job on the
    /// same key stay inside its limits together. If the store cannot be opened, the app still
    /// works, pacing on its own (said once in the log).
    /// With a pacing scale set ([`Self::set_pacing_scale`]), `config`'s windows are scaled too.
    pub fn with_shared_budget(&self, config: markets::ClientConfig) -> markets::ClientConfig {
        let config = match self.pacing_scale {
            Some(factor) => {
                let pacing = config.pacing.clone().scaled(factor);
                config.with_pacing(pacing)
            }
            None => config,
        };
        match self.store() {
            Some(s) => config.with_ledger(s),
            None => config,
        }
    }

    /// The store, opened once (`None`, said once in the log, when it cannot be).
    fn store(&self) -> Option<Arc<store::Store>> {
        self.store
            .get_or_init(|| match store::Store::open(&self.data_dir) {
                Ok(s) => Ok(Arc::new(s)),
                Err(e) => {
                    eprintln!(
                        "seller-desk: the local store cannot be used ({e}); pacing this app on its own, no audit log"
                    );
                    Err(e.0)
                }
            })
            .clone()
            .ok()
    }

    /// The local store, or why it cannot be opened (the settings are kept there).
    pub fn local_store(&self) -> CommandResult<Arc<store::Store>> {
        self.store().ok_or_else(|| match self.store.get() {
            Some(Err(e)) => CommandError::file(format!("the local store cannot be used: {e}")),
            _ => CommandError::file("the local store cannot be used"),
        })
    }

    /// `$SELLERDESK_DATA_DIR`, else the OS data dir + `sellerdesk`, as for the CLI.
    pub fn open_default() -> Self {
        let dir = jobs::data_dir().unwrap_or_else(|_| std::env::temp_dir().join("sellerdesk"));
        RunningJobs::new(dir)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The audit log, in the store this app has open.
    pub fn audit_log(&self) -> jobs::audit::AuditLog {
        match self.store() {
            Some(s) => jobs::audit::AuditLog::in_store(s),
            None => jobs::audit::AuditLog::in_dir(&self.data_dir),
        }
    }

    /// Registers job `id` as running here; unregistered when the guard drops.
    pub fn start(&self, id: &str) -> CommandResult<RunningJob> {
        let mut running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        if running.contains_key(id) {
            return Err(CommandError::new(markets::ErrorCode::JobBusy, format!("job {id} is already running")));
        }
        // A job created here takes the token its creation made (it may be cancelled already).
        let starting = self.starting.lock().unwrap_or_else(|p| p.into_inner()).remove(id);
        let token = starting.unwrap_or_default();
        running.insert(id.to_owned(), token.clone());
        Ok(RunningJob { id: id.to_owned(), token, running: self.running.clone() })
    }

    /// Job `id` was just created in this window to be run: from now on a Cancel stops it.
    pub fn prepare(&self, id: &str) {
        self.starting.lock().unwrap_or_else(|p| p.into_inner()).insert(id.to_owned(), CancelToken::new());
    }

    /// Asks job `id` to stop after its step in flight (a job created here and not yet running:
    /// before its first step); false when it is neither running nor starting here.
    pub fn cancel(&self, id: &str) -> bool {
        let running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(token) = running.get(id) {
            token.cancel();
            return true;
        }
        let starting = self.starting.lock().unwrap_or_else(|p| p.into_inner());
        starting.get(id).map(CancelToken::cancel).is_some()
    }

    pub fn is_running(&self, id: &str) -> bool {
        self.running.lock().unwrap_or_else(|p| p.into_inner()).contains_key(id)
    }
}

/// Runs a keychain call off the async workers (the Secret Service may take a moment).
async fn blocking_keychain<T: Send + 'static>(
    f: impl FnOnce() -> jobs::Result<T> + Send + 'static,
) -> CommandResult<T> {
    Ok(tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| CommandError::new(markets::ErrorCode::Internal, format!("keychain task failed: {e}")))??)
}

/// A job running in this process; dropping it unregisters the job.
pub struct RunningJob {
    pub id: String,
    pub token: CancelToken,
    running: Arc<Mutex<HashMap<String, CancelToken>>>,
}

impl Drop for RunningJob {
    fn drop(&mut self) {
        self.running.lock().unwrap_or_else(|p| p.into_inner()).remove(&self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue: a Cancel clicked right after Start was ignored when it reached the shell before the
    /// run registered the job. It now stops the run before its first step.
    #[test]
    fn a_cancel_that_overtakes_its_start_still_stops_the_job() {
        let jobs = RunningJobs::new(std::env::temp_dir());
        assert!(!jobs.cancel("job-1"), "neither running nor starting");
        jobs.prepare("job-1");
        assert!(jobs.cancel("job-1"));
        let run = jobs.start("job-1").unwrap();
        assert!(run.token.is_cancelled());
        drop(run);
        // Consumed: the next run (Resume), or a Cancel after the run ended, is not affected.
        assert!(!jobs.cancel("job-1"));
        assert!(!jobs.start("job-1").unwrap().token.is_cancelled());
        // A job running when Cancel comes is cancelled as before.
        let other = jobs.start("job-2").unwrap();
        jobs.cancel("job-2");
        assert!(other.token.is_cancelled());
    }
}
