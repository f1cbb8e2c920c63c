//! `lwctl alerts list` and `lwctl alerts get`.

use super::Ctx;
use crate::api::alerts::Scope;
use crate::cli::{GetArgs, ListArgs, NormalizeOpts, TimeArg};
use crate::error::UsageError;
use crate::fetch::{Flow, Sink, Walk};
use crate::filter::Filters;
use crate::normalize::{self, Alert, Normalizer, Options};
use crate::output::Format;
use crate::window::{Seen, Window};
use anyhow::Result;
use chrono::{DateTime, Utc};
use serde_json::value::RawValue;
use serde_json::Value;
use std::io::{self, BufWriter, Write};

/// IDs are remembered this long before a piece boundary, for servers that return an alert on
/// both sides of one.
const BOUNDARY: chrono::Duration = chrono::Duration::minutes(1);

/// Says so when a piece held more rows than the API returns for one query.
pub fn warn_capped(ctx: &Ctx, stats: &crate::fetch::WalkStats) {
    for w in &stats.capped {
        ctx.ui.warn(format!(
            "{}..{} holds over {} alerts even split down to 2 seconds; the API may have left some out",
            crate::time::rfc3339(w.start),
            crate::time::rfc3339(w.end),
            crate::window::MAX_ROWS
        ));
    }
}

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

pub fn filters(args: &crate::cli::FilterArgs) -> Filters {
    Filters {
        severity: args.severity.clone(),
        status: args.status,
        alert_type: args.alert_type.clone(),
    }
}

/// The normalizer for `--normalize`, with the account and subaccount of the pull.
pub fn normalizer(ctx_client: &crate::api::Client, opts: &NormalizeOpts) -> Option<Normalizer> {
    opts.normalize.then(|| {
        let creds = ctx_client.credentials();
        Normalizer::new(Options {
            ladder: opts.severity_ladder,
            account: Some(creds.account.name.clone()),
            subaccount: creds.subaccount.clone(),
        })
    })
}

pub fn list(ctx: &Ctx, args: ListArgs) -> Result<()> {
    let window = resolve_window(args.start, args.end, crate::time::now())?;
    let client = ctx.client()?;
    let filters = filters(&args.filters);
    let format = ctx.ui.format();
    let mut sink = ListSink {
        format,
        out: BufWriter::with_capacity(128 << 10, io::stdout().lock()),
        csv_header: false,
        normalizer: normalizer(&client, &args.normalize),
        line: Vec::new(),
        rows: Vec::new(),
        written: 0,
        limit: args.limit,
    };
    let progress = ctx.ui.progress();
    let mut seen = Seen::default();
    let stats = if args.limit == Some(0) {
        Ok(Default::default())
    } else {
        Walk {
            client: &client,
            filters: &filters,
            seen: &mut seen,
            keep: BOUNDARY,
            max_piece: crate::window::MAX_PIECE,
            progress: &progress,
        }
        .run(window, &mut sink)
    };
    progress.finish_and_clear();
    let stats = stats?;
    sink.finish()?;
    warn_capped(ctx, &stats);
    if let Some(w) = sink.normalizer.as_ref().and_then(|n| n.unknown.warning()) {
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
    Ok(())
}

const RAW_COLUMNS: [&str; 10] = [
    "alertId",
    "startTime",
    "endTime",
    "severity",
    "status",
    "alertType",
    "alertName",
    "subject",
    "description",
    "policyId",
];

const EVENT_COLUMNS: [&str; 12] = [
    "external_id",
    "created_at",
    "severity",
    "status",
    "event_type",
    "title",
    "description",
    "rule_name",
    "category",
    "source",
    "account",
    "subaccount",
];

struct Row {
    start_ms: i64,
    cells: [String; 6],
}

struct ListSink<W: Write> {
    format: Format,
    out: BufWriter<W>,
    /// Whether the CSV header is out.
    csv_header: bool,
    normalizer: Option<Normalizer>,
    /// The current event line when normalizing.
    line: Vec<u8>,
    rows: Vec<Row>,
    written: u64,
    limit: Option<u64>,
}

impl<W: Write> ListSink<W> {
    fn event(&self) -> Result<Value> {
        Ok(serde_json::from_slice(&self.line)?)
    }

    fn record(&mut self, id: &str, alert: &Alert, raw: &RawValue) -> Result<()> {
        if let Some(n) = &mut self.normalizer {
            self.line.clear();
            n.push_alert(alert, raw.get().as_bytes(), &mut self.line)
                .map_err(|e| anyhow::anyhow!("cannot normalize alert {id}: {}", e.message))?;
        }
        let text = |t: &normalize::Text| t.value().unwrap_or_default().into_owned();
        match self.format {
            Format::Ndjson | Format::Json => {
                if self.format == Format::Json {
                    self.out
                        .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                }
                if self.normalizer.is_some() {
                    let line = self.line.strip_suffix(b"\n").unwrap_or(&self.line);
                    self.out.write_all(line)?;
                } else {
                    normalize::write_compact_to(&mut self.out, raw.get().as_bytes())?;
                }
                if self.format == Format::Ndjson {
                    self.out.write_all(b"\n")?;
                }
            }
            Format::Csv => {
                let record: Vec<String> = if self.normalizer.is_some() {
                    let e = self.event()?;
                    EVENT_COLUMNS.iter().map(|c| cell(&e[*c])).collect()
                } else {
                    vec![
                        id.to_owned(),
                        text(&alert.start_time),
                        text(&alert.end_time),
                        text(&alert.severity),
                        text(&alert.status),
                        text(&alert.alert_type),
                        text(&alert.alert_name),
                        text(&alert.alert_info.subject),
                        text(&alert.alert_info.description),
                        text(&alert.policy_id),
                    ]
                };
                self.csv_header()?;
                self.out.write_all(&csv_line(&record)?)?;
            }
            Format::Table => {
                let start_ms = normalize::start_millis(alert).unwrap_or(i64::MAX);
                let cells = if self.normalizer.is_some() {
                    let e = self.event()?;
                    [
                        "external_id",
                        "severity",
                        "status",
                        "event_type",
                        "title",
                        "created_at",
                    ]
                    .map(|c| cell(&e[c]))
                } else {
                    [
                        id.to_owned(),
                        text(&alert.severity),
                        text(&alert.status),
                        text(&alert.alert_type),
                        alert
                            .alert_name
                            .value()
                            .or(alert.alert_info.subject.value())
                            .unwrap_or_default()
                            .into_owned(),
                        alert
                            .start_time
                            .value()
                            .and_then(|t| crate::time::parse_api_time(&t))
                            .map(|t| t.format("%Y-%m-%d %H:%M:%SZ").to_string())
                            .unwrap_or_else(|| text(&alert.start_time)),
                    ]
                };
                self.rows.push(Row { start_ms, cells });
            }
        }
        self.written += 1;
        Ok(())
    }

    fn csv_header(&mut self) -> Result<()> {
        if !self.csv_header {
            let header: &[&str] = if self.normalizer.is_some() {
                &EVENT_COLUMNS
            } else {
                &RAW_COLUMNS
            };
            self.out.write_all(&csv_line(header)?)?;
            self.csv_header = true;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        match self.format {
            Format::Json => {
                self.out
                    .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
            }
            Format::Csv => self.csv_header()?,
            Format::Table if !self.rows.is_empty() => {
                self.rows.sort_by_key(|r| r.start_ms);
                let mut table = crate::output::table();
                table.set_header([
                    "Alert ID",
                    "Severity",
                    "Status",
                    "Type",
                    "Name",
                    "Start Time",
                ]);
                for r in &self.rows {
                    table.add_row(r.cells.iter());
                }
                writeln!(self.out, "{table}")?;
            }
            _ => {}
        }
        self.out.flush()?;
        Ok(())
    }
}

impl<W: Write> Sink for ListSink<W> {
    fn alert(&mut self, id: &str, alert: &Alert, raw: &RawValue) -> Result<Flow> {
        self.record(id, alert, raw)?;
        Ok(match self.limit {
            Some(l) if self.written >= l => Flow::Stop,
            _ => Flow::Continue,
        })
    }

    fn page_done(&mut self) -> Result<Flow> {
        self.out.flush()?;
        Ok(Flow::Continue)
    }
}

/// One CSV record, quoted as needed, with its line end.
fn csv_line<T: AsRef<[u8]>>(fields: &[T]) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(fields)?;
    Ok(w.into_inner().map_err(|e| e.into_error())?)
}

/// A JSON value as a table or CSV cell: strings bare, null empty, the rest as JSON.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

pub fn get(ctx: &Ctx, args: GetArgs) -> Result<()> {
    let format = ctx.ui.format.unwrap_or(Format::Json);
    if format == Format::Csv {
        return Err(UsageError::new("alerts get prints json, ndjson or table, not csv").into());
    }
    let client = ctx.client()?;
    let data = client.alert_scope(args.id, args.scope)?;
    let empty = match &data {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    };
    let mut text = match format {
        Format::Table => render_table(&data, args.scope),
        Format::Ndjson => serde_json::to_string(&data)?,
        _ if ctx.ui.stdout_tty => serde_json::to_string_pretty(&data)?,
        _ => serde_json::to_string(&data)?,
    };
    text.push('\n');
    if ctx.ui.stdout_tty {
        let creds = client.credentials();
        let account = creds
            .subaccount
            .clone()
            .unwrap_or_else(|| creds.account.name.clone());
        text.push_str(&format!(
            "\nhttps://{}/ui/investigation/monitor/AlertInbox/{}/details?accountName={account}\n",
            creds.account.host, args.id
        ));
    }
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    if empty {
        ctx.ui.info(format!(
            "alert {} has no {} data",
            args.id,
            args.scope.api_name()
        ));
    }
    Ok(())
}

/// Renders a scope's data: an object as Field | Value (nested objects flattened one level, as
/// `alertInfo.subject`), a list of objects as one row each, anything else as JSON.
fn render_table(data: &Value, scope: Scope) -> String {
    let mut table = crate::output::table();
    let shorten = |v: &Value| {
        let s = cell(v);
        if s.chars().count() > 200 {
            format!("{}…", s.chars().take(199).collect::<String>())
        } else {
            s
        }
    };
    let single = match data {
        Value::Array(a) if a.len() == 1 && a[0].is_object() && scope == Scope::Details => &a[0],
        other => other,
    };
    match single {
        Value::Object(map) => {
            table.set_header(["Field", "Value"]);
            for (k, v) in map {
                match v {
                    Value::Object(inner) if !inner.is_empty() => {
                        for (ik, iv) in inner {
                            table.add_row([format!("{k}.{ik}"), shorten(iv)]);
                        }
                    }
                    _ => {
                        table.add_row([k.clone(), shorten(v)]);
                    }
                }
            }
        }
        Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_object) => {
            let mut columns: Vec<String> = Vec::new();
            for item in items {
                for k in item.as_object().into_iter().flat_map(|o| o.keys()) {
                    if !columns.contains(k) {
                        columns.push(k.clone());
                    }
                }
            }
            table.set_header(columns.iter().map(|c| title_case(c)));
            for item in items {
                table.add_row(columns.iter().map(|c| shorten(&item[c.as_str()])));
            }
        }
        Value::Null => return "(no data)".into(),
        Value::Array(a) if a.is_empty() => return "(no data)".into(),
        other => return serde_json::to_string_pretty(other).unwrap_or_default(),
    }
    table.to_string()
}

fn title_case(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
