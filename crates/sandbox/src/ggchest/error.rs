//! GGChest errors, with the bodies the documents show:
//! - 400 (R, guide): `{"message": "...", "errors": [{"property", "message"}]}`. R's query example
//!   says "Invalid input data", the guide's body examples "Bad request": query errors use R's
//!   text, body errors the guide's.
//! - 422 (guide): `{"message": "Unprocessable Entity", "errors": [...]}`.
//! - 404: entities R's `{"message": "Not found."}`; unknown routes O/D's "Page not found".
//! - missing key 403 R's "Full authentication is required to access this resource.";
//!   unknown key 401 D's `{"message": "Unauthorized"}`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::json;

use crate::gate::Refusal;

/// One entry of `errors`: which property, what is wrong with it.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub(crate) struct Violation {
    pub property: String,
    pub message: String,
}

impl Violation {
    pub fn new(property: impl Into<String>, message: impl Into<String>) -> Violation {
        Violation { property: property.into(), message: message.into() }
    }
}

/// Symfony's wording, which GGChest's messages follow ("The value you selected is not a valid
/// choice." in R).
pub(crate) mod says {
    pub const NOT_A_CHOICE: &str = "The value you selected is not a valid choice.";
    pub const BLANK: &str = "This value should not be blank.";
    pub const NOT_STRING: &str = "This value should be of type string.";
    pub const NOT_INT: &str = "This value should be of type int.";
    pub const NOT_ARRAY: &str = "This value should be of type array.";
    pub const NEGATIVE: &str = "This value should be greater than or equal to 0.";
    pub const NOT_UUID: &str = "This is not a valid UUID.";
    pub const PRICE_PATTERN: &str = "Price must match pattern ^[0-9]{1,16}(\\.[0-9]{1,2})?$";
}

#[derive(Debug)]
pub(crate) enum GgcError {
    /// 400 for a bad query string.
    BadQuery(Vec<Violation>),
    /// 400 for a bad body.
    BadBody(Vec<Violation>),
    /// 422: valid, but refers to what does not exist or does not fit together.
    Unprocessable(Vec<Violation>),
    /// 404 for an offer, game, icon … that is not there (or not the caller's).
    NotFound,
}

pub(crate) type GgcResult<T> = Result<T, GgcError>;

impl GgcError {
    pub fn bad_body(property: &str, message: impl Into<String>) -> GgcError {
        GgcError::BadBody(vec![Violation::new(property, message)])
    }

    pub fn unprocessable(property: &str, message: impl Into<String>) -> GgcError {
        GgcError::Unprocessable(vec![Violation::new(property, message)])
    }
}

impl IntoResponse for GgcError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
            GgcError::BadQuery(errors) => {
                (StatusCode::BAD_REQUEST, json!({"message": "Invalid input data", "errors": errors}))
            }
            GgcError::BadBody(errors) => (StatusCode::BAD_REQUEST, json!({"message": "Bad request", "errors": errors})),
            GgcError::Unprocessable(errors) => {
                (StatusCode::UNPROCESSABLE_ENTITY, json!({"message": "Unprocessable Entity", "errors": errors}))
            }
            GgcError::NotFound => (StatusCode::NOT_FOUND, json!({"message": "Not found."})),
        };
        (status, Json(body)).into_response()
    }
}

/// The answer to a request turned away before its handler.
pub(crate) fn refusal(refusal: Refusal) -> Response {
    let (status, message) = match refusal {
        Refusal::MissingKey => (StatusCode::FORBIDDEN, "Full authentication is required to access this resource."),
        Refusal::UnknownKey => (StatusCode::UNAUTHORIZED, "Unauthorized"),
        Refusal::TooManyRequests { retry_after_secs } => {
            let mut response =
                (StatusCode::TOO_MANY_REQUESTS, Json(json!({"message": "Too Many Requests"}))).into_response();
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
            return response;
        }
        Refusal::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable"),
    };
    (status, Json(json!({ "message": message }))).into_response()
}

/// Unknown routes (and known ones with another method) under the GGChest base.
pub(crate) async fn route_not_found() -> Response {
    (StatusCode::NOT_FOUND, Json(json!({"message": "Page not found"}))).into_response()
}
