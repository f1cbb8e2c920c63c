//! `cargo bench --bench list`: peak memory and time of `lwctl alerts list` and of a backfilling
//! `alerts poll` as the number of alerts grows, against the project's own Lacework-like test
//! server on 127.0.0.1, in pages of 5,000 rows (the API's maximum).
//!
//! Memory must not grow with the result: only the IDs near a piece's boundary (list) or within
//! the look-back (poll) are kept. Prints figures; asserts nothing (shared, noisy machines). Set
//! `LWCTL_BENCH_ALERTS` to a comma-separated list of sizes (default `10000,100000`), or
//! `LWCTL_BENCH_HOSTILE=1` for peak memory against a gzip bomb and a 5,000,000-row page.

#[allow(dead_code)]
#[path = "../tests/cli/server.rs"]
mod server;

#[allow(dead_code)]
mod common;

use chrono::{Duration, Utc};

/// Runs lwctl; returns (seconds, peak RSS in MB); it must succeed.
fn measure(url: &str, home: &std::path::Path, args: &[&str]) -> (f64, Option<f64>) {
    let run = common::lwctl(url, home, args);
    assert_eq!(run.code, 0);
    (run.secs, run.rss_mb)
}

/// `mib` MiB of spaces inside a page, gzipped.
fn gzip_bomb(mib: usize) -> &'static [u8] {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(b"{\"data\": [").unwrap();
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..mib {
        enc.write_all(&spaces).unwrap();
    }
    enc.write_all(b"]}").unwrap();
    Box::leak(enc.finish().unwrap().into_boxed_slice())
}

/// Peak memory against hostile answers, which must end in exit 7 under 100 MB.
fn hostile() {
    let home = tempfile::tempdir().unwrap();
    let bomb = gzip_bomb(1024);
    let rows = format!("{{\"data\":[{}{{}}]}}", "{},".repeat(4_999_999));
    let rows: &'static str = Box::leak(rows.into_boxed_str());
    for (label, fault, wire) in [
        (
            "gzip bomb (1 GiB inflated)",
            server::Fault::Gzip(bomb),
            bomb.len(),
        ),
        (
            "page of 5,000,000 rows",
            server::Fault::Answer(200, rows),
            rows.len(),
        ),
    ] {
        let srv = server::Server::start();
        srv.state().queue.push_back(fault);
        let common::Run {
            secs,
            rss_mb: rss,
            code,
            ..
        } = common::lwctl(&srv.url, home.path(), &["alerts", "list", "-o", "ndjson"]);
        println!(
            "hostile: {label:<28} {:>6.1} MB on the wire: exit {code}, {secs:.2} s, peak RSS {}",
            wire as f64 / 1e6,
            rss.map_or("-".into(), |r| format!("{r:.1} MB"))
        );
    }
}

fn main() {
    if std::env::var_os("LWCTL_BENCH_HOSTILE").is_some() {
        hostile();
        return;
    }
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
