//! Reading every page of a list (products, offers, orders) with progress, for a face that shows
//! it and lets the seller cancel. Reading is safe to abandon, so a cancel stops at once, even
//! during a paced wait or a request in flight.

use std::future::Future;

use futures::{Stream, StreamExt};

use crate::{Error, Result};

/// One page of a list: its items and, when the page says so, the total number of items.
pub struct PageOf<T> {
    pub items: Vec<T>,
    pub total: Option<u64>,
}

/// Collects every page of `pages`. `progress(done, total)` hears the items read before the
/// first page and after each; `cancelled` resolves when the seller cancels. `label` names what
/// is read ("offers"), for the message of a cancel.
pub async fn fetch_all<T, P>(
    pages: impl Stream<Item = markets::Result<P>>,
    page_of: impl Fn(P) -> PageOf<T>,
    label: &str,
    mut progress: impl FnMut(u64, Option<u64>),
    cancelled: impl Future<Output = ()>,
) -> Result<Vec<T>> {
    progress(0, None);
    let mut pages = std::pin::pin!(pages);
    let mut cancelled = std::pin::pin!(cancelled);
    let mut all = Vec::new();
    let mut total = None;
    loop {
        let next = tokio::select! {
            biased;
            _ = &mut cancelled => {
                return Err(Error::cancelled(format!(
                    "cancelled after reading {} {label}{}; nothing was changed",
                    all.len(),
                    total.map(|t| format!(" of {t}")).unwrap_or_default()
                )))
            }
            next = pages.next() => next,
        };
        match next {
            None => break,
            Some(page) => {
                let page = page_of(page?);
                total = page.total.or(total);
                all.extend(page.items);
                progress(all.len() as u64, total.map(|t| t.max(all.len() as u64)));
            }
        }
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(n: usize) -> impl Stream<Item = markets::Result<Vec<u32>>> {
        futures::stream::iter((0..n).map(|i| Ok(vec![i as u32 * 2, i as u32 * 2 + 1])))
    }

    #[tokio::test]
    async fn every_page_is_read_with_progress_after_each() {
        let mut seen = Vec::new();
        let all = fetch_all(
            pages(3),
            |p| PageOf { items: p, total: Some(6) },
            "offers",
            |d, t| seen.push((d, t)),
            std::future::pending(),
        )
        .await
        .unwrap();
        assert_eq!(all, [0, 1, 2, 3, 4, 5]);
        assert_eq!(seen, [(0, None), (2, Some(6)), (4, Some(6)), (6, Some(6))]);
    }

    #[tokio::test]
    async fn a_cancel_stops_the_reading_and_says_how_far_it_got() {
        let err =
            fetch_all(pages(3), |p| PageOf { items: p, total: None }, "offers", |_, _| {}, async {}).await.unwrap_err();
        assert_eq!(err.code, markets::ErrorCode::Cancelled);
        assert_eq!(err.message, "cancelled after reading 0 offers; nothing was changed");
    }
}
