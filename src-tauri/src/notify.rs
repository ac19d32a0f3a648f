//! Desktop notifications: when a bulk job's run ends, and when GGChest orders wait for delivery
//! (`crate::orders_watcher`). Sent from Rust through the OS (org.freedesktop.Notifications over
//! D-Bus on Linux, with notify-rust), never from the webview, which has no permission for them.
//!
//! The UI's settings (`seller_desk_ui` in profiles.json) turn each kind on or off and choose the
//! language: `{"notify_jobs": bool, "notify_orders": bool, "language": "system" | "en" | "ru"}`,
//! both kinds on when missing. They are read afresh each time a notification may be sent.

use std::sync::atomic::{AtomicBool, Ordering};

use jobs::notices::{Lang, Notice};
use serde_json::Value;

use crate::{
    commands::settings::SETTINGS_KEY,
    progress::{Events, Progress},
    state::AppState,
};

/// The application name notifications carry.
pub const APP_NAME: &str = "Seller Desk";
/// The app icon's name in the desktop's icon theme (the package installs it under hicolor).
pub const ICON_NAME: &str = "seller-desk";

/// What the settings say about notifications.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotifySettings {
    pub jobs: bool,
    pub orders: bool,
    pub lang: Lang,
}

impl NotifySettings {
    /// From the UI's settings object (anything else, or missing keys: both on, OS language).
    pub fn from_settings(settings: Option<&Value>) -> NotifySettings {
        let get = |key: &str| settings.and_then(|s| s.get(key));
        let flag = |key: &str| get(key).and_then(Value::as_bool).unwrap_or(true);
        NotifySettings {
            jobs: flag("notify_jobs"),
            orders: flag("notify_orders"),
            lang: Lang::from_setting(get("language").and_then(Value::as_str)),
        }
    }

    /// The settings as profiles.json holds them now (defaults when it cannot be read).
    pub async fn read(state: &AppState) -> NotifySettings {
        let stored = state.with_profiles(|p| Ok(p.store().setting(SETTINGS_KEY)?)).await.ok().flatten();
        NotifySettings::from_settings(stored.as_ref())
    }
}

static SHOW_FAILED: AtomicBool = AtomicBool::new(false);

/// Shows a notification through the OS, off the async workers (a D-Bus round trip). A failure
/// (no notification service) is printed once per run, then ignored.
pub fn show(notice: Notice) {
    let send = move || {
        let mut n = notify_rust::Notification::new();
        n.appname(APP_NAME).summary(&notice.title).body(&notice.body);
        // The icon the .deb installs in the hicolor theme (`seller-desk`), by name.
        #[cfg(all(unix, not(target_os = "macos")))]
        n.icon(ICON_NAME);
        n.show().map(|_| ())
    };
    tauri::async_runtime::spawn_blocking(move || {
        if let Err(err) = send() {
            if !SHOW_FAILED.swap(true, Ordering::Relaxed) {
                eprintln!("Seller Desk: notifications cannot be shown ({err}); not saying so again");
            }
        }
    });
}

/// Sends notifications to the OS and nothing else (the orders watcher has no window to report
/// progress to).
pub struct OsNotices;

impl Events for OsNotices {
    fn progress(&self, _: Progress) {}

    fn notify(&self, notice: Notice) {
        show(notice);
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn both_kinds_are_on_unless_turned_off() {
        let s = NotifySettings::from_settings(None);
        assert!(s.jobs && s.orders);
        let s = NotifySettings::from_settings(Some(&json!({"theme": "dark"})));
        assert!(s.jobs && s.orders);
        let s = NotifySettings::from_settings(Some(&json!({"notify_jobs": false, "language": "ru"})));
        assert_eq!((s.jobs, s.orders, s.lang), (false, true, Lang::Ru));
        let s = NotifySettings::from_settings(Some(&json!({"notify_orders": false, "language": "en"})));
        assert_eq!((s.jobs, s.orders, s.lang), (true, false, Lang::En));
    }
}
