//! A step whose outcome is unknown (sent, then the answer was lost, or the process died) is
//! settled by reading the marketplace back, never by a blind second send:
//!
//! | step | read-back | then |
//! |---|---|---|
//! | GG codes / offers | the send itself: GG refuses codes already stored, naming them | named ones done, rest sent |
//! | GG reprice | the offer list: unsold codes left at the old price? | none: done; some: send again |
//! | GGChest price | `GET /v1/offers/{id}` | at the new price: done; at the old: send; else failed |
//! | GGChest batch | `GET` each offer of the chunk | those in the target state done; the rest sent |
//! | GGChest create | the offers of that game and type | an offer with the exact title and price not yet claimed by this job: done; none: send |
//! | GGChest accounts | `GET` the offer | `qty_total` grew by the accounts: done; unchanged: send; else failed |

use markets::{
    ggchest::{OfferStatus, OfferType, OffersFilter},
    Error,
};
use serde_json::Value;

use crate::{
    clients::Client,
    exec::StepOk,
    ops::{BatchAction, Op},
};

pub(crate) enum Reconciled {
    Done(StepOk),
    /// Not applied (or only partly): send this (maybe smaller) op.
    Resend(Op),
    /// Neither the before nor the after state: someone else changed it. Not sent again.
    Conflict(String),
}

pub(crate) async fn reconcile(
    client: &Client,
    op: &Op,
    before: Option<&Value>,
    claimed: &[String],
) -> Result<Reconciled, Error> {
    match op {
        Op::GgUploadCodes { .. } | Op::GgAddOffers { .. } => Ok(Reconciled::Resend(op.clone())),
        Op::GgReprice { product_id, old_cents, .. } => {
            let offers = client.gg().all_offers().await?;
            let left = offers
                .iter()
                .any(|o| &o.product_id == product_id && o.price_cents.0 == *old_cents as i64 && o.available > 0);
            Ok(if left {
                Reconciled::Resend(op.clone())
            } else {
                Reconciled::Done(StepOk::note("repriced (read back)"))
            })
        }
        Op::GgcSetPrice { offer_id, old, new } => {
            let offer = client.ggc().offer(offer_id).await?;
            let now = offer.price.map(|p| p.to_string()).unwrap_or_default();
            Ok(if same_price(&now, new) {
                Reconciled::Done(StepOk::note(format!("price ${new} (read back)")))
            } else if same_price(&now, old) {
                Reconciled::Resend(op.clone())
            } else {
                Reconciled::Conflict(format!("the price is now ${now}, neither ${old} nor ${new}: changed meanwhile"))
            })
        }
        Op::GgcBatch { action, offer_ids } => {
            let mut rest = Vec::new();
            for id in offer_ids {
                let status = match client.ggc().offer(id).await {
                    Ok(o) => o.status,
                    Err(Error::NotFound { .. }) => Some(OfferStatus::Deleted),
                    Err(e) => return Err(e),
                };
                let target = match action {
                    BatchAction::Activate => OfferStatus::Active,
                    BatchAction::Draft => OfferStatus::Draft,
                    BatchAction::Delete => OfferStatus::Deleted,
                };
                if status != Some(target) {
                    rest.push(id.clone());
                }
            }
            Ok(if rest.is_empty() {
                Reconciled::Done(StepOk::note(format!("{} offers (read back)", offer_ids.len())))
            } else {
                Reconciled::Resend(Op::GgcBatch { action: *action, offer_ids: rest })
            })
        }
        Op::GgcCreate { offer_type, offer } => {
            let text = |k: &str| offer.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
            let filter = OffersFilter {
                offer_type: offer_type.parse::<OfferType>().ok(),
                game_id: Some(text("game_id")),
                ..Default::default()
            };
            let (title, price) = (text("title"), text("price"));
            let found = client.ggc().all_offers(&filter).await?.into_iter().find(|o| {
                o.title.as_deref() == Some(title.as_str())
                    && o.price.is_some_and(|p| same_price(&p.to_string(), &price))
                    && !claimed.contains(&o.id)
            });
            Ok(match found {
                Some(o) => Reconciled::Done(StepOk {
                    created_id: Some(o.id.clone()),
                    ..StepOk::note(format!("created {} (read back)", o.id))
                }),
                None => Reconciled::Resend(op.clone()),
            })
        }
        Op::GgcAddAccounts { offer_id, accounts } => {
            let qty_before = before.and_then(|b| b.get("qty_total")).and_then(Value::as_u64);
            let offer = client.ggc().offer(offer_id).await?;
            let now = offer.qty_total.unwrap_or_default();
            Ok(match qty_before {
                Some(b) if now == b + accounts.len() as u64 => {
                    Reconciled::Done(StepOk::note(format!("{} accounts added (read back)", accounts.len())))
                }
                // Never read (killed before the read) or read and unchanged: not applied.
                None => Reconciled::Resend(op.clone()),
                Some(b) if now == b => Reconciled::Resend(op.clone()),
                Some(b) => Reconciled::Conflict(format!(
                    "qty_total is {now}, expected {b} (not applied) or {} (applied): changed meanwhile",
                    b + accounts.len() as u64
                )),
            })
        }
    }
}

/// `66.3` and `66.30` are the same price.
fn same_price(a: &str, b: &str) -> bool {
    match (a.parse::<rust_decimal::Decimal>(), b.parse::<rust_decimal::Decimal>()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}
