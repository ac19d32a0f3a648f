//! Every JSON example of the documents, as a fixture (see `tests/fixtures/README.md` for where
//! each comes from):
//! - responses are answered verbatim by a loopback server and decoded by the real client method
//!   (so envelopes such as GG's `{"product": …}` are covered too), with assertions on key fields;
//! - requests decode into our request types and re-serialize to the same JSON, except where
//!   Seller Desk deliberately sends something else (each difference asserted, citing API-NOTES);
//!   where the client would send the example, the bytes it really sends are compared too;
//! - error bodies are answered with their documented status and must become the right `Error`.

mod common;

use common::{fixture, fixture_text, gg_client, ggc_client, Loopback, Reply};
use markets::{
    gg::{self, DeliveryType, ModerationStatus},
    ggchest::*,
    Amount, Cents, Decimal, Error, Origin, UsdPrice,
};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::{json, Value};
use std::str::FromStr;

const KEY: &str = "fixture-test-key-0000";

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Decodes `value` as `T` and re-serializes it.
fn round_trip<T: DeserializeOwned + Serialize>(rel: &str) -> (T, Value) {
    let original = fixture(rel);
    let decoded: T = serde_json::from_value(original).unwrap_or_else(|e| panic!("{rel} does not decode: {e}"));
    let again = serde_json::to_value(&decoded).unwrap();
    (decoded, again)
}

fn assert_json_eq(what: &str, ours: &Value, expected: &Value) {
    assert!(
        ours == expected,
        "{what}: JSON differs\n ours:     {}\n expected: {}",
        serde_json::to_string_pretty(ours).unwrap(),
        serde_json::to_string_pretty(expected).unwrap()
    );
}

/// Removes `key` from every object in the array at `array_key` when its value is null.
fn drop_null_in_each(v: &mut Value, array_key: &str, key: &str) -> usize {
    let mut removed = 0;
    for item in v[array_key].as_array_mut().unwrap() {
        let obj = item.as_object_mut().unwrap();
        if obj.get(key).is_some_and(Value::is_null) {
            obj.remove(key);
            removed += 1;
        }
    }
    removed
}

fn local_fields(e: &Error) -> Vec<String> {
    assert!(matches!(e, Error::Validation { origin: Origin::Local, .. }), "expected a local validation error: {e:?}");
    e.fields().iter().map(|f| f.field.clone()).collect()
}

// ============================== Gaming Goods: responses ==============================

#[tokio::test]
async fn gg_dashboard_response() {
    let lb = Loopback::fixed(200, fixture("gg/page-dashboard-response.json")).await;
    let d = gg_client(lb.url(), KEY).dashboard().await.unwrap();
    assert_eq!((d.total_products, d.active_products, d.pending_products, d.total_sales), (42, 38, 2, 1240));
    // API-NOTES: "24500 next to 1240 sales reads as cents".
    assert_eq!(d.pending_rewards, Cents(24500));
    assert_eq!(d.available_rewards, Cents(187600));
    assert_eq!(d.available_rewards.as_eur(), dec("1876.00"));
    let req = lb.only_request();
    assert_eq!((req.method.as_str(), req.path.as_str()), ("GET", "/seller/dashboard"));
    assert_eq!(req.header("x-api-key"), Some(KEY));
}

#[tokio::test]
async fn gg_list_products_response() {
    let lb = Loopback::fixed(200, fixture("gg/page-list-products-response.json")).await;
    let page = gg_client(lb.url(), KEY).products(20, 0).await.unwrap();
    assert_eq!((page.limit, page.offset, page.total), (20, 0, 42));
    let p = &page.items[0];
    assert_eq!(p.id, "a1b2c3d4-...");
    assert_eq!(p.slug.as_deref(), Some("..."));
    assert_eq!(p.title.as_deref(), Some("Cyberpunk 2077 Steam Key"));
    assert_eq!(p.price, Some(Amount::new(dec("19.99"))), "19.99 must be exact, not a float");
    assert_eq!(p.currency.as_deref(), Some("EUR"));
    assert_eq!(p.delivery_type, Some(DeliveryType::Auto));
    assert_eq!(p.moderation_status, Some(ModerationStatus::Approved));
    assert_eq!((p.is_active, p.stock_quantity, p.stock_available), (Some(true), Some(12), Some(12)));
    assert_eq!(p.created_at.as_deref(), Some("2026-03-14T12:00:00Z"));
    assert!(p.extra.is_empty(), "every documented field has a home: {:?}", p.extra);
    let req = lb.only_request();
    assert_eq!(req.query_value("limit").as_deref(), Some("20"));
    assert_eq!(req.query_value("offset").as_deref(), Some("0"));
}

fn gg_new_product() -> gg::NewProduct {
    gg::NewProduct {
        name: "Cyberpunk 2077 Steam Key".into(),
        description: "Open-world action-adventure".into(),
        category: "Game Keys".into(),
        brand: Some("CD Projekt".into()),
        price: Amount::parse("19.99").unwrap(),
        currency: "EUR".into(),
        delivery_type: DeliveryType::Auto,
        image_url: Some("https://example.com/cp2077.png".into()),
        codes: vec!["AAAA-BBBB-CCCC".into()],
    }
}

#[tokio::test]
async fn gg_create_product_response_is_unwrapped_from_its_envelope() {
    let lb = Loopback::fixed(200, fixture("gg/page-create-product-response.json")).await;
    let p = gg_client(lb.url(), KEY).create_product(&gg_new_product()).await.unwrap();
    assert_eq!(p.id, "a1b2c3d4-...");
    assert_eq!(p.moderation_status, Some(ModerationStatus::Pending));
    assert_eq!(p.price, Some(Amount::new(dec("19.99"))));
    assert_eq!(p.delivery_type, Some(DeliveryType::Auto));
    assert_eq!(lb.only_request().method, "POST");
}

#[tokio::test]
async fn gg_product_detail_response() {
    let lb = Loopback::fixed(200, fixture("gg/page-product-detail-response.json")).await;
    let p = gg_client(lb.url(), KEY).product("a1b2c3d4-...").await.unwrap();
    assert_eq!(p.title.as_deref(), Some("Cyberpunk 2077 Steam Key"));
    assert_eq!(p.stock_available, Some(12));
    assert_eq!(p.moderation_status, Some(ModerationStatus::Approved));
    assert_eq!(lb.only_request().path, "/seller/products/a1b2c3d4-...");
}

#[tokio::test]
async fn gg_update_product_response() {
    let lb = Loopback::fixed(200, fixture("gg/page-update-product-response.json")).await;
    let update = gg::ProductUpdate { price: Some(Amount::parse("17.99").unwrap()), ..Default::default() };
    let p = gg_client(lb.url(), KEY).update_product("a1b2c3d4-...", &update).await.unwrap();
    assert_eq!(p.title.as_deref(), Some("Cyberpunk 2077 Steam Key — RU"));
    assert_eq!(p.price, Some(Amount::new(dec("17.99"))));
    assert_eq!(p.moderation_status, Some(ModerationStatus::Pending), "significant edits go back to moderation");
    assert_eq!(lb.only_request().method, "PUT");
}

#[tokio::test]
async fn gg_deactivate_product_response() {
    let lb = Loopback::fixed(200, fixture("gg/page-deactivate-product-response.json")).await;
    let p = gg_client(lb.url(), KEY).deactivate_product("a1b2c3d4-...").await.unwrap();
    assert_eq!(p.is_active, Some(false));
    let req = lb.only_request();
    assert_eq!((req.method.as_str(), req.path.as_str()), ("POST", "/seller/products/a1b2c3d4-.../deactivate"));
}

#[tokio::test]
async fn gg_upload_codes_response_and_request() {
    let lb = Loopback::fixed(200, fixture("gg/page-upload-codes-response.json")).await;
    let (body, again) = round_trip::<gg::CodesUpload>("gg/page-upload-codes-request.json");
    assert_json_eq("upload codes request", &again, &fixture("gg/page-upload-codes-request.json"));
    let r = gg_client(lb.url(), KEY).upload_codes("a1b2c3d4-...", &body.codes).await.unwrap();
    assert_eq!((r.uploaded, r.stock_available), (2, 14));
    assert_json_eq("codes on the wire", &lb.only_request().json(), &fixture("gg/page-upload-codes-request.json"));
}

#[tokio::test]
async fn gg_add_offers_response_and_request() {
    let lb = Loopback::fixed(200, fixture("gg/page-add-offers-response.json")).await;
    let (offers, again) = round_trip::<gg::NewOffers>("gg/page-add-offers-request.json");
    assert_json_eq("add offers request", &again, &fixture("gg/page-add-offers-request.json"));
    assert_eq!(offers.price_cents, Cents(1799));
    let r = gg_client(lb.url(), KEY).add_offers(&offers).await.unwrap();
    assert_eq!(r.added, 2);
    assert_json_eq("add offers on the wire", &lb.only_request().json(), &fixture("gg/page-add-offers-request.json"));
}

#[tokio::test]
async fn gg_list_offers_response() {
    let lb = Loopback::fixed(200, fixture("gg/page-list-offers-response.json")).await;
    let page = gg_client(lb.url(), KEY).offers(1, 20).await.unwrap();
    assert_eq!((page.total, page.page, page.page_size), (18, 1, 20));
    let o = &page.offers[0];
    assert_eq!((o.product_id.as_str(), o.price_cents, o.available, o.sold), ("a1b2c3d4-...", Cents(1799), 12, 4));
    let req = lb.only_request();
    assert_eq!(req.query_value("page").as_deref(), Some("1"));
    assert_eq!(req.query_value("page_size").as_deref(), Some("20"));
}

#[tokio::test]
async fn gg_reprice_response_and_request() {
    let lb = Loopback::fixed(200, fixture("gg/page-reprice-response.json")).await;
    let (body, again) = round_trip::<gg::Reprice>("gg/page-reprice-request.json");
    assert_json_eq("reprice request", &again, &fixture("gg/page-reprice-request.json"));
    let r = gg_client(lb.url(), KEY)
        .reprice_offers("a1b2c3d4-...", body.old_price_cents, body.new_price_cents)
        .await
        .unwrap();
    assert_eq!(r.updated, 12);
    let req = lb.only_request();
    assert_eq!((req.method.as_str(), req.path.as_str()), ("PATCH", "/seller/offers/a1b2c3d4-.../price"));
    assert_json_eq("reprice on the wire", &req.json(), &fixture("gg/page-reprice-request.json"));
}

#[tokio::test]
async fn gg_delete_offers_response() {
    let lb = Loopback::fixed(200, fixture("gg/page-delete-offers-response.json")).await;
    let r = gg_client(lb.url(), KEY).delete_offers("a1b2c3d4-...").await.unwrap();
    assert_eq!(r.deleted, 12);
    assert_eq!(lb.only_request().method, "DELETE");
}

// ============================== Gaming Goods: requests ==============================

#[tokio::test]
async fn gg_create_product_request() {
    let (product, again) = round_trip::<gg::NewProduct>("gg/page-create-product-request.json");
    assert_json_eq("create product request", &again, &fixture("gg/page-create-product-request.json"));
    assert_eq!(product.price.value(), dec("19.99"));
    assert_eq!(product.delivery_type, DeliveryType::Auto);
    // The example's `image_url` is the placeholder `https://...`: whether the client sends it is
    // the URL parser's call; if it does, the bytes must be the example's.
    let lb = Loopback::fixed(200, fixture("gg/page-create-product-response.json")).await;
    match gg_client(lb.url(), KEY).create_product(&product).await {
        Ok(_) => assert_json_eq(
            "create product on the wire",
            &lb.only_request().json(),
            &fixture("gg/page-create-product-request.json"),
        ),
        Err(e) => {
            assert_eq!(local_fields(&e), ["image_url"], "{e}");
            assert!(lb.requests().is_empty());
        }
    }
    // With a real image URL it goes out exactly as built.
    let mut real = product.clone();
    real.image_url = Some("https://example.com/cp.png".into());
    let lb = Loopback::fixed(200, fixture("gg/page-create-product-response.json")).await;
    gg_client(lb.url(), KEY).create_product(&real).await.unwrap();
    let mut expected = fixture("gg/page-create-product-request.json");
    expected["image_url"] = json!("https://example.com/cp.png");
    assert_json_eq("create product on the wire", &lb.only_request().json(), &expected);
}

#[tokio::test]
async fn gg_update_product_request() {
    let (update, again) = round_trip::<gg::ProductUpdate>("gg/page-update-product-request.json");
    assert_json_eq("update product request", &again, &fixture("gg/page-update-product-request.json"));
    assert_eq!(update.price, Some(Amount::new(dec("17.99"))));
    assert_eq!(update.description, None);
    let lb = Loopback::fixed(200, fixture("gg/page-update-product-response.json")).await;
    let mut sendable = update.clone();
    sendable.image_url = Some("https://example.com/ru.png".into());
    gg_client(lb.url(), KEY).update_product("a1b2c3d4-...", &sendable).await.unwrap();
    let mut expected = fixture("gg/page-update-product-request.json");
    expected["image_url"] = json!("https://example.com/ru.png");
    assert_json_eq("update on the wire: only the given fields", &lb.only_request().json(), &expected);
}

// ============================== GGChest: dictionaries ==============================

#[tokio::test]
async fn ggchest_games_readme_and_docs() {
    let lb = Loopback::fixed(200, fixture("ggchest/readme-get-games-response.json")).await;
    let games = ggc_client(lb.url(), KEY).games(&GamesQuery::default()).await.unwrap();
    assert_eq!(games.len(), 1);
    assert_eq!(games[0].name, "Call of Duty: Black Ops 6");
    assert_eq!(games[0].icon.as_ref().unwrap().id.as_deref(), Some("01985a2f-4b8c-72d1-a3e7-6f9d2c8e5a7b"));
    assert_eq!(games[0].resources, None);

    let lb = Loopback::fixed(200, fixture("ggchest/docs-games-response.json")).await;
    let query = GamesQuery { offer_type: Some(OfferType::Accounts), sort_by_name: Some(SortDirection::Asc) };
    let games = ggc_client(lb.url(), KEY).games(&query).await.unwrap();
    assert_eq!(games.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(), ["World of Warcraft", "Final Fantasy XIV"]);
    let cover = games[1].resources.as_ref().unwrap().cover.as_ref().unwrap();
    assert_eq!(cover.path.as_deref(), Some("https://cdn.ggchest.com/covers/ffxiv.jpg"));
    // The docs site's request example: `filters[offer_type]=accounts&sort[field]=name&sort[direction]=asc`.
    let req = lb.only_request();
    assert_eq!(req.query_value("filters[offer_type]").as_deref(), Some("accounts"));
    assert_eq!(req.query_value("sort[field]").as_deref(), Some("name"));
    assert_eq!(req.query_value("sort[direction]").as_deref(), Some("asc"));
}

#[tokio::test]
async fn ggchest_currencies_as_array_and_as_single_object() {
    let readme = fixture("ggchest/readme-game-currencies-response.json");
    let lb = Loopback::fixed(200, readme.clone()).await;
    let list = ggc_client(lb.url(), KEY).game_currencies("01985a2f-3d47-71e8-9b2c-4f5e8d9a1b3c").await.unwrap();
    assert_eq!(list.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["V-Bucks", "FIFA Points"]);
    assert_eq!(list[1].nominal.as_deref(), Some("FP"));
    assert_eq!(lb.only_request().path, "/v1/games/01985a2f-3d47-71e8-9b2c-4f5e8d9a1b3c/currency");

    // The official spec's 200 schema for this path is ONE object (API-NOTES: "accept array or object").
    let lb = Loopback::fixed(200, readme[0].clone()).await;
    let one = ggc_client(lb.url(), KEY).game_currencies("01985a2f-3d47-71e8-9b2c-4f5e8d9a1b3c").await.unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].name, "V-Bucks");
    assert_eq!(one[0].icon.as_ref().unwrap().id.as_deref(), Some("01985a34-4e1a-7cd5-b7f2-9d5a3c7e1b4d"));
}

#[tokio::test]
async fn ggchest_attributes_readme_and_docs() {
    let lb = Loopback::fixed(200, fixture("ggchest/readme-attributes-response.json")).await;
    let attrs =
        ggc_client(lb.url(), KEY).attributes("eeeeeeee-0000-4000-8000-000000000001", &OfferType::Items).await.unwrap();
    assert_eq!(attrs[0].attribute_name, "Platform");
    assert_eq!(
        attrs[0].options.iter().map(|o| o.name.as_str()).collect::<Vec<_>>(),
        ["PlayStation 5", "Xbox Series X"]
    );
    assert_eq!(lb.only_request().path, "/v1/games/eeeeeeee-0000-4000-8000-000000000001/items/attributes");

    let lb = Loopback::fixed(200, fixture("ggchest/docs-attributes-response.json")).await;
    let attrs = ggc_client(lb.url(), KEY)
        .attributes("eeeeeeee-0000-4000-8000-000000000001", &OfferType::Accounts)
        .await
        .unwrap();
    assert_eq!(attrs.len(), 2);
    assert_eq!(attrs[1].id, "aa0e8400-e29b-41d4-a716-446655440024");
    assert_eq!(attrs[1].options[2].name, "21-30");
}

// ============================== GGChest: offers read ==============================

#[tokio::test]
async fn ggchest_list_offers_readme() {
    let lb = Loopback::fixed(200, fixture("ggchest/readme-get-offers-response.json")).await;
    let filter =
        OffersFilter { status: Some(OfferStatus::Active), offer_type: Some(OfferType::Currency), game_id: None };
    let page = ggc_client(lb.url(), KEY).offers(&filter, 1, 10).await.unwrap();
    assert_eq!(page.pagination, Pagination { total_count: 40, page_count: 4, page: 1, per_page: 10 });
    let o = &page.items[0];
    assert_eq!(o.offer_type, Some(OfferType::Currency));
    assert_eq!(o.status, Some(OfferStatus::Draft), "README's upper-case `DRAFT`");
    assert_eq!(o.price.map(|p| p.wire()).as_deref(), Some("1.34"));
    assert_eq!((o.qty_total, o.qty_min), (Some(10), Some(1)), "`\"10\"` and `\"1\"` are strings in lists");
    assert_eq!(o.delivery_method, Some(DeliveryMethod::Manual));
    assert_eq!(o.delivery_time, Some(DeliveryTime::Hour1));
    assert_eq!(o.attributes[0].attribute_id, "01932aae-5546-710f-aa89-52830e51c47a", "lists say `attribute_id`");
    assert_eq!(o.attributes[0].option_name.as_deref(), Some("Playstation"));
    assert_eq!(o.expired_at.as_deref(), Some("2025-08-28 14:47:50"));
    assert_eq!(o.icon_id(), None, "icon {{id: null, path: null}}");
    let currency = o.extra_properties.as_ref().unwrap().game_currency.as_ref().unwrap();
    assert_eq!((currency.name.as_str(), currency.nominal.as_deref()), ("FC Coins", Some("B")));
    assert_eq!(o.page_slug.as_deref(), Some("ea-fc-25-fc-coins"));
    assert!(o.extra.is_empty(), "{:?}", o.extra);
    // Filters go out as the spec's lower-case enum (API-NOTES: "send lower case in filters").
    let req = lb.only_request();
    assert_eq!(req.query_value("filters[status]").as_deref(), Some("active"));
    assert_eq!(req.query_value("filters[offer_type]").as_deref(), Some("currency"));
    assert_eq!(req.query_value("pagination[page]").as_deref(), Some("1"));
    assert_eq!(req.query_value("pagination[per_page]").as_deref(), Some("10"));
}

#[tokio::test]
async fn ggchest_list_offer_item_docs_lower_case_status_old_price_and_iso_expiry() {
    // The docs page is cut off after its first item: the item alone is the fixture, answered as
    // one offer (lists and details share the `Offer` type).
    let lb = Loopback::fixed(200, fixture("ggchest/docs-list-offers-response-item-1.json")).await;
    let o = ggc_client(lb.url(), KEY).offer("cc0e8400-e29b-41d4-a716-446655440030").await.unwrap();
    assert_eq!(o.status, Some(OfferStatus::Active), "docs' lower-case `active`");
    assert_eq!(o.old_price.map(|p| p.wire()).as_deref(), Some("149.99"));
    assert_eq!(o.expired_at.as_deref(), Some("2024-12-31T23:59:59Z"));
    assert_eq!((o.qty_total, o.qty_min), (Some(10), Some(1)));
    assert_eq!(o.delivery_time, Some(DeliveryTime::Minutes5));
    assert_eq!(o.attributes.len(), 2);
    assert_eq!(o.attributes[1].attribute_id, "aa0e8400-e29b-41d4-a716-446655440024");
    assert_eq!(o.icon_id(), Some("dd0e8400-e29b-41d4-a716-446655440031"));
    assert_eq!(o.extra_properties.as_ref().unwrap().game_currency, None);
}

#[tokio::test]
async fn ggchest_get_offer_readme_integer_quantities_and_attribute_id_as_id() {
    let lb = Loopback::fixed(200, fixture("ggchest/readme-get-offer-response.json")).await;
    let o = ggc_client(lb.url(), KEY).offer("01985a35-c7d2-9fa4-e1b6-8a3f5c2e9d7b").await.unwrap();
    assert_eq!(o.status, Some(OfferStatus::Active));
    assert_eq!((o.qty_total, o.qty_min), (Some(5), Some(1)), "integers in one offer");
    assert_eq!(o.attributes[0].attribute_id, "01985a36-1d7f-a4fb-e7d3-2a6c9f5e8c2d", "one offer says `id`");
    assert_eq!(o.price, Some(UsdPrice::new(dec("129.99"))));
    let extra = o.extra_properties.as_ref().unwrap();
    let accounts = extra.accounts.as_ref().unwrap();
    assert_eq!(accounts[0].login.as_deref(), Some("epic*****"));
    assert_eq!(accounts[0].email_login.as_deref(), Some("play****@email.com"));
    assert_eq!(extra.game_currency, None);
    assert_eq!(o.icon_id(), Some("01985a35-fb5e-a2e9-d5c1-9f4a7c3e1b6d"));
    assert_eq!(lb.only_request().path, "/v1/offers/01985a35-c7d2-9fa4-e1b6-8a3f5c2e9d7b");
}

// ============================== GGChest: empty success bodies ==============================

#[tokio::test]
async fn ggchest_empty_success_bodies() {
    // README `{}` and `{ }`; docs site "no response body" (API-NOTES: accept empty, {} or any JSON).
    for rel in [
        "ggchest/readme-delete-offer-response.json",
        "ggchest/readme-toggle-response.json",
        "ggchest/readme-price-response.json",
        "ggchest/readme-delete-icon-response.json",
        "ggchest/readme-update-accounts-response.json",
        "ggchest/readme-update-currency-response.json",
        "ggchest/readme-update-items-response.json",
    ] {
        let text = fixture_text(rel);
        assert_eq!(fixture(rel), json!({}), "{rel}");
        let lb = Loopback::start(move |_, _| Reply::raw(200, text.clone())).await;
        let c = ggc_client(lb.url(), KEY);
        c.delete_offer("00000000-0000-4000-8000-000000000001").await.unwrap_or_else(|e| panic!("{rel}: {e}"));
        c.toggle("00000000-0000-4000-8000-000000000001").await.unwrap();
        c.update_price("00000000-0000-4000-8000-000000000001", UsdPrice::parse("1.00").unwrap()).await.unwrap();
        c.delete_icon("00000000-0000-4000-8000-000000000001", "ffffffff-0000-4000-8000-000000000001").await.unwrap();
        assert_eq!(lb.requests().len(), 4);
    }
    let lb = Loopback::start(|_, _| Reply::empty(200)).await;
    ggc_client(lb.url(), KEY)
        .toggle("00000000-0000-4000-8000-000000000001")
        .await
        .expect("an empty body is a success too");
}

#[tokio::test]
async fn ggchest_created_responses() {
    for rel in [
        "ggchest/readme-create-accounts-response.json",
        "ggchest/readme-create-currency-response.json",
        "ggchest/readme-create-items-response.json",
        "ggchest/guide-create-accounts-response.json",
        "ggchest/guide-create-currency-response.json",
        "ggchest/guide-create-items-response.json",
    ] {
        let expected = fixture(rel)["id"].as_str().unwrap().to_owned();
        let lb = Loopback::fixed(200, fixture(rel)).await;
        let created = ggc_client(lb.url(), KEY).create_currency_offer(&currency_offer()).await.unwrap();
        assert_eq!(created.id, expected, "{rel}");
    }
}

#[tokio::test]
async fn ggchest_icon_responses_id_and_file_id() {
    let icon = IconFile::new("icon.png", common::tiny_png()).unwrap();
    let lb = Loopback::fixed(200, fixture("ggchest/readme-attach-icon-response.json")).await;
    let a = ggc_client(lb.url(), KEY).attach_icon("00000000-0000-4000-8000-000000000001", &icon).await.unwrap();
    assert_eq!(a.id, "01985a33-8b7d-8de2-a9f5-7c3e1f5b8d2a", "README's `id`");
    assert!(a.path.unwrap().ends_with("01985a33-8b7d-8de2-a9f5-7c3e1f5b8d2a.png"));
    let lb = Loopback::fixed(200, fixture("ggchest/docs-attach-icon-response.json")).await;
    let a = ggc_client(lb.url(), KEY).attach_icon("00000000-0000-4000-8000-000000000001", &icon).await.unwrap();
    assert_eq!(a.id, "ff0e8400-e29b-41d4-a716-446655440060", "spec's and docs' `file_id`");
    let req = lb.only_request();
    assert!(req.header("content-type").unwrap().starts_with("multipart/form-data"), "{req:?}");
    assert!(req.text().contains("name=\"icon\""), "multipart field `icon`");
}

// ============================== GGChest: orders ==============================

#[tokio::test]
async fn ggchest_orders_docs_with_and_without_dispute() {
    // The docs page shows `{"items": [ … ]` and is cut off inside the second order: the two
    // orders (the second up to where the page stops) are answered in that wrapper.
    let page = json!({"items": [
        fixture("ggchest/docs-orders-response-item-1.json"),
        fixture("ggchest/docs-orders-response-item-2-cut-off.json"),
    ]});
    let lb = Loopback::fixed(200, page).await;
    let filter = OrdersFilter {
        status: Some(OrderStatus::WaitingDelivery),
        date_from: None,
        date_to: None,
        sort_by_paid_at: Some(SortDirection::Desc),
    };
    let orders = ggc_client(lb.url(), KEY).orders(&filter, 1, 20).await.unwrap().items;
    assert_eq!(orders[0].status, Some(OrderStatus::WaitingDelivery));
    assert_eq!(orders[0].dispute, None);
    assert_eq!(orders[0].buyer.as_ref().unwrap().name.as_deref(), Some("John Doe"));
    assert_eq!((orders[0].quantity, orders[0].price), (Some(1), Some(UsdPrice::new(dec("99.99")))));
    assert_eq!(orders[0].offer_type, Some(OfferType::Accounts));
    let dispute = orders[1].dispute.as_ref().expect("the second order has a dispute");
    assert_eq!(dispute.reason.as_deref(), Some("Item not received"));
    assert_eq!((dispute.status.as_deref(), dispute.beneficiary.as_deref()), (Some("OPEN"), Some("BUYER")));
    assert_eq!(dispute.resolution, None);
    assert_eq!(orders[1].quantity, Some(2));
    // The docs' request example.
    let req = lb.only_request();
    assert_eq!(req.path, "/v1/orders");
    assert_eq!(req.query_value("filters[status]").as_deref(), Some("WAITING_DELIVERY"));
    assert_eq!(req.query_value("sort[field]").as_deref(), Some("paid_at"));
    assert_eq!(req.query_value("sort[direction]").as_deref(), Some("desc"));
}

// ============================== GGChest: create requests ==============================

fn currency_offer() -> NewCurrencyOffer {
    serde_json::from_value(fixture("ggchest/guide-create-currency-request.json")).unwrap()
}

#[test]
fn ggchest_create_accounts_readme_body_round_trips_but_is_refused_for_its_quantity() {
    let rel = "ggchest/readme-create-accounts-request.json";
    let (offer, again) = round_trip::<NewAccountsOffer>(rel);
    assert_json_eq(rel, &again, &fixture(rel));
    assert_eq!((offer.qty_total, offer.accounts.len()), (0, 1));
}

#[tokio::test]
async fn ggchest_create_accounts_examples_are_not_sent_when_qty_total_differs_from_accounts() {
    // API-NOTES: "qty_total should equal the number of accounts (guide)" — "checked before
    // sending". Every accounts example of the README breaks that rule (0 for 1, 10 for 2).
    for rel in ["ggchest/readme-create-accounts-request.json", "ggchest/readme-create-accounts-curl-request.json"] {
        let offer: NewAccountsOffer = serde_json::from_value(fixture(rel)).unwrap();
        let lb = Loopback::fixed(200, json!({"id": "x"})).await;
        let e = ggc_client(lb.url(), KEY).create_accounts_offer(&offer).await.unwrap_err();
        assert!(local_fields(&e).contains(&"qty_total".to_owned()), "{rel}: {e}");
        assert!(lb.requests().is_empty(), "{rel}: nothing may be sent");
        // With the quantity fixed, it goes out as the example (minus null emails, see below).
        let mut fixed = offer.clone();
        fixed.qty_total = fixed.accounts.len() as u64;
        fixed.qty_min = 1;
        ggc_client(lb.url(), KEY).create_accounts_offer(&fixed).await.unwrap();
        let mut expected = fixture(rel);
        expected["qty_total"] = json!(fixed.qty_total);
        expected["qty_min"] = json!(1);
        drop_null_in_each(&mut expected, "accounts", "email_login");
        drop_null_in_each(&mut expected, "accounts", "email_password");
        assert_json_eq(rel, &lb.only_request().json(), &expected);
    }
}

#[test]
fn ggchest_create_accounts_curl_example_null_emails_are_omitted() {
    let rel = "ggchest/readme-create-accounts-curl-request.json";
    let (_, again) = round_trip::<NewAccountsOffer>(rel);
    let mut expected = fixture(rel);
    // Deliberate: optional emails are omitted rather than sent as null (both documented as optional).
    assert_eq!(drop_null_in_each(&mut expected, "accounts", "email_login"), 1);
    assert_eq!(drop_null_in_each(&mut expected, "accounts", "email_password"), 1);
    assert_json_eq(rel, &again, &expected);
}

#[tokio::test]
async fn ggchest_create_accounts_guide_example_with_null_delivery_time_goes_out_with_5m() {
    // The guide's example sends `"delivery_time": null` with auto delivery; its table and the
    // spec require a string. We accept the documented input and send what the stricter sources
    // demand: auto delivery is instant, so the shortest documented time, as for items.
    let rel = "ggchest/guide-create-accounts-request.json";
    let original = fixture(rel);
    assert!(original["delivery_time"].is_null());
    let mut offer: NewAccountsOffer = serde_json::from_value(original.clone()).unwrap();
    assert_eq!((offer.delivery_method.clone(), offer.delivery_time.clone()), (DeliveryMethod::Auto, None));
    assert_eq!(offer.accounts[0].email_login.as_deref(), Some("[email protected]"));
    // The example's quantity (5 for 2 accounts) breaks the guide's own rule: fix it to send.
    offer.qty_total = offer.accounts.len() as u64;
    let lb = Loopback::fixed(200, json!({"id": "a-1"})).await;
    ggc_client(lb.url(), KEY).create_accounts_offer(&offer).await.unwrap();
    let mut expected = original;
    expected["delivery_time"] = json!("5m");
    expected["qty_total"] = json!(offer.qty_total);
    drop_null_in_each(&mut expected, "accounts", "email_login");
    drop_null_in_each(&mut expected, "accounts", "email_password");
    assert_json_eq(rel, &lb.only_request().json(), &expected);
    // Manual delivery without a delivery time is refused before sending.
    offer.delivery_method = DeliveryMethod::Manual;
    let e = ggc_client(lb.url(), KEY).create_accounts_offer(&offer).await.unwrap_err();
    assert!(local_fields(&e).contains(&"delivery_time".to_owned()), "{e}");
    assert_eq!(lb.requests().len(), 1, "nothing more was sent");
}

#[tokio::test]
async fn ggchest_create_currency_examples_round_trip_and_go_out_verbatim() {
    for rel in [
        "ggchest/readme-create-currency-request.json",
        "ggchest/readme-create-currency-curl-request.json",
        "ggchest/guide-create-currency-request.json",
    ] {
        let (offer, again) = round_trip::<NewCurrencyOffer>(rel);
        assert_json_eq(rel, &again, &fixture(rel));
        assert!(again.get("delivery_method").is_none(), "API-NOTES: never sent for currency");
        let lb = Loopback::fixed(200, json!({"id": "c-1"})).await;
        let sent = ggc_client(lb.url(), KEY).create_currency_offer(&offer).await;
        if offer.qty_total == 0 {
            // README's body sells 0 units: refused locally, nothing sent.
            assert_eq!(local_fields(&sent.unwrap_err()), ["qty_total"], "{rel}");
            assert!(lb.requests().is_empty());
        } else {
            assert_eq!(sent.unwrap().id, "c-1");
            let req = lb.only_request();
            assert_eq!((req.method.as_str(), req.path.as_str()), ("POST", "/v1/offers/currency"));
            assert_json_eq(rel, &req.json(), &fixture(rel));
        }
    }
}

#[tokio::test]
async fn ggchest_create_items_manual_examples_always_carry_items() {
    for rel in ["ggchest/readme-create-items-request.json", "ggchest/readme-create-items-curl-request.json"] {
        let (offer, again) = round_trip::<NewItemsOffer>(rel);
        assert_eq!(offer.delivery_method, DeliveryMethod::Manual);
        let mut expected = fixture(rel);
        // Deliberate: `items` is always sent (the guide marks it required), empty for manual delivery.
        expected["items"] = json!([]);
        assert_json_eq(rel, &again, &expected);
        let lb = Loopback::fixed(200, json!({"id": "ffffffff-0000-4000-8000-000000000001"})).await;
        ggc_client(lb.url(), KEY).create_items_offer(&offer).await.unwrap();
        assert_json_eq(rel, &lb.only_request().json(), &expected);
    }
}

#[tokio::test]
async fn ggchest_create_items_guide_auto_example() {
    let rel = "ggchest/guide-create-items-request.json";
    let (offer, again) = round_trip::<NewItemsOffer>(rel);
    assert_eq!(offer.delivery_method, DeliveryMethod::Auto);
    assert_eq!(offer.delivery_time, None);
    let mut expected = fixture(rel);
    expected["items"] = json!([]);
    assert_json_eq(rel, &again, &expected);
    // The guide: "qty_total should match the number of … items … if auto delivery selected".
    // The example has qty_total 100 and no items: refused locally.
    let lb = Loopback::fixed(200, json!({"id": "ffffffff-0000-4000-8000-000000000001"})).await;
    let e = ggc_client(lb.url(), KEY).create_items_offer(&offer).await.unwrap_err();
    let fields = local_fields(&e);
    assert!(fields.contains(&"items".to_owned()) && fields.contains(&"qty_total".to_owned()), "{e}");
    assert!(lb.requests().is_empty());
    // With 100 delivery lines it is sent, and (deliberately) with `delivery_time`: the spec
    // requires it even for auto delivery, where the guide makes it optional (API-NOTES).
    let mut with_items = offer.clone();
    with_items.items = (0..100).map(|i| ItemDelivery { delivery_info: format!("CODE-{i:03}") }).collect();
    ggc_client(lb.url(), KEY).create_items_offer(&with_items).await.unwrap();
    let mut expected = fixture(rel);
    expected["delivery_time"] = json!("5m");
    expected["items"] = (0..100).map(|i| json!({"delivery_info": format!("CODE-{i:03}")})).collect();
    assert_json_eq(rel, &lb.only_request().json(), &expected);
}

// ============================== GGChest: update requests ==============================

#[tokio::test]
async fn ggchest_update_accounts_examples() {
    for rel in ["ggchest/readme-update-accounts-request.json", "ggchest/readme-update-accounts-curl-request.json"] {
        let (update, again) = round_trip::<AccountsOfferUpdate>(rel);
        assert_eq!(update.accounts.len(), 1);
        // No `old_price` in the example: the discount is kept, so none is sent (`OldPrice::Keep`).
        let expected = fixture(rel);
        assert!(update.old_price.is_keep());
        assert_json_eq(rel, &again, &expected);
        assert!(again["accounts"][0]["id"].is_null(), "accounts added by an update carry `id: null`");
        let lb = Loopback::fixed(200, json!({})).await;
        ggc_client(lb.url(), KEY).update_accounts_offer("00000000-0000-4000-8000-000000000001", &update).await.unwrap();
        let req = lb.only_request();
        assert_eq!(
            (req.method.as_str(), req.path.as_str()),
            ("PUT", "/v1/offers/accounts/00000000-0000-4000-8000-000000000001")
        );
        assert_json_eq(rel, &req.json(), &expected);
    }
    // The docs site's example sends `old_price: null`, which removes a discount: verbatim.
    let rel = "ggchest/docs-update-accounts-request.json";
    let (update, again) = round_trip::<AccountsOfferUpdate>(rel);
    assert_eq!(update.old_price, OldPrice::Clear);
    assert_json_eq(rel, &again, &fixture(rel));
    let lb = Loopback::fixed(200, json!({})).await;
    ggc_client(lb.url(), KEY).update_accounts_offer("00000000-0000-4000-8000-000000000001", &update).await.unwrap();
    assert_json_eq(rel, &lb.only_request().json(), &fixture(rel));
}

#[tokio::test]
async fn ggchest_update_currency_and_items_examples() {
    for (rel, is_items) in [
        ("ggchest/readme-update-currency-request.json", false),
        ("ggchest/readme-update-currency-curl-request.json", false),
        ("ggchest/readme-update-items-request.json", true),
        ("ggchest/readme-update-items-curl-request.json", true),
    ] {
        let (update, again) = round_trip::<OfferUpdate>(rel);
        let expected = fixture(rel);
        assert!(update.old_price.is_keep(), "no old_price in the example: keep the discount");
        assert_json_eq(rel, &again, &expected);
        let lb = Loopback::fixed(200, json!({})).await;
        let c = ggc_client(lb.url(), KEY);
        if is_items {
            c.update_items_offer("00000000-0000-4000-8000-000000000002", &update).await.unwrap();
        } else {
            c.update_currency_offer("00000000-0000-4000-8000-000000000002", &update).await.unwrap();
        }
        let req = lb.only_request();
        let path = if is_items {
            "/v1/offers/items/00000000-0000-4000-8000-000000000002"
        } else {
            "/v1/offers/currency/00000000-0000-4000-8000-000000000002"
        };
        assert_eq!((req.method.as_str(), req.path.as_str()), ("PUT", path));
        assert_json_eq(rel, &req.json(), &expected);
    }
}

#[tokio::test]
async fn ggchest_price_examples() {
    for rel in ["ggchest/readme-price-request.json", "ggchest/docs-price-request.json"] {
        let (body, again) = round_trip::<PriceUpdate>(rel);
        assert_json_eq(rel, &again, &fixture(rel));
        let lb = Loopback::fixed(200, json!({})).await;
        ggc_client(lb.url(), KEY).update_price("00000000-0000-4000-8000-000000000001", body.price).await.unwrap();
        let req = lb.only_request();
        assert_eq!(
            (req.method.as_str(), req.path.as_str()),
            ("PUT", "/v1/offers/00000000-0000-4000-8000-000000000001/price")
        );
        assert_json_eq(rel, &req.json(), &fixture(rel));
    }
}

#[tokio::test]
async fn ggchest_toggle_example_is_an_empty_request() {
    // README: "You don't need to send any data, just send an empty request" (and shows `{}`);
    // the docs site's curl sends no body. Deliberate: we send no body at all.
    assert_eq!(fixture("ggchest/readme-toggle-request.json"), json!({}));
    let lb = Loopback::fixed(200, json!({})).await;
    ggc_client(lb.url(), KEY).toggle("00000000-0000-4000-8000-000000000001").await.unwrap();
    let req = lb.only_request();
    assert_eq!(
        (req.method.as_str(), req.path.as_str()),
        ("PUT", "/v1/offers/00000000-0000-4000-8000-000000000001/toggle")
    );
    assert!(req.body.is_empty(), "{:?}", req.text());
}

#[tokio::test]
async fn ggchest_batch_examples() {
    for (rel, which) in [
        ("ggchest/readme-bulk-delete-request.json", "delete"),
        ("ggchest/docs-batch-delete-request.json", "delete"),
        ("ggchest/docs-batch-activate-request.json", "activate"),
        ("ggchest/docs-batch-draft-request.json", "draft"),
    ] {
        let (body, again) = round_trip::<OfferIds>(rel);
        assert_json_eq(rel, &again, &fixture(rel));
        let lb = Loopback::fixed(200, json!({})).await;
        let c = ggc_client(lb.url(), KEY);
        let outcome = match which {
            "delete" => c.delete_offers(&body.offers_ids).await,
            "activate" => c.activate_offers(&body.offers_ids).await,
            _ => c.draft_offers(&body.offers_ids).await,
        }
        .unwrap();
        assert_eq!(outcome.into_result().unwrap(), body.offers_ids);
        let req = lb.only_request();
        let expected = match which {
            "delete" => ("DELETE", "/v1/offers"),
            "activate" => ("PUT", "/v1/offers/activate"),
            _ => ("PUT", "/v1/offers/draft"),
        };
        assert_eq!((req.method.as_str(), req.path.as_str()), expected);
        assert_json_eq(rel, &req.json(), &fixture(rel));
    }
}

// ============================== error bodies ==============================

/// Answers `rel` with `status` to a GGChest call and returns the error.
async fn ggchest_error(rel: &str, status: u16) -> Error {
    let lb = Loopback::fixed(status, fixture(rel)).await;
    let e = ggc_client(lb.url(), KEY).offer("00000000-0000-4000-8000-000000000009").await.unwrap_err();
    assert_eq!(lb.requests().len(), 1, "{rel}: an error answer is not retried");
    e
}

fn remote_fields(e: &Error) -> Vec<(String, String)> {
    assert!(matches!(e, Error::Validation { origin: Origin::Remote, .. }), "expected a remote validation error: {e:?}");
    e.fields().iter().map(|f| (f.field.clone(), f.message.clone())).collect()
}

#[tokio::test]
async fn ggchest_400_and_422_bodies_become_field_errors() {
    type Case<'a> = (&'a str, u16, &'a [(&'a str, &'a str)]);
    let cases: &[Case] = &[
        (
            "ggchest/readme-error-400.json",
            400,
            &[("filters[offer_type]", "The value you selected is not a valid choice.")],
        ),
        (
            "ggchest/readme-error-422.json",
            422,
            &[("filters[offer_type]", "The value you selected is not a valid choice.")],
        ),
        ("ggchest/readme-error-422-simplified.json", 422, &[]),
        (
            "ggchest/guide-accounts-error-400.json",
            400,
            &[("price", "Price must match pattern ^[0-9]{1,16}(\\.[0-9]{1,2})?$")],
        ),
        ("ggchest/guide-accounts-error-422.json", 422, &[("game_id", "Game not found")]),
        ("ggchest/guide-currency-error-400.json", 400, &[("game_currency_id", "Game currency ID is required")]),
        ("ggchest/guide-currency-error-422.json", 422, &[("game_currency_id", "Currency not found for this game")]),
        (
            "ggchest/guide-items-error-400.json",
            400,
            &[("price", "Price must match pattern ^[0-9]{1,16}(\\.[0-9]{1,2})?$")],
        ),
        ("ggchest/guide-items-error-422.json", 422, &[("attributes", "Invalid attribute option combination")]),
        ("ggchest/docs-delete-error-400.json", 400, &[("offers_ids", "At least one offer ID is required")]),
    ];
    for (rel, status, fields) in cases {
        let e = ggchest_error(rel, *status).await;
        assert_eq!(e.code(), markets::ErrorCode::Validation, "{rel}");
        let expected: Vec<(String, String)> = fields.iter().map(|(f, m)| (f.to_string(), m.to_string())).collect();
        assert_eq!(remote_fields(&e), expected, "{rel}");
        let Error::Validation { message, .. } = &e else { unreachable!() };
        assert_eq!(message, fixture(rel)["message"].as_str().unwrap(), "{rel}");
    }
}

#[tokio::test]
async fn ggchest_auth_bodies_become_key_rejected() {
    for (rel, status) in [
        ("ggchest/readme-error-403.json", 403),
        ("ggchest/docs-auth-error-401.json", 401),
        ("ggchest/docs-auth-error-403.json", 403),
        ("ggchest/guide-accounts-error-403.json", 403),
        ("ggchest/guide-currency-error-403.json", 403),
        ("ggchest/guide-items-error-403.json", 403),
        ("ggchest/docs-delete-error-403.json", 403),
        ("ggchest/docs-toggle-error-403.json", 403),
    ] {
        let e = ggchest_error(rel, status).await;
        let Error::KeyRejected { status: s, message, .. } = &e else { panic!("{rel}: {e:?}") };
        assert_eq!((*s, message.as_str()), (status, fixture(rel)["message"].as_str().unwrap()), "{rel}");
        assert_eq!(e.code(), markets::ErrorCode::KeyRejected);
    }
}

#[tokio::test]
async fn ggchest_403_after_the_key_worked_is_forbidden() {
    // API-NOTES: 401/403 mean "key rejected" unless the key worked a moment ago (then "forbidden").
    for rel in ["ggchest/docs-toggle-error-403.json", "ggchest/docs-delete-error-403.json"] {
        let body = fixture(rel);
        let lb =
            Loopback::start(move |_, i| if i == 0 { Reply::json(200, &json!([])) } else { Reply::json(403, &body) })
                .await;
        let c = ggc_client(lb.url(), KEY);
        c.games(&GamesQuery::default()).await.unwrap();
        let e = c.toggle("00000000-0000-4000-8000-000000000001").await.unwrap_err();
        assert!(matches!(&e, Error::Forbidden { message, .. } if message == "Forbidden"), "{rel}: {e:?}");
        assert_eq!(e.code(), markets::ErrorCode::Forbidden);
    }
}

#[tokio::test]
async fn ggchest_404_bodies_become_not_found() {
    for rel in
        ["ggchest/readme-error-404.json", "ggchest/docs-delete-error-404.json", "ggchest/docs-toggle-error-404.json"]
    {
        let e = ggchest_error(rel, 404).await;
        let Error::NotFound { what, message, .. } = &e else { panic!("{rel}: {e:?}") };
        assert_eq!(what, "offer 00000000-0000-4000-8000-000000000009");
        assert_eq!(message, fixture(rel)["message"].as_str().unwrap());
        assert_eq!(e.code(), markets::ErrorCode::NotFound);
    }
}

#[tokio::test]
async fn gg_error_body_becomes_a_field_error() {
    let lb = Loopback::fixed(400, fixture("gg/page-error-response.json")).await;
    let e = gg_client(lb.url(), KEY).dashboard().await.unwrap_err();
    assert_eq!(e.code(), markets::ErrorCode::Validation);
    let Error::Validation { message, origin, .. } = &e else { panic!("{e:?}") };
    assert_eq!((message.as_str(), *origin), ("price must be positive", Origin::Remote));
    assert_eq!(e.fields()[0].field, "price", "the message names its field first");
}

// ============================== completeness ==============================

/// Every fixture file is used by a test in this file.
#[test]
fn every_fixture_is_tested() {
    let source = include_str!("fixtures.rs");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut count = 0;
    for market in ["gg", "ggchest"] {
        for entry in std::fs::read_dir(dir.join(market)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if name.ends_with(".json") {
                count += 1;
                assert!(source.contains(&format!("\"{market}/{name}\"")), "fixture {market}/{name} is not tested");
            }
        }
    }
    assert_eq!(count, 17 + 69, "fixture files");
}
