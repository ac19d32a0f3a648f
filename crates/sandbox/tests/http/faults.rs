//! Injected faults: 429, 503, dropped connections before and after applying, delays.

use std::time::{Duration, Instant};

use reqwest::Method;
use sandbox::{Fault, FaultKind, Market, GGCHEST_KEY_A, GG_KEY_A};
use serde_json::json;

use crate::common::{gg_code, send, Env};
use crate::ggchest_create::items_body;

fn offer_codes(env: &Env) -> usize {
    env.sandbox.state().gg_offers_of(GG_KEY_A).len()
}

fn add_offer(env: &Env, code: &str) -> reqwest::RequestBuilder {
    let product = env.sandbox.state().gg.products[3].id.clone();
    env.gg(Method::POST, "/seller/offers").json(&json!({"product_id": product, "price_cents": 999, "codes": [code]}))
}

/// The request fails at the transport level, promptly: the connection was closed, not left hanging.
async fn assert_dropped(request: reqwest::RequestBuilder) {
    let started = Instant::now();
    let error = request.send().await.expect_err("no answer on a dropped connection");
    assert!(!error.is_timeout(), "dropped, not timed out: {error}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn rate_limited_fault_answers_429_with_the_given_retry_after() {
    let env = Env::start().await;
    env.sandbox.inject(Fault::new(Market::Gg, FaultKind::RateLimited { retry_after_secs: 7 }));
    let response = env.gg(Method::GET, "/seller/dashboard").send().await.unwrap();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "7");
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(gg_code(&body), "TOO_MANY_REQUESTS");
    assert_eq!(send(env.gg(Method::GET, "/seller/dashboard")).await.0, 200, "count 1: used up");

    env.sandbox.inject(Fault::new(Market::GgChest, FaultKind::RateLimited { retry_after_secs: 2 }));
    let response = env.ggc(Method::GET, "/v1/games").send().await.unwrap();
    assert_eq!((response.status().as_u16(), response.headers()["retry-after"].to_str().unwrap()), (429, "2"));
}

#[tokio::test]
async fn unavailable_fault_answers_503_in_each_market_format() {
    let env = Env::start().await;
    env.sandbox.inject(Fault::new(Market::Gg, FaultKind::Unavailable).times(2));
    for _ in 0..2 {
        let (status, body) = send(env.gg(Method::GET, "/seller/products")).await;
        assert_eq!((status, gg_code(&body)), (503, "SERVICE_UNAVAILABLE"));
    }
    assert_eq!(send(env.gg(Method::GET, "/seller/products")).await.0, 200);
    env.sandbox.inject(Fault::new(Market::GgChest, FaultKind::Unavailable));
    let (status, body) = send(env.ggc(Method::GET, "/v1/offers")).await;
    assert_eq!(status, 503);
    assert!(body["message"].is_string());
}

#[tokio::test]
async fn drop_before_apply_changes_nothing() {
    let env = Env::start().await;
    let before = offer_codes(&env);
    env.sandbox.inject(
        Fault::new(Market::Gg, FaultKind::DropBeforeApply).on_method("POST").on_path_containing("/seller/offers"),
    );
    assert_dropped(add_offer(&env, "DROP-BEFORE")).await;
    assert_eq!(offer_codes(&env), before);
    // The retry goes through.
    assert_eq!(send(add_offer(&env, "DROP-BEFORE")).await.0, 200);
    assert_eq!(offer_codes(&env), before + 1);
    let log = env.sandbox.requests();
    let dropped = log.iter().find(|r| r.fault.as_deref() == Some("drop_before_apply")).unwrap();
    assert_eq!((dropped.method.as_str(), dropped.path.as_str(), dropped.status), ("POST", "/seller/offers", None));
}

#[tokio::test]
async fn drop_after_apply_applies_then_closes() {
    let env = Env::start().await;
    let before = offer_codes(&env);
    env.sandbox.inject(Fault::new(Market::Gg, FaultKind::DropAfterApply).on_method("POST"));
    assert_dropped(add_offer(&env, "DROP-AFTER")).await;
    assert_eq!(offer_codes(&env), before + 1, "applied although unanswered");
    // A naive retry now meets the duplicate rule.
    let (status, body) = send(add_offer(&env, "DROP-AFTER")).await;
    assert_eq!((status, gg_code(&body)), (422, "BUSINESS_RULE_VIOLATION"));

    env.sandbox.inject(Fault::new(Market::GgChest, FaultKind::DropAfterApply).on_path_containing("/v1/offers/items"));
    let created_before = env.sandbox.state().ggchest_offers_of(GGCHEST_KEY_A).len();
    assert_dropped(env.ggc(Method::POST, "/v1/offers/items").json(&items_body())).await;
    assert_eq!(env.sandbox.state().ggchest_offers_of(GGCHEST_KEY_A).len(), created_before + 1);
}

#[tokio::test]
async fn delay_answers_normally_after_the_pause() {
    let env = Env::start().await;
    env.sandbox.inject(Fault::new(Market::GgChest, FaultKind::Delay { ms: 300 }));
    let started = Instant::now();
    let (status, body) = send(env.ggc(Method::GET, "/v1/games")).await;
    assert_eq!(status, 200);
    assert!(body.as_array().is_some());
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn a_client_that_gives_up_during_a_delay_still_gets_its_change_applied_and_logged() {
    let env = Env::start().await;
    let before = offer_codes(&env);
    env.sandbox.inject(Fault::new(Market::Gg, FaultKind::Delay { ms: 600 }).on_method("POST"));
    let error = add_offer(&env, "DELAYED-1").timeout(Duration::from_millis(100)).send().await.unwrap_err();
    assert!(error.is_timeout(), "{error}");
    // A real server finishes what it started even when nobody waits for the answer.
    let deadline = Instant::now() + Duration::from_secs(5);
    while offer_codes(&env) == before && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(offer_codes(&env), before + 1, "applied although the client left");
    let logged = env.sandbox.requests().into_iter().find(|r| r.fault.as_deref() == Some("delay")).expect("logged");
    assert_eq!((logged.method.as_str(), logged.status), ("POST", Some(200)));
}

#[tokio::test]
async fn faults_match_market_method_and_path_and_can_be_cleared() {
    let env = Env::start().await;
    env.sandbox.inject(Fault::new(Market::Gg, FaultKind::Unavailable).on_method("PATCH"));
    env.sandbox.inject(Fault::new(Market::GgChest, FaultKind::Unavailable).on_path_containing("/v1/orders"));
    assert_eq!(send(env.gg(Method::GET, "/seller/offers")).await.0, 200, "GET is not PATCH");
    assert_eq!(send(env.ggc(Method::GET, "/v1/offers")).await.0, 200, "other path");
    assert_eq!(send(env.ggc(Method::GET, "/v1/orders")).await.0, 503);
    assert_eq!(env.sandbox.pending_faults().len(), 1);
    env.sandbox.clear_faults();
    assert!(env.sandbox.pending_faults().is_empty());

    // The same over the admin API, as JSON.
    let response = env
        .admin(Method::POST, "/faults")
        .json(&json!({"market": "gg", "kind": "rate_limited", "retry_after_secs": 3, "count": 1, "path_contains": "/seller/dashboard"}))
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success());
    let pending: serde_json::Value = env.admin(Method::GET, "/faults").send().await.unwrap().json().await.unwrap();
    assert_eq!(pending[0]["kind"], "rate_limited");
    assert_eq!(send(env.gg(Method::GET, "/seller/dashboard")).await.0, 429);
    env.admin(Method::POST, "/faults")
        .json(&json!({"market": "ggchest", "kind": "drop_before_apply"}))
        .send()
        .await
        .unwrap();
    env.admin(Method::DELETE, "/faults").send().await.unwrap();
    assert_eq!(send(env.ggc(Method::GET, "/v1/games")).await.0, 200);
    let (status, _) = send(env.admin(Method::POST, "/faults").json(&json!({"market": "gg", "kind": "explode"}))).await;
    assert_eq!(status, 400);
}
