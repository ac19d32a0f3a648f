// Generates the app's ACL: an `allow-<command>` permission per command of the list in
// src/ipc.rs (the `app_commands!` block, read by src/command_list.rs), so the webview may call
// only the commands capabilities/default.json lists.
#[allow(dead_code)]
#[path = "src/command_list.rs"]
mod command_list;

fn main() {
    let ipc_rs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ipc.rs");
    println!("cargo:rerun-if-changed={}", ipc_rs.display());
    let text = std::fs::read_to_string(&ipc_rs).expect("src/ipc.rs is readable");
    let entries = command_list::parse(&text).unwrap_or_else(|e| panic!("src/ipc.rs: {e}"));
    // tauri-build wants a 'static list; the build script ends right after.
    let names: Vec<&'static str> = entries.into_iter().map(|e| &*Box::leak(e.name.into_boxed_str())).collect();
    let manifest = tauri_build::AppManifest::new().commands(Box::leak(names.into_boxed_slice()));
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)).expect("tauri-build failed");
}
