//! The contents of profiles.json: the contract with the desktop app, which opens the same file
//! with `tauri-plugin-store` (a top-level JSON object of key → value).
//!
//! ```json
//! {
//!   "version": 1,
//!   "profiles": [
//!     { "id": "…uuid v4…", "name": "Main shop", "market": "ggchest",
//!       "base_url": "https://sellerapi.ggchest.com", "created_at": "2025-03-01T12:00:00Z" }
//!   ],
//!   "active_profile_id": "…uuid v4…"
//! }
//! ```
//!
//! Other top-level keys (the app's own settings) and unknown fields inside a profile are kept
//! as they are on every write.

use std::path::Path;

use serde_json::{Map, Value};

use crate::{
    error::{Error, Result},
    profile::Profile,
};

/// The format version this crate reads and writes.
pub const FORMAT_VERSION: u64 = 1;

const VERSION_KEY: &str = "version";
const PROFILES_KEY: &str = "profiles";
const ACTIVE_KEY: &str = "active_profile_id";
/// Profiles being added: recorded before their key is stored, removed once the profile is
/// written (see `pending`). Absent when empty.
const PENDING_KEY: &str = "pending_keys";

/// A profile whose key is being stored (or was, by an add that was killed before it wrote the
/// profile): the id names the keychain entry, so a key with no profile can always be found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PendingKey {
    pub id: String,
    pub name: String,
    pub market: markets::Market,
    /// RFC 3339, UTC.
    pub since: String,
}

/// profiles.json in memory: the keys this crate owns, parsed, and everything else as found.
#[derive(Debug, Default)]
pub(crate) struct ProfilesDocument {
    pub profiles: Vec<Profile>,
    pub active_profile_id: Option<String>,
    pub pending: Vec<PendingKey>,
    other_keys: Map<String, Value>,
}

impl ProfilesDocument {
    /// Parses the bytes of profiles.json (`path` is only for messages). Empty or blank content
    /// is an empty document, as is a store the app created before any profile existed.
    pub fn parse(bytes: &[u8], path: &Path) -> Result<Self> {
        let corrupt = |problem: String| Error::Corrupt { path: path.to_owned(), problem };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(ProfilesDocument::default());
        }
        let root: Value = serde_json::from_slice(bytes).map_err(|err| corrupt(format!("not JSON: {err}")))?;
        let Value::Object(mut root) = root else {
            return Err(corrupt("the top level is not a JSON object".into()));
        };

        match root.remove(VERSION_KEY) {
            // No version yet: the app may have created the store with only its own settings.
            None => {}
            Some(Value::Number(number)) => match number.as_u64() {
                Some(FORMAT_VERSION) => {}
                Some(found) if found > FORMAT_VERSION => {
                    return Err(Error::UnsupportedVersion { path: path.to_owned(), found, supported: FORMAT_VERSION })
                }
                _ => return Err(corrupt(format!("`{VERSION_KEY}` is {number}, expected {FORMAT_VERSION}"))),
            },
            Some(other) => return Err(corrupt(format!("`{VERSION_KEY}` is {other}, expected {FORMAT_VERSION}"))),
        }

        let profiles = match root.remove(PROFILES_KEY) {
            None | Some(Value::Null) => Vec::new(),
            Some(value) => serde_json::from_value::<Vec<Profile>>(value)
                .map_err(|err| corrupt(format!("`{PROFILES_KEY}`: {err}")))?,
        };

        let active_profile_id = match root.remove(ACTIVE_KEY) {
            None | Some(Value::Null) => None,
            Some(Value::String(id)) => Some(id),
            Some(other) => return Err(corrupt(format!("`{ACTIVE_KEY}` is {other}, expected a profile id or null"))),
        };

        let pending = match root.remove(PENDING_KEY) {
            None | Some(Value::Null) => Vec::new(),
            Some(value) => serde_json::from_value::<Vec<PendingKey>>(value)
                .map_err(|err| corrupt(format!("`{PENDING_KEY}`: {err}")))?,
        };

        Ok(ProfilesDocument { profiles, active_profile_id, pending, other_keys: root })
    }

    /// The file's new contents: pretty JSON (people do open it), ending in a newline.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut root = self.other_keys.clone();
        root.insert(VERSION_KEY.into(), FORMAT_VERSION.into());
        root.insert(PROFILES_KEY.into(), serde_json::to_value(&self.profiles).expect("profiles serialize to JSON"));
        root.insert(ACTIVE_KEY.into(), self.active_profile_id.clone().map_or(Value::Null, Value::String));
        if !self.pending.is_empty() {
            root.insert(PENDING_KEY.into(), serde_json::to_value(&self.pending).expect("pending keys serialize"));
        }
        let mut bytes = serde_json::to_vec_pretty(&Value::Object(root)).expect("a JSON value serializes");
        bytes.push(b'\n');
        bytes
    }

    /// Whether `key` is one of the top-level keys this crate owns.
    pub fn is_own_key(key: &str) -> bool {
        [VERSION_KEY, PROFILES_KEY, ACTIVE_KEY, PENDING_KEY].contains(&key)
    }

    /// A top-level key another program (the desktop app) keeps in this file.
    pub fn other_key(&self, key: &str) -> Option<&Value> {
        self.other_keys.get(key)
    }

    /// Sets (or with `None` removes) a top-level key of another program's.
    pub fn set_other_key(&mut self, key: &str, value: Option<Value>) {
        match value {
            Some(value) => self.other_keys.insert(key.to_owned(), value),
            None => self.other_keys.remove(key),
        };
    }

    pub fn find(&self, id: &str) -> Option<&Profile> {
        self.profiles.iter().find(|profile| profile.id == id)
    }

    pub fn find_mut(&mut self, id: &str) -> Option<&mut Profile> {
        self.profiles.iter_mut().find(|profile| profile.id == id)
    }

    /// The active profile, if the active id names one that still exists.
    pub fn active(&self) -> Option<&Profile> {
        self.active_profile_id.as_deref().and_then(|id| self.find(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use markets::Market;

    fn parse(text: &str) -> Result<ProfilesDocument> {
        ProfilesDocument::parse(text.as_bytes(), Path::new("/x/profiles.json"))
    }

    #[test]
    fn blank_and_app_only_files_are_empty_documents() {
        assert!(parse("").unwrap().profiles.is_empty());
        assert!(parse(" \n").unwrap().profiles.is_empty());
        let doc = parse(r#"{"theme":"dark"}"#).unwrap();
        assert!(doc.profiles.is_empty() && doc.active_profile_id.is_none());
    }

    #[test]
    fn round_trip_keeps_other_keys_and_fields() {
        let text = r##"{
            "version": 1,
            "theme": {"mode": "dark"},
            "profiles": [{"id": "a", "name": "A", "market": "gg", "base_url": "https://x",
                          "created_at": "2025-01-01T00:00:00Z", "color": "#ff0000"}],
            "active_profile_id": "a"
        }"##;
        let doc = parse(text).unwrap();
        assert_eq!(doc.profiles[0].market, Market::GamingGoods);
        let written: Value = serde_json::from_slice(&doc.to_bytes()).unwrap();
        let original: Value = serde_json::from_str(text).unwrap();
        assert_eq!(written, original);
    }

    #[test]
    fn bad_files_say_which_file_and_what_is_wrong() {
        let err = parse("[1,2]").unwrap_err().to_string();
        assert!(err.contains("/x/profiles.json") && err.contains("not a JSON object"), "{err}");
        let err = parse("{").unwrap_err().to_string();
        assert!(err.contains("not JSON"), "{err}");
        let err = parse(r#"{"version":1,"profiles":[{"id":"a"}]}"#).unwrap_err().to_string();
        assert!(err.contains("`profiles`") && err.contains("missing field"), "{err}");
        let err = parse(r#"{"version":"1"}"#).unwrap_err().to_string();
        assert!(err.contains("`version`"), "{err}");
    }

    #[test]
    fn a_newer_version_is_refused_rather_than_rewritten() {
        assert!(matches!(
            parse(r#"{"version":2,"profiles":[]}"#),
            Err(Error::UnsupportedVersion { found: 2, supported: 1, .. })
        ));
    }
}
