//! Shared test helpers: a tiny loopback HTTP/1.1 server (real HTTP, scripted answers, every request
//! captured byte for byte), clients with short backoffs and time-scaled pacing, fixture loading.
#![allow(dead_code)]

pub mod loopback;

#[allow(unused_imports)]
pub use loopback::{Captured, Loopback, Reply};

use markets::{gg::GgClient, ggchest::GgcClient, ApiKey, ClientConfig, Market, Pacing, RetryPolicy};
use sandbox::{LoggedRequest, Sandbox, SandboxConfig};
use serde_json::Value;
use std::{path::PathBuf, time::Duration};

/// The sandbox's time scale in these tests: a documented minute lasts 0.6 s.
pub const TIME_SCALE: f64 = 0.01;

/// Retries that finish quickly: 4 attempts, 20–100 ms apart, Retry-After honoured up to 10 s.
pub fn fast_retry() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 4,
        backoff_base: Duration::from_millis(20),
        backoff_max: Duration::from_millis(100),
        max_retry_after: Duration::from_secs(10),
    }
}

/// A client config for `market` at `base_url`, paced to the documented limits scaled to the
/// sandbox's time, with short backoffs.
pub fn config(market: Market, base_url: &str, key: &str) -> ClientConfig {
    ClientConfig::new(market, ApiKey::new(key))
        .with_base_url(base_url)
        .with_pacing(Pacing::documented(market).scaled(TIME_SCALE))
        .with_retry(fast_retry())
        .with_timeout(Duration::from_secs(10))
}

pub fn gg_client(base_url: &str, key: &str) -> GgClient {
    GgClient::new(config(Market::GamingGoods, base_url, key)).expect("GG client")
}

pub fn ggc_client(base_url: &str, key: &str) -> GgcClient {
    GgcClient::new(config(Market::GgChest, base_url, key)).expect("GGChest client")
}

/// `tests/fixtures/<rel>` as text.
pub fn fixture_text(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// `tests/fixtures/<rel>` as JSON.
pub fn fixture(rel: &str) -> Value {
    serde_json::from_str(&fixture_text(rel)).unwrap_or_else(|e| panic!("fixture {rel} is not JSON: {e}"))
}

/// The shared reference documents (`/work/shared/reference`), found relative to this crate.
pub fn reference_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference");
    assert!(
        dir.join("ggchest-openapi/openapi.json").is_file(),
        "the official GGChest OpenAPI files were not found at {} (expected the shared reference folder \
         three levels above crates/markets)",
        dir.display()
    );
    dir
}

/// A minimal valid PNG (1×1, RGBA), built by hand so no image file is needed.
pub fn tiny_png() -> Vec<u8> {
    vec![
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00,
        0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF,
        0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
}

/// A sandbox with demo data, rate limits enforced, time scaled by [`TIME_SCALE`].
pub async fn sandbox() -> Sandbox {
    start(true).await
}

/// A sandbox with only the seeded keys, the GG catalog and the GGChest games.
pub async fn empty_sandbox() -> Sandbox {
    start(false).await
}

async fn start(seed_demo_data: bool) -> Sandbox {
    Sandbox::start(SandboxConfig { time_scale: TIME_SCALE, seed_demo_data, ..SandboxConfig::default() })
        .await
        .expect("sandbox starts")
}

/// The sandbox's log of `market`'s requests.
pub fn logged(sb: &Sandbox, market: sandbox::Market) -> Vec<LoggedRequest> {
    sb.requests().into_iter().filter(|r| r.market == market).collect()
}

/// Requests the sandbox answered 429.
pub fn rate_limited(sb: &Sandbox) -> Vec<LoggedRequest> {
    sb.requests().into_iter().filter(|r| r.status == Some(429)).collect()
}

/// Asserts a local validation error naming exactly these fields (in any order, repeats allowed).
pub fn assert_local(err: &markets::Error, fields: &[&str]) {
    assert!(
        matches!(err, markets::Error::Validation { origin: markets::Origin::Local, .. }),
        "expected a local validation error, got {err:?}"
    );
    assert_eq!(err.code(), markets::ErrorCode::InvalidInput);
    let mut got: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
    got.sort();
    got.dedup();
    let mut want = fields.to_vec();
    want.sort();
    assert_eq!(got, want, "fields of {err}");
}
