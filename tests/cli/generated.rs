//! The committed completions and man pages match what the CLI generates now.

use std::fs;
use std::path::Path;

fn assert_same_tree(committed: &Path, fresh: &Path) {
    let names = |d: &Path| {
        let mut v: Vec<String> = fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        names(committed),
        names(fresh),
        "files differ in {}",
        committed.display()
    );
    for n in names(fresh) {
        assert!(
            fs::read(committed.join(&n)).unwrap() == fs::read(fresh.join(&n)).unwrap(),
            "{} is stale: run `cargo run -- generate completions && cargo run -- generate man`",
            committed.join(&n).display()
        );
    }
}

#[test]
fn completions_and_man_pages_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    for (what, dir) in [("completions", "completions"), ("man", "man")] {
        let out = tmp.path().join(dir);
        assert_cmd::Command::new(env!("CARGO_BIN_EXE_lwctl"))
            .args(["generate", what, "--dir"])
            .arg(&out)
            .assert()
            .success();
        assert_same_tree(&root.join(dir), &out);
    }
}

#[test]
fn completion_prints_the_committed_script() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (shell, file) in [
        ("bash", "lwctl.bash"),
        ("zsh", "_lwctl"),
        ("fish", "lwctl.fish"),
    ] {
        let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_lwctl"))
            .args(["completion", shell])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let committed = std::fs::read(root.join("completions").join(file)).unwrap();
        assert!(
            out == committed,
            "lwctl completion {shell} differs from completions/{file}"
        );
    }
}

#[test]
fn bash_completes_scopes_in_any_case_profiles_and_reasons() {
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_err()
    {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join(".lacework.toml"),
        "# mine\n[default]\naccount = \"a\"\n\n[prod]\naccount = \"b\"\n\n[staging] # retired\naccount = \"c\"\n",
    )
    .unwrap();
    let script = format!(
        r#"source <({bin} completion bash)
complete_words() {{ COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _lwctl lwctl "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"; echo "${{COMPREPLY[*]}}"; }}
complete_words lwctl alerts get 1 --scope ti
complete_words lwctl -p ""
complete_words lwctl alerts close 1 --reason fa
"#,
        bin = env!("CARGO_BIN_EXE_lwctl")
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .env_clear()
        .env("HOME", home.path())
        // The script asks lwctl itself for the profiles, as an installed lwctl on PATH.
        .env(
            "PATH",
            format!(
                "{}:{}",
                std::path::Path::new(env!("CARGO_BIN_EXE_lwctl"))
                    .parent()
                    .unwrap()
                    .display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "timeline\ndefault prod staging\nfalse-positive\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn man_pages_have_exit_status_environment_files_and_placeholders() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let top = std::fs::read_to_string(root.join("lwctl.1")).unwrap();
    for needle in [
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        ".SH FILES",
        "\\-\\-profile\\fR <\\fINAME\\fR>",
    ] {
        assert!(top.contains(needle), "{needle} missing from lwctl.1");
    }
    // Every page named in a page exists.
    for entry in std::fs::read_dir(&root).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for (i, _) in text.match_indices("(1)") {
            let start = text[..i]
                .rfind(|c: char| c.is_whitespace())
                .map_or(0, |s| s + 1);
            let page = text[start..i].replace("\\-", "-");
            if page.starts_with("lwctl") {
                assert!(
                    root.join(format!("{page}.1")).exists(),
                    "link to missing {page}(1)"
                );
            }
        }
    }
}
