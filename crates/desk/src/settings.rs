//! The app's settings, typed: one [`Settings`] for every key the app uses (the UI, through
//! `get_settings`/`set_settings`, and the notifier), read and written through one path,
//! [`load`] and [`save`], in the local store (`sellerdesk.db`, the `settings` row; 0600 like the
//! rest of the store).
//!
//! Before, they were an untyped object under the key `seller_desk_ui` of profiles.json, read
//! through tauri-plugin-store and written through the profiles crate. [`load`] moves that object
//! into the store once (marked in the store's `meta`, so a later change of the old key is not
//! taken again); the old key is left in profiles.json, untouched.
//!
//! Keys this build does not know (written by a newer one) are kept: [`Settings::extra`] holds
//! them, and [`save`] writes them back with the stored ones the caller did not send. A bad value
//! is refused by [`parse`] (and so by `set_settings`) with an error naming the field; a bad value
//! already stored (an older build's, a hand edit) reads as the field's default.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use store::Store;

use crate::{Error, Result};

/// The key of profiles.json the settings were kept under before the store.
pub const LEGACY_KEY: &str = "seller_desk_ui";
/// The store's `meta` mark: profiles.json's settings were moved (or there were none).
pub const MOVED_MARK: &str = "settings_moved_from_profiles_json";
/// Settings are small; a bigger object is a bug in the UI, not something to write to disk.
pub const MAX_SETTINGS_BYTES: usize = 64 * 1024;

/// Light or dark, or as the OS says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// The UI's and the notifications' language, or the OS's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    System,
    En,
    Ru,
}

impl Language {
    /// As `jobs::notices::Lang::from_setting` reads it.
    pub fn as_str(self) -> &'static str {
        match self {
            Language::System => "system",
            Language::En => "en",
            Language::Ru => "ru",
        }
    }
}

/// Every setting, with its default when missing. A bad value is refused naming its field (in
/// `set_settings`'s argument too: deserializing goes through `desk::settings::parse`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct Settings {
    pub theme: Theme,
    pub language: Language,
    /// An OS notification when a bulk job's run ends.
    pub notify_jobs: bool,
    /// An OS notification when GGChest orders wait for delivery (the app polls).
    pub notify_orders: bool,
    /// Keys this build does not know, kept as they are.
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Map<String, Value>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::default(),
            language: Language::default(),
            notify_jobs: true,
            notify_orders: true,
            extra: Map::new(),
        }
    }
}

impl<'de> Deserialize<'de> for Settings {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        parse(Value::deserialize(d)?).map_err(|e| serde::de::Error::custom(e.message))
    }
}

/// [`Settings`]' fields as serde reads them (`Settings` itself deserializes through [`parse`]).
#[derive(Deserialize)]
#[serde(default)]
struct Fields {
    theme: Theme,
    language: Language,
    notify_jobs: bool,
    notify_orders: bool,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

impl Default for Fields {
    fn default() -> Self {
        let Settings { theme, language, notify_jobs, notify_orders, extra } = Settings::default();
        Fields { theme, language, notify_jobs, notify_orders, extra }
    }
}

impl From<Fields> for Settings {
    fn from(f: Fields) -> Self {
        Settings {
            theme: f.theme,
            language: f.language,
            notify_jobs: f.notify_jobs,
            notify_orders: f.notify_orders,
            extra: f.extra,
        }
    }
}

/// Settings from a JSON object; a bad value is an error naming its field
/// (`theme: unknown variant "purple", expected one of "system", "light", "dark"`).
pub fn parse(value: Value) -> Result<Settings> {
    if !value.is_object() {
        return Err(Error::invalid_field("settings", "must be a JSON object"));
    }
    if serde_json::to_vec(&value).map_or(0, |v| v.len()) > MAX_SETTINGS_BYTES {
        return Err(Error::invalid_field("settings", format!("is over {MAX_SETTINGS_BYTES} bytes")));
    }
    serde_path_to_error::deserialize::<_, Fields>(value).map(Settings::from).map_err(|e| {
        let field = e.path().to_string();
        Error::invalid_field(&field, e.into_inner().to_string())
    })
}

/// Settings as stored: a bad value takes its field's default (and is dropped), never an error.
fn parse_stored(value: Value) -> Settings {
    let Value::Object(mut object) = value else { return Settings::default() };
    // Each known field at most once; an unknown key never fails.
    for _ in 0..5 {
        match serde_path_to_error::deserialize::<_, Fields>(Value::Object(object.clone())) {
            Ok(f) => return f.into(),
            Err(e) => {
                let field = e.path().iter().next().map(|s| s.to_string()).unwrap_or_default();
                if object.remove(&field).is_none() {
                    break;
                }
            }
        }
    }
    Settings::default()
}

fn store_error(e: store::StoreError) -> Error {
    Error::file(e.0)
}

/// The settings: the store's, or (the first time) those profiles.json held under
/// [`LEGACY_KEY`], moved into the store; defaults when there are none. `legacy` reads that key
/// (it is called at most once per store: after a move, or a first load without any, never again).
pub fn load(store: &Store, legacy: impl FnOnce() -> Result<Option<Value>>) -> Result<Settings> {
    if let Some(json) = store.settings_json().map_err(store_error)? {
        return Ok(parse_stored(serde_json::from_str(&json).unwrap_or(Value::Null)));
    }
    if store.meta(MOVED_MARK).map_err(store_error)?.is_some() {
        return Ok(Settings::default());
    }
    match legacy()? {
        Some(old @ Value::Object(_)) => {
            store.set_settings_json(&old.to_string(), &[(MOVED_MARK, "moved")]).map_err(store_error)?;
            Ok(parse_stored(old))
        }
        _ => {
            store.set_meta(MOVED_MARK, "none").map_err(store_error)?;
            Ok(Settings::default())
        }
    }
}

/// Replaces the settings; keys stored by another build and not in `settings` are kept. Returns
/// the settings as stored.
pub fn save(store: &Store, mut settings: Settings) -> Result<Settings> {
    if let Some(json) = store.settings_json().map_err(store_error)? {
        if let Ok(Value::Object(stored)) = serde_json::from_str::<Value>(&json) {
            for (key, value) in stored {
                if !is_known(&key) {
                    settings.extra.entry(key).or_insert(value);
                }
            }
        }
    }
    let json = serde_json::to_string(&settings).expect("settings serialize");
    if json.len() > MAX_SETTINGS_BYTES {
        return Err(Error::invalid_field("settings", format!("is over {MAX_SETTINGS_BYTES} bytes")));
    }
    // Saving moves nothing from profiles.json later: these are the settings now.
    store.set_settings_json(&json, &[(MOVED_MARK, "saved")]).map_err(store_error)?;
    Ok(settings)
}

fn is_known(key: &str) -> bool {
    matches!(key, "theme" | "language" | "notify_jobs" | "notify_orders")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn defaults_and_a_bad_value_named_by_its_field() {
        assert_eq!(parse(json!({})).unwrap(), Settings::default());
        let s = parse(json!({"theme": "dark", "language": "ru", "notify_jobs": false, "window": {"w": 800}})).unwrap();
        assert_eq!((s.theme, s.language, s.notify_jobs, s.notify_orders), (Theme::Dark, Language::Ru, false, true));
        assert_eq!(s.extra.get("window"), Some(&json!({"w": 800})), "an unknown key is kept");
        assert_eq!(serde_json::to_value(&s).unwrap()["window"], json!({"w": 800}));

        let e = parse(json!({"theme": "purple"})).unwrap_err();
        assert!(e.message.starts_with("theme: unknown variant `purple`"), "{}", e.message);
        let e = parse(json!({"notify_orders": "yes"})).unwrap_err();
        assert!(e.message.starts_with("notify_orders: invalid type"), "{}", e.message);
        let e = parse(json!([1, 2])).unwrap_err();
        assert!(e.message.starts_with("settings: must be a JSON object"), "{}", e.message);
        let e = parse(json!({"notes": "x".repeat(MAX_SETTINGS_BYTES)})).unwrap_err();
        assert!(e.message.contains("bytes"), "{}", e.message);
        // As the app's IPC argument deserializes it.
        let e = serde_json::from_value::<Settings>(json!({"language": "de"})).unwrap_err();
        assert!(e.to_string().starts_with("language: unknown variant `de`"), "{e}");
        assert_eq!(serde_json::from_value::<Settings>(json!({"theme": "light"})).unwrap().theme, Theme::Light);
    }

    #[test]
    fn bad_stored_values_read_as_defaults() {
        let s =
            parse_stored(json!({"theme": "purple", "language": "de", "notify_jobs": "yes", "notify_orders": false}));
        assert_eq!(s, Settings { notify_orders: false, ..Settings::default() });
        assert_eq!(parse_stored(json!("nonsense")), Settings::default());
    }

    #[test]
    fn profiles_json_settings_move_once_and_unknown_keys_survive_a_save() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let old = json!({"theme": "dark", "notify_orders": false, "sidebar": "narrow"});
        let mut calls = 0;
        let s = load(&store, || {
            calls += 1;
            Ok(Some(old.clone()))
        })
        .unwrap();
        assert_eq!((s.theme, s.notify_orders, s.extra.get("sidebar")), (Theme::Dark, false, Some(&json!("narrow"))));
        // Moved: profiles.json is not read again, whatever it says now.
        let again = load(&store, || panic!("read profiles.json twice")).unwrap();
        assert_eq!(again, s);
        assert_eq!(calls, 1);

        // The UI sends only the fields it knows: the unknown key stays.
        let saved = save(&store, Settings { language: Language::Ru, ..Settings::default() }).unwrap();
        assert_eq!(saved.extra.get("sidebar"), Some(&json!("narrow")));
        let read = load(&store, || unreachable!()).unwrap();
        assert_eq!((read.language, read.theme, read.notify_orders), (Language::Ru, Theme::System, true));
        assert_eq!(read.extra.get("sidebar"), Some(&json!("narrow")));
    }

    #[test]
    fn without_old_settings_the_defaults_and_no_second_look() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(load(&store, || Ok(None)).unwrap(), Settings::default());
        assert_eq!(load(&store, || panic!("looked again")).unwrap(), Settings::default());
        // A profiles.json that cannot be read is an error, and is looked at again next time.
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert!(load(&store, || Err(Error::file("profiles.json cannot be read"))).is_err());
        assert_eq!(load(&store, || Ok(Some(json!({"theme": "light"})))).unwrap().theme, Theme::Light);
    }
}
