//! The event shapes SIEMs speak besides the connector's: OCSF 1.3 Detection Finding (class
//! 2004) and Elastic ECS. Written straight as bytes on the connector's event's streaming path;
//! README has the mapping, field by field.

use crate::alert::{title_of, Alert, Text};
use crate::jsonstream::{write_compact, write_str};
use crate::severity::Ladder;
use crate::severity::Severity;
use crate::time;
use serde_json::Value;

/// The OCSF version the events claim.
pub const OCSF_VERSION: &str = "1.3.0";
const PRODUCT: &str = "Lacework FortiCNAPP";
const VENDOR: &str = "Fortinet";

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
    /// `alerts poll --track-status`: the event tells a change to an alert written before.
    pub update: Option<Update>,
}

/// What an update event tells about an alert written before (`alerts poll --track-status`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    /// The alert is now closed (its last update), or its status or last user update moved.
    pub closed: bool,
    /// The status the alert had when lwctl last wrote it.
    pub previous_status: String,
    /// When it changed (ms): its `lastUserUpdatedTime` when that is a time, else when lwctl
    /// saw the change. The event's own time.
    pub at_ms: i64,
}

impl Update {
    /// The connector event's `action`: `updated` or `closed` (`created` for a new alert).
    pub fn action(&self) -> &'static str {
        if self.closed {
            "closed"
        } else {
            "updated"
        }
    }
}

/// Appends the event of `alert` (whose bytes are `raw`, whose severity the caller parsed) in
/// the schema of `options`.
pub fn write(
    alert: &Alert,
    severity: Option<Severity>,
    raw: &[u8],
    options: &Options,
    out: &mut Vec<u8>,
) {
    let f = facts(alert, severity);
    match options.schema {
        Schema::Ocsf => ocsf(alert, &f, raw, options, out),
        Schema::Ecs => ecs(alert, &f, raw, options, out),
        Schema::Aisoc => unreachable!("the connector's event is written by the normalizer"),
    }
}

/// The facts both schemas use, read once, borrowed from the alert.
struct Facts<'a> {
    /// [`crate::alert::title_of`]: the token, copied as spelled.
    title: Option<&'a Text<'a>>,
    severity: Option<Severity>,
    start_ms: Option<i64>,
    end_ms: Option<i64>,
    provider: Option<&'static str>,
    cloud_account: Option<String>,
}

fn facts<'a>(alert: &'a Alert<'a>, severity: Option<Severity>) -> Facts<'a> {
    let title = title_of(alert);
    let ms = |t: &Text| t.value().and_then(|v| time::api_millis(&v));
    let provider = alert.derived.source.value().and_then(|s| {
        let has = |word: &str| {
            s.as_bytes()
                .windows(word.len())
                .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
        };
        if has("aws") || has("cloudtrail") {
            Some("AWS")
        } else if has("azure") {
            Some("Azure")
        } else if has("gcp") || has("google") {
            Some("GCP")
        } else {
            None
        }
    });
    Facts {
        title,
        severity,
        start_ms: ms(&alert.start_time),
        end_ms: ms(&alert.end_time),
        provider,
        // Only a cloud alert names a cloud account; the entities are read only then.
        cloud_account: provider
            .and(alert.entity_map)
            .and_then(|m| serde_json::from_str::<Value>(m.get()).ok())
            .and_then(|v| cloud_account(&v, 0)),
    }
}

/// The title as a JSON string.
fn title(out: &mut Vec<u8>, f: &Facts) {
    match f.title {
        Some(t) => t.write(out),
        None => out.extend_from_slice(b"\"Lacework alert\""),
    }
}

/// The alert id's text, inside a JSON string (it is checked to be a plain number or string).
fn id_inner(out: &mut Vec<u8>, alert: &Alert) {
    let token = alert.alert_id.map_or("", |t| t.get());
    let inner = token
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(token);
    out.extend_from_slice(inner.as_bytes());
}

/// The first cloud account id an entity map names (`account`, `accountId`, `account_id`, in an
/// entity's `KEY` or `PROPS`), searched a few levels deep.
fn cloud_account(v: &Value, depth: usize) -> Option<String> {
    if depth > 5 {
        return None;
    }
    match v {
        Value::Object(m) => {
            for key in [
                "account",
                "accountId",
                "account_id",
                "AccountId",
                "ACCOUNT_ID",
            ] {
                match m.get(key) {
                    Some(Value::String(s)) if !s.is_empty() => return Some(s.clone()),
                    Some(Value::Number(n)) => return Some(n.to_string()),
                    _ => {}
                }
            }
            m.values().find_map(|x| cloud_account(x, depth + 1))
        }
        Value::Array(a) => a.iter().find_map(|x| cloud_account(x, depth + 1)),
        _ => None,
    }
}

fn num(out: &mut Vec<u8>, n: i64) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// The raw alert as one JSON string: exactly the text the connector's `raw_event` holds.
/// Escaping is the cost of this schema's events: json-escape-simd does it a register at a time.
fn raw_string(out: &mut Vec<u8>, alert: &Alert, raw: &[u8]) {
    // The text the alert was read from is `raw`, already checked to be UTF-8.
    let text = match alert.text.len() == raw.len() {
        true => alert.text,
        false => std::str::from_utf8(raw).unwrap_or_default(),
    }
    .trim_ascii();
    if memchr::memchr2(b'\n', b'\r', text.as_bytes()).is_none() {
        json_escape_simd::escape_into(text, out);
    } else {
        let mut compact = Vec::with_capacity(text.len());
        write_compact(&mut compact, text.as_bytes());
        json_escape_simd::escape_into(std::str::from_utf8(&compact).unwrap_or_default(), out);
    }
}

/// `account:subaccount:id` as a JSON string, the parts known; the id alone when neither is.
/// The id is copied as the input spelled it (a string's escapes are valid inside this one).
fn write_uid(out: &mut Vec<u8>, options: &Options, alert: &Alert) {
    out.push(b'"');
    for part in [&options.account, &options.subaccount]
        .into_iter()
        .flatten()
    {
        let start = out.len();
        json_escape_simd::escape_into(part, out);
        // Keep what lies between the quotes.
        let end = out.len() - 1;
        out.copy_within(start + 1..end, start);
        out.truncate(out.len() - 2);
        out.push(b':');
    }
    id_inner(out, alert);
    out.push(b'"');
}

/// A JSON string that needs no escaping (names this file spells).
fn lit(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
}

fn ocsf(alert: &Alert, f: &Facts, raw: &[u8], options: &Options, out: &mut Vec<u8>) {
    let status = alert.status.value();
    let closed = status
        .as_deref()
        .is_some_and(|s| s.eq_ignore_ascii_case("closed"));
    // A new alert is created (closed already, it is created closed); a change to one written
    // before is an update, or its close.
    let (activity_id, activity, type_name) = match &options.update {
        Some(u) if u.closed => (3, "Close", "Detection Finding: Close"),
        Some(_) => (2, "Update", "Detection Finding: Update"),
        None if closed => (3, "Close", "Detection Finding: Close"),
        None => (1, "Create", "Detection Finding: Create"),
    };
    let (status_id, status_name): (i64, Option<&str>) = match status.as_deref() {
        Some(s) if s.eq_ignore_ascii_case("open") || s.eq_ignore_ascii_case("new") => {
            (1, Some("New"))
        }
        Some(s)
            if s.eq_ignore_ascii_case("in progress") || s.eq_ignore_ascii_case("inprogress") =>
        {
            (2, Some("In Progress"))
        }
        Some(_) if closed => (4, Some("Resolved")),
        // Other: the source's own word goes in `status`.
        Some(_) => (99, None),
        None => (0, Some("Unknown")),
    };
    let (severity_id, severity_name): (i64, Option<&str>) = match f.severity {
        Some(Severity::Critical) => (5, Some("Critical")),
        Some(Severity::High) => (4, Some("High")),
        Some(Severity::Medium) => (3, Some("Medium")),
        Some(Severity::Low) => (2, Some("Low")),
        Some(Severity::Info) => (1, Some("Informational")),
        None if alert.severity.is_present() => (99, None),
        None => (0, Some("Unknown")),
    };
    out.extend_from_slice(b"{\"activity_id\":");
    num(out, activity_id);
    out.extend_from_slice(b",\"activity_name\":");
    lit(out, activity);
    out.extend_from_slice(b",\"category_uid\":2,\"category_name\":\"Findings\",\"class_uid\":2004,\"class_name\":\"Detection Finding\",\"type_uid\":");
    num(out, 200400 + activity_id);
    out.extend_from_slice(b",\"type_name\":");
    lit(out, type_name);
    out.extend_from_slice(b",\"severity_id\":");
    num(out, severity_id);
    out.extend_from_slice(b",\"severity\":");
    match severity_name {
        Some(n) => lit(out, n),
        None => alert.severity.write(out),
    }
    out.extend_from_slice(b",\"status_id\":");
    num(out, status_id);
    out.extend_from_slice(b",\"status\":");
    match status_name {
        Some(n) => lit(out, n),
        None => alert.status.write(out),
    }
    // `time` is required: the start, else the end, else 0 (the epoch) for an alert without
    // either; an update's is when it changed.
    out.extend_from_slice(b",\"time\":");
    let changed = options.update.as_ref().map(|u| u.at_ms);
    num(out, changed.or(f.start_ms).or(f.end_ms).unwrap_or(0));
    if let Some(t) = f.start_ms {
        out.extend_from_slice(b",\"start_time\":");
        num(out, t);
    }
    if let Some(t) = f.end_ms {
        out.extend_from_slice(b",\"end_time\":");
        num(out, t);
    }
    out.extend_from_slice(b",\"message\":");
    title(out, f);
    out.extend_from_slice(b",\"metadata\":{\"version\":");
    lit(out, OCSF_VERSION);
    out.extend_from_slice(b",\"product\":{\"name\":");
    lit(out, PRODUCT);
    out.extend_from_slice(b",\"vendor_name\":");
    lit(out, VENDOR);
    out.push(b'}');
    if alert.alert_type.is_present() {
        out.extend_from_slice(b",\"event_code\":");
        alert.alert_type.write(out);
    }
    if let Some(t) = options.subaccount.as_ref().or(options.account.as_ref()) {
        out.extend_from_slice(b",\"tenant_uid\":");
        write_str(out, t);
    }
    if f.provider.is_some() {
        out.extend_from_slice(b",\"profiles\":[\"cloud\"]");
    }
    out.extend_from_slice(b"},\"finding_info\":{\"uid\":");
    write_uid(out, options, alert);
    out.extend_from_slice(b",\"title\":");
    title(out, f);
    if alert.alert_info.description.is_present() {
        out.extend_from_slice(b",\"desc\":");
        alert.alert_info.description.write(out);
    }
    let mut types = [
        &alert.alert_type,
        &alert.derived.category,
        &alert.derived.sub_category,
    ]
    .into_iter()
    .filter(|t| t.is_present())
    .peekable();
    if types.peek().is_some() {
        out.extend_from_slice(b",\"types\":[");
        for (i, t) in types.enumerate() {
            if i > 0 {
                out.push(b',');
            }
            t.write(out);
        }
        out.push(b']');
    }
    if alert.policy_id.is_present() {
        out.extend_from_slice(b",\"analytic\":{\"uid\":");
        alert.policy_id.write(out);
        out.extend_from_slice(b",\"name\":");
        alert.policy_id.write(out);
        out.extend_from_slice(b",\"type_id\":1,\"type\":\"Rule\"}");
    }
    if let Some(t) = f.start_ms {
        out.extend_from_slice(b",\"first_seen_time\":");
        num(out, t);
    }
    if let Some(t) = f.end_ms.or(f.start_ms) {
        out.extend_from_slice(b",\"last_seen_time\":");
        num(out, t);
    }
    out.push(b'}');
    if let Some(p) = f.provider {
        out.extend_from_slice(b",\"cloud\":{\"provider\":");
        lit(out, p);
        if let Some(a) = &f.cloud_account {
            out.extend_from_slice(b",\"account\":{\"uid\":");
            write_str(out, a);
            out.push(b'}');
        }
        out.push(b'}');
    }
    out.extend_from_slice(b",\"raw_data\":");
    raw_string(out, alert, raw);
    out.extend_from_slice(b"}\n");
}

/// The ECS version the events follow (`ecs.version`, which ECS requires).
pub const ECS_VERSION: &str = "9.4.0";

/// ECS's `event.category` and `event.type` for an alert, from its type, sub-category and
/// source: values ECS allows, each type one its category expects, so Elastic Security's rules
/// and views find the event. README has the table.
pub fn ecs_class(alert: &Alert) -> (&'static str, &'static str) {
    let text = |t: &Text| {
        t.value()
            .map(|v| v.to_ascii_lowercase())
            .unwrap_or_default()
    };
    let kind = text(&alert.alert_type);
    let sub = text(&alert.derived.sub_category);
    let source = text(&alert.derived.source);
    let has = |words: &[&str]| words.iter().any(|w| kind.contains(w) || sub.contains(w));
    if has(&["vuln", "cve"]) {
        ("vulnerability", "info")
    } else if has(&["malicious", "malware", "compromised", "suspicious"]) {
        ("malware", "info")
    } else if has(&["file"]) {
        ("file", "change")
    } else if has(&[
        "dns",
        "serverip",
        "conn",
        "network",
        "port",
        "externalserver",
    ]) {
        ("network", "connection")
    } else if has(&[
        "user",
        "login",
        "iam",
        "role",
        "privilege",
        "credential",
        "accesskey",
    ]) {
        ("iam", "user")
    } else if has(&["compliance", "policy", "config"]) {
        ("configuration", "info")
    } else if has(&["cloud activity", "cloudactivity", "kubernetes", "k8s"])
        || matches!(source.as_str(), "aws" | "azure" | "gcp")
    {
        ("configuration", "change")
    } else if has(&[
        "application",
        "process",
        "binary",
        "executable",
        "host",
        "machine",
    ]) {
        ("process", "start")
    } else {
        ("intrusion_detection", "info")
    }
}

fn ecs(alert: &Alert, f: &Facts, raw: &[u8], options: &Options, out: &mut Vec<u8>) {
    let rfc = |ms: Option<i64>| {
        ms.and_then(chrono::DateTime::from_timestamp_millis)
            .map(time::rfc3339)
    };
    let (start, end) = (rfc(f.start_ms), rfc(f.end_ms));
    out.push(b'{');
    // An update happened when it changed; a new alert, at its start.
    let stamp = rfc(options.update.as_ref().map(|u| u.at_ms)).or_else(|| start.clone());
    if let Some(t) = &stamp {
        out.extend_from_slice(b"\"@timestamp\":");
        lit(out, t);
        out.push(b',');
    }
    out.extend_from_slice(b"\"ecs\":{\"version\":\"");
    out.extend_from_slice(ECS_VERSION.as_bytes());
    out.extend_from_slice(b"\"},");
    // An update is the alert's change through the Lacework console or API: category `api`,
    // which expects both `change` and `end` (a close).
    let (category, kind) = match &options.update {
        Some(u) if u.closed => ("api", "end"),
        Some(_) => ("api", "change"),
        None => ecs_class(alert),
    };
    out.extend_from_slice(b"\"event\":{\"kind\":\"alert\",\"category\":[\"");
    out.extend_from_slice(category.as_bytes());
    out.extend_from_slice(b"\"],\"type\":[\"");
    out.extend_from_slice(kind.as_bytes());
    out.extend_from_slice(b"\"],\"module\":\"lacework\",\"dataset\":\"lacework.alert\",\"id\":\"");
    id_inner(out, alert);
    out.push(b'"');
    if let Some(s) = f.severity {
        out.extend_from_slice(b",\"severity\":");
        num(out, s as i64);
    }
    if let Some(t) = &start {
        out.extend_from_slice(b",\"start\":");
        lit(out, t);
    }
    if let Some(t) = &end {
        out.extend_from_slice(b",\"end\":");
        lit(out, t);
    }
    if alert.alert_type.is_present() {
        out.extend_from_slice(b",\"code\":");
        alert.alert_type.write(out);
    }
    out.extend_from_slice(b",\"original\":");
    raw_string(out, alert, raw);
    out.push(b'}');
    let rule = [
        ("id", &alert.policy_id),
        ("name", &alert.alert_name),
        ("category", &alert.derived.category),
    ];
    if rule.iter().any(|(_, t)| t.is_present()) {
        out.extend_from_slice(b",\"rule\":{");
        let mut first = true;
        for (name, t) in rule.iter().filter(|(_, t)| t.is_present()) {
            if !first {
                out.push(b',');
            }
            first = false;
            lit(out, name);
            out.push(b':');
            t.write(out);
        }
        out.push(b'}');
    }
    out.extend_from_slice(b",\"message\":");
    if alert.alert_info.description.is_present() {
        alert.alert_info.description.write(out);
    } else {
        title(out, f);
    }
    out.extend_from_slice(b",\"observer\":{\"vendor\":");
    lit(out, VENDOR);
    out.extend_from_slice(b",\"product\":");
    lit(out, PRODUCT);
    out.push(b'}');
    if f.provider.is_some() || f.cloud_account.is_some() {
        out.extend_from_slice(b",\"cloud\":{");
        if let Some(p) = f.provider {
            out.extend_from_slice(b"\"provider\":");
            lit(out, &p.to_ascii_lowercase());
        }
        if let Some(a) = &f.cloud_account {
            if f.provider.is_some() {
                out.push(b',');
            }
            out.extend_from_slice(b"\"account\":{\"id\":");
            write_str(out, a);
            out.push(b'}');
        }
        out.push(b'}');
    }
    let labels = [
        ("lacework_account", options.account.as_deref()),
        ("lacework_subaccount", options.subaccount.as_deref()),
        ("lwctl_action", options.update.as_ref().map(Update::action)),
        (
            "lacework_previous_status",
            options.update.as_ref().map(|u| u.previous_status.as_str()),
        ),
    ];
    if labels.iter().any(|(_, v)| v.is_some()) || alert.status.is_present() {
        out.extend_from_slice(b",\"labels\":{");
        let mut first = true;
        for (name, v) in labels {
            if let Some(v) = v {
                if !first {
                    out.push(b',');
                }
                first = false;
                lit(out, name);
                out.push(b':');
                write_str(out, v);
            }
        }
        if alert.status.is_present() {
            if !first {
                out.push(b',');
            }
            out.extend_from_slice(b"\"lacework_status\":");
            alert.status.write(out);
        }
        out.push(b'}');
    }
    out.extend_from_slice(b"}\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_data_is_the_compact_text_escaped() {
        for (raw, want) in [
            (r#"{"a":"b\"c","d":"e\\f"}"#, r#"{"a":"b\"c","d":"e\\f"}"#),
            ("{\n  \"a\": [1,\n 2]\n}\n", r#"{"a":[1,2]}"#),
            (
                r#"{"t":"\u0007é — ✓","u":1}"#,
                r#"{"t":"\u0007é — ✓","u":1}"#,
            ),
        ] {
            let crate::alert::Record::Alert(alert) =
                crate::alert::parse_record(raw.as_bytes()).unwrap()
            else {
                panic!("an alert")
            };
            let mut out = Vec::new();
            raw_string(&mut out, &alert, raw.as_bytes());
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(want).unwrap(),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn numbers() {
        for n in [0, 7, -7, 1_795_460_400_000, i64::MIN, i64::MAX] {
            let mut out = Vec::new();
            num(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
    }
}
