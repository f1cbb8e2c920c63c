//! Many subaccounts of one organization with one key and one rate budget: `--subaccounts`,
//! `--all-subaccounts`, `--aws-account`, `auth test` over many accounts and `org plan`.

use crate::server::{self, Bucket};
use crate::{ndjson, Run, World};
use chrono::{Duration, Utc};
use std::collections::BTreeMap;
use std::fs;

/// `n` alerts started `ago` for each account, ids numbered per account so that every id is
/// unique across the organization.
fn add_each(w: &World, accounts: &[String], first: u64, n: u64, ago: Duration) {
    let mut st = w.server.state();
    for (i, a) in accounts.iter().enumerate() {
        for k in 0..n {
            let id = first + i as u64 * 1000 + k;
            let start = Utc::now() - ago + Duration::seconds(k as i64);
            let al = server::alert(id, start, "High".into(), "Open", "NewExternalServerDns");
            st.add_to(a, al);
        }
    }
}

/// The accounts of `organization(n)`: the primary first.
fn org_accounts(n: usize) -> Vec<String> {
    std::iter::once("testcorp".to_owned())
        .chain((1..=n).map(|i| format!("sub-{i:03}")))
        .collect()
}

/// What each account holds, by account.
fn expected(w: &World, accounts: &[String]) -> BTreeMap<String, Vec<u64>> {
    let st = w.server.state();
    accounts
        .iter()
        .map(|a| {
            let mut ids: Vec<u64> = st.own[a].iter().map(|x| x.id).collect();
            ids.sort();
            (a.clone(), ids)
        })
        .collect()
}

/// Events in an NDJSON file, by their subaccount; fails on any partial line.
fn landed(bytes: &[u8]) -> BTreeMap<String, Vec<u64>> {
    let mut by: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for e in ndjson(bytes) {
        let id = e["external_id"].as_str().unwrap().parse().unwrap();
        by.entry(e["subaccount"].as_str().unwrap().to_owned())
            .or_default()
            .push(id);
    }
    for ids in by.values_mut() {
        ids.sort();
    }
    by
}

fn org_poll(w: &World) -> assert_cmd::Command {
    let mut c = w.cmd();
    c.args([
        "--max-wait",
        "5s",
        "alerts",
        "poll",
        "--all-subaccounts",
        "--normalize",
    ])
    .arg("--state")
    .arg(w.path("org.state"))
    .arg("--out")
    .arg(w.path("org.ndjson"));
    c
}

#[test]
fn sixty_accounts_share_a_small_bucket_and_every_alert_lands_once() {
    let w = World::new();
    let accounts = org_accounts(59);
    {
        let mut st = w.server.state();
        st.organization(59);
        st.page_size = 5;
        // A budget smaller than a cycle needs (61 /Alerts requests at least): pacing must
        // spread them, not run into 429.
        st.bucket = Some(Bucket::new(20, std::time::Duration::from_millis(40)));
        st.forbidden = vec!["sub-013".into()];
    }
    add_each(&w, &accounts, 1, 3, Duration::minutes(30));
    // One busy account with several pages.
    add_each(&w, &accounts[5..6], 500, 12, Duration::minutes(20));
    let out = org_poll(&w).arg("-vv").run(4);
    crate::assert_no_secrets(&[&out.stdout, &out.stderr]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("lwctl: error: sub-013: permission denied"),
        "{err}"
    );
    // -vv shows each account's header and the pacing, never the token.
    assert!(err.contains(">   Account-Name: sub-059"), "{err}");
    assert!(err.contains("lwctl: pacing Alerts: "), "{err}");
    assert!(err.contains("this key cannot reach 'sub-013'"), "{err}");
    assert!(
        err.contains("1 of 60 account(s) failed (sub-013); the others were polled and committed"),
        "{err}"
    );
    let mut want = expected(&w, &accounts);
    want.remove("sub-013");
    assert_eq!(landed(&fs::read(w.path("org.ndjson")).unwrap()), want);
    {
        let st = w.server.state();
        assert!(
            st.throttled <= 3,
            "{} 429s: pacing did not hold",
            st.throttled
        );
        assert_eq!(st.token_exchanges, 1);
        assert_eq!(st.requests_to("/api/v2/UserProfile"), 1);
        // Every account carried its own Account-Name; one token served them all.
        let tokens: std::collections::HashSet<_> = st
            .log
            .iter()
            .filter(|l| l.path.starts_with("/api/v2/Alerts"))
            .map(|l| l.header("Authorization").unwrap().to_owned())
            .collect();
        assert_eq!(tokens.len(), 1);
    }
    // New alerts in some accounts: only they land, and only once.
    add_each(&w, &accounts[..10], 100, 2, Duration::minutes(1));
    org_poll(&w).run(4);
    let mut want = expected(&w, &accounts);
    want.remove("sub-013");
    assert_eq!(landed(&fs::read(w.path("org.ndjson")).unwrap()), want);
    // The state holds one entry per account served, with its own cursor.
    let state: serde_json::Value =
        serde_json::from_slice(&fs::read(w.path("org.state")).unwrap()).unwrap();
    let entries = state["accounts"].as_object().unwrap();
    // The refused account has an entry too: how its run ended, and nothing it delivered.
    assert_eq!(entries.len(), 60);
    assert_eq!(entries["sub-013"]["health"]["last_exit"], 4);
    assert!(entries["sub-013"]["seen"].as_object().unwrap().is_empty());
    assert_eq!(entries["sub-005"]["subaccount"], "sub-005");
}

#[test]
fn killed_anywhere_in_a_cycle_no_account_loses_or_duplicates() {
    let w = World::new();
    let accounts = org_accounts(6);
    {
        let mut st = w.server.state();
        st.organization(6);
        st.page_size = 2;
    }
    add_each(&w, &accounts, 1, 5, Duration::minutes(30));
    let points = [
        "after-page:3",
        "mid-line:7",
        "after-output-sync:4",
        "after-state-temp:5",
        "after-rename:2",
        "after-page:11",
        "mid-line:1",
    ];
    for (i, point) in points.iter().enumerate() {
        add_each(
            &w,
            &accounts[i % 3..],
            100 + i as u64 * 10,
            2,
            Duration::minutes(2),
        );
        let out = org_poll(&w)
            .env("LWCTL_CRASH_AT", point)
            .assert()
            .failure()
            .get_output()
            .clone();
        assert_eq!(out.status.code(), None, "{point}: killed, not an exit");
    }
    org_poll(&w).run(0);
    assert_eq!(
        landed(&fs::read(w.path("org.ndjson")).unwrap()),
        expected(&w, &accounts)
    );
}

#[test]
fn out_dir_writes_each_accounts_raw_alerts_to_its_own_file() {
    let w = World::new();
    let accounts = org_accounts(3);
    w.server.state().organization(3);
    add_each(&w, &accounts, 1, 4, Duration::minutes(10));
    let poll = || {
        let mut c = w.cmd();
        c.args([
            "alerts",
            "poll",
            "--subaccounts",
            "SUB-002,testcorp,sub-002",
        ])
        .arg("--state")
        .arg(w.path("org.state"))
        .arg("--out-dir")
        .arg(w.path("alerts"));
        c
    };
    poll().run(0);
    poll().run(0);
    let want = expected(&w, &accounts);
    for a in ["testcorp", "sub-002"] {
        let path = w.path(&format!("alerts/{a}.ndjson"));
        assert_eq!(crate::ids(&fs::read(&path).unwrap()), want[a], "{a}");
        assert_eq!(crate::mode(&path), 0o600);
    }
    assert_eq!(crate::mode(&w.path("alerts")), 0o700);
    assert!(!w.path("alerts/sub-001.ndjson").exists());
}

#[test]
fn raw_alerts_of_many_accounts_in_one_stream_are_refused() {
    let w = World::new();
    w.server.state().organization(2);
    for args in [
        &["alerts", "poll", "--all-subaccounts"][..],
        &["alerts", "list", "--subaccounts", "sub-001,sub-002"][..],
    ] {
        let out = w.cmd().args(args).run(2);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("raw Lacework alerts carry no account") && err.contains("add --normalize"),
            "{err}"
        );
    }
    let out = w
        .cmd()
        .args([
            "--subaccount",
            "sub-001",
            "alerts",
            "list",
            "--all-subaccounts",
            "--normalize",
        ])
        .run(2);
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("--subaccount names one account, and --subaccounts/--all-subaccounts many"));
    let out = w
        .cmd()
        .args(["alerts", "poll", "--state", "s", "--out-dir", "d"])
        .run(2);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--out-dir is for a poll over many accounts")
    );
    assert_eq!(w.server.state().requests_to("/api/v2/Alerts"), 0);
}

#[test]
fn list_over_many_accounts_tags_each_event() {
    let w = World::new();
    let accounts = org_accounts(2);
    w.server.state().organization(2);
    add_each(&w, &accounts, 1, 2, Duration::hours(2));
    let out = w
        .cmd()
        .args([
            "alerts",
            "list",
            "--all-subaccounts",
            "--normalize",
            "-o",
            "ndjson",
        ])
        .run(0);
    assert_eq!(landed(&out.stdout), expected(&w, &accounts));
    // A table names each event's account.
    let out = w
        .cmd()
        .env("COLUMNS", "200")
        .args([
            "alerts",
            "list",
            "--subaccounts",
            "sub-002",
            "--normalize",
            "-o",
            "table",
        ])
        .run(0);
    let table = String::from_utf8_lossy(&out.stdout);
    let mut rows = table.lines();
    assert!(
        rows.next()
            .unwrap()
            .starts_with("ID    Account  Severity  Status"),
        "{table}"
    );
    assert!(
        rows.all(|r| r.starts_with("2") && r[6..].starts_with("sub-002  ")),
        "{table}"
    );
}

#[test]
fn a_quiet_cycle_over_100_accounts_costs_one_request_each_and_no_token() {
    let w = World::new();
    w.server.state().organization(99);
    org_poll(&w).run(0);
    let before = w.server.state().log.len();
    w.server.state().token_exchanges = 0;
    let out = org_poll(&w).run(0);
    let st = w.server.state();
    let cycle = &st.log[before..];
    assert_eq!(
        cycle
            .iter()
            .filter(|l| l.path == "/api/v2/UserProfile")
            .count(),
        1
    );
    assert_eq!(
        cycle
            .iter()
            .filter(|l| l.path.starts_with("/api/v2/Alerts"))
            .count(),
        100
    );
    assert_eq!(cycle.len(), 101);
    assert_eq!(st.token_exchanges, 0);
    // A quiet cycle says one line, not a hundred.
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("lwctl: poll 100 account(s): 0 failed, pages: 100 events_added: 0"),
        "{err}"
    );
}

#[test]
fn auth_test_over_all_accounts_has_a_row_each() {
    let w = World::new();
    {
        let mut st = w.server.state();
        st.organization(3);
        st.forbidden = vec!["sub-002".into()];
        st.disabled = vec!["sub-003".into()];
    }
    add_each(&w, &org_accounts(1)[..1], 1, 2, Duration::hours(3));
    let out = w
        .cmd()
        .args(["auth", "test", "--all-subaccounts", "-o", "json"])
        .run(4);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    // sub-003 is not enabled for this user: not tested.
    let names: Vec<&str> = rows
        .iter()
        .map(|r| r["account"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["testcorp", "sub-001", "sub-002"]);
    assert_eq!(rows[0]["alerts_24h"], 2);
    assert_eq!(rows[0]["alerts_status"], 200);
    assert_eq!(rows[1]["alerts_24h"], 0);
    assert_eq!(rows[1]["alerts_status"], 204);
    assert_eq!(rows[2]["ok"], false);
    assert_eq!(rows[2]["reachable"], false);
    assert_eq!(rows[2]["alerts_status"], 403);
    assert_eq!(rows[2]["exit_code"], 4);
    assert!(rows[2]["hint"]
        .as_str()
        .unwrap()
        .contains("cannot reach 'sub-002'"));
    assert_eq!(w.server.state().token_exchanges, 1);
    let out = w
        .cmd()
        .args([
            "auth",
            "test",
            "--subaccounts",
            "testcorp,sub-001",
            "-o",
            "table",
        ])
        .run(0);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Account   Reachable  /Alerts     Last 24 h  Error\ntestcorp  yes        200         2\nsub-001   yes        204 (none)  0\n"
    );
}

#[test]
fn a_key_made_inside_a_subaccount_is_told_which_one_to_name() {
    let w = World::new();
    let out = w
        .cmd()
        .env("LW_API_KEY", server::SUB_KEY_ID)
        .env("LW_API_SECRET", server::SUB_SECRET)
        .args([
            "alerts",
            "list",
            "--subaccounts",
            "testcorp,sub-b",
            "--normalize",
        ])
        .run(4);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("lwctl: error: testcorp: permission denied"),
        "{err}"
    );
    assert!(
        err.contains("lwctl: error: sub-b: permission denied"),
        "{err}"
    );
    assert!(
        err.contains("every account refused this key (403). A key made inside a subaccount reaches only that subaccount, and a service user's key reaches its own account only"),
        "{err}"
    );
    assert!(
        err.contains("--subaccount NAME (the key file's subAccount names it"),
        "{err}"
    );
}

#[test]
fn aws_account_queries_the_mapped_subaccount() {
    let w = World::new();
    fs::write(
        w.path("map.json"),
        r#"{"defaultLaceworkAccountAws": "testcorp", "integration_mappings": {"SUB-A": {"aws_accounts": ["111111111111"]}}}"#,
    )
    .unwrap();
    let out = w
        .cmd()
        .args([
            "alerts",
            "list",
            "--aws-account",
            "111111111111",
            "--mapping",
            "map.json",
            "-v",
        ])
        .run(0);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("AWS account 111111111111 is mapped to 'sub-a' in map.json: querying it (Account-Name: sub-a)"),
        "{err}"
    );
    w.cmd()
        .env("LWCTL_ACCOUNT_MAPPING", w.path("map.json"))
        .args(["alerts", "poll", "--aws-account", "222222222222"])
        .run(0);
    let st = w.server.state();
    let names: Vec<Option<&str>> = st
        .log
        .iter()
        .filter(|l| l.path.starts_with("/api/v2/Alerts"))
        .map(|l| l.header("Account-Name"))
        .collect();
    assert_eq!(names, [Some("sub-a"), Some("testcorp")]);
}

#[test]
fn org_plan_numbers() {
    let w = World::new();
    let plan = |n: usize, every: &str| {
        w.server.state().organization(n - 1);
        let out = w
            .cmd()
            .args(["org", "plan", "--every", every, "-o", "json"])
            .run(0);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (
            v["accounts"].as_u64().unwrap(),
            v["fit"].as_u64().unwrap(),
            v["shortest_every_s"].as_u64().unwrap(),
            v["left_per_hour"].as_f64().unwrap(),
        )
    };
    assert_eq!(plan(40, "5m"), (40, 40, 300, 0.0));
    assert_eq!(plan(60, "5m"), (60, 40, 450, -240.0));
    assert_eq!(plan(100, "5m"), (100, 40, 750, -720.0));
    assert_eq!(plan(40, "15m"), (40, 120, 300, 320.0));
    assert_eq!(plan(60, "15m"), (60, 120, 450, 240.0));
    assert_eq!(plan(100, "15m"), (100, 120, 750, 80.0));
    let out = w
        .cmd()
        .args(["org", "plan", "--every", "5m", "-o", "table"])
        .run(0);
    // The live budget: the probe is the last request this server counted.
    let left = w.server.state().remaining;
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("accounts:  100, 1 request(s) a poll each (--state measures it)\nbudget:    480 /Alerts requests an hour per user, {left} left now\nevery 5m: 40 account(s) fit; 100 need 1200, 720 over\nshortest cadence for all 100: 12m30s\n")
    );
}

#[test]
fn every_warns_when_the_cadence_cannot_fit() {
    let w = World::new();
    w.server.state().organization(59);
    let child = w
        .child()
        .args([
            "alerts",
            "poll",
            "--all-subaccounts",
            "--normalize",
            "--every",
            "5m",
        ])
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("60 accounts every 5m need 720 /Alerts requests an hour, over the 480 one key has: cycles will be paced and take about 7m30s; poll every 7m30s or more (see `lwctl org plan`)"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn mapping_check_names_accounts_user_profile_does_not_list() {
    let w = World::new();
    fs::write(
        w.path("map.json"),
        r#"{"defaultLaceworkAccountAws": "TestCorp", "integration_mappings": {"Sub-A": {"aws_accounts": ["111111111111"]}, "sub-gone": {"aws_accounts": ["222222222222"]}}}"#,
    )
    .unwrap();
    let out = w
        .cmd()
        .args(["org", "mapping", "check", "map.json", "-o", "json"])
        .run(0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["not_in_user_profile"], serde_json::json!(["sub-gone"]));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("lwctl: warning: sub-gone not among the accounts UserProfile lists for this key's user (testcorp, sub-a, sub-b)"),
        "{err}"
    );
    // Without credentials the file alone is checked.
    let out = w
        .bare()
        .args(["org", "mapping", "check", "map.json", "-o", "json"])
        .run(0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.get("not_in_user_profile").is_none());
}

#[test]
fn a_rotated_shared_output_and_an_overlapping_run_lose_nothing() {
    let w = World::new();
    let accounts = org_accounts(3);
    w.server.state().organization(3);
    add_each(&w, &accounts, 1, 3, Duration::minutes(20));
    org_poll(&w).run(0);
    // logrotate `create`: the file moves away, a new one takes its name.
    fs::rename(w.path("org.ndjson"), w.path("org.ndjson.1")).unwrap();
    add_each(&w, &accounts, 100, 2, Duration::minutes(5));
    org_poll(&w).run(0);
    let mut all = fs::read(w.path("org.ndjson.1")).unwrap();
    all.extend(fs::read(w.path("org.ndjson")).unwrap());
    assert_eq!(landed(&all), expected(&w, &accounts));
    // Another run holds the organization's lock: exit 9, nothing asked.
    let held = fs::File::open(w.path("org.state.lock")).unwrap();
    held.lock().unwrap();
    let before = w.server.state().requests_to("/api/v2/Alerts");
    let out = org_poll(&w).run(9);
    assert!(String::from_utf8_lossy(&out.stderr).contains("another `lwctl alerts poll` is running"));
    assert_eq!(w.server.state().requests_to("/api/v2/Alerts"), before);
}

#[test]
fn org_plan_reads_pages_per_poll_from_the_state() {
    let w = World::new();
    let accounts = org_accounts(1);
    {
        let mut st = w.server.state();
        st.organization(1);
        st.page_size = 2;
    }
    // testcorp's poll reads 3 pages, sub-001's one (an empty answer).
    add_each(&w, &accounts[..1], 1, 5, Duration::minutes(10));
    org_poll(&w).run(0);
    let out = w
        .cmd()
        .args([
            "org",
            "plan",
            "--every",
            "5m",
            "--state",
            "org.state",
            "-o",
            "json",
        ])
        .run(0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["requests_per_poll"], 2.0);
    assert_eq!(v["fit"], 20);
    assert_eq!(v["shortest_every_s"], 30);
}

#[test]
fn a_failure_every_account_would_meet_stops_the_turns() {
    let w = World::new();
    w.server.state().organization(4);
    // UserProfile and testcorp answer; sub-001 is redirected away from Lacework, as every
    // account would be (a captive portal, say).
    w.server.state().queue.extend([
        server::Fault::Slow(0),
        server::Fault::Slow(0),
        server::Fault::Redirect,
    ]);
    let out = org_poll(&w).run(7);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("lwctl: error: sub-001: refused to follow a redirect"),
        "{err}"
    );
    assert!(
        err.contains("stopping: this failure is not particular to 'sub-001', so the 3 account(s) after it were not tried"),
        "{err}"
    );
    assert!(
        err.contains("1 of 5 account(s) failed (sub-001); 3 were not tried"),
        "{err}"
    );
    assert_eq!(w.server.state().requests_to("/api/v2/Alerts"), 2);
}

#[test]
fn sigterm_mid_cycle_commits_and_the_next_run_starts_with_the_rest() {
    let w = World::new();
    let accounts = org_accounts(29);
    {
        let mut st = w.server.state();
        st.organization(29);
        // Slow enough that the signal lands mid-cycle: past the burst, one request a 100 ms.
        st.bucket = Some(Bucket::new(10, std::time::Duration::from_millis(100)));
    }
    add_each(&w, &accounts, 1, 2, Duration::minutes(10));
    let child = w
        .child()
        .args([
            "alerts",
            "poll",
            "--all-subaccounts",
            "--normalize",
            "--state",
            "org.state",
            "--out",
            "org.ndjson",
        ])
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1200));
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("lwctl: warning: stopped by a signal: "),
        "{err}"
    );
    let state: serde_json::Value =
        serde_json::from_slice(&fs::read(w.path("org.state")).unwrap()).unwrap();
    let done = state["accounts"].as_object().unwrap().len();
    assert!(done > 0 && done < 30, "{done} accounts committed");
    let untried = accounts
        .iter()
        .find(|a| state["accounts"].get(a.as_str()).is_none())
        .unwrap();
    // The rerun takes the accounts it did not reach first; every alert lands once.
    let before = w.server.state().log.len();
    org_poll(&w).run(0);
    let first = w.server.state().log[before..]
        .iter()
        .find(|l| l.path.starts_with("/api/v2/Alerts"))
        .and_then(|l| l.header("Account-Name").map(str::to_owned));
    assert_eq!(first.as_ref(), Some(untried));
    assert_eq!(
        landed(&fs::read(w.path("org.ndjson")).unwrap()),
        expected(&w, &accounts)
    );
}
