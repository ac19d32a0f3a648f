//! GGChest bulk activate / draft / delete: `desk::batch::run` with the window's progress events
//! and the operation's cancel.

pub use desk::batch::BatchResult;
pub use markets::ggchest::BatchAction;

use super::{ggc_client, Ctx};
use crate::error::CommandResult;

pub async fn ggc_batch(
    ctx: &Ctx<'_>,
    profile_id: String,
    action: BatchAction,
    ids: Vec<String>,
    operation_id: String,
) -> CommandResult<BatchResult> {
    let client = ggc_client(ctx, &profile_id).await?;
    let op = ctx.state.operations.start(&operation_id)?;
    let label = desk::batch::progress_label(action);
    desk::batch::run(
        &client,
        action,
        &ids,
        |done, total| op.report(ctx.events, done, Some(total), label),
        || op.token.is_cancelled(),
    )
    .await
}
