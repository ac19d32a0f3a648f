//! tauri-plugin-store and the profiles crate on ONE file, profiles.json: the app reads its
//! settings through the store, the profiles crate (and the CLI) write, and nothing is lost.

use profiles::{Market, ProfileStore};
use seller_desk::commands::settings::{read_through_store, SETTINGS_KEY};
use serde_json::json;
use tauri::test::{mock_builder, mock_context, noop_assets};
use tauri_plugin_store::StoreExt;

#[test]
fn store_reads_and_crate_writes_share_profiles_json_without_losing_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profiles.json");
    let app = mock_builder()
        .plugin(tauri_plugin_store::Builder::default().build())
        .build(mock_context(noop_assets()))
        .unwrap();
    let handle = app.handle();

    // No file yet: no settings, and no error.
    assert_eq!(read_through_store(handle, &path).unwrap(), json!({}));

    // The app's settings and a profile, written through the profiles crate (as the commands do).
    let cli = ProfileStore::open_at(&path);
    cli.set_setting(SETTINGS_KEY, Some(json!({"theme": "dark"}))).unwrap();
    let a = cli.add("Shop A", Market::GamingGoods, None).unwrap();
    assert_eq!(read_through_store(handle, &path).unwrap(), json!({"theme": "dark"}));

    // The CLI changes the file after the app read it: the next read sees the change, and the
    // app's settings and the CLI's profiles are both still there.
    let b = cli.add("Shop B", Market::GgChest, None).unwrap();
    cli.set_setting(SETTINGS_KEY, Some(json!({"theme": "light"}))).unwrap();
    assert_eq!(read_through_store(handle, &path).unwrap(), json!({"theme": "light"}));
    let ids: Vec<String> = cli.list().unwrap().into_iter().map(|p| p.id).collect();
    assert_eq!(ids, [a.id.clone(), b.id]);

    // The store keeps no copy open: the plugin saves every open store at exit, and a copy read
    // before the CLI's last change would overwrite it.
    assert!(handle.get_store(&path).is_none(), "the store is closed after each read");

    // A key removed by another writer disappears from the next read (reload replaces, not merges).
    cli.set_setting(SETTINGS_KEY, None).unwrap();
    assert_eq!(read_through_store(handle, &path).unwrap(), json!({}));
    assert_eq!(cli.get(&a.id).unwrap().name, "Shop A");
}

#[test]
fn a_broken_file_is_reported_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profiles.json");
    std::fs::write(&path, "{ not json").unwrap();
    let app = mock_builder()
        .plugin(tauri_plugin_store::Builder::default().build())
        .build(mock_context(noop_assets()))
        .unwrap();
    let err = read_through_store(app.handle(), &path).unwrap_err();
    assert_eq!(err.code, markets::ErrorCode::ProfileInvalid);
    assert!(err.message.contains("profiles.json"), "{}", err.message);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "{ not json");
}
