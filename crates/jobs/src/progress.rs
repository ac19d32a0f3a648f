//! Where a job is: streamed to the CLI's progress bar and to the desktop app after each step.

use std::time::Duration;

use serde::Serialize;

/// Serialized as the desktop app receives it (`job-progress` events, `JobProgress` in
/// TypeScript): durations in milliseconds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "JobProgress"))]
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
    #[serde(rename = "elapsed_ms", serialize_with = "millis")]
    #[cfg_attr(feature = "ts", ts(rename = "elapsed_ms", type = "number"))]
    pub elapsed: Duration,
    /// Time left: the larger of the pace so far and what the rate limit allows.
    #[serde(rename = "eta_ms", serialize_with = "optional_millis")]
    #[cfg_attr(feature = "ts", ts(rename = "eta_ms", type = "number | null"))]
    pub eta: Option<Duration>,
    /// The last report of this run (finished, paused or stopped).
    pub finished: bool,
}

fn millis<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(d.as_millis() as u64)
}

fn optional_millis<S: serde::Serializer>(d: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_some(&(d.as_millis() as u64)),
        None => s.serialize_none(),
    }
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
