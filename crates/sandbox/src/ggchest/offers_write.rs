//! Creating and updating GGChest offers of the three types.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::{Extension, Json};
use serde_json::{json, Value};

use super::error::{GgcError, GgcResult};
use super::offer_input::NewAccount;
use super::offer_rules::{self, OfferInput};
use super::writable_offer;
use crate::context::Ctx;
use crate::gate::Seller;
use crate::state::{GgcAccount, GgcItem, GgcOffer, GgcOfferStatus, GgcOfferType};
use crate::{clock, ids};

/// New offers expire this long after creation (R's lists show an `expired_at`; no rule is given).
const OFFER_LIFETIME_SECS: i64 = 90 * 86_400;

pub(crate) async fn create_accounts(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    body: Bytes,
) -> GgcResult<Json<Value>> {
    create(&ctx, key, GgcOfferType::Accounts, &body)
}

pub(crate) async fn create_items(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    body: Bytes,
) -> GgcResult<Json<Value>> {
    create(&ctx, key, GgcOfferType::Items, &body)
}

pub(crate) async fn create_currency(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    body: Bytes,
) -> GgcResult<Json<Value>> {
    create(&ctx, key, GgcOfferType::Currency, &body)
}

/// `POST /v1/offers/{type}` → 200 `{"id"}`; the offer starts as a draft (guide: "created in
/// draft status by default").
fn create(ctx: &Ctx, key: String, offer_type: GgcOfferType, body: &[u8]) -> GgcResult<Json<Value>> {
    let input = offer_rules::parse_create(offer_type, body)?;
    let mut store = ctx.store();
    offer_rules::references(&store.state.ggchest, offer_type, &input)?;
    let now = clock::now_unix();
    let id = ids::time_ordered_id();
    let offer = GgcOffer {
        id: id.clone(),
        seller: key,
        offer_type,
        game_id: input.game_id.clone(),
        title: String::new(),
        description: String::new(),
        price: String::new(),
        old_price: None,
        status: GgcOfferStatus::Draft,
        delivery_method: input.delivery_method,
        delivery_time: None,
        qty_total: 0,
        qty_min: 0,
        attributes: Vec::new(),
        accounts: Vec::new(),
        items: Vec::new(),
        game_currency_id: input.game_currency_id.clone(),
        icon: None,
        page_slug: ids::slugify(&input.title),
        expired_at: clock::space_separated(now + OFFER_LIFETIME_SECS),
        created_at: clock::rfc3339(now),
    };
    store.state.ggchest.offers.push(offer);
    let offer = store.state.ggchest.offers.last_mut().expect("just pushed");
    apply(offer, input);
    Ok(Json(json!({ "id": id })))
}

pub(crate) async fn update_accounts(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    Path(id): Path<String>,
    body: Bytes,
) -> GgcResult<Json<Value>> {
    update(&ctx, &key, GgcOfferType::Accounts, &id, &body)
}

pub(crate) async fn update_items(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    Path(id): Path<String>,
    body: Bytes,
) -> GgcResult<Json<Value>> {
    update(&ctx, &key, GgcOfferType::Items, &id, &body)
}

pub(crate) async fn update_currency(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    Path(id): Path<String>,
    body: Bytes,
) -> GgcResult<Json<Value>> {
    update(&ctx, &key, GgcOfferType::Currency, &id, &body)
}

/// `PUT /v1/offers/{type}/{id}` → 200 `{}` (R). 404 unless it is the caller's live offer of
/// that type. Game, currency and delivery method are not part of an update and stay.
fn update(ctx: &Ctx, key: &str, offer_type: GgcOfferType, id: &str, body: &[u8]) -> GgcResult<Json<Value>> {
    let mut store = ctx.store();
    let offer = writable_offer(&mut store.state.ggchest, key, id)?;
    if offer.offer_type != offer_type {
        return Err(GgcError::NotFound);
    }
    let input = offer_rules::parse_update(offer, body)?;
    offer_rules::references(&store.state.ggchest, offer_type, &input)?;
    let offer = writable_offer(&mut store.state.ggchest, key, id)?;
    apply(offer, input);
    Ok(Json(json!({})))
}

/// Writes checked input into the offer; accounts and items are added to those it has.
fn apply(offer: &mut GgcOffer, input: OfferInput) {
    offer.title = input.title;
    offer.description = input.description;
    offer.price = input.price;
    offer.old_price = input.old_price;
    offer.delivery_time = input.delivery_time;
    offer.qty_total = input.qty_total;
    offer.qty_min = input.qty_min;
    offer.attributes = input.attributes;
    offer.accounts.extend(input.accounts.into_iter().map(stored_account));
    offer
        .items
        .extend(input.items.into_iter().map(|delivery_info| GgcItem { id: ids::time_ordered_id(), delivery_info }));
}

fn stored_account(account: NewAccount) -> GgcAccount {
    GgcAccount {
        id: ids::time_ordered_id(),
        login: account.login,
        password: account.password,
        email_login: account.email_login,
        email_password: account.email_password,
        description: account.description,
    }
}
