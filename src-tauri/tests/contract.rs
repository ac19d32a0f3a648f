//! The IPC contract's static parts: the command list, the capabilities that allow exactly those
//! commands (and the plugins used), the CSP, and the generated TypeScript (drift check).

use std::{collections::BTreeSet, fs, path::Path};

use seller_desk::{bindings, commands::names::COMMAND_NAMES, ipc};

fn src_tauri() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_command_list_build_rs_sees_is_the_one_registered() {
    let catalog: Vec<&str> = ipc::catalog().iter().map(|c| c.name).collect();
    assert_eq!(catalog, COMMAND_NAMES, "src/commands/names.rs must list exactly the commands of src/ipc.rs");
    let unique: BTreeSet<&str> = catalog.iter().copied().collect();
    assert_eq!(unique.len(), catalog.len(), "command names are unique");
}

#[test]
fn capabilities_allow_only_our_commands_and_the_plugins_we_use() {
    let text = fs::read_to_string(src_tauri().join("capabilities/default.json")).unwrap();
    let caps: serde_json::Value = serde_json::from_str(&text).unwrap();
    let granted: BTreeSet<String> =
        caps["permissions"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_owned()).collect();
    let ours: BTreeSet<String> = COMMAND_NAMES.iter().map(|n| format!("allow-{}", n.replace('_', "-"))).collect();
    let plugins: BTreeSet<String> =
        ["core:app:allow-version", "core:app:allow-name", "core:event:allow-listen", "core:event:allow-unlisten"]
            .iter()
            .map(|s| s.to_string())
            .collect();
    let expected: BTreeSet<String> = ours.union(&plugins).cloned().collect();
    assert_eq!(granted, expected);
    assert_eq!(caps["windows"], serde_json::json!(["main"]));
}

#[test]
fn the_csp_loads_no_remote_script() {
    let conf: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(src_tauri().join("tauri.conf.json")).unwrap()).unwrap();
    let csp = conf["app"]["security"]["csp"].as_str().unwrap();
    let directive = |name: &str| {
        csp.split(';').map(str::trim).find(|d| d.starts_with(name)).unwrap_or_else(|| panic!("no {name} in {csp}"))
    };
    assert_eq!(directive("script-src"), "script-src 'self'");
    assert_eq!(directive("default-src"), "default-src 'self'");
    // Only the IPC bridge: the webview talks to nothing but the shell.
    let connect: Vec<&str> = directive("connect-src").split_whitespace().skip(1).collect();
    assert_eq!(connect, ["ipc:", "http://ipc.localhost"]);
    // Images: the app's own, `data:` (icon previews), GGChest's image hosts (game, currency and
    // offer icons in its answers) and the sandbox's on loopback; no other host (issue 11, finding 9).
    let img: Vec<&str> = directive("img-src").split_whitespace().skip(1).collect();
    assert_eq!(
        img,
        [
            "'self'",
            "data:",
            "https://cdn.ggchest.com",
            "https://storage.googleapis.com/ggchest-public/",
            "http://127.0.0.1:*"
        ]
    );
    assert_eq!(conf["app"]["windows"][0]["dragDropEnabled"], serde_json::json!(true));
}

/// Fails when the committed TypeScript differs from what the Rust types generate now.
#[test]
fn typescript_bindings_are_up_to_date() {
    let catalog = ipc::catalog();
    let committed = src_tauri().join("../ui/src/lib");
    if std::env::var_os("SELLER_DESK_WRITE_BINDINGS").is_some() {
        bindings::write_all(&committed, &catalog).unwrap();
        return;
    }
    let fresh = tempfile::tempdir().unwrap();
    bindings::write_all(fresh.path(), &catalog).unwrap();
    let mut stale = Vec::new();
    let mut generated = Vec::new();
    collect(fresh.path(), fresh.path(), &mut generated);
    for rel in &generated {
        let now = fs::read_to_string(fresh.path().join(rel)).unwrap();
        if fs::read_to_string(committed.join(rel)).ok().as_deref() != Some(now.as_str()) {
            stale.push(format!("{} differs or is missing", rel.display()));
        }
    }
    let mut committed_files = Vec::new();
    collect(&committed.join("bindings"), &committed, &mut committed_files);
    for rel in committed_files {
        if !generated.contains(&rel) {
            stale.push(format!("{} is no longer generated", rel.display()));
        }
    }
    assert!(
        stale.is_empty(),
        "the TypeScript bindings drifted from the Rust types:\n  {}\nregenerate them with \
         `SELLER_DESK_WRITE_BINDINGS=1 cargo test -p seller-desk --test contract` and commit ui/src/lib",
        stale.join("\n  ")
    );
}

fn collect(dir: &Path, base: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, base, out);
        } else if path.parent() == Some(base) && path.file_name().is_some_and(|n| n != "commands.ts") {
            // Only commands.ts of the UI's own files in ui/src/lib is generated.
        } else {
            out.push(path.strip_prefix(base).unwrap().to_owned());
        }
    }
}

#[test]
fn signatures_read_like_typescript() {
    let catalog = ipc::catalog();
    let sig = |name: &str| catalog.iter().find(|c| c.name == name).unwrap().signature();
    assert_eq!(sig("gg_dashboard"), "gg_dashboard(profileId: string): Promise<GgDashboard>");
    assert_eq!(sig("ggc_games"), "ggc_games(profileId: string, offerType: OfferType | null): Promise<Array<Game>>");
}
