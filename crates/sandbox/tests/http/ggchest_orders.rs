//! GGChest: orders (D), seeded and placed through the admin API.

use reqwest::Method;
use sandbox::{GgcOrderStatus, NewOrder, GGCHEST_KEY_A, GGCHEST_KEY_B};
use serde_json::{json, Value};

use crate::common::{properties, send, Env};

fn statuses(body: &Value) -> Vec<String> {
    body["items"].as_array().unwrap().iter().map(|o| o["status"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn seeded_orders_cover_every_status_and_filter() {
    let env = Env::start().await;
    let (status, body) = send(env.ggc(Method::GET, "/v1/orders?pagination[per_page]=100")).await;
    assert_eq!(status, 200);
    assert_eq!(body["pagination"]["total_count"], 7);
    for wanted in ["CANCELED", "WAITING_DELIVERY", "DELIVERED", "RECEIVED", "COMPLETED"] {
        assert!(statuses(&body).contains(&wanted.to_owned()), "{wanted}");
    }
    let first = &body["items"][0];
    for field in ["id", "name", "icon", "buyer", "dispute", "paid_at", "quantity", "price", "status", "offer_type"] {
        assert!(first.get(field).is_some(), "{field}");
    }
    let disputes: Vec<&Value> = body["items"].as_array().unwrap().iter().filter(|o| !o["dispute"].is_null()).collect();
    assert_eq!(disputes.len(), 2);
    assert!(disputes.iter().any(|o| o["dispute"]["status"] == "OPEN" && o["dispute"]["beneficiary"] == "BUYER"));

    // Newest paid first by default; asc on request.
    let paid: Vec<String> =
        body["items"].as_array().unwrap().iter().map(|o| o["paid_at"].as_str().unwrap().to_owned()).collect();
    let mut sorted = paid.clone();
    sorted.sort();
    sorted.reverse();
    assert_eq!(paid, sorted);
    let (_, ascending) =
        send(env.ggc(Method::GET, "/v1/orders?sort[field]=paid_at&sort[direction]=asc&pagination[per_page]=100")).await;
    assert_eq!(ascending["items"][0]["paid_at"].as_str().unwrap(), paid.last().unwrap());

    let (_, completed) = send(env.ggc(Method::GET, "/v1/orders?filters[status]=COMPLETED")).await;
    assert_eq!(statuses(&completed), vec!["COMPLETED", "COMPLETED"]);

    // Seeded paid_at days: 2026-01-30 + 1, 3, 5, 8, 12, 15, 20 days, at 10:00.
    let (_, window) =
        send(env.ggc(Method::GET, "/v1/orders?filters[date_from]=2026-02-04&filters[date_to]=2026-02-09")).await;
    assert_eq!(window["pagination"]["total_count"], 2, "{window}");
    let (_, until) = send(env.ggc(Method::GET, "/v1/orders?filters[date_to]=2026-02-01T10:00:00Z")).await;
    assert_eq!(until["pagination"]["total_count"], 1);

    let (status, body) = send(env.ggc(
        Method::GET,
        "/v1/orders?filters[status]=waiting_delivery&filters[date_from]=yesterday&sort[field]=price",
    ))
    .await;
    assert_eq!(status, 400);
    assert_eq!(properties(&body), vec!["[filters][status]", "[filters][date_from]", "[sort][field]"]);

    let (_, other) = send(env.ggc_as(GGCHEST_KEY_B, Method::GET, "/v1/orders")).await;
    assert_eq!(other["items"], json!([]));
}

#[tokio::test]
async fn orders_placed_by_buyers_take_stock() {
    let env = Env::start().await;
    let account_offer = env.sandbox.state().ggchest_offers_of(GGCHEST_KEY_A)[0].clone();
    assert_eq!(account_offer.accounts.len(), 2);
    let order = env
        .sandbox
        .ggchest_create_order(NewOrder {
            seller: GGCHEST_KEY_A.to_owned(),
            offer_id: Some(account_offer.id.clone()),
            ..NewOrder::default()
        })
        .unwrap();
    assert_eq!(order.status, GgcOrderStatus::WaitingDelivery);
    let offer = env.sandbox.state().ggchest_offer(&account_offer.id).unwrap().clone();
    assert_eq!((offer.qty_total, offer.accounts.len()), (1, 1));

    // Over the admin API, with a dispute.
    let response = env
        .admin(Method::POST, "/ggchest/orders")
        .json(&json!({"seller": GGCHEST_KEY_A, "offer_id": account_offer.id, "status": "DELIVERED",
                      "dispute": {"reason": "Wrong password", "beneficiary": "BUYER"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let (_, listed) = send(env.ggc(Method::GET, "/v1/orders?filters[status]=DELIVERED")).await;
    assert!(listed["items"].as_array().unwrap().iter().any(|o| o["dispute"]["reason"] == "Wrong password"));

    // Out of stock now; draft offers cannot be bought.
    let response = env
        .admin(Method::POST, "/ggchest/orders")
        .json(&json!({"seller": GGCHEST_KEY_A, "offer_id": account_offer.id}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 409);
    let draft = env.sandbox.state().ggchest_offers_of(GGCHEST_KEY_A)[1].id.clone();
    let error = env
        .sandbox
        .ggchest_create_order(NewOrder {
            seller: GGCHEST_KEY_A.to_owned(),
            offer_id: Some(draft),
            ..NewOrder::default()
        })
        .unwrap_err();
    assert_eq!(error.status, 409);
}
