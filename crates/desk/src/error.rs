//! [`Error`]: the one error of the application layer, `{code, message, fields}`, which both faces
//! show (the app's IPC rejection value, `CommandError` in TypeScript; the CLI's error line and
//! `--json` error object).
//!
//! `code` is stable and the UI switches on it; `message` says what happened and what to do;
//! `fields` puts messages next to form inputs. Every failure of every use case becomes one, from
//! the crates' own errors, so the words the CLI prints and the app shows are the same.

use markets::{ErrorCode, FieldError};
use profiles::KeychainError;
use serde::Serialize;

/// A failed use case, as the UI receives it (the rejection value of `invoke`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "CommandError"))]
pub struct Error {
    /// What failed, from the one list both faces show (`markets::ErrorCode`: `key_rejected`,
    /// `validation`, `outcome_unknown`, `no_key`, `profile_not_found`, `file`, `job_busy`, …).
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldError>,
    /// For a marketplace error: the English template `message` was filled from and its values,
    /// so the UI can show it in its own language (bindings/errorTemplates.ts lists them all).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub text: Option<MessageText>,
}

/// A message as a template and the values of its `{placeholders}` (`markets::MessageText`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MessageText {
    pub template: String,
    pub params: std::collections::BTreeMap<String, String>,
}

impl From<markets::MessageText> for MessageText {
    fn from(t: markets::MessageText) -> Self {
        MessageText {
            template: t.template.to_owned(),
            params: t.params.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error { code, message: message.into(), fields: Vec::new(), text: None }
    }

    /// A problem with one input, caught before anything was sent.
    pub fn invalid_field(field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Error {
            code: ErrorCode::InvalidInput,
            message: format!("{field}: {message}"),
            fields: vec![FieldError::new(field, message)],
            text: None,
        }
    }

    /// A long operation stopped by `cancel_operation`; `what` says what was done by then.
    pub fn cancelled(what: impl Into<String>) -> Self {
        Error::new(ErrorCode::Cancelled, what)
    }

    /// A file that could not be read or used; the message names the file.
    pub fn file(message: impl Into<String>) -> Self {
        Error::new(ErrorCode::File, message)
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl From<markets::Error> for Error {
    fn from(err: markets::Error) -> Self {
        Error {
            code: err.code(),
            message: err.to_string(),
            fields: err.fields().to_vec(),
            text: Some(err.message_text().into()),
        }
    }
}

// The crate's messages for a missing or unreadable entry suggest the CLI's command; in the app
// the fix is the profile's "Replace key".
const NO_KEY: &str =
    "no API key is stored for profile {profile}: open the profile's settings and use \"Replace key\" to store it again";
const KEY_UNUSABLE: &str = "the keychain entry of profile {profile} cannot be used ({problem}); open the profile's \
     settings and use \"Replace key\" to store it again";

/// A profile's key refused to a host that is not its marketplace's, the running sandbox, or
/// confirmed (`clients::check_destination`).
pub const BASE_URL_UNCONFIRMED: &str = "the key of profile \"{profile}\" was not sent to {host}: that host is not \
     {market}'s and you have not confirmed it; open the profile's settings and save its base URL again to confirm it";
/// The user did not confirm a new base URL's host (`set_profile_base_url`).
pub const NOT_CONFIRMED: &str =
    "the base URL of \"{profile}\" was not changed: sending its key to {host} was not confirmed";
/// A file handle the user did not give (`picked_files`).
pub const FILE_NOT_PICKED_READ: &str =
    "that file was not chosen in the open dialog or dropped on the window: choose it again";
pub const FILE_NOT_PICKED_WRITE: &str = "no place to save was chosen in the save dialog: choose it again";

/// The templates of the shell's own messages that carry one (see [`Error::text`]).
pub const SHELL_TEMPLATES: &[&str] =
    &[NO_KEY, KEY_UNUSABLE, BASE_URL_UNCONFIRMED, NOT_CONFIRMED, FILE_NOT_PICKED_READ, FILE_NOT_PICKED_WRITE];

impl Error {
    /// An error of the layer's own with a message template (one of [`SHELL_TEMPLATES`]) and its
    /// values, so that the UI can say it in its language.
    pub fn templated(code: ErrorCode, template: &'static str, params: Vec<(&'static str, String)>) -> Self {
        Error::from_text(code, markets::MessageText::new(template, params))
    }

    /// An error whose message is `text` filled (and `text` kept, for the UI's language).
    fn from_text(code: ErrorCode, text: markets::MessageText) -> Self {
        Error { code, message: text.fill(), fields: Vec::new(), text: Some(text.into()) }
    }
}

impl From<KeychainError> for Error {
    fn from(err: KeychainError) -> Self {
        use markets::MessageText as T;
        match &err {
            KeychainError::NoEntry { profile } => {
                Error::from_text(err.code(), T::new(NO_KEY, vec![("profile", profile.clone())]))
            }
            KeychainError::NotText { profile } | KeychainError::Ambiguous { profile, .. } => Error::from_text(
                err.code(),
                T::new(KEY_UNUSABLE, vec![("profile", profile.clone()), ("problem", err.to_string())]),
            ),
            KeychainError::Rejected { .. } => Error {
                code: err.code(),
                message: err.to_string(),
                fields: vec![FieldError::new("api_key", err.to_string())],
                text: None,
            },
            _ => Error::from_text(err.code(), err.message_text()),
        }
    }
}

impl From<profiles::Error> for Error {
    fn from(err: profiles::Error) -> Self {
        use profiles::Error as E;
        let field = |name: &str, err: &E| Error {
            code: err.code(),
            message: err.to_string(),
            fields: vec![FieldError::new(name, err.to_string())],
            text: None,
        };
        match err {
            E::Keychain(k) => k.into(),
            E::EmptyName | E::NameTooLong { .. } | E::NameHasControlCharacter | E::DuplicateName { .. } => {
                field("name", &err)
            }
            E::InvalidBaseUrl { .. } => field("base_url", &err),
            E::EmptyApiKey => field("api_key", &err),
            // The crate's message points at `sellerdesk profile list`; the app shows the list.
            E::NotFound { ref reference } => Error::new(
                err.code(),
                format!(
                    "there is no profile {reference}: it may have been removed (by the CLI?); pick one from the list"
                ),
            ),
            _ => Error::new(err.code(), err.to_string()),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        Error::file(err.to_string())
    }
}

impl From<jobs::Error> for Error {
    fn from(err: jobs::Error) -> Self {
        match err {
            // Keep the marketplace's field errors (a price rule or a create body refused).
            jobs::Error::Market(e) => e.into(),
            jobs::Error::NoSuchJob(ref id) => Error::new(err.code(), format!("there is no job {id}")),
            other => Error::new(other.code(), other.to_string()),
        }
    }
}

impl std::error::Error for Error {}
