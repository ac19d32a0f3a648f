//! `sellerdesk profile …` with the real OS keychain (Secret Service) and the sandbox.
//!
//! These tests need a D-Bus session with an unlocked gnome-keyring. `./test` provides one; by
//! hand:
//!
//! ```sh
//! export XDG_DATA_HOME=$(mktemp -d)
//! dbus-run-session -- sh -c 'echo -n pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null; cargo test -p sellerdesk-cli'
//! ```
//!
//! Without a session bus they fail (never skip), so CI cannot pass without testing them.

mod common;

use common::{Env, Run};
use profiles::{Keychain, KeychainError};
use sandbox::{GGCHEST_KEY_A, GG_KEY_A};
use serde_json::Value;
use std::path::Path;

#[track_caller]
fn require_session_bus() {
    let bus = std::env::var("DBUS_SESSION_BUS_ADDRESS").unwrap_or_default();
    assert!(
        !bus.is_empty(),
        "the profile tests need the OS keychain: no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset).\n\
         Run them as ./test does:\n  export XDG_DATA_HOME=$(mktemp -d)\n  dbus-run-session -- sh -c 'echo -n pass | \
         gnome-keyring-daemon --unlock --components=secrets >/dev/null; cargo test -p sellerdesk-cli'"
    );
}

/// `sellerdesk ARGS` with `stdin`, no key in the environment (profiles only).
fn run(env: &Env, stdin: &str, args: &[&str]) -> Run {
    let mut c = env.cmd();
    c.args(args).write_stdin(stdin.to_owned());
    Run::of(&mut c)
}

fn list(env: &Env) -> Vec<Value> {
    run(env, "", &["--json", "profile", "list"]).ok().json().as_array().unwrap().clone()
}

/// Every byte of every file under `dir`, to prove a key was never written there.
fn all_bytes(dir: &Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            bytes.extend(all_bytes(&path));
        } else {
            bytes.extend(std::fs::read(&path).unwrap());
        }
    }
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn profile_lifecycle_with_the_keychain() {
    require_session_bus();
    let env = Env::start();
    let gg_url = env.sandbox.gg_base_url();
    let ggc_url = env.sandbox.ggchest_base_url();

    // Add: the key comes from stdin, and only its masked form is ever printed.
    let added =
        run(&env, &format!("{GG_KEY_A}\n"), &["profile", "add", "shop", "--market", "gg", "--base-url", &gg_url]).ok();
    assert!(added.stdout.contains("Added profile \"shop\"") && added.stdout.contains("active"), "{}", added.stdout);
    assert!(added.stdout.contains("pk_t…er_a"), "masked key: {}", added.stdout);
    assert!(!added.stdout.contains(GG_KEY_A) && !added.stderr.contains(GG_KEY_A));

    let listed = run(&env, "", &["profile", "list"]).ok();
    assert!(listed.stdout.contains("shop") && listed.stdout.contains("pk_t…er_a"), "{}", listed.stdout);
    assert!(!listed.stdout.contains(GG_KEY_A), "{}", listed.stdout);
    let profiles = list(&env);
    assert_eq!(profiles.len(), 1);
    assert_eq!((profiles[0]["key"].as_str(), profiles[0]["active"].as_bool()), (Some("pk_t…er_a"), Some(true)));
    let shop_id = profiles[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(Keychain::new().load(&shop_id).unwrap().expose(), GG_KEY_A, "the key is in the keychain");
    let files = all_bytes(env.config_dir.path());
    assert!(contains(&files, "shop"), "profiles.json is in SELLERDESK_CONFIG_DIR");
    assert!(!contains(&files, GG_KEY_A), "the key is nowhere in the config dir");

    // Test and use it: the active profile, no key in the environment.
    let tested = run(&env, "", &["profile", "test"]).ok();
    assert!(tested.stdout.starts_with("OK: Gaming Goods accepted the key of profile \"shop\""), "{}", tested.stdout);
    let dashboard = run(&env, "", &["--json", "gg", "dashboard"]).ok().json();
    assert_eq!(dashboard["total_products"], env.sandbox.state().gg_products_of(GG_KEY_A).len());

    // A second profile, for the other market, used with --profile and then made active.
    let stdin = format!("  {GGCHEST_KEY_A}  \n");
    run(&env, &stdin, &["profile", "add", "chest", "--market", "ggchest", "--base-url", &ggc_url]).ok();
    let games = run(&env, "", &["--json", "--profile", "chest", "ggc", "games"]).ok().json();
    assert_eq!(games.as_array().unwrap().len(), env.sandbox.state().ggchest.games.len());
    let wrong = run(&env, "", &["ggc", "games"]).fails(2, "usage");
    assert!(wrong.stderr.contains("profile \"shop\" is for Gaming Goods"), "{}", wrong.stderr);
    run(&env, "", &["profile", "use", "chest"]).ok();
    run(&env, "", &["ggc", "games"]).ok();
    run(&env, "", &["profile", "test", "shop"]).ok();

    // Rename, and the new name works with --profile.
    run(&env, "", &["profile", "rename", "shop", "Main shop"]).ok();
    run(&env, "", &["--profile", "Main shop", "gg", "dashboard"]).ok();

    // set-url: production and back.
    run(&env, "", &["profile", "set-url", "Main shop", "--production"]).ok();
    let url_of = |env: &Env| list(env).iter().find(|p| p["name"] == "Main shop").unwrap()["base_url"].clone();
    assert_eq!(url_of(&env), "https://gaming-goods.ru/api/partner/v1");
    run(&env, "", &["profile", "set-url", "Main shop", &gg_url]).ok();
    assert_eq!(url_of(&env), gg_url.as_str());

    // set-key: a wrong key is rejected by the market, naming the profile; then the right one.
    run(&env, "pk_test_not_a_real_key\n", &["profile", "set-key", "Main shop"]).ok();
    let rejected = run(&env, "", &["profile", "test", "Main shop"]).fails(5, "key_rejected");
    assert!(!rejected.stderr.contains("pk_test_not_a_real_key"), "{}", rejected.stderr);
    let rejected = run(&env, "", &["--profile", "Main shop", "gg", "dashboard"]).fails(5, "key_rejected");
    assert!(rejected.stderr.contains("profile Main shop"), "{}", rejected.stderr);
    run(&env, GG_KEY_A, &["profile", "set-key", "Main shop"]).ok();
    run(&env, "", &["profile", "test", "Main shop"]).ok();

    // Remove deletes the keychain entry too.
    let removed = run(&env, "", &["profile", "remove", "Main shop"]).ok();
    assert!(removed.stdout.contains("deleted its key"), "{}", removed.stdout);
    assert!(matches!(Keychain::new().load(&shop_id), Err(KeychainError::NoEntry { .. })));
    let left: Vec<String> = list(&env).iter().map(|p| p["name"].as_str().unwrap().to_owned()).collect();
    assert_eq!(left, ["chest"]);
    run(&env, "", &["profile", "remove", "chest"]).ok();
    assert!(list(&env).is_empty());
}

#[test]
fn add_refuses_bad_input_and_stores_nothing() {
    require_session_bus();
    let env = Env::start();
    let gg_url = env.sandbox.gg_base_url();

    let run_add = |stdin: &str, args: &[&str]| run(&env, stdin, &[&["profile", "add"], args].concat());
    let empty = run_add("", &["shop", "--market", "gg"]).fails(3, "invalid_input");
    assert!(empty.stderr.contains("  api_key: "), "{}", empty.stderr);
    run_add(GG_KEY_A, &["shop"]).fails(2, "usage");
    run_add("two\nlines\n", &["shop", "--market", "gg"]).fails(3, "invalid_input");
    let bad_url = run_add(GG_KEY_A, &["shop", "--market", "gg", "--base-url", "http://example.com/api"]);
    bad_url.fails(3, "invalid_input");
    assert!(list(&env).is_empty(), "nothing was added");

    run_add(GG_KEY_A, &["shop", "--market", "gg", "--base-url", &gg_url]).ok();
    let dup = run_add(GG_KEY_A, &["SHOP", "--market", "gg"]).fails(3, "invalid_input");
    assert!(dup.stderr.contains("  name: "), "{}", dup.stderr);
    assert_eq!(list(&env).len(), 1);

    let json = run(&env, "", &["--json", "profile", "test", "nope"]);
    assert_eq!(json.code, 9);
    assert_eq!(json.json()["error"]["code"], "profile_not_found");

    let id = list(&env)[0]["id"].as_str().unwrap().to_owned();
    run(&env, "", &["profile", "remove", "shop"]).ok();
    assert!(matches!(Keychain::new().load(&id), Err(KeychainError::NoEntry { .. })));
}

/// A profile's key goes only to its marketplace or a host confirmed for it, as in the app
/// (`desk::key_destination`): a base URL put in profiles.json by other means gets nothing; a new
/// host given to `set-url` is confirmed at the terminal or with --yes, never silently.
#[test]
fn the_key_goes_only_to_a_confirmed_host() {
    require_session_bus();
    let env = Env::start();
    let gg_url = env.sandbox.gg_base_url();
    run(&env, &format!("{GG_KEY_A}\n"), &["profile", "add", "shop", "--market", "gg", "--base-url", &gg_url]).ok();
    // Added with its URL: that host is confirmed, the key goes there.
    run(&env, "", &["gg", "dashboard"]).ok();

    // profiles.json edited by hand (another program, a copied file) to point elsewhere.
    let trap = Env::start();
    let trap_url = trap.sandbox.gg_base_url();
    let file = env.config_dir.path().join("profiles.json");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace(&gg_url, &trap_url)).unwrap();
    let before = trap.sandbox.requests().len();
    let refused = run(&env, "", &["gg", "dashboard"]).fails(9, "base_url_unconfirmed");
    assert!(refused.stderr.contains("sellerdesk profile set-url shop"), "{}", refused.stderr);
    assert_eq!(trap.sandbox.requests().len(), before, "no request reached the unconfirmed host");

    // set-url to a new host: not at a terminal and no --yes, nothing changes.
    std::fs::write(&file, text).unwrap();
    run(&env, "", &["profile", "set-url", "shop", &trap_url]).fails(2, "confirmation_required");
    run(&env, "", &["gg", "dashboard"]).ok();
    assert_eq!(trap.sandbox.requests().len(), before);
    // With --yes the host is confirmed for this profile and the key goes there.
    run(&env, "", &["profile", "set-url", "shop", &trap_url, "--yes"]).ok();
    run(&env, "", &["gg", "dashboard"]).ok();
    assert!(trap.sandbox.requests().len() > before);
}

/// A job goes on only where it was made, as in the app: after its profile moved to another
/// base URL, `jobs resume` refuses (nothing sent) and says how to move it back.
#[test]
fn a_job_resumes_only_where_it_was_made() {
    require_session_bus();
    let env = Env::start();
    let url = env.sandbox.ggchest_base_url();
    let data = tempfile::TempDir::new().unwrap();
    let run_with_data = |stdin: &str, args: &[&str]| {
        let mut c = env.cmd();
        c.env("SELLERDESK_DATA_DIR", data.path()).args(args).write_stdin(stdin.to_owned());
        Run::of(&mut c)
    };
    run_with_data(
        &format!("{GGCHEST_KEY_A}\n"),
        &["profile", "add", "chest", "--market", "ggchest", "--base-url", &url],
    )
    .ok();
    let ran = run_with_data("", &["--json", "jobs", "run", "ggc-draft", "--all"]).ok().json();
    let id = ran["job"]["id"].as_str().unwrap().to_owned();

    let other = Env::start();
    run_with_data("", &["profile", "set-url", "chest", &other.sandbox.ggchest_base_url(), "--yes"]).ok();
    let refused = run_with_data("", &["jobs", "resume", &id]).fails(2, "usage");
    assert!(refused.stderr.contains(&format!("sellerdesk profile set-url chest {url}")), "{}", refused.stderr);
    assert!(other.sandbox.requests().is_empty(), "nothing went to the other place");
    run_with_data("", &["profile", "set-url", "chest", &url]).ok();
    run_with_data("", &["jobs", "resume", &id]).ok();
}
