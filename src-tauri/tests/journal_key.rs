//! The app never creates a journal key when it reads, resumes or retries a job: a lost key is
//! said, not hidden behind a new one (issue 11, finding 4, on the app's side). Alone in its
//! binary: it deletes the keychain's one `journal-key` entry, which other tests use.

mod common;

use common::{require_secret_service, Shell};
use jobs::{JournalKey, JOURNAL_KEY_ACCOUNT};
use markets::Market;
use profiles::Keychain;
use seller_desk::commands::{
    gg::gg_all_products,
    jobs::{job_results, job_run},
    jobs_plan::{job_create, JobSpec},
    sandbox::sandbox_start_demo,
};

#[tokio::test]
async fn a_lost_journal_key_is_said_and_never_replaced_by_reading() {
    require_secret_service();
    let shell = Shell::new();
    let ctx = shell.ctx();
    let state = sandbox_start_demo(&ctx).await.unwrap();
    let gg = state.profiles.iter().find(|p| p.market == Market::GamingGoods).unwrap().id.clone();
    let products = gg_all_products(&ctx, gg.clone(), "op".into()).await.unwrap();
    let product = products.iter().find(|p| p.title.as_deref().is_some_and(|t| t.starts_with("Cyberpunk"))).unwrap();
    let file = shell.dir.path().join("codes.csv");
    std::fs::write(&file, format!("product_id,code\n{0},LOST-1\n{0},LOST-2\n", product.id)).unwrap();
    let job = job_create(&ctx, gg.clone(), JobSpec::GgUploadCodes { file: shell.picked(file) }).await.unwrap();

    Keychain::new().delete_named(JOURNAL_KEY_ACCOUNT).unwrap();
    // Results: by position, saying what was lost (loudly: the first time unfinished work is
    // found lost), and still no key in the keychain (before: a new one was created).
    let results = job_results(&ctx, job.id.clone()).await.unwrap();
    let lost = results.sealed_lost.as_deref().unwrap_or_default();
    assert!(lost.contains("no longer in the keychain") && lost.contains("WARNING"), "{lost}");
    assert_eq!(results.items.len(), 2);
    assert!(results.items.iter().all(|i| i.what.contains("(sealed)")), "{:?}", results.items);
    assert!(JournalKey::existing().unwrap().is_none(), "reading a job created a journal key");

    // Resume: refused, naming the loss (plainly now: it was said loudly once, above).
    let first = job_run(&ctx, gg.clone(), job.id.clone()).await.unwrap_err();
    assert_eq!(first.code, markets::ErrorCode::JournalKeyLost, "{first:?}");
    assert!(first.message.contains("no longer in the keychain") && !first.message.contains("WARNING"), "{first:?}");
    let again = job_results(&ctx, job.id.clone()).await.unwrap();
    assert!(!again.sealed_lost.unwrap().contains("WARNING"), "said loudly once");
    assert!(JournalKey::existing().unwrap().is_none(), "resuming created a journal key");
    let sent = shell.state.sandbox.lock().await.as_ref().unwrap().state().gg_codes(&product.id);
    assert!(!sent.iter().any(|c| c.starts_with("LOST-")), "nothing was sent");
}
