//! The running sandbox: start, URLs, test controls and marketplace-side actions.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::context::{lock, ActionError, Ctx, Shared};
use crate::faults::Fault;
use crate::gg::market_side::{self as gg_side, GgListingSale, GgOfferSale};
use crate::ggchest::market_side::{self as ggchest_side, NewOrder};
use crate::request_log::LoggedRequest;
use crate::state::{GgModeration, GgcOrder, State};
use crate::{server, DuplicateWording, Market, SandboxConfig};

/// A sandbox serving both markets on `127.0.0.1`. Dropping it stops the server too;
/// `shutdown` also waits for the accept loop to end.
#[derive(Debug)]
pub struct Sandbox {
    ctx: Ctx,
    shutdown: watch::Sender<bool>,
    server: JoinHandle<()>,
}

impl Sandbox {
    /// Binds `127.0.0.1:config.port` (0 = any free port) and starts serving.
    pub async fn start(config: SandboxConfig) -> std::io::Result<Sandbox> {
        let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, config.port))).await?;
        let base_url = format!("http://{}", listener.local_addr()?);
        let ctx = Arc::new(Shared::new(config, base_url));
        let (shutdown, shutdown_rx) = watch::channel(false);
        let server = tokio::spawn(server::serve(listener, server::app(ctx.clone()), shutdown_rx));
        Ok(Sandbox { ctx, shutdown, server })
    }

    /// `http://127.0.0.1:PORT`
    pub fn base_url(&self) -> String {
        self.ctx.base_url.clone()
    }

    /// `{base}/gg/api/partner/v1`: the client appends `/seller/dashboard` etc.
    pub fn gg_base_url(&self) -> String {
        format!("{}/gg/api/partner/v1", self.ctx.base_url)
    }

    /// `{base}/ggchest`: the client appends `/v1/offers` etc.
    pub fn ggchest_base_url(&self) -> String {
        format!("{}/ggchest", self.ctx.base_url)
    }

    /// `{base}/_sandbox`: the admin API.
    pub fn admin_url(&self) -> String {
        format!("{}/_sandbox", self.ctx.base_url)
    }

    /// Lets `key` authenticate on `market`, as a seller with nothing yet.
    pub fn add_seller(&self, market: Market, key: &str) {
        add_seller(&self.ctx, market, key);
    }

    /// Queues a fault for the next matching market requests.
    pub fn inject(&self, fault: Fault) {
        lock(&self.ctx.faults).inject(fault);
    }

    /// How Gaming Goods words duplicate-code refusals from now on (until `reset`).
    pub fn set_duplicate_wording(&self, wording: DuplicateWording) {
        *lock(&self.ctx.duplicate_wording) = wording;
    }

    /// Drops every queued fault.
    pub fn clear_faults(&self) {
        lock(&self.ctx.faults).clear();
    }

    /// The faults still queued, with their remaining counts.
    pub fn pending_faults(&self) -> Vec<Fault> {
        lock(&self.ctx.faults).pending()
    }

    /// A snapshot of both markets.
    pub fn state(&self) -> State {
        self.ctx.store().state.clone()
    }

    /// The market requests so far, in arrival order (admin requests are not logged; past
    /// 10,000 entries the oldest are forgotten).
    pub fn requests(&self) -> Vec<LoggedRequest> {
        lock(&self.ctx.log).clone()
    }

    pub fn clear_requests(&self) {
        lock(&self.ctx.log).clear();
    }

    /// Back to the starting state: seed data, no added sellers, no faults, fresh rate limits,
    /// empty request log.
    pub fn reset(&self) {
        self.ctx.reset();
    }

    /// GG moderation decides on a listing (or puts it back to `pending`).
    pub fn gg_set_moderation(&self, product_id: &str, status: GgModeration) -> Result<(), ActionError> {
        gg_side::set_moderation(&mut self.ctx.store().state.gg, product_id, status)
    }

    /// GG buyers buy up to `count` offer codes of a product, cheapest first.
    pub fn gg_sell_offers(&self, product_id: &str, count: u32) -> Result<Vec<GgOfferSale>, ActionError> {
        gg_side::sell_offers(&mut self.ctx.store().state.gg, product_id, count)
    }

    /// GG buyers buy `count` units of a listing's own stock (it must be on sale).
    pub fn gg_sell_listing(&self, product_id: &str, count: u32) -> Result<Vec<GgListingSale>, ActionError> {
        gg_side::sell_listing(&mut self.ctx.store().state.gg, product_id, count)
    }

    /// GG pays out: the seller's pending rewards become available. Returns the cents moved.
    pub fn gg_settle_rewards(&self, key: &str) -> u64 {
        gg_side::settle_rewards(&mut self.ctx.store().state.gg, key)
    }

    /// A GGChest buyer places an order (see `NewOrder`).
    pub fn ggchest_create_order(&self, order: NewOrder) -> Result<GgcOrder, ActionError> {
        ggchest_side::create_order(&mut self.ctx.store().state.ggchest, order)
    }

    /// Stops accepting, closes every connection and waits for the server task.
    pub async fn shutdown(self) {
        let _ = self.shutdown.send(true);
        let server = self.server;
        let _ = server.await;
    }
}

pub(crate) fn add_seller(ctx: &Ctx, market: Market, key: &str) {
    let mut store = ctx.store();
    let sellers = match market {
        Market::Gg => &mut store.state.gg.sellers,
        Market::GgChest => &mut store.state.ggchest.sellers,
    };
    sellers.insert(key.to_owned());
}
