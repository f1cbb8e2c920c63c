//! lwctl against the real API's behaviour: `204 No Content` for empty results, the vendor's own
//! payloads (`tests/fixtures/`), anomaly alerts published an hour or more after their start, and
//! output files that lwctl did not write.

use crate::server::{self, Fault, PagingShape, TimeFilter};
use crate::{assert_ids, ids, mode, ndjson, Run, World};
use chrono::{DateTime, Duration, TimeZone, Utc};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;

fn fixture(name: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/go-sdk")
        .join(name);
    fs::read_to_string(p).unwrap()
}

/// A fixture's `data`, compact, as the server sends it.
fn fixture_data(name: &str) -> Value {
    serde_json::from_str::<Value>(&fixture(name)).unwrap()["data"].clone()
}

/// A body for `Fault::Answer`, which outlives the test.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn alerts_requests(w: &World) -> usize {
    w.server.state().requests_to("/api/v2/Alerts")
}

#[test]
fn a_quiet_tenant_answers_204_and_every_command_succeeds() {
    let w = World::new();
    let out = w.cmd().args(["auth", "test", "-o", "json"]).run(0);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (v["ok"].clone(), v["alerts_last_10m"].clone()),
        (true.into(), 0.into())
    );
    let out = w.cmd().args(["auth", "test", "-o", "table"]).run(0);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("✓ alerts      OK, 0 in the last 10 minutes"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = w.cmd().args(["alerts", "list", "-o", "ndjson"]).run(0);
    assert!(out.stdout.is_empty());
    // Filters go through /Alerts/search, which answers 204 too.
    let out = w
        .cmd()
        .args(["alerts", "list", "--severity", "critical", "-o", "csv"])
        .run(0);
    assert_eq!(
        out.stdout.iter().filter(|b| **b == b'\n').count(),
        1,
        "a header only"
    );
    for _ in 0..2 {
        let out = w
            .cmd()
            .args(["alerts", "poll", "--state"])
            .arg(w.path("s"))
            .arg("--out")
            .arg(w.path("out"))
            .run(0);
        assert!(String::from_utf8_lossy(&out.stderr).contains("events_added: 0 "));
    }
    let state: Value = serde_json::from_slice(&fs::read(w.path("s")).unwrap()).unwrap();
    assert!(state["cursor"].is_string());
    assert_eq!(fs::read(w.path("out")).unwrap(), b"");
    // One request each: a 204 is an answer, never retried.
    assert_eq!(alerts_requests(&w), 6);
    let log = &w.server.state().log;
    assert!(log.iter().all(|l| !l.path.contains("/next/")));
}

#[test]
fn an_empty_body_that_is_not_204_is_still_malformed() {
    let w = World::new();
    for _ in 0..6 {
        w.server.state().queue.push_back(Fault::Answer(200, ""));
    }
    let out = w.cmd().args(["alerts", "list", "-o", "ndjson"]).run(7);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("malformed response") && err.contains("the JSON ends early"),
        "{err}"
    );
    assert_eq!(alerts_requests(&w), 6, "retried, then given up");
}

#[test]
fn a_next_page_answered_204_ends_the_result() {
    let w = World::new();
    {
        let mut st = w.server.state();
        let now = Utc::now();
        st.alerts = server::generate(1, 3, now - Duration::hours(2), now - Duration::hours(1));
        st.page_size = 2;
        // The first page as usual, then an empty next page.
        st.queue.push_back(Fault::Slow(0));
        st.queue.push_back(Fault::Answer(204, ""));
    }
    let out = w.cmd().args(["alerts", "list", "-o", "ndjson"]).run(0);
    assert_eq!(ids(&out.stdout), vec![1, 2]);
}

#[test]
fn paging_without_urls_or_empty_is_one_page() {
    for shape in [PagingShape::NoUrls, PagingShape::Empty, PagingShape::Absent] {
        let w = World::new();
        {
            let mut st = w.server.state();
            let now = Utc::now();
            st.alerts = server::generate(1, 5, now - Duration::hours(2), now - Duration::hours(1));
            st.paging = shape;
        }
        let out = w.cmd().args(["alerts", "list", "-o", "ndjson"]).run(0);
        assert_eq!(ids(&out.stdout), vec![1, 2, 3, 4, 5], "{shape:?}");
    }
}

#[test]
fn the_vendor_sdk_payloads_list_get_and_normalize() {
    let w = World::new();
    w.server.state().add_page(&fixture("alerts_page.json"));
    w.server.state().add_page(&fixture("alert_details.json"));
    let page = fixture_data("alerts_page.json");
    let details = fixture_data("alert_details.json");

    // The list hands each alert on byte for byte.
    let out = w
        .cmd()
        .args([
            "alerts",
            "list",
            "--start",
            "2022-09-29T16:00:00Z",
            "--end",
            "2022-09-29T17:00:00Z",
        ])
        .args(["-o", "ndjson"])
        .run(0);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{}\n", page[0])
    );

    // Details is one object with its entityMap; piped into normalize, it is one event.
    let out = w
        .cmd()
        .args(["alerts", "get", "967272", "-o", "json"])
        .run(0);
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got, details);
    let out = w.cmd().arg("normalize").write_stdin(out.stdout).run(0);
    let events = ndjson(&out.stdout);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["external_id"], "967272");
    assert_eq!(events[0]["severity"], "medium");
    assert_eq!(events[0]["raw_event"]["entityMap"], details["entityMap"]);

    // A saved Details answer (`{"data": {..}}`) and a saved page normalize as they are.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/go-sdk");
    let out = w
        .cmd()
        .arg("normalize")
        .arg(dir.join("alert_details.json"))
        .arg(dir.join("alerts_page.json"))
        .run(0);
    let events = ndjson(&out.stdout);
    let got: Vec<(&str, &str, &str)> = events
        .iter()
        .map(|e| {
            (
                e["external_id"].as_str().unwrap(),
                e["severity"].as_str().unwrap(),
                e["title"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("967272", "medium", "Clone of Files Changed "),
            (
                "967278",
                "high",
                "Clone of Cloud Activity log ingestion failure detected"
            ),
        ]
    );
    assert_eq!(events[1]["raw_event"], page[0]);
    assert_eq!(events[1]["raw_event"]["lastUserUpdatedTime"], "0");
    assert_eq!(events[1]["raw_event"]["alertSource"], "UnknownAlertSource");

    // Timeline, as the vendor's fixture spells it.
    let timeline = fixture("alert_timeline.json");
    w.server
        .state()
        .queue
        .push_back(Fault::Answer(200, leak(timeline)));
    let out = w
        .cmd()
        .args([
            "alerts", "get", "967272", "--scope", "timeline", "-o", "json",
        ])
        .run(0);
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got, fixture_data("alert_timeline.json"));

    // UserProfile, a real answer from a demo environment.
    w.server
        .state()
        .queue
        .push_back(Fault::Answer(200, leak(fixture("user_profile.json"))));
    let out = w.cmd().args(["org", "accounts", "-o", "json"]).run(0);
    assert!(String::from_utf8_lossy(&out.stdout).contains("CUSTOMERDEMO"));
}

#[test]
fn comment_and_close_on_the_real_answers() {
    let w = World::new();
    w.server.state().add_page(&fixture("alert_details.json"));
    // The vendor's comment answer, and `{}`, are both success (after the look at Details).
    w.server.state().queue.extend([
        Fault::Slow(0),
        Fault::Answer(200, leak(fixture("alert_comment.json"))),
    ]);
    let out = w
        .cmd()
        .args([
            "alerts",
            "comment",
            "967272",
            "--comment",
            "this is fine",
            "-o",
            "json",
        ])
        .run(0);
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got[0]["answer"]["data"], fixture_data("alert_comment.json"));
    w.server
        .state()
        .queue
        .extend([Fault::Slow(0), Fault::Answer(200, "{}")]);
    w.cmd()
        .args(["alerts", "comment", "967272", "--comment", "again"])
        .run(0);

    // Close answers 204 No Content.
    let out = w
        .cmd()
        .args(["alerts", "close", "967272", "--reason", "2", "--yes"])
        .run(0);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "lwctl: closed alert 967272 (Not enough information)\n"
    );
    // Closing it again sends nothing: the alert's Details say it is closed.
    let out = w
        .cmd()
        .args(["alerts", "close", "967272", "--reason", "1", "--yes"])
        .run(0);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "lwctl: alert 967272 is already closed; nothing was sent\n"
    );
}

#[test]
fn a_scope_answered_204_has_no_data() {
    let w = World::new();
    let now = Utc::now();
    w.server.state().alerts = server::generate(10, 2, now - Duration::hours(2), now);
    // The server answers Integrations for even ids with 204.
    let out = w
        .cmd()
        .args(["alerts", "get", "10", "--scope", "integrations"])
        .run(5);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "lwctl: error: not found (204) on /api/v2/Alerts/10?scope=Integrations: alert 10 has no Integrations data\n"
    );
}

#[test]
fn a_token_expiry_without_milliseconds_is_cached() {
    let w = World::new();
    w.server.state().token_without_millis = true;
    w.cmd().args(["auth", "test"]).run(0);
    w.cmd().args(["alerts", "list"]).run(0);
    assert_eq!(w.server.state().token_exchanges, 1);
}

/// A simulated morning: 09:00 to 13:00 UTC on one day.
fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, h, m, 0).unwrap()
}

/// Cron: `alerts poll` every 5 minutes from `from` to `to` on the simulated clock, with
/// `extra` flags; returns every run's stderr.
fn cron(w: &World, from: DateTime<Utc>, to: DateTime<Utc>, extra: &[&str]) -> Vec<String> {
    let mut errs = Vec::new();
    let mut t = from;
    while t <= to {
        w.server.state().clock = Some(t);
        let out = w
            .cmd()
            .env("LWCTL_FAKE_NOW", lwctl::time::api_time(t))
            .args(["alerts", "poll", "--state"])
            .arg(w.path("poll.state"))
            .arg("--out")
            .arg(w.path("out.ndjson"))
            .args(extra)
            .run(0);
        errs.push(String::from_utf8(out.stderr).unwrap());
        t += Duration::minutes(5);
    }
    errs
}

fn out_ids(w: &World) -> Vec<u64> {
    ids(&fs::read(w.path("out.ndjson")).unwrap_or_default())
}

/// Anomaly alerts for the hours 09:00 and 10:00, published 65 and 100 minutes after their
/// start; an alert published at once; and one published 3 hours late.
fn late_world() -> World {
    let w = World::new();
    let mut st = w.server.state();
    for (id, hour, delay) in [
        (1, 9, 65),
        (2, 9, 100),
        (3, 10, 65),
        (4, 10, 100),
        (6, 9, 180),
    ] {
        st.add(server::anomaly(id, at(hour, 0), Duration::minutes(delay)));
    }
    st.add(server::alert(
        5,
        at(9, 30),
        "High".into(),
        "Open",
        "NewUser",
    ));
    drop(st);
    w
}

#[test]
fn default_polls_deliver_alerts_published_up_to_two_hours_late_exactly_once() {
    let w = late_world();
    let errs = cron(&w, at(9, 0), at(13, 0), &[]);
    assert_ids(&out_ids(&w), &[1, 2, 3, 4, 5]);
    // The run that caught the 100-minute-late alert of 09:00 says how late it was, and warns:
    // it came in the oldest quarter of the look-back.
    let run = &errs[((10 * 60 + 40) - 9 * 60) / 5];
    assert!(
        run.contains("events_added: 1 ") && run.contains("late_arrivals: 1 "),
        "{run}"
    );
    assert!(run.contains("max_lateness: 1h40m "), "{run}");
    assert!(
        run.contains("lwctl: warning: 1 alert(s) arrived in the oldest quarter of the 2h look-back (up to 1h40m after their start); alerts later still may have been missed: raise --overlap"),
        "{run}"
    );
    // A 65-minute-late one is reported, without a warning.
    let run = &errs[((10 * 60 + 5) - 9 * 60) / 5];
    assert!(
        run.contains("late_arrivals: 1 max_lateness: 1h5m "),
        "{run}"
    );
    assert!(!run.contains("warning"), "{run}");
    // A quiet run stays one request: the seen set, not a re-delivery, covers the look-back.
    let st = w.server.state();
    let runs = errs.len();
    assert_eq!(st.requests_to("/api/v2/Alerts?"), runs);
}

#[test]
fn a_longer_overlap_reaches_a_three_hour_late_alert() {
    let w = late_world();
    cron(&w, at(9, 0), at(13, 0), &["--overlap", "4h"]);
    assert_ids(&out_ids(&w), &[1, 2, 3, 4, 5, 6]);
}

#[test]
fn the_connectors_ten_minute_window_loses_late_alerts() {
    let w = late_world();
    cron(
        &w,
        at(9, 0),
        at(13, 0),
        &["--overlap", "10m", "--since", "10m"],
    );
    assert_ids(&out_ids(&w), &[5]);
}

#[test]
fn changing_the_look_back_never_redelivers() {
    let w = World::new();
    {
        let mut st = w.server.state();
        // An alert every 2 minutes, published at once, each an instant (`endTime` =
        // `startTime`), so the seen set keeps each ID no longer than the look-back needs.
        st.alerts = server::generate(1, 120, at(8, 0), at(12, 0))
            .into_iter()
            .map(|mut a| {
                let mut obj: Value = serde_json::from_str(&a.json).unwrap();
                obj["endTime"] = obj["startTime"].clone();
                a.json = obj.to_string();
                a.end = a.start;
                a
            })
            .collect();
    }
    cron(
        &w,
        at(9, 0),
        at(10, 0),
        &["--overlap", "10m", "--since", "10m"],
    );
    // As an older lwctl left it: version 1, no reach.
    let mut s: Value = serde_json::from_slice(&fs::read(w.path("poll.state")).unwrap()).unwrap();
    s["version"] = 1.into();
    s.as_object_mut().unwrap().remove("reach");
    fs::write(w.path("poll.state"), s.to_string()).unwrap();
    // The new default look-back, then a raised one, then a lowered one.
    cron(&w, at(10, 5), at(10, 30), &[]);
    cron(&w, at(10, 35), at(11, 0), &["--overlap", "4h"]);
    cron(&w, at(11, 5), at(12, 0), &["--overlap", "5m"]);
    let got = out_ids(&w);
    let unique: BTreeSet<u64> = got.iter().copied().collect();
    assert_eq!(unique.len(), got.len(), "no alert is written twice");
    let expected = w.server.state().ids_between(at(8, 50), at(12, 0));
    assert_ids(&got, &expected);
}

#[test]
fn dedupe_holds_whichever_time_the_server_filters_on() {
    for filter in [TimeFilter::Start, TimeFilter::End, TimeFilter::Overlap] {
        let w = World::new();
        {
            let mut st = w.server.state();
            st.time_filter = filter;
            for (i, a) in server::generate(1, 40, at(9, 0), at(12, 0))
                .into_iter()
                .enumerate()
            {
                let mut a = a;
                // Published up to 90 minutes after their start, so some arrive late.
                a.published = a.start + Duration::minutes(i as i64 % 4 * 30);
                st.alerts.push(a);
            }
        }
        cron(&w, at(9, 0), at(13, 30), &[]);
        let got = out_ids(&w);
        let unique: BTreeSet<u64> = got.iter().copied().collect();
        assert_eq!(unique.len(), got.len(), "{filter:?}: written twice");
        assert_ids(&got, &(1..=40).collect::<Vec<_>>());
    }
}

#[test]
fn every_without_state_prints_each_alert_once() {
    let w = World::new();
    let now = Utc::now();
    w.server.state().alerts = server::generate(1, 30, now - Duration::minutes(90), now);
    let child = w
        .child()
        .args(["alerts", "poll", "--every", "200ms"])
        .spawn()
        .unwrap();
    let ticks = |w: &World| w.server.state().requests_to("/api/v2/Alerts?");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while ticks(&w) < 3 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // New alerts between ticks, one of them late (before the last cursor).
    let now = Utc::now();
    w.server
        .state()
        .add(server::alert(100, now, "Low".into(), "Open", "NewUser"));
    w.server.state().add(server::alert(
        101,
        now - Duration::minutes(30),
        "Low".into(),
        "Open",
        "NewUser",
    ));
    let seen = ticks(&w);
    while ticks(&w) < seen + 3 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    crate::sigterm(child.id());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let mut expected: Vec<u64> = (1..=30).collect();
    expected.extend([100, 101]);
    assert_ids(&ids(&out.stdout), &expected);
}

fn poll_into(w: &World, out: &str) -> std::process::Output {
    w.cmd()
        .args(["alerts", "poll", "--state"])
        .arg(w.path("poll.state"))
        .args(["--out", out])
        .run(0)
}

fn add_now(w: &World, first: u64, n: u64) {
    let now = Utc::now();
    let mut st = w.server.state();
    for a in server::generate(
        first,
        n,
        now - Duration::minutes(3),
        now - Duration::seconds(1),
    ) {
        st.add(a);
    }
}

#[test]
fn an_output_lwctl_did_not_write_keeps_every_byte() {
    let w = World::new();
    add_now(&w, 1, 4);
    poll_into(&w, "./out.ndjson");
    // Created private: alerts name hosts, users and addresses.
    assert_eq!(mode(&w.path("out.ndjson")), 0o600);
    let first = fs::read(w.path("out.ndjson")).unwrap();
    assert_eq!(ids(&first), vec![1, 2, 3, 4]);

    // `out.ndjson` is the same file as `./out.ndjson`: appended to, nothing cut.
    add_now(&w, 10, 2);
    poll_into(&w, "out.ndjson");
    let second = fs::read(w.path("out.ndjson")).unwrap();
    assert!(second.starts_with(&first));
    assert_eq!(ids(&second), vec![1, 2, 3, 4, 10, 11]);

    // Restored from a backup (another inode, shorter): every byte of it stays.
    let backup = w.path("backup.ndjson");
    fs::write(&backup, &first).unwrap();
    fs::rename(&backup, w.path("out.ndjson")).unwrap();
    add_now(&w, 20, 2);
    poll_into(&w, "out.ndjson");
    let restored = fs::read(w.path("out.ndjson")).unwrap();
    assert!(restored.starts_with(&first));
    assert_eq!(ids(&restored), vec![1, 2, 3, 4, 20, 21]);

    // Saved by an editor or rsync'd with other content: kept, alerts appended after it.
    let notes = b"{\"note\": \"kept by hand\"}\n";
    fs::write(w.path("tmp"), notes).unwrap();
    fs::rename(w.path("tmp"), w.path("out.ndjson")).unwrap();
    add_now(&w, 30, 1);
    poll_into(&w, "out.ndjson");
    let edited = fs::read(w.path("out.ndjson")).unwrap();
    assert!(edited.starts_with(notes));
    assert_eq!(ndjson(&edited[notes.len()..])[0]["alertId"], 30);

    // Replaced by a symlink to an unrelated file: that file keeps its bytes.
    let unrelated = w.path("unrelated.txt");
    fs::write(&unrelated, b"someone else's data\n").unwrap();
    fs::remove_file(w.path("out.ndjson")).unwrap();
    std::os::unix::fs::symlink(&unrelated, w.path("out.ndjson")).unwrap();
    add_now(&w, 40, 1);
    poll_into(&w, "out.ndjson");
    let other = fs::read(&unrelated).unwrap();
    assert!(other.starts_with(b"someone else's data\n"));
    assert_eq!(ndjson(&other[20..])[0]["alertId"], 40);
}

#[test]
fn a_killed_run_then_rotation_gives_exactly_once() {
    let w = World::new();
    w.server.state().page_size = 2;
    add_now(&w, 1, 5);
    // Killed mid-line: the tail past the commit is lwctl's own, and is cut back.
    w.cmd()
        .env("LWCTL_CRASH_AT", "mid-line:3")
        .args(["alerts", "poll", "--state"])
        .arg(w.path("poll.state"))
        .args(["--out", "out.ndjson"])
        .assert()
        .failure();
    poll_into(&w, "out.ndjson");
    assert_eq!(out_ids(&w), vec![1, 2, 3, 4, 5]);
    // logrotate `create`: renamed away, a new empty file made in its place.
    fs::rename(w.path("out.ndjson"), w.path("out.ndjson.1")).unwrap();
    fs::File::create(w.path("out.ndjson")).unwrap();
    add_now(&w, 10, 3);
    poll_into(&w, "out.ndjson");
    // logrotate `copytruncate`: copied away, cut to zero in place.
    fs::copy(w.path("out.ndjson"), w.path("out.ndjson.2")).unwrap();
    fs::OpenOptions::new()
        .write(true)
        .open(w.path("out.ndjson"))
        .unwrap()
        .set_len(0)
        .unwrap();
    add_now(&w, 20, 3);
    poll_into(&w, "out.ndjson");
    let mut all = [
        ids(&fs::read(w.path("out.ndjson.1")).unwrap()),
        ids(&fs::read(w.path("out.ndjson.2")).unwrap()),
        out_ids(&w),
    ]
    .concat();
    all.sort();
    assert_ids(&all, &[1, 2, 3, 4, 5, 10, 11, 12, 20, 21, 22]);
}

#[test]
fn quiet_polls_speak_only_when_a_person_must_act() {
    let w = late_world();
    let errs = cron(&w, at(9, 0), at(11, 5), &["-q"]);
    let spoke: Vec<usize> = (0..errs.len()).filter(|i| !errs[*i].is_empty()).collect();
    // Only 10:40, where the 09:00 hour came in the oldest quarter of the look-back (100
    // minutes late): alerts later still could be missed. Late alerts within it need no one.
    assert_eq!(spoke, [20], "{errs:?}");
    assert!(errs[20].contains("warning") && errs[20].contains("raise --overlap"));
    assert!(
        !errs[20].contains("events_added"),
        "no summary with --quiet: {}",
        errs[20]
    );
    assert_ids(&out_ids(&w), &[1, 2, 3, 5]);
}
