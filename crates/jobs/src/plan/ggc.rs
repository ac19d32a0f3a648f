//! GGChest jobs: repricing, activate / draft / delete of any selection (100 ids a request),
//! creating offers from a file, importing accounts into an accounts offer.

use markets::body::typed_noting_unknown;
use markets::ggchest::{
    check, is_uuid, AccountCredentials, GgcClient, NewAccountsOffer, NewCurrencyOffer, NewItemsOffer, OffersFilter,
    MAX_BATCH,
};
use serde_json::Value;

use super::PriceRule;
use crate::{
    ops::{BatchAction, Op},
    Error, Result,
};

/// Accounts per update request: the offer is re-read before each, so a failure costs little.
pub const ACCOUNTS_PER_STEP: usize = 100;

/// Up to this many ids are read one by one; more, through the offer list.
const FEW: usize = 10;

/// Plans a price change for each selected offer: `ids`, or every offer matching `filter`.
pub async fn reprice(client: &GgcClient, rule: &PriceRule, ids: &[String], filter: &OffersFilter) -> Result<Vec<Op>> {
    rule.validate().map_err(Error::Input)?;
    let offers = if ids.is_empty() {
        client.all_offers(filter).await?
    } else if ids.len() <= FEW {
        let mut v = Vec::with_capacity(ids.len());
        for id in ids {
            v.push(client.offer(id).await?);
        }
        v
    } else {
        // Many ids: the list (100 a page) costs fewer requests than one GET each.
        let mut all: std::collections::HashMap<String, markets::ggchest::Offer> =
            client.all_offers(&OffersFilter::default()).await?.into_iter().map(|o| (o.id.to_lowercase(), o)).collect();
        let mut v = Vec::with_capacity(ids.len());
        for id in ids {
            match all.remove(&id.to_lowercase()) {
                Some(o) => v.push(o),
                None => v.push(client.offer(id).await?),
            }
        }
        v
    };
    let mut ops = Vec::new();
    let (selected, mut no_valid_price) = (offers.len(), 0usize);
    for o in offers {
        let Some(current) = o.price else { continue };
        let Some(new) = rule.apply(current.value()) else {
            no_valid_price += 1;
            continue;
        };
        if new == current.value() {
            continue;
        }
        ops.push(Op::GgcSetPrice { offer_id: o.id, old: current.wire(), new: format!("{new:.2}") });
    }
    if ops.is_empty() && no_valid_price > 0 {
        return Err(Error::Input(format!(
            "the price rule gives no valid price for any of the {selected} selected offer(s): every new price \
             would be 0 or below. Use a smaller cut, or give a floor"
        )));
    }
    Ok(ops)
}

/// The ids of a selection: given, or every offer matching `filter` (read now).
pub async fn select(client: &GgcClient, ids: Vec<String>, filter: Option<&OffersFilter>) -> Result<Vec<String>> {
    let mut ids = match filter {
        Some(f) if ids.is_empty() => client.all_offers(f).await?.into_iter().map(|o| o.id).collect(),
        _ => ids,
    };
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.to_lowercase()));
    if let Some(bad) = ids.iter().find(|id| !is_uuid(id)) {
        return Err(Error::Input(format!("`{bad}` is not an offer id (a UUID)")));
    }
    Ok(ids)
}

/// One step per 100 ids (the API's maximum), in order.
pub fn batch(action: BatchAction, ids: &[String]) -> Vec<Op> {
    ids.chunks(MAX_BATCH).map(|c| Op::GgcBatch { action, offer_ids: c.to_vec() }).collect()
}

/// Offers to create, checked in full before the job exists (`desk::files::ggc_creates` reads
/// them from a file, each body checked by [`check_create`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Creates {
    pub ops: Vec<Op>,
    /// Fields the API does not take, not sent (`offer 2: prise`): worth a warning, as a typo
    /// would otherwise vanish.
    pub unknown_fields: Vec<String>,
}

/// Checks one create body (its `offer_type` beside the fields of its endpoint) as the client
/// will before sending it. Ok: the step and the fields the API does not take (not sent); Err:
/// what is wrong with it. Whether one bad body stops the others is the caller's rule
/// (desk::files: none of a file is created).
pub fn check_create(mut v: Value) -> std::result::Result<(Op, Vec<String>), String> {
    let obj = v.as_object_mut().ok_or("not an object")?;
    let offer_type = match obj.remove("offer_type") {
        Some(Value::String(t)) => t.to_lowercase(),
        _ => return Err("needs `offer_type`: accounts, currency or items".into()),
    };
    fn checked<T: serde::de::DeserializeOwned>(
        v: &Value,
        rules: fn(&T) -> markets::Result<()>,
    ) -> std::result::Result<Vec<String>, String> {
        let (typed, unknown) =
            typed_noting_unknown::<T>(v.clone()).map_err(|(path, e)| format!("{path}: {e}").replace(".: ", ""))?;
        rules(&typed).map_err(|e| {
            e.fields().iter().map(|f| format!("{}: {}", f.field, f.message)).collect::<Vec<_>>().join(", ")
        })?;
        Ok(unknown)
    }
    let unknown = match offer_type.as_str() {
        "accounts" => checked::<NewAccountsOffer>(&v, check::new_accounts_offer),
        "currency" => checked::<NewCurrencyOffer>(&v, check::new_currency_offer),
        "items" => checked::<NewItemsOffer>(&v, check::new_items_offer),
        other => return Err(format!("offer_type `{other}`: use accounts, currency or items")),
    }?;
    Ok((Op::GgcCreate { offer_type, offer: v }, unknown))
}

/// Steps adding `accounts` to the accounts offer `offer_id`, 100 at a time.
pub fn import_accounts(offer_id: &str, accounts: &[AccountCredentials]) -> Vec<Op> {
    accounts
        .chunks(ACCOUNTS_PER_STEP)
        .map(|c| Op::GgcAddAccounts { offer_id: offer_id.to_owned(), accounts: c.to_vec() })
        .collect()
}
