//! What every handler shares: the state, uploaded files, faults, rate limiter and request log.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use crate::faults::FaultQueue;
use crate::rate_limit::RateLimiter;
use crate::request_log::LoggedRequest;
use crate::state::State;
use crate::{seed, DuplicateWording, SandboxConfig};

/// How many market requests the log keeps (the oldest tenth goes when it is full).
pub(crate) const MAX_LOGGED_REQUESTS: usize = 10_000;

/// The mutable world: the public state and the bytes of uploaded files.
#[derive(Debug, Default)]
pub(crate) struct Store {
    pub state: State,
    /// Uploaded files (offer icons) and seeded images, by the path after `/_sandbox/files/`.
    pub files: HashMap<String, StoredFile>,
}

#[derive(Clone, Debug)]
pub(crate) struct StoredFile {
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// Shared by all connections of one sandbox.
#[derive(Debug)]
pub(crate) struct Shared {
    pub config: SandboxConfig,
    pub started: Instant,
    /// `http://127.0.0.1:PORT`, for URLs the sandbox hands out (icon paths).
    pub base_url: String,
    pub store: Mutex<Store>,
    pub faults: Mutex<FaultQueue>,
    pub limiter: Mutex<RateLimiter>,
    pub log: Mutex<Vec<LoggedRequest>>,
    /// Gaming Goods' wording of duplicate-code refusals, set by the admin API.
    pub duplicate_wording: Mutex<DuplicateWording>,
}

pub(crate) type Ctx = Arc<Shared>;

impl Shared {
    pub fn new(config: SandboxConfig, base_url: String) -> Shared {
        let store = seed::initial_store(config.seed_demo_data, &base_url);
        Shared {
            limiter: Mutex::new(RateLimiter::new(config.time_scale)),
            duplicate_wording: Mutex::new(config.duplicate_wording),
            config,
            started: Instant::now(),
            base_url,
            store: Mutex::new(store),
            faults: Mutex::new(FaultQueue::default()),
            log: Mutex::new(Vec::new()),
        }
    }

    pub fn store(&self) -> MutexGuard<'_, Store> {
        lock(&self.store)
    }

    /// Appends to the request log, forgetting the oldest entries past `MAX_LOGGED_REQUESTS` so
    /// a long-running demo does not grow without bound.
    pub fn log_request(&self, entry: LoggedRequest) {
        let mut log = lock(&self.log);
        if log.len() >= MAX_LOGGED_REQUESTS {
            log.drain(..MAX_LOGGED_REQUESTS / 10);
        }
        log.push(entry);
    }

    pub fn elapsed_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    /// Back to the state the sandbox started with: seed data, no added sellers, no faults,
    /// empty rate-limit windows and request log.
    pub fn reset(&self) {
        *self.store() = seed::initial_store(self.config.seed_demo_data, &self.base_url);
        lock(&self.faults).clear();
        lock(&self.limiter).clear();
        lock(&self.log).clear();
        *lock(&self.duplicate_wording) = self.config.duplicate_wording;
    }
}

/// Locks a mutex, ignoring poisoning: a panicking handler must not take the sandbox down.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Why a marketplace-side action (admin) failed. `status` is the HTTP status the admin API
/// answers with: 400 bad input, 404 unknown id, 409 not possible in the current state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionError {
    pub status: u16,
    pub message: String,
}

impl ActionError {
    pub(crate) fn bad_request(message: impl Into<String>) -> ActionError {
        ActionError { status: 400, message: message.into() }
    }

    pub(crate) fn not_found(message: impl Into<String>) -> ActionError {
        ActionError { status: 404, message: message.into() }
    }

    pub(crate) fn conflict(message: impl Into<String>) -> ActionError {
        ActionError { status: 409, message: message.into() }
    }
}

impl std::fmt::Display for ActionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.status)
    }
}

impl std::error::Error for ActionError {}
