//! Gaming Goods C2C offers.

use reqwest::Method;
use sandbox::{GgModeration, GG_KEY_A, GG_KEY_B};
use serde_json::json;

use crate::common::{gg_code, send, Env};

/// A catalog product no seeded seller has offers on.
fn fresh_catalog_product(env: &Env) -> String {
    env.sandbox.state().gg.products[5].id.clone()
}

#[tokio::test]
async fn offers_are_added_listed_per_product_and_price_and_paginated() {
    let env = Env::start().await;
    let product = fresh_catalog_product(&env);
    let (status, body) = send(
        env.gg(Method::POST, "/seller/offers")
            .json(&json!({"product_id": product, "price_cents": 1799, "codes": ["O-1", "O-2", "O-3"]})),
    )
    .await;
    assert_eq!((status, body), (200, json!({"added": 3})));
    let (_, _) = send(
        env.gg(Method::POST, "/seller/offers")
            .json(&json!({"product_id": product, "price_cents": 1999, "codes": ["O-4"]})),
    )
    .await;

    let (status, body) = send(env.gg(Method::GET, "/seller/offers")).await;
    assert_eq!(status, 200);
    assert_eq!(
        (body["total"].clone(), body["page"].clone(), body["page_size"].clone()),
        (json!(5), json!(1), json!(20))
    );
    let rows = body["offers"].as_array().unwrap();
    assert!(rows.contains(&json!({"product_id": product, "price_cents": 1799, "available": 3, "sold": 0})));
    assert!(rows.contains(&json!({"product_id": product, "price_cents": 1999, "available": 1, "sold": 0})));
    // Seeded: 4 codes at 1799 on catalog product 1, one of them sold.
    let seeded = env.sandbox.state().gg.products[0].id.clone();
    assert!(rows.contains(&json!({"product_id": seeded, "price_cents": 1799, "available": 3, "sold": 1})));

    let (_, page) = send(env.gg(Method::GET, "/seller/offers?page=2&page_size=2")).await;
    assert_eq!(page["offers"].as_array().unwrap().len(), 2);
    assert_eq!(page["offers"][0], rows[2]);
    let (_, last) = send(env.gg(Method::GET, "/seller/offers?page=3&page_size=2")).await;
    assert_eq!(last["offers"].as_array().unwrap().len(), 1);
    for bad in ["page=0", "page_size=0", "page_size=101", "page=x"] {
        let (status, body) = send(env.gg(Method::GET, &format!("/seller/offers?{bad}"))).await;
        assert_eq!((status, gg_code(&body)), (400, "VALIDATION_ERROR"), "{bad}");
    }
}

#[tokio::test]
async fn add_offer_validation() {
    let env = Env::start().await;
    let product = fresh_catalog_product(&env);
    for (body, status, code) in [
        (json!({"product_id": product, "price_cents": 17.99, "codes": ["A"]}), 400, "VALIDATION_ERROR"),
        (json!({"product_id": product, "price_cents": "1799", "codes": ["A"]}), 400, "VALIDATION_ERROR"),
        (json!({"product_id": product, "price_cents": 0, "codes": ["A"]}), 400, "VALIDATION_ERROR"),
        (json!({"product_id": product, "price_cents": -5, "codes": ["A"]}), 400, "VALIDATION_ERROR"),
        (json!({"product_id": product, "price_cents": 100, "codes": []}), 400, "VALIDATION_ERROR"),
        (json!({"product_id": product, "price_cents": 100}), 400, "VALIDATION_ERROR"),
        (json!({"price_cents": 100, "codes": ["A"]}), 400, "VALIDATION_ERROR"),
        (json!({"product_id": "no-such-product", "price_cents": 100, "codes": ["A"]}), 404, "NOT_FOUND"),
        (json!({"product_id": product, "price_cents": 100, "codes": ["A", "A"]}), 422, "BUSINESS_RULE_VIOLATION"),
    ] {
        let (got, answer) = send(env.gg(Method::POST, "/seller/offers").json(&body)).await;
        assert_eq!((got, gg_code(&answer)), (status, code), "{body}");
    }
    // A code this seller already offers on the product; another seller may offer the same text.
    send(
        env.gg(Method::POST, "/seller/offers")
            .json(&json!({"product_id": product, "price_cents": 100, "codes": ["DUP-1"]})),
    )
    .await;
    let (status, body) = send(
        env.gg(Method::POST, "/seller/offers")
            .json(&json!({"product_id": product, "price_cents": 200, "codes": ["DUP-2", "DUP-1"]})),
    )
    .await;
    assert_eq!((status, gg_code(&body)), (422, "BUSINESS_RULE_VIOLATION"));
    assert!(body["error"]["message"].as_str().unwrap().contains("DUP-1"));
    assert_eq!(env.sandbox.state().gg_offers_of(GG_KEY_A).iter().filter(|o| o.product_id == product).count(), 1);
    let (status, _) = send(
        env.gg_as(GG_KEY_B, Method::POST, "/seller/offers")
            .json(&json!({"product_id": product, "price_cents": 100, "codes": ["DUP-1"]})),
    )
    .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn offers_go_on_any_visible_product_including_own_listings() {
    let env = Env::start().await;
    let state = env.sandbox.state();
    let own_pending = state.gg_products_of(GG_KEY_A)[3].id.clone();
    let others_listing = state.gg_products_of(GG_KEY_B)[0].id.clone();
    let add = |id: &str| {
        env.gg(Method::POST, "/seller/offers").json(&json!({"product_id": id, "price_cents": 500, "codes": ["Z-1"]}))
    };
    assert_eq!(send(add(&own_pending)).await.0, 200);
    assert_eq!(send(add(&others_listing)).await.0, 200);
    // Another seller's listing that is not approved is not in the marketplace.
    env.sandbox.gg_set_moderation(&others_listing, GgModeration::Pending).unwrap();
    let (status, body) = send(
        env.gg_as(GG_KEY_A, Method::POST, "/seller/offers")
            .json(&json!({"product_id": others_listing, "price_cents": 500, "codes": ["Z-2"]})),
    )
    .await;
    // A already has offers there, so it still sees the product.
    assert_eq!(status, 200, "{body}");
    let a_pending = env.sandbox.state().gg_products_of(GG_KEY_A)[3].id.clone();
    let (status, body) = send(
        env.gg_as(GG_KEY_B, Method::POST, "/seller/offers")
            .json(&json!({"product_id": a_pending, "price_cents": 500, "codes": ["Y-1"]})),
    )
    .await;
    assert_eq!((status, gg_code(&body)), (404, "NOT_FOUND"));
}

#[tokio::test]
async fn reprice_changes_only_unsold_codes_at_the_old_price() {
    let env = Env::start().await;
    let product = env.sandbox.state().gg.products[0].id.clone(); // seeded: A 4 × 1799 (1 sold), 1 × 1899
    let path = format!("/seller/offers/{product}/price");
    let (status, body) =
        send(env.gg(Method::PATCH, &path).json(&json!({"old_price_cents": 1799, "new_price_cents": 1699}))).await;
    assert_eq!((status, body), (200, json!({"updated": 3})));
    let state = env.sandbox.state();
    let mine: Vec<_> = state.gg_offers_of(GG_KEY_A).into_iter().filter(|o| o.product_id == product).collect();
    assert_eq!(mine.iter().filter(|o| o.price_cents == 1699).count(), 3);
    assert!(mine.iter().any(|o| o.sold && o.price_cents == 1799), "the sold code keeps its price");
    assert!(mine.iter().any(|o| o.price_cents == 1899));
    // B's offers on the same product are untouched.
    assert!(state.gg_offers_of(GG_KEY_B).iter().all(|o| o.price_cents == 1750));

    let (_, body) =
        send(env.gg(Method::PATCH, &path).json(&json!({"old_price_cents": 1111, "new_price_cents": 1699}))).await;
    assert_eq!(body, json!({"updated": 0}));
    for bad in [
        json!({"old_price_cents": 1799}),
        json!({"old_price_cents": 1799, "new_price_cents": 0}),
        json!({"old_price_cents": 17.99, "new_price_cents": 1699}),
    ] {
        let (status, body) = send(env.gg(Method::PATCH, &path).json(&bad)).await;
        assert_eq!((status, gg_code(&body)), (400, "VALIDATION_ERROR"), "{bad}");
    }
    let (status, _) = send(
        env.gg(Method::PATCH, "/seller/offers/nope/price").json(&json!({"old_price_cents": 1, "new_price_cents": 2})),
    )
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn delete_removes_unsold_codes_and_keeps_sold_ones() {
    let env = Env::start().await;
    let product = env.sandbox.state().gg.products[0].id.clone();
    let (status, body) = send(env.gg(Method::DELETE, &format!("/seller/offers/{product}"))).await;
    assert_eq!((status, body), (200, json!({"deleted": 4})));
    let state = env.sandbox.state();
    let left: Vec<_> = state.gg_offers_of(GG_KEY_A).into_iter().filter(|o| o.product_id == product).collect();
    assert_eq!(left.len(), 1);
    assert!(left[0].sold);
    assert_eq!(state.gg_offers_of(GG_KEY_B).len(), 2, "other sellers' offers stay");
    let (_, list) = send(env.gg(Method::GET, "/seller/offers")).await;
    assert!(list["offers"]
        .as_array()
        .unwrap()
        .contains(&json!({"product_id": product, "price_cents": 1799, "available": 0, "sold": 1})));
    let (status, _) = send(env.gg(Method::DELETE, "/seller/offers/no-such-product")).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn buyers_take_the_cheapest_offer_first() {
    let env = Env::start().await;
    let product = env.sandbox.state().gg.products[0].id.clone();
    let response = env
        .admin(Method::POST, "/gg/offers/sell")
        .json(&json!({"product_id": product, "count": 3}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    let prices: Vec<u64> =
        body["sold"].as_array().unwrap().iter().map(|s| s["price_cents"].as_u64().unwrap()).collect();
    assert_eq!(prices, vec![1750, 1750, 1799], "B undercuts A");
    let (_, offers) = send(env.gg(Method::GET, "/seller/offers")).await;
    assert!(offers["offers"]
        .as_array()
        .unwrap()
        .contains(&json!({"product_id": product, "price_cents": 1799, "available": 2, "sold": 2})));
    let (_, dashboard) = send(env.gg(Method::GET, "/seller/dashboard")).await;
    assert_eq!(dashboard["total_sales"], 4);
}
