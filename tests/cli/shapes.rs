//! The exact request shape of every endpoint lwctl calls, checked with httpmock's matchers and
//! hit counts: a request that drifts from what Lacework takes (a header, a body field, a time
//! format) fails here. Payloads follow the vendor's Go SDK fixtures (tests/fixtures/go-sdk).

use crate::server;
use crate::Run;
use httpmock::prelude::*;
use serde_json::json;

const TOKEN: &str = "tok_shape_4f9e1c2b8a7d6e5f0a1b2c3d";

/// lwctl pointed at `mock`, with the test key and no real config or cache.
fn lwctl(mock: &MockServer) -> assert_cmd::Command {
    let home = tempfile::tempdir().unwrap().keep();
    let mut c = assert_cmd::Command::new(env!("CARGO_BIN_EXE_lwctl"));
    c.env_clear()
        .env("HOME", &home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("LW_API_SERVER_URL", mock.base_url())
        .env("LW_ACCOUNT", "testcorp")
        .env("LW_API_KEY", server::KEY_ID)
        .env("LW_API_SECRET", server::SECRET)
        .args(["--no-cache", "--max-wait", "20ms", "--retries", "0"])
        .timeout(std::time::Duration::from_secs(60));
    c
}

/// The token exchange, exactly: the secret in X-LW-UAKS, the key id and an hour in the body.
fn token(mock: &MockServer) -> httpmock::Mock<'_> {
    mock.mock(|when, then| {
        when.method(POST)
            .path("/api/v2/access/tokens")
            .header("X-LW-UAKS", server::SECRET)
            .header("Content-Type", "application/json")
            .header_missing("Authorization")
            .json_body(json!({"keyId": server::KEY_ID, "expiryTime": 3600}));
        then.status(201).json_body(json!({
            "token": TOKEN,
            "expiresAt": (chrono::Utc::now() + chrono::Duration::hours(1)).format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
        }));
    })
}

fn page(ids: &[u64], next: Option<String>) -> serde_json::Value {
    let data: Vec<serde_json::Value> = ids
        .iter()
        .map(|id| json!({"alertId": id, "alertName": "a", "alertType": "NewUser", "severity": "High", "status": "Open", "startTime": "2026-11-30T10:00:00.000Z", "endTime": "2026-11-30T11:00:00.000Z"}))
        .collect();
    json!({"paging": {"rows": ids.len(), "totalRows": 3, "urls": {"nextPage": next}}, "data": data})
}

#[test]
fn alerts_list_asks_with_the_token_the_window_and_follows_next_page() {
    let mock = MockServer::start();
    let tok = token(&mock);
    let next = format!("{}/api/v2/Alerts/next/abc", mock.base_url());
    let first = mock.mock(|when, then| {
        when.method(GET)
            .path("/api/v2/Alerts")
            .header("Authorization", format!("Bearer {TOKEN}"))
            .header("Accept", "application/json")
            .header_missing("X-LW-UAKS")
            .header_missing("Account-Name")
            .header_missing("Org-Access")
            // The API's own time format, to the millisecond, in UTC.
            .query_param("startTime", "2026-11-30T00:00:00.000Z")
            .query_param("endTime", "2026-11-30T12:00:00.000Z");
        then.status(200)
            .json_body(page(&[1, 2], Some(next.clone())));
    });
    let second = mock.mock(|when, then| {
        when.method(GET)
            .path("/api/v2/Alerts/next/abc")
            .header("Authorization", format!("Bearer {TOKEN}"));
        then.status(200).json_body(page(&[3], None));
    });
    let out = lwctl(&mock)
        .args([
            "alerts",
            "list",
            "--start",
            "2026-11-30T00:00:00Z",
            "--end",
            "2026-11-30T12:00:00Z",
            "-o",
            "ndjson",
        ])
        .run(0);
    assert_eq!(crate::ids(&out.stdout), [1, 2, 3]);
    tok.assert_calls(1);
    first.assert_calls(1);
    second.assert_calls(1);
}

#[test]
fn a_filtered_list_is_a_search_with_the_time_filter_and_filters() {
    let mock = MockServer::start();
    token(&mock);
    let search = mock.mock(|when, then| {
        when.method(POST)
            .path("/api/v2/Alerts/search")
            .header("Authorization", format!("Bearer {TOKEN}"))
            .header("Content-Type", "application/json")
            .json_body_includes(r#"{"timeFilter": {"startTime": "2026-11-30T00:00:00.000Z", "endTime": "2026-11-30T12:00:00.000Z"}}"#)
            .json_body_includes(r#"{"filters": [{"field": "status", "expression": "eq", "value": "Open"}]}"#);
        then.status(204);
    });
    lwctl(&mock)
        .args([
            "alerts",
            "list",
            "--status",
            "open",
            "--start",
            "2026-11-30T00:00:00Z",
            "--end",
            "2026-11-30T12:00:00Z",
            "-o",
            "ndjson",
        ])
        .run(0);
    search.assert_calls(1);
}

#[test]
fn subaccount_and_organization_headers_on_data_calls() {
    let mock = MockServer::start();
    let tok = mock.mock(|when, then| {
        when.method(POST)
            .path("/api/v2/access/tokens")
            .header("X-LW-UAKS", server::SECRET);
        then.status(201)
            .json_body(json!({"token": TOKEN, "expiresAt": "2099-01-01T00:00:00.000Z"}));
    });
    let data = mock.mock(|when, then| {
        when.method(GET)
            .path("/api/v2/Alerts")
            .header("Authorization", format!("Bearer {TOKEN}"))
            .header("Account-Name", "prod-1")
            .header("Org-Access", "true");
        then.status(204);
    });
    lwctl(&mock)
        .args([
            "--subaccount",
            "prod-1",
            "--org",
            "alerts",
            "list",
            "-o",
            "ndjson",
        ])
        .run(0);
    tok.assert_calls(1);
    data.assert_calls(1);
}

#[test]
fn comment_and_close_send_the_bodies_the_api_reference_gives() {
    let mock = MockServer::start();
    token(&mock);
    let details = mock.mock(|when, then| {
        when.method(GET)
            .path("/api/v2/Alerts/42")
            .query_param("scope", "Details");
        then.status(200).json_body(
            json!({"data": {"alertId": 42, "status": "Open", "severity": "High", "entityMap": {}}}),
        );
    });
    let comment = mock.mock(|when, then| {
        when.method(POST)
            .path("/api/v2/Alerts/42/comment")
            .header("Authorization", format!("Bearer {TOKEN}"))
            .json_body(json!({"comment": "looked at it"}));
        then.status(200).json_body(json!({"data": {}}));
    });
    let close = mock.mock(|when, then| {
        when.method(POST)
            .path("/api/v2/Alerts/42/close")
            .json_body(json!({"reason": 1, "comment": "benign"}));
        then.status(204);
    });
    lwctl(&mock)
        .args(["alerts", "comment", "42", "--comment", "looked at it"])
        .run(0);
    lwctl(&mock)
        .args([
            "alerts",
            "close",
            "42",
            "--reason",
            "false-positive",
            "--comment",
            "benign",
            "--yes",
        ])
        .run(0);
    comment.assert_calls(1);
    close.assert_calls(1);
    details.assert_calls(2);
}

#[test]
fn piped_alerts_are_looked_at_with_one_search_by_their_ids_and_times() {
    let mock = MockServer::start();
    token(&mock);
    // From a second before the first startTime to a day after the last; the IDs as strings,
    // as the search's `values` take them; only the fields a look needs.
    let search = mock.mock(|when, then| {
        when.method(POST)
            .path("/api/v2/Alerts/search")
            .header("Authorization", format!("Bearer {TOKEN}"))
            .json_body(json!({
                "timeFilter": {"startTime": "2026-11-30T09:59:59.000Z", "endTime": "2026-12-01T12:00:00.000Z"},
                "filters": [{"field": "alertId", "expression": "in", "values": ["7", "8"]}],
                "returns": ["alertId", "startTime", "status", "severity"],
            }));
        then.status(200).json_body(json!({
            "paging": {"rows": 2, "totalRows": 2, "urls": {"nextPage": null}},
            "data": [
                {"alertId": 7, "startTime": "2026-11-30T10:00:00.000Z", "status": "Open", "severity": "High"},
                {"alertId": 8, "startTime": "2026-11-30T12:00:00.000Z", "status": "Closed", "severity": "Low"},
            ],
        }));
    });
    let details = mock.mock(|when, then| {
        when.method(GET).path_includes("/api/v2/Alerts/");
        then.status(500);
    });
    let out = lwctl(&mock)
        .args(["alerts", "close", "-", "--reason", "1", "--dry-run"])
        .write_stdin(
            "{\"alertId\": 7, \"startTime\": \"2026-11-30T10:00:00.000Z\"}\n\
             {\"alertId\": 8, \"startTime\": \"2026-11-30T12:00:00.000Z\"}\n",
        )
        .run(0);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "lwctl: dry run: would send POST /api/v2/Alerts/7/close {\"reason\":1}\n\
         lwctl: alert 8 is already closed; nothing was sent\n\
         lwctl: would close 1; 1 already closed; 0 missing\n"
    );
    search.assert_calls(1);
    details.assert_calls(0);
}

#[test]
fn user_profile_and_api_passthrough() {
    let mock = MockServer::start();
    token(&mock);
    let profile = mock.mock(|when, then| {
        when.method(GET)
            .path("/api/v2/UserProfile")
            .header("Authorization", format!("Bearer {TOKEN}"))
            .header_missing("Account-Name");
        then.status(200)
            .body(include_str!("../fixtures/go-sdk/user_profile.json"));
    });
    let out = lwctl(&mock).args(["org", "accounts", "-o", "json"]).run(0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v[0]["accounts"].is_array());
    profile.assert_calls(1);
    // `lwctl api` sends the method, path and body as given, with the same headers.
    let passthrough = mock.mock(|when, then| {
        when.method(PATCH)
            .path("/api/v2/AlertChannels/X")
            .header("Authorization", format!("Bearer {TOKEN}"))
            .header("Content-Type", "application/json")
            .json_body(json!({"enabled": 0}));
        then.status(200).json_body(json!({"data": {"enabled": 0}}));
    });
    let out = lwctl(&mock)
        .args([
            "api",
            "patch",
            "/api/v2/AlertChannels/X",
            "-d",
            r#"{"enabled": 0}"#,
            "-o",
            "json",
        ])
        .run(0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["data"]["enabled"], 0);
    passthrough.assert_calls(1);
}
