//! Desktop notifications: when a bulk job's run ends, and when GGChest orders wait for delivery
//! (`crate::orders_watcher`). Sent from Rust through the OS (org.freedesktop.Notifications over
//! D-Bus on Linux, with notify-rust), never from the webview, which has no permission for them.
//!
//! The settings (`desk::settings::Settings`: `notify_jobs`, `notify_orders`, `language`) turn
//! each kind on or off and choose the language, both kinds on by default. They are read afresh
//! each time a notification may be sent.

use std::sync::atomic::{AtomicBool, Ordering};

use desk::settings::Settings;
use jobs::notices::{Lang, Notice};

use crate::{
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
    pub fn from_settings(settings: &Settings) -> NotifySettings {
        NotifySettings {
            jobs: settings.notify_jobs,
            orders: settings.notify_orders,
            lang: Lang::from_setting(Some(settings.language.as_str())),
        }
    }

    /// The settings as stored now (defaults when they cannot be read).
    pub async fn read(state: &AppState) -> NotifySettings {
        let settings = crate::commands::settings::read(state).await.unwrap_or_default();
        NotifySettings::from_settings(&settings)
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
    use desk::settings::{Language, Settings};

    use super::*;

    #[test]
    fn both_kinds_are_on_unless_turned_off() {
        let s = NotifySettings::from_settings(&Settings::default());
        assert!(s.jobs && s.orders);
        let s = NotifySettings::from_settings(&Settings {
            notify_jobs: false,
            language: Language::Ru,
            ..Settings::default()
        });
        assert_eq!((s.jobs, s.orders, s.lang), (false, true, Lang::Ru));
        let s = NotifySettings::from_settings(&Settings {
            notify_orders: false,
            language: Language::En,
            ..Settings::default()
        });
        assert_eq!((s.jobs, s.orders, s.lang), (true, false, Lang::En));
    }
}
