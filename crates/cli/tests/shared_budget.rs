//! One rate-limit budget per key across processes: commands and bulk jobs running at once on one
//! key, each a process of its own, stay inside the key's documented limit together (the local
//! store holds the record). Before, each process paced only itself, and together they met 429s
//! (issue 12: a CLI job and a second CLI process, 14 answers 429; two CLI jobs, 8).
//!
//! The scenario bodies are shared by the tests (0 answers 429, every job finished, nothing
//! timed) and by two ignored tests run by hand:
//! - `control_separate_stores_meet_429s`: the same scenarios with the second process on a data
//!   dir of its own (no shared record), which must meet 429s — the tests can fail;
//! - `measure_wall_times`: each job's wall time against the least the limits allow for all the
//!   requests made together (docs/BENCHMARKS.md, section `shared-budget`).
//!
//! Bulk jobs seal their input in the journal with the keychain's key: run in a D-Bus session
//! with an unlocked keyring, as ./test does.

use std::{
    path::{Path, PathBuf},
    process::{Command, Stdio},
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    thread,
    time::{Duration, Instant},
};

use markets::{Market, Pacing};
use sandbox::{Sandbox, SandboxConfig, GGCHEST_KEY_A, GG_KEY_A};
use serde_json::{json, Value};
use tempfile::TempDir;

/// Gaming Goods' 100 requests a minute, in 3-second "minutes" (GGChest: 50 in 3 s, 1000 in
/// 180 s): tight enough that two streams of processes started back to back exceed it unless
/// they share the budget.
const SCALE: f64 = 0.05;

/// Steps (one request each) of the Gaming Goods job of scenario (a).
const GG_JOB_STEPS: usize = 150;
/// Offers created by each GGChest job of scenario (b).
const GGC_JOB_STEPS: usize = 60;

fn sellerdesk(data: &Path, config: &Path, market: &str, key: &str, base_url: &str, scale: f64) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("sellerdesk"));
    for var in
        ["SELLERDESK_API_KEY", "SELLERDESK_PACING_SCALE", "SELLERDESK_CONFIG_DIR", "SELLERDESK_DATA_DIR", "RUST_LOG"]
    {
        c.env_remove(var);
    }
    c.env("SELLERDESK_CONFIG_DIR", config)
        .env("SELLERDESK_DATA_DIR", data)
        .env("SELLERDESK_PACING_SCALE", scale.to_string())
        .env("SELLERDESK_API_KEY", key)
        .args(["--market", market, "--base-url", base_url])
        .stdin(Stdio::null());
    c
}

fn dashboard(data: &Path, config: &Path, base_url: &str, scale: f64) -> i32 {
    let mut c = sellerdesk(data, config, "gg", GG_KEY_A, base_url, scale);
    c.args(["--json", "gg", "dashboard"]).output().unwrap().status.code().unwrap_or(-1)
}

/// One `sellerdesk jobs run …` process, from spawn to exit.
#[derive(Debug)]
struct JobRun {
    name: String,
    wall: Duration,
    code: i32,
    report: Value,
    stderr: String,
}

impl JobRun {
    fn run(name: &str, mut c: Command) -> JobRun {
        let started = Instant::now();
        let out = c.arg("--json").output().unwrap();
        let wall = started.elapsed();
        JobRun {
            name: name.to_owned(),
            wall,
            code: out.status.code().unwrap_or(-1),
            report: serde_json::from_slice(&out.stdout).unwrap_or(Value::Null),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    #[track_caller]
    fn assert_all_done(&self, steps: usize) {
        let job = &self.report["job"];
        assert_eq!(self.code, 0, "{}: exit code\n{}\n{}", self.name, self.report, self.stderr);
        assert_eq!(job["status"], "finished", "{}: {}", self.name, self.report);
        assert_eq!((job["total"].as_u64(), job["done"].as_u64()), (Some(steps as u64), Some(steps as u64)));
        assert_eq!(job["failed"].as_u64(), Some(0), "{}: {}", self.name, self.report);
    }
}

/// What one scenario came to: the jobs, the single commands, and the sandbox's count.
#[derive(Debug)]
struct Outcome {
    scenario: &'static str,
    scale: f64,
    jobs: Vec<JobRun>,
    singles: usize,
    singles_failed: usize,
    requests: usize,
    limited: usize,
    pacing: Pacing,
}

impl Outcome {
    /// The least time the limits allow for every request the processes made, from rest: for
    /// each limit, (requests − 1) ÷ its count, rounded down, × its window (time-scaled); the
    /// longest (`Pacing::minimum_duration`).
    fn minimum(&self) -> Duration {
        self.pacing.minimum_duration(self.requests as u64)
    }

    fn print(&self) {
        let min = self.minimum();
        for j in &self.jobs {
            println!(
                "{} | scale {} | {} | {} requests ({} singles) | wall {:.3} s | minimum {:.3} s | ratio {:.3} | 429: {}",
                self.scenario,
                self.scale,
                j.name,
                self.requests,
                self.singles,
                j.wall.as_secs_f64(),
                min.as_secs_f64(),
                j.wall.as_secs_f64() / min.as_secs_f64(),
                self.limited,
            );
        }
    }
}

struct World {
    // Declared before the runtime so the sandbox is dropped while its runtime is still alive.
    sandbox: Sandbox,
    _rt: tokio::runtime::Runtime,
    data: TempDir,
    /// The second process's data dir when the budget is not to be shared (the control).
    other_data: TempDir,
    config: TempDir,
    files: TempDir,
    scale: f64,
}

impl World {
    fn start(scale: f64) -> World {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let sandbox =
            rt.block_on(Sandbox::start(SandboxConfig { time_scale: scale, ..SandboxConfig::default() })).unwrap();
        let dir = || TempDir::new().unwrap();
        World { sandbox, _rt: rt, data: dir(), other_data: dir(), config: dir(), files: dir(), scale }
    }

    /// The data dir of the second process: the first one's when `shared`.
    fn second_data(&self, shared: bool) -> PathBuf {
        if shared { self.data.path() } else { self.other_data.path() }.to_owned()
    }

    fn file(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let path = self.files.path().join(name);
        std::fs::write(&path, content).unwrap();
        path
    }

    /// `sellerdesk jobs run gg-add-offers` of `steps` offers on one product, each at a price of
    /// its own (so each is a step, one request).
    fn gg_add_offers_job(&self, data: &Path, tag: &str, steps: usize) -> Command {
        let product = self.sandbox.state().gg_products_of(GG_KEY_A)[0].id.clone();
        let mut csv = String::from("product_id,price_cents,code\n");
        for i in 0..steps {
            csv.push_str(&format!("{product},{},BUDGET-{tag}-{i:05}\n", 1000 + i));
        }
        let file = self.file(&format!("{tag}.csv"), csv);
        let mut c = sellerdesk(data, self.config.path(), "gg", GG_KEY_A, &self.sandbox.gg_base_url(), self.scale);
        c.args(["jobs", "run", "gg-add-offers", "--file"]).arg(file);
        c
    }

    /// `sellerdesk jobs run ggc-create` of `steps` currency offers (one request each).
    fn ggc_create_job(&self, data: &Path, tag: &str, steps: usize) -> Command {
        let offers: Vec<Value> = (0..steps)
            .map(|i| {
                json!({"offer_type": "currency", "game_id": "550e8400-e29b-41d4-a716-446655440000",
                    "game_currency_id": "880e8400-e29b-41d4-a716-446655440010",
                    "title": format!("Budget {tag} {i:03}"), "description": "d", "price": "1.00",
                    "delivery_time": "5m", "qty_total": 100, "qty_min": 1, "attributes": []})
            })
            .collect();
        let file = self.file(&format!("{tag}.json"), serde_json::to_vec(&offers).unwrap());
        let mut c = sellerdesk(
            data,
            self.config.path(),
            "ggchest",
            GGCHEST_KEY_A,
            &self.sandbox.ggchest_base_url(),
            self.scale,
        );
        c.args(["jobs", "run", "ggc-create", "--file"]).arg(file);
        c
    }

    fn outcome(&self, scenario: &'static str, jobs: Vec<JobRun>, singles: (usize, usize), market: Market) -> Outcome {
        let requests = self.sandbox.requests();
        Outcome {
            scenario,
            scale: self.scale,
            jobs,
            singles: singles.0,
            singles_failed: singles.1,
            requests: requests.len(),
            limited: requests.iter().filter(|r| r.status == Some(429)).count(),
            pacing: Pacing::documented(market).scaled(self.scale),
        }
    }
}

/// (a) A Gaming Goods bulk job, and a second process issuing single commands (`gg dashboard`,
/// one process each, back to back) on the same key until the job ends.
fn job_and_single_commands(shared: bool, scale: f64) -> Outcome {
    let w = World::start(scale);
    let job = w.gg_add_offers_job(w.data.path(), "a", GG_JOB_STEPS);
    let singles_data = w.second_data(shared);
    let (config, url) = (w.config.path().to_owned(), w.sandbox.gg_base_url());
    let stop = Arc::new(AtomicBool::new(false));
    let singles = {
        let stop = stop.clone();
        thread::spawn(move || {
            let (mut n, mut failed) = (0, 0);
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                failed += usize::from(dashboard(&singles_data, &config, &url, scale) != 0);
            }
            (n, failed)
        })
    };
    let run = JobRun::run("CLI job gg-add-offers", job);
    stop.store(true, Ordering::SeqCst);
    let singles = singles.join().unwrap();
    w.outcome("a: CLI job + CLI single commands (GG)", vec![run], singles, Market::GamingGoods)
}

/// (b) Two GGChest bulk jobs at once on one key, each a `sellerdesk` process.
fn two_jobs(shared: bool, scale: f64) -> Outcome {
    let w = World::start(scale);
    let first = w.ggc_create_job(w.data.path(), "b1", GGC_JOB_STEPS);
    let second = w.ggc_create_job(&w.second_data(shared), "b2", GGC_JOB_STEPS);
    let other = thread::spawn(move || JobRun::run("CLI job 2 ggc-create", second));
    let one = JobRun::run("CLI job 1 ggc-create", first);
    let two = other.join().unwrap();
    w.outcome("b: two CLI jobs (GGChest)", vec![one, two], (0, 0), Market::GgChest)
}

#[test]
fn processes_on_one_key_share_its_rate_limit() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let sandbox = rt.block_on(Sandbox::start(SandboxConfig { time_scale: SCALE, ..SandboxConfig::default() })).unwrap();
    let (data, config) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let url = sandbox.gg_base_url();
    let streams: Vec<_> = (0..2)
        .map(|_| {
            let (data, config, url) = (data.path().to_owned(), config.path().to_owned(), url.clone());
            thread::spawn(move || (0..70).map(|_| dashboard(&data, &config, &url, SCALE)).filter(|c| *c != 0).count())
        })
        .collect();
    let failed: usize = streams.into_iter().map(|s| s.join().unwrap()).sum();
    assert_eq!(failed, 0, "every command succeeded");
    let requests = sandbox.requests();
    assert_eq!(requests.len(), 140, "one request per command");
    let limited = requests.iter().filter(|r| r.status == Some(429)).count();
    assert_eq!(limited, 0, "answers 429: the processes went over the key's limit together");
}

/// (a) A bulk job and single commands in another process, on one key: 0 answers 429, the job
/// done whole, every command succeeded. (With the budget not shared: 429s, see the control.)
#[test]
fn a_job_and_single_commands_on_one_key_stay_inside_its_limit() {
    let o = job_and_single_commands(true, SCALE);
    o.jobs[0].assert_all_done(GG_JOB_STEPS);
    assert!(o.singles > 0);
    assert_eq!(o.singles_failed, 0, "every single command succeeded");
    assert_eq!(o.requests, GG_JOB_STEPS + o.singles, "one request per step and per command");
    assert_eq!(o.limited, 0, "answers 429: the job and the commands went over the key's limit together");
}

/// (b) Two bulk jobs at once on one key: 0 answers 429, both done whole.
#[test]
fn two_jobs_on_one_key_stay_inside_its_limit() {
    let o = two_jobs(true, SCALE);
    for j in &o.jobs {
        j.assert_all_done(GGC_JOB_STEPS);
    }
    assert_eq!(o.requests, 2 * GGC_JOB_STEPS, "one request per step");
    assert_eq!(o.limited, 0, "answers 429: the two jobs went over the key's limit together");
}

/// By hand: the scenarios with the second process on a store of its own must meet 429s (each
/// process then paces only itself), so the tests above can fail.
/// `cargo test -p sellerdesk-cli --test shared_budget -- --ignored --nocapture control`
#[test]
#[ignore]
fn control_separate_stores_meet_429s() {
    for o in [job_and_single_commands(false, SCALE), two_jobs(false, SCALE)] {
        o.print();
        assert!(o.limited > 0, "{}: no 429 even without a shared budget: the scenario proves nothing", o.scenario);
    }
}

/// By hand: each job's wall time against the least the limits allow for all the requests made
/// together, 3 rounds, at time scale `$SHARED_BUDGET_SCALE` (default 0.05).
/// `SHARED_BUDGET_SCALE=0.2 cargo test -p sellerdesk-cli --test shared_budget -- --ignored --nocapture measure`
#[test]
#[ignore]
fn measure_wall_times() {
    let scale = std::env::var("SHARED_BUDGET_SCALE").map_or(SCALE, |s| s.parse().expect("a time scale"));
    for round in 1..=3 {
        println!("round {round}");
        let a = job_and_single_commands(true, scale);
        a.print();
        a.jobs[0].assert_all_done(GG_JOB_STEPS);
        let b = two_jobs(true, scale);
        b.print();
        b.jobs.iter().for_each(|j| j.assert_all_done(GGC_JOB_STEPS));
    }
}
