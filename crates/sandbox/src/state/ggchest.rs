//! GGChest state: the games dictionary, the sellers' offers and their orders.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// Everything the GGChest simulator knows.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct GgcState {
    /// API keys that authenticate (`X-API-KEY`).
    pub sellers: BTreeSet<String>,
    /// The games dictionary with their currencies and offer attributes.
    pub games: Vec<GgcGame>,
    /// Every offer of every seller, in creation order; deleted ones stay with status `deleted`.
    pub offers: Vec<GgcOffer>,
    /// Every order of every seller, in creation order.
    pub orders: Vec<GgcOrder>,
}

/// A game of the dictionary (`GET /v1/games`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GgcGame {
    pub id: String,
    pub name: String,
    pub icon: GgcImage,
    /// D: `resources.cover`.
    pub cover: Option<GgcImage>,
    /// The offer types sellers can create for this game (`filters[offer_type]`).
    pub offer_types: Vec<GgcOfferType>,
    /// `GET /v1/games/{id}/currency`.
    pub currencies: Vec<GgcCurrency>,
    /// `GET /v1/games/{id}/{offerType}/attributes`, each tagged with its offer type.
    pub attributes: Vec<GgcAttribute>,
}

impl GgcGame {
    pub fn attributes_for(&self, offer_type: GgcOfferType) -> impl Iterator<Item = &GgcAttribute> {
        self.attributes.iter().filter(move |a| a.offer_type == offer_type)
    }
}

/// An image of the dictionary: `{id, path}`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GgcImage {
    pub id: String,
    pub path: String,
}

/// A game currency (R: `{id, name, nominal, icon}`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GgcCurrency {
    pub id: String,
    pub name: String,
    pub nominal: String,
    pub icon: GgcImage,
}

/// An offer attribute with its options (R/D: `{id, attribute_name, options:[{id,name}]}`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GgcAttribute {
    pub id: String,
    pub offer_type: GgcOfferType,
    pub attribute_name: String,
    pub options: Vec<GgcOption>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GgcOption {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum GgcOfferType {
    Accounts,
    Items,
    Currency,
}

impl GgcOfferType {
    pub const ALL: [GgcOfferType; 3] = [Self::Accounts, Self::Items, Self::Currency];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Accounts => "accounts",
            Self::Items => "items",
            Self::Currency => "currency",
        }
    }

    /// The exact lower-case spelling of O's enum; anything else is not a valid choice.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == text)
    }
}

/// Offer status. R prints `ACTIVE`/`DRAFT`; O and D use lower case and add `deleted`.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum GgcOfferStatus {
    Active,
    Draft,
    Deleted,
}

impl GgcOfferStatus {
    /// Upper case, the form of R's examples, used in every response.
    pub fn as_response(self) -> &'static str {
        match self {
            Self::Active => "ACTIVE",
            Self::Draft => "DRAFT",
            Self::Deleted => "DELETED",
        }
    }
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum GgcDeliveryMethod {
    Manual,
    Auto,
}

/// One offer of one seller.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GgcOffer {
    pub id: String,
    /// The owner's API key.
    pub seller: String,
    pub offer_type: GgcOfferType,
    pub game_id: String,
    pub title: String,
    pub description: String,
    /// Normalized to two decimals (`"66.3"` is stored as `"66.30"`).
    pub price: String,
    pub old_price: Option<String>,
    pub status: GgcOfferStatus,
    /// `None` for currency offers (guide: "Currency offers don't have a delivery_method field").
    pub delivery_method: Option<GgcDeliveryMethod>,
    pub delivery_time: Option<String>,
    pub qty_total: u64,
    pub qty_min: u64,
    pub attributes: Vec<GgcChosenAttribute>,
    /// Accounts offers: the accounts for sale, in clear (responses mask them).
    pub accounts: Vec<GgcAccount>,
    /// Items offers with auto delivery: what is delivered per unit (guide: `items[].delivery_info`).
    pub items: Vec<GgcItem>,
    /// Currency offers only.
    pub game_currency_id: Option<String>,
    pub icon: Option<GgcIcon>,
    pub page_slug: String,
    pub expired_at: String,
    pub created_at: String,
}

/// An attribute choice of an offer: `{id, option_id}` in requests.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GgcChosenAttribute {
    pub attribute_id: String,
    pub option_id: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GgcAccount {
    pub id: String,
    pub login: String,
    pub password: String,
    pub email_login: Option<String>,
    pub email_password: Option<String>,
    pub description: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GgcItem {
    pub id: String,
    pub delivery_info: String,
}

/// An icon attached with `POST /v1/offers/{id}/icon`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GgcIcon {
    pub id: String,
    /// Served by the sandbox under `/_sandbox/files/…`.
    pub path: String,
    /// `image/png` or `image/jpeg`, decided by the file's magic bytes.
    pub content_type: String,
    pub size: usize,
}

/// An order (D: `GET /v1/orders`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GgcOrder {
    pub id: String,
    /// The selling seller's API key.
    pub seller: String,
    pub offer_id: Option<String>,
    pub name: String,
    pub icon: Option<GgcImage>,
    pub buyer_name: String,
    pub dispute: Option<GgcDispute>,
    /// RFC 3339, like D's `2024-01-15T10:30:00Z`.
    pub paid_at: String,
    pub quantity: u64,
    pub price: String,
    pub status: GgcOrderStatus,
    pub offer_type: GgcOfferType,
}

/// D: `CANCELED, WAITING_DELIVERY, DELIVERED, RECEIVED, COMPLETED`.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum GgcOrderStatus {
    Canceled,
    WaitingDelivery,
    Delivered,
    Received,
    Completed,
}

impl GgcOrderStatus {
    pub const ALL: [GgcOrderStatus; 5] =
        [Self::Canceled, Self::WaitingDelivery, Self::Delivered, Self::Received, Self::Completed];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Canceled => "CANCELED",
            Self::WaitingDelivery => "WAITING_DELIVERY",
            Self::Delivered => "DELIVERED",
            Self::Received => "RECEIVED",
            Self::Completed => "COMPLETED",
        }
    }
}

/// D's dispute object: `{id, reason, status, beneficiary, resolution, created_at, updated_at}`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GgcDispute {
    pub id: String,
    pub reason: String,
    /// D shows `OPEN`; the sandbox also uses `CLOSED`.
    pub status: String,
    /// D shows `BUYER`; `SELLER` is the other side.
    pub beneficiary: Option<String>,
    pub resolution: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}
