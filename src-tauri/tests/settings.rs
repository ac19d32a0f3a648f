//! The app's settings, typed (`desk::settings::Settings`) and kept in the local store: the
//! object an earlier version kept in profiles.json under `seller_desk_ui` is moved there on the
//! first read (and the profiles in that file are untouched), unknown keys survive a save, and a
//! bad value is refused naming its field.

mod common;

use common::Shell;
use desk::settings::{Language, Settings, Theme, LEGACY_KEY};
use profiles::{Market, ProfileStore};
use seller_desk::commands::settings::{get_settings, set_settings};
use serde_json::json;

#[tokio::test]
async fn settings_in_profiles_json_survive_the_upgrade_once() {
    let shell = Shell::new();
    let ctx = shell.ctx();
    // As an earlier version left them: beside a profile, with a key of a newer UI.
    let old = ProfileStore::open_at(&shell.profiles_json());
    let shop = old.add("Shop", Market::GamingGoods, None).unwrap();
    old.set_setting(LEGACY_KEY, Some(json!({"theme": "dark", "language": "ru", "notify_orders": false, "pane": 3})))
        .unwrap();

    let s = get_settings(&ctx).await.unwrap();
    assert_eq!((s.theme, s.language, s.notify_jobs, s.notify_orders), (Theme::Dark, Language::Ru, true, false));
    assert_eq!(s.extra.get("pane"), Some(&json!(3)));
    // Moved once: a later change of the old key (an older build still running) is not taken.
    old.set_setting(LEGACY_KEY, Some(json!({"theme": "light"}))).unwrap();
    assert_eq!(get_settings(&ctx).await.unwrap().theme, Theme::Dark);
    assert_eq!(old.get(&shop.id).unwrap().name, "Shop", "the profiles are untouched");

    // The UI sends the fields it knows; the unknown key is kept.
    let saved = set_settings(&ctx, Settings { theme: Theme::Light, ..Settings::default() }).await.unwrap();
    assert_eq!(saved.extra.get("pane"), Some(&json!(3)));
    let read = get_settings(&ctx).await.unwrap();
    assert_eq!((read.theme, read.language, read.notify_orders), (Theme::Light, Language::System, true));
    assert_eq!(read.extra.get("pane"), Some(&json!(3)));
}

#[cfg(unix)]
#[tokio::test]
async fn the_settings_are_in_the_private_store() {
    use std::os::unix::fs::PermissionsExt;
    let shell = Shell::new();
    set_settings(&shell.ctx(), Settings { language: Language::En, ..Settings::default() }).await.unwrap();
    let db = shell.data_dir().join(store::DB_FILE);
    assert_eq!(std::fs::metadata(&db).unwrap().permissions().mode() & 0o777, 0o600);
    let stored = store::Store::open(&shell.data_dir()).unwrap().settings_json().unwrap().unwrap();
    assert_eq!(serde_json::from_str::<serde_json::Value>(&stored).unwrap()["language"], "en");
}

#[test]
fn a_bad_value_from_the_webview_is_refused_naming_its_field() {
    // What the IPC layer does with `set_settings`'s argument.
    let err = serde_json::from_value::<Settings>(json!({"theme": "purple"})).unwrap_err().to_string();
    assert!(err.starts_with("theme: unknown variant `purple`"), "{err}");
    let err = serde_json::from_value::<Settings>(json!({"notify_jobs": 1})).unwrap_err().to_string();
    assert!(err.starts_with("notify_jobs: invalid type"), "{err}");
}
