//! `cargo bench --bench org`: one `alerts poll --all-subaccounts` cycle over an organization of
//! 100 accounts (the primary and 99 subaccounts) against the project's test server on
//! 127.0.0.1: the requests a quiet cycle makes with a warm token cache, its CPU time and peak
//! memory, and the peak memory of a cycle where 20 accounts each have 10,000 new alerts.
//! Prints figures; asserts nothing (shared, noisy machines).

#[allow(dead_code)]
#[path = "../tests/cli/server.rs"]
mod server;

use chrono::{Duration, Utc};
use std::process::{Command, Stdio};

/// Runs one org poll under `/usr/bin/time`; returns (exit code, peak RSS MB, CPU seconds).
fn cycle(url: &str, home: &std::path::Path) -> (i32, Option<f64>, Option<f64>) {
    let time = std::path::Path::new("/usr/bin/time").exists();
    let bin = env!("CARGO_BIN_EXE_lwctl");
    let mut cmd = if time {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%M %U %S"]).arg(bin);
        c
    } else {
        Command::new(bin)
    };
    let out = cmd
        .env_clear()
        .env("HOME", home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("LW_API_SERVER_URL", url)
        .env("LW_ACCOUNT", "testcorp")
        .env("LW_API_KEY", server::KEY_ID)
        .env("LW_API_SECRET", server::SECRET)
        .current_dir(home)
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
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let last: Vec<f64> = err
        .lines()
        .last()
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    let (rss, cpu) = match last.as_slice() {
        [kb, user, sys] if time => (Some(kb / 1024.0), Some(user + sys)),
        _ => (None, None),
    };
    (out.status.code().unwrap_or(-1), rss, cpu)
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
