//! Where a profile's key may go: its marketplace's documented production host, the app's own
//! running sandbox, or a host the user confirmed for that profile (docs/SECURITY.md). One rule
//! for both faces: the app asks in a native dialog, `sellerdesk profile set-url` at the
//! terminal (or takes `--yes`); a profile added together with its URL has that URL's host
//! confirmed, since the key was typed for it.

use profiles::{Profile, Profiles};

use crate::{Error, Result};

/// The profile field (in profiles.json) listing the origins (`scheme://host[:port]`) the user
/// confirmed, in the native dialog, that this profile's key may be sent to. Written only by
/// [`crate::profiles`] (a profile added with its URL, a base URL whose host the user confirmed);
/// no command lets the webview write it.
pub const CONFIRMED_HOSTS_FIELD: &str = "confirmed_hosts";

/// `scheme://host[:port]` of a URL (the port only when not the scheme's default); `None` when it
/// does not parse.
pub fn origin_of(url: &str) -> Option<String> {
    let url = url::Url::parse(url.trim()).ok()?;
    url.has_host().then(|| url.origin().ascii_serialization())
}

/// Where a profile's base URL leads, as far as its key is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// The marketplace's documented production host (https, default port).
    Production,
    /// The app's own sandbox, running now in this process.
    OwnSandbox,
    /// A host the user confirmed for this profile in the native dialog.
    Confirmed,
    /// Anything else: the key is not sent. Holds the origin.
    Unconfirmed(String),
}

/// Where `base_url` of `profile` leads; `sandbox_origin` is the origin of the app's running
/// sandbox, if it runs.
pub fn destination(profile: &Profile, base_url: &str, sandbox_origin: Option<&str>) -> Destination {
    let Some(origin) = origin_of(base_url) else { return Destination::Unconfirmed(base_url.to_owned()) };
    if origin_of(profile.market.production_base_url()).as_deref() == Some(origin.as_str()) {
        return Destination::Production;
    }
    if sandbox_origin.and_then(origin_of).as_deref() == Some(origin.as_str()) {
        return Destination::OwnSandbox;
    }
    if confirmed_hosts(profile).iter().any(|h| *h == origin) {
        return Destination::Confirmed;
    }
    Destination::Unconfirmed(origin)
}

/// The origins confirmed for this profile.
pub fn confirmed_hosts(profile: &Profile) -> Vec<String> {
    profile
        .extra_fields()
        .get(CONFIRMED_HOSTS_FIELD)
        .and_then(|v| v.as_array())
        .map(|a| a.iter().filter_map(|h| h.as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

/// Refuses to hand the key of `profile` to a client for an unconfirmed host: checked wherever a
/// client is built with the key (both faces' commands, the app's orders watcher, bulk jobs), so a
/// base URL changed by any other means (profiles.json edited by hand) does not get the key.
pub fn check_destination(profile: &Profile, sandbox_origin: Option<&str>) -> Result<()> {
    match destination(profile, &profile.base_url, sandbox_origin) {
        Destination::Unconfirmed(origin) => Err(Error::templated(
            markets::ErrorCode::BaseUrlUnconfirmed,
            crate::error::BASE_URL_UNCONFIRMED,
            vec![
                ("profile", profile.name.clone()),
                ("host", origin),
                ("market", profile.market.display_name().to_owned()),
            ],
        )),
        _ => Ok(()),
    }
}

/// Records `origin` as confirmed for the profile (kept with those confirmed before).
pub fn add_confirmed_host(p: &Profiles, id: &str, origin: String) -> Result<()> {
    let mut hosts = confirmed_hosts(&p.store().get(id)?);
    if !hosts.contains(&origin) {
        hosts.push(origin);
    }
    p.store().set_profile_field(id, CONFIRMED_HOSTS_FIELD, Some(serde_json::json!(hosts)))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(market: markets::Market, base_url: &str, confirmed: &[&str]) -> Profile {
        let mut value = serde_json::json!({
            "id": "p1", "name": "Shop", "market": market.id(), "base_url": base_url,
            "created_at": "2026-01-01T00:00:00Z",
        });
        if !confirmed.is_empty() {
            value[CONFIRMED_HOSTS_FIELD] = serde_json::json!(confirmed);
        }
        serde_json::from_value(value).expect("profile")
    }

    #[test]
    fn only_production_the_own_sandbox_and_confirmed_hosts_get_the_key() {
        use markets::Market::*;
        let sandbox = Some("http://127.0.0.1:4040");
        for (market, url) in
            [(GgChest, "https://sellerapi.ggchest.com"), (GamingGoods, "https://gaming-goods.ru/api/partner/v1")]
        {
            assert_eq!(destination(&profile(market, url, &[]), url, None), Destination::Production);
        }
        // The other marketplace's host, another port, plain http: not production.
        let other = profile(GgChest, "https://gaming-goods.ru/api/partner/v1", &[]);
        assert!(check_destination(&other, None).is_err());
        let port = profile(GgChest, "https://sellerapi.ggchest.com:8443", &[]);
        assert!(check_destination(&port, None).is_err());
        let http = profile(GgChest, "http://sellerapi.ggchest.com", &[]);
        assert!(check_destination(&http, None).is_err());
        // The running sandbox, and only while it is that one.
        let demo = profile(GgChest, "http://127.0.0.1:4040/ggchest", &[]);
        assert_eq!(destination(&demo, &demo.base_url, sandbox), Destination::OwnSandbox);
        assert!(check_destination(&demo, Some("http://127.0.0.1:4041")).is_err());
        assert!(check_destination(&demo, None).is_err());
        // Any other host: refused, with the code and the host named, until confirmed.
        let evil = profile(GgChest, "http://127.0.0.2:18999", &[]);
        let err = check_destination(&evil, sandbox).unwrap_err();
        assert_eq!(err.code, markets::ErrorCode::BaseUrlUnconfirmed);
        assert!(err.message.contains("http://127.0.0.2:18999") && err.message.contains("Shop"), "{}", err.message);
        let confirmed = profile(GgChest, "http://127.0.0.2:18999/v2", &["http://127.0.0.2:18999"]);
        assert_eq!(destination(&confirmed, &confirmed.base_url, sandbox), Destination::Confirmed);
        // A confirmation is for its origin only.
        let moved = profile(GgChest, "http://127.0.0.2:19000", &["http://127.0.0.2:18999"]);
        assert!(check_destination(&moved, sandbox).is_err());
    }
}
