//! The file and rule jobs not covered by tests/jobs.rs, through the commands against the
//! sandbox: GG offers from a CSV, a GG reprice with a floor, GGChest accounts from a CSV (sealed
//! in the journal), GGChest offers created from JSON and CSV then drafted and deleted, and a file
//! that is not usable refused before anything is written.

mod common;

use common::{files_containing, require_secret_service, Shell};
use markets::Market;
use seller_desk::commands::{
    ggchest::OffersFilter,
    ggchest_batch::BatchAction,
    job_views::JobStatus,
    jobs::{job_results, job_run, jobs_list},
    jobs_plan::{job_create, AdjustKind, JobSpec, OfferSelection, PriceRuleSpec},
    profiles::{delete_profile, list_profiles, ProfilesState},
    sandbox::sandbox_start_demo,
};

fn demo_id(state: &ProfilesState, market: Market) -> String {
    state.profiles.iter().find(|p| p.market == market && p.sandbox).expect("demo profile").id.clone()
}

async fn sandbox_state(shell: &Shell) -> sandbox::State {
    shell.state.sandbox.lock().await.as_ref().expect("sandbox running").state()
}

#[tokio::test]
async fn gg_offers_from_a_csv_then_repriced_with_a_floor() {
    require_secret_service();
    let shell = Shell::new();
    let ctx = shell.ctx();
    let gg = demo_id(&sandbox_start_demo(&ctx).await.unwrap(), Market::GamingGoods);
    let product = sandbox_state(&shell).await.gg_offers_of(sandbox::GG_KEY_A)[0].product_id.clone();
    let file = shell.dir.path().join("offers.csv");
    std::fs::write(
        &file,
        format!("product_id,price_cents,code\n{product},1234,OFR-1\n{product},1234,OFR-2\n{product},1500,OFR-3\n"),
    )
    .unwrap();
    let job = job_create(&ctx, gg.clone(), JobSpec::GgAddOffers { file: shell.picked(&file) }).await.unwrap();
    assert_eq!((job.total, job.items_total), (2, 3), "one step per product and price");
    let done = job_run(&ctx, gg.clone(), job.id.clone()).await.unwrap();
    assert_eq!((done.status, done.done), (JobStatus::Finished, 2));
    let state = sandbox_state(&shell).await;
    let price_of = |code: &str| state.gg.offers.iter().find(|o| o.code == code).map(|o| o.price_cents);
    assert_eq!((price_of("OFR-1"), price_of("OFR-2"), price_of("OFR-3")), (Some(1234), Some(1234), Some(1500)));

    // Every unsold offer of that product 50 % off, never under 10.00 EUR.
    let rule =
        PriceRuleSpec { adjust: AdjustKind::Percent, value: "-50".into(), floor: Some("10".into()), ceiling: None };
    let job =
        job_create(&ctx, gg.clone(), JobSpec::GgReprice { rule, product_ids: vec![product.clone()] }).await.unwrap();
    let done = job_run(&ctx, gg.clone(), job.id.clone()).await.unwrap();
    assert_eq!((done.status, done.failed), (JobStatus::Finished, 0));
    let state = sandbox_state(&shell).await;
    for o in state.gg.offers.iter().filter(|o| o.seller == sandbox::GG_KEY_A && o.product_id == product && !o.sold) {
        assert_eq!(o.price_cents, 1000, "{o:?}");
    }
    assert_eq!(jobs_list(&ctx, gg.clone()).await.unwrap().len(), 2);
    cleanup(&shell).await;
}

#[tokio::test]
async fn accounts_from_a_csv_into_an_accounts_offer_are_never_journaled_in_clear() {
    require_secret_service();
    let shell = Shell::new();
    let ctx = shell.ctx();
    let ggc = demo_id(&sandbox_start_demo(&ctx).await.unwrap(), Market::GgChest);
    let before = sandbox_state(&shell).await;
    let offer = before
        .ggchest_offers_of(sandbox::GGCHEST_KEY_A)
        .into_iter()
        .find(|o| o.offer_type == sandbox::GgcOfferType::Accounts && o.status == sandbox::GgcOfferStatus::Active)
        .unwrap()
        .clone();
    let mut csv = String::from("login,password,description\n");
    for i in 0..150 {
        csv.push_str(&format!("imported{i},Secret-Pass-{i},Level {i}\n"));
    }
    let file = shell.dir.path().join("accounts.csv");
    std::fs::write(&file, csv).unwrap();
    let spec = JobSpec::GgcImportAccounts { file: shell.picked(&file), offer_id: offer.id.clone() };
    let job = job_create(&ctx, ggc.clone(), spec).await.unwrap();
    assert_eq!((job.total, job.items_total), (2, 150), "100 accounts a request");
    let done = job_run(&ctx, ggc.clone(), job.id.clone()).await.unwrap();
    assert_eq!((done.status, done.done), (JobStatus::Finished, 2));
    let after = sandbox_state(&shell).await;
    let now = after.ggchest_offer(&offer.id).unwrap();
    assert_eq!(now.accounts.len(), offer.accounts.len() + 150);
    assert_eq!(now.qty_total, offer.qty_total + 150);
    assert!(files_containing(&shell.data_dir(), "Secret-Pass-").is_empty(), "credentials journaled in clear");

    // A file that is not an accounts CSV is refused before a job exists.
    let bad = shell.dir.path().join("bad.csv");
    std::fs::write(&bad, "user;pw\nx;y\n").unwrap();
    let spec = JobSpec::GgcImportAccounts { file: shell.picked(&bad), offer_id: offer.id.clone() };
    let err = job_create(&ctx, ggc.clone(), spec).await.unwrap_err();
    assert_eq!(err.code, markets::ErrorCode::InvalidInput, "{err:?}");
    assert_eq!(jobs_list(&ctx, ggc.clone()).await.unwrap().len(), 1);
    cleanup(&shell).await;
}

const WOW: &str = "550e8400-e29b-41d4-a716-446655440000";
const SERVER: &str = "aa0e8400-e29b-41d4-a716-446655440020";
const US_EAST: &str = "bb0e8400-e29b-41d4-a716-446655440021";

#[tokio::test]
async fn offers_created_from_json_and_csv_then_drafted_and_deleted_by_id() {
    require_secret_service();
    let shell = Shell::new();
    let ctx = shell.ctx();
    let ggc = demo_id(&sandbox_start_demo(&ctx).await.unwrap(), Market::GgChest);
    let json: Vec<_> = (0..3)
        .map(|i| {
            serde_json::json!({
                "offer_type": "items", "game_id": WOW, "title": format!("Job sword {i}"), "description": "bulk",
                "price": "4.99", "delivery_method": "manual", "delivery_time": "1d", "qty_total": 10, "qty_min": 1,
                "attributes": [{"id": SERVER, "option_id": US_EAST}]
            })
        })
        .collect();
    let json_file = shell.dir.path().join("offers.json");
    std::fs::write(&json_file, serde_json::to_string(&json).unwrap()).unwrap();
    let csv_file = shell.dir.path().join("offers.csv");
    std::fs::write(
        &csv_file,
        format!(
            "offer_type,game_id,title,description,price,delivery_method,delivery_time,qty_total,qty_min,attributes\n\
             items,{WOW},Job shield 0,bulk,3.50,manual,1d,5,1,{SERVER}:{US_EAST}\n\
             items,{WOW},Job shield 1,bulk,3.50,manual,1d,5,1,{SERVER}:{US_EAST}\n"
        ),
    )
    .unwrap();
    let mut created = Vec::new();
    for path in [&json_file, &csv_file] {
        let job = job_create(&ctx, ggc.clone(), JobSpec::GgcCreate { file: shell.picked(path) }).await.unwrap();
        let done = job_run(&ctx, ggc.clone(), job.id.clone()).await.unwrap();
        assert_eq!((done.status, done.failed), (JobStatus::Finished, 0), "{done:?}");
        let results = job_results(&ctx, job.id.clone()).await.unwrap();
        created.extend(results.steps.into_iter().map(|s| s.created_id.expect("created id")));
    }
    assert_eq!(created.len(), 5);
    let state = sandbox_state(&shell).await;
    let titles: Vec<&str> = created.iter().map(|id| state.ggchest_offer(id).unwrap().title.as_str()).collect();
    assert_eq!(titles, ["Job sword 0", "Job sword 1", "Job sword 2", "Job shield 0", "Job shield 1"]);

    for (action, status) in [
        (BatchAction::Draft, Some(sandbox::GgcOfferStatus::Draft)),
        (BatchAction::Delete, Some(sandbox::GgcOfferStatus::Deleted)),
    ] {
        let selection = OfferSelection { ids: created.clone(), filter: OffersFilter::default(), all: None };
        let job = job_create(&ctx, ggc.clone(), JobSpec::GgcBatch { action, selection }).await.unwrap();
        let done = job_run(&ctx, ggc.clone(), job.id.clone()).await.unwrap();
        assert_eq!((done.status, done.done, done.items_done), (JobStatus::Finished, 1, 5));
        let state = sandbox_state(&shell).await;
        for id in &created {
            let now = state.ggchest_offer(id).map(|o| o.status);
            assert!(now.is_none() || now == status, "{action:?}: {id} is {now:?}");
        }
    }
    cleanup(&shell).await;
}

async fn cleanup(shell: &Shell) {
    let ctx = shell.ctx();
    for p in list_profiles(&ctx).await.unwrap().profiles {
        delete_profile(&ctx, p.id).await.unwrap();
    }
}
