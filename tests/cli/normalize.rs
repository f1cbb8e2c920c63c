use crate::{ndjson, Run, World};
use serde_json::Value;
use std::fs;

const A1: &str = r#"{"alertId":101,"alertName":"Root login","alertType":"CloudActivityLogIngestion","severity":"Critical","status":"Open","startTime":"2026-11-20T10:00:00.000Z","alertInfo":{"subject":"s1","description":"d1, with \"quotes\""},"policyId":"lw-1","extra":1.50e0}"#;
const A2: &str = r#"{"alertId": 102, "alertType": "NewUser", "severity": 4, "status": "Closed", "startTime": "2026-11-20T11", "alertInfo": {"subject": "caf\u00e9"}}"#;
const A3: &str = r#"{"alertId":"103","severity":"informational","startTime":"2026-11-20"}"#;

fn events(out: &[u8]) -> Vec<Value> {
    ndjson(out)
}

#[test]
fn every_input_shape_in_one_run() {
    let w = World::new();
    let nd = w.path("a.ndjson");
    fs::write(&nd, format!("{A1}\n\n{A2}\n")).unwrap();
    let arr = w.path("b.json");
    fs::write(&arr, format!("[\n  {A1},\n  {A3}\n]\n")).unwrap();
    let pages = w.path("c.json");
    fs::write(
        &pages,
        format!(
            "{{\"paging\":{{\"rows\":2,\"totalRows\":3,\"urls\":{{\"nextPage\":\"x\"}}}},\"data\":[{A1},{A2}]}}{{\"paging\":{{}},\"data\":[{A3}]}}"
        ),
    )
    .unwrap();
    let single = w.path("d.json");
    fs::write(&single, A2).unwrap();
    let out = w
        .bare()
        .arg("normalize")
        .args([&nd, &arr, &pages, &single])
        .run(0);
    let ev = events(&out.stdout);
    let ids: Vec<&str> = ev
        .iter()
        .map(|e| e["external_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["101", "102", "101", "103", "101", "102", "103", "102"]
    );
    // raw_event is byte-identical to the input object.
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].ends_with(&format!(",\"raw_event\":{A1}}}")));
    assert!(lines[1].ends_with(&format!(",\"raw_event\":{A2}}}")));
    assert!(lines[3].ends_with(&format!(",\"raw_event\":{A3}}}")));
    let e = &ev[0];
    assert_eq!(e["source"], "lacework");
    assert_eq!(e["title"], "Root login");
    assert_eq!(e["description"], "d1, with \"quotes\"");
    assert_eq!(e["severity"], "high");
    assert_eq!(e["category"], "cloud");
    assert_eq!(e["event_type"], "CloudActivityLogIngestion");
    assert_eq!(e["rule_name"], "lw-1");
    assert_eq!(e["status"], "Open");
    assert_eq!(e["created_at"], "2026-11-20T10:00:00.000Z");
    assert!(e.get("account").is_none() && e.get("subaccount").is_none());
    assert_eq!(ev[1]["title"], "café");
    assert_eq!(ev[1]["severity"], "low");
    assert_eq!(ev[1]["created_at"], "2026-11-20T11:00:00.000Z");
    assert!(ev[1]["description"].is_null() && ev[1]["rule_name"].is_null());
    assert_eq!(ev[3]["title"], "Lacework alert");
    assert_eq!(ev[3]["severity"], "info");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn stdin_flags_ladder_and_already_normalized_input() {
    let w = World::new();
    let out = w
        .bare()
        .args([
            "-a",
            "YourCorp.lacework.net",
            "--subaccount",
            "prod",
            "normalize",
            "--severity-ladder",
            "5",
            "-",
        ])
        .write_stdin(format!("{A1}\n"))
        .run(0);
    let ev = events(&out.stdout);
    assert_eq!(ev[0]["severity"], "critical");
    assert_eq!(ev[0]["account"], "yourcorp");
    assert_eq!(ev[0]["subaccount"], "prod");
    // Fed back in, events are derived again from raw_event, not wrapped twice.
    let again = w
        .bare()
        .args(["normalize", "--severity-ladder", "5"])
        .write_stdin(out.stdout.clone())
        .run(0);
    assert_eq!(again.stdout, out.stdout);
}

#[test]
fn unknown_severities_are_medium_with_one_warning() {
    let w = World::new();
    let out = w
        .bare()
        .arg("normalize")
        .write_stdin("{\"alertId\":1,\"severity\":\"Severe\"}\n{\"alertId\":2}\n{\"alertId\":3,\"severity\":\"Severe\"}\n")
        .run(0);
    assert!(events(&out.stdout)
        .iter()
        .all(|e| e["severity"] == "medium"));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("3 alert(s)")
            && err.contains("\"Severe\" ×2")
            && err.contains("\"(missing)\" ×1"),
        "{err}"
    );
}

#[test]
fn invalid_input_exits_8_with_the_place_and_keeps_whole_lines() {
    let w = World::new();
    let f = w.path("bad.ndjson");
    fs::write(
        &f,
        format!("{A1}\n{A3}\n{{\"alertId\": 5, \"x\": }}\n{A2}\n"),
    )
    .unwrap();
    let out = w.bare().arg("normalize").arg(&f).run(8);
    assert_eq!(events(&out.stdout).len(), 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}:3:21: invalid JSON", f.display())),
        "{err}"
    );

    for (input, place, what) in [
        ("[1]", ":1:2:", "expected an alert object"),
        ("{\"alertName\":\"x\"}\n", ":1:1:", "no alertId"),
        ("garbage\n", ":1:1:", "expected an alert object"),
        (
            "{\"alertId\":1}\n{\"alertId\":2\n{\"alertId\":3}\n",
            ":2:13:",
            "NDJSON",
        ),
        ("[{\"alertId\":1},", ":1:", "end of input"),
    ] {
        let out = w.bare().arg("normalize").write_stdin(input).run(8);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("<stdin>{place}")) && err.contains(what),
            "{input:?}: {err}"
        );
        assert!(out.stdout.is_empty() || out.stdout.ends_with(b"\n"));
    }
}

#[test]
fn skip_invalid_counts_and_reports() {
    let w = World::new();
    let out = w
        .bare()
        .args(["normalize", "--skip-invalid"])
        .write_stdin(format!("{A1}\nnot json\n[1, {A2}]\n{{\"x\":1}}\n{A3}\n"))
        .run(0);
    let ids: Vec<String> = events(&out.stdout)
        .iter()
        .map(|e| e["external_id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["101", "102", "103"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("skipped 3 invalid record(s)"), "{err}");
    assert!(
        err.contains("<stdin>:2:1") && err.contains("<stdin>:3:2") && err.contains("<stdin>:4:1"),
        "{err}"
    );
}

#[test]
fn the_shipped_example_normalizes() {
    let w = World::new();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/alerts.json");
    let out = w.bare().arg("normalize").arg(example).run(0);
    let ev = events(&out.stdout);
    assert_eq!(ev.len(), 10);
    assert!(ev
        .iter()
        .all(|e| e["source"] == "lacework" && e["raw_event"]["alertId"].is_u64()));
}

#[test]
fn closed_pipe_ends_quietly() {
    let w = World::new();
    let input: String = (0..20_000)
        .map(|i| format!("{{\"alertId\":{i},\"severity\":\"High\"}}\n"))
        .collect();
    let f = w.path("big.ndjson");
    fs::write(&f, input).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_lwctl"))
        .arg("normalize")
        .arg(&f)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_bom_is_skipped_and_a_nested_chain_is_bad_input_after_the_good_events() {
    let w = World::new();
    let bom = w.path("bom.json");
    std::fs::write(&bom, b"\xef\xbb\xbf{\"alertId\":1,\"severity\":\"High\"}\n").unwrap();
    let out = w.bare().arg("normalize").arg(&bom).run(0);
    assert_eq!(crate::ids(&out.stdout), vec![1]);
    // 20,000 levels of raw_event overflowed the stack (exit 134) and lost the good event.
    let mut chain = String::from(r#"{"alertId":2,"severity":"Low"}"#);
    for _ in 0..20_000 {
        chain = format!(r#"{{"source":"lacework","raw_event":{chain}}}"#);
    }
    let file = w.path("nested.ndjson");
    std::fs::write(
        &file,
        format!("{{\"alertId\":1,\"severity\":\"High\"}}\n{chain}\n"),
    )
    .unwrap();
    let out = w.bare().arg("normalize").arg(&file).run(8);
    assert_eq!(crate::ids(&out.stdout), vec![1]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("nested in raw_event more than 4 deep"));
    let out = w
        .bare()
        .args(["normalize", "--skip-invalid"])
        .arg(&file)
        .run(0);
    assert_eq!(crate::ids(&out.stdout), vec![1]);
}

/// NDJSON of about 1.6 MB: several runs of lines for the threads, with odd severities (more
/// distinct ones than the warning keeps) and, when `bad`, broken records among them.
fn big_ndjson(bad: bool) -> String {
    let mut s = String::new();
    for i in 0..6_000u32 {
        let severity = match i % 7 {
            0 => format!("odd-{}", i % 23),
            1 => "Critical".into(),
            _ => "Medium".into(),
        };
        s.push_str(&format!(
            "{{\"alertId\":{i},\"alertName\":\"Alert {i}\",\"severity\":\"{severity}\",\"status\":\"Open\",\"startTime\":\"2026-11-20T10:00:00.000Z\",\"alertInfo\":{{\"subject\":\"s\",\"description\":\"{}\"}}}}\n",
            "x".repeat(150)
        ));
        if bad && i % 1_500 == 700 {
            s.push_str("{\"alertName\": \"a pretty object\",\n  \"alertId\": 1}\n\nnot json\n");
        }
    }
    s
}

#[test]
fn threads_give_the_same_bytes_and_messages_as_one() {
    let w = World::new();
    for (bad, args, code) in [
        (false, &["--schema", "ocsf"][..], 0),
        (true, &["--skip-invalid"][..], 0),
        (true, &[][..], 8),
    ] {
        let file = w.path("big.ndjson");
        fs::write(&file, big_ndjson(bad)).unwrap();
        let one = w
            .bare()
            .args(["normalize", "-j", "1"])
            .args(args)
            .arg(&file)
            .run(code);
        for threads in ["2", "3"] {
            let many = w
                .bare()
                .args(["normalize", "-j", threads])
                .args(args)
                .arg(&file)
                .run(code);
            assert!(one.stdout == many.stdout, "{args:?} with {threads} threads");
            assert_eq!(
                String::from_utf8_lossy(&one.stderr),
                String::from_utf8_lossy(&many.stderr)
            );
        }
        let err = String::from_utf8_lossy(&one.stderr);
        match code {
            8 => {
                // Stopped at the first bad record, with every event before it written.
                assert!(
                    err.contains("big.ndjson:702:33: unexpected end of line"),
                    "{err}"
                );
                assert_eq!(events(&one.stdout).len(), 701);
            }
            _ if bad => {
                // Each insertion: the broken line, its rest, and "not json".
                assert!(err.contains("skipped 12 invalid record(s)"), "{err}");
                assert_eq!(events(&one.stdout).len(), 6_000);
            }
            _ => assert_eq!(events(&one.stdout).len(), 6_000),
        }
        if code == 0 {
            assert!(
                err.contains("858 alert(s) had a severity that is not on the ladder"),
                "{err}"
            );
        }
    }
    w.bare()
        .args(["normalize", "-j", "0"])
        .write_stdin("")
        .run(2);
}

#[test]
fn sigterm_ends_a_threaded_run_between_records_with_whole_lines() {
    let w = World::new();
    let mut child = w
        .child()
        .args(["normalize", "-j", "2", "--schema", "ocsf"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Alerts keep coming until lwctl is gone.
    let feeder = std::thread::spawn(move || {
        let line = format!("{A1}\n").repeat(1_000);
        while std::io::Write::write_all(&mut stdin, line.as_bytes()).is_ok() {}
    });
    let pid = child.id();
    let killer = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(700));
        crate::sigterm(pid);
    });
    let out = child.wait_with_output().unwrap();
    killer.join().unwrap();
    feeder.join().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert!(out.stdout.ends_with(b"\n") && out.stdout.len() > 1_000);
    assert!(events(&out.stdout)
        .iter()
        .all(|e| e["finding_info"]["uid"] == "101"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("interrupted"));
}
