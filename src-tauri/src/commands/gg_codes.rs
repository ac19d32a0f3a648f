//! Sending activation codes to Gaming Goods without losing any.
//!
//! Gaming Goods refuses a whole request when one code is a duplicate (422 BUSINESS_RULE_VIOLATION,
//! in no documented wording). The refused codes are found (`markets::gg::refused_codes`), set
//! aside and shown; the others are sent again, so one bad code never costs the rest. A 422 means nothing was applied, so sending the remainder cannot double
//! anything. Codes go in chunks, with progress and a cancel between chunks (never during one:
//! a code upload is not safe to abandon half-way).

use std::future::Future;

use markets::{
    gg::{send_setting_refused_aside, NewOffers, Splitting},
    Cents,
};
use serde::Serialize;
use ts_rs::TS;

use super::{gg_client, Ctx};
use crate::error::{CommandError, CommandResult};
use crate::progress::label;

/// Codes per upload request: big enough to be quick, small enough for a useful progress bar.
pub const CHUNK: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CodesUploadReport {
    /// Codes the marketplace accepted.
    pub uploaded: u64,
    /// The listing's stock after the last accepted chunk.
    pub stock_available: Option<u64>,
    /// Codes refused as duplicates (already on the marketplace): not uploaded, shown to the seller.
    pub rejected_duplicates: Vec<String>,
    /// Codes not sent because the operation was cancelled.
    pub not_sent: Vec<String>,
    pub cancelled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OffersAddReport {
    pub added: u64,
    pub rejected_duplicates: Vec<String>,
}

/// Sends `codes`, setting aside those Gaming Goods refuses (found without depending on the
/// refusal's wording: `markets::gg::refused_codes`) and sending the rest. Returns what `send`
/// answered for each accepted request, the refused codes, and the error that stopped the
/// upload (or a refusal of every code), with the codes in its message masked.
async fn send_setting_duplicates_aside<T, F, Fut>(
    codes: Vec<String>,
    send: F,
) -> (Vec<T>, Vec<String>, Option<CommandError>)
where
    F: FnMut(Vec<String>) -> Fut,
    Fut: Future<Output = markets::Result<T>>,
{
    let out = send_setting_refused_aside(&codes, Splitting::GiveUpWhenNothingPasses, send).await;
    let rejected: Vec<String> = out.refused.iter().map(|&i| codes[i].clone()).collect();
    (out.answers, rejected, out.stopped_by.map(CommandError::from))
}

/// Says, in an error that stopped an upload half-way, what had been uploaded already.
fn after_partial(mut err: CommandError, uploaded: u64, remaining: usize) -> CommandError {
    if uploaded > 0 {
        err.message =
            format!("{} ({uploaded} codes were uploaded before this; {remaining} were not sent)", err.message);
        // The template no longer says it all: the UI shows this English message as it is.
        err.text = None;
    }
    err
}

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
    let total = codes.len() as u64;
    let mut report = CodesUploadReport {
        uploaded: 0,
        stock_available: None,
        rejected_duplicates: Vec::new(),
        not_sent: Vec::new(),
        cancelled: false,
    };
    op.report(ctx.events, 0, Some(total), label::CODES);
    let chunks: Vec<Vec<String>> = codes.chunks(CHUNK).map(<[String]>::to_vec).collect();
    for (i, chunk) in chunks.iter().enumerate() {
        if op.token.is_cancelled() {
            report.cancelled = true;
            report.not_sent = chunks[i..].concat();
            break;
        }
        let (answers, rejected, stopped) = send_setting_duplicates_aside(chunk.clone(), |c| {
            let client = client.clone();
            let product_id = product_id.clone();
            async move { client.upload_codes(&product_id, &c).await }
        })
        .await;
        let settled_here = answers.iter().map(|a| a.uploaded as usize).sum::<usize>() + rejected.len();
        for answer in answers {
            report.uploaded += answer.uploaded;
            report.stock_available = Some(answer.stock_available);
        }
        report.rejected_duplicates.extend(rejected);
        if let Some(e) = stopped {
            let remaining = chunks[i..].iter().map(Vec::len).sum::<usize>().saturating_sub(settled_here);
            return Err(after_partial(e, report.uploaded, remaining));
        }
        let handled = report.uploaded + report.rejected_duplicates.len() as u64;
        op.report(ctx.events, handled.min(total), Some(total), label::CODES);
    }
    Ok(report)
}

/// Puts codes on any marketplace product at `price_cents` (the UI converts the euros typed).
pub async fn gg_add_offers(ctx: &Ctx<'_>, profile_id: String, offers: NewOffers) -> CommandResult<OffersAddReport> {
    let client = gg_client(ctx, &profile_id).await?;
    let NewOffers { product_id, price_cents, codes } = offers;
    let price: Cents = price_cents;
    let (answers, rejected_duplicates, stopped) = send_setting_duplicates_aside(codes, |codes| {
        let client = client.clone();
        let offers = NewOffers { product_id: product_id.clone(), price_cents: price, codes };
        async move { client.add_offers(&offers).await }
    })
    .await;
    let added: u64 = answers.iter().map(|a| a.added).sum();
    if let Some(e) = stopped {
        return Err(after_partial(e, added, 0));
    }
    Ok(OffersAddReport { added, rejected_duplicates })
}
