//! The words of [`Error`]: each message is one of a fixed set of English templates with
//! `{placeholders}`, filled with the error's values. `Display` fills it in English; the desktop
//! app gets the template and the values apart (its `CommandError`) and shows the template in the
//! UI's language: every template here has an entry in the UI's Russian catalog, which its catalog
//! test checks against the generated list (`ui/src/lib/bindings/errorTemplates.ts`).

use std::fmt;

use crate::error::{Error, FieldError, Origin};

const KEY_REJECTED: &str =
    "{market} rejected the API key ({message}). Check the key in the profile, or ask {market} support for a new one.";
const FORBIDDEN: &str = "{market} refused this action ({message}): the key works but is not allowed to do this.";
const NOT_FOUND: &str = "{market}: {what} was not found. It may have been deleted, or it belongs to another seller.";
const INVALID_NOTHING_SENT: &str = "invalid input, nothing was sent{fields}";
const INVALID_MESSAGE_NOTHING_SENT: &str = "{message} (nothing was sent){fields}";
const REJECTED_BY_MARKETPLACE: &str = "the marketplace rejected the request: {message}{fields}";
const BUSINESS_RULE: &str = "{market} refused it: {message}";
const RATE_LIMITED: &str = "{market} rate limit reached; wait and try again (Seller Desk paces requests to the documented limit, so another program may be using the same key).";
const RATE_LIMITED_RETRY_AFTER: &str = "{market} rate limit reached (retry after {seconds} s); wait and try again (Seller Desk paces requests to the documented limit, so another program may be using the same key).";
const UNAVAILABLE: &str = "{market} is unavailable (HTTP {status}). Try again later.";
const UNAVAILABLE_MESSAGE: &str = "{market} is unavailable (HTTP {status}): {message}. Try again later.";
const DRY_RUN: &str = "dry run: the input is valid and {market} would now be sent `{operation}`; nothing was sent";
const OUTCOME_UNKNOWN: &str = "{market}: no clear answer came after `{operation}` was sent ({detail}), so it may or may not have been applied. It was not repeated, to avoid doing it twice: check your {market} listings before trying again.";
const NETWORK: &str =
    "cannot reach {market} at {url}: {detail}. Check the internet connection and the profile's base URL.";
const UNEXPECTED_RESPONSE: &str = "{market} answered HTTP {status} with a body Seller Desk could not read (at `{json_path}`: {detail}). The API may have changed; please report this.";
const AS_IS: &str = "{message}";

/// Every template an [`Error`] message is made from.
pub const MESSAGE_TEMPLATES: &[&str] = &[
    KEY_REJECTED,
    FORBIDDEN,
    NOT_FOUND,
    INVALID_NOTHING_SENT,
    INVALID_MESSAGE_NOTHING_SENT,
    REJECTED_BY_MARKETPLACE,
    BUSINESS_RULE,
    RATE_LIMITED,
    RATE_LIMITED_RETRY_AFTER,
    UNAVAILABLE,
    UNAVAILABLE_MESSAGE,
    OUTCOME_UNKNOWN,
    DRY_RUN,
    NETWORK,
    UNEXPECTED_RESPONSE,
    AS_IS,
];

/// A template and the values of its placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageText {
    pub template: &'static str,
    pub params: Vec<(&'static str, String)>,
}

impl MessageText {
    pub fn new(template: &'static str, params: Vec<(&'static str, String)>) -> Self {
        MessageText { template, params }
    }

    /// The template with each `{name}` replaced by its value, in one pass (a value's own braces
    /// stay as they are). A placeholder without a value stays too.
    pub fn fill(&self) -> String {
        fill(self.template, &self.params)
    }
}

/// `template` with `{name}` replaced by the value of `name`, in one pass.
pub fn fill(template: &str, params: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').filter(|&c| after[..c].chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_'));
        match close.and_then(|c| params.iter().find(|(k, _)| *k == &after[..c]).map(|(_, v)| (c, v))) {
            Some((c, value)) => {
                out.push_str(value);
                rest = &after[c + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// "; price: must be …; qty_total: …": the per-field messages after a validation message.
fn field_list(fields: &[FieldError]) -> String {
    fields.iter().map(|f| format!("; {}: {}", f.field, f.message)).collect()
}

impl Error {
    /// The message as a template and its values ([`MESSAGE_TEMPLATES`]).
    pub fn message_text(&self) -> MessageText {
        use MessageText as T;
        match self {
            Error::KeyRejected { market, message, .. } => {
                T::new(KEY_REJECTED, vec![("market", market.to_string()), ("message", message.clone())])
            }
            Error::Forbidden { market, message } => {
                T::new(FORBIDDEN, vec![("market", market.to_string()), ("message", message.clone())])
            }
            Error::NotFound { market, what, .. } => {
                T::new(NOT_FOUND, vec![("market", market.to_string()), ("what", what.clone())])
            }
            Error::Validation { origin, message, fields, .. } => {
                let fields = ("fields", field_list(fields));
                match origin {
                    Origin::Local if message.is_empty() => T::new(INVALID_NOTHING_SENT, vec![fields]),
                    Origin::Local => T::new(INVALID_MESSAGE_NOTHING_SENT, vec![("message", message.clone()), fields]),
                    Origin::Remote => T::new(REJECTED_BY_MARKETPLACE, vec![("message", message.clone()), fields]),
                }
            }
            Error::BusinessRule { market, message, .. } => {
                T::new(BUSINESS_RULE, vec![("market", market.to_string()), ("message", message.clone())])
            }
            Error::RateLimited { market, retry_after } => match retry_after {
                Some(d) => T::new(
                    RATE_LIMITED_RETRY_AFTER,
                    vec![("market", market.to_string()), ("seconds", (d.as_secs_f64().ceil() as u64).to_string())],
                ),
                None => T::new(RATE_LIMITED, vec![("market", market.to_string())]),
            },
            Error::Unavailable { market, status, message } => {
                let mut params = vec![("market", market.to_string()), ("status", status.to_string())];
                if message.is_empty() {
                    T::new(UNAVAILABLE, params)
                } else {
                    params.push(("message", message.clone()));
                    T::new(UNAVAILABLE_MESSAGE, params)
                }
            }
            Error::OutcomeUnknown { market, operation, detail } => T::new(
                OUTCOME_UNKNOWN,
                vec![("market", market.to_string()), ("operation", operation.clone()), ("detail", detail.clone())],
            ),
            Error::Network { market, url, detail } => {
                T::new(NETWORK, vec![("market", market.to_string()), ("url", url.clone()), ("detail", detail.clone())])
            }
            Error::UnexpectedResponse { market, status, json_path, detail, .. } => T::new(
                UNEXPECTED_RESPONSE,
                vec![
                    ("market", market.to_string()),
                    ("status", status.to_string()),
                    ("json_path", json_path.clone()),
                    ("detail", detail.clone()),
                ],
            ),
            Error::Config(message) => T::new(AS_IS, vec![("message", message.clone())]),
            Error::DryRun { market, operation } => {
                T::new(DRY_RUN, vec![("market", market.to_string()), ("operation", operation.clone())])
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_text().fill())
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::tests::every_kind;
    use crate::Market;
    use std::time::Duration;

    #[test]
    fn every_message_is_a_listed_template_with_every_placeholder_filled() {
        let mut used = std::collections::HashSet::new();
        for e in every_kind() {
            let text = e.message_text();
            assert!(MESSAGE_TEMPLATES.contains(&text.template), "{} is not in MESSAGE_TEMPLATES", text.template);
            used.insert(text.template);
            let message = e.to_string();
            for (name, _) in &text.params {
                assert!(!message.contains(&format!("{{{name}}}")), "{{{name}}} left in {message}");
            }
            let placeholders = text.template.matches('{').count();
            assert_eq!(placeholders, text.template.matches('}').count(), "{}", text.template);
        }
        assert_eq!(used.len(), MESSAGE_TEMPLATES.len(), "every template is used by some error");
    }

    #[test]
    fn the_messages_read_as_before() {
        let m = Market::GgChest;
        assert_eq!(
            Error::RateLimited { market: m, retry_after: Some(Duration::from_millis(1500)) }.to_string(),
            "GGChest rate limit reached (retry after 2 s); wait and try again (Seller Desk paces requests to the \
             documented limit, so another program may be using the same key)."
        );
        assert_eq!(
            Error::Unavailable { market: m, status: 502, message: "bad gateway".into() }.to_string(),
            "GGChest is unavailable (HTTP 502): bad gateway. Try again later."
        );
        assert_eq!(
            Error::invalid(vec![FieldError::new("price", "must be positive"), FieldError::new("qty", "too big")])
                .to_string(),
            "invalid input, nothing was sent; price: must be positive; qty: too big"
        );
    }

    #[test]
    fn values_are_put_in_once_and_never_read_as_placeholders() {
        let params = vec![("a", "{b}".to_owned()), ("b", "B".to_owned())];
        assert_eq!(fill("{a} and {b}, {c} and {", &params), "{b} and B, {c} and {");
        assert_eq!(fill("no braces", &[]), "no braces");
        assert_eq!(fill("{not a name} {a}", &params), "{not a name} {b}");
    }
}
