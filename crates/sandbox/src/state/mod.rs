//! The sandbox's whole state, public so tests can assert on it (`Sandbox::state()` returns a
//! clone; `GET /_sandbox/state` returns the same as JSON).
//!
//! Sellers are identified by their API key everywhere: it is a sandbox.

mod gg;
mod ggchest;

pub use gg::*;
pub use ggchest::*;

use serde::{Deserialize, Serialize};

/// A snapshot of both marketplaces.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct State {
    pub gg: GgState,
    pub ggchest: GgcState,
}

impl State {
    /// The listings owned by `key`, in creation order.
    pub fn gg_products_of(&self, key: &str) -> Vec<&GgProduct> {
        self.gg.products.iter().filter(|p| p.owner == key).collect()
    }

    /// Any product of the marketplace by id.
    pub fn gg_product(&self, product_id: &str) -> Option<&GgProduct> {
        self.gg.products.iter().find(|p| p.id == product_id)
    }

    /// The unsold codes in a listing's own stock, in upload order (empty for unknown ids).
    pub fn gg_codes(&self, product_id: &str) -> Vec<String> {
        self.gg_product(product_id).map(|p| p.unsold_codes().map(str::to_owned).collect()).unwrap_or_default()
    }

    /// The offer codes (sold and unsold) that `key` put on any product.
    pub fn gg_offers_of(&self, key: &str) -> Vec<&GgOfferCode> {
        self.gg.offers.iter().filter(|o| o.seller == key).collect()
    }

    /// The sales that earned `key` a reward.
    pub fn gg_sales_of(&self, key: &str) -> Vec<&GgSale> {
        self.gg.sales.iter().filter(|s| s.seller == key).collect()
    }

    /// The offers of `key`, deleted ones included, in creation order.
    pub fn ggchest_offers_of(&self, key: &str) -> Vec<&GgcOffer> {
        self.ggchest.offers.iter().filter(|o| o.seller == key).collect()
    }

    /// Any GGChest offer by id.
    pub fn ggchest_offer(&self, offer_id: &str) -> Option<&GgcOffer> {
        self.ggchest.offers.iter().find(|o| o.id == offer_id)
    }

    /// The orders of `key`, in creation order.
    pub fn ggchest_orders_of(&self, key: &str) -> Vec<&GgcOrder> {
        self.ggchest.orders.iter().filter(|o| o.seller == key).collect()
    }

    /// A game of the GGChest dictionary by id.
    pub fn ggchest_game(&self, game_id: &str) -> Option<&GgcGame> {
        self.ggchest.games.iter().find(|g| g.id == game_id)
    }
}
