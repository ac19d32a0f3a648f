//! Codes to Gaming Goods: `desk::gg_codes` with the window's progress events and the
//! operation's cancel. Refused codes are set aside and shown; the rest go through.

pub use desk::gg_codes::{CodesUploadReport, OffersAddReport};
use markets::gg::NewOffers;

use super::{gg_client, Ctx};
use crate::error::CommandResult;

/// Uploads codes to an own AUTO listing, in chunks, with progress; duplicates are set aside.
pub async fn gg_upload_codes(
    ctx: &Ctx<'_>,
    profile_id: String,
    product_id: String,
    codes: Vec<String>,
    operation_id: String,
) -> CommandResult<CodesUploadReport> {
    let client = gg_client(ctx, &profile_id).await?;
    let op = ctx.state.operations.start(&operation_id)?;
    desk::gg_codes::upload_codes(
        &client,
        &product_id,
        &codes,
        |done, total| op.report(ctx.events, done, Some(total), desk::gg_codes::PROGRESS_LABEL),
        || op.token.is_cancelled(),
    )
    .await
}

/// Puts codes on any marketplace product at `price_cents` (the UI converts the euros typed).
pub async fn gg_add_offers(ctx: &Ctx<'_>, profile_id: String, offers: NewOffers) -> CommandResult<OffersAddReport> {
    let client = gg_client(ctx, &profile_id).await?;
    desk::gg_codes::add_offers(&client, &offers).await
}
