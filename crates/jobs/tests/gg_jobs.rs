//! Gaming Goods jobs against the sandbox, with its faults injected mid-job: each job ends with
//! exact results checked on the sandbox's state (every code exactly once).

mod common;

use std::collections::HashMap;

use common::{assert_all_done, codes, Env};
use jobs::{plan, JobKind};
use sandbox::{Fault, FaultKind, GgDeliveryType, Market, GG_KEY_A};

/// Seller A's own AUTO listings (codes can be uploaded only there).
fn auto_listings(env: &Env) -> Vec<String> {
    let state = env.sandbox.state();
    state
        .gg_products_of(GG_KEY_A)
        .into_iter()
        .filter(|p| p.delivery_type == GgDeliveryType::Auto)
        .map(|p| p.id.clone())
        .collect()
}

fn counts(list: &[String]) -> HashMap<&str, usize> {
    let mut m = HashMap::new();
    for c in list {
        *m.entry(c.as_str()).or_insert(0) += 1;
    }
    m
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn codes_upload_survives_every_fault_with_each_code_once() {
    let env = Env::start().await;
    let products = auto_listings(&env);
    let (a, b) = (&products[0], &products[1]);
    let before_a = env.sandbox.state().gg_codes(a);
    let before_b = env.sandbox.state().gg_codes(b);
    let new_a = codes("UPA", 1_700);
    let new_b = codes("UPB", 300);
    let mut csv = String::from("product_id,code\n");
    for c in &new_a {
        csv.push_str(&format!("{a},{c}\n"));
    }
    for c in &new_b {
        csv.push_str(&format!("{b},{c}\n{b},{c}\n")); // repeats are dropped by the plan
    }
    let parsed = plan::gg::group_product_codes(
        &desk::files::all_or_nothing(desk::files::gg_product_codes::parse(&csv), "codes.csv", "codes").unwrap(),
    );
    assert_eq!((parsed.codes, parsed.duplicates), (2_000, 300));
    let ops = plan::gg::upload_codes(&parsed);
    assert_eq!(ops.len(), 5);

    let on_codes = |kind| Fault::new(Market::Gg, kind).on_method("POST").on_path_containing("/codes");
    env.sandbox.inject(on_codes(FaultKind::RateLimited { retry_after_secs: 1 }));
    env.sandbox.inject(on_codes(FaultKind::Unavailable));
    env.sandbox.inject(on_codes(FaultKind::DropBeforeApply));
    env.sandbox.inject(on_codes(FaultKind::DropAfterApply));
    env.sandbox.inject(on_codes(FaultKind::Delay { ms: 300 }));
    let client = env.gg();
    let (path, state) = env.run(&client, JobKind::GgUploadCodes, ops).await;
    assert_all_done(&state);
    assert!(env.sandbox.pending_faults().is_empty(), "every fault was met");
    // The upload whose answer was lost was read back (GG named its codes as already stored).
    let notes: Vec<String> = jobs::Results::of(&state).items.into_iter().map(|r| r.detail).collect();
    assert!(notes.iter().any(|n| n.contains("already there")), "{notes:?}");

    let after = env.sandbox.state();
    let got_a = after.gg_codes(a);
    let got_b = after.gg_codes(b);
    assert_eq!(got_a.len(), before_a.len() + new_a.len());
    assert_eq!(got_b.len(), before_b.len() + new_b.len());
    for (code, n) in counts(&got_a).into_iter().chain(counts(&got_b)) {
        assert_eq!(n, 1, "{code} stored {n} times");
    }
    assert!(new_a.iter().all(|c| got_a.contains(c)) && new_b.iter().all(|c| got_b.contains(c)));

    // Codes never appear in clear in the journal or the audit log (its entries, nor anywhere
    // in the store's files), nor does the API key.
    let journal = std::fs::read_to_string(&path).unwrap();
    let entries = jobs::audit::AuditLog::in_dir(&env.dir()).entries().unwrap();
    assert!(!entries.is_empty());
    assert!(entries.iter().all(|e| e.job.as_deref() == Some(state.header.id.as_str())), "each step names its job");
    let audit = serde_json::to_string(&entries).unwrap();
    let stored = env.store_bytes();
    for text in [&journal, &audit, &stored] {
        assert!(!text.contains("UPA-") && !text.contains("UPB-"), "a code leaked:\n{text}");
        assert!(!text.contains(GG_KEY_A), "the key leaked");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offers_added_once_despite_a_lost_answer() {
    let env = Env::start().await;
    let catalog: Vec<String> = env
        .sandbox
        .state()
        .gg
        .products
        .iter()
        .filter(|p| p.owner != GG_KEY_A && p.on_sale())
        .take(3)
        .map(|p| p.id.clone())
        .collect();
    let mut csv = String::from("product_id,price_cents,code\n");
    for (n, p) in catalog.iter().enumerate() {
        for c in codes(&format!("OF{n}"), 40) {
            csv.push_str(&format!("{p},{},{c}\n", 500 + n));
        }
    }
    let ops = plan::gg::add_offers(
        &desk::files::all_or_nothing(desk::files::gg_offers::parse(&csv), "offers.csv", "offers").unwrap(),
    );
    assert_eq!(ops.len(), 3);
    env.sandbox.inject(Fault::new(Market::Gg, FaultKind::DropAfterApply).on_method("POST").times(2));
    let client = env.gg();
    let (_, state) = env.run(&client, JobKind::GgAddOffers, ops).await;
    assert_all_done(&state);
    let after = env.sandbox.state();
    let mine = after.gg_offers_of(GG_KEY_A);
    for (n, p) in catalog.iter().enumerate() {
        let on_p: Vec<_> = mine.iter().filter(|o| &o.product_id == p && o.code.starts_with("OF")).collect();
        assert_eq!(on_p.len(), 40, "product {p}");
        assert!(on_p.iter().all(|o| o.price_cents == 500 + n as u64));
        let uniq: std::collections::HashSet<_> = on_p.iter().map(|o| &o.code).collect();
        assert_eq!(uniq.len(), 40);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reprice_by_percent_with_a_floor_and_a_lost_answer() {
    let env = Env::start().await;
    let client = env.gg();
    let before: Vec<(String, u64)> = env
        .sandbox
        .state()
        .gg_offers_of(GG_KEY_A)
        .iter()
        .filter(|o| !o.sold)
        .map(|o| (o.product_id.clone(), o.price_cents))
        .collect();
    assert!(!before.is_empty(), "seller A has seeded offers");
    let rule = plan::PriceRule {
        adjust: plan::Adjust::Percent("-10".parse().unwrap()),
        floor: Some("1.00".parse().unwrap()),
        ceiling: None,
    };
    let jobs::Client::Gg(gg) = &client else { unreachable!() };
    let ops = plan::gg::reprice(gg, &rule, &[]).await.unwrap();
    assert!(!ops.is_empty());
    env.sandbox.inject(Fault::new(Market::Gg, FaultKind::DropAfterApply).on_method("PATCH"));
    env.sandbox.inject(Fault::new(Market::Gg, FaultKind::Unavailable).on_method("PATCH"));
    let (_, state) = env.run(&client, JobKind::GgReprice, ops).await;
    assert_all_done(&state);
    let after = env.sandbox.state();
    let unsold: Vec<_> = after.gg_offers_of(GG_KEY_A).into_iter().filter(|o| !o.sold).collect();
    for ((product, old), o) in before.iter().zip(unsold.iter()) {
        assert_eq!(&o.product_id, product);
        let expected = ((*old as f64) * 0.9).round().max(100.0) as u64;
        assert_eq!(o.price_cents, expected, "product {product} was {old}");
    }
    // The audit log has each step with its job, the price before and after, as JSON.
    let entries = jobs::audit::AuditLog::in_dir(&env.dir()).entries().unwrap();
    let done: Vec<_> = entries.iter().filter(|e| e.outcome == "done").collect();
    assert!(!done.is_empty());
    for e in &done {
        assert_eq!(e.job.as_deref(), Some(state.header.id.as_str()));
        assert_eq!(e.profile_id.as_deref(), Some("profile-test"));
        assert_eq!(e.endpoint, "PATCH /seller/offers/{id}/price");
        let (b, a) = (
            e.before.as_ref().unwrap()["price_cents"].as_u64().unwrap(),
            e.after.as_ref().unwrap()["price_cents"].as_u64(),
        );
        assert_eq!(a, Some(((b as f64) * 0.9).round().max(100.0) as u64), "{e:?}");
    }
}

/// An answer slower than the client's timeout: the upload may have been applied (the sandbox
/// finishes it), so it is read back, never blindly repeated.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_timed_out_upload_is_read_back() {
    let env = Env::start().await;
    let product = auto_listings(&env)[0].clone();
    let config = common::config(markets::Market::GamingGoods, &env.sandbox.gg_base_url(), GG_KEY_A)
        .with_timeout(std::time::Duration::from_millis(300));
    let client = jobs::Client::Gg(markets::gg::GgClient::new(config).unwrap());
    let ops: Vec<jobs::Op> = (0..3)
        .map(|s| jobs::Op::GgUploadCodes { product_id: product.clone(), codes: codes(&format!("TO{s}"), 10) })
        .collect();
    env.sandbox.inject(Fault::new(Market::Gg, FaultKind::Delay { ms: 800 }).on_method("POST"));
    let (_, state) = env.run(&client, JobKind::GgUploadCodes, ops).await;
    assert_all_done(&state);
    // The sandbox applies the slow request when its delay ends; wait for it before looking.
    tokio::time::sleep(std::time::Duration::from_millis(900)).await;
    let stored = env.sandbox.state().gg_codes(&product);
    let ours: Vec<_> = stored.iter().filter(|c| c.starts_with("TO")).collect();
    assert_eq!(ours.len(), 30, "each code once");
    let unique: std::collections::HashSet<_> = ours.iter().collect();
    assert_eq!(unique.len(), 30);
}

/// Per-item results: 600 codes in 2 steps, 3 of them already on Gaming Goods before the job.
/// GG refuses each request naming its duplicates; the rest go through: 597 done, the 3 failed
/// with the duplicate reason (codes masked), and "retry the failed ones" is a job of exactly
/// those 3 codes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn codes_already_on_the_marketplace_fail_one_by_one_and_only_they_are_retried() {
    let env = Env::start().await;
    let product = auto_listings(&env)[0].clone();
    let client = env.gg();
    let all = codes("PI", 600);
    let already = vec![all[10].clone(), all[250].clone(), all[550].clone()];
    let pre = jobs::Op::GgUploadCodes { product_id: product.clone(), codes: already.clone() };
    let (_, first) = env.run(&client, JobKind::GgUploadCodes, vec![pre]).await;
    assert_all_done(&first);

    let mut csv = String::from("product_id,code\n");
    for c in &all {
        csv.push_str(&format!("{product},{c}\n"));
    }
    let ops = plan::gg::upload_codes(&plan::gg::group_product_codes(
        &desk::files::all_or_nothing(desk::files::gg_product_codes::parse(&csv), "codes.csv", "codes").unwrap(),
    ));
    assert_eq!(ops.len(), 2);
    let (path, state) = env.run(&client, JobKind::GgUploadCodes, ops).await;
    // Without the journal key the outcomes are there, the codes by position only.
    let sealed = jobs::Results::of(&state);
    assert_eq!((sealed.count(jobs::Outcome::Done), sealed.count(jobs::Outcome::Failed)), (597, 3));
    assert_eq!(
        sealed.filtered(&[jobs::Outcome::Failed])[0].what,
        "upload 500 codes to product ".to_owned() + &product + ": item 11 of 500 (sealed)"
    );
    let mut unsealed = state.clone();
    unsealed.unseal(Some(&env.key), &path).unwrap();
    let results = jobs::Results::of(&unsealed);
    assert_eq!(results.items.len(), 600);
    assert_eq!(results.count(jobs::Outcome::Done), 597);
    assert_eq!(results.count(jobs::Outcome::Failed), 3);
    assert_eq!(results.failed_items(), vec![(0, 10), (0, 250), (1, 50)]);
    for r in results.filtered(&[jobs::Outcome::Failed]) {
        assert_eq!(r.code.as_deref(), Some("duplicate"));
        assert_eq!(r.detail, jobs::DUPLICATE_REASON);
        assert_eq!(r.target, format!("product {product}"));
        assert!(r.what.starts_with("code PI…"), "{}", r.what);
    }
    assert!(results.items.iter().filter(|r| r.outcome == jobs::Outcome::Done).all(|r| r.detail == "added"));
    assert!(results.steps.iter().all(|s| s.outcome == jobs::Outcome::Done));
    assert_eq!(results.steps[0].items_failed, 2);
    // The CSV is per item, and no code in it is whole.
    let text = results.to_csv();
    assert_eq!(text.lines().count(), 601);
    assert!(!all.iter().any(|c| text.contains(c.as_str())), "a code leaked");
    let journal = std::fs::read_to_string(&path).unwrap();
    assert!(!journal.contains("PI-"), "a code leaked in the journal");
    // Each code once on the marketplace.
    let stored = env.sandbox.state().gg_codes(&product);
    assert_eq!(stored.iter().filter(|c| c.starts_with("PI-")).count(), 600);
    assert!(counts(&stored).values().all(|n| *n == 1));

    // Retry the failed ones: exactly the 3 codes, in one step.
    let retry_ops = plan::failed_item_ops(&unsealed).unwrap();
    assert_eq!(retry_ops, vec![jobs::Op::GgUploadCodes { product_id: product.clone(), codes: already.clone() }]);
    let (header, retry_path) = plan::retry_failed(&env.dir(), &unsealed, Some(&env.key)).unwrap();
    assert_eq!((header.steps, header.retry_of.as_deref()), (1, Some(state.header.id.as_str())));
    let again = jobs::run_job(&retry_path, &client, &env.options()).await.unwrap();
    let again = jobs::Results::of(&again);
    assert_eq!(again.items.len(), 3);
    // Still on the marketplace before the job: they fail again, the same way.
    assert_eq!(again.count(jobs::Outcome::Failed), 3);
}

/// The contract-fidelity report's case against the sandbox: units of one product at 1000, 1000
/// and 950 cents, 5 % off, end at 950, 950 and 903 (before: all three at 903, the second PATCH
/// catching the units the first had just moved).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tiered_reprice_moves_each_unit_once() {
    let env = Env::start().await;
    let client = env.gg();
    let product =
        env.sandbox.state().gg.products.iter().find(|p| p.owner != GG_KEY_A && p.on_sale()).unwrap().id.clone();
    let mut csv = String::from("product_id,price_cents,code\n");
    for (price, code) in [(1000, "TIER-A"), (1000, "TIER-B"), (950, "TIER-C")] {
        csv.push_str(&format!("{product},{price},{code}\n"));
    }
    let (_, state) = env
        .run(
            &client,
            JobKind::GgAddOffers,
            plan::gg::add_offers(
                &desk::files::all_or_nothing(desk::files::gg_offers::parse(&csv), "offers.csv", "offers").unwrap(),
            ),
        )
        .await;
    assert_all_done(&state);
    let rule = plan::PriceRule { adjust: plan::Adjust::Percent("-5".parse().unwrap()), floor: None, ceiling: None };
    let jobs::Client::Gg(gg) = &client else { unreachable!() };
    let ops = plan::gg::reprice(gg, &rule, std::slice::from_ref(&product)).await.unwrap();
    let (_, state) = env.run(&client, JobKind::GgReprice, ops).await;
    assert_all_done(&state);
    let after = env.sandbox.state();
    let price = |code: &str| after.gg_offers_of(GG_KEY_A).iter().find(|o| o.code == code).unwrap().price_cents;
    assert_eq!((price("TIER-A"), price("TIER-B"), price("TIER-C")), (950, 950, 903));
}

/// When a reprice step fails, a later one that would move units into its price group is not
/// sent ("blocked"): sent, it would merge the two groups for good.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reprice_step_waits_for_the_one_it_depends_on() {
    let env = Env::start().await;
    let client = env.gg();
    let product =
        env.sandbox.state().gg.products.iter().find(|p| p.owner != GG_KEY_A && p.on_sale()).unwrap().id.clone();
    let csv = format!("product_id,price_cents,code\n{product},1000,DEP-A\n{product},950,DEP-B\n");
    env.run(
        &client,
        JobKind::GgAddOffers,
        plan::gg::add_offers(
            &desk::files::all_or_nothing(desk::files::gg_offers::parse(&csv), "offers.csv", "offers").unwrap(),
        ),
    )
    .await;
    // 950 → 0 is refused by the marketplace (price must be positive); then 1000 → 950 must wait.
    let ops = vec![
        jobs::Op::GgReprice { product_id: product.clone(), old_cents: 950, new_cents: 0 },
        jobs::Op::GgReprice { product_id: product.clone(), old_cents: 1000, new_cents: 950 },
    ];
    let (_, state) = env.run(&client, JobKind::GgReprice, ops).await;
    assert!(matches!(&state.steps[1].state, jobs::StepState::Failed { code, .. } if code == "blocked"), "{state:?}");
    let after = env.sandbox.state();
    let price = |code: &str| after.gg_offers_of(GG_KEY_A).iter().find(|o| o.code == code).unwrap().price_cents;
    assert_eq!((price("DEP-A"), price("DEP-B")), (1000, 950), "nothing merged");
}

/// Gaming Goods' 422 for duplicate codes has no documented wording. In each wording the
/// sandbox can give (every code named, only the first, none), a job uploading 3 new codes and
/// 1 already there uploads the 3 and fails the 1 — and a resend after a lost answer counts the
/// codes it had stored as done.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn duplicates_are_set_aside_in_every_wording() {
    for wording in
        [sandbox::DuplicateWording::List, sandbox::DuplicateWording::FirstOnly, sandbox::DuplicateWording::Unnamed]
    {
        let env = Env::start().await;
        env.sandbox.set_duplicate_wording(wording);
        let product = auto_listings(&env)[0].clone();
        let client = env.gg();
        let pre = jobs::Op::GgUploadCodes { product_id: product.clone(), codes: vec!["WD-2".into()] };
        env.run(&client, JobKind::GgUploadCodes, vec![pre]).await;
        let all: Vec<String> = ["WD-1", "WD-2", "WD-3", "WD-4"].iter().map(|s| s.to_string()).collect();
        let op = jobs::Op::GgUploadCodes { product_id: product.clone(), codes: all.clone() };
        let (path, state) = env.run(&client, JobKind::GgUploadCodes, vec![op]).await;
        let results = jobs::Results::of(&state);
        assert_eq!(
            (results.count(jobs::Outcome::Done), results.count(jobs::Outcome::Failed)),
            (3, 1),
            "{wording:?}: {state:?}"
        );
        let journal = std::fs::read_to_string(&path).unwrap();
        assert!(!journal.contains("WD-"), "{wording:?}: a code in clear in the journal");
        let stored = env.sandbox.state().gg_codes(&product);
        assert!(all.iter().all(|c| stored.iter().filter(|s| *s == c).count() == 1), "{wording:?}: {stored:?}");

        // A lost answer: the codes were stored; the resend finds each already there.
        let more: Vec<String> = (5..=8).map(|n| format!("WD-{n}")).collect();
        env.sandbox
            .inject(Fault::new(Market::Gg, FaultKind::DropAfterApply).on_method("POST").on_path_containing("/codes"));
        let op = jobs::Op::GgUploadCodes { product_id: product.clone(), codes: more.clone() };
        let (_, state) = env.run(&client, JobKind::GgUploadCodes, vec![op]).await;
        assert_all_done(&state);
        let results = jobs::Results::of(&state);
        assert_eq!(results.count(jobs::Outcome::Failed), 0, "{wording:?}: {state:?}");
        let stored = env.sandbox.state().gg_codes(&product);
        assert!(more.iter().all(|c| stored.iter().filter(|s| *s == c).count() == 1), "{wording:?}");
    }
}
