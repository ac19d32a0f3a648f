//! Fresh directories for one app run.

use super::*;

/// Fresh directories for one app run: its profiles.json and its XDG data, config and cache
/// (WebKit's storage and caches go there), plus a place for test files. Removed on drop.
pub struct Dirs {
    _root: tempfile::TempDir,
    pub config: PathBuf,
    pub xdg_data: PathBuf,
    pub xdg_config: PathBuf,
    pub xdg_cache: PathBuf,
    pub files: PathBuf,
    pub logs: PathBuf,
}

impl Default for Dirs {
    fn default() -> Dirs {
        Dirs::new()
    }
}

impl Dirs {
    /// Fresh directories, removed when dropped; [`run_with`] starts the app in them (a test may
    /// put files there first, such as GTK's settings).
    pub fn new() -> Dirs {
        let root = tempfile::Builder::new().prefix("sellerdesk-e2e-").tempdir().expect("temp dir");
        let sub = |n: &str| {
            let p = root.path().join(n);
            std::fs::create_dir_all(&p).expect("create dir");
            p
        };
        Dirs {
            config: sub("config"),
            xdg_data: sub("xdg-data"),
            xdg_config: sub("xdg-config"),
            xdg_cache: sub("xdg-cache"),
            files: sub("files"),
            logs: sub("logs"),
            _root: root,
        }
    }

    /// Every directory the app may write to (the app's files are in these and only these).
    pub fn app_dirs(&self) -> [&Path; 4] {
        [&self.config, &self.xdg_data, &self.xdg_config, &self.xdg_cache]
    }
}
