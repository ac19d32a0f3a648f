//! `sellerdesk gg …` against the sandbox: output, `--json`, and the sandbox's state after.

mod common;

use common::Env;
use sandbox::{GgDeliveryType, GgModeration, GG_KEY_A};

/// A product of the marketplace catalog (not seller A's): a target for C2C offers.
fn catalog_product(env: &Env) -> String {
    env.sandbox.state().gg.products.iter().find(|p| p.owner.starts_with("market:")).unwrap().id.clone()
}

#[test]
fn dashboard_as_table_and_json() {
    let env = Env::start();
    let human = env.gg(&["gg", "dashboard"]).ok();
    assert!(human.stdout.contains("Available rewards"), "{}", human.stdout);
    assert!(human.stdout.contains(" €"), "rewards are shown as euros: {}", human.stdout);
    let json = env.gg(&["--json", "gg", "dashboard"]).ok().json();
    let own = env.sandbox.state().gg_products_of(GG_KEY_A).len() as u64;
    assert_eq!(json["total_products"], own);
    assert!(json["available_rewards"].is_u64());
}

#[test]
fn products_list_a_page_and_all() {
    let env = Env::start();
    let own = env.sandbox.state().gg_products_of(GG_KEY_A).len();
    assert!(own >= 2, "the seed gives seller A several listings");
    let page = env.gg(&["gg", "products", "list", "--limit", "1"]).ok();
    assert!(page.stdout.contains(&format!("Showing 1–1 of {own}.")), "{}", page.stdout);
    assert!(page.stdout.contains("Next: --offset 1"), "{}", page.stdout);
    let json = env.gg(&["--json", "gg", "products", "list", "--limit", "1", "--offset", "1"]).ok().json();
    assert_eq!(json["items"].as_array().unwrap().len(), 1);
    assert_eq!(json["offset"], 1);
    let all = env.gg(&["--json", "gg", "products", "list", "--all"]).ok().json();
    assert_eq!(all["total"], own);
    let ids: Vec<&str> = all["items"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    let state = env.sandbox.state();
    let expected: Vec<&str> = state.gg_products_of(GG_KEY_A).iter().map(|p| p.id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    let mut expected_sorted = expected.clone();
    expected_sorted.sort();
    assert_eq!(sorted, expected_sorted);
}

#[test]
fn create_with_flags_dedupes_the_codes_file_and_says_so() {
    let env = Env::start();
    let codes = env.file("codes.txt", "AAAA-0001\nBBBB-0002\n\nAAAA-0001\nCCCC-0003\nBBBB-0002\n");
    let run = env
        .gg(&[
            "--json",
            "gg",
            "products",
            "create",
            "--name",
            "Test Key",
            "--description",
            "A key for tests",
            "--category",
            "Game Keys",
            "--brand",
            "Tests Inc",
            "--price",
            "19.99",
            "--currency",
            "eur",
            "--delivery",
            "auto",
            "--codes-file",
            &codes,
        ])
        .ok();
    assert!(run.stderr.contains("codes.txt: 6 lines → 3 codes, 2 duplicates dropped (1 blank)"), "{}", run.stderr);
    let id = run.json()["id"].as_str().unwrap().to_owned();
    let state = env.sandbox.state();
    let p = state.gg_product(&id).expect("created in the sandbox");
    assert_eq!(p.owner, GG_KEY_A);
    assert_eq!(p.title, "Test Key");
    assert_eq!(p.price.to_string(), "19.99");
    assert_eq!(p.currency, "EUR");
    assert_eq!(p.brand.as_deref(), Some("Tests Inc"));
    assert_eq!(state.gg_codes(&id), vec!["AAAA-0001", "BBBB-0002", "CCCC-0003"]);
}

#[test]
fn create_from_a_json_file() {
    let env = Env::start();
    let body = r#"{"name": "Manual Thing", "description": "Delivered by hand", "category": "Gift Cards",
                   "price": 5.5, "currency": "EUR", "delivery_type": "MANUAL"}"#;
    let file = env.file("product.json", body);
    let run = env.gg(&["gg", "products", "create", "--file", &file]).ok();
    assert!(run.stdout.contains("Created listing"), "{}", run.stdout);
    assert!(run.stdout.contains("5.50 €"), "{}", run.stdout);
    let state = env.sandbox.state();
    let p = state.gg_products_of(GG_KEY_A).into_iter().find(|p| p.title == "Manual Thing").expect("created");
    assert_eq!(p.delivery_type, GgDeliveryType::Manual);
    assert_eq!(p.moderation_status, GgModeration::Pending);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), body, "the input file is never touched");
}

#[test]
fn a_bad_price_is_invalid_input_and_nothing_is_sent() {
    let env = Env::start();
    let before = env.sandbox.state();
    let run = env
        .gg(&[
            "gg",
            "products",
            "create",
            "--name",
            "X",
            "--description",
            "Y",
            "--category",
            "Z",
            "--price",
            "19,99",
            "--currency",
            "EUR",
            "--delivery",
            "manual",
        ])
        .fails(3, "invalid_input");
    assert!(run.stderr.contains("nothing was sent"), "{}", run.stderr);
    assert!(run.stderr.lines().any(|l| l.starts_with("  price: ")), "{}", run.stderr);
    assert!(env.sandbox.requests().is_empty(), "no request may reach the marketplace");
    assert_eq!(env.sandbox.state(), before);

    // The same with --json: an error object on stdout.
    let run = env.gg(&["--json", "gg", "offers", "add", "p-1", "--price", "1.999", "--file", "/nonexistent"]);
    assert_eq!(run.code, 3);
    let err = run.json();
    assert_eq!(err["error"]["code"], "invalid_input");
    assert_eq!(err["error"]["fields"][0]["field"], "price");
    assert!(env.sandbox.requests().is_empty());
}

#[test]
fn get_update_deactivate_activate() {
    let env = Env::start();
    let id = env.own_auto_listing();
    let shown = env.gg(&["gg", "products", "get", &id]).ok();
    assert!(shown.stdout.contains(&id), "{}", shown.stdout);
    let json = env.gg(&["--json", "gg", "products", "get", &id]).ok().json();
    assert_eq!(json["id"], id.as_str());

    env.gg(&["gg", "products", "update", &id, "--price", "17.49", "--name", "Renamed Key"]).ok();
    let state = env.sandbox.state();
    let p = state.gg_product(&id).unwrap();
    assert_eq!(p.price.to_string(), "17.49");
    assert_eq!(p.title, "Renamed Key");

    let run = env.gg(&["gg", "products", "deactivate", &id]).ok();
    assert!(run.stdout.contains("off sale"), "{}", run.stdout);
    assert!(!env.sandbox.state().gg_product(&id).unwrap().is_active);
    env.gg(&["gg", "products", "activate", &id]).ok();
    assert!(env.sandbox.state().gg_product(&id).unwrap().is_active);
}

#[test]
fn codes_upload_dedupes_first() {
    let env = Env::start();
    let id = env.own_auto_listing();
    let before = env.sandbox.state().gg_codes(&id).len();
    let file = env.file("more.csv", "code,note\nNEW-1,a\nNEW-2,b\nNEW-1,again\n");
    let run = env.gg(&["gg", "codes", "upload", &id, "--file", &file]).ok();
    assert!(run.stderr.contains("4 lines → 2 codes, 1 duplicate dropped (header skipped)"), "{}", run.stderr);
    assert!(run.stdout.contains("Uploaded 2 codes"), "{}", run.stdout);
    let codes = env.sandbox.state().gg_codes(&id);
    assert_eq!(codes.len(), before + 2);
    assert!(codes.ends_with(&["NEW-1".to_owned(), "NEW-2".to_owned()]));
}

#[test]
fn offers_add_list_reprice_delete() {
    let env = Env::start();
    let product = catalog_product(&env);
    let codes = env.file("offer-codes.txt", "OFF-1\nOFF-2\nOFF-3\n");
    let run = env.gg(&["gg", "offers", "add", &product, "--price", "12.34", "--file", &codes]).ok();
    assert!(run.stdout.contains("Added 3 offers") && run.stdout.contains("12.34 €"), "{}", run.stdout);
    let more = env.file("more.txt", "OFF-4\n");
    let json =
        env.gg(&["--json", "gg", "offers", "add", &product, "--price-cents", "999", "--file", &more]).ok().json();
    assert_eq!(json["added"], 1);
    let mine = |cents: u64| {
        env.sandbox
            .state()
            .gg_offers_of(GG_KEY_A)
            .iter()
            .filter(|o| o.product_id == product && o.price_cents == cents)
            .count()
    };
    assert_eq!((mine(1234), mine(999)), (3, 1));

    let page = env.gg(&["gg", "offers", "list", "--page-size", "100"]).ok();
    assert!(page.stdout.contains(&product) && page.stdout.contains("12.34 €"), "{}", page.stdout);
    let all = env.gg(&["--json", "gg", "offers", "list", "--all"]).ok().json();
    let listed = all["offers"].as_array().unwrap();
    assert!(listed.iter().any(|o| o["product_id"] == product.as_str() && o["price_cents"] == 1234));
    assert_eq!(all["total"], listed.len());

    let run = env.gg(&["gg", "offers", "reprice", &product, "--from", "1234", "--to", "1199"]).ok();
    assert!(
        run.stdout.contains("Repriced 3 unsold offers") && run.stdout.contains("12.34 € → 11.99 €"),
        "{}",
        run.stdout
    );
    assert_eq!((mine(1234), mine(1199)), (0, 3));

    // Not at a terminal and no --yes: refused, nothing deleted.
    let run = env.gg(&["gg", "offers", "delete", &product]).fails(2, "confirmation_required");
    assert!(run.stderr.contains("--yes"), "{}", run.stderr);
    assert_eq!(mine(1199), 3);
    let unsold =
        || env.sandbox.state().gg_offers_of(GG_KEY_A).iter().filter(|o| o.product_id == product && !o.sold).count();
    let sold = || env.sandbox.state().gg_offers_of(GG_KEY_A).iter().filter(|o| o.sold).count();
    let (unsold_before, sold_before) = (unsold(), sold());
    assert!(unsold_before >= 4, "ours plus any seeded ones");
    // The question says what goes: every price tier, and the unsold codes it deletes.
    assert!(run.stderr.contains(&format!("{unsold_before} unsold codes are deleted")), "{}", run.stderr);
    assert!(run.stderr.contains("€11.99") && run.stderr.contains("prices ("), "{}", run.stderr);
    let json = env.gg(&["--json", "gg", "offers", "delete", &product, "--yes"]).ok().json();
    assert_eq!(json["deleted"], unsold_before);
    assert_eq!(unsold(), 0);
    assert_eq!(sold(), sold_before, "sold offers stay");
}

#[test]
fn wrong_key_not_found_and_the_wrong_market() {
    let env = Env::start();
    let url = env.sandbox.gg_base_url();
    let run = env.with_key("pk_wrong_key_123456", "gg", &url, &["gg", "dashboard"]).fails(5, "key_rejected");
    assert!(run.stderr.contains("SELLERDESK_API_KEY"), "says where the key came from: {}", run.stderr);
    assert!(!run.stderr.contains("pk_wrong_key_123456"), "never prints the key: {}", run.stderr);

    let run = env.with_key("pk_wrong_key_123456", "gg", &url, &["--json", "gg", "dashboard"]);
    assert_eq!(run.code, 5);
    assert_eq!(run.json()["error"]["code"], "key_rejected");

    env.gg(&["gg", "products", "get", "00000000-0000-0000-0000-00000000dead"]).fails(6, "not_found");
    env.with_key(GG_KEY_A, "ggchest", &url, &["gg", "dashboard"]).fails(2, "usage");
    // No key and no profile at all.
    let mut c = env.cmd();
    c.args(["gg", "dashboard"]);
    common::Run::of(&mut c).fails(9, "no_profile");
}

#[test]
fn usage_errors_are_one_line_too() {
    let env = Env::start();
    let mut c = env.cmd();
    c.args(["gg", "products", "list", "--bogus"]);
    let run = common::Run::of(&mut c).fails(2, "usage");
    assert!(run.stderr.contains("--bogus"), "{}", run.stderr);
    let mut c = env.cmd();
    c.args(["--json", "gg", "products", "list", "--bogus"]);
    let run = common::Run::of(&mut c);
    assert_eq!(run.code, 2);
    assert_eq!(run.json()["error"]["code"], "usage");
    // --help is not an error, and shows the examples.
    let mut c = env.cmd();
    c.args(["gg", "offers", "reprice", "--help"]);
    let run = common::Run::of(&mut c).ok();
    assert!(run.stdout.contains("Examples:\n  sellerdesk gg offers reprice"), "{}", run.stdout);
}

#[test]
fn failures_in_transit_have_their_own_exit_codes() {
    use sandbox::{Fault, FaultKind, Market};
    let env = Env::start();
    let product = catalog_product(&env);
    let codes = env.file("codes.txt", "DROP-1\nDROP-2\n");
    let posts = || env.sandbox.requests().iter().filter(|r| r.method == "POST").count();

    // Applied, then no answer: not repeated, and the seller is told to check.
    env.sandbox.inject(Fault::new(Market::Gg, FaultKind::DropAfterApply).on_method("POST"));
    let run = env.gg(&["gg", "offers", "add", &product, "--price-cents", "1500", "--file", &codes]);
    let run = run.fails(8, "outcome_unknown");
    assert!(run.stderr.contains("not repeated"), "{}", run.stderr);
    assert_eq!(posts(), 1, "sent exactly once");
    let applied = env.sandbox.state().gg_offers_of(GG_KEY_A).iter().filter(|o| o.price_cents == 1500).count();
    assert_eq!(applied, 2, "the marketplace did apply it: that is why it must not be sent twice");

    // 503 on a create: nothing applied, not repeated, try again later.
    env.sandbox.clear_requests();
    env.sandbox.inject(Fault::new(Market::Gg, FaultKind::Unavailable).on_method("POST"));
    let more = env.file("more.txt", "LATER-1\n");
    env.gg(&["gg", "offers", "add", &product, "--price-cents", "1600", "--file", &more]).fails(7, "unavailable");
    assert_eq!(posts(), 1);

    // 429 on a read: waited out and retried, so the command succeeds.
    env.sandbox.clear_requests();
    env.sandbox.inject(Fault::new(Market::Gg, FaultKind::RateLimited { retry_after_secs: 0 }));
    env.gg(&["gg", "dashboard"]).ok();
    assert_eq!(env.sandbox.requests().len(), 2, "one 429, one retry");
}
