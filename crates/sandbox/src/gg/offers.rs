//! Gaming Goods C2C offers: codes a seller attaches to ANY marketplace product at a price in euro
//! cents ("Multiple sellers can offer the same product at different prices — the cheapest one
//! wins"). Each code is one offer unit; the list groups them per product and price.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::{Extension, Json};
use serde_json::{json, Value};

use super::error::{GgError, GgResult};
use super::validate as v;
use super::views;
use crate::context::{lock, Ctx};
use crate::gate::Seller;
use crate::state::{GgOfferCode, GgState};

/// Whether `key` may see product `id`: its own products always; other sellers' products only
/// while on sale (active and approved), or when `key` already has offers on them (so it can
/// still reprice or withdraw them after the product left the catalog).
fn visible_product(gg: &GgState, key: &str, id: &str) -> GgResult<()> {
    let product = gg.products.iter().find(|p| p.id == id).ok_or_else(GgError::product_not_found)?;
    let has_offers = || gg.offers.iter().any(|o| o.seller == key && o.product_id == id);
    if product.owner == key || product.on_sale() || has_offers() {
        Ok(())
    } else {
        Err(GgError::product_not_found())
    }
}

/// `POST /seller/offers` `{product_id, price_cents, codes}` → `{"added": n}`. A code this
/// seller already offered on the product, or repeated in the request, is a 422 naming it.
pub(crate) async fn add(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    body: Bytes,
) -> GgResult<Json<Value>> {
    let body = v::object(&body)?;
    v::only_fields(&body, &["product_id", "price_cents", "codes"])?;
    let product_id = v::required_text(&body, "product_id")?;
    let price_cents = v::positive_cents(&body, "price_cents")?;
    let codes = match body.get("codes") {
        None | Some(Value::Null) => return Err(GgError::validation("codes is required")),
        Some(value) => v::codes(value)?,
    };
    if codes.is_empty() {
        return Err(GgError::validation("codes must not be empty"));
    }
    let mut store = ctx.store();
    let gg = &mut store.state.gg;
    visible_product(gg, &key, &product_id)?;
    let already = gg.offers.iter().filter(|o| o.seller == key && o.product_id == product_id).map(|o| o.code.as_str());
    let duplicates = v::duplicate_codes(&codes, already);
    if !duplicates.is_empty() {
        return Err(v::duplicate_codes_error(&duplicates, *lock(&ctx.duplicate_wording)));
    }
    let added = codes.len();
    gg.offers.extend(codes.into_iter().map(|code| GgOfferCode {
        seller: key.clone(),
        product_id: product_id.clone(),
        code,
        price_cents,
        sold: false,
    }));
    Ok(Json(json!({ "added": added })))
}

/// `GET /seller/offers?page&page_size`: page default 1 (>= 1), page_size default 20 (the doc's
/// example), 1..=100. Rows are `{product_id, price_cents, available, sold}` per product and price.
pub(crate) async fn list(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    RawQuery(query): RawQuery,
) -> GgResult<Json<Value>> {
    let params = v::query_pairs(query.as_deref());
    let page = v::query_int(&params, "page", 1, 1, u64::MAX)?;
    let page_size = v::query_int(&params, "page_size", 20, 1, 100)?;
    let store = ctx.store();
    let groups = views::offer_groups(&store.state.gg, &key);
    let skip = (page - 1).saturating_mul(page_size);
    let offers: Vec<Value> = groups
        .iter()
        .skip(skip.try_into().unwrap_or(usize::MAX))
        .take(page_size as usize)
        .map(views::offer_group)
        .collect();
    Ok(Json(json!({
        "offers": offers,
        "total": groups.len(),
        "page": page,
        "page_size": page_size,
    })))
}

/// `PATCH /seller/offers/{productId}/price` `{old_price_cents, new_price_cents}`: "Changes price
/// for all of your unsold offers on the product that match old_price_cents" → `{"updated": n}`.
pub(crate) async fn reprice(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    Path(product_id): Path<String>,
    body: Bytes,
) -> GgResult<Json<Value>> {
    let body = v::object(&body)?;
    v::only_fields(&body, &["old_price_cents", "new_price_cents"])?;
    let old_price = v::positive_cents(&body, "old_price_cents")?;
    let new_price = v::positive_cents(&body, "new_price_cents")?;
    let mut store = ctx.store();
    let gg = &mut store.state.gg;
    visible_product(gg, &key, &product_id)?;
    let mut updated = 0;
    for offer in gg
        .offers
        .iter_mut()
        .filter(|o| o.seller == key && o.product_id == product_id && !o.sold && o.price_cents == old_price)
    {
        offer.price_cents = new_price;
        updated += 1;
    }
    Ok(Json(json!({ "updated": updated })))
}

/// `DELETE /seller/offers/{productId}`: "Removes all of your unsold offers on the product. Sold
/// offers are kept intact." → `{"deleted": n}`.
pub(crate) async fn remove(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    Path(product_id): Path<String>,
) -> GgResult<Json<Value>> {
    let mut store = ctx.store();
    let gg = &mut store.state.gg;
    visible_product(gg, &key, &product_id)?;
    let before = gg.offers.len();
    gg.offers.retain(|o| !(o.seller == key && o.product_id == product_id && !o.sold));
    Ok(Json(json!({ "deleted": before - gg.offers.len() })))
}
