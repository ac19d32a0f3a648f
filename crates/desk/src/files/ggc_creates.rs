//! GGChest offers to create in bulk, from a JSON array of create bodies (each with
//! `offer_type`: accounts, currency or items, beside the fields its endpoint takes) or from a
//! CSV whose header names the fields: `offer_type`, `game_id`, `title`, `description`, `price`,
//! `qty_total`, `qty_min`, `delivery_time`, `delivery_method`, `game_currency_id`, and
//! `attributes` as `attr_id:option_id;…`. Every row is checked as the client will check it
//! before sending (`jobs::plan::ggc::check_create`), so a bad file is known before the job.

use jobs::{plan::ggc::Creates, Op};
use serde_json::{Map, Value};

use super::{all_or_nothing, header_key, invalid, read_table, Parsed, Problem};
use crate::Error;

/// One offer to create, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Create {
    pub op: Op,
    /// Fields the API does not take, not sent, with their place (`line 3: prise`).
    pub unknown_fields: Vec<String>,
}

fn checked(parsed: &mut Parsed<Create>, line: Option<u64>, row: u64, body: Value) {
    let problem = |message| Problem { line, row, field: None, message };
    match jobs::plan::ggc::check_create(body) {
        Ok((op, unknown)) => {
            let place = problem(String::new()).place();
            parsed.rows.push(Create { op, unknown_fields: unknown.iter().map(|f| format!("{place}: {f}")).collect() })
        }
        Err(message) => parsed.problems.push(problem(message)),
    }
}

/// Offers from a JSON array; `Err` when the text is not a JSON array.
pub fn parse_json(text: &str, file: &str) -> Result<Parsed<Create>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| {
        invalid(format!("{file} is not valid JSON (line {}, column {}): {e}", e.line(), e.column()), Vec::new())
    })?;
    let Value::Array(items) = value else {
        return Err(invalid(format!("{file}: expected a JSON array of offers"), Vec::new()));
    };
    let mut lines = element_lines(text);
    // Items sharing a line (a one-line array) are named by position ("offer 2"), not all "line 1".
    if lines.windows(2).any(|w| w[0] == w[1]) {
        lines.clear();
    }
    let mut parsed = Parsed::default();
    for (n, item) in items.into_iter().enumerate() {
        checked(&mut parsed, lines.get(n).copied(), n as u64 + 1, item);
    }
    Ok(parsed)
}

/// The line each element of the top-level JSON array starts on (`text` is a valid array).
fn element_lines(text: &str) -> Vec<u64> {
    let (mut line, mut depth, mut quoted, mut escaped, mut expect) = (1u64, 0u32, false, false, false);
    let mut lines = Vec::new();
    for c in text.chars() {
        if c == '\n' {
            line += 1;
        }
        if quoted {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => quoted = false,
                _ => {}
            }
            continue;
        }
        if expect && depth == 1 && !c.is_whitespace() && c != ']' {
            lines.push(line);
            expect = false;
        }
        match c {
            '"' => quoted = true,
            '[' | '{' => {
                depth += 1;
                if depth == 1 {
                    expect = true;
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            ',' if depth == 1 => expect = true,
            _ => {}
        }
    }
    lines
}

/// Offers from a CSV with a header line naming the fields.
pub fn parse_csv(text: &str) -> Parsed<Create> {
    let table = read_table(text);
    let mut parsed = Parsed { blank_lines: table.blank_lines, ..Parsed::default() };
    let mut records = table.records.into_iter();
    let headers: Vec<String> = match records.next() {
        Some(Ok(h)) => h.cells.iter().map(|c| header_key(c)).collect(),
        Some(Err((line, message))) => {
            parsed.problems.push(Problem::at_line(line, 0, None, format!("the header line {message}")));
            return parsed;
        }
        None => return parsed,
    };
    for (n, record) in records.enumerate() {
        let row = n as u64 + 1;
        let record = match record {
            Ok(r) => r,
            Err((line, message)) => {
                parsed.problems.push(Problem::at_line(line, row, None, message));
                continue;
            }
        };
        let mut obj = Map::new();
        let mut bad = None;
        for (h, v) in headers.iter().zip(record.cells.iter()) {
            if v.is_empty() {
                continue;
            }
            let value = match h.as_str() {
                "qty_total" | "qty_min" => match v.parse::<u64>() {
                    Ok(q) => Value::from(q),
                    Err(_) => {
                        bad = Some(Problem::at_line(
                            record.line,
                            row,
                            Some(h),
                            format!("{h} `{v}` is not a whole number"),
                        ));
                        break;
                    }
                },
                "attributes" => Value::Array(
                    v.split(';')
                        .filter(|p| !p.trim().is_empty())
                        .map(|p| {
                            let (id, option) = p.split_once(':').unwrap_or((p, ""));
                            serde_json::json!({ "id": id.trim(), "option_id": option.trim() })
                        })
                        .collect(),
                ),
                _ => Value::from(v.as_str()),
            };
            obj.insert(h.clone(), value);
        }
        if let Some(problem) = bad {
            parsed.problems.push(problem);
            continue;
        }
        obj.entry("attributes").or_insert_with(|| Value::Array(vec![]));
        checked(&mut parsed, Some(record.line), row, Value::Object(obj));
    }
    parsed
}

/// The bulk-create rule ([`all_or_nothing`]): every offer checked, none created when one is bad.
/// The unknown fields are named by place (`line 3: prise`).
pub fn for_job(parsed: Parsed<Create>, file: &str) -> Result<Creates, Error> {
    let rows = all_or_nothing(parsed, file, "offers")?;
    let mut creates = Creates { ops: Vec::with_capacity(rows.len()), unknown_fields: Vec::new() };
    for create in rows {
        creates.unknown_fields.extend(create.unknown_fields);
        creates.ops.push(create.op);
    }
    Ok(creates)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GAME: &str = "550e8400-e29b-41d4-a716-446655440000";

    #[test]
    fn json_items_are_checked_and_bad_ones_named_with_their_line() {
        let text = format!(
            "[\n  {{\"offer_type\": \"items\", \"game_id\": \"{GAME}\", \"title\": \"A\", \"description\": \"d\", \"price\": \"1.00\",\n   \"qty_total\": 1, \"qty_min\": 1, \"delivery_method\": \"manual\", \"delivery_time\": \"1d\", \"attributes\": []}},\n  {{\"offer_type\": \"boats\"}},\n  \"x\"\n]"
        );
        let p = parse_json(&text, "o.json").unwrap();
        let places: Vec<String> = p.problems.iter().map(Problem::place).collect();
        assert_eq!(places, ["line 4", "line 5"], "{:?}", p.problems);
        assert!(p.problems[0].message.contains("offer_type `boats`"), "{}", p.problems[0].message);
        let e = for_job(p, "o.json").unwrap_err();
        assert!(
            e.message.starts_with("o.json: 2 of 3 offers would be refused, so none is created: line 4: "),
            "{}",
            e.message
        );
        assert_eq!(parse_json("{}", "o.json").unwrap_err().code, markets::ErrorCode::InvalidInput);
    }

    #[test]
    fn csv_numbers_and_attributes() {
        let text =
            "offer_type;Game ID;title;price;qty_total;qty_min;delivery_time;attributes\nitems;x;A;1.00;many;1;1h;\n";
        let p = parse_csv(text);
        assert_eq!(p.problems[0].place(), "line 2");
        assert!(p.problems[0].message.contains("qty_total `many`"));
    }
}
