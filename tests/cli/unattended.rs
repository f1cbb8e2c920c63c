//! A scheduled poll that says when it breaks: README's cron line under cron's environment,
//! the log, the metrics, and `alerts poll status`.

use crate::server;
use crate::{Run, World};
use chrono::{Duration, Utc};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// README's cron line: the command after the five schedule fields.
fn readme_cron_command() -> String {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let block = readme.split("```cron\n").nth(1).unwrap();
    let line = block.lines().next().unwrap();
    line.split_whitespace()
        .skip(5)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A fresh HOME with lwctl where README says it is and the key in `~/.lacework.toml`.
fn fresh_home(w: &World, secret: &str) {
    let bin = w.path(".cargo/bin");
    fs::create_dir_all(&bin).unwrap();
    let _ = fs::remove_file(bin.join("lwctl"));
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_lwctl"), bin.join("lwctl")).unwrap();
    let cfg = w.path(".lacework.toml");
    fs::write(
        &cfg,
        format!("[default]\naccount = \"testcorp\"\napi_key = \"{}\"\napi_secret = \"{secret}\"\nversion = 2\n", server::KEY_ID),
    )
    .unwrap();
    fs::set_permissions(&cfg, fs::Permissions::from_mode(0o600)).unwrap();
}

/// The command as cron runs it: `/bin/sh -c`, a bare environment.
fn as_cron(w: &World, command: &str) -> std::process::Output {
    std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg(command)
        .env_clear()
        .env("HOME", w.home.path())
        .env("LOGNAME", "root")
        .env("SHELL", "/bin/sh")
        .env("PATH", "/usr/bin:/bin")
        // The one thing cron would not have: the test server stands in for Lacework.
        .env("LW_API_SERVER_URL", &w.server.url)
        .current_dir(w.home.path())
        .output()
        .unwrap()
}

fn metric(text: &str, name: &str) -> Option<f64> {
    text.lines()
        .find(|l| l.starts_with(&format!("{name}{{")) || l.starts_with(&format!("{name} ")))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

#[test]
fn the_readme_cron_line_works_on_a_fresh_machine_and_says_when_it_breaks() {
    let w = World::new();
    let now = Utc::now();
    w.server.state().alerts = server::generate(
        1,
        4,
        now - Duration::minutes(30),
        now - Duration::minutes(1),
    );
    fresh_home(&w, server::SECRET);
    let cmd = readme_cron_command();
    assert!(
        cmd.starts_with("$HOME/.cargo/bin/lwctl ")
            && cmd.contains("--quiet")
            && cmd.contains("--log")
            && cmd.contains("--metrics"),
        "{cmd}"
    );

    // Healthy: nothing printed, so cron mails nothing; state, log and metrics made, dirs 0700.
    let out = as_cron(&w, &cmd);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        (out.stdout.as_slice(), out.stderr.as_slice()),
        (&b""[..], &b""[..])
    );
    for d in [".lwctl", "lacework", ".lwctl/metrics"] {
        let mode = fs::metadata(w.path(d)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{d}");
    }
    assert_eq!(
        crate::ids(&fs::read(w.path("lacework/alerts.ndjson")).unwrap()),
        [1, 2, 3, 4]
    );
    let log = fs::read_to_string(w.path(".lwctl/poll.log")).unwrap();
    let first = log.lines().next().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(first.split(' ').next().unwrap()).is_ok(),
        "{log}"
    );
    assert!(
        first.contains("lwctl: info: poll ") && first.contains("events_added: 4"),
        "{log}"
    );
    let prom = w.path(".lwctl/metrics/lwctl.prom");
    assert_eq!(
        fs::metadata(&prom).unwrap().permissions().mode() & 0o777,
        0o644
    );
    let text = fs::read_to_string(&prom).unwrap();
    assert_eq!(metric(&text, "lwctl_poll_last_exit_code"), Some(0.0));
    assert_eq!(metric(&text, "lwctl_poll_alerts_written_total"), Some(4.0));
    let success = metric(&text, "lwctl_poll_last_success_timestamp_seconds").unwrap();
    assert!(!text.contains(server::SECRET));

    // The secret made wrong, the token cache gone: stderr says so (cron mails it), the log
    // has a timestamped error, the metrics show exit 3, the last success stays.
    fresh_home(&w, "_wrong_secret_0123456789abcdef0123");
    let _ = fs::remove_dir_all(w.path(".cache"));
    let out = as_cron(&w, &cmd);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("could not authenticate"), "{err}");
    let log = fs::read_to_string(w.path(".lwctl/poll.log")).unwrap();
    let last = log.lines().last().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(last.split(' ').next().unwrap()).is_ok(),
        "{last}"
    );
    assert!(
        last.contains("lwctl: error: ") && last.contains("(exit 3)"),
        "{last}"
    );
    let text = fs::read_to_string(&prom).unwrap();
    assert_eq!(metric(&text, "lwctl_poll_last_exit_code"), Some(3.0));
    assert_eq!(
        metric(&text, "lwctl_poll_last_success_timestamp_seconds"),
        Some(success)
    );

    // The check: stale or failing is exit 11; a fresh success is 0.
    let status =
        "$HOME/.cargo/bin/lwctl alerts poll status --state $HOME/.lwctl/poll.state --max-age 1s"
            .to_string();
    let out = as_cron(&w, &status);
    assert_eq!(
        out.status.code(),
        Some(11),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("STALE: "));
    fresh_home(&w, server::SECRET);
    assert_eq!(as_cron(&w, &cmd).status.code(), Some(0));
    let out = as_cron(&w, &status.replace("1s", "15m"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("OK: "));
}

#[test]
fn status_reports_each_account_and_speaks_json() {
    let w = World::new();
    let now = Utc::now();
    w.server.state().organization(2);
    for a in ["testcorp", "sub-001", "sub-002"] {
        for alert in server::generate(
            if a == "sub-001" { 100 } else { 1 },
            2,
            now - Duration::minutes(20),
            now - Duration::minutes(1),
        ) {
            w.server.state().add_to(a, alert);
        }
    }
    w.server.state().forbidden = vec!["sub-002".into()];
    let state = w.path("org.state");
    let mut c = w.cmd();
    c.args([
        "alerts",
        "poll",
        "--all-subaccounts",
        "--normalize",
        "--state",
    ])
    .arg(&state)
    .arg("--out")
    .arg(w.path("org.ndjson"))
    .arg("--metrics")
    .arg(w.path("org.prom"));
    c.run(4);
    let out = w
        .cmd()
        .args(["alerts", "poll", "status", "-o", "json", "--state"])
        .arg(&state)
        .run(11);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["healthy"], false);
    let rows: Vec<(&str, u64)> = doc["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["account"].as_str().unwrap(),
                r["last_exit"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(rows, [("sub-001", 0), ("sub-002", 4), ("testcorp", 0)]);
    let problems = doc["problems"].to_string();
    assert!(
        problems.contains("sub-002: the last run failed (exit 4"),
        "{problems}"
    );
    // The metrics carry an account label per account, and the organization's run as _all.
    let text = fs::read_to_string(w.path("org.prom")).unwrap();
    for a in ["sub-001", "sub-002", "testcorp", "_all"] {
        assert!(
            text.contains(&format!("lwctl_poll_last_exit_code{{account=\"{a}\"}}")),
            "{a}: {text}"
        );
    }
    assert!(
        text.contains("lwctl_poll_last_exit_code{account=\"sub-002\"} 4"),
        "{text}"
    );
    assert!(
        text.contains("lwctl_poll_last_exit_code{account=\"_all\"} 4"),
        "{text}"
    );
    // A state that is not there is a usage error, not a stale feed.
    let out = w
        .cmd()
        .args(["alerts", "poll", "status", "--state"])
        .arg(w.path("none.state"))
        .run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("there is no poll state"));
}

#[test]
fn the_log_survives_logrotate_create_and_copytruncate() {
    let w = World::new();
    let now = Utc::now();
    let log = w.path("logs/poll.log");
    let run = |w: &World| {
        let mut c = w.cmd();
        c.args(["alerts", "poll", "--quiet", "--state"])
            .arg(w.path("poll.state"))
            .arg("--out")
            .arg(w.path("out.ndjson"))
            .arg("--log")
            .arg(&log);
        let out = c.run(0);
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    w.server.state().alerts = server::generate(
        1,
        2,
        now - Duration::minutes(20),
        now - Duration::minutes(1),
    );
    run(&w);
    fs::rename(&log, w.path("logs/poll.log.1")).unwrap();
    run(&w);
    let fresh = fs::read_to_string(&log).unwrap();
    assert_eq!(fresh.lines().count(), 1, "{fresh}");
    fs::copy(&log, w.path("logs/poll.log.2")).unwrap();
    fs::OpenOptions::new()
        .write(true)
        .open(&log)
        .unwrap()
        .set_len(0)
        .unwrap();
    run(&w);
    let after = fs::read_to_string(&log).unwrap();
    assert_eq!(after.lines().count(), 1, "{after:?}");
    assert!(!after.starts_with('\0'));
    assert_eq!(
        fs::metadata(&log).unwrap().permissions().mode() & 0o777,
        0o600
    );
}
