//! Wire details checked against the documents, request by request, on a loopback server that
//! records the raw request (see `common::loopback`).

mod common;

use common::{gg_client, ggc_client, Loopback, Reply};
use markets::{gg::NewOffers, ggchest::*};
use serde_json::json;

const OFFER: &str = "01985a35-c7d2-9fa4-e1b6-8a3f5c2e9d7b";

/// README, toggle: "You don't need to send any data, just send an empty request"; the spec
/// declares no request body and the docs site's curl sends none. An empty request still says
/// `Content-Length: 0` (as curl does for `-X PUT`): front ends such as Google's answer a
/// POST/PUT without it with 411 Length Required. Gaming Goods' deactivate (a POST with no
/// body) likewise.
#[tokio::test]
async fn bodiless_put_and_post_send_content_length_zero_and_no_content_type() {
    let lb = Loopback::start(|_, _| Reply::raw(200, "{}")).await;
    ggc_client(lb.url(), "k").toggle(OFFER).await.unwrap();
    let r = lb.only_request();
    assert_eq!((r.method.as_str(), r.path.as_str()), ("PUT", "/v1/offers/01985a35-c7d2-9fa4-e1b6-8a3f5c2e9d7b/toggle"));
    assert_eq!(r.header("content-length"), Some("0"), "{:?}", r.headers);
    assert_eq!(r.header("content-type"), None, "no body, no JSON content type: {:?}", r.headers);
    assert!(r.body.is_empty());

    let lb = Loopback::start(|_, _| Reply::json(200, &json!({"product": {"id": "p-1", "is_active": false}}))).await;
    gg_client(lb.url(), "k").deactivate_product("p-1").await.unwrap();
    let r = lb.only_request();
    assert_eq!((r.method.as_str(), r.path.as_str()), ("POST", "/seller/products/p-1/deactivate"));
    assert_eq!(r.header("content-length"), Some("0"), "{:?}", r.headers);
    assert_eq!(r.header("content-type"), None);
}

fn gg_offer(n: usize) -> serde_json::Value {
    json!({"product_id": format!("p-{n}"), "price_cents": 100 + n, "available": 1, "sold": 0})
}

/// Gaming Goods offers: `page`, `page_size` (max 100); the answer's example has `"page_size": 20`.
/// A server that pages by 20 although 100 was asked must still be read to the end of `total`.
#[tokio::test]
async fn gg_all_offers_follows_the_page_size_the_server_used() {
    let lb = Loopback::start(|req, _| {
        let page: usize = req.query_value("page").unwrap().parse().unwrap();
        let items: Vec<_> = (0..45).skip((page - 1) * 20).take(20).map(gg_offer).collect();
        Reply::json(200, &json!({"offers": items, "total": 45, "page": page, "page_size": 20}))
    })
    .await;
    let all = gg_client(lb.url(), "k").all_offers().await.unwrap();
    assert_eq!(all.len(), 45, "pages asked: {:?}", lb.requests().iter().map(|r| r.query.clone()).collect::<Vec<_>>());
    assert_eq!(all[44].product_id, "p-44");
}

/// Gaming Goods products without a `total`: keep reading while pages come back full.
#[tokio::test]
async fn gg_all_products_without_total_reads_until_a_short_page() {
    let lb = Loopback::start(|req, _| {
        let offset: usize = req.query_value("offset").unwrap().parse().unwrap();
        let items: Vec<_> = (offset..150.min(offset + 100)).map(|n| json!({"id": format!("p-{n}")})).collect();
        Reply::json(200, &json!({"items": items}))
    })
    .await;
    let all = gg_client(lb.url(), "k").all_products().await.unwrap();
    assert_eq!(all.len(), 150);
    assert_eq!(lb.requests().len(), 2);
}

/// Gaming Goods offers without a `total`: likewise.
#[tokio::test]
async fn gg_all_offers_without_total_reads_until_a_short_page() {
    let lb = Loopback::start(|req, _| {
        let page: usize = req.query_value("page").unwrap().parse().unwrap();
        let items: Vec<_> = (0..130).skip((page - 1) * 100).take(100).map(gg_offer).collect();
        Reply::json(200, &json!({"offers": items}))
    })
    .await;
    assert_eq!(gg_client(lb.url(), "k").all_offers().await.unwrap().len(), 130);
    assert_eq!(lb.requests().len(), 2);
}

fn ggc_offer(n: usize) -> serde_json::Value {
    json!({"id": format!("o-{n}"), "status": "ACTIVE", "qty_total": "1"})
}

/// GGChest: `pagination[per_page]` "default: 10, max: 100"; the answer's `pagination` gives
/// `page_count` for the per_page the server used. A server paging by 10 is read to `page_count`.
#[tokio::test]
async fn ggc_all_offers_follows_page_count_whatever_per_page_the_server_used() {
    let lb = Loopback::start(|req, _| {
        let page: usize = req.query_value("pagination[page]").unwrap().parse().unwrap();
        let items: Vec<_> = (0..35).skip((page - 1) * 10).take(10).map(ggc_offer).collect();
        Reply::json(
            200,
            &json!({"items": items, "pagination": {"total_count": 35, "page_count": 4, "page": page, "per_page": 10}}),
        )
    })
    .await;
    let all = ggc_client(lb.url(), "k").all_offers(&OffersFilter::default()).await.unwrap();
    assert_eq!(all.len(), 35);
    assert_eq!(lb.requests().len(), 4);
}

/// GGChest without `pagination`: keep reading while pages come back full (100), stop at a short one.
#[tokio::test]
async fn ggc_all_offers_without_pagination_reads_until_a_short_page() {
    let lb = Loopback::start(|req, _| {
        let page: usize = req.query_value("pagination[page]").unwrap().parse().unwrap();
        let items: Vec<_> = (0..230).skip((page - 1) * 100).take(100).map(ggc_offer).collect();
        Reply::json(200, &json!({"items": items}))
    })
    .await;
    let all = ggc_client(lb.url(), "k").all_offers(&OffersFilter::default()).await.unwrap();
    assert_eq!(all.len(), 230);
    assert_eq!(lb.requests().len(), 3);
}

/// A server that ignores `pagination[page]` and has no `pagination` must not be read forever.
#[tokio::test]
async fn ggc_all_offers_stops_when_a_page_without_pagination_repeats() {
    let lb =
        Loopback::start(|_, _| Reply::json(200, &json!({"items": (0..100).map(ggc_offer).collect::<Vec<_>>()}))).await;
    let all = ggc_client(lb.url(), "k").all_offers(&OffersFilter::default()).await.unwrap();
    assert_eq!((all.len(), lb.requests().len()), (200, 2));
}

/// Gaming Goods: "Every request must carry the header: X-API-Key"; GGChest: "All requests must
/// include an `X-API-KEY` header". Header names are case-insensitive (RFC 9110 §5.1) and HTTP/2
/// sends them in lower case, so the name is checked case-insensitively; every request also asks
/// for JSON, the only format either API answers.
#[tokio::test]
async fn every_request_carries_the_key_and_asks_for_json() {
    let lb = Loopback::start(|req, _| match req.path.as_str() {
        "/seller/dashboard" => Reply::json(200, &json!({})),
        _ => Reply::raw(200, "{}"),
    })
    .await;
    gg_client(lb.url(), "gg-key").dashboard().await.unwrap();
    ggc_client(lb.url(), "ggc-key").toggle(OFFER).await.unwrap();
    let reqs = lb.requests();
    assert_eq!(reqs[0].header("X-API-Key"), Some("gg-key"));
    assert_eq!(reqs[1].header("X-API-KEY"), Some("ggc-key"));
    for r in &reqs {
        assert_eq!(r.header("accept"), Some("application/json"), "{} {}", r.method, r.path);
    }
}

/// README: `GET /v1/offers?pagination[page]=1&pagination[per_page]=10&filters[status]=...`; the
/// spec's `filters[status]` enum is `active`, `draft`, `deleted` (lower case). The brackets go
/// out percent-encoded (`%5B`, `%5D`): RFC 3986 does not allow a bare `[` or `]` in a query,
/// and PHP (hence Symfony's `$request->query`), Node's `qs` and the sandbox all decode the name
/// before reading its brackets, so `pagination%5Bpage%5D=1` is `pagination[page]=1` to them.
#[tokio::test]
async fn offers_query_names_are_the_documented_ones_percent_encoded() {
    let lb = Loopback::fixed(200, json!({"items": [], "pagination": {}})).await;
    let filter = OffersFilter {
        status: Some(OfferStatus::decode("DRAFT")),
        offer_type: Some(OfferType::Currency),
        game_id: Some("0192b854-d37a-71d5-9ae5-ad763615171a".into()),
    };
    ggc_client(lb.url(), "k").offers(&filter, 2, 100).await.unwrap();
    let r = lb.only_request();
    assert_eq!(
        r.query.as_deref(),
        Some(
            "pagination%5Bpage%5D=2&pagination%5Bper_page%5D=100&filters%5Bstatus%5D=draft\
             &filters%5Boffer_type%5D=currency&filters%5Bgame_id%5D=0192b854-d37a-71d5-9ae5-ad763615171a"
        )
    );
    let names: Vec<String> = r.query_pairs().into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        ["pagination[page]", "pagination[per_page]", "filters[status]", "filters[offer_type]", "filters[game_id]"]
    );
}

/// `Retry-After` as an HTTP-date (RFC 9110 §10.2.3 allows either form) is waited for, then
/// the request repeated: a 429 was not processed, so even a toggle may go again.
#[tokio::test]
async fn retry_after_as_an_http_date_is_honoured() {
    let lb = Loopback::start(|_, i| {
        if i == 0 {
            let at = std::time::SystemTime::now() + std::time::Duration::from_secs(2);
            Reply::raw(429, r#"{"message":"Too Many Requests"}"#)
                .with_header("Retry-After", &httpdate::fmt_http_date(at))
        } else {
            Reply::raw(200, "{}")
        }
    })
    .await;
    let start = std::time::Instant::now();
    ggc_client(lb.url(), "k").toggle(OFFER).await.unwrap();
    let reqs = lb.requests();
    assert_eq!(reqs.len(), 2);
    let gap = reqs[1].at - reqs[0].at;
    assert!(gap >= std::time::Duration::from_millis(900), "waited only {gap:?}");
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
}

/// "429 Too Many Requests — rate limit (100 req/min)" with no `Retry-After`: back off, repeat.
#[tokio::test]
async fn a_429_without_retry_after_backs_off_and_repeats() {
    let lb = Loopback::start(|_, i| {
        if i == 0 {
            Reply::raw(429, r#"{"error":{"code":"TOO_MANY_REQUESTS","message":"rate limit"}}"#)
        } else {
            Reply::json(200, &json!({"added": 2}))
        }
    })
    .await;
    let offers = NewOffers {
        product_id: "a1b2c3d4".into(),
        price_cents: markets::Cents(1799),
        codes: vec!["AAAA".into(), "BBBB".into()],
    };
    assert_eq!(gg_client(lb.url(), "k").add_offers(&offers).await.unwrap().added, 2);
    assert_eq!(lb.requests().len(), 2);
}

/// README table: `INTERNAL_ERROR` 500. A toggle answered 500 may have flipped the offer: it is
/// reported as unknown and never sent again (a second toggle would undo the first).
#[tokio::test]
async fn a_toggle_answered_500_is_outcome_unknown_and_not_repeated() {
    let lb = Loopback::start(|_, _| Reply::empty(500)).await;
    let e = ggc_client(lb.url(), "k").toggle(OFFER).await.unwrap_err();
    assert!(matches!(e, markets::Error::OutcomeUnknown { .. }), "{e:?}");
    assert_eq!(lb.requests().len(), 1);
}

/// Neither document has a redirect. One is not followed: a followed 301 would turn a POST
/// into a GET and carry `X-API-KEY` to the host it names.
#[tokio::test]
async fn a_redirect_is_reported_not_followed() {
    let elsewhere = Loopback::start(|_, _| Reply::raw(200, r#"{"id":"x"}"#)).await;
    let to = format!("{}/v1/offers/currency", elsewhere.url());
    let lb = Loopback::start(move |_, _| Reply::empty(301).with_header("Location", &to)).await;
    let offer = NewCurrencyOffer {
        game_id: "550e8400-e29b-41d4-a716-446655440000".into(),
        game_currency_id: "880e8400-e29b-41d4-a716-446655440010".into(),
        title: "100,000 Gold".into(),
        description: "Fast".into(),
        price: markets::UsdPrice::parse("29.99").unwrap(),
        old_price: None,
        delivery_time: DeliveryTime::Minutes5,
        qty_total: 10000,
        qty_min: 100,
        attributes: vec![],
    };
    let e = ggc_client(lb.url(), "secret").create_currency_offer(&offer).await.unwrap_err();
    assert!(matches!(&e, markets::Error::UnexpectedResponse { status: 301, .. }), "{e:?}");
    assert!(e.to_string().contains("redirect"), "{e}");
    assert_eq!(lb.requests().len(), 1);
    assert!(elsewhere.requests().is_empty(), "the key went to the redirect's host");
}

/// README, Update Offer Price: "All prices are specified in US dollars. We only accept 2 decimal
/// places (see example)" — `"price": "66.32"`. The pattern `^[0-9]{1,16}(\.[0-9]{1,2})?$` also
/// takes `100` or `0.5`, but the strictest reading wants two decimals, which every source
/// accepts: prices go out as `100.00`, `0.50`, `12.50`. Old prices likewise.
#[tokio::test]
async fn prices_go_out_with_exactly_two_decimals() {
    let lb = Loopback::start(|_, _| Reply::raw(200, r#"{"id":"01985a33-2b8f-87e4-a7d3-1f6c9e3a8d5c"}"#)).await;
    let c = ggc_client(lb.url(), "k");
    for (typed, sent) in [("100", "100.00"), ("12.5", "12.50"), ("0.5", "0.50"), ("66.32", "66.32")] {
        c.update_price(OFFER, markets::UsdPrice::parse(typed).unwrap()).await.unwrap();
        let last = lb.requests().pop().unwrap();
        assert_eq!(last.json(), json!({"price": sent}), "typed {typed}");
    }
    let offer = NewCurrencyOffer {
        game_id: "550e8400-e29b-41d4-a716-446655440000".into(),
        game_currency_id: "880e8400-e29b-41d4-a716-446655440010".into(),
        title: "100,000 Gold".into(),
        description: "Fast".into(),
        price: markets::UsdPrice::parse("29.9").unwrap(),
        old_price: Some(markets::UsdPrice::parse("35").unwrap()),
        delivery_time: DeliveryTime::Minutes5,
        qty_total: 10000,
        qty_min: 100,
        attributes: vec![],
    };
    c.create_currency_offer(&offer).await.unwrap();
    let body = lb.requests().pop().unwrap().json();
    assert_eq!((&body["price"], &body["old_price"]), (&json!("29.90"), &json!("35.00")));
    // The longest price the pattern allows still fits the 19 characters.
    let longest = markets::UsdPrice::parse("9999999999999999").unwrap();
    assert_eq!(longest.wire(), "9999999999999999.00");
    assert!(longest.check().is_ok());
    // A price read back with 3 decimals is not rounded into shape: it is refused before sending.
    let odd: markets::UsdPrice = serde_json::from_str("\"1.345\"").unwrap();
    assert!(odd.check().is_err());
    assert!(c.update_price(OFFER, odd).await.is_err());
}

/// README: `POST /v1/offers/{id}/icon`, multipart/form-data, field `icon` (curl `-F
/// "icon=@/path/to/icon.png"`). Like curl, the upload states its length (PHP behind some front
/// ends cannot read a chunked multipart body) and names the file with its type.
#[tokio::test]
async fn icon_upload_is_one_sized_multipart_part_named_icon() {
    let lb =
        Loopback::start(|_, _| Reply::raw(200, r#"{"file_id":"ff0e8400-e29b-41d4-a716-446655440060","path":"p"}"#))
            .await;
    let icon = IconFile::new("logo.jpeg", common::tiny_png()).unwrap();
    let attached = ggc_client(lb.url(), "k").attach_icon(OFFER, &icon).await.unwrap();
    assert_eq!(attached.id, "ff0e8400-e29b-41d4-a716-446655440060");
    let r = lb.only_request();
    assert_eq!((r.method.as_str(), r.path.as_str()), ("POST", "/v1/offers/01985a35-c7d2-9fa4-e1b6-8a3f5c2e9d7b/icon"));
    assert_eq!(r.header("content-length"), Some(r.body.len().to_string().as_str()), "{:?}", r.headers);
    assert_eq!(r.header("transfer-encoding"), None);
    assert!(r.header("content-type").unwrap().starts_with("multipart/form-data; boundary="));
    let text = r.text();
    assert!(text.contains("Content-Disposition: form-data; name=\"icon\"; filename=\"logo.png\""), "{text}");
    assert!(text.to_ascii_lowercase().contains("content-type: image/png"), "{text}");
    assert_eq!(text.matches("Content-Disposition").count(), 1, "one part only");
}
