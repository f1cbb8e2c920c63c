//! `lwctl alerts poll`: the connector's loop as a command. With `--state` and `--out`, every new
//! alert lands in the file exactly once, whatever happens to the process or the file.
//!
//! The order of a commit is the whole trick: events are written and fsync'd, then the state
//! (cursor, recent IDs, the output's committed length and identity) is replaced atomically. A run
//! killed anywhere leaves either the old state, whose committed length the next run cuts the file
//! back to, or the new state, which matches the file.

use super::Ctx;
use crate::api::Client;
use crate::cli::{PollArgs, SummaryFormat};
use crate::error::{LockHeld, UsageError};
use crate::fetch::{Flow, InvalidAlert, Sink, Walk, WalkStats};
use crate::filter::Filters;
use crate::normalize::{self, Alert, Normalizer};
use crate::output::Format;
use crate::poll::{
    self as decide, Arrival, FoundFile, OrgState, OutputMark, PollState, Reconcile, Why,
};
use crate::printer::StreamPrinter;
use crate::window::{Seen, Window};
use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use serde_json::value::RawValue;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// A poll's pieces are at most a day: each piece is committed, so a backfill holds the IDs of
/// one day at most, not of a week.
const MAX_POLL_PIECE: chrono::Duration = chrono::Duration::days(1);

/// Test hook: `LWCTL_CRASH_AT=point[:n]` aborts the process the n-th time it reaches `point`,
/// like a SIGKILL there. Debug builds only.
fn crash_point(point: &str) {
    #[cfg(debug_assertions)]
    {
        use std::sync::atomic::AtomicU32;
        static HITS: AtomicU32 = AtomicU32::new(0);
        if let Ok(spec) = std::env::var("LWCTL_CRASH_AT") {
            let (name, n) = spec.split_once(':').unwrap_or((&spec, "1"));
            if name == point && HITS.fetch_add(1, Ordering::SeqCst) + 1 >= n.parse().unwrap_or(1) {
                std::process::abort();
            }
        }
    }
    let _ = point;
}

pub fn run(ctx: &Ctx, args: PollArgs) -> Result<()> {
    let client = ctx.client()?;
    super::accounts::route(ctx, &client, &args.route)?;
    let many = args.accounts.many();
    if many && args.out_dir.is_none() && !args.normalize.normalize {
        return Err(crate::cmd::alerts::one_stream_needs_normalize(
            "or use --out-dir DIR for one raw file per account",
        )
        .into());
    }
    if !many && args.out_dir.is_some() {
        return Err(UsageError::new("--out-dir is for a poll over many accounts")
            .hint("name them with --subaccounts or --all-subaccounts, or write one account's alerts with --out FILE")
            .into());
    }
    let filters = crate::cmd::alerts::filters(&args.filters);
    // A signal finishes the page and commits; an --every loop then exits 0 as documented.
    let stop = crate::cmd::stop_on_signals(if args.every.is_some() { 0 } else { 130 })?;
    let _lock = match &args.state {
        Some(state) => {
            let lock = lock(state, args.wait)?;
            remove_stale_temps(state);
            Some(lock)
        }
        None => None,
    };
    let mut poller = Poller {
        ctx,
        client: &client,
        args: &args,
        filters,
        stop: &stop,
        memory: None,
        org_memory: None,
        format: crate::cmd::alerts::stream_format(ctx, args.normalize.schema, Format::Ndjson)?,
    };
    let Some(every) = args.every else {
        poller.poll_once()?;
        // Stopped by a signal after committing what was written: said by the exit code.
        if stop.load(Ordering::SeqCst) {
            return Err(crate::error::Interrupted.into());
        }
        return Ok(());
    };
    loop {
        let started = Instant::now();
        if let Err(e) = poller.poll_once() {
            // A closed pipe, or a signal (the loop's documented way out, exit 0).
            if crate::error::is_broken_pipe(&e) || e.is::<crate::error::Interrupted>() {
                return Ok(());
            }
            // A mistake in the command line or the state will not mend itself by the next tick.
            if crate::error::exit_code(&e) == crate::error::Exit::Usage {
                return Err(e);
            }
            // Reported, not fatal: the cursor did not move, so the next tick fills the gap.
            crate::error::report(&e);
        }
        while started.elapsed() < every {
            if stop.load(Ordering::SeqCst) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(100).min(every));
        }
        if stop.load(Ordering::SeqCst) {
            return Ok(());
        }
    }
}

/// Takes the lock beside the state file; held until the returned file is dropped.
fn lock(state: &Path, wait: bool) -> Result<File> {
    let path = lock_path(state);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the state directory {}", dir.display()))?;
    if let Some(problem) = shared_dir(dir) {
        return Err(UsageError::new(format!(
            "the state directory {problem}, so another user could replace the state or its lock"
        ))
        .hint("keep the state in a directory only you can write (chmod go-w, or another --state path)")
        .into());
    }
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(&path).map_err(|e| {
        UsageError::new(format!("cannot open the lock file {}: {e}", path.display()))
    })?;
    if !file.metadata()?.is_file() {
        return Err(UsageError::new(format!("{} is not a regular file", path.display())).into());
    }
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(fs::TryLockError::WouldBlock) if wait => {
            file.lock()?;
            Ok(file)
        }
        Err(fs::TryLockError::WouldBlock) => Err(LockHeld(state.display().to_string()).into()),
        Err(fs::TryLockError::Error(e)) => {
            Err(e).with_context(|| format!("cannot lock {}", path.display()))
        }
    }
}

/// Why others could write in `dir`: group- or world-writable without the sticky bit (a sticky
/// directory such as /tmp lets no one replace another's files).
fn shared_dir(dir: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(dir).ok()?.permissions().mode();
        if mode & 0o022 != 0 && mode & 0o1000 == 0 {
            return Some(format!(
                "{} can be written by other users (mode {:o})",
                dir.display(),
                mode & 0o7777
            ));
        }
    }
    let _ = dir;
    None
}

/// Removes state temp files a killed run left behind. Safe only under the lock: no other run is
/// writing one.
fn remove_stale_temps(state: &Path) {
    let dir = match state.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let prefix = temp_prefix(state);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// `.STATE.`: the start of the name of the state's temp files.
fn temp_prefix(state: &Path) -> String {
    format!(
        ".{}.",
        state.file_name().unwrap_or_default().to_string_lossy()
    )
}

fn lock_path(state: &Path) -> PathBuf {
    let mut s = state.as_os_str().to_owned();
    s.push(".lock");
    PathBuf::from(s)
}

struct Poller<'a> {
    ctx: &'a Ctx,
    client: &'a Client,
    args: &'a PollArgs,
    filters: Filters,
    stop: &'a AtomicBool,
    /// The last commit, kept between `--every` ticks; without `--state` it is the only state.
    memory: Option<PollState>,
    /// The same for a poll over many accounts.
    org_memory: Option<OrgState>,
    /// How events print on stdout.
    format: Format,
}

/// One account's poll, as it ended.
struct Polled {
    window: Window,
    stats: WalkStats,
    added: u64,
    arrivals: Arrivals,
}

/// Where a commit goes: one account's state file, or its entry in a poll over many accounts.
trait Store {
    /// Records a commit durably (in memory only without a state file).
    fn save(&mut self, state: &PollState) -> Result<()>;
}

/// One account's state file, if any.
struct OneStore(Option<PathBuf>);

impl Store for OneStore {
    fn save(&mut self, state: &PollState) -> Result<()> {
        match &self.0 {
            Some(path) => write_json(path, state),
            None => Ok(()),
        }
    }
}

/// A poll over many accounts: every account's entry in one state file.
struct OrgStore {
    path: Option<PathBuf>,
    doc: OrgState,
    /// The accounts write to one output, whose mark is the document's.
    shared: bool,
}

impl OrgStore {
    fn write(&self) -> Result<()> {
        match &self.path {
            Some(p) => write_json(p, &self.doc),
            None => Ok(()),
        }
    }
}

impl Store for OrgStore {
    fn save(&mut self, state: &PollState) -> Result<()> {
        let mut entry = state.clone();
        if self.shared {
            self.doc.output = entry.output.take();
        }
        let key = entry.subaccount.clone().unwrap_or_default();
        self.doc.set_entry(key, &entry)?;
        self.doc.updated_at = Utc::now();
        self.write()
    }
}

fn write_json(path: &Path, value: &impl serde::Serialize) -> Result<()> {
    write_atomic(path, |w| {
        serde_json::to_writer_pretty(&mut *w, value)?;
        w.write_all(b"\n")?;
        Ok(())
    })
}

impl Poller<'_> {
    fn poll_once(&mut self) -> Result<()> {
        match super::accounts::select(self.ctx, self.client, &self.args.accounts)? {
            None => self.poll_single(),
            Some(accounts) => self.poll_org(&accounts),
        }
    }

    /// Checks a state's times: a corrupt one is an error, a future one is clamped.
    fn check_times(&self, s: &mut PollState, now: DateTime<Utc>) -> Result<()> {
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

    fn poll_single(&mut self) -> Result<()> {
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
                let (o, fresh) = Output::open(
                    path,
                    state.as_ref().and_then(|s| s.output.as_ref()),
                    &self.ctx.ui,
                )?;
                (Writer::File(o), fresh)
            }
            None => (self.stdout(), false),
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
        crate::cmd::alerts::warn_capped(self.ctx, &polled.stats);
        self.summary(None, &polled);
        Ok(())
    }

    /// Every account in turn, each with its own cursor and seen set in one state file. A failure
    /// in one is reported and the others go on; its cursor stays where its last commit left it.
    fn poll_org(&mut self, accounts: &[String]) -> Result<()> {
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
        let mut shared = match (&self.args.out, &self.args.out_dir) {
            (Some(path), _) => {
                let (o, fresh) = Output::open(path, store.doc.output.as_ref(), &self.ctx.ui)?;
                if fresh {
                    // Where this file starts for us, committed before anything is appended.
                    store.doc.output = Some(o.mark(o.committed));
                    store.write()?;
                }
                Some(Writer::File(o))
            }
            (None, Some(dir)) => {
                private_dir(dir)?;
                None
            }
            (None, None) => Some(self.stdout()),
        };
        let own_files = shared.is_none();
        let mut polls: Vec<(String, Polled)> = Vec::new();
        let turns = super::accounts::Turns::run(self.client, &order, self.stop, |account| {
            let mut state = store.doc.entry(account).map_err(|e| {
                UsageError::new(format!("its entry in the state file is unreadable: {e}"))
                    .hint("move the state file away to start afresh")
            })?;
            if let Some(s) = &mut state {
                self.check_times(s, now)?;
            }
            let mut own;
            let (writer, fresh) = match (&mut shared, &self.args.out_dir) {
                (Some(w), _) => (w, false),
                (None, Some(dir)) => {
                    let (o, fresh) = Output::open(
                        &dir.join(format!("{account}.ndjson")),
                        state.as_ref().and_then(|s| s.output.as_ref()),
                        &self.ctx.ui,
                    )?;
                    own = Writer::File(o);
                    (&mut own, fresh)
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
        for (account, polled) in &polls {
            self.summary(Some(account), polled);
            added += polled.added;
            late += polled.arrivals.late;
            total.add(polled.stats.clone());
        }
        crate::cmd::alerts::warn_capped(self.ctx, &total);
        if !(self.args.quiet && late == 0 && turns.failed.is_empty()) {
            let remaining = self.client.budget("Alerts").and_then(|b| b.remaining);
            if self.json_summary() {
                crate::output::stderr_line(
                    &serde_json::json!({
                        "accounts": turns.served,
                        "failed": turns.failed.len(),
                        "pages": total.pages,
                        "events_added": added,
                        "late_arrivals": late,
                        "rate_limit_remaining": remaining,
                    })
                    .to_string(),
                );
            } else {
                self.ctx.ui.info(format!(
                    "poll {} account(s): {} failed, pages: {} events_added: {added} late_arrivals: {late} ratelimit_remaining: {}",
                    turns.served,
                    turns.failed.len(),
                    total.pages,
                    remaining.map_or("-".into(), |r| r.to_string()),
                ));
            }
        }
        turns.finish(self.ctx, "were polled and committed")
    }

    /// At the start of `--every` over many accounts: says so when the cadence cannot fit the
    /// one `/Alerts` budget the key has (`lwctl org plan` has the arithmetic).
    fn warn_over_budget(&self, accounts: &[String], doc: &OrgState, every: Duration) {
        let per_poll = doc.pages_per_poll(accounts).unwrap_or(1.0);
        let plan = crate::api::budget::Plan {
            limit: self
                .client
                .budget("Alerts")
                .and_then(|b| b.limit)
                .unwrap_or(480),
            per_poll,
            every,
        };
        let n = accounts.len() as u64;
        if plan.fit() < n {
            self.ctx.ui.warn(format!(
                "{n} accounts every {} need {} /Alerts requests an hour, over the {} one key has: cycles will be paced and take about {}; poll every {} or more (see `lwctl org plan`)",
                crate::time::human_duration(every),
                plan.needed(n).ceil(),
                plan.limit,
                crate::time::human_duration(plan.shortest_every(n)),
                crate::time::human_duration(plan.shortest_every(n)),
            ));
        }
    }

    /// Events on stdout, in the format asked for.
    fn stdout(&self) -> Writer<'static> {
        Writer::Stdout(
            StreamPrinter::new(
                self.format,
                self.args.normalize.normalize,
                BufWriter::new(io::stdout().lock()),
                &self.ctx.ui,
                false,
            )
            .with_accounts(self.args.accounts.many()),
        )
    }

    /// One account's poll: its window walked, each piece committed. Returns the last commit
    /// (also on failure) and how it went. On failure, what was written to a file since the last
    /// commit is taken back out.
    fn poll_account(
        &self,
        now: DateTime<Utc>,
        subaccount: Option<&str>,
        state: Option<PollState>,
        writer: &mut Writer,
        store: &mut dyn Store,
        fresh_mark: bool,
    ) -> (Option<PollState>, Result<Polled>) {
        let overlap = match chrono::Duration::from_std(self.args.overlap) {
            Ok(o) => o,
            Err(e) => return (None, Err(e.into())),
        };
        let since = chrono::Duration::from_std(self.args.since).unwrap_or(chrono::Duration::MAX);
        let window = decide::window(state.as_ref(), now, since, overlap);
        let mut seen = state.as_ref().map(PollState::seen_set).unwrap_or_default();
        let mut normalizer = crate::cmd::alerts::normalizer(self.client, &self.args.normalize);
        if let Some(n) = &mut normalizer {
            n.options.subaccount = subaccount.map(str::to_owned);
        }
        let mut sink = PollSink {
            writer,
            store,
            normalizer,
            line: Vec::new(),
            account: self.client.credentials().account.host.clone(),
            subaccount: subaccount.map(str::to_owned),
            cursor: state.as_ref().map_or(window.start, |s| s.cursor),
            reach: state.as_ref().and_then(|s| s.reach).unwrap_or(window.start),
            previous_cursor: state.as_ref().map(|s| s.cursor),
            pages: state.as_ref().and_then(|s| s.pages),
            now,
            overlap,
            added: 0,
            arrivals: Arrivals::default(),
            committed: state,
            stop: self.stop,
        };
        // A file this state has no mark for: record where it starts before writing to it, so
        // a run killed mid-write is cut back to here and no further.
        if fresh_mark {
            let cursor = sink.cursor;
            if let Err(e) = sink.commit(cursor, &seen) {
                return (sink.committed.take(), Err(e));
            }
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
                match &mut sink.writer {
                    // Nothing of this piece is committed: take it back out of the file too.
                    Writer::File(o) => {
                        if let Err(undo) = o.rollback() {
                            self.ctx.ui.warn(format!(
                                "could not take the uncommitted alerts back out of the output ({undo:#}); the next run will"
                            ));
                        }
                    }
                    // What reached stdout is delivered: remember it, keep the cursor.
                    Writer::Stdout(_) => {
                        let cursor = sink.cursor;
                        let _ = sink.commit(cursor, &seen);
                    }
                }
                return (sink.committed.take(), Err(e));
            }
        };
        let cursor = sink.cursor;
        if stats.stopped || stats.pieces == 0 {
            // Interrupted mid-piece (or nothing to ask): keep the cursor, remember what was written.
            if let Err(e) = sink.commit(cursor, &seen) {
                return (sink.committed.take(), Err(e));
            }
        } else if sink.pages != Some(stats.pages) {
            // The pages a whole poll took, for `org plan`.
            sink.pages = Some(stats.pages);
            if let Err(e) = sink.commit(cursor, &seen) {
                return (sink.committed.take(), Err(e));
            }
        }
        let polled = Polled {
            window,
            stats,
            added: sink.added,
            arrivals: std::mem::take(&mut sink.arrivals),
        };
        (sink.committed.take(), Ok(polled))
    }

    /// The summary is JSON with `--summary json`, or with `--out` and `-o json|ndjson` (there
    /// `-o` has no events to shape).
    fn json_summary(&self) -> bool {
        self.args.summary == Some(SummaryFormat::Json)
            || ((self.args.out.is_some() || self.args.out_dir.is_some())
                && matches!(self.ctx.ui.format, Some(Format::Json | Format::Ndjson)))
    }

    /// One account's summary line. Over many accounts, only an account with news (or every
    /// one with `-v`) gets a line, named by its account.
    fn summary(&self, account: Option<&str>, polled: &Polled) {
        let Polled {
            window,
            stats,
            added,
            arrivals,
        } = polled;
        let added = *added;
        let remaining = self.client.stats().rate_limit_remaining;
        let lateness = arrivals.latest.and_then(|d| d.to_std().ok());
        // Cron mails whatever a job prints: --quiet speaks only when there is news to act on.
        let quiet = (self.args.quiet && arrivals.late == 0 && stats.skipped == 0)
            || (account.is_some()
                && added == 0
                && arrivals.late == 0
                && stats.skipped == 0
                && self.ctx.ui.verbose == 0);
        let named = account.map(|a| format!("{a}: ")).unwrap_or_default();
        if quiet {
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
            if let Some(a) = account {
                line["account"] = serde_json::json!(a);
            }
            crate::output::stderr_line(&line.to_string());
        } else {
            self.ctx.ui.info(format!(
                "{named}poll {}..{} pieces: {} pages: {} events_added: {added} duplicates_skipped: {} late_arrivals: {} max_lateness: {} ratelimit_remaining: {}{}",
                crate::time::rfc3339(window.start),
                crate::time::rfc3339(window.end),
                stats.pieces,
                stats.pages,
                stats.duplicates,
                arrivals.late,
                lateness.map_or("-".into(), crate::time::human_duration),
                remaining.map_or("-".into(), |r| r.to_string()),
                if stats.stopped { " (interrupted; committed what was written)" } else { "" }
            ));
        }
        if arrivals.too_late > 0 {
            self.ctx.ui.warn(format!(
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

/// A directory for `--out-dir`: created 0700 if missing; refused if others may write in it.
fn private_dir(dir: &Path) -> Result<()> {
    if !dir.exists() {
        let mut b = fs::DirBuilder::new();
        b.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
        b.create(dir)
            .with_context(|| format!("cannot create --out-dir {}", dir.display()))?;
    }
    if !dir.is_dir() {
        return Err(
            UsageError::new(format!("--out-dir {} is not a directory", dir.display())).into(),
        );
    }
    if let Some(problem) = shared_dir(dir) {
        return Err(UsageError::new(format!("--out-dir {problem}"))
            .hint("keep the alert files in a directory only you can write (chmod go-w)")
            .into());
    }
    Ok(())
}

/// A state file as read: one account's, or a poll over many accounts.
enum Loaded {
    One(PollState),
    Org(OrgState),
}

fn load_state(path: &Path) -> Result<Option<Loaded>> {
    let bytes = match crate::api::token::read_private(path, 256 << 20) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(UsageError::new(format!(
                "cannot read state file {}: {e}",
                path.display()
            ))
            .hint("it must be a regular file you can read (not a link or a FIFO); move it away to start afresh")
            .into())
        }
    };
    let not_state = |e: serde_json::Error| {
        UsageError::new(format!(
            "state file {} is not an lwctl poll state: {e}",
            path.display()
        ))
        .hint("move it away to start afresh; the next run then starts --since ago")
    };
    #[derive(serde::Deserialize)]
    struct Head {
        version: u32,
        #[serde(default)]
        accounts: Option<serde::de::IgnoredAny>,
    }
    let head: Head = serde_json::from_slice(&bytes).map_err(not_state)?;
    if !(1..=decide::STATE_VERSION).contains(&head.version) {
        return Err(UsageError::new(format!(
            "state file {} has version {}, this lwctl reads versions 1 to {}",
            path.display(),
            head.version,
            decide::STATE_VERSION
        ))
        .hint("a newer lwctl wrote it: use that one, or move the file away to start afresh")
        .into());
    }
    if head.accounts.is_some() {
        let doc: OrgState = serde_json::from_slice(&bytes).map_err(not_state)?;
        return Ok(Some(Loaded::Org(doc)));
    }
    let state: PollState = serde_json::from_slice(&bytes).map_err(not_state)?;
    Ok(Some(Loaded::One(state.upgrade())))
}

/// Replaces a file atomically: temp file in the same directory, fsync, rename, fsync the directory.
fn write_atomic(path: &Path, fill: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // A run killed between write and rename leaves this behind; its name says whose it is.
    let prefix = temp_prefix(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .tempfile_in(&dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    {
        let mut w = BufWriter::with_capacity(64 << 10, tmp.as_file_mut());
        fill(&mut w)?;
        w.flush()?;
    }
    tmp.as_file().sync_all()?;
    crash_point("after-state-temp");
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot replace {}", path.display()))?;
    crash_point("after-rename");
    File::open(&dir)?.sync_all()?;
    Ok(())
}

/// The `--out` file: where this run appends, and what is committed.
struct Output {
    /// Canonical: `./out` and `out` are one file.
    path: PathBuf,
    file: BufWriter<File>,
    committed: u64,
    dev: u64,
    ino: u64,
}

impl Output {
    /// Opens the file (created 0600: alerts name hosts, users and addresses) and reconciles it
    /// with the committed mark. Only bytes lwctl appended after its own last commit are ever cut;
    /// a rotated, restored or replaced file keeps every byte. Returns whether the file needs a
    /// fresh mark committed before anything is appended.
    fn open(
        path: &Path,
        mark: Option<&OutputMark>,
        ui: &crate::output::Ui,
    ) -> Result<(Output, bool)> {
        let mut options = OpenOptions::new();
        options.read(true).append(true).create(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options
            .open(path)
            .with_context(|| format!("cannot open --out {}", path.display()))?;
        let meta = file.metadata()?;
        if !meta.is_file() {
            return Err(
                UsageError::new(format!("--out {} is not a regular file", path.display()))
                    .hint(
                        "name a file: lwctl appends to it and may cut back what it appended itself",
                    )
                    .into(),
            );
        }
        let (dev, ino) = identity(&meta);
        let found = FoundFile {
            path: fs::canonicalize(path)
                .with_context(|| format!("cannot resolve --out {}", path.display()))?,
            length: meta.len(),
            dev,
            ino,
        };
        let shown = path.display();
        let (committed, fresh) = match decide::reconcile(mark, &found) {
            Reconcile::Append => (found.length, false),
            Reconcile::CutBack { to } => {
                ui.warn(format!(
                    "{shown}: removing {} byte(s) an interrupted run wrote but did not commit (they will be written again)",
                    found.length - to
                ));
                file.set_len(to)?;
                file.sync_all()?;
                (to, false)
            }
            Reconcile::NewMark(why) => {
                let what = match why {
                    Why::First => None,
                    Why::Replaced => {
                        Some("is another file than at the last run (rotated or replaced)")
                    }
                    Why::Truncated => Some("is shorter than at the last run (truncated in place)"),
                    Why::Elsewhere => Some("is not the file the last run wrote"),
                };
                if let (Some(what), true) = (what, ui.verbose > 0) {
                    ui.info(format!(
                        "{shown} {what}; keeping its {} byte(s) and appending after them",
                        found.length
                    ));
                }
                (found.length, true)
            }
        };
        Ok((
            Output {
                path: found.path,
                file: BufWriter::with_capacity(128 << 10, file),
                committed,
                dev,
                ino,
            },
            fresh,
        ))
    }

    /// Flushes and fsyncs; returns the length now on disk.
    fn sync(&mut self) -> Result<u64> {
        self.file.flush()?;
        let f = self.file.get_mut();
        f.sync_data()?;
        Ok(f.metadata()?.len())
    }

    /// Takes everything since the last commit back out of the file: what is still buffered is
    /// dropped unwritten, and what reached the file is cut off, unless the file was truncated
    /// meanwhile (then there is nothing of ours past the mark to cut).
    fn rollback(&mut self) -> Result<()> {
        let fresh = BufWriter::with_capacity(128 << 10, self.file.get_ref().try_clone()?);
        let (file, _unwritten) = std::mem::replace(&mut self.file, fresh).into_parts();
        if file.metadata()?.len() > self.committed {
            file.set_len(self.committed)?;
            file.sync_all()?;
        }
        Ok(())
    }

    /// The mark of this file at `length`.
    fn mark(&self, length: u64) -> OutputMark {
        OutputMark {
            path: self.path.clone(),
            length,
            dev: self.dev,
            ino: self.ino,
        }
    }
}

#[cfg(unix)]
fn identity(meta: &fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn identity(_: &fs::Metadata) -> (u64, u64) {
    (0, 0)
}

enum Writer<'a> {
    File(Output),
    /// Events on stdout, in the format asked for.
    Stdout(StreamPrinter<BufWriter<io::StdoutLock<'a>>>),
}

impl Writer<'_> {
    fn write_all(&mut self, b: &[u8]) -> io::Result<()> {
        match self {
            Writer::File(o) => o.file.write_all(b),
            Writer::Stdout(s) => s.write_all(b),
        }
    }

    /// For the crash hook only, which makes a half-written line reach the file.
    #[cfg(debug_assertions)]
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Writer::File(o) => o.file.flush(),
            Writer::Stdout(s) => s.flush(),
        }
    }

    /// Ends the run's output: flushes the file, or closes what the format needs on stdout.
    fn finish(&mut self) -> io::Result<()> {
        match self {
            Writer::File(o) => o.file.flush(),
            Writer::Stdout(s) => s.finish(),
        }
    }
}

/// How late this run's new alerts were.
#[derive(Debug, Default)]
struct Arrivals {
    /// The largest `now - startTime` among the alerts written for the first time.
    latest: Option<chrono::Duration>,
    /// Alerts that started before the previous run's cursor.
    late: u64,
    /// Of those, the ones in the oldest quarter of the look-back.
    too_late: u64,
}

struct PollSink<'w, 'a> {
    writer: &'w mut Writer<'a>,
    store: &'w mut dyn Store,
    normalizer: Option<Normalizer>,
    line: Vec<u8>,
    account: String,
    subaccount: Option<String>,
    /// The committed cursor: every alert that started before it was asked for.
    cursor: DateTime<Utc>,
    /// The committed reach of the seen set.
    reach: DateTime<Utc>,
    /// The cursor this run started from; alerts that start before it arrived late.
    previous_cursor: Option<DateTime<Utc>>,
    /// The pages of the last whole poll.
    pages: Option<u32>,
    now: DateTime<Utc>,
    overlap: chrono::Duration,
    added: u64,
    arrivals: Arrivals,
    /// The last state committed (or loaded).
    committed: Option<PollState>,
    stop: &'w AtomicBool,
}

impl PollSink<'_, '_> {
    /// Makes what was written durable, then records it in the state.
    fn commit(&mut self, cursor: DateTime<Utc>, seen: &Seen) -> Result<()> {
        let output = match &mut self.writer {
            Writer::File(o) => {
                let length = o.sync()?;
                crash_point("after-output-sync");
                o.committed = length;
                Some(o.mark(length))
            }
            Writer::Stdout(s) => {
                s.flush()?;
                None
            }
        };
        let (kept, reach) = decide::prune(seen, self.reach, decide::horizon(cursor, self.overlap));
        let state = PollState {
            version: decide::STATE_VERSION,
            account: self.account.clone(),
            subaccount: self.subaccount.clone(),
            cursor,
            reach: Some(reach),
            seen: kept,
            output,
            pages: self.pages,
            updated_at: Utc::now(),
        };
        self.store.save(&state)?;
        self.cursor = cursor;
        self.reach = reach;
        self.committed = Some(state);
        Ok(())
    }

    fn note_arrival(&mut self, alert: &Alert) {
        let Some(start) = normalize::start_millis(alert).and_then(DateTime::from_timestamp_millis)
        else {
            return;
        };
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

impl Sink for PollSink<'_, '_> {
    fn alert(&mut self, _id: &str, alert: &Alert, raw: &RawValue) -> Result<Flow> {
        self.line.clear();
        match &mut self.normalizer {
            Some(n) => n
                .push_alert(alert, raw.get().as_bytes(), &mut self.line)
                .map_err(|e| InvalidAlert(format!("cannot normalize it: {}", e.message)))?,
            None => {
                normalize::write_compact(&mut self.line, raw.get().as_bytes());
                self.line.push(b'\n');
            }
        }
        #[cfg(debug_assertions)]
        if std::env::var("LWCTL_CRASH_AT").is_ok_and(|v| v.starts_with("mid-line")) {
            let half = self.line.len() / 2;
            self.writer.write_all(&self.line[..half])?;
            self.writer.flush()?;
            crash_point("mid-line");
            self.writer.write_all(&self.line[half..])?;
            self.added += 1;
            return Ok(Flow::Continue);
        }
        self.writer.write_all(&self.line)?;
        self.added += 1;
        self.note_arrival(alert);
        Ok(Flow::Continue)
    }

    fn page_done(&mut self) -> Result<Flow> {
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
