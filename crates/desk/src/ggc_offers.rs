//! Editing a GGChest offer, for both faces: the API wants the whole offer, so the offer is read,
//! the fields the seller changed are merged in, and the whole is sent back
//! (`GgcClient::edit_offer`). Everything typed is checked before the offer is even read.

use markets::{
    ggchest::{AccountCredentials, AttributeChoice, DeliveryTime, GgcClient, Offer, OfferPatch, OldPrice},
    UsdPrice,
};
use serde::Deserialize;

use crate::{Error, Result};

/// An edit of an offer: fields left `null` keep their current value. Prices are the text typed
/// (US dollars).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OfferEdit {
    pub title: Option<String>,
    pub description: Option<String>,
    pub price: Option<String>,
    pub old_price: Option<String>,
    /// Removes the discount (`old_price`).
    #[serde(default)]
    pub clear_old_price: bool,
    pub delivery_time: Option<DeliveryTime>,
    pub qty_total: Option<u64>,
    pub qty_min: Option<u64>,
    pub attributes: Option<Vec<AttributeChoice>>,
    /// Accounts offers only: accounts to add (existing ones are never re-sent).
    #[serde(default)]
    pub add_accounts: Vec<AccountCredentials>,
}

/// The offer before and after an edit.
#[derive(Debug, Clone)]
pub struct Edited {
    pub before: Offer,
    /// As GGChest has it now (read back after the change).
    pub after: Offer,
    /// The typed prices, checked.
    pub price: Option<UsdPrice>,
    pub old_price: Option<OldPrice>,
}

/// A price typed by a person, checked against GGChest's pattern, as a field error.
pub fn typed_price(field: &str, text: &str) -> Result<UsdPrice> {
    UsdPrice::parse(text).map_err(|message| Error::invalid_field(field, message))
}

/// Applies `edit` to the offer `offer_id`. An edit that changes nothing is refused (nothing is
/// read or sent); so is a price that GGChest would refuse.
pub async fn edit(client: &GgcClient, offer_id: &str, edit: OfferEdit) -> Result<Edited> {
    let price = edit.price.as_deref().map(|p| typed_price("price", p)).transpose()?;
    let old_price = match (&edit.old_price, edit.clear_old_price) {
        (_, true) => Some(OldPrice::Clear),
        (Some(p), false) => Some(OldPrice::Set(typed_price("old_price", p)?)),
        (None, false) => None,
    };
    let OfferEdit { title, description, delivery_time, qty_total, qty_min, attributes, add_accounts, .. } = edit;
    let nothing = title.is_none()
        && description.is_none()
        && price.is_none()
        && old_price.is_none()
        && delivery_time.is_none()
        && qty_total.is_none()
        && qty_min.is_none()
        && attributes.is_none()
        && add_accounts.is_empty();
    if nothing {
        return Err(Error::invalid_field(
            "offer",
            "nothing to change: give at least one of title, description, price, old price (or remove it), \
             delivery time, quantities, attributes or accounts to add",
        ));
    }
    let patch = OfferPatch { title, description, price, old_price, delivery_time, qty_total, qty_min, attributes };
    let before = client.edit_offer(offer_id, |u| patch.apply(u), add_accounts).await?;
    let after = client.offer(offer_id).await?;
    Ok(Edited { before, after, price, old_price })
}
