//! What may be repeated, and how long to wait before repeating it.

use std::time::{Duration, SystemTime};

/// Whether sending a request twice could do its work twice. Decided per endpoint, not per HTTP
/// method: GGChest's `PUT /v1/offers/{id}/toggle` is a PUT that flips a state, and sending it
/// twice undoes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// Reading, or setting something to a given value: repeating changes nothing more.
    Safe,
    /// Creating, adding or flipping: if the outcome of a send is unknown, it must not be sent again.
    Unsafe,
}

/// Bounds on retries. Backoff doubles from `backoff_base` up to `backoff_max`, with jitter.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    pub backoff_base: Duration,
    pub backoff_max: Duration,
    /// The longest `Retry-After` we will sleep through before giving the error to the caller.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 5,
            backoff_base: Duration::from_millis(500),
            backoff_max: Duration::from_secs(30),
            max_retry_after: Duration::from_secs(120),
        }
    }
}

impl RetryPolicy {
    /// The wait before attempt `attempt + 1`, after `attempt` failures (1-based): exponential,
    /// with ±20 % jitter so that several clients do not retry in lockstep.
    pub fn backoff(&self, attempt: u32) -> Duration {
        let exp = self.backoff_base.saturating_mul(1u32 << (attempt.saturating_sub(1)).min(16));
        let capped = exp.min(self.backoff_max);
        let nanos = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
        let jitter = 0.8 + (nanos % 400) as f64 / 1000.0;
        capped.mul_f64(jitter)
    }
}

/// Reads `Retry-After`: delay-seconds (fractions tolerated) or an HTTP date.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let v = value.trim();
    if let Ok(secs) = v.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs));
    }
    let at = httpdate::parse_http_date(v).ok()?;
    Some(at.duration_since(SystemTime::now()).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_seconds_and_dates() {
        assert_eq!(parse_retry_after("3"), Some(Duration::from_secs(3)));
        assert_eq!(parse_retry_after(" 0.5 "), Some(Duration::from_millis(500)));
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(parse_retry_after("soon"), None);
        let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(30));
        let d = parse_retry_after(&later).unwrap();
        assert!(d <= Duration::from_secs(30) && d >= Duration::from_secs(28), "{d:?}");
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), Some(Duration::ZERO));
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let p = RetryPolicy {
            backoff_base: Duration::from_millis(100),
            backoff_max: Duration::from_millis(1000),
            ..Default::default()
        };
        let b1 = p.backoff(1);
        assert!(b1 >= Duration::from_millis(80) && b1 <= Duration::from_millis(120), "{b1:?}");
        let b3 = p.backoff(3);
        assert!(b3 >= Duration::from_millis(320) && b3 <= Duration::from_millis(480), "{b3:?}");
        assert!(p.backoff(30) <= Duration::from_millis(1200));
    }
}
