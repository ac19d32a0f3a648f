//! What a job does, step by step. One [`Op`] is one write request to a marketplace (GGChest
//! accounts imports: one read and one write), so the steps of a job are exactly the requests
//! the rate limit is spent on.

use markets::{ggchest::AccountCredentials, Market};
use serde::{Deserialize, Serialize};

/// The kinds of bulk job, named as the CLI names them (`sellerdesk jobs run <kind>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JobKind {
    GgUploadCodes,
    GgAddOffers,
    GgReprice,
    GgcReprice,
    GgcActivate,
    GgcDraft,
    GgcDelete,
    GgcCreate,
    GgcImportAccounts,
    /// A job made of the failed steps of another job.
    Retry,
}

impl JobKind {
    pub fn name(self) -> &'static str {
        match self {
            JobKind::GgUploadCodes => "gg-upload-codes",
            JobKind::GgAddOffers => "gg-add-offers",
            JobKind::GgReprice => "gg-reprice",
            JobKind::GgcReprice => "ggc-reprice",
            JobKind::GgcActivate => "ggc-activate",
            JobKind::GgcDraft => "ggc-draft",
            JobKind::GgcDelete => "ggc-delete",
            JobKind::GgcCreate => "ggc-create",
            JobKind::GgcImportAccounts => "ggc-import-accounts",
            JobKind::Retry => "retry",
        }
    }
}

/// The marketplace client's own action type: journals spell it `activate`, `draft`, `delete`.
pub use markets::ggchest::BatchAction;

/// One step. Codes and credentials are only ever written to the journal sealed (see `seal`).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    /// `POST /seller/products/{id}/codes`.
    GgUploadCodes { product_id: String, codes: Vec<String> },
    /// `POST /seller/offers`.
    GgAddOffers { product_id: String, price_cents: u64, codes: Vec<String> },
    /// `PATCH /seller/offers/{id}/price`: the unsold offers at `old_cents` move to `new_cents`.
    GgReprice { product_id: String, old_cents: u64, new_cents: u64 },
    /// `PUT /v1/offers/{id}/price`. `old` is the price read when the job was planned.
    GgcSetPrice { offer_id: String, old: String, new: String },
    /// `PUT /v1/offers/activate|draft`, `DELETE /v1/offers`: 1 to 100 ids.
    GgcBatch { action: BatchAction, offer_ids: Vec<String> },
    /// `POST /v1/offers/{offer_type}`: the request body as the create endpoint takes it.
    GgcCreate { offer_type: String, offer: serde_json::Value },
    /// `PUT /v1/offers/accounts/{id}` adding `accounts` (read first: the API wants the whole offer).
    GgcAddAccounts { offer_id: String, accounts: Vec<AccountCredentials> },
}

// Never print codes or credentials, even in a debug log.
impl std::fmt::Debug for Op {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Op({})", self.label())
    }
}

impl Op {
    pub fn market(&self) -> Market {
        match self {
            Op::GgUploadCodes { .. } | Op::GgAddOffers { .. } | Op::GgReprice { .. } => Market::GamingGoods,
            _ => Market::GgChest,
        }
    }

    /// Whether the step carries codes or credentials: such steps are journaled sealed.
    pub fn is_secret(&self) -> bool {
        match self {
            Op::GgUploadCodes { .. } | Op::GgAddOffers { .. } | Op::GgcAddAccounts { .. } => true,
            // Items offers carry what is delivered to buyers; accounts offers carry credentials.
            Op::GgcCreate { offer, .. } => offer.get("accounts").is_some() || offer.get("items").is_some(),
            _ => false,
        }
    }

    /// How many items (codes, offers, accounts) the step covers.
    pub fn items(&self) -> usize {
        match self {
            Op::GgUploadCodes { codes, .. } | Op::GgAddOffers { codes, .. } => codes.len(),
            Op::GgcBatch { offer_ids, .. } => offer_ids.len(),
            Op::GgcAddAccounts { accounts, .. } => accounts.len(),
            _ => 1,
        }
    }

    /// The same step with only the items at `keep` (positions in the step, in order); a step
    /// of one item is itself.
    pub fn only_items(&self, keep: &[usize]) -> Op {
        fn pick<T: Clone>(v: &[T], keep: &[usize]) -> Vec<T> {
            keep.iter().filter_map(|&i| v.get(i).cloned()).collect()
        }
        match self {
            Op::GgUploadCodes { product_id, codes } => {
                Op::GgUploadCodes { product_id: product_id.clone(), codes: pick(codes, keep) }
            }
            Op::GgAddOffers { product_id, price_cents, codes } => {
                Op::GgAddOffers { product_id: product_id.clone(), price_cents: *price_cents, codes: pick(codes, keep) }
            }
            Op::GgcBatch { action, offer_ids } => Op::GgcBatch { action: *action, offer_ids: pick(offer_ids, keep) },
            Op::GgcAddAccounts { offer_id, accounts } => {
                Op::GgcAddAccounts { offer_id: offer_id.clone(), accounts: pick(accounts, keep) }
            }
            other => other.clone(),
        }
    }

    /// Adds the items of `other` to this step when both go to the same place the same way and
    /// the step stays within its size (500 codes, 100 ids or accounts). `false`: left as is.
    pub fn absorb(&mut self, other: &Op) -> bool {
        match (self, other) {
            (Op::GgUploadCodes { product_id: p, codes }, Op::GgUploadCodes { product_id: q, codes: more })
                if p == q && codes.len() + more.len() <= crate::plan::gg::CODES_PER_STEP =>
            {
                codes.extend(more.iter().cloned());
                true
            }
            (
                Op::GgAddOffers { product_id: p, price_cents: a, codes },
                Op::GgAddOffers { product_id: q, price_cents: b, codes: more },
            ) if p == q && a == b && codes.len() + more.len() <= crate::plan::gg::CODES_PER_STEP => {
                codes.extend(more.iter().cloned());
                true
            }
            (Op::GgcBatch { action: a, offer_ids }, Op::GgcBatch { action: b, offer_ids: more })
                if a == b && offer_ids.len() + more.len() <= markets::ggchest::MAX_BATCH =>
            {
                offer_ids.extend(more.iter().cloned());
                true
            }
            (Op::GgcAddAccounts { offer_id: p, accounts }, Op::GgcAddAccounts { offer_id: q, accounts: more })
                if p == q && accounts.len() + more.len() <= crate::plan::ggc::ACCOUNTS_PER_STEP =>
            {
                accounts.extend(more.iter().cloned());
                true
            }
            _ => false,
        }
    }

    /// One line for tables and the audit log, without any secret.
    pub fn label(&self) -> String {
        match self {
            Op::GgUploadCodes { product_id, codes } => format!("upload {} codes to product {product_id}", codes.len()),
            Op::GgAddOffers { product_id, price_cents, codes } => {
                format!("add {} offers on product {product_id} at {price_cents} cents", codes.len())
            }
            Op::GgReprice { product_id, old_cents, new_cents } => {
                format!("offers on product {product_id}: {old_cents} → {new_cents} cents")
            }
            Op::GgcSetPrice { offer_id, old, new } => format!("offer {offer_id}: ${old} → ${new}"),
            Op::GgcBatch { action, offer_ids } => format!("{action:?} {} offers", offer_ids.len()).to_lowercase(),
            Op::GgcCreate { offer_type, offer } => format!(
                "create {offer_type} offer \"{}\"",
                offer.get("title").and_then(|t| t.as_str()).unwrap_or_default()
            ),
            Op::GgcAddAccounts { offer_id, accounts } => {
                format!("add {} accounts to offer {offer_id}", accounts.len())
            }
        }
    }

    /// The method and path template, for the audit log.
    pub fn endpoint(&self) -> &'static str {
        match self {
            Op::GgUploadCodes { .. } => "POST /seller/products/{id}/codes",
            Op::GgAddOffers { .. } => "POST /seller/offers",
            Op::GgReprice { .. } => "PATCH /seller/offers/{id}/price",
            Op::GgcSetPrice { .. } => "PUT /v1/offers/{id}/price",
            Op::GgcBatch { action: BatchAction::Activate, .. } => "PUT /v1/offers/activate",
            Op::GgcBatch { action: BatchAction::Draft, .. } => "PUT /v1/offers/draft",
            Op::GgcBatch { action: BatchAction::Delete, .. } => "DELETE /v1/offers",
            Op::GgcCreate { .. } => "POST /v1/offers/{type}",
            Op::GgcAddAccounts { .. } => "PUT /v1/offers/accounts/{id}",
        }
    }

    /// What the step changes: a product, an offer, or a selection.
    pub fn target(&self) -> String {
        match self {
            Op::GgUploadCodes { product_id, .. }
            | Op::GgAddOffers { product_id, .. }
            | Op::GgReprice { product_id, .. } => {
                format!("product {product_id}")
            }
            Op::GgcSetPrice { offer_id, .. } | Op::GgcAddAccounts { offer_id, .. } => format!("offer {offer_id}"),
            Op::GgcBatch { offer_ids, .. } => offer_ids.join(" "),
            Op::GgcCreate { offer, .. } => {
                format!("game {}", offer.get("game_id").and_then(|t| t.as_str()).unwrap_or_default())
            }
        }
    }
}
