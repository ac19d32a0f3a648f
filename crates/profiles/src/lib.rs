//! Seller profiles, shared by the `sellerdesk` CLI and the Seller Desk desktop app.
//!
//! A profile is an id, a name, a marketplace, a base URL and an API key. Everything but the key
//! lives in one JSON file ([`ProfileStore`], format in the crate README: the desktop app opens
//! the same file with `tauri-plugin-store`); the key lives only in the OS keychain
//! ([`Keychain`]). [`Profiles`] combines the two so that a profile and its key are added and
//! removed together.
//!
//! ```no_run
//! use markets::{ApiKey, Market};
//! use profiles::Profiles;
//!
//! let profiles = Profiles::open()?;
//! let shop = profiles.add_with_key("Main shop", Market::GgChest, None, &ApiKey::new("pk_live_…"))?;
//! let key = profiles.key_for(&shop)?;
//! # Ok::<(), profiles::Error>(())
//! ```

mod error;
mod facade;
mod file_format;
mod file_io;
mod keychain;
mod location;
mod pending;
mod profile;
mod store;
mod timestamp;
mod validate;

pub use error::{Error, KeychainError, Result, KEYCHAIN_TEMPLATES};
pub use facade::Profiles;
pub use file_format::FORMAT_VERSION;
pub use keychain::{account_for, Keychain, SERVICE};
pub use location::{default_profiles_path, CONFIG_DIR_ENV, FILE_NAME};
pub use pending::{Orphan, FAULT_ENV};
pub use profile::Profile;
pub use store::ProfileStore;
pub use validate::{normalize_base_url, validate_name, MAX_NAME_CHARS};

// Re-exported so callers need not depend on `markets` just to name a profile's parts.
pub use markets::{ApiKey, Market};

// keyring falls back to an in-memory mock store on targets it has no native store for, which
// would silently lose every key at exit. Refuse to build there instead.
#[cfg(not(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "openbsd",
    target_os = "macos",
    target_os = "windows",
)))]
compile_error!("profiles keeps API keys only in an OS keychain, and keyring has none for this target");
