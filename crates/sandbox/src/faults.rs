//! Injected faults: the next `count` market requests that match get a scripted failure instead of
//! (or around) their normal handling, so client retry and recovery paths can be tested.

use serde::{Deserialize, Serialize};

use crate::Market;

/// A fault to inject. JSON (the kind's fields sit beside the others):
/// `{"market":"gg","kind":"rate_limited","retry_after_secs":3,"count":1,"method":"POST","path_contains":"/seller/offers"}`.
/// `count` defaults to 1; `method` (case-insensitive) and `path_contains` (a substring of the
/// path relative to the market's base, e.g. `/v1/offers`) default to matching everything.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Fault {
    pub market: Market,
    #[serde(flatten)]
    pub kind: FaultKind,
    #[serde(default = "one")]
    pub count: u32,
    #[serde(default)]
    pub method: Option<String>,
    #[serde(default)]
    pub path_contains: Option<String>,
}

fn one() -> u32 {
    1
}

impl Fault {
    /// A fault for the next matching request of `market`, any method and path.
    pub fn new(market: Market, kind: FaultKind) -> Fault {
        Fault { market, kind, count: 1, method: None, path_contains: None }
    }

    pub fn times(mut self, count: u32) -> Fault {
        self.count = count;
        self
    }

    pub fn on_method(mut self, method: &str) -> Fault {
        self.method = Some(method.to_owned());
        self
    }

    pub fn on_path_containing(mut self, fragment: &str) -> Fault {
        self.path_contains = Some(fragment.to_owned());
        self
    }

    fn matches(&self, market: Market, method: &str, path: &str) -> bool {
        self.market == market
            && self.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method))
            && self.path_contains.as_deref().is_none_or(|fragment| path.contains(fragment))
    }
}

/// What happens to a faulted request. JSON: `{"kind":"drop_after_apply"}`,
/// `{"kind":"rate_limited","retry_after_secs":5}`, `{"kind":"delay","ms":200}`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultKind {
    /// 429 with `Retry-After: retry_after_secs` and the market's error body; nothing applied.
    RateLimited { retry_after_secs: u64 },
    /// 503 with the market's error body; nothing applied.
    Unavailable,
    /// The connection is closed without applying the request or answering it.
    DropBeforeApply,
    /// The request is applied, then the connection is closed without an answer.
    DropAfterApply,
    /// The answer comes normally after a pause.
    Delay { ms: u64 },
}

impl FaultKind {
    /// The snake_case name, as in JSON and in the request log.
    pub fn name(&self) -> &'static str {
        match self {
            Self::RateLimited { .. } => "rate_limited",
            Self::Unavailable => "unavailable",
            Self::DropBeforeApply => "drop_before_apply",
            Self::DropAfterApply => "drop_after_apply",
            Self::Delay { .. } => "delay",
        }
    }
}

/// Pending faults, first injected first used.
#[derive(Debug, Default)]
pub(crate) struct FaultQueue {
    pending: Vec<Fault>,
}

impl FaultQueue {
    pub fn inject(&mut self, fault: Fault) {
        if fault.count > 0 {
            self.pending.push(fault);
        }
    }

    pub fn clear(&mut self) {
        self.pending.clear();
    }

    pub fn pending(&self) -> Vec<Fault> {
        self.pending.clone()
    }

    /// Uses up one count of the first fault that matches the request, if any.
    pub fn take(&mut self, market: Market, method: &str, path: &str) -> Option<FaultKind> {
        let index = self.pending.iter().position(|f| f.matches(market, method, path))?;
        let fault = &mut self.pending[index];
        fault.count -= 1;
        let kind = fault.kind.clone();
        if fault.count == 0 {
            self.pending.remove(index);
        }
        Some(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_is_flat() {
        let fault = Fault::new(Market::GgChest, FaultKind::RateLimited { retry_after_secs: 3 }).on_method("PUT");
        let json = serde_json::to_value(&fault).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"market":"ggchest","kind":"rate_limited","retry_after_secs":3,
                "count":1,"method":"PUT","path_contains":null})
        );
        let parsed: Fault = serde_json::from_str(r#"{"market":"gg","kind":"drop_after_apply"}"#).unwrap();
        assert_eq!(parsed, Fault::new(Market::Gg, FaultKind::DropAfterApply));
    }

    #[test]
    fn counts_down_and_matches_filters() {
        let mut queue = FaultQueue::default();
        queue.inject(
            Fault::new(Market::Gg, FaultKind::Unavailable).times(2).on_method("post").on_path_containing("/offers"),
        );
        assert_eq!(queue.take(Market::GgChest, "POST", "/seller/offers"), None);
        assert_eq!(queue.take(Market::Gg, "GET", "/seller/offers"), None);
        assert_eq!(queue.take(Market::Gg, "POST", "/seller/products"), None);
        assert!(queue.take(Market::Gg, "POST", "/seller/offers").is_some());
        assert!(queue.take(Market::Gg, "POST", "/seller/offers").is_some());
        assert_eq!(queue.take(Market::Gg, "POST", "/seller/offers"), None);
    }
}
