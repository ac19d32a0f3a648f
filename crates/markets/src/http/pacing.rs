//! Client-side pacing to the documented rate limits, per API key.
//!
//! Gaming Goods allows 100 requests a minute; GGChest 50 a minute and 1000 an hour. We keep a
//! log of when recent requests *finished* and let a new one start only when every window still
//! has room. Counting finish times (not start times) makes the pacing safe against any server
//! that counts arrivals in a sliding window: a request arrives before it finishes, so our window
//! always starts no earlier than the server's. Requests still in flight count as occupying a
//! slot until they finish.
//!
//! With a [`RateLedger`] (the local store), the same rule holds across processes: after this
//! process's own check, a slot is reserved in the ledger, which counts every Seller Desk
//! process's requests of the key. Without one (or if it fails), pacing is per process.

use std::{
    collections::{HashMap, VecDeque},
    hash::{Hash, Hasher},
    sync::{Arc, Mutex, OnceLock, Weak},
    time::Duration,
};
use tokio::{sync::Notify, time::Instant};

use super::ledger::{RateLedger, Reservation};
use crate::{ApiKey, Market};

/// How often to look again when other processes hold every slot with requests in flight
/// (they cannot wake this one).
const LEDGER_POLL: Duration = Duration::from_millis(20);

/// At most `max` requests in any window of `per`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RateLimit {
    pub max: u32,
    pub per: Duration,
}

/// The set of limits one key must respect (all at once).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Pacing {
    pub limits: Vec<RateLimit>,
}

impl Pacing {
    /// The limits each marketplace documents per key.
    pub fn documented(market: Market) -> Pacing {
        let minute = Duration::from_secs(60);
        match market {
            // Gaming Goods: "429 Too Many Requests — rate limit (100 req/min)".
            Market::GamingGoods => Pacing { limits: vec![RateLimit { max: 100, per: minute }] },
            // GGChest README: "1000 requests per hour per API key", "Burst Limit: 50 requests per minute".
            Market::GgChest => Pacing {
                limits: vec![
                    RateLimit { max: 50, per: minute },
                    RateLimit { max: 1000, per: Duration::from_secs(3600) },
                ],
            },
        }
    }

    /// No pacing at all (only for tests of the 429 handling).
    pub fn unpaced() -> Pacing {
        Pacing { limits: vec![] }
    }

    /// The same counts over windows `factor` times as long: a sandbox running at time scale
    /// 0.01 has 0.6 s "minutes".
    pub fn scaled(mut self, factor: f64) -> Pacing {
        for l in &mut self.limits {
            l.per = l.per.mul_f64(factor);
        }
        self
    }

    /// The least wall time `n` requests can take under these limits, starting from rest.
    pub fn minimum_duration(&self, n: u64) -> Duration {
        self.limits
            .iter()
            .map(|l| if n == 0 { Duration::ZERO } else { l.per * ((n - 1) / l.max as u64) as u32 })
            .max()
            .unwrap_or_default()
    }
}

#[derive(Debug)]
struct Log {
    /// Finish times of recent requests, oldest first (finish times are pushed in order).
    finished: VecDeque<Instant>,
    in_flight: u32,
    /// Set after a 429: nobody starts before this.
    paused_until: Option<Instant>,
}

/// The pacing state of one key. Shared by every client of that key in this process.
#[derive(Debug)]
pub struct RateLimiter {
    pacing: Pacing,
    /// The machine-wide record of this key's requests, and the key's name there.
    ledger: Option<(std::sync::Arc<dyn RateLedger>, String)>,
    /// Said once when the ledger fails: pacing then goes on per process.
    ledger_failed: std::sync::atomic::AtomicBool,
    log: Mutex<Log>,
    changed: Notify,
    longest: Duration,
    keep: usize,
}

/// Held while a request is in flight; dropping it records the finish time.
#[derive(Debug)]
pub struct Permit {
    limiter: Arc<RateLimiter>,
    /// The slot reserved in the ledger, if any.
    ticket: Option<i64>,
}

impl Drop for Permit {
    fn drop(&mut self) {
        if let (Some(ticket), Some((ledger, _))) = (self.ticket, &self.limiter.ledger) {
            if let Err(e) = ledger.finish(ticket) {
                self.limiter.ledger_failed(&e);
            }
        }
        let mut log = self.limiter.log.lock().unwrap();
        log.in_flight -= 1;
        if !self.limiter.pacing.limits.is_empty() {
            log.finished.push_back(Instant::now());
            while log.finished.len() > self.limiter.keep {
                log.finished.pop_front();
            }
        }
        drop(log);
        self.limiter.changed.notify_waiters();
    }
}

impl RateLimiter {
    pub fn new(pacing: Pacing) -> Arc<Self> {
        Self::with_ledger(pacing, None)
    }

    /// A limiter that also reserves every slot in `ledger` under the key's name there.
    pub fn with_ledger(pacing: Pacing, ledger: Option<(Arc<dyn RateLedger>, String)>) -> Arc<Self> {
        let longest = pacing.limits.iter().map(|l| l.per).max().unwrap_or_default();
        let keep = pacing.limits.iter().map(|l| l.max as usize).max().unwrap_or(0);
        Arc::new(RateLimiter {
            ledger: ledger.filter(|_| !pacing.limits.is_empty()),
            ledger_failed: Default::default(),
            pacing,
            log: Mutex::new(Log { finished: VecDeque::with_capacity(keep), in_flight: 0, paused_until: None }),
            changed: Notify::new(),
            longest,
            keep,
        })
    }

    pub fn pacing(&self) -> &Pacing {
        &self.pacing
    }

    /// Waits until a request may start under every limit, and reserves its slot.
    pub async fn acquire(self: &Arc<Self>) -> Permit {
        loop {
            let notified = self.changed.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            let wait_until = {
                let mut log = self.log.lock().unwrap();
                let now = Instant::now();
                match self.next_start(&mut log, now) {
                    Ok(()) => {
                        log.in_flight += 1;
                        None
                    }
                    Err(until) => Some(until),
                }
            };
            let wait_until = match wait_until {
                Some(until) => until,
                None => match self.reserve_in_ledger() {
                    Ok(ticket) => return Permit { limiter: Arc::clone(self), ticket },
                    Err(wait) => {
                        // Another process holds the room: give back this process's slot and
                        // look again when the ledger says.
                        self.log.lock().unwrap().in_flight -= 1;
                        self.changed.notify_waiters();
                        tokio::time::sleep(wait).await;
                        continue;
                    }
                },
            };
            match wait_until {
                Some(t) => {
                    tokio::select! {
                        _ = tokio::time::sleep_until(t) => {}
                        _ = &mut notified => {}
                    }
                }
                // Every slot is held by a request in flight: wait for one to finish.
                None => notified.await,
            }
        }
    }

    /// A slot in the ledger: `Ok(ticket)` (none without a ledger, or when it fails: pacing is
    /// then per process), or how long to wait before asking again.
    fn reserve_in_ledger(&self) -> Result<Option<i64>, Duration> {
        let Some((ledger, key_id)) = &self.ledger else { return Ok(None) };
        if self.ledger_failed.load(std::sync::atomic::Ordering::Relaxed) {
            return Ok(None);
        }
        match ledger.try_reserve(key_id, &self.pacing.limits) {
            Ok(Reservation::Granted(ticket)) => Ok(Some(ticket)),
            Ok(Reservation::Wait(d)) => Err(d.max(Duration::from_millis(1)).min(self.longest.max(LEDGER_POLL))),
            Err(e) => {
                self.ledger_failed(&e);
                Ok(None)
            }
        }
    }

    fn ledger_failed(&self, why: &str) {
        if !self.ledger_failed.swap(true, std::sync::atomic::Ordering::Relaxed) {
            tracing::warn!("the shared rate-limit record failed ({why}); pacing this process on its own");
        }
    }

    /// `Ok` if a request may start now, else when to look again (`None`: when one finishes).
    fn next_start(&self, log: &mut Log, now: Instant) -> Result<(), Option<Instant>> {
        if let Some(p) = log.paused_until {
            if p > now {
                return Err(Some(p));
            }
            log.paused_until = None;
        }
        while log.finished.front().is_some_and(|t| now.duration_since(*t) >= self.longest) {
            log.finished.pop_front();
        }
        let mut wait: Option<Option<Instant>> = None;
        for limit in &self.pacing.limits {
            let max = limit.max as usize;
            let window_start = now.checked_sub(limit.per);
            let in_window: Vec<&Instant> =
                log.finished.iter().filter(|t| window_start.is_none_or(|s| **t > s)).collect();
            let used = in_window.len() + log.in_flight as usize;
            if used < max {
                continue;
            }
            // This many finished requests must leave the window before one more may start.
            let must_expire = used - max + 1;
            let this_wait =
                if must_expire <= in_window.len() { Some(*in_window[must_expire - 1] + limit.per) } else { None };
            // Wait for the latest of the timed constraints; `acquire` also wakes whenever a
            // request finishes, which is all a limit blocked only by in-flight requests needs.
            wait = Some(match (wait, this_wait) {
                (None, w) | (Some(None), w) => w,
                (Some(Some(a)), Some(b)) => Some(a.max(b)),
                (Some(Some(a)), None) => Some(a),
            });
        }
        match wait {
            None => Ok(()),
            Some(w) => Err(w),
        }
    }

    /// After a 429: no request of this key starts before `until` (in any process, with a ledger).
    pub fn pause_until(&self, until: Instant) {
        let mut log = self.log.lock().unwrap();
        if log.paused_until.is_none_or(|p| p < until) {
            log.paused_until = Some(until);
        }
        drop(log);
        if let Some((ledger, key_id)) = &self.ledger {
            let wall = std::time::SystemTime::now() + until.saturating_duration_since(Instant::now());
            if let Err(e) = ledger.pause_until(key_id, wall) {
                self.ledger_failed(&e);
            }
        }
    }

    /// For a key and base URL, the limiter every client in this process shares: the documented
    /// limits are per key, so two clients (the app and a bulk job) must not each use the full rate.
    pub fn shared(
        market: Market,
        base_url: &str,
        key: &ApiKey,
        pacing: &Pacing,
        ledger: Option<&Arc<dyn RateLedger>>,
    ) -> Arc<RateLimiter> {
        type Registry = Mutex<HashMap<(Market, String, u64, Pacing), Weak<RateLimiter>>>;
        static REGISTRY: OnceLock<Registry> = OnceLock::new();
        // Only a hash of the key is held here, never the key.
        let mut h = std::collections::hash_map::DefaultHasher::new();
        key.expose().hash(&mut h);
        let id = (market, base_url.to_owned(), h.finish(), pacing.clone());
        let mut reg = REGISTRY.get_or_init(Default::default).lock().unwrap();
        reg.retain(|_, w| w.strong_count() > 0);
        if let Some(existing) = reg.get(&id).and_then(Weak::upgrade) {
            return existing;
        }
        let ledger = ledger.map(|l| (Arc::clone(l), super::ledger::key_id(market, base_url, key)));
        let limiter = RateLimiter::with_ledger(pacing.clone(), ledger);
        reg.insert(id, Arc::downgrade(&limiter));
        limiter
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pacing(max: u32, ms: u64) -> Pacing {
        Pacing { limits: vec![RateLimit { max, per: Duration::from_millis(ms) }] }
    }

    #[tokio::test(start_paused = true)]
    async fn never_more_than_max_in_any_window() {
        let limiter = RateLimiter::new(pacing(5, 1000));
        let start = Instant::now();
        let mut finished = Vec::new();
        for _ in 0..12 {
            let p = limiter.acquire().await;
            finished.push(start.elapsed());
            drop(p);
        }
        // 5 at t=0, 5 at t=1 s, 2 at t=2 s.
        assert_eq!(finished.iter().filter(|t| t.as_millis() < 1000).count(), 5);
        assert_eq!(finished.iter().filter(|t| (1000..2000).contains(&t.as_millis())).count(), 5);
        assert_eq!(finished.last().unwrap().as_millis(), 2000);
    }

    #[tokio::test(start_paused = true)]
    async fn in_flight_requests_hold_their_slot() {
        let limiter = RateLimiter::new(pacing(2, 100));
        let a = limiter.acquire().await;
        let _b = limiter.acquire().await;
        let l2 = Arc::clone(&limiter);
        let third = tokio::spawn(async move {
            let t = Instant::now();
            let _p = l2.acquire().await;
            t.elapsed()
        });
        tokio::time::sleep(Duration::from_millis(500)).await;
        drop(a); // finishes at 500 ms: the slot frees at 600 ms
        let waited = third.await.unwrap();
        assert_eq!(waited.as_millis(), 600);
    }

    #[tokio::test(start_paused = true)]
    async fn two_windows_both_hold() {
        let p = Pacing {
            limits: vec![
                RateLimit { max: 3, per: Duration::from_millis(100) },
                RateLimit { max: 4, per: Duration::from_millis(1000) },
            ],
        };
        let limiter = RateLimiter::new(p);
        let start = Instant::now();
        let mut at = Vec::new();
        for _ in 0..5 {
            drop(limiter.acquire().await);
            at.push(start.elapsed().as_millis());
        }
        assert_eq!(at, vec![0, 0, 0, 100, 1000]);
    }

    #[tokio::test(start_paused = true)]
    async fn pause_blocks_everyone_until_it_ends() {
        let limiter = RateLimiter::new(Pacing::unpaced());
        limiter.pause_until(Instant::now() + Duration::from_secs(3));
        let t = Instant::now();
        drop(limiter.acquire().await);
        assert_eq!(t.elapsed().as_secs(), 3);
    }

    #[test]
    fn minimum_duration_matches_the_limits() {
        let gg = Pacing::documented(Market::GamingGoods);
        assert_eq!(gg.minimum_duration(100), Duration::ZERO);
        assert_eq!(gg.minimum_duration(101), Duration::from_secs(60));
        assert_eq!(gg.minimum_duration(250), Duration::from_secs(120));
        let ggc = Pacing::documented(Market::GgChest);
        assert_eq!(ggc.minimum_duration(1001), Duration::from_secs(3600));
    }

    #[test]
    fn shared_limiter_is_per_key_and_base_url() {
        let p = Pacing::documented(Market::GgChest);
        let a = RateLimiter::shared(Market::GgChest, "http://x", &ApiKey::new("k1"), &p, None);
        let b = RateLimiter::shared(Market::GgChest, "http://x", &ApiKey::new("k1"), &p, None);
        let c = RateLimiter::shared(Market::GgChest, "http://x", &ApiKey::new("k2"), &p, None);
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &c));
    }
}
