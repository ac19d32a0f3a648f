//! Gaming Goods C2C offers for many products: `product_id,price_cents,code` rows (a header
//! naming them is optional, in any order; further columns are ignored). The price is in euro
//! cents, a whole number above 0.

use jobs::plan::gg::NewOffer;

use super::{codes::is_code_header, header_key, read_table, Parsed, Problem};

fn column(cell: &str) -> Option<usize> {
    if is_code_header(cell) {
        return Some(2);
    }
    Some(match header_key(cell).as_str() {
        "product_id" | "product" | "productid" => 0,
        "price_cents" | "price" | "cents" => 1,
        _ => return None,
    })
}

const EXPECTED: &str = "expected `product_id,price_cents,code`";

pub fn parse(text: &str) -> Parsed<NewOffer> {
    let table = read_table(text);
    let mut parsed = Parsed { blank_lines: table.blank_lines, ..Parsed::default() };
    let mut index = [0usize, 1, 2];
    let mut row = 0u64;
    for (i, record) in table.records.into_iter().enumerate() {
        let record = match record {
            Ok(r) => r,
            Err((line, message)) => {
                row += 1;
                parsed.problems.push(Problem::at_line(line, row, None, message));
                continue;
            }
        };
        if i == 0 && record.cells.iter().any(|c| column(c).is_some()) {
            let mut found = [None; 3];
            for (at, cell) in record.cells.iter().enumerate() {
                match column(cell) {
                    Some(c) if found[c].is_none() => found[c] = Some(at),
                    _ => parsed.ignored_columns.push(cell.clone()),
                }
            }
            // A header naming only some columns: the others in their usual places.
            for c in 0..3 {
                index[c] = found[c].unwrap_or(c);
            }
            continue;
        }
        row += 1;
        let get = |c: usize| record.get(Some(index[c]));
        let (product, price, code) = (get(0), get(1), get(2));
        let problem = |field: &str, message: String| Problem::at_line(record.line, row, Some(field), message);
        if product.is_empty() {
            parsed.problems.push(problem("product_id", format!("has no product_id: {EXPECTED}")));
        } else if code.is_empty() {
            parsed.problems.push(problem("code", format!("has no code: {EXPECTED}")));
        } else {
            match price.parse::<u64>() {
                Ok(cents) if cents > 0 => parsed.rows.push(NewOffer {
                    product_id: product.to_owned(),
                    price_cents: cents,
                    code: code.to_owned(),
                }),
                _ => parsed.problems.push(problem(
                    "price_cents",
                    format!("price_cents `{price}` is not a whole number of cents above 0: {EXPECTED}"),
                )),
            }
        }
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offers_with_a_bad_price_named_by_line() {
        let p = parse("product_id,price_cents,code\np1,500,A\np1,abc,B\np1,600,C\np1,500,A\n");
        assert_eq!(p.rows.len(), 3);
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].place(), "line 3");
        assert!(p.problems[0].message.contains("`abc`"), "{}", p.problems[0].message);
        let ops = jobs::plan::gg::add_offers(&p.rows);
        assert_eq!(ops.len(), 2);
        assert_eq!(ops[0].items(), 1);
    }

    #[test]
    fn a_header_in_another_order() {
        let p = parse("code;price;product\nX;250;p9\n");
        assert_eq!(p.rows, [NewOffer { product_id: "p9".into(), price_cents: 250, code: "X".into() }]);
        let p = parse("p1\t0\tA\n");
        assert_eq!(p.problems[0].field.as_deref(), Some("price_cents"));
    }
}
