//! Seller profiles, the rules both faces follow when adding one or moving its base URL (the
//! storage itself, profiles.json and the keychain, is the `profiles` crate's).

use markets::{gg::GgClient, ggchest::GgcClient, ApiKey, Market};
use profiles::{Profile, Profiles};
use serde::Serialize;

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
pub fn base_url_change(
    profile: &Profile,
    base_url: Option<&str>,
    sandbox_origin: Option<&str>,
) -> Result<BaseUrlChange> {
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

/// What a working connection found: a Gaming Goods dashboard's counts, or GGChest's offer count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "market", rename_all = "snake_case")]
pub enum ConnectionCounts {
    Gg { products: u64, active_products: u64, sales: u64 },
    Ggchest { offers: u64 },
}

fn counted(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl ConnectionCounts {
    /// What the counts say, in English (the app says it in the UI's language from the counts).
    pub fn english(&self) -> String {
        let market = match self {
            ConnectionCounts::Gg { .. } => Market::GamingGoods,
            ConnectionCounts::Ggchest { .. } => Market::GgChest,
        };
        format!("Connected to {}: {}.", market.display_name(), self.summary())
    }

    /// The counts alone: `3 products (2 active), 12 sales`, `5 offers`.
    pub fn summary(&self) -> String {
        match self {
            ConnectionCounts::Gg { products, active_products, sales } => format!(
                "{} ({active_products} active), {}",
                counted(*products, "product", "products"),
                counted(*sales, "sale", "sales")
            ),
            ConnectionCounts::Ggchest { offers } => counted(*offers, "offer", "offers"),
        }
    }
}

/// The client a connection test makes its one call with.
pub enum Connection<'a> {
    Gg(&'a GgClient),
    Ggc(&'a GgcClient),
}

/// One cheap authenticated call with a profile's key (Gaming Goods: the dashboard; GGChest: one
/// offer of the first page, for the offer count): a rejected key is an error, not an answer.
pub async fn test_connection(client: Connection<'_>) -> Result<ConnectionCounts> {
    Ok(match client {
        Connection::Gg(c) => {
            let d = c.dashboard().await?;
            ConnectionCounts::Gg {
                products: d.total_products,
                active_products: d.active_products,
                sales: d.total_sales,
            }
        }
        Connection::Ggc(c) => {
            let page = c.offers(&Default::default(), 1, 1).await?;
            ConnectionCounts::Ggchest { offers: page.pagination.total_count }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::ConnectionCounts;

    #[test]
    fn the_english_connection_message_says_the_counts() {
        let gg = ConnectionCounts::Gg { products: 1, active_products: 0, sales: 12 };
        assert_eq!(gg.english(), "Connected to Gaming Goods: 1 product (0 active), 12 sales.");
        assert_eq!(ConnectionCounts::Ggchest { offers: 0 }.english(), "Connected to GGChest: 0 offers.");
    }
}
