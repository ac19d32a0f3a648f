//! `open_logs_folder`: Settings → "Open logs folder" shows `<data dir>/logs` in the OS's file
//! manager, so a seller can send the log files (they hold no key, code or password: crates/logs).

use std::path::Path;

use super::Ctx;
use crate::error::{CommandError, CommandResult};

/// Opens the logs folder (created 0700 if there is none yet) with the OS. The webview names no
/// path: the folder is always this one.
pub async fn open_logs_folder(ctx: &Ctx<'_>) -> CommandResult<()> {
    let dir = logs::ensure_logs_dir(ctx.state.jobs.data_dir())
        .map_err(|e| CommandError::new(markets::ErrorCode::File, format!("the logs folder cannot be created: {e}")))?;
    tracing::info!("opening the logs folder");
    open_with_os(&dir).map_err(|e| {
        CommandError::new(
            markets::ErrorCode::File,
            format!("the logs folder ({}) could not be opened: {e}", dir.display()),
        )
    })
}

/// A debug build (tests) runs this program instead of the OS's opener, when set: like the
/// test-only answers of `crate::native`, a release build never reads it.
pub const TEST_OPENER_VAR: &str = "SELLERDESK_TEST_OPENER";

/// The OS's own opener: `xdg-open` (Linux), `open` (macOS), `explorer` (Windows). Not waited for
/// (a file manager may stay open); a thread reaps it.
fn open_with_os(dir: &Path) -> std::io::Result<()> {
    let os_opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    #[cfg(debug_assertions)]
    let test_opener = std::env::var(TEST_OPENER_VAR).ok().filter(|v| !v.is_empty());
    #[cfg(not(debug_assertions))]
    let test_opener: Option<String> = None;
    let opener = test_opener.as_deref().unwrap_or(os_opener);
    let mut child = std::process::Command::new(opener)
        .arg(dir)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    std::thread::spawn(move || child.wait());
    Ok(())
}
