//! The Gaming Goods Seller API (`https://gaming-goods.ru/api/partner/v1`, header `X-API-Key`).
//!
//! Listings are the seller's own products (moderated); offers put codes on ANY marketplace
//! product (C2C), priced in euro cents.

mod errors;
pub mod refused_codes;
pub mod types;
mod validate;

pub use refused_codes::{send_setting_refused_aside, CodesSent, Splitting};
pub use types::*;

use crate::{
    http::{ClientConfig, Repeat, Request, Transport},
    validation::path_id,
    Cents, Market, Result,
};
use futures::{stream, Stream, TryStreamExt};

/// Largest page either list endpoint allows.
pub const MAX_PAGE_SIZE: u32 = 100;

pub struct GgClient {
    transport: Transport,
}

impl GgClient {
    pub fn new(config: ClientConfig) -> Result<Self> {
        Ok(GgClient { transport: Transport::new(Market::GamingGoods, config, "X-API-Key", errors::decode)? })
    }

    pub fn base_url(&self) -> &str {
        self.transport.base_url()
    }

    /// The pacing this client's key shares with every other client of it in this process.
    pub fn limiter(&self) -> &std::sync::Arc<crate::http::RateLimiter> {
        self.transport.limiter()
    }

    /// `GET /seller/dashboard`: products, sales and payouts. Also the cheapest call to check a key.
    pub async fn dashboard(&self) -> Result<Dashboard> {
        self.transport.json(&Request::get("/seller/dashboard")).await
    }

    /// `GET /seller/products` with `limit` (1..=100) and `offset`.
    pub async fn products(&self, limit: u32, offset: u64) -> Result<ProductPage> {
        validate::page_size("limit", limit)?;
        let req = Request::get("/seller/products").query("limit", limit).query("offset", offset);
        self.transport.json(&req).await
    }

    /// Every product, page by page (100 a page), as a stream: a screen can show progress.
    /// The offset moves by what each page held (the server may page by less than asked); the
    /// end is `total`, or, if an answer has none, the first page that is not full.
    pub fn product_pages(&self) -> impl Stream<Item = Result<ProductPage>> + '_ {
        stream::try_unfold((Some(0u64), None), move |(offset, previous)| async move {
            let Some(offset) = offset else {
                return Ok(None);
            };
            let page = self.products(MAX_PAGE_SIZE, offset).await?;
            let next = offset + page.items.len() as u64;
            let size = if page.limit > 0 { page.limit.min(MAX_PAGE_SIZE) } else { MAX_PAGE_SIZE };
            let more = match page.total {
                0 => is_full(page.items.len(), size) && previous.as_ref() != Some(&page.items),
                total => !page.items.is_empty() && next < total,
            };
            let items = page.items.clone();
            Ok(Some((page, (more.then_some(next), Some(items)))))
        })
    }

    /// Every product of the seller.
    pub async fn all_products(&self) -> Result<Vec<Product>> {
        let pages: Vec<ProductPage> = self.product_pages().try_collect().await?;
        Ok(pages.into_iter().flat_map(|p| p.items).collect())
    }

    /// `POST /seller/products`: a new listing (moderated). Never repeated blindly.
    pub async fn create_product(&self, product: &NewProduct) -> Result<Product> {
        validate::new_product(product)?;
        let req = Request::post("/seller/products", Repeat::Unsafe).json(product);
        Ok(self.transport.json::<ProductEnvelope>(&req).await?.product)
    }

    /// `GET /seller/products/{productId}`: one of the seller's own products.
    pub async fn product(&self, product_id: &str) -> Result<Product> {
        let id = path_id("product_id", product_id)?;
        self.transport.json(&Request::get(format!("/seller/products/{id}")).about(format!("product {id}"))).await
    }

    /// `PUT /seller/products/{productId}`: changes the given fields; significant edits go back
    /// to moderation. Setting the same values twice changes nothing more, so it is repeatable.
    pub async fn update_product(&self, product_id: &str, update: &ProductUpdate) -> Result<Product> {
        let id = path_id("product_id", product_id)?;
        validate::product_update(update)?;
        let req =
            Request::put(format!("/seller/products/{id}"), Repeat::Safe).json(update).about(format!("product {id}"));
        Ok(self.transport.json::<ProductEnvelope>(&req).await?.product)
    }

    /// `POST /seller/products/{productId}/deactivate`: off sale (`is_active = false`).
    pub async fn deactivate_product(&self, product_id: &str) -> Result<Product> {
        let id = path_id("product_id", product_id)?;
        let req =
            Request::post(format!("/seller/products/{id}/deactivate"), Repeat::Safe).about(format!("product {id}"));
        Ok(self.transport.json::<ProductEnvelope>(&req).await?.product)
    }

    /// Puts a deactivated listing back on sale ("Re-enable via PUT").
    pub async fn reactivate_product(&self, product_id: &str) -> Result<Product> {
        self.update_product(product_id, &ProductUpdate { is_active: Some(true), ..Default::default() }).await
    }

    /// `POST /seller/products/{productId}/codes`: more stock for an own AUTO listing. Codes must
    /// be unique and non-blank (the application layer, `desk::files::codes`, cleans a pasted list).
    pub async fn upload_codes(&self, product_id: &str, codes: &[String]) -> Result<CodesUploaded> {
        let id = path_id("product_id", product_id)?;
        validate::codes(codes)?;
        // While this request is sent and logged, no line may carry one of its codes.
        let _codes = logs::scoped_secrets(codes.iter().map(String::as_str));
        let body = CodesUpload { codes: codes.to_vec() };
        let req = Request::post(format!("/seller/products/{id}/codes"), Repeat::Unsafe)
            .json(&body)
            .about(format!("product {id}"));
        self.transport.json(&req).await
    }

    /// `POST /seller/offers`: codes on any marketplace product at `price_cents`.
    pub async fn add_offers(&self, offers: &NewOffers) -> Result<OffersAdded> {
        validate::new_offers(offers)?;
        let _codes = logs::scoped_secrets(offers.codes.iter().map(String::as_str));
        let req = Request::post("/seller/offers", Repeat::Unsafe)
            .json(offers)
            .about(format!("product {}", offers.product_id));
        self.transport.json(&req).await
    }

    /// `GET /seller/offers` with `page` (from 1) and `page_size` (1..=100).
    pub async fn offers(&self, page: u32, page_size: u32) -> Result<OfferPage> {
        validate::page_size("page_size", page_size)?;
        if page == 0 {
            return Err(crate::Error::invalid_field("page", "pages are numbered from 1"));
        }
        self.transport.json(&Request::get("/seller/offers").query("page", page).query("page_size", page_size)).await
    }

    /// Every offer of the seller, page by page. The end is `total` counted in offers received
    /// (the server may page by less than the 100 asked: its example shows `"page_size": 20`),
    /// or, if an answer has no `total`, the first page that is not full.
    pub fn offer_pages(&self) -> impl Stream<Item = Result<OfferPage>> + '_ {
        stream::try_unfold((Some(1u32), 0u64, None), move |(page, seen, previous)| async move {
            let Some(page) = page else { return Ok(None) };
            let p = self.offers(page, MAX_PAGE_SIZE).await?;
            let seen = seen + p.offers.len() as u64;
            let size = if p.page_size > 0 { p.page_size.min(MAX_PAGE_SIZE) } else { MAX_PAGE_SIZE };
            let more = match p.total {
                0 => is_full(p.offers.len(), size) && previous.as_ref() != Some(&p.offers),
                total => !p.offers.is_empty() && seen < total,
            };
            let items = p.offers.clone();
            Ok(Some((p, (more.then_some(page + 1), seen, Some(items)))))
        })
    }

    pub async fn all_offers(&self) -> Result<Vec<Offer>> {
        let pages: Vec<OfferPage> = self.offer_pages().try_collect().await?;
        Ok(pages.into_iter().flat_map(|p| p.offers).collect())
    }

    /// `PATCH /seller/offers/{productId}/price`: moves the unsold offers at `old` to `new`.
    /// Repeating it finds nothing left at `old`, so it is safe to retry.
    pub async fn reprice_offers(&self, product_id: &str, old: Cents, new: Cents) -> Result<Repriced> {
        let id = path_id("product_id", product_id)?;
        let body = Reprice { old_price_cents: old, new_price_cents: new };
        validate::reprice(&body)?;
        let req = Request::patch(format!("/seller/offers/{id}/price"), Repeat::Safe)
            .json(&body)
            .about(format!("offers on product {id}"));
        self.transport.json(&req).await
    }

    /// `DELETE /seller/offers/{productId}`: removes all unsold offers on the product; sold ones stay.
    pub async fn delete_offers(&self, product_id: &str) -> Result<OffersDeleted> {
        let id = path_id("product_id", product_id)?;
        self.transport
            .json(&Request::delete(format!("/seller/offers/{id}")).about(format!("offers on product {id}")))
            .await
    }
}

/// Without a `total`, a page as long as the page size may have more after it. (A server that
/// ignores the offset and repeats the same full page is stopped by the callers' comparison.)
fn is_full(len: usize, size: u32) -> bool {
    len > 0 && len as u64 >= size as u64
}
