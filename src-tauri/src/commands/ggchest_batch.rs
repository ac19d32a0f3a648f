//! GGChest bulk activate / draft / delete over any number of selected offers.
//!
//! The whole selection is checked first (ids, no repeats across chunks): an invalid one rejects
//! the command before anything is sent. Ids then go in chunks of the API's maximum (100), one
//! request each, with progress after each and a cancel between chunks. The first chunk that
//! fails stops the rest; the result says which ids were done and which not, so nothing is left
//! unaccounted for.

use markets::ggchest::{validate_offer_ids, MAX_BATCH};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ggc_client, Ctx};
use crate::error::{CommandError, CommandResult};
use crate::progress::label;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BatchAction {
    Activate,
    Draft,
    Delete,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BatchResult {
    pub done: Vec<String>,
    pub not_done: Vec<String>,
    /// Why the rest was not done: the failure, or `cancelled`.
    pub error: Option<CommandError>,
}

pub async fn ggc_batch(
    ctx: &Ctx<'_>,
    profile_id: String,
    action: BatchAction,
    ids: Vec<String>,
    operation_id: String,
) -> CommandResult<BatchResult> {
    // Each chunk is validated again by the client, but a repeat across two chunks would only
    // show in the second, after the first was applied.
    validate_offer_ids(&ids)?;
    let client = ggc_client(ctx, &profile_id).await?;
    let op = ctx.state.operations.start(&operation_id)?;
    let total = ids.len() as u64;
    let label = match action {
        BatchAction::Activate => label::OFFERS_ACTIVATED,
        BatchAction::Draft => label::OFFERS_TO_DRAFT,
        BatchAction::Delete => label::OFFERS_DELETED,
    };
    let mut result = BatchResult { done: Vec::new(), not_done: Vec::new(), error: None };
    op.report(ctx.events, 0, Some(total), label);
    let chunks: Vec<&[String]> = ids.chunks(MAX_BATCH).collect();
    for (i, chunk) in chunks.iter().enumerate() {
        if op.token.is_cancelled() {
            result.error = Some(CommandError::cancelled(format!(
                "cancelled: {} of {total} {label}; the other {} were not sent",
                result.done.len(),
                total as usize - result.done.len()
            )));
        } else {
            let outcome = match action {
                BatchAction::Activate => client.activate_offers(chunk).await,
                BatchAction::Draft => client.draft_offers(chunk).await,
                BatchAction::Delete => client.delete_offers(chunk).await,
            };
            match outcome.and_then(|o| o.into_result()) {
                Ok(done) => result.done.extend(done),
                Err(err) => result.error = Some(err.into()),
            }
        }
        if result.error.is_some() {
            result.not_done.extend(chunks[i..].iter().flat_map(|c| c.iter().cloned()));
            break;
        }
        op.report(ctx.events, result.done.len() as u64, Some(total), label);
    }
    Ok(result)
}
