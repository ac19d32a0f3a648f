//! Price rules of a reprice job: set a price, or move it by a percentage or an amount, then keep
//! it within a floor and a ceiling. Results are rounded half away from zero to the cent.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Adjust {
    /// This price.
    Set(Decimal),
    /// ±percent of the current price (`-5` is 5 % off).
    Percent(Decimal),
    /// ±amount in the market's currency units (euros for GG, dollars for GGChest).
    Amount(Decimal),
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PriceRule {
    pub adjust: Adjust,
    pub floor: Option<Decimal>,
    pub ceiling: Option<Decimal>,
}

impl PriceRule {
    /// Checks the rule before anything is read or sent.
    pub fn validate(&self) -> Result<(), String> {
        if let (Some(f), Some(c)) = (self.floor, self.ceiling) {
            if f > c {
                return Err(format!("floor {f} is above ceiling {c}"));
            }
        }
        if self.floor.is_some_and(|f| f <= Decimal::ZERO) {
            return Err("the floor must be greater than 0".into());
        }
        if let Adjust::Set(p) = self.adjust {
            if p <= Decimal::ZERO {
                return Err("the price to set must be greater than 0".into());
            }
        }
        if let Adjust::Percent(p) = self.adjust {
            if p <= -Decimal::ONE_HUNDRED && self.floor.is_none() {
                return Err(format!(
                    "a change of {p} % makes every price 0 or below: use a percentage above -100 \
                     (-10 is 10 % off), or give a floor"
                ));
            }
        }
        Ok(())
    }

    /// The new price for `current`, or `None` if the rule gives no valid price (≤ 0 with no floor).
    pub fn apply(&self, current: Decimal) -> Option<Decimal> {
        let raw = match self.adjust {
            Adjust::Set(p) => p,
            Adjust::Percent(p) => current + current * p / Decimal::ONE_HUNDRED,
            Adjust::Amount(a) => current + a,
        };
        let mut new = raw.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        if let Some(f) = self.floor {
            new = new.max(f);
        }
        if let Some(c) = self.ceiling {
            new = new.min(c);
        }
        (new > Decimal::ZERO).then_some(new.normalize().round_dp(2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn adjustments_round_to_the_cent_and_clamp() {
        let pct = PriceRule { adjust: Adjust::Percent(d("-10")), floor: Some(d("5")), ceiling: None };
        assert_eq!(pct.apply(d("19.99")), Some(d("17.99")));
        assert_eq!(pct.apply(d("5.20")), Some(d("5")));
        let amt = PriceRule { adjust: Adjust::Amount(d("0.5")), floor: None, ceiling: Some(d("10")) };
        assert_eq!(amt.apply(d("9.80")), Some(d("10")));
        let set = PriceRule { adjust: Adjust::Set(d("3.333")), floor: None, ceiling: None };
        assert_eq!(set.apply(d("1")), Some(d("3.33")));
        let neg = PriceRule { adjust: Adjust::Amount(d("-5")), floor: None, ceiling: None };
        assert_eq!(neg.apply(d("4")), None);
        assert!(PriceRule { adjust: Adjust::Set(d("1")), floor: Some(d("3")), ceiling: Some(d("2")) }
            .validate()
            .is_err());
        let cut = PriceRule { adjust: Adjust::Percent(d("-150")), floor: None, ceiling: None };
        assert!(cut.validate().unwrap_err().contains("above -100"));
        assert!(PriceRule { floor: Some(d("1")), ..cut }.validate().is_ok());
    }
}
