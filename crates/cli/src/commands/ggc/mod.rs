//! `sellerdesk ggc …`: dictionaries, orders and icons here; offers in [`offers`] and
//! [`batch`].

mod batch;
mod offers;

use super::AllItems;
use crate::{
    args::{ggc::*, GlobalArgs},
    context,
    error::CliResult,
    output::{table, Out},
    render::ggc as render,
};
use markets::{
    ggchest::{GamesQuery, GgcClient, IconFile, OrdersFilter, Pagination},
    Market,
};
use serde::Serialize;

pub async fn run(cmd: GgcCommand, global: &GlobalArgs, out: &Out) -> CliResult {
    let target = context::resolve(global, Market::GgChest)?;
    let client = GgcClient::new(target.audited_config()?)?;
    dispatch(cmd, &client, out).await.map_err(|e| target.annotate(e))
}

async fn dispatch(cmd: GgcCommand, client: &GgcClient, out: &Out) -> CliResult {
    match cmd {
        GgcCommand::Games(g) => {
            let query = GamesQuery { offer_type: g.offer_type, sort_by_name: g.sort.map(Into::into) };
            let games = client.games(&query).await?;
            out.emit(&games, |g| render::games(g));
        }
        GgcCommand::Currencies(g) => {
            let list = client.game_currencies(&g.game_id).await?;
            out.emit(&list, |l| render::currencies(l));
        }
        GgcCommand::Attributes(a) => {
            let list = client.attributes(&a.game_id, &a.offer_type).await?;
            out.emit(&list, |l| render::attributes(l));
        }
        GgcCommand::Offers(cmd) => offers::run(cmd, client, out).await?,
        GgcCommand::Icon(cmd) => icon(cmd, client, out).await?,
        GgcCommand::Orders(o) => orders(o, client, out).await?,
    }
    Ok(())
}

/// "Showing 11–20 of 40. Next: --page 3 (or --all)." from GGChest's pagination object, or from
/// the page asked for when the answer has no `pagination` (its fields then read 0).
pub(crate) fn page_footer(p: &Pagination, count: usize, asked_page: u32, asked_per_page: u32) -> String {
    let page = if p.page > 0 { p.page } else { u64::from(asked_page) };
    let per_page = if p.per_page > 0 { p.per_page } else { u64::from(asked_per_page) };
    let first = page.saturating_sub(1) * per_page + 1;
    let hint = format!("Next: --page {} (or --all).", page + 1);
    table::showing(first, count, p.total_count, &hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_footer_falls_back_to_the_page_asked_for() {
        let p = Pagination { total_count: 40, page_count: 4, page: 2, per_page: 10 };
        assert_eq!(page_footer(&p, 10, 2, 100), "Showing 11–20 of 40. Next: --page 3 (or --all).");
        let none = Pagination::default();
        assert_eq!(page_footer(&none, 20, 3, 20), "Showing 41–60. Next: --page 4 (or --all).");
    }
}

async fn orders(o: Orders, client: &GgcClient, out: &Out) -> CliResult {
    let filter =
        OrdersFilter { status: o.status, date_from: o.from, date_to: o.to, sort_by_paid_at: o.sort.map(Into::into) };
    if o.paging.all {
        let all = AllItems::new(client.all_orders(&filter).await?);
        out.emit(&all, |a| render::orders(&a.items, &format!("{} orders.", a.total)));
    } else {
        let page = client.orders(&filter, o.paging.page, o.paging.per_page).await?;
        out.emit(&page, |p| {
            render::orders(&p.items, &page_footer(&p.pagination, p.items.len(), o.paging.page, o.paging.per_page))
        });
    }
    Ok(())
}

#[derive(Serialize)]
struct IconDeleted {
    offer_id: String,
    icon_id: String,
    deleted: bool,
}

async fn icon(cmd: IconCommand, client: &GgcClient, out: &Out) -> CliResult {
    match cmd {
        IconCommand::Attach(a) => {
            let file = IconFile::read(&a.file)?;
            if let Some(w) = file.warning() {
                out.note(format!("warning: {w}"));
            }
            let icon = client.attach_icon(&a.offer_id, &file).await?;
            out.emit(&icon, |i| {
                format!(
                    "Attached icon {} to offer {}{}.",
                    i.id,
                    a.offer_id,
                    i.path.as_ref().map(|p| format!(" ({p})")).unwrap_or_default()
                )
            });
        }
        IconCommand::Delete(d) => {
            client.delete_icon(&d.offer_id, &d.icon_id).await?;
            let r = IconDeleted { offer_id: d.offer_id, icon_id: d.icon_id, deleted: true };
            out.emit(&r, |r| format!("Deleted icon {} of offer {}.", r.icon_id, r.offer_id));
        }
    }
    Ok(())
}
