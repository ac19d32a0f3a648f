//! [`ProfileStore`]: the profiles in profiles.json. Every call reads the file afresh and every
//! change re-reads it under a lock before writing, because the CLI and the desktop app may both
//! have it open.

use std::path::{Path, PathBuf};

use markets::Market;
use serde_json::Value;

use crate::{
    error::{Error, Result},
    file_format::ProfilesDocument,
    file_io::{modify_document, read_document},
    keychain::Keychain,
    location::default_profiles_path,
    profile::Profile,
    timestamp::now_rfc3339,
    validate::{ensure_name_is_free, normalize_base_url, validate_name},
};

/// The profiles in one profiles.json file.
#[derive(Debug, Clone)]
pub struct ProfileStore {
    path: PathBuf,
    keychain: Keychain,
}

impl ProfileStore {
    /// The store at the default path ([`crate::default_profiles_path`]). Reads nothing yet:
    /// the file is created by the first change.
    pub fn open() -> Result<Self> {
        Ok(ProfileStore::open_at(default_profiles_path()?))
    }

    /// The store in the file at `path` (the file itself, not its directory).
    pub fn open_at(path: impl Into<PathBuf>) -> Self {
        ProfileStore { path: path.into(), keychain: Keychain::new() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// All profiles, in the order they were added.
    pub fn list(&self) -> Result<Vec<Profile>> {
        Ok(self.read()?.profiles)
    }

    pub fn get(&self, id: &str) -> Result<Profile> {
        self.read()?.find(id).cloned().ok_or_else(|| not_found_id(id))
    }

    /// The profile named `name`, ignoring case and surrounding spaces.
    pub fn get_by_name(&self, name: &str) -> Result<Profile> {
        let wanted = name.trim().to_lowercase();
        self.read()?
            .profiles
            .into_iter()
            .find(|profile| profile.name.to_lowercase() == wanted)
            .ok_or_else(|| Error::NotFound { reference: format!("named \"{}\"", name.trim()) })
    }

    /// The profile whose id is `id_or_name`, else the one named so: what a CLI argument means.
    pub fn find(&self, id_or_name: &str) -> Result<Profile> {
        let document = self.read()?;
        if let Some(profile) = document.find(id_or_name.trim()) {
            return Ok(profile.clone());
        }
        let wanted = id_or_name.trim().to_lowercase();
        document
            .profiles
            .into_iter()
            .find(|profile| profile.name.to_lowercase() == wanted)
            .ok_or_else(|| Error::NotFound { reference: format!("with id or name \"{}\"", id_or_name.trim()) })
    }

    /// Adds a profile without a key (see [`crate::Profiles::add_with_key`] for the usual way).
    /// `base_url` defaults to the market's production URL. When no profile is active, the new
    /// one becomes active.
    pub fn add(&self, name: &str, market: Market, base_url: Option<&str>) -> Result<Profile> {
        self.add_then(name, market, base_url, |_| Ok(()))
    }

    /// Adds a profile, calling `before_write` with it once it is validated and just before the
    /// file is written; if `before_write` fails, nothing is written.
    pub(crate) fn add_then(
        &self,
        name: &str,
        market: Market,
        base_url: Option<&str>,
        before_write: impl FnOnce(&Profile) -> Result<()>,
    ) -> Result<Profile> {
        let name = validate_name(name)?;
        let base_url = match base_url {
            Some(url) => normalize_base_url(url, market)?,
            None => market.production_base_url().to_owned(),
        };
        modify_document(&self.path, |document| {
            ensure_name_is_free(&name, &document.profiles, None)?;
            let profile = Profile::new(uuid::Uuid::new_v4().to_string(), name, market, base_url, now_rfc3339());
            before_write(&profile)?;
            if document.active().is_none() {
                document.active_profile_id = Some(profile.id.clone());
            }
            document.profiles.push(profile.clone());
            Ok(profile)
        })
    }

    pub fn rename(&self, id: &str, new_name: &str) -> Result<Profile> {
        let new_name = validate_name(new_name)?;
        modify_document(&self.path, |document| {
            ensure_name_is_free(&new_name, &document.profiles, Some(id))?;
            let profile = find_mut(document, id)?;
            profile.name = new_name;
            Ok(profile.clone())
        })
    }

    /// Sets the base URL; `None` goes back to the market's production URL.
    pub fn set_base_url(&self, id: &str, base_url: Option<&str>) -> Result<Profile> {
        modify_document(&self.path, |document| {
            let profile = find_mut(document, id)?;
            profile.base_url = match base_url {
                Some(url) => normalize_base_url(url, profile.market)?,
                None => profile.market.production_base_url().to_owned(),
            };
            Ok(profile.clone())
        })
    }

    /// Removes the profile and its keychain entry. The key goes first: if the keychain can't
    /// be reached, the profile stays (and says so) rather than leaving its key behind with
    /// nothing pointing at it. A profile that never had a key is removed all the same.
    pub fn remove(&self, id: &str) -> Result<Profile> {
        self.get(id)?;
        self.keychain.delete(id)?;
        modify_document(&self.path, |document| {
            let index =
                document.profiles.iter().position(|profile| profile.id == id).ok_or_else(|| not_found_id(id))?;
            if document.active_profile_id.as_deref() == Some(id) {
                document.active_profile_id = None;
            }
            Ok(document.profiles.remove(index))
        })
    }

    pub fn set_active(&self, id: &str) -> Result<Profile> {
        modify_document(&self.path, |document| {
            let profile = find_mut(document, id)?.clone();
            document.active_profile_id = Some(profile.id.clone());
            Ok(profile)
        })
    }

    /// Leaves no profile active.
    pub fn clear_active(&self) -> Result<()> {
        modify_document(&self.path, |document| {
            document.active_profile_id = None;
            Ok(())
        })
    }

    /// Sets (or with `None` removes) a field of the app's own on a profile, such as the desktop
    /// app's `"sandbox": true`. The crate's fields ([`Profile::OWN_FIELDS`]) are refused.
    pub fn set_profile_field(&self, id: &str, field: &str, value: Option<Value>) -> Result<Profile> {
        if Profile::OWN_FIELDS.contains(&field) {
            return Err(Error::ReservedKey { key: field.to_owned() });
        }
        modify_document(&self.path, |document| {
            let profile = find_mut(document, id)?;
            profile.set_extra_field(field, value);
            Ok(profile.clone())
        })
    }

    /// A top-level key of another program's in the file (the desktop app's UI settings).
    pub fn setting(&self, key: &str) -> Result<Option<Value>> {
        Ok(self.read()?.other_key(key).cloned())
    }

    /// Sets (or with `None` removes) a top-level key of another program's, under the same lock
    /// and atomic write as every profile change, so it never races one. The keys this crate
    /// owns (`version`, `profiles`, `active_profile_id`) are refused.
    pub fn set_setting(&self, key: &str, value: Option<Value>) -> Result<()> {
        if ProfilesDocument::is_own_key(key) {
            return Err(Error::ReservedKey { key: key.to_owned() });
        }
        modify_document(&self.path, |document| {
            document.set_other_key(key, value);
            Ok(())
        })
    }

    /// The active profile; `None` if none is set or it no longer exists.
    pub fn active(&self) -> Result<Option<Profile>> {
        Ok(self.read()?.active().cloned())
    }

    fn read(&self) -> Result<ProfilesDocument> {
        read_document(&self.path)
    }
}

fn find_mut<'a>(document: &'a mut ProfilesDocument, id: &str) -> Result<&'a mut Profile> {
    document.find_mut(id).ok_or_else(|| not_found_id(id))
}

fn not_found_id(id: &str) -> Error {
    Error::NotFound { reference: format!("with id {id}") }
}
