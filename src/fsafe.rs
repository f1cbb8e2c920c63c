//! The files lwctl keeps for a user (poll state, lock, output, logs) and the rules it holds
//! them to, the way ssh holds its keys and the kernel's `protected_symlinks` holds links:
//! - directories lwctl makes are 0700, whatever the umask;
//! - a directory others can write is refused, unless it is sticky (as /tmp), and then every
//!   file lwctl trusts in it must be the user's own;
//! - a symlink in a directory others can write is followed only when the user owns it (or
//!   the directory's owner does);
//! - a state or lock file that another user owns, or that others can write, is refused.
//!
//! Every refusal is a usage error (exit 2) that names the path and the fix.

use crate::error::UsageError;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

#[cfg(unix)]
use std::os::unix::fs::{MetadataExt, PermissionsExt};

/// The effective user: the one whose files these are.
#[cfg(unix)]
pub fn euid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// The directory a path's file lives in (`.` for a bare name).
pub fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Creates `dir` and its missing parents, each mode 0700 whatever the umask. Existing
/// directories are left as they are.
pub fn make_dirs(dir: &Path) -> io::Result<()> {
    let mut missing = Vec::new();
    let mut at = dir;
    while !at.as_os_str().is_empty() && fs::symlink_metadata(at).is_err() {
        missing.push(at);
        match at.parent() {
            Some(p) => at = p,
            None => break,
        }
    }
    for d in missing.into_iter().rev() {
        match fs::create_dir(d) {
            Ok(()) => {}
            // Another run made it meanwhile.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
        #[cfg(unix)]
        fs::set_permissions(d, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// How a directory is shared with other users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sharing {
    /// Only its owner can write in it.
    Private,
    /// Others can write in it, but the sticky bit keeps them from removing or renaming what
    /// they do not own (`/tmp`).
    Sticky,
    /// Others can write in it and replace anything in it.
    Open,
}

#[cfg(unix)]
fn sharing_of(meta: &fs::Metadata) -> Sharing {
    let mode = meta.permissions().mode();
    let others_write = mode & 0o022 != 0;
    // A directory owned by another user (not root) is theirs to rearrange.
    let foreign = meta.uid() != euid() && meta.uid() != 0;
    match (others_write || foreign, mode & 0o1000 != 0) {
        (false, _) => Sharing::Private,
        (true, true) => Sharing::Sticky,
        (true, false) => Sharing::Open,
    }
}

/// How `dir` is shared; a missing directory is private (lwctl makes it 0700).
pub fn sharing(dir: &Path) -> Sharing {
    #[cfg(unix)]
    if let Ok(meta) = fs::metadata(dir) {
        return sharing_of(&meta);
    }
    let _ = dir;
    Sharing::Private
}

/// Refuses a directory others can rearrange: `what` names it in the message ("the state
/// directory", "--out-dir").
pub fn check_dir(dir: &Path, what: &str) -> Result<Sharing, UsageError> {
    let s = sharing(dir);
    if s == Sharing::Open {
        #[cfg(unix)]
        let mode = fs::metadata(dir)
            .map(|m| format!(" (mode {:o})", m.permissions().mode() & 0o7777))
            .unwrap_or_default();
        #[cfg(not(unix))]
        let mode = String::new();
        return Err(UsageError::new(format!(
            "{what} {} can be written by other users{mode}, so they could replace lwctl's files in it",
            dir.display()
        ))
        .hint(format!(
            "use a directory only you can write (chmod go-w {}), or another path",
            dir.display()
        )));
    }
    Ok(s)
}

/// Resolves `path` as the kernel's `protected_symlinks` would, whatever this machine sets:
/// a symlink in a directory others can write is followed only when the user, or the
/// directory's owner, owns the link. Returns the path to open (the link's target, made
/// absolute, or `path` itself); a refusal names the link and its owner.
pub fn follow(path: &Path, what: &str) -> Result<PathBuf, UsageError> {
    let mut at = path.to_path_buf();
    for _ in 0..16 {
        let Ok(meta) = fs::symlink_metadata(&at) else {
            return Ok(at);
        };
        if !meta.file_type().is_symlink() {
            return Ok(at);
        }
        let dir = parent(&at).to_path_buf();
        #[cfg(unix)]
        if sharing(&dir) != Sharing::Private {
            let dir_owner = fs::metadata(&dir).map(|m| m.uid()).ok();
            if meta.uid() != euid() && Some(meta.uid()) != dir_owner {
                return Err(UsageError::new(format!(
                    "{what} {} is a symlink owned by another user (uid {}) in a directory others can write; lwctl does not follow it",
                    at.display(),
                    meta.uid()
                ))
                .hint("someone may have planted it: use a path in a directory only you can write"));
            }
        }
        let target = fs::read_link(&at)
            .map_err(|e| UsageError::new(format!("cannot read the link {}: {e}", at.display())))?;
        at = if target.is_absolute() {
            target
        } else {
            dir.join(target)
        };
    }
    Err(UsageError::new(format!(
        "{what} {}: too many levels of symlinks",
        path.display()
    )))
}

/// Why a file lwctl trusts (a state, a lock) cannot be trusted: another user owns it, or
/// others can write it. `None` when it is the user's own and private.
pub fn foreign_file(path: &Path, meta: &fs::Metadata) -> Option<String> {
    #[cfg(unix)]
    {
        if meta.uid() != euid() {
            return Some(format!(
                "{} belongs to another user (uid {}), not to you (uid {})",
                path.display(),
                meta.uid(),
                euid()
            ));
        }
        let mode = meta.permissions().mode();
        if mode & 0o022 != 0 {
            return Some(format!(
                "{} can be written by other users (mode {:o})",
                path.display(),
                mode & 0o777
            ));
        }
    }
    let _ = (path, meta);
    None
}

/// The usage error for a file [`foreign_file`] refused.
pub fn refuse_file(what: &str, problem: String) -> UsageError {
    UsageError::new(format!("{what} {problem}, so lwctl does not trust it"))
        .hint("if it is yours, fix it with chmod 600 and chown; if not, someone may have planted it: use a path in a directory only you can write")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dirs_are_made_0700_whatever_the_umask() {
        let t = tempfile::tempdir().unwrap();
        // SAFETY: umask only changes this process's mask.
        let old = unsafe { libc::umask(0) };
        let made = make_dirs(&t.path().join("a/b/c"));
        unsafe { libc::umask(old) };
        made.unwrap();
        for d in ["a", "a/b", "a/b/c"] {
            let mode = fs::metadata(t.path().join(d)).unwrap().permissions().mode();
            assert_eq!(mode & 0o7777, 0o700, "{d}");
        }
        assert_eq!(sharing(&t.path().join("a")), Sharing::Private);
    }

    #[test]
    fn sharing_by_mode() {
        let t = tempfile::tempdir().unwrap();
        let d = t.path();
        for (mode, want) in [
            (0o700, Sharing::Private),
            (0o755, Sharing::Private),
            (0o775, Sharing::Open),
            (0o777, Sharing::Open),
            (0o1777, Sharing::Sticky),
        ] {
            fs::set_permissions(d, fs::Permissions::from_mode(mode)).unwrap();
            assert_eq!(sharing(d), want, "{mode:o}");
        }
        fs::set_permissions(d, fs::Permissions::from_mode(0o700)).unwrap();
    }
}
