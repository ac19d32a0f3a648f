//! Seller Desk's desktop shell: a thin, typed Tauri 2 command layer over `markets`, `profiles`
//! and `sandbox`. See docs/APP.md for the contract with the UI.

pub mod bindings;
pub mod clients;
pub mod commands;
pub mod error;
pub mod ipc;
pub mod progress;
pub mod state;

use tauri::Manager;

use crate::state::AppState;

/// Builds and runs the app: plugins, state, the command handler, and the sandbox restart.
pub fn run() {
    let state = match AppState::open_default() {
        Ok(state) => state,
        Err(err) => {
            // Only when the OS reports no config directory: nothing can work without one.
            eprintln!("Seller Desk cannot start: {}", err.message);
            std::process::exit(1);
        }
    };
    tauri::Builder::default()
        .plugin(tauri_plugin_store::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .setup(|app| {
            // Demo profiles point at a sandbox that lived in the previous run: bring it back.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let state = handle.state::<AppState>();
                if let Err(err) = commands::sandbox::restart_if_demo_profiles(&state).await {
                    eprintln!("Seller Desk: the demo sandbox did not restart: {}", err.message);
                }
            });
            Ok(())
        })
        .invoke_handler(ipc::handler())
        .run(tauri::generate_context!())
        .unwrap_or_else(|err| {
            eprintln!("Seller Desk stopped: {err}");
            std::process::exit(1);
        });
}
