//! Jobs that seal codes, through the real `sellerdesk` binary and a real Secret Service (run
//! inside ./test's D-Bus session). Issue 11, findings 3 and 4:
//! - several `jobs run gg-upload-codes` started at once with no journal key all seal with the
//!   one key that stays in the keychain (before: 6 of 20 jobs could not be read afterwards);
//! - `jobs results`, `show`, `list`, `resume` never create a key; with the key lost a job
//!   still shows its outcomes and its items by position and says what was lost (loudly once),
//!   and `resume` fails naming the cause.
//!
//! Both tests clear the one `journal-key` entry: they run one at a time (`KEYCHAIN`).

mod common;

use std::{path::Path, sync::Mutex};

use common::{Env, Run};
use jobs::{JournalKey, JOURNAL_KEY_ACCOUNT};
use profiles::Keychain;
use sandbox::{GgDeliveryType, GG_KEY_A};
use tempfile::TempDir;

static KEYCHAIN: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|a| !a.is_empty()),
        "these tests need a real Secret Service: run them inside dbus-run-session with an unlocked gnome-keyring (see ./test)"
    );
    KEYCHAIN.lock().unwrap_or_else(|p| p.into_inner())
}

fn clear_key() {
    Keychain::new().delete_named(JOURNAL_KEY_ACCOUNT).expect("a usable keychain");
}

fn has_key() -> bool {
    JournalKey::existing().expect("a usable keychain").is_some()
}

fn gg(env: &Env, data: &Path, args: &[&str]) -> Run {
    let mut c = env.cmd();
    c.env("SELLERDESK_DATA_DIR", data)
        .env("SELLERDESK_API_KEY", GG_KEY_A)
        .args(["--market", "gg", "--base-url", &env.sandbox.gg_base_url()])
        .args(args);
    Run::of(&mut c)
}

fn auto_listing(env: &Env) -> String {
    let state = env.sandbox.state();
    let products = state.gg_products_of(GG_KEY_A);
    products.iter().find(|p| p.delivery_type == GgDeliveryType::Auto).unwrap().id.clone()
}

#[test]
fn jobs_started_at_once_with_no_key_all_seal_with_the_key_that_stays() {
    let _one = one_at_a_time();
    let env = Env::start();
    let data = TempDir::new().unwrap();
    let product = auto_listing(&env);
    clear_key();
    let n = 6;
    let files: Vec<String> =
        (0..n).map(|j| env.file(&format!("codes{j}.csv"), format!("{product},RACE-{j}-AAAA-BBBB-CCCC\n"))).collect();
    let children: Vec<_> = files
        .iter()
        .map(|file| {
            let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("sellerdesk"));
            c.env_remove("SELLERDESK_CONFIG_DIR")
                .env("SELLERDESK_CONFIG_DIR", env.config_dir.path())
                .env("SELLERDESK_PACING_SCALE", common::TIME_SCALE.to_string())
                .env("SELLERDESK_DATA_DIR", data.path())
                .env("SELLERDESK_API_KEY", GG_KEY_A)
                .args(["--market", "gg", "--base-url", &env.sandbox.gg_base_url()])
                .args(["--json", "jobs", "run", "gg-upload-codes", "--file", file])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            c.spawn().unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let listed = gg(&env, data.path(), &["--json", "jobs", "list"]).ok().json();
    let ids: Vec<String> = listed.as_array().unwrap().iter().map(|j| j["id"].as_str().unwrap().to_owned()).collect();
    assert_eq!(ids.len(), n);
    for id in &ids {
        let run = gg(&env, data.path(), &["--json", "jobs", "results", id]).ok();
        assert!(!run.stderr.contains("Lost:"), "job {id} does not open with the keychain's key:\n{}", run.stderr);
        let items = run.json();
        assert!(items[0]["what"].as_str().unwrap().starts_with("code RACE"), "{items}");
    }
}

#[test]
fn with_the_key_lost_a_job_still_shows_what_it_can_says_what_was_lost_and_resume_names_the_cause() {
    let _one = one_at_a_time();
    let env = Env::start();
    let data = TempDir::new().unwrap();
    clear_key();
    // A job of 2 sealed steps (codes), never run: the work is unfinished.
    let key = JournalKey::for_new_job(data.path()).unwrap();
    let ops: Vec<jobs::Op> = (0..2)
        .map(|s| jobs::Op::GgUploadCodes {
            product_id: format!("p-{s}"),
            codes: (0..3).map(|i| format!("LOST-{s}-{i}-ABCDEFGH")).collect(),
        })
        .collect();
    let target = jobs::plan::Target {
        market: markets::Market::GamingGoods,
        base_url: env.sandbox.gg_base_url(),
        profile: "SELLERDESK_API_KEY".into(),
    };
    let (header, _) =
        jobs::plan::create_job(data.path(), jobs::JobKind::GgUploadCodes, &target, ops, Some(&key), None).unwrap();
    let id = header.id;
    clear_key();

    // list, the first look: the job is there, and the loss of unfinished work said loudly.
    let list = gg(&env, data.path(), &["jobs", "list"]).ok();
    assert!(list.stdout.contains(&id), "{}", list.stdout);
    assert!(!has_key(), "`jobs list` created a journal key");
    assert!(list.stderr.contains("WARNING: JOURNAL KEY LOST"), "{}", list.stderr);
    assert!(list.stderr.contains("is no longer in the keychain"), "{}", list.stderr);
    assert!(list.stderr.contains("Lost: the codes of 2 sealed steps (6 items)"), "{}", list.stderr);
    assert!(list.stderr.contains("2 of those steps (6 items) were not settled"), "{}", list.stderr);
    let again = gg(&env, data.path(), &["jobs", "list"]).ok();
    assert!(!again.stderr.contains("WARNING"), "said loudly once only:\n{}", again.stderr);

    // results: every item by position, and what was lost said plainly.
    let results = gg(&env, data.path(), &["jobs", "results", &id]).ok();
    assert!(!has_key(), "`jobs results` created a journal key");
    assert!(!results.stderr.contains("WARNING"), "{}", results.stderr);
    assert!(results.stderr.contains("Lost: the codes of 2 sealed steps (6 items)"), "{}", results.stderr);
    assert!(results.stderr.contains("Kept: every step's outcome"), "{}", results.stderr);
    assert!(results.stdout.contains("item 3 of 3 (sealed)"), "{}", results.stdout);
    assert!(results.stdout.contains("pending"), "{}", results.stdout);

    // show: the job's facts, the loss said, no key created.
    let show = gg(&env, data.path(), &["jobs", "show", &id]).ok();
    assert!(show.stdout.contains("gg-upload-codes") && show.stderr.contains("Lost:"), "{show:?}");
    assert!(!has_key(), "`jobs show` created a journal key");

    // resume: refused, naming the cause (not a generic journal error), nothing created.
    let resume = gg(&env, data.path(), &["jobs", "resume", &id]).fails(1, "journal_key_lost");
    assert!(resume.stderr.contains("is no longer in the keychain"), "{}", resume.stderr);
    assert!(!has_key(), "`jobs resume` created a journal key");
    assert!(env.sandbox.requests().is_empty(), "nothing was sent");
}
