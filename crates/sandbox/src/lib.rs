//! A stateful simulator of the Gaming Goods and GGChest Seller APIs over real HTTP on loopback.
//!
//! It is a second, independent reading of the API documents (it does not use the `markets`
//! crate): where the documents agree it is strict, where they disagree about what a request may
//! contain it accepts every documented variant. See the crate's README for each choice.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use sandbox::{Sandbox, SandboxConfig, GG_KEY_A};
//! let sandbox = Sandbox::start(SandboxConfig::default()).await?;
//! let url = format!("{}/seller/dashboard", sandbox.gg_base_url());
//! // … GET `url` with `X-API-Key: GG_KEY_A` …
//! assert!(!sandbox.state().gg_products_of(GG_KEY_A).is_empty());
//! sandbox.shutdown().await;
//! # Ok(()) }
//! ```

mod admin;
mod clock;
mod context;
mod faults;
mod gate;
mod gg;
mod ggchest;
mod ids;
mod rate_limit;
mod request_log;
mod sandbox;
mod seed;
mod server;
mod state;

use serde::{Deserialize, Serialize};

pub use context::ActionError;
pub use faults::{Fault, FaultKind};
pub use gg::market_side::{GgListingSale, GgOfferSale};
pub use ggchest::market_side::{NewDispute, NewOrder};
pub use request_log::{key_hint, LoggedRequest};
pub use sandbox::Sandbox;
pub use state::*;

/// Seeded Gaming Goods seller A (owns demo listings and offers).
pub const GG_KEY_A: &str = "pk_test_sandbox_seller_a";
/// Seeded Gaming Goods seller B (a few listings and a competing offer).
pub const GG_KEY_B: &str = "pk_test_sandbox_seller_b";
/// Seeded GGChest seller A (owns demo offers of every type and status, and orders).
pub const GGCHEST_KEY_A: &str = "ggc_test_sandbox_seller_a";
/// Seeded GGChest seller B (one offer, for ownership checks).
pub const GGCHEST_KEY_B: &str = "ggc_test_sandbox_seller_b";

/// Which marketplace. JSON: `"gg"` / `"ggchest"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Market {
    #[serde(rename = "gg")]
    Gg,
    #[serde(rename = "ggchest")]
    GgChest,
}

/// How the sandbox words Gaming Goods' 422 for duplicate codes. The document gives only
/// "rule violation (e.g. duplicate code)" and calls `message` "a developer-friendly
/// description", so a client must not depend on any wording: tests run against each of these.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateWording {
    /// `duplicate codes: A, B` (every duplicate named).
    #[default]
    List,
    /// `duplicate code: A is already in your stock` (only the first named).
    FirstOnly,
    /// `rule violation: duplicate code` (none named).
    Unnamed,
}

/// How to start a sandbox.
#[derive(Clone, Debug, PartialEq)]
pub struct SandboxConfig {
    /// 0 = any free port.
    pub port: u16,
    /// Multiplies every rate-limit window: 1.0 = real time, 0.01 = windows 100 times shorter.
    pub time_scale: f64,
    /// Answer 429 past the documented limits (default true).
    pub enforce_rate_limits: bool,
    /// Seed demo listings, offers and orders for the seeded sellers (default true). The seeded
    /// keys, the GG marketplace catalog and the GGChest games dictionary exist either way.
    pub seed_demo_data: bool,
    /// The wording of Gaming Goods' duplicate-code refusals (changeable while running).
    pub duplicate_wording: DuplicateWording,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            port: 0,
            time_scale: 1.0,
            enforce_rate_limits: true,
            seed_demo_data: true,
            duplicate_wording: DuplicateWording::List,
        }
    }
}
