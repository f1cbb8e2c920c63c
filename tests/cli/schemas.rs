//! `--schema ocsf|ecs`: real alert payloads normalized into OCSF 1.3 Detection Finding and
//! Elastic ECS. Every OCSF event is validated against the OCSF 1.3.0 JSON Schema for its class,
//! vendored in `tests/fixtures/ocsf/` (built by `generate.py` there from ocsf/ocsf-schema at tag
//! 1.3.0), and its facts are checked against the alert it came from.

use crate::{Run, World};
use serde_json::{json, Value};
use std::path::Path;

fn ocsf_schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/ocsf/detection_finding-1.3.0.schema.json"),
    )
    .unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

/// The alerts of a fixture file, as the API sent them: a page, a Details answer or NDJSON/array.
fn alerts_in(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap_or_else(|_| {
        Value::Array(
            serde_json::Deserializer::from_str(&text)
                .into_iter::<Value>()
                .map(Result::unwrap)
                .collect(),
        )
    });
    match v {
        Value::Array(a) => a,
        Value::Object(o) => match o.get("data") {
            Some(Value::Array(a)) => a.clone(),
            Some(one) => vec![one.clone()],
            None => vec![Value::Object(o)],
        },
        _ => panic!("not alerts"),
    }
}

fn lines(bytes: &[u8]) -> Vec<Value> {
    crate::ndjson(bytes)
}

fn ms(t: &Value) -> Option<i64> {
    lwctl::time::parse_api_time(t.as_str()?).map(|t| t.timestamp_millis())
}

/// Checks one OCSF event: valid against the schema, and right for its alert.
fn check_ocsf(v: &jsonschema::Validator, e: &Value, alert: &Value, uid: &str) {
    let errors: Vec<String> = v
        .iter_errors(e)
        .map(|x| format!("{} at {}", x, x.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{e:#}");
    assert_eq!(e["class_uid"], 2004);
    assert_eq!(e["category_uid"], 2);
    assert_eq!(e["metadata"]["version"], "1.3.0");
    assert_eq!(e["metadata"]["product"]["vendor_name"], "Fortinet");
    let closed = alert["status"] == "Closed";
    assert_eq!(e["activity_id"], if closed { 3 } else { 1 });
    assert_eq!(e["type_uid"], if closed { 200403 } else { 200401 });
    let name = match &alert["severity"] {
        Value::Number(n) => n.to_string(),
        other => other.as_str().unwrap_or("").to_ascii_lowercase(),
    };
    let severity = match name.as_str() {
        "critical" | "1" => 5,
        "high" | "2" => 4,
        "medium" | "3" => 3,
        "low" | "4" => 2,
        "info" | "informational" | "5" => 1,
        _ => 99,
    };
    assert_eq!(e["severity_id"], severity, "{alert}");
    let status = match alert["status"].as_str() {
        Some("Open") => 1,
        Some("In Progress") => 2,
        Some("Closed") => 4,
        _ => 99,
    };
    assert_eq!(e["status_id"], status);
    assert_eq!(e["time"], json!(ms(&alert["startTime"]).unwrap()));
    assert_eq!(e["finding_info"]["uid"], uid);
    assert_eq!(
        e["finding_info"]["first_seen_time"],
        json!(ms(&alert["startTime"]).unwrap())
    );
    // The alert's own bytes: the same text the connector's raw_event holds.
    let raw: Value = serde_json::from_str(e["raw_data"].as_str().unwrap()).unwrap();
    assert_eq!(&raw, alert);
}

#[test]
fn real_payloads_become_valid_ocsf_detection_findings() {
    let w = World::new();
    let v = ocsf_schema();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for file in [
        "tests/fixtures/go-sdk/alerts_page.json",
        "tests/fixtures/go-sdk/alert_details.json",
        "examples/alerts.json",
    ] {
        let path = root.join(file);
        let out = w
            .bare()
            .args(["normalize", "--schema", "ocsf"])
            .arg(&path)
            .assert()
            .get_output()
            .clone();
        let events = lines(&out.stdout);
        let alerts = alerts_in(&path);
        assert_eq!(events.len(), alerts.len(), "{file}");
        for (e, a) in events.iter().zip(&alerts) {
            check_ocsf(&v, e, a, &a["alertId"].to_string());
            checked += 1;
        }
    }
    assert!(checked >= 12, "{checked}");
    // The schema bites: each of these breaks OCSF 1.3.
    let out = w
        .bare()
        .args(["normalize", "--schema", "ocsf"])
        .arg(root.join("examples/alerts.json"))
        .run(0);
    let good = lines(&out.stdout).remove(0);
    assert!(v.is_valid(&good));
    for (path, value) in [
        ("/severity_id", json!(7)),
        ("/status_id", json!(5)),
        ("/class_uid", json!(2001)),
        ("/time", json!("2026-11-23T19:00:00Z")),
        ("/finding_info/title", Value::Null),
        ("/metadata/product", json!({"name": "x"})),
        ("/finding_info/no_such_field", json!(1)),
    ] {
        let mut bad = good.clone();
        let (parent, key) = path.rsplit_once('/').unwrap();
        bad.pointer_mut(if parent.is_empty() { "" } else { parent })
            .unwrap()[key] = value;
        assert!(!v.is_valid(&bad), "{path} passed");
    }
    let mut bad = good.clone();
    bad.as_object_mut().unwrap().remove("metadata");
    assert!(!v.is_valid(&bad));
}

#[test]
fn raw_data_is_the_alerts_own_bytes_as_raw_event_holds_them() {
    let w = World::new();
    // Pretty-printed input: raw_event drops the line breaks between tokens, and so does raw_data.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/go-sdk/alerts_page.json");
    let aisoc = String::from_utf8(w.bare().arg("normalize").arg(&path).run(0).stdout).unwrap();
    let ocsf = lines(
        &w.bare()
            .args(["normalize", "--schema", "ocsf"])
            .arg(&path)
            .run(0)
            .stdout,
    );
    for (line, e) in aisoc.lines().zip(&ocsf) {
        let start = line.find(",\"raw_event\":").unwrap() + ",\"raw_event\":".len();
        assert_eq!(
            e["raw_data"].as_str().unwrap(),
            &line[start..line.len() - 1]
        );
    }
}

#[test]
fn pulled_events_are_namespaced_by_account_and_validate() {
    let w = World::new();
    let now = chrono::Utc::now();
    {
        let mut st = w.server.state();
        st.add(crate::server::alert(
            7,
            now - chrono::Duration::hours(3),
            json!("Critical"),
            "Closed",
            "CloudTrailDefaultAlert",
        ));
        st.add(crate::server::alert(
            8,
            now - chrono::Duration::hours(2),
            json!("Low"),
            "In Progress",
            "NewUser",
        ));
    }
    let v = ocsf_schema();
    let out = w
        .cmd()
        .args([
            "--subaccount",
            "sub-a",
            "alerts",
            "list",
            "--normalize",
            "--schema",
            "ocsf",
            "-o",
            "ndjson",
        ])
        .run(0);
    let events = lines(&out.stdout);
    assert_eq!(events.len(), 2);
    let st = w.server.state();
    for e in &events {
        let id = e["finding_info"]["uid"]
            .as_str()
            .unwrap()
            .rsplit(':')
            .next()
            .unwrap()
            .to_owned();
        let alert: Value = serde_json::from_str(
            &st.alerts
                .iter()
                .find(|a| a.id.to_string() == id)
                .unwrap()
                .json,
        )
        .unwrap();
        check_ocsf(&v, e, &alert, &format!("testcorp:sub-a:{id}"));
        assert_eq!(e["metadata"]["tenant_uid"], "sub-a");
    }
}

#[test]
fn cloud_account_comes_from_the_entity_map_and_the_source() {
    let w = World::new();
    let alert = json!({"alertId": 5, "alertName": "Root login", "alertType": "CloudTrailDefaultAlert", "severity": "Medium", "status": "Open", "startTime": "2026-11-23T19:00:00.000Z", "endTime": "2026-11-23T20:00:00.000Z", "derivedFields": {"category": "Policy", "sub_category": "Cloud", "source": "AWS"}, "entityMap": {"CT_User": [{"KEY": {"username": "root", "account": "123456789012"}, "PROPS": {}}]}});
    let input = format!("{alert}\n");
    let ocsf = lines(
        &w.bare()
            .args(["normalize", "--schema", "ocsf"])
            .write_stdin(input.clone())
            .run(0)
            .stdout,
    );
    check_ocsf(&ocsf_schema(), &ocsf[0], &alert, "5");
    assert_eq!(
        ocsf[0]["cloud"],
        json!({"provider": "AWS", "account": {"uid": "123456789012"}})
    );
    assert_eq!(ocsf[0]["metadata"]["profiles"], json!(["cloud"]));
    let ecs = lines(
        &w.bare()
            .args(["normalize", "--schema", "ecs"])
            .write_stdin(input)
            .run(0)
            .stdout,
    );
    assert_eq!(
        ecs[0]["cloud"],
        json!({"provider": "aws", "account": {"id": "123456789012"}})
    );
}

#[test]
fn ecs_events_are_alerts_with_the_source_severity() {
    let w = World::new();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/go-sdk/alerts_page.json");
    let events = lines(
        &w.bare()
            .args(["normalize", "--schema", "ecs"])
            .arg(&path)
            .run(0)
            .stdout,
    );
    let alerts = alerts_in(&path);
    for (e, a) in events.iter().zip(&alerts) {
        assert_eq!(e["event"]["kind"], "alert");
        let sev = match a["severity"].as_str().unwrap() {
            "Critical" => 1,
            "High" => 2,
            "Medium" => 3,
            "Low" => 4,
            _ => 5,
        };
        assert_eq!(e["event"]["severity"], sev);
        assert_eq!(e["event"]["id"], a["alertId"].to_string());
        assert_eq!(e["event"]["code"], a["alertType"]);
        assert_eq!(
            e["observer"],
            json!({"vendor": "Fortinet", "product": "Lacework FortiCNAPP"})
        );
        let original: Value =
            serde_json::from_str(e["event"]["original"].as_str().unwrap()).unwrap();
        assert_eq!(&original, a);
    }
    // The whole event, for one real alert.
    assert_eq!(events[0]["@timestamp"], "2022-09-29T16:00:00Z");
    assert_eq!(events[0]["event"]["start"], "2022-09-29T16:00:00Z");
    assert_eq!(events[0]["event"]["end"], "2022-09-29T17:00:00Z");
}

#[test]
fn schema_needs_normalize_on_list_and_poll() {
    let w = World::new();
    let out = w.cmd().args(["alerts", "list", "--schema", "ocsf"]).run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--normalize"));
}

#[test]
fn ocsf_and_ecs_print_json_lines_and_have_no_table() {
    let w = World::new();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/alerts.json");
    for format in ["table", "csv"] {
        let out = w
            .bare()
            .args(["normalize", "--schema", "ecs", "-o", format])
            .arg(&path)
            .run(2);
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!("lwctl: error: --schema ecs events are nested JSON, with no {format} form\nlwctl: hint: use -o ndjson (one event a line) or -o json\n")
        );
    }
    // On a terminal, where alert lists default to a table, they print one event a line.
    w.server.state().add(crate::server::alert(
        9,
        chrono::Utc::now() - chrono::Duration::hours(2),
        json!("High"),
        "Open",
        "NewUser",
    ));
    let out = w
        .cmd()
        .env("LWCTL_TEST_TTY", "stdout")
        .args(["alerts", "list", "--normalize", "--schema", "ocsf"])
        .run(0);
    let events = lines(&out.stdout);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["class_uid"], 2004);
}

#[test]
fn the_default_schema_is_byte_identical_to_before() {
    // Written by lwctl at fbc7d07, before --schema existed; created_at since in milliseconds
    // always, one format whatever the input spelled.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let golden = std::fs::read(root.join("tests/fixtures/golden/aisoc.ndjson")).unwrap();
    let w = World::new();
    let files = [
        "examples/alerts.json",
        "tests/fixtures/go-sdk/alerts_page.json",
        "tests/fixtures/go-sdk/alert_details.json",
    ];
    let mut default = w.bare();
    default.arg("normalize");
    let mut aisoc = w.bare();
    aisoc.args(["normalize", "--schema", "aisoc"]);
    for cmd in [&mut default, &mut aisoc] {
        for f in files {
            cmd.arg(root.join(f));
        }
        assert_eq!(cmd.run(0).stdout, golden);
    }
}

#[test]
fn an_unknown_severity_is_other_in_ocsf_and_left_out_in_ecs() {
    let w = World::new();
    let input = r#"{"alertId": 1, "severity": "Severe", "status": "Open", "startTime": "2026-11-23T19:00:00Z"}"#;
    let out = w
        .bare()
        .args(["normalize", "--schema", "ocsf"])
        .write_stdin(input)
        .run(0);
    let e = &lines(&out.stdout)[0];
    assert_eq!(
        (e["severity_id"].clone(), e["severity"].clone()),
        (json!(99), json!("Severe"))
    );
    assert!(ocsf_schema().is_valid(e));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "lwctl: warning: 1 alert(s) had a severity that is not on the ladder and got severity_id 99 (Other): \"Severe\" ×1 (the original is in severity and raw_data)\n"
    );
    let out = w
        .bare()
        .args(["normalize", "--schema", "ecs"])
        .write_stdin(input)
        .run(0);
    assert!(lines(&out.stdout)[0]["event"].get("severity").is_none());
    assert!(String::from_utf8_lossy(&out.stderr).contains("have no event.severity"));
}

/// Every leaf of an event, by its dotted ECS name (`labels` is one object of keywords).
fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, Value)>) {
    match v {
        Value::Object(map) if prefix != "labels" => {
            for (k, inner) in map {
                let name = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&name, inner, out);
            }
        }
        other => out.push((prefix.to_owned(), other.clone())),
    }
}

/// Elastic's field definitions (the ECS 9.4.0 subset lwctl writes).
fn ecs_fields() -> serde_json::Map<String, Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let defs: Value = serde_json::from_slice(
        &std::fs::read(root.join("tests/fixtures/ecs/ecs_flat-9.4.0-subset.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        defs["source"],
        "elastic/ecs v9.4.0 generated/ecs/ecs_flat.yml"
    );
    defs["fields"].as_object().unwrap().clone()
}

/// Checks one ECS event against Elastic's definitions: required fields, names, types,
/// allowed values, and each `event.type` one its `event.category` expects. Returns its
/// categories.
pub(crate) fn check_ecs(e: &Value, input: &str) -> Vec<String> {
    let fields = ecs_fields();
    let mut leaves = Vec::new();
    flatten("", e, &mut leaves);
    for (name, f) in &fields {
        if f["required"] == true {
            assert!(
                leaves.iter().any(|(n, _)| n == name),
                "{input}: {name} is required"
            );
        }
    }
    for (name, value) in &leaves {
        let def = fields
            .get(name)
            .unwrap_or_else(|| panic!("{input}: {name} is not an ECS field"));
        let array = def["normalize"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n == "array");
        let values: Vec<&Value> = match value {
            Value::Array(items) if array => items.iter().collect(),
            other => {
                assert!(!array, "{input}: {name} must be an array");
                vec![other]
            }
        };
        for v in &values {
            let ok = match def["type"].as_str().unwrap() {
                "keyword" | "match_only_text" => v.is_string(),
                "long" => v.is_i64(),
                "date" => v
                    .as_str()
                    .is_some_and(|s| chrono::DateTime::parse_from_rfc3339(s).is_ok()),
                "object" => v
                    .as_object()
                    .is_some_and(|o| o.values().all(Value::is_string)),
                t => panic!("{name}: type {t} not checked"),
            };
            assert!(ok, "{input}: {name} = {v} is not a {}", def["type"]);
            if let Some(allowed) = def["allowed_values"].as_object() {
                assert!(
                    allowed.contains_key(v.as_str().unwrap()),
                    "{input}: {name} = {v} is not allowed"
                );
            }
        }
    }
    let categories = fields["event.category"]["allowed_values"]
        .as_object()
        .unwrap();
    let mut seen = Vec::new();
    for c in e["event"]["category"].as_array().unwrap() {
        seen.push(c.as_str().unwrap().to_owned());
        let expected = categories[c.as_str().unwrap()].as_array().unwrap();
        for t in e["event"]["type"].as_array().unwrap() {
            assert!(
                expected.contains(t),
                "{input}: event.type {t} is not expected for {c}"
            );
        }
    }
    assert_eq!(e["ecs"]["version"], "9.4.0");
    seen
}

/// Checks one OCSF event against the OCSF 1.3.0 schema of its class alone.
pub(crate) fn check_ocsf_schema(e: &Value) {
    let errors: Vec<String> = ocsf_schema()
        .iter_errors(e)
        .map(|x| format!("{} at {}", x, x.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{e:#}");
}

#[test]
fn ecs_events_pass_elastics_field_definitions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let w = World::new();
    let mut seen_categories = std::collections::BTreeSet::new();
    for input in [
        "tests/fixtures/go-sdk/alerts_page.json",
        "examples/alerts.json",
    ] {
        let events = lines(
            &w.bare()
                .args([
                    "normalize",
                    "--schema",
                    "ecs",
                    "--account",
                    "yourcorp",
                    "--subaccount",
                    "prod",
                ])
                .arg(root.join(input))
                .run(0)
                .stdout,
        );
        assert!(!events.is_empty());
        for e in &events {
            seen_categories.extend(check_ecs(e, input));
        }
    }
    // The real payloads span several categories, not one catch-all.
    assert!(seen_categories.len() >= 4, "{seen_categories:?}");
}
