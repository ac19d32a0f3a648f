//! The Gaming Goods Seller API under `/gg/api/partner/v1` (doc: base
//! `https://gaming-goods.ru/api/partner/v1`, header `X-API-Key`).

pub(crate) mod error;
pub(crate) mod market_side;
mod offers;
mod products;
mod validate;
mod views;

use axum::routing::{get, patch, post};
use axum::{middleware, Router};

use crate::context::Ctx;
use crate::gate::gg_gate;

pub(crate) fn router(ctx: Ctx) -> Router {
    Router::new()
        .route("/seller/dashboard", get(products::dashboard))
        .route("/seller/products", get(products::list).post(products::create))
        .route("/seller/products/{id}", get(products::detail).put(products::update))
        .route("/seller/products/{id}/deactivate", post(products::deactivate))
        .route("/seller/products/{id}/codes", post(products::upload_codes))
        .route("/seller/offers", get(offers::list).post(offers::add))
        .route("/seller/offers/{product_id}", axum::routing::delete(offers::remove))
        .route("/seller/offers/{product_id}/price", patch(offers::reprice))
        // Unknown routes, and known ones with another method, answer in GG's error format.
        .fallback(error::route_not_found)
        .method_not_allowed_fallback(error::route_not_found)
        .layer(middleware::from_fn_with_state(ctx.clone(), gg_gate))
        .with_state(ctx)
}
