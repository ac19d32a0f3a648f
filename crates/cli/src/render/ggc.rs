//! GGChest results as tables.

use super::gg::plain;
use crate::output::{money, table};
use markets::ggchest::{Attribute, Game, GameCurrency, Offer, Order};

pub fn games(games: &[Game]) -> String {
    let mut t = table::new(&["ID", "Name"]);
    for g in games {
        t.add_row(vec![g.id.clone(), g.name.clone()]);
    }
    format!("{t}\n{} games.", games.len())
}

pub fn currencies(list: &[GameCurrency]) -> String {
    let mut t = table::new(&["ID", "Name", "Nominal"]);
    for c in list {
        t.add_row(vec![c.id.clone(), c.name.clone(), table::opt(&c.nominal)]);
    }
    t.to_string()
}

/// One row per option, so the ids to put in an offer's `attributes` are side by side.
pub fn attributes(list: &[Attribute]) -> String {
    let mut t = table::new(&["Attribute ID", "Attribute", "Option ID", "Option"]);
    for a in list {
        if a.options.is_empty() {
            t.add_row(vec![a.id.clone(), a.attribute_name.clone(), String::new(), String::new()]);
        }
        for o in &a.options {
            t.add_row(vec![a.id.clone(), a.attribute_name.clone(), o.id.clone(), o.name.clone()]);
        }
    }
    t.to_string()
}

fn price_with_old(o: &Offer) -> String {
    match o.old_price {
        Some(old) => format!("{} (was {})", money::usd_opt(o.price), money::usd(old)),
        None => money::usd_opt(o.price),
    }
}

fn qty(o: &Offer) -> String {
    match (o.qty_total, o.qty_min) {
        (Some(t), Some(m)) if m > 1 => format!("{t} (min {m})"),
        (Some(t), _) => t.to_string(),
        _ => String::new(),
    }
}

fn status(s: &Option<impl ToString>) -> String {
    table::opt(s).to_lowercase()
}

pub fn offers(items: &[Offer], footer: &str) -> String {
    let mut t = table::new(&["ID", "Type", "Title", "Price", "Status", "Qty", "Game"]);
    for o in items {
        t.add_row(vec![
            o.id.clone(),
            table::opt(&o.offer_type),
            table::opt(&o.title),
            price_with_old(o),
            status(&o.status),
            qty(o),
            o.game_name.clone().or_else(|| o.game_id.clone()).unwrap_or_default(),
        ]);
    }
    format!("{t}\n{footer}")
}

pub fn offer(o: &Offer) -> String {
    let attributes: Vec<String> = o
        .attributes
        .iter()
        .map(|a| {
            format!(
                "{}: {}",
                a.attribute_name.clone().unwrap_or_else(|| a.attribute_id.clone()),
                a.option_name.clone().unwrap_or_else(|| a.option_id.clone())
            )
        })
        .collect();
    let extra = o.extra_properties.as_ref();
    let accounts: Vec<String> = extra
        .and_then(|e| e.accounts.as_ref())
        .map(|list| list.iter().map(|a| table::opt(&a.login)).collect())
        .unwrap_or_default();
    let currency = extra.and_then(|e| e.game_currency.as_ref()).map(|c| c.name.clone()).unwrap_or_default();
    let mut rows = vec![
        ("ID", o.id.clone()),
        ("Type", table::opt(&o.offer_type)),
        ("Title", table::opt(&o.title)),
        ("Description", table::opt(&o.description)),
        ("Price", money::usd_opt(o.price)),
        ("Old price", money::usd_opt(o.old_price)),
        ("Status", status(&o.status)),
        ("Delivery", table::opt(&o.delivery_method)),
        ("Delivery time", table::opt(&o.delivery_time)),
        ("Qty total", table::opt(&o.qty_total)),
        ("Qty min", table::opt(&o.qty_min)),
        ("Game", o.game_name.clone().or_else(|| o.game_id.clone()).unwrap_or_default()),
        ("Attributes", attributes.join("\n")),
        ("Currency", currency),
        ("Accounts (masked)", accounts.join("\n")),
        (
            "Icon",
            o.icon_id()
                .map(|id| format!("{id} {}", o.icon.as_ref().and_then(|i| i.path.clone()).unwrap_or_default()))
                .unwrap_or_default(),
        ),
        ("Page", table::opt(&o.page_slug)),
        ("Expires", table::opt(&o.expired_at)),
    ];
    let unknown: Vec<(String, String)> = o.extra.iter().map(|(k, v)| (k.clone(), plain(v))).collect();
    rows.extend(unknown.iter().map(|(k, v)| (k.as_str(), v.clone())));
    table::details(rows).to_string()
}

pub fn orders(items: &[Order], footer: &str) -> String {
    let mut t = table::new(&["ID", "Name", "Type", "Qty", "Price", "Status", "Paid at", "Buyer", "Dispute"]);
    for o in items {
        let dispute = o
            .dispute
            .as_ref()
            .map(|d| format!("{} {}", d.status.clone().unwrap_or_default(), d.reason.clone().unwrap_or_default()))
            .unwrap_or_default();
        t.add_row(vec![
            o.id.clone(),
            table::opt(&o.name),
            table::opt(&o.offer_type),
            table::opt(&o.quantity),
            money::usd_opt(o.price),
            table::opt(&o.status),
            table::opt(&o.paid_at),
            o.buyer.as_ref().and_then(|b| b.name.clone()).unwrap_or_default(),
            dispute.trim().to_owned(),
        ]);
    }
    format!("{t}\n{footer}")
}
