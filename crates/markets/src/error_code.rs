//! [`ErrorCode`]: every code a failure can carry, in the CLI (`error[<code>]`, `--json`'s
//! `error.code`, a job item's `[code]`) and in the desktop app (`CommandError.code`).
//!
//! One list for every face: the crates' errors return it (`markets::Error::code`,
//! `profiles::Error::code`, `jobs::Error::code`), the CLI derives its exit code from it, and the
//! UI's TypeScript union and transient list are generated from it. A code never changes meaning
//! once shipped; its string is the variant in snake_case.

use serde::{Deserialize, Serialize};

macro_rules! error_codes {
    ($($(#[doc = $doc:literal])+ $variant:ident = $text:literal,)+) => {
        /// A stable identifier of a failure, for scripts and the UI (serialized snake_case).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        pub enum ErrorCode {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl ErrorCode {
            /// Every code, in declaration order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)+];

            /// The code as scripts and the UI see it (`"not_found"`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $text,)+
                }
            }
        }
    };
}

error_codes! {
    // The marketplaces' (markets::Error).
    /// The marketplace refused the API key (missing, wrong, revoked).
    KeyRejected = "key_rejected",
    /// The key works, but not for this action or object.
    Forbidden = "forbidden",
    /// The marketplace object (or a job) does not exist, or belongs to another seller.
    NotFound = "not_found",
    /// Input caught on this machine before anything was sent; `fields` name what to fix.
    InvalidInput = "invalid_input",
    /// The marketplace rejected the request's input (400/422); `fields` name what to fix.
    Validation = "validation",
    /// The marketplace understood the request but its rules forbid it (e.g. a duplicate code).
    BusinessRule = "business_rule",
    /// Still rate limited after the allowed retries: wait and try again.
    RateLimited = "rate_limited",
    /// The marketplace is down or failing (5xx) after the retries that were safe: try later.
    Unavailable = "unavailable",
    /// A change was sent but no answer came back; it was not repeated. Check before retrying.
    OutcomeUnknown = "outcome_unknown",
    /// The marketplace could not be reached (nothing was applied).
    Network = "network",
    /// The answer did not have the documented shape.
    UnexpectedResponse = "unexpected_response",
    /// The client could not be set up (bad base URL, TLS backend, environment).
    Config = "config",
    /// A dry run stopped before its first change request: the input is valid, nothing was sent
    /// (the CLI's `--dry-run` exits 0 with it).
    DryRun = "dry_run",

    // Profiles and the keychain (profiles::Error, profiles::KeychainError).
    /// No profile was named and none is active (the CLI).
    NoProfile = "no_profile",
    /// The profile named or picked does not exist (it may have been removed).
    ProfileNotFound = "profile_not_found",
    /// The profiles file cannot be read, written or understood, or the profile does not fit
    /// what was asked (another marketplace's).
    ProfileInvalid = "profile_invalid",
    /// No usable API key is stored for the profile (missing, not text, ambiguous entries).
    NoKey = "no_key",
    /// The OS keychain cannot be used: no session bus or Secret Service, locked, refused.
    KeychainUnavailable = "keychain_unavailable",
    /// A profile's key was not sent to a host that is not its marketplace's and was never confirmed.
    BaseUrlUnconfirmed = "base_url_unconfirmed",
    /// The user did not confirm sending a profile's key to a new host (the app's dialog).
    NotConfirmed = "not_confirmed",

    // Jobs (jobs::Error) and their items.
    /// A job's journal or results file could not be read or written, or an entry does not open.
    Journal = "journal",
    /// Sealed steps of a job do not open: the journal key is gone from the keychain or replaced.
    JournalKeyLost = "journal_key_lost",
    /// Another process is running this job: try again when it is done.
    JobBusy = "job_busy",
    /// A bulk job ended with steps failed or not settled (the CLI's exit 10).
    JobIncomplete = "job_incomplete",
    /// A job item (a code) refused as most likely already on the marketplace.
    Duplicate = "duplicate",

    // The faces' own.
    /// Wrong arguments, or a request that does not fit (a job resumed with another profile).
    Usage = "usage",
    /// A destructive command was not confirmed with `--yes` and could not ask (no terminal).
    ConfirmationRequired = "confirmation_required",
    /// The user said no, or stopped a long operation; the message says what was done by then.
    Cancelled = "cancelled",
    /// A local file could not be read, written or used; the message names it.
    File = "file",
    /// The app was handed a file the user did not pick in a dialog or drop on the window.
    FileNotPicked = "file_not_picked",
    /// The demo sandbox could not start.
    Sandbox = "sandbox",
    /// A bug or a failed background task: not the user's to fix.
    Internal = "internal",
}

impl ErrorCode {
    /// Nothing changed and the same request may succeed later: rate limited, marketplace
    /// unavailable, no connection, the job busy in another process.
    pub const fn is_transient(self) -> bool {
        matches!(self, ErrorCode::RateLimited | ErrorCode::Unavailable | ErrorCode::Network | ErrorCode::JobBusy)
    }

    /// The code named by `text` (`"not_found"`), if it is one.
    pub fn parse(text: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.iter().copied().find(|c| c.as_str() == text)
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_string_is_its_serde_name_and_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for &code in ErrorCode::ALL {
            assert_eq!(serde_json::to_value(code).unwrap(), serde_json::Value::from(code.as_str()));
            assert_eq!(ErrorCode::parse(code.as_str()), Some(code));
            assert!(seen.insert(code.as_str()), "{code} twice");
        }
        assert_eq!(ErrorCode::parse("keychain"), None);
    }

    #[test]
    fn transient_codes_are_the_try_later_ones() {
        let transient: Vec<_> = ErrorCode::ALL.iter().filter(|c| c.is_transient()).map(|c| c.as_str()).collect();
        assert_eq!(transient, ["rate_limited", "unavailable", "network", "job_busy"]);
    }
}
