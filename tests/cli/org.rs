use crate::server;
use crate::{Run, World};
use chrono::{Duration, Utc};
use serde_json::Value;
use std::fs;

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
        .run(4);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("a key made inside a subaccount answers only there"),
        "{err}"
    );
    // Asked inside the subaccount it was made in, such a key lists what it reaches.
    let out = w
        .cmd()
        .env("LW_API_KEY", server::SUB_KEY_ID)
        .env("LW_API_SECRET", server::SUB_SECRET)
        .args(["--subaccount", "sub-a", "org", "accounts", "-o", "json"])
        .run(0);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["accounts"][0]["accountName"], "SUB-A");
    // The primary key meeting a subaccount it cannot reach is told which it can.
    let out = w
        .cmd()
        .args(["--subaccount", "nosuch", "alerts", "list"])
        .run(4);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nosuch is not among the accounts this key reaches: testcorp, sub-a, sub-b"),
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
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "AWS account   Lacework account  Mapped\n222222222222  sub-a             explicitly\n"
    );
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

#[test]
fn api_reaches_any_v2_endpoint_through_the_same_client() {
    let w = World::new();
    let out = w.cmd().args(["api", "get", "/api/v2/UserProfile"]).run(0);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["data"][0]["username"], "alice@example.com");
    // Same Account-Name and token as every command; the secret only on the exchange.
    w.cmd()
        .args(["--subaccount", "sub-a", "api", "GET", "api/v2/UserProfile"])
        .run(0);
    let last = w.server.state().log.last().unwrap().clone();
    assert_eq!(last.header("Account-Name"), Some("sub-a"));
    assert!(last.header("Authorization").unwrap().starts_with("Bearer "));
    // Paths off /api/v2/ or the host are refused before anything is sent.
    let before = w.server.state().log.len();
    for bad in [
        "http://127.0.0.2/api/v2/UserProfile",
        "//evil.example/api/v2/x",
        "/api/v2/../../etc",
        "/other",
    ] {
        let out = w.cmd().args(["api", "get", bad]).run(2);
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("is not an /api/v2/ endpoint"),
            "{bad}"
        );
    }
    let out = w
        .cmd()
        .args(["api", "post", "/api/v2/Alerts/search", "-d", "{oops"])
        .run(2);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("-d is not valid JSON at line 1, column 2")
    );
    assert_eq!(w.server.state().log.len(), before);
    // A 403 is exit 4 with the hint, as for every command.
    w.cmd()
        .args([
            "--subaccount",
            "sub-zz",
            "api",
            "get",
            "/api/v2/UserProfile",
        ])
        .run(4);
    // --paginate streams every page's data.
    let now = Utc::now();
    {
        let mut st = w.server.state();
        st.alerts = server::generate(1, 25, now - Duration::hours(2), now - Duration::minutes(1));
        st.page_size = 10;
    }
    let q = format!(
        "/api/v2/Alerts?startTime={}&endTime={}",
        lwctl::time::api_time(now - Duration::hours(3)),
        lwctl::time::api_time(now)
    );
    let out = w
        .cmd()
        .args(["api", "get", &q, "--paginate", "-o", "ndjson"])
        .run(0);
    assert_eq!(crate::ids(&out.stdout), (1..=25).collect::<Vec<u64>>());
    let out = w.cmd().args(["api", "get", &q, "--paginate"]).run(0);
    let all: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 25);
    // A comment through api: a POST, sent once.
    let body = w.path("c.json");
    fs::write(&body, r#"{"comment": "via api"}"#).unwrap();
    w.cmd()
        .args(["api", "post", "/api/v2/Alerts/3/comment", "-d"])
        .arg(format!("@{}", body.display()))
        .run(0);
    assert_eq!(w.server.state().alerts[2].comments, ["via api"]);
}

#[test]
fn alerts_open_prints_the_console_url_without_a_display() {
    let w = World::new();
    let out = w
        .cmd()
        .args(["--subaccount", "sub-a", "alerts", "open", "42"])
        .run(0);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "https://testcorp.lacework.net/ui/investigation/monitor/AlertInbox/42/details?accountName=sub-a\n"
    );
    let out = w
        .cmd()
        .env("DISPLAY", ":0")
        .args(["alerts", "open", "42", "--url"])
        .run(0);
    assert!(String::from_utf8_lossy(&out.stdout)
        .ends_with("AlertInbox/42/details?accountName=testcorp\n"));
    w.cmd().args(["alerts", "open", "x"]).run(2);
}
