//! Money as a seller reads it: euro cents as `17.99 €`, GGChest dollars as `$66.32`, listing
//! prices in their own currency. Always from exact decimals, never floats.

use markets::{Amount, Cents, Decimal, UsdPrice};

fn two_places(d: Decimal) -> String {
    let mut d = d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    d.rescale(2);
    d.to_string()
}

pub fn cents(c: Cents) -> String {
    format!("{} €", two_places(c.as_eur()))
}

pub fn usd(p: UsdPrice) -> String {
    format!("${}", two_places(p.value()))
}

pub fn usd_opt(p: Option<UsdPrice>) -> String {
    p.map(usd).unwrap_or_default()
}

/// A listing price in `currency` (`19.99 €`, `$19.99`, `1500.00 RUB`).
pub fn amount(a: Amount, currency: Option<&str>) -> String {
    let n = two_places(a.value());
    match currency.map(str::trim) {
        Some(c) if c.eq_ignore_ascii_case("EUR") => format!("{n} €"),
        Some(c) if c.eq_ignore_ascii_case("USD") => format!("${n}"),
        Some(c) if !c.is_empty() => format!("{n} {c}"),
        _ => n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(cents(Cents(1799)), "17.99 €");
        assert_eq!(cents(Cents(5)), "0.05 €");
        assert_eq!(usd(UsdPrice::parse("66.3").unwrap()), "$66.30");
        assert_eq!(amount(Amount::parse("19.9").unwrap(), Some("EUR")), "19.90 €");
        assert_eq!(amount(Amount::parse("5").unwrap(), Some("RUB")), "5.00 RUB");
    }
}
