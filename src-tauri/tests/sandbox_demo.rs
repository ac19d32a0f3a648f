//! "Try without keys" and both markets' operations through the commands, against the
//! in-process sandbox, with a real keychain.

mod common;

use std::time::{Duration, Instant};

use common::{require_secret_service, Shell};
use markets::Market;
use seller_desk::commands::{
    gg::gg_all_products,
    gg_codes::gg_upload_codes,
    ggchest::{ggc_all_offers, ggc_update_price, OffersFilter},
    ggchest_batch::{ggc_batch, BatchAction},
    operations::cancel_operation,
    profiles::{delete_profile, list_profiles},
    sandbox::{sandbox_start_demo, sandbox_status, DEMO_GGCHEST_NAME, DEMO_GG_NAME},
};

fn demo_id(state: &seller_desk::commands::profiles::ProfilesState, market: Market) -> String {
    state.profiles.iter().find(|p| p.market == market && p.sandbox).expect("demo profile").id.clone()
}

#[tokio::test]
async fn the_demo_creates_both_profiles_and_both_markets_work_through_the_commands() {
    require_secret_service();
    let shell = Shell::new();
    let ctx = shell.ctx();

    let state = sandbox_start_demo(&ctx).await.unwrap();
    let names: Vec<&str> = state.profiles.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, [DEMO_GG_NAME, DEMO_GGCHEST_NAME]);
    assert!(state.profiles.iter().all(|p| p.sandbox && p.base_url.starts_with("http://127.0.0.1:")));
    assert_eq!(state.active_profile_id.as_deref(), Some(demo_id(&state, Market::GamingGoods).as_str()));
    let file: serde_json::Value = serde_json::from_slice(&std::fs::read(shell.profiles_json()).unwrap()).unwrap();
    assert_eq!(file["profiles"][0]["sandbox"], serde_json::json!(true));
    assert!(sandbox_status(&ctx).await.unwrap().running);

    // Starting again keeps the same two profiles.
    let again = sandbox_start_demo(&ctx).await.unwrap();
    assert_eq!(again.profiles.len(), 2);

    // Gaming Goods: every product, with progress; then codes with a duplicate set aside.
    let gg = demo_id(&state, Market::GamingGoods);
    let products = gg_all_products(&ctx, gg.clone(), "op-products".into()).await.unwrap();
    assert!(!products.is_empty());
    let last = shell.events.all().into_iter().last().unwrap();
    assert_eq!(
        (last.operation_id.as_str(), last.done, last.label.as_str()),
        ("op-products", products.len() as u64, "products")
    );
    let auto = products.iter().find(|p| p.title.as_deref().is_some_and(|t| t.starts_with("Cyberpunk"))).unwrap();
    let first =
        gg_upload_codes(&ctx, gg.clone(), auto.id.clone(), vec!["DEMO-1".into(), "DEMO-2".into()], "up-1".into())
            .await
            .unwrap();
    assert_eq!(first.uploaded, 2);
    let second =
        gg_upload_codes(&ctx, gg.clone(), auto.id.clone(), vec!["DEMO-2".into(), "DEMO-3".into()], "up-2".into())
            .await
            .unwrap();
    assert_eq!(second.rejected_duplicates, ["DEMO-2"], "{second:?}");
    assert_eq!(second.uploaded, 1, "the other code was not lost");

    // GGChest: the drafts, then activate them in a batch and reprice one.
    let ggc = demo_id(&state, Market::GgChest);
    let offers = ggc_all_offers(&ctx, ggc.clone(), OffersFilter::default(), "op-offers".into()).await.unwrap();
    assert!(!offers.is_empty());
    let drafts: Vec<String> = offers
        .iter()
        .filter(|o| o.status == Some(markets::ggchest::OfferStatus::Draft))
        .map(|o| o.id.clone())
        .collect();
    assert!(!drafts.is_empty());
    let batch = ggc_batch(&ctx, ggc.clone(), BatchAction::Activate, drafts.clone(), "op-batch".into()).await.unwrap();
    assert_eq!((batch.done.len(), batch.not_done.len(), batch.error), (drafts.len(), 0, None));
    let err = ggc_update_price(&ctx, ggc.clone(), drafts[0].clone(), "12,50".into()).await.unwrap_err();
    assert_eq!((err.code.as_str(), err.fields[0].field.as_str()), ("invalid_input", "price"));
    ggc_update_price(&ctx, ggc.clone(), drafts[0].clone(), "12.50".into()).await.unwrap();

    // A GG command with the GGChest profile is refused before anything is sent.
    let err = gg_all_products(&ctx, ggc.clone(), "op-wrong".into()).await.unwrap_err();
    assert_eq!(err.code, markets::ErrorCode::ProfileInvalid);

    for p in list_profiles(&ctx).await.unwrap().profiles {
        delete_profile(&ctx, p.id).await.unwrap();
    }
}

#[tokio::test]
async fn a_fetch_all_stops_at_once_when_cancelled() {
    require_secret_service();
    let shell = Shell::new();
    let ctx = shell.ctx();
    let state = sandbox_start_demo(&ctx).await.unwrap();
    let gg = demo_id(&state, Market::GamingGoods);
    {
        let slot = shell.state.sandbox.lock().await;
        let fault = sandbox::Fault::new(sandbox::Market::Gg, sandbox::FaultKind::Delay { ms: 20_000 })
            .on_path_containing("/seller/products");
        slot.as_ref().unwrap().inject(fault);
    }
    let started = Instant::now();
    let fetch = gg_all_products(&ctx, gg.clone(), "op-slow".into());
    let cancel = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(cancel_operation(&ctx, "op-slow".into()).await.unwrap());
    };
    let (result, ()) = tokio::join!(fetch, cancel);
    let err = result.unwrap_err();
    assert_eq!(err.code, markets::ErrorCode::Cancelled, "{err:?}");
    assert!(err.message.contains("nothing was changed"), "{}", err.message);
    assert!(started.elapsed() < Duration::from_secs(5), "cancel took {:?}", started.elapsed());
    assert!(!cancel_operation(&ctx, "op-slow".into()).await.unwrap(), "it is no longer running");
    for p in list_profiles(&ctx).await.unwrap().profiles {
        delete_profile(&ctx, p.id).await.unwrap();
    }
}

#[tokio::test]
async fn demo_profiles_are_repointed_when_the_sandbox_restarts() {
    require_secret_service();
    let shell = Shell::new();
    let first_url = {
        let ctx = shell.ctx();
        let state = sandbox_start_demo(&ctx).await.unwrap();
        state.profiles[0].base_url.clone()
    };
    // As after a restart of the app: a new state over the same file, the sandbox not running.
    let restarted = seller_desk::state::AppState::new(profiles::Profiles::open_at(shell.profiles_json()));
    assert!(seller_desk::commands::sandbox::restart_if_demo_profiles(&restarted).await.unwrap());
    let events = common::Recorded::default();
    let ctx = seller_desk::commands::Ctx::new(&restarted, &events);
    let state = list_profiles(&ctx).await.unwrap();
    assert_ne!(state.profiles[0].base_url, first_url, "a new port");
    let gg = demo_id(&state, Market::GamingGoods);
    assert!(seller_desk::commands::gg::gg_dashboard(&ctx, gg).await.is_ok());
    for p in state.profiles {
        delete_profile(&ctx, p.id).await.unwrap();
    }
}

#[tokio::test]
async fn a_batch_with_an_id_repeated_in_a_later_chunk_sends_nothing() {
    require_secret_service();
    let shell = Shell::new();
    let ctx = shell.ctx();
    let state = sandbox_start_demo(&ctx).await.unwrap();
    let ggc = demo_id(&state, Market::GgChest);
    let offers = ggc_all_offers(&ctx, ggc.clone(), OffersFilter::default(), "op-offers".into()).await.unwrap();
    let draft = offers
        .iter()
        .find(|o| o.status == Some(markets::ggchest::OfferStatus::Draft))
        .map(|o| o.id.clone())
        .expect("a draft in the seed");
    // The draft first, 119 other ids, then the draft again (upper case: the same UUID) in the
    // second chunk of 100.
    let mut ids = vec![draft.clone()];
    ids.extend((0..119).map(|_| uuid::Uuid::new_v4().to_string()));
    ids.push(draft.to_ascii_uppercase());
    {
        let slot = shell.state.sandbox.lock().await;
        slot.as_ref().unwrap().clear_requests();
    }

    let err = ggc_batch(&ctx, ggc.clone(), BatchAction::Activate, ids, "op-dup".into()).await.unwrap_err();
    assert_eq!((err.code.as_str(), err.fields[0].field.as_str()), ("invalid_input", "offers_ids"), "{err:?}");
    {
        let slot = shell.state.sandbox.lock().await;
        let sent: Vec<_> = slot.as_ref().unwrap().requests().into_iter().filter(|r| r.method != "GET").collect();
        assert!(sent.is_empty(), "nothing is sent: {sent:?}");
    }
    let again = seller_desk::commands::ggchest::ggc_offer(&ctx, ggc.clone(), draft).await.unwrap();
    assert_eq!(again.status, Some(markets::ggchest::OfferStatus::Draft), "the first chunk was not applied");
    assert!(!cancel_operation(&ctx, "op-dup".into()).await.unwrap(), "no operation was started");
    for p in list_profiles(&ctx).await.unwrap().profiles {
        delete_profile(&ctx, p.id).await.unwrap();
    }
}

/// The app sets refused codes aside whatever the wording of Gaming Goods' 422 (the document
/// fixes none): with every code named, only the first, or none, the new codes go up and the
/// duplicate is reported (before: only "duplicate codes: A, B" was understood; in another
/// wording the whole upload failed).
#[tokio::test]
async fn codes_are_set_aside_in_every_wording_of_the_refusal() {
    require_secret_service();
    let shell = Shell::new();
    let ctx = shell.ctx();
    let state = sandbox_start_demo(&ctx).await.unwrap();
    let gg = demo_id(&state, Market::GamingGoods);
    let products = gg_all_products(&ctx, gg.clone(), "op-products".into()).await.unwrap();
    let auto = products.iter().find(|p| p.title.as_deref().is_some_and(|t| t.starts_with("Cyberpunk"))).unwrap();
    for (n, wording) in
        [sandbox::DuplicateWording::List, sandbox::DuplicateWording::FirstOnly, sandbox::DuplicateWording::Unnamed]
            .into_iter()
            .enumerate()
    {
        shell.state.sandbox.lock().await.as_ref().unwrap().set_duplicate_wording(wording);
        let code = |k: usize| format!("WORDING-{n}-{k}");
        gg_upload_codes(&ctx, gg.clone(), auto.id.clone(), vec![code(1)], format!("w{n}-a")).await.unwrap();
        let codes = vec![code(2), code(1), code(3), code(4)];
        let report = gg_upload_codes(&ctx, gg.clone(), auto.id.clone(), codes, format!("w{n}-b")).await.unwrap();
        assert_eq!((report.uploaded, report.rejected_duplicates.clone()), (3, vec![code(1)]), "{wording:?}");
    }
    for p in list_profiles(&ctx).await.unwrap().profiles {
        delete_profile(&ctx, p.id).await.unwrap();
    }
}
