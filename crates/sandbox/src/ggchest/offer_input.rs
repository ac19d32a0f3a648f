//! Reading and checking the bodies of GGChest's create and update offer requests.
//!
//! 400 (guide: "required fields are missing or invalid") collects every violation of the body
//! itself; 422 (guide: "valid but cannot be processed (e.g., invalid game ID, attribute
//! mismatch)") is decided afterwards against the games dictionary (`references`).

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::error::{says, GgcError, GgcResult, Violation};
use crate::ids::is_uuid;
use crate::state::{GgcChosenAttribute, GgcDeliveryMethod};

/// D's list (the guide's too): R's lacks `2d`, which is accepted as documented by D.
pub(crate) const DELIVERY_TIMES: [&str; 11] = ["5m", "20m", "1h", "5h", "12h", "1d", "2d", "3d", "7d", "14d", "28d"];

/// One account as sent (`accounts[]`).
#[derive(Clone, Debug, Default)]
pub(crate) struct NewAccount {
    pub login: String,
    pub password: String,
    pub email_login: Option<String>,
    pub email_password: Option<String>,
    pub description: Option<String>,
}

/// A JSON object body whose fields are read one by one; violations accumulate.
pub(crate) struct Reader {
    body: Map<String, Value>,
    errors: Vec<Violation>,
}

impl Reader {
    pub fn new(bytes: &[u8]) -> GgcResult<Reader> {
        match serde_json::from_slice::<Value>(bytes) {
            Ok(Value::Object(body)) => Ok(Reader { body, errors: Vec::new() }),
            Ok(_) => Err(GgcError::bad_body("", "The body must be a JSON object.")),
            Err(e) => Err(GgcError::bad_body("", format!("Invalid JSON: {e}"))),
        }
    }

    pub fn violation(&mut self, property: impl Into<String>, message: impl Into<String>) {
        self.errors.push(Violation::new(property, message));
    }

    /// The field's value unless absent or `null`.
    pub fn present(&self, field: &str) -> Option<&Value> {
        self.body.get(field).filter(|v| !v.is_null())
    }

    pub fn finish(self) -> GgcResult<()> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(GgcError::BadBody(self.errors))
        }
    }

    /// A string; `required` ones must be present and not blank. Trimmed.
    pub fn string(&mut self, field: &str, required: bool) -> Option<String> {
        let value = self.present(field).cloned();
        string_value(&mut self.errors, field, value.as_ref(), required)
    }

    /// A required UUID string; `blank` is the message when absent.
    pub fn uuid(&mut self, field: &str, blank: &str) -> Option<String> {
        match self.present(field).cloned() {
            None => self.violation(field, blank),
            Some(Value::String(s)) if is_uuid(s.trim()) => return Some(s.trim().to_owned()),
            Some(Value::String(s)) if s.trim().is_empty() => self.violation(field, blank),
            Some(Value::String(_)) => self.violation(field, says::NOT_UUID),
            Some(_) => self.violation(field, says::NOT_STRING),
        }
        None
    }

    /// A price string: `^[0-9]{1,16}(\.[0-9]{1,2})?$`, at most 19 characters (guide, O).
    /// Returned with two decimals (`"100"` → `"100.00"`).
    pub fn price(&mut self, field: &str, required: bool) -> Option<String> {
        match self.present(field).cloned() {
            None if required => self.violation(field, says::BLANK),
            None => {}
            Some(Value::String(s)) => match normalized_price(&s) {
                Some(price) => return Some(price),
                None if s.chars().count() > 19 => {
                    self.violation(field, "This value is too long. It should have 19 characters or less.")
                }
                None => self.violation(field, says::PRICE_PATTERN),
            },
            Some(_) => self.violation(field, says::NOT_STRING),
        }
        None
    }

    /// A JSON integer >= 0.
    pub fn integer(&mut self, field: &str, required: bool) -> Option<u64> {
        match self.present(field).cloned() {
            None if required => self.violation(field, says::BLANK),
            None => {}
            Some(Value::Number(n)) if n.is_u64() => return n.as_u64(),
            Some(Value::Number(n)) if n.is_i64() => self.violation(field, says::NEGATIVE),
            Some(_) => self.violation(field, says::NOT_INT),
        }
        None
    }

    /// `delivery_method`: `manual` or `auto` (required where the offer type has one).
    pub fn delivery_method(&mut self) -> Option<GgcDeliveryMethod> {
        match self.present("delivery_method").and_then(Value::as_str) {
            Some("manual") => Some(GgcDeliveryMethod::Manual),
            Some("auto") => Some(GgcDeliveryMethod::Auto),
            _ if self.present("delivery_method").is_none() => {
                self.violation("delivery_method", says::BLANK);
                None
            }
            _ => {
                self.violation("delivery_method", says::NOT_A_CHOICE);
                None
            }
        }
    }

    /// `delivery_time`, one of `DELIVERY_TIMES`.
    pub fn delivery_time(&mut self, required: bool) -> Option<String> {
        match self.present("delivery_time").cloned() {
            None if required => self.violation("delivery_time", says::BLANK),
            None => {}
            Some(Value::String(s)) if DELIVERY_TIMES.contains(&s.as_str()) => return Some(s),
            Some(_) => self.violation("delivery_time", says::NOT_A_CHOICE),
        }
        None
    }

    /// A field the offer type does not have (guide: "Currency offers don't have a
    /// delivery_method field").
    pub fn not_expected(&mut self, field: &str) {
        if self.present(field).is_some() {
            self.violation(field, "This field was not expected.");
        }
    }

    /// `attributes`: an array of `{id, option_id}`.
    pub fn attributes(&mut self, required: bool) -> Option<Vec<GgcChosenAttribute>> {
        let rows = self.array("attributes", required)?;
        let mut chosen = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            let id = self.member(row, &format!("attributes[{i}].id"), "id", true);
            let option = self.member(row, &format!("attributes[{i}].option_id"), "option_id", true);
            if let (Some(attribute_id), Some(option_id)) = (id, option) {
                chosen.push(GgcChosenAttribute { attribute_id, option_id });
            }
        }
        Some(chosen)
    }

    /// `accounts`: login and password required; on update each `id` must be `null` (O: "enum
    /// [null]"; D: "to add new accounts, set id to null").
    pub fn accounts(&mut self, on_update: bool) -> Option<Vec<NewAccount>> {
        let rows = self.array("accounts", true)?;
        let mut accounts = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            let at = |name: &str| format!("accounts[{i}].{name}");
            if on_update && row.get("id").is_some_and(|id| !id.is_null()) {
                self.violation(at("id"), "This value should be null.");
            }
            let login = self.member(row, &at("login"), "login", true);
            let password = self.member(row, &at("password"), "password", true);
            let account = NewAccount {
                login: login.unwrap_or_default(),
                password: password.unwrap_or_default(),
                email_login: self.member(row, &at("email_login"), "email_login", false),
                email_password: self.member(row, &at("email_password"), "email_password", false),
                description: self.member(row, &at("description"), "description", false),
            };
            accounts.push(account);
        }
        Some(accounts)
    }

    /// `items`: `[{delivery_info}]` (guide), optional.
    pub fn items(&mut self) -> Option<Vec<String>> {
        let rows = self.array("items", false)?;
        let mut items = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            let property = format!("items[{i}].delivery_info");
            if let Some(info) = self.member(row, &property, "delivery_info", true) {
                items.push(info);
            }
        }
        Some(items)
    }

    fn array(&mut self, field: &str, required: bool) -> Option<Vec<Value>> {
        match self.present(field).cloned() {
            None if required => self.violation(field, says::BLANK),
            None => {}
            Some(Value::Array(rows)) => return Some(rows),
            Some(_) => self.violation(field, says::NOT_ARRAY),
        }
        None
    }

    /// A string member of an object inside an array.
    fn member(&mut self, row: &Value, property: &str, name: &str, required: bool) -> Option<String> {
        let value = row.get(name).filter(|v| !v.is_null());
        if !row.is_object() {
            self.violation(property, says::BLANK);
            return None;
        }
        string_value(&mut self.errors, property, value, required)
    }
}

fn string_value(errors: &mut Vec<Violation>, property: &str, value: Option<&Value>, required: bool) -> Option<String> {
    match value {
        None if required => errors.push(Violation::new(property, says::BLANK)),
        None => {}
        Some(Value::String(s)) if required && s.trim().is_empty() => errors.push(Violation::new(property, says::BLANK)),
        Some(Value::String(s)) => return Some(s.trim().to_owned()),
        Some(_) => errors.push(Violation::new(property, says::NOT_STRING)),
    }
    None
}

/// `^[0-9]{1,16}(\.[0-9]{1,2})?$` and at most 19 characters, as two decimals.
pub(crate) fn normalized_price(text: &str) -> Option<String> {
    if text.len() > 19 {
        return None;
    }
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    let digits = |s: &str, max: usize| !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole, 16) || fraction.is_some_and(|f| !digits(f, 2)) {
        return None;
    }
    let value: Decimal = text.parse().ok()?;
    Some(format!("{:.2}", value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn price_pattern() {
        assert_eq!(normalized_price("66.32").as_deref(), Some("66.32"));
        assert_eq!(normalized_price("100").as_deref(), Some("100.00"));
        assert_eq!(normalized_price("0.5").as_deref(), Some("0.50"));
        assert_eq!(normalized_price("1234567890123456.99").as_deref(), Some("1234567890123456.99"));
        for bad in ["", "1.", ".5", "1.234", "-1", "1,5", "12345678901234567", "1e3", " 1"] {
            assert_eq!(normalized_price(bad), None, "{bad:?}");
        }
    }
}
