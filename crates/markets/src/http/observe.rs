//! Seeing every change a client sends, for an audit log: after the last attempt of each
//! request that is not a read, the observer hears what was asked (method, path, what it was
//! about) and how it ended. Never the body or the key: bodies may hold codes or credentials.

use std::{fmt, sync::Arc};

use crate::Market;

/// One change request, as it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub market: Market,
    /// `POST`, `PUT`, `PATCH`, `DELETE`.
    pub method: String,
    /// Relative to the base URL, without the query: `/v1/offers/0198…/price`.
    pub path: String,
    /// What the request was about (`offer 0198…`), when the client knows.
    pub what: String,
    /// `Ok(())`, or the error's [`crate::Error::code`] as text ([`crate::ErrorCode::as_str`]).
    pub outcome: Result<(), &'static str>,
}

/// Called once per change request, after its last attempt.
#[derive(Clone)]
pub struct Observer(Arc<dyn Fn(&Change) + Send + Sync>);

impl Observer {
    pub fn new(f: impl Fn(&Change) + Send + Sync + 'static) -> Self {
        Observer(Arc::new(f))
    }

    pub(crate) fn notify(&self, change: &Change) {
        (self.0)(change)
    }
}

impl fmt::Debug for Observer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Observer")
    }
}
