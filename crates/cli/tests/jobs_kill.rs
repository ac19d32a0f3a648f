//! The real `sellerdesk` binary, killed with SIGKILL at random points of a bulk job and resumed
//! each time, against the sandbox over loopback: in the end every item is on the marketplace
//! exactly once (0 lost, 0 done twice). The seed is printed; set JOBS_KILL_SEED to replay one.
//!
//! Between a kill and the next start the test waits one (scaled) rate-limit window: a new
//! process has a fresh limiter, as a restarted app would after a crash.

mod common;

use std::{
    collections::HashMap,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use common::{Env, TIME_SCALE};
use sandbox::{GGCHEST_KEY_A, GG_KEY_A};
use serde_json::{json, Value};
use tempfile::TempDir;

const KILLS: usize = 10;
const WOW: &str = "550e8400-e29b-41d4-a716-446655440000";
const SERVER: &str = "aa0e8400-e29b-41d4-a716-446655440020";
const US_EAST: &str = "bb0e8400-e29b-41d4-a716-446655440021";

/// splitmix64: a seeded RNG with no dependency.
struct Rng(u64);

impl Rng {
    fn from_env() -> Rng {
        let seed = std::env::var("JOBS_KILL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
        });
        println!("kill points seeded with JOBS_KILL_SEED={seed}");
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn between_ms(&mut self, lo: u64, hi: u64) -> Duration {
        Duration::from_millis(lo + self.next() % (hi - lo))
    }
}

struct Killer<'a> {
    env: &'a Env,
    data: TempDir,
    key: &'a str,
    market: &'a str,
    base_url: String,
}

impl Killer<'_> {
    fn spawn(&self, args: &[&str]) -> Child {
        Command::new(assert_cmd::cargo::cargo_bin("sellerdesk"))
            .env_remove("SELLERDESK_PACING_SCALE")
            .env("SELLERDESK_CONFIG_DIR", self.env.config_dir.path())
            .env("SELLERDESK_DATA_DIR", self.data.path())
            .env("SELLERDESK_PACING_SCALE", TIME_SCALE.to_string())
            .env("SELLERDESK_API_KEY", self.key)
            .args(["--market", self.market, "--base-url", &self.base_url])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("sellerdesk starts")
    }

    /// The job's id, once its journal exists.
    fn job_id(&self) -> Option<String> {
        let dir = self.data.path().join("jobs");
        let entry = std::fs::read_dir(dir)
            .ok()?
            .filter_map(Result::ok)
            .find(|e| e.path().extension().is_some_and(|x| x == "jsonl"))?;
        Some(entry.path().file_stem()?.to_string_lossy().into_owned())
    }

    /// Starts (or resumes) the job and SIGKILLs it at random points until it was killed
    /// mid-job `KILLS` times, then lets it finish. Returns the job's journal.
    fn run_with_kills(&self, run_args: &[&str], rng: &mut Rng) -> String {
        let window = Duration::from_secs_f64(60.0 * TIME_SCALE);
        let mut kills = 0;
        let started = Instant::now();
        while kills < KILLS {
            let mut child = match self.job_id() {
                None => {
                    // The first start: the kill points are points of the job, so from when it exists.
                    let child = self.spawn(run_args);
                    let deadline = Instant::now() + Duration::from_secs(20);
                    while self.job_id().is_none() {
                        assert!(Instant::now() < deadline, "the job was not created");
                        std::thread::sleep(Duration::from_millis(2));
                    }
                    child
                }
                Some(id) => self.spawn(&["jobs", "resume", &id]),
            };
            std::thread::sleep(rng.between_ms(20, 250));
            if let Some(status) = child.try_wait().unwrap() {
                panic!("the job ended ({status}) before {KILLS} kills: make it longer");
            }
            child.kill().unwrap(); // SIGKILL
            child.wait().unwrap();
            kills += 1;
            std::thread::sleep(window);
        }
        let id = self.job_id().expect("the job exists after the kills");
        let status = self.spawn(&["jobs", "resume", &id]).wait().unwrap();
        assert!(status.success(), "the last resume finishes the job ({status})");
        println!("{kills} kills in {:?}", started.elapsed());
        std::fs::read_to_string(self.data.path().join("jobs").join(format!("{id}.jsonl"))).unwrap()
    }
}

fn market_of(k: &Killer) -> sandbox::Market {
    if k.market == "gg" {
        sandbox::Market::Gg
    } else {
        sandbox::Market::GgChest
    }
}

/// Every write takes 10 ms to answer, so that kills often land with a request in flight (the
/// sandbox still applies it: the step is then unknown and must be read back).
fn slow_writes(env: &Env, market: sandbox::Market) {
    env.sandbox
        .inject(sandbox::Fault::new(market, sandbox::FaultKind::Delay { ms: 10 }).on_method("POST").times(100_000));
}

/// Each step is settled once in the journal, and all are done.
fn assert_journal_settled_once(journal: &str, steps: usize) {
    let mut settled: HashMap<u64, usize> = HashMap::new();
    for line in journal.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        match v["t"].as_str() {
            Some("done") => *settled.entry(v["i"].as_u64().unwrap()).or_default() += 1,
            Some("failed") => panic!("a step failed: {line}"),
            _ => {}
        }
    }
    let mut sent: HashMap<u64, usize> = HashMap::new();
    for line in journal.lines().filter(|l| l.starts_with("{\"t\":\"sent\"")) {
        let v: Value = serde_json::from_str(line).unwrap();
        *sent.entry(v["i"].as_u64().unwrap()).or_default() += 1;
    }
    let resent = sent.values().filter(|n| **n > 1).count();
    let read_back = journal.lines().filter(|l| l.contains("read back") || l.contains("already there")).count();
    println!(
        "steps left unknown by a kill: {read_back} found applied by reading back, {resent} not applied and sent again"
    );
    assert_eq!(settled.len(), steps, "every step done");
    assert!(settled.values().all(|n| *n == 1), "a step was settled twice");
}

#[test]
fn ggchest_creates_survive_sigkill_at_random_points() {
    let env = Env::start();
    let mut rng = Rng::from_env();
    let offers: Vec<Value> = (0..300)
        .map(|i| {
            json!({"offer_type": "items", "game_id": WOW, "title": format!("Killed sword {i:03}"), "description": "d",
                "price": "2.50", "delivery_method": "manual", "delivery_time": "1d", "qty_total": 5, "qty_min": 1,
                "attributes": [{"id": SERVER, "option_id": US_EAST}]})
        })
        .collect();
    let file = env.file("offers.json", serde_json::to_vec(&offers).unwrap());
    let killer = Killer {
        env: &env,
        data: TempDir::new().unwrap(),
        key: GGCHEST_KEY_A,
        market: "ggchest",
        base_url: env.sandbox.ggchest_base_url(),
    };
    slow_writes(&env, market_of(&killer));
    let journal = killer.run_with_kills(&["jobs", "run", "ggc-create", "--file", &file], &mut rng);
    assert_journal_settled_once(&journal, 300);
    let state = env.sandbox.state();
    let mut titles: HashMap<String, usize> = HashMap::new();
    for o in state.ggchest_offers_of(GGCHEST_KEY_A).into_iter().filter(|o| o.title.starts_with("Killed sword")) {
        *titles.entry(o.title.clone()).or_default() += 1;
    }
    assert_eq!(titles.len(), 300, "0 offers lost");
    let twice: Vec<_> = titles.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "offers created twice: {twice:?}");
}

/// Codes are journaled sealed, so this one needs the keychain (./test's D-Bus session).
#[test]
fn gg_offers_survive_sigkill_at_random_points() {
    let env = Env::start();
    let mut rng = Rng::from_env();
    let products: Vec<String> = env
        .sandbox
        .state()
        .gg
        .products
        .iter()
        .filter(|p| p.owner != GG_KEY_A && p.on_sale())
        .take(3)
        .map(|p| p.id.clone())
        .collect();
    let mut csv = String::from("product_id,price_cents,code\n");
    for (n, p) in products.iter().enumerate() {
        for price in 0..100 {
            for c in 0..4 {
                csv.push_str(&format!("{p},{},K{n}-{price:03}-{c}\n", 300 + price));
            }
        }
    }
    let file = env.file("offers.csv", csv);
    let killer = Killer {
        env: &env,
        data: TempDir::new().unwrap(),
        key: GG_KEY_A,
        market: "gg",
        base_url: env.sandbox.gg_base_url(),
    };
    slow_writes(&env, market_of(&killer));
    let journal = killer.run_with_kills(&["jobs", "run", "gg-add-offers", "--file", &file], &mut rng);
    assert_journal_settled_once(&journal, 300);
    assert!(!journal.contains("K0-"), "codes are sealed in the journal");
    let state = env.sandbox.state();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for o in state.gg_offers_of(GG_KEY_A).into_iter().filter(|o| o.code.starts_with('K')) {
        let price: u64 = o.code.split('-').nth(1).unwrap().parse().unwrap();
        assert_eq!(o.price_cents, 300 + price, "{}", o.code);
        *seen.entry((o.product_id.clone(), o.code.clone())).or_default() += 1;
    }
    assert_eq!(seen.len(), 1200, "0 codes lost");
    assert!(seen.values().all(|n| *n == 1), "a code was offered twice");
}
