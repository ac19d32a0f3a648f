//! Sending activation codes to Gaming Goods without losing any.
//!
//! Gaming Goods refuses a whole request when one code is a duplicate (422, "duplicate codes: …").
//! The codes it names are set aside and shown; the others are sent again, so one bad code never
//! costs the rest. A 422 means nothing was applied, so sending the remainder cannot double
//! anything. Codes go in chunks, with progress and a cancel between chunks (never during one:
//! a code upload is not safe to abandon half-way).

use std::{collections::HashSet, future::Future};

use markets::{gg::NewOffers, Cents};
use serde::Serialize;
use ts_rs::TS;

use super::{gg_client, Ctx};
use crate::error::{CommandError, CommandResult};
use crate::progress::label;

/// Codes per upload request: big enough to be quick, small enough for a useful progress bar.
pub const CHUNK: usize = 500;
/// How many times one chunk is re-sent after setting named duplicates aside.
const MAX_ROUNDS: usize = 5;

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

/// The codes of `sent` that a refusal's message names.
fn named_codes(message: &str, sent: &[String]) -> Vec<String> {
    let words: HashSet<&str> =
        message.split(|c: char| c.is_whitespace() || ",;:\"'[](){}".contains(c)).filter(|w| !w.is_empty()).collect();
    sent.iter().filter(|c| words.contains(c.as_str())).cloned().collect()
}

/// Sends `codes`, setting aside the duplicates a refusal names and sending the rest again.
/// Returns what `send` answered for the accepted codes (if any were left) and the rejected codes.
async fn send_setting_duplicates_aside<T, F, Fut>(
    mut codes: Vec<String>,
    mut send: F,
) -> CommandResult<(Option<T>, Vec<String>)>
where
    F: FnMut(Vec<String>) -> Fut,
    Fut: Future<Output = markets::Result<T>>,
{
    let mut rejected = Vec::new();
    for _ in 0..MAX_ROUNDS {
        if codes.is_empty() {
            return Ok((None, rejected));
        }
        match send(codes.clone()).await {
            Ok(answer) => return Ok((Some(answer), rejected)),
            Err(err @ markets::Error::BusinessRule { .. }) => {
                let named = named_codes(&err.to_string(), &codes);
                if named.is_empty() {
                    return Err(err.into());
                }
                codes.retain(|c| !named.contains(c));
                rejected.extend(named);
            }
            Err(err) => return Err(err.into()),
        }
    }
    Err(CommandError::new(
        "business_rule",
        format!(
            "Gaming Goods kept refusing codes as duplicates after {MAX_ROUNDS} tries; {} set aside so far",
            rejected.len()
        ),
    ))
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
        let sent = send_setting_duplicates_aside(chunk.clone(), |c| {
            let client = client.clone();
            let product_id = product_id.clone();
            async move { client.upload_codes(&product_id, &c).await }
        })
        .await;
        let (answer, rejected) = sent.map_err(|e| {
            let remaining = chunks[i..].iter().map(Vec::len).sum();
            after_partial(e, report.uploaded, remaining)
        })?;
        if let Some(answer) = answer {
            report.uploaded += answer.uploaded;
            report.stock_available = Some(answer.stock_available);
        }
        report.rejected_duplicates.extend(rejected);
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
    let (answer, rejected_duplicates) = send_setting_duplicates_aside(codes, |codes| {
        let client = client.clone();
        let offers = NewOffers { product_id: product_id.clone(), price_cents: price, codes };
        async move { client.add_offers(&offers).await }
    })
    .await?;
    Ok(OffersAddReport { added: answer.map_or(0, |a| a.added), rejected_duplicates })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_codes_named_in_the_message_count() {
        let sent: Vec<String> = ["AB", "ABC", "X-1"].iter().map(|s| s.to_string()).collect();
        assert_eq!(named_codes("Gaming Goods refused it: duplicate codes: ABC, X-1", &sent), vec!["ABC", "X-1"]);
        assert!(named_codes("duplicate code", &sent).is_empty());
    }
}
