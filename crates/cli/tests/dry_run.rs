//! `--dry-run`: everything is checked and what is needed is read, but no change is sent; the
//! first change request is named instead (exit 0). Invalid input is still refused.

mod common;

use common::Env;
use sandbox::{GgcOfferType, GGCHEST_KEY_A};
use serde_json::json;

/// One option of every attribute the game's currency offers take (as the ggc tests pick them).
fn attribute_choices(game: &sandbox::GgcGame) -> serde_json::Value {
    game.attributes_for(GgcOfferType::Currency).map(|a| json!({"id": a.id, "option_id": a.options[0].id})).collect()
}

fn changes(env: &Env) -> usize {
    env.sandbox.requests().iter().filter(|r| r.method != "GET").count()
}

#[test]
fn a_dry_run_checks_reads_and_sends_no_change() {
    let env = Env::start();
    let game = env.sandbox.state().ggchest.games.into_iter().find(|g| !g.currencies.is_empty()).unwrap();
    let body = json!({
        "game_id": game.id, "game_currency_id": game.currencies[0].id, "title": "10k gold",
        "description": "Fast", "price": "4.99", "delivery_time": "20m", "qty_total": 10000, "qty_min": 1000,
        "attributes": attribute_choices(&game),
    });
    let file = env.file("gold.json", body.to_string());
    let offers_before = env.sandbox.state().ggchest_offers_of(GGCHEST_KEY_A).len();

    let run = env.ggc(&["--dry-run", "ggc", "offers", "create", "currency", "--file", &file]).ok();
    assert!(
        run.stdout.starts_with("dry run: the input is valid") && run.stdout.contains("POST /v1/offers"),
        "{}",
        run.stdout
    );
    let json = env.ggc(&["--json", "--dry-run", "ggc", "offers", "create", "currency", "--file", &file]).ok().json();
    assert_eq!(json["dry_run"], true);

    // Invalid input is refused as without --dry-run.
    let bad = env.file("bad.json", json!({ "title": "x", "price": "1.999" }).to_string());
    env.ggc(&["--dry-run", "ggc", "offers", "create", "currency", "--file", &bad]).fails(3, "invalid_input");

    // A bulk job: planned (the offers read), shown, not created.
    let plan = env.ggc(&["--json", "--dry-run", "jobs", "run", "ggc-draft", "--all"]).ok().json();
    assert_eq!(plan["dry_run"], true);
    let listed = env.ggc(&["--json", "ggc", "offers", "list", "--all"]).ok().json()["total"].as_u64().unwrap();
    assert!(plan["steps"].as_u64().unwrap() >= 1 && plan["items"].as_u64() == Some(listed), "{plan}");
    let jobs = env.ggc(&["--json", "jobs", "list"]).ok().json();
    assert_eq!(jobs.as_array().map(Vec::len), Some(0), "no job was created: {jobs}");

    // Codes: read and deduplicated, not uploaded.
    let id = env.own_auto_listing();
    let codes_before = env.sandbox.state().gg_codes(&id).len();
    let codes = env.file("codes.txt", "DRY-1\nDRY-2\n");
    let run = env.gg(&["--dry-run", "gg", "codes", "upload", &id, "--file", &codes]).ok();
    assert!(run.stdout.contains("nothing was sent"), "{}", run.stdout);

    assert_eq!(changes(&env), 0, "no change request reached the sandbox");
    assert_eq!(env.sandbox.state().ggchest_offers_of(GGCHEST_KEY_A).len(), offers_before);
    assert_eq!(env.sandbox.state().gg_codes(&id).len(), codes_before);
}
