//! Wall-clock timestamps as the two markets print them, in seconds since the Unix epoch, UTC,
//! formatted and parsed by jiff.
//!
//! Gaming Goods prints RFC 3339 (`2026-03-14T12:00:00Z`); GGChest prints `expired_at` as
//! `2025-08-28 14:47:50` (R) and order times as `2024-01-15T10:30:00Z` (D). Filters such as
//! GGChest's `filters[date_from]` take ISO 8601, so parsing lives here too.

use jiff::{
    civil::{DateTime, Time},
    fmt::temporal::Pieces,
    tz::Offset,
    Timestamp,
};

/// Seconds since the Unix epoch, now.
pub fn now_unix() -> i64 {
    Timestamp::now().as_second()
}

/// `2026-03-14T12:00:00Z`
pub fn rfc3339(unix: i64) -> String {
    format!("{:.0}", timestamp(unix))
}

/// `2025-08-28 14:47:50`, the form of R's `expired_at` example.
pub fn space_separated(unix: i64) -> String {
    timestamp(unix).strftime("%Y-%m-%d %H:%M:%S").to_string()
}

/// The instant `unix` seconds after the epoch; outside jiff's range (years -9999 to 9999) the
/// nearest end of it.
fn timestamp(unix: i64) -> Timestamp {
    Timestamp::from_second(unix).unwrap_or(if unix < 0 { Timestamp::MIN } else { Timestamp::MAX })
}

/// Parses ISO 8601 as RFC 3339 and Temporal (RFC 9557) write it: `YYYY-MM-DD`, then optionally
/// `THH:MM[:SS[.fff]]` (`t` or a space also separate them), then optionally `Z` or an offset
/// (`±HH:MM`, `±HHMM`, `±HH`); no offset is read as UTC, no time as midnight. A leap second (`:60`)
/// is read as `:59`; a bracketed time zone annotation is refused. Returns seconds since the epoch.
pub fn parse_iso8601(text: &str) -> Option<i64> {
    let pieces = Pieces::parse(text.trim()).ok()?;
    if pieces.time_zone_annotation().is_some() {
        return None;
    }
    let local = DateTime::from_parts(pieces.date(), pieces.time().unwrap_or(Time::midnight()));
    let offset = pieces.offset().map_or(Offset::UTC, |offset| offset.to_numeric_offset());
    Some(offset.to_timestamp(local).ok()?.as_second())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses_round_trip() {
        let t = parse_iso8601("2026-03-14T12:00:00Z").unwrap();
        assert_eq!(t, 1_773_489_600);
        assert_eq!(rfc3339(t), "2026-03-14T12:00:00Z");
        assert_eq!(space_separated(t), "2026-03-14 12:00:00");
        assert_eq!(parse_iso8601("2026-03-14 12:00:00"), Some(t));
        assert_eq!(parse_iso8601("2026-03-14T14:00:00+02:00"), Some(t));
        assert_eq!(parse_iso8601("2026-03-14T14:00:00+0200"), Some(t));
        assert_eq!(parse_iso8601("2026-03-14T14:00:00+02"), Some(t));
        assert_eq!(parse_iso8601("2026-03-14T07:30:00-04:30"), Some(t));
        assert_eq!(parse_iso8601("2026-03-14t12:00:00z"), Some(t));
        assert_eq!(parse_iso8601("  2026-03-14T12:00:00Z\n"), Some(t));
        assert_eq!(parse_iso8601("2026-03-14T12:00"), Some(t));
        assert_eq!(parse_iso8601("2026-03-14T12:00:00.123Z"), Some(t));
        assert_eq!(parse_iso8601("2026-03-14T12:00:00.999999999Z"), Some(t));
        assert_eq!(parse_iso8601("2026-03-14"), Some(t - 12 * 3600));
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(-1), "1969-12-31T23:59:59Z");
        assert_eq!(space_separated(0), "1970-01-01 00:00:00");
        assert_eq!(parse_iso8601(&space_separated(t + 59)), Some(t + 59));
    }

    #[test]
    fn leap_years() {
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(parse_iso8601("2000-02-29"), Some(951_782_400));
        assert_eq!(parse_iso8601("2024-02-29T23:59:59Z"), Some(1_709_251_199));
        assert_eq!(rfc3339(1_709_251_199), "2024-02-29T23:59:59Z");
        assert_eq!(rfc3339(1_709_251_200), "2024-03-01T00:00:00Z");
        for not_leap in ["1900-02-29", "2100-02-29", "2026-02-29"] {
            assert_eq!(parse_iso8601(not_leap), None, "{not_leap}");
        }
    }

    #[test]
    fn every_day_of_a_few_years_round_trips() {
        let start = parse_iso8601("1999-12-31T23:59:59Z").unwrap();
        for day in 0..(3 * 366 + 5 * 365) {
            let t = start + day * 86_400 + day * 37 % 86_400;
            assert_eq!(parse_iso8601(&rfc3339(t)), Some(t), "{}", rfc3339(t));
            assert_eq!(parse_iso8601(&space_separated(t)), Some(t), "{}", space_separated(t));
        }
    }

    #[test]
    fn the_seeds_epoch_and_the_far_ends() {
        assert_eq!(rfc3339(4_102_444_799), "2099-12-31T23:59:59Z");
        assert_eq!(space_separated(4_102_444_799), "2099-12-31 23:59:59");
        // jiff's last instant (it leaves room for any offset); beyond it, that instant.
        assert_eq!(rfc3339(i64::MAX), "9999-12-30T22:00:00Z");
        assert_eq!(rfc3339(i64::MIN), "-009999-01-02T01:59:59Z");
    }

    #[test]
    fn also_reads_the_rest_of_iso_8601() {
        let t = parse_iso8601("2026-03-14T12:00:00Z").unwrap();
        assert_eq!(parse_iso8601("2026-03-14T12Z"), Some(t));
        assert_eq!(parse_iso8601("20260314T120000Z"), Some(t));
        assert_eq!(parse_iso8601("2026-03-14T12:00:00,5Z"), Some(t));
    }

    #[test]
    fn a_leap_second_is_the_second_before() {
        assert_eq!(parse_iso8601("2016-12-31T23:59:60Z"), parse_iso8601("2016-12-31T23:59:59Z"));
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "",
            "yesterday",
            "2026-13-01",
            "2026-02-30",
            "2026-03-14X",
            "2026-03-14T25:00",
            "2026-03-14T12:60",
            "2026-03-14T12:00:00Q",
            "2026-03-14T12:00:00Z[Europe/Paris]",
            "14/03/2026",
        ] {
            assert_eq!(parse_iso8601(bad), None, "{bad}");
        }
    }
}
