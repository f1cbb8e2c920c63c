//! `cargo bench --bench track`: `alerts poll --track-status` following 100,000 open alerts
//! (over 6 days, pages of 5,000 rows) against the project's test server on 127.0.0.1: the
//! state file's size, and the time, requests and peak memory of the backfill that starts
//! following them and of a pass that finds 1,000 of them changed (the time includes the test
//! server's, which filters every search by scanning; lwctl's own CPU time is shown apart). `LWCTL_BENCH_TRACKED` sets
//! the number. Prints figures; asserts nothing (shared, noisy machines).

#[allow(dead_code)]
#[path = "../tests/cli/server.rs"]
mod server;

#[allow(dead_code)]
mod common;

use chrono::{Duration, Utc};

fn main() {
    let n: u64 = std::env::var("LWCTL_BENCH_TRACKED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let srv = server::Server::start();
    let now = Utc::now();
    {
        let mut st = srv.state();
        let span = (Duration::days(6) - Duration::minutes(1)).num_milliseconds();
        for i in 0..n {
            let start =
                now - Duration::days(6) + Duration::milliseconds(span * i as i64 / n as i64);
            st.add(server::alert(
                i + 1,
                start,
                "High".into(),
                "Open",
                "NewUser",
            ));
        }
        st.page_size = 5000;
        st.remaining = u64::MAX;
    }
    let home = tempfile::tempdir().unwrap();
    let poll = |home: &std::path::Path| {
        let before = srv.state().log.len();
        let run = common::lwctl(
            &srv.url,
            home,
            &[
                "alerts",
                "poll",
                "--since",
                "7d",
                "--track-status",
                "--track-every",
                "0s",
                "--state",
                "s",
                "--out",
                "out.ndjson",
            ],
        );
        let requests = srv.state().log.len() - before;
        (run, requests)
    };
    let show = |rss: Option<f64>| rss.map_or("-".into(), |r| format!("{r:.1} MB"));
    let cpu = |c: Option<f64>| c.map_or("-".into(), |c| format!("{c:.2} s"));
    let (run, requests) = poll(home.path());
    let state = std::fs::metadata(home.path().join("s")).map_or(0, |m| m.len());
    println!(
        "backfill following {n} alerts: exit {}, {:.2} s (lwctl CPU {}), {requests} requests, peak RSS {}, state {:.1} MB",
        run.code,
        run.secs,
        cpu(run.cpu_s),
        show(run.rss_mb),
        state as f64 / 1e6
    );
    // 1,000 of them change (a status, a comment), spread over the six days.
    {
        let mut st = srv.state();
        let step = (n / 1000).max(1) as usize;
        for a in st.alerts.iter_mut().step_by(step).take(1000) {
            a.set_status("In Progress", now);
        }
    }
    let (run, requests) = poll(home.path());
    let lines = std::fs::read(home.path().join("out.ndjson"))
        .map_or(0, |b| b.iter().filter(|c| **c == b'\n').count());
    println!(
        "pass over {n} alerts, 1000 changed: exit {}, {:.2} s (lwctl CPU {}), {requests} requests, peak RSS {}, {} lines in the file",
        run.code,
        run.secs,
        cpu(run.cpu_s),
        show(run.rss_mb),
        lines
    );
    let (run, requests) = poll(home.path());
    println!(
        "pass over {n} alerts, none changed: exit {}, {:.2} s (lwctl CPU {}), {requests} requests, peak RSS {}",
        run.code,
        run.secs,
        cpu(run.cpu_s),
        show(run.rss_mb),
    );
}
