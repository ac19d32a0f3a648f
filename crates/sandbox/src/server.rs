//! The HTTP server: our own accept loop, so a handler can close its TCP connection without an
//! answer (the "drop" faults), which `axum::serve` does not allow.

use std::sync::Arc;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{watch, Notify};
use tower::ServiceExt;

use crate::context::Ctx;
use crate::{admin, gg, ggchest};

/// Lets a handler close the connection its request came on. Put into every request's extensions.
#[derive(Clone, Debug, Default)]
pub(crate) struct ConnControl {
    drop_requested: Arc<Notify>,
    closed: Arc<Notify>,
}

impl ConnControl {
    /// Closes the connection without answering: the connection's task stops polling hyper and
    /// drops it, which closes the socket. Returns once the socket is closed, with an answer that
    /// nobody receives, so the handler's task ends instead of hanging.
    pub async fn drop_connection(&self) -> Response {
        let closed = self.closed.notified();
        tokio::pin!(closed);
        closed.as_mut().enable();
        self.drop_requested.notify_one();
        closed.await;
        StatusCode::INTERNAL_SERVER_ERROR.into_response()
    }
}

/// Every route of the sandbox.
pub(crate) fn app(ctx: Ctx) -> Router {
    Router::new()
        .nest("/gg/api/partner/v1", gg::router(ctx.clone()))
        .nest("/ggchest", ggchest::router(ctx.clone()))
        .nest("/_sandbox", admin::router(ctx.clone()))
        // Nesting matches `/_sandbox` but not `/_sandbox/`; both show the sandbox's URLs.
        .route("/_sandbox/", get(admin::info).with_state(ctx))
        .fallback(|| async { (StatusCode::NOT_FOUND, "not a sandbox route\n").into_response() })
}

/// Accepts connections until `shutdown` changes or its sender is dropped.
pub(crate) async fn serve(listener: TcpListener, app: Router, mut shutdown: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                // Small JSON answers on loopback: don't let Nagle hold them back.
                let _ = stream.set_nodelay(true);
                tokio::spawn(serve_connection(stream, app.clone(), shutdown.clone()));
            }
            _ = shutdown.changed() => break,
        }
    }
}

async fn serve_connection(stream: tokio::net::TcpStream, app: Router, mut shutdown: watch::Receiver<bool>) {
    let control = ConnControl::default();
    let request_control = control.clone();
    let service = tower::service_fn(move |mut request: Request<Incoming>| {
        request.extensions_mut().insert(request_control.clone());
        // Each request runs in its own task, so a client that gives up (a timeout during a
        // Delay fault) does not cancel it halfway: like a real server, the change is applied
        // and logged even though nobody reads the answer.
        let handling = tokio::spawn(app.clone().oneshot(request));
        async move {
            match handling.await {
                Ok(answer) => answer,
                Err(_) => Ok(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
            }
        }
    });
    let connection = hyper::server::conn::http1::Builder::new()
        .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
    tokio::select! {
        _ = connection => {}
        // Dropping `connection` here closes the socket: the client sees the connection end
        // without an answer.
        _ = control.drop_requested.notified() => {}
        _ = shutdown.changed() => {}
    }
    control.closed.notify_waiters();
}
