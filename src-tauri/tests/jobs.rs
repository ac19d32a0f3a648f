//! Bulk jobs through the commands, against the in-process sandbox, with a real keychain (codes
//! are journaled sealed with its key): a job runs to completion with progress events and the
//! exact sandbox state; cancel then resume; results as CSV; audit entries for single change
//! commands and for jobs.

mod common;

use std::time::Duration;

use common::{files_containing, require_secret_service, Shell};
use markets::{ggchest::OfferStatus, Decimal, Market};
use seller_desk::commands::{
    audit::{audit_export, audit_list, export_csv, ExportKind},
    gg::gg_all_products,
    ggchest::{ggc_all_offers, ggc_update_price, OffersFilter},
    ggchest_batch::BatchAction,
    job_views::{JobStatus, StepOutcome},
    jobs::{job_cancel, job_results, job_results_csv, job_retry_failed, job_run, jobs_list},
    jobs_plan::{job_create, job_preview, AdjustKind, JobSpec, OfferSelection, PriceRuleSpec},
    profiles::{delete_profile, list_profiles, ProfilesState},
    sandbox::{sandbox_start_demo, DEMO_GGCHEST_NAME},
};

fn demo_id(state: &ProfilesState, market: Market) -> String {
    state.profiles.iter().find(|p| p.market == market && p.sandbox).expect("demo profile").id.clone()
}

async fn sandbox_state(shell: &Shell) -> sandbox::State {
    shell.state.sandbox.lock().await.as_ref().expect("sandbox running").state()
}

async fn cleanup(shell: &Shell) {
    let ctx = shell.ctx();
    for p in list_profiles(&ctx).await.unwrap().profiles {
        delete_profile(&ctx, p.id).await.unwrap();
    }
}

#[tokio::test]
async fn a_reprice_job_runs_to_completion_with_progress_results_and_audit() {
    require_secret_service();
    let shell = Shell::new();
    let ctx = shell.ctx();
    let ggc = demo_id(&sandbox_start_demo(&ctx).await.unwrap(), Market::GgChest);

    // A single change command is audited: who, what, result; no job.
    let offers = ggc_all_offers(&ctx, ggc.clone(), OffersFilter::default(), "op-all".into()).await.unwrap();
    let active = offers.iter().find(|o| o.status == Some(OfferStatus::Active)).unwrap().id.clone();
    ggc_update_price(&ctx, ggc.clone(), active.clone(), "12.34".into()).await.unwrap();
    let page = audit_list(&ctx, None, None, None).await.unwrap();
    assert_eq!(page.total, 1, "{page:?}");
    let single = &page.entries[0];
    assert_eq!(single.profile, DEMO_GGCHEST_NAME);
    assert_eq!(single.endpoint, format!("PUT /v1/offers/{active}/price"));
    assert_eq!((single.result.as_str(), single.job.as_deref(), single.market.as_str()), ("done", None, "ggchest"));
    // Per profile: the GGChest profile's entries, and none under the Gaming Goods one.
    let gg = demo_id(&list_profiles(&ctx).await.unwrap(), Market::GamingGoods);
    assert_eq!(audit_list(&ctx, None, None, Some(ggc.clone())).await.unwrap().matched, 1);
    assert_eq!(audit_list(&ctx, None, None, Some(gg)).await.unwrap().matched, 0);

    // Every draft 10 % off, never under 2.00.
    let before = sandbox_state(&shell).await;
    let drafts: Vec<_> = offers.iter().filter(|o| o.status == Some(OfferStatus::Draft)).collect();
    assert!(drafts.len() >= 3);
    let rule =
        PriceRuleSpec { adjust: AdjustKind::Percent, value: "-10".into(), floor: Some("2".into()), ceiling: None };
    let selection = OfferSelection {
        ids: vec![],
        filter: OffersFilter { status: Some(OfferStatus::Draft), ..Default::default() },
        all: None,
    };
    let spec = JobSpec::GgcReprice { rule, selection };
    let plan = job_preview(&ctx, ggc.clone(), spec.clone()).await.unwrap();
    assert_eq!((plan.kind.as_str(), plan.steps), ("ggc-reprice", drafts.len() as u64));
    let created = job_create(&ctx, ggc.clone(), spec).await.unwrap();
    assert_eq!((created.status, created.total, created.done), (JobStatus::Queued, drafts.len() as u64, 0));
    assert_eq!(sandbox_state(&shell).await.ggchest.offers, before.ggchest.offers, "creating a job sends nothing");

    let summary = job_run(&ctx, ggc.clone(), created.id.clone()).await.unwrap();
    assert_eq!((summary.status, summary.done, summary.failed), (JobStatus::Finished, drafts.len() as u64, 0));

    // Progress: a report per step and a last one, done counting up to total.
    let events = shell.events.jobs();
    assert!(events.len() > drafts.len(), "{events:?}");
    assert!(events.iter().all(|p| p.job_id == created.id && p.total == drafts.len()));
    assert!(events.windows(2).all(|w| w[0].done <= w[1].done));
    let last = events.last().unwrap();
    assert!(last.finished && last.done == last.total && last.eta == Some(std::time::Duration::ZERO), "{last:?}");

    // The sandbox: exactly the drafts moved, to the rule's price; everything else unchanged.
    let after = sandbox_state(&shell).await;
    for (old, new) in before.ggchest.offers.iter().zip(&after.ggchest.offers) {
        let is_draft = drafts.iter().any(|d| d.id == old.id);
        if !is_draft {
            assert_eq!(old, new);
            continue;
        }
        let p: Decimal = old.price.parse().unwrap();
        let expected = ((p * Decimal::new(9, 1)).round_dp(2)).max(Decimal::new(200, 2));
        assert_eq!(new.price, format!("{expected:.2}"), "offer {} was {}", old.title, old.price);
    }
    let sword = after.ggchest.offers.iter().find(|o| o.title == "Legendary Sword +10").unwrap();
    assert_eq!(sword.price, "44.99");
    let coins = after.ggchest.offers.iter().find(|o| o.title == "EA FC 25 (FC Coins)").unwrap();
    assert_eq!(coins.price, "2.00", "the floor");

    // Results, and as CSV.
    let results = job_results(&ctx, created.id.clone()).await.unwrap();
    assert!(results.steps.iter().all(|s| s.outcome == StepOutcome::Done), "{results:?}");
    assert_eq!(results.items.len(), drafts.len(), "one item per offer repriced");
    assert!(results.items.iter().all(|i| i.outcome == StepOutcome::Done && i.target.starts_with("offer ")));
    let csv_path = shell.dir.path().join("results.csv");
    let rows = job_results_csv(&ctx, created.id.clone(), shell.save_to(&csv_path)).await.unwrap();
    assert_eq!(rows, drafts.len() as u64);
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "step,item,target,what,result,code,detail,created_id");
    assert_eq!(lines.len(), drafts.len() + 1);
    assert!(lines[1..].iter().all(|l| l.contains(",done,,")), "{csv}");
    assert!(csv.contains(&sword.id), "{csv}");
    assert!(job_retry_failed(&ctx, ggc.clone(), created.id.clone()).await.is_err(), "nothing failed");

    // The job's audit entries: one per step, with before → after, searchable by the job id.
    let audited = audit_list(&ctx, Some(created.id.clone()), None, None).await.unwrap();
    assert_eq!(audited.matched, drafts.len() as u64);
    let sword_entry = audited.entries.iter().find(|e| e.target.contains(&sword.id)).unwrap();
    assert_eq!(
        (sword_entry.before.clone(), sword_entry.after.clone()),
        (Some(serde_json::json!({"price": "49.99"})), Some(serde_json::json!({"price": "44.99"})))
    );
    assert!(sword_entry.result.starts_with("done") && sword_entry.outcome == "done", "{sword_entry:?}");
    assert_eq!(sword_entry.job.as_deref(), Some(created.id.as_str()));
    assert_eq!(sword_entry.profile_id.as_deref(), Some(ggc.as_str()), "the profile's id as well as its name");
    let audit_csv = shell.dir.path().join("audit.csv");
    let n = audit_export(&ctx, None, shell.save_to(&audit_csv), None).await.unwrap();
    assert_eq!(n, 1 + drafts.len() as u64);
    let text = std::fs::read_to_string(&audit_csv).unwrap();
    assert!(text.starts_with(&format!("{}\n", jobs::audit::CSV_HEADER.join(","))), "{text}");
    assert!(text.contains(r#""{""price"":""49.99""}","{""price"":""44.99""}",done"#), "{text}");

    // The jobs panel lists it; the offers export has a row per offer.
    let listed = jobs_list(&ctx, ggc.clone()).await.unwrap();
    assert_eq!(
        listed.iter().map(|j| (j.id.as_str(), j.status)).collect::<Vec<_>>(),
        [(created.id.as_str(), JobStatus::Finished)]
    );
    let export = shell.dir.path().join("offers.csv");
    let rows = export_csv(&ctx, ggc.clone(), ExportKind::GgcOffers, shell.save_to(&export)).await.unwrap();
    assert_eq!(rows, offers.len() as u64);
    assert!(std::fs::read_to_string(&export).unwrap().contains("44.99"));
    cleanup(&shell).await;
}

#[tokio::test]
async fn a_codes_job_cancelled_then_resumed_uploads_every_code_once_and_journals_none_in_clear() {
    require_secret_service();
    let shell = Shell::new();
    let ctx = shell.ctx();
    let gg = demo_id(&sandbox_start_demo(&ctx).await.unwrap(), Market::GamingGoods);
    let products = gg_all_products(&ctx, gg.clone(), "op-products".into()).await.unwrap();
    let title = |p: &markets::gg::Product, t: &str| p.title.as_deref().is_some_and(|x| x.starts_with(t));
    let cyberpunk = products.iter().find(|p| title(p, "Cyberpunk")).unwrap().id.clone();
    let witcher = products.iter().find(|p| title(p, "The Witcher")).unwrap().id.clone();
    // 1,200 + 600 codes: 3 + 2 steps of up to 500.
    let mut csv = String::from("product_id,code\n");
    for i in 0..1200 {
        csv.push_str(&format!("{cyberpunk},JOBCODE-A-{i:05}\n"));
    }
    for i in 0..600 {
        csv.push_str(&format!("{witcher},JOBCODE-B-{i:05}\n"));
    }
    let file = shell.dir.path().join("codes.csv");
    std::fs::write(&file, csv).unwrap();
    let before = sandbox_state(&shell).await;
    let (cp_before, tw_before) = (before.gg_codes(&cyberpunk).len(), before.gg_codes(&witcher).len());

    let job = job_create(&ctx, gg.clone(), JobSpec::GgUploadCodes { file: shell.picked(&file) }).await.unwrap();
    assert_eq!((job.total, job.items_total), (5, 1800));

    // Each upload answers slowly, so that the cancel lands mid-job.
    shell.state.sandbox.lock().await.as_ref().unwrap().inject(
        sandbox::Fault::new(sandbox::Market::Gg, sandbox::FaultKind::Delay { ms: 400 })
            .times(10)
            .on_path_containing("/codes"),
    );
    let run = job_run(&ctx, gg.clone(), job.id.clone());
    let cancel = async {
        while !shell.events.jobs().iter().any(|p| p.done >= 1) {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        assert!(job_cancel(&ctx, job.id.clone()).await.unwrap());
    };
    let (paused, ()) = tokio::join!(run, cancel);
    let paused = paused.unwrap();
    assert_eq!(paused.status, JobStatus::Paused, "{paused:?}");
    assert!(paused.done >= 1 && paused.done < 5, "{paused:?}");
    assert!(!job_cancel(&ctx, job.id.clone()).await.unwrap(), "no longer running");
    let listed = jobs_list(&ctx, gg.clone()).await.unwrap();
    assert_eq!(listed[0].status, JobStatus::Paused);
    let mid = sandbox_state(&shell).await;
    let uploaded = mid.gg_codes(&cyberpunk).len() + mid.gg_codes(&witcher).len() - cp_before - tw_before;
    assert_eq!(uploaded as u64, paused.items_done, "the sandbox has exactly the codes of the steps done");

    // Resume: the rest, each code exactly once.
    let done = job_run(&ctx, gg.clone(), job.id.clone()).await.unwrap();
    assert_eq!((done.status, done.done, done.failed, done.items_done), (JobStatus::Finished, 5, 0, 1800));
    let after = sandbox_state(&shell).await;
    let count = |codes: Vec<String>, prefix: &str| codes.iter().filter(|c| c.starts_with(prefix)).count();
    assert_eq!(count(after.gg_codes(&cyberpunk), "JOBCODE-A-"), 1200);
    assert_eq!(count(after.gg_codes(&witcher), "JOBCODE-B-"), 600);
    assert_eq!(after.gg_codes(&cyberpunk).len(), cp_before + 1200);

    // No code in clear in the journal or the audit log.
    assert_eq!(files_containing(&shell.data_dir(), "JOBCODE-"), Vec::<std::path::PathBuf>::new());
    let audited = audit_list(&ctx, Some(job.id.clone()), None, None).await.unwrap();
    assert_eq!(audited.matched, 5);
    cleanup(&shell).await;
}

/// Per item: 600 codes in 2 steps, 3 of them already on Gaming Goods. The results list each
/// code (masked): 597 done, 3 failed as duplicates; the CSV has a row per code and no code
/// whole; "retry the failed ones" is a job of exactly those 3 codes.
#[tokio::test]
async fn job_results_are_per_item_and_retry_takes_only_the_failed_items() {
    require_secret_service();
    let shell = Shell::new();
    let ctx = shell.ctx();
    let gg = demo_id(&sandbox_start_demo(&ctx).await.unwrap(), Market::GamingGoods);
    let products = gg_all_products(&ctx, gg.clone(), "op-products".into()).await.unwrap();
    let product =
        products.iter().find(|p| p.title.as_deref().is_some_and(|t| t.starts_with("Cyberpunk"))).unwrap().id.clone();
    let codes: Vec<String> = (0..600).map(|i| format!("ITEMCODE-{i:05}")).collect();
    let write = |name: &str, codes: &[String]| {
        let mut csv = String::from("product_id,code\n");
        for c in codes {
            csv.push_str(&format!("{product},{c}\n"));
        }
        let file = shell.dir.path().join(name);
        std::fs::write(&file, csv).unwrap();
        shell.picked(file)
    };
    let already = vec![codes[7].clone(), codes[321].clone(), codes[599].clone()];
    let first =
        job_create(&ctx, gg.clone(), JobSpec::GgUploadCodes { file: write("pre.csv", &already) }).await.unwrap();
    job_run(&ctx, gg.clone(), first.id.clone()).await.unwrap();

    let job = job_create(&ctx, gg.clone(), JobSpec::GgUploadCodes { file: write("all.csv", &codes) }).await.unwrap();
    assert_eq!((job.total, job.items_total), (2, 600));
    let done = job_run(&ctx, gg.clone(), job.id.clone()).await.unwrap();
    assert_eq!((done.status, done.done, done.items_done), (JobStatus::Finished, 2, 597), "{done:?}");

    let results = job_results(&ctx, job.id.clone()).await.unwrap();
    assert_eq!(results.items.len(), 600);
    let failed: Vec<_> = results.items.iter().filter(|i| i.outcome == StepOutcome::Failed).collect();
    assert_eq!(failed.iter().map(|i| (i.step, i.item)).collect::<Vec<_>>(), vec![(0, 7), (0, 321), (1, 99)]);
    for i in &failed {
        assert_eq!(i.code.as_deref(), Some("duplicate"));
        assert_eq!(i.detail, jobs::DUPLICATE_REASON);
        assert_eq!(i.target, format!("product {product}"));
        assert!(i.what.starts_with("code ITEM…"), "{i:?}");
    }
    assert_eq!(results.items.iter().filter(|i| i.outcome == StepOutcome::Done).count(), 597);
    assert_eq!(results.steps.iter().map(|s| s.items_failed).collect::<Vec<_>>(), vec![2, 1]);

    let csv_path = shell.dir.path().join("items.csv");
    let rows = job_results_csv(&ctx, job.id.clone(), shell.save_to(&csv_path)).await.unwrap();
    assert_eq!(rows, 600);
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    assert_eq!(
        csv.lines().filter(|l| l.contains(&format!(",failed,duplicate,{},", jobs::DUPLICATE_REASON))).count(),
        3
    );
    assert!(!csv.contains("ITEMCODE-"), "no code whole in the export");

    let retry = job_retry_failed(&ctx, gg.clone(), job.id.clone()).await.unwrap();
    assert_eq!((retry.retry_of.as_deref(), retry.total, retry.items_total), (Some(job.id.as_str()), 1, 3));
    let again = job_run(&ctx, gg.clone(), retry.id.clone()).await.unwrap();
    assert_eq!(again.status, JobStatus::Finished);
    let again = job_results(&ctx, retry.id.clone()).await.unwrap();
    assert_eq!(again.items.len(), 3);
    assert!(again.items.iter().all(|i| i.code.as_deref() == Some("duplicate")), "{again:?}");
    let count = sandbox_state(&shell).await.gg_codes(&product).iter().filter(|c| c.starts_with("ITEMCODE-")).count();
    assert_eq!(count, 600, "each code once");
    cleanup(&shell).await;
}

#[tokio::test]
async fn batch_jobs_by_filter_and_retrying_failed_steps() {
    require_secret_service();
    let shell = Shell::new();
    let ctx = shell.ctx();
    let ggc = demo_id(&sandbox_start_demo(&ctx).await.unwrap(), Market::GgChest);
    let offers = ggc_all_offers(&ctx, ggc.clone(), OffersFilter::default(), "op-all".into()).await.unwrap();
    let drafts: Vec<String> =
        offers.iter().filter(|o| o.status == Some(OfferStatus::Draft)).map(|o| o.id.clone()).collect();

    // "All offers with status draft" → activate.
    let by_filter = OfferSelection {
        ids: vec![],
        filter: OffersFilter { status: Some(OfferStatus::Draft), ..Default::default() },
        all: None,
    };
    let job = job_create(&ctx, ggc.clone(), JobSpec::GgcBatch { action: BatchAction::Activate, selection: by_filter })
        .await
        .unwrap();
    assert_eq!((job.kind.as_str(), job.total, job.items_total), ("ggc-activate", 1, drafts.len() as u64));
    let done = job_run(&ctx, ggc.clone(), job.id.clone()).await.unwrap();
    assert_eq!((done.status, done.done), (JobStatus::Finished, 1));
    let state = sandbox_state(&shell).await;
    for id in &drafts {
        assert_eq!(state.ggchest_offer(id).unwrap().status, sandbox::GgcOfferStatus::Active);
    }

    // An offer that is not there: the step fails with the reason; "retry the failed ones" makes
    // a job of that step alone.
    let missing = "01934f7e-0000-7000-8000-000000000000".to_owned();
    let spec = JobSpec::GgcReprice {
        rule: PriceRuleSpec { adjust: AdjustKind::Set, value: "5".into(), floor: None, ceiling: None },
        selection: OfferSelection { ids: vec![drafts[0].clone()], filter: OffersFilter::default(), all: None },
    };
    let job = job_create(&ctx, ggc.clone(), spec).await.unwrap();
    // The offer is deleted after planning: its step fails.
    seller_desk::commands::ggchest::ggc_delete_offer(&ctx, ggc.clone(), drafts[0].clone()).await.unwrap();
    let first = job_run(&ctx, ggc.clone(), job.id.clone()).await.unwrap();
    assert_eq!((first.status, first.done, first.failed), (JobStatus::Finished, 0, 1), "{first:?}");
    let results = job_results(&ctx, job.id.clone()).await.unwrap();
    assert_eq!(results.steps[0].outcome, StepOutcome::Failed);
    assert!(results.steps[0].code.is_some() && !results.steps[0].detail.is_empty(), "{results:?}");
    let retry = job_retry_failed(&ctx, ggc.clone(), job.id.clone()).await.unwrap();
    assert_eq!((retry.retry_of.as_deref(), retry.total, retry.status), (Some(job.id.as_str()), 1, JobStatus::Queued));
    let second = job_run(&ctx, ggc.clone(), retry.id.clone()).await.unwrap();
    assert_eq!((second.status, second.failed), (JobStatus::Finished, 1));
    let _ = missing;
    cleanup(&shell).await;
}

/// A Cancel clicked right after Start can reach the shell before `job_run` has registered the
/// job (before: ignored, the job ran to the end). Created here, the job is cancellable at once:
/// its run stops before the first step, says so, and Resume then does it all.
#[tokio::test]
async fn a_cancel_right_after_start_is_honoured() {
    require_secret_service();
    let shell = Shell::new();
    let ctx = shell.ctx();
    let state = sandbox_start_demo(&ctx).await.unwrap();
    let ggc = demo_id(&state, Market::GgChest);
    let rule = PriceRuleSpec { adjust: AdjustKind::Percent, value: "-1".into(), floor: None, ceiling: None };
    let selection = OfferSelection {
        ids: vec![],
        filter: OffersFilter { status: Some(OfferStatus::Draft), ..Default::default() },
        all: None,
    };
    let spec = JobSpec::GgcReprice { rule, selection };
    let job = job_create(&ctx, ggc.clone(), spec).await.unwrap();
    assert!(job_cancel(&ctx, job.id.clone()).await.unwrap(), "a job just created can be cancelled");
    let paused = job_run(&ctx, ggc.clone(), job.id.clone()).await.unwrap();
    assert_eq!((paused.status, paused.done), (JobStatus::Paused, 0), "{paused:?}");
    let done = job_run(&ctx, ggc.clone(), job.id.clone()).await.unwrap();
    assert_eq!(done.status, JobStatus::Finished, "{done:?}");
    cleanup(&shell).await;
}
