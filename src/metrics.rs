//! `alerts poll --metrics FILE`: a Prometheus text-exposition file for node_exporter's
//! textfile collector, written after every run (and every `--every` cycle), success or
//! failure. Base units (seconds), `HELP` and `TYPE` for every family, counters ending in
//! `_total`, one series per account (`account` label), no secret ever. Written atomically:
//! a temp file beside it, then a rename, so the collector never reads half a file.

use crate::poll::Health;
use chrono::{DateTime, Utc};
use std::fmt::Write as _;
use std::path::Path;

/// One account's figures: its name, its health and its cursor.
pub struct Series<'a> {
    pub account: &'a str,
    pub health: &'a Health,
    pub cursor: Option<DateTime<Utc>>,
    /// `--track-status`: the alerts followed.
    pub tracked: Option<usize>,
}

/// The exposition text for these accounts at `now`.
pub fn render(series: &[Series], now: DateTime<Utc>) -> String {
    let secs = |t: DateTime<Utc>| t.timestamp_millis() as f64 / 1000.0;
    let mut out = String::new();
    let mut family =
        |name: &str, kind: &str, help: &str, values: &mut dyn Iterator<Item = (String, f64)>| {
            let values: Vec<(String, f64)> = values.collect();
            if values.is_empty() {
                return;
            }
            let _ = writeln!(out, "# HELP {name} {help}");
            let _ = writeln!(out, "# TYPE {name} {kind}");
            for (labels, v) in values {
                let _ = writeln!(out, "{name}{{{labels}}} {}", number(v));
            }
        };
    let label = |s: &Series| format!("account=\"{}\"", escape(s.account));
    family(
        "lwctl_poll_last_success_timestamp_seconds",
        "gauge",
        "When a poll run last succeeded, in Unix time.",
        &mut series
            .iter()
            .filter_map(|s| Some((label(s), secs(s.health.last_success?)))),
    );
    family(
        "lwctl_poll_last_run_timestamp_seconds",
        "gauge",
        "When a poll run last ran, in Unix time.",
        &mut series
            .iter()
            .filter_map(|s| Some((label(s), secs(s.health.last_run?)))),
    );
    family(
        "lwctl_poll_last_exit_code",
        "gauge",
        "The exit code of the last poll run (0 is success; see lwctl's exit codes).",
        &mut series
            .iter()
            .map(|s| (label(s), f64::from(s.health.last_exit))),
    );
    family(
        "lwctl_poll_duration_seconds",
        "gauge",
        "How long the last poll run took.",
        &mut series.iter().map(|s| (label(s), s.health.duration_s)),
    );
    family(
        "lwctl_poll_alerts_written_total",
        "counter",
        "Alerts written by the poll.",
        &mut series
            .iter()
            .map(|s| (label(s), s.health.alerts_written as f64)),
    );
    family(
        "lwctl_poll_cursor_lag_seconds",
        "gauge",
        "Now minus the poll's cursor: how far behind the feed is.",
        &mut series.iter().filter_map(|s| {
            Some((
                label(s),
                ((now - s.cursor?).num_milliseconds() as f64 / 1000.0).max(0.0),
            ))
        }),
    );
    family(
        "lwctl_poll_late_arrivals_total",
        "counter",
        "Alerts that arrived after a later run had asked for their time.",
        &mut series
            .iter()
            .map(|s| (label(s), s.health.late_arrivals as f64)),
    );
    family(
        "lwctl_poll_max_lateness_seconds",
        "gauge",
        "The latest an alert arrived (now minus its start) in the last run that wrote any.",
        &mut series
            .iter()
            .filter_map(|s| Some((label(s), s.health.max_lateness_s? as f64))),
    );
    family(
        "lwctl_poll_updates_written_total",
        "counter",
        "Update events written by --track-status (an alert's status or last user update changed).",
        &mut series
            .iter()
            .filter(|s| s.tracked.is_some() || s.health.updates_written > 0)
            .map(|s| (label(s), s.health.updates_written as f64)),
    );
    family(
        "lwctl_poll_track_requests_total",
        "counter",
        "Requests --track-status passes spent re-reading the alerts followed.",
        &mut series
            .iter()
            .filter(|s| s.tracked.is_some() || s.health.track_requests > 0)
            .map(|s| (label(s), s.health.track_requests as f64)),
    );
    family(
        "lwctl_poll_tracked_alerts",
        "gauge",
        "Alerts --track-status follows: written, not closed, started within its window.",
        &mut series
            .iter()
            .filter_map(|s| Some((label(s), s.tracked? as f64))),
    );
    family(
        "lwctl_api_requests_total",
        "counter",
        "Requests sent to the Lacework API, by API function.",
        &mut series.iter().flat_map(|s| {
            s.health.requests.iter().map(move |(endpoint, n)| {
                (
                    format!("{},endpoint=\"{}\"", label(s), escape(endpoint)),
                    *n as f64,
                )
            })
        }),
    );
    family(
        "lwctl_api_ratelimit_remaining",
        "gauge",
        "The /Alerts rate budget left after the last run.",
        &mut series
            .iter()
            .filter_map(|s| Some((label(s), s.health.ratelimit_remaining? as f64))),
    );
    out
}

/// A sample value as the format spells it.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A label value: backslash, double quote and line feed escaped, as the format requires.
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Writes the file atomically, mode 0644 (the collector runs as another user), its missing
/// directories made 0700.
pub fn write(path: &Path, text: &str) -> anyhow::Result<()> {
    use anyhow::Context;
    use std::io::Write;
    let dir = crate::fsafe::parent(path);
    crate::fsafe::make_dirs(dir).with_context(|| {
        format!(
            "cannot create the directory of --metrics {}",
            path.display()
        )
    })?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".lwctl-metrics.")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write --metrics in {}", dir.display()))?;
    tmp.write_all(text.as_bytes())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot replace --metrics {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exposition_text() {
        let at = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut h = Health::default();
        h.record(&crate::poll::RunOutcome {
            at,
            exit: 0,
            duration_s: 1.5,
            written: 3,
            late: 1,
            max_lateness_s: Some(4200),
            requests: [("Alerts".to_string(), 2), ("access".to_string(), 1)].into(),
            ratelimit_remaining: Some(477),
            ..Default::default()
        });
        let text = render(
            &[Series {
                account: "sub-a",
                health: &h,
                cursor: Some(at - chrono::Duration::seconds(30)),
                tracked: None,
            }],
            at,
        );
        let want = "\
# HELP lwctl_poll_last_success_timestamp_seconds When a poll run last succeeded, in Unix time.
# TYPE lwctl_poll_last_success_timestamp_seconds gauge
lwctl_poll_last_success_timestamp_seconds{account=\"sub-a\"} 1800000000
# HELP lwctl_poll_last_run_timestamp_seconds When a poll run last ran, in Unix time.
# TYPE lwctl_poll_last_run_timestamp_seconds gauge
lwctl_poll_last_run_timestamp_seconds{account=\"sub-a\"} 1800000000
# HELP lwctl_poll_last_exit_code The exit code of the last poll run (0 is success; see lwctl's exit codes).
# TYPE lwctl_poll_last_exit_code gauge
lwctl_poll_last_exit_code{account=\"sub-a\"} 0
# HELP lwctl_poll_duration_seconds How long the last poll run took.
# TYPE lwctl_poll_duration_seconds gauge
lwctl_poll_duration_seconds{account=\"sub-a\"} 1.5
# HELP lwctl_poll_alerts_written_total Alerts written by the poll.
# TYPE lwctl_poll_alerts_written_total counter
lwctl_poll_alerts_written_total{account=\"sub-a\"} 3
# HELP lwctl_poll_cursor_lag_seconds Now minus the poll's cursor: how far behind the feed is.
# TYPE lwctl_poll_cursor_lag_seconds gauge
lwctl_poll_cursor_lag_seconds{account=\"sub-a\"} 30
# HELP lwctl_poll_late_arrivals_total Alerts that arrived after a later run had asked for their time.
# TYPE lwctl_poll_late_arrivals_total counter
lwctl_poll_late_arrivals_total{account=\"sub-a\"} 1
# HELP lwctl_poll_max_lateness_seconds The latest an alert arrived (now minus its start) in the last run that wrote any.
# TYPE lwctl_poll_max_lateness_seconds gauge
lwctl_poll_max_lateness_seconds{account=\"sub-a\"} 4200
# HELP lwctl_api_requests_total Requests sent to the Lacework API, by API function.
# TYPE lwctl_api_requests_total counter
lwctl_api_requests_total{account=\"sub-a\",endpoint=\"Alerts\"} 2
lwctl_api_requests_total{account=\"sub-a\",endpoint=\"access\"} 1
# HELP lwctl_api_ratelimit_remaining The /Alerts rate budget left after the last run.
# TYPE lwctl_api_ratelimit_remaining gauge
lwctl_api_ratelimit_remaining{account=\"sub-a\"} 477
";
        assert_eq!(text, want);
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
