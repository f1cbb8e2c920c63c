//! The mapping from a Lacework alert to the SOC's normalized event (DESIGN.md's table).
//!
//! No I/O: callers hand in an alert's bytes and get the event appended to a buffer. Alerts are
//! read borrowed, straight from the input bytes, and `raw_event` is those bytes, so key order,
//! number spelling and string escapes survive exactly.

use crate::severity::{Ladder, Severity};
use crate::time;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

/// A scalar field, read leniently and kept as the JSON token the input spelled: strings, numbers
/// and booleans are text; `null`, objects and arrays are absent. Real exports disagree on types;
/// the mapping should not. Keeping the token means a string is unescaped only when its value is
/// needed (a severity, a status) and copied as it is into the event otherwise.
#[derive(Debug, Default, Clone, Copy)]
pub struct Text<'a>(pub Option<&'a RawValue>);

impl<'a> Text<'a> {
    /// The value as text: strings unescaped, numbers and booleans as spelled. `None` when absent,
    /// not a scalar, or an empty string.
    pub fn value(&self) -> Option<Cow<'a, str>> {
        let token = self.0?.get();
        let value = match token.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
            // A byte loop: these tokens are short, and a general search costs more to start.
            Some(inner) if !inner.bytes().any(|b| b == b'\\') => Cow::Borrowed(inner),
            Some(_) => Cow::Owned(serde_json::from_str::<String>(token).ok()?),
            None => Cow::Borrowed(token),
        };
        (!value.is_empty()).then_some(value)
    }

    /// Whether there is a non-empty value.
    pub fn is_present(&self) -> bool {
        self.0.is_some_and(|t| t.get() != "\"\"")
    }

    /// Appends the value as a JSON string (`null` when absent): a string token is copied as it
    /// is, escapes and all; a number or boolean is put between quotes.
    pub fn write(&self, out: &mut Vec<u8>) {
        match self.0.map(RawValue::get) {
            None => out.extend_from_slice(b"null"),
            Some(t) if t.starts_with('"') => out.extend_from_slice(t.as_bytes()),
            Some(t) => {
                out.push(b'"');
                out.extend_from_slice(t.as_bytes());
                out.push(b'"');
            }
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <&RawValue>::deserialize(d)?;
        let scalar = !matches!(
            raw.get().as_bytes().first(),
            Some(b'{' | b'[' | b'n') | None
        );
        Ok(Text(scalar.then_some(raw)))
    }
}

/// `alertInfo`, read leniently: anything but an object counts as absent.
#[derive(Debug, Default)]
pub struct Info<'a> {
    pub subject: Text<'a>,
    pub description: Text<'a>,
    /// `derivedFields` is read with the same lenient reader: these are its fields.
    pub category: Text<'a>,
    pub sub_category: Text<'a>,
    pub source: Text<'a>,
}

impl<'de: 'a, 'a> Deserialize<'de> for Info<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Info<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an alertInfo object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
                let mut info = Info::default();
                while let Some(key) = m.next_key::<InfoKey>()? {
                    match key {
                        InfoKey::Subject => info.subject = m.next_value()?,
                        InfoKey::Description => info.description = m.next_value()?,
                        InfoKey::Category => info.category = m.next_value()?,
                        InfoKey::SubCategory => info.sub_category = m.next_value()?,
                        InfoKey::Source => info.source = m.next_value()?,
                        InfoKey::Other => {
                            m.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(info)
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut s: A) -> Result<Self::Value, A::Error> {
                while s.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Info::default())
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Info::default())
            }
            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok(Info::default())
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Info::default())
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Info::default())
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Info::default())
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Info::default())
            }
        }
        d.deserialize_any(V)
    }
}

/// A key of `alertInfo` or `derivedFields`, matched where it lies in the input: an owned
/// `String` per key cost an allocation for every key of every alert.
enum InfoKey {
    Subject,
    Description,
    Category,
    SubCategory,
    Source,
    Other,
}

impl<'de> Deserialize<'de> for InfoKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = InfoKey;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E>(self, key: &str) -> Result<InfoKey, E> {
                Ok(match key {
                    "subject" => InfoKey::Subject,
                    "description" => InfoKey::Description,
                    "category" => InfoKey::Category,
                    "sub_category" => InfoKey::SubCategory,
                    "source" => InfoKey::Source,
                    _ => InfoKey::Other,
                })
            }
        }
        d.deserialize_identifier(V)
    }
}

/// The fields of an alert the mapping reads, borrowed from the alert's bytes. The same shape
/// also recognises an already-normalized event (`source` + `raw_event`) and an API envelope
/// (`data`), so one parse tells which of the three a record is.
#[derive(Debug, Deserialize)]
pub struct Alert<'a> {
    #[serde(rename = "alertId", borrow, default)]
    pub alert_id: Option<&'a RawValue>,
    #[serde(rename = "alertName", borrow, default)]
    pub alert_name: Text<'a>,
    #[serde(rename = "alertType", borrow, default)]
    pub alert_type: Text<'a>,
    #[serde(borrow, default)]
    pub severity: Text<'a>,
    #[serde(borrow, default)]
    pub status: Text<'a>,
    #[serde(rename = "startTime", borrow, default)]
    pub start_time: Text<'a>,
    #[serde(rename = "endTime", borrow, default)]
    pub end_time: Text<'a>,
    #[serde(rename = "alertInfo", borrow, default)]
    pub alert_info: Info<'a>,
    #[serde(rename = "policyId", borrow, default)]
    pub policy_id: Text<'a>,
    #[serde(rename = "derivedFields", borrow, default)]
    pub derived: Info<'a>,
    /// Details answers only: the entities, where a cloud account may be named.
    #[serde(rename = "entityMap", borrow, default)]
    pub entity_map: Option<&'a RawValue>,
    #[serde(default)]
    source: Option<IgnoredAny>,
    #[serde(borrow, default)]
    raw_event: Option<&'a RawValue>,
    #[serde(borrow, default)]
    account: Text<'a>,
    #[serde(borrow, default)]
    subaccount: Text<'a>,
    #[serde(borrow, default)]
    data: Option<&'a RawValue>,
    /// The alert's own text, as [`parse_record`] read it.
    #[serde(skip)]
    pub text: &'a str,
}

/// What a parsed record turned out to be.
// Boxing the alert would cost an allocation per alert on normalize's hot path.
#[allow(clippy::large_enum_variant)]
pub enum Record<'a> {
    Alert(Alert<'a>),
    /// An API answer: a page, `{"paging": .., "data": [..]}`, or one alert's Details,
    /// `{"data": {..}}`; the alerts are in `data`.
    Envelope(&'a RawValue),
}

/// Why a record could not be mapped. `offset` is relative to the record's first byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    pub offset: usize,
    pub message: String,
}

impl RecordError {
    fn at(offset: usize, message: impl Into<String>) -> RecordError {
        RecordError {
            offset,
            message: message.into(),
        }
    }
}

/// Byte offset of serde_json's (line, column) inside `bytes`.
pub fn offset_of(bytes: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match memchr::memchr(b'\n', &bytes[start..]) {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    (start + column.saturating_sub(1)).min(bytes.len())
}

/// Parses one record: an alert, a normalized event (re-derived from its `raw_event`) or an envelope.
pub fn parse_record(bytes: &[u8]) -> Result<Record<'_>, RecordError> {
    let first = bytes.iter().position(|b| !b.is_ascii_whitespace());
    if first.map(|i| bytes[i]) != Some(b'{') {
        return Err(RecordError::at(
            first.unwrap_or(0),
            "expected an alert object ({...}), found another JSON value",
        ));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| RecordError::at(e.valid_up_to(), "invalid UTF-8 in JSON text"))?;
    let mut alert: Alert = serde_json::from_str(text).map_err(|e| {
        RecordError::at(
            offset_of(bytes, e.line(), e.column()),
            format!("invalid JSON: {}", strip_position(&e)),
        )
    })?;
    if alert.alert_id.is_none() {
        // A page (`"data": [..]`) or one alert's Details answer (`"data": {..}`).
        if let Some(data) = alert
            .data
            .filter(|d| d.get().starts_with('[') || d.get().starts_with('{'))
        {
            return Ok(Record::Envelope(data));
        }
    }
    alert.text = text;
    Ok(Record::Alert(alert))
}

fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// The event shape `normalize` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Schema {
    /// The AiSOC connector's event (the default)
    #[default]
    Aisoc,
    /// OCSF 1.3 Detection Finding (class 2004)
    Ocsf,
    /// Elastic Common Schema
    Ecs,
}

impl Schema {
    pub fn name(self) -> &'static str {
        match self {
            Schema::Aisoc => "aisoc",
            Schema::Ocsf => "ocsf",
            Schema::Ecs => "ecs",
        }
    }
}

/// Options for the mapping.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub schema: Schema,
    pub ladder: Ladder,
    pub account: Option<String>,
    pub subaccount: Option<String>,
}

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

/// The title of an alert's event: `alertName`, else `alertInfo.subject`, else `alertType`, as
/// spelled; `None` when it has none of them (events then say "Lacework alert").
pub fn title_of<'a>(alert: &'a Alert<'a>) -> Option<&'a Text<'a>> {
    [
        &alert.alert_name,
        &alert.alert_info.subject,
        &alert.alert_type,
    ]
    .into_iter()
    .find(|t| t.is_present())
}

/// The external ID of an alert: its `alertId` as a string, exactly as spelled.
pub fn alert_id<'a>(alert: &Alert<'a>) -> Result<Cow<'a, str>, &'static str> {
    let raw = alert
        .alert_id
        .ok_or("the object has no alertId (is this a Lacework alert?)")?
        .get();
    match raw.as_bytes()[0] {
        b'0'..=b'9' | b'-' => Ok(Cow::Borrowed(raw)),
        b'"' => match serde_json::from_str::<Cow<str>>(raw) {
            Ok(s) if !s.is_empty() => Ok(s),
            _ => Err("alertId is an empty string"),
        },
        _ => Err("alertId must be a number or a string"),
    }
}

/// An alert's start time in epoch milliseconds, when it has a readable one.
pub fn start_millis(alert: &Alert) -> Option<i64> {
    millis(&alert.start_time)
}

/// The latest of an alert's start and end times, in epoch milliseconds: a window that begins
/// after it cannot return the alert, whether the server filters on `startTime`, on `endTime` or
/// on their overlap. Dedupe remembers an ID until then.
pub fn latest_millis(alert: &Alert) -> Option<i64> {
    match (millis(&alert.start_time), millis(&alert.end_time)) {
        (Some(s), Some(e)) => Some(s.max(e)),
        (s, e) => s.or(e),
    }
}

fn millis(t: &Text) -> Option<i64> {
    t.value().and_then(|t| time::api_millis(&t))
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
            .map(time::rfc3339);

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

pub fn write_str(out: &mut Vec<u8>, s: &str) {
    // Writing a &str into a Vec cannot fail.
    serde_json::to_writer(&mut *out, s).expect("write to Vec");
}

/// [`write_compact`] to any writer.
pub fn write_compact_to(w: &mut impl std::io::Write, json: &[u8]) -> std::io::Result<()> {
    let json = json.trim_ascii();
    if memchr::memchr2(b'\n', b'\r', json).is_none() {
        return w.write_all(json);
    }
    let mut buf = Vec::with_capacity(json.len());
    write_compact(&mut buf, json);
    w.write_all(&buf)
}

/// Appends JSON text, dropping whitespace between tokens when it holds a line break so the event
/// stays one line; everything else (strings, escapes, numbers, key order) is copied byte for byte.
pub fn write_compact(out: &mut Vec<u8>, json: &[u8]) {
    let json = json.trim_ascii();
    if memchr::memchr2(b'\n', b'\r', json).is_none() {
        out.extend_from_slice(json);
        return;
    }
    let mut in_string = false;
    let mut escaped = false;
    for &b in json {
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            in_string = b == b'"';
            out.push(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "status": "Open", "created_at": "2024-05-01T13:04:05Z",
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
            ("2024-05-01", "2024-05-01T00:00:00Z"),
            ("2024-05-01T13", "2024-05-01T13:00:00Z"),
            ("2024-05-01T13:04:05Z", "2024-05-01T13:04:05Z"),
            ("2024-05-01T13:04:05.120Z", "2024-05-01T13:04:05.120Z"),
            ("2024-05-01T15:04:05+02:00", "2024-05-01T13:04:05Z"),
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
