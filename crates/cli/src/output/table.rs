//! Table helpers over comfy-table, so every command's output looks alike.

use comfy_table::{presets, ContentArrangement, Table};

/// A table with `headers`; wraps to the terminal's width when there is one.
pub fn new(headers: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    t.set_header(headers.iter().copied());
    t
}

/// A two-column `field | value` table for one object; empty values are left out.
pub fn details(rows: Vec<(&str, String)>) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    for (k, v) in rows.into_iter().filter(|(_, v)| !v.is_empty()) {
        t.add_row(vec![k.to_owned(), v]);
    }
    t
}

pub fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

pub fn yes_no(v: Option<bool>) -> String {
    match v {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => String::new(),
    }
}

/// "Showing 21–40 of 95." for a page of a list; "Showing 21–40." (and the hint) when the answer
/// gave no usable total (none, or fewer than the rows already shown).
pub fn showing(first: u64, count: usize, total: u64, hint: &str) -> String {
    if count == 0 {
        return format!("Nothing here (total {total}).");
    }
    let last = first + count as u64 - 1;
    let known_total = total >= last;
    let mut s = if known_total {
        format!("Showing {first}–{last} of {total}.")
    } else {
        format!("Showing {first}–{last}.")
    };
    if (!known_total || last < total) && !hint.is_empty() {
        s.push(' ');
        s.push_str(hint);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::showing;

    #[test]
    fn showing_with_and_without_a_total() {
        assert_eq!(showing(21, 20, 95, "Next."), "Showing 21–40 of 95. Next.");
        assert_eq!(showing(81, 15, 95, "Next."), "Showing 81–95 of 95.");
        assert_eq!(showing(1, 100, 0, "Next."), "Showing 1–100. Next.", "no total in the answer");
        assert_eq!(showing(1, 0, 0, "Next."), "Nothing here (total 0).");
    }
}
