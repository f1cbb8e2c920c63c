//! Real tenants, round 2: regions kept by configure, FortiCloud keys, the 120 s default,
//! proxies, and the small bugs users met on the first day.

use crate::server;
use crate::{Run, World};
use chrono::{Duration, Utc};
use std::fs;

fn profile(w: &World) -> String {
    fs::read_to_string(w.path(".lacework.toml")).unwrap()
}

#[test]
fn configure_keeps_the_region_however_it_is_spelled() {
    for spelling in [
        "yourcorp.fra",
        "yourcorp.fra.lacework.net",
        "https://yourcorp.fra.lacework.net/",
        "YourCorp.FRA.lacework.net",
    ] {
        let w = World::new();
        w.bare()
            .args([
                "-a",
                spelling,
                "-k",
                server::KEY_ID,
                "configure",
                "--no-verify",
            ])
            .env("LW_API_SECRET", server::SECRET)
            .run(0);
        let text = profile(&w);
        assert!(
            text.contains("account = \"yourcorp.fra\""),
            "{spelling}: {text}"
        );
        // A later command goes to the region's host, the token cache keyed by it.
        let out = w
            .bare()
            .args(["-v", "--no-cache", "alerts", "open", "7", "--url"])
            .run(0);
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            "https://yourcorp.fra.lacework.net/ui/investigation/monitor/AlertInbox/7/details?accountName=yourcorp",
            "{spelling}"
        );
    }
    // An account without a region stays the name alone, as the official CLI writes it.
    let w = World::new();
    w.bare()
        .args([
            "-a",
            "https://yourcorp.lacework.net/",
            "-k",
            server::KEY_ID,
            "configure",
            "--no-verify",
        ])
        .env("LW_API_SECRET", server::SECRET)
        .run(0);
    assert!(profile(&w).contains("account = \"yourcorp\""));
}

#[test]
fn a_forticloud_credentials_file_works_end_to_end() {
    let w = World::new();
    let creds = w.path("creds.txt");
    // The FortiCloud portal's shape: a UUID key id and a plain hex secret (CRLF, as Windows).
    fs::write(
        &creds,
        format!(
            "apiId:{}\r\npassword:{}\r\n",
            server::FORTI_KEY_ID,
            server::FORTI_SECRET
        ),
    )
    .unwrap();
    for flag in ["--txt-file", "--txt_file"] {
        let _ = fs::remove_file(w.path(".lacework.toml"));
        let out = w
            .bare()
            .env("LW_ACCOUNT", "testcorp")
            .args(["configure", flag])
            .arg(&creds)
            .run(0);
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("OK: profile [default] is set up"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = profile(&w);
        assert!(
            text.contains(&format!("api_key = \"{}\"", server::FORTI_KEY_ID)),
            "{text}"
        );
    }
    let now = Utc::now();
    w.server.state().alerts = server::generate(1, 2, now - Duration::minutes(30), now);
    let out = w.bare().args(["alerts", "list", "-o", "ndjson"]).run(0);
    assert_eq!(crate::ids(&out.stdout), [1, 2]);
    // Masked like any key id; the secret never shown anywhere.
    let out = w.bare().args(["configure", "list"]).run(0);
    let list = String::from_utf8_lossy(&out.stdout);
    assert!(
        list.contains(&format!("{}******", &server::FORTI_KEY_ID[..6])),
        "{list}"
    );
    let out = w.bare().args(["-vv", "--no-cache", "auth", "test"]).run(0);
    crate::assert_no_secrets(&[&out.stdout, &out.stderr]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains(&server::FORTI_SECRET[..8]));
    // Not such a file: said so, exit 2.
    fs::write(w.path("other.txt"), "hello\n").unwrap();
    let out = w
        .bare()
        .args(["configure", "--txt-file"])
        .arg(w.path("other.txt"))
        .run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a FortiCloud credentials file"));
}

#[test]
fn timeout_defaults_to_120_seconds() {
    let w = World::new();
    let out = w.bare().args(["--help"]).run(0);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("--timeout <DURATION>") && help.contains("[default: 120s]"));
}

#[test]
fn a_dead_proxy_is_named_and_no_proxy_goes_direct() {
    let w = World::new();
    let now = Utc::now();
    w.server.state().alerts = server::generate(1, 2, now - Duration::minutes(30), now);
    for var in ["HTTP_PROXY", "http_proxy", "ALL_PROXY"] {
        let out = w
            .cmd()
            .env(var, "http://proxyuser:pr0xyPa55w0rd@127.0.0.1:9")
            .args(["--retries", "0", "-v", "alerts", "list"])
            .run(7);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!(
                "through the proxy http://***@127.0.0.1:9 (from {var})"
            )),
            "{var}: {err}"
        );
        assert!(
            err.contains("via proxy http://***@127.0.0.1:9"),
            "{var}: -v names it: {err}"
        );
        assert!(
            !err.contains("pr0xyPa55w0rd") && !err.contains("proxyuser"),
            "{err}"
        );
    }
    let out = w
        .cmd()
        .env("HTTP_PROXY", "http://127.0.0.1:9")
        .env("no_proxy", "127.0.0.1")
        .args(["alerts", "list", "-o", "ndjson"])
        .run(0);
    assert_eq!(crate::ids(&out.stdout), [1, 2]);
}

#[test]
fn org_plan_says_what_state_it_wants() {
    let w = World::new();
    let now = Utc::now();
    w.server.state().alerts = server::generate(1, 2, now - Duration::minutes(30), now);
    let mut c = w.cmd();
    c.args(["alerts", "poll", "--state"])
        .arg(w.path("one.state"))
        .arg("--out")
        .arg(w.path("o"));
    c.run(0);
    let out = w
        .cmd()
        .args(["org", "plan", "--all-subaccounts", "--state"])
        .arg(w.path("one.state"))
        .run(2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is the state of a poll of one account"),
        "{err}"
    );
    assert!(!err.contains("missing field"), "{err}");
}

#[test]
fn vv_shows_the_response_status_and_headers_redacted() {
    let w = World::new();
    let now = Utc::now();
    w.server.state().alerts = server::generate(1, 2, now - Duration::minutes(30), now);
    let out = w
        .cmd()
        .args(["-vv", "--no-cache", "alerts", "list", "-o", "ndjson"])
        .run(0);
    let err = String::from_utf8_lossy(&out.stderr);
    // As curl -v shows them: the status line, then each header.
    assert!(
        err.contains("lwctl: < 201 Created") || err.contains("lwctl: < 201 "),
        "{err}"
    );
    assert!(
        err.contains("lwctl: <   content-type: application/json"),
        "{err}"
    );
    assert!(err.contains("lwctl: <   ratelimit-remaining: "), "{err}");
    crate::assert_no_secrets(&[&out.stdout, &out.stderr]);
}
