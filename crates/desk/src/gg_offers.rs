//! What deleting a product's offers on Gaming Goods takes away. The API deletes every unsold
//! offer of the seller on the product at once (`DELETE /seller/offers/{productId}`), at every
//! price, so both faces say what goes before asking: each price tier, the unsold codes, and the
//! sold ones that stay.

use markets::{
    gg::{GgClient, Offer},
    Cents,
};
use serde::Serialize;

use crate::Result;

/// One price of the seller's offers on a product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PriceTier {
    pub price_cents: Cents,
    /// Unsold codes at this price: deleted.
    pub available: u64,
    /// Sold at this price: kept.
    pub sold: u64,
}

/// What a delete of the seller's offers on `product_id` removes and keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OffersDeletion {
    pub product_id: String,
    /// Every price the seller has on the product, cheapest first.
    pub tiers: Vec<PriceTier>,
    /// Unsold codes, all tiers together: what the delete removes.
    pub unsold: u64,
    /// Sold codes: they stay.
    pub sold: u64,
}

impl OffersDeletion {
    /// From the seller's offers (any products): those on `product_id`.
    pub fn of(offers: &[Offer], product_id: &str) -> Self {
        let mut tiers: Vec<PriceTier> = offers
            .iter()
            .filter(|o| o.product_id.eq_ignore_ascii_case(product_id.trim()))
            .map(|o| PriceTier { price_cents: o.price_cents, available: o.available, sold: o.sold })
            .collect();
        tiers.sort_by_key(|t| t.price_cents.0);
        OffersDeletion {
            product_id: product_id.trim().to_owned(),
            unsold: tiers.iter().map(|t| t.available).sum(),
            sold: tiers.iter().map(|t| t.sold).sum(),
            tiers,
        }
    }

    /// `2 prices (€1.50, €2.00): 42 unsold codes are deleted; 7 sold stay.`
    pub fn english(&self) -> String {
        let prices: Vec<String> = self.tiers.iter().map(|t| format!("€{}", t.price_cents)).collect();
        let n = self.tiers.len();
        format!(
            "{n} {} ({}): {} unsold {} deleted; {} sold {} stay.",
            if n == 1 { "price" } else { "prices" },
            prices.join(", "),
            self.unsold,
            if self.unsold == 1 { "code is" } else { "codes are" },
            self.sold,
            if self.sold == 1 { "one" } else { "ones" },
        )
    }
}

/// Reads the seller's offers and says what deleting those on `product_id` would take away.
pub async fn deletion(client: &GgClient, product_id: &str) -> Result<OffersDeletion> {
    Ok(OffersDeletion::of(&client.all_offers().await?, product_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(product: &str, cents: i64, available: u64, sold: u64) -> Offer {
        serde_json::from_value(serde_json::json!({
            "product_id": product, "price_cents": cents, "available": available, "sold": sold
        }))
        .unwrap()
    }

    #[test]
    fn every_tier_of_the_product_is_counted_and_no_other_product() {
        let offers = [offer("p1", 200, 5, 1), offer("p2", 100, 9, 0), offer("p1", 150, 37, 6)];
        let d = OffersDeletion::of(&offers, "p1");
        assert_eq!(d.tiers.iter().map(|t| t.price_cents.0).collect::<Vec<_>>(), [150, 200]);
        assert_eq!((d.unsold, d.sold), (42, 7));
        assert_eq!(d.english(), "2 prices (€1.50, €2.00): 42 unsold codes are deleted; 7 sold ones stay.");
        assert_eq!(OffersDeletion::of(&offers, "p3").unsold, 0);
    }
}
