//! The IPC contract's static parts: the command list, the capabilities that allow exactly those
//! commands (and the plugins used), the CSP, and the generated TypeScript (drift check).

use std::{collections::BTreeSet, fs, path::Path};

use seller_desk::{bindings, command_list, generated, ipc};

fn src_tauri() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The names of the commands, as `build.rs` reads them from the text of src/ipc.rs.
fn command_names() -> Vec<String> {
    let text = fs::read_to_string(src_tauri().join("src/ipc.rs")).unwrap();
    command_list::parse(&text).unwrap().into_iter().map(|e| e.name).collect()
}

#[test]
fn the_command_list_build_rs_sees_is_the_one_registered() {
    let text = fs::read_to_string(src_tauri().join("src/ipc.rs")).unwrap();
    let read: Vec<(String, String)> =
        command_list::parse(&text).unwrap().into_iter().map(|e| (e.module, e.name)).collect();
    let registered: Vec<(String, String)> =
        ipc::catalog().iter().map(|c| (c.module.to_owned(), c.name.to_owned())).collect();
    assert_eq!(
        read, registered,
        "build.rs (src/command_list.rs) must read exactly the commands the app_commands! list of src/ipc.rs registers"
    );
    let unique: BTreeSet<&str> = registered.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(unique.len(), registered.len(), "command names are unique");
}

#[test]
fn the_command_list_reader_takes_entries_over_lines_and_comments() {
    let text = "macro_rules! app_commands { () => {} }\napp_commands! {\n    // a comment\n    a::one() -> ();\n    \
                b::two(x: String,\n        y: Option<u64>) -> Vec<String>; // trailing\n}\n";
    let names: Vec<(String, String)> =
        command_list::parse(text).unwrap().into_iter().map(|e| (e.module, e.name)).collect();
    assert_eq!(names, [("a".into(), "one".into()), ("b".into(), "two".into())]);
    assert!(command_list::parse("app_commands! {\n    one() -> ();\n}\n").is_err());
    assert!(command_list::parse("no list").is_err());
}

#[test]
fn capabilities_allow_only_our_commands_and_the_plugins_we_use() {
    let text = fs::read_to_string(src_tauri().join("capabilities/default.json")).unwrap();
    let caps: serde_json::Value = serde_json::from_str(&text).unwrap();
    let granted: BTreeSet<String> =
        caps["permissions"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_owned()).collect();
    let ours: BTreeSet<String> = command_names().iter().map(|n| generated::permission(n)).collect();
    let plugins: BTreeSet<String> = generated::PLUGIN_PERMISSIONS.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        plugins,
        ["core:app:allow-version", "core:app:allow-name", "core:event:allow-listen", "core:event:allow-unlisten"]
            .iter()
            .map(|s| s.to_string())
            .collect::<BTreeSet<_>>(),
        "no plugin permission beyond these (docs/SECURITY.md)"
    );
    let expected: BTreeSet<String> = ours.union(&plugins).cloned().collect();
    assert_eq!(granted, expected);
    assert_eq!(caps["windows"], serde_json::json!(["main"]));
}

const REGENERATE: &str = "SELLER_DESK_WRITE_BINDINGS=1 cargo test -p seller-desk --test contract";

/// Writes `fresh` to `path` under SELLER_DESK_WRITE_BINDINGS, else fails when they differ.
fn up_to_date(path: &Path, fresh: &str, what: &str) {
    if std::env::var_os("SELLER_DESK_WRITE_BINDINGS").is_some() {
        fs::write(path, fresh).unwrap();
        return;
    }
    let committed = fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is stale: {what} differs from what the command list of src-tauri/src/ipc.rs generates; \
         regenerate it with `{REGENERATE}` and commit it",
        path.display()
    );
}

/// A command missing from (or left in) the capability file fails here.
#[test]
fn the_capability_file_is_generated_from_the_command_list() {
    let fresh = generated::capabilities_json(&ipc::catalog());
    up_to_date(&src_tauri().join("capabilities/default.json"), &fresh, "its permission list");
}

#[test]
fn the_command_reference_in_app_md_is_generated_from_the_command_list() {
    let path = src_tauri().join("../docs/APP.md");
    let doc = fs::read_to_string(&path).unwrap();
    let section = generated::command_reference_md(&ipc::catalog(), &src_tauri().join("src/commands"));
    let fresh = generated::splice(&doc, &section).unwrap_or_else(|e| panic!("docs/APP.md: {e}"));
    up_to_date(&path, &fresh, "the command reference between its `<!-- begin: commands -->` markers");
}

#[test]
fn a_body_doc_is_its_first_paragraph_with_links_as_text() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("m.rs"),
        "/// Not this one.\nfn other() {}\n\n/// Removes the [`Profile`] and its\n/// [`key`](crate::Key).\n///\n/// \
         Details.\n#[allow(unused)]\npub async fn remove(ctx: &Ctx<'_>) {}\npub async fn bare() {}\n",
    )
    .unwrap();
    assert_eq!(generated::body_doc(dir.path(), "m", "remove").as_deref(), Some("Removes the `Profile` and its `key`."));
    assert_eq!(generated::body_doc(dir.path(), "m", "bare"), None);
    assert_eq!(generated::body_doc(dir.path(), "m", "missing"), None);
    assert_eq!(generated::body_doc(dir.path(), "nowhere", "remove"), None);
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
        } else if path.parent() == Some(base) && path.file_name().is_some_and(|n| n != "commands.ts" && n != "ipc.ts") {
            // Only commands.ts and ipc.ts of the UI's own files in ui/src/lib are generated.
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
