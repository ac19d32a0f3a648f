//! GGChest: dictionaries (games, currencies, attributes), offers (list all with filters, detail,
//! create per type, edit, price, toggle, delete), icons and orders. Batches: `ggchest_batch`.

use desk::ggc_offers::typed_price;
use markets::ggchest::{
    AttachedIcon, Attribute, Created, Game, GameCurrency, GamesQuery, IconFile, NewAccountsOffer, NewCurrencyOffer,
    NewItemsOffer, Offer, OfferType, Order, SortDirection,
};

use super::{
    ggc_client,
    operations::{fetch_all, PageOf},
    Ctx,
};
use crate::error::{CommandError, CommandResult};
use crate::progress::label;

/// The list filters are the client's own (`null` means any; order dates are ISO 8601).
pub use markets::ggchest::{OffersFilter, OrdersFilter};

pub use desk::ggc_offers::OfferEdit;

/// Games sorted by name, optionally only those with offers of a type.
pub async fn ggc_games(ctx: &Ctx<'_>, profile_id: String, offer_type: Option<OfferType>) -> CommandResult<Vec<Game>> {
    let query = GamesQuery { offer_type, sort_by_name: Some(SortDirection::Asc) };
    Ok(ggc_client(ctx, &profile_id).await?.games(&query).await?)
}

pub async fn ggc_game_currencies(
    ctx: &Ctx<'_>,
    profile_id: String,
    game_id: String,
) -> CommandResult<Vec<GameCurrency>> {
    Ok(ggc_client(ctx, &profile_id).await?.game_currencies(&game_id).await?)
}

pub async fn ggc_attributes(
    ctx: &Ctx<'_>,
    profile_id: String,
    game_id: String,
    offer_type: OfferType,
) -> CommandResult<Vec<Attribute>> {
    Ok(ggc_client(ctx, &profile_id).await?.attributes(&game_id, &offer_type).await?)
}

/// Every matching offer, all pages, with `progress` events; stops on `cancel_operation`.
pub async fn ggc_all_offers(
    ctx: &Ctx<'_>,
    profile_id: String,
    filter: OffersFilter,
    operation_id: String,
) -> CommandResult<Vec<Offer>> {
    let client = ggc_client(ctx, &profile_id).await?;
    fetch_all(ctx, &operation_id, label::OFFERS, client.offer_pages(&filter), |p| PageOf {
        total: Some(p.pagination.total_count),
        items: p.items,
    })
    .await
}

pub async fn ggc_offer(ctx: &Ctx<'_>, profile_id: String, offer_id: String) -> CommandResult<Offer> {
    Ok(ggc_client(ctx, &profile_id).await?.offer(&offer_id).await?)
}

/// Created as a draft.
pub async fn ggc_create_accounts_offer(
    ctx: &Ctx<'_>,
    profile_id: String,
    offer: NewAccountsOffer,
) -> CommandResult<Created> {
    Ok(ggc_client(ctx, &profile_id).await?.create_accounts_offer(&offer).await?)
}

/// Created as a draft.
pub async fn ggc_create_currency_offer(
    ctx: &Ctx<'_>,
    profile_id: String,
    offer: NewCurrencyOffer,
) -> CommandResult<Created> {
    Ok(ggc_client(ctx, &profile_id).await?.create_currency_offer(&offer).await?)
}

/// Created as a draft.
pub async fn ggc_create_items_offer(ctx: &Ctx<'_>, profile_id: String, offer: NewItemsOffer) -> CommandResult<Created> {
    Ok(ggc_client(ctx, &profile_id).await?.create_items_offer(&offer).await?)
}

/// Applies an edit to the full offer and returns the offer as GGChest shows it afterwards.
pub async fn ggc_edit_offer(
    ctx: &Ctx<'_>,
    profile_id: String,
    offer_id: String,
    edit: OfferEdit,
) -> CommandResult<Offer> {
    let client = ggc_client(ctx, &profile_id).await?;
    Ok(desk::ggc_offers::edit(&client, &offer_id, edit).await?.after)
}

/// The inline price edit: `price` is the text typed, in US dollars.
pub async fn ggc_update_price(ctx: &Ctx<'_>, profile_id: String, offer_id: String, price: String) -> CommandResult<()> {
    let price = typed_price("price", &price)?;
    let client = ggc_client(ctx, &profile_id).await?;
    Ok(jobs::audit::with_known(desk::audit::known_ggc_price(&price), client.update_price(&offer_id, price)).await?)
}

/// Active ↔ draft. Never repeated blindly (a second toggle undoes the first).
pub async fn ggc_toggle(ctx: &Ctx<'_>, profile_id: String, offer_id: String) -> CommandResult<()> {
    Ok(ggc_client(ctx, &profile_id).await?.toggle(&offer_id).await?)
}

pub async fn ggc_delete_offer(ctx: &Ctx<'_>, profile_id: String, offer_id: String) -> CommandResult<()> {
    Ok(ggc_client(ctx, &profile_id).await?.delete_offer(&offer_id).await?)
}

/// Reads the image behind `file` (a handle: a dropped file or the open dialog's choice), checks
/// its type by content and its size, and uploads it as the offer's icon.
pub async fn ggc_attach_icon(
    ctx: &Ctx<'_>,
    profile_id: String,
    offer_id: String,
    file: String,
) -> CommandResult<AttachedIcon> {
    let path = super::files::readable(ctx, &file)?;
    let icon = tokio::task::spawn_blocking(move || IconFile::read(&path))
        .await
        .map_err(|e| CommandError::file(format!("reading the icon failed: {e}")))??;
    Ok(ggc_client(ctx, &profile_id).await?.attach_icon(&offer_id, &icon).await?)
}

pub async fn ggc_delete_icon(
    ctx: &Ctx<'_>,
    profile_id: String,
    offer_id: String,
    icon_id: String,
) -> CommandResult<()> {
    Ok(ggc_client(ctx, &profile_id).await?.delete_icon(&offer_id, &icon_id).await?)
}

/// Every matching order, all pages, with `progress` events; stops on `cancel_operation`.
pub async fn ggc_all_orders(
    ctx: &Ctx<'_>,
    profile_id: String,
    filter: OrdersFilter,
    operation_id: String,
) -> CommandResult<Vec<Order>> {
    let client = ggc_client(ctx, &profile_id).await?;
    fetch_all(ctx, &operation_id, label::ORDERS, client.order_pages(&filter), |p| PageOf {
        total: Some(p.pagination.total_count),
        items: p.items,
    })
    .await
}
