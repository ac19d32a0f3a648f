//! Gaming Goods state: listings (the sellers' own products), C2C offer codes and sales.

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Everything the Gaming Goods simulator knows.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct GgState {
    /// API keys that authenticate (`X-API-Key`).
    pub sellers: BTreeSet<String>,
    /// Every product of the marketplace, in creation order: the API sellers' listings and the
    /// seeded catalog owned by marketplace sellers that have no API key (targets for C2C offers).
    pub products: Vec<GgProduct>,
    /// Every offer code (one code = one offer unit), in creation order.
    pub offers: Vec<GgOfferCode>,
    /// Every sale, in order, of listing stock or of offer codes.
    pub sales: Vec<GgSale>,
}

/// A product: to its owner a "listing" ("the seller's own product with a unique title and
/// description", doc: Concepts).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GgProduct {
    pub id: String,
    /// The owner's API key (or a made-up name for catalog sellers without one).
    pub owner: String,
    pub slug: String,
    /// Sent as `name` on create and update, returned as `title`.
    pub title: String,
    pub description: String,
    pub category: Option<String>,
    pub brand: Option<String>,
    /// In units of `currency` (e.g. 19.99 EUR); serialized as a string to stay exact.
    pub price: Decimal,
    pub currency: String,
    pub delivery_type: GgDeliveryType,
    pub image_url: Option<String>,
    pub moderation_status: GgModeration,
    pub is_active: bool,
    pub created_at: String,
    /// The listing's own stock of activation codes (AUTO listings only), sold ones included.
    pub codes: Vec<GgStockCode>,
}

impl GgProduct {
    /// Codes not sold yet: the listing's `stock_available`.
    pub fn unsold_codes(&self) -> impl Iterator<Item = &str> {
        self.codes.iter().filter(|c| !c.sold).map(|c| c.code.as_str())
    }

    /// Whether buyers can see and buy it: active and approved by moderation.
    pub fn on_sale(&self) -> bool {
        self.is_active && self.moderation_status == GgModeration::Approved
    }
}

/// One activation code in a listing's stock.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GgStockCode {
    pub code: String,
    pub sold: bool,
}

/// doc: "AUTO — codes uploaded in advance (instant activation); MANUAL — seller delivers the
/// code by hand after the order."
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "UPPERCASE")]
pub enum GgDeliveryType {
    Auto,
    Manual,
}

/// `moderation_status`; the doc shows `approved` and `pending`, `rejected` completes the set.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum GgModeration {
    Pending,
    Approved,
    Rejected,
}

/// One code a seller offers on some marketplace product (C2C) at a price in euro cents.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GgOfferCode {
    pub seller: String,
    pub product_id: String,
    pub code: String,
    pub price_cents: u64,
    pub sold: bool,
}

/// A sale: one unit of a listing's stock or one offer code.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GgSale {
    pub id: String,
    /// The API key of the seller who earns the reward.
    pub seller: String,
    pub product_id: String,
    pub source: GgSaleSource,
    /// The code delivered (none for a MANUAL listing: the seller delivers by hand).
    pub code: Option<String>,
    /// The seller's reward in cents (the dashboard's `*_rewards` are read as cents).
    pub reward_cents: u64,
    /// Settled rewards are `available_rewards`; unsettled ones `pending_rewards`.
    pub settled: bool,
    pub sold_at: String,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum GgSaleSource {
    Listing,
    Offer,
}
