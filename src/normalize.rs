//! The mapping from a Lacework alert to the SOC's normalized event (DESIGN.md's table).
//!
//! No I/O: callers hand in an alert's bytes and get the event appended to a buffer. Alerts are
//! read borrowed, straight from the input bytes, and `raw_event` is those bytes, so key order,
//! number spelling and string escapes survive exactly.

pub use crate::alert::{
    alert_id, latest_millis, offset_of, parse_record, start_millis, title_of, Alert, Record,
    RecordError, Text,
};
pub use crate::jsonstream::{write_compact, write_compact_to, write_str};
pub use crate::schema::{Options, Schema};
use crate::severity::Severity;
use crate::time;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Severities that did not map, for the one warning at the end of a run.
#[derive(Debug, Default, Clone)]
pub struct UnknownSeverities {
    pub count: u64,
    /// A few distinct values with their counts; `(missing)` for an absent severity.
    pub values: BTreeMap<String, u64>,
    /// A parallel worker's log instead: each value in input order, for [`Self::replay`], so the
    /// values kept are the first ones of the whole input, whichever thread met them.
    log: Option<Vec<Option<String>>>,
}

impl UnknownSeverities {
    const KEEP: usize = 10;

    /// An empty log, for a worker.
    pub fn logged() -> UnknownSeverities {
        UnknownSeverities {
            log: Some(Vec::new()),
            ..UnknownSeverities::default()
        }
    }

    /// How many values a log holds (for a worker to drop those of a record it gave back).
    pub fn logged_len(&self) -> usize {
        self.log.as_ref().map_or(0, Vec::len)
    }

    /// Drops logged values after the first `len`.
    pub fn truncate_log(&mut self, len: usize) {
        if let Some(log) = &mut self.log {
            log.truncate(len);
        }
    }

    /// Records a worker's logged values, in order.
    pub fn replay(&mut self, worker: &mut UnknownSeverities) {
        for value in worker.log.iter_mut().flat_map(|l| l.drain(..)) {
            self.record(value.as_deref());
        }
    }

    fn record(&mut self, value: Option<&str>) {
        if let Some(log) = &mut self.log {
            log.push(value.map(str::to_owned));
            return;
        }
        self.count += 1;
        let key = value.unwrap_or("(missing)");
        if let Some(n) = self.values.get_mut(key) {
            *n += 1;
        } else if self.values.len() < Self::KEEP {
            self.values.insert(key.chars().take(40).collect(), 1);
        }
    }

    /// The warning line, or `None` when every severity mapped.
    pub fn warning(&self, schema: Schema) -> Option<String> {
        if self.count == 0 {
            return None;
        }
        let list: Vec<String> = self
            .values
            .iter()
            .map(|(v, n)| format!("{v:?} ×{n}"))
            .collect();
        let more = if self.count > self.values.values().sum::<u64>() {
            ", …"
        } else {
            ""
        };
        let (what, original) = match schema {
            Schema::Aisoc => ("were mapped to \"medium\"", "stays in raw_event.severity"),
            Schema::Ocsf => ("got severity_id 99 (Other)", "is in severity and raw_data"),
            Schema::Ecs => ("have no event.severity", "stays in event.original"),
        };
        Some(format!(
            "{} alert(s) had a severity that is not on the ladder and {what}: {}{more} (the original {original})",
            self.count,
            list.join(", ")
        ))
    }
}

/// How many levels of already-normalized events are followed down `raw_event`: one is the
/// usual case (normalizing normalize's output), a few allow for pipelines; more is bad input.
pub const MAX_REDERIVE: usize = 4;

/// Maps alerts to events, appending each as one NDJSON line.
#[derive(Debug, Default)]
pub struct Normalizer {
    pub options: Options,
    pub unknown: UnknownSeverities,
}

impl Normalizer {
    pub fn new(options: Options) -> Normalizer {
        Normalizer {
            options,
            unknown: UnknownSeverities::default(),
        }
    }

    /// Maps the alert in `bytes` (one JSON object) and appends its event line to `out`.
    /// On error nothing is appended. Envelopes are the caller's to unpack.
    pub fn push(&mut self, bytes: &[u8], out: &mut Vec<u8>) -> Result<(), RecordError> {
        match parse_record(bytes)? {
            Record::Alert(alert) => self.push_alert(&alert, bytes, out),
            Record::Envelope(_) => Err(RecordError::at(
                0,
                "expected an alert object, found an API page ({\"data\": [...]})",
            )),
        }
    }

    /// Appends the event for an already-parsed alert whose bytes are `raw`.
    pub fn push_alert(
        &mut self,
        alert: &Alert,
        raw: &[u8],
        out: &mut Vec<u8>,
    ) -> Result<(), RecordError> {
        self.push_nested(alert, raw, out, 0)
    }

    fn push_nested(
        &mut self,
        alert: &Alert,
        raw: &[u8],
        out: &mut Vec<u8>,
        depth: usize,
    ) -> Result<(), RecordError> {
        // Already normalized: derive again from the original, never wrap twice.
        if alert.source.is_some() {
            if let Some(inner) = alert.raw_event {
                if depth >= MAX_REDERIVE {
                    return Err(RecordError::at(
                        0,
                        format!(
                            "normalized events nested in raw_event more than {MAX_REDERIVE} deep; this is not an export of lwctl or a connector"
                        ),
                    ));
                }
                let offset = inner.get().as_ptr() as usize - raw.as_ptr() as usize;
                let inner_bytes = inner.get().as_bytes();
                let relocate = |e: RecordError| RecordError::at(offset + e.offset, e.message);
                let Record::Alert(original) = parse_record(inner_bytes).map_err(relocate)? else {
                    return Err(RecordError::at(
                        offset,
                        "raw_event holds an API page, not an alert",
                    ));
                };
                let mut options = None;
                if self.options.account.is_none() || self.options.subaccount.is_none() {
                    let mut o = self.options.clone();
                    o.account = o.account.or(alert.account.value().map(Cow::into_owned));
                    o.subaccount = o
                        .subaccount
                        .or(alert.subaccount.value().map(Cow::into_owned));
                    options = Some(std::mem::replace(&mut self.options, o));
                }
                let result = self
                    .push_nested(&original, inner_bytes, out, depth + 1)
                    .map_err(relocate);
                if let Some(o) = options {
                    self.options = o;
                }
                return result;
            }
        }
        // Checked here; written below as the input spelled it.
        alert_id(alert).map_err(|m| RecordError::at(0, m))?;
        let severity_text = alert.severity.value();
        let parsed = severity_text.as_deref().and_then(Severity::parse);
        let severity = match parsed {
            Some(s) => s.ladder_name(self.options.ladder),
            None => {
                self.unknown.record(severity_text.as_deref());
                "medium"
            }
        };
        if self.options.schema != Schema::Aisoc {
            crate::schema::write(alert, parsed, raw, &self.options, out);
            return Ok(());
        }
        let title = title_of(alert);
        let created_at = alert
            .start_time
            .value()
            .and_then(|t| time::parse_api_time(&t))
            .map(time::rfc3339_millis);

        out.extend_from_slice(b"{\"source\":\"lacework\",\"external_id\":");
        Text(alert.alert_id).write(out);
        out.extend_from_slice(b",\"title\":");
        match title {
            Some(t) => t.write(out),
            None => out.extend_from_slice(b"\"Lacework alert\""),
        }
        out.extend_from_slice(b",\"description\":");
        alert.alert_info.description.write(out);
        out.extend_from_slice(b",\"severity\":\"");
        out.extend_from_slice(severity.as_bytes());
        out.extend_from_slice(b"\",\"category\":\"cloud\",\"event_type\":");
        alert.alert_type.write(out);
        out.extend_from_slice(b",\"rule_name\":");
        match alert.policy_id.is_present() {
            true => alert.policy_id.write(out),
            false => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"status\":");
        alert.status.write(out);
        out.extend_from_slice(b",\"created_at\":");
        match created_at {
            // RFC 3339 needs no escaping.
            Some(t) => {
                out.push(b'"');
                out.extend_from_slice(t.as_bytes());
                out.push(b'"');
            }
            None => out.extend_from_slice(b"null"),
        }
        if let Some(a) = &self.options.account {
            out.extend_from_slice(b",\"account\":");
            write_str(out, a);
        }
        if let Some(s) = &self.options.subaccount {
            out.extend_from_slice(b",\"subaccount\":");
            write_str(out, s);
        }
        out.extend_from_slice(b",\"raw_event\":");
        write_compact(out, raw);
        out.extend_from_slice(b"}\n");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::severity::Ladder;

    fn event(input: &str, options: Options) -> serde_json::Value {
        let mut n = Normalizer::new(options);
        let mut out = Vec::new();
        n.push(input.as_bytes(), &mut out).unwrap();
        assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1);
        assert_eq!(out.last(), Some(&b'\n'));
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn full_alert_maps_every_field() {
        let input = r#"{"alertId":1234,"alertName":"New user","alertType":"NewUser","severity":"Critical","status":"Open","startTime":"2024-05-01T13:04:05.000Z","alertInfo":{"subject":"s","description":"d"},"policyId":"LW-1"}"#;
        let e = event(input, Options::default());
        let expected = serde_json::json!({
            "source": "lacework", "external_id": "1234", "title": "New user", "description": "d",
            "severity": "high", "category": "cloud", "event_type": "NewUser", "rule_name": "LW-1",
            "status": "Open", "created_at": "2024-05-01T13:04:05.000Z",
            "raw_event": serde_json::from_str::<serde_json::Value>(input).unwrap(),
        });
        assert_eq!(e, expected);
    }

    #[test]
    fn title_falls_back_in_order() {
        let title = |s: &str| event(s, Options::default())["title"].clone();
        assert_eq!(
            title(r#"{"alertId":1,"alertName":"n","alertInfo":{"subject":"s"},"alertType":"t"}"#),
            "n"
        );
        assert_eq!(
            title(r#"{"alertId":1,"alertName":"","alertInfo":{"subject":"s"},"alertType":"t"}"#),
            "s"
        );
        assert_eq!(
            title(r#"{"alertId":1,"alertName":null,"alertType":"t"}"#),
            "t"
        );
        assert_eq!(
            title(r#"{"alertId":1,"alertInfo":"odd"}"#),
            "Lacework alert"
        );
    }

    #[test]
    fn raw_event_is_byte_identical() {
        let input =
            r#"{"z":1.50,"alertId":7,"s":"\u00e9\n\"q\"","severity":3,"nested":{"b":[1,2e3]}}"#;
        let mut out = Vec::new();
        Normalizer::default()
            .push(input.as_bytes(), &mut out)
            .unwrap();
        let line = String::from_utf8(out).unwrap();
        assert!(
            line.ends_with(&format!(",\"raw_event\":{input}}}\n")),
            "{line}"
        );
    }

    #[test]
    fn multiline_alert_becomes_one_line() {
        let input = "{\n  \"alertId\": 7,\n  \"s\": \"a  b\"\n}";
        let mut out = Vec::new();
        Normalizer::default()
            .push(input.as_bytes(), &mut out)
            .unwrap();
        let line = String::from_utf8(out).unwrap();
        assert!(
            line.ends_with(",\"raw_event\":{\"alertId\":7,\"s\":\"a  b\"}}\n"),
            "{line}"
        );
    }

    #[test]
    fn normalized_input_is_rederived_not_wrapped() {
        let once = event(
            r#"{"alertId":"9","severity":"Low","startTime":"2024-05-01"}"#,
            Options {
                account: Some("acme".into()),
                ..Options::default()
            },
        );
        let twice = event(&once.to_string(), Options::default());
        assert_eq!(once, twice);
        assert_eq!(twice["raw_event"]["alertId"], "9");
        assert_eq!(twice["account"], "acme");
    }

    #[test]
    fn unknown_and_missing_severities_are_medium_and_counted() {
        let mut n = Normalizer::default();
        let mut out = Vec::new();
        for s in [
            r#"{"alertId":1,"severity":"Severe"}"#,
            r#"{"alertId":2}"#,
            r#"{"alertId":3,"severity":9}"#,
        ] {
            n.push(s.as_bytes(), &mut out).unwrap();
        }
        assert_eq!(n.unknown.count, 3);
        let w = n.unknown.warning(Schema::Aisoc).unwrap();
        assert!(
            w.contains("\"Severe\" ×1") && w.contains("\"(missing)\" ×1") && w.contains("\"9\" ×1"),
            "{w}"
        );
        assert!(out
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .all(|l| {
                serde_json::from_slice::<serde_json::Value>(l).unwrap()["severity"] == "medium"
            }));
    }

    #[test]
    fn ladder_five_keeps_critical() {
        let e = event(
            r#"{"alertId":1,"severity":1}"#,
            Options {
                ladder: Ladder::Five,
                ..Options::default()
            },
        );
        assert_eq!(e["severity"], "critical");
    }

    #[test]
    fn created_at_from_every_lacework_format() {
        for (input, expected) in [
            // One format whatever the input: milliseconds always.
            ("2024-05-01", "2024-05-01T00:00:00.000Z"),
            ("2024-05-01T13", "2024-05-01T13:00:00.000Z"),
            ("2024-05-01T13:04:05Z", "2024-05-01T13:04:05.000Z"),
            ("2024-05-01T13:04:05.120Z", "2024-05-01T13:04:05.120Z"),
            ("2024-05-01T13:04:05.553Z", "2024-05-01T13:04:05.553Z"),
            ("2024-05-01T15:04:05+02:00", "2024-05-01T13:04:05.000Z"),
        ] {
            let e = event(
                &format!(r#"{{"alertId":1,"startTime":"{input}"}}"#),
                Options::default(),
            );
            assert_eq!(e["created_at"], expected, "{input}");
        }
        let e = event(r#"{"alertId":1,"startTime":"garbage"}"#, Options::default());
        assert!(e["created_at"].is_null());
    }

    #[test]
    fn bad_records_say_where() {
        let mut out = Vec::new();
        let mut n = Normalizer::default();
        let err = n.push(b"{\"alertName\":\"x\"}", &mut out).unwrap_err();
        assert!(err.message.contains("no alertId"));
        let err = n.push(b"[1]", &mut out).unwrap_err();
        assert!(err.message.contains("expected an alert object"));
        let err = n.push(b"{\"alertId\":1,\n\"x\": }", &mut out).unwrap_err();
        assert_eq!(err.offset, 19, "{err:?}");
        assert!(n.push(b"{\"alertId\":true}", &mut out).is_err());
        assert!(out.is_empty());
    }
}
