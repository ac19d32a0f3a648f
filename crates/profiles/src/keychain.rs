//! API keys in the OS keychain, and only there: Secret Service on Linux, Keychain on macOS,
//! Credential Manager on Windows (through the `keyring` crate). There is deliberately no
//! fallback: when the keychain cannot be used, the operation fails with a [`KeychainError`]
//! that says how to make it usable.

use std::sync::Mutex;

use markets::ApiKey;

use crate::error::KeychainError;

/// The keychain service every Seller Desk entry is stored under.
pub const SERVICE: &str = "sellerdesk";

/// The keychain account (user name) of a profile's key: `profile:<id>`.
pub fn account_for(profile_id: &str) -> String {
    format!("profile:{profile_id}")
}

/// keyring's docs warn that concurrent calls into the Secret Service "may cause the RPC
/// mechanism to fail", and the desktop app calls from several threads: one call at a time.
static ONE_CALL_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Stores, reads and deletes profiles' API keys in the OS keychain.
#[derive(Debug, Clone, Copy, Default)]
pub struct Keychain {
    _private: (),
}

impl Keychain {
    pub fn new() -> Self {
        Keychain::default()
    }

    /// Stores (or replaces) the key of `profile_id`.
    pub fn store(&self, profile_id: &str, key: &ApiKey) -> Result<(), KeychainError> {
        if key.is_empty() {
            return Err(KeychainError::Rejected {
                detail: "the key is empty: paste the key from the marketplace's seller dashboard".into(),
            });
        }
        with_entry(profile_id, Some(key), |entry| entry.set_password(key.expose()))
    }

    /// Reads the key of `profile_id`; [`KeychainError::NoEntry`] when none is stored.
    pub fn load(&self, profile_id: &str) -> Result<ApiKey, KeychainError> {
        let key = with_entry(profile_id, None, |entry| entry.get_password())?;
        Ok(ApiKey::new(key))
    }

    /// Deletes the key of `profile_id`. Deleting a key that isn't there is not an error: the
    /// caller wanted it gone, and it is.
    pub fn delete(&self, profile_id: &str) -> Result<(), KeychainError> {
        match with_entry(profile_id, None, |entry| entry.delete_credential()) {
            Err(KeychainError::NoEntry { .. }) => Ok(()),
            other => other,
        }
    }
}

impl Keychain {
    /// Reads a secret Seller Desk keeps under its own account name rather than a profile's
    /// (e.g. `journal-key`, the bulk jobs' journal key); `None` when none is stored yet.
    pub fn load_named(&self, account: &str) -> Result<Option<ApiKey>, KeychainError> {
        match with_account(account, account, None, |entry| entry.get_password()) {
            Ok(secret) => Ok(Some(ApiKey::new(secret))),
            Err(KeychainError::NoEntry { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Stores (or replaces) a secret under its own account name (see [`Keychain::load_named`]).
    pub fn store_named(&self, account: &str, secret: &ApiKey) -> Result<(), KeychainError> {
        with_account(account, account, Some(secret), |entry| entry.set_password(secret.expose()))
    }

    /// Deletes a secret kept under its own account name; one that is not there is not an error.
    pub fn delete_named(&self, account: &str) -> Result<(), KeychainError> {
        match with_account(account, account, None, |entry| entry.delete_credential()) {
            Err(KeychainError::NoEntry { .. }) => Ok(()),
            other => other,
        }
    }
}

impl Keychain {
    /// The profile ids of every profile key stored under our service (accounts `profile:<id>`),
    /// or `None` where the platform's keychain cannot be listed (only the Secret Service can
    /// here). Reads attributes only, never a secret, and unlocks nothing.
    pub fn profile_ids(&self) -> Result<Option<Vec<String>>, KeychainError> {
        #[cfg(target_os = "linux")]
        {
            use dbus_secret_service::{EncryptionType, SecretService};
            let _one_at_a_time = ONE_CALL_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            let platform =
                |e: dbus_secret_service::Error| classify(keyring::Error::PlatformFailure(Box::new(e)), "", None);
            let ss = SecretService::connect(EncryptionType::Plain).map_err(platform)?;
            let found = ss.search_items(std::collections::HashMap::from([("service", SERVICE)])).map_err(platform)?;
            let mut ids = Vec::new();
            for item in found.unlocked.iter().chain(found.locked.iter()) {
                let attributes = item.get_attributes().map_err(platform)?;
                if let Some(id) = attributes.get("username").and_then(|u| u.strip_prefix("profile:")) {
                    ids.push(id.to_owned());
                }
            }
            ids.sort();
            ids.dedup();
            Ok(Some(ids))
        }
        #[cfg(not(target_os = "linux"))]
        Ok(None)
    }
}

/// Runs one keyring call on the entry of `profile_id`, mapping its error. `secret` is the key
/// being stored, if any, so that it can be scrubbed from platform messages.
fn with_entry<T>(
    profile_id: &str,
    secret: Option<&ApiKey>,
    call: impl FnOnce(&keyring::Entry) -> keyring::Result<T>,
) -> Result<T, KeychainError> {
    with_account(&account_for(profile_id), profile_id, secret, call)
}

/// One keyring call on the entry of `account`; `label` names it in errors.
fn with_account<T>(
    account: &str,
    label: &str,
    secret: Option<&ApiKey>,
    call: impl FnOnce(&keyring::Entry) -> keyring::Result<T>,
) -> Result<T, KeychainError> {
    let _one_at_a_time = ONE_CALL_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    keyring::Entry::new(SERVICE, account).and_then(|entry| call(&entry)).map_err(|err| classify(err, label, secret))
}

/// Maps a keyring error to what the user can do about it.
///
/// The Secret Service backend reports most failures as text (D-Bus error names inside a
/// boxed error), so they are told apart by the names measured in BUILD-NOTES and in this
/// crate's tests with a real gnome-keyring. Anything unrecognised stays a `Platform` error
/// with the platform's own words.
fn classify(err: keyring::Error, profile_id: &str, secret: Option<&ApiKey>) -> KeychainError {
    let profile = profile_id.to_owned();
    match err {
        keyring::Error::NoEntry => KeychainError::NoEntry { profile },
        // The payload is the stored bytes, i.e. possibly a key: drop it.
        keyring::Error::BadEncoding(_) => KeychainError::NotText { profile },
        keyring::Error::Ambiguous(entries) => KeychainError::Ambiguous { profile, count: entries.len() },
        keyring::Error::TooLong(attribute, limit) => KeychainError::Rejected {
            detail: format!("its {attribute} is longer than the keychain's limit of {limit}"),
        },
        keyring::Error::Invalid(attribute, reason) => {
            KeychainError::Rejected { detail: format!("its {attribute} {reason}") }
        }
        keyring::Error::NoStorageAccess(inner) => {
            let (detail, text) = describe(&*inner, secret);
            if mentions_lock(&text) {
                KeychainError::Locked { detail }
            } else if text.contains("no result found") {
                // dbus-secret-service's NoResult: there is no default collection to use.
                KeychainError::NotUnlocked
            } else {
                KeychainError::AccessDenied { detail }
            }
        }
        keyring::Error::PlatformFailure(inner) => {
            let (detail, text) = describe(&*inner, secret);
            if is_no_session_bus(&text) {
                KeychainError::NoSessionBus { detail }
            } else if is_no_secret_service(&text) {
                KeychainError::NoSecretService
            } else if mentions_lock(&text) {
                KeychainError::Locked { detail }
            } else {
                KeychainError::Platform { detail }
            }
        }
        other => {
            let (detail, _) = describe(&other, secret);
            KeychainError::Platform { detail }
        }
    }
}

/// The platform's message to show (its `Display`) and the text to classify (`Display` and
/// `Debug`: only the latter carries D-Bus error names such as
/// `org.freedesktop.DBus.Error.ServiceUnknown`), both with the secret scrubbed out.
fn describe(err: &dyn std::error::Error, secret: Option<&ApiKey>) -> (String, String) {
    let scrub = |text: String| match secret.map(ApiKey::expose) {
        Some(secret) if !secret.is_empty() => text.replace(secret, "<redacted>"),
        _ => text,
    };
    let detail = scrub(err.to_string());
    let text = scrub(format!("{err} {err:?}"));
    (detail, text)
}

/// No bus at all: `DBUS_SESSION_BUS_ADDRESS` unset (libdbus then tries to autolaunch one and
/// fails) or pointing at a socket nobody listens on.
fn is_no_session_bus(text: &str) -> bool {
    [
        "org.freedesktop.DBus.Error.NoServer",
        "org.freedesktop.DBus.Error.FileNotFound",
        "org.freedesktop.DBus.Error.NotSupported",
        "Unable to autolaunch",
        "Failed to connect to socket",
        "DBUS_SESSION_BUS_ADDRESS",
    ]
    .iter()
    .any(|needle| text.contains(needle))
}

/// A bus, but no Secret Service on it and none it could start.
fn is_no_secret_service(text: &str) -> bool {
    text.contains("org.freedesktop.DBus.Error.ServiceUnknown")
        || text.contains("org.freedesktop.secrets was not provided")
}

/// A locked collection or item: `IsLocked` when creating an item in a locked collection,
/// `Locked` / `unlock prompt was dismissed` when the unlock prompt was refused or could not
/// be shown.
fn mentions_lock(text: &str) -> bool {
    text.contains("IsLocked")
        || text.contains("locked collection")
        || text.contains("object locked")
        || text.contains("unlock prompt")
}

#[cfg(test)]
mod tests {
    //! The mapping, fed with the exact errors keyring returned on this machine (BUILD-NOTES and
    //! probes). The integration tests reach the same errors through a real Secret Service.

    use super::*;
    use std::fmt;

    /// Stands in for dbus-secret-service's error: same `Display`, same `Debug` shape.
    struct PlatformText {
        display: &'static str,
        debug: &'static str,
    }
    impl fmt::Display for PlatformText {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.display)
        }
    }
    impl fmt::Debug for PlatformText {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.debug)
        }
    }
    impl std::error::Error for PlatformText {}

    fn platform(display: &'static str, debug: &'static str) -> keyring::Error {
        keyring::Error::PlatformFailure(Box::new(PlatformText { display, debug }))
    }
    fn no_access(display: &'static str, debug: &'static str) -> keyring::Error {
        keyring::Error::NoStorageAccess(Box::new(PlatformText { display, debug }))
    }

    #[test]
    fn no_bus_autolaunch_is_no_session_bus() {
        let err = platform(
            "DBus error: Unable to autolaunch a dbus-daemon without a $DISPLAY for X11",
            "Dbus(D-Bus error: Unable to autolaunch a dbus-daemon without a $DISPLAY for X11 \
             (org.freedesktop.DBus.Error.NotSupported))",
        );
        assert!(matches!(classify(err, "p1", None), KeychainError::NoSessionBus { .. }));
    }

    #[test]
    fn missing_socket_is_no_session_bus() {
        let err = platform(
            "DBus error: Failed to connect to socket /nonexistent: No such file or directory",
            "Dbus(D-Bus error: Failed to connect to socket /nonexistent: No such file or \
             directory (org.freedesktop.DBus.Error.FileNotFound))",
        );
        let mapped = classify(err, "p1", None);
        assert!(matches!(mapped, KeychainError::NoSessionBus { .. }));
        assert!(mapped.to_string().contains("dbus-run-session"));
    }

    #[test]
    fn unprovided_secrets_name_is_no_secret_service() {
        let err = platform(
            "DBus error: The name org.freedesktop.secrets was not provided by any .service files",
            "Dbus(D-Bus error: The name org.freedesktop.secrets was not provided by any \
             .service files (org.freedesktop.DBus.Error.ServiceUnknown))",
        );
        assert_eq!(classify(err, "p1", None), KeychainError::NoSecretService);
    }

    #[test]
    fn no_result_is_not_unlocked() {
        let err = no_access("Secret Service: no result found", "NoResult");
        assert_eq!(classify(err, "p1", None), KeychainError::NotUnlocked);
    }

    #[test]
    fn locked_collection_and_dismissed_prompt_are_locked() {
        let created_in_locked = platform(
            "DBus error: Cannot create an item in a locked collection",
            "Dbus(D-Bus error: Cannot create an item in a locked collection \
             (org.freedesktop.Secret.Error.IsLocked))",
        );
        let dismissed = no_access("Secret Service: unlock prompt was dismissed", "Prompt");
        let locked = no_access("Secret Service: object locked", "Locked");
        for err in [created_in_locked, dismissed, locked] {
            assert!(matches!(classify(err, "p1", None), KeychainError::Locked { .. }));
        }
    }

    #[test]
    fn no_entry_names_the_profile() {
        assert_eq!(classify(keyring::Error::NoEntry, "p1", None), KeychainError::NoEntry { profile: "p1".into() });
    }

    #[test]
    fn bad_encoding_never_shows_the_stored_bytes() {
        let mapped = classify(keyring::Error::BadEncoding(b"pk_live_secret\xff".to_vec()), "p1", None);
        assert!(matches!(mapped, KeychainError::NotText { .. }));
        assert!(!format!("{mapped} {mapped:?}").contains("secret"));
    }

    #[test]
    fn unknown_platform_errors_keep_their_words_without_the_key() {
        let key = ApiKey::new("pk_live_abcdefghijklmnop");
        let err = platform("something odd with pk_live_abcdefghijklmnop", "Odd(pk_live_abcdefghijklmnop)");
        let mapped = classify(err, "p1", Some(&key));
        assert_eq!(mapped, KeychainError::Platform { detail: "something odd with <redacted>".into() });
    }

    #[test]
    fn account_names_the_profile_id() {
        assert_eq!(account_for("1234"), "profile:1234");
    }
}
