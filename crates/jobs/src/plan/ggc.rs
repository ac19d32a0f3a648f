//! GGChest jobs: repricing, activate / draft / delete of any selection (100 ids a request),
//! creating offers from a file, importing accounts into an accounts offer.

use markets::ggchest::{
    is_uuid, AccountCredentials, GgcClient, NewAccountsOffer, NewCurrencyOffer, NewItemsOffer, OffersFilter, MAX_BATCH,
};
use serde_json::{Map, Value};

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
    for o in offers {
        let Some(current) = o.price else { continue };
        let Some(new) = rule.apply(current.value()) else { continue };
        if new == current.value() {
            continue;
        }
        ops.push(Op::GgcSetPrice { offer_id: o.id, old: current.wire(), new: format!("{new:.2}") });
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

/// Offers to create from a JSON file: an array of create bodies, each with `offer_type`
/// (`accounts`, `currency`, `items`) beside the fields its endpoint takes.
pub fn creates_from_json(text: &str) -> Result<Vec<Op>> {
    let value: Value = serde_json::from_str(text).map_err(|e| Error::Input(format!("not JSON: {e}")))?;
    let Value::Array(items) = value else {
        return Err(Error::Input("expected a JSON array of offers".into()));
    };
    items.into_iter().enumerate().map(|(n, v)| create_op(n, v)).collect()
}

/// Offers to create from a CSV file with a header naming the fields: `offer_type`, `game_id`,
/// `title`, `description`, `price`, `qty_total`, `qty_min`, `delivery_time`,
/// `delivery_method`, `game_currency_id`, and `attributes` as `attr_id:option_id;…`.
pub fn creates_from_csv(text: &str) -> Result<Vec<Op>> {
    let mut r = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers = r.headers().map_err(|e| Error::Input(format!("CSV header: {e}")))?.clone();
    let mut ops = Vec::new();
    for (n, row) in r.records().enumerate() {
        let row = row.map_err(|e| Error::Input(format!("CSV row {}: {e}", n + 1)))?;
        let mut obj = Map::new();
        for (h, v) in headers.iter().zip(row.iter()) {
            if v.is_empty() {
                continue;
            }
            let value = match h {
                "qty_total" | "qty_min" => {
                    Value::from(v.parse::<u64>().map_err(|_| Error::Input(format!("row {}: {h} `{v}`", n + 1)))?)
                }
                "attributes" => Value::Array(
                    v.split(';')
                        .filter(|p| !p.trim().is_empty())
                        .map(|p| {
                            let (id, option) = p.split_once(':').unwrap_or((p, ""));
                            serde_json::json!({ "id": id.trim(), "option_id": option.trim() })
                        })
                        .collect(),
                ),
                _ => Value::from(v),
            };
            obj.insert(h.to_owned(), value);
        }
        obj.entry("attributes").or_insert_with(|| Value::Array(vec![]));
        ops.push(create_op(n, Value::Object(obj))?);
    }
    Ok(ops)
}

/// Checks one create body against its typed request, so that a bad file fails before the job.
fn create_op(n: usize, mut v: Value) -> Result<Op> {
    let at = |e: String| Error::Input(format!("offer {}: {e}", n + 1));
    let obj = v.as_object_mut().ok_or_else(|| at("not an object".into()))?;
    let offer_type = match obj.remove("offer_type") {
        Some(Value::String(t)) => t.to_lowercase(),
        _ => return Err(at("needs `offer_type`: accounts, currency or items".into())),
    };
    let check = match offer_type.as_str() {
        "accounts" => serde_json::from_value::<NewAccountsOffer>(v.clone()).map(|_| ()),
        "currency" => serde_json::from_value::<NewCurrencyOffer>(v.clone()).map(|_| ()),
        "items" => serde_json::from_value::<NewItemsOffer>(v.clone()).map(|_| ()),
        other => return Err(at(format!("offer_type `{other}`: use accounts, currency or items"))),
    };
    check.map_err(|e| at(e.to_string()))?;
    Ok(Op::GgcCreate { offer_type, offer: v })
}

/// Accounts from a CSV with a header: `login`, `password`, and optionally `email_login`,
/// `email_password`, `description`, in any order.
pub fn parse_accounts(text: &str) -> Result<Vec<AccountCredentials>> {
    let mut r = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers: Vec<String> =
        r.headers().map_err(|e| Error::Input(format!("CSV header: {e}")))?.iter().map(|h| h.to_lowercase()).collect();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(login), Some(password)) = (col("login"), col("password")) else {
        return Err(Error::Input("the accounts CSV needs `login` and `password` columns".into()));
    };
    let (email_login, email_password, description) = (col("email_login"), col("email_password"), col("description"));
    let mut out = Vec::new();
    for (n, row) in r.records().enumerate() {
        let row = row.map_err(|e| Error::Input(format!("CSV row {}: {e}", n + 1)))?;
        let get = |i: Option<usize>| i.and_then(|i| row.get(i)).filter(|s| !s.is_empty()).map(str::to_owned);
        let (Some(l), Some(p)) = (get(Some(login)), get(Some(password))) else {
            return Err(Error::Input(format!("row {}: login and password are required", n + 1)));
        };
        out.push(AccountCredentials {
            login: l,
            password: p,
            email_login: get(email_login),
            email_password: get(email_password),
            description: get(description),
        });
    }
    if out.is_empty() {
        return Err(Error::Input("the accounts CSV has no accounts".into()));
    }
    Ok(out)
}

/// Steps adding `accounts` to the accounts offer `offer_id`, 100 at a time.
pub fn import_accounts(offer_id: &str, accounts: &[AccountCredentials]) -> Vec<Op> {
    accounts
        .chunks(ACCOUNTS_PER_STEP)
        .map(|c| Op::GgcAddAccounts { offer_id: offer_id.to_owned(), accounts: c.to_vec() })
        .collect()
}
