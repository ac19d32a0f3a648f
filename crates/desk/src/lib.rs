//! Seller Desk's application layer: the one place where the seller's use cases live.
//!
//! `sellerdesk` (crates/cli) and the desktop app (src-tauri) are adapters over this crate: they
//! turn argv or IPC arguments into the calls below and render what comes back. A rule, a parse,
//! a loop over chunks or a choice of error code written in an adapter is a defect: it belongs
//! here, so that the same input gives the same result and the same error code in both faces.
//!
//! Tauri-free: nothing here knows of windows, dialogs or the webview.

pub mod audit;
pub mod batch;
pub mod error;
pub mod files;
pub mod gg_codes;
pub mod gg_offers;
pub mod ggc_offers;
pub mod job_plan;
pub mod jobs;
pub mod key_destination;
pub mod paging;
pub mod profiles;
pub mod settings;

pub use error::{Error, Result};

/// A file's name for messages (its last component, or the whole path).
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// The text of a file the user gave, through the guard every user file goes through
/// (`markets::files::read_user_file`: a regular file only, never past the cap, a FIFO refused
/// without blocking); text that is not UTF-8 is refused with how to fix it.
pub fn read_text_file(path: &std::path::Path) -> Result<String> {
    let bytes = markets::files::read_user_file(path, markets::files::TEXT_FILE_CAP, "a text file")
        .map_err(|e| Error::file(e.to_string()))?;
    String::from_utf8(bytes).map_err(|_| {
        Error::file(format!(
            "{} is not UTF-8 text: save it as UTF-8 (\"CSV UTF-8\" in spreadsheets) and try again",
            path.display()
        ))
    })
}
