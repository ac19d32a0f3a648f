//! What the audit log records of a single change made through a use case or a face: a GGChest
//! offer edit's changed fields before and after, with the offer's title (the client reads the
//! offer before its PUT); a Gaming Goods reprice's old and new price. Against the sandbox.

use jobs::audit::{with_known, AuditLog};
use markets::{gg::GgClient, ggchest::GgcClient, ApiKey, Cents, ClientConfig, Market};
use sandbox::{GgcOfferStatus, GgcOfferType, Sandbox, SandboxConfig, GGCHEST_KEY_A, GG_KEY_A};
use serde_json::json;

fn config(market: Market, base_url: &str, key: &str, log: &AuditLog, who: &str) -> ClientConfig {
    ClientConfig::new(market, ApiKey::new(key))
        .with_base_url(base_url)
        .with_observer(jobs::audit::observer(log.clone(), who.to_owned()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_offer_edit_and_a_reprice_record_before_and_after() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let log = AuditLog::in_dir(dir.path()).for_profile("profile-1");

    let offer = sandbox
        .state()
        .ggchest_offers_of(GGCHEST_KEY_A)
        .into_iter()
        .find(|o| o.offer_type != GgcOfferType::Accounts && o.status != GgcOfferStatus::Deleted)
        .cloned()
        .expect("a seeded offer");
    let ggc =
        GgcClient::new(config(Market::GgChest, &sandbox.ggchest_base_url(), GGCHEST_KEY_A, &log, "shop")).unwrap();
    let edit = desk::ggc_offers::OfferEdit { price: Some("1234.50".into()), ..Default::default() };
    desk::ggc_offers::edit(&ggc, &offer.id, edit).await.unwrap();

    let entries = log.entries().unwrap();
    assert_eq!(entries.len(), 1, "one change sent: {entries:?}");
    let e = &entries[0];
    assert_eq!((e.profile_id.as_deref(), e.profile.as_str(), e.outcome.as_str()), (Some("profile-1"), "shop", "done"));
    assert_eq!(e.title.as_deref(), Some(offer.title.as_str()));
    assert_eq!(e.before, Some(json!({ "price": offer.price })), "only the field that changed, as it was");
    assert_eq!(e.after, Some(json!({ "price": "1234.50" })));
    assert_eq!(e.job, None);

    let gg = GgClient::new(config(Market::GamingGoods, &sandbox.gg_base_url(), GG_KEY_A, &log, "shop")).unwrap();
    let (product, cents) = {
        let state = sandbox.state();
        let o = state.gg_offers_of(GG_KEY_A).into_iter().find(|o| !o.sold).expect("an unsold offer").clone();
        (o.product_id.clone(), o.price_cents as i64)
    };
    let known = desk::audit::known_gg_reprice(cents, cents + 7);
    with_known(known, gg.reprice_offers(&product, Cents(cents), Cents(cents + 7))).await.unwrap();
    let entries = log.entries().unwrap();
    let e = entries.last().unwrap();
    assert_eq!(
        (e.before.clone(), e.after.clone()),
        (Some(json!({"price_cents": cents})), Some(json!({"price_cents": cents + 7})))
    );
    assert_eq!(e.market, "gg");
}
