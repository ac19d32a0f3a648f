//! Every local rule: `Error::Validation { origin: Local }` naming the right fields, and NOTHING
//! sent (the sandbox's request log is unchanged).

mod common;

use common::{assert_local, gg_client, ggc_client, sandbox, tiny_png};
use markets::{
    gg::{DeliveryType, NewOffers, NewProduct, ProductUpdate},
    ggchest::*,
    Amount, ApiKey, Cents, ClientConfig, Decimal, Error, Market, UsdPrice,
};
use sandbox::{Sandbox, GGCHEST_KEY_A, GG_KEY_A};
use std::{future::Future, str::FromStr};

const GAME: &str = "550e8400-e29b-41d4-a716-446655440000";
const OFFER: &str = "01980000-0000-700a-8000-000000000001";

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Runs `call`, expects a local validation error on exactly `fields`, and checks that the
/// sandbox saw no request meanwhile. Returns the error for message checks.
async fn refused<T: std::fmt::Debug>(
    sb: &Sandbox,
    call: impl Future<Output = markets::Result<T>>,
    fields: &[&str],
) -> Error {
    let before = sb.requests().len();
    let err = call.await.expect_err("expected a local validation error");
    assert_local(&err, fields);
    assert!(err.to_string().contains("nothing was sent"), "{err}");
    assert_eq!(sb.requests().len(), before, "nothing may be sent for {err}");
    err
}

fn message_of<'a>(err: &'a Error, field: &str) -> Vec<&'a str> {
    err.fields().iter().filter(|f| f.field == field).map(|f| f.message.as_str()).collect()
}

fn attrs() -> Vec<AttributeChoice> {
    vec![AttributeChoice {
        id: "aa0e8400-e29b-41d4-a716-446655440020".into(),
        option_id: "bb0e8400-e29b-41d4-a716-446655440021".into(),
    }]
}

fn account(login: &str) -> AccountCredentials {
    AccountCredentials {
        login: login.into(),
        password: "Secret1!".into(),
        email_login: None,
        email_password: None,
        description: None,
    }
}

fn accounts_offer() -> NewAccountsOffer {
    NewAccountsOffer {
        game_id: GAME.into(),
        title: "Account".into(),
        description: "An account".into(),
        price: UsdPrice::parse("10").unwrap(),
        old_price: None,
        delivery_method: DeliveryMethod::Manual,
        delivery_time: Some(DeliveryTime::Hour1),
        qty_total: 2,
        qty_min: 1,
        attributes: attrs(),
        accounts: vec![account("one"), account("two")],
    }
}

fn currency_offer() -> NewCurrencyOffer {
    NewCurrencyOffer {
        game_id: GAME.into(),
        game_currency_id: "880e8400-e29b-41d4-a716-446655440010".into(),
        title: "Gold".into(),
        description: "Gold".into(),
        price: UsdPrice::parse("29.99").unwrap(),
        old_price: None,
        delivery_time: DeliveryTime::Minutes5,
        qty_total: 1000,
        qty_min: 10,
        attributes: attrs(),
    }
}

fn items_offer(method: DeliveryMethod) -> NewItemsOffer {
    NewItemsOffer {
        game_id: GAME.into(),
        title: "Sword".into(),
        description: "A sword".into(),
        price: UsdPrice::parse("5").unwrap(),
        old_price: None,
        delivery_method: method,
        delivery_time: Some(DeliveryTime::Day1),
        qty_total: 2,
        qty_min: 1,
        attributes: attrs(),
        items: vec![],
    }
}

fn update() -> OfferUpdate {
    OfferUpdate {
        title: "T".into(),
        description: "D".into(),
        price: UsdPrice::parse("1").unwrap(),
        old_price: OldPrice::Keep,
        delivery_time: DeliveryTime::Day1,
        qty_total: 5,
        qty_min: 1,
        attributes: attrs(),
    }
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

// ------------------------------ GGChest ------------------------------

#[tokio::test]
async fn ggchest_price_pattern_and_length() {
    let sb = sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    // Typed prices are checked as they are parsed …
    for bad in ["1.234", "-1", "1e3", "1,50", "12345678901234567", "1234567890123456.999", "", "1."] {
        assert!(UsdPrice::parse(bad).is_err(), "{bad:?} must not parse");
    }
    // … and computed ones (UsdPrice::new) before sending.
    for bad in ["1.234", "12345678901234567", "-5", "0.001"] {
        let p = UsdPrice::new(dec(bad));
        let e = refused(&sb, c.update_price(OFFER, p), &["price"]).await;
        assert!(message_of(&e, "price")[0].contains("^[0-9]{1,16}(\\.[0-9]{1,2})?$"), "{e}");
        let mut offer = currency_offer();
        offer.price = p;
        refused(&sb, c.create_currency_offer(&offer), &["price"]).await;
        let mut offer = currency_offer();
        offer.old_price = Some(p);
        refused(&sb, c.create_currency_offer(&offer), &["old_price"]).await;
        let mut u = update();
        u.price = p;
        refused(&sb, c.update_items_offer(OFFER, &u), &["price"]).await;
    }
    // 16 digits and 2 decimals (19 characters) is the longest valid price.
    assert!(UsdPrice::parse("1234567890123456.99").is_ok());
}

#[tokio::test]
async fn ggchest_unknown_enums() {
    let sb = sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let mut offer = accounts_offer();
    offer.delivery_time = Some(DeliveryTime::decode("9d"));
    offer.delivery_method = DeliveryMethod::decode("pickup");
    refused(&sb, c.create_accounts_offer(&offer), &["delivery_time", "delivery_method"]).await;
    let mut offer = items_offer(DeliveryMethod::decode("drone"));
    offer.delivery_time = Some(DeliveryTime::decode("soon"));
    refused(&sb, c.create_items_offer(&offer), &["delivery_method", "delivery_time"]).await;
    let mut u = update();
    u.delivery_time = DeliveryTime::decode("1w");
    refused(&sb, c.update_currency_offer(OFFER, &u), &["delivery_time"]).await;
    refused(&sb, c.attributes(GAME, &OfferType::decode("skins")), &["offer_type"]).await;

    let filter = OffersFilter { status: Some(OfferStatus::decode("archived")), ..Default::default() };
    refused(&sb, c.offers(&filter, 1, 10), &["filters[status]"]).await;
    let filter = OffersFilter { offer_type: Some(OfferType::decode("skins")), ..Default::default() };
    refused(&sb, c.offers(&filter, 1, 10), &["filters[offer_type]"]).await;
    let query = GamesQuery { offer_type: Some(OfferType::decode("skins")), sort_by_name: None };
    refused(&sb, c.games(&query), &["filters[offer_type]"]).await;
    let query = GamesQuery { offer_type: None, sort_by_name: Some(SortDirection::decode("up")) };
    refused(&sb, c.games(&query), &["sort[direction]"]).await;
    let filter = OrdersFilter { status: Some(OrderStatus::decode("LOST")), ..Default::default() };
    refused(&sb, c.orders(&filter, 1, 10), &["filters[status]"]).await;
    let filter = OrdersFilter { sort_by_paid_at: Some(SortDirection::decode("sideways")), ..Default::default() };
    refused(&sb, c.orders(&filter, 1, 10), &["sort[direction]"]).await;
    // Any casing of a known value is known (README `ACTIVE`, spec `active`).
    assert_eq!(OfferStatus::decode("ACTIVE"), OfferStatus::Active);
    assert_eq!(OfferStatus::decode("paused"), OfferStatus::Draft);
}

#[tokio::test]
async fn ggchest_quantities() {
    let sb = sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    // Accounts: qty_total must equal the number of accounts.
    let mut offer = accounts_offer();
    offer.qty_total = 3;
    let e = refused(&sb, c.create_accounts_offer(&offer), &["qty_total"]).await;
    assert!(message_of(&e, "qty_total")[0].contains("2 account"), "{e}");
    let mut offer = accounts_offer();
    offer.accounts.clear();
    offer.qty_total = 0;
    offer.qty_min = 0;
    refused(&sb, c.create_accounts_offer(&offer), &["accounts"]).await;
    // Auto items: qty_total must equal the delivery lines; at least one line.
    let mut offer = items_offer(DeliveryMethod::Auto);
    offer.items = vec![ItemDelivery { delivery_info: "A".into() }];
    let e = refused(&sb, c.create_items_offer(&offer), &["qty_total"]).await;
    assert!(message_of(&e, "qty_total")[0].contains("1 delivery line"), "{e}");
    let offer = items_offer(DeliveryMethod::Auto);
    refused(&sb, c.create_items_offer(&offer), &["items", "qty_total"]).await;
    let mut offer = items_offer(DeliveryMethod::Auto);
    offer.items = vec![ItemDelivery { delivery_info: "A".into() }, ItemDelivery { delivery_info: "A".into() }];
    let e = refused(&sb, c.create_items_offer(&offer), &["items"]).await;
    assert!(message_of(&e, "items")[0].contains("A (×2)"), "{e}");
    // Manual items: delivery_time required, no delivery lines, some stock.
    let mut offer = items_offer(DeliveryMethod::Manual);
    offer.delivery_time = None;
    refused(&sb, c.create_items_offer(&offer), &["delivery_time"]).await;
    let mut offer = items_offer(DeliveryMethod::Manual);
    offer.items = vec![ItemDelivery { delivery_info: "X".into() }];
    refused(&sb, c.create_items_offer(&offer), &["items"]).await;
    // qty_min may not exceed qty_total; currency offers sell something.
    let mut offer = currency_offer();
    offer.qty_min = 2000;
    refused(&sb, c.create_currency_offer(&offer), &["qty_min"]).await;
    let mut offer = currency_offer();
    offer.qty_total = 0;
    offer.qty_min = 0;
    refused(&sb, c.create_currency_offer(&offer), &["qty_total"]).await;
}

#[tokio::test]
async fn ggchest_required_text_attributes_and_accounts() {
    let sb = sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let mut offer = currency_offer();
    offer.title = "  ".into();
    offer.description = String::new();
    offer.game_id = String::new();
    offer.game_currency_id = " ".into();
    refused(&sb, c.create_currency_offer(&offer), &["title", "description", "game_id", "game_currency_id"]).await;

    let mut offer = currency_offer();
    offer.attributes.push(offer.attributes[0].clone());
    offer.attributes.push(AttributeChoice { id: "x".into(), option_id: " ".into() });
    refused(&sb, c.create_currency_offer(&offer), &["attributes", "attributes[2].id", "attributes[2].option_id"]).await;

    let mut offer = accounts_offer();
    offer.accounts[1].login = " ".into();
    offer.accounts[0].password = String::new();
    refused(&sb, c.create_accounts_offer(&offer), &["accounts[0].password", "accounts[1].login"]).await;
    let mut offer = accounts_offer();
    offer.accounts[1].login = "one".into();
    let e = refused(&sb, c.create_accounts_offer(&offer), &["accounts"]).await;
    assert!(message_of(&e, "accounts")[0].contains("one (×2)"), "{e}");

    // Accounts added by an update are checked too.
    let mut added = account("new");
    added.password = " ".into();
    refused(&sb, c.update_accounts_offer(OFFER, &update().with_accounts(vec![added])), &["accounts[0].password"]).await;

    // Ids in URL paths.
    refused(&sb, c.offer("a/../b"), &["offer_id"]).await;
    refused(&sb, c.toggle(" "), &["offer_id"]).await;
    refused(&sb, c.delete_icon(OFFER, "x?y"), &["icon_id"]).await;
    refused(&sb, c.game_currencies("g 1"), &["game_id"]).await;
    // Dot segments would be resolved by URL normalization into another path entirely
    // (`DELETE /v1/offers/{id}/icon/..` → `DELETE /v1/offers/{id}/`).
    refused(&sb, c.delete_icon(OFFER, ".."), &["icon_id"]).await;
    refused(&sb, c.delete_offer("."), &["offer_id"]).await;
    refused(&sb, c.update_price("..", UsdPrice::parse("1").unwrap()), &["offer_id"]).await;
}

/// The docs call every GGChest id a UUID ("Offer ID (UUID)", "Game ID (UUID)", "Game identifier
/// (UUID)", "Attribute identifier (UUID)", "Option identifier (UUID)", "Icon ID (UUID)"): any
/// other id is refused before a request goes out (before: each of these was sent, and a list
/// filtered by `wow` came back empty with success).
#[tokio::test]
async fn ggchest_ids_are_uuids_in_paths_queries_and_bodies() {
    let sb = sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    refused(&sb, c.offer("123"), &["offer_id"]).await;
    refused(&sb, c.delete_offer("abc"), &["offer_id"]).await;
    refused(&sb, c.toggle("offer-1"), &["offer_id"]).await;
    refused(&sb, c.update_price("1", UsdPrice::parse("1").unwrap()), &["offer_id"]).await;
    refused(&sb, c.game_currencies("fifa"), &["game_id"]).await;
    refused(&sb, c.attributes("wow", &OfferType::Items), &["game_id"]).await;
    refused(&sb, c.delete_icon(OFFER, "icon1"), &["icon_id"]).await;
    let filter = OffersFilter { game_id: Some("wow".into()), ..Default::default() };
    let e = refused(&sb, c.offers(&filter, 1, 10), &["filters[game_id]"]).await;
    assert!(e.to_string().contains("UUID"), "{e}");
    let mut offer = currency_offer();
    offer.game_id = "wow".into();
    refused(&sb, c.create_currency_offer(&offer), &["game_id"]).await;
    let mut offer = accounts_offer();
    offer.attributes = vec![AttributeChoice { id: "server".into(), option_id: "eu".into() }];
    refused(&sb, c.create_accounts_offer(&offer), &["attributes[0].id", "attributes[0].option_id"]).await;
    // A UUID with spaces around is sent, trimmed.
    let before = sb.requests().len();
    let _ = c.offer(&format!(" {OFFER} ")).await;
    let sent = sb.requests();
    assert_eq!(sent.len(), before + 1);
    assert!(sent.last().unwrap().path.ends_with(OFFER), "{:?}", sent.last());
}

#[tokio::test]
async fn ggchest_batch_ids() {
    let sb = sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let a = "01997b76-07ca-7ce2-a5bb-7124bdf09cd6";
    let b = "01997b76-514b-712f-a326-dbf46d00b082";
    for action in 0..3 {
        let run = |list: Vec<String>| {
            let c = &c;
            async move {
                match action {
                    0 => c.activate_offers(&list).await,
                    1 => c.draft_offers(&list).await,
                    _ => c.delete_offers(&list).await,
                }
            }
        };
        refused(&sb, run(vec![]), &["offers_ids"]).await;
        let e = refused(&sb, run(ids(&[a, b, a])), &["offers_ids"]).await;
        assert!(message_of(&e, "offers_ids")[0].contains(a), "the duplicate is named: {e}");
        let e = refused(&sb, run(vec![a.to_owned(), a.to_uppercase()]), &["offers_ids"]).await;
        assert!(message_of(&e, "offers_ids")[0].contains("duplicated"), "one UUID in two cases: {e}");
        let e = refused(&sb, run(ids(&[a, " "])), &["offers_ids"]).await;
        assert!(message_of(&e, "offers_ids")[0].contains("#2"), "the blank is located: {e}");
        let e = refused(&sb, run(ids(&[a, "offer-1", "gg0e8400-e29b-41d4-a716-446655440070"])), &["offers_ids"]).await;
        assert!(message_of(&e, "offers_ids")[0].contains("offer-1"), "{e}");
        // A duplicate in the last of several chunks still stops the whole selection.
        let mut many: Vec<String> = (0..150).map(|i| format!("01997b76-07ca-7ce2-a5bb-{i:012x}")).collect();
        many.push(many[0].clone());
        refused(&sb, run(many), &["offers_ids"]).await;
    }
}

#[tokio::test]
async fn ggchest_pages_and_dates() {
    let sb = sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let all = OffersFilter::default();
    refused(&sb, c.offers(&all, 1, 0), &["pagination[per_page]"]).await;
    refused(&sb, c.offers(&all, 1, 101), &["pagination[per_page]"]).await;
    refused(&sb, c.offers(&all, 0, 10), &["pagination[page]"]).await;
    refused(&sb, c.orders(&OrdersFilter::default(), 1, 101), &["pagination[per_page]"]).await;
    let filter =
        OrdersFilter { date_from: Some("31.01.2024".into()), date_to: Some("yesterday".into()), ..Default::default() };
    refused(&sb, c.orders(&filter, 1, 10), &["filters[date_from]", "filters[date_to]"]).await;
}

#[test]
fn icon_files_checked_by_content_and_size() {
    let png = tiny_png();
    let jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F'];
    assert_eq!(IconFile::new("photo.jpg", png.clone()).unwrap().kind(), ImageKind::Png, "content decides");
    assert_eq!(IconFile::new("icon.png", jpeg).unwrap().file_name(), "icon.jpg");
    for (name, bytes) in [
        ("fake.png", b"GIF89a\x01\x00\x01\x00".to_vec()),
        ("icon.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec()),
        ("icon.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ".to_vec()),
        ("empty.png", vec![]),
    ] {
        let e = IconFile::new(name, bytes).unwrap_err();
        assert_local(&e, &["icon"]);
        assert!(e.to_string().contains(name), "{e}");
    }
    let mut big = png.clone();
    big.resize(icon::MAX_ICON_BYTES + 1, 0);
    let e = IconFile::new("huge.png", big).unwrap_err();
    assert_local(&e, &["icon"]);
    assert!(e.to_string().contains("MiB"), "{e}");
    // Read from disk: the same checks.
    let dir = tempfile::tempdir().unwrap();
    let gif = dir.path().join("renamed.png");
    std::fs::write(&gif, b"GIF89a\x01\x00\x01\x00").unwrap();
    assert_local(&IconFile::read(&gif).unwrap_err(), &["icon"]);
    let real = dir.path().join("real.png");
    std::fs::write(&real, &png).unwrap();
    assert_eq!(IconFile::read(&real).unwrap().len(), png.len());
    assert_local(&IconFile::read(&dir.path().join("missing.png")).unwrap_err(), &["icon"]);
}

// ------------------------------ Gaming Goods ------------------------------

fn gg_product(delivery_type: DeliveryType, codes: &[&str]) -> NewProduct {
    NewProduct {
        name: "Key".into(),
        description: "A key".into(),
        category: "Game Keys".into(),
        brand: None,
        price: Amount::parse("9.99").unwrap(),
        currency: "EUR".into(),
        delivery_type,
        image_url: None,
        codes: codes.iter().map(|c| c.to_string()).collect(),
    }
}

#[tokio::test]
async fn gg_prices_currency_and_delivery_type() {
    let sb = sandbox().await;
    let c = gg_client(&sb.gg_base_url(), GG_KEY_A);
    for bad in ["0", "-1", "1.999", "0.001"] {
        let mut p = gg_product(DeliveryType::Manual, &[]);
        p.price = Amount::new(dec(bad));
        refused(&sb, c.create_product(&p), &["price"]).await;
        let u = ProductUpdate { price: Some(Amount::new(dec(bad))), ..Default::default() };
        refused(&sb, c.update_product("p-1", &u), &["price"]).await;
    }
    assert!(Amount::parse("19.999").is_err() && Amount::parse("-3").is_err());
    for bad in ["eur", "EURO", "E1R", ""] {
        let mut p = gg_product(DeliveryType::Manual, &[]);
        p.currency = bad.into();
        refused(&sb, c.create_product(&p), &["currency"]).await;
    }
    let e = refused(&sb, c.create_product(&gg_product(DeliveryType::Auto, &[])), &["codes"]).await;
    assert!(e.to_string().contains("AUTO"), "{e}");
    let e = refused(&sb, c.create_product(&gg_product(DeliveryType::Manual, &["A-1"])), &["codes"]).await;
    assert!(e.to_string().contains("MANUAL"), "{e}");
    refused(&sb, c.create_product(&gg_product(DeliveryType::decode("INSTANT"), &[])), &["delivery_type"]).await;
    // Everything wrong at once is reported at once.
    let mut p = gg_product(DeliveryType::Auto, &[]);
    p.name = " ".into();
    p.price = Amount::new(dec("0"));
    p.currency = "eur".into();
    p.image_url = Some("ftp://images/x.png".into());
    refused(&sb, c.create_product(&p), &["name", "price", "currency", "codes", "image_url"]).await;
    refused(&sb, c.update_product("p-1", &ProductUpdate::default()), &["update"]).await;
}

#[tokio::test]
async fn gg_codes_duplicates_and_blanks_are_named() {
    let sb = sandbox().await;
    let c = gg_client(&sb.gg_base_url(), GG_KEY_A);
    let codes = ids(&["AAAA-1", "BBBB-2", "AAAA-1", "  ", "CCCC-3", "BBBB-2"]);
    let e = refused(&sb, c.upload_codes("p-1", &codes), &["codes"]).await;
    let messages = message_of(&e, "codes").join(" | ");
    assert!(messages.contains("AAAA-1 (×2)") && messages.contains("BBBB-2 (×2)"), "{messages}");
    assert!(messages.contains("#4"), "the blank line is located: {messages}");
    refused(&sb, c.upload_codes("p-1", &[]), &["codes"]).await;
    let e = refused(&sb, c.create_product(&gg_product(DeliveryType::Auto, &["X", "X"])), &["codes"]).await;
    assert!(e.to_string().contains("X (×2)"), "{e}");
    let offers = NewOffers { product_id: "p-1".into(), price_cents: Cents(0), codes: ids(&["Q", "Q", ""]) };
    refused(&sb, c.add_offers(&offers), &["price_cents", "codes"]).await;
    let offers = NewOffers { product_id: "a b".into(), price_cents: Cents(100), codes: ids(&["Q"]) };
    refused(&sb, c.add_offers(&offers), &["product_id"]).await;
    refused(&sb, c.reprice_offers("p-1", Cents(100), Cents(100)), &["new_price_cents"]).await;
    refused(&sb, c.reprice_offers("p-1", Cents(0), Cents(-5)), &["old_price_cents", "new_price_cents"]).await;
    refused(&sb, c.delete_offers("../products"), &["product_id"]).await;
    refused(&sb, c.delete_offers(".."), &["product_id"]).await;
    refused(&sb, c.product("."), &["product_id"]).await;
}

#[tokio::test]
async fn gg_page_sizes() {
    let sb = sandbox().await;
    let c = gg_client(&sb.gg_base_url(), GG_KEY_A);
    refused(&sb, c.products(0, 0), &["limit"]).await;
    refused(&sb, c.products(101, 0), &["limit"]).await;
    refused(&sb, c.offers(1, 0), &["page_size"]).await;
    refused(&sb, c.offers(1, 101), &["page_size"]).await;
    refused(&sb, c.offers(0, 20), &["page"]).await;
}

#[test]
fn an_empty_key_or_a_bad_base_url_is_refused_before_anything() {
    let e = match markets::gg::GgClient::new(ClientConfig::new(Market::GamingGoods, ApiKey::new("  \n"))) {
        Err(e) => e,
        Ok(_) => panic!("an empty key must be refused"),
    };
    assert_local(&e, &["api_key"]);
    let config = ClientConfig::new(Market::GgChest, ApiKey::new("k")).with_base_url("ftp://example.com");
    assert!(matches!(GgcClient::new(config), Err(Error::Config(_))));
}
