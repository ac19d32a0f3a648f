//! Gaming Goods listings: dashboard, list, create, detail, update, deactivate, upload codes.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::{Extension, Json};
use serde_json::{json, Value};

use super::error::{GgError, GgResult};
use super::validate::{self as v, Body};
use super::views;
use crate::context::{lock, Ctx};
use crate::gate::Seller;
use crate::state::{GgDeliveryType, GgModeration, GgProduct, GgState, GgStockCode};
use crate::{clock, ids};

/// `GET /seller/dashboard`, computed from the state. `active_products` counts listings on sale
/// (active and approved) so that, like the doc's 42/38/2, active and pending don't overlap;
/// `total_sales` counts units sold; rewards are cents (pending = not yet settled).
pub(crate) async fn dashboard(State(ctx): State<Ctx>, Extension(Seller(key)): Extension<Seller>) -> Json<Value> {
    let store = ctx.store();
    let gg = &store.state.gg;
    let own: Vec<&GgProduct> = gg.products.iter().filter(|p| p.owner == key).collect();
    let sales = gg.sales.iter().filter(|s| s.seller == key);
    let (mut pending, mut available, mut count) = (0u64, 0u64, 0u64);
    for sale in sales {
        count += 1;
        if sale.settled {
            available += sale.reward_cents;
        } else {
            pending += sale.reward_cents;
        }
    }
    Json(json!({
        "total_products": own.len(),
        "active_products": own.iter().filter(|p| p.on_sale()).count(),
        "pending_products": own.iter().filter(|p| p.moderation_status == GgModeration::Pending).count(),
        "total_sales": count,
        "pending_rewards": pending,
        "available_rewards": available,
    }))
}

/// `GET /seller/products?limit&offset`: limit default 20, 1..=100; offset >= 0; oldest first.
pub(crate) async fn list(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    RawQuery(query): RawQuery,
) -> GgResult<Json<Value>> {
    let params = v::query_pairs(query.as_deref());
    let limit = v::query_int(&params, "limit", 20, 1, 100)?;
    let offset = v::query_int(&params, "offset", 0, 0, u64::MAX)?;
    let store = ctx.store();
    let own: Vec<&GgProduct> = store.state.gg_products_of(&key);
    let items: Vec<Value> = own
        .iter()
        .skip(offset.try_into().unwrap_or(usize::MAX))
        .take(limit as usize)
        .map(|p| views::list_item(p))
        .collect();
    Ok(Json(json!({
        "items": items,
        "limit": limit,
        "offset": offset,
        "total": own.len(),
    })))
}

/// `POST /seller/products`. Required: name, description ("a unique title and description"),
/// price, currency, delivery_type; optional: category, brand, image_url, codes. AUTO "(with
/// codes provided)" needs at least one code; MANUAL takes none. New listings are active and
/// pending moderation (doc's response example).
pub(crate) async fn create(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    body: Bytes,
) -> GgResult<Json<Value>> {
    let body = v::object(&body)?;
    v::only_fields(
        &body,
        &["name", "description", "category", "brand", "price", "currency", "delivery_type", "image_url", "codes"],
    )?;
    let title = v::required_text(&body, "name")?;
    let description = v::required_text(&body, "description")?;
    let price = v::price(required(&body, "price")?)?;
    let currency = v::currency(required(&body, "currency")?)?;
    let delivery_type = v::delivery_type(required(&body, "delivery_type")?)?;
    let category = v::optional_text(&body, "category")?;
    let brand = v::optional_text(&body, "brand")?;
    let image_url = optional(&body, "image_url").map(v::image_url).transpose()?;
    let codes = optional(&body, "codes").map(v::codes).transpose()?.unwrap_or_default();
    match delivery_type {
        GgDeliveryType::Auto if codes.is_empty() => {
            return Err(GgError::validation("codes are required for AUTO delivery"));
        }
        GgDeliveryType::Manual if !codes.is_empty() => {
            return Err(GgError::business_rule("codes can only be added to AUTO delivery products"));
        }
        _ => {}
    }
    let duplicates = v::duplicate_codes(&codes, []);
    if !duplicates.is_empty() {
        return Err(v::duplicate_codes_error(&duplicates, *lock(&ctx.duplicate_wording)));
    }
    let mut store = ctx.store();
    let gg = &mut store.state.gg;
    ensure_unique_title(gg, &key, &title, None)?;
    let product = GgProduct {
        id: ids::random_id(),
        owner: key,
        slug: format!("{}-{}", ids::slugify(&title), &ids::random_id()[..8]),
        title,
        description,
        category,
        brand,
        price,
        currency,
        delivery_type,
        image_url,
        moderation_status: GgModeration::Pending,
        is_active: true,
        created_at: clock::rfc3339(clock::now_unix()),
        codes: codes.into_iter().map(|code| GgStockCode { code, sold: false }).collect(),
    };
    let answer = views::wrapped(&product);
    gg.products.push(product);
    Ok(Json(answer))
}

/// `GET /seller/products/{id}`: "Returns 404 for products you do not own."
pub(crate) async fn detail(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    Path(id): Path<String>,
) -> GgResult<Json<Value>> {
    let mut store = ctx.store();
    let product = own_product(&mut store.state.gg, &key, &id)?;
    Ok(Json(views::detail(product)))
}

/// `PUT /seller/products/{id}`: name, description, price, image_url (doc) and is_active
/// ("Re-enable via PUT"). A changed name, description or image sends the listing back to
/// moderation ("Significant edits may trigger re-moderation"); price and is_active don't.
pub(crate) async fn update(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    Path(id): Path<String>,
    body: Bytes,
) -> GgResult<Json<Value>> {
    let body = v::object(&body)?;
    v::only_fields(&body, &["name", "description", "price", "image_url", "is_active"])?;
    if body.is_empty() {
        return Err(GgError::validation("nothing to update"));
    }
    let title = optional(&body, "name").map(|v| v::text(v, "name")).transpose()?;
    let description = optional(&body, "description").map(|v| v::text(v, "description")).transpose()?;
    let price = optional(&body, "price").map(v::price).transpose()?;
    let image_url = optional(&body, "image_url").map(v::image_url).transpose()?;
    let is_active = match optional(&body, "is_active") {
        None => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(_) => return Err(GgError::validation("is_active must be a boolean")),
    };
    let mut store = ctx.store();
    let gg = &mut store.state.gg;
    own_product(gg, &key, &id)?;
    if let Some(title) = &title {
        ensure_unique_title(gg, &key, title, Some(&id))?;
    }
    let product = own_product(gg, &key, &id)?;
    let mut significant = false;
    if let Some(title) = title {
        significant |= title != product.title;
        product.title = title;
    }
    if let Some(description) = description {
        significant |= description != product.description;
        product.description = description;
    }
    if let Some(image_url) = image_url {
        significant |= product.image_url.as_deref() != Some(image_url.as_str());
        product.image_url = Some(image_url);
    }
    if let Some(price) = price {
        product.price = price;
    }
    if let Some(is_active) = is_active {
        product.is_active = is_active;
    }
    if significant {
        product.moderation_status = GgModeration::Pending;
    }
    Ok(Json(views::wrapped(product)))
}

/// `POST /seller/products/{id}/deactivate`: `is_active = false` (idempotent).
pub(crate) async fn deactivate(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    Path(id): Path<String>,
) -> GgResult<Json<Value>> {
    let mut store = ctx.store();
    let product = own_product(&mut store.state.gg, &key, &id)?;
    product.is_active = false;
    Ok(Json(views::wrapped(product)))
}

/// `POST /seller/products/{id}/codes`: own AUTO listings only. A code already uploaded to the
/// listing (sold or not) or repeated in the request is a 422 naming the codes; nothing is added.
pub(crate) async fn upload_codes(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    Path(id): Path<String>,
    body: Bytes,
) -> GgResult<Json<Value>> {
    let body = v::object(&body)?;
    v::only_fields(&body, &["codes"])?;
    let codes = v::codes(required(&body, "codes")?)?;
    if codes.is_empty() {
        return Err(GgError::validation("codes must not be empty"));
    }
    let mut store = ctx.store();
    let product = own_product(&mut store.state.gg, &key, &id)?;
    if product.delivery_type != GgDeliveryType::Auto {
        return Err(GgError::business_rule("codes can only be uploaded to AUTO delivery products"));
    }
    let duplicates = v::duplicate_codes(&codes, product.codes.iter().map(|c| c.code.as_str()));
    if !duplicates.is_empty() {
        return Err(v::duplicate_codes_error(&duplicates, *lock(&ctx.duplicate_wording)));
    }
    let uploaded = codes.len();
    product.codes.extend(codes.into_iter().map(|code| GgStockCode { code, sold: false }));
    Ok(Json(json!({
        "uploaded": uploaded,
        "stock_available": views::stock_available(product),
    })))
}

/// One of the caller's own products, or the doc's 404 ("not found or owned by another seller").
pub(crate) fn own_product<'a>(gg: &'a mut GgState, key: &str, id: &str) -> GgResult<&'a mut GgProduct> {
    gg.products.iter_mut().find(|p| p.id == id && p.owner == key).ok_or_else(GgError::product_not_found)
}

/// "the seller's own product with a unique title": titles compare trimmed, ignoring case.
fn ensure_unique_title(gg: &GgState, key: &str, title: &str, except: Option<&str>) -> GgResult<()> {
    let wanted = title.to_lowercase();
    let taken =
        gg.products.iter().any(|p| p.owner == key && Some(p.id.as_str()) != except && p.title.to_lowercase() == wanted);
    if taken {
        return Err(GgError::business_rule(format!("you already have a listing titled \"{title}\"")));
    }
    Ok(())
}

fn required<'a>(body: &'a Body, field: &str) -> GgResult<&'a Value> {
    optional(body, field).ok_or_else(|| GgError::validation(format!("{field} is required")))
}

/// A field that is present and not `null`.
fn optional<'a>(body: &'a Body, field: &str) -> Option<&'a Value> {
    body.get(field).filter(|v| !v.is_null())
}
