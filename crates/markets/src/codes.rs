//! Activation codes read from what a seller pastes or imports: one code per line (`.txt`) or
//! the first column of a CSV. Surrounding spaces are trimmed, blank lines skipped, repeats
//! dropped and counted, so the seller sees "1,000 lines → 998 codes, 2 duplicates" before
//! anything is sent.

use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CodeList {
    /// Unique codes, in the order they first appear.
    pub codes: Vec<String>,
    /// Codes that appeared more than once, with how many times, in order of first appearance.
    pub duplicates: Vec<(String, usize)>,
    /// Lines with nothing on them.
    pub blank_lines: usize,
    /// A CSV header line that was skipped (`code`, `codes`, `key`, `activation_code`).
    pub header_skipped: bool,
}

impl CodeList {
    /// How many extra copies were dropped (a code seen 3 times counts 2).
    pub fn dropped_repeats(&self) -> usize {
        self.duplicates.iter().map(|(_, n)| n - 1).sum()
    }
}

/// Parses codes, one per line; for lines with a comma or semicolon, the first field (CSV).
pub fn parse_codes(text: &str) -> CodeList {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut list = CodeList::default();
    let mut seen: HashSet<&str> = HashSet::with_capacity(text.len() / 16);
    let mut repeated: Vec<(&str, usize)> = Vec::new();
    let mut repeated_at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let field = first_field(line);
        if field.is_empty() {
            list.blank_lines += 1;
            continue;
        }
        if n == 0 && is_header(field) {
            list.header_skipped = true;
            continue;
        }
        if seen.insert(field) {
            list.codes.push(field.to_owned());
        } else if let Some(&i) = repeated_at.get(field) {
            repeated[i].1 += 1;
        } else {
            repeated_at.insert(field, repeated.len());
            repeated.push((field, 2));
        }
    }
    list.duplicates = repeated.into_iter().map(|(c, n)| (c.to_owned(), n)).collect();
    // Parsing logs nothing; the request that sends the codes registers them with the logs'
    // redaction while it runs (docs/SECURITY.md L1).
    list
}

fn first_field(line: &str) -> &str {
    let field = line.split([',', ';', '\t']).next().unwrap_or("");
    field.trim().trim_matches('"').trim()
}

fn is_header(field: &str) -> bool {
    matches!(
        field.to_ascii_lowercase().as_str(),
        "code" | "codes" | "key" | "keys" | "activation_code" | "activation code"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_trimmed_deduplicated_and_counted() {
        let list = parse_codes("AAAA-1\n  BBBB-2  \n\nAAAA-1\r\nCCCC-3\nAAAA-1\nBBBB-2\n");
        assert_eq!(list.codes, vec!["AAAA-1", "BBBB-2", "CCCC-3"]);
        assert_eq!(list.duplicates, vec![("AAAA-1".to_owned(), 3), ("BBBB-2".to_owned(), 2)]);
        assert_eq!(list.dropped_repeats(), 3);
        assert_eq!(list.blank_lines, 1);
        assert!(!list.header_skipped);
    }

    #[test]
    fn csv_takes_the_first_column_and_skips_a_header() {
        let list = parse_codes("\u{feff}code,note\n\"XXXX-1\",gift\nYYYY-2;x\n");
        assert!(list.header_skipped);
        assert_eq!(list.codes, vec!["XXXX-1", "YYYY-2"]);
    }
}
