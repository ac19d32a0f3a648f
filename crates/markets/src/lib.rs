//! Typed clients for the Gaming Goods and GGChest Seller APIs.

pub mod market;
pub mod secret;

pub use market::Market;
pub use secret::ApiKey;
