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

/// The profile names of `~/.lacework.toml`, read by lwctl's own TOML parser (a section line
/// may carry a comment, or quote its name).
const PROFILES: &str = r#"lwctl configure list --names 2>/dev/null"#;

/// The same in zsh: a completion function that the profile option names as its action.
const ZSH_PROFILES: &str = r#"
(( $+functions[_lwctl_profiles] )) ||
_lwctl_profiles() {
    local -a profiles
    profiles=(${(f)"$(lwctl configure list --names 2>/dev/null)"})
    compadd -a profiles
}
"#;

/// A shell's completion script: clap's, with `-p/--profile` completing the profile names of
/// `~/.lacework.toml` (bash and zsh) instead of file names.
pub fn script(shell: Shell) -> Vec<u8> {
    // Without `help`'s mirror of the whole tree, which would double every script for a word
    // that `--help` already completes.
    let mut cmd = Cli::command().disable_help_subcommand(true);
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
            let body = text
                .lines()
                .map(|line| {
                    let profile =
                        line.starts_with("'-p+[Profile") || line.starts_with("'--profile=[Profile");
                    if profile {
                        line.replace(":NAME:_default'", ":NAME:_lwctl_profiles'")
                    } else {
                        line.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            body.replacen(
                "autoload -U is-at-least\n",
                &format!("autoload -U is-at-least\n{ZSH_PROFILES}"),
                1,
            ) + "\n"
        }
        _ => text,
    };
    text.into_bytes()
}

pub fn man(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir)?;
    // The committed pages name the version alone: the commit would change them on every commit.
    let mut cmd = Cli::command()
        .version(env!("CARGO_PKG_VERSION"))
        .disable_help_subcommand(true);
    cmd.build();
    write_pages(&cmd, "lwctl", dir)
}

fn write_pages(cmd: &clap::Command, name: &str, dir: &Path) -> Result<()> {
    let page = cmd.clone().name(name.to_owned());
    let man = clap_mangen::Man::new(page.clone());
    let mut buf = Vec::new();
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    buf.extend(synopsis(&page, name).as_bytes());
    man.render_description_section(&mut buf)?;
    man.render_options_section(&mut buf)?;
    if page.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut buf)?;
    }
    if page.get_after_help().is_some() || page.get_after_long_help().is_some() {
        man.render_extra_section(&mut buf)?;
    }
    buf.extend(COMMON_SECTIONS.as_bytes());
    man.render_version_section(&mut buf)?;
    fs::write(dir.join(format!("{name}.1")), buf)?;
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        write_pages(sub, &format!("{name}-{}", sub.get_name()), dir)?;
    }
    Ok(())
}

/// A roff-escaped text: backslashes and dashes as roff wants them.
fn roff(text: &str) -> String {
    text.replace('\\', "\\e").replace('-', "\\-")
}

/// The synopsis with each option's value placeholder (`--profile <NAME>`), which
/// clap_mangen's own synopsis leaves out.
fn synopsis(cmd: &clap::Command, name: &str) -> String {
    let mut parts = vec![format!("\\fB{}\\fR", roff(&name.replace('-', " ")))];
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        let value = arg
            .get_value_names()
            .and_then(|v| v.first())
            .map(|v| format!(" <\\fI{}\\fR>", roff(v)));
        let takes = arg.get_num_args().is_some_and(|n| n.takes_values());
        if arg.is_positional() {
            let v = value.unwrap_or_else(|| format!(" <\\fI{}\\fR>", roff(arg.get_id().as_str())));
            parts.push(v.trim_start().to_owned());
            continue;
        }
        let flag = match (arg.get_short(), arg.get_long()) {
            (Some(s), Some(l)) => format!("\\fB\\-{s}\\fR|\\fB\\-\\-{}\\fR", roff(l)),
            (None, Some(l)) => format!("\\fB\\-\\-{}\\fR", roff(l)),
            (Some(s), None) => format!("\\fB\\-{s}\\fR"),
            (None, None) => continue,
        };
        let value = if takes {
            value.unwrap_or_default()
        } else {
            String::new()
        };
        parts.push(format!("[{flag}{value}]"));
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        parts.push("<\\fICOMMAND\\fR>".into());
    }
    format!(".SH SYNOPSIS\n{}\n", parts.join(" "))
}

/// EXIT STATUS, ENVIRONMENT and FILES, the same on every page.
const COMMON_SECTIONS: &str = r#".SH "EXIT STATUS"
.TP
0
success (also: no alerts in range)
.TP
1
unexpected error
.TP
2
usage: bad flag, time, account name, scope, missing credentials, unreadable config or state
.TP
3
authentication failed (key id, secret or account wrong)
.TP
4
permission denied (403; subaccount scoping)
.TP
5
not found (alert id, or no data for a scope)
.TP
6
rate limited beyond the retry budget
.TP
7
service unavailable: DNS, connect, timeout, 5xx, malformed answers, after retries
.TP
8
bad input data (normalize, a mapping file)
.TP
9
another alerts poll holds the state lock
.TP
10
declined at a prompt, or an empty comment; nothing was sent
.TP
130
interrupted by SIGINT or SIGTERM after finishing what was being written
.SH ENVIRONMENT
.TP
LW_ACCOUNT, LW_SUBACCOUNT, LW_API_KEY, LW_API_SECRET, LW_PROFILE
credentials, after flags and before ~/.lacework.toml
.TP
LW_API_TOKEN
an existing bearer token, instead of exchanging the key
.TP
LW_API_SERVER_URL
the API's base URL (http:// only to loopback hosts)
.TP
LW_NOCACHE, LW_NONINTERACTIVE, LW_JSON, LW_NOCOLOR
as \-\-no\-cache, \-\-no\-input, \-o json and \-\-color never
.TP
LWCTL_AUDIT_LOG
the file alerts comment and alerts close append their audit lines to
.TP
NO_COLOR, CLICOLOR_FORCE, TERM, COLUMNS
colour off, colour on, TERM=dumb for plain output, and the width tables fit
.TP
XDG_CACHE_HOME, HOME
where the token cache and ~/.lacework.toml are found
.SH FILES
.TP
~/.lacework.toml
profiles, shared with the official Lacework CLI (0600)
.TP
$XDG_CACHE_HOME/lwctl/tokens/ (else ~/.cache/lwctl/tokens/)
the bearer token cache (0600 files in 0700 directories; never the secret)
.TP
STATE, STATE.lock
an alerts poll state file and its lock (0600)
"#;
