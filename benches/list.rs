//! `cargo bench --bench list`: peak memory and time of `lwctl alerts list` and of a backfilling
//! `alerts poll` as the number of alerts grows, against the project's own Lacework-like test
//! server on 127.0.0.1, in pages of 5,000 rows (the API's maximum).
//!
//! Memory must not grow with the result: only the IDs near a piece's boundary (list) or within
//! the look-back (poll) are kept. Prints figures; asserts nothing (shared, noisy machines). Set
//! `LWCTL_BENCH_ALERTS` to a comma-separated list of sizes (default `10000,100000`).

#[allow(dead_code)]
#[path = "../tests/cli/server.rs"]
mod server;

use chrono::{Duration, Utc};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Runs lwctl under `/usr/bin/time -f %M`; returns (seconds, peak RSS in MB).
fn measure(url: &str, home: &std::path::Path, args: &[&str]) -> (f64, Option<f64>) {
    let time = std::path::Path::new("/usr/bin/time").exists();
    let bin = env!("CARGO_BIN_EXE_lwctl");
    let mut cmd = if time {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%M"]).arg(bin);
        c
    } else {
        Command::new(bin)
    };
    let t = Instant::now();
    let out = cmd
        .env_clear()
        .env("HOME", home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("LW_API_SERVER_URL", url)
        .env("LW_ACCOUNT", "testcorp")
        .env("LW_API_KEY", server::KEY_ID)
        .env("LW_API_SECRET", server::SECRET)
        .envs(std::env::vars().filter(|(k, _)| k.starts_with("MALLOC_")))
        .current_dir(home)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let secs = t.elapsed().as_secs_f64();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let rss = time
        .then(|| err.lines().last()?.trim().parse::<f64>().ok())
        .flatten()
        .map(|kb| kb / 1024.0);
    (secs, rss)
}

fn main() {
    let sizes: Vec<u64> = std::env::var("LWCTL_BENCH_ALERTS")
        .unwrap_or_else(|_| "10000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    for n in sizes {
        let srv = server::Server::start();
        let now = Utc::now();
        {
            let mut st = srv.state();
            st.alerts = server::generate(1, n, now - Duration::days(6), now - Duration::minutes(1));
            st.page_size = 5000;
            st.remaining = u64::MAX;
        }
        let home = tempfile::tempdir().unwrap();
        let (secs, rss) = measure(
            &srv.url,
            home.path(),
            &["alerts", "list", "--start", "-7d", "-o", "ndjson"],
        );
        let show = |rss: Option<f64>| rss.map_or("-".into(), |r| format!("{r:.1} MB"));
        println!(
            "alerts list, {n:>7} alerts over 6 days: {secs:>6.2} s, peak RSS {}",
            show(rss)
        );
        let (secs, rss) = measure(
            &srv.url,
            home.path(),
            &[
                "alerts",
                "poll",
                "--since",
                "7d",
                "--state",
                "s",
                "--out",
                "out.ndjson",
            ],
        );
        println!(
            "alerts poll, {n:>7} alerts over 6 days: {secs:>6.2} s, peak RSS {}",
            show(rss)
        );
    }
}
