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
    if let Ok(secs) = v.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
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
        let n: u64 = rest[..digits].parse().map_err(|_| bad())?;
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
            .ok_or_else(bad)?;
        rest = &rest[units..];
    }
    let total = total_ms / 1000;
    // Far beyond anything the API can answer; keeps later date arithmetic from overflowing.
    if total > 100 * 365 * 86_400 {
        return Err(format!("duration '{value}' is longer than 100 years"));
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
}
