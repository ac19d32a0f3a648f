//! Bulk jobs over the Seller APIs: a job is a list of steps on one profile, sent at the pace of
//! the client's shared rate limiter, journaled before and after each step so that a crash or a
//! kill loses nothing and does nothing twice. See the crate's README for the design.
//!
//! - [`plan`]: turning files and price rules into steps ([`Op`]).
//! - [`Journal`]: the append-only, fsync'd JSON-lines file of one job; [`JobState`] is its replay.
//! - [`run_job`]: runs (or resumes) a job, streaming [`Progress`], stopping on a [`CancelToken`].
//! - [`Results`]: per-item outcomes (and per step), as a table or CSV; the failed items as a new job.
//! - [`audit`]: every change sent to a marketplace, appended to a local log.
//! - [`export`]: products and offers of either market as CSV.
//! - [`notices`]: the texts of desktop notifications (English, Russian); [`orders_watch`]: which
//!   GGChest orders waiting for delivery are new, polled at a pace inside the rate limit.

pub mod audit;
mod clients;
mod engine;
mod error;
mod exec;
pub mod export;
mod journal;
pub mod key_loss;
pub mod notices;
mod ops;
pub mod orders_watch;
mod paths;
pub mod plan;
pub mod private;
mod progress;
mod reconcile;
mod results;
mod seal;
mod state;
mod time;

pub use clients::Client;
pub use engine::{run_job, CancelToken, RunOptions};
pub use error::{Error, Result};
pub use exec::DUPLICATE_REASON;
pub use journal::{ItemFailure, Journal, Record};
pub use ops::{BatchAction, JobKind, Op};
pub use paths::{data_dir, jobs_dir, DATA_DIR_ENV};
pub use progress::Progress;
pub use results::{mask_code, ItemResult, Outcome, Results, StepResult};
pub use seal::{JournalKey, JOURNAL_KEY_ACCOUNT, JOURNAL_KEY_LOCK};
pub use state::{JobHeader, JobState, JobStatus, SealStatus, StepState};
pub use time::now_rfc3339;
