//! `lwctl org accounts` and `lwctl org mapping check|route`.

use super::Ctx;
use crate::error::{DataError, UsageError};
use crate::mapping::Mapping;
use crate::output::Format;
use anyhow::Result;
use serde_json::json;
use std::io::{self, Write};
use std::path::Path;

fn print(text: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

pub fn accounts(ctx: &Ctx) -> Result<()> {
    let client = ctx.client()?;
    let sub = client.credentials().subaccount.clone();
    // Asked without Account-Name: the question is what the key reaches, not one subaccount.
    let profiles = client.without_subaccount()?.user_profile()?;
    let reachable: Vec<&str> = profiles
        .iter()
        .flat_map(|p| p.accounts.iter().map(|a| a.account_name.as_str()))
        .collect();
    match ctx.ui.format() {
        Format::Table | Format::Csv => {
            let mut table = crate::output::table();
            table.set_header(["Account", "Admin", "Enabled", "Selected"]);
            for p in &profiles {
                for a in &p.accounts {
                    let selected = sub
                        .as_deref()
                        .is_some_and(|s| s.eq_ignore_ascii_case(&a.account_name));
                    table.add_row([
                        a.account_name.to_ascii_lowercase(),
                        yes_no(a.admin.unwrap_or(false)),
                        yes_no(a.enabled()),
                        if selected {
                            "← --subaccount".into()
                        } else {
                            String::new()
                        },
                    ]);
                }
            }
            let user = profiles
                .first()
                .and_then(|p| p.username.clone())
                .unwrap_or_default();
            let org = profiles
                .first()
                .and_then(|p| p.org_account)
                .unwrap_or(false);
            print(&format!(
                "{table}\n{user}{}\n",
                if org { " (organization account)" } else { "" }
            ))?;
        }
        Format::Json => print(&format!("{}\n", serde_json::to_string_pretty(&profiles)?))?,
        Format::Ndjson => print(&format!("{}\n", serde_json::to_string(&profiles)?))?,
    }
    if let Some(s) = sub {
        if !reachable.iter().any(|a| a.eq_ignore_ascii_case(&s)) {
            ctx.ui.warn(format!(
                "subaccount '{s}' is not among the accounts this key can reach ({}): clear --subaccount, or create a key inside '{s}'",
                reachable.join(", ")
            ));
        }
    }
    Ok(())
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.into()
}

fn load(file: &Path) -> Result<Mapping> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| UsageError::new(format!("cannot read {}: {e}", file.display())))?;
    Mapping::parse(&text).map_err(|problems| {
        DataError(format!(
            "{} is not a valid account mapping:\n  {}",
            file.display(),
            problems.join("\n  ")
        ))
        .into()
    })
}

pub fn mapping_check(ctx: &Ctx, file: &Path) -> Result<()> {
    let m = load(file)?;
    let mut by_account: Vec<(String, Vec<&str>)> =
        m.accounts.iter().map(|a| (a.clone(), Vec::new())).collect();
    for (aws, lw) in &m.routes {
        if let Some(entry) = by_account.iter_mut().find(|(a, _)| a == lw) {
            entry.1.push(aws);
        }
    }
    match ctx.ui.format() {
        Format::Table | Format::Csv => {
            let mut table = crate::output::table();
            table.set_header(["Lacework account", "AWS accounts"]);
            for (lw, ids) in &by_account {
                table.add_row([lw.clone(), ids.join(", ")]);
            }
            table.add_row([
                m.default_account.clone(),
                "(every other AWS account)".into(),
            ]);
            print(&format!("{table}\n"))?;
        }
        format => {
            let v = json!({
                "default": m.default_account,
                "accounts": by_account.iter().map(|(lw, ids)| (lw.clone(), json!(ids))).collect::<serde_json::Map<_, _>>(),
            });
            let text = if format == Format::Json {
                serde_json::to_string_pretty(&v)?
            } else {
                v.to_string()
            };
            print(&format!("{text}\n"))?;
        }
    }
    ctx.ui.info(format!(
        "{}: OK, {} AWS account(s) mapped to {} Lacework account(s); the rest go to {}",
        file.display(),
        m.routes.len(),
        m.accounts.len(),
        m.default_account
    ));
    Ok(())
}

pub fn mapping_route(ctx: &Ctx, aws_account: &str, file: &Path) -> Result<()> {
    let m = load(file)?;
    let route = m.route(aws_account);
    match ctx.ui.format() {
        Format::Table | Format::Csv => {
            print(&format!("{}\n", route.lacework_account))?;
            ctx.ui.info(if route.explicit {
                format!(
                    "{aws_account} is mapped to {} in {}",
                    route.lacework_account,
                    file.display()
                )
            } else {
                format!(
                    "{aws_account} is not mapped in {}; it goes to the default, {}",
                    file.display(),
                    route.lacework_account
                )
            });
        }
        _ => print(&format!(
            "{}\n",
            json!({"aws_account": aws_account, "lacework_account": route.lacework_account, "explicit": route.explicit})
        ))?,
    }
    Ok(())
}
