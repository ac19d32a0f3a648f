//! Seller Desk's application layer: the one place where the seller's use cases live.
//!
//! `sellerdesk` (crates/cli) and the desktop app (src-tauri) are adapters over this crate: they
//! turn argv or IPC arguments into the calls below and render what comes back. A rule, a parse,
//! a loop over chunks or a choice of error code written in an adapter is a defect: it belongs
//! here, so that the same input gives the same result and the same error code in both faces.
//!
//! Tauri-free: nothing here knows of windows, dialogs or the webview.

pub mod error;

pub use error::{Error, Result};
pub mod batch;
