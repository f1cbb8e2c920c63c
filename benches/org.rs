//! `cargo bench --bench org`: one `alerts poll --all-subaccounts` cycle over an organization of
//! 100 accounts (the primary and 99 subaccounts) against the project's test server on
//! 127.0.0.1: the requests a quiet cycle makes with a warm token cache, its CPU time and peak
//! memory, and the peak memory of a cycle where 20 accounts each have 10,000 new alerts.
//! Prints figures; asserts nothing (shared, noisy machines).

#[allow(dead_code)]
#[path = "../tests/cli/server.rs"]
mod server;

#[allow(dead_code)]
mod common;

use chrono::{Duration, Utc};

/// Runs one org poll; returns (exit code, peak RSS MB, CPU seconds).
fn cycle(url: &str, home: &std::path::Path) -> (i32, Option<f64>, Option<f64>) {
    let run = common::lwctl(
        url,
        home,
        &[
            "alerts",
            "poll",
            "--all-subaccounts",
            "--normalize",
            "--state",
            "org.state",
            "--out",
            "org.ndjson",
        ],
    );
    (run.code, run.rss_mb, run.cpu_s)
}

fn main() {
    let srv = server::Server::start();
    {
        let mut st = srv.state();
        st.organization(99);
        st.page_size = 5000;
        st.remaining = u64::MAX;
    }
    let home = tempfile::tempdir().unwrap();
    // The first cycle exchanges the key and starts every account's state.
    cycle(&srv.url, home.path());
    let before = srv.state().log.len();
    srv.state().token_exchanges = 0;
    let (code, rss, cpu) = cycle(&srv.url, home.path());
    {
        let st = srv.state();
        let log = &st.log[before..];
        println!(
            "quiet cycle, 100 accounts: exit {code}, {} UserProfile + {} /Alerts requests, {} token exchanges, CPU {}, peak RSS {}",
            log.iter().filter(|l| l.path == "/api/v2/UserProfile").count(),
            log.iter().filter(|l| l.path.starts_with("/api/v2/Alerts")).count(),
            st.token_exchanges,
            cpu.map_or("-".into(), |c| format!("{c:.2} s")),
            rss.map_or("-".into(), |r| format!("{r:.1} MB")),
        );
    }
    // 20 busy accounts, 10,000 new alerts each, within the look-back.
    {
        let mut st = srv.state();
        let now = Utc::now();
        for i in 1..=20u64 {
            let account = format!("sub-{i:03}");
            for a in server::generate(
                i * 1_000_000,
                10_000,
                now - Duration::minutes(90),
                now - Duration::minutes(1),
            ) {
                st.add_to(&account, a);
            }
        }
    }
    let (code, rss, cpu) = cycle(&srv.url, home.path());
    println!(
        "busy cycle, 20 of 100 accounts with 10,000 new alerts each: exit {code}, CPU {}, peak RSS {}, {} events written",
        cpu.map_or("-".into(), |c| format!("{c:.2} s")),
        rss.map_or("-".into(), |r| format!("{r:.1} MB")),
        std::fs::read(home.path().join("org.ndjson"))
            .map(|b| b.iter().filter(|&&c| c == b'\n').count())
            .unwrap_or(0)
    );
}
