//! The per-step results of a job: done, failed with the reason, or not settled yet; as a table
//! for the CLI and the app, as CSV, and the failed steps as the input of a retry job.

use serde::Serialize;

use crate::state::{JobState, StepState};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Done,
    Failed,
    /// Sent, outcome not read back yet: `resume` settles it.
    Unknown,
    Pending,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::Failed => "failed",
            Outcome::Unknown => "unknown",
            Outcome::Pending => "pending",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemResult {
    pub step: usize,
    pub what: String,
    pub items: usize,
    pub outcome: Outcome,
    /// The error code of a failed step.
    pub code: Option<String>,
    /// What happened (done) or why not (failed).
    pub detail: String,
    pub created_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    pub job_id: String,
    pub items: Vec<ItemResult>,
}

impl Results {
    pub fn of(job: &JobState) -> Results {
        let items = job
            .steps
            .iter()
            .enumerate()
            .map(|(step, s)| {
                let (outcome, code, detail, created_id) = match &s.state {
                    StepState::Done { note, created_id } => (Outcome::Done, None, note.clone(), created_id.clone()),
                    StepState::Failed { code, reason } => (Outcome::Failed, Some(code.clone()), reason.clone(), None),
                    StepState::Unknown { at, .. } => {
                        (Outcome::Unknown, None, format!("sent at {at}, outcome not read back yet"), None)
                    }
                    StepState::Pending => (Outcome::Pending, None, String::new(), None),
                };
                ItemResult { step, what: s.label.clone(), items: s.items, outcome, code, detail, created_id }
            })
            .collect();
        Results { job_id: job.header.id.clone(), items }
    }

    pub fn failed_steps(&self) -> Vec<usize> {
        self.items.iter().filter(|r| r.outcome == Outcome::Failed).map(|r| r.step).collect()
    }

    pub fn to_csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["step", "what", "items", "result", "code", "detail", "created_id"]).expect("memory");
        for r in &self.items {
            w.write_record([
                r.step.to_string().as_str(),
                &r.what,
                &r.items.to_string(),
                r.outcome.name(),
                r.code.as_deref().unwrap_or_default(),
                &r.detail,
                r.created_id.as_deref().unwrap_or_default(),
            ])
            .expect("memory");
        }
        String::from_utf8(w.into_inner().expect("memory")).expect("UTF-8 fields")
    }
}
