//! The jobs crate's one error: a marketplace error while planning, a journal problem, or a
//! keychain that cannot hold the journal key.

use markets::ErrorCode;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Market(#[from] markets::Error),

    /// The journal or results file could not be read or written.
    #[error("job journal {path}: {detail}")]
    Journal { path: String, detail: String },

    /// Codes or credentials would have to be journaled in clear: refused.
    #[error("the job holds codes or account credentials, which Seller Desk journals only encrypted, with a key kept in the OS keychain; the keychain is not usable ({0}). Unlock it (or start a Secret Service) and run the job again")]
    NoJournalKey(String),

    /// A sealed journal entry did not open with the keychain's key.
    #[error(
        "job journal {path}: an encrypted entry does not open with the keychain's journal key (was the key replaced?)"
    )]
    Unseal { path: String },

    /// Sealed steps of a job do not open: the journal key is not in the keychain, or another
    /// key replaced it. The text says what was lost and what remains.
    #[error("{0}")]
    JournalKeyLost(String),

    /// Another process is running this job.
    #[error("job {0} is being run by another Seller Desk process")]
    Busy(String),

    #[error("no job {0} (see `sellerdesk jobs list`)")]
    NoSuchJob(String),

    /// The job's input is not usable (bad CSV line, price rule, selection).
    #[error("{0}")]
    Input(String),

    /// The job belongs to another marketplace or profile than the client given to resume it.
    #[error("{0}")]
    Mismatch(String),
}

impl Error {
    pub fn journal(path: &std::path::Path, detail: impl std::fmt::Display) -> Self {
        Error::Journal { path: path.display().to_string(), detail: detail.to_string() }
    }

    /// A stable code, like [`markets::Error::code`].
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Market(e) => e.code(),
            Error::Journal { .. } | Error::Unseal { .. } => ErrorCode::Journal,
            Error::NoJournalKey(_) => ErrorCode::KeychainUnavailable,
            Error::JournalKeyLost(_) => ErrorCode::JournalKeyLost,
            Error::Busy(_) => ErrorCode::JobBusy,
            Error::NoSuchJob(_) => ErrorCode::NotFound,
            Error::Input(_) => ErrorCode::InvalidInput,
            Error::Mismatch(_) => ErrorCode::Usage,
        }
    }
}
