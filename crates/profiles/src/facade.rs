//! [`Profiles`]: profiles together with their keys, so that a profile never exists without the
//! key it was added with, and a removed profile leaves no key behind.

use std::path::PathBuf;

use markets::ApiKey;

use crate::{
    error::{Error, KeychainError, Result},
    keychain::Keychain,
    profile::Profile,
    store::ProfileStore,
};

/// The profiles file and the keychain, used together.
#[derive(Debug, Clone)]
pub struct Profiles {
    store: ProfileStore,
    keychain: Keychain,
}

impl Profiles {
    /// Profiles at the default path ([`crate::default_profiles_path`]).
    pub fn open() -> Result<Self> {
        Ok(Profiles::new(ProfileStore::open()?))
    }

    /// Profiles in the file at `path`.
    pub fn open_at(path: impl Into<PathBuf>) -> Self {
        Profiles::new(ProfileStore::open_at(path))
    }

    pub fn new(store: ProfileStore) -> Self {
        Profiles { store, keychain: Keychain::new() }
    }

    /// The metadata side: list, get, find, rename, set_base_url, set_active, active.
    pub fn store(&self) -> &ProfileStore {
        &self.store
    }

    pub fn keychain(&self) -> &Keychain {
        &self.keychain
    }

    // add_with_key, orphans and remove_orphans: see `pending`.

    /// Stores a new key for an existing profile, replacing the old one.
    pub fn replace_key(&self, profile: &Profile, key: &ApiKey) -> Result<()> {
        if key.is_empty() {
            return Err(Error::EmptyApiKey);
        }
        // A stale `Profile` (removed meanwhile) must not leave an orphan key behind.
        let current = self.store.get(&profile.id)?;
        self.keychain.store(&current.id, key).map_err(|err| err.about_profile(&current.name))?;
        tracing::info!(profile = %current.name, id = %current.id, "profile key replaced");
        Ok(())
    }

    /// Removes the profile and its key (see [`ProfileStore::remove`]).
    pub fn remove(&self, profile: &Profile) -> Result<Profile> {
        let removed = self.store.remove(&profile.id).map_err(|err| match err {
            Error::Keychain(err) => Error::Keychain(err.about_profile(&profile.name)),
            other => other,
        })?;
        tracing::info!(profile = %removed.name, id = %removed.id, "profile removed");
        Ok(removed)
    }

    /// The profile's key, from the keychain.
    pub fn key_for(&self, profile: &Profile) -> Result<ApiKey, KeychainError> {
        self.keychain.load(&profile.id).map_err(|err| err.about_profile(&profile.name))
    }

    /// The key as a person may see it (`pk_l…mnop`), or `unavailable: <why>` when it can't be
    /// read: for lists and settings screens, which show every profile even when the keychain
    /// is locked.
    pub fn masked_key(&self, profile: &Profile) -> String {
        match self.key_for(profile) {
            Ok(key) => key.masked(),
            Err(err) => format!("unavailable: {err}"),
        }
    }
}
