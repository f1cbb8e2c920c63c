//! Every README command that needs no tenant runs as written, so the README cannot rot.

use std::path::Path;

/// The commands in README's `sh` blocks that need no Lacework tenant: normalize, the mapping
/// checks, completions, the version and help. `cargo run -q --` stands for lwctl.
fn tenant_free(readme: &str) -> Vec<String> {
    let mut commands = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_sh = line == "```sh";
            continue;
        }
        if !in_sh {
            continue;
        }
        let cmd = line.split("  #").next().unwrap_or(line).trim();
        let cmd = match cmd.strip_prefix("cargo run -q -- ") {
            Some(rest) => format!("lwctl {rest}"),
            None => cmd.to_owned(),
        };
        let words: Vec<&str> = cmd.split_whitespace().collect();
        let free = matches!(
            words.as_slice(),
            ["lwctl", "normalize", ..]
                | ["lwctl", "org", "mapping", ..]
                | ["lwctl", "completion", ..]
                | ["lwctl", "version"]
                | ["lwctl", "--version"]
                | ["lwctl", "--help"]
        );
        let free = free || cmd.starts_with("mkdir -p ~/");
        if free && !cmd.contains('|') {
            commands.push(cmd);
        }
    }
    commands
}

#[test]
fn every_readme_command_that_needs_no_tenant_runs_as_written() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let commands = tenant_free(&readme);
    assert!(commands.len() >= 8, "too few found: {commands:?}");
    assert!(commands
        .iter()
        .any(|c| c.starts_with("lwctl normalize examples/alerts.json")));
    // A scratch directory that looks like a clone: examples/ beside, lwctl on PATH.
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_lwctl"), bin.join("lwctl")).unwrap();
    std::os::unix::fs::symlink(root.join("examples"), dir.path().join("examples")).unwrap();
    std::os::unix::fs::symlink(root.join("man"), dir.path().join("man")).unwrap();
    let home = dir.path().join("home");
    for d in [
        ".local/share/bash-completion/completions",
        ".local/share/man/man1",
        ".config/fish/completions",
        "zfunc",
    ] {
        std::fs::create_dir_all(home.join(d)).unwrap();
    }
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for cmd in &commands {
        let out = std::process::Command::new("bash")
            .arg("-c")
            // zsh's $fpath, as an array whose [1] is the same in bash.
            .arg(format!(
                "fpath=({z} {z}); {cmd}",
                z = home.join("zfunc").display()
            ))
            .current_dir(dir.path())
            .env_clear()
            .env("HOME", &home)
            .env("PATH", &path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "README command failed: {cmd}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
