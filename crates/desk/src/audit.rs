//! The audit log, as both faces show it: `sellerdesk audit list|search|export` and the app's
//! `audit_list`/`audit_export` read it through [`list`] and [`export`] and only render what
//! comes back. The log itself is kept in the local store (`store::audit`), written by
//! `jobs::audit` (each job step, and each single change through its observer).

use jobs::audit::{AuditEntry, AuditFilter, AuditLog, Known};
use serde::Serialize;
use serde_json::json;

use crate::Result;

/// How many entries a list holds when the caller names no limit.
pub const DEFAULT_LIMIT: u64 = 1000;

/// Which entries, and how many of the newest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    /// Case-insensitive, in any field; blank or none: every entry.
    pub text: Option<String>,
    /// Only the entries of this profile (its id, or its name for entries imported from the
    /// `audit.jsonl` of earlier versions, which carry no id).
    pub profile: Option<String>,
    /// At most this many ([`DEFAULT_LIMIT`] when none).
    pub limit: Option<u64>,
}

/// The newest entries matching a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AuditPage {
    /// Newest first, at most `limit`.
    pub entries: Vec<AuditEntry>,
    /// Entries matching the search (all of them without one).
    pub matched: u64,
    pub total: u64,
}

fn filter(text: Option<&str>, profile: Option<&str>) -> AuditFilter {
    let given = |s: Option<&str>| s.map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    AuditFilter { text: given(text), profile: given(profile) }
}

/// The newest entries matching `query`, newest first, with how many match and how many there are.
pub fn list(log: &AuditLog, query: &AuditQuery) -> Result<AuditPage> {
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT).min(usize::MAX as u64) as usize;
    let found = log.query(&filter(query.text.as_deref(), query.profile.as_deref()), limit)?;
    Ok(AuditPage { entries: found.entries, matched: found.matched, total: found.total })
}

/// The entries matching `text` and `profile` (every entry without them), oldest first, as CSV
/// with a header; and how many rows.
pub fn export(log: &AuditLog, text: Option<&str>, profile: Option<&str>) -> Result<(String, u64)> {
    let entries = log.export(&filter(text, profile))?;
    Ok((jobs::audit::to_csv(&entries), entries.len() as u64))
}

/// What a move of a Gaming Goods product's unsold offers from one price to another records
/// (run the request inside `jobs::audit::with_known`).
pub fn known_gg_reprice(old_cents: i64, new_cents: i64) -> Known {
    Known {
        title: None,
        before: Some(json!({ "price_cents": old_cents })),
        after: Some(json!({ "price_cents": new_cents })),
    }
}

/// What a Gaming Goods product update records: the fields sent (the old values are not read).
pub fn known_gg_product_update(update: &markets::gg::ProductUpdate) -> Known {
    Known { title: None, before: None, after: serde_json::to_value(update).ok() }
}

/// What a GGChest price change records: the price sent (the old one is not read).
pub fn known_ggc_price(price: &markets::UsdPrice) -> Known {
    Known { title: None, before: None, after: Some(json!({ "price": price })) }
}

/// Before → after in one line for a table (`1200 cents → 1100 cents`, or the after alone).
pub fn change_text(e: &AuditEntry) -> String {
    let (before, after) = (jobs::audit::json_text(&e.before), jobs::audit::json_text(&e.after));
    match (before.is_empty(), after.is_empty()) {
        (false, false) => format!("{before} → {after}"),
        (true, false) => after,
        (false, true) => format!("{before} →"),
        (true, true) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn entry(n: usize, profile_id: &str) -> AuditEntry {
        AuditEntry {
            at: format!("2026-12-03T10:00:{n:02}Z"),
            profile_id: Some(profile_id.to_owned()),
            profile: format!("name-{profile_id}"),
            market: "gg".into(),
            endpoint: "PATCH /seller/offers/{id}/price".into(),
            target: format!("product {n}"),
            before: Some(json!({"price_cents": 1200})),
            after: Some(json!({"price_cents": 1100})),
            outcome: "done".into(),
            result: "done: 1 offer".into(),
            ..Default::default()
        }
    }

    #[test]
    fn list_and_export_filter_by_text_and_profile() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::in_dir(dir.path());
        for n in 0..6 {
            log.append(&entry(n, if n < 4 { "a" } else { "b" })).unwrap();
        }
        let page = list(&log, &AuditQuery { limit: Some(2), ..Default::default() }).unwrap();
        assert_eq!((page.entries.len(), page.matched, page.total), (2, 6, 6));
        assert_eq!(page.entries[0].target, "product 5", "newest first");
        let page = list(&log, &AuditQuery { profile: Some("a".into()), text: Some(" PRODUCT 1 ".into()), limit: None });
        assert_eq!(page.unwrap().matched, 1);
        let page = list(&log, &AuditQuery { profile: Some("name-b".into()), ..Default::default() }).unwrap();
        assert_eq!(page.matched, 2);
        // Blank text is no filter.
        assert_eq!(list(&log, &AuditQuery { text: Some("  ".into()), ..Default::default() }).unwrap().matched, 6);

        let (csv, rows) = export(&log, None, Some("b")).unwrap();
        assert_eq!(rows, 2);
        let lines: Vec<_> = csv.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("at,profile_id,profile,market,endpoint"));
        assert!(lines[1].contains("product 4") && lines[2].contains("product 5"), "oldest first:\n{csv}");
        assert!(lines[1].contains(r#""{""price_cents"":1200}""#), "before as JSON: {csv}");
        assert_eq!(change_text(&page.entries[0]), r#"{"price_cents":1200} → {"price_cents":1100}"#);
    }
}
