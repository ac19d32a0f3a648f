//! The audit log: every change Seller Desk makes on a marketplace, one row each in the local
//! store (`store::audit`, the `audit` table of `<data dir>/sellerdesk.db`): who (profile id and
//! name), what (operation, object and its title where known), before → after as JSON where
//! known, when, which job and step, and the outcome with its error code. Never a secret: no key,
//! no code, no credential (steps describe codes and accounts by their count).
//!
//! Until version 2 of the store the log was `<data dir>/audit.jsonl`; the store imports that
//! file once when it is first opened and leaves it as a read-only backup.

use std::{
    future::Future,
    path::{Path, PathBuf},
    sync::{Arc, Mutex, OnceLock},
};

use serde_json::{json, Value};
pub use store::audit::{json_text, outcome_of, AuditEntry, AuditFilter, AuditFound};
use store::Store;

use crate::{ops::Op, state::JobHeader, Error, Result};

/// What a command making a single change knows of it beyond the request (the observer hears only
/// the method, path and outcome): the object's title, and the values before and after. Never a
/// secret: describe codes and accounts by their count.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Known {
    pub title: Option<String>,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

tokio::task_local! {
    static KNOWN: Arc<Mutex<Known>>;
}

/// Runs `f`; the changes it sends through an audited client are recorded with `known` (and what
/// [`know`] adds while it runs).
pub async fn with_known<F: Future>(known: Known, f: F) -> F::Output {
    KNOWN.scope(Arc::new(Mutex::new(known)), f).await
}

/// Adds to what the [`with_known`] scope running this knows (a client that reads the object
/// before changing it, say); nothing outside one.
pub fn know(f: impl FnOnce(&mut Known)) {
    let _ = KNOWN.try_with(|k| f(&mut k.lock().unwrap_or_else(|p| p.into_inner())));
}

fn known_now() -> Known {
    KNOWN.try_with(|k| k.lock().unwrap_or_else(|p| p.into_inner()).clone()).unwrap_or_default()
}

/// The fields of two JSON objects that differ, as (before, after) objects of just those fields;
/// `(None, None)` when none does.
pub fn changed_fields(before: &Value, after: &Value) -> (Option<Value>, Option<Value>) {
    let (Value::Object(b), Value::Object(a)) = (before, after) else {
        return if before == after { (None, None) } else { (Some(before.clone()), Some(after.clone())) };
    };
    let (mut was, mut now) = (serde_json::Map::new(), serde_json::Map::new());
    for key in b.keys().chain(a.keys().filter(|k| !b.contains_key(*k))) {
        let (x, y) = (b.get(key).unwrap_or(&Value::Null), a.get(key).unwrap_or(&Value::Null));
        if x != y {
            was.insert(key.clone(), x.clone());
            now.insert(key.clone(), y.clone());
        }
    }
    if was.is_empty() {
        (None, None)
    } else {
        (Some(Value::Object(was)), Some(Value::Object(now)))
    }
}

/// An observer for a client's config that appends each single change the client sends to `log`,
/// as done by `profile` (the CLI's and the app's one-off commands; a job writes its own, richer
/// entries), with what the command knows of it ([`with_known`]). A failed append never fails the command: the change happened, or not, whatever the
/// local disk says.
pub fn observer(log: AuditLog, profile: String) -> markets::Observer {
    markets::Observer::new(move |c: &markets::Change| {
        let _ = log.append(&change_entry(log.profile_id.clone(), &profile, c));
    })
}

/// The entry of a single change, with what the running command knows of it ([`with_known`]).
pub fn change_entry(profile_id: Option<String>, profile: &str, c: &markets::Change) -> AuditEntry {
    let (outcome, code) = match c.outcome {
        Ok(()) => ("done".to_owned(), None),
        Err(code) => ("failed".to_owned(), Some(code.to_owned())),
    };
    let known = known_now();
    AuditEntry {
        at: crate::now_rfc3339(),
        profile_id,
        profile: profile.to_owned(),
        market: c.market.id().to_owned(),
        endpoint: format!("{} {}", c.method, c.path),
        target: c.what.clone(),
        title: known.title,
        before: known.before,
        after: known.after,
        result: match &code {
            None => "done".to_owned(),
            Some(code) => format!("failed [{code}]"),
        },
        outcome,
        code,
        request: Some(format!("{} {}", c.method, c.path)),
        job: None,
        step: None,
    }
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn only_the_fields_that_changed() {
        let before = json!({"title": "Sword", "price": "49.99", "qty_total": 3});
        let after = json!({"title": "Sword", "price": "44.99", "qty_total": 5});
        assert_eq!(
            changed_fields(&before, &after),
            (Some(json!({"price": "49.99", "qty_total": 3})), Some(json!({"price": "44.99", "qty_total": 5})))
        );
        assert_eq!(changed_fields(&before, &before), (None, None));
    }

    #[tokio::test]
    async fn what_a_command_knows_reaches_the_entry_inside_its_scope_only() {
        let change = markets::Change {
            market: markets::Market::GgChest,
            method: "PUT".into(),
            path: "/v1/offers/0198/price".into(),
            what: "offer 0198".into(),
            outcome: Ok(()),
        };
        let known = Known { title: Some("Sword".into()), before: None, after: Some(json!({"price": "44.99"})) };
        let inside = with_known(known, async {
            know(|k| k.before = Some(json!({"price": "49.99"})));
            change_entry(Some("p-1".into()), "shop", &change)
        })
        .await;
        assert_eq!((inside.title.as_deref(), inside.profile_id.as_deref()), (Some("Sword"), Some("p-1")));
        assert_eq!((inside.before, inside.after), (Some(json!({"price": "49.99"})), Some(json!({"price": "44.99"}))));
        assert_eq!((inside.outcome.as_str(), inside.endpoint.as_str()), ("done", "PUT /v1/offers/0198/price"));
        let outside = change_entry(None, "shop", &change);
        assert_eq!((outside.title, outside.before, outside.after), (None, None, None));
    }
}
