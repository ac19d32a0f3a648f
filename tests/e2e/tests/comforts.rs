//! The desktop comforts in the real window: the theme follows the OS (GTK's dark preference, as
//! the desktop sets it) until the user picks one, which is kept across restarts; and the keyboard
//! shortcuts of the help overlay do what it says.

use std::time::Duration;

use e2e::{App, Dirs, ENGLISH};
use thirtyfour::prelude::*;

/// Sends keys to whatever has the focus, as a user typing would.
async fn press(app: &App, keys: impl Into<TypingData>) {
    let el = app.driver.active_element().await.expect("the focused element");
    el.send_keys(keys).await.expect("send keys");
}

/// The `data-testid` of the focused element.
async fn focused(app: &App) -> String {
    let v = app.js("return document.activeElement && document.activeElement.dataset.testid || ''", vec![]).await;
    v.as_str().unwrap_or_default().to_owned()
}

/// Moves the focus out of any field, so that key presses go to the window.
async fn blur(app: &App) {
    app.js("document.activeElement && document.activeElement.blur()", vec![]).await;
}

/// `data-theme` of <html> and the page's background luminance (0 black … 1 white).
async fn theme(app: &App) -> (String, f64) {
    let v = app
        .js(
            "const bg = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number);
             return [document.documentElement.dataset.theme || '', (0.2126*bg[0] + 0.7152*bg[1] + 0.0722*bg[2]) / 255];",
            vec![],
        )
        .await;
    (v[0].as_str().unwrap_or_default().to_owned(), v[1].as_f64().unwrap_or(-1.0))
}

async fn wait_theme(app: &App, want: &str) -> f64 {
    e2e::wait_until(&format!("the {want} theme"), Duration::from_secs(10), async || {
        let (name, luminance) = theme(app).await;
        (name == want).then_some(luminance)
    })
    .await
}

/// Like the desktop's "prefer dark" switch: GTK's own settings file, in the app's XDG config.
fn os_prefers_dark(dirs: &Dirs) {
    let gtk = dirs.xdg_config.join("gtk-3.0");
    std::fs::create_dir_all(&gtk).expect("gtk config dir");
    std::fs::write(gtk.join("settings.ini"), "[Settings]\ngtk-application-prefer-dark-theme=1\n")
        .expect("settings.ini");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_theme_follows_the_os_until_one_is_chosen_and_the_choice_is_kept() {
    let dirs = Dirs::new();
    os_prefers_dark(&dirs);
    let dirs = e2e::run_with("theme", ENGLISH, Some(dirs), |app| async move {
        app.find("welcome").await;
        let dark = wait_theme(&app, "dark").await;
        assert!(dark < 0.2, "the OS prefers dark, so the page is dark (luminance {dark:.2})");

        app.click("settings-open").await;
        app.choose("settings-theme", "light").await;
        let light = wait_theme(&app, "light").await;
        assert!(light > 0.8, "the light theme is light (luminance {light:.2})");
        app.click("settings-close").await;
        app.wait_gone("settings").await;
        app.assert_no_error_toast().await;
    })
    .await;

    // Started again on the same files: the choice beats the OS preference.
    e2e::run_with("theme-kept", ENGLISH, Some(dirs), |app| async move {
        app.find("welcome").await;
        wait_theme(&app, "light").await;
        app.click("settings-open").await;
        let chosen = app.js("return document.querySelector('[data-testid=settings-theme]').value", vec![]).await;
        assert_eq!(chosen.as_str(), Some("light"), "the dialog shows the stored choice");
        app.choose("settings-theme", "system").await;
        wait_theme(&app, "dark").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keyboard_shortcuts_do_what_the_help_overlay_lists() {
    e2e::run("shortcuts", |app| async move {
        app.find("welcome").await;

        // F1 lists the shortcuts, Esc closes the list; Ctrl+, opens the settings.
        press(&app, Key::F1).await;
        app.find("shortcuts-help").await;
        let search = app.text("shortcut-search").await;
        assert!(search.contains("Ctrl+F") && search.contains("Search"), "the list names the keys: {search:?}");
        for id in ["new-offer", "next-profile", "previous-profile", "profile-n", "select-all", "settings"] {
            assert!(app.exists(&format!("shortcut-{id}")).await, "the list has {id}");
        }
        press(&app, Key::Escape).await;
        app.wait_gone("shortcuts-help").await;
        blur(&app).await;
        press(&app, Key::Control + ",").await;
        app.find("settings").await;
        press(&app, Key::Escape).await;
        app.wait_gone("settings").await;

        app.click("welcome-try-sandbox").await;
        app.find("sidebar-group-ggchest").await;
        blur(&app).await;

        // Profiles: Ctrl+1 is the first of the sidebar (Gaming Goods comes first), Ctrl+Tab the
        // next, Ctrl+Shift+Tab the previous (wrapping around).
        press(&app, Key::Control + "1").await;
        app.wait_text("header-profile-name", "the first profile", |t| t == "Demo · Gaming Goods").await;
        press(&app, Key::Control + Key::Tab).await;
        app.wait_text("header-profile-name", "the next profile", |t| t == "Demo · GGChest").await;
        press(&app, Key::Control + Key::Tab).await;
        app.wait_text("header-profile-name", "the next profile, wrapped", |t| t == "Demo · Gaming Goods").await;
        press(&app, Key::Control + Key::Shift + Key::Tab).await;
        app.wait_text("header-profile-name", "the previous profile", |t| t == "Demo · GGChest").await;

        // Search: Ctrl+F (or /) puts the focus in the filter box of the table shown.
        app.click("tab-offers").await;
        let css = "[data-testid^=\"ggc-offers-table-row-\"]";
        e2e::wait_until("offer rows", Duration::from_secs(30), async || {
            (app.all_css(css).await.len() >= 5).then_some(())
        })
        .await;
        app.wait_text("ggc-offers-table-count", "the count of every offer", |t| !t.contains("Loading")).await;
        blur(&app).await;
        press(&app, Key::Control + "f").await;
        e2e::wait_until("the filter focused", Duration::from_secs(5), async || {
            (focused(&app).await == "ggc-offers-table-filter").then_some(())
        })
        .await;
        blur(&app).await;
        press(&app, "/").await;
        e2e::wait_until("the filter focused by /", Duration::from_secs(5), async || {
            (focused(&app).await == "ggc-offers-table-filter").then_some(())
        })
        .await;
        // Typing in the box is typing: "/" and Ctrl+A stay the field's.
        press(&app, "/").await;
        let typed = app.js("return document.activeElement.value", vec![]).await;
        assert_eq!(typed.as_str(), Some("/"), "a slash typed in the filter box is text");
        press(&app, Key::Backspace).await;

        // Select all: Ctrl+A outside a field selects every row shown; again clears.
        blur(&app).await;
        let count = app.text("ggc-offers-table-count").await;
        let total: String =
            count.split_whitespace().next().unwrap_or_default().chars().filter(char::is_ascii_digit).collect();
        press(&app, Key::Control + "a").await;
        let selected = app
            .wait_text("ggc-offers-table-selected-count", "every row selected", |t| {
                t.chars().filter(char::is_ascii_digit).collect::<String>() == total
            })
            .await;
        assert!(!selected.is_empty(), "{selected} of {total} rows selected");
        press(&app, Key::Control + "a").await;
        app.wait_gone("ggc-offers-table-selected-count").await;

        // New offer: Ctrl+N opens the GGChest wizard, and on Gaming Goods the new listing form.
        press(&app, Key::Control + "n").await;
        app.find("ggc-wizard").await;
        blur(&app).await;
        press(&app, Key::Control + "1").await;
        app.wait_text("header-profile-name", "Gaming Goods", |t| t == "Demo · Gaming Goods").await;
        blur(&app).await;
        press(&app, Key::Control + "n").await;
        app.find("gg-listing").await;
        app.assert_no_error_toast().await;
    })
    .await;
}
