//! `lwctl alerts list` and `lwctl alerts get`.

use super::Ctx;
use crate::api::alerts::Scope;
use crate::cli::{GetArgs, ListArgs, TimeArg};
use crate::error::UsageError;
use crate::fetch::{Flow, InvalidAlert, Sink, Walk};
use crate::normalize::{self, Alert, Normalizer};
use crate::output::Format;
use crate::printer::{cell, StreamPrinter};
use crate::table::{Kind, Table};
use crate::window::{Seen, Window};
use anyhow::Result;
use chrono::{DateTime, Utc};
use serde_json::value::RawValue;
use serde_json::Value;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::{self, Write};
use std::sync::atomic::AtomicBool;

/// IDs are remembered this long before a piece boundary, for servers that return an alert on
/// both sides of one.
const BOUNDARY: chrono::Duration = chrono::Duration::minutes(1);

/// Resolves `--start`/`--end` against one `now`: default the last 24 hours, a future end
/// clamped to now.
pub fn resolve_window(
    start: Option<TimeArg>,
    end: Option<TimeArg>,
    now: DateTime<Utc>,
) -> Result<Window, UsageError> {
    let end = end.map_or(now, |e| e.resolve(now)).min(now);
    let start = start.map_or(now - chrono::Duration::hours(24), |s| s.resolve(now));
    if start >= end {
        return Err(UsageError::new(format!(
            "--start ({}) must be before --end ({}{})",
            crate::time::rfc3339(start),
            crate::time::rfc3339(end),
            if end == now { ", now" } else { "" }
        )));
    }
    Ok(Window::new(start, end))
}

pub fn list(ctx: &Ctx, args: ListArgs) -> Result<()> {
    let (start, end) = match args.range {
        Some((s, e)) => (Some(s), Some(e)),
        None => (args.start, args.end),
    };
    let window = resolve_window(start, end, crate::time::now())?;
    let client = ctx.client()?;
    crate::accounts::route(ctx, &client, &args.route)?;
    let many = crate::accounts::select(ctx, &client, &args.accounts)?;
    if many.is_some() && !args.normalize.normalize {
        return Err(
            crate::pull::one_stream_needs_normalize("--out-dir is for `alerts poll`").into(),
        );
    }
    let filters = crate::pull::filters(&args.filters);
    let format = crate::pull::stream_format(ctx, args.normalize.schema, ctx.ui.format())?;
    let stop = crate::signals::stop_on_signals(130)?;
    let mut sink = ListSink {
        printer: StreamPrinter::new(
            format,
            args.normalize.normalize,
            crate::stdout::Stdout::new(crate::printer::framing(format)),
            &ctx.ui,
            args.reverse,
        )
        .with_accounts(many.is_some()),
        normalizer: crate::pull::normalizer(&client, &args.normalize),
        line: Vec::new(),
        limit: args.limit,
        newest: (args.limit.is_some() && !args.oldest).then(BinaryHeap::new),
        seq: 0,
        stop: &stop,
    };
    let progress = ctx.ui.progress(format != Format::Table);
    let walk = |sink: &mut ListSink<_>| {
        Walk {
            client: &client,
            filters: &filters,
            seen: &mut Seen::default(),
            keep: BOUNDARY,
            max_piece: crate::window::MAX_PIECE,
            skip_invalid: args.skip_invalid,
            progress: &progress.bar,
        }
        .run(window, sink)
    };
    let mut turns = None;
    let walked = match (&many, args.limit) {
        (_, Some(0)) => Ok(Default::default()),
        (None, _) => walk(&mut sink),
        (Some(accounts), _) => {
            let mut total = crate::fetch::WalkStats::default();
            turns = Some(crate::accounts::Turns::run(
                &client,
                accounts,
                &stop,
                |account| {
                    if args.oldest && args.limit.is_some_and(|l| sink.printer.written() >= l) {
                        return Ok(());
                    }
                    if let Some(n) = &mut sink.normalizer {
                        n.options.subaccount = Some(account.to_owned());
                    }
                    total.add(walk(&mut sink)?);
                    Ok(())
                },
            ));
            Ok(total)
        }
    };
    let pages = walked.as_ref().map_or(0, |s| s.pages);
    // Whatever happened, what was printed ends as its format needs: `-o json` stays valid.
    // `--limit` prints the newest it kept only now, so the count comes after. The progress
    // line goes first: a table printed under it would leave it on the screen above the table.
    progress.bar.finish_and_clear();
    let finished = sink.finish();
    // A reader that went away (`| head`) ends the run quietly: no count of what it never read;
    // a run that failed before writing anything has only its error to say.
    let gone = |r: Option<&anyhow::Error>| r.is_some_and(crate::error::is_broken_pipe);
    let finish_gone = finished
        .as_ref()
        .is_err_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe);
    let failed_empty = walked.is_err() && sink.printer.written() == 0;
    if !gone(walked.as_ref().err()) && !finish_gone && !failed_empty {
        ctx.ui
            .progress_done(&progress, sink.printer.written(), pages);
    }
    let stats = walked?;
    finished?;
    if stop.load(std::sync::atomic::Ordering::SeqCst) {
        return Err(crate::error::Interrupted.into());
    }
    crate::pull::warn_capped(ctx, &stats);
    if let Some(w) = sink
        .normalizer
        .as_ref()
        .and_then(|n| n.unknown.warning(n.options.schema))
    {
        ctx.ui.warn(w);
    }
    if stats.alerts == 0 && (format == Format::Table || ctx.ui.stderr_tty || ctx.ui.verbose > 0) {
        ctx.ui.info(format!(
            "no alerts between {} and {}{}",
            crate::time::rfc3339(window.start),
            crate::time::rfc3339(window.end),
            if filters.is_empty() {
                ""
            } else {
                " that match the filters"
            }
        ));
    }
    if ctx.ui.verbose > 0 {
        ctx.ui.info(format!(
            "{} alert(s) from {} piece(s), {} page(s); {} duplicate(s) skipped",
            stats.alerts, stats.pieces, stats.pages, stats.duplicates
        ));
    }
    match turns {
        Some(t) => t.finish(ctx, "were listed"),
        None => Ok(()),
    }
}

/// Hands each alert, or its event, to the printer as one compact line.
/// An alert kept by `--limit N`: its start (ms), its arrival order, its line.
type Kept = (i64, u64, Vec<u8>);

struct ListSink<'a, W: Write> {
    printer: StreamPrinter<W>,
    normalizer: Option<Normalizer>,
    line: Vec<u8>,
    limit: Option<u64>,
    /// `--limit N` without `--oldest`: the N newest so far, by start time (smallest on top).
    newest: Option<BinaryHeap<Reverse<Kept>>>,
    seq: u64,
    stop: &'a AtomicBool,
}

impl<W: Write> ListSink<'_, W> {
    /// Prints the N newest kept by `--limit N`, newest first, then ends the output.
    fn finish(&mut self) -> std::io::Result<()> {
        if let Some(heap) = self.newest.take() {
            let mut kept: Vec<_> = heap.into_iter().map(|Reverse(k)| k).collect();
            kept.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            for (_, _, line) in kept {
                self.printer.record(&line)?;
            }
        }
        self.printer.finish()
    }
}

impl<W: Write> Sink for ListSink<'_, W> {
    fn alert(&mut self, _id: &str, alert: &Alert, raw: &RawValue) -> Result<Flow> {
        self.line.clear();
        match &mut self.normalizer {
            Some(n) => {
                n.push_alert(alert, raw.get().as_bytes(), &mut self.line)
                    .map_err(|e| InvalidAlert(format!("cannot normalize it: {}", e.message)))?;
                self.line.pop();
            }
            None => normalize::write_compact(&mut self.line, raw.get().as_bytes()),
        }
        if let (Some(heap), Some(limit)) = (&mut self.newest, self.limit) {
            // Only the newest N are kept: memory holds N alerts, however many are read.
            let at = normalize::start_millis(alert).unwrap_or(i64::MIN);
            self.seq += 1;
            heap.push(Reverse((at, self.seq, self.line.clone())));
            if heap.len() as u64 > limit {
                heap.pop();
            }
            return Ok(Flow::Continue);
        }
        self.printer.record(&self.line)?;
        Ok(match self.limit {
            Some(l) if self.printer.written() >= l => Flow::Stop,
            _ => Flow::Continue,
        })
    }

    fn page_done(&mut self, _seen: &Seen) -> Result<Flow> {
        self.printer.flush()?;
        Ok(if self.stop.load(std::sync::atomic::Ordering::SeqCst) {
            Flow::Stop
        } else {
            Flow::Continue
        })
    }
}

pub fn get(ctx: &Ctx, args: GetArgs) -> Result<()> {
    // JSON is the default even on a terminal: a scope's shape varies too much for one table.
    let format = ctx.ui.format.unwrap_or(Format::Json);
    let client = ctx.client()?;
    let data = client.alert_scope(args.id, args.scope)?;
    let empty = match &data {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    };
    let table = scope_table(&data, args.scope);
    ctx.ui.emit_as(
        format,
        &crate::output::Report {
            json: &data,
            table: Some(&table),
            text: None,
        },
    )?;
    if empty {
        ctx.ui.info(format!(
            "alert {} has no {} data",
            args.id,
            args.scope.api_name()
        ));
    }
    if ctx.ui.stderr_tty {
        ctx.ui.info(console_url(&client, args.id));
    }
    Ok(())
}

/// The alert's page in the Lacework console.
fn console_url(client: &crate::api::Client, id: u64) -> String {
    let creds = client.credentials();
    let account = creds
        .subaccount
        .clone()
        .unwrap_or_else(|| creds.account.name.clone());
    format!(
        "https://{}/ui/investigation/monitor/AlertInbox/{id}/details?accountName={account}",
        creds.account.host
    )
}

/// `lwctl alerts open ID`: a browser on the alert's console page, or its URL on stdout when
/// there is no display (a server, ssh) or `--url` asks for it.
pub fn open(ctx: &Ctx, args: crate::cli::OpenArgs) -> Result<()> {
    let client = ctx.client()?;
    let url = console_url(&client, args.id);
    let display = cfg!(target_os = "macos")
        || std::env::var_os("DISPLAY").is_some_and(|d| !d.is_empty())
        || std::env::var_os("WAYLAND_DISPLAY").is_some_and(|d| !d.is_empty());
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    if !args.url && display {
        let started = std::process::Command::new(opener)
            .arg(&url)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        if started.is_ok() {
            ctx.ui.info(format!("opening {url}"));
            return Ok(());
        }
        ctx.ui
            .warn(format!("cannot start {opener}; here is the URL"));
    }
    let mut out = io::stdout().lock();
    writeln!(out, "{url}")?;
    out.flush()?;
    Ok(())
}

/// A scope's data as a table: an object as Field | Value (nested objects one level down, as
/// `alertInfo.subject`), a list of objects as a row each with the union of their keys as
/// columns, anything else as one Value cell.
fn scope_table(data: &Value, scope: Scope) -> Table {
    let single = match data {
        Value::Array(a) if a.len() == 1 && a[0].is_object() && scope == Scope::Details => &a[0],
        other => other,
    };
    match single {
        Value::Object(map) => {
            let mut t = Table::new(&[("Field", Kind::Fixed), ("Value", Kind::Text)]);
            for (k, v) in map {
                match v {
                    Value::Object(inner) if !inner.is_empty() => {
                        for (ik, iv) in inner {
                            t.push(vec![format!("{k}.{ik}"), cell(iv)]);
                        }
                    }
                    _ => t.push(vec![k.clone(), cell(v)]),
                }
            }
            t
        }
        Value::Array(items) if items.iter().all(Value::is_object) => {
            let mut columns: Vec<String> = Vec::new();
            for item in items {
                for k in item.as_object().into_iter().flat_map(|o| o.keys()) {
                    if !columns.contains(k) {
                        columns.push(k.clone());
                    }
                }
            }
            let rows: Vec<Vec<String>> = items
                .iter()
                .map(|item| {
                    columns
                        .iter()
                        .map(|c| people_cell(c, &item[c.as_str()]))
                        .collect()
                })
                .collect();
            // A column with nothing in any row (`updateContext: {}`, `externalTime: "0"`) is
            // left out.
            let keep: Vec<usize> = (0..columns.len())
                .filter(|i| rows.iter().any(|r| !r[*i].is_empty()))
                .collect();
            let titles: Vec<String> = keep.iter().map(|i| title_case(&columns[*i])).collect();
            let spec: Vec<(&str, Kind)> = keep
                .iter()
                .zip(&titles)
                .map(|(i, t)| {
                    let kind = match columns[*i].as_str() {
                        "severity" => Kind::Severity,
                        _ => Kind::Text,
                    };
                    (t.as_str(), kind)
                })
                .collect();
            let mut t = Table::new(&spec);
            for row in rows {
                t.push(keep.iter().map(|i| row[*i].clone()).collect());
            }
            t
        }
        other => {
            let mut t = Table::new(&[("Value", Kind::Text)]);
            if !other.is_null() {
                t.push(vec![cell(other)]);
            }
            t
        }
    }
}

/// A value as people read it in a scope's table: an object by the field that names it
/// (`{"value": ...}`, `{"username": ...}`, `{"name": ...}`), an empty one as nothing, and a
/// time as lists show times (a `...Time` of `"0"` is no time).
fn people_cell(key: &str, v: &Value) -> String {
    match v {
        Value::Object(o) if o.is_empty() => String::new(),
        Value::Object(o) => ["value", "username", "name", "userName", "id"]
            .iter()
            .find_map(|k| o.get(*k).filter(|x| !x.is_null()))
            .map_or_else(|| cell(v), cell),
        Value::String(s) if key.to_ascii_lowercase().ends_with("time") => {
            match crate::time::parse_api_time(s) {
                Some(t) => crate::time::table_time(t),
                None if s == "0" || s.is_empty() => String::new(),
                None => s.clone(),
            }
        }
        other => cell(other),
    }
}

fn title_case(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
