//! Every way a profile operation can fail. Each message says what went wrong and what to do
//! about it, because the CLI prints it as is and the desktop app shows it in a dialog.
//! No message ever contains an API key.

use std::{io, path::PathBuf};

use markets::{ErrorCode, MessageText};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("the profile name is empty: give the profile a name, such as \"Main shop\"")]
    EmptyName,

    #[error("the profile name is {len} characters long: use at most {max}")]
    NameTooLong { len: usize, max: usize },

    #[error("the profile name contains a control character (a newline, tab, …): use plain text")]
    NameHasControlCharacter,

    #[error(
        "a profile named \"{existing}\" already exists (names ignore case): \
         choose another name, or rename or remove that profile first"
    )]
    DuplicateName { existing: String },

    /// `problem` completes the sentence "the base URL …". It repeats the URL only where that
    /// cannot leak a secret (see `validate::normalize_base_url`).
    #[error("the base URL {problem}")]
    InvalidBaseUrl { problem: String },

    #[error("the API key is empty: paste the key from the marketplace's seller dashboard")]
    EmptyApiKey,

    /// `reference` completes "no profile …": `with id 1234…` or `named "Main shop"`.
    #[error("there is no profile {reference}: `sellerdesk profile list` shows the profiles there are")]
    NotFound { reference: String },

    #[error(
        "cannot tell where to keep profiles: the system reports no configuration directory; \
         set {env} to the directory that should hold profiles.json",
        env = crate::location::CONFIG_DIR_ENV
    )]
    NoConfigDir,

    #[error(
        "cannot {action} {path}: {source}; check that the directory exists and is writable \
         by you, or set {env} to another directory",
        env = crate::location::CONFIG_DIR_ENV
    )]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error(
        "{path} is not a valid profiles file ({problem}): fix it, or move it away to start \
         with no profiles"
    )]
    Corrupt { path: PathBuf, problem: String },

    #[error(
        "{path} has format version {found}, but this Seller Desk understands only version \
         {supported}: update sellerdesk and Seller Desk"
    )]
    UnsupportedVersion { path: PathBuf, found: u64, supported: u64 },

    /// A program tried to set, as its own, a key or field that the profiles file format owns.
    #[error("`{key}` belongs to the profiles file format and cannot be set as an app setting or field")]
    ReservedKey { key: String },

    #[error(transparent)]
    Keychain(#[from] KeychainError),
}

impl Error {
    /// The code both faces show ([`ErrorCode`]): a name, base URL or key the user typed is
    /// `invalid_input`; a profile that is not there, `profile_not_found`; a keychain problem,
    /// [`KeychainError::code`]'s; the profiles file itself, `profile_invalid`.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::EmptyName
            | Error::NameTooLong { .. }
            | Error::NameHasControlCharacter
            | Error::DuplicateName { .. }
            | Error::InvalidBaseUrl { .. }
            | Error::EmptyApiKey => ErrorCode::InvalidInput,
            Error::NotFound { .. } => ErrorCode::ProfileNotFound,
            Error::Keychain(k) => k.code(),
            Error::NoConfigDir
            | Error::Io { .. }
            | Error::Corrupt { .. }
            | Error::UnsupportedVersion { .. }
            | Error::ReservedKey { .. } => ErrorCode::ProfileInvalid,
        }
    }
}

/// Why the OS keychain could not store, read or delete a key.
///
/// The Linux variants follow what the Secret Service reports (see BUILD-NOTES): no session
/// bus, no Secret Service on it, a keyring never created or unlocked, a locked keyring.
/// Details from the platform are kept as text only: keyring's own error type can carry the
/// stored secret's bytes (`BadEncoding`), so it is never kept or shown.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeychainError {
    /// `profile` names the profile as the user knows it: its name where known, else its id.
    NoEntry {
        profile: String,
    },
    NoSessionBus {
        detail: String,
    },
    NoSecretService,
    NotUnlocked,
    Locked {
        detail: String,
    },
    AccessDenied {
        detail: String,
    },
    NotText {
        profile: String,
    },
    Ambiguous {
        profile: String,
        count: usize,
    },
    Rejected {
        detail: String,
    },
    Platform {
        detail: String,
    },
}

// The messages, as English templates (markets::error_text): Display fills them, and the desktop
// app sends template and values to its UI, which shows them in its language.
const NO_ENTRY: &str =
    "no key stored for profile {profile}: add it again with `sellerdesk profile set-key {profile_word}`";
const NO_SESSION_BUS: &str = "the keychain cannot be reached: there is no D-Bus session bus ({detail}). \
     Seller Desk keeps API keys only in the system keychain (Secret Service): run it inside \
     your desktop session; on a server or in CI start a session with `dbus-run-session` \
     and unlock gnome-keyring in it (`gnome-keyring-daemon --unlock`)";
const NO_SECRET_SERVICE: &str = "no keychain service is running: nothing provides org.freedesktop.secrets on the \
     D-Bus session bus. Install and start a Secret Service, such as gnome-keyring \
     (package gnome-keyring) or KeePassXC with its Secret Service integration enabled";
const NOT_UNLOCKED: &str = "the keychain has no unlocked default keyring: it was never created or never unlocked \
     in this session. Log in to your desktop session (it unlocks the login keyring), or \
     create and unlock one with Seahorse (\"Passwords and Keys\"); without a desktop, \
     start gnome-keyring with `gnome-keyring-daemon --unlock`. Then try again";
const LOCKED: &str = "the keychain is locked ({detail}): unlock it (your desktop's keyring prompt, or \
     Seahorse \"Passwords and Keys\") and try again";
const ACCESS_DENIED: &str = "the system keychain refused access ({detail}): unlock it and allow Seller Desk to use \
     it, then try again";
const NOT_TEXT: &str = "the keychain entry for profile {profile} is not text: store the key again with \
     `sellerdesk profile set-key {profile_word}`";
const AMBIGUOUS: &str = "the keychain holds {count} entries for profile {profile}: delete them in your keychain \
     manager (service \"{service}\"), then store the key again with \
     `sellerdesk profile set-key {profile_word}`";
const REJECTED: &str = "the keychain rejected the key: {detail}";
const PLATFORM: &str = "the system keychain failed: {detail}. Check that it is running and unlocked, then \
     try again";

/// Every template a [`KeychainError`] message is made from.
pub const KEYCHAIN_TEMPLATES: &[&str] = &[
    NO_ENTRY,
    NO_SESSION_BUS,
    NO_SECRET_SERVICE,
    NOT_UNLOCKED,
    LOCKED,
    ACCESS_DENIED,
    NOT_TEXT,
    AMBIGUOUS,
    REJECTED,
    PLATFORM,
];

impl KeychainError {
    /// The message as a template and its values ([`KEYCHAIN_TEMPLATES`]).
    pub fn message_text(&self) -> MessageText {
        let profile = |p: &str| vec![("profile", p.to_owned()), ("profile_word", shell_word(p))];
        let detail = |d: &str| vec![("detail", d.to_owned())];
        match self {
            KeychainError::NoEntry { profile: p } => MessageText::new(NO_ENTRY, profile(p)),
            KeychainError::NoSessionBus { detail: d } => MessageText::new(NO_SESSION_BUS, detail(d)),
            KeychainError::NoSecretService => MessageText::new(NO_SECRET_SERVICE, vec![]),
            KeychainError::NotUnlocked => MessageText::new(NOT_UNLOCKED, vec![]),
            KeychainError::Locked { detail: d } => MessageText::new(LOCKED, detail(d)),
            KeychainError::AccessDenied { detail: d } => MessageText::new(ACCESS_DENIED, detail(d)),
            KeychainError::NotText { profile: p } => MessageText::new(NOT_TEXT, profile(p)),
            KeychainError::Ambiguous { profile: p, count } => {
                let mut params = profile(p);
                params.push(("count", count.to_string()));
                params.push(("service", crate::keychain::SERVICE.to_owned()));
                MessageText::new(AMBIGUOUS, params)
            }
            KeychainError::Rejected { detail: d } => MessageText::new(REJECTED, detail(d)),
            KeychainError::Platform { detail: d } => MessageText::new(PLATFORM, detail(d)),
        }
    }
}

impl std::fmt::Display for KeychainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_text().fill())
    }
}

impl std::error::Error for KeychainError {}

impl KeychainError {
    /// The same error naming the profile by `label` (its name) instead of its id.
    pub fn about_profile(self, label: &str) -> Self {
        let label = label.to_owned();
        match self {
            KeychainError::NoEntry { .. } => KeychainError::NoEntry { profile: label },
            KeychainError::NotText { .. } => KeychainError::NotText { profile: label },
            KeychainError::Ambiguous { count, .. } => KeychainError::Ambiguous { profile: label, count },
            other => other,
        }
    }

    /// `no_key` when the profile's entry is missing or unusable, `invalid_input` when the
    /// keychain refused the key given, `keychain_unavailable` when the keychain itself cannot
    /// be used.
    pub fn code(&self) -> ErrorCode {
        match self {
            KeychainError::NoEntry { .. } | KeychainError::NotText { .. } | KeychainError::Ambiguous { .. } => {
                ErrorCode::NoKey
            }
            KeychainError::Rejected { .. } => ErrorCode::InvalidInput,
            KeychainError::NoSessionBus { .. }
            | KeychainError::NoSecretService
            | KeychainError::NotUnlocked
            | KeychainError::Locked { .. }
            | KeychainError::AccessDenied { .. }
            | KeychainError::Platform { .. } => ErrorCode::KeychainUnavailable,
        }
    }

    /// True when the keychain itself cannot be used (as opposed to one entry being missing or
    /// bad): no bus, no service, locked, refused, failed.
    pub fn is_keychain_unavailable(&self) -> bool {
        matches!(
            self,
            KeychainError::NoSessionBus { .. }
                | KeychainError::NoSecretService
                | KeychainError::NotUnlocked
                | KeychainError::Locked { .. }
                | KeychainError::AccessDenied { .. }
                | KeychainError::Platform { .. }
        )
    }
}

/// `word` as one shell word, so a suggested command can be pasted even for "Main shop".
fn shell_word(word: &str) -> String {
    let plain = !word.is_empty() && word.chars().all(|c| c.is_alphanumeric() || "-_.:/@+=,".contains(c));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_entry_message_names_the_profile_and_the_fix() {
        let err = KeychainError::NoEntry { profile: "shop-1".into() };
        assert_eq!(
            err.to_string(),
            "no key stored for profile shop-1: add it again with `sellerdesk profile set-key shop-1`"
        );
    }

    #[test]
    fn suggested_commands_quote_names_a_shell_would_split() {
        let err = KeychainError::NoEntry { profile: "x".into() }.about_profile("Bob's shop");
        assert_eq!(
            err.to_string(),
            r"no key stored for profile Bob's shop: add it again with `sellerdesk profile set-key 'Bob'\''s shop'`"
        );
    }

    #[test]
    fn every_keychain_message_is_a_listed_template_filled_whole() {
        let d = || "IsLocked".to_owned();
        let all = [
            KeychainError::NoEntry { profile: "Main shop".into() },
            KeychainError::NoSessionBus { detail: d() },
            KeychainError::NoSecretService,
            KeychainError::NotUnlocked,
            KeychainError::Locked { detail: d() },
            KeychainError::AccessDenied { detail: d() },
            KeychainError::NotText { profile: "Main shop".into() },
            KeychainError::Ambiguous { profile: "Main shop".into(), count: 2 },
            KeychainError::Rejected { detail: d() },
            KeychainError::Platform { detail: d() },
        ];
        let templates: std::collections::HashSet<_> = all.iter().map(|e| e.message_text().template).collect();
        assert_eq!(templates.len(), KEYCHAIN_TEMPLATES.len(), "one template each, all listed");
        for e in &all {
            let text = e.to_string();
            assert!(KEYCHAIN_TEMPLATES.contains(&e.message_text().template));
            assert!(!text.contains('\n') && !text.contains("  "), "one line, single spaces: {text}");
            for (name, _) in e.message_text().params {
                assert!(!text.contains(&format!("{{{name}}}")), "{{{name}}} left in {text}");
            }
        }
        assert_eq!(
            KeychainError::NoSessionBus { detail: d() }.to_string(),
            "the keychain cannot be reached: there is no D-Bus session bus (IsLocked). Seller Desk keeps API keys \
             only in the system keychain (Secret Service): run it inside your desktop session; on a server or in CI \
             start a session with `dbus-run-session` and unlock gnome-keyring in it (`gnome-keyring-daemon --unlock`)"
        );
        assert_eq!(
            KeychainError::Ambiguous { profile: "Main shop".into(), count: 2 }.to_string(),
            "the keychain holds 2 entries for profile Main shop: delete them in your keychain manager (service \
             \"sellerdesk\"), then store the key again with `sellerdesk profile set-key 'Main shop'`"
        );
    }

    #[test]
    fn about_profile_leaves_errors_without_a_profile_alone() {
        assert_eq!(KeychainError::NoSecretService.about_profile("shop"), KeychainError::NoSecretService);
    }
}
