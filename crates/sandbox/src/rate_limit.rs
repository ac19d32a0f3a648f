//! Per-key sliding-window rate limits.
//!
//! Gaming Goods: "429 Too Many Requests — rate limit (100 req/min)". GGChest (R): "1000 requests
//! per hour per API key", "Burst Limit: 50 requests per minute". Each limit is a strict sliding
//! window: at most N accepted requests whose arrival falls in any window of length W. Requests
//! answered 429 are not recorded, so they never push the next free slot further away.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use crate::Market;

/// One limit: at most `max` requests in any window of `window`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Limit {
    pub max: usize,
    pub window: Duration,
}

/// The documented limits of a market, windows multiplied by `time_scale`.
pub(crate) fn limits_of(market: Market, time_scale: f64) -> Vec<Limit> {
    let scaled = |secs: u64| Duration::from_nanos((secs as f64 * 1e9 * time_scale).round() as u64);
    match market {
        Market::Gg => vec![Limit { max: 100, window: scaled(60) }],
        Market::GgChest => vec![Limit { max: 50, window: scaled(60) }, Limit { max: 1000, window: scaled(3600) }],
    }
}

/// The arrivals accepted under one limit for one key, oldest first.
#[derive(Debug)]
struct Window {
    limit: Limit,
    arrivals: VecDeque<Instant>,
}

impl Window {
    /// Forgets arrivals that left the window; returns how long until a slot frees, if full.
    fn wait_needed(&mut self, now: Instant) -> Option<Duration> {
        while let Some(&oldest) = self.arrivals.front() {
            if now.duration_since(oldest) >= self.limit.window {
                self.arrivals.pop_front();
            } else {
                break;
            }
        }
        if self.arrivals.len() < self.limit.max {
            return None;
        }
        let oldest = *self.arrivals.front()?;
        Some(self.limit.window - now.duration_since(oldest))
    }
}

/// Sliding windows per (market, key).
#[derive(Debug)]
pub(crate) struct RateLimiter {
    time_scale: f64,
    windows: HashMap<(Market, String), Vec<Window>>,
}

impl RateLimiter {
    pub fn new(time_scale: f64) -> RateLimiter {
        RateLimiter { time_scale, windows: HashMap::new() }
    }

    pub fn clear(&mut self) {
        self.windows.clear();
    }

    /// Records the request if every limit has room; otherwise returns the wait until one
    /// would (the longest wait over the full windows) and records nothing.
    pub fn admit(&mut self, market: Market, key: &str, now: Instant) -> Result<(), Duration> {
        let time_scale = self.time_scale;
        let windows = self.windows.entry((market, key.to_owned())).or_insert_with(|| {
            limits_of(market, time_scale).into_iter().map(|limit| Window { limit, arrivals: VecDeque::new() }).collect()
        });
        let wait = windows.iter_mut().filter_map(|w| w.wait_needed(now)).max();
        if let Some(wait) = wait {
            return Err(wait);
        }
        for window in windows.iter_mut() {
            window.arrivals.push_back(now);
        }
        Ok(())
    }
}

/// The `Retry-After` value for a wait: whole seconds, rounded up, at least 1.
pub(crate) fn retry_after_secs(wait: Duration) -> u64 {
    let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    secs.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(start: Instant, ms: u64) -> Instant {
        start + Duration::from_millis(ms)
    }

    #[test]
    fn gg_allows_100_per_sliding_minute() {
        let mut limiter = RateLimiter::new(1.0);
        let t0 = Instant::now();
        for i in 0..100 {
            assert!(limiter.admit(Market::Gg, "k", at(t0, i * 100)).is_ok());
        }
        // The 101st, at 10 s, must wait until the first (at 0 s) is a minute old.
        assert_eq!(limiter.admit(Market::Gg, "k", at(t0, 10_000)), Err(Duration::from_secs(50)));
        // Rejected requests are not recorded: at 60 s exactly one slot is free.
        assert!(limiter.admit(Market::Gg, "k", at(t0, 60_000)).is_ok());
        assert!(limiter.admit(Market::Gg, "k", at(t0, 60_000)).is_err());
        // Other keys have their own windows.
        assert!(limiter.admit(Market::Gg, "other", at(t0, 10_000)).is_ok());
    }

    #[test]
    fn ggchest_applies_the_burst_and_the_hourly_limit() {
        let mut limiter = RateLimiter::new(1.0);
        let t0 = Instant::now();
        let mut t = 0;
        let mut accepted = 0;
        // 50 per minute, every minute, for 20 minutes reaches the 1000 per hour.
        for _minute in 0..20 {
            for _ in 0..50 {
                assert!(limiter.admit(Market::GgChest, "k", at(t0, t)).is_ok());
                accepted += 1;
            }
            assert!(limiter.admit(Market::GgChest, "k", at(t0, t)).is_err());
            t += 60_000;
        }
        assert_eq!(accepted, 1000);
        let wait = limiter.admit(Market::GgChest, "k", at(t0, t)).unwrap_err();
        assert_eq!(wait, Duration::from_secs(3600 - 20 * 60));
    }

    #[test]
    fn time_scale_shortens_windows() {
        let mut limiter = RateLimiter::new(0.01);
        let t0 = Instant::now();
        for _ in 0..100 {
            assert!(limiter.admit(Market::Gg, "k", t0).is_ok());
        }
        assert_eq!(limiter.admit(Market::Gg, "k", t0), Err(Duration::from_millis(600)));
        assert!(limiter.admit(Market::Gg, "k", at(t0, 600)).is_ok());
    }

    #[test]
    fn retry_after_rounds_up_to_whole_seconds() {
        assert_eq!(retry_after_secs(Duration::from_millis(1)), 1);
        assert_eq!(retry_after_secs(Duration::ZERO), 1);
        assert_eq!(retry_after_secs(Duration::from_millis(2001)), 3);
        assert_eq!(retry_after_secs(Duration::from_secs(50)), 50);
    }
}
