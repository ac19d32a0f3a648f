//! Cancel, resume, crashes between `sent` and the outcome, one runner at a time, sealed steps,
//! the keychain's journal key, and the audit log.

mod common;

use std::sync::{Arc, Mutex};

use common::{assert_all_done, codes, Env};
use jobs::{audit::AuditLog, plan, JobKind, JobStatus, Journal, JournalKey, Op, Record, RunOptions};
use sandbox::{GgDeliveryType, GG_KEY_A};

fn first_auto_listing(env: &Env) -> String {
    env.sandbox
        .state()
        .gg_products_of(GG_KEY_A)
        .into_iter()
        .find(|p| p.delivery_type == GgDeliveryType::Auto)
        .unwrap()
        .id
        .clone()
}

fn upload_ops(product: &str, n_steps: usize) -> Vec<Op> {
    (0..n_steps)
        .map(|s| Op::GgUploadCodes { product_id: product.to_owned(), codes: codes(&format!("RS{s}"), 20) })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_stops_before_the_next_step_and_resume_finishes_the_rest() {
    let env = Env::start().await;
    let product = first_auto_listing(&env);
    let client = env.gg();
    let (_, path) = plan::create_job(
        &env.dir(),
        JobKind::GgUploadCodes,
        &env.target(&client),
        upload_ops(&product, 6),
        Some(&env.key),
        None,
    )
    .unwrap();
    let mut opts = env.options();
    let cancel = opts.cancel.clone();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let seen2 = seen.clone();
    opts.on_progress = Some(Box::new(move |p| {
        seen2.lock().unwrap().push(p.clone());
        if p.done == 2 {
            cancel.cancel();
        }
    }));
    let paused = jobs::run_job(&path, &client, &opts).await.unwrap();
    assert_eq!(paused.status, JobStatus::Paused);
    assert_eq!(paused.done(), 2);
    // Per item: the codes of the steps not sent are "not sent" (resume sends them).
    let r = jobs::Results::of(&paused);
    assert_eq!((r.count(jobs::Outcome::Done), r.count(jobs::Outcome::NotSent)), (40, 80));
    assert_eq!(env.sandbox.state().gg_codes(&product).iter().filter(|c| c.starts_with("RS")).count(), 40);
    let progress = seen.lock().unwrap().clone();
    assert_eq!(progress.first().unwrap().total, 6);
    assert!(progress.iter().any(|p| p.eta.is_some()));

    let done = jobs::run_job(&path, &client, &env.options()).await.unwrap();
    assert_all_done(&done);
    let stored = env.sandbox.state().gg_codes(&product);
    assert_eq!(stored.iter().filter(|c| c.starts_with("RS")).count(), 120, "nothing lost, nothing twice");
}

/// A crash after `sent` and after the marketplace applied the step, before `done`: resume
/// reads back instead of sending the same codes again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_step_sent_before_a_crash_is_read_back_not_repeated() {
    let env = Env::start().await;
    let product = first_auto_listing(&env);
    let client = env.gg();
    let ops = upload_ops(&product, 2);
    let (_, path) =
        plan::create_job(&env.dir(), JobKind::GgUploadCodes, &env.target(&client), ops.clone(), Some(&env.key), None)
            .unwrap();
    // What the crashed run did: journaled `sent` for step 0, and the marketplace applied it.
    let mut journal = Journal::open(&path).unwrap();
    journal.append(&Record::Sent { i: 0, at: jobs::now_rfc3339(), before: None }).unwrap();
    // …and a torn half line from the moment of the kill.
    drop(journal);
    std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, b"{\"t\":\"done\",\"i\":0,\"at"))
        .unwrap();
    let jobs::Client::Gg(gg) = &client else { unreachable!() };
    let Op::GgUploadCodes { codes, .. } = &ops[0] else { unreachable!() };
    gg.upload_codes(&product, codes).await.unwrap();

    let done = jobs::run_job(&path, &client, &env.options()).await.unwrap();
    assert_all_done(&done);
    let results = jobs::Results::of(&done);
    assert!(results.items[0].detail.contains("already there"), "{:?}", results.items[0]);
    let stored = env.sandbox.state().gg_codes(&product);
    assert_eq!(stored.iter().filter(|c| c.starts_with("RS")).count(), 40);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_runner_at_a_time_and_sealed_steps_need_the_key() {
    let env = Env::start().await;
    let product = first_auto_listing(&env);
    let client = env.gg();
    let (_, path) = plan::create_job(
        &env.dir(),
        JobKind::GgUploadCodes,
        &env.target(&client),
        upload_ops(&product, 1),
        Some(&env.key),
        None,
    )
    .unwrap();
    // Another process holds the job.
    let mut held = fd_lock::RwLock::new(std::fs::File::open(&path).unwrap());
    let guard = held.try_write().unwrap();
    let busy = jobs::run_job(&path, &client, &env.options()).await.unwrap_err();
    assert_eq!(busy.code(), markets::ErrorCode::JobBusy);
    drop(guard);

    let no_key = RunOptions { key: None, ..env.options() };
    assert_eq!(jobs::run_job(&path, &client, &no_key).await.unwrap_err().code(), markets::ErrorCode::JournalKeyLost);
    let wrong_key = RunOptions { key: Some(JournalKey::ephemeral()), ..env.options() };
    assert_eq!(jobs::run_job(&path, &client, &wrong_key).await.unwrap_err().code(), markets::ErrorCode::JournalKeyLost);
    // Without a key, a job with codes is not even written.
    let refused =
        plan::create_job(&env.dir(), JobKind::GgUploadCodes, &env.target(&client), upload_ops(&product, 1), None, None);
    assert_eq!(refused.unwrap_err().code(), markets::ErrorCode::KeychainUnavailable);
    // Another market's client may not run it.
    assert_eq!(jobs::run_job(&path, &env.ggc(), &env.options()).await.unwrap_err().code(), markets::ErrorCode::Usage);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_steps_are_reported_and_retried_as_a_new_job() {
    let env = Env::start().await;
    let product = first_auto_listing(&env);
    let client = env.gg();
    let mut ops = upload_ops(&product, 2);
    ops.insert(1, Op::GgUploadCodes { product_id: "no-such-product".into(), codes: codes("NF", 3) });
    let (_, state) = env.run(&client, JobKind::GgUploadCodes, ops).await;
    let results = jobs::Results::of(&state);
    assert_eq!(results.failed_steps(), vec![1]);
    assert_eq!(results.steps[1].code.as_deref(), Some("not_found"));
    // Per item: the 3 codes of the failed step failed, the 40 others are done.
    assert_eq!(results.failed_items(), vec![(1, 0), (1, 1), (1, 2)]);
    assert_eq!(results.count(jobs::Outcome::Done), 40);
    let csv = results.to_csv();
    assert!(csv.starts_with("step,item,target,what,result,code,detail,created_id\n"), "{csv}");
    assert!(csv.contains(",failed,not_found,"), "{csv}");
    assert_eq!(csv.lines().count(), 44, "{csv}");

    let mut unsealed = state.clone();
    unsealed.unseal(Some(&env.key), std::path::Path::new("x")).unwrap();
    let (retry, retry_path) = plan::retry_failed(&env.dir(), &unsealed, Some(&env.key)).unwrap();
    assert_eq!(retry.retry_of.as_deref(), Some(state.header.id.as_str()));
    let again = jobs::run_job(&retry_path, &client, &env.options()).await.unwrap();
    assert_eq!(jobs::Results::of(&again).failed_steps(), vec![0]);
    assert_eq!(plan::list_jobs(&env.dir()).unwrap().len(), 2);

    // The audit log has each change, searchable, and no code.
    let log = AuditLog::in_dir(&env.dir());
    let entries = log.entries().unwrap();
    assert_eq!(entries.len(), 4);
    assert!(entries.iter().all(|e| e.profile == "test" && e.endpoint == "POST /seller/products/{id}/codes"));
    assert_eq!(log.search("no-such-product").unwrap().len(), 2);
    assert_eq!(log.search("NOT_FOUND").unwrap().len(), 2);
    let text = jobs::audit::to_csv(&entries);
    assert!(!text.contains("RS0-") && !text.contains("NF-"), "{text}");
}

/// The journal key lives in the OS keychain (a real Secret Service: run inside the D-Bus
/// session of ./test). Without one this test fails, on purpose: it never skips.
#[test]
fn the_journal_key_is_kept_in_the_keychain() {
    let a = JournalKey::from_keychain().expect("a usable keychain (run inside dbus-run-session, see ./test)");
    let b = JournalKey::from_keychain().unwrap();
    let sealed = a.seal(b"secret", "ctx");
    assert_eq!(b.open(&sealed, "ctx").unwrap(), b"secret", "the same key is read back");
}

/// A marketplace that stays down stops the job (rather than failing every step); resume
/// finishes it once the marketplace is back, each code once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_marketplace_that_stays_down_stops_the_job_and_resume_finishes_it() {
    let env = Env::start().await;
    let product = first_auto_listing(&env);
    let client = env.gg();
    let (_, path) = plan::create_job(
        &env.dir(),
        JobKind::GgUploadCodes,
        &env.target(&client),
        upload_ops(&product, 4),
        Some(&env.key),
        None,
    )
    .unwrap();
    let down = sandbox::Fault::new(sandbox::Market::Gg, sandbox::FaultKind::Unavailable).on_method("POST");
    env.sandbox.inject(down.times(50));
    let err = jobs::run_job(&path, &client, &env.options()).await.unwrap_err();
    assert_eq!(err.code(), markets::ErrorCode::Unavailable);
    let stopped = jobs::JobState::load(&path).unwrap();
    assert_eq!((stopped.done(), stopped.failed()), (0, 0), "no step was failed for it");
    env.sandbox.clear_faults();
    let done = jobs::run_job(&path, &client, &env.options()).await.unwrap();
    assert_all_done(&done);
    assert_eq!(env.sandbox.state().gg_codes(&product).iter().filter(|c| c.starts_with("RS")).count(), 80);
}
