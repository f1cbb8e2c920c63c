//! Bulk actions on alerts (`alerts comment`, `alerts close`) without the I/O: which alerts an
//! input names, what a look at each alert means for it, the one question asked before acting,
//! and the result recorded for each.

use crate::api::alerts::CloseReason;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

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

/// The alert IDs on one line of input: an NDJSON alert (`alertId`) or normalized event
/// (`external_id`), or IDs separated by spaces or commas. A blank line names none.
pub fn ids_in_line(line: &str) -> Result<Vec<u64>, String> {
    let line = line.trim_start_matches('\u{feff}').trim();
    if line.is_empty() {
        return Ok(Vec::new());
    }
    if line.starts_with('{') {
        #[derive(Deserialize)]
        struct Probe {
            #[serde(rename = "alertId")]
            alert_id: Option<serde_json::Value>,
            external_id: Option<serde_json::Value>,
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
        };
        return id
            .map(|id| vec![id])
            .ok_or_else(|| "its alert id is not a number".into());
    }
    line.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .map(|t| {
            t.parse::<u64>().map_err(|_| {
                format!("'{t}' is not an alert ID (alert IDs are numbers, like 12345)")
            })
        })
        .collect()
}

/// The IDs in order of first appearance, each once.
pub fn dedupe(ids: impl IntoIterator<Item = u64>) -> Vec<u64> {
    let mut seen = HashSet::new();
    ids.into_iter().filter(|id| seen.insert(*id)).collect()
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
/// and the short question itself, which fits an 80-column terminal.
pub fn question(action: Action, looks: &[Look]) -> (String, String) {
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
        (Outcome::NotFound, "not found"),
        (Outcome::Failed, "could not be looked up"),
    ] {
        if count(o) > 0 {
            summary.push_str(&format!(", {} {what}", count(o)));
        }
    }
    let question = match action {
        Action::Close(r) => format!(
            "Close {n} {alerts} as '{}'? This cannot be undone",
            r.label()
        ),
        Action::Comment => format!("Comment on {n} {alerts}?"),
    };
    (summary, question)
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
            assert_eq!(ids_in_line(line), want.map_err(str::to_owned), "{line}");
        }
    }

    #[test]
    fn dedupe_keeps_the_first_of_each() {
        assert_eq!(dedupe([3, 1, 3, 2, 1]), vec![3, 1, 2]);
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
            question(Action::Close(CloseReason::FalsePositive), &looks),
            (
                "5 given: 3 to close (2 High, 1 Critical), 1 already closed, 1 not found".into(),
                "Close 3 alerts as 'False positive'? This cannot be undone".into()
            )
        );
        assert_eq!(
            question(Action::Comment, &looks[..1]),
            (
                "1 given: 1 to comment on (1 High)".into(),
                "Comment on 1 alert?".into()
            )
        );
    }
}
