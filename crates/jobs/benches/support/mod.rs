//! The benchmarks' bodies, shared by `cargo bench -p jobs` (full runs, written to
//! docs/BENCHMARKS.md) and the quick-mode test that checks they still work (tests/bench_quick.rs).
//! Nothing here asserts a time: the numbers are reported, the test checks only correctness.

#![allow(dead_code)]

use std::time::{Duration, Instant};

use jobs::{plan, Client, JobKind, JournalKey, Op, RunOptions};
use markets::{gg::GgClient, ggchest::GgcClient, ApiKey, ClientConfig, Market, Pacing};
use sandbox::{Sandbox, SandboxConfig, GGCHEST_KEY_A, GG_KEY_A};

pub struct PacingResult {
    pub market: Market,
    pub steps: usize,
    pub time_scale: f64,
    pub wall: Duration,
    pub minimum: Duration,
    pub responses_429: usize,
    pub requests: usize,
}

impl PacingResult {
    pub fn ratio(&self) -> f64 {
        self.wall.as_secs_f64() / self.minimum.as_secs_f64()
    }
}

fn client_config(market: Market, base_url: &str, key: &str, pacing: Pacing) -> ClientConfig {
    ClientConfig::new(market, ApiKey::new(key)).with_base_url(base_url).with_pacing(pacing)
}

/// A job of `steps` requests at the documented limits scaled by `time_scale`, against a
/// sandbox enforcing the same limits: wall time of the job vs the least the limits allow.
pub async fn pacing(market: Market, steps: usize, time_scale: f64) -> PacingResult {
    let sandbox = Sandbox::start(SandboxConfig { time_scale, ..SandboxConfig::default() }).await.unwrap();
    let data = tempfile::TempDir::new().unwrap();
    let pacing = Pacing::documented(market).scaled(time_scale);
    let (client, ops) = match market {
        Market::GamingGoods => {
            let product = sandbox.state().gg_products_of(GG_KEY_A)[0].id.clone();
            let ops = (0..steps)
                .map(|i| Op::GgUploadCodes { product_id: product.clone(), codes: vec![format!("BENCH-{i:07}")] })
                .collect();
            (
                Client::Gg(
                    GgClient::new(client_config(market, &sandbox.gg_base_url(), GG_KEY_A, pacing.clone())).unwrap(),
                ),
                ops,
            )
        }
        Market::GgChest => {
            let offers: Vec<String> = sandbox
                .state()
                .ggchest_offers_of(GGCHEST_KEY_A)
                .iter()
                .filter(|o| o.status != sandbox::GgcOfferStatus::Deleted)
                .map(|o| o.id.clone())
                .collect();
            let ops = (0..steps)
                .map(|i| Op::GgcSetPrice {
                    offer_id: offers[i % offers.len()].clone(),
                    old: String::new(),
                    new: format!("{}.{:02}", 10 + i / 100, i % 100),
                })
                .collect();
            let config = client_config(market, &sandbox.ggchest_base_url(), GGCHEST_KEY_A, pacing.clone());
            (Client::Ggc(GgcClient::new(config).unwrap()), ops)
        }
    };
    let key = JournalKey::ephemeral();
    let target = plan::Target { market, base_url: client.base_url().to_owned(), profile: "bench".into() };
    let kind = if market == Market::GamingGoods { JobKind::GgUploadCodes } else { JobKind::GgcReprice };
    let (_, path) = plan::create_job(data.path(), kind, &target, ops, Some(&key), None).unwrap();
    sandbox.clear_requests();
    let opts = RunOptions { key: Some(key), ..RunOptions::default() };
    let started = Instant::now();
    let state = jobs::run_job(&path, &client, &opts).await.unwrap();
    let wall = started.elapsed();
    assert_eq!(state.done(), steps, "every step done");
    let log = sandbox.requests();
    let result = PacingResult {
        market,
        steps,
        time_scale,
        wall,
        minimum: pacing.minimum_duration(steps as u64),
        responses_429: log.iter().filter(|r| r.status == Some(429)).count(),
        requests: log.len(),
    };
    sandbox.shutdown().await;
    result
}

pub struct ParseResult {
    pub lines: usize,
    pub unique: usize,
    pub duplicates: usize,
    pub product_codes: Duration,
    pub single_column: Duration,
    pub csv_column: Duration,
}

/// `lines` lines of `product_id,code` over 10 products, 1 in 100 lines a repeat; parsed and
/// deduplicated as a job plan does (`desk::files::gg_product_codes` then
/// `jobs::plan::gg::group_product_codes`), and as one column by `desk::files::codes`, one code a
/// line and as a CSV.
pub fn parse(lines: usize) -> ParseResult {
    let mut text = String::with_capacity(lines * 48);
    let mut single = String::with_capacity(lines * 24);
    text.push_str("product_id,code\n");
    for i in 0..lines {
        let n = if i % 100 == 99 { i - 1 } else { i };
        let code = format!("AAAA-{n:08X}-ZZZZ-{:04}", n % 9973);
        text.push_str(&format!("01980000-0000-7002-8000-00000000000{},{code}\n", n % 10));
        single.push_str(&code);
        single.push('\n');
    }
    let t = Instant::now();
    let rows = desk::files::all_or_nothing(desk::files::gg_product_codes::parse(&text), "bench", "codes").unwrap();
    let parsed = plan::gg::group_product_codes(&rows);
    let product_codes = t.elapsed();
    let t = Instant::now();
    let list = desk::files::codes::parse_lines(&single);
    let single_column = t.elapsed();
    assert_eq!(list.codes.len(), parsed.codes);
    let t = Instant::now();
    let list = desk::files::codes::parse_csv(&single);
    let csv_column = t.elapsed();
    assert_eq!(list.codes.len(), parsed.codes);
    ParseResult { lines, unique: parsed.codes, duplicates: parsed.duplicates, product_codes, single_column, csv_column }
}

/// One round of the client-vs-curl comparison: the same `requests` fetches by each side, back to back.
pub struct OverheadRound {
    pub client: Duration,
    /// curl's time for the `requests` fetches: (N+1 fetches) − (1 fetch), both timed in this round;
    /// `None` when curl is not installed or failed.
    pub curl: Option<Duration>,
}

pub struct OverheadResult {
    pub requests: usize,
    pub rounds: Vec<OverheadRound>,
}

impl OverheadResult {
    pub fn per_request(d: Duration, n: usize) -> f64 {
        d.as_secs_f64() * 1e6 / n as f64
    }
    /// Client ÷ curl of each round where curl ran (and took a measurable time).
    pub fn ratios(&self) -> Vec<f64> {
        self.rounds
            .iter()
            .filter_map(|r| r.curl.filter(|c| !c.is_zero()).map(|c| r.client.as_secs_f64() / c.as_secs_f64()))
            .collect()
    }
    /// Median client time per request, in µs.
    pub fn client_us(&self) -> f64 {
        median(self.rounds.iter().map(|r| Self::per_request(r.client, self.requests)).collect())
    }
    /// Median curl time per request, in µs, over the rounds where curl ran.
    pub fn curl_us(&self) -> Option<f64> {
        let v: Vec<f64> =
            self.rounds.iter().filter_map(|r| r.curl.map(|c| Self::per_request(c, self.requests))).collect();
        (!v.is_empty()).then(|| median(v))
    }
}

/// The median (the mean of the middle two for an even count); NaN for none.
pub fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// `GET /seller/dashboard` over one kept-alive connection, in `rounds` interleaved pairs (client,
/// curl, client, curl, …): each round, `requests` fetches by the markets client (unpaced), then one
/// curl process fetching the same URL N+1 times and one fetching it once (its start-up and
/// connection, subtracted). Side by side in every round, so a busy machine slows both alike.
pub async fn overhead(requests: usize, rounds: usize) -> OverheadResult {
    let config = SandboxConfig { enforce_rate_limits: false, ..SandboxConfig::default() };
    let sandbox = Sandbox::start(config).await.unwrap();
    let url = format!("{}/seller/dashboard", sandbox.gg_base_url());
    let client =
        GgClient::new(client_config(Market::GamingGoods, &sandbox.gg_base_url(), GG_KEY_A, Pacing::unpaced())).unwrap();
    client.dashboard().await.unwrap(); // connection set up outside the timing

    let dir = tempfile::TempDir::new().unwrap();
    // One extra fetch for the connection, as for the client: measured as (N+1) − 1 fetches.
    let conf_all = conf_for(dir.path(), &url, requests + 1);
    let conf_one = conf_for(dir.path(), &url, 1);
    let mut out = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let t = Instant::now();
        for _ in 0..requests {
            client.dashboard().await.unwrap();
        }
        let client_time = t.elapsed();
        let one = curl_time(&conf_one).await;
        let all = curl_time(&conf_all).await;
        let curl = match (one, all) {
            (Some(one), Some(all)) => Some(all.saturating_sub(one)),
            _ => None,
        };
        out.push(OverheadRound { client: client_time, curl });
    }
    sandbox.shutdown().await;
    OverheadResult { requests, rounds: out }
}

fn conf_for(dir: &std::path::Path, url: &str, n: usize) -> std::path::PathBuf {
    let conf = dir.join(format!("curl-{n}.conf"));
    let mut text = format!("header = \"X-API-Key: {GG_KEY_A}\"\nsilent\n");
    for _ in 0..n {
        text.push_str(&format!("url = \"{url}\"\noutput = \"/dev/null\"\n"));
    }
    std::fs::write(&conf, text).unwrap();
    conf
}

async fn curl_time(conf: &std::path::Path) -> Option<Duration> {
    let t = Instant::now();
    let status = tokio::process::Command::new("curl").arg("-K").arg(conf).status().await.ok()?;
    status.success().then(|| t.elapsed())
}

/// docs/BENCHMARKS.md is written by several benchmarks (this one, scripts/footprint.py): each owns
/// the text between `<!-- begin: NAME -->` and `<!-- end: NAME -->` and replaces only that; when
/// its markers are missing, it appends its section at the end. (footprint.py follows the same rule.)
pub fn replace_section(doc: &str, name: &str, body: &str) -> String {
    let begin = format!("<!-- begin: {name} -->");
    let end = format!("<!-- end: {name} -->");
    let section = format!("{begin}\n\n{}\n\n{end}", body.trim_matches('\n'));
    if let Some(b) = doc.find(&begin) {
        if let Some(e) = doc[b..].find(&end) {
            let e = b + e + end.len();
            return format!("{}{section}{}", &doc[..b], &doc[e..]);
        }
    }
    let head = doc.trim_end_matches('\n');
    if head.is_empty() {
        format!("{section}\n")
    } else {
        format!("{head}\n\n{section}\n")
    }
}

/// The first load average (1 min), from /proc/loadavg where there is one.
pub fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg").ok()?.split_whitespace().next()?.parse().ok()
}
