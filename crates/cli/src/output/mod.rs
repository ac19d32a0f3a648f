//! Where results go: a human table on stdout by default, or the typed result as JSON with
//! `--json`. Progress notes and warnings go to stderr in both modes, so stdout stays parseable.
//! Errors: one `error[code]: message` line on stderr (plus `  field: message` lines), or with
//! `--json` an `{"error": {...}}` object on stdout, where a script already reads.

pub mod money;
pub mod table;

use crate::error::CliError;
use serde::Serialize;
use std::io::Write;

#[derive(Debug, Clone, Copy)]
pub struct Out {
    pub json: bool,
}

impl Out {
    pub fn new(json: bool) -> Self {
        Out { json }
    }

    /// Prints `value` as JSON, or `human(value)` as text.
    pub fn emit<T: Serialize + ?Sized>(&self, value: &T, human: impl FnOnce(&T) -> String) {
        let text = if self.json {
            serde_json::to_string_pretty(value).expect("results serialize to JSON")
        } else {
            human(value)
        };
        print_stdout(&text);
    }

    /// A note for the person at the terminal (progress, counts, warnings): always stderr.
    pub fn note(&self, text: impl AsRef<str>) {
        eprintln!("{}", text.as_ref());
    }

    pub fn error(&self, err: &CliError) {
        if err.reported {
            return;
        }
        if self.json {
            let body = serde_json::json!({ "error": err });
            print_stdout(&serde_json::to_string_pretty(&body).expect("errors serialize"));
        } else {
            eprintln!("{}", render_error(err));
        }
    }
}

/// `error[code]: message`, then one indented line per field. Newlines inside a message are
/// flattened so the headline stays one line a log grep can find.
pub fn render_error(err: &CliError) -> String {
    let mut text = format!("error[{}]: {}", err.code, one_line(&err.message));
    for f in &err.fields {
        text.push_str(&format!("\n  {}: {}", f.field, one_line(&f.message)));
    }
    if !err.not_done.is_empty() {
        text.push_str(&format!("\n  not done: {}", err.not_done.join(" ")));
    }
    text
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes to stdout, ignoring a closed pipe (`sellerdesk … | head` must not panic).
fn print_stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
    let _ = out.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_headline_then_indented_fields() {
        let mut e = CliError::invalid("price", "`19,99` is not\na plain number");
        e.not_done = vec!["a".into(), "b".into()];
        assert_eq!(
            render_error(&e),
            "error[invalid_input]: invalid input, nothing was sent\n  price: `19,99` is not a plain number\n  not done: a b"
        );
    }
}
