//! The one HTTP layer under both clients: base URL, auth header, connection reuse, timeouts,
//! pacing to the documented limits, and the retries that are safe to make.
//!
//! The retry rules, in one place:
//! - 429: the request was not processed, so any request may be repeated after `Retry-After`
//!   (or a backoff); the whole key pauses meanwhile.
//! - connect failures: nothing was sent, so any request may be repeated.
//! - 503: "temporarily unavailable", not processed: repeated only if [`Repeat::Safe`], else
//!   reported as [`Error::Unavailable`].
//! - other 5xx, timeouts and connections dropped after sending: the request may have been
//!   applied. Repeated only if [`Repeat::Safe`]; otherwise [`Error::OutcomeUnknown`], never a
//!   blind second send.

pub mod ledger;
pub mod observe;
pub mod pacing;
mod request;
pub mod retry;

pub use ledger::{RateLedger, Reservation};
pub use observe::{Change, Observer};
pub use pacing::{Pacing, RateLimit, RateLimiter};
pub(crate) use request::{Body, Request};
pub use retry::{Repeat, RetryPolicy};

use crate::{ApiKey, Error, Market, Result};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use std::{
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::Duration,
};

/// How to reach one marketplace with one key.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// Production by default; any URL for the sandbox.
    pub base_url: String,
    pub api_key: ApiKey,
    /// The whole request, from sending to the last byte of the answer.
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub pacing: Pacing,
    pub retry: RetryPolicy,
    /// Hears every change request's outcome (an audit log); `None`: nobody listens.
    pub observer: Option<Observer>,
    /// The key's rate-limit budget shared with other processes (the local store); `None`:
    /// pacing per process only.
    pub ledger: Option<Arc<dyn RateLedger>>,
    /// Reads are sent; the first change request is not, and comes back as
    /// [`Error::DryRun`]: everything before it was checked (a dry run).
    pub dry_run: bool,
}

impl ClientConfig {
    /// Production base URL and the documented limits of `market`.
    pub fn new(market: Market, api_key: ApiKey) -> Self {
        ClientConfig {
            base_url: market.production_base_url().to_owned(),
            api_key,
            timeout: Duration::from_secs(30),
            // A few seconds: a wrong address should say so quickly, not after a long wait.
            connect_timeout: Duration::from_secs(5),
            pacing: Pacing::documented(market),
            retry: RetryPolicy::default(),
            observer: None,
            ledger: None,
            dry_run: false,
        }
    }

    /// Shares the key's rate-limit budget with every process using `ledger`.
    pub fn with_ledger(mut self, ledger: Arc<dyn RateLedger>) -> Self {
        self.ledger = Some(ledger);
        self
    }

    /// A dry run: reads only; the first change request stops with [`Error::DryRun`].
    pub fn with_dry_run(mut self, dry_run: bool) -> Self {
        self.dry_run = dry_run;
        self
    }

    pub fn with_observer(mut self, observer: Observer) -> Self {
        self.observer = Some(observer);
        self
    }

    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self
    }

    pub fn with_pacing(mut self, pacing: Pacing) -> Self {
        self.pacing = pacing;
        self
    }

    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }
}

/// An error answer, as each market's decoder sees it.
pub(crate) struct ErrorAnswer<'a> {
    pub status: u16,
    pub body: &'a [u8],
    /// The key got a 2xx earlier in this client's life: a 403 now means "not allowed", not "bad key".
    pub key_has_worked: bool,
    /// What the request was about, for "not found" messages ("offer 0198…").
    pub what: &'a str,
}

pub(crate) type ErrorDecoder = fn(Market, &ErrorAnswer) -> Error;

/// What one attempt came to.
enum Attempt {
    Done(Vec<u8>),
    /// Try again after this long (at least), or give this error if out of attempts.
    /// `maybe_applied`: the request reached the server and may have been applied.
    Retry {
        wait: Duration,
        error: Error,
        maybe_applied: bool,
    },
    Fail(Error),
}

pub(crate) struct Transport {
    market: Market,
    http: reqwest::Client,
    base_url: String,
    key: ApiKey,
    auth_header: &'static str,
    limiter: Arc<RateLimiter>,
    retry: RetryPolicy,
    key_has_worked: AtomicBool,
    decode_error: ErrorDecoder,
    observer: Option<Observer>,
    dry_run: bool,
}

impl Transport {
    pub fn new(
        market: Market,
        config: ClientConfig,
        auth_header: &'static str,
        decode_error: ErrorDecoder,
    ) -> Result<Self> {
        let base_url = config.base_url.trim().trim_end_matches('/').to_owned();
        let parsed = url::Url::parse(&base_url).map_err(|e| {
            Error::Config(format!(
                "base URL `{base_url}` is not a valid URL ({e}); use e.g. {}",
                market.production_base_url()
            ))
        })?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(Error::Config(format!(
                "base URL `{base_url}` must start with https:// (or http:// for a local sandbox)"
            )));
        }
        if config.api_key.is_empty() {
            return Err(Error::invalid_field("api_key", "is empty: paste the key the marketplace sent you"));
        }
        let http = reqwest::Client::builder()
            .user_agent(concat!("SellerDesk/", env!("CARGO_PKG_VERSION")))
            // Both APIs answer JSON ("Responses are returned as JSON"); saying so keeps a
            // framework from picking an HTML error page for `*/*`.
            .default_headers(reqwest::header::HeaderMap::from_iter([(
                reqwest::header::ACCEPT,
                reqwest::header::HeaderValue::from_static("application/json"),
            )]))
            .timeout(config.timeout)
            .connect_timeout(config.connect_timeout)
            .pool_idle_timeout(Duration::from_secs(60))
            // Neither API documents a redirect. Following one would turn a POST into a GET
            // (301/302) and carry the key header to whatever host it names (reqwest drops only
            // `Authorization` and cookies across hosts): report it instead.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::Config(format!("cannot set up HTTPS: {e}")))?;
        let limiter = RateLimiter::shared(market, &base_url, &config.api_key, &config.pacing, config.ledger.as_ref());
        Ok(Transport {
            market,
            http,
            base_url,
            key: config.api_key,
            auth_header,
            limiter,
            retry: config.retry,
            key_has_worked: AtomicBool::new(false),
            decode_error,
            observer: config.observer,
            dry_run: config.dry_run,
        })
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The limiter this key shares with every other client of it in this process.
    pub fn limiter(&self) -> &Arc<RateLimiter> {
        &self.limiter
    }

    /// Sends with pacing and the safe retries; returns the body of the 2xx answer. A change
    /// request's outcome is then told to the observer, if any.
    pub async fn send(&self, req: &Request) -> Result<Vec<u8>> {
        if self.dry_run && req.method != Method::GET {
            tracing::info!(market = self.market.id(), method = %req.method, path = %req.path, "dry run: not sent");
            return Err(Error::DryRun { market: self.market, operation: req.operation() });
        }
        let result = self.send_with_retries(req).await;
        if let Err(e) = &result {
            tracing::warn!(market = self.market.id(), method = %req.method, path = %req.path, error = e.code().as_str(), "request failed");
        }
        if let Some(observer) = self.observer.as_ref().filter(|_| req.method != Method::GET) {
            observer.notify(&Change {
                market: self.market,
                method: req.method.to_string(),
                path: req.path.clone(),
                what: req.what.clone(),
                outcome: result.as_ref().map(drop).map_err(|e| e.code().as_str()),
            });
        }
        result
    }

    async fn send_with_retries(&self, req: &Request) -> Result<Vec<u8>> {
        let mut attempt = 1;
        let mut maybe_applied = false;
        loop {
            match self.attempt(req, attempt).await {
                Attempt::Done(body) => return Ok(body),
                // A repeated DELETE that finds nothing may have been answered "not found"
                // because the lost first attempt did the deleting.
                Attempt::Fail(Error::NotFound { .. }) if maybe_applied && req.gone_means_done => return Ok(Vec::new()),
                Attempt::Fail(Error::NotFound { message, .. }) if maybe_applied && req.method == Method::DELETE => {
                    return Err(Error::OutcomeUnknown {
                        market: self.market,
                        operation: req.operation(),
                        detail: format!(
                            "the connection was lost, and the repeat was answered \"not found\" ({message}): \
                             some or all of it may already have been deleted"
                        ),
                    })
                }
                Attempt::Fail(e) => return Err(e),
                Attempt::Retry { wait, error: e, maybe_applied: m } => {
                    maybe_applied |= m;
                    if attempt >= self.retry.max_attempts {
                        tracing::warn!(market = self.market.id(), method = %req.method, path = %req.path, attempt, error = e.code().as_str(), "giving up: out of attempts");
                        return Err(e);
                    }
                    tracing::info!(market = self.market.id(), method = %req.method, path = %req.path, attempt, wait_ms = wait.as_millis() as u64, error = e.code().as_str(), maybe_applied = m, "retrying");
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
            }
        }
    }

    /// Sends and decodes the 2xx body as `T`, naming the JSON path that failed if it doesn't fit.
    pub async fn json<T: DeserializeOwned>(&self, req: &Request) -> Result<T> {
        let body = self.send(req).await?;
        self.decode(&body)
    }

    /// Sends and accepts any 2xx body: GGChest answers `{}`, an empty body, or some JSON.
    pub async fn ack(&self, req: &Request) -> Result<()> {
        self.send(req).await.map(drop)
    }

    pub fn decode<T: DeserializeOwned>(&self, body: &[u8]) -> Result<T> {
        let mut de = serde_json::Deserializer::from_slice(body);
        serde_path_to_error::deserialize(&mut de).map_err(|e| Error::UnexpectedResponse {
            market: self.market,
            status: 200,
            json_path: e.path().to_string(),
            detail: e.inner().to_string(),
            body_excerpt: excerpt(body),
        })
    }

    /// Attempt number `attempt` (from 1): its backoff, if it fails, grows with it.
    async fn attempt(&self, req: &Request, attempt: u32) -> Attempt {
        let permit = self.limiter.acquire().await;
        let started = std::time::Instant::now();
        let url = format!("{}{}", self.base_url, req.path);
        let mut builder = self.http.request(req.method.clone(), &url).header(self.auth_header, self.key.expose());
        if !req.query.is_empty() {
            builder = builder.query(&req.query);
        }
        builder = match &req.body {
            // No body and no Content-Type (the toggle and deactivate endpoints take no data).
            // A POST/PUT/PATCH still states `Content-Length: 0`, as curl does: without it some
            // front ends answer 411 Length Required. hyper leaves it out for an empty body.
            Body::Empty if matches!(req.method, Method::POST | Method::PUT | Method::PATCH) => {
                builder.header(reqwest::header::CONTENT_LENGTH, "0")
            }
            Body::Empty => builder,
            Body::Json(bytes) => builder.header(reqwest::header::CONTENT_TYPE, "application/json").body(bytes.clone()),
            Body::File { field, file_name, mime, bytes } => {
                let part = reqwest::multipart::Part::bytes(bytes.clone())
                    .file_name(file_name.clone())
                    .mime_str(mime)
                    .expect("static mime types parse");
                builder.multipart(reqwest::multipart::Form::new().part(*field, part))
            }
        };
        let sent = builder.send().await;
        let outcome = match sent {
            Ok(response) => {
                let status = response.status();
                let retry_after = response
                    .headers()
                    .get(reqwest::header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(retry::parse_retry_after);
                if status.is_redirection() {
                    let to = response.headers().get(reqwest::header::LOCATION).and_then(|v| v.to_str().ok());
                    let detail = format!(
                        "redirected{}: the API documents no redirects; check the base URL (no redirect is followed, \
                         so the key is not sent elsewhere)",
                        to.map(|l| format!(" to {}", strip_query(l))).unwrap_or_default()
                    );
                    drop(permit);
                    return Attempt::Fail(Error::UnexpectedResponse {
                        market: self.market,
                        status: status.as_u16(),
                        json_path: String::new(),
                        detail,
                        body_excerpt: String::new(),
                    });
                }
                match response.bytes().await {
                    Ok(body) => {
                        // Method, path (never the query), status, time: never the key or a body.
                        tracing::info!(market = self.market.id(), method = %req.method, path = %req.path, status = status.as_u16(), ms = started.elapsed().as_millis() as u64, attempt, "http");
                        self.judge(req, attempt, status, retry_after, &body)
                    }
                    Err(e) => self.lost(req, attempt, &url, e, started),
                }
            }
            Err(e) => self.lost(req, attempt, &url, e, started),
        };
        drop(permit);
        outcome
    }

    /// Decides what an HTTP answer means.
    fn judge(
        &self,
        req: &Request,
        attempt: u32,
        status: StatusCode,
        retry_after: Option<Duration>,
        body: &[u8],
    ) -> Attempt {
        if status.is_success() {
            self.key_has_worked.store(true, Ordering::Relaxed);
            return Attempt::Done(body.to_vec());
        }
        let code = status.as_u16();
        if code == 429 {
            let wait = retry_after.unwrap_or_else(|| self.retry.backoff(attempt));
            let error = Error::RateLimited { market: self.market, retry_after: Some(wait) };
            if wait > self.retry.max_retry_after {
                return Attempt::Fail(error);
            }
            // Everyone on this key waits: the marketplace counts the key, not this request.
            self.limiter.pause_until(tokio::time::Instant::now() + wait);
            return Attempt::Retry { wait: Duration::ZERO, error, maybe_applied: false };
        }
        let error = (self.decode_error)(
            self.market,
            &ErrorAnswer {
                status: code,
                body,
                key_has_worked: self.key_has_worked.load(Ordering::Relaxed),
                what: &req.what,
            },
        );
        if status.is_server_error() {
            let wait = retry_after.unwrap_or_else(|| self.retry.backoff(attempt)).min(self.retry.backoff_max);
            return match (req.repeat, code) {
                (Repeat::Safe, _) => Attempt::Retry { wait, error, maybe_applied: code != 503 },
                // 503 is documented as "temporarily unavailable": the change was not made.
                (Repeat::Unsafe, 503) => Attempt::Fail(error),
                (Repeat::Unsafe, _) => Attempt::Fail(Error::OutcomeUnknown {
                    market: self.market,
                    operation: req.operation(),
                    detail: format!("HTTP {code} from the server while processing it"),
                }),
            };
        }
        Attempt::Fail(error)
    }

    /// The request failed without an HTTP answer.
    fn lost(&self, req: &Request, attempt: u32, url: &str, e: reqwest::Error, started: std::time::Instant) -> Attempt {
        let detail = describe(&e);
        let raw = raw_causes(&e);
        tracing::warn!(market = self.market.id(), method = %req.method, path = %req.path, ms = started.elapsed().as_millis() as u64, attempt, %detail, %raw, "no answer");
        let network = Error::Network { market: self.market, url: strip_query(url), detail: detail.clone() };
        if e.is_connect() || e.is_builder() {
            // Nothing left this machine: repeating is safe for any request.
            return if e.is_builder() {
                Attempt::Fail(network)
            } else {
                Attempt::Retry { wait: self.retry.backoff(attempt), error: network, maybe_applied: false }
            };
        }
        match req.repeat {
            Repeat::Safe => Attempt::Retry { wait: self.retry.backoff(attempt), error: network, maybe_applied: true },
            Repeat::Unsafe => {
                Attempt::Fail(Error::OutcomeUnknown { market: self.market, operation: req.operation(), detail })
            }
        }
    }
}

/// A short, key-free description of a transport error, with its causes.
/// What went wrong, in plain words a seller can act on (the raw chain of causes goes to the
/// log, not to the message).
fn describe(e: &reqwest::Error) -> String {
    let mut causes = Vec::new();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        causes.push(s.to_string().to_lowercase());
        source = s.source();
    }
    let said = |words: &[&str]| causes.iter().any(|c| words.iter().any(|w| c.contains(w)));
    if e.is_connect() && said(&["dns error", "failed to lookup", "name or service not known", "no such host"]) {
        "the host name could not be found (check its spelling, and the internet connection)".to_owned()
    } else if e.is_connect() && said(&["connection refused"]) {
        "nothing answers at that address (connection refused): the host or port may be wrong, or the server is \
         not running"
            .to_owned()
    } else if e.is_connect() && said(&["certificate", "tls", "handshake"]) {
        "the secure connection could not be set up (a certificate or TLS problem): check that the address is \
         the marketplace's"
            .to_owned()
    } else if e.is_connect() && (e.is_timeout() || said(&["timed out"])) {
        "no connection within the time allowed: the host may be unreachable, or the network down".to_owned()
    } else if e.is_timeout() {
        "no complete answer came within the time allowed".to_owned()
    } else if e.is_connect() {
        "the connection could not be made".to_owned()
    } else if e.is_body() || e.is_decode() || said(&["reset", "broken pipe", "closed"]) {
        "the connection was cut before the answer was complete".to_owned()
    } else {
        "the connection failed".to_owned()
    }
}

/// The chain of causes as reqwest gives it, for the log.
fn raw_causes(e: &reqwest::Error) -> String {
    let mut causes = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        causes.push(s.to_string());
        source = s.source();
    }
    causes.dedup();
    causes.join(": ")
}

fn strip_query(url: &str) -> String {
    url.split('?').next().unwrap_or(url).to_owned()
}

pub(crate) fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut out: String = text.chars().take(300).collect();
    if text.chars().count() > 300 {
        out.push('…');
    }
    out
}
