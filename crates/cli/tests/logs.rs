//! The CLI's logs: always a private file in the data directory at info, stderr only with `-v`
//! (or `RUST_LOG`), and never a key (docs/SECURITY.md L1).

mod common;

use common::{Env, Run};
use sandbox::GG_KEY_A;

fn log_of(env: &Env) -> String {
    let dir = env.config_dir.path().join("data/logs");
    let mut all = String::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        all.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    all
}

#[test]
fn every_run_is_logged_to_the_file_and_to_stderr_only_when_asked() {
    let env = Env::start();

    let quiet = env.gg(&["gg", "dashboard"]).ok();
    assert!(!quiet.stderr.contains("INFO"), "no log on stderr without -v:\n{}", quiet.stderr);
    let log = log_of(&env);
    assert!(log.contains("sellerdesk started") && log.contains("command=gg dashboard"), "{log}");
    assert!(log.lines().any(|l| l.contains(" INFO ") && l.contains("method=GET") && l.contains("status=200")), "{log}");
    assert!(!log.contains(" DEBUG "), "the file is at info: {log}");

    let verbose = env.gg(&["-v", "gg", "dashboard"]).ok();
    assert!(verbose.stderr.lines().any(|l| l.contains(" INFO ") && l.contains("method=GET")), "{}", verbose.stderr);
    assert!(!verbose.stderr.contains(" DEBUG "), "{}", verbose.stderr);
    let very = env.gg(&["gg", "dashboard", "-vv"]).ok();
    assert!(very.stderr.contains(" DEBUG "), "-vv shows debug lines:\n{}", very.stderr);

    let mut c = env.cmd();
    c.env("SELLERDESK_API_KEY", GG_KEY_A).env("RUST_LOG", "warn,sellerdesk=debug").args([
        "--market",
        "gg",
        "--base-url",
        &env.sandbox.gg_base_url(),
        "gg",
        "dashboard",
    ]);
    let rust_log = Run::of(&mut c).ok();
    assert!(rust_log.stderr.contains(" DEBUG sellerdesk"), "RUST_LOG is respected:\n{}", rust_log.stderr);
    assert!(!rust_log.stderr.contains("method=GET"), "markets at warn: {}", rust_log.stderr);
    // The file stays at info whatever RUST_LOG says.
    let log = log_of(&env);
    assert_eq!(log.matches("sellerdesk started").count(), 4, "{log}");
    assert!(!log.contains(" DEBUG "), "{log}");

    // A failure is logged by its error code.
    env.gg(&["gg", "products", "get", "00000000-0000-0000-0000-00000000dead"]).fails(6, "not_found");
    let log = log_of(&env);
    assert!(log.lines().any(|l| l.contains("sellerdesk failed") && l.contains("error=\"not_found\"")), "{log}");

    for text in [&log, &quiet.stderr, &verbose.stderr, &very.stderr, &rust_log.stderr] {
        assert!(!text.contains(GG_KEY_A), "the key reached a log:\n{text}");
    }
}

#[test]
fn profiles_added_and_removed_are_logged_without_their_key() {
    assert!(
        !std::env::var("DBUS_SESSION_BUS_ADDRESS").unwrap_or_default().is_empty(),
        "needs the OS keychain: run under dbus-run-session as ./test does"
    );
    let env = Env::start();
    let url = env.sandbox.gg_base_url();
    let mut add = env.cmd();
    add.args(["-v", "profile", "add", "logged-shop", "--market", "gg", "--base-url", &url])
        .write_stdin(format!("{GG_KEY_A}\n"));
    let added = Run::of(&mut add).ok();
    let mut remove = env.cmd();
    remove.args(["profile", "remove", "logged-shop"]);
    Run::of(&mut remove).ok();

    let log = log_of(&env);
    assert!(
        log.lines()
            .any(|l| l.contains("profile added") && l.contains("profile=logged-shop") && l.contains("market=\"gg\"")),
        "{log}"
    );
    assert!(log.lines().any(|l| l.contains("profile removed") && l.contains("profile=logged-shop")), "{log}");
    assert!(added.stderr.contains("profile added"), "-v: {}", added.stderr);
    assert!(!log.contains(GG_KEY_A) && !added.stderr.contains(GG_KEY_A), "the key reached a log:\n{log}");
}
