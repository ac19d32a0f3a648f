//! RFC 3339 UTC timestamps for the journal, results and audit log, with milliseconds
//! (`2025-03-01T12:00:00.123Z`), formatted by jiff. The width never varies (years 1000 to 9999),
//! so the strings sort as the instants do.

use jiff::Timestamp;

/// Now, as `2025-03-01T12:00:00.123Z`.
pub fn now_rfc3339() -> String {
    format(Timestamp::now())
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ`: always three fractional digits, truncated (never rounded up into
/// the next second).
fn format(at: Timestamp) -> String {
    format!("{at:.3}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_millis(ms: i64) -> String {
        format(Timestamp::from_millisecond(ms).unwrap())
    }

    #[test]
    fn known_instants() {
        assert_eq!(at_millis(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(at_millis(1_709_294_400_123), "2024-03-01T12:00:00.123Z");
        assert_eq!(at_millis(951_825_599_999), "2000-02-29T11:59:59.999Z");
        assert_eq!(at_millis(4_102_444_799_000), "2099-12-31T23:59:59.000Z");
        assert_eq!(at_millis(-1), "1969-12-31T23:59:59.999Z");
    }

    #[test]
    fn sub_millisecond_time_is_truncated() {
        let at = Timestamp::new(1_709_294_400, 123_999_999).unwrap();
        assert_eq!(format(at), "2024-03-01T12:00:00.123Z");
    }

    /// Journals and audit logs written by earlier versions (formatted by hand) hold this exact
    /// shape: it still reads back as the same instant and is written the same way again.
    #[test]
    fn the_format_on_disk_round_trips() {
        for on_disk in ["2024-03-01T12:00:00.123Z", "1970-01-01T00:00:00.000Z", "2028-02-29T23:59:59.999Z"] {
            let at: Timestamp = on_disk.parse().unwrap();
            assert_eq!(format(at), on_disk);
            assert_eq!(at_millis(at.as_millisecond()), on_disk);
        }
    }

    #[test]
    fn now_has_the_shape() {
        let now = now_rfc3339();
        assert_eq!(now.len(), 24, "{now}");
        assert!(now.starts_with("20") && now.ends_with('Z') && now.as_bytes()[19] == b'.', "{now}");
    }
}
