//! What every market request passes before its handler, in this order: the request log, injected
//! faults, authentication, the rate limits. Handlers find the caller in `Extension<Seller>`.

use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::context::{lock, Ctx};
use crate::faults::FaultKind;
use crate::rate_limit::retry_after_secs;
use crate::request_log::{key_hint, LoggedRequest};
use crate::server::ConnControl;
use crate::{gg, ggchest, Market};

/// The authenticated caller: its API key.
#[derive(Clone, Debug)]
pub(crate) struct Seller(pub String);

pub(crate) async fn gg_gate(State(ctx): State<Ctx>, request: Request, next: Next) -> Response {
    gate(ctx, Market::Gg, request, next).await
}

pub(crate) async fn ggchest_gate(State(ctx): State<Ctx>, request: Request, next: Next) -> Response {
    gate(ctx, Market::GgChest, request, next).await
}

/// Why a request was turned away before its handler.
pub(crate) enum Refusal {
    /// No key header (or an empty one).
    MissingKey,
    /// A key no seller has.
    UnknownKey,
    TooManyRequests {
        retry_after_secs: u64,
    },
    Unavailable,
}

fn refuse(market: Market, refusal: Refusal) -> Response {
    match market {
        Market::Gg => gg::error::refusal(refusal),
        Market::GgChest => ggchest::error::refusal(refusal),
    }
}

async fn gate(ctx: Ctx, market: Market, request: Request, next: Next) -> Response {
    let method = request.method().to_string();
    // Inside the nested market router the path is relative to the market's base.
    let path = request.uri().path().to_owned();
    // GG documents `X-API-Key`, GGChest `X-API-KEY`: the same header, names are case-insensitive.
    let key = request
        .headers()
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_owned);
    let mut entry = LoggedRequest {
        market,
        method: method.clone(),
        path: path.clone(),
        query: request.uri().query().map(str::to_owned),
        status: None,
        key_hint: key.as_deref().map(key_hint),
        fault: None,
        at_ms: ctx.elapsed_ms(),
    };
    let fault = lock(&ctx.faults).take(market, &method, &path);
    entry.fault = fault.as_ref().map(|f| f.name().to_owned());
    let control = request.extensions().get::<ConnControl>().cloned();

    let response = match fault {
        Some(FaultKind::RateLimited { retry_after_secs }) => {
            refuse(market, Refusal::TooManyRequests { retry_after_secs })
        }
        Some(FaultKind::Unavailable) => refuse(market, Refusal::Unavailable),
        Some(FaultKind::DropBeforeApply) => {
            ctx.log_request(entry);
            return drop_connection(control).await;
        }
        Some(FaultKind::DropAfterApply) => {
            let _applied = admit_and_handle(&ctx, market, key, request, next).await;
            ctx.log_request(entry);
            return drop_connection(control).await;
        }
        Some(FaultKind::Delay { ms }) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            admit_and_handle(&ctx, market, key, request, next).await
        }
        None => admit_and_handle(&ctx, market, key, request, next).await,
    };
    entry.status = Some(response.status().as_u16());
    ctx.log_request(entry);
    response
}

async fn drop_connection(control: Option<ConnControl>) -> Response {
    match control {
        Some(control) => control.drop_connection().await,
        // Only requests that came through our accept loop can be dropped; there are no others.
        None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

async fn admit_and_handle(
    ctx: &Ctx,
    market: Market,
    key: Option<String>,
    mut request: Request,
    next: Next,
) -> Response {
    let Some(key) = key else {
        return refuse(market, Refusal::MissingKey);
    };
    let known = {
        let store = ctx.store();
        match market {
            Market::Gg => store.state.gg.sellers.contains(&key),
            Market::GgChest => store.state.ggchest.sellers.contains(&key),
        }
    };
    if !known {
        return refuse(market, Refusal::UnknownKey);
    }
    if ctx.config.enforce_rate_limits {
        let admitted = lock(&ctx.limiter).admit(market, &key, Instant::now());
        if let Err(wait) = admitted {
            let retry_after_secs = retry_after_secs(wait);
            return refuse(market, Refusal::TooManyRequests { retry_after_secs });
        }
    }
    request.extensions_mut().insert(Seller(key));
    next.run(request).await
}
