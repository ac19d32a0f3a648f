// Generates the app's ACL: an `allow-<command>` permission per command in COMMAND_NAMES, so the
// webview may call only the commands capabilities/default.json lists.
include!("src/commands/names.rs");

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMAND_NAMES);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)).expect("tauri-build failed");
}
