//! Gaming Goods requests checked before sending; each rule names the field.

use super::types::{DeliveryType, NewOffers, NewProduct, ProductUpdate, Reprice};
use crate::{
    validation::{path_id, Violations},
    Amount, Result,
};
use rust_decimal::Decimal;

fn price(v: &mut Violations, field: &str, price: Amount) {
    let d = price.value();
    v.check(d > Decimal::ZERO, field, "must be greater than 0");
    v.check(d.normalize().scale() <= 2, field, "must have at most 2 decimals");
}

fn image_url(v: &mut Violations, url: &Option<String>) {
    if let Some(u) = url {
        let ok = url::Url::parse(u).is_ok_and(|p| matches!(p.scheme(), "http" | "https"));
        v.check(ok, "image_url", format!("`{u}` is not an http(s) URL"));
    }
}

pub(crate) fn new_product(p: &NewProduct) -> Result<()> {
    let mut v = Violations::new();
    v.non_blank("name", &p.name);
    v.non_blank("description", &p.description);
    v.non_blank("category", &p.category);
    if let Some(b) = &p.brand {
        v.non_blank("brand", b);
    }
    price(&mut v, "price", p.price);
    v.check(
        p.currency.len() == 3 && p.currency.bytes().all(|b| b.is_ascii_uppercase()),
        "currency",
        format!("`{}` is not a currency code: use three capital letters such as EUR", p.currency),
    );
    image_url(&mut v, &p.image_url);
    match &p.delivery_type {
        DeliveryType::Auto => {
            v.check(!p.codes.is_empty(), "codes", "an AUTO listing needs its activation codes: add at least one");
            v.unique_non_blank("codes", &p.codes, "code");
        }
        DeliveryType::Manual => {
            v.check(p.codes.is_empty(), "codes", "a MANUAL listing takes no codes: choose AUTO delivery to sell codes");
        }
        DeliveryType::Unknown(t) => {
            v.add("delivery_type", format!("`{t}` is not valid: use {}", DeliveryType::choices()))
        }
    }
    v.finish()
}

pub(crate) fn product_update(u: &ProductUpdate) -> Result<()> {
    let mut v = Violations::new();
    let empty = u.name.is_none()
        && u.description.is_none()
        && u.price.is_none()
        && u.image_url.is_none()
        && u.is_active.is_none();
    v.check(!empty, "update", "nothing to change: give at least one of name, description, price, image_url, is_active");
    if let Some(n) = &u.name {
        v.non_blank("name", n);
    }
    if let Some(d) = &u.description {
        v.non_blank("description", d);
    }
    if let Some(p) = u.price {
        price(&mut v, "price", p);
    }
    image_url(&mut v, &u.image_url);
    v.finish()
}

pub(crate) fn codes(codes: &[String]) -> Result<()> {
    let mut v = Violations::new();
    v.check(!codes.is_empty(), "codes", "no codes given: add at least one");
    v.unique_non_blank("codes", codes, "code");
    v.finish()
}

pub(crate) fn new_offers(o: &NewOffers) -> Result<()> {
    let mut v = Violations::new();
    if let Err(e) = path_id("product_id", &o.product_id) {
        for f in e.fields() {
            v.add(f.field.clone(), f.message.clone());
        }
    }
    v.check(o.price_cents.0 > 0, "price_cents", "must be a whole number of euro cents greater than 0");
    v.check(!o.codes.is_empty(), "codes", "no codes given: add at least one");
    v.unique_non_blank("codes", &o.codes, "code");
    v.finish()
}

pub(crate) fn reprice(r: &Reprice) -> Result<()> {
    let mut v = Violations::new();
    v.check(r.old_price_cents.0 > 0, "old_price_cents", "must be greater than 0");
    v.check(r.new_price_cents.0 > 0, "new_price_cents", "must be greater than 0");
    v.check(
        r.old_price_cents != r.new_price_cents,
        "new_price_cents",
        "is the same as the old price: nothing would change",
    );
    v.finish()
}

pub(crate) fn page_size(field: &str, size: u32) -> Result<()> {
    let mut v = Violations::new();
    v.check((1..=100).contains(&size), field, format!("{size} is out of range: use 1 to 100"));
    v.finish()
}
