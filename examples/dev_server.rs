//! `cargo run --example dev_server [ALERTS]`: the tests' Lacework-like server on 127.0.0.1 with
//! real-looking alerts over the last two days (200 by default) and three subaccounts, for trying
//! lwctl by hand: in a terminal, in tmux, piped into jq. It prints the environment to point
//! lwctl at it and serves until interrupted. Nothing here is a real credential.

#[allow(dead_code)]
#[path = "../tests/cli/server.rs"]
mod server;

use chrono::{Duration, Utc};

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let srv = server::Server::start();
    {
        let mut st = srv.state();
        st.organization(3);
        let now = Utc::now();
        st.alerts = server::generate(10_000, n, now - Duration::days(2), now - Duration::hours(1));
    }
    println!("export LW_API_SERVER_URL={}", srv.url);
    println!("export LW_ACCOUNT=testcorp");
    println!("export LW_API_KEY={}", server::KEY_ID);
    println!("export LW_API_SECRET={}", server::SECRET);
    println!("# {n} alerts; serving until Ctrl-C");
    loop {
        std::thread::park();
    }
}
