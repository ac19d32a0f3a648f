//! The fixtures both faces read (tests/fixtures/files), as `desk::files` reads them:
//! `expected.json` holds the rows, counts, problems and errors that `sellerdesk`
//! (crates/cli/tests/file_parity.rs) and the app's commands (src-tauri/tests/file_parity.rs)
//! must both give. `SELLERDESK_WRITE_FIXTURES=1` rewrites it; review the diff.

use desk::files::{accounts, all_or_nothing, codes, gg_offers, gg_product_codes, ggc_creates};
use serde_json::{json, Value};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/files");

fn error(e: desk::Error) -> Value {
    json!({ "code": e.code, "message": e.message, "fields": e.fields })
}

fn expected(name: &str, text: &str) -> Value {
    if name.starts_with("codes-") {
        let list = codes::read(text, Some(name)).unwrap();
        json!({
            "codes": list.codes, "lines": list.lines, "dropped_repeats": list.dropped_repeats(),
            "blank_lines": list.blank_lines, "header_skipped": list.header_skipped,
        })
    } else if name.starts_with("accounts-") {
        match accounts::parse(text, name).and_then(|p| accounts::for_form(p, name)) {
            Ok(p) => json!({
                "accounts": p.rows, "problems": p.field_errors(), "ignored_columns": p.ignored_columns,
            }),
            Err(e) => json!({ "error": error(e) }),
        }
    } else if name.starts_with("product-codes-") {
        json!({ "error": error(all_or_nothing(gg_product_codes::parse(text), name, "codes").unwrap_err()) })
    } else if name.starts_with("offers-") {
        json!({ "error": error(all_or_nothing(gg_offers::parse(text), name, "offers").unwrap_err()) })
    } else if name.starts_with("import-accounts-") {
        let parsed = accounts::parse(text, name).unwrap();
        json!({ "error": error(all_or_nothing(parsed, name, "accounts").unwrap_err()) })
    } else if name.starts_with("creates-") {
        let parsed = ggc_creates::parse_json(text, name).unwrap();
        json!({ "error": error(ggc_creates::for_job(parsed, name).unwrap_err()) })
    } else {
        panic!("a fixture of no known kind: {name}")
    }
}

#[test]
fn fixtures_read_as_expected_json_says() {
    let mut names: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".csv") || n.ends_with(".txt") || (n.ends_with(".json") && n != "expected.json"))
        .collect();
    names.sort();
    let mut all = serde_json::Map::new();
    for name in names {
        let text = std::fs::read_to_string(format!("{DIR}/{name}")).unwrap();
        all.insert(name.clone(), expected(&name, &text));
    }
    let all = Value::Object(all);
    let path = format!("{DIR}/expected.json");
    if std::env::var_os("SELLERDESK_WRITE_FIXTURES").is_some() {
        std::fs::write(&path, serde_json::to_string_pretty(&all).unwrap() + "\n").unwrap();
    }
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(all, written, "expected.json is not what desk::files reads: SELLERDESK_WRITE_FIXTURES=1 to rewrite");
}
