//! `sellerdesk ggc offers delete|activate|draft|toggle|price`: operations on offers' state.

use crate::{
    args::ggc::{OfferIds, OfferIdsConfirm},
    error::{CliError, CliResult},
    input,
    output::{money, Out},
};
use markets::{
    ggchest::{BatchOutcome, GgcClient, OfferStatus},
    UsdPrice,
};
use serde::Serialize;

#[derive(Debug, Clone, Copy)]
pub enum State {
    Active,
    Draft,
}

/// What a batch did: the ids done, in order.
#[derive(Serialize)]
struct BatchDone {
    action: &'static str,
    done: Vec<String>,
}

/// A batch's result: all done, or an error that says how far it got and what is left.
fn finish(action: &'static str, verb: &str, outcome: BatchOutcome, out: &Out) -> CliResult {
    match outcome.error {
        None => {
            let r = BatchDone { action, done: outcome.done };
            out.emit(&r, |r| format!("{verb} {} offer(s).", r.done.len()));
            Ok(())
        }
        Some(e) => {
            let total = outcome.done.len() + outcome.not_done.len();
            if !outcome.done.is_empty() {
                out.note(format!(
                    "{verb} {} of {total} offers before the error; the rest were not sent.",
                    outcome.done.len()
                ));
            }
            Err(CliError::from(e).with_not_done(outcome.not_done))
        }
    }
}

pub async fn delete(d: OfferIdsConfirm, client: &GgcClient, out: &Out) -> CliResult {
    let ids = input::collect_ids(&d.ids.ids, d.ids.from_file.as_deref())?;
    let what = if ids.len() == 1 { format!("offer {}", ids[0]) } else { format!("{} offers", ids.len()) };
    input::confirm(&format!("Delete {what}? This cannot be undone."), d.yes)?;
    if let [one] = ids.as_slice() {
        // One id: the single-offer endpoint, which also takes non-UUID ids.
        client.delete_offer(one).await?;
        let r = BatchDone { action: "delete", done: ids.clone() };
        out.emit(&r, |_| format!("Deleted offer {one}."));
        return Ok(());
    }
    let outcome = client.delete_offers(&ids).await?;
    finish("delete", "Deleted", outcome, out)
}

pub async fn set_state(state: State, a: OfferIds, client: &GgcClient, out: &Out) -> CliResult {
    let ids = input::collect_ids(&a.ids, a.from_file.as_deref())?;
    match state {
        State::Active => finish("activate", "Activated", client.activate_offers(&ids).await?, out),
        State::Draft => finish("draft", "Moved to draft", client.draft_offers(&ids).await?, out),
    }
}

#[derive(Serialize)]
struct Toggled {
    id: String,
    /// The status read back after the toggle (absent if it could not be read).
    status: Option<OfferStatus>,
}

pub async fn toggle(id: &str, client: &GgcClient, out: &Out) -> CliResult {
    client.toggle(id).await?;
    // The toggle flips whatever the state was: read it back so the seller sees where it landed.
    let status = client.offer(id).await.ok().and_then(|o| o.status);
    let r = Toggled { id: id.trim().to_owned(), status };
    out.emit(&r, |r| match &r.status {
        Some(s) => format!("Toggled offer {}: it is now {}.", r.id, s.as_str().to_lowercase()),
        None => format!("Toggled offer {}.", r.id),
    });
    Ok(())
}

#[derive(Serialize)]
struct Priced {
    id: String,
    price: UsdPrice,
}

pub async fn price(id: &str, price: &str, client: &GgcClient, out: &Out) -> CliResult {
    let price = UsdPrice::parse(price).map_err(|m| CliError::invalid("price", m))?;
    client.update_price(id, price).await?;
    let r = Priced { id: id.trim().to_owned(), price };
    out.emit(&r, |r| format!("Set the price of offer {} to {}.", r.id, money::usd(r.price)));
    Ok(())
}
