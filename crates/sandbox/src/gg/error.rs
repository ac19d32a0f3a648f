//! Gaming Goods errors. doc "Error format": every error is
//! `{"error":{"code":"VALIDATION_ERROR","message":"price must be positive"}}` with the status of
//! the documented table: 400 VALIDATION_ERROR, 401 UNAUTHORIZED, 404 NOT_FOUND,
//! 422 BUSINESS_RULE_VIOLATION, 429 (100 req/min), 503 SERVICE_UNAVAILABLE.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::gate::Refusal;

#[derive(Debug)]
pub(crate) struct GgError {
    status: StatusCode,
    code: &'static str,
    message: String,
    retry_after_secs: Option<u64>,
}

pub(crate) type GgResult<T> = Result<T, GgError>;

impl GgError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> GgError {
        GgError { status, code, message: message.into(), retry_after_secs: None }
    }

    /// 400: "invalid query or body".
    pub fn validation(message: impl Into<String>) -> GgError {
        Self::new(StatusCode::BAD_REQUEST, "VALIDATION_ERROR", message)
    }

    /// 404: "product not found or owned by another seller".
    pub fn not_found(message: impl Into<String>) -> GgError {
        Self::new(StatusCode::NOT_FOUND, "NOT_FOUND", message)
    }

    /// 422: "rule violation (e.g. duplicate code)".
    pub fn business_rule(message: impl Into<String>) -> GgError {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, "BUSINESS_RULE_VIOLATION", message)
    }

    pub fn product_not_found() -> GgError {
        Self::not_found("product not found")
    }
}

impl IntoResponse for GgError {
    fn into_response(self) -> Response {
        let body = json!({"error": {"code": self.code, "message": self.message}});
        let mut response = (self.status, Json(body)).into_response();
        if let Some(secs) = self.retry_after_secs {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

/// The answer to a request turned away before its handler.
pub(crate) fn refusal(refusal: Refusal) -> Response {
    let error = match refusal {
        // "401 UNAUTHORIZED — missing or invalid X-API-Key"
        Refusal::MissingKey => GgError::new(StatusCode::UNAUTHORIZED, "UNAUTHORIZED", "missing X-API-Key header"),
        Refusal::UnknownKey => GgError::new(StatusCode::UNAUTHORIZED, "UNAUTHORIZED", "invalid X-API-Key"),
        // The doc gives 429 no code; this one is named after its "Too Many Requests".
        Refusal::TooManyRequests { retry_after_secs } => GgError {
            retry_after_secs: Some(retry_after_secs),
            ..GgError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "TOO_MANY_REQUESTS",
                "rate limit exceeded (100 requests per minute)",
            )
        },
        Refusal::Unavailable => {
            GgError::new(StatusCode::SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", "Seller API temporarily unavailable")
        }
    };
    error.into_response()
}

/// Unknown routes (and known routes with another method) under the GG base path.
pub(crate) async fn route_not_found() -> GgError {
    GgError::not_found("route not found")
}
