//! The JSON shapes Gaming Goods answers with.
//!
//! `price` is a JSON number (doc: `"price": 19.99`). Stock (the doc does not define the two
//! counts; both are 12 in its examples): `stock_quantity` = codes ever uploaded to the listing,
//! sold ones included; `stock_available` = codes not sold yet (the upload answer's
//! `"stock_available": 14` after 2 codes on 12 fits that).

use rust_decimal::prelude::ToPrimitive;
use serde_json::{json, Value};

use crate::state::{GgProduct, GgState};

fn price_number(product: &GgProduct) -> Value {
    json!(product.price.to_f64().unwrap_or(0.0))
}

pub(crate) fn stock_available(product: &GgProduct) -> usize {
    product.unsold_codes().count()
}

/// An item of `GET /seller/products`: exactly the doc's fields.
pub(crate) fn list_item(product: &GgProduct) -> Value {
    json!({
        "id": product.id,
        "slug": product.slug,
        "title": product.title,
        "price": price_number(product),
        "currency": product.currency,
        "stock_quantity": product.codes.len(),
        "delivery_type": product.delivery_type,
        "moderation_status": product.moderation_status,
        "is_active": product.is_active,
        "stock_available": stock_available(product),
        "created_at": product.created_at,
    })
}

/// `GET /seller/products/{id}` ("Full details"): the list fields plus description, category,
/// brand and image_url. Create, update and deactivate answer `{"product": <this>}`, a superset
/// of each of their doc examples.
pub(crate) fn detail(product: &GgProduct) -> Value {
    let mut value = list_item(product);
    let object = value.as_object_mut().expect("list_item is an object");
    object.insert("description".into(), json!(product.description));
    object.insert("category".into(), json!(product.category));
    object.insert("brand".into(), json!(product.brand));
    object.insert("image_url".into(), json!(product.image_url));
    value
}

pub(crate) fn wrapped(product: &GgProduct) -> Value {
    json!({ "product": detail(product) })
}

/// One row of `GET /seller/offers`: a seller's codes on one product at one price.
#[derive(Debug, PartialEq)]
pub(crate) struct OfferGroup {
    pub product_id: String,
    pub price_cents: u64,
    pub available: usize,
    pub sold: usize,
}

/// The seller's offer codes grouped per product and price, in order of each group's first code.
pub(crate) fn offer_groups(gg: &GgState, seller: &str) -> Vec<OfferGroup> {
    let mut groups: Vec<OfferGroup> = Vec::new();
    for code in gg.offers.iter().filter(|o| o.seller == seller) {
        let index = groups
            .iter()
            .position(|g| g.product_id == code.product_id && g.price_cents == code.price_cents)
            .unwrap_or_else(|| {
                groups.push(OfferGroup {
                    product_id: code.product_id.clone(),
                    price_cents: code.price_cents,
                    available: 0,
                    sold: 0,
                });
                groups.len() - 1
            });
        if code.sold {
            groups[index].sold += 1;
        } else {
            groups[index].available += 1;
        }
    }
    groups
}

pub(crate) fn offer_group(group: &OfferGroup) -> Value {
    json!({
        "product_id": group.product_id,
        "price_cents": group.price_cents,
        "available": group.available,
        "sold": group.sold,
    })
}
