//! Sending activation codes to Gaming Goods without losing any, for both faces: codes to an own
//! listing (`upload_codes`) and C2C offers on any product (`add_offers`).
//!
//! Gaming Goods refuses a whole request when one code is a duplicate (422, in no documented
//! wording). The refused codes are found without depending on the wording
//! (`markets::gg::refused_codes`), set aside and reported; the others are sent again, so one bad
//! code never costs the rest. A 422 means nothing was applied, so sending the remainder cannot
//! double anything. Codes go in chunks, with progress and a cancel between chunks (never during
//! one: a code upload is not safe to abandon half-way). Reports carry the refused codes for the
//! face to count, and to list only when the seller asks (`--show-codes`, the app's details).

use std::future::Future;

use markets::gg::{send_setting_refused_aside, GgClient, NewOffers, Splitting};
use serde::Serialize;

use crate::{Error, Result};

/// Codes per upload request: big enough to be quick, small enough for a useful progress bar.
pub const CHUNK: usize = 500;

/// What the progress of a codes upload counts.
pub const PROGRESS_LABEL: &str = "codes";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CodesUploadReport {
    /// Codes the marketplace accepted.
    pub uploaded: u64,
    /// The listing's stock after the last accepted chunk.
    pub stock_available: Option<u64>,
    /// Codes refused (most likely already on the marketplace): not uploaded.
    pub rejected_duplicates: Vec<String>,
    /// The marketplace's reason for the refusals, codes masked (`‹code›`).
    pub refusal: Option<String>,
    /// Codes not sent because the upload was cancelled.
    pub not_sent: Vec<String>,
    pub cancelled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OffersAddReport {
    pub added: u64,
    pub rejected_duplicates: Vec<String>,
    /// The marketplace's reason for the refusals, codes masked (`‹code›`).
    pub refusal: Option<String>,
}

struct Sent<T> {
    answers: Vec<T>,
    refused: Vec<String>,
    refusal: Option<String>,
    unsettled: usize,
    stopped_by: Option<markets::Error>,
}

async fn send<T, F, Fut>(codes: &[String], send: F) -> Sent<T>
where
    F: FnMut(Vec<String>) -> Fut,
    Fut: Future<Output = markets::Result<T>>,
{
    let out = send_setting_refused_aside(codes, Splitting::GiveUpWhenNothingPasses, send).await;
    Sent {
        refused: out.refused.iter().map(|&i| codes[i].clone()).collect(),
        refusal: out.refusal,
        unsettled: out.unsettled.len(),
        answers: out.answers,
        stopped_by: out.stopped_by,
    }
}

/// An error that stopped an upload half-way, saying what had gone through before it.
fn after_partial(err: markets::Error, uploaded: u64, refused: usize, not_sent: usize) -> Error {
    let mut err = Error::from(err);
    if uploaded > 0 || refused > 0 {
        err.message = format!(
            "{} ({uploaded} codes were uploaded before this, {refused} refused; {not_sent} were not sent)",
            err.message
        );
        // The template no longer says it all: the UI shows this English message as it is.
        err.text = None;
    }
    err
}

/// Uploads `codes` to an own AUTO listing, in chunks of [`CHUNK`]. `progress(done, total)` hears
/// the codes settled (uploaded or refused) before the first chunk and after each; `cancelled()`
/// is asked between chunks.
pub async fn upload_codes(
    client: &GgClient,
    product_id: &str,
    codes: &[String],
    mut progress: impl FnMut(u64, u64),
    cancelled: impl Fn() -> bool,
) -> Result<CodesUploadReport> {
    let total = codes.len() as u64;
    let mut report = CodesUploadReport {
        uploaded: 0,
        stock_available: None,
        rejected_duplicates: Vec::new(),
        refusal: None,
        not_sent: Vec::new(),
        cancelled: false,
    };
    progress(0, total);
    let chunks: Vec<&[String]> = codes.chunks(CHUNK).collect();
    for (i, chunk) in chunks.iter().enumerate() {
        if cancelled() {
            report.cancelled = true;
            report.not_sent = chunks[i..].concat();
            break;
        }
        let sent = send(chunk, |c| async move { client.upload_codes(product_id, &c).await }).await;
        for answer in &sent.answers {
            report.uploaded += answer.uploaded;
            report.stock_available = Some(answer.stock_available);
        }
        report.rejected_duplicates.extend(sent.refused);
        report.refusal = report.refusal.take().or(sent.refusal);
        if let Some(e) = sent.stopped_by {
            let later: usize = chunks[i + 1..].iter().map(|c| c.len()).sum();
            return Err(after_partial(e, report.uploaded, report.rejected_duplicates.len(), sent.unsettled + later));
        }
        let settled = report.uploaded + report.rejected_duplicates.len() as u64;
        progress(settled.min(total), total);
    }
    Ok(report)
}

/// Puts `offers.codes` on a marketplace product at its price (one offer per code).
pub async fn add_offers(client: &GgClient, offers: &NewOffers) -> Result<OffersAddReport> {
    let sent = send(&offers.codes, |codes| {
        let body = NewOffers { product_id: offers.product_id.clone(), price_cents: offers.price_cents, codes };
        async move { client.add_offers(&body).await }
    })
    .await;
    let added: u64 = sent.answers.iter().map(|a| a.added).sum();
    if let Some(e) = sent.stopped_by {
        return Err(after_partial(e, added, sent.refused.len(), sent.unsettled));
    }
    Ok(OffersAddReport { added, rejected_duplicates: sent.refused, refusal: sent.refusal })
}
