//! Seller Desk's logs, set up in one place for the `sellerdesk` CLI and the desktop app.
//!
//! - Always a file, at `info`: `<data dir>/logs/sellerdesk.log.YYYY-MM-DD`,
//!   a new file each day (UTC), the newest [`KEEP_FILES`] kept, the directory 0700 and the files
//!   0600 ([`file`]).
//! - On stderr too when asked: `sellerdesk -v` (info), `-vv` (debug), `-vvv` (trace), or with
//!   `RUST_LOG` set (then at its level).
//! - Never a secret, at any level ([`redact`]): registered secrets (keys, codes, passwords) are
//!   masked in every line, and fields named like secrets are masked whatever their value.

pub mod file;
pub mod redact;

use std::{
    io,
    path::{Path, PathBuf},
};

use tracing::Subscriber;
use tracing_subscriber::{layer::SubscriberExt, util::SubscriberInitExt, EnvFilter, Layer};

pub use redact::{register_secret, register_secrets, scoped_secrets, SecretsScope, MASK};

/// The log files' name before the date: `sellerdesk.log.2026-12-03`.
pub const FILE_PREFIX: &str = "sellerdesk.log";

/// How many daily files are kept (the oldest beyond it are deleted as a new day starts).
pub const KEEP_FILES: usize = 14;

/// The directory of the log files: `<data dir>/logs`.
pub fn logs_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("logs")
}

/// The logs directory, created (or narrowed to) 0700 if needed: for "open the logs folder".
pub fn ensure_logs_dir(data_dir: &Path) -> io::Result<PathBuf> {
    let dir = logs_dir(data_dir);
    file::private_dir(&dir)?;
    Ok(dir)
}

/// How a face wants its logs.
#[derive(Debug, Clone, Default)]
pub struct Setup {
    /// The data directory (`jobs::data_dir()`): the files go to its `logs/`.
    pub data_dir: PathBuf,
    /// 0: no stderr (unless `rust_log`); 1: info; 2: debug (ours); 3 or more: trace.
    pub verbosity: u8,
    /// `RUST_LOG`'s value, if set: stderr's filter (whatever `verbosity` says).
    pub rust_log: Option<String>,
    /// The file's filter instead of `info` (tests: `trace`).
    pub file_filter: Option<String>,
}

impl Setup {
    /// `RUST_LOG` from the environment (ignored if empty).
    pub fn from_env(data_dir: PathBuf, verbosity: u8) -> Self {
        let rust_log = std::env::var(EnvFilter::DEFAULT_ENV).ok().filter(|v| !v.trim().is_empty());
        Setup { data_dir, verbosity, rust_log, file_filter: None }
    }
}

/// Our crates, for `-vv`: their debug lines, not every dependency's.
const OURS: &[&str] = &["logs", "markets", "profiles", "jobs", "store", "sellerdesk", "sellerdesk_cli", "seller_desk"];

fn stderr_filter(setup: &Setup) -> Option<EnvFilter> {
    if let Some(directives) = &setup.rust_log {
        return Some(EnvFilter::builder().parse_lossy(directives));
    }
    let directives = match setup.verbosity {
        0 => return None,
        1 => "info".to_owned(),
        2 => std::iter::once("info".to_owned())
            .chain(OURS.iter().map(|c| format!("{c}=debug")))
            .collect::<Vec<_>>()
            .join(","),
        _ => "trace".to_owned(),
    };
    Some(EnvFilter::builder().parse_lossy(directives))
}

fn file_filter(setup: &Setup) -> EnvFilter {
    EnvFilter::builder().parse_lossy(setup.file_filter.as_deref().unwrap_or("info"))
}

/// The subscriber [`init`] installs: for tests (`tracing::subscriber::with_default`).
pub fn subscriber(setup: &Setup) -> io::Result<impl Subscriber + Send + Sync + 'static> {
    let file = file::PrivateDailyFile::new(&logs_dir(&setup.data_dir), FILE_PREFIX, KEEP_FILES)?;
    let file_layer = tracing_subscriber::fmt::layer()
        .fmt_fields(redact::RedactingFields)
        .with_ansi(false)
        .with_writer(file)
        .with_filter(file_filter(setup));
    let stderr_layer = stderr_filter(setup).map(|filter| {
        tracing_subscriber::fmt::layer()
            .fmt_fields(redact::RedactingFields)
            .with_ansi(false)
            .with_writer(|| file::Redacting::new(io::stderr()))
            .with_filter(filter)
    });
    Ok(tracing_subscriber::registry().with(file_layer).with(stderr_layer))
}

/// Installs the logs for this process (once: a second call fails). Returns the logs directory.
pub fn init(setup: &Setup) -> io::Result<PathBuf> {
    subscriber(setup)?.try_init().map_err(io::Error::other)?;
    Ok(logs_dir(&setup.data_dir))
}
