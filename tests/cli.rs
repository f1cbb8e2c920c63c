//! Integration tests: the `lwctl` binary against local Lacework-like servers, with HOME, XDG
//! and LW_* isolated so a developer's real config and cache can never leak in.

#[path = "cli/server.rs"]
mod server;

#[path = "cli/auth.rs"]
mod auth;
#[path = "cli/faults.rs"]
mod faults;
#[path = "cli/fleet.rs"]
mod fleet;
#[path = "cli/generated.rs"]
mod generated;
#[path = "cli/lifecycle.rs"]
mod lifecycle;
#[path = "cli/list.rs"]
mod list;
#[path = "cli/normalize.rs"]
mod normalize;
#[path = "cli/org.rs"]
mod org;
#[path = "cli/output.rs"]
mod output;
#[path = "cli/poll.rs"]
mod poll;
#[path = "cli/readme.rs"]
mod readme;
#[path = "cli/real.rs"]
mod real;
#[path = "cli/schemas.rs"]
mod schemas;
#[path = "cli/shapes.rs"]
mod shapes;
#[path = "cli/tenants.rs"]
mod tenants;
#[path = "cli/tools.rs"]
mod tools;
#[path = "cli/triage.rs"]
mod triage;
#[path = "cli/trust.rs"]
mod trust;
#[path = "cli/unattended.rs"]
mod unattended;

use assert_cmd::Command;
use server::Server;
use std::path::{Path, PathBuf};

/// A test's world: its own HOME and cache, and its own server.
pub struct World {
    pub home: tempfile::TempDir,
    pub server: Server,
}

impl Default for World {
    fn default() -> Self {
        World::new()
    }
}

impl World {
    pub fn new() -> World {
        World {
            home: tempfile::tempdir().unwrap(),
            server: Server::start(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }

    pub fn cache_dir(&self) -> PathBuf {
        self.home.path().join("cache").join("lwctl")
    }

    /// `lwctl` with no credentials at all, pointed at this world's server.
    pub fn bare(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_lwctl"));
        c.env_clear()
            .env("HOME", self.home.path())
            .env("XDG_CACHE_HOME", self.home.path().join("cache"))
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("LW_API_SERVER_URL", &self.server.url)
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .current_dir(self.home.path())
            .timeout(std::time::Duration::from_secs(120));
        c
    }

    /// `lwctl` with a working key as a plain child process, stdout and stderr piped: for tests
    /// that signal it while it runs.
    pub fn child(&self) -> std::process::Command {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_lwctl"));
        c.env_clear()
            .env("HOME", self.home.path())
            .env("XDG_CACHE_HOME", self.home.path().join("cache"))
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("LW_API_SERVER_URL", &self.server.url)
            .env("LW_ACCOUNT", "testcorp")
            .env("LW_API_KEY", server::KEY_ID)
            .env("LW_API_SECRET", server::SECRET)
            .current_dir(self.home.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        c
    }

    /// `lwctl` with a working key; retry waits kept short.
    pub fn cmd(&self) -> Command {
        let mut c = self.bare();
        c.env("LW_ACCOUNT", "testcorp")
            .env("LW_API_KEY", server::KEY_ID)
            .env("LW_API_SECRET", server::SECRET)
            .args(["--max-wait", "20ms"]);
        c
    }
}

/// Runs a command and expects its exit code; returns what it printed.
pub trait Run {
    fn run(&mut self, code: i32) -> std::process::Output;
}

impl Run for Command {
    fn run(&mut self, code: i32) -> std::process::Output {
        self.assert().code(code).get_output().clone()
    }
}

/// Sends SIGTERM to the process `pid`, as `kill` does.
pub fn sigterm(pid: u32) {
    std::process::Command::new("kill")
        .arg("-TERM")
        .arg(pid.to_string())
        .status()
        .unwrap();
}

/// Parses NDJSON output into values, failing on any partial or invalid line.
pub fn ndjson(bytes: &[u8]) -> Vec<serde_json::Value> {
    assert!(
        bytes.is_empty() || bytes.ends_with(b"\n"),
        "output ends in a partial line"
    );
    serde_json::Deserializer::from_slice(bytes)
        .into_iter::<serde_json::Value>()
        .map(|v| v.expect("valid NDJSON"))
        .collect()
}

/// The alertIds of NDJSON alerts (or `external_id`s of events), sorted.
pub fn ids(bytes: &[u8]) -> Vec<u64> {
    let mut v: Vec<u64> = ndjson(bytes)
        .iter()
        .map(|a| {
            a.get("alertId")
                .and_then(|x| x.as_u64())
                .or_else(|| a["external_id"].as_str().and_then(|s| s.parse().ok()))
                .expect("an alert id")
        })
        .collect();
    v.sort();
    v
}

/// Fails if a secret or token shows in any of the texts.
pub fn assert_no_secrets(texts: &[&[u8]]) {
    for t in texts {
        let s = String::from_utf8_lossy(t);
        for secret in [
            server::SECRET,
            server::SUB_SECRET,
            server::FORTI_SECRET,
            "tok_0",
        ] {
            assert!(!s.contains(secret), "secret {secret:?} leaked in:\n{s}");
        }
    }
}

pub fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Compares ID lists, reporting counts and the first difference instead of both lists.
pub fn assert_ids(got: &[u64], expected: &[u64]) {
    if got != expected {
        let first = got
            .iter()
            .zip(expected)
            .position(|(a, b)| a != b)
            .unwrap_or(got.len().min(expected.len()));
        panic!(
            "got {} ids, expected {}; first difference at index {first}: got {:?}, expected {:?}",
            got.len(),
            expected.len(),
            got.get(first),
            expected.get(first)
        );
    }
}
