//! GGChest: creating offers (the create-offers guide's rules).

use reqwest::Method;
use sandbox::{GgcDeliveryMethod, GgcOfferStatus, GGCHEST_KEY_A};
use serde_json::{json, Value};

use crate::common::{message_for, properties, send, Env};

const WOW: &str = "550e8400-e29b-41d4-a716-446655440000";
const SERVER: &str = "aa0e8400-e29b-41d4-a716-446655440020";
const US_EAST: &str = "bb0e8400-e29b-41d4-a716-446655440021";
const LEVEL: &str = "aa0e8400-e29b-41d4-a716-446655440024";
const LEVEL_1_10: &str = "bb0e8400-e29b-41d4-a716-446655440025";
const GOLD: &str = "880e8400-e29b-41d4-a716-446655440010";

pub fn accounts_body() -> Value {
    json!({
        "game_id": WOW,
        "title": "World of Warcraft Level 60 Account",
        "description": "Premium account with rare mounts and achievements.",
        "price": "99.99",
        "delivery_method": "manual",
        "delivery_time": "1d",
        "qty_total": 2,
        "qty_min": 1,
        "attributes": [{"id": SERVER, "option_id": US_EAST}, {"id": LEVEL, "option_id": LEVEL_1_10}],
        "accounts": [
            {"login": "player123", "password": "SecurePassword123!", "email_login": "p@example.com", "email_password": "E1", "description": "rare mounts"},
            {"login": "player456", "password": "AnotherSecurePass456!", "email_login": null, "email_password": null, "description": null}
        ]
    })
}

pub fn items_body() -> Value {
    json!({
        "game_id": WOW,
        "title": "Legendary Sword +10",
        "description": "Fully upgraded legendary sword.",
        "price": "49.99",
        "delivery_method": "manual",
        "delivery_time": "1d",
        "qty_total": 100,
        "qty_min": 1,
        "attributes": [{"id": SERVER, "option_id": US_EAST}]
    })
}

pub fn currency_body() -> Value {
    json!({
        "game_id": WOW,
        "game_currency_id": GOLD,
        "title": "100,000 Gold",
        "description": "Fast and secure gold delivery.",
        "price": "29.99",
        "delivery_time": "5m",
        "qty_total": 10000,
        "qty_min": 100,
        "attributes": [{"id": SERVER, "option_id": US_EAST}]
    })
}

async fn create(env: &Env, kind: &str, body: &Value) -> (u16, Value) {
    send(env.ggc(Method::POST, &format!("/v1/offers/{kind}")).json(body)).await
}

#[tokio::test]
async fn created_offers_are_drafts_with_what_was_sent() {
    let env = Env::start().await;
    let (status, body) = create(&env, "accounts", &accounts_body()).await;
    assert_eq!(status, 200);
    let id = body["id"].as_str().unwrap().to_owned();
    assert_eq!(body, json!({"id": id}));
    let state = env.sandbox.state();
    let offer = state.ggchest_offer(&id).unwrap();
    assert_eq!(offer.seller, GGCHEST_KEY_A);
    assert_eq!(offer.status, GgcOfferStatus::Draft);
    assert_eq!(offer.accounts.len(), 2);
    assert_eq!(offer.accounts[0].password, "SecurePassword123!");
    assert_eq!(offer.qty_total, 2);

    let (status, body) = create(&env, "items", &items_body()).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = create(&env, "currency", &currency_body()).await;
    assert_eq!(status, 200, "{body}");
    let currency = env.sandbox.state().ggchest_offer(body["id"].as_str().unwrap()).unwrap().clone();
    assert_eq!(currency.delivery_method, None);
    assert_eq!(currency.game_currency_id.as_deref(), Some(GOLD));

    // Price is normalized to two decimals; old_price is optional (string or null).
    let mut cheap = items_body();
    cheap["price"] = json!("100");
    cheap["old_price"] = json!("120.5");
    let (_, body) = create(&env, "items", &cheap).await;
    let (_, one) = send(env.ggc(Method::GET, &format!("/v1/offers/{}", body["id"].as_str().unwrap()))).await;
    assert_eq!((one["price"].clone(), one["old_price"].clone()), (json!("100.00"), json!("120.50")));
}

#[tokio::test]
async fn missing_and_malformed_fields_are_400_with_every_property() {
    let env = Env::start().await;
    let (status, body) = create(&env, "accounts", &json!({})).await;
    assert_eq!(status, 400);
    assert_eq!(body["message"], "Bad request");
    let props = properties(&body);
    for field in [
        "game_id",
        "title",
        "description",
        "price",
        "delivery_method",
        "delivery_time",
        "qty_total",
        "qty_min",
        "attributes",
        "accounts",
    ] {
        assert!(props.contains(&field.to_owned()), "{field} missing from {props:?}");
    }

    let mut bad = accounts_body();
    bad["price"] = json!("66.321");
    bad["old_price"] = json!("1,5");
    bad["delivery_time"] = json!("2w");
    bad["delivery_method"] = json!("courier");
    bad["qty_min"] = json!(-1);
    bad["qty_total"] = json!("2");
    bad["game_id"] = json!("not-a-uuid");
    bad["accounts"][1]["password"] = json!("");
    bad["attributes"][0] = json!({"id": SERVER});
    let (status, body) = create(&env, "accounts", &bad).await;
    assert_eq!(status, 400);
    assert_eq!(message_for(&body, "price"), Some("Price must match pattern ^[0-9]{1,16}(\\.[0-9]{1,2})?$"));
    assert!(message_for(&body, "old_price").is_some());
    assert_eq!(message_for(&body, "delivery_time"), Some("The value you selected is not a valid choice."));
    assert_eq!(message_for(&body, "delivery_method"), Some("The value you selected is not a valid choice."));
    for property in ["qty_min", "qty_total", "game_id", "accounts[1].password", "attributes[0].option_id"] {
        assert!(message_for(&body, property).is_some(), "{property}: {body}");
    }

    let mut long = items_body();
    long["price"] = json!("12345678901234567.5");
    let (status, body) = create(&env, "items", &long).await;
    assert_eq!(status, 400);
    assert_eq!(properties(&body), vec!["price"]);
    let (status, body) = send(env.ggc(Method::POST, "/v1/offers/items").body("[1,2")).await;
    assert_eq!((status, body["message"].clone()), (400, json!("Bad request")));
    assert_eq!(env.sandbox.state().ggchest_offers_of(GGCHEST_KEY_A).len(), 12, "nothing created");
}

#[tokio::test]
async fn quantities_must_match_accounts_and_auto_items() {
    let env = Env::start().await;
    let mut accounts = accounts_body();
    accounts["qty_total"] = json!(5);
    let (status, body) = create(&env, "accounts", &accounts).await;
    assert_eq!((status, properties(&body)), (400, vec!["qty_total".to_owned()]));

    let mut auto_items = items_body();
    auto_items["delivery_method"] = json!("auto");
    auto_items.as_object_mut().unwrap().remove("delivery_time");
    auto_items["items"] = json!([{"delivery_info": "CODE-1"}, {"delivery_info": "CODE-2"}]);
    auto_items["qty_total"] = json!(3);
    let (status, body) = create(&env, "items", &auto_items).await;
    assert_eq!((status, properties(&body)), (400, vec!["qty_total".to_owned()]));
    auto_items["qty_total"] = json!(2);
    let (status, body) = create(&env, "items", &auto_items).await;
    assert_eq!(status, 200, "{body}");
    let offer = env.sandbox.state().ggchest_offer(body["id"].as_str().unwrap()).unwrap().clone();
    assert_eq!(offer.delivery_method, Some(GgcDeliveryMethod::Auto));
    assert_eq!(offer.delivery_time, None);
    assert_eq!(offer.items.len(), 2);

    auto_items["items"][1] = json!({"delivery_info": ""});
    let (status, body) = create(&env, "items", &auto_items).await;
    assert_eq!((status, properties(&body)), (400, vec!["items[1].delivery_info".to_owned()]));
}

#[tokio::test]
async fn delivery_time_is_required_for_manual_delivery_only() {
    let env = Env::start().await;
    // Guide: "The delivery_time is required for manual delivery only"; its items example
    // (auto) sends no items at all.
    let mut manual = items_body();
    manual.as_object_mut().unwrap().remove("delivery_time");
    let (status, body) = create(&env, "items", &manual).await;
    assert_eq!((status, properties(&body)), (400, vec!["delivery_time".to_owned()]));
    let mut auto = manual.clone();
    auto["delivery_method"] = json!("auto");
    assert_eq!(create(&env, "items", &auto).await.0, 200);
    // The guide's accounts example: auto with "delivery_time": null.
    let mut accounts = accounts_body();
    accounts["delivery_method"] = json!("auto");
    accounts["delivery_time"] = json!(null);
    assert_eq!(create(&env, "accounts", &accounts).await.0, 200);
    // D's list includes 2d (R's does not).
    let mut two_days = items_body();
    two_days["delivery_time"] = json!("2d");
    assert_eq!(create(&env, "items", &two_days).await.0, 200);
}

#[tokio::test]
async fn currency_offers_need_a_currency_and_have_no_delivery_method() {
    let env = Env::start().await;
    let mut no_currency = currency_body();
    no_currency.as_object_mut().unwrap().remove("game_currency_id");
    let (status, body) = create(&env, "currency", &no_currency).await;
    assert_eq!(status, 400);
    assert_eq!(message_for(&body, "game_currency_id"), Some("Game currency ID is required"));

    let mut with_method = currency_body();
    with_method["delivery_method"] = json!("manual");
    let (status, body) = create(&env, "currency", &with_method).await;
    assert_eq!((status, properties(&body)), (400, vec!["delivery_method".to_owned()]));

    // R lists every currency field as optional: the rest may be left out.
    let minimal =
        json!({"game_id": WOW, "game_currency_id": GOLD, "title": "Gold", "description": "d", "price": "1.00"});
    let (status, body) = create(&env, "currency", &minimal).await;
    assert_eq!(status, 200, "{body}");

    let mut foreign = currency_body();
    foreign["game_currency_id"] = json!("0192b855-6a77-73d0-8c38-509c68ebc45c"); // FC Coins of EA FC 25
    let (status, body) = create(&env, "currency", &foreign).await;
    assert_eq!(status, 422);
    assert_eq!(body["message"], "Unprocessable Entity");
    assert_eq!(message_for(&body, "game_currency_id"), Some("Currency not found for this game"));
}

#[tokio::test]
async fn unknown_games_and_attribute_mismatches_are_422() {
    let env = Env::start().await;
    let mut unknown_game = items_body();
    unknown_game["game_id"] = json!("01980000-0000-7000-8000-00000000dead");
    let (status, body) = create(&env, "items", &unknown_game).await;
    assert_eq!((status, message_for(&body, "game_id")), (422, Some("Game not found")));

    for attributes in [
        json!([{"id": SERVER, "option_id": LEVEL_1_10}]), // option of another attribute
        json!([{"id": LEVEL, "option_id": LEVEL_1_10}]),  // Level is an accounts attribute
        json!([{"id": SERVER, "option_id": US_EAST}, {"id": SERVER, "option_id": US_EAST}]),
    ] {
        let mut body = items_body();
        body["attributes"] = attributes.clone();
        let (status, answer) = create(&env, "items", &body).await;
        assert_eq!(status, 422, "{attributes}");
        assert_eq!(message_for(&answer, "attributes"), Some("Invalid attribute option combination"));
    }
    // A game without this offer type.
    let mut ffxiv_items = items_body();
    ffxiv_items["game_id"] = json!("550e8400-e29b-41d4-a716-446655440003");
    ffxiv_items["attributes"] = json!([]);
    assert_eq!(create(&env, "items", &ffxiv_items).await.0, 422);
}
