//! Long operations: `progress` events and cancellation.
//!
//! The UI picks an `operation_id`, passes it to a long command (fetching all pages, batches, code
//! uploads), listens to `progress` events carrying that id, and may call `cancel_operation(id)`.
//! The command checks its token between steps and while waiting (pacing can hold a request back
//! for a minute), so a cancel takes effect at once; a write already sent is never abandoned
//! half-way: cancellation happens between requests.

use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc, Mutex,
    },
};

use serde::Serialize;
use tokio::sync::Notify;
use ts_rs::TS;

use crate::error::{CommandError, CommandResult};

/// The name of the event every progress report is emitted as.
pub const PROGRESS_EVENT: &str = "progress";

/// What a progress count counts (`Progress::label`): a fixed set, so the UI can show each in its
/// language (generated into `ui/src/lib/bindings/progressLabels.ts`; a UI test checks that each
/// has a translation).
pub mod label {
    pub const PRODUCTS: &str = "products";
    pub const OFFERS: &str = "offers";
    pub const ORDERS: &str = "orders";
    // The layer's own labels, the ones its use cases report with.
    pub const CODES: &str = desk::gg_codes::PROGRESS_LABEL;
    pub const OFFERS_ACTIVATED: &str = desk::batch::label::ACTIVATED;
    pub const OFFERS_TO_DRAFT: &str = desk::batch::label::TO_DRAFT;
    pub const OFFERS_DELETED: &str = desk::batch::label::DELETED;
    pub const ALL: &[&str] = &[PRODUCTS, OFFERS, ORDERS, CODES, OFFERS_ACTIVATED, OFFERS_TO_DRAFT, OFFERS_DELETED];
}

/// One progress report: `done` of `total` (`null` while the total is not known yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Progress {
    pub operation_id: String,
    pub done: u64,
    pub total: Option<u64>,
    /// What is being counted: one of [`label::ALL`].
    pub label: String,
}

/// Where progress goes: the window's event bus in the app, a list in tests.
pub trait Events: Send + Sync {
    fn progress(&self, progress: Progress);

    /// A bulk job's progress (`job-progress` events); dropped unless overridden.
    fn job_progress(&self, _progress: crate::commands::job_views::JobProgress) {}

    /// A desktop notification (a job's run ended, orders wait), already allowed by the settings;
    /// dropped unless overridden. The app shows it through the OS (`crate::notify`).
    fn notify(&self, _notice: jobs::notices::Notice) {}
}

/// Discards progress (commands run without a window, e.g. at start-up).
pub struct NoEvents;

impl Events for NoEvents {
    fn progress(&self, _: Progress) {}
}

/// A cancellation flag that can also be awaited.
#[derive(Debug, Clone, Default)]
pub struct CancelToken {
    inner: Arc<(AtomicBool, Notify)>,
}

impl CancelToken {
    pub fn cancel(&self) {
        self.inner.0.store(true, Ordering::SeqCst);
        self.inner.1.notify_waiters();
    }

    pub fn is_cancelled(&self) -> bool {
        self.inner.0.load(Ordering::SeqCst)
    }

    /// Resolves once cancelled (at once if already).
    pub async fn cancelled(&self) {
        loop {
            let notified = self.inner.1.notified();
            if self.is_cancelled() {
                return;
            }
            notified.await;
        }
    }
}

/// The operations running now, by the UI's id.
#[derive(Debug, Default)]
pub struct Operations {
    running: Arc<Mutex<HashMap<String, CancelToken>>>,
}

impl Operations {
    /// Registers a long operation; it is unregistered when the returned guard drops.
    pub fn start(&self, operation_id: &str) -> CommandResult<Operation> {
        let id = operation_id.trim();
        if id.is_empty() {
            return Err(CommandError::invalid_field("operation_id", "is empty: pass an id chosen by the UI"));
        }
        let mut running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        if running.contains_key(id) {
            return Err(CommandError::invalid_field(
                "operation_id",
                format!("`{id}` is already running: use a new id for each operation"),
            ));
        }
        let token = CancelToken::default();
        running.insert(id.to_owned(), token.clone());
        Ok(Operation { id: id.to_owned(), token, running: self.running.clone() })
    }

    /// Cancels a running operation; false if none runs under that id (finished already).
    pub fn cancel(&self, operation_id: &str) -> bool {
        let running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        match running.get(operation_id.trim()) {
            Some(token) => {
                token.cancel();
                true
            }
            None => false,
        }
    }

    pub fn running_count(&self) -> usize {
        self.running.lock().unwrap_or_else(|p| p.into_inner()).len()
    }
}

/// A registered operation; dropping it unregisters it.
#[derive(Debug)]
pub struct Operation {
    pub id: String,
    pub token: CancelToken,
    running: Arc<Mutex<HashMap<String, CancelToken>>>,
}

impl Operation {
    pub fn report(&self, events: &dyn Events, done: u64, total: Option<u64>, label: &str) {
        events.progress(Progress { operation_id: self.id.clone(), done, total, label: label.to_owned() });
    }

    /// Runs `step` unless the operation is cancelled first or meanwhile. Only for steps that
    /// are safe to abandon (reads, or waiting before a write is sent).
    pub async fn unless_cancelled<T>(&self, step: impl std::future::Future<Output = T>) -> Option<T> {
        tokio::select! {
            biased;
            _ = self.token.cancelled() => None,
            out = step => Some(out),
        }
    }
}

impl Drop for Operation {
    fn drop(&mut self) {
        self.running.lock().unwrap_or_else(|p| p.into_inner()).remove(&self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn cancel_interrupts_a_waiting_step_and_the_guard_unregisters() {
        let ops = Operations::default();
        let op = ops.start("op-1").unwrap();
        assert!(ops.start("op-1").is_err(), "ids are unique while running");
        let cancel = async {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            assert!(ops.cancel("op-1"));
        };
        let (out, ()) = tokio::join!(op.unless_cancelled(std::future::pending::<()>()), cancel);
        assert!(out.is_none());
        drop(op);
        assert_eq!(ops.running_count(), 0);
        assert!(!ops.cancel("op-1"), "a finished operation cannot be cancelled");
    }
}
