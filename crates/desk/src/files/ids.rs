//! A list of ids (offer ids for a selection): one a line, trimmed; blank lines and lines
//! starting with `#` skipped; a CSV's first column, or its `id` column by header.

use super::{codes, header_key, read_table, Parsed, Problem};

fn is_id_header(cell: &str) -> bool {
    matches!(header_key(cell).as_str(), "id" | "ids" | "offer_id" | "offer" | "offer_ids")
}

/// Ids from `text` read as `format` (`codes::Format::of_name` of the file's name).
pub fn parse(text: &str, format: codes::Format) -> Parsed<String> {
    let mut parsed = Parsed::default();
    match format {
        codes::Format::Lines => {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            for line in text.lines().map(str::trim) {
                if line.is_empty() {
                    parsed.blank_lines += 1;
                } else if !line.starts_with('#') {
                    parsed.rows.push(line.to_owned());
                }
            }
        }
        codes::Format::Csv => {
            let table = read_table(text);
            parsed.blank_lines = table.blank_lines;
            let mut column = 0;
            for (i, record) in table.records.into_iter().enumerate() {
                let record = match record {
                    Ok(r) => r,
                    Err((line, message)) => {
                        parsed.problems.push(Problem::at_line(line, i as u64 + 1, None, message));
                        continue;
                    }
                };
                if i == 0 {
                    if let Some(c) = record.cells.iter().position(|c| is_id_header(c)) {
                        column = c;
                        continue;
                    }
                }
                let id = record.get(Some(column));
                if id.is_empty() {
                    parsed.blank_lines += 1;
                } else if !id.starts_with('#') {
                    parsed.rows.push(id.to_owned());
                }
            }
        }
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_id_a_line_or_a_csv_column() {
        let p = parse("\u{feff} a \n# comment\n\nb\n", codes::Format::Lines);
        assert_eq!((p.rows.clone(), p.blank_lines), (vec!["a".to_owned(), "b".to_owned()], 1));
        let p = parse("title;offer_id\nx;a\ny; b \n", codes::Format::Csv);
        assert_eq!(p.rows, ["a", "b"]);
    }
}
