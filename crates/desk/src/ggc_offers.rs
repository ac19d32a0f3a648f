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
    // The audit log records the fields this edit changes, as they were and as sent, and the
    // offer's title (the client reads the whole offer before the PUT); accounts by their count.
    let accounts = add_accounts.len();
    let with_audit = |u: &mut markets::ggchest::OfferUpdate| {
        let was = serde_json::to_value(&*u).unwrap_or_default();
        patch.apply(u);
        let (before, mut after) = jobs::audit::changed_fields(&was, &serde_json::to_value(&*u).unwrap_or_default());
        if accounts > 0 {
            let after = after.get_or_insert_with(|| serde_json::json!({}));
            after["accounts_added"] = accounts.into();
        }
        jobs::audit::know(|k| *k = jobs::audit::Known { title: Some(u.title.clone()), before, after });
    };
    let edited = client.edit_offer(offer_id, with_audit, add_accounts);
    let before = jobs::audit::with_known(Default::default(), edited).await?;
    let after = client.offer(offer_id).await?;
    Ok(Edited { before, after, price, old_price })
}
