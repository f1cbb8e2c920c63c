//! `lwctl alerts comment` and `lwctl alerts close` for one alert or many: look at each alert
//! first, ask once, act on each, report and audit each. The decisions are in `crate::triage`.

use super::Ctx;
use crate::api::alerts::{CloseReason, Scope};
use crate::api::Client;
use crate::cli::{ActOpts, CloseArgs, CommentArgs, CommentText};
use crate::error::{ApiError, Declined, Partial, UsageError};
use crate::output::Format;
use crate::table::{Kind, Table};
use crate::triage::{self, Action, Look, Outcome};
use anyhow::{Context, Result};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};

pub fn comment(ctx: &Ctx, args: CommentArgs) -> Result<()> {
    run(ctx, Action::Comment, &args.ids, &args.text, &args.act)
}

pub fn close(ctx: &Ctx, args: CloseArgs) -> Result<()> {
    run(
        ctx,
        Action::Close(args.reason),
        &args.ids,
        &args.text,
        &args.act,
    )
}

/// One alert's result, as printed with `-o json|ndjson|csv` and written to the audit log.
#[derive(Debug, Clone, Serialize)]
struct Report {
    alert_id: u64,
    action: &'static str,
    result: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    comment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
    exit_code: u8,
    /// The server's answer to the action, when it had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    answer: Option<Value>,
}

fn run(
    ctx: &Ctx,
    action: Action,
    inputs: &[String],
    text: &CommentText,
    act: &ActOpts,
) -> Result<()> {
    let (given, stdin_used) = collect_ids(inputs)?;
    let ids: Vec<u64> = given.iter().map(|g| g.id).collect();
    let comment = comment_text(ctx, action, text, stdin_used)?;
    let client = ctx.client()?;
    // A signal stops the run between actions; one in flight finishes, or is reported (and
    // audited) as unknown if the grace runs out first. Exit 130 either way.
    let stop = crate::signals::stop_on_signals(130)?;

    // Look before acting: nothing is sent for an alert that is missing or already closed.
    let looks = look_all(&client, &given)?;
    let acting = looks
        .iter()
        .filter(|l| triage::plan(action, l).is_ok())
        .count();
    if !act.dry_run
        && !act.yes
        && acting > 0
        && (matches!(action, Action::Close(_)) || ids.len() > 1)
    {
        confirm(ctx, action, &looks, stdin_used)?;
    }
    let mut audit = match (&act.audit, act.dry_run) {
        (Some(path), false) => Some(Audit::open(path, &client)?),
        _ => None,
    };

    let mut out = Printer::new(ctx.ui.format);
    let mut worst = 0u8;
    let mut not_done = 0usize;
    let mut results = Vec::with_capacity(ids.len());
    let mut left = acting as u64;
    for (&id, look) in ids.iter().zip(&looks) {
        let planned = triage::plan(action, look);
        if planned.is_ok() && !act.dry_run {
            // The actions draw on the same hourly budget as every poll of this key: spread
            // them at the rate it refills once it runs low, instead of running into 429.
            left = left.saturating_sub(1);
            client.plan_ahead(left);
        }
        let report = match planned {
            Err(skip) => skipped(id, action, skip, look),
            Ok(()) if act.dry_run => would(id, action, comment.as_deref()),
            Ok(()) if stop.load(std::sync::atomic::Ordering::SeqCst) => {
                base(id, action, Outcome::NotSent, comment.as_deref())
            }
            Ok(()) => {
                let intent = base(id, action, Outcome::Sending, comment.as_deref());
                if let Some(a) = &mut audit {
                    a.write(&intent)?;
                    a.on_signal(&intent);
                } else {
                    crate::signals::last_words(Some(Box::new(move || {
                        crate::output::warning(&format!(
                            "interrupted while the {} of alert {id} was in flight: whether Lacework acted on it is unknown (lwctl alerts get {id} tells)",
                            action.name()
                        ));
                    })));
                }
                let done = perform(&client, id, action, comment.as_deref());
                crate::signals::last_words(None);
                done
            }
        };
        ctx.ui.info(line(&report, action));
        if let Some(a) = &mut audit {
            a.write(&report)?;
        }
        if report.exit_code != 0 {
            not_done += 1;
        }
        worst = worst.max(report.exit_code);
        results.push(report.result);
        out.push(&report)?;
    }
    if ids.len() > 1 || act.dry_run {
        ctx.ui.info(triage::totals(action, &results, act.dry_run));
    }
    out.finish(&ctx.ui)?;
    if stop.load(std::sync::atomic::Ordering::SeqCst) {
        return Err(crate::error::Interrupted.into());
    }
    if worst == 0 {
        return Ok(());
    }
    let verb = match action {
        Action::Close(_) => "closed",
        Action::Comment => "commented on",
    };
    Err(Partial {
        exit: crate::error::Exit::from_code(worst),
        summary: format!("{not_done} of {} alert(s) were not {verb}", ids.len()),
    }
    .into())
}

/// The alerts named on the command line, `-` reading them from stdin, each once in order.
fn collect_ids(inputs: &[String]) -> Result<(Vec<triage::Given>, bool)> {
    let mut ids = Vec::new();
    let mut stdin_used = false;
    for input in inputs {
        if input == "-" {
            if stdin_used {
                continue;
            }
            stdin_used = true;
            let mut reader = io::stdin().lock();
            let mut line = Vec::new();
            for n in 1.. {
                line.clear();
                let read = reader
                    .by_ref()
                    .take(triage::MAX_LINE as u64 + 1)
                    .read_until(b'\n', &mut line)
                    .context("cannot read alert IDs from stdin")?;
                if read == 0 {
                    break;
                }
                if line.len() > triage::MAX_LINE {
                    return Err(UsageError::new(format!(
                        "stdin line {n} is longer than {} MiB",
                        triage::MAX_LINE >> 20
                    ))
                    .into());
                }
                let text = String::from_utf8_lossy(&line);
                let found = triage::ids_in_line(&text)
                    .map_err(|e| UsageError::new(format!("stdin line {n}: {e}")))?;
                ids.extend(found);
            }
        } else {
            let found = triage::ids_in_line(input).map_err(UsageError::new)?;
            ids.extend(found);
        }
    }
    let ids = triage::dedupe(ids);
    if ids.is_empty() {
        return Err(UsageError::new("no alert IDs were given")
            .hint("name them as arguments, or pass - and pipe them in (IDs, or alerts as NDJSON)")
            .into());
    }
    Ok((ids, stdin_used))
}

/// The comment: `--comment`, `--comment-file FILE|-`, or `$EDITOR` on a terminal when the action
/// needs one. `None` when the action takes none and none was given.
fn comment_text(
    ctx: &Ctx,
    action: Action,
    text: &CommentText,
    stdin_used: bool,
) -> Result<Option<String>> {
    let needed = matches!(action, Action::Comment | Action::Close(CloseReason::Other));
    let given = match (&text.comment, &text.comment_file) {
        (Some(c), _) => Some(c.clone()),
        (None, Some(p)) if p.as_os_str() == "-" => {
            if stdin_used {
                return Err(UsageError::new(
                    "stdin cannot carry both the alert IDs and the comment",
                )
                .hint("put the comment in a file: --comment-file FILE")
                .into());
            }
            let mut s = String::new();
            io::stdin()
                .lock()
                .take(1 << 20)
                .read_to_string(&mut s)
                .context("cannot read the comment from stdin")?;
            Some(s)
        }
        (None, Some(p)) => Some(std::fs::read_to_string(p).map_err(|e| {
            UsageError::new(format!("cannot read --comment-file {}: {e}", p.display()))
        })?),
        (None, None) if needed && ctx.ui.can_prompt() => Some(edit(action)?),
        (None, None) => None,
    };
    let comment = given.map(|c| c.trim().to_owned());
    match (&comment, needed) {
        (Some(c), true) if c.is_empty() => {
            if text.comment.is_none() && text.comment_file.is_none() {
                return Err(Declined("the comment is empty; nothing was sent".into()).into());
            }
            Err(UsageError::new("the comment is empty").into())
        }
        (None, true) => {
            let why = match action {
                Action::Close(_) => "reason 0 (other) needs a comment saying why",
                Action::Comment => "a comment is needed",
            };
            Err(
                UsageError::new(format!("{why}, and there is no terminal to write it in"))
                    .hint("pass --comment TEXT or --comment-file FILE (- for stdin)")
                    .into(),
            )
        }
        _ => Ok(comment.filter(|c| !c.is_empty())),
    }
}

/// Opens `$VISUAL`/`$EDITOR` (else `vi`) on a temporary file, the way `git commit` does; lines
/// starting with `#` are dropped.
fn edit(action: Action) -> Result<String> {
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .unwrap_or_else(|_| "vi".into());
    let mut file = tempfile::Builder::new()
        .prefix("lwctl-comment-")
        .suffix(".txt")
        .tempfile()?;
    writeln!(
        file,
        "\n# Write the comment for this {} above. Lines starting with '#' are ignored;\n# an empty comment sends nothing.",
        action.name()
    )?;
    file.flush()?;
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("lwctl")
        .arg(file.path())
        .status()
        .with_context(|| format!("cannot start the editor ({editor})"))?;
    if !status.success() {
        return Err(Declined(format!("the editor ({editor}) failed; nothing was sent")).into());
    }
    let text = std::fs::read_to_string(file.path())?;
    Ok(text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n"))
}

/// Looks at every alert before acting, spending as few requests of the budget as it can: the
/// alerts whose `startTime` is known (piped in as alerts or normalized events) are read with
/// one `/Alerts/search` per window of up to 7 days and 1,000 IDs; bare IDs, and any alert a
/// search did not return, get a Details read of their own.
fn look_all(client: &Client, given: &[triage::Given]) -> Result<Vec<Look>> {
    let mut timed: Vec<_> = given
        .iter()
        .filter_map(|g| g.start.map(|t| (t, g.id)))
        .collect();
    timed.sort_unstable();
    let mut found: HashMap<u64, Look> = HashMap::new();
    for (window, ids) in triage::searches(&timed, crate::time::now()) {
        let wanted: HashSet<u64> = ids.iter().copied().collect();
        let mut page = match client.alerts_with_ids(
            window,
            &ids,
            Some(&["alertId", "startTime", "status", "severity"]),
        ) {
            Ok(page) => page,
            // A key that may not search may still read each alert: the looks below say so
            // alert by alert.
            Err(ApiError::Forbidden { .. }) => continue,
            Err(e) => {
                return Err(anyhow::Error::from(e)
                    .context("cannot look at the alerts before acting; nothing was sent"))
            }
        };
        let mut links = crate::fetch::Links::new(&page);
        loop {
            links.count(&page);
            for raw in page.alerts()? {
                let Ok(alert) = serde_json::from_str::<Value>(raw.get()) else {
                    continue;
                };
                let id = match &alert["alertId"] {
                    Value::Number(n) => n.as_u64(),
                    Value::String(s) => s.parse().ok(),
                    _ => None,
                };
                if let Some(id) = id.filter(|id| wanted.contains(id)) {
                    found.insert(id, seen(&alert));
                }
            }
            let Some(link) = links.next(&page, "nothing was sent")? else {
                break;
            };
            client.reuse_body(page.into_body());
            page = client.alerts_next_page(&link).map_err(|e| {
                anyhow::Error::from(e)
                    .context("cannot look at the alerts before acting; nothing was sent")
            })?;
        }
    }
    given
        .iter()
        .map(|g| match found.remove(&g.id) {
            Some(l) => Ok(l),
            None => look(client, g.id),
        })
        .collect()
}

/// What an alert's fields say for an action: closed or not, and its severity.
fn seen(alert: &Value) -> Look {
    let closed = alert["status"]
        .as_str()
        .is_some_and(|s| s.eq_ignore_ascii_case("closed"));
    let severity = match &alert["severity"] {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    };
    Look::Found { closed, severity }
}

/// Looks at one alert. A missing or forbidden alert is that alert's result; a failure that
/// would fail every alert (credentials, network, rate limit) ends the run before anything
/// is sent.
fn look(client: &Client, id: u64) -> Result<Look> {
    match client.alert_scope(id, Scope::Details) {
        Ok(data) => {
            let alert = match &data {
                Value::Array(a) => a.first().unwrap_or(&Value::Null),
                other => other,
            };
            Ok(seen(alert))
        }
        Err(ApiError::NotFound { .. }) => Ok(Look::Missing),
        Err(e @ ApiError::Forbidden { .. }) => {
            let err = anyhow::Error::from(e);
            Ok(Look::Failed {
                message: format!("{err:#}"),
                exit: crate::error::exit_code(&err) as u8,
            })
        }
        Err(e) => Err(anyhow::Error::from(e).context(format!(
            "cannot look at alert {id} before acting; nothing was sent"
        ))),
    }
}

fn confirm(ctx: &Ctx, action: Action, looks: &[Look], stdin_used: bool) -> Result<()> {
    // IDs piped in leave stdin busy; the answer can still come from the terminal.
    let terminal = ctx.ui.can_prompt()
        || (stdin_used && !ctx.ui.no_input && ctx.ui.stderr_tty && File::open("/dev/tty").is_ok());
    if !terminal {
        let what = match action {
            Action::Close(_) => "closing alerts cannot be undone",
            Action::Comment => "commenting on several alerts needs a confirmation",
        };
        return Err(
            UsageError::new(format!("{what}, and there is no terminal to ask"))
                .hint("pass --yes to act without a prompt, or --dry-run to see what would be sent")
                .into(),
        );
    }
    let width = crate::output::stderr_width().unwrap_or(80);
    let (summary, question) = triage::question(action, looks, width);
    ctx.ui.info(summary);
    let sure = dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact()?;
    if sure {
        Ok(())
    } else {
        Err(Declined("answered no; nothing was sent".into()).into())
    }
}

fn request(id: u64, action: Action, comment: Option<&str>) -> (String, Value) {
    match action {
        Action::Comment => (
            format!("/api/v2/Alerts/{id}/comment"),
            json!({"comment": comment.unwrap_or_default()}),
        ),
        Action::Close(r) => {
            let mut body = json!({"reason": r as u8});
            if let Some(c) = comment {
                body["comment"] = json!(c);
            }
            (format!("/api/v2/Alerts/{id}/close"), body)
        }
    }
}

fn base(id: u64, action: Action, result: Outcome, comment: Option<&str>) -> Report {
    Report {
        alert_id: id,
        action: action.name(),
        result,
        reason: match action {
            Action::Close(r) => Some(r as u8),
            Action::Comment => None,
        },
        comment: comment.map(str::to_owned),
        message: None,
        exit_code: result.exit(),
        answer: None,
    }
}

fn skipped(id: u64, action: Action, result: Outcome, look: &Look) -> Report {
    let mut r = base(id, action, result, None);
    if let Look::Failed { message, exit } = look {
        r.message = Some(message.clone());
        r.exit_code = *exit;
    }
    r
}

fn would(id: u64, action: Action, comment: Option<&str>) -> Report {
    let result = match action {
        Action::Close(_) => Outcome::WouldClose,
        Action::Comment => Outcome::WouldComment,
    };
    let (path, body) = request(id, action, comment);
    let mut r = base(id, action, result, comment);
    r.message = Some(format!("POST {path} {body}"));
    r
}

fn perform(client: &Client, id: u64, action: Action, comment: Option<&str>) -> Report {
    let sent = match action {
        Action::Comment => client.comment_alert(id, comment.unwrap_or_default()),
        Action::Close(reason) => client.close_alert(id, reason, comment),
    };
    let done = match action {
        Action::Close(_) => Outcome::Closed,
        Action::Comment => Outcome::Commented,
    };
    match sent {
        Ok(answer) => {
            let mut r = base(id, action, done, comment);
            r.answer = Some(answer).filter(|a| !a.is_null());
            r
        }
        Err(e) => failed(client, id, action, comment, e),
    }
}

fn failed(client: &Client, id: u64, action: Action, comment: Option<&str>, e: ApiError) -> Report {
    let mut r = base(id, action, Outcome::Failed, comment);
    if let (Action::Close(reason), ApiError::Rejected { message, .. }) = (action, &e) {
        // Closed meanwhile ("The action on this alert is not allowed"), or the reason refused.
        if matches!(look(client, id), Ok(Look::Found { closed: true, .. })) {
            return base(id, action, Outcome::AlreadyClosed, None);
        }
        r.message = Some(format!(
            "lacework refused reason {} ({}): {message}",
            reason as u8,
            reason.label()
        ));
        r.exit_code = crate::error::Exit::Usage as u8;
        return r;
    }
    let err = anyhow::Error::from(e);
    r.message = Some(format!("{err:#}"));
    r.exit_code = crate::error::exit_code(&err) as u8;
    r
}

/// The line a person reads for one alert.
fn line(r: &Report, action: Action) -> String {
    let id = r.alert_id;
    let why = r.message.as_deref().unwrap_or_default();
    match r.result {
        Outcome::Closed => match action {
            Action::Close(reason) => format!("closed alert {id} ({})", reason.label()),
            Action::Comment => format!("closed alert {id}"),
        },
        Outcome::Commented => format!("commented on alert {id}"),
        Outcome::AlreadyClosed => format!("alert {id} is already closed; nothing was sent"),
        Outcome::NotFound => format!("alert {id} was not found; nothing was sent"),
        Outcome::Failed => format!("alert {id} failed: {why}"),
        Outcome::WouldClose | Outcome::WouldComment => format!("dry run: would send {why}"),
        Outcome::Sending => format!("sending the {} of alert {id}", action.name()),
        Outcome::Unknown => {
            format!("alert {id}: interrupted in flight; whether Lacework acted on it is unknown")
        }
        Outcome::NotSent => format!("alert {id}: not sent (interrupted)"),
    }
}

/// The per-alert results on stdout, in the format asked for with `-o` (none without it: the
/// lines on stderr say it all).
struct Printer {
    format: Option<Format>,
    all: Vec<Value>,
    header: bool,
    table: Table,
}

impl Printer {
    fn new(format: Option<Format>) -> Printer {
        Printer {
            format,
            all: Vec::new(),
            header: false,
            table: Table::new(&[
                ("ID", Kind::Fixed),
                ("Action", Kind::Fixed),
                ("Result", Kind::Fixed),
                ("Message", Kind::Text),
            ]),
        }
    }

    fn push(&mut self, r: &Report) -> Result<()> {
        let mut out = io::stdout().lock();
        match self.format {
            Some(Format::Ndjson) => writeln!(out, "{}", serde_json::to_string(r)?)?,
            Some(Format::Json) => self.all.push(serde_json::to_value(r)?),
            Some(Format::Csv) => {
                if !self.header {
                    out.write_all(&crate::output::csv_line(&[
                        "alert_id",
                        "action",
                        "result",
                        "reason",
                        "comment",
                        "message",
                        "exit_code",
                    ])?)?;
                    self.header = true;
                }
                let result = serde_json::to_value(r.result)?;
                out.write_all(&crate::output::csv_line(&[
                    r.alert_id.to_string(),
                    r.action.to_owned(),
                    result.as_str().unwrap_or_default().to_owned(),
                    r.reason.map(|x| x.to_string()).unwrap_or_default(),
                    r.comment.clone().unwrap_or_default(),
                    r.message.clone().unwrap_or_default(),
                    r.exit_code.to_string(),
                ])?)?;
            }
            Some(Format::Table) => {
                let result = serde_json::to_value(r.result)?;
                self.table.push(vec![
                    r.alert_id.to_string(),
                    r.action.to_owned(),
                    result.as_str().unwrap_or_default().replace('_', " "),
                    r.message.clone().unwrap_or_default(),
                ]);
            }
            None => {}
        }
        out.flush()?;
        Ok(())
    }

    fn finish(self, ui: &crate::output::Ui) -> Result<()> {
        let mut out = io::stdout().lock();
        match self.format {
            Some(Format::Json) => writeln!(out, "{}", Value::Array(self.all))?,
            Some(Format::Table) => {
                out.write_all(self.table.render(ui.width, ui.color).as_bytes())?
            }
            _ => {}
        }
        out.flush()?;
        Ok(())
    }
}

/// `--audit FILE`: one whole JSON line per action, appended and fsync'd.
struct Audit {
    path: PathBuf,
    file: File,
    account: String,
    subaccount: Option<String>,
    user: Option<String>,
}

impl Audit {
    fn open(path: &Path, client: &Client) -> Result<Audit> {
        crate::fsafe::make_dirs(crate::fsafe::parent(path)).map_err(|e| {
            UsageError::new(format!(
                "cannot create the directory of --audit {}: {e}",
                path.display()
            ))
            .hint("nothing was sent; name a file you can write, or leave out --audit")
        })?;
        let mut options = OpenOptions::new();
        options.append(true).create(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(path).map_err(|e| {
            UsageError::new(format!("cannot open --audit {}: {e}", path.display()))
                .hint("nothing was sent; name a file you can write, or leave out --audit")
        })?;
        let creds = client.credentials();
        // Who acted, when the key's profile says: best effort, the actions do not wait on it.
        let user = client
            .user_profile()
            .ok()
            .and_then(|p| p.into_iter().find_map(|u| u.username));
        Ok(Audit {
            path: path.to_owned(),
            file,
            account: creds.account.name.clone(),
            subaccount: creds.subaccount.clone(),
            user,
        })
    }

    /// Makes the signal path audit `r` as unknown (and say so) if the grace runs out before
    /// the request it records comes back.
    fn on_signal(&self, r: &Report) {
        let Ok(mut file) = self.file.try_clone() else {
            return;
        };
        let mut unknown = self.line(&Report {
            result: Outcome::Unknown,
            ..r.clone()
        });
        let (id, action) = (r.alert_id, r.action);
        crate::signals::last_words(Some(Box::new(move || {
            unknown.push(b'\n');
            let _ = file.write_all(&unknown).and_then(|()| file.sync_data());
            crate::output::warning(&format!(
                "interrupted while the {action} of alert {id} was in flight: whether Lacework acted on it is unknown (lwctl alerts get {id} tells); the audit log says so"
            ));
        })));
    }

    fn line(&self, r: &Report) -> Vec<u8> {
        serde_json::to_vec(&json!({
            "time": crate::time::rfc3339(crate::time::now()),
            "account": self.account,
            "subaccount": self.subaccount,
            "user": self.user,
            "alert_id": r.alert_id,
            "action": r.action,
            "reason": r.reason,
            "comment": r.comment,
            "result": r.result,
            "message": r.message,
        }))
        .expect("a JSON object serializes")
    }

    fn write(&mut self, r: &Report) -> Result<()> {
        let mut line = self.line(r);
        line.push(b'\n');
        // One write for the whole line, then fsync: a reader never sees half an action.
        self.file
            .write_all(&line)
            .and_then(|()| self.file.sync_data())
            .with_context(|| format!("cannot write the audit line to {}", self.path.display()))
    }
}
