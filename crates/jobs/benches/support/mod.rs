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
}

/// `lines` lines of `product_id,code` over 10 products, 1 in 100 lines a repeat; parsed and
/// deduplicated as a job plan does, and as one column by `markets::codes::parse_codes`.
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
    let parsed = plan::gg::parse_product_codes(&text).unwrap();
    let product_codes = t.elapsed();
    let t = Instant::now();
    let list = markets::codes::parse_codes(&single);
    let single_column = t.elapsed();
    assert_eq!(list.codes.len(), parsed.codes);
    ParseResult { lines, unique: parsed.codes, duplicates: parsed.duplicates, product_codes, single_column }
}

pub struct OverheadResult {
    pub requests: usize,
    pub client: Duration,
    pub curl: Option<Duration>,
}

impl OverheadResult {
    pub fn per_request(d: Duration, n: usize) -> f64 {
        d.as_secs_f64() * 1e6 / n as f64
    }
    pub fn ratio(&self) -> Option<f64> {
        self.curl.map(|c| self.client.as_secs_f64() / c.as_secs_f64())
    }
}

/// `GET /seller/dashboard` `requests` times in a row over one kept-alive connection: the
/// markets client (unpaced) vs one curl process fetching the same URL as many times.
pub async fn overhead(requests: usize) -> OverheadResult {
    let config = SandboxConfig { enforce_rate_limits: false, ..SandboxConfig::default() };
    let sandbox = Sandbox::start(config).await.unwrap();
    let url = format!("{}/seller/dashboard", sandbox.gg_base_url());
    let client =
        GgClient::new(client_config(Market::GamingGoods, &sandbox.gg_base_url(), GG_KEY_A, Pacing::unpaced())).unwrap();
    client.dashboard().await.unwrap(); // connection set up outside the timing
    let t = Instant::now();
    for _ in 0..requests {
        client.dashboard().await.unwrap();
    }
    let client_time = t.elapsed();

    let dir = tempfile::TempDir::new().unwrap();
    let conf = dir.path().join("curl.conf");
    let mut text = format!("header = \"X-API-Key: {GG_KEY_A}\"\nsilent\n");
    for _ in 0..=requests {
        text.push_str(&format!("url = \"{url}\"\noutput = \"/dev/null\"\n"));
    }
    std::fs::write(&conf, text).unwrap();
    // One extra fetch for the connection, as for the client: measured as (N+1) − 1 fetches.
    let one = curl_time(&conf_for(dir.path(), &url, 1)).await;
    let all = curl_time(&conf).await;
    let curl = match (one, all) {
        (Some(one), Some(all)) => Some(all.saturating_sub(one)),
        _ => None,
    };
    sandbox.shutdown().await;
    OverheadResult { requests, client: client_time, curl }
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
