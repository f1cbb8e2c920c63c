//! `lwctl generate completions|man`: the files committed in `completions/` and `man/`.

use crate::cli::{Cli, GenerateCommand};
use anyhow::{Context, Result};
use clap::CommandFactory;
use clap_complete::Shell;
use std::fs;
use std::path::Path;

pub fn run(cmd: GenerateCommand) -> Result<()> {
    match cmd {
        GenerateCommand::Completions { dir } => completions(&dir),
        GenerateCommand::Man { dir } => man(&dir),
    }
}

pub fn completions(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir)?;
    for (shell, file) in [
        (Shell::Bash, "lwctl.bash"),
        (Shell::Zsh, "_lwctl"),
        (Shell::Fish, "lwctl.fish"),
        (Shell::PowerShell, "_lwctl.ps1"),
        (Shell::Elvish, "lwctl.elv"),
    ] {
        let path = dir.join(file);
        fs::write(&path, script(shell))
            .with_context(|| format!("cannot write {shell} completions to {}", path.display()))?;
    }
    Ok(())
}

/// The profile names of `~/.lacework.toml`, as a shell finds them: its `[section]` lines.
const PROFILES: &str =
    r#"sed -n 's/^[[:space:]]*\[\([^]]*\)\][[:space:]]*$/\1/p' ~/.lacework.toml 2>/dev/null"#;

/// A shell's completion script: clap's, with `-p/--profile` completing the profile names of
/// `~/.lacework.toml` (bash and zsh) instead of file names.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "lwctl", &mut out);
    let text = String::from_utf8(out).expect("completion scripts are UTF-8");
    let text = match shell {
        Shell::Bash => {
            let files = "                    COMPREPLY=($(compgen -f \"${cur}\"))";
            let profiles = format!(
                "                    COMPREPLY=($(compgen -W \"$({PROFILES})\" -- \"${{cur}}\"))"
            );
            let mut lines: Vec<String> = Vec::new();
            let mut profile_case = false;
            for line in text.lines() {
                let trimmed = line.trim();
                if trimmed == "--profile)" || trimmed == "-p)" {
                    profile_case = true;
                } else if profile_case && line == files {
                    lines.push(profiles.clone());
                    profile_case = false;
                    continue;
                } else if !trimmed.is_empty() {
                    profile_case = false;
                }
                lines.push(line.to_owned());
            }
            lines.join("\n") + "\n"
        }
        Shell::Zsh => {
            text.lines()
                .map(|line| {
                    let profile =
                        line.starts_with("'-p+[Profile") || line.starts_with("'--profile=[Profile");
                    if profile {
                        // Inside zsh's single-quoted spec, the sed program takes double quotes.
                        let zsh = PROFILES.replace('\'', "\"");
                        line.replace(":NAME:_default'", &format!(":NAME:( $({zsh}) )'"))
                    } else {
                        line.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
                + "\n"
        }
        _ => text,
    };
    text.into_bytes()
}

pub fn man(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir)?;
    let mut cmd = Cli::command();
    cmd.build();
    write_pages(&cmd, "lwctl", dir)
}

fn write_pages(cmd: &clap::Command, name: &str, dir: &Path) -> Result<()> {
    let page = cmd.clone().name(name.to_owned());
    let mut buf = Vec::new();
    clap_mangen::Man::new(page).render(&mut buf)?;
    fs::write(dir.join(format!("{name}.1")), buf)?;
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        write_pages(sub, &format!("{name}-{}", sub.get_name()), dir)?;
    }
    Ok(())
}
