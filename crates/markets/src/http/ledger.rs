//! The rate-limit budget of a key shared between processes. The marketplaces count requests per
//! key, not per process: the desktop app, a CLI job and a cron job on one key must together stay
//! inside the documented limits. A [`RateLedger`] (the local store, `crates/store`) records every
//! process's requests; each process's [`super::RateLimiter`] reserves a slot there before sending.

use std::time::{Duration, SystemTime};

use super::pacing::RateLimit;

/// The answer to a reservation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reservation {
    /// A slot is held for one request: finish it with [`RateLedger::finish`].
    Granted(i64),
    /// No room now: ask again after this long (the time until a slot frees, or a short poll
    /// when the slots are held by requests in flight in other processes).
    Wait(Duration),
}

/// A record of one machine's requests per key, kept where every Seller Desk process sees it.
/// Keys are never stored: `key_id` is a digest of market, base URL and key ([`key_id`]).
pub trait RateLedger: Send + Sync + std::fmt::Debug {
    /// Reserves a slot for a request of `key_id` if every limit has room now, counting the
    /// requests of every process that finished within the limit's window or are in flight.
    fn try_reserve(&self, key_id: &str, limits: &[RateLimit]) -> Result<Reservation, String>;
    /// The request of `ticket` has finished now (its answer came, or it failed).
    fn finish(&self, ticket: i64) -> Result<(), String>;
    /// After a 429: no process starts a request of `key_id` before `until`.
    fn pause_until(&self, key_id: &str, until: SystemTime) -> Result<(), String>;
}

/// The ledger's name for a key: a digest of market, base URL and key, from which the key cannot
/// be read back (the key has at least 128 bits of entropy; the digest is 128 bits of SHA-256).
pub fn key_id(market: crate::Market, base_url: &str, key: &crate::ApiKey) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(market.id().as_bytes());
    h.update([0]);
    h.update(base_url.trim_end_matches('/').as_bytes());
    h.update([0]);
    h.update(key.expose().as_bytes());
    h.finalize()[..16].iter().map(|b| format!("{b:02x}")).collect()
}
