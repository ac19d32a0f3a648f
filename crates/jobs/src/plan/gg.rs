//! Gaming Goods jobs: codes to many listings, C2C offers on many products, repricing offers.

use std::collections::{HashMap, HashSet};

use markets::gg::GgClient;
use rust_decimal::Decimal;

use super::PriceRule;
use crate::{ops::Op, Error, Result};

/// Codes per upload request. Gaming Goods documents no maximum; 500 keeps one request's body
/// small (~20 KB) while a 10,000-code upload still takes only 20 requests.
pub const CODES_PER_STEP: usize = 500;

/// `product_id,code` lines (a header `product_id,code` is skipped), deduplicated per product.
#[derive(Debug, Default, PartialEq)]
pub struct ProductCodes {
    /// Per product, in order of first appearance, its unique codes in file order.
    pub products: Vec<(String, Vec<String>)>,
    pub codes: usize,
    /// Lines repeating a product's code, dropped.
    pub duplicates: usize,
    pub blank_lines: usize,
}

/// Parses `product_id,code[,…]` lines. Fast enough for a million lines in well under a second:
/// one pass, borrowed slices, one hash set per product.
pub fn parse_product_codes(text: &str) -> Result<ProductCodes> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = ProductCodes::default();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut seen: Vec<HashSet<&str>> = Vec::new();
    let mut lists: Vec<(&str, Vec<&str>)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut fields = line.split([',', ';', '\t']).map(|f| f.trim().trim_matches('"').trim());
        let product = fields.next().unwrap_or_default();
        let code = fields.next().unwrap_or_default();
        if product.is_empty() && code.is_empty() {
            out.blank_lines += 1;
            continue;
        }
        if n == 0 && product.eq_ignore_ascii_case("product_id") {
            continue;
        }
        if product.is_empty() || code.is_empty() {
            return Err(Error::Input(format!("line {}: expected `product_id,code`", n + 1)));
        }
        let at = *index.entry(product).or_insert_with(|| {
            lists.push((product, Vec::new()));
            seen.push(HashSet::new());
            lists.len() - 1
        });
        if seen[at].insert(code) {
            lists[at].1.push(code);
            out.codes += 1;
        } else {
            out.duplicates += 1;
        }
    }
    out.products =
        lists.into_iter().map(|(p, codes)| (p.to_owned(), codes.into_iter().map(str::to_owned).collect())).collect();
    Ok(out)
}

/// Steps uploading codes to the seller's own listings.
pub fn upload_codes(parsed: &ProductCodes) -> Vec<Op> {
    parsed
        .products
        .iter()
        .flat_map(|(product, codes)| {
            codes.chunks(CODES_PER_STEP).map(|c| Op::GgUploadCodes { product_id: product.clone(), codes: c.to_vec() })
        })
        .collect()
}

/// `product_id,price_cents,code` lines: C2C offers, grouped per product and price.
pub fn parse_offers(text: &str) -> Result<Vec<Op>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut groups: Vec<((String, u64), Vec<String>)> = Vec::new();
    let mut index: HashMap<(String, u64), usize> = HashMap::new();
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for (n, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split([',', ';', '\t']).map(|f| f.trim().trim_matches('"').trim()).collect();
        if fields.iter().all(|f| f.is_empty()) {
            continue;
        }
        if n == 0 && fields[0].eq_ignore_ascii_case("product_id") {
            continue;
        }
        let bad = || Error::Input(format!("line {}: expected `product_id,price_cents,code`", n + 1));
        let [product, price, code] = fields.get(..3).and_then(|f| <[&str; 3]>::try_from(f).ok()).ok_or_else(bad)?;
        let cents: u64 = price.parse().ok().filter(|c| *c > 0).ok_or_else(bad)?;
        if product.is_empty() || code.is_empty() {
            return Err(bad());
        }
        if !seen.insert((product.to_owned(), code.to_owned())) {
            continue;
        }
        let key = (product.to_owned(), cents);
        let at = *index.entry(key.clone()).or_insert_with(|| {
            groups.push((key, Vec::new()));
            groups.len() - 1
        });
        groups[at].1.push(code.to_owned());
    }
    Ok(groups
        .into_iter()
        .flat_map(|((product, cents), codes)| {
            codes
                .chunks(CODES_PER_STEP)
                .map(|c| Op::GgAddOffers { product_id: product.clone(), price_cents: cents, codes: c.to_vec() })
                .collect::<Vec<_>>()
        })
        .collect())
}

/// Reads the seller's offers and plans one reprice per product and price with unsold codes
/// (`products` empty: every product). Prices in the rule are euros.
pub async fn reprice(client: &GgClient, rule: &PriceRule, products: &[String]) -> Result<Vec<Op>> {
    rule.validate().map_err(Error::Input)?;
    let offers = client.all_offers().await?;
    let mut ops = Vec::new();
    let mut planned: HashSet<(String, i64)> = HashSet::new();
    for o in offers.iter().filter(|o| o.available > 0) {
        if !products.is_empty() && !products.contains(&o.product_id) {
            continue;
        }
        if !planned.insert((o.product_id.clone(), o.price_cents.0)) {
            continue;
        }
        let current = Decimal::new(o.price_cents.0, 2);
        let Some(new) = rule.apply(current) else { continue };
        let new_cents = (new * Decimal::ONE_HUNDRED).trunc().to_string().parse::<u64>().unwrap_or(0);
        if new_cents == 0 || new_cents as i64 == o.price_cents.0 {
            continue;
        }
        ops.push(Op::GgReprice { product_id: o.product_id.clone(), old_cents: o.price_cents.0 as u64, new_cents });
    }
    Ok(ops)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_group_per_product_and_drop_repeats() {
        let p = parse_product_codes("product_id,code\np1,A\np2,B\np1,A\n\np1,C\n").unwrap();
        assert_eq!(p.products, vec![("p1".into(), vec!["A".into(), "C".into()]), ("p2".into(), vec!["B".into()])]);
        assert_eq!((p.codes, p.duplicates, p.blank_lines), (3, 1, 1));
        assert!(parse_product_codes("p1\n").is_err());
    }

    #[test]
    fn offers_group_per_product_and_price() {
        let ops = parse_offers("product_id,price_cents,code\np1,500,A\np1,500,B\np1,600,C\np1,500,A\n").unwrap();
        assert_eq!(ops.len(), 2);
        assert_eq!(ops[0].items(), 2);
        assert!(parse_offers("p1,abc,A\n").is_err());
    }
}
