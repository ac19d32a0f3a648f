//! The GGChest Seller API under `/ggchest` (R: host `https://sellerapi.ggchest.com`, paths
//! `/v1/...`, header `X-API-KEY`).

mod catalog;
pub(crate) mod error;
mod icons;
pub(crate) mod market_side;
mod offer_input;
mod offer_rules;
mod offer_status;
mod offers_read;
mod offers_write;
mod orders;
mod query;
mod views;

use axum::extract::DefaultBodyLimit;
use axum::routing::{delete, get, post, put};
use axum::{middleware, Router};

use crate::context::Ctx;
use crate::gate::ggchest_gate;
use crate::state::{GgcOffer, GgcOfferStatus, GgcState};
use error::{GgcError, GgcResult};

pub(crate) fn router(ctx: Ctx) -> Router {
    Router::new()
        .route("/v1/games", get(catalog::games))
        .route("/v1/games/{id}/currency", get(catalog::currencies))
        .route("/v1/games/{id}/{offer_type}/attributes", get(catalog::attributes))
        .route("/v1/offers", get(offers_read::list).delete(offer_status::delete_many))
        .route("/v1/offers/activate", put(offer_status::activate_many))
        .route("/v1/offers/draft", put(offer_status::draft_many))
        .route("/v1/offers/accounts", post(offers_write::create_accounts))
        .route("/v1/offers/items", post(offers_write::create_items))
        .route("/v1/offers/currency", post(offers_write::create_currency))
        .route("/v1/offers/{id}", get(offers_read::get_one).delete(offer_status::delete_one))
        .route("/v1/offers/accounts/{id}", put(offers_write::update_accounts))
        .route("/v1/offers/items/{id}", put(offers_write::update_items))
        .route("/v1/offers/currency/{id}", put(offers_write::update_currency))
        .route("/v1/offers/{id}/toggle", put(offer_status::toggle))
        .route("/v1/offers/{id}/price", put(offer_status::update_price))
        .route(
            "/v1/offers/{id}/icon",
            post(icons::attach).layer(DefaultBodyLimit::max(icons::MAX_ICON_BYTES + 64 * 1024)),
        )
        .route("/v1/offers/{offer_id}/icon/{icon_id}", delete(icons::delete))
        .route("/v1/orders", get(orders::list))
        // Unknown routes, and known ones with another method, answer in GGChest's format.
        .fallback(error::route_not_found)
        .method_not_allowed_fallback(error::route_not_found)
        .layer(middleware::from_fn_with_state(ctx.clone(), ggchest_gate))
        .with_state(ctx)
}

/// The caller's offer `id` unless it is deleted; otherwise 404 (another seller's offer too).
pub(crate) fn writable_offer<'a>(ggchest: &'a mut GgcState, key: &str, id: &str) -> GgcResult<&'a mut GgcOffer> {
    ggchest
        .offers
        .iter_mut()
        .find(|o| o.id == id && o.seller == key && o.status != GgcOfferStatus::Deleted)
        .ok_or(GgcError::NotFound)
}
