//! Every file the seller gives, read one way whichever face reads it: one parser per kind of
//! file, each returning its rows and the problems of its rows by line ([`Parsed`]), and the
//! one rule for what problems mean ([`all_or_nothing`] for bulk jobs and bulk creates,
//! [`accounts::for_form`] for the accounts of an offer).
//!
//! CSV is read by the `csv` crate (RFC 4180): quoted fields may hold separators, quotes and
//! newlines; the separator (`,` `;` or tab) is the one the header line uses most, outside
//! quotes; a UTF-8 BOM is dropped; cells are trimmed; header names are compared lowercase with
//! spaces and dashes as `_`, and each kind takes a few aliases (`username` for `login`, …).
//! A problem's line is the physical line where its record starts (a record may span lines).

pub mod accounts;
pub mod codes;
pub mod gg_offers;
pub mod gg_product_codes;
pub mod ggc_creates;
pub mod ids;

use markets::FieldError;

use crate::Error;

/// What is wrong with one row (or one item of a JSON file), caught before anything is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The physical line where the row starts (1 is the file's first line); `None` for an item
    /// of a JSON array, named by its position instead.
    pub line: Option<u64>,
    /// The row's position among the rows (1-based), or the item's in a JSON array.
    pub row: u64,
    /// The column or field the problem is in, when it is one.
    pub field: Option<String>,
    pub message: String,
}

impl Problem {
    pub fn at_line(line: u64, row: u64, field: Option<&str>, message: impl Into<String>) -> Self {
        Problem { line: Some(line), row, field: field.map(str::to_owned), message: message.into() }
    }

    /// `line 7`, or `offer 3` for an item of a JSON array.
    pub fn place(&self) -> String {
        match self.line {
            Some(line) => format!("line {line}"),
            None => format!("offer {}", self.row),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place(), self.message)
    }
}

/// The UI's form of a problem: `field` is `line 7`, `message` what is wrong there.
impl From<&Problem> for FieldError {
    fn from(p: &Problem) -> Self {
        FieldError::new(p.place(), p.message.clone())
    }
}

impl From<Problem> for FieldError {
    fn from(p: Problem) -> Self {
        FieldError::from(&p)
    }
}

/// A file's usable rows and the problems of the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed<T> {
    pub rows: Vec<T>,
    /// In file order.
    pub problems: Vec<Problem>,
    /// Lines with nothing on them (or only separators), skipped.
    pub blank_lines: u64,
    /// Header columns the kind does not take: left out (a misspelt column would otherwise vanish
    /// unnoticed, so both faces name them).
    pub ignored_columns: Vec<String>,
}

impl<T> Default for Parsed<T> {
    fn default() -> Self {
        Parsed { rows: Vec::new(), problems: Vec::new(), blank_lines: 0, ignored_columns: Vec::new() }
    }
}

impl<T> Parsed<T> {
    /// The problems as the UI shows them (`line 7: …`).
    pub fn field_errors(&self) -> Vec<FieldError> {
        self.problems.iter().map(FieldError::from).collect()
    }
}

/// The rule for a bulk job or a bulk create: a file with any bad row creates nothing, and the
/// error names every bad row by its line, so the file is fixed in one go ("2 of 3 offers would
/// be refused, so none is created: line 3: …; line 5: …"). A file without a row is refused too.
/// `noun` is the plural of what a row is (`offers`, `codes`, `accounts`).
pub fn all_or_nothing<T>(parsed: Parsed<T>, file: &str, noun: &str) -> Result<Vec<T>, Error> {
    if !parsed.problems.is_empty() {
        let total = parsed.problems.len() + parsed.rows.len();
        let list: Vec<String> = parsed.problems.iter().map(Problem::to_string).collect();
        return Err(invalid(
            format!(
                "{file}: {} of {total} {noun} would be refused, so none is created: {}",
                parsed.problems.len(),
                list.join("; ")
            ),
            parsed.field_errors(),
        ));
    }
    if parsed.rows.is_empty() {
        return Err(invalid(format!("{file} holds no {noun}"), Vec::new()));
    }
    Ok(parsed.rows)
}

/// A file whose content cannot be used: `invalid_input` (nothing was sent), with its problems
/// as per-line fields.
pub(crate) fn invalid(message: String, fields: Vec<FieldError>) -> Error {
    let mut e = Error::new(markets::ErrorCode::InvalidInput, message);
    e.fields = fields;
    e
}

/// A header name as compared: trimmed, without a BOM, lowercase, spaces and dashes as `_`.
pub(crate) fn header_key(name: &str) -> String {
    name.trim().trim_start_matches('\u{feff}').trim().to_lowercase().replace([' ', '-'], "_")
}

/// The separator of a CSV: of `,` `;` and tab, the one its first line (outside quotes) holds
/// most; `,` when it holds none.
pub(crate) fn separator(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let seps = [b',', b';', b'\t'];
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        seps[best]
    }
}

/// One record of a CSV, trimmed, with the line it starts on.
pub(crate) struct Record {
    pub line: u64,
    pub cells: Vec<String>,
}

impl Record {
    pub fn get(&self, column: Option<usize>) -> &str {
        column.and_then(|c| self.cells.get(c)).map(String::as_str).unwrap_or("")
    }
}

/// The records of a CSV text (none is a header here: the kind decides), with blank lines
/// counted; a record that cannot be read is `Err` with its line.
pub(crate) struct Table {
    pub records: Vec<Result<Record, (u64, String)>>,
    pub blank_lines: u64,
}

pub(crate) fn read_table(text: &str) -> Table {
    let mut records = Vec::new();
    let blank_lines = each_record(text, |line, record| {
        records
            .push(record.map(|r| Record { line, cells: r.iter().map(str::to_owned).collect() }).map_err(|m| (line, m)))
    });
    Table { records, blank_lines }
}

/// Calls `f` with each record of a CSV text that is not blank, and the line it starts on (a
/// record that cannot be read: its message); returns the number of blank lines. One record in
/// memory at a time: a million lines are read without a million allocations.
pub(crate) fn each_record(text: &str, mut f: impl FnMut(u64, Result<&csv::StringRecord, String>)) -> u64 {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(separator(text))
        .from_reader(bytes);
    // The reader's own positions are where it began to read, before the empty lines it skips:
    // lines are counted here, from the bytes, in one pass.
    let (mut counted_to, mut line_at) = (0usize, 1u64);
    let mut line_of = |byte: usize| {
        let byte = byte.min(bytes.len()).max(counted_to);
        line_at += bytes[counted_to..byte].iter().filter(|b| **b == b'\n').count() as u64;
        counted_to = byte;
        line_at
    };
    let mut covered = 0u64;
    let mut record = csv::StringRecord::new();
    loop {
        let from = reader.position().byte() as usize;
        let result = reader.read_record(&mut record);
        let after = reader.position().byte() as usize;
        let start = from + bytes[from.min(bytes.len())..].iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
        let line = line_of(start);
        let last_line = if after > start { line_of(after - 1) } else { line };
        match result {
            Ok(false) => break,
            Ok(true) => {
                if record.iter().any(|c| !c.is_empty()) {
                    covered += last_line - line + 1;
                    f(line, Ok(&record));
                }
            }
            Err(e) => {
                covered += last_line - line + 1;
                let message = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => "is not UTF-8 text".to_owned(),
                    _ => format!("cannot be read: {e}"),
                };
                f(line, Err(message));
                if after <= from {
                    break;
                }
            }
        }
    }
    // A last newline ends the last line, it does not start one.
    (text.lines().count() as u64).saturating_sub(covered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_the_header_lines_outside_quotes() {
        assert_eq!(separator("a,b,c\n1;2;3;4;5\n"), b',');
        assert_eq!(separator("a;b;\"c,d,e\"\n"), b';');
        assert_eq!(separator("a\tb\n"), b'\t');
        assert_eq!(separator("\"x,\ny,z\";q\n"), b';');
        assert_eq!(separator("code\n"), b',');
    }

    #[test]
    fn records_start_on_their_physical_line_and_blank_lines_are_counted() {
        let t = read_table("\u{feff}h1,h2\n\na,\"multi\nline\"\n ,  \nb,c\n\n");
        let lines: Vec<u64> = t.records.iter().map(|r| r.as_ref().unwrap().line).collect();
        assert_eq!(lines, [1, 3, 6]);
        assert_eq!(t.records[1].as_ref().unwrap().cells, ["a", "multi\nline"]);
        assert_eq!(t.blank_lines, 3);
    }

    #[test]
    fn all_or_nothing_names_every_bad_row() {
        let parsed = Parsed {
            rows: vec![1],
            problems: vec![
                Problem::at_line(3, 2, None, "no code"),
                Problem::at_line(5, 3, Some("price_cents"), "`x` is not a number"),
            ],
            ..Parsed::default()
        };
        let e = all_or_nothing(parsed, "a.csv", "offers").unwrap_err();
        assert_eq!(e.code, markets::ErrorCode::InvalidInput);
        assert_eq!(
            e.message,
            "a.csv: 2 of 3 offers would be refused, so none is created: line 3: no code; line 5: `x` is not a number"
        );
        assert_eq!(e.fields[1], FieldError::new("line 5", "`x` is not a number"));
        let e = all_or_nothing(Parsed::<u8>::default(), "a.csv", "offers").unwrap_err();
        assert_eq!(e.message, "a.csv holds no offers");
    }
}
