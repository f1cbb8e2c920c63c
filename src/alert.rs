//! One Lacework alert as the API sends it, read once: the fields paging, filters, dedupe and the
//! mappings use, borrowed from the alert's own bytes, with its ID and times.

use crate::time;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
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
    /// When a person last changed the alert (a comment, a status): `"0"`, `""` or a time.
    #[serde(rename = "lastUserUpdatedTime", borrow, default)]
    pub last_user_updated: Text<'a>,
    #[serde(rename = "derivedFields", borrow, default)]
    pub derived: Info<'a>,
    /// Details answers only: the entities, where a cloud account may be named.
    #[serde(rename = "entityMap", borrow, default)]
    pub entity_map: Option<&'a RawValue>,
    /// An already-normalized event's fields, so it is re-derived from its `raw_event`.
    #[serde(default)]
    pub source: Option<IgnoredAny>,
    #[serde(borrow, default)]
    pub raw_event: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub account: Text<'a>,
    #[serde(borrow, default)]
    pub subaccount: Text<'a>,
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
    pub fn at(offset: usize, message: impl Into<String>) -> RecordError {
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
            match strip_position(&e) {
                // serde's word for a key that appears twice in one object.
                m if m.starts_with("duplicate field") => {
                    format!("duplicate key{}", &m["duplicate field".len()..])
                }
                m => format!("invalid JSON: {m}"),
            },
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
