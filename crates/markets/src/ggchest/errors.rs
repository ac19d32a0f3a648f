//! GGChest error answers: `{"message": ..., "errors": [{"property", "message"}]}` for 400 and
//! 422, `{"message"}` for 401/403/404. Messages differ between sources ("Not found." vs "Page
//! not found"), so only the status and `errors[].property` are relied on, never the text.

use crate::{
    error::{FieldError, Origin},
    http::{excerpt, ErrorAnswer},
    Error, Market,
};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize, Default)]
struct Body {
    #[serde(default)]
    message: Option<String>,
    /// The spec types the 422 `errors` items loosely (`"items": []`), so take any JSON.
    #[serde(default)]
    errors: Option<Vec<Value>>,
}

/// `[filters][offer_type]` → `filters[offer_type]` (the query parameter's name);
/// `accounts[0][login]` or `[accounts][0][login]` → `accounts[0].login` (the body path a form
/// uses); `price` stays `price`.
pub(crate) fn normalize_property(p: &str) -> String {
    let p = p.trim();
    let (head, mut rest) = match p.find('[') {
        Some(i) => (&p[..i], &p[i..]),
        None => (p, ""),
    };
    let mut segments: Vec<&str> = Vec::new();
    if !head.is_empty() {
        segments.push(head);
    }
    while let Some(inner) = rest.strip_prefix('[') {
        let close = inner.find(']').unwrap_or(inner.len());
        segments.push(&inner[..close]);
        rest = inner.get(close + 1..).unwrap_or("");
    }
    let Some((first, others)) = segments.split_first() else {
        return p.to_owned();
    };
    let query_group = matches!(*first, "filters" | "pagination" | "sort");
    let mut out = first.to_string();
    for s in others {
        if query_group || s.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{s}]"));
        } else {
            out.push('.');
            out.push_str(s);
        }
    }
    out
}

fn field_errors(errors: &[Value]) -> Vec<FieldError> {
    errors
        .iter()
        .filter_map(|e| {
            let property = e.get("property").and_then(Value::as_str).unwrap_or("");
            let message = e
                .get("message")
                .and_then(Value::as_str)
                .map(str::to_owned)
                .or_else(|| e.as_str().map(str::to_owned))?;
            Some(FieldError::new(normalize_property(property), message))
        })
        .collect()
}

pub(crate) fn decode(market: Market, answer: &ErrorAnswer) -> Error {
    let parsed: Option<Body> = serde_json::from_slice(answer.body).ok();
    let body = parsed.as_ref();
    let message = body.and_then(|b| b.message.clone()).unwrap_or_default();
    let fields = body.and_then(|b| b.errors.as_deref()).map(field_errors).unwrap_or_default();
    let status = answer.status;
    match status {
        400 | 422 => Error::Validation {
            market: Some(market),
            origin: Origin::Remote,
            message: or_status(message, status),
            fields,
        },
        401 => Error::KeyRejected { market, status, message: or_status(message, status) },
        // README: a missing or invalid key is a 403; docs site: "Forbidden" for no permission.
        // A key that has worked in this session and now gets 403 is not allowed this action.
        403 if answer.key_has_worked => Error::Forbidden { market, message: or_status(message, status) },
        403 => Error::KeyRejected { market, status, message: or_status(message, status) },
        404 => Error::NotFound {
            market,
            what: if answer.what.is_empty() { "the requested object".into() } else { answer.what.to_owned() },
            message,
        },
        409 => Error::BusinessRule { market, message: or_status(message, status), fields },
        429 => Error::RateLimited { market, retry_after: None },
        s if s >= 500 => Error::Unavailable { market, status, message },
        _ => Error::UnexpectedResponse {
            market,
            status,
            json_path: "message".into(),
            detail: format!("unexpected HTTP {status}"),
            body_excerpt: excerpt(answer.body),
        },
    }
}

fn or_status(message: String, status: u16) -> String {
    if message.is_empty() {
        format!("HTTP {status}")
    } else {
        message
    }
}

#[cfg(test)]
mod tests {
    use super::normalize_property as n;

    #[test]
    fn property_names_become_form_names() {
        assert_eq!(n("price"), "price");
        assert_eq!(n("[filters][offer_type]"), "filters[offer_type]");
        assert_eq!(n("accounts[0][login]"), "accounts[0].login");
        assert_eq!(n("[accounts][1][password]"), "accounts[1].password");
        assert_eq!(n("offers_ids"), "offers_ids");
    }
}
