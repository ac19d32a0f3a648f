//! Products and offers of either market as CSV, for spreadsheets and for planning jobs.

use futures::TryStreamExt;
use markets::{gg::GgClient, ggchest::GgcClient, ggchest::OffersFilter};

use crate::Result;

fn csv_of(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header).expect("memory");
    for row in rows {
        w.write_record(&row).expect("memory");
    }
    String::from_utf8(w.into_inner().expect("memory")).expect("UTF-8 fields")
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(T::to_string).unwrap_or_default()
}

/// Every Gaming Goods listing of the seller.
pub async fn gg_products(client: &GgClient) -> Result<String> {
    let pages: Vec<_> = client.product_pages().try_collect().await?;
    let rows = pages.into_iter().flat_map(|p| p.items).map(|p| {
        vec![
            p.id.clone(),
            opt(&p.title),
            opt(&p.price),
            opt(&p.currency),
            opt(&p.delivery_type),
            opt(&p.moderation_status),
            opt(&p.is_active),
            opt(&p.stock_available),
            opt(&p.created_at),
        ]
    });
    Ok(csv_of(
        &[
            "id",
            "title",
            "price",
            "currency",
            "delivery_type",
            "moderation_status",
            "is_active",
            "stock_available",
            "created_at",
        ],
        rows,
    ))
}

/// Every Gaming Goods C2C offer of the seller (one row per product and price).
pub async fn gg_offers(client: &GgClient) -> Result<String> {
    let rows = client
        .all_offers()
        .await?
        .into_iter()
        .map(|o| vec![o.product_id, o.price_cents.0.to_string(), o.available.to_string(), o.sold.to_string()]);
    Ok(csv_of(&["product_id", "price_cents", "available", "sold"], rows))
}

/// Every GGChest offer of the seller matching `filter`.
pub async fn ggc_offers(client: &GgcClient, filter: &OffersFilter) -> Result<String> {
    let rows = client.all_offers(filter).await?.into_iter().map(|o| {
        vec![
            o.id.clone(),
            opt(&o.offer_type),
            opt(&o.status),
            opt(&o.game_id),
            opt(&o.game_name),
            opt(&o.title),
            o.price.map(|p| p.wire()).unwrap_or_default(),
            o.old_price.map(|p| p.wire()).unwrap_or_default(),
            opt(&o.qty_total),
            opt(&o.qty_min),
            opt(&o.delivery_method),
            opt(&o.delivery_time),
        ]
    });
    Ok(csv_of(
        &[
            "id",
            "offer_type",
            "status",
            "game_id",
            "game_name",
            "title",
            "price",
            "old_price",
            "qty_total",
            "qty_min",
            "delivery_method",
            "delivery_time",
        ],
        rows,
    ))
}
