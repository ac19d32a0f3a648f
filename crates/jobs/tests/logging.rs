//! A job logs its start, each step's outcome and its end, and never a code (docs/SECURITY.md L1).

mod common;

use common::{codes, Env};
use jobs::{plan, JobKind};
use sandbox::{GgDeliveryType, GG_KEY_A};

#[tokio::test]
async fn a_job_logs_start_steps_and_end_without_its_codes() {
    let env = Env::start().await;
    let logs_home = tempfile::tempdir().unwrap();
    let setup = logs::Setup { data_dir: logs_home.path().to_owned(), ..Default::default() };
    // Current-thread runtime: the job runs on this thread, under this subscriber (info, the default).
    let _default = tracing::subscriber::set_default(logs::subscriber(&setup).unwrap());

    let listing = |kind| {
        env.sandbox.state().gg_products_of(GG_KEY_A).into_iter().find(|p| p.delivery_type == kind).unwrap().id.clone()
    };
    let (auto, manual) = (listing(GgDeliveryType::Auto), listing(GgDeliveryType::Manual));
    let mut csv = String::from("product_id,code\n");
    for c in codes("LOGJOB", 3) {
        csv.push_str(&format!("{auto},{c}\n"));
    }
    csv.push_str(&format!("{manual},LOGJOB-MANUAL-0001\n"));
    csv.push_str("01980000-0000-7000-8000-0000000dead0,LOGJOB-NOWHERE-0001\n");
    let ops = plan::gg::upload_codes(&plan::gg::group_product_codes(
        &desk::files::all_or_nothing(desk::files::gg_product_codes::parse(&csv), "codes.csv", "codes").unwrap(),
    ));
    let client = env.gg();
    let (path, state) = env.run(&client, JobKind::GgUploadCodes, ops).await;
    drop(_default);
    let id = path.file_stem().unwrap().to_string_lossy().into_owned();

    let mut log = String::new();
    for entry in std::fs::read_dir(logs::logs_dir(logs_home.path())).unwrap() {
        log.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    let has = |needles: &[&str]| log.lines().any(|l| needles.iter().all(|n| l.contains(n)));
    let job = format!("job={id}");
    assert!(has(&[" INFO ", "job started", &job, "steps=3"]), "{log}");
    assert!(has(&[" INFO ", "step done", &job, "step=1", "upload 3 codes", "failed_items=0"]), "{log}");
    // The MANUAL listing refuses its code: the step is done with one refused item.
    assert!(has(&[" INFO ", "step done", &job, "step=2", "failed_items=1"]), "{log}");
    assert!(has(&[" WARN ", "step failed", &job, "step=3", "error=not_found"]), "{log}");
    assert!(has(&[" INFO ", "job ended", &job, "done=2", "failed=1", "unsettled=0"]), "{log}");
    assert!(has(&["method=POST", "status=200"]), "the requests are logged too: {log}");
    assert_eq!(state.steps.len(), 3);
    assert!(!log.contains("LOGJOB-"), "a code reached the log:\n{log}");
}
