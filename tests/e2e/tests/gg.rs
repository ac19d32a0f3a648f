//! Gaming Goods: a listing created with codes from a dropped file, more codes uploaded (a
//! duplicate reported), an offer added on a catalog product, repriced, and deleted after a
//! question that says what goes.

use e2e::sandbox::{GgDeliveryType, GgModeration};
use e2e::{random_hex, Market};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gg_listing_with_codes_from_a_file_more_codes_and_an_offer_repriced() {
    e2e::run("gg", |app| async move {
        let key = app.new_seller(Market::Gg).await;
        app.add_profile("E2E Gaming Goods", Market::Gg, &key).await;
        let tag = random_hex(6).to_uppercase();
        let code = |i: u32| format!("E2E-{tag}-{i:03}");

        // --- A new AUTO listing whose codes come from a file dropped on the form.
        let codes: Vec<String> = (1..=5).map(code).collect();
        let file = app.dirs.files.join("codes.txt");
        // A repeated line in the file: dropped before anything is sent.
        std::fs::write(&file, format!("{}\n{}\n", codes.join("\n"), codes[0])).expect("codes file");
        app.click("tab-new-listing").await;
        let title = format!("E2E listing {tag}");
        app.fill("gg-listing-input-name", &title).await;
        app.fill("gg-listing-input-description", "Steam key, delivered at once. Made by the end-to-end tests.").await;
        app.fill("gg-listing-input-category", "Game Keys").await;
        app.fill("gg-listing-input-price", "12.34").await;
        app.choose("gg-listing-input-currency", "EUR").await;
        app.click("gg-listing-input-delivery-type-auto").await;
        app.drop_file(&file, "gg-listing-codes-drop").await;
        let note = app.wait_text("gg-listing-codes-file", "the file's codes", |t| t.contains("codes.txt")).await;
        assert!(note.contains("5 codes added") && note.contains("1 duplicate"), "file note: {note}");
        let text = app.find("gg-listing-codes-text").await.prop("value").await.unwrap().unwrap_or_default();
        assert_eq!(text.lines().collect::<Vec<_>>(), codes, "the box holds the file's codes");
        app.checkpoint("1-listing-form").await;
        app.click("gg-listing-submit").await;
        app.toast("success", "Listing created").await;

        // The page moves to the new listing.
        let product_id = app.wait_text("gg-product-value-id", "the new listing's id", |t| !t.is_empty()).await;
        app.wait_text("gg-product-value-stock", "5 codes in stock", |t| t.trim() == "5").await;
        // The sandbox: the listing of this seller, as typed, with exactly the file's codes.
        let state = app.state().await;
        let p = state.gg_product(&product_id).expect("the listing exists on the sandbox");
        assert_eq!(p.owner, key);
        assert_eq!(p.title, title);
        assert_eq!(p.category.as_deref(), Some("Game Keys"));
        assert_eq!(p.price.to_string(), "12.34");
        assert_eq!(p.currency, "EUR");
        assert_eq!(p.delivery_type, GgDeliveryType::Auto);
        assert_eq!(p.moderation_status, GgModeration::Pending, "a new listing waits for moderation");
        assert_eq!(state.gg_codes(&product_id), codes, "the listing's stock is the file's codes, once each");
        assert_eq!(state.gg_products_of(&key).len(), 1);

        // --- More codes: two new ones and one the listing already has.
        let more = [code(6), code(7), codes[2].clone()];
        app.fill("gg-codes-text", &more.join("\n")).await;
        app.wait_text("gg-codes-submit", "3 codes to upload", |t| t.contains('3')).await;
        app.click("gg-codes-submit").await;
        let (title_2, _) = app.toast("warning", "refused").await;
        assert!(title_2.contains("2 codes uploaded, 1 refused"), "toast: {title_2}");
        let rejected = app.text("gg-codes-rejected-list").await;
        assert_eq!(rejected.trim(), codes[2], "the duplicate is reported");
        let left = app.find("gg-codes-text").await.prop("value").await.unwrap().unwrap_or_default();
        assert_eq!(left.trim(), codes[2], "the refused code stays in the box, the uploaded ones leave it");
        app.wait_text("gg-product-value-stock", "7 codes in stock", |t| t.trim() == "7").await;
        app.checkpoint("2-codes-uploaded").await;
        let stock = app.state().await.gg_codes(&product_id);
        let mut expected = codes.clone();
        expected.extend([code(6), code(7)]);
        assert_eq!(stock, expected, "the sandbox has the two new codes and the duplicate only once");

        // --- An offer: three codes on a product of the marketplace's catalog, at 9.99 EUR.
        let state = app.state().await;
        let catalog = state
            .gg
            .products
            .iter()
            .find(|p| p.owner.starts_with("market:") && p.on_sale())
            .expect("a catalog product on sale");
        let target = catalog.id.clone();
        let offer_codes: Vec<String> = (11..=13).map(code).collect();
        app.click("tab-offers").await;
        app.click("gg-offer-add-toggle").await;
        app.fill("gg-offer-add-input-product-id", &target).await;
        app.fill("gg-offer-add-input-price-cents", "9.99").await;
        app.fill("gg-offer-add-codes-text", &offer_codes.join("\n")).await;
        app.click("gg-offer-add-submit").await;
        app.toast("success", "Offers added").await;
        let row = format!("gg-offers-table-row-{target}@999");
        app.find(&row).await;
        let offers = app.state().await;
        let mine: Vec<_> = offers.gg_offers_of(&key).into_iter().filter(|o| o.product_id == target).collect();
        assert_eq!(mine.len(), 3, "three offers on the catalog product");
        assert!(mine.iter().all(|o| o.price_cents == 999 && !o.sold), "at 999 cents, unsold: {mine:?}");
        let mut sent: Vec<_> = mine.iter().map(|o| o.code.clone()).collect();
        sent.sort();
        assert_eq!(sent, offer_codes);

        // --- Reprice them: 9.99 → 8.49 EUR.
        app.click(&format!("gg-offers-reprice-{target}@999")).await;
        app.find("gg-reprice").await;
        assert_eq!(app.text("gg-reprice-old").await, "€9.99", "the dialog names the current price");
        app.fill("gg-reprice-input-new-price-cents", "8.49").await;
        app.checkpoint("3-reprice").await;
        app.click("gg-reprice-submit").await;
        app.toast("success", "Offers repriced").await;
        app.find(&format!("gg-offers-table-row-{target}@849")).await;
        app.wait_gone(&row).await;
        let repriced = app.state().await;
        let mine: Vec<_> = repriced.gg_offers_of(&key).into_iter().filter(|o| o.product_id == target).collect();
        assert_eq!(mine.len(), 3);
        assert!(mine.iter().all(|o| o.price_cents == 849), "every unsold offer at 849 cents: {mine:?}");
        app.checkpoint("4-repriced").await;

        // --- Delete asks first and says what goes: every unsold code of the product, at every price.
        let repriced_row = format!("gg-offers-table-row-{target}@849");
        app.click(&format!("gg-offers-delete-{target}@849")).await;
        let goes = app.wait_text("gg-offers-deletion-unsold", "what the delete takes", |t| t.contains('3')).await;
        assert!(goes.contains("3 unsold codes are deleted"), "{goes}");
        app.click("confirm-ok").await;
        app.toast("success", "Offers deleted").await;
        app.wait_gone(&repriced_row).await;
        let deleted = app.state().await;
        assert!(deleted.gg_offers_of(&key).iter().all(|o| o.product_id != target), "the offers are gone");
        app.assert_no_error_toast().await;
    })
    .await;
}
