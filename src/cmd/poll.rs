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
use crate::poll::{self as decide, Arrival, FoundFile, OutputMark, PollState, Reconcile, Why};
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
            if crate::error::is_broken_pipe(&e) {
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
}

impl Poller<'_> {
    fn poll_once(&mut self) -> Result<()> {
        let now = crate::time::now();
        let overlap = chrono::Duration::from_std(self.args.overlap)?;
        let since = chrono::Duration::from_std(self.args.since)?;
        let creds = self.client.credentials();
        let mut state = match &self.args.state {
            Some(p) => load_state(p)?,
            None => self.memory.clone(),
        };
        if let Some(s) = &mut state {
            let path = self.args.state.as_deref().unwrap_or(Path::new("(memory)"));
            match s.check_times(now) {
                decide::Times::Sound => {}
                decide::Times::Corrupt(why) => {
                    return Err(UsageError::new(format!(
                        "state file {} is corrupt: {why}",
                        path.display()
                    ))
                    .hint("move it away to start afresh; the next run then starts --since ago")
                    .into())
                }
                decide::Times::Future => {
                    self.ctx.ui.warn(format!(
                        "state file {} has its cursor in the future ({}); polling goes on from now (was the clock set back?)",
                        path.display(),
                        crate::time::rfc3339(s.cursor)
                    ));
                    s.clamp_to(now);
                }
            }
        }
        if let Some(s) = &state {
            let who = |host: &str, sub: Option<&str>| match sub {
                Some(sub) => format!("{host} (subaccount {sub})"),
                None => host.to_owned(),
            };
            let mine = who(&creds.account.host, creds.subaccount.as_deref());
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
        let window = decide::window(state.as_ref(), now, since, overlap);
        let mut seen = state.as_ref().map(PollState::seen_set).unwrap_or_default();
        let (out, fresh_mark) = match &self.args.out {
            Some(path) => {
                let (o, fresh) = Output::open(
                    path,
                    state.as_ref().and_then(|s| s.output.as_ref()),
                    &self.ctx.ui,
                )?;
                (Some(o), fresh)
            }
            None => (None, false),
        };
        let normalizer = crate::cmd::alerts::normalizer(self.client, &self.args.normalize);
        let mut sink = PollSink {
            writer: match out {
                Some(o) => Writer::File(o),
                None => Writer::Stdout(StreamPrinter::new(
                    self.ctx.ui.format.unwrap_or(Format::Ndjson),
                    self.args.normalize.normalize,
                    BufWriter::new(io::stdout().lock()),
                    &self.ctx.ui,
                    false,
                )),
            },
            normalizer,
            line: Vec::new(),
            state_path: self.args.state.clone(),
            account: creds.account.host.clone(),
            subaccount: creds.subaccount.clone(),
            cursor: state.as_ref().map_or(window.start, |s| s.cursor),
            reach: state.as_ref().and_then(|s| s.reach).unwrap_or(window.start),
            previous_cursor: state.as_ref().map(|s| s.cursor),
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
            sink.commit(cursor, &seen)?;
        }
        let progress = self.ctx.ui.progress(self.args.out.is_none());
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
        self.ctx.ui.progress_done(&progress, sink.added, pages);
        let stats = match result {
            Ok(stats) => stats,
            Err(e) => {
                match sink.writer {
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
                        let _ = sink.writer.finish();
                        let cursor = sink.cursor;
                        if sink.commit(cursor, &seen).is_ok() {
                            self.memory = sink.committed.take();
                        }
                    }
                }
                return Err(e);
            }
        };
        if stats.stopped || stats.pieces == 0 {
            // Interrupted mid-piece (or nothing to ask): keep the cursor, remember what was written.
            let cursor = sink.cursor;
            sink.commit(cursor, &seen)?;
        }
        sink.writer.finish()?;
        self.memory = sink.committed.take();
        crate::cmd::alerts::warn_capped(self.ctx, &stats);
        self.summary(window, &stats, sink.added, &sink.arrivals);
        Ok(())
    }

    /// The summary is JSON with `--summary json`, or with `--out` and `-o json|ndjson` (there
    /// `-o` has no events to shape).
    fn json_summary(&self) -> bool {
        self.args.summary == Some(SummaryFormat::Json)
            || (self.args.out.is_some()
                && matches!(self.ctx.ui.format, Some(Format::Json | Format::Ndjson)))
    }

    fn summary(&self, window: Window, stats: &WalkStats, added: u64, arrivals: &Arrivals) {
        let remaining = self.client.stats().rate_limit_remaining;
        let lateness = arrivals.latest.and_then(|d| d.to_std().ok());
        // Cron mails whatever a job prints: --quiet speaks only when there is news to act on.
        let quiet = self.args.quiet && arrivals.late == 0 && stats.skipped == 0;
        if quiet {
            // Nothing a person needs to read.
        } else if self.json_summary() {
            let line = serde_json::json!({
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
            crate::output::stderr_line(&line.to_string());
        } else {
            self.ctx.ui.info(format!(
                "poll {}..{} pieces: {} pages: {} events_added: {added} duplicates_skipped: {} late_arrivals: {} max_lateness: {} ratelimit_remaining: {}{}",
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
                "{} alert(s) arrived in the oldest quarter of the {} look-back (up to {} after their start); alerts later still may have been missed: raise --overlap",
                arrivals.too_late,
                crate::time::human_duration(self.args.overlap),
                lateness.map_or("-".into(), crate::time::human_duration),
            ));
        }
        if added == 0 && self.ctx.ui.verbose > 0 {
            self.ctx
                .ui
                .info("events_added: 0 is normal for a quiet tenant: no new alerts in the window");
        }
    }
}

fn load_state(path: &Path) -> Result<Option<PollState>> {
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
    let state: PollState = serde_json::from_slice(&bytes).map_err(|e| {
        UsageError::new(format!(
            "state file {} is not an lwctl poll state: {e}",
            path.display()
        ))
        .hint("move it away to start afresh; the next run then starts --since ago")
    })?;
    if !(1..=decide::STATE_VERSION).contains(&state.version) {
        return Err(UsageError::new(format!(
            "state file {} has version {}, this lwctl reads versions 1 to {}",
            path.display(),
            state.version,
            decide::STATE_VERSION
        ))
        .hint("a newer lwctl wrote it: use that one, or move the file away to start afresh")
        .into());
    }
    Ok(Some(state.upgrade()))
}

/// Replaces a file atomically: temp file in the same directory, fsync, rename, fsync the directory.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
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
    tmp.write_all(bytes)?;
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
    fn rollback(self) -> Result<()> {
        let (file, _unwritten) = self.file.into_parts();
        if file.metadata()?.len() > self.committed {
            file.set_len(self.committed)?;
            file.sync_all()?;
        }
        Ok(())
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

struct PollSink<'a> {
    writer: Writer<'a>,
    normalizer: Option<Normalizer>,
    line: Vec<u8>,
    state_path: Option<PathBuf>,
    account: String,
    subaccount: Option<String>,
    /// The committed cursor: every alert that started before it was asked for.
    cursor: DateTime<Utc>,
    /// The committed reach of the seen set.
    reach: DateTime<Utc>,
    /// The cursor this run started from; alerts that start before it arrived late.
    previous_cursor: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    overlap: chrono::Duration,
    added: u64,
    arrivals: Arrivals,
    /// The last state committed (or loaded).
    committed: Option<PollState>,
    stop: &'a AtomicBool,
}

impl PollSink<'_> {
    /// Makes what was written durable, then records it in the state.
    fn commit(&mut self, cursor: DateTime<Utc>, seen: &Seen) -> Result<()> {
        let output = match &mut self.writer {
            Writer::File(o) => {
                let length = o.sync()?;
                crash_point("after-output-sync");
                o.committed = length;
                Some(OutputMark {
                    path: o.path.clone(),
                    length,
                    dev: o.dev,
                    ino: o.ino,
                })
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
            updated_at: Utc::now(),
        };
        if let Some(path) = &self.state_path {
            let mut bytes = serde_json::to_vec_pretty(&state)?;
            bytes.push(b'\n');
            write_atomic(path, &bytes)?;
        }
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

impl Sink for PollSink<'_> {
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
