//! `lwctl auth test`: can this key read alerts, and if not, why.

use super::Ctx;
use crate::api::TokenSource;
use crate::config::mask;
use crate::error::ApiError;
use crate::filter::Filters;
use crate::output::Format;
use crate::window::Window;
use anyhow::Result;
use chrono::Utc;
use serde_json::json;
use std::io::Write;
use std::time::Instant;

pub fn test(ctx: &Ctx) -> Result<()> {
    let client = ctx.client()?;
    let creds = client.credentials().clone();

    let started = Instant::now();
    client.ensure_token()?;
    let token_ms = started.elapsed().as_millis() as u64;

    let now = crate::time::now();
    let window = Window::new(now - chrono::Duration::minutes(10), now);
    let started = Instant::now();
    let page = match client.alerts_first_page(window, &Filters::default()) {
        Ok(page) => page,
        Err(ApiError::Forbidden { path, message, .. }) if creds.subaccount.is_some() => {
            let sub = creds.subaccount.as_deref().unwrap_or_default();
            // Without Account-Name: does the key work at all?
            let plain = client.without_subaccount()?;
            let hint = match plain.alerts_first_page(window, &Filters::default()) {
                Ok(_) => format!(
                    "the key works without a subaccount, so it cannot reach subaccount '{sub}': \
                     clear --subaccount / LW_SUBACCOUNT, or create an API key inside '{sub}' \
                     (a key made inside one subaccount cannot reach the others)"
                ),
                Err(_) => format!(
                    "the key cannot read alerts with or without subaccount '{sub}': check the \
                     key's role in the Lacework console"
                ),
            };
            return Err(ApiError::Forbidden {
                path,
                message,
                hint: Some(hint),
            }
            .into());
        }
        Err(e) => return Err(e.into()),
    };
    let alerts_ms = started.elapsed().as_millis() as u64;
    let stats = client.stats();
    let count = page.total_rows().unwrap_or(page.rows() as u64);
    let source = match stats.token_source {
        Some(TokenSource::Cache) => "cache",
        Some(TokenSource::Exchange) => "exchange",
        Some(TokenSource::Environment) => "LW_API_TOKEN",
        None => "unknown",
    };
    let expires = stats.token_expires_at.map(crate::time::rfc3339);
    let key = creds.key_id().map(mask);

    let mut text = String::new();
    if ctx.ui.format() == Format::Table {
        let mut row = |k: &str, v: String| text.push_str(&format!("{k:<12} {v}\n"));
        row("host", client.host());
        row("account", creds.account.name.clone());
        row(
            "subaccount",
            creds.subaccount.clone().unwrap_or_else(|| "(none)".into()),
        );
        row(
            "key id",
            key.clone().unwrap_or_else(|| "(LW_API_TOKEN)".into()),
        );
        let left = stats.token_expires_at.map(|t| {
            let mins = (t - Utc::now()).num_minutes();
            format!(", expires {} (in {mins} min)", crate::time::rfc3339(t))
        });
        row(
            "token",
            format!(
                "OK from {source}{}, {token_ms} ms",
                left.unwrap_or_default()
            ),
        );
        row(
            "alerts",
            format!("OK, {count} in the last 10 minutes, {alerts_ms} ms"),
        );
        row(
            "rate limit",
            stats
                .rate_limit_remaining
                .map(|r| format!("{r} requests left"))
                .unwrap_or_else(|| "(not reported)".into()),
        );
    } else {
        let report = json!({
            "ok": true,
            "host": client.host(),
            "account": creds.account.name,
            "subaccount": creds.subaccount,
            "key_id": key,
            "token_source": source,
            "token_expires_at": expires,
            "token_ms": token_ms,
            "alerts_ok": true,
            "alerts_last_10m": count,
            "alerts_ms": alerts_ms,
            "rate_limit_remaining": stats.rate_limit_remaining,
        });
        text = format!("{report}\n");
    }
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}
