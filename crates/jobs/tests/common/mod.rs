//! Shared by the jobs tests: an in-process sandbox at time scale 0.01 (a documented minute is
//! 0.6 s), clients paced to the same scale with short backoffs, and a data directory per test.

#![allow(dead_code)]

use std::{path::PathBuf, time::Duration};

use jobs::{audit::AuditLog, plan, Client, JobKind, JobState, JournalKey, Op, RunOptions};
use markets::{gg::GgClient, ggchest::GgcClient, ApiKey, ClientConfig, Market, Pacing, RetryPolicy};
use sandbox::{Sandbox, SandboxConfig, GGCHEST_KEY_A, GG_KEY_A};
use tempfile::TempDir;

pub const TIME_SCALE: f64 = 0.01;

pub struct Env {
    pub sandbox: Sandbox,
    pub data: TempDir,
    pub key: JournalKey,
}

impl Env {
    pub async fn start() -> Env {
        let config = SandboxConfig { time_scale: TIME_SCALE, ..SandboxConfig::default() };
        Env {
            sandbox: Sandbox::start(config).await.expect("sandbox"),
            data: TempDir::new().unwrap(),
            key: JournalKey::ephemeral(),
        }
    }

    pub fn dir(&self) -> PathBuf {
        self.data.path().to_owned()
    }

    pub fn gg(&self) -> Client {
        Client::Gg(GgClient::new(config(Market::GamingGoods, &self.sandbox.gg_base_url(), GG_KEY_A)).unwrap())
    }

    pub fn ggc(&self) -> Client {
        Client::Ggc(GgcClient::new(config(Market::GgChest, &self.sandbox.ggchest_base_url(), GGCHEST_KEY_A)).unwrap())
    }

    pub fn target(&self, client: &Client) -> plan::Target {
        plan::Target { market: client.market(), base_url: client.base_url().to_owned(), profile: "test".into() }
    }

    pub fn options(&self) -> RunOptions {
        RunOptions {
            key: Some(self.key.clone()),
            audit: Some(AuditLog::in_dir(self.data.path()).for_profile("profile-test")),
            retry_delay: Duration::from_millis(50),
            settle_delay: Duration::from_millis(1000),
            ..RunOptions::default()
        }
    }

    /// Creates a job of `ops` and runs it to the end.
    pub async fn run(&self, client: &Client, kind: JobKind, ops: Vec<Op>) -> (PathBuf, JobState) {
        let (_, path) = plan::create_job(self.data.path(), kind, &self.target(client), ops, Some(&self.key), None)
            .expect("job created");
        let state = jobs::run_job(&path, client, &self.options()).await.expect("job runs");
        (path, state)
    }

    /// The local store's files (database and write-ahead log) as text, to look for secrets in.
    pub fn store_bytes(&self) -> String {
        let mut text = String::new();
        for entry in std::fs::read_dir(self.data.path()).unwrap() {
            let path = entry.unwrap().path();
            if path.file_name().unwrap().to_string_lossy().starts_with(store::DB_FILE) {
                text.push_str(&String::from_utf8_lossy(&std::fs::read(&path).unwrap()));
            }
        }
        text
    }

    /// How many market requests the sandbox answered 429.
    pub fn count_429(&self) -> usize {
        self.sandbox.requests().iter().filter(|r| r.status == Some(429)).count()
    }
}

pub fn config(market: Market, base_url: &str, key: &str) -> ClientConfig {
    ClientConfig::new(market, ApiKey::new(key))
        .with_base_url(base_url)
        .with_pacing(Pacing::documented(market).scaled(TIME_SCALE))
        .with_retry(RetryPolicy {
            max_attempts: 4,
            backoff_base: Duration::from_millis(20),
            backoff_max: Duration::from_millis(100),
            max_retry_after: Duration::from_secs(10),
        })
        .with_timeout(Duration::from_secs(5))
}

/// Asserts every step of the job is done.
#[track_caller]
pub fn assert_all_done(state: &JobState) {
    let results = jobs::Results::of(state);
    for r in &results.items {
        assert_eq!(r.outcome, jobs::Outcome::Done, "step {} ({}): {}", r.step, r.what, r.detail);
    }
    assert_eq!(state.status, jobs::JobStatus::Finished);
}

pub fn codes(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}-{i:05}")).collect()
}
