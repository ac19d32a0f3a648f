//! The layer's marketplace use cases against the sandbox over loopback HTTP: what both faces
//! get when they call them.

use desk::{
    ggc_offers::OfferEdit,
    job_plan::{self, JobSpec, OfferSelection, Paths, Reader},
};
use markets::{
    ggchest::{BatchAction, GgcClient, OfferStatus, OffersFilter},
    ApiKey, ClientConfig, ErrorCode, Market, Pacing,
};
use sandbox::{Sandbox, SandboxConfig, GGCHEST_KEY_A};

const TIME_SCALE: f64 = 0.01;

async fn ggc() -> (Sandbox, GgcClient) {
    let sandbox = Sandbox::start(SandboxConfig { time_scale: TIME_SCALE, ..SandboxConfig::default() }).await.unwrap();
    let config = ClientConfig::new(Market::GgChest, ApiKey::new(GGCHEST_KEY_A))
        .with_base_url(sandbox.ggchest_base_url())
        .with_pacing(Pacing::documented(Market::GgChest).scaled(TIME_SCALE));
    (sandbox, GgcClient::new(config).unwrap())
}

async fn offer_ids(client: &GgcClient, status: Option<OfferStatus>) -> Vec<String> {
    let filter = OffersFilter { status, ..Default::default() };
    client.all_offers(&filter).await.unwrap().into_iter().map(|o| o.id).collect()
}

#[tokio::test]
async fn a_batch_reports_progress_and_stops_between_chunks_when_cancelled() {
    let (_sandbox, client) = ggc().await;
    let drafts = offer_ids(&client, Some(OfferStatus::Draft)).await;
    assert!(!drafts.is_empty(), "the sandbox seeds draft offers");
    let mut seen = Vec::new();
    let done = desk::batch::run(&client, BatchAction::Activate, &drafts, |d, t| seen.push((d, t)), || false).await;
    let done = done.unwrap();
    assert_eq!((done.done.len(), done.not_done.len(), done.error.is_none()), (drafts.len(), 0, true));
    let total = drafts.len() as u64;
    assert_eq!((seen.first(), seen.last()), (Some(&(0, total)), Some(&(total, total))), "{seen:?}");

    // Cancelled before the first chunk: nothing is sent, every id is accounted for.
    let actives = offer_ids(&client, Some(OfferStatus::Active)).await;
    let stopped = desk::batch::run(&client, BatchAction::Draft, &actives, |_, _| {}, || true).await.unwrap();
    assert!(stopped.done.is_empty() && stopped.not_done == actives);
    assert_eq!(stopped.error.map(|e| e.code), Some(ErrorCode::Cancelled));
    assert_eq!(offer_ids(&client, Some(OfferStatus::Active)).await.len(), actives.len(), "nothing moved");
}

#[tokio::test]
async fn an_edit_that_changes_nothing_or_a_bad_price_is_refused_before_anything_is_read() {
    let (sandbox, client) = ggc().await;
    let id = offer_ids(&client, None).await.remove(0);
    let before = sandbox.requests().len();
    let nothing = desk::ggc_offers::edit(&client, &id, OfferEdit::default()).await.unwrap_err();
    assert_eq!(nothing.code, ErrorCode::InvalidInput);
    let bad = OfferEdit { price: Some("1.999".into()), ..Default::default() };
    let bad = desk::ggc_offers::edit(&client, &id, bad).await.unwrap_err();
    assert_eq!((bad.code, bad.fields[0].field.as_str()), (ErrorCode::InvalidInput, "price"));
    assert_eq!(sandbox.requests().len(), before, "no request for a refused edit");

    let edit = OfferEdit { price: Some("12.5".into()), ..Default::default() };
    let edited = desk::ggc_offers::edit(&client, &id, edit).await.unwrap();
    assert_eq!(edited.after.price.map(|p| p.to_string()), Some("12.50".to_owned()));
    assert_ne!(edited.before.price, edited.after.price);
}

#[tokio::test]
async fn a_job_selection_must_say_what_it_selects() {
    let (sandbox, client) = ggc().await;
    let empty = OfferSelection::default();
    let before = sandbox.requests().len();
    let spec = JobSpec::GgcBatch { action: BatchAction::Delete, selection: empty.clone() };
    let err = job_plan::plan(&spec, &Paths, Reader::Ggc(&client)).await.unwrap_err();
    assert_eq!((err.code, err.fields[0].field.as_str()), (ErrorCode::InvalidInput, "selection"));
    assert_eq!(sandbox.requests().len(), before, "an empty selection reads nothing");
    assert!(spec.is_irreversible());

    // "All" said explicitly: every offer.
    let all = OfferSelection { all: Some(true), ..empty };
    let spec = JobSpec::GgcBatch { action: BatchAction::Draft, selection: all };
    let planned = job_plan::plan(&spec, &Paths, Reader::Ggc(&client)).await.unwrap();
    assert_eq!(planned.items(), offer_ids(&client, None).await.len());
}
