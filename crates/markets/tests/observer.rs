//! The observer hears each change request once, after its last attempt, and never a read.

mod common;

use std::sync::{Arc, Mutex};

use markets::{ggchest::GgcClient, Market, Observer, UsdPrice};
use sandbox::{Fault, FaultKind, Sandbox, SandboxConfig, GGCHEST_KEY_A};

#[tokio::test]
async fn changes_are_observed_once_with_their_outcome_and_reads_are_not() {
    let sandbox = Sandbox::start(SandboxConfig { time_scale: common::TIME_SCALE, ..Default::default() }).await.unwrap();
    let heard = Arc::new(Mutex::new(Vec::new()));
    let sink = heard.clone();
    let config = common::config(Market::GgChest, &sandbox.ggchest_base_url(), GGCHEST_KEY_A)
        .with_observer(Observer::new(move |c| sink.lock().unwrap().push(c.clone())));
    let client = GgcClient::new(config).unwrap();
    let offer = sandbox.state().ggchest_offers_of(GGCHEST_KEY_A)[0].id.clone();
    client.offer(&offer).await.unwrap();
    sandbox.inject(Fault::new(sandbox::Market::GgChest, FaultKind::Unavailable).on_method("PUT"));
    client.update_price(&offer, UsdPrice::parse("12.34").unwrap()).await.unwrap();
    let missing = "01980000-0000-7000-8000-0000000dead0";
    assert!(client.update_price(missing, UsdPrice::parse("1.00").unwrap()).await.is_err());
    let heard = heard.lock().unwrap().clone();
    assert_eq!(heard.len(), 2, "{heard:?}");
    assert_eq!((heard[0].method.as_str(), heard[0].outcome), ("PUT", Ok(())));
    assert_eq!(heard[0].path, format!("/v1/offers/{offer}/price"));
    assert_eq!(heard[1].outcome, Err("not_found"));
    sandbox.shutdown().await;
}
