//! GGChest requests checked before sending. Field names are the API's, with list positions
//! (`accounts[2].password`), so a form can show each message next to its input.

use super::enums::{DeliveryMethod, DeliveryTime};
use super::requests::*;
use crate::{validation::Violations, Result, UsdPrice};

/// An optional filter or sort value of a string enum must be a documented one: an unknown value
/// would only come back as the marketplace's 400 ("not a valid choice").
macro_rules! known_choice {
    ($v:expr, $field:expr, $value:expr, $ty:ty) => {
        if let Some(x) = $value {
            $v.check(x.is_known(), $field, format!("`{x}` is not valid: use {}", <$ty>::choices()));
        }
    };
}
pub(crate) use known_choice;

/// Most ids and codes we could ever send in a batch body.
pub const MAX_BATCH: usize = 100;

/// `8-4-4-4-12` hexadecimal: the docs require UUIDs in `offers_ids`.
pub fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && parts.iter().zip([8, 4, 4, 4, 12]).all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A GGChest id given in a field: the docs call every one a UUID ("Offer ID (UUID)", "Game
/// identifier (UUID)", "Attribute identifier (UUID)", "Option identifier (UUID)", "Icon ID
/// (UUID)"), so anything else is caught here rather than sent for a 404 or an empty list.
pub(crate) fn uuid(v: &mut Violations, field: &str, value: &str) {
    let value = value.trim();
    if value.is_empty() {
        v.non_blank(field, value);
    } else {
        v.check(
            is_uuid(value),
            field,
            format!(
                "`{value}` is not a GGChest id: ids are UUIDs like 550e8400-e29b-41d4-a716-446655440000 \
                 (copy it from the offer or game list)"
            ),
        );
    }
}

/// A path id: a UUID (see [`uuid`]), trimmed.
pub(crate) fn uuid_path(field: &str, id: &str) -> Result<String> {
    let mut v = Violations::new();
    uuid(&mut v, field, id);
    v.finish().map(|_| id.trim().to_owned())
}

fn price(v: &mut Violations, field: &str, p: &UsdPrice) {
    if let Err(m) = p.check() {
        v.add(field, m);
    }
}

fn known_time(v: &mut Violations, t: &DeliveryTime) {
    if !t.is_known() {
        v.add("delivery_time", format!("`{t}` is not valid: use {}", DeliveryTime::choices()));
    }
}

fn known_method(v: &mut Violations, m: &DeliveryMethod) {
    if !m.is_known() {
        v.add("delivery_method", format!("`{m}` is not valid: use {}", DeliveryMethod::choices()));
    }
}

fn attributes(v: &mut Violations, attrs: &[AttributeChoice]) {
    for (i, a) in attrs.iter().enumerate() {
        uuid(v, &format!("attributes[{i}].id"), &a.id);
        uuid(v, &format!("attributes[{i}].option_id"), &a.option_id);
    }
    let ids: Vec<String> = attrs.iter().map(|a| a.id.clone()).collect();
    v.unique_non_blank("attributes", &ids, "attribute");
}

/// What every offer has: title, description, price, old price, quantities, attributes.
struct Common<'a> {
    title: &'a str,
    description: &'a str,
    price: &'a UsdPrice,
    old_price: &'a Option<UsdPrice>,
    qty_total: u64,
    qty_min: u64,
    attributes: &'a [AttributeChoice],
}

fn common(v: &mut Violations, c: Common) {
    v.non_blank("title", c.title);
    v.non_blank("description", c.description);
    price(v, "price", c.price);
    if let Some(old) = c.old_price {
        price(v, "old_price", old);
    }
    v.check(c.qty_min <= c.qty_total, "qty_min", format!("{} is more than qty_total ({})", c.qty_min, c.qty_total));
    attributes(v, c.attributes);
}

fn accounts(v: &mut Violations, list: &[AccountCredentials], field: &str) {
    for (i, a) in list.iter().enumerate() {
        v.non_blank(&format!("{field}[{i}].login"), &a.login);
        v.non_blank(&format!("{field}[{i}].password"), &a.password);
    }
    let logins: Vec<String> = list.iter().map(|a| a.login.clone()).filter(|l| !l.trim().is_empty()).collect();
    v.unique_non_blank(field, &logins, "login");
}

pub fn new_accounts_offer(o: &NewAccountsOffer) -> Result<()> {
    let mut v = Violations::new();
    uuid(&mut v, "game_id", &o.game_id);
    common(
        &mut v,
        Common {
            title: &o.title,
            description: &o.description,
            price: &o.price,
            old_price: &o.old_price,
            qty_total: o.qty_total,
            qty_min: o.qty_min,
            attributes: &o.attributes,
        },
    );
    known_method(&mut v, &o.delivery_method);
    match &o.delivery_time {
        Some(t) => known_time(&mut v, t),
        None => v.check(
            o.delivery_method != DeliveryMethod::Manual,
            "delivery_time",
            format!("is required for manual delivery: use {}", DeliveryTime::choices()),
        ),
    }
    v.check(!o.accounts.is_empty(), "accounts", "add at least one account");
    v.check(
        o.qty_total == o.accounts.len() as u64,
        "qty_total",
        format!("is {} but the offer has {} account(s): they must be equal", o.qty_total, o.accounts.len()),
    );
    accounts(&mut v, &o.accounts, "accounts");
    v.finish()
}

pub fn new_currency_offer(o: &NewCurrencyOffer) -> Result<()> {
    let mut v = Violations::new();
    uuid(&mut v, "game_id", &o.game_id);
    v.non_blank("game_currency_id", &o.game_currency_id);
    common(
        &mut v,
        Common {
            title: &o.title,
            description: &o.description,
            price: &o.price,
            old_price: &o.old_price,
            qty_total: o.qty_total,
            qty_min: o.qty_min,
            attributes: &o.attributes,
        },
    );
    known_time(&mut v, &o.delivery_time);
    v.check(o.qty_total > 0, "qty_total", "must be more than 0: it is the amount of currency for sale");
    v.finish()
}

pub fn new_items_offer(o: &NewItemsOffer) -> Result<()> {
    let mut v = Violations::new();
    uuid(&mut v, "game_id", &o.game_id);
    common(
        &mut v,
        Common {
            title: &o.title,
            description: &o.description,
            price: &o.price,
            old_price: &o.old_price,
            qty_total: o.qty_total,
            qty_min: o.qty_min,
            attributes: &o.attributes,
        },
    );
    known_method(&mut v, &o.delivery_method);
    if let Some(t) = &o.delivery_time {
        known_time(&mut v, t);
    }
    match o.delivery_method {
        DeliveryMethod::Manual => {
            v.check(
                o.delivery_time.is_some(),
                "delivery_time",
                format!("is required for manual delivery: use {}", DeliveryTime::choices()),
            );
            v.check(
                o.items.is_empty(),
                "items",
                "delivery lines are only for auto delivery: choose auto, or remove them",
            );
            v.check(o.qty_total > 0, "qty_total", "must be more than 0: it is the stock for sale");
        }
        DeliveryMethod::Auto => {
            v.check(
                !o.items.is_empty(),
                "items",
                "auto delivery needs one delivery line (e.g. a code) per unit: add at least one",
            );
            v.check(
                o.qty_total == o.items.len() as u64,
                "qty_total",
                format!(
                    "is {} but there are {} delivery line(s): for auto delivery they must be equal",
                    o.qty_total,
                    o.items.len()
                ),
            );
            let infos: Vec<String> = o.items.iter().map(|i| i.delivery_info.clone()).collect();
            v.unique_non_blank("items", &infos, "delivery line");
        }
        DeliveryMethod::Unknown(_) => {}
    }
    v.finish()
}

pub(crate) fn offer_update(u: &OfferUpdate) -> Result<()> {
    let mut v = Violations::new();
    common(
        &mut v,
        Common {
            title: &u.title,
            description: &u.description,
            price: &u.price,
            old_price: &u.old_price.price(),
            qty_total: u.qty_total,
            qty_min: u.qty_min,
            attributes: &u.attributes,
        },
    );
    known_time(&mut v, &u.delivery_time);
    v.finish()
}

pub(crate) fn accounts_offer_update(u: &AccountsOfferUpdate) -> Result<()> {
    let mut v = Violations::new();
    common(
        &mut v,
        Common {
            title: &u.title,
            description: &u.description,
            price: &u.price,
            old_price: &u.old_price.price(),
            qty_total: u.qty_total,
            qty_min: u.qty_min,
            attributes: &u.attributes,
        },
    );
    known_time(&mut v, &u.delivery_time);
    let added: Vec<AccountCredentials> = u.accounts.iter().map(|a| a.0.clone()).collect();
    accounts(&mut v, &added, "accounts");
    v.finish()
}

pub(crate) fn price_update(p: &UsdPrice) -> Result<()> {
    let mut v = Violations::new();
    price(&mut v, "price", p);
    v.finish()
}

/// Batch ids: non-empty, unique, UUIDs (any count: the client sends them in chunks of 100).
/// Public as [`super::validate_offer_ids`] for callers that send a selection chunk by chunk
/// themselves and must check all of it before the first chunk goes out.
pub fn offer_ids(ids: &[String]) -> Result<()> {
    let mut v = Violations::new();
    v.check(!ids.is_empty(), "offers_ids", "select at least one offer");
    // A UUID is the same whatever the case of its hex digits: compare them in one case.
    let lowered: Vec<String> = ids.iter().map(|s| s.to_ascii_lowercase()).collect();
    v.unique_non_blank("offers_ids", &lowered, "offer id");
    let bad: Vec<&str> =
        ids.iter().map(|s| s.as_str()).filter(|s| !s.trim().is_empty() && !is_uuid(s)).take(5).collect();
    v.check(bad.is_empty(), "offers_ids", format!("not offer ids (UUIDs): {}", bad.join(", ")));
    v.finish()
}

pub(crate) fn page(field: &str, per_page: u32, page: u32) -> Result<()> {
    let mut v = Violations::new();
    v.check((1..=100).contains(&per_page), "pagination[per_page]", format!("{per_page} is out of range: use 1 to 100"));
    v.check(page >= 1, field, "pages are numbered from 1");
    v.finish()
}

/// `filters[date_from]` / `filters[date_to]`: ISO 8601 date or date-time.
pub(crate) fn iso_date(v: &mut Violations, field: &str, value: &Option<String>) {
    let Some(s) = value else { return };
    let b = s.as_bytes();
    let date_ok = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
    let rest_ok =
        b.len() == 10 || (b.len() >= 19 && (b[10] == b'T' || b[10] == b' ') && b[13] == b':' && b[16] == b':');
    v.check(
        date_ok && rest_ok,
        field,
        format!("`{s}` is not an ISO 8601 date: use 2024-01-31 or 2024-01-31T10:30:00Z"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_shape() {
        assert!(is_uuid("01997b76-07ca-7ce2-a5bb-7124bdf09cd6"));
        assert!(!is_uuid("01997b76-07ca-7ce2-a5bb-7124bdf09cd"));
        assert!(!is_uuid("gg0e8400-e29b-41d4-a716-446655440070"));
        assert!(!is_uuid("offer-1"));
    }

    #[test]
    fn dates() {
        let mut v = Violations::new();
        for ok in ["2024-01-31", "2024-01-31T10:30:00Z", "2024-01-31T10:30:00+03:00", "2024-01-31 10:30:00"] {
            iso_date(&mut v, "d", &Some(ok.into()));
        }
        assert!(v.is_empty());
        for bad in ["31.01.2024", "2024-1-31", "yesterday"] {
            iso_date(&mut v, "d", &Some(bad.into()));
        }
        assert_eq!(v.finish().unwrap_err().fields().len(), 3);
    }
}
