//! Property tests: the parsers never panic on arbitrary input, and normalize keeps its promises
//! on arbitrary alerts. `PROPTEST_CASES` raises the case count for a longer fuzzing run.

use crate::cmd::normalize::{map_all, Skipped};
use crate::config::Account;
use crate::normalize::Normalizer;
use proptest::prelude::*;
use serde_json::{json, Value};

/// JSON-ish text: fragments that make the scanner's states meet in odd orders.
fn jsonish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("\n".to_string()),
        Just(" ".to_string()),
        Just("\"alertId\":".to_string()),
        Just("\"data\":".to_string()),
        Just("\"source\":1,\"raw_event\":".to_string()),
        Just("{\"alertId\":1}".to_string()),
        "[a-z0-9é\\\\\"]{0,6}",
        any::<i64>().prop_map(|n| n.to_string()),
    ];
    prop::collection::vec(token, 0..40).prop_map(|v| v.concat())
}

fn run(input: &[u8], skip: bool) -> (Vec<u8>, bool) {
    let (out, ok, _) = run_all(input, skip, 1);
    (out, ok)
}

/// Everything a run of `normalize_stream` shows: the output, whether it succeeded, and a report
/// of the error, the records skipped and the unknown severities' warning.
fn run_all(input: &[u8], skip: bool, threads: usize) -> (Vec<u8>, bool, String) {
    let mut n = Normalizer::default();
    let mut sink = Vec::new();
    let mut skipped = Skipped::default();
    let result = map_all(
        input,
        &mut n,
        &mut sink,
        skip.then_some(&mut skipped),
        threads,
    );
    let ok = result.is_ok();
    let report = format!(
        "{:?} {} {:?} {:?}",
        result.map_err(|e| format!("{e:#}")),
        skipped.count,
        skipped.first,
        n.unknown.warning(crate::schema::Schema::Aisoc)
    );
    (sink, ok, report)
}

/// NDJSON as people have it: alerts, blank lines, broken lines, pretty objects, pages.
fn ndjson_line() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (any::<u32>(), "[A-Za-z]{0,3}|Critical|High").prop_map(|(id, sev)| {
            json!({"alertId": id, "severity": sev, "alertName": "n", "startTime": "2026-11-22T09:00:00.000Z"}).to_string()
        }),
        1 => Just(String::new()),
        1 => Just("  \t ".to_string()),
        1 => Just("{\"alertId\": 7,".to_string()),
        1 => Just("\"alertName\": \"rest of a pretty object\"}".to_string()),
        1 => Just("{\"alertName\": \"no id\"}".to_string()),
        1 => Just("{\"data\": [{\"alertId\": 1}, {\"alertId\": 2}]}".to_string()),
        1 => Just("{\"data\": [{\"alertId\": 8, \"severity\": \"odd\"}, {\"alertName\": \"no id\"}]}".to_string()),
        1 => Just("{\"alertId\": 3}{\"alertId\": 4}".to_string()),
        1 => Just("[{\"alertId\": 5}]".to_string()),
        1 => Just("not json".to_string()),
        1 => Just("{\"alertId\": 6}\r".to_string()),
    ]
}

fn alert_value() -> impl Strategy<Value = Value> {
    (
        any::<u32>(),
        prop::option::of("[ -~é\u{2014}\\n\\t\"\\\\]{0,20}"),
        prop::option::of(prop_oneof![
            Just(json!("Critical")),
            Just(json!("informational")),
            Just(json!(3)),
            Just(json!("7")),
            Just(json!(null)),
            Just(json!({"x": 1})),
        ]),
        prop::option::of(
            "20[0-9]{2}-[01][0-9]-[0-3][0-9](T[0-2][0-9](:[0-5][0-9]:[0-5][0-9](\\.[0-9]{3})?Z)?)?",
        ),
        prop::option::of(any::<f64>().prop_filter("finite", |f| f.is_finite())),
    )
        .prop_map(|(id, name, sev, start, extra)| {
            let mut m = serde_json::Map::new();
            m.insert("alertId".into(), json!(id));
            if let Some(n) = name {
                m.insert("alertName".into(), json!(n));
            }
            if let Some(s) = sev {
                m.insert("severity".into(), s);
            }
            if let Some(s) = start {
                m.insert("startTime".into(), json!(s));
            }
            if let Some(e) = extra {
                m.insert("zExtra".into(), json!(e));
            }
            Value::Object(m)
        })
}

/// The OCSF 1.3.0 Detection Finding schema the tests vendor (`tests/fixtures/ocsf/`).
static OCSF: std::sync::LazyLock<jsonschema::Validator> = std::sync::LazyLock::new(|| {
    let schema: Value = serde_json::from_str(include_str!(
        "../tests/fixtures/ocsf/detection_finding-1.3.0.schema.json"
    ))
    .unwrap();
    jsonschema::validator_for(&schema).unwrap()
});

/// Alerts with every field the OCSF mapping reads, each present or not, in odd shapes.
fn ocsf_alert() -> impl Strategy<Value = Value> {
    let text = || {
        prop::option::of(prop_oneof![
            "[ -~é\u{2014}\\n\\t\"\\\\]{0,12}".prop_map(Value::from),
            Just(json!("")),
            any::<i32>().prop_map(Value::from),
            Just(json!(null)),
            Just(json!({"x": [1]})),
        ])
    };
    (
        (
            any::<u32>(),
            text(),
            text(),
            prop::option::of(prop_oneof![
                Just(json!("Critical")),
                Just(json!("high")),
                Just(json!(3)),
                Just(json!("4")),
                Just(json!("Informational")),
                Just(json!("weird")),
                Just(json!(9)),
                Just(json!(null)),
            ]),
        ),
        (
            prop::option::of(prop_oneof![
                Just(json!("Open")),
                Just(json!("Closed")),
                Just(json!("In Progress")),
                Just(json!("Snoozed")),
                Just(json!(1)),
            ]),
            prop::option::of(
                "20[0-9]{2}-[01][1-9]-[0-2][1-9]T[01][0-9]:[0-5][0-9]:[0-5][0-9](\\.[0-9]{3})?Z",
            ),
            prop::option::of("20[0-9]{2}-[01][1-9]-[0-2][1-9]T[01][0-9]:00:00Z"),
        ),
        (
            text(),
            text(),
            text(),
            prop::option::of(prop_oneof![
                Just(json!({"category": "Policy", "sub_category": "Compliance", "source": "AWS"})),
                Just(json!({"source": "Azure"})),
                Just(json!({"source": "gcp", "category": 5})),
                Just(json!("not an object")),
            ]),
        ),
        prop::option::of(prop_oneof![
            Just(json!({"CT_User": [{"KEY": {"account": "123456789012"}}]})),
            Just(json!({"Machine": [{"KEY": {"mid": 1}, "PROPS": {"accountId": 42}}]})),
            Just(json!([])),
        ]),
    )
        .prop_map(
            |(
                (id, name, ty, sev),
                (status, start, end),
                (subject, desc, policy, derived),
                entities,
            )| {
                let mut m = serde_json::Map::new();
                m.insert("alertId".into(), json!(id));
                for (k, v) in [
                    ("alertName", name),
                    ("alertType", ty),
                    ("severity", sev),
                    ("status", status),
                    ("policyId", policy),
                    ("derivedFields", derived),
                    ("entityMap", entities),
                ] {
                    if let Some(v) = v {
                        m.insert(k.into(), v);
                    }
                }
                if let Some(s) = start {
                    m.insert("startTime".into(), json!(s));
                }
                if let Some(e) = end {
                    m.insert("endTime".into(), json!(e));
                }
                if subject.is_some() || desc.is_some() {
                    m.insert(
                        "alertInfo".into(),
                        json!({"subject": subject, "description": desc}),
                    );
                }
                Value::Object(m)
            },
        )
}

proptest! {
    #[test]
    fn normalize_never_panics_on_bytes(input in prop::collection::vec(any::<u8>(), 0..300)) {
        let (out, _) = run(&input, true);
        let (out2, _) = run(&input, false);
        prop_assert!(out.is_empty() || out.ends_with(b"\n"));
        prop_assert!(out2.is_empty() || out2.ends_with(b"\n"));
    }

    #[test]
    fn normalize_never_panics_on_jsonish(input in jsonish()) {
        let (out, _) = run(input.as_bytes(), true);
        for line in out.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let v: Value = serde_json::from_slice(line).expect("every event line is JSON");
            prop_assert_eq!(&v["source"], "lacework");
        }
    }

    #[test]
    fn every_alert_becomes_one_faithful_event(alerts in prop::collection::vec(alert_value(), 0..20), pretty in any::<bool>()) {
        let input = if pretty {
            serde_json::to_string_pretty(&alerts).unwrap()
        } else {
            alerts.iter().map(|a| format!("{a}\n")).collect()
        };
        let (out, ok) = run(input.as_bytes(), false);
        prop_assert!(ok);
        let events: Vec<Value> = out.split(|&b| b == b'\n').filter(|l| !l.is_empty()).map(|l| serde_json::from_slice(l).unwrap()).collect();
        prop_assert_eq!(events.len(), alerts.len());
        for (e, a) in events.iter().zip(&alerts) {
            // Compared after the same parse on both sides: serde_json's float parsing is not exact.
            let reparsed: Value = serde_json::from_str(&a.to_string()).unwrap();
            prop_assert_eq!(&e["raw_event"], &reparsed);
            prop_assert_eq!(&e["external_id"], &json!(a["alertId"].to_string()));
            prop_assert!(["high", "medium", "low", "info"].contains(&e["severity"].as_str().unwrap()));
        }
        if !pretty {
            // Byte for byte: the raw_event is the input line.
            for (line, a) in out.split(|&b| b == b'\n').zip(&alerts) {
                let line = std::str::from_utf8(line).unwrap();
                let expected = format!(",\"raw_event\":{a}}}");
                prop_assert!(line.ends_with(&expected));
            }
        }
    }

    #[test]
    fn every_alert_becomes_a_valid_ocsf_detection_finding(alerts in prop::collection::vec(ocsf_alert(), 1..10)) {
        let input: String = alerts.iter().map(|a| format!("{a}\n")).collect();
        let mut n = Normalizer::new(crate::schema::Options {
            schema: crate::schema::Schema::Ocsf,
            account: Some("acme".into()),
            subaccount: Some("prod".into()),
            ..Default::default()
        });
        let mut sink = Vec::new();
        prop_assert!(map_all(input.as_bytes(), &mut n, &mut sink, None, 1).is_ok());
        let events: Vec<Value> = sink.split(|&b| b == b'\n').filter(|l| !l.is_empty()).map(|l| serde_json::from_slice(l).unwrap()).collect();
        prop_assert_eq!(events.len(), alerts.len());
        for (e, a) in events.iter().zip(&alerts) {
            let errors: Vec<String> = OCSF.iter_errors(e).map(|x| format!("{x} at {}", x.instance_path())).collect();
            prop_assert!(errors.is_empty(), "{:?}\n{}", errors, e);
            prop_assert_eq!(&e["finding_info"]["uid"], &json!(format!("acme:prod:{}", a["alertId"])));
            let raw: Value = serde_json::from_str(e["raw_data"].as_str().unwrap()).unwrap();
            let reparsed: Value = serde_json::from_str(&a.to_string()).unwrap();
            prop_assert_eq!(raw, reparsed);
        }
    }

    #[test]
    fn threads_change_nothing_but_speed(lines in prop::collection::vec(ndjson_line(), 0..60), skip in any::<bool>()) {
        let input = lines.join("\n");
        let one = run_all(input.as_bytes(), skip, 1);
        for threads in [2, 3] {
            prop_assert_eq!(&run_all(input.as_bytes(), skip, threads), &one, "{} threads", threads);
        }
    }

    #[test]
    fn time_parsers_never_panic(s in "\\PC{0,40}", t in "[-0-9TZ:.+smhdw ]{0,30}") {
        let now = chrono::Utc::now();
        let _ = crate::time::parse_time(&s, now);
        let _ = crate::time::parse_time(&t, now);
        let _ = crate::time::parse_duration(&s);
        let _ = crate::time::parse_duration(&t);
        let _ = crate::time::parse_api_time(&t);
    }

    #[test]
    fn api_millis_is_the_calendar_s_answer(
        s in "[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,10})?[Zz]?",
        t in "[-0-9TZ:. ]{0,30}",
    ) {
        for v in [&s, &t] {
            let calendar = crate::time::parse_api_time(v).map(|t| t.timestamp_millis());
            prop_assert_eq!(crate::time::api_millis(v), calendar, "{}", v);
        }
    }

    #[test]
    fn accounts_parse_to_lacework_hosts_or_not_at_all(s in "\\PC{0,40}", t in "(https://)?[a-zA-Z0-9.@#/%?-]{0,30}") {
        for input in [&s, &t] {
            if let Ok(a) = Account::parse(input) {
                prop_assert!(a.host.ends_with(".lacework.net"), "{}", a.host);
                prop_assert!(a.host.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-'));
                prop_assert!(!a.name.is_empty());
            }
        }
    }
}

/// A value as a hostile or careless user types one for a number, duration, size or time flag.
fn flag_value() -> impl Strategy<Value = String> {
    let number = prop_oneof![
        "[0-9]{1,3}",
        "[0-9]{10,25}",
        Just("18446744073709551615".to_string()),
        Just("0".to_string()),
    ];
    let unit = prop_oneof![
        Just(""),
        Just("ms"),
        Just("s"),
        Just("m"),
        Just("h"),
        Just("d"),
        Just("w"),
        Just("B"),
        Just("KB"),
        Just("MiB"),
        Just("GiB"),
        Just("x"),
    ];
    (prop::bool::ANY, number, unit, prop::bool::ANY).prop_map(|(minus, n, u, twice)| {
        let one = format!("{}{n}{u}", if minus { "-" } else { "" });
        if twice {
            format!("{one}{n}{u}")
        } else {
            one
        }
    })
}

proptest! {
    /// No value of any number, duration, size or time flag panics: it parses, or it is a
    /// usage error (exit 2) naming the flag; and what parses resolves to a window without
    /// overflowing.
    #[test]
    fn no_flag_value_panics(value in flag_value(), unit in prop::sample::select(vec!["minutes", "hours", "days", "weeks"])) {
        use clap::Parser;
        let range = format!("last {} {unit}", value.trim_start_matches('-'));
        // `--flag=value`, as a negative value must be given.
        let f = |flag: &str| format!("{flag}={value}");
        let cases: Vec<Vec<String>> = vec![
            vec![f("--timeout"), "alerts".into(), "list".into()],
            vec![f("--max-wait"), "alerts".into(), "list".into()],
            vec![f("--retries"), "alerts".into(), "list".into()],
            vec![f("--max-response"), "alerts".into(), "list".into()],
            vec!["alerts".into(), "list".into(), f("--start")],
            vec!["alerts".into(), "list".into(), f("--end")],
            vec!["alerts".into(), "list".into(), format!("--range={range}")],
            vec!["alerts".into(), "list".into(), f("--limit")],
            vec!["alerts".into(), "poll".into(), f("--since")],
            vec!["alerts".into(), "poll".into(), f("--overlap")],
            vec!["alerts".into(), "poll".into(), f("--every")],
            vec!["org".into(), "plan".into(), f("--every")],
            vec!["normalize".into(), f("--threads")],
        ];
        let now = chrono::Utc::now();
        for args in cases {
            let flag = args.iter().find(|a| a.starts_with("--")).and_then(|a| a.split('=').next()).unwrap_or("").to_owned();
            match crate::cli::Cli::try_parse_from(std::iter::once("lwctl".to_owned()).chain(args.iter().cloned())) {
                Err(e) => {
                    prop_assert_eq!(e.exit_code(), 2, "{:?}", args);
                    let text = e.to_string();
                    prop_assert!(text.contains(&flag), "{:?}: {}", args, text);
                }
                Ok(cli) => match cli.command {
                    crate::cli::Command::Alerts(crate::cli::AlertsCommand::List(l)) => {
                        let (s, e) = l.range.map_or((l.start, l.end), |(s, e)| (Some(s), Some(e)));
                        let _ = crate::cmd::alerts::resolve_window(s, e, now);
                    }
                    crate::cli::Command::Alerts(crate::cli::AlertsCommand::Poll(p)) => {
                        let since = chrono::Duration::from_std(p.since).unwrap();
                        let overlap = chrono::Duration::from_std(p.overlap).unwrap();
                        let w = crate::poll::window(None, now, since, overlap);
                        prop_assert!(w.start <= w.end);
                    }
                    _ => {}
                },
            }
        }
    }
}
