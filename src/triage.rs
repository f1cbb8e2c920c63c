//! Bulk actions on alerts (`alerts comment`, `alerts close`) without the I/O: which alerts an
//! input names, what a look at each alert means for it, the one question asked before acting,
//! and the result recorded for each.

use crate::api::alerts::CloseReason;
use crate::window::Window;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What is done to each alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Comment,
    Close(CloseReason),
}

impl Action {
    pub fn name(self) -> &'static str {
        match self {
            Action::Comment => "comment",
            Action::Close(_) => "close",
        }
    }
}

/// The longest line read from stdin: an alert or normalized event is far shorter.
pub const MAX_LINE: usize = 4 << 20;

/// An alert named for an action: its ID and, when it came as an alert or a normalized event,
/// its `startTime`, which lets the look read it in bulk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Given {
    pub id: u64,
    pub start: Option<DateTime<Utc>>,
}

impl Given {
    pub fn bare(id: u64) -> Given {
        Given { id, start: None }
    }
}

/// The alerts one line of input names: an NDJSON alert (`alertId`, `startTime`) or normalized
/// event (`external_id`, `raw_event.startTime`), or IDs separated by spaces or commas. A blank
/// line names none.
pub fn ids_in_line(line: &str) -> Result<Vec<Given>, String> {
    let line = line.trim_start_matches('\u{feff}').trim();
    if line.is_empty() {
        return Ok(Vec::new());
    }
    if line.starts_with('{') {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(rename = "startTime")]
            start_time: Option<serde_json::Value>,
        }
        #[derive(Deserialize)]
        struct Probe {
            #[serde(rename = "alertId")]
            alert_id: Option<serde_json::Value>,
            external_id: Option<serde_json::Value>,
            #[serde(rename = "startTime")]
            start_time: Option<serde_json::Value>,
            raw_event: Option<Raw>,
        }
        let p: Probe =
            serde_json::from_str(line).map_err(|e| format!("not a JSON object ({e})"))?;
        let id = p
            .alert_id
            .or(p.external_id)
            .ok_or("a JSON object without alertId or external_id")?;
        let id = match &id {
            serde_json::Value::Number(n) => n.as_u64(),
            serde_json::Value::String(s) => s.parse().ok(),
            _ => None,
        }
        .ok_or("its alert id is not a number")?;
        // A time that does not read leaves the alert to be looked at alone.
        let start = p
            .start_time
            .or(p.raw_event.and_then(|r| r.start_time))
            .and_then(|t| t.as_str().and_then(crate::time::parse_api_time));
        return Ok(vec![Given { id, start }]);
    }
    line.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .map(|t| {
            t.parse::<u64>().map(Given::bare).map_err(|_| {
                format!("'{t}' is not an alert ID (alert IDs are numbers, like 12345)")
            })
        })
        .collect()
}

/// The alerts in order of first appearance, each once; a time any of its mentions carried is
/// kept.
pub fn dedupe(given: impl IntoIterator<Item = Given>) -> Vec<Given> {
    let mut at: HashMap<u64, usize> = HashMap::new();
    let mut out: Vec<Given> = Vec::new();
    for g in given {
        match at.get(&g.id) {
            Some(&i) => {
                out[i].start = out[i].start.or(g.start);
            }
            None => {
                at.insert(g.id, out.len());
                out.push(g);
            }
        }
    }
    out
}

/// The most alert IDs one `/Alerts/search` names in its `alertId in` filter.
pub const IDS_PER_SEARCH: usize = 1000;

/// The searches that read the timed alerts in bulk: each a window over the `startTime`s it
/// covers and the IDs it names. A window starts a second before its first start and ends a day
/// after its last (no later than `now`): the IDs keep the answer to those alerts, and a server
/// that filters on `endTime`, or on any overlap, still returns an alert whose end is within a
/// day of its start (an anomaly's hour, a policy alert's instant). A window spans at most the
/// API's 7 days, and names at most 1,000 IDs. `timed` must be sorted by time. Alerts no window
/// can hold (a start at or after `now`) are left out, for a look of their own.
pub fn searches(timed: &[(DateTime<Utc>, u64)], now: DateTime<Utc>) -> Vec<(Window, Vec<u64>)> {
    let before = Duration::seconds(1);
    let after = Duration::days(1);
    let longest = Duration::days(7);
    let mut out: Vec<(Window, Vec<u64>)> = Vec::new();
    for &(t, id) in timed.iter().filter(|(t, _)| *t < now) {
        let end = (t + after).min(now);
        match out.last_mut() {
            Some((w, ids)) if end - w.start <= longest && ids.len() < IDS_PER_SEARCH => {
                w.end = w.end.max(end);
                ids.push(id);
            }
            _ => out.push((Window::new(t - before, end), vec![id])),
        }
    }
    out
}

/// What looking at an alert (its Details) found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Look {
    Found {
        closed: bool,
        severity: Option<String>,
    },
    Missing,
    /// The look failed (403, unavailable, ...): the alert is left alone.
    Failed {
        message: String,
        exit: u8,
    },
}

/// An alert's result, as reported and audited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Closed,
    Commented,
    AlreadyClosed,
    NotFound,
    Failed,
    WouldClose,
    WouldComment,
    /// The request is about to be sent (the audit log's line before it).
    Sending,
    /// A signal ended the run while the request was in flight: it may or may not have been
    /// acted on.
    Unknown,
    /// A signal ended the run before the request was sent.
    NotSent,
}

impl Outcome {
    /// The exit code this result contributes; the run exits with the worst.
    pub fn exit(self) -> u8 {
        match self {
            Outcome::NotFound => 5,
            Outcome::Failed => 1,
            Outcome::Unknown | Outcome::NotSent => 130,
            _ => 0,
        }
    }
}

/// Whether an alert gets the request, or the result it gets without one.
pub fn plan(action: Action, look: &Look) -> Result<(), Outcome> {
    match (action, look) {
        (_, Look::Missing) => Err(Outcome::NotFound),
        (_, Look::Failed { .. }) => Err(Outcome::Failed),
        (Action::Close(_), Look::Found { closed: true, .. }) => Err(Outcome::AlreadyClosed),
        _ => Ok(()),
    }
}

/// What is about to happen, shown before the one question: a line of what the looks found
/// and the question itself, as long as fits `width` columns with dialoguer's ` [y/N] ` after it
/// (a prompt that wraps leaves half of itself on the screen after the answer).
pub fn question(action: Action, looks: &[Look], width: usize) -> (String, String) {
    let acting: Vec<&Look> = looks.iter().filter(|l| plan(action, l).is_ok()).collect();
    let mut severities: Vec<(String, usize)> = Vec::new();
    for l in &acting {
        if let Look::Found { severity, .. } = l {
            let s = severity.clone().unwrap_or_else(|| "no severity".into());
            match severities.iter_mut().find(|(k, _)| *k == s) {
                Some((_, n)) => *n += 1,
                None => severities.push((s, 1)),
            }
        }
    }
    let sev = severities
        .iter()
        .map(|(s, n)| format!("{n} {s}"))
        .collect::<Vec<_>>()
        .join(", ");
    let n = acting.len();
    let alerts = if n == 1 { "alert" } else { "alerts" };
    let verb = match action {
        Action::Close(_) => "to close",
        Action::Comment => "to comment on",
    };
    let mut summary = format!("{} given: {n} {verb} ({sev})", looks.len());
    let count = |o: Outcome| looks.iter().filter(|l| plan(action, l) == Err(o)).count();
    for (o, what) in [
        (Outcome::AlreadyClosed, "already closed"),
        (Outcome::NotFound, "missing"),
        (Outcome::Failed, "could not be looked up"),
    ] {
        if count(o) > 0 {
            summary.push_str(&format!(", {} {what}", count(o)));
        }
    }
    let variants = match action {
        Action::Close(r) => vec![
            format!(
                "Close {n} {alerts} as '{}'? This cannot be undone",
                r.label()
            ),
            format!("Close {n} {alerts} as '{}'?", r.label()),
            format!("Close {n} {alerts} as {}?", r.name()),
            format!("Close {n} {alerts}?"),
        ],
        Action::Comment => vec![format!("Comment on {n} {alerts}?")],
    };
    let fits = |q: &&String| q.chars().count() + " [y/N] ".len() < width;
    let question = variants
        .iter()
        .find(fits)
        .unwrap_or_else(|| variants.last().expect("one question at least"))
        .clone();
    (summary, question)
}

/// The run in one line, after the per-alert lines: "would close 97; 3 already closed; 0
/// missing" on a dry run, "closed 97; …" after one; failures and interruptions only when there
/// were any.
pub fn totals(action: Action, results: &[Outcome], dry_run: bool) -> String {
    let count = |o: &[Outcome]| results.iter().filter(|r| o.contains(r)).count();
    let (done, would) = match action {
        Action::Close(_) => ("closed", "would close"),
        Action::Comment => ("commented on", "would comment on"),
    };
    let mut parts = vec![if dry_run {
        format!(
            "{would} {}",
            count(&[Outcome::WouldClose, Outcome::WouldComment])
        )
    } else {
        format!("{done} {}", count(&[Outcome::Closed, Outcome::Commented]))
    }];
    if matches!(action, Action::Close(_)) {
        parts.push(format!(
            "{} already closed",
            count(&[Outcome::AlreadyClosed])
        ));
    }
    parts.push(format!("{} missing", count(&[Outcome::NotFound])));
    for (o, what) in [
        (&[Outcome::Failed][..], "failed"),
        (&[Outcome::Unknown][..], "unknown (interrupted in flight)"),
        (&[Outcome::NotSent][..], "not sent (interrupted)"),
    ] {
        if count(o) > 0 {
            parts.push(format!("{} {what}", count(o)));
        }
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_plain_text_alerts_and_events() {
        let cases: [(&str, Result<Vec<u64>, &str>); 9] = [
            ("42", Ok(vec![42])),
            ("  1 2,3 ", Ok(vec![1, 2, 3])),
            ("", Ok(vec![])),
            ("\u{feff}7", Ok(vec![7])),
            (
                r#"{"alertId": 967278, "severity": "High"}"#,
                Ok(vec![967278]),
            ),
            (
                r#"{"source":"lacework","external_id":"55","raw_event":{}}"#,
                Ok(vec![55]),
            ),
            (
                "x1",
                Err("'x1' is not an alert ID (alert IDs are numbers, like 12345)"),
            ),
            (
                r#"{"name": 1}"#,
                Err("a JSON object without alertId or external_id"),
            ),
            (r#"{"alertId": "abc"}"#, Err("its alert id is not a number")),
        ];
        for (line, want) in cases {
            let got = ids_in_line(line).map(|g| g.iter().map(|g| g.id).collect::<Vec<_>>());
            assert_eq!(got, want.map_err(str::to_owned), "{line}");
        }
    }

    fn at(s: &str) -> DateTime<Utc> {
        crate::time::parse_api_time(s).unwrap()
    }

    #[test]
    fn alerts_and_events_carry_their_start_bare_ids_do_not() {
        let t = "2026-11-30T16:00:00.000Z";
        let start = |line: &str| ids_in_line(line).unwrap()[0].start;
        assert_eq!(
            start(&format!(r#"{{"alertId": 1, "startTime": "{t}"}}"#)),
            Some(at(t))
        );
        assert_eq!(
            start(&format!(
                r#"{{"external_id": "1", "raw_event": {{"startTime": "{t}"}}}}"#
            )),
            Some(at(t))
        );
        assert_eq!(start(r#"{"alertId": 1, "startTime": "soon"}"#), None);
        assert_eq!(start(r#"{"alertId": 1, "startTime": 5}"#), None);
        assert_eq!(start("1"), None);
    }

    #[test]
    fn dedupe_keeps_the_first_of_each_with_any_time_it_was_given() {
        let t = at("2026-11-30T16:00:00Z");
        let timed = |id| Given { id, start: Some(t) };
        assert_eq!(
            dedupe([
                Given::bare(3),
                Given::bare(1),
                timed(3),
                Given::bare(2),
                timed(1)
            ]),
            vec![timed(3), timed(1), Given::bare(2)]
        );
    }

    #[test]
    fn searches_cover_each_start_within_seven_days_a_thousand_ids_and_now() {
        let now = at("2026-12-01T12:00:00Z");
        let s = Duration::seconds(1);
        let day = Duration::days(1);
        let t0 = at("2026-11-20T00:00:00Z");
        let mut timed = vec![
            (t0, 1),
            (t0 + Duration::days(5), 2),
            // Its window would end more than 7 days after the first's start: a second search.
            (t0 + Duration::days(6) + s, 3),
            // Half a second before now: its window ends at now.
            (now - Duration::milliseconds(500), 4),
            // At or after now (a clock ahead): no search can hold it.
            (now, 5),
        ];
        timed.sort_unstable();
        let got = searches(&timed, now);
        assert_eq!(
            got,
            vec![
                (
                    Window::new(t0 - s, t0 + Duration::days(5) + day),
                    vec![1, 2]
                ),
                (Window::new(t0 + Duration::days(6), now), vec![3, 4]),
            ]
        );
        for (w, _) in &got {
            assert!(w.end - w.start <= Duration::days(7) && w.end <= now);
        }
        // 2,500 alerts in one hour: three searches of at most 1,000 IDs.
        let many: Vec<_> = (0..2500u64)
            .map(|i| (t0 + Duration::seconds(i as i64), i))
            .collect();
        let sizes: Vec<usize> = searches(&many, now)
            .iter()
            .map(|(_, ids)| ids.len())
            .collect();
        assert_eq!(sizes, [1000, 1000, 500]);
    }

    #[test]
    fn the_totals_say_what_was_and_was_not_done() {
        use Outcome::*;
        let close = Action::Close(CloseReason::FalsePositive);
        let mut dry = vec![WouldClose; 97];
        dry.extend([AlreadyClosed; 3]);
        assert_eq!(
            totals(close, &dry, true),
            "would close 97; 3 already closed; 0 missing"
        );
        assert_eq!(
            totals(close, &[Closed, Closed, NotFound, Failed, NotSent], false),
            "closed 2; 0 already closed; 1 missing; 1 failed; 1 not sent (interrupted)"
        );
        assert_eq!(
            totals(Action::Comment, &[WouldComment, NotFound], true),
            "would comment on 1; 1 missing"
        );
        assert_eq!(
            totals(Action::Comment, &[Commented, Unknown], false),
            "commented on 1; 0 missing; 1 unknown (interrupted in flight)"
        );
    }

    fn found(closed: bool, sev: &str) -> Look {
        Look::Found {
            closed,
            severity: Some(sev.into()),
        }
    }

    #[test]
    fn what_each_look_means() {
        let close = Action::Close(CloseReason::FalsePositive);
        let failed = Look::Failed {
            message: "403".into(),
            exit: 4,
        };
        let cases = [
            (close, found(false, "High"), Ok(())),
            (close, found(true, "High"), Err(Outcome::AlreadyClosed)),
            (close, Look::Missing, Err(Outcome::NotFound)),
            (close, failed.clone(), Err(Outcome::Failed)),
            // A closed alert can still be commented on.
            (Action::Comment, found(true, "Low"), Ok(())),
            (Action::Comment, Look::Missing, Err(Outcome::NotFound)),
        ];
        for (action, look, want) in cases {
            assert_eq!(plan(action, &look), want, "{action:?} {look:?}");
        }
    }

    #[test]
    fn one_question_for_the_batch() {
        let looks = [
            found(false, "High"),
            found(false, "Critical"),
            found(false, "High"),
            found(true, "Low"),
            Look::Missing,
        ];
        assert_eq!(
            question(Action::Close(CloseReason::FalsePositive), &looks, 80),
            (
                "5 given: 3 to close (2 High, 1 Critical), 1 already closed, 1 missing".into(),
                "Close 3 alerts as 'False positive'? This cannot be undone".into()
            )
        );
        // The question with its " [y/N] " always fits the terminal, as far as words allow.
        let reason = Action::Close(CloseReason::MaliciousResolved);
        for (width, want) in [
            (
                100,
                "Close 3 alerts as 'Malicious and have resolution in place'? This cannot be undone",
            ),
            (
                80,
                "Close 3 alerts as 'Malicious and have resolution in place'?",
            ),
            (60, "Close 3 alerts as malicious-resolved?"),
            (40, "Close 3 alerts?"),
            (10, "Close 3 alerts?"),
        ] {
            assert_eq!(question(reason, &looks, width).1, want, "{width}");
        }
        assert_eq!(
            question(Action::Comment, &looks[..1], 80),
            (
                "1 given: 1 to comment on (1 High)".into(),
                "Comment on 1 alert?".into()
            )
        );
    }
}
