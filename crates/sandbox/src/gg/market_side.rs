//! What the Gaming Goods marketplace does that no seller API offers: moderation, buyers buying,
//! rewards being paid out. Used by `Sandbox`'s methods and the admin API.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::context::ActionError;
use crate::state::{GgDeliveryType, GgModeration, GgSale, GgSaleSource, GgState};
use crate::{clock, ids};

/// One offer code a buyer bought.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GgOfferSale {
    pub seller: String,
    pub code: String,
    pub price_cents: u64,
}

/// One unit of a listing's stock a buyer bought (no code for MANUAL listings).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GgListingSale {
    pub code: Option<String>,
    pub reward_cents: u64,
}

pub(crate) fn set_moderation(gg: &mut GgState, product_id: &str, status: GgModeration) -> Result<(), ActionError> {
    let product =
        gg.products.iter_mut().find(|p| p.id == product_id).ok_or_else(|| ActionError::not_found("no such product"))?;
    product.moderation_status = status;
    Ok(())
}

/// Buyers buy up to `count` offer codes on a product, cheapest first ("the cheapest one wins"),
/// oldest first at equal prices. Returns what was sold (fewer than `count` if stock runs out).
pub(crate) fn sell_offers(gg: &mut GgState, product_id: &str, count: u32) -> Result<Vec<GgOfferSale>, ActionError> {
    if !gg.products.iter().any(|p| p.id == product_id) {
        return Err(ActionError::not_found("no such product"));
    }
    let mut candidates: Vec<usize> =
        (0..gg.offers.len()).filter(|&i| gg.offers[i].product_id == product_id && !gg.offers[i].sold).collect();
    // A stable sort keeps creation order among equal prices.
    candidates.sort_by_key(|&i| gg.offers[i].price_cents);
    let sold_at = clock::rfc3339(clock::now_unix());
    let mut sold = Vec::new();
    for i in candidates.into_iter().take(count as usize) {
        let offer = &mut gg.offers[i];
        offer.sold = true;
        gg.sales.push(GgSale {
            id: ids::random_id(),
            seller: offer.seller.clone(),
            product_id: product_id.to_owned(),
            source: GgSaleSource::Offer,
            code: Some(offer.code.clone()),
            reward_cents: offer.price_cents,
            settled: false,
            sold_at: sold_at.clone(),
        });
        sold.push(GgOfferSale {
            seller: offer.seller.clone(),
            code: offer.code.clone(),
            price_cents: offer.price_cents,
        });
    }
    Ok(sold)
}

/// Buyers buy `count` units of a listing's own stock. The listing must be on sale (active and
/// approved); an AUTO listing must hold that many unsold codes (they go in upload order).
pub(crate) fn sell_listing(gg: &mut GgState, product_id: &str, count: u32) -> Result<Vec<GgListingSale>, ActionError> {
    let product =
        gg.products.iter_mut().find(|p| p.id == product_id).ok_or_else(|| ActionError::not_found("no such product"))?;
    if !product.on_sale() {
        return Err(ActionError::conflict("the listing is not on sale (inactive or not approved)"));
    }
    if count == 0 {
        return Err(ActionError::bad_request("count must be at least 1"));
    }
    let reward_cents = (product.price * Decimal::ONE_HUNDRED).round().to_u64().unwrap_or(0);
    let mut codes: Vec<Option<String>> = vec![None; count as usize];
    if product.delivery_type == GgDeliveryType::Auto {
        let unsold = product.codes.iter().filter(|c| !c.sold).count();
        if unsold < count as usize {
            return Err(ActionError::conflict(format!("only {unsold} codes in stock")));
        }
        for (slot, code) in codes.iter_mut().zip(product.codes.iter_mut().filter(|c| !c.sold)) {
            code.sold = true;
            *slot = Some(code.code.clone());
        }
    }
    let owner = product.owner.clone();
    let sold_at = clock::rfc3339(clock::now_unix());
    let sales: Vec<GgListingSale> = codes.into_iter().map(|code| GgListingSale { code, reward_cents }).collect();
    gg.sales.extend(sales.iter().map(|sale| GgSale {
        id: ids::random_id(),
        seller: owner.clone(),
        product_id: product_id.to_owned(),
        source: GgSaleSource::Listing,
        code: sale.code.clone(),
        reward_cents,
        settled: false,
        sold_at: sold_at.clone(),
    }));
    Ok(sales)
}

/// Pays out: every pending reward of `seller` becomes available. Returns the cents moved.
pub(crate) fn settle_rewards(gg: &mut GgState, seller: &str) -> u64 {
    let mut moved = 0;
    for sale in gg.sales.iter_mut().filter(|s| s.seller == seller && !s.settled) {
        sale.settled = true;
        moved += sale.reward_cents;
    }
    moved
}
