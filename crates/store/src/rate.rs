//! The rate-limit budget of each API key, shared by every process ([`markets::http::RateLedger`]).
//!
//! Each request is a row: reserved (in flight, `finished_ms` NULL) before it is sent, finished
//! when its answer comes. A new one may start only when, for every documented limit, the rows
//! of the key that are in flight or finished within the window leave room — the same rule each
//! process's limiter keeps for itself (finish times: safe against a server counting arrivals).
//! The check and the reservation are one `IMMEDIATE` transaction, so two processes cannot take
//! the last slot together. A process killed mid-request leaves its row in flight: such a row
//! counts as finished [`STALE_AFTER`] after it started (longer than any request may take).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use markets::http::{RateLedger, RateLimit, Reservation};
use rusqlite::{params, OptionalExtension, TransactionBehavior};

use crate::Store;

/// A row still in flight this long after it started belongs to a request that can no longer be
/// running (the clients time out after 30 s plus connecting): it counts as finished then.
pub const STALE_AFTER: Duration = Duration::from_secs(120);

/// How long to wait when every slot is held by requests in flight: they finish any moment, and
/// another process cannot wake this one.
const IN_FLIGHT_POLL: Duration = Duration::from_millis(20);

fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

fn ms(d: Duration) -> i64 {
    d.as_millis().min(i64::MAX as u128) as i64
}

impl RateLedger for Store {
    fn try_reserve(&self, key_id: &str, limits: &[RateLimit]) -> Result<Reservation, String> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|e| e.to_string())?;
        let now = now_ms();
        let stale = ms(STALE_AFTER);
        let paused: Option<i64> = tx
            .query_row("SELECT until_ms FROM rate_pauses WHERE key_id = ?1", [key_id], |r| r.get(0))
            .optional()
            .map_err(|e| e.to_string())?;
        if let Some(until) = paused.filter(|u| *u > now) {
            return Ok(Reservation::Wait(Duration::from_millis((until - now) as u64)));
        }
        let longest = limits.iter().map(|l| ms(l.per)).max().unwrap_or(0);
        // Forget what no window can see any more.
        tx.execute(
            "DELETE FROM rate_requests WHERE key_id = ?1 AND COALESCE(finished_ms, started_ms + ?2) <= ?3",
            params![key_id, stale, now - longest],
        )
        .map_err(|e| e.to_string())?;
        let mut wait: Option<Duration> = None;
        for limit in limits {
            let window_start = now - ms(limit.per);
            // Finish times inside the window, oldest first; rows in flight (not stale) apart.
            let mut finished: Vec<i64> = tx
                .prepare_cached(
                    "SELECT COALESCE(finished_ms, started_ms + ?2) AS f FROM rate_requests
                     WHERE key_id = ?1 AND (finished_ms IS NOT NULL OR started_ms + ?2 <= ?3) AND f > ?4
                     ORDER BY f",
                )
                .and_then(|mut s| {
                    s.query_map(params![key_id, stale, now, window_start], |r| r.get(0))?.collect::<Result<_, _>>()
                })
                .map_err(|e| e.to_string())?;
            let in_flight: i64 = tx
                .query_row(
                    "SELECT COUNT(*) FROM rate_requests WHERE key_id = ?1 AND finished_ms IS NULL AND started_ms + ?2 > ?3",
                    params![key_id, stale, now],
                    |r| r.get(0),
                )
                .map_err(|e| e.to_string())?;
            let used = finished.len() + in_flight as usize;
            let max = limit.max as usize;
            if used < max {
                continue;
            }
            // This many finished requests must leave the window before one more may start.
            let must_expire = used - max + 1;
            let this_wait = if must_expire <= finished.len() {
                finished.truncate(must_expire);
                Duration::from_millis((finished[must_expire - 1] + ms(limit.per) - now).max(1) as u64)
            } else {
                IN_FLIGHT_POLL
            };
            wait = Some(wait.map_or(this_wait, |w| w.max(this_wait)));
        }
        if let Some(w) = wait {
            return Ok(Reservation::Wait(w));
        }
        tx.execute(
            "INSERT INTO rate_requests (key_id, started_ms, pid) VALUES (?1, ?2, ?3)",
            params![key_id, now, std::process::id()],
        )
        .map_err(|e| e.to_string())?;
        let ticket = tx.last_insert_rowid();
        tx.commit().map_err(|e| e.to_string())?;
        Ok(Reservation::Granted(ticket))
    }

    fn finish(&self, ticket: i64) -> Result<(), String> {
        self.conn()
            .execute("UPDATE rate_requests SET finished_ms = ?2 WHERE id = ?1", params![ticket, now_ms()])
            .map(drop)
            .map_err(|e| e.to_string())
    }

    fn pause_until(&self, key_id: &str, until: SystemTime) -> Result<(), String> {
        let until = until.duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0);
        self.conn()
            .execute(
                "INSERT INTO rate_pauses (key_id, until_ms) VALUES (?1, ?2)
                 ON CONFLICT (key_id) DO UPDATE SET until_ms = MAX(until_ms, excluded.until_ms)",
                params![key_id, until],
            )
            .map(drop)
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit(max: u32, ms: u64) -> RateLimit {
        RateLimit { max, per: Duration::from_millis(ms) }
    }

    #[test]
    fn two_stores_on_one_file_share_the_budget() {
        let dir = tempfile::tempdir().unwrap();
        let a = Store::open(dir.path()).unwrap();
        let b = Store::open(dir.path()).unwrap();
        let limits = [limit(3, 60_000)];
        let mut granted = Vec::new();
        for store in [&a, &b, &a] {
            match store.try_reserve("k", &limits).unwrap() {
                Reservation::Granted(t) => granted.push(t),
                other => panic!("{other:?}"),
            }
        }
        // Three in flight: the fourth waits, whichever process asks, until one finishes.
        assert_eq!(b.try_reserve("k", &limits).unwrap(), Reservation::Wait(IN_FLIGHT_POLL));
        a.finish(granted[0]).unwrap();
        // Finished now: it stays in the window for its minute.
        match b.try_reserve("k", &limits).unwrap() {
            Reservation::Wait(d) => assert!(d > Duration::from_secs(59), "{d:?}"),
            other => panic!("{other:?}"),
        }
        // Another key has its own budget.
        assert!(matches!(b.try_reserve("other", &limits).unwrap(), Reservation::Granted(_)));
    }

    #[test]
    fn a_pause_holds_every_process() {
        let dir = tempfile::tempdir().unwrap();
        let a = Store::open(dir.path()).unwrap();
        let b = Store::open(dir.path()).unwrap();
        a.pause_until("k", SystemTime::now() + Duration::from_secs(5)).unwrap();
        match b.try_reserve("k", &[limit(100, 1000)]).unwrap() {
            Reservation::Wait(d) => assert!(d > Duration::from_secs(4), "{d:?}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_request_left_in_flight_by_a_killed_process_frees_its_slot_later() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let long_ago = now_ms() - ms(STALE_AFTER) - 1_000;
        store
            .conn()
            .execute("INSERT INTO rate_requests (key_id, started_ms, pid) VALUES ('k', ?1, 1)", [long_ago])
            .unwrap();
        // Counted as finished at start + STALE_AFTER, a second ago: outside a 100 ms window.
        assert!(matches!(store.try_reserve("k", &[limit(1, 100)]).unwrap(), Reservation::Granted(_)));
    }
}
