//! GGChest request bodies. They carry what the strictest source demands (see API-NOTES):
//! integers for quantities, `old_price` only when set on create, the full offer on update, no
//! `delivery_method` on currency offers, `id: null` on accounts added by an update.

use super::enums::{DeliveryMethod, DeliveryTime, OfferType};
use super::types::Offer;
use crate::{Error, UsdPrice};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// An attribute choice: the attribute's id and the id of the chosen option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AttributeChoice {
    pub id: String,
    pub option_id: String,
}

/// The credentials of one account for sale. `Debug` hides the passwords.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AccountCredentials {
    pub login: String,
    pub password: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_login: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_password: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl fmt::Debug for AccountCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccountCredentials")
            .field("login", &self.login)
            .field("password", &"<redacted>")
            .field("email_login", &self.email_login)
            .field("email_password", &self.email_password.as_ref().map(|_| "<redacted>"))
            .field("description", &self.description)
            .finish()
    }
}

/// An account added by an update: the spec allows only `"id": null` there.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AccountToAdd(pub AccountCredentials);

impl AccountCredentials {
    /// The passwords, to register with the logs' redaction while they are sent: none reaches a
    /// log line (docs/SECURITY.md L1).
    pub fn passwords(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.password.as_str()).chain(self.email_password.as_deref())
    }
}

impl Serialize for AccountToAdd {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct WithNullId<'a> {
            id: Option<&'a str>,
            #[serde(flatten)]
            credentials: &'a AccountCredentials,
        }
        WithNullId { id: None, credentials: &self.0 }.serialize(s)
    }
}

/// One unit of an auto-delivered items offer: what the buyer receives (e.g. a code).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ItemDelivery {
    pub delivery_info: String,
}

impl fmt::Debug for ItemDelivery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ItemDelivery(<redacted>)")
    }
}

/// `POST /v1/offers/accounts`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewAccountsOffer {
    pub game_id: String,
    pub title: String,
    pub description: String,
    pub price: UsdPrice,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_price: Option<UsdPrice>,
    pub delivery_method: DeliveryMethod,
    /// Required for manual delivery. The guide's own auto-delivery example sends `null`, but its
    /// table and the spec require a string: for auto delivery the client sends `5m` when none is
    /// given, as for items (see [`NewItemsOffer::delivery_time`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_time: Option<DeliveryTime>,
    /// Must equal the number of accounts (guide).
    pub qty_total: u64,
    pub qty_min: u64,
    pub attributes: Vec<AttributeChoice>,
    pub accounts: Vec<AccountCredentials>,
}

/// `POST /v1/offers/currency`. Currency offers have no `delivery_method`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewCurrencyOffer {
    pub game_id: String,
    /// From `GET /v1/games/{id}/currency`.
    pub game_currency_id: String,
    pub title: String,
    pub description: String,
    pub price: UsdPrice,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_price: Option<UsdPrice>,
    pub delivery_time: DeliveryTime,
    /// The amount of currency available (e.g. 10000 gold).
    pub qty_total: u64,
    pub qty_min: u64,
    pub attributes: Vec<AttributeChoice>,
}

/// `POST /v1/offers/items`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewItemsOffer {
    pub game_id: String,
    pub title: String,
    pub description: String,
    pub price: UsdPrice,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_price: Option<UsdPrice>,
    pub delivery_method: DeliveryMethod,
    /// Required for manual delivery. For auto delivery the guide makes it optional but the spec
    /// requires it, so the client sends the shortest time, `5m`, when none is given: auto
    /// delivery is instant, so that is also the truth. Never serialized as `null` (the spec
    /// types it as a string): absent until the client fills it in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_time: Option<DeliveryTime>,
    /// Manual: the stock. Auto: must equal the number of `items`.
    pub qty_total: u64,
    pub qty_min: u64,
    pub attributes: Vec<AttributeChoice>,
    /// Auto delivery: one entry per unit sold. The guide marks the field required, so it is
    /// always sent (empty for manual delivery).
    #[serde(default)]
    pub items: Vec<ItemDelivery>,
}

/// The delivery time sent: the one given, or for auto delivery (instant) the shortest documented.
fn wire_delivery_time(method: &DeliveryMethod, time: &Option<DeliveryTime>) -> Option<DeliveryTime> {
    match (time, method) {
        (Some(t), _) => Some(t.clone()),
        (None, DeliveryMethod::Auto) => Some(DeliveryTime::Minutes5),
        (None, _) => None,
    }
}

impl NewItemsOffer {
    /// The body as sent, with the auto-delivery default for `delivery_time` filled in.
    pub(crate) fn to_wire(&self) -> NewItemsOffer {
        NewItemsOffer { delivery_time: wire_delivery_time(&self.delivery_method, &self.delivery_time), ..self.clone() }
    }
}

impl NewAccountsOffer {
    /// The body as sent, with the auto-delivery default for `delivery_time` filled in.
    pub(crate) fn to_wire(&self) -> NewAccountsOffer {
        NewAccountsOffer {
            delivery_time: wire_delivery_time(&self.delivery_method, &self.delivery_time),
            ..self.clone()
        }
    }
}

/// What an update does to the discount (`old_price`). The README's one-offer answer has no
/// `old_price`, so an offer read back may not show its discount: an update that merely carries
/// the offer must not send `null` and wipe it. Only an explicit [`OldPrice::Clear`] sends `null`
/// (the docs site's update example); [`OldPrice::Keep`] leaves the field out (API-NOTES:
/// "omitted when unset").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OldPrice {
    #[default]
    Keep,
    Clear,
    Set(UsdPrice),
}

impl OldPrice {
    pub fn is_keep(&self) -> bool {
        matches!(self, OldPrice::Keep)
    }

    /// The price this update sets, if it sets one.
    pub fn price(&self) -> Option<UsdPrice> {
        match self {
            OldPrice::Set(p) => Some(*p),
            OldPrice::Keep | OldPrice::Clear => None,
        }
    }
}

impl Serialize for OldPrice {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            // Never reached through the update types (`skip_serializing_if`); `null` is the
            // nearest meaning for a bare value.
            OldPrice::Keep | OldPrice::Clear => s.serialize_none(),
            OldPrice::Set(p) => p.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for OldPrice {
    /// Called only when the field is present: `null` clears, a price sets; absent is `Keep`.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Option::<UsdPrice>::deserialize(d)? {
            None => OldPrice::Clear,
            Some(p) => OldPrice::Set(p),
        })
    }
}

/// `PUT /v1/offers/accounts/{id}`: the full offer, plus the accounts to ADD (existing accounts
/// are never re-sent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountsOfferUpdate {
    pub title: String,
    pub description: String,
    pub price: UsdPrice,
    #[serde(default, skip_serializing_if = "OldPrice::is_keep")]
    pub old_price: OldPrice,
    pub delivery_time: DeliveryTime,
    pub qty_total: u64,
    pub qty_min: u64,
    pub attributes: Vec<AttributeChoice>,
    pub accounts: Vec<AccountToAdd>,
}

/// `PUT /v1/offers/currency/{id}` and `PUT /v1/offers/items/{id}`: the full offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OfferUpdate {
    pub title: String,
    pub description: String,
    pub price: UsdPrice,
    #[serde(default, skip_serializing_if = "OldPrice::is_keep")]
    #[cfg_attr(feature = "ts", ts(type = "string | null", optional))]
    pub old_price: OldPrice,
    pub delivery_time: DeliveryTime,
    pub qty_total: u64,
    pub qty_min: u64,
    pub attributes: Vec<AttributeChoice>,
}

/// Some fields of an offer to change, merged into its full data (see
/// [`super::GgcClient::edit_offer`]): what a form or a command line gives when a person edits
/// a few fields. `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OfferPatch {
    pub title: Option<String>,
    pub description: Option<String>,
    pub price: Option<UsdPrice>,
    pub old_price: Option<OldPrice>,
    pub delivery_time: Option<DeliveryTime>,
    pub qty_total: Option<u64>,
    pub qty_min: Option<u64>,
    pub attributes: Option<Vec<AttributeChoice>>,
}

impl OfferPatch {
    pub fn is_empty(&self) -> bool {
        *self == OfferPatch::default()
    }

    /// Writes the given fields over the full offer.
    pub fn apply(self, update: &mut OfferUpdate) {
        let OfferPatch { title, description, price, old_price, delivery_time, qty_total, qty_min, attributes } = self;
        if let Some(v) = title {
            update.title = v;
        }
        if let Some(v) = description {
            update.description = v;
        }
        if let Some(v) = price {
            update.price = v;
        }
        if let Some(v) = old_price {
            update.old_price = v;
        }
        if let Some(v) = delivery_time {
            update.delivery_time = v;
        }
        if let Some(v) = qty_total {
            update.qty_total = v;
        }
        if let Some(v) = qty_min {
            update.qty_min = v;
        }
        if let Some(v) = attributes {
            update.attributes = v;
        }
    }
}

/// `PUT /v1/offers/{id}/price`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriceUpdate {
    pub price: UsdPrice,
}

/// `{"offers_ids": [...]}` of batch delete, activate and draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferIds {
    pub offers_ids: Vec<String>,
}

impl OfferUpdate {
    /// The current offer as an update body, for merging an edit into ("send the full offer data").
    pub fn from_offer(offer: &Offer) -> Result<Self, Error> {
        let missing = |field: &str| {
            Error::invalid_field(
                field,
                format!(
                    "offer {} as read from GGChest has no {field}, so the full offer cannot be sent back: fill it in",
                    offer.id
                ),
            )
        };
        Ok(OfferUpdate {
            title: offer.title.clone().ok_or_else(|| missing("title"))?,
            description: offer.description.clone().unwrap_or_default(),
            price: offer.price.ok_or_else(|| missing("price"))?,
            old_price: offer.old_price.map_or(OldPrice::Keep, OldPrice::Set),
            delivery_time: match (&offer.delivery_time, &offer.delivery_method) {
                (Some(t), _) => t.clone(),
                // The guide: "delivery_time is required for manual delivery only", so an auto
                // offer may come without one; the update must carry one, and auto delivery is
                // instant: the same default the create sends (`NewItemsOffer::to_wire`).
                (None, Some(DeliveryMethod::Auto)) => DeliveryTime::Minutes5,
                (None, _) => return Err(missing("delivery_time")),
            },
            qty_total: offer.qty_total.ok_or_else(|| missing("qty_total"))?,
            qty_min: offer.qty_min.ok_or_else(|| missing("qty_min"))?,
            attributes: offer
                .attributes
                .iter()
                .map(|a| AttributeChoice { id: a.attribute_id.clone(), option_id: a.option_id.clone() })
                .collect(),
        })
    }

    /// This full offer with accounts to add, for an accounts offer.
    pub fn with_accounts(self, accounts: Vec<AccountCredentials>) -> AccountsOfferUpdate {
        AccountsOfferUpdate {
            title: self.title,
            description: self.description,
            price: self.price,
            old_price: self.old_price,
            delivery_time: self.delivery_time,
            qty_total: self.qty_total,
            qty_min: self.qty_min,
            attributes: self.attributes,
            accounts: accounts.into_iter().map(AccountToAdd).collect(),
        }
    }
}

/// Which update endpoint an offer of this type uses.
pub(crate) fn update_path(offer_type: &OfferType, id: &str) -> Result<String, Error> {
    match offer_type {
        OfferType::Accounts | OfferType::Items | OfferType::Currency => Ok(format!("/v1/offers/{offer_type}/{id}")),
        OfferType::Unknown(t) => Err(Error::invalid_field(
            "offer_type",
            format!("offer {id} has type `{t}`, which Seller Desk cannot update"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update(old_price: OldPrice) -> serde_json::Value {
        serde_json::to_value(OfferUpdate {
            title: "t".into(),
            description: "d".into(),
            price: UsdPrice::parse("10").unwrap(),
            old_price,
            delivery_time: DeliveryTime::Day1,
            qty_total: 1,
            qty_min: 1,
            attributes: vec![],
        })
        .unwrap()
    }

    #[test]
    fn a_patch_changes_only_the_fields_it_gives() {
        let mut u: OfferUpdate = serde_json::from_value(update(OldPrice::Set(UsdPrice::parse("20").unwrap()))).unwrap();
        assert!(OfferPatch::default().is_empty());
        let patch =
            OfferPatch { price: Some(UsdPrice::parse("9.99").unwrap()), qty_min: Some(3), ..Default::default() };
        assert!(!patch.is_empty());
        patch.apply(&mut u);
        assert_eq!((u.price.wire(), u.qty_min, u.title.as_str()), ("9.99".to_owned(), 3, "t"));
        assert_eq!(u.old_price, OldPrice::Set(UsdPrice::parse("20").unwrap()), "untouched");
        OfferPatch { old_price: Some(OldPrice::Clear), ..Default::default() }.apply(&mut u);
        assert_eq!(u.old_price, OldPrice::Clear);
    }

    #[test]
    fn old_price_keep_omits_clear_sends_null_set_sends_the_price() {
        assert!(update(OldPrice::Keep).get("old_price").is_none(), "keeping must not wipe a discount");
        assert_eq!(update(OldPrice::Clear)["old_price"], serde_json::Value::Null);
        assert_eq!(update(OldPrice::Set(UsdPrice::parse("12.50").unwrap()))["old_price"], "12.50");
        let absent: OfferUpdate = serde_json::from_value(update(OldPrice::Keep)).unwrap();
        let null: OfferUpdate = serde_json::from_value(update(OldPrice::Clear)).unwrap();
        assert_eq!((absent.old_price, null.old_price), (OldPrice::Keep, OldPrice::Clear));
    }
}
