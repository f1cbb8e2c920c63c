//! `lwctl auth test`: can this key read alerts, and if not, why. The checklist is shown
//! whether the test passes or fails, with the failing step marked and the hint under it.

use super::Ctx;
use crate::api::{Client, TokenSource};
use crate::config::mask;
use crate::error::ApiError;
use crate::filter::Filters;
use crate::output::{Format, Report};
use crate::window::Window;
use anstyle::{AnsiColor, Style};
use anyhow::Result;
use chrono::Utc;
use serde_json::{json, Map, Value};
use std::time::Instant;

/// How a step of the test went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Ok,
    Failed,
    /// Not reached: an earlier step failed.
    Skipped,
    /// A fact, not a check.
    Info,
}

/// The checklist: one row a step, in order.
#[derive(Default)]
struct Checklist {
    rows: Vec<(&'static str, Mark, String)>,
    json: Map<String, Value>,
    failed: Option<(&'static str, String, Option<String>, u8)>,
}

impl Checklist {
    fn row(&mut self, step: &'static str, mark: Mark, text: impl Into<String>) {
        self.rows.push((step, mark, text.into()));
    }

    fn fail(&mut self, step: &'static str, err: &anyhow::Error) {
        let message = format!("{err:#}");
        self.row(step, Mark::Failed, message.clone());
        self.failed = Some((
            step,
            message,
            crate::error::hint(err),
            crate::error::exit_code(err) as u8,
        ));
    }

    /// The checklist for people: within `width` columns, each line wrapped at words under its
    /// text (a hint under the hint's text).
    fn text(&self, color: bool, width: Option<usize>) -> String {
        let fit = |line: String, indent: usize| match width {
            Some(w) => crate::output::wrap(&line, w, indent),
            None => line,
        };
        let paint = |mark: Mark| {
            let (sym, c) = match mark {
                Mark::Ok => ("✓", Some(AnsiColor::Green)),
                Mark::Failed => ("✗", Some(AnsiColor::Red)),
                Mark::Skipped => ("-", None),
                Mark::Info => (" ", None),
            };
            let style = Style::new().bold().fg_color(c.map(Into::into));
            if color {
                format!("{style}{sym}{style:#}")
            } else {
                sym.to_owned()
            }
        };
        let mut out = String::new();
        for (step, mark, text) in &self.rows {
            let row = format!("{} {step:<11} {}", paint(*mark), crate::table::escape(text));
            out.push_str(&fit(row, 14));
            out.push('\n');
            if *mark == Mark::Failed {
                if let Some((_, _, Some(hint), _)) = &self.failed {
                    for line in hint.lines() {
                        // A command to copy: under the step's text, whole, without the label.
                        match line.strip_prefix(crate::error::COMMAND) {
                            Some(cmd) => out.push_str(&format!("  {:<11} {cmd}", "")),
                            None => out.push_str(&fit(format!("  {:<11} hint: {line}", ""), 20)),
                        }
                        out.push('\n');
                    }
                }
            }
        }
        out
    }

    fn emit(mut self, ctx: &Ctx) -> Result<()> {
        let ok = self.failed.is_none();
        self.json.insert("ok".into(), json!(ok));
        self.json.insert(
            "steps".into(),
            self.rows
                .iter()
                .filter(|(_, m, _)| *m != Mark::Info)
                .map(|(step, mark, text)| {
                    json!({"step": step.trim(), "ok": *mark == Mark::Ok, "skipped": *mark == Mark::Skipped, "detail": text})
                })
                .collect(),
        );
        if let Some((step, error, hint, code)) = &self.failed {
            self.json.insert("failed_step".into(), json!(step));
            self.json.insert("error".into(), json!(error));
            self.json.insert("hint".into(), json!(hint));
            self.json.insert("exit_code".into(), json!(code));
        }
        let text = self.text(ctx.ui.color, ctx.ui.width);
        ctx.ui.emit(&Report {
            json: &Value::Object(self.json),
            table: None,
            text: Some(text),
        })
    }
}

pub fn test(ctx: &Ctx, args: crate::cli::AuthTestArgs) -> Result<()> {
    crate::error::running("auth test");
    if args.accounts.many() {
        return test_many(ctx, &args.accounts);
    }
    let mut list = Checklist::default();
    let client = match ctx.client() {
        Ok(c) => c,
        Err(e) => {
            list.fail("credentials", &e);
            list.row("token", Mark::Skipped, "not tried");
            list.row("alerts", Mark::Skipped, "not tried");
            return failed(ctx, list, e);
        }
    };
    match run(&client, &mut list) {
        Ok(()) => list.emit(ctx),
        Err(e) => failed(ctx, list, e),
    }
}

/// Prints the checklist of a failed test. A table already shows the error and its hint, so
/// stderr gets one short line; with json the error goes to stderr whole, for logs.
fn failed(ctx: &Ctx, list: Checklist, e: anyhow::Error) -> Result<()> {
    let step = list.failed.as_ref().map_or("", |f| f.0);
    let table = ctx.ui.format() == Format::Table;
    list.emit(ctx)?;
    if table {
        return Err(crate::error::Partial {
            exit: crate::error::exit_code(&e),
            summary: format!("auth test failed at the {step} step (see above)"),
        }
        .into());
    }
    Err(e)
}

/// The steps, each recorded in the checklist as it goes.
fn run(client: &Client, list: &mut Checklist) -> Result<()> {
    let creds = client.credentials().clone();
    let key = creds.key_id().map(mask);
    list.row("host", Mark::Info, client.host());
    list.row("account", Mark::Info, creds.account.name.clone());
    list.row(
        "subaccount",
        Mark::Info,
        creds.subaccount.clone().unwrap_or_else(|| "(none)".into()),
    );
    list.row(
        "key id",
        Mark::Info,
        key.clone().unwrap_or_else(|| "(LW_API_TOKEN)".into()),
    );
    list.json.insert("host".into(), json!(client.host()));
    list.json
        .insert("account".into(), json!(creds.account.name));
    list.json
        .insert("subaccount".into(), json!(creds.subaccount));
    list.json.insert("key_id".into(), json!(key));

    // The credential test: the key is exchanged every time, never vouched for by the cache.
    let started = Instant::now();
    let fresh = match creds.auth {
        crate::config::Auth::Key { .. } => client.exchange().map(|_| ()),
        crate::config::Auth::Token(_) => client.ensure_token(),
    };
    if let Err(e) = fresh {
        let e = anyhow::Error::from(e);
        list.fail("token", &e);
        list.row("alerts", Mark::Skipped, "not tried");
        return Err(e);
    }
    let token_ms = started.elapsed().as_millis() as u64;
    let stats = client.stats();
    let source = match stats.token_source {
        Some(TokenSource::Cache) => "cache",
        Some(TokenSource::Exchange) => "exchange",
        Some(TokenSource::Environment) => "LW_API_TOKEN",
        None => "unknown",
    };
    let left = stats.token_expires_at.map(|t| {
        let mins = (t - Utc::now()).num_minutes();
        format!(", expires {} (in {mins} min)", crate::time::rfc3339(t))
    });
    list.row(
        "token",
        Mark::Ok,
        format!(
            "OK from {source}{}, {token_ms} ms",
            left.unwrap_or_default()
        ),
    );
    list.json.insert("token_source".into(), json!(source));
    list.json.insert(
        "token_expires_at".into(),
        json!(stats.token_expires_at.map(crate::time::rfc3339)),
    );
    list.json.insert("token_ms".into(), json!(token_ms));

    let now = crate::time::now();
    let window = Window::new(now - chrono::Duration::minutes(10), now);
    let started = Instant::now();
    let page = match client.alerts_first_page(window, &Filters::default()) {
        Ok(page) => page,
        Err(e) => {
            let e = anyhow::Error::from(diagnose(client, window, e));
            list.fail("alerts", &e);
            list.json.insert("alerts_ok".into(), json!(false));
            return Err(e);
        }
    };
    let alerts_ms = started.elapsed().as_millis() as u64;
    let count = page.total_rows().unwrap_or(page.rows() as u64);
    list.row(
        "alerts",
        Mark::Ok,
        format!("OK, {count} in the last 10 minutes, {alerts_ms} ms"),
    );
    let remaining = client.stats().rate_limit_remaining;
    list.row(
        "rate limit",
        Mark::Info,
        remaining
            .map(|r| format!("{r} requests left"))
            .unwrap_or_else(|| "(not reported)".into()),
    );
    list.json.insert("alerts_ok".into(), json!(true));
    list.json.insert("alerts_last_10m".into(), json!(count));
    list.json.insert("alerts_ms".into(), json!(alerts_ms));
    list.json
        .insert("rate_limit_remaining".into(), json!(remaining));
    Ok(())
}

/// A 403 with a subaccount: asks again without `Account-Name` to tell a key that cannot reach
/// the subaccount from one that cannot read alerts at all.
fn diagnose(client: &Client, window: Window, e: ApiError) -> ApiError {
    let creds = client.credentials();
    match e {
        ApiError::Forbidden { path, message, .. } if creds.subaccount.is_some() => {
            let sub = creds.subaccount.as_deref().unwrap_or_default();
            // Asked again without Account-Name, with the same token.
            client.use_account(None);
            let plain = client
                .alerts_first_page(window, &Filters::default())
                .is_ok();
            client.use_account(Some(sub));
            // UserProfile says which of the likely causes it is: a key made inside another
            // subaccount, or a user with no access to this one.
            let hint = match (client.forbidden_hint(sub), plain) {
                (Some(h), _) => h,
                (None, true) => format!(
                    "the key works without a subaccount, so it cannot reach subaccount '{sub}': \
                     clear --subaccount / LW_SUBACCOUNT, or give the key's user access to '{sub}'"
                ),
                (None, false) => format!(
                    "the key cannot read alerts with or without subaccount '{sub}': check the \
                     key's role in the Lacework console"
                ),
            };
            ApiError::Forbidden {
                path,
                message,
                hint: Some(hint),
            }
        }
        other => other,
    }
}

/// `auth test --all-subaccounts|--subaccounts`: the key exchanged once, then one row per
/// account: reachable, the `/Alerts` answer, alerts in the last 24 hours, and the error with its
/// hint. Exit 0 only if every account passes, else the worst code.
fn test_many(ctx: &Ctx, args: &crate::cli::AccountsArgs) -> Result<()> {
    let client = ctx.client()?;
    client.use_account(None);
    if let crate::config::Auth::Key { .. } = client.credentials().auth {
        client.exchange()?;
    }
    let accounts = crate::accounts::select(ctx, &client, args)?.unwrap_or_default();
    let now = crate::time::now();
    let window = Window::new(now - chrono::Duration::hours(24), now);
    let mut table = crate::table::Table::new(&[
        ("Account", crate::table::Kind::Fixed),
        ("Reachable", crate::table::Kind::Fixed),
        ("/Alerts", crate::table::Kind::Fixed),
        ("Last 24 h", crate::table::Kind::Fixed),
        ("Error", crate::table::Kind::Text),
    ]);
    let mut rows = Vec::new();
    let mut failed: Vec<(String, crate::error::Exit)> = Vec::new();
    let mut errors: Vec<(String, anyhow::Error)> = Vec::new();
    for (i, account) in accounts.iter().enumerate() {
        client.use_account(Some(account));
        client.plan_ahead((accounts.len() - i) as u64);
        let row = match client.alerts_first_page(window, &Filters::default()) {
            Ok(page) => {
                let count = page.total_rows().unwrap_or(page.rows() as u64);
                let status = if page.rows() == 0 {
                    "204 (none)"
                } else {
                    "200"
                };
                client.reuse_body(page.into_body());
                table.push(vec![
                    account.clone(),
                    "yes".into(),
                    status.into(),
                    count.to_string(),
                    String::new(),
                ]);
                json!({"account": account, "ok": true, "reachable": true, "alerts_status": status.split(' ').next().and_then(|s| s.parse::<u16>().ok()), "alerts_24h": count, "error": null, "hint": null, "exit_code": 0})
            }
            Err(e) => {
                let status = api_status(&e);
                let forbidden = matches!(e, ApiError::Forbidden { .. });
                let e = anyhow::Error::from(e);
                let code = crate::error::exit_code(&e);
                let hint = if forbidden {
                    Some(format!("this key cannot reach '{account}': the user has no access to it, or the key was made inside another subaccount"))
                } else {
                    crate::error::hint(&e)
                };
                let message = format!("{e:#}");
                // The cell says what; the error and its hint follow the table whole, on stderr.
                table.push(vec![
                    account.clone(),
                    if forbidden { "no" } else { "?" }.into(),
                    status.map_or("-".into(), |s| s.to_string()),
                    "-".into(),
                    message.clone(),
                ]);
                failed.push((account.clone(), code));
                let row = json!({"account": account, "ok": false, "reachable": !forbidden, "alerts_status": status, "alerts_24h": null, "error": message, "hint": hint, "exit_code": code as u8});
                errors.push((account.clone(), e));
                row
            }
        };
        rows.push(row);
    }
    client.plan_ahead(0);
    ctx.ui.emit(&Report {
        json: &Value::Array(rows),
        table: Some(&table),
        text: None,
    })?;
    for (account, e) in &errors {
        crate::accounts::report_for(account, e);
    }
    let turns = crate::accounts::Turns {
        served: accounts.len(),
        failed,
        skipped: 0,
        interrupted: 0,
    };
    if turns.failed.is_empty() {
        ctx.ui.info(format!(
            "{} account(s) reachable with one token; ratelimit_remaining: {}",
            accounts.len(),
            client
                .budget("Alerts")
                .and_then(|b| b.remaining)
                .map_or("-".into(), |r| r.to_string())
        ));
    }
    turns.finish(ctx, "passed")
}

/// The HTTP status behind an API error, where there was one.
fn api_status(e: &ApiError) -> Option<u16> {
    match e {
        ApiError::Forbidden { .. } => Some(403),
        ApiError::NotFound { status, .. } | ApiError::Rejected { status, .. } => Some(*status),
        ApiError::RateLimited { .. } => Some(429),
        ApiError::Unauthorized { .. } => Some(401),
        ApiError::Unavailable {
            cause: crate::error::Cause::Status(s),
            ..
        } => Some(*s),
        _ => None,
    }
}

/// The formats `auth test` prints.
pub const FORMATS: &[Format] = &[Format::Table, Format::Json, Format::Ndjson];
