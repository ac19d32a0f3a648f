//! GGChest: one offer of each type through the wizard, bulk activation, an inline price change,
//! an icon attached by a real file drop and deleted, and an offer deleted.

use e2e::guide::WOW;
use e2e::sandbox::{GgcDeliveryMethod, GgcOfferStatus, GgcOfferType};
use e2e::{random_hex, App, Market};

/// Picks the first option of every attribute the wizard shows for this game and type.
async fn choose_attributes(app: &App) {
    app.find("ggc-wizard-step-body-attributes").await;
    e2e::wait_until("the attributes to load", e2e::TIMEOUT, async || {
        (app.exists("ggc-wizard-attributes").await || app.exists("ggc-wizard-attributes-none").await).then_some(())
    })
    .await;
    for testid in app.testids("select[data-testid^=\"ggc-wizard-attribute-\"]").await {
        let options = app.all_css(&format!("{} option", App::sel(&testid))).await;
        let mut first = None;
        for o in options {
            match o.attr("value").await.ok().flatten() {
                Some(v) if !v.is_empty() => {
                    first = Some(v);
                    break;
                }
                _ => {}
            }
        }
        app.choose(&testid, &first.expect("an option")).await;
    }
}

/// Goes through the wizard for one offer type, up to its details step.
async fn start_offer(app: &App, offer_type: &str) {
    app.click("tab-new-offer").await;
    app.find("ggc-wizard").await;
    app.click(&format!("ggc-wizard-type-{offer_type}")).await;
    app.click(&format!("ggc-wizard-game-{WOW}")).await;
    choose_attributes(app).await;
    app.click("ggc-wizard-next").await;
    if offer_type == "currency" {
        app.find("ggc-wizard-step-body-currency").await;
        let gold = "ggc-wizard-currency-880e8400-e29b-41d4-a716-446655440010";
        app.click(gold).await;
        app.click("ggc-wizard-next").await;
    }
    app.find("ggc-wizard-step-body-details").await;
}

async fn common_fields(app: &App, title: &str, price: &str) {
    app.fill("ggc-wizard-input-title", title).await;
    app.fill("ggc-wizard-input-description", "Made by the end-to-end tests.").await;
    app.fill("ggc-wizard-input-price", price).await;
}

/// Submits the wizard and returns the id of the seller's offer with this title.
async fn create(app: &App, key: &str, title: &str) -> String {
    app.click("ggc-wizard-submit").await;
    app.toast("success", "Offer created").await;
    let id = app
        .wait_state(&format!("the offer “{title}”"), |s| {
            s.ggchest_offers_of(key).into_iter().find(|o| o.title == title).map(|o| o.id.clone())
        })
        .await;
    app.find(&format!("ggc-offers-table-row-{id}")).await;
    id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ggchest_offers_of_each_type_bulk_activate_price_icon_and_delete() {
    e2e::run("ggchest", |app| async move {
        let key = app.new_seller(Market::GgChest).await;
        app.add_profile("E2E GGChest", Market::GgChest, &key).await;
        let tag = random_hex(6);

        // --- One offer of each type.
        let accounts_title = format!("E2E accounts {tag}");
        start_offer(&app, "accounts").await;
        app.click("ggc-wizard-input-delivery-method-manual").await;
        common_fields(&app, &accounts_title, "25.00").await;
        app.choose("ggc-wizard-input-delivery-time", "1h").await;
        app.click("ggc-wizard-accounts-add").await;
        app.fill("ggc-wizard-accounts-login-0", &format!("hero_{tag}")).await;
        app.fill("ggc-wizard-accounts-password-0", "s3cret-pass").await;
        app.fill("ggc-wizard-accounts-email-login-0", &format!("hero_{tag}@example.com")).await;
        app.checkpoint("1-accounts-details").await;
        let accounts = create(&app, &key, &accounts_title).await;

        let items_title = format!("E2E items {tag}");
        start_offer(&app, "items").await;
        app.click("ggc-wizard-input-delivery-method-manual").await;
        common_fields(&app, &items_title, "3.50").await;
        app.choose("ggc-wizard-input-delivery-time", "20m").await;
        app.fill("ggc-wizard-input-qty-total", "5").await;
        app.fill("ggc-wizard-input-qty-min", "1").await;
        let items = create(&app, &key, &items_title).await;

        let currency_title = format!("E2E gold {tag}");
        start_offer(&app, "currency").await;
        common_fields(&app, &currency_title, "0.15").await;
        app.choose("ggc-wizard-input-delivery-time", "5h").await;
        app.fill("ggc-wizard-input-qty-total", "10000").await;
        app.fill("ggc-wizard-input-qty-min", "100").await;
        let currency = create(&app, &key, &currency_title).await;

        let state = app.state().await;
        let mine = state.ggchest_offers_of(&key);
        assert_eq!(mine.len(), 3, "three offers of this seller");
        let a = state.ggchest_offer(&accounts).expect("accounts offer");
        assert_eq!(a.offer_type, GgcOfferType::Accounts);
        assert_eq!(a.game_id, WOW);
        assert_eq!(a.price, "25.00");
        assert_eq!(a.delivery_method, Some(GgcDeliveryMethod::Manual));
        assert_eq!(a.delivery_time.as_deref(), Some("1h"));
        assert_eq!(a.qty_total, 1, "one account, quantity 1");
        assert_eq!(a.accounts.len(), 1);
        assert_eq!(a.accounts[0].login, format!("hero_{tag}"));
        assert_eq!(a.accounts[0].password, "s3cret-pass");
        assert_eq!(a.accounts[0].email_login.as_deref(), Some(format!("hero_{tag}@example.com").as_str()));
        assert!(!a.attributes.is_empty(), "the attributes chosen in the wizard were sent");
        let i = state.ggchest_offer(&items).expect("items offer");
        assert_eq!(i.offer_type, GgcOfferType::Items);
        assert_eq!((i.price.as_str(), i.qty_total, i.qty_min), ("3.50", 5, 1));
        assert_eq!(i.delivery_time.as_deref(), Some("20m"));
        let c = state.ggchest_offer(&currency).expect("currency offer");
        assert_eq!(c.offer_type, GgcOfferType::Currency);
        assert_eq!(c.game_currency_id.as_deref(), Some("880e8400-e29b-41d4-a716-446655440010"));
        assert_eq!((c.price.as_str(), c.qty_total, c.qty_min), ("0.15", 10000, 100));
        for o in &mine {
            assert_eq!(o.status, GgcOfferStatus::Draft, "{} is created as a draft", o.title);
        }

        // --- Bulk activate the three.
        app.click("tab-offers").await;
        app.find("ggc-offers").await;
        for id in [&accounts, &items, &currency] {
            app.click(&format!("ggc-offers-table-select-{id}")).await;
        }
        app.wait_text("ggc-bulk-count", "3 selected", |t| t.starts_with("3 selected")).await;
        app.checkpoint("2-selected").await;
        app.click("ggc-bulk-activate").await;
        app.toast("success", "3 offers activated").await;
        for id in [&accounts, &items, &currency] {
            app.wait_text(&format!("ggc-offers-status-{id}"), "active", |t| t == "active").await;
        }
        let state = app.state().await;
        for id in [&accounts, &items, &currency] {
            assert_eq!(state.ggchest_offer(id).unwrap().status, GgcOfferStatus::Active, "{id} is active on GGChest");
        }

        // --- Change the items offer's price in place: 3.50 → 4.75.
        app.click(&format!("ggc-price-{items}")).await;
        let input = format!("ggc-price-input-{items}");
        app.fill(&input, "4.75").await;
        // The edit outlives its row being filtered out of view and back (the table reuses row
        // elements for other offers, so the draft is kept by offer id, not by the cell).
        app.fill("ggc-offers-table-filter", "no offer is called this").await;
        app.find("ggc-offers-table-empty").await;
        app.wait_gone(&input).await;
        app.fill("ggc-offers-table-filter", "").await;
        let kept = app.find(&input).await.prop("value").await.ok().flatten().unwrap_or_default();
        assert_eq!(kept, "4.75", "the price typed before filtering is still in its editor");
        app.find(&input).await.send_keys(thirtyfour::Key::Enter).await.expect("Enter");
        app.toast("success", "Price updated").await;
        app.wait_text(&format!("ggc-price-{items}"), "$4.75", |t| t.starts_with("$4.75")).await;
        let state = app.state().await;
        assert_eq!(state.ggchest_offer(&items).unwrap().price, "4.75", "the new price is on GGChest");
        assert_eq!(state.ggchest_offer(&accounts).unwrap().price, "25.00", "the other prices did not move");

        // --- An icon for the accounts offer, dropped from the desktop, then deleted.
        let png = e2e::png(64, 64);
        let icon_file = app.dirs.files.join("icon.png");
        std::fs::write(&icon_file, &png).expect("icon file");
        app.click(&format!("ggc-offers-open-{accounts}")).await;
        app.wait_text("ggc-offer-value-id", "the accounts offer", |t| t == accounts).await;
        app.find("ggc-icon-none").await;
        app.drop_file(&icon_file, "ggc-icon-drop").await;
        app.find("ggc-icon-preview").await;
        assert_eq!(app.text("ggc-icon-file-name").await, "icon.png");
        app.checkpoint("3-icon-dropped").await;
        app.click("ggc-icon-upload").await;
        app.toast("success", "Icon uploaded").await;
        app.find("ggc-icon-current").await;
        let icon = app
            .wait_state("the accounts offer's icon", |s| s.ggchest_offer(&accounts).and_then(|o| o.icon.clone()))
            .await;
        assert_eq!(icon.content_type, "image/png");
        assert_eq!(icon.size, png.len(), "the sandbox holds the dropped file's bytes");
        assert_eq!(app.fetch(&icon.path).await, png, "the sandbox serves the dropped file as the icon");
        // The window shows the uploaded icon, loaded from the sandbox.
        let shown = app.find("ggc-icon-current").await;
        assert_eq!(shown.attr("src").await.ok().flatten().as_deref(), Some(icon.path.as_str()));
        let arg = shown.to_json().expect("element");
        e2e::wait_until("the icon to load in the window", e2e::TIMEOUT, async || {
            let w = app.js("return arguments[0].complete ? arguments[0].naturalWidth : 0", vec![arg.clone()]).await;
            (w.as_u64() == Some(64)).then_some(())
        })
        .await;
        assert!(app.state().await.ggchest_offer(&items).unwrap().icon.is_none(), "only the accounts offer got an icon");

        app.checkpoint("4-icon-uploaded").await;
        app.click("ggc-icon-delete").await;
        app.click("confirm-ok").await;
        app.toast("success", "Icon deleted").await;
        app.find("ggc-icon-none").await;
        app.wait_state("the icon to be gone", |s| s.ggchest_offer(&accounts).filter(|o| o.icon.is_none()).map(|_| ()))
            .await;

        // --- Delete the currency offer from its detail panel.
        app.click(&format!("ggc-offers-open-{currency}")).await;
        app.wait_text("ggc-offer-value-id", "the currency offer", |t| t == currency).await;
        app.click("ggc-offer-delete").await;
        app.click("confirm-ok").await;
        app.toast("success", "Offer deleted").await;
        app.wait_gone(&format!("ggc-offers-table-row-{currency}")).await;
        let state = app.state().await;
        assert_eq!(state.ggchest_offer(&currency).unwrap().status, GgcOfferStatus::Deleted, "deleted on GGChest");
        assert_eq!(state.ggchest_offer(&accounts).unwrap().status, GgcOfferStatus::Active, "the others remain");
        assert_eq!(state.ggchest_offer(&items).unwrap().status, GgcOfferStatus::Active, "the others remain");
        app.checkpoint("5-offer-deleted").await;
        app.assert_no_error_toast().await;
    })
    .await;
}
