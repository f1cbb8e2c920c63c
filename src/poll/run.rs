//! One poll run: each account's window walked, every piece committed, and the summaries.

use super::crash_point;
use super::lock::private_dir;
use super::machine::{
    self as decide, Arrival, Change, Health, OrgState, Pending, PollState, RunOutcome, Tracking,
};
use super::output::{Output, Writer};
use super::store::{load_state, Loaded, OneStore, OrgStore, Store};
use crate::api::Client;
use crate::cli::{PollArgs, SummaryFormat};
use crate::context::Ctx;
use crate::error::UsageError;
use crate::fetch::{Flow, InvalidAlert, Sink, Walk, WalkStats};
use crate::filter::Filters;
use crate::normalize::{self, Alert, Normalizer};
use crate::output::{Format, Ui};
use crate::printer::StreamPrinter;
use crate::window::{Seen, Window};
use anyhow::Result;
use chrono::{DateTime, Utc};
use serde_json::value::RawValue;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// A poll's pieces are at most a day: each piece is committed, so a backfill holds the IDs of
/// one day at most, not of a week.
pub(crate) const MAX_POLL_PIECE: chrono::Duration = chrono::Duration::days(1);

pub(crate) struct Poller<'a> {
    pub(crate) ctx: &'a Ctx,
    pub(crate) client: &'a Client,
    pub(crate) args: &'a PollArgs,
    pub(crate) filters: Filters,
    pub(crate) stop: &'a AtomicBool,
    /// The last commit, kept between `--every` ticks; without `--state` it is the only state.
    pub(crate) memory: Option<PollState>,
    /// The same for a poll over many accounts.
    pub(crate) org_memory: Option<OrgState>,
    /// How events print on stdout.
    pub(crate) format: Format,
    /// This run's outcome was recorded in the state (by an account's poll).
    pub(crate) recorded: std::cell::Cell<bool>,
}

/// One account's poll, as it ended.
pub(crate) struct Polled {
    pub(crate) window: Window,
    pub(crate) stats: WalkStats,
    pub(crate) added: u64,
    pub(crate) arrivals: Arrivals,
    /// `--track-status`: this run's pass, when one was due.
    pub(crate) track: Option<TrackStats>,
}

/// A `--track-status` pass, as it went.
#[derive(Debug, Default, Clone)]
pub(crate) struct TrackStats {
    /// Alerts followed when the pass began.
    pub(crate) followed: usize,
    /// Requests the pass spent (searches and their next pages).
    pub(crate) requests: u64,
    /// Update events written.
    pub(crate) updates: u64,
    /// Followed alerts a search over their time did not return.
    pub(crate) missing: usize,
    /// Stopped by a signal before the end; the next run passes again.
    pub(crate) stopped: bool,
}

impl Poller<'_> {
    pub(crate) fn poll_once(&mut self) -> Result<()> {
        match crate::accounts::select(self.ctx, self.client, &self.args.accounts)? {
            None => self.poll_single(),
            Some(accounts) => self.poll_org(&accounts),
        }
    }

    /// Checks a state's times: a corrupt one is an error, a future one is clamped.
    pub(crate) fn check_times(&self, s: &mut PollState, now: DateTime<Utc>) -> Result<()> {
        let path = self.args.state.as_deref().unwrap_or(Path::new("(memory)"));
        let whose = s
            .subaccount
            .as_deref()
            .filter(|_| self.args.accounts.many())
            .map(|a| format!(" (account {a})"))
            .unwrap_or_default();
        match s.check_times(now) {
            decide::Times::Sound => Ok(()),
            decide::Times::Corrupt(why) => Err(UsageError::new(format!(
                "state file {}{whose} is corrupt: {why}",
                path.display()
            ))
            .hint("move it away to start afresh; the next run then starts --since ago")
            .into()),
            decide::Times::Future => {
                self.ctx.ui.warn(format!(
                    "state file {}{whose} has its cursor in the future ({}); polling goes on from now (was the clock set back?)",
                    path.display(),
                    crate::time::rfc3339(s.cursor)
                ));
                s.clamp_to(now);
                Ok(())
            }
        }
    }

    pub(crate) fn poll_single(&mut self) -> Result<()> {
        let now = crate::time::now();
        let creds = self.client.credentials();
        let mut state = match &self.args.state {
            Some(p) => match load_state(p)? {
                None => None,
                Some(Loaded::One(s)) => Some(s),
                Some(Loaded::Org(_)) => {
                    return Err(UsageError::new(format!(
                        "state file {} holds a poll over many accounts",
                        p.display()
                    ))
                    .hint("pass the same --subaccounts or --all-subaccounts as the runs that wrote it, or use another --state for one account")
                    .into())
                }
            },
            None => self.memory.clone(),
        };
        if let Some(s) = &mut state {
            self.check_times(s, now)?;
        }
        if let Some(s) = &state {
            let who = |host: &str, sub: Option<&str>| match sub {
                Some(sub) => format!("{host} (subaccount {sub})"),
                None => host.to_owned(),
            };
            let mine = who(&creds.account.host, self.client.subaccount().as_deref());
            let theirs = who(&s.account, s.subaccount.as_deref());
            if !mine.eq_ignore_ascii_case(&theirs) {
                let path = self.args.state.as_deref().unwrap_or(Path::new(""));
                return Err(UsageError::new(format!(
                    "state file {} belongs to {theirs}, not {mine}",
                    path.display()
                ))
                .hint("use one --state file per account and subaccount")
                .into());
            }
        }
        let (mut writer, fresh) = match &self.args.out {
            Some(path) => {
                let opened = Output::open(
                    path,
                    state.as_ref().and_then(|s| s.output.as_ref()),
                    state.as_ref().and_then(|s| s.pending.as_ref()),
                    &self.ctx.ui,
                    self.args.wait,
                )?;
                (Writer::File(opened.output), (opened.fresh, opened.redo))
            }
            None => (self.stdout(), (false, None)),
        };
        let mut store = OneStore(self.args.state.clone());
        let subaccount = self.client.subaccount();
        let (committed, result) = self.poll_account(
            now,
            subaccount.as_deref(),
            state,
            &mut writer,
            &mut store,
            fresh,
        );
        let finished = writer.finish();
        if committed.is_some() {
            self.memory = committed;
        }
        let polled = result?;
        finished?;
        crate::pull::warn_capped(self.ctx, &polled.stats);
        self.summary(None, &polled);
        Ok(())
    }

    /// Every account in turn, each with its own cursor and seen set in one state file. A failure
    /// in one is reported and the others go on; its cursor stays where its last commit left it.
    pub(crate) fn poll_org(&mut self, accounts: &[String]) -> Result<()> {
        let now = crate::time::now();
        let host = self.client.credentials().account.host.clone();
        let doc = match &self.args.state {
            Some(p) => match load_state(p)? {
                None => OrgState::new(&host, now),
                Some(Loaded::Org(d)) => d,
                Some(Loaded::One(_)) => {
                    return Err(UsageError::new(format!(
                        "state file {} holds a poll of one account, not of many",
                        p.display()
                    ))
                    .hint("use another --state file for a poll over many accounts")
                    .into())
                }
            },
            None => self
                .org_memory
                .clone()
                .unwrap_or_else(|| OrgState::new(&host, now)),
        };
        if !doc.account.eq_ignore_ascii_case(&host) {
            let path = self.args.state.as_deref().unwrap_or(Path::new(""));
            return Err(UsageError::new(format!(
                "state file {} belongs to {}, not {host}",
                path.display(),
                doc.account
            ))
            .hint("use one --state file per Lacework organization")
            .into());
        }
        if let (Some(every), None) = (self.args.every, &self.org_memory) {
            self.warn_over_budget(accounts, &doc, every);
        }
        let order = decide::turns(accounts, |a| doc.last_commit(a));
        let mut store = OrgStore {
            path: self.args.state.clone(),
            doc,
            shared: self.args.out_dir.is_none(),
        };
        let mut out_dir = None;
        let mut shared_redo = None;
        let mut shared = match (&self.args.out, &self.args.out_dir) {
            (Some(path), _) => {
                let opened = Output::open(
                    path,
                    store.doc.output.as_ref(),
                    store.doc.pending.as_ref(),
                    &self.ctx.ui,
                    self.args.wait,
                )?;
                let o = opened.output;
                if opened.fresh && opened.redo.is_none() {
                    // Where this file starts for us, committed before anything is appended.
                    store.doc.output = Some(o.mark(o.committed));
                    store.doc.pending = None;
                    store.write()?;
                }
                // A batch to write again goes with the first account's poll, recorded anew.
                shared_redo = opened.redo;
                Some(Writer::File(o))
            }
            (None, Some(dir)) => {
                out_dir = Some(private_dir(dir)?);
                None
            }
            (None, None) => Some(self.stdout()),
        };
        let own_files = shared.is_none();
        let mut polls: Vec<(String, Polled)> = Vec::new();
        let turns = crate::accounts::Turns::run(self.client, &order, self.stop, |account| {
            let mut state = store.doc.entry(account).map_err(|e| {
                UsageError::new(format!("its entry in the state file is unreadable: {e}"))
                    .hint("move the state file away to start afresh")
            })?;
            if let Some(s) = &mut state {
                self.check_times(s, now)?;
            }
            let mut own;
            let (writer, fresh) = match (&mut shared, &out_dir) {
                (Some(w), _) => (w, (false, shared_redo.take())),
                (None, Some(dir)) => {
                    let opened = Output::open(
                        &dir.join(format!("{account}.ndjson")),
                        state.as_ref().and_then(|s| s.output.as_ref()),
                        state.as_ref().and_then(|s| s.pending.as_ref()),
                        &self.ctx.ui,
                        self.args.wait,
                    )?;
                    own = Writer::File(opened.output);
                    (&mut own, (opened.fresh, opened.redo))
                }
                (None, None) => unreachable!("one of the outputs is open"),
            };
            let (_, result) =
                self.poll_account(now, Some(account), state, writer, &mut store, fresh);
            let polled = result?;
            if own_files {
                writer.finish()?;
            }
            polls.push((account.to_owned(), polled));
            Ok(())
        });
        let finished = shared.as_mut().map_or(Ok(()), Writer::finish);
        self.org_memory = Some(store.doc);
        finished?;
        let mut total = WalkStats::default();
        let mut added = 0;
        let mut late = 0;
        let mut updates = 0;
        for (account, polled) in &polls {
            self.summary(Some(account), polled);
            added += polled.added;
            late += polled.arrivals.late;
            updates += polled.track.as_ref().map_or(0, |t| t.updates);
            total.add(polled.stats.clone());
        }
        let tracking = self.args.track_status.is_some();
        crate::pull::warn_capped(self.ctx, &total);
        let remaining = self.client.budget("Alerts").and_then(|b| b.remaining);
        let text = format!(
            "poll {} account(s): {} failed, pages: {} events_added: {added}{} late_arrivals: {late} ratelimit_remaining: {}",
            turns.served,
            turns.failed.len(),
            total.pages,
            if tracking { format!(" updates_added: {updates}") } else { String::new() },
            remaining.map_or("-".into(), |r| r.to_string()),
        );
        crate::runlog::line("info", &text);
        if self.args.quiet {
            // In the --log only; failures were reported on their own.
        } else if self.json_summary() {
            let mut line = serde_json::json!({
                "accounts": turns.served,
                "failed": turns.failed.len(),
                "pages": total.pages,
                "events_added": added,
                "late_arrivals": late,
                "rate_limit_remaining": remaining,
            });
            if tracking {
                line["updates_added"] = serde_json::json!(updates);
            }
            crate::output::stderr_line(&line.to_string());
        } else {
            self.ctx.ui.info(text);
        }
        turns.finish(self.ctx, "were polled and committed")
    }

    /// At the start of `--every` over many accounts: says so when the cadence cannot fit the
    /// one `/Alerts` budget the key has (`lwctl org plan` has the arithmetic).
    pub(crate) fn warn_over_budget(&self, accounts: &[String], doc: &OrgState, every: Duration) {
        let per_poll = doc.pages_per_poll(accounts).unwrap_or(1.0);
        let plan = crate::api::budget::Plan {
            limit: self
                .client
                .budget("Alerts")
                .and_then(|b| b.limit)
                .unwrap_or(480),
            per_poll,
            every,
            // A pass an account, at the passes' cadence (or every poll, if that is slower).
            track_per_hour: match self.args.track_status {
                Some(_) => {
                    doc.searches_per_pass(accounts, crate::time::now())
                        .unwrap_or(1.0)
                        * 3600.0
                        / self.args.track_every.max(every).as_secs_f64().max(1.0)
                }
                None => 0.0,
            },
        };
        let n = accounts.len() as u64;
        if plan.fit() < n {
            let advice = match plan.shortest_every(n) {
                Some(s) => {
                    let s = crate::time::human_duration(s);
                    format!("cycles will be paced and take about {s}; poll every {s} or more")
                }
                None => "the --track-status passes alone spend it: raise --track-every or shorten the window".into(),
            };
            self.ctx.ui.alarm(format!(
                "{n} accounts every {} need {} /Alerts requests an hour, over the {} one key has: {advice} (see `lwctl org plan`)",
                crate::time::human_duration(every),
                plan.needed(n).ceil(),
                plan.limit,
            ));
        }
    }

    /// Events on stdout, in the format asked for.
    pub(crate) fn stdout(&self) -> Writer {
        Writer::Stdout(
            StreamPrinter::new(
                self.format,
                self.args.normalize.normalize,
                crate::stdout::Stdout::new(crate::printer::framing(self.format)),
                &self.ctx.ui,
                false,
            )
            .with_accounts(self.args.accounts.many()),
        )
    }

    /// One account's poll: its window walked, each piece committed. Returns the last commit
    /// (also on failure) and how it went. On failure, what was written to a file since the last
    /// commit is taken back out.
    pub(crate) fn poll_account(
        &self,
        now: DateTime<Utc>,
        subaccount: Option<&str>,
        state: Option<PollState>,
        writer: &mut Writer,
        store: &mut dyn Store,
        fresh: (bool, Option<String>),
    ) -> (Option<PollState>, Result<Polled>) {
        let started = Instant::now();
        let before = self.client.stats().requests;
        let (committed, polled, result) =
            self.walk_account(now, subaccount, state, writer, store, fresh);
        // The run's outcome is recorded whatever it was, on the last commit (or the state as
        // loaded): a failed run moves no cursor and touches no seen set.
        let after = self.client.stats().requests;
        let requests = after
            .iter()
            .map(|(k, v)| (k.clone(), v - before.get(k).copied().unwrap_or(0)))
            .filter(|(_, v)| *v > 0)
            .collect();
        let outcome = RunOutcome {
            written: polled.added,
            updates: polled.track.as_ref().map_or(0, |t| t.updates),
            track_requests: polled.track.as_ref().map_or(0, |t| t.requests),
            late: polled.arrivals.late,
            max_lateness_s: polled
                .arrivals
                .latest
                .and_then(|d| d.to_std().ok())
                .map(|d| d.as_secs()),
            requests,
            ratelimit_remaining: self.client.budget("Alerts").and_then(|b| b.remaining),
            ..ended(now, result.as_ref().map(|_| ()), started)
        };
        // The walk hands back the state as loaded when it committed nothing.
        let mut record = committed.unwrap_or_else(|| PollState {
            version: decide::version_for(false),
            account: self.client.credentials().account.host.clone(),
            subaccount: subaccount.map(str::to_owned),
            cursor: polled.window.start,
            reach: Some(polled.window.start),
            seen: Default::default(),
            output: None,
            pending: None,
            pages: None,
            health: Default::default(),
            tracking: None,
            updated_at: now,
        });
        record.health.record(&outcome);
        record.updated_at = Utc::now();
        let saved = store.save(&record);
        self.recorded.set(true);
        match (result, saved) {
            (Ok(()), Err(e)) => (Some(record), Err(e)),
            (result, _) => (Some(record), result.map(|()| polled)),
        }
    }

    /// One account's poll: its window walked, each page recorded and each piece committed.
    /// Returns the last commit (also on failure), how far it got, and how it ended.
    fn walk_account(
        &self,
        now: DateTime<Utc>,
        subaccount: Option<&str>,
        state: Option<PollState>,
        writer: &mut Writer,
        store: &mut dyn Store,
        (fresh_mark, redo): (bool, Option<String>),
    ) -> (Option<PollState>, Polled, Result<()>) {
        let overlap =
            chrono::Duration::from_std(self.args.overlap).expect("--overlap is at most 30 days");
        let since = chrono::Duration::from_std(self.args.since).unwrap_or(chrono::Duration::MAX);
        let window = decide::window(state.as_ref(), now, since, overlap);
        let mut polled = Polled {
            window,
            stats: WalkStats::default(),
            added: 0,
            arrivals: Arrivals::default(),
            track: None,
        };
        // `--track-status`: the alerts followed, less those the window has passed. Without it,
        // a state's own are kept as they are, for a later run that tracks again.
        let track_from = self.args.track_status.map(|w| {
            (now - chrono::Duration::from_std(w).expect("--track-status is at most 90 days"))
                .timestamp_millis()
        });
        let mut tracking = state.as_ref().and_then(|s| s.tracking.clone());
        let every = chrono::Duration::from_std(self.args.track_every)
            .expect("--track-every is at most 7 days");
        // A pass is due when it is time, and something was followed from before: the alerts
        // this run writes are as they are now, and are not re-read at once.
        let mut due = false;
        if let Some(from) = track_from {
            let t = tracking.get_or_insert_with(Tracking::default);
            t.forget_before(from);
            if t.alerts.is_empty() {
                t.last_pass = Some(now);
            } else {
                due = t.due(now, every);
            }
        }
        let mut seen = state.as_ref().map(PollState::seen_set).unwrap_or_default();
        let mut normalizer = crate::pull::normalizer(self.client, &self.args.normalize);
        if let Some(n) = &mut normalizer {
            n.options.subaccount = subaccount.map(str::to_owned);
        }
        let mut sink = PollSink {
            writer,
            store,
            ui: &self.ctx.ui,
            normalizer,
            line: Vec::new(),
            batch: Vec::new(),
            batch_ids: Vec::new(),
            unsettled: false,
            unrecorded: 0,
            write_failed: false,
            account: self.client.credentials().account.host.clone(),
            subaccount: subaccount.map(str::to_owned),
            cursor: state.as_ref().map_or(window.start, |s| s.cursor),
            reach: state.as_ref().and_then(|s| s.reach).unwrap_or(window.start),
            previous_cursor: state.as_ref().map(|s| s.cursor),
            window_start: window.start,
            pages: state.as_ref().and_then(|s| s.pages),
            now,
            overlap,
            added: 0,
            arrivals: Arrivals::default(),
            health: state.as_ref().map(|s| s.health.clone()).unwrap_or_default(),
            tracking,
            track_from,
            track_changes: Vec::new(),
            committed: state,
            stop: self.stop,
        };
        // A file this state has no mark for, or a pending batch settled: recorded before
        // anything more is appended.
        let settled = match redo {
            Some(text) => {
                sink.batch = text.into_bytes();
                sink.write_batch(&seen)
            }
            None if fresh_mark => {
                let cursor = sink.cursor;
                sink.commit(cursor, &seen)
            }
            None => Ok(()),
        };
        if let Err(e) = settled {
            return (sink.committed.take(), polled, Err(e));
        }
        let progress = self
            .ctx
            .ui
            .progress(matches!(sink.writer, Writer::Stdout(_)));
        let result = Walk {
            client: self.client,
            filters: &self.filters,
            seen: &mut seen,
            keep: overlap,
            max_piece: MAX_POLL_PIECE,
            skip_invalid: self.args.skip_invalid,
            progress: &progress.bar,
        }
        .run(window, &mut sink);
        let pages = result.as_ref().map_or(0, |s| s.pages);
        if self.args.accounts.many() {
            // One line for the whole organization comes at the end, not one an account.
            progress.bar.finish_and_clear();
        } else {
            self.ctx.ui.progress_done(&progress, sink.added, pages);
        }
        let stats = match result {
            Ok(stats) => stats,
            Err(e) => {
                // Nothing is taken back: what reached the file or stdout is delivered and
                // remembered, the page being read when it failed never reached the file, and
                // the cursor stays for the next run to ask again. A batch whose write failed
                // stays pending in the state, for the next run to complete.
                for id in sink.batch_ids.drain(..) {
                    seen.remove(&id);
                }
                if sink.unsettled && !sink.write_failed || sink.unrecorded > 0 {
                    let cursor = sink.cursor;
                    let _ = sink.commit(cursor, &seen);
                }
                polled.added = sink.added;
                polled.arrivals = std::mem::take(&mut sink.arrivals);
                return (sink.committed.take(), polled, Err(e));
            }
        };
        let cursor = sink.cursor;
        if stats.stopped || stats.pieces == 0 || sink.unsettled || sink.unrecorded > 0 {
            // Interrupted mid-piece (or nothing to ask): keep the cursor, remember what was written.
            if let Err(e) = sink.commit(cursor, &seen) {
                return (sink.committed.take(), polled, Err(e));
            }
        } else if sink.pages != Some(stats.pages) {
            // The pages a whole poll took, for `org plan`.
            sink.pages = Some(stats.pages);
            if let Err(e) = sink.commit(cursor, &seen) {
                return (sink.committed.take(), polled, Err(e));
            }
        }
        polled.added = sink.added;
        polled.arrivals = std::mem::take(&mut sink.arrivals);
        let due = due && !stats.stopped;
        polled.stats = stats;
        if due {
            let mut track = TrackStats::default();
            let result = sink.track(self.client, &seen, &mut track);
            polled.track = Some(track);
            if let Err(e) = result {
                // What was written is committed with the followed alerts it changed; the
                // pass is due again at the next run.
                if sink.unsettled && !sink.write_failed || sink.unrecorded > 0 {
                    let cursor = sink.cursor;
                    let _ = sink.commit(cursor, &seen);
                }
                return (sink.committed.take(), polled, Err(e));
            }
        }
        (sink.committed.take(), polled, Ok(()))
    }

    /// The summary is JSON with `--summary json`, or with `--out` and `-o json|ndjson` (there
    /// `-o` has no events to shape).
    pub(crate) fn json_summary(&self) -> bool {
        self.args.summary == Some(SummaryFormat::Json)
            || ((self.args.out.is_some() || self.args.out_dir.is_some())
                && matches!(self.ctx.ui.format, Some(Format::Json | Format::Ndjson)))
    }

    /// One account's summary line. Over many accounts, only an account with news (or every
    /// one with `-v`) gets a line, named by its account.
    pub(crate) fn summary(&self, account: Option<&str>, polled: &Polled) {
        let Polled {
            window,
            stats,
            added,
            arrivals,
            track,
        } = polled;
        let added = *added;
        let remaining = self.client.stats().rate_limit_remaining;
        let lateness = arrivals.latest.and_then(|d| d.to_std().ok());
        // Cron mails whatever a job prints: with --quiet the summary goes to the --log only.
        // Over many accounts, an account with nothing new gets a line only with -v.
        let updates = track.as_ref().map_or(0, |t| t.updates);
        let shown = !self.args.quiet
            && (account.is_none()
                || added > 0
                || updates > 0
                || arrivals.late > 0
                || stats.skipped > 0
                || self.ctx.ui.verbose > 0);
        let named = account.map(|a| format!("{a}: ")).unwrap_or_default();
        // A tracking pass adds what it read and wrote.
        let tracked = track
            .as_ref()
            .map(|t| {
                format!(
                    " tracked: {} updates_added: {} track_requests: {}{}",
                    t.followed,
                    t.updates,
                    t.requests,
                    if t.stopped { " (pass interrupted)" } else { "" }
                )
            })
            .unwrap_or_default();
        let text = format!(
            "{named}poll {}..{} pieces: {} pages: {} events_added: {added} duplicates_skipped: {} late_arrivals: {} max_lateness: {}{tracked} ratelimit_remaining: {}{}",
            crate::time::rfc3339(window.start),
            crate::time::rfc3339(window.end),
            stats.pieces,
            stats.pages,
            stats.duplicates,
            arrivals.late,
            lateness.map_or("-".into(), crate::time::human_duration),
            remaining.map_or("-".into(), |r| r.to_string()),
            if stats.stopped { " (interrupted; committed what was written)" } else { "" }
        );
        crate::runlog::line("info", &text);
        if !shown {
            // Nothing a person needs to read.
        } else if self.json_summary() {
            let mut line = serde_json::json!({
                "window_start": crate::time::rfc3339(window.start),
                "window_end": crate::time::rfc3339(window.end),
                "pieces": stats.pieces,
                "pages": stats.pages,
                "events_added": added,
                "duplicates_skipped": stats.duplicates,
                "late_arrivals": arrivals.late,
                "max_lateness_s": lateness.map(|d| d.as_secs()),
                "rate_limit_remaining": remaining,
                "interrupted": stats.stopped,
            });
            if let Some(t) = track {
                line["tracked"] = serde_json::json!(t.followed);
                line["updates_added"] = serde_json::json!(t.updates);
                line["track_requests"] = serde_json::json!(t.requests);
            }
            if let Some(a) = account {
                line["account"] = serde_json::json!(a);
            }
            crate::output::stderr_line(&line.to_string());
        } else {
            self.ctx.ui.info(text);
        }
        if arrivals.too_late > 0 {
            self.ctx.ui.alarm(format!(
                "{named}{} alert(s) arrived in the oldest quarter of the {} look-back (up to {} after their start); alerts later still may have been missed: raise --overlap",
                arrivals.too_late,
                crate::time::human_duration(self.args.overlap),
                lateness.map_or("-".into(), crate::time::human_duration),
            ));
        }
        if added == 0 && self.ctx.ui.verbose > 0 && account.is_none() {
            self.ctx
                .ui
                .info("events_added: 0 is normal for a quiet tenant: no new alerts in the window");
        }
    }
}

/// How late this run's new alerts were.
#[derive(Debug, Default)]
pub(crate) struct Arrivals {
    /// The largest `now - startTime` among the alerts written for the first time.
    pub(crate) latest: Option<chrono::Duration>,
    /// Alerts that started before the previous run's cursor.
    pub(crate) late: u64,
    /// Of those, the ones in the oldest quarter of the look-back.
    pub(crate) too_late: u64,
}

pub(crate) struct PollSink<'w> {
    pub(crate) writer: &'w mut Writer,
    pub(crate) store: &'w mut dyn Store,
    pub(crate) ui: &'w Ui,
    pub(crate) normalizer: Option<Normalizer>,
    pub(crate) line: Vec<u8>,
    /// This page's events for the file, written as one batch after the page.
    pub(crate) batch: Vec<u8>,
    /// The IDs in `batch`, which are not delivered if it is never written.
    pub(crate) batch_ids: Vec<String>,
    /// A batch was written after the last commit; the state holds it as pending.
    pub(crate) unsettled: bool,
    /// Alerts printed on stdout since the last commit.
    pub(crate) unrecorded: u64,
    /// A batch's write failed: the state's pending record is what the next run completes.
    pub(crate) write_failed: bool,
    pub(crate) account: String,
    pub(crate) subaccount: Option<String>,
    /// The committed cursor: every alert that started before it was asked for.
    pub(crate) cursor: DateTime<Utc>,
    /// The committed reach of the seen set.
    pub(crate) reach: DateTime<Utc>,
    /// The cursor this run started from; alerts that start before it arrived late.
    pub(crate) previous_cursor: Option<DateTime<Utc>>,
    /// The start of the window this run asked for: an alert that starts before it came back
    /// outside the window, and is not counted as late.
    pub(crate) window_start: DateTime<Utc>,
    /// The pages of the last whole poll.
    pub(crate) pages: Option<u32>,
    pub(crate) now: DateTime<Utc>,
    pub(crate) overlap: chrono::Duration,
    pub(crate) added: u64,
    pub(crate) arrivals: Arrivals,
    /// The last state committed (or loaded).
    pub(crate) committed: Option<PollState>,
    /// The runs so far, kept in each commit.
    pub(crate) health: Health,
    /// The alerts `--track-status` follows, kept in each commit with the events that changed
    /// them; a state's own, unchanged, without `--track-status`.
    pub(crate) tracking: Option<Tracking>,
    /// `--track-status`: where its window starts (ms); `None` when not tracking.
    pub(crate) track_from: Option<i64>,
    /// The changes whose updates are in `batch`: applied to `tracking` when the batch is
    /// recorded, so a batch never written leaves them for the next pass to tell.
    pub(crate) track_changes: Vec<(String, String, String)>,
    pub(crate) stop: &'w AtomicBool,
}

impl PollSink<'_> {
    /// Records the cursor and what was written in the state: the file's committed length, or
    /// stdout flushed.
    pub(crate) fn commit(&mut self, cursor: DateTime<Utc>, seen: &Seen) -> Result<()> {
        self.save(cursor, seen, None)?;
        self.unsettled = false;
        self.unrecorded = 0;
        Ok(())
    }

    fn save(&mut self, cursor: DateTime<Utc>, seen: &Seen, pending: Option<Pending>) -> Result<()> {
        let output = match &mut self.writer {
            Writer::File(o) => Some(o.mark(o.committed)),
            Writer::Stdout(s) => {
                s.flush()?;
                None
            }
        };
        let (kept, reach) = decide::prune(seen, self.reach, decide::horizon(cursor, self.overlap));
        let state = PollState {
            version: decide::version_for(self.tracking.is_some()),
            account: self.account.clone(),
            subaccount: self.subaccount.clone(),
            cursor,
            reach: Some(reach),
            seen: kept,
            output,
            pending,
            pages: self.pages,
            health: self.health.clone(),
            tracking: self.tracking.clone(),
            updated_at: Utc::now(),
        };
        self.store.save(&state)?;
        self.cursor = cursor;
        self.reach = reach;
        self.committed = Some(state);
        Ok(())
    }

    /// Appends this page's batch to the file: its bytes recorded in the state first (with its
    /// IDs in the seen set), then written and made durable. A kill anywhere in between is
    /// settled by the next run, which finds the batch whole, completes it, or writes it.
    pub(crate) fn write_batch(&mut self, seen: &Seen) -> Result<()> {
        let Writer::File(o) = &mut self.writer else {
            return Ok(());
        };
        o.recheck(self.ui)?;
        let text = String::from_utf8(std::mem::take(&mut self.batch))
            .expect("events are written from JSON text, which is UTF-8");
        let pending = o.pending(text);
        // The followed alerts the batch's updates tell of, recorded with it.
        if let Some(t) = &mut self.tracking {
            for (id, status, updated) in self.track_changes.drain(..) {
                t.apply(&id, &status, &updated);
            }
        }
        let cursor = self.cursor;
        self.save(cursor, seen, Some(pending))?;
        self.batch_ids.clear();
        self.unsettled = true;
        // Written from the record just saved, not a copy of a page's events.
        let (
            Writer::File(o),
            Some(PollState {
                pending: Some(p), ..
            }),
        ) = (&mut *self.writer, &self.committed)
        else {
            unreachable!("checked above, and just saved")
        };
        self.write_failed = true;
        o.committed = o.write_batch(p.text.as_bytes())?;
        self.write_failed = false;
        Ok(())
    }

    /// An alert's event in `self.line`: the alert as it came, or normalized. With
    /// `--track-status`, a connector event says what it is (`action`: `created`, `updated`,
    /// `closed`, with the previous status for the last two); an update to a raw alert is the
    /// alert in an envelope, `{"update": {...}, "alert": {...}}`; OCSF and ECS events carry
    /// it in their own fields.
    fn event(&mut self, alert: &Alert, raw: &RawValue, change: Option<&Change>) -> Result<()> {
        self.line.clear();
        let update = change.map(|c| crate::schema::Update {
            closed: c.closed,
            previous_status: c.previous_status.clone(),
            at_ms: alert
                .last_user_updated
                .value()
                .and_then(|t| crate::time::parse_api_time(&t))
                .unwrap_or(self.now)
                .timestamp_millis(),
        });
        match &mut self.normalizer {
            Some(n) => {
                n.options.update = update.clone();
                let pushed = n.push_alert(alert, raw.get().as_bytes(), &mut self.line);
                n.options.update = None;
                pushed.map_err(|e| InvalidAlert(format!("cannot normalize it: {}", e.message)))?;
                if self.track_from.is_some() && n.options.schema == crate::schema::Schema::Aisoc {
                    // `{...}\n` gains its lifecycle fields at the end.
                    self.line.truncate(self.line.len() - 2);
                    match &update {
                        None => self.line.extend_from_slice(b",\"action\":\"created\""),
                        Some(u) => {
                            self.line.extend_from_slice(b",\"action\":\"");
                            self.line.extend_from_slice(u.action().as_bytes());
                            self.line.extend_from_slice(b"\",\"previous_status\":");
                            serde_json::to_writer(&mut self.line, &u.previous_status)?;
                            self.line.extend_from_slice(b",\"updated_at\":\"");
                            let at = DateTime::from_timestamp_millis(u.at_ms).unwrap_or(self.now);
                            self.line
                                .extend_from_slice(crate::time::rfc3339_millis(at).as_bytes());
                            self.line.push(b'"');
                        }
                    }
                    self.line.extend_from_slice(b"}\n");
                }
            }
            None => {
                if let (Some(u), Some(c)) = (&update, change) {
                    self.line.extend_from_slice(b"{\"update\":");
                    serde_json::to_writer(
                        &mut self.line,
                        &serde_json::json!({
                            "action": u.action(),
                            "previous_status": c.previous_status,
                            "previous_last_user_updated_time": c.previous_updated,
                        }),
                    )?;
                    self.line.extend_from_slice(b",\"alert\":");
                }
                normalize::write_compact(&mut self.line, raw.get().as_bytes());
                if update.is_some() {
                    self.line.push(b'}');
                }
                self.line.push(b'\n');
            }
        }
        Ok(())
    }

    /// A `--track-status` pass: the alerts followed re-read with one `/Alerts/search` per 7
    /// days and 1,000 IDs, and an update event for each one whose status or
    /// `lastUserUpdatedTime` changed since lwctl last wrote it. The updates are written in
    /// batches of a MiB, each recorded with the changes it tells of before it is written, so a
    /// kill or a failure anywhere neither loses nor repeats one: updates not yet recorded are
    /// found again by the next pass. A closed alert is followed no more.
    pub(crate) fn track(
        &mut self,
        client: &Client,
        seen: &Seen,
        stats: &mut TrackStats,
    ) -> Result<()> {
        let Some(tracking) = &self.tracking else {
            return Ok(());
        };
        let started = self.now;
        let searches = crate::triage::searches(&tracking.timed(), self.now);
        stats.followed = tracking.alerts.len();
        let before = client.stats().requests.values().sum::<u64>();
        // The pass's searches count with what the run still plans (the other accounts of an
        // organization), so the shared budget paces them all.
        let planned = client.planned_ahead();
        let mut left = searches.len() as u64;
        for (window, ids) in searches {
            left -= 1;
            client.plan_ahead(planned + left);
            let mut page = client.alerts_with_ids(window, &ids, None)?;
            let mut unseen: std::collections::HashSet<u64> = ids.iter().copied().collect();
            let mut links = crate::fetch::Links::new(&page);
            loop {
                links.count(&page);
                for raw in page.alerts()? {
                    if page.damaged(raw) {
                        // Read again at the next pass.
                        unseen.clear();
                        continue;
                    }
                    let Ok(crate::alert::Record::Alert(alert)) =
                        crate::alert::parse_record(raw.get().as_bytes())
                    else {
                        continue;
                    };
                    let Ok(id) = crate::alert::alert_id(&alert) else {
                        continue;
                    };
                    if let Ok(n) = id.parse::<u64>() {
                        unseen.remove(&n);
                    }
                    let status = alert.status.value().unwrap_or_default();
                    let updated = alert.last_user_updated.value().unwrap_or_default();
                    let change = self
                        .tracking
                        .as_ref()
                        .and_then(|t| t.compare(&id, &status, &updated));
                    let Some(change) = change else {
                        continue;
                    };
                    self.event(&alert, raw, Some(&change))?;
                    let (id, status, updated) =
                        (id.into_owned(), status.into_owned(), updated.into_owned());
                    match &mut self.writer {
                        Writer::File(_) => {
                            self.batch.extend_from_slice(&self.line);
                            self.track_changes.push((id, status, updated));
                        }
                        Writer::Stdout(s) => {
                            s.write_all(&self.line)?;
                            self.unrecorded += 1;
                            // Printed is delivered: the next commit records it.
                            if let Some(t) = &mut self.tracking {
                                t.apply(&id, &status, &updated);
                            }
                        }
                    }
                    stats.updates += 1;
                }
                // Updates are few among the alerts a pass reads: they are written a batch at a
                // time (recorded, with the followed alerts they change, before they are
                // written), not a state write a page. Until then nothing is written, and a kill
                // leaves them for the next pass to find again.
                if self.batch.len() >= track_batch_bytes() {
                    self.write_batch(seen)?;
                } else if let Writer::Stdout(s) = &mut self.writer {
                    s.flush()?;
                }
                crash_point("after-track-page");
                if self.stop.load(Ordering::SeqCst) {
                    stats.stopped = true;
                    break;
                }
                let Some(link) = links.next(&page, "the pass is done again at the next run")?
                else {
                    break;
                };
                client.reuse_body(page.into_body());
                page = client.alerts_next_page(&link)?;
            }
            if stats.stopped {
                break;
            }
            stats.missing += unseen.len();
        }
        client.plan_ahead(planned);
        stats.requests = client.stats().requests.values().sum::<u64>() - before;
        if !self.batch.is_empty() {
            self.write_batch(seen)?;
        }
        if !stats.stopped {
            if let Some(t) = &mut self.tracking {
                t.last_pass = Some(started);
            }
        }
        if stats.missing > 0 {
            // Never silent: an alert the search does not return cannot tell its changes.
            self.ui.warn(format!(
                "--track-status: {} followed alert(s) were not returned by the search over their times (deleted, or out of this key's reach); they stay followed until they leave the window",
                stats.missing
            ));
        }
        let cursor = self.cursor;
        self.commit(cursor, seen)
    }

    pub(crate) fn note_arrival(&mut self, alert: &Alert) {
        let Some(start) = normalize::start_millis(alert).and_then(DateTime::from_timestamp_millis)
        else {
            return;
        };
        if start < self.window_start {
            return;
        }
        let late = self.now - start;
        self.arrivals.latest = Some(self.arrivals.latest.map_or(late, |l| l.max(late)));
        match decide::arrival(start, self.previous_cursor, self.now, self.overlap) {
            Arrival::OnTime => {}
            Arrival::Late => self.arrivals.late += 1,
            Arrival::TooLate => {
                self.arrivals.late += 1;
                self.arrivals.too_late += 1;
            }
        }
    }
}

impl Sink for PollSink<'_> {
    fn alert(&mut self, id: &str, alert: &Alert, raw: &RawValue) -> Result<Flow> {
        self.line.clear();
        self.event(alert, raw, None)?;
        if let (Some(from), Some(t)) = (self.track_from, &mut self.tracking) {
            t.follow(
                id,
                normalize::start_millis(alert),
                &alert.status.value().unwrap_or_default(),
                &alert.last_user_updated.value().unwrap_or_default(),
                from,
            );
        }
        match &mut self.writer {
            Writer::File(_) => {
                self.batch.extend_from_slice(&self.line);
                self.batch_ids.push(id.to_owned());
            }
            Writer::Stdout(s) => {
                s.write_all(&self.line)?;
                self.unrecorded += 1;
            }
        }
        self.added += 1;
        self.note_arrival(alert);
        Ok(Flow::Continue)
    }

    fn page_done(&mut self, seen: &Seen) -> Result<Flow> {
        if !self.batch.is_empty() {
            self.write_batch(seen)?;
        } else if let Writer::Stdout(s) = &mut self.writer {
            s.flush()?;
        }
        crash_point("after-page");
        Ok(if self.stop.load(Ordering::SeqCst) {
            Flow::Stop
        } else {
            Flow::Continue
        })
    }

    fn piece_done(&mut self, piece: Window, seen: &Seen) -> Result<()> {
        self.commit(decide::advance(self.cursor, piece), seen)
    }

    /// IDs are needed from the look-back before the committed cursor on: a run stopped or
    /// failed mid-piece commits with the cursor where it was.
    fn remember_from(&self, piece: Window, keep: chrono::Duration) -> DateTime<Utc> {
        piece.end.min(self.cursor) - keep
    }
}

/// The size at which a pass's updates are written as a batch: 1 MiB (about a thousand updates).
/// Debug builds read `LWCTL_TRACK_BATCH_BYTES`, so tests can kill a pass between batches.
fn track_batch_bytes() -> usize {
    #[cfg(debug_assertions)]
    if let Some(n) = std::env::var("LWCTL_TRACK_BATCH_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        return n;
    }
    1 << 20
}

/// How a run ended, as the state records it: when, its exit code and error, how long it took.
pub(crate) fn ended(
    at: DateTime<Utc>,
    result: Result<(), &anyhow::Error>,
    started: Instant,
) -> RunOutcome {
    RunOutcome {
        at,
        exit: result
            .as_ref()
            .err()
            .map_or(0, |e| crate::error::exit_code(e) as u8),
        error: result.as_ref().err().map(|e| format!("{e:#}")),
        duration_s: started.elapsed().as_secs_f64(),
        ..RunOutcome::default()
    }
}
