//! Money, never in floating point.
//!
//! - [`Amount`]: a Gaming Goods listing price, a decimal number in the listing's currency
//!   (`"price": 19.99`).
//! - [`UsdPrice`]: a GGChest price, a decimal *string* in US dollars (`"price": "66.32"`) that
//!   must match `^[0-9]{1,16}(\.[0-9]{1,2})?$` and be at most 19 characters.
//! - [`Cents`]: a Gaming Goods offer price, an integer number of euro cents (`"price_cents": 1799`).

use rust_decimal::{prelude::ToPrimitive, Decimal};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::{fmt, str::FromStr};

pub use rust_decimal::Decimal as Dec;

/// The GGChest price pattern, quoted in every error message about it.
pub const GGCHEST_PRICE_PATTERN: &str = r"^[0-9]{1,16}(\.[0-9]{1,2})?$";
/// The GGChest price string's maximum length (guide: "max 19 chars").
pub const GGCHEST_PRICE_MAX_LEN: usize = 19;

/// Parses a decimal a person typed: digits, an optional point and up to `max_scale` decimals.
/// Rejects signs, exponents, spaces inside and thousands separators, saying which.
fn parse_plain_decimal(input: &str, max_scale: u32) -> Result<Decimal, String> {
    let s = input.trim();
    if s.is_empty() {
        return Err("is empty: type a price such as 19.99".into());
    }
    let (int_part, frac_part) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int_part) || frac_part.is_some_and(|f| !all_digits(f)) {
        return Err(format!(
            "`{s}` is not a plain decimal number: use digits and a point, such as 19.99 (no sign, comma or spaces)"
        ));
    }
    if let Some(f) = frac_part {
        if f.len() as u32 > max_scale {
            return Err(format!("`{s}` has {} decimals; at most {max_scale} are allowed", f.len()));
        }
    }
    Decimal::from_str(s).map_err(|e| format!("`{s}` is not a number Seller Desk can hold exactly: {e}"))
}

/// Decimal from a JSON number without losing the digits the sender wrote: serde hands us an f64,
/// whose shortest round-trip representation (what `to_string` prints) is exactly the decimal the
/// sender wrote for any price of up to 15 significant digits.
fn decimal_from_f64(v: f64) -> Result<Decimal, String> {
    if !v.is_finite() {
        return Err(format!("{v} is not a finite number"));
    }
    Decimal::from_str(&v.to_string())
        .or_else(|_| Decimal::from_scientific(&format!("{v:e}")))
        .map_err(|e| format!("{v}: {e}"))
}

struct DecimalVisitor;

impl de::Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a decimal number or a string holding one")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        decimal_from_f64(v).map_err(E::custom)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        Decimal::from_str(v.trim()).map_err(|_| E::custom(format!("`{v}` is not a decimal number")))
    }
}

/// A Gaming Goods listing price in the listing's currency, sent as a JSON number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Amount(#[cfg_attr(feature = "ts", ts(type = "number"))] Decimal);

impl Amount {
    /// Parses a price a person typed (at most 2 decimals).
    pub fn parse(input: &str) -> Result<Self, String> {
        parse_plain_decimal(input, 2).map(Amount)
    }
    pub fn new(value: Decimal) -> Self {
        Amount(value)
    }
    pub fn value(self) -> Decimal {
        self.0
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for Amount {
    /// The API takes a JSON number. serde_json prints an f64 in its shortest round-trip form,
    /// so 19.99 goes out as `19.99`, exactly (prices are validated to ≤ 2 decimals and far
    /// fewer than 15 significant digits before sending).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.to_f64() {
            Some(v) => s.serialize_f64(v),
            None => Err(serde::ser::Error::custom("price out of range")),
        }
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DecimalVisitor).map(Amount)
    }
}

/// A GGChest price in US dollars, sent as a string such as `"66.32"`.
///
/// Decoding accepts any decimal string or number (the marketplace might send `"1.345"`);
/// [`UsdPrice::check`] tells whether it may be sent back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UsdPrice(#[cfg_attr(feature = "ts", ts(type = "string"))] Decimal);

impl UsdPrice {
    /// Parses a price a person typed, by the documented pattern and length.
    pub fn parse(input: &str) -> Result<Self, String> {
        let s = input.trim();
        if s.len() > GGCHEST_PRICE_MAX_LEN {
            return Err(format!("`{s}` is {} characters long; at most {GGCHEST_PRICE_MAX_LEN} are allowed", s.len()));
        }
        let value = parse_plain_decimal(s, 2)?;
        let price = UsdPrice(value);
        price.check()?;
        Ok(price)
    }

    pub fn new(value: Decimal) -> Self {
        UsdPrice(value)
    }

    pub fn value(self) -> Decimal {
        self.0
    }

    /// Rounds a computed price (e.g. after a −5 % reprice) to cents, half away from zero.
    pub fn rounded(value: Decimal) -> Self {
        let mut d = value.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        d.rescale(2);
        UsdPrice(d)
    }

    /// The exact string sent on the wire: always two decimals (`100.00`, `0.50`). The README's
    /// price endpoint: "We only accept 2 decimal places (see example)", `"66.32"`; the pattern
    /// `^[0-9]{1,16}(\.[0-9]{1,2})?$` takes that too. A value with more decimals that are not
    /// all zeros (`1.345`, read from somewhere) is left as it is, for [`UsdPrice::check`] to
    /// refuse rather than be rounded silently.
    pub fn wire(&self) -> String {
        let mut d = self.0.normalize();
        if d.scale() <= 2 {
            d.rescale(2);
        }
        d.to_string()
    }

    /// Checks the documented pattern `^[0-9]{1,16}(\.[0-9]{1,2})?$` and the 19-character limit.
    pub fn check(&self) -> Result<(), String> {
        let s = self.wire();
        let (int_part, frac) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s.as_str(), None),
        };
        let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        let ok = (1..=16).contains(&int_part.len())
            && digits(int_part)
            && frac.is_none_or(|f| (1..=2).contains(&f.len()) && digits(f))
            && s.len() <= GGCHEST_PRICE_MAX_LEN;
        if ok {
            Ok(())
        } else {
            Err(format!("`{s}` must match {GGCHEST_PRICE_PATTERN} (US dollars, at most 2 decimals, no sign), at most {GGCHEST_PRICE_MAX_LEN} characters"))
        }
    }
}

impl fmt::Display for UsdPrice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for UsdPrice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        UsdPrice::parse(s)
    }
}

impl Serialize for UsdPrice {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.wire())
    }
}

impl<'de> Deserialize<'de> for UsdPrice {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DecimalVisitor).map(UsdPrice)
    }
}

/// Euro cents as an integer, the unit of Gaming Goods offer prices and rewards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Cents(pub i64);

impl Cents {
    /// Parses euros a person typed (`17.99` → 1799 cents).
    pub fn parse_eur(input: &str) -> Result<Self, String> {
        let d = parse_plain_decimal(input, 2)?;
        (d * Decimal::ONE_HUNDRED).to_i64().map(Cents).ok_or_else(|| format!("`{}` is too large", input.trim()))
    }

    /// As euros with two decimals, for display (`1799` → `17.99`).
    pub fn as_eur(self) -> Decimal {
        Decimal::new(self.0, 2)
    }
}

impl fmt::Display for Cents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_eur())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usd_price_follows_the_documented_pattern() {
        for ok in ["66.32", "100", "0.50", "0", "1234567890123456", "1234567890123456.99"] {
            assert!(UsdPrice::parse(ok).is_ok(), "{ok} should be accepted");
        }
        for bad in ["", "1.234", "-1", "+1", "1e3", "1,50", "12345678901234567", " . ", "1.", ".5", "abc"] {
            assert!(UsdPrice::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert_eq!(UsdPrice::parse("0.50").unwrap().wire(), "0.50");
        assert_eq!(UsdPrice::parse("0.5").unwrap().wire(), "0.50", "always two decimals");
        assert_eq!(UsdPrice::parse("100").unwrap().wire(), "100.00");
        assert_eq!(UsdPrice::parse("1234567890123456.99").unwrap().wire(), "1234567890123456.99");
    }

    #[test]
    fn usd_price_decodes_strings_and_numbers_but_check_rejects_three_decimals() {
        let p: UsdPrice = serde_json::from_str("\"1.345\"").unwrap();
        assert!(p.check().is_err());
        let p: UsdPrice = serde_json::from_str("12.5").unwrap();
        assert_eq!(p.wire(), "12.50");
        let p: UsdPrice = serde_json::from_str("\"10.500\"").unwrap();
        assert_eq!((p.wire().as_str(), p.check().is_ok()), ("10.50", true), "trailing zeros are no decimals");
        assert_eq!(serde_json::to_string(&UsdPrice::parse("66.32").unwrap()).unwrap(), "\"66.32\"");
    }

    #[test]
    fn rounded_goes_to_cents() {
        assert_eq!(UsdPrice::rounded(Decimal::from_str("10.005").unwrap()).wire(), "10.01");
        assert_eq!(UsdPrice::rounded(Decimal::from_str("9.5").unwrap()).wire(), "9.50");
    }

    #[test]
    fn amount_round_trips_as_a_json_number_exactly() {
        for text in ["19.99", "0.01", "17.99", "123456789.12", "5"] {
            let a: Amount = serde_json::from_str(text).unwrap();
            assert_eq!(a.value(), Decimal::from_str(text).unwrap());
            assert_eq!(serde_json::to_string(&a).unwrap().trim_end_matches(".0"), text);
        }
        assert!(Amount::parse("19.999").is_err());
        assert!(Amount::parse("-3").is_err());
    }

    #[test]
    fn cents_from_euros() {
        assert_eq!(Cents::parse_eur("17.99").unwrap(), Cents(1799));
        assert_eq!(Cents::parse_eur("17").unwrap(), Cents(1700));
        assert_eq!(Cents::parse_eur("0.5").unwrap(), Cents(50));
        assert!(Cents::parse_eur("17.999").is_err());
        assert_eq!(Cents(1699).to_string(), "16.99");
    }
}
