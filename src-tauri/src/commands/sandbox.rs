//! "Try without keys": the sandbox in-process on loopback, with one demo profile per market.
//!
//! Demo profiles are ordinary profiles flagged `"sandbox": true`, with the sandbox's seeded keys
//! in the keychain like any other key. The sandbox keeps its state in memory and takes a new port
//! on each start, so every start re-points the demo profiles at it; the app restarts it at launch
//! when demo profiles exist, and any command on a demo profile starts it if needed.

use ::profiles::{ApiKey, Profile, Profiles};
use ::sandbox::{Sandbox, SandboxConfig, GGCHEST_KEY_A, GG_KEY_A};
use markets::Market;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::{
    is_sandbox,
    profiles::{state_of, ProfilesState},
    Ctx, SANDBOX_FIELD,
};
use crate::{
    error::{CommandError, CommandResult},
    state::AppState,
};

pub const DEMO_GG_NAME: &str = "Demo · Gaming Goods";
pub const DEMO_GGCHEST_NAME: &str = "Demo · GGChest";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SandboxStatus {
    pub running: bool,
    /// `http://127.0.0.1:PORT` while running.
    pub base_url: Option<String>,
}

fn market_url(sandbox: &Sandbox, market: Market) -> String {
    match market {
        Market::GamingGoods => sandbox.gg_base_url(),
        Market::GgChest => sandbox.ggchest_base_url(),
    }
}

/// Starts the sandbox unless it runs, and points the demo profiles at it. Returns its base URL.
pub async fn ensure_running(state: &AppState) -> CommandResult<String> {
    let mut slot = state.sandbox.lock().await;
    if let Some(sandbox) = slot.as_ref() {
        return Ok(sandbox.base_url());
    }
    let sandbox = Sandbox::start(SandboxConfig::default()).await.map_err(|err| {
        CommandError::new(
            markets::ErrorCode::Sandbox,
            format!("the sandbox could not start on 127.0.0.1: {err}; try again"),
        )
    })?;
    let urls = [
        (Market::GamingGoods, market_url(&sandbox, Market::GamingGoods)),
        (Market::GgChest, market_url(&sandbox, Market::GgChest)),
    ];
    let repointed = state
        .with_profiles(move |p| {
            let mut ids = Vec::new();
            for profile in p.store().list()?.iter().filter(|pr| is_sandbox(pr)) {
                let url = &urls.iter().find(|(m, _)| *m == profile.market).expect("both markets").1;
                p.store().set_base_url(&profile.id, Some(url))?;
                ids.push(profile.id.clone());
            }
            Ok(ids)
        })
        .await?;
    for id in repointed {
        state.clients.forget(&id);
    }
    let base_url = sandbox.base_url();
    *slot = Some(sandbox);
    Ok(base_url)
}

/// Adds the demo profile of `market` unless one exists; stores the sandbox key either way (the
/// keychain entry may have been removed by hand).
fn ensure_demo_profile(p: &Profiles, market: Market, url: &str) -> CommandResult<Profile> {
    let (name, key) = match market {
        Market::GamingGoods => (DEMO_GG_NAME, GG_KEY_A),
        Market::GgChest => (DEMO_GGCHEST_NAME, GGCHEST_KEY_A),
    };
    let key = ApiKey::new(key);
    if let Some(existing) = p.store().list()?.into_iter().find(|pr| pr.market == market && is_sandbox(pr)) {
        p.replace_key(&existing, &key)?;
        return Ok(existing);
    }
    // A profile of the seller's own may already use the name: number the demo one.
    let mut attempt = 1;
    let added = loop {
        let candidate = if attempt == 1 { name.to_owned() } else { format!("{name} {attempt}") };
        match p.add_with_key(&candidate, market, Some(url), &key) {
            Err(::profiles::Error::DuplicateName { .. }) if attempt < 9 => attempt += 1,
            other => break other?,
        }
    };
    Ok(p.store().set_profile_field(&added.id, SANDBOX_FIELD, Some(Value::Bool(true)))?)
}

/// Starts the sandbox and creates (or re-points) the two demo profiles; the Gaming Goods one
/// becomes active when no profile is.
pub async fn sandbox_start_demo(ctx: &Ctx<'_>) -> CommandResult<ProfilesState> {
    ensure_running(ctx.state).await?;
    let (gg_url, ggc_url) = {
        let slot = ctx.state.sandbox.lock().await;
        let sandbox = slot.as_ref().expect("ensure_running started it");
        (sandbox.gg_base_url(), sandbox.ggchest_base_url())
    };
    ctx.state
        .with_profiles(move |p| {
            let gg = ensure_demo_profile(p, Market::GamingGoods, &gg_url)?;
            ensure_demo_profile(p, Market::GgChest, &ggc_url)?;
            if p.store().active()?.is_none() {
                p.store().set_active(&gg.id)?;
            }
            state_of(p)
        })
        .await
}

pub async fn sandbox_status(ctx: &Ctx<'_>) -> CommandResult<SandboxStatus> {
    let slot = ctx.state.sandbox.lock().await;
    Ok(SandboxStatus { running: slot.is_some(), base_url: slot.as_ref().map(Sandbox::base_url) })
}

/// At app start: restart the sandbox if demo profiles exist, so they work at once.
pub async fn restart_if_demo_profiles(state: &AppState) -> CommandResult<bool> {
    let any_demo = state.with_profiles(|p| Ok(p.store().list()?.iter().any(is_sandbox))).await?;
    if any_demo {
        ensure_running(state).await?;
    }
    Ok(any_demo)
}
