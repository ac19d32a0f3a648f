//! The log of market requests (admin requests are not logged).

use serde::{Deserialize, Serialize};

use crate::Market;

/// One market request as the sandbox saw it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct LoggedRequest {
    pub market: Market,
    pub method: String,
    /// Relative to the market's base: `/seller/products` (GG), `/v1/offers` (GGChest).
    pub path: String,
    /// The raw query string, percent-encoding kept; `None` without one.
    pub query: Option<String>,
    /// The status answered; `None` when the connection was dropped without an answer.
    pub status: Option<u16>,
    /// `key_hint(key)` of the API key header, `None` without one.
    pub key_hint: Option<String>,
    /// The injected fault this request met, by name (`"drop_after_apply"`), if any.
    pub fault: Option<String>,
    /// Milliseconds since the sandbox started, at arrival.
    pub at_ms: u64,
}

impl LoggedRequest {
    /// Whether the request carried `key` (compares hints: the log never holds whole keys).
    pub fn is_from(&self, key: &str) -> bool {
        self.key_hint.as_deref() == Some(key_hint(key).as_str())
    }
}

/// A key shortened for the log: its first 8 and last 4 characters (`pk_test_…er_a`);
/// keys of 12 characters or fewer show only their first 2.
pub fn key_hint(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() <= 12 {
        let head: String = chars.iter().take(2).collect();
        return format!("{head}…");
    }
    let head: String = chars[..8].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_hide_the_middle() {
        assert_eq!(key_hint("pk_test_sandbox_seller_a"), "pk_test_…er_a");
        assert_eq!(key_hint("short"), "sh…");
    }
}
