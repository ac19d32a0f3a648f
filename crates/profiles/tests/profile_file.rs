//! profiles.json through `ProfileStore`: the format shared with the desktop app, validation,
//! and safe concurrent changes. None of these touch the keychain (see keychain.rs for those).

use std::{fs, path::Path, sync::Barrier, thread};

use profiles::{Error, Market, ProfileStore, MAX_NAME_CHARS};
use serde_json::{json, Value};
use tempfile::TempDir;

fn new_store() -> (TempDir, ProfileStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = ProfileStore::open_at(dir.path().join("profiles.json"));
    (dir, store)
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

#[test]
fn add_writes_the_format_shared_with_the_desktop_app() {
    let (_dir, store) = new_store();
    let shop = store.add("Main shop", Market::GgChest, None).unwrap();

    let file = read_json(store.path());
    let root = file.as_object().unwrap();
    let mut keys: Vec<&str> = root.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["active_profile_id", "profiles", "version"]);
    assert_eq!(file["version"], json!(1));
    assert_eq!(file["active_profile_id"], json!(shop.id));
    assert_eq!(
        file["profiles"],
        json!([{
            "id": shop.id,
            "name": "Main shop",
            "market": "ggchest",
            "base_url": "https://sellerapi.ggchest.com",
            "created_at": shop.created_at,
        }])
    );
    let id = uuid::Uuid::parse_str(&shop.id).expect("the id is a UUID");
    assert_eq!(id.get_version_num(), 4);
    assert_eq!(shop.created_at.len(), "2025-03-01T12:00:00Z".len());
    assert!(shop.created_at.ends_with('Z'), "{}", shop.created_at);

    let gg = store.add("GG", Market::GamingGoods, None).unwrap();
    assert_eq!(read_json(store.path())["profiles"][1]["market"], json!("gg"));
    assert_eq!(gg.base_url, "https://gaming-goods.ru/api/partner/v1");
}

#[test]
fn a_file_the_app_wrote_is_adopted_with_its_keys_kept() {
    let (_dir, store) = new_store();
    fs::write(store.path(), r#"{"theme": "dark", "window": {"width": 1200, "height": 800}}"#).unwrap();
    let shop = store.add("Shop", Market::GgChest, None).unwrap();
    store.rename(&shop.id, "Shop 2").unwrap();

    let file = read_json(store.path());
    assert_eq!(file["theme"], json!("dark"));
    assert_eq!(file["window"], json!({"width": 1200, "height": 800}));
    assert_eq!(file["version"], json!(1));
    assert_eq!(file["profiles"][0]["name"], json!("Shop 2"));
}

#[test]
fn unknown_top_level_keys_and_profile_fields_survive_every_change() {
    let (_dir, store) = new_store();
    let a = store.add("A", Market::GgChest, None).unwrap();
    let b = store.add("B", Market::GamingGoods, None).unwrap();

    // The app adds its own settings and a field of its own to profile A.
    let mut file = read_json(store.path());
    file["ui_language"] = json!("ru");
    file["recent_orders"] = json!({"filter": ["paid", "sent"]});
    file["profiles"][0]["color"] = json!("#3366ff");
    fs::write(store.path(), serde_json::to_vec(&file).unwrap()).unwrap();

    store.rename(&a.id, "A renamed").unwrap();
    store.set_base_url(&b.id, Some("http://localhost:8080")).unwrap();
    store.set_active(&b.id).unwrap();
    store.add("C", Market::GgChest, None).unwrap();

    let file = read_json(store.path());
    assert_eq!(file["ui_language"], json!("ru"));
    assert_eq!(file["recent_orders"], json!({"filter": ["paid", "sent"]}));
    assert_eq!(file["profiles"][0]["color"], json!("#3366ff"));
    assert_eq!(file["profiles"][0]["name"], json!("A renamed"));
    let a = store.get(&a.id).unwrap();
    assert_eq!(a.extra_fields().get("color"), Some(&json!("#3366ff")));
}

#[test]
fn base_url_defaults_to_production_and_can_be_changed_and_reset() {
    let (_dir, store) = new_store();
    let shop = store.add("Sandbox", Market::GgChest, Some(" http://127.0.0.1:9000/ ")).unwrap();
    assert_eq!(shop.base_url, "http://127.0.0.1:9000");
    assert!(!shop.uses_production_url());

    let changed = store.set_base_url(&shop.id, Some("https://staging.ggchest.com/api/")).unwrap();
    assert_eq!(changed.base_url, "https://staging.ggchest.com/api");
    assert_eq!(store.get(&shop.id).unwrap().base_url, changed.base_url);

    let reset = store.set_base_url(&shop.id, None).unwrap();
    assert_eq!(reset.base_url, "https://sellerapi.ggchest.com");
    assert!(store.get(&shop.id).unwrap().uses_production_url());

    let err = store.set_base_url(&shop.id, Some("http://sellerapi.ggchest.com")).unwrap_err();
    assert!(matches!(err, Error::InvalidBaseUrl { .. }), "{err:?}");
    assert!(store.get(&shop.id).unwrap().uses_production_url());
}

#[test]
fn rename_changes_the_name_only_and_keeps_names_unique() {
    let (_dir, store) = new_store();
    let a = store.add("Alpha", Market::GgChest, None).unwrap();
    store.add("Beta", Market::GgChest, None).unwrap();

    let renamed = store.rename(&a.id, "  Gamma ").unwrap();
    assert_eq!(renamed.name, "Gamma");
    let mut expected = a.clone();
    expected.name = "Gamma".into();
    assert_eq!(store.get(&a.id).unwrap(), expected);

    // Another profile's name, in any case, is taken...
    let err = store.rename(&a.id, "BETA").unwrap_err();
    assert!(matches!(&err, Error::DuplicateName { existing } if existing == "Beta"), "{err:?}");
    assert!(err.to_string().contains("choose another name"), "{err}");
    // ...but a profile may change the case of its own name.
    assert_eq!(store.rename(&a.id, "GAMMA").unwrap().name, "GAMMA");

    assert!(matches!(store.rename("no-such-id", "X"), Err(Error::NotFound { .. })));
}

#[test]
fn the_first_profile_becomes_active_and_set_active_moves_it() {
    let (_dir, store) = new_store();
    assert_eq!(store.active().unwrap(), None);
    let a = store.add("A", Market::GgChest, None).unwrap();
    let b = store.add("B", Market::GamingGoods, None).unwrap();
    assert_eq!(store.active().unwrap().unwrap().id, a.id);

    store.set_active(&b.id).unwrap();
    assert_eq!(store.active().unwrap().unwrap().id, b.id);
    assert_eq!(read_json(store.path())["active_profile_id"], json!(b.id));

    let err = store.set_active("no-such-id").unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }));
    assert!(err.to_string().contains("sellerdesk profile list"), "{err}");
    assert_eq!(store.active().unwrap().unwrap().id, b.id);

    store.clear_active().unwrap();
    assert_eq!(store.active().unwrap(), None);
    assert_eq!(read_json(store.path())["active_profile_id"], Value::Null);
    // With none active, the next profile added becomes active.
    let c = store.add("C", Market::GgChest, None).unwrap();
    assert_eq!(store.active().unwrap().unwrap().id, c.id);
}

#[test]
fn profiles_are_found_by_id_or_by_name_ignoring_case() {
    let (_dir, store) = new_store();
    let shop = store.add("Main Shop", Market::GgChest, None).unwrap();
    assert_eq!(store.get(&shop.id).unwrap(), shop);
    assert_eq!(store.get_by_name("main shop").unwrap(), shop);
    assert_eq!(store.find(" MAIN SHOP ").unwrap(), shop);
    assert_eq!(store.find(&shop.id).unwrap(), shop);
    assert_eq!(store.list().unwrap(), vec![shop]);

    let err = store.get_by_name("Other").unwrap_err();
    assert_eq!(
        err.to_string(),
        "there is no profile named \"Other\": `sellerdesk profile list` shows the profiles there are"
    );
}

#[test]
fn invalid_input_is_refused_with_what_to_fix_and_nothing_is_written() {
    let (_dir, store) = new_store();
    store.add("Main", Market::GgChest, None).unwrap();
    let before = fs::read(store.path()).unwrap();

    let long = "x".repeat(MAX_NAME_CHARS + 1);
    let cases: Vec<(&str, Option<&str>, &str)> = vec![
        ("", None, "give the profile a name"),
        ("   ", None, "give the profile a name"),
        (&long, None, "use at most 64"),
        ("tab\there", None, "control character"),
        ("main", None, "already exists"),
        (" MAIN ", None, "already exists"),
        ("New", Some("sellerapi.ggchest.com"), "https://sellerapi.ggchest.com"),
        ("New", Some("ftp://sellerapi.ggchest.com"), "use https://"),
        ("New", Some("http://sellerapi.ggchest.com"), "only for a loopback host"),
        ("New", Some("https://u:p@sellerapi.ggchest.com"), "user name or password"),
        ("New", Some(""), "leave it out"),
    ];
    for (name, base_url, hint) in cases {
        let err =
            store.add(name, Market::GgChest, base_url).expect_err(&format!("{name:?} {base_url:?} should be refused"));
        let message = err.to_string();
        assert!(message.contains(hint), "{name:?} {base_url:?}: {message}");
    }
    assert_eq!(fs::read(store.path()).unwrap(), before, "a refused add wrote the file");

    assert!(store.add(&"x".repeat(MAX_NAME_CHARS), Market::GgChest, None).is_ok());
    for ok in ["http://localhost:8080", "http://[::1]:8080", "http://127.0.0.1"] {
        let name = format!("local {ok}");
        assert!(store.add(&name, Market::GgChest, Some(ok)).is_ok(), "{ok}");
    }
}

#[test]
fn two_stores_on_one_file_see_and_keep_each_others_changes() {
    let (dir, cli) = new_store();
    let app = ProfileStore::open_at(dir.path().join("profiles.json"));

    let a = cli.add("From CLI", Market::GgChest, None).unwrap();
    let b = app.add("From app", Market::GamingGoods, None).unwrap();
    cli.rename(&a.id, "From CLI, renamed").unwrap();
    app.set_active(&b.id).unwrap();

    for store in [&cli, &app] {
        let names: Vec<String> = store.list().unwrap().into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["From CLI, renamed", "From app"]);
        assert_eq!(store.active().unwrap().unwrap().id, b.id);
    }
    // Names stay unique across both writers.
    assert!(matches!(app.add("from cli, RENAMED", Market::GgChest, None), Err(Error::DuplicateName { .. })));
}

#[test]
fn simultaneous_adds_from_two_writers_lose_no_profile() {
    const PER_WRITER: usize = 25;
    let (dir, _) = new_store();
    let path = dir.path().join("profiles.json");
    let start = Barrier::new(2);
    thread::scope(|scope| {
        for writer in ["cli", "app"] {
            let (path, start) = (&path, &start);
            scope.spawn(move || {
                let store = ProfileStore::open_at(path);
                start.wait();
                for n in 0..PER_WRITER {
                    store.add(&format!("{writer} {n}"), Market::GgChest, None).unwrap();
                }
            });
        }
    });
    let store = ProfileStore::open_at(&path);
    let mut names: Vec<String> = store.list().unwrap().into_iter().map(|p| p.name).collect();
    names.sort();
    let mut expected: Vec<String> =
        ["cli", "app"].iter().flat_map(|writer| (0..PER_WRITER).map(move |n| format!("{writer} {n}"))).collect();
    expected.sort();
    assert_eq!(names, expected);
}

#[test]
fn reading_creates_nothing_and_a_change_creates_the_directory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("sellerdesk").join("profiles.json");
    let store = ProfileStore::open_at(&path);
    assert!(store.list().unwrap().is_empty());
    assert_eq!(store.active().unwrap(), None);
    assert!(matches!(store.get("x"), Err(Error::NotFound { .. })));
    assert!(!dir.path().join("nested").exists(), "a read created files");

    store.add("Shop", Market::GgChest, None).unwrap();
    assert!(path.is_file());
}

#[cfg(unix)]
#[test]
fn the_file_is_private_and_no_temporary_file_is_left_behind() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().unwrap();
    let config_dir = dir.path().join("sellerdesk");
    let store = ProfileStore::open_at(config_dir.join("profiles.json"));
    // A file another program created readable by all becomes private on the next write.
    fs::create_dir(&config_dir).unwrap();
    fs::write(store.path(), "{}").unwrap();
    fs::set_permissions(store.path(), fs::Permissions::from_mode(0o644)).unwrap();

    let shop = store.add("Shop", Market::GgChest, None).unwrap();
    store.rename(&shop.id, "Shop 2").unwrap();

    let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(store.path()), 0o600);
    assert_eq!(mode(&config_dir.join("profiles.json.lock")), 0o600);
    let mut entries: Vec<String> =
        fs::read_dir(&config_dir).unwrap().map(|entry| entry.unwrap().file_name().into_string().unwrap()).collect();
    entries.sort();
    assert_eq!(entries, ["profiles.json", "profiles.json.lock"]);

    // A directory this crate creates is private too.
    let fresh = dir.path().join("fresh");
    ProfileStore::open_at(fresh.join("profiles.json")).add("Shop", Market::GgChest, None).unwrap();
    assert_eq!(mode(&fresh), 0o700);
}

#[test]
fn a_damaged_file_is_reported_and_never_overwritten() {
    let (_dir, store) = new_store();
    for damaged in [
        "{\"version\": 1, \"profiles\": [",
        "[]",
        r#"{"version": 1, "profiles": [{"id": "a", "name": "A", "market": "amazon",
            "base_url": "https://x", "created_at": "2025-01-01T00:00:00Z"}]}"#,
    ] {
        fs::write(store.path(), damaged).unwrap();
        let err = store.add("Shop", Market::GgChest, None).unwrap_err();
        assert!(matches!(err, Error::Corrupt { .. }), "{err:?}");
        let message = err.to_string();
        assert!(message.contains(&store.path().display().to_string()), "{message}");
        assert!(message.contains("fix it, or move it away"), "{message}");
        assert!(matches!(store.list(), Err(Error::Corrupt { .. })));
        assert_eq!(fs::read_to_string(store.path()).unwrap(), damaged);
    }
}

#[test]
fn a_file_from_a_newer_version_is_left_alone() {
    let (_dir, store) = new_store();
    let newer = r#"{"version": 2, "profiles": [], "accounts": {}}"#;
    fs::write(store.path(), newer).unwrap();
    let err = store.add("Shop", Market::GgChest, None).unwrap_err();
    assert!(matches!(err, Error::UnsupportedVersion { found: 2, supported: 1, .. }), "{err:?}");
    assert!(err.to_string().contains("update sellerdesk"), "{err}");
    assert_eq!(fs::read_to_string(store.path()).unwrap(), newer);
}

#[test]
fn app_settings_and_profile_fields_are_kept_by_every_change() {
    let (_dir, store) = new_store();
    let shop = store.add("Demo", Market::GamingGoods, Some("http://127.0.0.1:9/gg")).unwrap();
    store.set_setting("app", Some(json!({"theme": "dark"}))).unwrap();
    let flagged = store.set_profile_field(&shop.id, "sandbox", Some(json!(true))).unwrap();
    assert_eq!(flagged.extra_fields()["sandbox"], json!(true));

    // Later profile changes keep both.
    store.rename(&shop.id, "Demo 2").unwrap();
    store.add("Other", Market::GgChest, None).unwrap();
    assert_eq!(store.setting("app").unwrap(), Some(json!({"theme": "dark"})));
    assert_eq!(store.get(&shop.id).unwrap().extra_fields()["sandbox"], json!(true));
    assert_eq!(read_json(store.path())["app"], json!({"theme": "dark"}));

    // Removing them leaves no trace.
    store.set_setting("app", None).unwrap();
    store.set_profile_field(&shop.id, "sandbox", None).unwrap();
    assert_eq!(store.setting("app").unwrap(), None);
    assert!(store.get(&shop.id).unwrap().extra_fields().is_empty());
}

#[test]
fn the_formats_own_keys_and_fields_cannot_be_set_as_the_apps() {
    let (_dir, store) = new_store();
    let shop = store.add("Shop", Market::GgChest, None).unwrap();
    for key in ["version", "profiles", "active_profile_id"] {
        assert!(matches!(store.set_setting(key, Some(json!(1))), Err(Error::ReservedKey { .. })), "{key}");
    }
    for field in ["id", "name", "market", "base_url", "created_at"] {
        let result = store.set_profile_field(&shop.id, field, Some(json!("x")));
        assert!(matches!(result, Err(Error::ReservedKey { .. })), "{field}");
    }
    assert_eq!(store.get(&shop.id).unwrap().name, "Shop");
}
