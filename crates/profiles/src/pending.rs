//! Adding a profile with its key so that no key is ever left in the keychain with nothing
//! pointing at it, even when the process is killed half way:
//!
//! 1. under an exclusive lock on `.profiles.json.pending-<id>.lock` (held until the add ends,
//!    released by the OS if the process dies), profiles.json records the new id in
//!    `pending_keys`;
//! 2. the key is stored in the keychain under that id;
//! 3. profiles.json gets the profile and loses the pending record, in one atomic write.
//!
//! A kill before 3 leaves a pending record whose lock nobody holds: an **orphan**, with or
//! without a key. [`Profiles::orphans`] lists them (`sellerdesk profile list --orphans`) and
//! [`Profiles::remove_orphans`] deletes their keys and records (`--orphans --remove`; every
//! add does it first). A record whose lock is held belongs to an add still under way, in this
//! process or another, and is left alone.
//!
//! Keys stored before adds were recorded (or by a `profile add` of an older version) have no
//! record. Where the keychain can be listed (the Secret Service), [`Profiles::unrecorded_keys`]
//! finds entries under our service that no profile or record of this profiles.json names. They
//! are only deleted on explicit request ([`Profiles::remove_unrecorded_keys`], `--orphans
//! --remove --include-unrecorded`): an entry cannot tell which profiles.json it belongs to, and
//! another `SELLERDESK_CONFIG_DIR` may own it.

use std::path::{Path, PathBuf};

use fd_lock::RwLock;
use serde::Serialize;

use crate::{
    error::{Error, KeychainError, Result},
    facade::Profiles,
    file_format::PendingKey,
    file_io::{create_private_dir, io_error, modify_document, parent_dir, private_open_options, read_document},
    profile::Profile,
    timestamp::now_rfc3339,
    validate::{ensure_name_is_free, normalize_base_url, validate_name},
};

use markets::{ApiKey, Market};

/// A test hook: `SELLERDESK_TEST_FAULT=profile-add-before-key` or `profile-add-after-key`
/// aborts the process at that point of an add, as a kill would.
pub const FAULT_ENV: &str = "SELLERDESK_TEST_FAULT";

fn fault(point: &str) {
    if std::env::var(FAULT_ENV).is_ok_and(|v| v == point) {
        std::process::abort();
    }
}

/// A keychain entry (or the record of one about to be stored) left by an add that did not
/// finish: no profile points at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Orphan {
    /// The id it was stored under (keychain account `profile:<id>`).
    pub id: String,
    /// The name the interrupted add was for.
    pub name: String,
    pub market: Market,
    /// When the add began (RFC 3339).
    pub since: String,
    /// Whether a key is in the keychain under that id; `None` when the keychain can't say.
    pub key_stored: Option<bool>,
}

fn lock_path_for(profiles_path: &Path, id: &str) -> PathBuf {
    let name = profiles_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    parent_dir(profiles_path).join(format!(".{name}.pending-{id}.lock"))
}

fn open_lock(path: &Path) -> Result<std::fs::File> {
    private_open_options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|source| io_error("open the lock file", path, source))
}

/// Whether the add that recorded `id` is gone (its lock is free).
fn is_abandoned(profiles_path: &Path, id: &str) -> Result<bool> {
    let path = lock_path_for(profiles_path, id);
    let mut lock = RwLock::new(open_lock(&path)?);
    let free = lock.try_write().is_ok();
    Ok(free)
}

impl Profiles {
    /// Adds a profile and stores its key (see the module docs for the order of the steps).
    /// Everything is validated first; if the keychain fails, the file is left as it was. If
    /// the profile cannot be written after its key was stored, the key is deleted again.
    pub fn add_with_key(&self, name: &str, market: Market, base_url: Option<&str>, key: &ApiKey) -> Result<Profile> {
        if key.is_empty() {
            return Err(Error::EmptyApiKey);
        }
        let name = validate_name(name)?;
        let base_url = match base_url {
            Some(url) => normalize_base_url(url, market)?,
            None => market.production_base_url().to_owned(),
        };
        let path = self.store().path().to_owned();
        ensure_name_is_free(&name, &read_document(&path)?.profiles, None)?;
        // Keys left by adds that were killed: gone before this one starts (best effort).
        let _ = self.remove_orphans();

        let id = uuid::Uuid::new_v4().to_string();
        create_private_dir(parent_dir(&path))?;
        let lock_path = lock_path_for(&path, &id);
        let mut lock = RwLock::new(open_lock(&lock_path)?);
        let adding = lock.write().map_err(|source| io_error("lock", &lock_path, source))?;
        let added = self.add_under_lock(&path, &id, &name, market, &base_url, key);
        drop(adding);
        let _ = std::fs::remove_file(&lock_path);
        if let Ok(p) = &added {
            // Never the key, nor the base URL (it could carry credentials): the id and the market.
            tracing::info!(profile = %p.name, id = %p.id, market = market.id(), "profile added");
        }
        added
    }

    fn add_under_lock(
        &self,
        path: &Path,
        id: &str,
        name: &str,
        market: Market,
        base_url: &str,
        key: &ApiKey,
    ) -> Result<Profile> {
        modify_document(path, |document| {
            ensure_name_is_free(name, &document.profiles, None)?;
            document.pending.push(PendingKey {
                id: id.to_owned(),
                name: name.to_owned(),
                market,
                since: now_rfc3339(),
            });
            Ok(())
        })?;
        let forget = || {
            modify_document(path, |document| {
                document.pending.retain(|p| p.id != id);
                Ok(())
            })
        };
        fault("profile-add-before-key");
        if let Err(err) = self.keychain().store(id, key) {
            let _ = forget();
            return Err(err.about_profile(name).into());
        }
        fault("profile-add-after-key");
        let added = modify_document(path, |document| {
            document.pending.retain(|p| p.id != id);
            ensure_name_is_free(name, &document.profiles, None)?;
            let profile = Profile::new(id.to_owned(), name.to_owned(), market, base_url.to_owned(), now_rfc3339());
            if document.active().is_none() {
                document.active_profile_id = Some(profile.id.clone());
            }
            document.profiles.push(profile.clone());
            Ok(profile)
        });
        if added.is_err() {
            // Best effort: the error worth reporting is the one that stopped the add.
            let _ = self.keychain().delete(id);
            let _ = forget();
        }
        added
    }

    /// Keys (or records of keys) left by adds that were killed before they wrote their
    /// profile. Adds still under way are not listed.
    pub fn orphans(&self) -> Result<Vec<Orphan>> {
        let path = self.store().path();
        let mut out = Vec::new();
        for p in read_document(path)?.pending {
            if !is_abandoned(path, &p.id)? {
                continue;
            }
            let key_stored = match self.keychain().load(&p.id) {
                Ok(_) => Some(true),
                Err(KeychainError::NoEntry { .. }) => Some(false),
                Err(_) => None,
            };
            out.push(Orphan { id: p.id, name: p.name, market: p.market, since: p.since, key_stored });
        }
        Ok(out)
    }

    /// Deletes the keys of [`Profiles::orphans`] and their records; returns what was removed.
    /// A key the keychain refuses to delete keeps its record (and the error is returned).
    pub fn remove_orphans(&self) -> Result<Vec<Orphan>> {
        let path = self.store().path().to_owned();
        if read_document(&path)?.pending.is_empty() {
            return Ok(Vec::new());
        }
        let mut failed: Option<Error> = None;
        let removed = modify_document(&path, |document| {
            let mut removed = Vec::new();
            let mut keep = Vec::new();
            for p in std::mem::take(&mut document.pending) {
                if !is_abandoned(&path, &p.id)? {
                    keep.push(p);
                    continue;
                }
                let key_stored = matches!(self.keychain().load(&p.id), Ok(_));
                match self.keychain().delete(&p.id) {
                    Ok(()) => {
                        let _ = std::fs::remove_file(lock_path_for(&path, &p.id));
                        removed.push(Orphan {
                            id: p.id,
                            name: p.name,
                            market: p.market,
                            since: p.since,
                            key_stored: Some(key_stored),
                        });
                    }
                    Err(err) => {
                        failed.get_or_insert(err.about_profile(&p.name).into());
                        keep.push(p);
                    }
                }
            }
            document.pending = keep;
            Ok(removed)
        })?;
        match failed {
            Some(err) => Err(err),
            None => Ok(removed),
        }
    }

    /// Profile keys in the keychain (service `sellerdesk`) that no profile and no add under way
    /// in this profiles.json names; `None` where the keychain cannot be listed.
    pub fn unrecorded_keys(&self) -> Result<Option<Vec<String>>> {
        let Some(ids) = self.keychain().profile_ids()? else { return Ok(None) };
        let document = read_document(self.store().path())?;
        let named = |id: &String| document.find(id).is_some() || document.pending.iter().any(|p| &p.id == id);
        Ok(Some(ids.into_iter().filter(|id| !named(id)).collect()))
    }

    /// Deletes the keys of `ids` that are still unrecorded ([`Profiles::unrecorded_keys`]);
    /// returns those deleted. A key a profile or an add names meanwhile is left alone.
    pub fn remove_unrecorded_keys(&self, ids: &[String]) -> Result<Vec<String>> {
        let path = self.store().path().to_owned();
        modify_document(&path, |document| {
            let mut removed = Vec::new();
            for id in ids {
                if document.find(id).is_some() || document.pending.iter().any(|p| &p.id == id) {
                    continue;
                }
                self.keychain().delete(id)?;
                removed.push(id.clone());
            }
            Ok(removed)
        })
    }
}
