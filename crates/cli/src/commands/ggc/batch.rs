//! `sellerdesk ggc offers delete|activate|draft|toggle|price`: operations on offers' state.

use crate::{
    args::ggc::{OfferIds, OfferIdsConfirm},
    error::{CliError, CliResult},
    input,
    output::{money, Out},
};
use desk::batch::BatchResult;
use markets::{
    ggchest::{BatchAction, GgcClient, OfferStatus},
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
    action: BatchAction,
    done: Vec<String>,
}

/// A batch's result: all done, or an error that says how far it got and what is left.
fn finish(verb: &str, result: BatchResult, out: &Out) -> CliResult {
    match result.error {
        None => {
            let r = BatchDone { action: result.action, done: result.done };
            out.emit(&r, |r| format!("{verb} {} offer(s).", r.done.len()));
            Ok(())
        }
        Some(e) => {
            let total = result.done.len() + result.not_done.len();
            if !result.done.is_empty() {
                out.note(format!(
                    "{verb} {} of {total} offers before the error; the rest were not sent.",
                    result.done.len()
                ));
            }
            Err(CliError::from(e).with_not_done(result.not_done))
        }
    }
}

async fn batch(client: &GgcClient, action: BatchAction, ids: &[String]) -> CliResult<BatchResult> {
    Ok(desk::batch::run(client, action, ids, |_, _| {}, || false).await?)
}

pub async fn delete(d: OfferIdsConfirm, client: &GgcClient, out: &Out) -> CliResult {
    let ids = input::collect_ids(&d.ids.ids, d.ids.from_file.as_deref())?;
    let what = if ids.len() == 1 { format!("offer {}", ids[0]) } else { format!("{} offers", ids.len()) };
    input::confirm(&format!("Delete {what}? This cannot be undone."), d.yes)?;
    if let [one] = ids.as_slice() {
        // One id: the single-offer endpoint.
        client.delete_offer(one).await?;
        let r = BatchDone { action: BatchAction::Delete, done: ids.clone() };
        out.emit(&r, |_| format!("Deleted offer {one}."));
        return Ok(());
    }
    finish("Deleted", batch(client, BatchAction::Delete, &ids).await?, out)
}

pub async fn set_state(state: State, a: OfferIds, client: &GgcClient, out: &Out) -> CliResult {
    let ids = input::collect_ids(&a.ids, a.from_file.as_deref())?;
    match state {
        State::Active => finish("Activated", batch(client, BatchAction::Activate, &ids).await?, out),
        State::Draft => finish("Moved to draft", batch(client, BatchAction::Draft, &ids).await?, out),
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
    jobs::audit::with_known(desk::audit::known_ggc_price(&price), client.update_price(id, price)).await?;
    let r = Priced { id: id.trim().to_owned(), price };
    out.emit(&r, |r| format!("Set the price of offer {} to {}.", r.id, money::usd(r.price)));
    Ok(())
}
