//! The admin API under `/_sandbox/`, for other processes (CLI tests, the desktop app's end-to-end
//! tests). Never rate-limited, never logged as market requests. Errors: `{"error": "..."}`.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::context::{lock, ActionError, Ctx};
use crate::faults::Fault;
use crate::gg::market_side as gg_side;
use crate::ggchest::market_side::{self as ggchest_side, NewOrder};
use crate::state::GgModeration;
use crate::{DuplicateWording, Market, GGCHEST_KEY_A, GGCHEST_KEY_B, GG_KEY_A, GG_KEY_B};

pub(crate) fn router(ctx: Ctx) -> Router {
    Router::new()
        .route("/", get(info))
        .route("/state", get(state))
        .route("/requests", get(requests).delete(clear_requests))
        .route("/faults", get(faults).post(inject).delete(clear_faults))
        .route("/sellers", post(add_seller))
        .route("/reset", post(reset))
        .route("/gg/products/{id}/moderation", post(gg_moderation))
        .route("/gg/products/{id}/sell", post(gg_sell_listing))
        .route("/gg/offers/sell", post(gg_sell_offers))
        .route("/gg/rewards/settle", post(gg_settle))
        .route("/gg/duplicate-wording", post(gg_duplicate_wording))
        .route("/ggchest/orders", post(ggchest_order))
        .route("/files/{*key}", get(file))
        .with_state(ctx)
}

impl IntoResponse for ActionError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::BAD_REQUEST);
        (status, Json(json!({ "error": self.message }))).into_response()
    }
}

/// A JSON body, with a 400 in the admin format when it does not fit.
fn body<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, ActionError> {
    serde_json::from_slice(bytes).map_err(|e| ActionError::bad_request(format!("bad body: {e}")))
}

pub(crate) async fn info(State(ctx): State<Ctx>) -> Json<Value> {
    Json(json!({
        "gg": format!("{}/gg/api/partner/v1", ctx.base_url),
        "ggchest": format!("{}/ggchest", ctx.base_url),
        "admin": format!("{}/_sandbox", ctx.base_url),
        "keys": {"gg": [GG_KEY_A, GG_KEY_B], "ggchest": [GGCHEST_KEY_A, GGCHEST_KEY_B]},
    }))
}

async fn state(State(ctx): State<Ctx>) -> Json<Value> {
    Json(json!(ctx.store().state))
}

async fn requests(State(ctx): State<Ctx>) -> Json<Value> {
    Json(json!(*lock(&ctx.log)))
}

async fn clear_requests(State(ctx): State<Ctx>) -> StatusCode {
    lock(&ctx.log).clear();
    StatusCode::NO_CONTENT
}

async fn faults(State(ctx): State<Ctx>) -> Json<Value> {
    Json(json!(lock(&ctx.faults).pending()))
}

async fn inject(State(ctx): State<Ctx>, bytes: axum::body::Bytes) -> Result<StatusCode, ActionError> {
    let fault: Fault = body(&bytes)?;
    lock(&ctx.faults).inject(fault);
    Ok(StatusCode::NO_CONTENT)
}

async fn clear_faults(State(ctx): State<Ctx>) -> StatusCode {
    lock(&ctx.faults).clear();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct NewSeller {
    market: Market,
    key: String,
}

async fn add_seller(State(ctx): State<Ctx>, bytes: axum::body::Bytes) -> Result<StatusCode, ActionError> {
    let seller: NewSeller = body(&bytes)?;
    if seller.key.trim().is_empty() {
        return Err(ActionError::bad_request("key must not be empty"));
    }
    crate::sandbox::add_seller(&ctx, seller.market, seller.key.trim());
    Ok(StatusCode::NO_CONTENT)
}

async fn reset(State(ctx): State<Ctx>) -> StatusCode {
    ctx.reset();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct Wording {
    wording: DuplicateWording,
}

/// `{"wording": "list" | "first_only" | "unnamed"}`: how GG words duplicate-code refusals.
async fn gg_duplicate_wording(State(ctx): State<Ctx>, bytes: axum::body::Bytes) -> Result<StatusCode, ActionError> {
    let Wording { wording } = body(&bytes)?;
    *lock(&ctx.duplicate_wording) = wording;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct Moderation {
    status: GgModeration,
}

async fn gg_moderation(
    State(ctx): State<Ctx>,
    Path(id): Path<String>,
    bytes: axum::body::Bytes,
) -> Result<StatusCode, ActionError> {
    let moderation: Moderation = body(&bytes)?;
    gg_side::set_moderation(&mut ctx.store().state.gg, &id, moderation.status)?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct Count {
    count: u32,
}

async fn gg_sell_listing(
    State(ctx): State<Ctx>,
    Path(id): Path<String>,
    bytes: axum::body::Bytes,
) -> Result<Json<Value>, ActionError> {
    let Count { count } = body(&bytes)?;
    let sales = gg_side::sell_listing(&mut ctx.store().state.gg, &id, count)?;
    Ok(Json(json!({ "sold": sales })))
}

#[derive(Deserialize)]
struct SellOffers {
    product_id: String,
    count: u32,
}

async fn gg_sell_offers(State(ctx): State<Ctx>, bytes: axum::body::Bytes) -> Result<Json<Value>, ActionError> {
    let request: SellOffers = body(&bytes)?;
    let sales = gg_side::sell_offers(&mut ctx.store().state.gg, &request.product_id, request.count)?;
    Ok(Json(json!({ "sold": sales })))
}

#[derive(Deserialize)]
struct Settle {
    seller: String,
}

async fn gg_settle(State(ctx): State<Ctx>, bytes: axum::body::Bytes) -> Result<Json<Value>, ActionError> {
    let Settle { seller } = body(&bytes)?;
    let moved = gg_side::settle_rewards(&mut ctx.store().state.gg, &seller);
    Ok(Json(json!({ "settled_cents": moved })))
}

async fn ggchest_order(State(ctx): State<Ctx>, bytes: axum::body::Bytes) -> Result<Json<Value>, ActionError> {
    let order: NewOrder = body(&bytes)?;
    let created = ggchest_side::create_order(&mut ctx.store().state.ggchest, order)?;
    Ok(Json(json!(created)))
}

/// Seeded images and uploaded icons, so the paths the sandbox hands out can be shown.
async fn file(State(ctx): State<Ctx>, Path(key): Path<String>) -> Response {
    match ctx.store().files.get(&key) {
        Some(file) => ([(header::CONTENT_TYPE, file.content_type.clone())], file.bytes.clone()).into_response(),
        None => (StatusCode::NOT_FOUND, Json(json!({"error": "no such file"}))).into_response(),
    }
}
