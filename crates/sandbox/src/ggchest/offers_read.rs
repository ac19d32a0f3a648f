//! Listing and reading GGChest offers.

use axum::extract::{Path, RawQuery, State};
use axum::{Extension, Json};
use serde_json::Value;

use super::error::{GgcError, GgcResult};
use super::query::{any_case, exact, Query};
use super::views;
use crate::context::Ctx;
use crate::gate::Seller;
use crate::state::{GgcOfferStatus, GgcOfferType};

/// `GET /v1/offers`: `pagination[page]`, `pagination[per_page]` (default 10, max 100, R),
/// `filters[status]` in either case (R: `ACTIVE`/`DRAFT`; O, D: `active`/`draft`/`deleted`),
/// `filters[offer_type]`, `filters[game_id]`. Without a status filter deleted offers are left
/// out; `filters[status]=deleted` lists them. Newest first.
pub(crate) async fn list(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    RawQuery(raw): RawQuery,
) -> GgcResult<Json<Value>> {
    let mut query = Query::parse(raw.as_deref());
    let pagination = query.pagination();
    let status = query.choice(
        "filters",
        "status",
        &[("active", GgcOfferStatus::Active), ("draft", GgcOfferStatus::Draft), ("deleted", GgcOfferStatus::Deleted)],
        any_case,
    );
    let offer_type = query.choice("filters", "offer_type", &GgcOfferType::ALL.map(|t| (t.as_str(), t)), exact);
    let game_id = query.get("filters", "game_id").map(str::to_owned);
    query.finish()?;

    let store = ctx.store();
    let ggchest = &store.state.ggchest;
    let items: Vec<Value> = ggchest
        .offers
        .iter()
        .rev()
        .filter(|o| o.seller == key)
        .filter(|o| match status {
            Some(wanted) => o.status == wanted,
            None => o.status != GgcOfferStatus::Deleted,
        })
        .filter(|o| offer_type.is_none_or(|t| o.offer_type == t))
        .filter(|o| game_id.as_deref().is_none_or(|g| o.game_id == g))
        .map(|o| views::list_item(o, store.state.ggchest_game(&o.game_id)))
        .collect();
    Ok(Json(pagination.envelope(items)))
}

/// `GET /v1/offers/{id}`: the caller's offer (deleted ones too: they are still listed), else 404.
pub(crate) async fn get_one(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    Path(id): Path<String>,
) -> GgcResult<Json<Value>> {
    let store = ctx.store();
    let offer = store.state.ggchest.offers.iter().find(|o| o.id == id && o.seller == key).ok_or(GgcError::NotFound)?;
    Ok(Json(views::detail(offer, store.state.ggchest_game(&offer.game_id))))
}
