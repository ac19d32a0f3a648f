//! Human views of the markets' types: tables and detail cards.

pub mod gg;
pub mod ggc;
