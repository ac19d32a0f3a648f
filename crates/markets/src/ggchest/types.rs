//! GGChest response bodies, decoded liberally: the README, the OpenAPI spec and the docs site
//! disagree on several shapes (see `shared/reference/API-NOTES.md`) and every documented
//! variant decodes. Unknown fields are kept in `extra`.

use super::enums::{DeliveryMethod, DeliveryTime, OfferStatus, OfferType, OrderStatus};
use crate::UsdPrice;
use serde::{de, Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// An image reference; both fields may be null (an offer without an icon).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Icon {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub path: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Game {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub icon: Option<Icon>,
    /// Docs site: icon and cover.
    #[serde(default)]
    pub resources: Option<GameResources>,
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GameResources {
    #[serde(default)]
    pub icon: Option<Icon>,
    #[serde(default)]
    pub cover: Option<Icon>,
}

/// An in-game currency (`game_currency_id` of currency offers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GameCurrency {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub nominal: Option<String>,
    #[serde(default)]
    pub icon: Option<Icon>,
}

/// The README answers an array of currencies, the spec one object: both decode to a list.
#[derive(Debug, Clone, PartialEq)]
pub struct GameCurrencies(pub Vec<GameCurrency>);

impl<'de> Deserialize<'de> for GameCurrencies {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            Many(Vec<GameCurrency>),
            One(GameCurrency),
        }
        Ok(GameCurrencies(match OneOrMany::deserialize(d)? {
            OneOrMany::Many(v) => v,
            OneOrMany::One(c) => vec![c],
        }))
    }
}

/// An attribute of a game and offer type, with the options a seller picks from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Attribute {
    pub id: String,
    pub attribute_name: String,
    #[serde(default)]
    pub options: Vec<AttributeOption>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AttributeOption {
    pub id: String,
    pub name: String,
}

/// An attribute as set on an offer. Lists name the attribute `attribute_id`, one offer `id`:
/// both decode here.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OfferAttribute {
    pub attribute_id: String,
    pub attribute_name: Option<String>,
    pub option_id: String,
    pub option_name: Option<String>,
}

impl<'de> Deserialize<'de> for OfferAttribute {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(default)]
            attribute_id: Option<String>,
            #[serde(default)]
            id: Option<String>,
            #[serde(default)]
            attribute_name: Option<String>,
            #[serde(default)]
            option_id: Option<String>,
            #[serde(default)]
            option_name: Option<String>,
        }
        let r = Raw::deserialize(d)?;
        Ok(OfferAttribute {
            attribute_id: r.attribute_id.or(r.id).ok_or_else(|| de::Error::missing_field("attribute_id"))?,
            attribute_name: r.attribute_name,
            option_id: r.option_id.ok_or_else(|| de::Error::missing_field("option_id"))?,
            option_name: r.option_name,
        })
    }
}

/// An account as one offer shows it (credentials masked by the marketplace: `epic*****`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AccountView {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub login: Option<String>,
    #[serde(default)]
    pub password: Option<String>,
    #[serde(default)]
    pub email_login: Option<String>,
    #[serde(default)]
    pub email_password: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExtraProperties {
    /// Only in one offer's detail, for accounts offers.
    #[serde(default)]
    pub accounts: Option<Vec<AccountView>>,
    #[serde(default)]
    pub game_currency: Option<GameCurrency>,
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Map<String, Value>,
}

/// An offer, from the list (`GET /v1/offers`) or the detail (`GET /v1/offers/{id}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "GgcOffer"))]
pub struct Offer {
    pub id: String,
    #[serde(default)]
    pub offer_type: Option<OfferType>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub price: Option<UsdPrice>,
    #[serde(default)]
    pub old_price: Option<UsdPrice>,
    #[serde(default)]
    pub status: Option<OfferStatus>,
    #[serde(default)]
    pub delivery_method: Option<DeliveryMethod>,
    #[serde(default)]
    pub delivery_time: Option<DeliveryTime>,
    /// A string in lists, an integer in one offer.
    #[serde(default, deserialize_with = "lenient_u64")]
    pub qty_total: Option<u64>,
    #[serde(default, deserialize_with = "lenient_u64")]
    pub qty_min: Option<u64>,
    #[serde(default)]
    pub page_slug: Option<String>,
    #[serde(default)]
    pub game_id: Option<String>,
    #[serde(default)]
    pub game_name: Option<String>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub attributes: Vec<OfferAttribute>,
    /// `2025-08-28 14:47:50` (README) or `2024-12-31T23:59:59Z` (docs site), kept as sent.
    #[serde(default)]
    pub expired_at: Option<String>,
    #[serde(default)]
    pub icon: Option<Icon>,
    #[serde(default)]
    pub extra_properties: Option<ExtraProperties>,
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Map<String, Value>,
}

impl Offer {
    /// The id of the icon attached to the offer, if any.
    pub fn icon_id(&self) -> Option<&str> {
        self.icon.as_ref().and_then(|i| i.id.as_deref())
    }
}

/// `{"pagination": {total_count, page_count, page, per_page}}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Pagination {
    #[serde(default, deserialize_with = "lenient_u64_or_zero")]
    pub total_count: u64,
    #[serde(default, deserialize_with = "lenient_u64_or_zero")]
    pub page_count: u64,
    #[serde(default, deserialize_with = "lenient_u64_or_zero")]
    pub page: u64,
    #[serde(default, deserialize_with = "lenient_u64_or_zero")]
    pub per_page: u64,
}

/// One page of a paginated list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Page<T> {
    pub items: Vec<T>,
    #[serde(default)]
    pub pagination: Pagination,
}

/// `{"id": ...}` of a created offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Created {
    pub id: String,
}

/// The icon attach answer: `{id, path}` (README) or `{file_id, path}` (spec, docs site).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AttachedIcon {
    pub id: String,
    pub path: Option<String>,
}

impl<'de> Deserialize<'de> for AttachedIcon {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(default)]
            id: Option<String>,
            #[serde(default)]
            file_id: Option<String>,
            #[serde(default)]
            path: Option<String>,
        }
        let r = Raw::deserialize(d)?;
        Ok(AttachedIcon { id: r.file_id.or(r.id).ok_or_else(|| de::Error::missing_field("file_id"))?, path: r.path })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Buyer {
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Dispute {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub beneficiary: Option<String>,
    #[serde(default)]
    pub resolution: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// An order of one of the seller's offers (`GET /v1/orders`, docs site).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Order {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub icon: Option<Icon>,
    #[serde(default)]
    pub buyer: Option<Buyer>,
    #[serde(default)]
    pub dispute: Option<Dispute>,
    #[serde(default)]
    pub paid_at: Option<String>,
    #[serde(default, deserialize_with = "lenient_u64")]
    pub quantity: Option<u64>,
    #[serde(default)]
    pub price: Option<UsdPrice>,
    #[serde(default)]
    pub status: Option<OrderStatus>,
    #[serde(default)]
    pub offer_type: Option<OfferType>,
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Map<String, Value>,
}

/// An unsigned integer sent as a number or a string of digits (or null).
fn lenient_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumOrText {
        Num(u64),
        Text(String),
    }
    match Option::<NumOrText>::deserialize(d)? {
        None => Ok(None),
        Some(NumOrText::Num(n)) => Ok(Some(n)),
        Some(NumOrText::Text(t)) if t.trim().is_empty() => Ok(None),
        Some(NumOrText::Text(t)) => {
            t.trim().parse().map(Some).map_err(|_| de::Error::custom(format!("`{t}` is not a whole number")))
        }
    }
}

fn lenient_u64_or_zero<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    lenient_u64(d).map(Option::unwrap_or_default)
}

fn null_as_empty<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}
