//! The journal of one job: `<data dir>/jobs/<id>.jsonl`, one JSON record a line, only ever
//! appended to, each append fsync'd before the caller goes on.
//!
//! Order of writes for one step: `sent` is on disk before the request leaves, and `done` or
//! `failed` after its outcome is known. A crash between the two leaves a `sent` without an
//! outcome: the step's outcome is unknown, and it is reconciled by reading the marketplace back
//! before anything is sent again (see `reconcile`).
//!
//! The header and every step are written in one go when the job is created (a temp file, fsync,
//! rename, fsync of the directory), so a job either exists with all its steps or not at all.
//! A crash in the middle of an append leaves a torn last line: replay ignores it, and the next
//! append first cuts it off.

use std::{
    fs::{self, File, OpenOptions},
    io::{Read, Write},
    path::{Path, PathBuf},
};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{
    ops::Op,
    private::{narrow, private_dir, private_options},
    seal::JournalKey,
    state::JobHeader,
    Error, Result,
};

/// One line of the journal.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Record {
    Header(JobHeader),
    /// A step as queued. Steps with codes or credentials carry `sealed` instead of `op`.
    Step {
        i: usize,
        /// What the step does, without secrets (results and listings need no key).
        label: String,
        items: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        op: Option<Op>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sealed: Option<String>,
    },
    /// About to send step `i`; `before` is what reconciliation needs to know (e.g. the number of
    /// accounts an offer had).
    Sent {
        i: usize,
        at: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        before: Option<Value>,
    },
    Done {
        i: usize,
        at: String,
        note: String,
        /// The id of an offer the step created.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        created_id: Option<String>,
        /// Items of the step the marketplace refused (by index in the step: never a code).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        item_failures: Vec<ItemFailure>,
        /// Items found already there when a send of unknown outcome was repeated.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        already: Vec<usize>,
    },
    Failed {
        i: usize,
        at: String,
        code: String,
        reason: String,
    },
    /// Stopped by the seller (cancel): `resume` goes on from the next step.
    Paused {
        at: String,
    },
    Finished {
        at: String,
    },
}

/// One item of a done step that the marketplace refused: its index in the step, the error
/// code and the reason (e.g. `duplicate`, [`crate::DUPLICATE_REASON`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemFailure {
    pub i: usize,
    pub code: String,
    pub reason: String,
}

/// An open journal, for appending.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
}

/// The context a sealed step is bound to.
pub(crate) fn seal_context(job_id: &str, i: usize) -> String {
    format!("sellerdesk-job:{job_id}:{i}")
}

impl Journal {
    pub fn path_of(jobs_dir: &Path, job_id: &str) -> PathBuf {
        jobs_dir.join(format!("{job_id}.jsonl"))
    }

    /// Writes a new job, all its steps at once. Steps with secrets need `key`.
    pub fn create(jobs_dir: &Path, header: &JobHeader, ops: &[Op], key: Option<&JournalKey>) -> Result<PathBuf> {
        if let Some(data_dir) = jobs_dir.parent().filter(|d| !d.as_os_str().is_empty()) {
            private_dir(data_dir).map_err(|e| Error::journal(data_dir, e))?;
        }
        private_dir(jobs_dir).map_err(|e| Error::journal(jobs_dir, e))?;
        let path = Journal::path_of(jobs_dir, &header.id);
        let mut text = line(&Record::Header(header.clone()));
        for (i, op) in ops.iter().enumerate() {
            let record = if op.is_secret() {
                let key = key.ok_or_else(|| {
                    Error::NoJournalKey("no journal key was given for a job with codes or credentials".into())
                })?;
                let plain = serde_json::to_vec(op).expect("an Op serializes");
                Record::Step {
                    i,
                    label: op.label(),
                    items: op.items(),
                    op: None,
                    sealed: Some(key.seal(&plain, &seal_context(&header.id, i))),
                }
            } else {
                Record::Step { i, label: op.label(), items: op.items(), op: Some(op.clone()), sealed: None }
            };
            text.push_str(&line(&record));
        }
        let tmp = jobs_dir.join(format!(".{}.tmp", header.id));
        let write = || -> std::io::Result<()> {
            let mut f = private_options().write(true).create(true).truncate(true).open(&tmp)?;
            narrow(&f)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
            fs::rename(&tmp, &path)?;
            // The rename itself must survive a power cut.
            File::open(jobs_dir)?.sync_all()
        };
        write().map_err(|e| Error::journal(&path, e))?;
        Ok(path)
    }

    /// Opens for appending, cutting off a torn last line left by a crash mid-append.
    pub fn open(path: &Path) -> Result<Journal> {
        let err = |e: std::io::Error| Error::journal(path, e);
        let mut file = OpenOptions::new().read(true).write(true).open(path).map_err(err)?;
        narrow(&file).map_err(err)?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).map_err(err)?;
        let keep = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
        if keep < bytes.len() {
            file.set_len(keep as u64).map_err(err)?;
            file.sync_all().map_err(err)?;
        }
        drop(file);
        let file = OpenOptions::new().append(true).open(path).map_err(err)?;
        Ok(Journal { path: path.to_owned(), file })
    }

    /// Appends one record and waits until it is on disk.
    pub fn append(&mut self, record: &Record) -> Result<()> {
        let text = line(record);
        self.file.write_all(text.as_bytes()).map_err(|e| Error::journal(&self.path, e))?;
        self.file.sync_data().map_err(|e| Error::journal(&self.path, e))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every complete record of the file at `path`, in order. A torn last line is skipped; a
    /// bad line anywhere else is an error (the file was edited or damaged).
    pub fn read(path: &Path) -> Result<Vec<Record>> {
        let text = fs::read_to_string(path).map_err(|e| Error::journal(path, e))?;
        let complete = match text.rfind('\n') {
            Some(p) => &text[..=p],
            None => "",
        };
        complete
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(n, l)| serde_json::from_str(l).map_err(|e| Error::journal(path, format!("line {}: {e}", n + 1))))
            .collect()
    }
}

fn line(record: &Record) -> String {
    let mut s = serde_json::to_string(record).expect("a journal record serializes");
    s.push('\n');
    s
}
