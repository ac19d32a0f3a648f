//! Issue 12, item 11: the same input files give the same rows, problems and error codes in the
//! CLI as in the app. Both faces are checked against crates/desk/tests/fixtures/files/
//! expected.json (what desk::files reads; src-tauri/tests/file_parity.rs checks the app's
//! commands against the same file): codes uploaded as the file holds them (a quoted newline
//! kept), accounts sent with the skipped rows named on stderr, and a bad file refused with the
//! same code, message and per-line fields.

mod common;

use common::Env;
use sandbox::{GgcOfferType, GGCHEST_KEY_A};
use serde_json::{json, Value};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../desk/tests/fixtures/files");

fn expected(name: &str) -> Value {
    let all: Value = serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/expected.json")).unwrap()).unwrap();
    all[name].clone()
}

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_owned()).collect()
}

#[test]
fn codes_files_are_uploaded_as_the_app_reads_them() {
    let env = Env::start();
    let id = env.own_auto_listing();
    for name in ["codes-bom-semicolon.csv", "codes-tab.csv", "codes-lines.txt"] {
        let want = expected(name);
        let before = env.sandbox.state().gg_codes(&id).len();
        let run = env.gg(&["gg", "codes", "upload", &id, "--file", &fixture(name)]).ok();
        let n = |k: &str| want[k].as_u64().unwrap();
        let codes = strings(&want["codes"]);
        let dropped = n("dropped_repeats");
        let note = format!(
            "{name}: {} lines → {} codes, {dropped} {} dropped ({} blank, header skipped)",
            n("lines"),
            codes.len(),
            if dropped == 1 { "duplicate" } else { "duplicates" },
            n("blank_lines")
        );
        assert!(run.stderr.contains(&note), "{name}: `{note}` not in\n{}", run.stderr);
        let stored = env.sandbox.state().gg_codes(&id);
        assert_eq!(stored[before..], codes[..], "{name}");
    }
}

#[test]
fn accounts_files_follow_the_accounts_form_rule() {
    let env = Env::start();
    let state = env.sandbox.state();
    let game = state.ggchest.games.iter().find(|g| g.attributes_for(GgcOfferType::Accounts).next().is_some()).unwrap();
    let attributes: Value = game
        .attributes_for(GgcOfferType::Accounts)
        .map(|a| json!({"id": a.id, "option_id": a.options[0].id}))
        .collect();
    let body = json!({
        "game_id": game.id, "title": "Parity", "description": "Parity", "price": "9.99",
        "delivery_method": "manual", "delivery_time": "1h", "qty_min": 1, "attributes": attributes,
    });
    let body = env.file("offer.json", body.to_string());
    for name in ["accounts-tab-aliases.csv", "accounts-bom-semicolon.csv"] {
        let want = expected(name);
        let run = env
            .ggc(&["--json", "ggc", "offers", "create", "accounts", "--file", &body, "--accounts-csv", &fixture(name)])
            .ok();
        let offer_id = run.json()["id"].as_str().unwrap().to_owned();
        let offer = env.sandbox.state().ggchest_offer(&offer_id).unwrap().clone();
        let sent: Vec<Value> = offer
            .accounts
            .iter()
            .map(|a| {
                let mut v = json!({ "login": a.login, "password": a.password });
                for (k, f) in [
                    ("email_login", &a.email_login),
                    ("email_password", &a.email_password),
                    ("description", &a.description),
                ] {
                    if let Some(f) = f {
                        v[k] = json!(f);
                    }
                }
                v
            })
            .collect();
        assert_eq!(Value::Array(sent), want["accounts"], "{name}");
        // Every skipped row named by its line, as the app's form lists them.
        let warned: Vec<&str> =
            run.stderr.lines().filter(|l| l.starts_with(&format!("warning: {name} line "))).collect();
        let problems: Vec<String> = want["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                format!(
                    "warning: {name} {}: {} (row skipped)",
                    p["field"].as_str().unwrap(),
                    p["message"].as_str().unwrap()
                )
            })
            .collect();
        assert_eq!(warned, problems, "{name}\n{}", run.stderr);
        for column in strings(&want["ignored_columns"]) {
            assert!(run.stderr.contains(&column), "{name}: ignored column {column} not named\n{}", run.stderr);
        }
    }
    // Files the form refuses: the same code, message and fields as the app's error.
    for name in ["accounts-unusable.csv", "accounts-misspelt-column.csv"] {
        let run = env.ggc(&[
            "--json",
            "ggc",
            "offers",
            "create",
            "accounts",
            "--file",
            &body,
            "--accounts-csv",
            &fixture(name),
        ]);
        assert_eq!(run.code, 3, "{name}: {}", run.stderr);
        let error = &run.json()["error"];
        let want = &expected(name)["error"];
        assert_eq!(
            (&error["code"], &error["message"], &error["fields"]),
            (&want["code"], &want["message"], &want["fields"])
        );
    }
    assert!(env.sandbox.state().ggchest_offers_of(GGCHEST_KEY_A).iter().filter(|o| o.title == "Parity").count() == 2);
}

#[test]
fn job_files_with_a_bad_row_create_nothing_and_name_every_line() {
    let env = Env::start();
    for (kind, name) in [("gg-upload-codes", "product-codes-bad-row.csv"), ("gg-add-offers", "offers-bad-price.csv")] {
        let run = env.gg(&["--json", "jobs", "run", kind, "--file", &fixture(name)]);
        assert_eq!(run.code, 3, "{name}: {}\n{}", run.stdout, run.stderr);
        let error = &run.json()["error"];
        let want = &expected(name)["error"];
        assert_eq!(
            (&error["code"], &error["message"], &error["fields"]),
            (&want["code"], &want["message"], &want["fields"])
        );
    }
    let offer = "550e8400-e29b-41d4-a716-446655440000";
    let import = fixture("import-accounts-bad-row.csv");
    let creates = fixture("creates-bad.json");
    let runs: [(&str, Vec<&str>); 2] = [
        (
            "import-accounts-bad-row.csv",
            vec!["jobs", "run", "ggc-import-accounts", "--offer", offer, "--file", &import],
        ),
        ("creates-bad.json", vec!["jobs", "run", "ggc-create", "--file", &creates]),
    ];
    for (name, args) in runs {
        let run = env.ggc(&[&["--json"][..], &args].concat());
        assert_eq!(run.code, 3, "{name}: {}\n{}", run.stdout, run.stderr);
        let error = &run.json()["error"];
        let want = &expected(name)["error"];
        assert_eq!(
            (&error["code"], &error["message"], &error["fields"]),
            (&want["code"], &want["message"], &want["fields"])
        );
    }
    let jobs = env.config_dir.path().join("data/jobs");
    assert!(!jobs.exists() || std::fs::read_dir(&jobs).unwrap().next().is_none(), "no job was written");
}
