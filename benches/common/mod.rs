//! What the benches share: one run of lwctl against the project's test server, under
//! `/usr/bin/time` when the machine has it.

use crate::server;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// What one run came to.
pub struct Run {
    pub secs: f64,
    /// Peak RSS in MB, and user + system CPU seconds, from `/usr/bin/time`.
    pub rss_mb: Option<f64>,
    pub cpu_s: Option<f64>,
    pub code: i32,
}

/// Runs lwctl with `args` against the test server at `url`, in a clean environment whose home
/// (and token cache) is `home`.
pub fn lwctl(url: &str, home: &Path, args: &[&str]) -> Run {
    lwctl_fed(url, home, args, b"")
}

/// [`lwctl`], with `stdin` on its standard input.
pub fn lwctl_fed(url: &str, home: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let time = Path::new("/usr/bin/time").exists();
    let bin = env!("CARGO_BIN_EXE_lwctl");
    let mut cmd = if time {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%M %U %S"]).arg(bin);
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
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            let mut input = child.stdin.take().expect("stdin is piped");
            // A command that does not read stdin may close it first.
            let _ = input.write_all(stdin);
            drop(input);
            child.wait_with_output()
        })
        .unwrap();
    let secs = t.elapsed().as_secs_f64();
    let err = String::from_utf8_lossy(&out.stderr);
    // /usr/bin/time reports a failed command's status on a line of its own; the figures are
    // the last line.
    let figures: Vec<f64> = err
        .lines()
        .last()
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    let (rss_mb, cpu_s) = match figures.as_slice() {
        [kb, user, sys] if time => (Some(kb / 1024.0), Some(user + sys)),
        _ => (None, None),
    };
    let code = err
        .lines()
        .find_map(|l| l.strip_prefix("Command exited with non-zero status "))
        .and_then(|c| c.trim().parse().ok())
        .unwrap_or_else(|| out.status.code().unwrap_or(-1));
    Run {
        secs,
        rss_mb,
        cpu_s,
        code,
    }
}
