//! A job as its journal says it is: the replay of the records, in order.

use std::path::Path;

use markets::Market;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{
    journal::{seal_context, ItemFailure, Journal, Record},
    ops::{JobKind, Op},
    seal::JournalKey,
    Error, Result,
};

/// The first line of a journal: what the job is and where it runs. Never a key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobHeader {
    /// A UUID v7: job ids sort by creation time.
    pub id: String,
    pub kind: JobKind,
    pub market: Market,
    /// The profile's name (or `SELLERDESK_API_KEY`), for the audit log and listings.
    pub profile: String,
    pub base_url: String,
    pub created_at: String,
    pub steps: usize,
    /// For a retry job: the job whose failed steps it repeats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_of: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum StepState {
    Pending,
    /// Sent (or about to be) with no outcome journaled: reconcile before sending again.
    Unknown {
        at: String,
        before: Option<Value>,
    },
    Done {
        note: String,
        created_id: Option<String>,
        /// Items of the step the marketplace refused (the rest are done).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        item_failures: Vec<ItemFailure>,
        /// Items found already there on a repeated send (done).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        already: Vec<usize>,
    },
    Failed {
        code: String,
        reason: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JobStatus {
    /// Steps remain and the job was not stopped on purpose: it crashed, was killed, or runs now.
    Interrupted,
    /// Cancelled by the seller; `resume` goes on.
    Paused,
    Finished,
}

/// One step: what it is (for everyone) and its op (only once the journal is unsealed).
#[derive(Debug, Clone)]
pub struct StepEntry {
    pub label: String,
    pub items: usize,
    pub op: Option<Op>,
    sealed: Option<String>,
    pub state: StepState,
}

#[derive(Debug, Clone)]
pub struct JobState {
    pub header: JobHeader,
    pub steps: Vec<StepEntry>,
    pub status: JobStatus,
    pub finished_at: Option<String>,
}

impl JobState {
    /// Replays the journal at `path`. Sealed steps stay sealed until [`JobState::unseal`].
    pub fn load(path: &Path) -> Result<JobState> {
        let mut records = Journal::read(path)?.into_iter();
        let Some(Record::Header(header)) = records.next() else {
            return Err(Error::journal(path, "no header line"));
        };
        let mut job = JobState { header, steps: Vec::new(), status: JobStatus::Interrupted, finished_at: None };
        for record in records {
            let bad = |i: usize| Error::journal(path, format!("record for step {i}, which does not exist"));
            match record {
                Record::Header(_) => return Err(Error::journal(path, "a second header")),
                Record::Step { i, label, items, op, sealed } => {
                    if i != job.steps.len() {
                        return Err(Error::journal(path, format!("step {i} out of order")));
                    }
                    job.steps.push(StepEntry { label, items, op, sealed, state: StepState::Pending });
                }
                Record::Sent { i, at, before } => {
                    job.steps.get_mut(i).ok_or_else(|| bad(i))?.state = StepState::Unknown { at, before };
                    job.status = JobStatus::Interrupted;
                }
                Record::Done { i, note, created_id, item_failures, already, .. } => {
                    job.steps.get_mut(i).ok_or_else(|| bad(i))?.state =
                        StepState::Done { note, created_id, item_failures, already };
                }
                Record::Failed { i, code, reason, .. } => {
                    job.steps.get_mut(i).ok_or_else(|| bad(i))?.state = StepState::Failed { code, reason };
                }
                Record::Paused { .. } => job.status = JobStatus::Paused,
                Record::Finished { at } => {
                    job.status = JobStatus::Finished;
                    job.finished_at = Some(at);
                }
            }
        }
        if job.steps.len() != job.header.steps {
            return Err(Error::journal(path, format!("{} of {} steps", job.steps.len(), job.header.steps)));
        }
        Ok(job)
    }

    /// Opens sealed steps with `key`; without a key, a job with sealed steps cannot run.
    pub fn unseal(&mut self, key: Option<&JournalKey>, path: &Path) -> Result<()> {
        for (i, step) in self.steps.iter_mut().enumerate() {
            if step.op.is_some() {
                continue;
            }
            let Some(sealed) = &step.sealed else {
                return Err(Error::journal(path, format!("step {i} has neither an op nor a sealed op")));
            };
            let key = key.ok_or_else(|| Error::NoJournalKey("the journal key is needed to resume this job".into()))?;
            let plain = key
                .open(sealed, &seal_context(&self.header.id, i))
                .ok_or_else(|| Error::Unseal { path: path.display().to_string() })?;
            step.op = Some(serde_json::from_slice(&plain).map_err(|e| Error::journal(path, e))?);
        }
        Ok(())
    }

    pub fn has_sealed_steps(&self) -> bool {
        self.steps.iter().any(|s| s.sealed.is_some())
    }

    pub fn count(&self, f: impl Fn(&StepState) -> bool) -> usize {
        self.steps.iter().filter(|s| f(&s.state)).count()
    }

    pub fn done(&self) -> usize {
        self.count(|s| matches!(s, StepState::Done { .. }))
    }

    pub fn failed(&self) -> usize {
        self.count(|s| matches!(s, StepState::Failed { .. }))
    }

    /// Items done: every item of a done step but those the marketplace refused.
    pub fn items_done(&self) -> usize {
        self.steps
            .iter()
            .map(|s| match &s.state {
                StepState::Done { item_failures, .. } => s.items - item_failures.len().min(s.items),
                _ => 0,
            })
            .sum()
    }

    /// Items failed: every item of a failed step, and those refused in a done one.
    pub fn items_failed(&self) -> usize {
        self.steps
            .iter()
            .map(|s| match &s.state {
                StepState::Done { item_failures, .. } => item_failures.len().min(s.items),
                StepState::Failed { .. } => s.items,
                _ => 0,
            })
            .sum()
    }

    /// Ids of offers the job created (reconciling a create must not claim them twice).
    pub fn created_ids(&self) -> Vec<String> {
        self.steps
            .iter()
            .filter_map(|s| match &s.state {
                StepState::Done { created_id: Some(id), .. } => Some(id.clone()),
                _ => None,
            })
            .collect()
    }
}
