use crate::server::{self, Server};
use crate::{assert_ids, ids, ndjson, Run, World};
use chrono::{Duration, Utc};
use serde_json::Value;

/// A world whose server holds `n` alerts over the last `days` days, in pages of `page`.
fn world(n: u64, days: i64, page: usize) -> World {
    let w = World::new();
    let now = Utc::now();
    {
        let mut st = w.server.state();
        st.alerts = server::generate(
            1000,
            n,
            now - Duration::days(days) + Duration::minutes(1),
            now - Duration::minutes(1),
        );
        st.page_size = page;
    }
    w
}

#[test]
fn ten_days_in_small_pages_each_alert_once() {
    let w = world(3000, 10, 97);
    let out = w
        .cmd()
        .args(["alerts", "list", "--start", "-10d", "-o", "ndjson"])
        .run(0);
    let st = w.server.state();
    let expected: Vec<u64> = st.alerts.iter().map(|a| a.id).collect();
    assert_ids(&ids(&out.stdout), &expected);
    // Two pieces (7 days + 3 days), requested in time order, each followed over many pages.
    let firsts: Vec<&str> = st
        .log
        .iter()
        .filter(|l| l.path.starts_with("/api/v2/Alerts?"))
        .map(|l| l.path.as_str())
        .collect();
    assert_eq!(firsts.len(), 2, "{firsts:?}");
    assert!(firsts[0] < firsts[1]);
    assert!(st.requests_to("/api/v2/Alerts/next/") > 25);
    // Each alert is the server's object, untouched.
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.lines().next().unwrap();
    assert_eq!(first, st.alerts[0].json);
}

#[test]
fn boundary_alerts_are_not_lost_or_repeated() {
    let w = World::new();
    let now = Utc::now();
    let start = now - Duration::days(8);
    {
        let mut st = w.server.state();
        st.inclusive_end = true;
        // Alerts exactly on the 7-day piece boundary, and around it.
        let boundary =
            lwctl::time::parse_api_time(&lwctl::time::api_time(start + Duration::days(7))).unwrap();
        for (i, off) in [-1i64, 0, 0, 1].iter().enumerate() {
            st.add(server::alert(
                i as u64 + 1,
                boundary + Duration::milliseconds(*off),
                "High".into(),
                "Open",
                "T",
            ));
        }
    }
    let out = w
        .cmd()
        .args(["alerts", "list", "--start"])
        .arg(lwctl::time::api_time(start))
        .args(["-o", "ndjson"])
        .run(0);
    assert_eq!(ids(&out.stdout), vec![1, 2, 3, 4]);
}

#[test]
fn pieces_at_the_row_cap_are_split() {
    let w = world(800, 6, 50);
    w.server.state().cap_longer_than = Some(Duration::days(1));
    let out = w
        .cmd()
        .args(["alerts", "list", "--start", "-6d", "-o", "ndjson"])
        .run(0);
    let expected: Vec<u64> = w.server.state().alerts.iter().map(|a| a.id).collect();
    assert_ids(&ids(&out.stdout), &expected);
}

#[test]
fn filters_select_exactly_what_the_server_holds() {
    let w = world(1500, 3, 100);
    let out = w
        .cmd()
        .args([
            "alerts",
            "list",
            "--start",
            "-3d",
            "--severity",
            "high",
            "--status",
            "open",
            "-o",
            "ndjson",
        ])
        .run(0);
    let got = ndjson(&out.stdout);
    let st = w.server.state();
    let expected = st
        .alerts
        .iter()
        .filter(|a| {
            let sev = match &a.severity {
                Value::String(s) => s.to_ascii_lowercase(),
                _ => "medium".into(),
            };
            (sev == "critical" || sev == "high") && a.status == "Open"
        })
        .count();
    assert!(expected > 0);
    assert_eq!(got.len(), expected);
    for a in &got {
        let sev = a["severity"].as_str().unwrap().to_ascii_lowercase();
        assert!(sev == "critical" || sev == "high", "{a}");
        assert_eq!(a["status"], "Open");
    }
    // Sent as a server-side search.
    let search = st
        .log
        .iter()
        .find(|l| l.path == "/api/v2/Alerts/search")
        .expect("a search request");
    let body: Value = serde_json::from_str(&search.body).unwrap();
    assert_eq!(body["filters"][0]["field"], "severity");
    assert_eq!(
        body["filters"][0]["values"],
        serde_json::json!(["Critical", "High"])
    );
    drop(st);

    // An exact set, and a type.
    let out = w
        .cmd()
        .args([
            "alerts",
            "list",
            "--start",
            "-3d",
            "--severity",
            "critical,low",
            "--type",
            "newuser",
            "-o",
            "ndjson",
        ])
        .run(0);
    // The type in any case: sent as ilike, which the server (like Lacework) matches in any case.
    let got = ndjson(&out.stdout);
    assert!(!got.is_empty());
    for a in &got {
        let sev = a["severity"].as_str().unwrap();
        assert!(sev == "Critical" || sev == "Low", "{a}");
        assert_eq!(a["alertType"], "NewUser");
    }
}

#[test]
fn csv_and_json_parse_back() {
    let w = world(250, 1, 40);
    let out = w.cmd().args(["alerts", "list", "-o", "csv"]).run(0);
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    assert_eq!(reader.headers().unwrap().iter().next(), Some("alertId"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 250);
    assert!(
        rows[0][8].contains("\"something\""),
        "description with quotes survives"
    );

    let out = w.cmd().args(["alerts", "list", "-o", "json"]).run(0);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 250);

    let out = w
        .cmd()
        .args(["alerts", "list", "-o", "json", "--start", "-1m"])
        .run(0);
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stdout).unwrap(),
        serde_json::json!([])
    );
}

#[test]
fn table_is_sorted_and_empty_result_says_so() {
    let w = World::new();
    let now = Utc::now();
    {
        let mut st = w.server.state();
        st.add(server::alert(
            2,
            now - Duration::hours(1),
            "Low".into(),
            "Open",
            "B",
        ));
        st.add(server::alert(
            1,
            now - Duration::hours(2),
            "High".into(),
            "Closed",
            "A",
        ));
    }
    let out = w.cmd().args(["alerts", "list", "-o", "table"]).run(0);
    let text = String::from_utf8(out.stdout).unwrap();
    let t = |ago: i64| lwctl::time::table_time(now - Duration::hours(ago));
    // Newest first, every cell whole in a pipe, no trailing spaces.
    assert_eq!(
        text,
        format!(
            "ID  Severity  Status  Type  Name                       Start\n\
             2   Low       Open    B     Alert 2: unusual activity  {}\n\
             1   High      Closed  A     Alert 1: unusual activity  {}\n",
            t(1),
            t(2)
        )
    );
    let out = w
        .cmd()
        .args(["alerts", "list", "-o", "table", "--reverse"])
        .run(0);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().nth(1).unwrap().starts_with("1 "), "{text}");

    let out = w
        .cmd()
        .args(["alerts", "list", "-o", "table", "--start", "-5m"])
        .run(0);
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no alerts between"));
}

#[test]
fn normalize_fills_account_and_limit_stops_paging() {
    let w = world(500, 1, 50);
    let out = w
        .cmd()
        .args([
            "--subaccount",
            "sub-a",
            "alerts",
            "list",
            "--normalize",
            "--limit",
            "120",
            "--oldest",
            "-o",
            "ndjson",
        ])
        .run(0);
    let ev = ndjson(&out.stdout);
    assert_eq!(ev.len(), 120);
    assert!(ev.iter().all(|e| e["account"] == "testcorp"
        && e["subaccount"] == "sub-a"
        && e["source"] == "lacework"));
    // 120 alerts from pages of 50: three data requests, not ten.
    assert_eq!(
        w.server
            .state()
            .log
            .iter()
            .filter(|l| l.path.starts_with("/api/v2/Alerts"))
            .count(),
        3
    );
    // Without --oldest, the newest 120, newest first.
    let out = w.cmd().args(["alerts", "list", "--limit", "120"]).run(0);
    let got: Vec<u64> = ndjson(&out.stdout)
        .iter()
        .map(|a| a["alertId"].as_u64().unwrap())
        .collect();
    assert_eq!(got, (1380..1500).rev().collect::<Vec<u64>>());
    // --range and a whole-day --end.
    let out = w
        .cmd()
        .args(["alerts", "list", "--range", "last 2 hours"])
        .run(0);
    let n = ndjson(&out.stdout).len();
    assert!(
        n > 30 && n < 50,
        "{n} alerts in the last 2 hours of 500 over a day"
    );
    w.cmd()
        .args([
            "alerts",
            "list",
            "--range",
            "last 2 hours",
            "--start",
            "-1h",
        ])
        .run(2);
}

#[test]
fn bad_times_are_usage_errors_naming_the_flag() {
    let w = World::new();
    let out = w
        .cmd()
        .args(["alerts", "list", "--start", "yesterday"])
        .run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--start"));
    let out = w
        .cmd()
        .args(["alerts", "list", "--start", "-1h", "--end", "-2h"])
        .run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("must be before --end"));
    assert!(w.server.state().log.is_empty());
    // A future end is clamped to now, not refused.
    let tomorrow = (Utc::now() + Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    w.cmd()
        .args(["alerts", "list", "--end", &tomorrow, "-o", "ndjson"])
        .assert()
        .success();
}

#[test]
fn foreign_next_page_is_refused_without_sending_the_token() {
    let w = world(300, 1, 100);
    let foreign = Server::start();
    w.server.state().foreign_next = Some(format!("{}/api/v2/Alerts/next/0/1", foreign.url));
    let out = w.cmd().args(["alerts", "list", "-o", "ndjson"]).run(7);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("refused to follow a nextPage link to another host"),
        "{err}"
    );
    assert!(err.contains(&foreign.url.replace("http://", "")), "{err}");
    assert!(foreign.state().log.is_empty());
    // The first page was written whole before the refusal.
    assert_eq!(ndjson(&out.stdout).len(), 100);
}

#[test]
fn get_every_scope_and_the_errors() {
    let w = world(5, 1, 10);
    let id = w.server.state().alerts[0].id.to_string();
    let out = w.cmd().args(["alerts", "get", &id]).run(0);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    // Details is one object, with the entities.
    assert_eq!(v["alertId"].to_string(), id);
    assert!(v["entityMap"].is_object(), "{v}");
    for scope in ["Investigation", "events", "RELATEDALERTS", "timeline"] {
        let out = w
            .cmd()
            .args(["alerts", "get", &id, "--scope", scope])
            .run(0);
        serde_json::from_slice::<Value>(&out.stdout).unwrap();
    }
    let out = w
        .cmd()
        .args([
            "alerts",
            "get",
            &id,
            "--scope",
            "investigation",
            "-o",
            "table",
        ])
        .run(0);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Question") && text.contains("Answer") && text.contains("Was MFA used?"),
        "{text}"
    );
    let out = w.cmd().args(["alerts", "get", &id, "-o", "table"]).run(0);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("alertInfo.subject") && text.contains("derivedFields.category"),
        "{text}"
    );

    let out = w
        .cmd()
        .args(["alerts", "get", &id, "--scope", "Bogus"])
        .run(2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("details") && err.contains("observationtimeline"),
        "{err}"
    );
    let out = w.cmd().args(["alerts", "get", "12ab"]).run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an alert ID"));
    let out = w.cmd().args(["alerts", "get", "999999"]).run(5);
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("alert 999999 does not exist, or has no Details data"));
    let out = w
        .cmd()
        .args(["alerts", "get", &id, "--scope", "observationtimeline"])
        .run(5);
    assert!(String::from_utf8_lossy(&out.stderr).contains("has no ObservationTimeline data"));
}

#[test]
fn a_piece_still_at_the_cap_when_split_to_seconds_is_reported() {
    let w = World::new();
    w.server.state().cap_longer_than = Some(Duration::zero());
    let out = w
        .cmd()
        .args(["alerts", "list", "--start", "-8s", "-o", "ndjson"])
        .run(0);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the API may have left some out"), "{err}");
}

#[test]
fn a_timeline_table_shows_peoples_fields() {
    let w = World::new();
    let now = chrono::Utc::now();
    w.server.state().alerts = server::generate(7, 1, now - chrono::Duration::hours(2), now);
    let out = w
        .cmd()
        .env("LWCTL_TEST_TTY", "stdout")
        .env("COLUMNS", "100")
        .args([
            "--color", "never", "alerts", "get", "7", "--scope", "timeline", "-o", "table",
        ])
        .run(0);
    let screen = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        screen,
        "Id  AlertId  EntryType  EntryAuthorType  Message       User\n1   7        Comment    UserUpdate       looked at it  alice\n",
        "{screen}"
    );
    assert!(!screen.contains("{\"") && !screen.contains("ExternalTime"));
}
