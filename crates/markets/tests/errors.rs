//! Each documented error, from the sandbox (or a loopback server where only a malformed answer
//! will do), becomes its `Error` variant and `code()`.

mod common;

use common::{gg_client, ggc_client, logged, sandbox, Loopback, Reply};
use markets::{
    gg::{DeliveryType, NewOffers, NewProduct, ProductUpdate},
    ggchest::*,
    Amount, Cents, Error, Market, Origin, UsdPrice,
};
use sandbox::{Fault, FaultKind, GgcOfferStatus, Market as Sb, GGCHEST_KEY_A, GGCHEST_KEY_B, GG_KEY_A, GG_KEY_B};
use serde_json::json;
use std::time::{Duration, Instant};

const WOW: &str = "550e8400-e29b-41d4-a716-446655440000";

fn gg_product(name: &str) -> NewProduct {
    NewProduct {
        name: name.into(),
        description: "A key".into(),
        category: "Game Keys".into(),
        brand: None,
        price: Amount::parse("9.99").unwrap(),
        currency: "EUR".into(),
        delivery_type: DeliveryType::Auto,
        image_url: None,
        codes: vec![format!("{name}-CODE-1")],
    }
}

fn currency_offer(game_id: &str, currency_id: &str) -> NewCurrencyOffer {
    NewCurrencyOffer {
        game_id: game_id.into(),
        game_currency_id: currency_id.into(),
        title: "Gold".into(),
        description: "Gold".into(),
        price: UsdPrice::parse("29.99").unwrap(),
        old_price: None,
        delivery_time: DeliveryTime::Minutes5,
        qty_total: 1000,
        qty_min: 10,
        attributes: vec![],
    }
}

fn remote_fields(e: &Error) -> Vec<String> {
    assert!(matches!(e, Error::Validation { origin: Origin::Remote, .. }), "expected a remote validation error: {e:?}");
    assert_eq!(e.code(), markets::ErrorCode::Validation);
    e.fields().iter().map(|f| f.field.clone()).collect()
}

// ------------------------------ keys ------------------------------

#[tokio::test]
async fn a_wrong_key_is_rejected_on_both_markets() {
    let sb = sandbox().await;
    let e = gg_client(&sb.gg_base_url(), "pk_live_not_a_real_key").dashboard().await.unwrap_err();
    assert!(matches!(&e, Error::KeyRejected { market: Market::GamingGoods, status: 401, .. }), "{e:?}");
    assert_eq!(e.code(), markets::ErrorCode::KeyRejected);
    let e = ggc_client(&sb.ggchest_base_url(), "ggc_not_a_real_key").games(&GamesQuery::default()).await.unwrap_err();
    assert!(matches!(&e, Error::KeyRejected { market: Market::GgChest, status: 401, .. }), "{e:?}");
    assert_eq!(e.code(), markets::ErrorCode::KeyRejected);
    assert!(!e.to_string().contains("ggc_not_a_real_key"), "the key never appears in a message: {e}");
    // Not retried: a rejected key stays rejected.
    assert_eq!(sb.requests().len(), 2);
}

#[tokio::test]
async fn a_403_is_a_rejected_key_until_the_key_has_worked() {
    // README: a missing or invalid key is a 403 "Full authentication is required…".
    for market in [Market::GamingGoods, Market::GgChest] {
        let lb = Loopback::start(|req, _| {
            if req.path.ends_with("/dashboard") {
                Reply::json(200, &json!({"total_products": 0}))
            } else if req.path == "/v1/games" {
                Reply::json(200, &json!([]))
            } else {
                Reply::json(403, &json!({"message": "Full authentication is required to access this resource."}))
            }
        })
        .await;
        let first = match market {
            Market::GamingGoods => gg_client(lb.url(), "k-123456789").product("p-1").await.map(drop),
            Market::GgChest => {
                ggc_client(lb.url(), "k-123456789").offer("00000000-0000-4000-8000-000000000001").await.map(drop)
            }
        };
        let e = first.unwrap_err();
        assert!(matches!(&e, Error::KeyRejected { status: 403, .. }), "{market}: {e:?}");
        // The same key after it worked: "forbidden", not "key rejected".
        let e = match market {
            Market::GamingGoods => {
                let c = gg_client(lb.url(), "k-123456789");
                c.dashboard().await.unwrap();
                c.product("p-1").await.map(drop).unwrap_err()
            }
            Market::GgChest => {
                let c = ggc_client(lb.url(), "k-123456789");
                c.games(&GamesQuery::default()).await.unwrap();
                c.offer("00000000-0000-4000-8000-000000000001").await.map(drop).unwrap_err()
            }
        };
        assert_eq!(e.code(), markets::ErrorCode::Forbidden, "{market}: {e:?}");
    }
}

// ------------------------------ not found ------------------------------

#[tokio::test]
async fn another_sellers_product_is_not_found_and_untouched() {
    let sb = sandbox().await;
    let of_b = sb.state().gg_products_of(GG_KEY_B)[0].clone();
    let c = gg_client(&sb.gg_base_url(), GG_KEY_A);
    let expect_not_found = |e: Error| {
        assert!(
            matches!(&e, Error::NotFound { market: Market::GamingGoods, what, .. } if what.contains(&of_b.id)),
            "{e:?}"
        );
        assert_eq!(e.code(), markets::ErrorCode::NotFound);
    };
    expect_not_found(c.product(&of_b.id).await.unwrap_err());
    let rename = ProductUpdate { name: Some("Stolen".into()), ..Default::default() };
    expect_not_found(c.update_product(&of_b.id, &rename).await.unwrap_err());
    expect_not_found(c.deactivate_product(&of_b.id).await.unwrap_err());
    expect_not_found(c.upload_codes(&of_b.id, &["X-1".into()]).await.unwrap_err());
    assert_eq!(sb.state().gg_product(&of_b.id).unwrap(), &of_b, "B's listing is untouched");
    // Offers on a product that does not exist.
    let offers = NewOffers { product_id: "no-such-product".into(), price_cents: Cents(100), codes: vec!["Z".into()] };
    assert_eq!(c.add_offers(&offers).await.unwrap_err().code(), markets::ErrorCode::NotFound);
}

#[tokio::test]
async fn another_sellers_offer_is_not_found_and_untouched() {
    let sb = sandbox().await;
    let of_b = sb.state().ggchest_offers_of(GGCHEST_KEY_B)[0].clone();
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let expect_not_found = |e: Error| {
        assert!(
            matches!(&e, Error::NotFound { market: Market::GgChest, what, .. } if what.contains(&of_b.id)),
            "{e:?}"
        );
    };
    expect_not_found(c.offer(&of_b.id).await.unwrap_err());
    expect_not_found(c.toggle(&of_b.id).await.unwrap_err());
    expect_not_found(c.update_price(&of_b.id, UsdPrice::parse("1.00").unwrap()).await.unwrap_err());
    expect_not_found(c.delete_offer(&of_b.id).await.unwrap_err());
    let update = OfferUpdate {
        title: "Stolen".into(),
        description: "x".into(),
        price: UsdPrice::parse("1").unwrap(),
        old_price: OldPrice::Keep,
        delivery_time: DeliveryTime::Day1,
        qty_total: 1,
        qty_min: 1,
        attributes: vec![],
    };
    expect_not_found(c.update_accounts_offer(&of_b.id, &update.clone().with_accounts(vec![])).await.unwrap_err());
    let e = c.edit_offer(&of_b.id, |u| u.title = "Stolen".into(), vec![]).await.unwrap_err();
    expect_not_found(e);
    let outcome = c.delete_offers(std::slice::from_ref(&of_b.id)).await.unwrap();
    assert_eq!(outcome.not_done, std::slice::from_ref(&of_b.id));
    assert!(matches!(outcome.error, Some(Error::NotFound { .. })), "{:?}", outcome.error);
    assert_eq!(sb.state().ggchest_offer(&of_b.id).unwrap(), &of_b, "B's offer is untouched");
    assert_eq!(of_b.status, GgcOfferStatus::Active);
}

// ------------------------------ remote validation ------------------------------

#[tokio::test]
async fn remote_400_and_422_name_their_fields() {
    let sb = sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let before = sb.state().ggchest_offers_of(GGCHEST_KEY_A).len();
    // Not a UUID: caught before sending (the docs: "Game identifier (UUID)").
    let e = c.create_currency_offer(&currency_offer("not-a-uuid", "880e8400-e29b-41d4-a716-446655440010")).await;
    let e = e.unwrap_err();
    assert!(matches!(&e, Error::Validation { origin: Origin::Local, .. }), "{e:?}");
    assert_eq!(e.fields()[0].field, "game_id");
    // 422: the game does not exist; the currency is not the game's.
    let unknown = "01985a2f-0000-7000-8000-00000000beef";
    let e = c.create_currency_offer(&currency_offer(unknown, "880e8400-e29b-41d4-a716-446655440010")).await;
    assert_eq!(remote_fields(&e.unwrap_err()), ["game_id"]);
    let e = c.create_currency_offer(&currency_offer(WOW, "01985a2f-0000-7000-8000-00000000beef")).await.unwrap_err();
    assert!(matches!(&e, Error::Validation { message, .. } if message == "Unprocessable Entity"), "{e:?}");
    assert_eq!(remote_fields(&e), ["game_currency_id"]);
    // A query error: `[filters][date_from]` becomes the parameter's name `filters[date_from]`.
    let filter = OrdersFilter { date_from: Some("2024-02-30".into()), ..Default::default() };
    let e = c.orders(&filter, 1, 10).await.unwrap_err();
    assert_eq!(remote_fields(&e), ["filters[date_from]"]);
    assert!(e.to_string().contains("filters[date_from]"), "{e}");
    // Nothing was created by any of them.
    assert_eq!(sb.state().ggchest_offers_of(GGCHEST_KEY_A).len(), before);
}

#[tokio::test]
async fn remote_error_property_forms_become_form_field_names() {
    let body = json!({"message": "Invalid input data", "errors": [
        {"property": "[filters][offer_type]", "message": "The value you selected is not a valid choice."},
        {"property": "accounts[1][login]", "message": "This value should not be blank."},
        {"property": "[accounts][0][password]", "message": "This value should not be blank."},
        {"property": "price", "message": "Price must match pattern"},
    ]});
    for status in [400, 422] {
        let lb = Loopback::fixed(status, body.clone()).await;
        let e = ggc_client(lb.url(), "k-123456789").offers(&OffersFilter::default(), 1, 10).await.unwrap_err();
        assert_eq!(
            remote_fields(&e),
            ["filters[offer_type]", "accounts[1].login", "accounts[0].password", "price"],
            "HTTP {status}"
        );
    }
}

#[tokio::test]
async fn gg_business_rules() {
    let sb = sandbox().await;
    let c = gg_client(&sb.gg_base_url(), GG_KEY_A);
    let listing = c.create_product(&gg_product("Business Rule Key")).await.unwrap();
    // Duplicate code: 422 BUSINESS_RULE_VIOLATION.
    let e = c.upload_codes(&listing.id, &["Business Rule Key-CODE-1".into()]).await.unwrap_err();
    assert!(matches!(&e, Error::BusinessRule { market: Market::GamingGoods, .. }), "{e:?}");
    assert_eq!(e.code(), markets::ErrorCode::BusinessRule);
    // A duplicate offer code of this seller on a product.
    let target = sb.state().gg.products.iter().find(|p| p.owner.starts_with("market:")).unwrap().id.clone();
    let offers = NewOffers { product_id: target.clone(), price_cents: Cents(500), codes: vec!["DUP-1".into()] };
    c.add_offers(&offers).await.unwrap();
    assert_eq!(c.add_offers(&offers).await.unwrap_err().code(), markets::ErrorCode::BusinessRule);
    assert_eq!(sb.state().gg_offers_of(GG_KEY_A).iter().filter(|o| o.code == "DUP-1").count(), 1);
    // "the seller's own product with a unique title".
    let e = c.create_product(&gg_product("Business Rule Key")).await.unwrap_err();
    assert_eq!(e.code(), markets::ErrorCode::BusinessRule, "{e:?}");
}

// ------------------------------ 503 and 429 ------------------------------

#[tokio::test]
async fn unavailable_unsafe_request_is_not_retried() {
    let sb = sandbox().await;
    let before = sb.state().gg_products_of(GG_KEY_A).len();
    sb.inject(Fault::new(Sb::Gg, FaultKind::Unavailable).on_method("POST"));
    let e = gg_client(&sb.gg_base_url(), GG_KEY_A).create_product(&gg_product("Unavailable Key")).await.unwrap_err();
    assert!(matches!(&e, Error::Unavailable { market: Market::GamingGoods, status: 503, .. }), "{e:?}");
    assert_eq!(e.code(), markets::ErrorCode::Unavailable);
    assert!(e.is_transient());
    let log = logged(&sb, Sb::Gg);
    assert_eq!(log.len(), 1, "sent once: {log:?}");
    assert_eq!(log[0].fault.as_deref(), Some("unavailable"));
    assert_eq!(sb.state().gg_products_of(GG_KEY_A).len(), before, "nothing was created");

    sb.inject(Fault::new(Sb::GgChest, FaultKind::Unavailable).on_method("PUT").on_path_containing("/toggle"));
    let id = sb.state().ggchest_offers_of(GGCHEST_KEY_A)[0].id.clone();
    let status = sb.state().ggchest_offer(&id).unwrap().status;
    let e = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A).toggle(&id).await.unwrap_err();
    assert_eq!(e.code(), markets::ErrorCode::Unavailable);
    assert_eq!(logged(&sb, Sb::GgChest).len(), 1, "a toggle is never repeated blindly");
    assert_eq!(sb.state().ggchest_offer(&id).unwrap().status, status);
}

#[tokio::test]
async fn unavailable_safe_request_is_retried_then_succeeds() {
    let sb = sandbox().await;
    sb.inject(Fault::new(Sb::Gg, FaultKind::Unavailable).times(2).on_method("GET"));
    let d = gg_client(&sb.gg_base_url(), GG_KEY_A).dashboard().await.unwrap();
    assert!(d.total_products > 0);
    let log = logged(&sb, Sb::Gg);
    assert_eq!(log.iter().map(|r| r.status).collect::<Vec<_>>(), [Some(503), Some(503), Some(200)]);

    sb.inject(Fault::new(Sb::GgChest, FaultKind::Unavailable).times(2).on_path_containing("/price"));
    let id = sb.state().ggchest_offers_of(GGCHEST_KEY_A)[0].id.clone();
    ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A)
        .update_price(&id, UsdPrice::parse("7.77").unwrap())
        .await
        .unwrap();
    assert_eq!(sb.state().ggchest_offer(&id).unwrap().price, "7.77", "setting a price is safe to repeat");
    assert_eq!(logged(&sb, Sb::GgChest).len(), 3);

    // Still down after every attempt: Unavailable, after exactly max_attempts sends.
    sb.clear_requests();
    sb.inject(Fault::new(Sb::Gg, FaultKind::Unavailable).times(10).on_method("GET"));
    let e = gg_client(&sb.gg_base_url(), GG_KEY_A).dashboard().await.unwrap_err();
    assert_eq!(e.code(), markets::ErrorCode::Unavailable);
    assert_eq!(logged(&sb, Sb::Gg).len(), common::fast_retry().max_attempts as usize);
    sb.clear_faults();
}

#[tokio::test]
async fn rate_limited_waits_for_retry_after_then_succeeds() {
    let sb = sandbox().await;
    // Even a create may be repeated after a 429: the request was not processed.
    sb.inject(Fault::new(Sb::Gg, FaultKind::RateLimited { retry_after_secs: 1 }).on_method("POST"));
    let start = Instant::now();
    let created = gg_client(&sb.gg_base_url(), GG_KEY_A).create_product(&gg_product("After 429 Key")).await.unwrap();
    let waited = start.elapsed();
    assert!(waited >= Duration::from_secs(1), "Retry-After: 1 honoured, waited {waited:?}");
    let log = logged(&sb, Sb::Gg);
    assert_eq!(log.iter().map(|r| r.status).collect::<Vec<_>>(), [Some(429), Some(200)]);
    assert!(log[1].at_ms >= log[0].at_ms + 1000, "the retry came at least 1 s later: {log:?}");
    assert_eq!(sb.state().gg_products_of(GG_KEY_A).iter().filter(|p| p.id == created.id).count(), 1);
}

#[tokio::test]
async fn rate_limited_beyond_the_longest_wait_is_reported() {
    let sb = sandbox().await;
    sb.inject(Fault::new(Sb::GgChest, FaultKind::RateLimited { retry_after_secs: 3600 }));
    let start = Instant::now();
    let e = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A).games(&GamesQuery::default()).await.unwrap_err();
    assert!(
        matches!(&e, Error::RateLimited { market: Market::GgChest, retry_after: Some(d) } if *d == Duration::from_secs(3600)),
        "{e:?}"
    );
    assert_eq!(e.code(), markets::ErrorCode::RateLimited);
    assert!(start.elapsed() < Duration::from_secs(60), "an hour is not slept through");
    assert_eq!(sb.requests().len(), 1);
}

// ------------------------------ unexpected answers ------------------------------

#[tokio::test]
async fn unexpected_bodies_name_the_json_path() {
    let lb = Loopback::fixed(
        200,
        json!({"items": [{"id": "p-1", "price": 1.5}, {"id": "p-2", "price": "a lot"}], "limit": 20, "offset": 0, "total": 2}),
    )
    .await;
    let e = gg_client(lb.url(), "k-123456789").products(20, 0).await.unwrap_err();
    let Error::UnexpectedResponse { json_path, status, market, .. } = &e else { panic!("{e:?}") };
    assert_eq!((json_path.as_str(), *status, *market), ("items[1].price", 200, Market::GamingGoods));
    assert_eq!(e.code(), markets::ErrorCode::UnexpectedResponse);
    assert!(e.to_string().contains("items[1].price"), "{e}");

    let lb = Loopback::fixed(
        200,
        json!({"items": [{"id": "00000000-0000-4000-8000-000000000001", "qty_total": "ten"}], "pagination": {}}),
    )
    .await;
    let e = ggc_client(lb.url(), "k-123456789").offers(&OffersFilter::default(), 1, 10).await.unwrap_err();
    assert!(matches!(&e, Error::UnexpectedResponse { json_path, .. } if json_path == "items[0].qty_total"), "{e:?}");

    let lb = Loopback::fixed(200, json!({"offer_id": "no id field"})).await;
    let e = ggc_client(lb.url(), "k-123456789")
        .create_currency_offer(&currency_offer(WOW, "880e8400-e29b-41d4-a716-446655440010"))
        .await
        .unwrap_err();
    let Error::UnexpectedResponse { detail, .. } = &e else { panic!("{e:?}") };
    assert!(detail.contains("id"), "{detail}");

    let lb = Loopback::fixed_raw(200, b"<html>maintenance</html>").await;
    let e = gg_client(lb.url(), "k-123456789").dashboard().await.unwrap_err();
    let Error::UnexpectedResponse { body_excerpt, .. } = &e else { panic!("{e:?}") };
    assert!(body_excerpt.contains("maintenance"));

    // An undocumented status with an undocumented body.
    let lb = Loopback::fixed_raw(418, b"I'm a teapot").await;
    let e = ggc_client(lb.url(), "k-123456789").games(&GamesQuery::default()).await.unwrap_err();
    assert!(matches!(&e, Error::UnexpectedResponse { status: 418, .. }), "{e:?}");
    let lb = Loopback::fixed_raw(418, b"I'm a teapot").await;
    let e = gg_client(lb.url(), "k-123456789").dashboard().await.unwrap_err();
    assert!(matches!(&e, Error::UnexpectedResponse { status: 418, .. }), "{e:?}");
}

#[tokio::test]
async fn an_unreachable_marketplace_is_a_network_error() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}");
    let e = gg_client(&url, "k-123456789").dashboard().await.unwrap_err();
    assert!(matches!(&e, Error::Network { market: Market::GamingGoods, .. }), "{e:?}");
    assert_eq!(e.code(), markets::ErrorCode::Network);
    assert!(e.is_transient());
    // In plain words, naming the address and the likely cause; no library or OS jargon.
    let message = e.to_string();
    assert!(message.contains(&url) && message.contains("nothing answers at that address"), "{message}");
    for jargon in ["os error", "tcp connect", "client error", "hyper"] {
        assert!(!message.contains(jargon), "{message}");
    }
    // A host name that does not resolve says so.
    let e = gg_client("http://no-such-host.invalid", "k-123456789").dashboard().await.unwrap_err();
    assert!(e.to_string().contains("the host name could not be found"), "{e}");
    // Nothing left the machine, so even a create is not "outcome unknown".
    let e = ggc_client(&url, "k-123456789")
        .create_currency_offer(&currency_offer(WOW, "880e8400-e29b-41d4-a716-446655440010"))
        .await
        .unwrap_err();
    assert_eq!(e.code(), markets::ErrorCode::Network, "{e:?}");
}
