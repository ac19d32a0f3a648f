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

/// What a job's sealed steps came to when opened ([`JobState::open_sealed`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SealStatus {
    /// Steps whose op is sealed (codes, credentials).
    pub sealed_steps: usize,
    /// Sealed steps that did not open, and their items: no key, or another key.
    pub lost_steps: usize,
    pub lost_items: usize,
    /// Of those, the steps (and items) not settled yet: pending, or sent with no outcome.
    pub lost_unsettled_steps: usize,
    pub lost_unsettled_items: usize,
    /// There was no key in the keychain at all (rather than one that does not open them).
    pub no_key: bool,
}

impl SealStatus {
    /// Sealed steps that did not open.
    pub fn is_lost(&self) -> bool {
        self.lost_steps > 0
    }
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

    /// Opens sealed steps with `key`; a job with sealed steps that do not open (no key in the
    /// keychain, or another key) cannot run or be retried: [`Error::JournalKeyLost`] says what
    /// was lost and what remains.
    pub fn unseal(&mut self, key: Option<&JournalKey>, path: &Path) -> Result<()> {
        if let Some((i, _)) = self.steps.iter().enumerate().find(|(_, s)| s.op.is_none() && s.sealed.is_none()) {
            return Err(Error::journal(path, format!("step {i} has neither an op nor a sealed op")));
        }
        let status = self.open_sealed(key);
        if status.lost_steps > 0 {
            return Err(Error::JournalKeyLost(self.key_loss_text(&status)));
        }
        Ok(())
    }

    /// Opens every sealed step that `key` opens and says what did not: never fails, so a job
    /// whose key is lost still lists and shows its results by position.
    pub fn open_sealed(&mut self, key: Option<&JournalKey>) -> SealStatus {
        let mut status = SealStatus { no_key: key.is_none(), ..SealStatus::default() };
        for (i, step) in self.steps.iter_mut().enumerate() {
            let Some(sealed) = &step.sealed else { continue };
            status.sealed_steps += 1;
            if step.op.is_none() {
                step.op = key
                    .and_then(|key| key.open(sealed, &seal_context(&self.header.id, i)))
                    .and_then(|plain| serde_json::from_slice(&plain).ok());
            }
            if step.op.is_none() {
                status.lost_steps += 1;
                status.lost_items += step.items;
                if matches!(step.state, StepState::Pending | StepState::Unknown { .. }) {
                    status.lost_unsettled_steps += 1;
                    status.lost_unsettled_items += step.items;
                }
            }
        }
        status
    }

    /// What was lost with the journal key and what remains, for the seller.
    pub fn key_loss_text(&self, status: &SealStatus) -> String {
        let id = &self.header.id;
        let secrets = match self.header.kind {
            JobKind::GgUploadCodes | JobKind::GgAddOffers => "codes",
            JobKind::GgcImportAccounts => "account credentials",
            JobKind::GgcCreate => "accounts and items of the offers",
            _ => "codes and credentials",
        };
        let cause = if status.no_key {
            format!(
                "the journal key that sealed its {secrets} is no longer in the keychain (service `sellerdesk`, account `{}`)",
                crate::JOURNAL_KEY_ACCOUNT
            )
        } else {
            format!("the keychain's journal key is not the one that sealed its {secrets} (the key was replaced)")
        };
        let unsettled = if status.lost_unsettled_steps > 0 {
            format!(
                "; {} of those steps ({} items) were not settled and can never be resumed or retried from this job: send those items again from your own file",
                status.lost_unsettled_steps, status.lost_unsettled_items
            )
        } else {
            "; every one of those steps was settled, so no work is lost, only the names of its items".to_owned()
        };
        format!(
            "job {id}: {cause}. Lost: the {secrets} of {} sealed steps ({} items), which Seller Desk can no longer read{unsettled}. Kept: every step's outcome and each item's result by position (`sellerdesk jobs results {id}`).",
            status.lost_steps, status.lost_items
        )
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
