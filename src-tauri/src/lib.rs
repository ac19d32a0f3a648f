//! Seller Desk's desktop shell: a thin, typed Tauri 2 command layer over `markets`, `profiles`
//! and `sandbox`. See docs/APP.md for the contract with the UI.

pub mod bindings;
pub mod clients;
pub mod command_list;
pub mod commands;
pub mod error;
pub mod generated;
pub mod ipc;
pub mod native;
pub mod notify;
pub mod orders_watcher;
pub mod picked_files;
pub mod progress;
pub mod rendering;
pub mod running_jobs;
pub mod state;

use tauri::Manager;

use crate::state::AppState;

/// Builds and runs the app: plugins, state, the command handler, and the sandbox restart.
pub fn run() {
    // Before anything starts a thread or WebKit: it reads its renderer variables once.
    rendering::apply_for_this_machine();
    let state = match AppState::open_default() {
        Ok(state) => state,
        Err(err) => {
            // Only when the OS reports no config directory: nothing can work without one.
            eprintln!("Seller Desk cannot start: {}", err.message);
            std::process::exit(1);
        }
    };
    // Logs in the data directory the CLI uses too (`crates/logs`; RUST_LOG adds stderr). The app
    // runs without them rather than not at all.
    match logs::init(&logs::Setup::from_env(state.jobs.data_dir().to_owned(), 0)) {
        Ok(_) => tracing::info!(version = env!("CARGO_PKG_VERSION"), "Seller Desk started"),
        Err(err) => eprintln!("Seller Desk: no log file: {err}"),
    }
    tauri::Builder::default()
        // First: a second launch hands over to the running app, which shows and focuses its window.
        .plugin(single_instance())
        .plugin(tauri_plugin_window_state::Builder::default().build())
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
            // Notifications of GGChest orders waiting for delivery (setting `notify_orders`).
            tauri::async_runtime::spawn(orders_watcher::run(app.handle().clone()));
            Ok(())
        })
        // Dropped files become reachable here, from the window's own event: the webview gets
        // handles (`files-dropped`), and no path it names is ever opened.
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, position }) = event {
                ipc::files_dropped(window, paths, *position);
            }
        })
        .invoke_handler(ipc::handler())
        .run(tauri::generate_context!())
        .unwrap_or_else(|err| {
            eprintln!("Seller Desk stopped: {err}");
            std::process::exit(1);
        });
}

/// One running app per profiles directory: a second launch with the same profiles focuses the
/// first one's window and exits. The D-Bus name is the identifier's, or, when
/// `SELLERDESK_CONFIG_DIR` points elsewhere (tests, a second set of profiles), one derived from
/// that directory, so separate profile sets may run side by side.
fn single_instance<R: tauri::Runtime>() -> tauri::plugin::TauriPlugin<R> {
    let mut builder = tauri_plugin_single_instance::Builder::new().callback(|app, _args, _cwd| {
        if let Some(window) = app.get_webview_window("main") {
            let _ = window.unminimize();
            let _ = window.show();
            let _ = window.set_focus();
        }
    });
    if let Some(dir) = std::env::var_os("SELLERDESK_CONFIG_DIR").filter(|d| !d.is_empty()) {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        dir.hash(&mut hasher);
        builder = builder.dbus_id(format!("app.sellerdesk.desktop.p{:016x}", hasher.finish()));
    }
    builder.build()
}
