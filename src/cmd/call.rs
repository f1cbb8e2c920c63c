//! `lwctl api METHOD PATH`: any `/api/v2/` endpoint through lwctl's own client (the command is
//! `api`; the file is `call.rs` beside the `api` client module).

use super::Ctx;
use crate::cli::{ApiArgs, ApiMethod};
use crate::error::{ApiError, Cause, UsageError};
use crate::output::{Format, Report};
use anyhow::{Context, Result};
use reqwest::Method;
use serde_json::Value;
use std::collections::HashSet;
use std::io::{Read, Write};

/// `--paginate` follows at most this many pages (50 million rows at the API's page size).
const MAX_PAGES: usize = 10_000;

pub fn run(ctx: &Ctx, args: ApiArgs) -> Result<()> {
    let path = endpoint(&args.path)?;
    let body = args.data.as_deref().map(data).transpose()?;
    let method = match args.method {
        ApiMethod::Get => Method::GET,
        ApiMethod::Post => Method::POST,
        ApiMethod::Patch => Method::PATCH,
        ApiMethod::Delete => Method::DELETE,
    };
    if args.paginate && method != Method::GET {
        return Err(UsageError::new("--paginate follows pages of a GET only").into());
    }
    let client = ctx.client()?;
    let answer = client.raw(method, &path, body)?.unwrap_or(Value::Null);
    let format = ctx.ui.format.unwrap_or(Format::Json);
    if !args.paginate {
        return ctx.ui.emit_as(
            format,
            &Report {
                json: &answer,
                table: None,
                text: Some(format!("{answer:#}\n")),
            },
        );
    }
    // Every page's `data`, streamed: json as one array, ndjson a line each.
    let mut out = std::io::stdout().lock();
    let mut first = true;
    let mut page = answer;
    let mut links = HashSet::new();
    for _ in 0..MAX_PAGES {
        for item in page["data"].as_array().into_iter().flatten() {
            match format {
                Format::Ndjson => writeln!(out, "{item}")?,
                _ => {
                    out.write_all(if first { b"[\n" } else { b",\n" })?;
                    write!(out, "{item}")?;
                }
            }
            first = false;
        }
        let next = page["paging"]["urls"]["nextPage"]
            .as_str()
            .filter(|s| !s.is_empty())
            .map(str::to_owned);
        let Some(next) = next else {
            if format != Format::Ndjson {
                out.write_all(if first { b"[]\n" } else { b"\n]\n" })?;
            }
            out.flush()?;
            return Ok(());
        };
        if !links.insert(next.clone()) {
            break;
        }
        page = client.raw(Method::GET, &next, None)?.unwrap_or(Value::Null);
    }
    Err(ApiError::Unavailable {
        cause: Cause::PageLoop,
        what: format!("the nextPage links of {path} loop, or run past {MAX_PAGES} pages"),
        hint: None,
    }
    .into())
}

/// The path, checked to be an `/api/v2/` endpoint of the configured host: no scheme, no other
/// host, no way out of `/api/v2/`.
fn endpoint(path: &str) -> Result<String> {
    let p = path.trim();
    let p = if p.starts_with("api/v2/") {
        format!("/{p}")
    } else {
        p.to_owned()
    };
    let bad = !p.starts_with("/api/v2/")
        || p.starts_with("//")
        || p.contains("://")
        || p.split(['/', '?'])
            .any(|seg| seg == ".." || seg == "%2e%2e" || seg == "%2E%2E")
        || p.contains('\\');
    if bad {
        return Err(UsageError::new(format!(
            "'{path}' is not an /api/v2/ endpoint of the configured host"
        ))
        .hint("give a path such as /api/v2/UserProfile; the host comes from the account")
        .into());
    }
    Ok(p)
}

/// `-d`: inline JSON, `@FILE`, or `@-` for stdin; checked to be JSON before anything is sent.
fn data(arg: &str) -> Result<Value> {
    let text = match arg.strip_prefix('@') {
        Some("-") => {
            let mut s = String::new();
            std::io::stdin()
                .lock()
                .take(16 << 20)
                .read_to_string(&mut s)
                .context("cannot read the body from stdin")?;
            s
        }
        Some(file) => std::fs::read_to_string(file)
            .map_err(|e| UsageError::new(format!("cannot read -d @{file}: {e}")))?,
        None => arg.to_owned(),
    };
    serde_json::from_str(&text).map_err(|e| {
        UsageError::new(format!(
            "-d is not valid JSON at line {}, column {}",
            e.line(),
            e.column()
        ))
        .into()
    })
}
