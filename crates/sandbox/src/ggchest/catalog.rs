//! GGChest's dictionary: games, game currencies, offer attributes.

use axum::extract::{Path, RawQuery, State};
use axum::Json;
use serde_json::{json, Value};

use super::error::{GgcError, GgcResult};
use super::query::{exact, Query};
use super::views::image;
use crate::context::Ctx;
use crate::state::{GgcGame, GgcOfferType};

fn offer_type_choices() -> [(&'static str, GgcOfferType); 3] {
    GgcOfferType::ALL.map(|t| (t.as_str(), t))
}

/// `GET /v1/games`: `filters[offer_type]` (R, O), `sort[field]=name` and
/// `sort[direction]=asc|desc` (D). Items carry `icon` (R, O) and `resources{icon, cover}` (D).
pub(crate) async fn games(State(ctx): State<Ctx>, RawQuery(raw): RawQuery) -> GgcResult<Json<Value>> {
    let mut query = Query::parse(raw.as_deref());
    let offer_type = query.choice("filters", "offer_type", &offer_type_choices(), exact);
    let sort_by_name = query.choice("sort", "field", &[("name", ())], exact).is_some();
    let descending = query.choice("sort", "direction", &[("asc", false), ("desc", true)], exact).unwrap_or(false);
    query.finish()?;
    let store = ctx.store();
    let mut games: Vec<&GgcGame> =
        store.state.ggchest.games.iter().filter(|g| offer_type.is_none_or(|t| g.offer_types.contains(&t))).collect();
    if sort_by_name {
        games.sort_by_key(|g| g.name.to_lowercase());
    }
    if descending {
        games.reverse();
    }
    let items: Vec<Value> = games
        .iter()
        .map(|g| {
            json!({
                "id": g.id,
                "name": g.name,
                "icon": image(&g.icon),
                "resources": {
                    "icon": image(&g.icon),
                    "cover": g.cover.as_ref().map(image),
                },
            })
        })
        .collect();
    Ok(Json(Value::Array(items)))
}

/// `GET /v1/games/{id}/currency`: an array, as R shows (O describes a single object).
pub(crate) async fn currencies(State(ctx): State<Ctx>, Path(game_id): Path<String>) -> GgcResult<Json<Value>> {
    let store = ctx.store();
    let game = store.state.ggchest_game(&game_id).ok_or(GgcError::NotFound)?;
    let items: Vec<Value> = game
        .currencies
        .iter()
        .map(|c| json!({"id": c.id, "name": c.name, "nominal": c.nominal, "icon": image(&c.icon)}))
        .collect();
    Ok(Json(Value::Array(items)))
}

/// `GET /v1/games/{id}/{offerType}/attributes`: 404 for an unknown game or offer type (O's
/// path enum; O documents only 404 for this route).
pub(crate) async fn attributes(
    State(ctx): State<Ctx>,
    Path((game_id, offer_type)): Path<(String, String)>,
) -> GgcResult<Json<Value>> {
    let offer_type = GgcOfferType::parse(&offer_type).ok_or(GgcError::NotFound)?;
    let store = ctx.store();
    let game = store.state.ggchest_game(&game_id).ok_or(GgcError::NotFound)?;
    let items: Vec<Value> = game
        .attributes_for(offer_type)
        .map(|a| {
            json!({
                "id": a.id,
                "attribute_name": a.attribute_name,
                "options": a.options.iter().map(|o| json!({"id": o.id, "name": o.name})).collect::<Vec<_>>(),
            })
        })
        .collect();
    Ok(Json(Value::Array(items)))
}
