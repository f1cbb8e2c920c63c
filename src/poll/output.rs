//! The `--out` file. lwctl only ever appends to it, in whole batches whose bytes the state
//! records before they are written ([`Pending`]); the file never shrinks because of lwctl, and
//! a byte it did not write is never removed or overwritten. Or stdout, through the stream
//! printer.

use super::machine::{self as decide, FoundFile, Landing, OutputMark, Pending, Reconcile, Why};
use super::{crash_point, lock};
use crate::error::{LockHeld, UsageError};
use crate::fsafe;
use crate::output::Ui;
use crate::printer::StreamPrinter;
use anyhow::{Context, Result};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The `--out` file: where this run appends, and what is committed.
pub(crate) struct Output {
    /// Canonical: `./out` and `out` are one file.
    pub(crate) path: PathBuf,
    /// The path as resolved at open, to tell a rotation mid-run.
    opened: PathBuf,
    /// Open for reading (to settle a pending batch) and appending, and locked.
    file: File,
    pub(crate) committed: u64,
    pub(crate) dev: u64,
    pub(crate) ino: u64,
    /// Whether to wait for another poll's lock on the file.
    wait: bool,
}

/// What opening the output came to.
pub(crate) struct Opened {
    pub(crate) output: Output,
    /// The state must be committed before anything is appended: the file needs a fresh mark,
    /// or a pending batch was settled.
    pub(crate) fresh: bool,
    /// A pending batch that landed nowhere (or only in part, in a rotated file): to be written
    /// again here, recorded at its new offset first like any batch, so a kill while it is
    /// being written is settled in turn.
    pub(crate) redo: Option<String>,
}

impl Output {
    /// Opens the file (created 0600: alerts name hosts, users and addresses), locks it, settles
    /// the batch a killed run left pending, and reconciles it with the committed mark.
    pub(crate) fn open(
        path: &Path,
        mark: Option<&OutputMark>,
        pending: Option<&Pending>,
        ui: &Ui,
        wait: bool,
    ) -> Result<Opened> {
        let mut o = Output::open_file(path, wait)?;
        let len = o.len()?;
        let found = FoundFile {
            path: o.path.clone(),
            length: len,
            dev: o.dev,
            ino: o.ino,
        };
        let shown = path.display();
        // What a pending batch still needs written to this file, once it is reconciled.
        let mut redo: &[u8] = &[];
        let mut in_file = false;
        if let Some(p) = pending {
            let text = p.text.as_bytes();
            let here = (p.dev, p.ino) == (o.dev, o.ino);
            let landed = if here { o.landing(p)? } else { Landing::Absent };
            match landed {
                Landing::Whole => {
                    in_file = true;
                    ui.verbose_info(format!(
                        "{shown}: the {} byte(s) an interrupted run wrote are whole; adopted",
                        text.len()
                    ));
                }
                Landing::Torn { have, .. } => {
                    in_file = true;
                    ui.warn(format!(
                        "{shown}: completing the line an interrupted run tore ({have} of {} byte(s) were written)",
                        text.len()
                    ));
                    o.append(&text[have..])?;
                }
                // Not in this file: a rotation moved it, or it was never written.
                Landing::Absent => {
                    redo = match o.find_elsewhere(p) {
                        Some((there, Landing::Whole)) => {
                            ui.verbose_info(format!(
                                "{shown}: the batch an interrupted run wrote is whole in {}; adopted",
                                there.display()
                            ));
                            &[]
                        }
                        Some((there, Landing::Torn { line, .. })) => {
                            ui.warn(format!(
                                "{}: an interrupted run's last line there is torn; writing it again whole to {shown}",
                                there.display()
                            ));
                            &text[line..]
                        }
                        _ => text,
                    };
                }
            }
        }
        let mut fresh = pending.is_some();
        if !in_file {
            fresh |= match decide::reconcile(mark, &found) {
                Reconcile::Append => false,
                Reconcile::Foreign { extra } => {
                    ui.warn(format!(
                        "{shown}: {extra} byte(s) after the last commit were not written by lwctl (another writer, or a file copied over it); keeping them and appending after them"
                    ));
                    true
                }
                Reconcile::NewMark(why) => {
                    let what = match why {
                        Why::First => None,
                        Why::Replaced => {
                            Some("is another file than at the last run (rotated or replaced)")
                        }
                        Why::Truncated => {
                            Some("is shorter than at the last run (truncated in place)")
                        }
                        Why::Elsewhere => Some("is not the file the last run wrote"),
                    };
                    if let Some(what) = what {
                        ui.verbose_info(format!(
                            "{shown} {what}; keeping its {len} byte(s) and appending after them"
                        ));
                    }
                    true
                }
            };
        }
        o.end_line(ui)?;
        o.committed = o.len()?;
        crash_point("after-open");
        let redo = (!redo.is_empty()).then(|| String::from_utf8_lossy(redo).into_owned());
        Ok(Opened {
            output: o,
            fresh,
            redo,
        })
    }

    /// Opens and locks the file at `path`, following a symlink only as [`fsafe::follow`]
    /// allows; in a directory others can write, a file another user owns is refused.
    fn open_file(path: &Path, wait: bool) -> Result<Output> {
        // Missing directories are made for the path as given, never at a link's target.
        fsafe::make_dirs(fsafe::parent(path))
            .with_context(|| format!("cannot create the directory of --out {}", path.display()))
            .map_err(|e| out_error(path, e))?;
        let resolved = fsafe::follow(path, "--out")?;
        let dir = fsafe::parent(&resolved);
        let mut options = OpenOptions::new();
        options.read(true).append(true).create(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options
                .mode(0o600)
                .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        let file = options
            .open(&resolved)
            .with_context(|| format!("cannot open --out {}", path.display()))
            .map_err(|e| out_error(path, e))?;
        let meta = file.metadata()?;
        if !meta.is_file() {
            return Err(
                UsageError::new(format!("--out {} is not a regular file", path.display()))
                    .hint("name a file: lwctl appends to it")
                    .into(),
            );
        }
        if fsafe::sharing(dir) != fsafe::Sharing::Private {
            if let Some(problem) = fsafe::foreign_file(&resolved, &meta)
                .filter(|p| p.contains("belongs to another user"))
            {
                return Err(fsafe::refuse_file("--out", problem).into());
            }
        }
        let file = lock::take(file, wait, || LockHeld::output(&path.display().to_string()))?;
        let (dev, ino) = identity(&meta);
        Ok(Output {
            path: fs::canonicalize(&resolved)
                .with_context(|| format!("cannot resolve --out {}", path.display()))?,
            opened: resolved,
            file,
            committed: meta.len(),
            dev,
            ino,
            wait,
        })
    }

    fn len(&self) -> Result<u64> {
        Ok(self.file.metadata()?.len())
    }

    /// Where a pending batch landed in this file.
    fn landing(&mut self, p: &Pending) -> Result<Landing> {
        read_landing(&mut self.file, p)
    }

    /// The pending batch in a file beside this one: the same file renamed by a rotation
    /// (found by device and inode), or a copy `copytruncate` made (found by its bytes).
    fn find_elsewhere(&self, p: &Pending) -> Option<(PathBuf, Landing)> {
        let dir = fsafe::parent(&self.path);
        let stem = self.path.file_name()?.to_str()?.to_owned();
        let mut best = None;
        for entry in fs::read_dir(dir).ok()?.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if !name.starts_with(&stem) || name == stem {
                continue;
            }
            let Ok(meta) = fs::symlink_metadata(entry.path()) else {
                continue;
            };
            if !meta.is_file() || meta.len() <= p.offset {
                continue;
            }
            let Ok(mut f) = File::open(entry.path()) else {
                continue;
            };
            match read_landing(&mut f, p) {
                Ok(l @ Landing::Whole) => return Some((entry.path(), l)),
                // The renamed file itself, torn; a copy's tear is only a guess.
                Ok(l @ Landing::Torn { .. }) if identity(&meta) == (p.dev, p.ino) => {
                    best = Some((entry.path(), l));
                }
                _ => {}
            }
        }
        best
    }

    /// Someone else's unfinished last line is ended, so lwctl's lines start on their own.
    fn end_line(&mut self, ui: &Ui) -> Result<()> {
        let len = self.len()?;
        if len == 0 {
            return Ok(());
        }
        let mut last = [0u8];
        self.file.seek(SeekFrom::Start(len - 1))?;
        self.file.read_exact(&mut last)?;
        if last[0] != b'\n' {
            ui.warn(format!(
                "{}: its last line has no newline (not lwctl's, or torn before this version); ending it so new alerts start on a line of their own",
                self.path.display()
            ));
            self.append(b"\n")?;
            self.committed = self.len()?;
        }
        Ok(())
    }

    /// Appends and makes durable.
    fn append(&mut self, bytes: &[u8]) -> Result<()> {
        self.file
            .write_all(bytes)
            .and_then(|()| self.file.sync_data())
            .map_err(|e| out_error(&self.path, e.into()))
    }

    /// Checks, before a batch is recorded, that the path still names this file and that the
    /// file is as committed: a rotation mid-run moves on to the new file, a truncation or
    /// another writer's bytes move the mark to the file's end. Every byte stays.
    pub(crate) fn recheck(&mut self, ui: &Ui) -> Result<()> {
        let moved = fs::metadata(&self.opened)
            .map(|m| identity(&m) != (self.dev, self.ino))
            .unwrap_or(true);
        if moved {
            ui.verbose_info(format!(
                "{} was rotated during the run; going on in the new file",
                self.path.display()
            ));
            let path = self.opened.clone();
            *self = Output::open_file(&path, self.wait)?;
        }
        let len = self.len()?;
        if len > self.committed {
            ui.warn(format!(
                "{}: {} byte(s) appeared that lwctl did not write; keeping them",
                self.path.display(),
                len - self.committed
            ));
        }
        self.committed = len;
        self.end_line(ui)
    }

    /// The record of a batch about to be appended at the committed length.
    pub(crate) fn pending(&self, text: String) -> Pending {
        Pending {
            path: self.path.clone(),
            dev: self.dev,
            ino: self.ino,
            offset: self.committed,
            text,
        }
    }

    /// Appends a batch recorded as pending and makes it durable; returns the new length.
    pub(crate) fn write_batch(&mut self, bytes: &[u8]) -> Result<u64> {
        #[cfg(debug_assertions)]
        if std::env::var("LWCTL_CRASH_AT").is_ok_and(|v| v.starts_with("mid-line")) {
            // The test hook tears the batch the way a kill mid-write does.
            let half = bytes.len() / 2;
            self.append(&bytes[..half])?;
            crash_point("mid-line");
            self.append(&bytes[half..])?;
            return self.len();
        }
        self.append(bytes)?;
        crash_point("after-output-sync");
        self.len()
    }

    /// The mark of this file at `length`.
    pub(crate) fn mark(&self, length: u64) -> OutputMark {
        OutputMark {
            path: self.path.clone(),
            length,
            dev: self.dev,
            ino: self.ino,
        }
    }
}

/// Reads what `file` holds at the batch's offset (at most one byte more than the batch) and
/// says where the batch landed.
fn read_landing(file: &mut File, p: &Pending) -> Result<Landing> {
    let len = file.metadata()?.len();
    if len <= p.offset {
        return Ok(Landing::Absent);
    }
    let want = (p.text.len() as u64 + 1).min(len - p.offset) as usize;
    let mut found = vec![0u8; want];
    file.seek(SeekFrom::Start(p.offset))?;
    file.read_exact(&mut found)?;
    Ok(decide::landing(p.text.as_bytes(), &found))
}

/// A failure to create, open or write `--out` is the user's to fix (a path, a permission, a
/// full disk): a usage error that names the file.
fn out_error(path: &Path, e: anyhow::Error) -> anyhow::Error {
    use io::ErrorKind::*;
    let Some(io) = e.chain().find_map(|c| c.downcast_ref::<io::Error>()) else {
        return e;
    };
    let hint = match io.kind() {
        PermissionDenied | ReadOnlyFilesystem => {
            "pick a path you can write, or fix its permissions"
        }
        StorageFull | QuotaExceeded => {
            "free some space; what was not written is written by the next run"
        }
        NotFound | NotADirectory => {
            "name a file in a directory that exists (a link at that path may point nowhere)"
        }
        IsADirectory | InvalidFilename => "name a regular file",
        _ => return e.context(format!("--out {}", path.display())),
    };
    UsageError::new(format!("cannot write --out {}: {io}", path.display()))
        .hint(hint)
        .into()
}

#[cfg(unix)]
pub(crate) fn identity(meta: &fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
pub(crate) fn identity(_: &fs::Metadata) -> (u64, u64) {
    (0, 0)
}

pub(crate) enum Writer {
    File(Output),
    /// Events on stdout, in the format asked for.
    Stdout(StreamPrinter<crate::stdout::Stdout>),
}

impl Writer {
    /// Ends the run's output: closes what the format needs on stdout.
    pub(crate) fn finish(&mut self) -> io::Result<()> {
        match self {
            Writer::File(_) => Ok(()),
            Writer::Stdout(s) => s.finish(),
        }
    }
}
