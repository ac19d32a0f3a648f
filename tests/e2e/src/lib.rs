//! Harness of Seller Desk's end-to-end tests: the real app window (the debug build that embeds
//! `ui/dist`) under Xvfb, driven over WebDriver (tauri-driver + WebKitWebDriver), against the
//! sandbox started in-process, with the real Secret Service of the surrounding D-Bus session.
//!
//! Each test calls [`run`]: it checks the environment (failing, never skipping, with a message
//! pointing at `./test`), makes fresh `SELLERDESK_CONFIG_DIR` and XDG directories, starts the
//! sandbox and tauri-driver, opens a session on the app, runs the scenario and, when the scenario
//! fails, saves screenshots into `target/e2e-shots/` before tearing everything down.
//!
//! Waits poll with a deadline ([`wait_until`]); nothing sleeps a fixed time except the short pause
//! before a screenshot.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use futures::FutureExt;
use serde_json::{json, Value};
use thirtyfour::prelude::*;
use thirtyfour::Capabilities;
use tokio::io::{AsyncBufReadExt, BufReader};

pub use sandbox::{self, Market, State};

/// How long a wait lasts by default before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(100);

/// Where every failure about the environment sends the reader.
pub const RUN_WITH: &str = "run them with ./test at the repository root: it builds the app with \
`npx tauri build --debug --no-bundle` (which embeds ui/dist), installs tauri-driver, and runs \
`cargo test -p e2e` under xvfb-run in a private D-Bus session with an unlocked gnome-keyring";

fn environment_problem(problem: &str) -> ! {
    panic!("\n\ne2e: {problem}.\nThese tests drive the real app window over WebDriver; {RUN_WITH}.\n");
}

/// Ids from the GGChest guide that the sandbox serves: the game and the attribute an items offer
/// of the guide uses.
pub mod guide {
    /// World of Warcraft: the guide's game, with accounts, items and currency offers.
    pub const WOW: &str = "550e8400-e29b-41d4-a716-446655440000";
    /// WoW's server attribute, and its option US East.
    pub const SERVER: &str = "aa0e8400-e29b-41d4-a716-446655440020";
    pub const US_EAST: &str = "bb0e8400-e29b-41d4-a716-446655440021";
}

mod app;
mod dirs;
mod drag_drop;
mod driver;
mod env;
mod files;

pub use app::*;
pub use dirs::*;
pub use driver::two_free_ports;
pub(crate) use driver::*;
pub use env::*;
pub use files::*;

// ---------------------------------------------------------------------------------------------
// Waiting

/// Polls `check` every 100 ms until it gives `Some`, failing the test after `timeout`.
pub async fn wait_until<T>(what: &str, timeout: Duration, mut check: impl AsyncFnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(v) = check().await {
            return v;
        }
        if Instant::now() >= deadline {
            panic!("timed out after {:.1} s waiting for {what}", timeout.as_secs_f64());
        }
        tokio::time::sleep(POLL).await;
    }
}
