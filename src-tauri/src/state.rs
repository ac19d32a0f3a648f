//! What the shell keeps between commands: the profiles (file + keychain), a client per profile,
//! the in-process sandbox, the long operations that may be cancelled, the bulk jobs, and the files
//! the user gave.

use profiles::Profiles;
use sandbox::Sandbox;
use tokio::sync::Mutex;

use crate::{
    clients::ClientCache, error::CommandResult, picked_files::PickedFiles, progress::Operations,
    running_jobs::RunningJobs,
};

pub struct AppState {
    /// profiles.json (shared with the CLI) and the OS keychain.
    pub profiles: Profiles,
    /// One client per profile, so pacing and connection reuse last across commands.
    pub clients: ClientCache,
    /// The demo sandbox, when started; it serves on loopback from the app's tokio runtime.
    pub sandbox: Mutex<Option<Sandbox>>,
    pub operations: Operations,
    /// Bulk jobs: the data dir (journals, audit log) and the jobs running now.
    pub jobs: RunningJobs,
    /// The files the user gave (dialogs, drops), by handle: the only files commands reach.
    pub files: PickedFiles,
}

impl AppState {
    pub fn new(profiles: Profiles) -> Self {
        AppState {
            profiles,
            clients: ClientCache::default(),
            sandbox: Mutex::new(None),
            operations: Operations::default(),
            jobs: RunningJobs::open_default(),
            files: PickedFiles::default(),
        }
    }

    /// The same state keeping jobs and the audit log in `dir` (tests, portable setups).
    pub fn with_data_dir(mut self, dir: std::path::PathBuf) -> Self {
        self.jobs = RunningJobs::new(dir);
        self
    }

    /// The same state pacing to the documented limits with every window multiplied by `factor`
    /// (tests against a sandbox whose clock runs faster; set after [`Self::with_data_dir`]).
    pub fn with_pacing_scale(mut self, factor: f64) -> Self {
        self.jobs.set_pacing_scale(factor);
        self
    }

    /// The state over the profiles file the CLI uses too (`SELLERDESK_CONFIG_DIR` honoured).
    pub fn open_default() -> CommandResult<Self> {
        Ok(AppState::new(Profiles::open()?))
    }

    /// Runs blocking profile work (file lock, keychain over D-Bus, which may wait for an unlock
    /// prompt) off the async workers.
    pub async fn with_profiles<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Profiles) -> CommandResult<T> + Send + 'static,
    ) -> CommandResult<T> {
        let profiles = self.profiles.clone();
        tokio::task::spawn_blocking(move || work(&profiles)).await.unwrap_or_else(|err| {
            Err(crate::error::CommandError::new(markets::ErrorCode::Internal, format!("profile task failed: {err}")))
        })
    }
}
