//! `--severity`, `--status` and `--type`: checked on every alert client-side, and sent to the
//! server as `/Alerts/search` filters so less comes over the wire. The result is the same either way.

use crate::alert::Alert;
use crate::severity::{Severity, SeverityFilter};
use serde_json::{json, Value};

/// An alert's status, as the API spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Open,
    Closed,
    InProgress,
}

impl Status {
    pub fn parse(v: &str) -> Result<Status, String> {
        let norm: String = v
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_'))
            .collect::<String>()
            .to_ascii_lowercase();
        match norm.as_str() {
            "open" => Ok(Status::Open),
            "closed" => Ok(Status::Closed),
            "inprogress" => Ok(Status::InProgress),
            _ => Err(format!(
                "unknown status '{v}' (use Open, Closed or \"In Progress\")"
            )),
        }
    }

    pub fn api_name(self) -> &'static str {
        match self {
            Status::Open => "Open",
            Status::Closed => "Closed",
            Status::InProgress => "In Progress",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub severity: Option<SeverityFilter>,
    pub status: Option<Status>,
    pub alert_type: Option<String>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.severity.is_none() && self.status.is_none() && self.alert_type.is_none()
    }

    /// Whether an alert passes every filter. An alert whose severity is unreadable never
    /// passes a severity filter.
    pub fn matches(&self, alert: &Alert) -> bool {
        if let Some(f) = &self.severity {
            match alert.severity.value().as_deref().and_then(Severity::parse) {
                Some(s) if f.matches(s) => {}
                _ => return false,
            }
        }
        if let Some(s) = self.status {
            let want = s.api_name();
            let have = alert.status.value().unwrap_or_default();
            let squash = |x: &str| x.replace([' ', '_', '-'], "").to_ascii_lowercase();
            if squash(&have) != squash(want) {
                return false;
            }
        }
        if let Some(t) = &self.alert_type {
            if !alert
                .alert_type
                .value()
                .is_some_and(|a| a.eq_ignore_ascii_case(t))
            {
                return false;
            }
        }
        true
    }

    /// The `filters` array of an `/Alerts/search` request.
    pub fn search_filters(&self) -> Vec<Value> {
        let mut out = Vec::new();
        if let Some(f) = &self.severity {
            let mut values: Vec<&str> = f.selected().map(Severity::api_name).collect();
            if f.matches(Severity::Info) {
                values.push("Informational");
            }
            out.push(json!({"field": "severity", "expression": "in", "values": values}));
        }
        if let Some(s) = self.status {
            out.push(json!({"field": "status", "expression": "eq", "value": s.api_name()}));
        }
        if let Some(t) = &self.alert_type {
            // `ilike` without wildcards is a case-insensitive match (`--type changedfile`); a
            // `_` in the name may let a near name through, which the check above drops.
            out.push(json!({"field": "alertType", "expression": "ilike", "value": t}));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alert(json: &str) -> Alert<'_> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn filters_match_like_the_server() {
        let f = Filters {
            severity: Some(SeverityFilter::parse("high").unwrap()),
            status: Some(Status::parse("in progress").unwrap()),
            alert_type: Some("NewUser".into()),
        };
        assert!(f.matches(&alert(
            r#"{"severity":"Critical","status":"In Progress","alertType":"NewUser"}"#
        )));
        assert!(f.matches(&alert(
            r#"{"severity":2,"status":"in_progress","alertType":"newuser"}"#
        )));
        assert!(!f.matches(&alert(
            r#"{"severity":"Medium","status":"In Progress","alertType":"NewUser"}"#
        )));
        assert!(!f.matches(&alert(
            r#"{"severity":"High","status":"Open","alertType":"NewUser"}"#
        )));
        assert!(!f.matches(&alert(r#"{"status":"In Progress","alertType":"NewUser"}"#)));
        assert_eq!(f.search_filters().len(), 3);
        assert!(Filters::default().matches(&alert("{}")));
        assert!(Status::parse("pending").is_err());
    }
}
