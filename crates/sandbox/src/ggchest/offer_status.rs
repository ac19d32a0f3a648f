//! Offer status and price: delete one, batch delete / activate / draft, toggle, update price.
//!
//! Deleted offers stay in the list under `filters[status]=deleted` (O, D), but every write to
//! one answers 404 as if it were gone (R: "Permanently delete an offer"; D: "Deleted offers
//! cannot be toggled").

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde_json::{json, Value};

use super::error::{GgcError, GgcResult};
use super::offer_input::Reader;
use super::writable_offer;
use crate::context::Ctx;
use crate::gate::Seller;
use crate::ids::is_uuid;
use crate::state::{GgcOfferStatus, GgcState};

/// `DELETE /v1/offers/{id}` → 200 `{}` (R).
pub(crate) async fn delete_one(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    Path(id): Path<String>,
) -> GgcResult<Json<Value>> {
    let mut store = ctx.store();
    writable_offer(&mut store.state.ggchest, &key, &id)?.status = GgcOfferStatus::Deleted;
    Ok(Json(json!({})))
}

/// `PUT /v1/offers/{id}/toggle`: active → draft, draft → active (D) → 200 `{}` (R). Any body
/// is ignored (R: "You don't need to send any data").
pub(crate) async fn toggle(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    Path(id): Path<String>,
) -> GgcResult<Json<Value>> {
    let mut store = ctx.store();
    let offer = writable_offer(&mut store.state.ggchest, &key, &id)?;
    offer.status = match offer.status {
        GgcOfferStatus::Active => GgcOfferStatus::Draft,
        _ => GgcOfferStatus::Active,
    };
    Ok(Json(json!({})))
}

/// `PUT /v1/offers/{id}/price` `{"price": "66.32"}` → 200 `{}` (R).
pub(crate) async fn update_price(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    Path(id): Path<String>,
    body: Bytes,
) -> GgcResult<Json<Value>> {
    let mut store = ctx.store();
    writable_offer(&mut store.state.ggchest, &key, &id)?;
    let mut reader = Reader::new(&body)?;
    let price = reader.price("price", true);
    reader.finish()?;
    let offer = writable_offer(&mut store.state.ggchest, &key, &id)?;
    offer.price = price.unwrap_or_default();
    Ok(Json(json!({})))
}

/// `DELETE /v1/offers` `{"offers_ids": [...]}` → 200, no body (D).
pub(crate) async fn delete_many(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    body: Bytes,
) -> GgcResult<StatusCode> {
    set_many(&ctx, &key, &body, GgcOfferStatus::Deleted)
}

/// `PUT /v1/offers/activate` `{"offers_ids": [...]}` → 200, no body (D).
pub(crate) async fn activate_many(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    body: Bytes,
) -> GgcResult<StatusCode> {
    set_many(&ctx, &key, &body, GgcOfferStatus::Active)
}

/// `PUT /v1/offers/draft` `{"offers_ids": [...]}` → 200, no body (D).
pub(crate) async fn draft_many(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    body: Bytes,
) -> GgcResult<StatusCode> {
    set_many(&ctx, &key, &body, GgcOfferStatus::Draft)
}

/// All or nothing: every id must be one of the caller's live offers, else 404 and no change.
fn set_many(ctx: &Ctx, key: &str, body: &[u8], status: GgcOfferStatus) -> GgcResult<StatusCode> {
    let ids = offers_ids(body)?;
    let mut store = ctx.store();
    let ggchest: &mut GgcState = &mut store.state.ggchest;
    for id in &ids {
        writable_offer(ggchest, key, id)?;
    }
    for offer in ggchest.offers.iter_mut().filter(|o| ids.contains(&o.id)) {
        offer.status = status;
    }
    Ok(StatusCode::OK)
}

/// R's rules for `offers_ids`: unique UUID strings, at least one, at most 100; else 400 with
/// property `offers_ids` (D's message for the empty case).
fn offers_ids(body: &[u8]) -> GgcResult<Vec<String>> {
    let fail = |message: &str| GgcError::bad_body("offers_ids", message);
    let reader = Reader::new(body)?;
    let ids = match reader.present("offers_ids") {
        None => return Err(fail("At least one offer ID is required")),
        Some(Value::Array(ids)) => ids.clone(),
        Some(_) => return Err(fail("This value should be of type array.")),
    };
    if ids.is_empty() {
        return Err(fail("At least one offer ID is required"));
    }
    if ids.len() > 100 {
        return Err(fail("This collection should contain 100 elements or less."));
    }
    let mut strings: Vec<String> = Vec::with_capacity(ids.len());
    for id in &ids {
        match id.as_str() {
            Some(s) if is_uuid(s) => strings.push(s.to_owned()),
            _ => return Err(fail("This is not a valid UUID.")),
        }
    }
    let mut unique: Vec<String> = strings.iter().map(|s| s.to_lowercase()).collect();
    unique.sort();
    unique.dedup();
    if unique.len() != strings.len() {
        return Err(fail("This collection should contain only unique elements."));
    }
    Ok(strings)
}
