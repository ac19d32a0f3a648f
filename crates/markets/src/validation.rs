//! Collecting every problem of a request before anything is sent, so a person fixes them all at
//! once instead of one per round trip.

use crate::error::{Error, FieldError};
use std::collections::HashMap;

#[derive(Debug, Default)]
pub(crate) struct Violations(Vec<FieldError>);

impl Violations {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    /// Adds `message` when `ok` is false.
    pub fn check(&mut self, ok: bool, field: impl Into<String>, message: impl Into<String>) {
        if !ok {
            self.add(field, message);
        }
    }

    pub fn non_blank(&mut self, field: &str, value: &str) {
        self.check(!value.trim().is_empty(), field, "is required and must not be blank");
    }

    /// Blank entries and repeated entries of a list of ids or codes, reported by value.
    pub fn unique_non_blank(&mut self, field: &str, values: &[String], what: &str) {
        let blanks: Vec<usize> =
            values.iter().enumerate().filter(|(_, v)| v.trim().is_empty()).map(|(i, _)| i).collect();
        if !blanks.is_empty() {
            let shown: Vec<String> = blanks.iter().take(10).map(|i| format!("#{}", i + 1)).collect();
            self.add(field, format!("{} blank {what}(s) at {}", blanks.len(), shown.join(", ")));
        }
        let dups = duplicates(values);
        if !dups.is_empty() {
            let shown: Vec<String> = dups.iter().take(10).map(|(v, n)| format!("{v} (×{n})")).collect();
            let more = if dups.len() > 10 { format!(" and {} more", dups.len() - 10) } else { String::new() };
            self.add(field, format!("{} duplicated {what}(s): {}{more}", dups.len(), shown.join(", ")));
        }
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn finish(self) -> Result<(), Error> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Error::invalid(self.0))
        }
    }
}

/// Ids go into URL paths: they are UUIDs or slugs, never free text, so anything else (a `/`, a
/// space) is a mistake to catch here rather than a request to another path.
pub(crate) fn path_id(field: &str, id: &str) -> Result<String, Error> {
    let mut v = Violations::new();
    let id = id.trim();
    v.non_blank(field, id);
    v.check(
        id.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~".contains(&b)),
        field,
        format!("`{id}` is not an id (letters, digits, `-`, `_` and `.` only)"),
    );
    // `.` and `..` (or any id without a letter or digit) would be resolved by URL normalization:
    // `/v1/offers/{offer}/icon/..` goes out as `/v1/offers/{offer}/`, about something else.
    v.check(
        id.is_empty() || id.bytes().any(|b| b.is_ascii_alphanumeric()),
        field,
        format!("`{id}` is not an id: it has no letter or digit"),
    );
    v.finish().map(|_| id.to_owned())
}

/// Values that occur more than once, with their counts, in order of first appearance.
pub fn duplicates(values: &[String]) -> Vec<(String, usize)> {
    let mut counts: HashMap<&str, usize> = HashMap::with_capacity(values.len());
    for v in values {
        *counts.entry(v.as_str()).or_default() += 1;
    }
    let mut seen = std::collections::HashSet::new();
    values
        .iter()
        .filter(|v| counts[v.as_str()] > 1 && seen.insert(v.as_str()))
        .map(|v| (v.clone(), counts[v.as_str()]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_blank_and_duplicated_values_by_value() {
        let mut v = Violations::new();
        let codes: Vec<String> = ["A", "B", "A", " ", "C", "B", "A"].iter().map(|s| s.to_string()).collect();
        v.unique_non_blank("codes", &codes, "code");
        let err = v.finish().unwrap_err();
        let fields = err.fields();
        assert_eq!(fields.len(), 2);
        assert_eq!(fields[0].message, "1 blank code(s) at #4");
        assert_eq!(fields[1].message, "2 duplicated code(s): A (×3), B (×2)");
    }
}
