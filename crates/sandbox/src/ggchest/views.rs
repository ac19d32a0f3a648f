//! The JSON shapes GGChest answers with. Where the documents differ the sandbox picks one:
//! - `status` upper case (`ACTIVE`, `DRAFT`, `DELETED`), as R's examples;
//! - `qty_total`/`qty_min` strings in lists, integers in one offer (R and O agree);
//! - attributes `attribute_id` in lists, `id` in one offer (R and O agree);
//! - `old_price` always present, `null` when unset (D's list shows it; R omits it);
//! - `delivery_method` of currency offers is `"manual"`, as R's currency example shows
//!   (they are created without one);
//! - `expired_at` as R's `2025-08-28 14:47:50`;
//! - accounts in one offer masked as R's example (`epic*****`, `****`, `play****@email.com`).

use serde_json::{json, Value};

use crate::state::{GgcAccount, GgcDeliveryMethod, GgcGame, GgcImage, GgcOffer, GgcOfferType, GgcOrder};

fn delivery_method(offer: &GgcOffer) -> &'static str {
    match offer.delivery_method {
        Some(GgcDeliveryMethod::Auto) => "auto",
        Some(GgcDeliveryMethod::Manual) | None => "manual",
    }
}

fn icon(offer: &GgcOffer) -> Value {
    match &offer.icon {
        Some(icon) => json!({"id": icon.id, "path": icon.path}),
        None => json!({"id": null, "path": null}),
    }
}

pub(crate) fn image(image: &GgcImage) -> Value {
    json!({"id": image.id, "path": image.path})
}

fn game_currency(offer: &GgcOffer, game: Option<&GgcGame>) -> Value {
    let currency =
        offer.game_currency_id.as_ref().and_then(|id| game.and_then(|g| g.currencies.iter().find(|c| &c.id == id)));
    match currency {
        Some(c) => json!({"id": c.id, "name": c.name, "nominal": c.nominal, "icon": image(&c.icon)}),
        None => Value::Null,
    }
}

/// The offer's attribute choices with their names; `id_key` is `attribute_id` or `id`.
fn attributes(offer: &GgcOffer, game: Option<&GgcGame>, id_key: &str) -> Value {
    let rows: Vec<Value> = offer
        .attributes
        .iter()
        .map(|chosen| {
            let attribute = game.and_then(|g| g.attributes_for(offer.offer_type).find(|a| a.id == chosen.attribute_id));
            let option = attribute.and_then(|a| a.options.iter().find(|o| o.id == chosen.option_id));
            let mut row = serde_json::Map::new();
            row.insert(id_key.into(), json!(chosen.attribute_id));
            row.insert("attribute_name".into(), json!(attribute.map(|a| a.attribute_name.as_str())));
            row.insert("option_id".into(), json!(chosen.option_id));
            row.insert("option_name".into(), json!(option.map(|o| o.name.as_str())));
            Value::Object(row)
        })
        .collect();
    Value::Array(rows)
}

/// An item of `GET /v1/offers` (R's fields, plus D's `old_price`).
pub(crate) fn list_item(offer: &GgcOffer, game: Option<&GgcGame>) -> Value {
    json!({
        "id": offer.id,
        "offer_type": offer.offer_type,
        "title": offer.title,
        "description": offer.description,
        "price": offer.price,
        "old_price": offer.old_price,
        "status": offer.status.as_response(),
        "delivery_method": delivery_method(offer),
        "delivery_time": offer.delivery_time,
        "qty_total": offer.qty_total.to_string(),
        "qty_min": offer.qty_min.to_string(),
        "page_slug": offer.page_slug,
        "game_id": offer.game_id,
        "game_name": game.map(|g| g.name.as_str()),
        "attributes": attributes(offer, game, "attribute_id"),
        "expired_at": offer.expired_at,
        "icon": icon(offer),
        "extra_properties": {"game_currency": game_currency(offer, game)},
    })
}

/// `GET /v1/offers/{id}` (R's fields, plus `old_price`).
pub(crate) fn detail(offer: &GgcOffer, game: Option<&GgcGame>) -> Value {
    let accounts = match offer.offer_type {
        GgcOfferType::Accounts => Value::Array(offer.accounts.iter().map(masked_account).collect()),
        _ => Value::Null,
    };
    json!({
        "id": offer.id,
        "title": offer.title,
        "offer_type": offer.offer_type,
        "description": offer.description,
        "price": offer.price,
        "old_price": offer.old_price,
        "status": offer.status.as_response(),
        "delivery_time": offer.delivery_time,
        "delivery_method": delivery_method(offer),
        "qty_total": offer.qty_total,
        "qty_min": offer.qty_min,
        "game_id": offer.game_id,
        "icon": icon(offer),
        "attributes": attributes(offer, game, "id"),
        "extra_properties": {
            "accounts": accounts,
            "game_currency": game_currency(offer, game),
        },
    })
}

fn masked_account(account: &GgcAccount) -> Value {
    json!({
        "id": account.id,
        "description": account.description,
        "login": mask_start(&account.login),
        "password": "****",
        "email_login": account.email_login.as_deref().map(mask_email),
        "email_password": account.email_password.as_ref().map(|_| "****"),
    })
}

/// R: `epicgamer2024` → `epic*****`: up to 4 leading characters (never more than all but 2).
fn mask_start(text: &str) -> String {
    let keep = text.chars().count().saturating_sub(2).min(4);
    let head: String = text.chars().take(keep).collect();
    format!("{head}*****")
}

/// R: `player@email.com` → `play****@email.com`.
fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let keep = local.chars().count().saturating_sub(2).min(4);
            let head: String = local.chars().take(keep).collect();
            format!("{head}****@{domain}")
        }
        None => mask_start(email),
    }
}

/// An item of `GET /v1/orders` (D's fields).
pub(crate) fn order(order: &GgcOrder) -> Value {
    json!({
        "id": order.id,
        "name": order.name,
        "icon": order.icon.as_ref().map(image),
        "buyer": {"name": order.buyer_name},
        "dispute": order.dispute,
        "paid_at": order.paid_at,
        "quantity": order.quantity,
        "price": order.price,
        "status": order.status,
        "offer_type": order.offer_type,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_like_the_readme() {
        assert_eq!(mask_start("epicgamer2024"), "epic*****");
        assert_eq!(mask_email("player@email.com"), "play****@email.com");
        assert_eq!(mask_start("abc"), "a*****");
        assert_eq!(mask_email("ab@x.io"), "****@x.io");
    }
}
