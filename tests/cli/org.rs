use crate::server;
use crate::{Run, World};
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
