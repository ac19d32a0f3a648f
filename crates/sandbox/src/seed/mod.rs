//! The state a sandbox starts with (and returns to on reset).
//!
//! Always: the seeded sellers' keys, the Gaming Goods marketplace catalog (products of sellers
//! without API keys, targets for C2C offers) and the GGChest games dictionary. With demo data:
//! listings, offers, sales and orders of the seeded sellers. Seeded ids are fixed from run to
//! run; several GGChest ids are the ones the documents' examples use, so their curl examples
//! work against the sandbox.

mod gg;
mod ggchest;

use crate::context::{Store, StoredFile};
use crate::ids::seeded_id;
use crate::state::{GgcImage, State};

/// A valid 1×1 PNG, served for every seeded image.
pub(crate) const TINY_PNG: [u8; 67] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00,
    0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

/// Seed timestamps count from here: 2026-03-01T00:00:00Z.
pub(crate) const SEED_EPOCH: i64 = 1_772_323_200;

pub(crate) fn initial_store(demo_data: bool, base_url: &str) -> Store {
    let mut images = Images { base_url, files: Vec::new() };
    let state = State { gg: gg::seed(demo_data), ggchest: ggchest::seed(demo_data, &mut images) };
    let files = images
        .files
        .into_iter()
        .map(|key| {
            let file = StoredFile { content_type: "image/png".to_owned(), bytes: TINY_PNG.to_vec() };
            (key, file)
        })
        .collect();
    Store { state, files }
}

/// Hands out ids and URLs of seeded images, all served by the sandbox as `TINY_PNG`.
pub(crate) struct Images<'a> {
    base_url: &'a str,
    /// Registered file keys, e.g. `games/ID/icon.png`.
    files: Vec<String>,
}

impl Images<'_> {
    /// An image with `id` (or the next seeded one) served under `key`.
    pub fn image(&mut self, id: Option<&str>, key: String) -> GgcImage {
        let url = format!("{}/_sandbox/files/{key}", self.base_url);
        self.files.push(key);
        GgcImage { id: id.map_or_else(|| seeded_id(20, self.files.len() as u32), str::to_owned), path: url }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_are_deterministic_and_consistent() {
        let a = initial_store(true, "http://x");
        let b = initial_store(true, "http://x");
        assert_eq!(a.state, b.state);
        let state = &a.state;
        assert!(state.gg.products.iter().filter(|p| !p.owner.starts_with("pk_")).count() >= 20);
        for offer in &state.ggchest.offers {
            let game = state.ggchest_game(&offer.game_id).expect("offer's game is seeded");
            for chosen in &offer.attributes {
                let attribute = game
                    .attributes_for(offer.offer_type)
                    .find(|a| a.id == chosen.attribute_id)
                    .expect("seeded attribute");
                assert!(attribute.options.iter().any(|o| o.id == chosen.option_id));
            }
        }
        let empty = initial_store(false, "http://x");
        assert!(empty.state.ggchest.offers.is_empty());
        assert!(!empty.state.ggchest.games.is_empty());
        assert!(empty.state.gg.products.len() >= 20);
    }
}
