//! Pacing, Retry-After, lost connections and timeouts against the time-scaled sandbox.
//! Only lower bounds on time are asserted (a loaded 2-core machine may be slow, never fast).

mod common;

use common::{config, gg_client, ggc_client, logged, rate_limited, sandbox, Loopback, Reply, TIME_SCALE};
use futures::future::join_all;
use markets::{
    gg::{DeliveryType, GgClient, NewProduct},
    ggchest::*,
    Amount, Error, Market, Pacing, RetryPolicy, UsdPrice,
};
use sandbox::{Fault, FaultKind, GgcOfferStatus, Market as Sb, Sandbox, GGCHEST_KEY_A, GG_KEY_A};
use std::time::{Duration, Instant};

const WOW: &str = "550e8400-e29b-41d4-a716-446655440000";

fn gg_product(name: &str) -> NewProduct {
    NewProduct {
        name: name.into(),
        description: "A key".into(),
        category: "Game Keys".into(),
        brand: None,
        price: Amount::parse("9.99").unwrap(),
        currency: "EUR".into(),
        delivery_type: DeliveryType::Manual,
        image_url: None,
        codes: vec![],
    }
}

fn currency_offer(title: &str) -> NewCurrencyOffer {
    NewCurrencyOffer {
        game_id: WOW.into(),
        game_currency_id: "880e8400-e29b-41d4-a716-446655440010".into(),
        title: title.into(),
        description: "Gold".into(),
        price: UsdPrice::parse("29.99").unwrap(),
        old_price: None,
        delivery_time: DeliveryTime::Minutes5,
        qty_total: 1000,
        qty_min: 10,
        attributes: vec![],
    }
}

fn gg_titled(sb: &Sandbox, title: &str) -> usize {
    sb.state().gg_products_of(GG_KEY_A).iter().filter(|p| p.title == title).count()
}

fn ggc_titled(sb: &Sandbox, title: &str) -> usize {
    sb.state().ggchest_offers_of(GGCHEST_KEY_A).iter().filter(|o| o.title == title).count()
}

fn outcome_unknown(e: &Error, market: Market) {
    assert!(matches!(e, Error::OutcomeUnknown { market: m, .. } if *m == market), "expected outcome unknown: {e:?}");
    assert_eq!(e.code(), markets::ErrorCode::OutcomeUnknown);
    assert!(!e.is_transient(), "an unknown outcome must not be retried by a job engine either");
}

// ------------------------------ pacing ------------------------------

#[tokio::test]
async fn a_burst_above_the_gg_limit_is_paced_without_a_single_429() {
    let sb = sandbox().await;
    let c = gg_client(&sb.gg_base_url(), GG_KEY_A);
    let pacing = Pacing::documented(Market::GamingGoods).scaled(TIME_SCALE);
    assert_eq!(pacing.limits[0].max, 100);
    assert_eq!(pacing.limits[0].per, Duration::from_millis(600));
    let start = Instant::now();
    let results = join_all((0..250).map(|_| c.dashboard())).await;
    let elapsed = start.elapsed();
    assert!(results.iter().all(Result::is_ok), "{:?}", results.iter().find(|r| r.is_err()));
    let log = logged(&sb, Sb::Gg);
    assert_eq!(log.len(), 250, "each request sent once");
    assert!(rate_limited(&sb).is_empty(), "429s: {:?}", rate_limited(&sb));
    assert!(elapsed >= pacing.minimum_duration(250), "250 requests need at least two more windows: {elapsed:?}");
    // In any 600 ms window of arrivals, at most 100.
    let mut at: Vec<u64> = log.iter().map(|r| r.at_ms).collect();
    at.sort_unstable();
    for (i, t) in at.iter().enumerate() {
        assert!(at[i..].iter().take_while(|u| **u < t + 600).count() <= 100, "window at {t} ms");
    }
}

#[tokio::test]
async fn a_burst_above_the_ggchest_limit_is_paced_across_two_clients_of_one_key() {
    let sb = sandbox().await;
    // Two clients (say the app and a bulk job) with the same key share one pacing.
    let a = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let b = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    assert!(std::sync::Arc::ptr_eq(a.limiter(), b.limiter()));
    let start = Instant::now();
    let query = GamesQuery::default();
    let calls = (0..120).map(|i| {
        let c = if i % 2 == 0 { &a } else { &b };
        c.games(&query)
    });
    let results = join_all(calls).await;
    assert!(results.iter().all(Result::is_ok));
    assert_eq!(logged(&sb, Sb::GgChest).len(), 120);
    assert!(rate_limited(&sb).is_empty(), "429s: {:?}", rate_limited(&sb));
    let pacing = Pacing::documented(Market::GgChest).scaled(TIME_SCALE);
    assert!(start.elapsed() >= pacing.minimum_duration(120));
}

#[tokio::test]
async fn without_pacing_the_same_burst_is_refused_so_the_pacing_test_means_something() {
    let sb = sandbox().await;
    let unpaced = GgClient::new(
        config(Market::GamingGoods, &sb.gg_base_url(), GG_KEY_A)
            .with_pacing(Pacing::unpaced())
            .with_retry(RetryPolicy { max_attempts: 1, ..common::fast_retry() }),
    )
    .unwrap();
    let results = join_all((0..150).map(|_| unpaced.dashboard())).await;
    let limited = results.iter().filter(|r| matches!(r, Err(Error::RateLimited { .. }))).count();
    assert!(limited > 0, "the sandbox enforces 100 per scaled minute");
    assert_eq!(rate_limited(&sb).len(), limited);
}

// ------------------------------ Retry-After ------------------------------

#[tokio::test]
async fn retry_after_pauses_every_client_of_the_key() {
    let sb = sandbox().await;
    sb.inject(Fault::new(Sb::GgChest, FaultKind::RateLimited { retry_after_secs: 1 }).on_path_containing("/v1/games"));
    let first = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let second = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let query = GamesQuery::default();
    let (games, offers) = tokio::join!(first.games(&query), async {
        // Wait until the 429 has paused the key: the shared limiter stops granting at once.
        while let Ok(permit) = tokio::time::timeout(Duration::from_millis(1), second.limiter().acquire()).await {
            drop(permit);
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        second.offers(&OffersFilter::default(), 1, 10).await
    });
    assert!(games.is_ok() && offers.is_ok());
    let log = logged(&sb, Sb::GgChest);
    assert_eq!(log.len(), 3, "{log:?}");
    assert_eq!((log[0].status, log[0].path.as_str()), (Some(429), "/v1/games"));
    for later in &log[1..] {
        assert!(later.at_ms >= log[0].at_ms + 1000, "{} came before Retry-After ended: {log:?}", later.path);
    }
}

// ------------------------------ backoff ------------------------------

#[tokio::test]
async fn retries_back_off_exponentially() {
    // RetryPolicy: "Backoff doubles from `backoff_base` up to `backoff_max`, with jitter" (±20 %).
    let policy = RetryPolicy {
        max_attempts: 4,
        backoff_base: Duration::from_millis(100),
        backoff_max: Duration::from_secs(1),
        max_retry_after: Duration::from_secs(10),
    };
    for failure in ["503", "drop"] {
        let lb = Loopback::start(move |_, _| if failure == "503" { Reply::empty(503) } else { Reply::Drop }).await;
        let c = GgClient::new(config(Market::GamingGoods, lb.url(), "k-123456789").with_retry(policy.clone())).unwrap();
        let e = c.dashboard().await.unwrap_err();
        assert!(e.is_transient(), "{e:?}");
        let at: Vec<Instant> = lb.requests().iter().map(|r| r.at).collect();
        assert_eq!(at.len(), 4, "{failure}");
        let gaps: Vec<Duration> = at.windows(2).map(|w| w[1] - w[0]).collect();
        for (i, gap) in gaps.iter().enumerate() {
            let least = Duration::from_millis(100 << i).mul_f64(0.8);
            assert!(*gap >= least, "{failure}: wait {} was {gap:?}, expected at least {least:?}", i + 1);
        }
    }
}

// ------------------------------ lost connections ------------------------------

#[tokio::test]
async fn dropped_after_a_create_is_outcome_unknown_and_applied_exactly_once() {
    let sb = sandbox().await;
    sb.inject(Fault::new(Sb::Gg, FaultKind::DropAfterApply).on_method("POST"));
    let e = gg_client(&sb.gg_base_url(), GG_KEY_A).create_product(&gg_product("Dropped After Key")).await.unwrap_err();
    outcome_unknown(&e, Market::GamingGoods);
    assert!(e.to_string().contains("POST /seller/products"), "{e}");
    assert_eq!(gg_titled(&sb, "Dropped After Key"), 1, "the listing exists exactly once");
    let log = logged(&sb, Sb::Gg);
    assert_eq!(log.len(), 1, "sent once: {log:?}");
    assert_eq!((log[0].fault.as_deref(), log[0].status), (Some("drop_after_apply"), None));

    sb.inject(Fault::new(Sb::GgChest, FaultKind::DropAfterApply).on_method("POST"));
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let e = c.create_currency_offer(&currency_offer("Dropped After Gold")).await.unwrap_err();
    outcome_unknown(&e, Market::GgChest);
    assert_eq!(ggc_titled(&sb, "Dropped After Gold"), 1);
    assert_eq!(logged(&sb, Sb::GgChest).len(), 1);
}

#[tokio::test]
async fn dropped_before_a_create_is_outcome_unknown_and_nothing_exists() {
    let sb = sandbox().await;
    sb.inject(Fault::new(Sb::Gg, FaultKind::DropBeforeApply).on_method("POST"));
    let e = gg_client(&sb.gg_base_url(), GG_KEY_A).create_product(&gg_product("Dropped Before Key")).await.unwrap_err();
    outcome_unknown(&e, Market::GamingGoods);
    assert_eq!(gg_titled(&sb, "Dropped Before Key"), 0);
    assert_eq!(logged(&sb, Sb::Gg).len(), 1);

    sb.inject(Fault::new(Sb::GgChest, FaultKind::DropBeforeApply).on_method("POST"));
    let e = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A)
        .create_currency_offer(&currency_offer("Dropped Before Gold"))
        .await
        .unwrap_err();
    outcome_unknown(&e, Market::GgChest);
    assert_eq!(ggc_titled(&sb, "Dropped Before Gold"), 0);
    assert_eq!(logged(&sb, Sb::GgChest).len(), 1);
}

#[tokio::test]
async fn a_toggle_is_never_sent_twice() {
    let sb = sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let id = c.create_currency_offer(&currency_offer("Toggle Gold")).await.unwrap().id;
    sb.inject(Fault::new(Sb::GgChest, FaultKind::DropAfterApply).on_path_containing("/toggle"));
    outcome_unknown(&c.toggle(&id).await.unwrap_err(), Market::GgChest);
    assert_eq!(sb.state().ggchest_offer(&id).unwrap().status, GgcOfferStatus::Active, "toggled once, not back");
    assert_eq!(logged(&sb, Sb::GgChest).iter().filter(|r| r.path.ends_with("/toggle")).count(), 1);
}

#[tokio::test]
async fn a_dropped_read_is_retried_transparently() {
    let sb = sandbox().await;
    for kind in [FaultKind::DropBeforeApply, FaultKind::DropAfterApply] {
        sb.clear_requests();
        sb.inject(Fault::new(Sb::Gg, kind.clone()).on_method("GET"));
        let d = gg_client(&sb.gg_base_url(), GG_KEY_A).dashboard().await.unwrap();
        assert!(d.total_products > 0);
        let log = logged(&sb, Sb::Gg);
        assert_eq!(log.iter().map(|r| r.status).collect::<Vec<_>>(), [None, Some(200)], "{kind:?}");

        sb.inject(Fault::new(Sb::GgChest, kind.clone()).on_method("GET"));
        let all = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A).all_offers(&OffersFilter::default()).await;
        assert!(!all.unwrap().is_empty());
    }
}

#[tokio::test]
async fn a_dropped_price_update_is_repeated_safely() {
    let sb = sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let id = sb.state().ggchest_offers_of(GGCHEST_KEY_A)[0].id.clone();
    sb.inject(Fault::new(Sb::GgChest, FaultKind::DropAfterApply).on_path_containing("/price"));
    c.update_price(&id, UsdPrice::parse("42.00").unwrap()).await.unwrap();
    assert_eq!(sb.state().ggchest_offer(&id).unwrap().price, "42.00");
    assert_eq!(logged(&sb, Sb::GgChest).len(), 2, "sent, lost, sent again");
}

#[tokio::test]
async fn a_dropped_delete_that_was_applied_is_a_success() {
    let sb = sandbox().await;
    let c = ggc_client(&sb.ggchest_base_url(), GGCHEST_KEY_A);
    let id = c.create_currency_offer(&currency_offer("Delete Me Gold")).await.unwrap().id;
    sb.inject(Fault::new(Sb::GgChest, FaultKind::DropAfterApply).on_method("DELETE"));
    // Deleting is safe to repeat; the repeat finds the offer gone, which is what was asked.
    c.delete_offer(&id).await.expect("the offer was deleted");
    assert_eq!(sb.state().ggchest_offer(&id).unwrap().status, GgcOfferStatus::Deleted);
    let log: Vec<_> = logged(&sb, Sb::GgChest).into_iter().filter(|r| r.method == "DELETE").collect();
    assert_eq!(log.iter().map(|r| r.status).collect::<Vec<_>>(), [None, Some(404)]);

    // The same for an icon.
    let icon = IconFile::new("i.png", common::tiny_png()).unwrap();
    let other = c.create_currency_offer(&currency_offer("Icon Gold")).await.unwrap().id;
    let attached = c.attach_icon(&other, &icon).await.unwrap();
    sb.inject(Fault::new(Sb::GgChest, FaultKind::DropAfterApply).on_method("DELETE"));
    c.delete_icon(&other, &attached.id).await.expect("the icon was deleted");
    assert!(sb.state().ggchest_offer(&other).unwrap().icon.is_none());

    // A batch delete that was lost and then finds its offers gone cannot tell whether every
    // id was deleted: outcome unknown, not "not found".
    let ids: Vec<String> = {
        let mut v = Vec::new();
        for i in 0..3 {
            v.push(c.create_currency_offer(&currency_offer(&format!("Batch {i}"))).await.unwrap().id);
        }
        v
    };
    sb.inject(Fault::new(Sb::GgChest, FaultKind::DropAfterApply).on_method("DELETE"));
    let outcome = c.delete_offers(&ids).await.unwrap();
    outcome_unknown(outcome.error.as_ref().expect("reported"), Market::GgChest);
    assert_eq!(outcome.not_done, ids);
    assert!(ids.iter().all(|id| sb.state().ggchest_offer(id).unwrap().status == GgcOfferStatus::Deleted));
}

// ------------------------------ timeouts ------------------------------

#[tokio::test]
async fn a_create_slower_than_the_timeout_is_outcome_unknown_and_not_repeated() {
    let sb = sandbox().await;
    let delay = Duration::from_millis(800);
    sb.inject(Fault::new(Sb::GgChest, FaultKind::Delay { ms: delay.as_millis() as u64 }).on_method("POST"));
    let c = GgcClient::new(
        config(Market::GgChest, &sb.ggchest_base_url(), GGCHEST_KEY_A).with_timeout(Duration::from_millis(200)),
    )
    .unwrap();
    let start = Instant::now();
    let e = c.create_currency_offer(&currency_offer("Slow Gold")).await.unwrap_err();
    assert!(start.elapsed() >= Duration::from_millis(200));
    outcome_unknown(&e, Market::GgChest);
    assert!(e.to_string().contains("within the time allowed") && e.to_string().contains("not repeated"), "{e}");
    // Let the delayed request run its course, then look: no second POST ever came (a repeat
    // would carry no fault and be answered at once), and the offer exists at most once. (This
    // sandbox drops the handler when the client hangs up, so the delayed one is not applied.)
    tokio::time::sleep_until((start + delay + Duration::from_millis(300)).into()).await;
    let posts: Vec<_> = logged(&sb, Sb::GgChest).into_iter().filter(|r| r.method == "POST").collect();
    assert!(posts.len() <= 1 && posts.iter().all(|r| r.fault.as_deref() == Some("delay")), "{posts:?}");
    assert!(ggc_titled(&sb, "Slow Gold") <= 1);

    // A slow read is simply tried again.
    sb.clear_requests();
    sb.inject(Fault::new(Sb::GgChest, FaultKind::Delay { ms: delay.as_millis() as u64 }).on_method("GET"));
    assert!(!c.games(&GamesQuery::default()).await.unwrap().is_empty());
    let gets = logged(&sb, Sb::GgChest);
    assert!(gets.iter().any(|r| r.status == Some(200) && r.fault.is_none()), "answered by a repeat: {gets:?}");
}
