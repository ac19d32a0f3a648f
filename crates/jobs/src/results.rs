//! The results of a job, per item: each code (with its product), offer id, offer to create,
//! account (by login, never the password) and product/price pair has its own outcome — done,
//! failed with the reason, unknown, pending or not sent. Where the marketplace names the items
//! it refused (Gaming Goods' duplicate codes) those items fail and the rest of the step is
//! done; otherwise an item takes its step's outcome. As a table for the CLI and the app, as
//! CSV, and the failed items as the input of a retry job (`plan::retry_failed`).
//!
//! Codes are sealed in the journal (they are what buyers pay for), so results never show one
//! whole: `ABCD…WXYZ` is enough to find it in the seller's own file, and an exported CSV is not
//! a file of sellable codes. A sealed step read without the journal key shows its items by
//! position only.

use serde::Serialize;

use crate::{
    ops::{BatchAction, Op},
    state::{JobState, JobStatus, StepEntry, StepState},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Done,
    Failed,
    /// Sent, outcome not read back yet: `resume` settles it.
    Unknown,
    /// Not sent yet; the job goes on (it runs now, or was interrupted: `resume`).
    Pending,
    /// Not sent: the job was paused (cancelled) before its step; `resume` sends it.
    NotSent,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::Failed => "failed",
            Outcome::Unknown => "unknown",
            Outcome::Pending => "pending",
            Outcome::NotSent => "not sent",
        }
    }

    /// Parses a name as `name` gives it (`not-sent`/`not_sent` too), for filters.
    pub fn parse(s: &str) -> Option<Outcome> {
        Some(match s.trim().to_ascii_lowercase().replace(['-', '_'], " ").as_str() {
            "done" => Outcome::Done,
            "failed" => Outcome::Failed,
            "unknown" => Outcome::Unknown,
            "pending" => Outcome::Pending,
            "not sent" => Outcome::NotSent,
            _ => return None,
        })
    }
}

/// One step: what it covered and how it ended as a whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepResult {
    pub step: usize,
    pub what: String,
    pub items: usize,
    pub outcome: Outcome,
    /// The error code of a failed step.
    pub code: Option<String>,
    /// What happened (done) or why not (failed).
    pub detail: String,
    pub created_id: Option<String>,
    /// Items of the step that failed (all of them for a failed step).
    pub items_failed: usize,
}

/// One item: a code, an offer id, an offer to create, an account, a product/price pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemResult {
    pub step: usize,
    /// Its position in the step (from 0).
    pub item: usize,
    /// Where: `product 12`, `offer 8f3…`, `game 5`.
    pub target: String,
    /// What: `code ABCD…WXYZ`, `account alice`, `create items offer "Gold"`, `$5.00 → $4.50`.
    pub what: String,
    pub outcome: Outcome,
    /// The error code of a failed item (`duplicate`, `not_found`, …).
    pub code: Option<String>,
    /// What happened (done) or why not (failed).
    pub detail: String,
    pub created_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    pub job_id: String,
    pub steps: Vec<StepResult>,
    pub items: Vec<ItemResult>,
}

/// A code shown without giving it away: the first and last four characters of a long code,
/// two of a shorter one, none of a very short one.
pub fn mask_code(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    let keep = match chars.len() {
        n if n >= 12 => 4,
        n if n >= 6 => 2,
        _ => 0,
    };
    let head: String = chars[..keep].iter().collect();
    let tail: String = chars[chars.len() - keep..].iter().collect();
    format!("{head}…{tail}")
}

/// The items of a step, as (target, what), from its op; `None` when the op is sealed.
fn describe(op: &Op) -> Vec<(String, String)> {
    match op {
        Op::GgUploadCodes { product_id, codes } => {
            codes.iter().map(|c| (format!("product {product_id}"), format!("code {}", mask_code(c)))).collect()
        }
        Op::GgAddOffers { product_id, price_cents, codes } => codes
            .iter()
            .map(|c| (format!("product {product_id}"), format!("code {} at {price_cents} cents", mask_code(c))))
            .collect(),
        Op::GgReprice { product_id, old_cents, new_cents } => {
            vec![(format!("product {product_id}"), format!("{old_cents} → {new_cents} cents"))]
        }
        Op::GgcSetPrice { offer_id, old, new } => vec![(format!("offer {offer_id}"), format!("${old} → ${new}"))],
        Op::GgcBatch { action, offer_ids } => {
            offer_ids.iter().map(|id| (format!("offer {id}"), action_name(*action).to_owned())).collect()
        }
        Op::GgcCreate { .. } => vec![(op.target(), op.label())],
        Op::GgcAddAccounts { offer_id, accounts } => {
            accounts.iter().map(|a| (format!("offer {offer_id}"), format!("account {}", a.login))).collect()
        }
    }
}

fn action_name(a: BatchAction) -> &'static str {
    match a {
        BatchAction::Activate => "activate",
        BatchAction::Draft => "draft",
        BatchAction::Delete => "delete",
    }
}

/// What a done item's row says.
fn done_detail(op: Option<&Op>, note: &str) -> String {
    let read_back = if note.contains("read back") { " (read back)" } else { "" };
    match op {
        Some(Op::GgUploadCodes { .. }) | Some(Op::GgAddOffers { .. }) => format!("added{read_back}"),
        Some(Op::GgcAddAccounts { .. }) => format!("added{read_back}"),
        Some(Op::GgcBatch { action, .. }) => {
            let past = match action {
                BatchAction::Activate => "activated",
                BatchAction::Draft => "drafted",
                BatchAction::Delete => "deleted",
            };
            format!("{past}{read_back}")
        }
        _ => note.to_owned(),
    }
}

impl Results {
    pub fn of(job: &JobState) -> Results {
        let paused = job.status == JobStatus::Paused;
        let mut steps = Vec::with_capacity(job.steps.len());
        let mut items = Vec::new();
        for (step, s) in job.steps.iter().enumerate() {
            steps.push(step_result(step, s, paused));
            items.extend(item_results(step, s, paused));
        }
        Results { job_id: job.header.id.clone(), steps, items }
    }

    /// Steps that failed as a whole.
    pub fn failed_steps(&self) -> Vec<usize> {
        self.steps.iter().filter(|r| r.outcome == Outcome::Failed).map(|r| r.step).collect()
    }

    /// The failed items, as (step, item).
    pub fn failed_items(&self) -> Vec<(usize, usize)> {
        self.items.iter().filter(|r| r.outcome == Outcome::Failed).map(|r| (r.step, r.item)).collect()
    }

    /// How many items have `outcome`.
    pub fn count(&self, outcome: Outcome) -> usize {
        self.items.iter().filter(|r| r.outcome == outcome).count()
    }

    /// The items with one of `outcomes` (all of them when empty).
    pub fn filtered(&self, outcomes: &[Outcome]) -> Vec<&ItemResult> {
        self.items.iter().filter(|r| outcomes.is_empty() || outcomes.contains(&r.outcome)).collect()
    }

    /// Every item as CSV.
    pub fn to_csv(&self) -> String {
        Results::csv_of(&self.filtered(&[]))
    }

    /// These items as CSV: `step,item,target,what,result,code,detail,created_id`.
    pub fn csv_of(items: &[&ItemResult]) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["step", "item", "target", "what", "result", "code", "detail", "created_id"]).expect("memory");
        for r in items {
            w.write_record([
                r.step.to_string().as_str(),
                &r.item.to_string(),
                &r.target,
                &r.what,
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

fn step_result(step: usize, s: &StepEntry, paused: bool) -> StepResult {
    let (outcome, code, detail, created_id, items_failed) = match &s.state {
        StepState::Done { note, created_id, item_failures, .. } => {
            (Outcome::Done, None, note.clone(), created_id.clone(), item_failures.len())
        }
        StepState::Failed { code, reason } => (Outcome::Failed, Some(code.clone()), reason.clone(), None, s.items),
        StepState::Unknown { at, .. } => {
            (Outcome::Unknown, None, format!("sent at {at}, outcome not read back yet"), None, 0)
        }
        StepState::Pending if paused => (Outcome::NotSent, None, not_sent(), None, 0),
        StepState::Pending => (Outcome::Pending, None, String::new(), None, 0),
    };
    StepResult { step, what: s.label.clone(), items: s.items, outcome, code, detail, created_id, items_failed }
}

fn not_sent() -> String {
    "not sent: the job was paused before this step; resume sends it".into()
}

fn item_results(step: usize, s: &StepEntry, paused: bool) -> Vec<ItemResult> {
    let described = match &s.op {
        Some(op) => describe(op),
        None => (0..s.items)
            .map(|k| (String::new(), format!("{}: item {} of {} (sealed)", s.label, k + 1, s.items)))
            .collect(),
    };
    described
        .into_iter()
        .enumerate()
        .map(|(item, (target, what))| {
            let (outcome, code, detail, created_id) = match &s.state {
                StepState::Done { note, created_id, item_failures, already } => {
                    if let Some(f) = item_failures.iter().find(|f| f.i == item) {
                        (Outcome::Failed, Some(f.code.clone()), f.reason.clone(), None)
                    } else if already.contains(&item) {
                        (Outcome::Done, None, "already there (read back)".to_owned(), None)
                    } else {
                        (Outcome::Done, None, done_detail(s.op.as_ref(), note), created_id.clone())
                    }
                }
                StepState::Failed { code, reason } => (Outcome::Failed, Some(code.clone()), reason.clone(), None),
                StepState::Unknown { at, .. } => {
                    (Outcome::Unknown, None, format!("sent at {at}, outcome not read back yet"), None)
                }
                StepState::Pending if paused => (Outcome::NotSent, None, not_sent(), None),
                StepState::Pending => (Outcome::Pending, None, String::new(), None),
            };
            ItemResult { step, item, target, what, outcome, code, detail, created_id }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_masked() {
        assert_eq!(mask_code("ABCD-1234-WXYZ"), "ABCD…WXYZ");
        assert_eq!(mask_code("AB1234"), "AB…34");
        assert_eq!(mask_code("ABC"), "…");
        assert_eq!(Outcome::parse("not-sent"), Some(Outcome::NotSent));
        assert_eq!(Outcome::parse("FAILED"), Some(Outcome::Failed));
    }
}
