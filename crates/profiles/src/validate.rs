//! What a profile name and a base URL must look like, checked before anything is written.

use markets::Market;
use url::{Host, Url};

use crate::{
    error::{Error, Result},
    profile::Profile,
};

/// The longest profile name, in characters: enough for "Gaming Goods — EU main account", short
/// enough for a table column and a window title.
pub const MAX_NAME_CHARS: usize = 64;

/// Returns `name` trimmed, or why it can't be a profile name.
pub fn validate_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::EmptyName);
    }
    let len = name.chars().count();
    if len > MAX_NAME_CHARS {
        return Err(Error::NameTooLong { len, max: MAX_NAME_CHARS });
    }
    // A newline or escape in a name would break CLI tables and could spoof terminal output.
    if name.chars().any(char::is_control) {
        return Err(Error::NameHasControlCharacter);
    }
    Ok(name.to_owned())
}

/// Fails if another profile (not `except_id`) already has `name`, ignoring case.
pub(crate) fn ensure_name_is_free(name: &str, profiles: &[Profile], except_id: Option<&str>) -> Result<()> {
    let wanted = name.to_lowercase();
    match profiles
        .iter()
        .filter(|profile| Some(profile.id.as_str()) != except_id)
        .find(|profile| profile.name.to_lowercase() == wanted)
    {
        Some(existing) => Err(Error::DuplicateName { existing: existing.name.clone() }),
        None => Ok(()),
    }
}

/// Checks a base URL for `market` and returns it normalised (host lowercased, no trailing
/// slash), so that the clients can append paths to it.
///
/// Rules: an absolute `https://` URL; `http://` only for a loopback host (a local sandbox);
/// no user name, password, query or fragment (a key pasted there would end up in the
/// metadata file). Error messages echo the URL only once it is known to hold none of those,
/// and never echo input that didn't parse: it may be an API key pasted into the wrong field.
pub fn normalize_base_url(input: &str, market: Market) -> Result<String> {
    let example = market.production_base_url();
    let invalid = |problem: String| Err(Error::InvalidBaseUrl { problem });
    let input = input.trim();
    if input.is_empty() {
        return invalid(format!("is empty: leave it out to use {market}'s production URL ({example})"));
    }
    if !input.contains("://") {
        return invalid(format!(
            "has no https:// in front: give a full URL such as {example} \
             (or http://localhost:PORT for a local sandbox)"
        ));
    }
    let url = match Url::parse(input) {
        Ok(url) => url,
        Err(reason) => return invalid(format!("is not a valid URL ({reason}): give a full URL such as {example}")),
    };
    if !url.username().is_empty() || url.password().is_some() {
        return invalid(
            "contains a user name or password: give only the API address; the API key goes \
             in the keychain (`sellerdesk profile set-key`)"
                .into(),
        );
    }
    if url.query().is_some() || url.fragment().is_some() {
        return invalid(format!(
            "contains a query (?…) or fragment (#…): give only the API address, such as {example}"
        ));
    }
    let Some(host) = url.host() else {
        return invalid(format!("has no host: give a full URL such as {example}"));
    };
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&host) => {}
        "http" => {
            return invalid(format!(
                "{url} uses plain http://, which is allowed only for a loopback host \
                 (localhost, 127.0.0.1, [::1]) such as a local sandbox: use https://"
            ))
        }
        other => {
            return invalid(format!(
                "uses the scheme `{other}`: use https:// (or http:// for a local sandbox on \
                 localhost)"
            ))
        }
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

fn is_loopback(host: &Host<&str>) -> bool {
    match host {
        Host::Domain(domain) => {
            let domain = domain.trim_end_matches('.').to_ascii_lowercase();
            domain == "localhost" || domain.ends_with(".localhost")
        }
        Host::Ipv4(address) => address.is_loopback(),
        Host::Ipv6(address) => address.is_loopback(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url_problem(input: &str) -> String {
        match normalize_base_url(input, Market::GgChest) {
            Err(Error::InvalidBaseUrl { problem }) => problem,
            other => panic!("expected InvalidBaseUrl for {input:?}, got {other:?}"),
        }
    }

    #[test]
    fn https_urls_are_normalised() {
        assert_eq!(
            normalize_base_url(" https://SellerAPI.GGChest.com/ ", Market::GgChest).unwrap(),
            "https://sellerapi.ggchest.com"
        );
        assert_eq!(
            normalize_base_url("https://gaming-goods.ru/api/partner/v1/", Market::GamingGoods).unwrap(),
            "https://gaming-goods.ru/api/partner/v1"
        );
    }

    #[test]
    fn http_is_allowed_only_for_loopback() {
        for ok in [
            "http://localhost:8080",
            "http://127.0.0.1:9000/api",
            "http://127.8.9.10",
            "http://[::1]:8080",
            "http://sandbox.localhost",
        ] {
            assert!(normalize_base_url(ok, Market::GgChest).is_ok(), "{ok}");
        }
        let problem = url_problem("http://sellerapi.ggchest.com");
        assert!(problem.contains("only for a loopback host"), "{problem}");
        assert!(problem.contains("use https://"), "{problem}");
        assert!(url_problem("http://10.0.0.1").contains("loopback"));
    }

    #[test]
    fn other_schemes_and_missing_schemes_are_refused() {
        assert!(url_problem("ftp://example.com").contains("scheme `ftp`"));
        let problem = url_problem("sellerapi.ggchest.com");
        assert!(problem.contains("https://sellerapi.ggchest.com"), "{problem}");
        assert!(url_problem("localhost:8080").contains("has no https://"));
        assert!(url_problem("   ").contains("is empty"));
    }

    #[test]
    fn credentials_and_queries_are_refused_without_echoing_them() {
        let problem = url_problem("https://user:pk_live_secret@sellerapi.ggchest.com");
        assert!(problem.contains("user name or password"), "{problem}");
        assert!(!problem.contains("pk_live_secret"), "{problem}");
        let problem = url_problem("https://sellerapi.ggchest.com/?api_key=pk_live_secret");
        assert!(problem.contains("query"), "{problem}");
        assert!(!problem.contains("pk_live_secret"), "{problem}");
    }

    #[test]
    fn unparsable_input_is_not_echoed() {
        // Someone pasted the key where the URL goes.
        let problem = url_problem("pk_live_abcdefghijklmnop");
        assert!(!problem.contains("pk_live"), "{problem}");
        let problem = url_problem("https://exa mple.com");
        assert!(problem.contains("not a valid URL"), "{problem}");
        assert!(!problem.contains("exa mple"), "{problem}");
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(validate_name("  Main shop ").unwrap(), "Main shop");
        assert!(matches!(validate_name(" \t"), Err(Error::EmptyName)));
        assert!(validate_name(&"é".repeat(MAX_NAME_CHARS)).is_ok());
        assert!(matches!(validate_name(&"é".repeat(MAX_NAME_CHARS + 1)), Err(Error::NameTooLong { len: 65, max: 64 })));
        assert!(matches!(validate_name("two\nlines"), Err(Error::NameHasControlCharacter)));
    }
}
