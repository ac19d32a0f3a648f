//! Gaming Goods error answers: `{"error": {"code": "...", "message": "..."}}` with
//! 400 VALIDATION_ERROR, 401 UNAUTHORIZED, 404 NOT_FOUND, 422 BUSINESS_RULE_VIOLATION,
//! 429 (rate limit) and 503 SERVICE_UNAVAILABLE.

use crate::{
    error::{FieldError, Origin},
    http::{excerpt, ErrorAnswer},
    Error, Market,
};
use serde::Deserialize;

#[derive(Deserialize, Default)]
struct Envelope {
    #[serde(default)]
    error: Option<Body>,
    /// Not documented; some gateways answer `{"message": ...}`.
    #[serde(default)]
    message: Option<String>,
}

#[derive(Deserialize, Default)]
struct Body {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    message: Option<String>,
}

/// Request fields a message may start with ("price must be positive"): the field it is about.
const FIELDS: &[&str] = &[
    "name",
    "description",
    "category",
    "brand",
    "price",
    "currency",
    "delivery_type",
    "image_url",
    "codes",
    "code",
    "product_id",
    "price_cents",
    "old_price_cents",
    "new_price_cents",
    "limit",
    "offset",
    "page",
    "page_size",
    "is_active",
];

fn field_of(message: &str) -> Option<FieldError> {
    let first = message.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).next()?;
    FIELDS.contains(&first).then(|| FieldError::new(first, message))
}

pub(crate) fn decode(market: Market, answer: &ErrorAnswer) -> Error {
    let parsed: Option<Envelope> = serde_json::from_slice(answer.body).ok();
    let (code, message) = match &parsed {
        Some(Envelope { error: Some(b), .. }) => {
            (b.code.clone().unwrap_or_default(), b.message.clone().unwrap_or_default())
        }
        Some(Envelope { message: Some(m), .. }) => (String::new(), m.clone()),
        _ => (String::new(), String::new()),
    };
    let fields: Vec<FieldError> = field_of(&message).into_iter().collect();
    // The documented code decides when present; the status otherwise.
    let kind = match code.as_str() {
        "VALIDATION_ERROR" => 400,
        "UNAUTHORIZED" => 401,
        "NOT_FOUND" => 404,
        "BUSINESS_RULE_VIOLATION" => 422,
        "SERVICE_UNAVAILABLE" => 503,
        _ => answer.status,
    };
    match kind {
        400 => Error::Validation { market: Some(market), origin: Origin::Remote, message, fields },
        401 => Error::KeyRejected { market, status: answer.status, message: or_status(message, answer.status) },
        403 if answer.key_has_worked => Error::Forbidden { market, message: or_status(message, 403) },
        403 => Error::KeyRejected { market, status: 403, message: or_status(message, 403) },
        404 => Error::NotFound { market, what: what(answer), message },
        409 | 422 => Error::BusinessRule { market, message, fields },
        429 => Error::RateLimited { market, retry_after: None },
        s if s >= 500 => Error::Unavailable { market, status: answer.status, message },
        _ if parsed.is_none() || message.is_empty() => Error::UnexpectedResponse {
            market,
            status: answer.status,
            json_path: "error".into(),
            detail: "not the documented {\"error\":{\"code\",\"message\"}} body".into(),
            body_excerpt: excerpt(answer.body),
        },
        _ => Error::BusinessRule { market, message, fields },
    }
}

fn or_status(message: String, status: u16) -> String {
    if message.is_empty() {
        format!("HTTP {status}")
    } else {
        message
    }
}

fn what(answer: &ErrorAnswer) -> String {
    if answer.what.is_empty() {
        "the requested object".into()
    } else {
        answer.what.to_owned()
    }
}
