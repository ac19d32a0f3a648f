//! `cancel_operation`, and fetching every page of a list with progress and cancellation.

use futures::Stream;

use super::Ctx;
use crate::error::CommandResult;

/// Stops the long operation running under `operation_id`. False when none runs (it finished).
pub async fn cancel_operation(ctx: &Ctx<'_>, operation_id: String) -> CommandResult<bool> {
    Ok(ctx.state.operations.cancel(&operation_id))
}

pub use desk::paging::PageOf;

/// Every page of `pages` (`desk::paging::fetch_all`) as the operation `operation_id`: progress
/// events after each page, and `cancel_operation` stops it at once.
pub async fn fetch_all<T, P>(
    ctx: &Ctx<'_>,
    operation_id: &str,
    label: &str,
    pages: impl Stream<Item = markets::Result<P>>,
    page_of: impl Fn(P) -> PageOf<T>,
) -> CommandResult<Vec<T>> {
    let op = ctx.state.operations.start(operation_id)?;
    desk::paging::fetch_all(
        pages,
        page_of,
        label,
        |done, total| op.report(ctx.events, done, total, label),
        op.token.cancelled(),
    )
    .await
}
