//! Helpers shared by the shell's integration tests.
#![allow(dead_code)]

pub mod sellerdesk;

use std::{env, path::PathBuf, sync::Mutex};

use jobs::notices::Notice;
use profiles::Profiles;
use seller_desk::{
    commands::{job_views::JobProgress, Ctx},
    progress::{Events, Progress},
    state::AppState,
};
use tempfile::TempDir;

const HOW_TO_RUN: &str = "\
these tests use a real Secret Service (no mock keychain), but DBUS_SESSION_BUS_ADDRESS is not set. \
Run them in a private D-Bus session with an unlocked gnome-keyring (packages dbus-daemon, gnome-keyring):

  export XDG_DATA_HOME=$(mktemp -d)
  dbus-run-session -- sh -c 'echo -n pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null; cargo test -p seller-desk'

or run ./test at the repository root";

/// Fails the test, saying how to run it, when there is no D-Bus session to find a keychain on.
pub fn require_secret_service() {
    if env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none_or(|a| a.is_empty()) {
        panic!("{HOW_TO_RUN}");
    }
}

/// Progress reports (of operations, and of jobs) and notifications, kept for the test to look at.
#[derive(Default)]
pub struct Recorded(pub Mutex<Vec<Progress>>, pub Mutex<Vec<JobProgress>>, pub Mutex<Vec<Notice>>);

impl Events for Recorded {
    fn progress(&self, progress: Progress) {
        self.0.lock().unwrap().push(progress);
    }

    fn job_progress(&self, progress: JobProgress) {
        self.1.lock().unwrap().push(progress);
    }

    fn notify(&self, notice: Notice) {
        self.2.lock().unwrap().push(notice);
    }
}

impl Recorded {
    pub fn all(&self) -> Vec<Progress> {
        self.0.lock().unwrap().clone()
    }

    pub fn jobs(&self) -> Vec<JobProgress> {
        self.1.lock().unwrap().clone()
    }

    /// The notifications sent so far, emptying the list.
    pub fn take_notices(&self) -> Vec<Notice> {
        std::mem::take(&mut *self.2.lock().unwrap())
    }
}

/// An app state over a profiles.json of its own, in a temporary directory (jobs and the audit
/// log in its `data/`).
pub struct Shell {
    pub dir: TempDir,
    pub state: AppState,
    pub events: Recorded,
}

impl Shell {
    pub fn new() -> Shell {
        let dir = tempfile::tempdir().unwrap();
        let state =
            AppState::new(Profiles::open_at(dir.path().join("profiles.json"))).with_data_dir(dir.path().join("data"));
        Shell { dir, state, events: Recorded::default() }
    }

    pub fn ctx(&self) -> Ctx<'_> {
        Ctx::new(&self.state, &self.events)
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn profiles_json(&self) -> PathBuf {
        self.dir.path().join("profiles.json")
    }

    /// A handle to read `path`, as the open dialog or a drop gives one.
    pub fn picked(&self, path: impl Into<PathBuf>) -> String {
        self.state.files.register(path.into(), seller_desk::picked_files::Access::Read).handle
    }

    /// A handle to write `path`, as the save dialog gives one.
    pub fn save_to(&self, path: impl Into<PathBuf>) -> String {
        self.state.files.register(path.into(), seller_desk::picked_files::Access::Write).handle
    }
}

/// Every file under `dir` whose bytes contain `needle`.
pub fn files_containing(dir: &std::path::Path, needle: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files_containing(&path, needle));
        } else if std::fs::read(&path).unwrap().windows(needle.len()).any(|w| w == needle.as_bytes()) {
            found.push(path);
        }
    }
    found
}
