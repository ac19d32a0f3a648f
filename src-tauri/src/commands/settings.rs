//! The app's settings (theme, language, notifications), typed: `desk::settings::Settings`, read
//! and written through `desk::settings::{load, save}` in the local store (`sellerdesk.db`). The
//! settings profiles.json held under `seller_desk_ui` before are moved there on the first read.
//! The notifier reads them through [`read`] as well.

pub use desk::settings::Settings;

use super::Ctx;
use crate::{error::CommandResult, state::AppState};

/// The settings as stored now (moved from profiles.json the first time).
pub async fn read(state: &AppState) -> CommandResult<Settings> {
    let store = state.jobs.local_store()?;
    state
        .with_profiles(move |p| {
            Ok(desk::settings::load(&store, || Ok(p.store().setting(desk::settings::LEGACY_KEY)?))?)
        })
        .await
}

/// The settings, every field filled (its default when never set); moved from profiles.json on
/// the first read.
pub async fn get_settings(ctx: &Ctx<'_>) -> CommandResult<Settings> {
    read(ctx.state).await
}

/// Replaces the settings (keys another build stored and `settings` lacks are kept); returns
/// them as stored. A bad value is refused naming its field, when the argument is read.
pub async fn set_settings(ctx: &Ctx<'_>, settings: Settings) -> CommandResult<Settings> {
    let store = ctx.state.jobs.local_store()?;
    super::files::blocking(move || Ok(desk::settings::save(&store, settings)?)).await
}
