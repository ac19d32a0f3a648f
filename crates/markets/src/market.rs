//! Which marketplace a profile, a client or an error belongs to.

use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Market {
    /// Gaming Goods (gaming-goods.ru) Seller API.
    #[serde(rename = "gg", alias = "gaming-goods", alias = "gaming_goods")]
    GamingGoods,
    /// GGChest (sellerapi.ggchest.com) Seller API.
    #[serde(rename = "ggchest", alias = "ggc")]
    GgChest,
}

impl Market {
    pub const ALL: [Market; 2] = [Market::GamingGoods, Market::GgChest];

    /// The short, stable id used in files, the CLI and the UI: `gg` or `ggchest`.
    pub fn id(self) -> &'static str {
        match self {
            Market::GamingGoods => "gg",
            Market::GgChest => "ggchest",
        }
    }

    pub fn display_name(self) -> &'static str {
        match self {
            Market::GamingGoods => "Gaming Goods",
            Market::GgChest => "GGChest",
        }
    }

    /// The production base URL from each marketplace's documentation.
    pub fn production_base_url(self) -> &'static str {
        match self {
            Market::GamingGoods => "https://gaming-goods.ru/api/partner/v1",
            Market::GgChest => "https://sellerapi.ggchest.com",
        }
    }
}

impl fmt::Display for Market {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.display_name())
    }
}

impl FromStr for Market {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "gg" | "gaming-goods" | "gaming_goods" | "gaminggoods" => Ok(Market::GamingGoods),
            "ggchest" | "ggc" => Ok(Market::GgChest),
            other => Err(format!("unknown marketplace `{other}`: use `gg` (Gaming Goods) or `ggchest` (GGChest)")),
        }
    }
}
