//! `lwctl configure`: writes a profile to `~/.lacework.toml` in the Lacework CLI's format, 0600.

use super::Ctx;
use crate::cli::ConfigureArgs;
use crate::config::{self, parse_subaccount, Account};
use crate::error::UsageError;
use anyhow::{Context, Result};
use serde::Deserialize;
use std::fs;
use std::io::Write;

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
    let g = &ctx.global;
    let mut account = g.account.clone();
    let mut key_id = g.api_key.clone();
    let mut subaccount = g.subaccount.clone();
    let mut secret = match &g.api_secret_file {
        Some(p) => {
            config::check_private(p, g.allow_insecure_config)?;
            Some(fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?)
        }
        None => None,
    };
    if let Some(path) = &args.json_file {
        let text = fs::read(path)
            .map_err(|e| UsageError::new(format!("cannot read {}: {e}", path.display())))?;
        let key: KeyFile = serde_json::from_slice(&text).map_err(|_| {
            UsageError::new(format!(
                "{} is not a Lacework API key file (it needs keyId and secret)",
                path.display()
            ))
        })?;
        key_id = key_id.or(Some(key.key_id));
        secret = secret.or(Some(key.secret));
        subaccount = subaccount.or(key.sub_account.filter(|s| !s.is_empty()));
        account = account.or(key.account);
    }
    let ui = &ctx.ui;
    let ask = |what: &str, flag: &str| -> Result<String> {
        if !ui.can_prompt() {
            return Err(UsageError::new(format!("no {what} given"))
                .hint(format!(
                    "pass {flag} (prompts need a terminal and no --no-input)"
                ))
                .into());
        }
        Ok(dialoguer::Input::<String>::new()
            .with_prompt(what)
            .interact_text()?)
    };
    let account = match account {
        Some(a) => a,
        None => ask(
            "Account (yourcorp or yourcorp.fra.lacework.net)",
            "--account",
        )?,
    };
    let parsed = Account::parse(&account)?;
    let key_id = match key_id {
        Some(k) => k,
        None => ask("API key id", "--api-key or --json-file")?,
    };
    let secret = match secret {
        Some(s) => s,
        None if ui.can_prompt() => dialoguer::Password::new()
            .with_prompt("API secret")
            .interact()?,
        None => {
            return Err(UsageError::new("no API secret given")
                .hint("pass --api-secret-file or --json-file")
                .into())
        }
    };
    let subaccount = subaccount.map(|s| parse_subaccount(&s)).transpose()?;

    let path = config::config_path()
        .ok_or_else(|| UsageError::new("HOME is not set: cannot find ~/.lacework.toml"))?;
    let mut doc: toml::Table = match fs::read_to_string(&path) {
        Ok(t) => t.parse().map_err(|_| {
            UsageError::new(format!(
                "{} is not valid TOML; fix or move it first",
                path.display()
            ))
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => toml::Table::new(),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let name = g.profile.clone().unwrap_or_else(|| "default".into());
    let mut section = toml::Table::new();
    // The account name alone, as the Lacework CLI writes it.
    section.insert("account".into(), parsed.name.clone().into());
    if let Some(s) = &subaccount {
        section.insert("subaccount".into(), s.clone().into());
    }
    section.insert("api_key".into(), key_id.trim().to_owned().into());
    section.insert("api_secret".into(), secret.trim().to_owned().into());
    section.insert("version".into(), 2.into());
    doc.insert(name.clone(), toml::Value::Table(section));

    let dir = path.parent().unwrap_or(std::path::Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(toml::to_string(&doc)?.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(&path).map_err(|e| e.error)?;
    ui.info(format!(
        "wrote profile [{name}] for {} to {} (mode 0600)",
        parsed.host,
        path.display()
    ));
    Ok(())
}
