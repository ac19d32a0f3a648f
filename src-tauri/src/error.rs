//! The error that crosses the IPC border is the application layer's: `desk::Error`, named
//! `CommandError` here and in TypeScript.

pub use desk::error::{
    MessageText, BASE_URL_UNCONFIRMED, FILE_NOT_PICKED_READ, FILE_NOT_PICKED_WRITE, NOT_CONFIRMED, SHELL_TEMPLATES,
};
pub use desk::{Error as CommandError, Result as CommandResult};
