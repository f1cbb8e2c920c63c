//! Times and durations as users type them and as the Lacework API spells them.

use chrono::{DateTime, NaiveDate, SecondsFormat, TimeZone, Timelike, Utc};
use std::time::Duration;

/// The current time to the millisecond: the API's precision, so a window's end and the cursor
/// saved from it are exactly the time that was asked for.
///
/// Test hook, debug builds only: `LWCTL_FAKE_NOW` (RFC 3339) stands in for the clock, so tests
/// can run hours of cron-driven polls against a server on the same simulated clock.
pub fn now() -> DateTime<Utc> {
    #[cfg(debug_assertions)]
    if let Some(t) = std::env::var("LWCTL_FAKE_NOW")
        .ok()
        .and_then(|v| parse_api_time(&v))
    {
        return t;
    }
    let t = Utc::now();
    DateTime::from_timestamp_millis(t.timestamp_millis()).unwrap_or(t)
}

/// Parses a duration: `90s`, `30m`, `24h`, `7d`, `2w`, `1h30m`, or a bare number of seconds.
pub fn parse_duration(value: &str) -> Result<Duration, String> {
    let v = value.trim();
    let bad = || {
        format!(
            "invalid duration '{value}' (use a number with a unit: 500ms, 90s, 30m, 24h, 7d, 2w)"
        )
    };
    if v.is_empty() {
        return Err(bad());
    }
    let longest = 100 * 365 * 86_400;
    let too_long = || format!("duration '{value}' is longer than 100 years");
    if v.bytes().all(|b| b.is_ascii_digit()) {
        return match v.parse::<u64>() {
            Ok(secs) if secs <= longest => Ok(Duration::from_secs(secs)),
            _ => Err(too_long()),
        };
    }
    let mut total_ms: u64 = 0;
    let mut rest = v;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let units = rest[digits..]
            .find(|c: char| c.is_ascii_digit())
            .map_or(rest.len(), |i| i + digits);
        if digits == 0 {
            return Err(bad());
        }
        let n: u64 = rest[..digits].parse().map_err(|_| too_long())?;
        let unit_ms = match &rest[digits..units] {
            "ms" => 1,
            "s" => 1000,
            "m" => 60_000,
            "h" => 3_600_000,
            "d" => 86_400_000,
            "w" => 604_800_000,
            _ => return Err(bad()),
        };
        total_ms = n
            .checked_mul(unit_ms)
            .and_then(|x| total_ms.checked_add(x))
            .ok_or_else(too_long)?;
        rest = &rest[units..];
    }
    // Far beyond anything the API can answer; keeps later date arithmetic from overflowing.
    if total_ms / 1000 > longest {
        return Err(too_long());
    }
    Ok(Duration::from_millis(total_ms))
}

/// Parses a point in time as a user types it.
///
/// Accepted: `now`; a duration ago (`-24h`, or `24h` meaning the same); epoch seconds, or epoch
/// milliseconds (13 digits); `2024-05-01 13:00` (UTC); the four Lacework formats (`2024-05-01`,
/// `2024-05-01T13`, `...T13:00:00Z`, `...T13:00:00.000Z`); RFC 3339 with any offset.
pub fn parse_time(value: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    let v = value.trim();
    if v.eq_ignore_ascii_case("now") {
        return Ok(now);
    }
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        // 13 digits are epoch milliseconds, as the official CLI takes them; fewer are seconds.
        let (n, unit) = match v.len() {
            13.. => (v, "milliseconds"),
            _ => (v, "seconds"),
        };
        let n: i64 = n
            .parse()
            .map_err(|_| format!("epoch {unit} '{value}' out of range"))?;
        let t = match unit {
            "milliseconds" => DateTime::from_timestamp_millis(n),
            _ => Utc.timestamp_opt(n, 0).single(),
        };
        return t.ok_or_else(|| format!("epoch {unit} '{value}' out of range"));
    }
    // `2026-11-01 13:00` or `2026-11-01 13:00:00`, as people type them: UTC.
    if let Ok(t) = chrono::NaiveDateTime::parse_from_str(v, "%Y-%m-%d %H:%M")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(v, "%Y-%m-%d %H:%M:%S"))
    {
        return Ok(Utc.from_utc_datetime(&t));
    }
    if let Some(d) = parse_ago(v) {
        return chrono::Duration::from_std(d?)
            .ok()
            .and_then(|d| now.checked_sub_signed(d))
            .ok_or_else(|| format!("'{value}' reaches too far back"));
    }
    parse_api_time(v).ok_or_else(|| {
        format!(
            "invalid time '{value}' (use now, -24h, -7d, epoch seconds or milliseconds, \
             2024-05-01, 2024-05-01 13:00, 2024-05-01T13, or RFC 3339 such as \
             2024-05-01T13:00:00Z)"
        )
    })
}

/// `-24h` or `24h`: how long ago, when the text is a duration; `None` when it is not one.
pub fn parse_ago(value: &str) -> Option<Result<Duration, String>> {
    let rel = value.strip_prefix('-').unwrap_or(value);
    let looks_relative = rel.starts_with(|c: char| c.is_ascii_digit())
        && rel.ends_with(|c: char| "smhdw".contains(c));
    looks_relative.then(|| parse_duration(rel))
}

/// [`parse_api_time`] in epoch milliseconds. The spelling Lacework sends,
/// `YYYY-MM-DDTHH:MM:SS[.fff]Z`, is read straight into a count of days: `normalize` reads two
/// times per alert, and the calendar types cost more than the rest of the field.
pub fn api_millis(v: &str) -> Option<i64> {
    let b = v.as_bytes();
    let fast = b.len() >= 20
        && b[4] == b'-'
        && b[7] == b'-'
        && matches!(b[10], b'T' | b't' | b' ')
        && b[13] == b':'
        && b[16] == b':'
        && matches!(b[b.len() - 1], b'Z' | b'z');
    if !fast {
        return parse_api_time(v).map(|t| t.timestamp_millis());
    }
    // A fixed-size head, so the digits below are read without bounds checks.
    let head: &[u8; 19] = b[..19].try_into().ok()?;
    // Each digit's value, or 10 or more for anything else.
    let d = |i: usize| i64::from(head[i].wrapping_sub(b'0'));
    let mut bad = 0;
    for i in [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18] {
        bad |= u8::from(d(i) > 9);
    }
    if bad != 0 {
        return None;
    }
    let year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
    let (month, day) = (d(5) * 10 + d(6), d(8) * 10 + d(9));
    let (hour, minute, second) = (d(11) * 10 + d(12), d(14) * 10 + d(15), d(17) * 10 + d(18));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day < 1 || day > days_in_month || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let millis = match &b[19..b.len() - 1] {
        [] => 0,
        [b'.', digits @ ..] if !digits.is_empty() && digits.len() <= 9 => {
            if digits.iter().any(|c| !c.is_ascii_digit()) {
                return None;
            }
            // Milliseconds: the first three digits, padded.
            let mut ms = 0;
            for i in 0..3 {
                ms = ms * 10 + digits.get(i).map_or(0, |&c| i64::from(c - b'0'));
            }
            ms
        }
        _ => return None,
    };
    // Days from 1970-01-01 in the proleptic Gregorian calendar, counted in 400-year eras
    // that start on March 1st (so the leap day ends a year).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    Some(((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis)
}

/// Parses the time formats alerts carry: the four Lacework formats and RFC 3339 with any offset.
/// Written for speed: this runs once per alert in `normalize`.
pub fn parse_api_time(v: &str) -> Option<DateTime<Utc>> {
    let b = v.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = b.get(r)?;
        s.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    if b.len() == 10 {
        return Some(Utc.from_utc_datetime(&date.and_hms_opt(0, 0, 0)?));
    }
    if b[10] != b'T' && b[10] != b't' && b[10] != b' ' {
        return None;
    }
    if b.len() == 13 {
        return Some(Utc.from_utc_datetime(&date.and_hms_opt(num(11..13)?, 0, 0)?));
    }
    // Fast path for the common `YYYY-MM-DDTHH:MM:SS[.fff]Z`.
    if b.len() >= 20 && b[13] == b':' && b[16] == b':' && matches!(b[b.len() - 1], b'Z' | b'z') {
        let time = date.and_hms_opt(num(11..13)?, num(14..16)?, num(17..19)?)?;
        let frac = &b[19..b.len() - 1];
        let nanos = match frac {
            [] => 0,
            [b'.', digits @ ..] if !digits.is_empty() && digits.len() <= 9 => {
                let n = num(20..20 + digits.len())?;
                n * 10u32.pow(9 - digits.len() as u32)
            }
            _ => return None,
        };
        let time = time.with_nanosecond(nanos)?;
        return Some(Utc.from_utc_datetime(&time));
    }
    DateTime::parse_from_rfc3339(v)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Spells a time the way the API takes it: `yyyy-MM-ddTHH:mm:ss.SSSZ`, always UTC.
pub fn api_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// RFC 3339 in UTC with only as many fraction digits as the time has (`...:05Z`, `...:05.120Z`).
pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// RFC 3339 UTC with milliseconds always (`2026-11-23T19:50:05.000Z`): one format for a field
/// whose times sometimes have a fraction (`.553`) and sometimes not.
pub fn rfc3339_millis(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// A time as tables show it, to the second: `2026-11-25 23:08:33Z`.
pub fn table_time(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M:%SZ").to_string()
}

/// Human form of a duration for messages: `7d`, `10m`, `1h30m`, `45s`.
pub fn human_duration(d: Duration) -> String {
    let mut s = d.as_secs();
    if s == 0 {
        return format!("{}ms", d.as_millis());
    }
    let mut out = String::new();
    for (unit, len) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] {
        if s >= len {
            out.push_str(&format!("{}{unit}", s / len));
            s %= len;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90s").unwrap(), Duration::from_secs(90));
        assert_eq!(parse_duration("5m").unwrap(), Duration::from_secs(300));
        assert_eq!(parse_duration("1h30m").unwrap(), Duration::from_secs(5400));
        assert_eq!(parse_duration("7d").unwrap(), Duration::from_secs(604_800));
        assert_eq!(parse_duration("60").unwrap(), Duration::from_secs(60));
        assert_eq!(parse_duration("250ms").unwrap(), Duration::from_millis(250));
        for bad in ["", "m", "5x", "5m3", "-5m", "99999999999999999999d", "1.5h"] {
            assert!(parse_duration(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn user_times() {
        let t = |s| parse_time(s, now()).unwrap();
        assert_eq!(t("now"), now());
        assert_eq!(t("-24h"), now() - chrono::Duration::hours(24));
        assert_eq!(t("24h"), t("-24h"));
        assert_eq!(t("-7d"), now() - chrono::Duration::days(7));
        assert_eq!(t("-30m"), now() - chrono::Duration::minutes(30));
        assert_eq!(t("1700000000").timestamp(), 1_700_000_000);
        assert_eq!(
            t("2024-05-01"),
            Utc.with_ymd_and_hms(2024, 5, 1, 0, 0, 0).unwrap()
        );
        assert_eq!(
            t("2024-05-01T13"),
            Utc.with_ymd_and_hms(2024, 5, 1, 13, 0, 0).unwrap()
        );
        assert_eq!(
            t("2024-05-01T13:04:05Z"),
            Utc.with_ymd_and_hms(2024, 5, 1, 13, 4, 5).unwrap()
        );
        assert_eq!(
            t("2024-05-01T13:04:05.250Z").timestamp_millis(),
            Utc.with_ymd_and_hms(2024, 5, 1, 13, 4, 5)
                .unwrap()
                .timestamp_millis()
                + 250
        );
        assert_eq!(
            t("2024-05-01T15:04:05+02:00"),
            Utc.with_ymd_and_hms(2024, 5, 1, 13, 4, 5).unwrap()
        );
        for bad in [
            "yesterday",
            "2024-13-01",
            "2024-05-01T25",
            "-5x",
            "2024-05-01T13:04:05",
            "",
        ] {
            assert!(parse_time(bad, now()).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn api_spellings_round_trip() {
        let t = Utc.with_ymd_and_hms(2024, 5, 1, 13, 4, 5).unwrap();
        assert_eq!(api_time(t), "2024-05-01T13:04:05.000Z");
        assert_eq!(rfc3339(t), "2024-05-01T13:04:05Z");
        let ms = t + chrono::Duration::milliseconds(120);
        assert_eq!(rfc3339(ms), "2024-05-01T13:04:05.120Z");
        assert_eq!(parse_api_time(&api_time(ms)), Some(ms));
        assert_eq!(human_duration(Duration::from_secs(5400)), "1h30m");
    }

    #[test]
    fn epoch_milliseconds_and_a_space() {
        let at = Utc.with_ymd_and_hms(2026, 11, 1, 13, 0, 0).unwrap();
        assert_eq!(parse_time("1793538000000", now()).unwrap(), at);
        assert_eq!(parse_time("1793538000", now()).unwrap(), at);
        assert_eq!(parse_time("2026-11-01 13:00", now()).unwrap(), at);
        assert_eq!(parse_time("2026-11-01 13:00:00", now()).unwrap(), at);
        assert!(parse_time("2026-11-01 25:00", now()).is_err());
    }

    #[test]
    fn api_millis_agrees_with_the_calendar() {
        let calendar = |v: &str| parse_api_time(v).map(|t| t.timestamp_millis());
        for v in [
            "2026-11-22T09:00:00.000Z",
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999Z",
            "0000-03-01T00:00:00.5Z",
            "9999-12-31T23:59:59.999999999Z",
            "2024-02-29T12:00:00.123Z",
            "2100-02-29T12:00:00Z",
            "2000-02-29T12:00:00z",
            "2023-02-29T12:00:00Z",
            "2026-04-31T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-11-01T24:00:00Z",
            "2026-11-01T23:60:00Z",
            "2026-11-01T23:00:60Z",
            "2026-11-01T13:00:00.Z",
            "2026-11-01T13:00:00.1234567890Z",
            "2026-11-01 13:00:00.120Z",
            "2026-11-01T13:00:00+01:00",
            "2026-11-01T13",
            "2026-11-01",
            "2026-1x-01T13:00:00Z",
        ] {
            assert_eq!(api_millis(v), calendar(v), "{v}");
        }
        assert_eq!(
            api_millis("2026-11-22T09:00:00.000Z"),
            Some(1_795_338_000_000)
        );
    }
}
