//! The UI's own settings (theme, last screen, window…), kept in profiles.json under one key of
//! their own, `seller_desk_ui`: one file for everything non-secret, shared with the CLI.
//!
//! Reads go through tauri-plugin-store, reloaded from disk each time. Writes go through the
//! profiles crate, under its lock and with its atomic rename, never through the store's `save`:
//! `save` rewrites the whole file in place, without the lock, from the store's memory, which
//! may be older than what the CLI wrote since; and the plugin saves every open store when the
//! app exits. So the store is closed right after each read: it never holds a copy to save.

use std::path::Path;

use serde_json::{Map, Value};
use tauri::{AppHandle, Runtime};
use tauri_plugin_store::StoreBuilder;

use super::Ctx;
use crate::error::{CommandError, CommandResult};

/// The top-level key of profiles.json that holds the UI's settings.
pub const SETTINGS_KEY: &str = "seller_desk_ui";
/// Settings are small; a bigger object is a bug in the UI, not something to write to disk.
pub const MAX_SETTINGS_BYTES: usize = 64 * 1024;

fn empty() -> Value {
    Value::Object(Map::new())
}

/// Reads the settings through the store plugin, fresh from disk, leaving no store open.
pub fn read_through_store<R: Runtime>(app: &AppHandle<R>, profiles_json: &Path) -> CommandResult<Value> {
    let store = StoreBuilder::new(app, profiles_json)
        .disable_auto_save()
        .build()
        .map_err(|e| CommandError::file(format!("cannot open {}: {e}", profiles_json.display())))?;
    // Replace (not merge) the cached copy with the file as it is now: keys others removed go too.
    let loaded = store.reload_ignore_defaults();
    let value = store.get(SETTINGS_KEY);
    store.close_resource();
    match loaded {
        Ok(()) => Ok(value.unwrap_or_else(empty)),
        // No file yet (no profile, nothing saved): no settings.
        Err(tauri_plugin_store::Error::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Ok(empty()),
        Err(e) => Err(CommandError::new(
            markets::ErrorCode::ProfileInvalid,
            format!("{} cannot be read ({e}): fix it or move it away", profiles_json.display()),
        )),
    }
}

pub async fn get_settings(ctx: &Ctx<'_>) -> CommandResult<Value> {
    let path = ctx.state.profiles.store().path().to_owned();
    match ctx.app {
        Some(app) => {
            let app = app.clone();
            tokio::task::spawn_blocking(move || read_through_store(&app, &path))
                .await
                .unwrap_or_else(|e| Err(CommandError::file(format!("reading settings failed: {e}"))))
        }
        // Without a running app (tests), the same key through the profiles crate.
        None => Ok(ctx.state.with_profiles(|p| Ok(p.store().setting(SETTINGS_KEY)?)).await?.unwrap_or_else(empty)),
    }
}

/// Replaces the settings object; returns it as stored.
pub async fn set_settings(ctx: &Ctx<'_>, settings: Value) -> CommandResult<Value> {
    if !settings.is_object() {
        return Err(CommandError::invalid_field("settings", "must be a JSON object"));
    }
    if serde_json::to_vec(&settings).map_or(0, |v| v.len()) > MAX_SETTINGS_BYTES {
        return Err(CommandError::invalid_field("settings", format!("is over {MAX_SETTINGS_BYTES} bytes")));
    }
    let stored = settings.clone();
    ctx.state.with_profiles(move |p| Ok(p.store().set_setting(SETTINGS_KEY, Some(stored))?)).await?;
    Ok(settings)
}
