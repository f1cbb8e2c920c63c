//! lwctl's files checked by the tools operators run them with: `promtool` on the metrics and
//! README's alert rules, `systemd-analyze verify` on the shipped units, and `logrotate` with the
//! shipped configuration on a poll's files. `.ci/run` installs the tools; elsewhere a missing
//! tool is reported and its check skipped.

use crate::server;
use crate::{ids, Run, World};
use chrono::{Duration, Utc};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The tool, if this machine has it. In CI it must be there.
fn tool(name: &str) -> Option<PathBuf> {
    let found = ["/usr/bin", "/usr/sbin", "/bin", "/sbin", "/usr/local/bin"]
        .iter()
        .map(|d| Path::new(d).join(name))
        .find(|p| p.exists());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{name} is missing: .ci/run installs it"
        );
        eprintln!("{name} is not installed here; its check is skipped");
    }
    found
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn promtool_accepts_the_metrics_and_the_readme_rules() {
    let Some(promtool) = tool("promtool") else {
        return;
    };
    let w = World::new();
    let now = Utc::now();
    w.server.state().organization(2);
    for a in ["testcorp", "sub-001", "sub-002"] {
        for alert in server::generate(
            1,
            3,
            now - Duration::minutes(20),
            now - Duration::minutes(1),
        ) {
            w.server.state().add_to(a, alert);
        }
    }
    // One account (following its alerts' status), then an organization (one account failing).
    let mut one = w.cmd();
    one.args(["alerts", "poll", "--track-status", "--state"])
        .arg(w.path("one.state"))
        .arg("--out")
        .arg(w.path("one.ndjson"))
        .arg("--metrics")
        .arg(w.path("m/one.prom"));
    // Open, Closed, In Progress: the two not closed are followed.
    w.server.state().alerts = server::generate(
        1,
        3,
        now - Duration::minutes(20),
        now - Duration::minutes(1),
    );
    one.run(0);
    let text = fs::read_to_string(w.path("m/one.prom")).unwrap();
    assert!(
        text.contains("lwctl_poll_tracked_alerts{account=\"testcorp\"} 2\n")
            && text.contains("lwctl_poll_updates_written_total{account=\"testcorp\"} 0\n"),
        "{text}"
    );
    w.server.state().forbidden = vec!["sub-002".into()];
    let mut org = w.cmd();
    org.args([
        "alerts",
        "poll",
        "--all-subaccounts",
        "--normalize",
        "--state",
    ])
    .arg(w.path("org.state"))
    .arg("--out")
    .arg(w.path("org.ndjson"))
    .arg("--metrics")
    .arg(w.path("m/org.prom"));
    org.run(4);
    for file in ["m/one.prom", "m/org.prom"] {
        let out = Command::new(&promtool)
            .args(["check", "metrics"])
            .stdin(fs::File::open(w.path(file)).unwrap())
            .output()
            .unwrap();
        assert!(
            out.status.success() && out.stdout.is_empty() && out.stderr.is_empty(),
            "{file}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let rules = readme
        .split("```yaml\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    fs::write(w.path("rules.yml"), rules).unwrap();
    let out = Command::new(&promtool)
        .args(["check", "rules"])
        .arg(w.path("rules.yml"))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && said.contains("SUCCESS: 2 rules found"),
        "{said}"
    );
}

#[test]
fn systemd_analyze_verifies_the_units() {
    let Some(analyze) = tool("systemd-analyze") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for unit in ["lwctl-poll.service", "lwctl-poll.timer"] {
        let text = fs::read_to_string(root().join("examples/systemd").join(unit)).unwrap();
        // The unit names /usr/local/bin/lwctl; verify wants a binary there.
        let text = text.replace("/usr/local/bin/lwctl", env!("CARGO_BIN_EXE_lwctl"));
        fs::write(dir.path().join(unit), text).unwrap();
    }
    let out = Command::new(analyze)
        .arg("verify")
        .arg(dir.path().join("lwctl-poll.service"))
        .arg(dir.path().join("lwctl-poll.timer"))
        .output()
        .unwrap();
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn logrotate_with_the_shipped_config_keeps_every_alert_once() {
    let Some(logrotate) = tool("logrotate") else {
        return;
    };
    let w = World::new();
    let logs = w.path("log");
    let config = fs::read_to_string(root().join("examples/logrotate/lwctl"))
        .unwrap()
        .replace("/var/log/lwctl", &logs.display().to_string());
    for (i, style) in ["create 0600", "copytruncate"].iter().enumerate() {
        let conf = w.path(&format!("logrotate-{i}.conf"));
        fs::write(&conf, config.replace("create 0600", style)).unwrap();
        let now = Utc::now();
        let mut st = w.server.state();
        for a in server::generate(
            100 * (i as u64 + 1),
            3,
            now - Duration::minutes(10),
            now - Duration::seconds(5),
        ) {
            st.add(a);
        }
        drop(st);
        for round in 0..3 {
            let mut c = w.cmd();
            c.args(["alerts", "poll", "--quiet", "--state"])
                .arg(w.path("poll.state"))
                .arg("--out")
                .arg(logs.join("alerts.ndjson"))
                .arg("--log")
                .arg(logs.join("poll.log"));
            c.run(0);
            let out = Command::new(&logrotate)
                .arg("--force")
                .arg("--state")
                .arg(w.path(&format!("logrotate-{i}.state")))
                .arg(&conf)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let now = Utc::now();
            let mut st = w.server.state();
            let first = 1000 * (i as u64 + 1) + 10 * round;
            for a in server::generate(
                first,
                2,
                now - Duration::minutes(3),
                now - Duration::seconds(2),
            ) {
                st.add(a);
            }
        }
    }
    let mut c = w.cmd();
    c.args(["alerts", "poll", "--state"])
        .arg(w.path("poll.state"))
        .arg("--out")
        .arg(logs.join("alerts.ndjson"));
    c.run(0);
    // Every rotated file, compressed ones included.
    let mut all = Vec::new();
    for e in fs::read_dir(&logs).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("alerts.ndjson") {
            continue;
        }
        let bytes = if name.ends_with(".gz") {
            let mut text = Vec::new();
            std::io::Read::read_to_end(
                &mut flate2::read::GzDecoder::new(fs::File::open(&p).unwrap()),
                &mut text,
            )
            .unwrap();
            text
        } else {
            fs::read(&p).unwrap()
        };
        all.extend(ids(&bytes));
    }
    all.sort();
    let mut want: Vec<u64> = w.server.state().alerts.iter().map(|a| a.id).collect();
    want.sort();
    assert_eq!(all, want, "each alert once across the rotated files");
}

/// What a terminal of `width` columns shows after `command` runs in it (tmux), with its
/// colours when `escapes`.
fn screen(tmux: &Path, w: &World, width: u16, command: &str, escapes: bool) -> String {
    // A server of its own each time: one just killed may still be going away.
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let session = format!("lwctl-{}-{n}", std::process::id());
    let socket = w.path(&format!("tmux-{n}.sock"));
    let tm = || {
        let mut c = Command::new(tmux);
        c.arg("-S").arg(&socket);
        c
    };
    let env = w.child();
    let exports: String = env
        .get_envs()
        .filter_map(|(k, v)| Some(format!("{}='{}' ", k.to_str()?, v?.to_str()?)))
        .collect();
    let script = format!(
        "env -i TERM=xterm-256color PATH=/usr/bin:/bin {exports} {} {command}; echo LWCTL-DONE; sleep 60",
        env!("CARGO_BIN_EXE_lwctl")
    );
    let started = tm()
        .args([
            "new-session",
            "-d",
            "-s",
            &session,
            "-x",
            &width.to_string(),
            "-y",
            "50",
        ])
        .arg(script)
        .status()
        .unwrap();
    assert!(started.success());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let text = loop {
        let mut c = tm();
        c.args(["capture-pane", "-p", "-t", &session]);
        if escapes {
            c.arg("-e");
        }
        let text = String::from_utf8(c.output().unwrap().stdout).unwrap();
        if text.contains("LWCTL-DONE") {
            break text;
        }
        assert!(std::time::Instant::now() < deadline, "{text}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let _ = tm().args(["kill-server"]).status();
    text.split("LWCTL-DONE")
        .next()
        .unwrap()
        .trim_end()
        .to_owned()
}

#[test]
fn tables_on_a_real_terminal_at_80_and_200_columns() {
    let Some(tmux) = tool("tmux") else {
        return;
    };
    let w = World::new();
    let now = Utc::now();
    w.server.state().alerts =
        server::generate(1, 12, now - Duration::hours(20), now - Duration::minutes(5));
    for width in [80u16, 200] {
        let text = screen(
            &tmux,
            &w,
            width,
            "alerts list --start -1d --no-pager",
            false,
        );
        let lines: Vec<&str> = text.lines().collect();
        // The header first: no progress line left above it; every alert on one line; the
        // count after the table.
        assert!(
            lines[0].starts_with("ID  ") && lines[0].contains("Severity"),
            "{width}:\n{text}"
        );
        assert_eq!(lines.len(), 14, "{width}:\n{text}");
        assert!(
            lines[13].starts_with("lwctl: wrote 12 alerts (1 page) in "),
            "{text}"
        );
        assert!(
            lines
                .iter()
                .all(|l| l.chars().count() <= usize::from(width)),
            "{width}:\n{text}"
        );
        if width == 200 {
            // Wide enough for whole names.
            assert!(lines[1].contains(": unusual activity"), "{text}");
        }
    }
    // Colour by severity on a terminal, and none with --color never.
    let coloured = screen(&tmux, &w, 80, "alerts list --start -1d --no-pager", true);
    assert!(coloured.contains("\u{1b}["), "{coloured}");
    let plain = screen(
        &tmux,
        &w,
        80,
        "--color never alerts list --start -1d --no-pager",
        true,
    );
    assert!(!plain.contains("\u{1b}[3"), "{plain:?}");
}
