//! `profile add` killed half way leaves no key that nothing points at (issue 11, finding 7).
//! Before: the key was stored before profiles.json was written, and 180 kills left 11 keys no
//! profile named, invisible to every command. Now the id is recorded in profiles.json before
//! the key is stored, so `profile list --orphans` finds what a kill left and `--remove` (or the
//! next `profile add`) deletes it. The kills are real aborts at each point of the add
//! (`SELLERDESK_TEST_FAULT`), and the keychain is a real Secret Service (./test's D-Bus session).

mod common;

use std::sync::Mutex;

use common::{Env, Run};
use profiles::{Keychain, KeychainError};
use serde_json::Value;

/// `--include-unrecorded` deletes keys of other config dirs, such as another test's: one test
/// at a time.
static KEYCHAIN: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    KEYCHAIN.lock().unwrap_or_else(|p| p.into_inner())
}

fn pending_ids(env: &Env) -> Vec<String> {
    let text = std::fs::read_to_string(env.config_dir.path().join("profiles.json")).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    doc["pending_keys"]
        .as_array()
        .map(|a| a.iter().map(|p| p["id"].as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

fn add(env: &Env, name: &str, key: &str, fault: Option<&str>) -> Run {
    let mut c = env.cmd();
    c.args(["--market", "gg", "profile", "add", name]).write_stdin(key);
    if let Some(point) = fault {
        c.env(profiles::FAULT_ENV, point);
    }
    Run::of(&mut c)
}

fn key_in_keychain(id: &str) -> bool {
    match Keychain::new().load(id) {
        Ok(_) => true,
        Err(KeychainError::NoEntry { .. }) => false,
        Err(e) => panic!("the keychain is not usable (run inside ./test's D-Bus session): {e}"),
    }
}

#[test]
fn a_kill_after_the_key_is_stored_leaves_an_orphan_that_list_orphans_shows_and_removes() {
    let _one = one_at_a_time();
    let env = Env::start();
    let killed = add(&env, "Shop", "pk_test_orphan_after_key_0001", Some("profile-add-after-key"));
    assert_ne!(killed.code, 0, "the add was aborted: {killed:?}");
    let ids = pending_ids(&env);
    assert_eq!(ids.len(), 1, "the add recorded its id before storing the key");
    let id = ids[0].clone();
    assert!(key_in_keychain(&id), "the key was stored before the kill");

    // No profile shows it...
    let list = env.cmd().args(["--json", "profile", "list"]).output().unwrap();
    assert_eq!(serde_json::from_slice::<Value>(&list.stdout).unwrap(), serde_json::json!([]));
    // ...but --orphans does.
    let mut c = env.cmd();
    c.args(["--json", "profile", "list", "--orphans"]);
    let orphans = Run::of(&mut c).ok().json()["orphans"].clone();
    assert_eq!(orphans.as_array().unwrap().len(), 1, "{orphans}");
    assert_eq!(orphans[0]["id"], id.as_str());
    assert_eq!(orphans[0]["name"], "Shop");
    assert_eq!(orphans[0]["key_stored"], true);
    let mut c = env.cmd();
    c.args(["profile", "list", "--orphans"]);
    let human = Run::of(&mut c).ok();
    assert!(human.stdout.contains(&id) && human.stdout.contains("--orphans --remove"), "{}", human.stdout);

    let mut c = env.cmd();
    c.args(["--json", "profile", "list", "--orphans", "--remove"]);
    let removed = Run::of(&mut c).ok().json()["orphans"].clone();
    assert_eq!(removed[0]["id"], id.as_str());
    assert!(!key_in_keychain(&id), "--remove deleted the orphan key");
    assert!(pending_ids(&env).is_empty());
    let mut c = env.cmd();
    c.args(["profile", "list", "--orphans"]);
    assert!(Run::of(&mut c).ok().stdout.contains("No orphan keys"));

    // The name is free again: the same add, not killed, works.
    add(&env, "Shop", "pk_test_orphan_after_key_0002", None).ok();
}

#[test]
fn a_kill_before_the_key_is_stored_is_swept_by_the_next_add() {
    let _one = one_at_a_time();
    let env = Env::start();
    let killed = add(&env, "First", "pk_test_orphan_before_key_0001", Some("profile-add-before-key"));
    assert_ne!(killed.code, 0);
    let id = pending_ids(&env).pop().expect("the id was recorded");
    assert!(!key_in_keychain(&id), "killed before the key was stored");
    let mut c = env.cmd();
    c.args(["--json", "profile", "list", "--orphans"]);
    let orphans = Run::of(&mut c).ok().json()["orphans"].clone();
    assert_eq!(orphans[0]["key_stored"], false, "{orphans}");

    // Every add first removes what killed ones left: the next (itself killed after storing
    // its key) removes the first's record, and a normal add removes the second's key.
    add(&env, "Second", "pk_test_orphan_before_key_0002", Some("profile-add-after-key"));
    let second = pending_ids(&env);
    assert!(second.len() == 1 && second[0] != id, "the first record was swept: {second:?}");
    assert!(key_in_keychain(&second[0]));
    add(&env, "Third", "pk_test_orphan_before_key_0003", None).ok();
    assert!(pending_ids(&env).is_empty(), "the add removed what the killed ones left");
    assert!(!key_in_keychain(&id) && !key_in_keychain(&second[0]));
    // No lock files are left beside profiles.json.
    let stray: Vec<_> = std::fs::read_dir(env.config_dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("pending"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

/// A key with no record at all (stored by a `profile add` of a version before adds were
/// recorded) is found by listing the Secret Service, shown, kept by a plain `--remove`, and
/// deleted only with `--include-unrecorded`.
#[test]
fn a_key_stored_before_adds_were_recorded_is_found_and_deleted_only_on_request() {
    let _one = one_at_a_time();
    let env = Env::start();
    add(&env, "Kept", "pk_test_unrecorded_kept_0001", None).ok();
    let kept_id = {
        let text = std::fs::read_to_string(env.config_dir.path().join("profiles.json")).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        doc["profiles"][0]["id"].as_str().unwrap().to_owned()
    };
    let old = uuid_like();
    Keychain::new().store(&old, &profiles::ApiKey::new("pk_test_unrecorded_old_0001")).unwrap();

    let list = |args: &[&str]| {
        let mut c = env.cmd();
        c.args(["--json", "profile", "list", "--orphans"]).args(args);
        Run::of(&mut c).ok().json()
    };
    let shown = list(&[]);
    let unrecorded: Vec<&str> = shown["unrecorded"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(unrecorded.contains(&old.as_str()), "{shown}");
    assert!(!unrecorded.contains(&kept_id.as_str()), "a profile's own key is not unrecorded: {shown}");
    let mut c = env.cmd();
    c.args(["profile", "list", "--orphans"]);
    let human = Run::of(&mut c).ok().stdout;
    assert!(human.contains(&old) && human.contains("--include-unrecorded"), "{human}");

    list(&["--remove"]);
    assert!(key_in_keychain(&old), "a plain --remove keeps keys it cannot attribute");
    let removed = list(&["--remove", "--include-unrecorded"]);
    assert!(removed["unrecorded"].as_array().unwrap().iter().any(|v| v == old.as_str()), "{removed}");
    assert!(!key_in_keychain(&old), "--include-unrecorded deleted it");
    assert!(key_in_keychain(&kept_id), "the profile's own key stays");
}

fn uuid_like() -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    format!("00000000-0000-4000-8000-{:012x}", nanos % (1 << 48))
}
