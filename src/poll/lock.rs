//! The poll's lock, and the directories it trusts: a second run on the same state waits or
//! exits 9, and a directory others can write is refused.

use crate::error::{LockHeld, UsageError};
use crate::fsafe;
use anyhow::{Context, Result};
use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};

/// Where a poll keeps its state: the `--state` path with a symlink followed only as
/// [`fsafe::follow`] allows, in a directory made 0700 if missing and refused if others can
/// rearrange it.
pub(crate) fn state_path(state: &Path) -> Result<PathBuf> {
    let path = fsafe::follow(state, "--state")?;
    let dir = fsafe::parent(&path);
    fsafe::make_dirs(dir)
        .with_context(|| format!("cannot create the state directory {}", dir.display()))?;
    fsafe::check_dir(dir, "the state directory")?;
    Ok(path)
}

/// Takes the lock beside the state file (see [`state_path`]); held until the returned file is
/// dropped. A lock another user owns or can write is refused: a planted lock, held, would
/// otherwise stop every run with exit 9.
pub(crate) fn lock(state: &Path, wait: bool) -> Result<File> {
    let path = lock_path(state);
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
            .hint("it must be a regular file of yours, not a link; remove it if nothing runs")
    })?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(UsageError::new(format!("{} is not a regular file", path.display())).into());
    }
    if let Some(problem) = fsafe::foreign_file(&path, &meta) {
        return Err(fsafe::refuse_file("the lock file", problem).into());
    }
    take(file, wait, || LockHeld::state(&state.display().to_string()))
        .with_context(|| format!("cannot lock {}", path.display()))
}

/// Takes an exclusive lock on an open file: at once, or waiting with `wait`; `held` is the
/// error when another process has it.
pub(crate) fn take(file: File, wait: bool, held: impl FnOnce() -> LockHeld) -> Result<File> {
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(fs::TryLockError::WouldBlock) if wait => {
            file.lock()?;
            Ok(file)
        }
        Err(fs::TryLockError::WouldBlock) => Err(held().into()),
        Err(fs::TryLockError::Error(e)) => Err(e.into()),
    }
}

/// Removes the state's temp files that a killed run left behind, and only those: named as
/// lwctl names them (`.STATE.`, six random characters, `.tmp`), regular files, and the user's
/// own. Safe only under the lock: no other run of this state is writing one.
pub(crate) fn remove_stale_temps(state: &Path) {
    let dir = fsafe::parent(state);
    let prefix = temp_prefix(state);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let ours = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .is_some_and(|random| {
                random.len() == TEMP_RANDOM && random.bytes().all(|b| b.is_ascii_alphanumeric())
            });
        if !ours {
            continue;
        }
        let Ok(meta) = fs::symlink_metadata(entry.path()) else {
            continue;
        };
        if meta.is_file() && fsafe::foreign_file(&entry.path(), &meta).is_none() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The random characters in a temp file's name.
pub(crate) const TEMP_RANDOM: usize = 6;

/// `.STATE.`: the start of the name of the state's temp files.
pub(crate) fn temp_prefix(state: &Path) -> String {
    format!(
        ".{}.",
        state.file_name().unwrap_or_default().to_string_lossy()
    )
}

pub(crate) fn lock_path(state: &Path) -> PathBuf {
    let mut s = state.as_os_str().to_owned();
    s.push(".lock");
    PathBuf::from(s)
}

/// A directory for `--out-dir`: created 0700 if missing; refused if others may rearrange it.
pub(crate) fn private_dir(dir: &Path) -> Result<PathBuf> {
    let dir = fsafe::follow(dir, "--out-dir")?;
    fsafe::make_dirs(&dir).with_context(|| format!("cannot create --out-dir {}", dir.display()))?;
    if !dir.is_dir() {
        return Err(
            UsageError::new(format!("--out-dir {} is not a directory", dir.display())).into(),
        );
    }
    fsafe::check_dir(&dir, "--out-dir")?;
    Ok(dir)
}
