//! Codes for many Gaming Goods listings: `product_id,code` rows (a header naming them is
//! optional: `product_id` or `product`, and `code` or `key`, in any order; further columns are
//! ignored). A row without a product or a code is a problem of its line.

use jobs::plan::gg::ProductCode;

use super::{codes::is_code_header, each_record, header_key, Parsed, Problem};

fn is_product_header(cell: &str) -> bool {
    matches!(header_key(cell).as_str(), "product_id" | "product" | "productid" | "listing" | "listing_id")
}

pub fn parse(text: &str) -> Parsed<ProductCode> {
    let mut parsed = Parsed::default();
    let (mut product, mut code) = (0, 1);
    let (mut first, mut row) = (true, 0u64);
    parsed.blank_lines = each_record(text, |line, record| {
        let record = match record {
            Ok(r) => r,
            Err(message) => {
                row += 1;
                first = false;
                parsed.problems.push(Problem::at_line(line, row, None, message));
                return;
            }
        };
        if std::mem::take(&mut first) {
            let p = record.iter().position(is_product_header);
            let c = record.iter().position(is_code_header);
            if p.is_some() || c.is_some() {
                product = p.unwrap_or(0);
                code = c.unwrap_or(if product == 0 { 1 } else { 0 });
                parsed.ignored_columns = record
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != product && *i != code)
                    .map(|(_, name)| name.to_owned())
                    .collect();
                return;
            }
        }
        row += 1;
        let (p, c) = (record.get(product).unwrap_or(""), record.get(code).unwrap_or(""));
        if p.is_empty() || c.is_empty() {
            let missing = if p.is_empty() { "product_id" } else { "code" };
            parsed.problems.push(Problem::at_line(
                line,
                row,
                Some(missing),
                format!("has no {missing}: expected `product_id,code`"),
            ));
            return;
        }
        parsed.rows.push(ProductCode { product_id: p.to_owned(), code: c.to_owned() });
    });
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_with_or_without_a_header_and_bad_rows_by_line() {
        let p = parse("Code;Product\n\"A\nB\";p1\n\n;p2\nC;p1\n");
        assert_eq!(
            p.rows,
            [
                ProductCode { product_id: "p1".into(), code: "A\nB".into() },
                ProductCode { product_id: "p1".into(), code: "C".into() }
            ]
        );
        assert_eq!(p.problems, [Problem::at_line(5, 2, Some("code"), "has no code: expected `product_id,code`")]);
        assert_eq!(p.blank_lines, 1);
        let p = parse("p1\tA\tnote\np2\n");
        assert_eq!(p.rows.len(), 1);
        assert_eq!(p.problems[0].line, Some(2));
    }

    #[test]
    fn grouped_per_product_without_repeats() {
        let p = parse("product_id,code\np1,A\np2,B\np1,A\n\np1,C\n");
        let grouped = jobs::plan::gg::group_product_codes(&p.rows);
        assert_eq!(
            grouped.products,
            vec![("p1".into(), vec!["A".into(), "C".into()]), ("p2".into(), vec!["B".into()])]
        );
        assert_eq!((grouped.codes, grouped.duplicates, p.blank_lines), (3, 1, 1));
    }
}
