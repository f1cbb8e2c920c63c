//! What every pull of alerts shares, `alerts list` and `alerts poll` alike: the filters from
//! the flags, the normalizer, the format events print in, and the walk's warnings.

use crate::cli::NormalizeOpts;
use crate::context::Ctx;
use crate::error::UsageError;
use crate::filter::Filters;
use crate::normalize::Normalizer;
use crate::output::Format;
use crate::schema::Options;

/// Says so when a piece held more rows than the API returns for one query.
pub fn warn_capped(ctx: &Ctx, stats: &crate::fetch::WalkStats) {
    if stats.skipped > 0 {
        ctx.ui.alarm(format!(
            "skipped {} alert(s) that cannot be used (--skip-invalid); the first:\n  {}",
            stats.skipped,
            stats.skipped_first.join("\n  ")
        ));
    }
    if stats.odd_times > 0 {
        ctx.ui.warn(format!(
            "{} alert(s) came back with a startTime outside the window asked for, or none; each is written once all the same (see README, \"Alerts with odd times\")",
            stats.odd_times
        ));
    }
    for w in &stats.capped {
        ctx.ui.alarm(format!(
            "{}..{} holds over {} alerts even split down to 10 minutes; the API may have left some out",
            crate::time::rfc3339(w.start),
            crate::time::rfc3339(w.end),
            crate::window::MAX_ROWS
        ));
    }
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
            schema: opts.schema,
            ladder: opts.severity_ladder,
            account: Some(creds.account.name.clone()),
            subaccount: ctx_client.subaccount(),
            update: None,
        })
    })
}

/// The format alert streams print in: `-o` as asked, else `default`. OCSF and ECS events are
/// nested JSON, so they print as JSON lines by default and have no table or csv form.
pub fn stream_format(
    ctx: &Ctx,
    schema: crate::schema::Schema,
    default: Format,
) -> Result<Format, UsageError> {
    if schema == crate::schema::Schema::Aisoc {
        return Ok(ctx.ui.format.unwrap_or(default));
    }
    match ctx.ui.format {
        None => Ok(Format::Ndjson),
        Some(f @ (Format::Table | Format::Csv)) => Err(UsageError::new(format!(
            "--schema {} events are nested JSON, with no {} form",
            schema.name(),
            f.name()
        ))
        .hint("use -o ndjson (one event a line) or -o json")),
        Some(f) => Ok(f),
    }
}

/// Events of many accounts in one stream must say which account each came from; raw alerts do
/// not.
pub fn one_stream_needs_normalize(other: &str) -> UsageError {
    UsageError::new(
        "alerts of many accounts in one stream must say which account each came from, and raw Lacework alerts carry no account",
    )
    .hint(format!(
        "add --normalize: each event then carries its subaccount ({other})"
    ))
}
