//! Activation codes: a `.txt` file or pasted text is one code a line (the first field of a line
//! with `,` `;` or a tab, as a spreadsheet column pastes), a `.csv` file is read as CSV (the
//! `code` column by its header, else the first), so a quoted code holding a newline stays one
//! code. Cells are trimmed, blank lines skipped and counted, repeats dropped and counted, so the
//! seller sees "1,000 lines → 998 codes, 2 duplicates" before anything is sent.

use std::collections::{HashMap, HashSet};

use super::{each_record, header_key, invalid, Problem};
use crate::Error;

/// How a codes file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One code a line (`.txt`, pasted text).
    Lines,
    /// RFC 4180 CSV (`.csv`, `.tsv`).
    Csv,
}

impl Format {
    /// By the file's name: `.csv` and `.tsv` are CSV, anything else one code a line.
    pub fn of_name(name: &str) -> Format {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".csv") || lower.ends_with(".tsv") {
            Format::Csv
        } else {
            Format::Lines
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CodeList {
    /// Lines in the text (a last newline does not start a line).
    pub lines: u64,
    /// Unique codes, in the order they first appear.
    pub codes: Vec<String>,
    /// Codes that appeared more than once, with how many times, in order of first appearance.
    pub duplicates: Vec<(String, u64)>,
    /// Lines with nothing on them.
    pub blank_lines: u64,
    /// A header line that was skipped (`code`, `codes`, `key`, `activation_code`).
    pub header_skipped: bool,
    /// Records a CSV reader could not read (an unclosed quote, …), by line: their codes are not
    /// in `codes`.
    pub problems: Vec<Problem>,
}

impl CodeList {
    /// How many extra copies were dropped (a code seen 3 times counts 2).
    pub fn dropped_repeats(&self) -> u64 {
        self.duplicates.iter().map(|(_, n)| n - 1).sum()
    }
}

/// Header names of a codes column.
pub(crate) fn is_code_header(cell: &str) -> bool {
    matches!(header_key(cell).as_str(), "code" | "codes" | "key" | "keys" | "activation_code" | "activation_codes")
}

/// Codes from `text` read as `format`.
pub fn parse(text: &str, format: Format) -> CodeList {
    match format {
        Format::Lines => parse_lines(text),
        Format::Csv => parse_csv(text),
    }
}

/// The codes of a file named `name` (`None`: pasted text, read as one code a line), for both
/// faces: a record that cannot be read is an error naming its line, since its codes would be
/// missing from the upload. A list without codes is not an error here (the form shows 0 codes).
pub fn read(text: &str, name: Option<&str>) -> Result<CodeList, Error> {
    let list = parse(text, name.map_or(Format::Lines, Format::of_name));
    if !list.problems.is_empty() {
        let file = name.unwrap_or("the pasted text");
        let lines: Vec<String> = list.problems.iter().map(Problem::to_string).collect();
        return Err(invalid(
            format!("{file}: {} record(s) cannot be read, so no code is taken: {}", lines.len(), lines.join("; ")),
            list.problems.iter().map(Into::into).collect(),
        ));
    }
    Ok(list)
}

/// Repeats dropped and counted, in order of first appearance; codes borrowed until the end.
#[derive(Default)]
struct Dedup<'a> {
    seen: HashSet<&'a str>,
    unique: Vec<&'a str>,
    repeated: Vec<(&'a str, u64)>,
    repeated_at: HashMap<&'a str, usize>,
}

impl<'a> Dedup<'a> {
    fn push(&mut self, code: &'a str) {
        if self.seen.insert(code) {
            self.unique.push(code);
        } else if let Some(&i) = self.repeated_at.get(code) {
            self.repeated[i].1 += 1;
        } else {
            self.repeated_at.insert(code, self.repeated.len());
            self.repeated.push((code, 2));
        }
    }

    fn into_list(self, list: &mut CodeList) {
        list.codes = self.unique.into_iter().map(str::to_owned).collect();
        list.duplicates = self.repeated.into_iter().map(|(c, n)| (c.to_owned(), n)).collect();
    }
}

/// One code a line: the line's first field (before `,` `;` or a tab), trimmed, without quotes.
pub fn parse_lines(text: &str) -> CodeList {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut list = CodeList::default();
    let mut dedup = Dedup::default();
    for (n, line) in text.lines().enumerate() {
        list.lines += 1;
        let field = line.split([',', ';', '\t']).next().unwrap_or("").trim().trim_matches('"').trim();
        if field.is_empty() {
            list.blank_lines += 1;
        } else if n == 0 && is_code_header(field) {
            list.header_skipped = true;
        } else {
            dedup.push(field);
        }
    }
    dedup.into_list(&mut list);
    list
}

/// A CSV: the column headed `code` (or an alias) when the first record is a header naming one,
/// else the first column.
pub fn parse_csv(text: &str) -> CodeList {
    let mut list =
        CodeList { lines: text.strip_prefix('\u{feff}').unwrap_or(text).lines().count() as u64, ..CodeList::default() };
    let mut cells: Vec<String> = Vec::new();
    let (mut first, mut column, mut row) = (true, 0, 0u64);
    let mut blank_cells = 0;
    list.blank_lines = each_record(text, |line, record| {
        row += 1;
        let record = match record {
            Ok(r) => r,
            Err(message) => {
                list.problems.push(Problem::at_line(line, row, None, message));
                first = false;
                return;
            }
        };
        if std::mem::take(&mut first) {
            if let Some(c) = record.iter().position(is_code_header) {
                column = c;
                list.header_skipped = true;
                return;
            }
        }
        match record.get(column) {
            Some(code) if !code.is_empty() => cells.push(code.to_owned()),
            _ => blank_cells += 1,
        }
    });
    list.blank_lines += blank_cells;
    let mut dedup = Dedup::default();
    for code in &cells {
        dedup.push(code);
    }
    dedup.into_list(&mut list);
    // Parsing logs nothing; the request that sends the codes registers them with the logs'
    // redaction while it runs (docs/SECURITY.md L1).
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_trimmed_deduplicated_and_counted() {
        let list = parse_lines("AAAA-1\n  BBBB-2  \n\nAAAA-1\r\nCCCC-3\nAAAA-1\nBBBB-2\n");
        assert_eq!(list.codes, vec!["AAAA-1", "BBBB-2", "CCCC-3"]);
        assert_eq!(list.duplicates, vec![("AAAA-1".to_owned(), 3), ("BBBB-2".to_owned(), 2)]);
        assert_eq!(list.dropped_repeats(), 3);
        assert_eq!((list.lines, list.blank_lines), (7, 1));
        assert!(!list.header_skipped);
    }

    #[test]
    fn text_takes_the_first_field_and_skips_a_header() {
        let list = parse_lines("\u{feff}code,note\n\"XXXX-1\",gift\nYYYY-2;x\n");
        assert!(list.header_skipped);
        assert_eq!(list.codes, vec!["XXXX-1", "YYYY-2"]);
    }

    #[test]
    fn a_quoted_code_holding_a_newline_stays_one_code_in_a_csv() {
        let text = "\u{feff}note;Code\ngift;\"AAAA\nBBBB\"\n\n;CCCC\nx;\"AAAA\nBBBB\"\n";
        let list = parse(text, Format::Csv);
        assert!(list.header_skipped);
        assert_eq!(list.codes, vec!["AAAA\nBBBB", "CCCC"]);
        assert_eq!(list.duplicates, vec![("AAAA\nBBBB".to_owned(), 2)]);
        assert_eq!((list.lines, list.blank_lines), (7, 1));
        assert!(list.problems.is_empty());
        // As one code a line, the same text is fragments: why a .csv is read as CSV.
        assert!(parse(text, Format::Lines).codes.contains(&"BBBB".to_owned()));
    }

    #[test]
    fn a_csv_without_a_header_is_its_first_column() {
        let list = parse("A-1\tx\n B-2 \t y\nA-1\n", Format::Csv);
        assert!(!list.header_skipped);
        assert_eq!(list.codes, vec!["A-1", "B-2"]);
        assert_eq!(list.dropped_repeats(), 1);
        assert_eq!(Format::of_name("Keys.CSV"), Format::Csv);
        assert_eq!(Format::of_name("keys.txt"), Format::Lines);
    }
}
