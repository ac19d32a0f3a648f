//! Everything of ours is private whatever the umask (issue 11, finding 8): with umask 022 the
//! data directory and its subdirectories are 0700, and every file Seller Desk writes there or
//! exports (journals, the local store holding the audit log, the journal key's lock file,
//! results and audit CSV files, profiles.json) is 0600. Before: directories 0755, journals and
//! audit.jsonl 0644. Needs
//! ./test's D-Bus session (the job seals its codes with the keychain's journal key).
#![cfg(unix)]

mod common;

use std::{os::unix::fs::PermissionsExt, path::Path};

use common::{Env, Run};
use sandbox::{GgDeliveryType, GG_KEY_A};
use tempfile::TempDir;

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Every directory and file under `dir`, with its mode.
fn walk(dir: &Path, out: &mut Vec<(String, u32)>) {
    out.push((dir.display().to_string(), mode(dir)));
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push((p.display().to_string(), mode(&p)));
        }
    }
}

#[test]
fn with_umask_022_every_directory_is_0700_and_every_file_0600() {
    // SAFETY: umask is process-wide; this binary has this one test. The children inherit it.
    let old = unsafe { libc::umask(0o022) };
    // No journal key yet: the job creates it, under the lock file in the data dir.
    profiles::Keychain::new().delete_named(jobs::JOURNAL_KEY_ACCOUNT).expect("a usable keychain");
    let env = Env::start();
    let root = TempDir::new().unwrap();
    let data = root.path().join("sellerdesk");
    let state = env.sandbox.state();
    let products = state.gg_products_of(GG_KEY_A);
    let product = products.iter().find(|p| p.delivery_type == GgDeliveryType::Auto).unwrap().id.clone();
    let file = env.file("codes.csv", format!("{product},PRIV-AAAA-BBBB-0001\n{product},PRIV-AAAA-BBBB-0002\n"));
    let gg = |args: &[&str]| {
        let mut c = env.cmd();
        c.env("SELLERDESK_DATA_DIR", &data)
            .env("SELLERDESK_API_KEY", GG_KEY_A)
            .args(["--market", "gg", "--base-url", &env.sandbox.gg_base_url()])
            .args(args);
        Run::of(&mut c)
    };
    let run = gg(&["--json", "jobs", "run", "gg-upload-codes", "--file", &file]).ok().json();
    let id = run["job"]["id"].as_str().unwrap().to_owned();
    let results = data.join("results.csv");
    gg(&["jobs", "results", &id, "--csv", results.to_str().unwrap()]).ok();
    let audit = data.join("exports/audit.csv");
    std::fs::create_dir(data.join("exports")).unwrap();
    std::fs::set_permissions(data.join("exports"), std::fs::Permissions::from_mode(0o700)).unwrap();
    gg(&["audit", "export", "--out", audit.to_str().unwrap()]).ok();
    // profiles.json, beside them in the config dir.
    let mut add = env.cmd();
    add.args(["profile", "add", "Private shop", "--market", "gg"]).write_stdin("pk_test_private_0123456789");
    let profile_add = Run::of(&mut add);
    unsafe { libc::umask(old) };
    profile_add.ok();

    let mut all = Vec::new();
    walk(&data, &mut all);
    let names: Vec<&str> = all.iter().map(|(p, _)| p.rsplit('/').next().unwrap()).collect();
    for expected in ["jobs", "sellerdesk.db", "journal-key.lock", "results.csv", "audit.csv"] {
        assert!(names.contains(&expected), "{expected} was written: {all:?}");
    }
    assert!(all.iter().any(|(p, _)| p.ends_with(".jsonl") && p.contains("/jobs/")), "{all:?}");
    let wrong: Vec<_> = all
        .iter()
        .filter(|(p, m)| if Path::new(p).is_dir() { *m != 0o700 } else { *m != 0o600 })
        .map(|(p, m)| format!("{p}: {m:o}"))
        .collect();
    assert!(wrong.is_empty(), "not private under umask 022:\n{}", wrong.join("\n"));
    assert_eq!(mode(&env.config_dir.path().join("profiles.json")), 0o600);
}
