//! The admin API under `/_sandbox`, the request log, reset, and the binary.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use reqwest::Method;
use sandbox::{key_hint, Market, SandboxConfig, State, GGCHEST_KEY_A, GG_KEY_A};
use serde_json::{json, Value};

use crate::common::{send, Env};

#[tokio::test]
async fn state_over_http_is_the_same_snapshot() {
    let env = Env::start().await;
    let state: State = env.admin(Method::GET, "/state").send().await.unwrap().json().await.unwrap();
    assert_eq!(state, env.sandbox.state());
    let (status, info) = send(env.admin(Method::GET, "/")).await;
    assert_eq!(status, 200);
    assert_eq!(info["gg"], env.sandbox.gg_base_url());
    assert_eq!(info["keys"]["ggchest"][0], GGCHEST_KEY_A);
}

#[tokio::test]
async fn added_sellers_start_empty() {
    let env = Env::start().await;
    let (status, _) = send(env.gg_as("pk_test_new", Method::GET, "/seller/products")).await;
    assert_eq!(status, 401);
    env.sandbox.add_seller(Market::Gg, "pk_test_new");
    let (status, body) = send(env.gg_as("pk_test_new", Method::GET, "/seller/products")).await;
    assert_eq!((status, body["total"].clone()), (200, json!(0)));

    let response =
        env.admin(Method::POST, "/sellers").json(&json!({"market": "ggchest", "key": "ggc_new"})).send().await.unwrap();
    assert!(response.status().is_success());
    let (status, body) = send(env.ggc_as("ggc_new", Method::GET, "/v1/offers")).await;
    assert_eq!((status, body["pagination"]["total_count"].clone()), (200, json!(0)));
}

#[tokio::test]
async fn moderation_and_listing_sales_over_admin() {
    let env = Env::start().await;
    let pending = env.sandbox.state().gg_products_of(GG_KEY_A)[3].id.clone();
    let (status, body) =
        send(env.admin(Method::POST, &format!("/gg/products/{pending}/sell")).json(&json!({"count": 1}))).await;
    assert_eq!(status, 409, "not approved yet: {body}");
    let response = env
        .admin(Method::POST, &format!("/gg/products/{pending}/moderation"))
        .json(&json!({"status": "approved"}))
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success());
    let (status, body) =
        send(env.admin(Method::POST, &format!("/gg/products/{pending}/sell")).json(&json!({"count": 2}))).await;
    assert_eq!(status, 200);
    assert_eq!(body["sold"].as_array().unwrap().len(), 2);
    assert_eq!(env.sandbox.state().gg_codes(&pending), vec!["BG3E-0003-SBX"]);
    let (status, _) =
        send(env.admin(Method::POST, &format!("/gg/products/{pending}/sell")).json(&json!({"count": 5}))).await;
    assert_eq!(status, 409, "only one code left");
    let (status, body) = send(env.admin(Method::POST, "/gg/rewards/settle").json(&json!({"seller": GG_KEY_A}))).await;
    assert_eq!((status, body["settled_cents"].clone()), (200, json!(1999 + 1799 + 2 * 4490)));
    let (status, _) =
        send(env.admin(Method::POST, "/gg/products/nope/moderation").json(&json!({"status": "approved"}))).await;
    assert_eq!(status, 404);
    let (status, _) =
        send(env.admin(Method::POST, &format!("/gg/products/{pending}/moderation")).json(&json!({"status": "maybe"})))
            .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn the_log_records_market_requests_and_reset_restores_the_seed() {
    let env = Env::start().await;
    send(env.gg(Method::GET, "/seller/products?limit=5")).await;
    send(env.ggc_anonymous(Method::GET, "/v1/games")).await;
    send(env.admin(Method::GET, "/state")).await;
    let log = env.sandbox.requests();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].market, Market::Gg);
    assert_eq!(
        (log[0].method.as_str(), log[0].path.as_str(), log[0].query.as_deref()),
        ("GET", "/seller/products", Some("limit=5"))
    );
    assert_eq!(log[0].status, Some(200));
    assert_eq!(log[0].key_hint.as_deref(), Some(key_hint(GG_KEY_A).as_str()));
    assert!(!log[0].key_hint.as_deref().unwrap().contains("sandbox_seller"), "keys are not logged whole");
    assert_eq!((log[1].status, log[1].key_hint.clone()), (Some(403), None));
    assert!(log[1].at_ms >= log[0].at_ms);
    let over_http: Vec<Value> = env.admin(Method::GET, "/requests").send().await.unwrap().json().await.unwrap();
    assert_eq!(over_http.len(), 2);

    let seeded = env.sandbox.state();
    send(env.gg(Method::POST, &format!("/seller/products/{}/deactivate", seeded.gg_products_of(GG_KEY_A)[0].id))).await;
    env.sandbox.add_seller(Market::Gg, "pk_extra");
    assert_ne!(env.sandbox.state(), seeded);
    let response = env.admin(Method::POST, "/reset").send().await.unwrap();
    assert!(response.status().is_success());
    let after = env.sandbox.state();
    assert_eq!(after.gg.products, seeded.gg.products);
    assert!(!after.gg.sellers.contains("pk_extra"));
    assert!(env.sandbox.requests().is_empty());
}

#[tokio::test]
async fn empty_sandbox_keeps_keys_catalog_and_games() {
    let env = Env::start_with(SandboxConfig { seed_demo_data: false, ..SandboxConfig::default() }).await;
    let (status, body) = send(env.gg(Method::GET, "/seller/products")).await;
    assert_eq!((status, body["total"].clone()), (200, json!(0)));
    let (_, games) = send(env.ggc(Method::GET, "/v1/games")).await;
    assert!(!games.as_array().unwrap().is_empty());
    let (_, offers) = send(env.ggc(Method::GET, "/v1/offers")).await;
    assert_eq!(offers["pagination"]["total_count"], 0);
    let catalog = env.sandbox.state().gg.products[0].id.clone();
    let (status, _) = send(
        env.gg(Method::POST, "/seller/offers")
            .json(&json!({"product_id": catalog, "price_cents": 100, "codes": ["E-1"]})),
    )
    .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn shutdown_closes_the_port() {
    let env = Env::start().await;
    let url = format!("{}/seller/dashboard", env.sandbox.gg_base_url());
    let http = env.http.clone();
    env.sandbox.shutdown().await;
    let error = http.get(&url).header("X-API-Key", GG_KEY_A).send().await.unwrap_err();
    assert!(error.is_connect() || error.is_request(), "{error}");
}

#[test]
fn binary_prints_its_urls_and_serves() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sellerdesk-sandbox"))
        .args(["--port", "0", "--no-rate-limits"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut next = || lines.next().unwrap().unwrap();
    let (gg, ggchest, admin) = (next(), next(), next());
    let keys = next();
    assert!(gg.starts_with("gg: http://127.0.0.1:") && gg.ends_with("/gg/api/partner/v1"), "{gg}");
    assert!(ggchest.starts_with("ggchest: http://127.0.0.1:") && ggchest.ends_with("/ggchest"), "{ggchest}");
    assert!(admin.starts_with("admin: http://127.0.0.1:") && admin.ends_with("/_sandbox"), "{admin}");
    assert!(keys.contains(GG_KEY_A), "{keys}");
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let status = runtime.block_on(async {
        reqwest::Client::new()
            .get(format!("{}/v1/games", ggchest.trim_start_matches("ggchest: ")))
            .header("X-API-KEY", GGCHEST_KEY_A)
            .send()
            .await
            .unwrap()
            .status()
    });
    // SIGTERM (through the `kill` program, where the machine has one) ends it cleanly.
    match Command::new("kill").arg(child.id().to_string()).status() {
        Ok(sent) if sent.success() => {
            let exit = child.wait().unwrap();
            assert!(exit.success(), "{exit:?}");
        }
        _ => {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }
    assert_eq!(status, 200);
}
