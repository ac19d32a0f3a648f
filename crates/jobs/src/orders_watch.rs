//! Watching GGChest orders that wait for the seller to deliver them (`WAITING_DELIVERY`, the
//! status `GET /v1/orders` filters on: docs.ggchest.com/docs/orders), to tell the seller when
//! new ones come in.
//!
//! One request per poll and profile: the first page (100, the most a page holds) filtered by
//! status, newest paid first. It goes through the profile's client, so the key's shared limiter
//! paces it together with everything else the app sends with that key (GGChest allows 1000
//! requests an hour and 50 a minute per key): a poll a minute uses 6 % of the hourly budget and
//! never causes a 429. The decisions live here, without any window: which orders are new (ids
//! remembered per profile, in memory), what the first poll after a start says (every order
//! waiting then, once), and how long to wait after a failure (doubling, up to 32 intervals),
//! with the failure reported once per run of failures so that the log is not flooded.

use std::{
    collections::{HashMap, HashSet},
    time::{Duration, Instant},
};

use markets::ggchest::{GgcClient, Order, OrderStatus, OrdersFilter, Page, SortDirection, MAX_PER_PAGE};

use crate::notices::OrdersNews;

/// How often each profile is polled unless told otherwise.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(60);
/// The environment variable that sets the interval in seconds (tests use a short one).
pub const INTERVAL_ENV: &str = "SELLERDESK_ORDERS_POLL_SECS";
/// After failures in a row the wait doubles each time, up to this many intervals.
pub const MAX_BACKOFF_INTERVALS: u32 = 32;
/// Ids remembered per profile before the oldest are dropped (those no longer waiting).
const MAX_SEEN: usize = 10_000;

/// The interval from `SELLERDESK_ORDERS_POLL_SECS` (whole seconds, at least 1), else a minute.
pub fn interval_from_env() -> Duration {
    interval_from(std::env::var(INTERVAL_ENV).ok().as_deref())
}

pub fn interval_from(value: Option<&str>) -> Duration {
    value.and_then(|v| v.trim().parse::<u64>().ok()).map(|s| Duration::from_secs(s.max(1))).unwrap_or(DEFAULT_INTERVAL)
}

/// The filter of a poll: waiting for delivery, newest paid first.
pub fn waiting_filter() -> OrdersFilter {
    OrdersFilter {
        status: Some(OrderStatus::WaitingDelivery),
        sort_by_paid_at: Some(SortDirection::Desc),
        ..OrdersFilter::default()
    }
}

/// The one request of a poll: the first page of orders waiting for delivery.
pub async fn fetch_waiting(client: &GgcClient) -> markets::Result<Page<Order>> {
    client.orders(&waiting_filter(), 1, MAX_PER_PAGE).await
}

/// What a poll came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollOutcome {
    /// Orders to tell the seller about.
    News(OrdersNews),
    /// Nothing new.
    Quiet,
    /// The poll failed; `report` is set for the first failure of a run (log it once), and the
    /// next poll waits `retry_in`.
    Failed { report: Option<String>, retry_in: Duration },
}

#[derive(Debug, Default)]
struct Watched {
    seen: HashSet<String>,
    /// A poll succeeded since the app started: later ones tell only of new orders.
    primed: bool,
    failures: u32,
    next_at: Option<Instant>,
}

/// The watcher's memory: per profile (by id), the orders already told about, and when the next
/// poll is due.
#[derive(Debug)]
pub struct OrdersWatch {
    interval: Duration,
    profiles: HashMap<String, Watched>,
}

impl OrdersWatch {
    pub fn new(interval: Duration) -> Self {
        OrdersWatch { interval, profiles: HashMap::new() }
    }

    pub fn interval(&self) -> Duration {
        self.interval
    }

    /// Whether the profile's next poll is due at `now` (always for a profile not polled yet).
    pub fn is_due(&self, profile_id: &str, now: Instant) -> bool {
        self.profiles.get(profile_id).and_then(|w| w.next_at).is_none_or(|at| now >= at)
    }

    /// Forgets the profiles not in `ids` (removed, or no longer GGChest).
    pub fn retain(&mut self, ids: &[String]) {
        self.profiles.retain(|id, _| ids.contains(id));
    }

    /// Polls the profile's orders with its client (one request) and records the answer.
    pub async fn poll(&mut self, profile_id: &str, client: &GgcClient, now: Instant) -> PollOutcome {
        let page = fetch_waiting(client).await;
        self.record(profile_id, page.map_err(|e| format!("{} ({})", e, e.code())), now)
    }

    /// Records a failure that happened before a request could be sent (no key, keychain
    /// locked…): the same backoff and single report as a failed request.
    pub fn record_failure(&mut self, profile_id: &str, message: String, now: Instant) -> PollOutcome {
        self.record(profile_id, Err(message), now)
    }

    /// Records a poll's answer (the first page of waiting orders, or why there is none) and
    /// decides what to tell.
    pub fn record(&mut self, profile_id: &str, page: Result<Page<Order>, String>, now: Instant) -> PollOutcome {
        let interval = self.interval;
        let w = self.profiles.entry(profile_id.to_owned()).or_default();
        match page {
            Err(message) => {
                w.failures = w.failures.saturating_add(1);
                let factor = 2u32.saturating_pow(w.failures.min(6)).min(MAX_BACKOFF_INTERVALS);
                let retry_in = interval.saturating_mul(factor);
                w.next_at = Some(now + retry_in);
                PollOutcome::Failed { report: (w.failures == 1).then_some(message), retry_in }
            }
            Ok(page) => {
                w.failures = 0;
                w.next_at = Some(now + interval);
                // Only waiting ones count, whatever the server's filter let through.
                let waiting: Vec<&Order> = page
                    .items
                    .iter()
                    .filter(|o| o.status.as_ref().is_none_or(|s| *s == OrderStatus::WaitingDelivery))
                    .collect();
                let total = page.pagination.total_count.max(waiting.len() as u64);
                let new: Vec<&str> = waiting.iter().map(|o| o.id.as_str()).filter(|id| !w.seen.contains(*id)).collect();
                let first = !w.primed;
                w.primed = true;
                let news = OrdersNews { first, new: if first { total } else { new.len() as u64 }, waiting: total };
                if w.seen.len() + new.len() > MAX_SEEN {
                    let now_waiting: HashSet<&str> = waiting.iter().map(|o| o.id.as_str()).collect();
                    w.seen.retain(|id| now_waiting.contains(id.as_str()));
                }
                w.seen.extend(new.iter().map(|id| (*id).to_owned()));
                if news.new > 0 {
                    PollOutcome::News(news)
                } else {
                    PollOutcome::Quiet
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(id: &str) -> Order {
        serde_json::from_value(serde_json::json!({"id": id, "status": "WAITING_DELIVERY"})).unwrap()
    }

    fn page(ids: &[&str]) -> Result<Page<Order>, String> {
        Ok(Page { items: ids.iter().map(|i| order(i)).collect(), pagination: Default::default() })
    }

    #[test]
    fn the_first_poll_tells_of_all_then_only_new_ones() {
        let t0 = Instant::now();
        let mut w = OrdersWatch::new(Duration::from_secs(60));
        assert!(w.is_due("p", t0));
        let news = |first, new, waiting| PollOutcome::News(OrdersNews { first, new, waiting });
        assert_eq!(w.record("p", page(&["a", "b"]), t0), news(true, 2, 2));
        assert!(!w.is_due("p", t0 + Duration::from_secs(59)));
        assert!(w.is_due("p", t0 + Duration::from_secs(60)));
        assert_eq!(w.record("p", page(&["a", "b"]), t0), PollOutcome::Quiet);
        assert_eq!(w.record("p", page(&["c", "a", "b"]), t0), news(false, 1, 3));
        // Delivered ones leave the list; nothing to tell.
        assert_eq!(w.record("p", page(&["c"]), t0), PollOutcome::Quiet);
        // Profiles are separate.
        assert_eq!(w.record("q", page(&[]), t0), PollOutcome::Quiet);
        assert_eq!(w.record("q", page(&["a"]), t0), news(false, 1, 1));
    }

    #[test]
    fn failures_back_off_and_are_reported_once() {
        let t0 = Instant::now();
        let minute = Duration::from_secs(60);
        let mut w = OrdersWatch::new(minute);
        let failed = |o: PollOutcome| match o {
            PollOutcome::Failed { report, retry_in } => (report, retry_in),
            other => panic!("{other:?}"),
        };
        assert_eq!(failed(w.record("p", Err("down".into()), t0)), (Some("down".into()), minute * 2));
        assert!(!w.is_due("p", t0 + minute));
        assert!(w.is_due("p", t0 + minute * 2));
        assert_eq!(failed(w.record("p", Err("down".into()), t0)), (None, minute * 4));
        for _ in 0..10 {
            w.record("p", Err("down".into()), t0);
        }
        assert_eq!(failed(w.record("p", Err("down".into()), t0)), (None, minute * MAX_BACKOFF_INTERVALS));
        // Back: the normal pace, and the next run of failures is reported again.
        assert!(matches!(w.record("p", page(&["a"]), t0), PollOutcome::News(_)));
        assert!(w.is_due("p", t0 + minute));
        assert_eq!(failed(w.record("p", Err("again".into()), t0)).0.as_deref(), Some("again"));
    }

    #[test]
    fn the_interval_comes_from_the_environment_value() {
        assert_eq!(interval_from(None), DEFAULT_INTERVAL);
        assert_eq!(interval_from(Some("2")), Duration::from_secs(2));
        assert_eq!(interval_from(Some("0")), Duration::from_secs(1));
        assert_eq!(interval_from(Some("soon")), DEFAULT_INTERVAL);
    }
}
