//! Time windows: the 7-day limit on one `/Alerts` query, and the IDs already written near a
//! boundary so that an alert the server returns on both sides of one is written once.

use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;

/// The longest range one `/Alerts` query may cover.
pub const MAX_PIECE: Duration = Duration::days(7);

/// The most rows the API returns for one query; a piece that reaches it is split.
pub const MAX_ROWS: u64 = 500_000;

/// The most rows the API puts in one page; a page with more is not a Lacework answer.
pub const MAX_PAGE_ROWS: usize = 5_000;

/// Pieces at the row cap are split no shorter than this (500,000 alerts in ten minutes is far
/// beyond any tenant); one still at the cap is reported.
pub const MIN_PIECE: Duration = Duration::minutes(10);

/// A half-open time range `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Window {
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Window {
        Window { start, end }
    }

    pub fn duration(&self) -> Duration {
        self.end - self.start
    }

    /// Consecutive pieces of at most `max` each, in time order, covering the window exactly.
    pub fn split(&self, max: Duration) -> Vec<Window> {
        let mut pieces = Vec::new();
        let mut start = self.start;
        while start < self.end {
            let end = (start + max).min(self.end);
            pieces.push(Window::new(start, end));
            start = end;
        }
        pieces
    }

    /// The two halves, for a piece whose rows reach the API's cap. `None` when a half would be
    /// shorter than [`MIN_PIECE`]: a server that always claims the cap would otherwise drive
    /// the split down to seconds, thousands of requests for one hour.
    pub fn halves(&self) -> Option<(Window, Window)> {
        if self.duration() < MIN_PIECE * 2 {
            return None;
        }
        let mid = self.start + self.duration() / 2;
        Some((Window::new(self.start, mid), Window::new(mid, self.end)))
    }
}

/// Alert IDs already written, each with the time it must be remembered until: the latest of its
/// start and end times, after which no window that begins later can return it again, whichever
/// time the server filters on.
///
/// `alerts list` uses it across piece boundaries (a server that treats `endTime` as inclusive
/// returns a boundary alert twice); `alerts poll` keeps it in its state file across runs, for the
/// look-back. Only IDs at or after the horizon are kept, so it never grows with the result set.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Seen {
    /// Lacework's IDs are integers: kept as numbers they cost a fifth of a string each.
    numbers: HashMap<u64, i64>,
    /// Any other spelling, kept as written.
    texts: HashMap<Box<str>, i64>,
}

/// An ID spelled as a plain integer (no sign, no leading zero), which a number holds exactly.
fn as_number(id: &str) -> Option<u64> {
    let b = id.as_bytes();
    let plain = !b.is_empty() && b.iter().all(u8::is_ascii_digit) && (b[0] != b'0' || b.len() == 1);
    if plain {
        id.parse().ok()
    } else {
        None
    }
}

impl Seen {
    pub fn from_entries(entries: impl IntoIterator<Item = (String, i64)>) -> Seen {
        let mut seen = Seen::default();
        for (id, until) in entries {
            seen.insert(&id, until);
        }
        seen
    }

    pub fn contains(&self, id: &str) -> bool {
        match as_number(id) {
            Some(n) => self.numbers.contains_key(&n),
            None => self.texts.contains_key(id),
        }
    }

    /// Remembers `id` until `until_ms` (epoch milliseconds).
    pub fn insert(&mut self, id: &str, until_ms: i64) {
        let at = match as_number(id) {
            Some(n) => self.numbers.entry(n).or_insert(until_ms),
            None => self.texts.entry(id.into()).or_insert(until_ms),
        };
        *at = (*at).max(until_ms);
    }

    /// Forgets `id` (an alert that was never delivered after all).
    pub fn remove(&mut self, id: &str) {
        match as_number(id) {
            Some(n) => self.numbers.remove(&n),
            None => self.texts.remove(id),
        };
    }

    pub fn len(&self) -> usize {
        self.numbers.len() + self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Forgets every ID remembered until before `horizon`.
    pub fn prune(&mut self, horizon: DateTime<Utc>) {
        let h = horizon.timestamp_millis();
        self.numbers.retain(|_, at| *at >= h);
        self.texts.retain(|_, at| *at >= h);
    }

    /// Entries sorted by time then ID, for a stable state file.
    pub fn entries(&self) -> Vec<(String, i64)> {
        let numbers = self.numbers.iter().map(|(k, v)| (k.to_string(), *v));
        let texts = self.texts.iter().map(|(k, v)| (k.to_string(), *v));
        let mut v: Vec<_> = numbers.chain(texts).collect();
        v.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
    }

    #[test]
    fn split_covers_exactly_in_order() {
        let w = Window::new(t(1, 0), t(20, 5));
        let pieces = w.split(MAX_PIECE);
        assert_eq!(pieces.len(), 3);
        assert_eq!(pieces[0], Window::new(t(1, 0), t(8, 0)));
        assert_eq!(pieces[1], Window::new(t(8, 0), t(15, 0)));
        assert_eq!(pieces[2], Window::new(t(15, 0), t(20, 5)));
        assert!(pieces.windows(2).all(|p| p[0].end == p[1].start));
        assert_eq!(Window::new(t(1, 0), t(1, 3)).split(MAX_PIECE).len(), 1);
        assert!(Window::new(t(1, 0), t(1, 0)).split(MAX_PIECE).is_empty());
    }

    #[test]
    fn halves_meet_and_stop_at_ten_minutes() {
        let (a, b) = Window::new(t(1, 0), t(1, 4)).halves().unwrap();
        assert_eq!((a.start, a.end, b.end), (t(1, 0), t(1, 2), t(1, 4)));
        assert_eq!(a.end, b.start);
        let twenty = Window::new(t(1, 0), t(1, 0) + Duration::minutes(20));
        assert!(twenty.halves().is_some());
        let less = Window::new(t(1, 0), t(1, 0) + Duration::minutes(19));
        assert!(less.halves().is_none());
        // A whole hour at the cap costs at most 7 queries, not thousands.
        let mut queue = vec![Window::new(t(1, 0), t(1, 1))];
        let mut queries = 0;
        while let Some(w) = queue.pop() {
            queries += 1;
            if let Some((a, b)) = w.halves() {
                queue.extend([a, b]);
            }
        }
        assert_eq!(queries, 7);
    }

    #[test]
    fn seen_keeps_numbers_and_other_spellings_apart() {
        let mut seen = Seen::default();
        for id in ["42", "0", "042", "-1", "a-7", "18446744073709551616"] {
            seen.insert(id, 5);
        }
        assert_eq!(seen.len(), 6);
        assert!(seen.contains("42") && seen.contains("042") && seen.contains("0"));
        assert!(!seen.contains("43") && !seen.contains("00"));
        let mut ids: Vec<String> = seen.entries().into_iter().map(|e| e.0).collect();
        ids.sort();
        assert_eq!(ids, ["-1", "0", "042", "18446744073709551616", "42", "a-7"]);
    }

    #[test]
    fn seen_prunes_by_time_kept_until() {
        let mut seen = Seen::default();
        seen.insert("1", t(1, 0).timestamp_millis());
        seen.insert("2", t(1, 2).timestamp_millis());
        seen.prune(t(1, 1));
        assert!(!seen.contains("1"));
        assert!(seen.contains("2"));
        assert_eq!(
            seen.entries(),
            vec![("2".into(), t(1, 2).timestamp_millis())]
        );
    }
}
