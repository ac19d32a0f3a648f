//! The orders watcher against the sandbox over real HTTP: the seeded orders waiting for delivery
//! are told once, then only orders placed since; a poll is one request, filtered and sorted as
//! documented; an unreachable marketplace is reported once and backed off.

mod common;

use std::time::{Duration, Instant};

use common::{config, Env};
use jobs::{
    notices::{orders_waiting, Lang, OrdersNews},
    orders_watch::{OrdersWatch, PollOutcome},
};
use markets::{ggchest::GgcClient, Market};
use sandbox::{GgcOfferType, GgcOrderStatus, NewOrder, GGCHEST_KEY_A, GGCHEST_KEY_B};

fn place(env: &Env, seller: &str, status: Option<GgcOrderStatus>) -> String {
    let order = NewOrder {
        seller: seller.to_owned(),
        name: Some("100,000 Gold".into()),
        price: Some("9.99".into()),
        offer_type: Some(GgcOfferType::Currency),
        status,
        ..NewOrder::default()
    };
    env.sandbox.ggchest_create_order(order).expect("order placed").id
}

fn waiting_in_sandbox(env: &Env, seller: &str) -> u64 {
    let state = env.sandbox.state();
    state.ggchest.orders.iter().filter(|o| o.seller == seller && o.status == GgcOrderStatus::WaitingDelivery).count()
        as u64
}

#[tokio::test]
async fn new_orders_waiting_for_delivery_are_told_once() {
    let env = Env::start().await;
    let client = GgcClient::new(config(Market::GgChest, &env.sandbox.ggchest_base_url(), GGCHEST_KEY_A)).unwrap();
    let mut watch = OrdersWatch::new(Duration::from_secs(60));
    let now = Instant::now();

    // The first poll: every order waiting now (the seed has some), once.
    let seeded = waiting_in_sandbox(&env, GGCHEST_KEY_A);
    assert!(seeded > 0, "the seed has orders waiting for delivery");
    let first = watch.poll("a", &client, now).await;
    assert_eq!(first, PollOutcome::News(OrdersNews { first: true, new: seeded, waiting: seeded }));
    let PollOutcome::News(news) = first else { unreachable!() };
    assert_eq!(orders_waiting(Lang::En, "Shop", &news).body, format!("{seeded} orders wait for delivery"));

    // One request, as documented: status filter, newest paid first, the first page of 100.
    let requests = env.sandbox.requests();
    let polls: Vec<_> = requests.iter().filter(|r| r.path.contains("/v1/orders")).collect();
    assert_eq!(polls.len(), 1, "{polls:?}");
    let query = polls[0].query.clone().unwrap_or_default().replace("%5B", "[").replace("%5D", "]");
    for part in
        ["filters[status]=WAITING_DELIVERY", "sort[field]=paid_at", "sort[direction]=desc", "pagination[per_page]=100"]
    {
        assert!(query.contains(part), "{part} in {query}");
    }

    // Nothing new: quiet. Orders of other statuses or sellers do not count.
    assert_eq!(watch.poll("a", &client, now).await, PollOutcome::Quiet);
    place(&env, GGCHEST_KEY_A, Some(GgcOrderStatus::Delivered));
    place(&env, GGCHEST_KEY_B, None);
    assert_eq!(watch.poll("a", &client, now).await, PollOutcome::Quiet);

    // Two new ones waiting: told as new, with the count of all waiting.
    place(&env, GGCHEST_KEY_A, None);
    place(&env, GGCHEST_KEY_A, None);
    let news = OrdersNews { first: false, new: 2, waiting: seeded + 2 };
    assert_eq!(watch.poll("a", &client, now).await, PollOutcome::News(news));
    assert_eq!(watch.poll("a", &client, now).await, PollOutcome::Quiet);
    assert_eq!(env.count_429(), 0);
}

#[tokio::test]
async fn an_unreachable_marketplace_is_reported_once_and_backed_off() {
    // A port nothing listens on.
    let port = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/ggchest");
    let client = GgcClient::new(config(Market::GgChest, &url, GGCHEST_KEY_A)).unwrap();
    let minute = Duration::from_secs(60);
    let mut watch = OrdersWatch::new(minute);
    let now = Instant::now();
    let PollOutcome::Failed { report, retry_in } = watch.poll("a", &client, now).await else { panic!("not failed") };
    let report = report.expect("the first failure is reported");
    assert!(!report.contains(GGCHEST_KEY_A), "no key in the report: {report}");
    assert_eq!(retry_in, minute * 2);
    assert!(!watch.is_due("a", now + minute));
    let PollOutcome::Failed { report, retry_in } = watch.poll("a", &client, now).await else { panic!("not failed") };
    assert_eq!((report, retry_in), (None, minute * 4));
}
