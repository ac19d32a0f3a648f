//! The audit log: every change Seller Desk sent to a marketplace (a job's step, or a single
//! change from the CLI or the app), one row each in the `audit` table: when, who (profile id and
//! name), where (market), which job and step, what (operation, object id and its title when
//! known), before → after as JSON where the writer knows them, and how it ended (outcome, error
//! code, detail). Never a secret: writers describe codes and accounts by their count and never
//! pass a key, a code or a password (tested with canary values in `crates/jobs/tests`).
//!
//! Before version 2 of the schema the log was `<data dir>/audit.jsonl`; [`crate::Store::open`]
//! imports it once ([`import_legacy`]) and leaves the file as a read-only backup (0400).

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{Store, StoreError};

/// The file the log was kept in before the store.
pub const LEGACY_FILE: &str = "audit.jsonl";
/// The `meta` key saying the legacy file was imported (its value: how many lines were taken and
/// how many skipped).
pub const IMPORTED_KEY: &str = "audit_jsonl_imported";

/// One change sent to a marketplace. Never a secret: codes and accounts appear as counts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AuditRow"))]
pub struct AuditEntry {
    /// RFC 3339, UTC.
    pub at: String,
    /// The profile's id, when known (entries imported from `audit.jsonl` have only its name).
    #[serde(default)]
    pub profile_id: Option<String>,
    /// The profile's name (or `SELLERDESK_API_KEY` for a key given by the environment).
    pub profile: String,
    /// `gg` or `ggchest`.
    pub market: String,
    /// The operation: `PATCH /seller/offers/{id}/price`.
    pub endpoint: String,
    /// The object changed: `offer 0198…`, `product 12`, or a selection of ids.
    pub target: String,
    /// The object's title or name, when the writer knows it.
    #[serde(default)]
    pub title: Option<String>,
    /// The values before the change, when the writer knows them (`{"price_cents": 1200}`).
    #[serde(default)]
    pub before: Option<Value>,
    /// The values asked for (`{"price_cents": 1100}`, `{"codes_added": 40}`).
    #[serde(default)]
    pub after: Option<Value>,
    /// `done`, `failed` or `unknown` (the answer was lost).
    #[serde(default)]
    pub outcome: String,
    /// The error code of a failure (`not_found`, `rate_limited`…).
    #[serde(default)]
    pub code: Option<String>,
    /// What was asked, in one line without any secret (`upload 40 codes to product 12`).
    #[serde(default)]
    pub request: Option<String>,
    /// `done: …`, `failed [code]: …`, `unknown: …`.
    pub result: String,
    /// The job of a job's step.
    pub job: Option<String>,
    /// The step's index in its job.
    pub step: Option<usize>,
}

impl AuditEntry {
    /// Whether any field contains `needle` (case-insensitive).
    pub fn matches(&self, needle: &str) -> bool {
        let needle = needle.to_lowercase();
        let (before, after) = (json_text(&self.before), json_text(&self.after));
        [
            self.at.as_str(),
            self.profile_id.as_deref().unwrap_or_default(),
            &self.profile,
            &self.market,
            &self.endpoint,
            &self.target,
            self.title.as_deref().unwrap_or_default(),
            &before,
            &after,
            &self.outcome,
            self.code.as_deref().unwrap_or_default(),
            self.request.as_deref().unwrap_or_default(),
            &self.result,
            self.job.as_deref().unwrap_or_default(),
        ]
        .iter()
        .any(|f| f.to_lowercase().contains(&needle))
    }
}

/// A before/after value in one line: a string as it is, anything else as compact JSON.
pub fn json_text(v: &Option<Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// Which entries: all of them, or those of a profile and/or containing a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Case-insensitive, in any field; blank means every entry.
    pub text: Option<String>,
    /// A profile's id or name (entries imported from `audit.jsonl` carry only the name).
    pub profile: Option<String>,
}

/// The newest entries matching a filter.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AuditFound {
    /// Newest first, at most the limit asked.
    pub entries: Vec<AuditEntry>,
    /// How many entries match the filter.
    pub matched: u64,
    /// How many entries the log holds.
    pub total: u64,
}

const COLUMNS: &str = "at, profile_id, profile_name, market, operation, object_id, object_title, before_json, \
                       after_json, outcome, error_code, request, result, job_id, step";

fn to_json(v: &Option<Value>) -> Option<String> {
    v.as_ref().filter(|v| !v.is_null()).map(Value::to_string)
}

fn insert(conn: &Connection, e: &AuditEntry) -> rusqlite::Result<()> {
    conn.prepare_cached(&format!(
        "INSERT INTO audit ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
    ))?
    .execute(params![
        e.at,
        e.profile_id,
        e.profile,
        e.market,
        e.endpoint,
        e.target,
        e.title,
        to_json(&e.before),
        to_json(&e.after),
        e.outcome,
        e.code,
        e.request,
        e.result,
        e.job,
        e.step.map(|s| s as i64),
    ])?;
    Ok(())
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<AuditEntry> {
    let json = |i: usize| -> rusqlite::Result<Option<Value>> {
        let text: Option<String> = r.get(i)?;
        Ok(text.map(|t| serde_json::from_str(&t).unwrap_or(Value::String(t))))
    };
    Ok(AuditEntry {
        at: r.get(0)?,
        profile_id: r.get(1)?,
        profile: r.get(2)?,
        market: r.get(3)?,
        endpoint: r.get(4)?,
        target: r.get(5)?,
        title: r.get(6)?,
        before: json(7)?,
        after: json(8)?,
        outcome: r.get(9)?,
        code: r.get(10)?,
        request: r.get(11)?,
        result: r.get(12)?,
        job: r.get(13)?,
        step: r.get::<_, Option<i64>>(14)?.map(|s| s as usize),
    })
}

fn failed(what: &str) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |e| StoreError(format!("audit log: cannot {what}: {e}"))
}

impl Store {
    /// Appends one entry.
    pub fn audit_append(&self, entry: &AuditEntry) -> Result<(), StoreError> {
        crate::retry_busy(|| insert(&self.conn(), entry)).map_err(failed("append"))
    }

    /// The newest `limit` entries matching `filter` (newest first), with the counts.
    pub fn audit_query(&self, filter: &AuditFilter, limit: usize) -> Result<AuditFound, StoreError> {
        let mut found = AuditFound::default();
        if filter.text.as_deref().is_none_or(|t| t.trim().is_empty()) {
            // No text to look for: SQLite counts and takes the newest rows, nothing else is read.
            let profile = filter.profile.as_deref().map(str::trim).filter(|p| !p.is_empty());
            let conn = self.conn();
            let limit = limit.min(i64::MAX as usize) as i64;
            let mut stmt = conn
                .prepare_cached(&format!(
                    "SELECT {COLUMNS} FROM audit WHERE ?1 IS NULL OR profile_id = ?1 OR profile_name = ?1 \
                     ORDER BY id DESC LIMIT ?2"
                ))
                .map_err(failed("read"))?;
            let rows = stmt.query_map(params![profile, limit], from_row).map_err(failed("read"))?;
            found.entries = rows.collect::<rusqlite::Result<_>>().map_err(failed("read"))?;
            found.matched = conn
                .query_row(
                    "SELECT count(*) FROM audit WHERE ?1 IS NULL OR profile_id = ?1 OR profile_name = ?1",
                    [profile],
                    |r| r.get::<_, i64>(0),
                )
                .map_err(failed("count"))? as u64;
            found.total = conn
                .query_row("SELECT count(*) FROM audit", [], |r| r.get::<_, i64>(0))
                .map_err(failed("count"))? as u64;
            return Ok(found);
        }
        self.audit_scan(filter, true, |e| {
            if found.entries.len() < limit {
                found.entries.push(e);
            }
            found.matched += 1;
        })?;
        found.total =
            self.conn().query_row("SELECT count(*) FROM audit", [], |r| r.get::<_, i64>(0)).map_err(failed("count"))?
                as u64;
        Ok(found)
    }

    /// Every entry matching `filter`, oldest first, handed to `each` one at a time (an export
    /// never holds the whole log in memory). Returns how many.
    pub fn audit_export(&self, filter: &AuditFilter, mut each: impl FnMut(AuditEntry)) -> Result<u64, StoreError> {
        let mut n = 0;
        self.audit_scan(filter, false, |e| {
            n += 1;
            each(e)
        })?;
        Ok(n)
    }

    fn audit_scan(
        &self,
        filter: &AuditFilter,
        newest_first: bool,
        mut each: impl FnMut(AuditEntry),
    ) -> Result<(), StoreError> {
        let needle = filter.text.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_lowercase);
        let profile = filter.profile.as_deref().map(str::trim).filter(|p| !p.is_empty());
        let order = if newest_first { "DESC" } else { "ASC" };
        let conn = self.conn();
        let mut stmt = conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM audit WHERE ?1 IS NULL OR profile_id = ?1 OR profile_name = ?1 ORDER BY id {order}"
            ))
            .map_err(failed("read"))?;
        let rows = stmt.query_map([profile], from_row).map_err(failed("read"))?;
        for row in rows {
            let entry = row.map_err(failed("read"))?;
            if needle.as_deref().is_none_or(|n| entry.matches(n)) {
                each(entry);
            }
        }
        Ok(())
    }
}

/// How one line of `audit.jsonl` looked (before and after were text then).
#[derive(Deserialize)]
struct LegacyLine {
    at: String,
    profile: String,
    market: String,
    endpoint: String,
    target: String,
    before: Option<String>,
    after: Option<String>,
    result: String,
    job: Option<String>,
    step: Option<usize>,
}

impl From<LegacyLine> for AuditEntry {
    fn from(l: LegacyLine) -> AuditEntry {
        let (outcome, code) = outcome_of(&l.result);
        AuditEntry {
            at: l.at,
            profile_id: None,
            profile: l.profile,
            market: l.market,
            endpoint: l.endpoint,
            target: l.target,
            title: None,
            before: l.before.map(Value::String),
            after: l.after.map(Value::String),
            outcome,
            code,
            request: None,
            result: l.result,
            job: l.job,
            step: l.step,
        }
    }
}

/// The outcome and error code of a result line (`done: …`, `failed [code]: …`, `unknown: …`).
pub fn outcome_of(result: &str) -> (String, Option<String>) {
    if let Some(rest) = result.strip_prefix("failed [") {
        let code = rest.split(']').next().unwrap_or_default();
        return ("failed".to_owned(), Some(code.to_owned()).filter(|c| !c.is_empty()));
    }
    let word = result.split([':', ' ']).next().unwrap_or_default();
    (if word.is_empty() { "done" } else { word }.to_owned(), None)
}

/// Imports `<data dir>/audit.jsonl` into the table, once: the import and the mark saying it is
/// done are one transaction, so a second process (or a crash halfway) never imports it twice.
/// Lines that are not an entry (a torn last line from a crash) are skipped and counted. The file
/// is then left in place as a read-only backup (0400). Returns the lines imported and skipped,
/// or `None` when it was imported before or there is no file.
pub(crate) fn import_legacy(conn: &mut Connection, data_dir: &Path) -> rusqlite::Result<Option<(usize, usize)>> {
    let imported = |conn: &Connection| -> rusqlite::Result<bool> {
        conn.query_row("SELECT 1 FROM meta WHERE key = ?1", [IMPORTED_KEY], |_| Ok(())).optional().map(|r| r.is_some())
    };
    // The cheap look first: every open of the store passes here.
    if imported(conn)? {
        return Ok(None);
    }
    let path = data_dir.join(LEGACY_FILE);
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    if imported(&tx)? {
        return Ok(None);
    }
    let text = match std::fs::read(&path) {
        Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            // Unreadable now: leave it for the next open, the log works meanwhile.
            eprintln!("seller desk: {} cannot be read to import it into the store ({e})", path.display());
            return Ok(None);
        }
    };
    let (mut taken, mut skipped) = (0, 0);
    for line in text.as_deref().unwrap_or_default().lines().filter(|l| !l.trim().is_empty()) {
        match serde_json::from_str::<LegacyLine>(line) {
            Ok(l) => {
                insert(&tx, &l.into())?;
                taken += 1;
            }
            Err(_) => skipped += 1,
        }
    }
    let note = match text {
        Some(_) => format!("{taken} entries imported, {skipped} lines skipped"),
        None => "no file".to_owned(),
    };
    tx.execute("INSERT INTO meta (key, value) VALUES (?1, ?2)", [IMPORTED_KEY, &note])?;
    tx.commit()?;
    if text.is_some() {
        read_only(&path);
        return Ok(Some((taken, skipped)));
    }
    Ok(None)
}

/// The imported file stays as a backup nobody writes to any more (0400).
fn read_only(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o400));
    }
    #[cfg(not(unix))]
    if let Ok(meta) = std::fs::metadata(path) {
        let mut p = meta.permissions();
        p.set_readonly(true);
        let _ = std::fs::set_permissions(path, p);
    }
}
