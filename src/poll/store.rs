//! The state file: read, and replaced atomically at each commit; one account's, or every
//! account's of an organization in one document.

use super::crash_point;
use super::lock::temp_prefix;
use super::machine::{self as decide, OrgState, PollState};
use crate::error::UsageError;
use anyhow::{Context, Result};
use chrono::Utc;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Where a commit goes: one account's state file, or its entry in a poll over many accounts.
pub(crate) trait Store {
    /// Records a commit durably (in memory only without a state file).
    fn save(&mut self, state: &PollState) -> Result<()>;
}

/// One account's state file, if any.
pub(crate) struct OneStore(pub(crate) Option<PathBuf>);

impl Store for OneStore {
    fn save(&mut self, state: &PollState) -> Result<()> {
        match &self.0 {
            Some(path) => write_json(path, state),
            None => Ok(()),
        }
    }
}

/// A poll over many accounts: every account's entry in one state file.
pub(crate) struct OrgStore {
    pub(crate) path: Option<PathBuf>,
    pub(crate) doc: OrgState,
    /// The accounts write to one output, whose mark is the document's.
    pub(crate) shared: bool,
}

impl OrgStore {
    pub(crate) fn write(&self) -> Result<()> {
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
            self.doc.pending = entry.pending.take();
        }
        let key = entry.subaccount.clone().unwrap_or_default();
        // An entry that tracks makes the whole file one an older lwctl must refuse.
        self.doc.version = self.doc.version.max(entry.version);
        self.doc.set_entry(key, &entry)?;
        self.doc.updated_at = Utc::now();
        self.write()
    }
}

pub(crate) fn write_json(path: &Path, value: &impl serde::Serialize) -> Result<()> {
    write_atomic(path, |w| {
        let mut ser = serde_json::Serializer::with_formatter(&mut *w, StateFormatter::default());
        value.serialize(&mut ser)?;
        w.write_all(b"\n")?;
        Ok(())
    })
    .with_context(|| format!("cannot write the state file {}", path.display()))
}

/// The state as people read it: objects indented a key a line, arrays on one line. An array is
/// a followed alert's `[start, status, lastUserUpdatedTime]`: 100,000 of them take a line each,
/// not five.
#[derive(Default)]
struct StateFormatter(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for StateFormatter {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if first {
            Ok(())
        } else {
            w.write_all(b", ")
        }
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// A state file as read: one account's, or a poll over many accounts.
pub(crate) enum Loaded {
    One(PollState),
    Org(OrgState),
}

pub(crate) fn load_state(path: &Path) -> Result<Option<Loaded>> {
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if let Some(problem) = crate::fsafe::foreign_file(path, &meta) {
            return Err(crate::fsafe::refuse_file("the state file", problem).into());
        }
    }
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
pub(crate) fn write_atomic(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // A run killed between write and rename leaves this behind; its name says whose it is.
    let prefix = temp_prefix(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .rand_bytes(super::lock::TEMP_RANDOM)
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
