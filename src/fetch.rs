//! Walks a time window's alerts: 7-day pieces in time order, pieces at the row cap split in
//! halves, every page followed, filters applied, and boundary duplicates dropped. Pages are handed
//! on as they arrive, so memory holds one page however large the result.

use crate::alert::{self, Alert};
use crate::api::Client;
use crate::error::{ApiError, Cause};
use crate::filter::Filters;
use crate::window::{Seen, Window, MAX_PAGE_ROWS, MAX_PIECE, MAX_ROWS};
use anyhow::Result;
use chrono::{DateTime, Duration, Utc};
use indicatif::ProgressBar;
use serde_json::value::RawValue;
use std::collections::{HashSet, VecDeque};

/// Whether to go on after an alert or page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Stop,
}

/// What receives the alerts of a walk.
pub trait Sink {
    /// One alert that passed the filters and was not seen before; `id` is its external ID.
    fn alert(&mut self, id: &str, alert: &Alert, raw: &RawValue) -> Result<Flow>;
    /// After each page's alerts; `seen` holds their IDs.
    fn page_done(&mut self, _seen: &Seen) -> Result<Flow> {
        Ok(Flow::Continue)
    }
    /// After a piece is complete: every alert in it has been handed on.
    fn piece_done(&mut self, _piece: Window, _seen: &Seen) -> Result<()> {
        Ok(())
    }
    /// The earliest time an ID written during `piece` must be remembered for: IDs kept until
    /// before it are not remembered at all, so memory does not grow with the piece. By default
    /// the piece's end less the walk's `keep`, which covers the next piece's boundary.
    fn remember_from(&self, piece: Window, keep: Duration) -> DateTime<Utc> {
        piece.end - keep
    }
}

#[derive(Debug, Default, Clone)]
pub struct WalkStats {
    pub pieces: u32,
    pub pages: u32,
    pub alerts: u64,
    pub duplicates: u64,
    /// Whether the walk ended early (limit reached, or asked to stop).
    pub stopped: bool,
    /// Pieces that reached the row cap but were too short to split again: the API may have
    /// left rows out of them.
    pub capped: Vec<Window>,
    /// Alerts written whose `startTime` is missing, unreadable, or outside the window they came
    /// back for.
    pub odd_times: u64,
    /// Alerts skipped with `--skip-invalid`, and where the first few were.
    pub skipped: u64,
    pub skipped_first: Vec<String>,
}

impl WalkStats {
    /// Adds another walk's figures (a run over many accounts).
    pub fn add(&mut self, other: WalkStats) {
        self.pieces += other.pieces;
        self.pages += other.pages;
        self.alerts += other.alerts;
        self.duplicates += other.duplicates;
        self.odd_times += other.odd_times;
        self.stopped |= other.stopped;
        self.capped.extend(other.capped);
        self.skipped += other.skipped;
        let room = 5usize.saturating_sub(self.skipped_first.len());
        self.skipped_first
            .extend(other.skipped_first.into_iter().take(room));
    }
}

/// An alert a sink cannot use (it does not normalize): skipped with `--skip-invalid`, else the
/// end of the walk, saying which alert, where and why.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct InvalidAlert(pub String);

/// How long an alert's ID is remembered (epoch ms), and whether its times are odd. Its latest
/// time, normally: no window that starts later can return it. An alert whose times are
/// missing, unreadable or all before the piece it came back in (1970, year 0) has nothing to
/// go by: it is remembered until the piece's end, like the piece's own alerts, and again
/// each time it comes back, so it is written once whatever its times.
fn remember_until(alert: &Alert, piece: Window) -> (i64, bool) {
    let (start, end) = (piece.start.timestamp_millis(), piece.end.timestamp_millis());
    let odd = !alert::start_millis(alert).is_some_and(|s| (start..=end).contains(&s));
    match alert::latest_millis(alert) {
        Some(t) if t >= start => (t, odd),
        _ => (end, true),
    }
}

pub struct Walk<'a> {
    pub client: &'a Client,
    pub filters: &'a Filters,
    /// IDs already written; only those kept until within `keep` of the last piece's end are
    /// kept.
    pub seen: &'a mut Seen,
    pub keep: Duration,
    /// The longest piece asked for in one query (at most the API's 7 days).
    pub max_piece: Duration,
    /// Skip alerts that cannot be used, counted in the stats, instead of stopping.
    pub skip_invalid: bool,
    pub progress: &'a ProgressBar,
}

impl Walk<'_> {
    /// An alert that cannot be used: counted and skipped, or the walk's end.
    fn invalid(&self, stats: &mut WalkStats, place: String, why: &str) -> Result<()> {
        if !self.skip_invalid {
            return Err(ApiError::Unavailable {
                cause: Cause::BadAlert,
                what: format!("lacework returned an alert that cannot be used ({place}): {why}"),
                hint: Some("--skip-invalid skips such alerts, counts them and goes on".into()),
            }
            .into());
        }
        stats.skipped += 1;
        if stats.skipped_first.len() < 5 {
            stats.skipped_first.push(format!("{place}: {why}"));
        }
        Ok(())
    }

    pub fn run(&mut self, window: Window, sink: &mut dyn Sink) -> Result<WalkStats> {
        let mut stats = WalkStats::default();
        let mut pieces: VecDeque<Window> = window.split(self.max_piece.min(MAX_PIECE)).into();
        let total_pieces = pieces.len();
        while let Some(piece) = pieces.pop_front() {
            stats.pieces += 1;
            let label = format!(
                "piece {}/{}",
                stats.pieces,
                total_pieces.max(stats.pieces as usize)
            );
            let mut page = self.client.alerts_first_page(piece, self.filters)?;
            if page.total_rows().is_some_and(|n| n >= MAX_ROWS) {
                match piece.halves() {
                    Some((a, b)) => {
                        pieces.push_front(b);
                        pieces.push_front(a);
                        stats.pieces -= 1;
                        continue;
                    }
                    None => stats.capped.push(piece),
                }
            }
            // One count across all pieces: each piece adds its rows to the total.
            self.progress
                .inc_length(page.total_rows().unwrap_or(page.rows() as u64));
            let remember_from = sink.remember_from(piece, self.keep).timestamp_millis();
            let mut links = Links::new(&page);
            loop {
                stats.pages += 1;
                links.count(&page);
                let pages_here = links.pages;
                if page.rows() > MAX_PAGE_ROWS {
                    return Err(ApiError::Unavailable {
                        cause: Cause::TooLarge,
                        what: format!(
                            "lacework sent a page of {} rows, over the API's {MAX_PAGE_ROWS}; nothing of it was taken",
                            page.rows()
                        ),
                        hint: Some("a proxy or a server other than Lacework may be answering".into()),
                    }
                    .into());
                }
                self.progress
                    .set_message(format!("{label}, page {pages_here}"));
                for (row, raw) in page.alerts()?.into_iter().enumerate() {
                    self.progress.inc(1);
                    let place = |id: Option<&str>| {
                        format!(
                            "{}row {} of page {pages_here} of {}..{}",
                            id.map(|i| format!("alert {i}, ")).unwrap_or_default(),
                            row + 1,
                            crate::time::rfc3339(piece.start),
                            crate::time::rfc3339(piece.end)
                        )
                    };
                    if page.damaged(raw) {
                        let id =
                            alert::parse_record(raw.get().as_bytes())
                                .ok()
                                .and_then(|r| match r {
                                    alert::Record::Alert(a) => {
                                        alert::alert_id(&a).ok().map(|i| i.into_owned())
                                    }
                                    alert::Record::Envelope(_) => None,
                                });
                        self.invalid(
                            &mut stats,
                            place(id.as_deref()),
                            "it holds bytes that are not UTF-8",
                        )?;
                        continue;
                    }
                    let alert = match alert::parse_record(raw.get().as_bytes()) {
                        Ok(alert::Record::Alert(a)) => a,
                        Ok(alert::Record::Envelope(_)) => {
                            self.invalid(&mut stats, place(None), "not an alert object")?;
                            continue;
                        }
                        Err(e) => {
                            self.invalid(&mut stats, place(None), &e.message)?;
                            continue;
                        }
                    };
                    let id = match alert::alert_id(&alert) {
                        Ok(id) => id,
                        Err(why) => {
                            self.invalid(&mut stats, place(None), why)?;
                            continue;
                        }
                    };
                    if !self.filters.matches(&alert) {
                        continue;
                    }
                    let (until, odd) = remember_until(&alert, piece);
                    if self.seen.contains(&id) {
                        // One the server keeps returning outside its time is remembered for as
                        // long as it does.
                        self.seen.insert(&id, until);
                        stats.duplicates += 1;
                        continue;
                    }
                    let flow = match sink.alert(&id, &alert, raw) {
                        Ok(flow) => flow,
                        Err(e) => match e.downcast::<InvalidAlert>() {
                            Ok(InvalidAlert(why)) => {
                                self.invalid(&mut stats, place(Some(&id)), &why)?;
                                continue;
                            }
                            Err(e) => return Err(e),
                        },
                    };
                    if until >= remember_from {
                        self.seen.insert(&id, until);
                    }
                    stats.alerts += 1;
                    stats.odd_times += u64::from(odd);
                    if flow == Flow::Stop {
                        stats.stopped = true;
                        return Ok(stats);
                    }
                }
                if sink.page_done(self.seen)? == Flow::Stop {
                    stats.stopped = true;
                    return Ok(stats);
                }
                let next = links.next(&page, "nothing of this piece was committed")?;
                // The next page reads into the same buffer.
                self.client.reuse_body(page.into_body());
                let Some(next) = next else {
                    break;
                };
                page = self.client.alerts_next_page(&next)?;
            }
            self.seen.prune(piece.end - self.keep);
            sink.piece_done(piece, self.seen)?;
        }
        Ok(stats)
    }
}

/// The `nextPage` links of one result, as they are followed. A server that links a page back to
/// itself, or in any cycle, would keep a run (and its lock) busy forever: every link is followed
/// once, and no more rows or pages than `totalRows` allows (with a page of slack) are read.
pub struct Links {
    seen: HashSet<String>,
    total: Option<u64>,
    rows: u64,
    /// Pages counted so far.
    pub pages: u32,
}

impl Links {
    /// The links of the result whose first page is `first`.
    pub fn new(first: &crate::api::alerts::Page) -> Links {
        Links {
            seen: HashSet::new(),
            total: first.total_rows(),
            rows: 0,
            pages: 0,
        }
    }

    /// Counts a page read.
    pub fn count(&mut self, page: &crate::api::alerts::Page) {
        self.pages += 1;
        self.rows += page.rows() as u64;
    }

    /// The link to follow after `page` (counted already): `None` at the result's end, an error
    /// that ends with `after` when the links loop.
    pub fn next(
        &mut self,
        page: &crate::api::alerts::Page,
        after: &str,
    ) -> Result<Option<String>, ApiError> {
        let Some(next) = page.next_page() else {
            return Ok(None);
        };
        let beyond = self
            .total
            .is_some_and(|t| self.rows > t + MAX_PAGE_ROWS as u64 || u64::from(self.pages) > t + 1);
        if beyond || !self.seen.insert(next.to_owned()) {
            return Err(ApiError::Unavailable {
                cause: Cause::PageLoop,
                what: format!(
                    "lacework's nextPage links loop (page {} links to one already read, or more pages than totalRows allows); {after}",
                    self.pages
                ),
                hint: Some(
                    "try again later; if it persists, report it to Lacework support".into(),
                ),
            });
        }
        Ok(Some(next.to_owned()))
    }
}
