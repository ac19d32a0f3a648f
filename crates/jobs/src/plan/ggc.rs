//! GGChest jobs: repricing, activate / draft / delete of any selection (100 ids a request),
//! creating offers from a file, importing accounts into an accounts offer.

use markets::body::typed_noting_unknown;
use markets::ggchest::{
    check, is_uuid, AccountCredentials, GgcClient, NewAccountsOffer, NewCurrencyOffer, NewItemsOffer, OffersFilter,
    MAX_BATCH,
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

/// Offers to create, checked in full before the job exists.
#[derive(Debug, Clone, PartialEq)]
pub struct Creates {
    pub ops: Vec<Op>,
    /// Fields the API does not take, not sent (`offer 2: prise`): worth a warning, as a typo
    /// would otherwise vanish.
    pub unknown_fields: Vec<String>,
}

/// Offers to create from a JSON file: an array of create bodies, each with `offer_type`
/// (`accounts`, `currency`, `items`) beside the fields its endpoint takes.
pub fn creates_from_json(text: &str) -> Result<Vec<Op>> {
    parse_creates_json(text).map(|c| c.ops)
}

/// [`creates_from_json`], with the unknown fields named.
pub fn parse_creates_json(text: &str) -> Result<Creates> {
    let value: Value = serde_json::from_str(text).map_err(|e| Error::Input(format!("not JSON: {e}")))?;
    let Value::Array(items) = value else {
        return Err(Error::Input("expected a JSON array of offers".into()));
    };
    collect_creates(items.into_iter().enumerate().map(|(n, v)| create_op(n, v)))
}

/// Every row checked; the error names each bad row, so a file is fixed in one go and no offer
/// of a bad file is created.
fn collect_creates(rows: impl Iterator<Item = std::result::Result<(Op, Vec<String>), String>>) -> Result<Creates> {
    let mut creates = Creates { ops: Vec::new(), unknown_fields: Vec::new() };
    let mut problems = Vec::new();
    for row in rows {
        match row {
            Ok((op, unknown)) => {
                creates.ops.push(op);
                creates.unknown_fields.extend(unknown);
            }
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        return Ok(creates);
    }
    Err(Error::Input(format!(
        "{} of {} offers would be refused, so none is created: {}",
        problems.len(),
        problems.len() + creates.ops.len(),
        problems.join("; ")
    )))
}

/// Offers to create from a CSV file with a header naming the fields: `offer_type`, `game_id`,
/// `title`, `description`, `price`, `qty_total`, `qty_min`, `delivery_time`,
/// `delivery_method`, `game_currency_id`, and `attributes` as `attr_id:option_id;…`.
pub fn creates_from_csv(text: &str) -> Result<Vec<Op>> {
    parse_creates_csv(text).map(|c| c.ops)
}

/// [`creates_from_csv`], with the unknown columns named.
pub fn parse_creates_csv(text: &str) -> Result<Creates> {
    let mut r = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers = r.headers().map_err(|e| Error::Input(format!("CSV header: {e}")))?.clone();
    let mut rows = Vec::new();
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
        rows.push(create_op(n, Value::Object(obj)));
    }
    collect_creates(rows.into_iter())
}

/// Checks one create body (its `offer_type` beside the fields of its endpoint) as the client
/// will before sending it. Ok: the step and the fields the API does not take (not sent); Err:
/// what is wrong with it. Whether one bad body stops the others is the caller's rule
/// (desk::files: none of a file is created).
pub fn check_create(body: Value) -> std::result::Result<(Op, Vec<String>), String> {
    let (op, unknown) = create_op(0, body).map_err(|e| e.trim_start_matches("offer 1: ").to_owned())?;
    Ok((op, unknown.into_iter().map(|f| f.trim_start_matches("offer 1: ").to_owned()).collect()))
}

/// Checks one create body as the client will before sending it (types, then every rule: price
/// format, quantities, ids), so that a bad file fails before the job. Ok: the step and the
/// fields the API does not take; Err: what is wrong with offer `n + 1`.
fn create_op(n: usize, mut v: Value) -> std::result::Result<(Op, Vec<String>), String> {
    let at = |e: String| format!("offer {}: {e}", n + 1);
    let obj = v.as_object_mut().ok_or_else(|| at("not an object".into()))?;
    let offer_type = match obj.remove("offer_type") {
        Some(Value::String(t)) => t.to_lowercase(),
        _ => return Err(at("needs `offer_type`: accounts, currency or items".into())),
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
        other => return Err(at(format!("offer_type `{other}`: use accounts, currency or items"))),
    }
    .map_err(at)?;
    Ok((Op::GgcCreate { offer_type, offer: v }, unknown.into_iter().map(|f| at(f)).collect()))
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
