//! The decisions of `alerts poll`, with no I/O: which window a run asks for, how the output file
//! is reconciled with the last commit, how the cursor advances, which seen IDs are kept, and
//! which new alerts arrived late. `cmd/poll.rs` holds the signals, the lock and the files.
//!
//! The invariants, which the tests below hold the functions to:
//! - every alert written that started before `cursor` was asked for in some committed window;
//! - every alert written whose latest time is at or after `reach` is in `seen`, so a window that
//!   starts at `reach` or later can only return such an alert as a duplicate it recognises;
//! - a window never starts before `reach`, so changing `--overlap` never re-delivers.

use crate::window::{Seen, Window};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The newest state format this lwctl reads. Version 1 (no `reach`) is read and upgraded;
/// version 3 added `pending`, and version 4 `tracking`, which an older lwctl must not ignore
/// (it would drop the alerts `--track-status` follows, and their changes would go untold).
pub const STATE_VERSION: u32 = 4;

/// The version a state is written as: 4 only when it holds `tracking`, so that a state
/// without it stays readable by the lwctl before `--track-status`.
pub fn version_for(tracking: bool) -> u32 {
    if tracking {
        4
    } else {
        3
    }
}

/// What a poll remembers between runs: in the state file, or in memory for `--every` without
/// `--state`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PollState {
    pub version: u32,
    /// The API host and subaccount the state belongs to.
    pub account: String,
    pub subaccount: Option<String>,
    /// Every alert that started before this time was asked for.
    pub cursor: DateTime<Utc>,
    /// `seen` holds every ID written that is kept until this time or later. Absent in
    /// version 1 states.
    #[serde(default)]
    pub reach: Option<DateTime<Utc>>,
    /// IDs written, each with the time it is kept until (the latest of its start and end).
    pub seen: BTreeMap<String, DateTime<Utc>>,
    /// The output file as of the last commit.
    pub output: Option<OutputMark>,
    /// Events being appended to the output, recorded before their first byte is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<Pending>,
    /// The pages the last whole poll read, for `lwctl org plan`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    /// How runs have gone, for `alerts poll status` and `--metrics`.
    #[serde(default)]
    pub health: Health,
    /// `--track-status`: the alerts whose status changes are followed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking: Option<Tracking>,
    pub updated_at: DateTime<Utc>,
}

/// `--track-status`: what it takes to tell that an alert written before has changed since, for
/// each alert written that is not closed and started within the window, and when the last
/// whole pass re-read them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tracking {
    /// When the last whole pass started; the next is due `--track-every` after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_pass: Option<DateTime<Utc>>,
    /// Per alert ID: its `startTime` (ms), and its `status` and `lastUserUpdatedTime` as
    /// lwctl last wrote them. Kept as a three-element array: 100,000 alerts are a few MB.
    pub alerts: BTreeMap<String, Tracked>,
}

/// One tracked alert: `[startTime ms, status, lastUserUpdatedTime]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tracked(pub i64, pub String, pub String);

/// What changed about a tracked alert, for its update event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The status lwctl last wrote.
    pub previous_status: String,
    /// The `lastUserUpdatedTime` lwctl last wrote.
    pub previous_updated: String,
    /// The alert is now closed: its last update, and it is no longer tracked.
    pub closed: bool,
}

/// Whether a status is Lacework's closed, which an alert never leaves.
pub fn is_closed(status: &str) -> bool {
    status.eq_ignore_ascii_case("closed")
}

impl Tracking {
    /// Follows an alert just written, unless it is closed (it can never change again) or
    /// started before the window.
    pub fn follow(
        &mut self,
        id: &str,
        start_ms: Option<i64>,
        status: &str,
        updated: &str,
        from_ms: i64,
    ) {
        match start_ms {
            Some(start) if start >= from_ms && !is_closed(status) => {
                self.alerts.insert(
                    id.to_owned(),
                    Tracked(start, status.to_owned(), updated.to_owned()),
                );
            }
            // Written again (an alert re-delivered) as closed or out of the window: not
            // followed any more.
            _ => {
                self.alerts.remove(id);
            }
        }
    }

    /// Stops following the alerts that started before `from_ms`: the window has passed them.
    pub fn forget_before(&mut self, from_ms: i64) {
        self.alerts.retain(|_, t| t.0 >= from_ms);
    }

    /// Whether a pass is due at `now`, `every` after the last.
    pub fn due(&self, now: DateTime<Utc>, every: Duration) -> bool {
        self.last_pass.is_none_or(|t| now - t >= every || t > now)
    }

    /// Compares an alert as re-read with what lwctl last wrote of it: `None` for an alert not
    /// followed, or unchanged. Nothing changes here: [`Tracking::apply`] records the change
    /// once its update is recorded for writing, in the same commit.
    pub fn compare(&self, id: &str, status: &str, updated: &str) -> Option<Change> {
        let t = self.alerts.get(id)?;
        if t.1 == status && t.2 == updated {
            return None;
        }
        Some(Change {
            previous_status: t.1.clone(),
            previous_updated: t.2.clone(),
            closed: is_closed(status),
        })
    }

    /// Records that lwctl has written the alert as it now is; a closed alert stops being
    /// followed.
    pub fn apply(&mut self, id: &str, status: &str, updated: &str) {
        if is_closed(status) {
            self.alerts.remove(id);
        } else if let Some(t) = self.alerts.get_mut(id) {
            t.1 = status.to_owned();
            t.2 = updated.to_owned();
        }
    }

    /// The followed alerts as the searches of a pass take them: `(startTime, ID)`, sorted.
    pub fn timed(&self) -> Vec<(DateTime<Utc>, u64)> {
        let mut v: Vec<_> = self
            .alerts
            .iter()
            .filter_map(|(id, t)| Some((DateTime::from_timestamp_millis(t.0)?, id.parse().ok()?)))
            .collect();
        v.sort_unstable();
        v
    }
}

/// How the runs of a poll have gone: the last run's outcome (recorded also when it failed
/// before any commit), the last success, and running totals. Failed runs record only this:
/// they never move the cursor or touch the seen set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Health {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_run: Option<DateTime<Utc>>,
    /// The last run's exit code.
    #[serde(default)]
    pub last_exit: u8,
    /// The last run's error, when it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_success: Option<DateTime<Utc>>,
    /// How long the last run took, in seconds.
    #[serde(default)]
    pub duration_s: f64,
    /// Alerts written, ever.
    #[serde(default)]
    pub alerts_written: u64,
    /// `--track-status` update events written, ever.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub updates_written: u64,
    /// Requests `--track-status` passes spent, ever.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub track_requests: u64,
    /// Alerts that arrived late (started before the previous run's cursor), ever.
    #[serde(default)]
    pub late_arrivals: u64,
    /// The largest lateness among the alerts of the last run that wrote any, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_lateness_s: Option<u64>,
    /// Requests sent, ever, by API function.
    #[serde(default)]
    pub requests: BTreeMap<String, u64>,
    /// The `/Alerts` budget left after the last run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratelimit_remaining: Option<u64>,
}

/// What one run came to, for [`Health::record`].
#[derive(Debug, Clone, Default)]
pub struct RunOutcome {
    pub at: DateTime<Utc>,
    pub exit: u8,
    pub error: Option<String>,
    pub duration_s: f64,
    pub written: u64,
    pub updates: u64,
    pub track_requests: u64,
    pub late: u64,
    pub max_lateness_s: Option<u64>,
    pub requests: BTreeMap<String, u64>,
    pub ratelimit_remaining: Option<u64>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Health {
    /// Adds a run: its outcome replaces the last, its counts add to the totals.
    pub fn record(&mut self, run: &RunOutcome) {
        self.last_run = Some(run.at);
        self.last_exit = run.exit;
        self.last_error = run.error.clone();
        if run.exit == 0 {
            self.last_success = Some(run.at);
        }
        self.duration_s = run.duration_s;
        self.alerts_written += run.written;
        self.updates_written += run.updates;
        self.track_requests += run.track_requests;
        self.late_arrivals += run.late;
        if run.written > 0 {
            self.max_lateness_s = run.max_lateness_s;
        }
        for (k, v) in &run.requests {
            *self.requests.entry(k.clone()).or_default() += v;
        }
        if run.ratelimit_remaining.is_some() {
            self.ratelimit_remaining = run.ratelimit_remaining;
        }
    }

    /// Whether the feed is healthy at `now`: the last run succeeded, within `max_age`.
    pub fn fresh(&self, now: DateTime<Utc>, max_age: Duration) -> bool {
        self.last_exit == 0 && self.last_success.is_some_and(|t| now - t <= max_age)
    }
}

/// A poll over many accounts of one organization, in one state file: each account's own
/// cursor, reach and seen set (an entry shaped like a one-account state), and the shared
/// `--out` file's mark when the accounts write to one (with `--out-dir`, each entry holds its
/// own file's mark). One file, so one commit covers an account's progress and the output it
/// wrote, and one lock keeps overlapping runs apart.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OrgState {
    pub version: u32,
    /// The API host.
    pub account: String,
    /// By lower-case account name, each kept as the JSON it was read or committed as: only
    /// the account being polled is parsed, so a commit costs a copy of the others' bytes, not
    /// a parse and a print of every seen set in the organization.
    pub accounts: BTreeMap<String, Box<RawValue>>,
    /// The shared `--out` file as of the last commit.
    pub output: Option<OutputMark>,
    /// Events being appended to the shared `--out` file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<Pending>,
    /// The runs over the whole organization (each account's are in its entry).
    #[serde(default)]
    pub health: Health,
    pub updated_at: DateTime<Utc>,
}

impl OrgState {
    pub fn new(host: &str, now: DateTime<Utc>) -> OrgState {
        OrgState {
            version: version_for(false),
            account: host.to_owned(),
            accounts: BTreeMap::new(),
            output: None,
            pending: None,
            health: Health::default(),
            updated_at: now,
        }
    }
}

impl OrgState {
    /// One account's state, upgraded; `None` for an account not polled yet.
    pub fn entry(&self, account: &str) -> Result<Option<PollState>, serde_json::Error> {
        self.accounts
            .get(account)
            .map(|raw| serde_json::from_str::<PollState>(raw.get()).map(PollState::upgrade))
            .transpose()
    }

    /// Records one account's state.
    pub fn set_entry(&mut self, account: String, state: &PollState) -> serde_json::Result<()> {
        self.accounts
            .insert(account, serde_json::value::to_raw_value(state)?);
        Ok(())
    }

    /// When each account's entry was last committed; `None` for one never polled.
    pub fn last_commit(&self, account: &str) -> Option<DateTime<Utc>> {
        #[derive(Deserialize)]
        struct When {
            updated_at: DateTime<Utc>,
        }
        let raw = self.accounts.get(account)?;
        Some(serde_json::from_str::<When>(raw.get()).ok()?.updated_at)
    }

    /// The mean pages a whole poll of these accounts took, where recorded.
    pub fn pages_per_poll(&self, accounts: &[String]) -> Option<f64> {
        #[derive(Deserialize)]
        struct Pages {
            #[serde(default)]
            pages: Option<u32>,
        }
        mean(
            self.each::<Pages>(accounts)
                .filter_map(|p| p.pages)
                .map(|p| f64::from(p.max(1))),
        )
    }

    /// The mean requests a `--track-status` pass of these accounts takes (one search per 7
    /// days and 1,000 alerts followed), from the entries that track; `None` when none does.
    pub fn searches_per_pass(&self, accounts: &[String], now: DateTime<Utc>) -> Option<f64> {
        #[derive(Deserialize)]
        struct Tracks {
            #[serde(default)]
            tracking: Option<Tracking>,
        }
        mean(
            self.each::<Tracks>(accounts)
                .filter_map(|t| t.tracking)
                .map(|t| crate::triage::searches(&t.timed(), now).len() as f64),
        )
    }

    /// The part `T` of each of these accounts' entries that reads as one.
    fn each<'a, T: serde::de::DeserializeOwned>(
        &'a self,
        accounts: &'a [String],
    ) -> impl Iterator<Item = T> + 'a {
        accounts
            .iter()
            .filter_map(|a| self.accounts.get(a))
            .filter_map(|raw| serde_json::from_str::<T>(raw.get()).ok())
    }
}

/// The mean of some numbers; `None` for none.
fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

/// The order a run serves `accounts` in: those never polled first, then the one whose last
/// commit is oldest. A run that ends early (a signal, a kill, a budget run short) leaves the
/// accounts it did not reach the oldest, so the next run takes them first: accounts take turns
/// at going first without any record of the order kept.
pub fn turns(
    accounts: &[String],
    last_commit: impl Fn(&str) -> Option<DateTime<Utc>>,
) -> Vec<String> {
    let mut order: Vec<(Option<DateTime<Utc>>, &String)> =
        accounts.iter().map(|a| (last_commit(a), a)).collect();
    // Stable: accounts committed at the same time (or never) keep the order given.
    order.sort_by_key(|(at, _)| *at);
    order.into_iter().map(|(_, a)| a.clone()).collect()
}

/// The `--out` file as of a commit: which file (canonical path, device and inode) and how many
/// of its bytes are committed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct OutputMark {
    pub path: PathBuf,
    pub length: u64,
    pub dev: u64,
    pub ino: u64,
}

impl PollState {
    /// Upgrades an older state in memory. A version 1 state kept IDs from an overlap it did not
    /// record: its seen set is known to be complete only from its earliest entry on (or from the
    /// cursor when it is empty), so the reach starts there and grows as runs go by.
    pub fn upgrade(mut self) -> PollState {
        if self.reach.is_none() {
            let earliest = self.seen.values().min().copied();
            self.reach = Some(earliest.unwrap_or(self.cursor).min(self.cursor));
        }
        self.version = version_for(self.tracking.is_some());
        self
    }

    /// The seen set as the walk uses it.
    pub fn seen_set(&self) -> Seen {
        Seen::from_entries(
            self.seen
                .iter()
                .map(|(id, t)| (id.clone(), t.timestamp_millis())),
        )
    }
}

/// What is wrong with a state's times, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Times {
    Sound,
    /// Before Lacework existed, or out of range: the file is corrupt.
    Corrupt(String),
    /// After now (a clock set back, or a state from another machine): clamped to now.
    Future,
}

/// The earliest cursor a real state can hold.
fn earliest() -> DateTime<Utc> {
    DateTime::from_timestamp(946_684_800, 0).expect("2000-01-01 is a valid time")
}

impl PollState {
    /// Checks the cursor and reach: a corrupt one would overflow time arithmetic, a future one
    /// would freeze polling.
    pub fn check_times(&self, now: DateTime<Utc>) -> Times {
        let low = earliest();
        for (what, t) in [("cursor", Some(self.cursor)), ("reach", self.reach)] {
            if let Some(t) = t.filter(|t| *t < low) {
                return Times::Corrupt(format!(
                    "its {what} ({}) is before 2000",
                    crate::time::rfc3339(t)
                ));
            }
        }
        if self.cursor > now + Duration::minutes(1) {
            Times::Future
        } else {
            Times::Sound
        }
    }

    /// A future cursor (and reach) brought back to now.
    pub fn clamp_to(&mut self, now: DateTime<Utc>) {
        self.cursor = self.cursor.min(now);
        self.reach = self.reach.map(|r| r.min(now));
    }
}

/// The window a run asks for: `[now - since, now)` on a first run; then from the cursor less
/// the look-back, but never from before the reach of the seen set.
pub fn window(
    state: Option<&PollState>,
    now: DateTime<Utc>,
    since: Duration,
    overlap: Duration,
) -> Window {
    let start = match state {
        None => now - since,
        Some(s) => {
            let back = s.cursor - overlap;
            s.reach.map_or(back, |r| back.max(r))
        }
    };
    Window::new(start.min(now), now)
}

/// The cursor after a piece is committed: it only ever moves forward.
pub fn advance(cursor: DateTime<Utc>, piece: Window) -> DateTime<Utc> {
    cursor.max(piece.end)
}

/// The earliest time an ID must be kept until for the next run: a run's window never starts
/// before `cursor - overlap`.
pub fn horizon(cursor: DateTime<Utc>, overlap: Duration) -> DateTime<Utc> {
    cursor - overlap
}

/// The seen set and reach to commit: IDs kept until before `horizon` are dropped, and the reach
/// moves up to the horizon (never back).
pub fn prune(
    seen: &Seen,
    reach: DateTime<Utc>,
    horizon: DateTime<Utc>,
) -> (BTreeMap<String, DateTime<Utc>>, DateTime<Utc>) {
    let h = horizon.timestamp_millis();
    let kept = seen
        .entries()
        .into_iter()
        .filter(|(_, at)| *at >= h)
        .filter_map(|(id, at)| Some((id, DateTime::from_timestamp_millis(at)?)))
        .collect();
    (kept, reach.max(horizon))
}

/// The `--out` file as found when a run opens it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundFile {
    pub path: PathBuf,
    pub length: u64,
    pub dev: u64,
    pub ino: u64,
}

/// Events on their way into the `--out` file: where they go (the file and the offset its
/// committed mark ended at) and their exact bytes. The state records them before the first
/// byte is written, with their IDs already in the seen set, so a run killed anywhere in the
/// write is followed by one that finds them whole, completes them, or writes them: they are
/// delivered exactly once, and the file never shrinks.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Pending {
    pub path: PathBuf,
    pub dev: u64,
    pub ino: u64,
    pub offset: u64,
    /// Whole NDJSON lines.
    pub text: String,
}

/// Where a pending batch landed in a file that holds `found` at the batch's offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Landing {
    /// All of it is there.
    Whole,
    /// Its first `have` bytes are there and the file ends with them: a kill tore the write.
    /// `line` is where the torn line starts (the whole lines before it landed).
    Torn { have: usize, line: usize },
    /// It is not there.
    Absent,
}

/// Compares a pending batch's bytes with what a file holds at its offset. `found` is the file
/// from the offset to its end, or at most one byte past the batch's length.
pub fn landing(text: &[u8], found: &[u8]) -> Landing {
    let n = found.len().min(text.len());
    if n == 0 || found[..n] != text[..n] {
        return Landing::Absent;
    }
    if n == text.len() {
        return Landing::Whole;
    }
    if found.len() > n {
        // Something else follows a part of the batch: not the batch.
        return Landing::Absent;
    }
    let line = memchr::memrchr(b'\n', &text[..n]).map_or(0, |i| i + 1);
    Landing::Torn { have: n, line }
}

/// What to do with the `--out` file before appending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reconcile {
    /// The file is as committed: append at its end.
    Append,
    /// The same file holds bytes past the committed mark that lwctl cannot prove it wrote (an
    /// operator's line, a backup copied over it, another writer): every byte is kept, and a
    /// fresh mark after them is committed before appending.
    Foreign { extra: u64 },
    /// Not the file of the last commit: keep every byte in it, commit a mark at its length
    /// before appending.
    NewMark(Why),
}

/// Why the output gets a fresh mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// No commit has named an output yet.
    First,
    /// Another file now stands at the committed path: rotated (logrotate `create`), restored,
    /// rsync'd, saved by an editor, or replaced by a symlink.
    Replaced,
    /// The same file is shorter than committed: truncated in place (logrotate
    /// `copytruncate`).
    Truncated,
    /// `--out` names another file than the last commit.
    Elsewhere,
}

/// Compares the file found with the committed mark. The file is identified by device and
/// inode; its canonical path only tells a replaced file from a different `--out`. Nothing is
/// ever cut: bytes past the mark are lwctl's only as a pending batch proves (see [`landing`]),
/// which the caller settles first.
pub fn reconcile(mark: Option<&OutputMark>, found: &FoundFile) -> Reconcile {
    let Some(m) = mark else {
        return Reconcile::NewMark(Why::First);
    };
    if (m.dev, m.ino) == (found.dev, found.ino) {
        return match found.length {
            n if n == m.length => Reconcile::Append,
            n if n > m.length => Reconcile::Foreign {
                extra: n - m.length,
            },
            _ => Reconcile::NewMark(Why::Truncated),
        };
    }
    if m.path == found.path {
        Reconcile::NewMark(Why::Replaced)
    } else {
        Reconcile::NewMark(Why::Elsewhere)
    }
}

/// How late an alert written for the first time arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// Within the window past the previous cursor (or a first run's backfill).
    OnTime,
    /// It started before the previous run's cursor: published after that run asked.
    Late,
    /// Late, and in the oldest quarter of the look-back: alerts later still may have been
    /// missed.
    TooLate,
}

/// Classifies an alert by its start time against the previous cursor and the look-back.
pub fn arrival(
    start: DateTime<Utc>,
    previous_cursor: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    overlap: Duration,
) -> Arrival {
    match previous_cursor {
        Some(c) if start < c => {
            if now - start >= overlap * 3 / 4 {
                Arrival::TooLate
            } else {
                Arrival::Late
            }
        }
        _ => Arrival::OnTime,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn accounts_never_polled_or_polled_longest_ago_go_first() {
        let list: Vec<String> = ["a", "b", "c", "d"].iter().map(|s| s.to_string()).collect();
        assert_eq!(turns(&list, |_| None), ["a", "b", "c", "d"]);
        // A run stopped after a and b: c and d (never polled) first, then a and b in turn.
        let when = |a: &str| match a {
            "a" => Some(t(10, 0)),
            "b" => Some(t(10, 1)),
            _ => None,
        };
        assert_eq!(turns(&list, when), ["c", "d", "a", "b"]);
        let all = |a: &str| Some(t(11, if a == "b" { 0 } else { 5 }));
        assert_eq!(turns(&list, all), ["b", "a", "c", "d"]);
        assert!(turns(&[], |_| None).is_empty());
    }

    use super::*;
    use chrono::TimeZone;

    fn t(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, h, m, 0).unwrap()
    }

    fn state(cursor: DateTime<Utc>, reach: Option<DateTime<Utc>>) -> PollState {
        PollState {
            version: STATE_VERSION,
            account: "x.lacework.net".into(),
            subaccount: None,
            cursor,
            reach,
            seen: BTreeMap::new(),
            output: None,
            pending: None,
            pages: None,
            health: Health::default(),
            tracking: None,
            updated_at: cursor,
        }
    }

    #[test]
    fn the_window_to_ask_for() {
        let h2 = Duration::hours(2);
        let m10 = Duration::minutes(10);
        let cases = [
            // (state cursor, reach, now, since, overlap) -> window start
            (None, None, t(12, 0), h2, h2, t(10, 0)),
            (None, None, t(12, 0), m10, h2, t(11, 50)),
            // Full look-back once the reach allows it.
            (Some(t(11, 55)), Some(t(9, 0)), t(12, 0), h2, h2, t(9, 55)),
            // Raised overlap: never from before the reach (no re-delivery)...
            (
                Some(t(11, 55)),
                Some(t(11, 45)),
                t(12, 0),
                h2,
                h2,
                t(11, 45),
            ),
            // ...and the reach grows to the full look-back as runs go by.
            (Some(t(14, 0)), Some(t(11, 50)), t(14, 5), h2, h2, t(12, 0)),
            // Lowered overlap: simply less look-back.
            (Some(t(11, 55)), Some(t(9, 0)), t(12, 0), h2, m10, t(11, 45)),
            // A cursor in the future asks for an empty window, never a reversed one.
            (
                Some(t(13, 0)),
                Some(t(12, 59)),
                t(12, 0),
                h2,
                Duration::zero(),
                t(12, 0),
            ),
        ];
        for (cursor, reach, now, since, overlap, start) in cases {
            let s = cursor.map(|c| state(c, reach));
            let w = window(s.as_ref(), now, since, overlap);
            assert_eq!(
                (w.start, w.end),
                (start, now),
                "cursor {cursor:?} reach {reach:?}"
            );
        }
    }

    #[test]
    fn a_version_1_state_reaches_back_only_as_far_as_its_ids() {
        let mut s = state(t(12, 0), None);
        s.version = 1;
        assert_eq!(s.clone().upgrade().reach, Some(t(12, 0)));
        s.seen.insert("7".into(), t(11, 52));
        s.seen.insert("8".into(), t(11, 57));
        let up = s.upgrade();
        assert_eq!((up.version, up.reach), (3, Some(t(11, 52))));
        // Upgrading to a 2-hour overlap asks from the reach, not 2 hours back.
        let w = window(Some(&up), t(12, 5), Duration::hours(2), Duration::hours(2));
        assert_eq!(w.start, t(11, 52));
    }

    #[test]
    fn corrupt_and_future_times() {
        let now = t(12, 0);
        let mut s = state(t(11, 0), Some(t(9, 0)));
        assert_eq!(s.check_times(now), Times::Sound);
        s.cursor = DateTime::<Utc>::MIN_UTC;
        assert!(matches!(s.check_times(now), Times::Corrupt(m) if m.contains("cursor")));
        let mut s = state(t(11, 0), Some(DateTime::<Utc>::MIN_UTC));
        assert!(matches!(s.check_times(now), Times::Corrupt(m) if m.contains("reach")));
        s = state(t(15, 0), Some(t(14, 0)));
        assert_eq!(s.check_times(now), Times::Future);
        s.clamp_to(now);
        assert_eq!((s.cursor, s.reach), (now, Some(now)));
        let w = window(
            Some(&s),
            now + Duration::minutes(5),
            Duration::hours(2),
            Duration::hours(2),
        );
        assert_eq!(w.start, now, "polling goes on from the clamp");
    }

    #[test]
    fn advance_only_moves_forward() {
        let piece = Window::new(t(10, 0), t(12, 0));
        assert_eq!(advance(t(11, 0), piece), t(12, 0));
        assert_eq!(advance(t(13, 0), piece), t(13, 0));
    }

    #[test]
    fn tracking_follows_open_alerts_in_the_window_and_tells_each_change_once() {
        let mut tr = Tracking::default();
        let from = t(10, 0).timestamp_millis();
        let at = |h, m| Some(t(h, m).timestamp_millis());
        tr.follow("1", at(11, 0), "Open", "0", from);
        tr.follow("2", at(11, 0), "Open", "", from);
        tr.follow("3", at(11, 0), "In Progress", "0", from);
        // Closed when written, or before the window, or without a time: never followed.
        tr.follow("4", at(11, 0), "Closed", "0", from);
        tr.follow("5", at(9, 0), "Open", "0", from);
        tr.follow("6", None, "Open", "0", from);
        assert_eq!(tr.alerts.keys().collect::<Vec<_>>(), ["1", "2", "3"]);
        // Unchanged: nothing.
        assert_eq!(tr.compare("1", "Open", "0"), None);
        // A comment moves lastUserUpdatedTime: one update, and none once it is written.
        let when = "2026-12-01T12:00:00.000Z";
        let change = Some(Change {
            previous_status: "Open".into(),
            previous_updated: "".into(),
            closed: false,
        });
        assert_eq!(tr.compare("2", "Open", when), change);
        // Until its update is recorded, the change stays to be told.
        assert_eq!(tr.compare("2", "Open", when), change);
        tr.apply("2", "Open", when);
        assert_eq!(tr.compare("2", "Open", when), None);
        // Closed: the last update, and it is no longer followed.
        assert_eq!(
            tr.compare("3", "Closed", when)
                .map(|c| (c.previous_status, c.closed)),
            Some(("In Progress".into(), true))
        );
        tr.apply("3", "Closed", when);
        assert_eq!(tr.compare("3", "Closed", when), None);
        assert!(!tr.alerts.contains_key("3"));
        // An alert not followed is none of its business.
        assert_eq!(tr.compare("4", "Open", "x"), None);
        // The window moves on: alerts that started before it are forgotten.
        tr.forget_before(t(11, 30).timestamp_millis());
        assert!(tr.alerts.is_empty());
    }

    #[test]
    fn a_pass_is_due_every_so_often_and_after_a_clock_set_back() {
        let mut tr = Tracking::default();
        assert!(tr.due(t(12, 0), Duration::hours(1)));
        tr.last_pass = Some(t(12, 0));
        assert!(!tr.due(t(12, 59), Duration::hours(1)));
        assert!(tr.due(t(13, 0), Duration::hours(1)));
        assert!(tr.due(t(11, 0), Duration::hours(1)), "a pass in the future");
    }

    #[test]
    fn prune_keeps_what_a_later_window_could_return() {
        let mut seen = Seen::default();
        seen.insert("old", t(9, 59).timestamp_millis());
        seen.insert("edge", t(10, 0).timestamp_millis());
        seen.insert("new", t(11, 30).timestamp_millis());
        let h = horizon(t(12, 0), Duration::hours(2));
        assert_eq!(h, t(10, 0));
        let (kept, reach) = prune(&seen, t(8, 0), h);
        assert_eq!(kept.keys().collect::<Vec<_>>(), ["edge", "new"]);
        assert_eq!(reach, t(10, 0));
        // The reach never moves back.
        let (_, reach) = prune(&seen, t(11, 0), h);
        assert_eq!(reach, t(11, 0));
    }

    #[test]
    fn reconcile_the_output_with_the_mark() {
        let mark = OutputMark {
            path: "/d/out".into(),
            length: 100,
            dev: 1,
            ino: 7,
        };
        let found = |path: &str, length, ino| FoundFile {
            path: path.into(),
            length,
            dev: 1,
            ino,
        };
        let cases = [
            (None, found("/d/out", 0, 7), Reconcile::NewMark(Why::First)),
            (None, found("/d/out", 50, 7), Reconcile::NewMark(Why::First)),
            (Some(&mark), found("/d/out", 100, 7), Reconcile::Append),
            // Bytes past the mark are kept: nothing proves lwctl wrote them.
            (
                Some(&mark),
                found("/d/out", 130, 7),
                Reconcile::Foreign { extra: 30 },
            ),
            // The same file under another spelling of its path is still the same file.
            (
                Some(&mark),
                found("/e/link", 130, 7),
                Reconcile::Foreign { extra: 30 },
            ),
            (
                Some(&mark),
                found("/d/out", 0, 7),
                Reconcile::NewMark(Why::Truncated),
            ),
            (
                Some(&mark),
                found("/d/out", 40, 7),
                Reconcile::NewMark(Why::Truncated),
            ),
            // Another inode: rotated, restored, rsync'd or a symlink; its bytes are kept.
            (
                Some(&mark),
                found("/d/out", 0, 8),
                Reconcile::NewMark(Why::Replaced),
            ),
            (
                Some(&mark),
                found("/d/out", 500, 8),
                Reconcile::NewMark(Why::Replaced),
            ),
            (
                Some(&mark),
                found("/d/other", 500, 9),
                Reconcile::NewMark(Why::Elsewhere),
            ),
        ];
        for (mark, found, want) in cases {
            assert_eq!(reconcile(mark, &found), want, "{found:?}");
        }
    }

    #[test]
    fn where_a_pending_batch_landed() {
        let text = b"{\"a\":1}\n{\"b\":2}\n";
        let cases: [(&[u8], Landing); 8] = [
            (b"", Landing::Absent),
            (b"{\"a\":1}\n{\"b\":2}\n", Landing::Whole),
            // Whole, and more after it (someone appended later): still whole.
            (b"{\"a\":1}\n{\"b\":2}\nX", Landing::Whole),
            (b"{\"a\"", Landing::Torn { have: 4, line: 0 }),
            (b"{\"a\":1}\n", Landing::Torn { have: 8, line: 8 }),
            (b"{\"a\":1}\n{\"b", Landing::Torn { have: 11, line: 8 }),
            // Not ours at the offset: someone else's bytes.
            (b"hello\n", Landing::Absent),
            (b"{\"a\":1}\nhello", Landing::Absent),
        ];
        for (found, want) in cases {
            assert_eq!(
                landing(text, found),
                want,
                "{:?}",
                String::from_utf8_lossy(found)
            );
        }
    }

    #[test]
    fn arrivals_late_and_too_late() {
        let h2 = Duration::hours(2);
        let now = t(12, 0);
        let cases = [
            (t(11, 58), Some(t(11, 55)), Arrival::OnTime),
            (t(10, 55), Some(t(11, 55)), Arrival::Late),
            (t(10, 31), Some(t(11, 55)), Arrival::Late),
            (t(10, 30), Some(t(11, 55)), Arrival::TooLate),
            (t(10, 0), Some(t(11, 55)), Arrival::TooLate),
            // A first run's backfill is not late.
            (t(10, 0), None, Arrival::OnTime),
        ];
        for (start, prev, want) in cases {
            assert_eq!(arrival(start, prev, now, h2), want, "{start}");
        }
    }
}
