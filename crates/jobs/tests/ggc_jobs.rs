//! GGChest jobs against the sandbox with faults mid-job: creates, batches of any size,
//! repricing and accounts imports end with exact results on the sandbox's state.

mod common;

use common::{assert_all_done, Env};
use jobs::{plan, BatchAction, Client, JobKind};
use sandbox::{Fault, FaultKind, GgcOfferStatus, Market, GGCHEST_KEY_A};
use serde_json::json;

const WOW: &str = "550e8400-e29b-41d4-a716-446655440000";
const SERVER: &str = "aa0e8400-e29b-41d4-a716-446655440020";
const US_EAST: &str = "bb0e8400-e29b-41d4-a716-446655440021";

fn items_offers(n: usize, tag: &str) -> String {
    let offers: Vec<_> = (0..n)
        .map(|i| {
            json!({
                "offer_type": "items", "game_id": WOW, "title": format!("{tag} sword {i:03}"),
                "description": "bulk", "price": "4.99", "delivery_method": "manual", "delivery_time": "1d",
                "qty_total": 10, "qty_min": 1, "attributes": [{"id": SERVER, "option_id": US_EAST}]
            })
        })
        .collect();
    serde_json::to_string(&offers).unwrap()
}

/// The steps creating the offers of a JSON file, as job planning reads it.
fn creates(json: &str) -> Vec<jobs::Op> {
    let parsed = desk::files::ggc_creates::parse_json(json, "offers.json").unwrap();
    desk::files::ggc_creates::for_job(parsed, "offers.json").unwrap().ops
}

fn ggc(client: &Client) -> &markets::ggchest::GgcClient {
    match client {
        Client::Ggc(c) => c,
        Client::Gg(_) => unreachable!(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_then_activate_draft_delete_in_batches_of_100_with_lost_answers() {
    let env = Env::start().await;
    let client = env.ggc();
    let ops = creates(&items_offers(130, "Bulk"));
    let on =
        |kind, method: &str, path: &str| Fault::new(Market::GgChest, kind).on_method(method).on_path_containing(path);
    env.sandbox.inject(on(FaultKind::DropAfterApply, "POST", "/v1/offers/items").times(2));
    env.sandbox.inject(on(FaultKind::DropBeforeApply, "POST", "/v1/offers/items"));
    env.sandbox.inject(on(FaultKind::RateLimited { retry_after_secs: 1 }, "POST", "/v1/offers/items"));
    let (_, created) = env.run(&client, JobKind::GgcCreate, ops).await;
    assert_all_done(&created);
    let state = env.sandbox.state();
    let mine: Vec<_> =
        state.ggchest_offers_of(GGCHEST_KEY_A).into_iter().filter(|o| o.title.starts_with("Bulk sword")).collect();
    assert_eq!(mine.len(), 130, "each offer created exactly once");
    let mut titles: Vec<_> = mine.iter().map(|o| o.title.clone()).collect();
    titles.sort();
    titles.dedup();
    assert_eq!(titles.len(), 130);
    let ids: Vec<String> = created.created_ids();
    assert_eq!(ids.len(), 130);

    for (action, status) in [
        (BatchAction::Activate, GgcOfferStatus::Active),
        (BatchAction::Draft, GgcOfferStatus::Draft),
        (BatchAction::Delete, GgcOfferStatus::Deleted),
    ] {
        let ops = plan::ggc::batch(action, &ids);
        assert_eq!(ops.len(), 2, "130 ids go in 2 requests");
        env.sandbox.inject(Fault::new(Market::GgChest, FaultKind::DropAfterApply).on_path_containing("/v1/offers"));
        env.sandbox.inject(Fault::new(Market::GgChest, FaultKind::Unavailable).on_path_containing("/v1/offers"));
        let kind = match action {
            BatchAction::Activate => JobKind::GgcActivate,
            BatchAction::Draft => JobKind::GgcDraft,
            BatchAction::Delete => JobKind::GgcDelete,
        };
        let (_, done) = env.run(&client, kind, ops).await;
        assert_all_done(&done);
        let state = env.sandbox.state();
        for id in &ids {
            assert_eq!(state.ggchest_offer(id).unwrap().status, status, "{action:?} {id}");
        }
    }
    assert_eq!(env.count_429(), 1, "only the injected 429: the pace itself never meets one");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reprice_by_amount_within_a_ceiling_reads_back_a_lost_answer() {
    let env = Env::start().await;
    let client = env.ggc();
    let before: Vec<(String, String)> = env
        .sandbox
        .state()
        .ggchest_offers_of(GGCHEST_KEY_A)
        .iter()
        .filter(|o| o.status != GgcOfferStatus::Deleted)
        .map(|o| (o.id.clone(), o.price.clone()))
        .collect();
    let rule = plan::PriceRule {
        adjust: plan::Adjust::Amount("1.00".parse().unwrap()),
        floor: None,
        ceiling: Some("50".parse().unwrap()),
    };
    let ids: Vec<String> = before.iter().map(|(id, _)| id.clone()).collect();
    let ops = plan::ggc::reprice(ggc(&client), &rule, &ids, &Default::default()).await.unwrap();
    env.sandbox.inject(Fault::new(Market::GgChest, FaultKind::DropAfterApply).on_method("PUT").times(2));
    env.sandbox.inject(Fault::new(Market::GgChest, FaultKind::Delay { ms: 300 }).on_method("PUT"));
    let (_, state) = env.run(&client, JobKind::GgcReprice, ops).await;
    assert_all_done(&state);
    let after = env.sandbox.state();
    for (id, old) in &before {
        let old: rust_decimal::Decimal = old.parse().unwrap();
        let want = (old + rust_decimal::Decimal::ONE).min("50".parse().unwrap());
        let got: rust_decimal::Decimal = after.ggchest_offer(id).unwrap().price.parse().unwrap();
        assert_eq!(got, want, "offer {id}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accounts_import_adds_each_account_once() {
    let env = Env::start().await;
    let client = env.ggc();
    let offer = env
        .sandbox
        .state()
        .ggchest_offers_of(GGCHEST_KEY_A)
        .into_iter()
        .find(|o| o.offer_type == sandbox::GgcOfferType::Accounts && o.status != GgcOfferStatus::Deleted)
        .cloned()
        .expect("a seeded accounts offer");
    let mut csv = String::from("login,password,description\n");
    for i in 0..250 {
        csv.push_str(&format!("bulk{i:03},Secret-{i:03}!,imported\n"));
    }
    let accounts =
        desk::files::all_or_nothing(desk::files::accounts::parse(&csv, "a.csv").unwrap(), "a.csv", "accounts").unwrap();
    let ops = plan::ggc::import_accounts(&offer.id, &accounts);
    assert_eq!(ops.len(), 3);
    env.sandbox.inject(
        Fault::new(Market::GgChest, FaultKind::DropAfterApply).on_method("PUT").on_path_containing("/accounts/"),
    );
    let (path, state) = env.run(&client, JobKind::GgcImportAccounts, ops).await;
    assert_all_done(&state);
    let after = env.sandbox.state();
    let stored = after.ggchest_offer(&offer.id).unwrap();
    let logins: Vec<_> = stored.accounts.iter().filter(|a| a.login.starts_with("bulk")).map(|a| &a.login).collect();
    assert_eq!(logins.len(), 250);
    let uniq: std::collections::HashSet<_> = logins.iter().collect();
    assert_eq!(uniq.len(), 250);
    assert_eq!(stored.qty_total, offer.qty_total + 250);
    let journal = std::fs::read_to_string(&path).unwrap();
    assert!(!journal.contains("Secret-") && !journal.contains("bulk0"), "credentials leaked into the journal");

    // Results per account, by login (with the key), never the password.
    let mut unsealed = state.clone();
    unsealed.unseal(Some(&env.key), &path).unwrap();
    let results = jobs::Results::of(&unsealed);
    assert_eq!(results.items.len(), 250);
    assert_eq!(results.items[0].what, "account bulk000");
    assert_eq!(results.items[249].target, format!("offer {}", offer.id));
    assert_eq!(results.count(jobs::Outcome::Done), 250);
    assert!(!results.to_csv().contains("Secret-"), "a password in the results");
    // The audit log counts the accounts; no password, login or key in its entries or the store.
    let entries = jobs::audit::AuditLog::in_dir(&env.dir()).entries().unwrap();
    assert_eq!(entries.iter().filter(|e| e.outcome == "done").count(), 3);
    assert!(entries.iter().all(|e| e.after.as_ref().is_some_and(|a| a["accounts_added"].is_u64())));
    let audit = serde_json::to_string(&entries).unwrap();
    let stored = env.store_bytes();
    assert!(stored.contains("accounts_added"), "the store's files are where the entries are");
    for text in [&audit, &stored] {
        assert!(!text.contains("Secret-") && !text.contains("bulk0"), "credentials leaked into the audit log");
        assert!(!text.contains(GGCHEST_KEY_A), "the key leaked into the audit log");
    }
}

/// A GGChest batch is taken or refused whole: a chunk with an offer that is not there fails,
/// and each of its ids fails with the reason; the other chunk's ids are done. Retrying takes
/// just the failed ids.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_batch_chunk_fails_each_of_its_ids() {
    let env = Env::start().await;
    let client = env.ggc();
    let live: Vec<String> = env
        .sandbox
        .state()
        .ggchest_offers_of(GGCHEST_KEY_A)
        .into_iter()
        .filter(|o| o.status == GgcOfferStatus::Draft)
        .map(|o| o.id.clone())
        .collect();
    assert!(live.len() >= 3, "seeded drafts");
    let missing = "01934f7e-0000-7000-8000-000000000000".to_owned();
    let ops = vec![
        jobs::Op::GgcBatch { action: BatchAction::Activate, offer_ids: vec![live[0].clone(), missing.clone()] },
        jobs::Op::GgcBatch { action: BatchAction::Activate, offer_ids: live[1..3].to_vec() },
    ];
    let (_, state) = env.run(&client, JobKind::GgcActivate, ops).await;
    let results = jobs::Results::of(&state);
    assert_eq!(results.failed_items(), vec![(0, 0), (0, 1)]);
    let failed = results.filtered(&[jobs::Outcome::Failed]);
    assert_eq!(failed[1].target, format!("offer {missing}"));
    assert!(failed.iter().all(|r| r.code.as_deref() == Some("not_found") && !r.detail.is_empty()), "{failed:?}");
    let done = results.filtered(&[jobs::Outcome::Done]);
    assert_eq!(
        done.iter().map(|r| r.target.clone()).collect::<Vec<_>>(),
        vec![format!("offer {}", live[1]), format!("offer {}", live[2])]
    );
    assert!(done.iter().all(|r| r.detail == "activated"));
    assert_eq!(
        plan::failed_item_ops(&state).unwrap(),
        vec![jobs::Op::GgcBatch { action: BatchAction::Activate, offer_ids: vec![live[0].clone(), missing] }]
    );
}

/// A create whose answer comes after the client gave up is read back (after the settle delay),
/// not created twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_timed_out_create_is_not_created_twice() {
    let env = Env::start().await;
    let config = common::config(markets::Market::GgChest, &env.sandbox.ggchest_base_url(), GGCHEST_KEY_A)
        .with_timeout(std::time::Duration::from_millis(300));
    let client = Client::Ggc(markets::ggchest::GgcClient::new(config).unwrap());
    let ops = creates(&items_offers(3, "Slow"));
    env.sandbox.inject(Fault::new(Market::GgChest, FaultKind::Delay { ms: 700 }).on_method("POST"));
    let (_, state) = env.run(&client, JobKind::GgcCreate, ops).await;
    assert_all_done(&state);
    let titles: Vec<_> = env
        .sandbox
        .state()
        .ggchest_offers_of(GGCHEST_KEY_A)
        .iter()
        .filter(|o| o.title.starts_with("Slow sword"))
        .map(|o| o.title.clone())
        .collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
}
