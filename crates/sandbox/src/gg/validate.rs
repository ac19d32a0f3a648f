//! Reading and checking Gaming Goods request bodies and query strings. Every failure is a
//! 400 VALIDATION_ERROR ("invalid query or body") except where a handler says otherwise.

use std::collections::HashSet;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::error::{GgError, GgResult};
use crate::state::GgDeliveryType;
use crate::DuplicateWording;

pub(crate) type Body = Map<String, Value>;

/// The body as a JSON object.
pub(crate) fn object(bytes: &[u8]) -> GgResult<Body> {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(GgError::validation("request body must be a JSON object")),
        Err(e) => Err(GgError::validation(format!("request body is not valid JSON: {e}"))),
    }
}

/// Fields the endpoint does not document are refused, so a misspelt field (`title` for `name`)
/// is not silently ignored.
pub(crate) fn only_fields(body: &Body, allowed: &[&str]) -> GgResult<()> {
    match body.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(unknown) => Err(GgError::validation(format!("unknown field {unknown}; allowed: {}", allowed.join(", ")))),
        None => Ok(()),
    }
}

/// A present, non-blank string (trimmed).
pub(crate) fn required_text(body: &Body, field: &str) -> GgResult<String> {
    match body.get(field) {
        None | Some(Value::Null) => Err(GgError::validation(format!("{field} is required"))),
        Some(value) => text(value, field),
    }
}

/// An optional string: absent, `null` or blank is `None`.
pub(crate) fn optional_text(body: &Body, field: &str) -> GgResult<Option<String>> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(value) => text(value, field).map(Some),
    }
}

/// A non-blank string value (trimmed).
pub(crate) fn text(value: &Value, field: &str) -> GgResult<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Ok(s.trim().to_owned()),
        Value::String(_) => Err(GgError::validation(format!("{field} must not be empty"))),
        _ => Err(GgError::validation(format!("{field} must be a string"))),
    }
}

/// doc: "price": 19.99 — a JSON number in `currency` units; must be positive with at most two
/// decimals (the doc's own error example is "price must be positive").
pub(crate) fn price(value: &Value) -> GgResult<Decimal> {
    let Value::Number(number) = value else {
        return Err(GgError::validation("price must be a number"));
    };
    let decimal = if let Some(i) = number.as_i64() {
        Decimal::from(i)
    } else {
        // Without serde_json's arbitrary precision the number arrives as f64; its shortest
        // round-trip text is what the client wrote (19.99 → "19.99").
        let float = number.as_f64().unwrap_or(f64::NAN);
        Decimal::from_str(&format!("{float}")).map_err(|_| GgError::validation("price is out of range"))?
    };
    if decimal <= Decimal::ZERO {
        return Err(GgError::validation("price must be positive"));
    }
    if decimal.normalize().scale() > 2 {
        return Err(GgError::validation("price must have at most 2 decimal places"));
    }
    Ok(decimal.normalize())
}

/// An ISO 4217-style code such as the doc's "EUR".
pub(crate) fn currency(value: &Value) -> GgResult<String> {
    let code = text(value, "currency")?;
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(code)
    } else {
        Err(GgError::validation("currency must be a 3-letter upper-case code such as EUR"))
    }
}

/// doc: `AUTO` or `MANUAL`, exactly.
pub(crate) fn delivery_type(value: &Value) -> GgResult<GgDeliveryType> {
    match value.as_str() {
        Some("AUTO") => Ok(GgDeliveryType::Auto),
        Some("MANUAL") => Ok(GgDeliveryType::Manual),
        _ => Err(GgError::validation("delivery_type must be AUTO or MANUAL")),
    }
}

/// doc: "image_url": "https://..." — an absolute http(s) URL.
pub(crate) fn image_url(value: &Value) -> GgResult<String> {
    let url = text(value, "image_url")?;
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(host_and_path) if !host_and_path.is_empty() && !url.contains(char::is_whitespace) => Ok(url),
        _ => Err(GgError::validation("image_url must be an http(s) URL")),
    }
}

/// An array of non-blank code strings (trimmed), possibly empty.
pub(crate) fn codes(value: &Value) -> GgResult<Vec<String>> {
    let Value::Array(items) = value else {
        return Err(GgError::validation("codes must be an array of strings"));
    };
    items
        .iter()
        .map(|item| match item {
            Value::String(s) if !s.trim().is_empty() => Ok(s.trim().to_owned()),
            _ => Err(GgError::validation("each code must be a non-empty string")),
        })
        .collect()
}

/// The codes that are repeated in `new` or already in `existing`, each once, in request order.
pub(crate) fn duplicate_codes<'a>(new: &[String], existing: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let existing: HashSet<&str> = existing.into_iter().collect();
    let mut seen = HashSet::new();
    let mut duplicates: Vec<String> = Vec::new();
    for code in new {
        let repeated = !seen.insert(code.as_str());
        if (repeated || existing.contains(code.as_str())) && !duplicates.contains(code) {
            duplicates.push(code.clone());
        }
    }
    duplicates
}

/// The 422 for duplicate codes (doc: "rule violation (e.g. duplicate code)"), in one of the
/// wordings a client must cope with.
pub(crate) fn duplicate_codes_error(duplicates: &[String], wording: DuplicateWording) -> GgError {
    GgError::business_rule(match wording {
        DuplicateWording::List => format!("duplicate codes: {}", duplicates.join(", ")),
        DuplicateWording::FirstOnly => format!("duplicate code: {} is already in your stock", duplicates[0]),
        DuplicateWording::Unnamed => "rule violation: duplicate code".to_owned(),
    })
}

/// A positive JSON integer such as `price_cents` (euro cents).
pub(crate) fn positive_cents(body: &Body, field: &str) -> GgResult<u64> {
    match body.get(field) {
        None | Some(Value::Null) => Err(GgError::validation(format!("{field} is required"))),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(cents) if cents > 0 => Ok(cents),
            _ if n.is_i64() || n.is_u64() => Err(GgError::validation(format!("{field} must be positive"))),
            _ => Err(GgError::validation(format!("{field} must be an integer number of cents"))),
        },
        Some(_) => Err(GgError::validation(format!("{field} must be an integer number of cents"))),
    }
}

/// An integer query parameter within `min..=max`, or `default` when absent.
pub(crate) fn query_int(params: &[(String, String)], name: &str, default: u64, min: u64, max: u64) -> GgResult<u64> {
    let Some((_, raw)) = params.iter().rev().find(|(k, _)| k == name) else {
        return Ok(default);
    };
    match raw.trim().parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ if max == u64::MAX => Err(GgError::validation(format!("{name} must be an integer >= {min}"))),
        _ => Err(GgError::validation(format!("{name} must be an integer between {min} and {max}"))),
    }
}

/// The query string as decoded pairs.
pub(crate) fn query_pairs(raw: Option<&str>) -> Vec<(String, String)> {
    url::form_urlencoded::parse(raw.unwrap_or("").as_bytes()).into_owned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn prices() {
        assert_eq!(price(&json!(19.99)).unwrap().to_string(), "19.99");
        assert_eq!(price(&json!(20)).unwrap().to_string(), "20");
        assert_eq!(price(&json!(0.1)).unwrap().to_string(), "0.1");
        assert!(price(&json!(19.999)).is_err());
        assert!(price(&json!(0)).is_err());
        assert!(price(&json!(-1.5)).is_err());
        assert!(price(&json!("19.99")).is_err());
    }

    #[test]
    fn duplicates_are_named_once() {
        let new = vec!["A".to_owned(), "B".to_owned(), "A".to_owned(), "C".to_owned()];
        assert_eq!(duplicate_codes(&new, ["C"]), vec!["A", "C"]);
        assert!(duplicate_codes(&new[..2], ["Z"]).is_empty());
    }
}
