//! `lwctl configure`: writes a profile to `~/.lacework.toml` in the Lacework CLI's format, 0600.
//! The file is shared with the official CLI, so it is edited in place: comments, order and the
//! other profiles stay byte for byte, a symlinked file is written through to its target, and an
//! existing profile is replaced only when the user says so.

use super::Ctx;
use crate::cli::{ConfigureAction, ConfigureArgs};
use crate::config::{self, mask, parse_subaccount, Account};
use crate::error::{DataError, UsageError};
use anyhow::{Context, Result};
use serde::Deserialize;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use toml_edit::{value, DocumentMut, Item, Table};

/// The API key file the Lacework console downloads.
#[derive(Deserialize)]
struct KeyFile {
    #[serde(rename = "keyId")]
    key_id: String,
    secret: String,
    #[serde(default, rename = "subAccount")]
    sub_account: Option<String>,
    #[serde(default)]
    account: Option<String>,
}

pub fn run(ctx: &Ctx, args: ConfigureArgs) -> Result<()> {
    let path = config::config_path()
        .ok_or_else(|| UsageError::new("no home directory: cannot find ~/.lacework.toml"))?;
    let (real, mut doc) = load(&path)?;
    let name = ctx
        .global
        .profile
        .clone()
        .unwrap_or_else(|| "default".into());
    match &args.action {
        Some(ConfigureAction::List { names: true }) => {
            // Read as TOML, so a `[staging] # retired` section line is a profile too.
            let mut out = String::new();
            for (profile, item) in doc.iter() {
                if item.is_table() {
                    out.push_str(profile);
                    out.push('\n');
                }
            }
            use std::io::Write;
            std::io::stdout().lock().write_all(out.as_bytes())?;
            return Ok(());
        }
        Some(ConfigureAction::List { names: false }) => return list(&doc, &name),
        Some(ConfigureAction::Show { key }) => return show(&doc, &name, key),
        None => {}
    }
    let current = doc.get(&name).and_then(Item::as_table).cloned();
    let text = |key: &str| {
        current
            .as_ref()
            .and_then(|t| t.get(key))
            .and_then(Item::as_str)
            .map(str::to_owned)
    };
    let g = &ctx.global;
    // Flags first, then the variables `--help` lists, then a key file, then prompts.
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let mut account = g.account.clone().or_else(|| env("LW_ACCOUNT"));
    let mut key_id = g.api_key.clone().or_else(|| env("LW_API_KEY"));
    let mut subaccount = g.subaccount.clone().or_else(|| env("LW_SUBACCOUNT"));
    let mut secret = match &g.api_secret_file {
        Some(p) => {
            config::check_private(p, g.allow_insecure_config)?;
            Some(fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?)
        }
        None => None,
    };
    if secret.is_none() {
        secret = env("LW_API_SECRET");
    }
    let key = match (&args.json_file, &args.txt_file) {
        (Some(p), _) => Some(key_file(p)?),
        (None, Some(p)) => Some(creds_txt(p)?),
        (None, None) => None,
    };
    if let Some(key) = key {
        key_id = key_id.or(Some(key.key_id));
        secret = secret.or(Some(key.secret));
        subaccount = subaccount.or(key.sub_account.filter(|s| !s.is_empty()));
        account = account.or(key.account);
    }
    let ui = &ctx.ui;
    // Prompts start from the profile's current values; Enter keeps one.
    let ask = |what: &str, flag: &str, now: Option<String>| -> Result<String> {
        if !ui.can_prompt() {
            return Err(UsageError::new(format!("no {what} given"))
                .hint(format!(
                    "pass {flag} (prompts need a terminal and no --no-input)"
                ))
                .into());
        }
        let mut input = dialoguer::Input::<String>::new().with_prompt(what);
        if let Some(n) = now {
            input = input.default(n);
        }
        Ok(input.interact_text()?)
    };
    let account = match account {
        Some(a) => a,
        None => ask(
            "Account (yourcorp or yourcorp.fra.lacework.net)",
            "--account",
            text("account"),
        )?,
    };
    let parsed = Account::parse(&account)?;
    let key_id = match key_id {
        Some(k) => k,
        None => ask("API key id", "--api-key or --json-file", text("api_key"))?,
    };
    let secret = match secret {
        Some(s) => s,
        None if ui.can_prompt() => {
            let old = text("api_secret");
            let shown = old.as_deref().map(|s| {
                let tail: String = s
                    .chars()
                    .rev()
                    .take(4)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                format!(" [****{tail}, Enter keeps it]")
            });
            let typed = dialoguer::Password::new()
                .with_prompt(format!("API secret{}", shown.unwrap_or_default()))
                .allow_empty_password(old.is_some())
                .interact()?;
            if typed.is_empty() {
                old.unwrap_or_default()
            } else {
                typed
            }
        }
        None => {
            return Err(UsageError::new("no API secret given")
                .hint("pass --api-secret-file or --json-file")
                .into())
        }
    };
    let subaccount = subaccount.map(|s| parse_subaccount(&s)).transpose()?;
    // A secret with a line break in it would be stored, then fail every later command.
    let key_id = config::credential(&key_id, "the API key id")?;
    let secret = config::credential(&secret, "the API secret")?;

    let mut section = Table::new();
    // As the Lacework CLI writes it: the name, with its region when it has one.
    section.insert("account", value(parsed.profile_form()));
    if let Some(s) = &subaccount {
        section.insert("subaccount", value(s.clone()));
    }
    section.insert("api_key", value(key_id.as_str()));
    section.insert("api_secret", value(secret.as_str()));
    section.insert("version", value(2));
    if let Some(old) = &current {
        let same = ["account", "subaccount", "api_key", "api_secret"]
            .iter()
            .all(|k| old.get(k).and_then(Item::as_str) == section.get(k).and_then(Item::as_str));
        if !same && !args.yes {
            if !ui.can_prompt() {
                return Err(UsageError::new(format!(
                    "profile [{name}] exists in {} and would change",
                    path.display()
                ))
                .hint("pass --yes to replace it, or -p NAME for another profile")
                .into());
            }
            let sure = dialoguer::Confirm::new()
                .with_prompt(format!("Replace profile [{name}]?"))
                .default(false)
                .interact()?;
            if !sure {
                return Err(
                    crate::error::Declined(format!("profile [{name}] left as it was")).into(),
                );
            }
        }
    }
    match doc.get_mut(&name).and_then(Item::as_table_mut) {
        // In place: the section keeps its position and the comments around it.
        Some(existing) => {
            existing.remove("subaccount");
            for (k, v) in section.iter() {
                existing.insert(k, v.clone());
            }
        }
        None => {
            doc.insert(&name, Item::Table(section));
        }
    }
    write_through(&real, doc.to_string().as_bytes())?;
    ui.info(format!(
        "wrote profile [{name}] for {} to {} (mode 0600)",
        parsed.host,
        path.display()
    ));
    if args.no_verify {
        return Ok(());
    }
    // The auth test's checks, on the profile just written.
    ui.info("verifying credentials…");
    let client = ctx.client()?;
    client.exchange()?;
    let now = crate::time::now();
    client.alerts_first_page(
        crate::window::Window::new(now - chrono::Duration::minutes(10), now),
        &crate::filter::Filters::default(),
    )?;
    ui.info(format!(
        "verifying credentials… OK: profile [{name}] is set up{}",
        if name == "default" {
            String::new()
        } else {
            format!(" (use it with -p {name} or LW_PROFILE={name})")
        }
    ));
    Ok(())
}

/// A FortiCloud credentials file: `apiId:<uuid>` and `password:<hex>` lines (the official CLI
/// reads it with `configure --txt_file`). Other lines, blank lines and a BOM are ignored.
fn creds_txt(path: &Path) -> Result<KeyFile> {
    let text = fs::read_to_string(path)
        .map_err(|e| UsageError::new(format!("cannot read {}: {e}", path.display())))?;
    let text = text.trim_start_matches('\u{feff}');
    let mut key_id = None;
    let mut secret = None;
    for line in text.lines() {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        match k.trim().to_ascii_lowercase().as_str() {
            "apiid" => key_id = Some(v.trim().to_owned()),
            "password" => secret = Some(v.trim().to_owned()),
            _ => {}
        }
    }
    match (key_id, secret) {
        (Some(key_id), Some(secret)) if !key_id.is_empty() && !secret.is_empty() => Ok(KeyFile {
            key_id,
            secret,
            sub_account: None,
            account: None,
        }),
        _ => Err(UsageError::new(format!(
            "{} is not a FortiCloud credentials file (it needs apiId: and password: lines)",
            path.display()
        ))
        .hint("download the API key again from the FortiCloud portal, or use --json-file for a Lacework key file")
        .into()),
    }
}

/// The key file, or why it is not one (where its JSON breaks, if it does).
fn key_file(path: &Path) -> Result<KeyFile> {
    let text = fs::read(path)
        .map_err(|e| UsageError::new(format!("cannot read {}: {e}", path.display())))?;
    serde_json::from_slice(&text).map_err(|e| {
        let what = if e.is_data() {
            format!(
                "is not a Lacework API key file (it needs keyId and secret): {}",
                strip(&e)
            )
        } else {
            format!(
                "is not valid JSON at line {}, column {}",
                e.line(),
                e.column()
            )
        };
        UsageError::new(format!("{} {what}", path.display()))
            .hint("download the key file again from the Lacework console (Settings > API keys)")
            .into()
    })
}

fn strip(e: &serde_json::Error) -> String {
    let s = e.to_string();
    s.split(" at line ").next().unwrap_or(&s).to_owned()
}

/// The file (following a symlink to where it really is) and its document; empty if absent.
fn load(path: &Path) -> Result<(PathBuf, DocumentMut)> {
    let real = fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let doc = match fs::read_to_string(&real) {
        Ok(t) => t.parse::<DocumentMut>().map_err(|e| {
            DataError(format!(
                "{} is not valid TOML ({}); fix or move it first",
                path.display(),
                e.message()
            ))
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => DocumentMut::new(),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    Ok((real, doc))
}

/// Replaces `real` atomically (0600 temp in its own directory, fsync, rename), so a symlink
/// that points at it stays a symlink.
fn write_through(real: &Path, bytes: &[u8]) -> Result<()> {
    let dir = real.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(real).map_err(|e| e.error)?;
    Ok(())
}

fn list(doc: &DocumentMut, active: &str) -> Result<()> {
    let mut out = String::new();
    for (name, item) in doc.iter() {
        let Some(t) = item.as_table() else { continue };
        let get = |k: &str| t.get(k).and_then(Item::as_str).unwrap_or("");
        out.push_str(&format!(
            "{} {name:<12} account {:<16} subaccount {:<12} api_key {} api_secret {}\n",
            if name == active { "*" } else { " " },
            get("account"),
            if get("subaccount").is_empty() {
                "-"
            } else {
                get("subaccount")
            },
            mask(get("api_key")),
            if get("api_secret").is_empty() {
                "-"
            } else {
                "****"
            },
        ));
    }
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    Ok(())
}

fn show(doc: &DocumentMut, active: &str, key: &str) -> Result<()> {
    if key == "api_secret" {
        return Err(UsageError::new("configure show never prints the secret").into());
    }
    let v = doc
        .get(active)
        .and_then(Item::as_table)
        .and_then(|t| t.get(key))
        .ok_or_else(|| UsageError::new(format!("profile [{active}] has no {key}")))?;
    let text = match v.as_value() {
        Some(toml_edit::Value::String(s)) => s.value().clone(),
        Some(other) => other.to_string().trim().to_owned(),
        None => return Err(UsageError::new(format!("{key} is not a value")).into()),
    };
    println!("{text}");
    Ok(())
}
