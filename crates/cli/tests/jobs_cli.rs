//! `sellerdesk jobs`, `export` and `audit` end to end: the real binary against the sandbox.

mod common;

use std::{
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use common::{Env, Run, TIME_SCALE};
use sandbox::{GGCHEST_KEY_A, GG_KEY_A};
use serde_json::{json, Value};
use tempfile::TempDir;

/// A Gaming Goods or GGChest command as seller A with a data dir of the test's own.
fn with_data(env: &Env, data: &TempDir, market: &str, args: &[&str]) -> Run {
    let (key, url) = match market {
        "gg" => (GG_KEY_A, env.sandbox.gg_base_url()),
        _ => (GGCHEST_KEY_A, env.sandbox.ggchest_base_url()),
    };
    let mut c = env.cmd();
    c.env("SELLERDESK_DATA_DIR", data.path())
        .env("SELLERDESK_API_KEY", key)
        .args(["--market", market, "--base-url", &url])
        .args(args);
    Run::of(&mut c)
}

/// Codes are sealed with the keychain's journal key: this test needs ./test's D-Bus session.
#[test]
fn upload_codes_job_results_retry_and_audit() {
    let env = Env::start();
    let data = TempDir::new().unwrap();
    let product = env.own_auto_listing();
    let mut csv = String::from("product_id,code\n");
    for i in 0..700 {
        csv.push_str(&format!("{product},JC-{i:04}\nno-such-product,NX-{i:04}\n"));
    }
    let file = env.file("codes.csv", csv);
    let run = with_data(&env, &data, "gg", &["jobs", "run", "gg-upload-codes", "--file", &file, "--json"]);
    assert_eq!(run.code, 10, "a failed step: exit 10\n{}", run.stderr);
    let report = run.json();
    assert!(report.get("error").is_none(), "with --json the result is the only JSON document");
    assert_eq!(report["job"]["done"], 2);
    assert_eq!(report["job"]["failed"], 2);
    assert!(!run.stderr.contains("[#"), "no progress bar with --json or off a terminal");
    let id = report["job"]["id"].as_str().unwrap().to_owned();
    assert_eq!(env.sandbox.state().gg_codes(&product).iter().filter(|c| c.starts_with("JC-")).count(), 700);

    let list = with_data(&env, &data, "gg", &["jobs", "list", "--json"]).ok().json();
    assert_eq!(list[0]["id"], id.as_str());
    let show = with_data(&env, &data, "gg", &["jobs", "show", &id[..13]]).ok();
    assert!(show.stdout.contains("gg-upload-codes"), "{}", show.stdout);
    // Results per item: 1,400 codes, the 700 of the missing product failed, each on its row.
    let results = with_data(&env, &data, "gg", &["jobs", "results", &id, "--csv", "-"]).ok();
    assert!(results.stdout.starts_with("step,item,target,what,result,code,detail,created_id\n"));
    assert_eq!(results.stdout.lines().count(), 1 + 1_400, "{}", results.stdout);
    assert_eq!(results.stdout.lines().filter(|l| l.contains(",failed,not_found,")).count(), 700);
    assert_eq!(results.stdout.lines().filter(|l| l.contains(",done,,added,")).count(), 700);
    let failed = with_data(&env, &data, "gg", &["jobs", "results", &id, "--failed", "--csv", "-"]).ok();
    let rows: Vec<&str> = failed.stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), 700, "{}", failed.stdout);
    assert!(rows.iter().all(|l| l.contains(",product no-such-product,code NX…") && l.contains(",failed,not_found,")));
    // Codes are masked: none whole, in any output.
    assert!(!results.stdout.contains("JC-0") && !results.stdout.contains("NX-0"), "a code leaked");
    let human = with_data(&env, &data, "gg", &["jobs", "results", &id, "--failed"]).ok();
    assert!(human.stdout.contains("failed [not_found]"), "{}", human.stdout);
    assert!(!human.stdout.contains(" done "), "only failed rows:\n{}", human.stdout);
    let json = with_data(&env, &data, "gg", &["jobs", "results", &id, "--outcome", "done", "--json"]).ok().json();
    assert_eq!(json.as_array().unwrap().len(), 700);
    assert_eq!(json[0]["outcome"], "done");
    let steps = with_data(&env, &data, "gg", &["jobs", "results", &id, "--steps", "--json"]).ok().json();
    assert_eq!(steps.as_array().unwrap().len(), 4);
    assert_eq!(with_data(&env, &data, "gg", &["jobs", "results", &id, "--outcome", "nope"]).code, 2);

    let retry = with_data(&env, &data, "gg", &["jobs", "retry-failed", &id, "--json"]);
    assert_eq!(retry.code, 10);
    assert_eq!(retry.json()["job"]["kind"], "retry");
    assert_eq!(retry.json()["job"]["total"], 2);
    assert_eq!(retry.json()["items_failed"], 700, "exactly the 700 failed codes, again");

    let audit = with_data(&env, &data, "gg", &["audit", "search", "no-such-product", "--json"]).ok().json();
    assert_eq!(audit.as_array().unwrap().len(), 4, "2 failed steps, twice");
    let out = data.path().join("audit.csv");
    with_data(&env, &data, "gg", &["audit", "export", "--out", out.to_str().unwrap()]).ok();
    let text = std::fs::read_to_string(out).unwrap();
    assert!(text.starts_with(
        "at,profile_id,profile,market,endpoint,target,title,before,after,outcome,code,request,result,job,step\n"
    ));
    assert!(!text.contains("JC-") && !text.contains(GG_KEY_A), "no code, no key in the audit log");
}

#[test]
fn single_commands_are_audited_and_offers_export_to_csv() {
    let env = Env::start();
    let data = TempDir::new().unwrap();
    let offer = env.sandbox.state().ggchest_offers_of(GGCHEST_KEY_A)[0].id.clone();
    with_data(&env, &data, "ggchest", &["ggc", "offers", "draft", &offer]).ok();
    let list = with_data(&env, &data, "ggchest", &["audit", "list", "--json"]).ok().json();
    let entries = list.as_array().unwrap();
    assert_eq!(entries.len(), 1, "{list}");
    assert_eq!(entries[0]["endpoint"], "PUT /v1/offers/draft");
    assert_eq!(entries[0]["profile"], "SELLERDESK_API_KEY");
    assert_eq!(entries[0]["result"], "done");
    assert_eq!(entries[0]["outcome"], "done");
    assert_eq!(entries[0]["job"], Value::Null, "a single change, not a job's step");
    let csv = with_data(&env, &data, "ggchest", &["export", "ggc-offers"]).ok().stdout;
    assert!(csv.starts_with("id,offer_type,status,"), "{csv}");
    assert!(csv.contains(&format!("{offer},")), "{csv}");
    let gg = with_data(&env, &data, "gg", &["export", "gg-products"]).ok().stdout;
    assert!(gg.starts_with("id,title,price,"), "{gg}");
}

/// A change made with a profile is audited with the profile's id as well as its name; a reprice
/// with the prices before and after. Needs ./test's D-Bus session (the key is in the keychain).
#[test]
fn a_profile_change_is_audited_with_its_id_and_prices() {
    let env = Env::start();
    let data = TempDir::new().unwrap();
    let mut add = env.cmd();
    add.args(["--json", "profile", "add", "Audited shop", "--market", "gg"]).write_stdin(GG_KEY_A);
    let added = Run::of(&mut add).ok().json();
    let id = added["id"].as_str().or(added["profile"]["id"].as_str()).expect("the new profile's id").to_owned();
    let offer = env.sandbox.state().gg_offers_of(GG_KEY_A).into_iter().find(|o| !o.sold).unwrap().clone();
    let (from, to) = (offer.price_cents.to_string(), (offer.price_cents + 3).to_string());
    let mut reprice = env.cmd();
    reprice
        .env("SELLERDESK_DATA_DIR", data.path())
        .args(["--profile", "Audited shop", "--base-url", &env.sandbox.gg_base_url()])
        .args(["gg", "offers", "reprice", &offer.product_id, "--from", &from, "--to", &to]);
    Run::of(&mut reprice).ok();
    let mut list = env.cmd();
    list.env("SELLERDESK_DATA_DIR", data.path()).args(["audit", "list", "--json"]);
    let entries = Run::of(&mut list).ok().json();
    let e = &entries.as_array().unwrap()[0];
    assert_eq!((e["profile_id"].as_str(), e["profile"].as_str()), (Some(id.as_str()), Some("Audited shop")), "{e}");
    assert_eq!(e["before"], json!({"price_cents": offer.price_cents}), "{e}");
    assert_eq!(e["after"], json!({"price_cents": offer.price_cents + 3}), "{e}");
}

/// Ctrl-C (SIGINT) stops the job after the step in flight; `resume` finishes it; each offer once.
#[test]
fn ctrl_c_pauses_and_resume_finishes() {
    let env = Env::start();
    let data = TempDir::new().unwrap();
    env.sandbox.inject(
        sandbox::Fault::new(sandbox::Market::GgChest, sandbox::FaultKind::Delay { ms: 10 })
            .on_method("POST")
            .times(1000),
    );
    let offers: Vec<Value> = (0..150)
        .map(|i| {
            json!({"offer_type": "currency", "game_id": "550e8400-e29b-41d4-a716-446655440000",
                "game_currency_id": "880e8400-e29b-41d4-a716-446655440010", "title": format!("Paused gold {i:03}"),
                "description": "d", "price": "1.00", "delivery_time": "5m", "qty_total": 100, "qty_min": 1,
                "attributes": []})
        })
        .collect();
    let file = env.file("gold.json", serde_json::to_vec(&offers).unwrap());
    let child = Command::new(assert_cmd::cargo::cargo_bin("sellerdesk"))
        .env("SELLERDESK_CONFIG_DIR", env.config_dir.path())
        .env("SELLERDESK_DATA_DIR", data.path())
        .env("SELLERDESK_PACING_SCALE", TIME_SCALE.to_string())
        .env("SELLERDESK_API_KEY", GGCHEST_KEY_A)
        .args(["--market", "ggchest", "--base-url", &env.sandbox.ggchest_base_url()])
        .args(["jobs", "run", "ggc-create", "--file", &file, "--json"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while env.sandbox.state().ggchest_offers_of(GGCHEST_KEY_A).iter().filter(|o| o.title.starts_with("Paused")).count()
        < 5
    {
        assert!(Instant::now() < deadline, "the job did not start");
        std::thread::sleep(Duration::from_millis(5));
    }
    let sigint = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(sigint.success());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(10), "paused: not every step settled");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["job"]["status"], "paused");
    let done = report["job"]["done"].as_u64().unwrap();
    assert!((5..150).contains(&done), "stopped mid-job after {done}");
    let id = report["job"]["id"].as_str().unwrap().to_owned();
    let resumed = with_data(&env, &data, "ggchest", &["jobs", "resume", &id, "--json"]).ok().json();
    assert_eq!(resumed["job"]["status"], "finished");
    let titles: Vec<String> = env
        .sandbox
        .state()
        .ggchest_offers_of(GGCHEST_KEY_A)
        .iter()
        .filter(|o| o.title.starts_with("Paused"))
        .map(|o| o.title.clone())
        .collect();
    let unique: std::collections::HashSet<_> = titles.iter().collect();
    assert_eq!((titles.len(), unique.len()), (150, 150));
}
