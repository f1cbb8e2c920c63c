//! The promises a SOC pipeline leans on, attacked: a stalled reader, kills between write and
//! commit, files rotated, planted or written by others, a server that lies about times,
//! sends broken bytes or trickles, and values that would panic.

use crate::server::{self, Fault};
use crate::{ids, Run, World};
use chrono::{Duration, Utc};
use std::fs;
use std::io::Read;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::time::Instant;

fn add_recent(w: &World, first_id: u64, n: u64, ago: Duration) {
    let now = Utc::now();
    let mut st = w.server.state();
    for a in server::generate(first_id, n, now - ago, now - Duration::seconds(1)) {
        st.add(a);
    }
}

fn poll(w: &World) -> assert_cmd::Command {
    let mut c = w.cmd();
    c.args(["alerts", "poll", "--state"])
        .arg(w.path("poll.state"))
        .arg("--out")
        .arg(w.path("out.ndjson"));
    c
}

fn sorted(mut v: Vec<u64>) -> Vec<u64> {
    v.sort();
    v
}

/// Starts `args` with stdout a pipe nobody reads, waits for it to fill, sends SIGTERM, then
/// reads everything: how long it took to end, its exit code and what it wrote.
fn stall_then_term(
    w: &World,
    args: &[&str],
    stdin: Option<&Path>,
) -> (std::time::Duration, Option<i32>, Vec<u8>) {
    let mut cmd = w.child();
    cmd.args(args);
    if let Some(p) = stdin {
        cmd.stdin(fs::File::open(p).unwrap());
    }
    let mut child = cmd.spawn().unwrap();
    // Long enough for the pipe to fill: the server is local and the alerts many.
    std::thread::sleep(std::time::Duration::from_millis(2500));
    let signalled = Instant::now();
    crate::sigterm(child.id());
    // The reader wakes only after the process is gone: nothing it did depended on us.
    let mut stdout = child.stdout.take().unwrap();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(
            signalled.elapsed() < std::time::Duration::from_secs(10),
            "still running"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let took = signalled.elapsed();
    let mut out = Vec::new();
    stdout.read_to_end(&mut out).unwrap();
    (took, status.code(), out)
}

#[test]
fn sigterm_with_a_stalled_reader_ends_within_a_second_at_a_whole_record() {
    let w = World::new();
    let now = Utc::now();
    // About 2.5 MB of alerts: more than any pipe holds.
    w.server.state().alerts = server::generate(1, 3000, now - Duration::hours(20), now);
    w.server.state().page_size = 500;
    for format in ["json", "ndjson"] {
        let (took, code, out) = stall_then_term(&w, &["alerts", "list", "-o", format], None);
        eprintln!(
            "{format}: ended {took:?} after SIGTERM with {} bytes written",
            out.len()
        );
        assert!(
            took < std::time::Duration::from_millis(1800),
            "{format}: took {took:?}"
        );
        assert_eq!(code, Some(130), "{format}");
        assert!(
            out.len() > 4096 && out.len() < 2_400_000,
            "{format}: {} bytes",
            out.len()
        );
        match format {
            "json" => {
                let doc: serde_json::Value = serde_json::from_slice(&out).unwrap_or_else(|e| {
                    panic!(
                        "not one JSON document ({e}): ...{}",
                        String::from_utf8_lossy(&out[out.len() - 200..])
                    )
                });
                assert!(!doc.as_array().unwrap().is_empty());
            }
            _ => {
                assert_eq!(out.last(), Some(&b'\n'));
                assert!(!ids(&out).is_empty());
            }
        }
    }
    // normalize, one thread and two, from a file larger than any pipe.
    let input = w.path("big.ndjson");
    let mut text = String::new();
    for a in server::generate(1, 6000, now - Duration::hours(20), now) {
        text.push_str(&a.json);
        text.push('\n');
    }
    fs::write(&input, text).unwrap();
    for j in ["1", "2"] {
        let (took, code, out) = stall_then_term(&w, &["normalize", "-j", j], Some(&input));
        eprintln!(
            "normalize -j {j}: ended {took:?} after SIGTERM with {} bytes written",
            out.len()
        );
        assert!(
            took < std::time::Duration::from_millis(1800),
            "-j {j}: took {took:?}"
        );
        assert_eq!(code, Some(130), "-j {j}");
        assert_eq!(out.last(), Some(&b'\n'), "-j {j}: torn last line");
        for line in out.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
            serde_json::from_slice::<serde_json::Value>(line).expect("whole events only");
        }
    }
}

#[test]
fn a_signal_during_an_action_is_audited_as_unknown_and_exits_130() {
    let w = World::new();
    let now = Utc::now();
    w.server.state().alerts = server::generate(42, 1, now - Duration::hours(1), now);
    // The look and the audit's UserProfile answer; the close hangs.
    w.server
        .state()
        .queue
        .extend([Fault::Slow(0), Fault::Slow(0), Fault::Slow(8000)]);
    let audit = w.path("audit.ndjson");
    let child = w
        .child()
        .args(["alerts", "close", "42", "--reason", "1", "--yes", "--audit"])
        .arg(&audit)
        .spawn()
        .unwrap();
    // Until the close is on its way.
    let deadline = Instant::now() + std::time::Duration::from_secs(10);
    while !w
        .server
        .state()
        .log
        .iter()
        .any(|l| l.path.ends_with("/close"))
    {
        assert!(Instant::now() < deadline, "the close was never sent");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let signalled = Instant::now();
    crate::sigterm(child.id());
    let out = child.wait_with_output().unwrap();
    assert!(signalled.elapsed() < std::time::Duration::from_secs(2));
    assert_eq!(out.status.code(), Some(130));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("whether Lacework acted on it is unknown"),
        "{err}"
    );
    let lines = crate::ndjson(&fs::read(&audit).unwrap());
    let results: Vec<&str> = lines
        .iter()
        .map(|l| l["result"].as_str().unwrap())
        .collect();
    assert_eq!(results, ["sending", "unknown"]);
}

/// Watches a file's size in a tight loop until it stays put for a while; `false` if it ever
/// shrank, as a tailing shipper would see it.
fn watch_size(path: &Path) -> std::thread::JoinHandle<bool> {
    let path = path.to_owned();
    std::thread::spawn(move || {
        let mut last = fs::metadata(&path).map_or(0, |m| m.len());
        let mut still = Instant::now();
        while still.elapsed() < std::time::Duration::from_millis(1500) {
            let now = fs::metadata(&path).map_or(0, |m| m.len());
            if now < last {
                return false;
            }
            if now != last {
                still = Instant::now();
            }
            last = now;
        }
        true
    })
}

#[test]
fn a_run_killed_after_writing_is_adopted_and_a_torn_line_completed_never_cut() {
    let w = World::new();
    w.server.state().page_size = 3;
    add_recent(&w, 1, 7, Duration::minutes(5));
    let mut sizes = vec![0u64];
    let mut last = Vec::new();
    for (i, point) in [
        "after-output-sync:1",
        "mid-line:2",
        "after-page:1",
        "mid-line:1",
    ]
    .iter()
    .enumerate()
    {
        add_recent(&w, 100 + i as u64 * 10, 4, Duration::seconds(30));
        let out = poll(&w)
            .env("LWCTL_CRASH_AT", point)
            .assert()
            .failure()
            .get_output()
            .clone();
        assert_eq!(out.status.code(), None, "{point}: killed");
        let now = fs::read(w.path("out.ndjson")).unwrap();
        assert!(
            now.starts_with(&last),
            "{point}: a byte lwctl wrote was changed"
        );
        sizes.push(now.len() as u64);
        // The next run settles what the killed one left, and never cuts it: not when it
        // opens the file (killed right after), nor at any moment a tailer could see.
        poll(&w)
            .env("LWCTL_CRASH_AT", "after-open")
            .assert()
            .failure();
        let opened = fs::read(w.path("out.ndjson")).unwrap();
        assert!(
            opened.starts_with(&now),
            "{point}: cut when the next run opened it"
        );
        let watch = watch_size(&w.path("out.ndjson"));
        let out = poll(&w).run(0);
        assert!(
            watch.join().unwrap(),
            "{point}: the file shrank while the next run wrote it"
        );
        let after = fs::read(w.path("out.ndjson")).unwrap();
        assert!(
            after.starts_with(&now),
            "{point}: the file shrank or changed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        sizes.push(after.len() as u64);
        last = after;
    }
    assert!(sizes.windows(2).all(|s| s[0] <= s[1]), "{sizes:?}");
    let all: Vec<u64> = sorted(w.server.state().alerts.iter().map(|a| a.id).collect());
    assert_eq!(ids(&last), all, "each alert once, in whole lines");
}

#[test]
fn bytes_lwctl_did_not_write_are_kept() {
    let w = World::new();
    add_recent(&w, 1, 5, Duration::minutes(5));
    poll(&w).run(0);
    // An operator's line, without its newline.
    let mut f = fs::OpenOptions::new()
        .append(true)
        .open(w.path("out.ndjson"))
        .unwrap();
    std::io::Write::write_all(&mut f, b"{\"note\":\"operator was here\"}").unwrap();
    drop(f);
    let before = fs::read(w.path("out.ndjson")).unwrap();
    add_recent(&w, 100, 3, Duration::seconds(30));
    let out = poll(&w).run(0);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not written by lwctl"), "{err}");
    let after = fs::read(w.path("out.ndjson")).unwrap();
    assert!(after.starts_with(&before));
    let lines: Vec<serde_json::Value> = crate::ndjson(&after);
    assert_eq!(lines.iter().filter(|l| l["note"].is_string()).count(), 1);
    let got: Vec<u64> = lines.iter().filter_map(|l| l["alertId"].as_u64()).collect();
    assert_eq!(sorted(got), [1, 2, 3, 4, 5, 100, 101, 102]);

    // A longer backup copied over the file in place (the same inode): every byte stays.
    let backup = [
        after.clone(),
        b"{\"alertId\":999,\"restored\":true}\n".to_vec(),
    ]
    .concat();
    fs::write(w.path("out.ndjson"), &backup).unwrap();
    add_recent(&w, 200, 2, Duration::seconds(20));
    poll(&w).run(0);
    let restored = fs::read(w.path("out.ndjson")).unwrap();
    assert!(restored.starts_with(&backup));
    let tail = ids(&restored[backup.len()..]);
    assert_eq!(tail, [200, 201]);
}

#[test]
fn two_polls_never_write_one_output_at_once() {
    let w = World::new();
    add_recent(&w, 1, 3, Duration::minutes(5));
    poll(&w).run(0);
    // Another poll, with a state of its own, holds the file.
    let held = fs::OpenOptions::new()
        .append(true)
        .open(w.path("out.ndjson"))
        .unwrap();
    held.lock().unwrap();
    let before = fs::read(w.path("out.ndjson")).unwrap();
    add_recent(&w, 100, 3, Duration::seconds(30));
    let mut other = w.cmd();
    other
        .args(["alerts", "poll", "--state"])
        .arg(w.path("other.state"))
        .arg("--out")
        .arg(w.path("out.ndjson"));
    let out = other.run(9);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is writing to") && err.contains("out.ndjson"),
        "{err}"
    );
    assert_eq!(fs::read(w.path("out.ndjson")).unwrap(), before);
    drop(held);
    poll(&w).run(0);
    assert_eq!(
        ids(&fs::read(w.path("out.ndjson")).unwrap()),
        [1, 2, 3, 100, 101, 102]
    );
}

#[test]
fn copytruncate_between_pages_then_a_500_loses_and_repeats_nothing() {
    let w = World::new();
    w.server.state().page_size = 4;
    add_recent(&w, 1, 16, Duration::minutes(30));
    {
        let mut st = w.server.state();
        // Page 1 at once, page 2 after a pause (the rotation happens then), page 3 fails.
        st.queue.extend([Fault::Slow(0), Fault::Slow(1500)]);
        st.queue.extend([Fault::Status(500); 3]);
    }
    let out = w.path("out.ndjson");
    let rotate = {
        let out = out.clone();
        let copy = w.path("out.ndjson.1");
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(900));
            fs::copy(&out, &copy).unwrap();
            fs::OpenOptions::new()
                .write(true)
                .open(&out)
                .unwrap()
                .set_len(0)
                .unwrap();
        })
    };
    poll(&w).args(["--retries", "2"]).run(7);
    rotate.join().unwrap();
    let rotated = fs::read(w.path("out.ndjson.1")).unwrap();
    let left = fs::read(&out).unwrap();
    assert!(
        left.is_empty() || left.ends_with(b"\n"),
        "a torn line was left"
    );
    poll(&w).run(0);
    let now = fs::read(&out).unwrap();
    assert!(now.starts_with(&left), "the file shrank");
    let all = sorted([ids(&rotated), ids(&now)].concat());
    assert_eq!(
        all,
        (1..=16).collect::<Vec<u64>>(),
        "each alert exactly once"
    );
}

/// The uid of `nobody`, to plant files as another user (the tests run as root in CI).
fn other_user() -> Option<u32> {
    // SAFETY: geteuid has no preconditions.
    (unsafe { libc::geteuid() } == 0).then_some(65534)
}

fn chown(path: &Path, uid: u32) {
    std::os::unix::fs::lchown(path, Some(uid), Some(uid)).unwrap();
}

#[test]
fn files_planted_by_another_user_are_refused() {
    let Some(nobody) = other_user() else {
        eprintln!("not root: cannot plant files as another user here");
        return;
    };
    let w = World::new();
    add_recent(&w, 1, 3, Duration::minutes(5));
    let shared = w.path("shared");
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o1777)).unwrap();
    // The victim's archive, which a planted state names by device and inode.
    let archive = w.path("archive.ndjson");
    fs::write(&archive, b"{\"alertId\":7}\n").unwrap();
    let meta = fs::metadata(&archive).unwrap();
    let state = shared.join("poll.state");
    fs::write(
        &state,
        serde_json::to_vec(&serde_json::json!({
            "version": 3, "account": "testcorp.lacework.net", "subaccount": null,
            "cursor": "2026-01-01T00:00:00Z", "reach": "2026-01-01T00:00:00Z", "seen": {},
            "output": {"path": archive, "length": 100, "dev": meta.dev(), "ino": meta.ino()},
            "updated_at": "2026-01-01T00:00:00Z"
        }))
        .unwrap(),
    )
    .unwrap();
    chown(&state, nobody);
    let run = |state: &Path, out: &Path| {
        let mut c = w.cmd();
        c.args(["alerts", "poll", "--state"])
            .arg(state)
            .arg("--out")
            .arg(out);
        c
    };
    let out = run(&state, &archive).run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("belongs to another user"));
    assert_eq!(fs::read(&archive).unwrap(), b"{\"alertId\":7}\n");
    fs::remove_file(&state).unwrap();

    // A planted lock, held: exit 2 naming it, not exit 9 for ever.
    let lock = shared.join("mine.state.lock");
    let held = fs::File::create(&lock).unwrap();
    chown(&lock, nobody);
    held.lock().unwrap();
    let out = run(&shared.join("mine.state"), &w.path("mine.ndjson")).run(2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the lock file") && err.contains("another user"),
        "{err}"
    );
    drop(held);

    // A symlink at a shared --out path, planted by another user, toward the victim's file.
    let profile = w.path(".profile");
    fs::write(&profile, b"export PATH\n").unwrap();
    let link = shared.join("alerts.ndjson");
    std::os::unix::fs::symlink(&profile, &link).unwrap();
    chown(&link, nobody);
    let out = run(&w.path("own.state"), &link).run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("symlink owned by another user"));
    assert_eq!(fs::read(&profile).unwrap(), b"export PATH\n");
    // The user's own link is followed.
    fs::remove_file(&link).unwrap();
    std::os::unix::fs::symlink(w.path("real.ndjson"), &link).unwrap();
    run(&w.path("own.state"), &link).run(0);
    assert_eq!(ids(&fs::read(w.path("real.ndjson")).unwrap()), [1, 2, 3]);
}

#[test]
fn the_temp_sweep_removes_only_lwctls_own() {
    let w = World::new();
    add_recent(&w, 1, 2, Duration::minutes(5));
    let ours = w.path(".poll.state.Ab3dE9.tmp");
    let shape = w.path(".poll.state.my-backup.tmp");
    let plain = w.path(".poll.state.keep-me");
    for p in [&ours, &shape, &plain] {
        fs::write(p, b"x").unwrap();
    }
    let theirs = w.path(".poll.state.Zz9Yy8.tmp");
    fs::write(&theirs, b"x").unwrap();
    if let Some(nobody) = other_user() {
        chown(&theirs, nobody);
    }
    poll(&w).run(0);
    assert!(!ours.exists());
    assert!(shape.exists() && plain.exists());
    assert_eq!(theirs.exists(), other_user().is_some());
}

#[test]
fn directories_lwctl_makes_are_0700_whatever_the_umask() {
    let w = World::new();
    add_recent(&w, 1, 2, Duration::minutes(5));
    for _ in 0..2 {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask 000; exec {} --max-wait 20ms alerts poll --state {} --out {}",
                env!("CARGO_BIN_EXE_lwctl"),
                w.path("deep/state/poll.state").display(),
                w.path("deep/out/alerts.ndjson").display()
            ))
            .env_clear()
            .env("HOME", w.home.path())
            .env("XDG_CACHE_HOME", w.home.path().join("cache"))
            .env("LW_API_SERVER_URL", &w.server.url)
            .env("LW_ACCOUNT", "testcorp")
            .env("LW_API_KEY", server::KEY_ID)
            .env("LW_API_SECRET", server::SECRET)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for d in ["deep", "deep/state", "deep/out"] {
        let mode = fs::metadata(w.path(d)).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode, 0o700, "{d}");
    }
    for f in ["deep/state/poll.state", "deep/out/alerts.ndjson"] {
        let mode = fs::metadata(w.path(f)).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode, 0o600, "{f}");
    }
}

#[test]
fn a_page_with_bytes_that_are_not_utf8_is_never_read_as_no_alerts() {
    let w = World::new();
    let now = Utc::now();
    let mut alerts = server::generate(1, 5, now - Duration::hours(1), now - Duration::minutes(1));
    alerts[2].json = alerts[2]
        .json
        .replace("subject 3", &format!("subject {}", server::INVALID));
    w.server.state().alerts = alerts;
    let out = w.cmd().args(["alerts", "list", "-o", "ndjson"]).run(7);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("alert 3") && err.contains("not UTF-8"),
        "{err}"
    );
    assert!(!err.contains("no alerts"), "{err}");
    // A poll keeps its cursor: nothing is committed past the page.
    let out = poll(&w).run(7);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
    assert!(
        !w.path("poll.state").exists() || ids(&fs::read(w.path("out.ndjson")).unwrap()).is_empty()
    );
    // Skipped and counted with --skip-invalid: the neighbours are delivered.
    let out = w
        .cmd()
        .args(["alerts", "list", "-o", "ndjson", "--skip-invalid"])
        .run(0);
    assert_eq!(ids(&out.stdout), [1, 2, 4, 5]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("skipped 1 alert(s)") && err.contains("not UTF-8"),
        "{err}"
    );
}

#[test]
fn alerts_the_server_returns_outside_the_window_are_written_once() {
    let w = World::new();
    add_recent(&w, 1, 3, Duration::minutes(5));
    {
        let mut st = w.server.state();
        // Both times before the window, 1970, year 0, and none at all.
        let old = Utc::now() - Duration::days(3);
        let mut odd = server::generate(900, 1, old, old + Duration::minutes(1));
        for (id, time) in [
            (901, "1970-01-01T00:00:00.000Z"),
            (902, "0000-01-01T00:00:00.000Z"),
        ] {
            let mut a = odd[0].clone();
            a.id = id;
            a.json = serde_json::json!({"alertId": id, "alertName": "odd", "startTime": time, "endTime": time, "severity": "Low"}).to_string();
            odd.push(a);
        }
        let mut none = odd[0].clone();
        none.id = 903;
        none.json = r#"{"alertId":903,"alertName":"no times","severity":"Low"}"#.into();
        odd.push(none);
        st.always = odd;
    }
    for _ in 0..3 {
        poll(&w).run(0);
    }
    let got = ids(&fs::read(w.path("out.ndjson")).unwrap());
    assert_eq!(sorted(got), [1, 2, 3, 900, 901, 902, 903]);
}

#[test]
fn timeout_is_a_deadline_for_the_whole_request() {
    let w = World::new();
    add_recent(&w, 1, 5, Duration::minutes(5));
    // One byte every 100 ms: a few hundred bytes take far longer than the deadline.
    w.server.state().queue.push_back(Fault::Trickle(100));
    let started = Instant::now();
    let out = poll(&w).args(["--timeout", "2s", "--retries", "0"]).run(7);
    let took = started.elapsed();
    assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did not finish its answer within 2s"), "{err}");
    // The lock is free again: the next run succeeds at once.
    poll(&w).run(0);
}

#[test]
fn a_server_clock_behind_costs_one_token_exchange_a_run() {
    let w = World::new();
    {
        let mut st = w.server.state();
        st.token_skew = -Duration::hours(3);
        st.page_size = 2;
    }
    add_recent(&w, 1, 20, Duration::minutes(30));
    let out = w
        .cmd()
        .args(["--no-cache", "alerts", "list", "-o", "ndjson"])
        .run(0);
    assert_eq!(ids(&out.stdout).len(), 20);
    assert_eq!(w.server.state().token_exchanges, 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("expiresAt is 3h early").count(), 1, "{err}");
}

#[test]
fn server_text_is_data_split_tokens_and_forged_lines_included() {
    let w = World::new();
    add_recent(&w, 1, 2, Duration::minutes(5));
    // A first run caches a token; the server then quotes it, split by a line break.
    w.cmd().args(["alerts", "list", "-o", "ndjson"]).run(0);
    let token = {
        let st = w.server.state();
        st.log
            .iter()
            .rev()
            .find_map(|l| l.header("Authorization"))
            .unwrap()["Bearer ".len()..]
            .to_owned()
    };
    let (a, b) = token.split_at(token.len() / 2);
    let body = serde_json::json!({
        "message": format!("bad {a}\n{b}\nlwctl: poll 2026-01-01..2026-01-02 events_added: 0\n\u{1b}[31mred")
    })
    .to_string();
    w.server
        .state()
        .queue
        .extend([Fault::Answer(500, Box::leak(body.into_boxed_str())); 3]);
    let out = poll(&w).args(["--retries", "2"]).run(7);
    let err = String::from_utf8_lossy(&out.stderr);
    for piece in (0..=token.len() - 8).map(|i| &token[i..i + 8]) {
        assert!(
            !err.contains(piece),
            "{piece:?} of the token shows in {err}"
        );
    }
    assert!(
        !err.lines().any(|l| l.starts_with("lwctl: poll")),
        "a forged line: {err}"
    );
    assert!(!err.contains('\u{1b}'), "a raw escape: {err:?}");
    assert!(err.contains("\\n"), "{err}");
}

#[test]
fn account_names_that_are_not_lacework_names_are_skipped() {
    let w = World::new();
    add_recent(&w, 1, 2, Duration::minutes(5));
    w.server.state().subaccounts = vec![
        "sub-a".into(),
        "../../../../tmp/lwctl-escape".into(),
        "evil\r\nX-Injected: 1".into(),
        "\u{1b}[31mred".into(),
        "..".into(),
    ];
    let dir = w.path("alerts");
    let out = w
        .cmd()
        .args(["alerts", "poll", "--all-subaccounts", "--state"])
        .arg(w.path("org.state"))
        .arg("--out-dir")
        .arg(&dir)
        .run(0);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.matches("not a valid Lacework account name").count(),
        4,
        "{err}"
    );
    assert!(!err.contains('\u{1b}') && !err.contains('\r'), "{err:?}");
    assert!(!Path::new("/tmp/lwctl-escape.ndjson").exists());
    let mut files: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["sub-a.ndjson", "testcorp.ndjson"]);
    let st = w.server.state();
    assert!(st.log.iter().all(|l| l
        .header("Account-Name")
        .is_none_or(|a| a == "sub-a" || a == "testcorp")));
}

#[test]
fn secrets_and_tokens_with_control_characters() {
    let w = World::new();
    add_recent(&w, 1, 2, Duration::minutes(5));
    // A trailing newline, as Kubernetes and Docker secrets have: trimmed, and it works.
    w.cmd()
        .env("LW_API_SECRET", format!("{}\n", server::SECRET))
        .args(["alerts", "list", "-o", "ndjson"])
        .run(0);
    // Any other control character: exit 2 at once, naming the variable, nothing sent.
    let sent = w.server.state().log.len();
    let started = Instant::now();
    let out = w
        .cmd()
        .env("LW_API_SECRET", format!("{}\u{1}x", server::SECRET))
        .args(["alerts", "list"])
        .run(2);
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("LW_API_SECRET holds a control character")
    );
    let out = w
        .bare()
        .env("LW_ACCOUNT", "testcorp")
        .env("LW_API_TOKEN", "tok_abc\r\ndef")
        .args(["alerts", "list"])
        .run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("LW_API_TOKEN"));
    assert_eq!(w.server.state().log.len(), sent, "nothing was sent");
    // configure refuses to store one.
    let key = w.path("key.json");
    fs::write(&key, serde_json::to_vec(&serde_json::json!({"keyId": server::KEY_ID, "secret": "abc\ndef", "account": "testcorp"})).unwrap()).unwrap();
    let out = w.bare().args(["configure", "--json-file"]).arg(&key).run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("control character"));
    assert!(!w.path(".lacework.toml").exists());
}

#[test]
fn extreme_flag_values_are_usage_errors_naming_the_flag() {
    let w = World::new();
    for (args, flag) in [
        (
            &["--timeout", "18446744073709551615", "alerts", "list"][..],
            "--timeout",
        ),
        (&["--max-wait", "99999d", "alerts", "list"], "--max-wait"),
        (&["--retries", "4294967295", "alerts", "list"], "--retries"),
        (
            &["--max-response", "18446744073709551615B", "alerts", "list"],
            "--max-response",
        ),
        (
            &["alerts", "list", "--range", "last 99999999999 days"],
            "--range",
        ),
        (
            &["alerts", "list", "--range", "last 9999999 weeks"],
            "--range",
        ),
        (&["alerts", "list", "--start", "-99999999999d"], "--start"),
        (&["alerts", "poll", "--overlap", "400d"], "--overlap"),
        (
            &["alerts", "poll", "--every", "18446744073709551615"],
            "--every",
        ),
    ] {
        let out = w.cmd().args(args).run(2);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(flag), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn small_mistakes_name_the_path_and_the_code() {
    let w = World::new();
    add_recent(&w, 1, 2, Duration::minutes(5));
    // --out at a dangling link, and in a directory that does not exist under a file.
    std::os::unix::fs::symlink("/nonexistent/dir/out.ndjson", w.path("dangling")).unwrap();
    let mut c = w.cmd();
    let out = c
        .args(["alerts", "poll", "--state"])
        .arg(w.path("a.state"))
        .arg("--out")
        .arg(w.path("dangling"))
        .run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("dangling"));
    fs::write(w.path("file"), b"").unwrap();
    let mut c = w.cmd();
    let out = c
        .args(["alerts", "poll", "--state"])
        .arg(w.path("b.state"))
        .arg("--out")
        .arg(w.path("file/out.ndjson"))
        .run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("file/out.ndjson"));
    // A directory lwctl may not write in (sysfs refuses even root): exit 2, naming it.
    let mut c = w.cmd();
    let out = c
        .args(["alerts", "poll", "--state"])
        .arg(w.path("c.state"))
        .args(["--out", "/sys/lwctl-out.ndjson"])
        .run(2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot write --out /sys/lwctl-out.ndjson")
            && err.contains("Permission denied"),
        "{err}"
    );
    // A directory given to normalize.
    let out = w.bare().arg("normalize").arg(w.home.path()).run(2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&w.home.path().display().to_string()) && err.contains("is a directory"),
        "{err}"
    );
    // A duplicate key is called that.
    fs::write(
        w.path("dup.json"),
        br#"{"alertId": 1, "alertId": 2, "severity": "High"}"#,
    )
    .unwrap();
    let out = w.bare().arg("normalize").arg(w.path("dup.json")).run(8);
    assert!(String::from_utf8_lossy(&out.stderr).contains("duplicate key"));
}

/// A shipper tailing a file as Filebeat and rsyslog's `imfile` do: it follows the file it has
/// open by inode, ships each whole line once it ends, reads a file that shrank below its
/// offset again from the start, and moves to the new file at the path after a rotation, once
/// the old one is drained.
struct Tailer {
    path: std::path::PathBuf,
    file: Option<(fs::File, u64)>,
    offset: u64,
    partial: Vec<u8>,
    shipped: Vec<u64>,
    /// Times the file shrank under it other than by the test's own copytruncate.
    rereads: u32,
    /// The test truncated the file itself.
    truncated: bool,
}

impl Tailer {
    fn new(path: &Path) -> Tailer {
        Tailer {
            path: path.to_owned(),
            file: None,
            offset: 0,
            partial: Vec::new(),
            shipped: Vec::new(),
            rereads: 0,
            truncated: false,
        }
    }

    fn poll(&mut self) {
        use std::io::{Seek, SeekFrom};
        loop {
            if self.file.is_none() {
                let Ok(f) = fs::File::open(&self.path) else {
                    return;
                };
                let ino = f.metadata().unwrap().ino();
                self.file = Some((f, ino));
                self.offset = 0;
                self.partial.clear();
            }
            let (f, ino) = self.file.as_mut().unwrap();
            let len = f.metadata().unwrap().len();
            if len < self.offset {
                // Truncated: read it all again, as these shippers do.
                if !std::mem::take(&mut self.truncated) {
                    self.rereads += 1;
                }
                self.offset = 0;
                self.partial.clear();
            }
            f.seek(SeekFrom::Start(self.offset)).unwrap();
            let mut buf = Vec::new();
            f.read_to_end(&mut buf).unwrap();
            self.offset += buf.len() as u64;
            self.partial.extend_from_slice(&buf);
            while let Some(i) = self.partial.iter().position(|b| *b == b'\n') {
                let line: Vec<u8> = self.partial.drain(..=i).collect();
                if let Ok(v) = serde_json::from_slice::<serde_json::Value>(&line) {
                    if let Some(id) = v["alertId"].as_u64() {
                        self.shipped.push(id);
                    }
                }
            }
            // Rotated away and drained: on to the file now at the path.
            let now = fs::metadata(&self.path).map(|m| m.ino()).ok();
            if now != Some(*ino) {
                self.file = None;
                if now.is_none() {
                    return;
                }
                continue;
            }
            return;
        }
    }
}

#[test]
fn a_tailing_shipper_gets_each_alert_once_through_kills_rotations_and_faults() {
    // Seeds that once found a loss and a duplicate, and one more; LWCTL_TAIL_SEED tries another.
    let extra = std::env::var("LWCTL_TAIL_SEED")
        .ok()
        .and_then(|s| u64::from_str_radix(s.trim_start_matches("0x"), 16).ok());
    for seed in [0x9999, 0xdead_beef, 0x5eed].into_iter().chain(extra) {
        tail_through_chaos(seed);
    }
}

fn tail_through_chaos(seed: u64) {
    let w = World::new();
    w.server.state().page_size = 3;
    let out = w.path("out.ndjson");
    let mut tailer = Tailer::new(&out);
    let points = [
        "mid-line:1",
        "mid-line:3",
        "after-output-sync:2",
        "after-state-temp:1",
        "after-page:2",
        "after-rename:1",
        "after-open:1",
    ];
    let mut rng: u64 = seed;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let mut id = 1;
    for round in 0..30 {
        let n = 1 + next() % 5;
        add_recent(&w, id, n, Duration::seconds(40));
        id += 100;
        let what = next() % 6;
        if std::env::var("TRACE_TAIL").is_ok() {
            eprintln!("ROUND {round} action {what}");
        }
        match what {
            // logrotate `create`: renamed away, a new file in its place.
            0 if out.exists() => {
                fs::rename(&out, w.path(&format!("out.ndjson.{round}"))).unwrap();
                fs::File::create(&out).unwrap();
            }
            // logrotate `copytruncate`.
            1 if out.exists() => {
                tailer.poll();
                fs::copy(&out, w.path(&format!("out.ndjson.{round}"))).unwrap();
                fs::OpenOptions::new()
                    .write(true)
                    .open(&out)
                    .unwrap()
                    .set_len(0)
                    .unwrap();
                tailer.truncated = true;
                // A shipper notices the truncation before the file grows past its offset
                // again (else copytruncate itself loses lines, whoever writes them).
                tailer.poll();
            }
            2 => w.server.state().queue.extend([Fault::Status(503); 3]),
            _ => {}
        }
        let crash = next() % 2 == 0;
        let mut cmd = poll(&w);
        cmd.args(["--retries", "1"]);
        if crash {
            let p = points[(next() % points.len() as u64) as usize];
            if std::env::var("TRACE_TAIL").is_ok() {
                eprintln!("ROUND {round} crash at {p}");
            }
            cmd.env("LWCTL_CRASH_AT", p);
        }
        let o = cmd.output().unwrap();
        if std::env::var("TRACE_TAIL").is_ok() {
            eprintln!(
                "ROUND {round} ids {}..+{n} crash {crash} code {:?} err {}",
                id - 100,
                o.status.code(),
                String::from_utf8_lossy(&o.stderr)
                    .lines()
                    .filter(|l| !l.contains("lwctl: poll"))
                    .collect::<Vec<_>>()
                    .join(" | ")
            );
        }
        tailer.poll();
    }
    w.server.state().queue.clear();
    poll(&w).run(0);
    tailer.poll();
    let want: Vec<u64> = sorted(w.server.state().alerts.iter().map(|a| a.id).collect());
    assert_eq!(
        tailer.rereads, 0,
        "seed {seed:#x}: the file shrank under the shipper"
    );
    assert_eq!(
        sorted(tailer.shipped.clone()),
        want,
        "seed {seed:#x}: each alert shipped exactly once"
    );
}
