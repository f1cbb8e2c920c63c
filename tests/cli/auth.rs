use crate::server::{self, Fault};
use crate::{assert_no_secrets, mode, Run, World};
use serde_json::Value;
use std::fs;
use std::time::{Duration, Instant};

#[test]
fn auth_test_reports_and_caches_the_token() {
    let w = World::new();
    let out = w.cmd().args(["auth", "test", "-o", "json"]).run(0);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["token_source"], "exchange");
    assert_eq!(report["alerts_ok"], true);
    assert_eq!(report["key_id"], "TESTCO************");
    assert!(report["rate_limit_remaining"].as_u64().is_some());

    // auth test is the credential test: it exchanges the key every time...
    let out2 = w.cmd().args(["auth", "test", "-o", "json"]).run(0);
    let report: Value = serde_json::from_slice(&out2.stdout).unwrap();
    assert_eq!(report["token_source"], "exchange");
    assert_eq!(w.server.state().token_exchanges, 2);
    // ...so a wrong secret fails even while a good token is cached; other commands use it.
    w.cmd()
        .env("LW_API_SECRET", "_wrong_secret_value_123")
        .args(["auth", "test"])
        .run(3);
    w.cmd().args(["alerts", "list"]).run(0);
    assert_eq!(
        w.server.state().token_exchanges,
        2,
        "alerts list reuses the cached token"
    );

    let tokens = w.cache_dir().join("tokens");
    let files: Vec<_> = fs::read_dir(&tokens)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    assert_eq!(mode(&files[0]), 0o600);
    assert_eq!(mode(&tokens), 0o700);
    // The secret is never cached.
    assert!(!fs::read_to_string(&files[0])
        .unwrap()
        .contains(server::SECRET));
    assert_no_secrets(&[&out.stdout, &out.stderr, &out2.stdout, &out2.stderr]);
}

#[test]
fn auth_test_table_report_for_people() {
    let w = World::new();
    let out = w.cmd().args(["auth", "test", "-o", "table"]).run(0);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let port = w.server.url.rsplit(':').next().unwrap();
    assert_eq!(
        lines[..4],
        [
            format!("  host        127.0.0.1:{port}").as_str(),
            "  account     testcorp",
            "  subaccount  (none)",
            "  key id      TESTCO************",
        ]
    );
    assert!(
        lines[4].starts_with("✓ token       OK from exchange, expires "),
        "{text}"
    );
    assert!(
        lines[5].starts_with("✓ alerts      OK, 0 in the last 10 minutes, "),
        "{text}"
    );
    assert!(lines[6].starts_with("  rate limit  4"), "{text}");
    assert_eq!(lines.len(), 7);
}

#[test]
fn wrong_secret_exits_3_with_the_curl_line() {
    let w = World::new();
    let out = w
        .cmd()
        .env("LW_API_SECRET", "_wrong_secret_value_123")
        .args(["auth", "test", "-vv"])
        .run(3);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("could not authenticate to lacework: the key id / secret pair is wrong, or the account subdomain has a typo"), "{err}");
    assert!(err.contains("curl -sS -X POST"), "{err}");
    assert!(err.contains("$LW_API_SECRET"), "{err}");
    assert!(!err.contains("_wrong_secret_value_123"), "{err}");
    // The report still comes out, saying which step failed and what to do.
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["failed_step"], "token");
    assert_eq!(report["exit_code"], 3);
    assert!(report["hint"]
        .as_str()
        .unwrap()
        .contains("curl -sS -X POST"));
    assert_eq!(report["steps"][1]["step"], "alerts");
    assert_eq!(report["steps"][1]["skipped"], true);
}

#[test]
fn key_made_inside_a_subaccount_cannot_reach_another() {
    let w = World::new();
    let out = w
        .cmd()
        .env("LW_API_KEY", server::SUB_KEY_ID)
        .env("LW_API_SECRET", server::SUB_SECRET)
        .args(["--subaccount", "sub-b", "auth", "test", "-vv"])
        .run(4);
    let err = String::from_utf8_lossy(&out.stderr);
    // UserProfile names the one account the key reaches: the one it was made in.
    // UserProfile cannot be had (refused without Account-Name and in sub-b): the key works
    // without a subaccount, so it is sub-b it cannot reach.
    assert!(
        err.contains("the key works without a subaccount, so it cannot reach subaccount 'sub-b'"),
        "{err}"
    );
    // No hint sends the user to the command already running.
    assert!(!err.contains("auth test` diagnoses"), "{err}");
    // It asked again without Account-Name.
    let st = w.server.state();
    let alerts: Vec<_> = st
        .log
        .iter()
        .filter(|l| l.path.starts_with("/api/v2/Alerts"))
        .collect();
    assert_eq!(alerts.len(), 2);
    assert_eq!(alerts[0].header("Account-Name"), Some("sub-b"));
    assert_eq!(alerts[1].header("Account-Name"), None);
    assert_no_secrets(&[&out.stdout, &out.stderr]);
}

#[test]
fn subaccount_header_goes_on_every_call_and_org_access_with_org() {
    let w = World::new();
    w.cmd()
        .args([
            "--subaccount",
            "sub-a",
            "--org",
            "auth",
            "test",
            "-o",
            "json",
        ])
        .assert()
        .success();
    let st = w.server.state();
    assert_eq!(st.log.len(), 2);
    for req in &st.log {
        assert_eq!(req.header("Account-Name"), Some("sub-a"), "{}", req.path);
        assert_eq!(req.header("Org-Access"), Some("true"), "{}", req.path);
        assert!(req.header("User-Agent").unwrap().starts_with("lwctl/"));
        assert!(req.header("Accept-Encoding").unwrap_or("").contains("gzip"));
    }
    assert_eq!(
        st.log[1]
            .header("Authorization")
            .map(|a| a.starts_with("Bearer tok_")),
        Some(true)
    );
}

#[test]
fn injected_account_exits_2_before_any_request() {
    let w = World::new();
    for bad in [
        "evil.example#",
        "user@yourcorp",
        "yourcorp/x",
        "yourcоrp",
        "a..b",
    ] {
        let out = w
            .cmd()
            .env_remove("LW_API_SERVER_URL")
            .args(["-a", bad, "auth", "test"])
            .run(2);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("invalid account"), "{bad}: {err}");
    }
    assert!(w.server.state().log.is_empty());
}

#[test]
fn http_server_url_only_for_loopback() {
    let w = World::new();
    let out = w
        .cmd()
        .env("LW_API_SERVER_URL", "http://lacework.example.com:8080")
        .args(["auth", "test"])
        .run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("only allowed to this machine"));
}

#[test]
fn early_expiry_is_refreshed_exactly_once() {
    let w = World::new();
    w.server.state().add(server::alert(
        1,
        chrono::Utc::now() - chrono::Duration::minutes(5),
        "High".into(),
        "Open",
        "NewUser",
    ));
    w.server.state().queue.push_back(Fault::Expire);
    let out = w
        .cmd()
        .args(["alerts", "list", "--start", "-1h", "-o", "ndjson"])
        .run(0);
    assert_eq!(crate::ids(&out.stdout), vec![1]);
    assert_eq!(w.server.state().token_exchanges, 2);
    // Tokens refused again and again end in an authentication failure within the retry budget.
    w.server.state().queue.extend([Fault::Expire; 10]);
    let out = w
        .cmd()
        .args(["--retries", "2", "alerts", "list", "--start", "-1h"])
        .run(3);
    assert!(String::from_utf8_lossy(&out.stderr).contains("freshly exchanged tokens were refused"));
    // One free refresh, then one per retry.
    assert_eq!(w.server.state().token_exchanges, 2 + 3);
}

#[test]
fn connection_refused_exits_7_naming_the_host() {
    let w = World::new();
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let out = w
        .cmd()
        .env("LW_API_SERVER_URL", format!("http://127.0.0.1:{port}"))
        .args(["--retries", "1", "auth", "test"])
        .run(7);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("cannot connect to 127.0.0.1:{port}")),
        "{err}"
    );
    assert!(err.contains("check the account subdomain"), "{err}");
}

#[test]
fn rate_limit_beyond_budget_exits_6_and_waits_are_capped() {
    let w = World::new();
    w.server
        .state()
        .queue
        .extend([Fault::RateLimited(3600); 10]);
    let started = Instant::now();
    let out = w
        .cmd()
        .args(["--retries", "2", "--max-wait", "1s", "-v", "auth", "test"])
        .run(6);
    assert!(started.elapsed() < Duration::from_secs(30));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("rate limited by lacework (429)"), "{err}");
    assert!(err.contains("resets in 3600 s"), "{err}");
    assert_eq!(err.matches("capped by --max-wait").count(), 2, "{err}");
    assert!(err.contains("retrying GET /api/v2/Alerts"), "{err}");
}

#[test]
fn missing_credentials_name_every_source() {
    let w = World::new();
    let out = w
        .bare()
        .env("LW_ACCOUNT", "testcorp")
        .args(["auth", "test"])
        .run(2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no API key id given"), "{err}");
    for place in ["--api-key", "LW_API_KEY", "api_key", ".lacework.toml"] {
        assert!(err.contains(place), "{place} missing: {err}");
    }
}

#[test]
fn profile_file_is_read_and_must_be_private() {
    let w = World::new();
    let cfg = w.path(".lacework.toml");
    fs::write(
        &cfg,
        format!(
            "[default]\naccount = \"testcorp\"\napi_key = \"{}\"\napi_secret = \"{}\"\nversion = 2\n\n[other]\naccount = \"x\"\n",
            server::KEY_ID,
            server::SECRET
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&cfg, fs::Permissions::from_mode(0o644)).unwrap();
    let out = w.bare().args(["auth", "test"]).run(2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("chmod 600"), "{err}");
    assert!(!err.contains(server::SECRET));
    w.bare()
        .args(["--allow-insecure-config", "auth", "test", "-o", "json"])
        .assert()
        .success();
    fs::set_permissions(&cfg, fs::Permissions::from_mode(0o600)).unwrap();
    w.bare()
        .args(["auth", "test", "-o", "json"])
        .assert()
        .success();
    // An unknown profile names the known ones.
    let out = w.bare().args(["-p", "nope", "auth", "test"]).run(2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("known profiles: default, other"));
}

#[test]
fn secret_file_must_be_private() {
    let w = World::new();
    let f = w.path("secret.txt");
    fs::write(&f, format!("{}\n", server::SECRET)).unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&f, fs::Permissions::from_mode(0o640)).unwrap();
    w.cmd()
        .env_remove("LW_API_SECRET")
        .args(["--api-secret-file"])
        .arg(&f)
        .args(["auth", "test"])
        .assert()
        .code(2);
    fs::set_permissions(&f, fs::Permissions::from_mode(0o600)).unwrap();
    w.cmd()
        .env_remove("LW_API_SECRET")
        .args(["--api-secret-file"])
        .arg(&f)
        .args(["auth", "test", "-o", "json"])
        .assert()
        .success();
}

#[test]
fn api_token_from_the_environment_skips_the_exchange() {
    let w = World::new();
    // Get a real token from the server first.
    w.cmd()
        .args(["auth", "test", "-o", "json"])
        .assert()
        .success();
    let token = fs::read_dir(w.cache_dir().join("tokens"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let token: Value = serde_json::from_slice(&fs::read(token).unwrap()).unwrap();
    let out = w
        .bare()
        .env("LW_ACCOUNT", "testcorp")
        .env("LW_API_TOKEN", token["token"].as_str().unwrap())
        .args(["auth", "test", "-o", "json", "-vv"])
        .run(0);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["token_source"], "LW_API_TOKEN");
    assert_eq!(w.server.state().token_exchanges, 1);
    assert_no_secrets(&[&out.stdout, &out.stderr]);
}

#[test]
fn token_exchange_request_shape() {
    let w = World::new();
    w.cmd()
        .args(["--subaccount", "sub-a", "auth", "test", "-o", "json"])
        .run(0);
    let st = w.server.state();
    let [exchange, alerts] = &st.log[..] else {
        panic!("two requests expected: {:?}", st.log);
    };
    assert_eq!(
        (exchange.method.as_str(), exchange.path.as_str()),
        ("POST", "/api/v2/access/tokens")
    );
    assert_eq!(exchange.header("X-LW-UAKS"), Some(server::SECRET));
    assert_eq!(exchange.header("Account-Name"), Some("sub-a"));
    assert_eq!(exchange.header("Content-Type"), Some("application/json"));
    assert_eq!(
        serde_json::from_str::<Value>(&exchange.body).unwrap(),
        serde_json::json!({"keyId": server::KEY_ID, "expiryTime": 3600})
    );
    assert_eq!(alerts.method, "GET");
    assert!(
        alerts.path.starts_with("/api/v2/Alerts?startTime="),
        "{}",
        alerts.path
    );
    assert!(alerts.path.contains("&endTime="), "{}", alerts.path);
    assert!(alerts
        .header("Authorization")
        .unwrap()
        .starts_with("Bearer tok_"));
    assert_eq!(alerts.header("Account-Name"), Some("sub-a"));
    assert_eq!(
        alerts.header("X-LW-UAKS"),
        None,
        "the secret goes to the token exchange only"
    );
}

#[test]
fn no_cache_neither_reads_nor_writes_the_cache() {
    let w = World::new();
    for _ in 0..2 {
        w.cmd()
            .args(["--no-cache", "auth", "test", "-o", "json"])
            .run(0);
    }
    w.cmd()
        .env("LW_NOCACHE", "1")
        .args(["auth", "test", "-o", "json"])
        .run(0);
    assert_eq!(w.server.state().token_exchanges, 3);
    assert!(!w.cache_dir().exists());
}

#[test]
fn redirects_are_never_followed_with_the_token() {
    let w = World::new();
    let other = crate::server::Server::start();
    {
        let mut st = w.server.state();
        st.foreign_next = Some(format!("{}/api/v2/Alerts", other.url));
        st.queue.push_back(Fault::Redirect);
    }
    let out = w.cmd().args(["alerts", "list"]).run(7);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("refused to follow a redirect (302"), "{err}");
    assert!(other.state().log.is_empty());
}

#[test]
fn auth_test_fits_80_columns_with_the_curl_command_whole() {
    let w = World::new();
    let out = w
        .cmd()
        .env("LW_API_SECRET", "_wrong_0123456789abcdef0123456789")
        .env("LWCTL_TEST_TTY", "stdout,stderr")
        .env("COLUMNS", "80")
        .args(["--color", "never", "--no-cache", "auth", "test"])
        .run(3);
    let screen = String::from_utf8_lossy(&out.stdout);
    for line in screen.lines() {
        assert!(
            line.chars().count() <= 80,
            "over 80 columns: {line:?}\n{screen}"
        );
    }
    // The curl command, one option a line, each continued with a backslash: it pastes whole.
    let curl: Vec<&str> = screen
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("curl -sS -X POST"))
        .take_while(|l| !l.starts_with('-'))
        .map(str::trim)
        .collect();
    assert_eq!(
        curl,
        [
            "curl -sS -X POST \\".to_owned(),
            format!("{}/api/v2/access/tokens \\", w.server.url),
            "-H \"X-LW-UAKS: $LW_API_SECRET\" \\".to_owned(),
            "-H 'Content-Type: application/json' \\".to_owned(),
            r#"-d "{\"keyId\": \"$LW_API_KEY\", \"expiryTime\": 3600}""#.to_owned(),
        ],
        "{screen}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.lines().all(|l| l.chars().count() <= 80), "{err}");
}
