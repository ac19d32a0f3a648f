//! Gaming Goods request and response bodies, field for field as the Seller API page shows them.
//!
//! Responses decode liberally: every field but an id may be missing (the create, update and
//! deactivate answers carry only some of a product), and unknown fields are kept in `extra`.

use crate::{string_enum::string_enum, Amount, Cents};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

string_enum! {
    /// `AUTO`: codes uploaded in advance, delivered instantly. `MANUAL`: the seller delivers by hand.
    pub enum DeliveryType {
        Auto = "AUTO",
        Manual = "MANUAL",
    }
}

string_enum! {
    /// Listings go through moderation when created and after significant edits.
    pub enum ModerationStatus {
        Pending = "pending",
        Approved = "approved",
        Rejected = "rejected",
    }
}

/// `GET /seller/dashboard`. Rewards are euro cents (24500 next to 1240 sales reads as cents).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "GgDashboard"))]
pub struct Dashboard {
    #[serde(default)]
    pub total_products: u64,
    #[serde(default)]
    pub active_products: u64,
    #[serde(default)]
    pub pending_products: u64,
    #[serde(default)]
    pub total_sales: u64,
    #[serde(default = "zero_cents")]
    pub pending_rewards: Cents,
    #[serde(default = "zero_cents")]
    pub available_rewards: Cents,
}

fn zero_cents() -> Cents {
    Cents(0)
}

/// A listing of this seller's, from the list, detail, create, update or deactivate answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "GgProduct"))]
pub struct Product {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock_quantity: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_type: Option<DeliveryType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moderation_status: Option<ModerationStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock_available: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Fields this version does not know, kept to show rather than dropped.
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Map<String, Value>,
}

/// The `{"product": {...}}` envelope of create, update and deactivate.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct ProductEnvelope {
    pub product: Product,
}

/// `GET /seller/products`: offset pagination.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "GgProductPage"))]
pub struct ProductPage {
    pub items: Vec<Product>,
    #[serde(default)]
    pub limit: u32,
    #[serde(default)]
    pub offset: u64,
    #[serde(default)]
    pub total: u64,
}

/// `POST /seller/products`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "GgNewProduct"))]
pub struct NewProduct {
    pub name: String,
    pub description: String,
    pub category: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// In units of `currency` (e.g. 19.99 EUR), at most 2 decimals.
    pub price: Amount,
    /// ISO 4217 code, e.g. `EUR`.
    pub currency: String,
    pub delivery_type: DeliveryType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// The stock of an `AUTO` listing; none for `MANUAL`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
}

/// `PUT /seller/products/{productId}`: only the fields given are changed. `is_active: true`
/// re-enables a deactivated listing ("Re-enable via PUT").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "GgProductUpdate"))]
pub struct ProductUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
}

/// `POST /seller/products/{productId}/codes` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodesUpload {
    pub codes: Vec<String>,
}

/// `POST /seller/products/{productId}/codes` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "GgCodesUploaded"))]
pub struct CodesUploaded {
    pub uploaded: u64,
    #[serde(default)]
    pub stock_available: u64,
}

/// `POST /seller/offers`: codes on ANY marketplace product (C2C).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "GgNewOffers"))]
pub struct NewOffers {
    pub product_id: String,
    /// Euro cents.
    pub price_cents: Cents,
    pub codes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "GgOffersAdded"))]
pub struct OffersAdded {
    pub added: u64,
}

/// One of this seller's offers: the codes on one product at one price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "GgOffer"))]
pub struct Offer {
    pub product_id: String,
    pub price_cents: Cents,
    #[serde(default)]
    pub available: u64,
    #[serde(default)]
    pub sold: u64,
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Map<String, Value>,
}

/// `GET /seller/offers`: page pagination.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "GgOfferPage"))]
pub struct OfferPage {
    pub offers: Vec<Offer>,
    #[serde(default)]
    pub total: u64,
    #[serde(default)]
    pub page: u32,
    #[serde(default)]
    pub page_size: u32,
}

/// `PATCH /seller/offers/{productId}/price`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reprice {
    pub old_price_cents: Cents,
    pub new_price_cents: Cents,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "GgRepriced"))]
pub struct Repriced {
    pub updated: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "GgOffersDeleted"))]
pub struct OffersDeleted {
    pub deleted: u64,
}
