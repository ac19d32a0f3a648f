//! Wall-clock timestamps as the two markets print them, without a date-time dependency.
//!
//! Gaming Goods prints RFC 3339 (`2026-03-14T12:00:00Z`); GGChest prints `expired_at` as
//! `2025-08-28 14:47:50` (R) and order times as `2024-01-15T10:30:00Z` (D). Filters such as
//! GGChest's `filters[date_from]` take ISO 8601, so a small parser lives here too.

use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch, now.
pub fn now_unix() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

/// `2026-03-14T12:00:00Z`
pub fn rfc3339(unix: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(unix);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// `2025-08-28 14:47:50`, the form of R's `expired_at` example.
pub fn space_separated(unix: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(unix);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
}

/// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z`, `±HH:MM` or no zone (read as UTC),
/// and the same with a space instead of `T`. Returns seconds since the epoch.
pub fn parse_iso8601(text: &str) -> Option<i64> {
    let text = text.trim();
    let bytes = text.as_bytes();
    if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year: i64 = digits(&text[0..4])?;
    let month: i64 = digits(&text[5..7])?;
    let day: i64 = digits(&text[8..10])?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let date = days_from_civil(year, month, day) * 86_400;
    let rest = &text[10..];
    if rest.is_empty() {
        return Some(date);
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    if rest.len() < 5 || rest.as_bytes()[2] != b':' {
        return None;
    }
    let hour: i64 = digits(&rest[0..2])?;
    let minute: i64 = digits(&rest[3..5])?;
    let mut rest = &rest[5..];
    let mut second = 0;
    if let Some(after) = rest.strip_prefix(':') {
        second = digits(after.get(0..2)?)?;
        rest = &after[2..];
        if let Some(fraction) = rest.strip_prefix('.') {
            let len = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if len == 0 {
                return None;
            }
            rest = &fraction[len..];
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let offset = match rest {
        "" | "Z" | "z" => 0,
        zone => {
            let sign = match zone.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let zone = &zone[1..];
            let (zh, zm) = match zone.len() {
                5 if zone.as_bytes()[2] == b':' => (digits(&zone[0..2])?, digits(&zone[3..5])?),
                4 => (digits(&zone[0..2])?, digits(&zone[2..4])?),
                2 => (digits(&zone[0..2])?, 0),
                _ => return None,
            };
            sign * (zh * 3600 + zm * 60)
        }
    };
    Some(date + hour * 3600 + minute * 60 + second - offset)
}

fn digits(text: &str) -> Option<i64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month, day, hour, minute, second) of a Unix time (H. Hinnant's `civil_from_days`).
fn civil(unix: i64) -> (i64, i64, i64, i64, i64, i64) {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day, secs / 3600, secs % 3600 / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses_round_trip() {
        let t = parse_iso8601("2026-03-14T12:00:00Z").unwrap();
        assert_eq!(rfc3339(t), "2026-03-14T12:00:00Z");
        assert_eq!(space_separated(t), "2026-03-14 12:00:00");
        assert_eq!(parse_iso8601("2026-03-14 12:00:00"), Some(t));
        assert_eq!(parse_iso8601("2026-03-14T14:00:00+02:00"), Some(t));
        assert_eq!(parse_iso8601("2026-03-14T12:00:00.123Z"), Some(t));
        assert_eq!(parse_iso8601("2026-03-14"), Some(t - 12 * 3600));
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn rejects_garbage() {
        for bad in ["", "yesterday", "2026-13-01", "2026-02-30", "2026-03-14X", "2026-03-14T25:00"] {
            assert_eq!(parse_iso8601(bad), None, "{bad}");
        }
    }
}
