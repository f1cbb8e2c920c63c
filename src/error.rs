//! Errors that decide the exit code, and the one place that reports them.

use std::fmt;
use std::io;

/// Exit codes, as DESIGN.md's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok = 0,
    Unexpected = 1,
    Usage = 2,
    Auth = 3,
    Forbidden = 4,
    NotFound = 5,
    RateLimited = 6,
    Unavailable = 7,
    BadData = 8,
    Locked = 9,
    Declined = 10,
    /// `alerts poll status`: the feed is stale, or its last run failed.
    Stale = 11,
    Interrupted = 130,
}

impl Exit {
    /// The exit code with this number; an unknown number is an unexpected error.
    pub fn from_code(code: u8) -> Exit {
        [
            Exit::Ok,
            Exit::Unexpected,
            Exit::Usage,
            Exit::Auth,
            Exit::Forbidden,
            Exit::NotFound,
            Exit::RateLimited,
            Exit::Unavailable,
            Exit::BadData,
            Exit::Locked,
            Exit::Declined,
            Exit::Stale,
            Exit::Interrupted,
        ]
        .into_iter()
        .find(|e| *e as u8 == code)
        .unwrap_or(Exit::Unexpected)
    }
}

/// Why the service was unavailable (all exit 7): callers tell cases apart by this, never by
/// the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// The host name did not resolve.
    Dns,
    /// No connection could be made.
    Connect,
    /// No answer within `--timeout`.
    Timeout,
    /// The connection failed some other way (reset, TLS).
    Transport,
    /// A 5xx status.
    Status(u16),
    /// A body that is not the JSON expected, or no body where one was needed.
    Decode,
    /// A body cut short.
    CutShort,
    /// A body over `--max-response`, or a page over the API's row limit.
    TooLarge,
    /// A redirect, which is never followed.
    Redirect,
    /// A `nextPage` link to another origin.
    ForeignLink,
    /// `nextPage` links that loop.
    PageLoop,
    /// An alert that cannot be used.
    BadAlert,
}

/// Why the API could not answer. Each case has its own exit code and hint.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("could not authenticate to lacework: the key id / secret pair is wrong, or the account subdomain has a typo ({message})")]
    Unauthorized {
        message: String,
        /// A command that tests the same credentials by hand, secret left as a variable.
        curl: Option<String>,
    },
    #[error("permission denied (403) on {path}: {message}")]
    Forbidden {
        path: String,
        message: String,
        hint: Option<String>,
    },
    /// A 404, or a `204 No Content` where there had to be data; `status` says which.
    #[error("not found ({status}) on {path}: {message}")]
    NotFound {
        status: u16,
        path: String,
        message: String,
    },
    #[error("rate limited by lacework (429) on {path}{}", reset.map(|r| format!("; the limit resets in {r} s")).unwrap_or_default())]
    RateLimited { path: String, reset: Option<u64> },
    #[error("{what}")]
    Unavailable {
        cause: Cause,
        what: String,
        hint: Option<String>,
    },
    #[error("lacework refused the request ({status}) on {path}: {message}")]
    Rejected {
        status: u16,
        path: String,
        message: String,
    },
}

/// A mistake in how lwctl was called: a flag, a time, an account name, a missing credential.
#[derive(Debug)]
pub struct UsageError {
    pub message: String,
    pub hint: Option<String>,
}

impl UsageError {
    pub fn new(message: impl Into<String>) -> UsageError {
        UsageError {
            message: message.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> UsageError {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for UsageError {}

/// Input that is not what a command reads (`normalize`).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct DataError(pub String);

/// The user answered no at a prompt, or gave an empty comment: nothing was sent.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Declined(pub String);

/// A run over many items whose failures were each reported already: ends with this summary
/// and the worst of their exit codes.
#[derive(Debug, thiserror::Error)]
#[error("{summary}")]
pub struct Partial {
    pub exit: Exit,
    pub summary: String,
}

/// Stopped by SIGINT or SIGTERM after finishing what was being written.
#[derive(Debug, thiserror::Error)]
#[error("interrupted; what was written is complete")]
pub struct Interrupted;

/// `alerts poll status` found the feed stale or failing; what it printed says why.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Stale(pub String);

/// Another `alerts poll` holds the lock on the state file or on the output.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct LockHeld(pub String);

impl LockHeld {
    /// The state file's lock.
    pub fn state(path: &str) -> LockHeld {
        LockHeld(format!(
            "another `lwctl alerts poll` is running with state file {path} (it holds {path}.lock)"
        ))
    }

    /// The `--out` file's lock: two polls with their own states never write one file at once.
    pub fn output(path: &str) -> LockHeld {
        LockHeld(format!(
            "another `lwctl alerts poll` is writing to {path} (it holds a lock on the file)"
        ))
    }
}

/// How a hint marks the lines of a command to copy: indented by four spaces, printed without
/// the `hint:` label and kept whole, so that the lines paste as one command.
pub const COMMAND: &str = "    ";

/// A (possibly multi-line) command as hint lines.
fn command_block(cmd: &str) -> String {
    cmd.lines()
        .map(|l| format!("{COMMAND}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The command running, so a hint never sends the user to it.
static RUNNING: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

/// Names the command running (`auth test`).
pub fn running(command: &str) {
    *RUNNING.lock().unwrap_or_else(|e| e.into_inner()) = command.to_owned();
}

/// A hint that goes with an error, or a richer exit code, found anywhere in its chain.
fn classify(err: &anyhow::Error) -> (Exit, Option<String>) {
    for cause in err.chain() {
        if let Some(e) = cause.downcast_ref::<ApiError>() {
            return match e {
                ApiError::Unauthorized { curl, .. } => (
                    Exit::Auth,
                    curl.as_ref()
                        .map(|c| format!("test the credentials by hand:\n{}", command_block(c))),
                ),
                ApiError::Forbidden { hint, .. } => (
                    Exit::Forbidden,
                    Some(hint.clone().unwrap_or_else(|| {
                        // No hint points at the command that is already running.
                        if RUNNING.lock().unwrap_or_else(|e| e.into_inner()).as_str() == "auth test" {
                            "the key is valid but may not read this: check the user's role in the Lacework console".into()
                        } else {
                            "the key is valid but may not read this; check the key's role and --subaccount (`lwctl auth test` diagnoses it)".into()
                        }
                    })),
                ),
                ApiError::NotFound { .. } => (Exit::NotFound, None),
                ApiError::RateLimited { .. } => (
                    Exit::RateLimited,
                    Some("Lacework allows 480 requests an hour per user and API; wait for the reset, or raise --max-wait/--retries".into()),
                ),
                ApiError::Unavailable { hint, .. } => (Exit::Unavailable, hint.clone()),
                ApiError::Rejected { .. } => (Exit::Unexpected, None),
            };
        }
        if let Some(e) = cause.downcast_ref::<UsageError>() {
            return (Exit::Usage, e.hint.clone());
        }
        if cause.is::<DataError>() {
            return (Exit::BadData, None);
        }
        if cause.is::<Interrupted>() {
            return (Exit::Interrupted, None);
        }
        if cause.is::<Declined>() {
            return (Exit::Declined, None);
        }
        if let Some(p) = cause.downcast_ref::<Partial>() {
            return (p.exit, None);
        }
        if cause.is::<Stale>() {
            return (Exit::Stale, None);
        }
        if cause.is::<LockHeld>() {
            return (
                Exit::Locked,
                Some("wait for it to finish, or pass --wait to queue behind it".into()),
            );
        }
    }
    (Exit::Unexpected, None)
}

/// The hint that goes with an error, if any: what fixes it.
pub fn hint(err: &anyhow::Error) -> Option<String> {
    classify(err).1
}

/// The exit code an error ends the process with.
pub fn exit_code(err: &anyhow::Error) -> Exit {
    classify(err).0
}

/// Whether the error is a closed stdout (`lwctl ... | head`), which ends quietly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Prints `lwctl: error: ...` and the hint on stderr, and returns the exit code.
pub fn report(err: &anyhow::Error) -> Exit {
    if is_broken_pipe(err) {
        return Exit::Ok;
    }
    // `alerts poll status` printed its verdict already; the exit code says the rest.
    if err.is::<Stale>() {
        return Exit::Stale;
    }
    // A "no" at a prompt is the user's choice, not a failure: a plain line, exit 10.
    if let Some(Declined(why)) = err.downcast_ref::<Declined>() {
        crate::runlog::line("info", &format!("cancelled: {why}"));
        crate::output::stderr_line(&format!(
            "lwctl: cancelled: {}",
            crate::output::terminal_safe(why)
        ));
        return Exit::Declined;
    }
    let (code, hint) = classify(err);
    report_with(err, code, hint)
}

/// Prints an error with this code and hint (a run over many accounts names the account).
pub fn report_with(err: &anyhow::Error, code: Exit, hint: Option<String>) -> Exit {
    let safe = crate::output::terminal_safe;
    crate::runlog::line(
        "error",
        &format!(
            "{err:#} (exit {}){}",
            code as u8,
            hint.as_deref()
                .map(|h| format!(" | hint: {h}"))
                .unwrap_or_default()
        ),
    );
    let mut msg = format!(
        "{} {}\n",
        crate::output::prefix("error"),
        safe(&format!("{err:#}"))
    );
    if let Some(h) = hint {
        for line in h.lines() {
            // A command to copy goes without the label, so that it pastes as it is.
            match line.strip_prefix(COMMAND) {
                Some(cmd) => msg.push_str(&format!("{COMMAND}{}\n", safe(cmd))),
                None => msg.push_str(&format!(
                    "{} {}\n",
                    crate::output::prefix("hint"),
                    safe(line)
                )),
            }
        }
    }
    crate::output::stderr_line(msg.trim_end_matches('\n'));
    code
}
