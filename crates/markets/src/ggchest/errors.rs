//! GGChest error answers: `{"message": ..., "errors": [{"property", "message"}]}` for 400 and
//! 422, `{"message"}` for 401/403/404. Messages differ between sources ("Not found." vs "Page
//! not found"), so only the status and `errors[].property` are relied on, never the text.

use crate::{
    error::{FieldError, Origin},
    http::{excerpt, ErrorAnswer},
    Error, Market,
};
use serde_json::Value;

/// The error body, read field by field so that one odd field does not lose the others: API-NOTES
/// "parse whatever is there". `errors` is a list in every source (the spec types the 422's
/// items loosely, `"items": []`); a `{"property": ["message", ...]}` map is read too.
struct Body {
    message: Option<String>,
    errors: Vec<FieldError>,
}

impl Body {
    fn parse(bytes: &[u8]) -> Option<Body> {
        let v: Value = serde_json::from_slice(bytes).ok()?;
        let obj = v.as_object()?;
        let message = obj.get("message").and_then(Value::as_str).map(str::to_owned);
        let errors = match obj.get("errors") {
            Some(Value::Array(list)) => field_errors(list),
            Some(Value::Object(map)) => map
                .iter()
                .flat_map(|(property, m)| {
                    let messages: Vec<String> = match m {
                        Value::String(s) => vec![s.clone()],
                        Value::Array(a) => a.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
                        _ => Vec::new(),
                    };
                    messages.into_iter().map(move |msg| FieldError::new(normalize_property(property), msg))
                })
                .collect(),
            _ => Vec::new(),
        };
        Some(Body { message, errors })
    }
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
    let (message, fields) = match Body::parse(answer.body) {
        Some(b) => (b.message.unwrap_or_default(), b.errors),
        None => (String::new(), Vec::new()),
    };
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

    #[test]
    fn an_errors_map_and_an_odd_message_do_not_lose_the_rest() {
        use crate::{http::ErrorAnswer, Error, Market};
        let decode = |status, body: &str| {
            super::decode(
                Market::GgChest,
                &ErrorAnswer { status, body: body.as_bytes(), key_has_worked: true, what: "offer o-1" },
            )
        };
        let e =
            decode(422, r#"{"message":"Invalid input data","errors":{"price":["must match"],"[qty_min]":"too big"}}"#);
        let Error::Validation { message, fields, .. } = &e else { panic!("{e:?}") };
        assert_eq!(message, "Invalid input data");
        let mut got: Vec<(&str, &str)> = fields.iter().map(|f| (f.field.as_str(), f.message.as_str())).collect();
        got.sort();
        assert_eq!(got, [("price", "must match"), ("qty_min", "too big")]);
        // A message that is not a string keeps the errors list.
        let e = decode(400, r#"{"message":{"text":"x"},"errors":[{"property":"price","message":"bad"}]}"#);
        assert_eq!(e.fields().len(), 1, "{e:?}");
    }
}
