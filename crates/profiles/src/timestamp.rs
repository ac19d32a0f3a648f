//! `created_at` (and a pending add's `since`) timestamps: RFC 3339 in UTC with whole seconds
//! (`2025-03-01T12:00:00Z`), which JavaScript's `new Date(…)` in the desktop app parses as is.
//! Formatted by jiff.

use jiff::Timestamp;

pub(crate) fn now_rfc3339() -> String {
    rfc3339(Timestamp::now())
}

/// Whole seconds: the fraction is truncated, never rounded up.
fn rfc3339(at: Timestamp) -> String {
    format!("{at:.0}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from_unix(seconds: i64) -> String {
        rfc3339(Timestamp::from_second(seconds).unwrap())
    }

    #[test]
    fn known_instants() {
        assert_eq!(from_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(from_unix(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(from_unix(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(from_unix(4_102_444_799), "2099-12-31T23:59:59Z");
        assert_eq!(rfc3339(Timestamp::new(1_700_000_000, 999_999_999).unwrap()), "2023-11-14T22:13:20Z");
    }

    /// profiles.json files written by earlier versions (formatted by hand) hold this exact shape:
    /// it reads back as the same instant and is written the same way again.
    #[test]
    fn the_format_on_disk_round_trips() {
        for on_disk in ["2025-03-01T12:00:00Z", "2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z"] {
            let at: Timestamp = on_disk.parse().unwrap();
            assert_eq!(rfc3339(at), on_disk);
        }
    }

    #[test]
    fn now_has_the_rfc3339_shape() {
        let now = now_rfc3339();
        assert_eq!(now.len(), 20, "{now}");
        assert!(now.starts_with("20") && now.ends_with('Z'), "{now}");
        assert!(now.parse::<Timestamp>().is_ok(), "{now}");
    }
}
