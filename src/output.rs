//! Decides once how to talk to the user: output format, colour, progress, prompts.

use anstyle::{AnsiColor, Style};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// `-o/--output`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table for people (the default on a terminal).
    Table,
    /// One JSON document.
    Json,
    /// One JSON object per line (the default when piped).
    Ndjson,
    /// Comma-separated values with a header.
    Csv,
}

impl Format {
    /// As typed after `-o`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Csv => "csv",
        }
    }
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// The terminal facts every command needs, decided once.
#[derive(Debug, Clone)]
pub struct Ui {
    pub stdout_tty: bool,
    pub stderr_tty: bool,
    pub stdin_tty: bool,
    /// Colour in data on stdout (tables).
    pub color: bool,
    /// Colour in messages on stderr (prefixes).
    pub err_color: bool,
    /// The width tables fit on stdout: the terminal's (or `COLUMNS`); `None` in a pipe.
    pub width: Option<usize>,
    pub no_input: bool,
    pub verbose: u8,
    pub format: Option<Format>,
}

/// Whether messages on stderr are coloured; set once by [`Ui::detect`] for the error report.
static ERR_COLOR: AtomicBool = AtomicBool::new(false);

/// Test hook, debug builds only: `LWCTL_TEST_TTY=stdout,stderr,stdin` pretends those are
/// terminals, so tests can assert tables, colour and progress as a person sees them.
fn pretend_tty(stream: &str) -> bool {
    #[cfg(debug_assertions)]
    if let Ok(v) = std::env::var("LWCTL_TEST_TTY") {
        return v.split(',').any(|s| s.trim() == stream);
    }
    let _ = stream;
    false
}

impl Ui {
    pub fn detect(format: Option<Format>, color: ColorChoice, no_input: bool, verbose: u8) -> Ui {
        let stdout_tty = std::io::stdout().is_terminal() || pretend_tty("stdout");
        let stderr_tty = std::io::stderr().is_terminal() || pretend_tty("stderr");
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let dumb = env("TERM").is_some_and(|t| t == "dumb");
        let colored = |tty: bool| match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto if env("CLICOLOR_FORCE").is_some_and(|v| v != "0") => true,
            ColorChoice::Auto => tty && !dumb && env("NO_COLOR").is_none(),
        };
        let width = stdout_tty
            .then(|| {
                env("COLUMNS")
                    .and_then(|c| c.trim().parse::<usize>().ok())
                    .filter(|w| *w > 0)
                    .or_else(|| {
                        terminal_size::terminal_size_of(std::io::stdout())
                            .map(|(w, _)| usize::from(w.0))
                    })
            })
            .flatten();
        let ui = Ui {
            stdout_tty,
            stderr_tty: stderr_tty && !dumb,
            stdin_tty: std::io::stdin().is_terminal() || pretend_tty("stdin"),
            color: colored(stdout_tty),
            err_color: colored(stderr_tty),
            width,
            no_input,
            verbose,
            format,
        };
        ERR_COLOR.store(ui.err_color, Ordering::Relaxed);
        ERR_TTY.store(ui.stderr_tty, Ordering::Relaxed);
        ui
    }

    /// The format asked for, else a table on a terminal and NDJSON in a pipe.
    pub fn format(&self) -> Format {
        self.format.unwrap_or(if self.stdout_tty {
            Format::Table
        } else {
            Format::Ndjson
        })
    }

    /// Prompts are allowed only with a person at both ends and without `--no-input`.
    pub fn can_prompt(&self) -> bool {
        !self.no_input && self.stdin_tty && self.stdout_tty
    }

    /// A progress line on stderr when it is a terminal, hidden otherwise, and hidden too when
    /// `data_on_stdout` goes to the same terminal: a bar drawn between records would break
    /// them. It counts alerts across all pieces; see [`Ui::progress_done`].
    pub fn progress(&self, data_on_stdout: bool) -> Progress {
        if !self.stderr_tty || self.verbose > 0 || (data_on_stdout && self.stdout_tty) {
            return Progress {
                bar: ProgressBar::hidden(),
                shown: false,
            };
        }
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg}: {pos}/{len} alerts ({elapsed})")
                .expect("valid template"),
        );
        bar.set_message("fetching");
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Progress { bar, shown: true }
    }

    /// Clears the progress line and, if it was shown, leaves one line saying what was done.
    pub fn progress_done(&self, progress: &Progress, alerts: u64, pages: u32) {
        let secs = progress.bar.elapsed().as_secs_f64();
        progress.bar.finish_and_clear();
        if progress.shown {
            let s = |n: u64| if n == 1 { "" } else { "s" };
            self.info(format!(
                "wrote {alerts} alert{} ({pages} page{}) in {secs:.1} s",
                s(alerts),
                s(u64::from(pages))
            ));
        }
    }

    /// A message for people on stderr.
    pub fn info(&self, msg: impl AsRef<str>) {
        stderr_line(&format!("lwctl: {}", terminal_safe(msg.as_ref())));
    }

    /// A message for people at `-v` only.
    pub fn verbose_info(&self, msg: impl AsRef<str>) {
        if self.verbose > 0 {
            self.info(msg);
        }
    }

    /// A warning: on stderr (unless `--quiet`) and in the `--log`.
    pub fn warn(&self, msg: impl AsRef<str>) {
        warning(msg.as_ref());
    }

    /// A warning a person must act on: on stderr even with `--quiet`, so cron mails it.
    pub fn alarm(&self, msg: impl AsRef<str>) {
        crate::runlog::line("warning", msg.as_ref());
        stderr_line(&format!(
            "{} {}",
            prefix("warning"),
            terminal_safe(msg.as_ref())
        ));
    }
}

/// The pager long tables go through on a terminal, and the terminal's height.
static PAGER: Mutex<Option<(String, usize)>> = Mutex::new(None);

/// Pages long tables when stdout is a terminal, as gh does: `LWCTL_PAGER`, else `PAGER`, else
/// `less -FRX`; `cat` (or an empty value) means no pager. Never in a pipe.
pub fn set_pager(on: bool) {
    let env = |k: &str| std::env::var(k).ok().map(|v| v.trim().to_owned());
    let command = env("LWCTL_PAGER")
        .or_else(|| env("PAGER"))
        .unwrap_or_else(|| "less -FRX".into());
    let rows = env("LINES")
        .and_then(|l| l.parse::<usize>().ok())
        .or_else(|| {
            terminal_size::terminal_size_of(std::io::stdout()).map(|(_, h)| usize::from(h.0))
        })
        .unwrap_or(24);
    let off = !on || command.is_empty() || command == "cat";
    *PAGER.lock().unwrap_or_else(|e| e.into_inner()) = (!off).then_some((command, rows));
}

/// Writes a table for people: through the pager when it is taller than the terminal, else to
/// `out`. A pager that cannot start leaves the table printed as it is.
pub fn show_table(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let pager = PAGER.lock().unwrap_or_else(|e| e.into_inner()).clone();
    if let Some((command, rows)) = pager {
        if text.lines().count() >= rows {
            out.flush()?;
            let child = std::process::Command::new("sh")
                .arg("-c")
                .arg(&command)
                .stdin(std::process::Stdio::piped())
                .spawn();
            if let Ok(mut child) = child {
                if let Some(mut stdin) = child.stdin.take() {
                    // The pager quitting early (q) is not an error.
                    let _ = std::io::Write::write_all(&mut stdin, redact(text).as_bytes());
                }
                let _ = child.wait();
                return Ok(());
            }
        }
    }
    out.write_all(redact(text).as_bytes())
}

/// `--quiet`: warnings that need no action go to the `--log` only.
static QUIET: AtomicBool = AtomicBool::new(false);

/// Sets `--quiet` for the run.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// A warning, wherever it comes from: in the `--log`, and on stderr unless `--quiet`.
pub fn warning(msg: &str) {
    crate::runlog::line("warning", msg);
    if !QUIET.load(Ordering::Relaxed) {
        stderr_line(&format!("{} {}", prefix("warning"), terminal_safe(msg)));
    }
}

/// A progress line, and whether lwctl chose to show it.
pub struct Progress {
    pub bar: ProgressBar,
    shown: bool,
}

/// Whether stderr is a terminal; set once by [`Ui::detect`].
static ERR_TTY: AtomicBool = AtomicBool::new(false);

/// A message as it may reach stderr: on a terminal, control characters other than line breaks
/// (from alert fields or a server's answer) are shown escaped, never obeyed.
pub fn terminal_safe(msg: &str) -> std::borrow::Cow<'_, str> {
    if !ERR_TTY.load(Ordering::Relaxed) || !msg.chars().any(|c| c.is_control() && c != '\n') {
        return msg.into();
    }
    msg.split('\n')
        .map(crate::table::escape)
        .collect::<Vec<_>>()
        .join("\n")
        .into()
}

/// `lwctl: error:`, `lwctl: warning:` or `lwctl: hint:`, coloured when stderr is.
pub fn prefix(kind: &str) -> String {
    let style = match kind {
        "error" => Style::new().bold().fg_color(Some(AnsiColor::Red.into())),
        "warning" => Style::new().bold().fg_color(Some(AnsiColor::Yellow.into())),
        _ => Style::new().bold().fg_color(Some(AnsiColor::Cyan.into())),
    };
    if ERR_COLOR.load(Ordering::Relaxed) {
        format!("lwctl: {style}{kind}:{style:#}")
    } else {
        format!("lwctl: {kind}:")
    }
}

/// Text from elsewhere (a server's message, an alert field, an account name) made safe to
/// show on any output: every control character, line breaks included, is written as an
/// escape (`\n`, `\u{1b}`) instead of being obeyed.
pub fn escape_controls(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_owned();
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The secret and the tokens of this run, removed from everything shown to the user.
static SECRETS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// The shortest run of a secret that counts as showing it: a server that splits a token
/// across lines, or echoes part of it, must not get 8 characters of it out.
const WINDOW: usize = 8;

/// Remembers a secret or token, so no message, trace or report can show it.
pub fn register_secret(secret: &str) {
    if secret.len() < 4 {
        return;
    }
    let mut all = SECRETS.lock().unwrap_or_else(|e| e.into_inner());
    if !all.iter().any(|s| s == secret) {
        all.push(secret.to_owned());
    }
}

/// The one redaction choke point: every line on stderr and every report on stdout passes
/// through it. Any run of 8 or more characters of a secret or token (a whole one, a part, or
/// pieces split by a line break) is replaced by `***`; a secret shorter than that, wherever
/// it stands whole.
pub fn redact(text: &str) -> std::borrow::Cow<'_, str> {
    let all = SECRETS.lock().unwrap_or_else(|e| e.into_inner());
    let bytes = text.as_bytes();
    let mut hidden = vec![false; bytes.len()];
    let mut any = false;
    for s in all.iter() {
        let s = s.as_bytes();
        if s.len() < WINDOW {
            let Ok(short) = std::str::from_utf8(s) else {
                continue;
            };
            for (i, _) in text.match_indices(short) {
                hidden[i..i + s.len()].iter_mut().for_each(|h| *h = true);
                any = true;
            }
            continue;
        }
        let windows: std::collections::HashSet<&[u8]> = s.windows(WINDOW).collect();
        for (i, w) in bytes.windows(WINDOW).enumerate() {
            if windows.contains(w) {
                hidden[i..i + WINDOW].iter_mut().for_each(|h| *h = true);
                any = true;
            }
        }
    }
    if !any {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut in_hidden = false;
    for (i, c) in text.char_indices() {
        if hidden[i..i + c.len_utf8()].iter().any(|h| *h) {
            if !in_hidden {
                out.push_str("***");
            }
            in_hidden = true;
        } else {
            in_hidden = false;
            out.push(c);
        }
    }
    out.into()
}

/// Writes one line to stderr, redacted. Unlike `eprintln!`, a closed stderr is not a panic. On
/// a terminal, lines are wrapped at word boundaries within its width, each continuation under
/// the text after the line's `lwctl: kind:` prefix.
pub fn stderr_line(line: &str) {
    use std::io::Write;
    let line = redact(line);
    let width = ERR_TTY.load(Ordering::Relaxed).then(stderr_width).flatten();
    let text = match width {
        Some(w) => line
            .split('\n')
            .map(|l| wrap(l, w, prefix_width(l)))
            .collect::<Vec<_>>()
            .join("\n"),
        None => line.into_owned(),
    };
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.write_all(b"\n");
}

/// The width of the terminal stderr is on (`COLUMNS` first).
pub fn stderr_width() -> Option<usize> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|w| *w > 0)
        .or_else(|| {
            terminal_size::terminal_size_of(std::io::stderr()).map(|(w, _)| usize::from(w.0))
        })
}

/// Text without its colour escapes.
fn strip_escapes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Display columns of text, colour escapes not counted.
pub fn visible_width(s: &str) -> usize {
    strip_escapes(s)
        .chars()
        .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
        .sum()
}

/// Where a message's text starts: after `lwctl: kind: `, or `lwctl: `, or its own indent.
fn prefix_width(line: &str) -> usize {
    let plain = strip_escapes(line);
    let line = plain.as_str();
    if let Some(rest) = line.strip_prefix("lwctl: ") {
        // `lwctl: error: ` (the kind may be coloured): a short word before `: `.
        if let Some(i) = rest.find(": ") {
            let kind = visible_width(&rest[..i]);
            if (1..=8).contains(&kind) && !rest[..i].contains(' ') {
                return 7 + kind + 2;
            }
        }
        return 7;
    }
    line.len() - line.trim_start().len() + 2
}

/// One line wrapped at word boundaries to `width` columns, continuations indented by
/// `indent` columns; a word longer than a line stays whole.
pub fn wrap(line: &str, width: usize, indent: usize) -> String {
    // A line indented by four spaces (a hint's command, `    curl ... \\`) is a command to
    // copy: kept whole.
    let command = line.starts_with("    ");
    if command || visible_width(line) <= width || width <= indent + 10 {
        return line.to_owned();
    }
    let lead = line.len() - line.trim_start_matches(' ').len();
    let mut out = String::with_capacity(line.len() + 16);
    let mut col = 0;
    out.push_str(&line[..lead]);
    col += lead;
    let mut first = true;
    for word in line[lead..].split(' ') {
        let w = visible_width(word);
        if !first && col + 1 + w > width {
            out.push('\n');
            out.extend(std::iter::repeat_n(' ', indent));
            col = indent;
        } else if !first {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += w;
        first = false;
    }
    out
}

/// A one-shot report (`auth test`, `org *`, `alerts get`): the same facts as a JSON value and,
/// for people and spreadsheets, a table or a text.
pub struct Report<'a> {
    pub json: &'a serde_json::Value,
    /// The rows for `csv`, and for `table` unless `text` is given.
    pub table: Option<&'a crate::table::Table>,
    /// What `table` shows when it is not a plain table (a checklist).
    pub text: Option<String>,
}

impl Ui {
    /// Prints a report in the format asked for: `json` one document (indented on a terminal),
    /// `ndjson` one line per entry of a list (else one line), `csv` the table's rows exactly,
    /// `table` the table fitted to the terminal.
    pub fn emit(&self, report: &Report) -> anyhow::Result<()> {
        self.emit_as(self.format(), report)
    }

    /// [`Ui::emit`] in a given format (a command whose default is not the usual one).
    pub fn emit_as(&self, format: Format, report: &Report) -> anyhow::Result<()> {
        use std::io::Write;
        let mut text = String::new();
        match format {
            Format::Json if self.stdout_tty => {
                text = serde_json::to_string_pretty(report.json)?;
                text.push('\n');
            }
            Format::Json => text = format!("{}\n", report.json),
            Format::Ndjson => match report.json {
                serde_json::Value::Array(items) => {
                    for item in items {
                        text.push_str(&format!("{item}\n"));
                    }
                }
                other => text = format!("{other}\n"),
            },
            Format::Csv => {
                let table = report
                    .table
                    .ok_or_else(|| anyhow::anyhow!("this report has no rows for csv"))?;
                let mut out = csv_line(table.header())?;
                for row in table.rows() {
                    out.extend(csv_line(row)?);
                }
                text = String::from_utf8(out)?;
            }
            Format::Table => {
                let text = match (&report.text, report.table) {
                    (Some(t), _) => t.clone(),
                    (None, Some(t)) => t.render(self.width, self.color),
                    (None, None) => format!("{:#}\n", report.json),
                };
                let mut out = std::io::stdout().lock();
                show_table(&text, &mut out)?;
                return Ok(out.flush()?);
            }
        }
        let mut out = std::io::stdout().lock();
        out.write_all(redact(&text).as_bytes())?;
        out.flush()?;
        Ok(())
    }
}

/// Whether CSV cells are written exactly (`--csv-raw`) rather than neutralised.
static CSV_RAW: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `--csv-raw`: write CSV cells exactly as they are.
pub fn set_csv_raw(raw: bool) {
    CSV_RAW.store(raw, std::sync::atomic::Ordering::Relaxed);
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage return
/// first), prefixed with `'` the OWASP way: alert fields come from the monitored environment,
/// so an attacker can choose them.
fn neutralise(cell: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    match cell.first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
            if !CSV_RAW.load(std::sync::atomic::Ordering::Relaxed) =>
        {
            let mut v = Vec::with_capacity(cell.len() + 1);
            v.push(b'\'');
            v.extend_from_slice(cell);
            v.into()
        }
        _ => cell.into(),
    }
}

/// One CSV record, quoted as needed and neutralised (see [`neutralise`]), with its line end.
/// Every CSV lwctl writes goes through here.
pub fn csv_line<T: AsRef<[u8]>>(fields: &[T]) -> std::io::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(fields.iter().map(|f| neutralise(f.as_ref())))?;
    w.into_inner().map_err(|e| e.into_error())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_eight_characters_of_a_secret_are_hidden() {
        let secret = "Zq7_redact_test_4f9e1c2b8a";
        register_secret(secret);
        let (a, b) = secret.split_at(13);
        for (text, want) in [
            (format!("token {secret} end"), "token *** end".to_string()),
            // Split by a line break, escaped or not: both halves are hidden.
            (format!("bad {a}\n{b}!"), "bad ***\n***!".to_string()),
            (format!("bad {a}\\n{b}!"), "bad ***\\n***!".to_string()),
            // Eight characters out of the middle.
            (format!("…{}…", &secret[5..13]), "…***…".to_string()),
            // Seven are not a leak.
            (
                format!("x{}x", &secret[5..12]),
                format!("x{}x", &secret[5..12]),
            ),
        ] {
            assert_eq!(redact(&text), want, "{text:?}");
        }
    }

    #[test]
    fn lines_wrap_at_words_under_their_text() {
        let line = "lwctl: error: the key is valid but may not read this; check the key's role and --subaccount";
        let wrapped = wrap(line, 40, prefix_width(line));
        assert_eq!(
            wrapped,
            "lwctl: error: the key is valid but may\n              not read this; check the\n              key's role and\n              --subaccount"
        );
        assert!(wrapped.lines().all(|l| visible_width(l) <= 40));
        assert_eq!(prefix_width("lwctl: hint: x"), 13);
        assert_eq!(
            prefix_width("lwctl: \u{1b}[1m\u{1b}[31merror:\u{1b}[0m x"),
            14
        );
        assert_eq!(prefix_width("lwctl: poll 1..2 events_added: 0"), 7);
        assert_eq!(wrap("short", 40, 2), "short");
        let curl = "    curl -sS -X POST https://x.lacework.net/api/v2/access/tokens \\";
        assert_eq!(wrap(curl, 40, 13), curl, "a command stays whole to copy");
        assert_eq!(visible_width("\u{1b}[1mlwctl\u{1b}[0m"), 5);
    }

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(escape_controls("plain"), "plain");
        assert_eq!(
            escape_controls("a\nb\r\u{1b}[31m\tz"),
            "a\\nb\\r\\u{1b}[31m\\tz"
        );
    }
}
