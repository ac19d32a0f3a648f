//! GGChest query strings: bracketed keys (`pagination[page]`, `filters[status]`, `sort[field]`)
//! read into a struct that collects every violation, with R's property form `[filters][status]`.

use serde::Serialize;
use serde_json::{json, Value};

use super::error::{says, GgcError, GgcResult, Violation};

pub(crate) struct Query {
    pairs: Vec<(String, String)>,
    errors: Vec<Violation>,
}

impl Query {
    pub fn parse(raw: Option<&str>) -> Query {
        Query {
            pairs: url::form_urlencoded::parse(raw.unwrap_or("").as_bytes()).into_owned().collect(),
            errors: Vec::new(),
        }
    }

    /// The last value of `group[name]`, if present.
    pub fn get(&self, group: &str, name: &str) -> Option<&str> {
        let key = format!("{group}[{name}]");
        self.pairs.iter().rev().find(|(k, _)| *k == key).map(|(_, v)| v.as_str())
    }

    pub fn violation(&mut self, group: &str, name: &str, message: impl Into<String>) {
        self.errors.push(Violation::new(format!("[{group}][{name}]"), message));
    }

    /// A value that must be one of `choices` (compared with `eq`), or absent.
    pub fn choice<T: Copy>(
        &mut self,
        group: &str,
        name: &str,
        choices: &[(&str, T)],
        eq: fn(&str, &str) -> bool,
    ) -> Option<T> {
        let raw = self.get(group, name)?.to_owned();
        let found = choices.iter().find(|(text, _)| eq(text, &raw)).map(|c| c.1);
        if found.is_none() {
            self.violation(group, name, says::NOT_A_CHOICE);
        }
        found
    }

    /// `pagination[page]` (default 1, >= 1) and `pagination[per_page]` (R: default 10, max 100).
    pub fn pagination(&mut self) -> Pagination {
        let page = self.integer("pagination", "page", 1, 1, u64::MAX);
        let per_page = self.integer("pagination", "per_page", 10, 1, 100);
        Pagination { page, per_page }
    }

    fn integer(&mut self, group: &str, name: &str, default: u64, min: u64, max: u64) -> u64 {
        let Some(raw) = self.get(group, name) else {
            return default;
        };
        match raw.trim().parse::<i64>() {
            Err(_) => self.violation(group, name, says::NOT_INT),
            Ok(n) if n < min as i64 => {
                self.violation(group, name, format!("This value should be greater than or equal to {min}."))
            }
            Ok(n) if n as u64 > max => {
                self.violation(group, name, format!("This value should be less than or equal to {max}."))
            }
            Ok(n) => return n as u64,
        }
        default
    }

    /// Every violation found, as R's 400.
    pub fn finish(self) -> GgcResult<()> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(GgcError::BadQuery(self.errors))
        }
    }
}

/// Exact comparison (O's enums are lower case).
pub(crate) fn exact(a: &str, b: &str) -> bool {
    a == b
}

/// Case-insensitive comparison (R filters by `ACTIVE`, O and D by `active`).
pub(crate) fn any_case(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Pagination {
    pub page: u64,
    pub per_page: u64,
}

#[derive(Serialize)]
struct PaginationView {
    total_count: usize,
    page_count: usize,
    page: u64,
    per_page: u64,
}

impl Pagination {
    /// One page of `all` and R's envelope `{items, pagination{total_count, page_count, page, per_page}}`.
    pub fn envelope(self, all: Vec<Value>) -> Value {
        let total_count = all.len();
        let per_page = self.per_page as usize;
        let skip = usize::try_from(self.page - 1).unwrap_or(usize::MAX).saturating_mul(per_page);
        let items: Vec<Value> = all.into_iter().skip(skip).take(per_page).collect();
        json!({
            "items": items,
            "pagination": PaginationView {
                total_count,
                page_count: total_count.div_ceil(per_page),
                page: self.page,
                per_page: self.per_page,
            },
        })
    }
}
