//! Where jobs and the audit log live: `$SELLERDESK_DATA_DIR`, else `<OS data dir>/sellerdesk`
//! (`~/.local/share/sellerdesk` on Linux), the app data dir the desktop app uses too.

use std::path::PathBuf;

use crate::{Error, Result};

/// Names the directory holding `jobs/` and the local store `sellerdesk.db` (tests, portable setups).
pub const DATA_DIR_ENV: &str = "SELLERDESK_DATA_DIR";

pub fn data_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|d| d.join("sellerdesk"))
        .ok_or_else(|| Error::Input(format!("no data directory on this system: set {DATA_DIR_ENV}")))
}

/// One journal per job: `<data dir>/jobs/<job id>.jsonl`.
pub fn jobs_dir(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("jobs")
}
