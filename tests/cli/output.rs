//! What a person sees on a terminal and a program reads from a pipe: one meaning for `-o` in
//! every command, tables that fit, colour only where it belongs, progress off stdout. Terminals
//! are pretended with the debug-build hook `LWCTL_TEST_TTY`, widths with `COLUMNS`.

use crate::server::{self, Fault};
use crate::{ndjson, Run, World};
use chrono::{Duration, Utc};
use serde_json::Value;
use std::fs;

/// A world with `n` alerts over the last day, one of them named with an escape sequence.
fn world(n: u64) -> World {
    let w = World::new();
    let now = Utc::now();
    let mut st = w.server.state();
    st.alerts = server::generate(1, n, now - Duration::hours(23), now - Duration::minutes(1));
    let mut evil: Value = serde_json::from_str(&st.alerts[0].json).unwrap();
    evil["alertName"] = "red \u{1b}[31mtext\u{7} and\ttab".into();
    st.alerts[0].json = evil.to_string();
    st.page_size = 100;
    drop(st);
    w
}

/// lwctl as seen on a terminal of `width` columns (stdout and stderr), colour left to `auto`.
fn on_terminal(w: &World, width: usize) -> assert_cmd::Command {
    let mut c = w.cmd();
    c.env("LWCTL_TEST_TTY", "stdout,stderr")
        .env("COLUMNS", width.to_string())
        .env("TERM", "xterm-256color");
    c
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

fn width(line: &str) -> usize {
    // Display width without the escape sequences of colour.
    let mut plain = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain.chars().count()
}

#[test]
fn a_table_of_500_alerts_fits_80_columns_one_line_each() {
    let w = world(500);
    let out = on_terminal(&w, 80).args(["alerts", "list"]).run(0);
    let screen = text(&out.stdout);
    let lines: Vec<&str> = screen.lines().collect();
    assert_eq!(lines.len(), 501, "a header and one line per alert");
    for l in &lines {
        assert!(width(l) <= 80, "wider than 80: {l:?}");
        assert!(!l.ends_with(' '), "trailing space: {l:?}");
    }
    // Truncated with an ellipsis, never wrapped mid-word onto another line.
    assert!(lines[1..].iter().any(|l| l.contains('…')));
    // Severities in colour, the header bold.
    assert!(lines[0].starts_with("\u{1b}[1mID"), "{:?}", lines[0]);
    // comfy-table's colours: red (palette 1) and yellow (palette 3), the text only.
    assert!(screen.contains("\u{1b}[38;5;1mHigh\u{1b}[39m"), "{screen}");
    assert!(screen.contains("\u{1b}[38;5;3mMedium\u{1b}[39m"));
    // Newest first.
    assert!(lines[1].starts_with("500 "), "{}", lines[1]);
    // The escape sequence in the alert's name is shown, not obeyed.
    let evil = lines.last().unwrap();
    assert!(
        evil.starts_with("1 ") && evil.contains("red \\u{1b}[31"),
        "{evil:?}"
    );
    assert!(!evil.contains("\u{7}"));

    // At 200 columns the names are whole.
    let out = on_terminal(&w, 200).args(["alerts", "list"]).run(0);
    let wide = text(&out.stdout);
    assert!(wide.contains("Alert 250: unusual activity"));
    assert!(
        wide.contains("red \\u{1b}[31mtext\\u{7} and\\ttab"),
        "{wide}"
    );

    // In a pipe the same command prints NDJSON; a table asked for has no escape code.
    let out = w.cmd().args(["alerts", "list"]).run(0);
    assert_eq!(ndjson(&out.stdout).len(), 500);
    let out = w.cmd().args(["alerts", "list", "-o", "table"]).run(0);
    assert!(!out.stdout.contains(&0x1b), "no escape code in a pipe");
    assert_eq!(text(&out.stdout).lines().count(), 501);
}

#[test]
fn colour_follows_the_flags_and_the_environment() {
    let w = world(3);
    let colored = |c: &mut assert_cmd::Command| c.run(0).stdout.contains(&0x1b);
    assert!(colored(on_terminal(&w, 100).args(["alerts", "list"])));
    assert!(!colored(
        on_terminal(&w, 100)
            .env("NO_COLOR", "1")
            .args(["alerts", "list"])
    ));
    assert!(!colored(
        on_terminal(&w, 100)
            .env("TERM", "dumb")
            .args(["alerts", "list"])
    ));
    assert!(!colored(
        on_terminal(&w, 100).args(["--color", "never", "alerts", "list"])
    ));
    assert!(colored(
        w.cmd()
            .args(["--color", "always", "alerts", "list", "-o", "table"])
    ));
    assert!(colored(
        w.cmd()
            .env("CLICOLOR_FORCE", "1")
            .args(["alerts", "list", "-o", "table"])
    ));
    // Error prefixes are coloured on a terminal only.
    let out = on_terminal(&w, 100)
        .args(["alerts", "get", "999999"])
        .run(5);
    assert!(
        text(&out.stderr).starts_with("lwctl: \u{1b}[1m\u{1b}[31merror:"),
        "{}",
        text(&out.stderr)
    );
    let out = w.cmd().args(["alerts", "get", "999999"]).run(5);
    assert!(text(&out.stderr).starts_with("lwctl: error: "));
}

#[test]
fn a_servers_escape_sequences_are_shown_not_obeyed_on_a_terminal() {
    let w = world(1);
    w.server.state().queue.push_back(Fault::Answer(
        404,
        r#"{"message": "gone \u001b]0;pwned\u0007 \u001b[2J"}"#,
    ));
    let out = on_terminal(&w, 100)
        .args(["--color", "never", "alerts", "get", "1"])
        .run(5);
    assert_eq!(
        text(&out.stderr),
        // Wrapped at a word within the terminal's 100 columns, under the message's text.
        "lwctl: error: not found (404) on /api/v2/Alerts/1?scope=Details: alert 1 does not exist, or has no\n              Details data\n"
    );
    w.server
        .state()
        .queue
        .push_back(Fault::Answer(400, r#"{"message": "bad \u001b[2J"}"#));
    let out = on_terminal(&w, 100)
        .args(["--color", "never", "alerts", "get", "1"])
        .run(1);
    assert_eq!(
        text(&out.stderr),
        "lwctl: error: lacework refused the request (400) on /api/v2/Alerts/1?scope=Details: bad \\u{1b}[2J\n"
    );
}

#[test]
fn poll_to_a_terminal_prints_only_json_lines_on_stdout() {
    let w = world(300);
    let out = on_terminal(&w, 80)
        .args(["alerts", "poll", "--since", "2h"])
        .run(0);
    let events = ndjson(&out.stdout);
    assert!(!events.is_empty());
    // No progress drawn on the terminal the data goes to.
    assert!(!out.stderr.contains(&b'\r'), "{}", text(&out.stderr));
    // With the data in a pipe and stderr a terminal, progress shows, then one line says it all.
    let out = w
        .cmd()
        .env("LWCTL_TEST_TTY", "stderr")
        .args(["alerts", "list", "--start", "-24h", "-o", "ndjson"])
        .run(0);
    assert_eq!(ndjson(&out.stdout).len(), 300);
    let err = text(&out.stderr);
    assert!(
        err.contains("lwctl: wrote 300 alerts (3 pages) in "),
        "{err}"
    );
    // --limit prints what it kept at the end: the count says so, in the singular for one.
    let out = w
        .cmd()
        .env("LWCTL_TEST_TTY", "stderr")
        .args([
            "alerts", "list", "--start", "-24h", "--limit", "5", "-o", "ndjson",
        ])
        .run(0);
    assert_eq!(ndjson(&out.stdout).len(), 5);
    assert!(
        text(&out.stderr).contains("lwctl: wrote 5 alerts (3 pages) in "),
        "{}",
        text(&out.stderr)
    );
    let out = w
        .cmd()
        .env("LWCTL_TEST_TTY", "stderr")
        .args([
            "alerts", "list", "--start", "-24h", "--limit", "1", "--oldest", "-o", "ndjson",
        ])
        .run(0);
    assert!(
        text(&out.stderr).contains("lwctl: wrote 1 alert (1 page) in "),
        "{}",
        text(&out.stderr)
    );
    // Poll to stdout in csv, its summary as JSON.
    let out = w
        .cmd()
        .args([
            "alerts",
            "poll",
            "--since",
            "1h",
            "-o",
            "csv",
            "--summary",
            "json",
        ])
        .run(0);
    let mut rdr = csv::Reader::from_reader(&out.stdout[..]);
    assert!(rdr.records().all(|r| r.is_ok()));
    let summary: Value = serde_json::from_str(text(&out.stderr).lines().last().unwrap()).unwrap();
    assert!(summary["events_added"].as_u64().unwrap() > 0);
}

/// Every command, in every format: the output parses as that format, or the command exits 2
/// naming the formats it has.
#[test]
fn every_command_in_every_format_parses_or_says_what_it_can() {
    let w = world(5);
    let mapping = w.path("map.json");
    fs::write(
        &mapping,
        r#"{"defaultLaceworkAccountAws": "testcorp", "integration_mappings": {"sub-a": {"aws_accounts": ["111111111111"]}}}"#,
    )
    .unwrap();
    let alerts = w.path("alerts.ndjson");
    fs::write(&alerts, w.cmd().args(["alerts", "list"]).run(0).stdout).unwrap();
    let m = mapping.to_str().unwrap();
    let a = alerts.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["auth", "test"],
        vec!["alerts", "list"],
        vec!["alerts", "list", "--normalize"],
        vec!["alerts", "get", "1"],
        vec!["alerts", "get", "1", "--scope", "events"],
        vec!["alerts", "get", "1", "--scope", "investigation"],
        vec!["alerts", "poll", "--since", "1h"],
        vec!["alerts", "comment", "2", "--comment", "seen"],
        vec!["alerts", "close", "3", "--reason", "1", "--yes"],
        vec!["normalize", a],
        vec!["org", "accounts"],
        vec!["org", "mapping", "check", m],
        vec!["org", "mapping", "route", "111111111111", "--mapping", m],
        vec!["configure", "--json-file", m],
    ];
    for args in &commands {
        for format in ["json", "ndjson", "csv", "table"] {
            let out = w.cmd().args(args).args(["-o", format]).output().unwrap();
            let code = out.status.code();
            let what = format!("{args:?} -o {format}");
            if code == Some(2) {
                let err = text(&out.stderr);
                assert!(
                    err.contains(" prints "),
                    "{what}: exit 2 without naming formats: {err}"
                );
                assert!(out.stdout.is_empty(), "{what}");
                continue;
            }
            assert_eq!(code, Some(0), "{what}: {}", text(&out.stderr));
            let stdout = &out.stdout;
            match format {
                "json" => {
                    serde_json::from_slice::<Value>(stdout)
                        .unwrap_or_else(|e| panic!("{what}: not one JSON document ({e})"));
                }
                "ndjson" => {
                    let lines = ndjson(stdout);
                    assert!(lines.iter().all(Value::is_object), "{what}");
                }
                "csv" => {
                    let mut rdr = csv::Reader::from_reader(&stdout[..]);
                    let n = rdr
                        .headers()
                        .unwrap_or_else(|e| panic!("{what}: {e}"))
                        .len();
                    for r in rdr.records() {
                        assert_eq!(
                            r.unwrap_or_else(|e| panic!("{what}: {e}")).len(),
                            n,
                            "{what}"
                        );
                    }
                }
                _ => {
                    assert!(!stdout.contains(&0x1b), "{what}");
                    assert!(text(stdout).lines().all(|l| !l.ends_with(' ')), "{what}");
                }
            }
        }
    }
    // The refusals name what the command can do.
    let out = w.cmd().args(["auth", "test", "-o", "csv"]).run(2);
    assert_eq!(
        text(&out.stderr),
        "lwctl: error: `lwctl auth test` prints table, json, ndjson, not csv\nlwctl: hint: pick one with -o table|json|ndjson\n"
    );
}

#[test]
fn a_json_list_that_fails_or_is_stopped_midway_is_still_one_document() {
    let w = world(450);
    // The third page fails past every retry.
    {
        let mut st = w.server.state();
        st.queue.extend([Fault::Slow(0), Fault::Slow(0)]);
        st.queue.extend([Fault::Status(503); 6]);
    }
    let out = w.cmd().args(["alerts", "list", "-o", "json"]).run(7);
    let v: Value = serde_json::from_slice(&out.stdout).expect("a closed array");
    assert_eq!(v.as_array().unwrap().len(), 200);

    // SIGTERM while a slow page is on its way: the array is closed, the exit is 130.
    w.server
        .state()
        .queue
        .extend([Fault::Slow(0), Fault::Slow(1500)]);
    let child = w
        .child()
        .args(["alerts", "list", "-o", "json"])
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    crate::sigterm(child.id());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", text(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("a closed array");
    assert!(v.as_array().unwrap().len() >= 100);
}

#[test]
fn a_failing_auth_test_shows_its_checklist() {
    let w = World::new();
    let out = w
        .cmd()
        .env("LW_API_SECRET", "_wrong_secret_value_123")
        .args(["auth", "test", "-o", "table"])
        .run(3);
    let screen = text(&out.stdout);
    let lines: Vec<&str> = screen.lines().collect();
    assert_eq!(lines[1], "  account     testcorp");
    assert!(
        lines[4].starts_with("✗ token       could not authenticate to lacework"),
        "{screen}"
    );
    assert!(
        lines[5].starts_with("              hint: test the credentials by hand:"),
        "{screen}"
    );
    assert_eq!(*lines.last().unwrap(), "- alerts      not tried");
    let out = w
        .cmd()
        .env("LW_API_SECRET", "_wrong_secret_value_123")
        .args(["auth", "test", "-o", "json"])
        .run(3);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (v["ok"].clone(), v["failed_step"].clone()),
        (false.into(), "token".into())
    );
}

#[test]
fn a_scopes_entries_one_per_line_and_as_csv() {
    let w = world(3);
    let out = w
        .cmd()
        .args([
            "alerts",
            "get",
            "1",
            "--scope",
            "investigation",
            "-o",
            "ndjson",
        ])
        .run(0);
    assert_eq!(
        text(&out.stdout),
        "{\"question\":\"Is this a known bad IP?\",\"answer\":\"Yes\"}\n{\"question\":\"Was MFA used?\",\"answer\":\"No\"}\n"
    );
    let out = w
        .cmd()
        .args([
            "alerts",
            "get",
            "1",
            "--scope",
            "investigation",
            "-o",
            "csv",
        ])
        .run(0);
    assert_eq!(
        text(&out.stdout),
        "Question,Answer\nIs this a known bad IP?,Yes\nWas MFA used?,No\n"
    );
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_neutralised() {
    let w = world(1);
    {
        let mut st = w.server.state();
        let mut a: Value = serde_json::from_str(&st.alerts[0].json).unwrap();
        a["alertName"] = "=HYPERLINK(\"http://x.example\",\"click\")".into();
        a["alertInfo"]["subject"] = "@SUM(1+1)".into();
        a["policyId"] = "-1+cmd".into();
        st.alerts[0].json = a.to_string();
    }
    let out = w.cmd().args(["alerts", "list", "-o", "csv"]).run(0);
    let mut rdr = csv::Reader::from_reader(&out.stdout[..]);
    let row = rdr.records().next().unwrap().unwrap();
    assert_eq!(&row[6], "'=HYPERLINK(\"http://x.example\",\"click\")");
    assert_eq!(&row[7], "'@SUM(1+1)");
    assert_eq!(&row[9], "'-1+cmd");
    let out = w
        .cmd()
        .args(["--csv-raw", "alerts", "list", "-o", "csv"])
        .run(0);
    let mut rdr = csv::Reader::from_reader(&out.stdout[..]);
    let row = rdr.records().next().unwrap().unwrap();
    assert_eq!(&row[6], "=HYPERLINK(\"http://x.example\",\"click\")");
}

#[test]
fn the_official_clis_habits_work() {
    let w = world(3);
    // `lacework alert ls --json` muscle memory.
    let out = w.cmd().args(["alert", "ls", "--json"]).run(0);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
    let out = w
        .cmd()
        .env("LW_JSON", "1")
        .args(["alert", "show", "2"])
        .run(0);
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stdout).unwrap()["alertId"],
        2
    );
    // --nocolor, LW_NOCOLOR and --noninteractive.
    for (flag, env) in [
        ("--nocolor", None),
        ("--noninteractive", None),
        ("--nocache", Some(("LW_NOCOLOR", "1"))),
    ] {
        let mut c = on_terminal(&w, 100);
        if let Some((k, v)) = env {
            c.env(k, v);
        }
        let out = c.args([flag, "alerts", "list", "--color", "auto"]).run(0);
        if flag != "--noninteractive" {
            assert!(!out.stdout.contains(&0x1b), "{flag}");
        }
    }
    let out = w
        .cmd()
        .env("LW_NONINTERACTIVE", "true")
        .env("LWCTL_TEST_TTY", "stdout,stderr,stdin")
        .args(["alerts", "close", "3", "--reason", "1"])
        .run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("pass --yes"));
    let out = w.bare().arg("version").run(0);
    let version = text(&out.stdout);
    assert!(
        version.starts_with(&format!("lwctl {} (", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
    // --version says the same: the version and the commit it was built from.
    assert_eq!(text(&w.bare().arg("--version").run(0).stdout), version);
}

#[test]
fn a_long_table_on_a_terminal_goes_through_the_pager() {
    let w = world(40);
    // The pager marks what it is given, so the test sees it was used.
    let pager = "sed 's/^/paged: /'";
    let out = on_terminal(&w, 80)
        .env("LINES", "30")
        .env("PAGER", pager)
        .args(["alerts", "list"])
        .run(0);
    let screen = text(&out.stdout);
    assert_eq!(screen.lines().count(), 41, "{screen}");
    assert!(screen.lines().all(|l| l.starts_with("paged: ")), "{screen}");
    // LWCTL_PAGER wins over PAGER.
    let out = on_terminal(&w, 80)
        .env("LINES", "30")
        .env("PAGER", "false")
        .env("LWCTL_PAGER", pager)
        .args(["alerts", "list"])
        .run(0);
    assert!(text(&out.stdout).starts_with("paged: "));
    // Short enough for the screen, --no-pager, PAGER=cat, or a pipe: printed as it is.
    for (lines, pager, extra) in [
        ("60", pager, None),
        ("30", pager, Some("--no-pager")),
        ("30", "cat", None),
    ] {
        let mut c = on_terminal(&w, 80);
        c.env("LINES", lines)
            .env("PAGER", pager)
            .args(["alerts", "list"]);
        if let Some(flag) = extra {
            c.arg(flag);
        }
        let screen = text(&c.run(0).stdout);
        assert!(
            !screen.contains("paged: ") && screen.lines().count() == 41,
            "{lines} {pager} {extra:?}: {screen}"
        );
    }
    let out = w
        .cmd()
        .env("PAGER", pager)
        .env("LINES", "5")
        .args(["alerts", "list", "-o", "table"])
        .run(0);
    assert!(!text(&out.stdout).contains("paged: "), "never in a pipe");
}

#[test]
fn a_subcommands_help_lists_its_own_flags_and_names_the_global_ones_once() {
    let w = World::new();
    let help = |args: &[&str]| text(&w.bare().args(args).run(0).stdout);
    let poll = help(&["alerts", "poll", "--help"]);
    // Its own flags, then the global options as one short section of names.
    let own = poll.find("--state <FILE>").unwrap();
    let inherited = poll
        .find("Inherited options (lwctl --help explains them):")
        .unwrap();
    assert!(own < inherited, "{poll}");
    let section: Vec<&str> = poll[inherited..]
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .collect();
    assert_eq!(
        section,
        [
            "  -p, --profile  -a, --account  --subaccount  -k, --api-key  --api-secret-file",
            "  --org  -o, --output  -v, --verbose  --no-cache  --no-pager  --no-input",
            "  --color  --timeout  --retries  --max-wait  --max-response",
            "  --allow-insecure-config  --csv-raw",
        ]
    );
    // Their help is told once, at the top.
    assert!(
        !poll.contains("Largest answer read from the server"),
        "{poll}"
    );
    assert!(help(&["--help"]).contains("Largest answer read from the server"));
    assert!(poll.lines().count() < 140, "{} lines", poll.lines().count());
    // The short help too.
    let short = help(&["alerts", "poll", "-h"]);
    assert!(short.contains("Inherited options") && short.lines().count() < 90);
    // `lwctl help …` is the same page as `… --help`, at every depth.
    assert_eq!(help(&["help", "alerts", "poll"]), poll);
    assert_eq!(
        help(&["help", "alerts", "poll", "status"]),
        help(&["alerts", "poll", "status", "--help"])
    );
    // The global options still parse after the subcommand.
    let out = w
        .bare()
        .args(["alerts", "list", "--timeout", "nonsense"])
        .run(2);
    assert!(text(&out.stderr).contains("--timeout"));
}

#[test]
fn a_reader_that_goes_away_ends_a_list_quietly() {
    let w = world(600);
    // `| head -1` on a terminal: the reader leaves after one line; no count of what it never
    // read, no error, exit 0.
    let mut c = w.child();
    c.stdout(std::process::Stdio::null());
    let out = std::process::Command::new("sh")
        .args([
            "-c",
            &format!(
                "{} alerts list --start -1d -o ndjson | head -1 >/dev/null",
                env!("CARGO_BIN_EXE_lwctl")
            ),
        ])
        .envs(c.get_envs().filter_map(|(k, v)| Some((k, v?))))
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LWCTL_TEST_TTY", "stderr")
        .current_dir(w.home.path())
        .output()
        .unwrap();
    assert_eq!(text(&out.stderr), "");
    assert_eq!(out.status.code(), Some(0));
    // Read to the end, the count is there.
    let out = w
        .cmd()
        .env("LWCTL_TEST_TTY", "stderr")
        .args(["alerts", "list", "--start", "-1d", "-o", "ndjson"])
        .run(0);
    assert!(text(&out.stderr).starts_with("lwctl: wrote 600 alerts (6 pages) in "));
}
