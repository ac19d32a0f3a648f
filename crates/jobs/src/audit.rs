//! The audit log: every change Seller Desk makes on a marketplace, one row each in the local
//! store (`store::audit`, the `audit` table of `<data dir>/sellerdesk.db`): who (profile id and
//! name), what (operation, object and its title where known), before → after as JSON where
//! known, when, which job and step, and the outcome with its error code. Never a secret: no key,
//! no code, no credential (steps describe codes and accounts by their count).
//!
//! Until version 2 of the store the log was `<data dir>/audit.jsonl`; the store imports that
//! file once when it is first opened and leaves it as a read-only backup.

use std::{
    path::{Path, PathBuf},
    sync::{Arc, OnceLock},
};

use serde_json::{json, Value};
pub use store::audit::{json_text, outcome_of, AuditEntry, AuditFilter, AuditFound};
use store::Store;

use crate::{ops::Op, state::JobHeader, Error, Result};

/// An observer for a client's config that appends each single change the client sends to `log`,
/// as done by `profile` (the CLI's and the app's one-off commands; a job writes its own, richer
/// entries). A failed append never fails the command: the change happened, or not, whatever the
/// local disk says.
pub fn observer(log: AuditLog, profile: String) -> markets::Observer {
    markets::Observer::new(move |c: &markets::Change| {
        let (outcome, code) = match c.outcome {
            Ok(()) => ("done".to_owned(), None),
            Err(code) => ("failed".to_owned(), Some(code.to_owned())),
        };
        let entry = AuditEntry {
            at: crate::now_rfc3339(),
            profile_id: log.profile_id.clone(),
            profile: profile.clone(),
            market: c.market.id().to_owned(),
            endpoint: format!("{} {}", c.method, c.path),
            target: c.what.clone(),
            title: None,
            before: None,
            after: None,
            result: match &code {
                None => "done".to_owned(),
                Some(code) => format!("failed [{code}]"),
            },
            outcome,
            code,
            request: Some(format!("{} {}", c.method, c.path)),
            job: None,
            step: None,
        };
        let _ = log.append(&entry);
    })
}

/// The entry of a job's step: its job and step, before → after as far as the step knows them.
pub fn step_entry(header: &JobHeader, profile_id: Option<String>, i: usize, op: &Op, result: String) -> AuditEntry {
    let (before, after) = change(op);
    let (outcome, code) = outcome_of(&result);
    AuditEntry {
        at: crate::now_rfc3339(),
        profile_id,
        profile: header.profile.clone(),
        market: header.market.id().to_owned(),
        endpoint: op.endpoint().to_owned(),
        target: op.target(),
        title: title(op),
        before,
        after,
        outcome,
        code,
        request: Some(op.label()),
        result,
        job: Some(header.id.clone()),
        step: Some(i),
    }
}

/// Before → after of a step as JSON, where the step knows them (never a secret: codes and
/// accounts are counted). A reprice knows the old price (read when the job was planned).
pub fn change(op: &Op) -> (Option<Value>, Option<Value>) {
    match op {
        Op::GgReprice { old_cents, new_cents, .. } => {
            (Some(json!({ "price_cents": old_cents })), Some(json!({ "price_cents": new_cents })))
        }
        Op::GgcSetPrice { old, new, .. } => (Some(json!({ "price": old })), Some(json!({ "price": new }))),
        Op::GgcBatch { action, offer_ids } => {
            let status = match action {
                crate::BatchAction::Activate => "active",
                crate::BatchAction::Draft => "draft",
                crate::BatchAction::Delete => "deleted",
            };
            (None, Some(json!({ "status": status, "offers": offer_ids.len() })))
        }
        Op::GgUploadCodes { codes, .. } => (None, Some(json!({ "codes_added": codes.len() }))),
        Op::GgAddOffers { codes, price_cents, .. } => {
            (None, Some(json!({ "offers_added": codes.len(), "price_cents": price_cents })))
        }
        Op::GgcAddAccounts { accounts, .. } => (None, Some(json!({ "accounts_added": accounts.len() }))),
        // Only the price: the body of an accounts or items offer may hold credentials or codes.
        Op::GgcCreate { offer, .. } => (None, offer.get("price").map(|p| json!({ "price": p }))),
    }
}

/// The title of what a step changes, when the step carries it.
fn title(op: &Op) -> Option<String> {
    match op {
        Op::GgcCreate { offer, .. } => offer.get("title").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    }
}

/// Where entries go: the store in the data directory, opened on first use (and shared by the
/// clones of this handle).
#[derive(Debug, Clone)]
pub struct AuditLog {
    dir: PathBuf,
    store: Arc<OnceLock<std::result::Result<Arc<Store>, String>>>,
    /// The profile the entries of this handle's observer are made by, when known.
    profile_id: Option<String>,
}

impl AuditLog {
    /// The log of the data directory `data_dir` (its store, opened when first used).
    pub fn in_dir(data_dir: &Path) -> AuditLog {
        AuditLog { dir: data_dir.to_owned(), store: Arc::new(OnceLock::new()), profile_id: None }
    }

    /// The log in a store already open.
    pub fn in_store(store: Arc<Store>) -> AuditLog {
        let dir = store.path().parent().map(Path::to_owned).unwrap_or_default();
        AuditLog { dir, store: Arc::new(OnceLock::from(Ok(store))), profile_id: None }
    }

    /// This log, its entries made by profile `id` (the observer's and a job's entries name it).
    pub fn for_profile(mut self, id: impl Into<String>) -> AuditLog {
        self.profile_id = Some(id.into());
        self
    }

    pub fn profile_id(&self) -> Option<&str> {
        self.profile_id.as_deref()
    }

    /// The store file.
    pub fn path(&self) -> PathBuf {
        self.dir.join(store::DB_FILE)
    }

    /// The store the entries are in.
    pub fn store(&self) -> Result<Arc<Store>> {
        self.store
            .get_or_init(|| Store::open(&self.dir).map(Arc::new).map_err(|e| e.0))
            .clone()
            .map_err(|e| Error::journal(&self.path(), e))
    }

    /// Appends one entry.
    pub fn append(&self, entry: &AuditEntry) -> Result<()> {
        self.store()?.audit_append(entry).map_err(|e| Error::journal(&self.path(), e))
    }

    /// Every entry, oldest first.
    pub fn entries(&self) -> Result<Vec<AuditEntry>> {
        self.export(&AuditFilter::default())
    }

    /// The entries containing `needle` (any field, case-insensitive), oldest first.
    pub fn search(&self, needle: &str) -> Result<Vec<AuditEntry>> {
        self.export(&AuditFilter { text: Some(needle.to_owned()), profile: None })
    }

    /// The newest `limit` entries matching `filter`, newest first, with the counts.
    pub fn query(&self, filter: &AuditFilter, limit: usize) -> Result<AuditFound> {
        self.store()?.audit_query(filter, limit).map_err(|e| Error::journal(&self.path(), e))
    }

    /// Every entry matching `filter`, oldest first.
    pub fn export(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        let mut all = Vec::new();
        self.store()?.audit_export(filter, |e| all.push(e)).map_err(|e| Error::journal(&self.path(), e))?;
        Ok(all)
    }
}

/// The CSV header of [`to_csv`].
pub const CSV_HEADER: [&str; 15] = [
    "at",
    "profile_id",
    "profile",
    "market",
    "endpoint",
    "target",
    "title",
    "before",
    "after",
    "outcome",
    "code",
    "request",
    "result",
    "job",
    "step",
];

/// Entries as CSV, one row each, with a header.
pub fn to_csv(entries: &[AuditEntry]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_HEADER).expect("writing to memory");
    for e in entries {
        let step = e.step.map(|s| s.to_string()).unwrap_or_default();
        w.write_record([
            e.at.as_str(),
            e.profile_id.as_deref().unwrap_or_default(),
            &e.profile,
            &e.market,
            &e.endpoint,
            &e.target,
            e.title.as_deref().unwrap_or_default(),
            &json_text(&e.before),
            &json_text(&e.after),
            &e.outcome,
            e.code.as_deref().unwrap_or_default(),
            e.request.as_deref().unwrap_or_default(),
            &e.result,
            e.job.as_deref().unwrap_or_default(),
            &step,
        ])
        .expect("writing to memory");
    }
    String::from_utf8(w.into_inner().expect("writing to memory")).expect("CSV of UTF-8 fields")
}
