//! `alerts poll --track-status`: the alerts written are followed, and each change to one (a
//! close, a new status, a comment that moves `lastUserUpdatedTime`) is told once, as an update
//! event, through kills and rotations; closed alerts and alerts older than the window are
//! followed no more.

use crate::server;
use crate::{ndjson, Run, World};
use chrono::{DateTime, Duration, TimeZone, Utc};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;

/// The simulated clock's start: noon on 2026-11-20.
fn noon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).unwrap()
}

/// 30 open alerts, IDs 100 to 129, started every 30 minutes up to half an hour before noon.
fn world() -> World {
    let w = World::new();
    let mut st = w.server.state();
    st.clock = Some(noon());
    for i in 0..30u64 {
        let start = noon() - Duration::minutes(30 * (30 - i as i64));
        st.add(server::alert(
            100 + i,
            start,
            "High".into(),
            "Open",
            "NewUser",
        ));
    }
    drop(st);
    w
}

/// lwctl at `t` on the simulated clock (the server's too).
fn at(w: &World, t: DateTime<Utc>) -> assert_cmd::Command {
    w.server.state().clock = Some(t);
    let mut c = w.cmd();
    c.env("LWCTL_FAKE_NOW", lwctl::time::api_time(t));
    c
}

/// `alerts poll --track-status` at `t` into poll.state and out.ndjson.
fn poll(w: &World, t: DateTime<Utc>, extra: &[&str]) -> assert_cmd::Command {
    let mut c = at(w, t);
    c.args(["alerts", "poll", "--since", "1d", "--track-status"])
        .args(extra)
        .arg("--state")
        .arg(w.path("poll.state"))
        .arg("--out")
        .arg(w.path("out.ndjson"));
    c
}

/// Between polls, as analysts and integrations do: close 100-104 and comment on 107-109
/// through the API, and move 105 and 106 to In Progress in the console.
fn ten_changes(w: &World, t: DateTime<Utc>) {
    at(w, t)
        .args(["alerts", "close", "100", "101", "102", "103", "104"])
        .args(["--reason", "1", "--yes"])
        .run(0);
    at(w, t)
        .args([
            "alerts",
            "comment",
            "107",
            "108",
            "109",
            "--comment",
            "seen",
        ])
        .arg("--yes")
        .run(0);
    let mut st = w.server.state();
    for a in st.alerts.iter_mut().filter(|a| a.id == 105 || a.id == 106) {
        a.set_status("In Progress", t);
    }
}

/// [`world`] polled once at noon with `args` (following all 30), then [`ten_changes`] at
/// 12:10.
fn ten_changed(args: &[&str]) -> World {
    let w = world();
    poll(&w, noon(), args).run(0);
    ten_changes(&w, noon() + Duration::minutes(10));
    w
}

/// The update events in `bytes`: (alert ID, action, previous status), in order.
fn updates(bytes: &[u8]) -> Vec<(u64, String, String)> {
    ndjson(bytes)
        .iter()
        .filter(|e| e.get("update").is_some())
        .map(|e| {
            (
                e["alert"]["alertId"].as_u64().unwrap(),
                e["update"]["action"].as_str().unwrap().to_owned(),
                e["update"]["previous_status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn the_ten() -> Vec<(u64, String, String)> {
    let mut want: Vec<(u64, String, String)> = (100..105)
        .map(|id| (id, "closed".into(), "Open".into()))
        .chain((105..110).map(|id| (id, "updated".into(), "Open".into())))
        .collect();
    want.sort();
    want
}

fn sorted(mut v: Vec<(u64, String, String)>) -> Vec<(u64, String, String)> {
    v.sort();
    v
}

/// The alert IDs the searches after `from` in the server's log asked for.
fn searched(w: &World, from: usize) -> BTreeSet<u64> {
    w.server.state().log[from..]
        .iter()
        .filter(|l| l.path == "/api/v2/Alerts/search")
        .flat_map(|l| {
            let body: Value = serde_json::from_str(&l.body).unwrap();
            body["filters"][0]["values"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().parse::<u64>().unwrap())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn ten_changes_between_polls_are_ten_updates_once_each() {
    let w = world();
    let out = poll(&w, noon(), &[]).run(0);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("events_added: 30 "), "{err}");
    // The first run wrote the alerts as they are: no pass re-reads them at once.
    assert!(!err.contains("tracked:"), "{err}");
    let state: Value = serde_json::from_slice(&fs::read(w.path("poll.state")).unwrap()).unwrap();
    assert_eq!(state["tracking"]["alerts"].as_object().unwrap().len(), 30);
    // Version 4: an lwctl from before --track-status refuses it rather than drop what it
    // follows (a state without tracking stays version 3).
    assert_eq!(state["version"], 4);
    ten_changes(&w, noon() + Duration::minutes(10));
    // Five minutes later no pass is due yet (hourly by default): no search.
    let from = w.server.state().log.len();
    poll(&w, noon() + Duration::minutes(15), &[]).run(0);
    assert!(searched(&w, from).is_empty());
    assert!(updates(&fs::read(w.path("out.ndjson")).unwrap()).is_empty());
    // An hour on, the pass: exactly the ten, each once.
    let from = w.server.state().log.len();
    let out = poll(&w, noon() + Duration::minutes(65), &[]).run(0);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(" tracked: 30 updates_added: 10 track_requests: 1 "),
        "{err}"
    );
    let file = fs::read(w.path("out.ndjson")).unwrap();
    assert_eq!(sorted(updates(&file)), the_ten());
    assert_eq!(searched(&w, from), (100..130).collect());
    // Each update is the alert as it is now, in its envelope.
    let closed = ndjson(&file)
        .into_iter()
        .find(|e| e["alert"]["alertId"] == 100)
        .unwrap();
    assert_eq!(closed["alert"]["status"], "Closed");
    assert_eq!(closed["update"]["action"], "closed");
    assert!(closed["update"]["previous_last_user_updated_time"].is_string());
    // The next pass: nothing new, and the five closed alerts are not read again.
    let from = w.server.state().log.len();
    let out = poll(&w, noon() + Duration::minutes(130), &[]).run(0);
    assert!(String::from_utf8_lossy(&out.stderr).contains(" tracked: 25 updates_added: 0 "));
    assert_eq!(searched(&w, from), (105..130).collect());
    assert_eq!(updates(&fs::read(w.path("out.ndjson")).unwrap()).len(), 10);
    let state: Value = serde_json::from_slice(&fs::read(w.path("poll.state")).unwrap()).unwrap();
    assert_eq!(state["health"]["updates_written"], 10);
    // `poll status -o json` tells what is followed and when the last pass was.
    let out = at(&w, noon() + Duration::minutes(131))
        .args(["alerts", "poll", "status", "--state"])
        .arg(w.path("poll.state"))
        .args(["-o", "json"])
        .run(0);
    let status: Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = &status["accounts"][0];
    assert_eq!(
        (&row["tracked"], &row["updates_written"], &row["last_pass"]),
        (&25.into(), &10.into(), &"2026-11-20T14:10:00Z".into())
    );
}

#[test]
fn kills_and_rotations_mid_pass_lose_and_duplicate_no_update() {
    // A batch a page (`1`), or as shipped: a MiB at a time, here one batch at the end.
    for (point, batch) in [
        ("after-track-page:1", "1"),
        ("after-track-page:3", "1"),
        ("after-track-page:3", "1048576"),
        ("mid-line:2", "1"),
        ("mid-line:1", "1048576"),
        ("after-output-sync:1", "1"),
        ("after-state-temp:2", "1"),
        ("after-rename:1", "1"),
    ] {
        for rotate in [false, true] {
            let w = ten_changed(&["--track-every", "0s"]);
            // Pages of 4: the pass reads eight pages.
            w.server.state().page_size = 4;
            let killed = poll(&w, noon() + Duration::minutes(15), &["--track-every", "0s"])
                .env("LWCTL_TRACK_BATCH_BYTES", batch)
                .env("LWCTL_CRASH_AT", point)
                .output()
                .unwrap();
            assert!(!killed.status.success(), "{point}: not killed");
            let mut files = vec![w.path("out.ndjson")];
            if rotate {
                fs::rename(w.path("out.ndjson"), w.path("out.ndjson.1")).unwrap();
                files.push(w.path("out.ndjson.1"));
            }
            // The next run completes the pass; one after it adds nothing.
            for minutes in [20, 25] {
                poll(
                    &w,
                    noon() + Duration::minutes(minutes),
                    &["--track-every", "0s"],
                )
                .run(0);
            }
            let mut all = Vec::new();
            let current = fs::read(&files[0]).unwrap_or_default();
            assert!(
                current.is_empty() || current.ends_with(b"\n"),
                "{point}: a torn line"
            );
            all.extend(updates(&current));
            if let Some(rotated) = files.get(1) {
                // A line the kill tore in the rotated file stays there (the file is no longer
                // lwctl's to write, and may be compressed at any time); it is written whole to
                // the new file, so a shipper, which ships whole lines, delivers it once.
                let bytes = fs::read(rotated).unwrap();
                let whole = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
                let torn = &bytes[whole..];
                if !torn.is_empty() {
                    assert!(
                        current
                            .split(|b| *b == b'\n')
                            .any(|line| !line.is_empty() && line.starts_with(torn)),
                        "{point}: the torn line is not written whole"
                    );
                }
                all.extend(updates(&bytes[..whole]));
            }
            assert_eq!(sorted(all), the_ten(), "{point}, rotated: {rotate}");
        }
    }
}

#[test]
fn an_alert_older_than_the_window_is_no_longer_followed() {
    let w = world();
    // A 3-hour window at noon: the alerts from 09:00 on (124-129) are followed.
    let window = ["--track-status", "3h", "--track-every", "0s"];
    poll(&w, noon(), &window).run(0);
    let followed = |w: &World| -> Vec<String> {
        let state: Value =
            serde_json::from_slice(&fs::read(w.path("poll.state")).unwrap()).unwrap();
        state["tracking"]["alerts"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    };
    assert_eq!(followed(&w), ["124", "125", "126", "127", "128", "129"]);
    // An hour on, 09:00 and 09:30 have left the window: 124 and 125 are forgotten, and a
    // change to one of them is not told; a change to 127 is.
    let t = noon() + Duration::hours(1);
    {
        let mut st = w.server.state();
        for a in st
            .alerts
            .iter_mut()
            .filter(|a| [110, 124, 127].contains(&a.id))
        {
            a.set_status("In Progress", t);
        }
    }
    let from = w.server.state().log.len();
    poll(&w, t, &window).run(0);
    assert_eq!(searched(&w, from), (126..130).collect());
    assert_eq!(
        updates(&fs::read(w.path("out.ndjson")).unwrap()),
        [(127, "updated".into(), "Open".into())]
    );
    assert_eq!(followed(&w), ["126", "127", "128", "129"]);
}

#[test]
fn normalized_ocsf_and_ecs_updates_say_what_changed_and_validate() {
    for schema in ["aisoc", "ocsf", "ecs"] {
        let w = world();
        let args = ["--track-every", "0s", "--normalize", "--schema", schema];
        let out = poll(&w, noon(), &args).run(0);
        // Even at every run, the alerts a run writes are not re-read by that run.
        assert!(!String::from_utf8_lossy(&out.stderr).contains("tracked:"));
        assert_eq!(w.server.state().requests_to("/api/v2/Alerts/search"), 0);
        ten_changes(&w, noon() + Duration::minutes(10));
        poll(&w, noon() + Duration::minutes(15), &args).run(0);
        let events = ndjson(&fs::read(w.path("out.ndjson")).unwrap());
        assert_eq!(events.len(), 40, "{schema}");
        let (new, changed) = events.split_at(30);
        let id = |e: &Value| -> u64 {
            let uid = match schema {
                "aisoc" => e["external_id"].as_str().unwrap(),
                "ocsf" => e["finding_info"]["uid"].as_str().unwrap(),
                _ => e["event"]["id"].as_str().unwrap(),
            };
            uid.rsplit(':').next().unwrap().parse().unwrap()
        };
        let mut told: Vec<(u64, String)> = changed
            .iter()
            .map(|e| {
                let action = match schema {
                    "aisoc" => e["action"].as_str().unwrap().to_owned(),
                    "ocsf" => e["activity_name"].as_str().unwrap().to_ascii_lowercase(),
                    _ => e["event"]["type"][0].as_str().unwrap().to_owned(),
                };
                (id(e), action)
            })
            .collect();
        told.sort();
        let (closed, updated) = match schema {
            "aisoc" => ("closed", "updated"),
            "ocsf" => ("close", "update"),
            _ => ("end", "change"),
        };
        let want: Vec<(u64, String)> = (100..105)
            .map(|i| (i, closed.to_owned()))
            .chain((105..110).map(|i| (i, updated.to_owned())))
            .collect();
        assert_eq!(told, want, "{schema}");
        match schema {
            "aisoc" => {
                assert!(new.iter().all(|e| e["action"] == "created"));
                assert!(changed.iter().all(|e| e["previous_status"] == "Open"));
                assert!(changed.iter().all(|e| e["updated_at"]
                    .as_str()
                    .is_some_and(|t| t.starts_with("2026-11-20T12:10:00"))));
            }
            "ocsf" => {
                for e in events.iter() {
                    crate::schemas::check_ocsf_schema(e);
                }
                assert!(new.iter().all(|e| e["activity_id"] == 1));
                for e in changed {
                    let close = e["activity_id"] == 3;
                    assert_eq!(e["type_uid"], if close { 200403 } else { 200402 });
                    assert_eq!(
                        e["status_id"],
                        if close {
                            4
                        } else if id(e) < 107 {
                            2
                        } else {
                            1
                        }
                    );
                    // An update happened when it changed.
                    assert_eq!(
                        e["time"],
                        (noon() + Duration::minutes(10)).timestamp_millis()
                    );
                }
            }
            _ => {
                for e in events.iter() {
                    crate::schemas::check_ecs(e, "an update");
                }
                for e in changed {
                    assert_eq!(e["event"]["category"], serde_json::json!(["api"]));
                    assert_eq!(e["labels"]["lacework_previous_status"], "Open");
                    assert!(e["@timestamp"]
                        .as_str()
                        .unwrap()
                        .starts_with("2026-11-20T12:10:00"));
                }
            }
        }
    }
}

#[test]
fn each_account_of_an_organization_is_followed_on_its_own() {
    let w = World::new();
    {
        let mut st = w.server.state();
        st.clock = Some(noon());
        st.organization(2);
        for (k, account) in ["testcorp", "sub-001", "sub-002"].iter().enumerate() {
            for i in 0..4u64 {
                let id = 1000 * (k as u64 + 1) + i;
                let start = noon() - Duration::hours(1 + i as i64);
                st.add_to(
                    account,
                    server::alert(id, start, "High".into(), "Open", "NewUser"),
                );
            }
        }
    }
    let org = |t| {
        let mut c = at(&w, t);
        c.args([
            "alerts",
            "poll",
            "--since",
            "1d",
            "--all-subaccounts",
            "--normalize",
        ])
        .args(["--track-status", "--track-every", "0s", "--state"])
        .arg(w.path("org.state"))
        .arg("--out")
        .arg(w.path("org.ndjson"));
        c
    };
    org(noon()).run(0);
    {
        let t = noon() + Duration::minutes(5);
        let mut st = w.server.state();
        for id in [2001, 3002] {
            let owner = if id < 3000 { "sub-001" } else { "sub-002" };
            let a = st.own.get_mut(owner).unwrap();
            a.iter_mut()
                .find(|a| a.id == id)
                .unwrap()
                .set_status("Closed", t);
        }
    }
    let out = org(noon() + Duration::minutes(10)).run(0);
    let err = String::from_utf8_lossy(&out.stderr);
    let events = ndjson(&fs::read(w.path("org.ndjson")).unwrap());
    let mut closed: Vec<(String, String)> = events
        .iter()
        .filter(|e| e["action"] == "closed")
        .map(|e| {
            (
                e["subaccount"].as_str().unwrap_or("").to_owned(),
                e["external_id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    closed.sort();
    assert_eq!(
        closed,
        [
            ("sub-001".to_owned(), "2001".to_owned()),
            ("sub-002".to_owned(), "3002".to_owned())
        ],
        "{err}"
    );
    assert!(err.contains("updates_added: 2"), "{err}");
    // org plan counts the passes: one search an account, hourly by default, or at every poll.
    let plan = |extra: &[&str]| -> Value {
        let out = at(&w, noon() + Duration::minutes(20))
            .args(["org", "plan", "--state"])
            .arg(w.path("org.state"))
            .args(["-o", "json"])
            .args(extra)
            .run(0);
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let hourly = plan(&[]);
    assert_eq!(hourly["track_requests_per_hour"], 1.0);
    // 3 accounts × (12 polls + 1 pass) an hour.
    assert_eq!(hourly["needed_per_hour"], 39.0);
    let every_poll = plan(&["--track-every", "0s"]);
    assert_eq!(every_poll["track_requests_per_hour"], 12.0);
    assert_eq!(every_poll["needed_per_hour"], 72.0);
}

#[test]
fn a_server_filtering_on_end_time_still_returns_them_and_a_missing_one_is_said() {
    let w = world();
    w.server.state().time_filter = server::TimeFilter::End;
    let every = ["--track-every", "0s"];
    poll(&w, noon(), &every).run(0);
    ten_changes(&w, noon() + Duration::minutes(10));
    let out = poll(&w, noon() + Duration::minutes(15), &every).run(0);
    assert_eq!(
        sorted(updates(&fs::read(w.path("out.ndjson")).unwrap())),
        the_ten()
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("not returned"));
    // An alert gone from the tenant cannot tell its changes: said, not silent.
    w.server.state().alerts.retain(|a| a.id != 110);
    let out = poll(&w, noon() + Duration::minutes(20), &every).run(0);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(
            "lwctl: warning: --track-status: 1 followed alert(s) were not returned by the search"
        ),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn tracking_needs_somewhere_to_remember() {
    let w = world();
    let out = w.cmd().args(["alerts", "poll", "--track-status"]).run(2);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "lwctl: error: --track-status needs --state FILE (or --every) to remember the alerts it follows\n\
         lwctl: hint: add --state, as a cron poll has; changes are told from the second run on\n"
    );
    // --track-every alone is a slip, not a setting; a window out of range says its range.
    w.cmd()
        .args(["alerts", "poll", "--state", "s", "--track-every", "5m"])
        .run(2);
    let out = w
        .cmd()
        .args(["alerts", "poll", "--state", "s", "--track-status", "100d"])
        .run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("out of range: use 1m to 90d"));
    assert!(w.server.state().log.is_empty(), "nothing was asked");
}

#[test]
fn sigterm_mid_pass_stops_within_a_second_and_the_next_run_finishes_the_pass() {
    let every = ["--track-every", "0s"];
    let w = ten_changed(&every);
    {
        // Eight pages of a tenant 250 ms away: the pass takes two seconds.
        let mut st = w.server.state();
        st.page_size = 4;
        st.latency = std::time::Duration::from_millis(250);
    }
    let t = noon() + Duration::minutes(15);
    w.server.state().clock = Some(t);
    let mut cmd = w.child();
    cmd.env("LWCTL_FAKE_NOW", lwctl::time::api_time(t))
        .env("LWCTL_TRACK_BATCH_BYTES", "1")
        .args([
            "alerts",
            "poll",
            "--since",
            "1d",
            "--track-status",
            "--track-every",
            "0s",
        ])
        .arg("--state")
        .arg(w.path("poll.state"))
        .arg("--out")
        .arg(w.path("out.ndjson"));
    let before = w.server.state().log.len();
    let child = cmd.spawn().unwrap();
    // Signalled once the pass is under way: its first search asked.
    let waiting = std::time::Instant::now();
    while !w.server.state().log[before..]
        .iter()
        .any(|l| l.path == "/api/v2/Alerts/search")
    {
        assert!(
            waiting.elapsed() < std::time::Duration::from_secs(20),
            "no pass"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let signalled = std::time::Instant::now();
    crate::sigterm(child.id());
    let out = child.wait_with_output().unwrap();
    let took = signalled.elapsed();
    assert!(took < std::time::Duration::from_millis(1500), "{took:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(" (pass interrupted) "), "{err}");
    assert_eq!(out.status.code(), Some(130), "{err}");
    // Whole lines only; the next run passes again and tells what is left, once.
    assert!(fs::read(w.path("out.ndjson")).unwrap().ends_with(b"\n"));
    w.server.state().latency = std::time::Duration::ZERO;
    let out = poll(&w, noon() + Duration::minutes(20), &every).run(0);
    assert!(String::from_utf8_lossy(&out.stderr).contains(" tracked: "));
    assert_eq!(
        sorted(updates(&fs::read(w.path("out.ndjson")).unwrap())),
        the_ten(),
        "{err}"
    );
}

#[test]
fn a_pass_that_fails_after_a_batch_keeps_the_changes_it_did_not_write() {
    let every = ["--track-every", "0s"];
    let w = ten_changed(&every);
    {
        // Pages of 4 (100-103, 104-107, 108-111, ...): a batch is written once two pages of
        // updates are in it; page 3's two are not yet when fetching page 4 fails.
        let mut st = w.server.state();
        st.page_size = 4;
        st.queue = [server::Fault::Slow(0); 4].into_iter().collect();
        st.queue.push_back(server::Fault::Status(503));
    }
    let out = poll(&w, noon() + Duration::minutes(15), &every)
        .env("LWCTL_TRACK_BATCH_BYTES", "3000")
        .args(["--retries", "0"])
        .run(7);
    let err = String::from_utf8_lossy(&out.stderr);
    let written = updates(&fs::read(w.path("out.ndjson")).unwrap());
    assert_eq!(written.len(), 8, "{err}");
    // The next run tells 108 and 109, which the failed pass found but never wrote.
    poll(&w, noon() + Duration::minutes(20), &every).run(0);
    assert_eq!(
        sorted(updates(&fs::read(w.path("out.ndjson")).unwrap())),
        the_ten()
    );
}
