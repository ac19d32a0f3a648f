//! Gaming Goods: authentication, dashboard, listings, codes.

use reqwest::Method;
use sandbox::{GgModeration, GGCHEST_KEY_A, GG_KEY_A, GG_KEY_B};
use serde_json::{json, Value};

use crate::common::{gg_code, send, Env};

fn new_listing(name: &str) -> Value {
    json!({
        "name": name,
        "description": "Open-world action-adventure",
        "category": "Game Keys",
        "brand": "CD Projekt",
        "price": 19.99,
        "currency": "EUR",
        "delivery_type": "AUTO",
        "image_url": "https://img.example/cp.png",
        "codes": ["AAAA-BBBB-CCCC", "DDDD-EEEE-FFFF"]
    })
}

#[tokio::test]
async fn missing_or_wrong_keys_are_401_unauthorized() {
    let env = Env::start().await;
    for request in [
        env.gg_anonymous(Method::GET, "/seller/dashboard"),
        env.gg_as("pk_live_nope", Method::GET, "/seller/dashboard"),
        env.gg_as(GGCHEST_KEY_A, Method::GET, "/seller/dashboard"),
        env.gg_as("", Method::GET, "/seller/products"),
    ] {
        let (status, body) = send(request).await;
        assert_eq!(status, 401);
        assert_eq!(gg_code(&body), "UNAUTHORIZED");
        assert!(body["error"]["message"].is_string());
    }
}

#[tokio::test]
async fn unknown_routes_are_404_in_gg_format() {
    let env = Env::start().await;
    let (status, body) = send(env.gg(Method::GET, "/seller/nothing")).await;
    assert_eq!((status, gg_code(&body)), (404, "NOT_FOUND"));
    // A known path with another method.
    let (status, body) = send(env.gg(Method::DELETE, "/seller/dashboard")).await;
    assert_eq!((status, gg_code(&body)), (404, "NOT_FOUND"));
}

#[tokio::test]
async fn dashboard_is_computed_from_state() {
    let env = Env::start().await;
    let (status, body) = send(env.gg(Method::GET, "/seller/dashboard")).await;
    assert_eq!(status, 200);
    // Seeded: 6 listings (3 on sale, 1 pending), 3 sales of 19.99, 19.99 (settled) and 17.99.
    assert_eq!(
        body,
        json!({"total_products": 6, "active_products": 3, "pending_products": 1,
               "total_sales": 3, "pending_rewards": 3798, "available_rewards": 1999})
    );
    let listing = &env.sandbox.state().gg_products_of(GG_KEY_A)[0].id.clone();
    env.sandbox.gg_sell_listing(listing, 2).unwrap();
    env.sandbox.gg_settle_rewards(GG_KEY_A);
    let (_, body) = send(env.gg(Method::GET, "/seller/dashboard")).await;
    assert_eq!(body["total_sales"], 5);
    assert_eq!(body["pending_rewards"], 0);
    assert_eq!(body["available_rewards"], 1999 * 4 + 1799);
}

#[tokio::test]
async fn products_paginate_with_limit_and_offset() {
    let env = Env::start().await;
    let (status, body) = send(env.gg(Method::GET, "/seller/products")).await;
    assert_eq!(status, 200);
    assert_eq!((body["limit"].clone(), body["offset"].clone(), body["total"].clone()), (json!(20), json!(0), json!(6)));
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), 6);
    let first = &items[0];
    for field in [
        "id",
        "slug",
        "title",
        "price",
        "currency",
        "stock_quantity",
        "delivery_type",
        "moderation_status",
        "is_active",
        "stock_available",
        "created_at",
    ] {
        assert!(first.get(field).is_some(), "list item lacks {field}");
    }
    assert_eq!(first["price"], json!(19.99));
    assert_eq!((first["stock_quantity"].clone(), first["stock_available"].clone()), (json!(12), json!(10)));

    let (_, page) = send(env.gg(Method::GET, "/seller/products?limit=2&offset=4")).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    assert_eq!(page["items"][0]["id"], items[4]["id"]);
    let (_, beyond) = send(env.gg(Method::GET, "/seller/products?offset=50")).await;
    assert_eq!(beyond["items"], json!([]));
    assert_eq!(beyond["total"], 6);

    for bad in ["limit=0", "limit=101", "limit=abc", "offset=-1", "limit=2.5"] {
        let (status, body) = send(env.gg(Method::GET, &format!("/seller/products?{bad}"))).await;
        assert_eq!((status, gg_code(&body)), (400, "VALIDATION_ERROR"), "{bad}");
    }
    let (status, _) = send(env.gg(Method::GET, "/seller/products?limit=100")).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn create_listing_goes_to_moderation_with_its_codes() {
    let env = Env::start().await;
    let (status, body) = send(env.gg(Method::POST, "/seller/products").json(&new_listing("Brand New Key"))).await;
    assert_eq!(status, 200);
    let product = &body["product"];
    assert_eq!(product["title"], "Brand New Key");
    assert_eq!(product["price"], json!(19.99));
    assert_eq!(product["currency"], "EUR");
    assert_eq!(product["delivery_type"], "AUTO");
    assert_eq!(product["moderation_status"], "pending");
    assert_eq!(product["is_active"], true);
    let id = product["id"].as_str().unwrap();
    assert_eq!(env.sandbox.state().gg_codes(id), vec!["AAAA-BBBB-CCCC", "DDDD-EEEE-FFFF"]);

    // Unique title per seller (case-insensitive); another seller may reuse it.
    let (status, body) = send(env.gg(Method::POST, "/seller/products").json(&new_listing("brand new KEY"))).await;
    assert_eq!((status, gg_code(&body)), (422, "BUSINESS_RULE_VIOLATION"));
    let (status, _) =
        send(env.gg_as(GG_KEY_B, Method::POST, "/seller/products").json(&new_listing("Brand New Key"))).await;
    assert_eq!(status, 200);

    let mut manual = new_listing("Manual One");
    manual["delivery_type"] = json!("MANUAL");
    manual.as_object_mut().unwrap().remove("codes");
    let (status, body) = send(env.gg(Method::POST, "/seller/products").json(&manual)).await;
    assert_eq!(status, 200);
    assert_eq!(body["product"]["delivery_type"], "MANUAL");
}

#[tokio::test]
async fn create_listing_validation() {
    let env = Env::start().await;
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Change, u16, &str)> = vec![
        ("price with 3 decimals", Box::new(|b| b["price"] = json!(19.999)), 400, "VALIDATION_ERROR"),
        ("zero price", Box::new(|b| b["price"] = json!(0)), 400, "VALIDATION_ERROR"),
        ("negative price", Box::new(|b| b["price"] = json!(-1)), 400, "VALIDATION_ERROR"),
        ("price as string", Box::new(|b| b["price"] = json!("19.99")), 400, "VALIDATION_ERROR"),
        (
            "no name",
            Box::new(|b| {
                b.as_object_mut().unwrap().remove("name");
            }),
            400,
            "VALIDATION_ERROR",
        ),
        ("blank description", Box::new(|b| b["description"] = json!("  ")), 400, "VALIDATION_ERROR"),
        ("lower-case delivery type", Box::new(|b| b["delivery_type"] = json!("auto")), 400, "VALIDATION_ERROR"),
        ("bad currency", Box::new(|b| b["currency"] = json!("euro")), 400, "VALIDATION_ERROR"),
        ("bad image url", Box::new(|b| b["image_url"] = json!("not a url")), 400, "VALIDATION_ERROR"),
        ("title instead of name", Box::new(|b| b["title"] = json!("x")), 400, "VALIDATION_ERROR"),
        ("AUTO without codes", Box::new(|b| b["codes"] = json!([])), 400, "VALIDATION_ERROR"),
        ("MANUAL with codes", Box::new(|b| b["delivery_type"] = json!("MANUAL")), 422, "BUSINESS_RULE_VIOLATION"),
        ("repeated code", Box::new(|b| b["codes"] = json!(["X-1", "X-1"])), 422, "BUSINESS_RULE_VIOLATION"),
    ];
    for (name, change, status, code) in cases {
        let mut body = new_listing("Validation Case");
        change(&mut body);
        let (got, answer) = send(env.gg(Method::POST, "/seller/products").json(&body)).await;
        assert_eq!((got, gg_code(&answer)), (status, code), "{name}: {answer}");
    }
    let (status, body) = send(env.gg(Method::POST, "/seller/products").body("{not json")).await;
    assert_eq!((status, gg_code(&body)), (400, "VALIDATION_ERROR"));
    let (status, body) = send(
        env.gg(Method::POST, "/seller/products")
            .json(&json!({"name": "x", "description": "y", "price": 0, "currency": "EUR", "delivery_type": "MANUAL"})),
    )
    .await;
    assert_eq!(body["error"]["message"], "price must be positive", "{status}");
    // Nothing was created by the failures.
    assert_eq!(env.sandbox.state().gg_products_of(GG_KEY_A).len(), 6);
}

#[tokio::test]
async fn detail_is_404_for_products_of_others() {
    let env = Env::start().await;
    let state = env.sandbox.state();
    let own = &state.gg_products_of(GG_KEY_A)[0];
    let (status, body) = send(env.gg(Method::GET, &format!("/seller/products/{}", own.id))).await;
    assert_eq!(status, 200);
    assert_eq!(body["id"], own.id.as_str());
    assert_eq!(body["stock_available"], 10);
    assert!(body["description"].is_string());

    let others = state.gg_products_of(GG_KEY_B)[0].id.clone();
    let catalog = state.gg.products[0].id.clone();
    for id in [others.as_str(), catalog.as_str(), "a1b2c3d4-0000-0000-0000-000000000000"] {
        let (status, body) = send(env.gg(Method::GET, &format!("/seller/products/{id}"))).await;
        assert_eq!((status, gg_code(&body)), (404, "NOT_FOUND"), "{id}");
        let (status, _) =
            send(env.gg(Method::PUT, &format!("/seller/products/{id}")).json(&json!({"price": 1.5}))).await;
        assert_eq!(status, 404);
        let (status, _) = send(env.gg(Method::POST, &format!("/seller/products/{id}/deactivate"))).await;
        assert_eq!(status, 404);
        let (status, _) =
            send(env.gg(Method::POST, &format!("/seller/products/{id}/codes")).json(&json!({"codes": ["Q"]}))).await;
        assert_eq!(status, 404);
    }
}

#[tokio::test]
async fn update_moderates_significant_edits_and_reenables() {
    let env = Env::start().await;
    let id = env.sandbox.state().gg_products_of(GG_KEY_A)[0].id.clone();
    let path = format!("/seller/products/{id}");

    let (status, body) = send(env.gg(Method::PUT, &path).json(&json!({"price": 17.99}))).await;
    assert_eq!(status, 200);
    assert_eq!(body["product"]["price"], json!(17.99));
    assert_eq!(body["product"]["moderation_status"], "approved", "a price change is not significant");

    let (_, body) = send(
        env.gg(Method::PUT, &path)
            .json(&json!({"name": "Cyberpunk 2077 Steam Key — RU", "image_url": "https://img.example/ru.png"})),
    )
    .await;
    assert_eq!(body["product"]["title"], "Cyberpunk 2077 Steam Key — RU");
    assert_eq!(body["product"]["moderation_status"], "pending");

    let (status, body) = send(env.gg(Method::POST, &format!("{path}/deactivate"))).await;
    assert_eq!(status, 200);
    assert_eq!(body["product"]["id"], id.as_str());
    assert_eq!(body["product"]["is_active"], false);
    let (_, body) = send(env.gg(Method::PUT, &path).json(&json!({"is_active": true}))).await;
    assert_eq!(body["product"]["is_active"], true);

    env.sandbox.gg_set_moderation(&id, GgModeration::Approved).unwrap();
    assert!(env.sandbox.state().gg_product(&id).unwrap().on_sale());

    let taken = env.sandbox.state().gg_products_of(GG_KEY_A)[1].title.clone();
    for (body, status) in [
        (json!({}), 400),
        (json!({"currency": "USD"}), 400),
        (json!({"price": 1.001}), 400),
        (json!({"is_active": "yes"}), 400),
        (json!({"name": taken}), 422),
    ] {
        let (got, _) = send(env.gg(Method::PUT, &path).json(&body)).await;
        assert_eq!(got, status, "{body}");
    }
}

#[tokio::test]
async fn codes_upload_only_to_own_auto_listings_and_reject_duplicates_atomically() {
    let env = Env::start().await;
    let state = env.sandbox.state();
    let auto = state.gg_products_of(GG_KEY_A)[1].clone(); // 5 unsold codes TW3G-0001..5
    let manual = state.gg_products_of(GG_KEY_A)[2].id.clone();
    let path = format!("/seller/products/{}/codes", auto.id);

    let (status, body) = send(env.gg(Method::POST, &path).json(&json!({"codes": ["NEW-1", "NEW-2"]}))).await;
    assert_eq!(status, 200);
    assert_eq!(body, json!({"uploaded": 2, "stock_available": 7}));

    let (status, body) =
        send(env.gg(Method::POST, &path).json(&json!({"codes": ["NEW-3", "TW3G-0001-SBX", "NEW-3"]}))).await;
    assert_eq!((status, gg_code(&body)), (422, "BUSINESS_RULE_VIOLATION"));
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("TW3G-0001-SBX") && message.contains("NEW-3"), "{message}");
    assert_eq!(env.sandbox.state().gg_codes(&auto.id).len(), 7, "nothing added");

    let (status, body) =
        send(env.gg(Method::POST, &format!("/seller/products/{manual}/codes")).json(&json!({"codes": ["M-1"]}))).await;
    assert_eq!((status, gg_code(&body)), (422, "BUSINESS_RULE_VIOLATION"));
    for bad in [json!({"codes": []}), json!({}), json!({"codes": "A"}), json!({"codes": [1]})] {
        let (status, body) = send(env.gg(Method::POST, &path).json(&bad)).await;
        assert_eq!((status, gg_code(&body)), (400, "VALIDATION_ERROR"), "{bad}");
    }
}
