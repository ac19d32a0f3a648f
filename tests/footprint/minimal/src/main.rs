//! A minimal Tauri 2 window: the template's app without plugins or commands, showing one static
//! page. scripts/footprint.sh measures Seller Desk against it (launch to first paint, RSS, .deb).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default().run(tauri::generate_context!()).expect("error while running the minimal Tauri app");
}
