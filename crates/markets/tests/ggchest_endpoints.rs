//! Every GGChest endpoint through `GgcClient` against the sandbox over real HTTP, asserting on
//! the sandbox's state, not only on the answers.

mod common;

use common::{empty_sandbox, ggc_client, logged, rate_limited, sandbox, tiny_png};
use futures::TryStreamExt;
use markets::{ggchest::*, Error, UsdPrice};
use sandbox::{
    GgcDeliveryMethod, GgcOfferStatus, GgcOfferType, GgcOrderStatus, Market as Sb, NewOrder, State, GGCHEST_KEY_A,
    GGCHEST_KEY_B,
};
use std::collections::BTreeSet;

const WOW: &str = "550e8400-e29b-41d4-a716-446655440000";

fn price(s: &str) -> UsdPrice {
    UsdPrice::parse(s).unwrap()
}

fn sb_type(t: &OfferType) -> GgcOfferType {
    match t {
        OfferType::Accounts => GgcOfferType::Accounts,
        OfferType::Items => GgcOfferType::Items,
        OfferType::Currency => GgcOfferType::Currency,
        OfferType::Unknown(u) => panic!("unknown offer type {u}"),
    }
}

/// The first option of every attribute of `game_id` for `offer_type`, from the sandbox's dictionary.
fn choices(state: &State, game_id: &str, offer_type: GgcOfferType) -> Vec<AttributeChoice> {
    state
        .ggchest_game(game_id)
        .unwrap()
        .attributes_for(offer_type)
        .map(|a| AttributeChoice { id: a.id.clone(), option_id: a.options[0].id.clone() })
        .collect()
}

fn account(login: &str) -> AccountCredentials {
    AccountCredentials {
        login: login.into(),
        password: format!("{login}-Pass1!"),
        email_login: Some(format!("{login}@mail.example")),
        email_password: Some("MailPass1!".into()),
        description: Some(format!("account {login}")),
    }
}

fn accounts_offer(state: &State, logins: &[&str]) -> NewAccountsOffer {
    NewAccountsOffer {
        game_id: WOW.into(),
        title: "WoW Level 60 Account".into(),
        description: "Test accounts offer".into(),
        price: price("99.99"),
        old_price: Some(price("149.99")),
        delivery_method: DeliveryMethod::Manual,
        delivery_time: Some(DeliveryTime::Hour1),
        qty_total: logins.len() as u64,
        qty_min: 1,
        attributes: choices(state, WOW, GgcOfferType::Accounts),
        accounts: logins.iter().map(|l| account(l)).collect(),
    }
}

fn currency_offer(state: &State, title: &str) -> NewCurrencyOffer {
    let game = state.ggchest_game(WOW).unwrap();
    NewCurrencyOffer {
        game_id: WOW.into(),
        game_currency_id: game.currencies[0].id.clone(),
        title: title.into(),
        description: "Fast and secure gold delivery".into(),
        price: price("29.99"),
        old_price: None,
        delivery_time: DeliveryTime::Minutes5,
        qty_total: 10_000,
        qty_min: 100,
        attributes: choices(state, WOW, GgcOfferType::Currency),
    }
}

fn items_offer(state: &State, method: DeliveryMethod, items: &[&str]) -> NewItemsOffer {
    let manual = method == DeliveryMethod::Manual;
    NewItemsOffer {
        game_id: WOW.into(),
        title: format!("Legendary Sword ({method})"),
        description: "Test items offer".into(),
        price: price("49.99"),
        old_price: None,
        delivery_method: method,
        delivery_time: manual.then_some(DeliveryTime::Day1),
        qty_total: if manual { 25 } else { items.len() as u64 },
        qty_min: 1,
        attributes: choices(state, WOW, GgcOfferType::Items),
        items: items.iter().map(|i| ItemDelivery { delivery_info: i.to_string() }).collect(),
    }
}

fn stored<'a>(state: &'a State, id: &str) -> &'a sandbox::GgcOffer {
    state.ggchest_offer(id).unwrap_or_else(|| panic!("offer {id} is not in the sandbox"))
}

#[tokio::test]
async fn games_filtered_and_sorted() {
    let sb = sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let state = sb.state();
    let all = c.games(&GamesQuery::default()).await.unwrap();
    assert_eq!(
        all.iter().map(|g| g.id.clone()).collect::<BTreeSet<_>>(),
        state.ggchest.games.iter().map(|g| g.id.clone()).collect::<BTreeSet<_>>()
    );
    for t in OfferType::KNOWN {
        let q = GamesQuery { offer_type: Some(t.clone()), sort_by_name: None };
        let games = c.games(&q).await.unwrap();
        let expected: BTreeSet<String> =
            state.ggchest.games.iter().filter(|g| g.offer_types.contains(&sb_type(t))).map(|g| g.id.clone()).collect();
        assert!(!expected.is_empty() && expected.len() < state.ggchest.games.len(), "the filter must filter ({t})");
        assert_eq!(games.iter().map(|g| g.id.clone()).collect::<BTreeSet<_>>(), expected, "{t}");
    }
    let mut names: Vec<String> = state.ggchest.games.iter().map(|g| g.name.clone()).collect();
    names.sort_by_key(|n| n.to_lowercase());
    let asc = c.games(&GamesQuery { offer_type: None, sort_by_name: Some(SortDirection::Asc) }).await.unwrap();
    assert_eq!(asc.iter().map(|g| g.name.clone()).collect::<Vec<_>>(), names);
    let desc = c.games(&GamesQuery { offer_type: None, sort_by_name: Some(SortDirection::Desc) }).await.unwrap();
    names.reverse();
    assert_eq!(desc.iter().map(|g| g.name.clone()).collect::<Vec<_>>(), names);
    assert!(desc.iter().all(|g| g.icon.as_ref().is_some_and(|i| i.path.is_some())));
    let queries: Vec<String> = logged(&sb, Sb::GgChest).into_iter().filter_map(|r| r.query).collect();
    assert!(queries.iter().any(|q| q.contains("sort%5Bdirection%5D=desc") || q.contains("sort[direction]=desc")));
}

#[tokio::test]
async fn currencies_and_attributes_of_every_game_and_type() {
    let sb = sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let state = sb.state();
    for game in &state.ggchest.games {
        let currencies = c.game_currencies(&game.id).await.unwrap();
        assert_eq!(
            currencies.iter().map(|x| (x.id.clone(), x.name.clone())).collect::<Vec<_>>(),
            game.currencies.iter().map(|x| (x.id.clone(), x.name.clone())).collect::<Vec<_>>(),
            "{}",
            game.name
        );
        for t in OfferType::KNOWN {
            let attrs = c.attributes(&game.id, t).await.unwrap();
            let expected: Vec<(String, Vec<String>)> = game
                .attributes_for(sb_type(t))
                .map(|a| (a.id.clone(), a.options.iter().map(|o| o.id.clone()).collect()))
                .collect();
            let got: Vec<(String, Vec<String>)> =
                attrs.iter().map(|a| (a.id.clone(), a.options.iter().map(|o| o.id.clone()).collect())).collect();
            assert_eq!(got, expected, "{} {t}", game.name);
        }
    }
    let e = c.game_currencies("00000000-0000-7000-8000-000000000000").await.unwrap_err();
    assert_eq!(e.code(), markets::ErrorCode::NotFound, "{e:?}");
}

#[tokio::test]
async fn offers_list_with_each_filter_and_one_offer() {
    let sb = sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let state = sb.state();
    let mine = state.ggchest_offers_of(GGCHEST_KEY_A);
    let ids = |f: &dyn Fn(&&sandbox::GgcOffer) -> bool| -> BTreeSet<String> {
        mine.iter().filter(|o| f(o)).map(|o| o.id.clone()).collect()
    };
    let listed = |offers: Vec<Offer>| -> BTreeSet<String> { offers.into_iter().map(|o| o.id).collect() };

    let all = c.all_offers(&OffersFilter::default()).await.unwrap();
    assert_eq!(listed(all.clone()), ids(&|o| o.status != GgcOfferStatus::Deleted), "no filter: every live offer");
    for (status, sb_status) in [
        (OfferStatus::Active, GgcOfferStatus::Active),
        (OfferStatus::Draft, GgcOfferStatus::Draft),
        (OfferStatus::Deleted, GgcOfferStatus::Deleted),
    ] {
        let filter = OffersFilter { status: Some(status.clone()), ..Default::default() };
        let got = c.all_offers(&filter).await.unwrap();
        assert!(got.iter().all(|o| o.status == Some(status.clone())), "{status}");
        let expected = ids(&|o| o.status == sb_status);
        assert!(!expected.is_empty(), "demo data has {status} offers");
        assert_eq!(listed(got), expected, "{status}");
    }
    for t in OfferType::KNOWN {
        let filter = OffersFilter { offer_type: Some(t.clone()), ..Default::default() };
        let expected = ids(&|o| o.offer_type == sb_type(t) && o.status != GgcOfferStatus::Deleted);
        assert_eq!(listed(c.all_offers(&filter).await.unwrap()), expected, "{t}");
    }
    let filter = OffersFilter { game_id: Some(WOW.into()), ..Default::default() };
    let expected = ids(&|o| o.game_id == WOW && o.status != GgcOfferStatus::Deleted);
    assert!(expected.len() >= 2);
    assert_eq!(listed(c.all_offers(&filter).await.unwrap()), expected);
    let filter = OffersFilter {
        status: Some(OfferStatus::Active),
        offer_type: Some(OfferType::Currency),
        game_id: Some(WOW.into()),
    };
    let expected =
        ids(&|o| o.game_id == WOW && o.offer_type == GgcOfferType::Currency && o.status == GgcOfferStatus::Active);
    assert_eq!(listed(c.all_offers(&filter).await.unwrap()), expected);

    // A small page really pages.
    let page = c.offers(&OffersFilter::default(), 2, 5).await.unwrap();
    assert_eq!((page.pagination.page, page.pagination.per_page), (2, 5));
    assert_eq!(page.pagination.total_count, all.len() as u64);
    assert_eq!(
        page.items.iter().map(|o| o.id.clone()).collect::<Vec<_>>(),
        all[5..10.min(all.len())].iter().map(|o| o.id.clone()).collect::<Vec<_>>()
    );

    // Fields of one listed offer against the state.
    for o in &all {
        let s = stored(&state, &o.id);
        assert_eq!(o.price.map(|p| p.wire()), Some(s.price.clone()));
        assert_eq!((o.qty_total, o.qty_min), (Some(s.qty_total), Some(s.qty_min)));
        assert_eq!(o.attributes.len(), s.attributes.len());
    }

    // One offer, with its (masked) accounts.
    let with_accounts = mine.iter().find(|o| o.offer_type == GgcOfferType::Accounts && o.accounts.len() >= 2).unwrap();
    let one = c.offer(&with_accounts.id).await.unwrap();
    assert_eq!(one.title.as_deref(), Some(with_accounts.title.as_str()));
    assert_eq!(one.old_price.map(|p| p.wire()), with_accounts.old_price.clone());
    let accounts = one.extra_properties.unwrap().accounts.unwrap();
    assert_eq!(accounts.len(), with_accounts.accounts.len());
    assert_ne!(accounts[0].password.as_deref(), Some(with_accounts.accounts[0].password.as_str()), "masked");
    assert_eq!(
        one.attributes.iter().map(|a| a.attribute_id.clone()).collect::<Vec<_>>(),
        with_accounts.attributes.iter().map(|a| a.attribute_id.clone()).collect::<Vec<_>>()
    );
    // Seller B's offer is not A's.
    let of_b = state.ggchest_offers_of(GGCHEST_KEY_B)[0].id.clone();
    assert_eq!(c.offer(&of_b).await.unwrap_err().code(), markets::ErrorCode::NotFound);
    // The filters went out as the spec's lower-case values.
    let queries: Vec<String> = logged(&sb, Sb::GgChest).into_iter().filter_map(|r| r.query).collect();
    assert!(queries.iter().any(|q| q.contains("=draft")), "{queries:?}");
    assert!(rate_limited(&sb).is_empty());
}

#[tokio::test]
async fn create_each_type_then_read_back() {
    let sb = empty_sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let state = sb.state();

    let acc = c.create_accounts_offer(&accounts_offer(&state, &["alpha_one", "bravo_two"])).await.unwrap();
    let cur = c.create_currency_offer(&currency_offer(&state, "100,000 Gold")).await.unwrap();
    let manual = c.create_items_offer(&items_offer(&state, DeliveryMethod::Manual, &[])).await.unwrap();
    let auto = c.create_items_offer(&items_offer(&state, DeliveryMethod::Auto, &["CODE-1", "CODE-2", "CODE-3"])).await;
    let auto = auto.unwrap();

    let state = sb.state();
    let a = stored(&state, &acc.id);
    assert_eq!(
        (a.seller.as_str(), a.offer_type, a.status),
        (GGCHEST_KEY_A, GgcOfferType::Accounts, GgcOfferStatus::Draft)
    );
    assert_eq!(a.accounts.iter().map(|x| x.login.as_str()).collect::<Vec<_>>(), ["alpha_one", "bravo_two"]);
    assert_eq!(a.accounts[0].password, "alpha_one-Pass1!", "credentials stored as sent");
    assert_eq!((a.qty_total, a.price.as_str(), a.old_price.as_deref()), (2, "99.99", Some("149.99")));
    assert_eq!((a.delivery_method, a.delivery_time.as_deref()), (Some(GgcDeliveryMethod::Manual), Some("1h")));
    assert_eq!(a.attributes.len(), 2);

    let g = stored(&state, &cur.id);
    assert_eq!((g.offer_type, g.delivery_method), (GgcOfferType::Currency, None), "no delivery_method for currency");
    assert_eq!(g.game_currency_id.as_deref(), Some(state.ggchest_game(WOW).unwrap().currencies[0].id.as_str()));
    assert_eq!((g.qty_total, g.qty_min, g.delivery_time.as_deref()), (10_000, 100, Some("5m")));

    let m = stored(&state, &manual.id);
    assert_eq!((m.delivery_method, m.delivery_time.as_deref()), (Some(GgcDeliveryMethod::Manual), Some("1d")));
    assert_eq!((m.qty_total, m.items.len()), (25, 0));

    let x = stored(&state, &auto.id);
    assert_eq!(x.delivery_method, Some(GgcDeliveryMethod::Auto));
    assert_eq!(x.items.iter().map(|i| i.delivery_info.as_str()).collect::<Vec<_>>(), ["CODE-1", "CODE-2", "CODE-3"]);
    assert_eq!(x.qty_total, 3);
    assert_eq!(x.delivery_time.as_deref(), Some("5m"), "auto items carry the default delivery time");

    // Read back through the client.
    let read = c.offer(&cur.id).await.unwrap();
    assert_eq!(read.offer_type, Some(OfferType::Currency));
    assert_eq!(read.status, Some(OfferStatus::Draft), "created as a draft");
    assert_eq!(read.extra_properties.unwrap().game_currency.unwrap().name, "Gold");
    let log = logged(&sb, Sb::GgChest);
    assert_eq!(log.iter().filter(|r| r.method == "POST").count(), 4, "each create sent once");
}

#[tokio::test]
async fn update_each_type_and_edit_offer_merging() {
    let sb = empty_sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let state = sb.state();
    let acc = c.create_accounts_offer(&accounts_offer(&state, &["alpha_one"])).await.unwrap().id;
    let cur = c.create_currency_offer(&currency_offer(&state, "Gold pack")).await.unwrap().id;
    let items = c.create_items_offer(&items_offer(&state, DeliveryMethod::Manual, &[])).await.unwrap().id;

    // Full updates of each type.
    let update = OfferUpdate {
        title: "Gold pack — 25K".into(),
        description: "More gold".into(),
        price: price("34.99"),
        old_price: OldPrice::Set(price("39.99")),
        delivery_time: DeliveryTime::Hours12,
        qty_total: 25_000,
        qty_min: 500,
        attributes: choices(&state, WOW, GgcOfferType::Currency),
    };
    c.update_currency_offer(&cur, &update).await.unwrap();
    let s = sb.state();
    let g = stored(&s, &cur);
    assert_eq!(
        (g.title.as_str(), g.price.as_str(), g.old_price.as_deref()),
        ("Gold pack — 25K", "34.99", Some("39.99"))
    );
    assert_eq!((g.qty_total, g.qty_min, g.delivery_time.as_deref()), (25_000, 500, Some("12h")));

    let mut items_update = update.clone();
    items_update.title = "Mythic Sword".into();
    items_update.qty_total = 50;
    items_update.qty_min = 2;
    items_update.old_price = OldPrice::Clear;
    items_update.attributes = choices(&state, WOW, GgcOfferType::Items);
    c.update_items_offer(&items, &items_update).await.unwrap();
    let s = sb.state();
    let i = stored(&s, &items);
    assert_eq!((i.title.as_str(), i.qty_total, i.qty_min, i.old_price.as_deref()), ("Mythic Sword", 50, 2, None));

    let accounts_update = AccountsOfferUpdate {
        title: "WoW Level 70 Account".into(),
        description: "Updated".into(),
        price: price("109.99"),
        old_price: OldPrice::Keep,
        delivery_time: DeliveryTime::Day1,
        qty_total: 2,
        qty_min: 1,
        attributes: choices(&state, WOW, GgcOfferType::Accounts),
        accounts: vec![AccountToAdd(account("charlie_three"))],
    };
    c.update_accounts_offer(&acc, &accounts_update).await.unwrap();
    let s = sb.state();
    let a = stored(&s, &acc);
    assert_eq!(a.accounts.iter().map(|x| x.login.as_str()).collect::<Vec<_>>(), ["alpha_one", "charlie_three"]);
    assert_eq!((a.title.as_str(), a.qty_total, a.price.as_str()), ("WoW Level 70 Account", 2, "109.99"));

    // edit_offer: read, change one field, send the full offer back; the rest is unchanged.
    let before = stored(&sb.state(), &cur).clone();
    c.edit_offer(&cur, |u| u.price = price("31.00"), vec![]).await.unwrap();
    let after = stored(&sb.state(), &cur).clone();
    assert_eq!(after.price, "31.00");
    assert_eq!(
        (after.title, after.description, after.qty_total, after.qty_min, after.delivery_time, after.old_price),
        (before.title, before.description, before.qty_total, before.qty_min, before.delivery_time, before.old_price)
    );
    assert_eq!(after.attributes, before.attributes);

    // edit_offer adding accounts: qty_total grows with them.
    c.edit_offer(&acc, |u| u.title = "WoW Level 70 Account (3)".into(), vec![account("delta_four")]).await.unwrap();
    let s = sb.state();
    let a = stored(&s, &acc);
    assert_eq!(a.accounts.len(), 3);
    assert_eq!((a.qty_total, a.title.as_str()), (3, "WoW Level 70 Account (3)"));
    assert_eq!(a.accounts[2].login, "delta_four");

    // Accounts only go to accounts offers: refused before sending.
    let sent = logged(&sb, Sb::GgChest).len();
    let e = c.edit_offer(&items, |_| {}, vec![account("echo_five")]).await.unwrap_err();
    assert_eq!(e.code(), markets::ErrorCode::InvalidInput, "{e:?}");
    assert_eq!(logged(&sb, Sb::GgChest).len(), sent + 1, "only the read went out");
    assert!(rate_limited(&sb).is_empty());
}

#[tokio::test]
async fn edit_offer_of_an_auto_items_offer_without_delivery_time() {
    // The guide: "The delivery_time is required for manual delivery only" — an auto items offer
    // may have none (the sandbox seeds one). Editing it must still work.
    let sb = sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let state = sb.state();
    let auto = state
        .ggchest_offers_of(GGCHEST_KEY_A)
        .into_iter()
        .find(|o| o.delivery_method == Some(GgcDeliveryMethod::Auto) && o.delivery_time.is_none())
        .expect("demo data has an auto items offer without delivery time")
        .clone();
    c.edit_offer(&auto.id, |u| u.price = price("19.99"), vec![]).await.unwrap();
    let s = sb.state();
    let after = stored(&s, &auto.id);
    assert_eq!(after.price, "19.99");
    assert_eq!((after.title.as_str(), after.qty_total), (auto.title.as_str(), auto.qty_total));
}

#[tokio::test]
async fn delete_toggle_price_icon() {
    let sb = empty_sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let state = sb.state();
    let id = c.create_currency_offer(&currency_offer(&state, "Toggle me")).await.unwrap().id;

    c.toggle(&id).await.unwrap();
    assert_eq!(stored(&sb.state(), &id).status, GgcOfferStatus::Active);
    c.toggle(&id).await.unwrap();
    assert_eq!(stored(&sb.state(), &id).status, GgcOfferStatus::Draft);

    c.update_price(&id, price("12.5")).await.unwrap();
    assert_eq!(stored(&sb.state(), &id).price, "12.50");
    assert_eq!(c.offer(&id).await.unwrap().price.map(|p| p.value()), Some(price("12.50").value()));

    let png = tiny_png();
    let icon = IconFile::new("my icon.png", png.clone()).unwrap();
    let attached = c.attach_icon(&id, &icon).await.unwrap();
    let s = sb.state();
    let stored_icon = stored(&s, &id).icon.clone().expect("icon attached");
    assert_eq!(stored_icon.id, attached.id);
    assert_eq!((stored_icon.content_type.as_str(), stored_icon.size), ("image/png", png.len()));
    assert_eq!(attached.path.as_deref(), Some(stored_icon.path.as_str()));
    assert_eq!(c.offer(&id).await.unwrap().icon_id(), Some(attached.id.as_str()));
    c.delete_icon(&id, &attached.id).await.unwrap();
    assert!(stored(&sb.state(), &id).icon.is_none());
    assert_eq!(c.delete_icon(&id, &attached.id).await.unwrap_err().code(), markets::ErrorCode::NotFound);

    c.delete_offer(&id).await.unwrap();
    assert_eq!(stored(&sb.state(), &id).status, GgcOfferStatus::Deleted);
    assert_eq!(c.offer(&id).await.unwrap().status, Some(OfferStatus::Deleted));
    assert!(c.all_offers(&OffersFilter::default()).await.unwrap().iter().all(|o| o.id != id));
    let e = c.toggle(&id).await.unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "deleted offers cannot be toggled: {e:?}");
}

#[tokio::test]
async fn more_than_100_offers_page_and_batch_in_chunks_of_100() {
    let sb = empty_sandbox().await;
    let key = "ggc_test_markets_batch_seller";
    sb.add_seller(Sb::GgChest, key);
    let c = ggc_client(&sb.ggchest_base_url(), key);
    let state = sb.state();
    let mut ids = Vec::new();
    for i in 0..205 {
        ids.push(c.create_currency_offer(&currency_offer(&state, &format!("Gold lot {i:03}"))).await.unwrap().id);
    }
    assert_eq!(sb.state().ggchest_offers_of(key).len(), 205);

    let pages: Vec<_> = c.offer_pages(&OffersFilter::default()).try_collect().await.unwrap();
    assert_eq!(pages.iter().map(|p| p.items.len()).collect::<Vec<_>>(), [100, 100, 5]);
    assert_eq!(pages[0].pagination.page_count, 3);
    let all = c.all_offers(&OffersFilter::default()).await.unwrap();
    assert_eq!(all.iter().map(|o| o.id.clone()).collect::<BTreeSet<_>>(), ids.iter().cloned().collect());

    sb.clear_requests();
    let outcome = c.activate_offers(&ids).await.unwrap();
    assert!(outcome.error.is_none() && outcome.not_done.is_empty(), "{:?}", outcome.error);
    assert_eq!(outcome.done, ids);
    assert!(sb.state().ggchest_offers_of(key).iter().all(|o| o.status == GgcOfferStatus::Active));
    // The sandbox refuses more than 100 ids (README): three answered 200s mean chunks of ≤100.
    let batch: Vec<_> = logged(&sb, Sb::GgChest);
    assert_eq!(batch.len(), 3, "{batch:?}");
    assert!(batch.iter().all(|r| r.method == "PUT" && r.path == "/v1/offers/activate" && r.status == Some(200)));

    let half: Vec<String> = ids[..150].to_vec();
    c.draft_offers(&half).await.unwrap().into_result().unwrap();
    let s = sb.state();
    let drafts = s.ggchest_offers_of(key).iter().filter(|o| o.status == GgcOfferStatus::Draft).count();
    assert_eq!(drafts, 150);
    let active = c.all_offers(&OffersFilter { status: Some(OfferStatus::Active), ..Default::default() }).await.unwrap();
    assert_eq!(active.len(), 55);

    sb.clear_requests();
    c.delete_offers(&ids).await.unwrap().into_result().unwrap();
    assert!(sb.state().ggchest_offers_of(key).iter().all(|o| o.status == GgcOfferStatus::Deleted));
    let batch = logged(&sb, Sb::GgChest);
    assert_eq!(batch.iter().map(|r| (r.method.as_str(), r.status)).collect::<Vec<_>>(), [("DELETE", Some(200)); 3]);
    assert!(c.all_offers(&OffersFilter::default()).await.unwrap().is_empty());
    assert!(rate_limited(&sb).is_empty());
}

#[tokio::test]
async fn batch_stops_at_the_first_failed_chunk() {
    let sb = empty_sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let state = sb.state();
    let mut ids = Vec::new();
    for i in 0..3 {
        ids.push(c.create_currency_offer(&currency_offer(&state, &format!("Lot {i}"))).await.unwrap().id);
    }
    // An id that is a UUID but not an offer of this seller: the chunk fails as a whole.
    let mut with_unknown = ids.clone();
    with_unknown.push("01985a2f-0000-7000-8000-00000000dead".into());
    let outcome = c.activate_offers(&with_unknown).await.unwrap();
    assert_eq!(outcome.not_done, with_unknown);
    assert!(outcome.done.is_empty());
    assert_eq!(outcome.error.as_ref().unwrap().code(), markets::ErrorCode::NotFound);
    assert!(sb.state().ggchest_offers_of(GGCHEST_KEY_A).iter().all(|o| o.status == GgcOfferStatus::Draft));
}

#[tokio::test]
async fn orders_with_filters_sort_and_pages() {
    let sb = sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    for i in 0..110u32 {
        sb.ggchest_create_order(NewOrder {
            seller: GGCHEST_KEY_A.into(),
            name: Some(format!("Bulk order {i}")),
            price: Some("1.99".into()),
            offer_type: Some(GgcOfferType::Items),
            status: Some(if i % 2 == 0 { GgcOrderStatus::Completed } else { GgcOrderStatus::Delivered }),
            paid_at: Some(format!("2026-02-{:02}T{:02}:00:00Z", 1 + i % 28, i % 24)),
            ..Default::default()
        })
        .unwrap();
    }
    let state = sb.state();
    let mine = state.ggchest_orders_of(GGCHEST_KEY_A);
    assert!(mine.len() > 110 && mine.iter().any(|o| o.dispute.is_some()));

    let pages: Vec<_> = c.order_pages(&OrdersFilter::default()).try_collect().await.unwrap();
    assert_eq!(pages.iter().map(|p| p.items.len()).collect::<Vec<_>>(), [100, mine.len() - 100]);
    let all = c.all_orders(&OrdersFilter::default()).await.unwrap();
    assert_eq!(
        all.iter().map(|o| o.id.clone()).collect::<BTreeSet<_>>(),
        mine.iter().map(|o| o.id.clone()).collect::<BTreeSet<_>>()
    );
    let disputed = all.iter().filter(|o| o.dispute.is_some()).count();
    assert_eq!(disputed, mine.iter().filter(|o| o.dispute.is_some()).count());

    // Sorted by paid_at, both ways (RFC 3339 UTC strings sort as times).
    for dir in [SortDirection::Asc, SortDirection::Desc] {
        let filter = OrdersFilter { sort_by_paid_at: Some(dir.clone()), ..Default::default() };
        let sorted = c.all_orders(&filter).await.unwrap();
        let paid: Vec<String> = sorted.iter().map(|o| o.paid_at.clone().unwrap()).collect();
        let mut expected = paid.clone();
        expected.sort();
        if dir == SortDirection::Desc {
            expected.reverse();
        }
        assert_eq!(paid, expected, "{dir}");
    }
    // Each status.
    for status in OrderStatus::KNOWN {
        let filter = OrdersFilter { status: Some(status.clone()), ..Default::default() };
        let got = c.all_orders(&filter).await.unwrap();
        let expected = mine.iter().filter(|o| o.status.as_str() == status.as_str()).count();
        assert_eq!(got.len(), expected, "{status}");
        assert!(got.iter().all(|o| o.status.as_ref() == Some(status)));
    }
    // A date range (inclusive; a bare date_to means the whole day).
    let filter =
        OrdersFilter { date_from: Some("2026-02-10".into()), date_to: Some("2026-02-12".into()), ..Default::default() };
    let got = c.all_orders(&filter).await.unwrap();
    let expected =
        mine.iter().filter(|o| o.paid_at.as_str() >= "2026-02-10" && o.paid_at.as_str() < "2026-02-13").count();
    assert!(expected > 0);
    assert_eq!(got.len(), expected);
    assert!(rate_limited(&sb).is_empty());
}
