//! Gaming Goods results as tables.

use crate::output::{money, table};
use markets::gg::{Dashboard, Offer, Product};

pub fn dashboard(d: &Dashboard) -> String {
    table::details(vec![
        ("Products", d.total_products.to_string()),
        ("Active", d.active_products.to_string()),
        ("Pending moderation", d.pending_products.to_string()),
        ("Sales", d.total_sales.to_string()),
        ("Pending rewards", money::cents(d.pending_rewards)),
        ("Available rewards", money::cents(d.available_rewards)),
    ])
    .to_string()
}

fn price(p: &Product) -> String {
    p.price.map(|a| money::amount(a, p.currency.as_deref())).unwrap_or_default()
}

pub fn products(items: &[Product], footer: &str) -> String {
    let mut t = table::new(&["ID", "Title", "Price", "Stock", "Delivery", "Moderation", "Active"]);
    for p in items {
        t.add_row(vec![
            p.id.clone(),
            table::opt(&p.title),
            price(p),
            table::opt(&p.stock_available.or(p.stock_quantity)),
            table::opt(&p.delivery_type),
            table::opt(&p.moderation_status),
            table::yes_no(p.is_active),
        ]);
    }
    format!("{t}\n{footer}")
}

pub fn product(p: &Product) -> String {
    let mut rows = vec![
        ("ID", p.id.clone()),
        ("Title", table::opt(&p.title)),
        ("Slug", table::opt(&p.slug)),
        ("Description", table::opt(&p.description)),
        ("Price", price(p)),
        ("Delivery", table::opt(&p.delivery_type)),
        ("Stock available", table::opt(&p.stock_available)),
        ("Stock quantity", table::opt(&p.stock_quantity)),
        ("Moderation", table::opt(&p.moderation_status)),
        ("Active", table::yes_no(p.is_active)),
        ("Created", table::opt(&p.created_at)),
    ];
    // Fields this version does not know are still shown, not hidden.
    let extra: Vec<(String, String)> = p.extra.iter().map(|(k, v)| (k.clone(), plain(v))).collect();
    rows.extend(extra.iter().map(|(k, v)| (k.as_str(), v.clone())));
    table::details(rows).to_string()
}

pub fn offers(items: &[Offer], footer: &str) -> String {
    let mut t = table::new(&["Product ID", "Price", "Available", "Sold"]);
    for o in items {
        t.add_row(vec![o.product_id.clone(), money::cents(o.price_cents), o.available.to_string(), o.sold.to_string()]);
    }
    format!("{t}\n{footer}")
}

/// A JSON value as text: strings without quotes, null as nothing.
pub fn plain(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}
