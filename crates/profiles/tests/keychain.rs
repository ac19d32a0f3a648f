//! Keys in a REAL Secret Service, no mock. Run inside a private D-Bus session with an unlocked
//! gnome-keyring (see `HOW_TO_RUN`); outside one, the tests that need it fail saying so.
//!
//! The "keychain unusable" tests run this test binary again as a child process
//! (`child_scenario`) in an environment where the keychain really is unusable: no bus, a bus
//! without a Secret Service, a keyring never unlocked, a locked keyring. The child asserts the
//! error and prints `SCENARIO <name> OK`; the parent checks that line and that the child wrote
//! nothing to profiles.json.

use std::{
    env, fs,
    path::{Path, PathBuf},
    process::{Command, Stdio},
    thread,
    time::{Duration, Instant},
};

use profiles::{ApiKey, Error, Keychain, KeychainError, Market, Profiles, SERVICE};
use tempfile::TempDir;

const HOW_TO_RUN: &str = "\
these tests use a real Secret Service (no mock keychain), but DBUS_SESSION_BUS_ADDRESS is not set. \
Run them in a private D-Bus session with an unlocked gnome-keyring (packages dbus-daemon, gnome-keyring):

  export XDG_DATA_HOME=$(mktemp -d)
  dbus-run-session -- sh -c 'echo -n pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null; cargo test -p profiles'

or run ./test at the repository root (see crates/profiles/README.md)";

/// Fails the test, saying how to run it, when there is no D-Bus session to find a keychain on.
fn require_secret_service() {
    if env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none_or(|address| address.is_empty()) {
        panic!("{HOW_TO_RUN}");
    }
}

fn new_profiles() -> (TempDir, Profiles) {
    let dir = tempfile::tempdir().unwrap();
    let profiles = Profiles::open_at(dir.path().join("profiles.json"));
    (dir, profiles)
}

/// A key no other test uses, long enough to be masked as `pk_t…wxyz`.
fn unique_key() -> ApiKey {
    ApiKey::new(format!("pk_test_{}", uuid::Uuid::new_v4().simple()))
}

/// The entry exactly where the desktop app will look: service `sellerdesk`, account
/// `profile:<id>`, read with keyring directly rather than through this crate.
fn entry_in_keychain(profile_id: &str) -> keyring::Result<String> {
    keyring::Entry::new("sellerdesk", &format!("profile:{profile_id}"))?.get_password()
}

/// Every file under `dir` whose bytes contain `needle`.
fn files_containing(dir: &Path, needle: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files_containing(&path, needle));
        } else if fs::read(&path).unwrap().windows(needle.len()).any(|window| window == needle.as_bytes()) {
            found.push(path);
        }
    }
    found
}

#[test]
fn add_with_key_puts_the_key_in_the_keychain_and_nowhere_in_the_config_dir() {
    require_secret_service();
    let (dir, profiles) = new_profiles();
    let key = unique_key();
    let shop = profiles.add_with_key("Main shop", Market::GgChest, None, &key).unwrap();

    assert_eq!(entry_in_keychain(&shop.id).unwrap(), key.expose());
    assert_eq!(profiles.key_for(&shop).unwrap(), key);
    assert_eq!(profiles.keychain().load(&shop.id).unwrap(), key);
    assert_eq!(SERVICE, "sellerdesk");

    assert!(dir.path().join("profiles.json").is_file());
    assert_eq!(files_containing(dir.path(), key.expose()), Vec::<PathBuf>::new());
    // Not even a part of it: the masked form's ends are the key's ends.
    let tail = &key.expose()[key.expose().len() - 12..];
    assert_eq!(files_containing(dir.path(), tail), Vec::<PathBuf>::new());

    profiles.remove(&shop).unwrap();
}

#[test]
fn the_key_outlives_the_process_that_stored_it() {
    // keyring falls back to an in-memory store when built without a platform store: a key
    // that another process can read is really in the keychain.
    require_secret_service();
    let (dir, profiles) = new_profiles();
    let key = unique_key();
    let shop = profiles.add_with_key("Main shop", Market::GgChest, None, &key).unwrap();

    let child = run_child(
        "read-key",
        dir.path(),
        child_command().env("PROFILES_TEST_PROFILE_ID", &shop.id).env("PROFILES_TEST_EXPECTED_KEY", key.expose()),
    );
    child.assert_ok("read-key");

    profiles.remove(&shop).unwrap();
}

#[test]
fn masked_key_shows_only_the_ends() {
    require_secret_service();
    let (_dir, profiles) = new_profiles();
    let key = ApiKey::new(format!("pk_l{}mnop", uuid::Uuid::new_v4().simple()));
    let shop = profiles.add_with_key("Shop", Market::GamingGoods, None, &key).unwrap();
    assert_eq!(profiles.masked_key(&shop), "pk_l…mnop");
    profiles.remove(&shop).unwrap();
}

#[test]
fn replace_key_replaces_the_stored_key() {
    require_secret_service();
    let (_dir, profiles) = new_profiles();
    let (old, new) = (unique_key(), unique_key());
    let shop = profiles.add_with_key("Shop", Market::GgChest, None, &old).unwrap();

    profiles.replace_key(&shop, &new).unwrap();
    assert_eq!(profiles.key_for(&shop).unwrap(), new);
    assert_eq!(entry_in_keychain(&shop.id).unwrap(), new.expose());

    assert!(matches!(profiles.replace_key(&shop, &ApiKey::new("  ")), Err(Error::EmptyApiKey)));
    assert_eq!(profiles.key_for(&shop).unwrap(), new);

    profiles.remove(&shop).unwrap();
}

#[test]
fn remove_deletes_the_profile_and_its_key() {
    require_secret_service();
    let (_dir, profiles) = new_profiles();
    let shop = profiles.add_with_key("Shop", Market::GgChest, None, &unique_key()).unwrap();
    let other = profiles.add_with_key("Other", Market::GamingGoods, None, &unique_key()).unwrap();
    assert_eq!(profiles.store().active().unwrap().unwrap().id, shop.id);

    let removed = profiles.remove(&shop).unwrap();
    assert_eq!(removed.id, shop.id);
    assert!(matches!(entry_in_keychain(&shop.id), Err(keyring::Error::NoEntry)));
    assert!(matches!(profiles.store().get(&shop.id), Err(Error::NotFound { .. })));
    assert_eq!(profiles.store().active().unwrap(), None, "the removed profile stayed active");
    // The other profile and its key are untouched.
    assert!(profiles.key_for(&other).is_ok());
    assert_eq!(profiles.store().list().unwrap(), vec![other.clone()]);

    // A stale handle can neither remove again nor plant a key for the removed profile.
    assert!(matches!(profiles.remove(&shop), Err(Error::NotFound { .. })));
    assert!(matches!(profiles.replace_key(&shop, &unique_key()), Err(Error::NotFound { .. })));
    assert!(matches!(entry_in_keychain(&shop.id), Err(keyring::Error::NoEntry)));

    profiles.remove(&other).unwrap();
    assert!(matches!(entry_in_keychain(&other.id), Err(keyring::Error::NoEntry)));
}

#[test]
fn deleting_a_missing_key_is_fine() {
    require_secret_service();
    let keychain = Keychain::new();
    let id = uuid::Uuid::new_v4().to_string();
    keychain.delete(&id).unwrap();
    keychain.store(&id, &unique_key()).unwrap();
    keychain.delete(&id).unwrap();
    keychain.delete(&id).unwrap();
    assert!(matches!(keychain.load(&id), Err(KeychainError::NoEntry { .. })));
}

#[test]
fn a_profile_without_a_key_says_how_to_add_one() {
    require_secret_service();
    let (_dir, profiles) = new_profiles();
    let shop = profiles.store().add("Main shop", Market::GgChest, None).unwrap();

    let err = profiles.key_for(&shop).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no key stored for profile Main shop: add it again with `sellerdesk profile set-key 'Main shop'`"
    );
    assert_eq!(
        profiles.masked_key(&shop),
        "unavailable: no key stored for profile Main shop: add it again with `sellerdesk profile set-key 'Main shop'`"
    );
    let err = profiles.keychain().load(&shop.id).unwrap_err();
    assert_eq!(err, KeychainError::NoEntry { profile: shop.id.clone() });

    // It can still get a key, and be removed.
    let key = unique_key();
    profiles.replace_key(&shop, &key).unwrap();
    assert_eq!(profiles.key_for(&shop).unwrap(), key);
    profiles.remove(&shop).unwrap();
    assert!(matches!(entry_in_keychain(&shop.id), Err(keyring::Error::NoEntry)));
}

#[test]
fn a_refused_add_stores_no_key_and_writes_nothing() {
    require_secret_service();
    let (dir, profiles) = new_profiles();
    let shop = profiles.add_with_key("Shop", Market::GgChest, None, &unique_key()).unwrap();
    let before = fs::read(dir.path().join("profiles.json")).unwrap();

    let rejected = unique_key();
    let err = profiles.add_with_key("SHOP", Market::GgChest, None, &rejected).unwrap_err();
    assert!(matches!(err, Error::DuplicateName { .. }), "{err:?}");
    let err = profiles.add_with_key("New", Market::GgChest, Some("http://example.com"), &rejected).unwrap_err();
    assert!(matches!(err, Error::InvalidBaseUrl { .. }), "{err:?}");
    let err = profiles.add_with_key("New", Market::GgChest, None, &ApiKey::new("\n")).unwrap_err();
    assert!(matches!(err, Error::EmptyApiKey), "{err:?}");
    assert!(err.to_string().contains("paste the key"), "{err}");

    assert_eq!(fs::read(dir.path().join("profiles.json")).unwrap(), before);
    assert_eq!(profiles.store().list().unwrap(), vec![shop.clone()]);
    assert_eq!(files_containing(dir.path(), rejected.expose()), Vec::<PathBuf>::new());
    profiles.remove(&shop).unwrap();
}

// ---------------------------------------------------------------------------------------------
// An unusable keychain: real failures in child processes.

#[test]
fn no_session_bus_gives_the_clear_error_and_writes_nothing() {
    // A bus address nobody listens on, and no address at all (libdbus then tries to autolaunch
    // a bus, which fails without X11).
    for (label, bus_address) in [("socket missing", Some("unix:path=/nonexistent")), ("variable unset", None)] {
        let dir = seeded_config_dir();
        let before = fs::read(dir.path().join("profiles.json")).unwrap();
        let mut command = child_command();
        match bus_address {
            Some(address) => command.env("DBUS_SESSION_BUS_ADDRESS", address),
            None => command.env_remove("DBUS_SESSION_BUS_ADDRESS"),
        };
        let child = run_child("no-session-bus", dir.path(), &mut command);
        child.assert_ok("no-session-bus");
        assert!(
            child.stdout.contains("the keychain cannot be reached: there is no D-Bus session bus"),
            "{label}: {child}"
        );
        assert!(child.stdout.contains("dbus-run-session"), "{label}: {child}");
        assert_eq!(fs::read(dir.path().join("profiles.json")).unwrap(), before, "{label}: the file changed");
    }
}

#[test]
fn a_bus_without_a_secret_service_gives_the_clear_error_and_writes_nothing() {
    require_programs(&["dbus-run-session"]);
    let dir = seeded_config_dir();
    let before = fs::read(dir.path().join("profiles.json")).unwrap();
    // A session bus that can start no services at all, so not gnome-keyring either.
    let config = dir.path().join("bus-without-services.conf");
    fs::write(&config, BUS_WITHOUT_SERVICES).unwrap();
    let mut command = Command::new("dbus-run-session");
    command.arg(format!("--config-file={}", config.display())).arg("--").arg(test_binary()).args(CHILD_ARGS);
    let child = run_child("no-secret-service", dir.path(), &mut command);
    child.assert_ok("no-secret-service");
    assert!(child.stdout.contains("nothing provides org.freedesktop.secrets"), "{child}");
    assert_eq!(fs::read(dir.path().join("profiles.json")).unwrap(), before);
}

#[test]
fn a_keyring_never_unlocked_gives_the_clear_error_and_writes_nothing() {
    require_programs(&["dbus-run-session", "gnome-keyring-daemon"]);
    let dir = seeded_config_dir();
    let before = fs::read(dir.path().join("profiles.json")).unwrap();
    let keyring_home = dir.path().join("keyring-home");
    fs::create_dir(&keyring_home).unwrap();
    let mut command = Command::new("dbus-run-session");
    command
        .args(["--", "sh", "-c"])
        .arg(r#"gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1; exec "$@""#)
        .arg("sh")
        .arg(test_binary())
        .args(CHILD_ARGS)
        .env("XDG_DATA_HOME", &keyring_home);
    let child = run_child("never-unlocked", dir.path(), &mut command);
    child.assert_ok("never-unlocked");
    assert!(child.stdout.contains("the keychain has no unlocked default keyring"), "{child}");
    assert_eq!(fs::read(dir.path().join("profiles.json")).unwrap(), before);
}

#[test]
fn a_locked_keyring_gives_the_clear_error_and_writes_nothing() {
    require_programs(&["dbus-run-session", "gnome-keyring-daemon", "dbus-send"]);
    let dir = tempfile::tempdir().unwrap();
    let keyring_home = dir.path().join("keyring-home");
    fs::create_dir(&keyring_home).unwrap();
    // Unlock, add a profile with its key, lock the login keyring, then try to use it. The daemon
    // `--unlock` starts is on the bus a moment after the command returns: until then a client's
    // call would D-Bus-activate a second daemon, whose keyring is locked (seen in a cold CI run).
    let script = r#"
        echo -n pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 90
        i=0
        until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
          org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
          i=$((i + 1)); [ "$i" -gt 100 ] && exit 93; sleep 0.1
        done
        PROFILES_TEST_SCENARIO=locked-setup "$@" || exit 91
        dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
          org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login \
          >/dev/null || exit 92
        PROFILES_TEST_SCENARIO=locked "$@"
    "#;
    let mut command = Command::new("dbus-run-session");
    command
        .args(["--", "sh", "-c", script, "sh"])
        .arg(test_binary())
        .args(CHILD_ARGS)
        .env("XDG_DATA_HOME", &keyring_home);
    let child = run_child("locked", dir.path(), &mut command);
    child.assert_ok("locked-setup");
    child.assert_ok("locked");
    assert!(child.stdout.contains("the keychain is locked"), "{child}");
    let names: Vec<String> = profiles::ProfileStore::open_at(dir.path().join("profiles.json"))
        .list()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Locked shop"], "a profile was added while the keychain was locked");
}

/// Runs in a child process only (see the module docs); as a plain test it does nothing.
#[test]
#[ignore = "run by the keychain tests in a child process"]
fn child_scenario() {
    let Ok(scenario) = env::var("PROFILES_TEST_SCENARIO") else {
        return;
    };
    let profiles = Profiles::open().unwrap();
    match scenario.as_str() {
        "read-key" => {
            let id = env::var("PROFILES_TEST_PROFILE_ID").unwrap();
            let expected = env::var("PROFILES_TEST_EXPECTED_KEY").unwrap();
            assert_eq!(Keychain::new().load(&id).unwrap().expose(), expected);
        }
        "no-session-bus" => {
            expect_keychain_unusable(&profiles, |err| matches!(err, KeychainError::NoSessionBus { .. }))
        }
        "no-secret-service" => expect_keychain_unusable(&profiles, |err| matches!(err, KeychainError::NoSecretService)),
        "never-unlocked" => expect_keychain_unusable(&profiles, |err| matches!(err, KeychainError::NotUnlocked)),
        "locked-setup" => {
            profiles.add_with_key("Locked shop", Market::GgChest, None, &unique_key()).unwrap();
        }
        "locked" => {
            let shop = profiles.store().get_by_name("Locked shop").unwrap();
            let is_locked = |err: &KeychainError| matches!(err, KeychainError::Locked { .. });
            let err = profiles.key_for(&shop).unwrap_err();
            assert!(is_locked(&err), "{err:?}");
            assert!(profiles.masked_key(&shop).starts_with("unavailable: the keychain is locked"));
            let err = profiles.replace_key(&shop, &unique_key()).unwrap_err();
            assert!(matches!(&err, Error::Keychain(err) if is_locked(err)), "{err:?}");
            let err = profiles.add_with_key("Second shop", Market::GgChest, None, &unique_key()).unwrap_err();
            assert!(matches!(&err, Error::Keychain(err) if is_locked(err)), "{err:?}");
            println!("ERROR: {err}");
        }
        other => panic!("unknown scenario {other}"),
    }
    println!("SCENARIO {scenario} OK");
}

/// The child's checks when the keychain can't be used at all: adding fails with `expected`
/// and a message without the key, removing keeps the profile, masking says why.
fn expect_keychain_unusable(profiles: &Profiles, expected: impl Fn(&KeychainError) -> bool) {
    let key = unique_key();
    let err = profiles.add_with_key("New shop", Market::GgChest, None, &key).unwrap_err();
    let Error::Keychain(keychain_err) = &err else { panic!("expected a keychain error, got {err:?}") };
    assert!(expected(keychain_err), "{keychain_err:?}");
    assert!(keychain_err.is_keychain_unavailable());
    let message = err.to_string();
    assert!(!message.contains(key.expose()) && !format!("{err:?}").contains(key.expose()));
    println!("ERROR: {message}");

    let existing = profiles.store().get_by_name("Existing shop").unwrap();
    let masked = profiles.masked_key(&existing);
    assert_eq!(masked, format!("unavailable: {keychain_err}"));
    // The key can't be deleted, so the profile stays rather than orphan its key.
    assert!(matches!(profiles.remove(&existing), Err(Error::Keychain(_))));
    assert!(profiles.store().get(&existing.id).is_ok());
}

// ---------------------------------------------------------------------------------------------
// Child process plumbing.

const CHILD_ARGS: [&str; 5] = ["child_scenario", "--exact", "--ignored", "--nocapture", "--test-threads=1"];

/// No child may take longer than this (an unlock prompt that can't be shown could hang).
const CHILD_TIMEOUT: Duration = Duration::from_secs(60);

const BUS_WITHOUT_SERVICES: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#;

fn test_binary() -> PathBuf {
    env::current_exe().unwrap()
}

fn child_command() -> Command {
    let mut command = Command::new(test_binary());
    command.args(CHILD_ARGS);
    command
}

/// A config dir holding one profile without a key ("Existing shop").
fn seeded_config_dir() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    profiles::ProfileStore::open_at(dir.path().join("profiles.json"))
        .add("Existing shop", Market::GgChest, None)
        .unwrap();
    dir
}

struct ChildOutput {
    success: bool,
    stdout: String,
    stderr: String,
}

impl ChildOutput {
    fn assert_ok(&self, scenario: &str) {
        assert!(
            self.success && self.stdout.lines().any(|line| line.ends_with(&format!("SCENARIO {scenario} OK"))),
            "child scenario {scenario} failed:\n{self}"
        );
    }
}

impl std::fmt::Display for ChildOutput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "--- stdout\n{}\n--- stderr\n{}", self.stdout, self.stderr)
    }
}

/// Fails the test, saying what to install, if one of `programs` is missing.
fn require_programs(programs: &[&str]) {
    for program in programs {
        let found = Command::new("sh")
            .args(["-c", &format!("command -v {program}")])
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        assert!(found, "{program} is missing: install the packages dbus-daemon and gnome-keyring (Debian/Ubuntu)");
    }
}

/// Runs `command` with the scenario and config dir set, no display (so no unlock dialog can
/// pop up on a developer's desktop) and no fallback bus, within a time limit.
fn run_child(scenario: &str, config_dir: &Path, command: &mut Command) -> ChildOutput {
    let mut child = command
        .env("PROFILES_TEST_SCENARIO", scenario)
        .env("SELLERDESK_CONFIG_DIR", config_dir)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        // libdbus looks for $XDG_RUNTIME_DIR/bus when DBUS_SESSION_BUS_ADDRESS is unset.
        .env_remove("XDG_RUNTIME_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Drain both pipes while waiting, so a chatty child can't block on a full pipe.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        thread::spawn(move || {
            let mut text = String::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_string(&mut text);
            }
            text
        })
    };
    let stdout = drain(child.stdout.take().map(|pipe| Box::new(pipe) as Box<dyn std::io::Read + Send>));
    let stderr = drain(child.stderr.take().map(|pipe| Box::new(pipe) as Box<dyn std::io::Read + Send>));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > CHILD_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        thread::sleep(Duration::from_millis(20));
    };
    let output = ChildOutput {
        success: status.is_some_and(|status| status.success()),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    };
    assert!(status.is_some(), "child scenario {scenario} took over {CHILD_TIMEOUT:?}:\n{output}");
    output
}
