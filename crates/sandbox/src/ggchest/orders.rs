//! `GET /v1/orders` (D; the page is cut off after the list's example, so this is read-only).

use axum::extract::{RawQuery, State};
use axum::{Extension, Json};
use serde_json::Value;

use super::error::GgcResult;
use super::query::{exact, Query};
use super::views;
use crate::clock;
use crate::context::Ctx;
use crate::gate::Seller;
use crate::state::{GgcOrder, GgcOrderStatus};

/// D's parameters: pagination, `filters[status]` (one of D's upper-case values),
/// `filters[date_from]` / `filters[date_to]` (ISO 8601, on `paid_at`, both inclusive; a bare
/// date in `date_to` means the whole day), `sort[field]=paid_at`, `sort[direction]=asc|desc`.
/// Without a sort, newest paid first.
pub(crate) async fn list(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    RawQuery(raw): RawQuery,
) -> GgcResult<Json<Value>> {
    let mut query = Query::parse(raw.as_deref());
    let pagination = query.pagination();
    let status = query.choice("filters", "status", &GgcOrderStatus::ALL.map(|s| (s.as_str(), s)), exact);
    let from = date(&mut query, "date_from", false);
    let to = date(&mut query, "date_to", true);
    query.choice("sort", "field", &[("paid_at", ())], exact);
    let ascending = query.choice("sort", "direction", &[("asc", true), ("desc", false)], exact).unwrap_or(false);
    query.finish()?;

    let store = ctx.store();
    let mut orders: Vec<(i64, &GgcOrder)> = store
        .state
        .ggchest
        .orders
        .iter()
        .filter(|o| o.seller == key)
        .filter(|o| status.is_none_or(|s| o.status == s))
        .map(|o| (clock::parse_iso8601(&o.paid_at).unwrap_or(0), o))
        .filter(|(paid, _)| from.is_none_or(|f| *paid >= f) && to.is_none_or(|t| *paid <= t))
        .collect();
    orders.sort_by_key(|(paid, _)| *paid);
    if !ascending {
        orders.reverse();
    }
    let items = orders.into_iter().map(|(_, o)| views::order(o)).collect();
    Ok(Json(pagination.envelope(items)))
}

/// `filters[name]` as Unix seconds; with `end_of_day`, a bare date is its last second.
fn date(query: &mut Query, name: &str, end_of_day: bool) -> Option<i64> {
    let raw = query.get("filters", name)?.trim().to_owned();
    match clock::parse_iso8601(&raw) {
        Some(t) if end_of_day && raw.len() == 10 => Some(t + 86_399),
        Some(t) => Some(t),
        None => {
            query.violation("filters", name, "This value is not a valid datetime.");
            None
        }
    }
}
