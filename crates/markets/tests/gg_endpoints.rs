//! Every Gaming Goods endpoint through `GgClient` against the sandbox over real HTTP, asserting
//! on the sandbox's state, not only on the answers.

mod common;

use common::{empty_sandbox, gg_client, logged, rate_limited, sandbox};
use futures::TryStreamExt;
use markets::{
    gg::{DeliveryType, ModerationStatus, NewOffers, NewProduct, ProductUpdate},
    Amount, Cents, Decimal, Error,
};
use sandbox::{GgDeliveryType, GgModeration, Market as Sb, Sandbox, State, GG_KEY_A, GG_KEY_B};
use std::str::FromStr;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn product(name: &str, price: &str, delivery_type: DeliveryType, codes: &[&str]) -> NewProduct {
    NewProduct {
        name: name.into(),
        description: format!("{name}: a test listing"),
        category: "Game Keys".into(),
        brand: Some("Test Brand".into()),
        price: Amount::parse(price).unwrap(),
        currency: "EUR".into(),
        delivery_type,
        image_url: Some("https://example.com/image.png".into()),
        codes: codes.iter().map(|c| c.to_string()).collect(),
    }
}

/// The marketplace catalog: products of sellers without an API key, on sale.
fn catalog(state: &State) -> Vec<String> {
    state.gg.products.iter().filter(|p| p.owner.starts_with("market:") && p.on_sale()).map(|p| p.id.clone()).collect()
}

/// A fresh seller with nothing yet.
fn new_seller(sb: &Sandbox, key: &str) -> String {
    sb.add_seller(Sb::Gg, key);
    key.to_owned()
}

#[tokio::test]
async fn dashboard_matches_the_state() {
    let sb = sandbox().await;
    let d = gg_client(&sb.gg_base_url(), GG_KEY_A).dashboard().await.unwrap();
    let state = sb.state();
    let own = state.gg_products_of(GG_KEY_A);
    let sales = state.gg_sales_of(GG_KEY_A);
    assert!(!own.is_empty() && !sales.is_empty(), "demo data has listings and sales for seller A");
    assert_eq!(d.total_products, own.len() as u64);
    assert_eq!(d.active_products, own.iter().filter(|p| p.on_sale()).count() as u64);
    assert_eq!(d.pending_products, own.iter().filter(|p| p.moderation_status == GgModeration::Pending).count() as u64);
    assert_eq!(d.total_sales, sales.len() as u64);
    let pending: u64 = sales.iter().filter(|s| !s.settled).map(|s| s.reward_cents).sum();
    let available: u64 = sales.iter().filter(|s| s.settled).map(|s| s.reward_cents).sum();
    assert_eq!((d.pending_rewards, d.available_rewards), (Cents(pending as i64), Cents(available as i64)));
    // Paying out moves pending to available.
    sb.gg_settle_rewards(GG_KEY_A);
    let d = gg_client(&sb.gg_base_url(), GG_KEY_A).dashboard().await.unwrap();
    assert_eq!((d.pending_rewards, d.available_rewards), (Cents(0), Cents((pending + available) as i64)));
    assert!(rate_limited(&sb).is_empty());
}

#[tokio::test]
async fn create_auto_and_manual_then_detail_update_deactivate_reactivate() {
    let sb = sandbox().await;
    let c = gg_client(&sb.gg_base_url(), GG_KEY_A);

    let auto = c.create_product(&product("Test Auto Key", "12.34", DeliveryType::Auto, &["T-1", "T-2", "T-3"])).await;
    let auto = auto.unwrap();
    assert_eq!(auto.moderation_status, Some(ModerationStatus::Pending), "new listings are moderated");
    assert_eq!(auto.stock_available, Some(3));
    let state = sb.state();
    let stored = state.gg_product(&auto.id).expect("the listing is in the sandbox");
    assert_eq!(stored.owner, GG_KEY_A);
    assert_eq!(stored.title, "Test Auto Key");
    assert_eq!(stored.price, dec("12.34"));
    assert_eq!(stored.delivery_type, GgDeliveryType::Auto);
    assert_eq!(state.gg_codes(&auto.id), ["T-1", "T-2", "T-3"]);
    assert_eq!((stored.moderation_status, stored.is_active), (GgModeration::Pending, true));
    assert_eq!(stored.brand.as_deref(), Some("Test Brand"));
    assert_eq!(stored.image_url.as_deref(), Some("https://example.com/image.png"));

    let manual = c.create_product(&product("Test Manual Key", "5", DeliveryType::Manual, &[])).await.unwrap();
    let state = sb.state();
    let stored = state.gg_product(&manual.id).unwrap();
    assert_eq!((stored.delivery_type, stored.codes.len()), (GgDeliveryType::Manual, 0));
    assert_eq!(stored.price, dec("5"));

    // Detail.
    let detail = c.product(&auto.id).await.unwrap();
    assert_eq!(detail.title.as_deref(), Some("Test Auto Key"));
    assert_eq!(detail.price, Some(Amount::new(dec("12.34"))));
    assert_eq!((detail.stock_available, detail.delivery_type), (Some(3), Some(DeliveryType::Auto)));

    // Update: a new name is a significant edit and goes back to moderation.
    sb.gg_set_moderation(&auto.id, GgModeration::Approved).unwrap();
    let update = ProductUpdate {
        name: Some("Test Auto Key — RU".into()),
        price: Some(Amount::parse("11.99").unwrap()),
        ..Default::default()
    };
    let updated = c.update_product(&auto.id, &update).await.unwrap();
    assert_eq!(updated.title.as_deref(), Some("Test Auto Key — RU"));
    let state = sb.state();
    let stored = state.gg_product(&auto.id).unwrap();
    assert_eq!((stored.title.as_str(), stored.price), ("Test Auto Key — RU", dec("11.99")));
    assert_eq!(stored.moderation_status, GgModeration::Pending);
    assert_eq!(stored.description, "Test Auto Key: a test listing", "fields not given are kept");

    // Deactivate, then re-enable via PUT.
    let off = c.deactivate_product(&auto.id).await.unwrap();
    assert_eq!(off.is_active, Some(false));
    assert!(!sb.state().gg_product(&auto.id).unwrap().is_active);
    let on = c.reactivate_product(&auto.id).await.unwrap();
    assert_eq!(on.is_active, Some(true));
    assert!(sb.state().gg_product(&auto.id).unwrap().is_active);

    let log = logged(&sb, Sb::Gg);
    let ops: Vec<(&str, &str)> = log.iter().map(|r| (r.method.as_str(), r.path.as_str())).collect();
    assert_eq!(ops[0], ("POST", "/seller/products"));
    assert!(ops.contains(&("POST", format!("/seller/products/{}/deactivate", auto.id).as_str())));
    assert_eq!(log.iter().filter(|r| r.method == "PUT").count(), 2, "update and reactivate are PUTs");
    assert!(log.iter().all(|r| r.status == Some(200) && r.is_from(GG_KEY_A)), "{log:?}");
}

#[tokio::test]
async fn upload_codes_adds_stock_and_a_duplicate_is_a_business_rule() {
    let sb = sandbox().await;
    let c = gg_client(&sb.gg_base_url(), GG_KEY_A);
    let state = sb.state();
    let listing = state
        .gg_products_of(GG_KEY_A)
        .into_iter()
        .find(|p| p.delivery_type == GgDeliveryType::Auto && p.is_active)
        .expect("seller A has an AUTO listing")
        .clone();
    let before = state.gg_codes(&listing.id);

    let codes = vec!["NEW-CODE-0001".to_owned(), "NEW-CODE-0002".to_owned()];
    let r = c.upload_codes(&listing.id, &codes).await.unwrap();
    let after = sb.state().gg_codes(&listing.id);
    assert_eq!(r.uploaded, 2);
    assert_eq!(r.stock_available, after.len() as u64);
    assert_eq!(after.len(), before.len() + 2);
    assert!(after.ends_with(&codes));

    // One code already in stock: 422, nothing added.
    let again = vec!["NEW-CODE-0003".to_owned(), "NEW-CODE-0001".to_owned()];
    let e = c.upload_codes(&listing.id, &again).await.unwrap_err();
    assert!(matches!(e, Error::BusinessRule { .. }), "{e:?}");
    assert_eq!(e.code(), markets::ErrorCode::BusinessRule);
    assert!(e.to_string().contains("NEW-CODE-0001"), "the message names the duplicate: {e}");
    assert_eq!(sb.state().gg_codes(&listing.id), after, "nothing was added");

    // Codes only go to AUTO listings.
    let manual = sb
        .state()
        .gg_products_of(GG_KEY_A)
        .into_iter()
        .find(|p| p.delivery_type == GgDeliveryType::Manual)
        .expect("seller A has a MANUAL listing")
        .id
        .clone();
    let e = c.upload_codes(&manual, &["M-1".to_owned()]).await.unwrap_err();
    assert_eq!(e.code(), markets::ErrorCode::BusinessRule, "{e:?}");
    assert!(sb.state().gg_codes(&manual).is_empty());
}

#[tokio::test]
async fn products_list_pages_and_all_over_more_than_100() {
    let sb = empty_sandbox().await;
    let key = new_seller(&sb, "pk_test_markets_paging_seller");
    let c = gg_client(&sb.gg_base_url(), &key);
    for i in 0..105 {
        c.create_product(&product(&format!("Paging listing {i:03}"), "1.50", DeliveryType::Manual, &[])).await.unwrap();
    }
    let state = sb.state();
    let ids: Vec<String> = state.gg_products_of(&key).iter().map(|p| p.id.clone()).collect();
    assert_eq!(ids.len(), 105);

    let first = c.products(100, 0).await.unwrap();
    assert_eq!((first.items.len(), first.total, first.limit, first.offset), (100, 105, 100, 0));
    let second = c.products(100, 100).await.unwrap();
    assert_eq!(second.items.len(), 5);
    let default_size = c.products(20, 40).await.unwrap();
    assert_eq!(default_size.items.iter().map(|p| p.id.clone()).collect::<Vec<_>>(), ids[40..60]);

    let pages: Vec<_> = c.product_pages().try_collect().await.unwrap();
    assert_eq!(pages.iter().map(|p| p.items.len()).collect::<Vec<_>>(), [100, 5]);
    let all = c.all_products().await.unwrap();
    assert_eq!(all.iter().map(|p| p.id.clone()).collect::<Vec<_>>(), ids, "every listing once, in order");
    assert!(all.iter().all(|p| p.price == Some(Amount::new(dec("1.50")))));

    // The paging really paged: limit 100 at offsets 0 and 100.
    let queries: Vec<String> = logged(&sb, Sb::Gg)
        .into_iter()
        .filter(|r| r.method == "GET" && r.path == "/seller/products")
        .map(|r| r.query.unwrap_or_default())
        .collect();
    assert!(queries.iter().filter(|q| q.contains("limit=100") && q.contains("offset=100")).count() >= 2, "{queries:?}");
    assert!(rate_limited(&sb).is_empty(), "pacing kept 105 creates under the limit");
}

#[tokio::test]
async fn offers_on_other_sellers_products_list_all_reprice_delete() {
    let sb = empty_sandbox().await;
    let key = new_seller(&sb, "pk_test_markets_offers_seller");
    let c = gg_client(&sb.gg_base_url(), &key);
    let catalog = catalog(&sb.state());
    assert!(catalog.len() >= 20, "the sandbox seeds a marketplace catalog");
    let target = catalog[0].clone();
    assert_ne!(sb.state().gg_product(&target).unwrap().owner, key, "another seller's product (C2C)");

    let codes: Vec<String> = (1..=3).map(|i| format!("OFFER-{i}")).collect();
    let added =
        c.add_offers(&NewOffers { product_id: target.clone(), price_cents: Cents(1500), codes: codes.clone() }).await;
    assert_eq!(added.unwrap().added, 3);
    let state = sb.state();
    let mine = state.gg_offers_of(&key);
    assert_eq!(mine.iter().map(|o| o.code.clone()).collect::<Vec<_>>(), codes);
    assert!(mine.iter().all(|o| o.product_id == target && o.price_cents == 1500 && !o.sold));

    // More than 100 (product, price) rows: 22 products × 5 prices.
    let mut n = 0;
    for product_id in &catalog {
        for price in 1000..1005 {
            n += 1;
            let offers = NewOffers {
                product_id: product_id.clone(),
                price_cents: Cents(price),
                codes: vec![format!("BULK-{n}")],
            };
            c.add_offers(&offers).await.unwrap();
        }
    }
    let rows = n + 1;
    assert!(rows > 100);
    let pages: Vec<_> = c.offer_pages().try_collect().await.unwrap();
    assert_eq!(pages.iter().map(|p| p.offers.len()).collect::<Vec<_>>(), [100, rows - 100]);
    assert!(pages.iter().all(|p| p.total == rows as u64));
    let all = c.all_offers().await.unwrap();
    assert_eq!(all.len(), rows);
    let state = sb.state();
    for row in &all {
        let unsold = state
            .gg_offers_of(&key)
            .into_iter()
            .filter(|o| o.product_id == row.product_id && o.price_cents as i64 == row.price_cents.0 && !o.sold)
            .count();
        assert_eq!(row.available, unsold as u64, "{row:?}");
    }
    assert_eq!(all.iter().filter(|o| o.product_id == target && o.price_cents == Cents(1500)).count(), 1);

    // Reprice moves only the unsold offers at the old price.
    let r = c.reprice_offers(&target, Cents(1500), Cents(1450)).await.unwrap();
    assert_eq!(r.updated, 3);
    let state = sb.state();
    let on_target: Vec<_> = state.gg_offers_of(&key).into_iter().filter(|o| o.product_id == target).collect();
    assert_eq!(on_target.iter().filter(|o| o.price_cents == 1450).count(), 3);
    assert_eq!(on_target.iter().filter(|o| o.price_cents == 1500).count(), 0);

    // A buyer buys the cheapest; delete removes the unsold ones and keeps the sold one.
    let sold = sb.gg_sell_offers(&target, 1).unwrap();
    assert_eq!((sold[0].seller.as_str(), sold[0].price_cents), (key.as_str(), 1000));
    let unsold_before = on_target.len() - 1;
    let d = c.delete_offers(&target).await.unwrap();
    assert_eq!(d.deleted, unsold_before as u64);
    let state = sb.state();
    let left: Vec<_> = state.gg_offers_of(&key).into_iter().filter(|o| o.product_id == target).collect();
    assert_eq!(left.len(), 1);
    assert!(left[0].sold, "sold offers are kept intact");
    let rows_after = c.all_offers().await.unwrap();
    let on_target: Vec<_> = rows_after.iter().filter(|o| o.product_id == target).collect();
    assert_eq!(on_target.len(), 1);
    assert_eq!((on_target[0].available, on_target[0].sold), (0, 1));
    assert!(rate_limited(&sb).is_empty());
}

#[tokio::test]
async fn offers_on_a_listing_of_another_api_seller() {
    let sb = sandbox().await;
    let state = sb.state();
    let listing_of_b = state
        .gg_products_of(GG_KEY_B)
        .into_iter()
        .find(|p| p.on_sale())
        .expect("seller B has a listing on sale")
        .id
        .clone();
    let c = gg_client(&sb.gg_base_url(), GG_KEY_A);
    let added = c
        .add_offers(&NewOffers {
            product_id: listing_of_b.clone(),
            price_cents: Cents(699),
            codes: vec!["C2C-1".into()],
        })
        .await
        .unwrap();
    assert_eq!(added.added, 1);
    assert!(sb
        .state()
        .gg_offers_of(GG_KEY_A)
        .iter()
        .any(|o| o.product_id == listing_of_b && o.code == "C2C-1" && o.price_cents == 699));
    // …but B's listing itself stays B's: A cannot read it as its own.
    let e = c.product(&listing_of_b).await.unwrap_err();
    assert_eq!(e.code(), markets::ErrorCode::NotFound, "{e:?}");
}
