//! GGChest's bulk activate / draft / delete over any number of selected offers, for both faces.
//!
//! The marketplace client checks the whole selection first and sends chunks of 100, one request
//! each; this use case reports progress after each chunk, honours a cancel between chunks, and
//! says which ids were done and which not, so nothing is left unaccounted for.

use markets::ggchest::{BatchAction, GgcClient, GoOn};
use serde::Serialize;

use crate::{Error, Result};

/// What a batch came to: every id is in `done` or in `not_done`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BatchResult {
    pub action: BatchAction,
    pub done: Vec<String>,
    pub not_done: Vec<String>,
    /// Why the rest was not done: the failure, or `cancelled`.
    pub error: Option<Error>,
}

/// What is being counted while a batch runs (the progress labels both faces show; the app
/// translates each).
pub mod label {
    pub const ACTIVATED: &str = "offers activated";
    pub const TO_DRAFT: &str = "offers moved to draft";
    pub const DELETED: &str = "offers deleted";
}

/// The progress label of a batch of `action`.
pub fn progress_label(action: BatchAction) -> &'static str {
    match action {
        BatchAction::Activate => label::ACTIVATED,
        BatchAction::Draft => label::TO_DRAFT,
        BatchAction::Delete => label::DELETED,
    }
}

/// `action` on every offer of `ids`. `progress(done, total)` is called before each chunk and
/// after the last; `cancelled()` is asked before each chunk. A selection that is not valid (an
/// id that is not a UUID, a repeat) is refused before anything is sent.
pub async fn run(
    client: &GgcClient,
    action: BatchAction,
    ids: &[String],
    mut progress: impl FnMut(u64, u64),
    cancelled: impl Fn() -> bool,
) -> Result<BatchResult> {
    let total = ids.len() as u64;
    let outcome = client
        .batch_with_progress(action, ids, |done| {
            progress(done as u64, total);
            if cancelled() {
                GoOn::Stop
            } else {
                GoOn::Yes
            }
        })
        .await?;
    let error = match (outcome.error, outcome.stopped) {
        (Some(e), _) => Some(e.into()),
        (None, true) => Some(Error::cancelled(format!(
            "cancelled: {} of {total} {}; the other {} were not sent",
            outcome.done.len(),
            progress_label(action),
            outcome.not_done.len()
        ))),
        (None, false) => None,
    };
    Ok(BatchResult { action, done: outcome.done, not_done: outcome.not_done, error })
}
