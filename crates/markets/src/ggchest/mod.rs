//! The GGChest Seller API (`https://sellerapi.ggchest.com`, header `X-API-KEY`).
//!
//! Offers of three types (accounts, currency, items) for games whose attributes and currencies
//! come from the dictionary endpoints; batch activate / draft / delete; icons; orders.

pub mod enums;
mod errors;
pub mod icon;
pub mod requests;
pub mod types;
mod validate;

pub use enums::*;
pub use icon::{IconFile, ImageKind};
pub use requests::*;
pub use types::*;
pub use validate::{is_uuid, offer_ids as validate_offer_ids, MAX_BATCH};

/// The checks a create request gets before it is sent, for callers that check many before
/// sending any (a bulk job's file).
pub mod check {
    pub use super::validate::{new_accounts_offer, new_currency_offer, new_items_offer};
}

use crate::{
    http::{ClientConfig, Repeat, Request, Transport},
    validation::Violations,
    Error, Market, Result, UsdPrice,
};
use futures::{stream, Stream, TryStreamExt};

/// Filters of `GET /v1/games`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GamesQuery {
    pub offer_type: Option<OfferType>,
    /// `sort[field]=name` with this direction.
    pub sort_by_name: Option<SortDirection>,
}

/// Filters of `GET /v1/offers`.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OffersFilter {
    pub status: Option<OfferStatus>,
    pub offer_type: Option<OfferType>,
    pub game_id: Option<String>,
}

/// Filters of `GET /v1/orders` (docs site).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OrdersFilter {
    pub status: Option<OrderStatus>,
    /// ISO 8601 date or date-time.
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    /// `sort[field]=paid_at` with this direction.
    pub sort_by_paid_at: Option<SortDirection>,
}

/// What a batch operation over any number of offers came to: ids are sent in chunks of 100, in
/// order, and the first chunk that fails stops the rest.
#[derive(Debug)]
pub struct BatchOutcome {
    /// Ids whose chunk succeeded.
    pub done: Vec<String>,
    /// Ids of the failed chunk and of the chunks not sent after it.
    pub not_done: Vec<String>,
    pub error: Option<Error>,
    /// The progress callback stopped it before a chunk (a cancel): `not_done` were not sent.
    pub stopped: bool,
}

impl BatchOutcome {
    pub fn into_result(self) -> Result<Vec<String>> {
        match self.error {
            None => Ok(self.done),
            Some(e) => Err(e),
        }
    }
}

/// What a batch operation does to every offer it names (`PUT /v1/offers/activate`,
/// `PUT /v1/offers/draft`, `DELETE /v1/offers`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum BatchAction {
    Activate,
    Draft,
    Delete,
}

/// Whether a batch goes on to its next chunk (the answer of its progress callback).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoOn {
    Yes,
    /// Stop before the next chunk: it and the rest are `not_done`, with no error.
    Stop,
}

pub struct GgcClient {
    transport: Transport,
}

/// Largest `pagination[per_page]` (README: max 100).
pub const MAX_PER_PAGE: u32 = 100;

impl GgcClient {
    pub fn new(config: ClientConfig) -> Result<Self> {
        Ok(GgcClient { transport: Transport::new(Market::GgChest, config, "X-API-KEY", errors::decode)? })
    }

    pub fn base_url(&self) -> &str {
        self.transport.base_url()
    }

    pub fn limiter(&self) -> &std::sync::Arc<crate::http::RateLimiter> {
        self.transport.limiter()
    }

    // ----- dictionaries -----

    /// `GET /v1/games`, optionally only games with offers of a type, sorted by name.
    pub async fn games(&self, query: &GamesQuery) -> Result<Vec<Game>> {
        let mut v = Violations::new();
        validate::known_choice!(v, "filters[offer_type]", &query.offer_type, OfferType);
        validate::known_choice!(v, "sort[direction]", &query.sort_by_name, SortDirection);
        v.finish()?;
        let mut req = Request::get("/v1/games").query_opt("filters[offer_type]", query.offer_type.as_ref());
        if let Some(dir) = &query.sort_by_name {
            req = req.query("sort[field]", "name").query("sort[direction]", dir);
        }
        self.transport.json(&req).await
    }

    /// `GET /v1/games/{id}/currency`: the currencies a currency offer of this game can sell.
    pub async fn game_currencies(&self, game_id: &str) -> Result<Vec<GameCurrency>> {
        let id = validate::uuid_path("game_id", game_id)?;
        let req = Request::get(format!("/v1/games/{id}/currency")).about(format!("game {id}"));
        Ok(self.transport.json::<GameCurrencies>(&req).await?.0)
    }

    /// `GET /v1/games/{id}/{offerType}/attributes`: attributes and their options.
    pub async fn attributes(&self, game_id: &str, offer_type: &OfferType) -> Result<Vec<Attribute>> {
        let id = validate::uuid_path("game_id", game_id)?;
        if !offer_type.is_known() {
            return Err(Error::invalid_field(
                "offer_type",
                format!("`{offer_type}` is not valid: use {}", OfferType::choices()),
            ));
        }
        let req = Request::get(format!("/v1/games/{id}/{offer_type}/attributes")).about(format!("game {id}"));
        self.transport.json(&req).await
    }

    // ----- offers: read -----

    /// `GET /v1/offers`: one page (`per_page` 1..=100), filtered.
    pub async fn offers(&self, filter: &OffersFilter, page: u32, per_page: u32) -> Result<Page<Offer>> {
        validate::page("pagination[page]", per_page, page)?;
        let mut v = Violations::new();
        validate::known_choice!(v, "filters[status]", &filter.status, OfferStatus);
        validate::known_choice!(v, "filters[offer_type]", &filter.offer_type, OfferType);
        if let Some(game) = &filter.game_id {
            validate::uuid(&mut v, "filters[game_id]", game);
        }
        v.finish()?;
        let req = Request::get("/v1/offers")
            .query("pagination[page]", page)
            .query("pagination[per_page]", per_page)
            // The spec's filter enum is lower case; the README's example upper case. Send the spec's.
            .query_opt("filters[status]", filter.status.as_ref())
            .query_opt("filters[offer_type]", filter.offer_type.as_ref())
            .query_opt("filters[game_id]", filter.game_id.as_deref().map(str::trim));
        self.transport.json(&req).await
    }

    /// Every matching offer, 100 a page, as a stream of pages.
    pub fn offer_pages<'a>(&'a self, filter: &'a OffersFilter) -> impl Stream<Item = Result<Page<Offer>>> + 'a {
        pages(move |page| self.offers(filter, page, MAX_PER_PAGE))
    }

    pub async fn all_offers(&self, filter: &OffersFilter) -> Result<Vec<Offer>> {
        let pages: Vec<Page<Offer>> = self.offer_pages(filter).try_collect().await?;
        Ok(pages.into_iter().flat_map(|p| p.items).collect())
    }

    /// `GET /v1/offers/{id}`.
    pub async fn offer(&self, offer_id: &str) -> Result<Offer> {
        let id = validate::uuid_path("offer_id", offer_id)?;
        self.transport.json(&Request::get(format!("/v1/offers/{id}")).about(format!("offer {id}"))).await
    }

    // ----- offers: create -----

    /// `POST /v1/offers/accounts`. Created as a draft. Never repeated blindly.
    pub async fn create_accounts_offer(&self, offer: &NewAccountsOffer) -> Result<Created> {
        validate::new_accounts_offer(offer)?;
        let _passwords = logs::scoped_secrets(offer.accounts.iter().flat_map(AccountCredentials::passwords));
        self.transport.json(&Request::post("/v1/offers/accounts", Repeat::Unsafe).json(&offer.to_wire())).await
    }

    /// `POST /v1/offers/currency`. Created as a draft.
    pub async fn create_currency_offer(&self, offer: &NewCurrencyOffer) -> Result<Created> {
        validate::new_currency_offer(offer)?;
        self.transport.json(&Request::post("/v1/offers/currency", Repeat::Unsafe).json(offer)).await
    }

    /// `POST /v1/offers/items`. Created as a draft.
    pub async fn create_items_offer(&self, offer: &NewItemsOffer) -> Result<Created> {
        validate::new_items_offer(offer)?;
        self.transport.json(&Request::post("/v1/offers/items", Repeat::Unsafe).json(&offer.to_wire())).await
    }

    // ----- offers: update -----

    /// `PUT /v1/offers/accounts/{id}`: the full offer; `accounts` are accounts to add. Adding
    /// accounts twice would sell them twice, so with accounts it is never repeated blindly.
    pub async fn update_accounts_offer(&self, offer_id: &str, update: &AccountsOfferUpdate) -> Result<()> {
        let id = validate::uuid_path("offer_id", offer_id)?;
        validate::accounts_offer_update(update)?;
        let _passwords = logs::scoped_secrets(update.accounts.iter().flat_map(|a| a.0.passwords()));
        let repeat = if update.accounts.is_empty() { Repeat::Safe } else { Repeat::Unsafe };
        self.transport
            .ack(&Request::put(format!("/v1/offers/accounts/{id}"), repeat).json(update).about(format!("offer {id}")))
            .await
    }

    /// `PUT /v1/offers/currency/{id}`: the full offer.
    pub async fn update_currency_offer(&self, offer_id: &str, update: &OfferUpdate) -> Result<()> {
        self.put_offer_update(&OfferType::Currency, offer_id, update).await
    }

    /// `PUT /v1/offers/items/{id}`: the full offer.
    pub async fn update_items_offer(&self, offer_id: &str, update: &OfferUpdate) -> Result<()> {
        self.put_offer_update(&OfferType::Items, offer_id, update).await
    }

    async fn put_offer_update(&self, offer_type: &OfferType, offer_id: &str, update: &OfferUpdate) -> Result<()> {
        let id = validate::uuid_path("offer_id", offer_id)?;
        validate::offer_update(update)?;
        let path = requests::update_path(offer_type, &id)?;
        self.transport.ack(&Request::put(path, Repeat::Safe).json(update).about(format!("offer {id}"))).await
    }

    /// Reads the offer, applies `edit` to its full data, and sends it back: the way to change
    /// one field when the API wants the whole offer. For accounts offers, accounts to add go in
    /// `add_accounts`, and `qty_total` grows by their number unless `edit` set it.
    pub async fn edit_offer(
        &self,
        offer_id: &str,
        edit: impl FnOnce(&mut OfferUpdate),
        add_accounts: Vec<AccountCredentials>,
    ) -> Result<Offer> {
        let current = self.offer(offer_id).await?;
        let mut update = OfferUpdate::from_offer(&current)?;
        let before_qty = update.qty_total;
        edit(&mut update);
        let offer_type = current.offer_type.clone().unwrap_or(OfferType::Unknown(String::new()));
        match offer_type {
            OfferType::Accounts => {
                if update.qty_total == before_qty {
                    update.qty_total += add_accounts.len() as u64;
                }
                self.update_accounts_offer(&current.id, &update.with_accounts(add_accounts)).await?;
            }
            other => {
                if !add_accounts.is_empty() {
                    return Err(Error::invalid_field(
                        "accounts",
                        format!("offer {} is a {other} offer: only accounts offers take accounts", current.id),
                    ));
                }
                self.put_offer_update(&other, &current.id, &update).await?;
            }
        }
        Ok(current)
    }

    /// `PUT /v1/offers/{id}/price` (US dollars, 2 decimals).
    pub async fn update_price(&self, offer_id: &str, price: UsdPrice) -> Result<()> {
        let id = validate::uuid_path("offer_id", offer_id)?;
        validate::price_update(&price)?;
        let req = Request::put(format!("/v1/offers/{id}/price"), Repeat::Safe)
            .json(&PriceUpdate { price })
            .about(format!("offer {id}"));
        self.transport.ack(&req).await
    }

    /// `PUT /v1/offers/{id}/toggle`: active ↔ draft. A second send undoes the first, so it is
    /// never repeated blindly.
    pub async fn toggle(&self, offer_id: &str) -> Result<()> {
        let id = validate::uuid_path("offer_id", offer_id)?;
        self.transport
            .ack(&Request::put(format!("/v1/offers/{id}/toggle"), Repeat::Unsafe).about(format!("offer {id}")))
            .await
    }

    // ----- offers: delete and batches -----

    /// `DELETE /v1/offers/{id}`.
    pub async fn delete_offer(&self, offer_id: &str) -> Result<()> {
        let id = validate::uuid_path("offer_id", offer_id)?;
        let req = Request::delete(format!("/v1/offers/{id}")).about(format!("offer {id}")).gone_means_done();
        self.transport.ack(&req).await
    }

    /// `PUT /v1/offers/activate`, in chunks of 100.
    pub async fn activate_offers(&self, ids: &[String]) -> Result<BatchOutcome> {
        self.batch(BatchAction::Activate, ids).await
    }

    /// `PUT /v1/offers/draft`, in chunks of 100.
    pub async fn draft_offers(&self, ids: &[String]) -> Result<BatchOutcome> {
        self.batch(BatchAction::Draft, ids).await
    }

    /// `DELETE /v1/offers`, in chunks of 100.
    pub async fn delete_offers(&self, ids: &[String]) -> Result<BatchOutcome> {
        self.batch(BatchAction::Delete, ids).await
    }

    /// One chunk (1 to 100 unique ids) of a batch operation.
    async fn batch_chunk(&self, action: BatchAction, ids: &[String]) -> Result<()> {
        let body = OfferIds { offers_ids: ids.to_vec() };
        // Setting a state (or deleting) twice leaves the same result: safe to repeat.
        let req = match action {
            BatchAction::Activate => Request::put("/v1/offers/activate", Repeat::Safe),
            BatchAction::Draft => Request::put("/v1/offers/draft", Repeat::Safe),
            BatchAction::Delete => Request::delete("/v1/offers"),
        };
        self.transport.ack(&req.json(&body).about(format!("one of {} offers", ids.len()))).await
    }

    /// `action` on every offer of `ids`, in chunks of 100.
    async fn batch(&self, action: BatchAction, ids: &[String]) -> Result<BatchOutcome> {
        self.batch_with_progress(action, ids, |_| GoOn::Yes).await
    }

    /// `action` on every offer of `ids`, in chunks of 100 in order; `progress` hears how many are
    /// done before each chunk and after the last, and may stop the batch between chunks. The
    /// whole selection is validated before the first chunk goes out (a repeat across two chunks
    /// would otherwise show only in the second, after the first was applied); the first chunk
    /// that fails stops the rest.
    pub async fn batch_with_progress(
        &self,
        action: BatchAction,
        ids: &[String],
        mut progress: impl FnMut(usize) -> GoOn,
    ) -> Result<BatchOutcome> {
        validate::offer_ids(ids)?;
        let mut outcome =
            BatchOutcome { done: Vec::with_capacity(ids.len()), not_done: Vec::new(), error: None, stopped: false };
        let mut chunks = ids.chunks(MAX_BATCH);
        while let Some(chunk) = chunks.next() {
            if progress(outcome.done.len()) == GoOn::Stop {
                outcome.stopped = true;
                outcome.not_done.extend_from_slice(chunk);
                break;
            }
            match self.batch_chunk(action, chunk).await {
                Ok(()) => outcome.done.extend_from_slice(chunk),
                Err(e) => {
                    outcome.not_done.extend_from_slice(chunk);
                    outcome.error = Some(e);
                    break;
                }
            }
        }
        for rest in chunks {
            outcome.not_done.extend_from_slice(rest);
        }
        if outcome.error.is_none() && !outcome.stopped {
            progress(outcome.done.len());
        }
        Ok(outcome)
    }

    // ----- icons -----

    /// `POST /v1/offers/{id}/icon` (multipart field `icon`). Never repeated blindly.
    pub async fn attach_icon(&self, offer_id: &str, icon: &IconFile) -> Result<AttachedIcon> {
        let id = validate::uuid_path("offer_id", offer_id)?;
        let req = Request::post(format!("/v1/offers/{id}/icon"), Repeat::Unsafe)
            .file("icon", icon.file_name.clone(), icon.kind.mime(), icon.bytes.clone())
            .about(format!("offer {id}"));
        self.transport.json(&req).await
    }

    /// `DELETE /v1/offers/{offerId}/icon/{iconId}`.
    pub async fn delete_icon(&self, offer_id: &str, icon_id: &str) -> Result<()> {
        let offer = validate::uuid_path("offer_id", offer_id)?;
        let icon = validate::uuid_path("icon_id", icon_id)?;
        self.transport
            .ack(
                &Request::delete(format!("/v1/offers/{offer}/icon/{icon}"))
                    .about(format!("icon {icon} of offer {offer}"))
                    .gone_means_done(),
            )
            .await
    }

    // ----- orders -----

    /// `GET /v1/orders` (docs site): one page, filtered and sorted.
    pub async fn orders(&self, filter: &OrdersFilter, page: u32, per_page: u32) -> Result<Page<Order>> {
        validate::page("pagination[page]", per_page, page)?;
        let mut v = Violations::new();
        validate::known_choice!(v, "filters[status]", &filter.status, OrderStatus);
        validate::known_choice!(v, "sort[direction]", &filter.sort_by_paid_at, SortDirection);
        validate::iso_date(&mut v, "filters[date_from]", &filter.date_from);
        validate::iso_date(&mut v, "filters[date_to]", &filter.date_to);
        v.finish()?;
        let mut req = Request::get("/v1/orders")
            .query("pagination[page]", page)
            .query("pagination[per_page]", per_page)
            .query_opt("filters[status]", filter.status.as_ref())
            .query_opt("filters[date_from]", filter.date_from.as_deref())
            .query_opt("filters[date_to]", filter.date_to.as_deref());
        if let Some(dir) = &filter.sort_by_paid_at {
            req = req.query("sort[field]", "paid_at").query("sort[direction]", dir);
        }
        self.transport.json(&req).await
    }

    pub fn order_pages<'a>(&'a self, filter: &'a OrdersFilter) -> impl Stream<Item = Result<Page<Order>>> + 'a {
        pages(move |page| self.orders(filter, page, MAX_PER_PAGE))
    }

    pub async fn all_orders(&self, filter: &OrdersFilter) -> Result<Vec<Order>> {
        let pages: Vec<Page<Order>> = self.order_pages(filter).try_collect().await?;
        Ok(pages.into_iter().flat_map(|p| p.items).collect())
    }
}

/// Pages 1, 2, … until `page_count` is reached (the server's, for whatever `per_page` it used)
/// or a page comes back empty. An answer without `pagination` (or with only `total_count`) is
/// read until `total_count` items have come, or else until a page that is not full.
fn pages<'a, T: PartialEq + Clone + 'a, F, Fut>(fetch: F) -> impl Stream<Item = Result<Page<T>>> + 'a
where
    F: Fn(u32) -> Fut + 'a,
    Fut: std::future::Future<Output = Result<Page<T>>> + 'a,
{
    stream::try_unfold((Some(1u32), 0u64, None::<Vec<T>>, fetch), |(page, seen, previous, fetch)| async move {
        let Some(n) = page else { return Ok(None) };
        let p = fetch(n).await?;
        let seen = seen + p.items.len() as u64;
        let info = &p.pagination;
        let per_page = if info.per_page > 0 { info.per_page.min(MAX_PER_PAGE as u64) } else { MAX_PER_PAGE as u64 };
        let more = !p.items.is_empty()
            && if info.page_count > 0 {
                (n as u64) < info.page_count
            } else if info.total_count > 0 {
                seen < info.total_count
            } else {
                // No pagination at all: a full page may have more after it (unless the server
                // ignored the page number and sent the same page again).
                p.items.len() as u64 >= per_page && previous.as_ref() != Some(&p.items)
            };
        let items = p.items.clone();
        Ok(Some((p, (more.then_some(n + 1), seen, Some(items), fetch))))
    })
}
