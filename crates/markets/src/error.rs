//! One error type for both marketplaces. Every variant is something a seller can act on, and
//! each has a stable [`Error::code`] (an [`ErrorCode`]) that the CLI and the desktop app switch on.

use crate::{ErrorCode, Market};
use serde::Serialize;
use std::time::Duration;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// One field's problem, named the way the API names it (`price`, `accounts[2].login`,
/// `[filters][offer_type]`) so a form can put the message next to the right input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError { field: field.into(), message: message.into() }
    }
}

/// Whether a request reached the marketplace: a local validation error means nothing was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Caught on this machine before anything was sent.
    Local,
    /// Answered by the marketplace.
    Remote,
}

/// What went wrong. Its message (`Display`) is an English template filled with the variant's
/// values ([`Error::message_template`]): the desktop app shows the same template translated.
#[derive(Debug)]
pub enum Error {
    /// The marketplace refused the API key (missing, wrong, revoked).
    KeyRejected { market: Market, status: u16, message: String },

    /// The key works, but not for this action or object.
    Forbidden { market: Market, message: String },

    /// The object does not exist or belongs to another seller.
    NotFound { market: Market, what: String, message: String },

    /// The request was invalid: per-field messages say what to fix.
    Validation { market: Option<Market>, origin: Origin, message: String, fields: Vec<FieldError> },

    /// The marketplace understood the request but its rules forbid it (e.g. a duplicate code).
    BusinessRule { market: Market, message: String, fields: Vec<FieldError> },

    /// Still rate limited after the allowed retries.
    RateLimited { market: Market, retry_after: Option<Duration> },

    /// The marketplace is down or failing (5xx) after the retries that were safe to make.
    Unavailable { market: Market, status: u16, message: String },

    /// A change was sent but no answer came back: it may or may not have been applied, so it
    /// was NOT repeated. Check the marketplace's state before trying again.
    OutcomeUnknown { market: Market, operation: String, detail: String },

    /// The marketplace could not be reached (nothing was applied).
    Network { market: Market, url: String, detail: String },

    /// The answer did not have the documented shape.
    UnexpectedResponse { market: Market, status: u16, json_path: String, detail: String, body_excerpt: String },

    /// The client could not be set up (bad base URL, TLS backend).
    Config(String),

    /// A dry run reached its first change request: everything was checked and read, and this
    /// change (`POST /v1/offers`) would be sent now. Nothing was sent.
    DryRun { market: Market, operation: String },
}

impl Error {
    /// A stable identifier for the UI and scripts; never changes meaning once shipped.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::KeyRejected { .. } => ErrorCode::KeyRejected,
            Error::Forbidden { .. } => ErrorCode::Forbidden,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Validation { origin: Origin::Local, .. } => ErrorCode::InvalidInput,
            Error::Validation { origin: Origin::Remote, .. } => ErrorCode::Validation,
            Error::BusinessRule { .. } => ErrorCode::BusinessRule,
            Error::RateLimited { .. } => ErrorCode::RateLimited,
            Error::Unavailable { .. } => ErrorCode::Unavailable,
            Error::OutcomeUnknown { .. } => ErrorCode::OutcomeUnknown,
            Error::Network { .. } => ErrorCode::Network,
            Error::UnexpectedResponse { .. } => ErrorCode::UnexpectedResponse,
            Error::Config(_) => ErrorCode::Config,
            Error::DryRun { .. } => ErrorCode::DryRun,
        }
    }

    /// Per-field messages, for putting next to form inputs.
    pub fn fields(&self) -> &[FieldError] {
        match self {
            Error::Validation { fields, .. } | Error::BusinessRule { fields, .. } => fields,
            _ => &[],
        }
    }

    /// A local validation error: nothing was sent.
    pub fn invalid(fields: Vec<FieldError>) -> Self {
        Error::Validation { market: None, origin: Origin::Local, message: String::new(), fields }
    }

    /// A local validation error about one field.
    pub fn invalid_field(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::invalid(vec![FieldError::new(field, message)])
    }

    /// Whether repeating the same request later might succeed (the job engine's retry list).
    /// ([`ErrorCode::is_transient`]: rate limited, unavailable, no connection).
    pub fn is_transient(&self) -> bool {
        self.code().is_transient()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn local_validation_message_names_each_field_and_says_nothing_was_sent() {
        let e = Error::invalid(vec![
            FieldError::new("price", "must match ^[0-9]{1,16}(\\.[0-9]{1,2})?$"),
            FieldError::new("qty_total", "must equal the number of accounts (2)"),
        ]);
        let text = e.to_string();
        assert!(text.contains("nothing was sent"), "{text}");
        assert!(text.contains("price: must match"), "{text}");
        assert!(text.contains("qty_total: must equal"), "{text}");
        assert_eq!(e.code(), ErrorCode::InvalidInput);
        assert_eq!(e.fields().len(), 2);
    }

    /// One error of each kind, and of each form a message takes (`error_text`'s tests use it too).
    pub(crate) fn every_kind() -> Vec<Error> {
        let m = Market::GgChest;
        let s = |t: &str| t.to_owned();
        vec![
            Error::KeyRejected { market: m, status: 401, message: s("Invalid API key") },
            Error::Forbidden { market: m, message: s("not yours") },
            Error::NotFound { market: m, what: s("offer 42"), message: s("") },
            Error::invalid(vec![FieldError::new("price", "must be positive")]),
            Error::Validation { market: None, origin: Origin::Local, message: s("3 rows"), fields: vec![] },
            Error::Validation { market: Some(m), origin: Origin::Remote, message: s("bad"), fields: vec![] },
            Error::BusinessRule { market: m, message: s("duplicate code"), fields: vec![] },
            Error::RateLimited { market: m, retry_after: None },
            Error::RateLimited { market: m, retry_after: Some(Duration::from_millis(1500)) },
            Error::Unavailable { market: m, status: 503, message: s("") },
            Error::Unavailable { market: m, status: 502, message: s("bad gateway") },
            Error::OutcomeUnknown { market: m, operation: s("POST /v1/offers"), detail: s("timed out") },
            Error::Network { market: m, url: s("https://x"), detail: s("refused") },
            Error::UnexpectedResponse {
                market: m,
                status: 200,
                json_path: s("data[0].id"),
                detail: s("expected a string"),
                body_excerpt: s("{}"),
            },
            Error::Config(s("bad base URL")),
            Error::DryRun { market: m, operation: s("POST /v1/offers") },
        ]
    }

    #[test]
    fn codes_are_distinct() {
        // Thirteen kinds: each variant, and validation's two origins; no two share a code.
        let mut codes: Vec<_> = every_kind().iter().map(Error::code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 13, "{codes:?}");
    }
}
