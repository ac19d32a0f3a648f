//! The background watcher of GGChest orders waiting for delivery: every interval (a minute, or
//! `SELLERDESK_ORDERS_POLL_SECS`), while the `notify_orders` setting is on, each GGChest profile
//! whose key can be read (demo profiles included) is polled once, through the same client the
//! app's commands use, so the key's limiter paces the poll with everything else. What is new,
//! what to say and the backoff after failures are decided by `jobs::orders_watch`; this only
//! schedules the polls and shows what they found.

use std::time::{Duration, Instant};

use jobs::{
    notices,
    orders_watch::{self, OrdersWatch, PollOutcome},
};
use markets::Market;
use tauri::{AppHandle, Manager};

use crate::{
    commands::{ggc_client, Ctx},
    notify::{NotifySettings, OsNotices},
    progress::{Events, NoEvents},
    state::AppState,
};

/// The first poll comes this soon after start (or after the interval, when that is shorter).
pub const FIRST_POLL_AFTER: Duration = Duration::from_secs(10);

/// Runs the watcher for the life of the app.
pub async fn run(app: AppHandle) {
    let interval = orders_watch::interval_from_env();
    let mut watch = OrdersWatch::new(interval);
    tokio::time::sleep(interval.min(FIRST_POLL_AFTER)).await;
    loop {
        let state = app.state::<AppState>();
        tick(&state, &mut watch, &OsNotices).await;
        tokio::time::sleep(interval).await;
    }
}

/// One round: polls every GGChest profile that is due, when order notifications are on, and
/// sends a notification for each profile with new orders waiting.
pub async fn tick(state: &AppState, watch: &mut OrdersWatch, events: &dyn Events) {
    let settings = NotifySettings::read(state).await;
    if !settings.orders {
        return;
    }
    let Ok(profiles) = state.with_profiles(|p| Ok(p.store().list()?)).await else {
        // profiles.json unreadable: the UI says so; the next round tries again.
        return;
    };
    let ggchest: Vec<_> = profiles.into_iter().filter(|p| p.market == Market::GgChest).collect();
    watch.retain(&ggchest.iter().map(|p| p.id.clone()).collect::<Vec<_>>());
    for profile in ggchest {
        let now = Instant::now();
        if !watch.is_due(&profile.id, now) {
            continue;
        }
        let ctx = Ctx::new(state, &NoEvents);
        let outcome = match ggc_client(&ctx, &profile.id).await {
            Ok(client) => watch.poll(&profile.id, &client, now).await,
            Err(err) => watch.record_failure(&profile.id, format!("{} ({})", err.message, err.code), now),
        };
        match outcome {
            PollOutcome::News(news) => events.notify(notices::orders_waiting(settings.lang, &profile.name, &news)),
            PollOutcome::Failed { report: Some(why), retry_in } => eprintln!(
                "Seller Desk: the orders of \"{}\" cannot be checked: {why}; trying again in {} s (said once)",
                profile.name,
                retry_in.as_secs()
            ),
            PollOutcome::Failed { report: None, .. } | PollOutcome::Quiet => {}
        }
    }
}
