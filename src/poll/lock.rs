//! The poll's lock, and the directories it trusts: a second run on the same state waits or
//! exits 9, and a directory others can write is refused.

use crate::error::{LockHeld, UsageError};
use anyhow::{Context, Result};
use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};

/// Takes the lock beside the state file; held until the returned file is dropped.
pub(crate) fn lock(state: &Path, wait: bool) -> Result<File> {
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
pub(crate) fn shared_dir(dir: &Path) -> Option<String> {
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
pub(crate) fn remove_stale_temps(state: &Path) {
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

/// A directory for `--out-dir`: created 0700 if missing; refused if others may write in it.
pub(crate) fn private_dir(dir: &Path) -> Result<()> {
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
