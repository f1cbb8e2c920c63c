//! `alerts poll --log FILE`: one line per event (a run's summary, every warning, every
//! error), each starting with an RFC 3339 UTC time and, over many accounts, naming the
//! account being polled. Each line is appended with one write to a file opened for it alone,
//! so logrotate's `create` (a new file at the path) and `copytruncate` (O_APPEND writes at
//! the new end) both just work.

use crate::error::UsageError;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

static LOG: Mutex<Option<PathBuf>> = Mutex::new(None);

/// The account a run over many accounts is serving now, for the lines it logs.
static ACCOUNT: Mutex<Option<String>> = Mutex::new(None);

/// Starts logging to `path`: its missing directories are made 0700, the file 0600, and a
/// file that cannot be opened is a usage error now rather than a silent gap later.
pub fn open(path: &Path) -> Result<(), UsageError> {
    let path = crate::fsafe::follow(path, "--log")?;
    crate::fsafe::make_dirs(crate::fsafe::parent(&path)).map_err(|e| {
        UsageError::new(format!(
            "cannot create the directory of --log {}: {e}",
            path.display()
        ))
    })?;
    append(&path, b"").map_err(|e| {
        UsageError::new(format!("cannot write --log {}: {e}", path.display()))
            .hint("name a file you can write")
    })?;
    *LOG.lock().unwrap_or_else(|e| e.into_inner()) = Some(path);
    Ok(())
}

/// Names the account the next lines are about (`None` again after the turns).
pub fn account(name: Option<&str>) {
    *ACCOUNT.lock().unwrap_or_else(|e| e.into_inner()) = name.map(str::to_owned);
}

/// Logs one event, if a log is open: `kind` is `info`, `warning` or `error`. A message of
/// several lines (an error and its hints) is one line here, its parts joined by ` | `.
pub fn line(kind: &str, text: &str) {
    let Some(path) = LOG.lock().unwrap_or_else(|e| e.into_inner()).clone() else {
        return;
    };
    let account = ACCOUNT.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let text = crate::output::redact(text);
    let one: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let out = format!(
        "{} lwctl{}: {kind}: {}\n",
        crate::time::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        account.map(|a| format!("[{a}]")).unwrap_or_default(),
        crate::output::escape_controls(&one.join(" | "))
    );
    // A log that cannot be written must not stop the poll; stderr still has the line.
    let _ = append(&path, out.as_bytes());
}

fn append(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let mut f = options.open(path)?;
    if !bytes.is_empty() {
        f.write_all(bytes)?;
    }
    Ok(())
}
