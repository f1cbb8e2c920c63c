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

    fn text(&self, color: bool) -> String {
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
            out.push_str(&format!(
                "{} {step:<11} {}\n",
                paint(*mark),
                crate::table::escape(text)
            ));
            if *mark == Mark::Failed {
                if let Some((_, _, Some(hint), _)) = &self.failed {
                    for line in hint.lines() {
                        out.push_str(&format!("  {:<11} hint: {line}\n", ""));
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
        let text = self.text(ctx.ui.color);
        ctx.ui.emit(&Report {
            json: &Value::Object(self.json),
            table: None,
            text: Some(text),
        })
    }
}

pub fn test(ctx: &Ctx) -> Result<()> {
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
            let plain = client
                .without_subaccount()
                .map(|c| c.alerts_first_page(window, &Filters::default()).is_ok());
            let hint = match plain {
                Ok(true) => format!(
                    "the key works without a subaccount, so it cannot reach subaccount '{sub}': \
                     clear --subaccount / LW_SUBACCOUNT, or create an API key inside '{sub}' \
                     (a key made inside one subaccount cannot reach the others)"
                ),
                _ => format!(
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

/// The formats `auth test` prints.
pub const FORMATS: &[Format] = &[Format::Table, Format::Json, Format::Ndjson];
