//! The offers table reuses its row elements: as it scrolls, an element shows another offer. What
//! belongs to an offer must follow the offer, not the element: a price being typed keeps its text
//! and its focus when its offer moves to another element or out of view and back, and a ticked
//! row stays the only ticked one.

use std::time::Duration;

use e2e::guide::{SERVER, US_EAST, WOW};
use e2e::{wait_until, App, Market, TIMEOUT};
use serde_json::{json, Value};

const OFFERS: usize = 40;
/// The table's fixed row height (Table.svelte's ROW_H), in CSS pixels.
const ROW_H: usize = 32;

/// Creates the offers straight through the sandbox's GGChest API (within its burst of 50 a minute).
async fn create_offers(app: &App, key: &str) {
    let http = reqwest::Client::new();
    let url = format!("{}/v1/offers/items", app.sandbox.ggchest_base_url());
    for i in 0..OFFERS {
        let body = json!({
            "game_id": WOW, "title": format!("Row test item {i:02}"), "description": "For the row reuse test.",
            "price": format!("{}.00", 10 + i), "delivery_method": "manual", "delivery_time": "1h",
            "qty_total": 1, "qty_min": 1, "attributes": [{ "id": SERVER, "option_id": US_EAST }],
        });
        let resp = http.post(&url).header("X-API-KEY", key).json(&body).send().await.expect("create an offer");
        assert!(resp.status().is_success(), "create offer {i}: {}", resp.status());
    }
}

/// The ids of the rows in the DOM, top to bottom.
async fn rendered_ids(app: &App) -> Vec<String> {
    let rows = app.all_css("[data-testid^=\"ggc-offers-table-row-\"]").await;
    let mut ids = Vec::new();
    for r in rows {
        ids.push(r.attr("data-row-id").await.ok().flatten().expect("data-row-id"));
    }
    ids
}

/// Scrolls the rows to `rows` rows from the top and waits until the first row in the DOM is
/// `first`, the offer `rows - 4` rows down (four rows are kept above the view).
async fn scroll_to(app: &App, rows: usize, first: &str) {
    app.js(
        "const b = document.querySelector('[data-testid=\"ggc-offers-table-body\"]'); b.scrollTop = arguments[0];",
        vec![json!(rows * ROW_H)],
    )
    .await;
    wait_until(&format!("row {first} first in the DOM"), TIMEOUT, async || {
        (rendered_ids(app).await.first().map(String::as_str) == Some(first)).then_some(())
    })
    .await;
}

/// The test id of the focused element, if any.
async fn focused(app: &App) -> Option<String> {
    let v: Value = app
        .js("const a = document.activeElement; return a && a.dataset ? a.dataset.testid || null : null;", vec![])
        .await;
    v.as_str().map(str::to_owned)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_belongs_to_an_offer_follows_it_as_row_elements_are_reused() {
    e2e::run("table-rows", |app| async move {
        let key = app.new_seller(Market::GgChest).await;
        create_offers(&app, &key).await;
        assert_eq!(app.state().await.ggchest_offers_of(&key).len(), OFFERS, "the sandbox holds every offer");
        let id = app.add_profile("E2E rows", Market::GgChest, &key).await;
        app.open_profile(&id).await;
        app.click("tab-offers").await;
        let total = format!("{OFFERS} rows");
        app.wait_text("ggc-offers-table-count", &total, |t| t == total).await;
        let order = rendered_ids(&app).await;
        assert!(order.len() < OFFERS, "only the rows in view are rendered ({} of {OFFERS})", order.len());

        // A tick on the first row, and a price typed into the seventh's field.
        let ticked = order[0].clone();
        app.click(&format!("ggc-offers-table-select-{ticked}")).await;
        let edited = order[6].clone();
        app.click(&format!("ggc-price-{edited}")).await;
        let input = format!("ggc-price-input-{edited}");
        app.fill(&input, "99.50").await;
        assert_eq!(focused(&app).await.as_deref(), Some(input.as_str()));

        // Five rows down: every element shows the offer below the one it showed, so the seventh
        // offer is now in the sixth element, and its field was made again there.
        scroll_to(&app, 5, &order[1]).await;
        let kept = app.find(&input).await.prop("value").await.ok().flatten().unwrap_or_default();
        assert_eq!(kept, "99.50", "the typed price moved with its offer");
        assert_eq!(focused(&app).await.as_deref(), Some(input.as_str()), "and so did the focus");
        assert!(!app.exists(&format!("ggc-price-input-{}", order[7])).await, "the element's next offer has no editor");

        // Far down: the edited offer is out of the DOM; back at the top: its field, text and focus.
        app.js(
            "document.querySelector('[data-testid=\"ggc-offers-table-body\"]').scrollTop = arguments[0];",
            vec![json!(30 * ROW_H)],
        )
        .await;
        app.wait_gone(&input).await;
        assert!(!rendered_ids(&app).await.contains(&edited), "the edited offer's row is out of the DOM");
        scroll_to(&app, 0, &order[0]).await;
        let kept = app.find(&input).await.prop("value").await.ok().flatten().unwrap_or_default();
        assert_eq!(kept, "99.50", "the typed price is still there after its row left the view");
        assert_eq!(focused(&app).await.as_deref(), Some(input.as_str()));

        // The tick stayed with its offer through the scrolling: one row ticked, the first.
        tokio::time::sleep(Duration::from_millis(200)).await;
        let checked: Value = app
            .js(
                "return [...document.querySelectorAll('[data-testid^=\"ggc-offers-table-select-\"]')]
                   .filter(b => b.checked && b.dataset.testid !== 'ggc-offers-table-select-all')
                   .map(b => b.dataset.testid);",
                vec![],
            )
            .await;
        assert_eq!(checked, json!([format!("ggc-offers-table-select-{ticked}")]));
        app.wait_text("ggc-bulk-count", "1 selected", |t| t.starts_with("1 selected")).await;

        // Saved with Enter, for the offer it was typed for.
        app.find(&input).await.send_keys(thirtyfour::Key::Enter).await.expect("Enter");
        app.toast("success", "Price updated").await;
        let state = app.state().await;
        assert_eq!(state.ggchest_offer(&edited).expect("the edited offer").price, "99.50");
        let others = order.iter().filter(|o| **o != edited);
        for o in others {
            assert_ne!(state.ggchest_offer(o).expect("offer").price, "99.50", "{o} kept its price");
        }
    })
    .await;
}
