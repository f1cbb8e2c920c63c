//! The `--out` file: opened and reconciled with the last commit, appended to, synced, and
//! rolled back; or stdout, through the stream printer.

use super::machine::{self as decide, FoundFile, OutputMark, Reconcile, Why};
use crate::error::UsageError;
use crate::printer::StreamPrinter;
use anyhow::{Context, Result};
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// The `--out` file: where this run appends, and what is committed.
pub(crate) struct Output {
    /// Canonical: `./out` and `out` are one file.
    pub(crate) path: PathBuf,
    pub(crate) file: BufWriter<File>,
    pub(crate) committed: u64,
    pub(crate) dev: u64,
    pub(crate) ino: u64,
}

impl Output {
    /// Opens the file (created 0600: alerts name hosts, users and addresses) and reconciles it
    /// with the committed mark. Only bytes lwctl appended after its own last commit are ever cut;
    /// a rotated, restored or replaced file keeps every byte. Returns whether the file needs a
    /// fresh mark committed before anything is appended.
    pub(crate) fn open(
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
    pub(crate) fn sync(&mut self) -> Result<u64> {
        self.file.flush()?;
        let f = self.file.get_mut();
        f.sync_data()?;
        Ok(f.metadata()?.len())
    }

    /// Takes everything since the last commit back out of the file: what is still buffered is
    /// dropped unwritten, and what reached the file is cut off, unless the file was truncated
    /// meanwhile (then there is nothing of ours past the mark to cut).
    pub(crate) fn rollback(&mut self) -> Result<()> {
        let fresh = BufWriter::with_capacity(128 << 10, self.file.get_ref().try_clone()?);
        let (file, _unwritten) = std::mem::replace(&mut self.file, fresh).into_parts();
        if file.metadata()?.len() > self.committed {
            file.set_len(self.committed)?;
            file.sync_all()?;
        }
        Ok(())
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

#[cfg(unix)]
pub(crate) fn identity(meta: &fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
pub(crate) fn identity(_: &fs::Metadata) -> (u64, u64) {
    (0, 0)
}

pub(crate) enum Writer<'a> {
    File(Output),
    /// Events on stdout, in the format asked for.
    Stdout(StreamPrinter<BufWriter<io::StdoutLock<'a>>>),
}

impl Writer<'_> {
    pub(crate) fn write_all(&mut self, b: &[u8]) -> io::Result<()> {
        match self {
            Writer::File(o) => o.file.write_all(b),
            Writer::Stdout(s) => s.write_all(b),
        }
    }

    /// For the crash hook only, which makes a half-written line reach the file.
    #[cfg(debug_assertions)]
    pub(crate) fn flush(&mut self) -> io::Result<()> {
        match self {
            Writer::File(o) => o.file.flush(),
            Writer::Stdout(s) => s.flush(),
        }
    }

    /// Ends the run's output: flushes the file, or closes what the format needs on stdout.
    pub(crate) fn finish(&mut self) -> io::Result<()> {
        match self {
            Writer::File(o) => o.file.flush(),
            Writer::Stdout(s) => s.finish(),
        }
    }
}
