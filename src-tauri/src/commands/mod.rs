//! The commands. Each is a plain async function over a [`Ctx`] (the state and where progress
//! goes), so tests call them directly, without a window; `crate::ipc` wraps each one in a
//! `#[tauri::command]`. Commands translate: they convert inputs, call `markets` / `profiles` /
//! `sandbox`, and convert the result. Rules live in those crates.

pub mod audit;
pub mod files;
pub mod gg;
pub mod gg_codes;
pub mod ggchest;
pub mod ggchest_batch;
pub mod job_views;
pub mod jobs;
pub mod jobs_plan;
pub mod logs;
pub mod operations;
pub mod profiles;
pub mod sandbox;
pub mod settings;

use std::sync::Arc;

use ::profiles::Profile;
use markets::{gg::GgClient, ggchest::GgcClient, ClientConfig, Market};

use crate::{
    clients::MarketClient,
    error::{CommandError, CommandResult},
    progress::Events,
    state::AppState,
};

/// What every command body gets.
pub struct Ctx<'a> {
    pub state: &'a AppState,
    pub events: &'a dyn Events,
    /// The running app, for the few commands that need a plugin (settings through the store).
    /// `None` in tests that drive commands without a window.
    pub app: Option<&'a tauri::AppHandle>,
}

impl<'a> Ctx<'a> {
    pub fn new(state: &'a AppState, events: &'a dyn Events) -> Self {
        Ctx { state, events, app: None }
    }
}

/// Demo profiles carry `"sandbox": true` in profiles.json (an app field the profiles crate keeps).
pub const SANDBOX_FIELD: &str = "sandbox";

pub fn is_sandbox(profile: &Profile) -> bool {
    profile.extra_fields().get(SANDBOX_FIELD).and_then(|v| v.as_bool()).unwrap_or(false)
}

/// The profile, read afresh (the CLI may have changed it), checked to be of `market`. A demo
/// profile gets the sandbox started first, since its URL changes with each start.
async fn profile_for(ctx: &Ctx<'_>, profile_id: &str, market: Market) -> CommandResult<Profile> {
    let id = profile_id.to_owned();
    let mut profile = ctx.state.with_profiles(move |p| Ok(p.store().get(&id)?)).await?;
    if profile.market != market {
        return Err(CommandError::new(
            markets::ErrorCode::ProfileInvalid,
            format!(
                "profile \"{}\" is a {} profile, and this is a {} screen: switch to a {} profile",
                profile.name,
                profile.market.display_name(),
                market.display_name(),
                market.display_name()
            ),
        ));
    }
    if is_sandbox(&profile) {
        sandbox::ensure_running(ctx.state).await?;
        let id = profile.id.clone();
        profile = ctx.state.with_profiles(move |p| Ok(p.store().get(&id)?)).await?;
    }
    Ok(profile)
}

/// The origin of the app's own sandbox while it runs (`http://127.0.0.1:PORT`).
pub(crate) async fn sandbox_origin(state: &AppState) -> Option<String> {
    state.sandbox.lock().await.as_ref().and_then(|s| crate::clients::origin_of(&s.base_url()))
}

/// Refuses the key of `profile` to a host that is not its marketplace's, the running sandbox,
/// or one the user confirmed ([`crate::clients::check_destination`]).
pub(crate) async fn check_destination(state: &AppState, profile: &Profile) -> CommandResult<()> {
    crate::clients::check_destination(profile, sandbox_origin(state).await.as_deref())
}

async fn client_for(ctx: &Ctx<'_>, profile_id: &str, market: Market) -> CommandResult<MarketClient> {
    let profile = profile_for(ctx, profile_id, market).await?;
    // Before the cache too: a client built earlier goes only where the key may go now.
    check_destination(ctx.state, &profile).await?;
    if let Some(client) = ctx.state.clients.get(&profile) {
        return Ok(client);
    }
    let for_key = profile.clone();
    let key = ctx.state.with_profiles(move |p| Ok(p.key_for(&for_key)?)).await?;
    // Every change the app's own commands send goes to the audit log (jobs write their own).
    let observer =
        ::jobs::audit::observer(ctx.state.jobs.audit_log().for_profile(profile.id.clone()), profile.name.clone());
    let config = ctx.state.jobs.with_shared_budget(
        ClientConfig::new(market, key).with_base_url(profile.base_url.clone()).with_observer(observer),
    );
    let client = match market {
        Market::GamingGoods => MarketClient::Gg(Arc::new(GgClient::new(config)?)),
        Market::GgChest => MarketClient::Ggc(Arc::new(GgcClient::new(config)?)),
    };
    ctx.state.clients.insert(&profile, client.clone());
    Ok(client)
}

/// The Gaming Goods client of a Gaming Goods profile.
pub async fn gg_client(ctx: &Ctx<'_>, profile_id: &str) -> CommandResult<Arc<GgClient>> {
    match client_for(ctx, profile_id, Market::GamingGoods).await? {
        MarketClient::Gg(c) => Ok(c),
        MarketClient::Ggc(_) => unreachable!("profile_for checked the market"),
    }
}

/// The GGChest client of a GGChest profile.
pub async fn ggc_client(ctx: &Ctx<'_>, profile_id: &str) -> CommandResult<Arc<GgcClient>> {
    match client_for(ctx, profile_id, Market::GgChest).await? {
        MarketClient::Ggc(c) => Ok(c),
        MarketClient::Gg(_) => unreachable!("profile_for checked the market"),
    }
}
