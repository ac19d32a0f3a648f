//! Identifiers and slugs the sandbox hands out.

use uuid::Uuid;

/// A fresh random id (Gaming Goods shows ids like `a1b2c3d4-...`).
pub fn random_id() -> String {
    Uuid::new_v4().to_string()
}

/// A fresh time-ordered id: GGChest's ids are UUID v7 (`01985a2f-3d47-71e8-…`).
pub fn time_ordered_id() -> String {
    Uuid::now_v7().to_string()
}

/// A deterministic id for seed data, so seeded ids stay the same from run to run.
pub fn seeded_id(namespace: u16, n: u32) -> String {
    Uuid::from_u128(0x0198_0000_0000_7000_8000_0000_0000_0000 | (u128::from(namespace) << 64) | u128::from(n))
        .to_string()
}

/// Whether `text` is a UUID in the canonical hyphenated form.
pub fn is_uuid(text: &str) -> bool {
    text.len() == 36 && Uuid::try_parse(text).is_ok()
}

/// `"Cyberpunk 2077 Steam Key"` → `"cyberpunk-2077-steam-key"`.
pub fn slugify(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("item");
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_ids() {
        assert_eq!(slugify("Cyberpunk 2077 Steam Key — RU"), "cyberpunk-2077-steam-key-ru");
        assert_eq!(slugify("!!!"), "item");
        assert!(is_uuid(&seeded_id(3, 7)));
        assert_ne!(seeded_id(3, 7), seeded_id(4, 7));
        assert!(is_uuid(&time_ordered_id()));
        assert!(!is_uuid("not-a-uuid"));
        assert!(!is_uuid("0198000000007000800000030000000f"));
    }
}
