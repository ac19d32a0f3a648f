//! Sending one step. Each op is one request, except an accounts import, which reads the offer
//! first because the API takes only the full offer (and the read tells reconciliation how many
//! accounts the offer had before).

use markets::{
    gg::{send_setting_refused_aside, NewOffers, Splitting},
    ggchest::{AccountsOfferUpdate, NewAccountsOffer, NewCurrencyOffer, NewItemsOffer, OfferUpdate},
    Cents, Error, ErrorCode, UsdPrice,
};
use serde_json::{json, Value};

use crate::{clients::Client, journal::ItemFailure, ops::BatchAction, ops::Op};

/// The reason given for a code Gaming Goods already had before this job sent it.
/// The reason given for a code Gaming Goods refused on a fresh send. The 422's wording is not
/// part of the contract, so this does not quote it: a refused code is most often a duplicate.
pub const DUPLICATE_REASON: &str = "refused by Gaming Goods: most likely already on the marketplace";

/// A step that went through: all its items, except those the marketplace named as failed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StepOk {
    pub note: String,
    pub created_id: Option<String>,
    /// Items of the step (by index) that the marketplace refused, with why.
    pub item_failures: Vec<ItemFailure>,
    /// Items (by index) found already there when a step of unknown outcome was sent again:
    /// done, possibly by this job's earlier send.
    pub already: Vec<usize>,
}

impl StepOk {
    pub fn note(note: impl Into<String>) -> Self {
        StepOk { note: note.into(), created_id: None, item_failures: Vec::new(), already: Vec::new() }
    }
}

/// What was read before sending, kept in the journal's `sent` record.
pub(crate) enum Prepared {
    Nothing,
    Accounts { update: Box<AccountsOfferUpdate>, qty_before: u64 },
}

impl Prepared {
    pub fn before(&self) -> Option<Value> {
        match self {
            Prepared::Nothing => None,
            Prepared::Accounts { qty_before, .. } => Some(json!({ "qty_total": qty_before })),
        }
    }
}

pub(crate) async fn prepare(client: &Client, op: &Op) -> Result<Prepared, Error> {
    let Op::GgcAddAccounts { offer_id, accounts } = op else { return Ok(Prepared::Nothing) };
    let current = client.ggc().offer(offer_id).await?;
    let mut update = OfferUpdate::from_offer(&current)?;
    let qty_before = update.qty_total;
    update.qty_total += accounts.len() as u64;
    Ok(Prepared::Accounts { update: Box::new(update.with_accounts(accounts.clone())), qty_before })
}

/// Sends `op`. `fresh`: no earlier send of this step can have been applied (the step was
/// pending and no answer of this run was lost), so a code Gaming Goods names as a duplicate was
/// there before the job: that code failed. Otherwise it may be this job's own earlier upload:
/// done ("already there").
pub(crate) async fn send(client: &Client, op: &Op, prepared: Prepared, fresh: bool) -> Result<StepOk, Error> {
    match op {
        Op::GgUploadCodes { product_id, codes } => {
            send_codes(codes, fresh, |batch| async move {
                client.gg().upload_codes(product_id, &batch).await.map(|r| r.uploaded)
            })
            .await
        }
        Op::GgAddOffers { product_id, price_cents, codes } => {
            send_codes(codes, fresh, |batch| async move {
                let offers =
                    NewOffers { product_id: product_id.clone(), price_cents: Cents(*price_cents as i64), codes: batch };
                client.gg().add_offers(&offers).await.map(|r| r.added)
            })
            .await
        }
        Op::GgReprice { product_id, old_cents, new_cents } => {
            let r = client.gg().reprice_offers(product_id, Cents(*old_cents as i64), Cents(*new_cents as i64)).await?;
            Ok(StepOk::note(format!("{} offers repriced", r.updated)))
        }
        Op::GgcSetPrice { offer_id, new, .. } => {
            let price = UsdPrice::parse(new).map_err(|e| Error::invalid_field("price", e))?;
            client.ggc().update_price(offer_id, price).await?;
            Ok(StepOk::note(format!("price ${new}")))
        }
        Op::GgcBatch { action, offer_ids } => {
            let c = client.ggc();
            let outcome = match action {
                BatchAction::Activate => c.activate_offers(offer_ids).await?,
                BatchAction::Draft => c.draft_offers(offer_ids).await?,
                BatchAction::Delete => c.delete_offers(offer_ids).await?,
            };
            outcome.into_result()?;
            Ok(StepOk::note(format!("{} offers", offer_ids.len())))
        }
        Op::GgcCreate { offer_type, offer } => {
            let bad = |e: serde_json::Error| Error::invalid_field("offer", e.to_string());
            let c = client.ggc();
            let created = match offer_type.as_str() {
                "accounts" => c.create_accounts_offer(&from_value::<NewAccountsOffer>(offer).map_err(bad)?).await?,
                "currency" => c.create_currency_offer(&from_value::<NewCurrencyOffer>(offer).map_err(bad)?).await?,
                "items" => c.create_items_offer(&from_value::<NewItemsOffer>(offer).map_err(bad)?).await?,
                other => {
                    return Err(Error::invalid_field(
                        "offer_type",
                        format!("`{other}`: use accounts, currency or items"),
                    ))
                }
            };
            Ok(StepOk { created_id: Some(created.id.clone()), ..StepOk::note(format!("created {}", created.id)) })
        }
        Op::GgcAddAccounts { offer_id, accounts } => {
            let Prepared::Accounts { update, .. } = prepared else {
                unreachable!("an accounts import is always prepared")
            };
            client.ggc().update_accounts_offer(offer_id, &update).await?;
            Ok(StepOk::note(format!("{} accounts added", accounts.len())))
        }
    }
}

fn from_value<T: serde::de::DeserializeOwned>(v: &Value) -> Result<T, serde_json::Error> {
    T::deserialize(v)
}

/// Sends codes, setting aside those Gaming Goods refuses (`markets::gg::refused_codes`: found
/// without depending on the refusal's wording). A refused code is a failed item on a fresh
/// send (it was there before the job, or is refused for another reason) and done ("already
/// there") when a send of unknown outcome is repeated: the marketplace's own refusal of a code
/// it already holds is the read-back. Errors the engine handles (a lost answer, the marketplace
/// down, the key refused) are returned, and the step is then sent again as a whole.
async fn send_codes<F, Fut>(codes: &[String], fresh: bool, send: F) -> Result<StepOk, Error>
where
    F: FnMut(Vec<String>) -> Fut,
    Fut: std::future::Future<Output = Result<u64, Error>>,
{
    // A first send may give up on a refusal of everything (reported failed, nothing lost); a
    // resend after a lost answer must settle each code: a refused one may be one it stored.
    let splitting = if fresh { Splitting::GiveUpWhenNothingPasses } else { Splitting::ToTheEnd };
    let out = send_setting_refused_aside(codes, splitting, send).await;
    let added: u64 = out.answers.iter().sum();
    let mut ok = StepOk::note("");
    if let Some(e) = out.stopped_by {
        let nothing_settled = out.accepted.is_empty() && out.refused.is_empty();
        if nothing_settled || e.is_transient() || matches!(e.code(), ErrorCode::OutcomeUnknown | ErrorCode::KeyRejected)
        {
            return Err(e);
        }
        // Some codes settled, then the rest failed otherwise: the rest failed with that error.
        let (code, reason) = (e.code().as_str().to_owned(), e.to_string());
        ok.item_failures =
            out.unsettled.iter().map(|&i| ItemFailure { i, code: code.clone(), reason: reason.clone() }).collect();
    }
    let k = out.refused.len();
    if fresh {
        ok.item_failures.extend(out.refused.iter().map(|&i| ItemFailure {
            i,
            code: ErrorCode::Duplicate.as_str().into(),
            reason: DUPLICATE_REASON.into(),
        }));
        ok.item_failures.sort_by_key(|f| f.i);
    } else {
        ok.already = out.refused;
    }
    let dup = if fresh { "refused as already on the marketplace (failed)" } else { "were already there" };
    let failed_otherwise = ok.item_failures.len() - if fresh { k } else { 0 };
    ok.note = match (k, failed_otherwise) {
        (0, 0) => format!("{added} codes added"),
        (k, 0) => format!("{added} codes added, {k} {dup}"),
        (k, n) => format!("{added} codes added, {n} not added (error), {k} {dup}"),
    };
    Ok(ok)
}
