//! What the GGChest marketplace does that no seller API offers: buyers placing orders.

use serde::{Deserialize, Serialize};

use crate::context::ActionError;
use crate::state::{GgcDispute, GgcImage, GgcOfferStatus, GgcOfferType, GgcOrder, GgcOrderStatus, GgcState};
use crate::{clock, ids};

/// An order to create for a seller. JSON, with defaults for everything but `seller`:
/// `{"seller": KEY, "offer_id": ID, "quantity": 1, "status": "WAITING_DELIVERY",
///   "buyer_name": "Sandbox Buyer", "paid_at": RFC3339 (now), "dispute": {"reason": "…"}}`.
/// With `offer_id` the order is for that offer of the seller: it must be active with
/// `quantity` in stock, and the purchase takes `quantity` off `qty_total` (and, for accounts
/// and auto-delivery items offers, the first `quantity` accounts or items). Without `offer_id`
/// give `name`, `price` and `offer_type`; no offer changes.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct NewOrder {
    pub seller: String,
    pub offer_id: Option<String>,
    pub name: Option<String>,
    pub price: Option<String>,
    pub offer_type: Option<GgcOfferType>,
    pub quantity: Option<u64>,
    pub status: Option<GgcOrderStatus>,
    pub buyer_name: Option<String>,
    pub paid_at: Option<String>,
    pub dispute: Option<NewDispute>,
}

/// A dispute on a new order; `status` defaults to `OPEN`, `beneficiary` to none.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct NewDispute {
    pub reason: String,
    pub status: Option<String>,
    pub beneficiary: Option<String>,
    pub resolution: Option<String>,
}

pub(crate) fn create_order(ggchest: &mut GgcState, order: NewOrder) -> Result<GgcOrder, ActionError> {
    if !ggchest.sellers.contains(&order.seller) {
        return Err(ActionError::not_found("no such GGChest seller"));
    }
    let quantity = order.quantity.unwrap_or(1);
    if quantity == 0 {
        return Err(ActionError::bad_request("quantity must be at least 1"));
    }
    let paid_at = match &order.paid_at {
        Some(text) => clock::parse_iso8601(text)
            .ok_or_else(|| ActionError::bad_request("paid_at must be an ISO 8601 date-time"))?,
        None => clock::now_unix(),
    };
    let (name, price, offer_type, icon) = match &order.offer_id {
        Some(offer_id) => {
            let offer = ggchest
                .offers
                .iter_mut()
                .find(|o| &o.id == offer_id && o.seller == order.seller)
                .ok_or_else(|| ActionError::not_found("no such offer of this seller"))?;
            if offer.status != GgcOfferStatus::Active {
                return Err(ActionError::conflict("buyers can only order active offers"));
            }
            if offer.qty_total < quantity {
                return Err(ActionError::conflict(format!("only {} in stock", offer.qty_total)));
            }
            offer.qty_total -= quantity;
            let sold = quantity as usize;
            if offer.offer_type == GgcOfferType::Accounts {
                offer.accounts.drain(..sold.min(offer.accounts.len()));
            }
            if offer.offer_type == GgcOfferType::Items && !offer.items.is_empty() {
                offer.items.drain(..sold.min(offer.items.len()));
            }
            let icon = offer.icon.as_ref().map(|i| GgcImage { id: i.id.clone(), path: i.path.clone() });
            (
                order.name.clone().unwrap_or_else(|| offer.title.clone()),
                order.price.clone().unwrap_or_else(|| offer.price.clone()),
                offer.offer_type,
                icon,
            )
        }
        None => match (&order.name, &order.price, order.offer_type) {
            (Some(name), Some(price), Some(offer_type)) => (name.clone(), price.clone(), offer_type, None),
            _ => return Err(ActionError::bad_request("without offer_id, give name, price and offer_type")),
        },
    };
    let now = clock::rfc3339(clock::now_unix());
    let created = GgcOrder {
        id: ids::time_ordered_id(),
        seller: order.seller,
        offer_id: order.offer_id,
        name,
        icon,
        buyer_name: order.buyer_name.unwrap_or_else(|| "Sandbox Buyer".to_owned()),
        dispute: order.dispute.map(|d| GgcDispute {
            id: ids::time_ordered_id(),
            reason: d.reason,
            status: d.status.unwrap_or_else(|| "OPEN".to_owned()),
            beneficiary: d.beneficiary,
            resolution: d.resolution,
            created_at: now.clone(),
            updated_at: now.clone(),
        }),
        paid_at: clock::rfc3339(paid_at),
        quantity,
        price,
        status: order.status.unwrap_or(GgcOrderStatus::WaitingDelivery),
        offer_type,
    };
    ggchest.orders.push(created.clone());
    Ok(created)
}
