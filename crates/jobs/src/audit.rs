//! The audit log: every change Seller Desk makes on a marketplace, one JSON line each in
//! `<data dir>/audit.jsonl`: who (profile), what (endpoint and target), before → after where
//! known, when, and the result. Never a secret: no key, no code, no credential (steps describe
//! codes and accounts by their count).

use std::{
    fs,
    io::Write,
    path::{Path, PathBuf},
};

use serde::{Deserialize, Serialize};

use crate::{
    private::{narrow, private_dir, private_options},
    Error, Result,
};

/// One change sent to a marketplace. Never a secret: codes and accounts appear as counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AuditRow"))]
pub struct AuditEntry {
    pub at: String,
    pub profile: String,
    /// `gg` or `ggchest`.
    pub market: String,
    /// `PATCH /seller/offers/{id}/price`.
    pub endpoint: String,
    pub target: String,
    pub before: Option<String>,
    pub after: Option<String>,
    /// `done: …`, `failed [code]: …`, `unknown: …`.
    pub result: String,
    pub job: Option<String>,
    pub step: Option<usize>,
}

impl AuditEntry {
    /// Whether any field contains `needle` (case-insensitive).
    pub fn matches(&self, needle: &str) -> bool {
        let needle = needle.to_lowercase();
        [
            &self.at,
            &self.profile,
            &self.market,
            &self.endpoint,
            &self.target,
            &self.result,
            self.before.as_deref().unwrap_or_default(),
            self.after.as_deref().unwrap_or_default(),
            self.job.as_deref().unwrap_or_default(),
        ]
        .iter()
        .any(|f| f.to_lowercase().contains(&needle))
    }
}

/// An observer for a client's config that appends each single change the client sends to `log`,
/// as done by `profile` (the CLI's and the app's one-off commands; a job writes its own, richer
/// entries). A failed append never fails the command: the change happened, or not, whatever the
/// local disk says.
pub fn observer(log: AuditLog, profile: String) -> markets::Observer {
    markets::Observer::new(move |c: &markets::Change| {
        let entry = AuditEntry {
            at: crate::now_rfc3339(),
            profile: profile.clone(),
            market: c.market.id().to_owned(),
            endpoint: format!("{} {}", c.method, c.path),
            target: c.what.clone(),
            before: None,
            after: None,
            result: match c.outcome {
                Ok(()) => "done".to_owned(),
                Err(code) => format!("failed [{code}]"),
            },
            job: None,
            step: None,
        };
        let _ = log.append(&entry);
    })
}

#[derive(Debug, Clone)]
pub struct AuditLog {
    path: PathBuf,
}

impl AuditLog {
    pub fn in_dir(data_dir: &Path) -> AuditLog {
        AuditLog { path: data_dir.join("audit.jsonl") }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one entry as one write of one line (appends of one line do not interleave).
    pub fn append(&self, entry: &AuditEntry) -> Result<()> {
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            private_dir(dir).map_err(|e| Error::journal(dir, e))?;
        }
        let mut line = serde_json::to_string(entry).expect("an audit entry serializes");
        line.push('\n');
        let err = |e| Error::journal(&self.path, e);
        let mut f = private_options().create(true).append(true).open(&self.path).map_err(err)?;
        narrow(&f).map_err(err)?;
        f.write_all(line.as_bytes()).map_err(|e| Error::journal(&self.path, e))
    }

    /// Every entry, oldest first (a torn last line from a crash is skipped).
    pub fn entries(&self) -> Result<Vec<AuditEntry>> {
        let text = match fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::journal(&self.path, e)),
        };
        Ok(text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect())
    }

    pub fn search(&self, needle: &str) -> Result<Vec<AuditEntry>> {
        Ok(self.entries()?.into_iter().filter(|e| e.matches(needle)).collect())
    }
}

/// Entries as CSV, one row each, with a header.
pub fn to_csv(entries: &[AuditEntry]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["at", "profile", "market", "endpoint", "target", "before", "after", "result", "job", "step"])
        .expect("writing to memory");
    for e in entries {
        let step = e.step.map(|s| s.to_string()).unwrap_or_default();
        w.write_record([
            e.at.as_str(),
            &e.profile,
            &e.market,
            &e.endpoint,
            &e.target,
            e.before.as_deref().unwrap_or_default(),
            e.after.as_deref().unwrap_or_default(),
            &e.result,
            e.job.as_deref().unwrap_or_default(),
            &step,
        ])
        .expect("writing to memory");
    }
    String::from_utf8(w.into_inner().expect("writing to memory")).expect("CSV of UTF-8 fields")
}
