//! The order of Gaming Goods price changes. `PATCH /seller/offers/{productId}/price` "changes
//! price for all of your unsold offers on the product that match old_price_cents": it moves a
//! whole price group, including units an earlier step of the same job has just moved there.
//! Units at 1000, 1000 and 950 cents, 5 % off, give the moves 1000→950 and 950→903; sent in
//! that order the second catches the first's units too, and all three end at 903.
//!
//! So each product's moves are ordered: a move runs only once no later move starts from the
//! price it moves to. A cycle of moves (a→b, b→a: no single price rule makes one, since rules
//! are monotonic, but a hand-made plan could) is broken by moving one group through a price no
//! group of the product holds.

use std::collections::{BTreeMap, BTreeSet};

/// One price change: every unsold unit of `product` at `old` cents goes to `new` cents.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Move {
    pub product: String,
    pub old: u64,
    pub new: u64,
}

/// `moves` (at most one per product and old price; none with `old == new`) in an order where
/// no move's `new` is the `old` of a move after it on the same product. `held`: every price
/// at which the seller has unsold units of a product (a detour never lands on one). Products
/// keep the order of their first move.
pub fn order_moves(moves: Vec<Move>, held: &BTreeMap<String, BTreeSet<u64>>) -> Vec<Move> {
    let mut products: Vec<String> = Vec::new();
    let mut per_product: BTreeMap<String, Vec<Move>> = BTreeMap::new();
    for m in moves {
        if !per_product.contains_key(&m.product) {
            products.push(m.product.clone());
        }
        per_product.entry(m.product.clone()).or_default().push(m);
    }
    let none = BTreeSet::new();
    products
        .into_iter()
        .flat_map(|p| {
            let moves = per_product.remove(&p).unwrap_or_default();
            order_one_product(moves, held.get(&p).unwrap_or(&none))
        })
        .collect()
}

fn order_one_product(mut left: Vec<Move>, held: &BTreeSet<u64>) -> Vec<Move> {
    let mut taken: BTreeSet<u64> = held.iter().copied().collect();
    taken.extend(left.iter().flat_map(|m| [m.old, m.new]));
    let mut out = Vec::with_capacity(left.len());
    while !left.is_empty() {
        // A move whose target no remaining move starts from can go now: nothing will move
        // its units again.
        let free = left.iter().position(|m| !left.iter().any(|other| other.old == m.new));
        match free {
            Some(i) => out.push(left.remove(i)),
            None => {
                // Only cycles remain. Park one group at a price nobody holds; its final move
                // goes back to the list and waits like any other.
                let m = left.remove(0);
                let detour = (m.old.max(1)..).find(|p| !taken.contains(p)).expect("a free price");
                taken.insert(detour);
                out.push(Move { product: m.product.clone(), old: m.old, new: detour });
                left.push(Move { product: m.product, old: detour, new: m.new });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn mv(old: u64, new: u64) -> Move {
        Move { product: "p".into(), old, new }
    }

    /// Applies the moves as the document says the PATCH does: every unit at `old` goes to `new`.
    pub(crate) fn apply(units: &mut [u64], moves: &[Move]) {
        for m in moves {
            for u in units.iter_mut().filter(|u| **u == m.old) {
                *u = m.new;
            }
        }
    }

    #[test]
    fn the_issue_example_moves_each_unit_once() {
        let moves = order_moves(vec![mv(1000, 950), mv(950, 903)], &BTreeMap::new());
        assert_eq!(moves, vec![mv(950, 903), mv(1000, 950)]);
        let mut units = [1000, 1000, 950];
        apply(&mut units, &moves);
        assert_eq!(units, [950, 950, 903]);
    }

    #[test]
    fn a_cycle_goes_through_a_free_price() {
        let held = BTreeMap::from([("p".to_owned(), BTreeSet::from([500, 501, 600]))]);
        let moves = order_moves(vec![mv(500, 600), mv(600, 500)], &held);
        assert_eq!(moves.len(), 3);
        assert!(moves.iter().all(|m| m.new != 501), "never onto a held price");
        let mut units = [500, 600, 600, 501];
        apply(&mut units, &moves);
        assert_eq!(units, [600, 500, 500, 501]);
    }

    #[test]
    fn random_permutations_of_prices_end_where_planned() {
        let mut next = super::super::test_random(0x9e37_79b9_7f4a_7c15);
        for _ in 0..2_000 {
            let groups = 1 + next(6) as usize;
            let prices: Vec<u64> = (0..groups).map(|_| 1 + next(12)).collect::<BTreeSet<_>>().into_iter().collect();
            let target: HashMap<u64, u64> = prices.iter().map(|&p| (p, 1 + next(12))).collect();
            let moves: Vec<Move> = prices.iter().filter(|p| target[p] != **p).map(|&p| mv(p, target[&p])).collect();
            let held = BTreeMap::from([("p".to_owned(), prices.iter().copied().collect())]);
            let ordered = order_moves(moves, &held);
            let mut units: Vec<u64> = prices.iter().flat_map(|&p| [p, p]).collect();
            let expected: Vec<u64> = units.iter().map(|u| target[u]).collect();
            apply(&mut units, &ordered);
            assert_eq!(units, expected, "prices {prices:?} target {target:?} moves {ordered:?}");
        }
    }
}
