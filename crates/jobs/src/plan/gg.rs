//! Gaming Goods jobs: codes to many listings, C2C offers on many products, repricing offers.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use markets::gg::GgClient;
use rust_decimal::Decimal;

use super::{
    reprice_order::{order_moves, Move},
    PriceRule,
};
use crate::{ops::Op, Error, Result};

/// Codes per upload request. Gaming Goods documents no maximum; 500 keeps one request's body
/// small (~20 KB) while a 10,000-code upload still takes only 20 requests.
pub const CODES_PER_STEP: usize = 500;

/// Codes for many listings ([`group_product_codes`]), deduplicated per product.
#[derive(Debug, Default, PartialEq)]
pub struct ProductCodes {
    /// Per product, in order of first appearance, its unique codes in file order.
    pub products: Vec<(String, Vec<String>)>,
    pub codes: usize,
    /// Rows repeating a product's code, dropped.
    pub duplicates: usize,
}

/// One row of a `product_id,code` file: a code for one of the seller's listings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductCode {
    pub product_id: String,
    pub code: String,
}

/// `rows` per product, in order of first appearance, each product's codes unique in row order.
/// One pass, one hash set per product: a million rows in well under a second.
pub fn group_product_codes(rows: &[ProductCode]) -> ProductCodes {
    let mut out = ProductCodes::default();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut seen: Vec<HashSet<&str>> = Vec::new();
    let mut lists: Vec<(&str, Vec<&str>)> = Vec::new();
    for row in rows {
        let at = *index.entry(&row.product_id).or_insert_with(|| {
            lists.push((&row.product_id, Vec::new()));
            seen.push(HashSet::new());
            lists.len() - 1
        });
        if seen[at].insert(&row.code) {
            lists[at].1.push(&row.code);
            out.codes += 1;
        } else {
            out.duplicates += 1;
        }
    }
    out.products =
        lists.into_iter().map(|(p, codes)| (p.to_owned(), codes.into_iter().map(str::to_owned).collect())).collect();
    out
}

/// One row of a `product_id,price_cents,code` file: a C2C offer of one code on a product.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOffer {
    pub product_id: String,
    /// Above 0.
    pub price_cents: u64,
    pub code: String,
}

/// Steps adding `rows` as C2C offers, grouped per product and price; a code repeated on one
/// product is offered once.
pub fn add_offers(rows: &[NewOffer]) -> Vec<Op> {
    let mut groups: Vec<((&str, u64), Vec<String>)> = Vec::new();
    let mut index: HashMap<(&str, u64), usize> = HashMap::new();
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    for row in rows {
        if !seen.insert((&row.product_id, &row.code)) {
            continue;
        }
        let key = (row.product_id.as_str(), row.price_cents);
        let at = *index.entry(key).or_insert_with(|| {
            groups.push((key, Vec::new()));
            groups.len() - 1
        });
        groups[at].1.push(row.code.clone());
    }
    groups
        .into_iter()
        .flat_map(|((product, cents), codes)| {
            codes
                .chunks(CODES_PER_STEP)
                .map(|c| Op::GgAddOffers { product_id: product.to_owned(), price_cents: cents, codes: c.to_vec() })
                .collect::<Vec<_>>()
        })
        .collect()
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

/// Reads the seller's offers and plans one reprice per product and price with unsold codes
/// (`products` empty: every product). Prices in the rule are euros.
pub async fn reprice(client: &GgClient, rule: &PriceRule, products: &[String]) -> Result<Vec<Op>> {
    rule.validate().map_err(Error::Input)?;
    let offers = client.all_offers().await?;
    let groups: Vec<PriceGroup> = offers
        .iter()
        .map(|o| PriceGroup { product_id: o.product_id.clone(), price_cents: o.price_cents.0, available: o.available })
        .collect();
    plan_reprice(&groups, rule, products)
}

/// One row of `GET /seller/offers`: a product's units at one price.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceGroup {
    pub product_id: String,
    pub price_cents: i64,
    pub available: u64,
}

/// The reprice steps for `groups` under `rule`, ordered so that no step moves units an earlier
/// step moved (see [`super::reprice_order`]). Fails, naming the cause, when the selection has
/// offers but the rule gives none of them a valid price.
pub fn plan_reprice(groups: &[PriceGroup], rule: &PriceRule, products: &[String]) -> Result<Vec<Op>> {
    let mut moves = Vec::new();
    let mut held: BTreeMap<String, BTreeSet<u64>> = BTreeMap::new();
    let mut planned: HashSet<(String, i64)> = HashSet::new();
    let (mut selected, mut no_valid_price) = (0usize, 0usize);
    for o in groups.iter().filter(|o| o.available > 0 && o.price_cents > 0) {
        if !products.is_empty() && !products.contains(&o.product_id) {
            continue;
        }
        held.entry(o.product_id.clone()).or_default().insert(o.price_cents as u64);
        if !planned.insert((o.product_id.clone(), o.price_cents)) {
            continue;
        }
        selected += 1;
        let current = Decimal::new(o.price_cents, 2);
        let new_cents = rule
            .apply(current)
            .and_then(|new| (new * Decimal::ONE_HUNDRED).trunc().to_string().parse::<u64>().ok())
            .filter(|c| *c > 0);
        let Some(new_cents) = new_cents else {
            no_valid_price += 1;
            continue;
        };
        if new_cents as i64 != o.price_cents {
            moves.push(Move { product: o.product_id.clone(), old: o.price_cents as u64, new: new_cents });
        }
    }
    if moves.is_empty() && no_valid_price > 0 {
        return Err(Error::Input(format!(
            "the price rule gives no valid price for any of the {selected} selected price group(s): every new \
             price would be 0 or below. Use a smaller cut, or give a floor"
        )));
    }
    Ok(order_moves(moves, &held)
        .into_iter()
        .map(|m| Op::GgReprice { product_id: m.product, old_cents: m.old, new_cents: m.new })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(product: &str, code: &str) -> ProductCode {
        ProductCode { product_id: product.into(), code: code.into() }
    }

    #[test]
    fn codes_group_per_product_and_drop_repeats() {
        let p = group_product_codes(&[row("p1", "A"), row("p2", "B"), row("p1", "A"), row("p1", "C")]);
        assert_eq!(p.products, vec![("p1".into(), vec!["A".into(), "C".into()]), ("p2".into(), vec!["B".into()])]);
        assert_eq!((p.codes, p.duplicates), (3, 1));
    }

    use super::super::Adjust;

    fn group(product: &str, price_cents: i64, available: u64) -> PriceGroup {
        PriceGroup { product_id: product.into(), price_cents, available }
    }

    /// The contract-fidelity report's case: 1000, 1000, 950 cents, 5 % off → 950, 950, 903.
    #[test]
    fn reprice_never_moves_a_unit_twice() {
        let rule = PriceRule { adjust: Adjust::Percent("-5".parse().unwrap()), floor: None, ceiling: None };
        let ops = plan_reprice(&[group("p", 1000, 2), group("p", 950, 1)], &rule, &[]).unwrap();
        let mut units = vec![1000u64, 1000, 950];
        simulate(&mut units, "p", &ops);
        assert_eq!(units, vec![950, 950, 903]);
    }

    /// What `PATCH /seller/offers/{id}/price` does, per the document: every unsold unit of the
    /// product at `old_price_cents` goes to `new_price_cents`.
    fn simulate(units: &mut [u64], product: &str, ops: &[Op]) {
        for op in ops {
            let Op::GgReprice { product_id, old_cents, new_cents } = op else { panic!("{op:?}") };
            if product_id == product {
                units.iter_mut().filter(|u| **u == *old_cents).for_each(|u| *u = *new_cents);
            }
        }
    }

    /// Property: for random price tiers and random rules (percent, amount, set; floors and
    /// ceilings), every unit ends at exactly the price the rule gives its own starting price.
    #[test]
    fn reprice_plans_match_the_rule_for_random_tiers() {
        let mut next = super::super::test_random(0x2545_f491_4f6c_dd1d);
        for case in 0..3_000 {
            let products = ["a", "b"];
            let mut groups = Vec::new();
            for p in products {
                let mut seen = HashSet::new();
                for _ in 0..1 + next(6) {
                    // Tiers close together so that rules map one tier onto another often.
                    let price = 900 + 10 * next(15) as i64 + [0, 3, 5][next(3) as usize];
                    if seen.insert(price) {
                        groups.push(group(p, price, 1 + next(3)));
                    }
                }
            }
            let d = |x: i64, scale: u32| Decimal::new(x, scale);
            let adjust = match next(3) {
                0 => Adjust::Percent(d(-(next(30) as i64) + 10, 0) + d(next(100) as i64, 2)),
                1 => Adjust::Amount(d(next(200) as i64 - 100, 2)),
                _ => Adjust::Set(d(900 + next(150) as i64, 2)),
            };
            let floor = (next(3) == 0).then(|| d(900 + next(50) as i64, 2));
            let ceiling = (next(3) == 0).then(|| d(1000 + next(50) as i64, 2));
            let rule = PriceRule { adjust, floor, ceiling };
            let ops = plan_reprice(&groups, &rule, &[]).unwrap();
            for p in products {
                let mut units: Vec<u64> = groups
                    .iter()
                    .filter(|g| g.product_id == p)
                    .flat_map(|g| std::iter::repeat_n(g.price_cents as u64, g.available as usize))
                    .collect();
                let expected: Vec<u64> = units
                    .iter()
                    .map(|&u| {
                        let new = rule.apply(Decimal::new(u as i64, 2)).unwrap();
                        (new * Decimal::ONE_HUNDRED).trunc().to_string().parse().unwrap()
                    })
                    .collect();
                simulate(&mut units, p, &ops);
                assert_eq!(units, expected, "case {case}: {rule:?} on {groups:?} gave {ops:?}");
            }
        }
    }

    #[test]
    fn a_rule_that_prices_everything_below_zero_says_so() {
        let rule = PriceRule { adjust: Adjust::Amount("-20".parse().unwrap()), floor: None, ceiling: None };
        let err = plan_reprice(&[group("p", 1000, 2)], &rule, &[]).unwrap_err().to_string();
        assert!(err.contains("0 or below"), "{err}");
    }

    #[test]
    fn offers_group_per_product_and_price() {
        let offer = |price_cents, code: &str| NewOffer { product_id: "p1".into(), price_cents, code: code.into() };
        let ops = add_offers(&[offer(500, "A"), offer(500, "B"), offer(600, "C"), offer(500, "A")]);
        assert_eq!(ops.len(), 2);
        assert_eq!(ops[0].items(), 2);
    }
}
