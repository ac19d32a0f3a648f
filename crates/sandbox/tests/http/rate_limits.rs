//! Per-key sliding-window rate limits, time-scaled so each test takes well under 2 seconds.

use std::time::{Duration, Instant};

use reqwest::Method;
use sandbox::{SandboxConfig, GGCHEST_KEY_A, GGCHEST_KEY_B, GG_KEY_A, GG_KEY_B};

use crate::common::{gg_code, send, Env};

/// `time_scale` 0.025: a minute lasts 1.5 s, an hour 90 s.
const WINDOW: Duration = Duration::from_millis(1500);

fn scaled() -> SandboxConfig {
    SandboxConfig { time_scale: 0.025, ..SandboxConfig::default() }
}

#[tokio::test]
async fn gg_allows_100_requests_per_window_then_429_with_retry_after() {
    let env = Env::start_with(scaled()).await;
    let started = Instant::now();
    for _ in 0..100 {
        assert_eq!(send(env.gg(Method::GET, "/seller/dashboard")).await.0, 200);
    }
    assert!(started.elapsed() < WINDOW, "the burst must fit in one window");

    let response = env.gg(Method::GET, "/seller/products").send().await.unwrap();
    assert_eq!(response.status(), 429);
    let retry_after: u64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=2).contains(&retry_after), "{retry_after}");
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(gg_code(&body), "TOO_MANY_REQUESTS");

    // Another key has its own window.
    assert_eq!(send(env.gg_as(GG_KEY_B, Method::GET, "/seller/dashboard")).await.0, 200);
    // Once the first arrivals leave the window, requests pass again (429s did not count).
    tokio::time::sleep(WINDOW.saturating_sub(started.elapsed()) + Duration::from_millis(50)).await;
    assert_eq!(send(env.gg(Method::GET, "/seller/dashboard")).await.0, 200);
    let limited = env.sandbox.requests().iter().filter(|r| r.status == Some(429) && r.is_from(GG_KEY_A)).count();
    assert_eq!(limited, 1);
}

#[tokio::test]
async fn ggchest_allows_a_burst_of_50_per_minute() {
    let env = Env::start_with(scaled()).await;
    for _ in 0..50 {
        assert_eq!(send(env.ggc(Method::GET, "/v1/games")).await.0, 200);
    }
    let response = env.ggc(Method::GET, "/v1/offers").send().await.unwrap();
    assert_eq!(response.status(), 429);
    assert!(response.headers()["retry-after"].to_str().unwrap().parse::<u64>().unwrap() >= 1);
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(body["message"].is_string());
    assert_eq!(send(env.ggc_as(GGCHEST_KEY_B, Method::GET, "/v1/games")).await.0, 200);
    assert!(env.sandbox.requests().iter().any(|r| r.is_from(GGCHEST_KEY_A) && r.status == Some(429)));
}

#[tokio::test]
async fn limits_can_be_switched_off_and_admin_is_never_limited() {
    let env =
        Env::start_with(SandboxConfig { time_scale: 0.02, enforce_rate_limits: false, ..SandboxConfig::default() })
            .await;
    for _ in 0..60 {
        assert_eq!(send(env.ggc(Method::GET, "/v1/games")).await.0, 200);
    }
    let limited = Env::start_with(scaled()).await;
    for _ in 0..120 {
        assert_eq!(limited.admin(Method::GET, "/state").send().await.unwrap().status(), 200);
    }
    assert!(limited.sandbox.requests().is_empty(), "admin requests are not logged");
}
