//! The one error every command returns: a stable code (a [`markets::ErrorCode`], the list the
//! desktop app shows too), one line of message, per-field messages, and the exit code of its
//! class ([`exit_code_of`]). Scripts switch on the exit code or on `error.code` in `--json` output.

use markets::{ErrorCode, FieldError, Origin};
use profiles::KeychainError;
use serde::Serialize;

/// Exit codes, one per class of error (documented in the README; never reuse a number).
pub mod exit {
    /// Bad answer from the marketplace, bad client setup, unreadable local file.
    pub const OTHER: u8 = 1;
    /// Wrong arguments, or a destructive command without `--yes` when not interactive.
    pub const USAGE: u8 = 2;
    /// Invalid input caught before anything was sent.
    pub const INVALID_INPUT: u8 = 3;
    /// The marketplace refused the request (validation or business rule).
    pub const REFUSED: u8 = 4;
    /// The API key was rejected, or may not do this.
    pub const KEY: u8 = 5;
    /// The object does not exist (or belongs to another seller).
    pub const NOT_FOUND: u8 = 6;
    /// Rate limited, marketplace down, or no connection: try again later.
    pub const TRY_LATER: u8 = 7;
    /// A change was sent but no answer came back: check before repeating.
    pub const OUTCOME_UNKNOWN: u8 = 8;
    /// Profiles file or keychain problem.
    pub const PROFILE: u8 = 9;
    /// A bulk job ended with steps failed, or not settled (cancelled, or a read-back pending).
    pub const JOB_INCOMPLETE: u8 = 10;
}

#[derive(Debug, Clone, Serialize)]
pub struct CliError {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldError>,
    /// Offer ids a batch did not get to, so a script can retry exactly those.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_done: Vec<String>,
    /// Already reported in the command's own output (a `--json` job result): only the exit code is left.
    #[serde(skip)]
    pub reported: bool,
}

impl CliError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        CliError { code, message: message.into(), fields: Vec::new(), not_done: Vec::new(), reported: false }
    }

    /// The exit code of the error's class ([`exit_code_of`] its code).
    pub fn exit_code(&self) -> u8 {
        exit_code_of(self.code)
    }

    pub fn usage(message: impl Into<String>) -> Self {
        CliError::new(ErrorCode::Usage, message)
    }

    /// Local invalid input about one field: nothing was sent.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        markets::Error::invalid_field(field, message).into()
    }

    pub fn config(message: impl Into<String>) -> Self {
        CliError::new(ErrorCode::Config, message)
    }

    pub fn with_not_done(mut self, ids: Vec<String>) -> Self {
        self.not_done = ids;
        self
    }
}

/// The exit code of each error code: one class per number (the README's table). Exhaustive, so
/// a new code cannot ship without its exit code.
pub fn exit_code_of(code: ErrorCode) -> u8 {
    use ErrorCode as C;
    match code {
        C::UnexpectedResponse | C::Config | C::File | C::Journal | C::JournalKeyLost | C::Internal => exit::OTHER,
        // App-only codes: a file not picked in a dialog, the demo sandbox.
        C::FileNotPicked | C::Sandbox => exit::OTHER,
        C::Usage | C::ConfirmationRequired | C::Cancelled | C::NotConfirmed => exit::USAGE,
        C::InvalidInput => exit::INVALID_INPUT,
        C::Validation | C::BusinessRule | C::Duplicate => exit::REFUSED,
        C::KeyRejected | C::Forbidden => exit::KEY,
        C::NotFound => exit::NOT_FOUND,
        C::RateLimited | C::Unavailable | C::Network | C::JobBusy => exit::TRY_LATER,
        C::OutcomeUnknown => exit::OUTCOME_UNKNOWN,
        C::NoProfile
        | C::ProfileNotFound
        | C::ProfileInvalid
        | C::NoKey
        | C::KeychainUnavailable
        | C::BaseUrlUnconfirmed => exit::PROFILE,
        C::JobIncomplete => exit::JOB_INCOMPLETE,
        // The answer a dry run asked for (main prints it and exits 0).
        C::DryRun => 0,
    }
}

impl From<markets::Error> for CliError {
    fn from(e: markets::Error) -> Self {
        let code = e.code();
        // The Display of a validation error inlines the field messages; here they get their own
        // lines, so the headline is built without them.
        let message = match &e {
            markets::Error::Validation { origin: Origin::Local, message, .. } if message.is_empty() => {
                "invalid input, nothing was sent".to_owned()
            }
            markets::Error::Validation { origin: Origin::Local, message, .. } => {
                format!("{message} (nothing was sent)")
            }
            markets::Error::Validation { origin: Origin::Remote, market, message, .. } => {
                let who = market.map(|m| m.display_name()).unwrap_or("the marketplace");
                format!("{who} rejected the request: {message}")
            }
            other => other.to_string(),
        };
        CliError { code, message, fields: e.fields().to_vec(), not_done: Vec::new(), reported: false }
    }
}

impl From<KeychainError> for CliError {
    fn from(e: KeychainError) -> Self {
        let mut err = CliError::new(e.code(), e.to_string());
        if let KeychainError::Rejected { .. } = e {
            err.fields.push(FieldError::new("api_key", e.to_string()));
        }
        err
    }
}

impl From<profiles::Error> for CliError {
    fn from(e: profiles::Error) -> Self {
        use profiles::Error as P;
        // Input mistakes about a profile are invalid input like any other, named by field.
        let field = match &e {
            P::EmptyName | P::NameTooLong { .. } | P::NameHasControlCharacter | P::DuplicateName { .. } => Some("name"),
            P::InvalidBaseUrl { .. } => Some("base_url"),
            P::EmptyApiKey => Some("api_key"),
            _ => None,
        };
        if let Some(field) = field {
            return CliError::invalid(field, e.to_string());
        }
        match e {
            P::Keychain(k) => k.into(),
            other => CliError::new(other.code(), other.to_string()),
        }
    }
}

impl From<jobs::Error> for CliError {
    fn from(e: jobs::Error) -> Self {
        match e {
            jobs::Error::Market(m) => m.into(),
            other => CliError::new(other.code(), other.to_string()),
        }
    }
}

impl From<desk::Error> for CliError {
    fn from(e: desk::Error) -> Self {
        CliError { code: e.code, message: e.message, fields: e.fields, not_done: Vec::new(), reported: false }
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::new(ErrorCode::File, e.to_string())
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;

#[cfg(test)]
mod tests {
    use super::*;
    use markets::{Error, FieldError, Market};

    #[test]
    fn local_validation_keeps_fields_out_of_the_headline() {
        let e: CliError =
            Error::invalid(vec![FieldError::new("price", "bad"), FieldError::new("qty_min", "too big")]).into();
        assert_eq!((e.code, e.exit_code()), (ErrorCode::InvalidInput, exit::INVALID_INPUT));
        assert_eq!(e.message, "invalid input, nothing was sent");
        assert_eq!(e.fields.len(), 2);
    }

    #[test]
    fn each_class_has_its_exit_code() {
        let m = Market::GgChest;
        let cases: Vec<(Error, u8)> = vec![
            (Error::KeyRejected { market: m, status: 401, message: String::new() }, exit::KEY),
            (Error::Forbidden { market: m, message: String::new() }, exit::KEY),
            (Error::NotFound { market: m, what: "x".into(), message: String::new() }, exit::NOT_FOUND),
            (Error::BusinessRule { market: m, message: String::new(), fields: vec![] }, exit::REFUSED),
            (Error::RateLimited { market: m, retry_after: None }, exit::TRY_LATER),
            (Error::Network { market: m, url: String::new(), detail: String::new() }, exit::TRY_LATER),
            (
                Error::OutcomeUnknown { market: m, operation: String::new(), detail: String::new() },
                exit::OUTCOME_UNKNOWN,
            ),
            (Error::Config(String::new()), exit::OTHER),
        ];
        for (e, code) in cases {
            let name = e.code();
            assert_eq!(CliError::from(e).exit_code(), code, "{name}");
        }
    }

    #[test]
    fn try_later_is_exactly_the_transient_codes() {
        for &code in ErrorCode::ALL {
            assert_eq!(exit_code_of(code) == exit::TRY_LATER, code.is_transient(), "{code}");
        }
    }

    #[test]
    fn keychain_errors_have_the_apps_codes() {
        let e: CliError = KeychainError::NoEntry { profile: "shop".into() }.into();
        assert_eq!((e.code, e.exit_code()), (ErrorCode::NoKey, exit::PROFILE));
        let e: CliError = KeychainError::NotUnlocked.into();
        assert_eq!((e.code, e.exit_code()), (ErrorCode::KeychainUnavailable, exit::PROFILE));
        let e: CliError = KeychainError::Rejected { detail: "too long".into() }.into();
        assert_eq!(
            (e.code, e.exit_code(), e.fields[0].field.as_str()),
            (ErrorCode::InvalidInput, exit::INVALID_INPUT, "api_key")
        );
    }

    #[test]
    fn profile_input_mistakes_are_invalid_input_by_field() {
        let e: CliError = profiles::Error::EmptyName.into();
        assert_eq!((e.code, e.fields[0].field.as_str()), (ErrorCode::InvalidInput, "name"));
        let e: CliError = profiles::Error::NotFound { reference: "named \"x\"".into() }.into();
        assert_eq!((e.code, e.exit_code()), (ErrorCode::ProfileNotFound, exit::PROFILE));
    }
}
