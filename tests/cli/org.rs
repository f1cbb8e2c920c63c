use crate::server::{self, Fault};
use crate::{Run, World};
use chrono::{Duration, Utc};
use serde_json::Value;
use std::fs;

fn with_alert() -> World {
    let w = World::new();
    w.server.state().add(server::alert(
        42,
        Utc::now() - Duration::hours(1),
        "High".into(),
        "Open",
        "T",
    ));
    w
}

fn posts(w: &World) -> Vec<(String, Value)> {
    w.server
        .state()
        .log
        .iter()
        .filter(|l| l.method == "POST" && l.path.starts_with("/api/v2/Alerts/4"))
        .map(|l| (l.path.clone(), serde_json::from_str(&l.body).unwrap()))
        .collect()
}

#[test]
fn comment_posts_once_and_is_not_resent() {
    let w = with_alert();
    let out = w
        .cmd()
        .args([
            "alerts",
            "comment",
            "42",
            "--comment",
            "seen, \"benign\"",
            "-o",
            "json",
        ])
        .run(0);
    let answer: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(answer["data"]["message"]["value"], "seen, \"benign\"");
    assert_eq!(answer["data"]["entryType"], "Comment");
    assert!(String::from_utf8_lossy(&out.stderr).contains("commented on alert 42"));
    assert_eq!(
        posts(&w),
        vec![(
            "/api/v2/Alerts/42/comment".into(),
            serde_json::json!({"comment": "seen, \"benign\""})
        )]
    );
    // A POST that reached the server is never sent again, even on a 503.
    w.server.state().queue.push_back(Fault::Status(503));
    w.cmd()
        .args(["alerts", "comment", "42", "--comment", "again"])
        .run(7);
    assert_eq!(posts(&w).len(), 2);
    w.cmd()
        .args(["alerts", "comment", "43", "--comment", "x"])
        .run(5);
}

#[test]
fn close_needs_a_yes_a_reason_and_for_other_a_comment() {
    let w = with_alert();
    let out = w
        .cmd()
        .args(["alerts", "close", "42", "--reason", "false-positive"])
        .run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("pass --yes"));
    let out = w
        .cmd()
        .args(["alerts", "close", "42", "--reason", "0", "--yes"])
        .run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a --comment"));
    let out = w
        .cmd()
        .args(["alerts", "close", "42", "--reason", "bogus", "--yes"])
        .run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 false-positive"));
    assert!(posts(&w).is_empty());

    let out = w
        .cmd()
        .args([
            "alerts",
            "close",
            "42",
            "--reason",
            "False_Positive",
            "--comment",
            "CI",
            "--yes",
        ])
        .run(0);
    assert!(String::from_utf8_lossy(&out.stderr).contains("closed alert 42 (False positive)"));
    assert_eq!(
        posts(&w),
        vec![(
            "/api/v2/Alerts/42/close".into(),
            serde_json::json!({"reason": 1, "comment": "CI"})
        )]
    );
    w.cmd()
        .args(["alerts", "close", "404", "--reason", "5", "--yes"])
        .run(5);
}

#[test]
fn org_accounts_lists_what_the_key_reaches() {
    let w = World::new();
    let out = w
        .cmd()
        .args(["--subaccount", "sub-a", "org", "accounts", "-o", "table"])
        .run(0);
    let text = String::from_utf8(out.stdout).unwrap();
    for a in [
        "testcorp",
        "sub-a",
        "sub-b",
        "← --subaccount",
        "alice@example.com (organization account)",
    ] {
        assert!(text.contains(a), "{a} in\n{text}");
    }
    assert!(out.stderr.is_empty());
    // Asked without Account-Name.
    assert!(w
        .server
        .state()
        .log
        .iter()
        .filter(|l| l.path == "/api/v2/UserProfile")
        .all(|l| l.header("Account-Name").is_none()));

    let out = w
        .cmd()
        .env("LW_API_KEY", server::SUB_KEY_ID)
        .env("LW_API_SECRET", server::SUB_SECRET)
        .args(["--subaccount", "sub-b", "org", "accounts", "-o", "json"])
        .run(0);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["accounts"][0]["accountName"], "SUB-A");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("subaccount 'sub-b' is not among the accounts this key can reach (SUB-A)"),
        "{err}"
    );
}

#[test]
fn mapping_check_and_route() {
    let w = World::new();
    let good = w.path("map.json");
    fs::write(
        &good,
        r#"{"defaultLaceworkAccountAws": "TestCorp", "integration_mappings": {"Sub-A": {"aws_accounts": ["111111111111", "222222222222"]}}}"#,
    )
    .unwrap();
    let out = w
        .bare()
        .args(["org", "mapping", "check"])
        .arg(&good)
        .args(["-o", "json"])
        .run(0);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"default": "testcorp", "accounts": {"sub-a": ["111111111111", "222222222222"]}})
    );

    let out = w
        .bare()
        .args(["org", "mapping", "route", "222222222222", "--mapping"])
        .arg(&good)
        .args(["-o", "table"])
        .run(0);
    assert_eq!(out.stdout, b"sub-a\n");
    let out = w
        .bare()
        .args(["org", "mapping", "route", "999999999999", "--mapping"])
        .arg(&good)
        .run(0);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"aws_account": "999999999999", "lacework_account": "testcorp", "explicit": false})
    );
    w.bare()
        .args(["org", "mapping", "route", "12345", "--mapping"])
        .arg(&good)
        .run(2);

    let bad = w.path("bad.json");
    fs::write(
        &bad,
        r#"{"integration_mappings": {"a": {"aws_accounts": ["1234"]}}}"#,
    )
    .unwrap();
    let out = w.bare().args(["org", "mapping", "check"]).arg(&bad).run(8);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("defaultLaceworkAccountAws is missing")
            && err.contains("\"1234\" is not a 12-digit"),
        "{err}"
    );
}
