use crate::server::{self, Fault};
use crate::{assert_ids, ids, mode, ndjson, Run, World};
use chrono::{Duration, Utc};
use serde_json::Value;
use std::fs;
use std::path::Path;

fn add_recent(w: &World, first_id: u64, n: u64, ago: Duration) {
    let now = Utc::now();
    let mut st = w.server.state();
    for a in server::generate(first_id, n, now - ago, now - Duration::seconds(1)) {
        st.add(a);
    }
}

fn all_ids(w: &World) -> Vec<u64> {
    let mut v: Vec<u64> = w.server.state().alerts.iter().map(|a| a.id).collect();
    v.sort();
    v
}

fn poll(w: &World) -> assert_cmd::Command {
    let mut c = w.cmd();
    c.args(["alerts", "poll", "--state"])
        .arg(w.path("poll.state"))
        .arg("--out")
        .arg(w.path("out.ndjson"));
    c
}

fn out_ids(w: &World) -> Vec<u64> {
    ids(&fs::read(w.path("out.ndjson")).unwrap_or_default())
}

fn state(w: &World) -> Value {
    serde_json::from_slice(&fs::read(w.path("poll.state")).unwrap()).unwrap()
}

#[test]
fn stateless_poll_is_one_window_to_stdout() {
    let w = World::new();
    add_recent(&w, 1, 20, Duration::minutes(30));
    let out = w.cmd().args(["alerts", "poll", "--since", "10m"]).run(0);
    let now = Utc::now();
    let expected = w
        .server
        .state()
        .ids_between(now - Duration::minutes(10) - Duration::seconds(30), now);
    let got = ids(&out.stdout);
    assert!(
        !got.is_empty() && got.len() <= expected.len(),
        "{} of {}",
        got.len(),
        expected.len()
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("events_added: {}", got.len())),
        "{err}"
    );
    assert!(err.contains("ratelimit_remaining: "), "{err}");
}

#[test]
fn cron_runs_with_late_alerts_write_each_alert_once() {
    let w = World::new();
    w.server.state().page_size = 7;
    add_recent(&w, 1, 30, Duration::minutes(8));
    let mut next = 100;
    for run in 0..6 {
        let out = poll(&w).arg("--normalize").run(0);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("events_added: "), "{err}");
        if run > 0 {
            assert!(
                !err.contains("duplicates_skipped: 0 "),
                "the overlap re-reads earlier alerts: {err}"
            );
        }
        // New alerts, and late ones that start before the last cursor but inside the overlap.
        add_recent(&w, next, 5, Duration::seconds(20));
        let cursor = lwctl::time::parse_api_time(state(&w)["cursor"].as_str().unwrap()).unwrap();
        w.server.state().add(server::alert(
            next + 50,
            cursor - Duration::minutes(4),
            "Low".into(),
            "Open",
            "Late",
        ));
        next += 100;
    }
    poll(&w).arg("--normalize").assert().success();
    assert_ids(&out_ids(&w), &all_ids(&w));
    let events = ndjson(&fs::read(w.path("out.ndjson")).unwrap());
    assert!(events
        .iter()
        .all(|e| e["source"] == "lacework" && e["account"] == "testcorp"));
    // The state is private, versioned and readable.
    assert_eq!(mode(&w.path("poll.state")), 0o600);
    assert_eq!(mode(&w.path("poll.state.lock")), 0o600);
    let s = state(&w);
    assert_eq!(s["version"], 3);
    assert_eq!(s["account"], "testcorp.lacework.net");
    assert_eq!(
        s["output"]["length"].as_u64(),
        Some(fs::metadata(w.path("out.ndjson")).unwrap().len())
    );
    assert!(!s["seen"].as_object().unwrap().is_empty());
}

#[test]
fn runs_killed_at_every_commit_step_lose_and_duplicate_nothing() {
    let w = World::new();
    w.server.state().page_size = 3;
    add_recent(&w, 1, 10, Duration::minutes(5));
    let points = [
        "mid-line:1",
        "mid-line:4",
        "after-page:2",
        "after-output-sync:1",
        "after-state-temp:1",
        "after-rename:1",
        "after-page:1",
    ];
    let mut next = 1000;
    for i in 0..20 {
        add_recent(&w, next, 4 + i % 3, Duration::seconds(30));
        next += 100;
        let point = points[i as usize % points.len()];
        let out = poll(&w)
            .env("LWCTL_CRASH_AT", point)
            .assert()
            .failure()
            .get_output()
            .clone();
        assert_eq!(
            out.status.code(),
            None,
            "{point}: killed by a signal, not an exit"
        );
        // Every few runs, a clean one in between, as cron would.
        if i % 4 == 3 {
            poll(&w).assert().success();
        }
    }
    poll(&w).assert().success();
    // ids() fails on any partial line.
    assert_ids(&out_ids(&w), &all_ids(&w));
    // No temp file of a run killed before its rename outlives the next run.
    let leftovers: Vec<_> = fs::read_dir(w.home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_second_overlapping_run_exits_9_and_wait_queues() {
    let w = World::new();
    add_recent(&w, 1, 5, Duration::minutes(5));
    poll(&w).assert().success();
    let before = fs::read(w.path("out.ndjson")).unwrap();
    let lock = fs::OpenOptions::new()
        .write(true)
        .open(w.path("poll.state.lock"))
        .unwrap();
    lock.lock().unwrap();
    add_recent(&w, 100, 5, Duration::seconds(30));
    let out = poll(&w).run(9);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("another `lwctl alerts poll` is running") && err.contains("poll.state"),
        "{err}"
    );
    assert_eq!(fs::read(w.path("out.ndjson")).unwrap(), before);
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(500));
        drop(lock);
    });
    poll(&w).arg("--wait").assert().success();
    releaser.join().unwrap();
    assert_ids(&out_ids(&w), &all_ids(&w));
}

#[test]
fn rotated_output_starts_afresh_and_loses_nothing() {
    let w = World::new();
    add_recent(&w, 1, 8, Duration::minutes(5));
    poll(&w).assert().success();
    fs::rename(w.path("out.ndjson"), w.path("out.ndjson.1")).unwrap();
    add_recent(&w, 100, 6, Duration::seconds(30));
    poll(&w).assert().success();
    let old = ids(&fs::read(w.path("out.ndjson.1")).unwrap());
    let new = out_ids(&w);
    assert_eq!(
        new,
        (100..106).collect::<Vec<u64>>(),
        "the new file holds only new alerts"
    );
    let mut both = [old, new].concat();
    both.sort();
    assert_ids(&both, &all_ids(&w));

    // copytruncate: same file, cut to zero.
    let copy = fs::read(w.path("out.ndjson")).unwrap();
    fs::OpenOptions::new()
        .write(true)
        .open(w.path("out.ndjson"))
        .unwrap()
        .set_len(0)
        .unwrap();
    add_recent(&w, 200, 3, Duration::seconds(30));
    poll(&w).assert().success();
    assert_eq!(out_ids(&w), vec![200, 201, 202]);
    assert!(!copy.is_empty());
}

#[test]
fn a_failed_poll_commits_nothing_and_the_next_fills_the_gap() {
    let w = World::new();
    w.server.state().page_size = 4;
    add_recent(&w, 1, 6, Duration::minutes(5));
    poll(&w).assert().success();
    let state_before = fs::read(w.path("poll.state")).unwrap();
    let out_before = fs::read(w.path("out.ndjson")).unwrap();
    add_recent(&w, 100, 9, Duration::seconds(30));
    {
        let mut st = w.server.state();
        // The first page answers; the second fails beyond the retry budget.
        st.queue.push_back(Fault::Slow(0));
        st.queue.extend([Fault::Status(503); 3]);
    }
    let out = poll(&w).args(["--retries", "2"]).run(7);
    assert!(String::from_utf8_lossy(&out.stderr).contains("503"));
    // Nothing moved but the record of how the run ended.
    let before: serde_json::Value = serde_json::from_slice(&state_before).unwrap();
    let after = state(&w);
    for key in ["cursor", "reach", "seen", "output"] {
        assert_eq!(after[key], before[key], "{key}");
    }
    assert_eq!(after["health"]["last_exit"], 7);
    assert_eq!(
        after["health"]["last_success"],
        before["health"]["last_success"]
    );
    assert_eq!(fs::read(w.path("out.ndjson")).unwrap(), out_before);
    poll(&w).assert().success();
    assert_ids(&out_ids(&w), &all_ids(&w));
}

#[test]
fn warm_cache_poll_of_one_page_is_one_request() {
    let w = World::new();
    add_recent(&w, 1, 3, Duration::minutes(2));
    poll(&w).assert().success();
    let before = w.server.state().log.len();
    poll(&w).assert().success();
    let st = w.server.state();
    assert_eq!(
        st.log.len() - before,
        1,
        "{:?}",
        st.log[before..].iter().map(|l| &l.path).collect::<Vec<_>>()
    );
}

#[test]
fn state_of_another_account_is_refused() {
    let w = World::new();
    poll(&w).assert().success();
    let out = poll(&w).args(["--subaccount", "sub-a"]).run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("belongs to"));
    fs::write(w.path("poll.state"), "{not json").unwrap();
    let out = poll(&w).run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("move it away"));
}

#[test]
fn a_fortnight_offline_is_split_into_pieces() {
    let w = World::new();
    w.server.state().page_size = 50;
    let now = Utc::now();
    {
        let mut st = w.server.state();
        for a in server::generate(1, 400, now - Duration::days(15), now - Duration::minutes(1)) {
            st.add(a);
        }
    }
    poll(&w).args(["--since", "16d"]).assert().success();
    assert_ids(&out_ids(&w), &all_ids(&w));
    let firsts = w
        .server
        .state()
        .log
        .iter()
        .filter(|l| l.path.starts_with("/api/v2/Alerts?"))
        .count();
    // A poll commits a piece a day, so a backfill never holds more than a day of IDs.
    assert_eq!(firsts, 16);
}

/// `lwctl alerts poll --every 200ms` on this world's state and output, as a child process.
fn spawn_every(w: &World, extra: &[&str]) -> std::process::Child {
    w.child()
        .args(extra)
        .args(["alerts", "poll", "--every", "200ms", "--state"])
        .arg(w.path("poll.state"))
        .arg("--out")
        .arg(w.path("out.ndjson"))
        .spawn()
        .unwrap()
}

fn wait_for(what: impl Fn() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !what() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

fn terminate(child: std::process::Child) -> std::process::Output {
    crate::sigterm(child.id());
    child.wait_with_output().unwrap()
}

#[test]
fn every_loop_commits_and_exits_0_on_sigterm() {
    let w = World::new();
    add_recent(&w, 1, 5, Duration::minutes(5));
    let child = spawn_every(&w, &[]);
    wait_for(|| out_ids(&w).len() >= 5);
    add_recent(&w, 100, 2, Duration::seconds(10));
    wait_for(|| out_ids(&w).len() >= 7);
    let out = terminate(child);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_ids(&out_ids(&w), &all_ids(&w));
    assert!(Path::new(&w.path("poll.state")).exists());
}

#[test]
fn every_loop_reports_a_failed_tick_and_fills_the_gap_later() {
    let w = World::new();
    add_recent(&w, 1, 4, Duration::minutes(5));
    // The service is down for the first ticks.
    w.server.state().queue.extend([Fault::Status(503); 6]);
    let child = spawn_every(&w, &["--retries", "0"]);
    wait_for(|| w.server.state().queue.is_empty());
    add_recent(&w, 100, 3, Duration::seconds(10));
    wait_for(|| out_ids(&w).len() >= 7);
    let out = terminate(child);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("lwctl: error: lacework answered 503"), "{err}");
    assert_ids(&out_ids(&w), &all_ids(&w));
}
