//! GGChest: updating, deleting, batch operations, toggling and repricing offers.

use reqwest::Method;
use sandbox::{GgcOfferStatus, GgcOfferType, GGCHEST_KEY_A, GGCHEST_KEY_B};
use serde_json::{json, Value};

use crate::common::{message_for, properties, send, Env};
use crate::ggchest_create::{accounts_body, currency_body, items_body};

async fn created(env: &Env, kind: &str, body: Value) -> String {
    let (status, answer) = send(env.ggc(Method::POST, &format!("/v1/offers/{kind}")).json(&body)).await;
    assert_eq!(status, 200, "{answer}");
    answer["id"].as_str().unwrap().to_owned()
}

/// The full-data update body of D for an accounts offer with 2 accounts, adding one.
fn accounts_update() -> Value {
    json!({
        "title": "Updated Account Title",
        "description": "Premium account with rare mounts.",
        "price": "89.99",
        "old_price": null,
        "delivery_time": "5m",
        "qty_total": 3,
        "qty_min": 1,
        "attributes": [],
        "accounts": [{"id": null, "login": "newplayer", "password": "NewPass1!", "email_login": null, "email_password": null, "description": null}]
    })
}

#[tokio::test]
async fn updates_take_full_data_and_add_accounts() {
    let env = Env::start().await;
    let id = created(&env, "accounts", accounts_body()).await;
    let path = format!("/v1/offers/accounts/{id}");
    let (status, body) = send(env.ggc(Method::PUT, &path).json(&accounts_update())).await;
    assert_eq!((status, body), (200, json!({})));
    let state = env.sandbox.state();
    let offer = state.ggchest_offer(&id).unwrap();
    assert_eq!(offer.title, "Updated Account Title");
    assert_eq!(offer.price, "89.99");
    assert_eq!(offer.accounts.len(), 3);
    assert_eq!(offer.accounts[2].login, "newplayer");
    assert_eq!(offer.qty_total, 3);
    assert!(offer.attributes.is_empty());

    // D: the full offer data; a partial update (R's "optional fields") is refused.
    let (status, body) = send(env.ggc(Method::PUT, &path).json(&json!({"title": "Only the title"}))).await;
    assert_eq!(status, 400);
    for field in ["description", "price", "delivery_time", "qty_total", "qty_min", "attributes", "accounts"] {
        assert!(properties(&body).contains(&field.to_owned()), "{field}: {body}");
    }
    // Existing accounts are never re-sent: an id is refused.
    let mut with_id = accounts_update();
    with_id["accounts"][0]["id"] = json!(offer.accounts[0].id);
    with_id["qty_total"] = json!(4);
    let (status, body) = send(env.ggc(Method::PUT, &path).json(&with_id)).await;
    assert_eq!((status, message_for(&body, "accounts[0].id")), (400, Some("This value should be null.")));
    // qty_total counts existing plus new accounts.
    let mut wrong_qty = accounts_update();
    wrong_qty["qty_total"] = json!(1);
    let (status, body) = send(env.ggc(Method::PUT, &path).json(&wrong_qty)).await;
    assert_eq!((status, properties(&body)), (400, vec!["qty_total".to_owned()]));
    let mut no_new = accounts_update();
    no_new["accounts"] = json!([]);
    no_new["qty_total"] = json!(3);
    assert_eq!(send(env.ggc(Method::PUT, &path).json(&no_new)).await.0, 200);

    // Another seller, the wrong type's path, an unknown id: 404.
    let (status, body) = send(env.ggc_as(GGCHEST_KEY_B, Method::PUT, &path).json(&no_new)).await;
    assert_eq!((status, body), (404, json!({"message": "Not found."})));
    assert_eq!(send(env.ggc(Method::PUT, &format!("/v1/offers/items/{id}")).json(&no_new)).await.0, 404);
    assert_eq!(
        send(env.ggc(Method::PUT, "/v1/offers/accounts/01980000-0000-7000-8000-00000000dead").json(&no_new)).await.0,
        404
    );
}

#[tokio::test]
async fn items_and_currency_updates() {
    let env = Env::start().await;
    let items = created(&env, "items", items_body()).await;
    let mut update = items_body();
    for gone in ["game_id", "delivery_method"] {
        update.as_object_mut().unwrap().remove(gone);
    }
    update["price"] = json!("119.99");
    update["qty_total"] = json!(50);
    let (status, body) = send(env.ggc(Method::PUT, &format!("/v1/offers/items/{items}")).json(&update)).await;
    assert_eq!((status, body), (200, json!({})));
    let state = env.sandbox.state();
    assert_eq!(state.ggchest_offer(&items).unwrap().qty_total, 50);

    let currency = created(&env, "currency", currency_body()).await;
    let mut update = currency_body();
    update["qty_min"] = json!(500);
    update["attributes"] =
        json!([{"id": "aa0e8400-e29b-41d4-a716-446655440020", "option_id": "bb0e8400-e29b-41d4-a716-446655440099"}]);
    let path = format!("/v1/offers/currency/{currency}");
    let (status, body) = send(env.ggc(Method::PUT, &path).json(&update)).await;
    assert_eq!((status, message_for(&body, "attributes")), (422, Some("Invalid attribute option combination")));
    update["attributes"] = json!([]);
    assert_eq!(send(env.ggc(Method::PUT, &path).json(&update)).await.0, 200);
    let state = env.sandbox.state();
    let offer = state.ggchest_offer(&currency).unwrap();
    assert_eq!((offer.qty_min, offer.offer_type), (500, GgcOfferType::Currency));
}

#[tokio::test]
async fn deleted_offers_are_listed_but_cannot_be_changed() {
    let env = Env::start().await;
    let id = created(&env, "items", items_body()).await;
    let (status, body) = send(env.ggc(Method::DELETE, &format!("/v1/offers/{id}"))).await;
    assert_eq!((status, body), (200, json!({})));
    assert_eq!(env.sandbox.state().ggchest_offer(&id).unwrap().status, GgcOfferStatus::Deleted);
    let (_, deleted) = send(env.ggc(Method::GET, "/v1/offers?filters[status]=deleted")).await;
    assert!(deleted["items"].as_array().unwrap().iter().any(|o| o["id"] == id.as_str()));
    let (_, live) = send(env.ggc(Method::GET, "/v1/offers?pagination[per_page]=100")).await;
    assert!(!live["items"].as_array().unwrap().iter().any(|o| o["id"] == id.as_str()));

    for (method, path) in [
        (Method::DELETE, format!("/v1/offers/{id}")),
        (Method::PUT, format!("/v1/offers/{id}/toggle")),
        (Method::PUT, format!("/v1/offers/{id}/price")),
        (Method::PUT, format!("/v1/offers/items/{id}")),
    ] {
        let (status, _) = send(env.ggc(method.clone(), &path).json(&json!({"price": "1.00"}))).await;
        assert_eq!(status, 404, "{method} {path}");
    }
    let (status, _) = send(env.ggc_as(
        GGCHEST_KEY_B,
        Method::DELETE,
        &format!("/v1/offers/{}", env.sandbox.state().ggchest_offers_of(GGCHEST_KEY_A)[0].id),
    ))
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn toggle_switches_between_active_and_draft() {
    let env = Env::start().await;
    let id = created(&env, "items", items_body()).await;
    let status_of = |env: &Env| env.sandbox.state().ggchest_offer(&id).unwrap().status;
    let (status, body) = send(env.ggc(Method::PUT, &format!("/v1/offers/{id}/toggle"))).await;
    assert_eq!((status, body), (200, json!({})));
    assert_eq!(status_of(&env), GgcOfferStatus::Active);
    send(env.ggc(Method::PUT, &format!("/v1/offers/{id}/toggle")).json(&json!({}))).await;
    assert_eq!(status_of(&env), GgcOfferStatus::Draft);
}

#[tokio::test]
async fn price_updates_follow_the_pattern() {
    let env = Env::start().await;
    let id = created(&env, "items", items_body()).await;
    let path = format!("/v1/offers/{id}/price");
    let (status, body) = send(env.ggc(Method::PUT, &path).json(&json!({"price": "66.3"}))).await;
    assert_eq!((status, body), (200, json!({})));
    assert_eq!(env.sandbox.state().ggchest_offer(&id).unwrap().price, "66.30");
    for bad in [json!({"price": "66.321"}), json!({"price": 66.32}), json!({}), json!({"price": "-1"})] {
        let (status, body) = send(env.ggc(Method::PUT, &path).json(&bad)).await;
        assert_eq!((status, properties(&body)), (400, vec!["price".to_owned()]), "{bad}");
    }
}

#[tokio::test]
async fn batch_operations_check_offers_ids() {
    let env = Env::start().await;
    let a = created(&env, "items", items_body()).await;
    let b = created(&env, "items", items_body()).await;
    let batch = |method: Method, path: &str, body: Value| env.ggc(method, path).json(&body);

    let (status, body) = send(batch(Method::PUT, "/v1/offers/activate", json!({"offers_ids": [a, b]}))).await;
    assert_eq!((status, body), (200, Value::Null), "200 with no body (D)");
    let state = env.sandbox.state();
    assert!([&a, &b].iter().all(|id| state.ggchest_offer(id).unwrap().status == GgcOfferStatus::Active));
    send(batch(Method::PUT, "/v1/offers/draft", json!({"offers_ids": [a]}))).await;
    assert_eq!(env.sandbox.state().ggchest_offer(&a).unwrap().status, GgcOfferStatus::Draft);

    let too_many: Vec<String> = (0..101).map(|i| format!("01980000-0000-7000-8000-{i:012}")).collect();
    for (body, message) in [
        (json!({"offers_ids": []}), "At least one offer ID is required"),
        (json!({}), "At least one offer ID is required"),
        (json!({"offers_ids": [a, a]}), "This collection should contain only unique elements."),
        (json!({"offers_ids": ["not-a-uuid"]}), "This is not a valid UUID."),
        (json!({"offers_ids": too_many}), "This collection should contain 100 elements or less."),
    ] {
        for (method, path) in
            [(Method::DELETE, "/v1/offers"), (Method::PUT, "/v1/offers/activate"), (Method::PUT, "/v1/offers/draft")]
        {
            let (status, answer) = send(batch(method, path, body.clone())).await;
            assert_eq!(status, 400, "{path} {body}");
            assert_eq!(message_for(&answer, "offers_ids"), Some(message), "{path}");
        }
    }
    // All or nothing: another seller's offer makes the whole batch 404.
    let others = env.sandbox.state().ggchest_offers_of(GGCHEST_KEY_B)[0].id.clone();
    let (status, _) = send(batch(Method::DELETE, "/v1/offers", json!({"offers_ids": [a, others]}))).await;
    assert_eq!(status, 404);
    assert_eq!(env.sandbox.state().ggchest_offer(&a).unwrap().status, GgcOfferStatus::Draft);

    let (status, _) = send(batch(Method::DELETE, "/v1/offers", json!({"offers_ids": [a, b]}))).await;
    assert_eq!(status, 200);
    let state = env.sandbox.state();
    assert!(state
        .ggchest_offers_of(GGCHEST_KEY_A)
        .iter()
        .filter(|o| o.id == a || o.id == b)
        .all(|o| o.status == GgcOfferStatus::Deleted));
}
