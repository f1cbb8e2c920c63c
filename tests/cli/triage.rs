//! `alerts comment` and `alerts close` on one alert or many: look first, ask once, never send
//! twice, one result per alert, an audit trail.

use crate::server::{self, Fault};
use crate::{mode, ndjson, Run, World};
use chrono::{Duration, Utc};
use serde_json::{json, Value};
use std::fs;

/// Alerts 42, 45 and 46 open (High, Critical, High), 44 closed; 43 does not exist.
fn world() -> World {
    let w = World::new();
    let t = Utc::now() - Duration::hours(1);
    let mut st = w.server.state();
    for (id, sev, status) in [
        (42, "High", "Open"),
        (44, "Low", "Closed"),
        (45, "Critical", "Open"),
        (46, "High", "Open"),
    ] {
        st.add(server::alert(id, t, sev.into(), status, "ChangedFile"));
    }
    drop(st);
    w
}

fn posts(w: &World) -> Vec<(String, Value)> {
    w.server
        .state()
        .log
        .iter()
        .filter(|l| {
            l.method == "POST" && (l.path.ends_with("/close") || l.path.ends_with("/comment"))
        })
        .map(|l| (l.path.clone(), serde_json::from_str(&l.body).unwrap()))
        .collect()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_comment_is_posted_once_and_shows_in_the_timeline() {
    let w = world();
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
    let reports: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(reports[0]["result"], "commented");
    assert_eq!(
        reports[0]["answer"]["data"]["message"]["value"],
        "seen, \"benign\""
    );
    assert_eq!(stderr(&out), "lwctl: commented on alert 42\n");
    assert_eq!(
        posts(&w),
        vec![(
            "/api/v2/Alerts/42/comment".into(),
            json!({"comment": "seen, \"benign\""})
        )]
    );
    let out = w
        .cmd()
        .args(["alerts", "get", "42", "--scope", "timeline", "-o", "json"])
        .run(0);
    let timeline: Value = serde_json::from_slice(&out.stdout).unwrap();
    let last = timeline.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["entryType"], "Comment");
    assert_eq!(last["message"]["value"], "seen, \"benign\"");

    // A POST that reached the server is never sent again, even on a 503...
    w.server
        .state()
        .queue
        .extend([Fault::Slow(0), Fault::Status(503)]);
    let out = w
        .cmd()
        .args(["alerts", "comment", "42", "--comment", "again"])
        .run(7);
    assert!(
        stderr(&out).starts_with("lwctl: alert 42 failed: lacework answered 503"),
        "{}",
        stderr(&out)
    );
    assert_eq!(posts(&w).len(), 2);
    // ...but a 429 came back before the server acted, so it is sent again.
    w.server
        .state()
        .queue
        .extend([Fault::Slow(0), Fault::RateLimited(0)]);
    w.cmd()
        .args(["alerts", "comment", "42", "--comment", "third"])
        .run(0);
    assert_eq!(posts(&w).len(), 4);
    let comments = w.server.state().alerts[0].comments.clone();
    assert_eq!(comments, ["seen, \"benign\"", "third"]);
}

#[test]
fn a_batch_closes_what_is_open_and_leaves_the_rest_alone() {
    let w = world();
    let out = w
        .cmd()
        .args([
            "alerts",
            "close",
            "42",
            "43",
            "44",
            "45",
            "46",
            "--reason",
            "false-positive",
        ])
        .args(["--comment", "CI runner", "--yes", "-o", "ndjson"])
        .run(5);
    assert_eq!(
        stderr(&out),
        "lwctl: closed alert 42 (False positive)\n\
         lwctl: alert 43 was not found; nothing was sent\n\
         lwctl: alert 44 is already closed; nothing was sent\n\
         lwctl: closed alert 45 (False positive)\n\
         lwctl: closed alert 46 (False positive)\n\
         lwctl: closed 3; 1 already closed; 1 missing\n\
         lwctl: error: 1 of 5 alert(s) were not closed\n"
    );
    let results: Vec<(u64, String)> = ndjson(&out.stdout)
        .iter()
        .map(|r| {
            (
                r["alert_id"].as_u64().unwrap(),
                r["result"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        results,
        [
            (42, "closed".to_owned()),
            (43, "not_found".to_owned()),
            (44, "already_closed".to_owned()),
            (45, "closed".to_owned()),
            (46, "closed".to_owned()),
        ]
    );
    let body = json!({"reason": 1, "comment": "CI runner"});
    assert_eq!(
        posts(&w),
        [42, 45, 46]
            .iter()
            .map(|id| (format!("/api/v2/Alerts/{id}/close"), body.clone()))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_dry_run_shows_what_would_be_sent_and_sends_nothing() {
    let w = world();
    let out = w
        .cmd()
        .args(["alerts", "close", "42", "44", "--reason", "4", "--dry-run"])
        .run(0);
    assert_eq!(
        stderr(&out),
        "lwctl: dry run: would send POST /api/v2/Alerts/42/close {\"reason\":4}\n\
         lwctl: alert 44 is already closed; nothing was sent\n\
         lwctl: would close 1; 1 already closed; 0 missing\n"
    );
    assert!(posts(&w).is_empty());
}

#[test]
fn ids_piped_from_a_list_are_each_closed_once() {
    let w = world();
    let list = w
        .cmd()
        .args(["alerts", "list", "--status", "open", "-o", "ndjson"])
        .run(0);
    let events = w
        .cmd()
        .args(["alerts", "list", "--normalize", "-o", "ndjson"])
        .run(0);
    // The same alerts twice over, as alerts and as normalized events, and once by hand.
    let mut input = list.stdout.clone();
    input.extend(&events.stdout);
    input.extend(b"42\n");
    let out = w
        .cmd()
        .args([
            "alerts",
            "close",
            "-",
            "--reason",
            "routine-testing",
            "--comment",
            "patch window",
            "--yes",
        ])
        .write_stdin(input)
        .run(0);
    assert_eq!(
        stderr(&out),
        "lwctl: closed alert 42 (Expected because of routine testing)\n\
         lwctl: closed alert 45 (Expected because of routine testing)\n\
         lwctl: closed alert 46 (Expected because of routine testing)\n\
         lwctl: alert 44 is already closed; nothing was sent\n\
         lwctl: closed 3; 1 already closed; 0 missing\n"
    );
    assert_eq!(posts(&w).len(), 3);
    // Garbage on stdin is a usage error that names the line; nothing is sent.
    let out = w
        .cmd()
        .args(["alerts", "close", "-", "--reason", "1", "--yes"])
        .write_stdin("42\nnot-an-id\n")
        .run(2);
    assert!(
        stderr(&out).contains("stdin line 2: 'not-an-id' is not an alert ID"),
        "{}",
        stderr(&out)
    );
    assert_eq!(posts(&w).len(), 3);
}

#[test]
fn what_is_checked_before_any_request() {
    let w = world();
    let cases: [(&[&str], &str); 5] = [
        (&["42", "--reason", "false-positive"], "pass --yes"),
        (
            &["42", "--reason", "0", "--yes"],
            "reason 0 (other) needs a comment",
        ),
        (&["42", "--reason", "bogus", "--yes"], "4 routine-testing"),
        (&["x", "--reason", "1", "--yes"], "'x' is not an alert ID"),
        (
            &["42", "--reason", "1", "--comment-file", "-", "-", "--yes"],
            "stdin cannot carry both",
        ),
    ];
    for (args, says) in cases {
        let out = w.cmd().args(["alerts", "close"]).args(args).run(2);
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    // Only the first case got as far as looking at the alert; nothing was posted.
    assert!(posts(&w).is_empty());
    assert_eq!(
        w.server
            .state()
            .requests_to("/api/v2/Alerts/42?scope=Details"),
        1
    );
    // Several comments need a yes too.
    let out = w
        .cmd()
        .args(["alerts", "comment", "42", "45", "--comment", "x"])
        .run(2);
    assert!(stderr(&out).contains("pass --yes"));
    assert!(posts(&w).is_empty());
}

#[test]
fn the_comment_comes_from_a_file_or_stdin() {
    let w = world();
    fs::write(w.path("note.txt"), "  from a file\n").unwrap();
    w.cmd()
        .args(["alerts", "comment", "42", "--comment-file"])
        .arg(w.path("note.txt"))
        .run(0);
    w.cmd()
        .args(["alerts", "comment", "42", "--comment-file", "-"])
        .write_stdin("from stdin\n")
        .run(0);
    fs::write(w.path("empty.txt"), "\n").unwrap();
    let out = w
        .cmd()
        .args(["alerts", "comment", "42", "--comment-file"])
        .arg(w.path("empty.txt"))
        .run(2);
    assert_eq!(stderr(&out), "lwctl: error: the comment is empty\n");
    let bodies: Vec<Value> = posts(&w).into_iter().map(|p| p.1).collect();
    assert_eq!(
        bodies,
        [
            json!({"comment": "from a file"}),
            json!({"comment": "from stdin"})
        ]
    );
}

#[test]
fn a_refused_reason_is_a_usage_error_with_the_servers_message() {
    let w = world();
    w.server.state().refused_reasons = vec![5];
    let out = w
        .cmd()
        .args([
            "alerts",
            "close",
            "42",
            "--reason",
            "expected-behavior",
            "--yes",
        ])
        .run(2);
    assert_eq!(
        stderr(&out),
        "lwctl: alert 42 failed: lacework refused reason 5 (Expected behavior): Invalid close reason\n\
         lwctl: error: 1 of 1 alert(s) were not closed\n"
    );
}

#[test]
fn the_audit_log_holds_one_whole_line_per_action() {
    let w = world();
    let audit = w.path("audit.ndjson");
    w.cmd()
        .args([
            "alerts",
            "close",
            "42",
            "43",
            "44",
            "--reason",
            "2",
            "--comment",
            "looked",
            "--yes",
            "--audit",
        ])
        .arg(&audit)
        .run(5);
    w.cmd()
        .env("LWCTL_AUDIT_LOG", &audit)
        .args(["alerts", "comment", "45", "--comment", "noted"])
        .run(0);
    // A dry run acts on nothing and audits nothing.
    w.cmd()
        .args([
            "alerts",
            "close",
            "46",
            "--reason",
            "2",
            "--dry-run",
            "--audit",
        ])
        .arg(&audit)
        .run(0);
    assert_eq!(mode(&audit), 0o600);
    let text = fs::read(&audit).unwrap();
    let lines = ndjson(&text);
    let got: Vec<(u64, &str, &str, &str)> = lines
        .iter()
        .map(|l| {
            (
                l["alert_id"].as_u64().unwrap(),
                l["action"].as_str().unwrap(),
                l["result"].as_str().unwrap(),
                l["user"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            // The intent before each request, the outcome after it.
            (42, "close", "sending", "alice@example.com"),
            (42, "close", "closed", "alice@example.com"),
            (43, "close", "not_found", "alice@example.com"),
            (44, "close", "already_closed", "alice@example.com"),
            (45, "comment", "sending", "alice@example.com"),
            (45, "comment", "commented", "alice@example.com"),
        ]
    );
    assert_eq!(lines[1]["reason"], 2);
    assert_eq!(lines[1]["comment"], "looked");
    assert_eq!(lines[0]["account"], "testcorp");
    assert!(lines[0]["time"].is_string() && lines[0].get("subaccount").is_some());
}

#[test]
fn the_same_id_twice_is_acted_on_once() {
    let w = world();
    w.cmd()
        .args(["alerts", "close", "42", "42,42", "--reason", "1", "--yes"])
        .run(0);
    assert_eq!(posts(&w).len(), 1);
}

/// Runs lwctl on a pseudo-terminal (util-linux `script`), typing `keys`.
fn on_a_terminal(w: &World, args: &str, keys: &str) -> std::process::Output {
    let bin = env!("CARGO_BIN_EXE_lwctl");
    // The world's environment, as World::child sets it, for `script` to pass on.
    let world = w.child();
    let mut script = std::process::Command::new("script");
    script.env_clear();
    for (k, v) in world.get_envs() {
        if let Some(v) = v {
            script.env(k, v);
        }
    }
    script
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TERM", "xterm")
        .current_dir(w.home.path())
        // -e passes lwctl's exit code on.
        .args([
            "-qec",
            &format!("{bin} --max-wait 20ms {args}"),
            "/dev/null",
        ]);
    assert_cmd::Command::from_std(script)
        .write_stdin(keys.to_owned())
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap()
}

#[test]
fn answering_no_at_the_prompt_sends_nothing_and_exits_10() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        return;
    }
    let w = world();
    let out = on_a_terminal(&w, "alerts close 42 43 44 45 --reason 1", "n");
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(
        screen.contains(
            "lwctl: 4 given: 2 to close (1 High, 1 Critical), 1 already closed, 1 missing"
        ) && screen.contains("Close 2 alerts as 'False positive'? This cannot be undone"),
        "{screen}"
    );
    assert_eq!(out.status.code(), Some(10), "{screen}");
    assert!(posts(&w).is_empty());
    let out = on_a_terminal(&w, "alerts close 42 --reason 1", "y");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(posts(&w).len(), 1);
}

#[test]
fn answering_no_is_a_plain_cancelled_line_and_exit_10() {
    let w = world();
    // A real terminal for the prompt: `script` gives lwctl a pty, and "n" answers it.
    let cmd = format!(
        "{} --max-wait 20ms alerts close 42 --reason 1",
        env!("CARGO_BIN_EXE_lwctl")
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .env_clear()
        .env("HOME", w.home.path())
        .env("XDG_CACHE_HOME", w.home.path().join("cache"))
        .env("LW_API_SERVER_URL", &w.server.url)
        .env("LW_ACCOUNT", "testcorp")
        .env("LW_API_KEY", server::KEY_ID)
        .env("LW_API_SECRET", server::SECRET)
        .env("TERM", "dumb")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            std::thread::sleep(std::time::Duration::from_millis(800));
            c.stdin.take().unwrap().write_all(b"n\n")?;
            c.wait_with_output()
        })
        .unwrap();
    let screen = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(10), "{screen}");
    assert!(
        screen.contains("lwctl: cancelled: answered no; nothing was sent"),
        "{screen}"
    );
    assert!(!screen.contains("error:"), "{screen}");
    assert!(posts(&w).is_empty());
}

/// The requests a run sent after `from` in the server's log, by kind.
fn spent(w: &World, from: usize) -> (usize, usize, usize) {
    let st = w.server.state();
    let log = &st.log[from..];
    let searches = log
        .iter()
        .filter(|l| l.path == "/api/v2/Alerts/search")
        .count();
    let details = log
        .iter()
        .filter(|l| l.method == "GET" && l.path.contains("scope=Details"))
        .count();
    let actions = log.iter().filter(|l| l.path.ends_with("/close")).count();
    (searches, details, actions)
}

#[test]
fn a_hundred_piped_alerts_are_looked_at_with_one_search_and_closed_at_the_budgets_pace() {
    let w = World::new();
    let now = Utc::now();
    {
        let mut st = w.server.state();
        for i in 0..100u64 {
            let status = if i % 40 == 3 { "Closed" } else { "Open" };
            let t = now - Duration::hours(5) + Duration::minutes(2 * i as i64);
            st.add(server::alert(
                1000 + i,
                t,
                "High".into(),
                status,
                "ChangedFile",
            ));
        }
    }
    let list = w
        .cmd()
        .args(["alerts", "list", "--start", "-6h", "-o", "ndjson"])
        .run(0);
    assert_eq!(ndjson(&list.stdout).len(), 100);
    // The dry run: one search reads all 100 statuses; no Details, nothing sent.
    let from = w.server.state().log.len();
    let out = w
        .cmd()
        .args(["alerts", "close", "-", "--reason", "1", "--dry-run"])
        .write_stdin(list.stdout.clone())
        .run(0);
    let err = stderr(&out);
    assert_eq!(
        err.lines().last(),
        Some("lwctl: would close 97; 3 already closed; 0 missing"),
        "{err}"
    );
    assert_eq!(spent(&w, from), (1, 0, 0));
    let search = w.server.state().log[from..]
        .iter()
        .find(|l| l.path == "/api/v2/Alerts/search")
        .map(|l| serde_json::from_str::<Value>(&l.body).unwrap())
        .unwrap();
    assert_eq!(search["filters"][0]["field"], "alertId");
    assert_eq!(search["filters"][0]["expression"], "in");
    assert_eq!(
        search["filters"][0]["values"].as_array().unwrap().len(),
        100
    );
    // Normalized events carry the time in raw_event: the same single search.
    let events = w
        .cmd()
        .args(["normalize", "-"])
        .write_stdin(list.stdout.clone())
        .run(0);
    let from = w.server.state().log.len();
    w.cmd()
        .args(["alerts", "close", "-", "--reason", "1", "--dry-run"])
        .write_stdin(events.stdout)
        .run(0);
    assert_eq!(spent(&w, from), (1, 0, 0));
    // For real, on a budget of 10 that refills one every 30ms: the 97 closes are spread at
    // its pace instead of running into 429.
    w.server.state().bucket = Some(server::Bucket::new(
        10,
        std::time::Duration::from_millis(30),
    ));
    let from = w.server.state().log.len();
    let out = w
        .cmd()
        .args([
            "-v",
            "--max-wait",
            "1s",
            "alerts",
            "close",
            "-",
            "--reason",
            "1",
        ])
        .arg("--yes")
        .write_stdin(list.stdout)
        .run(0);
    let err = stderr(&out);
    assert_eq!(
        err.lines().last(),
        Some("lwctl: closed 97; 3 already closed; 0 missing"),
        "{err}"
    );
    assert!(err.contains("lwctl: pacing Alerts: "), "{err}");
    assert_eq!(spent(&w, from), (1, 0, 97));
    assert_eq!(w.server.state().throttled, 0);
}

#[test]
fn bare_ids_and_alerts_a_search_does_not_return_get_a_look_of_their_own() {
    let w = world();
    // Bare IDs: no time to search by, a Details read each.
    let from = w.server.state().log.len();
    w.cmd()
        .args(["alerts", "close", "42", "45", "--reason", "1", "--dry-run"])
        .run(0);
    assert_eq!(spent(&w, from), (0, 2, 0));
    // An alert whose piped startTime is a day off is not in the search's window: it is looked
    // at alone, and found, not reported missing.
    let wrong = (Utc::now() - Duration::days(10)).to_rfc3339();
    let right = (Utc::now() - Duration::hours(1)).to_rfc3339();
    let input = format!(
        "{{\"alertId\": 42, \"startTime\": \"{wrong}\"}}\n\
         {{\"alertId\": 45, \"startTime\": \"{right}\"}}\n\
         {{\"alertId\": 43, \"startTime\": \"{right}\"}}\n"
    );
    let from = w.server.state().log.len();
    let out = w
        .cmd()
        .args(["alerts", "close", "-", "--reason", "1", "--dry-run"])
        .write_stdin(input)
        .run(5);
    let err = stderr(&out);
    assert!(
        err.contains("lwctl: would close 2; 0 already closed; 1 missing\n"),
        "{err}"
    );
    // One search per window (the times are ten days apart, more than one search may span),
    // then 42, which the search over its wrong time did not return, and 43, which no search
    // returned, each read alone.
    let (searches, details, actions) = spent(&w, from);
    assert_eq!((searches, details, actions), (2, 2, 0));
}

#[test]
fn a_search_whose_next_page_links_loop_ends_the_look_and_sends_nothing() {
    let w = World::new();
    let now = Utc::now();
    {
        let mut st = w.server.state();
        st.alerts = server::generate(1, 30, now - Duration::hours(3), now - Duration::hours(1));
        st.page_size = 10;
    }
    let list = w
        .cmd()
        .args(["alerts", "list", "--start", "-4h", "-o", "ndjson"])
        .run(0);
    // Every nextPage now links back to one page, which links to itself.
    let searches = w.server.state().requests_to("/api/v2/Alerts");
    w.server.state().foreign_next = Some(format!("{}/api/v2/Alerts/next/0/1", w.server.url));
    let started = std::time::Instant::now();
    let out = w
        .cmd()
        .args(["alerts", "close", "-", "--reason", "1", "--dry-run"])
        .write_stdin(list.stdout)
        .run(7);
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    let err = stderr(&out);
    assert!(
        err.contains("nextPage links loop") && err.contains("nothing was sent"),
        "{err}"
    );
    assert!(w.server.state().requests_to("/api/v2/Alerts") - searches < 10);
    assert!(posts(&w).is_empty());
}
