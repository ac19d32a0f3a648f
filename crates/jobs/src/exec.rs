//! Sending one step. Each op is one request, except an accounts import, which reads the offer
//! first because the API takes only the full offer (and the read tells reconciliation how many
//! accounts the offer had before).

use markets::{
    gg::NewOffers,
    ggchest::{AccountsOfferUpdate, NewAccountsOffer, NewCurrencyOffer, NewItemsOffer, OfferUpdate},
    Cents, Error, UsdPrice,
};
use serde_json::{json, Value};

use crate::{clients::Client, journal::ItemFailure, ops::BatchAction, ops::Op};

/// The reason given for a code Gaming Goods already had before this job sent it.
pub const DUPLICATE_REASON: &str = "duplicate: already on the marketplace";

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

/// Sends codes; when Gaming Goods refuses the request because some codes are already there
/// (a 422 naming them, nothing applied), the rest are sent again. The named codes are failed
/// items ("duplicate: already on the marketplace") on a fresh send, and done ("already there")
/// when a send of unknown outcome is repeated. This is also how an upload whose outcome is
/// unknown is reconciled: the marketplace's own duplicate check is the read-back.
async fn send_codes<F, Fut>(codes: &[String], fresh: bool, send: F) -> Result<StepOk, Error>
where
    F: Fn(Vec<String>) -> Fut,
    Fut: std::future::Future<Output = Result<u64, Error>>,
{
    let mut left: Vec<String> = codes.to_vec();
    let mut named_all: Vec<String> = Vec::new();
    let outcome = loop {
        match send(left.clone()).await {
            Ok(n) => break Ok(Some(n)),
            Err(Error::BusinessRule { message, market, fields }) => {
                let named = named_duplicates(&message, &left);
                if named.is_empty() {
                    if named_all.is_empty() {
                        return Err(Error::BusinessRule { message, market, fields });
                    }
                    break Err(Error::BusinessRule { message, market, fields });
                }
                left.retain(|c| !named.contains(c));
                named_all.extend(named);
                if left.is_empty() {
                    break Ok(None);
                }
            }
            // Nothing settled yet, or the engine must handle it (lost answer, marketplace down,
            // key refused): the step is sent again as a whole, the duplicate check reading back.
            Err(e)
                if named_all.is_empty()
                    || e.is_transient()
                    || matches!(e.code(), "outcome_unknown" | "key_rejected") =>
            {
                return Err(e)
            }
            Err(e) => break Err(e),
        }
    };
    let named: std::collections::HashSet<&String> = named_all.iter().collect();
    let named_at: Vec<usize> = codes.iter().enumerate().filter(|(_, c)| named.contains(c)).map(|(i, _)| i).collect();
    let k = named_at.len();
    let mut ok = StepOk::note("");
    if fresh {
        ok.item_failures = named_at
            .iter()
            .map(|&i| ItemFailure { i, code: "duplicate".into(), reason: DUPLICATE_REASON.into() })
            .collect();
    } else {
        ok.already = named_at;
    }
    let dup = if fresh { "already on the marketplace (failed)" } else { "were already there" };
    match outcome {
        Ok(Some(n)) if k == 0 => ok.note = format!("{n} codes added"),
        Ok(Some(n)) => ok.note = format!("{n} codes added, {k} {dup}"),
        Ok(None) => ok.note = format!("no code added: all {k} {dup}"),
        // Some codes were named, then sending the rest failed otherwise: the rest failed with
        // that error, the named ones as above.
        Err(e) => {
            let (code, reason) = (e.code().to_owned(), e.to_string());
            let set: std::collections::HashSet<&String> = left.iter().collect();
            ok.item_failures.extend(
                codes.iter().enumerate().filter(|(_, c)| set.contains(c)).map(|(i, _)| ItemFailure {
                    i,
                    code: code.clone(),
                    reason: reason.clone(),
                }),
            );
            ok.item_failures.sort_by_key(|f| f.i);
            ok.note = format!("{} codes not added ({code}), {k} {dup}", left.len());
        }
    }
    Ok(ok)
}

/// The codes of `sent` that a duplicate-code message names (`duplicate codes: A, B`).
fn named_duplicates(message: &str, sent: &[String]) -> Vec<String> {
    if !message.to_ascii_lowercase().contains("duplicate") {
        return Vec::new();
    }
    let tail = message.split_once(':').map_or(message, |(_, t)| t);
    let named: std::collections::HashSet<&str> =
        tail.split([',', ';', '\n']).map(|t| t.trim().trim_matches(['"', '\'', '`'])).collect();
    sent.iter().filter(|c| named.contains(c.as_str())).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_are_read_from_the_message() {
        let sent = vec!["A-1".to_owned(), "B-2".to_owned(), "C-3".to_owned()];
        assert_eq!(named_duplicates("duplicate codes: A-1, C-3", &sent), vec!["A-1", "C-3"]);
        assert!(named_duplicates("product is not AUTO", &sent).is_empty());
    }
}
