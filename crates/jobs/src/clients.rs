//! The client a job runs with: one marketplace, one key. Its rate limiter is the one every
//! client of that key in the process shares, so a job and the app never together exceed the
//! documented limits, and the job needs no pacing of its own.

use markets::{gg::GgClient, ggchest::GgcClient, Market, Pacing};

pub enum Client {
    Gg(GgClient),
    Ggc(GgcClient),
}

impl Client {
    pub fn market(&self) -> Market {
        match self {
            Client::Gg(_) => Market::GamingGoods,
            Client::Ggc(_) => Market::GgChest,
        }
    }

    pub fn base_url(&self) -> &str {
        match self {
            Client::Gg(c) => c.base_url(),
            Client::Ggc(c) => c.base_url(),
        }
    }

    pub fn pacing(&self) -> Pacing {
        match self {
            Client::Gg(c) => c.limiter().pacing().clone(),
            Client::Ggc(c) => c.limiter().pacing().clone(),
        }
    }

    pub(crate) fn gg(&self) -> &GgClient {
        match self {
            Client::Gg(c) => c,
            Client::Ggc(_) => unreachable!("the engine checks the market of every step against the client's"),
        }
    }

    pub(crate) fn ggc(&self) -> &GgcClient {
        match self {
            Client::Ggc(c) => c,
            Client::Gg(_) => unreachable!("the engine checks the market of every step against the client's"),
        }
    }
}
