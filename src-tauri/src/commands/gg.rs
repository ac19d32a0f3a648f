//! Gaming Goods: dashboard, listings (list all, detail, create, edit, deactivate, re-enable) and
//! C2C offers (list all, reprice, delete). Codes uploads and offer adds are in `gg_codes`.

use markets::{
    gg::{Dashboard, NewProduct, Offer, OffersDeleted, Product, ProductUpdate, Repriced},
    Cents,
};

use super::{
    gg_client,
    operations::{fetch_all, PageOf},
    Ctx,
};
use crate::error::CommandResult;
use crate::progress::label;

pub async fn gg_dashboard(ctx: &Ctx<'_>, profile_id: String) -> CommandResult<Dashboard> {
    Ok(gg_client(ctx, &profile_id).await?.dashboard().await?)
}

/// Every listing, all pages, with `progress` events; stops on `cancel_operation`.
pub async fn gg_all_products(ctx: &Ctx<'_>, profile_id: String, operation_id: String) -> CommandResult<Vec<Product>> {
    let client = gg_client(ctx, &profile_id).await?;
    fetch_all(ctx, &operation_id, label::PRODUCTS, client.product_pages(), |p| PageOf {
        total: Some(p.total),
        items: p.items,
    })
    .await
}

pub async fn gg_product(ctx: &Ctx<'_>, profile_id: String, product_id: String) -> CommandResult<Product> {
    Ok(gg_client(ctx, &profile_id).await?.product(&product_id).await?)
}

pub async fn gg_create_product(ctx: &Ctx<'_>, profile_id: String, product: NewProduct) -> CommandResult<Product> {
    Ok(gg_client(ctx, &profile_id).await?.create_product(&product).await?)
}

pub async fn gg_update_product(
    ctx: &Ctx<'_>,
    profile_id: String,
    product_id: String,
    update: ProductUpdate,
) -> CommandResult<Product> {
    let client = gg_client(ctx, &profile_id).await?;
    let known = desk::audit::known_gg_product_update(&update);
    Ok(jobs::audit::with_known(known, client.update_product(&product_id, &update)).await?)
}

pub async fn gg_deactivate_product(ctx: &Ctx<'_>, profile_id: String, product_id: String) -> CommandResult<Product> {
    Ok(gg_client(ctx, &profile_id).await?.deactivate_product(&product_id).await?)
}

pub async fn gg_reactivate_product(ctx: &Ctx<'_>, profile_id: String, product_id: String) -> CommandResult<Product> {
    Ok(gg_client(ctx, &profile_id).await?.reactivate_product(&product_id).await?)
}

/// Every C2C offer, all pages, with `progress` events; stops on `cancel_operation`.
pub async fn gg_all_offers(ctx: &Ctx<'_>, profile_id: String, operation_id: String) -> CommandResult<Vec<Offer>> {
    let client = gg_client(ctx, &profile_id).await?;
    fetch_all(ctx, &operation_id, label::OFFERS, client.offer_pages(), |p| PageOf {
        total: Some(p.total),
        items: p.offers,
    })
    .await
}

/// Moves the unsold offers of a product from one price to another (euro cents).
pub async fn gg_reprice_offers(
    ctx: &Ctx<'_>,
    profile_id: String,
    product_id: String,
    old_price_cents: Cents,
    new_price_cents: Cents,
) -> CommandResult<Repriced> {
    let client = gg_client(ctx, &profile_id).await?;
    let known = desk::audit::known_gg_reprice(old_price_cents.0, new_price_cents.0);
    Ok(jobs::audit::with_known(known, client.reprice_offers(&product_id, old_price_cents, new_price_cents)).await?)
}

/// Removes every unsold offer of the seller's on a product.
/// What deleting the seller's offers on a product would take away: every price tier, the unsold
/// codes (deleted) and the sold ones (kept), read from the marketplace (`desk::gg_offers`).
pub async fn gg_offers_deletion(
    ctx: &Ctx<'_>,
    profile_id: String,
    product_id: String,
) -> CommandResult<desk::gg_offers::OffersDeletion> {
    desk::gg_offers::deletion(&*gg_client(ctx, &profile_id).await?, &product_id).await
}

pub async fn gg_delete_offers(ctx: &Ctx<'_>, profile_id: String, product_id: String) -> CommandResult<OffersDeleted> {
    Ok(gg_client(ctx, &profile_id).await?.delete_offers(&product_id).await?)
}
