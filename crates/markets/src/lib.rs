//! Typed clients for the Gaming Goods and GGChest Seller APIs.
//!
//! - [`gg::GgClient`]: Gaming Goods (listings, activation codes, C2C offers).
//! - [`ggchest::GgcClient`]: GGChest (games, attributes, accounts / currency / items offers,
//!   batch operations, icons, orders).
//!
//! Both share one HTTP layer ([`http`]) that paces requests to the documented limits per key,
//! retries only what is safe to repeat, and reports every failure as one [`Error`] whose
//! [`Error::code`] a UI can switch on. Requests are validated before sending: nothing invalid
//! leaves the machine.

pub mod body;
pub mod error;
pub mod error_code;
pub mod error_text;
pub mod files;
pub mod gg;
pub mod ggchest;
pub mod http;
pub mod market;
pub mod money;
pub mod secret;
mod string_enum;
mod validation;

pub use error::{Error, FieldError, Origin, Result};
pub use error_code::ErrorCode;
pub use error_text::{MessageText, MESSAGE_TEMPLATES};
pub use http::{Change, ClientConfig, Observer, Pacing, RateLimit, Repeat, RetryPolicy};
pub use market::Market;
pub use money::{Amount, Cents, UsdPrice};
pub use rust_decimal::Decimal;
pub use secret::ApiKey;
