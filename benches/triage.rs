//! `cargo bench --bench triage`: the requests and time of `lwctl alerts close - --dry-run` on
//! alerts piped in as NDJSON (read in bulk with `/Alerts/search`) and on the same alerts as
//! bare IDs (a Details read each), against the project's test server on 127.0.0.1 with a warm
//! token cache and 40 ms a request (a tenant's round trip). Prints figures; asserts nothing (shared, noisy machines).

#[allow(dead_code)]
#[path = "../tests/cli/server.rs"]
mod server;

#[allow(dead_code)]
mod common;

use chrono::{Duration, Utc};

fn main() {
    let srv = server::Server::start();
    let home = tempfile::tempdir().unwrap();
    for n in [100u64, 1000] {
        {
            let mut st = srv.state();
            let now = Utc::now();
            st.alerts = server::generate(1, n, now - Duration::hours(30), now - Duration::hours(1));
            st.page_size = 5000;
            st.remaining = u64::MAX;
            st.latency = std::time::Duration::from_millis(40);
        }
        // The alerts as `alerts list -o ndjson` prints them, and as their IDs alone.
        let mut alerts = Vec::new();
        let mut ids = Vec::new();
        for a in srv.state().alerts.iter() {
            alerts.extend_from_slice(a.json.as_bytes());
            alerts.push(b'\n');
            ids.extend_from_slice(format!("{}\n", a.id).as_bytes());
        }
        // Warm the token cache.
        common::lwctl(&srv.url, home.path(), &["auth", "test", "-o", "json"]);
        for (what, input) in [("piped alerts", &alerts), ("bare IDs", &ids)] {
            let before = srv.state().log.len();
            let run = common::lwctl_fed(
                &srv.url,
                home.path(),
                &["alerts", "close", "-", "--reason", "1", "--dry-run"],
                input,
            );
            let st = srv.state();
            let log = &st.log[before..];
            println!(
                "close --dry-run, {n} {what}: exit {}, {} requests ({} searches, {} Details), {:.2} s, peak RSS {}",
                run.code,
                log.len(),
                log.iter().filter(|l| l.path == "/api/v2/Alerts/search").count(),
                log.iter().filter(|l| l.path.contains("scope=Details")).count(),
                run.secs,
                run.rss_mb.map_or("-".into(), |r| format!("{r:.1} MB")),
            );
        }
    }
}
