//! `lwctl alerts poll`: the connector's loop as a command. With `--state` and `--out`, every new
//! alert lands in the file exactly once, whatever happens to the process or the file.
//!
//! The order of a commit is the whole trick: events are written and fsync'd, then the state
//! (cursor, recent IDs, the output's committed length and identity) is replaced atomically. A run
//! killed anywhere leaves either the old state, whose committed length the next run cuts the file
//! back to, or the new state, which matches the file.

use super::Ctx;
use crate::api::Client;
use crate::cli::PollArgs;
use crate::error::{LockHeld, UsageError};
use crate::fetch::{Flow, Sink, Walk, WalkStats};
use crate::filter::Filters;
use crate::normalize::{self, Alert, Normalizer};
use crate::output::Format;
use crate::window::{Seen, Window};
use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const STATE_VERSION: u32 = 1;

/// What the state file holds between runs.
#[derive(Debug, Serialize, Deserialize)]
struct PollState {
    version: u32,
    /// The API host and subaccount the state belongs to.
    account: String,
    subaccount: Option<String>,
    /// Every alert that started before this time has been written.
    cursor: DateTime<Utc>,
    /// IDs written whose start time is within the overlap, with that start time.
    seen: BTreeMap<String, DateTime<Utc>>,
    /// The output file as of the last commit.
    output: Option<OutputMark>,
    updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
struct OutputMark {
    path: PathBuf,
    length: u64,
    dev: u64,
    ino: u64,
}

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
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        // A second signal while the first is being honoured ends the process at once.
        signal_hook::flag::register_conditional_shutdown(sig, 130, Arc::clone(&stop))?;
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
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
    };
    let Some(every) = args.every else {
        return poller.poll_once().map(|_| ());
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
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the state directory {}", dir.display()))?;
    }
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open the lock file {}", path.display()))?;
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
}

impl Poller<'_> {
    fn poll_once(&mut self) -> Result<()> {
        let now = crate::time::now();
        let overlap = chrono::Duration::from_std(self.args.overlap)?;
        let since = chrono::Duration::from_std(self.args.since)?;
        let creds = self.client.credentials();
        let state = match &self.args.state {
            Some(p) => load_state(p)?,
            None => None,
        };
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
        let start = match &state {
            Some(s) => s.cursor - overlap,
            None => now - since,
        };
        let window = Window::new(start.min(now), now);
        let mut seen = Seen::from_entries(
            state
                .iter()
                .flat_map(|s| s.seen.iter())
                .map(|(id, t)| (id.clone(), t.timestamp_millis())),
        );
        let out = match &self.args.out {
            Some(path) => Some(Output::open(
                path,
                state.as_ref().and_then(|s| s.output.as_ref()),
                &self.ctx.ui,
            )?),
            None => None,
        };
        let normalizer = crate::cmd::alerts::normalizer(self.client, &self.args.normalize);
        let mut sink = PollSink {
            writer: match out {
                Some(o) => Writer::File(o),
                None => Writer::Stdout(BufWriter::new(io::stdout().lock())),
            },
            normalizer,
            line: Vec::new(),
            state_path: self.args.state.clone(),
            account: creds.account.host.clone(),
            subaccount: creds.subaccount.clone(),
            cursor: state.as_ref().map_or(window.start, |s| s.cursor),
            overlap,
            added: 0,
            stop: self.stop,
        };
        // A file this state has no mark for yet: record where it starts before writing to it,
        // so a run killed mid-write is cut back to here.
        if let Writer::File(o) = &sink.writer {
            let known = state
                .as_ref()
                .and_then(|s| s.output.as_ref())
                .map(|m| &m.path);
            if known != Some(&o.path) {
                let cursor = sink.cursor;
                sink.commit(cursor, &seen)?;
            }
        }
        let progress = self.ctx.ui.progress();
        let result = Walk {
            client: self.client,
            filters: &self.filters,
            seen: &mut seen,
            keep: overlap,
            progress: &progress,
        }
        .run(window, &mut sink);
        progress.finish_and_clear();
        let stats = match result {
            Ok(stats) => stats,
            Err(e) => {
                // Nothing of this piece is committed: take it back out of the file too.
                if let Writer::File(o) = sink.writer {
                    if let Err(undo) = o.rollback() {
                        self.ctx.ui.warn(format!(
                            "could not take the uncommitted alerts back out of the output ({undo:#}); the next run will"
                        ));
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
        sink.writer.flush()?;
        crate::cmd::alerts::warn_capped(self.ctx, &stats);
        self.summary(window, &stats, sink.added);
        Ok(())
    }

    fn summary(&self, window: Window, stats: &WalkStats, added: u64) {
        let remaining = self.client.stats().rate_limit_remaining;
        if self.ctx.ui.format == Some(Format::Json) || self.ctx.ui.format == Some(Format::Ndjson) {
            let line = serde_json::json!({
                "window_start": crate::time::rfc3339(window.start),
                "window_end": crate::time::rfc3339(window.end),
                "pieces": stats.pieces,
                "pages": stats.pages,
                "events_added": added,
                "duplicates_skipped": stats.duplicates,
                "rate_limit_remaining": remaining,
                "interrupted": stats.stopped,
            });
            crate::output::stderr_line(&line.to_string());
        } else {
            self.ctx.ui.info(format!(
                "poll {}..{} pieces: {} pages: {} events_added: {added} duplicates_skipped: {} ratelimit_remaining: {}{}",
                crate::time::rfc3339(window.start),
                crate::time::rfc3339(window.end),
                stats.pieces,
                stats.pages,
                stats.duplicates,
                remaining.map_or("-".into(), |r| r.to_string()),
                if stats.stopped { " (interrupted; committed what was written)" } else { "" }
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
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(e).with_context(|| format!("cannot read state file {}", path.display()))
        }
    };
    let state: PollState = serde_json::from_slice(&bytes).map_err(|e| {
        UsageError::new(format!(
            "state file {} is not an lwctl poll state: {e}",
            path.display()
        ))
        .hint("move it away to start afresh; the next run then starts --since ago")
    })?;
    if state.version != STATE_VERSION {
        return Err(UsageError::new(format!(
            "state file {} has version {}, this lwctl reads version {STATE_VERSION}",
            path.display(),
            state.version
        ))
        .into());
    }
    Ok(Some(state))
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
    path: PathBuf,
    file: BufWriter<File>,
    committed: u64,
    dev: u64,
    ino: u64,
}

impl Output {
    /// Opens the file and brings it back to its committed length: a tail past it is an earlier
    /// run's uncommitted write; a different inode or a shorter file was rotated and starts afresh.
    fn open(path: &Path, mark: Option<&OutputMark>, ui: &crate::output::Ui) -> Result<Output> {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .with_context(|| format!("cannot open --out {}", path.display()))?;
        let meta = file.metadata()?;
        let (dev, ino) = identity(&meta);
        let len = meta.len();
        let committed = match mark {
            Some(m) if m.path == path && m.dev == dev && m.ino == ino && len >= m.length => {
                if len > m.length {
                    ui.warn(format!(
                        "{}: removing {} byte(s) an interrupted run wrote but did not commit (they will be written again)",
                        path.display(),
                        len - m.length
                    ));
                    file.set_len(m.length)?;
                    file.sync_all()?;
                }
                m.length
            }
            Some(m) if m.path == path => {
                // Rotated away: whatever is in the new file was written after the last commit.
                if len > 0 {
                    file.set_len(0)?;
                    file.sync_all()?;
                }
                if ui.verbose > 0 {
                    ui.info(format!(
                        "{} was rotated; starting it afresh",
                        path.display()
                    ));
                }
                0
            }
            // A file this state has not written yet: keep what is in it.
            _ => len,
        };
        file.seek(SeekFrom::Start(committed))?;
        Ok(Output {
            path: path.to_owned(),
            file: BufWriter::with_capacity(128 << 10, file),
            committed,
            dev,
            ino,
        })
    }

    /// Flushes and fsyncs; returns the length now on disk.
    fn sync(&mut self) -> Result<u64> {
        self.file.flush()?;
        let f = self.file.get_mut();
        f.sync_data()?;
        Ok(f.stream_position()?)
    }

    /// Takes everything since the last commit back out of the file: what is still buffered is
    /// dropped unwritten, and what reached the file is cut off.
    fn rollback(self) -> Result<()> {
        let (file, _unwritten) = self.file.into_parts();
        file.set_len(self.committed)?;
        file.sync_all()?;
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
    Stdout(BufWriter<io::StdoutLock<'a>>),
}

impl Writer<'_> {
    fn write_all(&mut self, b: &[u8]) -> io::Result<()> {
        match self {
            Writer::File(o) => o.file.write_all(b),
            Writer::Stdout(s) => s.write_all(b),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Writer::File(o) => o.file.flush(),
            Writer::Stdout(s) => s.flush(),
        }
    }
}

struct PollSink<'a> {
    writer: Writer<'a>,
    normalizer: Option<Normalizer>,
    line: Vec<u8>,
    state_path: Option<PathBuf>,
    account: String,
    subaccount: Option<String>,
    /// The committed cursor: everything that started before it is written.
    cursor: DateTime<Utc>,
    overlap: chrono::Duration,
    added: u64,
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
        self.cursor = cursor;
        let Some(path) = &self.state_path else {
            return Ok(());
        };
        let horizon = (cursor - self.overlap).timestamp_millis();
        let state = PollState {
            version: STATE_VERSION,
            account: self.account.clone(),
            subaccount: self.subaccount.clone(),
            cursor,
            seen: seen
                .entries()
                .into_iter()
                .filter(|(_, at)| *at >= horizon)
                .filter_map(|(id, at)| Some((id, DateTime::from_timestamp_millis(at)?)))
                .collect(),
            output,
            updated_at: Utc::now(),
        };
        let mut bytes = serde_json::to_vec_pretty(&state)?;
        bytes.push(b'\n');
        write_atomic(path, &bytes)
    }
}

impl Sink for PollSink<'_> {
    fn alert(&mut self, id: &str, alert: &Alert, raw: &RawValue) -> Result<Flow> {
        self.line.clear();
        match &mut self.normalizer {
            Some(n) => n
                .push_alert(alert, raw.get().as_bytes(), &mut self.line)
                .map_err(|e| anyhow::anyhow!("cannot normalize alert {id}: {}", e.message))?,
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
        let cursor = piece.end.max(self.cursor);
        self.commit(cursor, seen)
    }
}
