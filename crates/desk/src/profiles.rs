//! Seller profiles, the rules both faces follow when adding one or moving its base URL (the
//! storage itself, profiles.json and the keychain, is the `profiles` crate's).

use markets::{ApiKey, Market};
use profiles::{Profile, Profiles};

use crate::{
    key_destination::{add_confirmed_host, destination, origin_of, Destination},
    Error, Result,
};

/// Adds a profile with its key (stored in the keychain). A base URL other than the
/// marketplace's production one was typed together with the key: its host counts as confirmed
/// (other hosts, later, need the user's confirmation: [`base_url_change`]).
pub fn add(p: &Profiles, name: &str, market: Market, base_url: Option<&str>, key: &ApiKey) -> Result<Profile> {
    let base_url = base_url.map(str::trim).filter(|u| !u.is_empty());
    let added = p.add_with_key(name, market, base_url, key)?;
    if added.base_url != market.production_base_url() {
        if let Some(origin) = origin_of(&added.base_url) {
            add_confirmed_host(p, &added.id, origin)?;
        }
    }
    Ok(p.store().get(&added.id)?)
}

/// A new base URL for a profile, checked, and whether the user must first confirm that the key
/// may go to its host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrlChange {
    /// Normalized; the production URL for "back to production".
    pub url: String,
    /// The origin to confirm: not the marketplace's, not the running sandbox, not confirmed yet.
    pub to_confirm: Option<String>,
}

/// `base_url: None` (or blank) goes back to the marketplace's production URL.
pub fn base_url_change(profile: &Profile, base_url: Option<&str>, sandbox_origin: Option<&str>) -> Result<BaseUrlChange> {
    let url = match base_url.map(str::trim).filter(|u| !u.is_empty()) {
        Some(url) => profiles::normalize_base_url(url, profile.market)?,
        None => profile.market.production_base_url().to_owned(),
    };
    let to_confirm = match destination(profile, &url, sandbox_origin) {
        Destination::Unconfirmed(origin) => Some(origin),
        _ => None,
    };
    Ok(BaseUrlChange { url, to_confirm })
}

/// Applies `change`; a host to confirm that the user did not confirm leaves the profile as it
/// was (`not_confirmed`). A confirmed host is recorded, the only way the key may go to it.
pub fn set_base_url(p: &Profiles, profile: &Profile, change: BaseUrlChange, confirmed: bool) -> Result<Profile> {
    if let Some(origin) = change.to_confirm {
        if !confirmed {
            return Err(Error::templated(
                markets::ErrorCode::NotConfirmed,
                crate::error::NOT_CONFIRMED,
                vec![("profile", profile.name.clone()), ("host", origin)],
            ));
        }
        add_confirmed_host(p, &profile.id, origin)?;
    }
    Ok(p.store().set_base_url(&profile.id, Some(&change.url))?)
}
