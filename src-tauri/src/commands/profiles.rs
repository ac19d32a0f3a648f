//! Profiles: list, add (the key goes straight to the keychain), test, rename, replace key,
//! change the base URL, delete (with its keychain entry), and switch the active one.
//!
//! A key enters here once, in `add_profile` or `replace_key`, is handed to the keychain and
//! dropped; nothing returns it. The UI sees `masked_key` (`pk_l…mnop`) at most.

use desk::profiles::Connection;
use markets::{ApiKey, Market};
use profiles::{Profile, Profiles};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{gg_client, ggc_client, is_sandbox, Ctx};
use crate::{
    clients::origin_of,
    error::{CommandError, CommandResult, MessageText},
};

/// A profile as the UI sees it: no key, at most its masked form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProfileView {
    pub id: String,
    pub name: String,
    pub market: Market,
    pub base_url: String,
    pub uses_production_url: bool,
    pub created_at: String,
    /// A demo profile of the in-process sandbox.
    pub sandbox: bool,
    pub active: bool,
    /// `pk_l…mnop`; `null` when the key cannot be read (see `key_problem`).
    pub masked_key: Option<String>,
    /// Why the key cannot be read (keychain locked, no key stored…), with what to do.
    pub key_problem: Option<String>,
    /// `key_problem` as a template and values, for the UI's language (CommandError.text).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub key_problem_text: Option<MessageText>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProfilesState {
    pub profiles: Vec<ProfileView>,
    pub active_profile_id: Option<String>,
    /// Where profiles.json is (shared with the `sellerdesk` CLI), for the settings screen.
    pub file: String,
}

/// The add-profile form. `api_key` is typed once and goes to the keychain.
#[derive(Clone, Deserialize, TS)]
pub struct NewProfile {
    pub name: String,
    pub market: Market,
    /// `null` for the marketplace's production URL.
    pub base_url: Option<String>,
    pub api_key: String,
}

impl std::fmt::Debug for NewProfile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewProfile").field("name", &self.name).field("market", &self.market).finish_non_exhaustive()
    }
}

/// The outcome of "Test connection": data, not an error, since a failed test is an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ConnectionTest {
    pub ok: bool,
    /// The failure's code (`key_rejected`, `network`, `keychain_unavailable`, …) when not ok.
    pub code: Option<markets::ErrorCode>,
    pub message: String,
    /// The failure's message as a template and values, for the UI's language (CommandError.text).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub text: Option<MessageText>,
    /// When ok, what the marketplace reported, for the UI to say in its language.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub counts: Option<ConnectionCounts>,
}

pub use desk::profiles::ConnectionCounts;

pub(crate) fn view(profiles: &Profiles, profile: &Profile, active_id: Option<&str>) -> ProfileView {
    let (masked_key, key_problem, key_problem_text) = match profiles.key_for(profile) {
        Ok(key) => (Some(key.masked()), None, None),
        Err(err) => {
            let err = CommandError::from(err);
            (None, Some(err.message), err.text)
        }
    };
    ProfileView {
        id: profile.id.clone(),
        name: profile.name.clone(),
        market: profile.market,
        base_url: profile.base_url.clone(),
        uses_production_url: profile.uses_production_url(),
        created_at: profile.created_at.clone(),
        sandbox: is_sandbox(profile),
        active: active_id == Some(profile.id.as_str()),
        masked_key,
        key_problem,
        key_problem_text,
    }
}

pub(crate) fn state_of(profiles: &Profiles) -> CommandResult<ProfilesState> {
    let store = profiles.store();
    let list = store.list()?;
    let active = store.active()?.map(|p| p.id);
    Ok(ProfilesState {
        profiles: list.iter().map(|p| view(profiles, p, active.as_deref())).collect(),
        active_profile_id: active,
        file: store.path().display().to_string(),
    })
}

fn view_of(profiles: &Profiles, id: &str) -> CommandResult<ProfileView> {
    let profile = profiles.store().get(id)?;
    let active = profiles.store().active()?.map(|p| p.id);
    Ok(view(profiles, &profile, active.as_deref()))
}

pub async fn list_profiles(ctx: &Ctx<'_>) -> CommandResult<ProfilesState> {
    ctx.state.with_profiles(state_of).await
}

pub async fn add_profile(ctx: &Ctx<'_>, profile: NewProfile) -> CommandResult<ProfileView> {
    ctx.state
        .with_profiles(move |p| {
            let key = ApiKey::new(profile.api_key);
            let added = desk::profiles::add(p, &profile.name, profile.market, profile.base_url.as_deref(), &key)?;
            view_of(p, &added.id)
        })
        .await
}

pub async fn rename_profile(ctx: &Ctx<'_>, profile_id: String, name: String) -> CommandResult<ProfileView> {
    ctx.state
        .with_profiles(move |p| {
            p.store().rename(&profile_id, &name)?;
            view_of(p, &profile_id)
        })
        .await
}

/// `base_url: null` goes back to the marketplace's production URL. A URL on any host but the
/// marketplace's own and the app's running sandbox (both allowed as they are) must be confirmed
/// by the user in a native dialog that the Rust side shows, naming the host and the profile: the
/// profile's key will be sent there. Without that, the base URL does not change
/// (`not_confirmed`); with it, the host is recorded as confirmed for this profile
/// ([`CONFIRMED_HOSTS_FIELD`]), the only way the key may go to it.
pub async fn set_profile_base_url(
    ctx: &Ctx<'_>,
    profile_id: String,
    base_url: Option<String>,
) -> CommandResult<ProfileView> {
    let id = profile_id.clone();
    let profile = ctx.state.with_profiles(move |p| Ok(p.store().get(&id)?)).await?;
    let sandbox = super::sandbox_origin(ctx.state).await;
    let change = desk::profiles::base_url_change(&profile, base_url.as_deref(), sandbox.as_deref())?;
    let confirmed = match &change.to_confirm {
        Some(origin) => confirm_host(ctx, &profile, origin).await,
        None => false,
    };
    let view = ctx
        .state
        .with_profiles(move |p| {
            let changed = desk::profiles::set_base_url(p, &profile, change, confirmed)?;
            view_of(p, &changed.id)
        })
        .await?;
    ctx.state.clients.forget(&profile_id);
    Ok(view)
}

/// The native dialog: may the key of `profile` go to `origin`? In the UI's language.
async fn confirm_host(ctx: &Ctx<'_>, profile: &Profile, origin: &str) -> bool {
    let lang = crate::notify::NotifySettings::read(ctx.state).await.lang;
    let market = profile.market.display_name();
    let own = origin_of(profile.market.production_base_url()).unwrap_or_default();
    let name = &profile.name;
    let (title, message, yes, no) = match lang {
        jobs::notices::Lang::Ru => (
            format!("Отправлять API-ключ на {origin}?"),
            format!(
                "Профиль «{name}» ({market}) будет отправлять свой API-ключ на {origin}, а не на сервер \
                 {market} ({own}).\n\nКто управляет этим сервером, получит ключ. Подтвердите, только если \
                 вы сами указали этот адрес и доверяете ему."
            ),
            "Отправлять ключ туда".to_owned(),
            "Отмена".to_owned(),
        ),
        _ => (
            format!("Send the API key to {origin}?"),
            format!(
                "Profile \"{name}\" ({market}) would send its API key to {origin} instead of {market}'s own \
                 server ({own}).\n\nWhoever runs that server gets the key. Confirm only if you entered this \
                 address yourself and trust it."
            ),
            "Send the key there".to_owned(),
            "Cancel".to_owned(),
        ),
    };
    crate::native::confirm(ctx.app, title, message, yes, no).await
}

pub async fn replace_key(ctx: &Ctx<'_>, profile_id: String, api_key: String) -> CommandResult<ProfileView> {
    let id = profile_id.clone();
    let view = ctx
        .state
        .with_profiles(move |p| {
            let profile = p.store().get(&id)?;
            p.replace_key(&profile, &ApiKey::new(api_key))?;
            view_of(p, &id)
        })
        .await?;
    ctx.state.clients.forget(&profile_id);
    Ok(view)
}

/// Removes the profile and its keychain entry.
pub async fn delete_profile(ctx: &Ctx<'_>, profile_id: String) -> CommandResult<()> {
    let id = profile_id.clone();
    ctx.state
        .with_profiles(move |p| {
            let profile = p.store().get(&id)?;
            p.remove(&profile)?;
            Ok(())
        })
        .await?;
    ctx.state.clients.forget(&profile_id);
    Ok(())
}

pub async fn set_active_profile(ctx: &Ctx<'_>, profile_id: String) -> CommandResult<ProfileView> {
    ctx.state
        .with_profiles(move |p| {
            p.store().set_active(&profile_id)?;
            view_of(p, &profile_id)
        })
        .await
}

/// One cheap authenticated request with the stored key.
pub async fn test_connection(ctx: &Ctx<'_>, profile_id: String) -> CommandResult<ConnectionTest> {
    let id = profile_id.clone();
    let profile = ctx.state.with_profiles(move |p| Ok(p.store().get(&id)?)).await?;
    let outcome = async {
        match profile.market {
            Market::GamingGoods => {
                let client = gg_client(ctx, &profile_id).await?;
                desk::profiles::test_connection(Connection::Gg(&client)).await
            }
            Market::GgChest => {
                let client = ggc_client(ctx, &profile_id).await?;
                desk::profiles::test_connection(Connection::Ggc(&client)).await
            }
        }
    }
    .await;
    Ok(match outcome {
        Ok(counts) => {
            ConnectionTest { ok: true, code: None, message: counts.english(), text: None, counts: Some(counts) }
        }
        Err(err) => {
            ConnectionTest { ok: false, code: Some(err.code), message: err.message, text: err.text, counts: None }
        }
    })
}
