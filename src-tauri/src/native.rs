//! Native dialogs the Rust side shows itself: the confirmation before a profile's key may go to
//! a host that is neither its marketplace nor the app's own sandbox, and the open and save
//! dialogs that make a file reachable (the webview gets a handle, never a path it could name).
//!
//! The webview cannot open, answer or skip these: it has no dialog permission, and only the
//! Rust side reads the answer.
//!
//! TEST ONLY: the end-to-end tests cannot click a native dialog over WebDriver, so a debug build
//! (`cfg(debug_assertions)`, what `npx tauri build --debug` makes) takes the answer from the
//! environment instead of showing the dialog, when asked to:
//! - `SELLERDESK_TEST_CONFIRM=yes|no` answers the confirmation;
//! - `SELLERDESK_TEST_PICK=/path` answers every open or save dialog with that path
//!   (`cancel` answers it with a cancel).
//!
//! Without these variables a dialog is shown; a release build never reads them. They are set on
//! the process by whoever starts it, never by the webview.

use std::path::PathBuf;

use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

/// The test-only answer to the confirmation (debug builds only).
pub const TEST_CONFIRM_VAR: &str = "SELLERDESK_TEST_CONFIRM";
/// The test-only answer to the open and save dialogs (debug builds only).
pub const TEST_PICK_VAR: &str = "SELLERDESK_TEST_PICK";

/// A test-only answer from the environment: always `None` in a release build.
fn test_answer(var: &str) -> Option<String> {
    #[cfg(debug_assertions)]
    {
        std::env::var(var).ok().filter(|v| !v.is_empty())
    }
    #[cfg(not(debug_assertions))]
    {
        let _ = var;
        None
    }
}

/// A yes/no question in a native dialog; `false` when it cannot be shown (no window: tests
/// without an app) or the user said no or closed it.
pub async fn confirm(app: Option<&AppHandle>, title: String, message: String, yes: String, no: String) -> bool {
    if let Some(answer) = test_answer(TEST_CONFIRM_VAR) {
        eprintln!("Seller Desk: {TEST_CONFIRM_VAR}={answer} answers \"{title}\" (test only)");
        return answer.eq_ignore_ascii_case("yes");
    }
    let Some(app) = app else { return false };
    let (tx, rx) = tokio::sync::oneshot::channel();
    let mut dialog = app
        .dialog()
        .message(message)
        .title(title)
        .kind(MessageDialogKind::Warning)
        .buttons(MessageDialogButtons::OkCancelCustom(yes, no));
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.parent(&window);
    }
    dialog.show(move |answer| {
        let _ = tx.send(answer);
    });
    rx.await.unwrap_or(false)
}

/// What an open or save dialog offers: a name and the extensions (no dot).
pub struct Filter {
    pub name: String,
    pub extensions: &'static [&'static str],
}

/// The native open dialog: the chosen file, or `None` when cancelled (or no window).
pub async fn pick_open(app: Option<&AppHandle>, title: String, filter: Filter) -> Option<PathBuf> {
    if let Some(answer) = test_answer(TEST_PICK_VAR) {
        eprintln!("Seller Desk: {TEST_PICK_VAR} answers the open dialog (test only)");
        return (answer != "cancel").then(|| PathBuf::from(answer));
    }
    let app = app?;
    let (tx, rx) = tokio::sync::oneshot::channel();
    let mut dialog = app.dialog().file().set_title(title).add_filter(filter.name, filter.extensions);
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    dialog.pick_file(move |chosen| {
        let _ = tx.send(chosen);
    });
    rx.await.ok().flatten().and_then(|p| p.into_path().ok())
}

/// The native save dialog, proposing `file_name`: the chosen file, or `None` when cancelled.
pub async fn pick_save(app: Option<&AppHandle>, title: String, filter: Filter, file_name: String) -> Option<PathBuf> {
    if let Some(answer) = test_answer(TEST_PICK_VAR) {
        eprintln!("Seller Desk: {TEST_PICK_VAR} answers the save dialog (test only)");
        return (answer != "cancel").then(|| PathBuf::from(answer));
    }
    let app = app?;
    let (tx, rx) = tokio::sync::oneshot::channel();
    let mut dialog = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter(filter.name, filter.extensions)
        .set_file_name(file_name)
        .set_can_create_directories(true);
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    dialog.save_file(move |chosen| {
        let _ = tx.send(chosen);
    });
    rx.await.ok().flatten().and_then(|p| p.into_path().ok())
}
