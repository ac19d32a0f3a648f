//! Notifications decided by the shell, without a window (the e2e test shows them in a real
//! notification daemon): the orders watcher's rounds over the demo GGChest profile (the orders
//! waiting at the first round, then only new ones, nothing while `notify_orders` is off, and no
//! request then either), and a job's run ending (in the settings' language; nothing with
//! `notify_jobs` off).

mod common;

use std::time::Duration;

use common::{require_secret_service, Shell};
use jobs::orders_watch::OrdersWatch;
use markets::Market;
use sandbox::{GgcOfferType, GgcOrderStatus, NewOrder, GGCHEST_KEY_A};
use seller_desk::{
    commands::{
        ggchest::OffersFilter,
        ggchest_batch::BatchAction,
        jobs::job_run,
        jobs_plan::{job_create, JobSpec, OfferSelection},
        profiles::{delete_profile, list_profiles},
        sandbox::{sandbox_start_demo, DEMO_GGCHEST_NAME},
        settings::{set_settings, Settings},
    },
    orders_watcher::tick,
};
use serde_json::json;

fn settings(v: serde_json::Value) -> Settings {
    serde_json::from_value(v).unwrap()
}

async fn cleanup(shell: &Shell) {
    let ctx = shell.ctx();
    for p in list_profiles(&ctx).await.unwrap().profiles {
        delete_profile(&ctx, p.id).await.unwrap();
    }
}

async fn place_order(shell: &Shell) {
    let sandbox = shell.state.sandbox.lock().await;
    let order = NewOrder {
        seller: GGCHEST_KEY_A.into(),
        name: Some("100,000 Gold".into()),
        price: Some("9.99".into()),
        offer_type: Some(GgcOfferType::Currency),
        ..NewOrder::default()
    };
    sandbox.as_ref().expect("sandbox running").ggchest_create_order(order).unwrap();
}

async fn order_polls(shell: &Shell) -> usize {
    let sandbox = shell.state.sandbox.lock().await;
    sandbox.as_ref().unwrap().requests().iter().filter(|r| r.path == "/v1/orders").count()
}

#[tokio::test]
async fn orders_waiting_are_told_once_then_new_ones_and_nothing_when_off() {
    require_secret_service();
    let shell = Shell::new();
    let ctx = shell.ctx();
    sandbox_start_demo(&ctx).await.unwrap();
    set_settings(&ctx, settings(json!({"language": "en"}))).await.unwrap();
    let waiting = {
        let sandbox = shell.state.sandbox.lock().await;
        let state = sandbox.as_ref().unwrap().state();
        state.ggchest_orders_of(GGCHEST_KEY_A).iter().filter(|o| o.status == GgcOrderStatus::WaitingDelivery).count()
    };
    assert!(waiting > 0, "the demo seller has orders waiting");

    // Every round is due (interval zero); only the GGChest demo profile is polled.
    let mut watch = OrdersWatch::new(Duration::ZERO);
    tick(&shell.state, &mut watch, &shell.events).await;
    let notices = shell.events.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0].title, format!("GGChest orders · {DEMO_GGCHEST_NAME}"));
    assert_eq!(notices[0].body, format!("{waiting} orders wait for delivery"));
    assert_eq!(order_polls(&shell).await, 1, "one request a round");

    tick(&shell.state, &mut watch, &shell.events).await;
    assert_eq!(shell.events.take_notices(), vec![], "the same orders are not told again");

    place_order(&shell).await;
    tick(&shell.state, &mut watch, &shell.events).await;
    let notices = shell.events.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0].body, format!("1 new order waits for delivery ({} in all)", waiting + 1));

    // In Russian when the settings say so.
    set_settings(&ctx, settings(json!({"language": "ru"}))).await.unwrap();
    place_order(&shell).await;
    tick(&shell.state, &mut watch, &shell.events).await;
    let notices = shell.events.take_notices();
    assert_eq!(notices[0].body, format!("1 новый заказ ждёт доставки (всего {})", waiting + 2));

    // Off: no notification, and no request either.
    set_settings(&ctx, settings(json!({"notify_orders": false}))).await.unwrap();
    let polls = order_polls(&shell).await;
    place_order(&shell).await;
    tick(&shell.state, &mut watch, &shell.events).await;
    assert_eq!(shell.events.take_notices(), vec![]);
    assert_eq!(order_polls(&shell).await, polls);

    // On again: the order placed meanwhile is new.
    set_settings(&ctx, settings(json!({"notify_orders": true, "language": "en"}))).await.unwrap();
    tick(&shell.state, &mut watch, &shell.events).await;
    let notices = shell.events.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].body.starts_with("1 new order waits"), "{notices:?}");
    cleanup(&shell).await;
}

#[tokio::test]
async fn a_job_run_ending_is_told_in_the_settings_language_unless_off() {
    require_secret_service();
    let shell = Shell::new();
    let ctx = shell.ctx();
    let profiles = sandbox_start_demo(&ctx).await.unwrap();
    let ggc = profiles.profiles.iter().find(|p| p.market == Market::GgChest && p.sandbox).unwrap().id.clone();
    let offer = {
        let sandbox = shell.state.sandbox.lock().await;
        let state = sandbox.as_ref().unwrap().state();
        state.ggchest_offers_of(GGCHEST_KEY_A)[0].id.clone()
    };
    let draft = || JobSpec::GgcBatch {
        action: BatchAction::Draft,
        selection: OfferSelection { ids: vec![offer.clone()], filter: OffersFilter::default(), all: None },
    };

    set_settings(&ctx, settings(json!({"language": "en", "theme": "dark"}))).await.unwrap();
    let job = job_create(&ctx, ggc.clone(), draft()).await.unwrap();
    job_run(&ctx, ggc.clone(), job.id).await.unwrap();
    let notices = shell.events.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0].title, "Job finished: Set offers to draft");
    assert_eq!(notices[0].body, format!("{DEMO_GGCHEST_NAME} · 1 done, 0 failed"));

    set_settings(&ctx, settings(json!({"language": "ru"}))).await.unwrap();
    let job = job_create(&ctx, ggc.clone(), draft()).await.unwrap();
    job_run(&ctx, ggc.clone(), job.id).await.unwrap();
    let notices = shell.events.take_notices();
    assert_eq!(notices[0].title, "Задание завершено: Перевод предложений в черновики");
    assert_eq!(notices[0].body, format!("{DEMO_GGCHEST_NAME} · выполнено: 1, с ошибкой: 0"));

    set_settings(&ctx, settings(json!({"notify_jobs": false}))).await.unwrap();
    let job = job_create(&ctx, ggc.clone(), draft()).await.unwrap();
    job_run(&ctx, ggc.clone(), job.id).await.unwrap();
    assert_eq!(shell.events.take_notices(), vec![]);
    cleanup(&shell).await;
}
