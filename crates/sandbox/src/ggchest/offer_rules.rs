//! What each offer type's create and update bodies must contain.
//!
//! Create (guide's tables; O's `required` lists agree for accounts and items):
//! - accounts: game_id, title, description, price, delivery_method, delivery_time, qty_total,
//!   qty_min, attributes, accounts (login, password); `qty_total` must equal the number of
//!   accounts (guide: "should match").
//! - items: the same without accounts; `items[].delivery_info` optional. With auto delivery,
//!   `delivery_time` may be left out (guide: "required for manual delivery only") and when
//!   `items` are sent `qty_total` must equal their number.
//! - currency: game_id, game_currency_id, title, description, price (guide); no
//!   `delivery_method` (guide); delivery_time, qty_total, qty_min and attributes may be left out,
//!   because R lists every currency field as optional and O requires none.
//! - accounts with auto delivery may leave out `delivery_time` too: the guide's own accounts
//!   example sends `"delivery_method": "auto", "delivery_time": null`.
//!
//! Update (D: "Send the full offer data with your changes", stricter than R's "Optional
//! Fields"): title, description, price, delivery_time (unless auto or currency, as on create),
//! qty_total, qty_min, attributes, and for accounts `accounts` — the accounts to ADD, each with
//! `id: null`; `qty_total` must then equal the existing accounts plus the new ones.

use super::error::{says, GgcError, GgcResult};
use super::offer_input::{NewAccount, Reader};
use crate::state::{GgcChosenAttribute, GgcDeliveryMethod, GgcGame, GgcOffer, GgcOfferType, GgcState};

/// A create or update body that passed the 400 checks.
#[derive(Debug, Default)]
pub(crate) struct OfferInput {
    pub game_id: String,
    pub game_currency_id: Option<String>,
    pub title: String,
    pub description: String,
    pub price: String,
    pub old_price: Option<String>,
    pub delivery_method: Option<GgcDeliveryMethod>,
    pub delivery_time: Option<String>,
    pub qty_total: u64,
    pub qty_min: u64,
    pub attributes: Vec<GgcChosenAttribute>,
    pub accounts: Vec<NewAccount>,
    pub items: Vec<String>,
}

/// Checks a create body of `offer_type`.
pub(crate) fn parse_create(offer_type: GgcOfferType, bytes: &[u8]) -> GgcResult<OfferInput> {
    let mut r = Reader::new(bytes)?;
    let game_id = r.uuid("game_id", says::BLANK);
    let game_currency_id = match offer_type {
        // The guide's 400 example for this very case.
        GgcOfferType::Currency => r.uuid("game_currency_id", "Game currency ID is required"),
        _ => None,
    };
    let delivery_method = match offer_type {
        GgcOfferType::Currency => {
            r.not_expected("delivery_method");
            None
        }
        _ => r.delivery_method(),
    };
    let is_goods = offer_type != GgcOfferType::Currency;
    let auto = delivery_method == Some(GgcDeliveryMethod::Auto);
    let mut input = common_fields(&mut r, is_goods && !auto, is_goods);
    input.game_id = game_id.unwrap_or_default();
    input.game_currency_id = game_currency_id;
    input.delivery_method = delivery_method;
    if !is_goods && r.present("qty_min").is_none() {
        // R: optional. Left out, a buyer must buy at least one unit.
        input.qty_min = 1;
    }
    match offer_type {
        GgcOfferType::Accounts => {
            input.accounts = r.accounts(false).unwrap_or_default();
            if r.present("qty_total").is_some() && input.qty_total != input.accounts.len() as u64 {
                r.violation("qty_total", quantity_message("accounts", input.accounts.len()));
            }
        }
        GgcOfferType::Items => {
            // Counted as sent, so a malformed item is not also a quantity mismatch.
            let sent = r.present("items").and_then(|v| v.as_array()).map(Vec::len);
            input.items = r.items().unwrap_or_default();
            if let Some(count) = sent.filter(|&n| auto && n as u64 != input.qty_total) {
                r.violation("qty_total", quantity_message("items", count));
            }
        }
        GgcOfferType::Currency => {}
    }
    r.finish()?;
    Ok(input)
}

/// Checks an update body for `offer` (full data, as D says).
pub(crate) fn parse_update(offer: &GgcOffer, bytes: &[u8]) -> GgcResult<OfferInput> {
    let mut r = Reader::new(bytes)?;
    let auto = offer.delivery_method == Some(GgcDeliveryMethod::Auto);
    let goods = offer.offer_type != GgcOfferType::Currency;
    let mut input = common_fields(&mut r, goods && !auto, true);
    match offer.offer_type {
        GgcOfferType::Accounts => {
            input.accounts = r.accounts(true).unwrap_or_default();
            let expected = offer.accounts.len() + input.accounts.len();
            if r.present("qty_total").is_some() && input.qty_total != expected as u64 {
                r.violation("qty_total", quantity_message("accounts", expected));
            }
        }
        GgcOfferType::Items => input.items = r.items().unwrap_or_default(),
        GgcOfferType::Currency => {}
    }
    r.finish()?;
    input.game_id = offer.game_id.clone();
    input.game_currency_id = offer.game_currency_id.clone();
    input.delivery_method = offer.delivery_method;
    Ok(input)
}

fn quantity_message(what: &str, count: usize) -> String {
    format!("qty_total must equal the number of {what} ({count}).")
}

/// title, description, price, old_price, delivery_time, qty_total, qty_min, attributes.
fn common_fields(r: &mut Reader, delivery_time_required: bool, rest_required: bool) -> OfferInput {
    OfferInput {
        title: r.string("title", true).unwrap_or_default(),
        description: r.string("description", true).unwrap_or_default(),
        price: r.price("price", true).unwrap_or_default(),
        old_price: r.price("old_price", false),
        delivery_time: r.delivery_time(delivery_time_required),
        qty_total: r.integer("qty_total", rest_required).unwrap_or(0),
        qty_min: r.integer("qty_min", rest_required).unwrap_or(0),
        attributes: r.attributes(rest_required).unwrap_or_default(),
        ..OfferInput::default()
    }
}

/// The 422 checks against the dictionary: the game exists and has this offer type, the
/// currency belongs to the game, each attribute option belongs to its attribute of this game and
/// offer type, at most once per attribute. Returns the game.
pub(crate) fn references<'a>(
    ggchest: &'a GgcState,
    offer_type: GgcOfferType,
    input: &OfferInput,
) -> GgcResult<&'a GgcGame> {
    let game = ggchest
        .games
        .iter()
        .find(|g| g.id == input.game_id)
        .ok_or_else(|| GgcError::unprocessable("game_id", "Game not found"))?;
    if !game.offer_types.contains(&offer_type) {
        return Err(GgcError::unprocessable("game_id", format!("Game has no {} offers", offer_type.as_str())));
    }
    let mut errors = Vec::new();
    if let Some(currency_id) = &input.game_currency_id {
        if !game.currencies.iter().any(|c| &c.id == currency_id) {
            errors.push(("game_currency_id", "Currency not found for this game"));
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    let attributes_fit = input.attributes.iter().all(|chosen| {
        let fresh = !seen.contains(&chosen.attribute_id.as_str());
        seen.push(&chosen.attribute_id);
        fresh
            && game
                .attributes_for(offer_type)
                .any(|a| a.id == chosen.attribute_id && a.options.iter().any(|o| o.id == chosen.option_id))
    });
    if !attributes_fit {
        errors.push(("attributes", "Invalid attribute option combination"));
    }
    if errors.is_empty() {
        Ok(game)
    } else {
        Err(GgcError::Unprocessable(errors.into_iter().map(|(p, m)| super::error::Violation::new(p, m)).collect()))
    }
}
