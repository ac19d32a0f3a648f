//! The README's screenshots, taken by the tests: what a new user sees after "Try the sandbox" on
//! the first-run screen. Each goes to `target/e2e-shots/readme-*.png`; with
//! `SELLER_DESK_UPDATE_README_SHOTS=1` also to `docs/`, where the README shows them.

use std::path::Path;

use e2e::App;

/// Opens the demo profile of a market by its name in the sidebar.
async fn open_demo(app: &App, name: &str) {
    app.click_css(&format!("[data-testid^=\"sidebar-profile-\"][data-profile-name=\"{name}\"]")).await;
    app.wait_text("header-profile-name", name, |t| t == name).await;
}

/// Waits until the table shows at least `min` rows.
async fn rows(app: &App, table: &str, min: usize) -> usize {
    let css = format!("[data-testid^=\"{table}-row-\"]");
    e2e::wait_until(&format!("{min}+ rows in {table}"), std::time::Duration::from_secs(20), async || {
        let n = app.all_css(&css).await.len();
        (n >= min).then_some(n)
    })
    .await
}

/// A screenshot of what the window shows now, without toasts over it. WebKitWebDriver's first
/// screenshot of a session can be a stale frame (the welcome screen, seen here), so one is taken
/// and thrown away first.
async fn clean_shot(app: &App, label: &str) -> std::path::PathBuf {
    while app.exists("toast-dismiss").await {
        app.click("toast-dismiss").await;
    }
    app.screenshot(&format!("{label}-warmup")).await;
    app.screenshot(label).await
}

fn publish(shot: &Path, name: &str) {
    if std::env::var_os("SELLER_DESK_UPDATE_README_SHOTS").is_some_and(|v| !v.is_empty()) {
        let to = e2e::repo_root().join("docs").join(name);
        std::fs::copy(shot, &to).expect("copy the screenshot into docs/");
        eprintln!("e2e: README screenshot updated: {}", to.display());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn try_the_sandbox_opens_both_markets_with_demo_data() {
    e2e::run_for_screenshots("readme", |app| async move {
        // With no profile yet the sandbox is the default: its button has the focus.
        let focused = app.js("return document.activeElement && document.activeElement.dataset.testid", vec![]).await;
        assert_eq!(focused.as_str(), Some("welcome-try-sandbox"), "the first screen's default is the sandbox");
        app.click("welcome-try-sandbox").await;
        app.find("sidebar-group-gg").await;
        app.find("sidebar-group-ggchest").await;

        open_demo(&app, "Demo · GGChest").await;
        app.click("tab-offers").await;
        let n = rows(&app, "ggc-offers-table", 5).await;
        assert!(app.text("ggc-offers-table-count").await.contains("rows"), "the count says how many rows");
        app.assert_no_error_toast().await;
        let shot = clean_shot(&app, "ggchest-offers").await;
        publish(&shot, "screenshot.png");
        eprintln!("e2e: GGChest demo offers: {n} rows shown");

        open_demo(&app, "Demo · Gaming Goods").await;
        app.click("tab-products").await;
        rows(&app, "gg-products-table", 3).await;
        app.assert_no_error_toast().await;
        let shot = clean_shot(&app, "gg-products").await;
        publish(&shot, "screenshot-gg.png");

        // The same offers in Russian with the dark theme, chosen in Settings.
        app.click("settings-open").await;
        app.choose("settings-theme", "dark").await;
        app.choose("settings-language", "ru").await;
        app.click("settings-close").await;
        app.wait_gone("settings").await;
        open_demo(&app, "Demo · GGChest").await;
        app.click("tab-offers").await;
        rows(&app, "ggc-offers-table", 5).await;
        app.wait_text("ggc-offers-table-count", "the count in Russian", |t| t.contains("строк")).await;
        app.assert_no_error_toast().await;
        let shot = clean_shot(&app, "ggchest-offers-ru-dark").await;
        publish(&shot, "screenshot-ru-dark.png");
    })
    .await;
}
