//! Where profiles.json lives: `<OS config dir>/sellerdesk/profiles.json`, or
//! `$SELLERDESK_CONFIG_DIR/profiles.json` when that is set (tests, CI, portable setups).
//! The desktop app must resolve the same path (Tauri's config dir is the same `dirs` one).

use std::{
    ffi::OsString,
    path::{Path, PathBuf},
};

use crate::error::{Error, Result};

/// Names the directory holding profiles.json, overriding the OS config directory.
pub const CONFIG_DIR_ENV: &str = "SELLERDESK_CONFIG_DIR";

/// The metadata file's name, in whichever directory holds it.
pub const FILE_NAME: &str = "profiles.json";

/// The app's directory inside the OS config directory.
const APP_DIR: &str = "sellerdesk";

/// The path of profiles.json: `$SELLERDESK_CONFIG_DIR/profiles.json` if set, else
/// `<config dir>/sellerdesk/profiles.json` (`~/.config` on Linux, `~/Library/Application
/// Support` on macOS, `%APPDATA%` on Windows).
pub fn default_profiles_path() -> Result<PathBuf> {
    profiles_path_from(std::env::var_os(CONFIG_DIR_ENV), dirs::config_dir())
}

fn profiles_path_from(override_dir: Option<OsString>, config_dir: Option<PathBuf>) -> Result<PathBuf> {
    // An empty variable counts as unset: `SELLERDESK_CONFIG_DIR= sellerdesk …` must not mean
    // "the current directory".
    if let Some(dir) = override_dir.filter(|dir| !dir.is_empty()) {
        return Ok(PathBuf::from(dir).join(FILE_NAME));
    }
    config_dir.map(|dir| dir.join(APP_DIR).join(FILE_NAME)).ok_or(Error::NoConfigDir)
}

/// The advisory lock file beside `profiles_path` (`profiles.json.lock`). The data file itself
/// cannot carry the lock: every write replaces it with a new file.
pub(crate) fn lock_path(profiles_path: &Path) -> PathBuf {
    let mut name = profiles_path.file_name().map(OsString::from).unwrap_or_else(|| OsString::from(FILE_NAME));
    name.push(".lock");
    profiles_path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_override_names_the_directory_holding_the_file() {
        let path = profiles_path_from(Some("/tmp/sd".into()), Some("/home/u/.config".into())).unwrap();
        assert_eq!(path, Path::new("/tmp/sd/profiles.json"));
    }

    #[test]
    fn without_override_the_file_is_in_the_app_dir_of_the_config_dir() {
        let path = profiles_path_from(None, Some("/home/u/.config".into())).unwrap();
        assert_eq!(path, Path::new("/home/u/.config/sellerdesk/profiles.json"));
    }

    #[test]
    fn an_empty_override_is_ignored() {
        let path = profiles_path_from(Some("".into()), Some("/c".into())).unwrap();
        assert_eq!(path, Path::new("/c/sellerdesk/profiles.json"));
    }

    #[test]
    fn no_config_dir_at_all_says_to_set_the_variable() {
        let err = profiles_path_from(None, None).unwrap_err();
        assert!(err.to_string().contains(CONFIG_DIR_ENV), "{err}");
    }

    #[test]
    fn the_lock_sits_beside_the_file() {
        assert_eq!(lock_path(Path::new("/d/profiles.json")), Path::new("/d/profiles.json.lock"));
    }
}
