//! The UI's language in the real window: it follows the OS language (WebKitGTK reports the
//! process locale as navigator.language) until the user picks one in Settings; the choice is
//! kept across restarts, and "As the system" follows the OS again.

use e2e::{App, Market, RUSSIAN};

const SANDBOX_RU: &str = "Попробовать песочницу";
const SANDBOX_EN: &str = "Try the sandbox";

async fn navigator_language(app: &App) -> String {
    app.js("return navigator.language", vec![]).await.as_str().unwrap_or_default().to_owned()
}

/// Opens Settings, picks a language (`system`, `en`, `ru`) and closes the dialog.
async fn pick_language(app: &App, value: &str) {
    app.click("settings-open").await;
    app.find("settings").await;
    app.choose("settings-language", value).await;
    app.click("settings-close").await;
    app.wait_gone("settings").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_ui_follows_the_os_language_until_one_is_chosen_and_keeps_the_choice() {
    // First start, OS in Russian: the welcome screen speaks Russian.
    let dirs = e2e::run_with("language-ru", RUSSIAN, None, |app| async move {
        assert_eq!(navigator_language(&app).await, "ru-RU", "WebKitGTK reports the process locale");
        app.wait_text("welcome-try-sandbox", SANDBOX_RU, |t| t.contains(SANDBOX_RU)).await;
        assert!(app.text("settings-open").await.contains("Настройки"), "the settings button in Russian");

        // English chosen in Settings: the same texts switch at once, without a restart.
        pick_language(&app, "en").await;
        app.wait_text("welcome-try-sandbox", SANDBOX_EN, |t| t.contains(SANDBOX_EN)).await;
        assert!(app.text("settings-open").await.contains("Settings"));
    })
    .await;

    // Started again, OS still in Russian: the stored choice wins.
    let dirs = e2e::run_with("language-kept", RUSSIAN, Some(dirs), |app| async move {
        app.find("welcome").await;
        app.wait_text("welcome-try-sandbox", SANDBOX_EN, |t| t.contains(SANDBOX_EN)).await;

        // "As the system": Russian again.
        pick_language(&app, "system").await;
        app.wait_text("welcome-try-sandbox", SANDBOX_RU, |t| t.contains(SANDBOX_RU)).await;
    })
    .await;
    drop(dirs);
}

/// A marketplace's answers read in the UI's language too: an error (the shell sends its English
/// template and values beside the English message, and the UI fills the Russian template; the
/// values stay as the marketplace gave them), and a working connection's counts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn marketplace_answers_read_in_russian() {
    e2e::run_with("language-answers", RUSSIAN, None, |app| async move {
        // The profiles are added in English (the harness reads English texts): one with a key the
        // sandbox has never issued, one with a seller's key.
        pick_language(&app, "en").await;
        let unknown = app.add_profile("E2E unknown key", Market::GgChest, "ggc_test_e2e_never_issued_0000").await;
        let key = app.new_seller(Market::GgChest).await;
        let working = app.add_profile("E2E seller", Market::GgChest, &key).await;
        pick_language(&app, "system").await;

        app.open_profile(&unknown).await;
        app.click("header-test-connection").await;
        let (title, message) = app.toast("error", "Ошибка соединения").await;
        assert_eq!(title, "Ошибка соединения");
        assert!(
            message.starts_with("GGChest отклонил API-ключ (") && message.contains("Проверьте ключ в профиле"),
            "the message in Russian: {message}"
        );
        app.find("header-test-connection-failed").await;

        app.open_profile(&working).await;
        app.click("header-test-connection").await;
        let (_, message) = app.toast("success", "Соединение работает").await;
        assert_eq!(message, "Связь с GGChest есть: 0 предложений.");
    })
    .await;
}

/// The other tests read English texts: the harness starts the app in an English locale whatever
/// the machine's is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_other_tests_run_the_app_in_english() {
    e2e::run("language-en", |app| async move {
        assert_eq!(navigator_language(&app).await, "en-US");
        app.wait_text("welcome-try-sandbox", SANDBOX_EN, |t| t.contains(SANDBOX_EN)).await;
    })
    .await;
}
