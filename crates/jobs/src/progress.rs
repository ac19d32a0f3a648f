//! Where a job is: streamed to the CLI's progress bar and to the desktop app after each step.

use std::time::Duration;

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    pub job_id: String,
    /// Steps in the job, and the items (codes, offers, accounts) they cover.
    pub total: usize,
    pub done: usize,
    pub failed: usize,
    pub items_total: usize,
    pub items_done: usize,
    /// Items refused: all those of failed steps, and those the marketplace named in done ones.
    pub items_failed: usize,
    /// The step being sent, if any.
    pub current: Option<String>,
    pub elapsed: Duration,
    /// Time left: the larger of the pace so far and what the rate limit allows.
    pub eta: Option<Duration>,
    pub finished: bool,
}

impl Progress {
    pub fn remaining(&self) -> usize {
        self.total - self.done - self.failed
    }
}

/// The ETA: the slower of the pace observed in this run and the least time the rate limit
/// allows for the requests left (both matter: a burst of 100 is instant, then comes the wait).
pub(crate) fn eta(
    elapsed: Duration,
    sent_this_run: usize,
    remaining: usize,
    pacing: &markets::Pacing,
) -> Option<Duration> {
    if remaining == 0 {
        return Some(Duration::ZERO);
    }
    let by_limit = pacing.minimum_duration((sent_this_run + remaining) as u64).saturating_sub(elapsed);
    if sent_this_run == 0 {
        return Some(by_limit);
    }
    let observed = elapsed.mul_f64(remaining as f64 / sent_this_run as f64);
    Some(observed.max(by_limit))
}
