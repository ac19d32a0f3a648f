//! `cancel_operation`, and fetching every page of a list with progress and cancellation.

use futures::{Stream, StreamExt};

use super::Ctx;
use crate::error::{CommandError, CommandResult};

/// Stops the long operation running under `operation_id`. False when none runs (it finished).
pub async fn cancel_operation(ctx: &Ctx<'_>, operation_id: String) -> CommandResult<bool> {
    Ok(ctx.state.operations.cancel(&operation_id))
}

/// One page of a list: its items and, when the page says so, the total number of items.
pub struct PageOf<T> {
    pub items: Vec<T>,
    pub total: Option<u64>,
}

/// Collects every page of `pages`, reporting `done` of `total` items after each page. Reading
/// is safe to abandon, so a cancel stops at once, even during a paced wait or a request.
pub async fn fetch_all<T, P>(
    ctx: &Ctx<'_>,
    operation_id: &str,
    label: &str,
    pages: impl Stream<Item = markets::Result<P>>,
    page_of: impl Fn(P) -> PageOf<T>,
) -> CommandResult<Vec<T>> {
    let op = ctx.state.operations.start(operation_id)?;
    op.report(ctx.events, 0, None, label);
    let mut pages = std::pin::pin!(pages);
    let mut all = Vec::new();
    let mut total = None;
    loop {
        let Some(next) = op.unless_cancelled(pages.next()).await else {
            return Err(CommandError::cancelled(format!(
                "cancelled after reading {} {label}{}; nothing was changed",
                all.len(),
                total.map(|t| format!(" of {t}")).unwrap_or_default()
            )));
        };
        match next {
            None => break,
            Some(page) => {
                let page = page_of(page?);
                total = page.total.or(total);
                all.extend(page.items);
                op.report(ctx.events, all.len() as u64, total.map(|t| t.max(all.len() as u64)), label);
            }
        }
    }
    Ok(all)
}
